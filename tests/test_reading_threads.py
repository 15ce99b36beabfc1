"""The threads that open and read band files over HTTP (core/local/raster.py) and the one thread
that looks rasters' CRSs up (core/gdal_support.projection_of): a thread's first CRS lookup costs
tens of ms of CPU in PROJ, so bands opened at once in many threads look their CRS up in one, and
the reading threads live on from one scene to the next instead of being made anew."""

from __future__ import annotations

import os
import threading

import numpy as np
import pytest
from cog_server import CogServer
from load_by_extent.core.gdal_support import projection_of
from load_by_extent.core.http_raster import remote_reading
from load_by_extent.core.local.raster import BandSource, each_at_once, open_band_sources
from osgeo import gdal, osr

NAMES = ("B04.tif", "B08.tif", "B11.tif")


@pytest.fixture(scope="module")
def cog_folder(tmp_path_factory) -> str:
    """Three small COGs in UTM zone 33N (EPSG:32633)."""
    folder = str(tmp_path_factory.mktemp("cogs"))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    for number, name in enumerate(NAMES):
        source = gdal.GetDriverByName("MEM").Create("", 512, 512, 1, gdal.GDT_UInt16)
        source.SetGeoTransform((300000.0, 10.0, 0.0, 5900040.0, 0.0, -10.0))
        source.SetProjection(srs.ExportToWkt())
        source.GetRasterBand(1).WriteArray(np.full((512, 512), 100 + number, dtype=np.uint16))
        assert gdal.Translate(os.path.join(folder, name), source, format="COG",
                              creationOptions=["BLOCKSIZE=256"]) is not None
    return folder


def threads_named(prefix: str) -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name.startswith(prefix)]


def test_bands_opened_at_once_look_their_crs_up_in_one_thread(cog_folder):
    with CogServer(cog_folder) as server, remote_reading():
        sources = open_band_sources([(name, server.url(name)) for name in NAMES])
        try:
            assert all(isinstance(source, BandSource) for source in sources), sources
            on_disk = gdal.Open(os.path.join(cog_folder, NAMES[0]))
            assert {source.grid.crs_wkt for source in sources} == {on_disk.GetProjection()}
            assert len(threads_named("lbe-crs")) == 1
            assert [source.read_pixels(0, 0, 2, 2)[0, 0] for source in sources] == [100, 101, 102]
        finally:
            for source in sources:
                if isinstance(source, BandSource):
                    source.close()


def test_a_crs_is_looked_up_with_the_callers_options(cog_folder):
    dataset = gdal.Open(os.path.join(cog_folder, NAMES[0]))
    seen = []

    def lookup() -> str:
        # An option of this thread reaches the lookup thread only when handed over.
        seen.append(gdal.GetThreadLocalConfigOption("LBE_TEST_OPTION", None))
        return "ok"

    assert "UTM zone 33N" in projection_of(dataset, {"LBE_TEST_OPTION": "here"})
    assert gdal.GetThreadLocalConfigOption("LBE_TEST_OPTION", None) is None
    # After the lookup the option is gone from the lookup thread again.
    from load_by_extent.core import gdal_support

    assert gdal_support._crs_thread is not None
    assert gdal_support._crs_thread.submit(lookup).result() == "ok"
    assert seen == [None]


def test_the_reading_threads_live_on_after_a_read(cog_folder):
    with CogServer(cog_folder) as server, remote_reading():
        urls = [server.url(name) for name in NAMES]
        readers = each_at_once([threading.get_ident] * len(urls), urls)
    assert threading.get_ident() not in readers  # read in other threads ...
    alive = {thread.ident for thread in threading.enumerate()}
    assert set(readers) <= alive  # ... which were not made for this read only
