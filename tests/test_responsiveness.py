"""QGIS never freezes: while a full-size crop runs in the background, the main thread's event
loop keeps turning (no gap between timer ticks longer than 100 ms)."""

from __future__ import annotations

import time

from load_by_extent.core.local import LocalBackend
from load_by_extent.core.request import lbe_request
from load_by_extent.services.tasks import RunRequestTask
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer

FULL_SIZE_VIEW_ID = "S2/33/U/UU/2020/6/1/0"
MAX_GAP_SECONDS = 0.100
TICK_MS = 10


def test_a_full_size_crop_never_blocks_the_event_loop_for_more_than_100_ms(
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
    started = time.perf_counter()
    QgsApplication.taskManager().addTask(task)
    qtbot.waitUntil(lambda: bool(finished), timeout=300_000)
    timer.stop()
    elapsed = time.perf_counter() - started

    assert not isinstance(finished[0], str), finished[0]
    result = finished[0]
    assert result.result_type == "jp2"  # one Sentinel-2 band: the whole crop, then JPEG 2000 encoding
    assert elapsed > 1, "the crop should be long enough to show anything"
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:])]
    assert len(ticks) > elapsed / 0.1, "the timer must have ticked throughout"
    assert max(gaps) <= MAX_GAP_SECONDS, f"the event loop stalled for {max(gaps) * 1000:.0f} ms"
