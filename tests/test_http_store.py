"""The scene store over plain HTTP (core/http_store.py): scenes in the local folder layouts, served by
tests/cog_server.py on 127.0.0.1 without any listing, found from their view_id."""

from __future__ import annotations

import os

import pytest
from cog_server import CogServer, Failure
from load_by_extent.core.errors import DataError, SceneNotFoundError
from load_by_extent.core.http_raster import RemoteReading
from load_by_extent.core.http_store import HttpSceneStore
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.request import lbe_request
from load_by_extent.core.runner import run
from load_by_extent.core.scenes import SceneStore
from test_http_raster import AOI, S2_BANDS, S2_VIEW, TOKEN, assert_same_raster, make_cog

L7_SCENE = "LE70350322009136EDC00"
QUICK = RemoteReading(timeout=1.0, retries=1, retry_delay=0.05)


@pytest.fixture(scope="module")
def http_store_folder(sample_store, tmp_path_factory) -> str:
    """The sample scene's bands as COGs in the Sentinel-2 tile layout, and a Landsat 7 scene folder
    with both namings of its files."""
    root = tmp_path_factory.mktemp("http-store")
    tile = root / "tiles" / "33" / "U" / "UU" / "2017" / "2" / "16" / "0"
    tile.mkdir(parents=True)
    scene = SceneStore(sample_store).find(S2_VIEW)
    for band in S2_BANDS:
        make_cog(scene.band_files[band], str(tile / f"{band}.tif"))
    landsat = root / "L7" / L7_SCENE
    landsat.mkdir(parents=True)
    source = os.path.join(sample_store, "landsat-timeseries", L7_SCENE, L7_SCENE + "_{}.tif")
    make_cog(source.format("b3"), str(landsat / f"{L7_SCENE}_B3.TIF"))
    make_cog(source.format("b4"), str(landsat / "B4.tif"))
    return str(root)


@pytest.fixture
def served(http_store_folder):
    with CogServer(http_store_folder) as server:
        yield server


def test_a_sentinel2_scene_is_found_by_its_band_files(served):
    scene = HttpSceneStore(served.base_url + "/").find(S2_VIEW)
    assert scene.view_id == S2_VIEW and scene.product_level == "L1C"
    assert scene.band_files == {band: served.url(f"tiles/33/U/UU/2017/2/16/0/{band}.tif") for band in S2_BANDS}
    # Only band files were asked for (no listing), each of the sensor's bands once or twice.
    names = {entry.name for entry in served.log}
    assert all(name.endswith((".tif", ".TIF")) for name in names)
    assert all(entry.method == "HEAD" for entry in served.log)


def test_a_crop_from_the_http_store_is_the_crop_of_the_same_folder_on_disk(http_store_folder, served, tmp_path):
    request = lbe_request(S2_VIEW, ["B04", "B08"], AOI, merge=True)
    remote = run(request, LocalBackend(HttpSceneStore(f"{served.base_url}?{TOKEN}")), str(tmp_path / "http"))
    local = run(request, LocalBackend(SceneStore(http_store_folder)), str(tmp_path / "disk"))
    assert_same_raster(local.files[0], remote.files[0])
    assert served.log and all(entry.query == TOKEN for entry in served.log)  # the base's signature, on every file


def test_landsat_scene_folders_with_either_naming(served):
    scene = HttpSceneStore(served.base_url).find(f"L7/{L7_SCENE}")
    assert scene.band_files == {"B3": served.url(f"L7/{L7_SCENE}/{L7_SCENE}_B3.TIF"),
                                "B4": served.url(f"L7/{L7_SCENE}/B4.tif")}


def test_a_scene_the_store_lacks_is_not_found_naming_its_folder(served):
    with pytest.raises(SceneNotFoundError) as raised:
        HttpSceneStore(f"{served.base_url}/?{TOKEN}").find("S2/33/U/UU/2017/2/17/0")
    message = str(raised.value)
    assert served.url("tiles/33/U/UU/2017/2/17/0/") in message
    assert "secret" not in message


def test_a_failing_server_is_said_not_taken_for_a_missing_scene(served):
    served.fail("tiles/33/U/UU/2017/2/16/0/B01.tif", Failure(503), times=None)
    with pytest.raises(DataError) as raised:
        HttpSceneStore(f"{served.base_url}?{TOKEN}", QUICK).find(S2_VIEW)
    message = str(raised.value)
    assert "the server failed (HTTP 503)" in message
    assert served.url("tiles/33/U/UU/2017/2/16/0/B01.tif") in message and "secret" not in message


def test_an_http_store_cannot_be_searched(served):
    with pytest.raises(DataError, match="by view_id only"):
        HttpSceneStore(served.base_url).search(aoi=None)
