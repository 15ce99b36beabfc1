"""The index catalog: formulas as published, resolved per sensor, checked on real imagery."""

from __future__ import annotations

import math
import os
import re

import numpy as np
import pytest
from load_by_extent.core.errors import RequestError
from load_by_extent.core.expressions import BandRef, evaluate, parse_expression
from load_by_extent.core.indices import (
    INDICES,
    REFLECTANCE_SCALE,
    describe_index,
    display_range,
    is_index_name,
    reflectance_scale,
    resolve_bm_type,
    resolve_index,
)
from load_by_extent.core.sensors import LANDSAT5, LANDSAT7, LANDSAT8, LANDSAT9, MODIS, NAIP, SENSORS, SENTINEL2

API_INDICES = ["NDVI", "NDSI", "NDWI", "RECI", "NDMI", "SAVI", "ARVI", "EVI", "GCI", "SIPI", "NBR", "MSI", "ISTACK",
               "FIDET", "NDRE", "CCCI", "MSAVI"]
UNDEFINED = {"ISTACK", "FIDET"}

# The formulas of Awesome Spectral Indices (output/spectral-indices-table.csv), copied as published,
# with their default constants; letters as ASI names its bands.
ASI_FORMULAS = {
    "NDVI": ("(N - R)/(N + R)", {}),
    "NDSI": ("(G - S1) / (G + S1)", {}),
    "NDWI": ("(G - N) / (G + N)", {}),
    "RECI": ("(N / RE1) - 1", {}),  # ASI CIRE
    "NDMI": ("(N - S1)/(N + S1)", {}),
    "SAVI": ("(1.0 + L) * (N - R) / (N + R + L)", {"L": 0.5}),
    "ARVI": ("(N - (R - gamma * (R - B))) / (N + (R - gamma * (R - B)))", {"gamma": 1.0}),
    "EVI": ("g * (N - R) / (N + C1 * R - C2 * B + L)", {"g": 2.5, "C1": 6.0, "C2": 7.5, "L": 1.0}),
    "GCI": ("(N / G) - 1.0", {}),  # ASI CIG
    "SIPI": ("(N - A) / (N - R)", {}),
    "NBR": ("(N - S2) / (N + S2)", {}),
    "MSI": ("S1/N", {}),
    "NDRE": ("(N - RE1) / (N + RE1)", {}),  # ASI NDREI
    "MSAVI": ("0.5 * (2.0 * N + 1 - (((2 * N + 1) ** 2) - 8 * (N - R)) ** 0.5)", {}),
}
ASI_LETTERS = {"N": "NIR", "R": "RED", "G": "GREEN", "B": "BLUE", "A": "COASTAL", "RE1": "RE1", "S1": "SWIR1",
               "S2": "SWIR2"}


def message_of(bm_type, sensor=SENTINEL2, **kwargs) -> str:
    with pytest.raises(RequestError) as caught:
        resolve_bm_type(bm_type, sensor, **kwargs)
    assert caught.value.field == "params.bm_type"
    assert caught.value.message.startswith("Unsupported band or operation: ")
    return caught.value.message


# ---------------------------------------------------------------------------------------------
# The catalog

def test_the_catalog_holds_the_apis_index_names_in_its_order():
    assert list(INDICES) == API_INDICES
    assert all(is_index_name(name) for name in API_INDICES)
    assert is_index_name(" NDVI ")
    assert not any(is_index_name(text) for text in ("ndvi", "NDXI", "B04", "", None, 5, "NDVI,EVI"))


def test_every_defined_index_is_written_over_aliases_with_a_reference():
    aliases = {band.alias for sensor in SENSORS for band in sensor.bands if band.alias}
    for index in INDICES.values():
        if index.name in UNDEFINED:
            assert not index.defined and index.formula is None and index.aliases == frozenset()
            continue
        assert index.defined and index.long_name
        assert index.aliases <= aliases, index.name
        assert re.search(r"https?://|Proceedings", index.reference), index.name
        used = parse_expression(index.formula).bands()
        assert {name for name, _ in index.constants} <= used, index.name


