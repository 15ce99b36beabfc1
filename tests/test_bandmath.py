"""The `bandmath` task on the local processor (docs/task-api.md#bandmath, core/local/bandmath.py).

Every expected raster is computed here, independently of the code under test: the source bands
are read with GDAL over the window of the coarsest grid, finer bands are averaged onto it in
blocks with numpy, the index formulas are written out below (not taken from core.expressions),
the window is the pixel-aligned cover of the AOI's envelope (vertices transformed one by one with
osr) cut to the raster, a pixel is inside when its centre is inside the polygon (even-odd rule),
and a pixel is -9999 when it is outside, when an input has no data (declared nodata; 0 in an
unsigned band without one; NaN), or when the result is not finite. AOI vertices sit off pixel
edges and centres by irrational fractions of a pixel, so no boundary tie decides a result.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pytest
from load_by_extent.core.errors import DataError, RequestError, TaskCancelled
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.indices import INDICES
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.request import TaskRequest
from load_by_extent.core.runner import run
from load_by_extent.core.sensors import LANDSAT7, LANDSAT8
from osgeo import gdal
from rasters import (
    S2_GT10,
    centres_inside,
    min_distance_to_edges,
    multipolygon_px,
    polygon_px,
    rings_in_crs,
    s2_path,
    spatial_reference,
    write_raster,
)

NODATA = -9999.0

# --- the independent oracle (its geometry: tests/rasters.py) ---------------------------------------


@dataclass
class SourceGrid:
    geotransform: tuple
    width: int
    height: int
    wkt: str


def source_grid(path: str) -> SourceGrid:
    dataset = gdal.Open(path)
    return SourceGrid(dataset.GetGeoTransform(), dataset.RasterXSize, dataset.RasterYSize, dataset.GetProjection())


def read_on_grid(path: str, target_gt: tuple, col0: int, row0: int, cols: int, rows: int):
    """The band over a window of a target grid it nests in: each target pixel the mean of its
    f x f source pixels (summed one offset at a time), invalid if any of them has no data."""
    dataset = gdal.Open(path)
    gt = dataset.GetGeoTransform()
    factor = target_gt[1] / gt[1]
    f = int(round(factor))
    assert abs(factor - f) < 1e-9, f"{path} does not nest in the target grid"
    col_offset = (target_gt[0] - gt[0]) / gt[1] + col0 * f
    row_offset = (target_gt[3] - gt[3]) / gt[5] + row0 * f
    assert abs(col_offset - round(col_offset)) < 1e-9 and abs(row_offset - round(row_offset)) < 1e-9
    band = dataset.GetRasterBand(1)
    data = band.ReadAsArray(int(round(col_offset)), int(round(row_offset)), cols * f, rows * f)
    assert data is not None, "the test window must lie inside the source raster"
    nodata = band.GetNoDataValue()
    del band, dataset
    invalid = ~np.isfinite(data) if data.dtype.kind == "f" else np.zeros(data.shape, dtype=bool)
    if nodata is not None and not math.isnan(nodata):
        invalid |= data == nodata
    elif data.dtype.kind == "u":
        invalid |= data == 0  # unsigned bands without declared nodata: 0 is the fill value
    total = np.zeros((rows, cols), dtype=np.float64)
    missing = np.zeros((rows, cols), dtype=bool)
    for i in range(f):
        for j in range(f):
            total += data[i::f, j::f].astype(np.float64)
            missing |= invalid[i::f, j::f]
    return total / (f * f), missing


@dataclass
class Oracle:
    values: np.ndarray  # float32, -9999 where invalid
    geotransform: tuple
    wkt: str
    inside: np.ndarray  # pixel centre inside the AOI
    input_missing: np.ndarray  # some input band has no data there


Formula = Callable[[dict], np.ndarray]


def expected_bandmath(paths: dict[str, str], formula: Formula, geometry: dict | None,
                      grid_path: str | None = None) -> Oracle:
    """What one output band must hold. `paths`: band name -> file of every band the formula
    uses; the grid is that of the coarsest of them, or of the file `grid_path` (the coarsest
    band of another expression of the same request)."""
    grids = {name: source_grid(path) for name, path in paths.items()}
    target = source_grid(grid_path) if grid_path else max(grids.values(), key=lambda grid: grid.geotransform[1])
    gt = target.geotransform
    if geometry is None:
        col0, row0, col1, row1 = 0, 0, target.width, target.height
        inside = np.ones((target.height, target.width), dtype=bool)
    else:
        rings = rings_in_crs(geometry, target.wkt)
        points = np.vstack(rings)
        cols = (points[:, 0] - gt[0]) / gt[1]
        rows = (points[:, 1] - gt[3]) / gt[5]
        col0, col1 = max(math.floor(cols.min()), 0), min(math.ceil(cols.max()), target.width)
        row0, row1 = max(math.floor(rows.min()), 0), min(math.ceil(rows.max()), target.height)
        assert col1 > col0 and row1 > row0, "test AOI must overlap the raster"
        xs = gt[0] + (np.arange(col0, col1) + 0.5) * gt[1]
        ys = gt[3] + (np.arange(row0, row1) + 0.5) * gt[5]
        assert min_distance_to_edges(xs, ys, rings) > 1e-5 * abs(gt[1]), "test AOI has an edge through a pixel centre"
        inside = centres_inside(xs, ys, rings)
    cols, rows = col1 - col0, row1 - row0
    reads = {name: read_on_grid(path, gt, col0, row0, cols, rows) for name, path in paths.items()}
    with np.errstate(all="ignore"):
        values = np.broadcast_to(formula({name: read[0] for name, read in reads.items()}), (rows, cols))
        values = values.astype(np.float32)
    missing = np.zeros((rows, cols), dtype=bool)
    for _values, band_missing in reads.values():
        missing |= band_missing
    invalid = ~inside | missing | ~np.isfinite(values)
    values[invalid] = NODATA
    out_gt = (gt[0] + col0 * gt[1], gt[1], 0.0, gt[3] + row0 * gt[5], 0.0, gt[5])
    return Oracle(values, out_gt, target.wkt, inside, missing)


def assert_geotiff(path: str, bands: int) -> gdal.Dataset:
    """The result's form (docs/task-api.md#bandmath): a GeoTIFF, Float32, tiled 512 x 512, nodata -9999."""
    dataset = gdal.Open(path)
    assert dataset is not None, path
    assert dataset.GetDriver().ShortName == "GTiff"
    assert dataset.RasterCount == bands
    for index in range(1, bands + 1):
        band = dataset.GetRasterBand(index)
        assert gdal.GetDataTypeName(band.DataType) == "Float32"
        assert band.GetBlockSize() == [512, 512]
        assert band.GetNoDataValue() == NODATA
    return dataset


