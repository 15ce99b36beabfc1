"""Run inside QGIS (`qgis --code scripts/screenshot_dock.py`, see `make screenshot`): open the dock,
crop a real Sentinel-2 scene to a polygon exactly as a user would (AOI, scene, band preset, Run),
wait for the result to load, and save a picture of the whole QGIS window.

Environment: LBE_SCREENSHOT (the PNG to write). The profile made by scripts/qgis_profile.sh sets
the scene folder and the output folder.
"""

import functools
import os
import traceback
from collections.abc import Callable

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins

AOI = {"type": "Polygon", "coordinates": [[[12.553, 52.474], [12.632, 52.466], [12.668, 52.492], [12.640, 52.518],
                                           [12.575, 52.515], [12.553, 52.474]]]}
VIEW_ID = "S2/33/U/UU/2017/2/16/0"
state = {"ticks": 0}


def step(function: Callable[[], None]) -> Callable[[], None]:
    """A step of the script: any error ends QGIS with the traceback on stderr (no modal dialog)."""

    @functools.wraps(function)
    def wrapper() -> None:
        try:
            function()
        except Exception:
            traceback.print_exc()
            os._exit(1)

    return wrapper


@step
def start() -> None:
    iface.mainWindow().resize(1500, 1000)
    for name in ("Browser", "Browser2"):  # more room for the map and the dock
        panel = iface.mainWindow().findChild(QDockWidget, name)
        if panel is not None:
            panel.hide()
    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:32633"))
    plugin = plugins["load_by_extent"]
    plugin.action.trigger()  # opens the dock, as the toolbar button does
    dock = plugin.dock
    iface.mainWindow().resizeDocks([dock], [340], Qt.Orientation.Horizontal)  # as QGIS opens it on a laptop
    dock.aoi.set_from_geojson(AOI, "polygon")
    dock.aoi.zoom_to()
    dock.scene_picker.set_view_id(VIEW_ID)
    dock.forms["lbe"].band_picker.set_preset("true_colour")
    dock.request_preview.toggle.setChecked(False)
    QTimer.singleShot(2500, run)


@step
def run() -> None:
    dock = plugins["load_by_extent"].dock
    dock.run()
    QTimer.singleShot(500, wait)


@step
def wait() -> None:
    controller = plugins["load_by_extent"].controller
    state["ticks"] += 1
    if any(record.is_active for record in controller.records) and state["ticks"] < 240:
        QTimer.singleShot(250, wait)
        return
    dock = plugins["load_by_extent"].dock
    dock.aoi.zoom_to()
    dock.options_group.setCollapsed(True)
    dock.scroll_area.ensureWidgetVisible(dock.task_list)
    dock.scroll_area.horizontalScrollBar().setValue(0)  # the form's left edge, whatever the task rows' width
    QTimer.singleShot(2500, grab)


@step
def grab() -> None:
    iface.mapCanvas().refreshAllLayers()
    QTimer.singleShot(1500, save)


@step
def save() -> None:
    iface.mainWindow().grab().save(os.environ["LBE_SCREENSHOT"])
    QgsApplication.exit(0)


QTimer.singleShot(1500, start)
