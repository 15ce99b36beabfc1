"""The Processing algorithms: one per task type of the API (`lbe`, `jpeg`, `bandmath`, `mt_stats`),
and `fields_stats`: the statistics of `mt_stats` for every polygon of a layer, in one table.

Each builds a request with the builders of core.request (the dock's requests, the command line's
requests) and runs it with core.runner.run: on this computer (the local processor, on the scene
folders of SCENES or of the plugin's settings) when API_URL is empty, else on the Processing API
at that URL, with the key of the authentication configuration chosen in the plugin's settings.

The parameter names are an interface for scripts and models (`processing.run("load_by_extent:lbe",
{"AOI": ..., "VIEW_ID": ..., "BANDS": "B04,B03,B02"})`): keep them stable.

Threads: checkParameterValues and prepareAlgorithm run on the main thread in QGIS's dialog (the
authentication database may ask for the master password there, so the remote backend is made in
prepareAlgorithm); processAlgorithm runs in a worker thread and touches only what it was given.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
from collections.abc import Iterator
from typing import Any

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputFile,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsRasterLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QDate, QVariant

from ..core import api_rules, runner
from ..core.display import RasterDisplay, check_result_raster, raster_display
from ..core.errors import DataError, LoadByExtentError, RequestError, TaskCancelled
from ..core.local import LocalBackend
from ..core.remote.backend import RemoteBackend
from ..core.request import TaskRequest, bandmath_request, jpeg_request, lbe_request, mt_stats_request
from ..core.results import TaskResult, no_scene_text
from ..core.stac.sources import EARTH_SEARCH_ROOT
from ..core.statistics import FIGURES, StatsData, parse_statistics, rows_by_date, to_csv
from ..services.aoi import features_to_wgs84
from ..services.backends import default_qgis_ledger_path, local_backend, remote_backend
from ..services.layer_style import style_result_layer
from ..services.layer_time import set_acquisition_time
from ..services.scene_sources import qgis_scene_stores
from ..services.settings import PluginSettings
from ..services.tasks import failure_text

AOI_DECIMALS = 8  # decimals of the AOI's lon/lat in the request (about a millimetre), as the dock's
SCENE_FOLDER_SEPARATOR = ";"
MT_STATS_INDEX_SEPARATOR = ";"  # expressions themselves contain commas
RASTER_SUFFIXES = (".tif", ".tiff", ".jp2", ".png", ".jpg", ".jpeg")  # result files loaded as layers; a zip stays a zip

# --- parameter and output names: stable, scripts and models use them --------------------------------
AOI = "AOI"
SCENES = "SCENES"
API_URL = "API_URL"
OUTPUT_FOLDER = "OUTPUT_FOLDER"
VIEW_ID = "VIEW_ID"
BANDS = "BANDS"
MERGE = "MERGE"
METADATA = "METADATA"
BM_TYPE = "BM_TYPE"
NAME_ALIAS = "NAME_ALIAS"
RESAMPLE = "RESAMPLE"
COLORMAP = "COLORMAP"
LEVELS = "LEVELS"
PX_SIZE = "PX_SIZE"
FORMAT = "FORMAT"
CALIBRATE = "CALIBRATE"
DATE_START = "DATE_START"
DATE_END = "DATE_END"
SENSORS = "SENSORS"
MAX_CLOUD = "MAX_CLOUD"
EXCLUDE_CLOUD = "EXCLUDE_CLOUD"
LIMIT = "LIMIT"
FILES = "FILES"
REQUEST = "REQUEST"
CSV = "CSV"
JSON = "JSON"
TABLE = "TABLE"
ID_FIELD = "ID_FIELD"

# Which parameter a request field comes from: errors name both ("BANDS (params.bands): ...").
PARAMETER_OF_FIELD = {
    "params.geometry": AOI,
    "params.view_id": VIEW_ID,
    "params.bands": BANDS,
    "params.merge": MERGE,
    "params.metadata": METADATA,
    "params.bm_type": BM_TYPE,
    "params.name_alias": NAME_ALIAS,
    "params.resample": RESAMPLE,
    "params.colormap": COLORMAP,
    "params.levels": LEVELS,
    "params.px_size": PX_SIZE,
    "params.format": FORMAT,
    "params.calibrate": CALIBRATE,
    "params.date_start": DATE_START,
    "params.date_end": DATE_END,
    "params.sensors": SENSORS,
    "params.max_cloud_cover_in_aoi": MAX_CLOUD,
    "params.exclude_cover_pixels": EXCLUDE_CLOUD,
    "params.limit": LIMIT,
}

# --- backends -------------------------------------------------------------------------------------------

def scene_folders(text: str) -> list[str]:
    """The scene sources of a SCENES value (folders, URLs): one, or several separated by ';'."""
    return [folder.strip() for folder in (text or "").split(SCENE_FOLDER_SEPARATOR) if folder.strip()]


def build_backend(scenes: str, api_url: str, settings: PluginSettings) -> LocalBackend | RemoteBackend:
    """The backend of a Processing run: the API at `api_url` when given, else the local
    processor on the folders of `scenes` (else those of the settings). LoadByExtentError saying what to fix."""
    if api_url:  # the dock's ledger: one list of remote tasks
        return remote_backend(settings, default_qgis_ledger_path(), api_url)
    return local_backend(qgis_scene_stores(scene_folders(scenes) or settings.scene_folders,
                                           auth_configs=settings.source_auth), SCENES)


# --- small conversions ------------------------------------------------------------------------------------

def _is_unset(value: Any) -> bool:
    """An optional parameter left empty (None, '', or a NULL QVariant)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, QVariant) and value.isNull()


def _split(text: str, separator: str) -> list[str]:
    return [item.strip() for item in (text or "").split(separator) if item.strip()]


def _field_types() -> dict[str, Any]:
    """QgsField's value types: QMetaType from QGIS 3.38 (required with Qt 6), QVariant before."""
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        return {"string": QMetaType.Type.QString, "double": QMetaType.Type.Double, "date": QMetaType.Type.QDate}
    return {"string": QVariant.Type.String, "double": QVariant.Type.Double, "date": QVariant.Type.Date}


