"""Results on the map: a task's files become styled raster layers in a group named after the request.

Runs on the main thread only (layers and the layer tree belong to it). What touches the disk --
extracting a zip, reading band names, counting each band's 2-98 % cut -- is done beforehand in
the task's worker thread by core.display.prepare_display; this module only creates layers.

- tif and jp2 results load directly (the jp2's .aux.xml sidecar is read by GDAL, never loaded);
- a zip is extracted beside it (refusing members that would escape the folder) and every GeoTIFF /
  JPEG 2000 in it is loaded (metadata files stay on disk only);
- each layer is named after sensor, date and bands and stretched to its 2-98 % cumulative cut:
  three or more bands in true colour (1, 2, 3), two bands as a colour composite (band 1 red, band 2
  green and blue: where band 1 is high the pixel is red, where band 2 is, cyan), one band in grey;
- an index layer has the RdYlGn ramp over the index's known range from the catalog (NDVI -1..1,
  core/indices.py), so its colours mean the same on every date; over its own 2-98 % cut when it
  has none (a ratio, a custom expression).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from qgis.core import (
    QgsColorRampShader,
    QgsContrastEnhancement,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsLayerTreeGroup,
    QgsMultiBandColorRenderer,
    QgsProject,
    QgsRasterLayer,
    QgsRasterMinMaxOrigin,
    QgsRasterShader,
    QgsSingleBandGrayRenderer,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtCore import QCoreApplication, QThread
from qgis.PyQt.QtGui import QColor

from ..core import display as display_module
from ..core.display import (
    CUMULATIVE_CUT_LOWER,
    CUMULATIVE_CUT_UPPER,
    RasterDisplay,
    file_stem,
    prepare_display,
    raster_cuts,
)
from ..core.errors import DataError, LbeError
from ..core.expressions import split_expressions
from ..core.indices import display_range
from ..core.results import TaskResult
from ..core.sensors import parse_view_id

# --- names -----------------------------------------------------------------------------------------


def result_group_name(result: TaskResult) -> str:
    """The layer group of a result: `S2/33/U/UU/2017/2/16/0 · lbe B04 B03 B02` (a visual: `· jpeg
    B08 B04 B03`)."""
    scene = result.details.get("view_id") or file_stem(result.files[0] if result.files else "")
    request = " ".join([result.task_type, *requested_bands(result)])
    return QCoreApplication.translate("LoadByExtent", "{scene} · {request}").format(scene=scene, request=request)


def requested_bands(result: TaskResult) -> list[str]:
    """The bands (or expressions) the request asked for: a visual's are those of its `bm_type`."""
    bands = result.details.get("bands")
    if bands:
        return list(bands)
    bm_type = result.details.get("bm_type") if result.task_type == "jpeg" else None
    if isinstance(bm_type, str):
        try:
            return [part for part in split_expressions(bm_type) if part]
        except LbeError:
            return [bm_type]
    return list(bm_type or [])


def unique_group_name(project: QgsProject, name: str) -> str:
    """`name`, or `name (2)`, `(3)` ... when the project has a group of that name already (two
    crops of one scene and bands)."""
    return _numbered(name, lambda candidate: project.layerTreeRoot().findGroup(candidate) is not None)


def unique_layer_name(project: QgsProject, name: str) -> str:
    """`name`, or `name (2)`, `(3)` ... when the project has a layer of that name already."""
    return _numbered(name, lambda candidate: bool(project.mapLayersByName(candidate)))


def _numbered(name: str, taken) -> str:
    candidate, number = name, 1
    while taken(candidate):
        number += 1
        candidate = f"{name} ({number})"
    return candidate


