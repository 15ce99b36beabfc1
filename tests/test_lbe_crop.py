"""The `lbe` task on the local processor: crop semantics (docs/task-api.md#crop-semantics),
result types (docs/task-api.md#result-type-of-lbe) and the runner's handling of the output folder.

Every expected raster is computed here independently of the code under test: the lon/lat AOI is
transformed vertex by vertex with osr, the window is the pixel-aligned cover of its envelope cut to
the raster, and a pixel is inside when its centre is inside the polygon (even-odd ray casting in
numpy, cross-checked with OGR). AOI vertices never fall on pixel edges or centres (offsets such as
0.3 px), so boundary ties cannot decide a result.
"""

from __future__ import annotations

import math
import os
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass

import numpy as np
import pytest
from load_by_extent.core.errors import DataError, SceneNotFoundError, TaskCancelled
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.request import lbe_request
from load_by_extent.core.runner import STAGING_PREFIX, run
from osgeo import gdal, ogr
from rasters import (
    S2_GT10,
    centres_inside,
    min_distance_to_edges,
    ogr_polygon,
    polygon_px,
    read_raster,
    rings_in_crs,
    s2_path,
    spatial_reference,
    write_raster,
)

# --- the independent oracle (its geometry: tests/rasters.py) ---------------------------------------


def centres_inside_ogr(xs: np.ndarray, ys: np.ndarray, rings: list[np.ndarray]) -> np.ndarray:
    """The same question answered by OGR (GEOS), point by point: a second opinion for small grids."""
    polygon = ogr_polygon(rings)
    inside = np.zeros((len(ys), len(xs)), dtype=bool)
    point = ogr.Geometry(ogr.wkbPoint)
    for row, y in enumerate(ys):
        for col, x in enumerate(xs):
            point.SetPoint_2D(0, float(x), float(y))
            inside[row, col] = polygon.Contains(point)
    return inside


@dataclass
class Expected:
    array: np.ndarray  # the cropped band, outside pixels set to the fill value
    inside: np.ndarray  # pixel centre inside the AOI
    geotransform: tuple
    xoff: int
    yoff: int
    xs: np.ndarray  # pixel centre coordinates of the window
    ys: np.ndarray
    rings: list


def expected_crop(path: str, geometry: dict, fill: float) -> Expected:
    """What the crop of one band must be, computed from the source file and the spec alone."""
    dataset = gdal.Open(path)
    gt = dataset.GetGeoTransform()
    width, height = dataset.RasterXSize, dataset.RasterYSize
    rings = rings_in_crs(geometry, dataset.GetProjection())
    points = np.vstack(rings)
    cols = (points[:, 0] - gt[0]) / gt[1]
    rows = (points[:, 1] - gt[3]) / gt[5]
    col0, col1 = max(math.floor(cols.min()), 0), min(math.ceil(cols.max()), width)
    row0, row1 = max(math.floor(rows.min()), 0), min(math.ceil(rows.max()), height)
    assert col1 > col0 and row1 > row0, "test AOI must overlap the raster"
    band = dataset.GetRasterBand(1)
    data = band.ReadAsArray(col0, row0, col1 - col0, row1 - row0).copy()
    del band, dataset
    xs = gt[0] + (np.arange(col0, col1) + 0.5) * gt[1]
    ys = gt[3] + (np.arange(row0, row1) + 0.5) * gt[5]
    inside = centres_inside(xs, ys, rings)
    # No pixel centre on (or within 1e-5 pixel of) an edge: rounding cannot decide the test.
    assert min_distance_to_edges(xs, ys, rings) > 1e-5 * abs(gt[1]), "test AOI has an edge through a pixel centre"
    data[~inside] = fill
    out_gt = (gt[0] + col0 * gt[1], gt[1], 0.0, gt[3] + row0 * gt[5], 0.0, gt[5])
    return Expected(data, inside, out_gt, col0, row0, xs, ys, rings)


def assert_grid(dataset: gdal.Dataset, expected: Expected, epsg: int) -> None:
    assert dataset.RasterXSize == expected.array.shape[1]
    assert dataset.RasterYSize == expected.array.shape[0]
    np.testing.assert_allclose(dataset.GetGeoTransform(), expected.geotransform, rtol=0, atol=1e-6)
    assert spatial_reference(wkt=dataset.GetProjection()).IsSame(spatial_reference(epsg=epsg))


def assert_band(dataset: gdal.Dataset, index: int, expected: Expected, name: str, nodata: float, dtype) -> None:
    band = dataset.GetRasterBand(index)
    assert band.GetDescription() == name
    got_nodata = band.GetNoDataValue()
    if isinstance(nodata, float) and math.isnan(nodata):
        assert got_nodata is not None and math.isnan(got_nodata)
    else:
        assert got_nodata == nodata
    array = band.ReadAsArray()
    assert array.dtype == np.dtype(dtype)
    np.testing.assert_array_equal(array, expected.array)


def assert_geotiff_layout(dataset: gdal.Dataset) -> None:
    """Tiled and DEFLATE-compressed, as every GeoTIFF we write."""
    assert dataset.GetDriver().ShortName == "GTiff"
    assert dataset.GetMetadata("IMAGE_STRUCTURE").get("COMPRESSION") == "DEFLATE"
    assert dataset.GetRasterBand(1).GetBlockSize() == [512, 512]


