"""A pixel's history on the local processor: the index at one point on every scene of a date range.

For every scene of the source that holds the point (lon/lat), dated within [date_start, date_end]
and of the `sensors` asked (all when none), up to `limit` scenes in date order, each index of
`bm_type` is computed as `mt_stats` computes it (core/local/mt_stats.py: the same band transforms
and calibration, on the grid of the index's coarsest band, finer bands averaged onto it), but only
at the pixel of that grid that contains the point: one pixel per band is read (the f x f pixels of
a finer band that make it), and one of the scene's cloud mask, never the scene. Scenes are read in
parallel, as `mt_stats` does.

Each scene's pixel gets a cloud flag from the scene's mask at that pixel (taken onto the index's
grid as `mt_stats` takes it: nearest neighbour, or the most frequent class onto a coarser grid):
"cloud", "shadow" (a mask that has no shadow class never says it), "clear", or "unknown" (no mask,
the mask's fill, or the pixel beyond the mask).

The answer has the shape of an `mt_stats` answer, so that everything reading those (the statistics
dock's chart, hover, click-to-load and "Load the series", the CSV) reads it unchanged:
{"errors": [...], "result": [...]}, one result entry per scene, sorted by date, with `date`,
`scene_id`, `view_id` and:
- the pixel's value as each of the ten figures (min = max = average = median = q1 = q3 = p10 =
  p90 = the value; std = variance = 0), and also as `value`; all None where the pixel has no data
  (a band's nodata, a non-finite result) or, with `exclude_cover_pixels`, where the flag is not
  "clear";
- `pixel`: {"flag", "column", "row", "resolution"}: the cloud flag and where the pixel is on the
  index's grid;
- `cloud`: the flag as a percent for the chart's cloud bars: 100 for cloud or shadow, 0 for clear,
  None for unknown.
With several indices the figures (and `value`, `pixel`) are nested under "indexes", as in `mt_stats`,
and `cloud` is that of the first index. A scene that cannot give any index (a band it lacks, a
raster that does not reach the point) is in `errors` with its reason. A point that no scene of the
dates holds is a DataError saying so.

In QGIS a history stands for an `mt_stats` request (`pixel_request`): the statistics form's indices,
dates, sensors, limit and cloud exclusion, over a square of NEIGHBOURHOOD_M around the point, which
is what a click on a date of the chart (and "Load the series") loads. The cloud limit of the form
does not apply: a pixel is clear or not, as its flag says.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from osgeo import ogr

from ..calibration import index_scale, stored_value_transforms
from ..errors import DataError, LoadByExtentError, RequestError
from ..expressions import evaluate
from ..feedback import FeedbackLike, ProgressRange, cancel_check, check_cancelled, report
from ..gdal_support import srs_from_wkt, thread_config, thread_config_of, transform_geometry, wgs84
from ..http_raster import HTTP_CONFIG_KEYS
from ..i18n import tr
from ..indices import ResolvedExpression, resolve_bm_type
from ..request import MtStatsParams, TaskRequest, mt_stats_request, new_reference
from ..scenes import Scene, SceneStoreSet, date_order
from ..sources import SceneSource
from .bandmath import BandOnGrid, coarsest
from .cloud_mask import BQA_COLLECTION1, FMASK, QA_PIXEL, SCL, CloudMask, categorical_on_grid, cloud_mask_of
from .mt_stats import FIGURES, scene_threads
from .raster import BandSource, Grid, Window

NEIGHBOURHOOD_M = 1000.0  # the side of the square around the point that a date of the chart loads
_METRES_PER_DEGREE = 111_320.0
CLOUD, SHADOW, CLEAR, UNKNOWN = "cloud", "shadow", "clear", "unknown"
FLAG_CLOUD_PERCENT = {CLOUD: 100.0, SHADOW: 100.0, CLEAR: 0.0, UNKNOWN: None}
# Which of the values a mask flags are cloud shadow, by the masks' definitions (core/local/cloud_mask.py):
# Fmask class 2, QA_PIXEL bit 4, collection 1 BQA bits 7-8 at high confidence, SCL class 3. A mask not
# here (Landsat 8 pre-collection BQA) has no shadow class: all it flags is cloud.
SHADOW_OF_MASK: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    FMASK.kind: lambda v: v == 2,
    QA_PIXEL.kind: lambda v: ((v.astype(np.int64) >> 4) & 1) == 1,
    BQA_COLLECTION1.kind: lambda v: ((v.astype(np.int64) >> 7) & 3) == 3,
    SCL.kind: lambda v: v == 3,
}


def point_geometry(lon: float, lat: float) -> dict:
    """The point as a GeoJSON geometry (what a scene search takes)."""
    return {"type": "Point", "coordinates": [lon, lat]}


def check_point(lon: float, lat: float) -> None:
    """RequestError unless (lon, lat) is a point on the Earth in degrees."""
    if not all(isinstance(value, (int, float)) and math.isfinite(value) for value in (lon, lat)):
        raise RequestError(tr("the point needs a longitude and a latitude in degrees"), "point")
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        raise RequestError(tr("the point {lon}, {lat} is not a longitude and latitude in degrees").format(
            lon=f"{lon:g}", lat=f"{lat:g}"), "point")


def square_around(lon: float, lat: float, side_m: float) -> dict:
    """A GeoJSON square of about `side_m` metres a side centred on the point (lon/lat)."""
    half_lat = side_m / 2 / _METRES_PER_DEGREE
    half_lon = half_lat / max(math.cos(math.radians(min(abs(lat), 85.0))), 1e-6)
    south, north = max(lat - half_lat, -90.0), min(lat + half_lat, 90.0)
    west, east = lon - half_lon, lon + half_lon
    return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north],
                                                 [west, south]]]}


def pixel_request(lon: float, lat: float, parameters: dict, reference: str | None = None) -> TaskRequest:
    """The mt_stats request a pixel's history stands for: `parameters` (the keyword arguments of
    core.request.mt_stats_request but the AOI; the cloud limit left out) over the square of
    NEIGHBOURHOOD_M around the point. Validate it to check the parameters."""
    check_point(lon, lat)
    kept = {name: value for name, value in parameters.items() if name != "max_cloud_cover_in_aoi"}
    return mt_stats_request(geometry=square_around(lon, lat, NEIGHBOURHOOD_M),
                            reference=reference or new_reference("pixel"), **kept)


def history_of(source: SceneSource | SceneStoreSet, lon: float, lat: float, params: MtStatsParams,
               feedback: FeedbackLike | None = None) -> dict:
    """pixel_history with the indices, dates, sensors, limit and cloud exclusion of validated params."""
    return pixel_history(source, lon, lat, params.bm_type, params.date_start, params.date_end, params.sensors,
                         params.limit, params.exclude_cover_pixels, feedback)


@dataclass(frozen=True)
class PixelValue:
    """One index at the pixel of one scene."""

    value: float | None  # None: no data there (or, when clouds are excluded, not clear)
    flag: str  # CLOUD, SHADOW, CLEAR or UNKNOWN
    column: int  # of the pixel on the index's grid
    row: int
    resolution: float


@dataclass
class _ScenePixel:
    scene: Scene
    indices: dict[str, PixelValue | None] = field(default_factory=dict)  # label -> None: this scene cannot give it
    error: str | None = None


def pixel_flag(mask: CloudMask | None, source: BandSource | None, grid: Grid, window: Window) -> str:
    """The cloud flag of the mask's class at the window's one pixel of `grid`."""
    if mask is None or source is None:
        return UNKNOWN
    classes, not_covered = categorical_on_grid(source, grid, window)
    if not_covered is not None and bool(not_covered[0, 0]):
        return UNKNOWN
    return class_flag(mask, int(classes[0, 0]))


def class_flag(mask: CloudMask, value: int) -> str:
    """The cloud flag of one value of the mask."""
    values = np.array([value])
    if bool(mask.unobserved(values)[0]):
        return UNKNOWN
    if not bool(mask.flagged(values)[0]):
        return CLEAR
    shadow = SHADOW_OF_MASK.get(mask.kind)
    return SHADOW if shadow is not None and bool(shadow(values)[0]) else CLOUD


class _PixelReader:
    """What the indices of one scene share: its band files opened once, its band transforms, the
    point in each CRS met, the flag on each grid met."""

    def __init__(self, scene: Scene, lon: float, lat: float, band_names: set[str]) -> None:
        self.scene = scene
        self.lon, self.lat = lon, lat
        self.mask = cloud_mask_of(scene)
        self.transforms = stored_value_transforms(scene, band_names)
        self._opened: dict[str, BandSource] = {}
        self._flags: dict[tuple[Grid, Window], str] = {}

    def band(self, name: str) -> BandSource:
        if name not in self._opened:
            self._opened[name] = BandSource(name, self.scene.band_path(name))
        return self._opened[name]

    def pixel_of(self, grid: Grid) -> Window | None:
        """The 1 x 1 window of `grid` whose pixel contains the point; None when the raster does not reach it."""
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(self.lon, self.lat)
        x, y = transform_geometry(point, wgs84(), srs_from_wkt(grid.crs_wkt)).GetPoint_2D(0)
        gt = grid.geotransform
        column, row = math.floor((x - gt[0]) / gt[1]), math.floor((y - gt[3]) / gt[5])
        if not (0 <= column < grid.width and 0 <= row < grid.height):
            return None
        return Window(column, row, 1, 1)

    def flag(self, grid: Grid, window: Window) -> str:
        if (grid, window) not in self._flags:
            source = self.band(self.mask.band) if self.mask is not None else None
            self._flags[grid, window] = pixel_flag(self.mask, source, grid, window)
        return self._flags[grid, window]

    def value(self, expression: ResolvedExpression, only_clear: bool) -> PixelValue:
        """The index at the point; DataError when a band is missing or the raster misses the point."""
        names = sorted(expression.bands)
        try:
            sources = {name: self.band(name) for name in names}
        except DataError as error:
            raise DataError(error.message, "params.bm_type") from None
        grid = coarsest(list(sources.values())).grid
        window = self.pixel_of(grid)
        if window is None:
            raise DataError(tr("the scene's raster does not reach the point"))
        read = {name: BandOnGrid(source, grid, window, self.transforms.get(name)).read(0, 1)
                for name, source in sources.items()}
        flag = self.flag(grid, window)
        values = np.broadcast_to(evaluate(expression.node, {name: read[name][0] for name in names}), (1, 1))
        value = float(values[0, 0])
        valid = math.isfinite(value) and not any(bool(read[name][1][0, 0]) for name in names)
        if only_clear and flag != CLEAR:
            valid = False
        return PixelValue(value if valid else None, flag, window.xoff, window.yoff, grid.resolution)

    def close(self) -> None:
        for source in self._opened.values():
            source.close()
        self._opened.clear()


def _scene_pixel(scene: Scene, lon: float, lat: float, bm_type: Sequence[str], only_clear: bool,
                 is_canceled: Callable[[], bool]) -> _ScenePixel:
    answer = _ScenePixel(scene)
    if is_canceled():
        return answer
    try:
        expressions = resolve_bm_type(list(bm_type), scene.sensor, scale=index_scale(scene))
        reader = _PixelReader(scene, lon, lat, {name for e in expressions for name in e.bands})
        try:
            problems = []  # an index this scene cannot give must not hide the others
            for expression in expressions:
                try:
                    answer.indices[expression.label] = reader.value(expression, only_clear)
                except DataError as error:
                    problems.append(error.message)
                    answer.indices[expression.label] = None
            if all(value is None for value in answer.indices.values()):
                answer.error = "; ".join(problems)
        finally:
            reader.close()
    except LoadByExtentError as error:
        answer.error = error.message
    return answer


def _figures(pixel: PixelValue | None) -> dict:
    value = None if pixel is None else pixel.value
    figures: dict[str, object] = dict.fromkeys(FIGURES, value)
    if value is not None:
        figures.update(std=0.0, variance=0.0)
    figures["value"] = value
    if pixel is not None:
        figures["pixel"] = {"flag": pixel.flag, "column": pixel.column, "row": pixel.row,
                            "resolution": pixel.resolution}
    return figures


def _entry(answer: _ScenePixel) -> dict:
    scene = answer.scene
    first = next((pixel for pixel in answer.indices.values() if pixel is not None), None)
    entry: dict[str, object] = {
        "date": scene.date.isoformat() if scene.date else None,
        "scene_id": scene.scene_id.scene_name,
        "view_id": scene.view_id,
        "cloud": FLAG_CLOUD_PERCENT[first.flag] if first is not None else None,
    }
    if len(answer.indices) == 1:
        entry.update(_figures(first))
    else:
        entry["indexes"] = {label: _figures(pixel) for label, pixel in answer.indices.items()}
    return entry


def _error(answer: _ScenePixel) -> dict:
    scene = answer.scene
    return {"status": False, "date": scene.date.isoformat() if scene.date else None,
            "scene_id": scene.scene_id.scene_name, "view_id": scene.view_id, "error": answer.error}


def pixel_history(source: SceneSource | SceneStoreSet, lon: float, lat: float, bm_type: Sequence[str],
                  date_start: dt.date, date_end: dt.date, sensors: Sequence[str] | None = None,
                  limit: int | None = None, exclude_cover_pixels: bool = False,
                  feedback: FeedbackLike | None = None) -> dict:
    """The index (or indices) of `bm_type` at the point (lon, lat) on every scene of `source` in the
    dates, as an mt_stats answer (see the module's text). DataError when no scene holds the point."""
    check_point(lon, lat)
    if not bm_type:
        raise RequestError(tr("give at least one index or expression"), "params.bm_type")
    found = source.search(aoi=point_geometry(lon, lat), start=date_start, end=date_end,
                          sensors=list(sensors) if sensors else None, feedback=feedback)
    scenes = sorted(found[0] if isinstance(found, tuple) else found, key=date_order)[:limit]
    if not scenes:
        raise DataError(tr("no scene of the scene sources holds the point {lat}, {lon} between {start} and "
                           "{end}").format(lat=_degrees(lat, "N", "S"), lon=_degrees(lon, "E", "W"),
                                           start=date_start.isoformat(), end=date_end.isoformat()))
    report(feedback, tr("{count} scene(s) between {date_start} and {date_end} hold the point").format(
        count=len(scenes), date_start=date_start.isoformat(), date_end=date_end.isoformat()))
    progress = ProgressRange(feedback, 0, 100)
    is_canceled = cancel_check(feedback)
    inherited = thread_config_of(HTTP_CONFIG_KEYS)  # the scenes' threads read over HTTP as this one does

    def answer(scene: Scene) -> _ScenePixel:
        with thread_config(**inherited):
            return _scene_pixel(scene, lon, lat, bm_type, exclude_cover_pixels, is_canceled)

    answers: list[_ScenePixel] = []
    with ThreadPoolExecutor(max_workers=scene_threads(scenes), thread_name_prefix="lbe-pixel") as pool:
        futures = [pool.submit(answer, scene) for scene in scenes]
        try:
            for number, future in enumerate(futures, start=1):
                answers.append(future.result())
                check_cancelled(feedback)
                progress.set(number / len(futures))
        finally:
            for future in futures:
                future.cancel()
    return {"errors": [_error(each) for each in answers if each.error is not None],
            "result": [_entry(each) for each in answers if each.error is None]}


def _degrees(value: float, positive: str, negative: str) -> str:
    """39.71234° N: five decimals, a metre or so."""
    return f"{abs(value):.5f}° {positive if value >= 0 else negative}"
