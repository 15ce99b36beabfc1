"""STAC catalogs as scene sources: ``find(view_id)`` and ``search(...)`` as a folder of scenes
answers them (core.scenes.SceneStoreSet), so a StacSource goes wherever a scene store goes
(docs/stac.md#scene-sources).

Known catalogs: Earth Search and Planetary Computer (whose assets are signed with tokens); any
other STAC API root URL works with the collections given (by default those the two share).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .. import aoi as aoi_module
from ..errors import RequestError, SceneNotFoundError
from ..feedback import FeedbackLike
from ..i18n import tr
from ..remote.client import RemoteError
from ..remote.transport import TransportFactory
from ..scenes import date_order
from ..sensors import SENSOR_NAMES, SENTINEL2, SceneId, Sensor, parse_view_id
from .catalog import PageCursor, SearchResult, StacCatalog
from .items import (
    StacScene,
    item_datetime,
    item_sensor,
    items_by_view_id,
    landsat_view_id,
    scene_of_item,
    sentinel2_acquisitions,
    sentinel2_tile,
)
from .signing import PLANETARY_COMPUTER_TOKENS, TokenSigner

EARTH_SEARCH_ROOT = "https://earth-search.aws.element84.com/v1"
PLANETARY_COMPUTER_ROOT = "https://planetarycomputer.microsoft.com/api/stac/v1"
DEFAULT_COLLECTIONS = ("sentinel-2-l2a", "landsat-c2-l2")
DEFAULT_MAX_ITEMS = 500  # items of one search at most (the picker and mt_stats need no more)


@dataclass(frozen=True)
class StacPages:
    """Where a search listed page by page goes on: the catalog's next page, the sensors kept."""

    page: PageCursor
    wanted: tuple[tuple[str, str | None], ...] | None


@dataclass(frozen=True)
class ScenePage:
    """Scenes of some pages of a search, the problems met, and where its next page is (None: no more)."""

    scenes: list[StacScene]
    problems: list[str]
    more: StacPages | None


@dataclass(frozen=True)
class Preset:
    name: str
    root: str
    collections: tuple[str, ...]
    token_url: str | None = None  # the token service signing its assets; None: not signed


PRESETS = (
    Preset("Earth Search", EARTH_SEARCH_ROOT, DEFAULT_COLLECTIONS),
    Preset("Planetary Computer", PLANETARY_COMPUTER_ROOT, DEFAULT_COLLECTIONS, PLANETARY_COMPUTER_TOKENS),
)


def source_for_url(url: str, transport: TransportFactory | None = None, timeout: float = 60.0,
                   max_retries: int = 6, backoff_base: float = 1.0) -> StacSource:
    """The source of a STAC API root URL: a known catalog with its collections and signing, else
    the URL with the default collections."""
    root = url.strip().rstrip("/")
    for preset in PRESETS:
        if root == preset.root:
            signer = TokenSigner(preset.token_url, transport, timeout) if preset.token_url else None
            return StacSource(root, preset.collections, signer, transport, timeout, max_retries=max_retries,
                              backoff_base=backoff_base)
    return StacSource(root, DEFAULT_COLLECTIONS, None, transport, timeout, max_retries=max_retries,
                      backoff_base=backoff_base)


def collection_sensors(collection: str) -> tuple[str, str | None] | None:
    """(sensor family, product level) a collection's items are: ("S2", "L2A"), ("L", None)."""
    name = collection.lower()
    if "sentinel-2" in name and "l1c" not in name:
        return ("S2", "L2A")
    if "landsat" in name and "l2" in name:
        return ("L", None)
    return None


def _serves(collection: str, sensor: Sensor, level: str | None) -> bool:
    family = collection_sensors(collection)
    if family is None:
        return False
    if sensor is SENTINEL2:
        return family[0] == "S2" and level in (None, "L2A")
    return family[0] == "L" and sensor.code.startswith("L")


