#!/usr/bin/env python3
"""Benchmark: statistics of 200 fields over 20 dates of a full-size Sentinel-2 tile in one run
(`lbe stats`, core/local/field_stats.py), against exactextract in the same run.

The data: the generated full-size tile of the other benchmarks (bench/common.py: 10980 x 10980,
B04 and B08 UInt16, tiled 512 DEFLATE, EPSG:32633) linked under 20 dates ten days apart from
2021-04-01 (bench/output/store-fields, as bench_mt_stats.py links its 52): every date has the same
pixels. The fields: 200 irregular octagons of 10 to 50 ha (seeded), spread over the whole tile on a
jittered 20 x 10 grid, a few of them overlapping a neighbour; written once as a GeoPackage in the
tile's CRS (ours reprojects it to EPSG:4326, as users' layers are) and as GeoJSON (the peer's: it
does not reproject).

What is compared:
- ours: `bin/lbe stats` of an mt_stats NDVI request over the 20 dates with the fields, one process,
  writing the CSV table (NDVI from B04 and B08 for every date; each scene read once per cluster of
  fields, see core/local/field_stats.py);
- the peer: exactextract 0.3.0 (bench/.venv only), one process (bench/peer_fields_exactextract.py)
  making ONE `exact_extract` call over the 20 dates' NDVI bands (the tile's NDVI written once,
  untimed, by bench_mt_stats.make_ndvi_tile) and the 200 fields, the same ten figures, in its
  fastest mode: strategy="feature-sequential" (each field's window read from each raster; the
  "raster-sequential" strategy decodes all of every raster), output="geojson".
The figures agree as in bench_mt_stats.py: exactextract with coverage_weight=none and
min_coverage_frac=0.5 counts nearly the same cells as our pixel-centre rule, and its quantiles
come from a histogram of distinct values: the benchmark prints the first field's first date side by
side (ours, numpy over the same pixel centres, exactextract) and the largest difference over all
fields and dates.

Each is run REPEATS times alternately; the best wall time of each and the highest peak RSS (with
children) are compared. Goal (issue 17): our time at most 0.5 x exactextract's.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys

import numpy as np
from bench_mt_stats import PEER_PYTHON, make_ndvi_tile
from common import ORIGIN, OUTPUT, ROOT, SIZE, TILE, fresh_folder, generate_tile, measure, report, warm, write_json
from osgeo import gdal, ogr, osr

REPEATS = 3
GOAL_TIME = 0.5
DATES = [dt.date(2021, 4, 1) + dt.timedelta(days=10 * number) for number in range(20)]
STORE = os.path.join(OUTPUT, "store-fields")
BANDS = ("B04", "B08", "NDVI")
PEER = os.path.join(ROOT, "bench", "peer_fields_exactextract.py")
FIELD_COUNT = 200
FIGURES = ("min", "max", "average", "median", "std", "variance", "q1", "q3", "p10", "p90")


def make_store() -> dict[dt.date, str]:
    """The 20 dates' scene folders, their bands linked to the one generated tile; made once."""
    folders = {}
    for date in DATES:
        folder = os.path.join(STORE, "tiles", "33", "U", "UU", str(date.year), str(date.month), str(date.day), "0")
        os.makedirs(folder, exist_ok=True)
        for band in BANDS:
            link, relative = os.path.join(folder, f"{band}.tif"), os.path.relpath(os.path.join(TILE, f"{band}.tif"), folder)
            if not (os.path.islink(link) and os.readlink(link) == relative):
                if os.path.lexists(link):
                    os.remove(link)
                os.symlink(relative, link)
        folders[date] = folder
    return folders


