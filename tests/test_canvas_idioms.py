"""The plugin on the map canvas as QGIS's own code does it: zooms through the canvas
(setReferencedExtent, a map that cannot show the place left as it was, with a message), the project
it was given, one rubber band for all footprints, the repeated scene search kept out of the task
manager where QGIS can, colours taken from the theme (pytest-qgis, real canvas and widgets)."""

from __future__ import annotations

import json

import pytest
from fake_api import STATS_NESTED
from load_by_extent.plugin import LoadByExtentPlugin
from load_by_extent.services.task_controller import TaskStatus
from load_by_extent.services.tasks import SceneSearchTask
from load_by_extent.ui.readable_colours import contrast
from load_by_extent.ui.theme import ProblemLabel
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsTask,
)
from qgis.gui import QgsMapCanvas, QgsRubberBand
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QImage, QPalette
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QFileDialog
from qgis_gui import TASK_TIMEOUT_MS, flush_deletions, show_area

pytestmark = pytest.mark.sample_data

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
SEARCH_TIMEOUT_MS = 30_000
S2_VIEW = "S2/33/U/UU/2017/2/16/0"
S2_RING = [[12.553, 52.474], [12.632, 52.466], [12.668, 52.492], [12.640, 52.518], [12.575, 52.515],
           [12.553, 52.474]]
S2_AOI = {"type": "Polygon", "coordinates": [S2_RING]}
# An orthographic view of the south pole: no place at 52° N can be shown in it.
SOUTH_POLE = "PROJ:+proj=ortho +lat_0=-90 +lon_0=0 +datum=WGS84 +units=m"


@pytest.fixture
def dock(plugin):
    return plugin.dock


@pytest.fixture
def s2_aoi_file(tmp_path) -> str:
    path = tmp_path / "s2.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": S2_AOI}]}))
    return str(path)


def warnings_said(iface) -> list[str]:
    return iface.messageBar().get_messages(Qgis.MessageLevel.Warning)


def same_extent(a: QgsRectangle, b: QgsRectangle) -> bool:
    tolerance = max(a.width(), a.height()) * 1e-9
    return all(abs(x - y) <= tolerance for x, y in zip(
        (a.xMinimum(), a.yMinimum(), a.xMaximum(), a.yMaximum()),
        (b.xMinimum(), b.yMinimum(), b.xMaximum(), b.yMaximum())))


def show_south_pole(canvas: QgsMapCanvas) -> QgsRectangle:
    crs = QgsCoordinateReferenceSystem(SOUTH_POLE)
    assert crs.isValid()
    canvas.setDestinationCrs(crs)
    canvas.setExtent(QgsRectangle(-1e6, -1e6, 1e6, 1e6))
    return QgsRectangle(canvas.extent())


def box_on_canvas(canvas: QgsMapCanvas, crs: QgsCoordinateReferenceSystem, box: QgsRectangle) -> QgsRectangle:
    """Computed here independently of the plugin: `box` (in `crs`) in the canvas's CRS."""
    return QgsCoordinateTransform(crs, canvas.mapSettings().destinationCrs(), QgsProject.instance()
                                  ).transformBoundingBox(box)


def assert_shows(canvas: QgsMapCanvas, box: QgsRectangle) -> None:
    extent = canvas.extent()
    assert extent.buffered(box.width() * 1e-6).contains(box)
    assert extent.width() < 3 * box.width() or extent.height() < 3 * box.height()


def listed_view_ids(dock) -> list[str]:
    table = dock.scene_picker.table
    return [table.item(row, 3).text() for row in range(table.rowCount())]


def footprint_bands(canvas: QgsMapCanvas, dock) -> list[QgsRubberBand]:
    """The rubber bands drawn on the canvas other than the AOI's and the selected scene's."""
    others = (dock.aoi._band, dock.scene_picker._selected_footprint)
    return [item for item in canvas.scene().items() if isinstance(item, QgsRubberBand)
            and all(item is not other for other in others) and item.numberOfVertices() > 0 and item.isVisible()]