def assert_band_matches(dataset: gdal.Dataset, index: int, oracle: Oracle, description: str) -> np.ndarray:
    rows, cols = oracle.values.shape
    assert (dataset.RasterYSize, dataset.RasterXSize) == (rows, cols)
    np.testing.assert_allclose(dataset.GetGeoTransform(), oracle.geotransform, rtol=0, atol=1e-6)
    assert spatial_reference(wkt=dataset.GetProjection()).IsSame(spatial_reference(wkt=oracle.wkt))
    band = dataset.GetRasterBand(index)
    assert band.GetDescription() == description
    got = band.ReadAsArray()
    assert got.dtype == np.float32
    np.testing.assert_array_equal(got == NODATA, oracle.values == NODATA, err_msg=f"nodata positions of {description}")
    valid = oracle.values != NODATA
    np.testing.assert_allclose(got[valid], oracle.values[valid], rtol=1e-5, atol=1e-7, err_msg=description)
    return got


def bandmath(view_id: str, bm_type: str, geometry: dict | None, name_alias: str | None = None) -> TaskRequest:
    params: dict = {"view_id": view_id, "bm_type": bm_type, "reference": "test-bandmath"}
    if geometry is not None:
        params["geometry"] = geometry
    if name_alias is not None:
        params["name_alias"] = name_alias
    return TaskRequest({"type": "bandmath", "params": params})


# --- Sentinel-2, the real scene ---------------------------------------------------------------------

S2_VIEW = "S2/33/U/UU/2017/2/16/0"
S2_EPSG = 32633
S2_STEM = "S2_33_U_UU_2017_2_16_0"
S2_RESOLUTION = {"B01": 60, "B02": 10, "B03": 10, "B04": 10, "B05": 20, "B06": 20, "B07": 20, "B08": 10,
                 "B8A": 20, "B09": 60, "B10": 60, "B11": 20, "B12": 20}


def _reflectance(b: dict, *names: str) -> list[np.ndarray]:
    """Sentinel-2 stored values / 10000 (the products' quantification value)."""
    return [b[name] / 10000.0 for name in names]


def _savi(b: dict) -> np.ndarray:
    nir, red = _reflectance(b, "B08", "B04")
    return 1.5 * (nir - red) / (nir + red + 0.5)


def _evi(b: dict) -> np.ndarray:
    nir, red, blue = _reflectance(b, "B08", "B04", "B02")
    return 2.5 * (nir - red) / (nir + 6.0 * red - 7.5 * blue + 1.0)


def _msavi(b: dict) -> np.ndarray:
    nir, red = _reflectance(b, "B08", "B04")
    return 0.5 * (2.0 * nir + 1.0 - np.sqrt((2.0 * nir + 1.0) ** 2 - 8.0 * (nir - red)))


def _arvi(b: dict) -> np.ndarray:
    gamma = 1.0
    rb = b["B04"] - gamma * (b["B04"] - b["B02"])
    return (b["B08"] - rb) / (b["B08"] + rb)


