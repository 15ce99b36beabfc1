"""Statistics of many polygons on the Processing API (core/remote/fields.py): one mt_stats task per
polygon against the fake API (real HTTP on 127.0.0.1), gathered into the table the local processor
writes; and `lbe stats --api-url` as users run it."""

from __future__ import annotations

import copy
import csv
import json
import os
import subprocess

import pytest
from command_line import clean_environment
from fake_api import STATS_FLAT, STATS_NESTED, Failed, FakeApi, Processing, Started, Stats
from load_by_extent.core.errors import TaskCancelled
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.local.field_stats import CSV_COLUMNS, FIGURES, Field, fields_request
from load_by_extent.core.remote.backend import RemoteBackend
from load_by_extent.core.remote.client import ApiKey, KeyRejected, RemoteConfig
from load_by_extent.core.remote.fields import ANSWERS_FOLDER, RemoteFieldsBackend
from load_by_extent.core.remote.ledger import LedgerStatus, TaskLedger
from load_by_extent.core.request import TaskRequest
from load_by_extent.core.runner import run

KEY = "fields-secret-KEY-7c1e9a3b52"


def square(west: float, south: float, size: float = 0.01) -> dict:
    return {"type": "Polygon", "coordinates": [[[west, south], [west + size, south], [west + size, south + size],
                                                [west, south + size], [west, south]]]}


FIELDS = [Field("north-7", square(-104.88, 27.17)), Field(12, square(-104.86, 27.17)),
          Field("edge", square(-104.84, 27.18))]
REQUEST = {"type": "mt_stats", "params": {"bm_type": ["NDVI", "NDWI"], "date_start": "2023-06-01",
                                          "date_end": "2023-08-31", "geometry": square(0, 0),
                                          "reference": "season", "sensors": ["sentinel2"]}}
# Each polygon's own answer, by its task's reference: nested, flat (no std, an error), and one more nested.
SECOND = copy.deepcopy(STATS_NESTED)
SECOND["result"][0]["indexes"]["NDVI"]["average"] = 0.777
ANSWERS = {"season-north-7": STATS_NESTED, "season-12": STATS_FLAT, "season-edge": SECOND}


@pytest.fixture
def api():
    with FakeApi(KEY) as fake:
        fake.default_script = lambda task: (Started(), Stats(ANSWERS[task.params["reference"]]))
        yield fake
        assert fake.errors == []


def config_for(api: FakeApi, **changes) -> RemoteConfig:
    values = {"poll_interval": 0.01, "poll_interval_max": 0.05, "backoff_base": 0.01, "timeout": 5}
    values.update(changes)
    return RemoteConfig(api_url=api.api_url, api_key=ApiKey(KEY), **values)


def run_fields(api: FakeApi, out, ledger: TaskLedger | None, feedback=None, fields=FIELDS, force=False):
    request, params = fields_request(TaskRequest(copy.deepcopy(REQUEST)), fields)
    backend = RemoteFieldsBackend(RemoteBackend(config_for(api), ledger, force=force), fields)
    return run(request, backend, str(out), feedback, params=params)


def read_rows(path: str) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        return list(reader)


def _value(text: str) -> float | None:
    return float(text) if text else None


def expected_rows(field_id: str, answer: dict, bm_type: list[str]) -> list[dict]:
    """The rows of one polygon's answer, as the table's documentation says them: date order, one row
    per index of each scene (a flat answer's index is the request's first), then errors among them."""
    entries = [(item["date"], item["scene_id"], item, False) for item in answer["result"]]
    entries += [(item["date"], item["scene_id"], item, True) for item in answer["errors"]]
    rows = []
    for date, scene_id, item, failed in sorted(entries, key=lambda entry: entry[:2]):
        base = {"id": field_id, "date": date, "scene_id": scene_id, "view_id": item.get("view_id") or ""}
        if failed:
            rows.append({**base, "index": "", **dict.fromkeys(FIGURES), "cloud": None, "error": item["error"]})
            continue
        for name, figures in (item["indexes"] if "indexes" in item else {bm_type[0]: item}).items():
            rows.append({**base, "index": name, **{figure: figures.get(figure) for figure in FIGURES},
                         "cloud": item["cloud"], "error": ""})
    return rows


def as_expected(row: dict) -> dict:
    return {**row, **{name: _value(row[name]) for name in (*FIGURES, "cloud")}}


