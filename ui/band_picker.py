"""The band checklist: a sensor's bands with their resolutions, presets, and the order of choice.

The order in which bands are ticked is the order of the request (and of a merged file's bands),
so ticking B04, B03, B02 gives a true-colour file; presets tick in their own order.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..core.sensors import ALL_BANDS_PRESET, Sensor, preset_bands

CUSTOM_PRESET = "custom"


class BandPicker(QWidget):
    """Emits `bandsChanged` with the chosen band names, in the order they were chosen."""

    bandsChanged = pyqtSignal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sensor: Sensor | None = None
        self.available: tuple[str, ...] | None = None  # bands the chosen scene has, when known
        self._order: list[str] = []
        self._updating = False

        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("bandPreset")
        for preset, label in (
            (CUSTOM_PRESET, self.tr("Custom")),
            ("true_colour", self.tr("True colour")),
            ("false_colour", self.tr("False colour (near infrared)")),
            ("swir", self.tr("Shortwave infrared")),
            (ALL_BANDS_PRESET, self.tr("All bands")),
        ):
            self.preset_combo.addItem(label, preset)
        self.preset_combo.currentIndexChanged.connect(self._apply_preset)
        # "False colour (near infrared)" need not be whole when closed: the box fits a narrow dock.
        self.preset_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.preset_combo.setMinimumContentsLength(12)

        self.band_list = QListWidget()
        self.band_list.setObjectName("bandList")
        self.band_list.setMinimumHeight(110)
        self.band_list.setMaximumHeight(180)
        self.band_list.itemChanged.connect(self._item_changed)
        self.order_label = QLabel()
        self.order_label.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Preset")))
        row.addWidget(self.preset_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.band_list)
        layout.addWidget(self.order_label)
        self._show_order()

    # --- what the dock sets -------------------------------------------------------------------
    def set_sensor(self, sensor: Sensor | None, available: tuple[str, ...] | None = None) -> None:
        """Show `sensor`'s bands; bands missing from the scene (`available`) are shown disabled."""
        if sensor is self.sensor and available == self.available:
            return
        keep = [name for name in self._order if sensor is not None and sensor.band(name)]
        self.sensor = sensor
        self.available = available
        self._updating = True
        self.band_list.clear()
        for band in sensor.bands if sensor else ():
            resolution = f"{band.resolution:g} m"
            text = f"{band.name}  ·  {band.title}  ·  {resolution}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, band.name)
            flags = Qt.ItemFlag.ItemIsUserCheckable
            if available is None or band.name in available:
                flags |= Qt.ItemFlag.ItemIsEnabled
            else:
                item.setToolTip(self.tr("This scene has no {band} in the scene folders").format(band=band.name))
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if band.name in keep else Qt.CheckState.Unchecked)
            self.band_list.addItem(item)
        self._order = keep
        self._updating = False
        self._mark_presets()
        preset = self.preset_combo.currentData()
        if preset != CUSTOM_PRESET:
            self._apply_preset()
        else:
            self._changed()

    def set_preset(self, preset: str) -> None:
        index = self.preset_combo.findData(preset)
        if index >= 0:
            self.preset_combo.setCurrentIndex(index)

    def set_bands(self, names: list[str]) -> None:
        """Tick exactly `names`, in that order."""
        self._updating = True
        for index in range(self.band_list.count()):
            item = self.band_list.item(index)
            name = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Checked if name in names else Qt.CheckState.Unchecked)
        self._updating = False
        known = {self.band_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.band_list.count())}
        self._order = [name for name in names if name in known]
        self._changed()

    # --- reading ------------------------------------------------------------------------------
    def bands(self) -> list[str]:
        return list(self._order)

    def preset(self) -> str:
        return self.preset_combo.currentData()

    # --- reactions ----------------------------------------------------------------------------
    def _applies(self, preset: str) -> bool:
        """Whether the preset ticks anything on this sensor and scene (any preset while none is known)."""
        return preset == CUSTOM_PRESET or self.sensor is None or bool(preset_bands(self.sensor, preset, self.available))

    def _mark_presets(self) -> None:
        """Presets that would tick nothing here are shown disabled, saying why."""
        model = self.preset_combo.model()
        for index in range(self.preset_combo.count()):
            applies = self._applies(self.preset_combo.itemData(index))
            item = model.item(index)
            item.setEnabled(applies)
            item.setToolTip("" if applies else self.tr("This scene lacks a band of this preset"))

    def _apply_preset(self) -> None:
        preset = self.preset_combo.currentData()
        if preset == CUSTOM_PRESET or self.sensor is None:
            return
        names = list(preset_bands(self.sensor, preset, self.available))
        if not names:  # the preset applies nothing here: it must not claim to be chosen
            self._show_custom()
            self._changed()
            return
        self.set_bands(names)

    def _show_custom(self) -> None:
        self.preset_combo.blockSignals(True)
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(CUSTOM_PRESET))
        self.preset_combo.blockSignals(False)

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._updating:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked and name not in self._order:
            self._order.append(name)
        elif item.checkState() != Qt.CheckState.Checked and name in self._order:
            self._order.remove(name)
        self._show_custom()
        self._changed()

    def _changed(self) -> None:
        self._show_order()
        self.bandsChanged.emit(self.bands())

    def _show_order(self) -> None:
        if self._order:
            self.order_label.setText(self.tr("Order: {bands}").format(bands=", ".join(self._order)))
        else:
            self.order_label.setText(self.tr("No band chosen"))
