"""Task requests: exactly the API's JSON, read, written and validated.

A :class:`TaskRequest` holds the JSON object as given (``{"type", "params", "callback_url"}``)
and writes it back unchanged. :meth:`TaskRequest.validate` checks every field and returns typed,
immutable parameters, or raises :class:`RequestError` naming the field and what is wrong.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import re
import threading
from dataclasses import dataclass
from typing import Any, BinaryIO, Callable, Literal, Union, overload

from . import api_rules
from .aoi import bbox_to_polygon, validate_geometry
from .errors import RequestError
from .i18n import tr
from .sensors import SENSOR_NAMES, SceneId, parse_view_id


@dataclass(frozen=True)
class LbeParams:
    scene: SceneId
    bands: tuple[str, ...]
    geometry: dict  # GeoJSON Polygon, EPSG:4326 (from `geometry` or the older `bbox`)
    merge: bool
    metadata: tuple[str, ...]
    reference: str

    @property
    def resolutions(self) -> tuple[float, ...]:
        bands = (self.scene.sensor.band(name) for name in self.bands)  # each one checked by validate()
        return tuple(band.resolution for band in bands if band is not None)

    @property
    def result_type(self) -> str:
        """The result type the API's rule predicts from the band catalog."""
        return api_rules.lbe_result_type(self.scene.sensor, self.bands, self.merge, self.metadata, self.resolutions)


@dataclass(frozen=True)
class JpegParams:
    scene: SceneId
    bm_type: str
    geometry: dict | None  # None = the whole scene
    name_alias: str | None
    resample: str
    colormap: str | None
    levels: tuple[float, float] | None
    colors_limit: int | None
    calibrate: bool
    px_size: float | None
    format: str
    reference: str | None
    exclude_cover_pixels: bool = False  # cloud and shadow pixels of the scene's mask: transparent


@dataclass(frozen=True)
class BandmathParams:
    scene: SceneId
    bm_type: str
    geometry: dict | None
    name_alias: str | None
    reference: str
    exclude_cover_pixels: bool = False  # cloud and shadow pixels of the scene's mask: nodata


@dataclass(frozen=True)
class MtStatsParams:
    bm_type: tuple[str, ...]
    date_start: dt.date
    date_end: dt.date
    geometry: dict
    reference: str
    sensors: tuple[str, ...] | None  # as given; see sensors.SENSOR_NAMES
    limit: int
    max_cloud_cover_in_aoi: float | None
    exclude_cover_pixels: bool
    cloud_masking_level: float | None


TaskParams = Union[LbeParams, JpegParams, BandmathParams, MtStatsParams]

_KNOWN_PARAMS = {
    "lbe": ("view_id", "bands", "geometry", "bbox", "merge", "metadata", "reference"),
    "jpeg": (
        "view_id", "geometry", "bbox", "bm_type", "name_alias", "resample", "colormap", "levels",
        "colors_limit", "calibrate", "px_size", "format", "reference", "exclude_cover_pixels",
    ),
    "bandmath": ("view_id", "bm_type", "geometry", "bbox", "name_alias", "reference", "exclude_cover_pixels"),
    "mt_stats": (
        "bm_type", "date_start", "date_end", "geometry", "reference", "sensors", "limit",
        "max_cloud_cover_in_aoi", "exclude_cover_pixels", "cloud_masking_level",
    ),
}


# A request is a few kilobytes (a polygon of some thousand vertices); anything past this is refused
# unread. The API's own AOIs are far smaller.
MAX_REQUEST_BYTES = 8 * 1024 * 1024
# JSON nesting: a request needs 7 levels (a MultiPolygon's coordinates in params.geometry).
MAX_REQUEST_DEPTH = 32
# Digits of a whole number: beyond this no field can use it (and Python refuses 4300 and more).
MAX_INTEGER_DIGITS = 40


