"""Sensors, their bands, and the scene ids (``view_id``) of the task API.

One place knows how each sensor names its bands, at which resolution each band is delivered, and
how a ``view_id`` is built. Everything else asks here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import RequestError
from .i18n import tr


@dataclass(frozen=True)
class Band:
    name: str  # as the API names it: "B04" (Sentinel-2), "B4" (Landsat)
    resolution: float  # metres of the pixel grid the band is delivered on
    title: str  # plain words for the band picker: "red", "near infrared"
    alias: str | None = None  # the name index formulas use: RED, NIR, SWIR1 ...
    product: str | None = None  # only in this product level ("L2A"), else in every one


@dataclass(frozen=True)
class Sensor:
    code: str  # short code of the API: S2, L8, L9, L7, L5, MODIS, NAIP
    name: str  # "Sentinel-2"
    bands: tuple[Band, ...]
    merge_has_effect: bool = True  # the API ignores `merge` for NAIP

    def band(self, name: str) -> Band | None:
        for band in self.bands:
            if band.name == name:
                return band
        return None

    @property
    def band_names(self) -> tuple[str, ...]:
        return tuple(band.name for band in self.bands)

    def suggest(self, name: str) -> str | None:
        """The band a mistyped name probably meant, or None: the same name in other case; the
        name with the zero it lacks (B4 -> B04 on Sentinel-2); for another sensor's band name, this
        sensor's band of the same role (B08, Sentinel-2's near infrared, -> B4 on Landsat 7, whose
        B8 is panchromatic); else the name without its zeros (B010 -> B10)."""
        wanted = name.strip().upper()
        for band in self.bands:
            if band.name.upper() == wanted:
                return band.name
        padded = None
        digits = re.fullmatch(r"B0*(\d+)", wanted)
        if digits:
            for candidate in (f"B{digits.group(1)}", f"B{int(digits.group(1)):02d}"):
                if self.band(candidate):
                    padded = candidate
                    break
        if padded is not None and len(padded) > len(wanted):  # only a leading zero missing
            return padded
        role = self._role_elsewhere(wanted)
        same_role = band_by_alias(self, role) if role else None
        return same_role.name if same_role is not None else padded

    def _role_elsewhere(self, name: str) -> str | None:
        """The role (alias) of the band another sensor names `name` (upper case), Sentinel-2 first."""
        for sensor in SENSORS:
            if sensor is self:
                continue
            for band in sensor.bands:
                if band.name.upper() == name and band.alias:
                    return band.alias
        return None


def _landsat_oli_bands() -> tuple[Band, ...]:
    return (
        Band("B1", 30, "coastal aerosol", "COASTAL"),
        Band("B2", 30, "blue", "BLUE"),
        Band("B3", 30, "green", "GREEN"),
        Band("B4", 30, "red", "RED"),
        Band("B5", 30, "near infrared", "NIR"),
        Band("B6", 30, "shortwave infrared 1", "SWIR1"),
        Band("B7", 30, "shortwave infrared 2", "SWIR2"),
        Band("B8", 15, "panchromatic", "PAN"),
        Band("B9", 30, "cirrus", "CIRRUS"),
        # Thermal bands are sensed at 100 m and delivered resampled to the 30 m grid.
        Band("B10", 30, "thermal infrared 1", "TIR1"),
        Band("B11", 30, "thermal infrared 2", "TIR2"),
        Band("BQA", 30, "quality assessment (collection 1)"),
        Band("QA_PIXEL", 30, "pixel quality (collection 2)"),
        Band("QA_RADSAT", 30, "radiometric saturation (collection 2)"),
        Band("FMASK", 30, "Fmask cloud mask"),
    )


def _landsat_tm_etm_bands(thermal: tuple[Band, ...], pan: bool) -> tuple[Band, ...]:
    bands = [
        Band("B1", 30, "blue", "BLUE"),
        Band("B2", 30, "green", "GREEN"),
        Band("B3", 30, "red", "RED"),
        Band("B4", 30, "near infrared", "NIR"),
        Band("B5", 30, "shortwave infrared 1", "SWIR1"),
        *thermal,
        Band("B7", 30, "shortwave infrared 2", "SWIR2"),
    ]
    if pan:
        bands.append(Band("B8", 15, "panchromatic", "PAN"))
    bands += [
        Band("BQA", 30, "quality assessment (collection 1)"),
        Band("QA_PIXEL", 30, "pixel quality (collection 2)"),
        Band("QA_RADSAT", 30, "radiometric saturation (collection 2)"),
        Band("FMASK", 30, "Fmask cloud mask"),
    ]
    return tuple(bands)


SENTINEL2 = Sensor(
    "S2",
    "Sentinel-2",
    (
        Band("B01", 60, "coastal aerosol", "COASTAL"),
        Band("B02", 10, "blue", "BLUE"),
        Band("B03", 10, "green", "GREEN"),
        Band("B04", 10, "red", "RED"),
        Band("B05", 20, "red edge 1", "RE1"),
        Band("B06", 20, "red edge 2", "RE2"),
        Band("B07", 20, "red edge 3", "RE3"),
        Band("B08", 10, "near infrared", "NIR"),
        Band("B8A", 20, "narrow near infrared", "NIR2"),
        Band("B09", 60, "water vapour", "WV"),
        Band("B10", 60, "cirrus", "CIRRUS", product="L1C"),
        Band("B11", 20, "shortwave infrared 1", "SWIR1"),
        Band("B12", 20, "shortwave infrared 2", "SWIR2"),
        Band("SCL", 20, "scene classification", product="L2A"),
        Band("AOT", 10, "aerosol optical thickness", product="L2A"),
        Band("WVP", 10, "water vapour", product="L2A"),
        Band("TCI", 10, "true colour image", product="L2A"),
    ),
)

LANDSAT9 = Sensor("L9", "Landsat 9", _landsat_oli_bands())
LANDSAT8 = Sensor("L8", "Landsat 8", _landsat_oli_bands())
LANDSAT7 = Sensor(
    "L7",
    "Landsat 7",
    _landsat_tm_etm_bands(
        # ETM+ thermal: 60 m, two gain settings, delivered on the 30 m grid.
        (Band("B6_VCID_1", 30, "thermal, low gain", "TIR1"), Band("B6_VCID_2", 30, "thermal, high gain")),
        pan=True,
    ),
)
LANDSAT5 = Sensor(
    "L5",
    "Landsat 5",
    # TM thermal: 120 m, delivered on the 30 m grid.
    _landsat_tm_etm_bands((Band("B6", 30, "thermal infrared", "TIR1"),), pan=False),
)
MODIS = Sensor(
    "MODIS",
    "MODIS MCD43A4",
    (
        Band("B01", 500, "red", "RED"),
        Band("B02", 500, "near infrared", "NIR"),
        Band("B03", 500, "blue", "BLUE"),
        Band("B04", 500, "green", "GREEN"),
        Band("B05", 500, "infrared 1240 nm", "NIR2"),
        Band("B06", 500, "shortwave infrared 1", "SWIR1"),
        Band("B07", 500, "shortwave infrared 2", "SWIR2"),
    ),
)
NAIP = Sensor(
    "NAIP",
    "NAIP",
    # NAIP images are 0.6-1 m; the four bands always share one grid.
    (
        Band("R", 1, "red", "RED"),
        Band("G", 1, "green", "GREEN"),
        Band("B", 1, "blue", "BLUE"),
        Band("N", 1, "near infrared", "NIR"),
    ),
    merge_has_effect=False,
)

SENSORS: tuple[Sensor, ...] = (SENTINEL2, LANDSAT9, LANDSAT8, LANDSAT7, LANDSAT5, MODIS, NAIP)

# ---------------------------------------------------------------------------------------------
# Products: a sensor at a product level, as the task API names it (a request's `sensors`, the scene
# search's datasets) and as the dock, Processing and the command line label it. Whatever names a
# sensor to the API or to the user takes the name from PRODUCTS.

@dataclass(frozen=True)
class Product:
    sensor: Sensor
    level: str | None  # the product level: "L2A"; None: any level (Sentinel-2), or the sensor's only one
    names: tuple[str, ...]  # what a request's `sensors` may say (lower case; any case is taken), long name first
    dataset: str | None = None  # the Processing API's search dataset holding exactly these scenes
    sensor_choice: bool = True  # offered where the user picks a request's sensors (the statistics form)

    @property
    def code(self) -> str:
        return self.sensor.code

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def label(self) -> str:
        """What the user reads: "Sentinel-2 L2A", "Landsat 8"."""
        return f"{self.sensor.name} {self.level}" if self.level else self.sensor.name


PRODUCTS: tuple[Product, ...] = (
    Product(SENTINEL2, None, ("sentinel2", "s2")),
    # The dataset "sentinel2" holds Level-1C; as a request's sensor, "sentinel2" is any level.
    Product(SENTINEL2, "L1C", ("sentinel2l1c", "s2l1c"), "sentinel2", sensor_choice=False),
    Product(SENTINEL2, "L2A", ("sentinel2l2a", "s2l2a"), "sentinel2l2a"),
    Product(LANDSAT9, None, ("landsat9", "l9"), "landsat9"),
    Product(LANDSAT8, None, ("landsat8", "l8"), "landsat8"),
    Product(LANDSAT7, None, ("landsat7", "l7"), "landsat7"),
    Product(LANDSAT5, None, ("landsat5", "l5"), "landsat5"),
    Product(MODIS, None, ("modis",), "modis"),
    Product(NAIP, None, ("naip",), "naip"),
)

# Names a request's `sensors` list may use, long and short, mapped to sensor code and product level
# ("S2L2A" and "sentinel2l2a" select Sentinel-2 scenes of processing level L2A).
SENSOR_NAMES: dict[str, tuple[str, str | None]] = {
    name: (product.code, product.level) for product in PRODUCTS for name in product.names
}
SEARCH_PRODUCTS = tuple(product for product in PRODUCTS if product.dataset)  # the scene search's datasets
SENSOR_CHOICES = tuple(product for product in PRODUCTS if product.sensor_choice)  # a request's sensors to pick


def sensor_by_code(code: str) -> Sensor:
    for sensor in SENSORS:
        if sensor.code == code:
            return sensor
    raise KeyError(code)


# ---------------------------------------------------------------------------------------------
# Scene ids

@dataclass(frozen=True)
class SceneId:
    view_id: str  # canonical form: "S2/33/U/UU/2017/2/16/0", "L8/LC80290332017076LGN00"
    sensor: Sensor
    date: dt.date | None  # None only for NAIP ids that carry no date
    scene_name: str  # the sensor's own product name, used in file names
    tile: str  # S2 MGRS tile "33UUU", Landsat WRS path/row "029033", MODIS "h12v04", NAIP ""
    product_level: str | None = None  # "L2A" when the id names the product level (S2L2A/...)

    @property
    def acquisition_view_id(self) -> str:
        """The view_id of the acquisition whatever product the id names: S2L2A/33/U/UU/2017/2/16/0 and
        S2/33/U/UU/2017/2/16/0 are one acquisition (the scene stores index scenes by it)."""
        if self.product_level is not None and self.view_id.startswith("S2L2A/"):
            return "S2/" + self.view_id[len("S2L2A/"):]
        return self.view_id

    @property
    def file_stem(self) -> str:
        """A file-name-safe stem: "S2_33_U_UU_2017_2_16_0", "LC80290332017076LGN00"."""
        if self.sensor.code == "S2" or self.sensor.code == "MODIS":
            return self.view_id.replace("/", "_")
        return re.sub(r"[^A-Za-z0-9_.-]", "_", self.scene_name)


_S2 = re.compile(
    r"(?P<head>S2|S2L2A)/(?P<zone>\d{1,2})/(?P<band>[C-HJ-NP-X])/(?P<square>[A-HJ-NP-Z]{2})/"
    r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<seq>\d+)"
)
_LANDSAT_PRE = re.compile(
    r"L(?P<kind>[COTEM])(?P<sat>[4-9])(?P<path>\d{3})(?P<row>\d{3})(?P<y>\d{4})(?P<doy>\d{3})"
    r"(?P<station>[A-Z0-9]{3})(?P<version>\d{2})"
)
_LANDSAT_COLLECTION = re.compile(
    r"L(?P<kind>[COTEM])0(?P<sat>[4-9])_(?P<level>L1TP|L1GT|L1GS|L2SP|L2SR)_(?P<path>\d{3})(?P<row>\d{3})_"
    r"(?P<acquired>\d{8})_(?P<processed>\d{8})_(?P<collection>\d{2})_(?P<tier>RT|T1|T2)"
)
_MODIS = re.compile(r"MODIS/(?P<h>\d{2})/(?P<v>\d{2})/(?P<y>\d{4})(?P<doy>\d{3})/(?P<produced>\d{13})")
_NAIP_DATE = re.compile(r"(?<!\d)(\d{8})(?!\d)")

# Sensor letter and satellite number pairs that exist and that we have a band catalog for.
_LANDSAT_SENSORS = {
    ("T", "5"): LANDSAT5,
    ("E", "7"): LANDSAT7,
    ("C", "8"): LANDSAT8,
    ("O", "8"): LANDSAT8,
    ("T", "8"): LANDSAT8,
    ("C", "9"): LANDSAT9,
    ("O", "9"): LANDSAT9,
}

FIELD = "params.view_id"


def landsat_collection(scene_name: str) -> int | None:
    """The collection number of a Landsat scene name (1, 2), None for a pre-collection name."""
    match = _LANDSAT_COLLECTION.fullmatch(scene_name)
    return int(match["collection"]) if match else None


def _date(year: int, month: int, day: int, view_id: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        message = tr("{view_id} has no valid date ({year}-{month}-{day})")
        raise RequestError(message.format(view_id=view_id, year=year, month=month, day=day), FIELD) from None


def _date_from_doy(year: int, doy: int, view_id: str) -> dt.date:
    first = dt.date(year, 1, 1)
    last = dt.date(year, 12, 31)
    if not 1 <= doy <= (last - first).days + 1:
        message = tr("{view_id} has no valid day of year ({year}, day {day_of_year})")
        raise RequestError(message.format(view_id=view_id, year=year, day_of_year=doy), FIELD)
    return first + dt.timedelta(days=doy - 1)


def parse_view_id(view_id: str) -> SceneId:
    """Parse any view_id form of the API; raise RequestError naming what is wrong."""
    if not isinstance(view_id, str) or not view_id.strip():
        raise RequestError(tr("missing: give the scene id, e.g. S2/33/U/UU/2017/2/16/0"), FIELD)
    text = view_id.strip()
    head, _, rest = text.partition("/")
    if head in ("S2", "S2L2A"):  # S2L2A/...: the Processing API's id of the same scene's Level-2A product
        return _parse_sentinel2(text)
    if head == "MODIS":
        return _parse_modis(text)
    if head == "NAIP":
        return _parse_naip(text, rest)
    if re.fullmatch(r"L\d", head):
        return _parse_landsat(rest, prefix=head, view_id=text)
    if "/" not in text and text.startswith("L"):
        return _parse_landsat(text, prefix=None, view_id=text)
    message = tr(
        "{view_id} is not a known scene id (expected S2/..., L8/..., L9/..., L7/..., L5/..., MODIS/... or NAIP/...)"
    )
    raise RequestError(message.format(view_id=text), FIELD)


def scene_date(view_id: str | None) -> dt.date | None:
    """The acquisition date a view_id carries; None without one (a NAIP id without a date, an
    id that is missing or not a scene id)."""
    try:
        return parse_view_id(view_id).date if view_id else None
    except RequestError:
        return None


def _parse_sentinel2(view_id: str) -> SceneId:
    match = _S2.fullmatch(view_id)
    if not match:
        message = tr("{view_id} is not a Sentinel-2 id of the form {form}, e.g. S2/33/U/UU/2017/2/16/0")
        form = "S2/{utm zone}/{latitude band}/{square}/{year}/{month}/{day}/{sequence}"
        raise RequestError(message.format(view_id=view_id, form=form), FIELD)
    zone = int(match["zone"])
    if not 1 <= zone <= 60:
        message = tr("{view_id}: UTM zone {zone} is not between 1 and 60")
        raise RequestError(message.format(view_id=view_id, zone=zone), FIELD)
    canonical = f"{match['head']}/{zone}/{match['band']}/{match['square']}/{match['y']}/{int(match['m'])}/{int(match['d'])}/{int(match['seq'])}"
    if any(len(match[part]) > 1 and match[part].startswith("0") for part in ("zone", "m", "d", "seq")):
        message = tr("{view_id}: zone, month, day and sequence are not zero-padded in view_ids ({canonical})")
        raise RequestError(message.format(view_id=view_id, canonical=canonical), FIELD)
    date = _date(int(match["y"]), int(match["m"]), int(match["d"]), view_id)
    tile = f"{zone:02d}{match['band']}{match['square']}"
    level = "L2A" if match["head"] == "S2L2A" else None
    return SceneId(view_id, SENTINEL2, date, f"T{tile}_{date:%Y%m%d}_{int(match['seq'])}", tile, level)


def _parse_landsat(scene: str, prefix: str | None, view_id: str) -> SceneId:
    match = _LANDSAT_PRE.fullmatch(scene)
    if match:
        year, doy = int(match["y"]), int(match["doy"])
        date = _date_from_doy(year, doy, view_id)
    else:
        match = _LANDSAT_COLLECTION.fullmatch(scene)
        if not match:
            message = tr("{view_id} is not a Landsat scene id (e.g. L8/LC80290332017076LGN00 or "
                         "L8/LC08_L1TP_224078_20200518_20200518_01_RT)")
            raise RequestError(message.format(view_id=view_id), FIELD)
        acquired = match["acquired"]
        date = _date(int(acquired[:4]), int(acquired[4:6]), int(acquired[6:]), view_id)
    sensor = _LANDSAT_SENSORS.get((match["kind"], match["sat"]))
    if sensor is None:
        message = tr("{view_id}: {kind} scenes are not supported")
        raise RequestError(message.format(view_id=view_id, kind=f"L{match['kind']}{match['sat']}"), FIELD)
    satellite = match["sat"]
    # Landsat 9 scenes are served next to Landsat 8 ones; both prefixes are seen.
    allowed_prefixes = {f"L{satellite}"} | ({"L8"} if satellite == "9" else set())
    if prefix is not None and prefix not in allowed_prefixes:
        message = tr("{view_id}: the prefix {prefix}/ does not match a Landsat {satellite} scene")
        raise RequestError(message.format(view_id=view_id, prefix=prefix, satellite=satellite), FIELD)
    # One canonical form per scene, whichever accepted prefix was given.
    canonical = f"L{satellite}/{scene}"
    return SceneId(canonical, sensor, date, scene, f"{match['path']}{match['row']}")


def _parse_modis(view_id: str) -> SceneId:
    match = _MODIS.fullmatch(view_id)
    if not match:
        message = tr("{view_id} is not a MODIS id of the form {form}, e.g. MODIS/12/04/2017204/2017213034223")
        form = "MODIS/{h}/{v}/{year}{day of year}/{production time}"
        raise RequestError(message.format(view_id=view_id, form=form), FIELD)
    h, v = int(match["h"]), int(match["v"])
    if h > 35 or v > 17:
        message = tr("{view_id}: MODIS tile {tile} is outside the grid (h 0-35, v 0-17)")
        raise RequestError(message.format(view_id=view_id, tile=f"h{h:02d}v{v:02d}"), FIELD)
    date = _date_from_doy(int(match["y"]), int(match["doy"]), view_id)
    name = f"MCD43A4.A{match['y']}{match['doy']}.h{h:02d}v{v:02d}.{match['produced']}"
    return SceneId(view_id, MODIS, date, name, f"h{h:02d}v{v:02d}")


def _parse_naip(view_id: str, rest: str) -> SceneId:
    # The API documents no NAIP example; accept NAIP/<path>, the date from the last 8-digit group.
    name = rest.rstrip("/").rsplit("/", 1)[-1]
    if not name:
        raise RequestError(tr("{view_id}: a NAIP id needs the image name after NAIP/").format(view_id=view_id), FIELD)
    date = None
    dates = _NAIP_DATE.findall(name)
    if dates:
        text = dates[-1]
        date = _date(int(text[:4]), int(text[4:6]), int(text[6:]), view_id)
    return SceneId(view_id, NAIP, date, name, "")


# ---------------------------------------------------------------------------------------------
# Band presets of the band picker, defined once through aliases and resolved per sensor.

BAND_PRESETS: dict[str, tuple[str, ...]] = {
    "true_colour": ("RED", "GREEN", "BLUE"),
    "false_colour": ("NIR", "RED", "GREEN"),
    "swir": ("SWIR2", "NIR", "RED"),
}
ALL_BANDS_PRESET = "all"


def band_by_alias(sensor: Sensor, alias: str) -> Band | None:
    for band in sensor.bands:
        if band.alias == alias:
            return band
    return None


def preset_bands(sensor: Sensor, preset: str, available: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The bands of a preset for `sensor` (empty when the sensor lacks one of them).

    `available`: the bands the scene actually has; "all" means all of those (or of the catalog).
    """
    if preset == ALL_BANDS_PRESET:
        names = [band.name for band in sensor.bands if band.alias or sensor.code == "NAIP"]
        return tuple(name for name in names if available is None or name in available)
    bands = [band_by_alias(sensor, alias) for alias in BAND_PRESETS.get(preset, ())]
    present = [band for band in bands if band is not None]
    if not present or len(present) < len(bands):
        return ()
    preset_names = tuple(band.name for band in present)
    if available is not None and any(name not in available for name in preset_names):
        return ()
    return preset_names


NATURAL_COLOUR_ROLES = ("RED", "GREEN", "BLUE")


def natural_colour_bands(view_id: str | None, band_names: Sequence[str]) -> tuple[int, int, int] | None:
    """The positions (from 1) in `band_names` of the scene's red, green and blue bands, in that
    order, or None when the sensor is unknown or one of the three is missing: a result asked as
    B02,B03,B04 still shows B04 on red."""
    try:
        sensor = parse_view_id(view_id or "").sensor
    except RequestError:
        return None
    positions = []
    for role in NATURAL_COLOUR_ROLES:
        band = band_by_alias(sensor, role)
        if band is None or band.name not in band_names:
            return None
        positions.append(list(band_names).index(band.name) + 1)
    return (positions[0], positions[1], positions[2])
