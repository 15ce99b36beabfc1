"""How a result's layers look, wherever they are loaded: QGIS glue without widgets.

The dock (services/result_layers.py) and the Processing algorithms (processing/algorithms.py, through a
layer post-processor) style a result's layers with style_result_layer, so a result looks the same
however it reached the map. Main thread only (a layer's renderer belongs to it); what reads the
disk -- band names, each band's 2-98 % cut -- is done beforehand in a worker thread by
core.display (RasterDisplay).

- bands are stretched to their 2-98 % cumulative cut: three or more in colour, the sensor's red,
  green and blue bands on red, green and blue when the raster holds all three (whatever order they
  were asked in), else its first three bands in order; two bands as a colour composite (band 1 red,
  band 2 green and blue: where band 1 is high the pixel is red, where band 2 is, cyan); one in grey;
- an index layer has QGIS's own RdYlGn ramp over the index's known range from the catalog (NDVI
  -1..1, core/indices.py), so its colours mean the same on every date; over its own 2-98 % cut
  when it has none (a ratio, a custom expression);
- a rendering (the jpeg task) is shown as the image it is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from qgis.core import (
    QgsColorRamp,
    QgsColorRampShader,
    QgsContrastEnhancement,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsMultiBandColorRenderer,
    QgsRasterLayer,
    QgsRasterMinMaxOrigin,
    QgsRasterShader,
    QgsSingleBandGrayRenderer,
    QgsSingleBandPseudoColorRenderer,
    QgsStyle,
)
from qgis.PyQt.QtGui import QColor

from ..core import display as display_module
from ..core.colormaps import color_stops
from ..core.display import CUMULATIVE_CUT_LOWER, CUMULATIVE_CUT_UPPER, RasterDisplay, file_stem, raster_cuts
from ..core.indices import display_range
from ..core.sensors import natural_colour_bands

INDEX_RAMP = "RdYlGn"  # low (bare, dry) in red, high (green, wet) in green: how indices are usually read


def style_result_layer(layer: QgsRasterLayer, task_type: str, display: RasterDisplay, view_id: str | None = None,
                       band: int = 1, index_range: tuple[float, float] | None = None) -> None:
    """Style `layer`, a raster of a result of `task_type` prepared as `display`: an index
    (bandmath) on `band` with the index ramp (over `index_range` when given: a series' shared
    range), a rendering (jpeg) as it is, bands stretched (in natural colours when the scene of
    `view_id` has its red, green and blue bands in it)."""
    if task_type == "bandmath":
        label = display.band_names[band - 1] if band <= len(display.band_names) else file_stem(display.path)
        cut = display.cuts[band - 1] if band <= len(display.cuts) else (math.nan, math.nan)
        style_index_layer(layer, band, cut, index_range or display_range(label))
    elif task_type == "jpeg":
        style_visual_layer(layer)
    else:
        style_raster_layer(layer, display.cuts, natural_colour_bands(view_id, display.band_names))


def style_raster_layer(layer: QgsRasterLayer, cuts: Sequence[tuple[float, float]] | None = None,
                       rgb: tuple[int, int, int] | None = None) -> None:
    """Three or more bands in colour, bands `rgb` (default 1, 2, 3) on red, green and blue; two
    bands as a colour composite, band 1 on red and band 2 on green and blue (neither hidden); one
    band in grey. Each band stretched to its 2-98 % cumulative cut (`cuts`, counted here when not
    given); the source nodata shown transparent."""
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
        red, green, blue = rgb if rgb is not None else (1, 2, 3)
        renderer = QgsMultiBandColorRenderer(provider, red, green, blue)
        renderer.setRedContrastEnhancement(_stretch(layer, red, cuts[red - 1]))
        renderer.setGreenContrastEnhancement(_stretch(layer, green, cuts[green - 1]))
        renderer.setBlueContrastEnhancement(_stretch(layer, blue, cuts[blue - 1]))
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


def index_color_ramp(style: QgsStyle | None = None) -> QgsColorRamp:
    """QGIS's own RdYlGn ramp from `style` (default: the user's default style), the one QGIS's raster
    properties offer. A user may delete or rename ramps in the Style Manager: without it, the same
    ColorBrewer scheme from core.colormaps, so index layers still read red to green."""
    style = style if style is not None else QgsStyle.defaultStyle()
    ramp = style.colorRamp(INDEX_RAMP) if style is not None else None
    if ramp is not None:
        return ramp
    stops = color_stops(INDEX_RAMP, 11)
    return QgsGradientColorRamp(QColor(*stops[0][1]), QColor(*stops[-1][1]), False,
                                [QgsGradientStop(fraction, QColor(*rgb)) for fraction, rgb in stops[1:-1]])


def style_index_layer(layer: QgsRasterLayer, band: int, cut: tuple[float, float],
                      known_range: tuple[float, float] | None = None, style: QgsStyle | None = None) -> None:
    """The index ramp (index_color_ramp of `style`) with its legend on `band`, over the index's
    known range (core.indices' display_range) when it has one, else over its 2-98 % cut."""
    low, high = known_range if known_range is not None else cut
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        low, high = -1.0, 1.0
    ramp_shader = QgsColorRampShader(low, high, index_color_ramp(style), QgsColorRampShader.Type.Interpolated,
                                     QgsColorRampShader.ClassificationMode.Continuous)
    ramp_shader.classifyColorRamp()  # an item at each of the ramp's colours, as the raster properties make them
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
