#!/usr/bin/env python3
"""Benchmark: an lbe crop of a full-size Sentinel-2 tile, against gdalwarp in the same run.

The scene: a generated Sentinel-2 tile, 10980 x 10980 px, three 10 m bands (B02, B03, B04,
UInt16; a smooth field plus noise, so it compresses about like real imagery), written as tiled
(512 x 512) DEFLATE GeoTIFFs in the tile layout (tiles/33/U/UU/2020/6/1/0/B0?.tif), EPSG:32633.
No full-size tile ships in a package; this one is generated once and kept in bench/output/.

The job: crop a 30 km octagon (about 3000 x 3000 px) with merge=true into one 3-band GeoTIFF.
- ours: `bin/lbe run` (the command line, a process of its own);
- the peer: `gdalwarp -cutline AOI -crop_to_cutline` at its best settings on this machine
  (`-multi -wo NUM_THREADS=ALL_CPUS -co NUM_THREADS=ALL_CPUS`), writing the same three bands
  (through a VRT of the three files, built before timing) with our GeoTIFF creation options
  (tiled 512, DEFLATE level 1, predictor 2: core/local/writers.geotiff_options).
Each is run REPEATS times alternately on a warm page cache; the median wall time and the
highest peak RSS (from wait4) are compared. Goals (issue 2): time <= 0.7 x gdalwarp's,
peak memory <= 1.5 x gdalwarp's.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys

import numpy as np
from osgeo import gdal, osr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "bench", "output")
STORE = os.path.join(OUTPUT, "store")
TILE = os.path.join(STORE, "tiles", "33", "U", "UU", "2020", "6", "1", "0")
VIEW_ID = "S2/33/U/UU/2020/6/1/0"
SIZE = 10980
ORIGIN = (300000.0, 5900040.0)
BANDS = ("B04", "B03", "B02")
REPEATS = 3
GOAL_TIME = 0.7
GOAL_MEMORY = 1.5
# The tile's own files (as a provider would deliver them: default DEFLATE level).
SOURCE_OPTIONS = ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE", "PREDICTOR=2", "BIGTIFF=IF_SAFER"]
# The crop's output: exactly the options of core/local/writers.geotiff_options, given to gdalwarp too.
sys.path.insert(0, os.path.join(ROOT, "bin"))
import lbe as _launcher  # noqa: E402

_launcher.import_checkout_as_package(ROOT)
from load_by_extent.core.local.writers import geotiff_options  # noqa: E402

CREATION_OPTIONS = [option for option in geotiff_options(np.dtype("uint16")) if not option.startswith("NUM_THREADS")]


def generate_tile() -> None:
    marker = os.path.join(TILE, ".complete")
    if os.path.exists(marker):
        return
    os.makedirs(TILE, exist_ok=True)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    rng = np.random.default_rng(2)
    cols = np.arange(SIZE)
    for number, name in enumerate(BANDS):
        path = os.path.join(TILE, f"{name}.tif")
        sys.stderr.write(f"generating {path} ({SIZE} x {SIZE})\n")
        dataset = gdal.GetDriverByName("GTiff").Create(
            path, SIZE, SIZE, 1, gdal.GDT_UInt16, options=SOURCE_OPTIONS + ["NUM_THREADS=ALL_CPUS"])
        dataset.SetGeoTransform((ORIGIN[0], 10, 0, ORIGIN[1], 0, -10))
        dataset.SetProjection(srs.ExportToWkt())
        band = dataset.GetRasterBand(1)
        for row in range(0, SIZE, 1024):
            rows = np.arange(row, min(row + 1024, SIZE))[:, None]
            field = (1200 + 300 * number
                     + 400 * np.sin(cols / 310.0 + number) * np.cos(rows / 270.0)
                     + 250 * np.sin((cols + 2 * rows) / 1700.0))
            noise = rng.normal(0, 35, size=field.shape)
            band.WriteArray(np.clip(field + noise, 1, 10000).astype(np.uint16), 0, row)
        band = None
        dataset = None
    open(marker, "w").close()


def aoi_octagon() -> dict:
    """A 30 km wide octagon in the middle of the tile, in lon/lat."""
    source = osr.SpatialReference()
    source.ImportFromEPSG(32633)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target = osr.SpatialReference()
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    cx, cy, radius = ORIGIN[0] + 54900 + 3.3, ORIGIN[1] - 54900 - 2.7, 15000
    ring = []
    for k in range(8):
        angle = np.pi / 8 + k * np.pi / 4
        x, y = cx + radius / np.cos(np.pi / 8) * np.cos(angle), cy + radius / np.cos(np.pi / 8) * np.sin(angle)
        ring.append(list(transform.TransformPoint(x, y)[:2]))
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one command, measured by bench/peak_rss.py."""
    answer = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "peak_rss.py"), *command],
                            capture_output=True, text=True, check=True)
    figures = json.loads(answer.stdout)
    if figures["exit"] != 0:
        raise SystemExit(f"benchmark: {command[0]} failed: {figures['stderr']}")
    return figures["seconds"], figures["max_rss_mib"]


