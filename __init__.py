"""Load By Extent: crop satellite scenes, indices, visuals and statistics to an area of interest."""


def classFactory(iface):  # noqa: N802 - the name QGIS looks for
    from qgis.core import QgsProject

    from .plugin import LoadByExtentPlugin

    return LoadByExtentPlugin(iface, QgsProject.instance())  # the one place the plugin takes QGIS's project
