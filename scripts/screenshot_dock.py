"""Run inside QGIS (`qgis --code scripts/screenshot_dock.py`, see `make screenshot`): open the dock,
crop a real Sentinel-2 scene to a polygon exactly as a user would (AOI, scene, band preset, Run),
wait for the result to load, and save a picture of the whole QGIS window.

Environment: LBE_SCREENSHOT (the PNG to write). The profile made by scripts/qgis_profile.sh sets
the scene folder and the output folder.
"""

import os
import sys

import load_by_extent
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.utils import iface, plugins

sys.path.insert(0, os.path.join(os.path.dirname(load_by_extent.__file__), "scripts"))
from screenshot_steps import lay_out_window, save_window, step, tasks_done, wait_then  # noqa: E402 - scripts/ is on the path only now

AOI = {"type": "Polygon", "coordinates": [[[12.553, 52.474], [12.632, 52.466], [12.668, 52.492], [12.640, 52.518],
                                           [12.575, 52.515], [12.553, 52.474]]]}
VIEW_ID = "S2/33/U/UU/2017/2/16/0"


@step
def start() -> None:
    lay_out_window("EPSG:32633")
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
    QTimer.singleShot(500, lambda: wait_then(tasks_done, show))


@step
def show() -> None:
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
    save_window()
    QgsApplication.exit(0)


QTimer.singleShot(1500, start)