@pytest.mark.parametrize("name", sorted(ASI_FORMULAS))
def test_formulas_and_constants_are_the_published_ones(name):
    formula, constants = ASI_FORMULAS[name]
    index = INDICES[name]
    assert dict(index.constants) == constants
    ours = parse_expression(index.formula)
    asi = parse_expression(formula)
    translated = parse_expression(re.sub(r"\b(RE1|S1|S2|N|R|G|B|A)\b", lambda m: ASI_LETTERS[m.group(1)], formula))
    assert asi.bands() - set(constants) <= set(ASI_LETTERS)
    assert ours == translated


def test_ccci_is_ndre_over_ndvi():
    assert parse_expression(INDICES["CCCI"].formula) == parse_expression(
        f"({INDICES['NDRE'].formula}) / ({INDICES['NDVI'].formula})")
    assert "Barnes" in INDICES["CCCI"].reference


def test_only_indices_with_additive_constants_need_reflectance():
    assert {name for name, index in INDICES.items() if index.needs_reflectance} == {"SAVI", "EVI", "MSAVI"}
    assert REFLECTANCE_SCALE == {"S2": 10000.0, "MODIS": 10000.0}
    assert reflectance_scale(SENTINEL2) == 10000 and reflectance_scale(LANDSAT8) is None
    assert reflectance_scale(NAIP) is None


BOUNDED_ON_REFLECTANCE = {"NDVI", "NDSI", "NDWI", "NDMI", "NBR", "NDRE", "SAVI", "MSAVI"}
READ_ON_MINUS_ONE_TO_ONE = {"ARVI", "EVI"}  # not bounded in theory; the USGS products' valid range


def test_indices_with_a_known_range_have_it_in_the_catalog_the_others_none():
    ranged = {name for name, index in INDICES.items() if index.display_range is not None}
    assert ranged == BOUNDED_ON_REFLECTANCE | READ_ON_MINUS_ONE_TO_ONE
    assert all(INDICES[name].display_range == (-1.0, 1.0) for name in ranged)
    assert display_range("NDVI") == (-1.0, 1.0) and display_range(" NDWI ") == (-1.0, 1.0)
    for label in ("RECI", "GCI", "MSI", "SIPI", "CCCI", "ISTACK", "(B08-B04)/(B08+B04)", "B04", ""):
        assert display_range(label) is None, label


@pytest.mark.parametrize("name", sorted(BOUNDED_ON_REFLECTANCE))
def test_bounded_indices_stay_in_their_range_over_all_reflectances_and_reach_its_ends(name):
    """Every band at 0, 1 and random values between (reflectance), every combination of the
    extremes: the index never leaves its display range, and the extremes reach both of its ends."""
    resolved = resolve_index(name, SENTINEL2, scale=1.0)
    bands = sorted(resolved.bands)
    corners = np.array(np.meshgrid(*[[0.0, 1.0]] * len(bands), indexing="ij")).reshape(len(bands), -1)
    random = np.random.default_rng(7).uniform(0.0, 1.0, (len(bands), 20000))
    values = {band: np.concatenate([corners[k], random[k]]) for k, band in enumerate(bands)}
    with np.errstate(all="ignore"):
        result = np.asarray(evaluate(resolved.node, values), dtype=np.float64)
    low, high = INDICES[name].display_range
    finite = result[np.isfinite(result)]
    assert finite.size > 20000
    assert finite.min() >= low - 1e-12 and finite.max() <= high + 1e-12
    assert finite.min() == pytest.approx(low, abs=1e-12) and finite.max() == pytest.approx(high, abs=1e-12)


