"""The request model (core/request.py): JSON round trip, validation of every field, the lbe result type."""

from __future__ import annotations

import copy
import datetime as dt
import json
import math

import pytest
from load_by_extent.core import api_rules
from load_by_extent.core.errors import RequestError
from load_by_extent.core.request import (
    BandmathParams,
    JpegParams,
    LbeParams,
    MtStatsParams,
    TaskRequest,
    bandmath_request,
    jpeg_request,
    lbe_request,
    mt_stats_request,
)
from load_by_extent.core.sensors import LANDSAT8, MODIS, NAIP, SENTINEL2

S2_ID = "S2/13/R/EL/2023/7/19/0"
L8_ID = "L8/LC80290332017076LGN00"
MODIS_ID = "MODIS/12/04/2017204/2017213034223"
NAIP_ID = "NAIP/va/2013/100cm/rgbir/38075/m_3807537_ne_18_1_20130924"

RING = [[10.0, 50.0], [10.1, 50.0], [10.1, 50.1], [10.0, 50.1], [10.0, 50.0]]
POLYGON = {"type": "Polygon", "coordinates": [RING]}
OTHER_RING = [[11.0, 50.0], [11.1, 50.0], [11.1, 50.1], [11.0, 50.1], [11.0, 50.0]]
MULTIPOLYGON = {"type": "MultiPolygon", "coordinates": [[RING], [OTHER_RING]]}

BASE_PARAMS = {
    "lbe": {"view_id": S2_ID, "bands": ["B02", "B03", "B04"], "geometry": POLYGON, "reference": "ref-lbe"},
    "jpeg": {"view_id": S2_ID, "bm_type": "B04,B03,B02", "geometry": POLYGON},
    "bandmath": {"view_id": S2_ID, "bm_type": "NDVI", "geometry": POLYGON, "reference": "ref-bandmath"},
    "mt_stats": {
        "bm_type": ["NDVI"],
        "date_start": "2023-01-01",
        "date_end": "2023-06-30",
        "geometry": POLYGON,
        "reference": "ref-mt",
    },
}
TASK_TYPES = tuple(BASE_PARAMS)
DROP = object()  # a change that removes the param


def make_request(task_type: str, changes: dict | None = None) -> TaskRequest:
    params = copy.deepcopy(BASE_PARAMS[task_type])
    for name, value in (changes or {}).items():
        if value is DROP:
            params.pop(name, None)
        else:
            params[name] = value
    return TaskRequest({"type": task_type, "params": params})


def valid(task_type: str, changes: dict | None = None):
    return make_request(task_type, changes).validate()


def error_of(request: TaskRequest | str, changes: dict | None = None) -> RequestError:
    if isinstance(request, str):
        request = make_request(request, changes)
    with pytest.raises(RequestError) as caught:
        request.validate()
    error = caught.value
    assert str(error) == f"{error.field}: {error.message}"
    return error


def assert_error(task_type: str, changes: dict, field: str, *fragments: str) -> RequestError:
    error = error_of(task_type, changes)
    assert error.field == field, error
    for fragment in fragments:
        assert fragment in error.message, error
    return error


