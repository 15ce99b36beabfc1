"""A fake of the EOS Processing ("GDW") task API, its object storage and its scene search, for tests.

The plugin's remote client is tested against this fake instead of a mocked ``requests``: two real
HTTP servers on 127.0.0.1 (ports chosen by the OS), each in a daemon thread, speaking the protocol of
``docs/task-api.md`` (create, poll, 303 to the result file, statistics JSON, errors, 429, search).

    with FakeApi() as api:
        api.add_file("crop.tif", data)
        api.script([Started(), Processing(40), TooMany("2"), Redirect("crop.tif")])
        client = RemoteClient(config_for(api.api_url, api.valid_key))
        ...
        assert api.task().polls == 4
        assert not any(r.carries(api.valid_key) for r in api.files.log)

Servers
    API server   ``api_url``    = ``http://127.0.0.1:{port}/api/gdw``
                 ``search_url`` = ``http://127.0.0.1:{port}/api/lms/search/v2``
    file server  ``files_url``  = ``http://127.0.0.1:{other port}`` (object storage: another host)

API endpoints (every call: key as header ``x-api-key`` or query ``api_key``; the header wins when
both are given; missing or wrong → 401 ``{"status": false, "error": "Invalid API key"}``, a key in
``forbidden_keys`` → 403)
    ``POST {api_url}/api``            create a task; body ``{"type", "params", "callback_url"?}``.
                                      Invalid JSON or not an object → 400; a type not in ``TASK_TYPES``
                                      → 422 ``{"status": false, "error": "Unsupported band or operation"}``.
                                      ``create_mode="200-created"``: 200 ``{"status": "created",
                                      "task_id", "req_id", "task_timeout": 345600}``;
                                      ``"202-authentication"`` (older host): 202 ``{"status":
                                      "authentication", "task_id"}``. Params are not validated: tests
                                      read them back from ``api.task().params``.
    ``GET {api_url}/api/{task_id}``   poll: answers the task's next script step (below); the last step
                                      repeats forever. Unknown task id → 404 JSON.
    ``POST {search_url}/{dataset}``   scene search (docs/task-api.md#scene-search); ``POST {search_url}`` with
                                      ``search.satellites``.

Scripts: ``api.script(steps)`` queues the script of the NEXT created task (FIFO). With the queue empty
a task gets ``api.default_script``: a list of steps, or a callable ``task -> steps`` (the default,
``default_script_for``, gives ``STATS_SCRIPT`` to ``mt_stats`` and ``DOWNLOAD_SCRIPT`` to the others;
``DOWNLOAD_SCRIPT`` redirects to ``DEFAULT_RESULT_NAME``, a file registered at construction).

Steps (frozen dataclasses; each answers one poll)
    ``Started(reference=None, token=...)``   200 ``{"task_type": "started", "reference": null, "token",
                                             "result_url": "", "client_id": 0, "download_id": 0}``
    ``Processing(progress=40)``              200 ``{"status": "processing", "progress": 40}``
                                             (``progress=None`` leaves the key out)
    ``TooMany(retry_after="2", body=None)``  429, header ``Retry-After`` as given (seconds or an HTTP
                                             date, see ``http_date``; None = no header), JSON body
    ``ServerError(code=500, body=...)``      that status, text body
    ``Redirect(file_name, query="")``        303, ``Location: {files_url}/{file_name}[?query]``, text body
    ``Stats(payload=None)``                  200 JSON statistics (default ``STATS_FLAT``; also
                                             ``STATS_NESTED``, the per-index ``"indexes"`` shape)
    ``Failed(message, shape="error", code=200)``  shape "error" ``{"status": false, "error": m}``,
                                             "error_message" ``{"error_message": m}``, "task_type_error"
                                             ``{"task_type": "error", "error": m}``, "status_false"
                                             ``{"status": false, "message": m}``
    ``ClientError(code=422, body=None)``     that status; a dict/list body as JSON, a str as text

Misbehaving answers (steps too)
    ``Drip(step, seconds_per_byte=0.5)``     ``step``'s answer, its body sent one byte at a time
    ``DripHead(seconds_per_byte=0.3)``       a status line and headers sent one byte at a time, for ever
                                             (the last header never ends: no body is ever reached)
    ``Endless(status=200, bytes_per_second=None)``  that status, JSON-looking, no ``Content-Length``,
                                             a body that never ends (until the client leaves)
    ``Redirect(..., relative=True)``         ``Location: /api/gdw/results/{file_name}``: relative, on
                                             the API's host, which serves the registered files there too

``api.fail_next(kind, *steps)`` ("create" or "search"): the next requests of that kind (after the key
check) are answered by these steps (``TooMany``, ``ServerError``, ``ClientError``, ``Drip``,
``DripHead``, ``Endless``) instead.

File server: ``GET/HEAD /{name}`` of files registered with ``api.add_file(name, data, cut_after=None,
cut_times=1, slow_bytes_per_second=None, endless=False, declared_length=None)``: ``Content-Length``, ``Content-Type`` by extension,
``Accept-Ranges: bytes``, ``ETag``; ``Range: bytes=N-`` (also ``N-M``, ``-K``) → 206 with
``Content-Range``, past the end → 416. The first ``cut_times`` GETs of a file with ``cut_after`` send the
full ``Content-Length`` but only ``cut_after`` bytes, then close the connection. Slow mode
(``slow_bytes_per_second`` per file, or ``api.slow_bytes_per_second`` for all) trickles the body so a
test can cancel mid-download; closing the fake stops it. ``endless=True`` sends no ``Content-Length`` and
the data over and over, never ending; ``declared_length`` claims that ``Content-Length`` whatever the data
is. Unknown name → 404 S3-style XML.

Records (all times are ``time.monotonic()``)
    ``api.log`` / ``api.files.log``  every request received: ``LoggedRequest(method, path, query,
                                     headers, body, time)`` (lower-case header names, query as a dict of
                                     the last value per name); ``carries(secret)`` and ``json()`` helpers.
    ``api.tasks`` / ``api.task(id=None)``  ``Task`` records: type, params, body, callback_url,
                                     ``poll_times``, ``polls``, ``intervals``, ``served`` (step names).
    ``api.files_log``                the same list as ``api.files.log``.
    ``api.file_requests(name)``      GETs answered for a file (cut-off ones included).
    ``api.search_log``               ``SearchRecord(datasets, body)`` per search.
    ``api.errors``                   exceptions raised inside the fake's handlers (should stay empty).

Search (docs/task-api.md#scene-search): scenes from ``api.add_scene(dataset, view_id, date, cloud, footprint_geojson,
scene_id=None, **extra)``; filters ``search.date`` ({from, to} inclusive on the day, a list of days, or
one day), ``search.cloudCoverage`` ({from, to} inclusive), ``search.shape`` against the footprint by
bounding boxes (``shapeRelation`` INTERSECTS, touching counts, or CONTAINS: the footprint's box holds the
shape's box); newest first unless ``sort.date`` is "asc" (ties by view_id); ``limit`` (default 500) and
1-based ``page``; ``fields`` keeps only those keys. Answer ``{"meta": {"found", "page", "limit", "name"},
"results": [...]}``, ``name`` being the dataset (comma-joined for several). Several datasets:
``search.satellites`` on ``POST {search_url}`` (missing there → 400). A dataset that is neither in
``SEARCH_DATASETS`` nor registered → 404; bad JSON, limit or page → 400.

Other helpers: ``http_date(seconds_from_now)`` (a Retry-After date), ``bbox_of(geometry)``,
``content_type_for(name)``; ``api_port`` / ``files_port``; ``start()`` / ``close()`` besides ``with``.
The constructor also takes keyword-only ``forbidden_keys=()`` and ``key_in=("header", "query")``
(``("query",)`` fakes the older host that ignores the header).
"""

