"""Statistics over time of many polygons (fields) in one run: `lbe stats` and Processing's `fields_stats`.

Each field gets exactly the answer of an `mt_stats` request with the field as its geometry (the same
scenes, cloud, figures and errors: core/local/mt_stats.py says how each is made), but a scene is read
once for all the fields that meet it, not once per field: the fields' windows on a grid are gathered
into clusters, each cluster's window is read once (each band once, in strips of STRIP_ROWS rows),
and every field of the cluster takes its pixels from that read, masked by its own pixel-centre
rasterisation (made on its own window, as a single run makes it).

Clusters, not one window over all the fields: 200 fields spread over a 10980 x 10980 tile have a
union window of the whole tile, a hundred times their own pixels. Two clusters merge when the
merged window touches no block of the band file (the unit GDAL decodes) that their own windows do
not, and holds at most CLUSTER_SLACK times the pixels of their fields' windows (or at most
CLUSTER_SMALL_PIXELS): fields close together are read in one go, fields far apart each in their own
window, so the blocks decoded are those the fields touch (a block two clusters share is decoded
once, kept in GDAL's block cache), the pixels copied follow the fields' area, and memory is one
strip of a cluster's window.
"""

from __future__ import annotations

import csv
import functools
import json
import math
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import cast

import numpy as np

from ..aoi import to_ogr
from ..calibration import index_scale
from ..errors import DataError, LoadByExtentError, RequestError
from ..expressions import evaluate
from ..feedback import FeedbackLike, ProgressRange, cancel_check, check_cancelled, report
from ..gdal_support import thread_config, thread_config_of
from ..http_raster import HTTP_CONFIG_KEYS, RemoteReading, remote_reading
from ..i18n import tr
from ..indices import ResolvedExpression, resolve_bm_type
from ..request import MtStatsParams, TaskParams, TaskRequest
from ..results import TaskResult
from ..scenes import Scene, SceneStoreSet, date_order
from ..sources import SceneSource, open_scene_source
from .bandmath import BandOnGrid, coarsest
from .cloud_mask import CloudMask, categorical_on_grid, cloud_mask_of
from .mt_stats import (
    FIGURES,
    STRIP_ROWS,
    AoiOnGrids,
    SceneAnswer,
    SceneBands,
    above_cloud_limit,
    conclude_answer,
    error_entry,
    figures,
    reference_file_stem,
    result_entry,
    scene_threads,
    select_scenes,
)
from .raster import BandSource, Grid, Window

CLUSTER_SLACK = 2.0
CLUSTER_SMALL_PIXELS = 512 * 512

# view_id after cloud: the columns before it are those of the first tables, which the dock still opens.
CSV_COLUMNS = ("id", "date", "scene_id", "index", *FIGURES, "cloud", "view_id", "error")


@dataclass(frozen=True)
class Field:
    """One polygon of the run: its id (as the user's layer has it) and its geometry (GeoJSON, EPSG:4326)."""

    id: object
    geometry: dict


def fields_request(request: TaskRequest, fields: Sequence[Field]) -> tuple[TaskRequest, MtStatsParams]:
    """The request of a run over `fields`, validated: an mt_stats request whose geometry is the
    fields' envelope (each field then stands in for it in turn); RequestError when it is not an
    mt_stats request or is invalid."""
    data = request.to_dict()
    if data.get("type") != "mt_stats":
        message = tr("statistics of many polygons take an mt_stats request, not {type}")
        raise RequestError(message.format(type=json.dumps(data.get("type"))), "type")
    if not fields:
        raise RequestError(tr("no polygon to compute statistics for"), "params.geometry")
    envelope = [math.inf, -math.inf, math.inf, -math.inf]
    for field in fields:
        west, east, south, north = to_ogr(field.geometry).GetEnvelope()
        envelope = [min(envelope[0], west), max(envelope[1], east), min(envelope[2], south), max(envelope[3], north)]
    west, east, south, north = envelope
    params = data.get("params")
    if isinstance(params, dict):  # anything else: validate() says what is wrong with it
        params.pop("bbox", None)
        params["geometry"] = {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north],
                                                                  [west, north], [west, south]]]}
    stand_in = TaskRequest(data)
    return stand_in, cast(MtStatsParams, stand_in.validate())


