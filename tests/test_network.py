"""Inside QGIS: the API key from the authentication database, and every call through QGIS's network:
its proxy, and the authentication configuration applied by QGIS."""

from __future__ import annotations

import dataclasses
import http.client
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from fake_api import FakeApi, Redirect, Started
from load_by_extent.core.errors import LoadByExtentError, TaskCancelled
from load_by_extent.core.remote.client import InvalidApiKey, KeyRejected, RemoteClient
from load_by_extent.core.request import TaskRequest
from load_by_extent.services.backends import remote_config
from load_by_extent.services.network import api_key_from_auth_config, store_api_key
from load_by_extent.services.settings import PluginSettings
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsNetworkAccessManager, QgsSettings, QgsTask

KEY = "apk.test-0123456789abcdef"
PROXY_KEYS = ("proxy/proxyEnabled", "proxy/proxyType", "proxy/proxyHost", "proxy/proxyPort", "proxy/proxyUser",
              "proxy/proxyPassword", "proxy/proxyExcludedUrls")
LBE = {"type": "lbe", "params": {"view_id": "S2/13/R/EL/2023/7/19/0", "bands": ["B04"], "reference": "in-a-task",
                                 "geometry": {"type": "Polygon", "coordinates": [[[10, 50], [10.1, 50], [10.1, 50.1],
                                                                                 [10, 50]]]}}}
HAS_API_HEADER = "APIHeader" in QgsApplication.authManager().authMethodsKeys()  # QGIS 3.26 and newer