def assert_output_folder_holds(folder, names: set[str]) -> None:
    assert set(os.listdir(folder)) == names
    assert not any(name.startswith(STAGING_PREFIX) for name in os.listdir(folder))


class RecordingFeedback(Feedback):
    def __init__(self) -> None:
        super().__init__()
        self.history: list[float] = []

    def setProgress(self, progress: float) -> None:
        super().setProgress(progress)
        self.history.append(progress)


def assert_progress_complete(feedback: RecordingFeedback) -> None:
    assert feedback.history, "no progress reported"
    assert feedback.history[-1] == pytest.approx(100)
    assert all(b >= a - 1e-9 for a, b in zip(feedback.history, feedback.history[1:])), feedback.history


def extract(zip_path: str, folder) -> dict[str, str]:
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        archive.extractall(folder)
    return {name: os.path.join(folder, name) for name in names}


# --- shapes in pixel coordinates (col, row) --------------------------------------------------------

# Concave: two reflex vertices, notches on the left and the right.
CONCAVE = [[(3.3, 2.3), (30.7, 4.3), (22.3, 14.7), (33.7, 25.3), (5.3, 27.7), (12.7, 15.3)]]
# An irregular shell with a hole.
WITH_HOLE = [
    [(2.6, 2.4), (36.3, 1.7), (37.4, 27.6), (1.7, 26.3)],
    [(10.3, 8.3), (20.7, 7.7), (25.3, 20.7), (12.7, 19.3)],
]


def _shape_check(expected: Expected) -> None:
    """The test AOI really leaves pixels of the window both inside and outside, and the numpy
    even-odd oracle agrees with OGR."""
    assert expected.inside.any() and not expected.inside.all()
    if expected.inside.size <= 20_000:
        np.testing.assert_array_equal(expected.inside, centres_inside_ogr(expected.xs, expected.ys, expected.rings))


# --- real imagery ---------------------------------------------------------------------------------

S2_VIEW = "S2/33/U/UU/2017/2/16/0"
S2_EPSG = 32633


# A concave AOI over the 10 m grid (offsets .3/.7 px), scaled up from the shape above.
S2_CONCAVE = [[(100 + 4 * c, 60 + 4 * r) for c, r in CONCAVE[0]]]
S2_HOLE = [[(200 + 3 * c, 300 + 3 * r) for c, r in ring] for ring in WITH_HOLE]


@pytest.mark.sample_data
def test_s2_single_band_is_a_lossless_jp2_with_sidecar(sample_store, tmp_path):
    geometry = polygon_px(S2_GT10, S2_CONCAVE, S2_EPSG)
    feedback = RecordingFeedback()
    result = run(lbe_request(S2_VIEW, ["B04"], geometry), LocalBackend(sample_store), str(tmp_path / "out"), feedback)

    assert result.result_type == "jp2"
    jp2, sidecar = result.files
    assert jp2.endswith(".jp2") and sidecar == jp2 + ".aux.xml"
    assert os.path.isabs(jp2) and os.path.isfile(jp2) and os.path.isfile(sidecar)
    expected = expected_crop(s2_path(sample_store, "B04"), geometry, 0)
    _shape_check(expected)
    assert (expected.array[expected.inside] != 0).all()  # real data inside, so the fill shows
    dataset = gdal.Open(jp2)
    assert dataset.GetDriver().ShortName == "JP2OpenJPEG"
    assert dataset.GetMetadata("IMAGE_STRUCTURE").get("COMPRESSION_REVERSIBILITY") == "LOSSLESS"
    assert_grid(dataset, expected, S2_EPSG)
    assert_band(dataset, 1, expected, "B04", 0, np.uint16)
    # The description and nodata travel in the sidecar (JPEG 2000 has no place for them).
    band_xml = ET.parse(sidecar).getroot().find("PAMRasterBand")
    assert band_xml.findtext("Description") == "B04"
    assert float(band_xml.findtext("NoDataValue")) == 0
    assert_output_folder_holds(tmp_path / "out", {os.path.basename(jp2), os.path.basename(sidecar)})
    assert_progress_complete(feedback)


@pytest.mark.sample_data
def test_s2_three_bands_merge_into_one_tif_in_request_order(sample_store, tmp_path):
    geometry = polygon_px(S2_GT10, S2_HOLE, S2_EPSG)
    bands = ["B04", "B03", "B02"]
    result = run(lbe_request(S2_VIEW, bands, geometry, merge=True), LocalBackend(sample_store), str(tmp_path))

    assert result.result_type == "tif"
    assert len(result.files) == 1 and result.files[0].endswith(".tif")
    dataset = gdal.Open(result.files[0])
    assert dataset.RasterCount == 3
    assert_geotiff_layout(dataset)
    for index, name in enumerate(bands, start=1):
        expected = expected_crop(s2_path(sample_store, name), geometry, 0)
        _shape_check(expected)
        if index == 1:
            assert_grid(dataset, expected, S2_EPSG)
        assert_band(dataset, index, expected, name, 0, np.uint16)


