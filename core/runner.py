"""The one entry point to execution, for the dock, the command line and Processing.

`run` validates the request, lets a backend (embedded or remote) produce the result in a staging
folder inside the output folder, and only then moves the finished files into place under names
that clobber nothing. On failure or cancel the staging folder is removed: nothing half-written is
ever left in the output folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Protocol

from .feedback import FeedbackLike, check_cancelled
from .request import TaskParams, TaskRequest
from .results import TaskResult

STAGING_PREFIX = ".lbe-partial-"


class Backend(Protocol):
    name: str

    def execute(
        self, request: TaskRequest, params: TaskParams, workspace: str, feedback: FeedbackLike | None
    ) -> TaskResult: ...


def run(
    request: TaskRequest, backend: Backend, output_folder: str, feedback: FeedbackLike | None = None
) -> TaskResult:
    """Run `request` on `backend`; the result's files end up in `output_folder`.

    Raises RequestError for an invalid request (before any work), TaskCancelled when cancelled,
    and another LbeError for any other failure.
    """
    params = request.validate()
    with StagingFolder(output_folder) as staging:
        result = backend.execute(request, params, staging.path, feedback)
        check_cancelled(feedback)  # a cancel during the last step still wins: nothing is committed
        result = staging.commit(result)
    after_commit = getattr(backend, "after_commit", None)
    if after_commit is not None:  # e.g. the remote backend's ledger learns where the files are
        after_commit(result)
    return result


class StagingFolder:
    """A temporary folder inside the output folder; its files move into place on commit."""

    def __init__(self, output_folder: str) -> None:
        self.output_folder = os.path.abspath(output_folder)
        self.path = ""
        self._created: list[str] = []  # folders this run made, deepest first

    def __enter__(self) -> StagingFolder:
        folder = self.output_folder
        while not os.path.isdir(folder):
            self._created.append(folder)
            folder = os.path.dirname(folder)
        if self._created:
            os.makedirs(self.output_folder)
        self.path = tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.output_folder)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
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
