"""The plugin object QGIS loads: GUI glue only (actions, docks, provider, translator)."""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

LOG_TAG = "Load By Extent"


class LoadByExtentPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface

    def initGui(self) -> None:  # noqa: N802 - QGIS's name
        QgsMessageLog.logMessage("Load By Extent loaded", LOG_TAG, Qgis.Info)

    def unload(self) -> None:
        pass