def ordered(value):
    """A representation that differs when key order differs."""
    if isinstance(value, dict):
        return [(key, ordered(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [ordered(item) for item in value]
    return value


def test_the_base_requests_of_every_task_type_are_valid():
    assert isinstance(valid("lbe"), LbeParams)
    assert isinstance(valid("jpeg"), JpegParams)
    assert isinstance(valid("bandmath"), BandmathParams)
    assert isinstance(valid("mt_stats"), MtStatsParams)


# ---------------------------------------------------------------------------------------------
# JSON round trip

ROUND_TRIP_TEXTS = [
    json.dumps(
        {
            "params": {
                "reference": "r-ü-東京",
                "view_id": S2_ID,
                "merge": False,
                "geometry": {"coordinates": [RING], "type": "Polygon"},
                "bands": ["B04", "B02"],
                "metadata": ["tile_md"],
            },
            "type": "lbe",
            "callback_url": "https://example.com/callback?x=1",
        },
        ensure_ascii=False,
    ),
    json.dumps(
        {
            "type": "lbe",
            "params": {
                "zzz_unknown": {"b": 1, "a": [1, 2.5, None, True]},
                "view_id": "not even valid",
                "bbox": [1, 2, 3, 4],
            },
            "x-extra": {"nested": {"z": 0, "y": 1e-07}},
        }
    ),
    json.dumps(
        {
            "type": "mt_stats",
            "params": {
                "bm_type": ["NDVI", "(B08-B04)/(B08+B04)"],
                "limit": 5,
                "sensors": ["S2L2A"],
                "max_cloud_cover_in_aoi": 12.5,
                "date_end": "2023-02-01",
                "date_start": "2023-01-01",
                "geometry": POLYGON,
                "reference": 7,
            },
        },
        indent=2,
    ),
    '{"type": "jpeg", "params": {"view_id": "L8/LC80290332017076LGN00", "levels": [-0.5, 0.5], "calibrate": 1}}',
]


@pytest.mark.parametrize("text", ROUND_TRIP_TEXTS)
def test_json_round_trip_keeps_values_and_key_order(text):
    original = json.loads(text)
    written = TaskRequest.from_json(text).to_json()
    loaded = json.loads(written)
    assert loaded == original
    assert ordered(loaded) == ordered(original)
    assert ordered(json.loads(TaskRequest.from_json(text).to_json(indent=2))) == ordered(original)


def test_round_trip_keeps_unknown_fields_that_validate_rejects():
    data = {"type": "lbe", "params": {**BASE_PARAMS["lbe"], "colour": "blue"}, "x-extra": 1}
    request = TaskRequest(data)
    assert ordered(json.loads(request.to_json())) == ordered(data)
    with pytest.raises(RequestError):
        request.validate()
    assert ordered(json.loads(request.to_json())) == ordered(data)


def test_non_ascii_text_is_written_as_is():
    request = TaskRequest({"type": "lbe", "params": {"reference": "Zürich"}})
    assert "Zürich" in request.to_json()


def test_request_is_a_copy_of_the_given_dict_and_to_dict_gives_copies():
    data = {"type": "lbe", "params": copy.deepcopy(BASE_PARAMS["lbe"])}
    request = TaskRequest(data)
    data["params"]["bands"].append("B08")
    assert request.params["bands"] == ["B02", "B03", "B04"]
    out = request.to_dict()
    out["params"]["bands"].clear()
    request.params["bands"].clear()
    assert request.to_dict()["params"]["bands"] == ["B02", "B03", "B04"]


def test_validate_does_not_change_the_request():
    request = make_request("lbe", {"geometry": DROP, "bbox": [10, 50, 10.1, 50.1]})
    before = request.to_json()
    request.validate()
    assert request.to_json() == before


def test_request_properties_and_equality():
    data = {"type": "lbe", "params": BASE_PARAMS["lbe"], "callback_url": "https://example.com/cb"}
    request = TaskRequest(data)
    assert request.type == "lbe"
    assert request.params == BASE_PARAMS["lbe"]
    assert request.to_dict()["callback_url"] == "https://example.com/cb"
    assert request == TaskRequest.from_json(request.to_json())
    assert request != TaskRequest({"type": "lbe", "params": {}})
    assert TaskRequest({"type": "lbe"}).params == {}


@pytest.mark.parametrize("text", ["", "{", "{'type': 'lbe'}", '{"type": "lbe",}'])
def test_invalid_json_is_a_request_error(text):
    with pytest.raises(RequestError) as caught:
        TaskRequest.from_json(text)
    assert caught.value.field == "request"
    assert "is not valid JSON" in caught.value.message
    assert "line 1" in caught.value.message


@pytest.mark.parametrize("text", ["[]", '"lbe"', "42", "null"])
def test_json_that_is_not_an_object_is_a_request_error(text):
    with pytest.raises(RequestError) as caught:
        TaskRequest.from_json(text)
    assert caught.value.field == "request"
    assert "must be a JSON object" in caught.value.message


def test_load_reads_a_file_and_reports_a_missing_one(tmp_path):
    path = tmp_path / "request.json"
    path.write_text(ROUND_TRIP_TEXTS[0], encoding="utf-8")
    assert TaskRequest.load(str(path)).to_dict() == json.loads(ROUND_TRIP_TEXTS[0])
    with pytest.raises(RequestError) as caught:
        TaskRequest.load(str(tmp_path / "missing.json"))
    assert caught.value.field == "request"
    assert "cannot read" in caught.value.message


# ---------------------------------------------------------------------------------------------
# Top-level fields


def test_missing_type_is_reported():
    error = error_of(TaskRequest({"params": BASE_PARAMS["lbe"]}))
    assert error.field == "type"
    assert error.message.startswith("missing")
    assert "lbe, jpeg, bandmath, mt_stats" in error.message


@pytest.mark.parametrize("task_type", ["LBE", "lbe2", "download", "", 5, ["lbe"]])
def test_unknown_type_is_reported(task_type):
    error = error_of(TaskRequest({"type": task_type, "params": BASE_PARAMS["lbe"]}))
    assert error.field == "type"
    assert f"{task_type!r} is not a task type" in error.message


@pytest.mark.parametrize("params", [None, [], "view_id=S2", 5, [BASE_PARAMS["lbe"]]])
def test_params_missing_or_not_an_object_is_reported(params):
    data = {"type": "lbe"} if params is None else {"type": "lbe", "params": params}
    error = error_of(TaskRequest(data))
    assert error.field == "params"
    assert "not a JSON object" in error.message


@pytest.mark.parametrize("extra", ["x-extra", "api_key", "Params"])
def test_unknown_top_level_field_is_reported_by_name(extra):
    error = error_of(TaskRequest({"type": "lbe", "params": BASE_PARAMS["lbe"], extra: 1}))
    assert error.field == extra
    assert "unknown field" in error.message


@pytest.mark.parametrize(
    ("task_type", "param"),
    [("lbe", "colour"), ("lbe", "bm_type"), ("jpeg", "bands"), ("bandmath", "levels"), ("mt_stats", "view_id")],
)
def test_unknown_param_is_reported_by_name(task_type, param):
    error = assert_error(task_type, {param: "x"}, f"params.{param}", f"is not a parameter of {task_type}")
    assert "known:" in error.message


@pytest.mark.parametrize("url", ["https://example.com/cb", "http://localhost:8000/x"])
def test_http_callback_url_is_accepted(url):
    data = {"type": "lbe", "params": BASE_PARAMS["lbe"], "callback_url": url}
    assert isinstance(TaskRequest(data).validate(), LbeParams)


@pytest.mark.parametrize("url", ["ftp://example.com/cb", "example.com/cb", "", 5, ["https://example.com"]])
def test_bad_callback_url_is_reported(url):
    error = error_of(TaskRequest({"type": "lbe", "params": BASE_PARAMS["lbe"], "callback_url": url}))
    assert error.field == "callback_url"
    assert "http:// or https:// URL" in error.message


# ---------------------------------------------------------------------------------------------
# lbe


def test_valid_lbe_request_gives_typed_params():
    params = valid("lbe", {"merge": False, "metadata": ["tile_md", "product_md"]})
    assert params.scene.view_id == S2_ID
    assert params.scene.sensor is SENTINEL2
    assert params.bands == ("B02", "B03", "B04")
    assert params.geometry == POLYGON
    assert params.merge is False
    assert params.metadata == ("tile_md", "product_md")
    assert params.reference == "ref-lbe"
    assert params.resolutions == (10, 10, 10)


def test_lbe_defaults_merge_true_and_no_metadata():
    params = valid("lbe")
    assert params.merge is True
    assert params.metadata == ()


@pytest.mark.parametrize("task_type", ["lbe", "jpeg", "bandmath"])
@pytest.mark.parametrize("view_id", [DROP, None])
def test_view_id_missing_is_reported(task_type, view_id):
    assert_error(task_type, {"view_id": view_id}, "params.view_id", "missing")


@pytest.mark.parametrize("task_type", ["lbe", "jpeg", "bandmath"])
@pytest.mark.parametrize(
    ("view_id", "fragment"),
    [
        ("S3/13/R/EL/2023/7/19/0", "is not a known scene id"),
        ("S2/13/R/EL/2023/07/19/0", "not zero-padded"),
        ("L5/LC80290332017076LGN00", "does not match a Landsat 8 scene"),
        ("", "missing"),
        (42, "missing"),
    ],
)
def test_bad_view_id_is_reported(task_type, view_id, fragment):
    assert_error(task_type, {"view_id": view_id}, "params.view_id", fragment)


@pytest.mark.parametrize(
    ("bands", "fragment"),
    [
        (DROP, "missing"),
        (None, "missing"),
        ([], "must not be empty"),
        ("B02", "must be a list of strings"),
        ({"B02": 1}, "must be a list of strings"),
        (["B02", "B02"], "B02 is listed twice"),
        (["B02", ""], '"" is not a non-empty string'),
        (["B02", 4], "4 is not a non-empty string"),
        ([None], "null is not a non-empty string"),
    ],
)
def test_bad_bands_list_is_reported(bands, fragment):
    assert_error("lbe", {"bands": bands}, "params.bands", fragment)


def test_band_not_of_the_sensor_is_reported_with_the_band_list():
    error = assert_error("lbe", {"bands": ["B02", "B13"]}, "params.bands")
    assert error.message.startswith("B13 is not a Sentinel-2 band (bands: B01, B02, ")
    assert error.message.endswith(")")


@pytest.mark.parametrize(
    ("view_id", "band", "message"),
    [
        (S2_ID, "b04", "b04 is not a Sentinel-2 band (did you mean B04?)"),
        (S2_ID, "B4", "B4 is not a Sentinel-2 band (did you mean B04?)"),
        (L8_ID, "B04", "B04 is not a Landsat 8 band (did you mean B4?)"),
        (MODIS_ID, "B1", "B1 is not a MODIS MCD43A4 band (did you mean B01?)"),
        (NAIP_ID, "r", "r is not a NAIP band (did you mean R?)"),
    ],
)
def test_mistyped_band_is_reported_with_a_suggestion(view_id, band, message):
    error = assert_error("lbe", {"view_id": view_id, "bands": [band]}, "params.bands")
    assert error.message == message


@pytest.mark.parametrize(("view_id", "bands"), [(L8_ID, ["B02"]), (NAIP_ID, ["B02"]), (MODIS_ID, ["B8"])])
def test_band_of_another_sensor_is_reported(view_id, bands):
    assert_error("lbe", {"view_id": view_id, "bands": bands}, "params.bands", f"{bands[0]} is not a ")


@pytest.mark.parametrize("merge", ["true", 1, 0, "yes", [True]])
def test_merge_that_is_not_a_bool_is_reported(merge):
    assert_error("lbe", {"merge": merge}, "params.merge", "must be true or false", json.dumps(merge))


@pytest.mark.parametrize("merge", [True, False])
def test_merge_bool_is_accepted(merge):
    assert valid("lbe", {"merge": merge}).merge is merge


@pytest.mark.parametrize(
    ("metadata", "fragment"),
    [
        (["xml"], "'xml' is not a metadata file (known: tile_md, product_md)"),
        (["tile_md", "MTL"], "'MTL' is not a metadata file"),
        (["TILE_MD"], "'TILE_MD' is not a metadata file"),
        ("tile_md", "must be a list of strings"),
        (["tile_md", "tile_md"], "tile_md is listed twice"),
    ],
)
def test_bad_metadata_is_reported(metadata, fragment):
    assert_error("lbe", {"metadata": metadata}, "params.metadata", fragment)


@pytest.mark.parametrize("metadata", [["tile_md"], ["product_md"], ["product_md", "tile_md"], []])
def test_known_metadata_is_accepted(metadata):
    assert valid("lbe", {"metadata": metadata}).metadata == tuple(metadata)


@pytest.mark.parametrize("task_type", ["lbe", "bandmath", "mt_stats"])
@pytest.mark.parametrize("reference", [DROP, None])
def test_required_reference_missing_is_reported(task_type, reference):
    assert_error(task_type, {"reference": reference}, "params.reference", "missing", "unique id")


@pytest.mark.parametrize("task_type", TASK_TYPES)
@pytest.mark.parametrize("reference", ["", "   ", True, [1], {"id": 1}, 1.5])
def test_empty_or_non_string_reference_is_reported(task_type, reference):
    assert_error(task_type, {"reference": reference}, "params.reference", "must be a non-empty string")


def test_integer_reference_is_accepted_as_text():
    assert valid("lbe", {"reference": 42}).reference == "42"


# --- geometry and bbox ------------------------------------------------------------------------


def test_geometry_and_bbox_together_are_rejected():
    assert_error("lbe", {"bbox": [10, 50, 10.1, 50.1]}, "params.bbox", "either geometry or bbox, not both")


@pytest.mark.parametrize("task_type", ["lbe", "mt_stats"])
def test_missing_area_is_reported_when_required(task_type):
    assert_error(task_type, {"geometry": DROP}, "params.geometry", "missing", "GeoJSON Polygon")


@pytest.mark.parametrize("task_type", ["jpeg", "bandmath"])
def test_no_area_means_the_whole_scene_for_jpeg_and_bandmath(task_type):
    assert valid(task_type, {"geometry": DROP}).geometry is None


@pytest.mark.parametrize("task_type", ["lbe", "jpeg", "bandmath"])
def test_bbox_becomes_a_closed_polygon(task_type):
    params = valid(task_type, {"geometry": DROP, "bbox": [10, 50, 10.5, 50.25]})
    assert params.geometry == {
        "type": "Polygon",
        "coordinates": [[[10.0, 50.0], [10.5, 50.0], [10.5, 50.25], [10.0, 50.25], [10.0, 50.0]]],
    }


@pytest.mark.parametrize(
    ("bbox", "fragment"),
    [
        ([10, 50, 10, 50.1], "min must be smaller than max"),
        ([10.1, 50, 10, 50.1], "min must be smaller than max"),
        ([10, 50.1, 10.1, 50], "min must be smaller than max"),
        ([10, 50, 10.1, 50], "min must be smaller than max"),
        ([-181, 50, 10, 50.1], "is outside lon -180..180, lat -90..90"),
        ([10, 50, 181, 50.1], "is outside lon -180..180, lat -90..90"),
        ([10, -91, 10.1, 50.1], "is outside lon -180..180, lat -90..90"),
        ([10, 50, 10.1, 91], "is outside lon -180..180, lat -90..90"),
        ([10, 50, 10.1], "four numbers"),
        ([10, 50, 10.1, 50.1, 0], "four numbers"),
        ("10,50,10.1,50.1", "four numbers"),
        ([10, 50, 10.1, "50.1"], "four numbers"),
        ([10, 50, 10.1, True], "four numbers"),
        ([10, 50, 10.1, math.nan], "four numbers"),
        ([10, 50, 10.1, math.inf], "four numbers"),
    ],
)
def test_bad_bbox_is_reported(bbox, fragment):
    assert_error("lbe", {"geometry": DROP, "bbox": bbox}, "params.bbox", fragment)


def _polygon(*rings):
    return {"type": "Polygon", "coordinates": [list(ring) for ring in rings]}


BOW_TIE = [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]  # symmetric: the two lobes' signed areas cancel
LOPSIDED_BOW_TIE = [[0, 0], [2, 2], [2, 0], [0, 1], [0, 0]]
HOLE_OUTSIDE = [[15, 50], [15.1, 50], [15.1, 50.1], [15, 50.1], [15, 50]]

GEOMETRY_ERRORS = [
    pytest.param({"type": "Point", "coordinates": [10, 50]}, "got type 'Point'", id="point"),
    pytest.param({"type": "LineString", "coordinates": RING}, "got type 'LineString'", id="linestring"),
    pytest.param(
        {"type": "GeometryCollection", "geometries": [POLYGON]}, "got type 'GeometryCollection'", id="collection"
    ),
    pytest.param({"coordinates": [RING]}, "got type None", id="no-type"),
    pytest.param({"type": "polygon", "coordinates": [RING]}, "got type 'polygon'", id="lowercase-type"),
    pytest.param({"type": "Feature", "geometry": POLYGON, "properties": {}}, "not a Feature", id="feature"),
    pytest.param(
        {"type": "FeatureCollection", "features": []}, "not a FeatureCollection: give the feature's geometry", id="fc"
    ),
    pytest.param(MULTIPOLYGON, "this task type does not take a MultiPolygon", id="multipolygon"),
    pytest.param(json.dumps(POLYGON), "must be a GeoJSON Polygon object", id="string"),
    pytest.param([RING], "must be a GeoJSON Polygon object", id="list"),
    pytest.param({"type": "Polygon"}, "coordinates must be a non-empty list of rings", id="no-coordinates"),
    pytest.param(
        {"type": "Polygon", "coordinates": []}, "coordinates must be a non-empty list of rings", id="no-rings"
    ),
    pytest.param({"type": "Polygon", "coordinates": RING[0]}, "ring 0 must be a list", id="flat"),
    pytest.param(_polygon(RING[:-1] + [[10.0, 50.05]]), "ring 0 is not closed", id="unclosed"),
    pytest.param(_polygon(RING[:4]), "ring 0 is not closed", id="unclosed-4"),
    pytest.param(_polygon(RING[:2] + [RING[0]]), "ring 0 has 3 positions; a ring needs at least 4", id="3-positions"),
    pytest.param(_polygon([]), "ring 0 has 0 positions", id="empty-ring"),
    pytest.param(_polygon([[0, 0], [1, 1], [0, 0], [0, 0]]), "fewer than 3 distinct positions", id="2-distinct"),
    pytest.param(_polygon([[0, 0], [1, 1], [1, 1], [0, 0]]), "fewer than 3 distinct positions", id="repeated"),
    pytest.param(_polygon([[0, 0], [1, 1], [2, 2], [0, 0]]), "ring 0 has no area", id="collinear"),
    pytest.param(_polygon([[0, 0], [1, 0], [2, 0], [3, 0], [0, 0]]), "ring 0 has no area", id="collinear-long"),
    pytest.param(_polygon(BOW_TIE), "self-intersecting", id="bow-tie"),
    pytest.param(_polygon(LOPSIDED_BOW_TIE), "self-intersecting: ring 0 crosses itself near", id="lopsided-bow-tie"),
    pytest.param(_polygon(RING, HOLE_OUTSIDE), "invalid polygon", id="hole-outside-shell"),
    pytest.param(_polygon(RING, RING[:-1]), "ring 1 is not closed", id="bad-hole"),
    pytest.param(_polygon([[200, 50], [10, 50], [10, 51], [200, 50]]), "(200, 50) is outside lon -180..180", id="lon"),
    pytest.param(_polygon([[10, -91], [11, 50], [10, 51], [10, -91]]), "(10, -91) is outside", id="lat"),
    pytest.param(_polygon([[50, 120], [50, 121], [51, 121], [50, 120]]), "[lon, lat] in that order", id="swapped"),
    pytest.param(
        _polygon([["10", 50], [11, 50], [11, 51], ["10", 50]]), "ring 0, position 0 is not [lon, lat]", id="str"
    ),
    pytest.param(_polygon([[10, 50], [11, None], [11, 51], [10, 50]]), "position 1 is not [lon, lat]", id="null"),
    pytest.param(_polygon([[10, 50], [math.nan, 50], [11, 51], [10, 50]]), "with finite numbers", id="nan"),
    pytest.param(_polygon([[10, 50], [11, math.inf], [11, 51], [10, 50]]), "with finite numbers", id="inf"),
    pytest.param(_polygon([[10, 50], [True, 50], [11, 51], [10, 50]]), "position 1 is not [lon, lat]", id="bool"),
    pytest.param(_polygon([[10, 50], [11, 50], [11, False], [10, 50]]), "position 2 is not [lon, lat]", id="false"),
    pytest.param(_polygon([[10, 50], [11], [11, 51], [10, 50]]), "position 1 is not [lon, lat]", id="1d"),
    pytest.param(_polygon([[10, 50], [11, 50, 0, 0], [11, 51], [10, 50]]), "position 1 is not [lon, lat]", id="4d"),
    pytest.param(_polygon([[10, 50], (11, 50), [11, 51], [10, 50]]), "position 1 is not [lon, lat]", id="tuple"),
]


@pytest.mark.parametrize(("geometry", "fragment"), GEOMETRY_ERRORS)
def test_bad_lbe_geometry_is_reported(geometry, fragment):
    assert_error("lbe", {"geometry": geometry}, "params.geometry", fragment)


def test_longitude_out_of_range_gets_no_swapped_order_hint():
    geometry = _polygon([[-181, 50], [10, 50], [10, 51], [-181, 50]])
    error = assert_error("lbe", {"geometry": geometry}, "params.geometry", "outside lon -180..180, lat -90..90")
    assert "in that order" not in error.message


@pytest.mark.parametrize("task_type", TASK_TYPES)
def test_geometry_errors_name_params_geometry_for_every_task_type(task_type):
    assert_error(task_type, {"geometry": _polygon(RING[:3])}, "params.geometry", "ring 0 has 3 positions")
    assert_error(task_type, {"geometry": _polygon(LOPSIDED_BOW_TIE)}, "params.geometry", "self-intersecting")


@pytest.mark.parametrize(
    ("task_type", "allowed"), [("lbe", False), ("mt_stats", False), ("jpeg", True), ("bandmath", True)]
)
def test_multipolygon_is_allowed_for_jpeg_and_bandmath_only(task_type, allowed):
    if allowed:
        assert valid(task_type, {"geometry": MULTIPOLYGON}).geometry == MULTIPOLYGON
    else:
        assert_error(task_type, {"geometry": MULTIPOLYGON}, "params.geometry", "does not take a MultiPolygon")


@pytest.mark.parametrize(
    ("coordinates", "fragment"),
    [
        ([], "coordinates must be a non-empty list of polygons"),
        ([[RING], [OTHER_RING[:-1]]], "ring 1.0 is not closed"),
        ([[RING], []], "1.coordinates must be a non-empty list of rings"),
        ([[RING], [LOPSIDED_BOW_TIE]], "self-intersecting"),
    ],
)
def test_bad_multipolygon_is_reported_for_bandmath(coordinates, fragment):
    geometry = {"type": "MultiPolygon", "coordinates": coordinates}
    assert_error("bandmath", {"geometry": geometry}, "params.geometry", fragment)


@pytest.mark.parametrize(
    "geometry",
    [
        pytest.param(_polygon(RING), id="square"),
        pytest.param(_polygon(list(reversed(RING))), id="clockwise"),
        pytest.param(_polygon([[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]), id="world"),
        pytest.param(
            _polygon([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]]), id="hole"
        ),
        pytest.param(_polygon([[0, 0], [1, 0], [1, 1], [0.5, 1], [0, 1], [0, 0]]), id="collinear-vertex"),
        pytest.param({"type": "Polygon", "coordinates": [RING], "bbox": [10, 50, 10.1, 50.1]}, id="with-bbox-member"),
    ],
)
def test_valid_polygons_are_accepted(geometry):
    params = valid("lbe", {"geometry": geometry})
    assert params.geometry["type"] == "Polygon"
    assert params.geometry["coordinates"] == [
        [[float(x), float(y)] for x, y in ring] for ring in geometry["coordinates"]
    ]


def test_3d_positions_are_accepted_and_cleaned_to_2d():
    geometry = _polygon([[10, 50, 100], [11, 50, 100], [11, 51, 100], [10, 50, 100]])
    params = valid("lbe", {"geometry": geometry})
    assert params.geometry == _polygon([[10.0, 50.0], [11.0, 50.0], [11.0, 51.0], [10.0, 50.0]])


# ---------------------------------------------------------------------------------------------
# jpeg


def test_valid_jpeg_request_gives_typed_params_and_defaults():
    params = valid("jpeg")
    assert params.scene.view_id == S2_ID
    assert params.bm_type == "B04,B03,B02"
    assert params.geometry == POLYGON
    assert params.resample == "cubic"
    assert params.format == "jpeg"
    assert params.levels is None
    assert params.colors_limit is None
    assert params.calibrate is False
    assert params.px_size is None
    assert params.name_alias is None
    assert params.colormap is None
    assert params.reference is None


def test_jpeg_with_every_param_set():
    params = valid(
        "jpeg",
        {
            "name_alias": "ndvi-view",
            "resample": "near",
            "colormap": "RdYlGn",
            "levels": "-0.2,0.8",
            "colors_limit": 8,
            "calibrate": 1,
            "px_size": 10,
            "format": "png",
            "reference": "ref-jpeg",
            "bm_type": "NDVI",
        },
    )
    assert (params.name_alias, params.resample, params.colormap) == ("ndvi-view", "near", "RdYlGn")
    assert (params.levels, params.colors_limit, params.calibrate) == ((-0.2, 0.8), 8, True)
    assert (params.px_size, params.format, params.reference, params.bm_type) == (10, "png", "ref-jpeg", "NDVI")


@pytest.mark.parametrize(
    "bm_type",
    ["B04", "NDVI", "B04,B03,B02", "NIR,RED,GREEN", "(B05-B04)/(B05+B04),(B03-B05)/(B03+B05),B03", " B04 , B03 , B02 "],
)
def test_jpeg_bm_type_with_one_or_three_parts_is_accepted(bm_type):
    assert valid("jpeg", {"bm_type": bm_type}).bm_type == bm_type


@pytest.mark.parametrize("task_type", ["jpeg", "bandmath"])
@pytest.mark.parametrize(
    ("bm_type", "part"),
    [("B8,B4,B3", "B8 is not a Sentinel-2 band"), ("(B08-B04)/(B08+B04", "parenthes"), ("foo(B04)", "foo")],
)
def test_bm_type_is_checked_against_the_scene_sensor(task_type, bm_type, part):
    assert_error(task_type, {"bm_type": bm_type}, "params.bm_type", part)


@pytest.mark.parametrize("bm_type", ["B04,B03", "NDVI,NDWI", "B04,B03,B02,B08"])
def test_jpeg_bm_type_with_two_or_four_parts_is_rejected(bm_type):
    assert_error("jpeg", {"bm_type": bm_type}, "params.bm_type", "one expression, or three bands or expressions")


@pytest.mark.parametrize("task_type", ["jpeg", "bandmath"])
@pytest.mark.parametrize("bm_type", ["B04,,B02", "B04,B03,", ",B03,B02", " , ", "NDVI, "])
def test_bm_type_with_an_empty_part_is_rejected(task_type, bm_type):
    assert_error(task_type, {"bm_type": bm_type}, "params.bm_type", "has an empty expression between commas")


@pytest.mark.parametrize("task_type", ["jpeg", "bandmath"])
@pytest.mark.parametrize(
    ("bm_type", "fragment"), [(DROP, "missing"), (None, "missing"), ("", "non-empty string"), (5, "non-empty string")]
)
def test_bm_type_missing_or_not_a_string_is_rejected(task_type, bm_type, fragment):
    assert_error(task_type, {"bm_type": bm_type}, "params.bm_type", fragment)


@pytest.mark.parametrize(
    "method",
    ["near", "bilinear", "cubic", "cubicspline", "lanczos", "average", "mode", "max", "min", "med", "q1", "q3"],
)
def test_jpeg_every_documented_resample_method_is_accepted(method):
    assert valid("jpeg", {"resample": method}).resample == method


@pytest.mark.parametrize("method", ["nearest", "CUBIC", "bicubic", "sum"])
def test_jpeg_unknown_resample_method_is_rejected(method):
    assert_error("jpeg", {"resample": method}, "params.resample", f"{method!r} is not a resampling method", "near")


@pytest.mark.parametrize("method", ["", 3])
def test_jpeg_resample_that_is_not_a_string_is_rejected(method):
    assert_error("jpeg", {"resample": method}, "params.resample", "must be a non-empty string")


@pytest.mark.parametrize("output_format", ["jpeg", "png", "tiff"])
def test_jpeg_documented_formats_are_accepted(output_format):
    assert valid("jpeg", {"format": output_format}).format == output_format


@pytest.mark.parametrize("output_format", ["jpg", "gif", "PNG", "geotiff"])
def test_jpeg_unknown_format_is_rejected(output_format):
    assert_error("jpeg", {"format": output_format}, "params.format", f"{output_format!r} is not a format")


@pytest.mark.parametrize(
    ("levels", "expected"),
    [("-0.5,0.5", (-0.5, 0.5)), ("0, 255", (0.0, 255.0)), ([0, 0.3], (0.0, 0.3)), ([-1, 1.5], (-1.0, 1.5))],
)
def test_jpeg_levels_as_text_or_list_are_accepted(levels, expected):
    assert valid("jpeg", {"levels": levels}).levels == expected


@pytest.mark.parametrize("levels", ["0.5,0.5", "1,0", [0.3, 0.3], [1, -1], "nan,1", [0, math.inf]])
def test_jpeg_levels_low_not_below_high_is_rejected(levels):
    assert_error("jpeg", {"levels": levels}, "params.levels", "low must be smaller than high")


@pytest.mark.parametrize("levels", ["a,b", "0.5", "1,2,3", [1], [1, 2, 3], 0.5, "", [None, 1], {"low": 0}])
def test_jpeg_levels_that_are_not_two_numbers_are_rejected(levels):
    assert_error("jpeg", {"levels": levels}, "params.levels", "must be two numbers 'low,high'")


@pytest.mark.parametrize("colors_limit", [2, 10, 255])
def test_jpeg_colors_limit_whole_number_is_accepted(colors_limit):
    assert valid("jpeg", {"colors_limit": colors_limit}).colors_limit == colors_limit


@pytest.mark.parametrize(
    ("colors_limit", "fragment"),
    [(1, "must be at least 2"), (0, "must be at least 2"), (-5, "must be at least 2"), (2.5, "whole number"),
     ("5", "whole number"), (True, "whole number"), (5.0, "whole number")],
)  # fmt: skip
def test_jpeg_bad_colors_limit_is_rejected(colors_limit, fragment):
    assert_error("jpeg", {"colors_limit": colors_limit}, "params.colors_limit", fragment)


@pytest.mark.parametrize(("calibrate", "expected"), [(0, False), (1, True), (False, False), (True, True)])
def test_jpeg_calibrate_0_or_1_is_accepted(calibrate, expected):
    assert valid("jpeg", {"calibrate": calibrate}).calibrate is expected


@pytest.mark.parametrize("calibrate", [2, -1, "1", 1.0, 0.5, [1]])
def test_jpeg_calibrate_other_values_are_rejected(calibrate):
    assert_error("jpeg", {"calibrate": calibrate}, "params.calibrate", "must be 0 or 1")


@pytest.mark.parametrize("px_size", [10, 0.5, 1e-3])
def test_jpeg_positive_px_size_is_accepted(px_size):
    assert valid("jpeg", {"px_size": px_size}).px_size == px_size


@pytest.mark.parametrize(
    ("px_size", "fragment"),
    [(0, "must be greater than 0"), (-10, "must be greater than 0"), (-0.5, "must be greater than 0"),
     ("10", "must be a number"), (True, "must be a number"), (math.nan, "must be a number")],
)  # fmt: skip
def test_jpeg_px_size_not_above_zero_is_rejected(px_size, fragment):
    assert_error("jpeg", {"px_size": px_size}, "params.px_size", fragment)


@pytest.mark.parametrize("name", ["name_alias", "colormap"])
@pytest.mark.parametrize("value", ["", "  ", 5, ["x"]])
def test_jpeg_optional_strings_must_be_non_empty_strings(name, value):
    assert_error("jpeg", {name: value}, f"params.{name}", "must be a non-empty string")


def test_jpeg_reference_is_optional_and_kept_when_given():
    assert valid("jpeg", {"reference": "r1"}).reference == "r1"
    assert valid("jpeg").reference is None


def test_mt_stats_takes_no_bbox():
    assert_error(
        "mt_stats", {"geometry": DROP, "bbox": [10, 50, 10.1, 50.1]}, "params.bbox", "is not a parameter of mt_stats"
    )


def test_jpeg_accepts_bbox_instead_of_geometry():
    assert valid("jpeg", {"geometry": DROP, "bbox": [10, 50, 10.1, 50.1]}).geometry["type"] == "Polygon"


# ---------------------------------------------------------------------------------------------
# bandmath


def test_valid_bandmath_request_gives_typed_params():
    params = valid("bandmath", {"name_alias": "vegetation"})
    assert params.scene.view_id == S2_ID
    assert params.bm_type == "NDVI"
    assert params.geometry == POLYGON
    assert params.name_alias == "vegetation"
    assert params.reference == "ref-bandmath"


@pytest.mark.parametrize("bm_type", ["NDVI", "(B08-B04)/(B08+B04)", "NDVI,NDWI", "(NIR-RED)/(NIR+RED),B04,B03,B02"])
def test_bandmath_index_names_and_expressions_are_accepted(bm_type):
    assert valid("bandmath", {"bm_type": bm_type}).bm_type == bm_type


def test_bandmath_name_alias_must_be_a_non_empty_string():
    assert_error("bandmath", {"name_alias": ""}, "params.name_alias", "must be a non-empty string")


# ---------------------------------------------------------------------------------------------
# mt_stats


def test_valid_mt_stats_request_gives_typed_params_and_defaults():
    params = valid("mt_stats")
    assert params.bm_type == ("NDVI",)
    assert params.date_start == dt.date(2023, 1, 1)
    assert params.date_end == dt.date(2023, 6, 30)
    assert params.geometry == POLYGON
    assert params.reference == "ref-mt"
    assert params.sensors is None
    assert params.limit == api_rules.DEFAULT_MT_STATS_LIMIT == 100
    assert params.max_cloud_cover_in_aoi is None
    assert params.exclude_cover_pixels is False
    assert params.cloud_masking_level is None


def test_mt_stats_with_every_param_set():
    params = valid(
        "mt_stats",
        {
            "sensors": ["sentinel2", "L8"],
            "limit": 5,
            "max_cloud_cover_in_aoi": 30,
            "exclude_cover_pixels": True,
            "cloud_masking_level": 2,
        },
    )
    assert params.sensors == ("sentinel2", "L8")
    assert (params.limit, params.max_cloud_cover_in_aoi) == (5, 30)
    assert (params.exclude_cover_pixels, params.cloud_masking_level) == (True, 2)


@pytest.mark.parametrize("bm_type", [["NDVI"], ["NDVI", "EVI"], ["NDVI", "EVI", "(B08-B04)/(B08+B04)"]])
def test_mt_stats_one_to_three_indices_are_accepted(bm_type):
    assert valid("mt_stats", {"bm_type": bm_type}).bm_type == tuple(bm_type)


@pytest.mark.parametrize(
    ("bm_type", "fragment"),
    [
        (["NDVI", "EVI", "NDWI", "NBR"], "at most 3 indices, not 4"),
        ([], "must not be empty"),
        (DROP, "missing"),
        ("NDVI", "must be a list of strings"),
        (["NDVI", "NDVI"], "NDVI is listed twice"),
        (["NDVI", ""], "is not a non-empty string"),
    ],
)
def test_mt_stats_bad_bm_type_is_rejected(bm_type, fragment):
    assert_error("mt_stats", {"bm_type": bm_type}, "params.bm_type", fragment)


@pytest.mark.parametrize("name", ["date_start", "date_end"])
@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (DROP, "missing: a date YYYY-MM-DD"),
        ("2023-1-5", "'2023-1-5' is not a date YYYY-MM-DD"),
        ("2023/01/05", "is not a date YYYY-MM-DD"),
        ("05-01-2023", "is not a date YYYY-MM-DD"),
        ("20230105", "is not a date YYYY-MM-DD"),
        ("2023-02-30", "is not a date YYYY-MM-DD"),
        ("2023-13-01", "is not a date YYYY-MM-DD"),
        ("2023-01-05T00:00", "is not a date YYYY-MM-DD"),
        ("2023-W01-1", "is not a date YYYY-MM-DD"),  # ISO week date, also 10 characters
        (20230105, "must be a date YYYY-MM-DD, not 20230105"),
    ],
)
def test_mt_stats_bad_date_is_rejected(name, value, fragment):
    changes = {name: value}
    if name == "date_end" and value is not DROP:
        changes["date_start"] = "2000-01-01"
    assert_error("mt_stats", changes, f"params.{name}", fragment)


def test_mt_stats_end_before_start_is_rejected_on_date_end():
    changes = {"date_start": "2023-06-30", "date_end": "2023-06-29"}
    assert_error("mt_stats", changes, "params.date_end", "2023-06-29 is before date_start 2023-06-30")


def test_mt_stats_one_day_range_is_accepted():
    params = valid("mt_stats", {"date_start": "2024-02-29", "date_end": "2024-02-29"})
    assert params.date_start == params.date_end == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    "sensors",
    [["sentinel2"], ["S2"], ["S2L2A"], ["landsat8"], ["L8"], ["Sentinel2"], ["LANDSAT8"], ["s2l2a"], ["l8"],
     ["sentinel2l2a", "landsat9", "modis", "NAIP"], []],
)  # fmt: skip
def test_mt_stats_known_sensor_names_are_accepted_case_insensitively(sensors):
    assert valid("mt_stats", {"sensors": sensors}).sensors == tuple(sensors)


