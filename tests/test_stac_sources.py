"""STAC catalogs as scene sources (core/stac/sources.py) against the fake STAC API of
tests/stac_server.py: search and find as a scene folder answers them, every view_id listed resolving
back to its item, Planetary Computer's numbering and signing, errors naming the view_id and URL."""

from __future__ import annotations

import datetime as dt

import pytest
import requests
from load_by_extent.core.errors import DataError, SceneNotFoundError, TaskCancelled
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.stac.items import StacScene
from load_by_extent.core.stac.signing import TokenSigner
from load_by_extent.core.stac.sources import (
    EARTH_SEARCH_ROOT,
    PLANETARY_COMPUTER_ROOT,
    StacSource,
    source_for_url,
)
from stac_server import StacServer, earth_search_item, landsat_item, planetary_item, square

UTC = dt.timezone.utc
DAY = dt.datetime(2023, 7, 10, 10, 20, 31, tzinfo=UTC)
AOI = square(10.2, 50.2, 0.1)


@pytest.fixture
def stac():
    with StacServer(page_size=2) as server:
        files = server.files_url
        for days in range(4):
            when = DAY + dt.timedelta(days=5 * days)
            server.add_item("es", earth_search_item("33UUU", when, cloud=10.0 * days, asset_base=files))
            server.add_item("plain", earth_search_item("33UUU", when, cloud=10.0 * days, asset_base=files))
            server.add_item("es", landsat_item(8 if days % 2 else 9, 193, 25, when, cloud=5.0, asset_base=files))
        # Planetary Computer: two sensing times on DAY (the first cloudy, and reprocessed), one tile elsewhere
        server.add_item("pc", planetary_item("33UUU", DAY, processed="20230710T150000", cloud=90.0,
                                             asset_base=files + "/signed"))
        server.add_item("pc", planetary_item("33UUU", DAY, processed="20240301T000000", cloud=90.0,
                                             baseline="05.10", asset_base=files + "/signed"))
        server.add_item("pc", planetary_item("33UUU", DAY + dt.timedelta(minutes=90), processed="20230710T160000",
                                             cloud=5.0, asset_base=files + "/signed"))
        server.add_item("pc", planetary_item("33UUV", DAY, cloud=5.0, geometry=square(40, 10),
                                             asset_base=files + "/signed"))
        server.add_file("signed/" + planetary_item("33UUU", DAY + dt.timedelta(minutes=90),
                                                   processed="20230710T160000")["id"] + "/B04.tif", b"II*\x00data")
        yield server


def source(stac: StacServer, profile: str, transport=None, signed: bool = False) -> StacSource:
    signer = TokenSigner(stac.token_url, transport, timeout=10) if signed else None
    return StacSource(stac.root(profile), signer=signer, transport=transport, timeout=10, max_retries=2,
                      backoff_base=0.01)


@pytest.mark.parametrize("profile", ["es", "plain"])
def test_search_lists_scenes_newest_first_and_each_resolves_back(stac, transport, profile):
    found, problems = source(stac, profile, transport).search(AOI, DAY.date(), (DAY + dt.timedelta(days=30)).date(),
                                                              max_cloud=20, sensors=["S2"])
    assert problems == []
    assert [scene.view_id for scene in found] == ["S2/33/U/UU/2023/7/20/0", "S2/33/U/UU/2023/7/15/0",
                                                  "S2/33/U/UU/2023/7/10/0"]
    assert all(isinstance(scene, StacScene) for scene in found)
    assert [scene.cloud_cover for scene in found] == [20.0, 10.0, 0.0]
    assert found[0].summary()["layout"] == "STAC item"
    assert not any(path.startswith("/files/") for _method, path, _query, _body in stac.log)  # no file read to list
    fresh = source(stac, profile, transport)  # another source: nothing remembered from the search
    for scene in found:
        again = fresh.find(scene.view_id)
        assert again.item_id == scene.item_id
        assert again.band_files == scene.band_files


def test_landsat_scenes_by_sensor_and_their_view_ids_resolve(stac, transport):
    es = source(stac, "es", transport)
    landsat8, _ = es.search(AOI, sensors=["L8"])
    assert [scene.sensor.code for scene in landsat8] == ["L8", "L8"]
    everything, _ = es.search(AOI)
    assert {scene.sensor.code for scene in everything} == {"S2", "L8", "L9"}
    for scene in everything:
        assert es.find(scene.view_id).item_id == scene.item_id
    wrs = stac.searches("es")[-1][3]["query"]
    assert wrs == {"landsat:wrs_path": {"eq": "193"}, "landsat:wrs_row": {"eq": "025"}}
    with pytest.raises(DataError) as raised:
        everything[-1].band_path("B8")
    assert "landsat-c2-l2" in str(raised.value) and "B8" in str(raised.value)


