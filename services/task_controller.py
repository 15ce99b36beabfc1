"""Submits requests as background tasks and puts their results on the map.

The one path from a request to layers, used by the dock's Run button, the console API
(`run_request`) and "run again": validation, the QgsTask, the task list's records, and result
loading on the main thread.
"""

from __future__ import annotations

import contextlib
import enum
import os
from dataclasses import dataclass, field
from typing import Protocol

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProject, QgsTask
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.errors import LoadByExtentError
from ..core.http_raster import RemoteReading
from ..core.i18n import tr
from ..core.remote.backend import RemoteBackend
from ..core.remote.client import RemoteConfig
from ..core.remote.ledger import TaskLedger
from ..core.request import LbeParams, TaskParams, TaskRequest
from ..core.results import TaskResult, no_scene_text
from ..core.runner import Backend
from ..core.scenes import SceneStoreSet
from ..core.series import SeriesPlan
from .backends import default_qgis_ledger_path, local_backend, remote_backend, remote_config
from .scene_sources import qgis_reading, qgis_scene_stores
from .settings import REMOTE, SCENE_FOLDERS, SOURCE_AUTH, PluginSettings
from .tasks import LOG_TAG, RunRequestTask


class TaskStatus(str, enum.Enum):
    """Where a task of the task list is."""

    QUEUED = "queued"  # submitted, not started yet
    RUNNING = "running"
    DONE = "done"  # ended with its result: layers loaded, or statistics saved (and charted)
    FAILED = "failed"
    CANCELLED = "cancelled"  # by the user; or an unfinished task resumed in a new row
    UNFINISHED = "unfinished"  # a remote task of an earlier session, not finished yet: it can be resumed

    @property
    def is_active(self) -> bool:
        return self in (TaskStatus.QUEUED, TaskStatus.RUNNING)

    @property
    def has_ended(self) -> bool:
        """Ended, one way or another: what "Clear finished" takes away, what can run again."""
        return self in (TaskStatus.DONE, TaskStatus.FAILED, TaskStatus.CANCELLED)


class MessageBar(Protocol):
    """What the controller needs of QGIS's message bar (a widget: this layer does not import it)."""

    def pushMessage(self, title: str, text: str, level: Qgis.MessageLevel = ..., duration: int = ...) -> None: ...  # noqa: N802


@dataclass(frozen=True)
class PixelPoint:
    """Where a pixel's history was asked, and with what (mt_stats_request's keyword arguments but the AOI)."""

    lon: float
    lat: float
    parameters: dict


@dataclass
class TaskRecord:
    """What the task list shows of one task; updated from the task's signals only."""

    description: str
    request: TaskRequest
    scenes: str | None
    remote: bool = False
    status: TaskStatus = TaskStatus.QUEUED
    progress: float = 0.0
    message: str = ""
    result: TaskResult | None = None
    layer_ids: list[str] = field(default_factory=list)
    task: RunRequestTask | None = None  # kept alive while it runs; dropped when it ends
    remote_task_id: str | None = None  # the API's task id, for an unfinished task of an earlier session
    series: SeriesPlan | None = None  # a series of dates run as one task (submit_series); `request` is its first
    pixel: PixelPoint | None = None  # a pixel's history (submit_pixel_history); `request` is what it stands for

    @property
    def is_active(self) -> bool:
        return self.status.is_active

    @property
    def output_folder(self) -> str | None:
        return os.path.dirname(self.result.files[0]) if self.result and self.result.files else None


def describe(request: TaskRequest, remote: bool = False, params: TaskParams | None = None) -> str:
    """"S2 2017-02-16 B04,B03,B02" for the task list and the task manager ("· API" when remote).
    `params`: the request's validated params, if the caller has them."""
    if params is None:
        params = request.validate()
    scene = getattr(params, "scene", None)
    if isinstance(params, LbeParams):
        what = ",".join(params.bands)
    else:
        what = f"{request.type} {getattr(params, 'bm_type', '')}".strip()
        if isinstance(getattr(params, "bm_type", None), tuple):
            what = f"{request.type} {','.join(params.bm_type)}"
    text = what
    if scene is not None:
        text = f"{scene.sensor.code} {scene.date.isoformat() if scene.date else scene.view_id} {what}"
    return text + (" · API" if remote else "")


