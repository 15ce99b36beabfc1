"""The `jpeg` task on the local processor: an 8-bit rendering in EPSG:3857 (docs/task-api.md#jpeg).

`bm_type` is three bands or expressions (red, green, blue) or one expression (grey, or coloured
with `colormap` in `colors_limit` classes). Steps:

1. the components are evaluated on the grid of the coarsest band they use, over the AOI's
   window widened by a few pixels (the resampling kernels need neighbours), as the bandmath task
   does (calibrated to top-of-atmosphere reflectance first with `calibrate=1`, where possible);
2. they are warped to EPSG:3857 with the `resample` method (GDAL's names are the API's) at
   `px_size`: the ground pixel size in metres at the AOI's centre (default: the native resolution),
   i.e. px_size / cos(latitude) in EPSG:3857 units;
3. each component is stretched to 0..255: between `levels` when given; else raw bands by the
   2-98 % cumulative cut of the AOI's pixels, expressions (index results) between -0.5 and 0.5;
4. pixels whose centre is outside the AOI, or without data, are transparent (PNG, TIFF: alpha) or
   black (JPEG, which has no alpha); with `exclude_cover_pixels`, so are the pixels the scene's
   cloud mask does not vouch for as clear (cloud, cloud shadow, its fill): the mask taken onto the
   output grid by nearest neighbour (by the most frequent class when the output pixel is the
   coarser). Those pixels are also nodata before the warp, so cloud values neither bleed into clear
   neighbours through the resampling kernel nor weigh in the 2-98 % stretch;
5. written as `format`: jpeg or png with a world file and an .aux.xml holding the CRS beside them
   (GDAL and QGIS place them), or a georeferenced tiled GeoTIFF.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence

import numpy as np
from osgeo import gdal, ogr, osr

from .. import api_rules
from ..aoi import to_ogr
from ..calibration import index_scale, reflectance_transforms, stored_value_transforms
from ..colormaps import apply_colormap, scale_to_byte
from ..display import CUMULATIVE_CUT_LOWER, CUMULATIVE_CUT_UPPER, MAX_SAMPLE_PIXELS
from ..errors import DataError, TaskCancelled
from ..expressions import BandRef
from ..feedback import FeedbackLike, ProgressRange, cancel_check, check_cancelled, report
from ..gdal_support import GdalMessages, srs_from_wkt, wgs84
from ..i18n import tr
from ..indices import resolve_bm_type
from ..request import JpegParams
from ..results import TaskResult
from ..scenes import Scene
from .bandmath import OUTPUT_NODATA, Neighbour, compute_expressions, observation_neighbours, result_name
from .cloud_mask import PixelCounts, UnclearReader, masked_note
from .observations import Ownership
from .raster import AoiMask, Grid, OpenedBands, Window, opened_bands
from .writers import gdal_progress

WEB_MERCATOR = 3857
RESAMPLING_MARGIN = 4  # native pixels around the AOI, for the resampling kernels (lanczos needs 3)
MAX_OUTPUT_PIXELS = 400_000_000  # a rendering larger than this asks for a larger px_size
STRIP_ROWS = 512
EXTENSIONS = {"jpeg": "jpg", "png": "png", "tiff": "tif"}


def run_jpeg(params: JpegParams, scene: Scene, workspace: str, feedback: FeedbackLike | None,
             opened: OpenedBands | None = None, store: object = None) -> TaskResult:
    """Render the request's visual of `scene` into `workspace` (bands already in `opened` are not
    opened again); over the scenes of its observation in `store` when the AOI leaves the scene
    (core/local/observations.py)."""
    check_cancelled(feedback)
    expressions, transforms, notes = _prepared(params, scene)
    for note in notes:
        report(feedback, note)
    progress = ProgressRange(feedback, 0, 100)
    native_path = os.path.join(workspace, "components.native.tif")
    with opened_bands(opened) as bands:
        others, left_out = observation_neighbours(store, scene, expressions, params.geometry,
                                                  params.exclude_cover_pixels, bands, feedback)
        neighbours = [Neighbour(other, *_prepared(params, other)[:2]) for other in others]
        for note in left_out:
            report(feedback, note)
        notes += left_out
        native = compute_expressions(scene, expressions, params.geometry, native_path, feedback, progress.sub(0, 3),
                                     mask=False, margin=RESAMPLING_MARGIN, transforms=transforms,
                                     exclude_cover_pixels=params.exclude_cover_pixels, opened=bands,
                                     neighbours=neighbours)
    aoi_3857 = _aoi_in_web_mercator(params.geometry, native.grid, native.window)
    ground_px = params.px_size or native.grid.resolution
    pixel = ground_px * _mercator_scale(aoi_3857)
    grid = _output_grid(aoi_3857, pixel)
    warped_path = os.path.join(workspace, "components.3857.tif")
    _warp(native_path, warped_path, grid, params.resample, progress.sub(1, 3), feedback)
    os.remove(native_path)

    whole = Window(0, 0, grid.width, grid.height)
    mask = AoiMask(aoi_3857, grid, whole) if params.geometry else None
    raw_band = [isinstance(expression.node, BandRef) for expression in expressions]
    limits = _limits(warped_path, params.levels, raw_band, mask)
    check_cancelled(feedback)
    stem = result_name(scene, params.name_alias, params.bm_type, EXTENSIONS[params.format])
    path = os.path.join(workspace, stem)
    unclear = None
    if params.exclude_cover_pixels:
        members = [scene, *(neighbour.scene for neighbour in neighbours)]
        unclear = _ObservationUnclear([_unclear_on_output(member, grid, whole, ground_px) for member in members],
                                      Ownership(native.member_grids, grid, whole) if neighbours else None)
    try:
        files, counts = _render(warped_path, path, grid, mask, limits, params, progress.sub(2, 3), feedback, unclear)
    finally:
        if unclear is not None:
            unclear.close()
    os.remove(warped_path)
    progress.set(1.0)
    if unclear is not None:
        result = tr("black") if params.format == "jpeg" else tr("transparent")
        note = masked_note(unclear.mask, counts.masked, counts.total, result)
        report(feedback, note)
        notes.append(note)
    details = {
        "view_id": scene.view_id,
        "bm_type": params.bm_type,
        "resample": params.resample,
        "px_size": ground_px,
        "levels": [list(limit) for limit in limits],
        "colormap": params.colormap,
        "reference": params.reference,
    }
    if neighbours:
        details["view_ids"] = [scene.view_id, *(neighbour.scene.view_id for neighbour in neighbours)]
    if params.exclude_cover_pixels:
        details["exclude_cover_pixels"] = True
        details["masked_pixels"] = counts.masked
    if notes:
        details["notes"] = notes
    return TaskResult("jpeg", params.format, tuple(files), details)


def _prepared(params: JpegParams, scene: Scene) -> tuple[list, dict, list[str]]:
    """The scene's components, its band transforms (to reflectance with `calibrate`) and the notes
    of the calibration."""
    expressions = visual_expressions(params, scene)
    bands = {band for expression in expressions for band in expression.bands}
    if not params.calibrate:
        return expressions, stored_value_transforms(scene, bands), []
    transforms, notes = reflectance_transforms(scene, bands)
    if transforms:  # the bands are reflectance now: indices must not scale them again
        expressions = resolve_bm_type(params.bm_type, scene.sensor, scale=1.0)
    return expressions, transforms, notes


class _ObservationUnclear:
    """Where the cloud masks of an observation's scenes do not vouch for a clear view on the output
    grid: each pixel by the mask of the scene that serves it (`ownership`; None: one scene)."""

    def __init__(self, readers: Sequence[UnclearReader], ownership: Ownership | None) -> None:
        self.readers = readers
        self.ownership = ownership
        self.mask = readers[0].mask

    def rows(self, row: int, rows: int) -> np.ndarray:
        if self.ownership is None:
            return self.readers[0].rows(row, rows)
        owner = self.ownership.rows(row, rows)
        unclear = np.ones(owner.shape, dtype=bool)  # served by no scene: no mask vouches for it
        for number, reader in enumerate(self.readers):
            mine = owner == number
            if mine.any():
                unclear[mine] = reader.rows(row, rows)[mine]
        return unclear

    def close(self) -> None:
        for reader in self.readers:
            reader.close()


def _unclear_on_output(scene: Scene, grid: Grid, window: Window, ground_px: float) -> UnclearReader:
    """The scene's cloud mask on the output grid: nearest neighbour, or the most frequent class when an
    output pixel is larger on the ground than a mask pixel (EPSG:3857 units are not ground metres)."""
    reader = UnclearReader(scene, grid, window)
    reader.resample = "near" if reader.source.grid.resolution >= ground_px else "mode"
    return reader


def visual_expressions(params: JpegParams, scene: Scene) -> list:
    """The red, green, blue components (or the one expression) of `bm_type` on the scene's sensor."""
    expressions = resolve_bm_type(params.bm_type, scene.sensor, scale=index_scale(scene))
    if len(expressions) not in (1, 3):
        message = tr("give one expression, or three bands or expressions for red, green, blue")
        raise DataError(message, "params.bm_type")
    return expressions


