"""The remote backend (core/remote/) against the fake Processing API (tests/fake_api.py).

Real HTTP on 127.0.0.1, no mocking of requests: the fake records every request, so the tests read
back what the client really sent (the key, the Range header, the poll times).
"""

from __future__ import annotations

import dataclasses
import http.server
import json
import logging
import os
import socket
import ssl
import subprocess
import threading
import time
import traceback
import uuid
import zipfile

import numpy as np
import pytest
from fake_api import (
    DEFAULT_RESULT_BYTES,
    DEFAULT_RESULT_NAME,
    FAILED_SHAPES,
    STATS_FLAT,
    STATS_NESTED,
    ClientError,
    Drip,
    DripHead,
    Endless,
    Failed,
    FakeApi,
    Processing,
    Redirect,
    ServerError,
    Started,
    Stats,
    TooMany,
    http_date,
)
from load_by_extent.core.errors import DataError, LoadByExtentError, RequestError, TaskCancelled
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.remote import client as remote_module
from load_by_extent.core.remote.backend import RemoteBackend
from load_by_extent.core.remote.client import (
    ApiKey,
    CreatedTask,
    DownloadRefused,
    InvalidApiKey,
    KeyRejected,
    RemoteClient,
    RemoteConfig,
    RemoteError,
    RemoteTaskFailed,
    RemoteTimeout,
    RequestRejected,
    retry_after_seconds,
)
from load_by_extent.core.remote.ledger import TaskLedger
from load_by_extent.core.request import TaskRequest
from load_by_extent.core.runner import run
from load_by_extent.services.qgis_transport import qgis_transport_for
from osgeo import gdal
from rasters import write_raster

KEY = "lbe-secret-KEY-5f8e2a9c71d4"
WRONG_KEY = "wrong-secret-KEY-03b6e1d9a4"
FORBIDDEN_KEY = "banned-secret-KEY-77c1f0e2"
SECRETS = (KEY, WRONG_KEY, FORBIDDEN_KEY)

GEOMETRY = {
    "type": "Polygon",
    "coordinates": [[[-104.88, 27.17], [-104.87, 27.17], [-104.87, 27.18], [-104.88, 27.18], [-104.88, 27.17]]],
}
VIEW_ID = "S2/13/R/EL/2023/7/19/0"
STEM = "S2_13_R_EL_2023_7_19_0"
PARTIAL_MARKS = (".part", ".download-", ".lbe-partial-")


# --- helpers ------------------------------------------------------------------------------------

@pytest.fixture
def api():
    with FakeApi(KEY) as fake:
        yield fake
        assert fake.errors == []


@pytest.fixture
def out(tmp_path) -> str:
    folder = tmp_path / "out"
    folder.mkdir()
    return str(folder)


@pytest.fixture
def ledger(tmp_path) -> TaskLedger:
    return TaskLedger(str(tmp_path / "state" / "remote-tasks.json"))


@pytest.fixture
def http_log_records():
    """Every record of the urllib3 loggers at DEBUG level, while the test runs."""
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    logger = logging.getLogger("urllib3")
    handler = Collect(logging.DEBUG)
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


class RecordingFeedback(Feedback):
    """Feedback that keeps every progress value it was given."""

    def __init__(self) -> None:
        super().__init__()
        self.values: list[float] = []

    def setProgress(self, progress: float) -> None:
        super().setProgress(progress)
        self.values.append(progress)


TRANSPORTS = {"requests": None, "qgis": qgis_transport_for()}  # the command line's, and QGIS's network
_transport = {"factory": None}


@pytest.fixture(autouse=True, params=sorted(TRANSPORTS))
def transport(request):
    """Every test runs through both transports: the protocol above them is the same."""
    _transport["factory"] = TRANSPORTS[request.param]
    yield request.param
    _transport["factory"] = None


def config_for(api_url: str, key: str = KEY, **changes) -> RemoteConfig:
    values = {"poll_interval": 0.01, "poll_interval_max": 0.05, "backoff_base": 0.01, "timeout": 5,
              "transport": _transport["factory"]}
    values.update(changes)
    return RemoteConfig(api_url=api_url, api_key=ApiKey(key), **values)


def lbe_request(reference: str = "ref-1", bands=("B02", "B03", "B04")) -> TaskRequest:
    return TaskRequest({"type": "lbe", "params": {"view_id": VIEW_ID, "bands": list(bands), "geometry": GEOMETRY,
                                                  "merge": True, "reference": reference}})


def stats_request(reference: str = "stats-1") -> TaskRequest:
    return TaskRequest({"type": "mt_stats", "params": {"bm_type": ["NDVI"], "date_start": "2023-06-01",
                                                       "date_end": "2023-08-31", "geometry": GEOMETRY,
                                                       "reference": reference, "sensors": ["sentinel2"]}})


def run_remote(api: FakeApi, request: TaskRequest, out: str, feedback: Feedback | None = None, ledger=None,
               force: bool = False, key: str = KEY, **config):
    backend = RemoteBackend(config_for(api.api_url, key, **config), ledger, force=force)
    return run(request, backend, out, feedback)


def assert_key_free(error: BaseException | None = None, feedback: Feedback | None = None, texts=()) -> None:
    """No API key in the exception (str, repr, the formatted traceback), the feedback's messages or texts."""
    checked = list(texts)
    if error is not None:
        checked += [str(error), repr(error), "".join(traceback.format_exception(type(error), error,
                                                                               error.__traceback__))]
    if feedback is not None:
        checked += feedback.messages
    for text in checked:
        for secret in SECRETS:
            assert secret not in text, f"the key appears in: {text!r}"


def leftovers(folder) -> list[str]:
    """Partial downloads and staging folders anywhere under `folder`."""
    found = []
    for root, folders, files in os.walk(folder):
        for name in folders + files:
            if name.endswith(".part") or name.startswith(PARTIAL_MARKS):
                found.append(os.path.join(root, name))
    return found


def api_requests(api: FakeApi, method: str) -> list:
    return [record for record in api.log if record.method == method]


def file_gets(api: FakeApi, name: str) -> list:
    return [record for record in api.files.log if record.method == "GET" and record.path == "/" + name]


def bytes_of(path) -> bytes:
    with open(path, "rb") as stream:
        return stream.read()


def blob(size: int, seed: int = 7) -> bytes:
    """A TIFF header and `size` pseudo-random bytes: any misplaced range shows."""
    return b"II*\x00" + np.random.default_rng(seed).integers(0, 256, size, dtype=np.uint8).tobytes()


# --- the key object -------------------------------------------------------------------------------

