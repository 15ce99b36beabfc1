"""Preparing a task's result for display, off the main thread.

Everything the map needs that touches the disk is done here, in the task's worker thread: a zip
result is extracted safely beside it, its rasters are found by content, their band names read,
and each band's 2-98 % cumulative cut counted. The main thread then only creates layers
(services/result_layers.py).
"""

from __future__ import annotations

import math
import os
import posixpath
import re
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from osgeo import gdal

from .errors import DataError
from .gdal_support import GdalMessages, check_companions
from .i18n import tr
from .results import TaskResult

# Result types whose main file is itself the raster to load.
DIRECT_RESULT_TYPES = ("tif", "tiff", "jp2", "jpeg", "png")

# The stretch of every loaded layer: 2-98 % cumulative count cut of the valid pixels.
CUMULATIVE_CUT_LOWER = 0.02
CUMULATIVE_CUT_UPPER = 0.98
# Up to this many pixels the cut counts every pixel; beyond, an even grid of this many.
MAX_SAMPLE_PIXELS = 4_000_000

# Drivers of the rasters a result may hold; opening only with these detects a raster by its
# content (a GeoTIFF named .jp2 still loads) and keeps metadata XML from being read as a scene.
RASTER_DRIVERS = ("GTiff", "COG", "JP2OpenJPEG", "JP2ECW", "JP2KAK", "JP2MrSID", "JPEG2000")

# Files of a result that are never layers: metadata, sidecars, overviews and masks.
# What a result may be read as (a jpeg task writes PNG and JPEG too): never a VRT or another format
# that makes GDAL read other files, so a result from a hostile server cannot show local files' bytes.
RESULT_DRIVERS = RASTER_DRIVERS + ("PNG", "JPEG")
NON_RASTER_SUFFIXES = (".txt", ".xml", ".json", ".csv", ".html", ".htm", ".md", ".ovr", ".msk", ".aux")

EXTRACT_PREFIX = ".lbe-extract-"
# Zip extraction limits, counted on the bytes actually written (a member's declared sizes may lie):
# a member may expand at most MAX_ZIP_RATIO times its compressed size once past RATIO_FREE_BYTES
# (a small metadata file may compress better), and all members together at most
# MAX_ZIP_TOTAL_BYTES. Results are compressed rasters: they expand little. Zip bombs expand ~1000x.
MAX_ZIP_RATIO = 200
RATIO_FREE_BYTES = 16 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 16 * 1024**3
# Left free on the disk after extracting.
FREE_SPACE_MARGIN_BYTES = 64 * 1024 * 1024
_COPY_CHUNK = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class RasterDisplay:
    """One raster of a result, ready to become a layer."""

    path: str
    band_names: tuple[str, ...]
    cuts: tuple[tuple[float, float], ...]  # per band: values at 2 % and 98 % of the valid pixels (none for visuals)


def prepare_display(result: TaskResult, is_canceled: Callable[[], bool] = lambda: False) -> list[RasterDisplay]:
    """The rasters of `result` with their band names and stretches (a zip is extracted first). A
    visual (jpeg) is shown as the image it is: its pixels are not read for a stretch."""
    requested = list(result.details.get("bands", []))
    stretched = result.task_type != "jpeg"
    displays = []
    for path in result_raster_paths(result):
        if is_canceled():
            break
        displays.append(raster_display(path, requested, stretched))
    return displays


def raster_display(path: str, requested: Sequence[str] = (), stretched: bool = True) -> RasterDisplay:
    """One raster of a result made ready for the map: its band names and, when `stretched`, each
    band's 2-98 % cut (reads pixels: a worker thread's job)."""
    return RasterDisplay(path, tuple(raster_band_names(path, requested)), raster_cuts(path) if stretched else ())


