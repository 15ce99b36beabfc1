"""Scene bands over HTTP (core/http_raster.py): the real sample imagery converted to cloud-optimized
GeoTIFFs, served by tests/cog_server.py on 127.0.0.1 with Range requests, read by the local processor
from a Scene whose band files are the served URLs.

What is checked: crops are pixel-identical to crops of the same COGs on disk; indices and statistics
on a scene whose source states a scale and offset agree with numpy on the scaled values; only the
header and the blocks the AOI touches travel; failures are retried or named in words, without the
URL's query (a signing token); GDAL's configuration is left as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

import numpy as np
import pytest
from cog_server import CUT, STALL, CogServer, Failure
from load_by_extent.core.errors import DataError, SceneNotFoundError
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.gdal_support import open_raster, read_window, without_url_secrets
from load_by_extent.core.http_raster import HTTP_CONFIG_KEYS, RemoteReading, remote_reading
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.local.lbe import run_lbe
from load_by_extent.core.request import bandmath_request, jpeg_request, lbe_request, mt_stats_request
from load_by_extent.core.runner import run
from load_by_extent.core.scenes import Scene, SceneStore
from load_by_extent.core.sensors import parse_view_id
from osgeo import gdal
from rasters import S2_GT10, centres_inside, polygon_px, read_raster, rings_in_crs, write_raster

S2_VIEW = "S2/33/U/UU/2017/2/16/0"
S2_BANDS = ("B02", "B03", "B04", "B08")
TOKEN = "token=secret"  # a signing token: it must never appear in a message
BLOCK = 256
# Sentinel-2 L2A from baseline 04.00 as a catalog states it: reflectance = DN x 0.0001 - 0.1.
S2_TRANSFORM = (0.0001, -0.1)
# Landsat collection 2 level-2 surface reflectance: DN x 2.75e-05 - 0.2.
LANDSAT_TRANSFORM = (2.75e-05, -0.2)
# A reading that gives up quickly, for the failure tests.
QUICK = RemoteReading(timeout=1.0, retries=2, retry_delay=0.05)


# --- COGs of the sample imagery, and their server --------------------------------------------------------

def make_cog(source: str, target: str) -> str:
    dataset = gdal.Translate(target, source, format="COG",
                             creationOptions=[f"BLOCKSIZE={BLOCK}", "COMPRESS=DEFLATE"])
    assert dataset is not None, source
    dataset = None
    return target


@pytest.fixture(scope="module")
def cog_folder(sample_store, tmp_path_factory) -> str:
    """The Sentinel-2 sample scene's bands and three Landsat series scenes, as COGs."""
    folder = str(tmp_path_factory.mktemp("cogs"))
    scene = SceneStore(sample_store).find(S2_VIEW)
    os.makedirs(os.path.join(folder, "s2"))
    for band in S2_BANDS:
        make_cog(scene.band_files[band], os.path.join(folder, "s2", f"{band}.tif"))
    for name in LANDSAT_SCENES:
        os.makedirs(os.path.join(folder, name), exist_ok=True)
        for suffix in ("b3", "b4", "fmask"):
            source = os.path.join(sample_store, "landsat-timeseries", name, f"{name}_{suffix}.tif")
            make_cog(source, os.path.join(folder, name, f"{suffix}.tif"))
    return folder


@pytest.fixture
def server(cog_folder):
    with CogServer(cog_folder) as served:
        yield served


def s2_scene(sample_store, location, transforms: dict | None = None) -> Scene:
    """The sample scene with its bands at `location(band)` (a path or URL), no metadata files."""
    scene = SceneStore(sample_store).find(S2_VIEW)
    return dataclasses.replace(scene, band_files={band: location(band) for band in S2_BANDS}, tile_metadata=(),
                               product_metadata=(), band_transforms=transforms or {}, _footprint=[])


class ServedScenes:
    """Scenes whose band files are URLs, found by view_id and listed by date: what a catalog's
    store gives the local processor."""

    root = "the test server"

    def __init__(self, scenes: list[Scene]) -> None:
        self._scenes = {scene.view_id: scene for scene in scenes}

    def find(self, view_id: str) -> Scene:
        if view_id not in self._scenes:
            raise SceneNotFoundError(view_id, self.root)
        return self._scenes[view_id]

    def search(self, aoi=None, start=None, end=None, max_cloud=None, sensors=None, problems=None,
               feedback=None) -> list[Scene]:
        return [scene for scene in self._scenes.values()
                if (start is None or scene.date >= start) and (end is None or scene.date <= end)]


