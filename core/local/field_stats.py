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

A field across a tile border: its observations are those of its single run (the same-day scenes of
one sensor that it meets, mt_stats.select_observations), its primary the scene holding most of THAT
field. The fields sharing an observation (the same scenes in the same order) are computed together
on the observation's grid (observations.extended_grid), as a scene's fields are on its grid: each
member scene is read once per cluster of their windows, each pixel taken from the scene serving it
(observations.Ownership), the values in the row order of the field's window, as mt_stats takes
them. A scene is so read once for the fields within it (as before: no extra read) and once for each
observation of border fields it is in, over those fields' windows. A scene of another UTM zone is
warped onto the grid, and a warp may depend on its window: then each field is read on its own.
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
from ..errors import DataError, LoadByExtentError, RequestError
from ..expressions import evaluate
from ..feedback import FeedbackLike, ProgressRange, cancel_check, check_cancelled, report
from ..gdal_support import thread_config, thread_config_of
from ..http_raster import HTTP_CONFIG_KEYS, RemoteReading, remote_reading
from ..i18n import tr
from ..indices import ResolvedExpression
from ..request import MtStatsParams, TaskParams, TaskRequest
from ..results import TaskResult
from ..scenes import SceneStoreSet, date_order
from ..sources import SceneSource, open_scene_source
from .bandmath import BandOnGrid, coarsest
from .cloud_mask import CloudMask, categorical_on_grid, unclear_on_grid
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
    mask_sources,
    observation_bands,
    reference_file_stem,
    result_entry,
    scene_threads,
    select_observations,
)
from .observations import Observation, Ownership, extended_grid
from .raster import BandSource, Grid, Window, lattice_shift

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


# --- one observation, many fields -------------------------------------------------------------------------

def _observation_grid(own: Sequence[Grid]) -> tuple[Grid, bool]:
    """The grid the scenes of an observation (their own grids, the primary's first) are read on, as
    mt_stats reads them, and whether they all lie on its pixel lattice (one scene always does)."""
    grid = extended_grid(own[0], own[1:])
    return grid, all(lattice_shift(scene_grid, grid) is not None for scene_grid in own)


@dataclass
class _OnGrid:
    """The fields on an observation's grid: each one's window and pixels inside (those of a single
    run), and, for several scenes, which scene serves each of those pixels (observations.Ownership)."""

    inside: dict[int, np.ndarray]
    windows: dict[int, Window]
    owners: dict[int, np.ndarray] | None

    def parts(self, cluster: _Cluster, row: int, rows: int) -> list[tuple[int, tuple[slice, slice], np.ndarray,
                                                                          np.ndarray | None]]:
        """The members meeting the strip with a pixel inside: (member, slice of the strip, its
        pixels inside there, which scene serves them)."""
        found = []
        for member, in_strip, in_own in _strip_parts(cluster, self.windows, row, rows):
            inside = self.inside[member][in_own]
            if inside.any():
                found.append((member, in_strip, inside, None if self.owners is None else self.owners[member][in_own]))
        return found


def _on_grid(aois: Sequence[AoiOnGrids], grid: Grid, own: Sequence[Grid]) -> _OnGrid:
    on = {number: aoi.on(grid) for number, aoi in enumerate(aois)}
    windows = {number: found[0] for number, found in on.items() if found is not None}
    inside = {number: found[1] for number, found in on.items() if found is not None}
    owners = ({number: Ownership(own, grid, window).rows(0, window.ysize) for number, window in windows.items()}
              if len(own) > 1 else None)
    return _OnGrid(inside, windows, owners)


def _field_clusters(on: _OnGrid, block: tuple[int, int], one_lattice: bool) -> list[_Cluster]:
    if one_lattice:
        return clusters(list(on.windows.items()), block)
    # A scene of another UTM zone is warped onto the grid, and a warp's pixels may depend on the
    # window warped: each field on its own window, as its single run reads it.
    return [_Cluster(window, [number], _area(window)) for number, window in on.windows.items()]


def _served_by(inside: np.ndarray, owner: np.ndarray | None, number: int) -> np.ndarray:
    """The pixels inside that scene `number` of the observation serves."""
    return inside if owner is None else inside & (owner == number)


