"""The `jpeg` task on the local processor: an 8-bit rendering in EPSG:3857 (docs/task-api.md#jpeg,
core/local/jpeg.py).

What the outputs must be is worked out here, independently of the code under test: the AOI's
vertices are transformed to EPSG:3857 one by one with osr, a pixel is inside when its centre is
inside that polygon (even-odd rule), the pixel size is px_size / cos(latitude of the AOI's centre),
and a byte value is round((v - low) / (high - low) * 255) clipped to 0..255. Exact checks of
values use scenes stored in EPSG:3857 whose grid the output reproduces (resample=near), so no
reprojection blurs them; on real scenes in UTM the source pixel under each output pixel centre is
found with osr.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess

import numpy as np
import pytest
from command_line import clean_environment
from load_by_extent.core.colormaps import lookup_table
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.request import TaskRequest
from load_by_extent.core.runner import run
from osgeo import gdal, osr
from rasters import (
    S2_GT10,
    centres_inside,
    distance_to_edges,
    ogr_polygon,
    polygon_px,
    rings_in_crs,
    s2_path,
    spatial_reference,
    write_raster,
)

RESAMPLE_METHODS = ("near", "bilinear", "cubic", "cubicspline", "lanczos", "average", "mode", "max", "min", "med",
                    "q1", "q3")
MAGIC = {"jpeg": b"\xff\xd8\xff", "png": b"\x89PNG", "tiff": b"II*\x00"}
EXTENSION = {"jpeg": ".jpg", "png": ".png", "tiff": ".tif"}

# --- the independent oracle (its geometry: tests/rasters.py) ---------------------------------------


def mercator_rings(geometry: dict) -> list[np.ndarray]:
    """The AOI's rings in EPSG:3857, vertex by vertex."""
    return rings_in_crs(geometry, 3857)


def centre_latitude(rings: list[np.ndarray]) -> float:
    """The latitude of the AOI's centre (its centroid in EPSG:3857, back to degrees with osr)."""
    centre = ogr_polygon(rings).Centroid()
    transform = osr.CoordinateTransformation(spatial_reference(3857), spatial_reference(4326))
    return transform.TransformPoint(centre.GetX(), centre.GetY())[1]


def mercator_pixel(geometry: dict, ground_size: float) -> float:
    return ground_size / math.cos(math.radians(centre_latitude(mercator_rings(geometry))))


def ground_size_for(geometry: dict, mercator_size: float) -> float:
    """The px_size that gives pixels of `mercator_size` EPSG:3857 units over this AOI."""
    return mercator_size * math.cos(math.radians(centre_latitude(mercator_rings(geometry))))


def pixel_centres(dataset: gdal.Dataset) -> tuple[np.ndarray, np.ndarray]:
    gt = dataset.GetGeoTransform()
    xs = gt[0] + (np.arange(dataset.RasterXSize) + 0.5) * gt[1]
    ys = gt[3] + (np.arange(dataset.RasterYSize) + 0.5) * gt[5]
    return xs, ys


def aoi_inside(dataset: gdal.Dataset, geometry: dict) -> np.ndarray:
    rings = mercator_rings(geometry)
    xs, ys = pixel_centres(dataset)
    pixel = dataset.GetGeoTransform()[1]
    assert distance_to_edges(xs, ys, rings).min() > 1e-4 * pixel, "test AOI has an edge through a pixel centre"
    return centres_inside(xs, ys, rings)


