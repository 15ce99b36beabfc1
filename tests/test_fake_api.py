"""The fake Processing API (tests/fake_api.py) itself: plain `requests` calls against it prove it speaks the
protocol of docs/task-api.md, so the remote client's tests can trust it."""

from __future__ import annotations

import email.utils
import http.client
import json
import socket
import time
import uuid

import pytest
import requests
from fake_api import (
    DEFAULT_RESULT_BYTES,
    DEFAULT_RESULT_NAME,
    STATS_FLAT,
    STATS_NESTED,
    ClientError,
    DripHead,
    Failed,
    FakeApi,
    Processing,
    Redirect,
    ServerError,
    Started,
    Stats,
    TooMany,
    http_date,
)

KEY = "test-key-0123456789"
LBE = {
    "type": "lbe",
    "params": {
        "view_id": "S2/13/R/EL/2023/7/19/0",
        "bands": ["B02", "B03", "B04"],
        "geometry": {"type": "Polygon", "coordinates": [[[-104.88, 27.17], [-104.87, 27.17], [-104.87, 27.18],
                                                         [-104.88, 27.17]]]},
        "merge": True,
        "reference": "ref-1",
    },
}
DATA = bytes(range(256)) * 40  # 10240 bytes


@pytest.fixture
def api():
    with FakeApi() as fake:
        yield fake
        assert fake.errors == []


def create(api: FakeApi, body: dict | None = None, **kwargs) -> requests.Response:
    kwargs.setdefault("headers", {"x-api-key": KEY})
    return requests.post(api.api_url + "/api", json=LBE if body is None else body, timeout=5, **kwargs)


def poll(api: FakeApi, task_id: str) -> requests.Response:
    return requests.get(f"{api.api_url}/api/{task_id}", headers={"x-api-key": KEY}, allow_redirects=False, timeout=5)


def square(x: float, y: float, size: float = 1.0) -> dict:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


# ----------------------------------------------------------------------------------------------------------
# addresses, life cycle, logs


def test_urls_and_two_ports(api):
    assert api.api_url == f"http://127.0.0.1:{api.api_port}/api/gdw"
    assert api.search_url == f"http://127.0.0.1:{api.api_port}/api/lms/search/v2"
    assert api.files_url == f"http://127.0.0.1:{api.files_port}"
    assert api.api_port != api.files_port


def test_servers_close_at_exit():
    with FakeApi() as fake:
        ports = (fake.api_port, fake.files_port)
        assert requests.get(f"{fake.files_url}/{DEFAULT_RESULT_NAME}", timeout=5).content == DEFAULT_RESULT_BYTES
    for port in ports:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
    with pytest.raises(RuntimeError):
        _ = fake.api_url


def test_keep_alive_connection_is_closed_at_exit():
    session = requests.Session()
    with FakeApi() as fake:
        url = f"{fake.files_url}/{DEFAULT_RESULT_NAME}"
        assert session.get(url, timeout=5).status_code == 200
    with pytest.raises(requests.exceptions.ConnectionError):
        session.get(url, timeout=5)


def test_request_log_records_method_path_query_headers_body(api):
    answer = requests.post(api.api_url + "/api", params={"api_key": KEY, "x": "1"}, data=b'{"type": "lbe"}',
                           headers={"Content-Type": "text/plain", "X-Custom": "Yes"}, timeout=5)
    assert answer.status_code == 200
    record = api.log[-1]
    assert (record.method, record.path) == ("POST", "/api/gdw/api")
    assert record.query == {"api_key": KEY, "x": "1"}
    assert record.headers["x-custom"] == "Yes" and record.headers["content-type"] == "text/plain"
    assert record.body == b'{"type": "lbe"}' and record.json() == {"type": "lbe"}
    assert record.carries(KEY) and not record.carries("other-key")
    assert isinstance(record.time, float)


# ----------------------------------------------------------------------------------------------------------
# key checks


def test_key_as_header_or_query_is_accepted(api):
    assert create(api).status_code == 200
    assert create(api, headers={}, params={"api_key": KEY}).status_code == 200
    assert len(api.tasks) == 2


@pytest.mark.parametrize("how", [{"headers": {}}, {"headers": {"x-api-key": "wrong"}},
                                 {"headers": {}, "params": {"api_key": "wrong"}}])
