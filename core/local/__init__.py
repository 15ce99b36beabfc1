"""The local processor: runs tasks with GDAL on the scenes of a local store."""

from __future__ import annotations

from typing import overload

from ..feedback import FeedbackLike
from ..gdal_support import thread_config
from ..http_raster import RemoteReading, remote_reading
from ..request import BandmathParams, JpegParams, LbeParams, MtStatsParams, TaskParams, TaskRequest
from ..results import TaskResult
from ..scenes import Scene, SceneStoreSet
from ..sources import SceneSource, open_scene_source
from .raster import OpenedBands, opened_bands


@overload
def check_request(params: MtStatsParams, store: SceneSource | SceneStoreSet,
                  opened: OpenedBands | None = None) -> None: ...
@overload
def check_request(params: LbeParams | BandmathParams | JpegParams, store: SceneSource | SceneStoreSet,
                  opened: OpenedBands | None = None) -> Scene: ...
@overload
def check_request(params: TaskParams, store: SceneSource | SceneStoreSet,
                  opened: OpenedBands | None = None) -> Scene | None: ...
def check_request(params: TaskParams, store: SceneSource | SceneStoreSet,
                  opened: OpenedBands | None = None) -> Scene | None:
    """Whether the store can serve a valid request, as the local processor checks it before any
    work: the scene is in the store, it has the bands (of the list or of the expressions), the
    metadata files and the cloud mask (exclude_cover_pixels) asked for, and the AOI overlaps them.
    Raises SceneNotFoundError or DataError naming the field; returns the scene (None for statistics,
    which take every scene they find).
    Reads only raster headers: the dock runs it in the background as the form changes. The bands
    it opens stay in `opened` when given (for the task to read), else are closed."""
    if isinstance(params, MtStatsParams):
        return None
    scene = store.find(params.scene.view_id)
    with opened_bands(opened) as bands:
        _check_scene(params, scene, bands)
    return scene


def _check_scene(params: LbeParams | BandmathParams | JpegParams, scene: Scene, opened: OpenedBands) -> None:
    if isinstance(params, LbeParams):
        from .lbe import open_band_groups

        open_band_groups(params, scene, opened)
    else:
        from ..calibration import index_scale
        from ..indices import resolve_bm_type
        from .bandmath import open_expression_bands
        from .jpeg import visual_expressions

        if isinstance(params, JpegParams):
            expressions = visual_expressions(params, scene)
        else:
            expressions = resolve_bm_type(params.bm_type, scene.sensor, scale=index_scale(scene))
        open_expression_bands(scene, expressions, params.geometry, opened)
        if params.exclude_cover_pixels:
            from .cloud_mask import required_cloud_mask

            required_cloud_mask(scene)


class LocalBackend:
    """Runs requests on this computer, reading scenes from `store` (a folder, or stores); band files
    that are http(s) URLs are read with `reading` (core/http_raster.py; None: its defaults)."""

    name = "local"

    def __init__(self, store: SceneSource | SceneStoreSet | str, reading: RemoteReading | None = None) -> None:
        self.store = open_scene_source(store, reading=reading) if isinstance(store, str) else store
        self.reading = reading

    def check(self, params: TaskParams) -> Scene | None:
        """`check_request` on this backend's store."""
        with remote_reading(self.reading):
            return check_request(params, self.store)

    def execute(
        self, request: TaskRequest, params: TaskParams, workspace: str, feedback: FeedbackLike | None
    ) -> TaskResult:
        with remote_reading(self.reading):
            return self._execute(params, workspace, feedback)

    def _execute(self, params: TaskParams, workspace: str, feedback: FeedbackLike | None) -> TaskResult:
        # Decoding and compression use every core, for this thread's GDAL calls only.
        if isinstance(params, MtStatsParams):  # every scene it finds: no one scene to check first
            from .mt_stats import run_mt_stats

            with thread_config(GDAL_NUM_THREADS="ALL_CPUS"):
                return run_mt_stats(params, self.store, workspace, feedback)
        # The checks the dock ran in the background, again now: the files may have changed since. The
        # task reads the bands the check opened (opened within the options the task reads with).
        with thread_config(GDAL_NUM_THREADS="ALL_CPUS"), OpenedBands() as opened:
            scene = check_request(params, self.store, opened)
            if isinstance(params, LbeParams):
                from .lbe import run_lbe

                return run_lbe(params, scene, workspace, feedback, opened)
            if isinstance(params, BandmathParams):
                from .bandmath import run_bandmath

                return run_bandmath(params, scene, workspace, feedback, opened, self.store)
            from .jpeg import run_jpeg

            return run_jpeg(params, scene, workspace, feedback, opened, self.store)

    def after_commit(self, result: TaskResult) -> None:
        """Nothing to note: the scene folders keep no record of what was made."""
