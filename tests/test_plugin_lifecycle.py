"""The plugin in QGIS: start-up, the action and its dock, unload and reload, the console API, the
Options page.

pytest-qgis's stub iface lacks the raster toolbar and menu, the options page registry and a main
window that takes docks: small real Qt objects stand in for them (a QMainWindow, a QToolBar, a
QMenu, a list), so the tests can check that unload() takes back everything initGui() and the dock
put there. Background tasks run in QGIS's task manager; the tests wait on them, never sleep.
"""

from __future__ import annotations

import os

import load_by_extent
import pytest
from load_by_extent.core.errors import RequestError
from load_by_extent.services.settings import SCENE_FOLDERS, PluginSettings
from load_by_extent.services.task_controller import TaskStatus
from load_by_extent.ui.map_tools import PolygonAoiTool, RectangleAoiTool
from load_by_extent.ui.settings_widget import SettingsPage, SettingsPageFactory
from qgis.core import (
    QgsApplication,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
    QgsTask,
)
from qgis.gui import QgsDockWidget, QgsMapCanvas, QgsMapTool, QgsRubberBand
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QDockWidget, QMainWindow, QToolBar
from qgis_gui import QgisGui, flush_deletions
from rasters import polygon_from_utm

# Every test runs the plugin on the real sample imagery (the scene folder of the settings).
pytestmark = pytest.mark.sample_data

SETTINGS_PREFIX = "load_by_extent"
TASK_TIMEOUT_MS = 60_000

S2_VIEW = "S2/33/U/UU/2017/2/16/0"
S2_AOI = {
    "type": "Polygon",
    "coordinates": [[[12.553, 52.474], [12.632, 52.466], [12.668, 52.492], [12.640, 52.518], [12.575, 52.515],
                     [12.553, 52.474]]],
}
TRUE_COLOUR_LAYER = "S2 2017-02-16 B04 B03 B02"

BIG_VIEW = "S2/33/U/UU/2020/6/1/0"
BIG_ORIGIN = (300000.0, 5900040.0)


def true_colour_request(reference: str = "console-api") -> dict:
    return {"type": "lbe", "params": {"view_id": S2_VIEW, "bands": ["B04", "B03", "B02"], "merge": True,
                                      "geometry": S2_AOI, "reference": reference}}


# --- the plugin in QGIS (gui, canvas, plugin_settings, make_plugin, plugin: tests/conftest.py) --------


@pytest.fixture
def environment(gui, plugin_settings, make_plugin) -> QgisGui:
    """Everything a plugin instance needs; afterwards, no task of the test still runs."""
    return gui


# --- helpers ----------------------------------------------------------------------------------------


def rubber_band_count(canvas: QgsMapCanvas) -> int:
    return len([item for item in canvas.scene().items() if isinstance(item, QgsRubberBand)])


def our_docks(window: QMainWindow) -> list[QDockWidget]:
    return [dock for dock in window.findChildren(QDockWidget) if dock.objectName() == "LoadByExtentDock"]


def files_under(folder: str) -> list[str]:
    return [os.path.join(root, name) for root, _dirs, names in os.walk(folder) for name in names]


def our_toolbars(window: QMainWindow) -> list[QToolBar]:
    return [bar for bar in window.findChildren(QToolBar) if bar.objectName() == "LoadByExtentToolBar"]


def assert_everything_removed(plugin, gui: QgisGui, action, canvas: QgsMapCanvas, rubber_bands_before: int) -> None:
    assert action not in gui.raster_toolbar.actions()
    assert action not in gui.raster_menu.actions()
    assert gui.options_factories == []
    assert plugin.toolbar is None
    flush_deletions()
    assert our_toolbars(gui.window) == []
    assert our_docks(gui.window) == []
    assert rubber_band_count(canvas) == rubber_bands_before
    assert not isinstance(canvas.mapTool(), (RectangleAoiTool, PolygonAoiTool))
    assert plugin._dock is None


# --- start-up -------------------------------------------------------------------------------------


