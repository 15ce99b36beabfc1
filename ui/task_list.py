"""The dock's task list: one row per task with its status, progress and actions."""

from __future__ import annotations

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QVBoxLayout, QWidget

from .task_controller import CANCELLED, DONE, FAILED, LOADED, QUEUED, RUNNING, UNFINISHED, TaskRecord

_SYMBOLS = {QUEUED: "…", RUNNING: "⟳", LOADED: "✓", DONE: "✓", FAILED: "✗", CANCELLED: "⊘", UNFINISHED: "⏸"}


class TaskRow(QWidget):
    cancelRequested = pyqtSignal(object)
    runAgainRequested = pyqtSignal(object)
    zoomRequested = pyqtSignal(object)
    resumeRequested = pyqtSignal(object)

    def __init__(self, record: TaskRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setObjectName("taskRow")
        self.title = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.cancel_button = self._button("/mTaskCancel.svg", self.tr("Cancel this task"),
                                          lambda: self.cancelRequested.emit(record))
        self.zoom_button = self._button("/mActionZoomToLayer.svg", self.tr("Zoom to the result"),
                                        lambda: self.zoomRequested.emit(record))
        self.folder_button = self._button("/mActionFileOpen.svg", self.tr("Open the output folder"), self._open_folder)
        self.again_button = self._button("/mActionRefresh.svg", self.tr("Run again"),
                                         lambda: self.runAgainRequested.emit(record))
        self.resume_button = self._button("/mActionPlay.svg", self.tr("Resume waiting for this task"),
                                          lambda: self.resumeRequested.emit(record))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        for button in (self.cancel_button, self.zoom_button, self.folder_button, self.again_button,
                       self.resume_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(1)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.update_from_record()

    def _button(self, icon: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setIcon(QgsApplication.getThemeIcon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def update_from_record(self) -> None:
        record = self.record
        self.title.setText(f"{_SYMBOLS[record.status]} {record.description}")
        self.progress.setValue(int(record.progress))
        self.progress.setVisible(record.is_active)
        self.message.setText(record.message)
        self.message.setVisible(bool(record.message))
        self.cancel_button.setVisible(record.is_active)
        self.zoom_button.setVisible(record.status == LOADED and bool(record.layer_ids))
        self.folder_button.setVisible(record.output_folder is not None)
        self.again_button.setVisible(not record.is_active and record.status != UNFINISHED)
        self.resume_button.setVisible(record.status == UNFINISHED)

    def _open_folder(self) -> None:
        folder = self.record.output_folder
        if folder and os.path.isdir(folder):
            QDesktopServices.openUrl(QUrl.fromLocalFile(folder))


class TaskList(QWidget):
    """Rows for the controller's records, newest first."""

    cancelRequested = pyqtSignal(object)
    runAgainRequested = pyqtSignal(object)
    zoomRequested = pyqtSignal(object)
    resumeRequested = pyqtSignal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskList")
        self.rows: dict[int, TaskRow] = {}
        self.empty = QLabel(self.tr("No task yet."))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.empty)

    def add(self, record: TaskRecord) -> None:
        row = TaskRow(record)
        row.cancelRequested.connect(self.cancelRequested)
        row.runAgainRequested.connect(self.runAgainRequested)
        row.zoomRequested.connect(self.zoomRequested)
        row.resumeRequested.connect(self.resumeRequested)
        self.rows[id(record)] = row
        self._layout.insertWidget(0, row)
        self.empty.hide()

    def update_record(self, record: TaskRecord) -> None:
        row = self.rows.get(id(record))
        if row is not None:
            row.update_from_record()
