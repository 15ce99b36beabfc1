"""Running requests in the background: a QgsTask around runner.run.

In the style of felt/qgis-plugin's map uploader: every input is gathered on the main thread in
__init__, run() touches only those copies, checks cancellation, never raises (the error is kept
for finished()), and finished() -- back on the main thread -- announces the result. Layers are made
by whoever listens to `resultReady`, on the main thread.
"""

from __future__ import annotations

import copy
import datetime as dt
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from qgis.core import Qgis, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..core.display import prepare_display
from ..core.errors import LoadByExtentError, TaskCancelled
from ..core.i18n import tr
from ..core.request import TaskParams, TaskRequest
from ..core.results import TaskResult
from ..core.runner import Backend, run

if TYPE_CHECKING:
    from ..core.remote.client import RemoteConfig
    from ..core.scene_pages import MoreScenes
    from ..core.scenes import SceneStoreSet

LOG_TAG = "Load By Extent"


def failure_text(error: Exception) -> str:
    """What the user reads about a failure in a task's run() or a Processing algorithm: an LoadByExtentError
    says what is wrong; any other exception is a bug, logged with its traceback (so: call it in the
    `except` block)."""
    if isinstance(error, LoadByExtentError):
        return str(error)
    QgsMessageLog.logMessage(traceback.format_exc(), LOG_TAG, Qgis.MessageLevel.Critical)
    return tr("internal error ({error_type}: {error}); the details are in the {tag} log").format(
        error_type=type(error).__name__, error=error, tag=LOG_TAG)


class TaskFeedback:
    """What runner.run needs from a feedback object, answered by the task itself."""

    def __init__(self, task: QgsTask) -> None:
        self._task = task

    def isCanceled(self) -> bool:  # noqa: N802
        return self._task.isCanceled()

    def setProgress(self, progress: float) -> None:  # noqa: N802
        self._task.setProgress(progress)  # thread-safe: QgsTask forwards it to the main thread

    def pushInfo(self, text: str) -> None:  # noqa: N802
        signal = getattr(self._task, "messageReported", None)
        if signal is not None:
            signal.emit(text)  # queued to the main thread's listeners


class UserTask(QgsTask):
    """A task the user started and can cancel, run on one pattern: `work()` (worker thread) touches only
    the copies its subclass made in __init__ and keeps its answer; run() never raises (an error is
    kept for finished()); finished() (main thread) emits `announce()`'s signal, `failed(message)` or
    `cancelled()`. A cancel ends the task as asked, not as failed: QGIS announces a task whose run()
    returns False as "Task failed" (3.22 has no flag to keep quiet), so a cancelled run returns True."""

    failed = pyqtSignal(str)  # a message for the user
    cancelled = pyqtSignal()
    messageReported = pyqtSignal(str)  # what the work says while it runs ("waiting 30 s: rate limit")

    def __init__(self, description: str) -> None:
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.error: str | None = None
        self.was_cancelled = False

    def work(self) -> None:
        """The task's work, in the worker thread; raises TaskCancelled when cancelled."""
        raise NotImplementedError

    def announce(self) -> None:
        """Emit the answer kept by work(), on the main thread."""
        raise NotImplementedError

    def run(self) -> bool:
        try:
            self.work()
            return True
        except TaskCancelled:
            self.was_cancelled = True
            return True
        except Exception as error:  # said to the user; a bug keeps the user's QGIS alive too
            self.error = failure_text(error)
        return False

    def finished(self, ok: bool) -> None:
        if self.was_cancelled or (not ok and self.isCanceled()):
            # Main thread, before the task manager announces the end: its notification names it so.
            self.setDescription(tr("{description} (cancelled)").format(description=self.description()))
            self.cancelled.emit()
        elif ok:
            self.announce()
        else:
            self.failed.emit(self.error or tr("the task stopped without a result"))


class RunRequestTask(UserTask):
    """Runs one request on one backend; emits `resultReady` when done."""

    resultReady = pyqtSignal(object, list)  # TaskResult, list[RasterDisplay]

    def __init__(self, description: str, request: TaskRequest, backend: Backend, output_folder: str,
                 params: TaskParams | None = None) -> None:
        super().__init__(description)
        # Copies only: the dock may change while this runs.
        self.request = TaskRequest(request.to_dict())
        self.params = params  # the request's validated params (frozen), when the caller has them
        self.backend = backend
        self.output_folder = str(output_folder)
        self.result: TaskResult | None = None
        self.displays: list = []

    def work(self) -> None:
        self.result = run(self.request, self.backend, self.output_folder, TaskFeedback(self), self.params)
        # Extracting a zip and counting stretches touch the disk: here, not on the main thread.
        if self.result.result_type != "json":  # statistics are not layers
            self.displays = prepare_display(self.result, self.isCanceled)

    def announce(self) -> None:
        self.resultReady.emit(self.result, self.displays)


def background_flags() -> QgsTask.Flags:
    """Flags of a task the plugin reruns on its own as the user edits (a search, a check): where QGIS
    can (3.26+), it stays out of the task manager's list and its notifications."""
    flags = QgsTask.Flag.CanCancel
    if hasattr(QgsTask.Flag, "Hidden"):
        flags |= QgsTask.Flag.Hidden
    return flags