def test_init_gui_adds_action_and_options_page_but_no_dock(environment, qgis_iface, qtbot):
    gui = environment
    tasks_before = QgsApplication.taskManager().count()
    plugin = load_by_extent.classFactory(qgis_iface)
    assert type(plugin).__name__ == "LoadByExtentPlugin"
    plugin.initGui()
    try:
        action = plugin.action
        assert action.text() == "Load By Extent"
        assert action.isCheckable() and not action.isChecked()
        assert action in gui.raster_toolbar.actions()
        assert action in gui.raster_menu.actions()
        assert plugin._dock is None  # start-up stays light: no dock (nor search) before it is asked for
        assert our_docks(gui.window) == []
        assert QgsApplication.taskManager().count() == tasks_before
        # QGIS's Raster toolbar is hidden by default: the plugin's own toolbar shows the button.
        (toolbar,) = our_toolbars(gui.window)
        assert toolbar is plugin.toolbar and toolbar.windowTitle() == "Load By Extent"
        assert toolbar.actions() == [action]
        assert gui.window.toolBarArea(toolbar) != Qt.ToolBarArea.NoToolBarArea
        gui.raster_toolbar.hide()
        qtbot.waitUntil(toolbar.isVisible)  # shown by the main window, not hidden like the Raster toolbar
        button = toolbar.widgetForAction(action)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # a real click on it opens the dock
        assert plugin._dock is not None and action.isChecked()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        assert not action.isChecked()
        assert [factory.title() for factory in gui.options_factories] == ["Load By Extent"]
        assert gui.options_factories[0] is plugin.options_factory
    finally:
        plugin.unload()


def test_action_shows_and_hides_the_dock_and_follows_it(plugin, environment, qtbot):
    gui = environment
    action = plugin.action
    action.trigger()
    dock = plugin._dock
    assert isinstance(dock, QgsDockWidget)
    assert dock.objectName() == "LoadByExtentDock"
    assert our_docks(gui.window) == [dock]
    assert gui.window.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea  # docked in the main window
    qtbot.waitUntil(dock.isVisible)
    assert action.isChecked()

    action.trigger()
    qtbot.waitUntil(lambda: not dock.isVisible())
    assert not action.isChecked()

    action.trigger()
    qtbot.waitUntil(dock.isVisible)
    assert action.isChecked()
    assert plugin._dock is dock  # built once

    dock.close()  # the dock's own close button: the action follows
    qtbot.waitUntil(lambda: not dock.isVisible())
    assert not action.isChecked()


# --- unload ---------------------------------------------------------------------------------------


@pytest.mark.timeout(300)
def test_big_tile_unload_removes_everything_and_cancels_running_tasks(
    environment, qgis_iface, canvas, qtbot, full_size_store, output_folder
):
    gui = environment
    rubber_bands_before = rubber_band_count(canvas)
    plugin = load_by_extent.classFactory(qgis_iface)
    plugin.initGui()
    action = plugin.action
    action.trigger()
    dock = plugin.dock
    # Leave traces of use on the canvas: an AOI, the scene footprints, a drawing tool still active.
    dock.aoi_section.use_canvas_extent()
    dock.scene_picker.show_footprints.setChecked(True)
    qtbot.waitUntil(lambda: dock.scene_picker.table.rowCount() > 0, timeout=TASK_TIMEOUT_MS)
    dock.aoi_section.draw_polygon()
    assert isinstance(canvas.mapTool(), PolygonAoiTool)
    assert rubber_band_count(canvas) > rubber_bands_before
    # A long task, still running at unload.
    x0, y0 = BIG_ORIGIN
    aoi = polygon_from_utm([(x0 + 2000, y0 - 107000), (x0 + 107000, y0 - 107000), (x0 + 107000, y0 - 2000),
                            (x0 + 2000, y0 - 2000)])
    request = {"type": "lbe", "params": {"view_id": BIG_VIEW, "bands": ["B04"], "geometry": aoi,
                                         "reference": "unload-while-running"}}
    task = plugin.run_request(request, scenes=full_size_store)
    record = plugin.controller.records[0]
    qtbot.waitUntil(lambda: record.status is TaskStatus.RUNNING, timeout=TASK_TIMEOUT_MS)

    # A cancelled task ends "complete" (QGIS would announce a terminated one as "Task failed").
    with qtbot.waitSignal(task.taskCompleted, timeout=TASK_TIMEOUT_MS):
        plugin.unload()
    assert_everything_removed(plugin, gui, action, canvas, rubber_bands_before)
    assert files_under(output_folder) == []
    assert QgsProject.instance().mapLayers() == {}