@pytest.mark.parametrize(
    ("sensors", "fragment"),
    [
        (["sentinel3"], "'sentinel3' is not a sensor"),
        (["S2", "S1"], "'S1' is not a sensor"),
        (["landsat-8"], "'landsat-8' is not a sensor"),
        ("sentinel2", "must be a list of strings"),
        (["S2", "S2"], "S2 is listed twice"),
    ],
)
def test_mt_stats_unknown_sensor_is_rejected(sensors, fragment):
    assert_error("mt_stats", {"sensors": sensors}, "params.sensors", fragment)


@pytest.mark.parametrize("limit", [1, 100, 1000])
def test_mt_stats_limit_of_at_least_one_is_accepted(limit):
    assert valid("mt_stats", {"limit": limit}).limit == limit


@pytest.mark.parametrize(
    ("limit", "fragment"),
    [(0, "must be at least 1, not 0"), (-3, "must be at least 1"), (1.5, "whole number"), (10.0, "whole number"),
     ("10", "whole number"), (True, "whole number")],
)  # fmt: skip
def test_mt_stats_bad_limit_is_rejected(limit, fragment):
    assert_error("mt_stats", {"limit": limit}, "params.limit", fragment)


@pytest.mark.parametrize("cover", [0, 0.5, 50, 99.9, 100])
def test_mt_stats_cloud_cover_between_0_and_100_is_accepted(cover):
    assert valid("mt_stats", {"max_cloud_cover_in_aoi": cover}).max_cloud_cover_in_aoi == cover


