"""The STAC API client (core/stac/catalog.py) against the fake STAC API of tests/stac_server.py:
landing pages, GET and POST searches, every `next` page, `query` and CQL2 filters, retries, errors."""

from __future__ import annotations

import datetime as dt

import pytest
from load_by_extent.core.errors import RequestError, TaskCancelled
from load_by_extent.core.feedback import Feedback
from load_by_extent.core.remote.client import RemoteError
from load_by_extent.core.stac.catalog import NotAStacApi, StacCatalog, cql2_filter, day_range, query_filter
from stac_server import StacServer, earth_search_item, planetary_item, square

UTC = dt.timezone.utc
JULY = [dt.datetime(2023, 7, day, 10, 20, 31, tzinfo=UTC) for day in range(1, 11)]


@pytest.fixture
def stac():
    with StacServer(page_size=2) as server:
        for number, when in enumerate(JULY):
            cloud = number * 10.0  # 0, 10, ... 90
            server.add_item("es", earth_search_item("33UUU", when, cloud=cloud))
            server.add_item("pc", planetary_item("33UUU", when, cloud=cloud))
            server.add_item("plain", earth_search_item("33UUU", when, cloud=cloud))
        server.add_item("es", earth_search_item("33UVU", JULY[0], cloud=5.0, geometry=square(40, 10)))
        yield server


def catalog(stac: StacServer, profile: str, transport=None) -> StacCatalog:
    return StacCatalog(stac.root(profile), transport, timeout=10, max_retries=3, backoff_base=0.01)


def ids(result) -> set[str]:
    return {item["id"] for item in result.items}


def test_landing_pages_say_how_to_search(stac, transport):
    es = catalog(stac, "es", transport)
    es.open()
    assert es.search_url == stac.root("es") + "/search"
    assert set(es.search_methods) == {"GET", "POST"}
    assert es.takes_query and not es.takes_filter
    pc = catalog(stac, "pc", transport)
    pc.open()
    assert pc.takes_filter and not pc.takes_query
    plain = catalog(stac, "plain", transport)
    plain.open()  # conformance only at /conformance
    assert plain.search_methods == ("GET",)
    assert not plain.takes_filter and not plain.takes_query
    assert any(path == "/plain/conformance" for _method, path, _query, _body in stac.log)


@pytest.mark.parametrize("profile", ["es", "pc", "plain"])
def test_every_page_is_followed_and_the_cloud_filter_applies(stac, transport, profile):
    result = catalog(stac, profile, transport).search(["sentinel-2-l2a"], square(10.2, 50.2, 0.1),
                                                      JULY[0].date(), JULY[-1].date(), max_cloud=40)
    assert len(result.items) == 5  # clouds 0, 10, 20, 30, 40 (the last one is equal to the limit)
    assert all(item["properties"]["eo:cloud_cover"] <= 40 for item in result.items)
    assert not result.more and not result.problems
    searches = stac.searches(profile)
    if profile == "plain":  # the server ignores filters: ten items in five pages, filtered here
        assert len(searches) == 5
        assert all(method == "GET" for method, *_ in searches)
    else:  # filtered by the server: five items, pages of two
        assert len(searches) == 3
        assert all(method == "POST" for method, *_ in searches)
        first_body = searches[0][3]
        if profile == "es":
            assert first_body["query"] == {"eo:cloud_cover": {"lte": 40}}
            assert "filter" not in first_body
        else:
            assert first_body["filter"] == {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 40]}
            assert first_body["filter-lang"] == "cql2-json"
        # the next pages are the first body merged with the `next` link's body
        assert searches[1][3] == {**first_body, "token": "2"}


def test_the_area_and_the_dates_are_searched(stac, transport):
    es = catalog(stac, "es", transport)
    far = es.search(["sentinel-2-l2a"], square(40.2, 10.2, 0.1))
    assert ids(far) == {"S2B_33UVU_20230701_0_L2A"}
    some_days = es.search(["sentinel-2-l2a"], square(10.2, 50.2, 0.1), JULY[2].date(), JULY[4].date())
    assert ids(some_days) == {f"S2B_33UUU_2023070{day}_0_L2A" for day in (3, 4, 5)}
    body = stac.searches("es")[-1][3]
    assert body["datetime"] == "2023-07-03T00:00:00Z/2023-07-05T23:59:59.999Z"
    assert body["intersects"] == square(10.2, 50.2, 0.1)


