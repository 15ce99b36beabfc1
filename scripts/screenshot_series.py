"""Run inside QGIS (`qgis --code scripts/screenshot_series.py`, see `make screenshot`): run the
statistics of NDVI over a season of the real Landsat 5/7 series, click "Load the series" in the
statistics dock, wait for every date to load, open QGIS's Temporal Controller on the project's time
range one day a step, step to a summer date, and save a picture of the whole QGIS window.

Environment: LBE_SCREENSHOT (the PNG to write). The profile made by scripts/qgis_profile.sh sets
the scene folder and the output folder.
"""

import datetime as dt
import os
import sys

import load_by_extent
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsInterval,
    QgsProject,
    QgsRectangle,
    QgsTemporalNavigationObject,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins

sys.path.insert(0, os.path.join(os.path.dirname(load_by_extent.__file__), "scripts"))
from screenshot_steps import lay_out_window, save_window, step, tasks_done, wait_then  # noqa: E402 - scripts/ is on the path only now

# Most of the series' 61 x 61 grid (30 m, UTM 13N, Colorado), in lon/lat.
AOI = {"type": "Polygon", "coordinates": [[[-106.92409, 40.29553], [-106.90469, 40.29585], [-106.90427, 40.28099],
                                           [-106.92367, 40.28067], [-106.92409, 40.29553]]]}
SEASON = ("2009-04-01", "2009-10-31")
SHOWN_DATE = dt.date(2009, 7, 11)  # a green summer date of the series
DAYS = Qgis.TemporalUnit.Days if hasattr(Qgis, "TemporalUnit") else QgsUnitTypes.TemporalUnit.TemporalDays


@step
def start() -> None:
    lay_out_window("EPSG:32613")
    plugin = plugins["load_by_extent"]
    plugin.run_request({"type": "mt_stats", "params": {"bm_type": ["NDVI"], "date_start": SEASON[0],
                                                       "date_end": SEASON[1], "geometry": AOI,
                                                       "reference": "ndvi-season-2009"}})
    wait_then(lambda: tasks_done() and plugin._stats_dock is not None, load_series)


@step
def load_series() -> None:
    dock = plugins["load_by_extent"].stats_dock
    QTest.mouseClick(dock.series_button, Qt.MouseButton.LeftButton)  # as a user clicks it
    QTimer.singleShot(500, lambda: wait_then(tasks_done, show_time))


@step
def show_time() -> None:
    plugin = plugins["load_by_extent"]
    (layer,) = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name().startswith("L5 2009-07-11")]
    extent = QgsRectangle(layer.extent())
    extent.scale(1.15)
    iface.mapCanvas().setExtent(extent)
    panel = iface.mainWindow().findChild(QDockWidget, "TemporalControllerDockWidget")
    if panel is None:
        panel = next(widget for widget in iface.mainWindow().findChildren(QDockWidget)
                     if "emporal" in widget.windowTitle())
    panel.show()
    panel.raise_()
    # The Temporal Controller as a user sets it: animated, over the project's time range (the series
    # widened it), one day a step; then stepped to a summer date.
    navigation = iface.mapCanvas().temporalController()
    time_range = QgsProject.instance().timeSettings().temporalRange()
    navigation.setNavigationMode(QgsTemporalNavigationObject.NavigationMode.Animated)
    navigation.setTemporalExtents(time_range)
    navigation.setFrameDuration(QgsInterval(1, DAYS))
    navigation.setCurrentFrameNumber((SHOWN_DATE - time_range.begin().date().toPyDate()).days)
    iface.mainWindow().resizeDocks([panel, plugin.stats_dock], [90, 330], Qt.Orientation.Vertical)
    # The group's layers listed without their legends, so that the whole series shows in the panel.
    for node in QgsProject.instance().layerTreeRoot().findLayers():
        node.setExpanded(False)
    # The chart marks the date the map shows, as hovering it does.
    from matplotlib import dates as mdates

    plugin.stats_dock._set_guide(float(mdates.date2num(SHOWN_DATE)))
    QTimer.singleShot(2500, grab)


@step
def grab() -> None:
    iface.mapCanvas().refreshAllLayers()
    QTimer.singleShot(2000, save)


@step
def save() -> None:
    save_window()
    QgsApplication.exit(0)


QTimer.singleShot(1500, start)
