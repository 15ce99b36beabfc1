"""The area of interest as QGIS holds it: QgsGeometry in EPSG:4326, the CRS of requests, made from
features of any layer (the dock's selected features, Processing's AOI layer) the same way, and
measured for the dock's area and vertex limits. No widgets: the dock draws it (ui/area_of_interest.py)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsDistanceArea,
    QgsGeometry,
    QgsProject,
    QgsWkbTypes,
)

from ..core.aoi import to_ogr
from ..core.errors import RequestError
from ..core.i18n import tr

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def to_wgs84(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem, project: QgsProject) -> QgsGeometry:
    """A copy of `geometry` (in `crs`) in EPSG:4326."""
    copy = QgsGeometry(geometry)
    if crs != WGS84:
        copy.transform(QgsCoordinateTransform(crs, WGS84, project.transformContext()))
    return copy


def geometry_from_geojson(geojson: dict) -> QgsGeometry:
    """A GeoJSON geometry as a QgsGeometry (QgsJsonUtils.geometryFromGeoJson reaches Python only in
    QGIS 3.36). RequestError when OGR cannot read it."""
    return QgsGeometry.fromWkt(to_ogr(geojson).ExportToWkt())


def area_km2(geometry_wgs84: QgsGeometry) -> float:
    """Ellipsoidal area (WGS84) of a lon/lat polygon, in km²."""
    measure = QgsDistanceArea()
    # Lon/lat measured on the WGS84 ellipsoid: no datum transformation, so no project's context.
    measure.setSourceCrs(WGS84, QgsCoordinateTransformContext())
    measure.setEllipsoid("WGS84")
    return measure.measureArea(geometry_wgs84) / 1e6


def geojson_area_km2(geometry: object) -> float | None:
    """The area of a GeoJSON polygon in EPSG:4326, in km², or None if it cannot be read."""
    if not isinstance(geometry, dict):
        return None
    try:
        qgs_geometry = geometry_from_geojson(geometry)
    except Exception:  # junk of any kind: no area rather than an error where it is shown
        return None
    return None if qgs_geometry.isEmpty() else area_km2(qgs_geometry)


def vertex_count(geometry: QgsGeometry) -> int:
    """Distinct vertices: each ring's closing point is not counted twice."""
    count = 0
    for part in geometry.asGeometryCollection() if geometry.isMultipart() else [geometry]:
        for ring in part.asPolygon():
            count += max(len(ring) - 1, 0)
    return count


def features_to_wgs84(geometries: list[QgsGeometry], crs: QgsCoordinateReferenceSystem,
                      transform_context: QgsCoordinateTransformContext) -> QgsGeometry | None:
    """Features' geometries (in `crs`) dissolved into one polygon or multipolygon in EPSG:4326, curves
    segmentized and Z/M dropped, as requests take them; None when none has a geometry. RequestError
    (params.geometry) when they cannot be dissolved or transformed."""
    geometries = [geometry for geometry in geometries if geometry is not None and not geometry.isEmpty()]
    if not geometries:
        return None
    if not crs.isValid():
        raise RequestError(tr("the layer has no coordinate reference system"), "params.geometry")
    geometry = QgsGeometry(geometries[0]) if len(geometries) == 1 else QgsGeometry.unaryUnion(geometries)
    if geometry.isNull() or geometry.isEmpty():
        raise RequestError(tr("the features cannot be dissolved into one geometry: {error}")
                           .format(error=geometry.lastError()), "params.geometry")
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    geometry.get().dropZValue()
    geometry.get().dropMValue()
    if crs != WGS84:
        try:
            geometry.transform(QgsCoordinateTransform(crs, WGS84, transform_context))
        except QgsCsException as error:
            raise RequestError(tr("cannot be transformed to {crs}: {error}").format(
                crs=WGS84.authid(), error=str(error)), "params.geometry") from None
    return geometry
