"""Submits requests as background tasks and puts their results on the map.

The one path from a request to layers, used by the dock's Run button, the console API
(`run_request`) and "run again": validation, the QgsTask, the task list's records, and result
loading on the main thread.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProject
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.errors import LbeError
from ..core.local import LocalBackend
from ..core.request import LbeParams, TaskRequest
from ..core.results import TaskResult
from ..core.scenes import SceneStoreSet
from ..core.settings import PluginSettings
from ..core.tasks import LOG_TAG, RunRequestTask

QUEUED, RUNNING, LOADED, FAILED, CANCELLED = "queued", "running", "loaded", "failed", "cancelled"


@dataclass
class TaskRecord:
    """What the task list shows of one task; updated from the task's signals only."""

    description: str
    request: TaskRequest
    scenes: str | None
    status: str = QUEUED
    progress: float = 0.0
    message: str = ""
    result: TaskResult | None = None
    layer_ids: list[str] = field(default_factory=list)
    task: RunRequestTask | None = None  # kept alive while it runs; dropped when it ends

    @property
    def is_active(self) -> bool:
        return self.status in (QUEUED, RUNNING)

    @property
    def output_folder(self) -> str | None:
        return os.path.dirname(self.result.files[0]) if self.result and self.result.files else None


def describe(request: TaskRequest) -> str:
    """"S2 2017-02-16 B04,B03,B02" for the task list and the task manager."""
    params = request.validate()
    if isinstance(params, LbeParams):
        scene = params.scene
        date = scene.date.isoformat() if scene.date else scene.view_id
        return f"{scene.sensor.code} {date} {','.join(params.bands)}"
    return f"{request.type}"


class TaskController(QObject):
    recordAdded = pyqtSignal(object)  # TaskRecord
    recordChanged = pyqtSignal(object)

    def __init__(self, settings: PluginSettings, project: QgsProject | None = None, message_bar=None) -> None:
        super().__init__()
        self.settings = settings
        self.project = project
        self.message_bar = message_bar  # QGIS's message bar: failures are said there too
        self.records: list[TaskRecord] = []
        self._stores: dict[tuple[str, ...], SceneStoreSet] = {}

    # --- scene stores -------------------------------------------------------------------------
    def scene_stores(self, scenes: str | None = None) -> SceneStoreSet:
        """The stores of `scenes` (a folder) or of the configured folders; kept, so their
        indexes are built once."""
        roots = (scenes,) if scenes else tuple(self.settings.scene_folders)
        if roots not in self._stores:
            self._stores[roots] = SceneStoreSet(list(roots))
        return self._stores[roots]

    def refresh_stores(self) -> None:
        self._stores.clear()

    # --- running ------------------------------------------------------------------------------
    def submit(self, request: TaskRequest, scenes: str | None = None) -> RunRequestTask:
        """Validate and start `request`; RequestError / LbeError before anything starts."""
        request.validate()
        stores = self.scene_stores(scenes)
        if not stores.stores:
            raise LbeError(self.tr("No scene folder is set: add one in the dock's settings."))
        record = TaskRecord(describe(request), TaskRequest(request.to_dict()), scenes)
        task = RunRequestTask(
            self.tr("Load By Extent: {what}").format(what=record.description),
            record.request,
            LocalBackend(stores),
            self.settings.output_folder,
        )
        record.task = task
        task.progressChanged.connect(lambda progress, r=record: self._progress(r, progress))
        task.begun.connect(lambda r=record: self._set(r, RUNNING))
        task.resultReady.connect(lambda result, displays, r=record: self._loaded(r, result, displays))
        task.failed.connect(lambda message, r=record: self._set(r, FAILED, message))
        task.cancelled.connect(lambda r=record: self._set(r, CANCELLED, self.tr("cancelled; nothing was written")))
        self.records.insert(0, record)
        self.recordAdded.emit(record)
        QgsApplication.taskManager().addTask(task)
        return task

    def run_again(self, record: TaskRecord) -> RunRequestTask:
        return self.submit(record.request, record.scenes)

    def cancel(self, record: TaskRecord) -> None:
        if record.is_active and record.task is not None:
            record.task.cancel()

    def shutdown(self) -> None:
        """Cancel what still runs and stop listening to it (plugin unload)."""
        for record in self.records:
            task = record.task
            if task is None:
                continue
            for signal in (task.progressChanged, task.begun, task.resultReady, task.failed, task.cancelled):
                try:
                    signal.disconnect()
                except TypeError:
                    pass
            if record.is_active:
                task.cancel()
            record.task = None

    def _progress(self, record: TaskRecord, progress: float) -> None:
        record.progress = progress
        if record.status == QUEUED:
            record.status = RUNNING
        self.recordChanged.emit(record)

    def _set(self, record: TaskRecord, status: str, message: str = "") -> None:
        record.status = status
        record.message = message
        if status in (FAILED, CANCELLED):
            record.task = None
        if status == FAILED:
            QgsMessageLog.logMessage(f"{record.description}: {message}", LOG_TAG, Qgis.Warning)
            if self.message_bar is not None:
                self.message_bar.pushMessage(self.tr("Load By Extent"), f"{record.description}: {message}",
                                             Qgis.MessageLevel.Warning)
        self.recordChanged.emit(record)

    def _loaded(self, record: TaskRecord, result: TaskResult, displays: list) -> None:
        from .result_layers import load_result

        record.result = result
        record.task = None
        try:
            layers = load_result(result, displays, self.project or QgsProject.instance())
        except LbeError as error:
            self._set(record, FAILED, self.tr("the result could not be loaded: {error}").format(error=error))
            return
        record.layer_ids = [layer.id() for layer in layers]
        record.progress = 100.0
        self._set(record, LOADED, self.tr("{count} layer(s) loaded").format(count=len(layers)))
