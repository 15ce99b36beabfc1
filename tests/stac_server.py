"""A fake STAC API on 127.0.0.1 for tests: catalogs answering in Earth Search's and Planetary
Computer's shapes (docs/stac.md), a token service, signed asset files and a request log.

    with StacServer() as stac:
        stac.add_item("es", earth_search_item("33UUU", WHEN, sequence=0, cloud=12.5, asset_base=...))
        source = StacSource(stac.root("es"), ...)

One threaded HTTP server (port chosen by the OS), several roots, each a profile:
    ``es``     Earth Search: search by GET and POST (the landing page lists both), ``query`` extension.
    ``pc``     Planetary Computer: search by GET and POST, CQL2 JSON ``filter`` (``and``, ``=``, ``<=``,
               ``<``, ``>=``, ``>``; any other operator: 400).
    ``plain``  search by GET only, no conformsTo on the landing page (it is at ``/plain/conformance``),
               neither filter nor query: ``query`` and ``filter`` are ignored, as such servers do.
Endpoints of root ``r``: ``GET /r/`` landing page, ``GET /r/conformance``, ``GET|POST /r/search``
(``collections``, ``intersects``, ``bbox``, ``datetime`` with ``..`` open ends, ``limit``). Pages
hold at most ``page_size`` items (2 by default, to force paging) and end with a ``next`` link: for GET
an href with ``token=N``; for POST ``{"method": "POST", "body": {"token": "N"}, "merge": true}``.
Items are answered newest last (no order a client may count on).

``GET /token/{collection}``: ``{"token": "st=..&se=..&sig=..", "msft:expiry": ISO date}``, lasting
``token_lifetime`` seconds; every call counted in ``token_calls``.
``GET /files/{name}``: a file added with ``add_file`` (``Range`` answered with 206); a name under
``signed/`` is refused with 403 unless the query holds a token the service gave that has not
expired.

``authorization="Basic ..."``: every request without that ``Authorization`` header is answered 401 (a
private catalog; no ``WWW-Authenticate``, so no client asks a user for a password).
``endless_next = True``: every page's ``next`` link leads back to the first page, for ever.
``hold_pages = threading.Event()``: every page but the first waits until the event is set (at most
30 s), logged as it arrives: a page fetch caught under way.
``fail_next(count, status)``: the next searches answer that status. Every request is logged in
``log`` as (method, path, query dict, JSON body or None).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from osgeo import ogr

ITEM_SEARCH = "https://api.stacspec.org/v1.0.0/item-search"
CORE = "https://api.stacspec.org/v1.0.0/core"
PROFILES = {
    "es": {"methods": ("GET", "POST"), "conformance": (CORE, ITEM_SEARCH, ITEM_SEARCH + "#query"), "landing": True},
    "pc": {"methods": ("GET", "POST"), "landing": True, "conformance": (
        CORE, ITEM_SEARCH, ITEM_SEARCH + "#filter", "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json")},
    "plain": {"methods": ("GET",), "conformance": (CORE, ITEM_SEARCH), "landing": False},
}


def square(x: float, y: float, size: float = 1.0) -> dict:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _raster(scale: float | None = None, offset: float | None = None, nodata: float = 0) -> list[dict]:
    band: dict = {"nodata": nodata, "data_type": "uint16"}
    if scale is not None:
        band["scale"] = scale
    if offset is not None:
        band["offset"] = offset
    return [band]


def earth_search_item(tile: str, when: dt.datetime, sequence: int = 0, cloud: float | None = 10.0,
                      geometry: dict | None = None, asset_base: str = "http://127.0.0.1:9/files",
                      offset_applied: bool = False, baseline: str = "05.09",
                      assets: dict[str, str] | None = None) -> dict:
    """A sentinel-2-l2a item of Earth Search v1: common-name asset keys, mgrs:* and s2:sequence.
    `assets`: key -> file name under asset_base (default: every band, named after the key)."""
    zone, band, grid = int(tile[:2]), tile[2], tile[3:]
    item_id = f"S2B_{tile}_{when:%Y%m%d}_{sequence}_L2A"
    keys = assets or {key: f"{item_id}/{key}.tif" for key in (
        "coastal", "blue", "green", "red", "rededge1", "rededge2", "rededge3", "nir", "nir08", "nir09",
        "swir16", "swir22", "scl", "aot", "wvp", "visual")}
    built = {}
    for key, name in keys.items():
        asset = {"href": f"{asset_base}/{name}", "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                 "roles": ["data"]}
        if key not in ("scl", "visual"):
            asset["raster:bands"] = _raster(0.0001, 0.0 if offset_applied else -0.1)
        built[key] = asset
        if key == "red":  # a resampled copy, never to be taken
            built["red_20m"] = {**asset, "href": f"{asset_base}/{item_id}/red_20m.tif"}
    built["thumbnail"] = {"href": f"{asset_base}/{item_id}/thumbnail.jpg", "type": "image/jpeg", "roles": ["thumbnail"]}
    properties = {
        "datetime": _iso(when), "platform": "sentinel-2b", "proj:epsg": 32600 + zone,
        "mgrs:utm_zone": zone, "mgrs:latitude_band": band, "mgrs:grid_square": grid, "grid:code": f"MGRS-{tile}",
        "s2:sequence": str(sequence), "s2:processing_baseline": baseline,
        "earthsearch:boa_offset_applied": offset_applied,
    }
    if cloud is not None:
        properties["eo:cloud_cover"] = cloud
    return {"type": "Feature", "stac_version": "1.0.0", "id": item_id, "collection": "sentinel-2-l2a",
            "geometry": geometry or square(10, 50), "bbox": [10, 50, 11, 51], "properties": properties,
            "assets": built, "links": []}


def planetary_item(tile: str, when: dt.datetime, processed: str = "20230711T120000", cloud: float | None = 10.0,
                   geometry: dict | None = None, asset_base: str = "http://127.0.0.1:9/files/signed",
                   baseline: str = "05.09") -> dict:
    """A sentinel-2-l2a item of Planetary Computer: band-id asset keys, s2:mgrs_tile, no s2:sequence."""
    item_id = f"S2A_MSIL2A_{when:%Y%m%dT%H%M%S}_R065_T{tile}_{processed}"
    built = {}
    for key in ("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B09", "B11", "B12", "SCL",
                "AOT", "WVP", "visual"):
        asset = {"href": f"{asset_base}/{item_id}/{key}.tif", "type": "image/tiff", "roles": ["data"]}
        if key not in ("SCL", "visual"):
            asset["raster:bands"] = _raster(0.0001, -0.1)
        built[key] = asset
    built["rendered_preview"] = {"href": "http://127.0.0.1:9/preview.png", "roles": ["overview"]}
    properties = {"datetime": _iso(when), "platform": "Sentinel-2A", "s2:mgrs_tile": tile,
                  "s2:processing_baseline": baseline, "proj:epsg": 32600 + int(tile[:2])}
    if cloud is not None:
        properties["eo:cloud_cover"] = cloud
    return {"type": "Feature", "stac_version": "1.0.0", "id": item_id, "collection": "sentinel-2-l2a",
            "geometry": geometry or square(10, 50), "bbox": [10, 50, 11, 51], "properties": properties,
            "assets": built, "links": []}


def landsat_item(satellite: int, path: int, row: int, when: dt.datetime, cloud: float | None = 10.0,
                 geometry: dict | None = None, asset_base: str = "http://127.0.0.1:9/files") -> dict:
    """A landsat-c2-l2 item (Earth Search's and Planetary Computer's shape): common-name asset keys."""
    letter = "C" if satellite >= 8 else ("E" if satellite == 7 else "T")
    item_id = f"L{letter}0{satellite}_L2SP_{path:03d}{row:03d}_{when:%Y%m%d}_02_T1"
    scene_id = f"L{letter}{satellite}{path:03d}{row:03d}{when:%Y}{when.timetuple().tm_yday:03d}LGN00"
    if satellite >= 8:
        keys = {"coastal": "SR_B1", "blue": "SR_B2", "green": "SR_B3", "red": "SR_B4", "nir08": "SR_B5",
                "swir16": "SR_B6", "swir22": "SR_B7", "lwir11": "ST_B10", "qa_pixel": "QA_PIXEL"}
    else:
        keys = {"blue": "SR_B1", "green": "SR_B2", "red": "SR_B3", "nir08": "SR_B4", "swir16": "SR_B5",
                "swir22": "SR_B7", "lwir": "ST_B6", "qa_pixel": "QA_PIXEL"}
    built = {}
    for key, name in keys.items():
        asset = {"href": f"{asset_base}/{item_id}/{item_id}_{name}.TIF", "type": "image/tiff", "roles": ["data"]}
        if name.startswith("SR_"):
            asset["raster:bands"] = _raster(2.75e-05, -0.2)
        elif name.startswith("ST_"):
            asset["raster:bands"] = _raster(0.00341802, 149.0)
        built[key] = asset
    properties = {"datetime": _iso(when), "platform": f"landsat-{satellite}", "landsat:scene_id": scene_id,
                  "landsat:wrs_path": f"{path:03d}", "landsat:wrs_row": f"{row:03d}", "landsat:correction": "L2SP",
                  "landsat:collection_number": "02"}
    if cloud is not None:
        properties["eo:cloud_cover"] = cloud
    return {"type": "Feature", "stac_version": "1.0.0", "id": item_id, "collection": "landsat-c2-l2",
            "geometry": geometry or square(10, 50), "bbox": [10, 50, 11, 51], "properties": properties,
            "assets": built, "links": []}


# --- the server ---------------------------------------------------------------------------------------

class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: StacServer


class StacServer:
    def __init__(self, page_size: int = 2, token_lifetime: float = 3600.0, authorization: str | None = None) -> None:
        self.page_size = page_size
        self.authorization = authorization  # the Authorization header every request must carry, else 401
        self.token_lifetime = token_lifetime
        self.endless_next = False  # every page's `next` link leads back to the first page
        self.hold_pages: threading.Event | None = None  # pages after the first wait until it is set
        self.items: dict[str, list[dict]] = {name: [] for name in PROFILES}
        self.files: dict[str, bytes] = {}
        self.tokens: dict[str, float] = {}  # sig -> expiry (time.time())
        self.token_calls: list[str] = []  # collections asked
        self.log: list[tuple[str, str, dict, object]] = []
        self._failures: list[int] = []
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def root(self, profile: str) -> str:
        return f"{self.url}/{profile}"

    @property
    def token_url(self) -> str:
        return f"{self.url}/token"

    @property
    def files_url(self) -> str:
        return f"{self.url}/files"

    def start(self) -> StacServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    def __enter__(self) -> StacServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def add_item(self, profile: str, item: dict) -> None:
        self.items[profile].append(copy.deepcopy(item))

    def add_file(self, name: str, data: bytes) -> None:
        self.files[name] = data

    def fail_next(self, count: int, status: int = 503) -> None:
        with self._lock:
            self._failures += [status] * count

    def searches(self, profile: str | None = None) -> list[tuple[str, str, dict, object]]:
        return [entry for entry in self.log if entry[1].endswith("/search")
                and (profile is None or entry[1] == f"/{profile}/search")]

    def _next_failure(self) -> int | None:
        with self._lock:
            return self._failures.pop(0) if self._failures else None

    def new_token(self, collection: str) -> dict:
        with self._lock:
            self.token_calls.append(collection)
            sig = secrets.token_hex(8)
            expiry = time.time() + self.token_lifetime
            self.tokens[sig] = expiry
        moment = dt.datetime.fromtimestamp(expiry, dt.timezone.utc)
        return {"token": f"st=2023-01-01&se={moment:%Y-%m-%dT%H:%M:%SZ}&sp=rl&sig={sig}", "msft:expiry": _iso(moment)}

    def token_valid(self, query: dict) -> bool:
        sig = (query.get("sig") or [""])[0]
        with self._lock:
            expiry = self.tokens.get(sig)
        return expiry is not None and time.time() < expiry


# --- answering searches ---------------------------------------------------------------------------------

class BadRequest(Exception):
    pass


def _datetime_range(text: str) -> tuple[dt.datetime | None, dt.datetime | None]:
    def parse(part: str) -> dt.datetime | None:
        if part in ("", ".."):
            return None
        return dt.datetime.fromisoformat(re.sub(r"\.(\d{3})\d*", r".\1", part).replace("Z", "+00:00"))

    first, _, last = text.partition("/")
    return parse(first), parse(last or first)


def _compare(op: str, have: object, value: object) -> bool:
    if op not in ("=", "eq", "<=", "lte", "<", "lt", ">=", "gte", ">", "gt"):
        raise BadRequest(f"operator {op} is not supported")
    if op in ("=", "eq"):
        return have == value
    if have is None:
        return False
    try:
        return {"<=": have <= value, "lte": have <= value, "<": have < value, "lt": have < value,  # type: ignore[operator]
                ">=": have >= value, "gte": have >= value, ">": have > value, "gt": have > value}[op]  # type: ignore[operator]
    except KeyError:
        raise BadRequest(f"operator {op} is not supported") from None


def _cql2(node: dict, properties: dict) -> bool:
    op = node.get("op")
    args = node.get("args") or []
    if op == "and":
        return all(_cql2(arg, properties) for arg in args)
    if len(args) != 2 or not isinstance(args[0], dict) or "property" not in args[0]:
        raise BadRequest(f"cannot read the filter {node}")
    return _compare(str(op), properties.get(args[0]["property"]), args[1])


def _matches(item: dict, search: dict, profile: str) -> bool:
    properties = item["properties"]
    collections = search.get("collections")
    if collections and item["collection"] not in collections:
        return False
    if search.get("datetime"):
        first, last = _datetime_range(search["datetime"])
        moment = dt.datetime.fromisoformat(properties["datetime"].replace("Z", "+00:00"))
        if (first and moment < first) or (last and moment > last):
            return False
    area = None
    if search.get("intersects"):
        area = ogr.CreateGeometryFromJson(json.dumps(search["intersects"]))
    elif search.get("bbox"):
        w, s, e, n = search["bbox"]
        area = ogr.CreateGeometryFromJson(json.dumps(
            {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}))
    if area is not None and not ogr.CreateGeometryFromJson(json.dumps(item["geometry"])).Intersects(area):
        return False
    if profile == "es" and search.get("query"):
        for name, tests in search["query"].items():
            for op, value in tests.items():
                if not _compare(op, properties.get(name), value):
                    return False
    if profile == "pc" and search.get("filter"):
        if search.get("filter-lang", "cql2-json") != "cql2-json":
            raise BadRequest("only cql2-json")
        if not _cql2(search["filter"], properties):
            return False
    return True


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _answer(self, status: int, body: object, content_type: str = "application/json",
                headers: dict | None = None) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        self._handle(None)

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            self._answer(400, {"code": "BadRequest", "description": "not JSON"})
            return
        self._handle(body)

    def _handle(self, body: object) -> None:
        fake = self.server.fake
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        fake.log.append((self.command, parts.path, query, body))
        path = parts.path
        if fake.authorization is not None and self.headers.get("Authorization") != fake.authorization:
            self._answer(401, {"code": "Unauthorized", "description": "credentials required"})
            return
        if path.startswith("/token/"):
            self._answer(200, fake.new_token(path[len("/token/"):]))
            return
        if path.startswith("/files/"):
            self._file(path[len("/files/"):], query)
            return
        profile, _, rest = path.strip("/").partition("/")
        if profile not in PROFILES:
            self._answer(404, {"code": "NotFound", "description": f"{path} not found"})
            return
        settings = PROFILES[profile]
        root = fake.root(profile)
        if rest == "":
            links = [{"rel": "self", "href": root + "/"}, {"rel": "conformance", "href": root + "/conformance"}]
            links += [{"rel": "search", "href": root + "/search", "method": method, "type": "application/geo+json"}
                      for method in settings["methods"]]
            landing = {"type": "Catalog", "id": profile, "stac_version": "1.0.0", "description": "fake", "links": links}
            if settings["landing"]:
                landing["conformsTo"] = list(settings["conformance"])
            self._answer(200, landing)
        elif rest == "conformance":
            self._answer(200, {"conformsTo": list(settings["conformance"])})
        elif rest == "search":
            if self.command not in settings["methods"]:
                self._answer(405, {"code": "MethodNotAllowed", "description": self.command})
                return
            failure = fake._next_failure()
            if failure is not None:
                self._answer(failure, {"code": "ServerError", "description": "injected"})
                return
            try:
                self._search(profile, body if self.command == "POST" else self._get_search(query))
            except (BadRequest, ValueError, KeyError, TypeError) as error:
                self._answer(400, {"code": "BadRequest", "description": str(error)})
        else:
            self._answer(404, {"code": "NotFound", "description": f"{path} not found"})

    @staticmethod
    def _get_search(query: dict) -> dict:
        search: dict = {}
        for name, values in query.items():
            value = values[0]
            if name == "collections":
                search[name] = value.split(",")
            elif name in ("intersects", "query", "filter"):
                search[name] = json.loads(value)
            elif name == "bbox":
                search[name] = [float(part) for part in value.split(",")]
            else:
                search[name] = value
        return search

    def _search(self, profile: str, search: dict) -> None:
        fake = self.server.fake
        found = [item for item in fake.items[profile] if _matches(item, search, profile)]
        found.reverse()  # no order to count on
        start = int(search.get("token") or 0)
        if start and fake.hold_pages is not None:
            fake.hold_pages.wait(30)
        size = min(int(search.get("limit") or 10), fake.page_size)
        page = found[start:start + size]
        links = []
        if start + size < len(found) or fake.endless_next:
            token = "0" if fake.endless_next else str(start + size)
            if self.command == "POST":
                links.append({"rel": "next", "href": fake.root(profile) + "/search", "method": "POST",
                              "body": {"token": token}, "merge": True})
            else:
                query = {name: values[0] for name, values in parse_qs(urlsplit(self.path).query).items()}
                query["token"] = token
                links.append({"rel": "next", "href": f"{fake.root(profile)}/search?{urlencode(query)}",
                              "method": "GET"})
        self._answer(200, {"type": "FeatureCollection", "features": page, "links": links,
                           "numberReturned": len(page)}, "application/geo+json")

    def _file(self, name: str, query: dict) -> None:
        fake = self.server.fake
        if name.startswith("signed/") and not fake.token_valid(query):
            self._answer(403, b"<Error><Code>AuthenticationFailed</Code></Error>", "application/xml")
            return
        data = fake.files.get(name)
        if data is None:
            self._answer(404, b"<Error><Code>NoSuchKey</Code></Error>", "application/xml")
            return
        wanted = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range") or "")
        if wanted:
            first = int(wanted[1])
            last = min(int(wanted[2]) if wanted[2] else len(data) - 1, len(data) - 1)
            self._answer(206, data[first:last + 1], "image/tiff",
                         {"Content-Range": f"bytes {first}-{last}/{len(data)}", "Accept-Ranges": "bytes"})
            return
        self._answer(200, data, "image/tiff", {"Accept-Ranges": "bytes"})