def test_missing_or_wrong_key_is_401(api, how):
    answer = create(api, **how)
    assert answer.status_code == 401
    assert answer.json() == {"status": False, "error": "Invalid API key"}
    assert api.tasks == {}


def test_key_is_checked_on_poll_and_search(api):
    task_id = create(api).json()["task_id"]
    assert requests.get(f"{api.api_url}/api/{task_id}", timeout=5).status_code == 401
    assert requests.get(f"{api.api_url}/api/{task_id}", params={"api_key": KEY}, timeout=5).status_code == 200
    assert requests.post(api.search_url + "/sentinel2", json={}, timeout=5).status_code == 401
    assert api.task().polls == 1


def test_forbidden_key_is_403():
    with FakeApi(forbidden_keys=("blocked",)) as fake:
        answer = requests.post(fake.api_url + "/api", json=LBE, headers={"x-api-key": "blocked"}, timeout=5)
        assert answer.status_code == 403
        assert answer.json()["status"] is False


def test_query_only_host_refuses_the_header():
    with FakeApi(key_in=("query",)) as fake:
        assert create(fake).status_code == 401
        assert create(fake, headers={}, params={"api_key": KEY}).status_code == 200


# ----------------------------------------------------------------------------------------------------------
# create


def test_create_200_created(api):
    answer = create(api)
    assert answer.status_code == 200
    data = answer.json()
    assert data["status"] == "created" and data["task_timeout"] == 345600
    uuid.UUID(data["task_id"])
    uuid.UUID(data["req_id"])
    task = api.task(data["task_id"])
    assert task.type == "lbe" and task.params == LBE["params"] and task.callback_url is None


def test_create_202_authentication():
    with FakeApi(create_mode="202-authentication") as fake:
        answer = create(fake)
        assert answer.status_code == 202
        data = answer.json()
        assert set(data) == {"status", "task_id"} and data["status"] == "authentication"
        assert fake.task().task_id == data["task_id"]
    with pytest.raises(ValueError):
        FakeApi(create_mode="201")


def test_create_records_callback_url(api):
    create(api, {**LBE, "callback_url": "https://example.org/hook"})
    assert api.task().callback_url == "https://example.org/hook"


def test_create_invalid_json_is_400(api):
    answer = requests.post(api.api_url + "/api", data=b"{not json", headers={"x-api-key": KEY}, timeout=5)
    assert answer.status_code == 400
    assert answer.json()["status"] is False and answer.text
    assert api.tasks == {}


def test_create_unknown_type_is_422(api):
    answer = create(api, {"type": "nope", "params": {}})
    assert answer.status_code == 422
    assert answer.json() == {"status": False, "error": "Unsupported band or operation"}


def test_create_failures_can_be_injected(api):
    api.fail_next("create", TooMany("3"), ServerError(503))
    first, second, third = create(api), create(api), create(api)
    assert first.status_code == 429 and first.headers["Retry-After"] == "3"
    assert second.status_code == 503
    assert third.status_code == 200 and len(api.tasks) == 1


# ----------------------------------------------------------------------------------------------------------
# poll scripts


def test_script_steps_through_to_the_redirect(api):
    api.add_file("crop.tif", DATA)
    api.script([Started(), Processing(40), TooMany("2"), ServerError(500), Redirect("crop.tif")])
    task_id = create(api).json()["task_id"]

    started = poll(api, task_id)
    assert started.status_code == 200
    assert started.json() == {"task_type": "started", "reference": None, "token": started.json()["token"],
                              "result_url": "", "client_id": 0, "download_id": 0}

    processing = poll(api, task_id)
    assert processing.status_code == 200 and processing.json() == {"status": "processing", "progress": 40}

    limited = poll(api, task_id)
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "2"
    assert limited.json()["status"] is False

    failed = poll(api, task_id)
    assert failed.status_code == 500 and failed.headers["Content-Type"].startswith("text/plain") and failed.text

    done = poll(api, task_id)
    assert done.status_code == 303
    location = done.headers["Location"]
    assert location == f"{api.files_url}/crop.tif"
    assert f":{api.files_port}/" in location and f":{api.api_port}/" not in location
    assert done.text

    again = poll(api, task_id)  # the last step repeats
    assert again.status_code == 303 and again.headers["Location"] == location

    task = api.task(task_id)
    assert task.polls == 6
    assert task.served == ["Started", "Processing", "TooMany", "ServerError", "Redirect", "Redirect"]
    assert len(task.intervals) == 5 and all(gap >= 0 for gap in task.intervals)

    fetched = requests.get(location, timeout=5)
    assert fetched.status_code == 200 and fetched.content == DATA
    assert not any(record.carries(KEY) for record in api.files.log)
    assert api.files_log is api.files.log


