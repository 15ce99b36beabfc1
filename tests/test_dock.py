"""The Load By Extent dock, driven like an analyst drives it (pytest-qgis, offscreen).

The dock is built by the plugin itself (classFactory, initGui, `plugin.dock`) on pytest-qgis's stub
iface, whose missing parts are supplied by small real Qt objects: a QMainWindow that takes the dock,
a QToolBar and a QMenu that take the action, a list of registered options pages. Scenes come from
the real sample imagery (`sample_store`) and, for a task long enough to cancel, from a full-size
Sentinel-2 band generated once per session. Background work runs in QGIS's task manager: the tests
wait on the task records, never sleep.

What the dock should do is computed here independently: the AOI in EPSG:4326 with a
QgsCoordinateTransform of each input vertex, its area with QgsDistanceArea, the layer and group
names from the request.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator

import pytest
from load_by_extent.core.request import LbeParams, TaskRequest
from load_by_extent.core.sensors import SENTINEL2
from load_by_extent.services.settings import PluginSettings
from load_by_extent.services.task_controller import TaskRecord, TaskStatus
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
    QgsTask,
    QgsVectorLayer,
)
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapToolPan, QgsRubberBand
from qgis.PyQt.QtCore import QDate, QEvent, QPoint, QPointF, Qt
from qgis.PyQt.QtGui import QFont, QWheelEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from qgis_gui import show_area, single_layer_loaded, wait_for_check
from rasters import polygon_from_utm

# Every test runs the plugin on the real sample imagery (the scene folder of the settings).
pytestmark = pytest.mark.sample_data

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
SETTINGS_PREFIX = "load_by_extent"
TASK_TIMEOUT_MS = 60_000
SEARCH_TIMEOUT_MS = 30_000

S2_VIEW = "S2/33/U/UU/2017/2/16/0"
S2_RING = [[12.553, 52.474], [12.632, 52.466], [12.668, 52.492], [12.640, 52.518], [12.575, 52.515],
           [12.553, 52.474]]
S2_AOI = {"type": "Polygon", "coordinates": [S2_RING]}
L8_VIEW = "L8/LC80200392015216LGN00"  # cloud cover 11.08 % in its MTL
L8_AOI = {"type": "Polygon",
          "coordinates": [[[-87.47, 30.66], [-87.33, 30.66], [-87.31, 30.79], [-87.46, 30.80], [-87.47, 30.66]]]}
TRUE_COLOUR_LAYER = "S2 2017-02-16 B04 B03 B02"

BIG_VIEW = "S2/33/U/UU/2020/6/1/0"
BIG_ORIGIN = (300000.0, 5900040.0)  # EPSG:32633, the real tile 33UUU


# --- the plugin and its dock (gui, canvas, plugin_settings, plugin: tests/conftest.py) ----------------


@pytest.fixture
def dock(plugin):
    return plugin.dock


@pytest.fixture
def aoi_files(tmp_path) -> dict[str, str]:
    """GeoJSON files an analyst would open: the S2 AOI, the L8 AOI, two separate polygons."""
    far_square = [[12.80, 52.40], [12.85, 52.40], [12.85, 52.43], [12.80, 52.43], [12.80, 52.40]]
    files = {
        "s2": [S2_AOI],
        "l8": [L8_AOI],
        "two_parts": [S2_AOI, {"type": "Polygon", "coordinates": [far_square]}],
    }
    paths = {}
    for name, geometries in files.items():
        path = tmp_path / f"{name}.geojson"
        features = [{"type": "Feature", "properties": {"id": number}, "geometry": geometry}
                    for number, geometry in enumerate(geometries)]
        path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
        paths[name] = str(path)
    return paths


# --- the full-size tile --------------------------------------------------------------------------


def big_tile_aoi() -> dict:
    """About 100 x 100 km inside the full-size tile, in lon/lat."""
    x0, y0 = BIG_ORIGIN
    return polygon_from_utm([(x0 + 2000, y0 - 107000), (x0 + 107000, y0 - 107000), (x0 + 107000, y0 - 2000),
                             (x0 + 2000, y0 - 2000)])


# --- reading the dock -------------------------------------------------------------------------------


def listed_view_ids(dock) -> list[str]:
    table = dock.scene_picker.table
    return [table.item(row, 3).text() for row in range(table.rowCount())]


def wait_for_listed(qtbot, dock, view_ids: list[str]) -> None:
    qtbot.waitUntil(lambda: listed_view_ids(dock) == view_ids, timeout=SEARCH_TIMEOUT_MS)


def wait_for_empty_list(qtbot, dock) -> None:
    status = dock.scene_picker.status
    qtbot.waitUntil(lambda: status.text().startswith("0 scene(s)"), timeout=SEARCH_TIMEOUT_MS)
    assert dock.scene_picker.table.rowCount() == 0


def request_ring(dock) -> list[list[float]]:
    geometry = dock.build_request().params["geometry"]
    assert geometry["type"] == "Polygon"
    assert len(geometry["coordinates"]) == 1
    return geometry["coordinates"][0]


def to_wgs84(points: list[QgsPointXY], crs: QgsCoordinateReferenceSystem) -> list[QgsPointXY]:
    """The expected AOI vertices: each input vertex through its own transform to EPSG:4326."""
    transform = QgsCoordinateTransform(crs, WGS84, QgsProject.instance())
    return [transform.transform(QgsPointXY(point)) for point in points]


def assert_same_ring(ring: list[list[float]], expected: list[QgsPointXY], tolerance: float = 1e-7) -> None:
    """`ring` (closed, [lon, lat]) has exactly the `expected` vertices (any start, any closing)."""
    assert ring[0] == ring[-1], "the ring must be closed"
    actual = ring[:-1]
    wanted = list(expected)
    if len(wanted) > 1 and wanted[0].compare(wanted[-1], 1e-12):
        wanted = wanted[:-1]
    assert len(actual) == len(wanted), (actual, wanted)
    for point in wanted:
        assert any(abs(lon - point.x()) <= tolerance and abs(lat - point.y()) <= tolerance for lon, lat in actual), (
            f"vertex ({point.x()}, {point.y()}) missing from {actual}")


def ellipsoidal_km2(points: list[QgsPointXY]) -> float:
    measure = QgsDistanceArea()
    measure.setSourceCrs(WGS84, QgsProject.instance().transformContext())
    measure.setEllipsoid("WGS84")
    return measure.measureArea(QgsGeometry.fromPolygonXY([points])) / 1e6


def aoi_label_numbers(dock) -> tuple[float, int]:
    match = re.search(r"([\d,]+\.\d\d) km² · (\d+) vertices", dock.aoi_section.label.text())
    assert match, dock.aoi_section.label.text()
    return float(match.group(1).replace(",", "")), int(match.group(2))


def rubber_bands(canvas: QgsMapCanvas) -> list[QgsRubberBand]:
    return [item for item in canvas.scene().items() if isinstance(item, QgsRubberBand)]


def drawn_rubber_bands(canvas: QgsMapCanvas) -> list[QgsRubberBand]:
    """The rubber bands that show something."""
    return [band for band in rubber_bands(canvas) if band.numberOfVertices() > 0 and band.isVisible()]


def bands_showing(canvas: QgsMapCanvas, polygon_wgs84: list[QgsPointXY]) -> list[QgsRubberBand]:
    """The rubber bands that show `polygon_wgs84` where it is in the canvas's current CRS."""
    to_canvas = QgsCoordinateTransform(WGS84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
    expected = QgsGeometry.fromPolygonXY([[to_canvas.transform(point) for point in polygon_wgs84]]).boundingBox()
    tolerance = max(expected.width(), expected.height()) * 1e-6

    def shows(band: QgsRubberBand) -> bool:
        box = band.asGeometry().boundingBox()
        return all(abs(a - b) <= tolerance for a, b in zip(
            (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()),
            (expected.xMinimum(), expected.yMinimum(), expected.xMaximum(), expected.yMaximum())))

    return [band for band in drawn_rubber_bands(canvas) if shows(band)]


def assert_aoi_drawn(canvas: QgsMapCanvas, expected_wgs84: list[QgsPointXY]) -> None:
    """One band on the canvas shows the AOI, in the canvas's CRS."""
    assert len(bands_showing(canvas, expected_wgs84)) == 1, "no rubber band shows the AOI where it is"


def ring_points(ring: list[list[float]]) -> list[QgsPointXY]:
    return [QgsPointXY(lon, lat) for lon, lat in ring]


def band_items(dock) -> dict[str, object]:
    band_list = dock.forms["lbe"].band_picker.band_list
    items = [band_list.item(index) for index in range(band_list.count())]
    return {item.data(Qt.ItemDataRole.UserRole): item for item in items}


def tick(dock, *names: str, checked: bool = True) -> None:
    """Tick (or untick) bands in the list, one after the other, as a user clicks them."""
    items = band_items(dock)
    for name in names:
        items[name].setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def untick_all(dock) -> None:
    for name, item in band_items(dock).items():
        if item.checkState() == Qt.CheckState.Checked:
            tick(dock, name, checked=False)
    assert dock.forms["lbe"].band_picker.bands() == []


def choose_preset(dock, preset: str) -> None:
    combo = dock.forms["lbe"].band_picker.preset_combo
    combo.setCurrentIndex(combo.findData(preset))


def choose_scene(qtbot, dock, aoi_path: str, view_id: str) -> None:
    dock.aoi_section.use_file(aoi_path)
    wait_for_listed(qtbot, dock, [view_id])
    dock.scene_picker.table.selectRow(0)
    assert dock.scene_picker.view_id() == view_id


def prepare_s2_true_colour(qtbot, dock, aoi_files) -> None:
    choose_scene(qtbot, dock, aoi_files["s2"], S2_VIEW)
    choose_preset(dock, "true_colour")
    assert dock.forms["lbe"].band_picker.bands() == ["B04", "B03", "B02"]
    wait_for_check(qtbot, dock)
    assert dock.run_button.isEnabled(), dock.run_button.toolTip()


def wait_until_ended(qtbot, record: TaskRecord) -> None:
    qtbot.waitUntil(lambda: record.status.has_ended, timeout=TASK_TIMEOUT_MS)


def task_descriptions() -> list[str]:
    return [task.description() for task in QgsApplication.taskManager().tasks()]


def files_under(folder: str) -> list[str]:
    return [os.path.join(root, name) for root, _dirs, names in os.walk(folder) for name in names]


def assert_true_colour_loaded(record: TaskRecord, output_folder: str) -> QgsRasterLayer:
    """The record's result is on the map: a group named after the scene holding one 3-band layer."""
    layer, group = single_layer_loaded(record, output_folder, TRUE_COLOUR_LAYER)
    assert group.name().startswith(S2_VIEW), group.name()
    assert "B04 B03 B02" in group.name()
    return layer


# --- initial state ---------------------------------------------------------------------------------


def test_dock_starts_without_aoi_and_run_disabled_saying_why(plugin, dock, gui):
    assert dock.objectName() == "LoadByExtentDock"
    assert plugin.dock is dock
    assert gui.window.findChild(QWidget, "LoadByExtentDock") is dock
    assert not dock.aoi.is_set
    assert dock.aoi_section.label.text().startswith("No area of interest")
    assert not dock.run_button.isEnabled()
    assert "area of interest" in dock.run_button.toolTip()
    assert dock.request is None
    assert dock.prediction_label.text().startswith("→ the result type shows here")


# --- the area of interest --------------------------------------------------------------------------


@pytest.mark.parametrize("crs_id", ["EPSG:3857", "EPSG:32633"])
def test_aoi_from_canvas_extent_is_sent_in_wgs84(dock, canvas, crs_id):
    show_area(canvas, crs_id)
    extent = canvas.extent()
    corners = [QgsPointXY(extent.xMinimum(), extent.yMinimum()), QgsPointXY(extent.xMaximum(), extent.yMinimum()),
               QgsPointXY(extent.xMaximum(), extent.yMaximum()), QgsPointXY(extent.xMinimum(), extent.yMaximum())]
    dock.aoi_section.buttons["extent"].click()

    expected = to_wgs84(corners, canvas.mapSettings().destinationCrs())
    assert_same_ring(request_ring(dock), expected)
    area, vertices = aoi_label_numbers(dock)
    assert vertices == 4
    assert area == pytest.approx(ellipsoidal_km2(expected + expected[:1]), rel=1e-3, abs=0.01)
    assert "map extent" in dock.aoi_section.label.text()
    assert_aoi_drawn(canvas, expected)

    dock.aoi_section.buttons["clear"].click()
    assert not dock.aoi.is_set
    assert drawn_rubber_bands(canvas) == []
    assert dock.aoi_section.label.text().startswith("No area of interest")
    assert not dock.run_button.isEnabled()


def test_aoi_band_follows_a_change_of_canvas_crs(dock, canvas, aoi_files):
    dock.aoi_section.use_file(aoi_files["s2"])
    expected = ring_points(S2_RING)
    assert_aoi_drawn(canvas, expected)
    show_area(canvas, "EPSG:32633")
    assert_aoi_drawn(canvas, expected)
    # the request does not change with the map
    assert_same_ring(request_ring(dock), expected)


def test_aoi_from_geojson_file(dock, canvas, aoi_files):
    dock.aoi_section.use_file(aoi_files["s2"])
    assert_same_ring(request_ring(dock), ring_points(S2_RING))
    area, vertices = aoi_label_numbers(dock)
    assert vertices == 5
    assert area == pytest.approx(ellipsoidal_km2(ring_points(S2_RING)), rel=1e-3)
    assert dock.aoi_section.label.text().endswith(" · s2.geojson")  # the file by its name
    assert dock.aoi_section.label.toolTip() == aoi_files["s2"]  # and where it is
    assert not dock.aoi_section.problem.isVisibleTo(dock)
    assert_aoi_drawn(canvas, ring_points(S2_RING))


def test_aoi_file_with_separate_polygons_is_refused_with_a_reason(dock, canvas, aoi_files):
    dock.aoi_section.use_file(aoi_files["two_parts"])
    assert dock.aoi.is_set
    assert dock.aoi.geometry.isMultipart()
    assert dock.aoi_section.problem.isVisibleTo(dock)
    assert "separate parts" in dock.aoi_section.problem.text()
    assert "2 separate parts" in dock.aoi_section.problem.text()
    assert not dock.run_button.isEnabled()
    assert "separate parts" in dock.run_button.toolTip()
    assert dock.request is None
    # a file that is no vector file: a problem, and the AOI stays what it was
    bad = os.path.join(os.path.dirname(aoi_files["s2"]), "not-a-vector.geojson")
    with open(bad, "w") as stream:
        stream.write("no json here")
    dock.aoi_section.use_file(aoi_files["s2"])
    dock.aoi_section.use_file(bad)
    assert dock.aoi_section.problem.isVisibleTo(dock)
    assert "cannot read" in dock.aoi_section.problem.text()
    assert_same_ring(request_ring(dock), ring_points(S2_RING))
    warnings = dock.iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any("cannot read" in text and "not-a-vector.geojson" in text for text in warnings), warnings


def test_aoi_from_selected_features_of_the_active_layer(dock, canvas, qgis_iface):
    show_area(canvas, "EPSG:32633")
    mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    to_mercator = QgsCoordinateTransform(WGS84, mercator, QgsProject.instance())
    chosen = [to_mercator.transform(point) for point in ring_points(S2_RING)]
    other = [to_mercator.transform(QgsPointXY(lon, lat))
             for lon, lat in ((13.0, 52.0), (13.1, 52.0), (13.1, 52.1), (13.0, 52.0))]
    layer = QgsVectorLayer("Polygon?crs=EPSG:3857", "fields", "memory")
    features = []
    for ring in (chosen, other):
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPolygonXY([ring]))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    qgis_iface.setActiveLayer(layer)
    assert qgis_iface.activeLayer() is layer

    dock.aoi_section.buttons["selection"].click()  # nothing selected yet
    assert not dock.aoi.is_set
    assert dock.aoi_section.problem.isVisibleTo(dock)
    assert "No feature is selected in fields" in dock.aoi_section.problem.text()

    first = min(feature.id() for feature in layer.getFeatures())
    layer.selectByIds([first])
    dock.aoi_section.buttons["selection"].click()
    expected = to_wgs84(chosen, mercator)
    assert_same_ring(request_ring(dock), expected)
    area, vertices = aoi_label_numbers(dock)
    assert vertices == 5
    assert area == pytest.approx(ellipsoidal_km2(expected), rel=1e-3)
    assert "1 selected feature(s) of fields" in dock.aoi_section.label.text()
    assert not dock.aoi_section.problem.isVisibleTo(dock)
    assert_aoi_drawn(canvas, expected)


