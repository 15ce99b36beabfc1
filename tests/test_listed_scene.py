"""Local and remote scenes are both a core.scenes.ListedScene: the scene picker and the dock read
either through it, without probing for attributes."""

from __future__ import annotations

import datetime as dt

from load_by_extent.core.remote.search import RemoteScene
from load_by_extent.core.scenes import ListedScene, Scene
from load_by_extent.core.sensors import parse_view_id

VIEW_ID = "S2/33/U/UU/2017/2/16/0"
MEMBERS = [name for name in vars(ListedScene) if not name.startswith("_")]


def local_scene(band_files: dict[str, str]) -> Scene:
    return Scene(parse_view_id(VIEW_ID), band_files, product_level="L1C", cloud_cover=12.0)


def remote_scene() -> RemoteScene:
    return RemoteScene(VIEW_ID, parse_view_id(VIEW_ID), "S2A_tile", dt.date(2017, 2, 16), 12.0, None, "sentinel2")


def test_the_protocol_names_what_the_picker_reads():
    assert sorted(MEMBERS) == sorted(["view_id", "sensor", "date", "cloud_cover", "product_level", "bands",
                                      "footprint", "summary"])


def test_both_scenes_have_every_member():
    for scene in (local_scene({"B04": "/b04.jp2"}), remote_scene()):
        missing = [name for name in MEMBERS if not hasattr(scene, name)]
        assert missing == [], type(scene).__name__
        assert scene.view_id == VIEW_ID and scene.date == dt.date(2017, 2, 16) and scene.cloud_cover == 12.0


def test_bands_are_those_of_the_folders_or_unknown():
    assert local_scene({"B04": "/b04.jp2", "B03": "/b03.jp2"}).bands == ("B04", "B03")
    assert local_scene({}).bands is None  # nothing to offer: the picker shows the sensor's bands
    assert remote_scene().bands is None  # the search does not say