def _cloud_percents(members: Sequence[SceneBands], aois: Sequence[AoiOnGrids]) -> list[float | None]:
    """Each field's cloud percent, as mt_stats counts it (over an observation's scenes, each pixel
    from the scene serving it, on the primary's mask grid), from one read of each mask per cluster."""
    sources = mask_sources(members)
    grid, one_lattice = _observation_grid([source.grid for source in sources])
    on = _on_grid(aois, grid, [source.grid for source in sources])
    observed, flagged = dict.fromkeys(on.windows, 0), dict.fromkeys(on.windows, 0)
    for cluster in _field_clusters(on, _block_size(sources[0]), one_lattice):
        for row in range(0, cluster.window.ysize, STRIP_ROWS):
            rows = min(STRIP_ROWS, cluster.window.ysize - row)
            parts = on.parts(cluster, row, rows)
            strip = Window(cluster.window.xoff, cluster.window.yoff + row, cluster.window.xsize, rows)
            for number, (bands, source) in enumerate(zip(members, sources)):
                mine = [(member, in_strip, _served_by(inside, owner, number)) for member, in_strip, inside, owner in parts]
                if bands.mask is None or not any(here.any() for _member, _in_strip, here in mine):
                    continue  # a scene without a mask observes nothing
                classes, not_covered = categorical_on_grid(source, grid, strip)  # on its own grid: a plain read
                seen, cloudy = ~bands.mask.unobserved(classes), bands.mask.flagged(classes)
                if not_covered is not None:
                    seen &= ~not_covered
                for member, in_strip, here in mine:
                    here = here & seen[in_strip]
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
            self._known[(grid, window)] = unclear_on_grid(mask, self.bands.band(mask.band), grid, window)
        return self._known[(grid, window)]


def _fields_index_values(members: Sequence[SceneBands], unclears: Sequence[_Unclear],
                         expressions: Sequence[ResolvedExpression], aois: Sequence[AoiOnGrids], only_clear: bool,
                         is_canceled: Callable[[], bool]) -> list[tuple[np.ndarray, int]]:
    """Each field's valid index values over an observation (`expressions`: the index on each of its
    scenes), in the order a single run finds them (row by row of its window), and how many valid
    pixels the masks left out, as mt_stats gives them: each pixel from the scene serving it."""
    names = sorted(expressions[0].bands)
    try:
        sources = [{name: bands.band(name) for name in names} for bands in members]
    except DataError as error:
        raise DataError(error.message, "params.bm_type") from None
    coarse = [coarsest(list(own.values())) for own in sources]
    grid, one_lattice = _observation_grid([source.grid for source in coarse])
    on = _on_grid(aois, grid, [source.grid for source in coarse])
    several = len(members) > 1
    kept: list[list[np.ndarray]] = [[] for _aoi in aois]
    not_clear = [0 for _aoi in aois]
    for cluster in _field_clusters(on, _block_size(coarse[0]), one_lattice):
        if is_canceled():
            break
        window = cluster.window
        readers = [{name: BandOnGrid(source, grid, window, bands.transforms.get(name)) for name, source in own.items()}
                   for bands, own in zip(members, sources)]
        unclear_here = [unclear.on(bands.mask, grid, window) if only_clear and bands.mask else None
                        for bands, unclear in zip(members, unclears)]
        for row in range(0, window.ysize, STRIP_ROWS):
            rows = min(STRIP_ROWS, window.ysize - row)
            parts = on.parts(cluster, row, rows)
            if not parts:
                continue
            # Several scenes: each field's pixels gathered in its own part of the strip, then taken
            # in row order, as mt_stats takes them.
            mosaics = {member: (np.zeros(inside.shape), np.zeros(inside.shape, dtype=bool))
                       for member, _in_strip, inside, _owner in parts} if several else {}
            for number, (expression, own_readers) in enumerate(zip(expressions, readers)):
                mine = [(member, in_strip, _served_by(inside, owner, number)) for member, in_strip, inside, owner in parts]
                if several and not any(here.any() for _member, _in_strip, here in mine):
                    continue
                read = {name: reader.read(row, rows) for name, reader in own_readers.items()}
                values = np.broadcast_to(evaluate(expression.node, {n: read[n][0] for n in names}),
                                         (rows, window.xsize))
                valid_here = np.isfinite(values)
                for name in names:
                    valid_here &= ~read[name][1]
                own_unclear = unclear_here[number]
                for member, in_strip, here in mine:
                    valid = here & valid_here[in_strip]
                    if own_unclear is not None:
                        left_out = valid & own_unclear[row:row + rows][in_strip]
                        not_clear[member] += int(left_out.sum())
                        valid &= ~left_out
                    if not several:
                        kept[member].append(values[in_strip][valid])
                        continue
                    mosaic, counted = mosaics[member]
                    mosaic[valid] = values[in_strip][valid]
                    counted |= valid
            for member, (mosaic, counted) in mosaics.items():
                kept[member].append(mosaic[counted])
    return [(np.concatenate(pieces) if pieces else np.empty(0), count) for pieces, count in zip(kept, not_clear)]


