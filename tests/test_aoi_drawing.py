"""Drawing the AOI with the dock, and the AOI on the map: real mouse events on the real canvas, the
canvas rendered over a real raster layer (pytest-qgis, offscreen).

The plugin is built as QGIS builds it (tests/conftest.py `plugin`), so finishing a drawing hands
the canvas back to the tool the user had, as in QGIS.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import numpy as np
import pytest
from osgeo import gdal, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
)
from qgis.gui import QgsMapCanvas, QgsMapToolPan
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtGui import QColor, QImage
from qgis.PyQt.QtTest import QTest
from qgis_gui import show_area

pytestmark = pytest.mark.sample_data

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
S2_VIEW = "S2/33/U/UU/2017/2/16/0"
S2_RING = [[12.553, 52.474], [12.632, 52.466], [12.668, 52.492], [12.640, 52.518], [12.575, 52.515],
           [12.553, 52.474]]
GREY = 128


@pytest.fixture
def dock(plugin):
    return plugin.dock


@pytest.fixture
def pan_tool(canvas) -> Iterator[QgsMapToolPan]:
    """The tool the user had before drawing: QGIS's pan tool (a click centres the map on it)."""
    tool = QgsMapToolPan(canvas)
    canvas.setMapTool(tool)
    yield tool
    canvas.unsetMapTool(tool)


@pytest.fixture
def s2_aoi_file(tmp_path) -> str:
    path = tmp_path / "s2.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [S2_RING]}}]}))
    return str(path)


