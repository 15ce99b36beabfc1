"""Areas of interest read from vector files (GeoJSON or anything OGR opens)."""

from __future__ import annotations

import json

from osgeo import ogr

from .aoi import validate_geometry
from .errors import RequestError
from .gdal_support import GdalMessages, file_problem, transform_geometry, wgs84
from .i18n import tr


def read_aoi_file(path: str, field: str = "aoi") -> dict:
    """The union of the polygons of every layer of a vector file, in EPSG:4326, as GeoJSON.

    A layer without a CRS is taken to be EPSG:4326 (as GeoJSON files are).
    """
    source = _open_vector(path, field)
    union = None
    for index in range(source.GetLayerCount()):
        layer = source.GetLayer(index)
        layer_srs = layer.GetSpatialRef()
        for feature in layer:
            geometry = feature.GetGeometryRef()
            if geometry is None or ogr.GT_Flatten(geometry.GetGeometryType()) not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
                continue
            geometry = geometry.Clone()
            geometry.FlattenTo2D()
            if layer_srs is not None:
                srs = layer_srs.Clone()
                srs.SetAxisMappingStrategy(0)  # OAMS_TRADITIONAL_GIS_ORDER
                geometry = transform_geometry(geometry, srs, wgs84())
            union = geometry if union is None else union.Union(geometry)
    if union is None:
        raise RequestError(tr("{path} holds no polygon").format(path=path), field)
    geojson = json.loads(union.ExportToJson())
    return validate_geometry(geojson, field, allow_multipolygon=True)


def read_polygon_features(path: str, id_field: str, field: str = "--aoi") -> list[tuple[object, dict]]:
    """(id, GeoJSON geometry in EPSG:4326) of every feature of the first layer of a vector file, in
    its order; the id is the feature's `id_field` value. A MultiPolygon of one part comes back as
    a Polygon. Raises RequestError naming the file when it cannot be read, has no such field, no
    feature, or a feature without a polygon."""
    source = _open_vector(path, field)
    if source.GetLayerCount() == 0:
        raise RequestError(tr("{path} holds no layer").format(path=path), field)
    layer = source.GetLayer(0)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(index).GetName() for index in range(definition.GetFieldCount())]
    if id_field not in names:
        message = tr("{path} has no field {name} (its fields: {fields})")
        raise RequestError(message.format(path=path, name=id_field, fields=", ".join(names) or "-"), "--id-field")
    layer_srs = layer.GetSpatialRef()
    srs = None
    if layer_srs is not None:
        srs = layer_srs.Clone()
        srs.SetAxisMappingStrategy(0)  # OAMS_TRADITIONAL_GIS_ORDER
    found: list[tuple[object, dict]] = []
    for feature in layer:
        value = feature.GetField(id_field)
        geometry = feature.GetGeometryRef()
        if geometry is None or ogr.GT_Flatten(geometry.GetGeometryType()) not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
            kind = "none" if geometry is None else geometry.GetGeometryName()
            message = tr("feature {id} of {path} is not a polygon ({kind})")
            raise RequestError(message.format(id=value, path=path, kind=kind), field)
        geometry = geometry.Clone()
        geometry.FlattenTo2D()
        if srs is not None:
            geometry = transform_geometry(geometry, srs, wgs84())
        if ogr.GT_Flatten(geometry.GetGeometryType()) == ogr.wkbMultiPolygon and geometry.GetGeometryCount() == 1:
            geometry = geometry.GetGeometryRef(0).Clone()
        geojson = json.loads(geometry.ExportToJson())
        found.append((value, validate_geometry(geojson, f"{field} ({id_field} {value})", allow_multipolygon=True)))
    if not found:
        raise RequestError(tr("{path} holds no feature").format(path=path), field)
    return found


def _open_vector(path: str, field: str) -> ogr.DataSource:
    with GdalMessages() as messages:
        try:
            source = ogr.Open(path)
        except RuntimeError as error:
            messages.errors.append(str(error))
            source = None
    if source is None:
        reason = file_problem(path) or messages.last(tr("not a vector file OGR can read"))
        raise RequestError(tr("cannot read {path}: {reason}").format(path=path, reason=reason), field)
    return source
