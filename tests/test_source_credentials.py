"""A private scene source's credentials (core/http_credentials.py): band files over HTTP read with
the source's headers through a per-dataset header file, by every path that reads them, and only
theirs; without them, an error naming the URL and the refusal. The servers are tests/cog_server.py
on 127.0.0.1, requiring the header."""

from __future__ import annotations

import base64

import numpy as np
import pytest
from cog_server import CogServer
from load_by_extent.core.errors import DataError
from load_by_extent.core.gdal_support import open_raster
from load_by_extent.core.http_credentials import Credentials, with_credentials
from load_by_extent.core.http_raster import forget, remote_reading
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.request import lbe_request
from load_by_extent.core.runner import run
from osgeo import gdal
from rasters import read_raster
from test_http_raster import AOI, QUICK, S2_TRANSFORM, S2_VIEW, ServedScenes, cog_folder, s2_scene  # noqa: F401

SECRET = "s3cr3t-passw0rd"
AUTHORIZATION = "Basic " + base64.b64encode(f"analyst:{SECRET}".encode()).decode()


@pytest.fixture
def private_server(cog_folder):  # noqa: F811
    with CogServer(cog_folder, authorization=AUTHORIZATION) as served:
        yield served


@pytest.fixture
def open_server(cog_folder):  # noqa: F811
    with CogServer(cog_folder) as served:
        yield served


def served_scene(sample_store, server, credentials: Credentials | None):
    return s2_scene(sample_store, lambda band: with_credentials(server.url(f"s2/{band}.tif"), credentials),
                    {"B08": S2_TRANSFORM})


def test_a_crop_with_the_credentials_is_the_crop_of_an_open_server(sample_store, private_server, open_server,
                                                                    tmp_path):
    credentials = Credentials([("Authorization", AUTHORIZATION)])
    private = run(lbe_request(S2_VIEW, ["B04", "B08"], AOI, merge=True),
                  LocalBackend(ServedScenes([served_scene(sample_store, private_server, credentials)]), QUICK),
                  str(tmp_path / "private"))
    public = run(lbe_request(S2_VIEW, ["B04", "B08"], AOI, merge=True),
                 LocalBackend(ServedScenes([served_scene(sample_store, open_server, None)]), QUICK),
                 str(tmp_path / "public"))
    private_pixels, public_pixels = read_raster(private.files[0]), read_raster(public.files[0])
    assert np.array_equal(private_pixels[0], public_pixels[0])
    assert private_server.log and all(entry.status in (200, 206) for entry in private_server.log)
    assert all(entry.headers.get("authorization") == AUTHORIZATION for entry in private_server.log)


def test_every_read_of_the_dataset_carries_the_headers_and_no_option_of_the_thread_or_process(
        private_server):
    """A warp reads the dataset outside the plugin's window reads: the header file is the dataset's."""
    keys = ("GDAL_HTTP_HEADERS", "GDAL_HTTP_HEADER_FILE")
    before = {key: (gdal.GetConfigOption(key), gdal.GetThreadLocalConfigOption(key, None)) for key in keys}
    credentials = Credentials([("Authorization", AUTHORIZATION)])
    url = with_credentials(private_server.url("s2/B04.tif"), credentials)
    with remote_reading(QUICK):
        dataset = open_raster(url)
        warped = gdal.Warp("", dataset, format="MEM", xRes=20, yRes=20, resampleAlg="average")
    assert warped is not None and warped.GetRasterBand(1).Checksum() > 0
    warped = dataset = None
    forget(url)
    assert private_server.log and all(entry.status in (200, 206) for entry in private_server.log)
    assert {key: (gdal.GetConfigOption(key), gdal.GetThreadLocalConfigOption(key, None)) for key in keys} == before
    # The plain URL (a str made of it) has no credentials: refused, named without them
    with remote_reading(QUICK), pytest.raises(DataError) as raised:
        open_raster(str(url))
    assert str(raised.value) == (f"cannot read {private_server.url('s2/B04.tif')}: access denied (HTTP 401): "
                                 "the address needs credentials, or its signature has expired")
    assert AUTHORIZATION not in repr(raised.value)


def test_credentials_refuse_a_header_that_would_end_the_line():
    with pytest.raises(DataError, match="line break"):
        Credentials([("Authorization", "Basic x\r\nX-Other: y")])
    assert repr(Credentials([("Authorization", AUTHORIZATION)])) == "Credentials(Authorization)"
