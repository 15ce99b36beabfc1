"""Sensors, band catalogs and view_id parsing (core/sensors.py), against docs/task-api.md#scene-ids."""

from __future__ import annotations

import datetime as dt

import pytest
from load_by_extent.core.errors import RequestError
from load_by_extent.core.remote.search import DATASET_PRODUCTS, dataset_for
from load_by_extent.core.request import TaskRequest
from load_by_extent.core.sensors import (
    LANDSAT5,
    LANDSAT7,
    LANDSAT8,
    LANDSAT9,
    MODIS,
    NAIP,
    PRODUCTS,
    SEARCH_PRODUCTS,
    SENSOR_CHOICES,
    SENSOR_NAMES,
    SENSORS,
    SENTINEL2,
    SceneId,
    natural_colour_bands,
    parse_view_id,
    scene_date,
    sensor_by_code,
)

FIELD = "params.view_id"

S2_ID = "S2/13/R/EL/2023/7/19/0"
L8_PRE_ID = "L8/LC80290332017076LGN00"
L8_COLLECTION_ID = "L8/LC08_L1TP_224078_20200518_20200518_01_RT"
MODIS_ID = "MODIS/12/04/2017204/2017213034223"
NAIP_ID = "NAIP/va/2013/100cm/rgbir/38075/m_3807537_ne_18_1_20130924"


def parse_error(view_id) -> RequestError:
    """The RequestError parse_view_id raises for `view_id`; it always names params.view_id."""
    with pytest.raises(RequestError) as caught:
        parse_view_id(view_id)
    error = caught.value
    assert error.field == FIELD
    assert str(error) == f"{FIELD}: {error.message}"
    return error


# ---------------------------------------------------------------------------------------------
# Sentinel-2


def test_sentinel2_view_id_gives_every_scene_field():
    scene = parse_view_id(S2_ID)
    assert isinstance(scene, SceneId)
    assert scene.view_id == S2_ID
    assert scene.sensor is SENTINEL2
    assert scene.sensor.code == "S2"
    assert scene.date == dt.date(2023, 7, 19)
    assert scene.tile == "13REL"
    assert scene.scene_name == "T13REL_20230719_0"
    assert scene.file_stem == "S2_13_R_EL_2023_7_19_0"


def test_sentinel2_l2a_view_id_is_the_same_acquisitions_level_2a_product():
    # The Processing API's own Level-2A form names the same acquisition as S2/...
    scene = parse_view_id("S2L2A/13/R/EL/2023/7/19/0")
    plain = parse_view_id(S2_ID)
    assert scene.view_id == "S2L2A/13/R/EL/2023/7/19/0"
    assert scene.product_level == "L2A" and plain.product_level is None
    assert scene.acquisition_view_id == S2_ID == plain.acquisition_view_id
    assert (scene.sensor, scene.date, scene.tile, scene.scene_name) == (
        plain.sensor, plain.date, plain.tile, plain.scene_name)
    assert scene.file_stem == "S2L2A_13_R_EL_2023_7_19_0"
    error = parse_error("S2L2A/13/R/EL/2023/07/19/0")
    assert "S2L2A/13/R/EL/2023/7/19/0" in error.message


def test_sentinel2_single_digit_zone_is_zero_padded_in_the_tile_only():
    scene = parse_view_id("S2/5/Q/KB/2020/1/2/1")
    assert scene.view_id == "S2/5/Q/KB/2020/1/2/1"
    assert scene.tile == "05QKB"
    assert scene.date == dt.date(2020, 1, 2)
    assert scene.scene_name == "T05QKB_20200102_1"
    assert scene.file_stem == "S2_5_Q_KB_2020_1_2_1"


def test_sentinel2_surrounding_whitespace_is_stripped_from_the_view_id():
    assert parse_view_id(f"  {S2_ID}\n").view_id == S2_ID


@pytest.mark.parametrize("zone", [1, 9, 10, 33, 60])
def test_sentinel2_utm_zones_1_to_60_are_accepted(zone):
    scene = parse_view_id(f"S2/{zone}/U/UU/2017/2/16/0")
    assert scene.tile == f"{zone:02d}UUU"


