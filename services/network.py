"""The remote backend inside QGIS: the key in QGIS's authentication database. Main thread only
(the authentication database may ask for the master password).

The calls go through QGIS's network (services/qgis_transport.py), and the chosen authentication
configuration, of any method, is applied to them by QGIS's authentication manager
(``updateNetworkRequest``): the plugin reads none of its secrets (its name and method only tell
the plugin's own configuration). The API reads the key from the ``x-api-key`` header only;
QGIS's API Header method (QGIS 3.26 and newer) sends it there, and "Set key…" makes such a
configuration. A Basic configuration that earlier versions of the plugin made is turned into an
API Header one, under the same id, the first time it is used. On QGIS 3.22 to 3.24, which have no method that sends ``x-api-key``, the key of the
plugin's own configuration is the one secret read here (:func:`_own_key_without_header_method`).
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsApplication, QgsAuthManager, QgsAuthMethodConfig

from ..core.errors import LoadByExtentError
from ..core.i18n import tr
from ..core.remote.client import KEY_HEADER, ApiKey

HEADER_METHOD = "APIHeader"  # QGIS applies it itself: each of its fields is a header
OWN_METHOD_WITHOUT_HEADER = "Basic"  # what the plugin keeps its key in where QGIS has no API Header method
KEY_CONFIG_NAME = "Load By Extent API key"  # the name of the plugin's own configuration


@dataclass(frozen=True)
class ApiAuth:
    """How the calls to the API carry the key: the configuration QGIS applies to them, or (QGIS
    3.22 to 3.24, the plugin's own configuration) the key the client sends itself."""

    config_id: str  # applied by QGIS to the calls that carry the key; "" when api_key is sent by the client
    api_key: ApiKey | None
    key_source: str  # where the key comes from, said when the API refuses it


def has_header_method() -> bool:
    """Whether this QGIS has the API Header method (3.26 and newer), which sends the key as the API reads it."""
    return HEADER_METHOD in QgsApplication.authManager().authMethodsKeys()


def api_auth(auth_config_id: str) -> ApiAuth:
    """How the calls carry the key of the configuration `auth_config_id`; LoadByExtentError saying
    what to fix when it is not set, does not exist, or the master password was not given. The
    plugin's own configuration of an earlier version is made an API Header one here, once."""
    manager = QgsApplication.authManager()
    config = _existing_config(manager, auth_config_id)
    if _is_own(config) and config.method() == OWN_METHOD_WITHOUT_HEADER:
        if not has_header_method():
            refused = tr("the key comes from the authentication configuration “{name}” ({config})")
            return ApiAuth("", _own_key_without_header_method(manager, auth_config_id),
                           refused.format(name=config.name(), config=auth_config_id))
        _make_own_config_send_the_header(manager, auth_config_id)
    refused = tr("the key comes from the authentication configuration “{name}” ({config}), which QGIS applies "
                 "to each call; the API reads the key from the {header} header only: an API Header "
                 "configuration whose header {header} holds the key sends it so (“Set key…” makes one)")
    return ApiAuth(auth_config_id, None, refused.format(name=config.name(), config=auth_config_id, header=KEY_HEADER))


def store_api_key(key: str, existing_id: str = "") -> str:
    """Keep `key` in QGIS's authentication database, in the plugin's own configuration (API Header
    with the header x-api-key; Basic, the key as password, where QGIS has no API Header method), and
    return its id; updates `existing_id` when it is the plugin's own. A key no API would take (a
    line break, a space...) is refused here, not at its first use."""
    key = ApiKey(key).reveal()
    manager = QgsApplication.authManager()
    if has_header_method():
        config = QgsAuthMethodConfig(HEADER_METHOD)
        config.setConfig(KEY_HEADER, key)
    else:
        config = QgsAuthMethodConfig(OWN_METHOD_WITHOUT_HEADER)
        config.setConfig("username", "api-key")
        config.setConfig("password", key)
    config.setName(KEY_CONFIG_NAME)
    existing = QgsAuthMethodConfig()
    if existing_id and manager.loadAuthenticationConfig(existing_id, existing, False) and _is_own(existing):
        config.setId(existing_id)
        # the method may change (Basic to API Header): QGIS forgets what it cached of the configuration
        if not manager.updateAuthenticationConfig(config):
            raise LoadByExtentError(tr("the key could not be saved in QGIS's authentication database"))
        return existing_id
    if not manager.storeAuthenticationConfig(config) or not config.id():
        raise LoadByExtentError(tr("the key could not be saved in QGIS's authentication database (is the master password set?)"))
    return config.id()


def check_config(auth_config_id: str) -> None:
    """LoadByExtentError saying what to fix when the configuration `auth_config_id` does not exist or
    the master password was not given (QGIS then applies it on any thread without asking)."""
    _existing_config(QgsApplication.authManager(), auth_config_id)


def _existing_config(manager: QgsAuthManager, auth_config_id: str) -> QgsAuthMethodConfig:
    """The configuration's name and method (not its secret), once the master password is given:
    QGIS then applies the configuration on the tasks' threads without asking for it."""
    if not auth_config_id:
        raise LoadByExtentError(
            tr("no API key: choose the authentication configuration that holds it (Settings, Processing API)")
        )
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(auth_config_id, config, False) or not config.method() \
            or not manager.setMasterPassword(True):
        raise _cannot_read(auth_config_id)
    return config


def _cannot_read(auth_config_id: str) -> LoadByExtentError:
    message = tr("the authentication configuration {config} cannot be read (is the master "
                 "password set, and does the configuration still exist?)")
    return LoadByExtentError(message.format(config=auth_config_id))


def _is_own(config: QgsAuthMethodConfig) -> bool:
    return config.name() == KEY_CONFIG_NAME and config.method() in (HEADER_METHOD, OWN_METHOD_WITHOUT_HEADER)


def _make_own_config_send_the_header(manager: QgsAuthManager, auth_config_id: str) -> None:
    """The plugin's own Basic configuration (earlier versions), made an API Header one under the
    same id, so the settings and the user's choice stay as they are."""
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(auth_config_id, config, True):
        raise _cannot_read(auth_config_id)
    store_api_key(config.config("password", ""), auth_config_id)


def _own_key_without_header_method(manager: QgsAuthManager, auth_config_id: str) -> ApiKey:
    """The key of the plugin's own Basic configuration, for the client to send as the API reads it.

    Only where QGIS has no API Header method (3.22 to 3.24): no method of those versions sends the
    ``x-api-key`` header (Basic sends ``Authorization``, which the API does not read), so this is
    the one place the plugin reads a secret of the authentication database."""
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(auth_config_id, config, True) or not config.config("password", ""):
        message = tr("the authentication configuration {config} holds no key in its {field} field")
        raise LoadByExtentError(message.format(config=config.name() or auth_config_id, field="password"))
    return ApiKey(config.config("password", ""))
