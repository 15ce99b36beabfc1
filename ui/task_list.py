"""The dock's task list: one row per task with its status, progress and actions."""

from __future__ import annotations

import os
from collections.abc import Callable

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QSize, Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices, QPainter, QPaintEvent
from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..services.task_controller import TaskRecord, TaskStatus

_SYMBOLS = {TaskStatus.QUEUED: "…", TaskStatus.RUNNING: "⟳", TaskStatus.DONE: "✓", TaskStatus.FAILED: "✗",
            TaskStatus.CANCELLED: "⊘", TaskStatus.UNFINISHED: "⏸"}


class ElidedLabel(QLabel):
    """A one-line label that asks for little width and draws its text cut with "…" to the width it
    gets (the whole text in its tooltip): a long task title never pushes the row's buttons out of a
    narrow dock nor runs under them. `text()` is the whole text."""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("…" * 4), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.minimumSizeHint().width(), super().sizeHint().height())

    def shown_text(self) -> str:
        """The text as drawn at the current width."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self.shown_text())
        painter.end()


class TaskRow(QWidget):
    """Title and cancel (×) on the first line; progress while the task runs, then its actions
    (run again, zoom, folder) on the second. Run again is never where × was: a click meant for
    cancel that lands just after the task ended hits nothing."""

    cancelRequested = pyqtSignal(object)
    runAgainRequested = pyqtSignal(object)
    zoomRequested = pyqtSignal(object)
    resumeRequested = pyqtSignal(object)

    def __init__(self, record: TaskRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setObjectName("taskRow")
        self.title = ElidedLabel()
        self.title.setObjectName("taskTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.cancel_button = self._button("/mTaskCancel.svg", self.tr("Cancel this task"),
                                          lambda: self.cancelRequested.emit(record))
        self.cancel_button.setObjectName("taskCancel")
        # Keeps its room when hidden: the title does not grow into the spot where × was.
        policy = self.cancel_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.cancel_button.setSizePolicy(policy)
        self.again_button = self._button("/mActionRefresh.svg", self.tr("Run the same request again"),
                                         lambda: self.runAgainRequested.emit(record), self.tr("Run again"))
        self.again_button.setObjectName("taskRunAgain")
        self.resume_button = self._button("/mActionPlay.svg", self.tr("Resume waiting for this task"),
                                          lambda: self.resumeRequested.emit(record), self.tr("Resume"))
        self.zoom_button = self._button("/mActionZoomToLayer.svg", self.tr("Zoom to the result"),
                                        lambda: self.zoomRequested.emit(record))
        self.folder_button = self._button("/mActionFileOpen.svg", self.tr("Open the output folder"), self._open_folder)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.cancel_button)
        self.actions = QWidget()
        self.actions.setObjectName("taskActions")
        actions = QHBoxLayout(self.actions)
        actions.setContentsMargins(0, 0, 0, 0)
        for button in (self.again_button, self.resume_button, self.zoom_button, self.folder_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(1)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.actions)
        layout.addWidget(self.message)
        self.update_from_record()

    def _button(self, icon: str, tip: str, slot: Callable[[], None], text: str = "") -> QToolButton:
        button = QToolButton()
        button.setIcon(QgsApplication.getThemeIcon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        if text:
            button.setText(text)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.clicked.connect(slot)
        return button

    @property
    def finished(self) -> bool:
        return self.record.status.has_ended

    def update_from_record(self) -> None:
        record = self.record
        self.title.setText(f"{_SYMBOLS[record.status]} {record.description}")
        self.progress.setValue(int(record.progress))
        self.progress.setVisible(record.is_active)
        self.message.setText(record.message)
        self.message.setVisible(bool(record.message))
        self.cancel_button.setVisible(record.is_active)
        self.zoom_button.setVisible(bool(record.layer_ids))
        self.folder_button.setVisible(record.output_folder is not None)
        self.again_button.setVisible(self.finished)
        self.resume_button.setVisible(record.status is TaskStatus.UNFINISHED)
        self.actions.setVisible(not record.is_active)

    def _open_folder(self) -> None:
        folder = self.record.output_folder
        if folder and os.path.isdir(folder):
            QDesktopServices.openUrl(QUrl.fromLocalFile(folder))


class TaskList(QWidget):
    """Rows for the controller's records, newest first; "Clear finished" asks to forget the ended ones."""

    cancelRequested = pyqtSignal(object)
    runAgainRequested = pyqtSignal(object)
    zoomRequested = pyqtSignal(object)
    resumeRequested = pyqtSignal(object)
    clearFinishedRequested = pyqtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskList")
        self.rows: dict[int, TaskRow] = {}
        self.empty = QLabel(self.tr("No task yet."))
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearFinishedTasks")
        self.clear_button.setText(self.tr("Clear finished"))
        self.clear_button.setToolTip(self.tr("Remove the tasks that have ended from this list (their layers and "
                                             "files stay)"))
        self.clear_button.setIcon(QgsApplication.getThemeIcon("/mActionDeleteSelected.svg"))
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clearFinishedRequested)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.addWidget(self.empty)
        footer = QHBoxLayout()
        footer.setContentsMargins(0, 0, 0, 0)
        footer.addStretch(1)
        footer.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        layout.addLayout(footer)
        self._update_footer()

    def add(self, record: TaskRecord) -> None:
        row = TaskRow(record)
        row.cancelRequested.connect(self.cancelRequested)
        row.runAgainRequested.connect(self.runAgainRequested)
        row.zoomRequested.connect(self.zoomRequested)
        row.resumeRequested.connect(self.resumeRequested)
        self.rows[id(record)] = row
        self._rows_layout.insertWidget(0, row)
        self._update_footer()

    def update_record(self, record: TaskRecord) -> None:
        row = self.rows.get(id(record))
        if row is not None:
            row.update_from_record()
            self._update_footer()

    def remove(self, records: list) -> None:
        """Take the rows of `records` away (the controller forgot them)."""
        for record in records:
            row = self.rows.pop(id(record), None)
            if row is not None:
                self._rows_layout.removeWidget(row)
                row.hide()
                row.deleteLater()
        self._update_footer()

    def _update_footer(self) -> None:
        self.empty.setVisible(not self.rows)
        self.clear_button.setVisible(any(row.finished for row in self.rows.values()))