def statistics_fields() -> QgsFields:
    """The TABLE's fields: one feature per (date, index); scenes in error carry `error`."""
    types = _field_types()
    fields = QgsFields()
    fields.append(QgsField("date", types["date"]))
    for name in ("scene_id", "view_id", "index"):
        fields.append(QgsField(name, types["string"]))
    for name in ("cloud", *FIGURES):
        fields.append(QgsField(name, types["double"]))
    fields.append(QgsField("error", types["string"]))
    return fields


# --- styling what loads on completion --------------------------------------------------------------------

class ResultLayerStyler(QgsProcessingLayerPostProcessorInterface):
    """Gives a raster that Processing loads on completion the dock's style (services.layer_style)
    and its scene's day as temporal range (services.layer_time), once it is in the project (QGIS
    calls postProcessLayer on the main thread)."""

    # The context owns the C++ side and deletes it with itself, but nothing keeps this Python object
    # alive (setPostProcessor's wrapper is a temporary): without a reference QGIS would call an empty
    # base class. Kept here until it has styled its layer; the oldest go first when runs whose
    # results are never loaded (processing.run) pile up.
    _alive: collections.deque[ResultLayerStyler] = collections.deque(maxlen=1000)

    def __init__(self, task_type: str, display: RasterDisplay, view_id: str | None) -> None:
        super().__init__()
        self.task_type = task_type
        self.display = display
        self.view_id = view_id

    @classmethod
    def create(cls, task_type: str, display: RasterDisplay, view_id: str | None) -> ResultLayerStyler:
        styler = cls(task_type, display, view_id)
        cls._alive.append(styler)
        return styler

    def postProcessLayer(self, layer: QgsMapLayer, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> None:
        if isinstance(layer, QgsRasterLayer) and layer.isValid():
            style_result_layer(layer, self.task_type, self.display, self.view_id)
            set_acquisition_time(layer, self.view_id)
        with contextlib.suppress(ValueError):
            self._alive.remove(self)


# --- the algorithms -------------------------------------------------------------------------------------

class LoadByExtentAlgorithm(QgsProcessingAlgorithm):
    """What the four task algorithms share: AOI, SCENES, API_URL, OUTPUT_FOLDER, running, FILES."""

    task_type = ""
    takes_multipolygon = False  # lbe and mt_stats take one Polygon only

    def __init__(self) -> None:
        super().__init__()
        self._backend: LocalBackend | RemoteBackend | None = None
        self._backend_error: LoadByExtentError | None = None

    # --- identity ----------------------------------------------------------------------------------
    def tr(self, text: str) -> str:
        # pylupdate files each self.tr() string under the class it is written in: look in each class's context.
        for cls in type(self).__mro__:
            if cls is QgsProcessingAlgorithm:
                break
            translated = QCoreApplication.translate(cls.__name__, text)
            if translated != text:
                return translated
        return text

    def createInstance(self) -> LoadByExtentAlgorithm:
        return type(self)()

    def name(self) -> str:
        return self.task_type

    def group(self) -> str:
        return self.tr("Tasks")

    def groupId(self) -> str:
        return "tasks"

    def shortHelpString(self) -> str:
        return "".join([self.task_help(), self.common_help()])

    # --- parameters ----------------------------------------------------------------------------------
    def initAlgorithm(self, config: dict | None = None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            AOI, self.tr("Area of interest (polygons, dissolved into one)"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.add_task_parameters()
        scenes = QgsProcessingParameterFile(
            SCENES, self.tr("Scene folder or catalog URL (empty: the scene sources of the plugin's settings)"),
            behavior=QgsProcessingParameterFile.Behavior.Folder, optional=True)
        self.addParameter(scenes)
        self.addParameter(QgsProcessingParameterString(
            API_URL, self.tr("Processing API base URL (empty: the local processor)"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            OUTPUT_FOLDER, self.tr("Output folder"), defaultValue=QgsProcessing.TEMPORARY_OUTPUT, optional=True))
        self.addOutput(QgsProcessingOutputString(FILES, self.tr("Result files (separated by ';', main file first)")))
        self.addOutput(QgsProcessingOutputString(REQUEST, self.tr("The request run (the API's JSON)")))
        self.add_task_outputs()

    def add_task_parameters(self) -> None:
        raise NotImplementedError

    def add_task_outputs(self) -> None:
        """Outputs beyond FILES and REQUEST (mt_stats' tables)."""

    def add_view_id(self) -> None:
        self.addParameter(QgsProcessingParameterString(
            VIEW_ID, self.tr("Scene id (view_id, e.g. S2/33/U/UU/2017/2/16/0)")))

    def add_optional_string(self, name: str, description: str) -> None:
        self.addParameter(QgsProcessingParameterString(name, description, optional=True))

    def add_exclude_cloud(self, description: str) -> None:
        """EXCLUDE_CLOUD of the raster tasks (the request's exclude_cover_pixels), off by default.
        Optional: models saved before it existed leave it out, and must still validate and run."""
        self.addParameter(QgsProcessingParameterBoolean(EXCLUDE_CLOUD, description, defaultValue=False,
                                                        optional=True))

    # --- the request ---------------------------------------------------------------------------------
    def task_request(self, parameters: dict, context: QgsProcessingContext, geometry: dict) -> TaskRequest:
        raise NotImplementedError

    def build_request(self, parameters: dict, context: QgsProcessingContext) -> TaskRequest:
        """The validated request of these parameters; RequestError naming the field otherwise."""
        request = self.task_request(parameters, context, self.area_of_interest(parameters, context))
        request.validate()
        return request

    def area_of_interest(self, parameters: dict, context: QgsProcessingContext) -> dict:
        """AOI's features (the selected ones when asked) dissolved into one geometry, in EPSG:4326,
        as GeoJSON."""
        source = self.parameterAsSource(parameters, AOI, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, AOI))
        geometries = [feature.geometry() for feature in source.getFeatures(QgsFeatureRequest().setNoAttributes())
                      if feature.hasGeometry()]
        geometry = features_to_wgs84(geometries, source.sourceCrs(), context.transformContext())
        if geometry is None:
            raise RequestError(self.tr("no feature with a geometry (with 'Selected features "
                                                          "only', select at least one polygon)"), "params.geometry")
        if geometry.isMultipart():
            parts = geometry.asGeometryCollection()
            if len(parts) == 1:
                geometry = parts[0]
            elif not self.takes_multipolygon:
                raise RequestError(self.tr(
                    "the {task} task takes one polygon, and the features make {count} separate polygons: select "
                    "features that touch or overlap, or a single one").format(task=self.task_type, count=len(parts)), "params.geometry")
        return json.loads(geometry.asJson(AOI_DECIMALS))

    @contextlib.contextmanager
    def run_errors(self) -> Iterator[None]:
        """What a run raises, as Processing shows it: one line each, a bug's details in the log."""
        try:
            yield
        except TaskCancelled:
            raise QgsProcessingException(self.tr("Cancelled: nothing was written.")) from None
        except LoadByExtentError as error:
            raise QgsProcessingException(self.parameter_error(error)) from None
        except QgsProcessingException:
            raise
        except Exception as error:  # a bug: the user sees one line, the log has the details
            raise QgsProcessingException(failure_text(error)) from None

    def parameter_error(self, error: LoadByExtentError) -> str:
        """An error's message naming the parameter to fix (and the request's field it fills)."""
        parameter = PARAMETER_OF_FIELD.get(error.field or "")
        if parameter is not None:
            return self.tr("{parameter} ({field}): {message}").format(
                parameter=parameter, field=error.field, message=error.message)
        return str(error)

    def checkParameterValues(self, parameters: dict, context: QgsProcessingContext) -> tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        try:  # said before anything runs, in the dialog too
            self.build_request(parameters, context)
        except LoadByExtentError as error:
            return False, self.parameter_error(error)
        except QgsProcessingException as error:
            return False, str(error)
        return True, ""

    # --- running -------------------------------------------------------------------------------------
    def prepareAlgorithm(self, parameters: dict, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> bool:
        # Main thread: the key may need the master password. A failure is said by processAlgorithm,
        # whose exceptions carry their message to the caller (prepareAlgorithm's do not).
        try:
            api_url = self.parameterAsString(parameters, API_URL, context).strip()
            scenes = self.parameterAsString(parameters, SCENES, context)
            self._backend = build_backend(scenes, api_url, PluginSettings())
        except LoadByExtentError as error:
            self._backend_error = error
        return True

    def processAlgorithm(self, parameters: dict, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> dict:
        with self.run_errors():
            request = self.build_request(parameters, context)
            if self._backend_error is not None:
                raise self._backend_error
            output_folder = self.parameterAsFileOutput(parameters, OUTPUT_FOLDER, context)
            feedback.pushInfo(self.tr("Request: {request}").format(request=request.to_json()))
            feedback.pushInfo(self.tr("Running on {backend}").format(
                backend=self.tr("the Processing API") if isinstance(self._backend, RemoteBackend)
                else self.tr("the local processor")))
            result = runner.run(request, self._backend, output_folder, feedback)
            feedback.pushInfo(self.tr("Result: {files}").format(files=", ".join(result.files)))
            self.load_rasters_on_completion(result, context, feedback)
        outputs = {OUTPUT_FOLDER: output_folder, FILES: ";".join(result.files), REQUEST: request.to_json()}
        outputs.update(self.task_outputs(result, parameters, context, feedback))
        return outputs

    def task_outputs(self, result: TaskResult, parameters: dict, context: QgsProcessingContext,
                     feedback: QgsProcessingFeedback) -> dict:
        return {}

    def load_rasters_on_completion(self, result: TaskResult, context: QgsProcessingContext,
                                   feedback: QgsProcessingFeedback) -> None:
        """The result's rasters (not a zip, not sidecars) join the project when the run ends in
        QGIS's dialog (processing.run leaves them; processing.runAndLoadResults loads them), styled
        as the dock styles them by a post-processor: band names and stretches are read here, in the
        algorithm's thread, so that the main thread only sets renderers. A file the dock would refuse
        to load (not a raster, or one that makes GDAL read other files) stays a file, with a warning."""
        from ..core.naming import layer_name

        view_id = result.details.get("view_id")
        requested = list(result.details.get("bands") or [])
        for path in result.files:
            if not path.lower().endswith(RASTER_SUFFIXES):
                continue
            stem = os.path.basename(path).split(".", 1)[0]
            try:
                check_result_raster(path)
                display = raster_display(path, requested, stretched=result.task_type != "jpeg")
            except DataError as error:
                feedback.pushWarning(self.tr("Not loaded as a layer: {reason}").format(reason=error))
                continue
            bands = list(display.band_names) if result.task_type != "jpeg" else []
            name = layer_name(view_id, bands or [result.details.get("bm_type") or ""], fallback=stem) or stem
            details = QgsProcessingContext.LayerDetails(name, context.project(), FILES)
            details.layerTypeHint = QgsProcessingUtils.LayerHint.Raster
            context.addLayerToLoadOnCompletion(path, details)
            context.layerToLoadOnCompletionDetails(path).setPostProcessor(
                ResultLayerStyler.create(result.task_type, display, view_id))

    # --- help ----------------------------------------------------------------------------------------
    def task_help(self) -> str:
        raise NotImplementedError

    def common_help(self) -> str:
        parts = [
            self.tr("<h3>Area and where it runs</h3>"),
            self.tr("<p><b>AOI</b>: a polygon layer. Its features (only the selected ones with <i>Selected features "
                    "only</i>) are dissolved into one geometry and sent in EPSG:4326. {rule}</p>").format(
                rule=self.tr("The task takes one polygon: features that make separate polygons are an error.")
                if not self.takes_multipolygon else self.tr("Separate polygons are sent as a MultiPolygon.")),
            self.tr("<p><b>SCENES</b>: where the local processor finds scenes: a scene folder, or the http(s) URL "
                    "of a STAC API (e.g. {catalog}) or of a web server of scene folders; several separated by ';'; "
                    "empty: the scene sources of the plugin's settings. From a catalog, only the blocks of the bands "
                    "that the AOI touches are read, through QGIS's proxy; no key is needed.</p>").format(
                catalog=EARTH_SEARCH_ROOT),
            self.tr("<p><b>API_URL</b>: empty runs the task with the local processor, on this computer. A base URL "
                    "(e.g. {url}) sends the request to the Processing API instead. The API key is never a parameter: "
                    "it is read from the authentication configuration chosen in the plugin's settings "
                    "(Settings › Options › Load By Extent), kept in QGIS's authentication database.</p>").format(
                url=api_rules.DEFAULT_API_URL),
            self.tr("<p><b>OUTPUT_FOLDER</b>: where the result files go (default: a temporary folder). Existing "
                    "files are never overwritten; nothing is left there when the task fails or is cancelled.</p>"),
            self.tr("<h3>Outputs</h3><p><b>FILES</b>: the result files, separated by ';' (the main file first, "
                    "sidecars after it). <b>REQUEST</b>: the request as the API takes it (JSON), to run it again "
                    "with the command line (lbe run) or to send it. Raster results are added to the project when "
                    "run from the Processing dialog.</p>"),
        ]
        return "".join(parts)

    @staticmethod
    def parameter_list(items: list[tuple[str, str]]) -> str:
        return "<ul>" + "".join(f"<li><b>{name}</b>: {text}</li>" for name, text in items) + "</ul>"


class LbeAlgorithm(LoadByExtentAlgorithm):
    """Crop bands of one scene to the AOI (task `lbe`)."""

    task_type = "lbe"

    def displayName(self) -> str:
        return self.tr("Crop bands (lbe)")

    def shortDescription(self) -> str:
        return self.tr("Crop raster bands of one scene to the area of interest.")

    def add_task_parameters(self) -> None:
        self.add_view_id()
        self.addParameter(QgsProcessingParameterString(BANDS, self.tr("Bands (comma-separated, e.g. B04,B03,B02)")))
        self.addParameter(QgsProcessingParameterBoolean(
            MERGE, self.tr("Merge bands of the same resolution into one file"), defaultValue=api_rules.DEFAULT_MERGE))
        self.addParameter(QgsProcessingParameterEnum(
            METADATA, self.tr("Metadata files to add"), options=self.metadata_labels(), allowMultiple=True,
            optional=True, defaultValue=[]))

    def metadata_labels(self) -> list[str]:
        labels = {api_rules.TILE_METADATA: self.tr("tile_md (tile metadata)"),
                  api_rules.PRODUCT_METADATA: self.tr("product_md (product metadata)")}
        return [labels.get(name, name) for name in api_rules.METADATA_FILES]

    def task_request(self, parameters: dict, context: QgsProcessingContext, geometry: dict) -> TaskRequest:
        metadata = [api_rules.METADATA_FILES[index]
                    for index in self.parameterAsEnums(parameters, METADATA, context)
                    if 0 <= index < len(api_rules.METADATA_FILES)]
        return lbe_request(
            view_id=self.parameterAsString(parameters, VIEW_ID, context).strip(),
            bands=_split(self.parameterAsString(parameters, BANDS, context), ","),
            geometry=geometry,
            merge=self.parameterAsBoolean(parameters, MERGE, context),
            metadata=metadata,
        )

    def task_help(self) -> str:
        return "".join([
            self.tr("<p>Crops raster bands of one satellite scene to the area of interest: the API's <i>lbe</i> "
                    "task (Download Analytic). Pixels keep the band's own grid, CRS and data type; pixels whose "
                    "centre is outside the polygon get the band's nodata.</p>"),
            self.parameter_list([
                (VIEW_ID, self.tr("the scene id, e.g. S2/33/U/UU/2017/2/16/0 or L8/LC80290332017076LGN00.")),
                (BANDS, self.tr("band names of that sensor, separated by commas, e.g. B04,B03,B02 (Landsat: B4).")),
                (MERGE, self.tr("merge bands of the same resolution into one file (default yes).")),
                (METADATA, self.tr("metadata files to add: tile_md (tile metadata), product_md (product "
                                   "metadata). Scripts give their indices: 0 tile_md, 1 product_md.")),
            ]),
            self.tr("<p><b>The result</b> (first rule that matches): a JPEG 2000 (.jp2) for exactly one band of a "
                    "Sentinel-2 scene; a GeoTIFF (.tif) for one band without metadata, or for merged bands of one "
                    "resolution without metadata; otherwise a zip of separate band files and the metadata files "
                    "asked for (the zip is not extracted).</p>"),
        ])


class BandmathAlgorithm(LoadByExtentAlgorithm):
    """An index or band expression over the AOI (task `bandmath`)."""

    task_type = "bandmath"
    takes_multipolygon = True

    def displayName(self) -> str:
        return self.tr("Index or band math (bandmath)")

    def shortDescription(self) -> str:
        return self.tr("Compute a spectral index or band expression of one scene over the area of interest.")

    def add_task_parameters(self) -> None:
        self.add_view_id()
        self.addParameter(QgsProcessingParameterString(
            BM_TYPE, self.tr("Index or expression (e.g. NDVI, or (B08-B04)/(B08+B04); commas separate several)")))
        self.add_optional_string(NAME_ALIAS, self.tr("Name in the result's file name"))
        self.add_exclude_cloud(self.tr("Cloud and cloud shadow pixels of the scene's mask as nodata"))

    def task_request(self, parameters: dict, context: QgsProcessingContext, geometry: dict) -> TaskRequest:
        return bandmath_request(
            view_id=self.parameterAsString(parameters, VIEW_ID, context).strip(),
            bm_type=self.parameterAsString(parameters, BM_TYPE, context).strip(),
            geometry=geometry,
            name_alias=self.parameterAsString(parameters, NAME_ALIAS, context).strip() or None,
            exclude_cover_pixels=self.parameterAsBoolean(parameters, EXCLUDE_CLOUD, context),
        )

    def task_help(self) -> str:
        return "".join([
            self.tr("<p>Evaluates a spectral index or a band expression of one scene over the area of interest: "
                    "the API's <i>bandmath</i> task (Download Indices). The result is a Float32 GeoTIFF, one band "
                    "per expression, nodata -9999, on the grid of the coarsest band used.</p>"),
            self.parameter_list([
                (VIEW_ID, self.tr("the scene id, e.g. S2/33/U/UU/2017/2/16/0.")),
                (BM_TYPE, self.tr("an index name (NDVI, NDWI, EVI, SAVI, NDMI, NBR, ...) or an expression of the "
                                  "scene's bands and aliases such as (B08-B04)/(B08+B04) or (NIR-RED)/(NIR+RED); "
                                  "several expressions separated by commas give several bands.")),
                (NAME_ALIAS, self.tr("optional: used in the file name instead of the expression.")),
                (EXCLUDE_CLOUD, self.tr("pixels the scene's cloud mask flags as cloud or cloud shadow, or as its "
                                        "fill, become nodata (-9999); a scene without a mask band is refused.")),
            ]),
        ])


class JpegAlgorithm(LoadByExtentAlgorithm):
    """An 8-bit rendering of bands or expressions (task `jpeg`)."""

    task_type = "jpeg"
    takes_multipolygon = True

    def displayName(self) -> str:
        return self.tr("Visual rendering (jpeg)")

    def shortDescription(self) -> str:
        return self.tr("Render a band combination or an index of one scene as an 8-bit image in EPSG:3857.")

    def add_task_parameters(self) -> None:
        self.add_view_id()
        self.addParameter(QgsProcessingParameterString(
            BM_TYPE, self.tr("Bands or expressions (three for red, green, blue, e.g. B04,B03,B02; or one)")))
        self.add_optional_string(NAME_ALIAS, self.tr("Name in the result's file name"))
        self.addParameter(QgsProcessingParameterEnum(
            RESAMPLE, self.tr("Resampling method"), options=list(api_rules.RESAMPLE_METHODS),
            defaultValue=api_rules.RESAMPLE_METHODS.index(api_rules.DEFAULT_RESAMPLE)))
        self.add_optional_string(COLORMAP, self.tr("Colormap of a single-band result (e.g. RdYlGn)"))
        self.add_optional_string(LEVELS, self.tr("Value range stretched to 0..255, 'low,high'"))
        self.addParameter(QgsProcessingParameterNumber(
            PX_SIZE, self.tr("Pixel size, m"), type=QgsProcessingParameterNumber.Type.Double,
            minValue=0.0, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            FORMAT, self.tr("Format"), options=list(api_rules.JPEG_FORMATS),
            defaultValue=api_rules.JPEG_FORMATS.index(api_rules.DEFAULT_JPEG_FORMAT)))
        self.addParameter(QgsProcessingParameterBoolean(
            CALIBRATE, self.tr("Calibrate to top-of-atmosphere reflectance"), defaultValue=False))
        self.add_exclude_cloud(self.tr("Cloud and cloud shadow pixels of the scene's mask transparent"))

    def task_request(self, parameters: dict, context: QgsProcessingContext, geometry: dict) -> TaskRequest:
        resample = self.parameterAsEnum(parameters, RESAMPLE, context)
        output_format = self.parameterAsEnum(parameters, FORMAT, context)
        return jpeg_request(
            view_id=self.parameterAsString(parameters, VIEW_ID, context).strip(),
            bm_type=self.parameterAsString(parameters, BM_TYPE, context).strip(),
            geometry=geometry,
            resample=api_rules.RESAMPLE_METHODS[resample],
            output_format=api_rules.JPEG_FORMATS[output_format],
            # not set: the native resolution (a 0 from scripts written for earlier versions too)
            px_size=None if _is_unset(parameters.get(PX_SIZE)) else
            self.parameterAsDouble(parameters, PX_SIZE, context) or None,
            levels=self.parameterAsString(parameters, LEVELS, context),
            colormap=self.parameterAsString(parameters, COLORMAP, context).strip() or None,
            calibrate=self.parameterAsBoolean(parameters, CALIBRATE, context),
            name_alias=self.parameterAsString(parameters, NAME_ALIAS, context).strip() or None,
            exclude_cover_pixels=self.parameterAsBoolean(parameters, EXCLUDE_CLOUD, context),
        )

    def task_help(self) -> str:
        return "".join([
            self.tr("<p>Renders bands or expressions of one scene over the area of interest as an 8-bit image in "
                    "EPSG:3857: the API's <i>jpeg</i> task (Download Visual).</p>"),
            self.parameter_list([
                (VIEW_ID, self.tr("the scene id, e.g. S2/33/U/UU/2017/2/16/0.")),
                (BM_TYPE, self.tr("three bands or expressions for red, green and blue (B04,B03,B02), or one "
                                  "(an index such as NDVI, coloured with COLORMAP).")),
                (NAME_ALIAS, self.tr("optional: used in the file name.")),
                (RESAMPLE, self.tr("resampling method (default cubic): {methods}.").format(
                    methods=", ".join(api_rules.RESAMPLE_METHODS))),
                (COLORMAP, self.tr("optional: a named colormap for a single-band result, e.g. RdYlGn, viridis.")),
                (LEVELS, self.tr("optional: the value range stretched to 0..255, 'low,high' (default -0.5,0.5 "
                                 "for indices, a 2-98 % cut for bands).")),
                (PX_SIZE, self.tr("optional: output pixel size in metres; not set keeps the native resolution.")),
                (FORMAT, self.tr("jpeg, png or tiff (scripts give the index: 0 jpeg, 1 png, 2 tiff).")),
                (CALIBRATE, self.tr("convert digital numbers to top-of-atmosphere reflectance first.")),
                (EXCLUDE_CLOUD, self.tr("pixels the scene's cloud mask flags as cloud or cloud shadow, or as its "
                                        "fill, become transparent (black in a JPEG); a scene without a mask band "
                                        "is refused.")),
            ]),
        ])


class MtStatsAlgorithm(LoadByExtentAlgorithm):
    """Statistics of indices over the AOI, scene by scene over dates (task `mt_stats`)."""

    task_type = "mt_stats"

    def displayName(self) -> str:
        return self.tr("Index statistics over time (mt_stats)")

    def shortDescription(self) -> str:
        return self.tr("Statistics of up to three indices over the area of interest for every scene in a date range.")

    def add_task_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterString(
            BM_TYPE, self.tr("Indices or expressions, separated by ';' (up to {count}, e.g. NDVI;NDWI)").format(
                count=api_rules.MAX_MT_STATS_INDICES)))
        # The year up to today, as the dialog opens (each dialog gets a new instance): not today twice.
        today = QDate.currentDate()
        self.addParameter(QgsProcessingParameterDateTime(
            DATE_START, self.tr("First date"), type=QgsProcessingParameterDateTime.Type.Date,
            defaultValue=today.addYears(-1)))
        self.addParameter(QgsProcessingParameterDateTime(
            DATE_END, self.tr("Last date"), type=QgsProcessingParameterDateTime.Type.Date, defaultValue=today))
        self.add_optional_string(SENSORS, self.tr("Sensors, comma-separated (e.g. sentinel2,landsat8; empty: all)"))
        self.addParameter(QgsProcessingParameterNumber(
            MAX_CLOUD, self.tr("Highest cloud cover in the area of interest, %"),
            type=QgsProcessingParameterNumber.Type.Double, minValue=0.0, maxValue=100.0, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            EXCLUDE_CLOUD, self.tr("Leave cloud and cloud shadow pixels out of the statistics"), defaultValue=False))
        self.addParameter(QgsProcessingParameterNumber(
            LIMIT, self.tr("Most scenes"), type=QgsProcessingParameterNumber.Type.Integer,
            defaultValue=api_rules.DEFAULT_MT_STATS_LIMIT, minValue=1))

    def add_task_outputs(self) -> None:
        self.addParameter(QgsProcessingParameterFileDestination(
            CSV, self.tr("Statistics table (CSV)"), self.tr("CSV files (*.csv)"),
            defaultValue=QgsProcessing.TEMPORARY_OUTPUT, optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            JSON, self.tr("The API's answer (JSON)"), self.tr("JSON files (*.json)"),
            defaultValue=QgsProcessing.TEMPORARY_OUTPUT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            TABLE, self.tr("Statistics"), QgsProcessing.SourceType.TypeVector,
            defaultValue=QgsProcessing.TEMPORARY_OUTPUT, optional=True))

    def task_request(self, parameters: dict, context: QgsProcessingContext, geometry: dict) -> TaskRequest:
        sensors = _split(self.parameterAsString(parameters, SENSORS, context), ",")
        max_cloud = None if _is_unset(parameters.get(MAX_CLOUD)) else \
            self.parameterAsDouble(parameters, MAX_CLOUD, context)
        return mt_stats_request(
            bm_type=_split(self.parameterAsString(parameters, BM_TYPE, context), MT_STATS_INDEX_SEPARATOR),
            date_start=self.date(parameters, DATE_START, context),
            date_end=self.date(parameters, DATE_END, context),
            geometry=geometry,
            sensors=sensors or None,
            limit=self.parameterAsInt(parameters, LIMIT, context),
            max_cloud_cover_in_aoi=max_cloud,
            exclude_cover_pixels=self.parameterAsBoolean(parameters, EXCLUDE_CLOUD, context),
        )

    def date(self, parameters: dict, name: str, context: QgsProcessingContext) -> str:
        """A date parameter as YYYY-MM-DD (given as a QDate, a QDateTime or text)."""
        value = self.parameterAsDateTime(parameters, name, context).date()
        if not value.isValid():
            field = "params.date_start" if name == DATE_START else "params.date_end"
            raise RequestError(self.tr("missing or not a date YYYY-MM-DD: {value!r}").format(
                value=parameters.get(name)), field)
        return f"{value.year():04d}-{value.month():02d}-{value.day():02d}"

    def task_outputs(self, result: TaskResult, parameters: dict, context: QgsProcessingContext,
                     feedback: QgsProcessingFeedback) -> dict:
        answer = result.details.get("result")
        if not isinstance(answer, dict):
            with open(result.files[0], encoding="utf-8") as stream:
                answer = json.load(stream)
        empty = no_scene_text(answer, {"date_start": self.date(parameters, DATE_START, context),
                                       "date_end": self.date(parameters, DATE_END, context)})
        if empty is not None:
            feedback.pushWarning(empty)
        data = parse_statistics(answer, result.details.get("bm_type") or
                                _split(self.parameterAsString(parameters, BM_TYPE, context), MT_STATS_INDEX_SEPARATOR))
        outputs: dict = {}
        csv_path = self.parameterAsFileOutput(parameters, CSV, context)
        if csv_path:
            os.makedirs(os.path.dirname(os.path.abspath(csv_path)), exist_ok=True)
            to_csv(data, csv_path)
            outputs[CSV] = csv_path
        json_path = self.parameterAsFileOutput(parameters, JSON, context)
        if json_path:
            os.makedirs(os.path.dirname(os.path.abspath(json_path)), exist_ok=True)
            with open(json_path, "w", encoding="utf-8") as stream:
                json.dump(answer, stream, indent=2)
            outputs[JSON] = json_path
        fields = statistics_fields()
        sink, table = self.parameterAsSink(parameters, TABLE, context, fields, QgsWkbTypes.Type.NoGeometry,
                                           QgsCoordinateReferenceSystem())
        if sink is None and not _is_unset(parameters.get(TABLE)):
            raise QgsProcessingException(self.invalidSinkError(parameters, TABLE))
        if sink is not None:
            count = 0
            for feature in self.statistics_features(data, fields):
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
                count += 1
            outputs[TABLE] = table
            feedback.pushInfo(self.tr("{count} statistics row(s), {errors} scene(s) in error").format(
                count=count - len(data.errors), errors=len(data.errors)))
        return outputs

    @staticmethod
    def statistics_features(data: StatsData, fields: QgsFields) -> list[QgsFeature]:
        """One feature per (date, index) in date order, then one per scene in error."""
        features = []
        for name, row in rows_by_date(data):
            feature = QgsFeature(fields)
            feature.setAttributes([QDate(row.date.year, row.date.month, row.date.day), row.scene_id, row.view_id, name,
                                   row.cloud, *(row.figure(figure) for figure in FIGURES), None])
            features.append(feature)
        for error in data.errors:
            feature = QgsFeature(fields)
            day = QDate(error.date.year, error.date.month, error.date.day) if error.date else None
            feature.setAttributes([day, error.scene_id, error.view_id, None, None,
                                   *(None for _ in FIGURES), error.reason])
            features.append(feature)
        return features

    def task_help(self) -> str:
        return "".join([
            self.tr("<p>Statistics of up to three indices over the area of interest for every scene dated in a "
                    "range: the API's <i>mt_stats</i> task (Download Multi-Temporal Statistics). For each scene and "
                    "index: min, max, average, median, std, variance, q1, q3, p10, p90 over the valid pixels, and "
                    "the cloud cover in the area.</p>"),
            self.parameter_list([
                (BM_TYPE, self.tr("index names or expressions separated by ';' (expressions contain commas), "
                                  "e.g. NDVI or NDVI;NDWI.")),
                (DATE_START, self.tr("the first date (default: a year before today; scripts: 'YYYY-MM-DD').")),
                (DATE_END, self.tr("the last date (default: today; at most a year after the first is "
                                   "recommended).")),
                (SENSORS, self.tr("optional: sensors separated by commas, e.g. sentinel2, landsat8, S2, L8.")),
                (MAX_CLOUD, self.tr("optional: scenes with more cloud in the area (percent) are listed as errors.")),
                (EXCLUDE_CLOUD, self.tr("leave pixels flagged cloud or cloud shadow out of the statistics.")),
                (LIMIT, self.tr("the most scenes to compute (default 100).")),
            ]),
            self.tr("<p><b>CSV</b>: one row per date and index, then the scenes in error. <b>JSON</b>: the API's "
                    "answer itself. <b>TABLE</b>: a table without geometry, one feature per date and index "
                    "(date, scene_id, view_id, index, cloud and the figures); scenes in error have an error.</p>"),
        ])


class FieldsStatsAlgorithm(MtStatsAlgorithm):
    """The statistics of mt_stats for every polygon of a layer, in one table: on the local processor
    (core/local/field_stats.py), or with API_URL on the Processing API, one task per polygon
    (core/remote/fields.py)."""

    task_type = "fields_stats"

    def __init__(self) -> None:
        super().__init__()
        self._layer_id = ""  # the polygon layer's, when it is one of the project's
        self._table_run: tuple[str, dict, str] | None = None  # the CSV, the request, the id field

    def displayName(self) -> str:
        return self.tr("Index statistics over time of every polygon (fields_stats)")

    def shortDescription(self) -> str:
        return self.tr("The statistics of mt_stats for every polygon of a layer, in one table.")

    def initAlgorithm(self, config: dict | None = None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            AOI, self.tr("Polygons (each one on its own)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(ID_FIELD, self.tr("Field naming each polygon"), parentLayerParameterName=AOI))
        self.add_task_parameters()
        self.addParameter(QgsProcessingParameterFile(
            SCENES, self.tr("Scene folder (empty: the scene folders of the plugin's settings)"),
            behavior=QgsProcessingParameterFile.Behavior.Folder, optional=True))
        self.addParameter(QgsProcessingParameterString(
            API_URL, self.tr("Processing API base URL (empty: the local processor)"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            OUTPUT_FOLDER, self.tr("Output folder"), defaultValue=QgsProcessing.TEMPORARY_OUTPUT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            TABLE, self.tr("Statistics of every polygon"), QgsProcessing.SourceType.TypeVector,
            defaultValue=QgsProcessing.TEMPORARY_OUTPUT, optional=True))
        self.addOutput(QgsProcessingOutputString(FILES, self.tr("Result files (separated by ';', main file first)")))
        self.addOutput(QgsProcessingOutputString(REQUEST, self.tr("The request run (the API's JSON)")))
        self.addOutput(QgsProcessingOutputFile(CSV, self.tr("Statistics table (CSV)")))

    def polygons(self, parameters: dict, context: QgsProcessingContext) -> tuple[list, QgsField]:
        """The fields of the run, each feature (the selected ones when asked) on its own, in
        EPSG:4326, and the id field."""
        from ..core.local.field_stats import Field

        source = self.parameterAsSource(parameters, AOI, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, AOI))
        name = self.parameterAsString(parameters, ID_FIELD, context)
        index = source.fields().lookupField(name)
        if index < 0:
            raise QgsProcessingException(self.tr("{parameter}: the layer has no field {name}").format(
                parameter=ID_FIELD, name=repr(name)))
        found = []
        for feature in source.getFeatures():
            geometry = features_to_wgs84([feature.geometry()], source.sourceCrs(), context.transformContext())
            if geometry is None:
                raise RequestError(self.tr("feature {id} has no geometry").format(id=feature[index]), "params.geometry")
            if geometry.isMultipart() and len(geometry.asGeometryCollection()) == 1:
                geometry = geometry.asGeometryCollection()[0]
            found.append(Field(feature[index], json.loads(geometry.asJson(AOI_DECIMALS))))
        if not found:
            raise RequestError(self.tr("no feature (with 'Selected features only', select at least one polygon)"),
                               "params.geometry")
        return found, source.fields().at(index)

    def build_request(self, parameters: dict, context: QgsProcessingContext) -> TaskRequest:
        return self.prepared(parameters, context)[0]

    def prepared(self, parameters: dict, context: QgsProcessingContext) -> tuple:
        """The request (its geometry the polygons' envelope), its params, the fields and the id field."""
        from ..core.local.field_stats import fields_request

        fields, id_field = self.polygons(parameters, context)
        request, params = fields_request(self.task_request(parameters, context, fields[0].geometry), fields)
        return request, params, fields, id_field

    def prepareAlgorithm(self, parameters: dict, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> bool:
        try:
            api_url = self.parameterAsString(parameters, API_URL, context).strip()
            scenes = self.parameterAsString(parameters, SCENES, context)
            self._backend = build_backend(scenes, api_url, PluginSettings())
        except LoadByExtentError as error:
            self._backend_error = error
        # The polygon layer, when it is one of the project's: the statistics dock follows its selection.
        layer = self.parameterAsVectorLayer(parameters, AOI, context)
        in_project = layer is not None and context.project() is not None and context.project().mapLayer(layer.id())
        self._layer_id = layer.id() if in_project else ""
        self._table_run = None
        return True

    def processAlgorithm(self, parameters: dict, context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> dict:
        from ..core.local.field_stats import FieldsBackend
        from ..core.remote.fields import RemoteFieldsBackend

        with self.run_errors():
            request, params, fields, id_field = self.prepared(parameters, context)
            if self._backend_error is not None:
                raise self._backend_error
            output_folder = self.parameterAsFileOutput(parameters, OUTPUT_FOLDER, context)
            feedback.pushInfo(self.tr("Request: {request}").format(request=request.to_json()))
            backend: FieldsBackend | RemoteFieldsBackend
            if isinstance(self._backend, RemoteBackend):
                feedback.pushInfo(self.tr("Running on the Processing API: one mt_stats task per polygon"))
                backend = RemoteFieldsBackend(self._backend, fields)
            else:
                assert isinstance(self._backend, LocalBackend)
                backend = FieldsBackend(self._backend.store, fields, self._backend.reading)
            result = runner.run(request, backend, output_folder, feedback, params=params)
            feedback.pushInfo(self.tr("Result: {files}").format(files=", ".join(result.files)))
        outputs = {OUTPUT_FOLDER: output_folder, FILES: ";".join(result.files), REQUEST: request.to_json(),
                   CSV: result.files[0]}
        table = self.write_table(result.files[0], fields, id_field, parameters, context)
        self._table_run = (result.files[0], request.to_dict(), id_field.name())
        if table is not None:
            outputs[TABLE] = table
        return outputs

    def postProcessAlgorithm(self, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> dict:  # noqa: N802
        """On the main thread, once the table is written: the plugin shows it in the statistics dock."""
        from ..services.fields_runs import FIELDS_RUNS

        if self._table_run is not None:
            csv_path, request, id_field = self._table_run
            FIELDS_RUNS.tableReady.emit(csv_path, request, self._layer_id, id_field)
        return {}  # the results of processAlgorithm stand

    def write_table(self, csv_path: str, fields: list, id_field: QgsField, parameters: dict,
                    context: QgsProcessingContext) -> str | None:
        """TABLE: the CSV's rows as features without geometry, `id` of the id field's own type."""
        import csv

        from ..core.local.field_stats import CSV_COLUMNS
        from ..core.local.field_stats import FIGURES as FIELD_FIGURES

        types = _field_types()
        table_fields = QgsFields()
        identifier = QgsField(id_field)
        identifier.setName("id")
        table_fields.append(identifier)
        table_fields.append(QgsField("date", types["date"]))
        for name in ("scene_id", "index"):
            table_fields.append(QgsField(name, types["string"]))
        for name in (*FIELD_FIGURES, "cloud"):
            table_fields.append(QgsField(name, types["double"]))
        for name in ("view_id", "error"):
            table_fields.append(QgsField(name, types["string"]))
        sink, table = self.parameterAsSink(parameters, TABLE, context, table_fields, QgsWkbTypes.Type.NoGeometry,
                                           QgsCoordinateReferenceSystem())
        if sink is None:
            if not _is_unset(parameters.get(TABLE)):
                raise QgsProcessingException(self.invalidSinkError(parameters, TABLE))
            return None
        ids = {("" if field.id is None else str(field.id)): field.id for field in fields}
        with open(csv_path, encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream, fieldnames=CSV_COLUMNS):
                if row["id"] == "id" and row["date"] == "date":
                    continue  # the header
                day = QDate.fromString(row["date"], "yyyy-MM-dd") if row["date"] else None
                feature = QgsFeature(table_fields)
                feature.setAttributes([ids.get(row["id"], row["id"]), day, row["scene_id"], row["index"] or None,
                                       *(float(row[name]) if row[name] else None for name in (*FIELD_FIGURES, "cloud")),
                                       row["view_id"] or None, row["error"] or None])
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return table

    def common_help(self) -> str:
        return "".join([
            self.tr("<h3>Polygons and where it runs</h3>"),
            self.tr("<p><b>AOI</b>: a polygon layer; each feature (only the selected ones with <i>Selected features "
                    "only</i>) is one polygon of the table, named by its <b>ID_FIELD</b>.</p>"),
            self.tr("<p><b>SCENES</b>: the scene folder for the local processor (several separated by ';'); "
                    "empty: the scene folders of the plugin's settings.</p>"),
            self.tr("<p><b>API_URL</b>: empty runs on this computer, with the local processor, which reads each "
                    "scene once for all the polygons. A base URL (e.g. {url}) runs on the Processing API instead: one "
                    "mt_stats task per polygon, its reference the request's followed by '-' and the polygon's id, one "
                    "after the other, gathered into the same table. A polygon whose task fails is one row with the "
                    "reason, and the others still run; a polygon asked again as before reuses its earlier task. "
                    "The API key is read from the authentication configuration chosen in the plugin's settings "
                    "(Settings › Options › Load By Extent).</p>").format(url=api_rules.DEFAULT_API_URL),
            self.tr("<p><b>OUTPUT_FOLDER</b>: where the CSV goes (default: a temporary folder), named after the "
                    "request's reference. Existing files are never overwritten; nothing is left there when the run "
                    "fails or is cancelled.</p>"),
        ])

    def task_help(self) -> str:
        return "".join([
            self.tr("<p>The statistics of the <i>mt_stats</i> task for every polygon of a layer, in one run: each "
                    "scene is read once for all the polygons that meet it, and each polygon's figures are those an "
                    "mt_stats run over that polygon alone gives.</p>"),
            self.parameter_list([
                (BM_TYPE, self.tr("index names or expressions separated by ';' (expressions contain commas), "
                                  "e.g. NDVI or NDVI;NDWI.")),
                (DATE_START, self.tr("the first date (default: a year before today; scripts: 'YYYY-MM-DD').")),
                (DATE_END, self.tr("the last date (default: today).")),
                (SENSORS, self.tr("optional: sensors separated by commas, e.g. sentinel2, landsat8, S2, L8.")),
                (MAX_CLOUD, self.tr("optional: scenes with more cloud in a polygon (percent) are that polygon's "
                                    "errors.")),
                (EXCLUDE_CLOUD, self.tr("leave pixels flagged cloud or cloud shadow out of the statistics.")),
                (LIMIT, self.tr("the most scenes per polygon (default 100).")),
            ]),
            self.tr("<p><b>TABLE</b>: a table without geometry, one feature per polygon, date and index (id, date, "
                    "scene_id, index, the ten figures, cloud, view_id); a scene in a polygon's errors is one feature with "
                    "the reason in <i>error</i>, a polygon no scene meets one feature with only its id and the "
                    "reason. <b>CSV</b> (and <b>FILES</b>): the same table as CSV in the output folder. "
                    "<b>REQUEST</b>: the mt_stats request, its geometry the polygons' envelope.</p>"),
        ])


ALGORITHMS: tuple[type[LoadByExtentAlgorithm], ...] = (LbeAlgorithm, JpegAlgorithm, BandmathAlgorithm, MtStatsAlgorithm,
                                                       FieldsStatsAlgorithm)
