"""The statistics chart: the series of an mt_stats answer (core/statistics.py) drawn on a matplotlib
Figure.

No Qt here: the statistics dock embeds the figure in a Qt canvas, the demo and the tests draw it
headless on matplotlib's Agg canvas. matplotlib is imported only by the functions that draw (QGIS
does not always ship it).

Every label drawn goes through core.i18n's `tr` and is formatted after it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core.i18n import tr
from ..core.statistics import StatsData, StatsError, StatsRow
from .readable_colours import GRAPHICS_CONTRAST, mix, readable

# --- drawing choices, in one place ------------------------------------------------------------------
# Data colours, a fixed qualitative palette: each index keeps its hue whatever the theme, made lighter
# where the chart's background is dark (ChartColours.series).
INDEX_COLOURS = ("#1b7837", "#2166ac", "#b2182b", "#762a83", "#e08214", "#35978f")
CLOUD_COLOUR = "#8fa8c8"  # light enough to read as "behind" on white, and on a dark background
ERROR_MARKER_Y = 0.04  # error markers sit this far up the plot area (axes fraction)
QUARTILE_ALPHA = 0.30
PERCENTILE_ALPHA = 0.12
CLOUD_ALPHA = 0.35
HOVER_TOLERANCE_PX = 6.0  # how near (pixels) the pointer must be to a date or an error marker


@dataclass(frozen=True)
class ChartColours:
    """The colours of all that is not data: text, axes, grid and background. The statistics dock
    passes its palette's (ui/theme.py), so the chart reads in a dark QGIS theme; the default,
    black on white, is for files (PNG export, the demo)."""

    background: str = "#ffffff"
    text: str = "#000000"

    @property
    def muted(self) -> str:
        """Scenes in error: half-way between text and background, still readable on it."""
        return readable(mix(self.text, self.background, 0.5), self.background, GRAPHICS_CONTRAST)

    def series(self, order: int) -> str:
        """The colour of the `order`-th index drawn: its palette colour, lightened or darkened
        just enough to read on the background."""
        return readable(INDEX_COLOURS[order % len(INDEX_COLOURS)], self.background, GRAPHICS_CONTRAST)


PRINT_COLOURS = ChartColours()


def save_png(figure: Any, path: str, dpi: int = 150) -> None:
    """Save a drawn figure as PNG on a white background."""
    figure.savefig(path, dpi=dpi, format="png", facecolor="white")


# --- drawing -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartPoint:
    """A drawn date of one index: its x (matplotlib date number) and y (the median, None if missing)."""

    index: str
    row: StatsRow
    x: float
    y: float | None


@dataclass(frozen=True)
class ChartPick:
    """What the pointer is on: a date of an index (`row`) or a scene in error (`error`)."""

    index: str | None = None
    row: StatsRow | None = None
    error: StatsError | None = None


@dataclass
class ChartArtists:
    """What draw_series drew, kept for tests and for hover and click."""

    axes: Any
    cloud_axes: Any = None
    median_lines: dict[str, Any] = field(default_factory=dict)
    quartile_bands: dict[str, Any] = field(default_factory=dict)
    percentile_band: Any = None
    whiskers: Any = None
    cloud_bars: Any = None
    error_markers: Any = None
    errors: tuple[StatsError, ...] = ()  # the errors drawn, in the order of error_markers' points
    error_x: tuple[float, ...] = ()
    points: tuple[ChartPoint, ...] = ()
    legend: Any = None

    @property
    def date_positions(self) -> tuple[float, ...]:
        """The x positions (matplotlib date numbers) of the dates drawn, sorted, once each."""
        return tuple(sorted({point.x for point in self.points}))

    def pick(self, x_pixel: float, y_pixel: float, tolerance: float = HOVER_TOLERANCE_PX) -> ChartPick | None:
        """The error marker or the date nearest to a pointer position (display pixels), within `tolerance`."""
        axes = self.axes
        box = axes.bbox
        if not (box.x0 - tolerance <= x_pixel <= box.x1 + tolerance and box.y0 - tolerance <= y_pixel <= box.y1 + tolerance):
            return None
        marker_y = axes.transAxes.transform((0.0, ERROR_MARKER_Y))[1]
        best_error = None
        for error, x in zip(self.errors, self.error_x):
            dx = abs(axes.transData.transform((x, 0.0))[0] - x_pixel)
            dy = abs(marker_y - y_pixel)
            if dx <= tolerance and dy <= tolerance * 1.5 and (best_error is None or (dx, dy) < best_error[0]):
                best_error = ((dx, dy), error)
        if best_error is not None:
            return ChartPick(error=best_error[1])
        best_point = None
        for point in self.points:
            px, py = axes.transData.transform((point.x, point.y if point.y is not None else 0.0))
            dx = abs(px - x_pixel)
            if dx > tolerance:
                continue
            key = (round(dx, 3), abs(py - y_pixel) if point.y is not None else math.inf)
            if best_point is None or key < best_point[0]:
                best_point = (key, point)
        if best_point is None:
            return None
        return ChartPick(index=best_point[1].index, row=best_point[1].row)


def _bar_width(xs: Sequence[float]) -> float:
    """Cloud bars: 60 % of the smallest gap between dates, between half a day and five days."""
    distinct = sorted(set(xs))
    gaps = [b - a for a, b in zip(distinct, distinct[1:]) if b > a]
    return min(max(min(gaps) * 0.6, 0.5), 5.0) if gaps else 2.0


def _pairs(rows: Iterable[StatsRow], xs: Sequence[float], low: str, high: str) -> tuple[list, list, list]:
    kept = [(x, row.figure(low), row.figure(high)) for x, row in zip(xs, rows)
            if row.figure(low) is not None and row.figure(high) is not None]
    return [k[0] for k in kept], [k[1] for k in kept], [k[2] for k in kept]


ONE_DATE_DAYS = 15  # a chart of one date spans this many days on either side


def draw_series(figure: Any, data: StatsData, indices: Sequence[str], overlay: bool,
                title: str | None = None, colours: ChartColours = PRINT_COLOURS) -> ChartArtists:
    """Draw `indices` of `data` on a matplotlib Figure (cleared first); return the artists.

    One index (or `overlay` false: the first of `indices`): the median line with markers, the q1-q3
    band, a lighter p10-p90 band, min-max whiskers. Several indices overlaid: each index's median
    line and q1-q3 band in its own colour, with a legend. Both: cloud percent as bars on a second y
    axis (0-100, right), the scenes in error as grey markers at the bottom of the plot area, dates on
    the x axis. Text, axes and background in `colours`.
    """
    from matplotlib import dates as mdates
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.transforms import blended_transform_factory

    figure.clear()
    figure.set_facecolor(colours.background)
    if hasattr(figure, "set_layout_engine"):  # matplotlib >= 3.6
        figure.set_layout_engine("constrained")
    else:
        figure.set_constrained_layout(True)
    axes = figure.add_subplot(1, 1, 1)
    artists = ChartArtists(axes=axes)
    names = [name for name in indices if name in data.series_by_index]
    if not overlay:
        names = names[:1]
    handles: list = []
    points: list[ChartPoint] = []

    for order, name in enumerate(names):
        series = data.series(name)
        colour = colours.series(order)
        xs = [float(mdates.date2num(row.date)) for row in series.rows]
        points.extend(ChartPoint(name, row, x, row.median) for x, row in zip(xs, series.rows))
        if not overlay:
            band_x, low, high = _pairs(series.rows, xs, "p10", "p90")
            if band_x:
                artists.percentile_band = axes.fill_between(band_x, low, high, color=colour, alpha=PERCENTILE_ALPHA,
                                                            linewidth=0, label=tr("p10–p90"))
                handles.append(artists.percentile_band)
        band_x, low, high = _pairs(series.rows, xs, "q1", "q3")
        if band_x:
            band = axes.fill_between(band_x, low, high, color=colour, alpha=QUARTILE_ALPHA, linewidth=0,
                                     label=tr("q1–q3"))
            artists.quartile_bands[name] = band
            if not overlay:
                handles.append(band)
        if not overlay:
            whisker_x, low, high = _pairs(series.rows, xs, "min", "max")
            if whisker_x:
                artists.whiskers = axes.vlines(whisker_x, low, high, colors=colour, alpha=0.6, linewidth=1.0,
                                               label=tr("min–max"))
                handles.append(artists.whiskers)
        median = [(x, row.median) for x, row in zip(xs, series.rows) if row.median is not None]
        (line,) = axes.plot([m[0] for m in median], [m[1] for m in median], color=colour, marker="o",
                            markersize=4, linewidth=1.6, zorder=3,
                            label=tr("{index} median").format(index=name) if overlay else tr("median"))
        artists.median_lines[name] = line
        handles.insert(0 if not overlay else len(handles), line)
    artists.points = tuple(points)

    if names:  # cloud per scene: the rows of the first index drawn
        rows = data.series(names[0]).rows
        clouded = [(float(mdates.date2num(row.date)), row.cloud) for row in rows if row.cloud is not None]
        cloud_axes = axes.twinx()
        artists.cloud_axes = cloud_axes
        if clouded:
            artists.cloud_bars = cloud_axes.bar([c[0] for c in clouded], [c[1] for c in clouded],
                                                width=_bar_width([c[0] for c in clouded]), color=CLOUD_COLOUR,
                                                alpha=CLOUD_ALPHA, zorder=0, label=tr("cloud %"))
            handles.append(Patch(facecolor=CLOUD_COLOUR, alpha=CLOUD_ALPHA, label=tr("cloud %")))
        cloud_axes.set_ylim(0, 100)
        cloud_axes.set_ylabel(tr("cloud %"))
        axes.set_zorder(cloud_axes.get_zorder() + 1)  # the figures over the bars
        axes.patch.set_visible(False)

    placed = [error for error in data.errors if error.date is not None]
    if placed:
        artists.errors = tuple(placed)
        artists.error_x = tuple(float(mdates.date2num(error.date)) for error in placed)
        (artists.error_markers,) = axes.plot(
            list(artists.error_x), [ERROR_MARKER_Y] * len(placed), linestyle="none", marker="o", markersize=7,
            markerfacecolor="none", markeredgecolor=colours.muted, markeredgewidth=1.5, zorder=4,
            transform=blended_transform_factory(axes.transData, axes.transAxes), label=tr("not computed"))
        handles.append(Line2D([], [], linestyle="none", marker="o", markerfacecolor="none",
                              markeredgecolor=colours.muted, label=tr("not computed")))

    if not points and not placed:
        axes.text(0.5, 0.5, tr("No statistics in this answer"), transform=axes.transAxes, ha="center",
                  va="center", color=colours.text)
        axes.set_xticks([])
        axes.set_yticks([])
    else:
        dates = {point.x for point in points} | set(artists.error_x)
        if len(dates) == 1:  # one date: a month around it (matplotlib would widen it by years)
            (only,) = dates
            axes.set_xlim(only - ONE_DATE_DAYS, only + ONE_DATE_DAYS)
        locator = mdates.AutoDateLocator()
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        axes.set_ylabel(names[0] if len(names) == 1 else tr("index value"))
        axes.grid(True, axis="y", alpha=0.3, color=colours.text)
    for each in (axes, artists.cloud_axes):
        if each is not None:
            _colour_axes(each, colours)
    if handles:  # above the plot area, clear of the data
        artists.legend = axes.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.01),
                                     ncol=min(len(handles), 3), fontsize="small", frameon=False)
        for text in artists.legend.get_texts():
            text.set_color(colours.text)
    if title:
        figure.suptitle(title, fontsize="medium", color=colours.text)
    return artists


def _colour_axes(axes: Any, colours: ChartColours) -> None:
    """Ticks, tick labels, spines and axis labels (the date offset too) in the text colour."""
    axes.set_facecolor(colours.background)
    axes.tick_params(which="both", colors=colours.text)
    for spine in axes.spines.values():
        spine.set_edgecolor(colours.text)
    for axis in (axes.xaxis, axes.yaxis):
        axis.label.set_color(colours.text)
        axis.get_offset_text().set_color(colours.text)
