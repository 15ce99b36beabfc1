"""The statistics dock (ui/stats_dock.py), driven as an analyst drives it (pytest-qgis, offscreen).

The answers are the fake API's (STATS_NESTED: two indices, one scene in error; STATS_FLAT: the older
one-index shape). Hover and click go through matplotlib's own event path on the real Qt canvas, at
the pixel of a date computed here with the axes' transData; what the dock should show is taken
from the answers' JSON.
"""

from __future__ import annotations

import builtins
import csv
import datetime as dt
import os

import pytest
from fake_api import STATS_FLAT, STATS_NESTED
from load_by_extent.core.statistics import FIGURES, format_figure
from load_by_extent.ui.stats_chart import ERROR_MARKER_Y
from load_by_extent.ui.stats_dock import StatsDock
from matplotlib import dates as mdates
from matplotlib.backend_bases import MouseEvent
from matplotlib.image import imread
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from qgis.PyQt.QtGui import QMouseEvent, QWheelEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QFileDialog

AOI = {"type": "Polygon", "coordinates": [[[-104.62, 33.98], [-104.52, 33.98], [-104.52, 34.06], [-104.62, 34.06],
                                           [-104.62, 33.98]]]}
REQUEST = {"type": "mt_stats", "params": {"bm_type": ["NDVI", "NDWI"], "date_start": "2023-07-01",
                                          "date_end": "2023-07-31", "geometry": AOI, "reference": "stats-test",
                                          "sensors": ["sentinel2"]}}
FLAT_REQUEST = {"type": "mt_stats", "params": {"bm_type": ["NDVI"], "date_start": "2018-01-01",
                                               "date_end": "2018-12-31", "geometry": AOI, "reference": "flat"}}


def _rows() -> list[dict]:
    return sorted(STATS_NESTED["result"], key=lambda item: item["date"])


@pytest.fixture
def dock(stats_dock):
    return stats_dock


def _send(dock: StatsDock, name: str, x: float, y: float, button=None) -> None:
    """A matplotlib mouse event at display pixel (x, y), through the canvas's own callbacks."""
    dock.canvas.callbacks.process(name, MouseEvent(name, dock.canvas, x, y, button=button))


def _date_pixel(dock: StatsDock, index: str, item: dict) -> tuple[float, float]:
    x = float(mdates.date2num(dt.date.fromisoformat(item["date"])))
    return tuple(dock.artists.axes.transData.transform((x, item["indexes"][index]["median"])))


def test_dock_builds_with_its_name_and_title(dock):
    assert isinstance(dock, QgsDockWidget)
    assert dock.objectName() == "LoadByExtentStatsDock"
    assert dock.windowTitle() == "Load By Extent — statistics"
    assert dock.canvas is None  # the chart is built on first use
    assert not dock.csv_button.isEnabled() and not dock.png_button.isEnabled()


def test_show_result_fills_the_indices_and_switching_redraws(dock):
    dock.show_result(STATS_NESTED, REQUEST)
    assert [dock.index_combo.itemText(i) for i in range(dock.index_combo.count())] == ["NDVI", "NDWI"]
    assert dock.canvas is not None and dock.missing_label.isHidden()
    assert dock.request is REQUEST
    assert dock.overlay_check.isEnabled()
    summary = dock.summary_label.text()
    assert "NDVI, NDWI" in summary and "2023-07-01" in summary and "2023-07-31" in summary and "km²" in summary
    assert "1 scene(s) without figures" in summary
    assert STATS_NESTED["errors"][0]["error"] in dock.summary_label.toolTip()

    assert list(dock.artists.median_lines) == ["NDVI"]
    ndvi = [item["indexes"]["NDVI"]["median"] for item in _rows()]
    assert list(dock.artists.median_lines["NDVI"].get_ydata()) == ndvi
    dock.index_combo.setCurrentText("NDWI")
    assert list(dock.artists.median_lines) == ["NDWI"]
    assert list(dock.artists.median_lines["NDWI"].get_ydata()) == [item["indexes"]["NDWI"]["median"]
                                                                   for item in _rows()]
    assert dock.table.item(0, 4 + FIGURES.index("median")).data(Qt.ItemDataRole.UserRole) == \
        _rows()[0]["indexes"]["NDWI"]["median"]


