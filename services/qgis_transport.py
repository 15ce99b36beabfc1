"""The remote client's transport inside QGIS: every call goes through QgsNetworkAccessManager, so
QGIS's proxy, SSL exceptions, custom headers and Network Logger apply to it as to any request QGIS
makes, and the authentication configuration is applied by QGIS's authentication manager
(``updateNetworkRequest``).

The calls run on a task's worker thread (or the caller's): each wait runs a local event loop of
that thread, woken by the reply and by a short timer that checks the deadline and the cancel, so
every wait ends. QgsBlockingNetworkRequest is not used: it follows redirects itself (the poll's
303 is the answer, and the storage host must not get the key) and reads a whole body into memory.
A reply's read buffer is bounded: a download streams to the file as it comes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from qgis.core import QgsApplication, QgsNetworkAccessManager
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QByteArray, QEventLoop, QTimer, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ..core.remote.transport import (
    Answer,
    AnswerLate,
    BodyCut,
    Cancelled,
    Clock,
    Headers,
    NoAnswer,
    RequestFailed,
    TransportError,
    TransportFactory,
    Unreachable,
)

READ_BUFFER = 256 * 1024  # what a reply holds unread: Qt stops reading the socket when it is full
TICK_MS = 25  # how often a wait looks at the clock and the cancel

Error = QNetworkReply.NetworkError
# Network errors as the command line's transport words them (their messages are the same for both)
_REASONS = {
    Error.ConnectionRefusedError: "Connection refused",
    Error.HostNotFoundError: "Name or service not known",
    Error.RemoteHostClosedError: "Connection reset",
    Error.TimeoutError: "timed out",
    Error.SslHandshakeFailedError: "certificate verify failed",
    Error.ProxyConnectionRefusedError: "Connection refused",
    Error.ProxyNotFoundError: "Name or service not known",
}


def qgis_transport_for(auth_config_id: str = "", every_call: bool = False) -> TransportFactory:
    """A transport factory for RemoteConfig.transport: QGIS's network, `auth_config_id` applied to
    the calls that carry the key (`every_call`: to every call, as a private catalog's are)."""

    def factory(clock: Clock, cancelled: Cancelled | None) -> QgisTransport:
        return QgisTransport(clock, cancelled, auth_config_id, every_call)

    factory.thread_bound = True  # type: ignore[attr-defined]  # core.remote.transport.thread_bound
    return factory


class QgisTransport:
    def __init__(self, clock: Clock, cancelled: Cancelled | None = None, auth_config_id: str = "",
                 every_call: bool = False) -> None:
        self.clock = clock
        self.cancelled = cancelled
        self.auth_config_id = auth_config_id
        self.every_call = every_call
        self._answers: list[_QgisAnswer] = []

    def close(self) -> None:
        for answer in list(self._answers):
            answer.close()

    def send(self, method: str, url: str, *, headers: dict[str, str], params: dict[str, str] | None,
             json_body: Any | None, timeout: float, deadline: float | None, authenticate: bool = False) -> Answer:
        request = QNetworkRequest(_url(url, params))
        # The 303 of a poll is the answer; a redirect to storage is followed by the client, without the key.
        request.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute,
                             QNetworkRequest.RedirectPolicy.ManualRedirectPolicy)
        # Polls must reach the API, and a result must not fill QGIS's network cache.
        request.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute,
                             QNetworkRequest.CacheLoadControl.AlwaysNetwork)
        request.setAttribute(QNetworkRequest.Attribute.CacheSaveControlAttribute, False)
        for name, value in headers.items():
            request.setRawHeader(name.encode("latin-1"), value.encode("latin-1"))
        if (authenticate or self.every_call) and self.auth_config_id:
            applied = QgsApplication.authManager().updateNetworkRequest(request, self.auth_config_id)
            if isinstance(applied, tuple):  # some bindings return the request with the result
                applied = applied[0]
            if not applied:
                raise RequestFailed("the authentication configuration could not be applied")
        body = None
        if json_body is not None:
            body = QByteArray(json.dumps(json_body).encode("utf-8"))
            request.setHeader(QNetworkRequest.KnownHeaders.ContentTypeHeader, "application/json")
        manager = QgsNetworkAccessManager.instance()  # this thread's, with QGIS's proxy settings
        if method == "GET" and body is None:
            reply = manager.get(request)
        elif method == "HEAD":  # Qt waits for no body only when it knows the call is a HEAD
            reply = manager.head(request)
        elif method == "POST":
            reply = manager.post(request, body if body is not None else QByteArray())
        else:
            reply = manager.sendCustomRequest(request, method.encode("ascii"), body or QByteArray())
        reply.setReadBufferSize(READ_BUFFER)
        answer = _QgisAnswer(reply, self, timeout)
        self._answers.append(answer)
        try:
            answer.wait_for_head(deadline)
        except BaseException:
            answer.close()
            raise
        return answer


def _url(url: str, params: dict[str, str] | None) -> QUrl:
    """The URL with `params` added to its query, encoded as requests encodes them (a + stays %2B)."""
    if params:
        parts = urlsplit(url)
        query = "&".join(part for part in (parts.query, urlencode(params)) if part)
        url = urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))
    return QUrl.fromEncoded(url.encode("ascii"), QUrl.ParsingMode.StrictMode)


