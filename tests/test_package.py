"""The package for the plugin repository: what `make package` builds installs as "Install from
ZIP" does, qgis_process runs its algorithms, and metadata.txt has what the repository requires."""

from __future__ import annotations

import configparser
import json
import os
import subprocess
import sys
import zipfile

import numpy as np
import pytest
from osgeo import gdal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
S2_VIEW = "S2/33/U/UU/2017/2/16/0"
S2_AOI = {"type": "Polygon", "coordinates": [[[12.5531, 52.4741], [12.6322, 52.4663], [12.6681, 52.4922],
                                              [12.6403, 52.5184], [12.5752, 52.5151], [12.5531, 52.4741]]]}
# The plugin repository's mandatory fields, and the ones we promise on top.
REQUIRED_FIELDS = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository")
PROMISED_FIELDS = ("tracker", "homepage", "tags", "category", "icon", "changelog", "experimental",
                   "hasProcessingProvider")
NOT_IN_PACKAGE = ("tests/", "bench/", ".ci/", "scripts/", "Makefile", "pyproject.toml", "requirements-dev.txt",
                  "docs/", ".gitignore", "bin/", "demo-output/", "__pycache__")


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> str:
    """The zip `make package` builds (translations compiled first, as it does)."""
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "i18n.py"), "compile"], check=True,
                   capture_output=True)
    out = tmp_path_factory.mktemp("dist")
    answer = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "package.py"), str(out)], check=True,
                            capture_output=True, text=True)
    return answer.stdout.strip()


@pytest.fixture(scope="module")
def installed_profile(package, tmp_path_factory) -> str:
    """A throwaway QGIS profile folder with the package unzipped into its plugins (Install from ZIP)
    and the plugin enabled through qgis_process."""
    profiles = tmp_path_factory.mktemp("qgis-profiles")
    plugins = profiles / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(plugins)
    answer = _qgis_process(str(profiles), "plugins", "enable", "load_by_extent")
    assert answer.returncode == 0, answer.stdout + answer.stderr
    return str(profiles)


def _qgis_process(profiles: str, *arguments: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=profiles, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(["qgis_process.bin", *arguments], capture_output=True, text=True, env=environment,
                          timeout=600)


def test_the_package_holds_one_top_folder_with_the_plugin_and_its_translations_only(package):
    metadata = configparser.ConfigParser()
    metadata.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    assert os.path.basename(package) == f"load_by_extent-{metadata['general']['version']}.zip"
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
    assert {name.split("/", 1)[0] for name in names} == {"load_by_extent"}
    inside = [name.split("/", 1)[1] for name in names]
    for needed in ("__init__.py", "plugin.py", "metadata.txt", "icon.svg", "LICENSE", "core/runner.py",
                   "ui/dock.py", "processing/provider.py", "i18n/load_by_extent_uk.qm", "i18n/load_by_extent_es.qm"):
        assert needed in inside, needed
    # every module of the plugin's packages: a package folder left out would break the plugin
    for folder in ("core", "services", "ui", "processing"):
        for directory, folders, files in os.walk(os.path.join(ROOT, folder)):
            folders[:] = [name for name in folders if name != "__pycache__"]
            for module in (name for name in files if name.endswith(".py")):
                relative = os.path.relpath(os.path.join(directory, module), ROOT).replace(os.sep, "/")
                assert relative in inside, relative
    for name in inside:
        assert not any(name.startswith(excluded) or excluded in name for excluded in NOT_IN_PACKAGE), name
    assert not any(name.endswith(".ts") for name in inside)


def test_metadata_has_every_field_the_plugin_repository_requires():
    metadata = configparser.ConfigParser()
    metadata.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    general = metadata["general"]
    for field in REQUIRED_FIELDS + PROMISED_FIELDS:
        assert general.get(field, "").strip(), f"metadata.txt lacks {field}"
    assert general["name"] == "Load By Extent"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["category"] == "Raster"
    assert general["hasProcessingProvider"] == "yes"
    assert general["experimental"] in ("True", "False")
    assert os.path.isfile(os.path.join(ROOT, general["icon"]))
    for field in ("repository", "tracker", "homepage"):
        assert general[field].startswith("https://"), field
    # The libraries it relies on are named in `about`.
    for library in ("GDAL", "numpy", "requests", "matplotlib"):
        assert library in general["about"], library
    assert len(general["description"]) < 200
    assert general["version"] in general["changelog"], "the changelog says what this version brings"


def test_qgis_process_lists_the_four_algorithms_of_the_installed_package(installed_profile):
    answer = _qgis_process(installed_profile, "list")
    assert answer.returncode == 0, answer.stderr
    for algorithm in ("lbe", "jpeg", "bandmath", "mt_stats"):
        assert f"load_by_extent:{algorithm}\t" in answer.stdout, answer.stdout[-2000:]


@pytest.mark.sample_data
def test_qgis_process_runs_lbe_pixel_identical_to_the_command_line(installed_profile, sample_store, lbe_command,
                                                                     tmp_path):
    aoi = tmp_path / "aoi.geojson"
    aoi.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": S2_AOI}]}))
    processed = tmp_path / "qgis_process"
    answer = _qgis_process(installed_profile, "run", "load_by_extent:lbe", "--json", "--",
                           f"AOI={aoi}", f"VIEW_ID={S2_VIEW}", "BANDS=B04,B03,B02", "MERGE=true",
                           f"SCENES={sample_store}", f"OUTPUT_FOLDER={processed}")
    assert answer.returncode == 0, answer.stdout[-3000:] + answer.stderr[-3000:]
    results = json.loads(answer.stdout[answer.stdout.index("{"):])["results"]
    processed_file = results["FILES"].split(";")[0]

    request = tmp_path / "request.json"
    request.write_text(json.dumps({"type": "lbe", "params": {"view_id": S2_VIEW, "bands": ["B04", "B03", "B02"],
                                                             "geometry": S2_AOI, "merge": True, "reference": "cli"}}))
    cli = subprocess.run(lbe_command + ["run", str(request), "--scenes", sample_store, "--out", str(tmp_path / "cli")],
                         capture_output=True, text=True, check=True)
    cli_file = json.loads(cli.stdout)["files"][0]

    ours, theirs = gdal.Open(processed_file), gdal.Open(cli_file)
    assert ours.RasterCount == theirs.RasterCount == 3
    assert ours.GetGeoTransform() == theirs.GetGeoTransform()
    assert np.array_equal(ours.ReadAsArray(), theirs.ReadAsArray())
    assert [ours.GetRasterBand(i).GetDescription() for i in (1, 2, 3)] == ["B04", "B03", "B02"]


def test_qgis_process_reports_a_bad_request_without_a_traceback(installed_profile, sample_store, tmp_path):
    aoi = tmp_path / "aoi.geojson"
    aoi.write_text(json.dumps({"type": "Feature", "properties": {}, "geometry": S2_AOI}))
    answer = _qgis_process(installed_profile, "run", "load_by_extent:lbe", "--",
                           f"AOI={aoi}", f"VIEW_ID={S2_VIEW}", "BANDS=B99", f"SCENES={sample_store}",
                           f"OUTPUT_FOLDER={tmp_path / 'out'}")
    assert answer.returncode != 0
    assert "B99 is not a Sentinel-2 band" in answer.stdout + answer.stderr
    assert "Traceback" not in answer.stdout + answer.stderr
    assert not (tmp_path / "out").exists() or not os.listdir(tmp_path / "out")
