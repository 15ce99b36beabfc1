"""`lbe scenes --scenes URL` as users run it (bin/lbe in a subprocess) against the fake STAC API of
tests/stac_server.py."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest
from command_line import clean_environment
from stac_server import StacServer, earth_search_item, landsat_item, square

UTC = dt.timezone.utc
DAY = dt.datetime(2023, 7, 10, 10, 20, 31, tzinfo=UTC)


@pytest.fixture
def stac():
    with StacServer(page_size=2) as server:
        for days in range(5):
            when = DAY + dt.timedelta(days=5 * days)
            server.add_item("es", earth_search_item("33UUU", when, cloud=10.0 * days))
            server.add_item("es", landsat_item(8, 193, 25, when, cloud=50.0))
        server.add_item("es", earth_search_item("33UVU", DAY, cloud=0.0, geometry=square(40, 10)))
        yield server


def lbe_scenes(lbe_command, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(lbe_command + ["scenes", *arguments], capture_output=True, text=True, timeout=120,
                          env=clean_environment())


def test_scenes_of_a_stac_api_as_json(lbe_command, stac, tmp_path):
    aoi = tmp_path / "aoi.geojson"
    aoi.write_text(json.dumps(square(10.2, 50.2, 0.1)))
    done = lbe_scenes(lbe_command, "--scenes", stac.root("es"), "--aoi", str(aoi), "--start", "2023-07-10",
                      "--end", "2023-07-25", "--max-cloud", "20", "--sensor", "S2")
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    assert set(output) == {"scenes"}
    assert [scene["view_id"] for scene in output["scenes"]] == ["S2/33/U/UU/2023/7/20/0", "S2/33/U/UU/2023/7/15/0",
                                                                "S2/33/U/UU/2023/7/10/0"]
    first = output["scenes"][0]
    assert first["layout"] == "STAC item" and first["cloud_cover"] == 20.0 and first["sensor"] == "Sentinel-2"
    assert first["footprint"] == square(10, 50)
    assert "B04" in first["bands"] and "SCL" in first["bands"]
    searches = stac.searches("es")
    assert searches and all(body["query"]["eo:cloud_cover"] == {"lte": 20.0} for _m, _p, _q, body in searches)


def test_scenes_of_a_stac_api_as_a_table(lbe_command, stac):
    done = lbe_scenes(lbe_command, "--scenes", stac.root("es") + "/", "--sensor", "L8", "--table")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("2023-07-30") and "Landsat 8" in lines[0] and lines[0].endswith("LGN00")


def test_a_url_that_is_no_stac_api_exits_1_naming_it(lbe_command, stac):
    url = stac.url + "/nothing-here"
    done = lbe_scenes(lbe_command, "--scenes", url)
    assert done.returncode == 1
    assert url in done.stderr and "STAC API" in done.stderr
    assert "Traceback" not in done.stderr