def _too_large_message() -> str:
    return tr("a request is at most {size} MiB; this one is larger").format(size=MAX_REQUEST_BYTES // (1024 * 1024))


def _too_deep_message() -> str:
    return tr("is nested more than {depth} levels deep").format(depth=MAX_REQUEST_DEPTH)


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        message = tr("holds a number of {digits} digits (at most {maximum})")
        raise RequestError(message.format(digits=len(text.lstrip("-")), maximum=MAX_INTEGER_DIGITS), "request")
    return int(text)


def _depth_exceeds(data: Any, limit: int) -> bool:
    """Whether lists and objects nest deeper than `limit` (without recursion)."""
    pending = [(data, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            pending.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return False


class TaskRequest:
    """One request of the task API, kept exactly as given."""

    def __init__(self, data: dict) -> None:
        if not isinstance(data, dict):
            raise RequestError(tr("must be a JSON object with type and params"), "request")
        self._data = copy.deepcopy(data)

    # --- reading and writing -----------------------------------------------------------------
    @classmethod
    def from_json(cls, text: str) -> TaskRequest:
        if len(text) > MAX_REQUEST_BYTES:  # the bound of load_stream, for text from elsewhere
            raise RequestError(_too_large_message(), "request")
        try:
            data = json.loads(text, parse_int=_bounded_int)
        except json.JSONDecodeError as error:
            message = tr("is not valid JSON: {reason} at line {line} column {column}")
            raise RequestError(
                message.format(reason=error.msg, line=error.lineno, column=error.colno), "request"
            ) from None
        except RecursionError:
            raise RequestError(_too_deep_message(), "request") from None
        if _depth_exceeds(data, MAX_REQUEST_DEPTH):
            raise RequestError(_too_deep_message(), "request")
        return cls(data)

    @classmethod
    def load(cls, path: str) -> TaskRequest:
        try:
            with open(path, "rb") as stream:
                return cls.load_stream(stream, path)
        except OSError as error:
            reason = error.strerror or error
            raise RequestError(tr("cannot read {path}: {reason}").format(path=path, reason=reason), "request") from None

    @classmethod
    def load_stream(cls, stream: BinaryIO | None, name: str) -> TaskRequest:
        """The request in a binary stream (a file, stdin), of at most MAX_REQUEST_BYTES: no more
        is read, so a device or an endless pipe is refused, not read into memory."""
        if stream is None:  # stdin closed (`<&-`)
            raise RequestError(tr("cannot read {path}: {reason}").format(path=name, reason="closed"), "request")
        try:
            data = stream.read(MAX_REQUEST_BYTES + 1)
        except OSError as error:
            reason = error.strerror or error
            raise RequestError(tr("cannot read {path}: {reason}").format(path=name, reason=reason), "request") from None
        if len(data) > MAX_REQUEST_BYTES:
            raise RequestError(tr("cannot read {path}: {reason}").format(path=name, reason=_too_large_message()), "request")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise RequestError(tr("cannot read {path}: {reason}").format(path=name, reason=error), "request") from None
        return cls.from_json(text)

    def to_dict(self) -> dict:
        return copy.deepcopy(self._data)

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self._data, indent=indent, ensure_ascii=False)

    # --- the fields ----------------------------------------------------------------------------
    @property
    def type(self) -> Any:
        return self._data.get("type")

    @property
    def params(self) -> dict:
        params = self._data.get("params")
        return copy.deepcopy(params) if isinstance(params, dict) else {}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TaskRequest) and other._data == self._data

    def __repr__(self) -> str:
        return f"TaskRequest({self.to_json()})"

    # --- validation ----------------------------------------------------------------------------
    def validate(self) -> TaskParams:
        """Typed parameters of a valid request; RequestError naming the first problem otherwise."""
        extra = sorted(set(self._data) - {"type", "params", "callback_url"})
        if extra:
            raise RequestError(tr("unknown field (a request has type, params and callback_url)"), extra[0])
        task_type = self._data.get("type")
        if task_type is None:
            message = tr("missing: one of {task_types}")
            raise RequestError(message.format(task_types=", ".join(api_rules.TASK_TYPES)), "type")
        if task_type not in api_rules.TASK_TYPES:
            message = tr("{task_type} is not a task type (one of {task_types})")
            raise RequestError(
                message.format(task_type=repr(task_type), task_types=", ".join(api_rules.TASK_TYPES)), "type"
            )
        callback = self._data.get("callback_url")
        if callback is not None and (not isinstance(callback, str) or not callback.startswith(("http://", "https://"))):
            raise RequestError(tr("must be an http:// or https:// URL"), "callback_url")
        params = self._data.get("params")
        if not isinstance(params, dict):
            raise RequestError(tr("missing or not a JSON object"), "params")
        unknown = sorted(set(params) - set(_KNOWN_PARAMS[task_type]))
        if unknown:
            known = ", ".join(_KNOWN_PARAMS[task_type])
            message = tr("is not a parameter of {task_type} (known: {known})")
            raise RequestError(message.format(task_type=task_type, known=known), f"params.{unknown[0]}")
        return _VALIDATORS[task_type](_Fields(params))


class _Fields:
    """Typed access to a params object, raising RequestError with the field's full name."""

    def __init__(self, params: dict) -> None:
        self.params = params

    def has(self, name: str) -> bool:
        return self.params.get(name) is not None

    def raw(self, name: str) -> object:
        return self.params.get(name)

    @overload
    def string(self, name: str, required: Literal[True]) -> str: ...
    @overload
    def string(self, name: str, required: bool = False) -> str | None: ...
    def string(self, name: str, required: bool = False) -> str | None:
        value = self.params.get(name)
        if value is None:
            if required:
                raise RequestError(tr("missing"), f"params.{name}")
            return None
        if not isinstance(value, str) or not value.strip():
            raise RequestError(tr("must be a non-empty string"), f"params.{name}")
        return value

    @overload
    def reference(self, required: Literal[True]) -> str: ...
    @overload
    def reference(self, required: bool) -> str | None: ...
    def reference(self, required: bool) -> str | None:
        value = self.params.get("reference")
        if value is None:
            if required:
                message = tr("missing: the API requires a unique id for each request (any string)")
                raise RequestError(message, "params.reference")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int)) or (isinstance(value, str) and not value.strip()):
            raise RequestError(tr("must be a non-empty string"), "params.reference")
        return str(value)

    def boolean(self, name: str, default: bool) -> bool:
        value = self.params.get(name)
        if value is None:
            return default
        if not isinstance(value, bool):
            message = tr("must be true or false, not {value}")
            raise RequestError(message.format(value=json.dumps(value)), f"params.{name}")
        return value

    def number(self, name: str, minimum: float | None = None, maximum: float | None = None, positive: bool = False) -> float | None:
        value = self.params.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise RequestError(tr("must be a number, not {value}").format(value=json.dumps(value)), f"params.{name}")
        if positive and value <= 0:
            raise RequestError(tr("must be greater than 0, not {value}").format(value=f"{value:g}"), f"params.{name}")
        if minimum is not None and value < minimum or maximum is not None and value > maximum:
            message = tr("must be between {minimum} and {maximum}, not {value}")
            raise RequestError(
                message.format(minimum=f"{minimum:g}", maximum=f"{maximum:g}", value=f"{value:g}"), f"params.{name}"
            )
        return value

    def integer(self, name: str, minimum: int, maximum: int | None = None) -> int | None:
        value = self.params.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            message = tr("must be a whole number, not {value}")
            raise RequestError(message.format(value=json.dumps(value)), f"params.{name}")
        if value < minimum:
            message = tr("must be at least {minimum}, not {value}")
            raise RequestError(message.format(minimum=minimum, value=value), f"params.{name}")
        if maximum is not None and value > maximum:
            message = tr("must be at most {maximum}, not {value}")
            raise RequestError(message.format(maximum=maximum, value=value), f"params.{name}")
        return value

    @overload
    def string_list(self, name: str, required: Literal[True]) -> tuple[str, ...]: ...
    @overload
    def string_list(self, name: str, required: bool) -> tuple[str, ...] | None: ...
    def string_list(self, name: str, required: bool) -> tuple[str, ...] | None:
        value = self.params.get(name)
        if value is None:
            if required:
                raise RequestError(tr("missing"), f"params.{name}")
            return None
        if not isinstance(value, list):
            message = tr("must be a list of strings, not {value}")
            raise RequestError(message.format(value=json.dumps(value)), f"params.{name}")
        if required and not value:
            raise RequestError(tr("must not be empty"), f"params.{name}")
        seen: set[str] = set()
        for item in value:
            if not isinstance(item, str) or not item.strip():
                message = tr("{item} is not a non-empty string")
                raise RequestError(message.format(item=json.dumps(item)), f"params.{name}")
            if item in seen:
                raise RequestError(tr("{item} is listed twice").format(item=item), f"params.{name}")
            seen.add(item)
        return tuple(value)

    def date(self, name: str) -> dt.date:
        value = self.params.get(name)
        if value is None:
            raise RequestError(tr("missing: a date YYYY-MM-DD"), f"params.{name}")
        if not isinstance(value, str):
            message = tr("must be a date YYYY-MM-DD, not {value}")
            raise RequestError(message.format(value=json.dumps(value)), f"params.{name}")
        try:  # strictly YYYY-MM-DD: fromisoformat takes week dates, strptime unpadded months
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError(value)
            return dt.date.fromisoformat(value)
        except ValueError:
            message = tr("{value} is not a date YYYY-MM-DD")
            raise RequestError(message.format(value=repr(value)), f"params.{name}") from None

    @overload
    def area(self, required: Literal[True], allow_multipolygon: bool) -> dict: ...
    @overload
    def area(self, required: bool, allow_multipolygon: bool) -> dict | None: ...
    def area(self, required: bool, allow_multipolygon: bool) -> dict | None:
        """`geometry`, or the older `bbox` as a polygon; never both."""
        has_geometry, has_bbox = self.has("geometry"), self.has("bbox")
        if has_geometry and has_bbox:
            raise RequestError(tr("give either geometry or bbox, not both"), "params.bbox")
        if has_geometry:
            return validate_geometry(self.params["geometry"], "params.geometry", allow_multipolygon)
        if has_bbox:
            return bbox_to_polygon(self.params["bbox"], "params.bbox")
        if required:
            raise RequestError(tr("missing: the area of interest as a GeoJSON Polygon in EPSG:4326"), "params.geometry")
        return None

    def scene(self) -> SceneId:
        if not self.has("view_id"):
            raise RequestError(tr("missing: the scene id, e.g. S2/33/U/UU/2017/2/16/0"), "params.view_id")
        return parse_view_id(self.params["view_id"])


