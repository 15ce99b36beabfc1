"""The `lbe` task on the local processor: crop bands of one scene to the AOI."""

from __future__ import annotations

import os
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np
from osgeo import ogr

from .. import api_rules
from ..aoi import to_ogr
from ..errors import DataError
from ..feedback import FeedbackLike, ProgressRange, cancel_check, check_cancelled
from ..i18n import tr
from ..request import LbeParams
from ..results import TaskResult
from ..scenes import Scene
from .raster import (
    AoiMask,
    BandSource,
    Grid,
    OpenedBands,
    Window,
    aoi_in_crs,
    column_span,
    crop_window,
    each_at_once,
    opened_bands,
    output_nodata,
    read_ahead,
)
from .writers import GeoTiffWriter, convert_to_jp2, write_zip

# Rows read per strip: one row of the output's 512-pixel tiles, so each strip completes a row
# of tiles that can be compressed and written out at once.
STRIP_ROWS = api_rules.GTIFF_BLOCK


@dataclass
class BandGroup:
    """Bands that share one pixel grid: they can go into one file."""

    grid: Grid
    sources: list[BandSource]
    window: Window  # over the AOI
    aoi: ogr.Geometry  # the AOI in the grid's CRS

    @property
    def names(self) -> list[str]:
        return [source.name for source in self.sources]



def run_lbe(params: LbeParams, scene: Scene, workspace: str, feedback: FeedbackLike | None,
            opened: OpenedBands | None = None) -> TaskResult:
    """Crop the requested bands of `scene` into `workspace`; return the files written there. Bands
    already in `opened` (the request's check opened them) are not opened again."""
    check_cancelled(feedback)
    with opened_bands(opened) as bands:
        sources, groups = open_band_groups(params, scene, bands)
        group_of_band = [next(i for i, g in enumerate(groups) if source in g.sources) for source in sources]
        result_type = api_rules.lbe_result_type(
            scene.sensor, params.bands, params.merge, params.metadata, group_of_band
        )
        stem = f"{scene.scene_id.file_stem}_{'_'.join(params.bands)}"
        progress = ProgressRange(feedback, 0, 100)
        if result_type == "jp2":
            files = _write_jp2(groups[0], os.path.join(workspace, stem + ".jp2"), progress, feedback)
        elif result_type == "tif":
            path = os.path.join(workspace, stem + ".tif")
            _write_group(groups[0], groups[0].sources, path, progress, feedback)
            files = [path]
        else:
            files = [_write_zip(params, scene, groups, workspace, stem, progress, feedback)]
    progress.set(1.0)
    details = {
        "view_id": scene.view_id,
        "bands": list(params.bands),
        "reference": params.reference,
    }
    return TaskResult("lbe", result_type, tuple(files), details)


def open_band_groups(params: LbeParams, scene: Scene,
                     opened: OpenedBands) -> tuple[list[BandSource], list[BandGroup]]:
    """The request's bands opened (into `opened`, which the caller closes; over HTTP all at once) and
    grouped by pixel grid, each group with its window over the AOI: what the crop checks before any
    work (metadata files, bands, the AOI overlapping the scene), raising DataError naming the field."""
    _check_metadata(params, scene)
    paths: list[tuple[str, str]] = []
    missing = None
    try:
        for name in params.bands:
            paths.append((name, scene.band_path(name)))
    except DataError as error:  # the bands before it are opened first, as they always were
        missing = error
    sources = opened.open(paths)
    if missing is not None:
        raise missing
    groups = []
    aoi = to_ogr(params.geometry)
    for grid, members in _group_by_grid(sources):
        grid_aoi = aoi_in_crs(aoi, grid)
        window = crop_window(grid, grid_aoi)
        if window is None:
            message = tr("the area of interest does not overlap scene {view_id} (band {band})")
            raise DataError(message.format(view_id=scene.view_id, band=members[0].name), "params.geometry")
        groups.append(BandGroup(grid, members, window, grid_aoi))
    return sources, groups


def _check_metadata(params: LbeParams, scene: Scene) -> None:
    """Fail before any work when the scene lacks a metadata file the request asks for."""
    for kind in params.metadata:
        if not scene.metadata_files(kind):
            if kind == api_rules.TILE_METADATA:
                message = tr("scene {view_id} has no tile metadata ({kind}) in the store")
            else:
                message = tr("scene {view_id} has no product metadata ({kind}) in the store")
            raise DataError(message.format(view_id=scene.view_id, kind=kind), "params.metadata")


