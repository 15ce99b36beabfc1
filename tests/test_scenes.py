"""The scene store (core/scenes.py): every layout it recognises, find, search, footprints, and the real sample store."""

from __future__ import annotations

import datetime as dt
import json
import os

import numpy as np
import pytest
from load_by_extent.core import api_rules
from load_by_extent.core.errors import DataError, RequestError, SceneNotFoundError
from load_by_extent.core.scenes import (
    LAYOUT_LANDSAT,
    LAYOUT_S2_FILES,
    LAYOUT_SAFE,
    LAYOUT_VIEW_ID_FOLDER,
    SceneStore,
)
from osgeo import gdal, ogr
from rasters import polygon_from_utm, utm_to_lonlat, write_raster

S2_VIEW_ID = "S2/33/U/UU/2017/2/16/0"
S2_TILE_DIR = os.path.join("tiles", "33", "U", "UU", "2017", "2", "16", "0")
S2_STEM = "T33UUU_20170216T102101"
L1C_SAFE = "S2A_MSIL1C_20170216T102101_N0204_R065_T33UUU_20170216T102204.SAFE"
L1C_GRANULE = "L1C_T33UUU_A008642_20170216T102204"
L2A_SAFE = "S2A_MSIL2A_20170216T102101_N0204_R065_T33UUU_20170216T102204.SAFE"
L2A_GRANULE = "L2A_T33UUU_A008642_20170216T102204"
L8_ID = "LC80200392015216LGN00"
MODIS_VIEW_ID = "MODIS/12/04/2017204/2017213034223"

SUMMARY_KEYS = {"view_id", "sensor", "product_level", "date", "cloud_cover", "bands", "layout", "footprint"}


def band(
    path, driver: str = "GTiff", epsg: int = 32633, origin=(500000.0, 5800000.0), pixel: float = 10.0, shape=(10, 20)
) -> str:
    """A tiny georeferenced one-band raster (20 x 10 px by default)."""
    geotransform = (origin[0], pixel, 0.0, origin[1], 0.0, -pixel)
    array = np.arange(shape[0] * shape[1], dtype=np.uint16).reshape(shape)
    return write_raster(str(path), array, geotransform, epsg, None, driver)