@pytest.mark.parametrize(
    ("cover", "fragment"),
    [(-0.1, "must be between 0 and 100, not -0.1"), (100.5, "must be between 0 and 100"), (1000, "between 0 and 100"),
     ("50", "must be a number"), (True, "must be a number"), (math.nan, "must be a number")],
)  # fmt: skip
def test_mt_stats_cloud_cover_outside_0_to_100_is_rejected(cover, fragment):
    assert_error("mt_stats", {"max_cloud_cover_in_aoi": cover}, "params.max_cloud_cover_in_aoi", fragment)


@pytest.mark.parametrize("task_type", ["mt_stats", "bandmath", "jpeg"])
@pytest.mark.parametrize("value", [True, False])
def test_exclude_cover_pixels_bool_is_accepted(task_type, value):
    assert valid(task_type, {"exclude_cover_pixels": value}).exclude_cover_pixels is value


@pytest.mark.parametrize("task_type", ["mt_stats", "bandmath", "jpeg"])
def test_exclude_cover_pixels_defaults_to_false(task_type):
    assert valid(task_type).exclude_cover_pixels is False


@pytest.mark.parametrize("task_type", ["mt_stats", "bandmath", "jpeg"])
@pytest.mark.parametrize("value", ["true", 1, 0, "false"])
def test_exclude_cover_pixels_not_bool_is_rejected(task_type, value):
    assert_error(task_type, {"exclude_cover_pixels": value}, "params.exclude_cover_pixels", "must be true or false")


