"""The plugin's settings, stored with QgsSettings under the plugin's own prefix.

Only plain values live here: folders, limits, remembered choices. Secrets never do (the API key
will live in QGIS's authentication database; settings keep only its config id).
"""

from __future__ import annotations

import os
from typing import Any

from qgis.core import QgsSettings

from ..core.api_rules import DEFAULT_API_URL, DEFAULT_SEARCH_URL

PREFIX = "load_by_extent"
DEFAULT_AOI_LIMIT_KM2 = 2500.0  # a 50 x 50 km area: ask before running anything larger
LOCAL, REMOTE = "local", "remote"  # earlier versions saved "embedded": read as LOCAL


def default_output_folder() -> str:
    return os.path.join(os.path.expanduser("~"), "LoadByExtent")


class PluginSettings:
    """Typed access to the plugin's QgsSettings keys."""

    def __init__(self, settings: QgsSettings | None = None) -> None:
        self._settings = settings or QgsSettings()

    def _key(self, name: str) -> str:
        return f"{PREFIX}/{name}"

    def _get(self, name: str, default: Any) -> Any:
        return self._settings.value(self._key(name), default)

    def _set(self, name: str, value: Any) -> None:
        self._settings.setValue(self._key(name), value)

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
        if value is None:
            self._settings.remove(self._key("max_wait_hours"))
        else:
            self._set("max_wait_hours", float(value))

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
        self._set(f"remembered/{name}", value)
