"""What the GUI tests' fixtures (tests/conftest.py) build on: the real Qt objects completing
pytest-qgis's stub iface, pending deletions flushed, the canvas moved over an area."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsLayerTreeGroup,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
)
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import QEvent
from qgis.PyQt.QtWidgets import QApplication, QMainWindow, QMenu, QToolBar

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
SETTINGS_PREFIX = "load_by_extent"
TASK_TIMEOUT_MS = 60_000
S2_VIEW_BOX = (12.50, 52.44, 12.72, 52.54)  # lon/lat box the canvas shows: around the Sentinel-2 AOI


@dataclass
class QgisGui:
    """The real widgets standing in for QGIS's main window, raster toolbar and menu, options pages."""

    window: QMainWindow
    raster_toolbar: QToolBar
    raster_menu: QMenu
    options_factories: list = field(default_factory=list)


def flush_deletions() -> None:
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def single_layer_loaded(record, output_folder: str, name: str, band_count: int = 3
                        ) -> tuple[QgsRasterLayer, QgsLayerTreeGroup]:
    """The record's (services.task_controller.TaskRecord) result is on the map: one valid raster layer `name` (or
    `name (2)` ... when the project had one of that name already) of
    `band_count` bands, alone in its group, read from a .tif in `output_folder`. Gives the layer and
    the group."""
    from load_by_extent.services.task_controller import TaskStatus  # conftest makes the checkout importable

    assert record.status is TaskStatus.DONE, record.message
    assert len(record.layer_ids) == 1
    project = QgsProject.instance()
    layer = project.mapLayer(record.layer_ids[0])
    assert isinstance(layer, QgsRasterLayer) and layer.isValid()
    assert re.fullmatch(re.escape(name) + r"( \(\d+\))?", layer.name()), layer.name()  # "(2)": a second such result
    assert layer.bandCount() == band_count
    group = project.layerTreeRoot().findLayer(layer.id()).parent()
    assert [child.layerId() for child in group.findLayers()] == [layer.id()]
    source = layer.source()
    assert os.path.dirname(source) == output_folder
    assert source.endswith(".tif") and os.path.isfile(source)
    return layer, group


def show_area(canvas: QgsMapCanvas, crs_id: str, lon_lat_box=S2_VIEW_BOX) -> None:
    crs = QgsCoordinateReferenceSystem(crs_id)
    canvas.setDestinationCrs(crs)
    to_canvas = QgsCoordinateTransform(WGS84, crs, QgsProject.instance())
    canvas.setExtent(to_canvas.transformBoundingBox(QgsRectangle(*lon_lat_box)))
    canvas.refresh()
    QApplication.processEvents()
    assert canvas.mapSettings().destinationCrs() == crs


def wait_for_check(qtbot, dock, timeout_ms: int = 30_000) -> None:
    """Wait for the scene folders' answer on the dock's request (its background check)."""
    qtbot.waitUntil(lambda: not dock.store_check.pending, timeout=timeout_ms)
