"""The dock's task list: cancel and run again kept apart (a late click on × starts nothing), a
cancelled task said to be cancelled, "Clear finished", titles that never run under the buttons of a
narrow dock. Real tasks on the real sample imagery, real mouse clicks (QTest) on the real rows."""

from __future__ import annotations

import pytest
from load_by_extent.core.request import TaskRequest
from load_by_extent.services.task_controller import TaskRecord, TaskStatus
from load_by_extent.ui.task_list import TaskList, TaskRow
from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QPoint, QRect, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QVBoxLayout, QWidget
from qgis_gui import TASK_TIMEOUT_MS, flush_deletions
from rasters import polygon_from_utm

pytestmark = pytest.mark.sample_data

S2_VIEW = "S2/33/U/UU/2017/2/16/0"
S2_AOI = {
    "type": "Polygon",
    "coordinates": [[[12.553, 52.474], [12.632, 52.466], [12.668, 52.492], [12.640, 52.518], [12.575, 52.515],
                     [12.553, 52.474]]],
}
ALL_S2_BANDS = ["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B09", "B10", "B11", "B12"]
BIG_VIEW = "S2/33/U/UU/2020/6/1/0"
DOCK_WIDTH = 320


def crop_request(bands: list[str] | None = None, reference: str = "task-list") -> TaskRequest:
    return TaskRequest({"type": "lbe", "params": {"view_id": S2_VIEW, "bands": bands or ["B04", "B03", "B02"],
                                                  "merge": True, "geometry": S2_AOI, "reference": reference}})


def big_crop_request() -> TaskRequest:
    x0, y0 = 300000.0, 5900040.0
    aoi = polygon_from_utm([(x0 + 2000, y0 - 107000), (x0 + 107000, y0 - 107000), (x0 + 107000, y0 - 2000),
                            (x0 + 2000, y0 - 2000)])
    return TaskRequest({"type": "lbe", "params": {"view_id": BIG_VIEW, "bands": ["B04"], "geometry": aoi,
                                                  "reference": "long-task"}})


def wait_until_ended(qtbot, record: TaskRecord) -> None:
    qtbot.waitUntil(lambda: record.status.has_ended, timeout=TASK_TIMEOUT_MS)


def click(widget: QWidget, at: QPoint) -> None:
    """A real left click at `at` (in `widget`'s coordinates) on whatever child is there."""
    target = widget.childAt(at) or widget
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target.mapFrom(widget, at))


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


@pytest.fixture
def dock(plugin, qtbot):
    dock = plugin.dock
    dock.setUserVisible(True)
    qtbot.waitUntil(dock.isVisible)
    return dock


# --- cancel and run again -------------------------------------------------------------------------


def test_a_late_click_on_cancel_after_the_task_ended_starts_nothing(dock, qtbot, sample_store):
    controller = dock.controller
    task_list = dock.task_list
    controller.submit(crop_request(ALL_S2_BANDS), scenes=sample_store)
    record = controller.records[0]
    row = task_list.rows[id(record)]
    qtbot.waitUntil(lambda: row.cancel_button.isVisible() and row.cancel_button.width() > 0)
    cancel_spot = rect_in(row.cancel_button, task_list).center()  # where the user aims ×

    wait_until_ended(qtbot, record)
    assert record.status is TaskStatus.DONE, record.message
    # Counted as tasks added, not as the manager's count: the ended task leaves it when it likes.
    added = []
    QgsApplication.taskManager().taskAdded.connect(added.append)
    try:
        click(task_list, cancel_spot)  # the click meant for × arrives just after the end
        QgsApplication.processEvents()
    finally:
        QgsApplication.taskManager().taskAdded.disconnect(added.append)
    assert controller.records == [record]  # no second run
    assert added == []
    assert not row.cancel_button.isVisible()

    # Run again is elsewhere, and works when clicked where it is.
    again = rect_in(row.again_button, task_list)
    assert row.again_button.isVisible() and row.again_button.text() == "Run again"
    assert not again.contains(cancel_spot)
    assert not again.intersects(rect_in(row.cancel_button, task_list))
    click(task_list, again.center())
    assert len(controller.records) == 2
    second = controller.records[0]
    assert second.request.to_dict() == record.request.to_dict()
    wait_until_ended(qtbot, second)
    assert second.status is TaskStatus.DONE, second.message


def test_a_row_that_ends_under_the_mouse_never_offers_run_again_where_cancel_was(qtbot, sample_store):
    """Every finished state: nothing clickable where × was, Run again on the second line."""
    task_list = TaskList()
    runs = []
    task_list.runAgainRequested.connect(runs.append)
    task_list.resize(DOCK_WIDTH, 400)
    task_list.show()
    qtbot.waitExposed(task_list)
    for status in (TaskStatus.DONE, TaskStatus.FAILED, TaskStatus.CANCELLED):
        record = TaskRecord("S2 2017-02-16 B04,B03,B02", crop_request(), sample_store, status=TaskStatus.RUNNING)
        task_list.add(record)
        row = task_list.rows[id(record)]
        qtbot.waitUntil(lambda row=row: row.cancel_button.width() > 0 and row.cancel_button.isVisible())
        spot = rect_in(row.cancel_button, task_list).center()
        record.status = status
        task_list.update_record(record)
        QgsApplication.processEvents()
        click(task_list, spot)
        assert runs == [], status
        assert row.again_button.isVisible()
        assert rect_in(row.again_button, task_list).top() > rect_in(row.cancel_button, task_list).bottom()
        task_list.remove([record])
    task_list.close()
    task_list.deleteLater()


