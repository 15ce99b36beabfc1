"""The transport seam under the remote client: one HTTP call sent, its answer's status, headers and
body handed back, and nothing more. Polling, 429 answers, retries, resumed downloads, caps and the
key's redaction live above it, in :mod:`core.remote.client`, written once for every transport.

Here lies the command line's transport, on ``requests``; inside QGIS, ``services/qgis_transport.py``
sends the same calls through QGIS's own network stack.

A transport's promise: every wait it makes ends by the ``deadline`` it is given (on the client's
clock) or when ``cancelled()`` says so, whether it waits for the connection, the status line, a
header or a body chunk; a failure is one of the :class:`TransportError` kinds below, its ``late``
set when the deadline cut it.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any, Protocol

import requests
from requests.adapters import HTTPAdapter
from urllib3 import poolmanager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

Clock = Callable[[], float]
Cancelled = Callable[[], bool]


# --- what a transport raises --------------------------------------------------------------------

class TransportError(Exception):
    """A call that brought no usable answer. `reason` is short (for a message), `detail` whole."""

    def __init__(self, reason: str = "", detail: str = "", late: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail or reason
        self.late = late  # the deadline cut it


class ConnectTimedOut(TransportError):
    """No connection within the timeout."""


class NoAnswer(TransportError):
    """Connected, but not a byte of the answer came in time."""


class AnswerLate(TransportError):
    """The answer began, but did not come whole before its deadline."""

    def __init__(self, reason: str = "late", detail: str = "", late: bool = True) -> None:
        super().__init__(reason, detail, late)


class Unreachable(TransportError):
    """The host cannot be reached, or the connection broke: refused, no such host, TLS, reset."""


class BodyCut(TransportError):
    """The answer's body broke off (a chunk missing, the connection closed early)."""


class RequestFailed(TransportError):
    """Any other failure of the call."""


# --- what a transport answers --------------------------------------------------------------------

class Headers(dict):
    """Answer headers, looked up in any letter case."""

    def __init__(self, pairs: Any = ()) -> None:
        super().__init__()
        for name, value in dict(pairs).items():
            self[name] = value

    def __setitem__(self, name: str, value: str) -> None:
        super().__setitem__(name.lower(), value)

    def __getitem__(self, name: str) -> str:
        return super().__getitem__(name.lower())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and super().__contains__(name.lower())

    def get(self, name: str, default: Any = None) -> Any:
        return super().get(name.lower(), default)


class Answer:
    """An answer whose status line and headers have come; its body is read with :meth:`chunks`
    (by the caller, within a deadline) or kept in :attr:`content` once read."""

    def __init__(self, status: int, headers: Headers) -> None:
        self.status = status
        self.headers = headers
        self.content = b""

    def chunks(self, size: int, deadline: float | None) -> Iterator[bytes]:
        """The body, in chunks of at most `size` bytes, ending when it ends; AnswerLate once
        `deadline` has cut it, BodyCut or Unreachable when the connection broke."""
        raise NotImplementedError

    def close(self) -> None:
        """Let the connection go (whatever of the body is unread is dropped)."""

    @property
    def text(self) -> str:
        return self.content.decode(_charset(self.headers.get("Content-Type", "")), errors="replace")

    def json(self) -> Any:
        """The body as JSON; ValueError when it is not."""
        return json.loads(self.content)


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value.strip('"'):
            try:
                "".encode(value.strip('"'))
            except LookupError:
                break
            return value.strip('"')
    return "utf-8"


class Transport(Protocol):
    """Sends one HTTP call; made by the client for its life (one task or one search), closed with it."""

    def send(self, method: str, url: str, *, headers: dict[str, str], params: dict[str, str] | None,
             json_body: Any | None, timeout: float, deadline: float | None, authenticate: bool) -> Answer:
        """Send the call (never following redirects) and return once the status line and headers
        have come, the body unread. `timeout` bounds the connection and each wait for a byte;
        `deadline` (on the client's clock) the whole; `authenticate` asks the transport to add
        the credentials it was made with (a transport made without any adds none)."""
        ...

    def close(self) -> None:
        ...


TransportFactory = Callable[[Clock, "Cancelled | None"], Transport]


def thread_bound(factory: TransportFactory | None) -> bool:
    """Whether `factory`'s transports work only in a thread of Qt's own (QGIS's network: its waits
    need the thread's event loop and timers), so that a caller sends through them from its own
    thread, never from a pool's. Such a factory says so with an attribute ``thread_bound = True``."""
    return bool(getattr(factory, "thread_bound", False))


def snippet(text: Any, limit: int = 200) -> str:
    """`text` on one line, cut to `limit` characters: how a message quotes an answer."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit] + "…"


def short_reason(error: Exception | str) -> str:
    """The part of a network error's text worth telling: the known cause, or its start."""
    text = str(error)
    for known in ("Name or service not known", "Connection refused", "timed out", "Connection reset",
                  "certificate verify failed", "No route to host", "Temporary failure in name resolution"):
        if known in text:
            return known
    return snippet(text, 120)


# --- the requests transport (the command line's) --------------------------------------------------

class RequestsTransport:
    """Calls through a requests session whose connections a watchdog cuts at the deadline or on a
    cancel; the environment's proxies apply."""

    def __init__(self, clock: Clock, cancelled: Cancelled | None = None) -> None:
        self.clock = clock
        self.cancelled = cancelled
        self.session = requests.Session()
        adapter = _WatchedAdapter()
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self) -> None:
        self.session.close()

    def send(self, method: str, url: str, *, headers: dict[str, str], params: dict[str, str] | None,
             json_body: Any | None, timeout: float, deadline: float | None, authenticate: bool = False) -> Answer:
        # The watchdog cuts the connection at the deadline whatever the answer is at: the status
        # line or the headers (the connection registers with it).
        with _Watchdog(self.cancelled, deadline, self.clock) as watchdog:
            try:
                response = self.session.request(
                    method, url, stream=True, allow_redirects=False,
                    timeout=(timeout, timeout), params=params or None, json=json_body, headers=headers)
            except requests.exceptions.RequestException as error:
                raise _transport_error(error, watchdog.fired) from None
        if watchdog.fired:
            response.close()
            raise AnswerLate
        return _RequestsAnswer(response, self)


