"""The connection test of the Processing API: a button and its answer, asked in the background."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from ..core.errors import LoadByExtentError
from ..core.remote.client import RemoteConfig, check_api_connection
from ..services.tasks import CheckTask


class ConnectionTest(QWidget):
    """Emits `failed` with the answer when the API is not reachable or refuses the key."""

    failed = pyqtSignal(str)

    def __init__(self, remote_config: Callable[[], RemoteConfig], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remote_config = remote_config  # raises LoadByExtentError when the settings cannot make one
        self.task: CheckTask | None = None
        self.button = QToolButton()
        self.button.setObjectName("testConnection")
        self.button.setText(self.tr("Test connection"))
        self.button.clicked.connect(self.test)
        self.label = QLabel()
        self.label.setObjectName("connectionLabel")
        self.label.setWordWrap(True)
        # The test beside its answer: whole in a narrow dock.
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)

    def set_shown(self, shown: bool) -> None:
        """Shown for the Processing API; its answer once there is one."""
        self.setVisible(shown)
        self.label.setVisible(bool(self.label.text()))

    def test(self) -> None:
        """Ask the API whether it is reachable and takes the key (in the background)."""
        try:
            config = self.remote_config()
        except LoadByExtentError as error:
            self.answered(False, str(error))
            return
        task = CheckTask(self.tr("Load By Extent: testing the connection"), partial(check_api_connection, config))
        task.answered.connect(self.answered)
        self.task = task
        self.label.setText(self.tr("Testing the connection…"))
        self.label.show()
        QgsApplication.taskManager().addTask(task)

    def answered(self, ok: bool, text: str) -> None:
        self.task = None
        self.label.setText(("✓ " if ok else "✗ ") + text)
        self.label.show()
        if not ok:
            self.failed.emit(text)
