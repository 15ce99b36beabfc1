"""Output files of the local processor: tiled compressed GeoTIFF, lossless JPEG 2000, zip."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable, Generator, Sequence

import numpy as np
from osgeo import gdal, gdal_array

from .. import api_rules
from ..errors import DataError, TaskCancelled
from ..feedback import FeedbackLike, ProgressRange, check_cancelled
from ..gdal_support import GdalMessages
from ..i18n import tr


def geotiff_options(numpy_type: np.dtype) -> list[str]:
    """Creation options of every GeoTIFF we write: tiled, DEFLATE, lossless."""
    return [
        "TILED=YES",
        f"BLOCKXSIZE={api_rules.GTIFF_BLOCK}",
        f"BLOCKYSIZE={api_rules.GTIFF_BLOCK}",
        "COMPRESS=DEFLATE",
        # With the predictor, level 1 (libdeflate) makes files of the same size as level 6 on real
        # imagery (noise dominates what deflate can find) at a fraction of the time.
        f"ZLEVEL={api_rules.GTIFF_DEFLATE_LEVEL}",
        f"PREDICTOR={3 if numpy_type.kind == 'f' else 2}",
        "BIGTIFF=IF_SAFER",
        "NUM_THREADS=ALL_CPUS",
    ]


class GeoTiffWriter:
    """Writes a raster strip by strip; the file is complete only after close()."""

    def __init__(
        self,
        path: str,
        width: int,
        height: int,
        band_names: Sequence[str],
        numpy_type: np.dtype,
        geotransform: Sequence[float],
        crs_wkt: str,
        nodata: float,
        options: list[str] | None = None,
    ) -> None:
        self.path = path
        self.height = height
        gdal_type = gdal_array.NumericTypeCodeToGDALTypeCode(numpy_type)
        driver = gdal.GetDriverByName("GTiff")
        with GdalMessages() as messages:
            try:
                dataset = driver.Create(path, width, height, len(band_names), gdal_type,
                                        options=options if options is not None else geotiff_options(numpy_type))
            except RuntimeError as error:
                messages.errors.append(str(error))
                dataset = None
        if dataset is None:
            reason = messages.last(tr("GeoTIFF creation failed"))
            raise DataError(tr("cannot create {path}: {reason}").format(path=path, reason=reason))
        self.dataset = dataset
        dataset.SetGeoTransform(list(geotransform))
        dataset.SetProjection(crs_wkt)
        self.bands = []
        for index, name in enumerate(band_names, start=1):
            band = dataset.GetRasterBand(index)
            band.SetDescription(name)
            band.SetNoDataValue(nodata)
            self.bands.append(band)

    def write(self, band_index: int, row: int, array: np.ndarray) -> None:
        with GdalMessages() as messages:
            try:
                status = self.bands[band_index].WriteArray(array, 0, row)
            except RuntimeError as error:
                messages.errors.append(str(error))
                status = 1
        if status != 0:
            reason = messages.last(tr("write failed"))
            raise DataError(tr("cannot write {path}: {reason}").format(path=self.path, reason=reason))

    def write_strips(self, strips: Generator[tuple[int, Sequence[np.ndarray]], None, None], progress: ProgressRange,
                     feedback: FeedbackLike | None) -> None:
        """Write `strips` (the top row, then one array per band) as they come, each flushed so that
        its blocks compress while the next strip is read; cancel is checked between strips. Closes
        `strips` in any case (on cancel or error: waits for the strip being read, then stops)."""
        try:
            for row, arrays in strips:
                check_cancelled(feedback)
                for index, data in enumerate(arrays):
                    self.write(index, row, data)
                self.flush()
                progress.set((row + len(arrays[0])) / self.height)
        finally:
            strips.close()

    def flush(self) -> None:
        """Write out the completed blocks, so the block cache does not grow with the window."""
        self.dataset.FlushCache()

    def close(self) -> None:
        if self.dataset is None:
            return
        with GdalMessages() as messages:
            self.dataset.FlushCache()
            self.bands = []
            self.dataset = None  # closing writes the last blocks
        if messages.errors:
            raise DataError(tr("cannot write {path}: {reason}").format(path=self.path, reason=messages.last()))


def gdal_progress(
    progress: Callable[[float], None], is_canceled: Callable[[], bool]
) -> Callable[[float, object, object], int]:
    """A GDAL progress callback reporting a fraction and stopping the copy on cancel."""

    def callback(fraction: float, _message: object, _data: object) -> int:
        progress(fraction)
        return 0 if is_canceled() else 1

    return callback


def convert_to_jp2(
    source_path: str, target_path: str, progress: Callable[[float], None], is_canceled: Callable[[], bool]
) -> None:
    """Copy a raster to lossless JPEG 2000. Band names and nodata travel in the .aux.xml beside it
    (JPEG 2000 has no place for them); GDAL and QGIS read it automatically."""
    source = gdal.Open(source_path)
    data_type = source.GetRasterBand(1).DataType
    if data_type not in (gdal.GDT_Byte, gdal.GDT_UInt16, gdal.GDT_Int16, gdal.GDT_UInt32, gdal.GDT_Int32):
        message = tr("JPEG 2000 cannot hold {data_type} pixels; "
                     "request this band with another band or with metadata to get GeoTIFFs")
        raise DataError(message.format(data_type=gdal.GetDataTypeName(data_type)))
    driver = gdal.GetDriverByName("JP2OpenJPEG")
    if driver is None:
        raise DataError(tr("this GDAL has no JPEG 2000 writer (JP2OpenJPEG driver)"))
    options = ["REVERSIBLE=YES", "QUALITY=100", "YCBCR420=NO"]
    with GdalMessages() as messages:
        try:
            target = driver.CreateCopy(target_path, source, strict=0, options=options,
                                       callback=gdal_progress(progress, is_canceled))
        except RuntimeError as error:
            messages.errors.append(str(error))
            target = None
        if target is not None:
            target.FlushCache()
        target = None
    source = None
    if is_canceled():
        raise TaskCancelled()
    if messages.errors or not os.path.exists(target_path):
        reason = messages.last(tr("JPEG 2000 encoding failed"))
        raise DataError(tr("cannot write {path}: {reason}").format(path=target_path, reason=reason))


def write_zip(target_path: str, members: Sequence[tuple[str, str]]) -> None:
    """A zip of (path on disk, name in the zip). Rasters are stored (already compressed)."""
    with zipfile.ZipFile(target_path, "w", allowZip64=True) as archive:
        for path, name in members:
            compressed = not name.lower().endswith((".tif", ".tiff", ".jp2"))
            archive.write(path, name, compress_type=zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED)
