"""Private catalogs and buckets inside QGIS: a scene source with an authentication configuration of
QGIS. The STAC server (tests/stac_server.py) and the COG server of its assets (tests/cog_server.py),
both on 127.0.0.1, answer only requests carrying the configuration's Basic credentials: the catalog's
calls get them from QGIS's authentication manager (QGIS's network), the band files from the header
file GDAL is handed per dataset; a web server of scene folders is probed through QGIS's network. The
secret never shows in QGIS's message log, a task's message, a layer's source or a saved project."""

from __future__ import annotations

import base64
import gc
import os

import pytest
from cog_server import CogServer
from load_by_extent.core.errors import DataError
from load_by_extent.core.http_store import HttpSceneStore
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.request import lbe_request
from load_by_extent.core.scene_pages import search_first_pages
from load_by_extent.core.scenes import SceneStore
from load_by_extent.core.sources import UrlSceneSource
from load_by_extent.services.qgis_transport import qgis_transport_for
from load_by_extent.services.scene_sources import qgis_scene_stores, source_credentials
from load_by_extent.services.settings import PluginSettings
from load_by_extent.services.task_controller import TaskStatus
from load_by_extent.services.thumbnail import ThumbnailFetcher
from load_by_extent.ui.catalog_dialog import CatalogDialog
from load_by_extent.ui.settings_widget import SettingsWidget
from osgeo import gdal
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QColor, QImage
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication
from stac_server import StacServer, earth_search_item
from test_http_raster import AOI, S2_VIEW, assert_same_raster, cog_folder  # noqa: F401 - a fixture
from test_http_store import http_store_folder  # noqa: F401 - a fixture
from test_scene_sources import ACQUIRED

pytestmark = pytest.mark.sample_data
TASK_TIMEOUT_MS = 60_000
USER, SECRET = "analyst", "s3cr3t-passw0rd"
AUTHORIZATION = "Basic " + base64.b64encode(f"{USER}:{SECRET}".encode()).decode()
SECRET_FORMS = (SECRET, AUTHORIZATION.split()[1])  # the password, and as the header carries it


def _catalog(sample_store, files: CogServer, authorization: str | None) -> StacServer:
    footprint = SceneStore(sample_store).find(S2_VIEW).footprint()
    item = earth_search_item("33UUU", ACQUIRED, geometry=footprint, asset_base=files.base_url,
                             assets={"red": "s2/B04.tif", "nir": "s2/B08.tif"})
    stac = StacServer(authorization=authorization)
    stac.add_item("es", item)
    return stac


@pytest.fixture
def private(sample_store, cog_folder):  # noqa: F811
    """A private catalog and its private bucket."""
    with CogServer(cog_folder, authorization=AUTHORIZATION) as files, \
            _catalog(sample_store, files, AUTHORIZATION) as stac:
        yield stac, files


@pytest.fixture
def public(sample_store, cog_folder):  # noqa: F811
    """The same catalog and files, open to anyone."""
    with CogServer(cog_folder) as files, _catalog(sample_store, files, None) as stac:
        yield stac, files


@pytest.fixture
def basic_config(auth_manager) -> str:
    config = QgsAuthMethodConfig("Basic")
    config.setName("private catalog")
    config.setConfig("username", USER)
    config.setConfig("password", SECRET)
    assert auth_manager.storeAuthenticationConfig(config) and config.id()
    return config.id()


@pytest.fixture
def logged(qgis_app):
    """Every message of QGIS's message log during the test."""
    messages: list[str] = []
    log = QgsApplication.messageLog()

    def keep(message: str, tag: str, _level: object) -> None:
        messages.append(f"{tag}: {message}")

    log.messageReceived.connect(keep)
    yield messages
    log.messageReceived.disconnect(keep)


def _crop(plugin, qtbot):
    task = plugin.run_request(lbe_request(S2_VIEW, ["B04", "B08"], AOI, merge=True).to_dict())
    record = plugin.controller.records[0]
    assert record.task is task
    qtbot.waitUntil(lambda: record.status.has_ended, timeout=TASK_TIMEOUT_MS)
    return record


