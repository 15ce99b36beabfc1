"""Shared test set-up: import the checkout as `load_by_extent`, find the real sample imagery; the
plugin in pytest-qgis's stub iface (completed with real Qt objects), with its settings isolated."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from qgis.core import QgsApplication, QgsSettings
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtWidgets import QMainWindow, QToolBar, QWidget
from qgis_gui import SETTINGS_PREFIX, TASK_TIMEOUT_MS, QgisGui, flush_deletions, show_area

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The tests state GDAL's exception mode, as the command line does (core/cli.py): left unstated, GDAL
# 3.9 and later warn at the first call that the default changes in GDAL 4. QGIS's Processing switches
# exceptions on when it starts (test_processing); the plugin's code reads GDAL in either mode.
from osgeo import gdal, ogr, osr  # noqa: E402

for _module in (gdal, ogr, osr):
    _module.DontUseExceptions()

# The checkout may be called anything; the plugin's modules import each other relatively, as
# members of the package `load_by_extent`. bin/lbe.py registers the folder under that name.
_spec = importlib.util.spec_from_file_location("lbe_launcher", os.path.join(ROOT, "bin", "lbe.py"))
_launcher = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_launcher)
_launcher.import_checkout_as_package(ROOT)


@pytest.fixture(autouse=True, scope="session")
def _collect_before_qgis_exits(qgis_app) -> Iterator[None]:
    """Python objects wrapping QGIS ones, left in reference cycles by the tests, are collected while
    QGIS still runs: pytest collects garbage at its very end, after pytest-qgis's exitQgis(), and
    destroying them then crashes the interpreter."""
    yield
    import gc

    gc.collect()


@pytest.fixture(scope="session")
def sample_data() -> str:
    """The folder of arranged real imagery (scripts/sample_data.py; `make data` fetches it)."""
    folder = os.environ.get("LBE_SAMPLE_DATA")
    if not folder:
        script = os.path.join(ROOT, "scripts", "sample_data.py")
        folder = subprocess.run([sys.executable, script], check=True, capture_output=True, text=True).stdout.strip()
    assert os.path.isfile(os.path.join(folder, ".complete")), f"sample data incomplete in {folder}; run make data"
    return folder


@pytest.fixture(scope="session")
def sample_store(sample_data) -> str:
    return os.path.join(sample_data, "store")


@pytest.fixture(scope="session")
def lbe_command() -> list[str]:
    """The command line launcher, as users run it."""
    return [os.path.join(ROOT, "bin", "lbe")]


FULL_TILE_SIZE = 10980  # a Sentinel-2 10 m band


@pytest.fixture(scope="session")
def full_size_store(tmp_path_factory) -> str:
    """A scene store holding one full-size Sentinel-2 10 m band (10980 x 10980, UInt16, tiled,
    DEFLATE), S2/33/U/UU/2020/6/1/0 band B04, generated once per test session (a striped pattern:
    quick to write, long enough to crop that a task can be watched and cancelled)."""
    import numpy as np
    from osgeo import gdal, osr

    store = tmp_path_factory.mktemp("full-size-store")
    folder = store / "tiles" / "33" / "U" / "UU" / "2020" / "6" / "1" / "0"
    folder.mkdir(parents=True)
    dataset = gdal.GetDriverByName("GTiff").Create(
        str(folder / "B04.tif"), FULL_TILE_SIZE, FULL_TILE_SIZE, 1, gdal.GDT_UInt16,
        options=["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE", "ZLEVEL=1",
                 "NUM_THREADS=ALL_CPUS"])
    dataset.SetGeoTransform((300000.0, 10.0, 0.0, 5900040.0, 0.0, -10.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    columns = np.arange(FULL_TILE_SIZE, dtype=np.uint32)[None, :]
    for row in range(0, FULL_TILE_SIZE, 1098):
        rows = np.arange(row, row + 1098, dtype=np.uint32)[:, None]
        band.WriteArray((1000 + (columns // 7) % 500 + (rows // 5) % 300).astype(np.uint16), 0, row)
    band = None
    dataset = None
    return str(store)


@pytest.fixture(scope="session")
def full_size_aoi() -> dict:
    """A polygon over most of the full-size tile (about 100 x 100 km), in lon/lat."""
    from rasters import polygon_from_utm

    return polygon_from_utm([(300500.3, 5795000.7), (409300.1, 5792000.2), (408000.9, 5899500.6),
                             (301000.4, 5899000.8), (340000.2, 5850000.1)])


MASTER_PASSWORD = "master-password-for-tests"  # the test profile's authentication database


@pytest.fixture
def auth_manager(qgis_app):
    """QGIS's authentication database with its master password set; the configurations a test
    stores are removed afterwards."""
    manager = QgsApplication.authManager()
    assert not manager.isDisabled(), "the authentication system of the test QGIS is disabled"
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword(MASTER_PASSWORD, True), (
            f"the test profile's authentication database ({manager.authenticationDatabasePath()}) has another "
            "master password; remove that file to start afresh")
    before = set(manager.configIds())
    yield manager
    for config_id in set(manager.configIds()) - before:
        manager.removeAuthenticationConfig(config_id)


# --- the plugin in QGIS: the stub iface, completed with real Qt objects ------------------------------


@pytest.fixture
def gui(qgis_iface, qtbot) -> Iterator[QgisGui]:
    """A real main window, raster toolbar, Raster menu and options page list behind the stub iface;
    its message bar emptied."""
    window = QMainWindow()
    window.setObjectName("QgisApp")
    window.setCentralWidget(QWidget())
    window.resize(1400, 900)
    toolbar = QToolBar("Raster", window)
    toolbar.setObjectName("mRasterToolBar")
    window.addToolBar(toolbar)
    menu = window.menuBar().addMenu("&Raster")
    gui = QgisGui(window, toolbar, menu)
    overrides = {
        "mainWindow": lambda: window,
        "addDockWidget": window.addDockWidget,
        "removeDockWidget": window.removeDockWidget,
        "addRasterToolBarIcon": toolbar.addAction,
        "removeRasterToolBarIcon": toolbar.removeAction,
        "rasterMenu": lambda: menu,
        "addToolBar": window.addToolBar,  # QgisApp's: a new toolbar of the main window, shown
        "registerOptionsWidgetFactory": gui.options_factories.append,
        "unregisterOptionsWidgetFactory": gui.options_factories.remove,
    }
    for name, value in overrides.items():
        setattr(qgis_iface, name, value)
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    bar.clear_messages()
    window.show()
    qtbot.waitExposed(window)
    yield gui
    bar.clearWidgets()
    for name in overrides:
        delattr(qgis_iface, name)  # the stub's own method (or its stand-in) again
    window.close()
    window.deleteLater()
    flush_deletions()


@pytest.fixture
def isolated_settings() -> Iterator[None]:
    """The plugin's QgsSettings keys, saved before and restored after the test; empty during it."""
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in settings.allKeys() if key.startswith(SETTINGS_PREFIX + "/")}
    settings.remove(SETTINGS_PREFIX)
    yield
    settings.remove(SETTINGS_PREFIX)
    for key, value in saved.items():
        settings.setValue(key, value)


