"""The named indices of `bm_type`, defined once over band aliases and resolved per sensor.

`resolve_bm_type` is the one entry point of the executors: it takes a `bm_type` as the API does
(an index name, an expression, or several of either separated by top-level commas) and gives, for
each part, the expression over the scene's real band names, ready for `expressions.evaluate`.

The catalog
-----------
Each index is written once, over the aliases of core/sensors.py (NIR, RED, GREEN, BLUE, COASTAL,
RE1, SWIR1, SWIR2) and named constants, in the grammar of core/expressions.py. Formulas and
constants are those of Awesome Spectral Indices (ASI, https://github.com/awesome-spectral-indices/
awesome-spectral-indices, output/spectral-indices-table.csv; ASI letters N R G B A RE1 S1 S2 are
our NIR RED GREEN BLUE COASTAL RE1 SWIR1 SWIR2), except CCCI, which ASI does not list (see its
entry). The API's ISTACK and FIDET have no public definition that we can cite: they are in the
catalog, so they are recognised as index names, but resolving them is refused with a message
asking for the expression instead.

The reflectance rule
--------------------
Indices with additive constants (SAVI, EVI, MSAVI: `needs_reflectance`) are defined on
reflectance 0..1; ratios of band differences (NDVI and the others here) give the same value on
any scale, so they are computed on the values as stored. Stored values are scaled reflectance
for some products and not for others, so:

- `REFLECTANCE_SCALE` (below, the one place) holds the divisor that turns a sensor's stored
  values into reflectance where one fixed divisor exists: Sentinel-2 L1C and L2A (reflectance x
  10000, the products' QUANTIFICATION_VALUE) and MODIS MCD43A4 (scale factor 0.0001).
- For an index that needs reflectance, every band reference is divided by that scale in the
  resolved tree (B08 becomes B08 / 10000), so executors evaluate the tree as it is.
- It does not apply, and such an index is refused unless the caller passes `scale`, where no
  fixed divisor exists: Landsat level-1 digital numbers (calibrated per scene and band with the
  MTL file: gain, offset and sun elevation), NAIP (8-bit digital numbers, no calibration).
  Nor does it cover an additive offset: Sentinel-2 products of processing baseline 04.00 and
  later (from 25 January 2022) store reflectance x 10000 + 1000 (RADIO_ADD_OFFSET /
  BOA_ADD_OFFSET = -1000); that offset, which changes every index including NDVI, has to be
  removed by the executor before evaluation (core/calibration.py reads it).
- A caller that has already converted the bands to reflectance (jpeg with calibrate=1, a
  calibrated Landsat scene) passes scale=1.0; one that knows its product's own scale (a surface
  reflectance product stored x 10000) passes that scale.
- Custom expressions are evaluated on the values as stored, never scaled: what the user writes
  is what is computed (write B08 / 10000 for reflectance).

Display ranges
--------------
An index with a known range has it in the catalog (`display_range`): its layers, and the visuals the
dock asks for (as explicit `levels`; the jpeg task itself keeps the API's default), are
coloured over that fixed range, so a value has one colour on every date and in every field (NDVI
0.62 is green wherever it is). The normalised differences (NDVI, NDSI, NDWI, NDMI, NBR, NDRE) lie
in -1..1 by construction; SAVI and MSAVI lie in -1..1 for reflectance 0..1; ARVI (a normalised
difference of NIR and a blue-corrected red) and EVI are not bounded in theory but are read on
-1..1, the valid range of the USGS Landsat spectral index products. Ratios (RECI, GCI, MSI, SIPI,
CCCI) have no upper bound: no display range, each layer is stretched to its own values.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from .expressions import (
    BandRef,
    BinaryOp,
    Node,
    Number,
    fold_constants,
    format_number,
    map_bands,
    parse_expression,
    resolve,
    split_with_positions,
    unknown_band_message,
    unsupported,
)
from .i18n import tr
from .sensors import SENSORS, Sensor, band_by_alias

MINUS_ONE_TO_ONE = (-1.0, 1.0)  # the display range of normalised differences and their kin (see above)


@dataclass(frozen=True)
class Index:
    name: str  # as the API names it: "NDVI"
    long_name: str
    formula: str | None  # over aliases and the constants' names; None: no public definition
    reference: str  # the original publication (DOI URL or citation)
    constants: tuple[tuple[str, float], ...] = ()  # the values of the formula's named constants
    needs_reflectance: bool = False  # additive constants: defined on reflectance 0..1
    catalog_entry: str | None = None  # the short name in Awesome Spectral Indices, where listed there
    note: str = ""
    display_range: tuple[float, float] | None = None  # the known range: a fixed colour stretch (see above)

    @property
    def defined(self) -> bool:
        return self.formula is not None

    def alias_tree(self) -> Node:
        """The formula with its constants replaced by their values (and operations on numbers
        alone, or products with 1, folded), over aliases."""
        return _alias_tree(self.name)

    @property
    def aliases(self) -> frozenset[str]:
        """The aliases the formula uses (none for an index without a definition)."""
        return frozenset(self.alias_tree().bands()) if self.defined else frozenset()


_INDEX_LIST = (
    Index("NDVI", "Normalized Difference Vegetation Index", "(NIR - RED) / (NIR + RED)",
          "Rouse et al. 1974, https://ntrs.nasa.gov/citations/19740022614", catalog_entry="NDVI",
          display_range=MINUS_ONE_TO_ONE),
    Index("NDSI", "Normalized Difference Snow Index", "(GREEN - SWIR1) / (GREEN + SWIR1)",
          "Riggs, Hall and Salomonson 1994, https://doi.org/10.1109/IGARSS.1994.399618", catalog_entry="NDSI",
          display_range=MINUS_ONE_TO_ONE),
    Index("NDWI", "Normalized Difference Water Index (McFeeters)", "(GREEN - NIR) / (GREEN + NIR)",
          "McFeeters 1996, https://doi.org/10.1080/01431169608948714", catalog_entry="NDWI",
          display_range=MINUS_ONE_TO_ONE),
    Index("RECI", "Red Edge Chlorophyll Index", "(NIR / RE1) - 1",
          "Gitelson, Gritz and Merzlyak 2003, https://doi.org/10.1078/0176-1617-00887", catalog_entry="CIRE"),
    Index("NDMI", "Normalized Difference Moisture Index", "(NIR - SWIR1) / (NIR + SWIR1)",
          "Wilson and Sader 2002, https://doi.org/10.1016/S0034-4257(01)00318-2", catalog_entry="NDMI",
          display_range=MINUS_ONE_TO_ONE),
    Index("SAVI", "Soil-Adjusted Vegetation Index", "(1 + L) * (NIR - RED) / (NIR + RED + L)",
          "Huete 1988, https://doi.org/10.1016/0034-4257(88)90106-X", constants=(("L", 0.5),),
          needs_reflectance=True, catalog_entry="SAVI",
          display_range=MINUS_ONE_TO_ONE),
    Index("ARVI", "Atmospherically Resistant Vegetation Index",
          "(NIR - (RED - gamma * (RED - BLUE))) / (NIR + (RED - gamma * (RED - BLUE)))",
          "Kaufman and Tanre 1992, https://doi.org/10.1109/36.134076", constants=(("gamma", 1.0),),
          catalog_entry="ARVI",
          display_range=MINUS_ONE_TO_ONE),
    Index("EVI", "Enhanced Vegetation Index", "g * (NIR - RED) / (NIR + C1 * RED - C2 * BLUE + L)",
          "Huete et al. 2002, https://doi.org/10.1016/S0034-4257(02)00096-2",
          constants=(("g", 2.5), ("C1", 6.0), ("C2", 7.5), ("L", 1.0)), needs_reflectance=True,
          catalog_entry="EVI",
          display_range=MINUS_ONE_TO_ONE),
    Index("GCI", "Green Chlorophyll Index", "(NIR / GREEN) - 1",
          "Gitelson, Gritz and Merzlyak 2003, https://doi.org/10.1078/0176-1617-00887", catalog_entry="CIG"),
    Index("SIPI", "Structure Insensitive Pigment Index", "(NIR - COASTAL) / (NIR - RED)",
          "Penuelas, Baret and Filella 1995, Photosynthetica 31(2): 221-230, "
          "https://eurekamag.com/research/009/395/009395053.php", catalog_entry="SIPI",
          note="(R800 - R445) / (R800 - R680): the 445 nm band is the coastal aerosol band (ASI band A)"),
    Index("NBR", "Normalized Burn Ratio", "(NIR - SWIR2) / (NIR + SWIR2)",
          "Key and Benson 2006, https://doi.org/10.3133/ofr0211", catalog_entry="NBR",
          display_range=MINUS_ONE_TO_ONE),
    Index("MSI", "Moisture Stress Index", "SWIR1 / NIR",
          "Hunt and Rock 1989, https://doi.org/10.1016/0034-4257(89)90046-1", catalog_entry="MSI"),
    Index("ISTACK", "ISTACK (EOS)", None, "no public definition"),
    Index("FIDET", "FIDET (EOS)", None, "no public definition"),
    Index("NDRE", "Normalized Difference Red Edge Index", "(NIR - RE1) / (NIR + RE1)",
          "Gitelson and Merzlyak 1994, https://doi.org/10.1016/1011-1344(93)06963-4", catalog_entry="NDREI",
          display_range=MINUS_ONE_TO_ONE),
    Index("CCCI", "Canopy Chlorophyll Content Index", "((NIR - RE1) / (NIR + RE1)) / ((NIR - RED) / (NIR + RED))",
          "Barnes et al. 2000, Coincident detection of crop water stress, nitrogen status and canopy density "
          "using ground-based multispectral data, Proceedings of the 5th International Conference on "
          "Precision Agriculture, Bloomington, MN, USA",
          note="not in Awesome Spectral Indices; the usual simplified form NDRE / NDVI (Barnes et al. scale "
               "NDRE between field-fitted lines, which need calibration data)"),
    Index("MSAVI", "Modified Soil-Adjusted Vegetation Index",
          "0.5 * (2 * NIR + 1 - (((2 * NIR + 1) ** 2) - 8 * (NIR - RED)) ** 0.5)",
          "Qi et al. 1994, https://doi.org/10.1016/0034-4257(94)90134-1", needs_reflectance=True,
          catalog_entry="MSAVI",
          display_range=MINUS_ONE_TO_ONE),
)

INDICES: dict[str, Index] = {index.name: index for index in _INDEX_LIST}

# Stored value / REFLECTANCE_SCALE = reflectance 0..1, per sensor code; see "The reflectance rule".
REFLECTANCE_SCALE: dict[str, float] = {
    "S2": 10000.0,  # L1C TOA and L2A BOA reflectance, QUANTIFICATION_VALUE (plus an offset from baseline 04.00)
    "MODIS": 10000.0,  # MCD43A4 nadir BRDF-adjusted reflectance, scale factor 0.0001
}
# Sensors without a fixed scale whose level-1 digital numbers are calibrated per scene with the MTL
# file; why a sensor has no fixed scale is said when an index that needs reflectance is refused.
MTL_CALIBRATED_SENSORS = ("L9", "L8", "L7", "L5")


@functools.cache
def _alias_tree(name: str) -> Node:
    index = INDICES[name]
    if index.formula is None:
        raise ValueError(f"{name} has no formula")
    constants = dict(index.constants)
    tree = map_bands(parse_expression(index.formula),
                     lambda symbol: Number(constants[symbol]) if symbol in constants else BandRef(symbol))
    return fold_constants(tree)


def _alias_titles() -> dict[str, str]:
    titles: dict[str, str] = {}
    for sensor in SENSORS:
        for band in sensor.bands:
            if band.alias:
                titles.setdefault(band.alias, band.title)
    return titles


ALIAS_TITLES = _alias_titles()  # "RE1" -> "red edge 1", for messages


@dataclass(frozen=True)
class ResolvedExpression:
    label: str  # the index name, or the expression text as given (stripped): the output band's name
    node: Node  # over the sensor's real band names, reflectance scaling included: evaluate this
    bands: frozenset[str]  # the real band names `node` uses: read these
    index: Index | None = None  # the catalog entry, for a named index
    scale: float | None = None  # the divisor applied to every band (an index that needs reflectance)

    @property
    def text(self) -> str:
        return self.node.to_text()


def display_range(label: str) -> tuple[float, float] | None:
    """The fixed colour range of a result band named `label` (an index name), None when it is not
    an index with a known range (a custom expression, a ratio)."""
    index = INDICES.get(label.strip()) if isinstance(label, str) else None
    return index.display_range if index is not None else None


def is_index_name(text: object) -> bool:
    """Whether `text` is one of the API's index names (exactly, as the API spells them)."""
    return isinstance(text, str) and text.strip() in INDICES