def test_overlay_draws_one_median_line_per_index(dock):
    dock.show_result(STATS_NESTED, REQUEST)
    dock.overlay_check.setChecked(True)
    assert set(dock.artists.median_lines) == {"NDVI", "NDWI"}
    for index, line in dock.artists.median_lines.items():
        assert list(line.get_ydata()) == [item["indexes"][index]["median"] for item in _rows()]
    dock.overlay_check.setChecked(False)
    assert len(dock.artists.median_lines) == 1


def test_flat_answer_named_after_the_request_and_one_index_only(dock):
    dock.show_result(STATS_FLAT, FLAT_REQUEST)
    assert dock.index_combo.count() == 1 and dock.index_combo.currentText() == "NDVI"
    assert not dock.overlay_check.isEnabled()
    assert list(dock.artists.median_lines["NDVI"].get_ydata()) == [
        item["median"] for item in sorted(STATS_FLAT["result"], key=lambda item: item["date"])]


def test_table_one_row_per_date_with_the_figures(dock, qtbot):
    dock.show_result(STATS_NESTED, REQUEST)
    qtbot.mouseClick(dock.table_button, Qt.MouseButton.LeftButton)
    assert dock.stack.currentWidget() is dock.table
    rows = _rows()
    assert dock.table.rowCount() == len(rows)
    for number, item in enumerate(rows):
        assert dock.table.item(number, 0).text() == item["date"]
        assert dock.table.item(number, 1).text() == item["view_id"]
        assert dock.table.item(number, 2).text() == item["scene_id"]
        assert dock.table.item(number, 3).data(Qt.ItemDataRole.UserRole) == item["cloud"]
        for column, figure in enumerate(FIGURES, start=4):
            cell = dock.table.item(number, column)
            assert cell.data(Qt.ItemDataRole.UserRole) == item["indexes"]["NDVI"][figure]
            assert cell.text() == format_figure(item["indexes"]["NDVI"][figure])
    qtbot.mouseClick(dock.table_button, Qt.MouseButton.LeftButton)
    assert dock.stack.currentWidget() is dock.chart_page


def test_csv_and_png_export(dock, tmp_path, monkeypatch):
    dock.show_result(STATS_NESTED, REQUEST)
    asked = []

    def save_as(parent, title, default, file_filter):
        asked.append((title, default, file_filter))
        return str(tmp_path / ("stats" if file_filter.startswith("CSV") else "chart.png")), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    dock.csv_button.click()
    path = tmp_path / "stats.csv"  # the extension added
    with open(path, newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 2 * len(STATS_NESTED["result"]) + len(STATS_NESTED["errors"])
    written = {(row["date"], row["index"]): row for row in rows if row["index"]}
    for item in STATS_NESTED["result"]:
        for index, figures in item["indexes"].items():
            assert float(written[(item["date"], index)]["median"]) == figures["median"]
    assert str(path) in dock.message_label.text()
    assert "stats-test" in asked[0][1]  # the default name tells the request

    dock.png_button.click()
    png = tmp_path / "chart.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = imread(str(png))
    assert image.shape[0] > 100 and float(image[..., :3].var()) > 0.001


def test_export_dialogs_open_in_the_output_folder(dock, tmp_path, qtbot):
    """The real save dialogs (a click on each export button): opened in the output folder of the
    settings, the file name telling the request; cancelled, nothing written."""
    folder = tmp_path / "results"
    folder.mkdir()
    dock.output_folder = lambda: str(folder)
    dock.show_result(STATS_NESTED, REQUEST)
    seen = []

    def answer_the_dialog():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer_the_dialog)
            return
        seen.append((dialog.directory().absolutePath(), dialog.selectedFiles()))
        dialog.reject()

    for button in (dock.csv_button, dock.png_button):
        QTimer.singleShot(0, answer_the_dialog)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [directory for directory, _files in seen] == [str(folder)] * 2
    assert [os.path.basename(files[0]) for _directory, files in seen] == [
        "statistics_stats-test_NDVI-NDWI.csv", "statistics_stats-test_NDVI-NDWI.png"]
    assert list(folder.iterdir()) == []


