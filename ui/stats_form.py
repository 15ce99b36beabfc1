"""The statistics form of the dock (the mt_stats task): indices, date range, sensors, cloud limit,
excluding cloud pixels, the number of scenes."""

from __future__ import annotations

import datetime as dt

from qgis.gui import QgsCheckableComboBox
from qgis.PyQt.QtCore import QDate, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from ..core import api_rules
from ..core.errors import RequestError
from ..core.expressions import parse_expression
from ..core.indices import is_index_name
from ..core.request import MtStatsParams, TaskRequest, mt_stats_request
from ..core.results import PredictedResult
from ..core.sensors import SENSOR_CHOICES, Sensor
from .index_catalog import index_catalog_combo
from .optional_number import OptionalDoubleSpinBox
from .task_form import TaskFormDefaults
from .wrapped_label import WrappedLabel


class StatsForm(QWidget, TaskFormDefaults):
    changed = pyqtSignal()
    pixelHistoryRequested = pyqtSignal()  # noqa: N815 - Qt signal name; the dock starts the map tool
    task_type = "mt_stats"
    section = "stats"
    fields = dict.fromkeys(("params.bm_type", "params.date_start", "params.date_end", "params.sensors",
                            "params.limit", "params.max_cloud_cover_in_aoi"), "stats")
    takes_view_id = False  # statistics take every scene
    allows_multipolygon = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indices = QLineEdit("NDVI")
        self.indices.setObjectName("statsIndices")
        self.indices.setPlaceholderText(self.tr("up to 3, separated by ';': NDVI; NDWI; (B08-B04)/(B08+B04)"))
        self.indices.textChanged.connect(self._typed)
        self.catalog = index_catalog_combo(self.tr("add an index…"), "", "statsCatalog")
        self.catalog.activated.connect(self._add_from_catalog)
        self.explanation = WrappedLabel()
        # Until scenes are found (follow_scenes) or the user picks dates: the last year.
        self.dates_chosen = False  # the user set the dates: scene searches no longer move them
        self._following = False
        today = dt.date.today()
        self.start = QDateEdit(QDate(today.year - 1, today.month, 1))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setObjectName("statsStart" if edit is self.start else "statsEnd")
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(QDate(1972, 1, 1))
            edit.dateChanged.connect(self._dates_edited)
        self.sensors = QgsCheckableComboBox()
        self.sensors.setObjectName("statsSensors")
        # A request's sensors (docs/task-api.md#mt_stats), not the scene search's datasets: as a sensor,
        # "sentinel2" is Sentinel-2 of any level.
        for product in SENSOR_CHOICES:
            self.sensors.addItemWithCheckState(product.label, Qt.CheckState.Unchecked, product.name)
        self.sensors.setDefaultText(self.tr("all sensors"))
        self.sensors.checkedItemsChanged.connect(self._emit)
        self.max_cloud = OptionalDoubleSpinBox(-1, 100, 0, self.tr("no limit"))  # 0 % is a limit: only clear scenes
        self.max_cloud.setObjectName("statsMaxCloud")
        self.max_cloud.setSuffix(" %")
        self.max_cloud.valueChanged.connect(self._emit)
        self.exclude = QCheckBox(self.tr("Exclude cloud and shadow pixels"))
        self.exclude.setToolTip(self.tr("Leave cloud and shadow pixels out of the figures"))
        self.exclude.setObjectName("statsExclude")
        self.exclude.toggled.connect(self._emit)
        self.limit = QSpinBox()
        self.limit.setObjectName("statsLimit")
        self.limit.setRange(1, 10000)
        self.limit.setValue(api_rules.DEFAULT_MT_STATS_LIMIT)
        self.limit.valueChanged.connect(self._emit)
        self.pixel_button = QToolButton()
        self.pixel_button.setObjectName("statsPixelHistory")
        self.pixel_button.setText(self.tr("Pixel history"))
        self.pixel_button.setToolTip(self.tr("Click a point on the map: these indices at that pixel on every scene of "
                                             "the dates, with each date's cloud flag, charted in the statistics dock. "
                                             "Esc leaves."))
        self.pixel_button.clicked.connect(lambda _checked=False: self.pixelHistoryRequested.emit())
        indices_row = QHBoxLayout()
        indices_row.addWidget(self.indices, 2)
        indices_row.addWidget(self.catalog, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.start, 1)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.end, 1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow dock: labels above, fields whole
        form.addRow(self.tr("Indices"), indices_row)
        form.addRow(self.explanation)
        form.addRow(self.tr("Dates"), dates)
        form.addRow(self.tr("Sensors"), self.sensors)
        form.addRow(self.tr("Scenes with cloud ≤"), self.max_cloud)
        form.addRow(self.exclude)
        form.addRow(self.tr("At most"), self.limit)
        form.addRow(self.pixel_button)
        self._typed(self.indices.text())

    def label(self) -> str:
        return self.tr("Statistics over time (mt_stats)")

    def title(self) -> str:
        return self.tr("Statistics")

    def prediction(self, params: MtStatsParams, result: PredictedResult) -> str:
        return self.tr("→ statistics of {count} index(es) for each scene from {start} to {end} (JSON), "
                       "charted in the statistics dock").format(
            count=len(result.files[0].bands), start=params.date_start, end=params.date_end)

    def set_sensor(self, sensor: Sensor | None, available: tuple[str, ...] | None) -> None:
        pass  # every scene of the dates: no one sensor

    def request(self, view_id: str, geometry: dict | None, reference: str) -> TaskRequest:
        return mt_stats_request(geometry=geometry, reference=reference, **self.parameters())

    # --- reading -----------------------------------------------------------------------------------
    def bm_type(self) -> list[str]:
        return [part.strip() for part in self.indices.text().split(";") if part.strip()]

    def set_indices(self, names: list[str]) -> None:
        self.indices.setText("; ".join(names))

    def parameters(self) -> dict:
        """The keyword arguments of core.request.mt_stats_request (besides the AOI)."""
        return {
            "bm_type": self.bm_type(),
            "date_start": self.start.date().toString("yyyy-MM-dd"),
            "date_end": self.end.date().toString("yyyy-MM-dd"),
            "sensors": [product.name for product in SENSOR_CHOICES
                        if product.label in self.sensors.checkedItems()] or None,
            "limit": self.limit.value(),
            "max_cloud_cover_in_aoi": self.max_cloud.number(),
            "exclude_cover_pixels": self.exclude.isChecked(),
        }

    def problem(self) -> str | None:
        names = self.bm_type()
        if not names:
            return self.tr("Give at least one index or expression.")
        if len(names) > api_rules.MAX_MT_STATS_INDICES:
            return self.tr("At most {count} indices.").format(count=api_rules.MAX_MT_STATS_INDICES)
        try:
            for name in names:
                if not is_index_name(name):
                    parse_expression(name)
        except RequestError as error:
            return error.message
        return None

    def follow_scenes(self, dates: list[dt.date | None]) -> None:
        """Default the dates to those of the scenes that meet the AOI, earliest to latest (the scene
        search's results), until the user sets dates."""
        known = [date for date in dates if date is not None]
        if self.dates_chosen or not known:
            return
        self._following = True
        try:
            for edit, date in ((self.start, min(known)), (self.end, max(known))):
                edit.setDate(QDate(date.year, date.month, date.day))
        finally:
            self._following = False
        self._emit()

    # --- reactions -------------------------------------------------------------------------------
    def _dates_edited(self, _date: object) -> None:
        if not self._following:
            self.dates_chosen = True
            self._emit()

    def _add_from_catalog(self, position: int) -> None:
        name = self.catalog.itemData(position)
        self.catalog.setCurrentIndex(0)
        if name and name not in self.bm_type():
            self.set_indices(self.bm_type() + [name])

    def _typed(self, _text: str) -> None:
        problem = self.problem()
        self.explanation.setText("✗ " + problem if problem else "✓ " + ", ".join(self.bm_type()))
        self._emit()

    def _emit(self, *_args: object) -> None:
        self.changed.emit()