def _validate_lbe(fields: _Fields) -> LbeParams:
    scene = fields.scene()
    sensor = scene.sensor
    bands = fields.string_list("bands", required=True)
    for name in bands:
        if sensor.band(name) is None:
            suggestion = sensor.suggest(name)
            if suggestion:
                message = tr("{band} is not a {sensor} band (did you mean {suggestion}?)")
            else:
                message = tr("{band} is not a {sensor} band (bands: {bands})")
            raise RequestError(
                message.format(
                    band=name, sensor=sensor.name, suggestion=suggestion, bands=", ".join(sensor.band_names)
                ),
                "params.bands",
            )
    metadata = fields.string_list("metadata", required=False) or ()
    for name in metadata:
        if name not in api_rules.METADATA_FILES:
            message = tr("{name} is not a metadata file (known: {known})")
            raise RequestError(
                message.format(name=repr(name), known=", ".join(api_rules.METADATA_FILES)), "params.metadata"
            )
    return LbeParams(
        scene=scene,
        bands=bands,
        geometry=fields.area(required=True, allow_multipolygon=False),
        merge=fields.boolean("merge", api_rules.DEFAULT_MERGE),
        metadata=metadata,
        reference=fields.reference(required=True),
    )


def _expressions(fields: _Fields, scene: SceneId | None = None, name: str = "bm_type") -> str:
    """The bm_type text, each of its expressions checked (syntax, functions, the scene's bands and
    aliases); at most MAX_BANDMATH_EXPRESSIONS of them, and at least one band among them (the
    result's grid is that of its bands). Index names the API knows pass: whether an executor can
    compute one is its business (the API computes ISTACK; the local processor refuses it)."""
    from .expressions import parse_expression, resolve, split_with_positions
    from .indices import is_index_name

    value = fields.string(name, required=True)
    pieces = split_with_positions(value)
    if len(pieces) > api_rules.MAX_BANDMATH_EXPRESSIONS:
        message = tr("at most {maximum} expressions, not {count}")
        raise RequestError(message.format(maximum=api_rules.MAX_BANDMATH_EXPRESSIONS,
                                                            count=len(pieces)), f"params.{name}")
    uses_a_band = False
    for text, offset in pieces:
        if not text.strip():
            message = tr("{value} has an empty expression between commas")
            raise RequestError(message.format(value=repr(value)), f"params.{name}")
        if is_index_name(text.strip()):
            uses_a_band = True
            continue
        node = parse_expression(text, offset)
        uses_a_band = uses_a_band or bool(node.bands())
        if scene is not None:
            resolve(node, scene.sensor)
    if not uses_a_band:
        message = tr("{value} uses no band: give at least one band or index")
        raise RequestError(message.format(value=repr(value)), f"params.{name}")
    return value