def test_exclude_cover_pixels_is_not_a_crop_parameter():
    assert_error("lbe", {"exclude_cover_pixels": True}, "params.exclude_cover_pixels", "is not a parameter of lbe")


@pytest.mark.parametrize("exclude", [True, False])
def test_builders_send_exclude_cover_pixels_only_when_true(exclude):
    """Unset, the request is the API's documented one; set, the field is there and validates."""
    for request in (bandmath_request("S2/33/U/UU/2017/2/16/0", "NDVI", POLYGON, exclude_cover_pixels=exclude),
                    jpeg_request("S2/33/U/UU/2017/2/16/0", "NDVI", POLYGON, exclude_cover_pixels=exclude),
                    mt_stats_request(["NDVI"], "2023-01-01", "2023-06-30", POLYGON, exclude_cover_pixels=exclude)):
        assert ("exclude_cover_pixels" in request.params) is exclude, request.type
        if exclude:
            assert request.params["exclude_cover_pixels"] is True
        assert request.validate().exclude_cover_pixels is exclude


@pytest.mark.parametrize(("value", "ok"), [(0, True), (-2.5, True), ("1", False), (True, False)])
def test_mt_stats_cloud_masking_level_is_any_number(value, ok):
    if ok:
        assert valid("mt_stats", {"cloud_masking_level": value}).cloud_masking_level == value
    else:
        assert_error("mt_stats", {"cloud_masking_level": value}, "params.cloud_masking_level", "must be a number")


