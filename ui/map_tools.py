"""Map tools that draw an area of interest: a dragged rectangle or a clicked polygon.

Both tools only draw while the user draws. When a shape is finished they emit `aoiDrawn` with a
polygon in the canvas's map CRS and forget it; the dock keeps (and draws) the AOI itself.
`remove_rubber_bands()` takes everything a tool put on the canvas off it (plugin unload).

The keys a tool handles are its own: QGIS must not also act on them (its "delete selected features"
runs on a Backspace or Delete the map tool left to the canvas). See `KeyClaim` and `consume_key`.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsGeometry, QgsPointLocator, QgsPointXY, QgsRectangle, QgsWkbTypes
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapTool, QgsMapToolExtent, QgsRubberBand, QgsSnapIndicator
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QEvent, QObject, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QCursor, QKeyEvent

# Map symbology, not interface colours, so they stay fixed whatever the QGIS theme: they are drawn
# over the map (whose background is the project's, white by default in a dark theme too) and over
# imagery, where a strong orange stands out; the project's selection colour is not used, as it
# means "selected features", and an AOI may be made from those: the two must be told apart.
DRAWING_STROKE_COLOR = QColor(255, 96, 0, 220)
DRAWING_FILL_COLOR = QColor(255, 96, 0, 60)
DRAWING_STROKE_WIDTH = 2


def _item_address(item: object) -> int:
    return sip.unwrapinstance(item)


def _rubber_bands_in_scene(canvas: QgsMapCanvas) -> list[QgsRubberBand]:
    return [item for item in canvas.scene().items() if isinstance(item, QgsRubberBand)]


def _style_drawing_band(band: QgsRubberBand) -> None:
    band.setColor(DRAWING_STROKE_COLOR)
    band.setFillColor(DRAWING_FILL_COLOR)
    band.setWidth(DRAWING_STROKE_WIDTH)


def consume_key(e: QKeyEvent) -> None:
    """Tell QgsMapCanvas that the tool has used the key (when the canvas passes it on: `KeyClaim`
    normally takes the tool's keys before). Its convention is backwards: an event the tool
    leaves accepted goes on to the canvas's own handling (arrows pan...) and to its `keyPressed`
    signal, on which QGIS deletes the selected features for Backspace and Delete; an ignored one
    stops there. QGIS's own digitizing tools ignore the keys they use for the same reason."""
    e.ignore()


class KeyClaim(QObject):
    """While its tool is the canvas's tool, takes the keys the tool handles before Qt or QGIS can act
    on them, and gives them to the tool alone.

    Two ways a key press reaches QGIS around a map tool: before the press reaches the focused
    widget, Qt asks it with a ShortcutOverride event whether it wants the key, and if not a QAction
    or QShortcut with that key fires instead (the tool never sees it); and QgsMapCanvas of QGIS 3.22
    neither asks its map tool about shortcuts nor gives it the keys pressed while a mouse button is
    down (it only emits `keyPressed`, on which QGIS deletes the selected features for Backspace and
    Delete). So the tool watches the canvas itself: it accepts the ShortcutOverride for its keys and
    handles their key press before the canvas, which then never sees it.
    """

    def __init__(self, tool: QgsMapTool) -> None:
        super().__init__(tool)
        self._tool = tool

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not self._tool.handles_key(event):
            return False
        if kind == QEvent.Type.KeyPress:
            self._tool.keyPressEvent(event)
        event.accept()
        return True

    def start(self) -> None:
        self._tool.canvas().installEventFilter(self)

    def stop(self) -> None:
        self._tool.canvas().removeEventFilter(self)


class RectangleAoiTool(QgsMapToolExtent):
    """Drag a rectangle with the left button; on release emits it as a polygon in the map CRS.

    A click without a drag (an empty extent) emits nothing. Esc drops a drag in progress and emits
    `drawingCanceled` (also when nothing was being dragged, like PolygonAoiTool); QGIS does not see
    that Esc.
    """

    aoiDrawn = pyqtSignal(QgsGeometry)  # noqa: N815 - Qt signal name
    drawingCanceled = pyqtSignal()  # noqa: N815 - Qt signal name

    def __init__(self, canvas: QgsMapCanvas) -> None:
        bands_before = {_item_address(band) for band in _rubber_bands_in_scene(canvas)}
        super().__init__(canvas)
        # QgsMapToolExtent makes its rubber band in C++ and does not expose it: find it in the scene
        # so that remove_rubber_bands() can take it off the canvas.
        self._extent_bands = [
            band for band in _rubber_bands_in_scene(canvas) if _item_address(band) not in bands_before
        ]
        for band in self._extent_bands:
            _style_drawing_band(band)
        self._dragging = False
        self._key_claim = KeyClaim(self)
        self.setCursor(QCursor(Qt.CursorShape.CrossCursor))

    def activate(self) -> None:
        # After remove_rubber_bands() the tool still works: its band goes back on the canvas.
        scene = self.canvas().scene()
        for band in self._extent_bands:
            if not sip.isdeleted(band) and band.scene() is None:
                scene.addItem(band)
        self._key_claim.start()
        super().activate()

    def deactivate(self) -> None:
        self._dragging = False
        self._key_claim.stop()
        super().deactivate()  # QgsMapToolExtent clears its rubber band

    def canvasPressEvent(self, e: QgsMapMouseEvent) -> None:
        if e.button() != Qt.MouseButton.LeftButton:
            return
        self._dragging = True
        super().canvasPressEvent(e)

    def canvasMoveEvent(self, e: QgsMapMouseEvent) -> None:
        if self._dragging:
            super().canvasMoveEvent(e)

    def canvasReleaseEvent(self, e: QgsMapMouseEvent) -> None:
        if e.button() != Qt.MouseButton.LeftButton or not self._dragging:
            return
        self._dragging = False
        super().canvasReleaseEvent(e)
        extent: QgsRectangle = self.extent()
        self.clearRubberBand()
        if extent.isEmpty():
            return
        self.aoiDrawn.emit(QgsGeometry.fromRect(extent))

    def handles_key(self, e: QKeyEvent) -> bool:
        """Whether the key is the tool's (Esc), whatever the modifiers: QGIS must not act on it."""
        return e.key() == Qt.Key.Key_Escape

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if self.handles_key(e):
            self.cancel()
            consume_key(e)
        # other keys are left accepted: the canvas and QGIS's shortcuts handle them

    def cancel(self) -> None:
        """Drop the rectangle being dragged (if any) and emit `drawingCanceled`."""
        self._dragging = False
        self.clearRubberBand()
        self.drawingCanceled.emit()

    def remove_rubber_bands(self) -> None:
        """Take the tool's rubber band off the canvas (plugin unload). activate() puts it back."""
        self._dragging = False
        self.clearRubberBand()
        for band in self._extent_bands:
            if not sip.isdeleted(band) and band.scene() is not None:
                band.scene().removeItem(band)
                # removeItem() hands the item to Python; QgsMapToolExtent owns and deletes it in C++.
                sip.transferto(band, None)


class PolygonAoiTool(QgsMapTool):
    """Click vertices with the left button; double-click or right-click finishes the polygon.

    Backspace or Delete removes the last vertex, Esc cancels; while the tool is active these keys are
    its own, also with nothing drawn (QGIS would delete the selected features of the active layer).
    A finished polygon (at least 3 distinct vertices, not crossing itself) is emitted by `aoiDrawn`
    in the map CRS with a closed ring, and the tool starts over. Problems are reported through
    QgsMapTool's `messageEmitted`.
    """

    aoiDrawn = pyqtSignal(QgsGeometry)  # noqa: N815 - Qt signal name
    drawingCanceled = pyqtSignal()  # noqa: N815 - Qt signal name
    vertexCountChanged = pyqtSignal(int)  # noqa: N815 - Qt signal name

    def __init__(self, canvas: QgsMapCanvas) -> None:
        super().__init__(canvas)
        self._vertices: list[QgsPointXY] = []
        self._cursor_point: QgsPointXY | None = None
        self._rubber_band: QgsRubberBand | None = None  # exists only while there are vertices
        self._snap_indicator = QgsSnapIndicator(canvas)
        # Qt delivers a double-click as press, release, double-click, release: the first release
        # adds the vertex and the last one finishes. Finishing on the double-click itself would hand
        # that last release to the tool the dock puts back (QGIS's pan tool centres the map on it).
        self._finish_on_release = False
        self._key_claim = KeyClaim(self)
        self.setCursor(QCursor(Qt.CursorShape.CrossCursor))

    # --- state --------------------------------------------------------------------------------
    @property
    def vertices(self) -> list[QgsPointXY]:
        """A copy of the vertices clicked so far, in the map CRS."""
        return [QgsPointXY(vertex) for vertex in self._vertices]

    @property
    def rubber_band(self) -> QgsRubberBand | None:
        """The band showing the polygon being drawn; None when nothing is drawn."""
        return self._rubber_band

    def flags(self) -> QgsMapTool.Flags:
        return QgsMapTool.Flags()  # not transient (no zoom/pan tool), no context menu

    # --- QgsMapTool events -------------------------------------------------------------------
    def activate(self) -> None:
        self._key_claim.start()
        super().activate()

    def deactivate(self) -> None:
        self.clear()
        self._snap_indicator.setMatch(QgsPointLocator.Match())
        self._key_claim.stop()
        super().deactivate()

    def canvasPressEvent(self, e: QgsMapMouseEvent) -> None:
        self._finish_on_release = False

    def canvasMoveEvent(self, e: QgsMapMouseEvent) -> None:
        point = e.snapPoint()
        self._snap_indicator.setMatch(e.mapPointMatch())
        if not self._vertices:
            return
        self._cursor_point = point
        self._redraw()

    def canvasReleaseEvent(self, e: QgsMapMouseEvent) -> None:
        if self._finish_on_release:
            # the end of a double-click, whose first click has already added its vertex
            self._finish_on_release = False
            if e.button() == Qt.MouseButton.LeftButton:
                self.finish_polygon()
            return
        if e.button() == Qt.MouseButton.LeftButton:
            self.add_vertex(e.snapPoint())
        elif e.button() == Qt.MouseButton.RightButton:
            self.finish_polygon()

    def canvasDoubleClickEvent(self, e: QgsMapMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            self._finish_on_release = True

    def handles_key(self, e: QKeyEvent) -> bool:
        """Whether the key is the tool's (Esc, Backspace, Delete), whatever the modifiers and also
        with nothing drawn: QGIS must not act on it."""
        return e.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace, Qt.Key.Key_Delete)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if not self.handles_key(e):
            return  # left accepted: the canvas and QGIS's shortcuts handle it (arrows pan...)
        if e.key() == Qt.Key.Key_Escape:
            self.cancel()
        else:
            self.remove_last_vertex()
        consume_key(e)

    # --- drawing ------------------------------------------------------------------------------
    def add_vertex(self, point: QgsPointXY) -> None:
        """Append a vertex (map CRS); a repeat of the last vertex is not added twice."""
        if self._vertices and self._vertices[-1].compare(point):
            return
        self._vertices.append(QgsPointXY(point))
        self._cursor_point = None
        self._redraw()
        self.vertexCountChanged.emit(len(self._vertices))

    def remove_last_vertex(self) -> None:
        if not self._vertices:
            return
        self._vertices.pop()
        self._redraw()
        self.vertexCountChanged.emit(len(self._vertices))

    def finish_polygon(self) -> bool:
        """Emit the polygon drawn so far and start over; False (with a message) when it is no polygon."""
        distinct_vertices = {(vertex.x(), vertex.y()) for vertex in self._vertices}
        if len(distinct_vertices) < 3:
            self.messageEmitted.emit(self.tr("A polygon needs at least 3 vertices"), Qgis.MessageLevel.Warning)
            return False
        ring = list(self._vertices)
        if ring[-1].compare(ring[0]):
            ring.pop()  # the user clicked the first vertex again to close the ring
        ring.append(QgsPointXY(ring[0]))
        polygon = QgsGeometry.fromPolygonXY([ring])
        if polygon.area() <= 0:
            self.messageEmitted.emit(
                self.tr("The polygon has no area: its vertices are on one line"), Qgis.MessageLevel.Warning
            )
            return False
        if not polygon.isGeosValid():
            self.messageEmitted.emit(
                self.tr("The polygon crosses itself: remove vertices with Backspace and draw it again"),
                Qgis.MessageLevel.Warning,
            )
            return False
        self.clear()
        self.messageDiscarded.emit()  # QGIS takes a warning of an earlier try off its message bar
        self.aoiDrawn.emit(polygon)
        return True

    def cancel(self) -> None:
        """Drop the polygon being drawn and emit `drawingCanceled` (also when nothing was drawn)."""
        self.clear()
        self.drawingCanceled.emit()

    def clear(self) -> None:
        """Forget the vertices and take the rubber band off the canvas; the tool stays usable."""
        had_vertices = bool(self._vertices)
        self._vertices = []
        self._cursor_point = None
        self._finish_on_release = False
        self._remove_rubber_band()
        if had_vertices:
            self.vertexCountChanged.emit(0)

    def remove_rubber_bands(self) -> None:
        """Take everything the tool drew off the canvas (plugin unload)."""
        self.clear()
        self._snap_indicator.setMatch(QgsPointLocator.Match())

    # --- the rubber band ---------------------------------------------------------------------
    def _redraw(self) -> None:
        if not self._vertices:
            self._remove_rubber_band()
            return
        if self._rubber_band is None:
            self._rubber_band = QgsRubberBand(self.canvas(), QgsWkbTypes.GeometryType.PolygonGeometry)
            _style_drawing_band(self._rubber_band)
        points = list(self._vertices)
        if self._cursor_point is not None:
            points.append(self._cursor_point)
        self._rubber_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        for index, point in enumerate(points):
            self._rubber_band.addPoint(point, index == len(points) - 1)
        self._rubber_band.show()

    def _remove_rubber_band(self) -> None:
        band = self._rubber_band
        self._rubber_band = None
        if band is None or sip.isdeleted(band):
            return
        band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        if band.scene() is not None:
            band.scene().removeItem(band)
        sip.delete(band)