def test_one_task_per_polygon_gathered_into_the_local_table(api, tmp_path):
    ledger = TaskLedger(str(tmp_path / "ledger.json"))
    feedback = Feedback()
    result = run_fields(api, tmp_path / "out", ledger, feedback)

    tasks = list(api.tasks.values())
    assert [task.type for task in tasks] == ["mt_stats"] * 3
    assert [task.params["reference"] for task in tasks] == ["season-north-7", "season-12", "season-edge"]
    assert [task.params["geometry"] for task in tasks] == [field.geometry for field in FIELDS]
    assert all({k: v for k, v in task.params.items() if k not in ("geometry", "reference")} ==
               {k: v for k, v in REQUEST["params"].items() if k not in ("geometry", "reference")} for task in tasks)
    (path,) = result.files
    assert path == str(tmp_path / "out" / "season.csv")
    rows = [as_expected(row) for row in read_rows(path)]
    wanted = [row for field in FIELDS for row in
              expected_rows(str(field.id), ANSWERS[f"season-{field.id}"], REQUEST["params"]["bm_type"])]
    assert rows == wanted
    assert result.details["task_ids"] == [task.task_id for task in tasks]
    assert result.details["fields"] == 3 and result.details["failed_polygons"] == 0
    assert feedback.progress == pytest.approx(100)
    assert os.listdir(tmp_path / "out") == ["season.csv"]  # the polygons' answers stay by the ledger
    assert [entry.status for entry in ledger.entries()] == [LedgerStatus.DONE] * 3
    for entry in ledger.entries():
        (answer_file,) = entry.result_files
        assert os.path.dirname(answer_file) == str(tmp_path / ANSWERS_FOLDER)


def test_a_polygon_whose_task_fails_is_a_row_with_the_reason_and_the_others_run(api, tmp_path):
    api.script([Stats(STATS_NESTED)])
    api.script([Started(), Failed("the polygon is too small for the grid")])
    api.script([Stats(SECOND)])
    result = run_fields(api, tmp_path / "out", None)

    assert len(api.tasks) == 3
    rows = read_rows(result.files[0])
    failed = [row for row in rows if row["id"] == "12"]
    assert len(failed) == 1
    assert "the polygon is too small for the grid" in failed[0]["error"]
    assert all(failed[0][name] == "" for name in CSV_COLUMNS if name not in ("id", "error"))
    assert [as_expected(row) for row in rows if row["id"] == "edge"] == \
        expected_rows("edge", SECOND, REQUEST["params"]["bm_type"])
    assert result.details["failed_polygons"] == 1
    assert os.listdir(tmp_path / "out") == ["season.csv"]  # without a ledger no answer is kept


def test_a_polygon_the_request_refuses_is_a_row_and_sends_no_task(api, tmp_path):
    two_parts = {"type": "MultiPolygon", "coordinates": [square(-104.88, 27.17)["coordinates"],
                                                         square(-104.80, 27.17)["coordinates"]]}
    fields = [FIELDS[0], Field("two-parts", two_parts), FIELDS[2]]
    result = run_fields(api, tmp_path / "out", None, fields=fields)
    assert [task.params["reference"] for task in api.tasks.values()] == ["season-north-7", "season-edge"]
    (refused,) = [row for row in read_rows(result.files[0]) if row["id"] == "two-parts"]
    assert "params.geometry" in refused["error"] and refused["date"] == "" and refused["index"] == ""


class CancelWhen(Feedback):
    def __init__(self, condition) -> None:
        super().__init__()
        self.condition = condition

    def isCanceled(self) -> bool:  # noqa: N802
        return self.condition(self)


def test_cancel_during_a_task_stops_the_run_and_writes_nothing(api, tmp_path):
    api.script([Stats(STATS_NESTED)])
    api.script([Started(), Processing(30)])  # runs for ever: cancelled while waited for
    ledger = TaskLedger(str(tmp_path / "ledger.json"))
    with pytest.raises(TaskCancelled):
        run_fields(api, tmp_path / "out", ledger,
                   CancelWhen(lambda _feedback: len(api.tasks) >= 2 and list(api.tasks.values())[1].polls >= 2))
    assert len(api.tasks) == 2  # the third polygon's task was never sent
    assert not (tmp_path / "out").exists() or os.listdir(tmp_path / "out") == []
    second = ledger.get(list(api.tasks)[1])
    assert second is not None and second.status is LedgerStatus.CANCELLED