def test_ratio_indices_do_not_depend_on_the_scale():
    rng = np.random.default_rng(1)
    bands = {name: rng.uniform(0.01, 0.6, (4, 4)) for name in ("B01", "B02", "B03", "B04", "B05", "B08", "B11",
                                                                 "B12")}
    scaled = {name: values * 10000 for name, values in bands.items()}
    for name, index in INDICES.items():
        if index.defined and not index.needs_reflectance:
            node = resolve_index(name, SENTINEL2).node
            np.testing.assert_allclose(evaluate(node, scaled), evaluate(node, bands), rtol=1e-9, err_msg=name)


# ---------------------------------------------------------------------------------------------
# Resolving per sensor

@pytest.mark.parametrize(("sensor", "ndvi"), [
    (SENTINEL2, "(B08 - B04) / (B08 + B04)"),
    (LANDSAT9, "(B5 - B4) / (B5 + B4)"),
    (LANDSAT8, "(B5 - B4) / (B5 + B4)"),
    (LANDSAT7, "(B4 - B3) / (B4 + B3)"),
    (LANDSAT5, "(B4 - B3) / (B4 + B3)"),
    (MODIS, "(B02 - B01) / (B02 + B01)"),
    (NAIP, "(N - R) / (N + R)"),
])
def test_ndvi_on_every_sensor(sensor, ndvi):
    [resolved] = resolve_bm_type("NDVI", sensor)
    assert resolved.label == "NDVI" and resolved.index is INDICES["NDVI"]
    assert resolved.node.to_text() == ndvi == resolved.text
    assert resolved.bands == parse_expression(ndvi).bands()
    assert resolved.scale is None
    assert describe_index("NDVI", sensor) == f"NDVI = {ndvi}"


def test_indices_and_expressions_mixed_in_one_bm_type():
    resolved = resolve_bm_type("NDVI, (NIR-RED)/(NIR+RED) ,B04,EVI", SENTINEL2)
    assert [item.label for item in resolved] == ["NDVI", "(NIR-RED)/(NIR+RED)", "B04", "EVI"]
    assert resolved[0].node == resolved[1].node
    assert resolved[1].index is None and resolved[1].scale is None
    assert resolved[2].node == BandRef("B04") and resolved[2].bands == {"B04"}
    assert resolved[3].bands == {"B02", "B04", "B08"} and resolved[3].scale == 10000
    assert resolved[3].node.to_text() == ("2.5 * (B08 / 10000 - B04 / 10000) / "
                                          "(B08 / 10000 + 6 * (B04 / 10000) - 7.5 * (B02 / 10000) + 1)")


def test_a_list_bm_type_is_resolved_item_by_item():
    resolved = resolve_bm_type(["NDVI", "(B08-B04)/(B08+B04)", "NBR"], SENTINEL2)
    assert [item.label for item in resolved] == ["NDVI", "(B08-B04)/(B08+B04)", "NBR"]


def test_custom_expressions_keep_the_stored_values_even_for_sensors_with_a_scale():
    [resolved] = resolve_bm_type("2.5*(NIR-RED)/(NIR+6*RED-7.5*BLUE+1)", SENTINEL2)
    assert resolved.node.to_text() == "2.5 * (B08 - B04) / (B08 + 6 * B04 - 7.5 * B02 + 1)"


def test_scale_choice_for_indices_that_need_reflectance():
    assert resolve_index("SAVI", MODIS).node.to_text() == \
        "1.5 * (B02 / 10000 - B01 / 10000) / (B02 / 10000 + B01 / 10000 + 0.5)"
    calibrated = resolve_index("SAVI", LANDSAT8, scale=1.0)
    assert calibrated.node.to_text() == "1.5 * (B5 - B4) / (B5 + B4 + 0.5)" and calibrated.scale == 1.0
    assert resolve_index("EVI", LANDSAT5, scale=10000).node.bands() == {"B1", "B3", "B4"}
    assert resolve_index("NDVI", LANDSAT8, scale=10000).node.to_text() == "(B5 - B4) / (B5 + B4)"
    for bad in (0, -1, math.inf, math.nan, "10000"):
        with pytest.raises(ValueError):
            resolve_index("EVI", SENTINEL2, scale=bad)


