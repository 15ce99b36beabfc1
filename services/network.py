"""The remote backend inside QGIS: the key from QGIS's authentication database. Main thread only
(the authentication database may ask for the master password).

The calls themselves go through QGIS's network (services/qgis_transport.py), with QGIS's proxy.
An API Header configuration (QGIS 3.26 and newer) is applied to them by QGIS's authentication
manager, so its key never passes through Python. QGIS sends the secret of a Basic or EsriToken
configuration in headers the API does not read (Authorization, X-Esri-Authorization): that secret
is read here and sent by the client as the API wants it; on QGIS 3.22 to 3.24, which have no API
Header method, that is the only way.
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..core.errors import LoadByExtentError
from ..core.i18n import tr
from ..core.remote.client import KEY_HEADER, ApiKey

HEADER_METHOD = "APIHeader"  # QGIS applies it itself: each of its fields is a header
# The secret of the methods QGIS would send in another form than the API reads.
SECRET_FIELDS = {"EsriToken": "token", "Basic": "password"}
KEY_CONFIG_NAME = "Load By Extent API key"


def api_key_from_auth_config(auth_config_id: str) -> ApiKey | None:
    """The API key of an authentication configuration, or None when QGIS applies the configuration
    to the calls itself (API Header); LoadByExtentError saying what to fix."""
    if not auth_config_id:
        raise LoadByExtentError(
            tr("no API key: choose the authentication configuration that holds it (Settings, Processing API)")
        )
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(auth_config_id, config, True) or not config.method():
        message = tr("the authentication configuration {config} cannot be read (is the master "
                     "password set, and does the configuration still exist?)")
        raise LoadByExtentError(message.format(config=auth_config_id))
    if config.method() == HEADER_METHOD:
        if not any(name.lower() == KEY_HEADER and value for name, value in config.configMap().items()):
            message = tr("the authentication configuration {config} holds no key in its {field} field")
            raise LoadByExtentError(message.format(config=config.name(), field=KEY_HEADER))
        return None
    field = SECRET_FIELDS.get(config.method())
    if field is None:
        message = tr("the authentication configuration {config} uses the method {method}; "
                     "keep the key in a Basic (password), EsriToken or API Header configuration")
        raise LoadByExtentError(message.format(config=config.name(), method=config.method()))
    value = config.config(field, "")
    if not value:
        message = tr("the authentication configuration {config} holds no key in its {field} field")
        raise LoadByExtentError(message.format(config=config.name(), field=field))
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
            raise LoadByExtentError(tr("the key could not be saved in QGIS's authentication database"))
        return existing_id
    config = QgsAuthMethodConfig("Basic")
    config.setName(KEY_CONFIG_NAME)
    config.setConfig("username", "api-key")
    config.setConfig("password", key)
    if not manager.storeAuthenticationConfig(config) or not config.id():
        raise LoadByExtentError(tr("the key could not be saved in QGIS's authentication database (is the master password set?)"))
    return config.id()
