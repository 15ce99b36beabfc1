"""The local processor's shared raster reader: grids, crop windows and AOI masks.

Crop semantics (docs/task-api.md#crop-semantics), shared by every task type of the local processor:
- output on the band's own pixel grid and CRS, no resampling;
- the window is the smallest pixel-aligned window covering the AOI's envelope, cut to the raster;
- a pixel is inside when its centre is inside the polygon (GDAL's rasterisation rule without
  ALL_TOUCHED); pixels outside get the band's nodata;
- only the window is ever read, in strips, so memory follows the AOI, not the scene. The blocks
  read stay in GDAL's block cache (bounded by GDAL_CACHEMAX; the command line sets 256 MB) rather
  than being dropped after each strip: a strip of output rows is rarely aligned with the source's
  blocks, and dropping them decoded every source block twice.
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from osgeo import gdal, gdal_array, ogr

from .. import api_rules
from ..errors import DataError
from ..gdal_support import (
    GdalMessages,
    lonlat_footprint,
    open_raster,
    projection_of,
    read_window,
    shown_path,
    srs_from_wkt,
    thread_config,
    thread_config_of,
    transform_geometry,
    wgs84,
)
from ..http_raster import HTTP_CONFIG_KEYS, forget, is_url
from ..i18n import tr

T = TypeVar("T")

# The thread-local GDAL options a task's reading threads take from the task's thread: decoding
# threads, and how bands over HTTP are read.
READER_CONFIG_KEYS = ("GDAL_NUM_THREADS", *HTTP_CONFIG_KEYS)

# Floating-point slack when an AOI edge falls exactly on a pixel edge.
_EDGE_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Grid:
    width: int
    height: int
    geotransform: tuple[float, float, float, float, float, float]
    crs_wkt: str

    def extent_polygon(self) -> ogr.Geometry:
        """The raster's extent in its CRS."""
        gt = self.geotransform
        x0, y0 = gt[0], gt[3]
        x1, y1 = gt[0] + self.width * gt[1], gt[3] + self.height * gt[5]
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)):
            ring.AddPoint_2D(x, y)
        polygon = ogr.Geometry(ogr.wkbPolygon)
        polygon.AddGeometry(ring)
        return polygon

    @property
    def resolution(self) -> float:
        return abs(self.geotransform[1])

    def window_geotransform(self, window: Window) -> tuple[float, ...]:
        gt = self.geotransform
        return (gt[0] + window.xoff * gt[1], gt[1], 0.0, gt[3] + window.yoff * gt[5], 0.0, gt[5])


LATTICE_TOLERANCE = 1e-6  # of a pixel: grid origins closer than this are one lattice


def lattice_shift(source: Grid, grid: Grid) -> tuple[int, int] | None:
    """(columns, rows) from `grid`'s origin to `source`'s when both are one pixel lattice (same CRS,
    pixel size and aligned origins); None otherwise."""
    sgt, gt = source.geotransform, grid.geotransform
    if source.crs_wkt != grid.crs_wkt or (sgt[1], sgt[5]) != (gt[1], gt[5]):
        return None
    col, row = (sgt[0] - gt[0]) / gt[1], (sgt[3] - gt[3]) / gt[5]
    if abs(col - round(col)) > LATTICE_TOLERANCE or abs(row - round(row)) > LATTICE_TOLERANCE:
        return None
    return round(col), round(row)


@dataclass(frozen=True)
class Window:
    xoff: int
    yoff: int
    xsize: int
    ysize: int


