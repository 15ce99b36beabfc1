"""Scene sources at URLs inside QGIS: the catalog's calls through QGIS's network, band files read
through QGIS's proxy, a task of the console API and a Processing algorithm run on a STAC catalog
(tests/stac_server.py, its bands on tests/cog_server.py) and their results loaded."""

from __future__ import annotations

import json
import os
import queue
import threading
import time
from urllib.parse import urlsplit

import numpy as np
import pytest
from load_by_extent.core.errors import TaskCancelled
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.http_raster import RemoteReading
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.local.lbe import run_lbe
from load_by_extent.core.request import TaskRequest, lbe_request
from load_by_extent.core.runner import run as run_request
from load_by_extent.core.scenes import SceneStoreSet
from load_by_extent.core.stac.sources import EARTH_SEARCH_ROOT, PLANETARY_COMPUTER_ROOT
from load_by_extent.processing.provider import LoadByExtentProvider
from load_by_extent.services.aoi import geometry_from_geojson
from load_by_extent.services.scene_sources import qgis_reading, qgis_scene_stores
from load_by_extent.services.settings import PluginSettings
from load_by_extent.services.task_controller import TaskStatus
from load_by_extent.services.tasks import SceneSearchTask, search_scene_folders
from load_by_extent.services.thumbnail import ThumbnailFetcher
from load_by_extent.ui.catalog_dialog import CatalogDialog
from load_by_extent.ui.settings_widget import SettingsWidget
from osgeo import gdal
from qgis.core import QgsApplication, QgsNetworkAccessManager, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QColor, QImage
from qgis.PyQt.QtNetwork import QNetworkProxy
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QPushButton
from rasters import read_raster
from test_dock import wait_for_listed
from test_http_raster import AOI, S2_VIEW, assert_same_raster, cog_folder, s2_scene, server  # noqa: F401
from test_network import RecordingProxy, _use_proxy, proxy_settings  # noqa: F401
from test_processing import PROVIDER_ID, polygon_layer, processing_framework, run  # noqa: F401
from test_scene_sources import catalog  # noqa: F401

pytestmark = pytest.mark.sample_data
TASK_TIMEOUT_MS = 60_000


@pytest.fixture
def gdal_proxy_restored():
    """GDAL's process-wide proxy options as they were, after the test: QGIS sets them when it opens a
    layer through its proxy (and they would send later tests' reads to a proxy that is gone)."""
    keys = ("GDAL_HTTP_PROXY", "GDAL_HTTP_PROXYUSERPWD")
    saved = {key: gdal.GetConfigOption(key) for key in keys}
    yield
    for key, value in saved.items():
        gdal.SetConfigOption(key, value)


def _with_credentials(settings, user: str, password: str) -> None:
    settings.setValue("proxy/proxyUser", user)
    settings.setValue("proxy/proxyPassword", password)
    from qgis.core import QgsNetworkAccessManager

    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


def test_the_proxy_of_qgis_network_settings_reaches_the_reading_of_band_files(proxy_settings):  # noqa: F811
    _use_proxy(proxy_settings, True, 3128)
    reading = qgis_reading()
    assert (reading.proxy, reading.proxy_auth) == ("http://127.0.0.1:3128", "")
    assert reading.config_options()["GDAL_HTTP_PROXY"] == "http://127.0.0.1:3128"
    _with_credentials(proxy_settings, "ana:lyst", "p@ss word")  # curl's user:password, each part encoded
    assert qgis_reading().proxy_auth == "ana%3Alyst:p%40ss%20word"
    proxy_settings.setValue("proxy/proxyType", "Socks5Proxy")
    _with_credentials(proxy_settings, "", "")
    assert qgis_reading().proxy == "socks5h://127.0.0.1:3128"
    _use_proxy(proxy_settings, False, 3128)
    # No proxy in QGIS: the environment's (none here), said in this thread's options, over whatever
    # proxy QGIS left in GDAL's process-wide options.
    assert (qgis_reading().proxy, qgis_reading().proxy_auth) == ("", "")
    os.environ["https_proxy"] = "http://127.0.0.1:8080"
    try:
        assert qgis_reading().proxy == "http://127.0.0.1:8080"
    finally:
        del os.environ["https_proxy"]
    assert qgis_scene_stores(["/nowhere"]).stores[0].root == "/nowhere"


