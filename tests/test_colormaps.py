"""Named colormaps without matplotlib (core/colormaps.py): tables, classes, stretching, nodata."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from load_by_extent.core.colormaps import (
    COLORMAP_NAMES,
    apply_colormap,
    color_stops,
    colormap_by_name,
    lookup_table,
    scale_to_byte,
)
from load_by_extent.core.errors import RequestError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

REQUIRED_NAMES = [
    "viridis", "magma", "inferno", "plasma", "cividis", "RdYlGn", "Spectral", "RdYlBu", "RdBu", "BrBG", "PiYG",
    "PRGn", "YlGn", "YlGnBu", "Greens", "Blues", "Reds", "Greys", "terrain", "jet",
]
ALL_NAMES = list(COLORMAP_NAMES) + [name + "_r" for name in COLORMAP_NAMES]


def close_to(color, expected, tolerance: int = 3) -> bool:
    return all(abs(int(a) - int(b)) <= tolerance for a, b in zip(color, expected))


# --- names ---------------------------------------------------------------------------------------


def test_required_maps_are_there():
    assert set(REQUIRED_NAMES) <= set(COLORMAP_NAMES)


def test_names_are_sorted_case_preserving_and_unique_regardless_of_case():
    assert list(COLORMAP_NAMES) == sorted(COLORMAP_NAMES, key=str.casefold)
    assert len({name.casefold() for name in COLORMAP_NAMES}) == len(COLORMAP_NAMES)
    assert "RdYlGn" in COLORMAP_NAMES and "rdylgn" not in COLORMAP_NAMES


@pytest.mark.parametrize("spelling", ["RdYlGn", "rdylgn", "RDYLGN", "rDyLgN", " RdYlGn "])
def test_lookup_is_case_insensitive(spelling):
    assert colormap_by_name(spelling).name == "RdYlGn"
    assert np.array_equal(lookup_table(spelling), lookup_table("RdYlGn"))


@pytest.mark.parametrize("spelling", ["RdYlGn_r", "rdylgn_r", "RDYLGN_R"])
def test_reversed_lookup_is_case_insensitive(spelling):
    cmap = colormap_by_name(spelling)
    assert (cmap.name, cmap.is_reversed) == ("RdYlGn_r", True)


@pytest.mark.parametrize("name", ["viridiss", "", "viridis_r_r", "_r", "RdYlGn-r", "matplotlib"])
def test_unknown_name_is_a_request_error_naming_the_known_ones(name):
    with pytest.raises(RequestError) as raised:
        lookup_table(name)
    assert raised.value.field == "params.colormap"
    assert "is not a colormap" in raised.value.message
    assert "viridis" in raised.value.message and "RdYlGn" in raised.value.message


def test_unknown_name_errors_in_every_entry_point():
    for call in (
        lambda: colormap_by_name("nope"),
        lambda: color_stops("nope"),
        lambda: apply_colormap(np.zeros((2, 2)), 0, 1, "nope"),
    ):
        with pytest.raises(RequestError, match="params.colormap"):
            call()


# --- the stored control points -------------------------------------------------------------------


@pytest.mark.parametrize("name", COLORMAP_NAMES)
def test_control_points_are_well_formed(name):
    points = colormap_by_name(name).control_points
    positions = [point[0] for point in points]
    assert positions[0] == 0.0 and positions[-1] == 1.0
    assert all(a < b for a, b in zip(positions, positions[1:]))
    assert all(isinstance(value, int) and 0 <= value <= 255 for point in points for value in point[1:])
    assert 2 <= len(points) <= 20


# --- lookup tables -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_NAMES)
def test_every_name_gives_a_256_by_3_byte_table(name):
    table = lookup_table(name)
    assert table.shape == (256, 3)
    assert table.dtype == np.uint8


@pytest.mark.parametrize(
    ("name", "start", "middle", "end"),
    [
        ("viridis", (68, 1, 84), (33, 144, 141), (253, 231, 37)),
        ("magma", (0, 0, 4), (183, 55, 121), (252, 253, 191)),
        ("inferno", (0, 0, 4), (188, 55, 84), (252, 255, 164)),
        ("plasma", (13, 8, 135), (204, 71, 120), (240, 249, 33)),
        ("cividis", (0, 34, 78), (124, 123, 120), (254, 232, 56)),
        ("RdYlGn", (165, 0, 38), (255, 255, 191), (0, 104, 55)),
        ("Spectral", (158, 1, 66), (255, 255, 191), (94, 79, 162)),
        ("RdBu", (103, 0, 31), (247, 247, 247), (5, 48, 97)),
        ("Greys", (255, 255, 255), (150, 150, 150), (0, 0, 0)),
        ("Greens", (247, 252, 245), (116, 196, 118), (0, 68, 27)),
        ("jet", (0, 0, 128), (124, 255, 121), (128, 0, 0)),
        ("gray", (0, 0, 0), (128, 128, 128), (255, 255, 255)),
        ("terrain", (51, 51, 153), (255, 255, 153), (255, 255, 255)),
    ],
)
def test_known_colours_at_start_middle_and_end(name, start, middle, end):
    first, centre, last = lookup_table(name, size=3)
    assert close_to(first, start), (name, first)
    assert close_to(centre, middle), (name, centre)
    assert close_to(last, end), (name, last)


def test_rdylgn_goes_from_red_to_green():
    table = lookup_table("RdYlGn").astype(int)
    red, green = table[0], table[-1]
    assert red[0] > red[1] + 100 and red[0] > red[2] + 100
    assert green[1] > green[0] + 50 and green[1] > green[2] + 40


def test_greys_goes_from_white_to_black_through_greys():
    table = lookup_table("Greys").astype(int)
    assert table[0].tolist() == [255, 255, 255] and table[-1].tolist() == [0, 0, 0]
    assert (table[:, 0] == table[:, 1]).all() and (table[:, 1] == table[:, 2]).all()
    assert (np.diff(table[:, 0]) <= 0).all()


@pytest.mark.parametrize("name", COLORMAP_NAMES)
def test_reversed_map_is_the_exact_mirror(name):
    assert np.array_equal(lookup_table(name + "_r"), lookup_table(name)[::-1])
    assert np.array_equal(lookup_table(name + "_r", classes=7), lookup_table(name, classes=7)[::-1])


@pytest.mark.parametrize("size", [2, 3, 17, 256, 1024])
def test_tables_of_any_size_keep_the_ends(size):
    table = lookup_table("viridis", size=size)
    assert table.shape == (size, 3)
    assert table[0].tolist() == [68, 1, 84] and table[-1].tolist() == [253, 231, 37]


def test_a_table_needs_two_entries():
    with pytest.raises(ValueError):
        lookup_table("viridis", size=1)


# --- classes (colors_limit) ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["viridis", "RdYlGn", "Greys", "jet", "terrain", "Spectral_r"])
@pytest.mark.parametrize("classes", [2, 3, 5, 8, 10, 16, 64])
def test_classes_give_exactly_that_many_colours_in_equal_steps(name, classes):
    table = lookup_table(name, classes=classes)
    assert table.shape == (256, 3)
    assert len(np.unique(table, axis=0)) == classes
    # contiguous runs, in ramp order, of equal length within one entry
    changes = np.flatnonzero((np.diff(table.astype(int), axis=0) != 0).any(axis=1)) + 1
    runs = np.diff(np.concatenate([[0], changes, [256]]))
    assert len(runs) == classes
    assert runs.max() - runs.min() <= 1
    # the ends keep the map's end colours; the classes are the evenly spaced colour stops
    assert np.array_equal(table[0], lookup_table(name)[0]) and np.array_equal(table[-1], lookup_table(name)[-1])
    class_colors = [color for _, color in color_stops(name, classes)]
    assert [tuple(table[start]) for start in np.concatenate([[0], changes])] == class_colors


def test_up_to_64_classes_are_distinct_colours_on_every_map_but_the_cyclic_one():
    for name in COLORMAP_NAMES:
        if name == "twilight":
            continue
        for classes in range(2, 65):
            assert len(np.unique(lookup_table(name, classes=classes), axis=0)) == classes, (name, classes)


def test_the_cyclic_twilight_starts_and_ends_on_one_colour():
    assert np.array_equal(lookup_table("twilight")[0], lookup_table("twilight")[-1])
    assert len(np.unique(lookup_table("twilight", classes=5), axis=0)) == 4


def test_many_classes_are_accepted_up_to_the_api_limit():
    table = lookup_table("RdYlGn", classes=255)
    assert len(np.unique(table, axis=0)) == 255


@pytest.mark.parametrize("classes", [0, 1, -3])
def test_fewer_than_two_classes_is_a_request_error(classes):
    with pytest.raises(RequestError) as raised:
        lookup_table("viridis", classes=classes)
    assert raised.value.field == "params.colors_limit"


# --- colour stops --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["viridis", "RdYlGn_r", "jet", "Greys"])
@pytest.mark.parametrize("count", [2, 5, 11])
def test_color_stops_span_the_map_evenly(name, count):
    stops = color_stops(name, count)
    assert len(stops) == count
    fractions = [fraction for fraction, _ in stops]
    assert fractions == pytest.approx(list(np.linspace(0, 1, count)))
    table = lookup_table(name)
    assert stops[0][1] == tuple(table[0].tolist()) and stops[-1][1] == tuple(table[-1].tolist())
    assert all(isinstance(value, int) for _, color in stops for value in color)


@pytest.mark.parametrize("name", ["viridis", "viridis_r", "RdYlGn", "gray_r"])
def test_color_stops_without_count_are_the_control_points_in_ramp_order(name):
    stops = color_stops(name)
    fractions = [fraction for fraction, _ in stops]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert all(a < b for a, b in zip(fractions, fractions[1:]))
    table = lookup_table(name)
    assert stops[0][1] == tuple(table[0].tolist()) and stops[-1][1] == tuple(table[-1].tolist())


def test_color_stops_need_two():
    with pytest.raises(ValueError):
        color_stops("viridis", 1)


# --- stretching ----------------------------------------------------------------------------------


def test_scale_to_byte_stretches_rounds_and_clips():
    values = np.array([[-1.0, -0.5, 0.0], [0.5, 1.0, 7.0]])
    assert scale_to_byte(values, -0.5, 0.5).tolist() == [[0, 0, 128], [255, 255, 255]]
    assert scale_to_byte(np.array([0.0, 0.25, 1.0]), 0, 1).tolist() == [0, 64, 255]
    assert scale_to_byte(values, -0.5, 0.5).dtype == np.uint8


def test_scale_to_byte_takes_integers_and_keeps_the_shape():
    values = np.arange(0, 10001, 2500, dtype=np.uint16).reshape(1, 5)
    scaled = scale_to_byte(values, 0, 10000)
    assert scaled.shape == (1, 5)
    assert scaled.tolist() == [[0, 64, 128, 191, 255]]


def test_scale_to_byte_nan_is_zero_and_infinities_are_the_ends():
    values = np.array([np.nan, -np.inf, np.inf], dtype=np.float32)
    assert scale_to_byte(values, 0, 1).tolist() == [0, 0, 255]


@pytest.mark.parametrize(("low", "high"), [(1, 1), (2, 1), (np.nan, 1), (0, np.inf)])
def test_scale_to_byte_needs_low_below_high(low, high):
    with pytest.raises(RequestError) as raised:
        scale_to_byte(np.zeros(3), low, high)
    assert raised.value.field == "params.levels"


# --- colouring a band ----------------------------------------------------------------------------


def test_apply_colormap_maps_low_and_high_to_the_ends_and_clips_beyond():
    values = np.array([[-5.0, -0.5, 0.0], [0.5, 5.0, 0.25]], dtype=np.float32)
    table = lookup_table("RdYlGn")
    rgb = apply_colormap(values, -0.5, 0.5, "RdYlGn")
    assert rgb.shape == (2, 3, 3) and rgb.dtype == np.uint8
    assert rgb[0, 0].tolist() == rgb[0, 1].tolist() == table[0].tolist()
    assert rgb[1, 0].tolist() == rgb[1, 1].tolist() == table[-1].tolist()
    assert rgb[0, 2].tolist() == table[128].tolist()
    assert rgb[1, 2].tolist() == table[191].tolist()


def test_apply_colormap_is_the_table_indexed_by_the_stretched_bytes():
    rng = np.random.default_rng(7)
    values = rng.uniform(-1, 1, size=(40, 30))
    expected = lookup_table("viridis_r")[scale_to_byte(values, -0.6, 0.8)]
    assert np.array_equal(apply_colormap(values, -0.6, 0.8, "viridis_r"), expected)


def test_apply_colormap_with_classes_colours_equal_value_intervals():
    # four classes over 0..1: [0, .25), [.25, .5), [.5, .75), [.75, 1]
    values = np.array([[0.0, 0.1, 0.2, 0.3, 0.45, 0.55, 0.7, 0.8, 0.95, 1.0]])
    rgb = apply_colormap(values, 0, 1, "viridis", classes=4)
    class_colors = [color for _, color in color_stops("viridis", 4)]
    expected = [class_colors[k] for k in (0, 0, 0, 1, 1, 2, 2, 3, 3, 3)]
    assert [tuple(color) for color in rgb[0].tolist()] == expected
    assert len(np.unique(rgb.reshape(-1, 3), axis=0)) == 4


def test_apply_colormap_leaves_nodata_black():
    values = np.array([[0.0, 0.5, 1.0], [0.2, -9999.0, 0.8]])
    nodata = values == -9999.0
    nodata[0, 0] = True
    rgb = apply_colormap(values, 0, 1, "Greys_r", nodata_mask=nodata)
    assert rgb[0, 0].tolist() == [0, 0, 0] and rgb[1, 1].tolist() == [0, 0, 0]
    assert rgb[0, 2].tolist() == [255, 255, 255]  # Greys_r ends on white
    assert (rgb[~nodata] == lookup_table("Greys_r")[scale_to_byte(values, 0, 1)][~nodata]).all()


def test_apply_colormap_treats_nan_as_nodata():
    values = np.array([[np.nan, 0.0], [1.0, np.nan]], dtype=np.float32)
    rgb = apply_colormap(values, 0, 1, "Greys_r")  # Greys_r starts on black: use the yellow end of YlGn too
    assert rgb[0, 0].tolist() == [0, 0, 0] and rgb[1, 1].tolist() == [0, 0, 0]
    yellow = apply_colormap(values, 0, 1, "YlGn")
    assert yellow[0, 0].tolist() == [0, 0, 0] and yellow[1, 1].tolist() == [0, 0, 0]
    assert yellow[0, 1].tolist() == lookup_table("YlGn")[0].tolist() != [0, 0, 0]


def test_apply_colormap_takes_integer_bands():
    values = np.array([[0, 5000, 10000]], dtype=np.uint16)
    rgb = apply_colormap(values, 0, 10000, "gray")
    assert rgb[0].tolist() == [[0, 0, 0], [128, 128, 128], [255, 255, 255]]


def test_apply_colormap_checks_shapes():
    with pytest.raises(ValueError):
        apply_colormap(np.zeros((2, 2, 3)), 0, 1, "viridis")
    with pytest.raises(ValueError):
        apply_colormap(np.zeros((2, 2)), 0, 1, "viridis", nodata_mask=np.zeros((3, 2), dtype=bool))


def test_apply_colormap_rejects_bad_classes_and_levels():
    with pytest.raises(RequestError, match="params.colors_limit"):
        apply_colormap(np.zeros((2, 2)), 0, 1, "viridis", classes=1)
    with pytest.raises(RequestError, match="params.levels"):
        apply_colormap(np.zeros((2, 2)), 1, 0, "viridis")


# --- no matplotlib at run time, but faithful to it -----------------------------------------------


def test_the_module_imports_neither_matplotlib_nor_qt():
    code = (
        "import importlib.util, os, sys\n"
        f"root = {ROOT!r}\n"
        "spec = importlib.util.spec_from_file_location('lbe_launcher', os.path.join(root, 'bin', 'lbe.py'))\n"
        "launcher = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(launcher)\n"
        "launcher.import_checkout_as_package(root)\n"
        "from load_by_extent.core.colormaps import apply_colormap\n"
        "import numpy as np\n"
        "apply_colormap(np.zeros((2, 2)), 0, 1, 'viridis', classes=3)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'qgis', 'PyQt5', 'PyQt6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("name", ALL_NAMES)
def test_matches_matplotlib_within_three_units(name):
    import matplotlib

    reference = np.rint(matplotlib.colormaps[name](np.linspace(0, 1, 256))[:, :3] * 255)
    deviation = np.abs(lookup_table(name).astype(int) - reference).max()
    assert deviation <= (3 if name.endswith("_r") else 2), deviation
