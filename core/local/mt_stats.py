"""The `mt_stats` task on the local processor: index statistics over the AOI, scene by scene.

For every scene of the store whose footprint meets the AOI, dated within [date_start, date_end]
and of the `sensors` asked (all when none), up to `limit` scenes in date order, each index of
`bm_type` is computed as the bandmath task does (grid of its coarsest band, finer bands averaged,
pixel-centre AOI mask, invalid inputs and non-finite results left out), and its valid pixels are
summed up in the API's ten figures: min, max, average, median, std and variance (population,
ddof 0), q1, q3, p10, p90 (linear interpolation, as numpy.percentile).

`cloud` is the percent of the AOI's observed pixels (on the mask's own grid; observed = not the
mask's fill / no data) that the scene's mask flags as cloud or cloud shadow; without a mask band,
the metadata's cloud cover; null when there is neither. With `exclude_cover_pixels` a pixel counts
only where the mask vouches for it as clear: not cloud, not shadow, not the mask's own fill (a pixel
the mask calls fill may still hold band values, at the edges of Landsat 7 stripe gaps: nobody has
looked at it for cloud). The mask is taken onto the index's grid by nearest neighbour, or by the
most frequent class when the index grid is coarser; where it does not reach, nothing is clear. A
scene whose valid pixels are all left out so goes to `errors` with that reason. A scene without a
mask band has nothing to exclude: its figures are over all valid pixels.

An AOI across a tile border: the same-day scenes of one sensor that meet it are one observation
(core/local/observations.py), one entry: its figures and `cloud` are over the union of the scenes,
each pixel of the AOI counted once, from the scene the observation's rule gives it; `scene_id` and
`view_id` name the primary scene, and `view_ids` (only when there are several) every scene used.
`limit` counts entries, that is observations.

The answer has exactly the API's shape: {"errors": [...], "result": [...]}, result sorted by date;
with one index the figures are flat in each entry, with several they are nested under "indexes".
"""

from __future__ import annotations

import json
import math
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from ..aoi import to_ogr
from ..calibration import index_scale, stored_value_transforms
from ..errors import DataError, LoadByExtentError
from ..feedback import FeedbackLike, ProgressRange, cancel_check, check_cancelled, report
from ..gdal_support import thread_config, thread_config_of
from ..http_raster import HTTP_CONFIG_KEYS, is_url
from ..i18n import tr
from ..indices import ResolvedExpression, resolve_bm_type
from ..naming import file_name_part
from ..request import MtStatsParams
from ..results import TaskResult
from ..scenes import Scene, SceneStoreSet
from ..sources import SceneSource
from .bandmath import BandOnGrid, coarsest
from .cloud_mask import CloudMask, categorical_on_grid, cloud_mask_of, unclear_on_grid
from .observations import Observation, Ownership, extended_grid, group_observations
from .raster import AoiMask, BandSource, Grid, Window, aoi_in_crs, crop_window, each_at_once, open_band_sources

FIGURES = ("min", "max", "average", "median", "std", "variance", "q1", "q3", "p10", "p90")
STRIP_ROWS = 2048  # an AOI window is read in strips this tall (a field's window in one go)
# Scenes computed at once: each has its own files, and GDAL and numpy let go of the GIL.
SCENE_THREADS = max(1, min(os.cpu_count() or 2, 8))
# Scenes read over HTTP wait on round trips, not on the processor: more of them at once.
HTTP_SCENE_THREADS = 8


def scene_threads(scenes: Sequence[Scene]) -> int:
    """How many scenes to read at once: one per core on disk, more when any band is a URL."""
    remote = any(is_url(path) for scene in scenes for path in scene.band_files.values())
    return max(SCENE_THREADS, HTTP_SCENE_THREADS) if remote else SCENE_THREADS


# --- figures ------------------------------------------------------------------------------------------------

PERCENTILES = (("median", 0.5), ("q1", 0.25), ("q3", 0.75), ("p10", 0.1), ("p90", 0.9))
_SELECTION_BINS = 4096


