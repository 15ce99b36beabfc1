"""The embedded processor: runs tasks with GDAL on the scenes of a local store."""

from __future__ import annotations

from ..errors import DataError
from ..feedback import FeedbackLike
from ..gdal_support import thread_config
from ..i18n import tr
from ..request import BandmathParams, JpegParams, LbeParams, MtStatsParams, TaskParams, TaskRequest
from ..results import TaskResult
from ..scenes import SceneStore, SceneStoreSet


class LocalBackend:
    """Runs requests on this computer, reading scenes from `store` (a folder, or stores)."""

    name = "embedded"

    def __init__(self, store: SceneStore | SceneStoreSet | str) -> None:
        self.store = SceneStore(store) if isinstance(store, str) else store

    def execute(
        self, request: TaskRequest, params: TaskParams, workspace: str, feedback: FeedbackLike | None
    ) -> TaskResult:
        # Decoding and compression use every core, for this thread's GDAL calls only.
        with thread_config(GDAL_NUM_THREADS="ALL_CPUS"):
            if isinstance(params, LbeParams):
                from .lbe import run_lbe

                return run_lbe(params, self.store.find(params.scene.view_id), workspace, feedback)
            if isinstance(params, BandmathParams):
                from .bandmath import run_bandmath

                return run_bandmath(params, self.store.find(params.scene.view_id), workspace, feedback)
            if isinstance(params, JpegParams):
                from .visual import run_jpeg

                return run_jpeg(params, self.store.find(params.scene.view_id), workspace, feedback)
            if isinstance(params, MtStatsParams):
                from .mt_stats import run_mt_stats

                return run_mt_stats(params, self.store, workspace, feedback)
        message = tr("the embedded processor does not run {task_type} tasks yet")
        raise DataError(message.format(task_type=request.type), "type")