def _levels(fields: _Fields) -> tuple[float, float] | None:
    value = fields.raw("levels")
    if value is None:
        return None
    parts = value.split(",") if isinstance(value, str) else value if isinstance(value, list) else None
    try:
        low, high = (float(part) for part in parts)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        message = tr("must be two numbers 'low,high', not {value}")
        raise RequestError(message.format(value=json.dumps(value)), "params.levels") from None
    if not (math.isfinite(low) and math.isfinite(high)) or low >= high:
        message = tr("low must be smaller than high, not {value}")
        raise RequestError(message.format(value=json.dumps(value)), "params.levels")
    return (low, high)


def _validate_jpeg(fields: _Fields) -> JpegParams:
    from .expressions import split_expressions

    scene = fields.scene()
    bm_type = _expressions(fields, scene)
    if len(split_expressions(bm_type)) not in (1, 3):
        message = tr("give one expression, or three bands or expressions for red, green, blue")
        raise RequestError(message, "params.bm_type")
    resample = fields.string("resample") or api_rules.DEFAULT_RESAMPLE
    if resample not in api_rules.RESAMPLE_METHODS:
        message = tr("{resample} is not a resampling method ({methods})")
        raise RequestError(
            message.format(resample=repr(resample), methods=", ".join(api_rules.RESAMPLE_METHODS)), "params.resample"
        )
    output_format = fields.string("format") or api_rules.DEFAULT_JPEG_FORMAT
    if output_format not in api_rules.JPEG_FORMATS:
        message = tr("{format} is not a format ({formats})")
        raise RequestError(
            message.format(format=repr(output_format), formats=", ".join(api_rules.JPEG_FORMATS)), "params.format"
        )
    calibrate = fields.raw("calibrate")
    if calibrate not in (None, 0, 1, True, False) or isinstance(calibrate, float):
        raise RequestError(tr("must be 0 or 1, not {value}").format(value=json.dumps(calibrate)), "params.calibrate")
    return JpegParams(
        scene=scene,
        bm_type=bm_type,
        geometry=fields.area(required=False, allow_multipolygon=True),
        name_alias=fields.string("name_alias"),
        resample=resample,
        colormap=fields.string("colormap"),
        levels=_levels(fields),
        colors_limit=fields.integer("colors_limit", minimum=2, maximum=api_rules.MAX_COLORS_LIMIT),
        calibrate=bool(calibrate),
        px_size=fields.number("px_size", positive=True),
        format=output_format,
        reference=fields.reference(required=False),
        exclude_cover_pixels=fields.boolean("exclude_cover_pixels", False),
    )


