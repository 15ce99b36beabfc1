"""QGIS never freezes: while a full-size crop runs in the background, the main thread runs none of
its work (no call into the processor or GDAL on the main thread) and its event loop keeps turning
(no gap between timer ticks as long as a third of the crop: work on the main thread would stop the
ticks for most of it, where a machine under load delays them by a few hundred ms)."""

from __future__ import annotations

import os
import sys
import time

import load_by_extent.core.local
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.request import lbe_request
from load_by_extent.services.tasks import RunRequestTask
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer

FULL_SIZE_VIEW_ID = "S2/33/U/UU/2020/6/1/0"
TICK_MS = 10
PROCESSOR = os.path.dirname(load_by_extent.core.local.__file__) + os.sep  # the checkout's folder
GDAL_BINDINGS = os.sep + "osgeo" + os.sep


def test_a_full_size_crop_runs_off_the_main_thread_and_never_stalls_its_event_loop(
    qgis_app, qtbot, full_size_store, full_size_aoi, tmp_path
):
    request = lbe_request(FULL_SIZE_VIEW_ID, ["B04"], full_size_aoi, merge=True,
                          reference="responsiveness")
    task = RunRequestTask("full-size crop", request, LocalBackend(full_size_store), str(tmp_path / "out"))
    finished: list = []
    task.resultReady.connect(lambda result, displays: finished.append(result))
    task.failed.connect(finished.append)

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    on_main_thread: set[str] = set()

    def record(frame, event, _arg) -> None:
        if event == "call":
            filename = frame.f_code.co_filename
            if PROCESSOR in filename or GDAL_BINDINGS in filename:
                on_main_thread.add(f"{filename}:{frame.f_code.co_name}")

    started = time.perf_counter()
    QgsApplication.taskManager().addTask(task)
    sys.setprofile(record)  # this thread only: the task's thread is not watched
    try:
        qtbot.waitUntil(lambda: bool(finished), timeout=300_000)
    finally:
        sys.setprofile(None)
    timer.stop()
    elapsed = time.perf_counter() - started

    assert not isinstance(finished[0], str), finished[0]
    result = finished[0]
    assert result.result_type == "jp2"  # one Sentinel-2 band: the whole crop, then JPEG 2000 encoding
    assert elapsed > 1, "the crop should be long enough to show anything"
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:])]
    assert len(ticks) > elapsed / 0.1, "the timer must have ticked throughout"
    assert not on_main_thread, sorted(on_main_thread)
    assert max(gaps) < elapsed / 3, f"the event loop stalled for {max(gaps) * 1000:.0f} ms of {elapsed:.1f} s"