@pytest.fixture
def pan_tool(canvas) -> Iterator[QgsMapToolPan]:
    tool = QgsMapToolPan(canvas)
    canvas.setMapTool(tool)
    yield tool
    canvas.unsetMapTool(tool)


@pytest.mark.parametrize("crs_id", ["EPSG:3857", "EPSG:32633"])
def test_aoi_drawn_with_the_rectangle_tool(dock, canvas, pan_tool, crs_id):
    show_area(canvas, crs_id)
    dock.aoi_section.buttons["rectangle"].click()
    tool = canvas.mapTool()
    assert tool is dock.aoi_section.rectangle_tool

    def send(kind: QEvent.Type, x: int, y: int, button=Qt.MouseButton.LeftButton):
        return QgsMapMouseEvent(canvas, kind, QPoint(x, y), button)

    tool.canvasPressEvent(send(QEvent.Type.MouseButtonPress, 100, 80))
    tool.canvasMoveEvent(send(QEvent.Type.MouseMove, 250, 200, Qt.MouseButton.NoButton))
    tool.canvasMoveEvent(send(QEvent.Type.MouseMove, 400, 300, Qt.MouseButton.NoButton))
    tool.canvasReleaseEvent(send(QEvent.Type.MouseButtonRelease, 400, 300))

    pixels = canvas.getCoordinateTransform()
    a, b = pixels.toMapCoordinates(100, 80), pixels.toMapCoordinates(400, 300)
    corners = [QgsPointXY(a.x(), a.y()), QgsPointXY(b.x(), a.y()), QgsPointXY(b.x(), b.y()), QgsPointXY(a.x(), b.y())]
    expected = to_wgs84(corners, QgsCoordinateReferenceSystem(crs_id))
    assert_same_ring(request_ring(dock), expected)
    area, vertices = aoi_label_numbers(dock)
    assert vertices == 4
    assert area == pytest.approx(ellipsoidal_km2(expected + expected[:1]), rel=1e-3)
    assert "drawn rectangle" in dock.aoi_section.label.text()
    assert canvas.mapTool() is pan_tool  # the tool the user had before drawing
    assert_aoi_drawn(canvas, expected)
    dock.aoi_section.buttons["clear"].click()
    assert drawn_rubber_bands(canvas) == []