from __future__ import annotations

import contextlib
import copy
import email.utils
import hashlib
import itertools
import json
import re
import socket
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Union
from urllib.parse import parse_qsl, quote, unquote, urlsplit

API_PREFIX = "/api/gdw"
RESULTS_PATH = "/results"  # under API_PREFIX: the registered files, for relative redirects
SEARCH_PREFIX = "/api/lms/search/v2"
TASK_TYPES = ("lbe", "jpeg", "bandmath", "mt_stats")
TASK_TIMEOUT = 345600
SEARCH_DATASETS = ("sentinel2", "sentinel2l2a", "landsat8", "landsat9", "landsat7", "naip", "modis")
SEARCH_DEFAULT_LIMIT = 500
CREATE_MODES = ("200-created", "202-authentication")
FAILED_SHAPES = ("error", "error_message", "task_type_error", "status_false")

INVALID_KEY_BODY = {"status": False, "error": "Invalid API key"}
FORBIDDEN_KEY_BODY = {"status": False, "error": "Access denied for this API key"}
UNSUPPORTED_BODY = {"status": False, "error": "Unsupported band or operation"}
TASK_NOT_FOUND_BODY = {"status": False, "error": "Task not found"}
TOO_MANY_BODY = {"status": False, "error": "Too Many Requests"}
STARTED_TOKEN = "apk.e9c25096d90787dd0f21a0ea1946dd6635556ccec7d4145f4402aea843748e49"

DEFAULT_RESULT_NAME = "result.tif"
DEFAULT_RESULT_BYTES = b"II*\x00\x08\x00\x00\x00" + bytes(range(256)) * 4

# The statistics answer of the seed page (003): one error, two flat results (no view_id, no std).
STATS_FLAT: dict = {
    "errors": [
        {
            "status": False,
            "date": "2018-09-30",
            "scene_id": "LC08_L1TP_180026_20180930_20181010_01_T1",
            "error": "Scene with given ID does not exist",
        }
    ],
    "result": [
        {
            "q1": 0.0205063559114933,
            "q3": 0.02711761463433504,
            "min": 0.01099664717912674,
            "p90": 0.029728015884757042,
            "max": 0.04058815538883209,
            "average": 0.023794656071338915,
            "median": 0.02409234829246998,
            "p10": 0.016829398274421693,
            "date": "2018-01-26",
            "scene_id": "LC08_L1TP_179026_20180126_20180126_01_RT",
            "variance": 2.458548522568638e-05,
            "cloud": 0.0,
        },
        {
            "q1": 0.18435029685497284,
            "q3": 0.20106831938028336,
            "min": -0.05357639864087105,
            "p90": 0.21829643845558175,
            "max": 0.7094192504882812,
            "average": 0.1850922020896449,
            "median": 0.19363175332546234,
            "p10": 0.07619943767786028,
            "date": "2018-08-13",
            "scene_id": "LC08_L1TP_180026_20180813_20180828_01_T1",
            "variance": 0.00861295855986984,
            "cloud": 0.0,
        },
    ],
}


def _figures(average: float, spread: float) -> dict:
    return {
        "min": round(average - 3 * spread, 6),
        "max": round(average + 3 * spread, 6),
        "average": average,
        "median": round(average + spread / 10, 6),
        "std": spread,
        "variance": round(spread * spread, 8),
        "q1": round(average - spread * 0.67, 6),
        "q3": round(average + spread * 0.67, 6),
        "p10": round(average - spread * 1.28, 6),
        "p90": round(average + spread * 1.28, 6),
    }


# The newer shape with several indices: the figures nested per index under "indexes".
STATS_NESTED: dict = {
    "errors": [
        {
            "status": False,
            "date": "2023-07-24",
            "scene_id": "S2A_MSIL1C_20230724T173911_N0509_R098_T13REL_20230724T225607",
            "view_id": "S2/13/R/EL/2023/7/24/0",
            "error": "Cloud cover in AOI is above the limit",
        }
    ],
    "result": [
        {
            "date": "2023-07-19",
            "scene_id": "S2B_MSIL1C_20230719T173909_N0509_R098_T13REL_20230719T211712",
            "view_id": "S2/13/R/EL/2023/7/19/0",
            "cloud": 1.25,
            "indexes": {"NDVI": _figures(0.412, 0.071), "NDWI": _figures(-0.318, 0.044)},
        },
        {
            "date": "2023-07-14",
            "scene_id": "S2A_MSIL1C_20230714T173911_N0509_R098_T13REL_20230714T225300",
            "view_id": "S2/13/R/EL/2023/7/14/0",
            "cloud": 0.0,
            "indexes": {"NDVI": _figures(0.398, 0.068), "NDWI": _figures(-0.305, 0.041)},
        },
    ],
}

_CONTENT_TYPES = {
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".jp2": "image/jp2",
    ".zip": "application/zip",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain",
}
JSON_TYPE = "application/json; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"


def http_date(seconds_from_now: float = 0.0) -> str:
    """An HTTP date (as in ``Retry-After``) ``seconds_from_now`` seconds ahead."""
    return email.utils.formatdate(time.time() + seconds_from_now, usegmt=True)


def content_type_for(name: str) -> str:
    lowered = name.lower()
    for extension, content_type in _CONTENT_TYPES.items():
        if lowered.endswith(extension):
            return content_type
    return "application/octet-stream"


# --------------------------------------------------------------------------------------------------
# Answers and steps


@dataclass
class _Answer:
    status: int
    body: bytes = b""
    headers: list = field(default_factory=list)
    drip: float | None = None  # seconds between the body's bytes
    endless: bool = False  # the body, then more of it for ever (no Content-Length)
    bytes_per_second: float | None = None  # of an endless body
    head_drip: float | None = None  # seconds between the bytes of a head that never ends


def _json_answer(status: int, data: Any, headers: list | None = None) -> _Answer:
    body = json.dumps(data).encode("utf-8")
    return _Answer(status, body, [("Content-Type", JSON_TYPE), *(headers or [])])


def _text_answer(status: int, text: str, headers: list | None = None) -> _Answer:
    return _Answer(status, text.encode("utf-8"), [("Content-Type", TEXT_TYPE), *(headers or [])])


def _body_answer(status: int, body: Any, headers: list | None = None) -> _Answer:
    if isinstance(body, bytes):
        return _Answer(status, body, [("Content-Type", "application/octet-stream"), *(headers or [])])
    if isinstance(body, str):
        return _text_answer(status, body, headers)
    return _json_answer(status, body, headers)


@dataclass(frozen=True)
class Started:
    """The task was received and runs (the seed's ``"task_type": "started"`` answer)."""

    reference: str | None = None
    token: str = STARTED_TOKEN

    def answer(self, api: FakeApi, task: Task) -> _Answer:
        return _json_answer(200, {
            "task_type": "started",
            "reference": self.reference,
            "token": self.token,
            "result_url": "",
            "client_id": 0,
            "download_id": 0,
        })


@dataclass(frozen=True)
class Processing:
    """Still running, the ``"status": "processing"`` variant, with an optional progress."""

    progress: float | None = 40

    def answer(self, api: FakeApi, task: Task) -> _Answer:
        data: dict = {"status": "processing"}
        if self.progress is not None:
            data["progress"] = self.progress
        return _json_answer(200, data)


@dataclass(frozen=True)
class TooMany:
    """429 with ``Retry-After`` (seconds, or an HTTP date string); None sends no header."""

    retry_after: str | int | float | None = "2"
    body: Any = None

    def answer(self, api: FakeApi | None = None, task: Task | None = None) -> _Answer:
        headers = [] if self.retry_after is None else [("Retry-After", str(self.retry_after))]
        return _body_answer(429, TOO_MANY_BODY if self.body is None else self.body, headers)


@dataclass(frozen=True)
class ServerError:
    """A 5xx (or any) status with a text body."""

    code: int = 500
    body: str = "Internal Server Error"

    def answer(self, api: FakeApi | None = None, task: Task | None = None) -> _Answer:
        return _text_answer(self.code, self.body)


@dataclass(frozen=True)
class Redirect:
    """303 See Other to ``{files_url}/{file_name}`` (plus ``?query``, e.g. a fake signature)."""

    file_name: str = DEFAULT_RESULT_NAME
    query: str = ""
    relative: bool = False

    def answer(self, api: FakeApi, task: Task) -> _Answer:
        if self.relative:
            location = f"{API_PREFIX}{RESULTS_PATH}/{quote(self.file_name)}"
        else:
            location = f"{api.files_url}/{quote(self.file_name)}"
        if self.query:
            location += "?" + self.query
        return _text_answer(303, f"See Other: {location}\n", [("Location", location)])


