"""Inside QGIS: the API key from the authentication database, and every call through QGIS's network:
its proxy, and the authentication configuration applied by QGIS."""

from __future__ import annotations

import base64
import dataclasses
import http.client
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from fake_api import FakeApi, Redirect, Started
from load_by_extent.core.errors import LoadByExtentError, TaskCancelled
from load_by_extent.core.remote.client import InvalidApiKey, KeyRejected, RemoteClient
from load_by_extent.core.request import TaskRequest
from load_by_extent.services.backends import remote_config
from load_by_extent.services.network import KEY_CONFIG_NAME, api_auth, has_header_method, store_api_key
from load_by_extent.services.settings import PluginSettings
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsNetworkAccessManager, QgsSettings, QgsTask

KEY = "apk.test-0123456789abcdef"
PROXY_KEYS = ("proxy/proxyEnabled", "proxy/proxyType", "proxy/proxyHost", "proxy/proxyPort", "proxy/proxyUser",
              "proxy/proxyPassword", "proxy/proxyExcludedUrls")
LBE = {"type": "lbe", "params": {"view_id": "S2/13/R/EL/2023/7/19/0", "bands": ["B04"], "reference": "in-a-task",
                                 "geometry": {"type": "Polygon", "coordinates": [[[10, 50], [10.1, 50], [10.1, 50.1],
                                                                                 [10, 50]]]}}}


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
                # A HEAD's answer has no body: its length is the upstream's
                length = answer.getheader("Content-Length", "0") if self.command == "HEAD" else str(len(data))
                self.send_header("Content-Length", length)
                self.send_header("Connection", "close")
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)
                upstream.close()

            do_GET = do_POST = do_HEAD = _relay

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
    """PluginSettings pointing at `api`, with the key in an authentication configuration of
    `method` (None: the plugin's own, made as "Set key…" makes it)."""

    def make(api: FakeApi, method: str | None = None, fields: dict[str, str] | None = None,
             name: str = "") -> PluginSettings:
        settings = PluginSettings()
        settings.api_url = api.api_url
        settings.search_url = api.search_url
        if method is None:
            settings.auth_config_id = store_api_key(KEY)
            return settings
        config = QgsAuthMethodConfig(method)
        config.setName(name or f"{method} for tests")
        for field, value in (fields or {}).items():
            config.setConfig(field, value)
        assert auth_manager.storeAuthenticationConfig(config)
        settings.auth_config_id = config.id()
        return settings

    return make


@pytest.fixture
def qgis_log(qgis_app):
    """Every message of QGIS's message log while the test runs."""
    said: list[str] = []

    def keep(message: str, tag: str, level) -> None:
        said.append(f"{tag}: {message}")

    log = QgsApplication.messageLog()
    log.messageReceived.connect(keep)
    yield said
    log.messageReceived.disconnect(keep)


def _check(settings: PluginSettings) -> str:
    with RemoteClient(remote_config(settings)) as client:
        return client.check_connection()


def _loaded(auth_manager, config_id: str) -> QgsAuthMethodConfig:
    config = QgsAuthMethodConfig()
    assert auth_manager.loadAuthenticationConfig(config_id, config, True)
    return config


def test_calls_go_through_the_proxy_of_qgis_network_settings(proxy_settings, settings_with):
    with FakeApi(KEY) as api, RecordingProxy() as proxy:
        settings = settings_with(api)
        _use_proxy(proxy_settings, True, proxy.port)
        assert "accepted the key" in _check(settings)
        assert [(method, path.split("?")[0]) for method, path, _ in proxy.seen] == [
            ("GET", f"{api.api_url}/api/00000000-0000-0000-0000-000000000000")]
        assert len(api.log) == 1


def test_an_excluded_url_and_no_proxy_go_direct(proxy_settings, settings_with):
    with FakeApi(KEY) as api, RecordingProxy() as proxy:
        settings = settings_with(api)
        _use_proxy(proxy_settings, True, proxy.port, excluded=[api.api_url])
        assert "accepted the key" in _check(settings)
        _use_proxy(proxy_settings, False, proxy.port)
        assert "accepted the key" in _check(settings)
        assert proxy.seen == [] and len(api.log) == 2