def percentiles(values: np.ndarray, fractions: Sequence[float]) -> list[float]:
    """numpy.percentile's linear interpolation, without sorting or partitioning all the values:
    a histogram finds the bins holding the wanted ranks, and only those bins' values are
    partitioned. Gives numpy's figures (to the last bits of float rounding) in a third of its time."""
    count = values.size
    positions = [(count - 1) * fraction for fraction in fractions]
    ranks = sorted({math.floor(position) for position in positions}
                   | {min(math.floor(position) + 1, count - 1) for position in positions})
    low, high = float(values.min()), float(values.max())
    if low == high:
        return [low for _position in positions]
    scaled = np.subtract(values, low)
    scaled *= _SELECTION_BINS / (high - low)
    bins = scaled.astype(np.intp)
    np.minimum(bins, _SELECTION_BINS - 1, out=bins)
    before = np.concatenate(([0], np.cumsum(np.bincount(bins, minlength=_SELECTION_BINS))))
    wanted: dict[int, list[int]] = {}
    for rank in ranks:
        wanted.setdefault(int(np.searchsorted(before, rank, side="right")) - 1, []).append(rank)
    ranked: dict[int, float] = {}
    for number, bin_ranks in wanted.items():
        members = np.partition(values[bins == number], [rank - before[number] for rank in bin_ranks])
        for rank in bin_ranks:
            ranked[rank] = float(members[rank - before[number]])
    results = []
    for position in positions:
        lower = math.floor(position)
        fraction = position - lower
        a, b = ranked[lower], ranked[min(lower + 1, count - 1)]
        results.append(a + (b - a) * fraction if fraction < 0.5 else b - (b - a) * (1 - fraction))
    return results


def figures(values: np.ndarray) -> dict[str, float]:
    """The API's ten figures of `values` (1-D, at least one): population variance, linear percentiles."""
    values = np.asarray(values, dtype=np.float64)
    average = float(values.mean())
    deviations = values - average
    variance = float(np.dot(deviations, deviations)) / values.size
    result = {"min": float(values.min()), "max": float(values.max()), "average": average,
              "std": math.sqrt(variance), "variance": variance}
    result.update(zip((name for name, _fraction in PERCENTILES),
                      percentiles(values, [fraction for _name, fraction in PERCENTILES])))
    return {name: result[name] for name in FIGURES}


class AoiOnGrids:
    """The AOI on each grid met, computed once: the scenes of one tile share their grids."""

    def __init__(self, geometry: dict) -> None:
        self.geometry = geometry
        self._lock = threading.Lock()
        self._known: dict[Grid, tuple[Window, np.ndarray] | None] = {}

    def on(self, grid: Grid) -> tuple[Window, np.ndarray] | None:
        """The AOI's window on `grid` and which of its pixels have their centre inside; None when
        the AOI misses the grid."""
        with self._lock:
            if grid not in self._known:
                aoi = aoi_in_crs(to_ogr(self.geometry), grid)
                window = crop_window(grid, aoi)
                self._known[grid] = (window, AoiMask(aoi, grid, window).rows(0, window.ysize)) if window else None
            return self._known[grid]


@dataclass
class SceneAnswer:
    scene: Scene
    cloud: float | None = None
    indices: dict[str, dict | None] = field(default_factory=dict)  # label -> figures (None: no valid pixel)
    error: str | None = None
    members: tuple[Scene, ...] = ()  # the scenes of its observation, when more than the one


@dataclass(frozen=True)
class _IndexValues:
    values: np.ndarray  # the valid pixel values over the AOI that count (float64, 1-D)
    not_clear: int = 0  # valid pixels left out because the cloud mask does not vouch for them


class SceneBands:
    """What the indices of one scene share: its band files, opened once and all at once when the
    first is needed (over HTTP, the opens overlap; a band that a second index reads again comes
    from GDAL's block cache), its stored-value transforms, and where its cloud mask does not vouch
    for a clear view on each grid."""

    def __init__(self, scene: Scene, mask: CloudMask | None, band_names: Iterable[str]) -> None:
        self.scene = scene
        self.mask = mask
        self.band_names = sorted(set(band_names) | ({mask.band} if mask else set()))
        self.transforms = stored_value_transforms(scene, band_names)
        self._opened: dict[str, BandSource | Exception] | None = None
        self._unclear: dict[Grid, np.ndarray] = {}

    def band(self, name: str) -> BandSource:
        """The band `name` of the scene, opened; the error of finding or opening it."""
        if self._opened is None:
            self._opened = self._open(self.band_names)
        if name not in self._opened:
            self._opened.update(self._open([name]))
        source = self._opened[name]
        if isinstance(source, Exception):
            raise source
        return source

    def _open(self, names: Sequence[str]) -> dict[str, BandSource | Exception]:
        found: dict[str, BandSource | Exception] = {}
        paths = []
        for name in names:
            try:
                paths.append((name, self.scene.band_path(name)))
            except DataError as error:  # said when the band is asked for
                found[name] = error
        for (name, _path), source in zip(paths, open_band_sources(paths)):
            found[name] = source
        return found

    def unclear(self, mask: CloudMask, grid: Grid, window: Window) -> np.ndarray:
        """Where `mask` (the scene's) does not vouch for a clear view (cloud, shadow, its fill, beyond
        it) on `grid`'s window, the AOI's window on that grid."""
        if grid not in self._unclear:
            self._unclear[grid] = unclear_on_grid(mask, self.band(mask.band), grid, window)
        return self._unclear[grid]

    def close(self) -> None:
        for source in (self._opened or {}).values():
            if isinstance(source, BandSource):
                source.close()
        self._opened = None