def raster_cuts(path: str) -> tuple[tuple[float, float], ...]:
    """Each band's 2-98 % cumulative cut over its valid pixels; (nan, nan) for a band without any.

    Counted over every pixel up to MAX_SAMPLE_PIXELS; beyond, over an even grid of that many
    pixels (a decimated read: memory stays bounded). Not QGIS's own estimate, which reads whole
    blocks from one side of the raster only and is far off for a scene brighter on one side.
    """
    cuts = []
    with GdalMessages():
        dataset = _open_result(path)
        if dataset is None:
            raise DataError(tr("cannot read {path}").format(path=path))
        width, height = dataset.RasterXSize, dataset.RasterYSize
        step = max(1.0, math.sqrt(width * height / MAX_SAMPLE_PIXELS))
        columns, rows = max(1, min(width, int(width / step))), max(1, min(height, int(height / step)))
        for index in range(1, dataset.RasterCount + 1):
            band = dataset.GetRasterBand(index)  # the dataset stays referenced while the band is read
            try:
                data = band.ReadAsArray(0, 0, width, height, buf_xsize=columns, buf_ysize=rows)
            except RuntimeError:
                data = None
            if data is None:
                raise DataError(tr("cannot read the pixels of {path}").format(path=path))
            values = data.ravel()
            keep = np.isfinite(values) if values.dtype.kind in "fc" else np.ones(values.shape, dtype=bool)
            nodata = band.GetNoDataValue()
            if nodata is not None:
                keep &= values != nodata
            values = values[keep]
            if values.size == 0:
                cuts.append((math.nan, math.nan))
            else:
                low, high = np.percentile(values, [100 * CUMULATIVE_CUT_LOWER, 100 * CUMULATIVE_CUT_UPPER])
                cuts.append((float(low), float(high)))
        dataset = None
    return tuple(cuts)


def raster_band_names(path: str, requested: Sequence[str] = ()) -> list[str]:
    """The band names of a raster file: its bands' descriptions when all have one, else the
    requested bands that its file name lists (zip members `<scene>_B4_B3_B2.tif`), else the
    requested bands when there are as many as the raster has bands, else none."""
    with GdalMessages():
        dataset = _open_result(path)
        if dataset is None:
            return []
        descriptions = [dataset.GetRasterBand(i).GetDescription().strip() for i in range(1, dataset.RasterCount + 1)]
        count = dataset.RasterCount
        dataset = None
    if descriptions and all(descriptions):
        return descriptions
    tokens = file_stem(path).split("_")
    named = [token for token in tokens if token in requested]
    if named and len(named) == count:
        return named
    if len(requested) == count:
        return list(requested)
    return []


def file_stem(path: str) -> str:
    name = os.path.basename(path)
    return name.split(".", 1)[0] if not name.startswith(".") else name


def result_raster_paths(result: TaskResult) -> list[str]:
    """The rasters of a result to load as layers; a zip result is extracted beside it first."""
    if not result.files:
        raise DataError(tr("the result has no files"))
    main = result.files[0]
    if not os.path.isfile(main):
        raise DataError(tr("the result file {file} does not exist").format(file=main))
    if result.result_type in DIRECT_RESULT_TYPES:
        check_result_raster(main)
        return [main]
    if result.result_type == "zip":
        extracted = extract_zip_safely(main, zip_extract_folder(main))
        rasters = [path for path in extracted if is_raster_file(path)]
        if not rasters:
            message = tr("{file} holds no GeoTIFF or JPEG 2000 raster")
            raise DataError(message.format(file=main))
        for path in rasters:
            check_result_raster(path)
        return rasters
    message = tr("results of type {type} are not loaded as layers")
    raise DataError(message.format(type=result.result_type))


def _open_result(path: str) -> gdal.Dataset | None:
    """A result raster opened with the result drivers only; None when it is not one of them."""
    drivers = [name for name in RESULT_DRIVERS if gdal.GetDriverByName(name) is not None]
    with GdalMessages():
        try:
            return gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_READONLY, allowed_drivers=drivers)
        except RuntimeError:  # someone else switched GDAL exceptions on
            return None


def check_result_raster(path: str) -> None:
    """DataError unless `path` is a raster of a result format whose pixels come from it alone (an
    overview or mask beside it a GeoTIFF, as GDAL writes them)."""
    dataset = _open_result(path)
    if dataset is None or dataset.RasterCount == 0:
        raise DataError(tr("cannot load {path}: a result is read only as GeoTIFF, JPEG 2000, PNG or JPEG")
                        .format(path=path))
    message = tr("cannot load {path}: it makes GDAL read {file}, and a result is read from its own file only")
    check_companions(dataset, path, RESULT_DRIVERS, message)
    dataset = None


def zip_extract_folder(zip_path: str) -> str:
    """The folder a zip result is extracted into: beside it, named after it without `.zip`."""
    base, extension = os.path.splitext(os.path.abspath(zip_path))
    return base if extension.lower() == ".zip" else base + extension + "_files"


