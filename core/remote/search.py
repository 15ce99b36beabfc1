"""Scene search on the remote API (docs/task-api.md#scene-search): where the view_ids of the Processing API come from.

One dataset: ``POST {search_url}/{dataset}``; several: ``POST {search_url}`` with
``search.satellites``. The body asks for the scenes of a date range, a cloud range and an area,
newest first, a page at a time; the answer is read defensively (the documentation shows its shape
only loosely). Every call goes through :class:`core.remote.client.RemoteClient`: the key is sent as the
task API takes it, 429 answers are waited out, 5xx answers and network errors retried, and nothing
said to the user carries the key.

The scenes found are :class:`RemoteScene` objects, which the dock's scene picker lists like the
local :class:`core.scenes.Scene`: both are a :class:`core.scenes.ListedScene`. Their ``bands`` is
None: which bands a remote scene has is not known from the search.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..aoi import validate_geometry
from ..errors import DataError, RequestError
from ..feedback import FeedbackLike, check_cancelled, report
from ..i18n import tr
from ..scenes import date_order, scene_summary
from ..sensors import SEARCH_PRODUCTS, SENSOR_NAMES, SceneId, Sensor, parse_view_id, sensor_by_code
from .client import RemoteClient, RemoteConfig, RemoteError, snippet

# --- datasets --------------------------------------------------------------------------------------

# The API's datasets, with the sensor code and the product level of their scenes (docs/task-api.md#scene-search).
DATASET_PRODUCTS: dict[str, tuple[str, str | None]] = {
    str(product.dataset): (product.code, product.level) for product in SEARCH_PRODUCTS
}


def _dataset_of(code: str, level: str | None) -> str:
    """The dataset holding the scenes of this sensor code and level (no level: the first listed)."""
    for dataset, (dataset_code, dataset_level) in DATASET_PRODUCTS.items():
        if dataset_code == code and (level is None or dataset_level == level):
            return dataset
    raise KeyError((code, level))


# Sensor names (long and short, lower case, as core.sensors.SENSOR_NAMES has them) -> API dataset:
# S2 and sentinel2l1c -> sentinel2, S2L2A -> sentinel2l2a, L8 -> landsat8, ...
DATASETS: dict[str, str] = {
    **{name: _dataset_of(code, level) for name, (code, level) in SENSOR_NAMES.items()},
    **{dataset: dataset for dataset in DATASET_PRODUCTS},
}

DEFAULT_DATASETS = ("sentinel2",)
SEARCH_FIELDS = ("sceneID", "view_id", "date", "cloudCoverage", "dataGeometry")
SHAPE_RELATIONS = ("INTERSECTS", "CONTAINS")  # CONTAINS: scenes that cover the whole AOI
LAYOUT_REMOTE = "remote search"  # the `layout` of a remote scene's summary

# Where the answer may put things (docs/task-api.md#scene-search: documented only loosely), first found wins.
_RESULT_LISTS = ("results", "data")
_VIEW_ID_KEYS = ("view_id", "viewId", "viewID")
_SCENE_NAME_KEYS = ("sceneID", "sceneId", "scene_id")
_DATE_KEYS = ("date", "acquisitionDate", "datetime")
_CLOUD_KEYS = ("cloudCoverage", "cloud", "cloud_cover", "cloudCover")
_FOOTPRINT_KEYS = ("dataGeometry", "geometry", "footprint")
_DATASET_KEYS = ("satellite", "dataset")
_FOUND_KEYS = ("found", "total", "count")


def dataset_for(name: str) -> str:
    """The API dataset of a sensor or dataset name (``S2`` -> ``sentinel2``, ``L8`` -> ``landsat8``)."""
    dataset = DATASETS.get(str(name).strip().lower())
    if dataset is None:
        known = ", ".join(sorted(DATASET_PRODUCTS))
        message = tr("{name} is not a sensor the scene search knows (datasets: {known}; "
                     "short names such as S2, S2L2A, L8 work too)")
        raise RequestError(message.format(name=repr(name), known=known), "sensors")
    return dataset


# --- scenes ------------------------------------------------------------------------------------------

UNKNOWN_SENSOR = Sensor("?", "unknown sensor", ())


@dataclass(frozen=True)
class RemoteScene:
    """One scene of the remote search, as the answer describes it."""

    view_id: str
    scene_id: SceneId | None  # None when the view_id is of no form core.sensors knows
    scene_name: str  # the answer's sceneID ("" when it gave none and the view_id is unknown)
    date: dt.date | None
    cloud_cover: float | None  # percent
    footprint_geojson: dict | None  # GeoJSON Polygon or MultiPolygon in EPSG:4326
    dataset: str  # the dataset it came from; several names joined by "," when the answer did not say
    raw: dict = field(default_factory=dict, compare=False, repr=False)  # the result object as received

    band_files = None  # which bands the scene has is not known from the search
    bands = None  # the same, as core.scenes.ListedScene says it

    @property
    def sensor(self) -> Sensor:
        if self.scene_id is not None:
            return self.scene_id.sensor
        codes = {DATASET_PRODUCTS[name][0] for name in self.dataset.split(",") if name in DATASET_PRODUCTS}
        if len(codes) == 1:
            return sensor_by_code(codes.pop())
        return UNKNOWN_SENSOR

    @property
    def product_level(self) -> str | None:
        """"L2A" for sentinel2l2a, "L1C" for sentinel2, else None."""
        product = DATASET_PRODUCTS.get(self.dataset)
        return product[1] if product else None

    def footprint(self) -> dict:
        """The footprint the search gave, GeoJSON in EPSG:4326 (a Polygon, or a MultiPolygon)."""
        if self.footprint_geojson is None:
            raise DataError(tr("the scene search gave no footprint for {view_id}").format(view_id=self.view_id))
        return self.footprint_geojson

    def summary(self) -> dict:
        """What the scene picker and `lbe scenes` show (the keys of core.scenes.Scene.summary, plus
        dataset and scene_name; bands None: unknown)."""
        return scene_summary(self, None, LAYOUT_REMOTE, self.footprint_geojson, dataset=self.dataset,
                             scene_name=self.scene_name)


# --- the search ----------------------------------------------------------------------------------------

def search_body(
    aoi: dict | None,
    start: dt.date | str | None,
    end: dt.date | str | None,
    max_cloud: float | None = None,
    limit: int = 100,
    page: int = 1,
    relation: str = "INTERSECTS",
    satellites: Sequence[str] | None = None,
) -> dict:
    """The JSON body of one search request (docs/task-api.md#scene-search); `satellites` for the
    several-datasets form."""
    search: dict = {}
    if satellites:
        search["satellites"] = list(satellites)
    dates = {key: _date_text(value, key) for key, value in (("from", start), ("to", end)) if value is not None}
    if dates:
        search["date"] = dates
    if max_cloud is not None:
        search["cloudCoverage"] = {"from": 0, "to": max_cloud}
    if aoi is not None:
        search["shape"] = aoi
        search["shapeRelation"] = relation
    return {
        "search": search,
        "intersection_validation": True,
        "sort": {"date": "desc"},
        "fields": list(SEARCH_FIELDS),
        "limit": limit,
        "page": page,
    }


def search_remote_scenes(
    config: RemoteConfig,
    datasets: Sequence[str],
    aoi: dict | None,
    start: dt.date | str | None,
    end: dt.date | str | None,
    max_cloud: float | None = None,
    limit: int = 100,
    max_pages: int = 10,
    feedback: FeedbackLike | None = None,
    relation: str = "INTERSECTS",
) -> tuple[list[RemoteScene], list[str]]:
    """Scenes of `datasets` (dataset or sensor names) meeting the AOI (GeoJSON Polygon or
    MultiPolygon in EPSG:4326, or None for anywhere), the dates (inclusive) and the cloud cover,
    newest first, without duplicates; and the problems met (results skipped, more scenes than
    `max_pages` pages of `limit`). Raises RequestError for bad arguments, core.remote.client's errors
    (KeyRejected, RequestRejected, RemoteError ...) when the API fails, TaskCancelled on cancel."""
    names = list(dict.fromkeys(dataset_for(name) for name in (datasets or DEFAULT_DATASETS)))
    shape = validate_geometry(aoi, "aoi", allow_multipolygon=True) if aoi is not None else None
    _check_arguments(start, end, max_cloud, limit, max_pages, relation)
    with RemoteClient(config, feedback) as client:
        if len(names) == 1:
            url, satellites = f"{config.search_url}/{names[0]}", None
        else:
            url, satellites = config.search_url, names

        found: dict[str, RemoteScene] = {}
        problems: list[str] = []
        without_view_id = 0
        received = 0
        more = False
        for page in range(1, max_pages + 1):
            check_cancelled(feedback)
            body = search_body(shape, start, end, max_cloud, limit, page, relation.upper(), satellites)
            _answer, data = client.post_json(url, body, tr("searching scenes"))
            results, total = _read_page(client, data)
            received += len(results)
            listed = new = 0
            for result in results:
                scene = _read_result(result, names)
                if scene is None:
                    without_view_id += 1
                    continue
                listed += 1
                if scene.view_id not in found:
                    found[scene.view_id] = scene
                    new += 1
            report(feedback, tr("scene search: page {page}, {count} results").format(page=page, count=len(results)))
            if len(results) < limit or (total is not None and received >= total):
                break
            if listed and not new:  # only scenes of earlier pages: the server ignores `page`
                break
            more = page == max_pages
        if without_view_id:
            problems.append(tr("{count} search result(s) without a view_id skipped").format(count=without_view_id))
        if more:
            seen = limit * max_pages
            if total is not None:
                message = tr("more than {seen} scenes match ({total}); narrow the dates or the area")
                problems.append(message.format(seen=seen, total=total))
            else:
                problems.append(tr("more than {seen} scenes may match; narrow the dates or the area").format(seen=seen))
        scenes = sorted(found.values(), key=date_order, reverse=True)
        return scenes, [client.redact(problem) for problem in problems]


def _check_arguments(start: dt.date | str | None, end: dt.date | str | None, max_cloud: object, limit: object,
                     max_pages: object, relation: object) -> None:
    first = _date_text(start, "start") if start is not None else None
    last = _date_text(end, "end") if end is not None else None
    if first and last and first > last:
        message = tr("the first date {first} is after the last date {last}")
        raise RequestError(message.format(first=first, last=last), "start")
    if max_cloud is not None and not (isinstance(max_cloud, (int, float)) and 0 <= max_cloud <= 100):
        message = tr("must be a percentage between 0 and 100, not {value}")
        raise RequestError(message.format(value=repr(max_cloud)), "max_cloud")
    for name, value in (("limit", limit), ("max_pages", max_pages)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise RequestError(tr("must be a positive whole number, not {value}").format(value=repr(value)), name)
    if str(relation).upper() not in SHAPE_RELATIONS:
        message = tr("must be one of {choices}, not {value}")
        raise RequestError(message.format(choices=", ".join(SHAPE_RELATIONS), value=repr(relation)), "relation")


def _date_text(value: dt.date | str, name: str) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise RequestError(tr("{value} is not a date YYYY-MM-DD").format(value=repr(value)), name) from None


# --- reading the answer ------------------------------------------------------------------------------

def _read_page(client: RemoteClient, data: object) -> tuple[list, int | None]:
    """The results of one page and the number of scenes the server says match (None: not said)."""
    if isinstance(data, list):
        return data, None
    if not isinstance(data, dict):
        message = tr("the scene search answered something other than an object: {answer}")
        raise RemoteError(client.redact(message.format(answer=snippet(data))))
    total = None
    found_meta = data.get("meta")
    meta: dict = found_meta if isinstance(found_meta, dict) else {}
    for source in (meta, data):
        for key in _FOUND_KEYS:
            value = source.get(key)
            if total is None and isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                total = value
    for key in _RESULT_LISTS:
        value = data.get(key)
        if isinstance(value, dict):  # {"data": {"results": [...]}}
            value = next((value[inner] for inner in _RESULT_LISTS if isinstance(value.get(inner), list)), None)
        if isinstance(value, list):
            return value, total
    if total == 0:
        return [], total
    reason = data.get("error") or data.get("error_message") or data.get("message")
    if reason:
        raise RemoteError(client.redact(tr("the scene search failed: {reason}").format(reason=reason)))
    message = tr("the scene search's answer holds no list of results: {answer}")
    raise RemoteError(client.redact(message.format(answer=snippet(data))))


def _read_result(result: object, datasets: list[str]) -> RemoteScene | None:
    """A RemoteScene of one result object; None when it names no view_id."""
    if not isinstance(result, dict):
        return None
    view_id = _first(result, _VIEW_ID_KEYS)
    if not isinstance(view_id, str) or not view_id.strip():
        return None
    view_id = view_id.strip()
    try:
        scene_id: SceneId | None = parse_view_id(view_id)
    except RequestError:
        scene_id = None
    name = _first(result, _SCENE_NAME_KEYS)
    scene_name = str(name) if name not in (None, "") else (scene_id.scene_name if scene_id else "")
    date = _read_date(_first(result, _DATE_KEYS))
    if date is None and scene_id is not None:
        date = scene_id.date
    return RemoteScene(
        view_id=view_id,
        scene_id=scene_id,
        scene_name=scene_name,
        date=date,
        cloud_cover=_read_cloud(_first(result, _CLOUD_KEYS)),
        footprint_geojson=_read_footprint(_first(result, _FOOTPRINT_KEYS)),
        dataset=_read_dataset(result, scene_id, datasets),
        raw=result,
    )


def _first(result: dict, keys: tuple[str, ...]) -> object:
    for key in keys:
        if result.get(key) is not None:
            return result[key]
    return None


def _read_date(value: object) -> dt.date | None:
    """"2023-07-19", "2023-07-19T10:21:01Z", "2023-07-19 10:21:01.5+00:00" ... -> the day."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _read_cloud(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        cloud = float(value)
    except (TypeError, ValueError):
        return None
    return cloud if 0 <= cloud <= 100 else None  # -1 and the like: unknown


def _read_footprint(value: object) -> dict | None:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    if isinstance(value, dict) and value.get("type") == "Feature":
        value = value.get("geometry")
    if isinstance(value, dict) and value.get("type") in ("Polygon", "MultiPolygon") \
            and isinstance(value.get("coordinates"), list) and value["coordinates"]:
        return value
    return None


def _read_dataset(result: dict, scene_id: SceneId | None, datasets: list[str]) -> str:
    """The dataset of a result: the one asked, the one it names, or the asked ones its sensor fits."""
    if len(datasets) == 1:
        return datasets[0]
    named = _first(result, _DATASET_KEYS)
    if isinstance(named, str) and named.lower() in datasets:
        return named.lower()
    if scene_id is not None:
        fitting = [name for name in datasets if DATASET_PRODUCTS[name][0] == scene_id.sensor.code]
        if scene_id.sensor.code == "L9":  # Landsat 9 scenes are served next to Landsat 8 ones
            fitting = fitting or [name for name in datasets if name == "landsat8"]
        if fitting:
            return ",".join(fitting)
    return ",".join(datasets)

