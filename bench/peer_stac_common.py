"""What the STAC benchmark's peers share (bench/peer_stac_gdal.py, bench/peer_odc_stac.py): the item
search they make of the catalog, as a user's script would (one POST, every `next` page followed), the
ten figures of mt_stats computed with numpy, and the GDAL options every contender reads with.
Only the standard library and numpy: the odc-stac peer runs in bench/.venv."""

from __future__ import annotations

import json
import urllib.request

import numpy as np

# The options that make GDAL read a cloud-optimized GeoTIFF over HTTP well, given to every peer
# (ours sets the same ones, core/http_raster.py): no directory listing, the header in one request,
# several ranges at once, consecutive blocks in one range.
FAIR_GDAL_OPTIONS = {
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
    "GDAL_HTTP_MULTIPLEX": "YES",
    "GDAL_HTTP_MERGE_CONSECUTIVE_RANGES": "YES",
    "GDAL_INGESTED_BYTES_AT_OPEN": "32768",
}
FIGURES = ("min", "max", "average", "median", "std", "variance", "q1", "q3", "p10", "p90")


def search(search_url: str, body: dict) -> list[dict]:
    """Every item a STAC item search (POST) answers, its `next` pages followed."""
    items, body = [], dict(body)
    while True:
        request = urllib.request.Request(search_url, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            page = json.load(answer)
        items += page["features"]
        following = [link for link in page.get("links", []) if link.get("rel") == "next"]
        if not following:
            return items
        link = following[0]
        search_url = link["href"]
        body = {**body, **link["body"]} if link.get("merge") else link["body"]


def figures(values: np.ndarray) -> dict[str, float]:
    """mt_stats' ten figures (population std and variance; numpy.percentile's linear quantiles)."""
    median, q1, q3, p10, p90 = np.percentile(values, [50, 25, 75, 10, 90])
    return {"min": float(values.min()), "max": float(values.max()), "average": float(values.mean()),
            "median": float(median), "std": float(values.std()), "variance": float(values.var()),
            "q1": float(q1), "q3": float(q3), "p10": float(p10), "p90": float(p90)}


def ndvi(red: np.ndarray, nir: np.ndarray, inside: np.ndarray) -> np.ndarray:
    """NDVI of the pixels inside the AOI whose bands are valid (0 is the bands' nodata)."""
    red, nir = red.astype(np.float64), nir.astype(np.float64)
    valid = inside & (red != 0) & (nir != 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        values = (nir[valid] - red[valid]) / (nir[valid] + red[valid])
    return values[np.isfinite(values)]
