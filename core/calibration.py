"""Digital numbers to top-of-atmosphere reflectance, where a scene's metadata allows it.

- Landsat with its MTL file: rho = (REFLECTANCE_MULT_BAND_n * DN + REFLECTANCE_ADD_BAND_n) / sin(SUN_ELEVATION)
  (USGS, "Using the USGS Landsat Level-1 Data Product").
- Sentinel-2 Level-1C: rho = (DN + RADIO_ADD_OFFSET) / QUANTIFICATION_VALUE from the product metadata
  (MTD_MSIL1C.xml; the offset exists from processing baseline 04.00). Without the product metadata,
  the product's definition is used: rho = DN / 10000, and the notes say so.
- Anything else (Landsat without MTL, surface-reflectance products, MODIS, NAIP): not calibrated,
  and the notes say so for each band.
- A scene whose source states its bands' scale and offset (`Scene.band_transforms`, a catalog's
  raster:bands): those, as they are, for both conversions; its values are then physical values
  (surface reflectance), so no Sentinel-2 offset is removed again and nothing more is applied.

Each conversion is linear, returned as (gain, bias) per band for the executors to apply.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable

from . import api_rules
from .i18n import tr
from .scenes import Scene, read_text

SENTINEL2_QUANTIFICATION = 10000.0


def _number(text: str, pattern: str) -> float | None:
    match = re.search(pattern, text)
    return float(match.group(1)) if match else None


def stored_value_transforms(scene: Scene, bands: Iterable[str]) -> dict[str, tuple[float, float]]:
    """(gain, bias) per band that bring its stored values to the sensor's usual scale: Sentinel-2
    products from processing baseline 04.00 store reflectance x 10000 + 1000 (RADIO_ADD_OFFSET
    -1000 in the product metadata); removing that offset lets indices work on every baseline. A
    scene with `band_transforms`: those."""
    if scene.band_transforms:
        return _stated_transforms(scene, bands)
    if scene.sensor.code != "S2":
        return {}
    product = _sentinel2_product_metadata(scene)
    offsets = _sentinel2_offsets(read_text(product)) if product is not None else {}
    order = _SENTINEL2_ORDER
    return {band: (1.0, offsets[order.index(band)]) for band in bands
            if band in order and offsets.get(order.index(band))}


def _stated_transforms(scene: Scene, bands: Iterable[str]) -> dict[str, tuple[float, float]]:
    return {band: scene.band_transforms[band] for band in bands if band in scene.band_transforms}


def index_scale(scene: Scene) -> float | None:
    """The reflectance scale indices resolve with on `scene` (core/indices.py's reflectance rule):
    1.0 when its source states the bands' scale and offset (the values indices see are then
    reflectance already), else None (the sensor's own)."""
    return 1.0 if scene.band_transforms else None


def _sentinel2_offsets(product_metadata: str) -> dict[int, float]:
    """The RADIO_ADD_OFFSET (BOA_ADD_OFFSET) of each band number in a product metadata text."""
    return {int(match.group(1)): float(match.group(2))
            for match in re.finditer(r'<(?:RADIO|BOA)_ADD_OFFSET band_id="(\d+)"[^>]*>\s*(-?[\d.]+)', product_metadata)}


def _sentinel2_product_metadata(scene: Scene) -> str | None:
    return next((p for p in scene.product_metadata if api_rules.is_sentinel2_product_metadata_xml(os.path.basename(p))),
                None)


_SENTINEL2_ORDER = ("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B09", "B10", "B11", "B12")


def reflectance_transforms(scene: Scene, bands: Iterable[str]) -> tuple[dict[str, tuple[float, float]], list[str]]:
    """(gain, bias) per band converting its DN to TOA reflectance, and notes saying what could not
    be calibrated and why."""
    bands = list(dict.fromkeys(bands))
    if scene.band_transforms:
        transforms = _stated_transforms(scene, bands)
        message = tr("calibrate=1: {band} has no scale and offset stated by its source; its values are as stored")
        return transforms, [message.format(band=band) for band in bands if band not in transforms]
    if scene.sensor.code.startswith("L"):
        return _landsat(scene, bands)
    if scene.sensor.code == "S2":
        return _sentinel2(scene, bands)
    message = tr("calibrate=1: {sensor} scenes are not calibrated (no conversion known); values are as stored")
    return {}, [message.format(sensor=scene.sensor.name)]


def _landsat(scene: Scene, bands: list[str]) -> tuple[dict[str, tuple[float, float]], list[str]]:
    mtl = next((path for path in scene.tile_metadata if "MTL" in path.upper()), None)
    if mtl is None:
        message = tr("calibrate=1: scene {view_id} has no MTL file in the store; values are as stored")
        return {}, [message.format(view_id=scene.view_id)]
    text = read_text(mtl)
    elevation = _number(text, r"SUN_ELEVATION\s*=\s*(-?[\d.]+)")
    if elevation is None or elevation <= 0:
        message = tr("calibrate=1: the MTL of {view_id} gives no sun elevation; values are as stored")
        return {}, [message.format(view_id=scene.view_id)]
    sine = math.sin(math.radians(elevation))
    transforms, notes = {}, []
    for band in bands:
        number = band[1:] if re.fullmatch(r"B\d+", band) else None
        mult = _number(text, rf"REFLECTANCE_MULT_BAND_{number}\s*=\s*(-?[\d.Ee+-]+)") if number else None
        add = _number(text, rf"REFLECTANCE_ADD_BAND_{number}\s*=\s*(-?[\d.Ee+-]+)") if number else None
        if mult is None or add is None:
            message = tr("calibrate=1: the MTL of {view_id} has no reflectance coefficients for {band}; "
                         "its values are as stored")
            notes.append(message.format(view_id=scene.view_id, band=band))
            continue
        transforms[band] = (mult / sine, add / sine)
    return transforms, notes


def _sentinel2(scene: Scene, bands: list[str]) -> tuple[dict[str, tuple[float, float]], list[str]]:
    notes = []
    quantification = SENTINEL2_QUANTIFICATION
    product = _sentinel2_product_metadata(scene)
    text = read_text(product) if product is not None else ""
    offsets = _sentinel2_offsets(text)
    if scene.product_level == "L2A":
        message = tr("calibrate=1: {view_id} is Level-2A (surface reflectance); converted with its "
                     "quantification value, not to top-of-atmosphere reflectance")
        notes.append(message.format(view_id=scene.view_id))
    if product is not None:
        quantification = _number(text, r"<(?:QUANTIFICATION_VALUE|BOA_QUANTIFICATION_VALUE)[^>]*>\s*([\d.]+)") \
            or SENTINEL2_QUANTIFICATION
    else:
        message = tr("calibrate=1: scene {view_id} has no product metadata in the store; reflectance = "
                     "DN / {quantification} (the Level-1C definition)")
        notes.append(message.format(view_id=scene.view_id, quantification=f"{SENTINEL2_QUANTIFICATION:g}"))
    order = _SENTINEL2_ORDER
    transforms = {}
    for band in bands:
        if band not in order:
            message = tr("calibrate=1: {band} is not a reflectance band; its values are as stored")
            notes.append(message.format(band=band))
            continue
        offset = offsets.get(order.index(band), 0.0)
        transforms[band] = (1 / quantification, offset / quantification)
    return transforms, notes