def _observation_answer(observation: Observation, params: MtStatsParams, aoi: AoiOnGrids,
                        is_canceled: Callable[[], bool]) -> SceneAnswer:
    """The answer of an observation: figures over its scenes' union, each pixel once."""
    answer = SceneAnswer(observation.primary, members=observation.scenes if len(observation.scenes) > 1 else ())
    if is_canceled():
        return answer
    members: list[SceneBands] = []
    try:
        members, every = observation_bands(observation, params)
        primary = members[0]
        answer.cloud = (_observation_cloud(members, aoi) if primary.mask else primary.scene.cloud_cover)
        if above_cloud_limit(answer, params.max_cloud_cover_in_aoi):
            return answer
        problems, not_clear = [], 0
        for number, expression in enumerate(every[0]):
            try:
                found = _observation_values(members, [own[number] for own in every], aoi,
                                            params.exclude_cover_pixels)
            except DataError as error:
                problems.append(error.message)
                found = _IndexValues(np.empty(0))
            not_clear += found.not_clear
            answer.indices[expression.label] = figures(found.values) if found.values.size else None
        conclude_answer(answer, problems, not_clear, primary.mask)
    except LoadByExtentError as error:
        answer.error = error.message
    finally:
        for bands in members:
            bands.close()
    return answer


def observation_bands(observation: Observation,
                      params: MtStatsParams) -> tuple[list[SceneBands], list[list[ResolvedExpression]]]:
    """Each scene of the observation's bands (opened when first read: nothing to close before) and
    the request's indices resolved for its sensor and calibration, in the observation's order."""
    members, every = [], []
    for scene in observation.scenes:
        expressions = resolve_bm_type(list(params.bm_type), scene.sensor, scale=index_scale(scene))
        every.append(expressions)
        members.append(SceneBands(scene, cloud_mask_of(scene), {name for e in expressions for name in e.bands}))
    return members, every


def mask_sources(members: Sequence[SceneBands]) -> list[BandSource]:
    """Each scene's cloud mask band (a scene without a mask: its first band, whose grid stands in)."""
    return [bands.band(bands.mask.band if bands.mask else bands.band_names[0]) for bands in members]


def _observation_cloud(members: Sequence[SceneBands], aoi: AoiOnGrids) -> float | None:
    """The percent of the AOI's observed pixels (not the mask's fill) that the masks flag as cloud
    or shadow, over the union of an observation's scenes, on the primary's mask grid (each scene's
    own mask where it serves the pixel; a scene without a mask observes nothing); None when no pixel
    is observed."""
    own_grids = [source.grid for source in mask_sources(members)]
    grid = extended_grid(own_grids[0], own_grids[1:])
    on_grid = aoi.on(grid)
    if on_grid is None:
        return None
    window, inside = on_grid
    owner = Ownership(own_grids, grid, window).rows(0, window.ysize) if len(members) > 1 else None
    observed_count = flagged_count = 0
    for number, bands in enumerate(members):
        mine = inside & (owner == number) if owner is not None else inside
        if bands.mask is None or not mine.any():
            continue
        classes, not_covered = categorical_on_grid(bands.band(bands.mask.band), grid, window)
        observed = mine & ~bands.mask.unobserved(classes)
        if not_covered is not None:
            observed &= ~not_covered
        observed_count += int(observed.sum())
        flagged_count += int((observed & bands.mask.flagged(classes)).sum())
    return 100.0 * flagged_count / observed_count if observed_count else None


