"""The statistics (core/statistics.py) and their chart (ui/stats_chart.py): reading mt_stats
answers, drawing them headless on
matplotlib's Agg canvas, CSV and PNG export, the hover text.

The answers are the fake API's realistic ones of both shapes (STATS_FLAT, STATS_NESTED) and a
hand-made one with the oddities real answers have: unsorted and repeated dates, numbers as strings,
missing fields, errors with and without a date. What the chart should show is taken here straight
from the answers' JSON, never from the module under test.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import subprocess

import numpy as np
import pytest
from fake_api import STATS_FLAT, STATS_NESTED
from load_by_extent.core.statistics import (
    CSV_COLUMNS,
    FIGURES,
    StatsData,
    error_text,
    figures_text,
    format_figure,
    parse_statistics,
    to_csv,
)
from load_by_extent.ui.stats_chart import ERROR_MARKER_Y, draw_series, save_png
from matplotlib import dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import imread

HAND_MADE = {
    "errors": [
        {"status": False, "date": "2021-05-20", "scene_id": "S2B_MSIL1C_20210520", "error": "Too cloudy"},
        {"status": False, "scene_id": "S2A_NO_DATE", "error_message": "No date given"},
    ],
    "result": [
        {"date": "2021-06-10", "scene_id": "S2A_0610", "view_id": "S2/31/U/FT/2021/6/10/0", "cloud": "12.5",
         "min": "0.1", "max": "0.9", "average": "0.5", "median": "0.52", "q1": "0.4", "q3": "0.6",
         "p10": "0.2", "p90": "0.8"},  # strings, no std, no variance
        {"date": "2021-05-01", "scene_id": "S2A_0501", "min": 0.05, "max": 0.7, "average": 0.3, "median": 0.31,
         "std": 0.1, "variance": 0.01, "q1": 0.25, "q3": 0.36, "p10": 0.15, "p90": 0.45},  # no view_id, no cloud
        {"date": "2021-06-10T10:33:09Z", "scene_id": "S2B_0610", "view_id": "S2/31/U/GT/2021/6/10/0", "cloud": 3,
         "min": 0.0, "max": 1.0, "average": 0.55, "median": 0.57, "q1": 0.45, "q3": 0.66, "p10": 0.3,
         "p90": "NaN"},  # the same day, another tile; p90 unusable
        {"scene_id": "S2A_UNDATED", "median": 0.4},  # no date: cannot be placed
        {"date": "2021-05-20", "scene_id": "S2A_0520", "view_id": "S2/31/U/FT/2021/5/20/0", "cloud": 0.0,
         "min": -0.1, "max": 0.5, "average": 0.2, "median": None, "q1": 0.1, "q3": 0.3, "p10": 0.0, "p90": 0.4},
    ],
}


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


def _nested_rows() -> list[dict]:
    return sorted(STATS_NESTED["result"], key=lambda item: item["date"])


def _agg_figure() -> Figure:
    figure = Figure(figsize=(8, 5), dpi=100)
    FigureCanvasAgg(figure)
    return figure


# --- reading ----------------------------------------------------------------------------------------


def test_flat_answer_is_one_index_named_after_the_request():
    data = parse_statistics(STATS_FLAT)
    assert data.indices == ("index",)
    assert parse_statistics(STATS_FLAT, ["NDVI"]).indices == ("NDVI",)
    assert parse_statistics(STATS_FLAT, "NDWI").indices == ("NDWI",)

    series = parse_statistics(STATS_FLAT, "NDVI").series("NDVI")
    expected = sorted(STATS_FLAT["result"], key=lambda item: item["date"])
    assert series.dates == tuple(_date(item["date"]) for item in expected)
    assert tuple(row.scene_id for row in series.rows) == tuple(item["scene_id"] for item in expected)
    assert tuple(row.view_id for row in series.rows) == (None, None)  # the older answer has none
    assert tuple(row.cloud for row in series.rows) == tuple(item["cloud"] for item in expected)
    for figure in FIGURES:
        assert series.values(figure) == tuple(item.get(figure) for item in expected), figure
    assert series.values("std") == (None, None)

    (error,) = data.errors
    wanted = STATS_FLAT["errors"][0]
    assert (error.date, error.scene_id, error.view_id, error.reason) == (
        _date(wanted["date"]), wanted["scene_id"], None, wanted["error"])


def test_nested_answer_gives_one_series_per_index_sorted_by_date():
    data = parse_statistics(STATS_NESTED, ["NDVI", "NDWI"])
    assert data.indices == ("NDVI", "NDWI")
    rows = _nested_rows()
    assert [item["date"] for item in STATS_NESTED["result"]] != [item["date"] for item in rows]  # really unsorted
    for index in data.indices:
        series = data.series(index)
        assert series.dates == tuple(_date(item["date"]) for item in rows)
        assert tuple(row.view_id for row in series.rows) == tuple(item["view_id"] for item in rows)
        assert tuple(row.scene_id for row in series.rows) == tuple(item["scene_id"] for item in rows)
        assert tuple(row.cloud for row in series.rows) == tuple(item["cloud"] for item in rows)
        for figure in FIGURES:
            assert series.values(figure) == tuple(item["indexes"][index][figure] for item in rows), (index, figure)
    (error,) = data.errors
    wanted = STATS_NESTED["errors"][0]
    assert (error.date, error.scene_id, error.view_id, error.reason) == (
        _date(wanted["date"]), wanted["scene_id"], wanted["view_id"], wanted["error"])
    assert data.dates == tuple(_date(item["date"]) for item in rows)


def test_hand_made_answer_sorted_duplicates_kept_strings_read_missing_is_none():
    data = parse_statistics(HAND_MADE, ["NDVI"])
    series = data.series("NDVI")
    assert series.dates == (dt.date(2021, 5, 1), dt.date(2021, 5, 20), dt.date(2021, 6, 10), dt.date(2021, 6, 10))
    assert tuple(row.scene_id for row in series.rows) == ("S2A_0501", "S2A_0520", "S2A_0610", "S2B_0610")  # same day: answer order
    assert tuple(row.view_id for row in series.rows) == (None, "S2/31/U/FT/2021/5/20/0", "S2/31/U/FT/2021/6/10/0", "S2/31/U/GT/2021/6/10/0")
    assert tuple(row.cloud for row in series.rows) == (None, 0.0, 12.5, 3.0)
    assert series.values("median") == (0.31, None, 0.52, 0.57)
    assert series.values("std") == (0.1, None, None, None)
    assert series.values("p90") == (0.45, 0.4, 0.8, None)  # "NaN" is no figure
    assert series.values("min") == (0.05, -0.1, 0.1, 0.0)
    assert len(series.rows_on(dt.date(2021, 6, 10))) == 2
    assert [(error.date, error.scene_id, error.reason) for error in data.errors] == [
        (dt.date(2021, 5, 20), "S2B_MSIL1C_20210520", "Too cloudy"), (None, "S2A_NO_DATE", "No date given")]


def test_odd_answers_do_not_raise():
    assert parse_statistics({}).indices == ()
    assert parse_statistics({"errors": [], "result": []}, ["NDVI", "NDWI"]).indices == ("NDVI", "NDWI")
    empty = parse_statistics(None)
    assert not any(empty.series_by_index.values()) and not empty.errors
    assert parse_statistics({"result": [1, "x", {"date": "not a date"}]}).indices == ()
    missing = copy.deepcopy(STATS_NESTED)
    del missing["result"][0]["indexes"]["NDWI"]  # one index missing on one date: no figures there
    series = parse_statistics(missing).series("NDWI")
    assert len(series) == 2
    assert sum(value is None for value in series.values("median")) == 1


# --- drawing ----------------------------------------------------------------------------------------


def _vertices(collection) -> set[tuple[float, float]]:
    return {(round(float(x), 9), round(float(y), 9)) for path in collection.get_paths() for x, y in path.vertices}


def test_one_index_median_bands_whiskers_cloud_and_errors():
    data = parse_statistics(STATS_NESTED)
    figure = _agg_figure()
    artists = draw_series(figure, data, ["NDVI"], overlay=False, title="NDVI")
    figure.canvas.draw()
    rows = _nested_rows()
    xs = [float(mdates.date2num(_date(item["date"]))) for item in rows]
    ndvi = [item["indexes"]["NDVI"] for item in rows]

    line = artists.median_lines["NDVI"]
    assert list(artists.median_lines) == ["NDVI"]
    assert list(line.get_xdata()) == xs
    assert list(line.get_ydata()) == [figures["median"] for figures in ndvi]
    assert line.get_marker() == "o"
    assert artists.date_positions == tuple(xs)

    quartiles = _vertices(artists.quartile_bands["NDVI"])
    for x, figures in zip(xs, ndvi):
        assert (round(x, 9), round(figures["q1"], 9)) in quartiles
        assert (round(x, 9), round(figures["q3"], 9)) in quartiles
    percentiles = _vertices(artists.percentile_band)
    for x, figures in zip(xs, ndvi):
        assert (round(x, 9), round(figures["p10"], 9)) in percentiles
        assert (round(x, 9), round(figures["p90"], 9)) in percentiles
    assert artists.percentile_band.get_alpha() < artists.quartile_bands["NDVI"].get_alpha()  # lighter

    segments = [[tuple(point) for point in segment] for segment in artists.whiskers.get_segments()]
    assert segments == [[(x, figures["min"]), (x, figures["max"])] for x, figures in zip(xs, ndvi)]

    heights = [bar.get_height() for bar in artists.cloud_bars.patches]
    assert heights == [item["cloud"] for item in rows]
    centres = [bar.get_x() + bar.get_width() / 2 for bar in artists.cloud_bars.patches]
    assert centres == pytest.approx(xs)
    assert artists.cloud_axes.get_ylim() == (0.0, 100.0)
    assert artists.cloud_bars.patches[0].axes is artists.cloud_axes

    error_x = [float(mdates.date2num(_date(error["date"]))) for error in STATS_NESTED["errors"]]
    assert list(artists.error_markers.get_xdata()) == error_x
    assert list(artists.error_markers.get_ydata()) == [ERROR_MARKER_Y]
    # at the bottom of the plot area whatever the data: y in axes fraction
    bottom = artists.axes.transAxes.transform((0, ERROR_MARKER_Y))[1]
    assert artists.error_markers.get_transform().transform((error_x[0], ERROR_MARKER_Y))[1] == pytest.approx(bottom)
    assert [error.reason for error in artists.errors] == [error["error"] for error in STATS_NESTED["errors"]]
    assert artists.axes.get_xlim()[0] <= min(xs) and artists.axes.get_xlim()[1] >= max(error_x)
    assert isinstance(artists.axes.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)
    assert figure.texts[0].get_text() == "NDVI"  # the title


def test_overlay_draws_each_index_median_and_quartiles_with_a_legend():
    data = parse_statistics(STATS_NESTED)
    figure = _agg_figure()
    artists = draw_series(figure, data, ["NDVI", "NDWI"], overlay=True)
    rows = _nested_rows()
    assert list(artists.median_lines) == ["NDVI", "NDWI"]
    for index, line in artists.median_lines.items():
        assert list(line.get_ydata()) == [item["indexes"][index]["median"] for item in rows]
    colours = {line.get_color() for line in artists.median_lines.values()}
    assert len(colours) == 2
    assert set(artists.quartile_bands) == {"NDVI", "NDWI"}
    assert artists.percentile_band is None and artists.whiskers is None
    legend = [text.get_text() for text in artists.legend.get_texts()]
    assert any("NDVI" in text for text in legend) and any("NDWI" in text for text in legend)
    # not overlaid: the first index only
    single = draw_series(figure, data, ["NDWI", "NDVI"], overlay=False)
    assert list(single.median_lines) == ["NDWI"]
    assert len(figure.axes) == 2  # the figure was cleared: the plot and its cloud axis


@pytest.fixture
def marking_translator(qgis_app, tmp_path):
    """A real QTranslator, compiled by Qt's lrelease, that turns the chart's "cloud %" and "median"
    (context LoadByExtent, as scripts/i18n.py files them) into «cloud %» and «median»."""
    import i18n_script
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    messages = "".join(f"<message><source>{text}</source><translation>«{text}»</translation></message>"
                       for text in ("cloud %", "median"))
    source = tmp_path / "marks.ts"
    source.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="es">'
                      f"<context><name>LoadByExtent</name>{messages}</context></TS>", encoding="utf-8")
    subprocess.run([i18n_script.load().lrelease(), "-silent", str(source), "-qm", str(tmp_path / "marks.qm")],
                   check=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "marks.qm"))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_missing_medians_are_left_out_and_labels_go_through_tr(marking_translator):
    data = parse_statistics(HAND_MADE, "NDVI")
    figure = _agg_figure()
    artists = draw_series(figure, data, ["NDVI"], overlay=False)
    line = artists.median_lines["NDVI"]
    assert list(line.get_ydata()) == [0.31, 0.52, 0.57]
    assert len(line.get_xdata()) == 3
    assert artists.cloud_axes.get_ylabel() == "«cloud %»"
    assert "«median»" in [text.get_text() for text in artists.legend.get_texts()]
    assert len(artists.errors) == 1  # the error without a date cannot be placed
    figure.canvas.draw()


def test_empty_answer_says_so():
    figure = _agg_figure()
    artists = draw_series(figure, parse_statistics({"result": [], "errors": []}), [], overlay=False)
    assert artists.median_lines == {}
    assert "No statistics" in artists.axes.texts[0].get_text()
    figure.canvas.draw()


def test_pick_finds_the_date_and_the_error_marker_under_the_pointer():
    data = parse_statistics(STATS_NESTED)
    figure = _agg_figure()
    artists = draw_series(figure, data, ["NDVI", "NDWI"], overlay=True)
    figure.canvas.draw()
    row = _nested_rows()[1]
    x = float(mdates.date2num(_date(row["date"])))
    px, py = artists.axes.transData.transform((x, row["indexes"]["NDWI"]["median"]))
    pick = artists.pick(px + 3, py + 20)  # a few pixels beside: still that date, the nearest line
    assert (pick.index, pick.row.view_id, pick.error) == ("NDWI", row["view_id"], None)
    px, py = artists.axes.transData.transform((x, row["indexes"]["NDVI"]["median"]))
    assert artists.pick(px, py).index == "NDVI"
    assert artists.pick(px + 40, py) is None

    error = STATS_NESTED["errors"][0]
    ex = artists.axes.transData.transform((float(mdates.date2num(_date(error["date"]))), 0))[0]
    ey = artists.axes.transAxes.transform((0, ERROR_MARKER_Y))[1]
    pick = artists.pick(ex + 2, ey - 2)
    assert pick.row is None and pick.error.reason == error["error"]


# --- files and text ----------------------------------------------------------------------------------


def test_png_export_is_a_real_image(tmp_path):
    figure = _agg_figure()
    draw_series(figure, parse_statistics(STATS_NESTED), ["NDVI"], overlay=False)
    path = tmp_path / "chart.png"
    save_png(figure, str(path), dpi=80)
    content = path.read_bytes()
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(content) > 1000
    image = imread(str(path))
    assert image.shape[:2] == (5 * 80, 8 * 80)
    assert float(np.var(image[..., :3])) > 0.001  # not blank
    assert np.unique(image[..., :3].reshape(-1, 3), axis=0).shape[0] > 20  # lines, bands, text


@pytest.mark.parametrize(("answer", "bm_type"), [(STATS_FLAT, ["NDVI"]), (STATS_NESTED, None), (HAND_MADE, "NDVI")])
def test_csv_one_row_per_date_and_index_then_errors(tmp_path, answer, bm_type):
    data = parse_statistics(answer, bm_type)
    path = tmp_path / "stats.csv"
    count = to_csv(data, str(path))
    with open(path, newline="", encoding="utf-8") as stream:
        reader = csv.DictReader(stream)
        assert tuple(reader.fieldnames) == CSV_COLUMNS
        rows = list(reader)
    expected_count = sum(len(data.series(index)) for index in data.indices) + len(data.errors)
    assert count == len(rows) == expected_count
    figures = [row for row in rows if not row["error"]]
    errors = [row for row in rows if row["error"]]
    assert [row["error"] for row in errors] == [error.reason for error in data.errors]
    assert [row["date"] for row in figures] == sorted(row["date"] for row in figures)
    for index in data.indices:
        written = [row for row in figures if row["index"] == index]
        series = data.series(index)
        assert [row["date"] for row in written] == [date.isoformat() for date in series.dates]
        for row, parsed in zip(written, series.rows):
            assert row["scene_id"] == parsed.scene_id
            assert row["view_id"] == (parsed.view_id or "")
            for figure in ("cloud", *FIGURES):
                value = parsed.cloud if figure == "cloud" else parsed.figure(figure)
                assert (float(row[figure]) if row[figure] else None) == value, figure


def test_csv_values_are_the_answers_own(tmp_path):
    path = tmp_path / "nested.csv"
    to_csv(parse_statistics(STATS_NESTED), str(path))
    with open(path, newline="", encoding="utf-8") as stream:
        rows = [row for row in csv.DictReader(stream) if row["index"]]
    expected = {(item["date"], index): (item, figures) for item in STATS_NESTED["result"]
                for index, figures in item["indexes"].items()}
    assert {(row["date"], row["index"]) for row in rows} == set(expected)
    for row in rows:
        item, figures = expected[(row["date"], row["index"])]
        assert (row["scene_id"], row["view_id"], float(row["cloud"])) == (item["scene_id"], item["view_id"],
                                                                          item["cloud"])
        for figure in FIGURES:
            assert float(row[figure]) == figures[figure], figure


def test_figures_text_holds_every_figure_of_that_date():
    data = parse_statistics(STATS_NESTED)
    row = _nested_rows()[0]
    text = figures_text(data, "NDWI", row["date"])
    assert row["date"] in text and "NDWI" in text and row["view_id"] in text
    for figure in FIGURES:
        assert f"{figure} {row['indexes']['NDWI'][figure]:.4g}" in text
    assert f"cloud {row['cloud']:.4g} %" in text
    assert figures_text(data, "NDWI", dt.date(2000, 1, 1)) == ""
    # two scenes of one day: both
    hand = parse_statistics(HAND_MADE, "NDVI")
    two = figures_text(hand, "NDVI", dt.date(2021, 6, 10)).splitlines()
    assert len(two) == 2 and "S2/31/U/FT/2021/6/10/0" in two[0] and "S2/31/U/GT/2021/6/10/0" in two[1]
    assert f"median {format_figure(None)}" in figures_text(hand, "NDVI", "2021-05-20")


def test_error_text_gives_the_reason():
    data: StatsData = parse_statistics(STATS_NESTED)
    text = error_text(data.errors[0])
    assert STATS_NESTED["errors"][0]["error"] in text and "2023-07-24" in text


def test_a_chart_of_one_date_spans_a_month_around_it():
    """matplotlib widens a single date's axis by years; one date's chart shows the days around it."""
    answer = copy.deepcopy(STATS_FLAT)
    answer["result"] = answer["result"][:1]
    answer["errors"] = []
    data = parse_statistics(answer)
    figure = _agg_figure()
    artists = draw_series(figure, data, data.indices, overlay=False)
    figure.canvas.draw()
    only = float(mdates.date2num(data.series(data.indices[0]).rows[0].date))
    low, high = artists.axes.get_xlim()
    assert (low, high) == (only - 15, only + 15)