def reflectance_scale(sensor: Sensor) -> float | None:
    """Stored value / scale = reflectance for `sensor`, or None where no fixed scale exists."""
    return REFLECTANCE_SCALE.get(sensor.code)


def _checked_scale(scale: float | None) -> float | None:
    if scale is not None and not (isinstance(scale, (int, float)) and math.isfinite(scale) and scale > 0):
        raise ValueError(f"a reflectance scale is a positive number, not {scale!r}")
    return None if scale is None else float(scale)


def _unknown_index(name: str) -> str:
    known = ", ".join(INDICES)
    if name.upper() in INDICES and name != name.upper():
        message = tr("{name} is not an index the API knows (did you mean {suggestion}? index names are upper case)")
        return message.format(name=name, suggestion=name.upper())
    return tr("{name} is not an index the API knows ({known})").format(name=name, known=known)


def _alias_band_names(index: Index, sensor: Sensor) -> dict[str, str]:
    names: dict[str, str] = {}
    for alias in sorted(index.aliases):
        band = band_by_alias(sensor, alias)
        if band is None:
            title = ALIAS_TITLES.get(alias, alias)
            message = tr("{index} needs the {alias} band ({title}), which {sensor} does not have")
            raise unsupported(message.format(index=index.name, alias=alias, title=title, sensor=sensor.name))
        names[alias] = band.name
    return names


