"""The band-expression grammar of bm_type: tokens, precedence, errors, evaluation, aliases."""

from __future__ import annotations

import builtins
import inspect
import random
import re
import warnings

import numpy as np
import pytest
from load_by_extent.core import expressions
from load_by_extent.core.errors import DataError, RequestError
from load_by_extent.core.expressions import (
    FUNCTIONS,
    MAX_DEPTH,
    BandRef,
    BinaryOp,
    Call,
    Number,
    UnaryOp,
    evaluate,
    fold_constants,
    map_bands,
    parse_expression,
    resolve,
    split_expressions,
    split_with_positions,
    tokenize,
)
from load_by_extent.core.sensors import LANDSAT5, LANDSAT7, LANDSAT8, LANDSAT9, MODIS, NAIP, SENTINEL2


def value_of(text: str) -> float:
    return float(evaluate(parse_expression(text), {}))


def error_of(text: str) -> str:
    with pytest.raises(RequestError) as caught:
        parse_expression(text)
    assert caught.value.field == "params.bm_type"
    assert caught.value.message.startswith("Unsupported band or operation: ")
    return caught.value.message


# ---------------------------------------------------------------------------------------------
# Tokens

def test_tokens_with_kinds_texts_and_one_based_positions():
    tokens = tokenize(" (B08-B04) ** .5^2E+1,max")
    assert [(t.kind, t.text, t.position) for t in tokens] == [
        ("op", "(", 2), ("name", "B08", 3), ("op", "-", 6), ("name", "B04", 7), ("op", ")", 10),
        ("op", "**", 12), ("number", ".5", 15), ("op", "^", 17), ("number", "2E+1", 18), ("op", ",", 22),
        ("name", "max", 23), ("end", "", 26),
    ]


@pytest.mark.parametrize(("text", "value"), [
    ("2", 2.0), ("0.5", 0.5), (".5", 0.5), ("5.", 5.0), ("1e-3", 0.001), ("2.5E+2", 250.0), ("1E2", 100.0),
    ("007", 7.0),
])
def test_number_forms(text, value):
    assert parse_expression(text) == Number(value)


@pytest.mark.parametrize("name", ["B04", "B8A", "B6_VCID_1", "QA_PIXEL", "NIR", "RE1", "_x", "b4"])
def test_names_are_kept_as_written(name):
    assert parse_expression(name) == BandRef(name)


def test_whitespace_is_ignored_everywhere():
    assert parse_expression(" \t( B08 -\nB04 )/( B08+B04 ) ") == parse_expression("(B08-B04)/(B08+B04)")


def test_tokenizer_offset_shifts_positions():
    assert tokenize("B04", offset=10)[0].position == 11


# ---------------------------------------------------------------------------------------------
# Errors: what and where

