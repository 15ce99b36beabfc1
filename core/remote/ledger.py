"""The task ledger: every task sent to the remote Processing API, kept in a small JSON file.

Two things need it:

- after a restart of QGIS, tasks that had not finished can be offered for resumed polling (the
  server keeps a task for its ``task_timeout``; the task id is all polling needs);
- an identical request sent again within the task's ``task_timeout`` reuses the finished result
  (or the still-running task) instead of paying for a new one. To force a new run, the caller
  simply does not ask :meth:`TaskLedger.find_reusable` and records the new task as usual.

"Identical" is decided by :func:`request_key`: the API's base URL, the task type, the params
without ``reference`` (the dock gives every run a new reference; the work asked is the same) and
the ``callback_url``.

The file is ``{"version": 1, "tasks": [...]}``. Every operation takes a lock (a thread lock, and
``fcntl.flock`` on ``<path>.lock`` between processes where fcntl exists), re-reads the file,
applies its change and writes the file back atomically (temporary file in the same folder, fsync,
``os.replace``), so two QGIS windows or a QGIS and a command line can share one ledger.

The ledger and its lock file must each be a regular file or not exist: anything else at either path
(a device such as ``/dev/null``, a symbolic link, a folder, a pipe) is refused with a message, never
written through or replaced; :func:`ledger_path_for_command_line` is how a user turns the ledger off.

The API key is never stored. Requests never contain it; as a second line of defence every string
written is scrubbed: ``api_key=<value>`` (also ``apikey=``, ``x-api-key=``) becomes
``api_key=***``, a header-like ``x-api-key: <value>`` becomes ``x-api-key: ***``, and the value
of any JSON member named like a key (``api_key``, ``x-api-key``, ...) becomes ``***``.

No Qt or QGIS here: the command line uses this module as it is.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import enum
import hashlib
import json
import math
import os
import re
import stat
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Callable, Union

from ..errors import LoadByExtentError
from ..i18n import tr
from ..request import TaskRequest

try:  # POSIX: a lock between processes; elsewhere the thread lock is all there is
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class LedgerStatus(str, enum.Enum):
    """A recorded task's state, as the plugin last saw it; the values are the words stored in the file."""

    CREATED = "created"  # the server accepted it
    RUNNING = "running"  # seen running, or given up on before its result was saved: resumable
    DONE = "done"  # its result files are saved
    FAILED = "failed"  # failed on the server, or expired there
    CANCELLED = "cancelled"  # the user stopped waiting for it

    @property
    def is_unfinished(self) -> bool:
        return self in (LedgerStatus.CREATED, LedgerStatus.RUNNING)


LEDGER_FORMAT_VERSION = 1
DEFAULT_KEEP_SECONDS = 30 * 24 * 3600.0
SCRUBBED = "***"

RequestLike = Union[TaskRequest, dict]


# --- never store the key ------------------------------------------------------------------------

# `api_key=VALUE` in a URL (also URL-encoded `api_key%3DVALUE` inside another URL's query, and the
# spellings apikey / api-key / x-api-key); the value ends where the query parameter ends.
_KEY_IN_QUERY = re.compile(r"(?i)\b((?:x-)?api[_-]?key(?:=|%3D))([^&#\s\"'<>]+)")
# `x-api-key: VALUE` as in a header line or a copied curl command.
_KEY_IN_HEADER = re.compile(r"(?i)\b((?:x-)?api[_-]?key\s*:\s*)([^\s\"'<>,;]+)")
# a JSON member whose name says it holds a key: api_key, apikey, api-key, x-api-key, x_api_key ...
_KEY_MEMBER_NAME = re.compile(r"(?i)(?:x[-_])?api[-_]?key")
# the same member in JSON text, unless its value is already the scrubbed one
_UNSCRUBBED_KEY_MEMBER = re.compile(r"(?i)\"(?:x[-_])?api[-_]?key\"\s*:\s*(?!\"\*\*\*\")")


def scrub_api_key(text: str) -> str:
    """`text` with the value of every API key it holds replaced by ``***``."""
    text = _KEY_IN_QUERY.sub(lambda match: match.group(1) + SCRUBBED, text)
    return _KEY_IN_HEADER.sub(lambda match: match.group(1) + SCRUBBED, text)