@pytest.mark.sample_data
def test_s2_10m_and_20m_bands_merge_into_a_zip_of_one_file_per_resolution(sample_store, tmp_path):
    geometry = polygon_px(S2_GT10, S2_CONCAVE, S2_EPSG)
    result = run(lbe_request(S2_VIEW, ["B04", "B05"], geometry, merge=True), LocalBackend(sample_store),
                 str(tmp_path / "out"))

    assert result.result_type == "zip"
    members = extract(result.files[0], tmp_path / "unzipped")
    assert len(members) == 2 and all(name.endswith(".tif") for name in members)
    by_band = {}
    for path in members.values():
        dataset = gdal.Open(path)
        assert dataset.RasterCount == 1
        assert_geotiff_layout(dataset)
        by_band[dataset.GetRasterBand(1).GetDescription()] = (path, dataset)
    assert set(by_band) == {"B04", "B05"}
    for name, resolution in (("B04", 10), ("B05", 20)):
        _path, dataset = by_band[name]
        assert dataset.GetGeoTransform()[1] == resolution
        expected = expected_crop(s2_path(sample_store, name), geometry, 0)
        _shape_check(expected)
        assert_grid(dataset, expected, S2_EPSG)
        assert_band(dataset, 1, expected, name, 0, np.uint16)


@pytest.mark.sample_data
def test_s2_metadata_missing_from_the_scene_is_a_clear_error(sample_store, tmp_path):
    geometry = polygon_px(S2_GT10, S2_CONCAVE, S2_EPSG)
    for kind in ("tile_md", "product_md"):
        request = lbe_request(S2_VIEW, ["B04", "B03"], geometry, metadata=[kind])
        with pytest.raises(DataError) as caught:
            run(request, LocalBackend(sample_store), str(tmp_path / "out"))
        assert caught.value.field == "params.metadata"
        assert kind in str(caught.value)
        assert not (tmp_path / "out").exists()


L8_VIEW = "L8/LC80200392015216LGN00"
L8_GT30 = (452475.0, 30.0, 0.0, 3408645.0, 0.0, -30.0)


@pytest.mark.sample_data
def test_landsat8_unmerged_bands_with_tile_metadata_give_a_zip_with_the_mtl(sample_store, tmp_path):
    folder = os.path.join(sample_store, "landsat8", "LC80200392015216LGN00")
    geometry = polygon_px(L8_GT30, [[(200 + 2 * c, 250 + 2 * r) for c, r in CONCAVE[0]]], 32616)
    request = lbe_request(L8_VIEW, ["B4", "B8"], geometry, merge=False, metadata=["tile_md"])
    result = run(request, LocalBackend(sample_store), str(tmp_path / "out"))

    assert result.result_type == "zip"
    members = extract(result.files[0], tmp_path / "unzipped")
    rasters = sorted(name for name in members if name.endswith(".tif"))
    others = sorted(set(members) - set(rasters))
    assert len(rasters) == 2
    assert others == ["LC80200392015216LGN00_MTL.txt"]
    with open(os.path.join(folder, others[0]), "rb") as source, open(members[others[0]], "rb") as copied:
        assert copied.read() == source.read()
    seen = set()
    for name in rasters:
        dataset = gdal.Open(members[name])
        assert dataset.RasterCount == 1
        band_name = dataset.GetRasterBand(1).GetDescription()
        seen.add(band_name)
        expected = expected_crop(os.path.join(folder, f"LC80200392015216LGN00_{band_name}.TIF"), geometry, 0)
        _shape_check(expected)
        assert dataset.GetGeoTransform()[1] == {"B4": 30, "B8": 15}[band_name]
        assert_grid(dataset, expected, 32616)
        assert_band(dataset, 1, expected, band_name, 0, np.uint16)
    assert seen == {"B4", "B8"}


@pytest.mark.sample_data
def test_landsat7_int16_band_keeps_its_nodata(sample_store, tmp_path):
    path = os.path.join(sample_store, "landsat-timeseries", "LE70350322008118EDC00", "LE70350322008118EDC00_b3.tif")
    gt = gdal.Open(path).GetGeoTransform()
    # Partly outside the 61 x 61 raster (over its right edge): the window is cut to the raster.
    geometry = polygon_px(gt, [[(20.3, 10.3), (75.7, 14.3), (70.3, 50.7), (40.7, 30.3), (25.3, 45.7)]], 32613)
    result = run(lbe_request("L7/LE70350322008118EDC00", ["B3"], geometry), LocalBackend(sample_store), str(tmp_path))

    assert result.result_type == "tif"
    expected = expected_crop(path, geometry, -9999)
    _shape_check(expected)
    assert expected.xoff + expected.array.shape[1] == 61
    dataset = gdal.Open(result.files[0])
    assert_grid(dataset, expected, 32613)
    assert_band(dataset, 1, expected, "B3", -9999, np.int16)
    assert_geotiff_layout(dataset)


@pytest.mark.sample_data
def test_geotiff_named_jp2_scene_crops_to_a_real_jp2(sample_store, tmp_path):
    path = os.path.join(sample_store, "tiles", "18", "S", "VG", "2000", "1", "1", "0", "B08.jp2")
    assert gdal.Open(path).GetDriver().ShortName == "GTiff"
    gt = gdal.Open(path).GetGeoTransform()
    geometry = polygon_px(gt, [[(900 + 3 * c, 1000 + 3 * r) for c, r in ring] for ring in WITH_HOLE], 32618)
    result = run(lbe_request("S2/18/S/VG/2000/1/1/0", ["B08"], geometry), LocalBackend(sample_store), str(tmp_path))

    assert result.result_type == "jp2"
    expected = expected_crop(path, geometry, 0)
    _shape_check(expected)
    dataset = gdal.Open(result.files[0])
    assert dataset.GetDriver().ShortName == "JP2OpenJPEG"
    assert_grid(dataset, expected, 32618)
    assert_band(dataset, 1, expected, "B08", 0, np.uint16)


