"""The dock's predicted result for a crop (`lbe`, one scene per view_id) says when the AOI leaves the
scene's footprint and which listed scenes of the same day hold the rest
(core/local/observations.beyond_scene_note), from the scene picker's list: no search of its own."""

from __future__ import annotations

import json

import pytest
from test_dock import choose_preset, listed_view_ids, wait_for_listed
from test_tile_borders import ACROSS, EAST, INSIDE_WEST, WEST, aoi, make_s2_store

pytestmark = pytest.mark.sample_data


@pytest.fixture
def border_dock(isolated_settings, sample_store, output_folder, make_plugin, tmp_path):
    from load_by_extent.services.settings import PluginSettings

    settings = PluginSettings()
    settings.scene_folders = [make_s2_store(sample_store, tmp_path / "tiles", EAST)]
    settings.output_folder = output_folder
    return make_plugin().dock


def use_aoi(dock, tmp_path, ring, name: str) -> None:
    path = tmp_path / f"{name}.geojson"
    feature = {"type": "Feature", "properties": {}, "geometry": aoi(ring)}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    dock.aoi_section.use_file(str(path))


def pick(dock, view_id: str) -> None:
    table = dock.scene_picker.table
    table.clearSelection()
    table.selectRow(listed_view_ids(dock).index(view_id))
    assert dock.scene_picker.view_id() == view_id


def test_the_crop_prediction_names_the_same_day_scenes_that_hold_the_rest(border_dock, qtbot, tmp_path):
    dock = border_dock
    choose_preset(dock, "true_colour")
    use_aoi(dock, tmp_path, ACROSS, "across")
    wait_for_listed(qtbot, dock, [EAST, WEST])  # newest first, then by view_id, descending

    pick(dock, WEST)
    first, beyond = dock.prediction_label.text().split("\n")
    assert first == "→ one GeoTIFF, 3 band(s) at 10 m"
    assert "leaves this scene" in beyond and f"the rest is in {EAST} (same day)" in beyond
    pick(dock, EAST)
    assert f"the rest is in {WEST} (same day)" in dock.prediction_label.text()

    use_aoi(dock, tmp_path, INSIDE_WEST, "inside")
    wait_for_listed(qtbot, dock, [WEST])
    pick(dock, WEST)
    assert dock.prediction_label.text() == "→ one GeoTIFF, 3 band(s) at 10 m"  # nothing beyond it


def test_an_aoi_beyond_every_listed_scene_says_no_scene_holds_the_rest(border_dock, qtbot, tmp_path):
    dock = border_dock
    choose_preset(dock, "true_colour")
    # From the western tile into columns no tile has (east of column 1536).
    use_aoi(dock, tmp_path, [(1400.3, 200.2), (1700.6, 230.7), (1650.2, 420.4), (1420.8, 400.1)], "beyond")
    wait_for_listed(qtbot, dock, [EAST])
    pick(dock, EAST)
    assert "no listed scene of the same day holds the rest" in dock.prediction_label.text()