# --- the output grid -----------------------------------------------------------------------------------

def _web_mercator() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(WEB_MERCATOR)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _aoi_in_web_mercator(geometry: dict | None, native: Grid, window: Window) -> ogr.Geometry:
    """The AOI in EPSG:3857; without one, the computed window's extent."""
    if geometry is not None:
        shape = to_ogr(geometry)
        source = wgs84()
    else:
        gt = native.window_geotransform(window)
        ring = ogr.Geometry(ogr.wkbLinearRing)
        x0, y0 = gt[0], gt[3]
        x1, y1 = x0 + window.xsize * gt[1], y0 + window.ysize * gt[5]
        for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)):
            ring.AddPoint_2D(x, y)
        shape = ogr.Geometry(ogr.wkbPolygon)
        shape.AddGeometry(ring)
        shape.Segmentize(abs(gt[1]) * 64)  # the edges curve in EPSG:3857
        source = srs_from_wkt(native.crs_wkt)
    shape = shape.Clone()
    with GdalMessages():
        status = shape.Transform(osr.CoordinateTransformation(source, _web_mercator()))
    if status != 0:
        raise DataError(tr("the area of interest cannot be expressed in EPSG:3857 (too close to a pole?)"))
    return shape


def _mercator_scale(shape: ogr.Geometry) -> float:
    """EPSG:3857 units per ground metre at the shape's centre (1 / cos(latitude))."""
    centre = shape.Centroid()
    latitude = math.degrees(2 * math.atan(math.exp(centre.GetY() / 6378137.0)) - math.pi / 2)
    return 1 / math.cos(math.radians(latitude))