def test_aoi_drawn_with_the_polygon_tool(dock, canvas):
    show_area(canvas, "EPSG:32633")
    dock.aoi_section.buttons["polygon"].click()
    tool = canvas.mapTool()
    assert tool is dock.aoi_section.polygon_tool

    def send(kind: QEvent.Type, x: int, y: int, button=Qt.MouseButton.LeftButton):
        return QgsMapMouseEvent(canvas, kind, QPoint(x, y), button)

    pixels = [(100, 100), (300, 90), (420, 260), (120, 300)]
    for x, y in pixels:
        tool.canvasMoveEvent(send(QEvent.Type.MouseMove, x, y, Qt.MouseButton.NoButton))
        tool.canvasPressEvent(send(QEvent.Type.MouseButtonPress, x, y))
        tool.canvasReleaseEvent(send(QEvent.Type.MouseButtonRelease, x, y))
    x, y = pixels[-1]  # the last click was the first half of a double-click
    tool.canvasDoubleClickEvent(send(QEvent.Type.MouseButtonDblClick, x, y))
    tool.canvasReleaseEvent(send(QEvent.Type.MouseButtonRelease, x, y))

    to_map = canvas.getCoordinateTransform()
    corners = [QgsPointXY(to_map.toMapCoordinates(x, y)) for x, y in pixels]
    expected = to_wgs84(corners, canvas.mapSettings().destinationCrs())
    assert_same_ring(request_ring(dock), expected)
    area, vertices = aoi_label_numbers(dock)
    assert vertices == 4
    assert area == pytest.approx(ellipsoidal_km2(expected + expected[:1]), rel=1e-3)
    assert "drawn polygon" in dock.aoi_section.label.text()
    assert canvas.mapTool() is not dock.aoi_section.polygon_tool  # done drawing: the tool is put down
    assert_aoi_drawn(canvas, expected)


# --- the scene picker ------------------------------------------------------------------------------


def test_scene_search_lists_the_scene_under_the_aoi_and_filters_by_date(dock, qtbot, aoi_files):
    dock.aoi_section.use_file(aoi_files["s2"])
    wait_for_listed(qtbot, dock, [S2_VIEW])
    table = dock.scene_picker.table
    assert [table.item(0, column).text() for column in range(3)] == ["2017-02-16", "S2 L1C", ""]

    picker = dock.scene_picker
    picker.any_date.setChecked(False)
    picker.start_date.setDate(QDate(2018, 1, 1))
    picker.end_date.setDate(QDate(2020, 12, 31))
    wait_for_empty_list(qtbot, dock)

    picker.start_date.setDate(QDate(2017, 2, 1))
    picker.end_date.setDate(QDate(2017, 2, 28))
    wait_for_listed(qtbot, dock, [S2_VIEW])