class _RequestsAnswer(Answer):
    def __init__(self, response: requests.Response, transport: RequestsTransport) -> None:
        super().__init__(response.status_code, Headers(response.headers))
        self._response = response
        self._transport = transport
        self._reading: Any = None  # the chunks being read: closed with the answer, its watchdog with it

    def chunks(self, size: int, deadline: float | None) -> Iterator[bytes]:
        self._reading = self._chunks(size, deadline)
        return self._reading

    def _chunks(self, size: int, deadline: float | None) -> Iterator[bytes]:
        transport = self._transport
        with _Watchdog(transport.cancelled, deadline, transport.clock, self._response) as watchdog:
            try:
                yield from self._response.iter_content(chunk_size=size)
            except requests.exceptions.RequestException as error:
                raise _transport_error(error, watchdog.fired) from None
        if watchdog.fired:  # a cut can also end the body early without an error
            raise AnswerLate

    def close(self) -> None:
        if self._reading is not None:
            self._reading.close()
        self._response.close()


def _transport_error(error: requests.exceptions.RequestException, late: bool) -> TransportError:
    if isinstance(error, requests.exceptions.ConnectTimeout):
        kind: type[TransportError] = ConnectTimedOut
    elif isinstance(error, requests.exceptions.ReadTimeout):
        kind = NoAnswer  # cut before its first byte: it did not answer at all
    elif late:
        kind = AnswerLate
    elif isinstance(error, requests.exceptions.ChunkedEncodingError):
        kind = BodyCut
    elif isinstance(error, requests.exceptions.ConnectionError):
        kind = Unreachable
    else:
        kind = RequestFailed
    return kind(short_reason(error), str(error), late)


class _Watchdog:
    """While an HTTP call runs, cut its connection on a cancel or once `deadline` (on `clock`)
    passes, so that a read blocked on a slow or dripping link returns at once, whether it waits for
    the status line, a header or the body: a read timeout alone bounds each read, not the whole
    answer. The connections this thread makes or waits on meanwhile register their sockets with it
    (_WatchedConnection), as does `answer`'s when given."""

    _current = threading.local()  # .watchdog: the one of the call this thread is making

    def __init__(self, cancelled: Cancelled | None, deadline: float | None, clock: Clock,
                 answer: requests.Response | None = None) -> None:
        self.cancelled = cancelled
        self.deadline = deadline
        self.clock = clock
        self.fired = False  # the deadline passed and the connection was cut
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, name="lbe-answer-watchdog", daemon=True)
        self._sockets: list[socket.socket] = []
        self._cut = False
        self._lock = threading.Lock()
        connection = getattr(answer.raw, "_connection", None) if answer is not None else None  # urllib3's
        self.watch(getattr(connection, "sock", None))

    @classmethod
    def running(cls) -> _Watchdog | None:
        """The watchdog of the call this thread is making, if any."""
        return getattr(cls._current, "watchdog", None)

    def watch(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            if not self._cut:
                if all(known is not sock for known in self._sockets):
                    self._sockets.append(sock)
                return
        _shut(sock)  # a connection made after the cut is cut too

    def __enter__(self) -> _Watchdog:
        self._outer = getattr(self._current, "watchdog", None)
        self._current.watchdog = self
        if self.cancelled is not None or self.deadline is not None:
            self.thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._current.watchdog = self._outer
        self.done.set()
        if self.thread.is_alive():
            self.thread.join()

    def _watch(self) -> None:
        while not self.done.wait(0.05):
            cancelled = self.cancelled is not None and self.cancelled()
            late = self.deadline is not None and self.clock() >= self.deadline
            if cancelled or late:
                self.fired = late
                with self._lock:
                    self._cut = True
                    sockets = list(self._sockets)
                for sock in sockets:
                    _shut(sock)
                return


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)  # wakes a blocked recv(); close() would not


class _WatchedConnection:
    """Registers its socket with the thread's running watchdog when it is made and whenever an answer
    is awaited on it (a kept-alive connection too): requests reads the status line and headers
    before the caller has the answer, so only the connection can hand its socket over in time."""

    sock: socket.socket  # the connection class after this mixin in the MRO has it, and the methods below

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()  # type: ignore[misc]
        watchdog = _Watchdog.running()
        if watchdog is not None:
            watchdog.watch(sock)
        return sock

    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        watchdog = _Watchdog.running()
        if watchdog is not None:
            watchdog.watch(self.sock)
        try:
            return super().getresponse(*args, **kwargs)  # type: ignore[misc]
        except http.client.RemoteDisconnected:
            if watchdog is not None and watchdog.fired:  # cut before the first byte: a read timeout
                raise socket.timeout("no answer before the deadline") from None
            raise


class _WatchedHTTPConnection(_WatchedConnection, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_WatchedConnection, HTTPSConnection):
    pass


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _WatchedAdapter(HTTPAdapter):
    """requests' adapter, its pools making _WatchedConnection's (direct or through an HTTP proxy; a
    SOCKS proxy keeps its own connections, bounded per read only)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _WATCHED_POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if manager.pool_classes_by_scheme is poolmanager.pool_classes_by_scheme:  # not SOCKS
            manager.pool_classes_by_scheme = _WATCHED_POOLS
        return manager
