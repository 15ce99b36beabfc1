"""The scene list pages through a catalog: its first page listed at once, the next ones fetched in
the background as the user scrolls near the end of the list or clicks "More scenes", until the
catalog's answer has no `next` link (tests/stac_server.py pages by `next` links); folders answer
whole, and a search of every page (mt_stats, `lbe scenes`) reads every page as before."""

from __future__ import annotations

import datetime as dt
import json
import os
import threading

import pytest
from load_by_extent.core.scene_pages import search_first_pages, search_more
from load_by_extent.core.scenes import SceneStoreSet
from load_by_extent.services.settings import PluginSettings
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QPoint, QPointF, Qt
from qgis.PyQt.QtGui import QColor, QImage, QWheelEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication
from stac_server import StacServer, earth_search_item, square

FIRST = dt.datetime(2023, 5, 1, 10, 20, tzinfo=dt.timezone.utc)
NEAR = square(10.2, 50.2, 0.1)  # an AOI inside the footprints of the first tile's items
FAR = square(20.2, 40.2, 0.1)  # an AOI inside those of the other tile's only
PAGE = 10  # items a page of the catalog holds
TIMEOUT_MS = 20_000


def view_id(day: int, tile: str = "33UUU") -> str:
    when = FIRST + dt.timedelta(days=day)
    return f"S2/{int(tile[:2])}/{tile[2]}/{tile[3:]}/{when.year}/{when.month}/{when.day}/0"


@pytest.fixture
def paged_catalog():
    """25 scenes of tile 33UUU over NEAR (3 pages), 3 of tile 34TDL over FAR (1 page), with thumbnails."""
    with StacServer(page_size=PAGE) as stac:
        image = QImage(40, 30, QImage.Format.Format_RGB32)
        image.fill(QColor(30, 140, 60))
        jpeg = _jpeg(image)
        for day, (tile, where) in enumerate([("33UUU", square(10, 50))] * 25 + [("34TDL", square(20, 40))] * 3):
            item = earth_search_item(tile, FIRST + dt.timedelta(days=day), geometry=where, asset_base=stac.files_url)
            stac.add_item("es", item)
            stac.add_file(f"{item['id']}/thumbnail.jpg", jpeg)
        yield stac


def _jpeg(image: QImage) -> bytes:
    from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPG")
    return bytes(data)


NEAR_IDS = {view_id(day) for day in range(25)}


# --- the search, page by page ----------------------------------------------------------------------------

@pytest.mark.parametrize("profile", ["es", "plain"])  # next pages by POST bodies, and by GET links
def test_a_catalog_is_listed_a_page_at_a_time_to_its_end(paged_catalog, profile):
    if profile == "plain":
        for item in paged_catalog.items["es"]:
            paged_catalog.add_item("plain", item)
    stores = SceneStoreSet([paged_catalog.root(profile)])
    scenes, problems, more = search_first_pages(stores, aoi=NEAR)
    assert (len(scenes), problems, len(paged_catalog.searches(profile))) == (PAGE, [], 1)
    listed = [scene.view_id for scene in scenes]
    sizes = []
    while more is not None:
        scenes, problems, more = search_more(more)
        assert problems == []
        sizes.append(len(scenes))
        listed += [scene.view_id for scene in scenes]
    assert sizes == [PAGE, 5]  # the last page says no `next`: nothing more is asked
    assert len(paged_catalog.searches(profile)) == 3
    assert sorted(listed) == sorted(NEAR_IDS)  # each scene once
    # A search of every page (mt_stats, `lbe scenes`) finds the same, all at once.
    every, _problems = SceneStoreSet([paged_catalog.root(profile)]).search(aoi=NEAR)
    assert sorted(scene.view_id for scene in every) == sorted(NEAR_IDS)