def test_scene_search_filters_by_cloud_cover(dock, qtbot, aoi_files):
    dock.aoi_section.use_file(aoi_files["l8"])
    wait_for_listed(qtbot, dock, [L8_VIEW])
    assert dock.scene_picker.table.item(0, 2).text() == "11 %"
    dock.scene_picker.max_cloud.setValue(10)
    wait_for_empty_list(qtbot, dock)
    dock.scene_picker.max_cloud.setValue(12)
    wait_for_listed(qtbot, dock, [L8_VIEW])


def test_scene_row_fills_view_id_and_the_field_is_checked_as_typed(dock, qtbot, aoi_files):
    choose_preset(dock, "true_colour")
    choose_scene(qtbot, dock, aoi_files["s2"], S2_VIEW)
    picker = dock.scene_picker
    assert picker.view_id_status.text().startswith("✓")
    assert "in the scene folders" in picker.view_id_status.text()
    wait_for_check(qtbot, dock)
    assert dock.run_button.isEnabled(), dock.run_button.toolTip()

    picker.view_id_edit.setText("S2/33/U/UU/2017/02/16/0")  # zero-padded month: not a view_id
    assert picker.view_id_status.text().startswith("✗")
    assert "zero-padded" in picker.view_id_status.text()
    assert not dock.run_button.isEnabled()
    assert "zero-padded" in dock.run_button.toolTip()
    assert picker.view_id_status.isVisibleTo(dock)
    assert not dock.scene_problem.isVisibleTo(dock)  # said once, by the field's ✗ line

    # a valid id, but of no scene of the scene folders: no ✓, and the folders' answer says why Run waits
    picker.view_id_edit.setText("S2/33/U/UU/2017/2/17/0")
    assert not picker.view_id_status.text().startswith("✓")
    assert "not among the scenes listed" in picker.view_id_status.text()
    assert not dock.run_button.isEnabled()
    wait_for_check(qtbot, dock)
    assert not dock.run_button.isEnabled()
    assert dock.scene_problem.isVisibleTo(dock)
    assert "S2/33/U/UU/2017/2/17/0 is not in the scene store" in dock.scene_problem.text()
    assert dock.run_button.toolTip() == dock.scene_problem.text()


