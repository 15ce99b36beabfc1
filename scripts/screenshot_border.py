"""Run inside QGIS (`qgis --code scripts/screenshot_border.py`, see `make screenshot`): cut the real
Sentinel-2 sample scene into two overlapping tiles of one day (with the tile-border tests' own
function, tests/rasters.py), make them the plugin's scene folder, show the listed tiles' footprints,
draw an AOI across the overlap, run the natural-colours visual of the western tile through the dock
as a user would (task, scene, Run), then choose a crop (`lbe`) of the same tile, whose predicted
result names the neighbouring tile; write the tiles' view_ids over their footprints and save a
picture of the whole QGIS window, in 256 colours.

Environment: LBE_SCREENSHOT (the PNG to write). The profile made by scripts/qgis_profile.sh sets
the scene folder (the sample store, whose scene is cut) and the output folder.
"""

import os
import shutil
import sys
import tempfile

import load_by_extent
from load_by_extent.ui.dock import LoadByExtentDock
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtTest import QTest
from qgis.utils import iface, plugins

sys.path.insert(0, os.path.join(os.path.dirname(load_by_extent.__file__), "tests"))
from rasters import EAST, S2_GT10, WEST, make_s2_store, polygon_px  # noqa: E402 - tests/ is on the path only now

sys.path.insert(0, os.path.join(os.path.dirname(load_by_extent.__file__), "scripts"))
from screenshot_steps import lay_out_window, save_window, step, tasks_done, wait_then  # noqa: E402 - scripts/ is on the path only now

# An AOI of about 33 km² across the tiles' overlap (columns 700 to 900 of the scene's 10 m grid),
# in (column, row) of that grid.
FIELD = [(470.3, 140.2), (830.6, 80.7), (1160.2, 260.4), (1100.8, 670.1), (600.2, 700.6)]
SCENE_COLUMNS, SCENE_ROWS = 1536, 768
# Where each tile's view_id is written on the map: above the middle of its footprint (column, row).
TILE_NAMES = {WEST: (450, -25), EAST: (1118, -25)}
state = {"store": ""}


def dock() -> LoadByExtentDock:
    return plugins["load_by_extent"].dock


def map_point(column: float, row: float) -> QgsPointXY:
    return QgsPointXY(S2_GT10[0] + column * S2_GT10[1], S2_GT10[3] + row * S2_GT10[5])


def tile_names() -> QgsVectorLayer:
    """The tiles' view_ids above their footprints (the dock draws the footprints without names)."""
    layer = QgsVectorLayer("Point?crs=EPSG:32633&field=name:string", "tile names", "memory")
    features = []
    for view_id, (column, row) in TILE_NAMES.items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([view_id])
        feature.setGeometry(QgsGeometry.fromPointXY(map_point(column, row)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.renderer().setSymbol(QgsMarkerSymbol.createSimple({"size": "0", "outline_style": "no"}))
    text = QgsTextFormat()
    text.setSize(10)
    text.setColor(QColor(0, 90, 200))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    text.setBuffer(buffer)
    labels = QgsPalLayerSettings()
    labels.fieldName = "name"
    labels.setFormat(text)
    labels.placement = (Qgis.LabelPlacement.OverPoint if hasattr(Qgis, "LabelPlacement")
                        else QgsPalLayerSettings.Placement.OverPoint)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    layer.setLabelsEnabled(True)
    return layer


def listed() -> list[str]:
    picker = dock().scene_picker
    return sorted(scene.view_id for scene in picker.scenes)


def pick(view_id: str) -> None:
    """Select the scene's row in the scene list, as a click does."""
    table = dock().scene_picker.table
    row = next(row for row in range(table.rowCount()) if table.item(row, 3).text() == view_id)
    table.clearSelection()
    table.selectRow(row)


@step
def start() -> None:
    lay_out_window("EPSG:32633")
    plugin = plugins["load_by_extent"]
    sample_store = plugin.settings.scene_folders[0]
    state["store"] = tempfile.mkdtemp(prefix="lbe-border-")
    plugin.settings.scene_folders = [make_s2_store(sample_store, os.path.join(state["store"], "tiles"), EAST)]
    plugin.action.trigger()  # opens the dock, as the toolbar button does
    iface.mainWindow().resizeDocks([dock()], [340], Qt.Orientation.Horizontal)
    dock().task_combo.setCurrentIndex(dock().task_combo.findData("jpeg"))  # natural colours: the form's default
    dock().aoi.set_from_geojson(polygon_px(S2_GT10, [FIELD], 32633), "polygon")
    dock().scene_picker.show_footprints.setChecked(True)
    dock().request_preview.toggle.setChecked(False)
    wait_then(lambda: listed() == [WEST, EAST], run_ndvi)


@step
def run_ndvi() -> None:
    pick(WEST)
    wait_then(lambda: dock().run_button.isEnabled(), click_run)


@step
def click_run() -> None:
    QTest.mouseClick(dock().run_button, Qt.MouseButton.LeftButton)
    QTimer.singleShot(500, lambda: wait_then(tasks_done, crop_form))


@step
def crop_form() -> None:
    """The crop of the same scene, ready to run: its predicted result names the other tile."""
    form_dock = dock()
    form_dock.task_combo.setCurrentIndex(form_dock.task_combo.findData("lbe"))
    form_dock.forms["lbe"].band_picker.set_preset("true_colour")
    pick(WEST)
    # The whole scene (both tiles) on the map, in its own CRS (the visual, the first layer, brought
    # the project into EPSG:3857).
    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:32633"))
    extent = QgsRectangle(map_point(0, SCENE_ROWS), map_point(SCENE_COLUMNS, 0))
    extent.scale(1.06)
    iface.mapCanvas().setExtent(extent)
    QgsProject.instance().addMapLayer(tile_names())
    QTimer.singleShot(1500, show_prediction)


@step
def show_prediction() -> None:
    (visual,) = [layer for layer in QgsProject.instance().mapLayers().values()
                 if isinstance(layer, QgsRasterLayer)]
    iface.setActiveLayer(visual)  # the result, as it was loaded (not the names just added)
    form_dock = dock()
    form_dock.options_group.setCollapsed(False)
    form_dock.aoi_section.setCollapsed(True)  # room for the scene list, the prediction and the task row
    form_dock.form_groups["lbe"].setCollapsed(True)
    QTimer.singleShot(1500, grab)


@step
def grab() -> None:
    form_dock = dock()  # laid out by now with its groups collapsed: scrolled from the scene list to the tasks
    scroll = form_dock.scroll_area
    top = form_dock.scene_picker.start_date.mapTo(scroll.widget(), QPoint(0, 0)).y()
    scroll.verticalScrollBar().setValue(top - 8)
    scroll.horizontalScrollBar().setValue(0)
    iface.mapCanvas().refreshAllLayers()
    QTimer.singleShot(2000, save)


@step
def save() -> None:
    small_png(save_window())
    shutil.rmtree(state["store"], ignore_errors=True)
    QgsApplication.exit(0)


def small_png(path: str) -> None:
    """The picture in 256 colours: a third of the size, no difference to the eye (Pillow comes with
    matplotlib; libimagequant where Pillow has it)."""
    from PIL import Image, features

    method = Image.Quantize.LIBIMAGEQUANT if features.check("libimagequant") else Image.Quantize.FASTOCTREE
    with Image.open(path) as picture:
        quantized = picture.convert("RGB").quantize(256, method=method)
    quantized.save(path, optimize=True)


QTimer.singleShot(1500, start)