def _validate_bandmath(fields: _Fields) -> BandmathParams:
    scene = fields.scene()
    return BandmathParams(
        scene=scene,
        bm_type=_expressions(fields, scene),
        geometry=fields.area(required=False, allow_multipolygon=True),
        name_alias=fields.string("name_alias"),
        reference=fields.reference(required=True),
        exclude_cover_pixels=fields.boolean("exclude_cover_pixels", False),
    )


def _validate_mt_stats(fields: _Fields) -> MtStatsParams:
    from .expressions import parse_expression, split_expressions
    from .indices import is_index_name

    bm_type = fields.string_list("bm_type", required=True)
    expressions: list[str] = []
    for item in bm_type:  # no scene yet: the syntax only; each scene's bands are checked when it is computed
        for text in split_expressions(item):
            text = text.strip()
            if not is_index_name(text) and not parse_expression(text).bands():
                message = tr("{value} uses no band: give at least one band or index")
                raise RequestError(message.format(value=repr(text)), "params.bm_type")
            if text in expressions:
                raise RequestError(tr("{item} is listed twice").format(item=text), "params.bm_type")
            expressions.append(text)
    if len(expressions) > api_rules.MAX_MT_STATS_INDICES:
        message = tr("at most {maximum} indices, not {count}")
        raise RequestError(
            message.format(maximum=api_rules.MAX_MT_STATS_INDICES, count=len(expressions)), "params.bm_type"
        )
    start, end = fields.date("date_start"), fields.date("date_end")
    if end < start:
        message = tr("{date_end} is before date_start {date_start}")
        raise RequestError(message.format(date_end=end, date_start=start), "params.date_end")
    sensors = fields.string_list("sensors", required=False)
    for name in sensors or ():
        if name.lower() not in SENSOR_NAMES:
            message = tr("{name} is not a sensor (e.g. sentinel2, landsat8, S2, L8, S2L2A)")
            raise RequestError(message.format(name=repr(name)), "params.sensors")
    limit = fields.integer("limit", minimum=1)
    return MtStatsParams(
        bm_type=bm_type,
        date_start=start,
        date_end=end,
        geometry=fields.area(required=True, allow_multipolygon=False),
        reference=fields.reference(required=True),
        sensors=sensors,
        limit=api_rules.DEFAULT_MT_STATS_LIMIT if limit is None else limit,
        max_cloud_cover_in_aoi=fields.number("max_cloud_cover_in_aoi", minimum=0, maximum=100),
        exclude_cover_pixels=fields.boolean("exclude_cover_pixels", False),
        cloud_masking_level=fields.number("cloud_masking_level"),
    )