# ---------------------------------------------------------------------------------------------
# The lbe result type (docs/task-api.md#result-type-of-lbe: first rule that matches wins)

RESULT_TYPE_CASES = [
    # rule 1: one Sentinel-2 band -> jp2, whatever else is asked
    pytest.param(S2_ID, ["B04"], True, [], "jp2", id="s2-single-band"),
    pytest.param(S2_ID, ["B8A"], False, [], "jp2", id="s2-single-band-no-merge"),
    pytest.param(S2_ID, ["B04"], True, ["tile_md"], "jp2", id="s2-single-band-tile-md"),
    pytest.param(S2_ID, ["B01"], True, ["tile_md", "product_md"], "jp2", id="s2-single-band-all-md"),
    # rule 2a: one band, no metadata -> tif
    pytest.param(L8_ID, ["B4"], True, [], "tif", id="landsat-single-band"),
    pytest.param(L8_ID, ["B8"], False, [], "tif", id="landsat-single-band-no-merge"),
    pytest.param(MODIS_ID, ["B01"], True, [], "tif", id="modis-single-band"),
    pytest.param(NAIP_ID, ["N"], False, [], "tif", id="naip-single-band"),
    # one non-S2 band with metadata -> zip
    pytest.param(L8_ID, ["B4"], True, ["tile_md"], "zip", id="landsat-single-band-tile-md"),
    pytest.param(L8_ID, ["B4"], True, ["product_md"], "zip", id="landsat-single-band-product-md"),
    # rule 2b: merge, one resolution, no metadata -> tif
    pytest.param(S2_ID, ["B02", "B03", "B04"], True, [], "tif", id="s2-merge-same-resolution"),
    pytest.param(S2_ID, ["B05", "B11", "B8A"], True, [], "tif", id="s2-merge-20m"),
    pytest.param(L8_ID, ["B4", "B10", "B11"], True, [], "tif", id="landsat-thermal-delivered-at-30m"),
    pytest.param(MODIS_ID, ["B01", "B02", "B07"], True, [], "tif", id="modis-merge"),
    # merge with mixed resolutions -> zip
    pytest.param(S2_ID, ["B02", "B05"], True, [], "zip", id="s2-merge-mixed-resolutions"),
    pytest.param(S2_ID, ["B01", "B02"], True, [], "zip", id="s2-merge-60m-and-10m"),
    pytest.param(L8_ID, ["B4", "B8"], True, [], "zip", id="landsat-merge-with-pan"),
    # merge=false with several bands -> zip
    pytest.param(S2_ID, ["B02", "B03"], False, [], "zip", id="s2-no-merge"),
    pytest.param(L8_ID, ["B4", "B3", "B2"], False, [], "zip", id="landsat-no-merge"),
    pytest.param(MODIS_ID, ["B01", "B02"], False, [], "zip", id="modis-no-merge"),
    # same resolution but metadata -> zip
    pytest.param(S2_ID, ["B02", "B03", "B04"], True, ["product_md"], "zip", id="s2-same-resolution-product-md"),
    pytest.param(S2_ID, ["B02", "B03"], True, ["tile_md"], "zip", id="s2-same-resolution-tile-md"),
    pytest.param(L8_ID, ["B4", "B3"], True, ["product_md"], "zip", id="landsat-same-resolution-product-md"),
    # NAIP: merge has no effect
    pytest.param(NAIP_ID, ["R", "G", "B"], False, [], "tif", id="naip-no-merge-still-tif"),
    pytest.param(NAIP_ID, ["R", "G", "B", "N"], True, [], "tif", id="naip-merge"),
    pytest.param(NAIP_ID, ["R", "G"], False, ["tile_md"], "zip", id="naip-metadata"),
]


