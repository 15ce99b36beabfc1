"""The index form of the dock (the bandmath task): the catalog, a custom-expression editor checked
as it is typed, leaving cloud and shadow pixels out, and the name used in the result's file name."""

from __future__ import annotations

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QWidget

from ..core.errors import RequestError
from ..core.i18n import tr
from ..core.indices import INDICES, explain_bm_type
from ..core.request import BandmathParams, TaskRequest, bandmath_request
from ..core.results import PredictedResult
from ..core.sensors import Sensor
from .index_catalog import index_catalog_combo
from .task_form import TaskFormDefaults
from .wrapped_label import WrappedLabel


def explanation_text(bm_type: str, sensor: Sensor | None) -> str:
    """What the expression computes ("✓ ..."), or what is wrong with it ("✗ ..."), as typed."""
    try:
        return "✓ " + explain_bm_type(bm_type, sensor)
    except RequestError as error:
        return "✗ " + error.message


def exclude_clouds_box(tooltip: str) -> QCheckBox:
    """The box of `exclude_cover_pixels` in the index and visual forms; off by default."""
    box = QCheckBox(tr("Exclude cloud and shadow pixels"))
    box.setToolTip(tooltip)
    return box


CUSTOM = ""


class IndexForm(QWidget, TaskFormDefaults):
    """Emits `changed` when the bm_type or the name alias changes."""

    changed = pyqtSignal()
    task_type = "bandmath"
    section = "index"
    fields = {"params.bm_type": "index", "params.exclude_cover_pixels": "index"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sensor: Sensor | None = None
        self.catalog = index_catalog_combo(self.tr("Custom expression"), CUSTOM, "indexCatalog")
        self.catalog.currentIndexChanged.connect(self._catalog_chosen)
        self.expression = QLineEdit("NDVI")
        self.expression.setObjectName("indexExpression")
        self.expression.setPlaceholderText("NDVI, or (B08-B04)/(B08+B04); several separated by commas")
        self.expression.textChanged.connect(self._typed)
        self.explanation = WrappedLabel()
        self.explanation.setObjectName("indexExplanation")
        self.name_alias = QLineEdit()
        self.name_alias.setObjectName("indexNameAlias")
        self.name_alias.setPlaceholderText(self.tr("optional: a name for the result file"))
        self.name_alias.textChanged.connect(self.changed)
        self.exclude = exclude_clouds_box(self.tr("Cloud, cloud shadow and the cloud mask's fill become nodata"))
        self.exclude.setObjectName("indexExclude")
        self.exclude.toggled.connect(self.changed)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow dock: labels above, fields whole
        form.addRow(self.tr("Catalog"), self.catalog)
        form.addRow(self.tr("Expression"), self.expression)
        form.addRow(self.explanation)
        form.addRow(self.exclude)
        form.addRow(self.tr("Name"), self.name_alias)
        self._typed(self.expression.text())

    def label(self) -> str:
        return self.tr("Index (bandmath)")

    def title(self) -> str:
        return self.tr("Index")

    def prediction(self, params: BandmathParams, result: PredictedResult) -> str:
        return self.tr("→ one Float32 GeoTIFF with {count} band(s), nodata -9999, on the grid of the coarsest "
                       "band used").format(count=len(result.files[0].bands))

    def set_sensor(self, sensor: Sensor | None, _available: tuple[str, ...] | None = None) -> None:
        self.sensor = sensor
        self._typed(self.expression.text())

    def request(self, view_id: str, geometry: dict | None, reference: str) -> TaskRequest:
        return bandmath_request(view_id, self.bm_type(), geometry, self.alias(), reference=reference,
                                exclude_cover_pixels=self.exclude.isChecked())

    def bm_type(self) -> str:
        return self.expression.text().strip()

    def alias(self) -> str | None:
        return self.name_alias.text().strip() or None

    def problem(self) -> str | None:
        """What is wrong with the expression, in the API's words; None when it is fine."""
        try:
            explain_bm_type(self.bm_type(), self.sensor)
        except RequestError as error:
            return error.message
        return None

    def _catalog_chosen(self) -> None:
        name = self.catalog.currentData()
        if name:
            self.expression.setText(name)

    def _typed(self, _text: str) -> None:
        self.explanation.setText(explanation_text(self.bm_type(), self.sensor))
        name = self.bm_type()
        index = self.catalog.findData(name if name in INDICES else CUSTOM)
        self.catalog.blockSignals(True)
        self.catalog.setCurrentIndex(max(index, 0))
        self.catalog.blockSignals(False)
        self.changed.emit()