def main() -> int:
    generate_tile()
    work = os.path.join(OUTPUT, "run")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    aoi = aoi_octagon()
    request_path = os.path.join(work, "request.json")
    with open(request_path, "w") as stream:
        json.dump({"type": "lbe", "params": {"view_id": VIEW_ID, "bands": list(BANDS), "geometry": aoi,
                                             "merge": True, "reference": "bench"}}, stream)
    cutline = os.path.join(work, "aoi.geojson")
    with open(cutline, "w") as stream:
        json.dump({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": aoi}]},
                  stream)
    vrt = os.path.join(work, "bands.vrt")
    gdal.BuildVRT(vrt, [os.path.join(TILE, f"{name}.tif") for name in BANDS], separate=True)
    for name in BANDS:  # warm the page cache for both contenders alike
        with open(os.path.join(TILE, f"{name}.tif"), "rb") as stream:
            while stream.read(1 << 24):
                pass

    ours, peer = [], []
    for attempt in range(REPEATS):
        out = os.path.join(work, f"ours-{attempt}")
        ours.append(measure([os.path.join(ROOT, "bin", "lbe"), "run", request_path, "--scenes", STORE, "--out", out]))
        warped = os.path.join(work, f"gdalwarp-{attempt}.tif")
        command = ["gdalwarp", "-q", "-overwrite", "-cutline", cutline, "-crop_to_cutline", "-dstnodata", "0",
                   "-multi", "-wo", "NUM_THREADS=ALL_CPUS", "-co", "NUM_THREADS=ALL_CPUS"]
        for option in CREATION_OPTIONS:
            command += ["-co", option]
        peer.append(measure(command + [vrt, warped]))

    our_file = next(os.path.join(work, "ours-0", f) for f in os.listdir(os.path.join(work, "ours-0")))
    our_size = gdal.Open(our_file).RasterXSize, gdal.Open(our_file).RasterYSize
    peer_size = gdal.Open(os.path.join(work, "gdalwarp-0.tif")).RasterXSize, gdal.Open(os.path.join(work, "gdalwarp-0.tif")).RasterYSize
    our_time = statistics.median(t for t, _m in ours)
    peer_time = statistics.median(t for t, _m in peer)
    our_memory = max(m for _t, m in ours)
    peer_memory = max(m for _t, m in peer)
    time_ratio = our_time / peer_time
    memory_ratio = our_memory / peer_memory
    print(f"lbe crop, full-size Sentinel-2 tile ({SIZE} x {SIZE}, 3 x UInt16, tiled DEFLATE), 30 km octagon AOI")
    print(f"  output size: ours {our_size[0]} x {our_size[1]}, gdalwarp {peer_size[0]} x {peer_size[1]}")
    print(f"  wall time (median of {REPEATS}): ours {our_time:.2f} s, gdalwarp {peer_time:.2f} s, "
          f"ratio {time_ratio:.2f} (goal <= {GOAL_TIME}) {'met' if time_ratio <= GOAL_TIME else 'MISSED'}")
    print(f"  peak memory: ours {our_memory:.0f} MiB, gdalwarp {peer_memory:.0f} MiB, "
          f"ratio {memory_ratio:.2f} (goal <= {GOAL_MEMORY}) {'met' if memory_ratio <= GOAL_MEMORY else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
