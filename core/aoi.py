"""The area of interest: GeoJSON polygons in EPSG:4326, validated, and turned into OGR geometries."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

from osgeo import ogr

from .errors import RequestError
from .gdal_support import GdalMessages
from .i18n import tr

Position = tuple[float, float]
Ring = list[Position]


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _ring(field: str, value, index: str) -> Ring:
    if not isinstance(value, list):
        raise RequestError(field, tr("ring {ring} must be a list of [lon, lat] positions").format(ring=index))
    points: Ring = []
    for number, position in enumerate(value):
        if (
            not isinstance(position, list)
            or len(position) not in (2, 3)
            or not all(_is_number(coordinate) for coordinate in position)
        ):
            message = tr("ring {ring}, position {position} is not [lon, lat] with finite numbers")
            raise RequestError(field, message.format(ring=index, position=number))
        lon, lat = float(position[0]), float(position[1])
        if not -180 <= lon <= 180 or not -90 <= lat <= 90:
            if -90 <= lon <= 90 and -180 <= lat <= 180:
                message = tr(
                    "ring {ring}, position {position} ({lon}, {lat}) is outside lon -180..180, lat -90..90"
                    " (coordinates are [lon, lat] in that order)"
                )
            else:
                message = tr("ring {ring}, position {position} ({lon}, {lat}) is outside lon -180..180, lat -90..90")
            raise RequestError(field, message.format(ring=index, position=number, lon=f"{lon:g}", lat=f"{lat:g}"))
        points.append((lon, lat))
    if len(points) < 4:
        message = tr("ring {ring} has {count} positions; a ring needs at least 4 (closed)")
        raise RequestError(field, message.format(ring=index, count=len(points)))
    if points[0] != points[-1]:
        message = tr("ring {ring} is not closed: its last position must repeat its first")
        raise RequestError(field, message.format(ring=index))
    if len(set(points[:-1])) < 3:
        raise RequestError(field, tr("ring {ring} has fewer than 3 distinct positions").format(ring=index))
    if _collinear(points):
        raise RequestError(field, tr("ring {ring} has no area: its positions lie on one line").format(ring=index))
    return points


def _collinear(ring: Sequence[Position]) -> bool:
    (x0, y0) = ring[0]
    far = max(ring, key=lambda p: abs(p[0] - x0) + abs(p[1] - y0))
    return all((far[0] - x0) * (y - y0) - (far[1] - y0) * (x - x0) == 0 for x, y in ring)


def _segments_cross(a: Position, b: Position, c: Position, d: Position) -> bool:
    def orient(p: Position, q: Position, r: Position) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    def on_segment(p: Position, q: Position, r: Position) -> bool:
        return min(p[0], r[0]) <= q[0] <= max(p[0], r[0]) and min(p[1], r[1]) <= q[1] <= max(p[1], r[1])

    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    if (o1 > 0) != (o2 > 0) and (o3 > 0) != (o4 > 0) and o1 != 0 and o2 != 0 and o3 != 0 and o4 != 0:
        return True
    return (
        (o1 == 0 and on_segment(a, c, b))
        or (o2 == 0 and on_segment(a, d, b))
        or (o3 == 0 and on_segment(c, a, d))
        or (o4 == 0 and on_segment(c, b, d))
    )


def self_intersection(ring: Sequence[Position]) -> Position | None:
    """Where a ring crosses or touches itself (a point near it), or None.

    Only used to explain an invalid polygon; validity itself is decided by GEOS.
    """
    segments = list(zip(ring, ring[1:]))
    count = len(segments)
    for i in range(count):
        for j in range(i + 1, count):
            if j == i + 1 or (i == 0 and j == count - 1):
                continue  # neighbours share an end point by construction
            if _segments_cross(*segments[i], *segments[j]):
                (x1, y1), (x2, y2) = segments[j]
                return ((x1 + x2) / 2, (y1 + y2) / 2)
    return None


def _polygon_rings(field: str, coordinates, label: str) -> list[Ring]:
    if not isinstance(coordinates, list) or not coordinates:
        raise RequestError(field, tr("{polygon}coordinates must be a non-empty list of rings").format(polygon=label))
    return [_ring(field, ring, f"{label}{number}") for number, ring in enumerate(coordinates)]


def validate_geometry(value, field: str = "params.geometry", allow_multipolygon: bool = False) -> dict:
    """Check that `value` is a valid GeoJSON Polygon (or MultiPolygon) in lon/lat; return it.

    The returned dict is a clean copy (2D positions as floats); the request itself is untouched.
    """
    if not isinstance(value, dict):
        if allow_multipolygon:
            raise RequestError(field, tr("must be a GeoJSON Polygon or MultiPolygon object"))
        raise RequestError(field, tr("must be a GeoJSON Polygon object"))
    kind = value.get("type")
    if kind in ("Feature", "FeatureCollection"):
        if allow_multipolygon:
            message = tr("must be a GeoJSON Polygon or MultiPolygon, not a {type}: give the feature's geometry")
        else:
            message = tr("must be a GeoJSON Polygon, not a {type}: give the feature's geometry")
        raise RequestError(field, message.format(type=kind))
    if kind == "MultiPolygon" and not allow_multipolygon:
        raise RequestError(field, tr("must be a Polygon: this task type does not take a MultiPolygon"))
    if kind not in ("Polygon", "MultiPolygon"):
        if allow_multipolygon:
            message = tr("must be a GeoJSON Polygon or MultiPolygon, got type {type}")
        else:
            message = tr("must be a GeoJSON Polygon, got type {type}")
        raise RequestError(field, message.format(type=repr(kind)))
    coordinates = value.get("coordinates")
    if kind == "Polygon":
        polygons = [_polygon_rings(field, coordinates, "")]
    else:
        if not isinstance(coordinates, list) or not coordinates:
            raise RequestError(field, tr("coordinates must be a non-empty list of polygons"))
        polygons = [_polygon_rings(field, polygon, f"{number}.") for number, polygon in enumerate(coordinates)]

    clean = {
        "type": kind,
        "coordinates": [[[list(point) for point in ring] for ring in rings] for rings in polygons]
        if kind == "MultiPolygon"
        else [[list(point) for point in ring] for ring in polygons[0]],
    }
    geometry = to_ogr(clean)
    with GdalMessages():  # GEOS reports why on stderr; the message below says it in our words
        valid = geometry.IsValid()
    if not valid:
        for rings in polygons:
            for number, ring in enumerate(rings):
                crossing = self_intersection(ring)
                if crossing is not None:
                    message = tr("self-intersecting: ring {ring} crosses itself near ({lon}, {lat})")
                    raise RequestError(
                        field, message.format(ring=number, lon=f"{crossing[0]:.6f}", lat=f"{crossing[1]:.6f}")
                    )
        raise RequestError(field, tr("invalid polygon: rings cross each other, or a hole lies outside its shell"))
    return clean


def bbox_to_polygon(value, field: str = "params.bbox") -> dict:
    """The older `bbox` form [minx, miny, maxx, maxy] as a GeoJSON Polygon."""
    if not isinstance(value, list) or len(value) != 4 or not all(_is_number(v) for v in value):
        raise RequestError(field, tr("must be [min lon, min lat, max lon, max lat] with four numbers"))
    minx, miny, maxx, maxy = (float(v) for v in value)
    if not (-180 <= minx <= 180 and -180 <= maxx <= 180 and -90 <= miny <= 90 and -90 <= maxy <= 90):
        raise RequestError(field, tr("is outside lon -180..180, lat -90..90"))
    if minx >= maxx or miny >= maxy:
        raise RequestError(field, tr("min must be smaller than max: [min lon, min lat, max lon, max lat]"))
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
        raise RequestError("params.geometry", tr("is not a geometry OGR can read"))
    return geometry