@pytest.mark.parametrize("zone", [0, 61, 99])
def test_sentinel2_utm_zone_outside_1_to_60_is_rejected(zone):
    error = parse_error(f"S2/{zone}/U/UU/2017/2/16/0")
    assert f"UTM zone {zone} is not between 1 and 60" in error.message


@pytest.mark.parametrize(
    ("view_id", "canonical"),
    [("S2/05/Q/KB/2020/1/2/0", "S2/5/Q/KB/2020/1/2/0"), ("S2/13/R/EL/2023/7/19/00", "S2/13/R/EL/2023/7/19/0")],
)
def test_sentinel2_zero_padded_zone_or_sequence_is_canonicalised_or_rejected(view_id, canonical):
    # The canonical id (and the public tile bucket path tiles/5/...) has no zero padding; the scene
    # stores key scenes by the unpadded id. A padded zone must not yield a second, unknown view_id.
    try:
        scene = parse_view_id(view_id)
    except RequestError as error:
        assert error.field == FIELD
        assert canonical in error.message
    else:
        assert scene.view_id == canonical


@pytest.mark.parametrize("letter", ["C", "H", "J", "N", "P", "X"])
def test_sentinel2_latitude_band_letters_c_to_x_are_accepted(letter):
    assert parse_view_id(f"S2/33/{letter}/UU/2017/2/16/0").tile == f"33{letter}UU"


@pytest.mark.parametrize("letter", ["I", "O", "A", "B", "Y", "Z", "u"])
def test_sentinel2_invalid_latitude_band_letter_is_rejected(letter):
    error = parse_error(f"S2/33/{letter}/UU/2017/2/16/0")
    assert "is not a Sentinel-2 id of the form" in error.message
    assert "S2/{utm zone}/{latitude band}/{square}" in error.message


@pytest.mark.parametrize("square", ["IU", "UO", "U", "UUU", "uu"])
def test_sentinel2_invalid_100km_square_is_rejected(square):
    error = parse_error(f"S2/33/U/{square}/2017/2/16/0")
    assert "is not a Sentinel-2 id" in error.message


@pytest.mark.parametrize(
    "view_id",
    [
        "S2/13/R/EL/2023/7/19",  # no sequence
        "S2/13/R/EL/2023/7/19/0/extra",
        "S2/13/R/EL/23/7/19/0",  # two-digit year
        "S2/13/R/EL/2023/123/19/0",
        "S2/13REL/2023/7/19/0",
        "S2/",
        "S2",
    ],
)
def test_sentinel2_malformed_view_id_is_rejected_with_an_example(view_id):
    error = parse_error(view_id)
    assert "is not a Sentinel-2 id" in error.message
    assert "S2/33/U/UU/2017/2/16/0" in error.message


@pytest.mark.parametrize(
    ("view_id", "canonical"),
    [
        ("S2/13/R/EL/2023/07/19/0", "S2/13/R/EL/2023/7/19/0"),
        ("S2/13/R/EL/2023/7/09/0", "S2/13/R/EL/2023/7/9/0"),
        ("S2/13/R/EL/2023/07/09/0", "S2/13/R/EL/2023/7/9/0"),
        ("S2/5/Q/KB/2020/01/02/1", "S2/5/Q/KB/2020/1/2/1"),
    ],
)
def test_sentinel2_zero_padded_month_or_day_is_rejected_naming_the_canonical_id(view_id, canonical):
    error = parse_error(view_id)
    assert "not zero-padded" in error.message
    assert f"({canonical})" in error.message


@pytest.mark.parametrize(
    "view_id",
    ["S2/13/R/EL/2023/2/30/0", "S2/13/R/EL/2023/2/29/0", "S2/13/R/EL/2023/4/31/0", "S2/13/R/EL/2023/13/1/0"],
)
def test_sentinel2_impossible_date_is_rejected(view_id):
    error = parse_error(view_id)
    assert "has no valid date" in error.message
    assert view_id in error.message


@pytest.mark.parametrize("view_id", ["S2/13/R/EL/2023/0/19/0", "S2/13/R/EL/2023/7/0/0"])
def test_sentinel2_month_or_day_zero_is_rejected_without_offering_the_same_id_as_the_fix(view_id):
    error = parse_error(view_id)
    # The error must not present the rejected id itself as the canonical form to use instead.
    assert f"({view_id})" not in error.message