def _scrub_json(value: Any) -> Any:
    """A copy of a JSON value with every API key scrubbed, in strings and in members named like a key."""
    if isinstance(value, str):
        return scrub_api_key(value)
    if isinstance(value, list):
        return [_scrub_json(item) for item in value]
    if isinstance(value, dict):
        return {
            name: SCRUBBED if isinstance(name, str) and _KEY_MEMBER_NAME.fullmatch(name) and item else _scrub_json(item)
            for name, item in value.items()
        }
    return value


def _may_hold_a_key(json_text: str) -> bool:
    """Whether JSON text may hold a key that is not scrubbed yet. Errs on the side of yes: the
    exact (slower) scrub of the decoded values then decides. Keeps every write from walking the
    whole ledger value by value when, as almost always, there is nothing to scrub."""
    if "apikey" not in json_text.lower().replace("_", "").replace("-", ""):  # a quick no for most ledgers
        return False
    for pattern in (_KEY_IN_QUERY, _KEY_IN_HEADER):
        if any(match.group(2) != SCRUBBED for match in pattern.finditer(json_text)):
            return True
    return _UNSCRUBBED_KEY_MEMBER.search(json_text) is not None


# --- what makes two requests the same work ------------------------------------------------------

def normalise_api_url(api_url: str) -> str:
    """The API's base URL as compared: scheme and host in lower case, no query, no fragment, no
    trailing slash (the key travels in the query on older hosts; it is not part of the address)."""
    parts = urllib.parse.urlsplit(api_url.strip())
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), "", ""))


def _request_dict(request: RequestLike) -> dict:
    return request.to_dict() if isinstance(request, TaskRequest) else copy.deepcopy(request)