@pytest.mark.parametrize(("text", "fragment"), [
    ("", "empty expression"),
    ("   ", "empty expression"),
    ("B04 $ 3", "unexpected character '$' at position 5"),
    ("B04 & B03", "unexpected character '&' at position 5"),
    ("B04 % 2", "unexpected character '%' at position 5"),
    ("B04 // 2", "unexpected '/' at position 6"),
    ("B04 = 2", "unexpected character '=' at position 5"),
    ("'B04'", "unexpected character ''' at position 1"),
    ("B04[0]", "unexpected character '[' at position 4"),
    ("B04.B03", "unexpected character '.' at position 4"),
    ("2B04", "malformed number '2B04' at position 1"),
    ("1.2.3", "malformed number '1.2.3' at position 1"),
    ("3e", "malformed number '3e' at position 1"),
    ("B04 +", "ends too early at position 6"),
    ("*B04", "unexpected '*' at position 1"),
    ("B04 * * B03", "unexpected '*' at position 7"),
    ("B04 B03", "unexpected 'B03' at position 5: an operator is missing"),
    ("(B08-B04", "unbalanced parentheses: '(' at position 1 is never closed"),
    ("((B08-B04)", "unbalanced parentheses: '(' at position 1 is never closed"),
    ("B08-B04)", "unbalanced parentheses: ')' at position 8 has no matching '('"),
    (")", "unbalanced parentheses: ')' at position 1 has no matching '('"),
    ("()", "empty parentheses at position 1"),
    ("(B04 + )", "unexpected ')' at position 8"),
    ("(B04 B03)", "unexpected 'B03' at position 6: expected ')' to close the '(' at position 1"),
    ("B04,B03", "unexpected ',' at position 4"),
    ("(B04,B03)", "unexpected ',' at position 5: only a function call takes several arguments"),
    ("foo(B04)", "unknown function 'foo' at position 1"),
    ("B04(2)", "unknown function 'B04' at position 1"),
    ("SQRT(B04)", "unknown function 'SQRT' at position 1 (known: abs, exp, log, log10, max, min, sqrt); did you "
                  "mean sqrt?"),
    ("2 + sqrt()", "sqrt at position 5 takes 1 argument, not 0"),
    ("sqrt(B04, B03)", "sqrt at position 1 takes 1 argument, not 2"),
    ("abs(1, 2)", "abs at position 1 takes 1 argument, not 2"),
    ("log(1, 2)", "log at position 1 takes 1 argument, not 2"),
    ("exp()", "exp at position 1 takes 1 argument, not 0"),
    ("min(B04)", "min at position 1 takes at least 2 arguments, not 1"),
    ("max()", "max at position 1 takes at least 2 arguments, not 0"),
    ("max(B04,)", "unexpected ')' at position 9"),
    ("max(B04 B03)", "unexpected 'B03' at position 9: expected ')' to close the '(' at position 4"),
    ("max(B04, B03", "'(' at position 4 is never closed"),
    ("1e999", "the number 1e999 at position 1 is too large"),
])
def test_every_error_says_what_and_where(text, fragment):
    assert fragment in error_of(text)


