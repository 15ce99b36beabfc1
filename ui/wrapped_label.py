"""A word-wrapped label that is always as tall as its text."""

from __future__ import annotations

from qgis.PyQt.QtGui import QResizeEvent
from qgis.PyQt.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    """A QLabel with word wrap whose minimum height follows its text at its current width: inside a
    QFormLayout in a scroll area a wrapped label otherwise keeps the height of its first layout and
    a longer text is cut off."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        # QLabel's heightForWidth is never less than its minimum height: measured with the minimum
        # set, a label would keep the height of its longest text ever and stand in a tall empty row.
        fitted = self.minimumHeight()
        self.setMinimumHeight(0)
        height = self.heightForWidth(self.width())
        self.setMinimumHeight(height if height > 0 else fitted)