def test_sentinel2_leap_day_is_a_valid_date():
    assert parse_view_id("S2/13/R/EL/2024/2/29/0").date == dt.date(2024, 2, 29)


# ---------------------------------------------------------------------------------------------
# Landsat


def test_landsat8_pre_collection_id_gives_every_scene_field():
    scene = parse_view_id(L8_PRE_ID)
    assert scene.view_id == L8_PRE_ID
    assert scene.sensor is LANDSAT8
    assert scene.sensor.code == "L8"
    assert scene.date == dt.date(2017, 3, 17)  # day 076 of 2017
    assert scene.tile == "029033"
    assert scene.scene_name == "LC80290332017076LGN00"
    assert scene.file_stem == "LC80290332017076LGN00"


@pytest.mark.parametrize(
    ("year", "doy", "expected"),
    [
        (2017, "001", dt.date(2017, 1, 1)),
        (2017, "365", dt.date(2017, 12, 31)),
        (2016, "060", dt.date(2016, 2, 29)),
        (2016, "366", dt.date(2016, 12, 31)),
        (2000, "366", dt.date(2000, 12, 31)),
    ],
)
def test_landsat_pre_collection_day_of_year_becomes_the_date(year, doy, expected):
    assert parse_view_id(f"L8/LC8029033{year}{doy}LGN00").date == expected


@pytest.mark.parametrize(("year", "doy"), [(2017, "366"), (2016, "367"), (2017, "000"), (2017, "999"), (1900, "366")])
def test_landsat_pre_collection_invalid_day_of_year_is_rejected(year, doy):
    error = parse_error(f"L8/LC8029033{year}{doy}LGN00")
    assert "has no valid day of year" in error.message
    assert f"day {int(doy)}" in error.message


@pytest.mark.parametrize("tier", ["RT", "T1", "T2"])
def test_landsat8_collection_id_is_accepted_with_every_tier(tier):
    view_id = f"L8/LC08_L1TP_224078_20200518_20200518_01_{tier}"
    scene = parse_view_id(view_id)
    assert scene.view_id == view_id
    assert scene.sensor is LANDSAT8
    assert scene.date == dt.date(2020, 5, 18)
    assert scene.tile == "224078"
    assert scene.scene_name == view_id[3:]
    assert scene.file_stem == view_id[3:]


@pytest.mark.parametrize("level", ["L1TP", "L1GT", "L1GS", "L2SP", "L2SR"])
def test_landsat_collection_processing_levels_are_accepted(level):
    assert parse_view_id(f"L8/LC08_{level}_224078_20200518_20200518_02_T1").sensor is LANDSAT8


@pytest.mark.parametrize(
    "scene",
    [
        "LC08_L1TP_224078_20200518_20200518_01_T3",  # no tier T3
        "LC08_L1XX_224078_20200518_20200518_01_RT",  # no such level
        "LC08_L1TP_22407_20200518_20200518_01_RT",  # path/row too short
        "LC08_L1TP_224078_2020051_20200518_01_RT",
        "LC8_L1TP_224078_20200518_20200518_01_RT",
        "lc08_l1tp_224078_20200518_20200518_01_rt",
        "LC80290332017076LGN0",  # pre-collection one digit short
        "LC80290332017076lgn00",
        "",
    ],
)
def test_landsat_malformed_scene_id_is_rejected_with_examples(scene):
    error = parse_error(f"L8/{scene}")
    assert "is not a Landsat scene id" in error.message
    assert "L8/LC80290332017076LGN00" in error.message
    assert "L8/LC08_L1TP_224078_20200518_20200518_01_RT" in error.message


def test_landsat_collection_id_with_impossible_acquisition_date_is_rejected():
    error = parse_error("L8/LC08_L1TP_224078_20200230_20200518_01_RT")
    assert "has no valid date (2020-2-30)" in error.message


def test_landsat9_collection_id_with_l9_prefix():
    view_id = "L9/LC09_L1TP_224078_20220518_20220518_02_T1"
    scene = parse_view_id(view_id)
    assert scene.view_id == view_id
    assert scene.sensor is LANDSAT9
    assert scene.sensor.code == "L9"
    assert scene.date == dt.date(2022, 5, 18)
    assert scene.tile == "224078"


