#!/usr/bin/env python3
"""The peer of the mt_stats benchmark: exactextract (installed into bench/.venv only), one
`exact_extract` call over all the rasters given, one band each, computing the ten figures of the
API with every cell either in or out (coverage_weight=none, min_coverage_frac=0.5), in its fastest
mode here (see bench_mt_stats.py): feature-sequential, output as GeoJSON-like dicts, GDAL decoding
the blocks of each window on all cores (GDAL_NUM_THREADS=ALL_CPUS).

Usage: peer_exactextract.py AOI.geojson OUT.json [--count] NAME=RASTER [NAME=RASTER ...]
AOI.geojson must be in the rasters' CRS (exactextract does not reproject). OUT.json gets
{NAME: {figure: value}} with our figure names (and the cell count with --count).
"""

import json
import sys

from exactextract import exact_extract
from exactextract.raster import GDALRasterSource
from osgeo import gdal

# exactextract reads through GDAL's Python bindings, one window per raster; GDAL 3.6's GTiff driver
# decodes the blocks of a window in parallel when asked (exactextract itself is single-threaded).
gdal.SetConfigOption("GDAL_NUM_THREADS", "ALL_CPUS")

# Every cell the polygon covers by half or more counts once: near our pixel-centre rule.
OPTIONS = "coverage_weight=none,min_coverage_frac=0.5"
# Our figure name -> exactextract's operation (its column is NAME_ followed by the op's name).
OPERATIONS = {
    "min": ("min", f"min({OPTIONS})"),
    "max": ("max", f"max({OPTIONS})"),
    "average": ("mean", f"mean({OPTIONS})"),
    "median": ("median", f"median({OPTIONS})"),
    "std": ("stdev", f"stdev({OPTIONS})"),
    "variance": ("variance", f"variance({OPTIONS})"),
    "q1": ("quantile_25", f"quantile(q=0.25,{OPTIONS})"),
    "q3": ("quantile_75", f"quantile(q=0.75,{OPTIONS})"),
    "p10": ("quantile_10", f"quantile(q=0.1,{OPTIONS})"),
    "p90": ("quantile_90", f"quantile(q=0.9,{OPTIONS})"),
}


def main(argv: list[str]) -> int:
    aoi, out, *rest = argv
    count = "--count" in rest
    rasters = [item.split("=", 1) for item in rest if item != "--count"]
    operations = dict(OPERATIONS, count=("count", f"count({OPTIONS})")) if count else OPERATIONS
    # One source per date, named after it (file names alone would all be B04).
    sources = [GDALRasterSource(path, 1, name=name) for name, path in rasters]
    features = exact_extract(sources, aoi, [op for _column, op in operations.values()],
                             strategy="feature-sequential", output="geojson")
    values = features[0]["properties"]
    prefix = "{}_" if len(sources) > 1 else ""  # exactextract names the columns of a lone raster by the op only
    figures = {name: {ours: values[prefix.format(name) + column] for ours, (column, _op) in operations.items()}
               for name, _path in rasters}
    with open(out, "w") as stream:
        json.dump(figures, stream)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