# The indices over Sentinel-2 band names, from their publications (see core/indices.py for the
# references): NIR B08, RED B04, GREEN B03, BLUE B02, COASTAL B01, RE1 B05, SWIR1 B11, SWIR2 B12.
S2_INDEX_FORMULAS: dict[str, tuple[tuple[str, ...], Formula]] = {
    "NDVI": (("B08", "B04"), lambda b: (b["B08"] - b["B04"]) / (b["B08"] + b["B04"])),
    "NDSI": (("B03", "B11"), lambda b: (b["B03"] - b["B11"]) / (b["B03"] + b["B11"])),
    "NDWI": (("B03", "B08"), lambda b: (b["B03"] - b["B08"]) / (b["B03"] + b["B08"])),
    "RECI": (("B08", "B05"), lambda b: b["B08"] / b["B05"] - 1.0),
    "NDMI": (("B08", "B11"), lambda b: (b["B08"] - b["B11"]) / (b["B08"] + b["B11"])),
    "SAVI": (("B08", "B04"), _savi),
    "ARVI": (("B08", "B04", "B02"), _arvi),
    "EVI": (("B08", "B04", "B02"), _evi),
    "GCI": (("B08", "B03"), lambda b: b["B08"] / b["B03"] - 1.0),
    "SIPI": (("B08", "B01", "B04"), lambda b: (b["B08"] - b["B01"]) / (b["B08"] - b["B04"])),
    "NBR": (("B08", "B12"), lambda b: (b["B08"] - b["B12"]) / (b["B08"] + b["B12"])),
    "MSI": (("B11", "B08"), lambda b: b["B11"] / b["B08"]),
    "NDRE": (("B08", "B05"), lambda b: (b["B08"] - b["B05"]) / (b["B08"] + b["B05"])),
    "CCCI": (("B08", "B05", "B04"), lambda b: ((b["B08"] - b["B05"]) / (b["B08"] + b["B05"]))
             / ((b["B08"] - b["B04"]) / (b["B08"] + b["B04"]))),
    "MSAVI": (("B08", "B04"), _msavi),
}

# A concave AOI with a hole over the 10 m grid, in its pixel coordinates (col, row).
S2_AOI_PX = [
    [(302.3, 101.7), (655.6, 118.4), (610.2, 331.8), (470.7, 250.3), (318.4, 322.6)],
    [(400.3, 160.2), (450.6, 165.7), (440.2, 210.9)],
]


def test_the_formulas_here_cover_every_index_sentinel2_supports():
    assert set(S2_INDEX_FORMULAS) | {"ISTACK", "FIDET"} == set(INDICES)


@pytest.mark.sample_data
@pytest.mark.parametrize("index", sorted(S2_INDEX_FORMULAS))
def test_every_sentinel2_index_matches_a_computation_by_hand(sample_store, tmp_path, index):
    bands, formula = S2_INDEX_FORMULAS[index]
    geometry = polygon_px(S2_GT10, S2_AOI_PX, S2_EPSG)
    result = run(bandmath(S2_VIEW, index, geometry), LocalBackend(sample_store), str(tmp_path / "out"), Feedback())

    assert result.result_type == "tif"
    assert result.files == (str(tmp_path / "out" / f"{S2_STEM}_{index}.TIF"),)
    assert result.details["bands"] == [index]
    oracle = expected_bandmath({band: s2_path(sample_store, band) for band in bands}, formula, geometry)
    # The grid of the coarsest band the index uses (docs/task-api.md#bandmath).
    assert oracle.geotransform[1] == max(S2_RESOLUTION[band] for band in bands)
    assert oracle.inside.any() and not oracle.inside.all()
    dataset = assert_geotiff(result.files[0], 1)
    got = assert_band_matches(dataset, 1, oracle, index)
    assert (got[oracle.inside] != NODATA).mean() > 0.99, "the scene has data all over this AOI"
    assert os.listdir(tmp_path / "out") == [os.path.basename(result.files[0])]


@pytest.mark.sample_data
@pytest.mark.parametrize("index", ["ISTACK", "FIDET"])
def test_indices_without_a_public_definition_are_refused(sample_store, tmp_path, index):
    geometry = polygon_px(S2_GT10, S2_AOI_PX, S2_EPSG)
    out = tmp_path / "out"
    with pytest.raises((DataError, RequestError)) as caught:
        run(bandmath(S2_VIEW, index, geometry), LocalBackend(sample_store), str(out), Feedback())
    assert caught.value.field == "params.bm_type"
    message = str(caught.value)
    assert index in message and "definition" in message and "expression" in message
    assert not out.exists()


@pytest.mark.sample_data
def test_ndre_mixes_10m_and_20m_bands_on_the_20m_grid(sample_store, tmp_path):
    geometry = polygon_px(S2_GT10, S2_AOI_PX, S2_EPSG)
    result = run(bandmath(S2_VIEW, "NDRE", geometry), LocalBackend(sample_store), str(tmp_path), Feedback())
    dataset = assert_geotiff(result.files[0], 1)
    assert dataset.GetGeoTransform()[1] == 20.0
    # The NIR of a 20 m pixel is the mean of its four 10 m pixels, written out here pixel by pixel.
    gt = dataset.GetGeoTransform()
    col0, row0 = round((gt[0] - S2_GT10[0]) / 20), round((S2_GT10[3] - gt[3]) / 20)
    got = dataset.GetRasterBand(1).ReadAsArray()
    nir = gdal.Open(s2_path(sample_store, "B08"))
    re1 = gdal.Open(s2_path(sample_store, "B05"))
    checked = 0
    for r, c in [(5, 7), (11, 3), (8, 20), (15, 14)]:
        if got[r, c] == NODATA:
            continue
        four = nir.GetRasterBand(1).ReadAsArray(2 * (col0 + c), 2 * (row0 + r), 2, 2).astype(float)
        mean = (four[0, 0] + four[0, 1] + four[1, 0] + four[1, 1]) / 4
        red_edge = float(re1.GetRasterBand(1).ReadAsArray(col0 + c, row0 + r, 1, 1)[0, 0])
        assert got[r, c] == pytest.approx((mean - red_edge) / (mean + red_edge), rel=1e-6)
        checked += 1
    assert checked >= 3


