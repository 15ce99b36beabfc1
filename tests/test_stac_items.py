"""STAC items as scenes (core/stac/items.py): view_ids of Earth Search, Planetary Computer and
Landsat items, band names to asset keys, scale and offset, what an item lacks."""

from __future__ import annotations

import datetime as dt

import pytest
from load_by_extent.core.errors import DataError
from load_by_extent.core.sensors import LANDSAT5, LANDSAT7, LANDSAT8, LANDSAT9, SENTINEL2, parse_view_id
from load_by_extent.core.stac.items import (
    LAYOUT_STAC,
    asset_keys,
    band_transform,
    item_datetime,
    items_by_view_id,
    parse_datetime,
    scene_of_item,
    sentinel2_acquisitions,
    sentinel2_tile,
)
from stac_server import earth_search_item, landsat_item, planetary_item, square

UTC = dt.timezone.utc
WHEN = dt.datetime(2023, 7, 10, 10, 20, 31, tzinfo=UTC)
ROOT = "http://127.0.0.1:9/stac"


def test_earth_search_item_maps_to_its_view_id():
    item = earth_search_item("33UUU", WHEN, sequence=1)
    assert items_by_view_id([item]) == {"S2/33/U/UU/2023/7/10/1": item}
    small_zone = earth_search_item("07HFE", WHEN)
    assert small_zone["properties"]["mgrs:utm_zone"] == 7
    assert list(items_by_view_id([small_zone])) == ["S2/7/H/FE/2023/7/10/0"]


def test_the_date_is_the_utc_day_of_datetime():
    late = dt.datetime(2023, 7, 10, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-3)))  # 02:30 on the 11th, UTC
    item = earth_search_item("33UUU", late)
    item["properties"]["datetime"] = "2023-07-10T23:30:00-03:00"
    assert list(items_by_view_id([item])) == ["S2/33/U/UU/2023/7/11/0"]
    assert parse_datetime("2023-07-10T10:20:31.02Z") == dt.datetime(2023, 7, 10, 10, 20, 31, 20000, tzinfo=UTC)
    assert parse_datetime("2023-07-10T10:20:31+0200") == dt.datetime(2023, 7, 10, 8, 20, 31, tzinfo=UTC)
    assert parse_datetime("July 10") is None
    assert item_datetime({"properties": {}}) is None


def test_planetary_items_are_numbered_by_sensing_time_keeping_the_latest_reprocessing():
    first = planetary_item("07HFE", WHEN, processed="20230710T150000", baseline="05.09")
    reprocessed = planetary_item("07HFE", WHEN, processed="20240101T000000", baseline="05.10")
    second = planetary_item("07HFE", WHEN + dt.timedelta(minutes=100), processed="20230710T160000")
    other_tile = planetary_item("07HFF", WHEN)
    found = sentinel2_acquisitions([second, reprocessed, other_tile, first])  # in no order
    assert found == {
        "S2/7/H/FE/2023/7/10/0": reprocessed,
        "S2/7/H/FE/2023/7/10/1": second,
        "S2/7/H/FF/2023/7/10/0": other_tile,
    }
    assert sentinel2_tile(first) == "07HFE"
    assert sentinel2_tile({"properties": {"grid:code": "MGRS-33UUU"}}) == "33UUU"
    assert sentinel2_tile({"properties": {}}) is None


@pytest.mark.parametrize("satellite, sensor", [(5, LANDSAT5), (7, LANDSAT7), (8, LANDSAT8), (9, LANDSAT9)])
def test_landsat_items_map_to_view_ids_the_parser_knows(satellite, sensor):
    item = landsat_item(satellite, 47, 27, WHEN)
    (view_id,) = items_by_view_id([item])
    scene_id = parse_view_id(view_id)
    assert view_id == f"L{satellite}/{item['properties']['landsat:scene_id']}"
    assert scene_id.sensor is sensor and scene_id.date == WHEN.date() and scene_id.tile == "047027"


def test_band_names_map_to_each_catalogs_asset_keys():
    assert asset_keys(SENTINEL2, "B04") == ("B04", "red", "B04_10m")
    assert asset_keys(SENTINEL2, "B8A") == ("B8A", "nir08", "B8A_20m")
    assert asset_keys(SENTINEL2, "SCL") == ("SCL", "scl", "SCL_20m")
    assert asset_keys(LANDSAT8, "B5") == ("nir08",)  # Landsat 8-9 number their near infrared 5
    assert asset_keys(LANDSAT7, "B4") == ("nir08",)  # Landsat 4-7 number it 4
    assert asset_keys(LANDSAT8, "QA_PIXEL") == ("qa_pixel",)
    assert asset_keys(LANDSAT8, "B8") == ()  # level 2 has no panchromatic band


