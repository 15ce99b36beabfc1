"""The scene picker: scenes of the scene folders that meet the AOI, filtered by date and cloud,
their footprints on the map, and a view_id field validated as it is typed."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence

from qgis.core import QgsGeometry, QgsRectangle, QgsReferencedRectangle, QgsWkbTypes
from qgis.gui import QgsMapCanvas, QgsRubberBand
from qgis.PyQt.QtCore import QDate, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QImage, QPixmap
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import RequestError
from ..core.http_raster import is_url
from ..core.scenes import ListedScene, date_order
from ..core.sensors import SceneId, parse_view_id
from ..services.aoi import WGS84, geometry_from_geojson
from ..services.thumbnail import ThumbnailFetcher
from .map_zoom import cannot_show_text, zoom_canvas
from .optional_number import OptionalDoubleSpinBox
from .scene_paging import ScenePaging

# Map symbology, fixed like the AOI's (ui/map_tools.py says why): a blue told apart from the orange
# AOI and from the project's selection colour.
FOOTPRINT_COLOUR = QColor(0, 120, 255, 150)
SELECTED_FOOTPRINT_COLOUR = QColor(0, 120, 255, 230)
THUMBNAIL_SIZE = 160  # pixels at most either way: it fits a narrow dock


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ScenePicker(QWidget):
    """Emits `filtersChanged` when a search should run, `viewIdChanged(text, scene_id or None)`,
    `zoomFailed(message)` when the map cannot show the scene double-clicked, `moreWanted` when the
    user asks for a catalog's next page (scrolled near the end of the list, or "More scenes")."""

    filtersChanged = pyqtSignal()
    moreWanted = pyqtSignal()
    viewIdChanged = pyqtSignal(str, object)
    zoomFailed = pyqtSignal(str)

    def __init__(self, canvas: QgsMapCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.scenes: list[ListedScene] = []
        self._footprints: QgsRubberBand | None = None  # the listed scenes' footprints, while shown
        self._selected_footprint = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self._selected_footprint.setColor(SELECTED_FOOTPRINT_COLOUR)
        self._selected_footprint.setBrushStyle(Qt.BrushStyle.NoBrush)  # a fill would tint the results under it
        self._selected_footprint.setWidth(2)
        self._shown = True  # drawn on the map only while the dock is open
        canvas.destinationCrsChanged.connect(self._redraw)

        today = dt.date.today()
        self.start_date = QDateEdit(_qdate(today - dt.timedelta(days=365)))
        self.end_date = QDateEdit(_qdate(today))
        for edit in (self.start_date, self.end_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(QDate(1972, 1, 1))
            edit.dateChanged.connect(self.filtersChanged)
        self.any_date = QCheckBox(self.tr("any date"))
        self.any_date.setChecked(True)
        self.any_date.toggled.connect(self._date_mode_changed)
        self.max_cloud = OptionalDoubleSpinBox(-1, 100, 0, self.tr("no limit"))  # 0 % is a limit: only clear scenes
        self.max_cloud.setObjectName("sceneMaxCloud")
        self.max_cloud.setSuffix(" %")
        self.max_cloud.valueChanged.connect(self.filtersChanged)
        self.show_footprints = QCheckBox(self.tr("Footprints"))
        self.show_footprints.toggled.connect(self._draw_footprints)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("sceneTable")
        self.table.setHorizontalHeaderLabels([self.tr("date"), self.tr("sensor"), self.tr("cloud"), self.tr("view_id")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(200)
        self.table.itemSelectionChanged.connect(self._row_selected)
        self.table.cellDoubleClicked.connect(self._zoom_to_row)
        self.paging = ScenePaging(self.table, self)
        self.paging.wanted.connect(self.moreWanted)
        self._problems: list[str] = []  # of the search shown (a page's own are said after them)
        self._aoi = True
        self.status = QLabel()
        self.status.setWordWrap(True)
        # The selected scene's preview image, when its catalog has one; fetched in the background.
        self.thumbnail = QLabel()
        self.thumbnail.setObjectName("sceneThumbnail")
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.hide()
        self._thumbnail_url: str | None = None
        self.thumbnails = ThumbnailFetcher(self)
        self.thumbnails.ready.connect(self._thumbnail_ready)

        self.view_id_edit = QLineEdit()
        self.view_id_edit.setObjectName("viewIdEdit")
        self.view_id_edit.setPlaceholderText("S2/33/U/UU/2017/2/16/0")
        self.view_id_edit.textChanged.connect(self._view_id_typed)
        self.view_id_status = QLabel()
        self.view_id_status.setWordWrap(True)

        # "any date" above the two dates it switches: each row whole in a narrow dock.
        cloud = QHBoxLayout()
        cloud.addWidget(self.any_date)
        cloud.addStretch(1)
        cloud.addWidget(QLabel(self.tr("Cloud ≤")))
        cloud.addWidget(self.max_cloud)
        dates = QHBoxLayout()
        dates.addWidget(self.start_date, 1)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.end_date, 1)
        status = QHBoxLayout()  # the footprints' switch beside the count of what they would show
        status.addWidget(self.status, 1)
        status.addWidget(self.show_footprints)
        self.view_id_row = QWidget()
        view_id = QHBoxLayout(self.view_id_row)
        view_id.setContentsMargins(0, 0, 0, 0)
        view_id.addWidget(QLabel(self.tr("view_id")))
        view_id.addWidget(self.view_id_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(cloud)
        layout.addLayout(dates)
        layout.addWidget(self.table)
        layout.addWidget(self.paging.button)  # under the list's last row, as its continuation
        layout.addWidget(self.thumbnail)
        layout.addLayout(status)
        layout.addWidget(self.view_id_row)
        layout.addWidget(self.view_id_status)
        self._date_mode_changed(True)

    # --- filters ------------------------------------------------------------------------------
    def criteria(self) -> dict:
        """The search criteria other than the AOI."""
        use_dates = not self.any_date.isChecked()
        return {
            "start": _pydate(self.start_date.date()) if use_dates else None,
            "end": _pydate(self.end_date.date()) if use_dates else None,
            "max_cloud": self.max_cloud.number(),
        }

    def _date_mode_changed(self, any_date: bool) -> None:
        self.start_date.setEnabled(not any_date)
        self.end_date.setEnabled(not any_date)
        self.filtersChanged.emit()

    # --- the list -----------------------------------------------------------------------------
    def set_searching(self, remote: bool = False, catalogs: bool = False) -> None:
        """Say a search is under way: of the API, of sources with catalogs among them, of folders."""
        if remote:
            self.status.setText(self.tr("Searching the API's scenes…"))
        elif catalogs:
            self.status.setText(self.tr("Searching the scene sources…"))
        else:
            self.status.setText(self.tr("Searching the scene folders…"))

    def set_message(self, text: str) -> None:
        self.status.setText(text)

    def set_scenes(self, scenes: list[ListedScene], problems: list[str], aoi: bool = True, more: bool = False) -> None:
        """Show the scenes found; `aoi`: whether they were searched for an area of interest; `more`:
        whether a catalog has more pages (fetched as `moreWanted` says)."""
        self.scenes = []
        self._problems, self._aoi = list(problems), aoi
        self.table.setRowCount(0)
        self._add_rows(scenes)
        self.paging.set_more(more)
        self._say_count(more)
        self._view_id_typed(self.view_id_edit.text())

    def add_scenes(self, scenes: list[ListedScene], problems: list[str], more: bool) -> None:
        """Append a catalog's next page (scenes already listed are not listed twice); the selection,
        the scroll position and the thumbnail stay."""
        listed = {scene.view_id for scene in self.scenes}
        added = [scene for scene in scenes if scene.view_id not in listed]
        if self.scenes and any(date_order(scene) > date_order(self.scenes[-1]) for scene in added):
            # A page reaching back among the listed dates (folders listed beside a catalog): the list
            # is made again in date order, newest first, the selection and the scroll position kept.
            scroll = self.table.verticalScrollBar().value()
            merged = sorted(self.scenes + added, key=date_order, reverse=True)
            self.scenes = []
            self.table.setRowCount(0)
            self._add_rows(merged)
            self.table.verticalScrollBar().setValue(scroll)
        else:
            self._add_rows(added)
        self.paging.set_more(more)
        self._say_count(more, problems, ended=not more)
        if any(scene.view_id == self.view_id() for scene in added):  # the view_id typed is listed now
            self._view_id_typed(self.view_id_edit.text())

    def set_fetching_more(self) -> None:
        self.paging.set_more(True, fetching=True)
        self.status.setText(self.tr("{count} scene(s) meet the area of interest so far; fetching more…").format(
            count=len(self.scenes)))

    def _say_count(self, more: bool, page_problems: Sequence[str] = (), ended: bool = False) -> None:
        count = len(self.scenes)
        if more:
            text = self.tr("{count} scene(s) meet the area of interest so far; more in the catalog").format(count=count)
        elif ended:  # pages were fetched, and the last one had no `next` link
            text = self.tr("{count} scene(s) meet the area of interest; the end of the catalog").format(count=count)
        elif self._aoi:
            text = self.tr("{count} scene(s) meet the area of interest").format(count=count)
        else:
            text = self.tr("{count} scene(s) in the scene folders").format(count=count)
        problems = self._problems + list(page_problems)
        if problems:
            text += " · " + " · ".join(problems)
        self.status.setText(text)

    def _add_rows(self, scenes: list[ListedScene]) -> None:
        """Rows for `scenes` after those listed; the scene of the view_id typed selected when it
        comes (nothing else selected)."""
        current = self.view_id_edit.text().strip()
        first = len(self.scenes)
        self.scenes += scenes
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.scenes))
        for row, scene in enumerate(scenes, first):
            cloud = "" if scene.cloud_cover is None else f"{scene.cloud_cover:.0f} %"
            level = f" {scene.product_level}" if scene.product_level else ""
            values = [scene.date.isoformat() if scene.date else "", scene.sensor.code + level, cloud, scene.view_id]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                self.table.setItem(row, column, item)
            if scene.view_id == current and not self.table.selectionModel().hasSelection():
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.table.blockSignals(False)
        self._draw_footprints()

    def scene(self, view_id: str) -> ListedScene | None:
        for scene in self.scenes:
            if scene.view_id == view_id:
                return scene
        return None

    def _row_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.view_id_edit.setText(self.scenes[rows[0].row()].view_id)

    def _zoom_to_row(self, row: int, _column: int) -> None:
        scene = self.scenes[row]
        geometry = self._footprint_geometry(scene)
        if geometry is None:
            return
        extent = QgsRectangle(geometry.boundingBox())
        extent.scale(1.1)
        if not zoom_canvas(self.canvas, QgsReferencedRectangle(extent, WGS84)):
            self.zoomFailed.emit(cannot_show_text(
                self.canvas, self.tr("the scene {view_id}").format(view_id=scene.view_id)))

    # --- view_id ------------------------------------------------------------------------------
    def set_view_id_shown(self, shown: bool) -> None:
        """The view_id field, hidden for tasks over every scene (statistics)."""
        self.view_id_row.setVisible(shown)
        self.view_id_status.setVisible(shown)

    def view_id(self) -> str:
        return self.view_id_edit.text().strip()

    def set_view_id(self, view_id: str) -> None:
        self.view_id_edit.setText(view_id)

    def _view_id_typed(self, text: str) -> None:
        text = text.strip()
        scene_id: SceneId | None = None
        if not text:
            self.view_id_status.setText(self.tr("Pick a scene above or type its view_id."))
        else:
            try:
                scene_id = parse_view_id(text)
            except RequestError as error:
                self.view_id_status.setText("✗ " + error.message)
            else:
                found = self.scene(scene_id.view_id)
                if found is not None and getattr(found, "item_id", None):  # an item of a catalog (StacScene)
                    self.view_id_status.setText(
                        self.tr("✓ {sensor} scene of {date}, in the catalog").format(
                            sensor=scene_id.sensor.name, date=scene_id.date or "?")
                    )
                elif found is not None:
                    self.view_id_status.setText(
                        self.tr("✓ {sensor} scene of {date}, in the scene folders").format(
                            sensor=scene_id.sensor.name, date=scene_id.date or "?")
                    )
                else:
                    self.view_id_status.setText(
                        self.tr("a valid {sensor} id; not among the scenes listed above").format(
                            sensor=scene_id.sensor.name)
                    )
        self._draw_selected_footprint(scene_id)
        self._show_thumbnail(self.scene(scene_id.view_id) if scene_id else None)
        self.viewIdChanged.emit(text, scene_id)

    # --- thumbnail ----------------------------------------------------------------------------
    def _show_thumbnail(self, scene: ListedScene | None) -> None:
        """Fetch the thumbnail of `scene` (a catalog's scene has one, if its item has); none, or one
        that fails, shows nothing."""
        url = getattr(scene, "thumbnail", None)
        url = url if url and is_url(url) else None
        if url == self._thumbnail_url:
            return  # shown or on its way (the list was searched again, the same scene selected)
        self._thumbnail_url = url
        self.thumbnail.clear()
        self.thumbnail.hide()
        if url:
            self.thumbnails.fetch(url)
        else:
            self.thumbnails.cancel()

    def _thumbnail_ready(self, url: str, image: QImage) -> None:
        if url != self._thumbnail_url:
            return
        pixmap = QPixmap.fromImage(image)
        if pixmap.width() > THUMBNAIL_SIZE or pixmap.height() > THUMBNAIL_SIZE:
            pixmap = pixmap.scaled(THUMBNAIL_SIZE, THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.thumbnail.setPixmap(pixmap)
        self.thumbnail.setToolTip(self.tr("Preview of {view_id}").format(view_id=self.view_id()))
        self.thumbnail.show()

    # --- footprints ---------------------------------------------------------------------------
    def _footprint_geometry(self, scene: ListedScene) -> QgsGeometry | None:
        try:
            return geometry_from_geojson(scene.footprint())  # the footprint is cached by the search
        except Exception:  # noqa: BLE001 - a scene without a readable footprint just is not drawn
            return None

    def set_shown(self, shown: bool) -> None:
        """Show or hide the footprints (the dock opened or closed)."""
        self._shown = shown
        self._redraw()

    def _redraw(self) -> None:
        """Redraw the footprints, in the canvas's current CRS."""
        self._draw_footprints()
        try:
            scene_id = parse_view_id(self.view_id()) if self.view_id() else None
        except RequestError:
            scene_id = None
        self._draw_selected_footprint(scene_id)

    def _draw_footprints(self) -> None:
        """All footprints in one rubber band, one part per scene: one canvas item to draw and to
        transform, however many scenes the search lists."""
        if self._footprints is not None:
            self.canvas.scene().removeItem(self._footprints)
            self._footprints = None
        if not self.show_footprints.isChecked() or not self._shown:
            return
        geometries = [geometry for geometry in map(self._footprint_geometry, self.scenes) if geometry is not None]
        if not geometries:
            return
        band = QgsRubberBand(self.canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        band.setColor(FOOTPRINT_COLOUR)
        band.setBrushStyle(Qt.BrushStyle.NoBrush)
        band.setWidth(1)
        band.setToGeometry(QgsGeometry.collectGeometry(geometries), WGS84)
        self._footprints = band

    def _draw_selected_footprint(self, scene_id: SceneId | None) -> None:
        self._selected_footprint.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        scene = self.scene(scene_id.view_id) if scene_id and self._shown else None
        geometry = self._footprint_geometry(scene) if scene else None
        if geometry is not None:
            self._selected_footprint.setToGeometry(geometry, WGS84)

    def remove_from_canvas(self) -> None:
        """Take every rubber band off the canvas (plugin unload)."""
        with contextlib.suppress(TypeError):  # not connected
            self.canvas.destinationCrsChanged.disconnect(self._redraw)
        self.show_footprints.setChecked(False)
        self._draw_footprints()
        self._selected_footprint.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self.canvas.scene().removeItem(self._selected_footprint)
        self.thumbnails.cancel()
