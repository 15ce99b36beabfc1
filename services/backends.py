"""The backends as QGIS runs them (the dock, the console API and Processing alike): the remote
API configured from the plugin's settings, its calls through QGIS's network (proxy, SSL
exceptions, Network Logger) with the authentication configuration applied by QGIS, and one ledger
of remote tasks in the QGIS profile. Main thread only (the authentication database may ask for the
master password)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from qgis.core import QgsApplication

from ..core.errors import LoadByExtentError
from ..core.i18n import tr
from ..core.local import LocalBackend
from ..core.remote.backend import RemoteBackend
from ..core.remote.client import RemoteConfig
from ..core.remote.ledger import TaskLedger
from .qgis_transport import qgis_transport_for
from .scene_sources import qgis_reading
from .settings import PluginSettings

if TYPE_CHECKING:
    from ..core.scenes import SceneStoreSet


def default_qgis_ledger_path() -> str:
    """The remote tasks' ledger, in the QGIS profile (it moves with the profile)."""
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "load_by_extent", "remote-tasks.json")


def local_backend(stores: SceneStoreSet, field: str | None = None) -> LocalBackend:
    """The local processor on `stores`, for the dock, the console API and Processing alike, reading
    band files over HTTP through QGIS's proxy; LoadByExtentError (naming `field`, Processing's
    SCENES) when there is no scene source."""
    if not stores.stores:
        raise LoadByExtentError(tr("no scene folder is set: add one in the plugin's settings"), field)
    return LocalBackend(stores, qgis_reading())


def remote_config(settings: PluginSettings, api_url: str | None = None) -> RemoteConfig:
    """The API at `api_url` (default: the settings'), the settings' auth config, QGIS's network."""
    from .network import api_auth

    auth = api_auth(settings.auth_config_id)
    return RemoteConfig(
        api_url=api_url or settings.api_url,
        api_key=auth.api_key,
        key_source=auth.key_source,
        search_url=settings.search_url,
        max_wait=None if settings.max_wait_hours is None else settings.max_wait_hours * 3600,
        transport=qgis_transport_for(auth.config_id),
    )


def remote_backend(settings: PluginSettings, ledger_path: str, api_url: str | None = None, force: bool = False,
                   resume_task_id: str | None = None, config: RemoteConfig | None = None) -> RemoteBackend:
    """The remote backend; an identical recent request is reused unless `force` or the settings say not to."""
    return RemoteBackend(config or remote_config(settings, api_url), TaskLedger(ledger_path),
                         force=force or not settings.reuse_results, resume_task_id=resume_task_id)
