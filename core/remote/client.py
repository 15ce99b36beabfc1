"""The Processing API's client: a task created, polled and its result fetched (docs/task-api.md#protocol).

create: ``POST {base}/api`` with the key as header ``x-api-key`` and query ``api_key``;
poll: ``GET {base}/api/{task_id}`` without following redirects, until a ``303`` names the result
file or the answer is the statistics JSON; fetch: ``GET Location`` without the key, streamed to a
temporary file, checked against ``Content-Length``, resumed when cut off, renamed when whole.

Every wait ends. Each HTTP call has a timeout for the connection and for its whole answer, status
line and headers included (not only for each read: an answer that drips is cut off); 429 answers
are waited out as ``Retry-After`` asks, up to a cap and a number of times; 5xx answers and network errors are retried with exponential
backoff; the poll interval grows. ``max_wait`` bounds the whole remote task, from the client's
creation to the last byte of the result: no wait, backoff or download runs past it. API answers are
read up to a size cap; a download is refused when it is larger than its cap or cannot fit on the
disk with a margin to spare (checked before and while writing).

The HTTP calls go through a transport (:mod:`core.remote.transport`): ``requests`` on the command
line, QGIS's network inside QGIS; everything above is the same for both.

The key never appears in an error message, a log line or an exception text: it is checked to be
printable ASCII before any request, and everything said is passed through :meth:`ApiKey.redact`,
which finds it also escaped, URL-encoded or in another case. (Inside QGIS the transport applies the
authentication configuration and the key does not pass through the client, QGIS 3.22 to 3.24 aside:
any ``api_key`` or ``x-api-key`` value is still scrubbed.)
"""

from __future__ import annotations

import email.utils
import enum
import json
import logging
import os
import re
import shutil
import tempfile
import time
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, quote_plus, urljoin, urlsplit

from ..api_rules import DEFAULT_SEARCH_URL
from ..errors import DataError, LoadByExtentError, RequestError
from ..feedback import FeedbackLike, ProgressRange, check_cancelled, report
from ..i18n import tr
from ..request import TaskRequest
from .ledger import scrub_api_key
from .transport import (
    Answer,
    AnswerLate,
    BodyCut,
    ConnectTimedOut,
    NoAnswer,
    RequestsTransport,
    Transport,
    TransportError,
    TransportFactory,
    Unreachable,
    snippet,
)

KEY_HEADER = "x-api-key"
KEY_QUERY = "api_key"

# The API's words (its `status` or `task_type`) for a task that runs, read as PollState.RUNNING.
# docs/task-api.md#protocol lists `started` and `processing`; clients in the wild also meet these, and the create
# call answers `created` / `authentication`.
API_RUNNING_WORDS = {"started", "processing", "created", "authentication", "queued", "pending", "running", "in_progress"}
API_FAILED_WORDS = {"error", "failed", "failure"}  # read as PollState.FAILED
UNKNOWN_ANSWERS_TOLERATED = 20  # consecutive answers of no known shape before giving up
MAX_REDIRECTS = 5  # when fetching the result file from storage
DOWNLOAD_CHUNK = 16 * 1024  # each read waits for a whole chunk: small enough to notice a cancel soon
ANSWER_CHUNK = 64 * 1024
SNIPPET_BYTES = 64 * 1024  # of an answer only quoted in a message (5xx, 429, a redirect): the rest is dropped
MiB = 1024 * 1024
DISK_CHECK_BYTES = 8 * MiB  # free space is looked at again after each this much written


# --- the key ----------------------------------------------------------------------------------------

class InvalidApiKey(RequestError):
    """The key holds characters no key has (a line break, a space ...): refused before any request."""

    def __init__(self, message: str) -> None:
        LoadByExtentError.__init__(self, message)


# What a key may hold: printable ASCII without spaces. Anything else is a copy-and-paste accident
# (two lines of a file, a trailing comment) and would be quoted back by the HTTP library's errors.
_KEY_CHARACTERS = re.compile(r"[\x21-\x7e]+")

# Every key in use, for the logging filter (weak: a key nobody holds is not kept for it).
_LIVE_KEYS: weakref.WeakSet = weakref.WeakSet()