def test_landsat9_collection_id_with_l8_prefix_is_accepted_and_canonicalised_to_l9():
    view_id = "L8/LC09_L1TP_224078_20220518_20220518_02_T1"
    scene = parse_view_id(view_id)
    assert scene.view_id == "L9/LC09_L1TP_224078_20220518_20220518_02_T1"  # one canonical form per scene
    assert scene.sensor is LANDSAT9
    assert scene.scene_name == view_id[3:]


def test_landsat8_scene_with_l9_prefix_is_rejected():
    error = parse_error("L9/LC08_L1TP_224078_20200518_20200518_01_RT")
    assert "the prefix L9/ does not match a Landsat 8 scene" in error.message


@pytest.mark.parametrize(
    ("view_id", "sensor", "date", "tile"),
    [
        ("L5/LT50350322008118EDC00", LANDSAT5, dt.date(2008, 4, 27), "035032"),
        ("L7/LE70350322008118EDC00", LANDSAT7, dt.date(2008, 4, 27), "035032"),
        ("L5/LT05_L1TP_035032_20080427_20160905_01_T1", LANDSAT5, dt.date(2008, 4, 27), "035032"),
        ("L7/LE07_L1TP_035032_20080427_20160905_01_T1", LANDSAT7, dt.date(2008, 4, 27), "035032"),
        ("L8/LO80290332017076LGN00", LANDSAT8, dt.date(2017, 3, 17), "029033"),
        ("L8/LT80290332017076LGN00", LANDSAT8, dt.date(2017, 3, 17), "029033"),
    ],
)
def test_landsat_5_and_7_and_other_sensor_letters_parse(view_id, sensor, date, tile):
    scene = parse_view_id(view_id)
    assert scene.view_id == view_id
    assert scene.sensor is sensor
    assert scene.date == date
    assert scene.tile == tile
    assert scene.scene_name == view_id[3:]


@pytest.mark.parametrize(
    ("bare", "canonical", "sensor"),
    [
        ("LT50350322008118EDC00", "L5/LT50350322008118EDC00", LANDSAT5),
        ("LE70350322008118EDC00", "L7/LE70350322008118EDC00", LANDSAT7),
        ("LT05_L1TP_035032_20080427_20160905_01_T1", "L5/LT05_L1TP_035032_20080427_20160905_01_T1", LANDSAT5),
        ("LE07_L1TP_035032_20080427_20160905_01_T1", "L7/LE07_L1TP_035032_20080427_20160905_01_T1", LANDSAT7),
        ("LC80290332017076LGN00", "L8/LC80290332017076LGN00", LANDSAT8),
        ("LC08_L1TP_224078_20200518_20200518_01_RT", "L8/LC08_L1TP_224078_20200518_20200518_01_RT", LANDSAT8),
        ("LC09_L1TP_224078_20220518_20220518_02_T1", "L9/LC09_L1TP_224078_20220518_20220518_02_T1", LANDSAT9),
    ],
)
def test_bare_landsat_id_without_prefix_is_canonicalised(bare, canonical, sensor):
    scene = parse_view_id(bare)
    assert scene.view_id == canonical
    assert scene.sensor is sensor
    assert scene.scene_name == bare
    assert scene.file_stem == bare


@pytest.mark.parametrize(
    ("view_id", "prefix", "satellite"),
    [
        ("L5/LC80290332017076LGN00", "L5", "8"),
        ("L7/LT50350322008118EDC00", "L7", "5"),
        ("L8/LE70350322008118EDC00", "L8", "7"),
        ("L5/LE07_L1TP_035032_20080427_20160905_01_T1", "L5", "7"),
        ("L9/LT50350322008118EDC00", "L9", "5"),
    ],
)
def test_landsat_prefix_contradicting_the_satellite_is_rejected(view_id, prefix, satellite):
    error = parse_error(view_id)
    assert f"the prefix {prefix}/ does not match a Landsat {satellite} scene" in error.message


@pytest.mark.parametrize(
    ("view_id", "kind"),
    [("L5/LM50350322008118EDC00", "LM5"), ("LM40350322008118EDC00", "LM4"), ("L7/LC70350322008118EDC00", "LC7")],
)
def test_landsat_sensor_and_satellite_pair_without_catalog_is_rejected(view_id, kind):
    error = parse_error(view_id)
    assert f"{kind} scenes are not supported" in error.message


