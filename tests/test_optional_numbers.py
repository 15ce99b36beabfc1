"""Optional numbers of the dock and the Options page (cloud limits, pixel size, colormap classes,
the waiting limit), driven as a user does: each starts "not set" and says so ("no limit", "native"
...); a number typed reaches the request; the clear button, or erasing the text, sets it back to not
set and the request leaves the parameter out. A waiting limit saved as 0 (earlier versions' "not
set") loads as not set."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from load_by_extent.services.backends import remote_config
from load_by_extent.services.network import store_api_key
from load_by_extent.services.settings import PluginSettings
from qgis.core import QgsSettings
from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QAbstractSpinBox, QApplication, QToolButton
from qgis_gui import SETTINGS_PREFIX

pytestmark = pytest.mark.sample_data

DOCK_WIDTH = 320  # QGIS's dock on a small screen


@dataclass(frozen=True)
class OptionalField:
    name: str
    task_type: str
    box: Callable  # dock -> the spin box
    read: Callable  # dock -> the value the form sends (None: left out)
    not_set_text: str
    typed: str  # a valid number as the user types it
    expected: float


def request_param(name: str) -> Callable:
    def read(dock):
        params = dock.build_request().params
        return params.get(name)  # None: the request has no such parameter
    return read


def search_criterion(dock):
    return dock.scene_picker.criteria()["max_cloud"]


def saved_max_wait(dock):
    return PluginSettings().max_wait_hours


FIELDS = [
    OptionalField("pixel size", "jpeg", lambda dock: dock.forms["jpeg"].px_size, request_param("px_size"),
                  "native", "20", 20.0),
    OptionalField("classes", "jpeg", lambda dock: dock.forms["jpeg"].classes, request_param("colors_limit"),
                  "continuous", "5", 5),
    OptionalField("statistics cloud limit", "mt_stats", lambda dock: dock.forms["mt_stats"].max_cloud,
                  request_param("max_cloud_cover_in_aoi"), "no limit", "30", 30.0),
    OptionalField("scene search cloud limit", "lbe", lambda dock: dock.scene_picker.max_cloud, search_criterion,
                  "no limit", "30", 30.0),
    OptionalField("waiting limit", "lbe", lambda dock: dock.settings_widget.max_wait, saved_max_wait,
                  "the task's own limit", "2.5", 2.5),
]


@pytest.fixture
def dock(plugin, gui):
    dock = plugin.dock
    gui.window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
    dock.findChild(QgsCollapsibleGroupBox, "settingsGroup").setCollapsed(False)
    QApplication.setActiveWindow(gui.window)  # focus exists in the active window only
    QApplication.processEvents()
    assert abs(dock.width() - DOCK_WIDTH) <= 2, dock.width()
    return dock


def show_field(dock, field: OptionalField) -> QAbstractSpinBox:
    dock.task_combo.setCurrentIndex(dock.task_combo.findData(field.task_type))
    assert dock.task_type() == field.task_type
    if field.task_type == "jpeg":
        dock.forms["jpeg"].combination.setEditText("NDVI")  # one expression: colormap and classes apply
        assert dock.forms["jpeg"].single()
    box = field.box(dock)
    dock.scroll_area.ensureWidgetVisible(box)
    QApplication.processEvents()
    assert box.isVisible() and box.isEnabled(), field.name
    return box


def type_number(box: QAbstractSpinBox, text: str) -> None:
    box.setFocus()
    assert box.hasFocus()
    box.lineEdit().selectAll()
    QTest.keyClicks(box.lineEdit(), text)
    QTest.keyClick(box.lineEdit(), Qt.Key.Key_Return)


def erase(box: QAbstractSpinBox) -> None:
    box.setFocus()
    assert box.hasFocus()
    box.lineEdit().selectAll()
    QTest.keyClick(box.lineEdit(), Qt.Key.Key_Backspace)
    QTest.keyClick(box.lineEdit(), Qt.Key.Key_Return)


def clear_button(box: QAbstractSpinBox) -> QToolButton | None:
    """The clear button QGIS draws in the box, when shown."""
    QApplication.processEvents()
    shown = [button for button in box.lineEdit().findChildren(QToolButton) if button.isVisible()]
    assert len(shown) <= 1
    return shown[0] if shown else None


def assert_not_set(dock, field: OptionalField, box: QAbstractSpinBox) -> None:
    assert box.text() == field.not_set_text, field.name
    assert box.number() is None
    assert field.read(dock) is None, field.name
    assert clear_button(box) is None, f"{field.name}: nothing to clear"


@pytest.mark.parametrize("field", FIELDS, ids=[field.name for field in FIELDS])
def test_an_optional_number_is_not_set_until_typed_and_cleared_by_its_button_or_by_erasing(dock, field):
    box = show_field(dock, field)
    assert_not_set(dock, field, box)

    type_number(box, field.typed)
    assert box.number() == field.expected
    assert field.read(dock) == field.expected, field.name
    button = clear_button(box)
    assert button is not None, f"{field.name}: no clear button beside a number"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert_not_set(dock, field, box)

    type_number(box, field.typed)
    assert field.read(dock) == field.expected, field.name
    erase(box)
    assert_not_set(dock, field, box)


@pytest.mark.parametrize("field", [field for field in FIELDS if "cloud" in field.name],
                         ids=[field.name for field in FIELDS if "cloud" in field.name])
def test_a_cloud_limit_of_0_or_100_percent_is_a_limit_not_unset(dock, field):
    box = show_field(dock, field)
    for typed, expected in (("0", 0), ("100", 100)):
        type_number(box, typed)
        assert box.text() == f"{typed} %"
        assert field.read(dock) == expected, (field.name, typed)


def test_classes_step_from_continuous_to_two_the_fewest_the_api_takes(dock):
    field = FIELDS[1]
    box = show_field(dock, field)
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Up)
    assert box.number() == 2 and field.read(dock) == 2
    QTest.keyClick(box, Qt.Key.Key_Down)
    assert_not_set(dock, field, box)


def test_the_not_set_texts_and_numbers_beside_the_clear_button_are_whole_in_a_narrow_dock(dock):
    for field in FIELDS:
        box = show_field(dock, field)
        edit = box.lineEdit()
        assert box.width() >= box.minimumSizeHint().width(), field.name
        assert edit.fontMetrics().horizontalAdvance(field.not_set_text) < edit.width(), field.name
        box.setValue(box.maximum())  # the widest number
        button = clear_button(box)
        assert edit.fontMetrics().horizontalAdvance(box.text()) < button.x(), f"{field.name}: {box.text()}"
        box.clear()


# --- the waiting limit in the settings -----------------------------------------------------------------


@pytest.fixture
def keyed_settings(auth_manager, plugin_settings):
    """The plugin's settings with an API key (the remote configuration needs one)."""
    plugin_settings.auth_config_id = store_api_key("key-of-the-waiting-tests")
    return plugin_settings