def test_the_key_set_in_the_plugin_is_applied_by_qgis_where_qgis_has_an_api_header_method(
        settings_with, auth_manager, qgis_log):
    with FakeApi(KEY) as api:
        settings = settings_with(api)
        config = _loaded(auth_manager, settings.auth_config_id)
        config_id = settings.auth_config_id
        assert config.name() == KEY_CONFIG_NAME and KEY not in config_id
        remote = remote_config(settings)
        assert "accepted the key" in _check(settings)
        (record,) = api.log
        assert record.headers["x-api-key"] == KEY
        if has_header_method():  # QGIS 3.26 and newer: the key never passes through the plugin's Python
            assert config.method() == "APIHeader" and config.configMap() == {"x-api-key": KEY}
            assert remote.api_key is None
            assert "api_key" not in record.query and "authorization" not in record.headers
        else:  # QGIS 3.22-3.24: the plugin's own Basic configuration, its key sent by the client
            assert config.method() == "Basic" and config.config("password") == KEY
            assert remote.api_key.reveal() == KEY
            assert record.query["api_key"] == KEY and "authorization" not in record.headers
        assert KEY not in repr(remote) and KEY not in remote.key_source
        assert not any(KEY in message for message in qgis_log)


def test_setting_the_key_again_updates_the_same_configuration_and_qgis_sends_the_new_key(
        settings_with, auth_manager):
    with FakeApi(KEY + "-2") as api:
        settings = settings_with(api)
        config_id = settings.auth_config_id
        with pytest.raises(KeyRejected):
            _check(settings)  # QGIS applied (and may have cached) the first key
        assert store_api_key(KEY + "-2", config_id) == config_id
        assert "accepted the key" in _check(settings)
        assert api.log[-1].headers["x-api-key"] == KEY + "-2"
        assert _loaded(auth_manager, config_id).name() == KEY_CONFIG_NAME


def test_the_basic_configuration_of_earlier_versions_is_made_an_api_header_one_once(settings_with, auth_manager):
    with FakeApi(KEY) as api:
        # as earlier versions of the plugin saved the key
        settings = settings_with(api, "Basic", {"username": "api-key", "password": KEY}, name=KEY_CONFIG_NAME)
        config_id = settings.auth_config_id
        before = set(auth_manager.configIds())
        assert "accepted the key" in _check(settings)
        assert "accepted the key" in _check(settings)
        config = _loaded(auth_manager, config_id)
        assert PluginSettings().auth_config_id == config_id and set(auth_manager.configIds()) == before
        assert config.name() == KEY_CONFIG_NAME
        assert [record.headers["x-api-key"] for record in api.log] == [KEY, KEY]
        if has_header_method():  # made an API Header configuration under the same id: QGIS applies it
            assert config.method() == "APIHeader" and config.configMap() == {"x-api-key": KEY}
            assert remote_config(settings).api_key is None
            assert all("api_key" not in record.query and "authorization" not in record.headers
                       for record in api.log)
        else:  # nothing to make it: it stays, and its key is sent by the client
            assert config.method() == "Basic" and config.config("password") == KEY
            assert all(record.query["api_key"] == KEY for record in api.log)


def test_an_api_header_configuration_of_the_user_is_applied_by_qgis(settings_with):
    if not has_header_method():  # QGIS before 3.26: no such method
        assert "APIHeader" not in QgsApplication.authManager().authMethodsKeys()
        return
    with FakeApi(KEY) as api:
        settings = settings_with(api, "APIHeader", {"x-api-key": KEY, "x-other": "yes"})
        assert remote_config(settings).api_key is None  # the key stays in QGIS
        assert "accepted the key" in _check(settings)
        (record,) = api.log
        assert record.headers["x-api-key"] == KEY and record.headers["x-other"] == "yes"
        assert "api_key" not in record.query


def test_without_api_header_qgis_has_no_method_that_sends_the_key_as_the_api_reads_it():
    # Were one added (a header method before 3.26, or a query-parameter method), QGIS would apply it
    # like APIHeader: this test names what each version has.
    methods = set(QgsApplication.authManager().authMethodsKeys())
    assert ("APIHeader" in methods) == has_header_method() and {"Basic", "EsriToken"} <= methods