@pytest.mark.sample_data
def test_expression_with_a_60m_band_is_on_the_60m_grid_and_no_geometry_is_the_whole_scene(sample_store, tmp_path):
    expression = "(B08 - B01) / (B08 + B01)"
    result = run(bandmath(S2_VIEW, expression, None), LocalBackend(sample_store), str(tmp_path), Feedback())

    oracle = expected_bandmath({band: s2_path(sample_store, band) for band in ("B08", "B01")},
                               lambda b: (b["B08"] - b["B01"]) / (b["B08"] + b["B01"]), None)
    dataset = assert_geotiff(result.files[0], 1)
    assert (dataset.RasterXSize, dataset.RasterYSize) == (256, 128)  # the whole B01 raster
    assert dataset.GetGeoTransform() == pytest.approx((330000.0, 60.0, 0.0, 5822040.0, 0.0, -60.0))
    got = assert_band_matches(dataset, 1, oracle, expression)
    assert (got != NODATA).all()


@pytest.mark.sample_data
def test_real_zero_pixel_of_b8a_gives_nodata(sample_store, tmp_path):
    """B8A (UInt16, no declared nodata) has one 0 at row 164, column 465 of its 20 m grid."""
    gt20 = (S2_GT10[0], 20.0, 0.0, S2_GT10[3], 0.0, -20.0)
    geometry = polygon_px(gt20, [[(450.3, 150.6), (480.4, 152.2), (478.6, 180.3), (452.2, 176.7)]], S2_EPSG)
    expression = "(B8A - B05) / (B8A + B05)"
    result = run(bandmath(S2_VIEW, expression, geometry), LocalBackend(sample_store), str(tmp_path), Feedback())

    oracle = expected_bandmath({band: s2_path(sample_store, band) for band in ("B8A", "B05")},
                               lambda b: (b["B8A"] - b["B05"]) / (b["B8A"] + b["B05"]), geometry)
    got = assert_band_matches(assert_geotiff(result.files[0], 1), 1, oracle, expression)
    gt = oracle.geotransform
    r, c = 164 - round((S2_GT10[3] - gt[3]) / 20), 465 - round((gt[0] - S2_GT10[0]) / 20)
    assert oracle.inside[r, c] and oracle.input_missing[r, c]
    assert got[r, c] == NODATA
    assert (got[oracle.inside] == NODATA).sum() == 1


@pytest.mark.sample_data
def test_multipolygon_over_more_than_one_read_strip(sample_store, tmp_path):
    """Two polygons at the top and the bottom of the scene: a window of 700 rows (two strips of
    512), -9999 between them."""
    geometry = multipolygon_px(S2_GT10, [
        [[(100.3, 20.6), (260.7, 35.2), (180.4, 190.8)]],
        [[(150.6, 560.3), (330.2, 610.7), (290.5, 741.4), (120.8, 700.2)], [(200.3, 620.4), (250.8, 640.1),
                                                                         (230.2, 690.6)]],
    ], S2_EPSG)
    result = run(bandmath(S2_VIEW, "NDVI", geometry), LocalBackend(sample_store), str(tmp_path), Feedback())

    bands, formula = S2_INDEX_FORMULAS["NDVI"]
    oracle = expected_bandmath({band: s2_path(sample_store, band) for band in bands}, formula, geometry)
    assert oracle.values.shape[0] > 512
    got = assert_band_matches(assert_geotiff(result.files[0], 1), 1, oracle, "NDVI")
    assert (got[300:500] == NODATA).all()  # the rows between the polygons
    assert (got[oracle.inside] != NODATA).all()


