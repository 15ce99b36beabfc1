"""Run inside QGIS (`qgis --code scripts/screenshot_fields.py`, see `make screenshot`): draw six
field polygons over the real Landsat 5/7 series, load a summer NDVI under them, run Processing's
fields_stats on the field layer over the season, select a field on the map (the statistics dock's
polygon picker follows it), and save a picture of the whole QGIS window.

Environment: LBE_SCREENSHOT (the PNG to write). The profile made by scripts/qgis_profile.sh sets
the scene folder and the output folder.
"""

import os
import sys
import tempfile

import load_by_extent
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsPalLayerSettings,
    QgsProject,
    QgsRectangle,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.utils import iface, plugins

sys.path.insert(0, os.path.join(os.path.dirname(load_by_extent.__file__), "scripts"))
from screenshot_steps import lay_out_window, save_window, step, tasks_done, wait_then  # noqa: E402 - scripts/ is on the path only now

# The series' 61 x 61 grid (30 m, UTM 13N, Colorado), in lon/lat: the AOI of the summer NDVI.
AOI = {"type": "Polygon", "coordinates": [[[-106.92409, 40.29553], [-106.90469, 40.29585], [-106.90427, 40.28099],
                                           [-106.92367, 40.28067], [-106.92409, 40.29553]]]}
SUMMER = "L5/LT50350322009192PAC01"  # 2009-07-11
SEASON = ("2009-04-01", "2009-10-31")
# Six fields of 25-40 ha, three by two, a little askew as fields are (lon, lat).
FIELDS = {
    "north-1": [(-106.9232, 40.2950), (-106.9174, 40.2952), (-106.9171, 40.2886), (-106.9229, 40.2883)],
    "north-2": [(-106.9166, 40.2953), (-106.9108, 40.2955), (-106.9106, 40.2889), (-106.9163, 40.2887)],
    "north-3": [(-106.9100, 40.2955), (-106.9053, 40.2956), (-106.9051, 40.2891), (-106.9098, 40.2889)],
    "south-1": [(-106.9228, 40.2876), (-106.9170, 40.2879), (-106.9168, 40.2816), (-106.9226, 40.2813)],
    "south-2": [(-106.9162, 40.2880), (-106.9105, 40.2882), (-106.9103, 40.2818), (-106.9160, 40.2816)],
    "south-3": [(-106.9097, 40.2882), (-106.9050, 40.2883), (-106.9049, 40.2820), (-106.9095, 40.2818)],
}
PICKED = "north-2"


def field_layer() -> QgsVectorLayer:
    """The fields as a user digitised them, white outlines with their names."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "fields", "memory")
    features = []
    for name, ring in FIELDS.items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name])
        feature.setGeometry(QgsGeometry.fromWkt(
            "POLYGON((" + ", ".join(f"{x} {y}" for x, y in [*ring, ring[0]]) + "))"))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.renderer().setSymbol(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "255,255,255", "outline_width": "0.7"}))
    labels = QgsPalLayerSettings()
    labels.fieldName = "name"
    text = QgsTextFormat()
    text.setSize(10)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setColor(QColor("white"))
    text.setBuffer(buffer)
    labels.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    layer.setLabelsEnabled(True)
    return layer


@step
def start() -> None:
    lay_out_window("EPSG:32613")
    plugins["load_by_extent"].run_request({"type": "bandmath", "params": {
        "view_id": SUMMER, "bm_type": "NDVI", "geometry": AOI, "reference": "ndvi-2009-07-11"}})
    wait_then(tasks_done, run_fields_stats)


@step
def run_fields_stats() -> None:
    import processing

    layer = field_layer()
    QgsProject.instance().addMapLayer(layer)
    # As the toolbox runs it: the statistics dock shows the table when it ends.
    processing.run("load_by_extent:fields_stats", {
        "AOI": layer, "ID_FIELD": "name", "BM_TYPE": "NDVI", "DATE_START": SEASON[0], "DATE_END": SEASON[1],
        "MAX_CLOUD": 60, "OUTPUT_FOLDER": tempfile.mkdtemp(prefix="lbe-fields-")})
    QTimer.singleShot(500, show)


@step
def show() -> None:
    (layer,) = QgsProject.instance().mapLayersByName("fields")
    iface.setActiveLayer(layer)
    QTimer.singleShot(1000, frame)


@step
def frame() -> None:
    (layer,) = QgsProject.instance().mapLayersByName("fields")
    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:32613"))  # the scenes' (the fields are lon/lat)
    iface.mainWindow().resize(1500, 1080)  # the statistics dock at its smallest, the map takes the rest
    iface.mainWindow().resizeDocks([plugins["load_by_extent"].stats_dock], [300], Qt.Orientation.Vertical)
    iface.mapCanvas().setSelectionColor(QColor(255, 255, 0, 110))  # the selected field's NDVI shows through
    extent = QgsRectangle(iface.mapCanvas().mapSettings().layerExtentToOutputExtent(layer, layer.extent()))
    extent.scale(1.12)
    iface.mapCanvas().setExtent(extent)
    QTimer.singleShot(2500, grab)


@step
def grab() -> None:
    iface.mapCanvas().refreshAllLayers()  # which reloads the field layer, and so clears its selection
    # A field selected on the map, as the select tool does it: the dock's polygon picker follows.
    (layer,) = QgsProject.instance().mapLayersByName("fields")
    layer.selectByIds([feature.id() for feature in layer.getFeatures() if feature["name"] == PICKED])
    picked = plugins["load_by_extent"].stats_dock.feature_picker.combo.currentText()
    assert picked == PICKED, picked
    QTimer.singleShot(2000, save)


@step
def save() -> None:
    save_window()
    QgsApplication.exit(0)


QTimer.singleShot(1500, start)