@pytest.fixture
def grey_layer(tmp_path, canvas) -> Iterator[QgsRasterLayer]:
    """A grey RGB raster over the whole view (what a loaded result is to the AOI drawn over it)."""
    path = str(tmp_path / "grey.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(path, 400, 200, 3, gdal.GDT_Byte)
    dataset.SetGeoTransform((12.40, 0.001, 0.0, 52.60, 0.0, -0.001))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    dataset.SetProjection(srs.ExportToWkt())
    for number in (1, 2, 3):
        dataset.GetRasterBand(number).WriteArray(np.full((200, 400), GREY, dtype=np.uint8))
    dataset = None
    layer = QgsRasterLayer(path, "result")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    canvas.setLayers([layer])
    yield layer
    canvas.setLayers([])
    QgsProject.instance().removeMapLayer(layer.id())


def rendered(canvas: QgsMapCanvas) -> QImage:
    """The canvas as the user sees it: the rendered layers and the rubber bands over them."""
    canvas.refresh()
    canvas.waitWhileRendering()
    return canvas.viewport().grab().toImage()


def pixel_of(canvas: QgsMapCanvas, lon: float, lat: float) -> QPoint:
    to_canvas = QgsCoordinateTransform(WGS84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
    point = canvas.getCoordinateTransform().transform(to_canvas.transform(QgsPointXY(lon, lat)))
    return QPoint(round(point.x()), round(point.y()))


def colour_at(image: QImage, pixel: QPoint) -> tuple[int, int, int]:
    colour = QColor(image.pixel(pixel))
    return colour.red(), colour.green(), colour.blue()


def aoi_box_on_canvas(canvas: QgsMapCanvas) -> QgsRectangle:
    to_canvas = QgsCoordinateTransform(WGS84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
    return to_canvas.transformBoundingBox(QgsGeometry.fromPolygonXY(
        [[QgsPointXY(lon, lat) for lon, lat in S2_RING]]).boundingBox())


# --- drawing leaves the map where it was ---------------------------------------------------------


def same_extent(a: QgsRectangle, b: QgsRectangle) -> bool:
    tolerance = a.width() * 1e-9
    return all(abs(x - y) <= tolerance for x, y in zip(
        (a.xMinimum(), a.yMinimum(), a.xMaximum(), a.yMaximum()),
        (b.xMinimum(), b.yMinimum(), b.xMaximum(), b.yMaximum())))


@pytest.mark.parametrize("finish", ["double-click", "right-click"])
def test_finishing_a_polygon_leaves_the_map_where_it_was(dock, canvas, pan_tool, finish):
    dock.aoi_section.buttons["polygon"].click()
    assert canvas.mapTool() is dock.aoi_section.polygon_tool
    extent = canvas.extent()
    viewport = canvas.viewport()
    pixels = [(100, 100), (300, 90), (420, 260), (120, 300)]
    for x, y in pixels[:3]:
        QTest.mouseClick(viewport, LEFT, NO_MODIFIER, QPoint(x, y))
    last = QPoint(*pixels[3])
    if finish == "double-click":
        # what Qt delivers for a double-click: press, release, double-click, release
        QTest.mouseClick(viewport, LEFT, NO_MODIFIER, last)
        QTest.mouseDClick(viewport, LEFT, NO_MODIFIER, last)
        QTest.mouseRelease(viewport, LEFT, NO_MODIFIER, last)
    else:
        QTest.mouseClick(viewport, LEFT, NO_MODIFIER, last)
        QTest.mouseClick(viewport, Qt.MouseButton.RightButton, NO_MODIFIER, QPoint(500, 350))

    assert dock.aoi.is_set
    assert dock.aoi.vertex_count() == 4
    assert canvas.mapTool() is pan_tool  # drawing done, the user's tool is back
    assert same_extent(canvas.extent(), extent), "the map moved"


# --- the AOI and the footprint do not tint what is under them ------------------------------------


def test_aoi_and_selected_footprint_leave_the_layer_under_them_its_colour(dock, canvas, qtbot, grey_layer,
                                                                        s2_aoi_file):
    show_area(canvas, "EPSG:3857")
    centre = pixel_of(canvas, 12.61, 52.49)  # inside the AOI, and inside the scene's footprint
    before = rendered(canvas)
    assert colour_at(before, centre) == (GREY, GREY, GREY)

    dock.aoi_section.use_file(s2_aoi_file)
    qtbot.waitUntil(lambda: dock.scene_picker.table.rowCount() == 1, timeout=30_000)
    dock.scene_picker.table.selectRow(0)
    assert dock.scene_picker.view_id() == S2_VIEW
    after = rendered(canvas)

    assert colour_at(after, centre) == (GREY, GREY, GREY)
    # and the AOI is drawn: its outline, orange, runs through its first vertex
    vertex = pixel_of(canvas, *S2_RING[0])
    reds = [colour_at(after, vertex + QPoint(dx, dy))[0] for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    assert max(reds) > 200


# --- an AOI from a file is shown -----------------------------------------------------------------


def test_aoi_from_a_file_is_zoomed_to(dock, canvas, s2_aoi_file):
    show_area(canvas, "EPSG:3857", (0.0, 0.0, 1.0, 1.0))  # far away
    dock.aoi_section.use_file(s2_aoi_file)
    box = aoi_box_on_canvas(canvas)
    extent = canvas.extent()
    assert extent.contains(box)
    assert extent.width() < 3 * box.width() or extent.height() < 3 * box.height()


def test_aoi_from_a_file_the_map_cannot_show_is_kept_and_the_map_stays(dock, canvas, s2_aoi_file):
    """An orthographic view of the south pole cannot show a place at 52° N: the AOI is taken all the
    same, and the map stays where it was (QgsMapCanvas.setReferencedExtent raises QgsCsException)."""
    south_pole = QgsCoordinateReferenceSystem("PROJ:+proj=ortho +lat_0=-90 +lon_0=0 +datum=WGS84 +units=m")
    assert south_pole.isValid()
    canvas.setDestinationCrs(south_pole)
    canvas.setExtent(QgsRectangle(-1e6, -1e6, 1e6, 1e6))
    extent = canvas.extent()
    dock.aoi_section.use_file(s2_aoi_file)
    assert dock.aoi.is_set and dock.aoi.vertex_count() == 5
    assert same_extent(canvas.extent(), extent)