def test_following_the_redirect_with_requests_leaks_a_header_key(api):
    """Why the client must fetch Location itself: requests keeps custom headers across hosts."""
    task_id = create(api).json()["task_id"]
    answers = [requests.get(f"{api.api_url}/api/{task_id}", headers={"x-api-key": KEY}, timeout=5) for _ in range(3)]
    assert answers[-1].content == DEFAULT_RESULT_BYTES and answers[-1].history[0].status_code == 303
    assert any(record.carries(KEY) for record in api.files.log)


def test_retry_after_http_date(api):
    date = http_date(5)
    api.script([TooMany(date), TooMany(None)])
    task_id = create(api).json()["task_id"]
    answer = poll(api, task_id)
    assert answer.headers["Retry-After"] == date
    assert email.utils.parsedate_to_datetime(date).timestamp() > time.time()
    assert "Retry-After" not in poll(api, task_id).headers


def test_scripts_are_a_fifo_queue_then_the_default(api):
    api.script([Processing(10)])
    api.script([Processing(20)])
    first, second, third = (create(api).json()["task_id"] for _ in range(3))
    assert poll(api, first).json()["progress"] == 10
    assert poll(api, second).json()["progress"] == 20
    assert [poll(api, third).status_code for _ in range(4)] == [200, 200, 303, 303]
    stats_id = create(api, {"type": "mt_stats", "params": {}}).json()["task_id"]
    assert [poll(api, stats_id).status_code for _ in range(3)][-1] == 200
    assert poll(api, stats_id).json() == STATS_FLAT


def test_default_script_can_be_replaced(api):
    api.default_script = [Failed("no", "error_message")]
    task_id = create(api).json()["task_id"]
    assert poll(api, task_id).json() == {"error_message": "no"}
    with pytest.raises(ValueError):
        api.script([])
    with pytest.raises(TypeError):
        api.script(["started"])


def test_processing_without_progress(api):
    api.script([Processing(None)])
    assert poll(api, create(api).json()["task_id"]).json() == {"status": "processing"}


def test_poll_times_are_recorded(api):
    api.script([Started()])
    task_id = create(api).json()["task_id"]
    poll(api, task_id)
    time.sleep(0.02)
    poll(api, task_id)
    assert api.task(task_id).intervals[0] >= 0.02
    assert api.task(task_id).poll_times[0] >= api.task(task_id).created_at


@pytest.mark.parametrize("payload", [STATS_FLAT, STATS_NESTED])
def test_statistics_answer(api, payload):
    api.script([Started(), Stats(payload)])
    task_id = create(api, {"type": "mt_stats", "params": {"bm_type": ["NDVI"]}}).json()["task_id"]
    poll(api, task_id)
    answer = poll(api, task_id)
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("application/json")
    data = answer.json()
    assert data == payload and data["errors"] and data["result"]


def test_statistics_payload_shapes():
    assert {"average", "median", "q1", "q3", "p10", "p90", "date", "scene_id"} <= set(STATS_FLAT["result"][0])
    nested = STATS_NESTED["result"][0]
    assert "average" not in nested and set(nested["indexes"]) == {"NDVI", "NDWI"}
    assert nested["indexes"]["NDVI"]["min"] < nested["indexes"]["NDVI"]["average"] < nested["indexes"]["NDVI"]["max"]


@pytest.mark.parametrize("shape, expected", [
    ("error", {"status": False, "error": "boom"}),
    ("error_message", {"error_message": "boom"}),
    ("task_type_error", {"task_type": "error", "error": "boom"}),
    ("status_false", {"status": False, "message": "boom"}),
])
def test_failed_shapes(api, shape, expected):
    api.script([Failed("boom", shape)])
    answer = poll(api, create(api).json()["task_id"])
    assert answer.status_code == 200 and answer.json() == expected


def test_failed_shape_is_checked():
    with pytest.raises(ValueError):
        Failed("x", "nope")