# --- synthetic stores -------------------------------------------------------------------------------

L8_ID = "LC80290332017076LGN00"
L8_SYNTH_VIEW = f"L8/{L8_ID}"
SYN_GT30 = (600000.0, 30.0, 0.0, 4500000.0, 0.0, -30.0)
SYN_EPSG = 32613
SYN_SHAPE = (30, 40)  # rows, cols


def landsat_scene(root, bands: dict, gt=SYN_GT30, epsg=SYN_EPSG, mtl: bool = False, scene_id: str = L8_ID) -> str:
    """A Landsat-style scene folder; bands maps a band name to (array, nodata)."""
    folder = os.path.join(str(root), scene_id)
    for name, (array, nodata) in bands.items():
        write_raster(os.path.join(folder, f"{scene_id}_{name}.TIF"), array, gt, epsg, nodata)
    if mtl:
        with open(os.path.join(folder, f"{scene_id}_MTL.txt"), "w") as stream:
            stream.write('GROUP = L1_METADATA_FILE\n  CLOUD_COVER = 12.5\nEND_GROUP = L1_METADATA_FILE\nEND\n')
    return str(root)


def values(dtype, shape=SYN_SHAPE) -> np.ndarray:
    """Known, distinct values of a type, never 0 or -9999 (so they cannot pass for the fill)."""
    count = shape[0] * shape[1]
    kind = np.dtype(dtype).kind
    if kind == "u":
        data = np.arange(count) % min(np.iinfo(dtype).max - 1, 60000) + 1
    elif kind == "i":
        data = np.arange(count) - count // 2
        data[data == 0] = count
    else:
        data = np.arange(count) * 0.25 - 100.125
    return data.reshape(shape).astype(dtype)


@pytest.mark.parametrize(
    ("dtype", "nodata", "fill"),
    [
        (np.uint16, None, 0),
        (np.uint16, 65535, 65535),
        (np.uint8, None, 0),
        (np.int16, None, -9999),
        (np.int16, -1, -1),
        (np.int32, None, -9999),
        (np.float32, None, -9999.0),
        (np.float32, -1.5, -1.5),
        (np.float32, float("nan"), float("nan")),
        (np.float64, None, -9999.0),
        (np.float64, 12345.0, 12345.0),
    ],
)
def test_data_types_and_nodata(tmp_path, dtype, nodata, fill):
    store = landsat_scene(tmp_path / "store", {"B4": (values(dtype), nodata)})
    geometry = polygon_px(SYN_GT30, CONCAVE, SYN_EPSG)
    result = run(lbe_request(L8_SYNTH_VIEW, ["B4"], geometry), LocalBackend(store), str(tmp_path / "out"))

    assert result.result_type == "tif"
    expected = expected_crop(os.path.join(store, L8_ID, f"{L8_ID}_B4.TIF"), geometry, fill)
    _shape_check(expected)
    dataset = gdal.Open(result.files[0])
    assert_grid(dataset, expected, SYN_EPSG)
    assert_band(dataset, 1, expected, "B4", fill, dtype)
    assert_geotiff_layout(dataset)


def test_rectangle_window_and_mask_by_hand(tmp_path):
    """A rectangle from column 2.6 to 7.4 and row 3.6 to 9.4: the window is columns 2..7 and rows
    3..9; only the centres of columns 3..6 and rows 4..8 are inside."""
    source = values(np.uint16)
    store = landsat_scene(tmp_path / "store", {"B4": (source, None)})
    geometry = polygon_px(SYN_GT30, [[(2.6, 3.6), (7.4, 3.6), (7.4, 9.4), (2.6, 9.4)]], SYN_EPSG)
    result = run(lbe_request(L8_SYNTH_VIEW, ["B4"], geometry), LocalBackend(store), str(tmp_path / "out"))

    array, dataset = read_raster(result.files[0])
    want = np.zeros((7, 6), dtype=np.uint16)
    want[1:6, 1:5] = source[4:9, 3:7]
    np.testing.assert_array_equal(array[0], want)
    assert dataset.GetGeoTransform() == pytest.approx((600060.0, 30.0, 0.0, 4499910.0, 0.0, -30.0))


def test_aoi_beyond_every_edge_keeps_the_whole_raster_with_its_edge_pixels(tmp_path):
    source = values(np.int16)
    store = landsat_scene(tmp_path / "store", {"B4": (source, None)})
    geometry = polygon_px(SYN_GT30, [[(-3.3, -2.7), (45.3, -4.3), (44.7, 35.3), (-5.3, 33.7)]], SYN_EPSG)
    result = run(lbe_request(L8_SYNTH_VIEW, ["B4"], geometry), LocalBackend(store), str(tmp_path / "out"))

    array, dataset = read_raster(result.files[0])
    np.testing.assert_array_equal(array[0], source)
    assert dataset.GetGeoTransform() == pytest.approx(SYN_GT30)