@pytest.mark.parametrize(("sensor", "name", "fragment"), [
    (LANDSAT8, "EVI", "EVI needs reflectance (0..1), and Landsat 8 bands are level-1 digital numbers, calibrated "
                      "per scene with its MTL file"),
    (LANDSAT5, "SAVI", "SAVI needs reflectance (0..1), and Landsat 5 bands are level-1 digital numbers"),
    (NAIP, "MSAVI", "MSAVI needs reflectance (0..1), and NAIP bands are 8-bit digital numbers"),
    (LANDSAT8, "NDRE", "NDRE needs the RE1 band (red edge 1), which Landsat 8 does not have"),
    (LANDSAT9, "RECI", "RECI needs the RE1 band (red edge 1), which Landsat 9 does not have"),
    (MODIS, "CCCI", "CCCI needs the RE1 band (red edge 1), which MODIS MCD43A4 does not have"),
    (LANDSAT7, "SIPI", "SIPI needs the COASTAL band (coastal aerosol), which Landsat 7 does not have"),
    (NAIP, "NBR", "NBR needs the SWIR2 band (shortwave infrared 2), which NAIP does not have"),
])
def test_indices_a_sensor_cannot_compute_are_refused_with_the_reason(sensor, name, fragment):
    assert fragment in message_of(name, sensor)
    with pytest.raises(RequestError, match=re.escape(fragment)):
        resolve_index(name, sensor)
    if "needs reflectance" in fragment:
        assert describe_index(name, sensor).endswith(f"(bands as reflectance: {sensor.name} bands must be calibrated "
                                                     "first)")
    else:
        with pytest.raises(RequestError, match=re.escape(fragment)):
            describe_index(name, sensor)


@pytest.mark.parametrize("name", sorted(UNDEFINED))
def test_istack_and_fidet_are_refused_asking_for_the_expression(name):
    message = message_of(name)
    assert f"{name} has no public definition; give the expression instead" in message
    assert f"{name} has no public definition" in message_of(f"NDVI,{name}")
    with pytest.raises(RequestError, match="no public definition"):
        describe_index(name, SENTINEL2)


@pytest.mark.parametrize(("bm_type", "fragment"), [
    ("NDXI", "NDXI is not a Sentinel-2 band or alias, nor an index the API knows (NDVI, NDSI, NDWI,"),
    ("NDVI,NDXI", "NDXI is not a Sentinel-2 band or alias, nor an index the API knows"),
    ("ndvi", "ndvi is not an index the API knows (did you mean NDVI? index names are upper case)"),
    ("NDVI*2", "NDVI is an index name: give it on its own, not inside an expression"),
    ("(NDVI)", "NDVI is an index name: give it on its own"),
    ("B13", "B13 is not a Sentinel-2 band or alias"),
    ("(B13-B04)/(B13+B04)", "B13 is not a Sentinel-2 band or alias"),
    ("NDVI,,B04", "expression 2 of 3 is empty (position 6)"),
    (",B04", "expression 1 of 2 is empty (position 1)"),
    ("NDVI,", "expression 2 of 2 is empty (position 6)"),
    ("", "empty expression"),
    ("   ", "empty expression"),
    ("NDVI,(B08-B04", "unbalanced parentheses: '(' at position 6 is never closed"),
    ("NDVI, B08 $ B04", "unexpected character '$' at position 11"),
    ("B04,sqrt(B03,B02)", "sqrt at position 5 takes 1 argument, not 2"),
    ("B04,foo(B03)", "unknown function 'foo' at position 5"),
])
def test_unsupported_band_or_operation(bm_type, fragment):
    assert fragment in message_of(bm_type)


def test_bm_type_must_be_text():
    assert "bm_type must be text, not int" in message_of(5)