class ApiKey:
    """The API key: usable by the client, never printed. str() and repr() say ***."""

    __slots__ = ("_value", "_forms", "__weakref__")

    def __init__(self, value: str) -> None:
        value = (value or "").strip()
        if not value:
            raise LoadByExtentError(
                tr("no API key: give --api-key or set LBE_API_KEY (in QGIS: an authentication configuration)")
            )
        if not _KEY_CHARACTERS.fullmatch(value):  # the message never quotes the key, not even a part
            raise InvalidApiKey(tr("the API key holds a line break, a space, a control character or a "
                                   "non-ASCII character, which no key has: give the key alone, on one line"))
        self._value = value
        self._forms = _forms_of(value)
        _LIVE_KEYS.add(self)

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "ApiKey(***)"

    __str__ = __repr__

    def redact(self, text: str) -> str:
        """`text` with the key in any form (as is, escaped, URL-encoded, in any case), and any
        api_key query value or x-api-key header value, replaced by ***."""
        return scrub_api_key(self._forms.sub("***", str(text)))


def _forms_of(value: str) -> re.Pattern:
    """A pattern matching `value` as it may be quoted: as is, as repr() and JSON escape it,
    URL-encoded (either case of hex digits), in any letter case."""
    forms = {
        value,
        repr(value)[1:-1],
        value.encode("unicode_escape").decode("ascii"),
        json.dumps(value)[1:-1],
        quote(value, safe=""),
        quote(value),
        quote_plus(value),
    }
    alternatives = sorted((form for form in forms if form), key=len, reverse=True)
    return re.compile("|".join(re.escape(form) for form in alternatives), re.IGNORECASE)


class _RedactKeys:
    """A logging filter: urllib3 logs request URLs at debug level, and ours carry api_key=..."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = scrub_api_key(message)
        for key in list(_LIVE_KEYS):
            redacted = key.redact(redacted)
        if redacted != message:
            record.msg = redacted
            record.args = ()
        return True


def _redact_http_logs() -> None:
    import logging

    logger = logging.getLogger("urllib3.connectionpool")
    if not any(isinstance(existing, _RedactKeys) for existing in logger.filters):
        logger.addFilter(_RedactKeys())


# --- errors -------------------------------------------------------------------------------------------

class RemoteError(LoadByExtentError):
    """The API or the network failed us; the message says what happened and what to do."""

    def __init__(self, message: str, status: int | None = None, field: str | None = None) -> None:
        super().__init__(message, field)
        self.status = status


class KeyRejected(RemoteError):
    """401 / 403: the key is wrong, expired, or not allowed this."""


class RequestRejected(RemoteError):
    """422 and other 4xx answers about the request itself: the server's own message."""


class RemoteTaskFailed(RemoteError):
    """The server ran the task and reports a failure."""


class RemoteTimeout(RemoteError):
    """No answer in time, or the task did not finish within its limit."""


class DownloadRefused(RemoteError):
    """The result is larger than a download may be, or does not fit on the disk: the task is done on
    the server, so it stays resumable once there is room."""


# --- configuration and answers ---------------------------------------------------------------------

@dataclass(frozen=True)
class RemoteConfig:
    api_url: str
    api_key: ApiKey | None  # None: the transport applies the key itself (QGIS's authentication manager)
    key_source: str = ""  # where the key comes from, added to the message of a refused key (inside QGIS)
    search_url: str = DEFAULT_SEARCH_URL
    timeout: float = 60.0  # seconds, for each HTTP call: to connect, and for its whole answer (not the download)
    max_wait: float | None = None  # the user's limit on the whole remote task (download included), seconds
    transport: TransportFactory | None = None  # how calls are sent; None: requests (the command line's)
    poll_interval: float = 2.0  # first wait between polls, seconds
    poll_interval_max: float = 30.0
    poll_growth: float = 1.5
    max_retries: int = 6  # consecutive 5xx answers or network errors before giving up
    backoff_base: float = 1.0  # seconds; doubled after each retry
    backoff_max: float = 60.0
    max_retry_after: float = 300.0  # a longer Retry-After is cut to this
    max_rate_limited: int = 60  # consecutive 429 answers to one call before giving up
    answer_max_bytes: int = 8 * MiB  # an API answer (create, search, errors)
    statistics_max_bytes: int = 64 * MiB  # a poll's answer, which may be the statistics
    download_timeout: float = 3600.0  # seconds for the result download, at most (within max_wait)
    download_max_bytes: int = 16 * 1024 * MiB
    disk_margin_bytes: int = 100 * MiB  # left free on the disk of the result

    def __post_init__(self) -> None:
        object.__setattr__(self, "api_url", self.api_url.rstrip("/"))
        object.__setattr__(self, "search_url", self.search_url.rstrip("/"))


@dataclass(frozen=True)
class CreatedTask:
    task_id: str
    req_id: str | None
    task_timeout: float | None
    status: str
    created_at: float


