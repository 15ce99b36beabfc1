"""Defaults and remapping in the dock's forms, driven as a user does: the visual bands follow a
change of sensor by role; the statistics dates default to those of the scenes that meet the AOI,
and an answer without any scene says so instead of drawing an empty chart."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
from load_by_extent.core.expressions import remap_bands
from load_by_extent.core.sensors import LANDSAT5, LANDSAT7, LANDSAT8, MODIS, NAIP, SENTINEL2, parse_view_id
from load_by_extent.services.task_controller import TaskStatus
from qgis.core import Qgis
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QDateEdit
from qgis_gui import TASK_TIMEOUT_MS, wait_for_check

pytestmark = pytest.mark.sample_data

SEARCH_TIMEOUT_MS = 30_000
S2_VIEW = "S2/33/U/UU/2017/2/16/0"
L7_VIEW = "L7/LE70350322012177EDC00"
# Inside the Colorado field of the Landsat 5/7 series (landsat-timeseries in the sample store).
COLORADO_AOI = {"type": "Polygon", "coordinates": [[[-106.921, 40.283], [-106.907, 40.283], [-106.907, 40.293],
                                                    [-106.921, 40.293], [-106.921, 40.283]]]}


# --- the band remapping itself (core) -------------------------------------------------------------


@pytest.mark.parametrize(("text", "old", "new", "expected"), [
    ("B04,B03,B02", SENTINEL2, LANDSAT7, "B3,B2,B1"),
    ("B08,B04,B03", SENTINEL2, LANDSAT7, "B4,B3,B2"),
    ("B08,B04,B03", SENTINEL2, LANDSAT8, "B5,B4,B3"),
    ("B4,B3,B2", LANDSAT7, SENTINEL2, "B08,B04,B03"),
    ("B4, B3, B2", LANDSAT8, LANDSAT5, "B3, B2, B1"),  # spacing kept
    ("(B08 - B04) / (B08 + B04)", SENTINEL2, LANDSAT7, "(B4 - B3) / (B4 + B3)"),
    ("max(B04, B03), NIR, NDVI", SENTINEL2, MODIS, "max(B01, B04), NIR, NDVI"),  # aliases, indices, functions stay
    ("B12,B08,B04", SENTINEL2, NAIP, "B12,N,R"),  # NAIP has no shortwave infrared: left for the form to refuse
    ("B04,B03,B02", SENTINEL2, SENTINEL2, "B04,B03,B02"),
    ("B04,(B03", SENTINEL2, LANDSAT7, "B3,(B2"),  # not yet an expression: its bands still follow
    ("B04 $ B03", SENTINEL2, LANDSAT7, "B04 $ B03"),  # not readable: as typed
])
def test_remap_bands_takes_each_band_to_the_band_of_its_role(text, old, new, expected):
    assert remap_bands(text, old, new) == expected


# --- the visual form follows the scene --------------------------------------------------------------


def choose_task(dock, task_type: str) -> None:
    dock.task_combo.setCurrentIndex(dock.task_combo.findData(task_type))
    assert dock.task_type() == task_type


def type_view_id(dock, view_id: str) -> None:
    edit = dock.scene_picker.view_id_edit
    edit.setFocus()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Backspace)
    QTest.keyClicks(edit, view_id)
    assert dock.scene_picker.view_id() == view_id


def test_visual_bands_follow_a_change_of_sensor_by_role(plugin):
    dock = plugin.dock
    choose_task(dock, "jpeg")
    form = dock.forms["jpeg"]
    type_view_id(dock, S2_VIEW)
    combination = form.combination
    assert combination.currentText() == "B04,B03,B02"  # true colour, the first preset
    combination.setCurrentIndex(combination.findText("B08,B04,B03"))  # false colour
    assert form.bm_type() == "B08,B04,B03"

    type_view_id(dock, L7_VIEW)  # typed key by key: no sensor while the id is incomplete
    assert form.bm_type() == "B4,B3,B2"  # still false colour: near infrared, red, green
    assert form.problem() is None

    combination.setEditText("(B4 - B3) / (B4 + B3)")
    type_view_id(dock, S2_VIEW)
    assert form.bm_type() == "(B08 - B04) / (B08 + B04)"
    assert form.problem() is None


def test_visual_levels_follow_a_catalog_index_until_the_user_sets_them(plugin):
    dock = plugin.dock
    choose_task(dock, "jpeg")
    form = dock.forms["jpeg"]
    type_view_id(dock, S2_VIEW)
    assert form.parameters()["levels"] is None  # bands: the 2-98 % cut of the AOI's pixels
    form.combination.setEditText("NDVI")
    assert form.parameters()["levels"] == (-1.0, 1.0)  # the catalog's range, not the saturating -0.5..0.5
    form.combination.setEditText("(B08 - B04) / B04")
    assert form.parameters()["levels"] is None  # no known range: the API's default
    form.combination.setEditText("NDWI")
    assert form.parameters()["levels"] == (-1.0, 1.0)
    QTest.keyClick(form.use_levels, Qt.Key.Key_Space)  # the user's choice: no levels
    assert not form.use_levels.isChecked()
    form.combination.setEditText("NDVI")
    assert form.parameters()["levels"] is None


# --- statistics dates ------------------------------------------------------------------------------


def write_aoi(tmp_path, geometry: dict) -> str:
    path = tmp_path / "aoi.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection",
                                "features": [{"type": "Feature", "properties": {}, "geometry": geometry}]}))
    return str(path)


def series_dates(sample_store: str) -> list[dt.date]:
    folder = os.path.join(sample_store, "landsat-timeseries")
    return sorted(parse_view_id(name).date for name in os.listdir(folder))


def form_dates(form) -> tuple[str, str]:
    return form.start.date().toString("yyyy-MM-dd"), form.end.date().toString("yyyy-MM-dd")


def test_statistics_dates_default_to_the_scenes_that_meet_the_aoi_and_then_run(
    plugin, qtbot, tmp_path, sample_store, output_folder
):
    dock = plugin.dock
    choose_task(dock, "mt_stats")
    dates = series_dates(sample_store)
    assert len(dates) == 105
    dock.aoi_section.use_file(write_aoi(tmp_path, COLORADO_AOI))
    qtbot.waitUntil(lambda: dock.scene_picker.table.rowCount() == 105, timeout=SEARCH_TIMEOUT_MS)
    form = dock.forms["mt_stats"]
    assert form_dates(form) == (dates[0].isoformat(), dates[-1].isoformat())  # 2008 .. 2013
    wait_for_check(qtbot, dock)
    assert dock.run_button.isEnabled(), dock.run_button.toolTip()

    QTest.mouseClick(dock.run_button, Qt.MouseButton.LeftButton)
    record = dock.controller.records[0]
    qtbot.waitUntil(lambda: record.status.has_ended, timeout=TASK_TIMEOUT_MS)
    assert record.status is TaskStatus.DONE, record.message
    assert record.message.startswith("statistics saved: ")
    stats_dock = plugin.stats_dock
    assert stats_dock.data is not None and len(stats_dock.data.dates) > 50
    assert stats_dock.output_folder() == output_folder  # where its CSV / PNG export dialogs open
    assert os.path.dirname(record.result.files[0]) == output_folder


def test_dates_the_user_set_stay_when_the_scenes_change(plugin, qtbot, tmp_path, sample_store):
    dock = plugin.dock
    choose_task(dock, "mt_stats")
    form = dock.forms["mt_stats"]
    year = form.start.date().year()
    # The user steps the start date's year down with the arrow key.
    form.start.setCurrentSection(QDateEdit.Section.YearSection)
    for _step in range(3):
        QTest.keyClick(form.start, Qt.Key.Key_Down)
    assert form.start.date().year() == year - 3 and form.dates_chosen
    chosen = form_dates(form)
    dock.aoi_section.use_file(write_aoi(tmp_path, COLORADO_AOI))
    qtbot.waitUntil(lambda: dock.scene_picker.table.rowCount() == 105, timeout=SEARCH_TIMEOUT_MS)
    assert form_dates(form) == chosen


def test_an_answer_without_any_scene_says_so_plainly(plugin, qtbot, tmp_path, qgis_iface):
    dock = plugin.dock
    choose_task(dock, "mt_stats")
    dock.aoi_section.use_file(write_aoi(tmp_path, COLORADO_AOI))
    qtbot.waitUntil(lambda: dock.scene_picker.table.rowCount() == 105, timeout=SEARCH_TIMEOUT_MS)
    form = dock.forms["mt_stats"]
    form.start.setDate(QDate(2020, 1, 1))  # no scene of the store in 2020
    form.end.setDate(QDate(2020, 12, 31))
    wait_for_check(qtbot, dock)
    QTest.mouseClick(dock.run_button, Qt.MouseButton.LeftButton)
    record = dock.controller.records[0]
    qtbot.waitUntil(lambda: record.status.has_ended, timeout=TASK_TIMEOUT_MS)
    assert record.status is TaskStatus.DONE, record.message
    said = "No scene meets the AOI between 2020-01-01 and 2020-12-31"
    assert record.message == said
    assert dock.task_list.rows[id(record)].message.text() == said
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any(said in text for text in warnings), warnings
    assert plugin._stats_dock is None  # no empty chart passing for a result
