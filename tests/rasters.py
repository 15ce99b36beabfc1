"""Small synthetic rasters and AOIs with known values, for tests; the real Sentinel-2 sample scene's
grid, and that scene cut into two overlapping tiles; the independent oracle's geometry (which pixel
centres an AOI holds, computed here with osr and numpy only). Imports no pytest: scripts use it too."""

from __future__ import annotations

import os

import numpy as np
from osgeo import gdal, gdal_array, ogr, osr


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


# --- the real Sentinel-2 sample scene (S2/33/U/UU/2017/2/16/0) ---------------------------------------

S2_GT10 = (330000.0, 10.0, 0.0, 5822040.0, 0.0, -10.0)  # its 10 m grid, EPSG:32633


def s2_path(store: str, band: str) -> str:
    """The band's file in the sample store."""
    return os.path.join(store, "sentinel2", "IMG_DATA", f"T33UUU_20170216T102101_{band}.jp2")


# --- the sample scene cut into two overlapping tiles of one day ----------------------------------
# As two Sentinel-2 tiles of one UTM zone, sharing its pixel grid: its western 900 columns as
# 33/U/UU, from column 700 on as 33/U/VU. For the tile-border tests and scripts/screenshot_border.py.

WEST, EAST = "S2/33/U/UU/2017/2/16/0", "S2/33/U/VU/2017/2/16/0"
TILE_BANDS = ("B02", "B03", "B04", "B08", "B11")
WEST_COLUMNS, EAST_FIRST_COLUMN = 900, 700  # of the 10 m grid; the tiles overlap by 2 km


def _cut(source: str, target: str, xoff: int, xsize: int | None = None) -> None:
    dataset = gdal.Open(source)
    width, height = dataset.RasterXSize, dataset.RasterYSize
    os.makedirs(os.path.dirname(target), exist_ok=True)
    size = (xsize if xsize is not None else width - xoff)
    gdal.Translate(target, dataset, format="GTiff", srcWin=[xoff, 0, size, height])
    dataset = None


def _tile_folder(store: str, view_id: str) -> str:
    return os.path.join(store, "tiles", *view_id.split("/")[1:])


def _scale(band: str) -> int:
    """Pixels of the 10 m grid per pixel of the band."""
    return 2 if band == "B11" else 1


