"""The scene search on the remote API (core/remote/search.py, docs/task-api.md#scene-search) and `lbe scenes --api-url`,
against the fake API of tests/fake_api.py: real HTTP on 127.0.0.1, no mock of `requests`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess

import pytest
from command_line import clean_environment
from fake_api import ClientError, Drip, Endless, FakeApi, ServerError, TooMany
from load_by_extent.core.errors import DataError, RequestError
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.remote.client import (
    ApiKey,
    KeyRejected,
    RemoteConfig,
    RemoteError,
    RemoteTimeout,
    RequestRejected,
)
from load_by_extent.core.remote.search import (
    DATASETS,
    SEARCH_FIELDS,
    RemoteScene,
    dataset_for,
    search_remote_scenes,
)
from load_by_extent.core.sensors import LANDSAT8, SENTINEL2, parse_view_id
from load_by_extent.services.qgis_transport import qgis_transport_for

KEY = "test-key-0123456789"
WRONG_KEY = "wrong-key-9876543210"
START, END = dt.date(2023, 6, 1), dt.date(2023, 8, 31)


def square(x: float, y: float, size: float = 1.0) -> dict:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


AOI = square(10.2, 50.2, 0.1)
FAR_AOI = square(40.0, 10.0, 0.1)
MULTI = {"type": "MultiPolygon", "coordinates": [square(10, 50)["coordinates"], square(12, 50)["coordinates"]]}


_transport = {"factory": None}


@pytest.fixture(autouse=True, params=["qgis", "requests"])
def transport(request):
    """Every search runs through both transports: the command line's and QGIS's network."""
    _transport["factory"] = qgis_transport_for() if request.param == "qgis" else None
    yield request.param
    _transport["factory"] = None


def config_for(api: FakeApi, key: str = KEY) -> RemoteConfig:
    return RemoteConfig(api_url=api.api_url, api_key=ApiKey(key), search_url=api.search_url, timeout=5,
                        backoff_base=0.01, poll_interval=0.01, transport=_transport["factory"])


@pytest.fixture
def api():
    with FakeApi(valid_key=KEY) as fake:
        yield fake
        assert fake.errors == []


@pytest.fixture
def scenes(api):
    """Sentinel-2 scenes over (10, 50) of several dates and clouds, one far away, one of 2022, and
    two Landsat 8 scenes (one also listed under landsat9, as a duplicate)."""
    api.add_scene("sentinel2", "S2/32/U/PU/2023/6/10/0", "2023-06-10", 5.0, square(10, 50))
    api.add_scene("sentinel2", "S2/32/U/PU/2023/6/20/0", "2023-06-20", 50.0, square(10, 50))
    api.add_scene("sentinel2", "S2/32/U/PU/2023/7/5/0", "2023-07-05", 10.0, square(10, 50))
    api.add_scene("sentinel2", "S2/32/U/PU/2023/7/15/0", "2023-07-15", 0.0, square(10, 50))
    api.add_scene("sentinel2", "S2/33/U/UU/2023/7/15/0", "2023-07-15", 0.0, square(20, 50))
    api.add_scene("sentinel2", "S2/32/U/PU/2022/7/15/0", "2022-07-15", 0.0, square(10, 50))
    api.add_scene("landsat8", "L8/LC81940252023190LGN00", "2023-07-09", 20.0, square(9.8, 49.8),
                  scene_id="LC08_L1TP_194025_20230709_20230718_02_T1")
    api.add_scene("landsat8", "L8/LC81940252023174LGN00", "2023-06-23", 1.0, square(9.8, 49.8))
    api.add_scene("landsat9", "L8/LC81940252023174LGN00", "2023-06-23", 1.0, square(9.8, 49.8))
    return api


def view_ids(found) -> list[str]:
    return [scene.view_id for scene in found]


# --- datasets ---------------------------------------------------------------------------------------

def test_sensor_names_map_to_datasets():
    assert dataset_for("S2") == dataset_for("sentinel2") == dataset_for("Sentinel2L1C") == "sentinel2"
    assert dataset_for("S2L2A") == dataset_for("sentinel2l2a") == "sentinel2l2a"
    assert [dataset_for(name) for name in ("L8", "L9", "L7", "L5", "MODIS", "naip")] == \
        ["landsat8", "landsat9", "landsat7", "landsat5", "modis", "naip"]
    assert set(DATASETS.values()) == {"sentinel2", "sentinel2l2a", "landsat8", "landsat9", "landsat7", "landsat5",
                                      "modis", "naip"}
    with pytest.raises(RequestError, match="spot5"):
        dataset_for("spot5")


# --- the request ----------------------------------------------------------------------------------

def test_body_for_one_dataset_is_sent_exactly(scenes):
    search_remote_scenes(config_for(scenes), ["S2"], AOI, START, END, max_cloud=30, limit=50)

    assert len(scenes.search_log) == 1
    record = scenes.search_log[0]
    assert record.datasets == ("sentinel2",)
    assert record.body == {
        "search": {"date": {"from": "2023-06-01", "to": "2023-08-31"}, "cloudCoverage": {"from": 0, "to": 30},
                   "shape": AOI, "shapeRelation": "INTERSECTS"},
        "intersection_validation": True,
        "sort": {"date": "desc"},
        "fields": ["sceneID", "view_id", "date", "cloudCoverage", "dataGeometry"],
        "limit": 50,
        "page": 1,
    }
    request = scenes.log[-1]
    assert request.method == "POST" and request.path == "/api/lms/search/v2/sentinel2"
    assert request.headers["x-api-key"] == KEY  # the key as for tasks


def test_body_for_several_datasets_lists_the_satellites(scenes):
    search_remote_scenes(config_for(scenes), ["sentinel2", "L8", "S2"], AOI, START, END,
                         relation="CONTAINS")

    record = scenes.search_log[0]
    assert record.datasets == ("sentinel2", "landsat8")
    assert record.body["search"] == {"satellites": ["sentinel2", "landsat8"],
                                     "date": {"from": "2023-06-01", "to": "2023-08-31"},
                                     "shape": AOI, "shapeRelation": "CONTAINS"}
    assert record.body["fields"] == list(SEARCH_FIELDS) and record.body["limit"] == 100
    assert scenes.log[-1].path == "/api/lms/search/v2"


def test_no_aoi_no_cloud_no_dates_leave_them_out(scenes):
    found, problems = search_remote_scenes(config_for(scenes), ["sentinel2"], None, None, None)

    search = scenes.search_log[0].body["search"]
    assert search == {}
    assert len(found) == 6 and problems == []


def test_bad_arguments_fail_before_any_request(api):
    config = config_for(api)
    with pytest.raises(RequestError, match="after"):
        search_remote_scenes(config, ["S2"], AOI, END, START)
    with pytest.raises(RequestError, match="max_cloud"):
        search_remote_scenes(config, ["S2"], AOI, START, END, max_cloud=130)
    with pytest.raises(RequestError, match="limit"):
        search_remote_scenes(config, ["S2"], AOI, START, END, limit=0)
    with pytest.raises(RequestError, match="aoi"):
        search_remote_scenes(config, ["S2"], {"type": "Point", "coordinates": [1, 2]}, START, END)
    with pytest.raises(RequestError, match="sensors"):
        search_remote_scenes(config, ["nosuchsat"], AOI, START, END)
    assert api.search_log == []


# --- paging --------------------------------------------------------------------------------------------

def _add_series(api: FakeApi, count: int) -> list[str]:
    """`count` Sentinel-2 scenes of successive days of July 2023; their view_ids newest first."""
    ids = []
    for day in range(1, count + 1):
        view_id = f"S2/32/U/PU/2023/7/{day}/0"
        api.add_scene("sentinel2", view_id, f"2023-07-{day:02d}", 3.0, square(10, 50))
        ids.append(view_id)
    return ids[::-1]


def test_two_pages_are_merged_in_order(api):
    expected = _add_series(api, 7)

    found, problems = search_remote_scenes(config_for(api), ["sentinel2"], AOI, START, END, limit=5)

    assert [record.body["page"] for record in api.search_log] == [1, 2]
    assert all(record.body["limit"] == 5 for record in api.search_log)
    assert view_ids(found) == expected
    assert problems == []


def test_paging_stops_when_the_server_says_all_were_seen(api):
    expected = _add_series(api, 10)

    found, problems = search_remote_scenes(config_for(api), ["sentinel2"], AOI, START, END, limit=5)

    assert [record.body["page"] for record in api.search_log] == [1, 2]  # no third, empty page
    assert view_ids(found) == expected and problems == []


def test_max_pages_reached_is_a_problem(api):
    expected = _add_series(api, 12)

    found, problems = search_remote_scenes(config_for(api), ["sentinel2"], AOI, START, END, limit=5, max_pages=2)

    assert len(api.search_log) == 2
    assert view_ids(found) == expected[:10]
    assert len(problems) == 1
    assert "more than 10 scenes match" in problems[0] and "narrow the dates or the area" in problems[0]


# --- filters and merging ----------------------------------------------------------------------------

def test_dates_cloud_and_aoi_select_the_scenes(scenes):
    config = config_for(scenes)

    found, _ = search_remote_scenes(config, ["sentinel2"], AOI, START, END)
    assert view_ids(found) == ["S2/32/U/PU/2023/7/15/0", "S2/32/U/PU/2023/7/5/0", "S2/32/U/PU/2023/6/20/0",
                               "S2/32/U/PU/2023/6/10/0"]
    found, _ = search_remote_scenes(config, ["sentinel2"], AOI, START, END, max_cloud=8)
    assert view_ids(found) == ["S2/32/U/PU/2023/7/15/0", "S2/32/U/PU/2023/6/10/0"]
    found, _ = search_remote_scenes(config, ["sentinel2"], AOI, dt.date(2023, 7, 1), dt.date(2023, 7, 10))
    assert view_ids(found) == ["S2/32/U/PU/2023/7/5/0"]
    found, _ = search_remote_scenes(config, ["sentinel2"], None, "2023-07-15", "2023-07-15")
    assert view_ids(found) == ["S2/33/U/UU/2023/7/15/0", "S2/32/U/PU/2023/7/15/0"]
    found, problems = search_remote_scenes(config, ["sentinel2"], FAR_AOI, START, END)
    assert found == [] and problems == []


def test_several_datasets_merged_without_duplicates_newest_first(scenes):
    found, problems = search_remote_scenes(config_for(scenes), ["S2", "L8", "L9"], AOI, START, END, max_cloud=25)

    assert view_ids(found) == ["S2/32/U/PU/2023/7/15/0", "L8/LC81940252023190LGN00", "S2/32/U/PU/2023/7/5/0",
                               "L8/LC81940252023174LGN00", "S2/32/U/PU/2023/6/10/0"]
    assert problems == []
    by_id = {scene.view_id: scene for scene in found}
    assert by_id["S2/32/U/PU/2023/7/5/0"].dataset == "sentinel2"
    assert by_id["L8/LC81940252023190LGN00"].dataset == "landsat8"
    assert by_id["L8/LC81940252023190LGN00"].scene_name == "LC08_L1TP_194025_20230709_20230718_02_T1"


# --- reading the answer ---------------------------------------------------------------------------------

def test_fields_of_the_answer_are_read(scenes):
    found, _ = search_remote_scenes(config_for(scenes), ["sentinel2"], AOI, START, END, max_cloud=8)

    scene = found[0]
    assert scene.view_id == "S2/32/U/PU/2023/7/15/0"
    assert scene.scene_id == parse_view_id("S2/32/U/PU/2023/7/15/0")
    assert scene.scene_name == "32_U_PU_2023_7_15_0"  # the fake's sceneID
    assert scene.date == dt.date(2023, 7, 15)
    assert scene.cloud_cover == 0.0
    assert scene.footprint_geojson == square(10, 50)
    assert scene.dataset == "sentinel2"
    assert scene.raw["view_id"] == scene.view_id


def test_missing_footprint_date_with_time_multipolygon_and_missing_view_id(api):
    api.add_scene("sentinel2", "S2/32/U/PU/2023/7/19/0", "2023-07-19T10:21:01Z", 12.5, square(10, 50))
    api.add_scene("sentinel2", "S2/32/U/PU/2023/7/18/0", "2023-07-18", 1.0, square(10, 50), dataGeometry=None)
    api.add_scene("sentinel2", "S2/32/U/PU/2023/7/17/0", "2023-07-17", 2.0, MULTI)

    found, problems = search_remote_scenes(config_for(api), ["sentinel2"], AOI, START, END)

    assert view_ids(found) == ["S2/32/U/PU/2023/7/19/0", "S2/32/U/PU/2023/7/18/0", "S2/32/U/PU/2023/7/17/0"]
    with_time, no_footprint, multi = found
    assert with_time.date == dt.date(2023, 7, 19) and with_time.cloud_cover == 12.5
    assert no_footprint.footprint_geojson is None
    with pytest.raises(DataError, match="no footprint"):
        no_footprint.footprint()
    assert no_footprint.summary()["footprint"] is None
    assert multi.footprint() == MULTI
    assert problems == []

    # The fake always names a view_id: an answer of the same shape with two results lacking one.
    page = json.loads(api.log[-1].body)
    answer = {"meta": {"found": 4, "page": 1, "limit": 100},
              "results": [{"sceneID": "a", "view_id": None, "date": "2023-07-16"}, {"sceneID": "b", "view_id": ""},
                          {"sceneID": "c", "view_id": "S2/32/U/PU/2023/7/17/0", "dataGeometry": MULTI},
                          {"sceneID": "d", "view_id": "S2/32/U/PU/2023/7/17/0", "dataGeometry": MULTI}]}
    api.fail_next("search", ClientError(200, answer))
    found, problems = search_remote_scenes(config_for(api), ["sentinel2"], AOI, START, END)
    assert json.loads(api.log[-1].body) == page
    assert view_ids(found) == ["S2/32/U/PU/2023/7/17/0"] and found[0].scene_name == "c"  # the first one kept
    assert problems == ["2 search result(s) without a view_id skipped"]


def test_other_answer_shapes_are_read(api):
    """Results under "data", cloud under other names, the footprint under "geometry" (or a Feature),
    dates with a time, an id of no known form, an unknown cloud cover, and no paging information."""
    results = [
        {"view_id": "S2/32/U/PU/2023/7/5/0", "date": "2023-07-05T10:20:00.123+00:00", "cloud": "7.5",
         "geometry": square(10, 50)},
        {"view_id": "L8/LC81940252023190LGN00", "cloud_cover": 20, "geometry": {"type": "Feature", "properties": {},
                                                                                "geometry": MULTI}},
        {"view_id": "XYZ/123", "sceneID": "xyz-123", "date": "2023-07-01", "cloudCoverage": -1},
        {"sceneID": "no-view-id"},
        "not an object",
    ]
    api.fail_next("search", ClientError(200, {"data": results}))

    found, problems = search_remote_scenes(config_for(api), ["S2", "L8"], None, START, END, limit=10)

    assert view_ids(found) == ["L8/LC81940252023190LGN00", "S2/32/U/PU/2023/7/5/0", "XYZ/123"]  # newest first
    landsat, s2, unknown = found
    assert s2.date == dt.date(2023, 7, 5) and s2.cloud_cover == 7.5 and s2.footprint() == square(10, 50)
    assert s2.dataset == "sentinel2" and s2.product_level == "L1C"
    assert landsat.date == dt.date(2023, 7, 9)  # from the view_id, the answer gave none
    assert landsat.cloud_cover == 20.0 and landsat.footprint() == MULTI and landsat.dataset == "landsat8"
    assert landsat.scene_name == "LC81940252023190LGN00"
    assert unknown.scene_id is None and unknown.scene_name == "xyz-123" and unknown.cloud_cover is None
    assert unknown.dataset == "sentinel2,landsat8" and unknown.sensor.code == "?"
    assert unknown.summary()["sensor"] == "unknown sensor"
    assert problems == ["2 search result(s) without a view_id skipped"]


def test_an_answer_without_results_is_an_error_with_its_message(api):
    from load_by_extent.core.remote.client import RemoteError

    api.fail_next("search", ClientError(200, {"status": False, "error": "Search backend unavailable"}))
    with pytest.raises(RemoteError, match="Search backend unavailable"):
        search_remote_scenes(config_for(api), ["S2"], AOI, START, END)
    api.fail_next("search", ClientError(200, {"meta": {"found": 0}}))
    assert search_remote_scenes(config_for(api), ["S2"], AOI, START, END) == ([], [])


# --- errors ----------------------------------------------------------------------------------------------

def test_wrong_key_is_rejected_without_showing_it(scenes):
    with pytest.raises(KeyRejected) as caught:
        search_remote_scenes(config_for(scenes, WRONG_KEY), ["S2"], AOI, START, END)
    assert caught.value.status == 401
    assert "Invalid API key" in str(caught.value)
    assert WRONG_KEY not in str(caught.value) and WRONG_KEY not in repr(caught.value.args)


def test_server_errors_keep_their_message_and_are_retried(scenes):
    scenes.fail_next("search", ClientError(422, {"status": False, "error": "shape is too large"}))
    with pytest.raises(RequestRejected, match="shape is too large"):
        search_remote_scenes(config_for(scenes), ["S2"], AOI, START, END)

    with pytest.raises(RequestRejected, match="Unknown dataset: landsat5"):
        search_remote_scenes(config_for(scenes), ["L5"], AOI, START, END)

    scenes.fail_next("search", ServerError(503), TooMany("0"))
    feedback = Feedback()
    found, problems = search_remote_scenes(config_for(scenes), ["S2"], AOI, START, END, feedback=feedback)
    assert len(found) == 4 and problems == []
    assert any("503" in message for message in feedback.messages)
    assert any("rate limit" in message for message in feedback.messages)
    assert not any(KEY in message for message in feedback.messages)


def test_an_endless_search_answer_is_refused_at_its_cap(scenes):
    scenes.fail_next("search", Endless())
    with pytest.raises(RemoteError, match="larger than 8 MiB, the most an API answer may be"):
        search_remote_scenes(config_for(scenes), ["S2"], AOI, START, END)


def test_a_dripping_search_answer_stops_at_max_wait(scenes):
    scenes.fail_next("search", Drip(ClientError(200, {"meta": {"found": 0}, "results": []}), seconds_per_byte=0.5))
    config = dataclasses.replace(config_for(scenes), max_wait=1.0)
    with pytest.raises(RemoteTimeout) as caught:
        search_remote_scenes(config, ["S2"], AOI, START, END)
    assert str(caught.value) == "the API did not answer within the waiting limit of 1 s"


# --- the scene picker's protocol ---------------------------------------------------------------------

def test_remote_scene_works_in_the_scene_picker(scenes):
    found, _ = search_remote_scenes(config_for(scenes), ["S2L2A", "S2", "L8"], AOI, START, END)
    assert found
    for scene in found:
        # what ui/scene_picker.py and the dock read
        assert isinstance(scene, RemoteScene)
        assert isinstance(scene.view_id, str) and isinstance(scene.date, dt.date)
        assert scene.sensor.code in ("S2", "L8")
        assert scene.band_files is None
        assert scene.footprint()["type"] == "Polygon"
        summary = scene.summary()
        assert json.loads(json.dumps(summary)) == summary
        assert set(summary) >= {"view_id", "sensor", "product_level", "date", "cloud_cover", "bands", "footprint"}

    l2a = RemoteScene("S2/32/U/PU/2023/7/5/0", parse_view_id("S2/32/U/PU/2023/7/5/0"), "T32UPU", None, None,
                      None, "sentinel2l2a")
    assert l2a.product_level == "L2A" and l2a.sensor is SENTINEL2 and l2a.summary()["sensor"] == "Sentinel-2"
    l1c = RemoteScene("S2/32/U/PU/2023/7/5/0", None, "", None, None, None, "sentinel2")
    assert l1c.product_level == "L1C" and l1c.sensor is SENTINEL2  # from the dataset, the id being unknown
    landsat = RemoteScene("L8/LC81940252023190LGN00", parse_view_id("L8/LC81940252023190LGN00"), "", None, 1.0,
                          square(1, 1), "landsat8")
    assert landsat.product_level is None and landsat.sensor is LANDSAT8 and landsat.band_files is None


# --- the command line ------------------------------------------------------------------------------

def _lbe(command: list[str], **env_changes) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=clean_environment(**env_changes))


@pytest.fixture
def aoi_file(tmp_path) -> str:
    path = tmp_path / "aoi.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": AOI}]}))
    return str(path)


def _remote_arguments(api: FakeApi, aoi_file: str) -> list[str]:
    return ["scenes", "--api-url", api.api_url, "--search-url", api.search_url, "--aoi", aoi_file,
            "--start", "2023-06-01", "--end", "2023-08-31", "--timeout", "5"]


def test_cli_lists_the_remote_scenes_as_json(lbe_command, scenes, aoi_file):
    completed = _lbe(lbe_command + _remote_arguments(scenes, aoi_file) + ["--max-cloud", "30", "--sensor", "S2",
                                                                          "--sensor", "landsat8"],
                     LBE_API_KEY=KEY)

    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert len(lines) == 1
    output = json.loads(lines[0])
    assert set(output) == {"scenes"}
    assert [item["view_id"] for item in output["scenes"]] == [
        "S2/32/U/PU/2023/7/15/0", "L8/LC81940252023190LGN00", "S2/32/U/PU/2023/7/5/0", "L8/LC81940252023174LGN00",
        "S2/32/U/PU/2023/6/10/0"]
    first = output["scenes"][0]
    assert first["sensor"] == "Sentinel-2" and first["date"] == "2023-07-15" and first["cloud_cover"] == 0.0
    assert first["footprint"] == square(10, 50) and first["bands"] is None
    body = scenes.search_log[-1].body
    assert body["search"]["satellites"] == ["sentinel2", "landsat8"]
    assert body["search"]["cloudCoverage"] == {"from": 0, "to": 30.0}
    assert KEY not in completed.stderr


def test_cli_pages_and_reports_problems(lbe_command, api, aoi_file):
    _add_series(api, 7)
    completed = _lbe(lbe_command + _remote_arguments(api, aoi_file) + ["--limit", "3", "--max-pages", "2",
                                                                       "--api-key", KEY])

    assert completed.returncode == 0, completed.stderr
    output = json.loads(completed.stdout)
    assert len(output["scenes"]) == 6
    assert output["problems"] == ["more than 6 scenes match (7); narrow the dates or the area"]
    assert [record.datasets for record in api.search_log] == [("sentinel2",), ("sentinel2",)]


def test_cli_table(lbe_command, scenes, aoi_file):
    completed = _lbe(lbe_command + _remote_arguments(scenes, aoi_file) + ["--table"], LBE_API_KEY=KEY)

    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert len(lines) == 4
    assert lines[0].split() == ["2023-07-15", "Sentinel-2", "0", "%", "S2/32/U/PU/2023/7/15/0"]
    assert lines[1].split() == ["2023-07-05", "Sentinel-2", "10", "%", "S2/32/U/PU/2023/7/5/0"]


def test_cli_wrong_key_exits_1_without_the_key(lbe_command, scenes, aoi_file):
    completed = _lbe(lbe_command + _remote_arguments(scenes, aoi_file) + ["--api-key", WRONG_KEY])

    assert completed.returncode == 1
    assert completed.stdout == ""
    assert "Invalid API key" in completed.stderr and "refused the key" in completed.stderr
    assert WRONG_KEY not in completed.stderr and "Traceback" not in completed.stderr


def test_cli_needs_a_source_and_a_key(lbe_command, scenes, aoi_file, tmp_path):
    neither = _lbe(lbe_command + ["scenes", "--start", "2023-06-01"])
    assert neither.returncode == 2 and "--scenes" in neither.stderr and "--api-url" in neither.stderr
    both = _lbe(lbe_command + ["scenes", "--scenes", str(tmp_path), "--api-url", scenes.api_url])
    assert both.returncode == 2 and "not allowed with" in both.stderr
    no_key = _lbe(lbe_command + _remote_arguments(scenes, aoi_file))
    assert no_key.returncode == 1 and "API key" in no_key.stderr
    assert scenes.search_log == []


def test_a_result_with_a_level_2a_view_id_is_the_sentinel2_scene():
    from load_by_extent.core.remote.search import _read_result

    scene = _read_result({"view_id": "S2L2A/33/U/UU/2017/2/16/0", "date": "2017-02-16"}, ["sentinel2l2a"])
    assert scene is not None and scene.scene_id is not None
    assert scene.sensor is SENTINEL2 and scene.product_level == "L2A"
    assert scene.scene_id.acquisition_view_id == "S2/33/U/UU/2017/2/16/0"
