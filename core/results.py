"""What a task leaves behind: files on disk and, for statistics, plain data."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import api_rules
from .expressions import split_expressions
from .request import BandmathParams, JpegParams, MtStatsParams, TaskParams


@dataclass(frozen=True)
class TaskResult:
    task_type: str
    result_type: str  # tif / jp2 / zip, and later jpeg / png / tiff / json
    files: tuple[str, ...]  # absolute paths; the first is the main result, sidecars follow it
    details: dict = field(default_factory=dict)  # view_id, bands, reference ...

    def with_files(self, files: tuple[str, ...]) -> TaskResult:
        return replace(self, files=files)

    def to_json_dict(self) -> dict:
        """The object the command line prints."""
        return {"type": self.task_type, "result_type": self.result_type, "files": list(self.files), **self.details}


def no_scene_text(answer: object, params: dict) -> str | None:
    """For an mt_stats answer without a figure and without a scene in `errors` (no scene met the
    AOI within the dates): a sentence saying so plainly; None for any other answer."""
    from .i18n import tr

    if not isinstance(answer, dict) or answer.get("result") or answer.get("errors"):
        return None
    return tr("No scene meets the AOI between {start} and {end}").format(
        start=params.get("date_start", "?"), end=params.get("date_end", "?"))


@dataclass(frozen=True)
class PredictedFile:
    """One raster (or document) a task will write: what it holds, before anything runs."""

    bands: tuple[str, ...]  # band names (lbe), expressions (bandmath, jpeg), indices (mt_stats)
    resolution: float | None = None  # metres; None: the task's grid (coarsest band used, native)


@dataclass(frozen=True)
class PredictedResult:
    """What a valid request will leave behind, by the API's rules (core.api_rules)."""

    result_type: str  # tif / jp2 / zip / jpeg / png / tiff / json
    files: tuple[PredictedFile, ...]  # for a zip: its rasters, in order
    metadata: tuple[str, ...] = ()  # a zip's metadata kinds (api_rules.METADATA_FILES)


def predicted_result(params: TaskParams) -> PredictedResult:
    """The result type and files a request with these (validated) params makes."""
    if isinstance(params, MtStatsParams):
        return PredictedResult("json", (PredictedFile(params.bm_type),))
    if isinstance(params, BandmathParams):
        return PredictedResult("tif", (PredictedFile(tuple(split_expressions(params.bm_type))),))
    if isinstance(params, JpegParams):
        return PredictedResult(params.format, (PredictedFile(tuple(split_expressions(params.bm_type)), params.px_size),))
    result_type = params.result_type
    pairs = list(zip(params.bands, params.resolutions))
    if result_type != "zip":  # one file: a lone band (jp2) or bands of one grid (tif)
        return PredictedResult(result_type, (PredictedFile(params.bands, params.resolutions[0]),))
    groups: dict[float, list[str]] = {}
    for name, resolution in pairs:
        groups.setdefault(resolution, []).append(name)
    if api_rules.merges_bands(params.scene.sensor, params.merge):
        files = tuple(PredictedFile(tuple(names), resolution) for resolution, names in groups.items())
    else:
        files = tuple(PredictedFile((name,), resolution) for resolution, names in groups.items() for name in names)
    return PredictedResult("zip", files, params.metadata)
