"""The dock and the plugin with the remote backend (the Processing API), driven like an analyst does.

The API is tests/fake_api.py's FakeApi: a real API server and a real file server on 127.0.0.1, so
every request the plugin makes is real HTTP and read back from the fake's logs (no mocking of
requests). The key lives in the test profile's QGIS authentication database (master password set
by a fixture); the remote task ledger is a file under the test's tmp_path. The plugin is built by
itself (classFactory, initGui, `plugin.dock`) on pytest-qgis's stub iface, completed with real Qt
objects (tests/conftest.py). Polls are made short by configuration (RemoteConfig's intervals), not
by faking time; background work runs in QGIS's task manager and the tests wait on it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections.abc import Iterator

import numpy as np
import pytest
import requests
from fake_api import STATS_FLAT, Failed, FakeApi, Processing, Redirect, Started, TooMany
from load_by_extent.core.remote.ledger import TaskLedger
from load_by_extent.services import task_controller
from load_by_extent.services.network import KEY_CONFIG_NAME, has_header_method, store_api_key
from load_by_extent.services.settings import LOCAL, REMOTE, PluginSettings
from load_by_extent.services.task_controller import TaskController, TaskRecord, TaskStatus
from osgeo import gdal, osr
from qgis.core import (
    Qgis,
    QgsAuthMethodConfig,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsSettings,
)
from qgis.gui import QgsMapCanvas, QgsMessageBarItem, QgsRubberBand
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QPushButton
from qgis_gui import single_layer_loaded

KEY = "lbe-dock-secret-KEY-9d41c7e2b5"
WRONG_KEY = "lbe-dock-wrong-KEY-37f0a6c1d8"

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
UTM33 = QgsCoordinateReferenceSystem("EPSG:32633")
SETTINGS_PREFIX = "load_by_extent"
TASK_TIMEOUT_MS = 60_000
SEARCH_TIMEOUT_MS = 30_000

VIEW_ID = "S2/33/U/UU/2023/7/19/0"
DESCRIPTION = "S2 2023-07-19 B04,B03,B02 · API"
LAYER_NAME = "S2 2023-07-19 B04 B03 B02"
GROUP_NAME = f"{VIEW_ID} · lbe B04 B03 B02"
RESULT_FILE = "S2_33_U_UU_2023_7_19_0_crop.tif"
S2_RING = [[12.553, 52.474], [12.632, 52.466], [12.668, 52.492], [12.640, 52.518], [12.575, 52.515],
           [12.553, 52.474]]
S2_AOI = {"type": "Polygon", "coordinates": [S2_RING]}
SERVER_FAILURE = "Scene with given ID does not exist"


def box(west: float, south: float, east: float, north: float) -> dict:
    return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north],
                                                [west, south]]]}


# Scenes of the fake's search. Over the AOI: two Sentinel-2 L1C, one Landsat 8 (listed when their
# datasets are ticked); a cloudy one, one out of the dates, one far away, one of an unticked dataset.
S2_JULY = ("sentinel2", VIEW_ID, "2023-07-19", 3.0, box(12.0, 52.0, 13.5, 53.0))
L8_JULY = ("landsat8", "L8/LC08_L1TP_193024_20230715_20230725_02_T1", "2023-07-15", 12.0, box(12.3, 52.2, 13.0, 52.8))
S2_JUNE = ("sentinel2", "S2/33/U/UU/2023/6/29/0", "2023-06-29", 20.0, box(12.1, 52.1, 13.4, 52.9))
S2_CLOUDY = ("sentinel2", "S2/33/U/UU/2023/7/24/0", "2023-07-24", 80.0, box(12.0, 52.0, 13.5, 53.0))
S2_SEPTEMBER = ("sentinel2", "S2/33/U/UU/2023/9/12/0", "2023-09-12", 1.0, box(12.0, 52.0, 13.5, 53.0))
S2_FAR = ("sentinel2", "S2/34/T/CN/2023/7/20/0", "2023-07-20", 2.0, box(20.0, 40.0, 21.0, 41.0))
S2_L2A = ("sentinel2l2a", "S2/33/U/UU/2023/7/18/0", "2023-07-18", 4.0, box(12.0, 52.0, 13.5, 53.0))
ALL_SCENES = (S2_JULY, L8_JULY, S2_JUNE, S2_CLOUDY, S2_SEPTEMBER, S2_FAR, S2_L2A)


def true_colour_request(reference: str) -> dict:
    return {"type": "lbe", "params": {"view_id": VIEW_ID, "bands": ["B04", "B03", "B02"], "merge": True,
                                      "geometry": S2_AOI, "reference": reference}}


def stats_request(reference: str) -> dict:
    return {"type": "mt_stats", "params": {"bm_type": ["NDVI"], "date_start": "2023-06-01", "date_end": "2023-08-31",
                                           "geometry": S2_AOI, "reference": reference, "sensors": ["sentinel2"]}}


# --- settings, key, API, ledger -------------------------------------------------------------------
# (gui, canvas, isolated_settings, auth_manager, output_folder, make_plugin, plugin: tests/conftest.py)


@pytest.fixture
def api() -> Iterator[FakeApi]:
    with FakeApi(KEY) as fake:
        yield fake
        assert fake.errors == []


@pytest.fixture
def ledger_path(tmp_path, monkeypatch) -> str:
    """The remote tasks' ledger of every controller built in the test (instead of the profile's)."""
    path = str(tmp_path / "profile" / "load_by_extent" / "remote-tasks.json")
    monkeypatch.setattr(task_controller, "default_qgis_ledger_path", lambda: path)
    return path


@pytest.fixture
def short_polls(monkeypatch) -> None:
    """Configuration: the controller's RemoteConfig polls every 0.05-0.2 s instead of 2-30 s."""
    built_from_settings = TaskController.remote_config

    def remote_config(self):
        return dataclasses.replace(built_from_settings(self), poll_interval=0.05, poll_interval_max=0.2,
                                   backoff_base=0.05, timeout=10.0)

    monkeypatch.setattr(TaskController, "remote_config", remote_config)


