#!/usr/bin/env python3
"""Benchmark: an lbe crop of a full-size Sentinel-2 tile, against gdalwarp in the same run.

The scene: a generated Sentinel-2 tile (bench/common.py: 10980 x 10980, 10 m bands B02, B03,
B04 as UInt16, a smooth field plus noise, tiled DEFLATE GeoTIFFs in the tile layout
tiles/33/U/UU/2020/6/1/0/, EPSG:32633). No full-size tile ships in a package; this one is generated
once and kept in bench/output/.

The job: crop a 30 km octagon (about 3000 x 3000 px) with merge=true into one 3-band GeoTIFF.
- ours: `bin/lbe run` (the command line, a process of its own);
- the peer: `gdalwarp -cutline AOI -crop_to_cutline` at its best settings on this machine
  (`-multi -wo NUM_THREADS=ALL_CPUS -co NUM_THREADS=ALL_CPUS`), writing the same three bands
  (through a VRT of the three files, built before timing) with our GeoTIFF creation options
  (tiled 512, DEFLATE level 1, predictor 2: core/local/writers.geotiff_options).
Each is run REPEATS times alternately on a warm page cache; the best wall time of each (as timeit
reports: what each does when the machine does not interfere) and the highest peak RSS are compared. Goals (issue 2): time <= 0.7 x gdalwarp's, memory <= 1.5 x.
"""

from __future__ import annotations

import os
import sys

import numpy as np
from common import (
    ROOT,
    STORE,
    TILE,
    VIEW_ID,
    fresh_folder,
    generate_tile,
    measure,
    octagon_aoi,
    report,
    warm,
    write_cutline,
    write_json,
)
from load_by_extent.core.local.writers import geotiff_options
from osgeo import gdal

BANDS = ("B04", "B03", "B02")
REPEATS = 5
GOAL_TIME = 0.7
GOAL_MEMORY = 1.5
CREATION_OPTIONS = [option for option in geotiff_options(np.dtype("uint16")) if not option.startswith("NUM_THREADS")]


def main() -> int:
    generate_tile()
    work = fresh_folder("run-lbe")
    aoi = octagon_aoi()
    request = write_json(os.path.join(work, "request.json"), {"type": "lbe", "params": {
        "view_id": VIEW_ID, "bands": list(BANDS), "geometry": aoi, "merge": True, "reference": "bench"}})
    cutline = write_cutline(work, aoi)
    vrt = os.path.join(work, "bands.vrt")
    gdal.BuildVRT(vrt, [os.path.join(TILE, f"{name}.tif") for name in BANDS], separate=True)
    warm(os.path.join(TILE, f"{name}.tif") for name in BANDS)

    ours, peer = [], []
    for attempt in range(REPEATS):
        out = os.path.join(work, f"ours-{attempt}")
        ours.append(measure([os.path.join(ROOT, "bin", "lbe"), "run", request, "--scenes", STORE, "--out", out]))
        command = ["gdalwarp", "-q", "-overwrite", "-cutline", cutline, "-crop_to_cutline", "-dstnodata", "0",
                   "-multi", "-wo", "NUM_THREADS=ALL_CPUS", "-co", "NUM_THREADS=ALL_CPUS"]
        for option in CREATION_OPTIONS:
            command += ["-co", option]
        peer.append(measure(command + [vrt, os.path.join(work, f"gdalwarp-{attempt}.tif")]))

    ours_file = os.path.join(work, "ours-0", os.listdir(os.path.join(work, "ours-0"))[0])
    ours_size, peer_size = _size(ours_file), _size(os.path.join(work, "gdalwarp-0.tif"))
    report("lbe crop, full-size Sentinel-2 tile (10980 x 10980, 3 x UInt16, tiled DEFLATE), 30 km octagon AOI",
           f"output size: ours {ours_size}, gdalwarp {peer_size}", ours, peer, "gdalwarp", GOAL_TIME, GOAL_MEMORY)
    return 0


def _size(path: str) -> str:
    dataset = gdal.Open(path)
    return f"{dataset.RasterXSize} x {dataset.RasterYSize}"


if __name__ == "__main__":
    sys.exit(main())
