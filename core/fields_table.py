"""A many-polygon statistics table read back, one StatsData per polygon: the table `lbe stats` and
Processing's `fields_stats` write (core/local/field_stats.py: id, date, scene_id, index, the ten
figures, cloud, view_id, error), for the statistics dock's feature picker.

Each polygon's rows become the answer of an mt_stats run over that polygon (one item per date and
scene, its indices nested; a row with an `error` one of its `errors`, dated or not) and are read by
core.statistics.parse_statistics, so the chart, the hover, the table, the CSV export and the loading
of a date's scene treat a polygon as any statistics. Tables written before the view_id column
still open (`with_view_id` false): their scenes cannot be loaded from them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field

from .errors import DataError
from .i18n import tr
from .local.field_stats import CSV_COLUMNS
from .statistics import FIGURES, StatsData, parse_statistics

OPTIONAL_COLUMNS = ("view_id",)  # the first tables had no view_id


@dataclass(frozen=True)
class FieldsTable:
    """The polygons' ids in the table's order, and each one's statistics; `with_view_id`: whether
    the table has the view_id column (the scenes can be loaded from it)."""

    ids: tuple[str, ...]
    data_by_id: dict[str, StatsData] = field(compare=False)
    with_view_id: bool = True

    def data(self, feature_id: str) -> StatsData:
        return self.data_by_id[feature_id]


def fields_table(rows: Iterable[dict], with_view_id: bool = True) -> FieldsTable:
    """The table from its rows (dicts keyed by CSV_COLUMNS, values as the CSV has them)."""
    answers: dict[str, dict] = {}
    items: dict[tuple[str, str, str], dict] = {}
    indices: list[str] = []
    for row in rows:
        feature_id = row.get("id") or ""
        answer = answers.setdefault(feature_id, {"result": [], "errors": []})
        date, scene_id, index = row.get("date") or "", row.get("scene_id") or "", row.get("index") or ""
        if row.get("error") or not index:
            answer["errors"].append({"date": date, "scene_id": scene_id, "view_id": row.get("view_id"),
                                     "error": row.get("error") or ""})
            continue
        if index not in indices:
            indices.append(index)
        key = (feature_id, date, scene_id)
        if key not in items:
            items[key] = {"date": date, "scene_id": scene_id, "view_id": row.get("view_id"), "cloud": row.get("cloud"),
                          "indexes": {}}
            answer["result"].append(items[key])
        items[key]["indexes"][index] = {name: row.get(name) for name in FIGURES}
    return FieldsTable(tuple(answers), {feature_id: parse_statistics(answer, indices)
                                        for feature_id, answer in answers.items()}, with_view_id)


def read_fields_table(path: str) -> FieldsTable:
    """The table of a CSV file; DataError when it cannot be read or is not such a table."""
    try:
        with open(path, encoding="utf-8", newline="") as stream:
            reader = csv.DictReader(stream)
            columns = reader.fieldnames or ()
            missing = [name for name in CSV_COLUMNS if name not in columns and name not in OPTIONAL_COLUMNS]
            if missing:
                raise DataError(tr("{path} is not a table of statistics of many polygons: it has no column {names}")
                                .format(path=path, names=", ".join(missing)))
            table = fields_table(reader, with_view_id="view_id" in columns)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise DataError(tr("{path} cannot be read: {error}").format(path=path, error=error)) from None
    if not table.ids:
        raise DataError(tr("{path} holds no polygon").format(path=path))
    return table