def test_export_cancelled_writes_nothing(dock, tmp_path, monkeypatch):
    dock.show_result(STATS_NESTED, REQUEST)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: ("", "")))
    assert dock.export_csv() is None and dock.export_png() is None
    assert list(tmp_path.iterdir()) == []


def test_hover_shows_the_figures_of_the_date_and_the_reason_of_an_error(dock):
    dock.show_result(STATS_NESTED, REQUEST)
    item = _rows()[1]
    x, y = _date_pixel(dock, "NDVI", item)
    _send(dock, "motion_notify_event", x + 2, y - 30)  # a couple of pixels off the date, anywhere up the column
    text = dock.hover_label.text()
    assert item["date"] in text and item["view_id"] in text
    for figure in FIGURES:
        assert f"{figure} {format_figure(item['indexes']['NDVI'][figure])}" in text
    assert dock._guide.get_visible()

    error = STATS_NESTED["errors"][0]
    ex = dock.artists.axes.transData.transform((float(mdates.date2num(dt.date.fromisoformat(error["date"]))), 0))[0]
    ey = dock.artists.axes.transAxes.transform((0, ERROR_MARKER_Y))[1]
    _send(dock, "motion_notify_event", ex, ey)
    assert error["error"] in dock.hover_label.text() and error["date"] in dock.hover_label.text()

    left = dock.artists.axes.bbox.x0 - 50
    _send(dock, "motion_notify_event", left, y)
    assert "Hover a date" in dock.hover_label.text()
    assert not dock._guide.get_visible()


def test_click_on_a_date_asks_for_that_scene(dock, qtbot):
    dock.show_result(STATS_NESTED, REQUEST)
    dock.overlay_check.setChecked(True)
    item = _rows()[0]
    x, y = _date_pixel(dock, "NDWI", item)
    with qtbot.waitSignal(dock.sceneClicked, timeout=2000) as blocker:
        _send(dock, "button_press_event", x, y, button=1)
    assert blocker.args == [item["view_id"], item["date"], "NDWI"]
    assert dock.request["params"]["geometry"] == AOI  # kept for loading that scene over the AOI

    error = STATS_NESTED["errors"][0]
    ex = dock.artists.axes.transData.transform((float(mdates.date2num(dt.date.fromisoformat(error["date"]))), 0))[0]
    ey = dock.artists.axes.transAxes.transform((0, ERROR_MARKER_Y))[1]
    with qtbot.assertNotEmitted(dock.sceneClicked):
        _send(dock, "button_press_event", ex, ey, button=1)
        _send(dock, "button_press_event", x, y, button=3)  # not the left button


def test_real_qt_click_reaches_the_dock(dock, qtbot):
    """The whole path: a Qt mouse press on the canvas widget, matplotlib's event, the signal."""
    dock.show_result(STATS_NESTED, REQUEST)
    item = _rows()[1]
    x, y = _date_pixel(dock, "NDVI", item)
    ratio = dock.canvas.device_pixel_ratio if hasattr(dock.canvas, "device_pixel_ratio") else 1.0
    from qgis.PyQt.QtCore import QPoint

    point = QPoint(round(x / ratio), round((dock.canvas.figure.bbox.height - y) / ratio))
    with qtbot.waitSignal(dock.sceneClicked, timeout=2000) as blocker:
        qtbot.mouseClick(dock.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [item["view_id"], item["date"], "NDVI"]


def test_a_scene_without_view_id_is_not_asked_for(dock, qtbot):
    dock.show_result(STATS_FLAT, FLAT_REQUEST)
    item = sorted(STATS_FLAT["result"], key=lambda entry: entry["date"])[0]
    x = float(mdates.date2num(dt.date.fromisoformat(item["date"])))
    px, py = dock.artists.axes.transData.transform((x, item["median"]))
    with qtbot.assertNotEmitted(dock.sceneClicked):
        _send(dock, "button_press_event", px, py, button=1)
    assert "no view_id" in dock.hover_label.text()


def test_without_matplotlib_the_dock_says_so_and_the_table_works(dock, tmp_path, monkeypatch):
    real_import = builtins.__import__

    def no_matplotlib(name, *args, **kwargs):
        if name == "matplotlib" or name.startswith("matplotlib."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    dock.show_result(STATS_NESTED, REQUEST)
    assert dock.canvas is None and dock.chart_available is False
    assert not dock.missing_label.isHidden()
    assert "needs matplotlib" in dock.missing_label.text() and "CSV" in dock.missing_label.text()
    assert dock.stack.currentWidget() is dock.table
    assert dock.table.rowCount() == len(STATS_NESTED["result"])
    assert not dock.png_button.isEnabled()
    dock.index_combo.setCurrentText("NDWI")  # switching still fills the table
    assert dock.table.item(0, 4 + FIGURES.index("q3")).data(Qt.ItemDataRole.UserRole) == \
        _rows()[0]["indexes"]["NDWI"]["q3"]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(tmp_path / "s.csv"), "")))
    assert dock.export_csv() == str(tmp_path / "s.csv")
    assert (tmp_path / "s.csv").read_text(encoding="utf-8").count("\n") == 1 + 2 * 2 + 1


