"""The crop form of the dock (the lbe task): the bands, and among the options merge and metadata."""

from __future__ import annotations

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from ..core import api_rules
from ..core.request import LbeParams, TaskRequest, lbe_request
from ..core.results import PredictedResult
from ..core.sensors import Sensor
from ..services.settings import PluginSettings
from .band_picker import BandPicker
from .task_form import TaskFormDefaults


class CropForm(QWidget, TaskFormDefaults):
    """Emits `changed` when the bands, merge or metadata change."""

    changed = pyqtSignal()
    task_type = "lbe"
    section = "bands"
    fields = {"params.bands": "bands", "params.metadata": "options"}
    allows_multipolygon = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.band_picker = BandPicker()
        self.band_picker.bandsChanged.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.band_picker)
        self.merge_check = QCheckBox(self.tr("Merge bands of one resolution"))
        self.merge_check.setObjectName("mergeCheck")
        self.merge_check.setChecked(api_rules.DEFAULT_MERGE)
        self.tile_md_check = QCheckBox(self.tr("Tile metadata"))
        self.product_md_check = QCheckBox(self.tr("Product metadata"))
        for check in (self.merge_check, self.tile_md_check, self.product_md_check):
            check.toggled.connect(self.changed)
        self.options = QWidget()  # merge and metadata, in the dock's Options section
        options = QVBoxLayout(self.options)
        options.setContentsMargins(0, 0, 0, 0)
        options.addWidget(self.merge_check)
        metadata = QVBoxLayout()  # one under the other: both whole in a narrow dock
        metadata.addWidget(self.tile_md_check)
        metadata.addWidget(self.product_md_check)
        options.addLayout(metadata)

    def label(self) -> str:
        return self.tr("Crop bands (lbe)")

    def title(self) -> str:
        return self.tr("Bands")

    def prediction(self, params: LbeParams, result: PredictedResult) -> str:
        first = result.files[0]
        if result.result_type == "jp2":
            return self.tr("→ one JPEG 2000 file, band {band} at {res} m").format(
                band=first.bands[0], res=f"{first.resolution:g}")
        if result.result_type == "tif":
            return self.tr("→ one GeoTIFF, {count} band(s) at {res} m").format(
                count=len(first.bands), res=f"{first.resolution:g}")
        groups: dict[float, list[str]] = {}
        for file in result.files:
            groups.setdefault(file.resolution, []).extend(file.bands)
        parts = "; ".join(f"{res:g} m: {', '.join(names)}" for res, names in groups.items())
        extra = " + " + ", ".join(result.metadata) if result.metadata else ""
        return self.tr("→ a zip of {files} GeoTIFF(s) ({parts}){extra}").format(
            files=len(result.files), parts=parts, extra=extra)

    def request(self, view_id: str, geometry: dict | None, reference: str) -> TaskRequest:
        metadata = [name for name, check in ((api_rules.TILE_METADATA, self.tile_md_check),
                                             (api_rules.PRODUCT_METADATA, self.product_md_check)) if check.isChecked()]
        return lbe_request(view_id, self.band_picker.bands(), geometry,
                           merge=self.merge_check.isChecked(), metadata=metadata, reference=reference)

    def set_sensor(self, sensor: Sensor | None, available: tuple[str, ...] | None) -> None:
        self.band_picker.set_sensor(sensor, available)

    def recall(self, settings: PluginSettings) -> None:
        self.band_picker.set_preset(settings.remembered("band_preset", "true_colour"))

    def remember(self, settings: PluginSettings) -> None:
        settings.remember("band_preset", self.band_picker.preset())