@pytest.fixture
def plugin_settings(isolated_settings, auth_manager, api, output_folder, ledger_path, short_polls) -> PluginSettings:
    """The Processing API of the fake, no key yet, this computer chosen, no scene folder (instead of
    conftest's sample imagery)."""
    settings = PluginSettings()
    settings.output_folder = output_folder
    settings.api_url = api.api_url
    settings.search_url = api.search_url
    settings.backend = LOCAL
    return settings


@pytest.fixture
def keyed_settings(plugin_settings, auth_manager) -> PluginSettings:
    """As plugin_settings, with the key in the authentication database and the API chosen."""
    plugin_settings.auth_config_id = store_api_key(KEY)
    plugin_settings.backend = REMOTE
    return plugin_settings


@pytest.fixture
def keyed_plugin(keyed_settings, make_plugin):
    return make_plugin()


@pytest.fixture
def aoi_file(tmp_path) -> str:
    path = tmp_path / "aoi.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": 1}, "geometry": S2_AOI}]}))
    return str(path)


@pytest.fixture
def result_tif(tmp_path, api) -> str:
    """A real 3-band GeoTIFF over the AOI (EPSG:32633, bands described B04, B03, B02), served by the
    fake's file server as RESULT_FILE; returns its local path."""
    to_utm = QgsCoordinateTransform(WGS84, UTM33, QgsProject.instance())
    extent = to_utm.transformBoundingBox(QgsRectangle(12.55, 52.46, 12.67, 52.52))
    pixel = 20.0
    x0, y0 = np.floor(extent.xMinimum() / pixel) * pixel, np.ceil(extent.yMaximum() / pixel) * pixel
    columns = int(np.ceil((extent.xMaximum() - x0) / pixel))
    rows = int(np.ceil((y0 - extent.yMinimum()) / pixel))
    path = str(tmp_path / "served" / RESULT_FILE)
    os.makedirs(os.path.dirname(path))
    dataset = gdal.GetDriverByName("GTiff").Create(path, columns, rows, 3, gdal.GDT_UInt16, options=["COMPRESS=DEFLATE"])
    dataset.SetGeoTransform((float(x0), pixel, 0.0, float(y0), 0.0, -pixel))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    dataset.SetProjection(srs.ExportToWkt())
    grid_y, grid_x = np.mgrid[0:rows, 0:columns]
    for index, (name, base) in enumerate((("B04", 800), ("B03", 1000), ("B02", 1200)), start=1):
        band = dataset.GetRasterBand(index)
        band.SetDescription(name)
        band.WriteArray((base + (grid_x * 7 + grid_y * 3 + index * 11) % 900).astype(np.uint16))
    dataset.FlushCache()
    band = dataset = None
    with open(path, "rb") as stream:
        api.add_file(RESULT_FILE, stream.read())
    return path