def test_api_key_str_and_repr_say_stars():
    key = ApiKey(KEY)
    assert str(key) == repr(key) == "ApiKey(***)"
    assert f"{key}" == f"{key!r}" == "ApiKey(***)"
    assert KEY not in repr([key]) and KEY not in repr({"key": key})
    assert key.reveal() == KEY
    config = config_for("http://127.0.0.1:1/api/gdw")
    assert KEY not in repr(config) and KEY not in str(config)
    assert KEY not in repr(RemoteClient(config))
    assert key.redact(f"GET /api?api_key={KEY}&x=1 header {KEY}") == "GET /api?api_key=***&x=1 header ***"


def test_empty_api_key_says_how_to_give_one():
    for empty in ("", "   ", None):
        with pytest.raises(LoadByExtentError) as caught:
            ApiKey(empty)
        assert "--api-key" in str(caught.value) and "LBE_API_KEY" in str(caught.value)


# --- create -----------------------------------------------------------------------------------------

def test_create_sends_the_key_as_header_and_as_query(api):
    client = RemoteClient(config_for(api.api_url))
    request = lbe_request()
    task = client.create(request)
    assert task.task_id == api.task().task_id and task.req_id == api.task().req_id
    assert task.status == "created" and task.task_timeout == 345600
    (post,) = api_requests(api, "POST")
    assert post.path == "/api/gdw/api"
    assert post.headers["x-api-key"] == KEY
    assert post.query["api_key"] == KEY
    assert post.json() == request.to_dict()
    assert KEY.encode() not in post.body
    client.wait(task)
    polls = api_requests(api, "GET")
    assert polls and all(p.headers.get("x-api-key") == KEY and p.query.get("api_key") == KEY for p in polls)


def test_create_older_202_authentication_answer(tmp_path, out):
    with FakeApi(KEY, create_mode="202-authentication") as api:
        task = RemoteClient(config_for(api.api_url)).create(lbe_request())
        assert task.status == "authentication"
        assert task.task_id == api.task().task_id
        assert task.task_timeout is None and task.req_id is None
        ledger = TaskLedger(str(tmp_path / "ledger.json"))
        result = run_remote(api, lbe_request("ref-2"), out, ledger=ledger)
        assert bytes_of(result.files[0]) == DEFAULT_RESULT_BYTES
        (entry,) = ledger.entries()
        assert entry.status == "done" and entry.task_timeout is None
        assert api.errors == []


def test_older_host_that_reads_only_the_query_key(out):
    with FakeApi(KEY, key_in=("query",)) as api:
        result = run_remote(api, lbe_request(), out)
        assert result.result_type == "tif" and bytes_of(result.files[0]) == DEFAULT_RESULT_BYTES


# --- polling --------------------------------------------------------------------------------------

def test_started_polls_then_processing_progress_reaches_the_feedback_increasing(api, out):
    api.script([Started(), Started(), Started(), Processing(20), Processing(None), Processing(60), Redirect()])
    feedback = RecordingFeedback()
    result = run_remote(api, lbe_request(), out, feedback)
    assert api.task().served == ["Started"] * 3 + ["Processing"] * 3 + ["Redirect"]
    values = feedback.values
    assert values == sorted(values), f"progress went back: {values}"
    # polling is the first half of an lbe task, the download the second half
    assert 10.0 in values and 30.0 in values
    assert values[-1] == 100.0
    assert bytes_of(result.files[0]) == DEFAULT_RESULT_BYTES


def test_429_retry_after_seconds_is_honoured_while_polling(api, out):
    api.script([Started(), TooMany("1"), Redirect()])
    feedback = Feedback()
    result = run_remote(api, lbe_request(), out, feedback)
    task = api.task()
    assert task.served == ["Started", "TooMany", "Redirect"]
    assert task.poll_times[2] - task.poll_times[1] >= 0.95
    assert any("rate limit" in message and "1 s" in message for message in feedback.messages)
    assert bytes_of(result.files[0]) == DEFAULT_RESULT_BYTES


def test_429_retry_after_http_date_is_honoured(api, out):
    api.script([TooMany(http_date(2)), Redirect()])
    run_remote(api, lbe_request(), out)
    task = api.task()
    assert task.served == ["TooMany", "Redirect"]
    assert task.poll_times[1] - task.poll_times[0] >= 0.8  # the date has whole seconds: 1 to 2 s ahead


def test_429_on_create_is_waited_out_and_creates_one_task(api, out):
    api.fail_next("create", TooMany("1"))
    run_remote(api, lbe_request(), out)
    first, second = api_requests(api, "POST")
    assert second.time - first.time >= 0.95
    assert len(api.tasks) == 1


def test_server_errors_while_polling_are_retried_with_backoff(api, out):
    api.script([Started(), ServerError(500), ServerError(503, "Service Unavailable"), Redirect()])
    feedback = Feedback()
    result = run_remote(api, lbe_request(), out, feedback, backoff_base=0.05)
    task = api.task()
    assert task.served == ["Started", "ServerError", "ServerError", "Redirect"]
    assert task.intervals[1] >= 0.05 and task.intervals[2] >= 0.1  # backoff doubles
    assert any("HTTP 500" in message and "trying again" in message for message in feedback.messages)
    assert any("HTTP 503" in message for message in feedback.messages)
    assert bytes_of(result.files[0]) == DEFAULT_RESULT_BYTES
    assert_key_free(feedback=feedback)


def test_server_error_on_create_is_retried_and_creates_one_task(api, out):
    api.fail_next("create", ServerError(502, "Bad Gateway"))
    result = run_remote(api, lbe_request(), out)
    assert len(api_requests(api, "POST")) == 2
    assert len(api.tasks) == 1
    assert result.details["task_id"] == api.task().task_id


def test_server_errors_give_up_after_the_retries(api, out):
    api.script([ServerError(500)])
    with pytest.raises(RemoteError) as caught:
        run_remote(api, lbe_request(), out, max_retries=2)
    assert "HTTP 500" in str(caught.value) and "gave up after 3 attempts" in str(caught.value)
    assert api.task().polls == 3
    assert os.listdir(out) == []
    assert_key_free(caught.value)


def test_poll_interval_grows_up_to_the_maximum(api, out):
    api.script([Started()] * 5 + [Redirect()])
    run_remote(api, lbe_request(), out, poll_interval=0.1, poll_growth=2.0, poll_interval_max=0.4)
    intervals = api.task().intervals
    nominal = [0.1, 0.2, 0.4, 0.4, 0.4]
    assert len(intervals) == len(nominal)
    for measured, wanted in zip(intervals, nominal):
        assert measured >= wanted - 0.005, intervals
    assert intervals[1] > intervals[0] + 0.05 and intervals[2] > intervals[1] + 0.1, intervals
    assert max(intervals[3:]) < 0.4 + 0.15, f"the interval grew past its maximum: {intervals}"


