"""The statistics dock's feature picker: which polygon of a many-polygon run (core/fields_table.py)
the chart, the table and the exports show.

A combo of the polygons' ids, shown only while the dock shows such a run. When the run's polygon
layer is known (Processing's fields_stats run on a layer of the project), selecting a feature of that
layer on the map picks its polygon; the polygon's geometry then stands for the AOI of what the dock
shows (its area in the title, the AOI of a scene loaded from the chart or of "Load the series").

Without that geometry (a table opened with "Open…": a CSV names its polygons but holds none of their
shapes) or without view_ids (a table written before the view_id column), nothing can be loaded from
the chart: `loading_note()` says why, under the combo, in the hover line at a click and in the
series button's tooltip, rather than loading a whole scene or nothing silently.
"""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Callable

from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer
from qgis.PyQt import sip
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ..core.errors import LoadByExtentError
from ..core.fields_table import FieldsTable, read_fields_table
from ..services.aoi import to_wgs84

AOI_DECIMALS = 7  # about 1 cm: as Processing writes a request's geometry


class FeaturePicker(QWidget):
    """`show_table(...)` shows a run; `picked(data, request)` whenever the polygon shown changes."""

    picked = pyqtSignal(object, dict)  # core.statistics.StatsData, the request of that polygon

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsFeaturePicker")
        self.table: FieldsTable | None = None
        self.request: dict = {}
        self.layer: QgsVectorLayer | None = None
        self._fids: dict[str, int] = {}  # the layer's feature of each polygon id
        self.combo = QComboBox()
        self.combo.setObjectName("statsFeature")
        self.combo.setToolTip(self.tr("The polygon the chart and the table show; selecting a feature of the run's "
                                      "layer on the map picks it too"))
        self.combo.currentIndexChanged.connect(self._changed)
        self._note = ""
        self.note_label = QLabel()
        self.note_label.setObjectName("statsFeatureNote")
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Polygon")))
        row.addWidget(self.combo, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.note_label)
        self.hide()

    def show_table(self, table: FieldsTable, request: dict | None = None, layer: QgsVectorLayer | None = None,
                   id_field: str = "") -> None:
        """Show `table` (its first polygon); follow the selection of `layer`, whose `id_field` names the polygons."""
        self.clear()
        self.table, self.request = table, copy.deepcopy(request or {})
        index = layer.fields().lookupField(id_field) if layer is not None and id_field else -1
        if index >= 0:
            self.layer = layer
            # The ids as the table writes them: str() of the attribute (core/local/field_stats.py).
            only_ids = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([index])
            self._fids = {str(feature.attribute(index)): feature.id() for feature in layer.getFeatures(only_ids)}
            layer.selectionChanged.connect(self._selection_changed)
            layer.willBeDeleted.connect(self._layer_deleted)
        self.combo.blockSignals(True)
        self.combo.addItems(list(table.ids))
        self.combo.blockSignals(False)
        self.show()
        self._changed(self.combo.currentIndex())

    def loading_note(self) -> str:
        """Why no scene of the polygon shown can be loaded from the chart; "" when they can (or no
        many-polygon run is shown)."""
        return self._note

    def clear(self) -> None:
        """No run shown: hidden, following no layer."""
        self._stop_following()
        self.table, self.request = None, {}
        self._set_note("")
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.blockSignals(False)
        self.hide()

    def _changed(self, position: int) -> None:
        if self.table is None or position < 0:
            return
        feature_id = self.combo.itemText(position)
        request = self._request_of(feature_id)
        if not self.table.with_view_id:
            self._set_note(self.tr("This table has no view_id column (it was written before the tables had one): "
                                   "its scenes cannot be loaded from the chart. Run the statistics again to load "
                                   "them."))
        elif "geometry" not in request["params"]:
            self._set_note(self.tr("The shape of polygon {id} is unknown (the table was opened from a file, or the "
                                   "run's polygons are not a layer of this project): its scenes cannot be loaded "
                                   "over it. Run fields_stats in Processing on a polygon layer of the project to load "
                                   "them.").format(id=feature_id))
        else:
            self._set_note("")
        self.picked.emit(self.table.data(feature_id), request)

    def _set_note(self, text: str) -> None:
        self._note = text
        self.note_label.setText(text)
        self.note_label.setVisible(bool(text))

    def _request_of(self, feature_id: str) -> dict:
        """The run's request for one polygon: its geometry that polygon's (when the layer is known,
        else none: the run's is the envelope of all of them), its id named."""
        request = copy.deepcopy(self.request)
        params = request.setdefault("params", {})
        params.pop("geometry", None)
        params["feature"] = feature_id
        fid = self._fids.get(feature_id)
        feature = self.layer.getFeature(fid) if self.layer is not None and fid is not None else None
        if feature is not None and feature.hasGeometry():
            geometry = to_wgs84(feature.geometry(), self.layer.crs(), QgsProject.instance())
            params["geometry"] = json.loads(geometry.asJson(AOI_DECIMALS))
        return request

    def _selection_changed(self, selected: list, _deselected: list, _clear_and_select: bool) -> None:
        """Features selected on the map: the polygon of one of them (that the table has) is picked."""
        ids = {fid: feature_id for feature_id, fid in self._fids.items()}
        for fid in sorted(selected):
            position = self.combo.findText(ids[fid]) if fid in ids else -1
            if position >= 0:
                self.combo.setCurrentIndex(position)
                return

    def _layer_deleted(self) -> None:
        self.layer, self._fids = None, {}

    def _stop_following(self) -> None:
        if self.layer is not None and not sip.isdeleted(self.layer):
            with contextlib.suppress(TypeError, RuntimeError):  # already disconnected
                self.layer.selectionChanged.disconnect(self._selection_changed)
                self.layer.willBeDeleted.disconnect(self._layer_deleted)
        self.layer, self._fids = None, {}


class OpenTableButton(QToolButton):
    """"Open…": a CSV table of many polygons (`lbe stats`, fields_stats) read and shown, a polygon at a time."""

    tableOpened = pyqtSignal(object)  # noqa: N815 - Qt signal name; core.fields_table.FieldsTable
    problem = pyqtSignal(str)

    def __init__(self, folder: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder  # where the file dialog opens
        self.setObjectName("statsOpenButton")
        self.setText(self.tr("Open…"))
        self.setToolTip(self.tr("Open a table of statistics of many polygons (CSV of lbe stats or fields_stats)"))
        self.clicked.connect(self.open)

    def open(self) -> FieldsTable | None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Open a table of statistics of many polygons"),
                                                    self.folder(), self.tr("CSV files (*.csv)"))
        if not path:
            return None
        try:
            table = read_fields_table(path)
        except LoadByExtentError as error:
            self.problem.emit(str(error))
            return None
        self.tableOpened.emit(table)
        return table