@dataclass(frozen=True)
class Stats:
    """200 with the statistics JSON (default ``STATS_FLAT``)."""

    payload: Any = None

    def answer(self, api: FakeApi, task: Task) -> _Answer:
        return _json_answer(200, STATS_FLAT if self.payload is None else self.payload)


@dataclass(frozen=True)
class Failed:
    """The task failed: one of the documented error shapes (``FAILED_SHAPES``), with status ``code``."""

    message: str = "Task failed"
    shape: str = "error"
    code: int = 200

    def __post_init__(self) -> None:
        if self.shape not in FAILED_SHAPES:
            raise ValueError(f"Failed.shape must be one of {FAILED_SHAPES}, not {self.shape!r}")

    def answer(self, api: FakeApi | None = None, task: Task | None = None) -> _Answer:
        data = {
            "error": {"status": False, "error": self.message},
            "error_message": {"error_message": self.message},
            "task_type_error": {"task_type": "error", "error": self.message},
            "status_false": {"status": False, "message": self.message},
        }[self.shape]
        return _json_answer(self.code, data)


@dataclass(frozen=True)
class ClientError:
    """A 4xx (or any) status; a dict/list body as JSON, a str as text. Default: the documented 422."""

    code: int = 422
    body: Any = None

    def answer(self, api: FakeApi | None = None, task: Task | None = None) -> _Answer:
        return _body_answer(self.code, UNSUPPORTED_BODY if self.body is None else self.body)


@dataclass(frozen=True)
class Drip:
    """Another step's answer whose body comes one byte every ``seconds_per_byte``."""

    step: Any = field(default_factory=Processing)
    seconds_per_byte: float = 0.5

    def answer(self, api: FakeApi | None = None, task: Task | None = None) -> _Answer:
        answer = self.step.answer(api, task)
        answer.drip = self.seconds_per_byte
        return answer


@dataclass(frozen=True)
class Endless:
    """That status and a JSON-looking body without Content-Length that never ends."""

    status: int = 200
    bytes_per_second: float | None = None

    def answer(self, api: FakeApi | None = None, task: Task | None = None) -> _Answer:
        return _Answer(self.status, b'{"status": "processing", "padding": "' + b"x" * 65536,
                       [("Content-Type", JSON_TYPE)], endless=True, bytes_per_second=self.bytes_per_second)


@dataclass(frozen=True)
class DripHead:
    """A status line and headers that come one byte every ``seconds_per_byte``, for ever: the last
    header never ends, so the answer's head is never whole."""

    seconds_per_byte: float = 0.3

    def answer(self, api: FakeApi | None = None, task: Task | None = None) -> _Answer:
        return _Answer(200, headers=[("Content-Type", JSON_TYPE)], head_drip=self.seconds_per_byte)


Step = Union[Started, Processing, TooMany, ServerError, Redirect, Stats, Failed, ClientError, Drip, DripHead, Endless]
STEP_TYPES = (Started, Processing, TooMany, ServerError, Redirect, Stats, Failed, ClientError, Drip, DripHead,
              Endless)

DOWNLOAD_SCRIPT: tuple = (Started(), Processing(progress=50), Redirect(DEFAULT_RESULT_NAME))
STATS_SCRIPT: tuple = (Started(), Processing(progress=50), Stats())


def default_script_for(task: Task) -> tuple:
    """The script of a task created with no queued script: statistics for mt_stats, else a download."""
    return STATS_SCRIPT if task.type == "mt_stats" else DOWNLOAD_SCRIPT


# --------------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str
    query: dict
    headers: dict
    body: bytes
    time: float

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))

    def carries(self, secret: str) -> bool:
        """Whether ``secret`` appears in the path, a query name or value, a header value or the body."""
        if not secret:
            return False
        texts = [self.path, *self.query.keys(), *self.query.values(), *self.headers.values()]
        return any(secret in text for text in texts) or secret.encode("utf-8") in self.body


@dataclass
class Task:
    task_id: str
    req_id: str
    type: str
    params: Any
    callback_url: str | None
    body: dict
    script: tuple
    created_at: float
    poll_times: list = field(default_factory=list)
    served: list = field(default_factory=list)

    @property
    def polls(self) -> int:
        return len(self.poll_times)

    @property
    def intervals(self) -> list:
        """Seconds between consecutive polls."""
        return [b - a for a, b in zip(self.poll_times, self.poll_times[1:])]


@dataclass
class Scene:
    dataset: str
    view_id: str
    date: str
    cloud: float
    footprint: dict
    scene_id: str
    extra: dict = field(default_factory=dict)

    def as_result(self) -> dict:
        return {
            "sceneID": self.scene_id,
            "view_id": self.view_id,
            "date": self.date,
            "cloudCoverage": self.cloud,
            "dataGeometry": self.footprint,
            "satellite": self.dataset,
            **self.extra,
        }


@dataclass(frozen=True)
class SearchRecord:
    datasets: tuple
    body: Any


@dataclass
class ServedFile:
    name: str
    data: bytes
    content_type: str
    cut_after: int | None = None
    cut_times: int = 1
    slow_bytes_per_second: float | None = None
    requests: int = 0  # GETs so far
    endless: bool = False
    declared_length: int | None = None


class _Bad(Exception):
    """A request the fake answers with an error (raised inside handlers)."""

    def __init__(self, answer: _Answer) -> None:
        super().__init__(answer.status)
        self.answer = answer