@pytest.mark.parametrize("method, fields, sent_as", [
    ("Basic", {"username": "api-key", "password": KEY}, "authorization"),
    ("EsriToken", {"token": KEY}, "x-esri-authorization"),
])
def test_a_configuration_of_another_method_is_applied_by_qgis_and_a_refusal_says_where_the_api_reads_the_key(
        settings_with, method, fields, sent_as, qgis_log):
    with FakeApi(KEY) as api:
        settings = settings_with(api, method, fields)
        assert remote_config(settings).api_key is None  # the plugin reads no secret of it
        with pytest.raises(KeyRejected) as caught:
            _check(settings)
        (record,) = api.log
        sent = record.headers[sent_as]  # QGIS sent it as that method does
        assert KEY in (base64.b64decode(sent.split()[-1]).decode() if method == "Basic" else sent)
        assert "x-api-key" not in record.headers and "api_key" not in record.query
        message = str(caught.value)
        assert f"“{method} for tests” ({settings.auth_config_id})" in message
        assert "x-api-key header" in message and "API Header configuration" in message
        assert KEY not in message
        assert not any(KEY in said for said in qgis_log)


def test_a_wrong_key_of_the_plugin_or_in_an_api_header_configuration_is_rejected(settings_with, auth_manager):
    with FakeApi(KEY) as api:
        settings = settings_with(api)
        store_api_key("wrong-0123", settings.auth_config_id)
        configs = [settings]
        if has_header_method():
            configs.append(settings_with(api, "APIHeader", {"x-api-key": "wrong-0123"}))
        for wrong in configs:
            with pytest.raises(KeyRejected) as caught:
                _check(wrong)
            name = _loaded(auth_manager, wrong.auth_config_id).name()
            assert f"“{name}” ({wrong.auth_config_id})" in str(caught.value)
            assert "wrong-0123" not in str(caught.value)


def test_a_key_no_api_would_take_is_refused_before_it_is_stored(auth_manager):
    before = set(auth_manager.configIds())
    with pytest.raises(InvalidApiKey) as raised:
        store_api_key(KEY + "\nsecond-line")
    assert KEY not in str(raised.value) and "second-line" not in str(raised.value)
    assert set(auth_manager.configIds()) == before


def test_no_configuration_or_an_unknown_one_says_what_to_do(auth_manager):
    with pytest.raises(LoadByExtentError, match="no API key"):
        api_auth("")
    with pytest.raises(LoadByExtentError, match="cannot be read"):
        api_auth("nosuch1")


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
            remote_config(settings_with(api)), poll_interval=0.01)
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


def test_an_answer_closed_after_its_thread_ended_touches_nothing_qt_deleted(qgis_app):
    """A reply belongs to its thread's network manager, which Qt deletes, replies and all, when the
    thread ends (a task's pool thread retiring): closing the answer later must not touch the reply."""
    from load_by_extent.services.qgis_transport import QgisTransport
    from qgis.PyQt.QtCore import QThread

    with FakeApi(KEY) as api:
        kept: dict = {}

        class Worker(QThread):
            def run(self) -> None:
                transport = QgisTransport(time.monotonic)
                kept["answer"] = transport.send("GET", f"{api.api_url}/", headers={}, params=None, json_body=None,
                                                timeout=5, deadline=None)

        worker = Worker()
        worker.start()
        assert worker.wait(30000)
        answer = kept["answer"]
        assert answer.status > 0  # the head came while the thread lived
        assert answer._reply_gone  # Qt deleted the reply with the thread's network manager
        answer.close()  # used to touch the deleted reply: a crash, or "QNetworkReply has been deleted"
        assert answer._reply is None


def test_a_reply_qt_deletes_under_a_read_is_a_cut_connection_not_a_runtime_error(qgis_app):
    """However a reply goes (its thread's network manager deleted, a deferred delete run by a nested
    event loop), reading its answer then is a cut connection, which the client retries or names."""
    from load_by_extent.core.remote.transport import BodyCut
    from load_by_extent.services.qgis_transport import QgisTransport
    from qgis.PyQt import sip
    from qgis.PyQt.QtCore import QThread

    with FakeApi(KEY) as api:
        outcome: dict = {}

        class Worker(QThread):
            def run(self) -> None:
                transport = QgisTransport(time.monotonic)
                answer = transport.send("GET", f"{api.api_url}/", headers={}, params=None, json_body=None,
                                        timeout=5, deadline=None)
                sip.delete(answer._reply)  # what Qt does to a reply whose manager goes
                try:
                    outcome["chunks"] = list(answer.chunks(1024, None))
                except Exception as error:  # the test looks at which
                    outcome["error"] = error
                answer.close()

        worker = Worker()
        worker.start()
        assert worker.wait(30000)
        assert isinstance(outcome.get("error"), BodyCut), outcome