def layer_name(view_id: str | None, bands: Sequence[str], fallback: str = "") -> str:
    """A layer's name: sensor, date and bands, `S2 2017-02-16 B04 B03 B02` or `L8 2015-08-04 B8`.

    `fallback` (a file name, say) stands in for sensor and date when `view_id` is missing or unknown.
    """
    band_text = " ".join(bands)
    try:
        scene = parse_view_id(view_id) if view_id else None
    except LbeError:
        scene = None
    if scene is None:
        return " ".join(part for part in (fallback or view_id or "", band_text) if part)
    if scene.date is None:
        return " ".join(part for part in (scene.sensor.code, scene.scene_name, band_text) if part)
    return QCoreApplication.translate("LoadByExtent", "{sensor} {date} {bands}").format(
        sensor=scene.sensor.code, date=scene.date.isoformat(), bands=band_text
    ).strip()


# --- loading ---------------------------------------------------------------------------------------


def load_result(
    result: TaskResult, displays: Sequence[RasterDisplay] | None = None, *, project: QgsProject
) -> list[QgsRasterLayer]:
    """Put `result` on the map in a new group at the top of `project`'s layer tree; return the
    layers added, top first.

    `displays`: the result prepared by core.display.prepare_display in the task's thread; when
    None it is prepared here (fine for small results and scripts).
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
                layers.append((layer, lambda layer, band=band, cut=display.cuts[band - 1], label=label:
                               style_index_layer(layer, band, cut, display_range(label))))
            continue
        shown = requested_bands(result) if result.task_type == "jpeg" else display.band_names  # a visual's colours
        name = layer_name(view_id, shown, fallback=file_stem(display.path))
        layer = open_raster_layer(display.path, name)
        if result.task_type == "jpeg":
            layers.append((layer, style_visual_layer))
        else:
            layers.append((layer, lambda layer, cuts=display.cuts: style_raster_layer(layer, cuts)))
    group = create_result_group(project, unique_group_name(project, result_group_name(result)))
    for layer, style in layers:
        layer.setName(unique_layer_name(project, layer.name()))
        style(layer)
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    return [layer for layer, _style in layers]


def open_raster_layer(path: str, name: str) -> QgsRasterLayer:
    """A valid raster layer of `path`, or DataError naming the file."""
    layer = QgsRasterLayer(path, name, "gdal")
    if not layer.isValid():
        reason = layer.error().summary() or QCoreApplication.translate("LoadByExtent", "not a raster QGIS can read")
        raise DataError(QCoreApplication.translate("LoadByExtent", "cannot load {file} as a layer: {reason}").format(
            file=path, reason=reason))
    return layer


def create_result_group(project: QgsProject, name: str) -> QgsLayerTreeGroup:
    """A new, empty layer group at the top of `project`'s layer tree."""
    return project.layerTreeRoot().insertGroup(0, name)


def _require_main_thread() -> None:
    application = QCoreApplication.instance()
    if application is not None and QThread.currentThread() != application.thread():
        raise RuntimeError("result layers are created on the main thread only")


# --- style -----------------------------------------------------------------------------------------


def style_raster_layer(layer: QgsRasterLayer, cuts: Sequence[tuple[float, float]] | None = None) -> None:
    """True colour on bands 1, 2, 3 for three or more bands; two bands as a colour composite, band 1
    on red and band 2 on green and blue (neither hidden); one band in grey. Each band stretched to
    its 2-98 % cumulative cut (`cuts`, counted here when not given); the source nodata shown
    transparent."""
    if cuts is None:
        cuts = raster_cuts(layer.source())
    provider = layer.dataProvider()
    for band in range(1, layer.bandCount() + 1):
        provider.setUseSourceNoDataValue(band, True)
    origin = QgsRasterMinMaxOrigin()
    origin.setLimits(QgsRasterMinMaxOrigin.Limits.CumulativeCut)
    origin.setCumulativeCutLower(CUMULATIVE_CUT_LOWER)
    origin.setCumulativeCutUpper(CUMULATIVE_CUT_UPPER)
    origin.setExtent(QgsRasterMinMaxOrigin.Extent.WholeRaster)
    counted_whole = layer.width() * layer.height() <= display_module.MAX_SAMPLE_PIXELS
    origin.setStatAccuracy(
        QgsRasterMinMaxOrigin.StatAccuracy.Exact if counted_whole else QgsRasterMinMaxOrigin.StatAccuracy.Estimated
    )
    if layer.bandCount() >= 3:
        renderer = QgsMultiBandColorRenderer(provider, 1, 2, 3)
        renderer.setRedContrastEnhancement(_stretch(layer, 1, cuts[0]))
        renderer.setGreenContrastEnhancement(_stretch(layer, 2, cuts[1]))
        renderer.setBlueContrastEnhancement(_stretch(layer, 3, cuts[2]))
    elif layer.bandCount() == 2:
        renderer = QgsMultiBandColorRenderer(provider, 1, 2, 2)
        renderer.setRedContrastEnhancement(_stretch(layer, 1, cuts[0]))
        renderer.setGreenContrastEnhancement(_stretch(layer, 2, cuts[1]))
        renderer.setBlueContrastEnhancement(_stretch(layer, 2, cuts[1]))
    else:
        renderer = QgsSingleBandGrayRenderer(provider, 1)
        renderer.setContrastEnhancement(_stretch(layer, 1, cuts[0]))
    renderer.setMinMaxOrigin(origin)
    layer.setRenderer(renderer)
    layer.triggerRepaint()