def test_cancel_between_tasks_sends_no_further_task(api, tmp_path):
    # cancelled once the first polygon's share of the progress is full
    feedback = CancelWhen(lambda feedback: feedback.progress >= 100 / 3 - 1e-6)
    with pytest.raises(TaskCancelled):
        run_fields(api, tmp_path / "out", None, feedback)
    assert len(api.tasks) == 1
    assert not (tmp_path / "out").exists() or os.listdir(tmp_path / "out") == []


def test_running_again_reuses_each_polygons_task_unless_forced(api, tmp_path):
    ledger = TaskLedger(str(tmp_path / "ledger.json"))
    first = run_fields(api, tmp_path / "out", ledger)
    assert len(api.tasks) == 3
    feedback = Feedback()
    again = run_fields(api, tmp_path / "out", ledger, feedback)
    assert len(api.tasks) == 3  # no new task: the ledger handed back each polygon's answer
    assert sum("an identical request ran as task" in text for text in feedback.messages) == 3
    assert read_rows(again.files[0]) == read_rows(first.files[0])
    assert again.files[0] != first.files[0]  # a new table beside the first, never over it
    run_fields(api, tmp_path / "out", ledger, force=True)
    assert len(api.tasks) == 6


def test_a_refused_key_ends_the_run_at_the_first_polygon(api, tmp_path):
    request, params = fields_request(TaskRequest(copy.deepcopy(REQUEST)), FIELDS)
    config = RemoteConfig(api_url=api.api_url, api_key=ApiKey("wrong-KEY-0a1b2c3d4e"), poll_interval=0.01,
                          backoff_base=0.01, timeout=5)
    with pytest.raises(KeyRejected) as raised:
        run(request, RemoteFieldsBackend(RemoteBackend(config, None), FIELDS), str(tmp_path / "out"), None,
            params=params)
    assert "key" in str(raised.value).lower()
    assert len([record for record in api.log if record.method == "POST"]) == 1  # not once per polygon
    assert not (tmp_path / "out").exists() or os.listdir(tmp_path / "out") == []


# --- lbe stats --api-url ----------------------------------------------------------------------------------

def write_polygons(path, fields: list[Field]) -> str:
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": str(field.id)}, "geometry": field.geometry} for field in fields]}
    path.write_text(json.dumps(collection))
    return str(path)


def test_cli_stats_on_the_api_prints_the_table_and_keeps_the_key_out(lbe_command, api, tmp_path):
    request_path = tmp_path / "request.json"
    request_path.write_text(json.dumps(REQUEST))
    polygons = write_polygons(tmp_path / "fields.geojson", FIELDS)
    command = [*lbe_command, "stats", str(request_path), "--aoi", polygons, "--id-field", "name",
               "--api-url", api.api_url, "--out", str(tmp_path / "out"), "--ledger", str(tmp_path / "ledger.json")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120,
                          env=clean_environment(LBE_API_KEY=KEY))
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed["type"] == "mt_stats" and printed["result_type"] == "csv"
    assert printed["files"] == [str(tmp_path / "out" / "season.csv")]
    assert printed["task_ids"] == list(api.tasks)
    assert [task.params["reference"] for task in api.tasks.values()] == ["season-north-7", "season-12", "season-edge"]
    rows = [as_expected(row) for row in read_rows(printed["files"][0])]
    assert rows == [row for field in FIELDS for row in
                    expected_rows(str(field.id), ANSWERS[f"season-{field.id}"], REQUEST["params"]["bm_type"])]
    assert "polygon 3 of 3 (edge)" in done.stderr
    assert KEY not in done.stdout and KEY not in done.stderr
    assert KEY.encode() not in (tmp_path / "ledger.json").read_bytes()
    assert all(record.headers.get("x-api-key") == KEY for record in api.log)


def test_cli_stats_needs_scenes_or_an_api_url(lbe_command, tmp_path):
    request_path = tmp_path / "request.json"
    request_path.write_text(json.dumps(REQUEST))
    polygons = write_polygons(tmp_path / "fields.geojson", FIELDS)
    base = [*lbe_command, "stats", str(request_path), "--aoi", polygons, "--id-field", "name"]
    for extra in ([], ["--scenes", str(tmp_path), "--api-url", "http://127.0.0.1:9/api/gdw"]):
        done = subprocess.run(base + extra, capture_output=True, text=True, timeout=60, env=clean_environment())
        assert done.returncode == 2 and done.stdout == ""
        assert "--scenes" in done.stderr and "--api-url" in done.stderr