@pytest.mark.sample_data
def test_several_expressions_give_bands_in_order_on_the_coarsest_grid(sample_store, tmp_path):
    bm_type = "NDVI,(B08-B04)/(B08+B04), B05 / 10000"
    geometry = polygon_px(S2_GT10, S2_AOI_PX, S2_EPSG)
    result = run(bandmath(S2_VIEW, bm_type, geometry), LocalBackend(sample_store), str(tmp_path), Feedback())

    assert result.details["bands"] == ["NDVI", "(B08-B04)/(B08+B04)", "B05 / 10000"]
    dataset = assert_geotiff(result.files[0], 3)
    paths = {band: s2_path(sample_store, band) for band in ("B08", "B04", "B05")}
    # Every band on the grid of the coarsest band of the whole request (B05, 20 m).
    ndvi = expected_bandmath({band: paths[band] for band in ("B08", "B04")}, S2_INDEX_FORMULAS["NDVI"][1],
                             geometry, grid_path=paths["B05"])
    assert ndvi.geotransform[1] == 20.0
    red_edge = expected_bandmath({"B05": paths["B05"]}, lambda b: b["B05"] / 10000, geometry)
    assert_band_matches(dataset, 1, ndvi, "NDVI")
    assert_band_matches(dataset, 2, ndvi, "(B08-B04)/(B08+B04)")
    assert_band_matches(dataset, 3, red_edge, "B05 / 10000")


@pytest.mark.sample_data
def test_cancel_leaves_nothing_in_the_output_folder(sample_store, tmp_path):
    class CancelOnProgress(Feedback):
        def setProgress(self, progress: float) -> None:
            super().setProgress(progress)
            self.cancel()

    out = tmp_path / "out"
    out.mkdir()
    before = Feedback()
    before.cancel()
    for feedback in (before, CancelOnProgress()):
        with pytest.raises(TaskCancelled):
            run(bandmath(S2_VIEW, "NDVI", None), LocalBackend(sample_store), str(out), feedback)
        assert os.listdir(out) == []


# --- Landsat, the real scenes --------------------------------------------------------------------------

L8_VIEW = "L8/LC80200392015216LGN00"
L8_ID = "LC80200392015216LGN00"
L8_GT30 = (452475.0, 30.0, 0.0, 3408645.0, 0.0, -30.0)
L8_FORMULAS: dict[str, tuple[tuple[str, ...], Formula]] = {
    "NDVI": (("B5", "B4"), lambda b: (b["B5"] - b["B4"]) / (b["B5"] + b["B4"])),
    "NDWI": (("B3", "B5"), lambda b: (b["B3"] - b["B5"]) / (b["B3"] + b["B5"])),
    "NBR": (("B5", "B7"), lambda b: (b["B5"] - b["B7"]) / (b["B5"] + b["B7"])),
}


@pytest.mark.sample_data
@pytest.mark.parametrize("index", sorted(L8_FORMULAS))
def test_landsat8_indices(sample_store, tmp_path, index):
    folder = os.path.join(sample_store, "landsat8", L8_ID)
    # Over the right edge of the 627-column raster: the window is cut to the raster.
    geometry = polygon_px(L8_GT30, [[(540.3, 100.6), (690.2, 130.4), (600.7, 260.3), (560.4, 180.2)]], 32616)
    result = run(bandmath(L8_VIEW, index, geometry), LocalBackend(sample_store), str(tmp_path), Feedback())

    assert os.path.basename(result.files[0]) == f"{L8_ID}_{index}.TIF"
    bands, formula = L8_FORMULAS[index]
    oracle = expected_bandmath({band: os.path.join(folder, f"{L8_ID}_{band}.TIF") for band in bands}, formula,
                               geometry)
    assert oracle.geotransform[0] + oracle.values.shape[1] * 30 == L8_GT30[0] + 627 * 30
    got = assert_band_matches(assert_geotiff(result.files[0], 1), 1, oracle, index)
    assert (got[oracle.inside] != NODATA).all()


@pytest.mark.sample_data
def test_landsat8_index_that_needs_reflectance_is_refused(sample_store, tmp_path):
    geometry = polygon_px(L8_GT30, [[(100.3, 100.6), (190.2, 130.4), (150.7, 160.3)]], 32616)
    with pytest.raises(RequestError) as caught:
        run(bandmath(L8_VIEW, "SAVI", geometry), LocalBackend(sample_store), str(tmp_path / "out"), Feedback())
    assert caught.value.field == "params.bm_type" and "reflectance" in str(caught.value)
    assert not (tmp_path / "out").exists()


@pytest.mark.sample_data
@pytest.mark.parametrize("scene_id", ["LE70350322008118EDC00", "LE70350322008150EDC00"])
def test_landsat7_ndvi_propagates_int16_nodata(sample_store, tmp_path, scene_id):
    folder = os.path.join(sample_store, "landsat-timeseries", scene_id)
    paths = {band: os.path.join(folder, f"{scene_id}_{band.lower()}.tif") for band in ("B3", "B4")}
    gt = source_grid(paths["B3"]).geotransform
    geometry = polygon_px(gt, [[(2.3, 3.4), (58.7, 1.6), (56.2, 57.3), (30.6, 40.2), (4.4, 55.8)]], 32613)
    result = run(bandmath(f"L7/{scene_id}", "NDVI", geometry), LocalBackend(sample_store), str(tmp_path), Feedback())

    oracle = expected_bandmath(paths, lambda b: (b["B4"] - b["B3"]) / (b["B4"] + b["B3"]), geometry)
    got = assert_band_matches(assert_geotiff(result.files[0], 1), 1, oracle, "NDVI")
    # The scene's SLC-off gaps (-9999) cross the AOI: they are nodata in the result, the rest is not.
    gaps = oracle.inside & oracle.input_missing
    assert gaps.sum() > 20
    assert (got[gaps] == NODATA).all()
    assert (got[oracle.inside & ~gaps] != NODATA).all()


