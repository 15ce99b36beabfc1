"""The one entry point to execution, for the dock, the command line and Processing.

`run` validates the request, lets a backend (local or remote) produce the result in a staging
folder inside the output folder, and only then moves the finished files into place under names
that clobber nothing. On failure or cancel the staging folder is removed: nothing half-written is
ever left in the output folder.

A staging folder's name says whose it is: `.lbe-partial-{host}-{boot}-{pid}-{random}`. A run
killed outright (SIGKILL, power cut) cannot remove its own; the next run into the same folder
removes the staging folders whose process is gone, and those whose owner cannot be known (another
host, an older name) once untouched for STALE_STAGING_SECONDS.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import socket
import tempfile
import time
from types import TracebackType
from typing import Protocol

from .errors import DataError
from .feedback import FeedbackLike, check_cancelled
from .i18n import tr
from .request import TaskParams, TaskRequest
from .results import TaskResult

STAGING_PREFIX = ".lbe-partial-"
# A staging folder of an unknown owner untouched this long is taken as abandoned.
STALE_STAGING_SECONDS = 24 * 3600
# mkdtemp's random part has no "-": the owner is what precedes it.
_STAGING_NAME = re.compile(re.escape(STAGING_PREFIX) + r"(?P<host>[A-Za-z0-9_.]+)-(?P<boot>[0-9a-f]*)-(?P<pid>\d+)-[^-]+")


class Backend(Protocol):
    name: str

    def execute(
        self, request: TaskRequest, params: TaskParams, workspace: str, feedback: FeedbackLike | None
    ) -> TaskResult: ...

    def after_commit(self, result: TaskResult) -> None:
        """The result's files are in place (e.g. the remote backend's ledger learns where)."""


def run(
    request: TaskRequest, backend: Backend, output_folder: str, feedback: FeedbackLike | None = None,
    params: TaskParams | None = None,
) -> TaskResult:
    """Run `request` on `backend`; the result's files end up in `output_folder`.

    `params`: the request's validated params, when the caller validated it already (a request is
    validated once per run). Raises RequestError for an invalid request (before any work),
    TaskCancelled when cancelled, and another LoadByExtentError for any other failure.
    """
    if params is None:
        params = request.validate()
    try:
        with StagingFolder(output_folder) as staging:
            result = backend.execute(request, params, staging.path, feedback)
            check_cancelled(feedback)  # a cancel during the last step still wins: nothing is committed
            result = staging.commit(result)
    except OSError as error:  # the disk, not a bug: a full disk, a folder that cannot be written
        raise DataError(os_error_message(error, output_folder)) from error
    backend.after_commit(result)
    return result


class StagingFolder:
    """A temporary folder inside the output folder; its files move into place on commit."""

    def __init__(self, output_folder: str) -> None:
        self.output_folder = os.path.abspath(output_folder)
        self.path = ""
        self._created: list[str] = []  # folders this run made, deepest first

    def __enter__(self) -> StagingFolder:
        if os.path.lexists(self.output_folder) and not os.path.isdir(self.output_folder):
            message = tr("the output folder {folder} is a file, not a folder")
            raise DataError(message.format(folder=self.output_folder))
        folder = self.output_folder
        while not os.path.isdir(folder):
            self._created.append(folder)
            folder = os.path.dirname(folder)
        for attempt in range(3):
            # Other runs may create the folder at the same time, or remove it on their failure
            # (only while it is empty) between our makedirs and mkdtemp: both are tolerated.
            os.makedirs(self.output_folder, exist_ok=True)
            try:
                self.path = tempfile.mkdtemp(prefix=_staging_prefix(), dir=self.output_folder)
                break
            except FileNotFoundError:
                if attempt == 2:
                    raise
        remove_abandoned_staging(self.output_folder, keep=self.path)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        if exc_type is not None:
            for folder in self._created:
                try:
                    os.rmdir(folder)  # only if empty: never remove anyone's files
                except OSError:
                    break

    def commit(self, result: TaskResult) -> TaskResult:
        """Move the result's files from staging into the output folder, without overwriting.

        Files of one result keep a common name: `X.jp2` and `X.jp2.aux.xml` become `X_2.jp2` and
        `X_2.jp2.aux.xml` when `X.jp2` exists. Sidecars move first, the main file last.
        """
        staged = [path for path in result.files if os.path.dirname(os.path.abspath(path)) == self.path]
        if not staged:  # a reused earlier result: its files are already in place
            return result
        names = [os.path.basename(path) for path in result.files]
        stem = _stem(names[0])
        for attempt in range(1, 10_000):
            suffix = "" if attempt == 1 else f"_{attempt}"
            targets = [os.path.join(self.output_folder, stem + suffix + name[len(stem):]) for name in names]
            if any(os.path.lexists(target) for target in targets):
                continue
            moved = []
            try:
                for source, target in reversed(list(zip(result.files, targets))):
                    _move_no_clobber(source, target)
                    moved.append(target)
            except FileExistsError:  # another task took the name meanwhile
                for target in moved:
                    os.remove(target)
                continue
            return result.with_files(tuple(targets))
        raise FileExistsError(f"no free file name for {names[0]} in {self.output_folder}")


def os_error_message(error: OSError, output_folder: str) -> str:
    """What the system refused while a task ran (a full disk, a folder that cannot be written, a
    file that cannot be read), in words."""
    folder = os.path.abspath(output_folder)
    reason = error.strerror or str(error)
    if error.errno == errno.ENOSPC:
        return tr("the disk of {folder} is full ({reason}); nothing was written").format(folder=folder, reason=reason)
    path = os.path.abspath(error.filename) if isinstance(error.filename, str) else None
    if path is None:
        return tr("the system refused: {reason}").format(reason=reason)
    if path == folder or path.startswith(folder + os.sep) and STAGING_PREFIX in path:
        # The staging folder is gone by now: the output folder is the one to name.
        return tr("cannot write in the output folder {folder}: {reason}").format(folder=folder, reason=reason)
    if path.startswith(folder + os.sep) or folder.startswith(path + os.sep):
        return tr("cannot write in the output folder {folder}: {path}: {reason}").format(
            folder=folder, path=path, reason=reason)
    return tr("{path}: {reason}").format(path=path, reason=reason)


def _staging_prefix() -> str:
    return f"{STAGING_PREFIX}{_host()}-{_boot_id()}-{os.getpid()}-"


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9_.]", "_", socket.gethostname())[:64] or "_"


def _boot_id() -> str:
    """This boot's id (Linux), shortened; "" where the system has none. Pids are reused after a
    reboot: the boot id tells an old staging folder from one of a live process with the same pid."""
    try:
        with open("/proc/sys/kernel/random/boot_id") as stream:
            return stream.read().strip().replace("-", "")[:12]
    except OSError:
        return ""


def remove_abandoned_staging(folder: str, keep: str = "", now: float | None = None) -> list[str]:
    """Remove the staging folders in `folder` left by runs that are gone; return their paths.

    Removed: those of this host whose process is gone (or of an earlier boot); those whose owner
    cannot be known (another host, an older name) untouched for STALE_STAGING_SECONDS. Kept:
    those of live processes, `keep`, and anything not named like a staging folder.
    """
    now = time.time() if now is None else now
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(STAGING_PREFIX) or entry.path == keep:
            continue
        try:
            if not entry.is_dir(follow_symlinks=False):
                continue
        except OSError:
            continue
        if _staging_is_abandoned(entry.path, entry.name, now):
            shutil.rmtree(entry.path, ignore_errors=True)
            if not os.path.lexists(entry.path):
                removed.append(entry.path)
    return removed


def _staging_is_abandoned(path: str, name: str, now: float) -> bool:
    match = _STAGING_NAME.fullmatch(name)
    if match and match["host"] == _host() and match["boot"] == _boot_id():
        return not _process_alive(int(match["pid"]))
    if match and match["host"] == _host() and match["boot"] and _boot_id():
        return True  # a run of an earlier boot of this host
    return now - _last_touched(path) > STALE_STAGING_SECONDS


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return True  # not a real owner: never taken as gone on its word
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: alive, someone else's
        return True
    return True


def _last_touched(path: str) -> float:
    """The latest modification time of the folder and everything in it."""
    latest = 0.0
    for base, dirs, files in os.walk(path):
        for name in [None, *dirs, *files]:
            try:
                latest = max(latest, os.lstat(base if name is None else os.path.join(base, name)).st_mtime)
            except OSError:
                continue
    return latest


def _stem(name: str) -> str:
    return name.split(".", 1)[0]


def _move_no_clobber(source: str, target: str) -> None:
    """Move `source` to `target`, failing with FileExistsError if `target` exists."""
    try:
        os.link(source, target)  # atomic, and refuses an existing target
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.replace(source, target)
        return
    os.remove(source)
