"""A pixel's history in the background: core/local/pixel_history.py run in a QgsTask.

A UserTask (services/tasks.py): the inputs are copied in __init__, work() touches only those copies;
the answer, the failure or the cancel are announced on the main thread.
"""

from __future__ import annotations

import copy

from qgis.PyQt.QtCore import pyqtSignal

from ..core.local.pixel_history import history_of
from ..core.request import MtStatsParams
from ..core.scenes import SceneStoreSet
from .tasks import TaskFeedback, UserTask


class PixelHistoryTask(UserTask):
    """The index at one point on every scene of the dates; emits `resultReady(answer)` (an mt_stats
    answer), `failed(message)` or `cancelled()`."""

    resultReady = pyqtSignal(dict)

    def __init__(self, description: str, source: SceneStoreSet, lon: float, lat: float, params: MtStatsParams) -> None:
        super().__init__(description)
        self.source = source  # the controller's, shared: searching and reading it are thread-safe
        self.lon, self.lat = float(lon), float(lat)
        self.params = copy.deepcopy(params)
        self.answer: dict = {}

    def work(self) -> None:
        self.answer = history_of(self.source, self.lon, self.lat, self.params, TaskFeedback(self))

    def announce(self) -> None:
        self.resultReady.emit(self.answer)
