"""Load By Extent: crop satellite scenes, indices, visuals and statistics to an area of interest."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qgis.gui import QgisInterface

    from .plugin import LoadByExtentPlugin


def classFactory(iface: QgisInterface) -> LoadByExtentPlugin:  # noqa: N802 - the name QGIS looks for
    from qgis.core import QgsProject

    from .plugin import LoadByExtentPlugin

    return LoadByExtentPlugin(iface, QgsProject.instance())  # the one place the plugin takes QGIS's project