class RecordingProxy:
    """A forward HTTP proxy on 127.0.0.1: relays each request to its host and keeps what it saw."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, dict]] = []
        proxy = self

        class Relay(BaseHTTPRequestHandler):
            def _relay(self) -> None:
                target = urlsplit(self.path)  # a proxy gets the absolute URL
                headers = {name: value for name, value in self.headers.items()
                           if name.lower() not in ("proxy-connection", "proxy-authorization", "connection")}
                proxy.seen.append((self.command, self.path, {k.lower(): v for k, v in headers.items()}))
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=10)
                path = target.path + (f"?{target.query}" if target.query else "")
                upstream.request(self.command, path, body=body or None, headers=headers)
                answer = upstream.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data)
                upstream.close()

            do_GET = do_POST = _relay

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Relay)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> RecordingProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def proxy_settings(qgis_app):
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in PROXY_KEYS}
    yield settings
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


def _use_proxy(settings: QgsSettings, enabled: bool, port: int, excluded: list[str] | None = None) -> None:
    settings.setValue("proxy/proxyEnabled", enabled)
    settings.setValue("proxy/proxyType", "HttpProxy")
    settings.setValue("proxy/proxyHost", "127.0.0.1")
    settings.setValue("proxy/proxyPort", str(port))
    settings.setValue("proxy/proxyUser", "")
    settings.setValue("proxy/proxyPassword", "")
    settings.setValue("proxy/proxyExcludedUrls", excluded or [])
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


@pytest.fixture
def settings_with(isolated_settings, auth_manager):
    """PluginSettings pointing at `api`, with the key in an authentication configuration of `method`."""

    def make(api: FakeApi, method: str, fields: dict[str, str]) -> PluginSettings:
        config = QgsAuthMethodConfig(method)
        config.setName(f"{method} for tests")
        for name, value in fields.items():
            config.setConfig(name, value)
        assert auth_manager.storeAuthenticationConfig(config)
        settings = PluginSettings()
        settings.api_url = api.api_url
        settings.search_url = api.search_url
        settings.auth_config_id = config.id()
        return settings

    return make


def _check(settings: PluginSettings) -> str:
    with RemoteClient(remote_config(settings)) as client:
        return client.check_connection()


def test_calls_go_through_the_proxy_of_qgis_network_settings(proxy_settings, settings_with):
    with FakeApi(KEY) as api, RecordingProxy() as proxy:
        settings = settings_with(api, "Basic", {"username": "api-key", "password": KEY})
        _use_proxy(proxy_settings, True, proxy.port)
        assert "accepted the key" in _check(settings)
        assert [(method, path.split("?")[0]) for method, path, _ in proxy.seen] == [
            ("GET", f"{api.api_url}/api/00000000-0000-0000-0000-000000000000")]
        assert len(api.log) == 1


def test_an_excluded_url_and_no_proxy_go_direct(proxy_settings, settings_with):
    with FakeApi(KEY) as api, RecordingProxy() as proxy:
        settings = settings_with(api, "Basic", {"username": "api-key", "password": KEY})
        _use_proxy(proxy_settings, True, proxy.port, excluded=[api.api_url])
        assert "accepted the key" in _check(settings)
        _use_proxy(proxy_settings, False, proxy.port)
        assert "accepted the key" in _check(settings)
        assert proxy.seen == [] and len(api.log) == 2


def test_an_api_header_configuration_is_applied_by_qgis(settings_with):
    if not HAS_API_HEADER:  # QGIS before 3.26: no such method, Basic and EsriToken carry the key
        assert "APIHeader" not in QgsApplication.authManager().authMethodsKeys()
        return
    with FakeApi(KEY) as api:
        settings = settings_with(api, "APIHeader", {"x-api-key": KEY})
        assert api_key_from_auth_config(settings.auth_config_id) is None  # the key stays in QGIS
        assert "accepted the key" in _check(settings)
        (record,) = api.log
        assert record.headers["x-api-key"] == KEY and "api_key" not in record.query


def test_without_api_header_qgis_has_no_method_that_sends_the_key_as_the_api_reads_it():
    # Were one added (a header method before 3.26, or a query-parameter method), it would be applied
    # by QGIS like APIHeader: this test names what each version has.
    methods = set(QgsApplication.authManager().authMethodsKeys())
    assert ("APIHeader" in methods) == HAS_API_HEADER and {"Basic", "EsriToken"} <= methods


@pytest.mark.parametrize("method, fields", [("Basic", {"username": "api-key", "password": KEY}),
                                            ("EsriToken", {"token": KEY})])
def test_a_basic_or_esri_token_key_is_sent_as_the_api_reads_it(settings_with, method, fields):
    with FakeApi(KEY) as api:
        settings = settings_with(api, method, fields)
        assert "accepted the key" in _check(settings)
        (record,) = api.log
        assert record.headers["x-api-key"] == KEY and record.query["api_key"] == KEY


def test_a_wrong_key_in_an_api_header_or_basic_configuration_is_rejected(settings_with):
    with FakeApi(KEY) as api:
        configs = [("Basic", {"username": "api-key", "password": "wrong-0123"})]
        if HAS_API_HEADER:
            configs.append(("APIHeader", {"x-api-key": "wrong-0123"}))
        for method, fields in configs:
            with pytest.raises(KeyRejected) as caught:
                _check(settings_with(api, method, fields))
            assert "wrong-0123" not in str(caught.value)


def test_a_key_stored_through_the_plugin_is_read_back_and_only_its_id_is_kept(auth_manager):
    config_id = store_api_key(KEY)
    assert config_id and KEY not in config_id
    assert api_key_from_auth_config(config_id).reveal() == KEY
    # storing again updates the same configuration rather than making another
    assert store_api_key(KEY + "-2", config_id) == config_id
    assert api_key_from_auth_config(config_id).reveal() == KEY + "-2"
    assert str(api_key_from_auth_config(config_id)) == "ApiKey(***)"
    auth_manager.removeAuthenticationConfig(config_id)


def test_a_key_no_api_would_take_is_refused_before_it_is_stored(auth_manager):
    before = set(auth_manager.configIds())
    with pytest.raises(InvalidApiKey) as raised:
        store_api_key(KEY + "\nsecond-line")
    assert KEY not in str(raised.value) and "second-line" not in str(raised.value)
    assert set(auth_manager.configIds()) == before


def test_an_esri_token_configuration_holds_the_key_as_its_token(auth_manager):
    config = QgsAuthMethodConfig("EsriToken")
    config.setName("token for tests")
    config.setConfig("token", KEY)
    assert auth_manager.storeAuthenticationConfig(config)
    try:
        assert api_key_from_auth_config(config.id()).reveal() == KEY
    finally:
        auth_manager.removeAuthenticationConfig(config.id())


def test_no_configuration_or_an_unknown_one_says_what_to_do(auth_manager):
    with pytest.raises(LoadByExtentError, match="no API key"):
        api_key_from_auth_config("")
    with pytest.raises(LoadByExtentError, match="cannot be read"):
        api_key_from_auth_config("nosuch1")


def test_a_configuration_of_another_method_is_refused_with_a_hint(auth_manager):
    config = QgsAuthMethodConfig("PKI-Paths")
    config.setName("a certificate")
    config.setConfig("certpath", "/nonexistent.pem")
    config.setConfig("keypath", "/nonexistent.key")
    assert auth_manager.storeAuthenticationConfig(config)
    try:
        with pytest.raises(LoadByExtentError, match="Basic .password., EsriToken or API Header"):
            api_key_from_auth_config(config.id())
    finally:
        auth_manager.removeAuthenticationConfig(config.id())




class ClientTask(QgsTask):
    """Runs `work(task)` on a worker thread of QGIS's task manager, as the plugin's tasks do; the
    task is the client's feedback (its isCanceled). What it did is kept in `seen`: the task manager
    deletes the task once it ends (the test holds the task until it is added: addTask takes it over)."""

    def __init__(self, work, seen: dict) -> None:
        super().__init__("remote client in a task", QgsTask.Flag.CanCancel)
        self.work = work
        self.seen = seen

    def run(self) -> bool:
        self.seen["thread"] = threading.current_thread()
        try:
            self.seen["outcome"] = self.work(self)
        except Exception as error:  # the test reads it
            self.seen["outcome"] = error
        return True


def test_qgis_network_works_from_a_task_worker_thread_and_honours_a_cancel(settings_with, qtbot, tmp_path):
    with FakeApi(KEY) as api:
        config = dataclasses.replace(
            remote_config(settings_with(api, "Basic", {"username": "api-key", "password": KEY})), poll_interval=0.01)
        api.add_file("crop.tif", b"II*\x00" + bytes(300_000))
        api.script([Started(), Redirect("crop.tif")])

        def fetch(task):
            with RemoteClient(config, task) as client:
                created = client.create(TaskRequest(LBE))
                return client.download(client.wait(created).location, str(tmp_path), "crop")

        fetched: dict = {}
        fetching = ClientTask(fetch, fetched)
        QgsApplication.taskManager().addTask(fetching)
        qtbot.waitUntil(lambda: "outcome" in fetched, timeout=30000)
        assert fetched["thread"] is not threading.main_thread()
        assert fetched["outcome"] == str(tmp_path / "crop.tif"), fetched["outcome"]
        assert os.path.getsize(fetched["outcome"]) == 300_004

        api.script([Started()])  # the last step repeats: only the cancel ends the wait

        def wait_for_ever(task):
            with RemoteClient(config, task) as client:
                return client.wait(client.create(TaskRequest(LBE)))

        waited: dict = {}
        waiting = ClientTask(wait_for_ever, waited)
        QgsApplication.taskManager().addTask(waiting)
        qtbot.waitUntil(lambda: len(api.tasks) == 2 and api.task().polls >= 2, timeout=30000)
        waiting.cancel()
        qtbot.waitUntil(lambda: "outcome" in waited, timeout=30000)
        assert isinstance(waited["outcome"], TaskCancelled)
