"""The task ledger (core/remote/ledger.py): persistence, reuse of identical requests, resumable tasks,
atomic writes, corrupt files, threads and processes sharing one file, and no API key on disk."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time

import pytest
from load_by_extent.core.errors import LoadByExtentError
from load_by_extent.core.remote import ledger as ledger_module
from load_by_extent.core.remote.ledger import (
    LedgerEntry,
    LedgerStatus,
    TaskLedger,
    default_ledger_path,
    request_key,
)
from load_by_extent.core.request import TaskRequest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
API_URL = "https://api-connect.eos.com/api/gdw"
OTHER_API_URL = "https://gate.eos.com/api/gdw"
POLYGON = {"type": "Polygon", "coordinates": [[[10.0, 50.0], [10.1, 50.0], [10.1, 50.1], [10.0, 50.1], [10.0, 50.0]]]}
START = 1_700_000_000.0
DAY = 24 * 3600.0


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def lbe_request_dict(reference: str = "ref-1", bands: tuple[str, ...] = ("B02", "B03", "B04")) -> dict:
    params = {"view_id": "S2/33/U/UU/2017/2/16/0", "bands": list(bands), "geometry": POLYGON, "reference": reference}
    return {"type": "lbe", "params": params}


def make_entry(task_id: str, created_at: float = START, status: LedgerStatus = LedgerStatus.CREATED,
               task_timeout: float | None = 2 * DAY, request: dict | None = None, api_url: str = API_URL,
               result_files: tuple[str, ...] = ()) -> LedgerEntry:
    request = request or lbe_request_dict()
    return LedgerEntry(
        task_id=task_id, req_id=f"req-{task_id}", api_url=api_url, request=request,
        request_key=request_key(api_url, request), status=status, task_timeout=task_timeout,
        created_at=created_at, updated_at=created_at, result_type="tif", result_files=result_files,
        message="",
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ledger_path(tmp_path) -> str:
    return str(tmp_path / "state" / "remote-tasks.json")


@pytest.fixture
def ledger(ledger_path, clock) -> TaskLedger:
    return TaskLedger(ledger_path, clock=clock)


def result_file(tmp_path, name: str = "result.tif") -> str:
    path = tmp_path / name
    path.write_bytes(b"II*\x00")
    return str(path)


# --- the entry -----------------------------------------------------------------------------------

def test_entry_json_round_trip_and_expiry():
    entry = make_entry("t1", status=LedgerStatus.DONE, result_files=("/a.tif", "/b.tif"))
    again = LedgerEntry.from_json(json.loads(json.dumps(entry.to_json())))
    assert again == entry
    assert again.result_files == ("/a.tif", "/b.tif")
    assert entry.expires_at == START + 2 * DAY
    assert not entry.is_expired(START + 2 * DAY - 1)
    assert entry.is_expired(START + 2 * DAY)
    assert make_entry("t2", task_timeout=None).expires_at is None
    assert not make_entry("t2", task_timeout=None).is_expired(START + 1000 * DAY)
    assert make_entry("t3", status=LedgerStatus.RUNNING).is_unfinished
    assert not make_entry("t4", status=LedgerStatus.DONE).is_unfinished


def test_entry_from_json_tolerates_missing_and_extra_members():
    entry = LedgerEntry.from_json({"task_id": "t1", "status": "running", "from_a_newer_version": [1, 2],
                                   "task_timeout": "soon", "result_files": "not a list"})
    assert entry.task_id == "t1"
    assert entry.status == LedgerStatus.RUNNING
    assert entry.task_timeout is None
    assert entry.result_files == ()
    assert entry.message == ""
    assert entry.request == {}
    assert len(entry.request_key) == 64
    # unknown state: neither resumed nor reused
    assert LedgerEntry.from_json({"task_id": "t2"}).status == LedgerStatus.FAILED
    with pytest.raises(LoadByExtentError):
        LedgerEntry.from_json({"status": "done"})
    with pytest.raises(LoadByExtentError, match="'paused' is not a task status"):
        LedgerEntry.from_json({"task_id": "t3", "status": "paused"})


# --- request_key ---------------------------------------------------------------------------------

def test_request_key_ignores_reference_whitespace_and_key_order():
    spaced = TaskRequest.from_json(json.dumps(lbe_request_dict("ref-A"), indent=4))
    reordered = {"params": dict(reversed(list(lbe_request_dict("ref-B")["params"].items()))), "type": "lbe"}
    assert request_key(API_URL, spaced) == request_key(API_URL, reordered)
    assert request_key(API_URL, lbe_request_dict("x")) == request_key(API_URL + "/", lbe_request_dict("y"))
    assert request_key(API_URL, lbe_request_dict()) == request_key(API_URL + "?api_key=SECRET", lbe_request_dict())


def test_request_key_depends_on_params_api_url_type_and_callback():
    base = request_key(API_URL, lbe_request_dict())
    assert request_key(API_URL, lbe_request_dict(bands=("B04",))) != base
    assert request_key(OTHER_API_URL, lbe_request_dict()) != base
    assert request_key(API_URL, {**lbe_request_dict(), "type": "bandmath"}) != base
    assert request_key(API_URL, {**lbe_request_dict(), "callback_url": "https://example.org/cb"}) != base


# --- persistence ---------------------------------------------------------------------------------

def test_round_trip_through_the_file(ledger_path, clock):
    first = TaskLedger(ledger_path, clock=clock)
    entry = make_entry("t1", status=LedgerStatus.DONE, result_files=("/tmp/x.tif",))
    first.add(entry)
    with open(ledger_path, encoding="utf-8") as stream:
        document = json.load(stream)
    assert document["version"] == 1
    assert [task["task_id"] for task in document["tasks"]] == ["t1"]
    assert TaskLedger(ledger_path, clock=clock).get("t1") == entry


def test_entries_newest_first(ledger):
    ledger.add(make_entry("old", created_at=START))
    ledger.add(make_entry("newest", created_at=START + 20))
    ledger.add(make_entry("middle", created_at=START + 10))
    ledger.add(make_entry("middle-later", created_at=START + 10))  # same second, added later: newer
    assert [entry.task_id for entry in ledger.entries()] == ["newest", "middle-later", "middle", "old"]


def test_add_replaces_an_entry_with_the_same_task_id(ledger):
    ledger.add(make_entry("t1"))
    ledger.add(make_entry("t1", status=LedgerStatus.RUNNING))
    assert [(entry.task_id, entry.status) for entry in ledger.entries()] == [("t1", LedgerStatus.RUNNING)]


def test_record_created_uses_the_clock_and_computes_the_key(ledger, clock):
    entry = ledger.record_created("t1", API_URL, TaskRequest(lbe_request_dict()), req_id="r1", task_timeout=3600)
    assert entry.status == LedgerStatus.CREATED
    assert entry.created_at == entry.updated_at == clock.now
    assert entry.request == lbe_request_dict()
    assert entry.request_key == request_key(API_URL, lbe_request_dict("another reference"))
    assert ledger.get("t1") == entry


def test_update(ledger, clock):
    ledger.add(make_entry("t1"))
    ledger.add(make_entry("t2"))
    clock.advance(60)
    updated = ledger.update("t1", status=LedgerStatus.DONE, result_files=["/r/a.tif"], message="done in 60 s")
    assert updated.status is LedgerStatus.DONE
    assert updated.result_files == ("/r/a.tif",)
    assert updated.updated_at == START + 60
    assert updated.created_at == START
    assert ledger.get("t1") == updated
    assert ledger.get("t2").updated_at == START  # the other task untouched
    assert ledger.update("t2", status="running").status is LedgerStatus.RUNNING  # the stored word will do


def test_update_of_an_unknown_task_names_it(ledger):
    ledger.add(make_entry("t1"))
    with pytest.raises(LoadByExtentError, match="no-such-task"):
        ledger.update("no-such-task", status=LedgerStatus.DONE)
    with pytest.raises(LoadByExtentError, match="status"):
        ledger.update("t1", status="finished-ish")
    with pytest.raises(LoadByExtentError, match="colour"):
        ledger.update("t1", colour="red")
    assert ledger.get("t1").status == LedgerStatus.CREATED


def test_a_missing_file_is_an_empty_ledger_and_reading_creates_nothing(tmp_path, clock):
    path = tmp_path / "nowhere" / "remote-tasks.json"
    ledger = TaskLedger(str(path), clock=clock)
    assert ledger.entries() == []
    assert ledger.get("t1") is None
    assert ledger.unfinished() == []
    assert not (tmp_path / "nowhere").exists()


def test_the_missing_folder_is_created_on_first_write_with_mode_0600(tmp_path, clock):
    path = tmp_path / "a" / "b" / "c" / "remote-tasks.json"
    TaskLedger(str(path), clock=clock).add(make_entry("t1"))
    assert path.is_file()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_corrupt_file_is_set_aside_and_the_ledger_works(ledger, ledger_path):
    os.makedirs(os.path.dirname(ledger_path))
    with open(ledger_path, "w", encoding="utf-8") as stream:
        stream.write('{"version": 1, "tasks": [{"task_id": "t1", ')
    assert ledger.entries() == []
    assert len(ledger.set_aside_files) == 1
    aside = ledger.set_aside_files[0]
    assert aside.startswith(ledger_path + ".corrupt-")
    with open(aside, encoding="utf-8") as stream:
        assert stream.read() == '{"version": 1, "tasks": [{"task_id": "t1", '
    ledger.add(make_entry("t2"))
    assert [entry.task_id for entry in ledger.entries()] == ["t2"]
    # corrupt again within the same second: the first copy set aside is kept
    with open(ledger_path, "wb") as stream:
        stream.write(b"\xff\xfe not utf-8")
    assert ledger.entries() == []
    assert len(ledger.set_aside_files) == 2
    assert all(os.path.isfile(path) for path in ledger.set_aside_files)
    with open(ledger.set_aside_files[1], "rb") as stream:
        assert stream.read() == b"\xff\xfe not utf-8"


def test_a_json_file_that_is_not_a_ledger_is_set_aside(ledger, ledger_path):
    os.makedirs(os.path.dirname(ledger_path))
    with open(ledger_path, "w", encoding="utf-8") as stream:
        json.dump([1, 2, 3], stream)
    assert ledger.entries() == []
    assert len(ledger.set_aside_files) == 1
    assert not os.path.exists(ledger_path)


def test_tasks_this_version_cannot_read_are_kept(ledger, ledger_path):
    os.makedirs(os.path.dirname(ledger_path))
    strange = {"id_in_a_future_format": "x"}
    with open(ledger_path, "w", encoding="utf-8") as stream:
        json.dump({"version": 1, "tasks": [make_entry("t1").to_json(), strange]}, stream)
    ledger.add(make_entry("t2"))
    with open(ledger_path, encoding="utf-8") as stream:
        tasks = json.load(stream)["tasks"]
    assert strange in tasks
    assert {task.get("task_id") for task in tasks} == {"t1", "t2", None}


def test_a_ledger_written_by_an_earlier_version_loads_and_keeps_its_words(ledger, ledger_path):
    """The statuses are stored as the words earlier versions wrote; a word this version does not
    know (a later version's) keeps its task in the file untouched, neither resumed nor reused."""
    os.makedirs(os.path.dirname(ledger_path))
    request = json.dumps(lbe_request_dict())
    later = (f'{{"task_id": "t-later", "api_url": "{API_URL}", "request": {request}, "status": "paused", '
             f'"created_at": {START}}}')
    with open(ledger_path, "w", encoding="utf-8") as stream:  # as the version before the enums wrote it
        stream.write('{"version": 1, "tasks": [\n' + ",\n".join(
            f'{{"task_id": "t-{word}", "req_id": null, "api_url": "{API_URL}", "request": {request}, '
            f'"request_key": "", "status": "{word}", "task_timeout": 172800.0, "created_at": {START + number}, '
            f'"updated_at": {START + number}, "result_type": null, "result_files": [], "message": "{word}"}}'
            for number, word in enumerate(("created", "running", "done", "failed", "cancelled"))) + f",\n{later}\n]}}\n")
    statuses = {entry.task_id: entry.status for entry in ledger.entries()}
    assert statuses == {"t-created": LedgerStatus.CREATED, "t-running": LedgerStatus.RUNNING,
                        "t-done": LedgerStatus.DONE, "t-failed": LedgerStatus.FAILED,
                        "t-cancelled": LedgerStatus.CANCELLED}
    assert [entry.task_id for entry in ledger.unfinished(now=START)] == ["t-running", "t-created"]
    ledger.update("t-created", status=LedgerStatus.RUNNING)
    with open(ledger_path, encoding="utf-8") as stream:
        tasks = json.load(stream)["tasks"]
    assert {task["task_id"]: task["status"] for task in tasks} == {
        "t-created": "running", "t-running": "running", "t-done": "done", "t-failed": "failed",
        "t-cancelled": "cancelled", "t-later": "paused"}
    assert json.loads(later) in tasks  # untouched
    assert all(type(task["status"]) is str for task in tasks)


def test_writes_are_atomic_and_leave_no_temporary_files(ledger, ledger_path, monkeypatch):
    for number in range(5):
        ledger.add(make_entry(f"t{number}"))
    folder = os.path.dirname(ledger_path)
    assert sorted(os.listdir(folder)) == ["remote-tasks.json", "remote-tasks.json.lock"]
    with open(ledger_path, "rb") as stream:
        before = stream.read()

    def crash(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ledger_module.os, "replace", crash)
    with pytest.raises(LoadByExtentError, match="cannot write the task ledger"):
        ledger.add(make_entry("lost"))
    monkeypatch.undo()
    with open(ledger_path, "rb") as stream:
        assert stream.read() == before
    assert sorted(os.listdir(folder)) == ["remote-tasks.json", "remote-tasks.json.lock"]
    assert ledger.get("lost") is None
    assert len(ledger.entries()) == 5


# --- reuse and resume ----------------------------------------------------------------------------

def test_find_reusable_returns_a_done_task_within_its_timeout_whose_files_exist(ledger, clock, tmp_path):
    files = (result_file(tmp_path, "a.tif"), result_file(tmp_path, "b.tif"))
    ledger.add(make_entry("t1", status=LedgerStatus.DONE, result_files=files))
    clock.advance(DAY)
    found = ledger.find_reusable(API_URL, TaskRequest(lbe_request_dict("a new reference")))
    assert found is not None
    assert found.task_id == "t1"
    assert ledger.find_reusable(API_URL, lbe_request_dict(bands=("B08",))) is None
    assert ledger.find_reusable(OTHER_API_URL, lbe_request_dict()) is None


def test_find_reusable_skips_a_done_task_whose_file_was_deleted(ledger, tmp_path):
    files = (result_file(tmp_path, "a.tif"), result_file(tmp_path, "b.tif"))
    ledger.add(make_entry("t1", status=LedgerStatus.DONE, result_files=files))
    assert ledger.find_reusable(API_URL, lbe_request_dict()) is not None
    os.remove(files[1])
    assert ledger.find_reusable(API_URL, lbe_request_dict()) is None


def test_find_reusable_skips_a_done_task_without_files(ledger):
    ledger.add(make_entry("t1", status=LedgerStatus.DONE, result_files=()))
    assert ledger.find_reusable(API_URL, lbe_request_dict()) is None


def test_find_reusable_skips_expired_tasks(ledger, clock, tmp_path):
    ledger.add(make_entry("done", status=LedgerStatus.DONE, result_files=(result_file(tmp_path),)))
    ledger.add(make_entry("running", status=LedgerStatus.RUNNING, created_at=START + 1, task_timeout=DAY))
    assert ledger.find_reusable(API_URL, lbe_request_dict()).task_id == "running"
    assert ledger.find_reusable(API_URL, lbe_request_dict(), now=START + DAY + 1).task_id == "done"
    assert ledger.find_reusable(API_URL, lbe_request_dict(), now=START + 2 * DAY + 1) is None
    clock.advance(3 * DAY)
    assert ledger.find_reusable(API_URL, lbe_request_dict()) is None


@pytest.mark.parametrize("status", [LedgerStatus.FAILED, LedgerStatus.CANCELLED])
def test_find_reusable_never_reuses_failed_or_cancelled_tasks(ledger, tmp_path, status):
    ledger.add(make_entry("t1", status=status, result_files=(result_file(tmp_path),)))
    assert ledger.find_reusable(API_URL, lbe_request_dict()) is None


@pytest.mark.parametrize("status", [LedgerStatus.CREATED, LedgerStatus.RUNNING])
def test_find_reusable_returns_the_unfinished_task_to_resume(ledger, status):
    ledger.add(make_entry("t1", status=status))
    found = ledger.find_reusable(API_URL, lbe_request_dict("ref-2"))
    assert found is not None
    assert (found.task_id, found.status) == ("t1", status)


def test_find_reusable_prefers_the_newest(ledger, tmp_path):
    ledger.add(make_entry("older", created_at=START, status=LedgerStatus.DONE,
                          result_files=(result_file(tmp_path, "1.tif"),)))
    ledger.add(make_entry("newest", created_at=START + 100, status=LedgerStatus.DONE,
                          result_files=(result_file(tmp_path, "2.tif"),)))
    ledger.add(make_entry("newer", created_at=START + 50, status=LedgerStatus.DONE,
                          result_files=(result_file(tmp_path, "3.tif"),)))
    ledger.add(make_entry("failed-latest", created_at=START + 200, status=LedgerStatus.FAILED))
    assert ledger.find_reusable(API_URL, lbe_request_dict(), now=START + 300).task_id == "newest"


def test_unfinished_lists_live_tasks_and_marks_expired_ones(ledger, clock):
    ledger.add(make_entry("expired", created_at=START, status=LedgerStatus.RUNNING, task_timeout=DAY))
    ledger.add(make_entry("live", created_at=START + 10, status=LedgerStatus.CREATED, task_timeout=3 * DAY))
    ledger.add(make_entry("no-timeout", created_at=START + 20, status=LedgerStatus.RUNNING, task_timeout=None))
    ledger.add(make_entry("done", created_at=START + 30, status=LedgerStatus.DONE))
    assert [entry.task_id for entry in ledger.unfinished()] == ["no-timeout", "live", "expired"]
    clock.advance(2 * DAY)
    assert [entry.task_id for entry in ledger.unfinished()] == ["no-timeout", "live"]
    expired = ledger.get("expired")
    assert expired.status == LedgerStatus.FAILED
    assert expired.message == "expired on the server (task_timeout passed)"
    assert expired.updated_at == clock.now
    assert ledger.get("done").status == LedgerStatus.DONE


def test_prune_drops_old_finished_tasks_only(ledger, clock):
    ledger.add(make_entry("old-done", created_at=START - 40 * DAY, status=LedgerStatus.DONE))
    ledger.add(make_entry("old-failed", created_at=START - 31 * DAY, status=LedgerStatus.FAILED))
    ledger.add(make_entry("recent-done", created_at=START - 2 * DAY, status=LedgerStatus.DONE))
    ledger.add(make_entry("old-running", created_at=START - 40 * DAY, status=LedgerStatus.RUNNING, task_timeout=None))
    assert ledger.prune() == 2
    assert sorted(entry.task_id for entry in ledger.entries()) == ["old-running", "recent-done"]
    assert ledger.prune(keep_seconds=DAY) == 1
    assert [entry.task_id for entry in ledger.entries()] == ["old-running"]


# --- the API key never reaches the disk ----------------------------------------------------------

def test_an_api_key_in_a_stored_url_is_scrubbed(ledger, ledger_path):
    request = {**lbe_request_dict(), "callback_url": "https://example.org/cb?api_key=SECRET-2&x=1"}
    entry = make_entry("t1", api_url=API_URL + "?api_key=SECRET-1", request=request)
    stored = ledger.add(entry)
    ledger.update("t1", message="POST https://gate.eos.com/api/gdw/api?api_key=SECRET-3 failed; x-api-key: SECRET-4")
    with open(ledger_path, encoding="utf-8") as stream:
        text = stream.read()
    assert "SECRET" not in text
    assert stored.api_url == API_URL + "?api_key=***"
    assert ledger.get("t1").request["callback_url"] == "https://example.org/cb?api_key=***&x=1"
    assert "x-api-key: ***" in ledger.get("t1").message
    # the key is not part of the address: the scrubbed entry still matches the request
    assert stored.request_key == request_key(API_URL, request)


def test_a_member_named_like_a_key_is_scrubbed(ledger, ledger_path):
    request = lbe_request_dict()
    request["params"]["api_key"] = "SECRET-5"
    ledger.add(make_entry("t1", request=request))
    with open(ledger_path, encoding="utf-8") as stream:
        assert "SECRET" not in stream.read()
    assert ledger.get("t1").request["params"]["api_key"] == "***"


def test_a_key_written_into_the_file_by_something_else_is_scrubbed_on_the_next_write(ledger, ledger_path):
    os.makedirs(os.path.dirname(ledger_path))
    leaky = make_entry("t1", api_url=API_URL + "?api_key=SECRET-6").to_json()
    with open(ledger_path, "w", encoding="utf-8") as stream:
        json.dump({"version": 1, "tasks": [leaky, {"no_task_id": "x", "x-api-key": "SECRET-7"}]}, stream)
    ledger.add(make_entry("t2"))
    with open(ledger_path, encoding="utf-8") as stream:
        text = stream.read()
    assert "SECRET" not in text
    assert ledger.get("t1").api_url == API_URL + "?api_key=***"


# --- where it lives ------------------------------------------------------------------------------

def test_default_ledger_path(monkeypatch, tmp_path):
    monkeypatch.setenv("LBE_LEDGER", str(tmp_path / "mine.json"))
    assert default_ledger_path() == str(tmp_path / "mine.json")
    monkeypatch.delenv("LBE_LEDGER")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert default_ledger_path() == str(tmp_path / "state" / "load_by_extent" / "remote-tasks.json")
    monkeypatch.delenv("XDG_STATE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_ledger_path() == str(tmp_path / "home" / ".local" / "state" / "load_by_extent" / "remote-tasks.json")


# --- sharing one ledger --------------------------------------------------------------------------

@pytest.mark.parametrize("process_lock", ["flock", "no fcntl on this platform"])
def test_two_threads_adding_concurrently_lose_nothing(ledger, monkeypatch, process_lock):
    if process_lock != "flock":
        monkeypatch.setattr(ledger_module, "fcntl", None)  # the thread lock alone must be enough

    def add_many(prefix: str) -> None:
        for number in range(200):
            ledger.add(make_entry(f"{prefix}-{number}", task_timeout=None))

    threads = [threading.Thread(target=add_many, args=(prefix,)) for prefix in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    task_ids = {entry.task_id for entry in ledger.entries()}
    assert len(task_ids) == 400
    assert {f"a-{number}" for number in range(200)} <= task_ids


WRITER_SCRIPT = """
import importlib.util, os, sys, time
root, ledger_path, go_file, prefix, count = sys.argv[1:6]
spec = importlib.util.spec_from_file_location("lbe_launcher", os.path.join(root, "bin", "lbe.py"))
launcher = importlib.util.module_from_spec(spec)
spec.loader.exec_module(launcher)
launcher.import_checkout_as_package(root)
from load_by_extent.core.remote.ledger import TaskLedger
ledger = TaskLedger(ledger_path)
while not os.path.exists(go_file):  # start together, so that the writes really overlap
    time.sleep(0.005)
request = {"type": "lbe", "params": {"view_id": "S2/33/U/UU/2017/2/16/0", "bands": ["B04"], "reference": prefix}}
for number in range(int(count)):
    ledger.record_created(f"{prefix}-{number}", "https://api-connect.eos.com/api/gdw", request)
"""


def test_two_processes_adding_concurrently_lose_nothing(tmp_path, ledger_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER_SCRIPT, encoding="utf-8")
    go_file = tmp_path / "go"
    writers = [
        subprocess.Popen([sys.executable, str(script), ROOT, ledger_path, str(go_file), prefix, "150"])
        for prefix in ("p1", "p2", "p3")
    ]
    time.sleep(0.5)
    go_file.touch()
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0, 0]
    task_ids = {entry.task_id for entry in TaskLedger(ledger_path).entries()}
    assert len(task_ids) == 450
    assert {f"p2-{number}" for number in range(150)} <= task_ids


# --- only a regular file is a ledger ---------------------------------------------------------------

def make_null_device(path) -> os.stat_result:
    """A character device like /dev/null (1, 3), made for the test: the real one is never touched."""
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return os.lstat(path)


def assert_only(folder, names: set[str]) -> None:
    assert set(os.listdir(folder)) == names, f"{folder} holds {sorted(os.listdir(folder))}"


def test_a_device_as_ledger_is_refused_and_left_alone(tmp_path, clock):
    device = tmp_path / "null"
    before = make_null_device(device)
    ledger = TaskLedger(str(device), clock=clock)
    for operation in (lambda: ledger.add(make_entry("t1")), ledger.entries, ledger.check_path,
                      lambda: ledger.update("t1", status=LedgerStatus.DONE), ledger.prune):
        with pytest.raises(LoadByExtentError) as caught:
            operation()
        assert str(device) in str(caught.value) and "not a regular file (a device)" in str(caught.value)
        assert "--no-ledger" in str(caught.value)
    after = os.lstat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino
    assert_only(tmp_path, {"null"})  # no null.lock, no temporary file


def test_a_symbolic_link_as_ledger_is_refused_and_its_target_untouched(tmp_path, clock):
    target = tmp_path / "elsewhere.txt"
    target.write_text("not yours\n")
    link = tmp_path / "remote-tasks.json"
    link.symlink_to(target)
    ledger = TaskLedger(str(link), clock=clock)
    with pytest.raises(LoadByExtentError) as caught:
        ledger.add(make_entry("t1"))
    assert "not a regular file (a symbolic link)" in str(caught.value)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == "not yours\n"
    assert_only(tmp_path, {"elsewhere.txt", "remote-tasks.json"})


def test_a_dangling_symbolic_link_as_ledger_is_refused_and_creates_nothing(tmp_path, clock):
    link = tmp_path / "remote-tasks.json"
    link.symlink_to(tmp_path / "missing.json")
    with pytest.raises(LoadByExtentError, match="symbolic link"):
        TaskLedger(str(link), clock=clock).add(make_entry("t1"))
    assert not (tmp_path / "missing.json").exists() and link.is_symlink()


def test_a_folder_as_ledger_is_refused(tmp_path, clock):
    (tmp_path / "tasks").mkdir()
    with pytest.raises(LoadByExtentError, match="a folder"):
        TaskLedger(str(tmp_path / "tasks"), clock=clock).add(make_entry("t1"))
    assert os.listdir(tmp_path / "tasks") == []


@pytest.mark.parametrize("kind", ["device", "symbolic link"])
def test_a_lock_file_that_is_not_a_regular_file_is_refused_and_left_alone(tmp_path, clock, kind):
    path = tmp_path / "remote-tasks.json"
    lock = tmp_path / "remote-tasks.json.lock"
    target = tmp_path / "target.txt"
    target.write_text("keep\n")
    if kind == "device":
        before = make_null_device(lock)
    else:
        lock.symlink_to(target)
        before = os.lstat(lock)
    with pytest.raises(LoadByExtentError) as caught:
        TaskLedger(str(path), clock=clock).add(make_entry("t1"))
    assert f"lock file {lock} is not a regular file (a {kind})" in str(caught.value)
    after = os.lstat(lock)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)
    assert target.read_text() == "keep\n" and not path.exists()


def test_a_regular_file_and_a_missing_one_are_ledgers(tmp_path, clock):
    existing = tmp_path / "existing.json"
    existing.write_text("")
    for path in (existing, tmp_path / "new.json"):
        ledger = TaskLedger(str(path), clock=clock)
        ledger.check_path()
        ledger.add(make_entry("t1"))
        assert [entry.task_id for entry in ledger.entries()] == ["t1"]
        assert stat.S_ISREG(os.lstat(path).st_mode)


def test_the_command_line_turns_the_ledger_off(monkeypatch, tmp_path):
    monkeypatch.setenv("LBE_LEDGER", str(tmp_path / "mine.json"))
    assert ledger_module.ledger_path_for_command_line(None) == str(tmp_path / "mine.json")
    assert ledger_module.ledger_path_for_command_line(str(tmp_path / "x.json")) == str(tmp_path / "x.json")
    assert ledger_module.ledger_path_for_command_line(str(tmp_path / "x.json"), disabled=True) is None
    assert ledger_module.ledger_path_for_command_line("") is None
    monkeypatch.setenv("LBE_LEDGER", "")
    assert ledger_module.ledger_path_for_command_line(None) is None
    assert ledger_module.ledger_path_for_command_line(str(tmp_path / "x.json")) == str(tmp_path / "x.json")