def _output_grid(shape: ogr.Geometry, pixel: float) -> Grid:
    minx, maxx, miny, maxy = shape.GetEnvelope()
    # Aligned on multiples of the pixel size: the same AOI always gives the same grid.
    x0, y1 = math.floor(minx / pixel) * pixel, math.ceil(maxy / pixel) * pixel
    width = max(1, math.ceil((maxx - x0) / pixel))
    height = max(1, math.ceil((y1 - miny) / pixel))
    if width * height > MAX_OUTPUT_PIXELS:
        message = tr("the rendering would be {width} x {height} pixels; give a larger px_size")
        raise DataError(message.format(width=width, height=height), "params.px_size")
    return Grid(width, height, (x0, pixel, 0.0, y1, 0.0, -pixel), _web_mercator().ExportToWkt())


def _warp(source: str, target: str, grid: Grid, resample: str, progress: ProgressRange,
          feedback: FeedbackLike | None) -> None:
    x0, pixel, _, y1, _, _ = grid.geotransform
    is_canceled = cancel_check(feedback)
    options = gdal.WarpOptions(
        format="GTiff", outputBounds=(x0, y1 - grid.height * pixel, x0 + grid.width * pixel, y1),
        width=grid.width, height=grid.height, dstSRS=grid.crs_wkt, resampleAlg=resample,
        srcNodata=OUTPUT_NODATA, dstNodata=OUTPUT_NODATA, multithread=True,
        creationOptions=["TILED=YES", "COMPRESS=DEFLATE", "ZLEVEL=1", "BIGTIFF=IF_SAFER"],
        warpOptions=["NUM_THREADS=ALL_CPUS"], callback=gdal_progress(progress.set, is_canceled),
    )
    with GdalMessages() as messages:
        try:
            result = gdal.Warp(target, source, options=options)
        except RuntimeError as error:
            messages.errors.append(str(error))
            result = None
        if result is not None:
            result.FlushCache()
        result = None
    if is_canceled():
        raise TaskCancelled()
    if messages.errors or not os.path.exists(target):
        reason = messages.last(tr("warp failed"))
        message = tr("cannot resample to EPSG:3857 with {method}: {reason}")
        raise DataError(message.format(method=resample, reason=reason))