def test_client_errors(api):
    api.script([ClientError(404, {"status": False, "error": "gone"})])
    api.script([ClientError()])
    api.script([ClientError(400, "plain text")])
    gone, unsupported, text = (poll(api, create(api).json()["task_id"]) for _ in range(3))
    assert gone.status_code == 404 and gone.json() == {"status": False, "error": "gone"}
    assert unsupported.status_code == 422 and unsupported.json()["error"] == "Unsupported band or operation"
    assert text.status_code == 400 and text.text == "plain text"


def test_unknown_task_is_404_json(api):
    answer = poll(api, str(uuid.uuid4()))
    assert answer.status_code == 404 and answer.json()["status"] is False


def test_redirect_with_signature_query(api):
    api.add_file("a b.zip", b"PK\x03\x04")
    api.script([Redirect("a b.zip", query="X-Amz-Signature=abc")])
    location = poll(api, create(api).json()["task_id"]).headers["Location"]
    assert location == f"{api.files_url}/a%20b.zip?X-Amz-Signature=abc"
    fetched = requests.get(location, timeout=5)
    assert fetched.content == b"PK\x03\x04" and fetched.headers["Content-Type"] == "application/zip"


# ----------------------------------------------------------------------------------------------------------
# file server


def test_file_headers(api):
    api.add_file("x.jp2", DATA)
    answer = requests.get(f"{api.files_url}/x.jp2", timeout=5)
    assert answer.status_code == 200 and answer.content == DATA
    assert answer.headers["Content-Length"] == str(len(DATA))
    assert answer.headers["Content-Type"] == "image/jp2" and answer.headers["Accept-Ranges"] == "bytes"
    head = requests.head(f"{api.files_url}/x.jp2", timeout=5)
    assert head.headers["Content-Length"] == str(len(DATA)) and head.content == b""
    assert requests.get(f"{api.files_url}/x.tif", timeout=5).status_code == 404


def test_cut_off_download_then_whole_then_range(api):
    api.add_file("cut.tif", DATA, cut_after=1000)
    connection = http.client.HTTPConnection("127.0.0.1", api.files_port, timeout=5)
    connection.request("GET", "/cut.tif")
    response = connection.getresponse()
    assert response.status == 200 and response.getheader("Content-Length") == str(len(DATA))
    with pytest.raises(http.client.IncompleteRead) as cut:
        response.read()
    assert len(cut.value.partial) == 1000 and cut.value.partial == DATA[:1000]
    connection.close()

    whole = requests.get(f"{api.files_url}/cut.tif", timeout=5)
    assert whole.status_code == 200 and whole.content == DATA

    rest = requests.get(f"{api.files_url}/cut.tif", headers={"Range": "bytes=1000-"}, timeout=5)
    assert rest.status_code == 206
    assert rest.headers["Content-Range"] == f"bytes 1000-{len(DATA) - 1}/{len(DATA)}"
    assert rest.content == DATA[1000:] and rest.headers["Content-Length"] == str(len(DATA) - 1000)
    assert api.file_requests("cut.tif") == 3
    assert api.files.log[-1].headers["range"] == "bytes=1000-"


def test_cut_off_download_seen_by_requests(api):
    """Depending on the urllib3 version, requests raises or silently returns the short body."""
    api.add_file("cut.zip", DATA, cut_after=10, cut_times=2)
    for _ in range(2):
        try:
            answer = requests.get(f"{api.files_url}/cut.zip", timeout=5)
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ConnectionError):
            continue
        assert answer.content == DATA[:10] and answer.headers["Content-Length"] == str(len(DATA))
    assert requests.get(f"{api.files_url}/cut.zip", timeout=5).content == DATA
    assert api.file_requests("cut.zip") == 3


def test_ranges(api):
    api.add_file("r.bin", DATA)
    url = f"{api.files_url}/r.bin"
    middle = requests.get(url, headers={"Range": "bytes=10-19"}, timeout=5)
    assert middle.status_code == 206 and middle.content == DATA[10:20]
    tail = requests.get(url, headers={"Range": "bytes=-5"}, timeout=5)
    assert tail.status_code == 206 and tail.content == DATA[-5:]
    past = requests.get(url, headers={"Range": f"bytes={len(DATA)}-"}, timeout=5)
    assert past.status_code == 416 and past.headers["Content-Range"] == f"bytes */{len(DATA)}"