_VALIDATORS: dict[str, Callable[[_Fields], TaskParams]] = {
    "lbe": _validate_lbe,
    "jpeg": _validate_jpeg,
    "bandmath": _validate_bandmath,
    "mt_stats": _validate_mt_stats,
}


# --- building requests (the dock, Processing) -------------------------------------------------

_references_lock = threading.Lock()
_last_reference: list = ["", 0]  # the last stem given and how many times


def new_reference(task_type: str) -> str:
    """A reference a person can read, e.g. in a file name: `lbe-plugin-mt_stats-20250301-142530`
    (local time), `-2`, `-3` ... for more in the same second of this process."""
    stem = f"lbe-plugin-{task_type}-{dt.datetime.now():%Y%m%d-%H%M%S}"
    with _references_lock:
        count = _last_reference[1] + 1 if _last_reference[0] == stem else 1
        _last_reference[:] = [stem, count]
    return stem if count == 1 else f"{stem}-{count}"


def lbe_request(
    view_id: str,
    bands: list[str],
    geometry: dict,
    merge: bool = api_rules.DEFAULT_MERGE,
    metadata: list[str] | None = None,
    reference: str | None = None,
) -> TaskRequest:
    params: dict[str, Any] = {"view_id": view_id, "bands": list(bands), "geometry": geometry, "merge": merge}
    if metadata:
        params["metadata"] = list(metadata)
    params["reference"] = reference or new_reference("lbe")
    return TaskRequest({"type": "lbe", "params": params})