def test_an_earth_search_scene_has_every_band_at_its_native_resolution():
    item = earth_search_item("33UUU", WHEN, cloud=12.5, asset_base="https://cogs.example/tiles")
    scene = scene_of_item(item, "S2/33/U/UU/2023/7/10/0", ROOT)
    assert scene.view_id == "S2/33/U/UU/2023/7/10/0"
    assert scene.layout == LAYOUT_STAC and scene.product_level == "L2A"
    assert scene.cloud_cover == 12.5
    assert scene.band_path("B04") == f"https://cogs.example/tiles/{item['id']}/red.tif"  # not red_20m
    assert scene.band_path("B8A").endswith("/nir08.tif")
    assert scene.band_path("SCL").endswith("/scl.tif")
    assert scene.band_path("TCI").endswith("/visual.tif")
    assert scene.footprint() == item["geometry"]  # read from the item, no file opened
    summary = scene.summary()
    assert summary["footprint"] == item["geometry"]
    assert summary["item_id"] == item["id"] and summary["thumbnail"] == scene.thumbnail
    assert summary["bands"][:4] == ["B01", "B02", "B03", "B04"]
    assert scene.thumbnail == f"https://cogs.example/tiles/{item['id']}/thumbnail.jpg"
    assert scene.item_id == item["id"] and scene.collection == "sentinel-2-l2a"
    assert scene.band_transforms["B04"] == (0.0001, -0.1)
    assert scene.band_transforms["SCL"] == (1.0, 0.0)  # the classes are stored as they are


def test_an_offset_the_item_says_is_applied_is_not_applied_again():
    item = earth_search_item("33UUU", WHEN, offset_applied=True)
    assert item["properties"]["earthsearch:boa_offset_applied"] is True
    item["assets"]["red"]["raster:bands"][0]["offset"] = -0.1  # said twice: applied once, in the data
    scene = scene_of_item(item, "S2/33/U/UU/2023/7/10/0", ROOT)
    assert scene.band_transforms["B04"] == (0.0001, 0.0)
    assert band_transform({}, False) == (1.0, 0.0)
    assert band_transform({"raster:bands": [{"scale": 2.75e-05, "offset": -0.2}]}, False) == (2.75e-05, -0.2)


def test_a_landsat_scene_names_the_collection_that_lacks_a_band():
    item = landsat_item(8, 47, 27, WHEN)
    (view_id,) = items_by_view_id([item])
    scene = scene_of_item(item, view_id, ROOT)
    assert scene.band_path("B5").endswith("_SR_B5.TIF")
    assert scene.band_path("QA_PIXEL").endswith("_QA_PIXEL.TIF")
    assert scene.band_transforms["B4"] == (2.75e-05, -0.2)
    assert scene.band_transforms["B10"] == (0.00341802, 149.0)
    assert scene.product_level == "L2"
    with pytest.raises(DataError) as raised:
        scene.band_path("B8")
    message = str(raised.value)
    assert "B8" in message and "landsat-c2-l2" in message and ROOT in message
    assert raised.value.field == "params.bands"
    old = scene_of_item(landsat_item(5, 47, 27, WHEN), items_by_view_id([landsat_item(5, 47, 27, WHEN)]).popitem()[0],
                        ROOT)
    assert old.band_path("B4").endswith("_SR_B4.TIF")  # Landsat 5's near infrared: nir08, numbered 4
    assert old.band_path("B3").endswith("_SR_B3.TIF")


def test_signed_hrefs_come_from_the_signer():
    item = planetary_item("33UUU", WHEN)
    scene = scene_of_item(item, "S2/33/U/UU/2023/7/10/0", ROOT, lambda href, collection: f"{href}?{collection}")
    assert scene.band_path("B04") == f"{item['assets']['B04']['href']}?sentinel-2-l2a"


def test_an_item_without_geometry_is_refused():
    item = earth_search_item("33UUU", WHEN, geometry=square(1, 1))
    item["geometry"] = None
    with pytest.raises(DataError):
        scene_of_item(item, "S2/33/U/UU/2023/7/10/0", ROOT)