def _bad(status: int, message: str) -> _Bad:
    return _Bad(_json_answer(status, {"status": False, "error": message}))


# --------------------------------------------------------------------------------------------------
# HTTP plumbing


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, api: FakeApi, handler: type) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.api = api
        self.log: list = []
        self._sockets: set = set()
        self._sockets_lock = threading.Lock()
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def port(self) -> int:
        return self.server_address[1]

    def track(self, sock: socket.socket, add: bool) -> None:
        with self._sockets_lock:
            (self._sockets.add if add else self._sockets.discard)(sock)

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        with self._sockets_lock:
            sockets = list(self._sockets)
        for sock in sockets:  # wake handler threads blocked on keep-alive reads or slow writes
            with contextlib.suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)
        self.thread.join(timeout=2)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeEOS/1.0"
    timeout = 30  # an idle keep-alive connection is closed after this
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass
        finally:
            self.server.track(self.connection, False)

    @property
    def api(self) -> FakeApi:
        return self.server.api

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_HEAD(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            parts = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(parts)
                parts.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _handle(self) -> None:
        try:
            split = urlsplit(self.path)
            record = LoggedRequest(
                method=self.command,
                path=unquote(split.path),
                query=dict(parse_qsl(split.query, keep_blank_values=True)),
                headers={name.lower(): value for name, value in self.headers.items()},
                body=self._read_body(),
                time=time.monotonic(),
            )
            with self.api._lock:
                self.server.log.append(record)
            try:
                self.route(record)
            except _Bad as bad:
                self.send(bad.answer)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True
        except Exception as error:  # a bug in the fake: answer 500 and keep it for the tests to see
            self.api.errors.append(error)
            try:
                self.send(_text_answer(500, f"fake_api internal error: {error!r}"))
            except OSError:
                self.close_connection = True

    def route(self, record: LoggedRequest) -> None:
        raise NotImplementedError

    def _trickle(self, body: bytes, per_second: float) -> None:
        chunk = max(1, int(per_second / 50))
        for offset in range(0, len(body), chunk):
            piece = body[offset:offset + chunk]
            self.wfile.write(piece)
            self.wfile.flush()
            if self.api._stopping.wait(len(piece) / per_second):
                self.close_connection = True
                return

    def send_head(self, answer: _Answer, length: int | None = None) -> None:
        self.send_response(answer.status)
        for name, value in answer.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body) if length is None else length))
        self.end_headers()

    def send(self, answer: _Answer) -> None:
        if answer.head_drip:
            self.send_dripping_head(answer)
            return
        if answer.endless:
            self.send_endless(answer.status, answer.headers, answer.body, answer.bytes_per_second)
            return
        self.send_head(answer)
        if self.command == "HEAD":
            return
        if answer.drip:
            for index in range(len(answer.body)):
                self.wfile.write(answer.body[index:index + 1])
                self.wfile.flush()
                if self.api._stopping.wait(answer.drip):
                    self.close_connection = True
                    return
        else:
            self.wfile.write(answer.body)

    def send_dripping_head(self, answer: _Answer) -> None:
        """The status line, the headers and a last header that never ends, one byte at a time, until
        the client leaves or the fake closes."""
        self.close_connection = True
        head = f"HTTP/1.1 {answer.status} {self.responses[answer.status][0]}\r\n"
        head += "".join(f"{name}: {value}\r\n" for name, value in answer.headers) + "X-Padding: "
        for byte in itertools.chain(head.encode("latin-1"), itertools.repeat(ord("x"))):
            self.wfile.write(bytes((byte,)))
            if self.api._stopping.wait(answer.head_drip):
                return

    def send_endless(self, status: int, headers: list, body: bytes, per_second: float | None) -> None:
        """No Content-Length: the body ends when the connection does, here never (until the client
        leaves or the fake closes)."""
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if self.command == "HEAD":
            return
        while not self.api._stopping.is_set():
            if per_second:
                self._trickle(body, per_second)
            else:
                self.wfile.write(body)


class _ApiHandler(_Handler):
    def route(self, record: LoggedRequest) -> None:
        api = self.api
        results = API_PREFIX + RESULTS_PATH + "/"
        if record.path.startswith(results):  # relative redirects: the files, without a key
            _serve_file(self, record, record.path[len(results):])
            return
        self.send(api._api_answer(record))

    def send_head(self, answer: _Answer, length: int | None = None) -> None:
        answer.headers = [*answer.headers, ("X-Request-Id", str(uuid.uuid4())), ("Access-Control-Allow-Origin", "*")]
        super().send_head(answer, length)


class _FileHandler(_Handler):
    def route(self, record: LoggedRequest) -> None:
        _serve_file(self, record, record.path.lstrip("/"))