def resolve_index(name: str, sensor: Sensor, scale: float | None = None) -> ResolvedExpression:
    """A named index over `sensor`'s bands.

    `scale`: stored value / scale = reflectance, used only by indices that need reflectance;
    None takes the sensor's `REFLECTANCE_SCALE` and refuses such an index where the sensor has
    none; 1.0 says the bands are reflectance already.
    """
    scale = _checked_scale(scale)
    index = INDICES.get(name.strip() if isinstance(name, str) else name)
    if index is None:
        raise unsupported(_unknown_index(str(name)))
    if not index.defined:
        message = tr("{index} has no public definition; give the expression instead, e.g. (B08-B04)/(B08+B04)")
        raise unsupported(message.format(index=index.name))
    names = _alias_band_names(index, sensor)
    node = map_bands(index.alias_tree(), lambda alias: BandRef(names[alias]))
    applied = None
    if index.needs_reflectance:
        applied = scale if scale is not None else reflectance_scale(sensor)
        if applied is None:
            if sensor.code in MTL_CALIBRATED_SENSORS:
                message = tr("{index} needs reflectance (0..1), and {sensor} bands are level-1 digital numbers, "
                             "calibrated per scene with its MTL file; calibrate the bands first, or use an index "
                             "without additive constants such as NDVI")
            elif sensor.code == "NAIP":
                message = tr("{index} needs reflectance (0..1), and {sensor} bands are 8-bit digital numbers "
                             "without a radiometric calibration; calibrate the bands first, or use an index "
                             "without additive constants such as NDVI")
            else:
                message = tr("{index} needs reflectance (0..1), and {sensor} bands are values without a known "
                             "reflectance scale; calibrate the bands first, or use an index without additive "
                             "constants such as NDVI")
            raise unsupported(message.format(index=index.name, sensor=sensor.name))
        if applied != 1.0:
            divisor = Number(applied)
            node = map_bands(node, lambda band: BinaryOp("/", BandRef(band), divisor))
    return ResolvedExpression(index.name, node, frozenset(node.bands()), index, applied)