def test_the_level_2a_form_of_a_view_id_finds_the_same_item(stac):
    es = source(stac, "es")
    plain = es.find("S2/33/U/UU/2023/7/15/0")
    level_2a = es.find("S2L2A/33/U/UU/2023/7/15/0")
    assert level_2a.item_id == plain.item_id
    assert level_2a.view_id == "S2L2A/33/U/UU/2023/7/15/0" and level_2a.product_level == "L2A"


def test_a_view_id_the_catalog_lacks_names_both(stac, transport):
    es = source(stac, "es", transport)
    for missing in ("S2/33/U/UU/2023/7/11/0", "S2/33/U/UU/2023/7/10/1", "L8/LC81930252023191LGN00",
                    "MODIS/12/04/2017204/2017213034223"):
        with pytest.raises(SceneNotFoundError) as raised:
            es.find(missing)
        assert missing in str(raised.value) and stac.root("es") in str(raised.value)


def test_planetary_computer_numbering_survives_the_cloud_filter(stac, transport):
    pc = source(stac, "pc", transport, signed=True)
    found, problems = pc.search(AOI, DAY.date(), DAY.date(), max_cloud=20)
    assert problems == []
    # the cloudy first sensing time is filtered out, yet counts: the clear one is the day's second
    assert [scene.view_id for scene in found] == ["S2/33/U/UU/2023/7/10/1"]
    assert found[0].item_id.endswith("_20230710T160000")
    everything, _ = pc.search(AOI, DAY.date(), DAY.date())
    by_view_id = {scene.view_id: scene.item_id for scene in everything}
    assert by_view_id == {"S2/33/U/UU/2023/7/10/0": "S2A_MSIL2A_20230710T102031_R065_T33UUU_20240301T000000",
                          "S2/33/U/UU/2023/7/10/1": "S2A_MSIL2A_20230710T115031_R065_T33UUU_20230710T160000"}
    for view_id, item_id in by_view_id.items():
        before = len(stac.searches("pc"))
        assert pc.find(view_id).item_id == item_id
        tile_filter = {"op": "=", "args": [{"property": "s2:mgrs_tile"}, "33UUU"]}
        # the tile's filter that answered before is tried first: no search by Earth Search's mgrs:*
        assert all(body["filter"] == tile_filter for *_, body in stac.searches("pc")[before:])
    assert stac.searches("pc")[-1][3]["filter"] == {"op": "=", "args": [{"property": "s2:mgrs_tile"}, "33UUU"]}


def test_planetary_computer_assets_are_signed_once_per_collection(stac, transport):
    pc = source(stac, "pc", transport, signed=True)
    found, _ = pc.search(AOI)
    assert len(stac.token_calls) == 1
    scene = pc.find("S2/33/U/UU/2023/7/10/1")
    assert len(stac.token_calls) == 1
    href = scene.band_path("B04")
    assert "sig=" in href
    answer = requests.get(href, timeout=10)
    assert answer.status_code == 200 and answer.content == b"II*\x00data"
    unsigned = source(stac, "pc", transport).find("S2/33/U/UU/2023/7/10/1")
    assert requests.get(unsigned.band_path("B04"), timeout=10).status_code == 403
    assert found[0].band_transforms["B04"] == (0.0001, -0.1)


def test_sensors_the_catalog_does_not_hold_find_nothing(stac):
    es = source(stac, "es")
    assert es.search(AOI, sensors=["S2L1C"]) == ([], [])
    assert es.search(AOI, sensors=["MODIS"]) == ([], [])
    assert stac.searches() == []


def test_known_catalogs_come_with_their_collections_and_signing():
    earth_search = source_for_url(EARTH_SEARCH_ROOT + "/")
    assert earth_search.root == EARTH_SEARCH_ROOT and earth_search.signer is None
    assert earth_search.collections == ("sentinel-2-l2a", "landsat-c2-l2")
    planetary = source_for_url(PLANETARY_COMPUTER_ROOT)
    assert planetary.signer is not None
    assert planetary.signer.token_url == "https://planetarycomputer.microsoft.com/api/sas/v1/token"
    other = source_for_url("http://127.0.0.1:9/stac")
    assert other.root == "http://127.0.0.1:9/stac" and other.signer is None


def test_a_cancelled_search_stops_before_any_request(stac):
    feedback = Feedback()
    feedback.cancel()
    with pytest.raises(TaskCancelled):
        source(stac, "es").search(AOI, feedback=feedback)
    assert stac.log == []