def field_rings() -> list[list[tuple[float, float]]]:
    """200 irregular octagons of 10 to 50 ha (UTM 33N metres) spread over the tile."""
    rng = np.random.default_rng(17)
    rings = []
    columns, rows = 20, FIELD_COUNT // 20
    for number in range(FIELD_COUNT):
        cell_x, cell_y = SIZE * 10 / columns, SIZE * 10 / rows
        cx = ORIGIN[0] + (number % columns + 0.5 + rng.uniform(-0.3, 0.3)) * cell_x
        cy = ORIGIN[1] - (number // columns + 0.5 + rng.uniform(-0.3, 0.3)) * cell_y
        if number % 25 == 1:  # a few fields overlap the one before
            cx, cy = rings[-1][0][0] + 150.3, rings[-1][0][1] - 40.7
        hectares = rng.uniform(10, 50)
        radius = np.sqrt(hectares * 10000 / (2 * np.sqrt(2)))  # a regular octagon of that area
        ring = []
        for k in range(8):
            angle = k * np.pi / 4 + rng.uniform(-0.2, 0.2)
            scale = radius * rng.uniform(0.85, 1.15)
            ring.append((cx + scale * np.cos(angle) + 0.37, cy + scale * np.sin(angle) - 0.61))
        ring.append(ring[0])
        rings.append(ring)
    return rings


def write_fields(work: str) -> tuple[str, str]:
    """The fields as a GeoPackage (ours) and as GeoJSON (the peer's), both in EPSG:32633."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    gpkg = os.path.join(work, "fields.gpkg")
    source = ogr.GetDriverByName("GPKG").CreateDataSource(gpkg)
    layer = source.CreateLayer("fields", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    features = []
    for number, ring in enumerate(field_rings(), start=1):
        wkt = "POLYGON((" + ",".join(f"{x!r} {y!r}" for x, y in ring) + "))"
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("id", number)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
        features.append({"type": "Feature", "properties": {"id": number},
                         "geometry": {"type": "Polygon", "coordinates": [[list(point) for point in ring]]}})
    del layer, source
    geojson = write_json(os.path.join(work, "fields-32633.geojson"), {
        "type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}},
        "features": features})
    return gpkg, geojson


def main() -> int:
    if not os.path.exists(PEER_PYTHON):
        raise SystemExit("bench_fields: no bench/.venv with exactextract: run `make bench` (it makes it)")
    generate_tile(("B04", "B08"))
    make_ndvi_tile()
    folders = make_store()
    work = fresh_folder("run-fields")
    gpkg, geojson = write_fields(work)
    request = write_json(os.path.join(work, "request.json"), {"type": "mt_stats", "params": {
        "bm_type": ["NDVI"], "date_start": str(DATES[0]), "date_end": str(DATES[-1]), "reference": "bench-fields"}})
    rasters = [f"{date}={os.path.join(folders[date], 'NDVI.tif')}" for date in DATES]
    warm(os.path.join(TILE, f"{band}.tif") for band in BANDS)

    ours, peer = [], []
    for attempt in range(REPEATS):
        ours.append(measure([os.path.join(ROOT, "bin", "lbe"), "stats", request, "--aoi", gpkg, "--id-field", "id",
                             "--scenes", STORE, "--out", os.path.join(work, f"ours-{attempt}")]))
        peer.append(measure([PEER_PYTHON, PEER, geojson, os.path.join(work, f"exactextract-{attempt}.json"), *rasters]))

    with open(os.path.join(work, "ours-0", "bench-fields.csv"), newline="") as stream:
        table = list(csv.DictReader(stream))
    with open(os.path.join(work, "exactextract-0.json")) as stream:
        peer_figures = json.load(stream)
    failed = [row for row in table if row["error"]]
    if failed or len(table) != FIELD_COUNT * len(DATES) or len(peer_figures) != FIELD_COUNT:
        raise SystemExit(f"bench_fields: expected {FIELD_COUNT * len(DATES)} rows and {FIELD_COUNT} fields, got "
                         f"{len(table)} rows ({len(failed)} in error, e.g. {failed[:1]}) and {len(peer_figures)}")

    report(f"statistics of {FIELD_COUNT} fields (10-50 ha) over {len(DATES)} dates of a full-size Sentinel-2 tile",
           "ours: bin/lbe stats (NDVI from B04, B08); peer: one exact_extract call over the 20 NDVI bands and "
           "the 200 fields (feature-sequential)", ours, peer, "exactextract", GOAL_TIME, None)
    compare(table, peer_figures, geojson, folders[DATES[0]])
    return 0


def compare(table: list[dict], peer: dict, geojson: str, folder: str) -> None:
    """The first field's first date side by side (ours, numpy over the same pixel centres,
    exactextract), and the largest differences over every field and date."""
    first = table[0]
    red, nir, inside = _field_window(geojson, first["id"], folder)
    values = ((nir - red) / (nir + red))[inside]
    median, q1, q3, p10, p90 = np.percentile(values, [50, 25, 75, 10, 90])
    numpy_figures = {"min": values.min(), "max": values.max(), "average": values.mean(), "median": median,
                     "std": values.std(), "variance": values.var(), "q1": q1, "q3": q3, "p10": p10, "p90": p90}
    theirs = peer[first["id"]][first["date"]]
    print(f"  figures of field {first['id']} on {first['date']} ({int(inside.sum())} pixel centres):")
    print(f"    {'':9}{'ours':>12}{'numpy':>12}{'exactextract':>14}")
    for name in FIGURES:
        print(f"    {name:9}{float(first[name]):12.6f}{numpy_figures[name]:12.6f}{theirs[name]:14.6f}")
    own_gap = max(abs(float(first[name]) - numpy_figures[name]) for name in FIGURES)
    gaps = {name: max(abs(float(row[name]) - peer[row["id"]][row["date"]][name]) for row in table) for name in FIGURES}
    print(f"    largest difference: ours vs numpy {own_gap:.1e}; ours vs exactextract over all "
          f"{len(table)} field-dates: " + ", ".join(f"{name} {gap:.1e}" for name, gap in gaps.items()))


def _field_window(geojson: str, field_id: str, folder: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """B04 and B08 (float64) over one field's bounding window and which pixels have their centre in it."""
    with open(geojson) as stream:
        collection = json.load(stream)
    feature = next(f for f in collection["features"] if str(f["properties"]["id"]) == field_id)
    geometry = ogr.CreateGeometryFromJson(json.dumps(feature["geometry"]))
    red_dataset, nir_dataset = gdal.Open(os.path.join(folder, "B04.tif")), gdal.Open(os.path.join(folder, "B08.tif"))
    gt = red_dataset.GetGeoTransform()
    xmin, xmax, ymin, ymax = geometry.GetEnvelope()
    col0, col1 = int((xmin - gt[0]) // gt[1]), int((xmax - gt[0]) // gt[1]) + 1
    row0, row1 = int((gt[3] - ymax) // -gt[5]), int((gt[3] - ymin) // -gt[5]) + 1
    width, height = col1 - col0, row1 - row0
    mask = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    mask.SetGeoTransform((gt[0] + col0 * gt[1], gt[1], 0.0, gt[3] + row0 * gt[5], 0.0, gt[5]))
    mask.SetProjection(red_dataset.GetProjection())
    source = ogr.GetDriverByName("Memory").CreateDataSource("field")
    layer = source.CreateLayer("field", red_dataset.GetSpatialRef(), ogr.wkbPolygon)
    polygon = ogr.Feature(layer.GetLayerDefn())
    polygon.SetGeometry(geometry)
    layer.CreateFeature(polygon)
    gdal.RasterizeLayer(mask, [1], layer, burn_values=[1])  # pixel centres inside (not all touched)
    inside = mask.GetRasterBand(1).ReadAsArray().astype(bool)
    red = red_dataset.GetRasterBand(1).ReadAsArray(col0, row0, width, height).astype(np.float64)
    nir = nir_dataset.GetRasterBand(1).ReadAsArray(col0, row0, width, height).astype(np.float64)
    return red, nir, inside


if __name__ == "__main__":
    sys.exit(main())