def resolve_expression(text: str, sensor: Sensor, offset: int = 0) -> ResolvedExpression:
    """A custom expression over `sensor`'s bands and aliases (aliases replaced by band names).
    `offset`: where `text` starts in the bm_type, for the positions in error messages."""
    node = parse_expression(text, offset)
    names = node.bands()
    for name in sorted(names):
        if name in INDICES:
            message = tr("{name} is an index name: give it on its own, not inside an expression "
                         "(e.g. bm_type \"{name},B04\" gives two bands)")
            raise unsupported(message.format(name=name))
    if isinstance(node, BandRef) and not sensor.band(node.name) and band_by_alias(sensor, node.name) is None:
        name = node.name
        if name.upper() in INDICES:
            raise unsupported(_unknown_index(name))
        message = tr("{problem}, nor an index the API knows ({known})")
        raise unsupported(message.format(problem=unknown_band_message(name, sensor), known=", ".join(INDICES)))
    resolved = resolve(node, sensor)
    return ResolvedExpression(text.strip(), resolved, frozenset(resolved.bands()))


def resolve_bm_type(bm_type: str | Sequence[str], sensor: Sensor, scale: float | None = None) -> list[ResolvedExpression]:
    """Every expression of a `bm_type`, in order: index names and custom expressions alike,
    separated by top-level commas ("NDVI,(B08-B04)/(B08+B04),B04"). A list or tuple (mt_stats)
    is resolved item by item. `scale` as for `resolve_index`.

    Raises RequestError("params.bm_type", "Unsupported band or operation: ...") naming what is
    wrong: an unknown band or index, an index the sensor lacks bands for, a syntax error with its
    position, an empty part.
    """
    if isinstance(bm_type, (list, tuple)):
        return [resolved for item in bm_type for resolved in resolve_bm_type(item, sensor, scale)]
    if not isinstance(bm_type, str):
        raise unsupported(tr("bm_type must be text, not {type}").format(type=type(bm_type).__name__))
    parts = split_with_positions(bm_type)
    results: list[ResolvedExpression] = []
    for number, (text, offset) in enumerate(parts, start=1):
        if not text:
            if len(parts) == 1:
                raise unsupported(tr("empty expression: give an index name such as NDVI or an expression such as "
                                     "(B08-B04)/(B08+B04)"))
            message = tr("expression {number} of {count} is empty (position {position}): remove the extra comma")
            raise unsupported(message.format(number=number, count=len(parts), position=offset + 1))
        if is_index_name(text):
            results.append(resolve_index(text, sensor, scale))
        else:
            results.append(resolve_expression(text, sensor, offset))
    return results