def test_landsat_band_aliases_resolve_as_written_here():
    """The hand formulas above use these bands: the sensors agree."""
    assert [LANDSAT8.band(name).alias for name in ("B3", "B4", "B5", "B7")] == ["GREEN", "RED", "NIR", "SWIR2"]
    assert [LANDSAT7.band(name).alias for name in ("B3", "B4")] == ["RED", "NIR"]


# --- synthetic Sentinel-2 stores: exact averaging, nodata, names ------------------------------------------

SYN_GT10 = (500000.0, 10.0, 0.0, 5800000.0, 0.0, -10.0)
SYN_SHAPE10 = (48, 60)  # rows, cols of the 10 m grid; 24 x 30 at 20 m, 8 x 10 at 60 m


def syn_path(store, band: str) -> str:
    return os.path.join(str(store), "IMG_DATA", f"T33UUU_20170216T102101_{band}.tif")


def write_s2_band(store, band: str, array: np.ndarray, nodata=None, origin=(SYN_GT10[0], SYN_GT10[3])) -> str:
    resolution = float(S2_RESOLUTION[band])
    gt = (origin[0], resolution, 0.0, origin[1], 0.0, -resolution)
    return write_raster(syn_path(store, band), array, gt, 32633, nodata)


def syn_shape(band: str) -> tuple[int, int]:
    factor = S2_RESOLUTION[band] // 10
    return SYN_SHAPE10[0] // factor, SYN_SHAPE10[1] // factor


def random_band(band: str, seed: int, low: int = 100, high: int = 5000, dtype=np.uint16) -> np.ndarray:
    return np.random.default_rng(seed).integers(low, high, size=syn_shape(band)).astype(dtype)


# Most of the 20 m grid (24 x 30), in 20 m pixel coordinates.
SYN_AOI_20 = [[(0.6, 0.4), (29.3, 1.2), (28.7, 23.3), (15.2, 17.6), (1.3, 23.6)]]
SYN_GT20 = (SYN_GT10[0], 20.0, 0.0, SYN_GT10[3], 0.0, -20.0)


def test_averaging_onto_the_20m_grid_is_exact_and_one_missing_10m_pixel_spoils_its_block(tmp_path):
    store = tmp_path / "store"
    nir = random_band("B08", 1)
    nir[7, 11] = 0  # in the 20 m pixel (3, 5)
    red_edge = random_band("B05", 2)
    write_s2_band(store, "B08", nir)
    write_s2_band(store, "B05", red_edge)
    geometry = polygon_px(SYN_GT20, SYN_AOI_20, 32633)
    result = run(bandmath(S2_VIEW, "NDRE", geometry), LocalBackend(str(store)), str(tmp_path / "out"), Feedback())

    oracle = expected_bandmath({"B08": syn_path(store, "B08"), "B05": syn_path(store, "B05")},
                               S2_INDEX_FORMULAS["NDRE"][1], geometry)
    got = assert_band_matches(assert_geotiff(result.files[0], 1), 1, oracle, "NDRE")
    assert oracle.geotransform == pytest.approx(SYN_GT20)  # the window starts at the raster's corner
    # By hand: the 20 m pixel (r, c) averages the 10 m pixels (2r .. 2r+1, 2c .. 2c+1).
    for r, c in [(2, 3), (10, 20), (4, 5)]:
        mean = (int(nir[2 * r, 2 * c]) + int(nir[2 * r, 2 * c + 1]) + int(nir[2 * r + 1, 2 * c])
                + int(nir[2 * r + 1, 2 * c + 1])) / 4
        ndre = (mean - int(red_edge[r, c])) / (mean + int(red_edge[r, c]))
        assert got[r, c] == np.float32(ndre)
    assert oracle.inside[3, 5] and got[3, 5] == NODATA
    assert got[3, 4] != NODATA and got[3, 6] != NODATA and got[4, 5] != NODATA


def test_60m_expression_averages_36_pixels(tmp_path):
    store = tmp_path / "store"
    nir = random_band("B08", 3)
    coastal = random_band("B01", 4)
    write_s2_band(store, "B08", nir)
    write_s2_band(store, "B01", coastal)
    gt60 = (SYN_GT10[0], 60.0, 0.0, SYN_GT10[3], 0.0, -60.0)
    geometry = polygon_px(gt60, [[(0.4, 0.3), (9.6, 0.7), (9.2, 7.6), (0.7, 7.3)]], 32633)
    result = run(bandmath(S2_VIEW, "B08 - B01", geometry), LocalBackend(str(store)), str(tmp_path / "out"),
                 Feedback())

    dataset = assert_geotiff(result.files[0], 1)  # kept alive while its band is read (GDAL 3.6)
    got = dataset.GetRasterBand(1).ReadAsArray()
    assert got.shape == (8, 10)
    for r, c in [(1, 1), (6, 8), (3, 5)]:
        block = nir[6 * r:6 * r + 6, 6 * c:6 * c + 6].astype(np.int64)
        assert got[r, c] == np.float32(block.sum() / 36 - int(coastal[r, c]))