def test_unload_then_a_new_instance_loads_and_unloads_again(environment, qgis_iface, canvas, qtbot):
    gui = environment
    rubber_bands_before = rubber_band_count(canvas)
    for _reload in range(2):
        plugin = load_by_extent.classFactory(qgis_iface)
        plugin.initGui()
        action = plugin.action
        assert action in gui.raster_toolbar.actions() and action in gui.raster_menu.actions()
        assert our_toolbars(gui.window) == [plugin.toolbar]
        assert len(gui.options_factories) == 1
        action.trigger()
        dock = plugin.dock
        qtbot.waitUntil(dock.isVisible)
        assert our_docks(gui.window) == [dock]
        dock.aoi_section.use_canvas_extent()
        dock.aoi_section.draw_rectangle()
        assert isinstance(canvas.mapTool(), RectangleAoiTool)
        plugin.unload()
        assert not dock.isVisible()  # out of the main window at once, deleted with the next events
        assert gui.window.dockWidgetArea(dock) == Qt.DockWidgetArea.NoDockWidgetArea
        assert_everything_removed(plugin, gui, action, canvas, rubber_bands_before)
        assert sip.isdeleted(dock)
        assert gui.raster_toolbar.actions() == [] and gui.raster_menu.actions() == []


def test_unload_of_a_plugin_never_opened(environment, qgis_iface, canvas):
    gui = environment
    rubber_bands_before = rubber_band_count(canvas)
    plugin = load_by_extent.classFactory(qgis_iface)
    plugin.initGui()
    action = plugin.action
    plugin.unload()
    assert_everything_removed(plugin, gui, action, canvas, rubber_bands_before)


def test_unload_deletes_the_map_tools_the_dock_made(environment, qgis_iface, canvas):
    """QgsMapTool's QObject parent is the canvas: tools the dock made live on as the canvas's children
    after unload (two more per reload, their slots bound to the deleted dock) unless deleted."""

    def our_tools() -> list[QgsMapTool]:
        tools = canvas.findChildren(QgsMapTool)
        return [tool for tool in tools if isinstance(tool, (RectangleAoiTool, PolygonAoiTool))]

    tools_before = len(our_tools())
    plugin = load_by_extent.classFactory(qgis_iface)
    plugin.initGui()
    dock = plugin.dock
    assert len(our_tools()) == tools_before + 2
    dock.aoi_section.draw_rectangle()
    plugin.unload()
    flush_deletions()
    assert len(our_tools()) == tools_before


# --- the console API ------------------------------------------------------------------------------


def test_run_request_runs_and_loads_like_the_run_button(plugin, qtbot, sample_store, output_folder):
    PluginSettings().scene_folders = []  # the scenes come from the argument
    plugin.controller.refresh_stores()
    task = plugin.run_request(true_colour_request(), scenes=sample_store)
    assert isinstance(task, QgsTask)
    record = plugin.controller.records[0]
    assert record.task is task
    qtbot.waitUntil(lambda: record.status.has_ended, timeout=TASK_TIMEOUT_MS)
    assert record.status is TaskStatus.DONE, record.message
    project = QgsProject.instance()
    layer = project.mapLayer(record.layer_ids[0])
    assert isinstance(layer, QgsRasterLayer)
    assert layer.name() == TRUE_COLOUR_LAYER
    assert layer.bandCount() == 3
    group = project.layerTreeRoot().findLayer(layer.id()).parent()
    assert group.name() == f"{S2_VIEW} · lbe B04 B03 B02"
    assert os.path.dirname(layer.source()) == output_folder
    # the dock, opened afterwards, lists the task like its own
    dock = plugin.dock
    assert dock.objectName() == "LoadByExtentDock"
    assert plugin.dock is dock
    assert id(record) in dock.task_list.rows


