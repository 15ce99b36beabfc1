"""core.results.predicted_result: the files a request makes, known before it runs (the dock's
"predicted result" says them)."""

from __future__ import annotations

import pytest
from load_by_extent.core import api_rules
from load_by_extent.core.request import bandmath_request, jpeg_request, lbe_request, mt_stats_request
from load_by_extent.core.results import PredictedFile, PredictedResult, predicted_result
from load_by_extent.core.sensors import NAIP, SENTINEL2

S2_ID = "S2/32/U/PU/2021/7/15/0"
NAIP_ID = "NAIP/va/2013/100cm/rgbir/38075/m_3807537_ne_18_1_20130924"
POLYGON = {"type": "Polygon", "coordinates": [[[10.0, 50.0], [10.1, 50.0], [10.1, 50.1], [10.0, 50.1], [10.0, 50.0]]]}


def predict(request) -> PredictedResult:
    return predicted_result(request.validate())


def test_one_sentinel2_band_is_one_jp2_at_its_resolution():
    assert predict(lbe_request(S2_ID, ["B05"], POLYGON)) == PredictedResult("jp2", (PredictedFile(("B05",), 20.0),))


def test_merged_bands_of_one_grid_are_one_geotiff():
    assert predict(lbe_request(S2_ID, ["B04", "B03", "B02"], POLYGON)) == PredictedResult(
        "tif", (PredictedFile(("B04", "B03", "B02"), 10.0),))


def test_a_zip_holds_one_geotiff_per_grid_when_merged_and_per_band_when_not():
    merged = predict(lbe_request(S2_ID, ["B04", "B05", "B03"], POLYGON, metadata=[api_rules.TILE_METADATA]))
    assert merged == PredictedResult(
        "zip", (PredictedFile(("B04", "B03"), 10.0), PredictedFile(("B05",), 20.0)), (api_rules.TILE_METADATA,))
    apart = predict(lbe_request(S2_ID, ["B04", "B05", "B03"], POLYGON, merge=False))
    assert apart.files == (PredictedFile(("B04",), 10.0), PredictedFile(("B03",), 10.0), PredictedFile(("B05",), 20.0))


def test_naip_ignores_merge_false_as_the_merge_rule_says():
    assert api_rules.merges_bands(NAIP, False) and not api_rules.merges_bands(SENTINEL2, False)
    result = predict(lbe_request(NAIP_ID, ["R", "G"], POLYGON, merge=False, metadata=[api_rules.PRODUCT_METADATA]))
    assert result.result_type == "zip"
    assert len(result.files) == 1


@pytest.mark.parametrize(("request_", "expected"), [
    (bandmath_request(S2_ID, "NDVI, B04", POLYGON), PredictedResult("tif", (PredictedFile(("NDVI", "B04")),))),
    (jpeg_request(S2_ID, "B04,B03,B02", POLYGON, output_format="png", px_size=30),
     PredictedResult("png", (PredictedFile(("B04", "B03", "B02"), 30.0),))),
    (mt_stats_request(["NDVI", "NDWI"], "2021-01-01", "2021-12-31", POLYGON),
     PredictedResult("json", (PredictedFile(("NDVI", "NDWI")),))),
])
def test_the_other_tasks_make_one_file(request_, expected):
    assert predict(request_) == expected