def _answer_fields(answers: list[SceneAnswer], members: Sequence[SceneBands],
                   every: Sequence[Sequence[ResolvedExpression]], params: MtStatsParams,
                   aois: Sequence[AoiOnGrids], is_canceled: Callable[[], bool]) -> None:
    primary = members[0]
    clouds = (_cloud_percents(members, aois) if primary.mask
              else [primary.scene.cloud_cover] * len(answers))
    going = []
    for number, (answer, cloud) in enumerate(zip(answers, clouds)):
        answer.cloud = cloud
        if not above_cloud_limit(answer, params.max_cloud_cover_in_aoi):
            going.append(number)
    problems: list[str] = []
    not_clear = dict.fromkeys(going, 0)
    unclears = [_Unclear(bands) for bands in members]
    for index, expression in enumerate(every[0]):
        try:
            found = _fields_index_values(members, unclears, [own[index] for own in every], [aois[n] for n in going],
                                         params.exclude_cover_pixels, is_canceled)
        except DataError as error:
            problems.append(error.message)
            found = [(np.empty(0), 0) for _number in going]
        for number, (values, left_out) in zip(going, found):
            not_clear[number] += left_out
            answers[number].indices[expression.label] = figures(values) if values.size else None
    for number in going:
        conclude_answer(answers[number], problems, not_clear[number], primary.mask)


def _observation_answers(observation: Observation, params: MtStatsParams, aois: Sequence[AoiOnGrids],
                         is_canceled: Callable[[], bool]) -> list[SceneAnswer]:
    """The answers of the fields `aois` that share `observation` (one scene, or several across a border)."""
    answers = [SceneAnswer(observation.primary, members=observation.scenes) for _aoi in aois]
    if is_canceled():
        return answers
    members: list[SceneBands] = []
    try:
        members, every = observation_bands(observation, params)
        _answer_fields(answers, members, every, params, aois, is_canceled)
    except LoadByExtentError as error:  # the observation failed as a whole: each field's answer says why
        for answer in answers:
            if answer.error is None:
                answer.error = error.message
    finally:
        for bands in members:
            bands.close()
    return answers


# --- the run ----------------------------------------------------------------------------------------------

def field_statistics(store: SceneSource | SceneStoreSet, params: MtStatsParams, fields: Sequence[Field],
                     feedback: FeedbackLike | None = None) -> list[dict]:
    """For each field, in order, the answer ({"errors": [...], "result": [...]}) of the mt_stats
    request `params` with the field as its geometry. Each field's observations are its single run's
    (mt_stats.select_observations); the fields sharing one (the same scenes in the same order: a
    scene alone, or a field across a border with the same primary) are computed together.
    Progress counts fields x scenes."""
    per_field = [select_observations(store, replace(params, geometry=field.geometry), feedback) for field in fields]
    observations: dict[tuple[str, ...], Observation] = {}
    takers: dict[tuple[str, ...], list[int]] = {}
    for number, found in enumerate(per_field):
        for observation in found:
            key = tuple(observation.view_ids)
            observations.setdefault(key, observation)
            takers.setdefault(key, []).append(number)
    scenes = {scene.view_id: scene for observation in observations.values() for scene in observation.scenes}
    total = sum(len(observation.scenes) for found in per_field for observation in found)
    message = tr("{fields} field(s), {scenes} scene(s) between {date_start} and {date_end}: {pairs} field-scene pair(s)")
    report(feedback, message.format(fields=len(fields), scenes=len(scenes), date_start=params.date_start,
                                    date_end=params.date_end, pairs=total))
    progress = ProgressRange(feedback, 0, 100)
    is_canceled = cancel_check(feedback)
    aois = [AoiOnGrids(field.geometry) for field in fields]
    answers: dict[tuple[int, tuple[str, ...]], SceneAnswer] = {}
    order = sorted(observations, key=lambda key: (date_order(observations[key].primary), key))
    # The scenes' threads read bands over HTTP as this one does (their decoding stays single-threaded).
    inherited = thread_config_of(HTTP_CONFIG_KEYS)

    def answers_of(key: tuple[str, ...]) -> list[SceneAnswer]:
        with thread_config(**inherited):
            return _observation_answers(observations[key], params, [aois[n] for n in takers[key]], is_canceled)

    with ThreadPoolExecutor(max_workers=scene_threads(list(scenes.values())), thread_name_prefix="lbe-fields") as pool:
        futures = [(key, pool.submit(answers_of, key)) for key in order]
        done = 0
        try:
            for key, future in futures:
                for number, answer in zip(takers[key], future.result()):
                    answers[(number, key)] = answer
                check_cancelled(feedback)
                done += len(takers[key]) * len(key)
                progress.set(done / max(total, 1))
        finally:
            for _key, future in futures:
                future.cancel()
    results = []
    for number, found in enumerate(per_field):
        own = [answers[(number, tuple(observation.view_ids))] for observation in found]
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
