"""Shared test set-up: import the checkout as `load_by_extent`, and find the real sample imagery."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The checkout may be called anything; the plugin's modules import each other relatively, as
# members of the package `load_by_extent`. bin/lbe.py registers the folder under that name.
_spec = importlib.util.spec_from_file_location("lbe_launcher", os.path.join(ROOT, "bin", "lbe.py"))
_launcher = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_launcher)
_launcher.import_checkout_as_package(ROOT)


@pytest.fixture(scope="session")
def sample_data() -> str:
    """The folder of arranged real imagery (scripts/sample_data.py; `make data` fetches it)."""
    folder = os.environ.get("LBE_SAMPLE_DATA")
    if not folder:
        script = os.path.join(ROOT, "scripts", "sample_data.py")
        folder = subprocess.run([sys.executable, script], check=True, capture_output=True, text=True).stdout.strip()
    assert os.path.isfile(os.path.join(folder, ".complete")), f"sample data incomplete in {folder}; run make data"
    return folder


@pytest.fixture(scope="session")
def sample_store(sample_data) -> str:
    return os.path.join(sample_data, "store")


@pytest.fixture(scope="session")
def lbe_command() -> list[str]:
    """The command line launcher, as users run it."""
    return [os.path.join(ROOT, "bin", "lbe")]


FULL_TILE_SIZE = 10980  # a Sentinel-2 10 m band


@pytest.fixture(scope="session")
def full_size_store(tmp_path_factory) -> str:
    """A scene store holding one full-size Sentinel-2 10 m band (10980 x 10980, UInt16, tiled,
    DEFLATE), S2/33/U/UU/2020/6/1/0 band B04, generated once per test session (a striped pattern:
    quick to write, long enough to crop that a task can be watched and cancelled)."""
    import numpy as np
    from osgeo import gdal, osr

    store = tmp_path_factory.mktemp("full-size-store")
    folder = store / "tiles" / "33" / "U" / "UU" / "2020" / "6" / "1" / "0"
    folder.mkdir(parents=True)
    dataset = gdal.GetDriverByName("GTiff").Create(
        str(folder / "B04.tif"), FULL_TILE_SIZE, FULL_TILE_SIZE, 1, gdal.GDT_UInt16,
        options=["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE", "ZLEVEL=1",
                 "NUM_THREADS=ALL_CPUS"])
    dataset.SetGeoTransform((300000.0, 10.0, 0.0, 5900040.0, 0.0, -10.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    columns = np.arange(FULL_TILE_SIZE, dtype=np.uint32)[None, :]
    for row in range(0, FULL_TILE_SIZE, 1098):
        rows = np.arange(row, row + 1098, dtype=np.uint32)[:, None]
        band.WriteArray((1000 + (columns // 7) % 500 + (rows // 5) % 300).astype(np.uint16), 0, row)
    band = None
    dataset = None
    return str(store)


@pytest.fixture(scope="session")
def full_size_aoi() -> dict:
    """A polygon over most of the full-size tile (about 100 x 100 km), in lon/lat."""
    from rasters import polygon_from_utm

    return polygon_from_utm([(300500.3, 5795000.7), (409300.1, 5792000.2), (408000.9, 5899500.6),
                             (301000.4, 5899000.8), (340000.2, 5850000.1)])