def describe_index(name: str, sensor: Sensor) -> str:
    """The formula with `sensor`'s band names, for the catalog picker:
    "NDVI = (B08 - B04) / (B08 + B04)"; for an index that needs reflectance, what scale applies:
    "EVI = 2.5 * (B08 - B04) / (B08 + 6 * B04 - 7.5 * B02 + 1) (bands as reflectance: value / 10000)".
    Raises the same RequestError as `resolve_index` when the index cannot be computed for the
    sensor (no definition, a band the sensor lacks)."""
    resolved = resolve_index(name, sensor, scale=1.0)
    formula = resolved.node.to_text()
    if resolved.index is not None and resolved.index.needs_reflectance:
        scale = reflectance_scale(sensor)
        if scale is not None:
            message = tr("{index} = {formula} (bands as reflectance: value / {scale})")
            return message.format(index=resolved.label, formula=formula, scale=format_number(scale))
        message = tr("{index} = {formula} (bands as reflectance: {sensor} bands must be calibrated first)")
        return message.format(index=resolved.label, formula=formula, sensor=sensor.name)
    return f"{resolved.label} = {formula}"


def explain_bm_type(bm_type: str, sensor: Sensor | None) -> str:
    """What a bm_type computes, for the dock to show as it is typed: each expression with the
    sensor's band names ("NDVI = (B08 - B04) / (B08 + B04)"), and the grid of its result. Raises
    the RequestError a request would get. Without a sensor (no scene chosen yet) only the syntax
    is checked."""
    if sensor is None:
        parts = [text for text, _offset in split_with_positions(bm_type)]
        for text, offset in split_with_positions(bm_type):
            if not text.strip():
                raise unsupported(tr("empty expression at position {position}").format(position=offset + 1))
            if not is_index_name(text.strip()):
                parse_expression(text, offset)
        return tr("{count} expression(s); pick a scene to check its bands").format(count=len(parts))
    lines = []
    bands: set[str] = set()
    for resolved in resolve_bm_type(bm_type, sensor, scale=1.0):
        bands |= set(resolved.bands)
        if resolved.index is not None:
            lines.append(describe_index(resolved.index.name, sensor))
        else:
            lines.append(resolved.node.to_text())
    known = [sensor.band(band) for band in bands]
    coarsest = max((band.resolution for band in known if band is not None), default=None)
    if coarsest:
        message = tr("{expressions} · on the {resolution} m grid")
        return message.format(expressions="; ".join(lines), resolution=format_number(coarsest))
    return "; ".join(lines)