def _serve_file(self: _Handler, record: LoggedRequest, name: str) -> None:
    """Answer a GET or HEAD of a registered file (on the file server, or the API's results path)."""
    api = self.api
    if record.method not in ("GET", "HEAD"):
        raise _Bad(_text_answer(405, "Method Not Allowed", [("Allow", "GET, HEAD")]))
    with api._lock:
        served = api._files.get(name)
        if served is None:
            raise _Bad(_Answer(404, _s3_error("NoSuchKey", "The specified key does not exist.", name),
                               [("Content-Type", "application/xml")]))
        if record.method == "GET":
            served.requests += 1
        cut = record.method == "GET" and served.cut_after is not None and served.requests <= served.cut_times
        slow = served.slow_bytes_per_second or api.slow_bytes_per_second
        data = served.data
    total = len(data)
    headers = [
        ("Content-Type", served.content_type),
        ("Accept-Ranges", "bytes"),
        ("ETag", '"' + hashlib.md5(data).hexdigest() + '"'),
    ]
    status, start, end = 200, 0, total - 1
    wanted = _parse_range(record.headers.get("range"), total)
    if wanted == "unsatisfiable":
        raise _Bad(_Answer(416, _s3_error("InvalidRange", "The requested range is not satisfiable", name),
                           [("Content-Type", "application/xml"), ("Content-Range", f"bytes */{total}")]))
    if wanted is not None:
        status, (start, end) = 206, wanted
        headers.append(("Content-Range", f"bytes {start}-{end}/{total}"))
    body = data[start:end + 1]
    if served.endless and status == 200:
        self.send_endless(200, headers, body, slow)
        return
    self.send_head(_Answer(status, b"", headers), length=served.declared_length or len(body))
    if record.method == "HEAD":
        return
    if cut:
        body = body[:served.cut_after]
        self.close_connection = True
    if slow:
        self._trickle(body, float(slow))
    else:
        self.wfile.write(body)
    if cut:
        self.wfile.flush()
        with contextlib.suppress(OSError):  # the client went first
            self.connection.shutdown(socket.SHUT_WR)


def _s3_error(code: str, message: str, key: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{message}</Message>'
            f"<Key>{key}</Key></Error>").encode()


def _parse_range(value: str | None, total: int):
    """(start, end) inclusive, None to serve the whole file, or "unsatisfiable"."""
    if not value:
        return None
    match = re.fullmatch(r"\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*", value)
    if not match or not (match.group(1) or match.group(2)):
        return None  # several ranges or a malformed header: ignored, as RFC 9110 allows
    first, last = match.groups()
    if not first:  # suffix: the last K bytes
        count = int(last)
        if count == 0:
            return "unsatisfiable"
        return max(0, total - count), total - 1
    start = int(first)
    end = min(int(last), total - 1) if last else total - 1
    if start >= total or (last and int(last) < start):
        return "unsatisfiable"
    return start, end


# --------------------------------------------------------------------------------------------------
# Search helpers


def _coordinates(geometry: Any) -> list:
    points: list = []

    def walk(value: Any) -> None:
        if isinstance(value, (list, tuple)):
            if len(value) >= 2 and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value[:2]):
                points.append((float(value[0]), float(value[1])))
            else:
                for item in value:
                    walk(item)

    if isinstance(geometry, dict) and geometry.get("type") == "Feature":
        geometry = geometry.get("geometry")
    if isinstance(geometry, dict) and geometry.get("type") == "GeometryCollection":
        for part in geometry.get("geometries") or []:
            points.extend(_coordinates(part))
        return points
    if isinstance(geometry, dict):
        walk(geometry.get("coordinates"))
    return points


def bbox_of(geometry: Any) -> tuple:
    """(minx, miny, maxx, maxy) of a GeoJSON geometry (or Feature); ValueError when it has no points."""
    points = _coordinates(geometry)
    if not points:
        raise ValueError("geometry without coordinates")
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _date_matches(date: str, wanted: Any) -> bool:
    day = date[:10]
    if wanted is None:
        return True
    if isinstance(wanted, str):
        return day == wanted[:10]
    if isinstance(wanted, list):
        return day in {str(item)[:10] for item in wanted}
    if isinstance(wanted, dict):
        low, high = wanted.get("from"), wanted.get("to")
        return (low is None or day >= str(low)[:10]) and (high is None or day <= str(high)[:10])
    raise _bad(400, "search.date must be a date, a list of dates or {from, to}")


def _cloud_matches(cloud: float, wanted: Any) -> bool:
    if wanted is None:
        return True
    if not isinstance(wanted, dict):
        raise _bad(400, "search.cloudCoverage must be {from, to}")
    low, high = wanted.get("from"), wanted.get("to")
    try:
        return (low is None or cloud >= float(low)) and (high is None or cloud <= float(high))
    except (TypeError, ValueError):
        raise _bad(400, "search.cloudCoverage bounds must be numbers") from None


def _positive_int(value: Any, default: int, name: str) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _bad(400, f"{name} must be a positive integer")
    return value


# --------------------------------------------------------------------------------------------------
# The fake


class _FileSide:
    """``api.files``: the file server's log and URL."""

    def __init__(self, api: FakeApi) -> None:
        self._api = api

    @property
    def log(self) -> list:
        return self._api._require()[1].log

    @property
    def url(self) -> str:
        return self._api.files_url