class StacSource:
    """The scenes of some collections of a STAC API, found by view_id and searched by area, dates,
    clouds and sensors; asset URLs signed by `signer` when given."""

    def __init__(self, root: str, collections: Sequence[str] = DEFAULT_COLLECTIONS, signer: TokenSigner | None = None,
                 transport: TransportFactory | None = None, timeout: float = 60.0,
                 max_items: int = DEFAULT_MAX_ITEMS, page_size: int = 100, max_retries: int = 6,
                 backoff_base: float = 1.0) -> None:
        self.catalog = StacCatalog(root, transport, timeout, max_retries, backoff_base)
        self.collections = tuple(collections)
        self.signer = signer
        self.max_items = max_items
        self.page_size = page_size
        self._answering: dict[tuple, int] = {}  # first candidate's names -> the candidate that found items

    @property
    def root(self) -> str:
        return self.catalog.root

    def __repr__(self) -> str:
        return f"StacSource({self.root!r}, {self.collections!r})"

    def refresh(self) -> None:
        """Nothing is kept between searches but the landing page and tokens."""

    # --- find ---------------------------------------------------------------------------------------------
    def find(self, view_id: str, feedback: FeedbackLike | None = None) -> StacScene:
        """The scene of `view_id`: a search of its UTC day and tile (or path/row), then the exact
        view_id. SceneNotFoundError naming the view_id and the catalog when it holds none."""
        wanted = parse_view_id(view_id)
        collections = [name for name in self.collections if _serves(name, wanted.sensor, wanted.product_level)]
        if not collections or wanted.date is None:
            raise SceneNotFoundError(view_id, self._name())
        items = self._items_of(wanted, collections, feedback)
        found = items_by_view_id(items).get(wanted.acquisition_view_id)
        if found is None:
            raise SceneNotFoundError(view_id, self._name())
        return self._scene(found, wanted.view_id, feedback)

    def _items_of(self, wanted: SceneId, collections: list[str], feedback: FeedbackLike | None) -> list[dict]:
        """Every item of the scene's day and tile (path/row) in `collections`."""
        day = wanted.date
        if wanted.sensor is SENTINEL2:
            return self.tile_day_items(wanted.tile, day, collections, feedback)  # type: ignore[arg-type]
        path, row = wanted.tile[:3], wanted.tile[3:]
        candidates = [{"landsat:wrs_path": path, "landsat:wrs_row": row}]
        return self._first_answering(collections, day, candidates, feedback,  # type: ignore[arg-type]
                                     lambda item: _wrs(item) == (path, row))

    def tile_day_items(self, tile: str, day: dt.date, collections: Sequence[str],
                       feedback: FeedbackLike | None = None) -> list[dict]:
        """Every Sentinel-2 item of an MGRS tile ("33UUU") and UTC day, whatever property the catalog
        names the tile by (Earth Search's mgrs:*, Planetary Computer's s2:mgrs_tile, grid:code)."""
        zone, band, square = int(tile[:2]), tile[2], tile[3:]
        candidates: list[dict] = [
            {"mgrs:utm_zone": zone, "mgrs:latitude_band": band, "mgrs:grid_square": square},
            {"s2:mgrs_tile": tile},
            {"grid:code": f"MGRS-{tile}"},
        ]
        return self._first_answering(list(collections), day, candidates, feedback,
                                     lambda item: sentinel2_tile(item) == tile)

    def _first_answering(self, collections: list[str], day: dt.date, candidates: list[dict],
                         feedback: FeedbackLike | None, fits: Callable[[dict], bool]) -> list[dict]:
        """The items of `day` found with the first property filter that finds any; a catalog that
        filters on no property is searched once for the day, and the items kept by `fits`."""
        self.catalog.open(feedback)
        if not (self.catalog.takes_filter or self.catalog.takes_query):
            result = self.catalog.search(collections, start=day, end=day, limit=self.max_items,
                                         page_size=self.page_size, feedback=feedback)
            return [item for item in result.items if fits(item)]
        # the filter that found items last time first: a catalog names its tiles one way
        first = self._answering.get(tuple(sorted(candidates[0])), 0)
        ordered = [candidates[first]] + candidates[:first] + candidates[first + 1:]
        for properties in ordered:
            try:
                result = self.catalog.search(collections, start=day, end=day, properties=properties,
                                             limit=self.max_items, page_size=self.page_size, feedback=feedback)
            except RemoteError as error:
                if error.status == 400:  # a catalog that refuses to filter on a property it does not know
                    continue
                raise
            found = [item for item in result.items if fits(item)]
            if found:
                self._answering[tuple(sorted(candidates[0]))] = candidates.index(properties)
                return found
        return []

    # --- search -------------------------------------------------------------------------------------------
    def search(self, aoi: dict | None = None, start: dt.date | None = None, end: dt.date | None = None,
               max_cloud: float | None = None, sensors: Sequence[str] | None = None,
               feedback: FeedbackLike | None = None, limit: int | None = None) -> tuple[list[StacScene], list[str]]:
        """Scenes meeting `aoi` (GeoJSON in EPSG:4326), the dates (inclusive), the cloud cover and
        the sensors, newest first, and the problems met (items skipped, more items than the limit).
        RemoteError (NotAStacApi ...) when the catalog fails; TaskCancelled on cancel."""
        geometry, wanted, collections = self._searched(aoi, sensors)
        if not collections:
            return [], []
        result = self.catalog.search(collections, geometry, start, end, max_cloud, limit or self.max_items,
                                     page_size=self.page_size, feedback=feedback)
        return self._scenes_of(result, wanted, feedback)

    def search_pages(self, aoi: dict | None = None, start: dt.date | None = None, end: dt.date | None = None,
                     max_cloud: float | None = None, sensors: Sequence[str] | None = None,
                     feedback: FeedbackLike | None = None, pages: int = 1) -> ScenePage:
        """The scenes of a search's first `pages` pages (as `search`, no limit of items), and where
        its next page is (`more_pages`), for a list that fetches pages as they are wanted."""
        geometry, wanted, collections = self._searched(aoi, sensors)
        if not collections:
            return ScenePage([], [], None)
        result = self.catalog.search(collections, geometry, start, end, max_cloud, None, page_size=self.page_size,
                                     feedback=feedback, pages=pages)
        return ScenePage(*self._scenes_of(result, wanted, feedback), _next(result, wanted))

    def more_pages(self, cursor: StacPages, pages: int = 1, feedback: FeedbackLike | None = None) -> ScenePage:
        """The scenes of the next `pages` pages of a search `search_pages` began."""
        result = self.catalog.resume(cursor.page, pages, feedback)
        return ScenePage(*self._scenes_of(result, cursor.wanted, feedback), _next(result, cursor.wanted))

    def _searched(self, aoi: dict | None, sensors: Sequence[str] | None) -> tuple[dict | None, list | None, list[str]]:
        """The AOI checked, the sensors wanted (None: all) and the collections that may hold them."""
        geometry = aoi_module.validate_geometry(aoi, "aoi", allow_multipolygon=True) if aoi is not None else None
        wanted = _wanted_sensors(sensors)
        collections = [name for name in self.collections if collection_sensors(name) is not None
                       and (wanted is None or any(_family_matches(name, code, level) for code, level in wanted))]
        return geometry, wanted, collections

    def _scenes_of(self, result: SearchResult, wanted: Sequence[tuple[str, str | None]] | None,
                   feedback: FeedbackLike | None) -> tuple[list[StacScene], list[str]]:
        """The scenes of the items found, newest first, and the problems met."""
        problems = list(result.problems)
        view_ids = self._view_ids(result.items, feedback)
        scenes: dict[str, StacScene] = {}
        skipped = 0
        for item in result.items:
            view_id = view_ids.get(_key(item))
            if view_id is None:  # of no scene the plugin knows, or an older processing of one
                skipped += not _knowable(item)
                continue
            scene = self._scene(item, view_id, feedback)
            if wanted is not None and not any(
                    scene.sensor.code == code and level in (None, scene.product_level) for code, level in wanted):
                continue
            scenes[view_id] = scene
        if skipped:
            problems.append(tr("{count} item(s) of {url} are of no scene the plugin knows, skipped").format(
                count=skipped, url=self.root))
        return sorted(scenes.values(), key=date_order, reverse=True), problems

    def _view_ids(self, items: list[dict], feedback: FeedbackLike | None) -> dict[tuple[str, str], str]:
        """(collection, id) -> view_id of the items; a Sentinel-2 item without s2:sequence is numbered
        among every item of its tile and day, fetched for it (the search may have left some out)."""
        found = {_key(item): view_id for view_id, item in items_by_view_id(items).items()}
        unnumbered: set[tuple[str, dt.date, str]] = set()
        for item in items:
            properties = item.get("properties") or {}
            tile = sentinel2_tile(item)
            if tile is None or properties.get("s2:sequence") is not None:
                continue
            view_id = found.get(_key(item))
            if view_id is not None:
                day = parse_view_id(view_id).date
                unnumbered.add((tile, day, str(item.get("collection", ""))))  # type: ignore[arg-type]
        for group in sorted(unnumbered):
            tile, day, collection = group
            siblings = self.tile_day_items(tile, day, [collection], feedback)
            numbered = {_key(item): view_id for view_id, item in sentinel2_acquisitions(siblings).items()}
            for item in items:
                moment = item_datetime(item)
                if moment is not None and (sentinel2_tile(item), moment.date(), _key(item)[0]) == group:
                    found.pop(_key(item), None)
                    if _key(item) in numbered:
                        found[_key(item)] = numbered[_key(item)]
        return found

    def _scene(self, item: dict, view_id: str, feedback: FeedbackLike | None) -> StacScene:
        sign = None
        if self.signer is not None:
            signer = self.signer

            def sign(href: str, collection: str) -> str:
                return signer.sign(href, collection, feedback)
        return scene_of_item(item, view_id, self.root, sign)

    def _name(self) -> str:
        return f"{self.root} ({', '.join(self.collections)})"


