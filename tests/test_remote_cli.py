"""`lbe run --api-url` as users run it (bin/lbe in a subprocess) against the fake Processing API.

The command line polls every 2 s at first: every script here has its result on the first poll.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from command_line import clean_environment
from fake_api import DEFAULT_RESULT_BYTES, STATS_FLAT, ClientError, FakeApi, Redirect, Started, Stats

KEY = "lbe-secret-KEY-5f8e2a9c71d4"
WRONG_KEY = "wrong-secret-KEY-03b6e1d9a4"
GEOMETRY = {
    "type": "Polygon",
    "coordinates": [[[-104.88, 27.17], [-104.87, 27.17], [-104.87, 27.18], [-104.88, 27.18], [-104.88, 27.17]]],
}
LBE = {"type": "lbe", "params": {"view_id": "S2/13/R/EL/2023/7/19/0", "bands": ["B02", "B03", "B04"],
                                 "geometry": GEOMETRY, "merge": True, "reference": "cli-ref-1"}}
MT_STATS = {"type": "mt_stats", "params": {"bm_type": ["NDVI"], "date_start": "2023-06-01", "date_end": "2023-08-31",
                                           "geometry": GEOMETRY, "reference": "cli-stats-1"}}


@pytest.fixture
def api():
    with FakeApi(KEY) as fake:
        yield fake
        assert fake.errors == []


def lbe_run(lbe_command, tmp_path, api: FakeApi, request: dict, *extra: str, key: str | None = KEY,
            env: dict | None = None) -> subprocess.CompletedProcess:
    request_path = tmp_path / "request.json"
    request_path.write_text(json.dumps(request))
    command = [*lbe_command, "run", str(request_path), "--api-url", api.api_url, "--out", str(tmp_path / "out"),
               "--ledger", str(tmp_path / "ledger.json"), *extra]
    if key is not None:
        command += ["--api-key", key]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env or clean_environment())


def single_json_object(stdout: str) -> dict:
    assert stdout.endswith("\n") and stdout.count("\n") == 1, f"not one line on stdout: {stdout!r}"
    printed = json.loads(stdout)
    assert isinstance(printed, dict)
    return printed


def test_cli_lbe_downloads_the_tif(lbe_command, tmp_path, api):
    api.script([Redirect()])
    done = lbe_run(lbe_command, tmp_path, api, LBE)
    assert done.returncode == 0, done.stderr
    printed = single_json_object(done.stdout)
    assert printed["type"] == "lbe" and printed["result_type"] == "tif"
    (path,) = printed["files"]
    assert path.endswith(".tif") and os.path.dirname(path) == str(tmp_path / "out")
    with open(path, "rb") as stream:
        assert stream.read() == DEFAULT_RESULT_BYTES
    assert printed["task_id"] == api.task().task_id
    assert "result" not in printed
    assert api.task().params == LBE["params"]
    assert KEY not in done.stdout and KEY not in done.stderr
    ledger_bytes = (tmp_path / "ledger.json").read_bytes()
    assert KEY.encode() not in ledger_bytes
    (entry,) = json.loads(ledger_bytes)["tasks"]
    assert entry["task_id"] == api.task().task_id and entry["status"] == "done"
    assert not any(record.carries(KEY) for record in api.files.log)


def test_cli_mt_stats_writes_the_json_and_prints_the_result(lbe_command, tmp_path, api):
    api.script([Stats()])
    done = lbe_run(lbe_command, tmp_path, api, MT_STATS)
    assert done.returncode == 0, done.stderr
    printed = single_json_object(done.stdout)
    assert printed["type"] == "mt_stats" and printed["result_type"] == "json"
    (path,) = printed["files"]
    assert path.endswith(".json") and os.path.dirname(path) == str(tmp_path / "out")
    with open(path, encoding="utf-8") as stream:
        assert json.load(stream) == STATS_FLAT
    assert printed["result"] == STATS_FLAT
    assert KEY not in done.stdout and KEY not in done.stderr


def test_cli_key_from_the_environment(lbe_command, tmp_path, api):
    api.script([Started(), Redirect()])  # the result on the second poll
    done = lbe_run(lbe_command, tmp_path, api, LBE, key=None, env=clean_environment(LBE_API_KEY=KEY))
    assert done.returncode == 0, done.stderr
    single_json_object(done.stdout)
    (post,) = [record for record in api.log if record.method == "POST"]
    assert post.headers["x-api-key"] == KEY
    assert KEY not in done.stderr


def test_cli_wrong_key_exits_1_without_the_key(lbe_command, tmp_path, api):
    done = lbe_run(lbe_command, tmp_path, api, LBE, key=WRONG_KEY)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "key" in done.stderr.lower()
    assert WRONG_KEY not in done.stderr
    assert api.tasks == {}
    assert not (tmp_path / "out").exists() or os.listdir(tmp_path / "out") == []


def test_cli_api_422_exits_2(lbe_command, tmp_path, api):
    api.fail_next("create", ClientError(422, {"status": False, "error": "Unsupported band or operation"}))
    done = lbe_run(lbe_command, tmp_path, api, LBE)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert "Unsupported band or operation" in done.stderr
    assert KEY not in done.stderr


def test_cli_without_any_key_exits_1_saying_how_to_give_one(lbe_command, tmp_path, api):
    done = lbe_run(lbe_command, tmp_path, api, LBE, key=None)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "--api-key" in done.stderr and "LBE_API_KEY" in done.stderr
    assert api.log == []


def test_cli_max_wait_exits_1_and_leaves_the_task_for_later(lbe_command, tmp_path, api):
    api.script([Started()])
    done = lbe_run(lbe_command, tmp_path, api, LBE, "--max-wait", "1")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "did not finish within" in done.stderr
    (entry,) = json.loads((tmp_path / "ledger.json").read_text())["tasks"]
    assert entry["task_id"] == api.task().task_id and entry["status"] == "running"


def test_cli_reuses_an_identical_request_unless_forced(lbe_command, tmp_path, api):
    api.script([Redirect()])
    api.script([Redirect()])
    first = lbe_run(lbe_command, tmp_path, api, LBE)
    assert first.returncode == 0, first.stderr
    other_reference = {"type": "lbe", "params": {**LBE["params"], "reference": "cli-ref-2"}}
    again = lbe_run(lbe_command, tmp_path, api, other_reference)
    assert again.returncode == 0, again.stderr
    assert len(api.tasks) == 1
    assert single_json_object(again.stdout)["files"] == single_json_object(first.stdout)["files"]
    forced = lbe_run(lbe_command, tmp_path, api, other_reference, "--force")
    assert forced.returncode == 0, forced.stderr
    assert len(api.tasks) == 2
    assert single_json_object(forced.stdout)["files"] != single_json_object(first.stdout)["files"]