def double_click_row(table, row: int) -> None:
    table.scrollToItem(table.item(row, 0))
    cell = table.visualItemRect(table.item(row, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)


# --- zooms ------------------------------------------------------------------------------------------


def test_a_scene_the_map_cannot_show_leaves_the_map_and_says_why(dock, canvas, qtbot, s2_aoi_file, qgis_iface):
    dock.aoi_section.use_file(s2_aoi_file)
    qtbot.waitUntil(lambda: listed_view_ids(dock) == [S2_VIEW], timeout=SEARCH_TIMEOUT_MS)
    table = dock.scene_picker.table

    # where the map's CRS can show it, a double-click zooms to the scene's footprint
    show_area(canvas, "EPSG:3857", (0.0, 0.0, 1.0, 1.0))  # far away
    double_click_row(table, 0)
    footprint = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in
                                            dock.scene_picker.scenes[0].footprint()["coordinates"][0]]])
    assert_shows(canvas, box_on_canvas(canvas, WGS84, footprint.boundingBox()))
    assert warnings_said(qgis_iface) == []

    extent = show_south_pole(canvas)
    double_click_row(table, 0)  # no traceback: QgsCsException is caught
    assert same_extent(canvas.extent(), extent)
    (warning,) = warnings_said(qgis_iface)
    assert S2_VIEW in warning and "cannot show" in warning and "stays where it was" in warning


def test_an_aoi_file_the_map_cannot_show_is_taken_and_said(dock, canvas, s2_aoi_file, qgis_iface):
    extent = show_south_pole(canvas)
    dock.aoi_section.use_file(s2_aoi_file)
    assert dock.aoi.is_set
    assert same_extent(canvas.extent(), extent)
    (warning,) = warnings_said(qgis_iface)
    assert "the area of interest" in warning and "cannot show" in warning


def test_results_load_in_the_plugins_project_and_the_task_row_zooms_through_it(
        gui, plugin_settings, canvas, qgis_iface, qgis_new_project, qtbot, sample_store, output_folder):
    """The plugin given another project than QGIS's current one puts its results there, and zooms to
    them from there; where the map cannot show them it says so and stays."""
    own = QgsProject()
    plugin = LoadByExtentPlugin(qgis_iface, own)
    plugin.initGui()
    try:
        plugin.run_request({"type": "lbe", "params": {"view_id": S2_VIEW, "bands": ["B04"], "geometry": S2_AOI,
                                                      "reference": "own-project"}}, scenes=sample_store)
        record = plugin.controller.records[0]
        qtbot.waitUntil(lambda: record.status.has_ended, timeout=TASK_TIMEOUT_MS)
        assert record.status is TaskStatus.DONE, record.message
        layer = own.mapLayer(record.layer_ids[0])
        assert layer is not None and layer.isValid()
        assert QgsProject.instance().mapLayers() == {}

        row = plugin.dock.task_list.rows[id(record)]
        show_area(canvas, "EPSG:3857", (0.0, 0.0, 1.0, 1.0))  # far away
        row.zoom_button.click()
        assert_shows(canvas, box_on_canvas(canvas, layer.crs(), layer.extent()))
        assert warnings_said(qgis_iface) == []

        extent = show_south_pole(canvas)
        row.zoom_button.click()
        assert same_extent(canvas.extent(), extent)
        (warning,) = warnings_said(qgis_iface)
        assert "cannot show" in warning and record.description in warning
    finally:
        plugin.unload()
        flush_deletions()
        manager = QgsApplication.taskManager()
        qtbot.waitUntil(lambda: manager.countActiveTasks() == 0, timeout=TASK_TIMEOUT_MS)
        own.clear()


# --- footprints ---------------------------------------------------------------------------------------