@pytest.fixture
def output_folder(tmp_path) -> str:
    return str(tmp_path / "output")


@pytest.fixture
def plugin_settings(isolated_settings, sample_store, output_folder):
    """The real sample imagery as the scene folder, the test's output folder."""
    from load_by_extent.services.settings import PluginSettings

    settings = PluginSettings()
    settings.scene_folders = [sample_store]
    settings.output_folder = output_folder
    return settings


@pytest.fixture
def canvas(qgis_canvas: QgsMapCanvas, qgis_parent: QWidget, qtbot) -> Iterator[QgsMapCanvas]:
    """The test canvas, shown at 600 x 400 px, in EPSG:3857 over the Sentinel-2 sample AOI."""
    was_visible = qgis_parent.isVisible()
    qgis_parent.show()  # a hidden canvas keeps a stale output size
    qgis_canvas.resize(600, 400)
    qtbot.waitExposed(qgis_canvas)
    show_area(qgis_canvas, "EPSG:3857")
    assert qgis_canvas.mapSettings().outputSize().width() > 500
    yield qgis_canvas
    if not was_visible:
        qgis_parent.hide()


@pytest.fixture
def make_plugin(gui, canvas, qgis_iface, qgis_new_project, qtbot):
    """Build plugins as QGIS does (classFactory, initGui); each is unloaded after the test (unless
    the test did), and no task of the test still runs afterwards."""
    import load_by_extent

    made = []

    def make():
        plugin = load_by_extent.classFactory(qgis_iface)
        plugin.initGui()
        made.append(plugin)
        return plugin

    yield make
    for plugin in made:
        if plugin.action is not None:
            plugin.unload()
    flush_deletions()
    # Nothing of this test may still run in the next one.
    manager = QgsApplication.taskManager()
    qtbot.waitUntil(lambda: manager.countActiveTasks() == 0, timeout=TASK_TIMEOUT_MS)
    flush_deletions()


@pytest.fixture
def plugin(plugin_settings, make_plugin):
    """A loaded plugin on `plugin_settings`."""
    return make_plugin()


@pytest.fixture
def stats_dock(qgis_app, qtbot):
    """The statistics dock, shown at 900 x 720 px, cleaned up after the test."""
    from load_by_extent.ui.stats_dock import StatsDock

    widget = StatsDock()
    qtbot.addWidget(widget)
    widget.resize(900, 720)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.cleanup()


@pytest.fixture(params=["requests", "qgis"])
def transport(request):
    """The transport factory a test runs through, once each: the command line's (None: `requests`)
    and QGIS's network. Modules that need it for every test override it with an autouse fixture."""
    if request.param == "qgis":
        from load_by_extent.services.qgis_transport import qgis_transport_for

        return qgis_transport_for()
    return None