class _QgisAnswer(Answer):
    def __init__(self, reply: QNetworkReply, transport: QgisTransport, timeout: float) -> None:
        super().__init__(0, Headers())
        self._reply = reply
        self._transport = transport
        self._timeout = timeout  # the longest wait for any byte, as requests' read timeout
        self._aborted = False
        self._loop = QEventLoop()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._loop.quit)
        reply.metaDataChanged.connect(self._loop.quit)
        reply.readyRead.connect(self._loop.quit)
        reply.finished.connect(self._loop.quit)
        # A reply belongs to its thread's network manager, which Qt deletes, replies and all, when the
        # thread ends: an answer closed after that has nothing left to abort, and must not touch it.
        self._reply_gone = False
        reply.destroyed.connect(self._forget_reply)

    # --- waiting --------------------------------------------------------------------------------
    def _wait(self, ready: Callable[[], bool], deadline: float | None, idle_for: float | None) -> str:
        """Run this thread's event loop until `ready()`: "ready", "late" (the deadline passed),
        "idle" (no progress for `idle_for` seconds) or "cancelled"; every wait ends."""
        clock = self._transport.clock
        cancelled = self._transport.cancelled
        idle_at = None if idle_for is None else clock() + idle_for
        self._timer.start()
        try:
            while True:
                if ready():
                    return "ready"
                if cancelled is not None and cancelled():
                    return "cancelled"
                now = clock()
                if deadline is not None and now >= deadline:
                    return "late"
                if idle_at is not None and now >= idle_at:
                    return "idle"
                self._loop.exec()
        finally:
            self._timer.stop()

    def _live(self) -> QNetworkReply:
        """The reply, while Qt has not deleted it; a reply gone under a call is a connection cut
        (the client retries or says so, as for any cut), never a RuntimeError of a deleted object."""
        if self._reply is None or self._reply_gone or sip.isdeleted(self._reply):
            raise BodyCut("Connection reset", "the network reply was deleted before it was read")
        return self._reply

    def _status(self) -> int | None:
        status = self._live().attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        return int(status) if status is not None else None

    def wait_for_head(self, deadline: float | None) -> None:
        """Until the status line and the headers have come; raises as the requests transport does."""
        outcome = self._wait(lambda: self._status() is not None or self._live().isFinished(), deadline,
                             self._timeout)
        if outcome != "ready":
            self._abort()
            if outcome == "cancelled":
                raise RequestFailed("cancelled")
            # Qt tells nothing of a head that began: a late head is an answer that did not come
            raise NoAnswer("timed out", late=outcome == "late")
        status = self._status()
        if status is None:
            raise self._network_error()
        self.status = status
        self.headers = Headers({bytes(name).decode("latin-1"): bytes(value).decode("latin-1")
                                for name, value in self._live().rawHeaderPairs()})

    def chunks(self, size: int, deadline: float | None) -> Iterator[bytes]:
        while True:
            reply = self._live()
            if reply.bytesAvailable() > 0:
                yield bytes(reply.read(size))
                continue
            if reply.isFinished():
                if reply.bytesAvailable() > 0:
                    continue
                if reply.error() != Error.NoError and self._status() is None:
                    raise self._network_error()
                if reply.error() in (Error.RemoteHostClosedError, Error.TimeoutError,
                                     Error.OperationCanceledError, Error.UnknownNetworkError):
                    raise BodyCut(_REASONS.get(reply.error(), reply.errorString()), reply.errorString())
                return
            outcome = self._wait(lambda: self._live().bytesAvailable() > 0 or self._live().isFinished(), deadline,
                                 self._timeout)
            if outcome == "late":
                self._abort()
                raise AnswerLate
            if outcome == "idle":
                self._abort()
                raise BodyCut("timed out", "no byte within the read timeout")
            if outcome == "cancelled":
                self._abort()
                return  # the client sees the cancel

    def _network_error(self) -> TransportError:
        reply = self._live()
        error = reply.error()
        text = reply.errorString()
        if error in (Error.TimeoutError, Error.OperationCanceledError):  # QGIS's own network timeout
            return NoAnswer("timed out", text)
        if error in _REASONS or int(getattr(error, "value", error)) < 200:  # network and proxy, not HTTP
            return Unreachable(_REASONS.get(error, text), text)
        return RequestFailed(text, text)

    def _abort(self) -> None:
        if self._reply is None or self._reply_gone or sip.isdeleted(self._reply):
            return
        if not self._aborted and not self._reply.isFinished():
            self._aborted = True
            self._reply.abort()

    def _forget_reply(self) -> None:
        self._reply_gone = True

    def close(self) -> None:
        if self._reply is None:
            return
        if not self._reply_gone and not sip.isdeleted(self._reply):
            self._abort()
            self._reply.deleteLater()
        self._timer.stop()
        self._reply = None
        if self in self._transport._answers:  # a client that polls for hours keeps no trail of answers
            self._transport._answers.remove(self)