def is_raster_file(path: str) -> bool:
    """Whether `path` is a GeoTIFF or JPEG 2000 raster, judged by its content, not its name
    (metadata files, sidecars and overviews are never layers)."""
    if path.lower().endswith(NON_RASTER_SUFFIXES) or not os.path.isfile(path):
        return False
    with GdalMessages():
        try:
            dataset = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_READONLY, allowed_drivers=list(RASTER_DRIVERS))
        except RuntimeError:
            dataset = None
        found = dataset is not None and dataset.RasterCount > 0
        dataset = None
    return found


def extract_zip_safely(
    zip_path: str, target_folder: str, max_ratio: float = MAX_ZIP_RATIO, max_total_bytes: int = MAX_ZIP_TOTAL_BYTES,
    ratio_free_bytes: int = RATIO_FREE_BYTES,
) -> list[str]:
    """Extract every member of `zip_path` into `target_folder`; return the extracted files' paths.

    The whole archive is refused (DataError naming the member) when any member would land outside
    the folder (absolute path, drive letter, `..` after normalisation), is a symbolic link, or
    repeats another member; and (DataError naming the limit) when a member expands more than
    `max_ratio` times its compressed size (past its first `ratio_free_bytes`), when the members
    hold more than `max_total_bytes`, or when they would leave less than FREE_SPACE_MARGIN_BYTES
    free: declared sizes are checked first, then the bytes actually written. Members are written
    to a temporary folder beside the target first, renamed into place only when complete: a
    failure leaves nothing behind. An existing target is never overwritten: `<name>_2`, `<name>_3`
    ... is used instead, and the paths returned are in it.
    """
    zip_path = os.path.abspath(zip_path)
    target_folder = os.path.abspath(target_folder)
    parent = os.path.dirname(target_folder)
    try:
        archive = zipfile.ZipFile(zip_path)
    except (OSError, zipfile.BadZipFile) as error:
        message = tr("cannot open {file} as a zip archive: {reason}")
        raise DataError(message.format(file=zip_path, reason=error)) from error
    with archive:
        members = _checked_members(archive, zip_path)
        budget = _ExtractionBudget(zip_path, max_ratio, max_total_bytes, ratio_free_bytes, _free_bytes(parent))
        for info, _parts in members:  # what the archive declares, before writing anything
            budget.check_member(info, info.file_size)
        budget.check_total(sum(info.file_size for info, _parts in members))
        existing_ancestor = _existing_ancestor(parent)
        temporary = ""
        try:
            os.makedirs(parent, exist_ok=True)
            temporary = tempfile.mkdtemp(prefix=EXTRACT_PREFIX, dir=parent)
            for info, parts in members:
                _extract_member(archive, info, parts, temporary, zip_path, budget)
            final = _move_into_place(temporary, target_folder)
        except BaseException as error:
            if temporary:
                shutil.rmtree(temporary, ignore_errors=True)
            _remove_created_folders(parent, existing_ancestor)
            if isinstance(error, DataError) or not isinstance(error, Exception):
                raise
            raise DataError(tr("cannot extract {file}: {reason}").format(file=zip_path, reason=error)) from error
    return [os.path.join(final, *parts) for info, parts in members if not info.is_dir() and parts]


def _member_parts(name: str) -> tuple[str, ...] | None:
    """The path components of a member inside the target folder, or None when it would escape."""
    text = name.replace("\\", "/")
    if "\0" in text or text.startswith("/") or _DRIVE.match(text):
        return None
    normal = posixpath.normpath(text)
    parts = tuple(part for part in normal.split("/") if part not in ("", "."))
    if ".." in parts or any(_DRIVE.match(part) for part in parts):
        return None
    return parts


def _checked_members(archive: zipfile.ZipFile, zip_path: str) -> list[tuple[zipfile.ZipInfo, tuple[str, ...]]]:
    """Every member with its components; DataError for the first unsafe or repeated one."""
    members = []
    files: dict[str, str] = {}
    folders: dict[str, str] = {}
    for info in archive.infolist():
        parts = _member_parts(info.filename)
        if parts is None:
            message = tr("{file} is refused: its member {member} would be written outside the folder")
            raise DataError(message.format(file=zip_path, member=info.filename))
        if stat.S_ISLNK(info.external_attr >> 16):
            message = tr("{file} is refused: its member {member} is a symbolic link")
            raise DataError(message.format(file=zip_path, member=info.filename))
        # Compared without case: on Windows and macOS `A.tif` and `a.tif` are one file.
        key = "/".join(parts).casefold()
        parents = ["/".join(parts[:i]).casefold() for i in range(1, len(parts))]
        is_folder = info.is_dir() or not parts
        clash = key in files or (not is_folder and key in folders) or any(parent_key in files for parent_key in parents)
        if clash:
            message = tr("{file} is refused: its member {member} repeats or clashes with another member")
            raise DataError(message.format(file=zip_path, member=info.filename))
        if is_folder:
            folders.setdefault(key, info.filename)
        else:
            files[key] = info.filename
        for parent_key in parents:
            folders.setdefault(parent_key, info.filename)
        members.append((info, parts))
    return members


