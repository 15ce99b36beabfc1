"""Spin boxes for numbers the user may leave unset (a cloud limit, a pixel size, a number of classes).

QGIS's idiom, as Processing's optional numbers: the box's minimum lies just below every valid value
and reads as a text ("no limit", "native"); the clear button and erasing the text both go back to it.
`number()` is then None, so the request leaves the parameter out, instead of a valid-looking number
that means "none" (a 100 % cloud limit, a 0 m pixel size)."""

from __future__ import annotations

from qgis.gui import QgsDoubleSpinBox, QgsSpinBox
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtWidgets import QStyle, QWidget

CLEAR_BUTTON_ROOM = 16 + 9 + 2  # QGIS's own allowance for the clear button, besides two frame widths


class _OptionalNumber:
    """What both boxes add to QGIS's: the value as None when not set."""

    def _make_optional(self, not_set: float, maximum: float, not_set_text: str) -> None:
        # QGIS fixes the minimum size when it builds the box, before its range, text and suffix are
        # known: a form (wrapping long rows) would squeeze "the task's own limit" into it.
        self.setMinimumSize(0, 0)
        self.setRange(not_set, maximum)
        self.setShowClearButton(True)
        self.setClearValueMode(type(self).ClearValueMode.MinimumValue, not_set_text)
        self.clear()

    def clear(self) -> None:
        # QGIS's own clear() (the clear button's) can leave the line edit empty or with the suffix
        # alone (3.22): setting the value shows the "not set" text.
        self.setValue(self.clearValue())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Qt's, widened so that the clear button, shown beside a number (never beside the not-set
        text), leaves the widest number whole."""
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        fixed = self.prefix() + self.suffix() + " "  # as Qt measures the numbers
        numbers = max(metrics.horizontalAdvance(self.textFromValue(value)[:18] + fixed)
                      for value in (self.minimum(), self.maximum()))
        widest = max(numbers, metrics.horizontalAdvance(self.specialValueText()))
        frame = self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
        return QSize(hint.width() + max(0, numbers + CLEAR_BUTTON_ROOM + 2 * frame - widest), hint.height())

    def number(self) -> float | None:
        """The value, or None when not set."""
        return None if self.value() == self.clearValue() else self.value()

    def set_number(self, value: float | None) -> None:
        """Show `value`; None (or a value at or below the "not set" one) clears the box."""
        if value is None or value <= self.clearValue():
            self.clear()
        else:
            self.setValue(value)


class OptionalSpinBox(_OptionalNumber, QgsSpinBox):
    """An integer the user may leave unset: `not_set`, the minimum, is shown as `not_set_text`."""

    def __init__(self, not_set: int, maximum: int, not_set_text: str, parent: QWidget | None = None) -> None:
        QgsSpinBox.__init__(self, parent)
        self._make_optional(not_set, maximum, not_set_text)


class OptionalDoubleSpinBox(_OptionalNumber, QgsDoubleSpinBox):
    """A number the user may leave unset: `not_set`, the minimum, is shown as `not_set_text`."""

    def __init__(self, not_set: float, maximum: float, decimals: int, not_set_text: str,
                 parent: QWidget | None = None) -> None:
        QgsDoubleSpinBox.__init__(self, parent)
        self.setDecimals(decimals)  # before the range: Qt rounds the range to the decimals
        self._make_optional(not_set, maximum, not_set_text)
