"""A series to load: the index of every date of a statistics chart, as bandmath requests.

The statistics dock's "Load the series" turns the chart of one index (an mt_stats answer read by
core.statistics) into one `bandmath` request per scene, over the AOI of the statistics request, and
one colour range for all of them, so that a colour means the same value on every date:
- the index's known range from the catalog (core.indices' display_range: NDVI -1..1) when it has one;
- else the series' own figures: the lowest `min` and highest `max` of the chart's dates.
A scene the answer gives no view_id for cannot be asked for and is left out (the chart says so when
it is clicked). Several scenes of one date (two tiles, two sensors) are each loaded.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from .i18n import tr
from .indices import display_range
from .request import TaskRequest, bandmath_request, new_reference
from .statistics import StatsData


@dataclass(frozen=True)
class SeriesScene:
    date: dt.date
    view_id: str


@dataclass(frozen=True)
class SeriesPlan:
    """What "Load the series" runs: `index` (an expression of the statistics request) over
    `geometry` for each of `scenes` (sorted by date), coloured over `value_range`."""

    index: str
    geometry: dict | None = field(compare=False)
    scenes: tuple[SeriesScene, ...]
    value_range: tuple[float, float] | None
    reference: str  # the stem of the requests' references: each date's adds its scene
    # The statistics left cloud pixels out: the maps leave them out too, so a colour is a figure's value.
    exclude_cover_pixels: bool = False
    feature: str | None = None  # the id of the many-polygon run's polygon that `geometry` is; None: one AOI

    @property
    def first_date(self) -> dt.date:
        return self.scenes[0].date

    @property
    def last_date(self) -> dt.date:
        return self.scenes[-1].date

    def title(self) -> str:
        """`NDVI series 2009-04-30 to 2009-10-23` (`NDVI series of polygon 7 2009-04-30 to 2009-10-23`):
        the layer group and the task list say it."""
        if self.feature is not None:
            return tr("{index} series of polygon {id} {first} to {last}").format(
                index=self.index, id=self.feature, first=self.first_date.isoformat(), last=self.last_date.isoformat())
        return tr("{index} series {first} to {last}").format(
            index=self.index, first=self.first_date.isoformat(), last=self.last_date.isoformat())

    def requests(self) -> list[TaskRequest]:
        """One bandmath request per scene, in the order of `scenes`."""
        return [bandmath_request(scene.view_id, self.index, self.geometry,
                                 reference=f"{self.reference}-{number:03d}",
                                 exclude_cover_pixels=self.exclude_cover_pixels)
                for number, scene in enumerate(self.scenes, start=1)]


def index_expression(index: str, params: dict) -> str:
    """The expression to run for the chart's `index`: the index itself when the statistics request
    names it; a flat answer calls its one index "index", and then the request's first expression is it."""
    names = params.get("bm_type") or []
    if isinstance(names, str):
        names = [names]
    return index if index in names or not names else str(names[0])


def series_range(index: str, data: StatsData, chart_index: str) -> tuple[float, float] | None:
    """One colour range for every date: the catalog's range of `index`, else the lowest `min`
    and the highest `max` of the chart's series `chart_index`; None when neither exists."""
    known = display_range(index)
    if known is not None:
        return known
    rows = data.series(chart_index).rows
    lows = [row.min for row in rows if row.min is not None and math.isfinite(row.min)]
    highs = [row.max for row in rows if row.max is not None and math.isfinite(row.max)]
    if not lows or not highs or max(highs) <= min(lows):
        return None
    return min(lows), max(highs)


def plan_series(data: StatsData | None, chart_index: str | None, params: dict) -> SeriesPlan | None:
    """The series of the chart's index `chart_index` over the AOI of the statistics request
    `params`; None when there is nothing to load (no chart, no scene with a view_id)."""
    if data is None or not chart_index or chart_index not in data.indices:
        return None
    scenes: list[SeriesScene] = []
    for row in data.series(chart_index).rows:
        if row.view_id and all(scene.view_id != row.view_id for scene in scenes):
            scenes.append(SeriesScene(row.date, row.view_id))
    if not scenes:
        return None
    scenes.sort(key=lambda scene: scene.date)
    index = index_expression(chart_index, params)
    feature = params.get("feature")
    return SeriesPlan(index, params.get("geometry"), tuple(scenes), series_range(index, data, chart_index),
                      new_reference("bandmath-series"), bool(params.get("exclude_cover_pixels")),
                      None if feature is None else str(feature))
