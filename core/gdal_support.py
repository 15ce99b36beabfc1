"""GDAL without global side effects.

The plugin never switches GDAL exceptions on: that setting is process-wide and would change how
every other plugin's GDAL calls behave. Instead, calls are made with GDAL's return values checked,
and GDAL's own error message of the current thread is captured to say what went wrong. Other code
in the process may have switched exceptions on; the helpers here work either way.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs, urlsplit

import numpy as np
from osgeo import gdal, ogr, osr

from .errors import DataError
from .i18n import tr

# What the C library says for the causes a user can act on; GDAL quotes it in its messages.
_SYSTEM_CAUSES = tuple(os.strerror(number) for number in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EFBIG))


class GdalMessages:
    """Collects the messages GDAL reports on this thread while a block runs.

    GDAL's error handler stack is per thread, so this is safe inside a QgsTask.
    """

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def _handle(self, error_class: int, _error_number: int, message: str) -> None:
        text = without_url_secrets(" ".join(str(message).split()))
        if error_class >= gdal.CE_Failure:
            self.errors.append(text)
        elif error_class == gdal.CE_Warning:
            self.warnings.append(text)

    def __enter__(self) -> GdalMessages:
        gdal.PushErrorHandler(self._handle)
        return self

    def __exit__(self, *exc_info: object) -> None:
        gdal.PopErrorHandler()

    def last(self, default: str = "") -> str:
        """The last error, or the first that names a system cause (a full disk, a read-only file
        system): the errors that follow it only say that the write failed."""
        for message in self.errors:
            if any(cause in message for cause in _SYSTEM_CAUSES):
                return message
        return self.errors[-1] if self.errors else default


def shown_url(url: str) -> str:
    """`url` as messages show it: without user info, query string (a signing token, a key) or
    fragment."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return url.split("?", 1)[0].split("#", 1)[0]
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme}://{host}{port}{parts.path}"


def shown_path(path: str) -> str:
    """A band file's path or URL as messages show it (a URL by `shown_url`)."""
    return shown_url(path) if path[:8].lower().startswith(("http://", "https://")) else path


# URLs in GDAL's messages: plain, or inside a /vsicurl?...&url=<encoded> path.
_URL_IN_TEXT = re.compile(r"/vsicurl\?[^\s'`\"]*|https?://[^\s'`\"]+")
_TRAILING_PUNCTUATION = ".,:;)]"


def without_url_secrets(text: str) -> str:
    """`text` with every URL in it shown by `shown_url`: GDAL names the files it reads, and a URL's
    query may hold a token that must never reach a message."""
    def shown(match: re.Match) -> str:
        found = match.group()
        trailing = ""
        while found and found[-1] in _TRAILING_PUNCTUATION:
            found, trailing = found[:-1], found[-1] + trailing
        if found.startswith("/vsicurl?"):
            inner = parse_qs(found[len("/vsicurl?"):]).get("url")
            return (shown_url(inner[0]) if inner else "/vsicurl") + trailing
        return shown_url(found) + trailing

    return _URL_IN_TEXT.sub(shown, text)


@contextlib.contextmanager
def thread_config(**options: str | None) -> Iterator[None]:
    """Set GDAL configuration options for this thread only, restoring them afterwards."""
    previous = {key: gdal.GetThreadLocalConfigOption(key, None) for key in options}
    try:
        for key, value in options.items():
            gdal.SetThreadLocalConfigOption(key, value)
        yield
    finally:
        for key, value in previous.items():
            gdal.SetThreadLocalConfigOption(key, value)


# GDAL builds a raster's CRS from PROJ's database with the calling thread's PROJ context, whose
# cache is that thread's own: the first lookup in a thread costs tens of ms of CPU (a GeoTIFF's
# EPSG code made into a CRS), later ones a ms. Bands opened in many threads at once (over HTTP, a
# thread per band) paid it in every thread; they look their CRS up in this one thread instead.
_crs_thread: ThreadPoolExecutor | None = None
_crs_thread_lock = threading.Lock()