# --- the result file ----------------------------------------------------------------------------------

def test_result_is_fetched_from_the_other_host_without_the_key(api, out):
    data = blob(50_000)
    api.add_file("bucket/crop", data)
    api.script([Started(), Redirect("bucket/crop", query="X-Amz-Signature=abc123&X-Amz-Expires=600")])
    result = run_remote(api, lbe_request(), out)
    assert bytes_of(result.files[0]) == data
    gets = file_gets(api, "bucket/crop")
    assert gets and gets[0].query.get("X-Amz-Signature") == "abc123"
    assert api.files.log, "the file server was never asked"
    for record in api.files.log:
        assert not record.carries(KEY)
        assert "x-api-key" not in record.headers and "api_key" not in record.query
    assert all(record.carries(KEY) for record in api.log)  # the API host does get it


def test_cut_off_download_is_resumed_with_range_and_whole(api, out, tmp_path):
    data = blob(300_000)
    api.add_file("cut", data, cut_after=100_000, cut_times=2)
    api.script([Redirect("cut")])
    feedback = Feedback()
    result = run_remote(api, lbe_request(), out, feedback)
    assert bytes_of(result.files[0]) == data
    assert os.listdir(out) == [os.path.basename(result.files[0])]
    ranges = [record.headers.get("range") for record in file_gets(api, "cut")]
    assert ranges[0] is None
    assert len(ranges) == 3 and all(value is not None and value.startswith("bytes=") for value in ranges[1:]), ranges
    # Resumed, not started over: each retry asks for the bytes after those kept, which are at most what
    # the cut answer sent (how much of it the HTTP library hands over before the cut is its own affair).
    first, second = (int(value[len("bytes="):-1]) for value in ranges[1:])
    assert 0 < first <= 100_000 and first < second <= first + 100_000, ranges
    assert leftovers(tmp_path) == []
    assert any("resuming" in message for message in feedback.messages)


def test_cut_off_download_through_the_client_leaves_only_the_whole_file(api, tmp_path):
    data = blob(120_000, seed=3)
    api.add_file("cut.bin", data, cut_after=1_000)
    folder = tmp_path / "fetch"
    folder.mkdir()
    path = RemoteClient(config_for(api.api_url)).download(f"{api.files_url}/cut.bin", str(folder), "crop")
    assert path == str(folder / "crop.tif")
    assert bytes_of(path) == data
    assert os.listdir(folder) == ["crop.tif"]


def test_download_cut_off_every_time_gives_up_and_leaves_nothing(api, out, tmp_path):
    api.add_file("always-cut", blob(40_000), cut_after=10_000, cut_times=1000)
    api.script([Redirect("always-cut")])
    with pytest.raises(RemoteError) as caught:
        run_remote(api, lbe_request(), out, max_retries=2)
    message = str(caught.value)
    assert "gave up after 3 attempts" in message and f"127.0.0.1:{api.files_port}" in message
    assert os.listdir(out) == [] and leftovers(tmp_path) == []
    assert_key_free(caught.value)


def _zip_bytes(tmp_path) -> bytes:
    path = tmp_path / "bands.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("B02.tif", b"II*\x00band")
        archive.writestr("MTD_TL.xml", "<tile/>")
    return path.read_bytes()


def _raster_bytes(tmp_path, driver: str, name: str) -> bytes:
    array = (np.arange(6 * 8).reshape(6, 8) + 100).astype(np.uint16)
    path = write_raster(str(tmp_path / "made" / name), array, driver=driver)
    return bytes_of(path)


@pytest.mark.parametrize(("kind", "extension", "result_type"), [
    ("zip", "zip", "zip"), ("GTiff", "tif", "tif"), ("JP2OpenJPEG", "jp2", "jp2"),
])
def test_result_type_comes_from_the_content(api, out, tmp_path, kind, extension, result_type):
    data = _zip_bytes(tmp_path) if kind == "zip" else _raster_bytes(tmp_path, kind, f"made.{extension}")
    api.add_file("object-without-extension", data, content_type="application/octet-stream")
    api.script([Redirect("object-without-extension")])
    bands = ("B04",) if kind == "JP2OpenJPEG" else ("B02", "B03", "B04")
    result = run_remote(api, lbe_request(bands=bands), out)
    assert result.result_type == result_type
    (path,) = result.files
    assert os.path.dirname(path) == out and path.endswith("." + extension)
    assert os.path.basename(path).startswith(STEM)
    assert bytes_of(path) == data
    if kind != "zip":
        dataset = gdal.Open(path)
        assert dataset is not None and (dataset.RasterXSize, dataset.RasterYSize) == (8, 6)
        assert dataset.GetRasterBand(1).ReadAsArray()[0, 0] == 100
        dataset = None
    else:
        with zipfile.ZipFile(path) as archive:
            assert sorted(archive.namelist()) == ["B02.tif", "MTD_TL.xml"]


def test_result_of_unknown_type_is_a_clear_data_error(api, out, tmp_path):
    api.add_file("mystery", b"\x00\x01\x02GARBAGE" * 100)
    api.script([Redirect("mystery")])
    with pytest.raises(DataError) as caught:
        run_remote(api, lbe_request(), out)
    assert "no known type" in str(caught.value)
    assert os.listdir(out) == [] and leftovers(tmp_path) == []


# --- failures -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("shape", FAILED_SHAPES)
def test_failed_task_raises_with_the_server_message_and_writes_nothing(api, out, ledger, shape):
    message = f"Scene S2/13/R/EL/2023/7/19/0 has no data in the AOI ({shape})"
    api.script([Started(), Processing(30), Failed(message, shape=shape)])
    feedback = Feedback()
    with pytest.raises(RemoteTaskFailed) as caught:
        run_remote(api, lbe_request(), out, feedback, ledger=ledger)
    assert message in str(caught.value)
    assert os.listdir(out) == []
    assert api.files.log == []
    (entry,) = ledger.entries()
    assert entry.status == "failed" and message in entry.message
    assert_key_free(caught.value, feedback)
    assert KEY.encode() not in bytes_of(ledger.path)


def test_answers_of_no_known_shape_are_waited_on_a_few_times_then_given_up(api, out):
    strange = ClientError(200, {"queue_position": 3})  # 200 JSON that says nothing this plugin knows
    # a known answer between the strange ones starts the count again
    api.script([Started(), *[strange] * (remote_module.UNKNOWN_ANSWERS_TOLERATED - 1), Processing(50),
                *[strange] * (remote_module.UNKNOWN_ANSWERS_TOLERATED - 1), Redirect(DEFAULT_RESULT_NAME)])
    result = run_remote(api, lbe_request(), out)
    assert len(result.files) == 1
    api.script([Started(), strange])
    with pytest.raises(RemoteError, match="does not understand"):
        run_remote(api, lbe_request(), out)
    assert api.task().polls == 1 + remote_module.UNKNOWN_ANSWERS_TOLERATED