def _observation_values(members: Sequence[SceneBands], expressions: Sequence[ResolvedExpression], aoi: AoiOnGrids,
                        only_clear: bool) -> _IndexValues:
    """The valid pixel values of an index over the AOI on the union of an observation's scenes
    (`expressions`: the index on each; with `only_clear`, only where each scene's cloud mask, if it
    has one, vouches for a clear view): on the primary's grid extended over the others, each pixel
    from the scene that serves it (observations.Ownership), values in the order of the grid's rows,
    as one scene gives them."""
    names = sorted(expressions[0].bands)
    try:
        sources = [{name: bands.band(name) for name in names} for bands in members]
    except DataError as error:
        raise DataError(error.message, "params.bm_type") from None
    own_grids = [coarsest(list(own.values())).grid for own in sources]
    grid = extended_grid(own_grids[0], own_grids[1:])
    on_grid = aoi.on(grid)
    if on_grid is None:
        return _IndexValues(np.empty(0))
    window, aoi_inside = on_grid
    ownership = Ownership(own_grids, grid, window) if len(members) > 1 else None  # one scene serves all
    readers = [{name: BandOnGrid(source, grid, window, bands.transforms.get(name)) for name, source in own.items()}
               for bands, own in zip(members, sources)]
    unclear = [bands.unclear(bands.mask, grid, window) if only_clear and bands.mask else None for bands in members]
    from ..expressions import evaluate

    kept, not_clear = [], 0
    for row in range(0, window.ysize, STRIP_ROWS):
        rows = min(STRIP_ROWS, window.ysize - row)
        inside = aoi_inside[row:row + rows]
        if not inside.any():
            continue
        owner = ownership.rows(row, rows) if ownership is not None else None
        # Several scenes: each pixel's value from its scene, then the valid ones in the grid's order
        mosaic = np.zeros(inside.shape, dtype=np.float64) if owner is not None else None
        counted = np.zeros(inside.shape, dtype=bool) if owner is not None else None
        for number, (expression, own_readers) in enumerate(zip(expressions, readers)):
            mine = inside & (owner == number) if owner is not None else inside
            if not mine.any():
                continue
            reads = [partial(reader.read, row, rows) for reader in own_readers.values()]
            read = dict(zip(own_readers, each_at_once(reads, [reader.source.path for reader in own_readers.values()])))
            values = np.broadcast_to(evaluate(expression.node, {n: read[n][0] for n in names}), inside.shape)
            valid = mine & np.isfinite(values)
            for name in names:
                valid &= ~read[name][1]
            own_unclear = unclear[number]
            if own_unclear is not None:
                left_out = valid & own_unclear[row:row + rows]
                not_clear += int(left_out.sum())
                valid &= ~left_out
            if mosaic is None:
                kept.append(values[valid])
                continue
            mosaic[valid] = values[valid]
            counted |= valid
        if mosaic is not None:
            kept.append(mosaic[counted])
    return _IndexValues(np.concatenate(kept) if kept else np.empty(0), not_clear)


def conclude_answer(answer: SceneAnswer, problems: Sequence[str], not_clear: int, mask: CloudMask | None) -> None:
    """The scene's error when none of its indices has a figure: the indices it cannot give, else
    why no pixel counted (`not_clear`: valid pixels the cloud mask left out)."""
    if all(value is None for value in answer.indices.values()):
        what = ", ".join(answer.indices)
        if problems:
            answer.error = "; ".join(problems)
        elif not_clear and mask:  # only a mask leaves pixels out as not clear
            answer.error = tr("no pixel of the area of interest is clear in the scene's cloud mask "
                              "({mask}): every valid pixel of {indices} is cloud, cloud shadow or the "
                              "mask's fill").format(mask=mask.kind, indices=what)
        else:
            answer.error = tr("no valid pixel of {indices} in the area of interest").format(indices=what)


def above_cloud_limit(answer: SceneAnswer, limit: float | None) -> bool:
    """Whether the scene's cloud in the AOI is above `limit` (max_cloud_cover_in_aoi); then its error says so."""
    if limit is None or answer.cloud is None or answer.cloud <= limit:
        return False
    message = tr("cloud cover in the area of interest {cloud} % is above max_cloud_cover_in_aoi {limit} %")
    answer.error = message.format(cloud=f"{answer.cloud:.1f}", limit=f"{limit:g}")
    return True


def _view_ids(answer: SceneAnswer) -> dict[str, object]:
    return {"view_ids": [scene.view_id for scene in answer.members]} if len(answer.members) > 1 else {}