def test_a_limit_stops_the_paging_and_says_more_match(stac, transport):
    result = catalog(stac, "pc", transport).search(["sentinel-2-l2a"], limit=3)
    assert len(result.items) == 3
    assert result.more
    assert "more than 3 items match" in result.problems[0]
    assert len(stac.searches("pc")) == 2  # pages of two: the second page filled the limit


def test_property_filters_as_query_and_as_cql2_and(stac, transport):
    es = catalog(stac, "es", transport)
    found = es.search(["sentinel-2-l2a"], properties={"grid:code": "MGRS-33UVU"}, max_cloud=50)
    assert ids(found) == {"S2B_33UVU_20230701_0_L2A"}
    assert stac.searches("es")[-1][3]["query"] == {"eo:cloud_cover": {"lte": 50}, "grid:code": {"eq": "MGRS-33UVU"}}
    pc = catalog(stac, "pc", transport)
    found = pc.search(["sentinel-2-l2a"], properties={"s2:mgrs_tile": "33UUU"}, max_cloud=10)
    assert len(found.items) == 2
    assert stac.searches("pc")[-1][3]["filter"] == cql2_filter([("eo:cloud_cover", "lte", 10),
                                                                 ("s2:mgrs_tile", "eq", "33UUU")])
    assert cql2_filter([("a", "eq", 1), ("b", "lte", 2)]) == {"op": "and", "args": [
        {"op": "=", "args": [{"property": "a"}, 1]}, {"op": "<=", "args": [{"property": "b"}, 2]}]}
    assert query_filter([("a", "eq", 1), ("b", "lte", 2)]) == {"a": {"eq": 1}, "b": {"lte": 2}}


def test_get_searches_follow_next_hrefs(stac, transport):
    result = catalog(stac, "plain", transport).search(["sentinel-2-l2a"])
    assert len(result.items) == 10
    tokens = [query.get("token", ["0"])[0] for _method, _path, query, _body in stac.searches("plain")]
    assert tokens == ["0", "2", "4", "6", "8"]


def test_server_errors_are_retried(stac, transport):
    stac.fail_next(2, 503)
    result = catalog(stac, "es", transport).search(["sentinel-2-l2a"], max_cloud=0)
    assert len(result.items) == 1
    stac.fail_next(9, 502)
    with pytest.raises(RemoteError) as raised:
        catalog(stac, "es", transport).search(["sentinel-2-l2a"])
    assert "HTTP 502" in str(raised.value) and "127.0.0.1" in str(raised.value)


def test_a_url_that_is_no_stac_api_says_so_naming_it(stac, transport):
    for url in (stac.url + "/nothing", stac.files_url):
        with pytest.raises(NotAStacApi) as raised:
            StacCatalog(url, transport, timeout=10).open()
        assert url in str(raised.value)
        assert "does not answer as a STAC API" in str(raised.value)


def test_a_filter_the_server_refuses_is_its_message(stac, transport):
    pc = catalog(stac, "pc", transport)
    pc.open()
    with pytest.raises(RemoteError) as raised:  # the fake knows no "like": 400
        pc.client().service_json("POST", pc.search_url, "searching", {"filter": {"op": "like", "args": [
            {"property": "id"}, "x"]}})
    assert raised.value.status == 400 and "like" in str(raised.value)


def test_bad_arguments_are_refused_before_any_request(stac):
    es = catalog(stac, "es")
    with pytest.raises(RequestError):
        es.search(["sentinel-2-l2a"], max_cloud=120)
    with pytest.raises(RequestError):
        es.search(["sentinel-2-l2a"], start=JULY[5].date(), end=JULY[1].date())
    assert stac.log == []


def test_a_cancel_stops_the_paging(stac):
    feedback = Feedback()
    feedback.cancel()
    with pytest.raises(TaskCancelled):
        catalog(stac, "es").search(["sentinel-2-l2a"], feedback=feedback)
    assert stac.searches() == []


def test_day_range_has_open_ends():
    assert day_range(None, None) is None
    assert day_range(dt.date(2023, 7, 1), None) == "2023-07-01T00:00:00Z/.."
    assert day_range(None, dt.date(2023, 7, 1)) == "../2023-07-01T23:59:59.999Z"


@pytest.mark.parametrize("profile", ["es", "plain"])
def test_next_links_that_lead_back_end_the_paging(stac, profile):
    stac.endless_next = True
    result = catalog(stac, profile).search(["sentinel-2-l2a"])
    assert len(stac.searches(profile)) == 2  # the first page, and its `next`: the first page again
    assert len(result.items) == len({item["id"] for item in result.items}) == 2