def test_wrong_key_is_rejected_with_advice_and_without_the_key(api, out, http_log_records):
    feedback = Feedback()
    with pytest.raises(KeyRejected) as caught:
        run_remote(api, lbe_request(), out, feedback, key=WRONG_KEY)
    error = caught.value
    assert error.status == 401
    assert "check the api key" in str(error).lower()
    assert_key_free(error, feedback, http_log_records)
    assert api.tasks == {} and os.listdir(out) == []


def test_forbidden_key_403_is_rejected_likewise(out):
    with FakeApi(KEY, forbidden_keys=(FORBIDDEN_KEY,)) as api:
        with pytest.raises(KeyRejected) as caught:
            run_remote(api, lbe_request(), out, key=FORBIDDEN_KEY)
        assert caught.value.status == 403
        assert "403" in str(caught.value) and "check the api key" in str(caught.value).lower()
        assert "Access denied" in str(caught.value)
        assert_key_free(caught.value)
        assert api.tasks == {} and os.listdir(out) == []


def test_422_is_request_rejected_with_the_server_message(api, out):
    api.fail_next("create", ClientError(422, {"status": False, "error": "Unsupported band or operation: B99"}))
    with pytest.raises(RequestRejected) as caught:
        run_remote(api, lbe_request(), out)
    assert caught.value.status == 422
    assert "Unsupported band or operation: B99" in str(caught.value)
    assert api.tasks == {} and os.listdir(out) == []
    assert_key_free(caught.value)


def test_other_4xx_while_polling_shows_status_and_message(api, out):
    api.script([Started(), ClientError(400, {"status": False, "error": "Malformed task id"})])
    with pytest.raises(RequestRejected) as caught:
        run_remote(api, lbe_request(), out)
    assert "400" in str(caught.value) and "Malformed task id" in str(caught.value)
    assert os.listdir(out) == []


def test_unknown_task_is_a_404_error_naming_it(api):
    client = RemoteClient(config_for(api.api_url))
    unknown = str(uuid.uuid4())
    with pytest.raises(RemoteError) as caught:
        client.poll(unknown)
    assert caught.value.status == 404 and unknown in str(caught.value)
    with pytest.raises(RemoteError) as caught:
        client.wait(CreatedTask(unknown, None, None, "created", time.time()))
    assert caught.value.status == 404
    assert_key_free(caught.value)


# --- statistics ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("payload", [STATS_FLAT, STATS_NESTED], ids=["flat", "nested"])
def test_statistics_answer_is_written_as_json_into_the_output_folder(api, out, payload):
    api.script([Started(), Processing(50), Stats(payload)])
    feedback = RecordingFeedback()
    result = run_remote(api, stats_request(), out, feedback)
    assert result.task_type == "mt_stats" and result.result_type == "json"
    (path,) = result.files
    assert os.path.dirname(path) == out and os.path.basename(path) == "stats-1.json"  # the request's reference
    assert os.listdir(out) == [os.path.basename(path)]
    with open(path, encoding="utf-8") as stream:
        assert json.load(stream) == payload
    assert result.details["result"] == payload
    assert result.details["task_id"] == api.task().task_id
    assert api.files.log == []
    assert 50.0 in feedback.values
    assert_key_free(texts=[json.dumps(result.to_json_dict())])


# --- waiting limits -------------------------------------------------------------------------------------------

def test_max_wait_gives_up_with_a_clear_timeout(api, out):
    api.script([Started()])
    start = time.monotonic()
    with pytest.raises(RemoteTimeout) as caught:
        run_remote(api, lbe_request(), out, max_wait=0.3)
    assert time.monotonic() - start < 1.5
    message = str(caught.value)
    assert "did not finish within" in message and "0.3 s" in message
    assert api.task().polls >= 2
    assert os.listdir(out) == []
    assert_key_free(caught.value)


def test_task_timeout_gives_up_with_a_clear_timeout(api):
    api.script([Started()])
    client = RemoteClient(config_for(api.api_url))
    task = dataclasses.replace(client.create(lbe_request()), task_timeout=0.3, created_at=time.time())
    start = time.monotonic()
    with pytest.raises(RemoteTimeout) as caught:
        client.wait(task)
    assert time.monotonic() - start < 1.5
    assert "task_timeout of 0.3 s" in str(caught.value)
    assert api.task().polls >= 2


# --- cancellation ---------------------------------------------------------------------------------------------------

def _cancel_when(condition, feedback: Feedback, stamps: dict, delay: float = 0.0) -> threading.Thread:
    def watch() -> None:
        deadline = time.monotonic() + 10
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(delay)
        stamps["cancelled"] = time.monotonic()
        feedback.cancel()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def test_cancel_while_polling_stops_promptly(api, out, ledger, tmp_path):
    api.script([Started()])
    feedback = Feedback()
    stamps: dict = {}
    thread = _cancel_when(lambda: bool(api.tasks) and api.task().polls >= 3, feedback, stamps)
    with pytest.raises(TaskCancelled):
        run_remote(api, lbe_request(), out, feedback, ledger=ledger, poll_interval_max=0.5)
    raised = time.monotonic()
    thread.join()
    assert raised - stamps["cancelled"] < 1.0
    assert os.listdir(out) == [] and leftovers(tmp_path) == []
    (entry,) = ledger.entries()
    assert entry.status == "cancelled"


def test_cancel_while_downloading_stops_promptly_and_leaves_nothing(api, out, tmp_path):
    api.add_file("slow", blob(48_000), slow_bytes_per_second=16_000)  # three seconds to send
    api.script([Redirect("slow")])
    feedback = Feedback()
    stamps: dict = {}
    thread = _cancel_when(lambda: bool(file_gets(api, "slow")), feedback, stamps, delay=0.3)
    start = time.monotonic()
    with pytest.raises(TaskCancelled):
        run_remote(api, lbe_request(), out, feedback)
    raised = time.monotonic()
    thread.join()
    assert os.listdir(out) == [] and leftovers(tmp_path) == []
    assert raised - stamps["cancelled"] < 1.0, (
        f"cancelled {stamps['cancelled'] - start:.1f} s into the download, honoured only "
        f"{raised - stamps['cancelled']:.1f} s later")


# --- the network ----------------------------------------------------------------------------------------------

