"""A STAC API: its landing page, its item search and the pages of an answer (docs/stac.md#the-stac-api).

The landing page names the search (a link ``rel: search``, ``method`` GET or POST) and, in
``conformsTo`` (else at ``/conformance``), whether the search takes the ``query`` extension
(Earth Search) or CQL2 ``filter`` (Planetary Computer). A search is POSTed when the catalog offers
POST, else sent as GET; the cloud limit and property filters go as CQL2 JSON when the catalog
conforms to filter, else as ``query`` when it conforms to query, and are checked again on every
item received in any case. Every ``next`` link is followed (a GET href, or a POST ``body``, merged
into the previous body when ``merge`` says so) until there is none or the limit is reached; no order
of items and no page size is assumed. A caller that lists pages as they are wanted (the dock's scene
list) asks for some pages and resumes the search later where the result's ``next_page`` says.

Every call goes through :class:`core.remote.client.RemoteClient` (its transport, retries on 429 and
5xx, timeouts, caps, cancel).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urljoin

from ..errors import RequestError
from ..feedback import FeedbackLike, check_cancelled, report
from ..i18n import tr
from ..remote.client import RemoteClient, RemoteConfig, RemoteError
from ..remote.transport import TransportFactory, snippet
from .items import item_datetime

MAX_PAGES = 1000  # a catalog whose `next` links never end is left at this
DEFAULT_PAGE_SIZE = 100  # asked of the catalog; it may give fewer (servers cap `limit`)


class NotAStacApi(RemoteError):
    """The URL answers, but not as a STAC API (no landing page with a search link)."""


@dataclass(frozen=True)
class PageCursor:
    """Where a search asked for some pages goes on: the request of its next page, what it filters
    on, and the pages and items read so far (none is read or kept twice)."""

    method: str
    url: str
    sent: dict | None
    body: dict
    conditions: tuple[tuple[str, str, Any], ...]
    start: dt.date | None
    end: dt.date | None
    seen_pages: frozenset[str] = frozenset()
    seen_items: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class SearchResult:
    items: list[dict]
    more: bool = False  # more items match than the limit (or the pages asked for) let through
    problems: list[str] = field(default_factory=list)
    next_page: PageCursor | None = None  # where to resume, when fewer pages than the catalog has were asked


def day_range(start: dt.date | None, end: dt.date | None) -> str | None:
    """The `datetime` of a search for whole UTC days (open ends: ".."), None for any time."""
    if start is None and end is None:
        return None
    first = f"{start.isoformat()}T00:00:00Z" if start else ".."
    last = f"{end.isoformat()}T23:59:59.999Z" if end else ".."
    return f"{first}/{last}"


class StacCatalog:
    """One STAC API root. Thread-safe: the landing page is read once, by whoever needs it first."""

    def __init__(self, root: str, transport: TransportFactory | None = None, timeout: float = 60.0,
                 max_retries: int = 6, backoff_base: float = 1.0) -> None:
        self.root = root.rstrip("/")
        self.config = RemoteConfig(api_url=self.root, api_key=None, transport=transport, timeout=timeout,
                                   max_retries=max_retries, backoff_base=backoff_base)
        self._lock = threading.Lock()
        self._opened = False
        self.search_url = ""
        self.search_methods: tuple[str, ...] = ()
        self.conformance: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"StacCatalog({self.root!r})"

    def client(self, feedback: FeedbackLike | None = None) -> RemoteClient:
        return RemoteClient(self.config, feedback, keeps_tasks=False)

    # --- the landing page ----------------------------------------------------------------------------
    def open(self, feedback: FeedbackLike | None = None) -> None:
        """Read the landing page (once): the search link, its methods, the conformance classes.
        NotAStacApi, naming the URL, when it is no STAC API; RemoteError when it cannot be reached."""
        with self._lock:
            if self._opened:
                return
            with self.client(feedback) as client:
                landing = self._landing(client)
                links = [link for link in landing.get("links", []) if isinstance(link, dict)]
                searches = [link for link in links if link.get("rel") == "search" and isinstance(link.get("href"), str)]
                if not searches:
                    raise NotAStacApi(tr("{url} does not answer as a STAC API: its landing page has no search "
                                         "link").format(url=self.root))
                methods = [str(link.get("method") or "GET").upper() for link in searches]
                self.search_url = urljoin(self.root + "/", searches[0]["href"])
                self.search_methods = tuple(dict.fromkeys(methods))
                conforms = landing.get("conformsTo")
                if not isinstance(conforms, list):
                    conforms = self._conformance(client, links)
                self.conformance = tuple(str(name) for name in conforms)
            self._opened = True

    def _landing(self, client: RemoteClient) -> dict:
        url = self.root + "/"
        try:
            _answer, landing = client.service_json("GET", url, tr("reading the STAC landing page"))
        except RemoteError as error:
            if error.status is None or error.status >= 500:
                raise
            message = tr("{url} does not answer as a STAC API (HTTP {status})")
            raise NotAStacApi(message.format(url=self.root, status=error.status), error.status) from None
        if not isinstance(landing, dict) or not isinstance(landing.get("links"), list):
            message = tr("{url} does not answer as a STAC API (its answer is no catalog: {answer})")
            raise NotAStacApi(message.format(url=self.root, answer=snippet(landing)))
        return landing

    def _conformance(self, client: RemoteClient, links: list[dict]) -> list:
        link = next((link for link in links if link.get("rel") == "conformance"), None)
        url = urljoin(self.root + "/", link["href"]) if link and isinstance(link.get("href"), str) \
            else f"{self.root}/conformance"
        try:
            _answer, data = client.service_json("GET", url, tr("reading the STAC conformance classes"))
        except RemoteError:
            return []  # no conformance: the plain item search, filters checked here
        found = data.get("conformsTo") if isinstance(data, dict) else None
        return found if isinstance(found, list) else []

    @property
    def takes_filter(self) -> bool:
        """CQL2 JSON filters (the filter extension)."""
        return any(name.endswith(("#filter", "/cql2-json")) for name in self.conformance)

    @property
    def takes_query(self) -> bool:
        return any(name.endswith("#query") for name in self.conformance)

    # --- the search ------------------------------------------------------------------------------------
    def search(
        self,
        collections: Sequence[str],
        geometry: dict | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        max_cloud: float | None = None,
        limit: int | None = None,
        properties: Mapping[str, Any] | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        feedback: FeedbackLike | None = None,
        pages: int | None = None,
    ) -> SearchResult:
        """Items of `collections` meeting `geometry` (GeoJSON in EPSG:4326), the UTC days `start` to
        `end` (inclusive), the cloud limit (percent) and `properties` (name -> the value it must
        equal), every page followed; at most `limit` items (None: all) and `pages` pages (None: all;
        the result's next_page resumes it). TaskCancelled on cancel."""
        if max_cloud is not None and not (isinstance(max_cloud, (int, float)) and 0 <= max_cloud <= 100):
            message = tr("must be a percentage between 0 and 100, not {value}")
            raise RequestError(message.format(value=repr(max_cloud)), "max_cloud")
        if start and end and start > end:
            message = tr("the first date {first} is after the last date {last}")
            raise RequestError(message.format(first=start, last=end), "start")
        self.open(feedback)
        conditions: list[tuple[str, str, Any]] = []
        if max_cloud is not None:
            conditions.append(("eo:cloud_cover", "lte", max_cloud))
        conditions += [(name, "eq", value) for name, value in (properties or {}).items()]
        page = page_size if limit is None else max(1, min(page_size, limit))
        body: dict[str, Any] = {"collections": list(collections), "limit": page}
        if geometry is not None:
            body["intersects"] = geometry
        when = day_range(start, end)
        if when is not None:
            body["datetime"] = when
        if conditions and self.takes_filter:
            body["filter"] = cql2_filter(conditions)
            body["filter-lang"] = "cql2-json"
        elif conditions and self.takes_query:
            body["query"] = query_filter(conditions)
        if "POST" in self.search_methods:
            method, url, sent = "POST", self.search_url, body
        else:
            method, url, sent = "GET", _with_query(self.search_url, body), None
        return self._follow(PageCursor(method, url, sent, body, tuple(conditions), start, end), limit, pages, feedback)

    def resume(self, cursor: PageCursor, pages: int = 1, feedback: FeedbackLike | None = None) -> SearchResult:
        """The next `pages` pages of a search left at `cursor` (a SearchResult's next_page)."""
        return self._follow(cursor, None, pages, feedback)

    def _follow(self, cursor: PageCursor, limit: int | None, pages: int | None,
                feedback: FeedbackLike | None) -> SearchResult:
        """Read the pages from `cursor` on, each `next` link followed, until there is none, or
        `limit` items or `pages` pages are read."""
        method, url, sent, body = cursor.method, cursor.url, cursor.sent, cursor.body
        conditions, start, end = cursor.conditions, cursor.start, cursor.end
        items: list[dict] = []
        seen_items = set(cursor.seen_items)
        seen_pages = set(cursor.seen_pages)
        problems: list[str] = []
        more = False
        next_page = None
        with self.client(feedback) as client:
            for number in range(1, (pages or MAX_PAGES) + 1):
                check_cancelled(feedback)
                page_key = _page_key(method, url, sent)
                if page_key in seen_pages:  # a `next` link back to a page already read
                    break
                seen_pages.add(page_key)
                _answer, data = client.service_json(method, url, tr("searching the STAC catalog"), body=sent)
                features = data.get("features") if isinstance(data, dict) else None
                if not isinstance(features, list):
                    message = tr("the search of {url} answered no FeatureCollection: {answer}")
                    raise RemoteError(message.format(url=self.root, answer=snippet(data)))
                for item in features:
                    if not isinstance(item, dict) or not _meets(item, conditions, start, end):
                        continue
                    key = (str(item.get("collection", "")), str(item.get("id", "")))
                    if key in seen_items:
                        continue
                    seen_items.add(key)
                    if limit is not None and len(items) >= limit:
                        more = True
                        break
                    items.append(item)
                report(feedback, tr("STAC search: page {page}, {count} items").format(page=number, count=len(features)))
                following = _next_link(data)
                if more or following is None:
                    break
                if limit is not None and len(items) >= limit:
                    more = True
                    break
                method = str(following.get("method") or "GET").upper()
                url = urljoin(url, str(following["href"]))
                if method == "POST":
                    found_body = following.get("body")
                    given: dict = found_body if isinstance(found_body, dict) else {}
                    sent = {**(sent or body), **given} if following.get("merge") else (given or sent or body)
                else:
                    sent = None
            else:
                more = pages is None or _page_key(method, url, sent) not in seen_pages
                if more and pages is not None:  # the caller pages: no problem, a place to resume
                    next_page = PageCursor(method, url, sent, body, conditions, start, end,
                                           frozenset(seen_pages), frozenset(seen_items))
        if more and next_page is None:
            if limit is not None:
                problems.append(tr("more than {count} items match; narrow the dates or the area").format(count=limit))
            else:
                problems.append(tr("the search of {url} was left after {pages} pages").format(
                    url=self.root, pages=MAX_PAGES))
        return SearchResult(items, more, problems, next_page)


def cql2_filter(conditions: Sequence[tuple[str, str, Any]]) -> dict:
    """A CQL2 JSON filter: each (property, "eq" or "lte", value), all of them."""
    operators = {"eq": "=", "lte": "<="}
    args = [{"op": operators[op], "args": [{"property": name}, value]} for name, op, value in conditions]
    return args[0] if len(args) == 1 else {"op": "and", "args": args}


def query_filter(conditions: Sequence[tuple[str, str, Any]]) -> dict:
    """The query extension's object: {property: {"eq" or "lte": value}}."""
    query: dict[str, dict] = {}
    for name, op, value in conditions:
        query.setdefault(name, {})[op] = value
    return query


def _with_query(url: str, body: dict) -> str:
    """A GET search URL of the same search as `body`."""
    params: dict[str, str] = {}
    for name, value in body.items():
        if name == "collections":
            params[name] = ",".join(value)
        elif isinstance(value, (dict, list)):
            params[name] = json.dumps(value, separators=(",", ":"))
        else:
            params[name] = str(value)
    return f"{url}{'&' if '?' in url else '?'}{urlencode(params)}"


def _page_key(method: str, url: str, sent: dict | None) -> str:
    return json.dumps([method, url, sent], sort_keys=True)


def _next_link(data: dict) -> dict | None:
    for link in data.get("links") or []:
        if isinstance(link, dict) and link.get("rel") == "next" and isinstance(link.get("href"), str):
            return link
    return None


def _meets(item: dict, conditions: Sequence[tuple[str, str, Any]], start: dt.date | None,
           end: dt.date | None) -> bool:
    """Whether the item meets the search's filters (a server may ignore some)."""
    found = item.get("properties")
    properties: dict = found if isinstance(found, dict) else {}
    for name, op, value in conditions:
        have = properties.get(name)
        if op == "eq" and have != value:
            return False
        if op == "lte" and isinstance(have, (int, float)) and have > value:
            return False
    if start or end:
        moment = item_datetime(item)
        if moment is None or (start and moment.date() < start) or (end and moment.date() > end):
            return False
    return True