class PollState(str, enum.Enum):
    """What one look at a task says of it."""

    RUNNING = "running"
    UNKNOWN = "unknown"  # an answer this plugin does not understand: waited on as running, a few times
    FILE = "file"  # done: its result file is at the answer's location
    STATISTICS = "statistics"  # done: the answer is the statistics
    FAILED = "failed"


@dataclass(frozen=True)
class PollAnswer:
    state: PollState
    progress: float | None = None
    location: str | None = None
    statistics: dict | None = None
    message: str = ""


class _Phase(str, enum.Enum):
    """What the client is doing, for the message when a limit is passed."""

    ASKING = "asking"  # a search or a connection test: no task involved
    CREATING = "creating"
    WAITING = "waiting"
    DOWNLOADING = "downloading"


@dataclass(frozen=True)
class _Limit:
    at: float  # on the client's clock
    what: str  # for the message: "the waiting limit of 60 s"


class _AnswerTooLarge(Exception):
    """The answer is larger than its cap."""


# --- the client -----------------------------------------------------------------------------------

def check_api_connection(config: RemoteConfig) -> str:
    """RemoteClient.check_connection with a client of its own, closed afterwards."""
    with RemoteClient(config) as client:
        return client.check_connection()


@dataclass
class RemoteClient:
    config: RemoteConfig
    feedback: FeedbackLike | None = None
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    keeps_tasks: bool = True  # whether a task given up on is kept in a ledger, to resume (for messages)

    def __post_init__(self) -> None:
        cancelled = None if self.feedback is None else self.feedback.isCanceled
        if self.config.transport is None:  # the command line: the environment's proxies
            self.transport: Transport = RequestsTransport(self.clock, cancelled)
        else:
            self.transport = self.config.transport(self.clock, cancelled)
        # max_wait counts from the client's creation: the backend makes one client per task
        self._budget: _Limit | None = None
        if self.config.max_wait is not None:
            what = tr("the waiting limit of {seconds} s").format(seconds=f"{self.config.max_wait:g}")
            self._budget = _Limit(self.clock() + self.config.max_wait, what)
        self._phase = _Phase.ASKING
        self._phase_limit: _Limit | None = None  # task_timeout while waiting, the download's own limit
        _redact_http_logs()

    def close(self) -> None:
        """Close the connections the client holds open (a client serves one task or one search)."""
        self.transport.close()

    def __enter__(self) -> RemoteClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- the protocol ------------------------------------------------------------------------
    def create(self, request: TaskRequest) -> CreatedTask:
        """POST the request; the task as the server created it."""
        self._phase, self._phase_limit = _Phase.CREATING, None
        answer, data = self.post_json(f"{self.config.api_url}/api", request.to_dict(), tr("creating the task"),
                                      accepted=(200, 201, 202), create=True)
        task_id = data.get("task_id") if isinstance(data, dict) else None
        if not task_id:
            message = tr("the API created no task (answer: {answer})").format(answer=snippet(data))
            raise RemoteError(self.redact(message), answer.status)
        status = str(data.get("status", ""))
        timeout = data.get("task_timeout")
        return CreatedTask(
            task_id=str(task_id),
            req_id=data.get("req_id"),
            task_timeout=float(timeout) if isinstance(timeout, (int, float)) and timeout > 0 else None,
            status=status,
            created_at=time.time(),
        )

    def poll(self, task_id: str) -> PollAnswer:
        """One look at the task (redirects are not followed: the 303 is the answer)."""
        url = f"{self.config.api_url}/api/{task_id}"
        answer = self._call("GET", url, max_bytes=self.config.statistics_max_bytes)
        if answer.status in (301, 302, 303, 307, 308):
            location = answer.headers.get("Location")
            if not location:
                raise RemoteError(self.redact(tr("the API answered a redirect without a Location")), answer.status)
            return PollAnswer(PollState.FILE, location=urljoin(url, location))  # a relative Location is the API's
        if answer.status == 404:
            message = tr("the API does not know task {task_id} (it may have expired on the server)")
            raise RemoteError(self.redact(message.format(task_id=task_id)), 404)
        if answer.status >= 400:
            raise self._http_error(answer, tr("asking for the task's status"))
        return _read_status(self._json(answer, tr("asking for the task's status")))

    def wait(self, task: CreatedTask, progress: ProgressRange | None = None,
             on_running: Callable[[PollAnswer], None] | None = None) -> PollAnswer:
        """Poll until the task is done (a file or statistics); raise when it fails or takes too long."""
        self._phase, self._phase_limit = _Phase.WAITING, self._task_limit(task)
        try:
            return self._wait(task, progress, on_running)
        finally:
            self._phase_limit = None

    def _wait(self, task: CreatedTask, progress: ProgressRange | None,
              on_running: Callable[[PollAnswer], None] | None) -> PollAnswer:
        interval = self.config.poll_interval
        unknown = 0
        while True:
            answer = self.poll(task.task_id)
            if answer.state is PollState.FAILED:
                message = tr("the task failed on the server: {reason}").format(reason=answer.message)
                raise RemoteTaskFailed(self.redact(message))
            if answer.state in (PollState.FILE, PollState.STATISTICS):
                return answer
            unknown = unknown + 1 if answer.state is PollState.UNKNOWN else 0
            if unknown >= UNKNOWN_ANSWERS_TOLERATED:
                raise RemoteError(self.redact(tr("the API keeps answering in a way this plugin does not understand")))
            if on_running is not None:
                on_running(answer)
            if progress is not None and answer.progress is not None:
                progress.set(answer.progress / 100)
            self._pause_within_limits(interval)
            interval = min(interval * self.config.poll_growth, self.config.poll_interval_max)

    def download(self, location: str, folder: str, stem: str, progress: ProgressRange | None = None) -> str:
        """Fetch the result file (without the key), resuming when cut off; return its path in
        `folder`, named `stem` + the extension its content calls for. Nothing partial is left.
        Bounded by max_wait and download_timeout, download_max_bytes and the free disk space."""
        what = tr("the download limit of {seconds} s").format(seconds=f"{self.config.download_timeout:g}")
        self._phase, self._phase_limit = _Phase.DOWNLOADING, _Limit(self.clock() + self.config.download_timeout, what)
        # a name of our own in the folder, kept past close: the download is written to it by path
        partial = tempfile.NamedTemporaryFile(dir=folder, prefix=".download-", suffix=".part", delete=False)  # noqa: SIM115
        partial.close()
        try:
            self._fetch_whole(location, partial.name, progress)
            extension = extension_for(partial.name)
            target = os.path.join(folder, f"{stem}.{extension}")
            os.replace(partial.name, target)
            return target
        except BaseException:
            if os.path.exists(partial.name):
                os.remove(partial.name)
            raise
        finally:
            self._phase_limit = None

    def check_connection(self) -> str:
        """Ask the API about a task that does not exist: it tells whether it is reachable and
        whether it accepts the key. Returns a sentence for the user; raises RemoteError."""
        answer = self._call("GET", f"{self.config.api_url}/api/{uuid.UUID(int=0)}")
        if answer.status in (401, 403):
            raise self._http_error(answer, tr("testing the connection"))
        host = urlsplit(self.config.api_url).netloc
        return tr("{host} answered (HTTP {status}) and accepted the key").format(host=host, status=answer.status)

    # --- HTTP with retries ------------------------------------------------------------------------
    def _call(self, method: str, url: str, json_body: dict | None = None, create: bool = False,
              with_key: bool = True, headers: dict | None = None, stream: bool = False,
              max_bytes: int | None = None) -> Answer:
        """One HTTP call, with 429 waited out, 5xx and network errors retried with backoff.

        The answer is read whole (at most `max_bytes`, default answer_max_bytes, within the timeout
        and the task's limits) unless `stream`: then a 200 or 206 is returned with its body unread.
        A POST that creates a task is retried only when the server surely did not take it
        (no connection, 429, 5xx): a lost answer could otherwise create the task twice.
        """
        attempt = 0
        rate_limited = 0
        send_headers = dict(headers or {})
        params = {}
        if with_key and self.config.api_key is not None:
            send_headers[KEY_HEADER] = self.config.api_key.reveal()
            params[KEY_QUERY] = self.config.api_key.reveal()
        host = urlsplit(url).netloc
        seconds = f"{self.config.timeout:g}"
        while True:
            check_cancelled(self.feedback)
            self._check_limits()
            try:
                answer = self._send(method, url, stream, max_bytes, headers=send_headers, params=params,
                                    json_body=json_body, authenticate=with_key)
            except ConnectTimedOut:
                problem = tr("no connection to {host} within {seconds} s").format(host=host, seconds=seconds)
            except (NoAnswer, AnswerLate) as error:
                if create:
                    message = tr("{host} took longer than {seconds} s to answer; the task may have been "
                                 "created anyway: look at the task list before running it again")
                    raise RemoteTimeout(self.redact(message.format(host=host, seconds=seconds))) from None
                if isinstance(error, AnswerLate):  # it began to answer, too slowly
                    problem = tr("{host} did not send its whole answer within {seconds} s")
                else:
                    problem = tr("{host} did not answer within {seconds} s")
                problem = problem.format(host=host, seconds=seconds)
            except _AnswerTooLarge:
                message = tr("the answer of {host} is larger than {size}, the most an API answer may be")
                size = max_bytes or self.config.answer_max_bytes
                raise RemoteError(self.redact(message.format(host=host, size=_size(size)))) from None
            except Unreachable as error:
                problem = tr("cannot reach {host}: {reason}").format(host=host, reason=error.reason)
            except TransportError as error:
                message = tr("the request to {host} failed: {reason}").format(host=host, reason=error.detail)
                raise RemoteError(self.redact(message)) from None
            else:
                if answer.status == 429:
                    rate_limited += 1
                    if rate_limited > self.config.max_rate_limited:
                        message = tr("{host} refused {count} times in a row for its rate limit (HTTP 429); "
                                     "try again later")
                        raise RemoteError(self.redact(message.format(host=host, count=rate_limited)), 429)
                    asked = retry_after_seconds(answer.headers.get("Retry-After"), self.config.poll_interval)
                    wait = min(asked, self.config.max_retry_after)
                    detail = tr("the API asked to wait {seconds} s more for its rate limit").format(
                        seconds=_seconds(asked))
                    self._check_limits(wait, detail, surely_not_taken=True)
                    message = tr("rate limit reached at {host}: waiting {seconds} s as it asks")
                    report(self.feedback, self.redact(message.format(host=host, seconds=_seconds(wait))))
                    self._pause(wait)
                    continue
                if answer.status < 500:
                    return answer
                problem = tr("{host} answered HTTP {status} ({answer})").format(
                    host=host, status=answer.status, answer=snippet(answer.text))
            attempt += 1
            if attempt > self.config.max_retries:
                message = tr("{problem}; gave up after {attempts} attempts")
                raise RemoteError(self.redact(message.format(problem=problem, attempts=attempt)))
            backoff = min(self.config.backoff_base * 2 ** (attempt - 1), self.config.backoff_max)
            self._check_limits(backoff, self.redact(tr("{problem}; next try in {seconds} s").format(
                problem=problem, seconds=f"{backoff:g}")))
            message = tr("{problem}; trying again in {seconds} s")
            report(self.feedback, self.redact(message.format(problem=problem, seconds=f"{backoff:g}")))
            self._pause(backoff)

    def _send(self, method: str, url: str, stream: bool, max_bytes: int | None, **request: Any) -> Answer:
        """One request; its status line, headers and (unless `stream` and a 200 or 206) body whole
        before the timeout (AnswerLate, or NoAnswer when not a byte came) or the task's limit
        (its RemoteTimeout)."""
        answer_deadline = self.clock() + self.config.timeout
        limit = self._nearest_limit()
        late_at = answer_deadline if limit is None else min(answer_deadline, limit.at)
        answer = cut = None
        # The transport ends every wait at late_at whatever the answer is at: the status line, the
        # headers or the body.
        try:
            answer = self.transport.send(method, url, timeout=self.config.timeout, deadline=late_at, **request)
            if answer.status in (429,) or answer.status >= 500 or (
                    stream and answer.status not in (200, 206)) or (
                    not stream and 300 <= answer.status < 400):
                self._read_answer(answer, SNIPPET_BYTES, late_at, truncate=True)
            elif not stream:
                self._read_answer(answer, max_bytes or self.config.answer_max_bytes, late_at)
        except TransportError as error:
            check_cancelled(self.feedback)  # the transport cut the connection because of a cancel
            if not error.late and self.clock() < late_at:
                raise
            cut = error
        check_cancelled(self.feedback)  # a cut can also end an answer early without an error
        if cut is not None or self.clock() >= late_at:
            if answer is not None:
                answer.close()
            if limit is not None and limit.at <= answer_deadline:
                raise self._gave_up(limit)
            if isinstance(cut, NoAnswer):
                raise cut  # cut before its first byte: it did not answer at all
            raise AnswerLate
        if answer is None:  # not reached: without an answer, the transport's error was raised or cut
            raise AnswerLate
        return answer

    def _read_answer(self, answer: Answer, max_bytes: int, late_at: float, truncate: bool = False) -> None:
        """Read the body of `answer` into it (answer.content, .text and .json() then work): at most
        max_bytes (_AnswerTooLarge, or the rest dropped when truncate), no further once late_at has
        passed (the transport cuts a read blocked past it; the caller says it is late)."""
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in answer.chunks(ANSWER_CHUNK, late_at):
                if size + len(chunk) > max_bytes:
                    if not truncate:
                        raise _AnswerTooLarge
                    chunks.append(chunk[:max_bytes - size])
                    break
                chunks.append(chunk)
                size += len(chunk)
                if self.clock() >= late_at:
                    break
        finally:
            answer.close()
        answer.content = b"".join(chunks)

    def _fetch_whole(self, location: str, path: str, progress: ProgressRange | None) -> None:
        received = 0
        expected: int | None = None
        attempt = 0
        redirects = 0
        host = urlsplit(location).netloc
        folder = os.path.dirname(path)
        max_bytes = self.config.download_max_bytes
        while True:
            headers = {"Range": f"bytes={received}-"} if received else None
            try:
                # The storage host gets no key: neither header nor query.
                answer = self._call("GET", location, with_key=False, headers=headers, stream=True)
                if answer.status in (301, 302, 303, 307, 308) and answer.headers.get("Location") \
                        and redirects < MAX_REDIRECTS:
                    redirects += 1
                    location = urljoin(location, answer.headers["Location"])
                    host = urlsplit(location).netloc
                    continue
                if answer.status not in (200, 206):
                    message = tr("{host} answered HTTP {status} for the result file ({answer})")
                    raise RemoteError(self.redact(message.format(
                        host=host, status=answer.status, answer=snippet(answer.text))), answer.status)
                if answer.status == 200 and received:
                    received = 0  # the server ignored the range: start over
                if expected is None or answer.status == 200:
                    length = answer.headers.get("Content-Length")
                    expected = (int(length) + received) if length and length.isdigit() else None
                if expected is not None:  # refused before a byte is written when it cannot fit
                    answer_bytes = expected - received
                    self._check_download_size(answer, expected, max_bytes)
                    self._check_free_space(answer, folder, answer_bytes, received)
                limit = self._nearest_limit()
                next_disk_check = received + DISK_CHECK_BYTES
                cut = False
                with open(path, "ab" if received else "wb") as stream:
                    try:
                        for chunk in answer.chunks(DOWNLOAD_CHUNK, None if limit is None else limit.at):
                            check_cancelled(self.feedback)
                            if limit is not None and self.clock() >= limit.at:
                                break
                            self._check_download_size(answer, received + len(chunk), max_bytes)
                            stream.write(chunk)
                            received += len(chunk)
                            if received >= next_disk_check:
                                stream.flush()
                                self._check_free_space(answer, folder, 0, received)
                                next_disk_check = received + DISK_CHECK_BYTES
                            if progress is not None and expected:
                                progress.set(received / expected)
                    except TransportError as error:
                        if not error.late:
                            raise
                        cut = True
                    finally:
                        answer.close()
                check_cancelled(self.feedback)
                if limit is not None and (cut or self.clock() >= limit.at):
                    raise self._gave_up(limit, tr("{received} bytes received").format(received=received))
                if expected is None or received == expected:
                    return
                problem = tr("the download from {host} stopped after {received} of {expected} bytes").format(
                    host=host, received=received, expected=expected)
            except (BodyCut, Unreachable) as error:
                check_cancelled(self.feedback)  # the transport cut the connection because of a cancel
                problem = tr("the download from {host} was cut off after {received} bytes ({reason})").format(
                    host=host, received=received, reason=error.reason)
            attempt += 1
            if attempt > self.config.max_retries:
                message = tr("{problem}; gave up after {attempts} attempts")
                raise RemoteError(self.redact(message.format(problem=problem, attempts=attempt)))
            backoff = min(self.config.backoff_base * 2 ** (attempt - 1), self.config.backoff_max)
            self._check_limits(backoff, self.redact(problem))
            report(self.feedback, self.redact(tr("{problem}; resuming").format(problem=problem)))
            self._pause(backoff)

    def _check_download_size(self, answer: Answer, size: int, max_bytes: int) -> None:
        if size > max_bytes:
            answer.close()
            message = tr("the result file is larger than {limit}, the most a download may be")
            raise DownloadRefused(self.redact(message.format(limit=_size(max_bytes))))

    def _check_free_space(self, answer: Answer, folder: str, still_to_come: int, received: int) -> None:
        """DownloadRefused when writing `still_to_come` more bytes would leave less than the margin free."""
        free = shutil.disk_usage(folder).free
        margin = self.config.disk_margin_bytes
        if free - still_to_come >= margin:
            return
        answer.close()
        if still_to_come:
            message = tr("the result file ({size}) does not fit in {folder}: {free} free, and {margin} are "
                         "kept free; make room and resume the task")
            text = message.format(size=_size(still_to_come + received), folder=folder, free=_size(free),
                                  margin=_size(margin))
        else:
            message = tr("the disk of {folder} is nearly full ({free} free, {margin} are kept free): the download "
                         "stopped after {received}; make room and resume the task")
            text = message.format(folder=folder, free=_size(free), margin=_size(margin), received=_size(received))
        raise DownloadRefused(self.redact(text))

    # --- limits -------------------------------------------------------------------------------------
    def _nearest_limit(self) -> _Limit | None:
        limits = [limit for limit in (self._budget, self._phase_limit) if limit is not None]
        return min(limits, key=lambda limit: limit.at) if limits else None

    def _check_limits(self, wait: float = 0.0, detail: str = "", surely_not_taken: bool = False) -> None:
        """The task's RemoteTimeout when waiting `wait` seconds more would pass a limit: a wait
        longer than what is left is not begun."""
        limit = self._nearest_limit()
        if limit is not None and self.clock() + wait >= limit.at:
            raise self._gave_up(limit, detail, surely_not_taken)

    def _pause_within_limits(self, seconds: float) -> None:
        self._check_limits(seconds)
        self._pause(seconds)

    def _gave_up(self, limit: _Limit, detail: str = "", surely_not_taken: bool = False) -> RemoteTimeout:
        what = limit.what if not detail else f"{limit.what} ({detail})"
        if self._phase is _Phase.CREATING and surely_not_taken:
            message = tr("the task was not created within {limit}; nothing was sent to run")
        elif self._phase is _Phase.CREATING:
            message = tr("the task was not created within {limit}; if the server took it all the same, it may "
                         "run anyway: look at the task list before running it again")
        elif self._phase is _Phase.DOWNLOADING:
            message = tr("the result was not downloaded within {limit}; the task is done on the server: {resume}")
        elif self._phase is _Phase.ASKING:
            message = tr("the API did not answer within {limit}")
        else:
            message = tr("the task did not finish within {limit}; it may still finish on the server: {resume}")
        if self.keeps_tasks:
            resume = tr("it is kept in the task ledger, to resume later from the task list (or by running the "
                        "same request again)")
        else:
            resume = tr("without a task ledger, it cannot be resumed")
        return RemoteTimeout(self.redact(message.format(limit=what, resume=resume)))

    def _task_limit(self, task: CreatedTask) -> _Limit | None:
        if task.task_timeout is None:
            return None
        remaining = task.created_at + task.task_timeout - time.time()
        what = tr("its task_timeout of {seconds} s").format(seconds=f"{task.task_timeout:g}")
        return _Limit(self.clock() + remaining, what)

    def _pause(self, seconds: float) -> None:
        """Sleep, in short slices so that a cancel is honoured promptly."""
        end = self.clock() + seconds
        while True:
            check_cancelled(self.feedback)
            left = end - self.clock()
            if left <= 0:
                return
            self.sleep(min(left, 0.1))

    def post_json(self, url: str, body: dict, doing: str, accepted: tuple[int, ...] = (200,),
                  create: bool = False) -> tuple[Answer, Any]:
        """POST `body` as JSON (retried as _call retries); the answer and its JSON. RemoteError
        (or KeyRejected, RequestRejected ...) saying `doing` for any other status or a body that is
        not JSON."""
        answer = self._call("POST", url, json_body=body, create=create)
        if answer.status not in accepted:
            raise self._http_error(answer, doing)
        return answer, self._json(answer, doing)

    def service_json(self, method: str, url: str, doing: str, body: dict | None = None,
                     accepted: tuple[int, ...] = (200,)) -> tuple[Answer, Any]:
        """One call to a service other than the task API (a STAC catalog, a token service), without
        the key, with the same retries, limits and caps as the API's calls; the answer and its JSON.
        RemoteError naming the host and `doing` for any other status or a body that is not JSON."""
        answer = self._call(method, url, json_body=body, with_key=False)
        if answer.status not in accepted:
            raise self._http_error(answer, doing, service=urlsplit(url).netloc)
        return answer, self._json(answer, doing, service=urlsplit(url).netloc)

    def _json(self, answer: Answer, doing: str, service: str | None = None) -> Any:
        try:
            return answer.json()
        except ValueError:
            if service is None:
                message = tr("the API's answer when {doing} is not JSON: {answer}")
            else:
                message = tr("the answer of {host} when {doing} is not JSON: {answer}")
            raise RemoteError(self.redact(message.format(doing=doing, host=service, answer=snippet(answer.text))),
                              answer.status) from None

    def _http_error(self, answer: Answer, doing: str, service: str | None = None) -> RemoteError:
        """The error of an answer of status `answer.status`; `service`: the host of a service other
        than the task API (no key was sent: a refusal is not the key's)."""
        message = _server_message(answer)
        code = answer.status
        if service is not None:
            text = tr("{host} answered HTTP {status} when {doing}: {reason}").format(
                host=service, status=code, doing=doing, reason=message or tr("no message"))
            return RemoteError(self.redact(text), code)
        if code in (401, 403):
            if message:
                text = tr("the API refused the key (HTTP {status}: {reason}): "
                          "check the API key of the authentication configuration")
            else:
                text = tr("the API refused the key (HTTP {status}): "
                          "check the API key of the authentication configuration")
            text = text.format(status=code, reason=message)
            if self.config.key_source:
                text = f"{text}; {self.config.key_source}"
            return KeyRejected(self.redact(text), code)
        if code == 422:
            text = tr("the API rejected the request: {reason}").format(reason=message or "HTTP 422")
            return RequestRejected(self.redact(text), code)
        text = tr("HTTP {status} when {doing}: {reason}").format(
            status=code, doing=doing, reason=message or tr("no message"))
        if 400 <= code < 500:
            return RequestRejected(self.redact(text), code)
        return RemoteError(self.redact(text), code)

    def redact(self, text: str) -> str:
        if self.config.api_key is None:  # the key never came through Python: only its usual places
            return scrub_api_key(str(text))
        return self.config.api_key.redact(text)