def test_describe_index_texts():
    assert describe_index("NDVI", SENTINEL2) == "NDVI = (B08 - B04) / (B08 + B04)"
    assert describe_index("NDVI", LANDSAT8) == "NDVI = (B5 - B4) / (B5 + B4)"
    assert describe_index("NDWI", LANDSAT5) == "NDWI = (B2 - B4) / (B2 + B4)"
    assert describe_index("RECI", SENTINEL2) == "RECI = B08 / B05 - 1"
    assert describe_index("GCI", NAIP) == "GCI = N / G - 1"
    assert describe_index("SIPI", LANDSAT8) == "SIPI = (B5 - B1) / (B5 - B4)"
    assert describe_index("NBR", MODIS) == "NBR = (B02 - B07) / (B02 + B07)"
    assert describe_index("CCCI", SENTINEL2) == "CCCI = (B08 - B05) / (B08 + B05) / ((B08 - B04) / (B08 + B04))"
    assert describe_index("ARVI", SENTINEL2) == "ARVI = (B08 - (B04 - (B04 - B02))) / (B08 + (B04 - (B04 - B02)))"
    assert describe_index("EVI", SENTINEL2) == ("EVI = 2.5 * (B08 - B04) / (B08 + 6 * B04 - 7.5 * B02 + 1) "
                                                "(bands as reflectance: value / 10000)")
    assert describe_index("SAVI", LANDSAT8) == ("SAVI = 1.5 * (B5 - B4) / (B5 + B4 + 0.5) "
                                                "(bands as reflectance: Landsat 8 bands must be calibrated first)")
    assert describe_index("MSAVI", SENTINEL2) == ("MSAVI = 0.5 * (2 * B08 + 1 - ((2 * B08 + 1) ** 2 - 8 * (B08 - B04)) "
                                                  "** 0.5) (bands as reflectance: value / 10000)")


# ---------------------------------------------------------------------------------------------
# Every index on real imagery, against the formula written out by hand

S2_FILES = "sentinel2/IMG_DATA/T33UUU_20170216T102101_{band}.jp2"
L8_SCENE = "LC80200392015216LGN00"
# A window of the 20 m grid (rows, columns); the 10 m and 60 m grids nest in it exactly.
S2_ROWS, S2_COLS = (96, 192), (192, 384)
L8_ROWS, L8_COLS = (250, 370), (250, 450)


def _read(path: str, rows: tuple[int, int], cols: tuple[int, int]) -> np.ndarray:
    from osgeo import gdal

    dataset = gdal.Open(path)  # kept in a variable while its band is read (GDAL 3.6)
    assert dataset is not None, path
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray(cols[0], rows[0], cols[1] - cols[0], rows[1] - rows[0])
    band = None
    dataset = None
    return values


