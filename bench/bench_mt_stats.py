#!/usr/bin/env python3
"""Benchmark: mt_stats (NDVI figures per date) over 52 dates of a full-size Sentinel-2 tile and a
10 km AOI, against exactextract in the same run.

The data: ONE generated full-size tile (bench/common.py: 10980 x 10980, B04 and B08 UInt16, tiled
512 DEFLATE, EPSG:32633) linked under 52 weekly dates of 2021 (Mondays, 2021-01-04 ... 2021-12-27):
bench/output/store-mt-stats/tiles/33/U/UU/2021/{m}/{d}/0/B04.tif and B08.tif are symbolic links to
the tile's two files, so every date has the same pixels and the same figures. The store is made
once (idempotent). Both contenders read the same two files from a warm page cache; neither keeps
decoded blocks from one date to the next (GDAL's block cache belongs to each opened dataset).
The AOI: a 10 km octagon in the middle of the tile (common.octagon_aoi(10000): about 1000 x 1000 px,
828,595 pixel centres).

What is compared (as the issue asks):
- ours: `bin/lbe run` of {"type": "mt_stats", "bm_type": ["NDVI"], "date_start": "2021-01-01",
  "date_end": "2021-12-31", "geometry": the octagon in lon/lat, ...} on that store, one process: for
  each date NDVI from B04 and B08, then the API's ten figures (min max average median std variance
  q1 q3 p10 p90) of the pixels whose centre is in the AOI (core/local/mt_stats.py, a scene thread per core);
- the peer: exactextract 0.3.0 (pip, into bench/.venv only: `make bench` makes it), one process
  (bench/peer_exactextract.py) making ONE `exact_extract` call over the 52 dates' NDVI bands (one
  band per date, a list of 52 rasters named by date) and the AOI (GeoJSON, in the tile's CRS:
  exactextract does not reproject), computing the same ten figures: min, max, mean, median, stdev,
  variance, quantile q=0.25, 0.75, 0.1, 0.9. The NDVI band is the tile's NDVI written once, untimed,
  as our bandmath task writes one (Float32, tiled 512, DEFLATE, predictor 3; TILE/NDVI.tif, linked
  under every date like the bands): the peer gets the index ready-made, ours computes it from B04
  and B08 for every date. Its wheel brings its own GEOS but no GDAL: it reads the rasters through
  Debian's GDAL Python bindings (its GDALRasterSource), the GDAL we use too.
  Its fastest mode here, measured: strategy="feature-sequential" (the default), with the default
  max_cells_in_memory (30 million: the AOI's million cells are read in one window per raster;
  1 million is about 10 % slower) and output="geojson" (a list of dicts, nothing to import;
  "pandas" would need pandas for the same numbers); strategy="raster-sequential" decodes every
  block of all 52 full tiles (about 55 s, 4 GiB). exactextract itself runs on one core, but GDAL
  decodes the blocks of each window on both cores with GDAL_NUM_THREADS=ALL_CPUS, which the peer sets.
- also timed and printed, not the goal: the peer on the 52 B04 bands, an integer band. Its
  quantiles come from a histogram of distinct values, which an integer band keeps small and a
  floating-point index does not (on NDVI nearly every pixel is a distinct value: it is about ten
  times slower there and needs gigabytes). On B04 the peer is faster than ours: it reads one band
  where ours reads two and computes the index.
To show that the figures are comparable, the first date's figures are printed side by side: ours
(NDVI), numpy's NDVI and B04 over the same pixel centres (gdal.Rasterize of the AOI, computed here
independently of the plugin), and exactextract's NDVI and B04 from the timed runs.
exactextract weights cells by the fraction of them the polygon covers and computes quantiles on a
histogram (each distinct value once, weighted by its count, interpolated between distinct values;
for an integer band truncated to an integer), so its figures agree with ours only approximately.
With coverage_weight=none (every counted cell weighs 1) and min_coverage_frac=0.5 (a cell counts when
half of it or more is covered, where ours takes its centre) they come close.

Each is run REPEATS times alternately; the best wall time of each (as in bench_lbe) and the highest
peak RSS (with children) are compared. Goal (issue): our time per date at most 0.75 x exactextract's.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time

import numpy as np
from common import OUTPUT, ROOT, TILE, fresh_folder, generate_tile, measure, octagon_aoi, report, warm, write_json
from load_by_extent.core.local.writers import geotiff_options
from osgeo import gdal, ogr, osr

REPEATS = 5
GOAL_TIME = 0.75
DATES = [dt.date(2021, 1, 4) + dt.timedelta(weeks=week) for week in range(52)]
STORE = os.path.join(OUTPUT, "store-mt-stats")
BANDS = ("B04", "B08", "NDVI")  # NDVI: the peer's band (ours computes it from B04 and B08)
PEER_PYTHON = os.path.join(ROOT, "bench", ".venv", "bin", "python")
PEER = os.path.join(ROOT, "bench", "peer_exactextract.py")
FIGURES = ("min", "max", "average", "median", "std", "variance", "q1", "q3", "p10", "p90")


def make_ndvi_tile() -> str:
    """The tile's NDVI as one Float32 band, as the bandmath task writes one (tiled 512, DEFLATE,
    predictor 3, nodata -9999): what exactextract is given per date. Made once (not timed)."""
    path = os.path.join(TILE, "NDVI.tif")
    if os.path.exists(path):
        return path
    red, nir = gdal.Open(os.path.join(TILE, "B04.tif")), gdal.Open(os.path.join(TILE, "B08.tif"))
    partial = path + ".partial.tif"
    target = gdal.GetDriverByName("GTiff").Create(partial, red.RasterXSize, red.RasterYSize, 1, gdal.GDT_Float32,
                                                  options=geotiff_options(np.dtype(np.float32)))
    target.SetGeoTransform(red.GetGeoTransform())
    target.SetProjection(red.GetProjection())
    band = target.GetRasterBand(1)
    band.SetNoDataValue(-9999)
    red_band, nir_band = red.GetRasterBand(1), nir.GetRasterBand(1)
    for row in range(0, red.RasterYSize, 1024):
        rows = min(1024, red.RasterYSize - row)
        r = red_band.ReadAsArray(0, row, red.RasterXSize, rows).astype(np.float64)
        n = nir_band.ReadAsArray(0, row, red.RasterXSize, rows).astype(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            ndvi = ((n - r) / (n + r)).astype(np.float32)
        ndvi[(r == 0) | (n == 0) | ~np.isfinite(ndvi)] = -9999
        band.WriteArray(ndvi, 0, row)
    band = None
    target = None
    os.replace(partial, path)
    return path


def make_store() -> dict[dt.date, str]:
    """The 52 dates' scene folders, their bands linked to the one generated tile; made once."""
    folders = {}
    for date in DATES:
        folder = os.path.join(STORE, "tiles", "33", "U", "UU", str(date.year), str(date.month), str(date.day), "0")
        os.makedirs(folder, exist_ok=True)
        for band in BANDS:
            link, target = os.path.join(folder, f"{band}.tif"), os.path.join(TILE, f"{band}.tif")
            relative = os.path.relpath(target, folder)
            if os.path.islink(link) and os.readlink(link) == relative:
                continue
            if os.path.lexists(link):
                os.remove(link)
            os.symlink(relative, link)
        folders[date] = folder
    return folders


