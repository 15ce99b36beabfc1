"""STAC items as the plugin's scenes: an item's view_id, its bands' asset keys, scale and offset
(docs/stac.md#items-and-view_ids).

Sentinel-2 Level-2A items map to ``S2/{zone}/{latitude band}/{square}/{y}/{m}/{d}/{seq}``: the tile
from Earth Search's ``mgrs:*`` properties, ``grid:code`` or Planetary Computer's ``s2:mgrs_tile``;
the sequence from ``s2:sequence``, else by the order of sensing times among the items of the same
tile and day (reprocessings of one sensing time count once: the highest ``s2:processing_baseline``
is kept). Landsat collection 2 level-2 items map to ``L5/`` ... ``L9/`` view_ids of their
``landsat:scene_id``. The date is that of ``datetime`` in UTC.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import DataError, RequestError
from ..i18n import tr
from ..scenes import Scene
from ..sensors import LANDSAT5, LANDSAT7, LANDSAT8, LANDSAT9, SENTINEL2, SceneId, Sensor, parse_view_id

LAYOUT_STAC = "STAC item"

# Request band name -> asset keys, first found wins (docs/stac.md#asset-keys): the band id
# (Planetary Computer), the common name (Earth Search), the id with its resolution (Copernicus Data
# Space). Copies resampled to other resolutions (red_20m, B04_20m) are never taken.
_S2_COMMON_NAMES = {
    "B01": "coastal", "B02": "blue", "B03": "green", "B04": "red", "B05": "rededge1", "B06": "rededge2",
    "B07": "rededge3", "B08": "nir", "B8A": "nir08", "B09": "nir09", "B11": "swir16", "B12": "swir22",
    "SCL": "scl", "AOT": "aot", "WVP": "wvp", "TCI": "visual",
}
# Landsat collection 2 level-2: the same common names, numbered differently by Landsat 4-7 and 8-9.
_OLI_COMMON_NAMES = {
    "B1": "coastal", "B2": "blue", "B3": "green", "B4": "red", "B5": "nir08", "B6": "swir16", "B7": "swir22",
    "B10": "lwir11", "QA_PIXEL": "qa_pixel", "QA_RADSAT": "qa_radsat",
}
_TM_ETM_COMMON_NAMES = {
    "B1": "blue", "B2": "green", "B3": "red", "B4": "nir08", "B5": "swir16", "B7": "swir22",
    "QA_PIXEL": "qa_pixel", "QA_RADSAT": "qa_radsat",
}
_LANDSAT_COMMON_NAMES = {LANDSAT9: _OLI_COMMON_NAMES, LANDSAT8: _OLI_COMMON_NAMES,
                         LANDSAT7: _TM_ETM_COMMON_NAMES, LANDSAT5: {**_TM_ETM_COMMON_NAMES, "B6": "lwir"}}
_LANDSAT_PLATFORMS = {"landsat-5": LANDSAT5, "landsat-7": LANDSAT7, "landsat-8": LANDSAT8, "landsat-9": LANDSAT9}

# The band each sensor's cloud mask is read from.
CLOUD_MASK_BANDS = {"S2": "SCL", "L5": "QA_PIXEL", "L7": "QA_PIXEL", "L8": "QA_PIXEL", "L9": "QA_PIXEL"}

_MGRS_TILE = re.compile(r"(?:MGRS-)?T?(?P<zone>\d{1,2})(?P<band>[C-HJ-NP-X])(?P<square>[A-HJ-NP-Z]{2})")


@dataclass(frozen=True)
class StacScene(Scene):
    """A scene of a STAC catalog: its bands are the https URLs of the item's assets (signed when
    the catalog signs them), its footprint the item's geometry."""

    item_id: str = ""
    collection: str = ""
    catalog: str = ""  # the catalog's root URL, for messages
    thumbnail: str | None = None  # the href of the item's thumbnail asset
    missing_bands: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # band -> why

    def summary(self) -> dict:
        """Scene.summary, with the item's id, collection and thumbnail."""
        return {**super().summary(), "item_id": self.item_id, "collection": self.collection,
                "thumbnail": self.thumbnail}

    def band_path(self, name: str) -> str:
        if name not in self.band_files:
            why = self.missing_bands.get(name)
            if why is not None:
                raise DataError(why, "params.bands")
            message = tr("{band} is not a band of the collection {collection} at {catalog} (item {item} has: {bands})")
            bands = ", ".join(self.band_files)
            raise DataError(message.format(band=name, collection=self.collection, catalog=self.catalog,
                                           item=self.item_id, bands=bands), "params.bands")
        return self.band_files[name]


# --- reading an item -------------------------------------------------------------------------------------

