"""The statistics dock's "Load the series" button: enabled when the chart has dates to load, its
tooltip saying what a click loads or why there is nothing to load; a click emits the plan
(core.series.SeriesPlan) for the plugin to run."""

from __future__ import annotations

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QToolButton, QWidget

from ..core.series import SeriesPlan


class SeriesButton(QToolButton):
    seriesRequested = pyqtSignal(object)  # core.series.SeriesPlan

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsSeriesButton")
        self.setText(self.tr("Load the series"))
        self.plan: SeriesPlan | None = None
        self.clicked.connect(self._clicked)
        self.show_plan(None, has_statistics=False)

    def show_plan(self, plan: SeriesPlan | None, has_statistics: bool, unavailable: str = "") -> None:
        """What a click will load: `plan`, or nothing (no statistics yet, none with a view_id, or
        `unavailable` says why nothing of these statistics can be loaded)."""
        self.plan = None if unavailable else plan
        self.setEnabled(self.plan is not None)
        if unavailable:
            self.setToolTip(unavailable)
        elif plan is not None:
            self.setToolTip(self.tr("Load {index} of the {count} scene(s) of the chart over the same area, as one "
                                    "layer group for the Temporal Controller").format(index=plan.index,
                                                                                      count=len(plan.scenes)))
        elif not has_statistics:
            self.setToolTip(self.tr("Nothing to load yet: statistics appear here when a statistics task ends"))
        else:
            self.setToolTip(self.tr("Nothing to load: the answer gives no view_id for the scenes of this index"))

    def _clicked(self) -> None:
        if self.plan is not None:
            self.seriesRequested.emit(self.plan)