def test_a_thread_that_used_a_proxy_turned_off_since_calls_the_catalog_direct(proxy_settings):  # noqa: F811
    """QGIS copies its proxy to a thread's network manager at the thread's first call only."""
    jobs: queue.Queue = queue.Queue()
    answers: queue.Queue = queue.Queue()

    def worker() -> None:  # one thread for both calls, as a task manager's thread serves many tasks
        for job in iter(jobs.get, None):
            answers.put(job())

    def proxy_of_thread() -> tuple:
        proxy = QgsNetworkAccessManager.instance().fallbackProxy()
        return proxy.type(), proxy.hostName()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        _use_proxy(proxy_settings, True, 3128)
        jobs.put(proxy_of_thread)
        assert answers.get(timeout=30) == (QNetworkProxy.ProxyType.HttpProxy, "127.0.0.1")
        _use_proxy(proxy_settings, False, 3128)
        transport = qgis_scene_stores(["http://127.0.0.1:9/stac"]).stores[0].transport
        jobs.put(lambda: (transport(time.monotonic, None), proxy_of_thread())[1])
        assert answers.get(timeout=30)[0] != QNetworkProxy.ProxyType.HttpProxy
    finally:
        jobs.put(None)
        thread.join(timeout=30)


def test_a_task_on_a_catalog_url_loads_its_layer_with_every_call_through_qgis_proxy(
        plugin, qtbot, proxy_settings, gdal_proxy_restored, catalog, sample_store, cog_folder, server,  # noqa: F811
        tmp_path):
    PluginSettings().scene_folders = [catalog.root("es")]
    request = lbe_request(S2_VIEW, ["B04"], AOI, merge=True)
    with RecordingProxy() as proxy:
        _use_proxy(proxy_settings, True, proxy.port)
        plugin.controller.refresh_stores()
        task = plugin.run_request(request.to_dict())
        record = plugin.controller.records[0]
        assert record.task is task
        qtbot.waitUntil(lambda: record.status.has_ended, timeout=TASK_TIMEOUT_MS)
    gdal.VSICurlClearCache()
    assert record.status is TaskStatus.DONE, record.message
    layer = QgsProject.instance().mapLayer(record.layer_ids[0])
    assert isinstance(layer, QgsRasterLayer) and layer.isValid()
    assert layer.name() == "S2 2017-02-16 B04"
    on_disk = s2_scene(sample_store, lambda band: os.path.join(cog_folder, "s2", f"{band}.tif"))
    (tmp_path / "disk").mkdir()
    local = run_lbe(request.validate(), on_disk, str(tmp_path / "disk"), None)
    assert_same_raster(local.files[0], layer.source())  # the crop of the same files on disk
    # The catalog's search (QGIS's network) and the band's blocks (GDAL) both went through the proxy.
    seen = [(method, urlsplit(url).path, headers.get("range")) for method, url, headers in proxy.seen]
    assert any(path == "/es/search" for _method, path, _range in seen), seen
    band_reads = [(method, bytes_range) for method, path, bytes_range in seen if path == "/s2/B04.tif"]
    assert ("GET", "bytes=0-32767") in band_reads  # the header, in one range request
    assert all(bytes_range for method, bytes_range in band_reads if method == "GET"), seen  # never the whole file
    assert server.requests("s2/B04.tif") == len(band_reads)  # no read went around the proxy


@pytest.fixture
def provider(processing_framework):  # noqa: F811
    """The plugin's provider, for this test only (the plugin of the dock's tests registers its own)."""
    registry = QgsApplication.processingRegistry()
    assert registry.addProvider(LoadByExtentProvider())
    yield registry.providerById(PROVIDER_ID)
    registry.removeProvider(PROVIDER_ID)


@pytest.fixture
def stale_gdal_proxy(gdal_proxy_restored):
    """A proxy that is gone, in GDAL's process-wide options, as QGIS leaves the one it used there
    once the proxy is turned off in its settings."""
    gdal.SetConfigOption("GDAL_HTTP_PROXY", "127.0.0.1:9")


def test_a_processing_algorithm_runs_on_a_catalog_url(
        processing_framework, provider, isolated_settings, qgis_new_project, catalog, stale_gdal_proxy,  # noqa: F811
        tmp_path):
    aoi = polygon_layer([[tuple(point) for point in AOI["coordinates"][0][:-1]]], 4326)
    results = run(processing_framework, "bandmath", {
        "AOI": aoi, "VIEW_ID": S2_VIEW, "BM_TYPE": "NDVI", "SCENES": catalog.root("es"),
        "OUTPUT_FOLDER": str(tmp_path / "out")})
    [path] = results["FILES"].split(";")
    # The same request on the same catalog outside QGIS (the command line's network) gives the same index.
    direct = RemoteReading(proxy="", proxy_auth="")
    outside = run_request(TaskRequest(json.loads(results["REQUEST"])),
                          LocalBackend(SceneStoreSet([catalog.root("es")], reading=direct), direct),
                          str(tmp_path / "outside"), Feedback())
    gdal.VSICurlClearCache()
    (values,), _ = read_raster(path)
    (expected,), _ = read_raster(outside.files[0])
    assert np.count_nonzero(np.isfinite(values)) > 1000
    assert np.array_equal(values, expected, equal_nan=True)
    assert "STAC API" in provider.algorithm("bandmath").shortHelpString()  # SCENES says it takes a URL