def test_a_private_catalog_with_its_configuration_searches_and_crops_as_an_open_one(
        plugin, qtbot, private, public, basic_config, logged, tmp_path):
    stac, files = private
    settings = PluginSettings()
    settings.scene_folders = [stac.root("es")]
    settings.source_auth = {stac.root("es"): basic_config}
    found, problems = plugin.controller.scene_stores().search(aoi=AOI)
    assert [scene.view_id for scene in found] == [S2_VIEW] and problems == []
    record = _crop(plugin, qtbot)
    assert record.status is TaskStatus.DONE, record.message
    layer = QgsProject.instance().mapLayer(record.layer_ids[0])
    assert isinstance(layer, QgsRasterLayer) and layer.isValid()
    # Every call reached the servers with the credentials: the catalog's (QGIS) and the band files' (GDAL)
    assert stac.log and not any(path.startswith("/files") for _method, path, _query, _body in stac.log)
    assert files.log and all(entry.status in (200, 206) for entry in files.log)
    assert all(entry.headers.get("authorization") == AUTHORIZATION for entry in files.log)

    # The same crop from the same catalog and files open to anyone: the same pixels.
    open_stac, _open_files = public
    settings.scene_folders = [open_stac.root("es")]
    settings.source_auth = {}
    again = _crop(plugin, qtbot)
    assert again.status is TaskStatus.DONE, again.message
    assert_same_raster(QgsProject.instance().mapLayer(again.layer_ids[0]).source(), layer.source())

    # The secret is nowhere: QGIS's log, the tasks' messages, the layers' sources, the saved project.
    project_file = tmp_path / "private.qgs"
    assert QgsProject.instance().write(str(project_file))
    texts = [*logged, record.message or "", again.message or "",
             *(layer.source() for layer in QgsProject.instance().mapLayers().values()),
             project_file.read_text(encoding="utf-8")]
    for secret in SECRET_FORMS:
        assert not any(secret in text for text in texts), secret


def test_without_its_configuration_a_private_catalog_is_refused_naming_it(plugin, qtbot, private, basic_config):
    stac, files = private
    settings = PluginSettings()
    settings.scene_folders = [stac.root("es")]
    record = _crop(plugin, qtbot)
    assert record.status is TaskStatus.FAILED
    assert record.message.endswith(f"the scene source {stac.root('es')} refused access (HTTP 401): it needs "
                                   "credentials"), record.message
    assert not files.log  # no file was asked for


def test_without_the_credentials_on_its_files_a_band_is_refused_naming_its_url(
        qgis_app, private, basic_config, auth_manager):
    """The catalog answers (its configuration applied by QGIS), but the files' server refuses a band
    read without the headers: the error names the file's URL and the refusal."""
    stac, files = private

    catalog_only = UrlSceneSource(stac.root("es"), qgis_transport_for(basic_config, every_call=True))
    with pytest.raises(DataError) as raised:
        LocalBackend(catalog_only).check(lbe_request(S2_VIEW, ["B04"], AOI).validate())
    message = str(raised.value)
    assert files.url("s2/B04.tif") in message and "HTTP 401" in message, message
    assert not any(secret in message for secret in SECRET_FORMS)


def test_the_credentials_are_the_headers_qgis_sets(qgis_app, basic_config):
    credentials = source_credentials(basic_config, "https://stac.example.org/v1")
    assert credentials.headers == (("Authorization", AUTHORIZATION),)
    assert SECRET not in repr(credentials) and AUTHORIZATION not in repr(credentials)
    path = credentials.header_file
    assert path.startswith("/vsimem/") and gdal.VSIStatL(path) is not None  # in memory, never on disk
    del credentials
    gc.collect()
    assert gdal.VSIStatL(path) is None  # the file goes with its credentials


def test_a_web_server_of_scene_folders_is_probed_through_qgis_network(
        qgis_app, http_store_folder, basic_config, tmp_path):  # noqa: F811
    with CogServer(http_store_folder, authorization=AUTHORIZATION) as served:
        [source] = qgis_scene_stores([served.base_url], auth_configs={served.base_url: basic_config}).stores
        scene = source.find(S2_VIEW)
        heads = served.entries(method="HEAD")
        assert heads and {entry.status for entry in heads} == {200, 404}  # missing bands, never refused
        assert all("QGIS" in entry.headers.get("user-agent", "") for entry in heads)  # QGIS's network
        assert all(entry.headers.get("authorization") == AUTHORIZATION for entry in heads)
        assert sorted(scene.band_files) == ["B02", "B03", "B04", "B08"]
        # Without the configuration: refused, naming the source and the refusal
        with pytest.raises(DataError, match=f"^the scene source {served.base_url}/? refused access \\(HTTP 401\\)"):
            qgis_scene_stores([served.base_url]).find(S2_VIEW)
        # The store itself, its probes through QGIS's network, names the file refused
        store = HttpSceneStore(served.base_url, transport=qgis_transport_for())
        with pytest.raises(DataError, match=f"^cannot read {served.base_url}/tiles/.*HTTP 401"):
            store.find(S2_VIEW)