def test_finer_grid_that_does_not_nest_is_resampled_by_area_average(tmp_path):
    """B08 shifted by half a 10 m pixel: each 20 m pixel covers 3 x 3 of its pixels, partly. A linear
    ramp makes the area average the ramp's value at the 20 m pixel's centre."""
    store = tmp_path / "store"
    rows, cols = np.mgrid[0:SYN_SHAPE10[0], 0:SYN_SHAPE10[1]]
    ramp = (1000 + 3 * cols + 7 * rows).astype(np.uint16)
    write_s2_band(store, "B08", ramp, origin=(SYN_GT10[0] + 5.0, SYN_GT10[3] - 5.0))
    write_s2_band(store, "B05", np.full(syn_shape("B05"), 1000, dtype=np.uint16))
    geometry = polygon_px(SYN_GT20, [[(2.3, 2.2), (27.6, 2.4), (27.4, 21.7), (2.2, 21.3)]], 32633)
    result = run(bandmath(S2_VIEW, "B08 - B05", geometry), LocalBackend(str(store)), str(tmp_path / "out"),
                 Feedback())

    dataset = assert_geotiff(result.files[0], 1)
    gt = dataset.GetGeoTransform()
    assert gt[1] == 20.0
    got = dataset.GetRasterBand(1).ReadAsArray()
    col0, row0 = round((gt[0] - SYN_GT10[0]) / 20), round((SYN_GT10[3] - gt[3]) / 20)
    inner = got[1:-1, 1:-1]  # pixel centres inside the AOI
    assert (inner != NODATA).all() and np.isfinite(inner).all()
    r, c = np.mgrid[1:got.shape[0] - 1, 1:got.shape[1] - 1]
    # The 20 m pixel (R, C) centre is at 10 m column 2C and row 2R of the shifted grid.
    hand = 1000 + 3 * (2 * (c + col0)) + 7 * (2 * (r + row0)) - 1000.0
    np.testing.assert_allclose(inner, hand, rtol=1e-3)


@pytest.mark.parametrize(
    ("dtype", "nodata"),
    [(np.uint16, None), (np.uint16, 65535), (np.int16, -9999), (np.int16, None), (np.float32, None),
     (np.float32, -1.5)],
)
def test_nodata_of_the_inputs(tmp_path, dtype, nodata):
    """Declared nodata is nodata; without one, 0 is nodata in unsigned bands only; NaN always."""
    store = tmp_path / "store"
    nir = random_band("B08", 5, dtype=dtype)
    red = random_band("B04", 6, dtype=dtype)
    special = [0] + ([nodata] if nodata is not None else []) + ([np.nan] if dtype == np.float32 else [])
    for k, value in enumerate(special):
        red[10 + k, 12:20] = value
        nir[30 + k, 5:9] = value
    write_s2_band(store, "B08", nir, nodata)
    write_s2_band(store, "B04", red, nodata)
    geometry = polygon_px(SYN_GT10, [[(0.6, 0.4), (59.3, 1.2), (58.7, 47.3), (1.3, 46.6)]], 32633)
    result = run(bandmath(S2_VIEW, "NDVI", geometry), LocalBackend(str(store)), str(tmp_path / "out"), Feedback())

    oracle = expected_bandmath({"B08": syn_path(store, "B08"), "B04": syn_path(store, "B04")},
                               S2_INDEX_FORMULAS["NDVI"][1], geometry)
    got = assert_band_matches(assert_geotiff(result.files[0], 1), 1, oracle, "NDVI")
    zero_is_nodata = np.dtype(dtype).kind == "u" and nodata is None
    assert (got[10, 12:20] == NODATA).all() == zero_is_nodata  # red = 0
    if not zero_is_nodata:
        np.testing.assert_array_equal(got[10, 12:20], 1.0)  # (nir - 0) / (nir + 0)
    if nodata is not None:
        assert (got[11, 12:20] == NODATA).all() and (got[31, 5:9] == NODATA).all()
    if dtype == np.float32:
        assert (got[10 + len(special) - 1, 12:20] == NODATA).all()  # NaN