class FieldsBackend:
    """The local processor computing the table of `fields` for an mt_stats request, for the runner
    (which stages the table and moves it into place only once whole)."""

    name = "local"

    def __init__(self, store: SceneSource | SceneStoreSet | str, fields: Sequence[Field],
                 reading: RemoteReading | None = None) -> None:
        self.store = open_scene_source(store, reading=reading) if isinstance(store, str) else store
        self.fields = list(fields)
        self.reading = reading

    def execute(self, request: TaskRequest, params: TaskParams, workspace: str,
                feedback: FeedbackLike | None) -> TaskResult:
        if not isinstance(params, MtStatsParams):
            raise RequestError(tr("statistics of many polygons take an mt_stats request"), "type")
        with remote_reading(self.reading), thread_config(GDAL_NUM_THREADS="ALL_CPUS"):
            return run_field_statistics(params, self.fields, self.store, workspace, feedback)

    def after_commit(self, result: TaskResult) -> None:
        """Nothing to note: the scene folders keep no record of what was made."""


# --- clusters of windows ---------------------------------------------------------------------------------

def _union(a: Window, b: Window) -> Window:
    x0, y0 = min(a.xoff, b.xoff), min(a.yoff, b.yoff)
    x1, y1 = max(a.xoff + a.xsize, b.xoff + b.xsize), max(a.yoff + a.ysize, b.yoff + b.ysize)
    return Window(x0, y0, x1 - x0, y1 - y0)


def _area(window: Window) -> int:
    return window.xsize * window.ysize


@dataclass
class _Cluster:
    window: Window
    members: list[int]  # indices into the fields of the scene
    pixels: int  # the pixels of the members' own windows