# ---------------------------------------------------------------------------------------------
# MODIS


def test_modis_view_id_gives_every_scene_field():
    scene = parse_view_id(MODIS_ID)
    assert scene.view_id == MODIS_ID
    assert scene.sensor is MODIS
    assert scene.sensor.code == "MODIS"
    assert scene.date == dt.date(2017, 7, 23)  # day 204 of 2017
    assert scene.tile == "h12v04"
    assert scene.scene_name == "MCD43A4.A2017204.h12v04.2017213034223"
    assert scene.file_stem == "MODIS_12_04_2017204_2017213034223"


@pytest.mark.parametrize(("h", "v"), [("00", "00"), ("35", "17"), ("35", "00"), ("00", "17")])
def test_modis_tiles_inside_the_grid_are_accepted(h, v):
    assert parse_view_id(f"MODIS/{h}/{v}/2017204/2017213034223").tile == f"h{h}v{v}"


@pytest.mark.parametrize(("h", "v"), [("36", "04"), ("99", "04"), ("12", "18"), ("12", "99")])
def test_modis_tiles_outside_the_grid_are_rejected(h, v):
    error = parse_error(f"MODIS/{h}/{v}/2017204/2017213034223")
    assert f"MODIS tile h{h}v{v} is outside the grid" in error.message


@pytest.mark.parametrize(("yeardoy", "ok"), [("2016366", True), ("2017366", False), ("2017000", False)])
def test_modis_day_of_year_validity_follows_leap_years(yeardoy, ok):
    view_id = f"MODIS/12/04/{yeardoy}/2017213034223"
    if ok:
        assert parse_view_id(view_id).date == dt.date(2016, 12, 31)
    else:
        assert "has no valid day of year" in parse_error(view_id).message


@pytest.mark.parametrize(
    "view_id",
    [
        "MODIS/1/04/2017204/2017213034223",
        "MODIS/12/04/17204/2017213034223",
        "MODIS/12/04/2017204/201721303422",
        "MODIS/12/04/2017204",
        "MODIS/h12/v04/2017204/2017213034223",
        "MODIS/",
    ],
)
def test_modis_malformed_view_id_is_rejected_with_an_example(view_id):
    error = parse_error(view_id)
    assert "is not a MODIS id" in error.message
    assert MODIS_ID in error.message


# ---------------------------------------------------------------------------------------------
# NAIP


def test_naip_view_id_with_a_date_gives_every_scene_field():
    scene = parse_view_id(NAIP_ID)
    assert scene.view_id == NAIP_ID
    assert scene.sensor is NAIP
    assert scene.sensor.code == "NAIP"
    assert scene.date == dt.date(2013, 9, 24)
    assert scene.tile == ""
    assert scene.scene_name == "m_3807537_ne_18_1_20130924"
    assert scene.file_stem == "m_3807537_ne_18_1_20130924"


@pytest.mark.parametrize("view_id", ["NAIP/m_3807537_ne_18_1_20130924", "NAIP/va/m_3807537_ne_18_1_20130924/"])
def test_naip_image_name_is_the_last_path_part(view_id):
    scene = parse_view_id(view_id)
    assert scene.scene_name == "m_3807537_ne_18_1_20130924"
    assert scene.date == dt.date(2013, 9, 24)


def test_naip_view_id_without_a_date_has_date_none():
    scene = parse_view_id("NAIP/va/2013/m_3807537_ne_18_1")
    assert scene.sensor is NAIP
    assert scene.date is None
    assert scene.scene_name == "m_3807537_ne_18_1"


def test_naip_file_stem_is_file_name_safe():
    assert parse_view_id("NAIP/va/m 3807537+ne:18").file_stem == "m_3807537_ne_18"


def test_naip_name_with_an_impossible_date_is_rejected():
    assert "has no valid date" in parse_error("NAIP/va/m_3807537_ne_18_1_20131324").message


@pytest.mark.parametrize("view_id", ["NAIP/", "NAIP", "NAIP//"])
def test_naip_without_image_name_is_rejected(view_id):
    assert "a NAIP id needs the image name after NAIP/" in parse_error(view_id).message


# ---------------------------------------------------------------------------------------------
# Unknown and missing