def test_division_by_zero_and_each_expression_keeps_its_own_inputs(tmp_path):
    store = tmp_path / "store"
    green, red, blue = random_band("B03", 7), random_band("B04", 8), random_band("B02", 9)
    red[5:8, 10:20] = green[5:8, 10:20]  # green - red = 0
    blue[20, 3:9] = 0  # blue has no data there; the other expression does not use blue
    for band, array in (("B03", green), ("B04", red), ("B02", blue)):
        write_s2_band(store, band, array)
    geometry = polygon_px(SYN_GT10, [[(0.6, 0.4), (59.3, 1.2), (58.7, 47.3), (1.3, 46.6)]], 32633)
    bm_type = "B02 / (B03 - B04),(B03 - B04) / (B03 - B04)"
    result = run(bandmath(S2_VIEW, bm_type, geometry), LocalBackend(str(store)), str(tmp_path / "out"), Feedback())

    dataset = assert_geotiff(result.files[0], 2)
    paths = {band: syn_path(store, band) for band in ("B02", "B03", "B04")}
    first = expected_bandmath(paths, lambda b: b["B02"] / (b["B03"] - b["B04"]), geometry)
    second = expected_bandmath({band: paths[band] for band in ("B03", "B04")},
                               lambda b: (b["B03"] - b["B04"]) / (b["B03"] - b["B04"]), geometry)
    one = assert_band_matches(dataset, 1, first, "B02 / (B03 - B04)")
    two = assert_band_matches(dataset, 2, second, "(B03 - B04) / (B03 - B04)")
    assert (one[5:8, 10:20] == NODATA).all() and (two[5:8, 10:20] == NODATA).all()  # x / 0 and 0 / 0
    assert (one[20, 3:9] == NODATA).all() and (two[20, 3:9] == 1.0).all()


def _two_band_store(tmp_path):
    store = tmp_path / "store"
    write_s2_band(store, "B08", random_band("B08", 10))
    write_s2_band(store, "B04", random_band("B04", 11))
    return str(store), polygon_px(SYN_GT10, [[(3.6, 2.4), (50.3, 5.2), (44.7, 40.3)]], 32633)


def test_file_name_with_name_alias(tmp_path):
    store, geometry = _two_band_store(tmp_path)
    result = run(bandmath(S2_VIEW, "NDVI", geometry, name_alias="field_7"), LocalBackend(store),
                 str(tmp_path / "out"), Feedback())
    assert result.files == (str(tmp_path / "out" / f"{S2_STEM}_field_7.TIF"),)
    assert os.listdir(tmp_path / "out") == [f"{S2_STEM}_field_7.TIF"]
    dataset = gdal.Open(result.files[0])
    assert dataset.GetRasterBand(1).GetDescription() == "NDVI"


def test_file_name_of_an_expression_with_symbols(tmp_path):
    store, geometry = _two_band_store(tmp_path)
    bm_type = "(B08 - B04) / (B08 + B04) * 2.5"
    result = run(bandmath(S2_VIEW, bm_type, geometry), LocalBackend(store), str(tmp_path / "out"), Feedback())

    (path,) = result.files
    name = os.path.basename(path)
    assert os.path.dirname(path) == str(tmp_path / "out")
    assert os.listdir(tmp_path / "out") == [name]
    assert name.startswith(f"{S2_STEM}_") and name.endswith(".TIF")
    assert re.fullmatch(r"[A-Za-z0-9_+\-]+\.TIF", name), name  # nothing a file system or a shell minds
    assert name.count(".") == 1  # the sidecar rule: the name up to its first dot is the stem
    assert re.search(r"B08.*B04.*B08.*B04", name), name  # still says what was computed
    oracle = expected_bandmath({"B08": syn_path(store, "B08"), "B04": syn_path(store, "B04")},
                               lambda b: (b["B08"] - b["B04"]) / (b["B08"] + b["B04"]) * 2.5, geometry)
    assert_band_matches(assert_geotiff(path, 1), 1, oracle, bm_type)


def test_aoi_outside_the_scene_is_a_geometry_error(tmp_path):
    store, _geometry = _two_band_store(tmp_path)
    geometry = polygon_px(SYN_GT10, [[(70.3, 2.4), (90.3, 5.2), (84.7, 40.3)]], 32633)
    out = tmp_path / "out"
    with pytest.raises(DataError) as caught:
        run(bandmath(S2_VIEW, "NDVI", geometry), LocalBackend(store), str(out), Feedback())
    assert caught.value.field == "params.geometry"
    assert not out.exists()


class RefusingBackend:
    """A backend that must never be reached."""

    name = "refusing"

    def execute(self, request, params, workspace, feedback):
        raise AssertionError("the request should have been refused before any work")


@pytest.mark.parametrize("bm_type", ["(B08 - B13) / (B08 + B13)", "NDVI,B4", "ndvi"])
def test_unknown_band_is_refused_before_any_work(tmp_path, bm_type):
    store, geometry = _two_band_store(tmp_path)
    for backend in (RefusingBackend(), LocalBackend(store)):
        with pytest.raises(RequestError) as caught:
            run(bandmath(S2_VIEW, bm_type, geometry), backend, str(tmp_path / "out"), Feedback())
        assert caught.value.field == "params.bm_type"
        assert not (tmp_path / "out").exists()


def test_band_of_the_sensor_missing_from_the_store_names_bm_type(tmp_path):
    """B05 is a Sentinel-2 band, but this store has only B08 and B04: the request's field to
    blame is bm_type (a bandmath request has no `bands`)."""
    store, geometry = _two_band_store(tmp_path)
    with pytest.raises(DataError) as caught:
        run(bandmath(S2_VIEW, "NDRE", geometry), LocalBackend(store), str(tmp_path / "out"), Feedback())
    assert "B05" in str(caught.value)
    assert caught.value.field == "params.bm_type"
    assert not (tmp_path / "out").exists()