# --- helpers ---------------------------------------------------------------------------------------


def open_dock(plugin, qtbot):
    """The dock, opened with the plugin's action as the analyst does."""
    plugin.action.trigger()
    dock = plugin.dock
    qtbot.waitUntil(dock.isVisible)
    return dock


def wait_until_ended(qtbot, record: TaskRecord) -> None:
    qtbot.waitUntil(lambda: record.status.has_ended, timeout=TASK_TIMEOUT_MS)


def listed(dock) -> list[tuple[str, str, str, str]]:
    table = dock.scene_picker.table
    return [tuple(table.item(row, column).text() for column in range(4)) for row in range(table.rowCount())]


def tick_datasets(dock, *datasets: str) -> None:
    """Tick exactly these datasets: clicks on the items of the combo box's open list, as a user does."""
    combo = dock.dataset_choice.combo
    assert combo.isVisible()
    combo.showPopup()
    view = combo.view()
    for index in range(combo.count()):
        wanted = Qt.CheckState.Checked if combo.itemData(index) in datasets else Qt.CheckState.Unchecked
        if combo.itemCheckState(index) != wanted:
            center = view.visualRect(combo.model().index(index, 0)).center()
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, center)
    combo.hidePopup()
    assert sorted(dock.dataset_choice.datasets()) == sorted(datasets)


def prepare_true_colour(dock, aoi_file: str) -> None:
    """The form of a valid true-colour request of VIEW_ID over the AOI (the view_id typed)."""
    dock.aoi_section.use_file(aoi_file)
    dock.scene_picker.set_view_id(VIEW_ID)
    preset = dock.forms["lbe"].band_picker.preset_combo
    preset.setCurrentIndex(preset.findData("true_colour"))
    assert dock.forms["lbe"].band_picker.bands() == ["B04", "B03", "B02"]


def plugin_setting_values() -> dict[str, str]:
    settings = QgsSettings()
    return {key: str(settings.value(key)) for key in settings.allKeys() if key.startswith(SETTINGS_PREFIX + "/")}


def creates(api: FakeApi) -> list:
    return [request for request in api.log if request.method == "POST" and request.path.endswith("/api/gdw/api")]


def warnings(plugin) -> list[str]:
    return plugin.iface.messageBar().get_messages(Qgis.MessageLevel.Warning)


def assert_same_ring(ring: list, expected: list, tolerance: float = 1e-9) -> None:
    assert len(ring) == len(expected), (ring, expected)
    for (lon, lat), (want_lon, want_lat) in zip(ring, expected):
        assert abs(lon - want_lon) <= tolerance and abs(lat - want_lat) <= tolerance, (ring, expected)


