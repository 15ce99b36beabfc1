"""The forms of the task types, one per type, in one registry (make_forms).

The dock asks the form of the chosen task type for its part of the request, its problems, and
tells it the scene's sensor; it knows no task type by name. A form is a QWidget (its section of
the dock) with the attributes and methods of TaskForm; TaskFormDefaults gives the optional ones.
Adding a task type: README "Layout of the code" lists the places to touch.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from qgis.PyQt.QtWidgets import QLabel, QWidget

from ..core.request import TaskParams, TaskRequest
from ..core.results import PredictedResult
from ..core.sensors import Sensor
from ..services.settings import PluginSettings


class TaskForm(Protocol):
    task_type: str  # the request's "type"
    section: str  # the key of the form's section, where its problems show
    fields: Mapping[str, str]  # its params.* fields -> the section that shows their problems
    takes_view_id: bool  # False: the task takes every scene (statistics over time)
    allows_multipolygon: bool  # whether params.geometry may be a MultiPolygon
    explanation: QLabel | None  # the form's own ✓/✗ line, if it has one
    options: QWidget | None  # what the form puts in the dock's Options section

    def label(self) -> str: ...  # its entry in the task combo

    def title(self) -> str: ...  # its section's title

    def request(self, view_id: str, geometry: dict | None, reference: str) -> TaskRequest: ...

    def problem(self) -> str | None: ...  # what the form itself sees wrong, before validation

    def prediction(self, params: TaskParams, result: PredictedResult) -> str: ...  # "→ what the run makes"

    def set_sensor(self, sensor: Sensor | None, available: tuple[str, ...] | None) -> None: ...

    def follow_scenes(self, dates: list) -> None: ...  # the dates of the scenes a search found

    def recall(self, settings: PluginSettings) -> None: ...  # what the last session chose

    def remember(self, settings: PluginSettings) -> None: ...  # what a run chose, for the next session


class TaskFormDefaults:
    """The defaults of TaskForm's optional parts."""

    takes_view_id = True
    allows_multipolygon = True
    explanation: QLabel | None = None
    options: QWidget | None = None

    def problem(self) -> str | None:
        return None

    def follow_scenes(self, dates: list) -> None:
        pass

    def recall(self, settings: PluginSettings) -> None:
        pass

    def remember(self, settings: PluginSettings) -> None:
        pass


def make_forms() -> dict[str, TaskForm]:
    """One form of each task type, in the order the dock offers them."""
    from .crop_form import CropForm
    from .index_form import IndexForm
    from .stats_form import StatsForm
    from .visual_form import VisualForm

    forms = (CropForm(), IndexForm(), VisualForm(), StatsForm())
    return {form.task_type: form for form in forms}
