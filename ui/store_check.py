"""The check of a valid request against the scene folders (does the scene exist there, with the
bands asked for?), asked in the background a short pause after the form last changed; its answer
is kept until the request or the folders change."""

from __future__ import annotations

import json

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..core.request import TaskRequest
from ..services.settings import PluginSettings
from ..services.task_controller import TaskController
from ..services.tasks import CheckTask, check_on_scene_folders

STORE_CHECK_DELAY_MS = 150  # wait for the user to stop changing the form before asking the folders


class StoreCheck(QObject):
    """Emits `answered` when the scene folders answered for the request of the form."""

    answered = pyqtSignal()

    def __init__(self, controller: TaskController, settings: PluginSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self._checked_key: str | None = None
        self._checked_verdict: tuple[str | None, str] = (None, "")
        self._pending_key: str | None = None
        self._pending_request: TaskRequest | None = None
        self.tasks: set[CheckTask] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(STORE_CHECK_DELAY_MS)
        self._timer.timeout.connect(self._ask)

    def _key(self, request: TaskRequest) -> str:
        """What the scene folders' answer depends on: the request but its reference, and the folders."""
        data = request.to_dict()
        params = {key: value for key, value in data.get("params", {}).items() if key != "reference"}
        return json.dumps([data.get("type"), params, list(self.settings.scene_folders)], sort_keys=True)

    def verdict(self, request: TaskRequest) -> tuple[str | None, str] | None:
        """(field, problem) as the scene folders answered for this request ("" when it can run), or
        None while they are being asked (a check is started, after a short pause, if none is)."""
        key = self._key(request)
        if key == self._checked_key:
            return self._checked_verdict
        if key != self._pending_key:
            self._pending_key = key
            self._pending_request = TaskRequest(request.to_dict())
            self._timer.start()
        return None

    @property
    def pending(self) -> bool:
        """Whether the request of the form waits for the scene folders' answer."""
        return self._pending_key is not None

    def _ask(self) -> None:
        key, request = self._pending_key, self._pending_request
        if key is None:
            return
        task = CheckTask(self.tr("Load By Extent: checking the request against the scene folders"),
                         check_on_scene_folders(self.controller.scene_stores(), request), background=True)
        task.answered.connect(lambda ok, text, task=task, key=key: self._answered(task, key, ok, text))
        self.tasks.add(task)
        QgsApplication.taskManager().addTask(task)

    def _answered(self, task: CheckTask, key: str, ok: bool, text: str) -> None:
        self.tasks.discard(task)
        if key != self._pending_key:
            return  # the form changed meanwhile: a newer check is under way
        self._pending_key = self._pending_request = None
        self._checked_key = key
        self._checked_verdict = (None, "") if ok else (task.field, text)
        self.answered.emit()

    def forget(self) -> None:
        """The scene folders (or their files) may have changed: ask them again."""
        self._checked_key = self._pending_key = self._pending_request = None

    def stop(self) -> None:
        """No more checks: the timer stops, the checks under way are cancelled (unload)."""
        self._timer.stop()
        self.forget()  # an answer still on its way finds nobody waiting for it
        for task in list(self.tasks):
            task.cancel()