INDEX_RAMP = "RdYlGn"  # low (bare, dry) in red, high (green, wet) in green: how indices are usually read


def style_index_layer(layer: QgsRasterLayer, band: int, cut: tuple[float, float],
                      known_range: tuple[float, float] | None = None) -> None:
    """A pseudocolour ramp (with its legend) over the index's known range (core.indices'
    display_range) when it has one, else over its 2-98 % cut."""
    from ..core.colormaps import color_stops

    low, high = known_range if known_range is not None else cut
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        low, high = -1.0, 1.0
    stops = color_stops(INDEX_RAMP, 11)
    items = [QgsColorRampShader.ColorRampItem(low + (high - low) * fraction, QColor(*rgb), f"{low + (high - low) * fraction:.3g}")
             for fraction, rgb in stops]
    ramp = QgsGradientColorRamp(QColor(*stops[0][1]), QColor(*stops[-1][1]), False,
                                [QgsGradientStop(fraction, QColor(*rgb)) for fraction, rgb in stops[1:-1]])
    ramp_shader = QgsColorRampShader(low, high, ramp, QgsColorRampShader.Interpolated)
    ramp_shader.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp_shader)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), band, shader)
    renderer.setClassificationMin(low)
    renderer.setClassificationMax(high)
    layer.dataProvider().setUseSourceNoDataValue(band, True)
    layer.setRenderer(renderer)
    layer.triggerRepaint()


def style_visual_layer(layer: QgsRasterLayer) -> None:
    """A rendering (the jpeg task) is an image already: its bytes shown as they are, alpha kept."""
    provider = layer.dataProvider()
    if layer.bandCount() >= 3:
        renderer = QgsMultiBandColorRenderer(provider, 1, 2, 3)
        if layer.bandCount() >= 4:
            renderer.setAlphaBand(4)
    else:
        renderer = QgsSingleBandGrayRenderer(provider, 1)
        if layer.bandCount() == 2:
            renderer.setAlphaBand(2)
    layer.setRenderer(renderer)
    layer.triggerRepaint()


def _stretch(layer: QgsRasterLayer, band: int, cut: tuple[float, float]) -> QgsContrastEnhancement:
    """A linear stretch of `band` between its 2 % and 98 % cumulative counts (valid pixels only).

    A band without a valid pixel (an AOI over nodata only) keeps the data type's full range: it
    draws nothing anyway.
    """
    provider = layer.dataProvider()
    minimum, maximum = cut
    enhancement = QgsContrastEnhancement(provider.dataType(band))
    enhancement.setContrastEnhancementAlgorithm(
        QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum, True
    )
    if math.isfinite(minimum) and math.isfinite(maximum) and minimum <= maximum:
        enhancement.setMinimumValue(minimum)
        enhancement.setMaximumValue(maximum)
    return enhancement