def aoi_in_tile_crs(aoi: dict) -> dict:
    """The AOI as a GeoJSON FeatureCollection in the tile's CRS (EPSG:32633)."""
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(4326)
    target.ImportFromEPSG(32633)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    geometry = ogr.CreateGeometryFromJson(json.dumps(aoi))
    geometry.Transform(osr.CoordinateTransformation(source, target))
    return {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}},
            "features": [{"type": "Feature", "properties": {}, "geometry": json.loads(geometry.ExportToJson())}]}


def main() -> int:
    if not os.path.exists(PEER_PYTHON):
        raise SystemExit("bench_mt_stats: no bench/.venv with exactextract: run `make bench` (it makes it)")
    generate_tile()
    make_ndvi_tile()
    folders = make_store()
    work = fresh_folder("run-mt-stats")
    aoi = octagon_aoi(10000)
    request = write_json(os.path.join(work, "request.json"), {"type": "mt_stats", "params": {
        "bm_type": ["NDVI"], "date_start": "2021-01-01", "date_end": "2021-12-31", "geometry": aoi,
        "reference": "bench-mt-stats"}})
    aoi_path = write_json(os.path.join(work, "aoi-32633.geojson"), aoi_in_tile_crs(aoi))
    rasters = [f"{date}={os.path.join(folders[date], 'NDVI.tif')}" for date in DATES]
    b04_rasters = [f"{date}={os.path.join(folders[date], 'B04.tif')}" for date in DATES]
    warm(os.path.join(TILE, f"{band}.tif") for band in BANDS)
    busy = _busy_cores()  # other work on the machine slows ours (2 threads) more than the peer (1)

    ours, peer, peer_b04 = [], [], []
    for attempt in range(REPEATS):
        ours.append(measure([os.path.join(ROOT, "bin", "lbe"), "run", request, "--scenes", STORE,
                             "--out", os.path.join(work, f"ours-{attempt}")]))
        peer.append(measure([PEER_PYTHON, PEER, aoi_path, os.path.join(work, f"exactextract-{attempt}.json"),
                             *rasters]))
        peer_b04.append(measure([PEER_PYTHON, PEER, aoi_path, os.path.join(work, f"exactextract-b04-{attempt}.json"),
                                 *b04_rasters]))

    with open(os.path.join(work, "ours-0", "bench-mt-stats.json")) as stream:
        answer = json.load(stream)
    with open(os.path.join(work, "exactextract-0.json")) as stream:
        peer_figures = json.load(stream)
    with open(os.path.join(work, "exactextract-b04-0.json")) as stream:
        peer_b04_figures = json.load(stream)
    if answer["errors"] or len(answer["result"]) != len(DATES) or len(peer_figures) != len(DATES):
        raise SystemExit(f"bench_mt_stats: expected {len(DATES)} dates from both, got {len(answer['result'])} "
                         f"(errors: {answer['errors']}) and {len(peer_figures)}")

    report(f"mt_stats NDVI, {len(DATES)} dates of a full-size Sentinel-2 tile (one tile linked under each date), "
           "10 km octagon AOI", "ours: bin/lbe run (NDVI from B04, B08); peer: one exact_extract call over "
           "the 52 NDVI bands (feature-sequential)", ours, peer, "exactextract", GOAL_TIME, None)
    our_time, peer_time = min(t for t, _m in ours), min(t for t, _m in peer)
    b04_time = min(t for t, _m in peer_b04)
    print(f"  time per date: ours {1000 * our_time / len(DATES):.0f} ms, "
          f"exactextract {1000 * peer_time / len(DATES):.0f} ms on the NDVI band "
          f"({1000 * b04_time / len(DATES):.0f} ms on B04, an integer band: ours / that = "
          f"{our_time / b04_time:.2f}); before the runs {busy:.1f} of {os.cpu_count()} cores were busy")
    compare_first_date(work, aoi_path, folders[DATES[0]], answer["result"][0], peer_figures[str(DATES[0])],
                       peer_b04_figures[str(DATES[0])])
    return 0


