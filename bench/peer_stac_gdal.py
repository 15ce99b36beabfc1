#!/usr/bin/env python3
"""The STAC benchmark's sequential GDAL peer: NDVI figures of an AOI over the items of a search, one
date after another, as a plain script would do it: search the catalog, then per item open its red and
nir assets over /vsicurl/, read the AOI's bounding window of each, and compute the figures with numpy
over the pixels whose centre is in the AOI.

Usage: peer_stac_gdal.py SEARCH_URL SEARCH_BODY.json AOI.geojson OUT.json
(AOI: a GeoJSON geometry in lon/lat; OUT: {date: figures}).
"""

from __future__ import annotations

import json
import math
import sys

from osgeo import gdal, ogr, osr
from peer_stac_common import FAIR_GDAL_OPTIONS, figures, ndvi, search

gdal.UseExceptions()
for key, value in FAIR_GDAL_OPTIONS.items():
    gdal.SetConfigOption(key, value)


def main(search_url: str, body_path: str, aoi_path: str, out_path: str) -> int:
    with open(body_path) as stream:
        body = json.load(stream)
    with open(aoi_path) as stream:
        aoi = json.load(stream)
    answer = {}
    for item in search(search_url, body):
        red = gdal.Open("/vsicurl/" + item["assets"]["red"]["href"])
        nir = gdal.Open("/vsicurl/" + item["assets"]["nir"]["href"])
        geometry = ogr.CreateGeometryFromJson(json.dumps(aoi))
        wgs84, target = osr.SpatialReference(), osr.SpatialReference(wkt=red.GetProjection())
        wgs84.ImportFromEPSG(4326)
        for srs in (wgs84, target):
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        geometry.Transform(osr.CoordinateTransformation(wgs84, target))
        xmin, xmax, ymin, ymax = geometry.GetEnvelope()
        gt = red.GetGeoTransform()
        col0, col1 = math.floor((xmin - gt[0]) / gt[1]), math.ceil((xmax - gt[0]) / gt[1])
        row0, row1 = math.floor((gt[3] - ymax) / -gt[5]), math.ceil((gt[3] - ymin) / -gt[5])
        width, height = col1 - col0, row1 - row0
        mask = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
        mask.SetGeoTransform((gt[0] + col0 * gt[1], gt[1], 0.0, gt[3] + row0 * gt[5], 0.0, gt[5]))
        mask.SetProjection(red.GetProjection())
        layer_source = ogr.GetDriverByName("Memory").CreateDataSource("")
        layer = layer_source.CreateLayer("aoi", srs=target)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
        gdal.RasterizeLayer(mask, [1], layer, burn_values=[1])  # pixels whose centre is inside
        inside = mask.GetRasterBand(1).ReadAsArray().astype(bool)
        red_values = red.GetRasterBand(1).ReadAsArray(col0, row0, width, height)
        nir_values = nir.GetRasterBand(1).ReadAsArray(col0, row0, width, height)
        answer[item["properties"]["datetime"][:10]] = figures(ndvi(red_values, nir_values, inside))
    with open(out_path, "w") as stream:
        json.dump(answer, stream)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