@pytest.mark.timeout(300)
def test_cancelled_is_said_cancelled_and_clear_finished_keeps_what_runs(
    dock, qtbot, sample_store, full_size_store, qgis_iface
):
    controller = dock.controller
    task_list = dock.task_list
    bar = qgis_iface.messageBar()
    assert not task_list.clear_button.isVisible()  # nothing to clear yet
    assert task_list.empty.isVisible()

    controller.submit(crop_request(), scenes=sample_store)
    done = controller.records[0]
    wait_until_ended(qtbot, done)
    assert done.status is TaskStatus.DONE, done.message
    layer_id = done.layer_ids[0]
    controller.submit(big_crop_request(), scenes=full_size_store)
    long_record = controller.records[0]
    task = long_record.task
    qtbot.waitUntil(lambda: long_record.status is TaskStatus.RUNNING, timeout=TASK_TIMEOUT_MS)

    # Clear finished: the ended task's row goes, the running one stays; its layers stay on the map.
    assert task_list.clear_button.isVisible() and task_list.clear_button.text() == "Clear finished"
    QTest.mouseClick(task_list.clear_button, Qt.MouseButton.LeftButton)
    assert controller.records == [long_record]
    assert list(task_list.rows) == [id(long_record)]
    assert QgsProject.instance().mapLayer(layer_id) is not None
    assert not task_list.clear_button.isVisible()

    # Cancel: "cancelled" in the row and in QGIS's message bar, as information; the task ends complete
    # (QGIS announces a terminated task as "Task failed"), its description saying cancelled.
    ends = []
    task.taskCompleted.connect(lambda: ends.append(("complete", task.description())))
    task.taskTerminated.connect(lambda: ends.append(("terminated", task.description())))
    row = task_list.rows[id(long_record)]
    QTest.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)
    wait_until_ended(qtbot, long_record)
    qtbot.waitUntil(lambda: ends != [], timeout=TASK_TIMEOUT_MS)
    assert long_record.status == "cancelled", long_record.message
    assert ends == [("complete", f"Load By Extent: {long_record.description} (cancelled)")]
    assert row.title.text().startswith("⊘")
    infos = bar.get_messages(Qgis.MessageLevel.Info)
    assert any(long_record.description in text and "cancelled" in text for text in infos), infos
    for level in (Qgis.MessageLevel.Warning, Qgis.MessageLevel.Critical):
        assert not any("fail" in text.lower() for text in bar.get_messages(level)), bar.get_messages(level)

    assert task_list.clear_button.isVisible()
    QTest.mouseClick(task_list.clear_button, Qt.MouseButton.LeftButton)
    flush_deletions()
    assert controller.records == [] and task_list.rows == {}
    assert task_list.empty.isVisible()
    assert task_list.findChildren(TaskRow) == []


# --- titles at the dock's default width -----------------------------------------------------------


def test_long_titles_are_cut_short_of_the_buttons_at_320_px(qtbot, sample_store):
    container = QWidget()
    container.resize(DOCK_WIDTH, 400)
    layout = QVBoxLayout(container)
    task_list = TaskList()
    layout.addWidget(task_list)
    container.show()
    qtbot.waitExposed(container)
    description = "S2 2017-02-16 " + ",".join(ALL_S2_BANDS) + " · API"
    running = TaskRecord(description, crop_request(ALL_S2_BANDS), sample_store, status=TaskStatus.RUNNING)
    task_list.add(running)
    row = task_list.rows[id(running)]
    QgsApplication.processEvents()
    qtbot.waitUntil(lambda: row.cancel_button.width() > 0)

    assert container.width() == DOCK_WIDTH
    assert rect_in(row, container).right() < DOCK_WIDTH  # the row fits the dock: nothing pushed out
    title, cancel = rect_in(row.title, container), rect_in(row.cancel_button, container)
    assert cancel.right() < DOCK_WIDTH
    assert title.right() < cancel.left()  # the title ends before ×
    shown = row.title.shown_text()
    assert shown.endswith("…") and shown != row.title.text()
    assert row.title.fontMetrics().horizontalAdvance(shown) <= row.title.contentsRect().width()
    assert row.title.text() == "⟳ " + description  # the whole title stays the text, and the tooltip
    assert row.title.toolTip() == row.title.text()

    running.status = TaskStatus.DONE
    running.layer_ids = ["a-layer"]
    task_list.update_record(running)
    QgsApplication.processEvents()
    assert rect_in(row.title, container).right() < cancel.left()  # × gone, its room kept empty
    for button in (row.again_button, row.zoom_button):
        assert button.isVisible()
        assert rect_in(button, container).right() < DOCK_WIDTH
    container.close()
    container.deleteLater()