@pytest.mark.parametrize(("change", "field_name"), [
    (lambda request: request["params"].update(bands=["B04", "B99"]), "params.bands"),
    (lambda request: request["params"].pop("geometry"), "params.geometry"),
    (lambda request: request["params"].update(view_id="S2/33/U/UU/2017/13/16/0"), "params.view_id"),
    (lambda request: request.update(type="crop"), "type"),
])
def test_run_request_refuses_an_invalid_request_before_anything_starts(
    plugin, sample_store, change, field_name
):
    request = true_colour_request()
    change(request)
    manager = QgsApplication.taskManager()
    tasks_before = manager.count()
    with pytest.raises(RequestError) as raised:
        plugin.run_request(request, scenes=sample_store)
    assert raised.value.field == field_name
    assert str(raised.value).startswith(field_name + ":")
    assert manager.count() == tasks_before
    assert plugin.controller.records == []


# --- the Options page -------------------------------------------------------------------------------


def test_options_page_apply_writes_the_settings(plugin, environment, sample_store, tmp_path):
    gui = environment
    factory = gui.options_factories[0]
    assert isinstance(factory, SettingsPageFactory)
    dock = plugin.dock  # open: the page's apply must reach it too
    page = factory.createWidget(gui.window)
    assert isinstance(page, SettingsPage)
    widget = page.widget
    assert [widget.folder_list.item(i).text() for i in range(widget.folder_list.count())] == [sample_store]

    extra = str(tmp_path / "more-scenes")
    os.makedirs(extra)
    new_output = str(tmp_path / "results")
    widget.add_folder(extra)
    widget.output_folder.setFilePath(new_output)
    widget.aoi_limit.setValue(750)
    assert PluginSettings().scene_folders == [sample_store]  # nothing written before apply
    page.apply()

    settings = QgsSettings()
    stored = settings.value(f"{SETTINGS_PREFIX}/scene_folders")
    assert list(stored) == [sample_store, extra]
    assert settings.value(f"{SETTINGS_PREFIX}/output_folder") == new_output
    assert float(settings.value(f"{SETTINGS_PREFIX}/aoi_limit_km2")) == 750
    assert PluginSettings().scene_folders == [sample_store, extra]
    # the open dock shows the new settings
    folders = dock.settings_widget.folder_list
    assert [folders.item(i).text() for i in range(folders.count())] == [sample_store, extra]
    assert dock.settings_widget.aoi_limit.value() == 750
    page.deleteLater()


def test_the_docks_settings_editor_updates_an_open_options_page(plugin, environment, sample_store, tmp_path):
    gui = environment
    dock = plugin.dock
    page = gui.options_factories[0].createWidget(gui.window)
    page.widget.api_url.setText("http://127.0.0.1:9/unsaved")  # an edit on the page, not yet applied
    changes = []
    plugin.settings.changed.connect(changes.append)

    limit = dock.settings_widget.aoi_limit
    limit.selectAll()
    QTest.keyClicks(limit, "321")  # typed into the dock's editor, which saves at once
    extra = str(tmp_path / "more-scenes")
    os.makedirs(extra)
    dock.settings_widget.add_folder(extra)

    assert PluginSettings().aoi_limit_km2 == 321
    assert page.widget.aoi_limit.value() == 321
    folders = page.widget.folder_list
    assert [folders.item(i).text() for i in range(folders.count())] == [sample_store, extra]
    assert page.widget.api_url.text() == "http://127.0.0.1:9/unsaved"  # the page's own edit stays
    assert ["aoi_limit_km2"] in changes and ["scene_folders"] in changes
    assert all(len(names) == 1 for names in changes)  # each save names only what it changed
    plugin.settings.changed.disconnect(changes.append)
    page.deleteLater()
    flush_deletions()
    limit.selectAll()
    QTest.keyClicks(limit, "500")  # the page is gone: saving still works
    assert PluginSettings().aoi_limit_km2 == 500



def test_saved_scene_folders_are_read_again_with_no_dock_open(plugin, sample_store):
    """The controller keeps the folders' indexes; saving the folders (OK in the Options dialog
    touches them even when unchanged) has them read again, new files and all."""
    plugin.settings.scene_folders = [sample_store]
    stores = plugin.controller.scene_stores()
    assert plugin.controller.scene_stores() is stores  # kept between runs
    plugin.settings.touch(SCENE_FOLDERS)
    assert plugin.controller.scene_stores() is not stores
    plugin.settings.scene_folders = []