def test_folders_are_listed_whole_beside_a_catalogs_first_page(sample_store, paged_catalog):
    folder = os.path.join(sample_store, "landsat-timeseries")
    whole, _problems = SceneStoreSet([folder]).search()
    assert len(whole) > PAGE
    scenes, problems, more = search_first_pages(SceneStoreSet([folder]))
    assert ([scene.view_id for scene in scenes], problems, more) == ([scene.view_id for scene in whole], [], None)
    everywhere = {"type": "Polygon", "coordinates": [[[-179, -80], [179, -80], [179, 80], [-179, 80], [-179, -80]]]}
    in_folder, _problems = SceneStoreSet([folder]).search(aoi=everywhere)
    stores = SceneStoreSet([folder, paged_catalog.root("es")])
    scenes, problems, more = search_first_pages(stores, aoi=everywhere)
    assert problems == [] and more is not None
    assert len(in_folder) > PAGE and len(scenes) == len(in_folder) + PAGE  # every folder scene, one page


def test_a_page_that_fails_is_said_and_asked_again(paged_catalog):
    scenes, _problems, more = search_first_pages(SceneStoreSet([paged_catalog.root("es")]), aoi=NEAR)
    paged_catalog.fail_next(1, 400)  # not retried: the failure at once
    scenes, problems, again = search_more(more)
    assert scenes == [] and len(problems) == 1 and "400" in problems[0]
    assert again == more  # the same page, asked again next time
    scenes, problems, _more = search_more(again)
    assert len(scenes) == PAGE and problems == []


# --- the dock ----------------------------------------------------------------------------------------------

def use_aoi(dock, geometry: dict, folder) -> None:
    path = folder / f"aoi-{len(os.listdir(folder))}.geojson"
    path.write_text(json.dumps({"type": "Feature", "properties": {}, "geometry": geometry}))
    dock.aoi_section.use_file(str(path))


@pytest.fixture
def paged_dock(plugin, paged_catalog, tmp_path, qtbot):
    """The dock, 320 px wide, the catalog its only scene source, the AOI over 25 of its scenes."""
    PluginSettings().scene_folders = [paged_catalog.root("es")]
    dock = plugin.dock
    dock.resize(320, 1000)
    dock.show()
    qtbot.waitExposed(dock)
    use_aoi(dock, NEAR, tmp_path)
    picker = dock.scene_picker
    qtbot.waitUntil(lambda: picker.table.rowCount() == PAGE, timeout=TIMEOUT_MS)
    return dock


def list_searches(stac: StacServer) -> list:
    """The searches of the list's pages (the dock also finds the scene selected, by its tile and day)."""
    return [entry for entry in stac.searches("es") if "intersects" in (entry[3] or {})]


def listed(picker) -> list[str]:
    return [picker.table.item(row, 3).text() for row in range(picker.table.rowCount())]