class BandSource:
    """One band file of a scene, opened, with what the crop needs to know about it."""

    def __init__(self, name: str, path: str) -> None:
        self.name = name
        self.path = path  # a file, or an http(s) URL (core/http_raster.py)
        self.shown_path = shown_path(path)  # in messages: a URL without its query (a token)
        self.dataset = open_raster(path)  # keep the dataset alive while its band is used (GDAL 3.6)
        self.band = self.dataset.GetRasterBand(1)
        gt = self.dataset.GetGeoTransform(can_return_null=True)
        wkt = projection_of(self.dataset, thread_config_of(READER_CONFIG_KEYS))
        if gt is None or not wkt:
            self.close()
            raise DataError(tr("{path} is not georeferenced").format(path=self.shown_path))
        if gt[2] != 0 or gt[4] != 0:
            self.close()
            message = tr("{path} has a rotated geotransform, which the local processor does not crop")
            raise DataError(message.format(path=self.shown_path))
        self.grid = Grid(self.dataset.RasterXSize, self.dataset.RasterYSize, tuple(gt), wkt)
        self.gdal_type = self.band.DataType
        self.numpy_type = np.dtype(gdal_array.GDALTypeCodeToNumericTypeCode(self.gdal_type))
        self.nodata = self.band.GetNoDataValue()

    def read(self, window: Window, row: int, rows: int, col: int = 0, cols: int | None = None) -> np.ndarray:
        """Rows `row`..`row + rows` of the window, columns `col`..`col + cols` (all by default)."""
        cols = window.xsize - col if cols is None else cols
        return self.read_pixels(window.xoff + col, window.yoff + row, cols, rows)

    def read_pixels(self, xoff: int, yoff: int, xsize: int, ysize: int) -> np.ndarray:
        """Pixels of the band file (raster coordinates); DataError naming the file."""
        return read_window(self.band, xoff, yoff, xsize, ysize, self.path)

    def close(self) -> None:
        self.band = None
        self.dataset = None
        if is_url(self.path):
            forget(self.path)  # nothing of a band read over HTTP is kept past its reading


# Band files over HTTP are opened and read at once (an open waits on two round trips, a HEAD and
# then the header; a read on one), in threads kept for the life of the process: a thread has its
# own PROJ context (an open looks the band's CRS up in PROJ's database, tens of ms of CPU the first
# time in a thread) and its own HTTP connections, which a fresh thread per scene paid for anew.
# Work in these threads never waits on them, so they cannot deadlock. On disk an open or a read
# waits on nothing: one by one, in the caller's thread.
HTTP_THREADS = 32
_http_pool: ThreadPoolExecutor | None = None
_http_pool_lock = threading.Lock()


def http_threads() -> ThreadPoolExecutor:
    """The process's threads for band files over HTTP (made at the first use)."""
    global _http_pool
    with _http_pool_lock:
        if _http_pool is None:
            _http_pool = ThreadPoolExecutor(max_workers=HTTP_THREADS, thread_name_prefix="lbe-http")
        return _http_pool


def open_band_sources(bands: Sequence[tuple[str, str]]) -> list[BandSource | Exception]:
    """BandSource(name, path) of each (name, path), in order, or the error its opening raised; on
    disk, opening stops at the first error (the last item then). Over HTTP the bands are opened at
    once, each thread reading with this thread's options."""
    if sum(is_url(path) for _name, path in bands) < 2:
        sources: list[BandSource | Exception] = []
        for name, path in bands:
            try:
                sources.append(BandSource(name, path))
            except Exception as error:  # noqa: BLE001 - handed to the caller, which raises it
                sources.append(error)
                break
        return sources
    inherited = thread_config_of(READER_CONFIG_KEYS)

    def open_one(band: tuple[str, str]) -> BandSource | Exception:
        with thread_config(**inherited):
            try:
                return BandSource(*band)
            except Exception as error:  # noqa: BLE001 - handed to the caller, which raises it
                return error

    return [future.result() for future in [http_threads().submit(open_one, band) for band in bands]]


def each_at_once(calls: Sequence[Callable[[], T]], paths: Sequence[str]) -> list[T]:
    """call() of each, in order, each reading the band file of the same place in `paths`: over HTTP,
    at once (each in a thread with this thread's options), so that their round trips overlap; on
    disk, one after the other. The error of the first call that fails."""
    if len(calls) < 2 or sum(is_url(path) for path in paths) < 2:
        return [call() for call in calls]
    inherited = thread_config_of(READER_CONFIG_KEYS)

    def run(call: Callable[[], T]) -> T:
        with thread_config(**inherited):
            return call()

    futures = [http_threads().submit(run, call) for call in calls]
    wait(futures)  # every read ends before an error is raised: the caller may then close the bands
    return [future.result() for future in futures]


class OpenedBands:
    """Band files opened for one piece of work, each (name, path) once: the check of a request and
    the task that follows read the same opened files (over HTTP, opening again would be two more
    round trips per band). `close` closes them all."""

    def __init__(self) -> None:
        self._sources: dict[tuple[str, str], BandSource] = {}

    def open(self, bands: Sequence[tuple[str, str]]) -> list[BandSource]:
        """The BandSource of each (name, path), those not yet open opened at once; the error of the
        first that cannot be opened."""
        wanted = [band for band in dict.fromkeys(bands) if band not in self._sources]
        failure = None
        for band, source in zip(wanted, open_band_sources(wanted)):
            if isinstance(source, BandSource):
                self._sources[band] = source
            elif failure is None:
                failure = source
        if failure is not None:
            raise failure
        return [self._sources[band] for band in bands]

    def close(self) -> None:
        for source in self._sources.values():
            source.close()
        self._sources.clear()

    def __enter__(self) -> OpenedBands:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@contextlib.contextmanager
