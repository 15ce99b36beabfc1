"""The index catalog as a combo box, as the index and statistics forms offer it."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QComboBox

from ..core.indices import INDICES


def index_catalog_combo(first_label: str, first_data: str, object_name: str) -> QComboBox:
    """A combo of `first_label` (data `first_data`), then every index of the catalog ("NDVI · Normalized
    Difference ...", data the index's name)."""
    combo = QComboBox()
    combo.setObjectName(object_name)
    combo.addItem(first_label, first_data)
    for index in INDICES.values():
        combo.addItem(f"{index.name} · {index.long_name}", index.name)
    # The entries are long: the closed box asks for little room, so it fits a narrow dock.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo
