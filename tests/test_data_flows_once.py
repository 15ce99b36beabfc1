"""Data flows once: a Run validates the dock's request once and hands the typed params to the
controller, the task and the runner; the AOI is serialised and checked once when it changes, not
at every refresh of the form. Spies count the real calls (nothing is replaced)."""

from __future__ import annotations

from load_by_extent.core.request import TaskRequest
from load_by_extent.services.task_controller import TaskStatus
from load_by_extent.ui import area_of_interest
from test_dock import aoi_files, dock, prepare_s2_true_colour, wait_until_ended  # noqa: F401 (fixtures)


def test_a_run_validates_its_request_once(dock, qtbot, aoi_files, output_folder, monkeypatch):  # noqa: F811
    prepare_s2_true_colour(qtbot, dock, aoi_files)
    validated: list[str] = []  # the reference of each request validated
    validate = TaskRequest.validate

    def counted(request: TaskRequest):
        validated.append(request.params.get("reference"))
        return validate(request)

    monkeypatch.setattr(TaskRequest, "validate", counted)
    sent = dock.request.params["reference"]
    dock.run_button.click()
    record = dock.controller.records[0]
    wait_until_ended(qtbot, record)
    assert record.status is TaskStatus.DONE, record.message
    assert record.request.params["reference"] == sent
    assert validated.count(sent) == 1  # the Run's own check of the form; the rest takes its params


def test_the_aoi_is_serialised_once_per_change(dock, qtbot, aoi_files, monkeypatch):  # noqa: F811
    checked: list[bool] = []
    validate_geometry = area_of_interest.validate_geometry

    def counted(value, field, allow_multipolygon):
        checked.append(allow_multipolygon)
        return validate_geometry(value, field, allow_multipolygon)

    monkeypatch.setattr(area_of_interest, "validate_geometry", counted)
    prepare_s2_true_colour(qtbot, dock, aoi_files)
    assert sorted(checked) == [False, True]  # the crop's (a Polygon) and the scene search's (any)
    merge = dock.forms["lbe"].merge_check
    for _ in range(3):  # the form refreshes at each change: the AOI is not serialised again
        merge.setChecked(not merge.isChecked())
    dock.refresh()
    assert sorted(checked) == [False, True]
    dock.aoi_section.use_file(aoi_files["l8"])  # a new AOI: serialised anew
    assert checked.count(False) == 2