# --- the stretch -----------------------------------------------------------------------------------------

def _limits(path: str, levels: tuple[float, float] | None, raw_band: Sequence[bool],
            mask: AoiMask | None) -> list[tuple[float, float]]:
    """Each component's value range stretched to 0..255: `levels`; else the 2-98 % cut of a raw
    band's valid pixels inside the AOI (all raw bands in one pass, the AOI's rows made once per
    strip); else (an index) the API's default levels."""
    if levels is not None:
        return [levels] * len(raw_band)
    sampled = [index for index, raw in enumerate(raw_band) if raw]
    kept: dict[int, list[np.ndarray]] = {index: [] for index in sampled}
    if sampled:
        dataset = gdal.Open(path)
        width, height = dataset.RasterXSize, dataset.RasterYSize
        # Counted on an even grid of at most MAX_SAMPLE_PIXELS pixels: every `step`-th row and column.
        step = max(1, math.ceil(math.sqrt(width * height / MAX_SAMPLE_PIXELS)))
        for row in range(0, height, STRIP_ROWS):
            rows = min(STRIP_ROWS, height - row)
            inside = mask.rows(row, rows) if mask is not None else None
            first = (-row) % step  # the strip's first sampled row, on the global grid of every step-th row
            for index in sampled:
                values = dataset.GetRasterBand(index + 1).ReadAsArray(0, row, width, rows)
                keep = (values != OUTPUT_NODATA) & np.isfinite(values)
                if inside is not None:
                    keep &= inside
                kept[index].append(values[first::step, ::step][keep[first::step, ::step]])
        dataset = None
    return [_cumulative_cut(kept[index]) if raw else api_rules.DEFAULT_INDEX_LEVELS
            for index, raw in enumerate(raw_band)]


def _cumulative_cut(samples: list[np.ndarray]) -> tuple[float, float]:
    values = np.concatenate(samples) if samples else np.empty(0)
    if values.size == 0:
        return (0.0, 1.0)
    low, high = np.percentile(values, [100 * CUMULATIVE_CUT_LOWER, 100 * CUMULATIVE_CUT_UPPER])
    return (float(low), float(high)) if high > low else (float(low), float(low) + 1.0)


# --- rendering --------------------------------------------------------------------------------------------