def test_aoi_partly_outside_is_cropped_to_the_overlap(tmp_path):
    store = landsat_scene(tmp_path / "store", {"B4": (values(np.float32), None)})
    # Over the top-left corner: the AOI's envelope starts 6 columns left of and 5 rows above the raster.
    geometry = polygon_px(SYN_GT30, [[(-6.3, -5.3), (15.7, -2.3), (9.3, 6.7), (3.7, 4.3), (-2.3, 12.7)]], SYN_EPSG)
    result = run(lbe_request(L8_SYNTH_VIEW, ["B4"], geometry), LocalBackend(store), str(tmp_path / "out"))

    expected = expected_crop(os.path.join(store, L8_ID, f"{L8_ID}_B4.TIF"), geometry, -9999.0)
    _shape_check(expected)
    assert (expected.xoff, expected.yoff) == (0, 0)
    assert expected.array.shape == (13, 16)
    dataset = gdal.Open(result.files[0])
    assert dataset.GetGeoTransform() == pytest.approx(SYN_GT30)  # the window starts at the raster's corner
    assert_grid(dataset, expected, SYN_EPSG)
    assert_band(dataset, 1, expected, "B4", -9999.0, np.float32)


def test_aoi_missing_the_scene_is_a_geometry_error(tmp_path):
    store = landsat_scene(tmp_path / "store", {"B4": (values(np.uint16), None)})
    geometry = polygon_px(SYN_GT30, [[(45.3, 2.3), (60.7, 2.3), (60.7, 20.7), (45.3, 20.7)]], SYN_EPSG)
    with pytest.raises(DataError) as caught:
        run(lbe_request(L8_SYNTH_VIEW, ["B4"], geometry), LocalBackend(store), str(tmp_path / "out"))
    assert caught.value.field == "params.geometry"
    assert not (tmp_path / "out").exists()


def test_aoi_around_the_scene_corner_misses_it_too(tmp_path):
    """An L-shaped AOI wrapping the raster's top-left corner: its envelope overlaps the raster, the
    polygon does not touch it. That AOI misses the scene as much as one far away."""
    store = landsat_scene(tmp_path / "store", {"B4": (values(np.uint16), None)})
    shape = [[(-10.3, -10.3), (20.7, -10.3), (20.7, -2.3), (-2.3, -2.3), (-2.3, 15.7), (-10.3, 15.7)]]
    geometry = polygon_px(SYN_GT30, shape, SYN_EPSG)
    with pytest.raises(DataError) as caught:
        run(lbe_request(L8_SYNTH_VIEW, ["B4"], geometry), LocalBackend(store), str(tmp_path / "out"))
    assert caught.value.field == "params.geometry"
    assert not (tmp_path / "out").exists()


def test_band_missing_from_the_scene_names_the_band(tmp_path):
    store = landsat_scene(tmp_path / "store", {"B4": (values(np.uint16), None)})
    geometry = polygon_px(SYN_GT30, CONCAVE, SYN_EPSG)
    with pytest.raises(DataError) as caught:
        run(lbe_request(L8_SYNTH_VIEW, ["B4", "B5"], geometry), LocalBackend(store), str(tmp_path / "out"))
    assert caught.value.field == "params.bands"
    assert "B5" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_scene_not_in_the_store(tmp_path):
    store = landsat_scene(tmp_path / "store", {"B4": (values(np.uint16), None)})
    geometry = polygon_px(SYN_GT30, CONCAVE, SYN_EPSG)
    with pytest.raises(SceneNotFoundError) as caught:
        run(lbe_request("L8/LC80290332017100LGN00", ["B4"], geometry), LocalBackend(store), str(tmp_path / "out"))
    assert "LC80290332017100LGN00" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_landsat_merge_keeps_band_order_and_each_band_value(tmp_path):
    bands = {name: (values(np.uint16) + 1000 * k, None) for k, name in enumerate(["B2", "B3", "B4", "B5"])}
    store = landsat_scene(tmp_path / "store", bands)
    geometry = polygon_px(SYN_GT30, WITH_HOLE, SYN_EPSG)
    order = ["B5", "B2", "B4"]
    result = run(lbe_request(L8_SYNTH_VIEW, order, geometry, merge=True), LocalBackend(store), str(tmp_path / "out"))

    assert result.result_type == "tif"
    dataset = gdal.Open(result.files[0])
    assert dataset.RasterCount == 3
    for index, name in enumerate(order, start=1):
        expected = expected_crop(os.path.join(store, L8_ID, f"{L8_ID}_{name}.TIF"), geometry, 0)
        _shape_check(expected)
        assert_band(dataset, index, expected, name, 0, np.uint16)