def _busy_cores(seconds: float = 1.0) -> float:
    """How many cores were busy, on average, over the next `seconds` (Linux /proc/stat)."""
    def sample() -> tuple[int, int]:
        with open("/proc/stat") as stream:
            fields = [int(value) for value in stream.readline().split()[1:]]
        idle = fields[3] + fields[4]  # idle, iowait
        return sum(fields[:8]) - idle, sum(fields[:8])
    busy0, total0 = sample()
    time.sleep(seconds)
    busy1, total1 = sample()
    return (os.cpu_count() or 1) * (busy1 - busy0) / max(total1 - total0, 1)


def compare_first_date(work: str, aoi_path: str, folder: str, ours: dict, peer_ndvi: dict, peer_b04: dict) -> None:
    """Print the first date's figures: ours, numpy's and exactextract's (from the timed runs), of NDVI
    and, for the integer band the peer was also timed on, of B04."""
    red, nir, inside, _geotransform, _wkt = _window(aoi_path, folder)
    ndvi = (nir - red) / (nir + red)
    check = os.path.join(work, "exactextract-count.json")
    subprocess.run([PEER_PYTHON, PEER, aoi_path, check, "--count", f"ndvi={os.path.join(folder, 'NDVI.tif')}"],
                   check=True)
    with open(check) as stream:
        counted = json.load(stream)["ndvi"]["count"]
    numpy_ndvi, numpy_b04 = _figures(ndvi[inside]), _figures(red[inside])
    print(f"  figures of the first date ({DATES[0]}): NDVI, and B04 (the peer's integer band)")
    print(f"    {'':9}{'ours NDVI':>12}{'numpy NDVI':>12}{'exactextract':>14}   |{'numpy B04':>11}{'exactextract':>14}")
    for name in FIGURES:
        print(f"    {name:9}{ours[name]:12.6f}{numpy_ndvi[name]:12.6f}{peer_ndvi[name]:14.6f}   |"
              f"{numpy_b04[name]:11.2f}{peer_b04[name]:14.2f}")
    ndvi_gap = max(abs(ours[name] - peer_ndvi[name]) for name in FIGURES)
    own_gap = max(abs(ours[name] - numpy_ndvi[name]) for name in FIGURES)
    b04_gap = max(abs(numpy_b04[name] - peer_b04[name]) / abs(numpy_b04[name]) for name in FIGURES)
    print(f"    pixels: numpy (pixel centres) {int(inside.sum())}, exactextract (half covered or more) {counted:.0f}")
    print(f"    largest difference: ours vs numpy NDVI {own_gap:.1e}, ours vs exactextract NDVI {ndvi_gap:.1e} "
          f"(exactextract's NDVI is Float32), numpy vs exactextract B04 {100 * b04_gap:.2f} % of the figure")


