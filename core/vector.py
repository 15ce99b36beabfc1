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
    with GdalMessages() as messages:
        try:
            source = ogr.Open(path)
        except RuntimeError as error:
            messages.errors.append(str(error))
            source = None
    if source is None:
        reason = file_problem(path) or messages.last(tr("not a vector file OGR can read"))
        raise RequestError(tr("cannot read {path}: {reason}").format(path=path, reason=reason), field)
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