# --- the settings: a URL's authentication configuration ---------------------------------------------------

def _answer_dialog(answer) -> None:
    """Answer the next catalog dialog with `answer(dialog)` once it opens."""
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CatalogDialog):
            QTimer.singleShot(20, look)
            return
        answer(dialog)

    QTimer.singleShot(0, look)


def test_a_catalog_is_added_with_an_authentication_configuration_and_edited(
        isolated_settings, qtbot, basic_config):
    widget = SettingsWidget(PluginSettings(), auto_save=True)
    qtbot.addWidget(widget)
    url = "https://stac.example.org/private"

    def private(dialog: CatalogDialog) -> None:
        assert dialog.auth.configId() == ""  # "No authentication" unless chosen
        dialog.url.setText(url)
        dialog.auth.setConfigId(basic_config)
        dialog.accept()

    _answer_dialog(private)
    menu = widget.add_catalog_button.menu()
    next(action for action in menu.actions() if action.text() == "Other STAC API URL…").trigger()
    settings = PluginSettings()
    assert settings.scene_folders == [url] and settings.source_auth == {url: basic_config}
    item = widget.folder_list.item(0)
    assert item.text() == f"{url} (authentication {basic_config})"
    again = SettingsWidget(PluginSettings(), auto_save=False)  # saved, shown as it was
    qtbot.addWidget(again)
    assert again.source_auth() == {url: basic_config}

    # Double-clicked, the same dialog shows it; "No authentication" chosen, the source has none.
    shown: list[tuple[str, str]] = []

    def public(dialog: CatalogDialog) -> None:
        shown.append(dialog.source())
        dialog.auth.setConfigId("")
        dialog.accept()

    _answer_dialog(public)
    widget.show()
    qtbot.waitExposed(widget)
    centre = widget.folder_list.visualItemRect(item).center()
    # A double-click is a press and release, then the second press (an item view needs the first)
    QTest.mouseClick(widget.folder_list.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(widget.folder_list.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert shown == [(url, basic_config)]
    assert PluginSettings().source_auth == {} and PluginSettings().scene_folders == [url]
    assert widget.folder_list.item(0).text() == url


def test_a_source_whose_configuration_cannot_be_read_says_so_when_used(plugin, qtbot, private, auth_manager):
    stac, _files = private
    settings = PluginSettings()
    settings.scene_folders = [stac.root("es")]
    settings.source_auth = {stac.root("es"): "gone123"}
    with pytest.raises(DataError) as raised:
        plugin.controller.scene_stores().search(aoi=AOI)
    assert str(raised.value).startswith(f"the scene source {stac.root('es')} cannot be used: the authentication "
                                        "configuration gone123 cannot be read"), raised.value
    record = _crop(plugin, qtbot)
    assert record.status is TaskStatus.FAILED and "gone123 cannot be read" in record.message
    assert not stac.log  # nothing was asked of the catalog


def test_a_private_catalogs_listed_scenes_and_thumbnail_are_fetched_with_its_credentials(
        plugin, qtbot, private, basic_config, cog_folder):  # noqa: F811
    stac, files = private
    settings = PluginSettings()
    settings.scene_folders = [stac.root("es")]
    settings.source_auth = {stac.root("es"): basic_config}
    scenes, problems, _more = search_first_pages(plugin.controller.scene_stores(), aoi=AOI)
    assert [scene.view_id for scene in scenes] == [S2_VIEW] and problems == []
    scene = scenes[0]
    assert all(getattr(url, "credentials", None) for url in scene.band_files.values())
    # The item's preview, on the private bucket
    assert scene.thumbnail.startswith(files.base_url)
    path = os.path.join(cog_folder, *scene.thumbnail[len(files.base_url):].strip("/").split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(30, 140, 60))
    assert image.save(path, "JPG")
    try:
        fetcher = ThumbnailFetcher()
        with qtbot.waitSignal(fetcher.ready, timeout=10_000) as shown:
            fetcher.fetch(scene.thumbnail)
        assert shown.args[1].width() == 64
        assert files.log[-1].headers.get("authorization") == AUTHORIZATION
        # The same preview without the source's credentials: refused, so none shows
        with qtbot.waitSignal(fetcher.failed, timeout=10_000):
            fetcher.fetch(str(scene.thumbnail))
        assert files.log[-1].status == 401
    finally:
        os.remove(path)