def to_byte(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """round((v - low) / (high - low) * 255), halves up, clipped to 0..255."""
    return np.clip(np.floor((np.asarray(values, np.float64) - low) / (high - low) * 255 + 0.5), 0, 255).astype(np.uint8)


def assert_web_mercator_grid(dataset: gdal.Dataset, geometry: dict, pixel: float) -> None:
    """EPSG:3857, square pixels of `pixel` units, an extent covering the AOI's envelope by less
    than a pixel on each side."""
    srs = osr.SpatialReference()
    srs.ImportFromWkt(dataset.GetProjection())
    assert srs.IsSame(spatial_reference(3857)), dataset.GetProjection()
    gt = dataset.GetGeoTransform()
    assert gt[2] == 0 and gt[4] == 0
    assert gt[1] == pytest.approx(pixel, rel=1e-9)
    assert gt[5] == pytest.approx(-pixel, rel=1e-9)
    points = np.vstack(mercator_rings(geometry))
    minx, maxx = points[:, 0].min(), points[:, 0].max()
    miny, maxy = points[:, 1].min(), points[:, 1].max()
    x0, y1 = gt[0], gt[3]
    x1, y0 = x0 + dataset.RasterXSize * gt[1], y1 + dataset.RasterYSize * gt[5]
    assert x0 <= minx < x0 + pixel and x1 - pixel < maxx <= x1
    assert y0 <= miny < y0 + pixel and y1 - pixel < maxy <= y1


def assert_files(result, output_format: str) -> tuple[str, gdal.Dataset]:
    """The main file (magic bytes) and, for jpeg and png, its world file and .aux.xml."""
    path = result.files[0]
    assert path.endswith(EXTENSION[output_format])
    with open(path, "rb") as stream:
        assert stream.read(len(MAGIC[output_format])) == MAGIC[output_format]
    dataset = gdal.Open(path)
    assert dataset is not None
    if output_format in ("jpeg", "png"):
        stem = os.path.splitext(path)[0]
        assert set(result.files) == {path, path + ".aux.xml", stem + ".wld"}
        with open(path + ".aux.xml") as stream:
            assert "3857" in stream.read()
        with open(stem + ".wld") as stream:
            world = [float(line) for line in stream.read().split()]
        gt = dataset.GetGeoTransform()
        # A world file names the centre of the top-left pixel.
        np.testing.assert_allclose(world, [gt[1], 0, 0, gt[5], gt[0] + gt[1] / 2, gt[3] + gt[5] / 2], rtol=1e-9)
    else:
        assert result.files == (path,)
    for name in result.files:
        assert os.path.isfile(name)
    assert sorted(os.listdir(os.path.dirname(path))) == sorted(os.path.basename(name) for name in result.files)
    return path, dataset


def read_bands(dataset: gdal.Dataset) -> np.ndarray:
    array = dataset.ReadAsArray()
    return array[np.newaxis] if array.ndim == 2 else array


def jpeg_task(view_id: str, bm_type: str, geometry: dict | None, **params) -> TaskRequest:
    body = {"view_id": view_id, "bm_type": bm_type, "reference": "test-visual", **params}
    if geometry is not None:
        body["geometry"] = geometry
    return TaskRequest({"type": "jpeg", "params": body})


# --- the real Sentinel-2 scene ---------------------------------------------------------------------------

S2_VIEW = "S2/33/U/UU/2017/2/16/0"
S2_AOI = [[(200.3, 150.6), (420.7, 170.2), (380.4, 380.3), (300.2, 260.8), (210.6, 360.4)]]


@pytest.fixture(scope="module")
def s2_aoi() -> dict:
    return polygon_px(S2_GT10, S2_AOI, 32633)


@pytest.fixture(scope="module")
def resampled(sample_store, s2_aoi, tmp_path_factory) -> dict:
    """The RGB rendering of the real scene with every resampling method, 25 m pixels, PNG."""
    results = {}
    for method in RESAMPLE_METHODS:
        out = tmp_path_factory.mktemp(f"resample-{method}")
        request = jpeg_task(S2_VIEW, "B04,B03,B02", s2_aoi, resample=method, format="png", px_size=25,
                            levels="300,2300")
        results[method] = run(request, LocalBackend(sample_store), str(out), Feedback())
    return results


@pytest.mark.sample_data
@pytest.mark.parametrize("method", RESAMPLE_METHODS)
def test_every_resampling_method_gives_a_valid_image(resampled, s2_aoi, method):
    result = resampled[method]
    assert result.result_type == "png"
    assert result.details["resample"] == method and result.details["px_size"] == 25
    path, dataset = assert_files(result, "png")
    assert_web_mercator_grid(dataset, s2_aoi, mercator_pixel(s2_aoi, 25.0))
    assert dataset.RasterCount == 4
    assert dataset.GetRasterBand(4).GetColorInterpretation() == gdal.GCI_AlphaBand
    bands = read_bands(dataset)
    inside = aoi_inside(dataset, s2_aoi)
    np.testing.assert_array_equal(bands[3], np.where(inside, 255, 0))
    assert (bands[:3, ~inside] == 0).all()
    for colour in bands[:3]:
        assert colour[inside].std() > 5  # an image, not a flat field


@pytest.mark.sample_data
def test_resampling_methods_agree_with_each_other(resampled, s2_aoi):
    """Over the same 2.5 x 2.5 source pixels: min <= q1 <= med <= q3 <= max, and the nearest pixel,
    the mode and the average lie between min and max (the same levels keep the order in bytes)."""
    images = {}
    for method, result in resampled.items():
        dataset = gdal.Open(result.files[0])
        images[method] = read_bands(dataset)[:3].astype(int)
        inside = aoi_inside(dataset, s2_aoi)
    for lower, upper in [("min", "q1"), ("q1", "med"), ("med", "q3"), ("q3", "max"), ("min", "near"),
                         ("near", "max"), ("min", "mode"), ("mode", "max"), ("min", "average"), ("average", "max")]:
        assert (images[lower][:, inside] <= images[upper][:, inside]).all(), f"{lower} > {upper}"
    assert (images["min"][:, inside] < images["max"][:, inside]).mean() > 0.5
    # The unbiased ones estimate the same field.
    reference = images["average"][:, inside].mean()
    for method in ("near", "bilinear", "cubic", "cubicspline", "lanczos", "med"):
        assert abs(images[method][:, inside].mean() - reference) < 4, method


@pytest.mark.sample_data
@pytest.mark.parametrize("output_format", ["jpeg", "png", "tiff"])
def test_formats_georeferencing_and_transparency(sample_store, s2_aoi, tmp_path, output_format):
    request = jpeg_task(S2_VIEW, "B04,B03,B02", s2_aoi, format=output_format, resample="bilinear",
                        levels="300,2300")
    result = run(request, LocalBackend(sample_store), str(tmp_path / "out"), Feedback())

    assert result.result_type == output_format
    assert result.details["px_size"] == 10  # the native resolution of the bands
    path, dataset = assert_files(result, output_format)
    assert os.path.basename(path).startswith("S2_33_U_UU_2017_2_16_0_")
    assert_web_mercator_grid(dataset, s2_aoi, mercator_pixel(s2_aoi, 10.0))
    bands = read_bands(dataset)
    inside = aoi_inside(dataset, s2_aoi)
    assert inside.any() and not inside.all()
    if output_format == "jpeg":
        assert dataset.RasterCount == 3  # no alpha: black outside
        rings = mercator_rings(s2_aoi)
        xs, ys = pixel_centres(dataset)
        far_outside = ~inside & (distance_to_edges(xs, ys, rings) > 8 * dataset.GetGeoTransform()[1])
        assert far_outside.sum() > 100
        assert bands[:, far_outside].mean() < 1 and bands[:, far_outside].max() <= 20  # black, give or take JPEG
        assert (bands[:, inside].mean(axis=1) > 30).all()
    else:
        assert dataset.RasterCount == 4
        assert dataset.GetRasterBand(4).GetColorInterpretation() == gdal.GCI_AlphaBand
        np.testing.assert_array_equal(bands[3], np.where(inside, 255, 0))
        assert (bands[:3, ~inside] == 0).all()


@pytest.mark.sample_data
def test_jpeg_shows_the_png_colours(sample_store, s2_aoi, tmp_path):
    """The lossy JPEG and the PNG of one request hold the same picture inside the AOI."""
    images = {}
    for output_format in ("jpeg", "png"):
        request = jpeg_task(S2_VIEW, "B08,B04,B03", s2_aoi, format=output_format, resample="average",
                            levels="300,3000", px_size=20)
        result = run(request, LocalBackend(sample_store), str(tmp_path / output_format), Feedback())
        dataset = gdal.Open(result.files[0])
        images[output_format] = read_bands(dataset)[:3].astype(int)
        inside = aoi_inside(dataset, s2_aoi)
    for jpeg, png in zip(images["jpeg"], images["png"]):
        assert abs(jpeg[inside].mean() - png[inside].mean()) < 2
        assert np.corrcoef(jpeg[inside], png[inside])[0, 1] > 0.9  # JPEG halves the colour resolution
    luma = {name: np.tensordot([0.299, 0.587, 0.114], image, axes=1)[inside] for name, image in images.items()}
    assert np.corrcoef(luma["jpeg"], luma["png"])[0, 1] > 0.98  # and keeps the brightness


@pytest.mark.sample_data
def test_raw_bands_without_levels_are_cut_at_2_and_98_percent(sample_store, s2_aoi, tmp_path):
    request = jpeg_task(S2_VIEW, "B04,B03,B02", s2_aoi, format="png", resample="near")
    result = run(request, LocalBackend(sample_store), str(tmp_path / "out"), Feedback())

    dataset = gdal.Open(result.files[0])
    bands = read_bands(dataset)
    inside = aoi_inside(dataset, s2_aoi)
    levels = result.details["levels"]
    assert len(levels) == 3
    expected = []
    for index, band in enumerate(("B04", "B03", "B02")):
        # The warped values, by a warp of our own (nearest pixel, no approximation), in the AOI.
        warped = gdal.Warp("", s2_path(sample_store, band), format="MEM", dstSRS="EPSG:3857",
                           outputBounds=_bounds(dataset), width=dataset.RasterXSize, height=dataset.RasterYSize,
                           resampleAlg="near", errorThreshold=0)
        values = warped.ReadAsArray().astype(np.float64)[inside]
        expected.append(np.percentile(values, [2, 98]))
        histogram = bands[index][inside]
        # Spans the byte range: some 2 % (more with ties: the values are multiples of 16) at each end.
        assert 0.01 < (histogram == 0).mean() < 0.08 and 0.01 < (histogram == 255).mean() < 0.08, band
        assert len(np.unique(histogram)) > 20, band
        # Each byte is the stretch, between the levels reported, of the value under it.
        assert (histogram == to_byte(values, *levels[index])).mean() > 0.99, band
    for band, got, (low, high) in zip(("B04", "B03", "B02"), levels, expected):
        assert got == pytest.approx([low, high], abs=0.005 * (high - low)), band


def _bounds(dataset: gdal.Dataset) -> tuple[float, float, float, float]:
    gt = dataset.GetGeoTransform()
    return (gt[0], gt[3] + dataset.RasterYSize * gt[5], gt[0] + dataset.RasterXSize * gt[1], gt[3])


# --- scenes stored in EPSG:3857: exact values ----------------------------------------------------------

MERC_ID = "LC80290332017076LGN00"
MERC_VIEW = f"L8/{MERC_ID}"
MERC_GT = (1_500_000.0, 30.0, 0.0, 5_100_000.0, 0.0, -30.0)  # multiples of 30: the output grid is this grid
MERC_SHAPE = (40, 50)
# A concave AOI in pixel coordinates of that grid: much of its envelope is outside it.
MERC_AOI = [[(3.3, 2.4), (46.6, 5.2), (25.2, 15.3), (40.7, 36.6), (6.4, 34.3)]]


def mercator_store(root, bands: dict[str, np.ndarray]) -> str:
    for name, array in bands.items():
        write_raster(os.path.join(str(root), MERC_ID, f"{MERC_ID}_{name}.TIF"), array, MERC_GT, 3857)
    return str(root)


def source_window(dataset: gdal.Dataset) -> tuple[slice, slice]:
    """The source pixels under the output: the output grid is the source grid, offset."""
    gt = dataset.GetGeoTransform()
    assert gt[1] == pytest.approx(30.0, rel=1e-9)
    col0 = (gt[0] - MERC_GT[0]) / 30.0
    row0 = (MERC_GT[3] - gt[3]) / 30.0
    assert abs(col0 - round(col0)) < 1e-6 and abs(row0 - round(row0)) < 1e-6
    col0, row0 = round(col0), round(row0)
    assert col0 >= 0 and row0 >= 0
    return slice(row0, row0 + dataset.RasterYSize), slice(col0, col0 + dataset.RasterXSize)


@pytest.fixture
def merc_aoi() -> dict:
    return polygon_px(MERC_GT, MERC_AOI, 3857)


def _random(seed: int, low: int, high: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(low, high, size=MERC_SHAPE).astype(np.uint16)


def test_explicit_levels_stretch_each_value(tmp_path, merc_aoi):
    red = _random(1, 500, 3500)
    red[20, 10] = 0  # no data, inside the AOI
    store = mercator_store(tmp_path / "store", {"B4": red})
    request = jpeg_task(MERC_VIEW, "B4", merc_aoi, format="png", resample="near", levels="1000,3000",
                        px_size=ground_size_for(merc_aoi, 30.0))
    result = run(request, LocalBackend(store), str(tmp_path / "out"), Feedback())

    assert result.details["levels"] == [[1000.0, 3000.0]]
    path, dataset = assert_files(result, "png")
    assert_web_mercator_grid(dataset, merc_aoi, 30.0)
    grey, alpha = read_bands(dataset)
    rows, cols = source_window(dataset)
    values = red[rows, cols]
    inside = aoi_inside(dataset, merc_aoi)
    shown = inside & (values != 0)
    assert not shown[20 - rows.start, 10 - cols.start] and inside[20 - rows.start, 10 - cols.start]
    np.testing.assert_array_equal(alpha, np.where(shown, 255, 0))
    np.testing.assert_array_equal(grey, np.where(shown, to_byte(values, 1000, 3000), 0))
    assert (grey[shown] == 0).any() and (grey[shown] == 255).any()  # both ends clipped


def test_raw_band_cut_counts_the_aoi_pixels_only(tmp_path, merc_aoi):
    """2-98 % of the AOI's pixels (jpeg.py, step 3): bright pixels outside the AOI, inside its
    envelope, must not move the cut."""
    red = _random(2, 1000, 2000)
    rings = mercator_rings(merc_aoi)
    xs = MERC_GT[0] + (np.arange(MERC_SHAPE[1]) + 0.5) * 30
    ys = MERC_GT[3] - (np.arange(MERC_SHAPE[0]) + 0.5) * 30
    red[~centres_inside(xs, ys, rings)] = 9000
    store = mercator_store(tmp_path / "store", {"B4": red})
    request = jpeg_task(MERC_VIEW, "B4", merc_aoi, format="png", resample="near",
                        px_size=ground_size_for(merc_aoi, 30.0))
    result = run(request, LocalBackend(store), str(tmp_path / "out"), Feedback())

    dataset = gdal.Open(result.files[0])
    grey, alpha = read_bands(dataset)
    rows, cols = source_window(dataset)
    inside = aoi_inside(dataset, merc_aoi)
    values = red[rows, cols][inside].astype(np.float64)
    assert (values < 9000).all()
    low, high = np.percentile(values, [2, 98])
    assert result.details["levels"][0] == pytest.approx([low, high], rel=1e-6)
    np.testing.assert_array_equal(grey[inside], to_byte(values, low, high))


def _ndvi_store(tmp_path) -> tuple[str, np.ndarray]:
    nir = _random(3, 100, 4000)
    red = _random(4, 100, 4000)
    ndvi = ((nir.astype(np.float64) - red) / (nir.astype(np.float64) + red)).astype(np.float32)
    return mercator_store(tmp_path / "store", {"B5": nir, "B4": red}), ndvi


def test_single_index_without_levels_is_stretched_from_minus_half_to_half(tmp_path, merc_aoi):
    store, ndvi = _ndvi_store(tmp_path)
    request = jpeg_task(MERC_VIEW, "NDVI", merc_aoi, format="tiff", resample="near",
                        px_size=ground_size_for(merc_aoi, 30.0))
    result = run(request, LocalBackend(store), str(tmp_path / "out"), Feedback())

    assert result.details["levels"] == [[-0.5, 0.5]]
    path, dataset = assert_files(result, "tiff")
    assert dataset.RasterCount == 2 and dataset.GetRasterBand(2).GetColorInterpretation() == gdal.GCI_AlphaBand
    grey, alpha = read_bands(dataset)
    rows, cols = source_window(dataset)
    inside = aoi_inside(dataset, merc_aoi)
    np.testing.assert_array_equal(alpha, np.where(inside, 255, 0))
    np.testing.assert_array_equal(grey, np.where(inside, to_byte(ndvi[rows, cols], -0.5, 0.5), 0))
    assert (grey[inside] == 0).any() and (grey[inside] == 255).any()


def test_colormap_in_five_classes(tmp_path, merc_aoi):
    store, ndvi = _ndvi_store(tmp_path)
    request = jpeg_task(MERC_VIEW, "NDVI", merc_aoi, format="png", resample="near", colormap="RdYlGn",
                        colors_limit=5, px_size=ground_size_for(merc_aoi, 30.0))
    result = run(request, LocalBackend(store), str(tmp_path / "out"), Feedback())

    path, dataset = assert_files(result, "png")
    assert dataset.RasterCount == 4
    bands = read_bands(dataset)
    rows, cols = source_window(dataset)
    inside = aoi_inside(dataset, merc_aoi)
    np.testing.assert_array_equal(bands[3], np.where(inside, 255, 0))
    rgb = np.moveaxis(bands[:3], 0, -1)
    colours = {tuple(colour) for colour in rgb[inside]}
    assert len(colours) == 5
    table = lookup_table("RdYlGn", 256, 5)
    np.testing.assert_array_equal(rgb[inside], table[to_byte(ndvi[rows, cols], -0.5, 0.5)][inside])
    assert (rgb[~inside] == 0).all()


# --- calibration -----------------------------------------------------------------------------------------

L8_ID = "LC80200392015216LGN00"
L8_GT30 = (452475.0, 30.0, 0.0, 3408645.0, 0.0, -30.0)


def _mtl_number(text: str, name: str) -> float:
    return float(re.search(rf"\b{name}\s*=\s*(-?[\d.Ee+-]+)", text).group(1))


@pytest.mark.sample_data
def test_calibrated_landsat8_band_is_top_of_atmosphere_reflectance(sample_store, tmp_path):
    folder = os.path.join(sample_store, "landsat8", L8_ID)
    with open(os.path.join(folder, f"{L8_ID}_MTL.txt")) as stream:
        mtl = stream.read()
    mult, add = _mtl_number(mtl, "REFLECTANCE_MULT_BAND_4"), _mtl_number(mtl, "REFLECTANCE_ADD_BAND_4")
    sine = math.sin(math.radians(_mtl_number(mtl, "SUN_ELEVATION")))
    geometry = polygon_px(L8_GT30, [[(200.3, 250.6), (300.7, 262.2), (280.4, 330.3), (210.2, 320.8)]], 32616)
    # 25 m pixels over 30 m ones: output pixel centres fall all over the source pixels.
    request = jpeg_task(f"L8/{L8_ID}", "B4", geometry, format="png", resample="near", levels="0,0.3",
                        calibrate=1, px_size=25)
    result = run(request, LocalBackend(sample_store), str(tmp_path / "out"), Feedback())

    assert "notes" not in result.details
    path, dataset = assert_files(result, "png")
    assert_web_mercator_grid(dataset, geometry, mercator_pixel(geometry, 25.0))
    grey, alpha = read_bands(dataset)
    inside = aoi_inside(dataset, geometry)
    np.testing.assert_array_equal(alpha, np.where(inside, 255, 0))
    # The source pixel under each output pixel centre, found with osr; pixels whose centre falls
    # within 0.2 source pixel of a source pixel's edge are left out (GDAL's warper approximates
    # the transformation to within 0.125 pixel).
    xs, ys = pixel_centres(dataset)
    grid_x, grid_y = np.meshgrid(xs, ys)
    transform = osr.CoordinateTransformation(spatial_reference(3857), spatial_reference(32616))
    utm = np.array(transform.TransformPoints(np.column_stack([grid_x.ravel(), grid_y.ravel()]).tolist()))
    cols = ((utm[:, 0] - L8_GT30[0]) / 30).reshape(grid_x.shape)
    rows = ((utm[:, 1] - L8_GT30[3]) / -30).reshape(grid_x.shape)
    clear = (np.abs(cols - np.round(cols)) > 0.2) & (np.abs(rows - np.round(rows)) > 0.2) & inside
    assert clear.sum() > 1000
    source = gdal.Open(os.path.join(folder, f"{L8_ID}_B4.TIF"))
    dn = source.ReadAsArray().astype(np.float64)
    reflectance = ((mult * dn + add) / sine)[np.floor(rows[clear]).astype(int), np.floor(cols[clear]).astype(int)]
    expected = to_byte(reflectance.astype(np.float32), 0.0, 0.3)
    got = grey[clear]
    assert np.abs(got.astype(int) - expected).max() <= 1
    assert (got == expected).mean() > 0.99
    assert 20 < got.mean() < 235  # reflectance, not digital numbers (those would all be 255)


@pytest.mark.sample_data
def test_calibrate_on_a_landsat7_scene_without_mtl_says_so(sample_store, tmp_path):
    scene_id = "LE70350322008118EDC00"
    path = os.path.join(sample_store, "landsat-timeseries", scene_id, f"{scene_id}_b4.tif")
    dataset = gdal.Open(path)
    geometry = polygon_px(dataset.GetGeoTransform(), [[(5.3, 4.6), (55.7, 8.2), (40.4, 52.3)]], 32613)
    images = []
    for calibrate in (1, 0):
        request = jpeg_task(f"L7/{scene_id}", "B4", geometry, format="png", resample="near", levels="0,5000",
                            calibrate=calibrate)
        result = run(request, LocalBackend(sample_store), str(tmp_path / f"c{calibrate}"), Feedback())
        if calibrate:
            notes = result.details.get("notes", [])
            assert any("MTL" in note and ("not calibrated" in note or "as stored" in note) for note in notes), notes
        else:
            assert "notes" not in result.details
        output = gdal.Open(result.files[0])
        images.append(read_bands(output))
    np.testing.assert_array_equal(images[0], images[1])  # nothing was converted


# --- the command line --------------------------------------------------------------------------------------


def _run_cli(lbe_command, tmp_path, request: dict, store: str) -> subprocess.CompletedProcess:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request))
    return subprocess.run(lbe_command + ["run", str(path), "--scenes", store, "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120, env=clean_environment())


def test_command_line_jpeg(lbe_command, tmp_path, merc_aoi):
    store = mercator_store(tmp_path / "store", {"B4": _random(5, 500, 3500)})
    request = {"type": "jpeg", "params": {"view_id": MERC_VIEW, "bm_type": "B4", "geometry": merc_aoi,
                                          "levels": "500,3500", "reference": "cli"}}
    completed = _run_cli(lbe_command, tmp_path, request, store)

    assert completed.returncode == 0, completed.stderr
    output = json.loads(completed.stdout)
    assert output["type"] == "jpeg" and output["result_type"] == "jpeg"
    files = output["files"]
    assert files[0].endswith(".jpg") and len(files) == 3
    assert sorted(os.listdir(tmp_path / "out")) == sorted(os.path.basename(name) for name in files)
    with open(files[0], "rb") as stream:
        assert stream.read(3) == MAGIC["jpeg"]


def test_command_line_bandmath_with_an_unknown_band(lbe_command, tmp_path, merc_aoi):
    store = mercator_store(tmp_path / "store", {"B4": _random(6, 500, 3500)})
    request = {"type": "bandmath", "params": {"view_id": MERC_VIEW, "bm_type": "(B5 - B04) / (B5 + B04)",
                                              "geometry": merc_aoi, "reference": "cli"}}
    completed = _run_cli(lbe_command, tmp_path, request, store)

    assert completed.returncode == 2, completed.stderr
    assert "params.bm_type" in completed.stderr
    assert "B04" in completed.stderr
    assert completed.stdout == ""
    assert not (tmp_path / "out").exists()