@pytest.mark.parametrize(("view_id", "bands", "merge", "metadata", "expected"), RESULT_TYPE_CASES)
def test_lbe_params_result_type(view_id, bands, merge, metadata, expected):
    params = valid("lbe", {"view_id": view_id, "bands": bands, "merge": merge, "metadata": metadata})
    assert params.result_type == expected


SENSOR_OF = {S2_ID: SENTINEL2, L8_ID: LANDSAT8, MODIS_ID: MODIS, NAIP_ID: NAIP}


@pytest.mark.parametrize(("view_id", "bands", "merge", "metadata", "expected"), RESULT_TYPE_CASES)
def test_api_rules_lbe_result_type(view_id, bands, merge, metadata, expected):
    sensor = SENSOR_OF[view_id]
    resolutions = [sensor.band(name).resolution for name in bands]
    assert api_rules.lbe_result_type(sensor, bands, merge, metadata, resolutions) == expected
    assert api_rules.lbe_result_type(sensor, tuple(bands), merge, iter(metadata), tuple(resolutions)) == expected


def test_result_type_uses_the_resolutions_given():
    assert api_rules.lbe_result_type(LANDSAT8, ["B4", "B3"], True, [], [30, 30]) == "tif"
    assert api_rules.lbe_result_type(LANDSAT8, ["B4", "B3"], True, [], [30, 15]) == "zip"