def waiting_limit_seconds() -> float | None:
    """What remote tasks are given as max_wait."""
    return remote_config(PluginSettings()).max_wait


@pytest.mark.parametrize("stored", [0, 0.0, "0", "0.0"], ids=["int", "float", "text", "decimal text"])
def test_a_waiting_limit_saved_as_0_loads_as_not_set(keyed_settings, make_plugin, gui, stored):
    QgsSettings().setValue(f"{SETTINGS_PREFIX}/max_wait_hours", stored)  # earlier versions' "not set"
    assert PluginSettings().max_wait_hours is None
    assert waiting_limit_seconds() is None  # the task's own task_timeout
    plugin = make_plugin()
    box = plugin.dock.settings_widget.max_wait
    assert box.text() == "the task's own limit" and box.number() is None
    page = gui.options_factories[0].createWidget()
    assert page.widget.max_wait.number() is None
    assert page.widget.max_wait.text() == "the task's own limit"
    page.deleteLater()


def test_a_waiting_limit_set_then_cleared_on_the_options_page(keyed_settings, make_plugin, gui, qtbot):
    make_plugin()
    page = gui.options_factories[0].createWidget()
    page.show()
    qtbot.waitExposed(page)
    QApplication.setActiveWindow(page)
    box = page.widget.max_wait
    type_number(box, "3")
    page.apply()
    assert PluginSettings().max_wait_hours == 3.0
    assert waiting_limit_seconds() == 3 * 3600
    QTest.mouseClick(clear_button(box), Qt.MouseButton.LeftButton)
    page.apply()
    assert PluginSettings().max_wait_hours is None
    assert not QgsSettings().contains(f"{SETTINGS_PREFIX}/max_wait_hours")  # not set: no number stored
    assert waiting_limit_seconds() is None
    page.close()
    page.deleteLater()