def test_footprints_checkbox_draws_and_removes_scene_footprints(dock, canvas, qtbot, aoi_files):
    dock.aoi_section.use_file(aoi_files["s2"])
    wait_for_listed(qtbot, dock, [S2_VIEW])
    before = rubber_bands(canvas)
    dock.scene_picker.show_footprints.setChecked(True)
    added = [band for band in rubber_bands(canvas) if band not in before]
    assert len(added) == 1
    # the footprint is the scene's extent: it holds the whole AOI
    to_canvas = QgsCoordinateTransform(WGS84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
    aoi_on_canvas = QgsGeometry.fromPolygonXY([[to_canvas.transform(point) for point in ring_points(S2_RING)]])
    assert added[0].asGeometry().contains(aoi_on_canvas)
    dock.scene_picker.show_footprints.setChecked(False)
    assert len(rubber_bands(canvas)) == len(before)


def test_footprints_follow_a_change_of_canvas_crs(dock, canvas, qtbot, aoi_files):
    """Like the AOI, the footprints (of the listed scenes and of the selected one) are redrawn in
    the canvas's CRS when it changes; a band left in the old CRS's coordinates shows them elsewhere."""
    choose_scene(qtbot, dock, aoi_files["s2"], S2_VIEW)
    dock.scene_picker.show_footprints.setChecked(True)
    footprint = ring_points(dock.scene_picker.scenes[0].footprint()["coordinates"][0])
    assert len(bands_showing(canvas, footprint)) == 2  # the listed scene's and the selected scene's
    show_area(canvas, "EPSG:32633")
    assert_aoi_drawn(canvas, ring_points(S2_RING))
    assert len(bands_showing(canvas, footprint)) == 2, "footprints not redrawn in the canvas's new CRS"


def test_double_click_on_a_scene_row_zooms_to_the_scene(dock, canvas, qtbot, aoi_files):
    choose_scene(qtbot, dock, aoi_files["s2"], S2_VIEW)
    show_area(canvas, "EPSG:3857", (0.0, 0.0, 1.0, 1.0))  # far away
    table = dock.scene_picker.table
    table.scrollToItem(table.item(0, 0))
    cell = table.visualItemRect(table.item(0, 0)).center()
    # what Qt receives from a double-click: press and release, then the double-click
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    to_canvas = QgsCoordinateTransform(WGS84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
    footprint = ring_points(dock.scene_picker.scenes[0].footprint()["coordinates"][0])
    box = QgsGeometry.fromPolygonXY([[to_canvas.transform(point) for point in footprint]]).boundingBox()
    extent = canvas.extent()
    assert extent.buffered(box.width() * 1e-6).contains(box)
    assert extent.width() < 3 * box.width() or extent.height() < 3 * box.height()


# --- bands ------------------------------------------------------------------------------------------


S2_SPECTRAL = ["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B09", "B10", "B11", "B12"]
S2_L2A_ONLY = ["SCL", "AOT", "WVP", "TCI"]


def test_band_list_shows_the_sensors_bands_with_resolutions(dock, qtbot, aoi_files):
    assert band_items(dock) == {}
    choose_scene(qtbot, dock, aoi_files["s2"], S2_VIEW)
    items = band_items(dock)
    assert list(items) == [band.name for band in SENTINEL2.bands]
    assert set(items) == set(S2_SPECTRAL + S2_L2A_ONLY)
    for name, resolution in (("B02", "10 m"), ("B04", "10 m"), ("B05", "20 m"), ("B11", "20 m"), ("B01", "60 m"),
                             ("SCL", "20 m")):
        assert items[name].text().startswith(name)
        assert items[name].text().endswith(resolution), items[name].text()
    for name in S2_SPECTRAL:
        assert items[name].flags() & Qt.ItemFlag.ItemIsEnabled, name
    for name in S2_L2A_ONLY:  # the sample scene is L1C: these files are not in the folders
        assert not items[name].flags() & Qt.ItemFlag.ItemIsEnabled, name
        assert name in items[name].toolTip()


def test_preset_and_manual_ticking_give_the_request_order(dock, qtbot, aoi_files):
    choose_preset(dock, "custom")
    choose_scene(qtbot, dock, aoi_files["s2"], S2_VIEW)
    untick_all(dock)
    choose_preset(dock, "true_colour")
    assert dock.forms["lbe"].band_picker.bands() == ["B04", "B03", "B02"]
    checked = [name for name, item in band_items(dock).items() if item.checkState() == Qt.CheckState.Checked]
    assert sorted(checked) == ["B02", "B03", "B04"]
    assert dock.build_request().params["bands"] == ["B04", "B03", "B02"]

    untick_all(dock)
    assert dock.forms["lbe"].band_picker.preset() == "custom"  # a manual change leaves the preset
    tick(dock, "B08", "B02", "B11")
    assert dock.forms["lbe"].band_picker.bands() == ["B08", "B02", "B11"]
    assert dock.forms["lbe"].band_picker.order_label.text() == "Order: B08, B02, B11"
    assert dock.build_request().params["bands"] == ["B08", "B02", "B11"]
    tick(dock, "B02", checked=False)
    tick(dock, "B02")
    assert dock.build_request().params["bands"] == ["B08", "B11", "B02"]


def test_switching_to_landsat_keeps_only_valid_bands(dock, qtbot, aoi_files):
    choose_preset(dock, "custom")
    choose_scene(qtbot, dock, aoi_files["s2"], S2_VIEW)
    untick_all(dock)
    tick(dock, "B04", "B11", "B12")
    dock.scene_picker.set_view_id(L8_VIEW)
    names = list(band_items(dock))
    assert "B4" in names and "B04" not in names
    assert dock.forms["lbe"].band_picker.bands() == ["B11"]  # B04 and B12 are no Landsat 8 bands
    assert dock.build_request().params["bands"] == ["B11"]
    # a preset is re-applied with the new sensor's bands
    choose_preset(dock, "true_colour")
    assert dock.forms["lbe"].band_picker.bands() == ["B4", "B3", "B2"]
    dock.scene_picker.set_view_id(S2_VIEW)
    assert dock.forms["lbe"].band_picker.bands() == ["B04", "B03", "B02"]


# --- options, prediction, request JSON ----------------------------------------------------------


def test_predicted_result_follows_the_api_rule(dock, qtbot, aoi_files):
    choose_preset(dock, "custom")
    choose_scene(qtbot, dock, aoi_files["s2"], S2_VIEW)
    untick_all(dock)
    tick(dock, "B08")
    assert "JPEG 2000" in dock.prediction_label.text()
    assert "B08" in dock.prediction_label.text()
    untick_all(dock)
    tick(dock, "B04", "B03", "B02")
    assert dock.forms["lbe"].merge_check.isChecked()
    assert dock.prediction_label.text() == "→ one GeoTIFF, 3 band(s) at 10 m"
    dock.forms["lbe"].merge_check.setChecked(False)
    assert dock.prediction_label.text().startswith("→ a zip of 3 GeoTIFF(s)")
    dock.forms["lbe"].merge_check.setChecked(True)
    dock.forms["lbe"].tile_md_check.setChecked(True)
    assert dock.prediction_label.text().startswith("→ a zip of 1 GeoTIFF(s)")
    assert "tile_md" in dock.prediction_label.text()
    # the sample scene has no tile metadata: the scene folders say so under the options, and Run waits
    wait_for_check(qtbot, dock)
    assert dock.options_problem.isVisibleTo(dock)
    assert "tile_md" in dock.options_problem.text()
    assert not dock.run_button.isEnabled()
    dock.forms["lbe"].tile_md_check.setChecked(False)
    wait_for_check(qtbot, dock)
    assert dock.run_button.isEnabled(), dock.run_button.toolTip()


def test_request_json_is_the_built_request_and_copies_to_the_clipboard(dock, qtbot, aoi_files):
    prepare_s2_true_colour(qtbot, dock, aoi_files)
    shown = json.loads(dock.request_preview.text.toPlainText())
    assert shown == dock.build_request().to_dict()
    assert shown == dock.request.to_dict()
    params = TaskRequest(shown).validate()
    assert isinstance(params, LbeParams)
    assert params.scene.view_id == S2_VIEW
    assert params.bands == ("B04", "B03", "B02")
    assert params.merge is True
    assert shown["params"]["geometry"] == S2_AOI
    assert params.reference.startswith("lbe-plugin-lbe-")

    QApplication.clipboard().setText("")
    copy = dock.findChild(QPushButton, "copyJson")
    assert not copy.isVisibleTo(dock)
    dock.request_preview.toggle.click()  # the JSON, and its copy buttons with it
    assert dock.request_preview.text.isVisibleTo(dock) and copy.isVisibleTo(dock)
    copy.click()
    assert json.loads(QApplication.clipboard().text()) == shown
    # the JSON follows the form
    dock.forms["lbe"].merge_check.setChecked(False)
    assert json.loads(dock.request_preview.text.toPlainText())["params"]["merge"] is False


# --- running --------------------------------------------------------------------------------------


def test_run_loads_the_result_in_a_group_named_after_the_scene(dock, qtbot, aoi_files, output_folder):
    prepare_s2_true_colour(qtbot, dock, aoi_files)
    assert dock.run_button.toolTip() == "Run the task in the background"
    sent = dock.request
    dock.run_button.click()

    assert len(dock.controller.records) == 1
    record = dock.controller.records[0]
    assert record.request == sent
    assert record.description == "S2 2017-02-16 B04,B03,B02"
    assert f"Load By Extent: {record.description}" in task_descriptions()
    row = dock.task_list.rows[id(record)]
    assert record.description in row.title.text()
    assert dock.request is not None and dock.request.params["reference"] != sent.params["reference"]

    wait_until_ended(qtbot, record)
    assert_true_colour_loaded(record, output_folder)
    assert row.title.text().startswith("✓")
    assert row.zoom_button.isVisibleTo(row)
    assert not row.cancel_button.isVisibleTo(row)


def test_two_runs_at_once_both_complete(dock, qtbot, aoi_files, output_folder):
    prepare_s2_true_colour(qtbot, dock, aoi_files)
    dock.run_button.click()
    dock.run_button.click()
    records = list(dock.controller.records)
    assert len(records) == 2
    assert records[0].request.params["reference"] != records[1].request.params["reference"]
    for record in records:
        wait_until_ended(qtbot, record)
    layers = [assert_true_colour_loaded(record, output_folder) for record in records]
    assert layers[0].source() != layers[1].source()  # no result overwrote the other
    assert len([path for path in files_under(output_folder) if path.endswith(".tif")]) == 2


def test_task_row_zooms_to_the_result_and_runs_it_again(dock, canvas, qtbot, aoi_files, output_folder):
    prepare_s2_true_colour(qtbot, dock, aoi_files)
    dock.run_button.click()
    first = dock.controller.records[0]
    wait_until_ended(qtbot, first)
    layer = assert_true_colour_loaded(first, output_folder)
    row = dock.task_list.rows[id(first)]

    show_area(canvas, "EPSG:3857", (0.0, 0.0, 1.0, 1.0))  # far away
    row.zoom_button.click()
    to_canvas = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
    layer_box = to_canvas.transformBoundingBox(layer.extent())
    assert canvas.extent().buffered(layer_box.width() * 1e-6).contains(layer_box)
    assert canvas.extent().width() < 3 * layer_box.width() or canvas.extent().height() < 3 * layer_box.height()

    assert row.again_button.isVisibleTo(row)
    row.again_button.click()
    assert len(dock.controller.records) == 2
    again = dock.controller.records[0]
    assert again is not first
    assert again.request == first.request  # the same request, sent again
    wait_until_ended(qtbot, again)
    second_layer = assert_true_colour_loaded(again, output_folder)
    assert second_layer.source() != layer.source()


@pytest.mark.timeout(300)
def test_big_tile_cancel_from_the_task_row_leaves_nothing(plugin, qtbot, full_size_store, output_folder, tmp_path):
    settings = PluginSettings()
    settings.scene_folders = [full_size_store]
    settings.aoi_limit_km2 = 1_000_000  # no question for this 100 x 100 km AOI
    aoi_path = tmp_path / "big.geojson"
    aoi_path.write_text(json.dumps(big_tile_aoi()))
    dock = plugin.dock
    choose_scene(qtbot, dock, str(aoi_path), BIG_VIEW)
    choose_preset(dock, "custom")
    untick_all(dock)
    tick(dock, "B04")
    wait_for_check(qtbot, dock)
    assert dock.run_button.isEnabled(), dock.run_button.toolTip()
    dock.run_button.click()
    record = dock.controller.records[0]
    row = dock.task_list.rows[id(record)]
    # progress shows in the row and in QGIS's task manager
    qtbot.waitUntil(lambda: record.status is TaskStatus.RUNNING and row.progress.value() > 0, timeout=TASK_TIMEOUT_MS)
    assert row.progress.isVisibleTo(row)
    assert record.task.progress() > 0
    assert row.cancel_button.isVisibleTo(row)
    row.cancel_button.click()
    wait_until_ended(qtbot, record)
    assert record.status == "cancelled", record.message
    assert record.layer_ids == []
    assert row.title.text().startswith("⊘")
    assert files_under(output_folder) == []


def test_failing_task_ends_failed_with_its_message(dock, qtbot, aoi_files, output_folder, sample_store, tmp_path):
    # The form's check passed; then the band's file went away before Run (a copy of the scene).
    store = tmp_path / "store"
    shutil.copytree(os.path.join(sample_store, "sentinel2"), store / "sentinel2")
    PluginSettings().scene_folders = [str(store)]
    choose_preset(dock, "custom")
    choose_scene(qtbot, dock, aoi_files["s2"], S2_VIEW)
    untick_all(dock)
    tick(dock, "B05")
    wait_for_check(qtbot, dock)
    assert dock.run_button.isEnabled(), dock.run_button.toolTip()
    (store / "sentinel2" / "IMG_DATA" / "T33UUU_20170216T102101_B05.jp2").unlink()
    groups_before = len(QgsProject.instance().layerTreeRoot().children())
    dock.run_button.click()
    record = dock.controller.records[0]
    wait_until_ended(qtbot, record)
    assert record.status == "failed"
    assert "B05" in record.message
    row = dock.task_list.rows[id(record)]
    assert row.title.text().startswith("✗")
    assert row.message.text() == record.message
    assert len(QgsProject.instance().layerTreeRoot().children()) == groups_before
    assert files_under(output_folder) == []
    assert PluginSettings().remembered("band_preset") == "custom"  # the preset of the last run
    warnings = dock.iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any("B05" in text and "Traceback" not in text for text in warnings), warnings


def test_band_preset_is_remembered_between_sessions(plugin, qtbot, aoi_files):
    PluginSettings().remember("band_preset", "false_colour")
    dock = plugin.dock
    assert dock.forms["lbe"].band_picker.preset() == "false_colour"
    choose_scene(qtbot, dock, aoi_files["s2"], S2_VIEW)
    assert dock.forms["lbe"].band_picker.bands() == ["B08", "B04", "B03"]


def test_aoi_larger_than_the_limit_asks_before_running(dock, qtbot, aoi_files, monkeypatch):
    prepare_s2_true_colour(qtbot, dock, aoi_files)
    dock.settings_widget.aoi_limit.setValue(1)
    assert PluginSettings().aoi_limit_km2 == 1
    assert dock.aoi.area_km2() > 1
    questions = []
    answer = [QMessageBox.StandardButton.No]

    def ask(*args, **kwargs):
        questions.append(args)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", ask)
    dock.run_button.click()
    assert len(questions) == 1
    assert "more than the 1 km²" in questions[0][2]
    assert dock.controller.records == []
    assert not any(text.startswith("Load By Extent: S2") for text in task_descriptions())

    answer[0] = QMessageBox.StandardButton.Yes
    dock.run_button.click()
    assert len(questions) == 2
    assert len(dock.controller.records) == 1
    wait_until_ended(qtbot, dock.controller.records[0])
    assert dock.controller.records[0].status is TaskStatus.DONE, dock.controller.records[0].message


# --- settings in the dock --------------------------------------------------------------------------


def test_settings_in_the_dock_are_saved_and_rerun_the_search(plugin, qtbot, aoi_files, sample_store, tmp_path):
    PluginSettings().scene_folders = []
    dock = plugin.dock
    assert dock.scene_picker.status.text().startswith("Add a scene folder")
    dock.aoi_section.use_file(aoi_files["s2"])
    assert not dock.run_button.isEnabled()
    # let the search the AOI scheduled run (on no folder) first: the next one must come from the setting
    qtbot.waitUntil(lambda: not dock.scene_search.timer.isActive(), timeout=SEARCH_TIMEOUT_MS)
    assert listed_view_ids(dock) == []

    dock.settings_widget.add_folder(sample_store)
    assert PluginSettings().scene_folders == [sample_store]
    stored = QgsSettings().value(f"{SETTINGS_PREFIX}/scene_folders")
    assert (stored if isinstance(stored, list) else [stored]) == [sample_store]
    wait_for_listed(qtbot, dock, [S2_VIEW])

    new_output = str(tmp_path / "elsewhere")
    dock.settings_widget.output_folder.setFilePath(new_output)
    assert PluginSettings().output_folder == new_output
    dock.settings_widget.aoi_limit.setValue(123)
    assert PluginSettings().aoi_limit_km2 == 123
    assert float(QgsSettings().value(f"{SETTINGS_PREFIX}/aoi_limit_km2")) == 123


def test_removing_every_scene_folder_empties_the_scene_list(dock, qtbot, aoi_files):
    """The list shows the scenes of the folders in Settings: with no folder left, none (a stale
    list would offer scenes, footprints and band checks of folders no longer set)."""
    dock.aoi_section.use_file(aoi_files["s2"])
    wait_for_listed(qtbot, dock, [S2_VIEW])
    folders = dock.settings_widget.folder_list
    folders.setCurrentRow(0)
    remove = next(button for button in dock.settings_widget.findChildren(QPushButton) if button.text() == "Remove")
    remove.click()
    assert PluginSettings().scene_folders == []
    status = dock.scene_picker.status
    qtbot.waitUntil(lambda: status.text().startswith("Add a scene folder"), timeout=SEARCH_TIMEOUT_MS)
    assert listed_view_ids(dock) == []
    assert dock.scene_picker.scenes == []


@pytest.mark.parametrize(("folders", "collapsed_last_session"), [(False, True), (True, False)])
def test_settings_group_is_open_exactly_when_no_scene_folder_is_set(
    plugin, qtbot, sample_store, folders, collapsed_last_session
):
    """The Settings group opens when there is something to set first (no scene folder), whatever
    state QgsCollapsibleGroupBox remembered from an earlier session (in the main window "QgisApp")."""
    key = "QgsCollapsibleGroupBox/QgisApp/settingsGroup/collapsed"
    settings = QgsSettings()
    remembered = settings.value(key)
    settings.setValue(key, collapsed_last_session)
    try:
        PluginSettings().scene_folders = [sample_store] if folders else []
        dock = plugin.dock
        group = dock.findChild(QWidget, "settingsGroup")
        qtbot.waitUntil(group.isVisible)  # shown: the group box has restored what it remembered
        QApplication.processEvents()
        assert group.isCollapsed() == folders
    finally:
        if remembered is None:
            settings.remove(key)
        else:
            settings.setValue(key, remembered)


# --- the request against the scene folders (the form's background check) ----------------------------


def test_aoi_outside_the_scene_keeps_run_disabled_saying_so(dock, qtbot, aoi_files):
    dock.aoi_section.use_file(aoi_files["l8"])
    wait_for_listed(qtbot, dock, [L8_VIEW])
    choose_preset(dock, "true_colour")
    dock.scene_picker.view_id_edit.setText(S2_VIEW)  # typed: a valid id of a scene the AOI misses
    assert dock.forms["lbe"].band_picker.bands() == ["B04", "B03", "B02"]
    wait_for_check(qtbot, dock)
    assert not dock.run_button.isEnabled()
    assert dock.request is None
    assert dock.aoi_section.problem.isVisibleTo(dock)
    assert f"the area of interest does not overlap scene {S2_VIEW}" in dock.aoi_section.problem.text()
    assert dock.run_button.toolTip() == dock.aoi_section.problem.text()
    assert not dock.run_problem.isVisibleTo(dock)  # once, under the field: not again by Run

    dock.aoi_section.use_file(aoi_files["s2"])  # an AOI over the scene: Run
    wait_for_check(qtbot, dock)
    assert dock.run_button.isEnabled(), dock.run_button.toolTip()
    assert not dock.aoi_section.problem.isVisibleTo(dock)


def test_bands_the_scene_lacks_keep_run_disabled_saying_so(dock, qtbot, aoi_files):
    # Over the Landsat AOI the Sentinel-2 scene is not listed: the form cannot know its files, the
    # scene folders can. SCL is a Sentinel-2 band (of L2A products); this L1C scene has none.
    dock.aoi_section.use_file(aoi_files["l8"])
    wait_for_listed(qtbot, dock, [L8_VIEW])
    choose_preset(dock, "custom")
    dock.scene_picker.set_view_id(S2_VIEW)
    untick_all(dock)
    tick(dock, "SCL")
    wait_for_check(qtbot, dock)
    assert not dock.run_button.isEnabled()
    assert dock.problem_labels["bands"].isVisibleTo(dock)
    assert f"scene {S2_VIEW} has no band SCL in the store" in dock.problem_labels["bands"].text()

    # the visual task: three bands, one of them missing from the scene
    dock.aoi_section.use_file(aoi_files["s2"])
    wait_for_listed(qtbot, dock, [S2_VIEW])
    dock.task_combo.setCurrentIndex(dock.task_combo.findData("jpeg"))
    dock.forms["jpeg"].combination.setEditText("B04,B03,SCL")
    assert dock.forms["jpeg"].explanation.text().startswith("✓")  # the expression itself is fine
    wait_for_check(qtbot, dock)
    assert not dock.run_button.isEnabled()
    assert dock.problem_labels["visual"].isVisibleTo(dock)
    assert "has no band SCL" in dock.problem_labels["visual"].text()

    dock.forms["jpeg"].combination.setEditText("B04,B03,B02")
    wait_for_check(qtbot, dock)
    assert dock.run_button.isEnabled(), dock.run_button.toolTip()
    assert not dock.problem_labels["visual"].isVisibleTo(dock)


def test_index_of_a_scene_not_in_the_folders_keeps_run_disabled(dock, qtbot, aoi_files):
    dock.aoi_section.use_file(aoi_files["s2"])
    wait_for_listed(qtbot, dock, [S2_VIEW])
    dock.task_combo.setCurrentIndex(dock.task_combo.findData("bandmath"))
    dock.scene_picker.set_view_id("S2/33/U/UU/2017/2/26/0")
    wait_for_check(qtbot, dock)
    assert not dock.run_button.isEnabled()
    assert "S2/33/U/UU/2017/2/26/0 is not in the scene store" in dock.scene_problem.text()
    assert dock.scene_problem.isVisibleTo(dock)

    dock.scene_picker.table.selectRow(0)
    wait_for_check(qtbot, dock)
    assert dock.run_button.isEnabled(), dock.run_button.toolTip()
    assert not dock.scene_problem.isVisibleTo(dock)


def test_a_preset_the_scene_lacks_is_not_shown_as_chosen(dock, qtbot):
    # The Landsat 7 series has bands 3, 4 and 5 only: no true or false colour.
    view_id = "L7/LE70350322008118EDC00"
    qtbot.waitUntil(lambda: view_id in listed_view_ids(dock), timeout=SEARCH_TIMEOUT_MS)
    dock.scene_picker.set_view_id(view_id)
    combo = dock.forms["lbe"].band_picker.preset_combo
    model = combo.model()
    assert not model.item(combo.findData("true_colour")).isEnabled()
    assert not model.item(combo.findData("false_colour")).isEnabled()
    assert model.item(combo.findData("all")).isEnabled()
    choose_preset(dock, "all")
    assert dock.forms["lbe"].band_picker.bands() == ["B3", "B4", "B5"]
    choose_preset(dock, "true_colour")
    assert dock.forms["lbe"].band_picker.preset() == "custom"  # not "True colour", which would tick nothing
    assert dock.forms["lbe"].band_picker.bands() == ["B3", "B4", "B5"]  # and the bands stay as they were


def test_scene_count_says_meet_the_aoi_only_with_an_aoi(dock, qtbot, aoi_files):
    status = dock.scene_picker.status
    qtbot.waitUntil(lambda: "scene(s)" in status.text(), timeout=SEARCH_TIMEOUT_MS)
    assert not dock.aoi.is_set
    assert re.fullmatch(r"\d+ scene\(s\) in the scene folders", status.text()), status.text()
    assert "area of interest" not in status.text()
    dock.aoi_section.use_file(aoi_files["s2"])
    wait_for_listed(qtbot, dock, [S2_VIEW])
    assert status.text() == "1 scene(s) meet the area of interest"


# --- the dock's layout: wheel, Run, a narrow dock -------------------------------------------------------


QGIS_FONT_POINTS = 9  # the size of QGIS's interface font (offscreen Qt's own is 12)


@pytest.fixture
def qgis_font() -> Iterator[None]:
    """The application's font at the size QGIS gives its interface, for the test's widgets."""
    before = QApplication.font()
    font = QFont(before)
    font.setPointSize(QGIS_FONT_POINTS)
    QApplication.setFont(font)
    yield
    QApplication.setFont(before)


def narrow(gui, dock, width: int = 320) -> None:
    """The dock at `width` pixels, as QGIS opens it on a small screen."""
    gui.window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    assert abs(dock.width() - width) <= 2, dock.width()


def send_wheel(widget: QWidget, steps: int = -1) -> None:
    """A real wheel event over the middle of `widget` (negative steps: towards the user, scrolling down)."""
    point = widget.rect().center()
    event = QWheelEvent(QPointF(point), QPointF(widget.mapToGlobal(point)), QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_dock_and_changes_no_field(dock, gui, qtbot, aoi_files):
    narrow(gui, dock)
    choose_scene(qtbot, dock, aoi_files["s2"], S2_VIEW)
    choose_preset(dock, "true_colour")
    bar = dock.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0  # the form is taller than the dock
    QApplication.setActiveWindow(gui.window)  # focus exists in the active window only
    # with the focus (a click, Tab), the wheel is the box's
    combo = dock.forms["lbe"].band_picker.preset_combo
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    send_wheel(combo)
    assert dock.forms["lbe"].band_picker.preset() == "false_colour"
    choose_preset(dock, "true_colour")
    # without it, the wheel scrolls the dock
    dock.forms["lbe"].merge_check.setFocus()  # the focus anywhere but on the boxes the wheel passes over
    qtbot.waitUntil(dock.forms["lbe"].merge_check.hasFocus)
    for box, value in ((dock.task_combo, dock.task_combo.currentIndex),
                       (dock.forms["lbe"].band_picker.preset_combo, dock.forms["lbe"].band_picker.preset),
                       (dock.scene_picker.max_cloud, dock.scene_picker.max_cloud.value)):
        dock.scroll_area.ensureWidgetVisible(box)
        bar.setValue(min(bar.value(), bar.maximum() // 2))
        QApplication.processEvents()
        before, scrolled = value(), bar.value()
        send_wheel(box)
        assert value() == before, box.objectName()
        assert bar.value() > scrolled, box.objectName()  # the dock scrolled instead
    assert dock.forms["lbe"].band_picker.bands() == ["B04", "B03", "B02"]
    # every combo and spin box of the dock, visible or not, leaves the wheel alone without focus
    boxes = dock.findChildren(QComboBox) + dock.findChildren(QAbstractSpinBox)
    assert len(boxes) > 10
    for box in boxes:
        assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus, box.objectName()


def test_run_stays_in_place_while_messages_come_and_go(dock, gui, qtbot, aoi_files):
    narrow(gui, dock)
    run = dock.run_button

    def where():
        QApplication.processEvents()
        return run.mapTo(dock, QPoint(0, 0)), run.size()

    start = where()
    assert dock.aoi_section.problem.isVisibleTo(dock)  # "Draw an area of interest…"
    prepare_s2_true_colour(qtbot, dock, aoi_files)
    assert not dock.aoi_section.problem.isVisibleTo(dock) and run.isEnabled()
    assert where() == start
    dock.settings_widget.folder_list.clear()
    dock.settings_widget.save()  # no scene folder: Run says so, just above itself
    assert dock.run_problem.isVisibleTo(dock) and "Add a scene folder" in dock.run_problem.text()
    assert where() == start
    dock.aoi.clear()  # and the AOI's message comes back
    assert dock.aoi_section.problem.isVisibleTo(dock)
    assert where() == start
    assert dock.scroll_area.isAncestorOf(dock.aoi_section.problem) and not dock.scroll_area.isAncestorOf(run)


def settle_layouts() -> None:
    """Let the layouts finish: a wrapped label's new height asks for another layout pass or two."""
    for _ in range(4):
        QApplication.processEvents()


def overlaps(dock) -> list[str]:
    """Visible labels of the dock that overlap another visible widget (neither inside the other)."""
    def box(widget):
        rect = widget.rect()
        rect.moveTopLeft(widget.mapTo(dock, QPoint(0, 0)))
        return rect

    shown = [widget for widget in dock.findChildren(QWidget)
             if widget.isVisibleTo(dock) and widget.width() > 0 and widget.height() > 0]
    leaves = [widget for widget in shown if isinstance(widget, (QLabel, QAbstractButton, QComboBox, QAbstractSpinBox,
                                                               QLineEdit, QAbstractItemView))]
    scrolled = dock.scroll_area.widget()
    found = []
    for label in (widget for widget in leaves if isinstance(widget, QLabel)):
        for other in leaves:
            if other is label or other.isAncestorOf(label) or label.isAncestorOf(other):
                continue
            if scrolled.isAncestorOf(label) != scrolled.isAncestorOf(other):
                continue  # the form scrolls under the Run bar, which is drawn over it
            if box(label).intersects(box(other)):
                found.append(f"{label.text()[:40]!r} over {type(other).__name__} {other.objectName()}")
    return found


def cut_texts(dock) -> list[str]:
    """Visible buttons, check boxes, radio buttons and one-line labels narrower than their text."""
    found = []
    for widget in dock.findChildren(QWidget):
        if not widget.isVisibleTo(dock):
            continue
        one_line_label = isinstance(widget, QLabel) and not widget.wordWrap() and widget.text()
        has_text = isinstance(widget, QAbstractButton) and widget.text() or one_line_label
        if has_text and widget.sizeHint().width() > widget.width():
                found.append(f"{widget.text()!r}: {widget.sizeHint().width()} > {widget.width()}")
    return found


@pytest.mark.parametrize("width", [300, 320])
@pytest.mark.parametrize("task_type", ["lbe", "bandmath", "jpeg", "mt_stats"])
def test_in_a_narrow_dock_every_text_is_whole_and_no_label_overlaps(qgis_font, dock, gui, qtbot, aoi_files, task_type,
                                                                    width):
    narrow(gui, dock, width)
    dock.findChild(QWidget, "settingsGroup").setCollapsed(False)
    dock.request_preview.toggle.setChecked(True)
    dock.task_combo.setCurrentIndex(dock.task_combo.findData(task_type))
    choose_scene(qtbot, dock, aoi_files["s2"], S2_VIEW)
    # long messages under the fields, as an analyst meets them
    dock.forms["bandmath"].expression.setText("NDVI + B99")
    dock.forms["jpeg"].combination.setEditText("B04,B03,B99")
    dock.forms["jpeg"].use_levels.setChecked(True)
    dock.forms["mt_stats"].indices.setText("NDVI; NDVI +")
    dock.run_remote.setChecked(True)  # the API's row and the connection test too
    dock.connection_test.answered(False, "the API at https://api.example.com did not answer within 30 s")
    settle_layouts()
    content = dock.scroll_area.widget()
    assert content.width() <= dock.scroll_area.viewport().width()  # nothing cut at the right edge
    assert content.minimumSizeHint().width() <= dock.scroll_area.viewport().width()
    assert cut_texts(dock) == []
    assert overlaps(dock) == []
    for name in ("runLocal", "runRemote", "testConnection"):
        widget = dock.findChild(QWidget, name)
        assert widget.sizeHint().width() <= widget.width(), name
    dock.run_local.setChecked(True)


def test_a_problem_is_said_once_where_the_field_is(dock, qtbot, aoi_files):
    choose_scene(qtbot, dock, aoi_files["s2"], S2_VIEW)
    dock.task_combo.setCurrentIndex(dock.task_combo.findData("bandmath"))
    dock.forms["bandmath"].expression.setText("(B08 - B99) / (B08 + B04)")
    explanation = dock.forms["bandmath"].explanation
    assert explanation.text().startswith("✗") and "B99" in explanation.text()
    assert not dock.run_button.isEnabled() and "B99" in dock.run_button.toolTip()
    # the expression's own ✗ line says it: no second label under the form, none by Run
    assert not dock.problem_labels["index"].isVisibleTo(dock)
    assert not dock.run_problem.isVisibleTo(dock)

    dock.scene_picker.set_view_id("")
    status = dock.scene_picker.view_id_status
    shown = [label.text() for label in (status, dock.scene_problem) if label.isVisibleTo(dock)]
    assert shown == [dock.scene_problem.text()] and shown[0].startswith("missing")  # not also "Pick a scene…"
    assert not dock.run_problem.isVisibleTo(dock)


def test_the_background_check_is_hidden_from_the_task_manager_where_qgis_can(dock, qtbot, aoi_files):
    """The check against the scene folders reruns at every edit of the form: like the scene search,
    it stays out of QGIS's task list where QGIS can (3.26+)."""

    class Recorded(set):
        def __init__(self) -> None:
            super().__init__()
            self.flags: list = []

        def add(self, task) -> None:
            self.flags.append(task.flags())
            super().add(task)

    dock.store_check.tasks = Recorded()
    prepare_s2_true_colour(qtbot, dock, aoi_files)
    assert dock.store_check.tasks.flags, "no check ran"
    for flags in dock.store_check.tasks.flags:
        assert flags & QgsTask.Flag.CanCancel
        if hasattr(QgsTask.Flag, "Hidden"):
            assert flags & QgsTask.Flag.Hidden
        else:
            assert flags == QgsTask.Flag.CanCancel
