"""The plugin loads in QGIS: classFactory, initGui and unload run without errors."""

from __future__ import annotations

import load_by_extent


def test_class_factory_gives_a_plugin_that_loads_and_unloads(qgis_iface):
    plugin = load_by_extent.classFactory(qgis_iface)
    plugin.initGui()
    plugin.unload()
    assert type(plugin).__name__ == "LoadByExtentPlugin"
