#!/usr/bin/env python3
"""The peer of the many-fields benchmark (bench_fields.py): exactextract (bench/.venv only), one
`exact_extract` call over all the rasters given and all the polygons, the ten figures of the API
with every cell either in or out (peer_exactextract.OPERATIONS: coverage_weight=none,
min_coverage_frac=0.5), in its fastest mode (feature-sequential, output as GeoJSON-like dicts, GDAL
decoding the blocks of each window on all cores).

Usage: peer_fields_exactextract.py FIELDS.geojson OUT.json NAME=RASTER [NAME=RASTER ...]
FIELDS.geojson: polygons in the rasters' CRS, each with an `id` property. OUT.json gets
{id: {NAME: {figure: value}}} with our figure names.
"""

import json
import sys

from exactextract import exact_extract
from exactextract.raster import GDALRasterSource
from peer_exactextract import OPERATIONS


def main(argv: list[str]) -> int:
    fields, out, *rest = argv
    rasters = [item.split("=", 1) for item in rest]
    sources = [GDALRasterSource(path, 1, name=name) for name, path in rasters]
    features = exact_extract(sources, fields, [op for _column, op in OPERATIONS.values()], include_cols=["id"],
                             strategy="feature-sequential", output="geojson")
    figures = {}
    for feature in features:
        values = feature["properties"]
        identifier = values["id"] if "id" in values else feature["id"]  # the id property becomes the feature's id
        figures[str(identifier)] = {name: {ours: values[f"{name}_{column}"] for ours, (column, _op) in OPERATIONS.items()}
                                      for name, _path in rasters}
    with open(out, "w") as stream:
        json.dump(figures, stream)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
