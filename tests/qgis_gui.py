"""What the GUI tests' fixtures (tests/conftest.py) build on: the real Qt objects completing
pytest-qgis's stub iface, pending deletions flushed, the canvas moved over an area."""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsRectangle
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


def show_area(canvas: QgsMapCanvas, crs_id: str, lon_lat_box=S2_VIEW_BOX) -> None:
    crs = QgsCoordinateReferenceSystem(crs_id)
    canvas.setDestinationCrs(crs)
    to_canvas = QgsCoordinateTransform(WGS84, crs, QgsProject.instance())
    canvas.setExtent(to_canvas.transformBoundingBox(QgsRectangle(*lon_lat_box)))
    canvas.refresh()
    QApplication.processEvents()
    assert canvas.mapSettings().destinationCrs() == crs