class SceneSearchTask(QgsTask):
    """Lists scenes for the scene picker off the main thread: scanning scene folders and reading
    footprints touch the disk, asking the API's search goes over the network.

    `search` is called in the worker thread with the task (for isCanceled) and returns
    (scenes, problems, more): `more` where the next pages of a catalog are (core/scene_pages.py),
    None when every scene is listed; it must only use what it was given.
    """

    scenesFound = pyqtSignal(list, list, object)  # scenes, problems (list[str]), more (MoreScenes or None)
    failed = pyqtSignal(str)

    def __init__(self, search: Callable[[QgsTask], tuple[list, list, MoreScenes | None]]) -> None:
        # The search runs again at every change of the AOI or the filters; the scene list says it searches.
        super().__init__(tr("Load By Extent: searching scenes"), background_flags())
        self.search = search
        self.scenes: list = []
        self.problems: list[str] = []
        self.more: MoreScenes | None = None
        self.error: str | None = None

    def run(self) -> bool:
        try:
            self.scenes, self.problems, self.more = self.search(self)
            return not self.isCanceled()
        except TaskCancelled:
            return False
        except Exception as error:
            self.error = failure_text(error)
        return False

    def finished(self, ok: bool) -> None:
        if ok:
            self.scenesFound.emit(self.scenes, self.problems, self.more)
        elif not self.isCanceled():
            self.failed.emit(self.error or tr("the scene search stopped"))


def search_scene_folders(stores: SceneStoreSet, aoi: dict | None, start: dt.date | None = None, end: dt.date | None = None,
                         max_cloud: float | None = None) -> Callable[[QgsTask], tuple[list, list, MoreScenes | None]]:
    """A `search` for SceneSearchTask over the scene sources: folders (footprints read here, not
    later on the main thread) and catalogs, their first page (footprints from their items; a cancel
    stops their paging; `search_more_scenes` fetches the next). Without an AOI the catalogs are not
    searched: they would list the whole world."""
    from ..core.http_raster import is_url
    from ..core.scene_pages import search_first_pages

    searched = stores
    said: list[str] = []
    if aoi is None and any(is_url(store.root) for store in stores.stores):
        searched = copy.copy(stores)  # the same sources (their indexes kept), the folders only
        searched.stores = [store for store in stores.stores if not is_url(store.root)]
        said.append(tr("catalogs are searched for an area of interest: draw one to list their scenes"))

    def search(task: QgsTask) -> tuple[list, list, MoreScenes | None]:
        scenes, problems, more = search_first_pages(searched, aoi=aoi, start=start, end=end, max_cloud=max_cloud,
                                                    feedback=TaskFeedback(task))
        return scenes, said + problems + _footprints_read(scenes, task), more

    return search


def search_more_scenes(more: MoreScenes) -> Callable[[QgsTask], tuple[list, list, MoreScenes | None]]:
    """A `search` for SceneSearchTask: the next page of each catalog of a search that has more."""
    from ..core.scene_pages import search_more

    def search(task: QgsTask) -> tuple[list, list, MoreScenes | None]:
        scenes, problems, left = search_more(more, feedback=TaskFeedback(task))
        return scenes, problems + _footprints_read(scenes, task), left

    return search


def _footprints_read(scenes: list, task: QgsTask) -> list[str]:
    """Read the scenes' footprints here, not later on the main thread; the problems met."""
    problems = []
    for scene in scenes:
        if task.isCanceled():
            break
        try:
            scene.footprint()
        except LoadByExtentError as error:
            problems.append(str(error))
    return problems


def search_api(config: RemoteConfig, datasets: list[str], aoi: dict, start: dt.date | None = None,
               end: dt.date | None = None, max_cloud: float | None = None) -> Callable[[QgsTask], tuple[list, list, None]]:
    """A `search` for SceneSearchTask on the API's scene search (docs/task-api.md#scene-search)."""

    def search(task: QgsTask) -> tuple[list, list, None]:
        from ..core.remote.search import search_remote_scenes

        scenes, problems = search_remote_scenes(config, datasets, aoi, start, end, max_cloud,
                                                feedback=TaskFeedback(task))
        return scenes, problems, None  # the API's search answers whole

    return search


def check_on_scene_folders(stores: SceneStoreSet, request: TaskRequest) -> Callable[[], str]:
    """A `check` for CheckTask: can the local processor run `request` (valid) on `stores`? The
    processor's own checks (core.local.check_request), not a copy of them."""
    from ..core.local import LocalBackend
    from .scene_sources import qgis_reading

    request = TaskRequest(request.to_dict())  # a copy: the dock's request changes as the user types
    backend = LocalBackend(stores, qgis_reading())

    def check() -> str:
        backend.check(request.validate())
        return ""  # nothing to say: the form waits only for a problem

    return check


class CheckTask(QgsTask):
    """Runs one short check (e.g. "Test connection", or a request against the scene folders) off
    the main thread; emits its sentence. `field`: the request field a failed check names."""

    answered = pyqtSignal(bool, str)

    def __init__(self, description: str, check: Callable[[], str], background: bool = False) -> None:
        # background: run on its own as the user edits (hidden where QGIS can), not asked for
        super().__init__(description, background_flags() if background else QgsTask.Flag.CanCancel)
        self.check = check
        self.ok = False
        self.text = ""
        self.field: str | None = None

    def run(self) -> bool:
        try:
            self.text = self.check()
            self.ok = True
        except LoadByExtentError as error:
            self.text = error.message
            self.field = error.field
        except Exception as error:
            self.text = failure_text(error)
        return True

    def finished(self, _ok: bool) -> None:
        self.answered.emit(self.ok, self.text)