def request_key(api_url: str, request: RequestLike) -> str:
    """sha256 (hex) of the canonical JSON of what the server is asked to do, and where.

    Canonical: sorted keys, no whitespace. ``params.reference`` is left out: every run from the
    dock has a new one, and the server's work does not depend on it.
    """
    data = _request_dict(request)
    params = data.get("params")
    params = {name: value for name, value in params.items() if name != "reference"} if isinstance(params, dict) else {}
    canonical = {
        "api_url": normalise_api_url(api_url),
        "type": data.get("type"),
        "params": params,
        "callback_url": data.get("callback_url"),
    }
    text = json.dumps(canonical, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- one task -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class LedgerEntry:
    """One task the remote API accepted, as last seen by the plugin."""

    task_id: str
    req_id: str | None
    api_url: str
    request: dict = field(hash=False)  # the TaskRequest's JSON object (never holds the key)
    request_key: str
    status: LedgerStatus
    task_timeout: float | None  # seconds the server keeps the task; None when it did not say
    created_at: float  # epoch seconds
    updated_at: float
    result_type: str | None = None
    result_files: tuple[str, ...] = ()
    message: str = ""  # last status or error message, for the task list

    def __post_init__(self) -> None:
        # a list given for result_files would make the entry unhashable and mutable from outside;
        # a TaskRequest given for request is stored as the JSON object it stands for
        object.__setattr__(self, "result_files", tuple(self.result_files))
        # a status given as its stored word is the status; any other value is refused when recorded
        with contextlib.suppress(ValueError, TypeError):
            object.__setattr__(self, "status", LedgerStatus(self.status))
        if isinstance(self.request, TaskRequest):
            object.__setattr__(self, "request", self.request.to_dict())

    @property
    def expires_at(self) -> float | None:
        return None if self.task_timeout is None else self.created_at + self.task_timeout

    def is_expired(self, now: float) -> bool:
        """True once the server has dropped the task. Without a known task_timeout: never."""
        expires_at = self.expires_at
        return expires_at is not None and now >= expires_at

    @property
    def is_unfinished(self) -> bool:
        return self.status.is_unfinished

    def to_json(self) -> dict:
        """A JSON-ready dict (not a string) of every field."""
        return self._json_members(copy.deepcopy(self.request))

    def _json_members(self, request: dict) -> dict:
        # by hand rather than dataclasses.asdict: the whole ledger is written on every change
        return {
            "task_id": self.task_id,
            "req_id": self.req_id,
            "api_url": self.api_url,
            "request": request,
            "request_key": self.request_key,
            "status": self.status.value,
            "task_timeout": self.task_timeout,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "result_type": self.result_type,
            "result_files": list(self.result_files),
            "message": self.message,
        }

    @classmethod
    def from_json(cls, data: dict) -> LedgerEntry:
        """An entry from its JSON dict, tolerant of missing and extra members (other versions of
        the plugin wrote them). Only a task id is indispensable: LoadByExtentError without one."""
        return cls._from_json(data, copy_request=True)

    @classmethod
    def _from_json(cls, data: dict, copy_request: bool) -> LedgerEntry:
        # copy_request=False for a dict freshly parsed from the file, which nothing else holds
        if not isinstance(data, dict):
            raise LoadByExtentError(tr("a task in the ledger is not a JSON object: {data}").format(data=repr(data)))
        task_id = data.get("task_id")
        if not isinstance(task_id, str) or not task_id:
            raise LoadByExtentError(tr("a task in the ledger has no task_id: {data}").format(data=repr(data)))
        api_url = _text_or(data.get("api_url"), "")
        stored = data.get("request")
        request: dict = stored if isinstance(stored, dict) else {}
        created_at = _number_or(data.get("created_at"), 0.0)
        files = data.get("result_files")
        return cls(
            task_id=task_id,
            req_id=_text_or(data.get("req_id"), None),
            api_url=api_url,
            request=copy.deepcopy(request) if copy_request else request,
            request_key=_text_or(data.get("request_key"), None) or request_key(api_url, request),
            status=_status(data.get("status")),
            task_timeout=_number_or(data.get("task_timeout"), None),
            created_at=created_at,
            updated_at=_number_or(data.get("updated_at"), created_at),
            result_type=_text_or(data.get("result_type"), None),
            result_files=tuple(item for item in files if isinstance(item, str)) if isinstance(files, list) else (),
            message=_text_or(data.get("message"), ""),
        )


def _status(value: Any) -> LedgerStatus:
    """The status stored in the file. A task without one is neither resumed nor reused (FAILED); a
    word this version does not know (another version wrote it) makes the task unreadable, so it is
    kept in the file as it is."""
    if not isinstance(value, str):
        return LedgerStatus.FAILED
    try:
        return LedgerStatus(value)
    except ValueError:
        raise LoadByExtentError(tr("{status} is not a task status (one of {statuses})").format(
            status=repr(value), statuses=_STATUS_WORDS), "status") from None


_STATUS_WORDS = ", ".join(status.value for status in LedgerStatus)


def _text_or(value: Any, default: Any) -> Any:
    return value if isinstance(value, str) else default


def _number_or(value: Any, default: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return default
    return float(value)


def _check_entry(entry: LedgerEntry) -> None:
    if not isinstance(entry.task_id, str) or not entry.task_id:
        raise LoadByExtentError(tr("a task needs a task_id to be recorded"), "task_id")
    status: object = entry.status  # update(**changes) takes any value: checked here
    if not isinstance(status, LedgerStatus):
        message = tr("{status} is not a task status (one of {statuses})")
        raise LoadByExtentError(message.format(status=repr(status), statuses=_STATUS_WORDS), "status")


# --- where the ledger lives ---------------------------------------------------------------------

def default_ledger_path() -> str:
    """``$LBE_LEDGER``, else ``$XDG_STATE_HOME/load_by_extent/remote-tasks.json`` (XDG's default
    state folder is ``~/.local/state``). Inside QGIS the plugin passes a path in its profile."""
    explicit = os.environ.get("LBE_LEDGER")
    if explicit:
        return os.path.abspath(os.path.expanduser(explicit))
    state_home = os.environ.get("XDG_STATE_HOME")
    if not state_home or not os.path.isabs(state_home):  # the XDG spec says to ignore a relative one
        state_home = os.path.join(os.path.expanduser("~"), ".local", "state")
    return os.path.join(state_home, "load_by_extent", "remote-tasks.json")


def ledger_path_for_command_line(option: str | None, disabled: bool = False) -> str | None:
    """The ledger the command line uses: None (no ledger) with ``--no-ledger``, an empty
    ``--ledger ""`` or an empty ``$LBE_LEDGER``; else ``--ledger``, else the default path."""
    if disabled or option == "":
        return None
    if option is None and os.environ.get("LBE_LEDGER") == "":
        return None
    return os.path.abspath(os.path.expanduser(option)) if option else default_ledger_path()


def _check_regular_or_missing(path: str, what: str) -> None:
    """LoadByExtentError unless `path` is a regular file or nothing at all. lstat: a symbolic link is refused
    too, since replacing the ledger would turn it into a plain file and writing through it would
    change whatever it points at."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        message = tr("cannot use the task ledger {path}: {reason}")
        raise LoadByExtentError(message.format(path=path, reason=error.strerror or error)) from None
    if not stat.S_ISREG(info.st_mode):
        _refuse(path, what, info.st_mode)


def _refuse(path: str, what: str, mode: int) -> None:
    message = tr("{what} {path} is not a regular file ({kind}): give the path of a regular file, or of one "
                 "that does not exist yet (on the command line, --no-ledger or an empty LBE_LEDGER turns "
                 "the ledger off)")
    raise LoadByExtentError(message.format(what=what, path=path, kind=_file_kind(mode)))


def _file_kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return tr("a symbolic link")
    if stat.S_ISDIR(mode):
        return tr("a folder")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return tr("a device")
    if stat.S_ISFIFO(mode):
        return tr("a pipe")
    if stat.S_ISSOCK(mode):
        return tr("a socket")
    return tr("not a file")


# One thread lock per ledger file, shared by every TaskLedger of this process on that file.
_THREAD_LOCKS: dict[str, threading.Lock] = {}
_THREAD_LOCKS_GUARD = threading.Lock()


def _thread_lock_for(path: str) -> threading.Lock:
    with _THREAD_LOCKS_GUARD:
        return _THREAD_LOCKS.setdefault(os.path.normcase(os.path.realpath(path)), threading.Lock())


@dataclass
class _LedgerContents:
    """The file as read: the entries in file order (oldest first), plus any task this version
    cannot read, written back untouched so that nothing another version wrote is lost."""

    entries: list[LedgerEntry]
    unreadable: list[Any]

    def index_of(self, task_id: str) -> int | None:
        for index, entry in enumerate(self.entries):
            if entry.task_id == task_id:
                return index
        return None


def _newest_first(entries: list[LedgerEntry]) -> list[LedgerEntry]:
    # file order breaks ties: of two tasks created in the same second, the one added later is newer
    return sorted(reversed(entries), key=lambda entry: entry.created_at, reverse=True)  # noqa: C414 - see above


class TaskLedger:
    """The persistent list of remote tasks. Safe to use from several threads and processes."""

    def __init__(self, path: str, clock: Callable[[], float] = time.time) -> None:
        self.path = os.path.abspath(os.path.expanduser(path))
        self._clock = clock
        self._thread_lock = _thread_lock_for(self.path)
        self.set_aside_files: list[str] = []  # corrupt ledgers moved aside by this object, to tell the user

    def check_path(self) -> None:
        """LoadByExtentError when the ledger or its lock file is something else than a regular file (or
        nothing): before sending a task, so that it is not sent only to be lost."""
        with self._thread_lock:
            _check_regular_or_missing(self.path, tr("the task ledger"))
            _check_regular_or_missing(self.path + ".lock", tr("the task ledger's lock file"))

    # --- changing ------------------------------------------------------------------------------
    def add(self, entry: LedgerEntry) -> LedgerEntry:
        """Record a task; an entry with the same task id is replaced. Returns the entry as stored
        (request_key filled in when empty, API key scrubbed)."""
        _check_entry(entry)
        if not entry.request_key:
            entry = dataclasses.replace(entry, request_key=request_key(entry.api_url, entry.request))
        entry = _scrubbed(entry)
        with self._locked(create_folder=True):
            contents = self._read()
            index = contents.index_of(entry.task_id)
            if index is None:
                contents.entries.append(entry)
            else:
                contents.entries[index] = entry
            self._write(contents)
        return entry

    def record_created(
        self,
        task_id: str,
        api_url: str,
        request: RequestLike,
        req_id: str | None = None,
        task_timeout: float | None = None,
        created_at: float | None = None,
        message: str = "",
    ) -> LedgerEntry:
        """Record a task the server has just accepted (status CREATED; created when the server said
        so, else now), with the server's first status as its message."""
        now = self._clock() if created_at is None else created_at
        request_data = _request_dict(request)
        return self.add(LedgerEntry(
            task_id=task_id,
            req_id=req_id,
            api_url=api_url,
            request=request_data,
            request_key=request_key(api_url, request_data),
            status=LedgerStatus.CREATED,
            task_timeout=task_timeout,
            created_at=now,
            updated_at=now,
            message=message,
        ))

    def update(self, task_id: str, **changes: Any) -> LedgerEntry:
        """Change fields of a recorded task (``status=LedgerStatus.DONE, result_files=[...]``); updated_at is set
        to now unless given. LoadByExtentError naming the task when it is not in the ledger."""
        if "task_id" in changes:
            raise LoadByExtentError(tr("a task's id cannot change; forget it and add the new one"), "task_id")
        unknown = sorted(set(changes) - {item.name for item in dataclasses.fields(LedgerEntry)})
        if unknown:
            raise LoadByExtentError(tr("{field} is not a field of a ledger entry").format(field=unknown[0]), unknown[0])
        with self._locked(create_folder=True):
            contents = self._read()
            index = contents.index_of(task_id)
            if index is None:
                message = tr("task {task_id} is not in the task ledger {path}")
                raise LoadByExtentError(message.format(task_id=task_id, path=self.path), "task_id")
            changes.setdefault("updated_at", self._clock())
            entry = dataclasses.replace(contents.entries[index], **changes)
            _check_entry(entry)
            if "api_url" in changes or "request" in changes:
                entry = dataclasses.replace(entry, request_key=request_key(entry.api_url, entry.request))
            entry = _scrubbed(entry)
            contents.entries[index] = entry
            self._write(contents)
        return entry

    def prune(self, now: float | None = None, keep_seconds: float = DEFAULT_KEEP_SECONDS) -> int:
        """Drop finished tasks (done, failed, cancelled) last updated more than keep_seconds ago.
        Unfinished tasks stay: unfinished() retires them once they expire. Returns how many went."""
        now = self._clock() if now is None else now
        with self._locked(create_folder=False):
            contents = self._read()
            kept = [entry for entry in contents.entries
                    if entry.is_unfinished or now - entry.updated_at <= keep_seconds]
            dropped = len(contents.entries) - len(kept)
            if dropped:
                contents.entries = kept
                self._write(contents)
        return dropped

    # --- reading -------------------------------------------------------------------------------
    def get(self, task_id: str) -> LedgerEntry | None:
        with self._locked(create_folder=False):
            contents = self._read()
        index = contents.index_of(task_id)
        return None if index is None else contents.entries[index]

    def entries(self) -> list[LedgerEntry]:
        """Every recorded task, newest first."""
        with self._locked(create_folder=False):
            contents = self._read()
        return _newest_first(contents.entries)

    def unfinished(self, now: float | None = None) -> list[LedgerEntry]:
        """Tasks created or running that the server still keeps, newest first: the ones to offer
        for resumed polling. Unfinished tasks past their task_timeout are marked FAILED here."""
        now = self._clock() if now is None else now
        with self._locked(create_folder=False):
            contents = self._read()
            expired = False
            for index, entry in enumerate(contents.entries):
                if entry.is_unfinished and entry.is_expired(now):
                    contents.entries[index] = dataclasses.replace(
                        entry, status=LedgerStatus.FAILED, message=tr("expired on the server (task_timeout passed)"),
                        updated_at=now)
                    expired = True
            if expired:
                self._write(contents)
        return [entry for entry in _newest_first(contents.entries) if entry.is_unfinished]

    def find_reusable(self, api_url: str, request: RequestLike, now: float | None = None) -> LedgerEntry | None:
        """The newest task doing the same work (same request_key) that can stand in for a new one:
        DONE, not expired, with at least one result file and all of them still on disk; or
        unfinished and not expired (to resume polling rather than pay for a duplicate). Failed and
        cancelled tasks are never reused. None: send a new request."""
        now = self._clock() if now is None else now
        wanted = request_key(api_url, request)
        for entry in self.entries():
            if entry.request_key != wanted or entry.is_expired(now):
                continue
            if entry.is_unfinished:
                return entry
            # a done task without files (nothing was saved) has nothing to give back
            if entry.status is LedgerStatus.DONE and entry.result_files \
                    and all(os.path.isfile(path) for path in entry.result_files):
                return entry
        return None

    # --- the file ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _locked(self, create_folder: bool) -> Iterator[None]:
        """Hold the ledger: this process's thread lock, then the lock file between processes.
        Reading a ledger whose folder does not exist creates nothing (there is nothing to lock)."""
        with self._thread_lock:
            _check_regular_or_missing(self.path, tr("the task ledger"))
            folder = os.path.dirname(self.path)
            if fcntl is None or (not create_folder and not os.path.isdir(folder)):
                yield
                return
            lock_path = self.path + ".lock"
            _check_regular_or_missing(lock_path, tr("the task ledger's lock file"))
            try:
                os.makedirs(folder, mode=0o700, exist_ok=True)
                # O_NOFOLLOW: a link put there since the check is refused, not followed
                lock_descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
            except OSError as error:
                message = tr("cannot use the task ledger {path}: {reason}")
                raise LoadByExtentError(message.format(path=self.path, reason=error.strerror or error)) from None
            try:
                mode = os.fstat(lock_descriptor).st_mode
                if not stat.S_ISREG(mode):  # a device or pipe put there since the check
                    _refuse(lock_path, tr("the task ledger's lock file"), mode)
                # with the lock held, the ledger's path is looked at again: another process may
                # have put something there meanwhile
                fcntl.flock(lock_descriptor, fcntl.LOCK_EX)
                _check_regular_or_missing(self.path, tr("the task ledger"))
                yield
            finally:
                os.close(lock_descriptor)  # closing releases the flock

    def _read(self) -> _LedgerContents:
        """The ledger's contents; empty when the file is missing; a corrupt file is moved aside to
        ``<path>.corrupt-<UTC time>`` and the ledger starts empty. Called with the lock held."""
        try:
            with open(self.path, "rb") as stream:
                raw = stream.read()
        except FileNotFoundError:
            return _LedgerContents([], [])
        except OSError as error:
            message = tr("cannot read the task ledger {path}: {reason}")
            raise LoadByExtentError(message.format(path=self.path, reason=error.strerror or error)) from None
        if not raw.strip():  # nothing to lose: treat as empty rather than set aside
            return _LedgerContents([], [])
        try:
            document = json.loads(raw.decode("utf-8"))
            if not isinstance(document, dict) or not isinstance(document.get("tasks"), list):
                raise ValueError("not a ledger: no list of tasks")
        except ValueError:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            self._set_aside_corrupt_file()
            return _LedgerContents([], [])
        contents = _LedgerContents([], [])
        for item in document["tasks"]:
            try:
                contents.entries.append(LedgerEntry._from_json(item, copy_request=False))
            except LoadByExtentError:
                contents.unreadable.append(item)
        return contents

    def _set_aside_corrupt_file(self) -> None:
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(self._clock()))
        aside = f"{self.path}.corrupt-{stamp}"
        counter = 1
        while os.path.lexists(aside):  # never overwrite an earlier copy (the lock keeps this race-free)
            counter += 1
            aside = f"{self.path}.corrupt-{stamp}-{counter}"
        try:
            os.rename(self.path, aside)
        except OSError as error:
            message = tr("the task ledger {path} is corrupt and cannot be moved aside: {reason}")
            raise LoadByExtentError(message.format(path=self.path, reason=error.strerror or error)) from None
        self.set_aside_files.append(aside)

    def _write(self, contents: _LedgerContents) -> None:
        """Replace the file atomically: a reader sees the old ledger or the new one, never half of
        one, and a crash leaves the old one. Called with the lock held."""
        tasks = [entry._json_members(entry.request) for entry in contents.entries] + contents.unreadable
        task_lines = [json.dumps(task, ensure_ascii=False) for task in tasks]
        if _may_hold_a_key("\n".join(task_lines)):
            task_lines = [json.dumps(_scrub_json(task), ensure_ascii=False) for task in tasks]
        # one task a line: readable, and json's fast C encoder (it is not used with indent)
        text = f'{{"version": {LEDGER_FORMAT_VERSION}, "tasks": [\n' + ",\n".join(task_lines) + "\n]}\n"
        data = text.encode("utf-8")
        folder = os.path.dirname(self.path)
        temporary = None
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(self.path)}.", suffix=".tmp", dir=folder)
            with os.fdopen(descriptor, "wb") as stream:
                if hasattr(os, "fchmod"):
                    os.fchmod(stream.fileno(), 0o600)  # mkstemp's mode already, said out loud
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path)
            temporary = None
        except OSError as error:
            message = tr("cannot write the task ledger {path}: {reason}")
            raise LoadByExtentError(message.format(path=self.path, reason=error.strerror or error)) from None
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
        _sync_folder(folder)


def _scrubbed(entry: LedgerEntry) -> LedgerEntry:
    # _scrub_json builds new containers throughout: the entry's own request is never shared.
    return LedgerEntry._from_json(_scrub_json(entry._json_members(entry.request)), copy_request=False)


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (POSIX); a platform that cannot open folders skips it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