def _window(aoi_path: str, folder: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[float, ...], str]:
    """B04 and B08 (float64) over the AOI's bounding window, which of its pixels have their centre
    in the AOI, the window's geotransform and CRS."""
    red_dataset = gdal.Open(os.path.join(folder, "B04.tif"))
    nir_dataset = gdal.Open(os.path.join(folder, "B08.tif"))
    gt = red_dataset.GetGeoTransform()
    vector = ogr.Open(aoi_path)
    xmin, xmax, ymin, ymax = vector.GetLayer(0).GetExtent()
    col0, col1 = int((xmin - gt[0]) // gt[1]), int((xmax - gt[0]) // gt[1]) + 1
    row0, row1 = int((gt[3] - ymax) // -gt[5]), int((gt[3] - ymin) // -gt[5]) + 1
    width, height = col1 - col0, row1 - row0
    geotransform = (gt[0] + col0 * gt[1], gt[1], 0.0, gt[3] + row0 * gt[5], 0.0, gt[5])
    mask = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    mask.SetGeoTransform(geotransform)
    mask.SetProjection(red_dataset.GetProjection())
    gdal.Rasterize(mask, aoi_path, burnValues=[1])  # pixels whose centre is inside (not all touched)
    inside = mask.GetRasterBand(1).ReadAsArray().astype(bool)
    red = red_dataset.GetRasterBand(1).ReadAsArray(col0, row0, width, height).astype(np.float64)
    nir = nir_dataset.GetRasterBand(1).ReadAsArray(col0, row0, width, height).astype(np.float64)
    return red, nir, inside, geotransform, red_dataset.GetProjection()


def _figures(values: np.ndarray) -> dict[str, float]:
    median, q1, q3, p10, p90 = np.percentile(values, [50, 25, 75, 10, 90])
    return {"min": values.min(), "max": values.max(), "average": values.mean(), "median": median,
            "std": values.std(), "variance": values.var(), "q1": q1, "q3": q3, "p10": p10, "p90": p90}


if __name__ == "__main__":
    sys.exit(main())
