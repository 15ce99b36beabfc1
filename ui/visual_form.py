"""The visual form of the dock (the jpeg task): band combination or expression, colormap and
classes, levels, resampling, format, pixel size, calibration, leaving cloud and shadow pixels out."""

from __future__ import annotations

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ..core import api_rules
from ..core.colormaps import COLORMAP_NAMES
from ..core.errors import RequestError
from ..core.expressions import remap_bands, split_expressions
from ..core.indices import display_range, explain_bm_type
from ..core.request import JpegParams, TaskRequest, jpeg_request
from ..core.results import PredictedResult
from ..core.sensors import BAND_PRESETS, Sensor, preset_bands
from .index_form import exclude_clouds_box, explanation_text
from .optional_number import OptionalDoubleSpinBox, OptionalSpinBox
from .task_form import TaskFormDefaults
from .wrapped_label import WrappedLabel


class VisualForm(QWidget, TaskFormDefaults):
    """Emits `changed` whenever a parameter changes."""

    changed = pyqtSignal()
    task_type = "jpeg"
    section = "visual"
    fields = dict.fromkeys(("params.bm_type", "params.levels", "params.colormap", "params.px_size",
                            "params.colors_limit", "params.exclude_cover_pixels"), "visual")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sensor: Sensor | None = None
        self._written_for: Sensor | None = None  # the sensor whose band names the combination uses
        self.combination = QComboBox()
        self.combination.setObjectName("visualCombination")
        self.combination.setEditable(True)
        self.combination.lineEdit().setPlaceholderText("B04,B03,B02 or NDVI")
        self.combination.editTextChanged.connect(self._typed)
        self.explanation = WrappedLabel()
        self.explanation.setObjectName("visualExplanation")
        self.colormap = QComboBox()
        self.colormap.setObjectName("visualColormap")
        self.colormap.addItem(self.tr("grey"), "")
        for name in COLORMAP_NAMES:
            self.colormap.addItem(name, name)
        self.colormap.setCurrentIndex(max(self.colormap.findData("RdYlGn"), 0))
        self.colormap.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.colormap.setMinimumContentsLength(8)  # the longest colormap names need not fit a narrow dock
        # Not set (below the API's 2 classes): a continuous colormap.
        self.classes = OptionalSpinBox(1, api_rules.MAX_COLORS_LIMIT, self.tr("continuous"))
        self.classes.setObjectName("visualClasses")
        self.use_levels = QCheckBox(self.tr("Levels"))
        self.use_levels.setObjectName("visualUseLevels")
        self.low = QDoubleSpinBox()
        self.high = QDoubleSpinBox()
        for spin, value in ((self.low, api_rules.DEFAULT_INDEX_LEVELS[0]), (self.high, api_rules.DEFAULT_INDEX_LEVELS[1])):
            spin.setRange(-1e9, 1e9)
            spin.setDecimals(3)
            spin.setValue(value)
            spin.setEnabled(False)
            spin.setMinimumWidth(70)  # not the width of "-1000000000.000": the levels row fits a narrow dock
        self.use_levels.toggled.connect(self.low.setEnabled)
        self.use_levels.toggled.connect(self.high.setEnabled)
        # The levels follow a catalog index's known range until the user sets them: the API's default
        # for indices (-0.5..0.5) saturates a healthy field's NDVI, and explicit levels give the same
        # picture on this computer and on the API.
        self.levels_chosen = False
        self._following_index = False
        for signal in (self.use_levels.toggled, self.low.valueChanged, self.high.valueChanged):
            signal.connect(self._levels_edited)
        self.resample = QComboBox()
        self.resample.setObjectName("visualResample")
        self.resample.addItems(api_rules.RESAMPLE_METHODS)
        self.resample.setCurrentText(api_rules.DEFAULT_RESAMPLE)
        self.output_format = QComboBox()
        self.output_format.setObjectName("visualFormat")
        self.output_format.addItems(api_rules.JPEG_FORMATS)
        self.output_format.setCurrentText("png")
        self.px_size = OptionalDoubleSpinBox(0, 100000, 1, self.tr("native"))  # not set: the bands' resolution
        self.px_size.setObjectName("visualPixelSize")
        self.px_size.setSuffix(" m")
        self.calibrate = QCheckBox(self.tr("Calibrate to reflectance"))
        self.calibrate.setToolTip(self.tr("Convert to top-of-atmosphere reflectance (calibrate)"))
        self.calibrate.setObjectName("visualCalibrate")
        self.exclude = exclude_clouds_box(self.tr("Cloud, cloud shadow and the cloud mask's fill become transparent"))
        self.exclude.setObjectName("visualExclude")
        self.name_alias = QLineEdit()
        self.name_alias.setPlaceholderText(self.tr("optional: a name for the result file"))
        for signal in (self.colormap.currentIndexChanged, self.classes.valueChanged, self.use_levels.toggled,
                       self.low.valueChanged, self.high.valueChanged, self.resample.currentIndexChanged,
                       self.output_format.currentIndexChanged, self.px_size.valueChanged, self.calibrate.toggled,
                       self.exclude.toggled, self.name_alias.textChanged):
            signal.connect(self._emit_changed)

        levels = QHBoxLayout()
        levels.addWidget(self.use_levels)
        levels.addWidget(self.low, 1)
        levels.addWidget(QLabel("…"))
        levels.addWidget(self.high, 1)
        self.classes.setMinimumWidth(self.classes.sizeHint().width())  # "continuous" whole, not cut
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow dock: labels above, fields whole
        form.addRow(self.tr("Bands"), self.combination)
        form.addRow(self.explanation)
        form.addRow(self.tr("Colormap"), self.colormap)
        form.addRow(self.tr("Classes"), self.classes)  # a row of its own: the colormap's row fits a narrow dock
        form.addRow(levels)
        form.addRow(self.tr("Resampling"), self.resample)
        form.addRow(self.tr("Format"), self.output_format)
        form.addRow(self.tr("Pixel size"), self.px_size)
        form.addRow(self.calibrate)
        form.addRow(self.exclude)
        form.addRow(self.tr("Name"), self.name_alias)
        self.set_sensor(None)

    def label(self) -> str:
        return self.tr("Visual (jpeg)")

    def title(self) -> str:
        return self.tr("Visual")

    def prediction(self, params: JpegParams, result: PredictedResult) -> str:
        image = result.files[0]
        size = self.tr("native pixel size") if not image.resolution else f"{image.resolution:g} m"
        kind = self.tr("colour") if len(image.bands) == 3 or params.colormap else self.tr("grey")
        return self.tr("→ a {format} image in EPSG:3857 ({kind}, {size})").format(
            format=result.result_type.upper(), kind=kind, size=size)

    def request(self, view_id: str, geometry: dict | None, reference: str) -> TaskRequest:
        return jpeg_request(view_id, self.bm_type(), geometry, reference=reference, **self.parameters())

    def set_sensor(self, sensor: Sensor | None, _available: tuple[str, ...] | None = None) -> None:
        self.sensor = sensor
        text = self.combination.currentText()
        if sensor is not None:
            # The same colours on the new sensor's bands (a view_id being typed passes through None).
            if self._written_for is not None:
                text = remap_bands(text, self._written_for, sensor)
            self._written_for = sensor
        self.combination.blockSignals(True)
        self.combination.clear()
        for preset in BAND_PRESETS:
            bands = preset_bands(sensor, preset) if sensor else ()
            if bands:
                self.combination.addItem(",".join(bands))
        self.combination.addItem("NDVI")
        self.combination.setEditText(text or (self.combination.itemText(0) if sensor else ""))
        self.combination.blockSignals(False)
        self._typed(self.combination.currentText())

    # --- reading ----------------------------------------------------------------------------------
    def bm_type(self) -> str:
        return self.combination.currentText().strip()

    def single(self) -> bool:
        try:
            return len(split_expressions(self.bm_type())) == 1
        except RequestError:
            return False

    def parameters(self) -> dict:
        """The keyword arguments of core.request.jpeg_request (besides scene and AOI)."""
        single = self.single()
        return {
            "resample": self.resample.currentText(),
            "output_format": self.output_format.currentText(),
            "px_size": self.px_size.number(),
            "levels": (self.low.value(), self.high.value()) if self.use_levels.isChecked() else None,
            "colormap": (self.colormap.currentData() or None) if single else None,
            "colors_limit": self.classes.number() if single else None,
            "calibrate": self.calibrate.isChecked(),
            "exclude_cover_pixels": self.exclude.isChecked(),
            "name_alias": self.name_alias.text().strip() or None,
        }

    def problem(self) -> str | None:
        try:
            explain_bm_type(self.bm_type(), self.sensor)
            if len(split_expressions(self.bm_type())) not in (1, 3):
                return self.tr("give one expression, or three bands or expressions for red, green, blue")
        except RequestError as error:
            return error.message
        if self.use_levels.isChecked() and self.low.value() >= self.high.value():
            return self.tr("the low level must be below the high one")
        return None

    # --- reactions --------------------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self.explanation.setText(explanation_text(self.bm_type(), self.sensor))
        single = self.single()
        self.colormap.setEnabled(single)
        self.classes.setEnabled(single)
        self._follow_index_range()
        self._emit_changed()

    def _levels_edited(self, *_args: object) -> None:
        if not self._following_index:
            self.levels_chosen = True

    def _follow_index_range(self) -> None:
        if self.levels_chosen:
            return
        known = display_range(self.bm_type()) if self.single() else None
        low, high = known or api_rules.DEFAULT_INDEX_LEVELS
        self._following_index = True
        try:
            self.use_levels.setChecked(known is not None)
            self.low.setValue(low)
            self.high.setValue(high)
        finally:
            self._following_index = False

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()