# --- the scene sources in the settings -------------------------------------------------------------------

def _answer_modal(kind: type, answer) -> list[str]:
    """Answer the next modal dialog of `kind` with `answer(dialog)` once it opens; what it said (a
    catalog's dialog: the id of the authentication configuration it offers)."""
    said: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, look)
            return
        said.append(dialog.auth.configId() if isinstance(dialog, CatalogDialog) else dialog.text())
        answer(dialog)

    QTimer.singleShot(0, look)
    return said


def _typed(url: str):
    def answer(dialog: CatalogDialog) -> None:
        dialog.url.setText(url)
        dialog.accept()

    return answer


def test_catalogs_are_added_from_the_menu_and_shown_by_name(isolated_settings, qtbot, tmp_path):
    settings = PluginSettings()
    settings.scene_folders = [str(tmp_path)]
    widget = SettingsWidget(settings, auto_save=True)
    qtbot.addWidget(widget)
    menu = widget.add_catalog_button.menu()
    actions = {action.text(): action for action in menu.actions() if not action.isSeparator()}
    assert list(actions) == ["Earth Search", "Planetary Computer", "Other STAC API URL…"]
    actions["Planetary Computer"].trigger()
    actions["Earth Search"].trigger()
    actions["Earth Search"].trigger()  # once only
    listed = widget.folder_list
    assert [listed.item(i).text() for i in range(listed.count())] == [str(tmp_path), "Planetary Computer", "Earth Search"]
    assert PluginSettings().scene_folders == [str(tmp_path), PLANETARY_COMPUTER_ROOT, EARTH_SEARCH_ROOT]
    assert listed.item(2).toolTip() == EARTH_SEARCH_ROOT

    # Any other catalog by its URL, checked: an http(s) URL, else the dialog says what is wrong under
    # the field and stays open; "No authentication" unless one is chosen.
    asked = _answer_modal(CatalogDialog, _typed("https://stac.example.org/api?sig=SECRET"))
    actions["Other STAC API URL…"].trigger()
    assert asked == [""]  # no authentication
    assert PluginSettings().scene_folders[-1] == "https://stac.example.org/api?sig=SECRET"
    assert PluginSettings().source_auth == {}
    assert listed.item(3).text() == "https://stac.example.org/api"  # the signature out of sight
    for wrong in ("ftp://stac.example.org/api", "stac.example.org/api", "http://[::1/"):
        said: list[str] = []

        def refused(dialog: CatalogDialog, wrong: str = wrong, said: list[str] = said) -> None:
            dialog.url.setText(wrong)
            dialog.accept()
            said.append(dialog.problem.text() if dialog.problem.isVisible() and dialog.isVisible() else "")
            dialog.reject()

        _answer_modal(CatalogDialog, refused)
        actions["Other STAC API URL…"].trigger()
        assert said == [f"{wrong} is not an http(s) URL"]
    assert listed.count() == 4

    # Removing a catalog saves the sources without it; loading them again shows the same labels.
    listed.item(1).setSelected(True)
    QTest.mouseClick(widget.findChild(QPushButton, "removeSource"), Qt.MouseButton.LeftButton)
    assert PluginSettings().scene_folders == [str(tmp_path), EARTH_SEARCH_ROOT,
                                              "https://stac.example.org/api?sig=SECRET"]
    again = SettingsWidget(PluginSettings(), auto_save=False)
    qtbot.addWidget(again)
    assert [again.folder_list.item(i).text() for i in range(again.folder_list.count())] == [
        str(tmp_path), "Earth Search", "https://stac.example.org/api"]


# --- the dock's scene search on a catalog -----------------------------------------------------------------

ITEM_ID = "S2B_33UUU_20170216_0_L2A"  # the catalog fixture's item (tests/stac_server.py earth_search_item)


@pytest.fixture
def catalog_dock(plugin, catalog, tmp_path):  # noqa: F811
    """The dock with the catalog as its only scene source and the AOI over its scene."""
    PluginSettings().scene_folders = [catalog.root("es")]
    dock = plugin.dock
    path = tmp_path / "aoi.geojson"
    path.write_text(json.dumps({"type": "Feature", "properties": {}, "geometry": AOI}))
    dock.aoi_section.use_file(str(path))
    return dock


