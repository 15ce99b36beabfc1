"""Small synthetic rasters and AOIs with known values, for tests."""

from __future__ import annotations

import os

import numpy as np
from osgeo import gdal, gdal_array, osr


def write_raster(
    path: str,
    array: np.ndarray,
    geotransform=(500000.0, 10.0, 0.0, 5800000.0, 0.0, -10.0),
    epsg: int = 32633,
    nodata: float | None = None,
    driver: str = "GTiff",
) -> str:
    """Write a one-band raster (any GDAL driver that can CreateCopy) and return its path."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    rows, cols = array.shape
    gdal_type = gdal_array.NumericTypeCodeToGDALTypeCode(array.dtype)
    memory = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, gdal_type)
    memory.SetGeoTransform(list(geotransform))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    memory.SetProjection(srs.ExportToWkt())
    band = memory.GetRasterBand(1)
    band.WriteArray(array)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    options = ["REVERSIBLE=YES", "QUALITY=100"] if driver == "JP2OpenJPEG" else []
    copy = gdal.GetDriverByName(driver).CreateCopy(path, memory, options=options)
    copy.FlushCache()
    del band, copy, memory
    return path


def utm_to_lonlat(points, epsg: int = 32633) -> list[list[float]]:
    """Projected (x, y) points to [lon, lat] positions."""
    source = osr.SpatialReference()
    source.ImportFromEPSG(epsg)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target = osr.SpatialReference()
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    return [list(transform.TransformPoint(x, y)[:2]) for x, y in points]


def polygon_from_utm(points, epsg: int = 32633) -> dict:
    """A GeoJSON Polygon in lon/lat from a ring of projected points (closed for you)."""
    ring = utm_to_lonlat(list(points) + [points[0]], epsg)
    ring[-1] = ring[0]
    return {"type": "Polygon", "coordinates": [ring]}


def read_raster(path: str) -> tuple[np.ndarray, gdal.Dataset]:
    """All bands as a (bands, rows, cols) array, with the dataset (kept alive for its metadata)."""
    dataset = gdal.Open(path)
    array = dataset.ReadAsArray()
    if array.ndim == 2:
        array = array[np.newaxis]
    return array, dataset
