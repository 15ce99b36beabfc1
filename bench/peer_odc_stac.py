#!/usr/bin/env python3
"""The STAC benchmark's odc-stac peer (bench/.venv): NDVI figures of an AOI over the items of a
search, as the Open Data Cube's tools do it: search the catalog, make pystac Items of its JSON,
`odc.stac.load` their red and nir bands over the AOI's bounding box on the tile's grid (EPSG:32633,
10 m) as Dask arrays, compute them with Dask's threaded scheduler (its default), then the figures of
each date with numpy over the pixels whose centre is in the AOI.

Usage: peer_odc_stac.py SEARCH_URL SEARCH_BODY.json AOI.geojson OUT.json
(AOI: a GeoJSON geometry in lon/lat; OUT: {date: figures}).
"""

from __future__ import annotations

import json
import sys

import odc.stac
import pystac
from odc.geo.geom import Geometry
from peer_stac_common import FAIR_GDAL_OPTIONS, figures, ndvi, search
from rasterio.features import geometry_mask

# rasterio's own GDAL reads with the same options as the other contenders (and odc's cloud defaults).
odc.stac.configure_rio(cloud_defaults=True, **FAIR_GDAL_OPTIONS)


def main(search_url: str, body_path: str, aoi_path: str, out_path: str) -> int:
    with open(body_path) as stream:
        body = json.load(stream)
    with open(aoi_path) as stream:
        aoi = json.load(stream)
    items = [pystac.Item.from_dict(item) for item in search(search_url, body)]
    area = Geometry(aoi, "EPSG:4326")
    loaded = odc.stac.load(items, bands=["red", "nir"], bbox=area.boundingbox, crs="EPSG:32633", resolution=10,
                           chunks={}).compute()
    inside = geometry_mask([area.to_crs("EPSG:32633").json], out_shape=loaded.red.shape[1:],
                           transform=loaded.odc.geobox.affine, invert=True)
    answer = {}
    for index, moment in enumerate(loaded.time.values):
        red, nir = loaded.red.values[index], loaded.nir.values[index]
        answer[str(moment)[:10]] = figures(ndvi(red, nir, inside))
    with open(out_path, "w") as stream:
        json.dump(answer, stream)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