def _blocks(window: Window, block: tuple[int, int]) -> set[tuple[int, int]]:
    """The blocks (block column, block row) of a band file that `window` touches."""
    width, height = block
    return {(column, row) for column in range(window.xoff // width, (window.xoff + window.xsize - 1) // width + 1)
            for row in range(window.yoff // height, (window.yoff + window.ysize - 1) // height + 1)}


def clusters(windows: Sequence[tuple[int, Window]], block: tuple[int, int]) -> list[_Cluster]:
    """The windows gathered into clusters read as one (see the module's docstring); `block`: the
    block size (width, height) of the band file read on their grid."""
    return [_Cluster(window, list(members), pixels) for window, members, pixels in _clusters(tuple(windows), block)]


@functools.lru_cache(maxsize=64)  # the scenes of one tile share their grids, hence their clusters
def _clusters(windows: tuple[tuple[int, Window], ...],
              block: tuple[int, int]) -> tuple[tuple[Window, tuple[int, ...], int], ...]:
    found = [(_Cluster(window, [number], _area(window)), _blocks(window, block)) for number, window in
             sorted(windows, key=lambda item: (item[1].yoff, item[1].xoff))]
    merged = True
    while merged:  # until no two clusters merge
        merged = False
        first = 0
        while first < len(found):
            second = first + 1
            while second < len(found):
                (a, a_blocks), (b, b_blocks) = found[first], found[second]
                window, pixels = _union(a.window, b.window), a.pixels + b.pixels
                if (_area(window) <= max(CLUSTER_SLACK * pixels, CLUSTER_SMALL_PIXELS)
                        and len(_blocks(window, block)) == len(a_blocks | b_blocks)):
                    found[first] = (_Cluster(window, a.members + b.members, pixels), a_blocks | b_blocks)
                    del found[second]
                    merged = True
                    second = first + 1  # the grown cluster may now take those it refused
                else:
                    second += 1
            first += 1
    return tuple((cluster.window, tuple(cluster.members), cluster.pixels) for cluster, _blocks_read in found)


def _block_size(source: BandSource) -> tuple[int, int]:
    width, height = source.band.GetBlockSize()
    return max(int(width), 1), max(int(height), 1)


def _strip_parts(cluster: _Cluster, windows: dict[int, Window], row: int,
                 rows: int) -> Iterator[tuple[int, tuple[slice, slice], tuple[slice, slice]]]:
    """For each member meeting rows `row`..`row + rows` of the cluster's window: (member, slice of
    the strip, slice of the member's own window) over the rows and columns they share."""
    top = cluster.window.yoff + row
    for member in cluster.members:
        own = windows[member]
        first, last = max(own.yoff, top), min(own.yoff + own.ysize, top + rows)
        if last <= first:
            continue
        col = own.xoff - cluster.window.xoff
        in_strip = (slice(first - top, last - top), slice(col, col + own.xsize))
        in_own = (slice(first - own.yoff, last - own.yoff), slice(0, own.xsize))
        yield member, in_strip, in_own


# --- one scene, many fields -------------------------------------------------------------------------------

def _cloud_percents(bands: SceneBands, mask: CloudMask, aois: Sequence[AoiOnGrids]) -> list[float | None]:
    """Each field's cloud percent, as mt_stats counts it, from one read of the mask per cluster."""
    source = bands.band(mask.band)
    on = {number: aoi.on(source.grid) for number, aoi in enumerate(aois)}
    windows = {number: found[0] for number, found in on.items() if found is not None}
    observed, flagged = dict.fromkeys(windows, 0), dict.fromkeys(windows, 0)
    for cluster in clusters(list(windows.items()), _block_size(source)):
        for row in range(0, cluster.window.ysize, STRIP_ROWS):
            rows = min(STRIP_ROWS, cluster.window.ysize - row)
            parts = list(_strip_parts(cluster, windows, row, rows))
            if not parts:
                continue
            values = source.read(cluster.window, row, rows)
            seen, cloudy = ~mask.unobserved(values), mask.flagged(values)
            for member, in_strip, in_own in parts:
                inside = on[member][1][in_own]  # type: ignore[index]
                here = inside & seen[in_strip]
                observed[member] += int(here.sum())
                flagged[member] += int((here & cloudy[in_strip]).sum())
    return [100.0 * flagged[number] / observed[number] if observed.get(number) else None
            for number in range(len(aois))]


class _Unclear:
    """Where the scene's mask does not vouch for a clear view, per grid and cluster window (shared by
    the indices of the scene, as mt_stats shares it per grid)."""

    def __init__(self, bands: SceneBands) -> None:
        self.bands = bands
        self._known: dict[tuple[Grid, Window], np.ndarray] = {}

    def on(self, mask: CloudMask, grid: Grid, window: Window) -> np.ndarray:
        if (grid, window) not in self._known:
            classes, not_covered = categorical_on_grid(self.bands.band(mask.band), grid, window)
            unclear = mask.unclear(classes)
            self._known[(grid, window)] = unclear if not_covered is None else unclear | not_covered
        return self._known[(grid, window)]


def _fields_index_values(bands: SceneBands, unclear: _Unclear, expression: ResolvedExpression,
                         aois: Sequence[AoiOnGrids], only_clear: bool,
                         is_canceled: Callable[[], bool]) -> list[tuple[np.ndarray, int]]:
    """Each field's valid index values (in the order a single run finds them: row by row of its
    window) and how many valid pixels the mask left out, as mt_stats._index_values gives them."""
    names = sorted(expression.bands)
    try:
        sources = {name: bands.band(name) for name in names}
    except DataError as error:
        raise DataError(error.message, "params.bm_type") from None
    on_grid = coarsest(list(sources.values()))
    grid = on_grid.grid
    on = {number: aoi.on(grid) for number, aoi in enumerate(aois)}
    windows = {number: found[0] for number, found in on.items() if found is not None}
    kept: list[list[np.ndarray]] = [[] for _aoi in aois]
    not_clear = [0 for _aoi in aois]
    for cluster in clusters(list(windows.items()), _block_size(on_grid)):
        if is_canceled():
            break
        window = cluster.window
        readers = {name: BandOnGrid(source, grid, window, bands.transforms.get(name)) for name, source in sources.items()}
        unclear_here = unclear.on(bands.mask, grid, window) if only_clear and bands.mask else None
        for row in range(0, window.ysize, STRIP_ROWS):
            rows = min(STRIP_ROWS, window.ysize - row)
            parts = [(member, in_strip, in_own, on[member][1][in_own])  # type: ignore[index]
                     for member, in_strip, in_own in _strip_parts(cluster, windows, row, rows)]
            parts = [part for part in parts if part[3].any()]
            if not parts:
                continue
            read = {name: reader.read(row, rows) for name, reader in readers.items()}
            values = np.broadcast_to(evaluate(expression.node, {n: read[n][0] for n in names}), (rows, window.xsize))
            valid_here = np.isfinite(values)
            for name in names:
                valid_here &= ~read[name][1]
            for member, in_strip, _in_own, inside in parts:
                valid = inside & valid_here[in_strip]
                if unclear_here is not None:
                    left_out = valid & unclear_here[row:row + rows][in_strip]
                    not_clear[member] += int(left_out.sum())
                    valid &= ~left_out
                kept[member].append(values[in_strip][valid])
    return [(np.concatenate(pieces) if pieces else np.empty(0), count) for pieces, count in zip(kept, not_clear)]


def _answer_fields(answers: list[SceneAnswer], bands: SceneBands, expressions: Sequence[ResolvedExpression],
                   params: MtStatsParams, aois: Sequence[AoiOnGrids], is_canceled: Callable[[], bool]) -> None:
    clouds = (_cloud_percents(bands, bands.mask, aois) if bands.mask
              else [answers[0].scene.cloud_cover] * len(answers))
    going = []
    for number, (answer, cloud) in enumerate(zip(answers, clouds)):
        answer.cloud = cloud
        if not above_cloud_limit(answer, params.max_cloud_cover_in_aoi):
            going.append(number)
    problems: list[str] = []
    not_clear = dict.fromkeys(going, 0)
    unclear = _Unclear(bands)
    for expression in expressions:
        try:
            found = _fields_index_values(bands, unclear, expression, [aois[n] for n in going],
                                         params.exclude_cover_pixels, is_canceled)
        except DataError as error:
            problems.append(error.message)
            found = [(np.empty(0), 0) for _number in going]
        for number, (values, left_out) in zip(going, found):
            not_clear[number] += left_out
            answers[number].indices[expression.label] = figures(values) if values.size else None
    for number in going:
        conclude_answer(answers[number], problems, not_clear[number], bands.mask)


def _scene_answers(scene: Scene, params: MtStatsParams, aois: Sequence[AoiOnGrids],
                   is_canceled: Callable[[], bool]) -> list[SceneAnswer]:
    answers = [SceneAnswer(scene) for _aoi in aois]
    if is_canceled():
        return answers
    try:
        expressions = resolve_bm_type(list(params.bm_type), scene.sensor, scale=index_scale(scene))
        bands = SceneBands(scene, cloud_mask_of(scene), {name for e in expressions for name in e.bands})
        try:
            _answer_fields(answers, bands, expressions, params, aois, is_canceled)
        finally:
            bands.close()
    except LoadByExtentError as error:  # the scene failed as a whole: each field's answer says why
        for answer in answers:
            if answer.error is None:
                answer.error = error.message
    return answers


# --- the run ----------------------------------------------------------------------------------------------

def field_statistics(store: SceneSource | SceneStoreSet, params: MtStatsParams, fields: Sequence[Field],
                     feedback: FeedbackLike | None = None) -> list[dict]:
    """For each field, in order, the answer ({"errors": [...], "result": [...]}) of the mt_stats
    request `params` with the field as its geometry. Progress counts fields x scenes."""
    per_field = [select_scenes(store, replace(params, geometry=field.geometry), feedback) for field in fields]
    scenes: dict[str, Scene] = {}
    takers: dict[str, list[int]] = {}
    for number, found in enumerate(per_field):
        for scene in found:
            scenes.setdefault(scene.view_id, scene)
            takers.setdefault(scene.view_id, []).append(number)
    total = sum(len(found) for found in per_field)
    message = tr("{fields} field(s), {scenes} scene(s) between {date_start} and {date_end}: {pairs} field-scene pair(s)")
    report(feedback, message.format(fields=len(fields), scenes=len(scenes), date_start=params.date_start,
                                    date_end=params.date_end, pairs=total))
    progress = ProgressRange(feedback, 0, 100)
    is_canceled = cancel_check(feedback)
    aois = [AoiOnGrids(field.geometry) for field in fields]
    answers: dict[tuple[int, str], SceneAnswer] = {}
    order = sorted(scenes, key=lambda view_id: date_order(scenes[view_id]))
    # The scenes' threads read bands over HTTP as this one does (their decoding stays single-threaded).
    inherited = thread_config_of(HTTP_CONFIG_KEYS)

    def answers_of(view_id: str) -> list[SceneAnswer]:
        with thread_config(**inherited):
            return _scene_answers(scenes[view_id], params, [aois[n] for n in takers[view_id]], is_canceled)

    with ThreadPoolExecutor(max_workers=scene_threads(list(scenes.values())), thread_name_prefix="lbe-fields") as pool:
        futures = [(view_id, pool.submit(answers_of, view_id)) for view_id in order]
        done = 0
        try:
            for view_id, future in futures:
                for number, answer in zip(takers[view_id], future.result()):
                    answers[(number, view_id)] = answer
                check_cancelled(feedback)
                done += len(takers[view_id])
                progress.set(done / max(total, 1))
        finally:
            for _view_id, future in futures:
                future.cancel()
    results = []
    for number, found in enumerate(per_field):
        own = [answers[(number, scene.view_id)] for scene in found]
        results.append({"errors": [error_entry(answer) for answer in own if answer.error is not None],
                        "result": [result_entry(answer) for answer in own if answer.error is None]})
    return results


# --- the table --------------------------------------------------------------------------------------------

def _number(value: float | None) -> str:
    return "" if value is None else repr(float(value))  # repr: the float exactly, read back as it was


def _id(field: Field) -> str:
    return "" if field.id is None else str(field.id)


def table_rows(fields: Sequence[Field], answers: Sequence[dict], params: MtStatsParams) -> list[list[str]]:
    """One row per field, date and index (CSV_COLUMNS), in field order, then date order; a scene in
    a field's `errors` is one row with its date, scene_id and view_id, the figures, index and cloud
    empty, and the reason in `error`; a field that no scene meets is one row with only its id and
    the reason."""
    rows = []
    for field, answer in zip(fields, answers):
        entries = [(entry["date"] or "", entry["scene_id"], entry, False) for entry in answer["result"]]
        entries += [(entry["date"] or "", entry["scene_id"], entry, True) for entry in answer["errors"]]
        if not entries:
            reason = tr("no scene meets this polygon between {date_start} and {date_end}")
            rows.append([_id(field), "", "", "", *[""] * len(FIGURES), "", "",
                         reason.format(date_start=params.date_start, date_end=params.date_end)])
            continue
        for date, scene_id, entry, failed in sorted(entries, key=lambda item: (item[0], item[1])):
            if failed:
                rows.append([_id(field), date, scene_id, "", *[""] * len(FIGURES), "", entry.get("view_id") or "",
                             entry["error"]])
                continue
            per_index = entry["indexes"] if "indexes" in entry else {params.bm_type[0]: entry}
            for label, values in per_index.items():
                rows.append([_id(field), date, scene_id, label, *[_number(values[name]) for name in FIGURES],
                             _number(entry["cloud"]), entry.get("view_id") or "", ""])
    return rows


def write_table(path: str, fields: Sequence[Field], answers: Sequence[dict], params: MtStatsParams) -> int:
    """The table as CSV (UTF-8, comma-separated, a header line); returns its number of rows."""
    rows = table_rows(fields, answers, params)
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(rows)
    return len(rows)


def run_field_statistics(params: MtStatsParams, fields: Sequence[Field], store: SceneSource | SceneStoreSet,
                         workspace: str, feedback: FeedbackLike | None) -> TaskResult:
    """The table of `fields` written into `workspace` (the runner's staging folder, which moves it
    into place once whole), named after the request's reference."""
    check_cancelled(feedback)
    answers = field_statistics(store, params, fields, feedback)
    check_cancelled(feedback)
    path = os.path.join(workspace, f"{reference_file_stem(params.reference)}.csv")
    rows = write_table(path, fields, answers, params)
    details = {"reference": params.reference, "bm_type": list(params.bm_type),
               "date_start": params.date_start.isoformat(), "date_end": params.date_end.isoformat(),
               "fields": len(fields), "rows": rows}
    return TaskResult("mt_stats", "csv", (path,), details)
