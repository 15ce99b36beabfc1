"""The request of the form as JSON, folded away by default, with its copy buttons (the JSON, or the
API call as a curl command with the key hidden)."""

from __future__ import annotations

import json

from qgis.PyQt.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.request import TaskRequest
from ..services.settings import PluginSettings


def curl_command(api_url: str, request: TaskRequest) -> str:
    body = json.dumps(request.to_dict()).replace("'", "'\\''")
    return (f"curl -X POST '{api_url.rstrip('/')}/api?api_key=***' -H 'x-api-key: ***' "
            f"-H 'Content-Type: application/json' --data-raw '{body}'")


class RequestPreview(QWidget):
    def __init__(self, settings: PluginSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.request: TaskRequest | None = None
        self.toggle = QToolButton()
        self.toggle.setText(self.tr("▸ Request"))
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._toggled)
        copy = QPushButton(self.tr("Copy JSON"))
        copy.setObjectName("copyJson")
        copy.clicked.connect(self.copy_request)
        copy_curl = QPushButton(self.tr("Copy as curl"))
        copy_curl.setObjectName("copyCurl")
        copy_curl.setToolTip(self.tr("The API call with the key hidden as ***"))
        copy_curl.clicked.connect(self.copy_curl)
        self.text = QPlainTextEdit()
        self.text.setObjectName("requestJson")
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(140)
        self.text.hide()
        request_row = QHBoxLayout()
        request_row.addWidget(self.toggle)
        request_row.addStretch(1)
        # The copy buttons under the JSON, shown with it: beside the toggle they crowd a narrow dock.
        self.copy_row = QWidget()
        copy_layout = QHBoxLayout(self.copy_row)
        copy_layout.setContentsMargins(0, 0, 0, 0)
        copy_layout.addStretch(1)
        copy_layout.addWidget(copy)
        copy_layout.addWidget(copy_curl)
        self.copy_row.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(request_row)
        box.addWidget(self.text)
        box.addWidget(self.copy_row)

    def show_request(self, request: TaskRequest) -> None:
        self.request = request
        self.text.setPlainText(json.dumps(request.to_dict(), indent=2))

    def _toggled(self, shown: bool) -> None:
        self.text.setVisible(shown)
        self.copy_row.setVisible(shown)
        self.toggle.setText(self.tr("▾ Request") if shown else self.tr("▸ Request"))

    def copy_request(self) -> None:
        QApplication.clipboard().setText(self.text.toPlainText())

    def copy_curl(self) -> None:
        """The create call as a curl command, the key shown as *** (never the key itself)."""
        if self.request is not None:
            QApplication.clipboard().setText(curl_command(self.settings.api_url, self.request))