def _free_bytes(folder: str) -> int | None:
    try:
        return shutil.disk_usage(_existing_ancestor(folder)).free
    except OSError:
        return None


class _ExtractionBudget:
    """The limits of one extraction, checked on declared sizes and on the bytes written."""

    def __init__(self, zip_path: str, max_ratio: float, max_total: int, ratio_free: int, free: int | None) -> None:
        self.zip_path = zip_path
        self.max_ratio = max_ratio
        self.max_total = max_total
        self.ratio_free = ratio_free
        self.free = free
        self.written = 0

    def check_member(self, info: zipfile.ZipInfo, size: int) -> None:
        if size > self.ratio_free and size > self.max_ratio * max(info.compress_size, 1):
            message = tr("{file} is refused: its member {member} expands more than {ratio} times its compressed "
                         "size (the limit of extraction)")
            raise DataError(message.format(file=self.zip_path, member=info.filename, ratio=f"{self.max_ratio:g}"))

    def check_total(self, size: int) -> None:
        if size > self.max_total:
            message = tr("{file} is refused: its members hold more than {size} MB (the limit of extraction)")
            raise DataError(message.format(file=self.zip_path, size=_megabytes(self.max_total)))
        if self.free is not None and size > self.free - FREE_SPACE_MARGIN_BYTES:
            message = tr("{file} needs more than {needed} MB to extract; {free} MB are free, and {margin} MB are "
                         "kept free")
            raise DataError(message.format(file=self.zip_path, needed=_megabytes(size), free=_megabytes(self.free),
                                           margin=_megabytes(FREE_SPACE_MARGIN_BYTES)))

    def add(self, info: zipfile.ZipInfo, member_written: int, count: int) -> None:
        self.written += count
        self.check_member(info, member_written)
        self.check_total(self.written)


def _megabytes(size: int) -> int:
    return max(1, math.ceil(size / 1e6))


def _extract_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, parts: tuple[str, ...], folder: str, zip_path: str,
    budget: _ExtractionBudget,
) -> None:
    path = os.path.join(folder, *parts)
    if info.is_dir() or not parts:
        os.makedirs(path, exist_ok=True)
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        with archive.open(info) as source, open(path, "xb") as target:
            written = 0
            while True:
                chunk = source.read(_COPY_CHUNK)
                if not chunk:
                    break
                written += len(chunk)
                budget.add(info, written, len(chunk))  # before the bytes reach the disk
                target.write(chunk)
    except DataError:
        raise
    except Exception as error:  # bad CRC, truncated data, encryption, unsupported compression, disk full
        message = tr("cannot extract {member} from {file}: {reason}")
        raise DataError(message.format(member=info.filename, file=zip_path, reason=error)) from error


def _move_into_place(temporary: str, target_folder: str) -> str:
    """Rename the complete temporary folder to `target_folder`, or `<target>_2`, `_3` ... when taken."""
    for attempt in range(1, 10_000):
        candidate = target_folder if attempt == 1 else f"{target_folder}_{attempt}"
        if os.path.lexists(candidate):
            continue
        try:
            os.rename(temporary, candidate)
        except OSError:
            if os.path.lexists(candidate):  # taken meanwhile
                continue
            raise
        return candidate
    raise DataError(tr("no free folder name for {folder}").format(folder=target_folder))


def _existing_ancestor(folder: str) -> str:
    """`folder` itself when it exists, else its nearest existing parent."""
    while not os.path.isdir(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    return folder


def _remove_created_folders(folder: str, existing_ancestor: str) -> None:
    """Remove the empty folders from `folder` up to, not including, `existing_ancestor` (the ones
    extraction created); never a folder that holds anything."""
    prefix = existing_ancestor.rstrip(os.sep) + os.sep
    while folder != existing_ancestor and folder.startswith(prefix):
        try:
            os.rmdir(folder)
        except OSError:
            return
        folder = os.path.dirname(folder)
