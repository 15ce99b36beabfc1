"""The `bandmath` task on the local processor: indices and band expressions over the AOI.

Result (docs/task-api.md#bandmath): a GeoTIFF `<scene>_<name_alias or bm_type>.TIF`, Float32, tiled 512 x 512,
nodata -9999, one band per comma-separated expression (described by the index name or the
expression), on the grid of the coarsest band the expressions use. Finer bands are averaged onto
that grid (Sentinel-2 grids nest exactly: a 20 m pixel is the mean of its 2 x 2 10 m pixels).
The window and the AOI mask follow the crop semantics (docs/task-api.md#crop-semantics) on that grid. A pixel is
-9999 when it is outside the AOI, when any band its expression uses has no data there (for an
averaged pixel: any of the finer pixels), or when the result is not a finite number. With
`exclude_cover_pixels`, also where the scene's cloud mask (core/local/cloud_mask.py), taken onto the
grid as mt_stats takes it (nearest neighbour, the most frequent class onto a coarser grid), says
cloud, cloud shadow or its own fill; a scene without a mask is refused.

`compute_expressions` is shared with the `jpeg` task, which renders the same values.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np
from osgeo import gdal, ogr, osr

from .. import api_rules
from ..aoi import to_ogr
from ..calibration import index_scale, stored_value_transforms
from ..errors import DataError
from ..expressions import evaluate
from ..feedback import FeedbackLike, ProgressRange, check_cancelled, report
from ..gdal_support import GdalMessages
from ..i18n import tr
from ..indices import resolve_bm_type
from ..naming import file_name_part
from ..request import BandmathParams
from ..results import TaskResult
from ..scenes import Scene
from .cloud_mask import PixelCounts, UnclearReader, cloud_mask_of, masked_note, required_cloud_mask
from .observations import Ownership, extended_grid, observation_of
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
    read_ahead,
)
from .writers import GeoTiffWriter

OUTPUT_NODATA = -9999.0
STRIP_ROWS = api_rules.GTIFF_BLOCK
EVALUATION_ROWS = 16  # rows evaluated at a time: a float64 piece of a whole tile's width is 1.4 MB
COMPUTE_THREADS = 1  # more threads only contend with the compression threads for the cores
_NESTING_TOLERANCE = 1e-6  # of a pixel: grids whose origins differ by less nest exactly
_WHOLE_STEPS_TOLERANCE = 1e-6  # of a gain: a bias this close to a whole number of gains is one

# A linear conversion of a band's values before any expression sees them (calibration): v * gain + bias.
BandTransform = tuple[float, float]


def band_nodata(source: BandSource) -> float | None:
    """The value that means "no data" in a source band: its declared nodata, else 0 for unsigned
    integers (the fill value of Sentinel-2 and Landsat products), else none."""
    if source.nodata is not None and not math.isnan(source.nodata):
        return source.nodata
    if source.numpy_type.kind == "u":
        return api_rules.NODATA_UNSIGNED
    return None


def transformed(values: np.ndarray, gain: float, bias: float) -> np.ndarray:
    """`values * gain + bias` in float64. When the bias is a whole number of gains (a catalog's
    Sentinel-2 offset: -0.1 at a gain of 0.0001, -1000 stored units), as `(values + bias / gain) *
    gain`: stored values whose offsets cancel then give physical values that cancel exactly, where
    the plain form leaves a rounding residue of 1e-17 that turns an index's zero denominator (a dark
    pixel's red + near infrared) into 1e15 instead of no value."""
    steps = bias / gain if gain else 0.0
    if gain and abs(steps - round(steps)) < _WHOLE_STEPS_TOLERANCE:
        return (np.asarray(values, dtype=np.float64) + round(steps)) * gain
    return np.asarray(values, dtype=np.float64) * gain + bias