@pytest.fixture
def thumbnail_file(cog_folder):  # noqa: F811
    """A preview image where the item's thumbnail asset points (on the COG server)."""
    folder = os.path.join(cog_folder, ITEM_ID)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "thumbnail.jpg")
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(30, 140, 60))
    assert image.save(path, "JPG")
    yield path
    os.remove(path)


def test_the_dock_lists_a_catalogs_scenes_with_footprint_cloud_and_thumbnail(
        catalog_dock, qtbot, server, thumbnail_file):  # noqa: F811
    picker = catalog_dock.scene_picker
    wait_for_listed(qtbot, catalog_dock, [S2_VIEW])
    assert picker.table.item(0, 2).text() == "10 %"  # the item's eo:cloud_cover
    assert picker.table.item(0, 1).text() == "S2 L2A"
    assert picker.status.text().startswith("1 scene(s) meet the area of interest")
    footprint = geometry_from_geojson(picker.scenes[0].footprint())
    assert footprint.intersects(geometry_from_geojson(AOI))  # from the item: no band file was read
    assert server.requests("s2/B04.tif") == 0
    picker.show_footprints.setChecked(True)
    assert picker._footprints is not None
    assert not picker.thumbnail.isVisible()
    picker.table.selectRow(0)
    assert picker.view_id_status.text() == "✓ Sentinel-2 scene of 2017-02-16, in the catalog"
    qtbot.waitUntil(picker.thumbnail.isVisible, timeout=10_000)
    assert picker.thumbnail.pixmap().width() == 64
    assert server.requests(f"{ITEM_ID}/thumbnail.jpg") == 1
    # Searched again (a filter changed), the same scene selected: the preview is not fetched again.
    picker.max_cloud.set_number(50)
    qtbot.waitUntil(lambda: picker.status.text().startswith("1 scene(s)"), timeout=10_000)
    assert picker.thumbnail.isVisible() and server.requests(f"{ITEM_ID}/thumbnail.jpg") == 1
    picker.set_view_id("")
    assert not picker.thumbnail.isVisible()


def test_a_thumbnail_that_fails_shows_nothing_and_says_nothing(catalog_dock, qtbot, server):  # noqa: F811
    picker = catalog_dock.scene_picker
    wait_for_listed(qtbot, catalog_dock, [S2_VIEW])
    with qtbot.waitSignal(picker.thumbnails.failed, timeout=10_000):
        picker.table.selectRow(0)  # its thumbnail is not on the server: 404
    assert server.requests(f"{ITEM_ID}/thumbnail.jpg") == 1
    assert not picker.thumbnail.isVisible()
    assert QApplication.activeModalWidget() is None
    assert picker.view_id_status.text().startswith("✓")


def test_a_thumbnail_larger_than_a_preview_is_dropped(qgis_app, qtbot, server):  # noqa: F811
    fetcher = ThumbnailFetcher(max_bytes=4096)
    with qtbot.waitSignal(fetcher.failed, timeout=10_000) as failed:
        fetcher.fetch(server.url("s2/B04.tif"))  # a whole band, not a preview
    assert failed.args == [server.url("s2/B04.tif")] and fetcher.reply is None


def test_a_change_of_the_filters_cancels_the_search_under_way(catalog_dock, qtbot):
    search = catalog_dock.scene_search
    wait_for_listed(qtbot, catalog_dock, [S2_VIEW])
    search.search()
    assert catalog_dock.scene_picker.status.text() == "Searching the scene sources…"
    under_way = search.task
    assert under_way is not None
    catalog_dock.scene_picker.max_cloud.set_number(5)  # the item has 10 %: none now
    assert under_way.isCanceled() and search.task is None
    qtbot.waitUntil(lambda: catalog_dock.scene_picker.status.text().startswith("0 scene(s)"), timeout=10_000)


def test_a_cancelled_search_asks_the_catalog_nothing(catalog):  # noqa: F811
    stores = qgis_scene_stores([catalog.root("es")])
    search = search_scene_folders(stores, AOI)
    task = SceneSearchTask(search)
    task.cancel()
    with pytest.raises(TaskCancelled):
        search(task)
    assert catalog.searches("es") == []


def test_without_an_aoi_the_catalogs_are_not_searched(sample_store, catalog):  # noqa: F811
    stores = qgis_scene_stores([os.path.join(sample_store, "landsat-timeseries"), catalog.root("es")])
    search = search_scene_folders(stores, None)
    scenes, problems, more = search(SceneSearchTask(search))
    assert more is None
    assert scenes and all(scene.sensor.code != "S2" for scene in scenes)  # the folder's Landsat scenes
    assert problems == ["catalogs are searched for an area of interest: draw one to list their scenes"]
    assert catalog.searches("es") == []