def text(path, content: str) -> str:
    os.makedirs(os.path.dirname(str(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(content)
    return str(path)


def only_scene(root) -> object:
    scenes = SceneStore(str(root)).scenes()
    assert len(scenes) == 1, [s.view_id for s in scenes]
    return scenes[0]


def lonlat(x: float, y: float, epsg: int = 32633) -> tuple[float, float]:
    """An independent projected -> lon/lat transform."""
    lon, lat = utm_to_lonlat([(x, y)], epsg)[0]
    return lon, lat


def ring_has_point(footprint: dict, lon: float, lat: float, tolerance: float = 1e-7) -> bool:
    return any(abs(p[0] - lon) < tolerance and abs(p[1] - lat) < tolerance for p in footprint["coordinates"][0])


# --- Sentinel-2 tile layout ----------------------------------------------------------------------


def test_tile_layout_bands_metadata_and_cloud_from_tileinfo(tmp_path):
    folder = tmp_path / S2_TILE_DIR
    band(folder / "B02.jp2", driver="JP2OpenJPEG")
    band(folder / "B03.tif")
    band(folder / "B8A.jp2", pixel=20.0)  # a GeoTIFF named .jp2
    metadata = text(folder / "metadata.xml", "<Level-1C_Tile_ID><General_Info/></Level-1C_Tile_ID>")
    tile_info = text(
        folder / "tileInfo.json", json.dumps({"cloudyPixelPercentage": 12.5, "dataCoveragePercentage": 100})
    )
    product_info = text(folder / "productInfo.json", json.dumps({"name": "S2A_MSIL1C_20170216T102101"}))
    text(folder / "preview.jpg", "not a band")

    scene = only_scene(tmp_path)

    assert scene.view_id == S2_VIEW_ID
    assert scene.sensor.code == "S2"
    assert scene.layout == LAYOUT_VIEW_ID_FOLDER
    assert scene.date == dt.date(2017, 2, 16)
    assert scene.product_level == "L1C"
    assert list(scene.band_files) == ["B02", "B03", "B8A"]
    assert scene.band_path("B02") == str(folder / "B02.jp2")
    assert scene.band_path("B03") == str(folder / "B03.tif")
    assert set(scene.tile_metadata) == {metadata, tile_info}
    assert scene.product_metadata == (product_info,)
    assert scene.cloud_cover == 12.5


def test_tile_layout_cloud_cover_from_metadata_xml(tmp_path):
    folder = tmp_path / S2_TILE_DIR
    band(folder / "B04.jp2")
    text(
        folder / "metadata.xml",
        "<n1:Level-1C_Tile_ID><n1:Quality_Indicators_Info><Image_Content_QI>\n"
        "  <CLOUDY_PIXEL_PERCENTAGE>33.25</CLOUDY_PIXEL_PERCENTAGE>\n"
        "</Image_Content_QI></n1:Quality_Indicators_Info></n1:Level-1C_Tile_ID>\n",
    )
    scene = only_scene(tmp_path)
    assert scene.cloud_cover == 33.25
    assert scene.product_metadata == ()


def test_tile_layout_without_metadata_has_unknown_cloud_cover(tmp_path):
    band(tmp_path / S2_TILE_DIR / "B04.jp2")
    scene = only_scene(tmp_path)
    assert scene.cloud_cover is None
    assert scene.tile_metadata == () and scene.product_metadata == ()


def test_tile_layout_takes_every_metadata_file_the_api_rules_name_as_their_kind(tmp_path):
    folder = tmp_path / S2_TILE_DIR
    band(folder / "B04.jp2")
    tile = {text(folder / name, "{}") for name in api_rules.SENTINEL2_TILE_METADATA_NAMES}
    product = {text(folder / name, "{}") for name in api_rules.SENTINEL2_PRODUCT_METADATA_NAMES}
    scene = only_scene(tmp_path)
    assert set(scene.metadata_files(api_rules.TILE_METADATA)) == tile == set(scene.tile_metadata)
    assert set(scene.metadata_files(api_rules.PRODUCT_METADATA)) == product == set(scene.product_metadata)


def test_tile_layout_level_2a_takes_each_band_at_native_resolution(tmp_path):
    folder = tmp_path / S2_TILE_DIR
    band(folder / "R10m" / "B02.jp2", driver="JP2OpenJPEG")
    band(folder / "R10m" / "B04.jp2")
    band(folder / "R20m" / "B02.jp2", pixel=20.0)
    band(folder / "R20m" / "B05.jp2", pixel=20.0)
    band(folder / "R20m" / "SCL.jp2", pixel=20.0)
    band(folder / "R60m" / "B01.jp2", pixel=60.0)
    band(folder / "R60m" / "B02.jp2", pixel=60.0)
    band(folder / "R60m" / "B05.jp2", pixel=60.0)
    tile_info = text(folder / "tileInfo.json", '{"cloudyPixelPercentage": 4.0}')

    scene = only_scene(tmp_path)

    assert scene.view_id == S2_VIEW_ID
    assert scene.product_level == "L2A"
    assert scene.band_path("B02") == str(folder / "R10m" / "B02.jp2")
    assert scene.band_path("B04") == str(folder / "R10m" / "B04.jp2")
    assert scene.band_path("B05") == str(folder / "R20m" / "B05.jp2")
    assert scene.band_path("SCL") == str(folder / "R20m" / "SCL.jp2")
    assert scene.band_path("B01") == str(folder / "R60m" / "B01.jp2")
    assert scene.tile_metadata == (tile_info,)
    assert scene.cloud_cover == 4.0
    store = SceneStore(str(tmp_path))
    assert [s.view_id for s in store.search(sensors=["S2L2A"])] == [S2_VIEW_ID]
    assert store.search(sensors=["sentinel2l1c"]) == []


# --- SAFE products ----------------------------------------------------------------------------------


def make_l1c_safe(
    root, stem: str = S2_STEM, safe: str = L1C_SAFE, granule: str = L1C_GRANULE, cloud: str = "7.5"
) -> dict:
    base = root / safe
    img = base / "GRANULE" / granule / "IMG_DATA"
    paths = {
        "B02": band(img / f"{stem}_B02.jp2", driver="JP2OpenJPEG"),
        "B04": band(img / f"{stem}_B04.jp2"),
        "B8A": band(img / f"{stem}_B8A.jp2", pixel=20.0),
        "tile": text(base / "GRANULE" / granule / "MTD_TL.xml", "<n1:Level-1C_Tile_ID/>"),
        "product": text(
            base / "MTD_MSIL1C.xml",
            f"<n1:Level-1C_User_Product><Quality_Indicators_Info><Cloud_Coverage_Assessment>{cloud}"
            "</Cloud_Coverage_Assessment></Quality_Indicators_Info></n1:Level-1C_User_Product>",
        ),
    }
    text(img / f"{stem}_PVI.jp2", "preview")  # not a band
    return paths


def test_safe_level_1c(tmp_path):
    paths = make_l1c_safe(tmp_path)
    scene = only_scene(tmp_path)
    assert scene.view_id == S2_VIEW_ID
    assert scene.layout == LAYOUT_SAFE
    assert scene.product_level == "L1C"
    assert scene.band_files == {"B02": paths["B02"], "B04": paths["B04"], "B8A": paths["B8A"]}
    assert scene.tile_metadata == (paths["tile"],)
    assert scene.product_metadata == (paths["product"],)
    assert scene.cloud_cover == 7.5


def test_safe_level_2a_takes_each_band_at_native_resolution(tmp_path):
    base = tmp_path / L2A_SAFE
    granule = base / "GRANULE" / L2A_GRANULE
    img = granule / "IMG_DATA"
    b02_10 = band(img / "R10m" / f"{S2_STEM}_B02_10m.jp2", driver="JP2OpenJPEG")
    band(img / "R20m" / f"{S2_STEM}_B02_20m.jp2", pixel=20.0)
    b05_20 = band(img / "R20m" / f"{S2_STEM}_B05_20m.jp2", pixel=20.0)
    scl_20 = band(img / "R20m" / f"{S2_STEM}_SCL_20m.jp2", pixel=20.0)
    band(img / "R60m" / f"{S2_STEM}_B02_60m.jp2", pixel=60.0)
    b01_60 = band(img / "R60m" / f"{S2_STEM}_B01_60m.jp2", pixel=60.0)
    band(img / "R60m" / f"{S2_STEM}_SCL_60m.jp2", pixel=60.0)
    tile_md = text(granule / "MTD_TL.xml", "<n1:Level-2A_Tile_ID/>")
    product_md = text(base / "MTD_MSIL2A.xml", "<Cloud_Coverage_Assessment>21.0</Cloud_Coverage_Assessment>")

    scene = only_scene(tmp_path)

    assert scene.view_id == S2_VIEW_ID
    assert scene.layout == LAYOUT_SAFE
    assert scene.product_level == "L2A"
    assert scene.band_files == {"B01": b01_60, "B02": b02_10, "B05": b05_20, "SCL": scl_20}
    assert scene.tile_metadata == (tile_md,)
    assert scene.product_metadata == (product_md,)
    assert scene.cloud_cover == 21.0


def test_two_same_day_safe_acquisitions_are_numbered_in_sensing_time_order(tmp_path):
    # The later acquisition's product sorts first by name: numbering must follow sensing time.
    late = make_l1c_safe(
        tmp_path,
        stem="T33UUU_20170216T140000",
        safe="A_S2B_MSIL1C_20170216T140000_N0204_R067_T33UUU_20170216T141000.SAFE",
        granule="L1C_T33UUU_A000001_20170216T141000",
    )
    early = make_l1c_safe(tmp_path, safe="B_" + L1C_SAFE)
    store = SceneStore(str(tmp_path))
    assert sorted(s.view_id for s in store.scenes()) == ["S2/33/U/UU/2017/2/16/0", "S2/33/U/UU/2017/2/16/1"]
    assert store.find("S2/33/U/UU/2017/2/16/0").band_path("B02") == early["B02"]
    assert store.find("S2/33/U/UU/2017/2/16/1").band_path("B02") == late["B02"]


# --- loose Sentinel-2 files -------------------------------------------------------------------------


def test_loose_sentinel2_files(tmp_path):
    folder = tmp_path / "downloads" / "IMG_DATA"
    b02 = band(folder / f"{S2_STEM}_B02.jp2", driver="JP2OpenJPEG")
    b11 = band(folder / f"{S2_STEM}_B11.tif", pixel=20.0)
    text(folder / f"{S2_STEM}_B02.txt", "not a raster extension")
    scene = only_scene(tmp_path)
    assert scene.view_id == S2_VIEW_ID
    assert scene.layout == LAYOUT_S2_FILES
    assert scene.product_level == "L1C"
    assert scene.band_files == {"B02": b02, "B11": b11}
    assert scene.cloud_cover is None


def test_loose_files_of_two_same_day_acquisitions(tmp_path):
    early = band(tmp_path / "T33UUU_20170216T102101_B04.jp2")
    late = band(tmp_path / "T33UUU_20170216T115959_B04.jp2")
    store = SceneStore(str(tmp_path))
    assert store.find("S2/33/U/UU/2017/2/16/0").band_path("B04") == early
    assert store.find("S2/33/U/UU/2017/2/16/1").band_path("B04") == late
    assert len(store.scenes()) == 2


def test_loose_level_2a_files_in_resolution_folders_are_one_scene(tmp_path):
    # IMG_DATA of a Level-2A product copied out of its .SAFE folder: one acquisition, one scene.
    img = tmp_path / "IMG_DATA"
    b02 = band(img / "R10m" / f"{S2_STEM}_B02_10m.jp2")
    band(img / "R20m" / f"{S2_STEM}_B02_20m.jp2", pixel=20.0)
    b05 = band(img / "R20m" / f"{S2_STEM}_B05_20m.jp2", pixel=20.0)
    scl = band(img / "R20m" / f"{S2_STEM}_SCL_20m.jp2", pixel=20.0)
    b01 = band(img / "R60m" / f"{S2_STEM}_B01_60m.jp2", pixel=60.0)
    store = SceneStore(str(tmp_path))
    assert [s.view_id for s in store.scenes()] == [S2_VIEW_ID]
    scene = store.find(S2_VIEW_ID)
    assert scene.product_level == "L2A"
    assert scene.band_files == {"B01": b01, "B02": b02, "B05": b05, "SCL": scl}


def test_same_day_acquisitions_in_different_layouts_get_different_sequences(tmp_path):
    early = make_l1c_safe(tmp_path)
    late = band(tmp_path / "loose" / "T33UUU_20170216T140000_B02.jp2")
    store = SceneStore(str(tmp_path))
    assert sorted(s.view_id for s in store.scenes()) == ["S2/33/U/UU/2017/2/16/0", "S2/33/U/UU/2017/2/16/1"]
    assert store.find("S2/33/U/UU/2017/2/16/0").band_path("B02") == early["B02"]
    assert store.find("S2/33/U/UU/2017/2/16/1").band_path("B02") == late


def test_one_scene_in_two_layouts_is_listed_once_preferring_the_tile_layout(tmp_path):
    tile_b02 = band(tmp_path / S2_TILE_DIR / "B02.jp2")
    band(tmp_path / "loose" / f"{S2_STEM}_B02.jp2")
    make_l1c_safe(tmp_path / "safe")
    scene = only_scene(tmp_path)
    assert scene.layout == LAYOUT_VIEW_ID_FOLDER
    assert scene.band_path("B02") == tile_b02


# --- Landsat files ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("relative", "view_id", "band_name", "code", "date"),
    [
        ("a/b/c/LC80200392015216LGN00_B4.TIF", "L8/LC80200392015216LGN00", "B4", "L8", dt.date(2015, 8, 4)),
        ("LE70350322008118EDC00_b3.tif", "L7/LE70350322008118EDC00", "B3", "L7", dt.date(2008, 4, 27)),
        ("x/LT50350322008110PAC01_fmask.tif", "L5/LT50350322008110PAC01", "FMASK", "L5", dt.date(2008, 4, 19)),
        (
            "c2/LC08_L2SP_224078_20200518_20200823_02_T1_SR_B4.TIF",
            "L8/LC08_L2SP_224078_20200518_20200823_02_T1",
            "B4",
            "L8",
            dt.date(2020, 5, 18),
        ),
        (
            "LC09_L1TP_224078_20220301_20220301_02_T1_QA_PIXEL.TIF",
            "L9/LC09_L1TP_224078_20220301_20220301_02_T1",
            "QA_PIXEL",
            "L9",
            dt.date(2022, 3, 1),
        ),
        (
            "LE07_L2SP_035032_20080427_20200914_02_T1_SR_B3.TIF",
            "L7/LE07_L2SP_035032_20080427_20200914_02_T1",
            "B3",
            "L7",
            dt.date(2008, 4, 27),
        ),
        (
            "deep/er/LT05_L1TP_035032_20080419_20200829_02_T1_B6.TIF",
            "L5/LT05_L1TP_035032_20080419_20200829_02_T1",
            "B6",
            "L5",
            dt.date(2008, 4, 19),
        ),
        (
            "LC08_L1TP_020039_20150804_20170226_01_T1_BQA.TIF",
            "L8/LC08_L1TP_020039_20150804_20170226_01_T1",
            "BQA",
            "L8",
            dt.date(2015, 8, 4),
        ),
    ],
)
def test_landsat_files_at_any_depth(tmp_path, relative, view_id, band_name, code, date):
    path = band(tmp_path / relative, epsg=32616)
    scene = only_scene(tmp_path)
    assert scene.view_id == view_id
    assert scene.layout == LAYOUT_LANDSAT
    assert scene.sensor.code == code
    assert scene.date == date
    assert scene.band_files == {band_name: path}
    assert scene.product_level is None


def test_landsat_scene_bands_and_mtl(tmp_path):
    folder = tmp_path / "landsat8" / L8_ID
    paths = {name: band(folder / f"{L8_ID}_{name}.TIF", epsg=32616) for name in ("B4", "B5", "B8", "BQA")}
    text(folder / f"{L8_ID}_ANG.txt", "angles")
    band(folder / f"{L8_ID}_SAA.TIF", epsg=32616)  # not a band of the sensor
    mtl = text(
        folder / f"{L8_ID}_MTL.txt",
        "GROUP = L1_METADATA_FILE\n  GROUP = IMAGE_ATTRIBUTES\n    CLOUD_COVER = 11.08\n"
        "    CLOUD_COVER_LAND = 3.00\n  END_GROUP = IMAGE_ATTRIBUTES\nEND_GROUP = L1_METADATA_FILE\nEND\n",
    )
    scene = only_scene(tmp_path)
    assert scene.view_id == f"L8/{L8_ID}"
    assert scene.band_files == paths
    assert list(scene.band_files) == ["B4", "B5", "B8", "BQA"]
    assert scene.tile_metadata == (mtl,)
    assert scene.product_metadata == (mtl,)
    assert scene.cloud_cover == 11.08


def test_landsat_collection2_names_and_unknown_cloud_cover(tmp_path):
    scene_id = "LC08_L2SP_224078_20200518_20200823_02_T1"
    sr_b4 = band(tmp_path / f"{scene_id}_SR_B4.TIF", epsg=32616)
    st_b10 = band(tmp_path / f"{scene_id}_ST_B10.TIF", epsg=32616)
    qa = band(tmp_path / f"{scene_id}_QA_PIXEL.TIF", epsg=32616)
    text(tmp_path / f"{scene_id}_MTL.txt", "    CLOUD_COVER = -1\n    CLOUD_COVER_LAND = -1\n")
    scene = only_scene(tmp_path)
    assert scene.band_files == {"B4": sr_b4, "B10": st_b10, "QA_PIXEL": qa}
    assert scene.cloud_cover is None
    assert len(scene.tile_metadata) == 1


def test_lower_case_landsat_timeseries_files(tmp_path):
    scene_id = "LE70350322008118EDC00"
    for suffix in ("b3", "b4", "b5", "fmask"):
        band(tmp_path / scene_id / f"{scene_id}_{suffix}.tif", epsg=32613)
    scene = only_scene(tmp_path)
    assert scene.view_id == f"L7/{scene_id}"
    assert list(scene.band_files) == ["B3", "B4", "B5", "FMASK"]
    assert scene.cloud_cover is None


# --- view_id folders in general ------------------------------------------------------------------------


def test_modis_view_id_folder(tmp_path):
    folder = tmp_path / "store" / "MODIS" / "12" / "04" / "2017204" / "2017213034223"
    b01 = band(folder / "B01.TIF", pixel=500.0)
    b02 = band(folder / "B02.TIF", pixel=500.0)
    scene = only_scene(tmp_path)
    assert scene.view_id == MODIS_VIEW_ID
    assert scene.sensor.code == "MODIS"
    assert scene.layout == LAYOUT_VIEW_ID_FOLDER
    assert scene.date == dt.date(2017, 7, 23)
    assert scene.band_files == {"B01": b01, "B02": b02}


def test_landsat_view_id_folder(tmp_path):
    folder = tmp_path / "L8" / L8_ID
    b4 = band(folder / "B4.TIF", epsg=32616)
    qa = band(folder / "qa_pixel.tif", epsg=32616)
    scene = only_scene(tmp_path)
    assert scene.view_id == f"L8/{L8_ID}"
    assert scene.layout == LAYOUT_VIEW_ID_FOLDER
    assert scene.band_files == {"B4": b4, "QA_PIXEL": qa}


def test_folders_that_are_not_view_ids_are_ignored(tmp_path):
    band(tmp_path / "tiles" / "33" / "U" / "UU" / "2017" / "02" / "16" / "0" / "B02.jp2")  # zero-padded month
    band(tmp_path / "MODIS" / "99" / "04" / "2017204" / "2017213034223" / "B01.TIF")  # outside the grid
    band(tmp_path / "random" / "B02.jp2")
    assert SceneStore(str(tmp_path)).scenes() == []


# --- recognition by content ------------------------------------------------------------------------------


def test_geotiff_named_jp2_opens_by_content(tmp_path):
    path = band(tmp_path / S2_TILE_DIR / "B02.jp2", driver="GTiff")
    assert gdal.Open(path).GetDriver().ShortName == "GTiff"
    footprint = only_scene(tmp_path).footprint()
    assert footprint["type"] == "Polygon"
    assert ring_has_point(footprint, *lonlat(500000.0, 5800000.0))


def test_real_jpeg2000_band_has_a_footprint(tmp_path):
    path = band(tmp_path / f"{S2_STEM}_B02.jp2", driver="JP2OpenJPEG")
    assert gdal.Open(path).GetDriver().ShortName in ("JP2OpenJPEG", "JPEG2000", "JP2KAK", "JP2ECW")
    footprint = only_scene(tmp_path).footprint()
    assert ring_has_point(footprint, *lonlat(500200.0, 5799900.0))


def test_text_file_named_like_a_band_is_indexed_but_a_search_leaves_it_out_naming_it(tmp_path):
    path = text(tmp_path / S2_TILE_DIR / "B02.jp2", "<html>404 Not Found</html>\n")
    scene = only_scene(tmp_path)
    assert scene.band_files == {"B02": path}
    with pytest.raises(DataError) as raised:
        scene.footprint()
    assert path in str(raised.value)
    with pytest.raises(DataError):
        scene.summary()
    problems: list[str] = []
    found = SceneStore(str(tmp_path)).search(
        aoi=polygon_from_utm([(500000, 5800000), (500100, 5800000), (500100, 5799900)]), problems=problems
    )
    assert found == []
    assert problems[0].startswith(f"cannot read {path}: ") and "left out" in problems[1]


def test_unreadable_band_raises_data_error_even_with_gdal_exceptions_on(tmp_path):
    path = text(tmp_path / f"{S2_STEM}_B02.jp2", "")
    scene = only_scene(tmp_path)
    was_on = gdal.GetUseExceptions()
    gdal.UseExceptions()
    try:
        with pytest.raises(DataError) as raised:
            scene.footprint()
    finally:
        if not was_on:
            gdal.DontUseExceptions()
    assert path in str(raised.value)


def test_truncated_geotiff_raises_data_error(tmp_path):
    source = band(tmp_path / "source.tif")
    with open(source, "rb") as stream:
        head = stream.read(64)
    path = str(tmp_path / "store" / f"{S2_STEM}_B02.tif")
    os.makedirs(os.path.dirname(path))
    with open(path, "wb") as stream:
        stream.write(head)
    scene = only_scene(tmp_path / "store")
    with pytest.raises(DataError) as raised:
        scene.footprint()
    assert path in str(raised.value)


def test_raster_without_georeferencing_raises_data_error(tmp_path):
    path = str(tmp_path / S2_TILE_DIR / "B02.tif")
    os.makedirs(os.path.dirname(path))
    dataset = gdal.GetDriverByName("GTiff").Create(path, 20, 10, 1, gdal.GDT_Byte)
    dataset.FlushCache()
    del dataset
    with pytest.raises(DataError) as raised:
        only_scene(tmp_path).footprint()
    assert path in str(raised.value)


# --- find -------------------------------------------------------------------------------------------------


@pytest.fixture
def mixed_store(tmp_path) -> SceneStore:
    """A Sentinel-2 tile in zone 33, a Landsat 8 scene in zone 16, a MODIS tile elsewhere in zone 33."""
    tile = tmp_path / S2_TILE_DIR
    band(tile / "B02.jp2")
    band(tile / "B01.jp2", origin=(499000.0, 5801000.0), pixel=60.0)  # a coarser band covering more
    text(tile / "tileInfo.json", '{"cloudyPixelPercentage": 12.5}')
    landsat = tmp_path / "landsat" / L8_ID
    band(landsat / f"{L8_ID}_B4.TIF", epsg=32616, origin=(360000.0, 3400000.0), pixel=30.0)
    text(landsat / f"{L8_ID}_MTL.txt", "CLOUD_COVER = 11.08\n")
    modis = tmp_path / MODIS_VIEW_ID
    band(modis / "B01.TIF", origin=(700000.0, 5000000.0), pixel=500.0)
    return SceneStore(str(tmp_path))


def test_find_by_canonical_and_bare_landsat_ids(mixed_store):
    assert mixed_store.find(S2_VIEW_ID).view_id == S2_VIEW_ID
    assert mixed_store.find(f"L8/{L8_ID}").view_id == f"L8/{L8_ID}"
    assert mixed_store.find(L8_ID).view_id == f"L8/{L8_ID}"
    assert mixed_store.find(f"  {MODIS_VIEW_ID} ").view_id == MODIS_VIEW_ID


def test_find_by_the_level_2a_form_of_the_view_id(mixed_store, tmp_path):
    # mixed_store's tile has no SCL: a Level-1C product, which S2L2A/... does not name
    l2a = S2_VIEW_ID.replace("S2/", "S2L2A/", 1)
    with pytest.raises(SceneNotFoundError) as raised:
        mixed_store.find(l2a)
    assert l2a in str(raised.value)
    band(tmp_path / S2_TILE_DIR / "SCL.jp2")
    mixed_store.refresh()
    assert mixed_store.find(l2a).view_id == S2_VIEW_ID
    assert mixed_store.find(l2a).product_level == "L2A"


def test_find_missing_scene_names_the_view_id(mixed_store):
    missing = "S2/33/U/UU/2017/2/17/0"
    with pytest.raises(SceneNotFoundError) as raised:
        mixed_store.find(missing)
    assert missing in str(raised.value)
    assert raised.value.view_id == missing
    with pytest.raises(SceneNotFoundError) as raised:
        mixed_store.find("LC80200392015217LGN00")
    assert "LC80200392015217LGN00" in str(raised.value)


def test_find_rejects_a_malformed_view_id(mixed_store):
    with pytest.raises(RequestError):
        mixed_store.find("S2/33/U/UU/2017/02/16/0")


def test_find_landsat9_scene_by_either_prefix(tmp_path):
    # The API serves Landsat 9 scenes next to Landsat 8 ones: L8/LC09... and L9/LC09... name the same scene.
    scene_id = "LC09_L1TP_224078_20220301_20220301_02_T1"
    band(tmp_path / f"{scene_id}_B4.TIF", epsg=32622)
    store = SceneStore(str(tmp_path))
    assert store.find(f"L9/{scene_id}").sensor.code == "L9"
    assert store.find(scene_id).sensor.code == "L9"
    assert store.find(f"L8/{scene_id}").band_path("B4").endswith("_B4.TIF")


def test_store_folder_that_does_not_exist_raises_data_error(tmp_path):
    store = SceneStore(str(tmp_path / "nowhere"))
    with pytest.raises(DataError) as raised:
        store.scenes()
    assert "nowhere" in str(raised.value)
    with pytest.raises(DataError):
        store.find(S2_VIEW_ID)
    with pytest.raises(DataError):
        store.search()


def test_refresh_sees_new_scenes(tmp_path):
    store = SceneStore(str(tmp_path))
    assert store.scenes() == []
    band(tmp_path / f"{S2_STEM}_B02.jp2")
    assert store.scenes() == []  # cached
    store.refresh()
    assert [s.view_id for s in store.scenes()] == [S2_VIEW_ID]


@pytest.mark.timeout(60)
def test_symlink_loops_do_not_hang(tmp_path):
    folder = tmp_path / S2_TILE_DIR
    band(folder / "B02.jp2")
    os.symlink(tmp_path / "tiles", folder / "loop")
    os.symlink(tmp_path, tmp_path / "tiles" / "root-loop")
    os.symlink(folder, folder / "self")
    scenes = SceneStore(str(tmp_path)).scenes()
    assert [s.view_id for s in scenes] == [S2_VIEW_ID]


# --- search -----------------------------------------------------------------------------------------------


def test_search_without_filters_lists_all_newest_first(mixed_store):
    assert [s.view_id for s in mixed_store.search()] == [MODIS_VIEW_ID, S2_VIEW_ID, f"L8/{L8_ID}"]


def test_search_by_dates(mixed_store):
    assert [s.view_id for s in mixed_store.search(start=dt.date(2016, 1, 1))] == [MODIS_VIEW_ID, S2_VIEW_ID]
    assert [s.view_id for s in mixed_store.search(end=dt.date(2017, 2, 16))] == [S2_VIEW_ID, f"L8/{L8_ID}"]
    assert [s.view_id for s in mixed_store.search(start=dt.date(2017, 2, 16), end=dt.date(2017, 2, 16))] == [S2_VIEW_ID]
    assert mixed_store.search(start=dt.date(2018, 1, 1)) == []


def test_search_by_cloud_cover_keeps_unknown(mixed_store):
    assert [s.view_id for s in mixed_store.search(max_cloud=12)] == [MODIS_VIEW_ID, f"L8/{L8_ID}"]
    assert [s.view_id for s in mixed_store.search(max_cloud=12.5)] == [MODIS_VIEW_ID, S2_VIEW_ID, f"L8/{L8_ID}"]
    assert [s.view_id for s in mixed_store.search(max_cloud=0)] == [MODIS_VIEW_ID]


def test_search_by_sensors(mixed_store):
    assert [s.view_id for s in mixed_store.search(sensors=["landsat8"])] == [f"L8/{L8_ID}"]
    assert [s.view_id for s in mixed_store.search(sensors=["S2"])] == [S2_VIEW_ID]
    assert [s.view_id for s in mixed_store.search(sensors=["sentinel2", "MODIS"])] == [MODIS_VIEW_ID, S2_VIEW_ID]
    assert mixed_store.search(sensors=["S2L2A"]) == []
    assert [s.view_id for s in mixed_store.search(sensors=["s2l1c"])] == [S2_VIEW_ID]


def test_search_by_aoi(mixed_store):
    inside_s2 = polygon_from_utm([(500050, 5799950), (500150, 5799950), (500150, 5799920), (500050, 5799920)])
    assert [s.view_id for s in mixed_store.search(aoi=inside_s2)] == [S2_VIEW_ID]
    inside_l8 = polygon_from_utm([(360100, 3399900), (360200, 3399900), (360200, 3399800)], epsg=32616)
    assert [s.view_id for s in mixed_store.search(aoi=inside_l8)] == [f"L8/{L8_ID}"]
    nowhere = {"type": "Polygon", "coordinates": [[[0, 0], [0.1, 0], [0.1, 0.1], [0, 0]]]}
    assert mixed_store.search(aoi=nowhere) == []


def test_search_combines_filters(mixed_store):
    inside_s2 = polygon_from_utm([(500050, 5799950), (500150, 5799950), (500150, 5799920), (500050, 5799920)])
    assert mixed_store.search(aoi=inside_s2, max_cloud=10) == []
    assert mixed_store.search(aoi=inside_s2, sensors=["landsat8"]) == []
    assert [s.view_id for s in mixed_store.search(aoi=inside_s2, start=dt.date(2017, 1, 1), max_cloud=20)] == [
        S2_VIEW_ID
    ]


# --- footprint and summary -------------------------------------------------------------------------------


def test_footprint_is_a_wgs84_polygon_covering_the_finest_band(mixed_store):
    footprint = mixed_store.find(S2_VIEW_ID).footprint()
    assert footprint["type"] == "Polygon"
    ring = footprint["coordinates"][0]
    assert ring[0] == ring[-1]
    assert len(ring) > 5  # densified
    # The 10 m band B02 spans x 500000..500200, y 5799900..5800000; the 60 m B01 covers more.
    corners = [(500000, 5800000), (500200, 5800000), (500200, 5799900), (500000, 5799900)]
    for x, y in corners:
        assert ring_has_point(footprint, *lonlat(x, y)), (x, y)
    lons = [lonlat(x, y)[0] for x, y in corners]
    lats = [lonlat(x, y)[1] for x, y in corners]
    for lon, lat in ring:
        assert min(lons) - 1e-9 <= lon <= max(lons) + 1e-9
        assert min(lats) - 1e-9 <= lat <= max(lats) + 1e-9
    polygon = ogr.CreateGeometryFromJson(json.dumps(footprint))
    centre = lonlat(500100, 5799950)
    assert polygon.Contains(ogr.CreateGeometryFromWkt(f"POINT ({centre[0]} {centre[1]})"))


def test_footprint_of_a_utm_zone_16_scene(mixed_store):
    footprint = mixed_store.find(L8_ID).footprint()
    lon, lat = lonlat(360000.0 + 20 * 30, 3400000.0 - 10 * 30, epsg=32616)
    assert ring_has_point(footprint, lon, lat)
    assert -90 < lon < -84 and 30 < lat < 31  # UTM zone 16 north, plain lon/lat order


def test_summary(mixed_store):
    summary = mixed_store.find(S2_VIEW_ID).summary()
    assert set(summary) == SUMMARY_KEYS
    assert summary["view_id"] == S2_VIEW_ID
    assert summary["sensor"] == "Sentinel-2"
    assert summary["product_level"] == "L1C"
    assert summary["date"] == "2017-02-16"
    assert summary["cloud_cover"] == 12.5
    assert summary["bands"] == ["B01", "B02"]
    assert summary["layout"] == LAYOUT_VIEW_ID_FOLDER
    assert summary["footprint"]["type"] == "Polygon"
    json.dumps(summary)  # serialisable as is
    landsat = mixed_store.find(L8_ID).summary()
    assert (landsat["sensor"], landsat["cloud_cover"], landsat["bands"]) == ("Landsat 8", 11.08, ["B4"])


def test_missing_band_raises_data_error_naming_what_the_scene_has(mixed_store):
    with pytest.raises(DataError) as raised:
        mixed_store.find(S2_VIEW_ID).band_path("B08")
    assert "B08" in str(raised.value) and "B01, B02" in str(raised.value)


# --- the real sample store -----------------------------------------------------------------------------

S2_BANDS = ["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B09", "B10", "B11", "B12"]


@pytest.fixture(scope="module")
def real_store(sample_store) -> SceneStore:
    return SceneStore(sample_store)


@pytest.mark.sample_data
def test_sample_store_lists_108_scenes(real_store):
    scenes = real_store.scenes()
    assert len(scenes) == 108
    codes = [s.sensor.code for s in scenes]
    assert codes.count("S2") == 2
    assert codes.count("L8") == 1
    assert codes.count("L7") + codes.count("L5") == 105
    assert codes.count("L7") > 0 and codes.count("L5") > 0


@pytest.mark.sample_data
def test_sample_store_sentinel2_files(real_store, sample_store):
    scene = real_store.find("S2/33/U/UU/2017/2/16/0")
    assert list(scene.band_files) == S2_BANDS
    assert scene.date == dt.date(2017, 2, 16)
    assert scene.layout == LAYOUT_S2_FILES
    assert scene.product_level == "L1C"
    assert scene.band_path("B02") == os.path.join(
        sample_store, "sentinel2", "IMG_DATA", "T33UUU_20170216T102101_B02.jp2"
    )


@pytest.mark.sample_data
def test_sample_store_tile_layout(real_store):
    scene = real_store.find("S2/18/S/VG/2000/1/1/0")
    assert list(scene.band_files) == S2_BANDS
    assert scene.layout == LAYOUT_VIEW_ID_FOLDER
    assert scene.date == dt.date(2000, 1, 1)
    footprint = scene.footprint()  # GeoTIFFs named .jp2
    assert footprint["type"] == "Polygon"
    lon, lat = footprint["coordinates"][0][0]
    assert -78 < lon < -72 and 0 < lat < 84  # UTM zone 18 north


@pytest.mark.sample_data
def test_sample_store_landsat8(real_store, sample_store):
    scene = real_store.find(L8_ID)
    assert scene.view_id == f"L8/{L8_ID}"
    assert set(scene.band_files) == {f"B{n}" for n in range(1, 12)} | {"BQA"}
    assert scene.cloud_cover == 11.08
    mtl = os.path.join(sample_store, "landsat8", L8_ID, f"{L8_ID}_MTL.txt")
    assert scene.tile_metadata == (mtl,)
    assert scene.product_metadata == (mtl,)
    point = ogr.CreateGeometryFromWkt("POINT (-87.4 30.7)")
    assert ogr.CreateGeometryFromJson(json.dumps(scene.footprint())).Intersects(point)
    aoi = {"type": "Polygon", "coordinates": [[[-87.41, 30.69], [-87.39, 30.69], [-87.39, 30.71], [-87.41, 30.69]]]}
    assert f"L8/{L8_ID}" in [s.view_id for s in real_store.search(aoi=aoi, sensors=["landsat8"])]


@pytest.mark.sample_data
def test_sample_store_landsat_timeseries(real_store):
    series = [s for s in real_store.scenes() if s.sensor.code in ("L5", "L7")]
    assert len(series) == 105
    for scene in series:
        assert list(scene.band_files) == ["B3", "B4", "B5", "FMASK"], scene.view_id
        assert scene.layout == LAYOUT_LANDSAT
        assert scene.date is not None
    newest_first = real_store.search(sensors=["landsat7", "landsat5"])
    assert len(newest_first) == 105
    dates = [s.date for s in newest_first]
    assert dates == sorted(dates, reverse=True)