class BandOnGrid:
    """One source band read on a target grid: directly when the grids are the same, by block
    averaging when the source grid is a finer one nesting in the target, else through GDAL's
    average resampling. Gives the values (in the band's own type when read directly, else float64)
    and where they are invalid."""

    def __init__(self, source: BandSource, target: Grid, window: Window, transform: BandTransform | None = None):
        self.source = source
        self.target = target
        self.window = window
        self.nodata = band_nodata(source)
        self.transform = transform
        self.factor = self._nesting_factor()

    def _nesting_factor(self) -> int | None:
        """The integer ratio of target to source pixel size when the source grid nests exactly in
        the target's (same CRS, aligned origins); None otherwise."""
        src, dst = self.source.grid, self.target
        if src.crs_wkt != dst.crs_wkt and not _same_crs(src.crs_wkt, dst.crs_wkt):
            return None
        sgt, dgt = src.geotransform, dst.geotransform
        ratio_x, ratio_y = dgt[1] / sgt[1], dgt[5] / sgt[5]
        factor = round(ratio_x)
        if factor < 1 or abs(ratio_x - factor) > _NESTING_TOLERANCE or abs(ratio_y - factor) > _NESTING_TOLERANCE:
            return None
        offset_x, offset_y = (dgt[0] - sgt[0]) / sgt[1], (dgt[3] - sgt[3]) / sgt[5]
        if abs(offset_x - round(offset_x)) > _NESTING_TOLERANCE or abs(offset_y - round(offset_y)) > _NESTING_TOLERANCE:
            return None
        return factor

    def read(self, row: int, rows: int, col: int = 0, cols: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Target-grid rows `row`..`row + rows` of the window, columns `col`..`col + cols` (all)."""
        cols = self.window.xsize - col if cols is None else cols
        if self.factor is None:
            values, invalid = self._read_resampled(row, rows, col, cols)
        else:
            values, invalid = self._read_nested(row, rows, col, cols, self.factor)
        if self.transform is not None:
            values = transformed(values, *self.transform)
        return values, invalid

    def _read_nested(self, row: int, rows: int, col: int, cols: int, f: int) -> tuple[np.ndarray, np.ndarray]:
        """`f`: the nesting factor, source pixels per target pixel along each axis."""
        sgt, dgt = self.source.grid.geotransform, self.target.geotransform
        origin_col = round((dgt[0] - sgt[0]) / sgt[1]) + (self.window.xoff + col) * f
        origin_row = round((dgt[3] - sgt[3]) / sgt[5]) + (self.window.yoff + row) * f
        want_cols, want_rows = cols * f, rows * f
        # The part of the wanted block that exists in the source; the rest has no data.
        col0, row0 = max(origin_col, 0), max(origin_row, 0)
        col1 = min(origin_col + want_cols, self.source.grid.width)
        row1 = min(origin_row + want_rows, self.source.grid.height)
        if f == 1 and (col0, row0, col1, row1) == (origin_col, origin_row, origin_col + want_cols,
                                                   origin_row + want_rows):
            # The common case: the same grid, all inside the raster. Kept in the band's own type (a
            # quarter of float64's memory for UInt16); the evaluation converts small pieces at a time.
            data = self.source.read_pixels(col0, row0, want_cols, want_rows)
            return data, self._invalid(data)
        values = np.zeros((want_rows, want_cols), dtype=np.float64)
        invalid = np.ones((want_rows, want_cols), dtype=bool)
        if col1 > col0 and row1 > row0:
            data = self.source.read_pixels(col0, row0, col1 - col0, row1 - row0)
            part = (slice(row0 - origin_row, row1 - origin_row), slice(col0 - origin_col, col1 - origin_col))
            values[part] = data
            invalid[part] = self._invalid(data)
        if f == 1:
            return values, invalid
        # Each target pixel: the mean of its f x f source pixels, invalid if any of them is.
        blocks = (rows, f, cols, f)
        return values.reshape(blocks).mean(axis=(1, 3)), invalid.reshape(blocks).any(axis=(1, 3))

    def _read_resampled(self, row: int, rows: int, col: int, cols: int) -> tuple[np.ndarray, np.ndarray]:
        gt = self.target.window_geotransform(self.window)
        strip_gt = (gt[0] + col * gt[1], gt[1], 0.0, gt[3] + row * gt[5], 0.0, gt[5])
        target = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, gdal.GDT_Float64)
        target.SetGeoTransform(strip_gt)
        target.SetProjection(self.target.crs_wkt)
        band = target.GetRasterBand(1)
        band.SetNoDataValue(OUTPUT_NODATA)
        band.Fill(OUTPUT_NODATA)
        options = gdal.WarpOptions(resampleAlg="average", srcNodata=self.nodata, dstNodata=OUTPUT_NODATA)
        with GdalMessages():  # its messages may name a URL: never to QGIS's log as they are
            warped = gdal.Warp(target, self.source.dataset, options=options)
        if warped is None:
            message = tr("cannot resample {path} onto the grid of {resolution} m")
            raise DataError(message.format(path=self.source.shown_path, resolution=f"{self.target.resolution:g}"))
        values = band.ReadAsArray().astype(np.float64)
        return values, values == OUTPUT_NODATA

    def _invalid(self, data: np.ndarray) -> np.ndarray:
        floating = self.source.numpy_type.kind == "f"  # integers read as float64 are always finite
        invalid = ~np.isfinite(data) if floating else np.zeros(data.shape, dtype=bool)
        if self.nodata is not None:
            invalid |= data == self.nodata
        return invalid


def _same_crs(wkt_a: str, wkt_b: str) -> bool:
    a, b = osr.SpatialReference(), osr.SpatialReference()
    a.ImportFromWkt(wkt_a)
    b.ImportFromWkt(wkt_b)
    return bool(a.IsSame(b))


@dataclass(frozen=True)
class ComputedRaster:
    path: str
    grid: Grid
    window: Window
    labels: tuple[str, ...]
    masked: int = 0  # pixels (of the AOI, or of the window without one) the cloud mask made nodata
    total: int = 0  # pixels of the AOI (of the window without one)
    member_grids: tuple[Grid, ...] = ()  # of an observation of several scenes: each scene's grid, in order


@dataclass(frozen=True)
class Neighbour:
    """Another scene of the requested scene's observation (core/local/observations.py), with its
    own expressions (its own index scale) and band transforms."""

    scene: Scene
    expressions: Sequence
    transforms: Mapping[str, BandTransform] | None = None


def coarsest(sources: Sequence[BandSource]) -> BandSource:
    """The source of the coarsest grid (the first of them on a tie)."""
    return max(sources, key=lambda source: (source.grid.resolution, -sources.index(source)))


def compute_expressions(
    scene: Scene,
    expressions: Sequence,  # indices.ResolvedExpression: .label, .node, .bands
    geometry: dict | None,
    path: str,
    feedback: FeedbackLike | None,
    progress: ProgressRange,
    mask: bool = True,
    margin: int = 0,
    transforms: Mapping[str, BandTransform] | None = None,
    exclude_cover_pixels: bool = False,
    opened: OpenedBands | None = None,
    neighbours: Sequence[Neighbour] = (),
) -> ComputedRaster:
    """Evaluate `expressions` over `scene` into a Float32 GeoTIFF at `path` (one band each).

    The grid is that of the coarsest band used. `geometry` (GeoJSON, EPSG:4326) chooses the window,
    widened by `margin` pixels; with `mask`, pixels whose centre is outside it are nodata. Without
    a geometry the whole scene is computed. With `exclude_cover_pixels`, pixels the scene's cloud
    mask does not vouch for as clear are nodata too (DataError when the scene has no mask). Bands
    already in `opened` (the request's check opened them) are not opened again. `neighbours`: the
    other scenes of its observation; the grid then extends over them, each pixel from the scene
    that serves it (observations.Ownership), with that scene's own bands and mask.
    """
    with opened_bands(opened) as bands:
        return _compute_expressions(scene, expressions, geometry, path, feedback, progress, mask, margin,
                                    transforms, exclude_cover_pixels, bands, neighbours)


@dataclass
class _Part:
    """What one scene of an observation gives a strip: its bands on the grid, expressions, mask."""

    readers: Mapping[str, BandOnGrid]
    expressions: Sequence
    unclear: UnclearReader | None = None


def _compute_expressions(
    scene: Scene, expressions: Sequence, geometry: dict | None, path: str, feedback: FeedbackLike | None,
    progress: ProgressRange, mask: bool, margin: int, transforms: Mapping[str, BandTransform] | None,
    exclude_cover_pixels: bool, opened: OpenedBands, neighbours: Sequence[Neighbour] = (),
) -> ComputedRaster:
    sources, grid, aoi, window = open_expression_bands(scene, expressions, geometry, opened)
    members = [Neighbour(scene, expressions, transforms), *(neighbours if aoi is not None else ())]
    member_sources = [sources] + [_open_bands(neighbour.scene, neighbour.expressions, opened)
                                  for neighbour in members[1:]]
    member_grids = tuple(coarsest(list(own.values())).grid for own in member_sources)
    ownership = None
    parts: list[_Part] = []
    try:
        aoi_mask = None
        if aoi is not None:
            if len(members) > 1:
                grid = extended_grid(grid, member_grids[1:])
                window = crop_window(grid, aoi) or window
            window = _widened(window, grid, margin)
            if mask:
                aoi_mask = AoiMask(aoi, grid, window)
            if len(members) > 1:
                ownership = Ownership(member_grids, grid, window)
        for member, own in zip(members, member_sources):
            unclear = UnclearReader(member.scene, grid, window) if exclude_cover_pixels else None
            readers = {name: BandOnGrid(source, grid, window, (member.transforms or {}).get(name))
                       for name, source in own.items()}
            parts.append(_Part(readers, member.expressions, unclear))
        labels = tuple(expression.label for expression in expressions)
        writer = GeoTiffWriter(path, window.xsize, window.ysize, labels, np.dtype(np.float32),
                               grid.window_geotransform(window), grid.crs_wkt, OUTPUT_NODATA)
        counts = PixelCounts()
        try:
            strips = read_ahead(range(0, window.ysize, STRIP_ROWS),
                                _strip_reader(parts, ownership, aoi_mask, window, counts),
                                depth=COMPUTE_THREADS)
            writer.write_strips(strips, progress, feedback)
        finally:
            writer.close()
        return ComputedRaster(path, grid, window, labels, counts.masked, counts.total,
                              member_grids if ownership is not None else ())
    finally:
        for part in parts:
            if part.unclear is not None:
                part.unclear.close()


def _open_bands(scene: Scene, expressions: Sequence, opened: OpenedBands) -> dict[str, BandSource]:
    names = sorted({band for expression in expressions for band in expression.bands})
    try:
        paths = {name: scene.band_path(name) for name in names}
    except DataError as error:  # the band comes from the expression, not from a list of bands
        raise DataError(error.message, "params.bm_type") from None
    return dict(zip(paths, opened.open(list(paths.items()))))


def open_expression_bands(
    scene: Scene, expressions: Sequence, geometry: dict | None, opened: OpenedBands
) -> tuple[dict[str, BandSource], Grid, ogr.Geometry | None, Window]:
    """The bands the expressions use, opened (into `opened`, which the caller closes; over HTTP all
    at once); the grid of the coarsest; the AOI in its CRS and its window (the whole grid without a
    geometry): what an index checks before any work (the bands are in the scene, the AOI overlaps
    it), raising DataError naming the field."""
    sources = _open_bands(scene, expressions, opened)
    grid = coarsest(list(sources.values())).grid
    if geometry is None:
        return sources, grid, None, Window(0, 0, grid.width, grid.height)
    aoi = aoi_in_crs(to_ogr(geometry), grid)
    window = crop_window(grid, aoi)
    if window is None:
        message = tr("the area of interest does not overlap scene {view_id}")
        raise DataError(message.format(view_id=scene.view_id), "params.geometry")
    return sources, grid, aoi, window


def observation_neighbours(store: object, scene: Scene, expressions: Sequence, geometry: dict | None,
                           exclude_cover_pixels: bool, opened: OpenedBands, feedback: FeedbackLike | None,
                           ) -> tuple[list[Scene], list[str]]:
    """The other scenes of `scene`'s observation over the AOI (core/local/observations.py): none, and
    no search, when the AOI lies within the scene's raster. Also a note for each same-day scene that
    is left out because it lacks a band the expressions use (or, with `exclude_cover_pixels`, a
    cloud mask)."""
    if store is None or geometry is None:
        return [], []
    _sources, grid, aoi, _window = open_expression_bands(scene, expressions, geometry, opened)
    within = aoi is None or grid.extent_polygon().Contains(aoi)
    needed = {band for expression in expressions for band in expression.bands}
    notes: list[str] = []

    def usable(other: Scene) -> bool:
        lacking = sorted(needed - set(other.band_files))
        if exclude_cover_pixels and cloud_mask_of(other) is None:
            lacking.append(tr("a cloud mask"))
        if lacking:
            message = tr("scene {view_id} of the same day meets the area of interest but is left out: it has no {what}")
            notes.append(message.format(view_id=other.view_id, what=", ".join(lacking)))
        return not lacking

    observation = observation_of(store, scene, geometry, within, usable, feedback)
    return list(observation.scenes[1:]), notes


def _strip_reader(parts: Sequence[_Part], ownership: Ownership | None, aoi_mask: AoiMask | None,
                  window: Window, counts: PixelCounts) -> Callable[[int], tuple[int, list[np.ndarray]]]:
    """Reads a strip's bands and cloud mask (one thread at a time: GDAL datasets and the AOI mask's
    layer are not thread-safe) and evaluates the expressions (threads at once: numpy lets go of the
    GIL). Counts the AOI's pixels and those the cloud mask made nodata into `counts`. With several
    parts (the scenes of an observation), each pixel is the one of the part `ownership` gives it."""
    io_lock = threading.Lock()

    def read(row: int) -> tuple[int, list[np.ndarray]]:
        rows = min(STRIP_ROWS, window.ysize - row)
        results = [np.full((rows, window.xsize), OUTPUT_NODATA, dtype=np.float32) for _ in parts[0].expressions]
        with io_lock:
            inside = aoi_mask.rows(row, rows) if aoi_mask is not None else None
            # Only the columns the AOI reaches in this strip are read (a polygon's narrow ends).
            span = column_span(inside) if inside is not None else (0, window.xsize)
            if span is None:
                return row, results
            col, cols = span
            in_aoi = inside[:, col:col + cols] if inside is not None else np.ones((rows, cols), dtype=bool)
            counts.total += int(in_aoi.sum())
            owner = ownership.rows(row, rows)[:, col:col + cols] if ownership is not None else None
            pieces = []
            for number, part in enumerate(parts):
                mine = owner == number if owner is not None else None
                if mine is not None and not (mine & in_aoi).any():
                    continue
                reads = [partial(reader.read, row, rows, col, cols) for reader in part.readers.values()]
                paths = [reader.source.path for reader in part.readers.values()]
                read_bands = dict(zip(part.readers, each_at_once(reads, paths)))
                cloudy = None
                if part.unclear is not None:
                    cloudy = part.unclear.rows(row, rows, col, cols)
                    counted = cloudy & in_aoi if mine is None else cloudy & in_aoi & mine
                    counts.masked += int(counted.sum())
                pieces.append((part, read_bands, cloudy, mine))
        outside = ~in_aoi if inside is not None else None
        for part, read_bands, cloudy, mine in pieces:
            for expression, result in zip(part.expressions, results):
                _evaluate_into(result[:, col:col + cols], expression, read_bands, outside, cloudy, mine)
        return row, results

    return read


def _evaluate_into(result: np.ndarray, expression: object, read_bands: Mapping[str, tuple[np.ndarray, np.ndarray]],
                   outside: np.ndarray | None, cloudy: np.ndarray | None, mine: np.ndarray | None) -> None:
    """One expression over a strip's columns into `result` (Float32, nodata where invalid); with
    `mine`, only the pixels of this part are written."""
    rows = result.shape[0]
    # In pieces of a few rows: numpy's temporaries then stay in the CPU's cache, which
    # halves the time of an expression over a whole strip.
    for top in range(0, rows, EVALUATION_ROWS):
        piece = slice(top, top + EVALUATION_ROWS)
        values = result[piece] if mine is None else np.empty_like(result[piece])
        # Float32 straight into the strip (a value beyond Float32's range becomes inf: invalid).
        with np.errstate(over="ignore", invalid="ignore"):
            values[...] = evaluate(expression.node,  # type: ignore[attr-defined]
                                   {name: read_bands[name][0][piece] for name in expression.bands})  # type: ignore[attr-defined]
        invalid = ~np.isfinite(values)
        if outside is not None:
            invalid |= outside[piece]
        for name in expression.bands:  # type: ignore[attr-defined]
            invalid |= read_bands[name][1][piece]
        if cloudy is not None:
            invalid |= cloudy[piece]
        if mine is None:
            np.copyto(values, OUTPUT_NODATA, where=invalid)
        else:
            np.copyto(result[piece], values, where=mine[piece] & ~invalid)


def _widened(window: Window, grid: Grid, margin: int) -> Window:
    if margin <= 0:
        return window
    x0, y0 = max(window.xoff - margin, 0), max(window.yoff - margin, 0)
    x1 = min(window.xoff + window.xsize + margin, grid.width)
    y1 = min(window.yoff + window.ysize + margin, grid.height)
    return Window(x0, y0, x1 - x0, y1 - y0)


def result_name(scene: Scene, name_alias: str | None, bm_type: str, extension: str) -> str:
    """`<scene>_<name_alias or bm_type>.<extension>`, made safe for file names."""
    what = file_name_part(name_alias or bm_type, "bandmath", max_length=100)
    return f"{scene.scene_id.file_stem}_{what}.{extension}"


def run_bandmath(params: BandmathParams, scene: Scene, workspace: str, feedback: FeedbackLike | None,
                 opened: OpenedBands | None = None, store: object = None) -> TaskResult:
    """Evaluate the request's indices / expressions over the AOI into the workspace (bands already
    in `opened` are not opened again); over the scenes of its observation in `store` when the AOI
    leaves the scene (core/local/observations.py)."""
    check_cancelled(feedback)
    expressions = resolve_bm_type(params.bm_type, scene.sensor, scale=index_scale(scene))
    path = os.path.join(workspace, result_name(scene, params.name_alias, params.bm_type, "TIF"))
    transforms = stored_value_transforms(scene, {band for expression in expressions for band in expression.bands})
    with opened_bands(opened) as bands:
        others, notes = observation_neighbours(store, scene, expressions, params.geometry,
                                               params.exclude_cover_pixels, bands, feedback)
        neighbours = []
        for other in others:
            own = resolve_bm_type(params.bm_type, other.sensor, scale=index_scale(other))
            neighbours.append(Neighbour(other, own, stored_value_transforms(
                other, {band for expression in own for band in expression.bands})))
        computed = compute_expressions(scene, expressions, params.geometry, path, feedback,
                                       ProgressRange(feedback, 0, 100), transforms=transforms,
                                       exclude_cover_pixels=params.exclude_cover_pixels, opened=bands,
                                       neighbours=neighbours)
    details: dict[str, object] = {
        "view_id": scene.view_id,
        "bm_type": params.bm_type,
        "bands": [expression.label for expression in expressions],
        "reference": params.reference,
    }
    if neighbours:
        details["view_ids"] = [scene.view_id, *(neighbour.scene.view_id for neighbour in neighbours)]
    for note in notes:
        report(feedback, note)
    if params.exclude_cover_pixels:
        note = masked_note(required_cloud_mask(scene), computed.masked, computed.total, tr("nodata (-9999)"))
        report(feedback, note)
        details["exclude_cover_pixels"] = True
        details["masked_pixels"] = computed.masked
        notes.append(note)
    if notes:
        details["notes"] = notes
    return TaskResult("bandmath", "tif", (path,), details)