def opened_bands(opened: OpenedBands | None) -> Iterator[OpenedBands]:
    """`opened` (its owner closes it), else bands opened for the `with` block only."""
    if opened is not None:
        yield opened
    else:
        with OpenedBands() as own:
            yield own


def output_nodata(numpy_type: np.dtype, band_nodata: float | None) -> float:
    """The nodata value for pixels outside the AOI (API choices in api_rules)."""
    if band_nodata is not None and _representable(band_nodata, numpy_type):
        return band_nodata
    if numpy_type.kind == "u":
        return api_rules.NODATA_UNSIGNED
    if numpy_type.kind == "i":
        info = np.iinfo(numpy_type)
        return api_rules.NODATA_SIGNED if info.min <= api_rules.NODATA_SIGNED else info.min
    return api_rules.NODATA_FLOAT


def _representable(value: float, numpy_type: np.dtype) -> bool:
    if math.isnan(value):
        return numpy_type.kind == "f"
    if numpy_type.kind in "ui":
        info = np.iinfo(numpy_type)
        return float(value).is_integer() and info.min <= value <= info.max
    return True


# The AOI is clipped to the raster's footprint widened by this many pixels: the clip's own edges
# (densified, straight in lon/lat) then fall outside the raster, never across its pixel centres.
_CLIP_MARGIN_PIXELS = 4
_CLIP_POINTS_PER_EDGE = 64
# An AOI within this many degrees of the raster's footprint, and off the poles, is projected whole.
_NEAR_SCENE_DEGREES = 10.0
_NEAR_POLE = 85.0


def aoi_in_crs(aoi: ogr.Geometry, grid: Grid) -> ogr.Geometry:
    """The AOI (lon/lat) transformed to the CRS of `grid`, vertex by vertex.

    An AOI reaching far beyond the raster (more than _NEAR_SCENE_DEGREES, or near a
    pole) is first clipped, in lon/lat, to the raster's densified footprint: an AOI much larger
    than the scene (the whole world, a zoomed-out map extent, a box touching a pole) would
    otherwise have vertices far outside the domain of the raster's projection (a UTM zone beyond
    about 90 degrees from its meridian), and come out wrong or not at all. The pixels inside are
    the same either way.
    """
    return transform_geometry(_clipped_to_grid(aoi, grid), wgs84(), srs_from_wkt(grid.crs_wkt))


def _clipped_to_grid(aoi: ogr.Geometry, grid: Grid) -> ogr.Geometry:
    footprint = lonlat_footprint(grid.geotransform, grid.width, grid.height, grid.crs_wkt,
                                 _CLIP_POINTS_PER_EDGE, _CLIP_MARGIN_PIXELS)
    min_lon, max_lon, min_lat, max_lat = footprint.GetEnvelope()
    if max_lon - min_lon > 180:  # a footprint across the antimeridian is no polygon in lon/lat
        return aoi
    # Near the scene, the AOI is projected whole, as the crop rules have it (its envelope chooses
    # the window); only an AOI reaching far beyond, where projecting it is meaningless, is clipped.
    aoi_west, aoi_east, aoi_south, aoi_north = aoi.GetEnvelope()
    near = _NEAR_SCENE_DEGREES
    if (aoi_west >= min_lon - near and aoi_east <= max_lon + near and aoi_south >= max(min_lat - near, -_NEAR_POLE)
            and aoi_north <= min(max_lat + near, _NEAR_POLE)):
        return aoi
    with GdalMessages():
        clipped = aoi.Intersection(footprint)
    if clipped is None:
        return aoi
    # Where the AOI only touches the footprint, the intersection holds lines or points: keep areas.
    flat = ogr.GT_Flatten(clipped.GetGeometryType())
    if flat == ogr.wkbGeometryCollection:
        polygons = ogr.Geometry(ogr.wkbMultiPolygon)
        for index in range(clipped.GetGeometryCount()):
            part = clipped.GetGeometryRef(index)
            if ogr.GT_Flatten(part.GetGeometryType()) in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
                polygons = polygons.Union(part)
        clipped = polygons
    elif flat not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
        clipped = ogr.Geometry(ogr.wkbPolygon)
    return clipped