def test_landsat_unmerged_bands_with_product_metadata_give_a_zip(tmp_path):
    bands = {name: (values(np.int16) * (k + 1), None) for k, name in enumerate(["B3", "B4"])}
    store = landsat_scene(tmp_path / "store", bands, mtl=True)
    geometry = polygon_px(SYN_GT30, CONCAVE, SYN_EPSG)
    request = lbe_request(L8_SYNTH_VIEW, ["B4", "B3"], geometry, merge=False, metadata=["product_md"])
    result = run(request, LocalBackend(store), str(tmp_path / "out"))

    assert result.result_type == "zip"
    members = extract(result.files[0], tmp_path / "unzipped")
    assert f"{L8_ID}_MTL.txt" in members
    rasters = [name for name in members if name.endswith(".tif")]
    assert len(rasters) == 2 and len(members) == 3
    for name in rasters:
        dataset = gdal.Open(members[name])
        band_name = dataset.GetRasterBand(1).GetDescription()
        expected = expected_crop(os.path.join(store, L8_ID, f"{L8_ID}_{band_name}.TIF"), geometry, -9999)
        assert_band(dataset, 1, expected, band_name, -9999, np.int16)


def test_one_landsat_band_with_metadata_is_a_zip_and_without_is_a_tif(tmp_path):
    store = landsat_scene(tmp_path / "store", {"B4": (values(np.uint16), None)}, mtl=True)
    geometry = polygon_px(SYN_GT30, CONCAVE, SYN_EPSG)
    plain = run(lbe_request(L8_SYNTH_VIEW, ["B4"], geometry), LocalBackend(store), str(tmp_path / "out"))
    with_md = run(lbe_request(L8_SYNTH_VIEW, ["B4"], geometry, metadata=["tile_md"]), LocalBackend(store),
                  str(tmp_path / "out"))
    assert plain.result_type == "tif"
    assert with_md.result_type == "zip"
    with zipfile.ZipFile(with_md.files[0]) as archive:
        assert sorted(archive.namelist()) == sorted([f"{L8_ID}_B4.tif", f"{L8_ID}_MTL.txt"])


# Sentinel-2 loose files: 10 m, 20 m and 60 m grids sharing one corner.
S2_SYN_GT10 = (500000.0, 10.0, 0.0, 5800000.0, 0.0, -10.0)
S2_SYN_RES = {"B02": 10, "B03": 10, "B04": 10, "B05": 20, "B01": 60}
S2_SYN_SHAPE10 = (48, 60)


