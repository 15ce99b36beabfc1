"""A series on the map: the index of every date of a statistics chart, run in one background task
and loaded into one layer group, ready for QGIS's Temporal Controller.

- SeriesTask runs the plan's requests (core.series) one after the other, through the same runner
  and backend as any task, in QGIS's task manager: its progress counts the dates (n of N), a date
  that fails is reported and the next one runs, a cancel stops the date under way (the runner
  leaves nothing of it) and the rest. Each date's result is announced as soon as it is written.
- SeriesLayers, on the main thread, adds each date's layer to the series' group (created with the
  first layer, marked with an id of this run, so it is found again wherever the user moves or
  renames it, and made again should the user delete it meanwhile), in date order, all coloured over
  the plan's one range and each with its day as temporal range (services.layer_time); and widens
  the project's time range to cover the series, so the Temporal Controller's "project time range"
  holds every date.
"""

from __future__ import annotations

import copy
import uuid

from qgis.core import Qgis, QgsDateTimeRange, QgsLayerTreeGroup, QgsProject, QgsRasterLayer, QgsUnitTypes
from qgis.PyQt.QtCore import pyqtSignal

from ..core.display import prepare_display
from ..core.errors import TaskCancelled
from ..core.request import TaskRequest
from ..core.results import TaskResult
from ..core.runner import Backend, run
from ..core.series import SeriesPlan
from .layer_time import day_range
from .result_layers import create_result_group, load_result, unique_group_name
from .tasks import UserTask, failure_text

# QGIS 3.22 has the unit in QgsUnitTypes; later versions moved it to Qgis.TemporalUnit.
_DAYS = Qgis.TemporalUnit.Days if hasattr(Qgis, "TemporalUnit") else QgsUnitTypes.TemporalUnit.TemporalDays


class _DateFeedback:
    """What runner.run needs from a feedback object, for one date of the series: its progress is
    the series' progress between the date's start and end."""

    def __init__(self, task: SeriesTask, position: int, total: int) -> None:
        self._task = task
        self._position = position
        self._total = total

    def isCanceled(self) -> bool:  # noqa: N802
        return self._task.isCanceled()

    def setProgress(self, progress: float) -> None:  # noqa: N802
        self._task.setProgress(100.0 * (self._position + max(0.0, min(progress, 100.0)) / 100.0) / self._total)

    def pushInfo(self, text: str) -> None:  # noqa: N802
        self._task.messageReported.emit(text)


class SeriesTask(UserTask):
    """Runs a SeriesPlan's requests in turn on one backend."""

    dateStarted = pyqtSignal(int)  # the date's position in the plan
    dateReady = pyqtSignal(int, object, list)  # position, TaskResult, list[RasterDisplay]
    dateFailed = pyqtSignal(int, str)  # position, a message for the user
    resultReady = pyqtSignal()  # every date has been run (some may have failed)

    def __init__(self, description: str, plan: SeriesPlan, backend: Backend, output_folder: str) -> None:
        super().__init__(description)
        # Copies only: the dock may show another chart while this runs.
        self.plan = copy.deepcopy(plan)
        self.requests = [TaskRequest(request.to_dict()) for request in self.plan.requests()]
        self.backend = backend
        self.output_folder = str(output_folder)

    def work(self) -> None:
        total = len(self.requests)
        for position, request in enumerate(self.requests):
            if self.isCanceled():
                raise TaskCancelled()
            self.dateStarted.emit(position)
            try:
                result = run(request, self.backend, self.output_folder, _DateFeedback(self, position, total))
                # Written whole: prepared whole (no cancel check), so that its layer loads.
                displays = prepare_display(result)
            except TaskCancelled:
                raise
            except Exception as error:  # this date only: the others still run
                self.dateFailed.emit(position, failure_text(error))
            else:
                self.dateReady.emit(position, result, displays)  # queued to the main thread
            self.setProgress(100.0 * (position + 1) / total)

    def announce(self) -> None:
        self.resultReady.emit()


SERIES_PROPERTY = "load_by_extent/series"  # a series group's custom property: the id of the run that made it


class SeriesLayers:
    """The layers of one series in `project`: one group, one colour range, each date's day."""

    def __init__(self, plan: SeriesPlan, project: QgsProject) -> None:
        self.plan = plan
        self.project = project
        self.layers: list[QgsRasterLayer] = []
        self.run_id = uuid.uuid4().hex  # a run again of the same plan makes a group of its own

    def group(self) -> QgsLayerTreeGroup | None:
        """The series' group in the project's layer tree, wherever it is now; None before the first
        date (or once the user deleted it). Looked up each time: the tree owns its groups, and a
        group the user deleted leaves no Python reference that could tell."""
        pending = [self.project.layerTreeRoot()]
        while pending:
            node = pending.pop()
            for child in node.children():
                if isinstance(child, QgsLayerTreeGroup):
                    if child.customProperty(SERIES_PROPERTY) == self.run_id:
                        return child
                    pending.append(child)
        return None

    def add(self, result: TaskResult, displays: list) -> list[QgsRasterLayer]:
        """Load one date's result at the bottom of the series' group (dates arrive in order)."""
        group = self.group()
        if group is None:
            group = create_result_group(self.project, unique_group_name(self.project, self.plan.title()))
            group.setCustomProperty(SERIES_PROPERTY, self.run_id)
        layers = load_result(result, displays, project=self.project, group=group, index_range=self.plan.value_range)
        self.layers.extend(layers)
        self.cover_in_project_time()
        return layers

    def cover_in_project_time(self) -> None:
        """Widen the project's time range to the series' days; a project without one also gets a
        step of one day, so the Temporal Controller shows one date per frame."""
        settings = self.project.timeSettings()
        series = QgsDateTimeRange(day_range(self.plan.first_date).begin(), day_range(self.plan.last_date).end())
        current = settings.temporalRange()
        if current.isInfinite() or not current.begin().isValid() or not current.end().isValid():
            settings.setTimeStepUnit(_DAYS)
            settings.setTimeStep(1.0)
            settings.setTemporalRange(series)
            return
        begin = min(current.begin(), series.begin())
        end = max(current.end(), series.end())
        if (begin, end) != (current.begin(), current.end()):
            settings.setTemporalRange(QgsDateTimeRange(begin, end))

