"""The statistics of an mt_stats answer: read into per-index series, written as CSV, told as text.

No Qt, no matplotlib: the statistics dock and its chart (ui/stats_chart.py), Processing's table and
the command line's demo all read answers here.

An answer (docs/task-api.md#mt_stats) comes in two shapes, read alike:
- flat: each `result` item carries the figures of the one index (`min`, `max`, `average`, ...);
- nested: with several indices, each item carries `"indexes": {"NDVI": {figures}, "NDWI": {...}}`.
Scenes that could not be computed are listed in `errors` with their date and reason. Older answers
may lack `view_id`, `std` or `cloud`; figures may come as strings; dates need not be sorted and
one date may have several scenes (both are kept).

Every text goes through core.i18n's `tr` and is formatted after it.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .i18n import tr

FIGURES = ("min", "max", "average", "median", "std", "variance", "q1", "q3", "p10", "p90")
CSV_COLUMNS = ("date", "scene_id", "view_id", "index", "cloud", *FIGURES, "error")
DEFAULT_INDEX_NAME = "index"  # a flat answer's one index, when the request does not name it


# --- the data ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatsRow:
    """The figures of one index on one scene (None where the answer has none)."""

    date: dt.date
    scene_id: str
    view_id: str | None
    cloud: float | None
    min: float | None = None
    max: float | None = None
    average: float | None = None
    median: float | None = None
    std: float | None = None
    variance: float | None = None
    q1: float | None = None
    q3: float | None = None
    p10: float | None = None
    p90: float | None = None

    def figure(self, name: str) -> float | None:
        if name not in FIGURES:
            raise KeyError(name)
        return getattr(self, name)


@dataclass(frozen=True)
class StatsError:
    """A scene the service could not compute, and why."""

    date: dt.date | None
    scene_id: str
    view_id: str | None
    reason: str


@dataclass(frozen=True)
class StatsSeries:
    """One index over time: rows sorted by date (several scenes of one date kept in answer order)."""

    name: str
    rows: tuple[StatsRow, ...]

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(row.date for row in self.rows)

    def values(self, figure: str) -> tuple[float | None, ...]:
        """One figure (`median`, `q1`, ...) for every row."""
        return tuple(row.figure(figure) for row in self.rows)

    def rows_on(self, date: dt.date) -> tuple[StatsRow, ...]:
        return tuple(row for row in self.rows if row.date == date)

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class StatsData:
    """An mt_stats answer read: one series per index, and the scenes in error."""

    indices: tuple[str, ...]
    series_by_index: dict[str, StatsSeries] = field(compare=False)
    errors: tuple[StatsError, ...] = ()

    def series(self, name: str) -> StatsSeries:
        return self.series_by_index[name]

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """Every date with figures, once each, sorted."""
        return tuple(sorted({row.date for series in self.series_by_index.values() for row in series.rows}))



def _number(value: Any) -> float | None:
    """A figure as a float: numbers and numeric strings; None for missing, empty, NaN or junk."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


_DATE = re.compile(r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})")


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = _DATE.match(value)
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _names(bm_type: str | Sequence[str] | None) -> list[str]:
    if bm_type is None:
        return []
    if isinstance(bm_type, str):
        return [bm_type.strip()] if bm_type.strip() else []
    return [str(name).strip() for name in bm_type if str(name).strip()]


def _index_figures(item: dict) -> dict[str, dict] | None:
    """The nested figures of one result item, `{index: {figures}}`, or None for a flat item."""
    nested = item.get("indexes", item.get("indices"))
    if isinstance(nested, dict):
        return {str(name): figures for name, figures in nested.items() if isinstance(figures, dict)}
    if isinstance(nested, list):  # a list of {"name": ..., figures} is read too
        named = {}
        for figures in nested:
            if isinstance(figures, dict):
                name = _text(figures.get("name") or figures.get("index") or figures.get("bm_type"))
                if name:
                    named[name] = figures
        return named
    return None


def _row(item: dict, figures: dict | None, date: dt.date) -> StatsRow:
    figures = figures or {}
    cloud = _number(item.get("cloud"))
    if cloud is None:
        cloud = _number(figures.get("cloud"))
    return StatsRow(
        date=date,
        scene_id=_text(item.get("scene_id", item.get("sceneID"))) or "",
        view_id=_text(item.get("view_id")),
        cloud=cloud,
        **{name: _number(figures.get(name)) for name in FIGURES},
    )


def _error(item: Any) -> StatsError:
    if not isinstance(item, dict):
        return StatsError(None, "", None, str(item))
    reason = item.get("error") or item.get("error_message") or item.get("message") or item.get("detail")
    return StatsError(
        date=_date(item.get("date")),
        scene_id=_text(item.get("scene_id", item.get("sceneID"))) or "",
        view_id=_text(item.get("view_id")),
        reason=str(reason) if reason not in (None, "") else "",
    )


