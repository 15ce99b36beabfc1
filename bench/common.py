"""What the benchmarks share: the generated full-size Sentinel-2 tile, AOIs, measuring a command's
wall time and peak memory, and reporting them against the goals."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Iterable

import numpy as np
from osgeo import gdal, osr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "bench", "output")
STORE = os.path.join(OUTPUT, "store")
TILE = os.path.join(STORE, "tiles", "33", "U", "UU", "2020", "6", "1", "0")
VIEW_ID = "S2/33/U/UU/2020/6/1/0"
SIZE = 10980
ORIGIN = (300000.0, 5900040.0)
# The tile's own files, as a provider would deliver them: tiled, DEFLATE at its default level.
SOURCE_OPTIONS = ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE", "PREDICTOR=2", "BIGTIFF=IF_SAFER"]
# The smooth field and the noise of each band (a vegetation-like NIR is brighter).
_BAND_LEVELS = {"B02": 1200, "B03": 1500, "B04": 1800, "B08": 3200}

sys.path.insert(0, os.path.join(ROOT, "bin"))
import lbe as _launcher  # noqa: E402

_launcher.import_checkout_as_package(ROOT)


def generate_tile(bands: tuple[str, ...] = ("B04", "B03", "B02", "B08")) -> None:
    """A full-size Sentinel-2 10 m tile (10980 x 10980 UInt16 per band: a smooth field plus noise,
    compressing about like real imagery), made once; each band file is written whole or not at all."""
    os.makedirs(TILE, exist_ok=True)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    cols = np.arange(SIZE)
    for number, name in enumerate(bands):
        path = os.path.join(TILE, f"{name}.tif")
        if os.path.exists(path):
            continue
        sys.stderr.write(f"generating {path} ({SIZE} x {SIZE})\n")
        rng = np.random.default_rng(2 + number)
        partial = path + ".partial.tif"
        dataset = gdal.GetDriverByName("GTiff").Create(
            partial, SIZE, SIZE, 1, gdal.GDT_UInt16, options=SOURCE_OPTIONS + ["NUM_THREADS=ALL_CPUS"])
        dataset.SetGeoTransform((ORIGIN[0], 10, 0, ORIGIN[1], 0, -10))
        dataset.SetProjection(srs.ExportToWkt())
        band = dataset.GetRasterBand(1)
        for row in range(0, SIZE, 1024):
            rows = np.arange(row, min(row + 1024, SIZE))[:, None]
            field = (_BAND_LEVELS[name] + 400 * np.sin(cols / 310.0 + number) * np.cos(rows / 270.0)
                     + 250 * np.sin((cols + 2 * rows) / 1700.0))
            noise = rng.normal(0, 35, size=field.shape)
            band.WriteArray(np.clip(field + noise, 1, 10000).astype(np.uint16), 0, row)
        band = None
        dataset = None
        os.replace(partial, path)


def octagon_aoi(width_m: float = 30000) -> dict:
    """An octagon `width_m` wide in the middle of the tile, in lon/lat (vertices off pixel edges)."""
    source = osr.SpatialReference()
    source.ImportFromEPSG(32633)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target = osr.SpatialReference()
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    cx, cy, radius = ORIGIN[0] + 54900 + 3.3, ORIGIN[1] - 54900 - 2.7, width_m / 2
    ring = []
    for k in range(8):
        angle = np.pi / 8 + k * np.pi / 4
        x, y = cx + radius / np.cos(np.pi / 8) * np.cos(angle), cy + radius / np.cos(np.pi / 8) * np.sin(angle)
        ring.append(list(transform.TransformPoint(x, y)[:2]))
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def write_json(path: str, value: object) -> str:
    with open(path, "w") as stream:
        json.dump(value, stream)
    return path


def fresh_folder(name: str) -> str:
    """bench/output/NAME, emptied of an earlier run's files."""
    folder = os.path.join(OUTPUT, name)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    return folder


def write_cutline(folder: str, aoi: dict) -> str:
    """The AOI as a GeoJSON file for gdalwarp -cutline (FOLDER/aoi.geojson)."""
    return write_json(os.path.join(folder, "aoi.geojson"), {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": aoi}]})


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB, the command and its children) of one command, measured by
    bench/peak_rss.py (a small process of its own, see there). Python may cache compiled modules
    (as in an installed plugin): a PYTHONDONTWRITEBYTECODE of the shell would have every run of ours
    compile the package again."""
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    answer = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "peak_rss.py"), *command],
                            capture_output=True, text=True, check=True, env=environment)
    figures = json.loads(answer.stdout)
    if figures["exit"] != 0:
        raise SystemExit(f"benchmark: {command[0]} failed: {figures['stderr']}")
    return figures["seconds"], figures["max_rss_mib"]


def warm(paths: Iterable[str]) -> None:
    """Read files once so both contenders start from the same (warm) page cache."""
    for path in paths:
        with open(path, "rb") as stream:
            while stream.read(1 << 24):
                pass


def report(title: str, detail: str, ours: list[tuple[float, float]], peer: list[tuple[float, float]], peer_name: str, goal_time: float, goal_memory: float | None) -> None:
    """`ours` and `peer`: (seconds, MiB) of each run, in the order they ran (ours[k] just before peer[k])."""
    # The fastest of the runs, as timeit reports: what each can do when the machine does not interfere.
    our_time, peer_time = min(t for t, _m in ours), min(t for t, _m in peer)
    our_memory, peer_memory = max(m for _t, m in ours), max(m for _t, m in peer)
    time_ratio, memory_ratio = our_time / peer_time, our_memory / peer_memory
    # A check on the goal's figure: each pair ran back to back, so its ratio hardly feels the
    # machine's drift from minute to minute; their median shrugs off a run that met interference.
    pair_ratio = statistics.median(ours_k[0] / peer_k[0] for ours_k, peer_k in zip(ours, peer))
    print(title)
    print(f"  {detail}")
    print(f"  wall time (best of {len(ours)}): ours {our_time:.2f} s, {peer_name} {peer_time:.2f} s, "
          f"ratio {time_ratio:.2f} (goal <= {goal_time}) {'met' if time_ratio <= goal_time else 'MISSED'}")
    print(f"  median ratio of the {len(ours)} back-to-back pairs: {pair_ratio:.2f}")
    goal = f" (goal <= {goal_memory}) {'met' if memory_ratio <= goal_memory else 'MISSED'}" if goal_memory else ""
    print(f"  peak memory: ours {our_memory:.0f} MiB, {peer_name} {peer_memory:.0f} MiB, ratio {memory_ratio:.2f}{goal}")
