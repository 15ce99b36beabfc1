"""A pixel's history on the map: the statistics form's "Pixel history" button, its map tool and the
marker of the charted point.

- PixelHistoryTool: a click (left button) on the canvas emits the point in the map's CRS; Esc
  leaves the tool (the key is the tool's alone, as for the AOI tools of ui/map_tools.py).
- PixelHistory: the button starts the tool; each click runs the history of that point through the
  task controller (services/pixel_history.py: a background task with progress and cancel in the
  task list) with the statistics form's indices, dates, sensors, limit and cloud exclusion; the
  answer is charted in the statistics dock as any statistics. The point clicked is marked on the map
  (a QgsVertexMarker) while its history runs and as long as the chart shows it: a chart of another
  point moves the marker there, a chart of an AOI's statistics removes it, and so does a history that
  fails or is cancelled (the marker goes back to the point charted, if any).
"""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsPointXY,
    QgsProject,
)
from qgis.gui import QgisInterface, QgsMapCanvas, QgsMapMouseEvent, QgsMapTool, QgsVertexMarker
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, Qt, pyqtSignal
from qgis.PyQt.QtGui import QCursor, QKeyEvent

from ..core.errors import LoadByExtentError
from .map_tools import DRAWING_STROKE_COLOR, KeyClaim, consume_key

MARKER_SIZE = 14  # px: a cross a click away from nothing else, drawn in the AOI's map colour
MARKER_PEN = 3


class PixelHistoryTool(QgsMapTool):
    """Click a point with the left button: `pointClicked` (map CRS). Esc: `left`."""

    pointClicked = pyqtSignal(QgsPointXY)  # noqa: N815 - Qt signal name
    left = pyqtSignal()

    def __init__(self, canvas: QgsMapCanvas) -> None:
        super().__init__(canvas)
        self._key_claim = KeyClaim(self)
        self.setCursor(QCursor(Qt.CursorShape.CrossCursor))

    def flags(self) -> QgsMapTool.Flags:
        return QgsMapTool.Flags()  # not transient (no zoom/pan tool), no context menu

    def activate(self) -> None:
        self._key_claim.start()
        super().activate()

    def deactivate(self) -> None:
        self._key_claim.stop()
        super().deactivate()

    def canvasReleaseEvent(self, e: QgsMapMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            self.pointClicked.emit(QgsPointXY(e.mapPoint()))

    def handles_key(self, e: QKeyEvent) -> bool:
        """Esc, whatever the modifiers, is the tool's: QGIS must not also act on it."""
        return e.key() == Qt.Key.Key_Escape

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if self.handles_key(e):
            self.left.emit()
            consume_key(e)


class PixelHistory(QObject):
    """The button's work: the tool on the canvas, each click's task, the marker of the charted point."""

    def __init__(self, iface: QgisInterface, controller: object, project: QgsProject,
                 parameters: Callable[[], dict], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.controller = controller  # services.task_controller.TaskController
        self.project = project
        self.parameters = parameters  # the statistics form's: mt_stats_request's keyword arguments but the AOI
        self.tool = PixelHistoryTool(self.canvas)
        self.tool.pointClicked.connect(self.run_at)
        self.tool.left.connect(self.leave)
        self.marker: QgsVertexMarker | None = None
        self.marked: tuple[float, float] | None = None  # (lon, lat) of the point marked
        self.charted: tuple[float, float] | None = None  # (lon, lat) of the point the chart shows
        self._clicked: dict[tuple[float, float], QgsPointXY] = {}  # where each point was clicked (map CRS)
        self._previous_tool: QgsMapTool | None = None
        controller.statisticsReady.connect(self.chart_shown)

    # --- the tool ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Put the tool on the canvas (the tool it replaces comes back when it is left)."""
        if self.canvas.mapTool() is not self.tool:
            self._previous_tool = self.canvas.mapTool()
            self.canvas.setMapTool(self.tool)
        self.canvas.setFocus()  # Esc goes to the canvas, where the tool takes it

    def leave(self) -> None:
        if self.canvas.mapTool() is self.tool:
            if self._previous_tool is not None and not sip.isdeleted(self._previous_tool):
                self.canvas.setMapTool(self._previous_tool)
            else:
                self.canvas.unsetMapTool(self.tool)
        self._previous_tool = None

    # --- a click ------------------------------------------------------------------------------------
    def run_at(self, point: QgsPointXY) -> object | None:
        """Run the history of `point` (map CRS); the task, or None (said in QGIS's message bar)."""
        lonlat = self._transform(self.canvas.mapSettings().destinationCrs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                 point)
        if lonlat is None:
            self._warn(self.tr("This point of the map has no longitude and latitude"))
            return None
        key = (lonlat.x(), lonlat.y())
        try:
            task = self.controller.submit_pixel_history(key[0], key[1], self.parameters())
        except LoadByExtentError as error:
            self._warn(str(error))
            return None
        self._clicked[key] = QgsPointXY(point)
        self._mark(key)
        task.failed.connect(lambda _message: self._ended_without_chart(key))
        task.cancelled.connect(lambda: self._ended_without_chart(key))
        return task

    def chart_shown(self, _answer: dict, request: dict) -> None:
        """The statistics dock shows a new chart: mark its point, or nothing when it is an AOI's."""
        pixel = (request.get("params") or {}).get("pixel") if isinstance(request, dict) else None
        self.charted = (float(pixel["lon"]), float(pixel["lat"])) if isinstance(pixel, dict) else None
        self._mark(self.charted)

    def _ended_without_chart(self, key: tuple[float, float]) -> None:
        if self.marked == key:
            self._mark(self.charted)

    # --- the marker ---------------------------------------------------------------------------------
    def _mark(self, key: tuple[float, float] | None) -> None:
        self.remove_marker()
        if key is None:
            return
        point = self._clicked.get(key) or self._transform(
            QgsCoordinateReferenceSystem("EPSG:4326"), self.canvas.mapSettings().destinationCrs(), QgsPointXY(*key))
        if point is None:
            return
        self.marker = QgsVertexMarker(self.canvas)
        self.marker.setIconType(QgsVertexMarker.IconType.ICON_X)
        self.marker.setIconSize(MARKER_SIZE)
        self.marker.setPenWidth(MARKER_PEN)
        self.marker.setColor(DRAWING_STROKE_COLOR)
        self.marker.setCenter(point)
        self.marked = key

    def remove_marker(self) -> None:
        marker, self.marker, self.marked = self.marker, None, None
        if marker is None or sip.isdeleted(marker):
            return
        if marker.scene() is not None:
            marker.scene().removeItem(marker)
        sip.delete(marker)

    # --- helpers ------------------------------------------------------------------------------------
    def _transform(self, source: QgsCoordinateReferenceSystem, target: QgsCoordinateReferenceSystem,
                   point: QgsPointXY) -> QgsPointXY | None:
        try:
            return QgsCoordinateTransform(source, target, self.project).transform(point)
        except QgsCsException:  # a point outside the domain of the map's CRS
            return None

    def _warn(self, text: str) -> None:
        self.iface.messageBar().pushMessage(self.tr("Load By Extent"), text, Qgis.MessageLevel.Warning)

    def cleanup(self) -> None:
        """Leave the tool and take the marker off the canvas (unload)."""
        self.leave()
        self.remove_marker()
        self.controller.statisticsReady.disconnect(self.chart_shown)
        self.tool.deleteLater()  # the canvas is its parent: it would outlive the dock
