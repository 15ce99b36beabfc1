"""Running requests in the background: a QgsTask around runner.run.

In the style of felt/qgis-plugin's map uploader: every input is gathered on the main thread in
__init__, run() touches only those copies, checks cancellation, never raises (the error is kept
for finished()), and finished() -- back on the main thread -- announces the result. Layers are made
by whoever listens to `resultReady`, on the main thread.
"""

from __future__ import annotations

import traceback

from qgis.core import Qgis, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from .display import prepare_display
from .errors import LbeError, TaskCancelled
from .request import TaskRequest
from .results import TaskResult
from .runner import Backend, run

LOG_TAG = "Load By Extent"


class _TaskFeedback:
    """What runner.run needs from a feedback object, answered by the task itself."""

    def __init__(self, task: QgsTask) -> None:
        self._task = task

    def isCanceled(self) -> bool:  # noqa: N802
        return self._task.isCanceled()

    def setProgress(self, progress: float) -> None:  # noqa: N802
        self._task.setProgress(progress)  # thread-safe: QgsTask forwards it to the main thread


class RunRequestTask(QgsTask):
    """Runs one request on one backend; emits `resultReady` or `failed` when done."""

    resultReady = pyqtSignal(object, list)  # TaskResult, list[RasterDisplay]
    failed = pyqtSignal(str)  # a message for the user
    cancelled = pyqtSignal()

    def __init__(self, description: str, request: TaskRequest, backend: Backend, output_folder: str) -> None:
        super().__init__(description, QgsTask.CanCancel)
        # Copies only: the dock may change while this runs.
        self.request = TaskRequest(request.to_dict())
        self.backend = backend
        self.output_folder = str(output_folder)
        self.result: TaskResult | None = None
        self.displays: list = []
        self.error: str | None = None
        self.was_cancelled = False

    def run(self) -> bool:
        try:
            self.result = run(self.request, self.backend, self.output_folder, _TaskFeedback(self))
            # Extracting a zip and counting stretches touch the disk: here, not on the main thread.
            self.displays = prepare_display(self.result, self.isCanceled)
            return True
        except TaskCancelled:
            self.was_cancelled = True
        except LbeError as error:
            self.error = str(error)
        except Exception as error:  # a bug: keep the user's QGIS alive, log the details
            self.error = f"internal error: {type(error).__name__}: {error}"
            QgsMessageLog.logMessage(traceback.format_exc(), LOG_TAG, Qgis.Critical)
        return False

    def finished(self, ok: bool) -> None:
        if ok and self.result is not None:
            self.resultReady.emit(self.result, self.displays)
        elif self.was_cancelled or self.isCanceled():
            self.cancelled.emit()
        else:
            self.failed.emit(self.error or "the task stopped without a result")


class SceneSearchTask(QgsTask):
    """Lists the scenes of the scene folders for the scene picker, off the main thread
    (scanning folders and reading footprints touches the disk)."""

    scenesFound = pyqtSignal(list, list)  # list[Scene], problems (list[str])
    failed = pyqtSignal(str)

    def __init__(self, stores, aoi: dict | None, start=None, end=None, max_cloud: float | None = None) -> None:
        super().__init__("Load By Extent: searching scenes", QgsTask.CanCancel)
        self.stores = stores  # a SceneStoreSet; its scans are guarded by a lock per folder
        self.criteria = {"aoi": aoi, "start": start, "end": end, "max_cloud": max_cloud}
        self.scenes: list = []
        self.problems: list[str] = []
        self.error: str | None = None

    def run(self) -> bool:
        try:
            self.scenes, self.problems = self.stores.search(**self.criteria)
            for scene in self.scenes:  # footprints for the map, read here rather than on the main thread
                if self.isCanceled():
                    return False
                try:
                    scene.footprint()
                except LbeError as error:
                    self.problems.append(str(error))
            return not self.isCanceled()
        except LbeError as error:
            self.error = str(error)
        except Exception as error:
            self.error = f"internal error: {type(error).__name__}: {error}"
            QgsMessageLog.logMessage(traceback.format_exc(), LOG_TAG, Qgis.Critical)
        return False

    def finished(self, ok: bool) -> None:
        if ok:
            self.scenesFound.emit(self.scenes, self.problems)
        elif not self.isCanceled():
            self.failed.emit(self.error or "the scene search stopped")