@pytest.fixture(scope="module")
def sentinel2_20m(sample_store) -> dict[str, np.ndarray]:
    """The Sentinel-2 bands of one window on the 20 m grid, as stored (UInt16): 10 m bands averaged
    2 x 2, 60 m bands repeated 3 x 3."""
    from osgeo import gdal

    bands = {}
    for name in ("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B09", "B11", "B12"):
        path = os.path.join(sample_store, S2_FILES.format(band=name))
        dataset = gdal.Open(path)
        pixel = dataset.GetGeoTransform()[1]
        origin = dataset.GetGeoTransform()[0], dataset.GetGeoTransform()[3]
        dataset = None
        assert origin == (330000.0, 5822040.0)  # the grids nest: same origin
        factor = pixel / 20
        rows = tuple(int(r / factor) for r in S2_ROWS)
        cols = tuple(int(c / factor) for c in S2_COLS)
        values = _read(path, rows, cols).astype(np.float64)
        if factor < 1:
            step = int(round(1 / factor))
            values = values.reshape(values.shape[0] // step, step, values.shape[1] // step, step).mean(axis=(1, 3))
        elif factor > 1:
            step = int(round(factor))
            values = np.repeat(np.repeat(values, step, axis=0), step, axis=1)
        assert values.shape == (S2_ROWS[1] - S2_ROWS[0], S2_COLS[1] - S2_COLS[0])
        assert np.all(values > 0)  # inside the scene: no fill
        bands[name] = values
    return bands


def _hand_sentinel2(b: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Each index written out by hand: digital numbers for the ratios, reflectance (DN / 10000)
    for the indices with additive constants."""
    coastal, blue, green, red = b["B01"], b["B02"], b["B03"], b["B04"]
    re1, nir, swir1, swir2 = b["B05"], b["B08"], b["B11"], b["B12"]
    rho = {name: values / 10000.0 for name, values in b.items()}
    with np.errstate(all="ignore"):
        return {
            "NDVI": (nir - red) / (nir + red),
            "NDSI": (green - swir1) / (green + swir1),
            "NDWI": (green - nir) / (green + nir),
            "RECI": nir / re1 - 1,
            "NDMI": (nir - swir1) / (nir + swir1),
            "SAVI": 1.5 * (rho["B08"] - rho["B04"]) / (rho["B08"] + rho["B04"] + 0.5),
            "ARVI": (nir - (red - 1.0 * (red - blue))) / (nir + (red - 1.0 * (red - blue))),
            "EVI": 2.5 * (rho["B08"] - rho["B04"]) / (rho["B08"] + 6 * rho["B04"] - 7.5 * rho["B02"] + 1),
            "GCI": nir / green - 1,
            "SIPI": (nir - coastal) / (nir - red),
            "NBR": (nir - swir2) / (nir + swir2),
            "MSI": swir1 / nir,
            "NDRE": (nir - re1) / (nir + re1),
            "CCCI": ((nir - re1) / (nir + re1)) / ((nir - red) / (nir + red)),
            "MSAVI": (2 * rho["B08"] + 1 - np.sqrt((2 * rho["B08"] + 1) ** 2 - 8 * (rho["B08"] - rho["B04"]))) / 2,
        }


@pytest.mark.sample_data
def test_every_index_on_real_sentinel2_imagery(sentinel2_20m):
    expected = _hand_sentinel2(sentinel2_20m)
    assert set(expected) == set(INDICES) - UNDEFINED  # every catalog index is checked
    for name, hand in expected.items():
        [resolved] = resolve_bm_type(name, SENTINEL2)
        values = evaluate(resolved.node, {band: sentinel2_20m[band] for band in resolved.bands})
        assert np.isfinite(values).mean() > 0.99, name
        np.testing.assert_allclose(values, hand, rtol=1e-9, atol=1e-12, equal_nan=True, err_msg=name)
    # The ranges a reader expects from reflectance indices on a winter scene.
    ndvi = evaluate(resolve_bm_type("NDVI", SENTINEL2)[0].node, sentinel2_20m)
    assert np.nanmin(ndvi) >= -1 and np.nanmax(ndvi) <= 1
    evi = evaluate(resolve_bm_type("EVI", SENTINEL2)[0].node, sentinel2_20m)
    assert 0 < np.nanmedian(evi) < 1
    # Why the reflectance rule exists: the same formula on the stored digital numbers is nonsense here.
    evi_on_digital_numbers = evaluate(resolve_index("EVI", SENTINEL2, scale=1.0).node, sentinel2_20m)
    assert np.nanmedian(evi_on_digital_numbers) < 0


@pytest.mark.sample_data
def test_several_expressions_of_one_bm_type_on_real_sentinel2_imagery(sentinel2_20m):
    b = sentinel2_20m
    resolved = resolve_bm_type("NDVI,(NIR-RED)/(NIR+RED),max(B8A,B08)/B05,B12", SENTINEL2)
    values = [evaluate(item.node, {band: b[band] for band in item.bands}) for item in resolved]
    np.testing.assert_allclose(values[0], values[1])
    np.testing.assert_allclose(values[2], np.maximum(b["B8A"], b["B08"]) / b["B05"])
    np.testing.assert_array_equal(values[3], b["B12"])


@pytest.fixture(scope="module")
def landsat8_window(sample_store) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """A window of the Landsat 8 scene: digital numbers as stored, and top-of-atmosphere
    reflectance from the MTL file (USGS: (M * DN + A) / sin(sun elevation))."""
    folder = os.path.join(sample_store, "landsat8", L8_SCENE)
    with open(os.path.join(folder, f"{L8_SCENE}_MTL.txt"), encoding="utf-8") as stream:
        mtl = stream.read()
    elevation = float(re.search(r"SUN_ELEVATION = ([\d.]+)", mtl).group(1))
    digital, reflectance = {}, {}
    for number in range(1, 8):
        name = f"B{number}"
        values = _read(os.path.join(folder, f"{L8_SCENE}_{name}.TIF"), L8_ROWS, L8_COLS).astype(np.float64)
        assert np.all(values > 0)
        gain = float(re.search(rf"REFLECTANCE_MULT_BAND_{number} = (\S+)", mtl).group(1))
        offset = float(re.search(rf"REFLECTANCE_ADD_BAND_{number} = (\S+)", mtl).group(1))
        digital[name] = values
        reflectance[name] = (gain * values + offset) / math.sin(math.radians(elevation))
    return digital, reflectance


def _hand_landsat8(b: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    coastal, blue, green, red, nir, swir1, swir2 = (b[f"B{n}"] for n in range(1, 8))
    with np.errstate(all="ignore"):
        return {
            "NDVI": (nir - red) / (nir + red),
            "NDSI": (green - swir1) / (green + swir1),
            "NDWI": (green - nir) / (green + nir),
            "NDMI": (nir - swir1) / (nir + swir1),
            "SAVI": (1 + 0.5) * (nir - red) / (nir + red + 0.5),
            "ARVI": (nir - (red - (red - blue))) / (nir + (red - (red - blue))),
            "EVI": 2.5 * (nir - red) / (nir + 6 * red - 7.5 * blue + 1),
            "GCI": nir / green - 1,
            "SIPI": (nir - coastal) / (nir - red),
            "NBR": (nir - swir2) / (nir + swir2),
            "MSI": swir1 / nir,
            "MSAVI": 0.5 * (2 * nir + 1 - ((2 * nir + 1) ** 2 - 8 * (nir - red)) ** 0.5),
        }


def _resolvable(sensor, scale=None):
    """The index names resolve_index accepts for `sensor` at `scale`."""
    names = []
    for name in INDICES:
        try:
            resolve_index(name, sensor, scale)
        except RequestError:
            continue
        names.append(name)
    return names


@pytest.mark.sample_data
def test_every_landsat8_index_on_real_imagery(landsat8_window):
    digital, reflectance = landsat8_window
    on_reflectance = _hand_landsat8(reflectance)
    on_digital = _hand_landsat8(digital)
    assert set(on_reflectance) == set(_resolvable(LANDSAT8, scale=1.0))
    for name in on_reflectance:
        needs_reflectance = INDICES[name].needs_reflectance
        if needs_reflectance:
            # Digital numbers have no fixed scale: refused unless the bands come calibrated (scale 1).
            assert f"{name} needs reflectance" in message_of(name, LANDSAT8)
        else:
            [resolved] = resolve_bm_type(name, LANDSAT8)
            values = evaluate(resolved.node, {band: digital[band] for band in resolved.bands})
            np.testing.assert_allclose(values, on_digital[name], rtol=1e-9, equal_nan=True, err_msg=name)
        [resolved] = resolve_bm_type(name, LANDSAT8, scale=1.0)
        values = evaluate(resolved.node, {band: reflectance[band] for band in resolved.bands})
        assert np.isfinite(values).mean() > 0.99, name
        np.testing.assert_allclose(values, on_reflectance[name], rtol=1e-9, atol=1e-12, equal_nan=True, err_msg=name)