def crop_window(grid: Grid, aoi: ogr.Geometry) -> Window | None:
    """The smallest pixel-aligned window covering the AOI's envelope (in the grid's CRS), cut to
    the raster; None when the AOI misses the raster (even if its envelope does not)."""
    if not aoi.Intersects(grid.extent_polygon()):
        return None
    minx, maxx, miny, maxy = aoi.GetEnvelope()
    gt = grid.geotransform
    cols = sorted(((minx - gt[0]) / gt[1], (maxx - gt[0]) / gt[1]))
    rows = sorted(((maxy - gt[3]) / gt[5], (miny - gt[3]) / gt[5]))
    col0 = max(math.floor(cols[0] + _EDGE_TOLERANCE), 0)
    col1 = min(math.ceil(cols[1] - _EDGE_TOLERANCE), grid.width)
    row0 = max(math.floor(rows[0] + _EDGE_TOLERANCE), 0)
    row1 = min(math.ceil(rows[1] - _EDGE_TOLERANCE), grid.height)
    if col1 <= col0 or row1 <= row0:
        return None
    return Window(col0, row0, col1 - col0, row1 - row0)


def read_ahead(starts: Iterable[int], read: Callable[[int], T], depth: int = 1) -> Generator[T, None, None]:
    """read(start) for each start, in order, read ahead in background threads while the caller
    works on earlier ones: `depth` reads at a time (a `read` run by several threads at once must
    guard what is not thread-safe, such as GDAL datasets). The readers keep this thread's GDAL
    thread settings. Closing the iterator (cancel, error) waits for the reads under way, then stops."""
    inherited = thread_config_of(READER_CONFIG_KEYS)

    def task(start: int) -> T:
        with thread_config(**inherited):
            return read(start)

    starts = list(starts)
    with ThreadPoolExecutor(max_workers=depth, thread_name_prefix="lbe-read") as reader:
        pending = deque(reader.submit(task, start) for start in starts[:depth])
        following = iter(starts[depth:])
        try:
            while pending:
                item = pending.popleft().result()
                start = next(following, None)
                if start is not None:
                    pending.append(reader.submit(task, start))
                yield item
        finally:
            for future in pending:
                future.cancel()


def column_span(inside: np.ndarray) -> tuple[int, int] | None:
    """(first column, count) of the columns holding a pixel inside, or None when none does: a
    strip only needs reading where the polygon reaches."""
    columns = np.flatnonzero(inside.any(axis=0))
    if columns.size == 0:
        return None
    return int(columns[0]), int(columns[-1]) + 1 - int(columns[0])


class AoiMask:
    """Which pixels of a window have their centre inside the AOI, rasterised strip by strip."""

    def __init__(self, aoi_in_grid_crs: ogr.Geometry, grid: Grid, window: Window) -> None:
        self.grid = grid
        self.window = window
        self._driver = ogr.GetDriverByName("Memory")
        self._source = self._driver.CreateDataSource("aoi")
        self._layer = self._source.CreateLayer("aoi", srs_from_wkt(grid.crs_wkt), ogr.wkbUnknown)
        feature = ogr.Feature(self._layer.GetLayerDefn())
        feature.SetGeometry(aoi_in_grid_crs)
        self._layer.CreateFeature(feature)

    def rows(self, row: int, count: int) -> np.ndarray:
        """Boolean array (count x window width), True where the pixel centre is inside."""
        target = gdal.GetDriverByName("MEM").Create("", self.window.xsize, count, 1, gdal.GDT_Byte)
        gt = self.grid.window_geotransform(self.window)
        target.SetGeoTransform((gt[0], gt[1], 0.0, gt[3] + row * gt[5], 0.0, gt[5]))
        target.SetProjection(self.grid.crs_wkt)
        with GdalMessages() as messages:
            try:
                status = gdal.RasterizeLayer(target, [1], self._layer, burn_values=[1])
            except RuntimeError as error:  # GDAL exceptions switched on elsewhere in the process
                messages.errors.append(str(error))
                status = 1
        if status != 0:
            reason = messages.last(tr("rasterize failed"))
            raise DataError(tr("cannot rasterise the area of interest: {reason}").format(reason=reason))
        band = target.GetRasterBand(1)
        inside = band.ReadAsArray() == 1
        del band, target
        return inside