class FakeApi:
    """Two threaded HTTP servers faking the Processing API (plus search) and its object storage."""

    def __init__(self, valid_key: str = "test-key-0123456789", create_mode: str = "200-created", *,
                 forbidden_keys: tuple = (), key_in: tuple = ("header", "query")) -> None:
        if create_mode not in CREATE_MODES:
            raise ValueError(f"create_mode must be one of {CREATE_MODES}, not {create_mode!r}")
        if not set(key_in) <= {"header", "query"} or not key_in:
            raise ValueError("key_in takes 'header' and/or 'query'")
        self.valid_key = valid_key
        self.create_mode = create_mode
        self.forbidden_keys = set(forbidden_keys)
        self.key_in = tuple(key_in)
        self.default_script: Any = default_script_for
        self.slow_bytes_per_second: float | None = None
        self.errors: list = []
        self.search_log: list = []
        self.files = _FileSide(self)
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._scripts: deque = deque()
        self._fail_next: dict = {"create": deque(), "search": deque()}
        self._tasks: dict = {}
        self._files: dict = {}
        self._scenes: list = []
        self._servers: tuple | None = None
        self.add_file(DEFAULT_RESULT_NAME, DEFAULT_RESULT_BYTES)

    # life cycle ---------------------------------------------------------------------------------

    def start(self) -> FakeApi:
        if self._servers is not None:
            raise RuntimeError("FakeApi already started")
        self._stopping.clear()
        servers = (_Server(self, _ApiHandler), _Server(self, _FileHandler))
        for server in servers:
            server.thread.start()
        self._servers = servers
        return self

    def close(self) -> None:
        if self._servers is None:
            return
        self._stopping.set()
        stoppers = [threading.Thread(target=server.stop, daemon=True) for server in self._servers]
        for stopper in stoppers:  # both at once: each waits up to one serve_forever poll interval
            stopper.start()
        for stopper in stoppers:
            stopper.join(timeout=5)
        self._servers = None

    def __enter__(self) -> FakeApi:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _require(self) -> tuple:
        if self._servers is None:
            raise RuntimeError("FakeApi is not running; use it as a context manager")
        return self._servers

    # addresses ----------------------------------------------------------------------------------

    @property
    def api_port(self) -> int:
        return self._require()[0].port

    @property
    def files_port(self) -> int:
        return self._require()[1].port

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}{API_PREFIX}"

    @property
    def search_url(self) -> str:
        return f"http://127.0.0.1:{self.api_port}{SEARCH_PREFIX}"

    @property
    def files_url(self) -> str:
        return f"http://127.0.0.1:{self.files_port}"

    @property
    def log(self) -> list:
        """Every request the API server received (``LoggedRequest``), in order."""
        return self._require()[0].log

    @property
    def files_log(self) -> list:
        """Every request the file server received; the same list as ``api.files.log``."""
        return self._require()[1].log

    # set-up -------------------------------------------------------------------------------------

    def script(self, steps: list) -> None:
        """Queue the script of the next created task (FIFO)."""
        self._scripts.append(self._check_steps(steps))

    def fail_next(self, kind: str, *steps: Any) -> None:
        """Answer the next ``len(steps)`` create or search requests with these steps instead."""
        if kind not in self._fail_next:
            raise ValueError("kind must be 'create' or 'search'")
        for step in self._check_steps(list(steps)):
            if not isinstance(step, (TooMany, ServerError, ClientError, Failed, Drip, DripHead, Endless)):
                raise TypeError(f"{type(step).__name__} is not an error answer")
            self._fail_next[kind].append(step)

    def add_file(self, name: str, data: bytes, cut_after: int | None = None, cut_times: int = 1,
                 slow_bytes_per_second: float | None = None, content_type: str | None = None,
                 endless: bool = False, declared_length: int | None = None) -> str:
        """Serve ``data`` at ``{files_url}/{name}``; returns the path part (``/name``)."""
        if cut_after is not None and not 0 <= cut_after < len(data):
            raise ValueError("cut_after must be smaller than the file")
        with self._lock:
            self._files[name] = ServedFile(name, bytes(data), content_type or content_type_for(name), cut_after,
                                           cut_times, slow_bytes_per_second, endless=endless,
                                           declared_length=declared_length)
        return "/" + name

    def file_requests(self, name: str) -> int:
        """How many GETs the file server answered for ``name``."""
        with self._lock:
            return self._files[name].requests

    def add_scene(self, dataset: str, view_id: str, date: Any, cloud: float, footprint_geojson: dict,
                  scene_id: str | None = None, **extra: Any) -> Scene:
        """Register a scene for the search; ``extra`` fields are added to its result object."""
        bbox_of(footprint_geojson)  # fails early on a footprint without coordinates
        date_text = date.isoformat() if hasattr(date, "isoformat") else str(date)
        scene = Scene(dataset, view_id, date_text, float(cloud), footprint_geojson,
                      scene_id or view_id.split("/", 1)[-1].replace("/", "_"), dict(extra))
        with self._lock:
            self._scenes.append(scene)
        return scene

    # records ------------------------------------------------------------------------------------

    @property
    def tasks(self) -> dict:
        with self._lock:
            return dict(self._tasks)

    def task(self, task_id: str | None = None) -> Task:
        """The task with this id, or the last created one."""
        with self._lock:
            if task_id is None:
                if not self._tasks:
                    raise LookupError("no task was created")
                return list(self._tasks.values())[-1]
            return self._tasks[task_id]

    # answers ------------------------------------------------------------------------------------

    @staticmethod
    def _check_steps(steps: list) -> tuple:
        steps = tuple(steps)
        if not steps:
            raise ValueError("a script needs at least one step")
        for step in steps:
            if not isinstance(step, STEP_TYPES):
                raise TypeError(f"not a step: {step!r}")
        return steps

    def _check_key(self, record: LoggedRequest) -> None:
        key = None
        if "header" in self.key_in and "x-api-key" in record.headers:
            key = record.headers["x-api-key"]
        elif "query" in self.key_in and "api_key" in record.query:
            key = record.query["api_key"]
        if key is not None and key in self.forbidden_keys:
            raise _Bad(_json_answer(403, FORBIDDEN_KEY_BODY))
        if key is None or key != self.valid_key:
            raise _Bad(_json_answer(401, INVALID_KEY_BODY))

    def _api_answer(self, record: LoggedRequest) -> _Answer:
        path = record.path.rstrip("/")
        self._check_key(record)
        if path == API_PREFIX + "/api":
            self._need(record, "POST")
            return self._create(record)
        match = re.fullmatch(re.escape(API_PREFIX) + r"/api/([^/]+)", path)
        if match:
            self._need(record, "GET")
            return self._poll(match.group(1))
        if path == SEARCH_PREFIX or path.startswith(SEARCH_PREFIX + "/"):
            self._need(record, "POST")
            dataset = path[len(SEARCH_PREFIX):].strip("/")
            return self._search(record, dataset)
        raise _bad(404, f"No route for {record.method} {record.path}")

    @staticmethod
    def _need(record: LoggedRequest, method: str) -> None:
        if record.method != method:
            raise _Bad(_json_answer(405, {"status": False, "error": "Method Not Allowed"}, [("Allow", method)]))

    def _injected(self, kind: str) -> _Answer | None:
        with self._lock:
            queue = self._fail_next[kind]
            return queue.popleft().answer(self, None) if queue else None

    @staticmethod
    def _json_body(record: LoggedRequest) -> dict:
        try:
            data = json.loads(record.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise _bad(400, f"Invalid JSON body: {error}") from None
        if not isinstance(data, dict):
            raise _bad(400, "The JSON body must be an object")
        return data

    def _create(self, record: LoggedRequest) -> _Answer:
        injected = self._injected("create")
        if injected is not None:
            return injected
        data = self._json_body(record)
        if data.get("type") not in TASK_TYPES:
            raise _Bad(_json_answer(422, UNSUPPORTED_BODY))
        with self._lock:
            task = Task(
                task_id=str(uuid.uuid4()),
                req_id=str(uuid.uuid4()),
                type=data["type"],
                params=copy.deepcopy(data.get("params")),
                callback_url=data.get("callback_url"),
                body=data,
                script=(),
                created_at=record.time,
            )
            if self._scripts:
                task.script = self._scripts.popleft()
            else:
                chosen = self.default_script(task) if callable(self.default_script) else self.default_script
                task.script = self._check_steps(chosen)
            self._tasks[task.task_id] = task
        if self.create_mode == "202-authentication":
            return _json_answer(202, {"status": "authentication", "task_id": task.task_id})
        return _json_answer(200, {"status": "created", "task_id": task.task_id, "req_id": task.req_id,
                                  "task_timeout": TASK_TIMEOUT})

    def _poll(self, task_id: str) -> _Answer:
        with self._lock:
            task = self._tasks.get(task_id)
            if task is None:
                raise _Bad(_json_answer(404, TASK_NOT_FOUND_BODY))
            step = task.script[min(task.polls, len(task.script) - 1)]
            task.poll_times.append(time.monotonic())
            task.served.append(type(step).__name__)
        return step.answer(self, task)

    def _search(self, record: LoggedRequest, dataset: str) -> _Answer:
        injected = self._injected("search")
        if injected is not None:
            return injected
        body = self._json_body(record)
        search = body.get("search") or {}
        if not isinstance(search, dict):
            raise _bad(400, "search must be an object")
        if dataset:
            datasets: tuple = (dataset,)
        else:
            satellites = search.get("satellites")
            if not isinstance(satellites, list) or not satellites or not all(isinstance(s, str) for s in satellites):
                raise _bad(400, "search.satellites must list the datasets to search")
            datasets = tuple(satellites)
        with self._lock:
            self.search_log.append(SearchRecord(datasets, body))
            known = set(SEARCH_DATASETS) | {scene.dataset for scene in self._scenes}
            scenes = list(self._scenes)
        for name in datasets:
            if name not in known:
                raise _bad(404, f"Unknown dataset: {name}")
        shape_box = None
        if search.get("shape") is not None:
            try:
                shape_box = bbox_of(search["shape"])
            except ValueError:
                raise _bad(400, "search.shape must be a GeoJSON geometry") from None
        relation = str(search.get("shapeRelation") or "INTERSECTS").upper()
        if relation not in ("INTERSECTS", "CONTAINS"):
            raise _bad(400, "search.shapeRelation must be INTERSECTS or CONTAINS")

        def wanted(scene: Scene) -> bool:
            if scene.dataset not in datasets:
                return False
            if not _date_matches(scene.date, search.get("date")):
                return False
            if not _cloud_matches(scene.cloud, search.get("cloudCoverage")):
                return False
            if shape_box is None:
                return True
            box = bbox_of(scene.footprint)
            if relation == "CONTAINS":
                return box[0] <= shape_box[0] and box[1] <= shape_box[1] and box[2] >= shape_box[2] \
                    and box[3] >= shape_box[3]
            return box[0] <= shape_box[2] and shape_box[0] <= box[2] and box[1] <= shape_box[3] \
                and shape_box[1] <= box[3]

        found = [scene for scene in scenes if wanted(scene)]
        sort = body.get("sort") if isinstance(body.get("sort"), dict) else {}
        ascending = str(sort.get("date", "desc")).lower() == "asc"
        found.sort(key=lambda scene: (scene.date, scene.view_id), reverse=not ascending)
        limit = _positive_int(body.get("limit"), SEARCH_DEFAULT_LIMIT, "limit")
        page = _positive_int(body.get("page"), 1, "page")
        results = [scene.as_result() for scene in found[(page - 1) * limit:page * limit]]
        fields = body.get("fields")
        if isinstance(fields, list):
            results = [{name: result[name] for name in fields if name in result} for result in results]
        meta = {"found": len(found), "page": page, "limit": limit, "name": ",".join(datasets)}
        return _json_answer(200, {"meta": meta, "results": results})
