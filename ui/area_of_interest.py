"""The area of interest of the dock: one polygon, kept in EPSG:4326, drawn on the map.

Whatever the source (a drawn rectangle or polygon, selected features, the canvas extent, a vector
file) and whatever the project CRS, the AOI is converted once to EPSG:4326, the CRS of requests.
A rubber band shows it on the canvas in the canvas's CRS, redrawn when that CRS changes: an
outline only, so that the layers loaded under it (the results) keep their colours.
"""

from __future__ import annotations

import contextlib
import json

from qgis.core import (
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsMapCanvas, QgsRubberBand
from qgis.PyQt.QtCore import QObject, Qt, pyqtSignal

from ..core.aoi import validate_geometry
from ..core.errors import LoadByExtentError, RequestError
from ..services.aoi import WGS84, area_km2, features_to_wgs84, geometry_from_geojson, to_wgs84, vertex_count
from .map_tools import DRAWING_STROKE_COLOR
from .map_zoom import zoom_canvas


class AreaOfInterest(QObject):
    """The dock's AOI and its rubber band."""

    changed = pyqtSignal()

    def __init__(self, canvas: QgsMapCanvas, project: QgsProject) -> None:
        super().__init__()
        self.canvas = canvas
        self.project = project
        self.geometry: QgsGeometry | None = None  # EPSG:4326
        self.source = ""  # what it came from, in plain words
        # The geometry as a request takes it, or what is wrong with it, by allow_multipolygon:
        # serialised and checked once per change, not at every refresh of the form.
        self._geojson: dict[bool, dict | RequestError] = {}
        self._band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self._band.setColor(DRAWING_STROKE_COLOR)  # the colour it was drawn in (fixed map symbology)
        self._band.setBrushStyle(Qt.BrushStyle.NoBrush)  # a fill would tint the results under it
        self._band.setWidth(2)
        canvas.destinationCrsChanged.connect(self._redraw)

    # --- setting it ---------------------------------------------------------------------------
    def set_from_map(self, geometry: QgsGeometry, source: str) -> None:
        """A geometry in the canvas's CRS (drawn, or the canvas extent)."""
        crs = self.canvas.mapSettings().destinationCrs()
        self._set(to_wgs84(geometry, crs, self.project), source)

    def set_from_layer_selection(self, layer: QgsVectorLayer) -> None:
        """The union of the selected polygons of `layer`; LoadByExtentError when there is none."""
        if layer is None or not isinstance(layer, QgsVectorLayer) or layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
            raise LoadByExtentError(self.tr("Select polygons in a polygon layer and make it the active layer first."))
        features = layer.selectedFeatures()
        if not features:
            raise LoadByExtentError(self.tr("No feature is selected in {layer}.").format(layer=layer.name()))
        geometries = [feature.geometry() for feature in features if feature.hasGeometry()]
        geometry = features_to_wgs84(geometries, layer.crs(), self.project.transformContext())
        if geometry is None:
            message = self.tr("The selected features of {layer} have no geometry.")
            raise LoadByExtentError(message.format(layer=layer.name()))
        source = self.tr("{count} selected feature(s) of {layer}")
        self._set(geometry, source.format(count=len(features), layer=layer.name()))

    def set_from_geojson(self, geojson: dict, source: str) -> None:
        """A GeoJSON polygon already in EPSG:4326 (read from a file)."""
        self._set(geometry_from_geojson(geojson), source)

    def clear(self) -> None:
        self.geometry = None
        self.source = ""
        self._geojson.clear()
        self._band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self.changed.emit()

    def _set(self, geometry: QgsGeometry, source: str) -> None:
        geometry = QgsGeometry(geometry)
        if geometry.isMultipart():
            parts = geometry.asGeometryCollection()
            if len(parts) == 1:
                geometry = parts[0]
        self.geometry = geometry
        self.source = source
        self._geojson.clear()
        self._redraw()
        self.changed.emit()

    # --- reading it ---------------------------------------------------------------------------
    @property
    def is_set(self) -> bool:
        return self.geometry is not None and not self.geometry.isEmpty()

    def area_km2(self) -> float:
        return area_km2(self.geometry) if self.is_set else 0.0

    def vertex_count(self) -> int:
        return vertex_count(self.geometry) if self.is_set else 0

    def geojson(self, allow_multipolygon: bool = False) -> dict:
        """The AOI as a validated GeoJSON geometry for a request (not to be changed: a request
        copies it); RequestError naming what is wrong."""
        if allow_multipolygon not in self._geojson:
            try:
                self._geojson[allow_multipolygon] = self._checked_geojson(allow_multipolygon)
            except RequestError as error:
                self._geojson[allow_multipolygon] = error
        answer = self._geojson[allow_multipolygon]
        if isinstance(answer, RequestError):
            raise RequestError(answer.message, answer.field)  # a new one: a raise adds to an error's traceback
        return answer

    def _checked_geojson(self, allow_multipolygon: bool) -> dict:
        if not self.is_set:
            raise RequestError(self.tr("no area of interest: draw one or pick a source"), "params.geometry")
        if self.geometry.isMultipart() and not allow_multipolygon:
            raise RequestError(
                self.tr("this task takes one polygon, and the area of interest has {count} separate parts")
                .format(count=len(self.geometry.asGeometryCollection())),
                "params.geometry",
            )
        return validate_geometry(json.loads(self.geometry.asJson(8)), "params.geometry", allow_multipolygon)

    # --- the rubber band ---------------------------------------------------------------------
    def _redraw(self) -> None:
        self._band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        if self.is_set:
            self._band.setToGeometry(self.geometry, WGS84)

    def set_shown(self, shown: bool) -> None:
        """Show or hide the rubber band (the dock opened or closed); the AOI itself stays."""
        self._band.setVisible(shown)

    def zoom_to(self) -> bool:
        """Show the whole AOI on the canvas, with a margin. False (the map left as it was) when there
        is none or it cannot be shown in the canvas's CRS."""
        if not self.is_set:
            return False
        extent = QgsRectangle(self.geometry.boundingBox())
        extent.scale(1.2)
        return zoom_canvas(self.canvas, QgsReferencedRectangle(extent, WGS84))

    def remove(self) -> None:
        """Take the rubber band off the canvas and stop listening (plugin unload)."""
        with contextlib.suppress(TypeError):  # not connected
            self.canvas.destinationCrsChanged.disconnect(self._redraw)
        self._band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self.canvas.scene().removeItem(self._band)
        self._band = None