def test_all_footprints_are_one_rubber_band_with_a_part_per_scene(dock, canvas, qtbot):
    """Without an AOI every scene of the folders is listed: their footprints are the parts of one band."""
    picker = dock.scene_picker
    dock.scene_search.search()
    qtbot.waitUntil(lambda: "scene(s) in the scene folders" in picker.status.text(), timeout=SEARCH_TIMEOUT_MS)
    footprints = [scene.footprint() for scene in picker.scenes]
    assert len(footprints) >= 3  # the sample folders hold Sentinel-2 and Landsat scenes
    assert footprint_bands(canvas, dock) == []

    picker.show_footprints.setChecked(True)
    (band,) = footprint_bands(canvas, dock)
    shown = band.asGeometry()
    assert shown.isMultipart()
    parts = shown.asGeometryCollection()
    assert len(parts) == len(footprints)
    for footprint, part in zip(footprints, parts):
        ring = [QgsPointXY(x, y) for x, y in footprint["coordinates"][0]]
        expected = box_on_canvas(canvas, WGS84, QgsGeometry.fromPolygonXY([ring]).boundingBox())
        box = part.boundingBox()
        tolerance = max(expected.width(), expected.height()) * 1e-6
        assert abs(box.xMinimum() - expected.xMinimum()) <= tolerance
        assert abs(box.yMaximum() - expected.yMaximum()) <= tolerance

    picker.show_footprints.setChecked(False)
    assert footprint_bands(canvas, dock) == []
    assert band not in canvas.scene().items()


# --- the scene search in the task manager ------------------------------------------------------------


def test_the_scene_search_is_hidden_from_the_task_manager_where_qgis_can(dock, qtbot):
    manager = QgsApplication.taskManager()
    announced: list[int] = []  # what QGIS's task list and notifications hear of
    manager.taskAdded.connect(announced.append)
    try:
        dock.scene_search.search()
        task = dock.scene_search.task
        assert isinstance(task, SceneSearchTask)
        flags = task.flags()
        search_id = manager.taskId(task)
        qtbot.waitUntil(lambda: "scene(s) in the scene folders" in dock.scene_picker.status.text(),
                        timeout=SEARCH_TIMEOUT_MS)
    finally:
        manager.taskAdded.disconnect(announced.append)
    assert search_id >= 0  # it ran in QGIS's task manager
    assert flags & QgsTask.Flag.CanCancel
    if hasattr(QgsTask.Flag, "Hidden"):  # QGIS 3.26 and later
        assert flags & QgsTask.Flag.Hidden
        assert search_id not in announced
    else:
        assert flags == QgsTask.Flag.CanCancel
        assert search_id in announced
    assert dock.scene_picker.scenes  # it ran, and reported
    assert dock.scene_picker.table.rowCount() == len(dock.scene_picker.scenes)


# --- colours that follow the theme ----------------------------------------------------------------------

# A dark theme's palette, as QGIS's "Night Mapping" looks.
DARK = {
    QPalette.ColorRole.Window: "#323232", QPalette.ColorRole.WindowText: "#dddddd",
    QPalette.ColorRole.Base: "#222222", QPalette.ColorRole.AlternateBase: "#2b2b2b",
    QPalette.ColorRole.Text: "#dddddd", QPalette.ColorRole.Button: "#3c3c3c",
    QPalette.ColorRole.ButtonText: "#dddddd",
}
STATS_REQUEST = {"type": "mt_stats", "params": {"bm_type": ["NDVI", "NDWI"], "date_start": "2023-07-01",
                                                "date_end": "2023-07-31", "reference": "dark"}}


@pytest.fixture
def dark_theme(qgis_app):
    """Applies the dark palette to the application when called; the palette of before afterwards."""
    before = QPalette(QApplication.palette())

    def apply() -> QPalette:
        palette = QPalette(before)
        for role, colour in DARK.items():
            palette.setColor(role, QColor(colour))
        QApplication.setPalette(palette)
        QApplication.processEvents()
        return palette

    yield apply
    QApplication.setPalette(before)
    QApplication.processEvents()


def text_colour(label) -> str:
    label.ensurePolished()
    return label.palette().color(QPalette.ColorRole.WindowText).name()


def is_red(colour: str) -> bool:
    hue = QColor(colour).hslHueF()
    return QColor(colour).hslSaturationF() > 0.3 and (hue < 0.05 or hue > 0.95)


