"""Results on the map: a task's files become styled raster layers in a group named after the request.

Runs on the main thread only (layers and the layer tree belong to it). What touches the disk --
extracting a zip, reading band names, counting each band's 2-98 % cut -- is done beforehand in
the task's worker thread by core.display.prepare_display; this module only creates layers.

- tif and jp2 results load directly (the jp2's .aux.xml sidecar is read by GDAL, never loaded);
- a zip is extracted beside it (refusing members that would escape the folder) and every GeoTIFF /
  JPEG 2000 in it is loaded (metadata files stay on disk only);
- each layer is named after sensor, date and bands and styled by core.layer_style, as Processing
  styles the layers it loads: bands stretched to their 2-98 % cut (the sensor's red, green and
  blue in natural colours), an index with QGIS's RdYlGn ramp over its known range, one layer per
  index of an index file;
- each layer carries its scene's acquisition day as its temporal range (services.layer_time), so
  QGIS's Temporal Controller steps through results.
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import QgsLayerTreeGroup, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QCoreApplication, QThread

from ..core.display import RasterDisplay, file_stem, prepare_display
from ..core.errors import DataError
from ..core.i18n import tr
from ..core.naming import layer_name, numbered_name, requested_bands, result_group_name
from ..core.results import TaskResult
from .layer_style import style_result_layer
from .layer_time import set_acquisition_time

# --- names -----------------------------------------------------------------------------------------


def unique_group_name(project: QgsProject, name: str) -> str:
    """`name`, or `name (2)`, `(3)` ... when the project has a group of that name already (two
    crops of one scene and bands)."""
    return numbered_name(name, lambda candidate: project.layerTreeRoot().findGroup(candidate) is not None)


def unique_layer_name(project: QgsProject, name: str) -> str:
    """`name`, or `name (2)`, `(3)` ... when the project has a layer of that name already."""
    return numbered_name(name, lambda candidate: bool(project.mapLayersByName(candidate)))


# --- loading ---------------------------------------------------------------------------------------


def load_result(
    result: TaskResult, displays: Sequence[RasterDisplay] | None = None, *, project: QgsProject,
    group: QgsLayerTreeGroup | None = None, index_range: tuple[float, float] | None = None,
) -> list[QgsRasterLayer]:
    """Put `result` on the map in a new group at the top of `project`'s layer tree (or at the
    bottom of `group`, a series' group); return the layers added, top first.

    `displays`: the result prepared by core.display.prepare_display in the task's thread; when
    None it is prepared here (fine for small results and scripts).
    `index_range`: an index's colour range shared by the layers of a series (instead of its own).
    Raises DataError naming the file when a raster does not load; the project is left untouched then.
    """
    _require_main_thread()
    if displays is None:
        displays = prepare_display(result)
    view_id = result.details.get("view_id")
    layers = []
    for display in displays:
        if result.task_type == "bandmath":
            # An index file may hold several indices: one layer per index, each with its own ramp.
            for band, label in enumerate(display.band_names or [file_stem(display.path)], start=1):
                layer = open_raster_layer(display.path, layer_name(view_id, [label], fallback=label))
                layers.append((layer, display, band))
            continue
        shown = requested_bands(result) if result.task_type == "jpeg" else display.band_names  # a visual's colours
        name = layer_name(view_id, shown, fallback=file_stem(display.path))
        layers.append((open_raster_layer(display.path, name), display, 1))
    if group is None:
        group = create_result_group(project, unique_group_name(project, result_group_name(result)))
    for layer, display, band in layers:
        layer.setName(unique_layer_name(project, layer.name()))
        style_result_layer(layer, result.task_type, display, view_id, band, index_range)
        set_acquisition_time(layer, view_id)
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    return [layer for layer, _display, _band in layers]


def open_raster_layer(path: str, name: str) -> QgsRasterLayer:
    """A valid raster layer of `path`, or DataError naming the file."""
    layer = QgsRasterLayer(path, name, "gdal")
    if not layer.isValid():
        reason = layer.error().summary() or tr("not a raster QGIS can read")
        raise DataError(tr("cannot load {file} as a layer: {reason}").format(
            file=path, reason=reason))
    return layer


def create_result_group(project: QgsProject, name: str) -> QgsLayerTreeGroup:
    """A new, empty layer group at the top of `project`'s layer tree."""
    return project.layerTreeRoot().insertGroup(0, name)


def _require_main_thread() -> None:
    application = QCoreApplication.instance()
    if application is not None and QThread.currentThread() != application.thread():
        raise RuntimeError("result layers are created on the main thread only")