def parse_statistics(answer: Any, bm_type: str | Sequence[str] | None = None) -> StatsData:
    """Read an mt_stats answer (flat or nested per index) into per-index series and errors.

    `bm_type` (the request's index names) names the one index of a flat answer; without it that
    index is called "index". Items without a usable date are left out of the series.
    """
    if isinstance(answer, list):
        answer = {"result": answer}
    if not isinstance(answer, dict):
        answer = {}
    results = answer.get("result", answer.get("results"))
    if isinstance(results, dict):
        results = [results]
    errors = answer.get("errors")
    if isinstance(errors, (dict, str)):
        errors = [errors]

    names = _names(bm_type)
    flat_name = names[0] if len(names) == 1 else (",".join(names) if names else DEFAULT_INDEX_NAME)
    indices: list[str] = []
    items: list[tuple[dt.date, dict, dict[str, dict]]] = []
    for item in results if isinstance(results, list) else ():
        if not isinstance(item, dict):
            continue
        date = _date(item.get("date"))
        if date is None:
            continue
        nested = _index_figures(item)
        per_index = nested if nested is not None else {flat_name: item}
        for name in per_index:
            if name not in indices:
                indices.append(name)
        items.append((date, item, per_index))
    items.sort(key=lambda entry: entry[0])  # stable: one date's scenes stay in answer order
    if not indices and not items:
        indices = names

    series = {
        name: StatsSeries(name, tuple(_row(item, per_index.get(name), date) for date, item, per_index in items))
        for name in indices
    }
    parsed_errors = tuple(_error(item) for item in errors if item is not None) if isinstance(errors, list) else ()
    parsed_errors = tuple(sorted(parsed_errors, key=lambda error: error.date or dt.date.max))
    return StatsData(tuple(indices), series, parsed_errors)


# --- text --------------------------------------------------------------------------------------------


def format_figure(value: float | None) -> str:
    """A figure as the hover text and the table show it: 4 significant digits, "–" when missing."""
    return "–" if value is None else f"{value:.4g}"


def figures_text(data: StatsData, index: str, date: dt.date | str) -> str:
    """All figures of `index` on `date`, one line per scene of that date (hover text)."""
    day = _date(date)
    rows = data.series(index).rows_on(day) if day is not None and index in data.series_by_index else ()
    lines = []
    for row in rows:
        parts = [tr("{date} · {index}").format(date=row.date.isoformat(), index=index)]
        parts.extend(tr("{figure} {value}").format(figure=name, value=format_figure(row.figure(name)))
                     for name in FIGURES)  # the API's own names, as in the CSV and the table
        if row.cloud is not None:
            parts.append(tr("cloud {cloud} %").format(cloud=format_figure(row.cloud)))
        parts.append(row.view_id or row.scene_id)
        lines.append(" · ".join(part for part in parts if part))
    return "\n".join(lines)


def error_text(error: StatsError) -> str:
    """The hover text of a scene in error: its date, its scene and the service's reason."""
    return tr("{date} · {scene} · not computed: {reason}").format(
        date=error.date.isoformat() if error.date else "?", scene=error.view_id or error.scene_id or "?",
        reason=error.reason or tr("no reason given"))


# --- files -------------------------------------------------------------------------------------------


def _cell(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def rows_by_date(data: StatsData) -> list[tuple[str, StatsRow]]:
    """(index name, row) for every (date, index) in date order; on one date, the answer's order of
    scenes, then of indices. The order of the CSV and of Processing's table."""
    rows: list[tuple[dt.date, int, int, str, StatsRow]] = []
    for index_order, name in enumerate(data.indices):
        for row_order, row in enumerate(data.series(name).rows):
            rows.append((row.date, row_order, index_order, name, row))
    rows.sort(key=lambda entry: entry[:3])
    return [(name, row) for _date, _row_order, _index_order, name, row in rows]


def to_csv(data: StatsData, path: str) -> int:
    """Write one row per (date, index), then one per scene in error (`error` column); return the row count."""
    rows = rows_by_date(data)
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(CSV_COLUMNS)
        for name, row in rows:
            writer.writerow([row.date.isoformat(), row.scene_id, row.view_id or "", name, _cell(row.cloud),
                             *(_cell(row.figure(figure)) for figure in FIGURES), ""])
        for error in data.errors:
            writer.writerow([error.date.isoformat() if error.date else "", error.scene_id, error.view_id or "", "", "",
                             *("" for _ in FIGURES), error.reason])
    return len(rows) + len(data.errors)