def s2_aoi(cols: tuple[float, float], rows: tuple[float, float]) -> dict:
    """A quadrilateral over the sample scene's 10 m grid, in its pixel coordinates."""
    (c0, c1), (r0, r1) = cols, rows
    ring = [(c0, r0 + 3.3), (c1, r0), (c1 - 5.2, r1), (c0 + 4.1, r1 - 2.6)]
    return polygon_px(S2_GT10, [ring], 32633)


AOI = s2_aoi((200.3, 330.6), (210.4, 330.7))  # in 4 of the 6 x 3 blocks


def served_names(server: CogServer) -> list[str]:
    return sorted({entry.name for entry in server.log})


# --- crops ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("merge", [True, False])
def test_crop_over_http_is_pixel_identical_to_the_same_cogs_on_disk(sample_store, cog_folder, server, tmp_path,
                                                                     merge):
    bands = ["B04", "B03", "B02", "B08"]
    request = lbe_request(S2_VIEW, bands, AOI, merge=merge)
    on_disk = s2_scene(sample_store, lambda band: os.path.join(cog_folder, "s2", f"{band}.tif"))
    over_http = s2_scene(sample_store, lambda band: server.url(f"s2/{band}.tif", TOKEN))
    (tmp_path / "disk").mkdir()
    (tmp_path / "http").mkdir()
    local = run_lbe(request.validate(), on_disk, str(tmp_path / "disk"), None)
    remote = run_lbe(request.validate(), over_http, str(tmp_path / "http"), None)
    assert local.result_type == remote.result_type == ("tif" if merge else "zip")
    assert [os.path.basename(path) for path in remote.files] == [os.path.basename(path) for path in local.files]
    for local_path, remote_path in zip(local.files, remote.files):
        if remote_path.endswith(".zip"):
            import zipfile
            for name in zipfile.ZipFile(local_path).namelist():
                zipfile.ZipFile(local_path).extract(name, tmp_path / "disk")
                zipfile.ZipFile(remote_path).extract(name, tmp_path / "http")
                assert_same_raster(str(tmp_path / "disk" / name), str(tmp_path / "http" / name))
        else:
            assert_same_raster(local_path, remote_path)
    assert served_names(server) == [f"s2/{band}.tif" for band in sorted(bands)]


def assert_same_raster(expected_path: str, got_path: str) -> None:
    expected, expected_set = read_raster(expected_path)
    got, got_set = read_raster(got_path)
    assert got.dtype == expected.dtype and got.shape == expected.shape
    assert np.array_equal(got, expected)
    assert got_set.GetGeoTransform() == expected_set.GetGeoTransform()
    assert got_set.GetProjection() == expected_set.GetProjection()
    for index in range(1, got_set.RasterCount + 1):
        assert got_set.GetRasterBand(index).GetNoDataValue() == expected_set.GetRasterBand(index).GetNoDataValue()
        assert got_set.GetRasterBand(index).GetDescription() == expected_set.GetRasterBand(index).GetDescription()
    # The crop is a real one: pixels inside hold data, and some outside are nodata.
    nodata = got_set.GetRasterBand(1).GetNoDataValue()
    assert (got != nodata).any() and (got == nodata).any()


def test_a_crop_fetches_the_header_and_the_blocks_the_aoi_touches(sample_store, cog_folder, server, tmp_path):
    request = lbe_request(S2_VIEW, ["B04"], AOI)
    run_lbe(request.validate(), s2_scene(sample_store, lambda band: server.url(f"s2/{band}.tif")), str(tmp_path), None)
    path = os.path.join(cog_folder, "s2", "B04.tif")
    gets = server.entries("s2/B04.tif", "GET")
    # The header in one request, from the start of the file; no request for any other file.
    assert [entry.range.split("-")[0] for entry in gets].count("bytes=0") == 1
    assert served_names(server) == ["s2/B04.tif"]
    # The blocks the AOI's window touches (from its pixel coordinates), as byte ranges of the file.
    touched = touched_block_ranges(path, cols=(200, 331), rows=(210, 331))
    assert len(touched) == 4
    header = min(32768, os.path.getsize(path))
    expected = header + sum(size for _offset, size in touched)
    served = server.bytes_served("s2/B04.tif")
    assert served >= expected * 0.9  # the blocks did travel
    # GDAL fetches whole 16 KiB chunks: each block may bring up to a chunk more.
    assert served <= expected + 2 * 16384 * len(touched)
    assert served < os.path.getsize(path) / 2