def bandmath_request(
    view_id: str, bm_type: str, geometry: dict | None, name_alias: str | None = None, reference: str | None = None,
    exclude_cover_pixels: bool = False,
) -> TaskRequest:
    params: dict[str, Any] = {"view_id": view_id, "bm_type": bm_type}
    if geometry is not None:
        params["geometry"] = geometry
    if name_alias:
        params["name_alias"] = name_alias
    if exclude_cover_pixels:  # left out when false: the request the API documents
        params["exclude_cover_pixels"] = True
    params["reference"] = reference or new_reference("bandmath")
    return TaskRequest({"type": "bandmath", "params": params})


def jpeg_request(
    view_id: str,
    bm_type: str,
    geometry: dict | None,
    resample: str = api_rules.DEFAULT_RESAMPLE,
    output_format: str = api_rules.DEFAULT_JPEG_FORMAT,
    px_size: float | None = None,
    levels: tuple[float, float] | str | None = None,
    colormap: str | None = None,
    colors_limit: int | None = None,
    calibrate: bool = False,
    name_alias: str | None = None,
    reference: str | None = None,
    exclude_cover_pixels: bool = False,
) -> TaskRequest:
    """A jpeg request with only the parameters that differ from the API's defaults spelled out.
    `levels` as numbers, or as the API's text `low,high` (checked by validate(), as any request's)."""
    params: dict[str, Any] = {"view_id": view_id, "bm_type": bm_type}
    if geometry is not None:
        params["geometry"] = geometry
    params["resample"] = resample
    params["format"] = output_format
    if px_size:
        params["px_size"] = px_size
    if isinstance(levels, str):
        if levels.strip():
            params["levels"] = levels.strip()
    elif levels is not None:
        params["levels"] = f"{levels[0]:g},{levels[1]:g}"
    if colormap:
        params["colormap"] = colormap
        if colors_limit:
            params["colors_limit"] = colors_limit
    if calibrate:
        params["calibrate"] = 1
    if name_alias:
        params["name_alias"] = name_alias
    if exclude_cover_pixels:
        params["exclude_cover_pixels"] = True
    params["reference"] = reference or new_reference("jpeg")
    return TaskRequest({"type": "jpeg", "params": params})


def mt_stats_request(
    bm_type: list[str],
    date_start: str,
    date_end: str,
    geometry: dict | None,
    sensors: list[str] | None = None,
    limit: int | None = None,
    max_cloud_cover_in_aoi: float | None = None,
    exclude_cover_pixels: bool = False,
    reference: str | None = None,
) -> TaskRequest:
    params: dict[str, Any] = {"bm_type": list(bm_type), "date_start": date_start, "date_end": date_end}
    if geometry is not None:
        params["geometry"] = geometry
    if sensors:
        params["sensors"] = list(sensors)
    if limit is not None and limit != api_rules.DEFAULT_MT_STATS_LIMIT:
        params["limit"] = limit
    if max_cloud_cover_in_aoi is not None:
        params["max_cloud_cover_in_aoi"] = max_cloud_cover_in_aoi
    if exclude_cover_pixels:
        params["exclude_cover_pixels"] = True
    params["reference"] = reference or new_reference("mt_stats")
    return TaskRequest({"type": "mt_stats", "params": params})