def _next(result: SearchResult, wanted: list[tuple[str, str | None]] | tuple | None) -> StacPages | None:
    return StacPages(result.next_page, tuple(wanted) if wanted else None) if result.next_page else None


def _key(item: dict) -> tuple[str, str]:
    return (str(item.get("collection", "")), str(item.get("id", "")))


def _knowable(item: dict) -> bool:
    """Whether an item can be a scene of the plugin (a view_id can be made of it)."""
    sensor = item_sensor(item)
    if sensor is SENTINEL2:
        return sentinel2_tile(item) is not None and item_datetime(item) is not None
    return sensor is not None and landsat_view_id(item) is not None


def _wrs(item: dict) -> tuple[str, str]:
    properties = item.get("properties") or {}
    return str(properties.get("landsat:wrs_path", "")).zfill(3), str(properties.get("landsat:wrs_row", "")).zfill(3)


def _wanted_sensors(sensors: Sequence[str] | None) -> list[tuple[str, str | None]] | None:
    if not sensors:
        return None
    wanted = []
    for name in sensors:
        found = SENSOR_NAMES.get(str(name).strip().lower())
        if found is None:
            message = tr("{name} is not a sensor (e.g. sentinel2, landsat8, S2, L8, S2L2A)")
            raise RequestError(message.format(name=repr(name)), "sensors")
        wanted.append(found)
    return wanted


def _family_matches(collection: str, code: str, level: str | None) -> bool:
    family = collection_sensors(collection)
    if family is None:
        return False
    if code == "S2":
        return family[0] == "S2" and level in (None, family[1])
    return family[0] == "L" and code.startswith("L")