@pytest.mark.parametrize(
    "view_id",
    ["S1/13/R/EL/2023/7/19/0", "s2/13/R/EL/2023/7/19/0", "LANDSAT/LC80290332017076LGN00", "X", "L10/LC80", "modis/12"],
)
def test_unknown_view_id_prefix_is_rejected_listing_the_known_ones(view_id):
    error = parse_error(view_id)
    assert "is not a known scene id" in error.message
    for prefix in ("S2/", "L8/", "L9/", "L7/", "L5/", "MODIS/", "NAIP/"):
        assert prefix in error.message


@pytest.mark.parametrize("view_id", ["", "   ", None, 42, ["S2/13/R/EL/2023/7/19/0"], {"view_id": S2_ID}])
def test_empty_or_non_string_view_id_is_reported_missing(view_id):
    error = parse_error(view_id)
    assert error.message.startswith("missing")
    assert "S2/33/U/UU/2017/2/16/0" in error.message


# ---------------------------------------------------------------------------------------------
# Band catalogs

S2_RESOLUTIONS = {
    "B01": 60, "B02": 10, "B03": 10, "B04": 10, "B05": 20, "B06": 20, "B07": 20,
    "B08": 10, "B8A": 20, "B09": 60, "B10": 60, "B11": 20, "B12": 20,
}  # fmt: skip
LANDSAT_OLI_RESOLUTIONS = {
    "B1": 30, "B2": 30, "B3": 30, "B4": 30, "B5": 30, "B6": 30, "B7": 30,
    "B8": 15, "B9": 30, "B10": 30, "B11": 30, "BQA": 30,
}  # fmt: skip


@pytest.mark.parametrize(("band", "resolution"), sorted(S2_RESOLUTIONS.items()))
def test_sentinel2_band_native_resolution(band, resolution):
    assert SENTINEL2.band(band).resolution == resolution


@pytest.mark.parametrize(("band", "resolution"), [("SCL", 20), ("AOT", 10), ("WVP", 10), ("TCI", 10)])
def test_sentinel2_l2a_bands_are_in_the_catalog_marked_l2a(band, resolution):
    assert SENTINEL2.band(band).resolution == resolution
    assert SENTINEL2.band(band).product == "L2A"


def test_sentinel2_b10_is_l1c_only():
    assert SENTINEL2.band("B10").product == "L1C"


@pytest.mark.parametrize("sensor", [LANDSAT8, LANDSAT9], ids=["L8", "L9"])
@pytest.mark.parametrize(("band", "resolution"), sorted(LANDSAT_OLI_RESOLUTIONS.items()))
def test_landsat_oli_band_native_resolution(sensor, band, resolution):
    assert sensor.band(band).resolution == resolution


def test_landsat8_band_names_have_one_digit():
    assert "B4" in LANDSAT8.band_names
    assert "B04" not in LANDSAT8.band_names
    assert LANDSAT8.band("B04") is None


@pytest.mark.parametrize(
    ("sensor", "band", "resolution"),
    [
        (LANDSAT7, "B8", 15),
        (LANDSAT7, "B6_VCID_1", 30),
        (LANDSAT7, "B6_VCID_2", 30),
        (LANDSAT7, "B3", 30),
        (LANDSAT5, "B6", 30),
        (LANDSAT5, "B7", 30),
    ],
)
def test_landsat_5_and_7_band_resolutions(sensor, band, resolution):
    assert sensor.band(band).resolution == resolution


def test_landsat5_has_no_panchromatic_band():
    assert LANDSAT5.band("B8") is None


@pytest.mark.parametrize("band", ["B01", "B02", "B03", "B04", "B05", "B06", "B07"])
def test_modis_bands_are_500_m(band):
    assert MODIS.band(band).resolution == 500


def test_modis_has_exactly_seven_bands():
    assert MODIS.band_names == ("B01", "B02", "B03", "B04", "B05", "B06", "B07")


def test_naip_has_rgbn_bands_on_one_grid_and_merge_has_no_effect():
    assert NAIP.band_names == ("R", "G", "B", "N")
    assert len({band.resolution for band in NAIP.bands}) == 1
    assert NAIP.merge_has_effect is False
    assert all(sensor.merge_has_effect for sensor in SENSORS if sensor is not NAIP)