def projection_of(dataset: gdal.Dataset, options: dict[str, str | None] | None = None) -> str:
    """The dataset's CRS as WKT ("" when it has none: the caller says what that means), looked up
    in the process's one thread for it, with the thread-local configuration `options` (those of
    the caller that reads the file); GDAL's messages meanwhile are not shown."""
    global _crs_thread
    with _crs_thread_lock:
        if _crs_thread is None:
            _crs_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lbe-crs")

    def lookup() -> str:
        with thread_config(**(options or {})), GdalMessages():
            return dataset.GetProjection() or ""

    return _crs_thread.submit(lookup).result()


# The drivers of scene rasters: GeoTIFF and JPEG 2000, nothing else. A band file is chosen by
# content among these only, so a store cannot hand GDAL an indirection (a VRT, or any format that
# names other files) and make the plugin read, and write into a result, files outside the store.
SCENE_RASTER_DRIVERS = ("GTiff", "JP2OpenJPEG", "JP2ECW", "JP2KAK", "JP2Lura", "JP2MrSID", "JPEG2000")


def scene_raster_drivers() -> list[str]:
    """The drivers of SCENE_RASTER_DRIVERS this GDAL has."""
    return [name for name in SCENE_RASTER_DRIVERS if gdal.GetDriverByName(name) is not None]


def thread_config_of(keys: Sequence[str]) -> dict[str, str | None]:
    """This thread's values of the configuration options `keys`: what a thread it starts must
    take (`thread_config(**values)`) to read as it does."""
    return {key: gdal.GetThreadLocalConfigOption(key, None) for key in keys}


def open_raster(path: str) -> gdal.Dataset:
    """Open a scene raster read-only, choosing the driver by content (a `.jp2` may be a GeoTIFF)
    among SCENE_RASTER_DRIVERS only; DataError naming the file for anything else. An http(s) URL
    is read over the network (core/http_raster.py)."""
    from . import http_raster  # it builds on this module

    if http_raster.is_url(path):
        return http_raster.open_remote_raster(path)
    drivers = scene_raster_drivers()
    with GdalMessages() as messages:
        try:
            dataset = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_READONLY, allowed_drivers=drivers)
        except RuntimeError as error:  # someone else switched GDAL exceptions on
            messages.errors.append(str(error))
            dataset = None
    if dataset is None or dataset.RasterCount == 0:
        if dataset is None and not messages.errors:
            _refuse_unreadable(path)
            identified = _identify(path)
            if identified is not None and identified not in drivers:
                message = tr("cannot read {path}: it is a {driver} file, and scene bands are read only as "
                             "GeoTIFF or JPEG 2000")
                raise DataError(message.format(path=path, driver=identified))
        reason = messages.last(tr("not a GeoTIFF or JPEG 2000 raster"))
        raise DataError(tr("cannot read {path}: {reason}").format(path=path, reason=reason))
    check_companions(dataset, path)
    return dataset


# Overviews and masks GDAL reads beside a band (`gdaladdo -ro` makes them): GeoTIFFs, or nothing.
_PIXEL_COMPANIONS = (".ovr", ".msk")


def check_companions(dataset: gdal.Dataset, path: str, drivers: Sequence[str] = SCENE_RASTER_DRIVERS,
                     message: str | None = None) -> None:
    """DataError when opening `path` made GDAL take in pixels from another file that is not a
    scene raster: an overview or mask file that is a VRT, say (its bytes, and those of whatever it
    names, would be read in downsampled reads or masks, and land in results), or any other raster
    format. Text metadata GDAL reads beside a band (a Landsat MTL, .aux.xml) is no pixel source."""
    own = os.path.normcase(os.path.normpath(path))
    # Companions on disk count too: a newer GDAL may refuse to open a hostile one and leave it out
    # of the file list, and the answer must not depend on the GDAL version.
    beside = [path + suffix for suffix in _PIXEL_COMPANIONS + tuple(s.upper() for s in _PIXEL_COMPANIONS)
              if os.path.isfile(path + suffix)]
    names = list(dict.fromkeys([*(dataset.GetFileList() or []), *beside]))
    for name in names:
        other = os.path.normcase(os.path.normpath(name))
        if other == own:
            continue
        driver = _identify(name)
        pixels = other.startswith(own) and other[len(own):].lower() in _PIXEL_COMPANIONS
        if (driver == "GTiff") if pixels else (driver is None or driver in drivers):
            continue
        message = message or tr("cannot read {path}: it makes GDAL read {file}, and scene bands are read only "
                                "from GeoTIFF or JPEG 2000 files")
        raise DataError(message.format(path=path, file=name))