class TaskController(QObject):
    recordAdded = pyqtSignal(object)  # TaskRecord
    recordChanged = pyqtSignal(object)
    recordsRemoved = pyqtSignal(list)  # TaskRecords forgotten ("Clear finished")
    statisticsReady = pyqtSignal(dict, dict)  # the mt_stats answer, its request (for the chart)

    def __init__(self, settings: PluginSettings, project: QgsProject, message_bar: MessageBar | None = None,
                 ledger_path: str | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.project = project  # where results are loaded
        self.message_bar = message_bar  # QGIS's message bar: failures are said there too
        self.ledger_path = ledger_path or default_qgis_ledger_path()
        self.records: list[TaskRecord] = []
        self._stores: dict[tuple[tuple[str, ...], RemoteReading], SceneStoreSet] = {}
        # Saved scene folders (the dock's editor or OK in the Options dialog) are read again, open dock or not.
        settings.changed.connect(self._settings_changed)
        # A source's credentials are taken from its configuration once: an edited configuration anew.
        QgsApplication.authManager().authDatabaseChanged.connect(self.refresh_stores)

    # --- scene stores -------------------------------------------------------------------------
    def scene_stores(self, scenes: str | None = None) -> SceneStoreSet:
        """The sources of `scenes` (a folder or URL) or of the configured ones; kept, so folders'
        indexes are built once and a catalog's landing page read once (anew when QGIS's proxy changes)."""
        roots = (scenes,) if scenes else tuple(self.settings.scene_folders)
        auth = self.settings.source_auth
        key = (roots, qgis_reading(), tuple((root, auth.get(root, "")) for root in roots))
        if key not in self._stores:
            self._stores[key] = qgis_scene_stores(roots, key[1], auth)
        return self._stores[key]

    def refresh_stores(self) -> None:
        self._stores.clear()

    def _settings_changed(self, changed: list[str]) -> None:
        if SCENE_FOLDERS in changed or SOURCE_AUTH in changed:
            self.refresh_stores()

    # --- backends -----------------------------------------------------------------------------
    def uses_remote(self, scenes: str | None = None) -> bool:
        """A scene folder given means the local processor; else the backend chosen in the settings."""
        return scenes is None and self.settings.backend == REMOTE

    def backend(self, scenes: str | None = None, force: bool = False, resume_task_id: str | None = None) -> Backend:
        """The backend to run with, built on the main thread (the key may need the master password)."""
        if resume_task_id or self.uses_remote(scenes):
            return remote_backend(self.settings, self.ledger_path, force=force, resume_task_id=resume_task_id,
                                  config=self.remote_config())
        return local_backend(self.scene_stores(scenes))

    def remote_config(self) -> RemoteConfig:
        return remote_config(self.settings)

    def ledger(self) -> TaskLedger:
        return TaskLedger(self.ledger_path)

    # --- running ------------------------------------------------------------------------------
    def submit(self, request: TaskRequest, scenes: str | None = None, force: bool = False,
               resume_task_id: str | None = None, params: TaskParams | None = None) -> RunRequestTask:
        """Validate and start `request`; RequestError / LoadByExtentError before anything starts.
        `resume_task_id`: wait for that remote task of the ledger instead of sending the request.
        `params`: the request's validated params when the caller has them (the dock's form):
        the request is not validated again."""
        if params is None:
            params = request.validate()
        backend = self.backend(scenes, force, resume_task_id)
        remote = isinstance(backend, RemoteBackend)
        # The record keeps the request itself: a TaskRequest copies its data in and out.
        record = TaskRecord(describe(request, remote, params), request, scenes, remote)
        task = RunRequestTask(
            tr("Load By Extent: {what}").format(what=record.description),
            record.request,
            backend,
            self.settings.output_folder,
            params,
        )
        record.task = task
        task.progressChanged.connect(lambda progress, r=record: self._progress(r, progress))
        task.begun.connect(lambda r=record: self._set(r, TaskStatus.RUNNING))
        task.resultReady.connect(lambda result, displays, r=record: self._loaded(r, result, displays))
        task.failed.connect(lambda message, r=record: self._set(r, TaskStatus.FAILED, message))
        task.cancelled.connect(
            lambda r=record: self._set(r, TaskStatus.CANCELLED, tr("cancelled; nothing was written")))
        task.messageReported.connect(lambda text, r=record: self._say(r, text))
        self.records.insert(0, record)
        self.recordAdded.emit(record)
        QgsApplication.taskManager().addTask(task)
        return task

    def run_again(self, record: TaskRecord) -> RunRequestTask:
        """Run the record's request anew (a remote run again does not reuse the earlier result)."""
        if record.series is not None:
            return self.submit_series(record.series, record.scenes)
        if record.pixel is not None:
            return self.submit_pixel_history(record.pixel.lon, record.pixel.lat, record.pixel.parameters, record.scenes)
        return self.submit(record.request, record.scenes, force=record.remote)

    def offer_unfinished(self) -> list[TaskRecord]:
        """Records for the remote tasks of earlier sessions that have not finished: the task list
        shows them, with a way to resume polling. Finished tasks older than the ledger keeps them
        (30 days) are dropped first, so the ledger does not grow with every task ever run."""
        try:
            ledger = self.ledger()
            ledger.prune()
            entries = ledger.unfinished()
        except LoadByExtentError as error:
            QgsMessageLog.logMessage(str(error), LOG_TAG, Qgis.MessageLevel.Warning)
            return []
        added = []
        for entry in reversed(entries):
            request = TaskRequest(entry.request)
            try:
                description = describe(request, remote=True)
            except LoadByExtentError:
                continue
            if any(r.remote_task_id == entry.task_id for r in self.records):
                continue
            record = TaskRecord(description, request, None, remote=True, status=TaskStatus.UNFINISHED,
                                message=tr("unfinished on the server: task {task_id}").format(task_id=entry.task_id),
                                remote_task_id=entry.task_id)
            self.records.insert(0, record)
            self.recordAdded.emit(record)
            added.append(record)
        return added

    def resume(self, record: TaskRecord) -> RunRequestTask:
        """Poll an unfinished remote task again (the ledger finds it by its request)."""
        task = self.submit(record.request, None, resume_task_id=record.remote_task_id)
        record.status = TaskStatus.CANCELLED
        record.message = tr("resumed in a new row")
        self.recordChanged.emit(record)
        return task

    def cancel(self, record: TaskRecord) -> None:
        if record.is_active and record.task is not None:
            record.task.cancel()

    def clear_finished(self) -> list[TaskRecord]:
        """Forget the records of tasks that have ended (done, failed, cancelled); running
        tasks and unfinished remote ones stay. Their layers and files are left as they are."""
        finished = [record for record in self.records if record.status.has_ended]
        if finished:
            self.records = [record for record in self.records if record not in finished]
            self.recordsRemoved.emit(finished)
        return finished

    def shutdown(self) -> None:
        """Cancel what still runs and stop listening to it (plugin unload)."""
        with contextlib.suppress(TypeError):  # already disconnected
            self.settings.changed.disconnect(self._settings_changed)
        for record in self.records:
            task = record.task
            if task is None:
                continue
            names = ("progressChanged", "begun", "resultReady", "failed", "cancelled", "messageReported",
                     "dateStarted", "dateReady", "dateFailed")  # the last three: a series' (SeriesTask)
            for signal in (getattr(task, name) for name in names if hasattr(task, name)):
                with contextlib.suppress(TypeError):  # nothing connected
                    signal.disconnect()
            if record.is_active:
                task.cancel()
            record.task = None

    def _say(self, record: TaskRecord, text: str) -> None:
        """What the backend reports while it works (rate limit waits, retries) shows in the row."""
        if record.is_active:
            record.message = text
            self.recordChanged.emit(record)

    def _progress(self, record: TaskRecord, progress: float) -> None:
        record.progress = progress
        if record.status is TaskStatus.QUEUED:
            record.status = TaskStatus.RUNNING
        self.recordChanged.emit(record)

    def _set(self, record: TaskRecord, status: TaskStatus, message: str = "") -> None:
        record.status = status
        record.message = message
        if status in (TaskStatus.FAILED, TaskStatus.CANCELLED):
            record.task = None
        if status is TaskStatus.FAILED:
            QgsMessageLog.logMessage(f"{record.description}: {message}", LOG_TAG, Qgis.MessageLevel.Warning)
            if self.message_bar is not None:
                self.message_bar.pushMessage(tr("Load By Extent"), f"{record.description}: {message}",
                                             Qgis.MessageLevel.Warning)
        elif status is TaskStatus.CANCELLED and self.message_bar is not None:
            # Said as what it is: the user stopped it, nothing went wrong.
            self.message_bar.pushMessage(tr("Load By Extent"), f"{record.description}: {message}",
                                         Qgis.MessageLevel.Info)
        self.recordChanged.emit(record)

    def _loaded(self, record: TaskRecord, result: TaskResult, displays: list) -> None:
        from .result_layers import load_result

        record.result = result
        record.task = None
        if result.result_type == "json":  # statistics: a chart, not layers
            record.progress = 100.0
            answer = result.details.get("result")
            empty = no_scene_text(answer, record.request.params)
            if empty is not None:  # not an empty chart that looks like success
                self._set(record, TaskStatus.DONE, empty)
                if self.message_bar is not None:
                    self.message_bar.pushMessage(tr("Load By Extent"), f"{record.description}: {empty}",
                                                 Qgis.MessageLevel.Warning)
                return
            self._set(record, TaskStatus.DONE, tr("statistics saved: {file}").format(file=result.files[0]))
            if isinstance(answer, dict):
                self.statisticsReady.emit(answer, record.request.to_dict())
            return
        try:
            layers = load_result(result, displays, project=self.project)
        except LoadByExtentError as error:
            self._set(record, TaskStatus.FAILED, tr("the result could not be loaded: {error}").format(error=error))
            return
        record.layer_ids = [layer.id() for layer in layers]
        record.progress = 100.0
        self._set(record, TaskStatus.DONE, tr("{count} layer(s) loaded").format(count=len(layers)))

    # --- a series of dates (services/series.py) -----------------------------------------------------------
    def submit_series(self, plan: SeriesPlan, scenes: str | None = None) -> QgsTask:
        """Run the index of every date of `plan` as one task: one row in the task list, progress
        over the dates, a message per date, cancel stops the rest (the layers of dates done stay).
        Each date's layer joins the series' group as soon as it is written; a date that fails is
        reported at the end and does not stop the others. LoadByExtentError before anything starts."""
        from .series import SeriesLayers, SeriesTask

        requests = plan.requests()
        for request in requests:
            request.validate()
        backend = self.backend(scenes)
        remote = isinstance(backend, RemoteBackend)
        total = len(plan.scenes)
        description = tr("{title} ({count} dates)").format(title=plan.title(), count=total)
        record = TaskRecord(description + (" · API" if remote else ""), requests[0], scenes, remote, series=plan)
        task = SeriesTask(tr("Load By Extent: {what}").format(what=record.description), plan, backend,
                          self.settings.output_folder)
        record.task = task
        layers = SeriesLayers(plan, self.project)
        failures: list[str] = []
        dates_loaded: list[int] = []

        def started(position: int) -> None:
            self._say(record, tr("date {number} of {total}: {date}").format(
                number=position + 1, total=total, date=plan.scenes[position].date.isoformat()))

        def date_loaded(position: int, result: TaskResult, displays: list) -> None:
            try:
                loaded = layers.add(result, displays)
            except LoadByExtentError as error:
                date_failed(position, str(error))
                return
            record.result = result
            record.layer_ids.extend(layer.id() for layer in loaded)
            dates_loaded.append(position)

        def date_failed(position: int, message: str) -> None:
            failures.append(f"{plan.scenes[position].date.isoformat()}: {message}")
            QgsMessageLog.logMessage(f"{record.description}: {failures[-1]}", LOG_TAG, Qgis.MessageLevel.Warning)

        def ended() -> None:
            record.task = None
            record.progress = 100.0
            done = len(dates_loaded)
            if not done:
                self._set(record, TaskStatus.FAILED, tr("no date could be loaded: {failures}").format(
                    failures="; ".join(failures)))
                return
            text = tr("{done} of {total} dates loaded").format(done=done, total=total)
            if failures:
                text = tr("{text}; failed: {failures}").format(text=text, failures="; ".join(failures))
                if self.message_bar is not None:
                    self.message_bar.pushMessage(tr("Load By Extent"), f"{record.description}: {text}",
                                                 Qgis.MessageLevel.Warning)
            self._set(record, TaskStatus.DONE, text)

        task.progressChanged.connect(lambda progress: self._progress(record, progress))
        task.begun.connect(lambda: self._set(record, TaskStatus.RUNNING))
        task.dateStarted.connect(started)
        task.dateReady.connect(date_loaded)
        task.dateFailed.connect(date_failed)
        task.resultReady.connect(ended)
        task.failed.connect(lambda message: self._set(record, TaskStatus.FAILED, message))

        def cancelled() -> None:
            text = tr("cancelled after {done} of {total} dates; their layers stay").format(
                done=len(dates_loaded), total=total)
            if failures:
                text = tr("{text}; failed: {failures}").format(text=text, failures="; ".join(failures))
            self._set(record, TaskStatus.CANCELLED, text)

        task.cancelled.connect(cancelled)
        task.messageReported.connect(lambda text: self._say(record, text))
        self.records.insert(0, record)
        self.recordAdded.emit(record)
        QgsApplication.taskManager().addTask(task)
        return task

    # --- a pixel's history (services/pixel_history.py) ------------------------------------------------
    def submit_pixel_history(self, lon: float, lat: float, parameters: dict, scenes: str | None = None) -> QgsTask:
        """The index at the point (lon/lat) on every scene of the dates, read from the scene folders
        (whatever the backend: the Processing API has no such task), charted by `statisticsReady`
        as an mt_stats answer whose request's params also hold `pixel` ({"lon", "lat"}).
        `parameters`: mt_stats_request's keyword arguments but the AOI (the statistics form's).
        LoadByExtentError (RequestError naming the field) before anything starts."""
        from ..core.local.pixel_history import pixel_request
        from .pixel_history import PixelHistoryTask

        request = pixel_request(lon, lat, parameters)
        params = request.validate()
        source = self.scene_stores(scenes)
        if not source.stores:
            raise LoadByExtentError(tr("no scene folder is set: add one in the plugin's settings"))
        description = tr("{index} at the pixel {lat}, {lon}").format(
            index=",".join(params.bm_type), lat=f"{lat:.5f}", lon=f"{lon:.5f}")
        record = TaskRecord(description, request, scenes, pixel=PixelPoint(lon, lat, dict(parameters)))
        task = PixelHistoryTask(tr("Load By Extent: {what}").format(what=description), source, lon, lat, params)
        record.task = task

        def answered(answer: dict) -> None:
            record.task = None
            record.progress = 100.0
            dates = len(answer.get("result", []))
            self._set(record, TaskStatus.DONE, tr("{count} date(s) at the pixel").format(count=dates))
            shown = record.request.to_dict()
            shown["params"]["pixel"] = {"lon": lon, "lat": lat}
            self.statisticsReady.emit(answer, shown)

        task.progressChanged.connect(lambda progress: self._progress(record, progress))
        task.begun.connect(lambda: self._set(record, TaskStatus.RUNNING))
        task.resultReady.connect(answered)
        task.failed.connect(lambda message: self._set(record, TaskStatus.FAILED, message))
        task.cancelled.connect(lambda: self._set(record, TaskStatus.CANCELLED, tr("cancelled")))
        task.messageReported.connect(lambda text: self._say(record, text))
        self.records.insert(0, record)
        self.recordAdded.emit(record)
        QgsApplication.taskManager().addTask(task)
        return task
