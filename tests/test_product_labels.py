"""The dock's lists of sensors show the labels of core.sensors.PRODUCTS and send their API names:
the datasets of the scene search, and the sensors of the statistics form."""

from __future__ import annotations

from load_by_extent.core.sensors import SEARCH_PRODUCTS, SENSOR_CHOICES
from load_by_extent.services.settings import PluginSettings
from load_by_extent.ui.scene_search import DatasetChoice
from load_by_extent.ui.stats_form import StatsForm


def items(combo) -> list[tuple[str, str]]:
    return [(combo.itemText(row), combo.itemData(row)) for row in range(combo.count())]


def test_the_scene_searchs_datasets_are_the_products_with_a_dataset(qgis_app, isolated_settings):
    choice = DatasetChoice(PluginSettings())
    assert items(choice.combo) == [(product.label, product.dataset) for product in SEARCH_PRODUCTS]
    assert choice.datasets() == ["sentinel2"]  # the default
    choice.combo.setCheckedItems(["Sentinel-2 L2A", "Landsat 8"])  # ticked besides it
    assert choice.datasets() == ["sentinel2", "sentinel2l2a", "landsat8"]


def test_the_statistics_sensors_are_the_products_a_request_names(qgis_app):
    form = StatsForm()
    assert items(form.sensors) == [(product.label, product.name) for product in SENSOR_CHOICES]
    form.sensors.setCheckedItems(["Sentinel-2", "Landsat 9"])
    assert form.parameters()["sensors"] == ["sentinel2", "landsat9"]