def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_closed_port_is_a_remote_error_after_retries_naming_the_host(out, http_log_records):
    port = _closed_port()
    backend = RemoteBackend(config_for(f"http://127.0.0.1:{port}/api/gdw", max_retries=2))
    feedback = Feedback()
    start = time.monotonic()
    with pytest.raises(RemoteError) as caught:
        run(lbe_request(), backend, out, feedback)
    assert time.monotonic() - start < 3
    message = str(caught.value)
    assert f"127.0.0.1:{port}" in message and "gave up after 3 attempts" in message
    assert f"cannot reach 127.0.0.1:{port}: Connection refused" in message  # both transports word it so
    assert sum("trying again" in text for text in feedback.messages) == 2
    assert_key_free(caught.value, feedback, http_log_records)
    assert os.listdir(out) == []


def test_a_certificate_nobody_vouches_for_is_refused_naming_the_cause(tmp_path):
    """A TLS server on 127.0.0.1 whose certificate is self-signed: the call fails, saying why."""
    cert, key = str(tmp_path / "cert.pem"), str(tmp_path / "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # the client hangs up on the untrusted certificate, as the test wants: no traceback

    server = Server(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        client = RemoteClient(config_for(f"https://127.0.0.1:{port}/api/gdw", max_retries=1))
        with pytest.raises(RemoteError) as caught:
            client.check_connection()
    finally:
        server.shutdown()
        server.server_close()
    message = str(caught.value)
    assert f"cannot reach 127.0.0.1:{port}: certificate verify failed; gave up after 2 attempts" in message
    assert_key_free(caught.value)


class SilentServer:
    """A listening socket that accepts connections and never answers."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.settimeout(0.05)
        self.port = self.socket.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _address = self.socket.accept()
            except (socket.timeout, OSError):
                continue
            self.accepted.append(connection)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        for connection in self.accepted:
            connection.close()
        self.socket.close()


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.close()


def test_server_that_never_answers_did_not_answer_within(silent_server, http_log_records):
    url = f"http://127.0.0.1:{silent_server.port}/api/gdw"
    client = RemoteClient(config_for(url, timeout=0.3, max_retries=1))
    start = time.monotonic()
    with pytest.raises(RemoteError) as caught:
        client.poll(str(uuid.uuid4()))
    assert time.monotonic() - start < 3
    message = str(caught.value)
    assert "did not answer within 0.3 s" in message and f"127.0.0.1:{silent_server.port}" in message
    assert len(silent_server.accepted) == 2  # one retry
    with pytest.raises(RemoteError) as caught_check:
        client.check_connection()
    assert "did not answer within 0.3 s" in str(caught_check.value)
    assert_key_free(caught.value, texts=http_log_records)
    assert_key_free(caught_check.value)


def test_create_on_a_server_that_never_answers_times_out_without_retrying(silent_server, out):
    backend = RemoteBackend(config_for(f"http://127.0.0.1:{silent_server.port}/api/gdw", timeout=0.3))
    with pytest.raises(RemoteTimeout) as caught:
        run(lbe_request(), backend, out)
    message = str(caught.value)
    assert "0.3 s" in message and f"127.0.0.1:{silent_server.port}" in message
    assert len(silent_server.accepted) == 1  # a lost answer to a create is not sent again: no duplicate task
    assert os.listdir(out) == []
    assert_key_free(caught.value)


# --- the key never appears ---------------------------------------------------------------------------------------

def test_key_is_in_no_log_record_message_ledger_or_result(api, out, ledger, http_log_records, transport):
    api.script([Started(), ServerError(500), Processing(40), Redirect(query="sig=1")])
    feedback = Feedback()
    result = run_remote(api, lbe_request(), out, feedback, ledger=ledger)
    if transport == "requests":
        assert any("/api/gdw/api" in record for record in http_log_records), "urllib3 logged no request line"
    else:  # QGIS's network: nothing goes through requests
        assert http_log_records == []
    assert_key_free(feedback=feedback, texts=http_log_records)
    assert feedback.messages
    assert_key_free(texts=[json.dumps(result.to_json_dict()), repr(result)])
    assert KEY.encode() not in bytes_of(ledger.path)
    assert not any(KEY.encode() in bytes_of(os.path.join(out, name)) for name in os.listdir(out))


# --- check_connection --------------------------------------------------------------------------------------------

def test_check_connection_with_the_right_key(api):
    answer = RemoteClient(config_for(api.api_url)).check_connection()
    assert f"127.0.0.1:{api.api_port}" in answer and "accepted the key" in answer
    assert KEY not in answer
    (record,) = api.log
    assert record.headers["x-api-key"] == KEY and record.query["api_key"] == KEY
    assert api.tasks == {}


def test_check_connection_with_a_wrong_key(api):
    with pytest.raises(KeyRejected) as caught:
        RemoteClient(config_for(api.api_url, WRONG_KEY)).check_connection()
    assert caught.value.status == 401 and "check the api key" in str(caught.value).lower()
    assert_key_free(caught.value)


def test_check_connection_with_a_forbidden_key():
    with FakeApi(KEY, forbidden_keys=(FORBIDDEN_KEY,)) as api:
        with pytest.raises(KeyRejected) as caught:
            RemoteClient(config_for(api.api_url, FORBIDDEN_KEY)).check_connection()
        assert caught.value.status == 403
        assert_key_free(caught.value)


# --- the ledger -------------------------------------------------------------------------------------------------

def test_run_records_the_task_in_the_ledger(api, out, ledger):
    request = lbe_request()
    result = run_remote(api, request, out, ledger=ledger)
    task = api.task()
    (entry,) = ledger.entries()
    assert entry.task_id == task.task_id and entry.req_id == task.req_id
    assert entry.request == request.to_dict()
    assert entry.status == "done" and entry.result_type == "tif"
    assert entry.result_files == result.files
    assert os.path.dirname(entry.result_files[0]) == out and os.path.isfile(entry.result_files[0])
    assert entry.task_timeout == 345600
    assert KEY.encode() not in bytes_of(ledger.path)


def test_identical_request_reuses_the_finished_result(api, out, ledger):
    first = run_remote(api, lbe_request("ref-1"), out, ledger=ledger)
    listing = sorted(os.listdir(out))
    stat = os.stat(first.files[0])
    file_requests = len(api.files.log)
    feedback = Feedback()
    again = run_remote(api, lbe_request("ref-2"), out, feedback, ledger=ledger)
    assert len(api.tasks) == 1 and len(api_requests(api, "POST")) == 1
    assert len(api.files.log) == file_requests
    assert again.files == first.files and again.details.get("reused") is True
    assert sorted(os.listdir(out)) == listing  # nothing copied
    assert os.stat(first.files[0]).st_mtime_ns == stat.st_mtime_ns
    assert any(api.task().task_id in message for message in feedback.messages)
    assert len(ledger.entries()) == 1


def test_force_sends_a_new_task(api, out, ledger):
    first = run_remote(api, lbe_request("ref-1"), out, ledger=ledger)
    again = run_remote(api, lbe_request("ref-2"), out, ledger=ledger, force=True)
    assert len(api.tasks) == 2
    assert again.files != first.files and all(os.path.isfile(path) for path in again.files + first.files)
    assert [entry.status for entry in ledger.entries()] == ["done", "done"]


def test_deleted_result_file_prevents_reuse(api, out, ledger):
    first = run_remote(api, lbe_request("ref-1"), out, ledger=ledger)
    os.remove(first.files[0])
    again = run_remote(api, lbe_request("ref-2"), out, ledger=ledger)
    assert len(api.tasks) == 2
    assert not again.details.get("reused")
    assert bytes_of(again.files[0]) == DEFAULT_RESULT_BYTES


def test_task_timed_out_on_our_side_is_resumed_later(api, out, ledger):
    api.script([Started()] * 20 + [Redirect(DEFAULT_RESULT_NAME)])
    with pytest.raises(RemoteTimeout):
        run_remote(api, lbe_request("ref-1"), out, ledger=ledger, max_wait=0.1)
    task = api.task()
    polls_before = task.polls
    assert polls_before < 20
    (entry,) = ledger.entries()
    assert entry.task_id == task.task_id and entry.status == "running"
    assert os.listdir(out) == []

    result = run_remote(api, lbe_request("ref-2"), out, ledger=ledger)
    assert len(api.tasks) == 1 and len(api_requests(api, "POST")) == 1
    assert task.polls > polls_before and task.served[-1] == "Redirect"
    assert bytes_of(result.files[0]) == DEFAULT_RESULT_BYTES
    (entry,) = ledger.entries()
    assert entry.task_id == task.task_id and entry.status == "done" and entry.result_files == result.files


def test_identical_statistics_request_reuses_the_json_and_its_result(api, out, ledger):
    first = run_remote(api, stats_request("stats-1"), out, ledger=ledger)
    again = run_remote(api, stats_request("stats-2"), out, ledger=ledger)
    assert len(api.tasks) == 1
    assert again.files == first.files and again.result_type == "json"
    # the reused result says the same as the first: the command line prints "result" for mt_stats
    assert again.details.get("result") == STATS_FLAT


# --- more edges ----------------------------------------------------------------------------------------------

def test_missing_result_file_on_storage_is_a_remote_error(api, out, tmp_path):
    api.script([Redirect("not-there.tif")])
    with pytest.raises(RemoteError) as caught:
        run_remote(api, lbe_request(), out)
    assert "404" in str(caught.value) and f"127.0.0.1:{api.files_port}" in str(caught.value)
    assert os.listdir(out) == [] and leftovers(tmp_path) == []


def test_cancel_before_the_run_creates_no_task(api, out):
    feedback = Feedback()
    feedback.cancel()
    with pytest.raises(TaskCancelled):
        run_remote(api, lbe_request(), out, feedback)
    assert api.tasks == {} and os.listdir(out) == []


def test_cancel_during_a_retry_after_wait_stops_promptly(api, out):
    api.script([Started(), TooMany("30"), Redirect()])
    feedback = Feedback()
    stamps: dict = {}
    thread = _cancel_when(lambda: bool(api.tasks) and api.task().polls >= 2, feedback, stamps, delay=0.2)
    with pytest.raises(TaskCancelled):
        run_remote(api, lbe_request(), out, feedback)
    raised = time.monotonic()
    thread.join()
    assert raised - stamps["cancelled"] < 1.0
    assert os.listdir(out) == []


@pytest.mark.parametrize("step", [
    ServerError(500, f"upstream failed for GET /api/gdw/api?api_key={KEY}"),
    Failed(f"task rejected for key {KEY}"),
    ClientError(400, {"status": False, "error": f"bad request (x-api-key: {KEY})"}),
    ClientError(401, {"status": False, "error": f"Key {KEY} expired"}),
], ids=["500", "failed", "400", "401"])
def test_a_server_echoing_the_key_does_not_leak_it(api, out, ledger, step):
    api.script([Started(), step])
    feedback = Feedback()
    with pytest.raises(RemoteError) as caught:
        run_remote(api, lbe_request(), out, feedback, ledger=ledger, max_retries=1)
    assert_key_free(caught.value, feedback)
    assert KEY.encode() not in bytes_of(ledger.path)


def _run_in_thread(target, feedback: Feedback, limit: float) -> tuple[dict, float, bool]:
    """Run target() in a thread; if it is still running after `limit` seconds, cancel it (so that the
    test suite does not hang) and report that it overran."""
    outcome: dict = {}

    def work() -> None:
        try:
            outcome["result"] = target()
        except BaseException as error:  # noqa: B036 - handed to the test
            outcome["error"] = error

    start = time.monotonic()
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(limit)
    overran = thread.is_alive()
    if overran:
        feedback.cancel()
        thread.join(10)
    return outcome, time.monotonic() - start, overran


def test_max_wait_is_honoured_while_the_server_keeps_answering_429(api, out):
    api.script([Started(), TooMany("1")])  # the 429 repeats forever
    feedback = Feedback()
    outcome, _elapsed, overran = _run_in_thread(
        lambda: run_remote(api, lbe_request(), out, feedback, max_wait=0.5), feedback, limit=4)
    assert not overran, f"still waiting after 4 s with max_wait=0.5 s ({api.task().polls} polls, all 429)"
    assert isinstance(outcome.get("error"), RemoteTimeout), outcome


def test_max_wait_is_honoured_when_retry_after_asks_for_longer(api, out):
    api.script([Started(), TooMany("4"), Started()])
    feedback = Feedback()
    outcome, elapsed, overran = _run_in_thread(
        lambda: run_remote(api, lbe_request(), out, feedback, max_wait=0.5), feedback, limit=8)
    assert not overran
    assert isinstance(outcome.get("error"), RemoteTimeout), outcome
    assert elapsed < 2.0, f"gave up only after {elapsed:.1f} s with max_wait=0.5 s (Retry-After: 4)"


# --- every wait ends (hostile servers) ----------------------------------------------------------------
# Each server below would keep the client busy for ever; `overran` (from _run_in_thread) says the
# client did not stop by itself long after its limit, and the test is then cancelled so as not to hang.

def _fails_by_itself(target, limit: float = 20) -> BaseException:
    feedback = Feedback()
    outcome, _elapsed, overran = _run_in_thread(lambda: target(feedback), feedback, limit)
    assert not overran, f"still busy after {limit} s"
    assert "error" in outcome, outcome
    return outcome["error"]


def test_a_dripping_status_answer_is_cut_off_at_the_timeout(api):
    api.script([Drip(Processing(40), seconds_per_byte=0.2)])  # 31 bytes: 6 s per answer
    client = RemoteClient(config_for(api.api_url, timeout=0.5, max_retries=1))
    task = client.create(lbe_request())
    error = _fails_by_itself(lambda _feedback: client.poll(task.task_id))
    assert isinstance(error, RemoteError) and not isinstance(error, RemoteTimeout)
    assert "did not send its whole answer within 0.5 s; gave up after 2 attempts" in str(error)
    assert api.task().polls == 2
    assert_key_free(error)


def test_a_dripping_status_answer_stops_at_max_wait_and_the_ledger_keeps_the_task(api, out, ledger, tmp_path):
    api.script([Drip(Started(), seconds_per_byte=0.5)])
    error = _fails_by_itself(lambda feedback: run_remote(api, lbe_request(), out, feedback, ledger=ledger,
                                                         timeout=60, max_wait=1))
    assert isinstance(error, RemoteTimeout)
    message = str(error)
    assert "did not finish within the waiting limit of 1 s" in message and "task ledger" in message
    (entry,) = ledger.entries()
    assert entry.task_id == api.task().task_id and entry.status == "running"
    assert os.listdir(out) == [] and leftovers(tmp_path) == []


def test_a_status_answer_whose_headers_drip_is_cut_off_at_the_timeout(api, transport):
    api.script([DripHead(seconds_per_byte=0.3)])  # each byte within the read timeout, the head never whole
    client = RemoteClient(config_for(api.api_url, timeout=1, max_retries=1))
    task = client.create(lbe_request())
    error = _fails_by_itself(lambda _feedback: client.poll(task.task_id), limit=15)
    assert isinstance(error, RemoteError) and not isinstance(error, RemoteTimeout)
    # Qt says nothing of a head that began to come: QGIS's network words it as no answer at all
    began = "did not send its whole answer" if transport == "requests" else "did not answer"
    assert f"{began} within 1 s; gave up after 2 attempts" in str(error)
    assert api.task().polls == 2
    assert_key_free(error)


def test_a_create_answer_whose_headers_drip_stops_at_max_wait(api, out, ledger):
    api.fail_next("create", DripHead(seconds_per_byte=0.3))
    error = _fails_by_itself(lambda feedback: run_remote(api, lbe_request(), out, feedback, ledger=ledger,
                                                         timeout=60, max_wait=2), limit=15)
    assert isinstance(error, RemoteTimeout)
    assert "was not created within the waiting limit of 2 s" in str(error)
    assert os.listdir(out) == []
    assert_key_free(error)


def test_an_endless_status_answer_is_refused_at_its_cap(api, out):
    api.script([Endless()])
    error = _fails_by_itself(lambda feedback: run_remote(api, lbe_request(), out, feedback,
                                                         statistics_max_bytes=1024 * 1024))
    assert isinstance(error, RemoteError)
    assert "larger than 1 MiB, the most an API answer may be" in str(error)
    assert api.task().polls == 1  # not retried: it would be as large again
    assert os.listdir(out) == []


def test_an_endless_create_answer_is_refused_at_its_cap(api, out):
    api.fail_next("create", Endless())
    error = _fails_by_itself(lambda feedback: run_remote(api, lbe_request(), out, feedback,
                                                         answer_max_bytes=256 * 1024))
    assert "larger than 256 KiB" in str(error)


def test_a_slow_endless_status_answer_is_cut_off_at_max_wait(api, out):
    api.script([Endless(bytes_per_second=20_000)])
    error = _fails_by_itself(lambda feedback: run_remote(api, lbe_request(), out, feedback, timeout=60, max_wait=1))
    assert isinstance(error, RemoteTimeout) and "waiting limit of 1 s" in str(error)


def test_429_with_a_huge_retry_after_on_create_stops_at_max_wait_at_once(api, out):
    api.fail_next("create", TooMany("999999999"))
    error = _fails_by_itself(lambda feedback: run_remote(api, lbe_request(), out, feedback, max_wait=2))
    assert isinstance(error, RemoteTimeout)
    message = str(error)
    assert "was not created within the waiting limit of 2 s" in message
    assert "the API asked to wait 999999999 s more for its rate limit" in message and "nothing was sent" in message
    assert api.tasks == {} and len(api_requests(api, "POST")) == 1


def test_429_for_ever_on_create_without_max_wait_ends_after_capped_waits(api, out):
    api.fail_next("create", *[TooMany("999999999")] * 5)
    feedback = Feedback()
    outcome, _elapsed, overran = _run_in_thread(
        lambda: run_remote(api, lbe_request(), out, feedback, max_retry_after=0.05, max_rate_limited=3),
        feedback, limit=20)
    assert not overran
    error = outcome["error"]
    assert isinstance(error, RemoteError) and error.status == 429
    assert "refused 4 times in a row for its rate limit" in str(error)
    waits = [text for text in feedback.messages if "rate limit reached" in text]
    assert len(waits) == 3 and all("waiting 0.05 s" in text for text in waits)
    assert api.tasks == {}


def test_retry_after_is_never_negative_and_reads_dates():
    assert retry_after_seconds("999999999", 2.0) == 999999999.0
    assert retry_after_seconds(http_date(-60), 2.0) == 0.0
    assert retry_after_seconds("soon", 2.0) == 2.0


def test_server_error_backoff_stops_at_max_wait(api, out):
    api.script([Started(), ServerError(503)])  # the 503 repeats for ever
    error = _fails_by_itself(lambda feedback: run_remote(api, lbe_request(), out, feedback, backoff_base=1,
                                                         max_retries=6, max_wait=1.5))
    assert isinstance(error, RemoteTimeout)
    message = str(error)
    assert "did not finish within the waiting limit of 1.5 s" in message and "HTTP 503" in message
    assert api.task().polls < 5  # backoff 1 s, 2 s ...: the second wait is not begun


def test_an_endless_result_stops_at_max_wait_and_leaves_nothing(api, out, ledger, tmp_path):
    api.add_file("endless.tif", blob(4096), endless=True, slow_bytes_per_second=200_000)
    api.script([Redirect("endless.tif")])
    error = _fails_by_itself(lambda feedback: run_remote(api, lbe_request(), out, feedback, ledger=ledger, max_wait=1.5))
    assert isinstance(error, RemoteTimeout)
    assert "was not downloaded within the waiting limit of 1.5 s" in str(error)
    assert os.listdir(out) == [] and leftovers(tmp_path) == []
    (entry,) = ledger.entries()
    assert entry.status == "running"  # done on the server: resumable, to download it


def test_an_endless_result_stops_at_the_download_limit_without_max_wait(api, out, tmp_path):
    api.add_file("endless.tif", blob(4096), endless=True, slow_bytes_per_second=200_000)
    api.script([Redirect("endless.tif")])
    error = _fails_by_itself(lambda feedback: run_remote(api, lbe_request(), out, feedback, download_timeout=1))
    assert isinstance(error, RemoteTimeout) and "download limit of 1 s" in str(error)
    assert "without a task ledger, it cannot be resumed" in str(error)  # run_remote keeps no ledger
    assert os.listdir(out) == [] and leftovers(tmp_path) == []


def test_an_endless_result_is_refused_at_the_download_cap(api, out, ledger, tmp_path):
    api.add_file("endless.tif", blob(65536), endless=True)
    api.script([Redirect("endless.tif")])
    error = _fails_by_itself(lambda feedback: run_remote(api, lbe_request(), out, feedback, ledger=ledger,
                                                         download_max_bytes=2 * 1024 * 1024))
    assert isinstance(error, DownloadRefused)
    assert "larger than 2 MiB, the most a download may be" in str(error)
    assert os.listdir(out) == [] and leftovers(tmp_path) == []
    assert ledger.entries()[0].status == "running"


def test_a_result_announced_larger_than_the_cap_is_refused_before_writing(api, out, tmp_path):
    api.add_file("big.tif", blob(1000), declared_length=5 * 1024 * 1024)
    api.script([Redirect("big.tif")])
    error = _fails_by_itself(lambda feedback: run_remote(api, lbe_request(), out, feedback,
                                                         download_max_bytes=4 * 1024 * 1024))
    assert isinstance(error, DownloadRefused) and "larger than 4 MiB" in str(error)
    assert os.listdir(out) == [] and leftovers(tmp_path) == []


def test_a_result_that_cannot_fit_on_the_disk_is_refused_before_writing(api, out, tmp_path):
    # a Content-Length of 1 PB: larger than any disk of the test machine
    api.add_file("huge.tif", blob(1000), declared_length=10 ** 15)
    api.script([Redirect("huge.tif")])
    error = _fails_by_itself(lambda feedback: run_remote(api, lbe_request(), out, feedback,
                                                         download_max_bytes=10 ** 16))
    assert isinstance(error, DownloadRefused)
    message = str(error)
    assert "does not fit in" in message and "100 MiB are kept free" in message
    assert os.listdir(out) == [] and leftovers(tmp_path) == []


def test_a_download_stops_when_the_disk_fills_while_writing(api, out, tmp_path, monkeypatch):
    # The free-space figure only is made up: the disk "has" 3 MiB, minus what is written in out.
    real_disk_usage = remote_module.shutil.disk_usage

    def three_mib_disk(path):
        usage = real_disk_usage(path)
        written = sum(os.path.getsize(os.path.join(root, name)) for root, _folders, names in os.walk(out)
                      for name in names)
        return type(usage)(usage.total, usage.used, 3 * 1024 * 1024 - written)

    monkeypatch.setattr(remote_module.shutil, "disk_usage", three_mib_disk)
    monkeypatch.setattr(remote_module, "DISK_CHECK_BYTES", 128 * 1024)
    api.add_file("endless.tif", blob(65536), endless=True)  # no Content-Length: nothing to check before
    api.script([Redirect("endless.tif")])
    error = _fails_by_itself(lambda feedback: run_remote(api, lbe_request(), out, feedback,
                                                         disk_margin_bytes=1024 * 1024))
    assert isinstance(error, DownloadRefused)
    message = str(error)
    assert "is nearly full" in message and "1 MiB are kept free" in message
    assert os.listdir(out) == [] and leftovers(tmp_path) == []


def test_a_relative_location_is_resolved_against_the_api_url(api, out):
    api.script([Redirect(relative=True)])
    result = run_remote(api, lbe_request(), out)
    (path,) = result.files
    assert bytes_of(path) == DEFAULT_RESULT_BYTES
    (fetch,) = [record for record in api.log if record.path == "/api/gdw/results/" + DEFAULT_RESULT_NAME]
    assert fetch.method == "GET" and not fetch.carries(KEY)
    assert api.files.log == []


# --- the key, in any form ---------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    "first-line-SECRET\nsecond-line-SECRET", "with space-SECRET", "tab\tSECRET", "nul\x00SECRET",
    "del\x7fSECRET", "non-ascii-SECRET-\u00e9", "cr-SECRET\r-more",
], ids=["line break", "space", "tab", "nul", "del", "non-ascii", "cr"])
def test_a_key_with_characters_no_key_has_is_refused_without_echoing_it(value):
    with pytest.raises(InvalidApiKey) as caught:
        ApiKey(value)
    assert isinstance(caught.value, RequestError)  # the command line exits 2
    text = str(caught.value) + repr(caught.value)
    assert "line break" in text
    for part in value.replace("\x00", "\n").replace("\x7f", "\n").replace("\t", "\n").replace("\r", "\n").split():
        assert part not in text


def test_surrounding_blank_lines_are_not_part_of_the_key():
    assert ApiKey("\n  " + KEY + "\n").reveal() == KEY


def test_redact_finds_the_key_escaped_url_encoded_and_in_any_case():
    value = "Ab+c/D=e%f~G:h\\i'j\"k"
    key = ApiKey(value)
    forms = [
        value, repr(value), json.dumps(value), value.lower(), value.upper(),
        remote_module.quote(value, safe=""), remote_module.quote(value, safe="").lower(),
        remote_module.quote_plus(value), value.encode("unicode_escape").decode(),
    ]
    for form in forms:
        redacted = key.redact(f"before {form} after")
        assert redacted.startswith("before ") and redacted.endswith(" after"), redacted
        for piece in ("Ab+c", "e%f~G", "h\\i", "ab%2bc", "AB%2BC"):
            assert piece.lower() not in redacted.lower(), (form, redacted)


def test_log_records_are_redacted_for_every_live_key(http_log_records):
    key = ApiKey("LoggedKey-123+/=")
    RemoteClient(config_for("http://127.0.0.1:1/api/gdw", key="LoggedKey-123+/="))
    logger = logging.getLogger("urllib3.connectionpool")
    logger.debug("GET /x?token=%s HTTP/1.1", remote_module.quote(key.reveal(), safe="").lower())
    logger.debug("header x-api-key: %s", key.reveal())
    assert http_log_records[-2:] and all("loggedkey" not in record.lower() for record in http_log_records[-2:])
