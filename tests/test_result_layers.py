"""Results on the map (services/result_layers.py), on real results of the local processor.

The results are made by running real `lbe` requests on the sample imagery: an S2 true-colour crop
(one merged GeoTIFF), an S2 near-infrared crop (JPEG 2000 with its .aux.xml) and a Landsat 8 crop
of four bands at two resolutions with the MTL (a zip of two GeoTIFFs and a text file). What the
loader should show is computed here independently: band names with GDAL, the 2-98 % stretch with
numpy percentiles of the valid pixels, transparency from the nodata mask.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import stat
import zipfile
from dataclasses import replace

import numpy as np
import pytest
from load_by_extent.core import display
from load_by_extent.core.colormaps import color_stops
from load_by_extent.core.display import EXTRACT_PREFIX, extract_zip_safely, raster_band_names
from load_by_extent.core.errors import DataError
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.naming import layer_name, result_group_name
from load_by_extent.core.request import TaskRequest
from load_by_extent.core.results import TaskResult
from load_by_extent.core.runner import run
from load_by_extent.services.layer_style import index_color_ramp, style_raster_layer
from load_by_extent.services.result_layers import load_result
from osgeo import gdal
from qgis.core import (
    QgsColorRampShader,
    QgsContrastEnhancement,
    QgsLayerTreeGroup,
    QgsMapRendererSequentialJob,
    QgsMultiBandColorRenderer,
    QgsRasterLayer,
    QgsRasterMinMaxOrigin,
    QgsSingleBandGrayRenderer,
    QgsSingleBandPseudoColorRenderer,
    QgsStyle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QImage
from time_ranges import assert_shown_at_every_time, assert_shown_on_its_day_only

S2_VIEW = "S2/33/U/UU/2017/2/16/0"
L8_VIEW = "L8/LC80200392015216LGN00"
S2_AOI = {
    "type": "Polygon",
    "coordinates": [[[12.553, 52.474], [12.632, 52.466], [12.668, 52.492], [12.640, 52.518], [12.575, 52.515],
                     [12.553, 52.474]]],
}
L8_AOI = {
    "type": "Polygon",
    "coordinates": [[[-87.47, 30.66], [-87.33, 30.66], [-87.31, 30.79], [-87.46, 30.80], [-87.47, 30.66]]],
}

# Rasters of up to 4 M pixels are counted whole; numpy interpolates between values, the loader
# may not: allow a few DN.
STRETCH_TOLERANCE_DN = 4


def shown_band(renderer: QgsSingleBandGrayRenderer | QgsSingleBandPseudoColorRenderer) -> int:
    # grayBand() and band() are deprecated from QGIS 3.38 (a warning on every call); inputBand() replaces them.
    if hasattr(renderer, "inputBand"):
        return renderer.inputBand()
    return renderer.grayBand() if isinstance(renderer, QgsSingleBandGrayRenderer) else renderer.band()


def _run(sample_store: str, output: str, params: dict) -> TaskResult:
    request = TaskRequest({"type": "lbe", "params": params})
    return run(request, LocalBackend(sample_store), output)


@pytest.fixture(scope="module")
def s2_rgb_result(sample_store, tmp_path_factory) -> TaskResult:
    params = {"view_id": S2_VIEW, "bands": ["B04", "B03", "B02"], "merge": True, "geometry": S2_AOI,
              "reference": "result-layers-rgb"}
    result = _run(sample_store, str(tmp_path_factory.mktemp("s2_rgb")), params)
    assert result.result_type == "tif"
    return result


@pytest.fixture(scope="module")
def s2_nir_result(sample_store, tmp_path_factory) -> TaskResult:
    params = {"view_id": S2_VIEW, "bands": ["B08"], "geometry": S2_AOI, "reference": "result-layers-nir"}
    result = _run(sample_store, str(tmp_path_factory.mktemp("s2_nir")), params)
    assert result.result_type == "jp2"
    assert result.files[1].endswith(".jp2.aux.xml")
    return result


@pytest.fixture(scope="module")
def l8_zip_built(sample_store, tmp_path_factory) -> TaskResult:
    params = {"view_id": L8_VIEW, "bands": ["B4", "B3", "B2", "B8"], "merge": True, "metadata": ["tile_md"],
              "geometry": L8_AOI, "reference": "result-layers-l8"}
    result = _run(sample_store, str(tmp_path_factory.mktemp("l8_zip")), params)
    assert result.result_type == "zip"
    return result


@pytest.fixture
def l8_zip_result(l8_zip_built, tmp_path) -> TaskResult:
    """The Landsat zip, copied alone into a fresh folder (extraction writes beside it)."""
    copy = tmp_path / os.path.basename(l8_zip_built.files[0])
    shutil.copyfile(l8_zip_built.files[0], copy)
    return l8_zip_built.with_files((str(copy),))


# --- the independent oracle -----------------------------------------------------------------------


def read_bands(path: str) -> tuple[list[np.ndarray], list[str], float | None]:
    dataset = gdal.Open(path)
    arrays, names = [], []
    for index in range(1, dataset.RasterCount + 1):
        band = dataset.GetRasterBand(index)
        arrays.append(band.ReadAsArray())
        names.append(band.GetDescription())
    nodata = dataset.GetRasterBand(1).GetNoDataValue()
    dataset = None
    return arrays, names, nodata


def expected_cut(array: np.ndarray, nodata: float | None) -> tuple[float, float]:
    valid = array[array != nodata] if nodata is not None else array.ravel()
    low, high = np.percentile(valid, [2, 98])
    return float(low), float(high)


def assert_stretch(
    enhancement: QgsContrastEnhancement, array: np.ndarray, nodata: float | None,
    tolerance: float = STRETCH_TOLERANCE_DN,
) -> None:
    low, high = expected_cut(array, nodata)
    valid = array[array != nodata]
    assert enhancement.contrastEnhancementAlgorithm() == (
        QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum
    )
    assert enhancement.minimumValue() == pytest.approx(low, abs=tolerance)
    assert enhancement.maximumValue() == pytest.approx(high, abs=tolerance)
    # Not the full range: the cut really cut something.
    assert enhancement.minimumValue() > float(valid.min())
    assert enhancement.maximumValue() < float(valid.max())


def assert_cumulative_cut_origin(renderer) -> None:
    origin = renderer.minMaxOrigin()
    assert origin.limits() == QgsRasterMinMaxOrigin.Limits.CumulativeCut
    assert origin.statAccuracy() == QgsRasterMinMaxOrigin.StatAccuracy.Exact  # small crops: every pixel counted
    assert origin.cumulativeCutLower() == pytest.approx(0.02)
    assert origin.cumulativeCutUpper() == pytest.approx(0.98)


def ramp_colours(ramp) -> list[tuple[float, tuple[int, int, int, int]]]:
    """A gradient ramp as (offset, RGBA) from color1 at 0 through its stops to color2 at 1."""
    return ([(0.0, ramp.color1().getRgb())] + [(stop.offset, stop.color.getRgb()) for stop in ramp.stops()]
            + [(1.0, ramp.color2().getRgb())])


def assert_qgis_index_ramp(renderer: QgsSingleBandPseudoColorRenderer, low: float, high: float) -> None:
    """The renderer colours `low`..`high` with QGIS's own RdYlGn ramp of the default style: the same
    colours at the same places, an item (with its legend entry) at each of them."""
    expected = ramp_colours(QgsStyle.defaultStyle().colorRamp("RdYlGn"))
    assert (renderer.classificationMin(), renderer.classificationMax()) == (low, high)
    function = renderer.shader().rasterShaderFunction()
    assert function.colorRampType() == QgsColorRampShader.Type.Interpolated
    assert (function.minimumValue(), function.maximumValue()) == (low, high)
    assert ramp_colours(function.sourceColorRamp()) == expected
    items = function.colorRampItemList()
    assert [item.value for item in items] == pytest.approx([low + (high - low) * offset for offset, _rgba in expected])
    assert [item.color.getRgb() for item, (_offset, rgba) in zip(items, expected)] == [rgba for _o, rgba in expected]
    assert all(item.label for item in items)


def group_layer_ids(group: QgsLayerTreeGroup) -> list[str]:
    return [node.layerId() for node in group.findLayers()]


def entries(folder) -> list[str]:
    return sorted(os.listdir(folder))


# --- names ----------------------------------------------------------------------------------------


def test_names_say_scene_request_sensor_date_and_bands(s2_rgb_result, l8_zip_built):
    assert result_group_name(s2_rgb_result) == "S2/33/U/UU/2017/2/16/0 · lbe B04 B03 B02"
    assert result_group_name(l8_zip_built) == "L8/LC80200392015216LGN00 · lbe B4 B3 B2 B8"
    assert layer_name(S2_VIEW, ["B04", "B03", "B02"]) == "S2 2017-02-16 B04 B03 B02"
    assert layer_name(L8_VIEW, ["B8"]) == "L8 2015-08-04 B8"
    # No scene id to read sensor and date from: the fallback stands in.
    assert layer_name(None, ["B8"], fallback="some_file") == "some_file B8"
    assert layer_name("not/a/scene", ["B8"], fallback="some_file") == "some_file B8"


def test_band_names_fall_back_to_the_request_when_the_raster_has_no_descriptions(l8_zip_result, tmp_path):
    members = extract_zip_safely(l8_zip_result.files[0], str(tmp_path / "members"))
    pan = next(path for path in members if path.endswith("_B8.tif"))
    rgb = next(path for path in members if path.endswith("_B4_B3_B2.tif"))
    requested = ["B4", "B3", "B2", "B8"]
    # From the band descriptions, whatever the request says.
    assert raster_band_names(pan, requested) == ["B8"]
    assert raster_band_names(rgb) == ["B4", "B3", "B2"]
    assert raster_band_names(rgb, ["B2", "B3", "B4"]) == ["B4", "B3", "B2"]
    for path in (pan, rgb):
        dataset = gdal.Open(path, gdal.GA_Update)
        for index in range(1, dataset.RasterCount + 1):
            dataset.GetRasterBand(index).SetDescription("")
        dataset = None
        assert read_bands(path)[1] == [""] * (1 if path == pan else 3)
    # The member's file name lists its bands among the requested ones.
    assert raster_band_names(pan, requested) == ["B8"]
    assert raster_band_names(rgb, requested) == ["B4", "B3", "B2"]
    # A file name that says nothing: the request, when it has as many bands as the raster.
    anonymous = tmp_path / "crop.tif"
    shutil.copyfile(rgb, anonymous)
    assert raster_band_names(str(anonymous), ["B4", "B3", "B2"]) == ["B4", "B3", "B2"]
    assert raster_band_names(str(anonymous), requested) == []


# --- loading real results -------------------------------------------------------------------------


def test_rgb_tif_loads_in_a_new_top_group_in_true_colour(s2_rgb_result, qgis_new_project, qgis_iface):
    project = qgis_new_project
    earlier = QgsVectorLayer("Point?crs=EPSG:4326", "earlier layer", "memory")
    project.addMapLayer(earlier)
    project.layerTreeRoot().addGroup("earlier group")

    layers = load_result(s2_rgb_result, project=project)

    root = project.layerTreeRoot()
    group = root.children()[0]
    assert isinstance(group, QgsLayerTreeGroup)
    assert group.name() == "S2/33/U/UU/2017/2/16/0 · lbe B04 B03 B02"
    assert [child.name() for child in root.children()[1:]] == ["earlier layer", "earlier group"]
    assert len(layers) == 1
    layer = layers[0]
    assert group_layer_ids(group) == [layer.id()]
    assert project.mapLayer(layer.id()) is layer
    assert layer in qgis_iface.mapCanvas().layers()
    assert layer.name() == "S2 2017-02-16 B04 B03 B02"
    assert layer.isValid()
    assert os.path.samefile(layer.source(), s2_rgb_result.files[0])
    assert layer.bandCount() == 3

    renderer = layer.renderer()
    assert isinstance(renderer, QgsMultiBandColorRenderer)
    assert (renderer.redBand(), renderer.greenBand(), renderer.blueBand()) == (1, 2, 3)
    arrays, names, nodata = read_bands(s2_rgb_result.files[0])
    assert names == ["B04", "B03", "B02"]
    assert nodata == 0
    for enhancement, array in zip(
        (renderer.redContrastEnhancement(), renderer.greenContrastEnhancement(), renderer.blueContrastEnhancement()),
        arrays,
    ):
        assert_stretch(enhancement, array, nodata)
    assert_cumulative_cut_origin(renderer)
    provider = layer.dataProvider()
    for band in (1, 2, 3):
        assert provider.useSourceNoDataValue(band)
        assert provider.sourceNoDataValue(band) == 0


def test_jp2_loads_alone_in_grey_without_its_sidecar(s2_nir_result, qgis_new_project):
    layers = load_result(s2_nir_result, project=qgis_new_project)

    group = qgis_new_project.layerTreeRoot().children()[0]
    assert group.name() == "S2/33/U/UU/2017/2/16/0 · lbe B08"
    assert [layer.name() for layer in layers] == ["S2 2017-02-16 B08"]
    assert group_layer_ids(group) == [layers[0].id()]
    assert len(qgis_new_project.mapLayers()) == 1  # the .aux.xml is not a layer
    layer = layers[0]
    assert layer.isValid()
    assert layer.source().endswith(".jp2")
    assert layer.bandCount() == 1
    renderer = layer.renderer()
    assert isinstance(renderer, QgsSingleBandGrayRenderer)
    assert shown_band(renderer) == 1
    arrays, names, nodata = read_bands(s2_nir_result.files[0])
    assert names == ["B08"]
    assert_stretch(renderer.contrastEnhancement(), arrays[0], nodata)
    assert_cumulative_cut_origin(renderer)


def test_zip_is_extracted_beside_it_and_each_raster_loads(l8_zip_result, qgis_new_project):
    zip_path = l8_zip_result.files[0]
    folder = zip_path[: -len(".zip")]
    assert not os.path.exists(folder)

    layers = load_result(l8_zip_result, project=qgis_new_project)

    assert os.path.isdir(folder)
    assert entries(folder) == [
        "LC80200392015216LGN00_B4_B3_B2.tif", "LC80200392015216LGN00_B8.tif", "LC80200392015216LGN00_MTL.txt"
    ]
    group = qgis_new_project.layerTreeRoot().children()[0]
    assert group.name() == "L8/LC80200392015216LGN00 · lbe B4 B3 B2 B8"
    assert [layer.name() for layer in layers] == ["L8 2015-08-04 B4 B3 B2", "L8 2015-08-04 B8"]
    assert group_layer_ids(group) == [layer.id() for layer in layers]
    assert len(qgis_new_project.mapLayers()) == 2  # the MTL is not a layer
    assert not any(layer.source().endswith("_MTL.txt") for layer in qgis_new_project.mapLayers().values())

    rgb, pan = layers
    assert os.path.samefile(rgb.source(), os.path.join(folder, "LC80200392015216LGN00_B4_B3_B2.tif"))
    assert os.path.samefile(pan.source(), os.path.join(folder, "LC80200392015216LGN00_B8.tif"))
    assert rgb.isValid() and pan.isValid()
    assert (rgb.bandCount(), pan.bandCount()) == (3, 1)
    # B8 is on its own 15 m grid: twice the 30 m grid's pixels each way.
    assert pan.width() > 1.9 * rgb.width()

    renderer = rgb.renderer()
    assert isinstance(renderer, QgsMultiBandColorRenderer)
    assert (renderer.redBand(), renderer.greenBand(), renderer.blueBand()) == (1, 2, 3)
    arrays, _names, nodata = read_bands(rgb.source())
    assert_stretch(renderer.redContrastEnhancement(), arrays[0], nodata)
    assert_stretch(renderer.blueContrastEnhancement(), arrays[2], nodata)

    renderer = pan.renderer()
    assert isinstance(renderer, QgsSingleBandGrayRenderer)
    assert shown_band(renderer) == 1
    arrays, _names, nodata = read_bands(pan.source())
    assert_stretch(renderer.contrastEnhancement(), arrays[0], nodata)
    assert_cumulative_cut_origin(renderer)


def test_loading_a_zip_again_extracts_into_a_new_folder(l8_zip_result, qgis_new_project):
    folder = l8_zip_result.files[0][: -len(".zip")]
    first = load_result(l8_zip_result, project=qgis_new_project)
    second = load_result(l8_zip_result, project=qgis_new_project)

    assert all(os.path.dirname(layer.source()) == folder for layer in first)
    assert all(os.path.dirname(layer.source()) == folder + "_2" for layer in second)
    groups = qgis_new_project.layerTreeRoot().children()
    # Named apart: the second load is "(2)", group and layers.
    assert [group.name() for group in groups] == ["L8/LC80200392015216LGN00 · lbe B4 B3 B2 B8 (2)",
                                                  "L8/LC80200392015216LGN00 · lbe B4 B3 B2 B8"]
    assert [layer.name() for layer in first] == ["L8 2015-08-04 B4 B3 B2", "L8 2015-08-04 B8"]
    assert [layer.name() for layer in second] == ["L8 2015-08-04 B4 B3 B2 (2)", "L8 2015-08-04 B8 (2)"]
    assert group_layer_ids(groups[0]) == [layer.id() for layer in second]  # the newest on top
    assert group_layer_ids(groups[1]) == [layer.id() for layer in first]


def test_nodata_outside_the_aoi_renders_transparent(s2_nir_result, qgis_new_project, qgis_iface):
    (layer,) = load_result(s2_nir_result, project=qgis_new_project)
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(layer.crs())
    settings = canvas.mapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(layer.width(), layer.height()))
    settings.setExtent(layer.extent())
    settings.setBackgroundColor(settings.backgroundColor().fromRgb(0, 0, 0, 0))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage().convertToFormat(QImage.Format.Format_ARGB32)
    assert (image.width(), image.height()) == (layer.width(), layer.height())
    pointer = image.constBits()
    pointer.setsize(image.sizeInBytes())
    pixels = np.frombuffer(pointer, dtype=np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    alpha = pixels[:, : image.width(), 3]

    arrays, _names, nodata = read_bands(s2_nir_result.files[0])
    valid = arrays[0] != nodata
    # Away from the AOI's edge (rendering may shift by a fraction of a pixel): every pixel with a
    # 3x3 neighbourhood of nodata is transparent, every one with a valid neighbourhood is opaque.
    padded = np.pad(valid, 1, mode="edge")
    shifts = [padded[1 + dy: 1 + dy + valid.shape[0], 1 + dx: 1 + dx + valid.shape[1]]
              for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    surely_valid = np.logical_and.reduce(shifts)
    surely_nodata = ~np.logical_or.reduce(shifts)
    assert surely_nodata.sum() > 1000 and surely_valid.sum() > 1000
    assert (alpha[surely_nodata] == 0).all()
    assert (alpha[surely_valid] == 255).all()


def test_styling_switches_nodata_back_on_and_shows_both_of_two_bands(s2_rgb_result, tmp_path, qgis_new_project):
    two_bands = str(tmp_path / "two_bands.tif")
    source = gdal.Open(s2_rgb_result.files[0])
    gdal.Translate(two_bands, source, bandList=[1, 2])
    source = None
    layer = QgsRasterLayer(two_bands, "two", "gdal")
    assert layer.isValid() and layer.bandCount() == 2
    layer.dataProvider().setUseSourceNoDataValue(1, False)
    layer.dataProvider().setUseSourceNoDataValue(2, False)

    style_raster_layer(layer)

    assert layer.dataProvider().useSourceNoDataValue(1)
    assert layer.dataProvider().useSourceNoDataValue(2)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsMultiBandColorRenderer)
    assert (renderer.redBand(), renderer.greenBand(), renderer.blueBand()) == (1, 2, 2)
    arrays, _names, nodata = read_bands(two_bands)
    assert_stretch(renderer.redContrastEnhancement(), arrays[0], nodata)
    assert_stretch(renderer.greenContrastEnhancement(), arrays[1], nodata)
    assert_stretch(renderer.blueContrastEnhancement(), arrays[1], nodata)


def render_layer(layer: QgsRasterLayer, canvas) -> np.ndarray:
    """The layer drawn alone at its own size: (rows, cols, 4) bytes, B G R A."""
    settings = canvas.mapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(layer.width(), layer.height()))
    settings.setExtent(layer.extent())
    settings.setBackgroundColor(settings.backgroundColor().fromRgb(0, 0, 0, 0))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage().convertToFormat(QImage.Format.Format_ARGB32)
    pointer = image.constBits()
    pointer.setsize(image.sizeInBytes())
    pixels = np.frombuffer(pointer, dtype=np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return pixels[:, : image.width()].copy()


@pytest.mark.sample_data
def test_two_band_file_of_the_shortwave_preset_shows_both_bands_in_colour(sample_store, tmp_path, qgis_new_project,
                                                                         qgis_iface):
    """The Shortwave infrared preset on Sentinel-2 (B12 B08 B04, merged) gives B12 on its 20 m grid
    and B08 B04 together on the 10 m one: that file shows B08 on red, B04 on green and blue."""
    params = {"view_id": S2_VIEW, "bands": ["B12", "B08", "B04"], "merge": True, "geometry": S2_AOI,
              "reference": "result-layers-swir"}
    result = _run(sample_store, str(tmp_path / "swir"), params)
    layers = load_result(result, project=qgis_new_project)
    by_name = {layer.name(): layer for layer in layers}
    assert sorted(by_name) == ["S2 2017-02-16 B08 B04", "S2 2017-02-16 B12"]
    pair = by_name["S2 2017-02-16 B08 B04"]
    assert pair.bandCount() == 2
    renderer = pair.renderer()
    assert isinstance(renderer, QgsMultiBandColorRenderer)
    assert (renderer.redBand(), renderer.greenBand(), renderer.blueBand()) == (1, 2, 2)
    arrays, names, nodata = read_bands(pair.source())
    assert names == ["B08", "B04"]
    assert_stretch(renderer.redContrastEnhancement(), arrays[0], nodata)
    assert_stretch(renderer.greenContrastEnhancement(), arrays[1], nodata)
    assert_stretch(renderer.blueContrastEnhancement(), arrays[1], nodata)
    assert isinstance(by_name["S2 2017-02-16 B12"].renderer(), QgsSingleBandGrayRenderer)

    # Drawn: green and blue always agree (band 2), red follows band 1 on its own, so the picture
    # holds both bands (neither is hidden): red above and below green/blue both occur.
    pixels = render_layer(pair, qgis_iface.mapCanvas())
    opaque = pixels[:, :, 3] == 255
    blue, green, red = (pixels[:, :, k][opaque].astype(int) for k in range(3))
    assert opaque.sum() > 1000
    assert np.abs(green - blue).max() <= 1
    assert (red > green + 20).mean() > 0.01 and (red < green - 20).mean() > 0.01


@pytest.mark.parametrize(("bands", "rgb"), [
    (["B02", "B03", "B04"], (3, 2, 1)),  # the API's own example: B04 still on red
    (["B04", "B03", "B02"], (1, 2, 3)),
    (["B03", "B08", "B04", "B02"], (3, 1, 4)),  # with a fourth band between them
    (["B08", "B04", "B03"], (1, 2, 3)),  # no blue: the request's order
])
def test_red_green_and_blue_bands_show_in_natural_colours_whatever_their_order(sample_store, tmp_path,
                                                                              qgis_new_project, bands, rgb):
    params = {"view_id": S2_VIEW, "bands": bands, "merge": True, "geometry": S2_AOI, "reference": "result-layers-order"}
    result = _run(sample_store, str(tmp_path), params)
    (layer,) = load_result(result, project=qgis_new_project)
    arrays, names, nodata = read_bands(layer.source())
    assert names == bands
    renderer = layer.renderer()
    assert isinstance(renderer, QgsMultiBandColorRenderer)
    assert (renderer.redBand(), renderer.greenBand(), renderer.blueBand()) == rgb
    for enhancement, band in zip((renderer.redContrastEnhancement(), renderer.greenContrastEnhancement(),
                                  renderer.blueContrastEnhancement()), rgb):
        assert_stretch(enhancement, arrays[band - 1], nodata)  # each channel stretched by its own band's cut


def test_without_rdylgn_in_the_style_index_layers_keep_the_same_colorbrewer_scheme(qgis_app):
    """A user may delete QGIS's RdYlGn in the Style Manager: the ramp is then core.colormaps' RdYlGn."""
    empty = QgsStyle()
    assert empty.colorRamp("RdYlGn") is None
    assert ramp_colours(index_color_ramp(empty)) == [(fraction, (*rgb, 255)) for fraction, rgb in color_stops("RdYlGn", 11)]


def _bandmath(sample_store: str, output: str, view_id: str, bm_type: str, geometry: dict) -> TaskResult:
    request = TaskRequest({"type": "bandmath", "params": {"view_id": view_id, "bm_type": bm_type,
                                                          "geometry": geometry, "reference": "result-layers-index"}})
    return run(request, LocalBackend(sample_store), output)


# A field of the Landsat 5/7 series (UTM 13N), two summer dates of Landsat 5.
TS_FIELD = {"type": "Polygon", "coordinates": [[[-106.922, 40.283], [-106.906, 40.284], [-106.907, 40.294],
                                               [-106.921, 40.293], [-106.922, 40.283]]]}
TS_DATES = ("L5/LT50350322009160PAC01", "L5/LT50350322009192PAC01")


@pytest.mark.sample_data
def test_index_layers_use_the_catalogs_fixed_range_and_other_expressions_their_own_cut(sample_store, tmp_path,
                                                                                       qgis_new_project):
    """NDVI is coloured RdYlGn over -1..1 on both dates (the same value, the same colour; NDVI 0.62
    green), although the two dates' own 2-98 % cuts differ; the same formula typed as an
    expression has no catalog range and is stretched over its own cut."""
    ndvi_layers, own_cuts = [], []
    for number, view_id in enumerate(TS_DATES):
        result = _bandmath(sample_store, str(tmp_path / f"d{number}"), view_id, "NDVI,(B4-B3)/(B4+B3)", TS_FIELD)
        ndvi, typed = load_result(result, project=qgis_new_project)
        arrays, names, nodata = read_bands(result.files[0])
        assert names == ["NDVI", "(B4-B3)/(B4+B3)"]
        np.testing.assert_array_equal(arrays[0], arrays[1])  # one formula, two names
        own_cuts.append(expected_cut(arrays[0], nodata))

        renderer = ndvi.renderer()
        assert isinstance(renderer, QgsSingleBandPseudoColorRenderer) and shown_band(renderer) == 1
        assert (renderer.classificationMin(), renderer.classificationMax()) == (-1.0, 1.0)
        assert_qgis_index_ramp(renderer, -1.0, 1.0)
        ndvi_layers.append(ndvi)

        typed_renderer = typed.renderer()
        assert isinstance(typed_renderer, QgsSingleBandPseudoColorRenderer) and shown_band(typed_renderer) == 2
        low, high = own_cuts[-1]
        assert typed_renderer.classificationMin() == pytest.approx(low, abs=1e-6)
        assert typed_renderer.classificationMax() == pytest.approx(high, abs=1e-6)
        assert -1.0 < low < high < 1.0
        assert_qgis_index_ramp(typed_renderer, typed_renderer.classificationMin(), typed_renderer.classificationMax())

    assert abs(own_cuts[0][0] - own_cuts[1][0]) > 0.02, "the two dates' own stretches differ"
    for layer in ndvi_layers:
        function = layer.renderer().shader().rasterShaderFunction()
        ok, red, green, blue, _alpha = function.shade(0.62)
        assert ok and green > red + 40 and green > blue, "a healthy field is green"
        ok, red, green, blue, _alpha = function.shade(-0.4)
        assert ok and red > green + 40, "bare or water is red"


def test_a_large_raster_is_stretched_from_an_even_sample_of_it(l8_zip_result, tmp_path, monkeypatch):
    members = extract_zip_safely(l8_zip_result.files[0], str(tmp_path / "members"))
    pan = next(path for path in members if path.endswith("_B8.tif"))
    layer = QgsRasterLayer(pan, "pan", "gdal")
    # The 15 m band has about a million pixels: with a budget of 50 000, one in about 21.
    monkeypatch.setattr(display, "MAX_SAMPLE_PIXELS", 50_000)
    assert layer.width() * layer.height() > 20 * 50_000

    style_raster_layer(layer)

    arrays, _names, nodata = read_bands(pan)
    low, high = expected_cut(arrays[0], nodata)
    # QGIS's own estimate (whole blocks from one side of the raster) is off by over 700 DN here.
    assert_stretch(layer.renderer().contrastEnhancement(), arrays[0], nodata, tolerance=0.01 * (high - low))
    assert layer.renderer().minMaxOrigin().statAccuracy() == QgsRasterMinMaxOrigin.StatAccuracy.Estimated


def test_a_raster_of_nodata_only_is_styled_without_a_cut(s2_nir_result, tmp_path):
    empty = str(tmp_path / "nodata_only.tif")
    source = gdal.Open(s2_nir_result.files[0])
    target = gdal.GetDriverByName("GTiff").CreateCopy(empty, source)
    target.GetRasterBand(1).Fill(0)
    target = None
    source = None
    layer = QgsRasterLayer(empty, "empty", "gdal")
    assert layer.isValid() and layer.dataProvider().sourceNoDataValue(1) == 0

    style_raster_layer(layer)

    renderer = layer.renderer()
    assert isinstance(renderer, QgsSingleBandGrayRenderer)
    enhancement = renderer.contrastEnhancement()
    assert (enhancement.minimumValue(), enhancement.maximumValue()) == (0, 65535)  # UInt16's range, untouched


def test_a_file_that_does_not_load_is_an_error_naming_it_and_adds_nothing(l8_zip_result, tmp_path,
                                                                          qgis_new_project):
    members = extract_zip_safely(l8_zip_result.files[0], str(tmp_path / "members"))
    mtl = next(path for path in members if path.endswith("_MTL.txt"))
    not_a_raster = str(tmp_path / "LC80200392015216LGN00_B4.tif")
    shutil.copyfile(mtl, not_a_raster)
    result = TaskResult("lbe", "tif", (not_a_raster,), {"view_id": L8_VIEW, "bands": ["B4"], "reference": "x"})

    with pytest.raises(DataError, match="LC80200392015216LGN00_B4.tif"):
        load_result(result, project=qgis_new_project)
    assert qgis_new_project.layerTreeRoot().children() == []
    assert qgis_new_project.mapLayers() == {}


def test_a_zip_without_rasters_is_an_error(tmp_path, qgis_new_project):
    zip_path = tmp_path / "only_metadata.zip"
    with zipfile.ZipFile(zip_path, "w") as archive:
        archive.writestr("LC80200392015216LGN00_MTL.txt", "GROUP = L1_METADATA_FILE\n")
        archive.writestr("metadata.xml", "<metadata/>")
    result = TaskResult("lbe", "zip", (str(zip_path),), {"view_id": L8_VIEW, "bands": ["B4"], "reference": "x"})

    with pytest.raises(DataError, match="no GeoTIFF or JPEG 2000"):
        load_result(result, project=qgis_new_project)
    assert qgis_new_project.layerTreeRoot().children() == []


def test_a_geotiff_member_is_found_by_its_content_not_its_name(s2_rgb_result, tmp_path, qgis_new_project):
    zip_path = tmp_path / "odd_names.zip"
    with zipfile.ZipFile(zip_path, "w") as archive:
        archive.write(s2_rgb_result.files[0], "S2_33_U_UU_2017_2_16_0_B04_B03_B02.jp2")  # a GeoTIFF named .jp2
        archive.writestr("notes.dat", "not a raster")
    result = TaskResult("lbe", "zip", (str(zip_path),),
                        {"view_id": S2_VIEW, "bands": ["B04", "B03", "B02"], "reference": "x"})

    layers = load_result(result, project=qgis_new_project)

    assert [layer.name() for layer in layers] == ["S2 2017-02-16 B04 B03 B02"]
    assert layers[0].source().endswith("S2_33_U_UU_2017_2_16_0_B04_B03_B02.jp2")
    assert entries(tmp_path / "odd_names") == ["S2_33_U_UU_2017_2_16_0_B04_B03_B02.jp2", "notes.dat"]


# --- safe extraction ------------------------------------------------------------------------------


def make_zip(path, members: list[tuple[str | zipfile.ZipInfo, bytes]]) -> str:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)
    return str(path)


def test_extraction_returns_the_files_in_the_target_folder(tmp_path):
    zip_path = make_zip(tmp_path / "result.zip", [("a.tif", b"one"), ("docs/", b""), ("docs/b.txt", b"two")])
    target = tmp_path / "result"

    paths = extract_zip_safely(zip_path, str(target))

    assert paths == [str(target / "a.tif"), str(target / "docs" / "b.txt")]
    assert all(os.path.isabs(path) for path in paths)
    assert (target / "a.tif").read_bytes() == b"one"
    assert (target / "docs" / "b.txt").read_bytes() == b"two"
    assert entries(tmp_path) == ["result", "result.zip"]  # no temporary folder left


@pytest.mark.parametrize(
    "evil", ["../evil.txt", "/abs.txt", "a/../../b", "C:/windows.txt", "C:relative.txt", "..\\evil.txt", "a/../.."]
)
def test_a_member_escaping_the_folder_refuses_the_whole_archive(tmp_path, evil):
    zip_path = make_zip(tmp_path / "evil.zip", [("good.txt", b"fine"), (evil, b"gotcha")])
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.namelist()[1] == evil  # zipfile kept the name as given
    target = tmp_path / "out" / "evil"

    with pytest.raises(DataError) as raised:
        extract_zip_safely(zip_path, str(target))

    assert f"member {evil} would be written outside" in str(raised.value)
    assert entries(tmp_path) == ["evil.zip"]  # no target, no temporary folder, no parent
    assert not (tmp_path.parent / "evil.txt").exists()


def test_a_member_that_stays_inside_after_normalising_is_fine(tmp_path):
    zip_path = make_zip(tmp_path / "ok.zip", [("a/../b.txt", b"b"), ("./c/./d.txt", b"d")])
    paths = extract_zip_safely(zip_path, str(tmp_path / "ok"))
    assert paths == [str(tmp_path / "ok" / "b.txt"), str(tmp_path / "ok" / "c" / "d.txt")]


def test_a_symlink_member_refuses_the_whole_archive(tmp_path):
    link = zipfile.ZipInfo("innocent.tif")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    zip_path = make_zip(tmp_path / "link.zip", [("good.txt", b"fine"), (link, b"/etc/passwd")])

    with pytest.raises(DataError, match="innocent.tif.*symbolic link"):
        extract_zip_safely(zip_path, str(tmp_path / "link"))
    assert entries(tmp_path) == ["link.zip"]


@pytest.mark.parametrize(
    "names",
    [("a.txt", "a.txt"), ("a.txt", "x/../a.txt"), ("A.txt", "a.txt"), ("dir", "dir/b.txt"), ("dir/b.txt", "dir")],
)
def test_duplicate_members_refuse_the_whole_archive(tmp_path, names):
    with pytest.warns(UserWarning, match="Duplicate name") if names[0] == names[1] else contextlib.nullcontext():
        zip_path = make_zip(tmp_path / "dup.zip", [(names[0], b"first"), (names[1], b"second")])

    with pytest.raises(DataError) as raised:
        extract_zip_safely(zip_path, str(tmp_path / "dup"))
    assert f"member {names[1]} repeats" in str(raised.value)
    assert entries(tmp_path) == ["dup.zip"]


def test_a_corrupt_member_leaves_nothing_half_written(tmp_path):
    zip_path = tmp_path / "corrupt.zip"
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("first.tif", b"A" * 5000)
        archive.writestr("second.tif", b"B" * 5000)
    data = bytearray(zip_path.read_bytes())
    offset = data.index(b"B" * 5000)
    data[offset + 2500] = ord("X")  # the CRC of second.tif no longer matches
    zip_path.write_bytes(bytes(data))
    target = tmp_path / "new" / "nested" / "corrupt"

    with pytest.raises(DataError, match="second.tif"):
        extract_zip_safely(str(zip_path), str(target))
    assert entries(tmp_path) == ["corrupt.zip"]  # not even the parent folders it created


def test_an_existing_target_folder_is_never_overwritten(tmp_path):
    zip_path = make_zip(tmp_path / "result.zip", [("a.tif", b"new")])
    (tmp_path / "result").mkdir()
    (tmp_path / "result" / "a.tif").write_bytes(b"old")

    paths = extract_zip_safely(zip_path, str(tmp_path / "result"))
    assert paths == [str(tmp_path / "result_2" / "a.tif")]
    assert (tmp_path / "result" / "a.tif").read_bytes() == b"old"
    assert (tmp_path / "result_2" / "a.tif").read_bytes() == b"new"

    paths = extract_zip_safely(zip_path, str(tmp_path / "result"))
    assert paths == [str(tmp_path / "result_3" / "a.tif")]
    assert entries(tmp_path) == ["result", "result.zip", "result_2", "result_3"]
    assert not any(name.startswith(EXTRACT_PREFIX) for name in entries(tmp_path))


def test_a_file_that_is_not_a_zip_is_an_error(tmp_path):
    fake = tmp_path / "fake.zip"
    fake.write_text("not a zip")
    with pytest.raises(DataError, match="fake.zip"):
        extract_zip_safely(str(fake), str(tmp_path / "fake"))
    assert entries(tmp_path) == ["fake.zip"]


# --- names apart --------------------------------------------------------------------------------------


def test_two_crops_of_one_scene_get_distinct_group_and_layer_names(sample_store, tmp_path, qgis_new_project):
    """Two AOIs over the same scene and bands: the second group and layer are numbered, a third too."""
    smaller = {"type": "Polygon", "coordinates": [[[12.58, 52.48], [12.62, 52.48], [12.62, 52.50], [12.58, 52.48]]]}
    names = []
    for number, aoi in enumerate((S2_AOI, smaller, S2_AOI)):
        params = {"view_id": S2_VIEW, "bands": ["B04", "B03", "B02"], "merge": True, "geometry": aoi,
                  "reference": f"crop-{number}"}
        (layer,) = load_result(_run(sample_store, str(tmp_path / f"out{number}"), params), project=qgis_new_project)
        group = qgis_new_project.layerTreeRoot().findLayer(layer.id()).parent()
        names.append((group.name(), layer.name()))
    assert names == [
        ("S2/33/U/UU/2017/2/16/0 · lbe B04 B03 B02", "S2 2017-02-16 B04 B03 B02"),
        ("S2/33/U/UU/2017/2/16/0 · lbe B04 B03 B02 (2)", "S2 2017-02-16 B04 B03 B02 (2)"),
        ("S2/33/U/UU/2017/2/16/0 · lbe B04 B03 B02 (3)", "S2 2017-02-16 B04 B03 B02 (3)"),
    ]
    assert len({layer.name() for layer in qgis_new_project.mapLayers().values()}) == 3


@pytest.mark.parametrize(("bm_type", "layer", "group"), [
    ("B08,B04,B03", "S2 2017-02-16 B08 B04 B03", "S2/33/U/UU/2017/2/16/0 · jpeg B08 B04 B03"),
    ("NDVI", "S2 2017-02-16 NDVI", "S2/33/U/UU/2017/2/16/0 · jpeg NDVI"),
])
def test_visual_layers_name_their_bands(sample_store, tmp_path, qgis_new_project, bm_type, layer, group):
    request = TaskRequest({"type": "jpeg", "params": {"view_id": S2_VIEW, "bm_type": bm_type, "geometry": S2_AOI,
                                                      "format": "png", "reference": "visual-names"}})
    result = run(request, LocalBackend(sample_store), str(tmp_path))
    (loaded,) = load_result(result, project=qgis_new_project)
    assert loaded.name() == layer
    assert qgis_new_project.layerTreeRoot().findLayer(loaded.id()).parent().name() == group


# --- time on the map -------------------------------------------------------------------------------


def test_a_result_carries_its_scenes_day_as_its_temporal_range(s2_rgb_result, l8_zip_result, qgis_new_project):
    """Each layer, of a single file or of a zip, is active in time on its scene's UTC day only."""
    (rgb,) = load_result(s2_rgb_result, project=qgis_new_project)
    assert_shown_on_its_day_only(rgb, dt.date(2017, 2, 16))
    zipped = load_result(l8_zip_result, project=qgis_new_project)
    assert len(zipped) == 2
    for layer in zipped:
        assert_shown_on_its_day_only(layer, dt.date(2015, 8, 4))


def test_a_result_of_no_known_date_gets_no_temporal_range(s2_rgb_result, qgis_new_project):
    undated = replace(s2_rgb_result, details={key: value for key, value in s2_rgb_result.details.items()
                                              if key != "view_id"})
    (layer,) = load_result(undated, project=qgis_new_project)
    assert_shown_at_every_time(layer)
