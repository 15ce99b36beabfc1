"""The remote backend inside QGIS: the key from QGIS's authentication database, the proxy from
QGIS's network settings. Main thread only (the authentication database may ask for the master
password); the values are handed to the task as copies."""

from __future__ import annotations

import fnmatch
from urllib.parse import quote, urlsplit

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsNetworkAccessManager
from qgis.PyQt.QtNetwork import QNetworkProxy

from ..core.errors import LbeError
from ..core.i18n import tr
from ..core.remote.client import ApiKey

# Where each authentication method keeps a secret we can send as the API key. "APIHeader" exists
# from QGIS 3.26 (its header x-api-key), "EsriToken" keeps a token, "Basic" a password.
KEY_FIELDS = {"APIHeader": "x-api-key", "EsriToken": "token", "Basic": "password"}
KEY_CONFIG_NAME = "Load By Extent API key"


def api_key_from_auth_config(auth_config_id: str) -> ApiKey:
    """The API key of an authentication configuration; LbeError saying what to fix."""
    if not auth_config_id:
        raise LbeError(
            tr("no API key: choose the authentication configuration that holds it (Settings, Processing API)")
        )
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(auth_config_id, config, True) or not config.method():
        message = tr("the authentication configuration {config} cannot be read (is the master "
                     "password set, and does the configuration still exist?)")
        raise LbeError(message.format(config=auth_config_id))
    field = KEY_FIELDS.get(config.method())
    if field is None:
        message = tr("the authentication configuration {config} uses the method {method}; "
                     "keep the key in a Basic (password), EsriToken or API Header configuration")
        raise LbeError(message.format(config=config.name(), method=config.method()))
    value = config.config(field, "")
    if not value and config.method() == "APIHeader":  # header names are case-insensitive
        value = next((v for k, v in config.configMap().items() if k.lower() == field), "")
    if not value:
        message = tr("the authentication configuration {config} holds no key in its {field} field")
        raise LbeError(message.format(config=config.name(), field=field))
    return ApiKey(value)


def store_api_key(key: str, existing_id: str = "") -> str:
    """Keep `key` in QGIS's authentication database (a Basic configuration whose password is the
    key) and return the configuration's id; updates `existing_id` when it is ours. A key no API
    would take (a line break, a space...) is refused here, not at its first use."""
    key = ApiKey(key).reveal()
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig("Basic")
    if existing_id and manager.loadAuthenticationConfig(existing_id, config, True) and config.method() == "Basic" \
            and config.name() == KEY_CONFIG_NAME:
        config.setConfig("password", key)
        if not manager.updateAuthenticationConfig(config):
            raise LbeError(tr("the key could not be saved in QGIS's authentication database"))
        return existing_id
    config = QgsAuthMethodConfig("Basic")
    config.setName(KEY_CONFIG_NAME)
    config.setConfig("username", "api-key")
    config.setConfig("password", key)
    if not manager.storeAuthenticationConfig(config) or not config.id():
        raise LbeError(tr("the key could not be saved in QGIS's authentication database (is the master password set?)"))
    return config.id()


def proxies_for(url: str) -> dict | None:
    """A requests proxies mapping from QGIS's network settings for `url`; None lets requests use
    the system's (environment) proxies."""
    manager = QgsNetworkAccessManager.instance()
    host = urlsplit(url).hostname or ""
    excluded = list(manager.excludeList()) + list(getattr(manager, "noProxyList", lambda: [])())
    for pattern in excluded:
        pattern = pattern.strip()
        if pattern and (url.startswith(pattern) or fnmatch.fnmatch(host, pattern.split("://")[-1].split("/")[0])):
            return {}
    if manager.useSystemProxy():
        return None
    proxy = manager.fallbackProxy()
    kinds = {QNetworkProxy.ProxyType.HttpProxy: "http", QNetworkProxy.ProxyType.HttpCachingProxy: "http", QNetworkProxy.ProxyType.Socks5Proxy: "socks5h"}
    scheme = kinds.get(proxy.type())
    if scheme is None or not proxy.hostName():
        return {}  # no proxy configured: direct, whatever the environment says
    credentials = ""
    if proxy.user():
        credentials = f"{quote(proxy.user(), safe='')}:{quote(proxy.password(), safe='')}@"
    address = f"{scheme}://{credentials}{proxy.hostName()}:{proxy.port()}"
    return {"http": address, "https": address}