def item_datetime(item: dict) -> dt.datetime | None:
    """The item's `datetime` (or `start_datetime`) in UTC, None when it has none."""
    properties = item.get("properties") or {}
    text = properties.get("datetime") or properties.get("start_datetime")
    return parse_datetime(text)


_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?",
                       re.IGNORECASE)


def parse_datetime(text: object) -> dt.datetime | None:
    """An RFC 3339 date and time (any number of decimals; Python 3.9 takes only 3 or 6) in UTC."""
    match = _DATETIME.fullmatch(text.strip()) if isinstance(text, str) else None
    if not match:
        return None
    fraction = (match[3] or "0")[:6].ljust(6, "0")
    zone = (match[4] or "+00:00").upper().replace("Z", "+00:00")
    if ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    try:
        moment = dt.datetime.fromisoformat(f"{match[1]}T{match[2]}.{fraction}{zone}")
    except ValueError:
        return None
    return moment.astimezone(dt.timezone.utc)


def item_sensor(item: dict) -> Sensor | None:
    """The sensor of an item: Sentinel-2 or a Landsat, from its platform or properties."""
    properties = item.get("properties") or {}
    platform = str(properties.get("platform", "")).lower()
    if platform in _LANDSAT_PLATFORMS:
        return _LANDSAT_PLATFORMS[platform]
    if platform.startswith("sentinel-2") or any(key.startswith(("s2:", "mgrs:")) for key in properties):
        return SENTINEL2
    scene_id = properties.get("landsat:scene_id")
    if isinstance(scene_id, str):
        try:
            return parse_view_id(scene_id).sensor
        except RequestError:
            return None
    return None


def sentinel2_tile(item: dict) -> str | None:
    """The MGRS tile of a Sentinel-2 item as "33UUU" (zone zero-padded), None when it says none."""
    properties = item.get("properties") or {}
    zone, band, square = (properties.get(key) for key in ("mgrs:utm_zone", "mgrs:latitude_band", "mgrs:grid_square"))
    if zone is not None and band and square:
        text = f"{zone}{band}{square}"
    else:
        text = str(properties.get("s2:mgrs_tile") or properties.get("grid:code") or properties.get("tile_id") or "")
    match = _MGRS_TILE.fullmatch(text.strip())
    if not match:
        return None
    return f"{int(match['zone']):02d}{match['band']}{match['square']}"


def _sequence_property(item: dict) -> int | None:
    value = (item.get("properties") or {}).get("s2:sequence")
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _baseline(item: dict) -> tuple[float, str]:
    """How recent a processing is: s2:processing_baseline, then the id (which ends with the processing time)."""
    value = (item.get("properties") or {}).get("s2:processing_baseline")
    try:
        baseline = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        baseline = -1.0
    return baseline, str(item.get("id", ""))


def sentinel2_acquisitions(items: Iterable[dict]) -> dict[str, dict]:
    """view_id -> item of Sentinel-2 items: one per acquisition (the latest reprocessing), numbered
    as docs/stac.md#items-and-view_ids says. `items` must hold every item of each (tile, day) it
    holds any of: numbering by order needs them all."""
    groups: dict[tuple[str, dt.date], list[dict]] = {}
    for item in items:
        tile, moment = sentinel2_tile(item), item_datetime(item)
        if tile is None or moment is None:
            continue
        groups.setdefault((tile, moment.date()), []).append(item)
    found: dict[str, dict] = {}
    for (tile, day), members in groups.items():
        zone, band, square = int(tile[:2]), tile[2], tile[3:]
        # Reprocessings of one sensing time: the highest baseline (then the latest id) stands for it.
        latest: dict[tuple[str, Any], dict] = {}
        for item in members:
            sequence = _sequence_property(item)
            key = ("sequence", sequence) if sequence is not None else ("time", item_datetime(item))
            if key not in latest or _baseline(item) > _baseline(latest[key]):
                latest[key] = item
        times = sorted({key[1] for key in latest if key[0] == "time"})
        for key, item in latest.items():
            number = key[1] if key[0] == "sequence" else times.index(key[1])
            found[f"S2/{zone}/{band}/{square}/{day.year}/{day.month}/{day.day}/{number}"] = item
    return found


def landsat_view_id(item: dict) -> str | None:
    """The view_id of a Landsat collection 2 item (`landsat:scene_id`, else its id), None when neither parses."""
    properties = item.get("properties") or {}
    for candidate in (properties.get("landsat:scene_id"), item.get("id")):
        if isinstance(candidate, str):
            try:
                return parse_view_id(candidate).view_id
            except RequestError:
                continue
    return None


def items_by_view_id(items: Sequence[dict]) -> dict[str, dict]:
    """view_id -> item for every item of a known sensor (Sentinel-2 numbered among themselves)."""
    found: dict[str, dict] = {}
    sentinel2 = []
    for item in items:
        sensor = item_sensor(item)
        if sensor is SENTINEL2:
            sentinel2.append(item)
        elif sensor is not None:
            view_id = landsat_view_id(item)
            if view_id is not None:
                found[view_id] = item
    found.update(sentinel2_acquisitions(sentinel2))
    return found