def _refuse_unreadable(path: str) -> None:
    """DataError saying why the file itself cannot be opened (missing, permission denied, a folder,
    empty)."""
    problem = file_problem(path)
    if problem:
        raise DataError(tr("cannot read {path}: {reason}").format(path=path, reason=problem))


def file_problem(path: str) -> str | None:
    """Why the system will not let `path` be read (missing, permission denied, empty), in the
    system's words, or None: said instead of a library's "not a raster" for such a file."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block
    except OSError as error:
        return error.strerror or str(error)
    try:
        status = os.fstat(descriptor)
    finally:
        os.close(descriptor)
    if stat.S_ISREG(status.st_mode) and status.st_size == 0:
        return tr("the file is empty")
    return None


def _identify(path: str) -> str | None:
    """The short name of the driver GDAL would pick for `path` among all it has, or None."""
    with GdalMessages():
        try:
            driver = gdal.IdentifyDriverEx(path, gdal.OF_RASTER)
        except RuntimeError:
            driver = None
    return driver.ShortName if driver is not None else None


def read_window(band: gdal.Band, xoff: int, yoff: int, xsize: int, ysize: int, path: str) -> np.ndarray:
    """Read a window of a band as a numpy array, or raise DataError naming the file."""
    from . import http_raster  # it builds on this module

    if http_raster.is_url(path):
        return http_raster.read_remote_window(band, xoff, yoff, xsize, ysize, path)
    with GdalMessages() as messages:
        try:
            array = band.ReadAsArray(xoff, yoff, xsize, ysize)
        except RuntimeError as error:
            messages.errors.append(str(error))
            array = None
    if array is None:
        reason = messages.last(tr("read failed"))
        raise DataError(tr("cannot read pixels of {path}: {reason}").format(path=path, reason=reason))
    return array


def srs_from_wkt(wkt: str) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def wgs84() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def transform_geometry(geometry: ogr.Geometry, source: osr.SpatialReference, target: osr.SpatialReference) -> ogr.Geometry:
    """A transformed copy of `geometry`; raise DataError when the CRSs cannot be related."""
    copy = geometry.Clone()
    if source.IsSame(target):
        return copy
    with GdalMessages() as messages:
        try:
            transform = osr.CoordinateTransformation(source, target)
            status = copy.Transform(transform) if transform is not None else 1
        except RuntimeError as error:
            messages.errors.append(str(error))
            status = 1
    if status != 0:
        reason = messages.last(tr("no transformation"))
        raise DataError(tr("cannot transform the area of interest to the raster's CRS: {reason}").format(reason=reason))
    return copy


def lonlat_footprint(
    geotransform: tuple, width: int, height: int, crs_wkt: str, points_per_edge: int = 16, margin: float = 0.0
) -> ogr.Geometry:
    """A raster's extent (widened by `margin` pixels on every side), densified with
    `points_per_edge` points on each edge and transformed to lon/lat: a Polygon in EPSG:4326."""
    gt = geotransform
    ring = ogr.Geometry(ogr.wkbLinearRing)
    corners = [(-margin, -margin), (width + margin, -margin), (width + margin, height + margin),
               (-margin, height + margin), (-margin, -margin)]
    for (c0, r0), (c1, r1) in zip(corners, corners[1:]):
        for step in range(points_per_edge):
            col = c0 + (c1 - c0) * step / points_per_edge
            row = r0 + (r1 - r0) * step / points_per_edge
            ring.AddPoint_2D(gt[0] + col * gt[1] + row * gt[2], gt[3] + col * gt[4] + row * gt[5])
    ring.CloseRings()
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    return transform_geometry(polygon, srs_from_wkt(crs_wkt), wgs84())