def footprints_showing(canvas: QgsMapCanvas, polygon: dict) -> list[QgsGeometry]:
    """The parts of the visible rubber bands on the canvas (all the footprints are one band, a part
    each) whose extent is `polygon`'s (lon/lat) in the canvas CRS."""
    to_canvas = QgsCoordinateTransform(WGS84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
    ring = [to_canvas.transform(QgsPointXY(lon, lat)) for lon, lat in polygon["coordinates"][0]]
    expected = QgsGeometry.fromPolygonXY([ring]).boundingBox()
    tolerance = max(expected.width(), expected.height()) * 1e-6

    def shows(part: QgsGeometry) -> bool:
        got = part.boundingBox()
        return all(abs(a - b) <= tolerance for a, b in zip(
            (got.xMinimum(), got.yMinimum(), got.xMaximum(), got.yMaximum()),
            (expected.xMinimum(), expected.yMinimum(), expected.xMaximum(), expected.yMaximum())))

    bands = [item for item in canvas.scene().items() if isinstance(item, QgsRubberBand)]
    drawn = [band.asGeometry() for band in bands if band.numberOfVertices() > 0 and band.isVisible()]
    parts = [part for geometry in drawn
             for part in (geometry.asGeometryCollection() if geometry.isMultipart() else [geometry])]
    return [part for part in parts if shows(part)]


def record_messages(controller: TaskController, dock=None) -> list[tuple[str, str, str]]:
    """(status, record message, the row's message text) at every change of any record."""
    seen: list[tuple[str, str, str]] = []

    def changed(record: TaskRecord) -> None:
        row = dock.task_list.rows.get(id(record)) if dock is not None else None
        seen.append((record.status, record.message, row.message.text() if row is not None else ""))

    controller.recordChanged.connect(changed)
    return seen


def ledger_tasks(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as stream:
        return json.load(stream)["tasks"]


def assert_result_loaded(record: TaskRecord, output_folder: str) -> QgsRasterLayer:
    """The record's result is on the map: a group named after the scene holding the 3-band layer."""
    layer, group = single_layer_loaded(record, output_folder, LAYER_NAME)
    assert layer.crs().authid() == "EPSG:32633"
    assert group.name() == GROUP_NAME + layer.name()[len(LAYER_NAME):]  # a second one numbered " (2)" as its layer
    return layer


# --- run on: this computer / the Processing API ------------------------------------------------------


def test_switching_to_the_api_asks_for_the_key_and_keeps_only_its_config_id(plugin, auth_manager, qtbot, aoi_file):
    dock = open_dock(plugin, qtbot)
    assert dock.run_local.isChecked() and not dock.run_remote.isChecked()
    assert not dock.dataset_choice.isVisibleTo(dock)
    assert not dock.connection_test.button.isVisibleTo(dock)

    dock.run_remote.click()
    assert dock.run_remote.isChecked()
    assert PluginSettings().backend == REMOTE
    assert QgsSettings().value(f"{SETTINGS_PREFIX}/backend") == "remote"
    assert dock.dataset_choice.isVisibleTo(dock)
    assert dock.connection_test.button.isVisibleTo(dock)
    assert dock.dataset_choice.datasets() == ["sentinel2"]  # the default choice

    prepare_true_colour(dock, aoi_file)
    assert not dock.run_button.isEnabled()
    assert dock.run_button.toolTip() == "Set the API key in Settings below (Processing API)."
    assert dock.run_problem.isVisibleTo(dock)
    assert "Set the API key" in dock.run_problem.text()
    assert dock.request is None

    dock.settings_widget.set_api_key(KEY)
    config_id = PluginSettings().auth_config_id
    assert config_id and config_id in auth_manager.configIds()
    assert dock.settings_widget.auth_config.configId() == config_id
    config = QgsAuthMethodConfig()  # the key is in the authentication database
    assert auth_manager.loadAuthenticationConfig(config_id, config, True)
    assert config.name() == KEY_CONFIG_NAME
    if has_header_method():  # QGIS 3.26 and newer: QGIS sends it as the header x-api-key
        assert config.method() == "APIHeader" and config.configMap() == {"x-api-key": KEY}
    else:  # QGIS 3.22-3.24: the plugin's own Basic configuration
        assert config.method() == "Basic" and config.config("password") == KEY
    values = plugin_setting_values()
    assert values[f"{SETTINGS_PREFIX}/auth_config_id"] == config_id
    assert [key for key, value in values.items() if KEY in value] == []
    settings = QgsSettings()
    settings.sync()
    with open(settings.fileName(), encoding="utf-8", errors="replace") as stream:
        assert KEY not in stream.read()

    assert dock.run_button.isEnabled(), dock.run_button.toolTip()
    assert not dock.run_problem.isVisibleTo(dock)
    assert dock.request is not None

    dock.run_local.click()
    assert PluginSettings().backend == LOCAL
    assert not dock.dataset_choice.isVisibleTo(dock)
    assert not dock.connection_test.button.isVisibleTo(dock)


def test_test_connection_with_the_right_and_a_wrong_key(plugin, api, qtbot):
    dock = open_dock(plugin, qtbot)
    dock.run_remote.click()
    dock.settings_widget.set_api_key(KEY)
    label = dock.connection_test.label
    dock.connection_test.button.click()
    qtbot.waitUntil(lambda: label.text().startswith(("✓", "✗")), timeout=SEARCH_TIMEOUT_MS)
    assert label.text().startswith("✓"), label.text()
    assert f"127.0.0.1:{api.api_port}" in label.text() and "accepted the key" in label.text()
    assert label.isVisibleTo(dock)
    assert warnings(plugin) == []
    checks = [request for request in api.log if request.method == "GET"]
    assert len(checks) == 1 and checks[0].headers.get("x-api-key") == KEY
    config_id_of_the_key = PluginSettings().auth_config_id

    dock.settings_widget.set_api_key(WRONG_KEY)
    assert PluginSettings().auth_config_id == config_id_of_the_key  # the same configuration, the new key
    dock.connection_test.button.click()
    qtbot.waitUntil(lambda: label.text().startswith("✗"), timeout=SEARCH_TIMEOUT_MS)
    text = label.text()
    assert "check the API key" in text
    assert "401" in text
    assert WRONG_KEY not in text and KEY not in text
    assert f"“{KEY_CONFIG_NAME}” ({config_id_of_the_key})" in text  # the message names the configuration
    assert api.log[-1].headers.get("x-api-key") == WRONG_KEY  # QGIS sent the new key, not one it cached
    said = warnings(plugin)
    assert len(said) == 1 and "check the API key" in said[0]
    assert WRONG_KEY not in said[0]


# --- the API's scene search --------------------------------------------------------------------------


def test_remote_scene_search_lists_the_ticked_datasets_with_footprints(keyed_plugin, api, canvas, qtbot, aoi_file):
    for dataset, view_id, date, cloud, footprint in ALL_SCENES:
        api.add_scene(dataset, view_id, date, cloud, footprint)
    dock = open_dock(keyed_plugin, qtbot)
    assert dock.run_remote.isChecked()
    picker = dock.scene_picker
    picker.show_footprints.setChecked(True)
    picker.any_date.setChecked(False)
    picker.start_date.setDate(QDate(2023, 6, 1))
    picker.end_date.setDate(QDate(2023, 8, 31))
    picker.max_cloud.setValue(50)
    tick_datasets(dock, "sentinel2", "landsat8")
    assert PluginSettings().remembered("datasets") == "sentinel2,landsat8"
    dock.aoi_section.use_file(aoi_file)

    expected = [
        ("2023-07-19", "S2 L1C", "3 %", S2_JULY[1]),
        ("2023-07-15", "L8", "12 %", L8_JULY[1]),
        ("2023-06-29", "S2 L1C", "20 %", S2_JUNE[1]),
    ]
    qtbot.waitUntil(lambda: listed(dock) == expected, timeout=SEARCH_TIMEOUT_MS)
    assert picker.status.text().startswith("3 scene(s)")
    body = api.search_log[-1].body
    assert sorted(api.search_log[-1].datasets) == ["landsat8", "sentinel2"]
    assert body["search"]["date"] == {"from": "2023-06-01", "to": "2023-08-31"}
    assert body["search"]["cloudCoverage"] == {"from": 0, "to": 50}
    assert body["search"]["shape"]["type"] == "Polygon"
    assert_same_ring(body["search"]["shape"]["coordinates"][0], S2_RING)
    assert all(request.headers.get("x-api-key") == KEY for request in api.log)
    # the footprints of the listed scenes are drawn (each once), none of the others
    for scene in (S2_JULY, L8_JULY, S2_JUNE):
        assert len(footprints_showing(canvas, scene[4])) == 1, scene[1]
    assert footprints_showing(canvas, S2_FAR[4]) == []

    tick_datasets(dock, "sentinel2")
    qtbot.waitUntil(lambda: listed(dock) == [expected[0], expected[2]], timeout=SEARCH_TIMEOUT_MS)
    assert api.search_log[-1].datasets == ("sentinel2",)
    assert footprints_showing(canvas, L8_JULY[4]) == []

    tick_datasets(dock, "landsat8")
    qtbot.waitUntil(lambda: listed(dock) == [expected[1]], timeout=SEARCH_TIMEOUT_MS)
    assert api.search_log[-1].datasets == ("landsat8",)

    tick_datasets(dock)
    qtbot.waitUntil(lambda: listed(dock) == [], timeout=SEARCH_TIMEOUT_MS)
    assert picker.status.text() == "Choose the datasets to search."


# --- running on the API ----------------------------------------------------------------------------------


def test_run_from_the_dock_on_the_api_loads_the_result_and_never_shows_the_key(
    keyed_plugin, api, qtbot, aoi_file, result_tif, output_folder, ledger_path, tmp_path
):
    api.script([Started(), TooMany("1"), Processing(60), Redirect(RESULT_FILE)])
    dock = open_dock(keyed_plugin, qtbot)
    prepare_true_colour(dock, aoi_file)
    assert dock.run_button.isEnabled(), dock.run_button.toolTip()
    sent = dock.request
    seen = record_messages(keyed_plugin.controller, dock)
    dock.run_button.click()

    assert len(dock.controller.records) == 1
    record = dock.controller.records[0]
    assert record.remote
    assert record.description == DESCRIPTION
    row = dock.task_list.rows[id(record)]
    assert "· API" in row.title.text()
    wait_until_ended(qtbot, record)
    layer = assert_result_loaded(record, output_folder)
    assert row.title.text().startswith("✓")
    assert row.zoom_button.isVisibleTo(row)

    # what was sent and served
    (created,) = creates(api)
    assert created.json() == sent.to_dict()
    task = api.task()
    assert task.served == ["Started", "TooMany", "Processing", "Redirect"]
    with open(layer.source(), "rb") as got, open(result_tif, "rb") as served:
        assert got.read() == served.read()
    # the rate limit was said in the row while the task waited
    waiting = [(message, shown) for status, message, shown in seen if status is TaskStatus.RUNNING and "rate limit" in message]
    assert waiting, seen
    assert "waiting 1 s" in waiting[0][0]
    assert waiting[0][1] == waiting[0][0]  # the row showed it

    # the ledger knows the task, done, with the file
    (entry,) = [entry for entry in ledger_tasks(ledger_path) if entry["task_id"] == task.task_id]
    assert entry["status"] == "done"
    assert entry["result_files"] == [layer.source()]
    assert entry["api_url"] == api.api_url

    # the key: sent to the API, never to the file server, and nowhere the user can see or save it
    assert created.headers.get("x-api-key") == KEY
    assert api.files_log and not any(request.carries(KEY) for request in api.files_log)
    for text in (layer.source(), layer.publicSource(), layer.dataProvider().dataSourceUri(), record.message,
                 row.message.text(), row.title.text()):
        assert KEY not in text
    with open(ledger_path, encoding="utf-8") as stream:
        assert KEY not in stream.read()
    project_file = str(tmp_path / "project.qgs")
    assert QgsProject.instance().write(project_file)
    with open(project_file, encoding="utf-8") as stream:
        project_text = stream.read()
    assert os.path.basename(layer.source()) in project_text
    assert KEY not in project_text

    clipboard = QApplication.clipboard()
    clipboard.setText("")
    dock.findChild(QPushButton, "copyJson").click()
    copied = clipboard.text()
    assert json.loads(copied)["params"]["view_id"] == VIEW_ID
    assert KEY not in copied
    clipboard.setText("")
    dock.findChild(QPushButton, "copyCurl").click()
    curl = clipboard.text()
    assert curl.startswith("curl ")
    assert f"{api.api_url}/api?api_key=***" in curl
    assert "x-api-key: ***" in curl
    assert KEY not in curl


def test_failed_remote_task_says_the_servers_message_and_loads_nothing(
    keyed_plugin, api, qtbot, aoi_file, output_folder, ledger_path
):
    api.script([Started(), Failed(SERVER_FAILURE)])
    dock = open_dock(keyed_plugin, qtbot)
    prepare_true_colour(dock, aoi_file)
    dock.run_button.click()
    record = dock.controller.records[0]
    wait_until_ended(qtbot, record)
    assert record.status == "failed"
    assert SERVER_FAILURE in record.message
    assert KEY not in record.message
    row = dock.task_list.rows[id(record)]
    assert row.title.text().startswith("✗")
    assert row.message.text() == record.message
    assert row.again_button.isVisibleTo(row)
    said = warnings(keyed_plugin)
    assert any(SERVER_FAILURE in text for text in said), said
    assert record.layer_ids == []
    assert QgsProject.instance().mapLayers() == {}
    assert [name for _root, _dirs, names in os.walk(output_folder) for name in names] == []
    (entry,) = ledger_tasks(ledger_path)
    assert entry["task_id"] == api.task().task_id and entry["status"] == "failed"


def test_identical_request_reuses_the_result_and_run_again_asks_anew(
    keyed_plugin, api, qtbot, aoi_file, result_tif, output_folder, ledger_path
):
    assert PluginSettings().reuse_results
    api.script([Processing(50), Redirect(RESULT_FILE)])
    api.script([Processing(50), Redirect(RESULT_FILE)])
    dock = open_dock(keyed_plugin, qtbot)
    assert dock.settings_widget.reuse_results.isChecked()
    prepare_true_colour(dock, aoi_file)
    dock.run_button.click()
    first = dock.controller.records[0]
    wait_until_ended(qtbot, first)
    first_layer = assert_result_loaded(first, output_folder)
    assert len(api.tasks) == 1
    file_requests = len(api.files_log)

    # the same work again (the dock gave the form a new reference)
    assert dock.request.params["reference"] != first.request.params["reference"]
    seen = record_messages(keyed_plugin.controller)
    dock.run_button.click()
    second = dock.controller.records[0]
    assert second is not first
    wait_until_ended(qtbot, second)
    second_layer = assert_result_loaded(second, output_folder)
    assert len(api.tasks) == 1 and len(creates(api)) == 1
    assert len(api.files_log) == file_requests
    assert second_layer.source() == first_layer.source()
    assert second_layer.id() != first_layer.id()
    task_id = api.task().task_id
    assert any(task_id in message for _status, message, _row in seen), seen

    # "run again" in the row: a new task on the server, a new file
    row = dock.task_list.rows[id(second)]
    assert row.again_button.isVisibleTo(row)
    row.again_button.click()
    third = dock.controller.records[0]
    assert third is not second and third.request == second.request
    wait_until_ended(qtbot, third)
    third_layer = assert_result_loaded(third, output_folder)
    assert len(api.tasks) == 2 and len(creates(api)) == 2
    assert third_layer.source() != first_layer.source()
    assert sorted(entry["status"] for entry in ledger_tasks(ledger_path)) == ["done", "done"]


@pytest.mark.parametrize("reuse", [True, False], ids=["reuse-on", "reuse-off"])
def test_unfinished_task_of_an_earlier_session_is_offered_and_resumed(
    keyed_settings, make_plugin, api, qtbot, result_tif, output_folder, ledger_path, qgis_iface, reuse
):
    """Resume polls the task the server still runs, whatever the reuse setting: that setting is
    about identical new requests, and a resumed task is not a new request."""
    keyed_settings.reuse_results = reuse
    # A task an earlier session created, still running on the server, in the ledger.
    api.script([Processing(30), Processing(70), Redirect(RESULT_FILE)])
    request = true_colour_request("earlier-session")
    answer = requests.post(f"{api.api_url}/api", json=request, headers={"x-api-key": KEY}, timeout=10)
    assert answer.status_code == 200
    created = answer.json()
    task_id = created["task_id"]
    ledger = TaskLedger(ledger_path)
    ledger.record_created(task_id, api.api_url, request, req_id=created["req_id"],
                          task_timeout=float(created["task_timeout"]))
    ledger.update(task_id, status="running", message="processing")
    assert [entry.task_id for entry in ledger.unfinished()] == [task_id]

    plugin = make_plugin()  # QGIS starts again
    assert plugin.controller.ledger_path == ledger_path
    bar = qgis_iface.messageBar()

    def offers() -> list[QgsMessageBarItem]:
        return [item for item in bar.items() if "have not finished" in item.text()]

    qtbot.waitUntil(lambda: len(offers()) == 1, timeout=SEARCH_TIMEOUT_MS)
    (offer,) = offers()
    assert "1 remote task(s)" in offer.text()
    (show,) = [button for button in offer.findChildren(QPushButton) if button.text() == "Show in the task list"]
    show.click()
    dock = plugin._dock
    assert dock is not None
    qtbot.waitUntil(dock.isVisible)

    (unfinished,) = plugin.controller.records
    assert unfinished.status == "unfinished" and unfinished.remote_task_id == task_id
    row = dock.task_list.rows[id(unfinished)]
    assert row.title.text().startswith("⏸") and DESCRIPTION in row.title.text()
    assert task_id in row.message.text()
    assert row.resume_button.isVisibleTo(row)
    assert not row.again_button.isVisibleTo(row)
    assert api.task(task_id).polls == 0

    row.resume_button.click()
    assert len(plugin.controller.records) == 2
    resumed = plugin.controller.records[0]
    assert resumed is not unfinished
    wait_until_ended(qtbot, resumed)
    assert len(creates(api)) == 1, "Resume created a new task instead of polling the unfinished one"
    assert len(api.tasks) == 1
    assert_result_loaded(resumed, output_folder)
    assert api.task(task_id).served[-1] == "Redirect"
    assert unfinished.status != "unfinished"
    assert not row.resume_button.isVisibleTo(row)
    (entry,) = ledger_tasks(ledger_path)
    assert entry["task_id"] == task_id and entry["status"] == "done"
    assert entry["result_files"] == [QgsProject.instance().mapLayer(resumed.layer_ids[0]).source()]


def test_starting_drops_finished_tasks_older_than_30_days_from_the_ledger(
    keyed_settings, make_plugin, api, qtbot, ledger_path
):
    now = time.time()
    ledger = TaskLedger(ledger_path)
    for task_id, age_days, status in (("old-done", 31, "done"), ("recent-done", 29, "done"),
                                      ("old-failed", 40, "failed")):
        ledger.record_created(task_id, api.api_url, true_colour_request(task_id), created_at=now - age_days * 86400)
        ledger.update(task_id, status=status, updated_at=now - age_days * 86400)

    make_plugin()  # QGIS starts again

    qtbot.waitUntil(lambda: [entry["task_id"] for entry in ledger_tasks(ledger_path)] == ["recent-done"],
                    timeout=SEARCH_TIMEOUT_MS)


# --- the console API ---------------------------------------------------------------------------------------


def test_statistics_through_run_request_on_the_api_end_done_with_the_json(
    keyed_plugin, api, qtbot, output_folder, ledger_path
):
    """A statistics result is a JSON file, not a layer: the task ends "done" with the file saved."""
    task = keyed_plugin.run_request(stats_request("console-stats"))
    record = keyed_plugin.controller.records[0]
    assert record.task is task and record.remote
    started = time.monotonic()
    wait_until_ended(qtbot, record)
    assert record.status is TaskStatus.DONE, record.message
    assert time.monotonic() - started < 30
    assert api.task().type == "mt_stats"
    assert api.task().params["bm_type"] == ["NDVI"]
    (path,) = record.result.files
    assert os.path.dirname(path) == output_folder and path.endswith(".json")
    with open(path, encoding="utf-8") as stream:
        assert json.load(stream) == STATS_FLAT
    assert path in record.message
    assert record.layer_ids == []
    assert QgsProject.instance().mapLayers() == {}
    assert record.progress == 100
    (entry,) = ledger_tasks(ledger_path)
    assert entry["status"] == "done" and entry["result_files"] == [path]
    # the dock, opened afterwards, lists it as done
    dock = keyed_plugin.dock
    row = dock.task_list.rows[id(record)]
    assert row.title.text().startswith("✓") and "· API" in row.title.text()
    assert row.folder_button.isVisibleTo(row)
    assert not row.zoom_button.isVisibleTo(row)


def test_the_backend_saved_by_an_earlier_version_as_embedded_reads_as_local(isolated_settings, make_plugin):
    """One word for running on this computer: "local"; a profile of an earlier version says "embedded"."""
    QgsSettings().setValue(f"{SETTINGS_PREFIX}/backend", "embedded")
    assert PluginSettings().backend == LOCAL == "local"
    dock = make_plugin().dock
    assert dock.run_local.isChecked() and dock.run_local.text() == "local processor"
    dock.run_local.click()
    assert QgsSettings().value(f"{SETTINGS_PREFIX}/backend") == "local"