def _seconds(seconds: float) -> str:
    """Seconds for people: 2, 0.05, 999999999 (not 1e+09)."""
    return f"{seconds:.0f}" if seconds >= 1000 else f"{seconds:g}"


def _size(count: int) -> str:
    """A byte count for people: 100 MiB, 16 GiB, 512 bytes."""
    for unit, size in (("GiB", 1024 ** 3), ("MiB", MiB), ("KiB", 1024)):
        if count >= size:
            return f"{count / size:.3g} {unit}"
    return tr("{count} bytes").format(count=count)


def _read_status(data: Any) -> PollAnswer:
    """What a 200 JSON answer of the poll says (every shape of docs/task-api.md#protocol)."""
    if not isinstance(data, dict):
        return PollAnswer(PollState.UNKNOWN)
    if isinstance(data.get("result"), list):
        return PollAnswer(PollState.STATISTICS, statistics=data)
    status = data.get("status")
    task_type = str(data.get("task_type", "")).lower()
    message = data.get("error_message") or data.get("error") or data.get("message")
    if status is False or task_type in API_FAILED_WORDS or str(status).lower() in API_FAILED_WORDS \
            or data.get("error") or data.get("error_message"):
        return PollAnswer(PollState.FAILED, message=str(message or tr("no reason given")))
    if task_type in API_RUNNING_WORDS or str(status).lower() in API_RUNNING_WORDS:
        progress = data.get("progress")
        progress = float(progress) if isinstance(progress, (int, float)) and 0 <= progress <= 100 else None
        return PollAnswer(PollState.RUNNING, progress=progress, message=str(status or task_type))
    return PollAnswer(PollState.UNKNOWN)


def _server_message(answer: Answer) -> str:
    try:
        data = answer.json()
    except ValueError:
        return snippet(answer.text)
    if isinstance(data, dict):
        for key in ("error", "error_message", "message", "detail"):
            if data.get(key):
                return str(data[key])
    return snippet(json.dumps(data))


def retry_after_seconds(value: str | None, default: float) -> float:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return default
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, moment.timestamp() - time.time())


_MAGIC = (
    (b"PK\x03\x04", "zip"),
    (b"II*\x00", "tif"),
    (b"MM\x00*", "tif"),
    (b"II+\x00", "tif"),  # BigTIFF
    (b"MM\x00+", "tif"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "jp2"),
    (b"\xff\x4f\xff\x51", "j2k"),
    (b"\xff\xd8\xff", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
)


def extension_for(path: str) -> str:
    """The file extension a downloaded result's content calls for (zip, tif, jp2, jpg, png)."""
    with open(path, "rb") as stream:
        head = stream.read(16)
    for magic, extension in _MAGIC:
        if head.startswith(magic):
            return extension
    stripped = head.lstrip()
    if stripped.startswith((b"{", b"[")):
        return "json"
    raise DataError(tr("the result file is of no known type (it starts with {start})").format(start=repr(head[:8])))
