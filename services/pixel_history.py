"""A pixel's history in the background: core/local/pixel_history.py run in a QgsTask.

As RunRequestTask: the inputs are copied in __init__, run() touches only those copies, checks
cancellation and never raises, finished() (main thread) announces the answer, the failure or the
cancel.
"""

from __future__ import annotations

import copy

from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..core.errors import TaskCancelled
from ..core.i18n import tr
from ..core.local.pixel_history import history_of
from ..core.request import MtStatsParams
from ..core.scenes import SceneStoreSet
from .tasks import TaskFeedback, failure_text


class PixelHistoryTask(QgsTask):
    """The index at one point on every scene of the dates; emits `resultReady(answer)` (an mt_stats
    answer), `failed(message)` or `cancelled()`."""

    resultReady = pyqtSignal(dict)
    failed = pyqtSignal(str)
    cancelled = pyqtSignal()
    messageReported = pyqtSignal(str)

    def __init__(self, description: str, source: SceneStoreSet, lon: float, lat: float, params: MtStatsParams) -> None:
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.source = source  # the controller's, shared: searching and reading it are thread-safe
        self.lon, self.lat = float(lon), float(lat)
        self.params = copy.deepcopy(params)
        self.answer: dict | None = None
        self.error: str | None = None
        self.was_cancelled = False

    def run(self) -> bool:
        try:
            self.answer = history_of(self.source, self.lon, self.lat, self.params, TaskFeedback(self))
            return True
        except TaskCancelled:
            self.was_cancelled = True  # ended as asked (see RunRequestTask.run)
            return True
        except Exception as error:  # said to the user; a bug keeps the user's QGIS alive too
            self.error = failure_text(error)
        return False

    def finished(self, ok: bool) -> None:
        if self.was_cancelled or (not ok and self.isCanceled()):
            self.setDescription(tr("{description} (cancelled)").format(description=self.description()))
            self.cancelled.emit()
        elif ok and self.answer is not None:
            self.resultReady.emit(self.answer)
        else:
            self.failed.emit(self.error or tr("the task stopped without a result"))
