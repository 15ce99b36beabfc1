"""The plugin's settings, stored with QgsSettings under the plugin's own prefix.

Only plain values live here: folders, limits, remembered choices. Secrets never do (the API key
will live in QGIS's authentication database; settings keep only its config id).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from typing import Any

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.api_rules import DEFAULT_API_URL, DEFAULT_SEARCH_URL

PREFIX = "load_by_extent"
DEFAULT_AOI_LIMIT_KM2 = 2500.0  # a 50 x 50 km area: ask before running anything larger
LOCAL, REMOTE = "local", "remote"  # earlier versions saved "embedded": read as LOCAL


def default_output_folder() -> str:
    return os.path.join(os.path.expanduser("~"), "LoadByExtent")


# The settings' names, as `changed` carries them (each a property of PluginSettings).
SCENE_FOLDERS = "scene_folders"
SOURCE_AUTH = "source_auth"
OUTPUT_FOLDER = "output_folder"
AOI_LIMIT_KM2 = "aoi_limit_km2"
BACKEND = "backend"
API_URL = "api_url"
SEARCH_URL = "search_url"
AUTH_CONFIG_ID = "auth_config_id"
MAX_WAIT_HOURS = "max_wait_hours"
REUSE_RESULTS = "reuse_results"


class PluginSettings(QObject):
    """Typed access to the plugin's QgsSettings keys. One instance is shared by everything that
    edits or uses them (the dock, the Options page, the task controller): `changed` tells them
    which settings a write changed, whoever wrote them."""

    changed = pyqtSignal(list)  # the names of the settings that changed (SCENE_FOLDERS ...)

    def __init__(self, settings: QgsSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings or QgsSettings()
        self._batches = 0
        self._pending: dict[str, None] = {}  # changed names not yet told, in order

    def _key(self, name: str) -> str:
        return f"{PREFIX}/{name}"

    def _get(self, name: str, default: Any) -> Any:
        return self._settings.value(self._key(name), default)

    def _set(self, name: str, value: Any) -> None:
        """Write setting `name` (None: remove it) and tell the listeners when its value changed."""
        before = getattr(self, name)  # typed: "750" read back from the file equals 750.0 written
        if value is None:
            self._settings.remove(self._key(name))
        else:
            self._settings.setValue(self._key(name), value)
        if getattr(self, name) != before:
            self.touch(name)

    def touch(self, name: str) -> None:
        """Tell the listeners that `name` changed, even with the same value: OK in the Options
        dialog has the scene folders read again, new files and all."""
        self._pending[name] = None
        if not self._batches:
            self._tell()

    @contextlib.contextmanager
    def changes(self) -> Iterator[PluginSettings]:
        """Write several settings, then tell the listeners once, with every name that changed."""
        self._batches += 1
        try:
            yield self
        finally:
            self._batches -= 1
            if not self._batches:
                self._tell()

    def _tell(self) -> None:
        names, self._pending = list(self._pending), {}
        if names:
            self.changed.emit(names)

    @property
    def scene_folders(self) -> list[str]:
        value = self._get("scene_folders", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value] if value else []
        return [str(folder) for folder in value or [] if str(folder).strip()]

    @scene_folders.setter
    def scene_folders(self, folders: list[str]) -> None:
        self._set("scene_folders", [folder for folder in folders if folder.strip()])

    @property
    def source_auth(self) -> dict[str, str]:
        """The authentication configuration of each scene source (a URL) that has one: its id only."""
        try:
            value = json.loads(str(self._get("source_auth", "") or "{}"))
        except ValueError:
            return {}
        if not isinstance(value, dict):
            return {}
        return {str(root): str(config) for root, config in value.items() if str(root).strip() and config}

    @source_auth.setter
    def source_auth(self, configs: dict[str, str]) -> None:
        kept = {root: config for root, config in configs.items() if root.strip() and config}
        self._set("source_auth", json.dumps(kept, sort_keys=True) if kept else None)

    @property
    def output_folder(self) -> str:
        return str(self._get("output_folder", "") or default_output_folder())

    @output_folder.setter
    def output_folder(self, folder: str) -> None:
        self._set("output_folder", folder)

    @property
    def aoi_limit_km2(self) -> float:
        try:
            return float(self._get("aoi_limit_km2", DEFAULT_AOI_LIMIT_KM2))
        except (TypeError, ValueError):
            return DEFAULT_AOI_LIMIT_KM2

    @aoi_limit_km2.setter
    def aoi_limit_km2(self, value: float) -> None:
        self._set("aoi_limit_km2", float(value))

    # --- the remote API ----------------------------------------------------------------------------
    @property
    def backend(self) -> str:
        value = str(self._get("backend", LOCAL))
        return value if value in (LOCAL, REMOTE) else LOCAL

    @backend.setter
    def backend(self, value: str) -> None:
        self._set("backend", value if value in (LOCAL, REMOTE) else LOCAL)

    @property
    def api_url(self) -> str:
        return str(self._get("api_url", "") or DEFAULT_API_URL)

    @api_url.setter
    def api_url(self, value: str) -> None:
        self._set("api_url", value.strip())

    @property
    def search_url(self) -> str:
        return str(self._get("search_url", "") or DEFAULT_SEARCH_URL)

    @search_url.setter
    def search_url(self, value: str) -> None:
        self._set("search_url", value.strip())

    @property
    def auth_config_id(self) -> str:
        """The id of the authentication configuration holding the key (never the key itself)."""
        return str(self._get("auth_config_id", "") or "")

    @auth_config_id.setter
    def auth_config_id(self, value: str) -> None:
        self._set("auth_config_id", value or "")

    @property
    def max_wait_hours(self) -> float | None:
        """The user's limit on waiting for a remote task; None: the task's own task_timeout (as is 0,
        which earlier versions stored for it)."""
        try:
            hours = float(self._get("max_wait_hours", 0.0))
        except (TypeError, ValueError):
            return None
        return hours if hours > 0 else None

    @max_wait_hours.setter
    def max_wait_hours(self, value: float | None) -> None:
        self._set("max_wait_hours", None if value is None else float(value))

    @property
    def reuse_results(self) -> bool:
        """Reuse the result of an identical remote request still within its task_timeout."""
        return str(self._get("reuse_results", "true")).lower() in ("true", "1")

    @reuse_results.setter
    def reuse_results(self, value: bool) -> None:
        self._set("reuse_results", "true" if value else "false")

    def remembered(self, name: str, default: str = "") -> str:
        """A remembered choice of the dock (task type, band preset ...)."""
        return str(self._get(f"remembered/{name}", default) or default)

    def remember(self, name: str, value: str) -> None:
        # The dock's memory, not a setting: nobody listens to it.
        self._settings.setValue(self._key(f"remembered/{name}"), value)