def _render(warped_path: str, path: str, grid: Grid, mask: AoiMask | None, limits: list[tuple[float, float]],
            params: JpegParams, progress: ProgressRange, feedback: FeedbackLike | None,
            unclear: _ObservationUnclear | None = None) -> tuple[list[str], PixelCounts]:
    """8-bit bands (grey, RGB, or a colormap's RGB) plus alpha, through a temporary GeoTIFF, then
    copied to the requested format. Pixels `unclear` says are not clear are transparent too; the
    counts: the AOI's pixels, and those of them the cloud mask made transparent."""
    source = gdal.Open(warped_path)
    components = source.RasterCount
    coloured = components == 3 or params.colormap is not None
    colour_bands = 3 if coloured else 1
    with_alpha = params.format != "jpeg"
    staging = path + ".staging.tif"
    memory = gdal.GetDriverByName("GTiff").Create(
        staging, grid.width, grid.height, colour_bands + (1 if with_alpha else 0), gdal.GDT_Byte,
        options=["TILED=YES", "COMPRESS=DEFLATE", "ZLEVEL=1", "BIGTIFF=IF_SAFER"]
        + (["PHOTOMETRIC=RGB"] if coloured else []) + (["ALPHA=YES"] if with_alpha else []))
    memory.SetGeoTransform(grid.geotransform)
    memory.SetProjection(grid.crs_wkt)
    counts = PixelCounts()
    for row in range(0, grid.height, STRIP_ROWS):
        check_cancelled(feedback)
        rows = min(STRIP_ROWS, grid.height - row)
        values = [source.GetRasterBand(i + 1).ReadAsArray(0, row, grid.width, rows) for i in range(components)]
        invalid = np.zeros((rows, grid.width), dtype=bool)
        for array in values:
            invalid |= (array == OUTPUT_NODATA) | ~np.isfinite(array)
        in_aoi = mask.rows(row, rows) if mask is not None else np.ones((rows, grid.width), dtype=bool)
        invalid |= ~in_aoi
        counts.total += int(in_aoi.sum())
        if unclear is not None:
            cloudy = unclear.rows(row, rows)
            counts.masked += int((cloudy & in_aoi).sum())
            invalid |= cloudy
        if components == 3:
            planes = [scale_to_byte(values[i], *limits[i]) for i in range(3)]
        elif params.colormap is not None:
            rgb = apply_colormap(values[0], *limits[0], params.colormap, classes=params.colors_limit,
                                 nodata_mask=invalid)
            planes = [rgb[:, :, i] for i in range(3)]
        else:
            planes = [scale_to_byte(values[0], *limits[0])]
        for index, plane in enumerate(planes):
            plane = np.where(invalid, 0, plane).astype(np.uint8)
            memory.GetRasterBand(index + 1).WriteArray(plane, 0, row)
        if with_alpha:
            memory.GetRasterBand(colour_bands + 1).WriteArray(np.where(invalid, 0, 255).astype(np.uint8), 0, row)
        progress.set((row + rows) / grid.height * 0.8)
    source = None
    memory.FlushCache()
    memory = None
    files = _write_format(staging, path, params.format)
    os.remove(staging)
    progress.set(1.0)
    return files, counts


def _write_format(staging: str, path: str, output_format: str) -> list[str]:
    driver, options = {
        "jpeg": ("JPEG", ["QUALITY=92", "WORLDFILE=YES"]),
        "png": ("PNG", ["WORLDFILE=YES"]),
        "tiff": ("GTiff", ["TILED=YES", "COMPRESS=DEFLATE", "PHOTOMETRIC=RGB", "ALPHA=YES"]),
    }[output_format]
    source = gdal.Open(staging)
    if output_format == "tiff" and source.RasterCount < 3:
        options = [option for option in options if not option.startswith("PHOTOMETRIC")]
    with GdalMessages() as messages:
        try:
            copy = gdal.GetDriverByName(driver).CreateCopy(path, source, options=options)
        except RuntimeError as error:
            messages.errors.append(str(error))
            copy = None
        if copy is not None:
            copy.FlushCache()
        copy = None
    source = None
    if messages.errors and not os.path.exists(path):
        raise DataError(tr("cannot write {path}: {reason}").format(path=os.path.basename(path), reason=messages.last()))
    stem = os.path.splitext(path)[0]
    sidecars = [candidate for candidate in (path + ".aux.xml", stem + ".wld", stem + ".jgw", stem + ".pgw")
                if os.path.exists(candidate)]
    return [path, *sidecars]