def _group_by_grid(sources: Sequence[BandSource]) -> list[tuple[Grid, list[BandSource]]]:
    groups: list[tuple[Grid, list[BandSource]]] = []
    for source in sources:
        for grid, members in groups:
            if grid == source.grid:
                members.append(source)
                break
        else:
            groups.append((source.grid, [source]))
    return groups


def _masked_strips(
    group: BandGroup, sources: Sequence[BandSource], numpy_type: np.dtype, nodata: float
) -> Generator[tuple[int, list[np.ndarray]], None, None]:
    """(row, one array per source) for each strip of the window, AOI mask applied, read one strip
    ahead (decoding the next strip overlaps compressing the previous one)."""
    window = group.window
    mask = AoiMask(group.aoi, group.grid, window)

    def read(row: int) -> tuple[int, list[np.ndarray]]:
        rows = min(STRIP_ROWS, window.ysize - row)
        inside = mask.rows(row, rows)
        arrays = [np.full((rows, window.xsize), nodata, dtype=numpy_type) for _ in sources]
        span = column_span(inside)
        if span is None:
            return row, arrays
        col, cols = span
        outside = ~inside[:, col:col + cols]
        reads = [partial(source.read, window, row, rows, col, cols) for source in sources]
        for data, array in zip(each_at_once(reads, [source.path for source in sources]), arrays):
            data[outside] = nodata
            array[:, col:col + cols] = data
        return row, arrays

    return read_ahead(range(0, window.ysize, STRIP_ROWS), read)


def _write_group(
    group: BandGroup, sources: Sequence[BandSource], path: str, progress: ProgressRange,
    feedback: FeedbackLike | None, options: list[str] | None = None,
) -> None:
    """Crop `sources` (all of `group`'s grid) into one GeoTIFF, strip by strip."""
    window = group.window
    numpy_type = np.result_type(*(source.numpy_type for source in sources))
    nodata = output_nodata(numpy_type, sources[0].nodata)
    writer = GeoTiffWriter(
        path, window.xsize, window.ysize, [s.name for s in sources], numpy_type,
        group.grid.window_geotransform(window), group.grid.crs_wkt, nodata, options,
    )
    try:
        writer.write_strips(_masked_strips(group, sources, numpy_type, nodata), progress, feedback)
    finally:
        writer.close()


def _write_jp2(group: BandGroup, path: str, progress: ProgressRange, feedback: FeedbackLike | None) -> list[str]:
    """One band to lossless JPEG 2000, through a plain GeoTIFF in the workspace."""
    staging = path + ".staging.tif"
    _write_group(group, group.sources[:1], staging, progress.sub(0, 2), feedback, options=["TILED=YES"])
    is_canceled = cancel_check(feedback)
    convert_to_jp2(staging, path, progress.sub(1, 2).set, is_canceled)
    os.remove(staging)
    sidecar = path + ".aux.xml"
    return [path, sidecar] if os.path.exists(sidecar) else [path]


def _write_zip(
    params: LbeParams, scene: Scene, groups: list[BandGroup], workspace: str, stem: str,
    progress: ProgressRange, feedback: FeedbackLike | None,
) -> str:
    """The zip result: merged GeoTIFFs per grid (merge) or one per band, plus metadata files."""
    parts_folder = os.path.join(workspace, "zip-parts")
    os.makedirs(parts_folder)
    base = scene.scene_id.file_stem
    if api_rules.merges_bands(scene.sensor, params.merge):
        files = [(group, group.sources) for group in groups]
    else:
        files = [(group, [source]) for group in groups for source in group.sources]
    total = sum(group.window.xsize * group.window.ysize * len(members) for group, members in files)
    done = 0
    members = []
    for group, sources in files:
        name = f"{base}_{'_'.join(s.name for s in sources)}{api_rules.ZIP_MEMBER_RASTER_EXTENSION}"
        path = os.path.join(parts_folder, name)
        size = group.window.xsize * group.window.ysize * len(sources)
        share = ProgressRange(feedback, 95 * done / total, 95 * (done + size) / total)
        _write_group(group, sources, path, share, feedback)
        done += size
        members.append((path, name))
    metadata_files: list[str] = []
    for kind in params.metadata:
        metadata_files += scene.metadata_files(kind)
    used_names = {name for _path, name in members}
    for path in dict.fromkeys(metadata_files):
        name = os.path.basename(path)
        if name in used_names:
            name = f"{len(used_names)}_{name}"
        used_names.add(name)
        members.append((path, name))
    check_cancelled(feedback)
    target = os.path.join(workspace, stem + ".zip")
    write_zip(target, members)
    return target