def test_problem_labels_are_red_and_readable_in_the_theme_and_follow_it(dock, dark_theme):
    labels = dock.findChildren(ProblemLabel)
    assert len(labels) >= 7  # one under each part of the form, and Run's
    light = {}
    for label in labels:
        label.setText("a problem")
        light[id(label)] = text_colour(label)
        window = QApplication.palette().color(QPalette.ColorRole.Window).name()
        assert is_red(light[id(label)]) and contrast(light[id(label)], window) >= 4.5, (light[id(label)], window)

    dark_theme()
    dock.aoi_section.use_file("/nonexistent/aoi.geojson")  # a problem said after the theme changed
    assert dock.aoi_section.problem.isVisible() and dock.aoi_section.problem.text()
    for label in labels:
        label.setText("a problem")
        colour = text_colour(label)
        assert is_red(colour), colour
        assert contrast(colour, DARK[QPalette.ColorRole.Window]) >= 4.5, colour
        assert colour != light[id(label)]  # lighter: the light theme's red would not read here


def chart_texts(dock) -> list:
    """Every text of the chart: tick labels, axis labels, title, legend."""
    artists = dock.artists
    texts = [dock.figure._suptitle, artists.legend.get_texts()[0]]
    for axes in (artists.axes, artists.cloud_axes):
        texts += [axes.yaxis.label, *axes.get_yticklabels(), *axes.get_xticklabels()]
    return [text for text in texts if text is not None and text.get_text()]


def hex_of(colour) -> str:
    from matplotlib.colors import to_hex

    return to_hex(colour)


def test_the_chart_takes_the_themes_colours_and_a_png_stays_black_on_white(stats_dock, dark_theme, tmp_path,
                                                                           monkeypatch):
    dark_theme()
    stats_dock.overlay_check.setChecked(True)
    stats_dock.show_result(STATS_NESTED, STATS_REQUEST)
    stats_dock.overlay_check.setChecked(True)
    window, text = DARK[QPalette.ColorRole.Window], DARK[QPalette.ColorRole.WindowText]
    assert hex_of(stats_dock.figure.get_facecolor()) == window
    texts = chart_texts(stats_dock)
    assert len(texts) > 8
    assert {hex_of(item.get_color()) for item in texts} == {text}
    axes = stats_dock.artists.axes
    assert {hex_of(spine.get_edgecolor()) for spine in axes.spines.values()} == {text}
    assert hex_of(stats_dock._guide.get_color()) == text
    lines = stats_dock.artists.median_lines
    assert len(lines) == 2
    for line in lines.values():  # the data colours read on the dark background
        assert contrast(hex_of(line.get_color()), window) >= 3.0, line.get_color()
    assert contrast(hex_of(stats_dock.artists.error_markers.get_markeredgecolor()), window) >= 3.0

    # a PNG is for reports: black on white, whatever the screen's theme; the screen keeps its colours
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args: (str(tmp_path / "chart.png"), "PNG images (*.png)")))
    stats_dock.png_button.click()
    image = QImage(str(tmp_path / "chart.png"))
    assert not image.isNull()
    assert QColor(image.pixel(2, 2)).name() == "#ffffff"
    assert hex_of(stats_dock.figure.get_facecolor()) == window
    assert {hex_of(item.get_color()) for item in chart_texts(stats_dock)} == {text}


def test_the_chart_follows_a_change_of_theme(stats_dock, dark_theme):
    stats_dock.show_result(STATS_NESTED, STATS_REQUEST)
    light_text = stats_dock.palette().color(QPalette.ColorRole.WindowText).name()
    assert {hex_of(item.get_color()) for item in chart_texts(stats_dock)} == {light_text}
    dark_theme()
    assert hex_of(stats_dock.figure.get_facecolor()) == DARK[QPalette.ColorRole.Window]
    assert {hex_of(item.get_color()) for item in chart_texts(stats_dock)} == {DARK[QPalette.ColorRole.WindowText]}