def result_entry(answer: SceneAnswer) -> dict:
    scene = answer.scene
    entry: dict[str, object] = {
        "date": scene.date.isoformat() if scene.date else None,
        "scene_id": scene.scene_id.scene_name,
        "view_id": scene.view_id,
        **_view_ids(answer),
        "cloud": None if answer.cloud is None else round(answer.cloud, 4),
    }
    if len(answer.indices) == 1:
        (only,) = answer.indices.values()
        entry.update(only or dict.fromkeys(FIGURES))
    else:
        entry["indexes"] = {label: (values if values is not None else dict.fromkeys(FIGURES))
                            for label, values in answer.indices.items()}
    return entry


def error_entry(answer: SceneAnswer) -> dict:
    scene = answer.scene
    return {"status": False, "date": scene.date.isoformat() if scene.date else None,
            "scene_id": scene.scene_id.scene_name, "view_id": scene.view_id, **_view_ids(answer),
            "error": answer.error}


def select_observations(store: SceneSource | SceneStoreSet, params: MtStatsParams,
                        feedback: FeedbackLike | None = None) -> list[Observation]:
    """The observations of the request, in date order, at most `limit` of them (the earliest): the
    scenes the search finds, grouped (a scene that lacks a band of the indices joins no other)."""
    found = store.search(aoi=params.geometry, start=params.date_start, end=params.date_end,
                         sensors=list(params.sensors) if params.sensors else None, feedback=feedback)
    scenes = found[0] if isinstance(found, tuple) else found  # a set of stores also says its problems
    needed: dict[str, set[str] | None] = {}

    def usable(scene: Scene) -> bool:
        if scene.sensor.code not in needed:
            try:
                expressions = resolve_bm_type(list(params.bm_type), scene.sensor)
                needed[scene.sensor.code] = {name for expression in expressions for name in expression.bands}
            except LoadByExtentError:
                needed[scene.sensor.code] = None
        bands = needed[scene.sensor.code]
        return bands is not None and bands <= set(scene.band_files)

    return group_observations(scenes, params.geometry, usable)[:params.limit]


def compute_statistics(store: SceneSource | SceneStoreSet, params: MtStatsParams, feedback: FeedbackLike | None = None) -> dict:
    """The API's answer to an mt_stats request over `store`."""
    observations = select_observations(store, params, feedback)
    scenes = [scene for observation in observations for scene in observation.scenes]
    message = tr("{count} scene(s) between {date_start} and {date_end} meet the area")
    report(feedback, message.format(count=len(scenes), date_start=params.date_start, date_end=params.date_end))
    progress = ProgressRange(feedback, 0, 100)
    is_canceled = cancel_check(feedback)
    answers: list[SceneAnswer] = []
    aoi = AoiOnGrids(params.geometry)
    # The scenes' threads read bands over HTTP as this one does (their decoding stays single-threaded).
    inherited = thread_config_of(HTTP_CONFIG_KEYS)

    def answer(observation: Observation) -> SceneAnswer:
        with thread_config(**inherited):
            return _observation_answer(observation, params, aoi, is_canceled)

    with ThreadPoolExecutor(max_workers=scene_threads(scenes), thread_name_prefix="lbe-stats") as pool:
        futures = [pool.submit(answer, observation) for observation in observations]
        try:
            for number, future in enumerate(futures, start=1):
                answers.append(future.result())
                check_cancelled(feedback)
                progress.set(number / max(len(futures), 1))
        finally:
            for future in futures:
                future.cancel()
    result = [result_entry(answer) for answer in answers if answer.error is None]
    errors = [error_entry(answer) for answer in answers if answer.error is not None]
    return {"errors": errors, "result": result}


def run_mt_stats(params: MtStatsParams, store: SceneSource | SceneStoreSet, workspace: str, feedback: FeedbackLike | None) -> TaskResult:
    check_cancelled(feedback)
    answer = compute_statistics(store, params, feedback)
    check_cancelled(feedback)
    name = f"{reference_file_stem(params.reference)}.json"  # named after the request's reference
    path = os.path.join(workspace, name)
    with open(path, "w", encoding="utf-8") as stream:
        json.dump(answer, stream, indent=2)
    details = {"reference": params.reference, "bm_type": list(params.bm_type),
               "date_start": params.date_start.isoformat(), "date_end": params.date_end.isoformat(),
               "result": answer}
    return TaskResult("mt_stats", "json", (path,), details)


def reference_file_stem(text: str) -> str:
    return file_name_part(text, "mt_stats")