def test_python_is_never_evaluated(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("Python code evaluation was called")

    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    monkeypatch.setattr(builtins, "compile", forbidden)
    for text in ("__import__('os')", "__import__(os)", "().__class__", "lambda: 1", "[x for x in B04]",
                 "open('/etc/passwd')", "B04 if B03 else B02", "exec(B04)", "eval(B04)"):
        with pytest.raises(RequestError, match="Unsupported band or operation"):
            parse_expression(text)
    assert value_of("2 ** 3 + max(1, 4)") == 12.0
    source = inspect.getsource(expressions)
    assert not re.search(r"(?<![\w.])(eval|exec|compile)\(", source)
    assert not re.search(r"^\s*(import|from)\s+ast\b", source, re.MULTILINE)


def test_python_syntax_that_is_not_ours_is_refused():
    assert "unknown function '__import__' at position 1" in error_of("__import__(os)")
    assert "unexpected character '.' at position 3" in error_of("().__class__")
    assert "unexpected character '[' at position 1" in error_of("[B04]")
    assert "unexpected 'if' at position 5" in error_of("B04 if B03 else B02")


def test_too_deep_nesting_is_refused_not_a_crash():
    for text in ("(" * 5000 + "B04" + ")" * 5000, "-" * 5000 + "B04", "2**" * 3000 + "2",
                 "+".join(["B04"] * 5000), "sqrt(" * 500 + "B04" + ")" * 500):
        assert f"at most {MAX_DEPTH} levels" in error_of(text)
    assert parse_expression("(" * 50 + "B04" + ")" * 50) == BandRef("B04")


# ---------------------------------------------------------------------------------------------
# Precedence

@pytest.mark.parametrize(("text", "expected"), [
    ("2+3*4", 14), ("(2+3)*4", 20), ("2*3+4", 10), ("2**3**2", 512), ("(2**3)**2", 64), ("-2**2", -4),
    ("(-2)**2", 4), ("-2^2", -4), ("2*-3", -6), ("2*+3", 6), ("--3", 3), ("-+-3", 3), ("8/4/2", 1), ("8/(4/2)", 4),
    ("10-4-3", 3), ("10-(4-3)", 9), ("2^3", 8), ("2^3^2", 512), ("2**-1", 0.5), ("2*3**2", 18), ("-3*2", -6),
    ("2**-1**2", 0.5), ("1+2**3*2", 17), ("6/2*3", 9), ("1-2+3", 2), ("-(2+3)", -5), ("4**0.5", 2), (".5*4", 2),
    ("1e1+1", 11), ("2.5E+2/5", 50),
])
def test_precedence(text, expected):
    assert value_of(text) == expected


def test_trees_of_the_tricky_cases():
    assert parse_expression("-2**2") == UnaryOp("-", BinaryOp("**", Number(2), Number(2)))
    assert parse_expression("2**3**2") == BinaryOp("**", Number(2), BinaryOp("**", Number(3), Number(2)))
    assert parse_expression("2^3") == parse_expression("2**3")
    assert parse_expression("8/4/2") == BinaryOp("/", BinaryOp("/", Number(8), Number(4)), Number(2))
    assert parse_expression("2*-3") == BinaryOp("*", Number(2), UnaryOp("-", Number(3)))
    assert parse_expression("max(B04, B03 + 1)") == Call("max", (BandRef("B04"), BinaryOp("+", BandRef("B03"),
                                                                                           Number(1))))


# ---------------------------------------------------------------------------------------------
# Canonical text

@pytest.mark.parametrize(("text", "canonical"), [
    ("(B08-B04)/(B08+B04)", "(B08 - B04) / (B08 + B04)"),
    ("a-(b-c)", "a - (b - c)"),
    ("(a-b)-c", "a - b - c"),
    ("a+(b+c)", "a + (b + c)"),
    ("a/(b*c)", "a / (b * c)"),
    ("(a*b)/c", "a * b / c"),
    ("(a**b)**c", "(a ** b) ** c"),
    ("a^b^c", "a ** b ** c"),
    ("(-a)**2", "(-a) ** 2"),
    ("-a**2", "-a ** 2"),
    ("a**-b", "a ** -b"),
    ("a**(b+c)", "a ** (b + c)"),
    ("-(a+b)", "-(a + b)"),
    ("-(a*b)", "-(a * b)"),
    ("--a", "--a"),
    ("max( a ,b,  c)", "max(a, b, c)"),
    ("sqrt((a))", "sqrt(a)"),
    ("1e-3 + .5 + 2.5E+2 + 1e-7 + 1e16", "0.001 + 0.5 + 250 + 1e-07 + 1e+16"),
])
def test_canonical_text(text, canonical):
    node = parse_expression(text)
    assert node.to_text() == canonical
    assert str(node) == canonical
    assert parse_expression(canonical) == node


def _random_tree(rng: random.Random, depth: int):
    if depth <= 0 or rng.random() < 0.25:
        if rng.random() < 0.5:
            return Number(rng.choice([0, 1, 2, 0.5, 3.25, 1e-3, 1e20, 7.0]))
        return BandRef(rng.choice(["B04", "B08", "NIR", "B8A"]))
    kind = rng.choice(["unary", "binary", "binary", "binary", "call"])
    if kind == "unary":
        return UnaryOp(rng.choice("+-"), _random_tree(rng, depth - 1))
    if kind == "binary":
        return BinaryOp(rng.choice(["+", "-", "*", "/", "**"]), _random_tree(rng, depth - 1), _random_tree(rng, depth - 1))
    function = rng.choice(sorted(FUNCTIONS))
    count = FUNCTIONS[function].min_args + (rng.randint(0, 2) if FUNCTIONS[function].max_args is None else 0)
    return Call(function, tuple(_random_tree(rng, depth - 1) for _ in range(count)))


def test_round_trip_of_random_trees():
    """Property: parse(to_text(tree)) == tree, and both evaluate alike (hypothesis is not available)."""
    rng = random.Random(20170216)
    bands = {"B04": np.array([0.0, 1.0, 2.0, 1234.0]), "B08": np.array([3.0, 0.0, -1.0, 4321.0]),
             "NIR": np.array([0.5, 2.0, 0.25, 1.0]), "B8A": np.array([1.0, 1.0, 0.0, -2.0])}
    for _ in range(2000):
        tree = _random_tree(rng, rng.randint(0, 6))
        text = tree.to_text()
        again = parse_expression(text)
        assert again == tree, text
        assert again.to_text() == text
        np.testing.assert_array_equal(evaluate(again, bands), evaluate(tree, bands))


def test_bands_lists_the_names_used_not_the_functions():
    assert parse_expression("max(B04, NIR) / sqrt(B04) + 2").bands() == {"B04", "NIR"}
    assert parse_expression("1 + 2").bands() == set()


def test_nodes_are_frozen_and_hashable():
    node = parse_expression("(B08-B04)/(B08+B04)")
    with pytest.raises(AttributeError):
        node.op = "+"
    assert len({node, parse_expression("(B08 - B04) / (B08 + B04)")}) == 1


def test_fold_constants_is_exact():
    assert fold_constants(parse_expression("(1 + 0.5) * NIR")) == parse_expression("1.5 * NIR")
    assert fold_constants(parse_expression("1 * (RED - BLUE)")) == parse_expression("RED - BLUE")
    assert fold_constants(parse_expression("NIR / 1")) == BandRef("NIR")
    assert fold_constants(parse_expression("1 / 0 + NIR")) == parse_expression("1 / 0 + NIR")
    assert fold_constants(parse_expression("0 - 2 + NIR")) == parse_expression("0 - 2 + NIR")


# ---------------------------------------------------------------------------------------------
# Functions and evaluation

def test_functions_values():
    assert value_of("sqrt(16)") == 4
    assert value_of("abs(-2.5)") == 2.5
    assert value_of("log(exp(2))") == pytest.approx(2)
    assert value_of("log10(1000)") == pytest.approx(3)
    assert value_of("min(3, 1, 2)") == 1
    assert value_of("max(3, 1, 2)") == 3
    assert value_of("max(1, 2) * min(4, 5, 6)") == 8


def test_evaluation_on_arrays_matches_hand_computation():
    b04 = np.array([[100, 2000], [0, 65535]], dtype=np.uint16)
    b08 = np.array([[300, 1000], [0, 1]], dtype=np.uint16)
    bands = {"B04": b04, "B08": b08}
    red, nir = b04.astype(np.float64), b08.astype(np.float64)
    with np.errstate(all="ignore"):
        expected = (nir - red) / (nir + red)
    result = evaluate(parse_expression("(B08-B04)/(B08+B04)"), bands)
    assert result.dtype == np.float64 and result.shape == (2, 2)
    np.testing.assert_allclose(result, expected, equal_nan=True)
    assert result[0, 1] < 0  # UInt16 bands are converted before subtracting: no wrap-around
    np.testing.assert_allclose(evaluate(parse_expression("sqrt(abs(B08 - B04)) + max(B04, B08) ** 0.5 * 2"), bands),
                               np.sqrt(np.abs(nir - red)) + np.maximum(red, nir) ** 0.5 * 2)
    np.testing.assert_allclose(evaluate(parse_expression("log(B04 + 1) - exp(-B08 / 1000) + log10(B08 + 10)"), bands),
                               np.log(red + 1) - np.exp(-nir / 1000) + np.log10(nir + 10))
    np.testing.assert_array_equal(evaluate(parse_expression("min(B04, B08, 500)"), bands),
                                  np.minimum(np.minimum(red, nir), 500))


def test_evaluation_in_float32_and_without_touching_the_inputs():
    b04 = np.array([1.0, 2.0], dtype=np.float64)
    result = evaluate(parse_expression("B04"), {"B04": b04}, dtype=np.float32)
    assert result.dtype == np.float32
    result = evaluate(parse_expression("B04"), {"B04": b04})
    result[0] = 99
    assert b04[0] == 1.0
    with pytest.raises(TypeError):
        evaluate(parse_expression("B04"), {"B04": b04}, dtype=np.int32)


def test_constant_expression_gives_a_0d_array():
    result = evaluate(parse_expression("2 + 3"), {})
    assert result.shape == () and result == 5


def test_missing_band_array_is_a_data_error():
    with pytest.raises(DataError, match="B08 was not read"):
        evaluate(parse_expression("B08 - B04"), {"B04": np.zeros(2)})


def test_division_by_zero_and_invalid_operations_give_inf_and_nan_without_warnings(recwarn):
    bands = {"A": np.array([1.0, -1.0, 0.0, 4.0, -8.0]), "Z": np.zeros(5)}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ratio = evaluate(parse_expression("A / Z"), bands)
        root = evaluate(parse_expression("sqrt(A)"), bands)
        logarithm = evaluate(parse_expression("log(A)"), bands)
        power = evaluate(parse_expression("A ** 0.5"), bands)
        inverse = evaluate(parse_expression("Z ** -1"), bands)
        huge = evaluate(parse_expression("exp(A * 1000)"), bands)
    assert ratio[0] == np.inf and ratio[1] == -np.inf and np.isnan(ratio[2])
    assert np.isnan(root[1]) and root[3] == 2
    assert logarithm[2] == -np.inf and np.isnan(logarithm[1])
    assert np.isnan(power[4])
    assert np.all(inverse == np.inf)
    assert huge[0] == np.inf
    assert len(recwarn) == 0


# ---------------------------------------------------------------------------------------------
# Aliases and sensors

@pytest.mark.parametrize(("sensor", "expected"), [
    (SENTINEL2, {"COASTAL": "B01", "BLUE": "B02", "GREEN": "B03", "RED": "B04", "RE1": "B05", "RE2": "B06",
                 "RE3": "B07", "NIR": "B08", "NIR2": "B8A", "SWIR1": "B11", "SWIR2": "B12"}),
    (LANDSAT8, {"COASTAL": "B1", "BLUE": "B2", "GREEN": "B3", "RED": "B4", "NIR": "B5", "SWIR1": "B6", "SWIR2": "B7",
                "PAN": "B8", "CIRRUS": "B9", "TIR1": "B10", "TIR2": "B11"}),
    (LANDSAT9, {"BLUE": "B2", "GREEN": "B3", "RED": "B4", "NIR": "B5", "SWIR1": "B6", "SWIR2": "B7"}),
    (LANDSAT7, {"BLUE": "B1", "GREEN": "B2", "RED": "B3", "NIR": "B4", "SWIR1": "B5", "SWIR2": "B7", "PAN": "B8",
                "TIR1": "B6_VCID_1"}),
    (LANDSAT5, {"BLUE": "B1", "GREEN": "B2", "RED": "B3", "NIR": "B4", "SWIR1": "B5", "SWIR2": "B7", "TIR1": "B6"}),
    (MODIS, {"RED": "B01", "NIR": "B02", "BLUE": "B03", "GREEN": "B04", "NIR2": "B05", "SWIR1": "B06",
             "SWIR2": "B07"}),
    (NAIP, {"RED": "R", "GREEN": "G", "BLUE": "B", "NIR": "N"}),
])
def test_aliases_resolve_to_each_sensors_band_names(sensor, expected):
    for alias, band in expected.items():
        assert resolve(parse_expression(alias), sensor) == BandRef(band), (sensor.code, alias)
    ndvi = resolve(parse_expression("(NIR - RED) / (NIR + RED)"), sensor)
    assert ndvi.to_text() == f"({expected['NIR']} - {expected['RED']}) / ({expected['NIR']} + {expected['RED']})"


def test_band_names_stay_and_can_mix_with_aliases():
    node = resolve(parse_expression("(B8A - RED) / max(B8A, RED)"), SENTINEL2)
    assert node.to_text() == "(B8A - B04) / max(B8A, B04)"
    assert node.bands() == {"B8A", "B04"}


@pytest.mark.parametrize(("sensor", "text", "message"), [
    (SENTINEL2, "B13", "B13 is not a Sentinel-2 band or alias"),
    (SENTINEL2, "B4 * 2", "B4 is not a Sentinel-2 band or alias (did you mean B04? Sentinel-2 names it so)"),
    (SENTINEL2, "b04", "b04 is not a Sentinel-2 band or alias (did you mean B04? names are case-sensitive)"),
    (SENTINEL2, "b8a", "b8a is not a Sentinel-2 band or alias (did you mean B8A?"),
    (SENTINEL2, "red", "red is not a Sentinel-2 band or alias (did you mean RED?"),
    (SENTINEL2, "sqrt + 1", "sqrt is not a Sentinel-2 band or alias (sqrt is a function: write sqrt(...))"),
    (LANDSAT8, "b4", "b4 is not a Landsat 8 band or alias (did you mean B4?"),
    (LANDSAT8, "B04", "B04 is not a Landsat 8 band or alias (did you mean B4?"),
    (LANDSAT8, "B12", "B12 is not a Landsat 8 band or alias"),
    (LANDSAT8, "RE1", "RE1 is not a Landsat 8 band or alias"),
    (LANDSAT5, "COASTAL", "COASTAL is not a Landsat 5 band or alias"),
    (LANDSAT5, "B8", "B8 is not a Landsat 5 band or alias"),
    (NAIP, "SWIR1 - N", "SWIR1 is not a NAIP band or alias"),
    (MODIS, "B08", "B08 is not a MODIS MCD43A4 band or alias"),
])
def test_unknown_bands_are_named_with_the_sensor(sensor, text, message):
    with pytest.raises(RequestError) as caught:
        resolve(parse_expression(text), sensor)
    assert caught.value.field == "params.bm_type"
    assert caught.value.message.startswith("Unsupported band or operation: " + message)


def test_map_bands_replaces_names_by_subtrees():
    node = map_bands(parse_expression("NIR - RED"), lambda name: BinaryOp("/", BandRef(name), Number(10000)))
    assert node.to_text() == "NIR / 10000 - RED / 10000"


# ---------------------------------------------------------------------------------------------
# Splitting bm_type

@pytest.mark.parametrize(("bm_type", "parts"), [
    ("NDVI", ["NDVI"]),
    ("B04,B03,B02", ["B04", "B03", "B02"]),
    (" B04 , B03 , B02 ", ["B04", "B03", "B02"]),
    ("max(B04,B03),B02", ["max(B04,B03)", "B02"]),
    ("max(B04,min(B03,B02)),(B05-B04)/(B05+B04),B3", ["max(B04,min(B03,B02))", "(B05-B04)/(B05+B04)", "B3"]),
    ("(B5-B4)/(B5+B4),(B3-B5)/(B3+B5),B3", ["(B5-B4)/(B5+B4)", "(B3-B5)/(B3+B5)", "B3"]),
    ("NDVI,,B04", ["NDVI", "", "B04"]),
    ("NDVI,", ["NDVI", ""]),
    ("", [""]),
    ("max(B04,B03", ["max(B04,B03"]),
    ("B04),B03", ["B04)", "B03"]),
])
def test_split_expressions_on_top_level_commas_only(bm_type, parts):
    assert split_expressions(bm_type) == parts


def test_split_positions_point_into_the_bm_type():
    assert split_with_positions(" NDVI , (B08-B04) ,,") == [("NDVI", 1), ("(B08-B04)", 8), ("", 19), ("", 20)]


def test_parse_positions_with_an_offset():
    with pytest.raises(RequestError, match=r"'\(' at position 6 is never closed"):
        parse_expression("(B08-B04", offset=5)


@pytest.mark.parametrize("text", ["-B04", "B04", "(B08 - B04) / (B08 + B04)", "-(B08 * 2) + B04 ** 2",
                                  "B04 / 2 - 1", "2 - B04 / 2", "(B04 - B08) * (B04 + B08) / B08"])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_evaluation_leaves_the_band_arrays_alone(text, dtype):
    # Operators write into intermediate results; never into the caller's arrays, and the result
    # never shares memory with them.
    rng = np.random.default_rng(7)
    bands = {"B04": rng.uniform(1, 100, (4, 5)).astype(dtype), "B08": rng.uniform(1, 100, (4, 5)).astype(dtype)}
    before = {name: array.copy() for name, array in bands.items()}
    node = parse_expression(text)
    got = evaluate(node, bands, dtype)
    with np.errstate(all="ignore"):
        expected = eval(text.replace("B04", "b4").replace("B08", "b8"),  # noqa: S307 - our own test expressions
                        {"b4": before["B04"].astype(np.float64), "b8": before["B08"].astype(np.float64)})
    for name in bands:
        np.testing.assert_array_equal(bands[name], before[name], err_msg=name)
        assert not np.shares_memory(got, bands[name])
    assert got.dtype == dtype
    np.testing.assert_allclose(got, np.broadcast_to(expected, got.shape), rtol=1e-5 if dtype == np.float32 else 1e-12)


def test_evaluation_broadcasts_a_column_against_a_grid():
    # An intermediate of a smaller shape is not reused for a larger result.
    bands = {"B04": np.arange(3.0).reshape(3, 1), "B08": np.ones((3, 4))}
    got = evaluate(parse_expression("(B04 + 1) * B08"), bands)
    np.testing.assert_array_equal(got, np.broadcast_to(np.arange(1.0, 4.0).reshape(3, 1), (3, 4)))