# --- assets ---------------------------------------------------------------------------------------------------

def asset_keys(sensor: Sensor, band: str) -> tuple[str, ...]:
    """The asset keys a band may have in an item, in order of preference."""
    if sensor is SENTINEL2:
        common = _S2_COMMON_NAMES.get(band)
        known = sensor.band(band)
        resolution = known.resolution if known is not None else None
        keys = [band, common] if band != "TCI" else [common]
        if resolution is not None:
            keys.append(f"{band}_{resolution:g}m")
        return tuple(key for key in keys if key)
    common = _LANDSAT_COMMON_NAMES.get(sensor, {}).get(band)
    return (common,) if common else ()


def _asset_href(asset: dict) -> str | None:
    href = asset.get("href")
    if isinstance(href, str) and href.startswith(("http://", "https://")):
        return href
    alternate = (asset.get("alternate") or {}).get("https") or {}  # s3:// assets with an https copy
    href = alternate.get("href") if isinstance(alternate, dict) else None
    return href if isinstance(href, str) and href.startswith(("http://", "https://")) else None


def band_transform(asset: dict, offset_applied: bool) -> tuple[float, float]:
    """(scale, offset) turning the asset's stored values into physical ones, as its `raster:bands`
    says (1 and 0 when it says nothing). `offset_applied`: the item says its values already carry the
    offset (Earth Search's `earthsearch:boa_offset_applied`), which is then not applied again."""
    bands = asset.get("raster:bands")
    first = bands[0] if isinstance(bands, list) and bands and isinstance(bands[0], dict) else {}
    scale, offset = first.get("scale", 1.0), first.get("offset", 0.0)
    scale = float(scale) if isinstance(scale, (int, float)) and not isinstance(scale, bool) else 1.0
    offset = float(offset) if isinstance(offset, (int, float)) and not isinstance(offset, bool) else 0.0
    return scale, 0.0 if offset_applied else offset


def scene_of_item(item: dict, view_id: str, catalog: str, sign: Any = None) -> StacScene:
    """The scene of `item` under `view_id`: each band of the sensor the item has an asset of (signed
    by `sign(href, collection)` when given), its scale and offset, cloud cover, footprint, thumbnail."""
    scene_id: SceneId = parse_view_id(view_id)
    sensor = scene_id.sensor
    properties = item.get("properties") or {}
    found_assets = item.get("assets")
    assets: dict = found_assets if isinstance(found_assets, dict) else {}
    collection = str(item.get("collection", ""))
    offset_applied = properties.get("earthsearch:boa_offset_applied") is True
    band_files: dict[str, str] = {}
    transforms: dict[str, tuple[float, float]] = {}
    missing: dict[str, str] = {}
    for band in sensor.band_names:
        keys = asset_keys(sensor, band)
        key = next((key for key in keys if isinstance(assets.get(key), dict) and _asset_href(assets[key])), None)
        if key is None:
            message = tr("{band} is not a band of the collection {collection} at {catalog} ({view_id} has no "
                         "asset {keys})")
            missing[band] = message.format(band=band, collection=collection or "?", catalog=catalog,
                                           view_id=view_id, keys=" / ".join(keys) or "-")
            continue
        href = _asset_href(assets[key]) or ""
        band_files[band] = sign(href, collection) if sign is not None else href
        transforms[band] = band_transform(assets[key], offset_applied and sensor is SENTINEL2)
    cloud = properties.get("eo:cloud_cover")
    cloud_cover = float(cloud) if isinstance(cloud, (int, float)) and not isinstance(cloud, bool) \
        and 0 <= cloud <= 100 else None
    thumbnail = assets.get("thumbnail") if isinstance(assets.get("thumbnail"), dict) else {}
    geometry = item.get("geometry")
    footprint = [geometry] if isinstance(geometry, dict) and geometry.get("type") in ("Polygon", "MultiPolygon") \
        else []
    if not footprint:
        raise DataError(tr("the item {item} of {catalog} has no footprint geometry").format(
            item=item.get("id"), catalog=catalog))
    return StacScene(
        scene_id=scene_id,
        band_files=band_files,
        product_level="L2A" if sensor is SENTINEL2 else "L2",
        layout=LAYOUT_STAC,
        cloud_cover=cloud_cover,
        _footprint=footprint,
        band_transforms=transforms,
        item_id=str(item.get("id", "")),
        collection=collection,
        catalog=catalog,
        thumbnail=_asset_href(thumbnail) if thumbnail else None,
        missing_bands=missing,
    )
