"""The area of interest section of the dock: where the AOI comes from (drawn, the selection, the
map extent, a file), its size, and what is wrong with it."""

from __future__ import annotations

import os

from qgis.core import Qgis, QgsApplication, QgsGeometry
from qgis.gui import QgisInterface, QgsCollapsibleGroupBox, QgsMapTool
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFileDialog, QGridLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ..core.errors import LoadByExtentError
from ..core.vector import read_aoi_file
from .area_of_interest import AreaOfInterest
from .map_tools import PolygonAoiTool, RectangleAoiTool
from .map_zoom import cannot_show_text
from .theme import ProblemLabel


class AoiSection(QgsCollapsibleGroupBox):
    """Sets the dock's AreaOfInterest; says its size and source, or what is wrong with it."""

    def __init__(self, iface: QgisInterface, aoi: AreaOfInterest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Area of interest"))
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.aoi = aoi
        self._previous_map_tool = None
        grid = QGridLayout()
        self.buttons = {}
        for index, (key, icon, text, tip, slot) in enumerate((
            ("rectangle", "/mActionSelectRectangle.svg", self.tr("Rectangle"), self.tr("Drag a rectangle on the map"),
             self.draw_rectangle),
            ("polygon", "/mActionSelectPolygon.svg", self.tr("Polygon"),
             self.tr("Click vertices; double-click or right-click finishes, Backspace removes the last vertex, "
                     "Esc cancels"), self.draw_polygon),
            ("selection", "/mActionSelectFreehand.svg", self.tr("Selection"),
             self.tr("The selected polygons of the active layer"), self.use_selection),
            ("extent", "/mActionZoomFullExtent.svg", self.tr("Map extent"), self.tr("The map canvas extent"),
             self.use_canvas_extent),
            ("file", "/mActionFileOpen.svg", self.tr("File…"), self.tr("A GeoJSON or any vector file"), self.use_file),
            ("clear", "/mActionDeleteSelected.svg", self.tr("Clear"), self.tr("Forget the area of interest"),
             self.aoi.clear),
        )):
            button = QToolButton()
            button.setIcon(QgsApplication.getThemeIcon(icon))
            button.setText(text)
            button.setToolTip(tip)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setObjectName(f"aoi_{key}")
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            grid.addWidget(button, index // 2, index % 2)  # two columns: whole labels in a narrow dock
            self.buttons[key] = button
        self.label = QLabel()
        self.label.setObjectName("aoiLabel")
        self.label.setWordWrap(True)
        self.problem = ProblemLabel()
        self.problem.hide()
        box = QVBoxLayout(self)
        box.addLayout(grid)
        box.addWidget(self.label)
        box.addWidget(self.problem)
        self.rectangle_tool = RectangleAoiTool(self.canvas)
        self.polygon_tool = PolygonAoiTool(self.canvas)
        for tool, source in ((self.rectangle_tool, self.tr("drawn rectangle")), (self.polygon_tool, self.tr("drawn polygon"))):
            tool.aoiDrawn.connect(lambda geometry, source=source: self._drawn(geometry, source))
            tool.drawingCanceled.connect(self.restore_map_tool)
            tool.messageEmitted.connect(lambda text, _level=None: self.show_problem(text))
        self.aoi.changed.connect(self._aoi_changed)
        self._aoi_changed()

    def draw_rectangle(self) -> None:
        self._use_map_tool(self.rectangle_tool)

    def draw_polygon(self) -> None:
        self._use_map_tool(self.polygon_tool)

    def _use_map_tool(self, tool: QgsMapTool) -> None:
        if self.canvas.mapTool() not in (self.rectangle_tool, self.polygon_tool):
            self._previous_map_tool = self.canvas.mapTool()
        self.canvas.setMapTool(tool)

    def restore_map_tool(self) -> None:
        if self.canvas.mapTool() in (self.rectangle_tool, self.polygon_tool):
            if self._previous_map_tool is not None:
                self.canvas.setMapTool(self._previous_map_tool)
            else:
                self.canvas.unsetMapTool(self.canvas.mapTool())

    def _drawn(self, geometry: QgsGeometry, source: str) -> None:
        self.aoi.set_from_map(geometry, source)
        self.restore_map_tool()

    def use_selection(self) -> None:
        try:
            self.aoi.set_from_layer_selection(self.iface.activeLayer())
        except LoadByExtentError as error:
            self.show_problem(str(error), to_message_bar=True)

    def use_canvas_extent(self) -> None:
        self.aoi.set_from_map(QgsGeometry.fromRect(self.canvas.extent()), self.tr("map extent"))

    def use_file(self, path: str | None = None) -> None:
        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Area of interest"), "", self.tr("Vector files (*.geojson *.json *.gpkg *.shp *.kml *.gml);;All files (*)"))
        if not path:
            return
        try:
            geojson = read_aoi_file(path, field="file")
        except LoadByExtentError as error:
            self.show_problem(error.message, to_message_bar=True)
            return
        self.aoi.set_from_geojson(geojson, path)
        if not self.aoi.zoom_to():  # a file's AOI may be anywhere: show it (if the map's CRS can)
            self._warn(cannot_show_text(self.canvas, self.tr("the area of interest")))

    def show_problem(self, text: str, to_message_bar: bool = False) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        if text and to_message_bar:
            self._warn(text)

    def _aoi_changed(self) -> None:
        self.show_problem("")
        if self.aoi.is_set:
            source = self.aoi.source
            # A file by its name, the whole path in the tooltip: a long path would widen the dock.
            self.label.setText(self.tr("{area} km² · {vertices} vertices · {source}").format(
                area=f"{self.aoi.area_km2():,.2f}", vertices=self.aoi.vertex_count(),
                source=os.path.basename(source) if os.sep in source else source))
            self.label.setToolTip(source)
        else:
            self.label.setToolTip("")
            self.label.setText(self.tr("No area of interest yet: draw one or take it from a source above."))

    def _warn(self, text: str) -> None:
        self.iface.messageBar().pushMessage(self.tr("Load By Extent"), text, Qgis.MessageLevel.Warning)

    def remove_tools(self) -> None:
        """Stop drawing and take the map tools off the canvas (unload)."""
        for tool in (self.rectangle_tool, self.polygon_tool):
            if self.canvas.mapTool() is tool:
                self.canvas.unsetMapTool(tool)
        self.polygon_tool.clear()
        for tool in (self.rectangle_tool, self.polygon_tool):
            tool.remove_rubber_bands()
            tool.deleteLater()  # the canvas is their parent: they would outlive the dock
