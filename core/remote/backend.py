"""The remote backend: the same requests as the local processor, run on the Processing API by
:class:`RemoteClient` (docs/task-api.md#protocol), each task kept in the ledger when one is given, so that an
identical request reuses its result and an unfinished task can be resumed."""

from __future__ import annotations

import json
import os

from ..errors import LoadByExtentError, TaskCancelled
from ..feedback import FeedbackLike, ProgressRange, report
from ..i18n import tr
from ..naming import file_name_part
from ..request import TaskParams, TaskRequest
from ..results import TaskResult
from .client import (
    CreatedTask,
    DownloadRefused,
    PollState,
    RemoteClient,
    RemoteConfig,
    RemoteError,
    RemoteTimeout,
)
from .ledger import LedgerEntry, LedgerStatus, TaskLedger

RESULT_TYPES = {"tif": "tif", "jp2": "jp2", "j2k": "jp2", "zip": "zip", "jpg": "jpeg", "png": "png", "json": "json"}


class RemoteBackend:
    """Runs requests on the Processing API; keeps each task in the ledger when one is given."""

    name = "remote"

    def __init__(self, config: RemoteConfig, ledger: TaskLedger | None = None, force: bool = False,
                 resume_task_id: str | None = None) -> None:
        self.config = config
        self.ledger = ledger
        self.force = force
        self.resume_task_id = resume_task_id  # poll this task of the ledger again rather than create one
        self._task_id: str | None = None

    def execute(self, request: TaskRequest, params: TaskParams, workspace: str,
                feedback: FeedbackLike | None) -> TaskResult:
        if self.ledger is not None:
            self.ledger.check_path()
        with RemoteClient(self.config, feedback, keeps_tasks=self.ledger is not None) as client:
            return self._execute(client, request, params, workspace, feedback)

    def _execute(self, client: RemoteClient, request: TaskRequest, params: TaskParams, workspace: str,
                 feedback: FeedbackLike | None) -> TaskResult:
        progress = ProgressRange(feedback, 0, 100)
        reused = self._reusable(request)
        if reused is not None and reused.status is LedgerStatus.DONE:
            details = {**_details(request, params), "task_id": reused.task_id, "reused": True}
            # an entry written without its type (older versions): the file's extension says it, as for a download
            extension = reused.result_files[0].rsplit(".", 1)[-1]
            result_type = reused.result_type or RESULT_TYPES.get(extension, extension)
            readable = True
            if result_type == "json":  # statistics: the answer itself, as a new run gives it
                details["result"] = _read_json(reused.result_files[0])
                readable = details["result"] is not None
            if readable:
                message = tr("an identical request ran as task {task_id}; using its result")
                report(feedback, message.format(task_id=reused.task_id))
                return TaskResult(request.type, result_type, tuple(reused.result_files), details)
            reused = None  # its statistics file is unreadable: run anew
        if reused is not None:
            task = CreatedTask(reused.task_id, reused.req_id, reused.task_timeout, reused.status.value,
                               reused.created_at)
            message = tr("an identical request is still running as task {task_id}: waiting for it")
            report(feedback, message.format(task_id=task.task_id))
        else:
            task = client.create(request)
            self._record_created(request, task)
            report(feedback, tr("task {task_id} created; waiting for the server").format(task_id=task.task_id))
        self._task_id = task.task_id
        try:
            answer = client.wait(task, progress.sub(0, 2) if request.type != "mt_stats" else progress,
                                 on_running=lambda _answer: self._record(LedgerStatus.RUNNING))
            details = {**_details(request, params), "task_id": task.task_id, "req_id": task.req_id}
            if answer.state is PollState.STATISTICS:
                name = f"{_safe(request.params.get('reference') or task.task_id)}.json"  # as the local one
                path = os.path.join(workspace, name)
                with open(path, "w", encoding="utf-8") as stream:
                    json.dump(answer.statistics, stream, indent=2)
                return TaskResult(request.type, "json", (path,), {**details, "result": answer.statistics})
            stem = _result_stem(request, params, task)
            assert answer.location is not None  # an answer that is not statistics names its file
            path = client.download(answer.location, workspace, stem, progress.sub(1, 2))
            extension = path.rsplit(".", 1)[-1]
            return TaskResult(request.type, RESULT_TYPES.get(extension, extension), (path,), details)
        except TaskCancelled:
            self._record(LedgerStatus.CANCELLED, tr("cancelled by the user; the server may still finish it"))
            raise
        except (RemoteTimeout, DownloadRefused) as error:
            self._record(LedgerStatus.RUNNING, str(error))  # unfinished or not downloaded yet: offered for resuming
            raise
        except LoadByExtentError as error:
            self._record(LedgerStatus.FAILED, str(error))
            raise

    def after_commit(self, result: TaskResult) -> None:
        """The runner moved the files into place: the ledger learns where they are."""
        if self.ledger is not None and self._task_id and not result.details.get("reused"):
            self.ledger.update(self._task_id, status=LedgerStatus.DONE, result_type=result.result_type,
                               result_files=tuple(result.files), message=tr("done"))

    # --- the ledger ---------------------------------------------------------------------------------
    def _reusable(self, request: TaskRequest) -> LedgerEntry | None:
        if self.ledger is None:
            return None
        if self.resume_task_id:
            entry = self.ledger.get(self.resume_task_id)
            if entry is None:
                message = tr("task {task_id} is not in the task ledger any more")
                raise RemoteError(message.format(task_id=self.resume_task_id))
            return entry
        if self.force:
            return None
        return self.ledger.find_reusable(self.config.api_url, request)

    def _record_created(self, request: TaskRequest, task: CreatedTask) -> None:
        if self.ledger is None:
            return
        self.ledger.record_created(task.task_id, self.config.api_url, request, task.req_id, task.task_timeout,
                                   created_at=task.created_at, message=task.status)

    def _record(self, status: LedgerStatus, message: str = "") -> None:
        if self.ledger is not None and self._task_id:
            self.ledger.update(self._task_id, status=status, message=message or status.value)


def _read_json(path: str) -> object:
    try:
        with open(path, encoding="utf-8") as stream:
            return json.load(stream)
    except (OSError, ValueError):
        return None


def _details(request: TaskRequest, params: TaskParams) -> dict:
    details: dict = {"reference": request.params.get("reference")}
    scene = getattr(params, "scene", None)
    if scene is not None:
        details["view_id"] = scene.view_id
    bands = getattr(params, "bands", None)
    if bands is not None:
        details["bands"] = list(bands)
    return details


def _result_stem(request: TaskRequest, params: TaskParams, task: CreatedTask) -> str:
    scene = getattr(params, "scene", None)
    bands = getattr(params, "bands", None)
    what = "_".join(bands) if bands else _safe(str(request.params.get("name_alias") or request.params.get("bm_type")
                                                   or request.type))
    base = scene.file_stem if scene is not None else request.type
    return f"{base}_{what}" if what else f"{base}_{task.task_id}"


def _safe(text: str) -> str:
    return file_name_part(text, "result")
