"""Drawing the AOI with the dock: real mouse events on the real canvas (pytest-qgis, offscreen).

The plugin is built as QGIS builds it (tests/conftest.py `plugin`), so finishing a drawing hands
the canvas back to the tool the user had, as in QGIS.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from qgis.core import QgsRectangle
from qgis.gui import QgsMapToolPan
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtTest import QTest

pytestmark = pytest.mark.sample_data

LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


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


# --- drawing leaves the map where it was ---------------------------------------------------------


def same_extent(a: QgsRectangle, b: QgsRectangle) -> bool:
    tolerance = a.width() * 1e-9
    return all(abs(x - y) <= tolerance for x, y in zip(
        (a.xMinimum(), a.yMinimum(), a.xMaximum(), a.yMaximum()),
        (b.xMinimum(), b.yMinimum(), b.xMaximum(), b.yMaximum())))


@pytest.mark.parametrize("finish", ["double-click", "right-click"])
def test_finishing_a_polygon_leaves_the_map_where_it_was(dock, canvas, pan_tool, finish):
    dock.aoi_buttons["polygon"].click()
    assert canvas.mapTool() is dock.polygon_tool
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