def make_s2_store(sample: str, root, east_view_id: str | None = EAST, east_bands=TILE_BANDS, east_epsg: int | None = None) -> str:
    """The sample scene cut into the western tile and (unless None) an eastern one (`east_epsg`:
    reprojected to another UTM zone, pixel values kept by nearest neighbour)."""
    store = str(root)
    for band in TILE_BANDS:
        _cut(s2_path(sample, band), os.path.join(_tile_folder(store, WEST), f"{band}.tif"), 0,
             WEST_COLUMNS // _scale(band))
    if east_view_id is not None:
        for band in east_bands:
            target = os.path.join(_tile_folder(store, east_view_id), f"{band}.tif")
            _cut(s2_path(sample, band), target, EAST_FIRST_COLUMN // _scale(band))
            if east_epsg is not None:
                resolution = 10 * _scale(band)
                warped = gdal.Warp("", target, format="MEM", dstSRS=f"EPSG:{east_epsg}", xRes=resolution,
                                   yRes=resolution, targetAlignedPixels=True, resampleAlg="near",
                                   srcNodata=0, dstNodata=0)
                gdal.Translate(target, warped, format="GTiff")
                warped = None
    return store


def make_uncut_store(sample: str, root) -> str:
    store = str(root)
    for band in TILE_BANDS:
        _cut(s2_path(sample, band), os.path.join(_tile_folder(store, WEST), f"{band}.tif"), 0)
    return store


# --- AOIs given in pixel coordinates --------------------------------------------------------------

# Every vertex is shifted by these irrational fractions of a pixel: with vertices at round offsets
# (.3, .7 px) some edges would pass exactly through pixel centres, where the inside test is a tie.
JITTER_COL, JITTER_ROW = 0.5**0.5 / 50, 5**0.5 / 110


def polygon_coordinates(gt, rings_px, epsg: int) -> list:
    """The GeoJSON coordinates (lon/lat, closed rings) of rings in pixel coordinates (col, row) of a grid."""
    coordinates = []
    for ring in rings_px:
        points = [(gt[0] + (col + JITTER_COL) * gt[1], gt[3] + (row + JITTER_ROW) * gt[5]) for col, row in ring]
        lonlat = utm_to_lonlat(points + [points[0]], epsg)
        lonlat[-1] = lonlat[0]
        coordinates.append(lonlat)
    return coordinates


def polygon_px(gt, rings_px, epsg: int) -> dict:
    """A GeoJSON Polygon (lon/lat) from rings in pixel coordinates (col, row) of a grid."""
    return {"type": "Polygon", "coordinates": polygon_coordinates(gt, rings_px, epsg)}


def multipolygon_px(gt, polygons_px, epsg: int) -> dict:
    """A GeoJSON MultiPolygon (lon/lat) from polygons, each a list of rings in pixel coordinates."""
    return {"type": "MultiPolygon", "coordinates": [polygon_coordinates(gt, rings, epsg) for rings in polygons_px]}


# --- the independent oracle: pixel centres inside an AOI ------------------------------------------


def spatial_reference(epsg: int | None = None, wkt: str | None = None) -> osr.SpatialReference:
    """An EPSG code's or a WKT's CRS, in plain (x, y) / (lon, lat) axis order."""
    srs = osr.SpatialReference()
    if epsg is not None:
        srs.ImportFromEPSG(epsg)
    else:
        srs.ImportFromWkt(wkt)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def geometry_rings(geometry: dict) -> list[list]:
    """Every ring of a GeoJSON Polygon or MultiPolygon (lon/lat)."""
    if geometry["type"] == "Polygon":
        return list(geometry["coordinates"])
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


def rings_in_crs(geometry: dict, crs: str | int) -> list[np.ndarray]:
    """The GeoJSON (Multi)Polygon's rings (lon/lat) in a CRS (WKT or EPSG code), vertex by vertex."""
    target = spatial_reference(epsg=crs) if isinstance(crs, int) else spatial_reference(wkt=crs)
    transform = osr.CoordinateTransformation(spatial_reference(epsg=4326), target)
    return [np.array([transform.TransformPoint(lon, lat)[:2] for lon, lat in ring])
            for ring in geometry_rings(geometry)]


def ogr_polygon(rings: list[np.ndarray]) -> ogr.Geometry:
    """An OGR polygon of closed rings (x, y), the first the outer one."""
    polygon = ogr.Geometry(ogr.wkbPolygon)
    for ring in rings:
        linear = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in ring:
            linear.AddPoint_2D(float(x), float(y))
        polygon.AddGeometry(linear)
    return polygon


def centres_inside(xs: np.ndarray, ys: np.ndarray, rings: list[np.ndarray]) -> np.ndarray:
    """Even-odd rule for every (x, y) of the grid xs by ys: rows follow ys, columns xs. Disjoint
    polygons of a MultiPolygon and holes both come out right with it."""
    grid_x, grid_y = np.meshgrid(xs, ys)
    inside = np.zeros(grid_x.shape, dtype=bool)
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring[:-1], ring[1:]):
            if y1 == y2:
                continue
            crosses = (y1 > grid_y) != (y2 > grid_y)
            x_at = x1 + (grid_y - y1) * (x2 - x1) / (y2 - y1)
            inside ^= crosses & (grid_x < x_at)
    return inside


def distance_to_edges(xs: np.ndarray, ys: np.ndarray, rings: list[np.ndarray]) -> np.ndarray:
    """Per point of the grid xs by ys, the distance to the nearest edge of the polygon."""
    grid_x, grid_y = np.meshgrid(xs, ys)
    best = np.full(grid_x.shape, np.inf)
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring[:-1], ring[1:]):
            dx, dy = x2 - x1, y2 - y1
            along = np.clip(((grid_x - x1) * dx + (grid_y - y1) * dy) / (dx * dx + dy * dy), 0, 1)
            best = np.minimum(best, np.hypot(x1 + along * dx - grid_x, y1 + along * dy - grid_y))
    return best


def min_distance_to_edges(xs: np.ndarray, ys: np.ndarray, rings: list[np.ndarray]) -> float:
    """The smallest distance from any of the grid's points to an edge of the polygon."""
    return float(distance_to_edges(xs, ys, rings).min())
