"""A file server on 127.0.0.1 for tests of reading rasters over HTTP, as object storage serves them.

    with CogServer(folder, latency=0.01) as server:
        url = server.url("B04.tif", query="token=secret")
        server.fail("B04.tif", Failure(503), times=2)
        ... read url ...
        assert server.bytes_served("B04.tif") < 3 * expected

Serving (``GET`` and ``HEAD`` of the files under ``folder``; the query string is ignored, as a bucket
ignores a signing token it accepts): ``Content-Length``, ``Accept-Ranges: bytes``, ``ETag``; ``Range:
bytes=N-M`` (also ``N-``, ``-K``) → 206 with ``Content-Range``, past the end → 416; several ranges in
one request are not served as several (object storage serves one range per request): the whole file,
200, as HTTP allows a server that ignores ``Range``. ``ranges=False`` ignores every ``Range`` (a server
without range support). ``authorization="Basic ..."``: a request without that ``Authorization`` header
→ 401 (a private bucket). A missing file → 404. ``latency`` seconds are waited before each answer.

Failures: ``server.fail(name, Failure(...), times=1)`` answers the next ``times`` requests of a file
(``name`` None: of any file; ``times`` None: all of them) with the failure instead; rules are tried in
the order they were added, and a spent rule drops out; ``when=`` (a test of the ``Range`` header,
None without one) limits a rule to some requests.
    ``Failure(503)``, ``Failure(403)``, ``Failure(404)``   that status, an S3-style XML body
    ``Failure(429, retry_after="1")``                      429 with that ``Retry-After``
    ``Failure(CUT)``                                       the right status line and headers, half of the
                                                           body, then the connection is closed
    ``Failure(STALL)``                                     no answer at all until the client leaves or
                                                           the server stops (for timeouts)
    ``HEAD`` requests are counted by rules like ``GET`` ones.

Log: ``server.log`` holds ``Served(method, name, query, range, status, sent, time, headers)`` per request (``sent``:
bytes of body written); ``bytes_served(name=None)``, ``requests(name=None, method=None)``, ``clear_log()``.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote, unquote, urlsplit

CUT = "cut"
STALL = "stall"


@dataclass(frozen=True)
class Failure:
    kind: int | str  # an HTTP status, CUT or STALL
    retry_after: str | None = None


@dataclass
class _Rule:
    name: str | None
    failure: Failure
    times: int | None
    when: Callable[[str | None], bool] | None = None  # of the Range header: which requests


@dataclass(frozen=True)
class Served:
    method: str
    name: str
    query: str
    range: str | None  # the Range header as received
    status: int | None  # None: no status sent (a stalled request)
    sent: int  # body bytes written
    time: float  # time.monotonic() when the request arrived
    headers: dict  # the request's headers, names in lower case


class CogServer:
    def __init__(self, root: str, latency: float = 0.0, ranges: bool = True, authorization: str | None = None) -> None:
        self.root = os.path.abspath(root)
        self.latency = latency
        self.ranges = ranges
        self.authorization = authorization  # the Authorization header every request must carry, else 401
        self.log: list[Served] = []
        self._rules: list[_Rule] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = _Server(self)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        daemon=True)

    # --- life ---------------------------------------------------------------------------------------
    def start(self) -> CogServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._server.close_sockets()
        self._thread.join(timeout=2)

    def __enter__(self) -> CogServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # --- addresses ----------------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, name: str, query: str = "") -> str:
        """The URL of a file under the root (a path relative to it)."""
        path = quote(name.replace(os.sep, "/").lstrip("/"))
        return f"{self.base_url}/{path}" + (f"?{query}" if query else "")

    # --- failures and the log -----------------------------------------------------------------------
    def fail(self, name: str | None, failure: Failure, times: int | None = 1,
             when: Callable[[str | None], bool] | None = None) -> None:
        with self._lock:
            self._rules.append(_Rule(name, failure, times, when))

    def clear_failures(self) -> None:
        with self._lock:
            self._rules.clear()

    def _failure_for(self, name: str, wanted: str | None) -> Failure | None:
        with self._lock:
            for rule in self._rules:
                if (rule.name is None or rule.name == name) and (rule.when is None or rule.when(wanted)):
                    if rule.times is not None:
                        rule.times -= 1
                        if rule.times <= 0:
                            self._rules.remove(rule)
                    return rule.failure
        return None

    def _record(self, served: Served) -> None:
        with self._lock:
            self.log.append(served)

    def entries(self, name: str | None = None, method: str | None = None) -> list[Served]:
        with self._lock:
            return [entry for entry in self.log
                    if (name is None or entry.name == name) and (method is None or entry.method == method)]

    def bytes_served(self, name: str | None = None) -> int:
        return sum(entry.sent for entry in self.entries(name))

    def requests(self, name: str | None = None, method: str | None = None) -> int:
        return len(self.entries(name, method))

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, owner: CogServer) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.owner = owner
        self._sockets: set = set()
        self._sockets_lock = threading.Lock()

    def track(self, sock: socket.socket, add: bool) -> None:
        with self._sockets_lock:
            (self._sockets.add if add else self._sockets.discard)(sock)

    def close_sockets(self) -> None:
        with self._sockets_lock:
            sockets = list(self._sockets)
        for sock in sockets:  # wake handlers blocked on keep-alive reads
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeBucket/1.0"
    timeout = 30
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

    def do_GET(self) -> None:
        self._handle()

    def do_HEAD(self) -> None:
        self._handle()

    def _handle(self) -> None:
        owner = self.server.owner
        split = urlsplit(self.path)
        name = unquote(split.path).lstrip("/")
        arrived = time.monotonic()
        headers = {key.lower(): value for key, value in self.headers.items()}

        # Each answer is logged before its body is written: once the client has the bytes, the log
        # has the request (a test reads it as soon as the client is done).
        def record(status: int | None, sent: int) -> None:
            owner._record(Served(self.command, name, split.query, self.headers.get("Range"), status, sent,
                                 arrived, headers))

        try:
            if owner.latency and owner._stopping.wait(owner.latency):
                self.close_connection = True
                return
            if owner.authorization is not None and self.headers.get("Authorization") != owner.authorization:
                record(401, 0)
                self._error(401, "AccessDenied", "Credentials are required.")
                return
            failure = owner._failure_for(name, self.headers.get("Range"))
            if failure is not None:
                self._fail(name, failure, record)
                return
            self._serve(name, record)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True

    def _path_of(self, name: str) -> str | None:
        root = self.server.owner.root
        path = os.path.normpath(os.path.join(root, name))
        if not path.startswith(root + os.sep) or not os.path.isfile(path):
            return None
        return path

    def _serve(self, name: str, record) -> None:
        path = self._path_of(name)
        if path is None:
            record(404, 0)
            self._error(404, "NoSuchKey", "The specified key does not exist.")
            return
        stat = os.stat(path)  # a range is read alone: a full-size band is hundreds of MB
        total = stat.st_size
        headers = [("Accept-Ranges", "bytes" if self.server.owner.ranges else "none"),
                   ("ETag", f'"{stat.st_mtime_ns:x}-{total:x}"'),
                   ("Content-Type", "image/tiff")]
        status, start, end = 200, 0, total - 1
        wanted = self.headers.get("Range")
        if wanted and self.server.owner.ranges:
            match = _RANGE.fullmatch(wanted.strip())
            if match and (match.group(1) or match.group(2)):
                if match.group(1):
                    start = int(match.group(1))
                    end = min(int(match.group(2)), total - 1) if match.group(2) else total - 1
                else:
                    start, end = max(total - int(match.group(2)), 0), total - 1
                if start >= total or end < start:
                    record(416, 0)
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{total}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status = 206
                headers.append(("Content-Range", f"bytes {start}-{end}/{total}"))
        length = end - start + 1
        record(status, 0 if self.command == "HEAD" else length)
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        if self.command != "HEAD":
            with open(path, "rb") as stream:
                stream.seek(start)
                self.wfile.write(stream.read(length))

    def _error(self, status: int, code: str, message: str, extra: tuple = ()) -> None:
        body = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code>'
                f"<Message>{message}</Message></Error>").encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/xml")
        for key, value in extra:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _fail(self, name: str, failure: Failure, record) -> None:
        kind = failure.kind
        if kind == STALL:
            record(None, 0)
            self.close_connection = True
            self.server.owner._stopping.wait(600)
            return
        if kind == CUT:
            path = self._path_of(name)
            size = os.path.getsize(path) if path else 1000
            self.close_connection = True
            self.send_response(200 if self.command == "HEAD" else 206)
            wanted = _RANGE.fullmatch((self.headers.get("Range") or "").strip())
            start = int(wanted.group(1)) if wanted and wanted.group(1) else 0
            end = min(int(wanted.group(2)), size - 1) if wanted and wanted.group(2) else size - 1
            length = end - start + 1
            if self.command != "HEAD":
                self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("Content-Length", str(length))
            self.end_headers()
            half = b""
            if self.command != "HEAD" and path:
                with open(path, "rb") as stream:
                    stream.seek(start)
                    half = stream.read(max(length // 2, 1) if length > 1 else 0)
            record(206, len(half))
            self.wfile.write(half)
            self.wfile.flush()
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        codes = {403: ("AccessDenied", "Access Denied"), 404: ("NoSuchKey", "The specified key does not exist."),
                 429: ("SlowDown", "Please reduce your request rate."),
                 503: ("SlowDown", "Please reduce your request rate.")}
        code, message = codes.get(int(kind), ("InternalError", "We encountered an internal error."))
        extra = (("Retry-After", failure.retry_after),) if failure.retry_after else ()
        record(int(kind), 0)
        self._error(int(kind), code, message, extra)
