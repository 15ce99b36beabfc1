"""Interface colours taken from the palette of the running QGIS (its UI theme), so that what the
plugin colours reads in a light theme and in a dark one ("Night Mapping") alike, and follows a
change of theme."""

from __future__ import annotations

from qgis.PyQt.QtCore import QEvent
from qgis.PyQt.QtGui import QPalette, QShowEvent
from qgis.PyQt.QtWidgets import QApplication, QLabel, QWidget

from .readable_colours import TEXT_CONTRAST, readable
from .stats_chart import ChartColours

# The hue that says "problem" in every theme; its lightness is chosen against the theme's background.
PROBLEM_RED = "#c0392b"


def problem_colour(palette: QPalette) -> str:
    """The red of problem texts, readable (WCAG AA) on the palette's window colour."""
    return readable(PROBLEM_RED, palette.color(QPalette.ColorRole.Window).name(), TEXT_CONTRAST)


def chart_colours(palette: QPalette) -> ChartColours:
    """The chart's background and text: the window's, as the labels around the chart."""
    background = palette.color(QPalette.ColorRole.Window).name()
    text = readable(palette.color(QPalette.ColorRole.WindowText).name(), background, TEXT_CONTRAST)
    return ChartColours(background=background, text=text)


class ProblemLabel(QLabel):
    """A word-wrapped label whose text is in the problem red while `problem` (the theme's own text
    colour otherwise). A style sheet of its own, not its palette: QGIS's dark themes colour every
    QLabel from their style sheet, which a palette does not override. The red is chosen against
    the theme's window colour (the application's palette: a widget with a style sheet of its own,
    as this one and QgsCollapsibleGroupBox, keeps the palette it had when the theme changes)
    whenever the label is shown, says something new or QGIS's style changes."""

    def __init__(self, text: str = "", problem: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._problem = problem
        self._restyle()

    def set_problem(self, problem: bool) -> None:
        self._problem = problem
        self._restyle()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._restyle()
        super().setText(text)

    def _restyle(self) -> None:
        sheet = f"color: {problem_colour(QApplication.palette())};" if self._problem else ""
        if sheet != self.styleSheet():  # a new sheet is a StyleChange: the same one ends the round
            self.setStyleSheet(sheet)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self._restyle()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            self._restyle()