def s2_files(root, bands=tuple(S2_SYN_RES), dtype=np.uint16, nodata=None, shape10=S2_SYN_SHAPE10) -> str:
    folder = os.path.join(str(root), "IMG_DATA")
    for k, name in enumerate(bands):
        factor = S2_SYN_RES[name] // 10
        shape = (shape10[0] // factor, shape10[1] // factor)
        gt = (S2_SYN_GT10[0], float(S2_SYN_RES[name]), 0.0, S2_SYN_GT10[3], 0.0, -float(S2_SYN_RES[name]))
        write_raster(os.path.join(folder, f"T33UUU_20170216T102101_{name}.tif"), values(dtype, shape) + 100 * k,
                     gt, 32633, nodata)
    return str(root)


def _s2_syn_path(store: str, band: str) -> str:
    return os.path.join(store, "IMG_DATA", f"T33UUU_20170216T102101_{band}.tif")


# Over the 10 m grid; vertices stay off every grid's pixel edges and centres (.3 px at 10 m is
# .15 / .65 at 20 m and .05 .. .88 at 60 m).
S2_SYN_POLYGON = [[(4.3, 3.3), (52.3, 7.3), (40.3, 25.3), (55.3, 44.3), (8.3, 41.3), (20.3, 22.3)]]


@pytest.mark.parametrize("merge", [True, False])
def test_sentinel2_groups_by_resolution_in_a_zip(tmp_path, merge):
    store = s2_files(tmp_path / "store")
    geometry = polygon_px(S2_SYN_GT10, S2_SYN_POLYGON, 32633)
    order = ["B05", "B04", "B01", "B02"]
    result = run(lbe_request(S2_VIEW, order, geometry, merge=merge), LocalBackend(store), str(tmp_path / "out"))

    assert result.result_type == "zip"
    members = extract(result.files[0], tmp_path / "unzipped")
    assert all(name.endswith(".tif") for name in members)
    files = {}
    for path in members.values():
        dataset = gdal.Open(path)
        names = tuple(dataset.GetRasterBand(i).GetDescription() for i in range(1, dataset.RasterCount + 1))
        files[names] = dataset
    if merge:
        assert set(files) == {("B05",), ("B04", "B02"), ("B01",)}
    else:
        assert set(files) == {("B05",), ("B04",), ("B01",), ("B02",)}
    for names, dataset in files.items():
        assert_geotiff_layout(dataset)
        for index, name in enumerate(names, start=1):
            assert dataset.GetGeoTransform()[1] == S2_SYN_RES[name]
            expected = expected_crop(_s2_syn_path(store, name), geometry, 0)
            _shape_check(expected)
            assert_grid(dataset, expected, 32633)
            assert_band(dataset, index, expected, name, 0, np.uint16)


def test_sentinel2_product_metadata_goes_into_the_zip(tmp_path):
    store = s2_files(tmp_path / "store", bands=("B02", "B03"))
    product = os.path.join(store, "IMG_DATA", "MTD_MSIL1C.xml")
    with open(product, "w") as stream:
        stream.write("<Level-1C_User_Product><Cloud_Coverage_Assessment>3.5</Cloud_Coverage_Assessment>"
                     "</Level-1C_User_Product>\n")
    geometry = polygon_px(S2_SYN_GT10, S2_SYN_POLYGON, 32633)
    request = lbe_request(S2_VIEW, ["B03", "B02"], geometry, merge=True, metadata=["product_md"])
    result = run(request, LocalBackend(store), str(tmp_path / "out"))

    assert result.result_type == "zip"
    members = extract(result.files[0], tmp_path / "unzipped")
    assert "MTD_MSIL1C.xml" in members and len(members) == 2
    with open(members["MTD_MSIL1C.xml"]) as stream, open(product) as original:
        assert stream.read() == original.read()
    tif = next(path for name, path in members.items() if name.endswith(".tif"))
    dataset = gdal.Open(tif)
    assert [dataset.GetRasterBand(i).GetDescription() for i in (1, 2)] == ["B03", "B02"]

    with pytest.raises(DataError) as caught:  # no tile metadata in this store
        run(lbe_request(S2_VIEW, ["B03"], geometry, metadata=["tile_md"]), LocalBackend(store), str(tmp_path / "o2"))
    assert caught.value.field == "params.metadata"
    assert not (tmp_path / "o2").exists()


@pytest.mark.parametrize(("dtype", "nodata", "fill"), [(np.uint16, None, 0), (np.int16, -9999, -9999),
                                                       (np.uint16, 7, 7)])
def test_sentinel2_single_band_jp2_keeps_type_and_nodata(tmp_path, dtype, nodata, fill):
    store = s2_files(tmp_path / "store", bands=("B05",), dtype=dtype, nodata=nodata)
    geometry = polygon_px(S2_SYN_GT10, S2_SYN_POLYGON, 32633)
    result = run(lbe_request(S2_VIEW, ["B05"], geometry), LocalBackend(store), str(tmp_path / "out"))

    assert result.result_type == "jp2"
    expected = expected_crop(_s2_syn_path(store, "B05"), geometry, fill)
    _shape_check(expected)
    dataset = gdal.Open(result.files[0])
    assert dataset.GetDriver().ShortName == "JP2OpenJPEG"
    assert_grid(dataset, expected, 32633)
    assert_band(dataset, 1, expected, "B05", fill, dtype)


TALL_SHAPE = (1100, 24)  # more rows than one read strip (1024)
TALL_POLYGON = [[(1.3, 0.3), (22.7, 150.3), (12.3, 600.7), (23.3, 1099.7), (0.7, 1080.3), (9.7, 520.3)]]


def test_window_taller_than_a_read_strip_tif(tmp_path):
    store = landsat_scene(tmp_path / "store", {"B4": (values(np.uint16, TALL_SHAPE), None)})
    geometry = polygon_px(SYN_GT30, TALL_POLYGON, SYN_EPSG)
    result = run(lbe_request(L8_SYNTH_VIEW, ["B4"], geometry), LocalBackend(store), str(tmp_path / "out"))

    expected = expected_crop(os.path.join(store, L8_ID, f"{L8_ID}_B4.TIF"), geometry, 0)
    _shape_check(expected)
    assert expected.array.shape[0] == 1100
    dataset = gdal.Open(result.files[0])
    assert_grid(dataset, expected, SYN_EPSG)
    assert_band(dataset, 1, expected, "B4", 0, np.uint16)


def test_window_taller_than_a_read_strip_jp2(tmp_path):
    store = s2_files(tmp_path / "store", bands=("B02",), shape10=TALL_SHAPE)
    geometry = polygon_px(S2_SYN_GT10, TALL_POLYGON, 32633)
    result = run(lbe_request(S2_VIEW, ["B02"], geometry), LocalBackend(store), str(tmp_path / "out"))

    expected = expected_crop(_s2_syn_path(store, "B02"), geometry, 0)
    _shape_check(expected)
    dataset = gdal.Open(result.files[0])
    assert dataset.GetDriver().ShortName == "JP2OpenJPEG"
    assert_grid(dataset, expected, 32633)
    assert_band(dataset, 1, expected, "B02", 0, np.uint16)


# --- the runner: names, clean-up, cancel, progress -----------------------------------------------------


def _small_landsat(tmp_path) -> tuple[str, dict]:
    store = landsat_scene(tmp_path / "store", {"B4": (values(np.uint16), None), "B5": (values(np.uint16), None)},
                          mtl=True)
    return store, polygon_px(SYN_GT30, CONCAVE, SYN_EPSG)


def test_running_twice_gives_unique_names(tmp_path):
    store, geometry = _small_landsat(tmp_path)
    out = tmp_path / "out"
    first = run(lbe_request(L8_SYNTH_VIEW, ["B4"], geometry), LocalBackend(store), str(out))
    second = run(lbe_request(L8_SYNTH_VIEW, ["B4"], geometry), LocalBackend(store), str(out))

    assert first.files == (str(out / f"{L8_ID}_B4.tif"),)
    assert second.files == (str(out / f"{L8_ID}_B4_2.tif"),)
    assert_output_folder_holds(out, {f"{L8_ID}_B4.tif", f"{L8_ID}_B4_2.tif"})
    np.testing.assert_array_equal(read_raster(first.files[0])[0], read_raster(second.files[0])[0])


def test_jp2_and_its_sidecar_move_together(tmp_path):
    store = s2_files(tmp_path / "store", bands=("B02",))
    geometry = polygon_px(S2_SYN_GT10, S2_SYN_POLYGON, 32633)
    out = tmp_path / "out"
    stem = "S2_33_U_UU_2017_2_16_0_B02"
    first = run(lbe_request(S2_VIEW, ["B02"], geometry), LocalBackend(store), str(out))
    second = run(lbe_request(S2_VIEW, ["B02"], geometry), LocalBackend(store), str(out))
    assert first.files == (str(out / f"{stem}.jp2"), str(out / f"{stem}.jp2.aux.xml"))
    assert second.files == (str(out / f"{stem}_2.jp2"), str(out / f"{stem}_2.jp2.aux.xml"))

    # A stray sidecar alone also takes the name: the next pair goes to _3, never half into _2.
    os.remove(second.files[0])
    third = run(lbe_request(S2_VIEW, ["B02"], geometry), LocalBackend(store), str(out))
    assert third.files == (str(out / f"{stem}_3.jp2"), str(out / f"{stem}_3.jp2.aux.xml"))
    assert_output_folder_holds(out, {os.path.basename(p) for p in first.files + third.files} | {f"{stem}_2.jp2.aux.xml"})
    assert gdal.Open(third.files[0]).GetRasterBand(1).GetDescription() == "B02"


def test_failure_leaves_an_existing_output_folder_untouched(tmp_path):
    store, geometry = _small_landsat(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep me")
    with pytest.raises(DataError):
        run(lbe_request(L8_SYNTH_VIEW, ["B4", "B7"], geometry), LocalBackend(store), str(out))
    assert_output_folder_holds(out, {"mine.txt"})
    assert (out / "mine.txt").read_text() == "keep me"


def test_failure_removes_the_output_folders_the_run_created(tmp_path):
    store, geometry = _small_landsat(tmp_path)
    out = tmp_path / "made" / "by" / "run"
    with pytest.raises(DataError):
        run(lbe_request(L8_SYNTH_VIEW, ["B7"], geometry), LocalBackend(store), str(out))
    assert not out.exists()
    assert not (tmp_path / "made").exists(), "the run created 'made/by/run' and left 'made/by' behind"


def test_failure_while_reading_pixels_leaves_nothing(tmp_path):
    store, geometry = _small_landsat(tmp_path)
    with open(os.path.join(store, L8_ID, f"{L8_ID}_B5.TIF"), "w") as stream:
        stream.write("not a raster\n")
    out = tmp_path / "out"
    with pytest.raises(DataError) as caught:
        run(lbe_request(L8_SYNTH_VIEW, ["B4", "B5"], geometry), LocalBackend(store), str(out))
    assert f"{L8_ID}_B5.TIF" in str(caught.value)
    assert not out.exists()


class CancelOnProgress(RecordingFeedback):
    """Cancels as soon as the task first reports progress."""

    def setProgress(self, progress: float) -> None:
        super().setProgress(progress)
        self.cancel()


def _requests_of_each_result_type(store_l8, store_s2):
    l8_geometry = polygon_px(SYN_GT30, CONCAVE, SYN_EPSG)
    s2_geometry = polygon_px(S2_SYN_GT10, S2_SYN_POLYGON, 32633)
    return {
        "tif": (lbe_request(L8_SYNTH_VIEW, ["B4"], l8_geometry), store_l8),
        "tif-merged": (lbe_request(L8_SYNTH_VIEW, ["B4", "B5"], l8_geometry), store_l8),
        "zip": (lbe_request(L8_SYNTH_VIEW, ["B4", "B5"], l8_geometry, merge=False, metadata=["tile_md"]), store_l8),
        "jp2": (lbe_request(S2_VIEW, ["B02"], s2_geometry), store_s2),
    }


@pytest.mark.parametrize("kind", ["tif", "tif-merged", "zip", "jp2"])
@pytest.mark.parametrize("when", ["before", "on-progress"])
def test_cancel_leaves_nothing(tmp_path, kind, when):
    store_l8, _geometry = _small_landsat(tmp_path)
    store_s2 = s2_files(tmp_path / "s2store", bands=("B02",))
    request, store = _requests_of_each_result_type(store_l8, store_s2)[kind]
    assert request.validate().result_type == kind.split("-")[0]
    if when == "before":
        feedback = RecordingFeedback()
        feedback.cancel()
    else:
        feedback = CancelOnProgress()
    out = tmp_path / "out"
    with pytest.raises(TaskCancelled):
        run(request, LocalBackend(store), str(out), feedback)
    assert not out.exists()


@pytest.mark.parametrize("kind", ["tif", "tif-merged", "zip", "jp2"])
def test_progress_reaches_100(tmp_path, kind):
    store_l8, _geometry = _small_landsat(tmp_path)
    store_s2 = s2_files(tmp_path / "s2store", bands=("B02",))
    request, store = _requests_of_each_result_type(store_l8, store_s2)[kind]
    feedback = RecordingFeedback()
    result = run(request, LocalBackend(store), str(tmp_path / "out"), feedback)
    assert result.result_type == kind.split("-")[0]
    assert_progress_complete(feedback)
    assert all(os.path.isfile(path) and os.path.dirname(path) == str(tmp_path / "out") for path in result.files)
    assert_output_folder_holds(tmp_path / "out", {os.path.basename(path) for path in result.files})
