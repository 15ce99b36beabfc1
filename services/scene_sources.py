"""The plugin's scene sources as QGIS runs them (the dock, the console API and Processing alike):
folders and URLs (a STAC API or a web server of scene folders: core/sources.py), a catalog's calls
and a web server's probes through QGIS's network (proxy, SSL exceptions, Network Logger:
services/qgis_transport.py), and band files read by GDAL through QGIS's proxy. A URL may have an
authentication configuration of QGIS (a private catalog or bucket): QGIS applies it to the source's
calls, and the headers it sets go with the source's band files (core/http_credentials.py)."""

from __future__ import annotations

import urllib.request
from collections.abc import Mapping, Sequence
from typing import NoReturn
from urllib.parse import quote

from qgis.core import QgsApplication, QgsNetworkAccessManager
from qgis.PyQt.QtCore import QThread, QUrl
from qgis.PyQt.QtNetwork import QNetworkProxy, QNetworkRequest

from ..core.errors import DataError, LoadByExtentError
from ..core.gdal_support import shown_url
from ..core.http_credentials import Credentials
from ..core.http_raster import RemoteReading, is_url
from ..core.i18n import tr
from ..core.remote.transport import Cancelled, Clock, Transport, TransportFactory, thread_bound
from ..core.scenes import SceneStoreSet
from ..core.sources import SceneSource, open_scene_source
from .qgis_transport import qgis_transport_for

ProxyType = QNetworkProxy.ProxyType
# How curl names the proxies QGIS's network settings offer; any other (none, the system's) means
# the environment's proxy, if any. An empty proxy is none at all (curl's own meaning).
_CURL_SCHEMES = {
    ProxyType.HttpProxy: "http",
    ProxyType.HttpCachingProxy: "http",
    ProxyType.Socks5Proxy: "socks5h",  # host names resolved by the proxy, as Qt does
}


def qgis_reading() -> RemoteReading:
    """How GDAL reads band files over HTTP inside QGIS: through the proxy of QGIS's network
    settings (Settings > Options > Network), else the environment's, else none."""
    proxy = QgsNetworkAccessManager.instance().fallbackProxy()
    scheme = _CURL_SCHEMES.get(proxy.type())
    if scheme is None or not proxy.hostName():
        # QGIS sets GDAL's proxy for the whole process when it opens a layer through a proxy, and
        # leaves it set once the proxy is turned off: this thread's options must say it all.
        environment = urllib.request.getproxies()
        return RemoteReading(proxy=environment.get("https") or environment.get("http") or "", proxy_auth="")
    address = f"{scheme}://{proxy.hostName()}" + (f":{proxy.port()}" if proxy.port() > 0 else "")
    credentials = ""
    if proxy.user():  # curl's user:password, each part %-encoded (a ':' in either would split it)
        credentials = f"{quote(proxy.user(), safe='')}:{quote(proxy.password(), safe='')}"
    return RemoteReading(proxy=address, proxy_auth=credentials)


def qgis_scene_stores(roots: Sequence[str], reading: RemoteReading | None = None,
                      auth_configs: Mapping[str, str] | None = None) -> SceneStoreSet:
    """The scene sources `roots` (folders and URLs) with QGIS's network for a catalog's calls and
    `reading` (default: `qgis_reading()`) for band files; a URL of `auth_configs` (root -> the id of
    an authentication configuration) with that configuration on its calls and band files. Main
    thread when a source has a configuration (the authentication database may ask for the master
    password); else a task's thread too. A source whose configuration cannot be read says so when it
    is searched or asked for a scene (UnusableSource)."""
    reading = reading or qgis_reading()
    public = _with_proxy_of_now(qgis_transport_for())
    sources: list[str | SceneSource] = []
    for root in dict.fromkeys(roots):
        config_id = (auth_configs or {}).get(root, "")
        if not config_id or not is_url(root):
            sources.append(root)
            continue
        try:
            credentials = source_credentials(config_id, root)
        except LoadByExtentError as error:  # said when the source is used, as any source's failure
            sources.append(UnusableSource(root, str(error)))
            continue
        transport = _with_proxy_of_now(qgis_transport_for(config_id, every_call=True))
        sources.append(open_scene_source(root, transport, reading, credentials))
    return SceneStoreSet(sources, public, reading)


class UnusableSource:
    """A scene source that cannot be used (its authentication configuration cannot be read): it
    lists nothing, and a search or a find says why."""

    def __init__(self, url: str, problem: str) -> None:
        self.url = url
        self.problem = problem

    @property
    def root(self) -> str:
        return shown_url(self.url)

    def refresh(self) -> None:
        """Nothing to read again."""

    def scenes(self) -> list:
        return []

    def find(self, view_id: str) -> NoReturn:
        raise DataError(tr("the scene source {url} cannot be used: {problem}").format(url=self.root, problem=self.problem))

    def search(self, **_criteria: object) -> NoReturn:
        self.find("")


def source_credentials(config_id: str, url: str) -> Credentials:
    """The headers QGIS's authentication manager sets, with the configuration `config_id`, on a
    request to `url`: what GDAL sends with the source's band files (core/http_credentials.py). Main
    thread only. LoadByExtentError naming the configuration when it cannot be read or applied."""
    from .network import check_config

    check_config(config_id)
    manager = QgsApplication.authManager()
    request = QNetworkRequest(QUrl(url))
    before = {bytes(name): bytes(request.rawHeader(name)) for name in request.rawHeaderList()}
    applied = manager.updateNetworkRequest(request, config_id)
    if isinstance(applied, tuple):  # some bindings return the request with the result
        applied = applied[0]
    if not applied:
        message = tr("the authentication configuration {config} could not be applied to {url}")
        raise LoadByExtentError(message.format(config=config_id, url=shown_url(url)))
    headers = [(bytes(name).decode("latin-1"), bytes(request.rawHeader(name)).decode("latin-1"))
               for name in request.rawHeaderList() if before.get(bytes(name)) != bytes(request.rawHeader(name))]
    return Credentials(headers)


def _with_proxy_of_now(factory: TransportFactory) -> TransportFactory:
    """`factory`, its calls through the proxy QGIS's settings have now. QGIS copies them to a
    thread's network manager once, at the thread's first call: a worker thread of the task manager
    would keep a proxy changed since (or one turned off)."""
    manager = QgsNetworkAccessManager.instance()
    proxy, excludes, direct = QNetworkProxy(manager.fallbackProxy()), list(manager.excludeList()), list(manager.noProxyList())
    built_in = QThread.currentThread()

    def with_proxy(clock: Clock, cancelled: Cancelled | None) -> Transport:
        if QThread.currentThread() is not built_in:
            QgsNetworkAccessManager.instance().setFallbackProxyAndExcludes(proxy, excludes, direct)
        return factory(clock, cancelled)

    with_proxy.thread_bound = thread_bound(factory)  # type: ignore[attr-defined]
    return with_proxy