def test_result_type_ignores_metadata_names_the_rule_does_not_name():
    assert api_rules.lbe_result_type(SENTINEL2, ["B02", "B03"], True, ["other"], [10, 10]) == "tif"


def test_lbe_params_resolutions_follow_the_band_order():
    params = valid("lbe", {"bands": ["B05", "B02", "B01"]})
    assert params.resolutions == (20, 10, 60)


# ---------------------------------------------------------------------------------------------
# lbe_request builder


def test_lbe_request_builds_a_valid_request_with_a_reference():
    request = lbe_request(S2_ID, ["B02", "B03"], POLYGON)
    assert request.type == "lbe"
    assert "callback_url" not in request.to_dict()
    params = request.params
    assert list(params) == ["view_id", "bands", "geometry", "merge", "reference"]
    assert params["merge"] is True
    assert params["reference"].startswith("lbe-plugin-lbe-")
    validated = request.validate()
    assert validated.reference == params["reference"]
    assert validated.bands == ("B02", "B03")
    assert validated.result_type == "tif"


def test_lbe_request_references_are_unique():
    first = lbe_request(S2_ID, ["B02"], POLYGON).params["reference"]
    second = lbe_request(S2_ID, ["B02"], POLYGON).params["reference"]
    assert first != second


def test_lbe_request_with_merge_metadata_and_reference():
    bands = ["B4", "B8"]
    request = lbe_request(L8_ID, bands, POLYGON, merge=False, metadata=["tile_md"], reference="mine")
    bands.append("B2")
    params = request.params
    assert list(params) == ["view_id", "bands", "geometry", "merge", "metadata", "reference"]
    assert params["bands"] == ["B4", "B8"]
    assert (params["merge"], params["metadata"], params["reference"]) == (False, ["tile_md"], "mine")
    validated = request.validate()
    assert validated.metadata == ("tile_md",)
    assert validated.result_type == "zip"
    assert json.loads(request.to_json()) == request.to_dict()


@pytest.mark.parametrize("task_type", ["lbe", "jpeg", "bandmath"])
def test_the_level_2a_form_of_a_sentinel2_view_id_is_valid(task_type):
    request = make_request(task_type, {"view_id": S2_ID.replace("S2/", "S2L2A/", 1)})
    scene = request.validate().scene
    assert scene.sensor is SENTINEL2 and scene.product_level == "L2A"
