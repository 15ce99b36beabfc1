"""Scene sources at URLs, end to end: a STAC API on 127.0.0.1 whose items point at COGs of the
sample imagery on a Range server, used wherever a scene folder is (`lbe run --scenes URL`, the
local backend, a set of sources); a plain HTTP store told apart from a catalog; a URL that does
not answer named."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess

import numpy as np
import pytest
from load_by_extent.core.errors import DataError
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.http_raster import RemoteReading
from load_by_extent.core.http_store import HttpSceneStore
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.local.lbe import run_lbe
from load_by_extent.core.request import lbe_request, mt_stats_request
from load_by_extent.core.runner import run
from load_by_extent.core.scenes import SceneStore, SceneStoreSet
from load_by_extent.core.sources import UrlSceneSource, open_scene_source
from osgeo import gdal
from rasters import centres_inside, read_raster, rings_in_crs, write_raster
from stac_server import StacServer, earth_search_item
from test_http_raster import (  # noqa: F401 - cog_folder and server are fixtures
    AOI,
    S2_VIEW,
    assert_same_raster,
    cog_folder,
    make_cog,
    s2_aoi,
    s2_scene,
    server,
)

SCALE, OFFSET = 0.0001, -0.1  # what the item states of every reflectance band (Earth Search, baseline 04.00+)
ACQUIRED = dt.datetime(2017, 2, 16, 10, 21, 1, tzinfo=dt.timezone.utc)


@pytest.fixture
def catalog(sample_store, server):  # noqa: F811 - the COG server of test_http_raster
    """An Earth Search catalog holding the sample scene as an L2A item, its bands on the COG server."""
    footprint = SceneStore(sample_store).find(S2_VIEW).footprint()
    item = earth_search_item("33UUU", ACQUIRED, geometry=footprint, asset_base=server.base_url,
                             assets={"red": "s2/B04.tif", "green": "s2/B03.tif", "blue": "s2/B02.tif",
                                     "nir": "s2/B08.tif"})
    with StacServer(page_size=2) as stac:
        stac.add_item("es", item)
        yield stac


def test_a_crop_through_a_catalog_on_the_command_line_is_the_crop_of_the_files_on_disk(
        lbe_command, sample_store, cog_folder, catalog, tmp_path):  # noqa: F811
    request = lbe_request(S2_VIEW, ["B04"], AOI, merge=True)
    (tmp_path / "request.json").write_text(request.to_json())
    answer = subprocess.run(lbe_command + ["run", str(tmp_path / "request.json"), "--scenes", catalog.root("es"),
                                           "--out", str(tmp_path / "stac")], capture_output=True, text=True, timeout=300)
    assert answer.returncode == 0, answer.stderr
    files = json.loads(answer.stdout)["files"]
    on_disk = s2_scene(sample_store, lambda band: os.path.join(cog_folder, "s2", f"{band}.tif"))
    (tmp_path / "disk").mkdir()
    local = run_lbe(request.validate(), on_disk, str(tmp_path / "disk"), None)
    assert [os.path.basename(path) for path in files] == [os.path.basename(path) for path in local.files]
    assert_same_raster(local.files[0], files[0])  # stored values, pixel for pixel: no scale applied


def test_statistics_through_a_catalog_are_those_of_the_stated_physical_values(cog_folder, catalog, tmp_path):  # noqa: F811
    request = mt_stats_request(["NDVI"], "2017-02-01", "2017-02-28", AOI)
    backend = LocalBackend(SceneStoreSet([catalog.root("es")]))
    answer = run(request, backend, str(tmp_path / "out"), Feedback()).details["result"]
    assert answer["errors"] == []
    [entry] = answer["result"]
    assert entry["view_id"] == S2_VIEW
    (red,), red_set = read_raster(os.path.join(cog_folder, "s2", "B04.tif"))
    (nir,), _ = read_raster(os.path.join(cog_folder, "s2", "B08.tif"))
    transform = red_set.GetGeoTransform()
    xs = transform[0] + (np.arange(red.shape[1]) + 0.5) * transform[1]
    ys = transform[3] + (np.arange(red.shape[0]) + 0.5) * transform[5]
    inside = centres_inside(xs, ys, rings_in_crs(AOI, 32633))
    # The offset is a whole number of stored units: physical values that cancel must cancel exactly
    red_physical, nir_physical = ((band.astype(np.float64) + round(OFFSET / SCALE)) / round(1 / SCALE)
                                  for band in (red, nir))
    with np.errstate(all="ignore"):
        ndvi = (nir_physical - red_physical) / (nir_physical + red_physical)
    valid = inside & (red != 0) & (nir != 0) & np.isfinite(ndvi)
    values = ndvi[valid]
    assert values.size > 1000
    assert entry["average"] == pytest.approx(float(values.mean()), rel=1e-9)
    assert entry["max"] == pytest.approx(float(values.max()), rel=1e-9)
    # The offset changes the figures: a computation on stored values would not give them.
    stored = (nir[valid].astype(np.float64) - red[valid]) / (nir[valid].astype(np.float64) + red[valid])
    assert abs(float(stored.mean()) - entry["average"]) > 1e-3
    gdal.VSICurlClearCache()


def test_a_url_that_is_no_catalog_is_a_store_over_http(server):  # noqa: F811
    source = open_scene_source(server.base_url + "/")
    assert isinstance(source, UrlSceneSource)
    assert source.scenes() == []  # building it asked the server nothing
    assert server.requests() == 0
    assert isinstance(source._resolved(), HttpSceneStore)
    with pytest.raises(DataError, match="serves scenes by view_id only"):
        source.search(start=dt.date(2017, 1, 1))


def test_a_set_of_sources_mixes_folders_and_catalogs(sample_store, catalog):
    stores = SceneStoreSet([os.path.join(sample_store, "landsat-timeseries"), catalog.root("es")])
    scenes, problems = stores.search(start=dt.date(2017, 2, 16), end=dt.date(2017, 2, 16))
    assert problems == []
    assert [scene.view_id for scene in scenes] == [S2_VIEW]
    assert stores.find(S2_VIEW).band_files["B04"].startswith("http://127.0.0.1")


def test_a_url_that_does_not_answer_is_named(tmp_path):
    with StacServer() as stopped:
        root = stopped.root("es")
    source = UrlSceneSource(root, reading=RemoteReading(timeout=2.0, retries=0))
    with pytest.raises(DataError, match="does not answer") as raised:
        source.find(S2_VIEW)
    assert root.split("?")[0] in str(raised.value)
    # Alone in a set, the failure is the answer, not an empty list.
    with pytest.raises(DataError, match="does not answer"):
        SceneStoreSet([root], reading=RemoteReading(timeout=2.0, retries=0)).search(start=dt.date(2017, 1, 1))


def test_statistics_through_a_catalog_take_clouds_from_the_items_mask_asset(
        sample_store, cog_folder, server, tmp_path):  # noqa: F811
    """The item's `scl` asset (a 20 m class raster: cloud, 9, over the scene's western part) is the
    mask: `cloud` is its share of the AOI, and exclude_cover_pixels keeps only the clear pixels."""
    (red,), red_set = read_raster(os.path.join(cog_folder, "s2", "B04.tif"))
    (nir,), _ = read_raster(os.path.join(cog_folder, "s2", "B08.tif"))
    transform = red_set.GetGeoTransform()
    rows, cols = red.shape
    classes = np.full((rows // 2, cols // 2), 4, dtype=np.uint8)  # vegetation
    classes[:, : cols // 2 // 2 + 5] = 9  # cloud, high probability, up to a column inside the AOI
    scl_path = os.path.join(cog_folder, "s2", "SCL.tif")
    write_raster(str(tmp_path / "scl.tif"), classes, (transform[0], 20.0, 0.0, transform[3], 0.0, -20.0),
                 32633, nodata=0)
    make_cog(str(tmp_path / "scl.tif"), scl_path)
    footprint = SceneStore(sample_store).find(S2_VIEW).footprint()
    item = earth_search_item("33UUU", ACQUIRED, geometry=footprint, asset_base=server.base_url,
                             assets={"red": "s2/B04.tif", "nir": "s2/B08.tif", "scl": "s2/SCL.tif"})
    aoi = s2_aoi((cols // 2 - 60.3, cols // 2 + 80.6), (200.4, 330.7))
    with StacServer(page_size=2) as stac:
        stac.add_item("es", item)
        backend = LocalBackend(SceneStoreSet([stac.root("es")]))
        answers = {exclude: run(mt_stats_request(["NDVI"], "2017-02-01", "2017-02-28", aoi,
                                                 exclude_cover_pixels=exclude),
                                backend, str(tmp_path / f"out-{exclude}"), Feedback()).details["result"]
                   for exclude in (False, True)}
    xs = transform[0] + (np.arange(cols) + 0.5) * transform[1]
    ys = transform[3] + (np.arange(rows) + 0.5) * transform[5]
    inside = centres_inside(xs, ys, rings_in_crs(aoi, 32633))
    cloudy = np.repeat(np.repeat(classes == 9, 2, axis=0), 2, axis=1)[:rows, :cols]  # the mask on the 10 m grid
    xs20 = transform[0] + (np.arange(cols // 2) + 0.5) * 20.0
    ys20 = transform[3] - (np.arange(rows // 2) + 0.5) * 20.0
    inside20 = centres_inside(xs20, ys20, rings_in_crs(aoi, 32633))
    expected_cloud = 100.0 * float((classes == 9)[inside20].sum()) / float(inside20.sum())
    assert 5 < expected_cloud < 95  # the AOI is partly under the cloud
    # The offset is a whole number of stored units: physical values that cancel must cancel exactly
    red_physical, nir_physical = ((band.astype(np.float64) + round(OFFSET / SCALE)) / round(1 / SCALE)
                                  for band in (red, nir))
    with np.errstate(all="ignore"):
        ndvi = (nir_physical - red_physical) / (nir_physical + red_physical)
    valid = inside & (red != 0) & (nir != 0) & np.isfinite(ndvi)
    for exclude, answer in answers.items():
        assert answer["errors"] == []
        [entry] = answer["result"]
        assert entry["cloud"] == pytest.approx(expected_cloud, abs=1e-4)  # the answer rounds it to 4 decimals
        values = ndvi[valid & ~cloudy] if exclude else ndvi[valid]
        assert entry["average"] == pytest.approx(float(values.mean()), rel=1e-9)
    gdal.VSICurlClearCache()


def test_every_field_through_a_catalog_has_the_figures_of_its_own_run(cog_folder, catalog):  # noqa: F811
    """Many polygons over a catalog's scenes: each one's figures are those of mt_stats over it alone."""
    from load_by_extent.core.local.field_stats import Field, field_statistics
    from load_by_extent.core.local.mt_stats import compute_statistics

    fields = [Field("west", s2_aoi((200.3, 330.6), (210.4, 330.7))), Field("east", s2_aoi((900.2, 1010.5), (80.4, 200.1)))]
    params = mt_stats_request(["NDVI", "SAVI"], "2017-02-01", "2017-02-28", AOI).validate()
    stores = SceneStoreSet([catalog.root("es")])
    answers = field_statistics(stores, params, fields)
    for field, answer in zip(fields, answers):
        alone = compute_statistics(stores, dataclasses.replace(params, geometry=field.geometry))
        assert answer["result"] and answer == {"errors": alone["errors"], "result": alone["result"]}
    gdal.VSICurlClearCache()


def test_scenes_over_http_are_read_more_at_once_than_scenes_on_disk(sample_store, server):  # noqa: F811
    from load_by_extent.core.local.mt_stats import HTTP_SCENE_THREADS, SCENE_THREADS, scene_threads

    on_disk = SceneStore(sample_store).find(S2_VIEW)
    over_http = s2_scene(sample_store, lambda band: server.url(f"s2/{band}.tif"))
    assert scene_threads([on_disk]) == SCENE_THREADS
    assert scene_threads([on_disk, over_http]) == max(SCENE_THREADS, HTTP_SCENE_THREADS) > 2