def test_cleanup_disconnects(dock):
    dock.show_result(STATS_NESTED, REQUEST)
    item = _rows()[0]
    x, y = _date_pixel(dock, "NDVI", item)
    dock.cleanup()
    before = dock.hover_label.text()
    _send(dock, "motion_notify_event", x, y)
    assert dock.hover_label.text() == before
    dock.index_combo.setCurrentText("NDWI")
    assert dock.artists is None  # no redraw: the combo is disconnected
    dock.cleanup()  # twice is harmless


def _qt_point(dock: StatsDock, x: float, y: float) -> QPoint:
    """The canvas widget's point of matplotlib display pixel (x, y)."""
    ratio = dock.canvas.device_pixel_ratio if hasattr(dock.canvas, "device_pixel_ratio") else 1.0
    return QPoint(round(x / ratio), round((dock.canvas.figure.bbox.height - y) / ratio))


def test_hovering_dates_at_a_narrow_width_never_resizes_the_chart(dock, qtbot):
    dock.resize(320, 720)
    dock.show_result(STATS_NESTED, REQUEST)
    QApplication.processEvents()
    chart, hover = dock.canvas.geometry(), dock.hover_label.geometry()
    error = STATS_NESTED["errors"][0]
    ex = dock.artists.axes.transData.transform((float(mdates.date2num(dt.date.fromisoformat(error["date"]))), 0))[0]
    ey = dock.artists.axes.transAxes.transform((0, ERROR_MARKER_Y))[1]
    item = _rows()[1]
    texts = []
    for x, y in (_date_pixel(dock, "NDVI", item), (ex, ey), (dock.artists.axes.bbox.x0 - 20, 10)):
        point = _qt_point(dock, x, y)
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(point), Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                           Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(dock.canvas, move)  # a real Qt mouse move on the chart
        QApplication.processEvents()  # the layout reacts now, if it reacts at all
        texts.append(dock.hover_label.text())
        assert dock.canvas.geometry() == chart
        assert dock.hover_label.geometry() == hover
    assert item["view_id"] in texts[0] and error["date"] in texts[1] and "Hover a date" in texts[2]
    assert dock.hover_label.toolTip() == ""  # the hint: nothing more to read in a tooltip


def test_the_wheel_over_the_index_box_does_not_change_the_index(dock, qtbot):
    dock.show_result(STATS_NESTED, REQUEST)
    combo = dock.index_combo
    assert combo.count() == 2 and combo.currentIndex() == 0
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives it no focus either
    dock.overlay_check.setFocus()  # the focus elsewhere, as after a click on the check box
    qtbot.waitUntil(dock.overlay_check.hasFocus)
    point = combo.rect().center()
    wheel = QWheelEvent(QPointF(point), QPointF(combo.mapToGlobal(point)), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(combo, wheel)
    assert combo.currentIndex() == 0
    assert dock.current_index() == "NDVI"
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    QApplication.sendEvent(combo, QWheelEvent(QPointF(point), QPointF(combo.mapToGlobal(point)), QPoint(0, 0),
                                              QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                              Qt.ScrollPhase.NoScrollPhase, False))
    assert combo.currentIndex() == 1  # with focus, the wheel is the box's
