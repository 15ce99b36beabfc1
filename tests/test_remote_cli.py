"""`lbe run --api-url` as users run it (bin/lbe in a subprocess) against the fake Processing API.

The command line polls every 2 s at first: every script here has its result on the first poll.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess

import pytest
from command_line import clean_environment
from fake_api import (
    DEFAULT_RESULT_BYTES,
    STATS_FLAT,
    ClientError,
    Drip,
    DripHead,
    Endless,
    FakeApi,
    Redirect,
    Started,
    Stats,
    TooMany,
)

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


# --- hostile servers: every command ends, with a message naming the limit ------------------------------
# (lbe_run's subprocess timeout of 60 s is only a guard against a hang: each of these takes seconds)

def ledger_entry(tmp_path) -> dict:
    (entry,) = json.loads((tmp_path / "ledger.json").read_text())["tasks"]
    return entry


def assert_out_empty(tmp_path) -> None:
    assert not (tmp_path / "out").exists() or os.listdir(tmp_path / "out") == []


def test_cli_a_dripping_status_answer_stops_at_max_wait(lbe_command, tmp_path, api):
    api.script([Drip(Started(), seconds_per_byte=0.5)])
    done = lbe_run(lbe_command, tmp_path, api, LBE, "--max-wait", "2")
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert "did not finish within the waiting limit of 2 s" in done.stderr
    assert "task ledger" in done.stderr
    entry = ledger_entry(tmp_path)
    assert entry["task_id"] == api.task().task_id and entry["status"] == "running"
    assert KEY not in done.stderr


def test_cli_a_status_answer_whose_headers_drip_stops_at_max_wait(lbe_command, tmp_path, api):
    api.script([DripHead(seconds_per_byte=0.3)])
    done = lbe_run(lbe_command, tmp_path, api, LBE, "--max-wait", "2")
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert "did not finish within the waiting limit of 2 s" in done.stderr
    assert "Traceback" not in done.stderr and KEY not in done.stderr
    entry = ledger_entry(tmp_path)
    assert entry["task_id"] == api.task().task_id and entry["status"] == "running"
    assert_out_empty(tmp_path)


def test_cli_an_endless_status_answer_is_refused_at_64_mib(lbe_command, tmp_path, api):
    api.script([Endless()])
    done = lbe_run(lbe_command, tmp_path, api, LBE)
    assert done.returncode == 1, done.stderr
    assert "larger than 64 MiB, the most an API answer may be" in done.stderr
    assert api.task().polls == 1
    assert_out_empty(tmp_path)


def test_cli_a_result_that_never_ends_stops_at_max_wait(lbe_command, tmp_path, api):
    api.add_file("endless.tif", DEFAULT_RESULT_BYTES, endless=True, slow_bytes_per_second=100_000)
    api.script([Redirect("endless.tif")])
    done = lbe_run(lbe_command, tmp_path, api, LBE, "--max-wait", "3")
    assert done.returncode == 1, done.stderr
    assert "was not downloaded within the waiting limit of 3 s" in done.stderr
    assert_out_empty(tmp_path)
    assert ledger_entry(tmp_path)["status"] == "running"  # to resume: run the same request again


def test_cli_429_with_a_huge_retry_after_stops_at_max_wait(lbe_command, tmp_path, api):
    api.fail_next("create", TooMany("999999999"))
    done = lbe_run(lbe_command, tmp_path, api, LBE, "--max-wait", "2")
    assert done.returncode == 1, done.stderr
    assert "waiting limit of 2 s" in done.stderr and "999999999 s" in done.stderr and "rate limit" in done.stderr
    assert api.tasks == {}


def test_cli_a_relative_location_is_resolved_against_the_api_url(lbe_command, tmp_path, api):
    api.script([Redirect(relative=True)])
    done = lbe_run(lbe_command, tmp_path, api, LBE)
    assert done.returncode == 0, done.stderr
    (path,) = single_json_object(done.stdout)["files"]
    with open(path, "rb") as stream:
        assert stream.read() == DEFAULT_RESULT_BYTES


# --- the key is checked, never printed -------------------------------------------------------------------

BROKEN_KEYS = {
    "two lines": "first-line-SECRET-4d2a\nsecond-line-SECRET-9b7c",
    "space": "first-part-SECRET-4d2a second-part-SECRET-9b7c",
    "control": "first-part-SECRET-4d2a\x1bsecond-part-SECRET-9b7c",
}


@pytest.mark.parametrize("where", ["environment", "option"])
@pytest.mark.parametrize("name", sorted(BROKEN_KEYS))
def test_cli_a_key_no_key_can_be_exits_2_without_any_part_of_it(lbe_command, tmp_path, api, name, where):
    value = BROKEN_KEYS[name]
    if where == "environment":
        done = lbe_run(lbe_command, tmp_path, api, LBE, key=None, env=clean_environment(LBE_API_KEY=value))
    else:
        done = lbe_run(lbe_command, tmp_path, api, LBE, key=value)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert "API key" in done.stderr and "line break" in done.stderr
    for part in ("first", "second", "SECRET", "4d2a", "9b7c"):
        assert part not in done.stderr
    assert api.log == []


# --- the ledger's path ---------------------------------------------------------------------------------------

def test_cli_a_device_as_ledger_is_refused_before_any_task_and_left_alone(lbe_command, tmp_path, api):
    device = tmp_path / "null"  # our own /dev/null: the real one is never pointed at
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    before = os.lstat(device)
    done = lbe_run(lbe_command, tmp_path, api, LBE, "--ledger", str(device), "--force")
    assert done.returncode == 1, done.stderr
    assert f"the task ledger {device} is not a regular file (a device)" in done.stderr
    assert "--no-ledger" in done.stderr
    after = os.lstat(device)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert not os.path.lexists(str(device) + ".lock")
    assert api.tasks == {}


def test_cli_a_symbolic_link_as_ledger_is_refused_and_its_target_untouched(lbe_command, tmp_path, api):
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    done = lbe_run(lbe_command, tmp_path, api, LBE, "--ledger", str(link))
    assert done.returncode == 1, done.stderr
    assert "(a symbolic link)" in done.stderr
    assert link.is_symlink() and target.read_text() == "keep me\n"
    assert api.tasks == {}


def test_cli_no_ledger_runs_and_writes_no_ledger(lbe_command, tmp_path, api):
    api.script([Redirect()])
    done = lbe_run(lbe_command, tmp_path, api, LBE, "--no-ledger")
    assert done.returncode == 0, done.stderr
    single_json_object(done.stdout)
    assert not (tmp_path / "ledger.json").exists() and not (tmp_path / "ledger.json.lock").exists()


def test_cli_an_empty_lbe_ledger_turns_the_ledger_off(lbe_command, tmp_path, api):
    api.script([Redirect()])
    request_path = tmp_path / "request.json"
    request_path.write_text(json.dumps(LBE))
    home = tmp_path / "home"
    home.mkdir()
    env = clean_environment(LBE_LEDGER="", LBE_API_KEY=KEY, HOME=str(home), XDG_STATE_HOME=str(home / "state"))
    done = subprocess.run([*lbe_command, "run", str(request_path), "--api-url", api.api_url,
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    single_json_object(done.stdout)
    assert [os.path.join(root, name) for root, _folders, names in os.walk(home) for name in names] == []