def test_every_sensor_code_is_found_and_unique():
    codes = [sensor.code for sensor in SENSORS]
    assert codes == ["S2", "L9", "L8", "L7", "L5", "MODIS", "NAIP"]
    for sensor in SENSORS:
        assert sensor_by_code(sensor.code) is sensor
    with pytest.raises(KeyError):
        sensor_by_code("S1")


@pytest.mark.parametrize("sensor", SENSORS, ids=lambda sensor: sensor.code)
def test_band_names_are_unique_and_band_lookup_is_exact(sensor):
    names = sensor.band_names
    assert len(names) == len(set(names))
    for name in names:
        assert sensor.band(name).name == name
    assert sensor.band("NOPE") is None


def test_sensor_names_map_to_known_sensor_codes():
    codes = {sensor.code for sensor in SENSORS}
    assert all(code in codes for code, _level in SENSOR_NAMES.values())
    assert SENSOR_NAMES["s2l2a"] == ("S2", "L2A")
    assert SENSOR_NAMES["sentinel2"] == ("S2", None)
    assert SENSOR_NAMES["landsat8"] == ("L8", None)


# ---------------------------------------------------------------------------------------------
# Sensor.suggest


@pytest.mark.parametrize(
    ("sensor", "typed", "meant"),
    [
        (SENTINEL2, "b04", "B04"),
        (SENTINEL2, "B4", "B04"),
        (SENTINEL2, " b8a ", "B8A"),
        (SENTINEL2, "B004", "B04"),
        (SENTINEL2, "b11", "B11"),
        (LANDSAT8, "B04", "B4"),
        (LANDSAT8, "b4", "B4"),
        (LANDSAT8, "B010", "B10"),
        (LANDSAT8, "bqa", "BQA"),
        (MODIS, "B1", "B01"),
        (NAIP, "n", "N"),
        (SENTINEL2, "B8", "B08"),  # the zero left out: the band of that number
        (SENTINEL2, "B5", "B05"),
    ],
)
def test_suggest_finds_the_band_a_mistyped_name_meant(sensor, typed, meant):
    assert sensor.suggest(typed) == meant


@pytest.mark.parametrize(
    ("sensor", "typed", "meant"),
    [
        # Another sensor's band name: this sensor's band of the same role, not the band of that number.
        (LANDSAT7, "B08", "B4"),  # Sentinel-2's near infrared; Landsat 7's B8 is panchromatic
        (LANDSAT5, "B08", "B4"),
        (LANDSAT8, "B08", "B5"),
        (LANDSAT7, "B04", "B3"),  # Sentinel-2's red; Landsat 7's B4 is near infrared
        (LANDSAT7, "B03", "B2"),
        (LANDSAT7, "B02", "B1"),
        (LANDSAT8, "B04", "B4"),  # the same role and number
        (LANDSAT8, "B12", "B7"),  # Sentinel-2's shortwave infrared 2
        (LANDSAT7, "b11", "B5"),
        (MODIS, "B08", "B02"),  # near infrared on MODIS
        (NAIP, "B02", "B"),
    ],
)
def test_suggest_gives_the_band_of_the_same_role_for_another_sensors_name(sensor, typed, meant):
    assert sensor.suggest(typed) == meant
    assert sensor.band(meant).alias == next(band.alias for band in SENTINEL2.bands if band.name == typed.upper())


def test_the_near_infrared_hint_on_landsat_7_points_to_its_near_infrared():
    """The message a user reads for Sentinel-2's false colour bands on a Landsat 7 scene."""
    square = {"type": "Polygon", "coordinates": [[[-105.1, 40.1], [-105.0, 40.1], [-105.0, 40.2], [-105.1, 40.1]]]}
    request = {"type": "lbe", "params": {"view_id": "L7/LE70350322008118EDC00", "bands": ["B08", "B04", "B03"],
                                         "geometry": square, "reference": "r"}}
    with pytest.raises(RequestError) as raised:
        TaskRequest(request).validate()
    assert str(raised.value) == "params.bands: B08 is not a Landsat 7 band (did you mean B4?)"
    assert LANDSAT7.band("B4").title == "near infrared"


