"""The plugin's scene sources as QGIS runs them (the dock, the console API and Processing alike):
folders and URLs (a STAC API or a web server of scene folders: core/sources.py), a catalog's calls
through QGIS's network (proxy, SSL exceptions, Network Logger: services/qgis_transport.py), and
band files read by GDAL through QGIS's proxy."""

from __future__ import annotations

import urllib.request
from collections.abc import Sequence
from urllib.parse import quote

from qgis.core import QgsNetworkAccessManager
from qgis.PyQt.QtCore import QThread
from qgis.PyQt.QtNetwork import QNetworkProxy

from ..core.http_raster import RemoteReading
from ..core.remote.transport import Cancelled, Clock, Transport, TransportFactory
from ..core.scenes import SceneStoreSet
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


def qgis_scene_stores(roots: Sequence[str], reading: RemoteReading | None = None) -> SceneStoreSet:
    """The scene sources `roots` (folders and URLs) with QGIS's network for a catalog's calls and
    `reading` (default: `qgis_reading()`) for band files. Main thread or a task's alike."""
    return SceneStoreSet(list(roots), _with_proxy_of_now(qgis_transport_for()), reading or qgis_reading())


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

    return with_proxy