def wheel_down(widget) -> None:
    """One notch of the mouse wheel, down, over `widget`."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_scrolling_near_the_end_fetches_the_next_page_once_and_the_end_is_said(paged_dock, paged_catalog, qtbot):
    picker = paged_dock.scene_picker
    more = picker.paging.button
    assert picker.status.text() == "10 scene(s) meet the area of interest so far; more in the catalog"
    assert more.isVisible() and len(list_searches(paged_catalog)) == 1
    picker.table.selectRow(1)
    chosen = picker.view_id()
    qtbot.waitUntil(picker.thumbnail.isVisible, timeout=TIMEOUT_MS)
    thumbnails = len([entry for entry in paged_catalog.log if entry[1].endswith("thumbnail.jpg")])
    before = listed(picker)

    bar = picker.table.verticalScrollBar()
    assert bar.maximum() > 0  # a first page fills more than the list shows
    notches = 0
    while more.isEnabled():  # until a page is being fetched
        assert notches <= bar.maximum(), "scrolled to the end and no page was fetched"
        wheel_down(picker.table.viewport())
        notches += 1
    assert picker.status.text() == "10 scene(s) meet the area of interest so far; fetching more…"
    wheel_down(picker.table.viewport())  # while a page is under way, scrolling asks for nothing more
    qtbot.waitUntil(lambda: picker.table.rowCount() == 2 * PAGE, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: QgsApplication.taskManager().countActiveTasks() == 0, timeout=TIMEOUT_MS)
    assert picker.status.text() == "20 scene(s) meet the area of interest so far; more in the catalog"
    assert len(list_searches(paged_catalog)) == 2
    # The rows added: each once; the selection, its view_id and its thumbnail stay.
    rows = listed(picker)
    assert rows[:PAGE] == before and len(set(rows)) == 2 * PAGE and set(rows) <= NEAR_IDS
    assert picker.view_id() == chosen and [listed(picker)[index.row()] for index in
                                           picker.table.selectionModel().selectedRows()] == [chosen]
    assert picker.thumbnail.isVisible()
    assert len([entry for entry in paged_catalog.log if entry[1].endswith("thumbnail.jpg")]) == thumbnails

    # "More scenes" fetches the last page; the list says the catalog has no more.
    QTest.mouseClick(more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: picker.table.rowCount() == 25, timeout=TIMEOUT_MS)
    assert picker.status.text() == "25 scene(s) meet the area of interest; the end of the catalog"
    assert sorted(listed(picker)) == sorted(NEAR_IDS) and not more.isVisible()
    assert len(list_searches(paged_catalog)) == 3
    picker.show_footprints.setChecked(True)  # every scene's footprint, pages added too
    assert picker._footprints is not None and picker._footprints.asGeometry().constGet().numGeometries() == 25


def test_a_change_of_aoi_during_a_page_fetch_drops_the_late_page(paged_dock, paged_catalog, qtbot, tmp_path):
    picker = paged_dock.scene_picker
    paged_catalog.hold_pages = threading.Event()
    try:
        QTest.mouseClick(picker.paging.button, Qt.MouseButton.LeftButton)
        assert picker.status.text() == "10 scene(s) meet the area of interest so far; fetching more…"
        qtbot.waitUntil(lambda: len(list_searches(paged_catalog)) == 2, timeout=TIMEOUT_MS)  # under way
        page_task = paged_dock.scene_search.page_task
        use_aoi(paged_dock, FAR, tmp_path)
        assert page_task.isCanceled() and not picker.paging.button.isVisible()
        far = sorted(view_id(day, "34TDL") for day in range(25, 28))
        qtbot.waitUntil(lambda: sorted(listed(picker)) == far, timeout=TIMEOUT_MS)
    finally:
        paged_catalog.hold_pages.set()  # the old page answers now: late
    qtbot.waitUntil(lambda: QgsApplication.taskManager().countActiveTasks() == 0, timeout=TIMEOUT_MS)
    QgsApplication.processEvents()
    assert sorted(listed(picker)) == far
    assert picker.status.text() == "3 scene(s) meet the area of interest"


def test_a_page_that_fails_is_said_in_the_status_line_and_fetched_again(paged_dock, paged_catalog, qtbot):
    picker = paged_dock.scene_picker
    paged_catalog.fail_next(1, 400)
    QTest.mouseClick(picker.paging.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "400" in picker.status.text(), timeout=TIMEOUT_MS)
    assert picker.status.text().startswith("10 scene(s) meet the area of interest so far; more in the catalog · ")
    assert picker.table.rowCount() == PAGE and picker.paging.button.isEnabled()
    QTest.mouseClick(picker.paging.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: picker.table.rowCount() == 2 * PAGE, timeout=TIMEOUT_MS)
    assert picker.status.text() == "20 scene(s) meet the area of interest so far; more in the catalog"


def test_a_page_reaching_back_among_listed_dates_is_merged_in_date_order(plugin, sample_store, qtbot):
    """Folders list every scene at once beside a catalog's first page: a later page may hold dates
    between those listed. The list stays newest first, the scene selected stays selected."""
    folder = os.path.join(sample_store, "landsat-timeseries")
    every, _problems = SceneStoreSet([folder]).search()
    every = sorted(every, key=lambda scene: (scene.date, scene.view_id), reverse=True)
    assert len(every) > 6
    picker = plugin.dock.scene_picker
    first, later = every[::2], every[1::2]  # the later page's dates fall between the listed ones
    picker.set_scenes(first, [], more=True)
    picker.table.selectRow(2)
    selected = first[2].view_id
    assert picker.view_id() == selected
    picker.add_scenes(later, [], more=False)
    dates = [picker.table.item(row, 0).text() for row in range(picker.table.rowCount())]
    assert picker.table.rowCount() == len(every)
    assert dates == sorted(dates, reverse=True)
    assert [scene.view_id for scene in picker.scenes] == [scene.view_id for scene in every]
    rows = picker.table.selectionModel().selectedRows()
    assert [picker.scenes[index.row()].view_id for index in rows] == [selected]
    assert picker.view_id() == selected