@pytest.mark.parametrize(
    ("sensor", "typed"),
    [(SENTINEL2, "B13"), (SENTINEL2, "NIR"), (LANDSAT8, "B13"), (MODIS, "B13"), (NAIP, "X"), (SENTINEL2, ""),
     (LANDSAT7, "B10")],  # Sentinel-2's cirrus: Landsat 7 has none
)
def test_suggest_gives_none_when_nothing_is_close(sensor, typed):
    assert sensor.suggest(typed) is None


@pytest.mark.parametrize(("view_id", "bands", "rgb"), [
    (S2_ID, ["B02", "B03", "B04"], (3, 2, 1)),  # the API's example order: blue asked first
    (S2_ID, ["B04", "B03", "B02"], (1, 2, 3)),
    (S2_ID, ["B08", "B02", "B04", "B03"], (3, 4, 2)),
    (L8_PRE_ID, ["B2", "B3", "B4"], (3, 2, 1)),  # Landsat 8's red is B4, ...
    ("L7/LE07_L1TP_035032_20080427_20160905_01_T1", ["B1", "B2", "B3"], (3, 2, 1)),  # ... Landsat 7's B3
    (MODIS_ID, ["B01", "B03", "B04"], (1, 3, 2)),  # MODIS: B01 red, B04 green, B03 blue
    (NAIP_ID, ["B", "G", "R", "N"], (3, 2, 1)),
])
def test_natural_colour_bands_put_the_sensors_red_green_and_blue_on_red_green_and_blue(view_id, bands, rgb):
    assert natural_colour_bands(view_id, bands) == rgb


@pytest.mark.parametrize(("view_id", "bands"), [
    (S2_ID, ["B08", "B04", "B03"]),  # no blue: shown in the request's order
    (S2_ID, ["B02", "B03"]),
    (S2_ID, []),
    (L8_PRE_ID, ["B02", "B03", "B04"]),  # Sentinel-2 names are not Landsat 8's bands
    (None, ["B02", "B03", "B04"]),  # no scene, no sensor
    ("not a scene", ["B02", "B03", "B04"]),
])
def test_natural_colour_bands_are_none_without_all_three(view_id, bands):
    assert natural_colour_bands(view_id, bands) is None


# ---------------------------------------------------------------------------------------------
# Products: one table names the sensors to the API and to the user


def test_products_give_the_search_datasets_their_sensor_level_and_label():
    assert {product.dataset: product.label for product in SEARCH_PRODUCTS} == {
        "sentinel2": "Sentinel-2 L1C", "sentinel2l2a": "Sentinel-2 L2A", "landsat9": "Landsat 9",
        "landsat8": "Landsat 8", "landsat7": "Landsat 7", "landsat5": "Landsat 5", "modis": "MODIS MCD43A4",
        "naip": "NAIP"}
    assert {product.dataset: (product.code, product.level) for product in SEARCH_PRODUCTS} == DATASET_PRODUCTS
    assert DATASET_PRODUCTS["sentinel2"] == ("S2", "L1C")
    assert [dataset_for(name) for name in ("S2", "sentinel2", "S2L1C", "s2l2a", "L8", "landsat9")] == [
        "sentinel2", "sentinel2", "sentinel2", "sentinel2l2a", "landsat8", "landsat9"]


def test_every_name_of_a_product_is_a_request_sensor_name_of_its_sensor_and_level():
    assert {name: (product.code, product.level) for product in PRODUCTS for name in product.names} == SENSOR_NAMES
    assert [product.name for product in SENSOR_CHOICES] == [
        "sentinel2", "sentinel2l2a", "landsat9", "landsat8", "landsat7", "landsat5", "modis", "naip"]
    assert SENSOR_CHOICES[0].label == "Sentinel-2"  # as a request's sensor, any level


@pytest.mark.parametrize(("view_id", "day"), [
    ("S2/33/U/UU/2017/2/16/0", dt.date(2017, 2, 16)),
    ("L7/LE70350322009120EDC00", dt.date(2009, 4, 30)),
    ("NAIP/ca/2016/100cm/rgb/m_3811910_ne_11_h_20160707", dt.date(2016, 7, 7)),
    ("NAIP/ca/m_3811910_ne_11_h", None),  # a NAIP id without a date
    ("not a scene", None),
    (None, None),
])
def test_scene_date_is_the_view_ids_date_or_none(view_id, day):
    assert scene_date(view_id) == day
