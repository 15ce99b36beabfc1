"""The command line as users run it: the launcher bin/lbe, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess

import numpy as np
import pytest
from command_line import clean_environment
from osgeo import gdal, ogr, osr
from rasters import polygon_from_utm, write_raster

L8_ID = "LC80290332017076LGN00"  # 2017-03-17
L8_LATER_ID = "LC80290332017108LGN00"  # 2017-04-18
L8_EPSG = 32613
L8_GT = (600000.0, 30.0, 0.0, 4500000.0, 0.0, -30.0)
S2_VIEW = "S2/33/U/UU/2017/2/16/0"
S2_GT = (500000.0, 10.0, 0.0, 5800000.0, 0.0, -10.0)

# Inside the Landsat scenes (pixel offsets .3 / .7 of the 30 m grid), in EPSG:32613.
L8_AOI_UTM = [(600099.0, 4499931.0), (600921.0, 4499871.0), (600669.0, 4499559.0), (600159.0, 4499169.0)]
# Inside the Sentinel-2 files, in EPSG:32633.
S2_AOI_UTM = [(500043.0, 5799967.0), (500523.0, 5799927.0), (500403.0, 5799547.0), (500083.0, 5799587.0)]


def _run(command: list[str], cwd=None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def store(tmp_path) -> str:
    """Two Landsat 8 scenes over one place and a Sentinel-2 scene (loose files) far away."""
    root = tmp_path / "store"
    rows, cols = 30, 40
    for scene_id in (L8_ID, L8_LATER_ID):
        folder = root / scene_id
        for k, band in enumerate(("B4", "B5")):
            data = (np.arange(rows * cols).reshape(rows, cols) + 1 + 1000 * k).astype(np.uint16)
            write_raster(str(folder / f"{scene_id}_{band}.TIF"), data, L8_GT, L8_EPSG)
        (folder / f"{scene_id}_MTL.txt").write_text("GROUP = L1_METADATA_FILE\n  CLOUD_COVER = 20.0\nEND\n")
    for band in ("B02", "B03"):
        data = (np.arange(48 * 60).reshape(48, 60) + 1).astype(np.uint16)
        write_raster(str(root / "IMG_DATA" / f"T33UUU_20170216T102101_{band}.tif"), data, S2_GT, 32633)
    return str(root)


def _request(tmp_path, params: dict, name: str = "request.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps({"type": "lbe", "params": params}))
    return str(path)


def _l8_params(**changes) -> dict:
    params = {
        "view_id": f"L8/{L8_ID}",
        "bands": ["B4"],
        "geometry": polygon_from_utm(L8_AOI_UTM, L8_EPSG),
        "reference": "cli-test",
    }
    params.update(changes)
    return params


def _single_json(stdout: str) -> dict:
    """stdout holds exactly one JSON object (one line) and nothing else."""
    lines = stdout.splitlines()
    assert len(lines) == 1, stdout
    value = json.loads(lines[0])
    assert isinstance(value, dict)
    return value


def _assert_result(output: dict, result_type: str, out_folder) -> list[str]:
    assert output["type"] == "lbe"
    assert output["result_type"] == result_type
    files = output["files"]
    assert files
    for path in files:
        assert os.path.isabs(path) and os.path.isfile(path), path
        assert os.path.dirname(path) == os.path.abspath(str(out_folder))
    assert sorted(os.listdir(out_folder)) == sorted(os.path.basename(path) for path in files)
    return files


# --- lbe run ----------------------------------------------------------------------------------------


def test_run_prints_one_json_object_and_writes_the_result(lbe_command, store, tmp_path):
    request = _request(tmp_path, _l8_params(bands=["B5", "B4"]))
    out = tmp_path / "out"
    completed = _run(lbe_command + ["run", request, "--scenes", store, "--out", str(out)])

    assert completed.returncode == 0, completed.stderr
    files = _assert_result(_single_json(completed.stdout), "tif", out)
    assert len(files) == 1 and files[0].endswith(".tif")
    dataset = gdal.Open(files[0])
    assert [dataset.GetRasterBand(i).GetDescription() for i in (1, 2)] == ["B5", "B4"]
    assert "Traceback" not in completed.stderr


def test_run_from_another_directory_with_relative_paths(lbe_command, store, tmp_path):
    work = tmp_path / "elsewhere"
    work.mkdir()
    _request(work, _l8_params(bands=["B4", "B5"], merge=False, metadata=["tile_md"]), name="req.json")
    completed = _run(
        lbe_command + ["run", "req.json", "--scenes", os.path.relpath(store, work), "--out", "results"], cwd=work
    )

    assert completed.returncode == 0, completed.stderr
    files = _assert_result(_single_json(completed.stdout), "zip", work / "results")
    assert files[0].endswith(".zip")


def test_run_reads_the_request_from_stdin(lbe_command, store, tmp_path):
    out = tmp_path / "out"
    text = json.dumps({"type": "lbe", "params": _l8_params()})
    completed = subprocess.run(lbe_command + ["run", "-", "--scenes", store, "--out", str(out)], input=text,
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    _assert_result(_single_json(completed.stdout), "tif", out)


def test_launcher_does_not_use_the_first_python3_on_path(lbe_command, store, tmp_path):
    fake_bin = tmp_path / "fake-bin"
    fake_bin.mkdir()
    fake = fake_bin / "python3"
    # A Python impostor that "passes" any probe and prints a result of its own.
    fake.write_text('#!/bin/sh\necho \'{"fake": true}\'\nexit 0\n')
    fake.chmod(0o755)
    env = clean_environment(PATH=f"{fake_bin}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}")
    request = _request(tmp_path, _l8_params())
    out = tmp_path / "out"
    completed = _run(lbe_command + ["run", request, "--scenes", store, "--out", str(out)], cwd=tmp_path, env=env)

    assert completed.returncode == 0, completed.stderr
    output = _single_json(completed.stdout)
    assert "fake" not in output
    _assert_result(output, "tif", out)


def _python_without_gdal(tmp_path) -> str:
    """A real Python that cannot import GDAL: the system one without its site packages."""
    path = tmp_path / "python-without-gdal"
    path.write_text('#!/bin/sh\nexec /usr/bin/python3 -S "$@"\n')
    path.chmod(0o755)
    return str(path)


def test_launcher_passes_the_command_on_when_lbe_python_has_no_gdal(lbe_command, store, tmp_path):
    env = clean_environment(LBE_PYTHON=_python_without_gdal(tmp_path))
    request = _request(tmp_path, _l8_params())
    out = tmp_path / "out"
    completed = _run(lbe_command + ["run", request, "--scenes", store, "--out", str(out)], cwd=tmp_path, env=env)

    assert completed.returncode == 0, completed.stderr
    _assert_result(_single_json(completed.stdout), "tif", out)


def test_without_any_python_with_gdal_the_command_line_says_so(lbe_command, tmp_path):
    without_gdal = _python_without_gdal(tmp_path)
    # As bin/lbe runs it when the other candidates it found have no GDAL either.
    env = clean_environment(LBE_PYTHONS=without_gdal)
    completed = _run([without_gdal, lbe_command[0] + ".py", "--help"], env=env)

    assert completed.returncode == 1
    assert completed.stdout == ""
    assert completed.stderr == "lbe: error: no Python with GDAL found (install python3-gdal, or set LBE_PYTHON)\n"


@pytest.mark.sample_data
def test_run_on_the_real_sentinel2_scene(lbe_command, sample_store, tmp_path):
    geometry = polygon_from_utm(
        [(331003.0, 5821537.0), (333007.0, 5821433.0), (332503.0, 5820227.0), (331507.0, 5820733.0)], 32633
    )
    request = _request(tmp_path, {"view_id": S2_VIEW, "bands": ["B08"], "geometry": geometry, "reference": "r"})
    out = tmp_path / "out"
    completed = _run(lbe_command + ["run", request, "--scenes", sample_store, "--out", str(out)], cwd=tmp_path)

    assert completed.returncode == 0, completed.stderr
    files = _assert_result(_single_json(completed.stdout), "jp2", out)
    assert files[0].endswith(".jp2") and files[1] == files[0] + ".aux.xml"
    dataset = gdal.Open(files[0])
    assert dataset.GetDriver().ShortName == "JP2OpenJPEG"
    assert dataset.GetRasterBand(1).GetDescription() == "B08"


# --- bad input ---------------------------------------------------------------------------------------------


def _assert_one_error_line(stderr: str, *words: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    for word in words:
        assert word in lines[0], lines[0]
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize(
    ("case", "field"),
    [
        ("missing file", "request"),
        ("a folder", "request"),
        ("invalid JSON", "request"),
        ("unknown band", "params.bands"),
        ("geometry missing", "params.geometry"),
        ("geometry a point", "params.geometry"),
        ("bad view_id", "params.view_id"),
        ("merge not boolean", "params.merge"),
        ("unknown parameter", "params.colour"),
    ],
)
def test_invalid_input_exits_2_naming_the_field(lbe_command, store, tmp_path, case, field):
    if case == "missing file":
        request = str(tmp_path / "no-such-request.json")
    elif case == "a folder":
        request = str(tmp_path)
    elif case == "invalid JSON":
        request = str(tmp_path / "broken.json")
        (tmp_path / "broken.json").write_text('{"type": "lbe", "params": {')
    else:
        changes = {
            "unknown band": {"bands": ["B4", "B99"]},
            "geometry missing": {"geometry": None},
            "geometry a point": {"geometry": {"type": "Point", "coordinates": [-104.0, 40.6]}},
            "bad view_id": {"view_id": "L8/not-a-scene"},
            "merge not boolean": {"merge": "yes"},
            "unknown parameter": {"colour": "red"},
        }[case]
        params = {key: value for key, value in _l8_params(**changes).items() if value is not None}
        request = _request(tmp_path, params)
    out = tmp_path / "out"
    completed = _run(lbe_command + ["run", request, "--scenes", store, "--out", str(out)])

    assert completed.returncode == 2
    assert completed.stdout == ""
    line = _assert_one_error_line(completed.stderr, field)
    if case in ("missing file", "a folder"):
        assert request in line
    assert not out.exists()


def test_missing_argument_exits_2(lbe_command, tmp_path):
    completed = _run(lbe_command + ["run", str(tmp_path / "r.json")])
    assert completed.returncode == 2
    _assert_one_error_line(completed.stderr, "--scenes")


def test_scene_not_in_the_store_exits_1_naming_it(lbe_command, store, tmp_path):
    request = _request(tmp_path, _l8_params(view_id="L8/LC80290332017140LGN00"))
    out = tmp_path / "out"
    completed = _run(lbe_command + ["run", request, "--scenes", store, "--out", str(out)])

    assert completed.returncode == 1
    assert completed.stdout == ""
    _assert_one_error_line(completed.stderr, "L8/LC80290332017140LGN00")
    assert not out.exists()


def test_corrupt_raster_exits_1_naming_the_file(lbe_command, store, tmp_path):
    broken = os.path.join(store, L8_ID, f"{L8_ID}_B5.TIF")
    with open(broken, "w") as stream:
        stream.write("this is not a raster\n")
    request = _request(tmp_path, _l8_params(bands=["B4", "B5"]))
    out = tmp_path / "out"
    completed = _run(lbe_command + ["run", request, "--scenes", store, "--out", str(out)])

    assert completed.returncode == 1
    assert completed.stdout == ""
    assert "Traceback" not in completed.stderr
    errors = [line for line in completed.stderr.splitlines() if line.startswith("lbe: error:")]
    assert len(errors) == 1 and f"{L8_ID}_B5.TIF" in errors[0], completed.stderr
    assert not out.exists()


def test_aoi_outside_the_scene_exits_1_naming_the_geometry(lbe_command, store, tmp_path):
    far = [(x + 50_000, y) for x, y in L8_AOI_UTM]
    request = _request(tmp_path, _l8_params(geometry=polygon_from_utm(far, L8_EPSG)))
    out = tmp_path / "out"
    completed = _run(lbe_command + ["run", request, "--scenes", store, "--out", str(out)])

    assert completed.returncode == 1
    _assert_one_error_line(completed.stderr, "params.geometry")
    assert not out.exists()


# --- lbe scenes ---------------------------------------------------------------------------------------


def _geojson_file(path, geometry: dict) -> str:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": geometry}]}))
    return str(path)


def _gpkg_file(path, points, epsg: int) -> str:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("aoi", srs, ogr.wkbPolygon)
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in list(points) + [points[0]]:
        ring.AddPoint_2D(x, y)
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(polygon)
    layer.CreateFeature(feature)
    feature = None
    layer = None
    source = None
    return str(path)


def _scene_ids(completed: subprocess.CompletedProcess) -> list[str]:
    assert completed.returncode == 0, completed.stderr
    output = _single_json(completed.stdout)
    assert set(output) == {"scenes"}
    return [scene["view_id"] for scene in output["scenes"]]


def test_scenes_by_aoi_and_dates(lbe_command, store, tmp_path):
    aoi = _geojson_file(tmp_path / "aoi.geojson", polygon_from_utm(L8_AOI_UTM, L8_EPSG))
    base = lbe_command + ["scenes", "--scenes", store, "--aoi", aoi]

    assert _scene_ids(_run(base)) == [f"L8/{L8_LATER_ID}", f"L8/{L8_ID}"]  # newest first
    march = _run(base + ["--start", "2017-03-01", "--end", "2017-03-31"])
    assert _scene_ids(march) == [f"L8/{L8_ID}"]
    scene = json.loads(march.stdout)["scenes"][0]
    assert scene["date"] == "2017-03-17"
    assert scene["cloud_cover"] == 20.0
    assert _scene_ids(_run(base + ["--start", "2017-05-01", "--end", "2017-05-31"])) == []

    s2_aoi = _geojson_file(tmp_path / "s2.geojson", polygon_from_utm(S2_AOI_UTM, 32633))
    assert _scene_ids(_run(lbe_command + ["scenes", "--scenes", store, "--aoi", s2_aoi])) == [S2_VIEW]


def test_scenes_table(lbe_command, store, tmp_path):
    aoi = _geojson_file(tmp_path / "aoi.geojson", polygon_from_utm(L8_AOI_UTM, L8_EPSG))
    completed = _run(lbe_command + ["scenes", "--scenes", store, "--aoi", aoi, "--start", "2017-03-01",
                                    "--end", "2017-04-30", "--table"])
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("2017-04-18") and lines[0].endswith(f"L8/{L8_LATER_ID}")
    assert lines[1].startswith("2017-03-17") and lines[1].endswith(f"L8/{L8_ID}")
    assert "Landsat 8" in lines[1]


def test_scenes_with_a_geopackage_aoi_in_a_projected_crs(lbe_command, store, tmp_path):
    l8_aoi = _gpkg_file(tmp_path / "l8.gpkg", L8_AOI_UTM, L8_EPSG)
    completed = _run(lbe_command + ["scenes", "--scenes", store, "--aoi", l8_aoi, "--start", "2017-03-01",
                                    "--end", "2017-03-31"])
    assert _scene_ids(completed) == [f"L8/{L8_ID}"]

    s2_aoi = _gpkg_file(tmp_path / "s2.gpkg", S2_AOI_UTM, 32633)
    assert _scene_ids(_run(lbe_command + ["scenes", "--scenes", store, "--aoi", s2_aoi])) == [S2_VIEW]

    # The same coordinates read as another CRS land elsewhere: nothing there.
    elsewhere = _gpkg_file(tmp_path / "elsewhere.gpkg", S2_AOI_UTM, L8_EPSG)
    assert _scene_ids(_run(lbe_command + ["scenes", "--scenes", store, "--aoi", elsewhere])) == []


def test_scenes_with_an_unreadable_aoi_exits_2(lbe_command, store, tmp_path):
    bad = tmp_path / "aoi.geojson"
    bad.write_text("not geojson")
    completed = _run(lbe_command + ["scenes", "--scenes", store, "--aoi", str(bad)])
    assert completed.returncode == 2
    assert completed.stdout == ""
    _assert_one_error_line(completed.stderr, "--aoi")