def touched_block_ranges(path: str, cols: tuple[int, int], rows: tuple[int, int]) -> list[tuple[int, int]]:
    dataset = gdal.Open(path)
    band = dataset.GetRasterBand(1)
    ranges = []
    for by in range(rows[0] // BLOCK, (rows[1] - 1) // BLOCK + 1):
        for bx in range(cols[0] // BLOCK, (cols[1] - 1) // BLOCK + 1):
            offset = int(band.GetMetadataItem(f"BLOCK_OFFSET_{bx}_{by}", "TIFF"))
            size = int(band.GetMetadataItem(f"BLOCK_SIZE_{bx}_{by}", "TIFF"))
            ranges.append((offset, size))
    return ranges


def test_a_large_cog_sends_only_the_aois_blocks(tmp_path):
    """A 4096 x 4096 noisy band (a 32 MiB file) and an AOI inside 2 x 2 of its 256 blocks."""
    rng = np.random.default_rng(7)
    array = rng.integers(0, 10000, size=(4096, 4096), dtype=np.uint16)
    plain = write_raster(str(tmp_path / "plain.tif"), array, nodata=0)
    folder = tmp_path / "served"
    folder.mkdir()
    path = make_cog(plain, str(folder / "B04.tif"))
    scene = Scene(scene_id=parse_view_id("S2/33/U/UU/2020/6/1/0"), band_files={})
    ring = [(1030.4, 1040.2), (1500.7, 1100.1), (1480.2, 1530.6), (1100.5, 1490.3)]
    geometry = polygon_px((500000.0, 10.0, 0.0, 5800000.0, 0.0, -10.0), [ring], 32633)
    with CogServer(str(folder)) as served:
        scene = dataclasses.replace(scene, band_files={"B04": served.url("B04.tif")})
        run_lbe(lbe_request(scene.view_id, ["B04"], geometry).validate(), scene, str(tmp_path), None)
        touched = touched_block_ranges(path, cols=(1030, 1501), rows=(1040, 1531))
        assert len(touched) == 4
        expected = 32768 + sum(size for _offset, size in touched)
        assert served.bytes_served() <= 1.3 * expected
        assert served.bytes_served() < os.path.getsize(path) / 20


# --- indices and statistics on physical values -----------------------------------------------------------

def test_ndvi_over_http_applies_the_stated_scale_and_offset(sample_store, cog_folder, server, tmp_path):
    scene = s2_scene(sample_store, lambda band: server.url(f"s2/{band}.tif", TOKEN),
                     dict.fromkeys(S2_BANDS, S2_TRANSFORM))
    result = run(bandmath_request(S2_VIEW, "NDVI", AOI), LocalBackend(ServedScenes([scene])), str(tmp_path / "out"))
    got, dataset = read_raster(result.files[0])
    gt = dataset.GetGeoTransform()
    xoff, yoff = round((gt[0] - S2_GT10[0]) / 10), round((S2_GT10[3] - gt[3]) / 10)
    height, width = got.shape[1:]
    bands, fill = {}, np.zeros((height, width), dtype=bool)
    for band in ("B04", "B08"):
        source = gdal.Open(os.path.join(cog_folder, "s2", f"{band}.tif"))
        stored = source.GetRasterBand(1).ReadAsArray(xoff, yoff, width, height).astype(np.float64)
        fill |= stored == 0  # UInt16 without a declared nodata: 0 is the fill
        # The offset is -1000 stored units: physical values that cancel must cancel exactly
        bands[band] = (stored - 1000.0) / 10000.0
        source = None
    with np.errstate(all="ignore"):
        expected = (bands["B08"] - bands["B04"]) / (bands["B08"] + bands["B04"])
        # Without the offset the index would differ: the test can tell.
        unscaled = (bands["B08"] - bands["B04"]) / (bands["B08"] + bands["B04"] - 2 * S2_TRANSFORM[1])
    xs = gt[0] + (np.arange(width) + 0.5) * gt[1]
    ys = gt[3] + (np.arange(height) + 0.5) * gt[5]
    valid = centres_inside(xs, ys, rings_in_crs(AOI, 32633)) & ~fill & np.isfinite(expected)
    assert valid.sum() > 1000
    assert np.array_equal(got[0] != -9999, valid)
    assert np.allclose(got[0][valid], expected[valid], rtol=1e-5, atol=1e-6)
    assert not np.allclose(got[0][valid], unscaled[valid], rtol=1e-3)


LANDSAT_SCENES = ("LE70350322009136EDC00", "LT50350322009208PAC01", "LE70350322009232EDC00")
TS_GT = (336375.0, 30.0, 0.0, 4462425.0, 0.0, -30.0)


def landsat_scenes(sample_store, server) -> list[Scene]:
    store = SceneStore(os.path.join(sample_store, "landsat-timeseries"))
    scenes = []
    for name in LANDSAT_SCENES:
        scene = store.find(("L7/" if name.startswith("LE7") else "L5/") + name)
        files = {"B3": server.url(f"{name}/b3.tif", TOKEN), "B4": server.url(f"{name}/b4.tif", TOKEN),
                 "FMASK": server.url(f"{name}/fmask.tif", TOKEN)}
        scenes.append(dataclasses.replace(scene, band_files=files, tile_metadata=(), product_metadata=(),
                                          band_transforms={"B3": LANDSAT_TRANSFORM, "B4": LANDSAT_TRANSFORM},
                                          _footprint=[]))
    return scenes


def test_statistics_over_http_agree_with_numpy_on_the_scaled_values(sample_store, cog_folder, server, tmp_path):
    ring = [(3.3, 2.4), (57.7, 4.6), (55.2, 56.3), (31.6, 30.2), (6.4, 57.8)]
    geometry = polygon_px(TS_GT, [ring], 32613)
    request = mt_stats_request(["NDVI"], "2009-01-01", "2009-12-31", geometry)
    result = run(request, LocalBackend(ServedScenes(landsat_scenes(sample_store, server))), str(tmp_path / "out"),
                 Feedback())
    answer = result.details["result"]
    assert answer["errors"] == []
    assert [entry["view_id"][3:] for entry in answer["result"]] == sorted(LANDSAT_SCENES, key=scene_date)
    xs = TS_GT[0] + (np.arange(61) + 0.5) * TS_GT[1]
    ys = TS_GT[3] + (np.arange(61) + 0.5) * TS_GT[5]
    inside = centres_inside(xs, ys, rings_in_crs(geometry, 32613))
    for entry in answer["result"]:
        name = entry["view_id"][3:]
        stored = {}
        for band in ("b3", "b4"):
            source = gdal.Open(os.path.join(cog_folder, name, f"{band}.tif"))
            stored[band] = (source.GetRasterBand(1).ReadAsArray().astype(np.float64), source.GetRasterBand(1).GetNoDataValue())
            source = None
        invalid = np.zeros(inside.shape, dtype=bool)
        for array, nodata in stored.values():
            assert nodata == -9999
            invalid |= array == nodata
        red, nir = (stored[band][0] * LANDSAT_TRANSFORM[0] + LANDSAT_TRANSFORM[1] for band in ("b3", "b4"))
        with np.errstate(all="ignore"):
            ndvi = (nir - red) / (nir + red)
        values = ndvi[inside & ~invalid & np.isfinite(ndvi)]
        assert values.size > 100
        assert entry["average"] == pytest.approx(float(values.mean()), rel=1e-9)
        assert entry["median"] == pytest.approx(float(np.percentile(values, 50)), rel=1e-9)
        assert entry["min"] == pytest.approx(float(values.min()), rel=1e-9)
    assert server.log and all(entry.query == TOKEN for entry in server.log)  # the signed URLs, as given


def scene_date(name: str) -> dt.date:
    return dt.date(int(name[9:13]), 1, 1) + dt.timedelta(days=int(name[13:16]) - 1)


# --- round trips ----------------------------------------------------------------------------------------

# Each answer of the server waits this long: opening the bands one after the other would start the
# second band's requests at least this long after the first band's.
LATENCY = 0.3


def first_request_times(server: CogServer, names: list[str]) -> list[float]:
    return [min(entry.time for entry in server.entries(name)) for name in names]


@pytest.mark.parametrize("request_of", [
    lambda geometry: lbe_request(S2_VIEW, ["B04", "B08"], geometry, merge=True),
    lambda geometry: bandmath_request(S2_VIEW, "NDVI", geometry),
], ids=["lbe", "bandmath"])
def test_a_tasks_bands_are_opened_once_and_at_once(sample_store, cog_folder, tmp_path, request_of):
    """The check of the request and the task read the same opened bands; the two bands' opens
    overlap, and so do their reads."""
    with CogServer(cog_folder, latency=LATENCY) as served:
        scene = s2_scene(sample_store, lambda band: served.url(f"s2/{band}.tif", TOKEN))
        run(request_of(AOI), LocalBackend(ServedScenes([scene])), str(tmp_path / "out"))
        names = ["s2/B04.tif", "s2/B08.tif"]
        assert served_names(served) == names
        for name in names:
            heads = served.requests(name, "HEAD")
            headers = [entry for entry in served.entries(name, "GET") if entry.range.startswith("bytes=0-")]
            blocks = touched_block_ranges(os.path.join(cog_folder, name), cols=(200, 331), rows=(210, 331))
            # One open (a HEAD where GDAL sends one, the header), then at most one request per block.
            assert heads <= 1 and len(headers) == 1
            assert served.requests(name) <= heads + 1 + len(blocks)
        first_b04, first_b08 = first_request_times(served, names)
        assert abs(first_b08 - first_b04) < LATENCY
        # The blocks of the two bands are asked for at once too.
        first_blocks = [min(entry.time for entry in served.entries(name, "GET") if not entry.range.startswith("bytes=0-"))
                        for name in names]
        assert abs(first_blocks[1] - first_blocks[0]) < LATENCY


def test_a_scenes_bands_for_statistics_are_opened_at_once(sample_store, cog_folder, tmp_path):
    ring = [(3.3, 2.4), (57.7, 4.6), (55.2, 56.3), (31.6, 30.2), (6.4, 57.8)]
    request = mt_stats_request(["NDVI"], "2009-01-01", "2009-12-31", polygon_px(TS_GT, [ring], 32613))
    with CogServer(cog_folder, latency=LATENCY) as served:
        scene = landsat_scenes(sample_store, served)[0]
        result = run(request, LocalBackend(ServedScenes([scene])), str(tmp_path / "out"))
        assert result.details["result"]["errors"] == [] and len(result.details["result"]["result"]) == 1
        names = [f"{LANDSAT_SCENES[0]}/{band}.tif" for band in ("b3", "b4", "fmask")]
        assert served_names(served) == names
        times = first_request_times(served, names)
        assert max(times) - min(times) < LATENCY
        for name in names:  # each band opened once
            assert len([entry for entry in served.entries(name, "GET") if entry.range.startswith("bytes=0-")]) == 1


# --- failures ---------------------------------------------------------------------------------------------

def crop_of(sample_store, server, tmp_path, reading: RemoteReading | None = None, name: str = "s2/B04.tif"):
    scene = s2_scene(sample_store, lambda band: server.url(name if band == "B04" else f"s2/{band}.tif", TOKEN))
    return run(lbe_request(S2_VIEW, ["B04"], AOI), LocalBackend(ServedScenes([scene]), reading),
               str(tmp_path / "out"))


def test_503_twice_then_success(sample_store, server, tmp_path):
    server.fail("s2/B04.tif", Failure(503), times=2)
    result = crop_of(sample_store, server, tmp_path, QUICK)
    assert result.result_type == "jp2"
    statuses = [entry.status for entry in server.entries("s2/B04.tif")]
    assert statuses[:2] == [503, 503] and set(statuses[2:]) <= {200, 206}


def test_a_connection_cut_while_reading_blocks_is_read_again(cog_folder, server):
    """GDAL does not retry a body cut short, and keeps what it got: the read is done again."""
    url = server.url("s2/B04.tif", TOKEN)
    with remote_reading(QUICK):
        dataset = open_raster(url)
        server.clear_log()
        server.fail("s2/B04.tif", Failure(CUT), times=1)
        got = read_window(dataset.GetRasterBand(1), 768, 256, 256, 256, url)
        dataset = None
    local = gdal.Open(os.path.join(cog_folder, "s2", "B04.tif"))
    assert np.array_equal(got, local.GetRasterBand(1).ReadAsArray(768, 256, 256, 256))
    def asked(entry) -> int:
        start, end = (int(number) for number in entry.range.split("=")[1].split("-"))
        return end + 1 - start

    gets = server.entries("s2/B04.tif", "GET")
    cut = [index for index, entry in enumerate(gets) if entry.sent < asked(entry)]
    assert len(cut) == 1
    again = gets[cut[0] + 1:]
    assert again and again[0].range == gets[cut[0]].range and again[0].sent == asked(again[0])


def test_blocks_cut_every_time_are_said_to_be_cut(server):
    """The server answers a byte but cuts every block: the task says so, after its retries."""
    url = server.url("s2/B04.tif", TOKEN)
    with remote_reading(QUICK):
        dataset = open_raster(url)
        server.fail("s2/B04.tif", Failure(CUT), times=None, when=lambda wanted: wanted != "bytes=0-0")
        with pytest.raises(DataError) as raised:
            read_window(dataset.GetRasterBand(1), 768, 256, 256, 256, url)
        dataset = None
    message = str(raised.value)
    assert message == (f"cannot read pixels of {server.url('s2/B04.tif')}: the connection was cut, also after "
                       f"{QUICK.retries} retries")
    assert len([entry for entry in server.entries("s2/B04.tif", "GET") if entry.range != "bytes=0-0"]) >= 3


@pytest.mark.parametrize(("failure", "words"), [
    (Failure(404), "not found (HTTP 404)"),
    (Failure(403), "access denied (HTTP 403)"),
    (Failure(429, retry_after="0"), "too many requests (HTTP 429)"),
    (Failure(503), "the server failed (HTTP 503)"),
    (Failure(CUT), "the connection was cut"),
    (Failure(STALL), "no answer within 1 s"),
])
def test_failures_are_named_without_the_token(sample_store, server, tmp_path, capfd, failure, words):
    server.fail("s2/B04.tif", failure, times=None)
    with pytest.raises(DataError) as raised:
        crop_of(sample_store, server, tmp_path, QUICK)
    message = str(raised.value)
    assert words in message
    assert server.url("s2/B04.tif") in message
    captured = capfd.readouterr()
    assert "secret" not in message + captured.out + captured.err


def test_a_missing_file_is_not_found(sample_store, server, tmp_path):
    with pytest.raises(DataError, match=r"not found \(HTTP 404\)") as raised:
        crop_of(sample_store, server, tmp_path, QUICK, name="s2/B04-missing.tif")
    assert "secret" not in str(raised.value)


def test_a_failure_is_not_remembered(sample_store, server, tmp_path):
    """GDAL caches a file it could not open; the next task asks the server again."""
    server.fail("s2/B04.tif", Failure(404), times=None)
    with pytest.raises(DataError):
        crop_of(sample_store, server, tmp_path / "first", QUICK)
    server.clear_failures()
    assert crop_of(sample_store, server, tmp_path / "second", QUICK).result_type == "jp2"


def test_nothing_is_cached_past_a_task(sample_store, server, tmp_path):
    crop_of(sample_store, server, tmp_path / "first")
    first = server.bytes_served()
    server.clear_log()
    crop_of(sample_store, server, tmp_path / "second")
    assert server.requests("s2/B04.tif", "HEAD") >= 1
    assert server.bytes_served() == first


def test_a_strip_tiff_is_refused_as_not_cloud_optimized(tmp_path):
    array = np.arange(1200 * 300, dtype=np.uint16).reshape(300, 1200)
    write_raster(str(tmp_path / "B04.tif"), array)
    with CogServer(str(tmp_path)) as served, remote_reading(QUICK):
        with pytest.raises(DataError, match="not a cloud-optimized GeoTIFF") as raised:
            open_raster(served.url("B04.tif", TOKEN))
        assert "secret" not in str(raised.value)


@pytest.mark.parametrize("kind", ["vrt", "jp2", "text"])
def test_other_formats_are_refused_over_http(tmp_path, kind):
    array = np.ones((64, 64), dtype=np.uint16)
    source = write_raster(str(tmp_path / "source.tif"), array)
    name = f"B04.{kind}"
    if kind == "vrt":
        gdal.Translate(str(tmp_path / name), source, format="VRT")
    elif kind == "jp2":
        write_raster(str(tmp_path / name), array, driver="JP2OpenJPEG")
    else:
        (tmp_path / name).write_text("<html>not a raster</html>")
    with CogServer(str(tmp_path)) as served, remote_reading(QUICK):
        with pytest.raises(DataError, match="not a GeoTIFF"):
            open_raster(served.url(name))
        assert served_names(served) == [name]  # nothing named by the VRT was fetched


def test_a_server_without_ranges_is_refused(cog_folder):
    with CogServer(cog_folder, ranges=False) as served, remote_reading(QUICK):
        with pytest.raises(DataError, match="range requests") as raised:
            open_raster(served.url("s2/B04.tif", TOKEN))
        assert str(raised.value).startswith(f"cannot read {served.url('s2/B04.tif')}: ")


# --- settings --------------------------------------------------------------------------------------------

def test_extra_headers_reach_the_server(sample_store, server, tmp_path):
    value = 'Bearer a,b "c"'
    crop_of(sample_store, server, tmp_path, RemoteReading(headers=(("Authorization", value), ("X-Bucket", "x"))))
    gets = server.entries("s2/B04.tif", "GET")
    assert gets and all(entry.headers.get("authorization") == value for entry in gets)
    assert all(entry.headers.get("x-bucket") == "x" for entry in gets)


def test_configuration_is_left_as_it_was(sample_store, server, tmp_path):
    before = {key: (gdal.GetConfigOption(key), gdal.GetThreadLocalConfigOption(key, None)) for key in HTTP_CONFIG_KEYS}
    crop_of(sample_store, server, tmp_path, RemoteReading(timeout=7, proxy=None))
    scene = s2_scene(sample_store, lambda band: server.url(f"s2/{band}.tif"), {"B08": S2_TRANSFORM})
    run(bandmath_request(S2_VIEW, "NDVI", AOI), LocalBackend(ServedScenes([scene]), QUICK), str(tmp_path / "ndvi"))
    after = {key: (gdal.GetConfigOption(key), gdal.GetThreadLocalConfigOption(key, None)) for key in HTTP_CONFIG_KEYS}
    assert after == before
    assert "GDAL_HTTP_TIMEOUT" in HTTP_CONFIG_KEYS and "GDAL_HTTP_MAX_RETRY" in HTTP_CONFIG_KEYS


def test_reading_threads_take_the_tasks_settings(sample_store, server, tmp_path):
    """The crop reads in a helper thread: a stalled server is given up on after the task's timeout
    (1 s, two retries), not GDAL's default (none)."""
    server.fail("s2/B04.tif", Failure(STALL), times=None)
    with pytest.raises(DataError, match="no answer within 1 s"):
        crop_of(sample_store, server, tmp_path, QUICK)


def test_messages_never_show_a_urls_query():
    url = "https://user:pw@bucket.example/a/B04.tif?se=2024&sig=abc%2Bdef"
    from urllib.parse import quote

    text = (f"HTTP response code on {url}: 403; `/vsicurl?max_retry=3&url={quote(url, safe='')}' does not exist "
            f"({url}).")
    shown = without_url_secrets(text)
    assert "sig" not in shown and "abc" not in shown and "pw" not in shown
    assert shown == ("HTTP response code on https://bucket.example/a/B04.tif: 403; "
                     "`https://bucket.example/a/B04.tif' does not exist (https://bucket.example/a/B04.tif).")


def test_a_stated_scale_and_offset_is_used_as_it_is(sample_store, tmp_path):
    """The product metadata's baseline 04.00 offset is not removed again, nor anything calibrated."""
    from load_by_extent.core.calibration import index_scale, reflectance_transforms, stored_value_transforms

    product = tmp_path / "MTD_MSIL2A.xml"
    product.write_text('<n1:Level-2A_User_Product><BOA_ADD_OFFSET band_id="3">-1000</BOA_ADD_OFFSET>'
                       '<BOA_ADD_OFFSET band_id="7">-1000</BOA_ADD_OFFSET></n1:Level-2A_User_Product>')
    scene = s2_scene(sample_store, lambda band: f"https://bucket.example/{band}.tif")
    with_metadata = dataclasses.replace(scene, product_metadata=(str(product),), product_level="L2A")
    assert stored_value_transforms(with_metadata, ["B04", "B08"]) == {"B04": (1.0, -1000.0), "B08": (1.0, -1000.0)}
    assert index_scale(with_metadata) is None
    stated = dataclasses.replace(with_metadata, band_transforms={"B04": S2_TRANSFORM, "B08": S2_TRANSFORM})
    assert stored_value_transforms(stated, ["B04", "B08", "B02"]) == {"B04": S2_TRANSFORM, "B08": S2_TRANSFORM}
    transforms, notes = reflectance_transforms(stated, ["B04", "B08", "B02"])
    assert transforms == {"B04": S2_TRANSFORM, "B08": S2_TRANSFORM}
    assert len(notes) == 1 and "B02" in notes[0]
    assert index_scale(stated) == 1.0


def test_savi_over_http_takes_the_stated_values_as_reflectance(sample_store, server, tmp_path):
    """An index with additive constants is not divided by Sentinel-2's 10000 again."""
    scene = s2_scene(sample_store, lambda band: server.url(f"s2/{band}.tif"), dict.fromkeys(S2_BANDS, S2_TRANSFORM))
    result = run(bandmath_request(S2_VIEW, "SAVI", AOI), LocalBackend(ServedScenes([scene])), str(tmp_path / "out"))
    got, _dataset = read_raster(result.files[0])
    values = got[0][got[0] != -9999]
    assert values.size > 1000
    # Reflectance 0..1 gives SAVI in -1..1 with spread; values divided by 10000 again would be ~0.
    assert values.min() >= -1 and values.max() <= 1 and values.std() > 0.01


def test_a_visual_over_http_is_the_visual_of_the_files_on_disk(sample_store, cog_folder, server, tmp_path):
    request = jpeg_request(S2_VIEW, "B04,B03,B02", AOI, output_format="png")
    transforms = dict.fromkeys(S2_BANDS, S2_TRANSFORM)
    on_disk = s2_scene(sample_store, lambda band: os.path.join(cog_folder, "s2", f"{band}.tif"), transforms)
    over_http = s2_scene(sample_store, lambda band: server.url(f"s2/{band}.tif", TOKEN), transforms)
    local = run(request, LocalBackend(ServedScenes([on_disk])), str(tmp_path / "disk"))
    remote = run(request, LocalBackend(ServedScenes([over_http])), str(tmp_path / "http"))
    expected, _expected_set = read_raster(local.files[0])
    got, _got_set = read_raster(remote.files[0])
    assert np.array_equal(got, expected) and got[3].any()  # alpha: some pixels inside
    assert remote.details["levels"] == local.details["levels"]
    # The stretch is over reflectance scaled as stated (DN x 0.0001 - 0.1), not over stored DN.
    assert all(-0.1 <= low < high < 1 for low, high in remote.details["levels"])


def test_a_footprint_over_http_is_the_files_own(sample_store, cog_folder, server):
    on_disk = s2_scene(sample_store, lambda band: os.path.join(cog_folder, "s2", f"{band}.tif"))
    over_http = s2_scene(sample_store, lambda band: server.url(f"s2/{band}.tif", TOKEN))
    assert over_http.footprint() == on_disk.footprint()
    assert set(served_names(server)) <= {f"s2/{band}.tif" for band in S2_BANDS}


def test_an_index_whose_physical_denominator_is_zero_is_no_value_not_a_rounding_residue(sample_store, tmp_path):
    """With a catalog's Sentinel-2 scale and offset (0.0001, -0.1), red and near infrared stored as
    900 + k and 1100 - k are physical values that cancel: NDVI's denominator is 0 and the pixel has no
    value. Applied as `v * 0.0001 - 0.1`, they left a residue of about 1e-17, and NDVI of about 1e15."""
    scene = SceneStore(sample_store).find(S2_VIEW)
    red_source = gdal.Open(scene.band_files["B04"])
    width, height = red_source.RasterXSize, red_source.RasterYSize
    k = (np.arange(width)[None, :] + np.arange(height)[:, None]) % 97
    red, nir = (900 + k).astype(np.uint16), (1100 - k).astype(np.uint16)
    red[::2], nir[::2] = 700, 2700  # every other row an ordinary pixel: red -0.03, nir 0.17, NDVI 0.2 / 0.14
    paths = {band: write_raster(str(tmp_path / f"{band}.tif"), values, red_source.GetGeoTransform())
             for band, values in (("B04", red), ("B08", nir))}
    stated = s2_scene(sample_store, paths.get, {"B04": S2_TRANSFORM, "B08": S2_TRANSFORM})
    result = run(bandmath_request(S2_VIEW, "NDVI", AOI), LocalBackend(ServedScenes([stated])), str(tmp_path / "out"))
    got, _dataset = read_raster(result.files[0])
    values = got[0][got[0] != -9999]
    assert values.size > 100
    # Only the ordinary pixels have a value; the cancelling ones have none
    assert np.allclose(values, 0.2 / 0.14, rtol=1e-6)
