"""The AOI map tools, driven by mouse and key events like the canvas sends them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from load_by_extent.ui.map_tools import PolygonAoiTool, RectangleAoiTool
from pytestqt.qtbot import QtBot
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsSnappingConfig,
    QgsTolerance,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapTool, QgsMapToolPan, QgsRubberBand, QgsVertexMarker
from qgis.PyQt.QtCore import QEvent, QPoint, Qt, pyqtBoundSignal
from qgis.PyQt.QtGui import QKeyEvent, QKeySequence
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QAction, QApplication, QWidget

UTM33N = QgsCoordinateReferenceSystem("EPSG:32633")
CANVAS_EXTENT = QgsRectangle(500000, 5000000, 504000, 5003000)
SQUARE_PIXELS = [(100, 100), (300, 100), (300, 250), (100, 250)]
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def canvas(qgis_canvas: QgsMapCanvas, qgis_parent: QWidget, qtbot: QtBot) -> Iterator[QgsMapCanvas]:
    """The test canvas, shown, 600 x 400 px, in UTM 33N over a known extent, map settings up to date."""
    was_visible = qgis_parent.isVisible()
    qgis_parent.show()  # a hidden canvas keeps a stale output size
    qgis_canvas.resize(600, 400)
    qtbot.waitExposed(qgis_canvas)
    qgis_canvas.setDestinationCrs(UTM33N)
    qgis_canvas.setExtent(CANVAS_EXTENT)
    qgis_canvas.refresh()
    QApplication.processEvents()
    assert qgis_canvas.mapSettings().destinationCrs() == UTM33N
    assert qgis_canvas.extent().contains(CANVAS_EXTENT)
    assert qgis_canvas.mapSettings().outputSize().width() > 500
    yield qgis_canvas
    if not was_visible:
        qgis_parent.hide()


def rubber_bands(canvas: QgsMapCanvas) -> list[QgsRubberBand]:
    return [item for item in canvas.scene().items() if isinstance(item, QgsRubberBand)]


def vertex_markers(canvas: QgsMapCanvas) -> list[QgsVertexMarker]:
    return [item for item in canvas.scene().items() if isinstance(item, QgsVertexMarker)]


def to_map(canvas: QgsMapCanvas, x: int, y: int) -> QgsPointXY:
    return canvas.getCoordinateTransform().toMapCoordinates(x, y)


def mouse_event(
    canvas: QgsMapCanvas, kind: QEvent.Type, x: int, y: int, button: Qt.MouseButton = LEFT
) -> QgsMapMouseEvent:
    return QgsMapMouseEvent(canvas, kind, QPoint(x, y), button)


def press(tool: QgsMapTool, canvas: QgsMapCanvas, x: int, y: int, button: Qt.MouseButton = LEFT) -> None:
    tool.canvasPressEvent(mouse_event(canvas, QEvent.Type.MouseButtonPress, x, y, button))


def release(tool: QgsMapTool, canvas: QgsMapCanvas, x: int, y: int, button: Qt.MouseButton = LEFT) -> None:
    tool.canvasReleaseEvent(mouse_event(canvas, QEvent.Type.MouseButtonRelease, x, y, button))


def move(tool: QgsMapTool, canvas: QgsMapCanvas, x: int, y: int) -> None:
    tool.canvasMoveEvent(mouse_event(canvas, QEvent.Type.MouseMove, x, y, Qt.MouseButton.NoButton))


def click(tool: QgsMapTool, canvas: QgsMapCanvas, x: int, y: int, button: Qt.MouseButton = LEFT) -> None:
    move(tool, canvas, x, y)
    press(tool, canvas, x, y, button)
    release(tool, canvas, x, y, button)


def double_click(tool: QgsMapTool, canvas: QgsMapCanvas, x: int, y: int) -> None:
    """What Qt delivers for a double-click: press, release, double-click, release."""
    click(tool, canvas, x, y)
    tool.canvasDoubleClickEvent(mouse_event(canvas, QEvent.Type.MouseButtonDblClick, x, y))
    release(tool, canvas, x, y)


def key(tool: QgsMapTool, which: Qt.Key) -> bool:
    """Give the tool a key press as QgsMapCanvas does (accepted on the way in); whether the tool
    consumed it. QgsMapCanvas's convention: a tool ignores the key events it consumes, and only those
    it leaves accepted go on to the canvas and to QGIS (which deletes selected features on Delete)."""
    event = QKeyEvent(QEvent.Type.KeyPress, which, Qt.KeyboardModifier.NoModifier)
    event.accept()
    tool.keyPressEvent(event)
    return not event.isAccepted()


def ring_of(geometry: QgsGeometry) -> list[QgsPointXY]:
    assert geometry.type() == QgsWkbTypes.GeometryType.PolygonGeometry
    assert not geometry.isMultipart()
    rings = geometry.asPolygon()
    assert len(rings) == 1
    return rings[0]


def assert_same_point(actual: QgsPointXY, expected: QgsPointXY) -> None:
    assert actual.x() == pytest.approx(expected.x(), abs=1e-6)
    assert actual.y() == pytest.approx(expected.y(), abs=1e-6)


class Recorder:
    """Collects what a signal emits."""

    def __init__(self, signal: pyqtBoundSignal) -> None:
        self.calls: list[tuple] = []
        signal.connect(self)

    def __call__(self, *args: object) -> None:
        self.calls.append(args)


# --- rectangle ---------------------------------------------------------------------------------


def test_rectangle_drag_emits_the_dragged_rectangle_in_map_crs(canvas):
    tool = RectangleAoiTool(canvas)
    drawn = Recorder(tool.aoiDrawn)
    press(tool, canvas, 100, 80)
    move(tool, canvas, 250, 150)
    move(tool, canvas, 400, 300)
    release(tool, canvas, 400, 300)

    assert len(drawn.calls) == 1
    geometry = drawn.calls[0][0]
    ring = ring_of(geometry)
    assert len(ring) == 5 and ring[0] == ring[-1]
    corner_a, corner_b = to_map(canvas, 100, 80), to_map(canvas, 400, 300)
    expected = QgsRectangle(corner_a, corner_b)
    assert geometry.boundingBox().xMinimum() == pytest.approx(expected.xMinimum())
    assert geometry.boundingBox().xMaximum() == pytest.approx(expected.xMaximum())
    assert geometry.boundingBox().yMinimum() == pytest.approx(expected.yMinimum())
    assert geometry.boundingBox().yMaximum() == pytest.approx(expected.yMaximum())
    assert geometry.area() == pytest.approx(expected.area())
    assert geometry.isGeosValid()
    # every corner of the polygon is one of the dragged corners' coordinates
    for vertex in ring:
        assert vertex.x() in (pytest.approx(corner_a.x()), pytest.approx(corner_b.x()))
        assert vertex.y() in (pytest.approx(corner_a.y()), pytest.approx(corner_b.y()))
    tool.remove_rubber_bands()


def test_rectangle_clears_its_band_after_the_drag(canvas):
    bands_before = len(rubber_bands(canvas))
    tool = RectangleAoiTool(canvas)
    assert len(tool._extent_bands) == 1
    assert len(rubber_bands(canvas)) == bands_before + 1
    press(tool, canvas, 100, 80)
    move(tool, canvas, 400, 300)
    assert tool._extent_bands[0].numberOfVertices() == 4  # shown while dragging
    release(tool, canvas, 400, 300)
    assert tool._extent_bands[0].numberOfVertices() == 0
    tool.remove_rubber_bands()


def test_rectangle_click_without_drag_emits_nothing(canvas):
    tool = RectangleAoiTool(canvas)
    drawn = Recorder(tool.aoiDrawn)
    press(tool, canvas, 200, 200)
    release(tool, canvas, 200, 200)
    # a drag along one axis only has no area either
    press(tool, canvas, 200, 200)
    move(tool, canvas, 350, 200)
    release(tool, canvas, 350, 200)
    assert drawn.calls == []
    # and the tool still works afterwards
    press(tool, canvas, 200, 200)
    release(tool, canvas, 260, 240)
    assert len(drawn.calls) == 1
    tool.remove_rubber_bands()


def test_rectangle_ignores_right_button_and_esc_cancels_a_drag(canvas):
    tool = RectangleAoiTool(canvas)
    drawn = Recorder(tool.aoiDrawn)
    canceled = Recorder(tool.drawingCanceled)
    press(tool, canvas, 100, 100, Qt.MouseButton.RightButton)
    release(tool, canvas, 300, 300, Qt.MouseButton.RightButton)
    assert drawn.calls == []

    press(tool, canvas, 100, 100)
    move(tool, canvas, 300, 300)
    assert key(tool, Qt.Key.Key_Escape)
    assert len(canceled.calls) == 1
    release(tool, canvas, 300, 300)
    assert drawn.calls == []
    assert tool._extent_bands[0].numberOfVertices() == 0

    # Esc with nothing dragged still says "the user gave up", so the dock can leave the tool
    assert key(tool, Qt.Key.Key_Escape)
    assert len(canceled.calls) == 2
    assert not key(tool, Qt.Key.Key_A)
    assert not key(tool, Qt.Key.Key_Left)  # the canvas pans
    assert drawn.calls == []
    tool.remove_rubber_bands()


def test_rectangle_cleanup_takes_its_band_off_the_canvas(canvas):
    bands_before = len(rubber_bands(canvas))
    tool = RectangleAoiTool(canvas)
    assert len(rubber_bands(canvas)) == bands_before + 1
    press(tool, canvas, 100, 80)
    move(tool, canvas, 400, 300)
    tool.remove_rubber_bands()
    assert len(rubber_bands(canvas)) == bands_before
    # activating it again puts its band back, and it draws
    tool.activate()
    assert len(rubber_bands(canvas)) == bands_before + 1
    drawn = Recorder(tool.aoiDrawn)
    press(tool, canvas, 100, 80)
    release(tool, canvas, 400, 300)
    assert len(drawn.calls) == 1
    tool.deactivate()
    tool.remove_rubber_bands()
    assert len(rubber_bands(canvas)) == bands_before


# --- polygon -----------------------------------------------------------------------------------


def test_polygon_four_clicks_and_double_click_give_four_vertices(canvas):
    tool = PolygonAoiTool(canvas)
    drawn = Recorder(tool.aoiDrawn)
    for x, y in SQUARE_PIXELS[:3]:
        click(tool, canvas, x, y)
    double_click(tool, canvas, *SQUARE_PIXELS[3])

    assert len(drawn.calls) == 1
    geometry = drawn.calls[0][0]
    assert geometry.isGeosValid()
    ring = ring_of(geometry)
    assert len(ring) == 5  # 4 vertices, closed: no duplicate from the double-click
    assert ring[0] == ring[-1]
    for vertex, (x, y) in zip(ring[:4], SQUARE_PIXELS):
        assert_same_point(vertex, to_map(canvas, x, y))
    # the tool starts over
    assert tool.vertices == []
    assert tool.rubber_band is None


def test_polygon_rubber_band_follows_the_cursor(canvas):
    tool = PolygonAoiTool(canvas)
    bands_before = len(rubber_bands(canvas))
    click(tool, canvas, 100, 100)
    click(tool, canvas, 300, 100)
    assert len(rubber_bands(canvas)) == bands_before + 1
    assert tool.rubber_band.numberOfVertices() == 2
    move(tool, canvas, 250, 300)
    assert tool.rubber_band.numberOfVertices() == 3
    assert_same_point(tool.rubber_band.getPoint(0, 2), to_map(canvas, 250, 300))
    assert tool.rubber_band.fillColor().alpha() < 255  # see-through
    tool.remove_rubber_bands()
    assert len(rubber_bands(canvas)) == bands_before


def test_polygon_right_click_finishes(canvas):
    tool = PolygonAoiTool(canvas)
    drawn = Recorder(tool.aoiDrawn)
    for x, y in SQUARE_PIXELS[:3]:
        click(tool, canvas, x, y)
    assert drawn.calls == []
    click(tool, canvas, 500, 350, Qt.MouseButton.RightButton)

    assert len(drawn.calls) == 1
    ring = ring_of(drawn.calls[0][0])
    assert len(ring) == 4  # 3 vertices, closed; the right-click adds none
    for vertex, (x, y) in zip(ring[:3], SQUARE_PIXELS[:3]):
        assert_same_point(vertex, to_map(canvas, x, y))
    assert tool.vertices == []


def test_polygon_backspace_and_delete_remove_the_last_vertex(canvas):
    tool = PolygonAoiTool(canvas)
    drawn = Recorder(tool.aoiDrawn)
    for x, y in SQUARE_PIXELS:
        click(tool, canvas, x, y)
    click(tool, canvas, 550, 380)  # a mistake
    assert len(tool.vertices) == 5

    assert key(tool, Qt.Key.Key_Backspace)
    assert len(tool.vertices) == 4
    assert tool.rubber_band.numberOfVertices() == 4
    assert key(tool, Qt.Key.Key_Delete)
    assert len(tool.vertices) == 3
    assert_same_point(tool.vertices[-1], to_map(canvas, *SQUARE_PIXELS[2]))

    click(tool, canvas, 500, 350, Qt.MouseButton.RightButton)
    ring = ring_of(drawn.calls[0][0])
    assert len(ring) == 4
    for vertex, (x, y) in zip(ring[:3], SQUARE_PIXELS[:3]):
        assert_same_point(vertex, to_map(canvas, x, y))


def test_polygon_keys_it_does_not_use_go_to_qgis(canvas):
    tool = PolygonAoiTool(canvas)
    click(tool, canvas, 100, 100)
    assert not key(tool, Qt.Key.Key_A)
    assert not key(tool, Qt.Key.Key_Left)  # the canvas pans
    assert len(tool.vertices) == 1
    tool.remove_rubber_bands()


def test_polygon_backspace_and_delete_are_its_own_also_with_nothing_drawn(canvas):
    """One Backspace too many must not reach QGIS, which would delete the selected features."""
    tool = PolygonAoiTool(canvas)
    click(tool, canvas, 100, 100)
    assert key(tool, Qt.Key.Key_Backspace)
    assert tool.vertices == []
    assert key(tool, Qt.Key.Key_Backspace)
    assert key(tool, Qt.Key.Key_Delete)
    assert tool.vertices == []


def test_polygon_esc_cancels(canvas):
    bands_before = len(rubber_bands(canvas))
    tool = PolygonAoiTool(canvas)
    drawn = Recorder(tool.aoiDrawn)
    canceled = Recorder(tool.drawingCanceled)
    counts = Recorder(tool.vertexCountChanged)
    for x, y in SQUARE_PIXELS:
        click(tool, canvas, x, y)
    assert len(rubber_bands(canvas)) == bands_before + 1

    assert key(tool, Qt.Key.Key_Escape)
    assert len(canceled.calls) == 1
    assert drawn.calls == []
    assert tool.vertices == []
    assert tool.rubber_band is None
    assert len(rubber_bands(canvas)) == bands_before
    assert counts.calls[-1] == (0,)
    # a right-click now has nothing to finish
    click(tool, canvas, 300, 300, Qt.MouseButton.RightButton)
    assert drawn.calls == []
    # Esc with nothing drawn still says "the user gave up", so the dock can leave the tool
    assert key(tool, Qt.Key.Key_Escape)
    assert len(canceled.calls) == 2


def test_polygon_with_fewer_than_three_vertices_does_not_finish(canvas):
    tool = PolygonAoiTool(canvas)
    drawn = Recorder(tool.aoiDrawn)
    messages = Recorder(tool.messageEmitted)
    discarded = Recorder(tool.messageDiscarded)
    click(tool, canvas, 100, 100)
    double_click(tool, canvas, 300, 100)

    assert drawn.calls == []
    assert len(messages.calls) == 1
    assert "at least 3 vertices" in messages.calls[0][0]
    assert messages.calls[0][1] == Qgis.MessageLevel.Warning
    # still drawing, with the two vertices
    assert len(tool.vertices) == 2
    assert tool.rubber_band is not None

    # clicking the same place twice does not make a third vertex
    click(tool, canvas, 300, 100)
    click(tool, canvas, 500, 500, Qt.MouseButton.RightButton)
    assert drawn.calls == []
    assert len(messages.calls) == 2

    assert discarded.calls == []
    click(tool, canvas, 200, 300)
    click(tool, canvas, 500, 500, Qt.MouseButton.RightButton)
    assert len(drawn.calls) == 1
    assert len(ring_of(drawn.calls[0][0])) == 4
    # the polygon is drawn: QGIS takes the warning off its message bar
    assert len(discarded.calls) == 1


def test_polygon_that_crosses_itself_or_has_no_area_is_refused(canvas):
    tool = PolygonAoiTool(canvas)
    drawn = Recorder(tool.aoiDrawn)
    messages = Recorder(tool.messageEmitted)
    for x, y in [(100, 100), (200, 100), (300, 100)]:
        click(tool, canvas, x, y)
    click(tool, canvas, 0, 0, Qt.MouseButton.RightButton)
    assert drawn.calls == [] and len(messages.calls) == 1

    tool.clear()
    for x, y in [(100, 100), (300, 300), (300, 100), (100, 300)]:  # a bow tie
        click(tool, canvas, x, y)
    click(tool, canvas, 0, 0, Qt.MouseButton.RightButton)
    assert drawn.calls == [] and len(messages.calls) == 2
    assert len(tool.vertices) == 4  # kept, so Backspace can fix it
    key(tool, Qt.Key.Key_Backspace)
    click(tool, canvas, 0, 0, Qt.MouseButton.RightButton)
    assert len(drawn.calls) == 1
    assert drawn.calls[0][0].isGeosValid()


def test_polygon_vertex_count_changes_are_signalled(canvas):
    tool = PolygonAoiTool(canvas)
    counts = Recorder(tool.vertexCountChanged)
    for x, y in SQUARE_PIXELS[:3]:
        click(tool, canvas, x, y)
    key(tool, Qt.Key.Key_Backspace)
    click(tool, canvas, *SQUARE_PIXELS[2])
    double_click(tool, canvas, *SQUARE_PIXELS[3])
    assert [args[0] for args in counts.calls] == [1, 2, 3, 2, 3, 4, 0]


def test_polygon_clicking_the_first_vertex_again_closes_without_duplicate(canvas):
    tool = PolygonAoiTool(canvas)
    drawn = Recorder(tool.aoiDrawn)
    for x, y in SQUARE_PIXELS:
        click(tool, canvas, x, y)
    double_click(tool, canvas, *SQUARE_PIXELS[0])
    ring = ring_of(drawn.calls[0][0])
    assert len(ring) == 5


def test_polygon_tool_flags_and_cursor(canvas):
    tool = PolygonAoiTool(canvas)
    assert not (tool.flags() & PolygonAoiTool.Flag.Transient)
    assert not (tool.flags() & PolygonAoiTool.Flag.AllowZoomRect)
    assert not (tool.flags() & PolygonAoiTool.Flag.ShowContextMenu)
    pan = QgsMapToolPan(canvas)
    rectangle = RectangleAoiTool(canvas)
    try:
        for tool_with_cross in (tool, rectangle):
            canvas.setMapTool(pan)
            assert canvas.cursor().shape() != Qt.CursorShape.CrossCursor
            canvas.setMapTool(tool_with_cross)
            assert canvas.cursor().shape() == Qt.CursorShape.CrossCursor
    finally:
        canvas.unsetMapTool(tool)
        canvas.unsetMapTool(rectangle)
        canvas.unsetMapTool(pan)
        rectangle.remove_rubber_bands()


def test_polygon_uses_snapping_when_enabled(canvas, qtbot):
    layer = QgsVectorLayer("Point?crs=EPSG:32633", "snap targets", "memory")
    target = to_map(canvas, 203, 152)
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromPointXY(target))
    layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    canvas.setLayers([layer])
    snapping = canvas.snappingUtils()
    old_config = snapping.config()
    config = QgsSnappingConfig(old_config)
    config.setEnabled(True)
    config.setMode(QgsSnappingConfig.SnappingMode.AllLayers)
    config.setTypeFlag(QgsSnappingConfig.SnappingTypes.VertexFlag)
    config.setTolerance(12)
    config.setUnits(QgsTolerance.UnitType.Pixels)
    snapping.setConfig(config)
    canvas.refresh()
    try:
        # the canvas indexes layers for snapping in the background: wait until it snaps
        qtbot.waitUntil(lambda: snapping.snapToMap(QPoint(200, 150)).isValid(), timeout=5000)
        markers_before = len(vertex_markers(canvas))
        tool = PolygonAoiTool(canvas)
        move(tool, canvas, 201, 151)
        assert len(vertex_markers(canvas)) == markers_before + 1  # the snap indicator shows
        click(tool, canvas, 200, 150)  # 3 px off the point: snaps
        click(tool, canvas, 400, 150)
        assert_same_point(tool.vertices[0], target)
        assert tool.vertices[1].x() == pytest.approx(to_map(canvas, 400, 150).x())
        move(tool, canvas, 202, 153)
        assert len(vertex_markers(canvas)) == markers_before + 1
        tool.remove_rubber_bands()
        assert len(vertex_markers(canvas)) == markers_before
    finally:
        snapping.setConfig(old_config)
        canvas.setLayers([])
        QgsProject.instance().removeMapLayer(layer.id())


# --- on a real canvas: events routed by QgsMapCanvas, deactivation, cleanup ------------------


def viewport_click(canvas: QgsMapCanvas, x: int, y: int, button: Qt.MouseButton = LEFT) -> None:
    QTest.mouseClick(canvas.viewport(), button, Qt.KeyboardModifier.NoModifier, QPoint(x, y))


def test_polygon_drawn_through_the_canvas(canvas):
    tool = PolygonAoiTool(canvas)
    pan = QgsMapToolPan(canvas)
    canvas.setMapTool(tool)
    try:
        drawn = Recorder(tool.aoiDrawn)
        counts = Recorder(tool.vertexCountChanged)
        for x, y in SQUARE_PIXELS[:3]:
            viewport_click(canvas, x, y)
        viewport_click(canvas, 550, 20)  # a mistake, undone from the keyboard
        QTest.keyClick(canvas, Qt.Key.Key_Backspace)
        assert [args[0] for args in counts.calls] == [1, 2, 3, 4, 3]
        # a double-click as Qt delivers it to the viewport
        x, y = SQUARE_PIXELS[3]
        viewport_click(canvas, x, y)
        QTest.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, y))
        QTest.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, y))

        assert len(drawn.calls) == 1
        ring = ring_of(drawn.calls[0][0])
        assert len(ring) == 5
        for vertex, (x, y) in zip(ring[:4], SQUARE_PIXELS):
            assert_same_point(vertex, to_map(canvas, x, y))
        assert tool.vertices == []
    finally:
        canvas.setMapTool(pan)
        canvas.unsetMapTool(pan)


def test_polygon_drawing_goes_away_when_another_tool_is_chosen(canvas):
    bands_before = len(rubber_bands(canvas))
    tool = PolygonAoiTool(canvas)
    pan = QgsMapToolPan(canvas)
    canvas.setMapTool(tool)
    try:
        for x, y in SQUARE_PIXELS[:3]:
            viewport_click(canvas, x, y)
        assert len(tool.vertices) == 3
        assert len(rubber_bands(canvas)) == bands_before + 1

        canvas.setMapTool(pan)
        assert tool.vertices == []
        assert tool.rubber_band is None
        assert len(rubber_bands(canvas)) == bands_before
    finally:
        canvas.unsetMapTool(tool)
        canvas.unsetMapTool(pan)


def test_cleanup_leaves_no_rubber_band_on_the_canvas(canvas):
    bands_before = len(rubber_bands(canvas))
    rectangle = RectangleAoiTool(canvas)
    polygon = PolygonAoiTool(canvas)
    press(rectangle, canvas, 10, 10)
    move(rectangle, canvas, 200, 200)
    for x, y in SQUARE_PIXELS[:2]:
        click(polygon, canvas, x, y)
    move(polygon, canvas, 250, 300)
    assert len(rubber_bands(canvas)) == bands_before + 2

    rectangle.remove_rubber_bands()
    polygon.remove_rubber_bands()
    assert len(rubber_bands(canvas)) == bands_before


# --- keys: the tool's keys reach no QGIS action ------------------------------------------------

KEY_ROUTES = ["shortcut", "canvas signal"]


class DeleteSelected:
    """QGIS's "Delete Selected" on an editable layer with one selected feature, reached as QGIS reaches
    it: by a QAction with the Delete and Backspace shortcuts in the canvas's window ("shortcut"), or by
    QGIS's handler of the canvas's keyPressed signal, which deletes the selection on a Backspace or
    Delete the map tool left accepted (QgisApp::mapCanvas_keyPressed: "canvas signal"). A second
    QAction holds Esc, as QGIS's stop-rendering does."""

    def __init__(self, canvas: QgsMapCanvas, route: str) -> None:
        self.canvas = canvas
        self.layer = QgsVectorLayer("Polygon?crs=EPSG:32633", "analyst's parcels", "memory")
        parcels = []
        for offset in (0, 1000):
            feature = QgsFeature()
            feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(500100 + offset, 5000100, 500900 + offset, 5000900)))
            parcels.append(feature)
        assert self.layer.dataProvider().addFeatures(parcels)
        QgsProject.instance().addMapLayer(self.layer)
        assert self.layer.startEditing()
        self.selected_id = next(self.layer.getFeatures()).id()
        self.layer.selectByIds([self.selected_id])
        self.deletions = 0
        self.escapes = 0
        self.window = canvas.window()
        self.actions: list[QAction] = []
        if route == "shortcut":
            delete = QAction("Delete Selected", self.window)
            delete.setShortcuts([QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)])
            delete.triggered.connect(self.delete_selected)
            self.actions.append(delete)
        else:
            canvas.keyPressed.connect(self.canvas_key_pressed)
        escape = QAction("Stop Rendering", self.window)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.triggered.connect(self.escaped)
        self.actions.append(escape)
        for action in self.actions:
            self.window.addAction(action)
        self.route = route

    def delete_selected(self) -> None:
        self.deletions += 1
        self.layer.deleteSelectedFeatures()

    def canvas_key_pressed(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and e.isAccepted():
            self.delete_selected()

    def escaped(self) -> None:
        self.escapes += 1

    def feature_ids(self) -> set[int]:
        return {feature.id() for feature in self.layer.getFeatures()}

    def remove(self) -> None:
        if self.route != "shortcut":
            self.canvas.keyPressed.disconnect(self.canvas_key_pressed)
        for action in self.actions:
            self.window.removeAction(action)
            action.deleteLater()
        self.layer.rollBack()
        QgsProject.instance().removeMapLayer(self.layer.id())


@pytest.fixture(params=KEY_ROUTES)
def delete_selected(request, canvas, qtbot) -> Iterator[DeleteSelected]:
    qgis = DeleteSelected(canvas, request.param)
    window = canvas.window()
    window.activateWindow()
    QApplication.setActiveWindow(window)  # the offscreen platform activates nothing by itself
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    yield qgis
    qgis.remove()


def press_key(canvas: QgsMapCanvas, which: Qt.Key) -> None:
    """A key pressed while the canvas has the focus, through Qt's whole dispatch (shortcuts first)."""
    assert canvas.hasFocus()
    QTest.keyClick(canvas, which)


def test_qgis_deletes_the_selection_on_backspace_without_our_tool(canvas, delete_selected):
    """The set-up of the tests below deletes features when our tool is not there to stop it."""
    pan = QgsMapToolPan(canvas)
    canvas.setMapTool(pan)
    try:
        before = delete_selected.feature_ids()
        press_key(canvas, Qt.Key.Key_Backspace)
        assert delete_selected.deletions == 1
        assert delete_selected.feature_ids() == before - {delete_selected.selected_id}
    finally:
        canvas.unsetMapTool(pan)


def test_polygon_keys_remove_vertices_and_reach_no_qgis_action(canvas, delete_selected):
    tool = PolygonAoiTool(canvas)
    canceled = Recorder(tool.drawingCanceled)
    canvas.setMapTool(tool)
    try:
        features = delete_selected.feature_ids()
        for x, y in SQUARE_PIXELS:
            viewport_click(canvas, x, y)
        assert len(tool.vertices) == 4

        press_key(canvas, Qt.Key.Key_Backspace)
        assert len(tool.vertices) == 3
        press_key(canvas, Qt.Key.Key_Delete)
        assert len(tool.vertices) == 2
        assert_same_point(tool.vertices[-1], to_map(canvas, *SQUARE_PIXELS[1]))
        assert delete_selected.deletions == 0

        press_key(canvas, Qt.Key.Key_Escape)
        assert len(canceled.calls) == 1
        assert tool.vertices == []
        assert delete_selected.escapes == 0

        # one Backspace too many, with nothing drawn, is still the tool's
        press_key(canvas, Qt.Key.Key_Backspace)
        press_key(canvas, Qt.Key.Key_Delete)
        assert delete_selected.deletions == 0

        # with a mouse button held down QgsMapCanvas gives keys to no tool, only to keyPressed
        viewport_click(canvas, *SQUARE_PIXELS[0])
        viewport_click(canvas, *SQUARE_PIXELS[1])
        QTest.mousePress(canvas.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, QPoint(*SQUARE_PIXELS[2]))
        press_key(canvas, Qt.Key.Key_Backspace)
        assert len(tool.vertices) == 1
        QTest.mouseRelease(canvas.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, QPoint(*SQUARE_PIXELS[2]))
        assert len(tool.vertices) == 2
        assert delete_selected.feature_ids() == features
        assert delete_selected.layer.selectedFeatureIds() == [delete_selected.selected_id]
    finally:
        canvas.unsetMapTool(tool)
    # put down, the tool claims no key any more
    pan = QgsMapToolPan(canvas)
    canvas.setMapTool(pan)
    try:
        press_key(canvas, Qt.Key.Key_Escape)
        assert delete_selected.escapes == 1
    finally:
        canvas.unsetMapTool(pan)


def test_rectangle_esc_reaches_no_qgis_action(canvas, delete_selected):
    tool = RectangleAoiTool(canvas)
    canceled = Recorder(tool.drawingCanceled)
    canvas.setMapTool(tool)
    try:
        QTest.mousePress(canvas.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, QPoint(100, 100))
        QTest.mouseMove(canvas.viewport(), QPoint(300, 300))
        press_key(canvas, Qt.Key.Key_Escape)
        assert len(canceled.calls) == 1
        assert tool._extent_bands[0].numberOfVertices() == 0
        assert delete_selected.escapes == 0
        press_key(canvas, Qt.Key.Key_Escape)  # nothing dragged
        assert len(canceled.calls) == 2
        assert delete_selected.escapes == 0
    finally:
        canvas.unsetMapTool(tool)
        tool.remove_rubber_bands()
