"""The area of interest: GeoJSON polygons in EPSG:4326, validated, and turned into OGR geometries."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence

import numpy as np
from osgeo import ogr

from .errors import RequestError
from .gdal_support import GdalMessages
from .i18n import tr

Position = tuple[float, float]
Ring = list[Position]


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _ring(field: str, value: object, index: str) -> Ring:
    if not isinstance(value, list):
        raise RequestError(tr("ring {ring} must be a list of [lon, lat] positions").format(ring=index), field)
    points: Ring = []
    for number, position in enumerate(value):
        if (
            not isinstance(position, list)
            or len(position) not in (2, 3)
            or not all(_is_number(coordinate) for coordinate in position)
        ):
            message = tr("ring {ring}, position {position} is not [lon, lat] with finite numbers")
            raise RequestError(message.format(ring=index, position=number), field)
        lon, lat = float(position[0]), float(position[1])
        if not -180 <= lon <= 180 or not -90 <= lat <= 90:
            if -90 <= lon <= 90 and -180 <= lat <= 180:
                message = tr(
                    "ring {ring}, position {position} ({lon}, {lat}) is outside lon -180..180, lat -90..90"
                    " (coordinates are [lon, lat] in that order)"
                )
            else:
                message = tr("ring {ring}, position {position} ({lon}, {lat}) is outside lon -180..180, lat -90..90")
            raise RequestError(message.format(ring=index, position=number, lon=f"{lon:g}", lat=f"{lat:g}"), field)
        points.append((lon, lat))
    if len(points) < 4:
        message = tr("ring {ring} has {count} positions; a ring needs at least 4 (closed)")
        raise RequestError(message.format(ring=index, count=len(points)), field)
    if points[0] != points[-1]:
        message = tr("ring {ring} is not closed: its last position must repeat its first")
        raise RequestError(message.format(ring=index), field)
    if len(set(points[:-1])) < 3:
        raise RequestError(tr("ring {ring} has fewer than 3 distinct positions").format(ring=index), field)
    if _collinear(points):
        raise RequestError(tr("ring {ring} has no area: its positions lie on one line").format(ring=index), field)
    return points


def _collinear(ring: Sequence[Position]) -> bool:
    (x0, y0) = ring[0]
    far = max(ring, key=lambda p: abs(p[0] - x0) + abs(p[1] - y0))
    return all((far[0] - x0) * (y - y0) - (far[1] - y0) * (x - x0) == 0 for x, y in ring)


# GEOS says why a polygon is invalid, and where, in a warning: "Self-intersection at or near point 5 5".
_GEOS_REASON = re.compile(r"(?P<reason>.+?) at or near point (?P<x>\S+?),? (?P<y>\S+)")


def _invalid_message(rings: dict[str, Ring], geos_messages: Sequence[str]) -> str:
    """Why GEOS found the polygon invalid, and where, in our words: from GEOS's own validity
    reason and location (near-linear work, unlike comparing every segment with every other)."""
    for text in geos_messages:
        match = _GEOS_REASON.fullmatch(text.strip())
        if not match:
            continue
        try:
            point = (float(match["x"]), float(match["y"]))
        except ValueError:
            continue
        lon, lat = f"{point[0]:.6f}", f"{point[1]:.6f}"
        reason = match["reason"].strip()
        if "self-intersection" in reason.lower():
            near = _rings_through(rings, point)
            if len(near) == 1:
                message = tr("self-intersecting: ring {ring} crosses itself near ({lon}, {lat})")
                return message.format(ring=near[0], lon=lon, lat=lat)
            if len(near) > 1:
                message = tr("self-intersecting: rings {ring} and {other} cross each other near ({lon}, {lat})")
                return message.format(ring=near[0], other=near[1], lon=lon, lat=lat)
            return tr("self-intersecting near ({lon}, {lat})").format(lon=lon, lat=lat)
        explained = _GEOS_REASONS.get(reason.lower())
        message = tr("invalid polygon: {reason} near ({lon}, {lat})")
        return message.format(reason=explained() if explained else reason, lon=lon, lat=lat)
    return tr("invalid polygon: rings cross each other, or a hole lies outside its shell")


_GEOS_REASONS = {  # GEOS's reasons (IsValidOp), said as the dock and the command line say things
    "hole lies outside shell": lambda: tr("a hole lies outside its shell"),
    "nested holes": lambda: tr("a hole lies inside another hole"),
    "nested shells": lambda: tr("a polygon lies inside another polygon"),
    "interior is disconnected": lambda: tr("rings touch so that the inside falls apart"),
    "duplicate rings": lambda: tr("a ring is repeated"),
}


def _rings_through(rings: dict[str, Ring], point: Position) -> list[str]:
    """The labels of the rings passing through `point` (within a hair), in order: one pass over
    the vertices."""
    found = []
    for label, ring in rings.items():
        vertices = np.asarray(ring, dtype=float)
        start, end = vertices[:-1], vertices[1:]
        direction = end - start
        length2 = (direction**2).sum(axis=1)
        offset = np.asarray(point) - start
        along = np.clip(np.divide((offset * direction).sum(axis=1), length2, out=np.zeros_like(length2),
                                  where=length2 > 0), 0.0, 1.0)
        distance2 = ((start + along[:, None] * direction - np.asarray(point)) ** 2).sum(axis=1)
        scale = max(1.0, float(np.abs(vertices).max()))
        if distance2.size and float(distance2.min()) <= (1e-9 * scale) ** 2:
            found.append(label)
    return found


def _polygon_rings(field: str, coordinates: object, label: str) -> list[Ring]:
    if not isinstance(coordinates, list) or not coordinates:
        raise RequestError(tr("{polygon}coordinates must be a non-empty list of rings").format(polygon=label), field)
    return [_ring(field, ring, f"{label}{number}") for number, ring in enumerate(coordinates)]


def validate_geometry(value: object, field: str = "params.geometry", allow_multipolygon: bool = False) -> dict:
    """Check that `value` is a valid GeoJSON Polygon (or MultiPolygon) in lon/lat; return it.

    The returned dict is a clean copy (2D positions as floats); the request itself is untouched.
    """
    if not isinstance(value, dict):
        if allow_multipolygon:
            raise RequestError(tr("must be a GeoJSON Polygon or MultiPolygon object"), field)
        raise RequestError(tr("must be a GeoJSON Polygon object"), field)
    kind = value.get("type")
    if kind in ("Feature", "FeatureCollection"):
        if allow_multipolygon:
            message = tr("must be a GeoJSON Polygon or MultiPolygon, not a {type}: give the feature's geometry")
        else:
            message = tr("must be a GeoJSON Polygon, not a {type}: give the feature's geometry")
        raise RequestError(message.format(type=kind), field)
    if kind == "MultiPolygon" and not allow_multipolygon:
        raise RequestError(tr("must be a Polygon: this task type does not take a MultiPolygon"), field)
    if kind not in ("Polygon", "MultiPolygon"):
        if allow_multipolygon:
            message = tr("must be a GeoJSON Polygon or MultiPolygon, got type {type}")
        else:
            message = tr("must be a GeoJSON Polygon, got type {type}")
        raise RequestError(message.format(type=repr(kind)), field)
    coordinates = value.get("coordinates")
    if kind == "Polygon":
        polygons = [_polygon_rings(field, coordinates, "")]
    else:
        if not isinstance(coordinates, list) or not coordinates:
            raise RequestError(tr("coordinates must be a non-empty list of polygons"), field)
        polygons = [_polygon_rings(field, polygon, f"{number}.") for number, polygon in enumerate(coordinates)]

    clean = {
        "type": kind,
        "coordinates": [[[list(point) for point in ring] for ring in rings] for rings in polygons]
        if kind == "MultiPolygon"
        else [[list(point) for point in ring] for ring in polygons[0]],
    }
    geometry = to_ogr(clean)
    with GdalMessages() as messages:  # GEOS says why in a warning; the message below says it in our words
        valid = geometry.IsValid()
    if not valid:
        labels: dict[str, Ring] = {}
        for number, rings in enumerate(polygons):
            prefix = f"{number}." if kind == "MultiPolygon" else ""
            labels.update((f"{prefix}{index}", ring) for index, ring in enumerate(rings))
        raise RequestError(_invalid_message(labels, messages.warnings + messages.errors), field)
    return clean


def bbox_to_polygon(value: object, field: str = "params.bbox") -> dict:
    """The older `bbox` form [minx, miny, maxx, maxy] as a GeoJSON Polygon."""
    if not isinstance(value, list) or len(value) != 4 or not all(_is_number(v) for v in value):
        raise RequestError(tr("must be [min lon, min lat, max lon, max lat] with four numbers"), field)
    minx, miny, maxx, maxy = (float(v) for v in value)
    if not (-180 <= minx <= 180 and -180 <= maxx <= 180 and -90 <= miny <= 90 and -90 <= maxy <= 90):
        raise RequestError(tr("is outside lon -180..180, lat -90..90"), field)
    if minx >= maxx or miny >= maxy:
        raise RequestError(tr("min must be smaller than max: [min lon, min lat, max lon, max lat]"), field)
    ring = [[minx, miny], [maxx, miny], [maxx, maxy], [minx, maxy], [minx, miny]]
    return {"type": "Polygon", "coordinates": [ring]}


def to_ogr(geojson: dict) -> ogr.Geometry:
    """An OGR geometry (lon/lat order) of a GeoJSON geometry already checked for shape."""
    with GdalMessages():
        try:
            geometry = ogr.CreateGeometryFromJson(json.dumps(geojson))
        except RuntimeError:
            geometry = None
    if geometry is None:
        raise RequestError(tr("is not a geometry OGR can read"), "params.geometry")
    return geometry