def test_slow_download_can_be_abandoned(api):
    api.add_file("slow.tif", DATA[:2000], slow_bytes_per_second=20000)  # about 0.1 s in all
    with requests.get(f"{api.files_url}/slow.tif", stream=True, timeout=5) as answer:
        assert next(answer.iter_content(100)) == DATA[:100]
    started = time.monotonic()
    assert requests.get(f"{api.files_url}/slow.tif", timeout=5).content == DATA[:2000]
    assert time.monotonic() - started >= 0.08


def test_closing_stops_a_slow_download():
    with FakeApi() as fake:
        fake.add_file("slow.tif", DATA, slow_bytes_per_second=1000)  # would take 10 s
        answer = requests.get(f"{fake.files_url}/slow.tif", stream=True, timeout=5)
        assert next(answer.iter_content(10)) == DATA[:10]
        started = time.monotonic()
    assert time.monotonic() - started < 2
    try:
        rest = b"".join(answer.iter_content(1024))
    except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ConnectionError):
        rest = b""
    finally:
        answer.close()
    assert len(rest) < len(DATA) - 10  # the rest of the body never came


def test_a_dripping_head_never_ends_and_closing_stops_it():
    with FakeApi(KEY) as fake:
        fake.fail_next("create", DripHead(seconds_per_byte=0.02))
        body = json.dumps(LBE).encode()
        connection = socket.create_connection(("127.0.0.1", fake.api_port), timeout=5)
        connection.sendall(b"POST /api/gdw/api HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: " + KEY.encode()
                           + b"\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
        head, reads = b"", 0
        while not head.endswith(b"xxxx"):
            piece = connection.recv(1024)
            assert piece, head
            head, reads = head + piece, reads + 1
        assert head.startswith(b"HTTP/1.1 200 OK\r\nContent-Type: application/json") and b"X-Padding: x" in head
        assert b"\r\n\r\n" not in head and reads > 10  # byte by byte, the head never whole
        errors = fake.errors
    while connection.recv(1024):  # closing the fake ended the answer
        pass
    connection.close()
    assert errors == []


# ----------------------------------------------------------------------------------------------------------
# scene search


@pytest.fixture
def scenes(api):
    api.add_scene("sentinel2", "S2/32/U/PU/2023/6/10/0", "2023-06-10", 5.0, square(10, 50))
    api.add_scene("sentinel2", "S2/32/U/PU/2023/6/20/0", "2023-06-20", 50.0, square(10, 50))
    api.add_scene("sentinel2", "S2/32/U/PU/2023/7/5/0", "2023-07-05", 10.0, square(10, 50))
    api.add_scene("sentinel2", "S2/32/U/PU/2023/7/15/0", "2023-07-15", 0.0, square(10, 50))
    api.add_scene("sentinel2", "S2/33/U/UU/2023/7/15/0", "2023-07-15", 0.0, square(20, 50))
    api.add_scene("sentinel2", "S2/32/U/PU/2022/7/15/0", "2022-07-15", 0.0, square(10, 50))
    api.add_scene("landsat8", "L8/LC81940252023190LGN00", "2023-07-09", 20.0, square(9.8, 49.8),
                  scene_id="LC08_L1TP_194025_20230709_20230718_02_T1")
    return api


def search(api: FakeApi, body: dict, dataset: str | None = "sentinel2", **kwargs) -> requests.Response:
    kwargs.setdefault("headers", {"x-api-key": KEY})
    url = api.search_url + (f"/{dataset}" if dataset else "")
    return requests.post(url, json=body, timeout=5, **kwargs)


AOI = square(10.2, 50.2, 0.1)
FILTERS = {"date": {"from": "2023-06-01", "to": "2023-08-31"}, "cloudCoverage": {"from": 0, "to": 30}, "shape": AOI,
           "shapeRelation": "INTERSECTS"}


def test_search_filters_sorts_and_keeps_fields(scenes):
    body = {"search": FILTERS, "sort": {"date": "desc"}, "fields": ["view_id", "date", "cloudCoverage"],
            "limit": 100, "page": 1}
    answer = search(scenes, body)
    assert answer.status_code == 200
    data = answer.json()
    assert data["meta"] == {"found": 3, "page": 1, "limit": 100, "name": "sentinel2"}
    assert [r["view_id"] for r in data["results"]] == ["S2/32/U/PU/2023/7/15/0", "S2/32/U/PU/2023/7/5/0",
                                                       "S2/32/U/PU/2023/6/10/0"]
    assert all(set(r) == {"view_id", "date", "cloudCoverage"} for r in data["results"])
    assert scenes.search_log[-1].body == body and scenes.search_log[-1].datasets == ("sentinel2",)


def test_search_ascending_and_all_fields(scenes):
    data = search(scenes, {"search": FILTERS, "sort": {"date": "asc"}}).json()
    assert [r["date"] for r in data["results"]] == ["2023-06-10", "2023-07-05", "2023-07-15"]
    first = data["results"][0]
    assert set(first) == {"sceneID", "view_id", "date", "cloudCoverage", "dataGeometry", "satellite"}
    assert first["satellite"] == "sentinel2" and first["dataGeometry"] == square(10, 50)
    assert data["meta"]["limit"] == 500


def test_search_pages(scenes):
    body = {"search": {"date": {"from": "2023-01-01", "to": "2023-12-31"}}, "limit": 2}
    page1 = search(scenes, {**body, "page": 1}).json()
    page2 = search(scenes, {**body, "page": 2}).json()
    page3 = search(scenes, {**body, "page": 3}).json()
    assert page1["meta"]["found"] == page2["meta"]["found"] == 5
    assert (page1["meta"]["page"], page2["meta"]["page"]) == (1, 2)
    assert len(page1["results"]) == 2 and len(page2["results"]) == 2 and len(page3["results"]) == 1
    ids = [r["view_id"] for r in page1["results"] + page2["results"] + page3["results"]]
    assert len(set(ids)) == 5
    assert page1["results"][0]["date"] >= page2["results"][0]["date"] >= page3["results"][0]["date"]


def test_search_shape_and_dates(scenes):
    far = search(scenes, {"search": {"shape": square(40, 10)}}).json()
    assert far["meta"]["found"] == 0 and far["results"] == []
    one_day = search(scenes, {"search": {"date": "2023-07-15"}}).json()
    assert {r["view_id"] for r in one_day["results"]} == {"S2/32/U/PU/2023/7/15/0", "S2/33/U/UU/2023/7/15/0"}
    listed = search(scenes, {"search": {"date": ["2023-06-10", "2022-07-15"]}}).json()
    assert listed["meta"]["found"] == 2
    big = square(9.5, 49.5, 2)
    contains = search(scenes, {"search": {"shape": big, "shapeRelation": "CONTAINS"}}).json()
    intersects = search(scenes, {"search": {"shape": big}}).json()
    assert contains["meta"]["found"] == 0 and intersects["meta"]["found"] == 5


def test_search_several_satellites(scenes):
    body = {"search": {**FILTERS, "satellites": ["sentinel2", "landsat8"]}}
    data = search(scenes, body, dataset=None).json()
    assert data["meta"]["found"] == 4
    landsat = [r for r in data["results"] if r["satellite"] == "landsat8"]
    assert landsat[0]["sceneID"] == "LC08_L1TP_194025_20230709_20230718_02_T1"
    assert scenes.search_log[-1].datasets == ("sentinel2", "landsat8")
    assert search(scenes, {"search": {}}, dataset=None).status_code == 400


def test_search_errors(scenes):
    assert search(scenes, {}, headers={"x-api-key": "bad"}).status_code == 401
    assert search(scenes, {}, params={"api_key": KEY}, headers={}).status_code == 200
    assert search(scenes, {}, dataset="nosuchsat").status_code == 404
    assert search(scenes, {"limit": 0}).status_code == 400
    bad_json = requests.post(scenes.search_url + "/sentinel2", data=b"[", headers={"x-api-key": KEY}, timeout=5)
    assert bad_json.status_code == 400
    scenes.fail_next("search", TooMany("1"))
    assert search(scenes, {}).status_code == 429
    assert search(scenes, {}).status_code == 200


def test_search_body_is_recorded_in_the_log(scenes):
    search(scenes, {"search": FILTERS, "page": 1})
    assert json.loads(scenes.log[-1].body) == {"search": FILTERS, "page": 1}
    assert scenes.log[-1].path == "/api/lms/search/v2/sentinel2"
