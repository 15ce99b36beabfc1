"""Scene stores: folders of scenes on disk, found by view_id and listed for the scene picker.

A store is a folder searched recursively. It recognises these layouts, at any depth:

- **view_id folders**: the Sentinel-2 tile layout of the public buckets,
  ``tiles/{zone}/{latitude band}/{square}/{y}/{m}/{d}/{seq}/B02.jp2`` (Level-2A also with
  ``R10m/`` ``R20m/`` ``R60m/`` sub-folders), and in general any folder whose path ends with a
  view_id (``MODIS/12/04/2017204/2017213034223/B01.TIF``, ``L8/LC8.../B4.TIF``) holding one
  file per band named after the band, and its metadata files (which file is tile and which
  product metadata: ``api_rules.sentinel2_metadata_kind``).
- **Sentinel-2 SAFE products**, Level-1C (``GRANULE/*/IMG_DATA/T33UUU_..._B02.jp2``) and Level-2A
  (``IMG_DATA/R10m/T33UUU_..._B02_10m.jp2``; each band is taken at its native resolution).
- **loose Sentinel-2 files** named like ``T33UUU_20170216T102101_B02.jp2``.
- **Landsat scene files** ``{scene id}_B4.TIF`` (also ``_b4.tif``, ``_SR_B4.TIF``, ``_QA_PIXEL.TIF``,
  ``_fmask.tif``) with ``{scene id}_MTL.txt`` when present.

Rasters are recognised by their names and opened by content among the GeoTIFF and JPEG 2000
drivers only (some ``.jp2`` files are GeoTIFFs; a VRT named ``.jp2`` is refused: it could make
the plugin read any file). Only headers are read while listing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from . import aoi as aoi_module
from . import api_rules
from .errors import DataError, LoadByExtentError, RequestError, SceneNotFoundError
from .gdal_support import lonlat_footprint, open_raster, shown_path
from .http_raster import RemoteReading, forget, is_url
from .i18n import tr
from .sensors import SENSOR_NAMES, SENTINEL2, SceneId, Sensor, parse_view_id

if TYPE_CHECKING:
    from .feedback import FeedbackLike
    from .remote.search import RemoteScene
    from .remote.transport import TransportFactory
    from .sources import SceneSource

# GeoTIFF and JPEG 2000 only: the formats of scenes, and the only drivers bands are opened with
# (gdal_support.SCENE_RASTER_DRIVERS); never a VRT, which could point at any file.
RASTER_EXTENSIONS = {".tif", ".tiff", ".jp2", ".j2k", ".jpx"}

# Layout names, in the order of preference when two copies of one scene are found.
LAYOUT_VIEW_ID_FOLDER = "view_id folder"
LAYOUT_SAFE = "SAFE product"
LAYOUT_S2_FILES = "Sentinel-2 files"
LAYOUT_LANDSAT = "Landsat files"
_LAYOUT_ORDER = (LAYOUT_VIEW_ID_FOLDER, LAYOUT_SAFE, LAYOUT_S2_FILES, LAYOUT_LANDSAT)

_S2_FILE = re.compile(
    r"(?P<tile>T(?P<zone>\d{2})(?P<band_letter>[C-HJ-NP-X])(?P<square>[A-HJ-NP-Z]{2}))_"
    r"(?P<time>(?P<date>\d{8})T\d{6})_(?P<band>B\d[\dA]|SCL|AOT|WVP|TCI)(?:_(?P<res>\d{2})m)?"
)
_LANDSAT_FILE = re.compile(
    r"(?P<id>L[COTEM]\d{14}[A-Z0-9]{3}\d{2}|L[COTEM]0\d_L\d[A-Z]{2}_\d{6}_\d{8}_\d{8}_\d{2}_(?:RT|T1|T2))_"
    r"(?P<suffix>.+)"
)
_RESOLUTION_FOLDER = re.compile(r"R(\d{2})m")


class ListedScene(Protocol):
    """A scene as a search lists it: of the scene folders (Scene) or of the Processing API
    (core.remote.search.RemoteScene). The scene picker and the dock use only this."""

    @property
    def view_id(self) -> str: ...

    @property
    def sensor(self) -> Sensor: ...

    @property
    def date(self) -> dt.date | None: ...

    @property
    def cloud_cover(self) -> float | None: ...

    @property
    def product_level(self) -> str | None: ...

    @property
    def bands(self) -> tuple[str, ...] | None: ...  # the bands it has; None: not known

    def footprint(self) -> dict: ...

    def summary(self) -> dict: ...


@dataclass(frozen=True)
class Scene:
    """One scene of a store: where its bands and metadata files are."""

    scene_id: SceneId
    band_files: dict[str, str]  # band name -> path, or http(s) URL (core/http_raster.py)
    tile_metadata: tuple[str, ...] = ()
    product_metadata: tuple[str, ...] = ()
    product_level: str | None = None  # "L1C" / "L2A" for Sentinel-2
    layout: str = LAYOUT_VIEW_ID_FOLDER
    cloud_cover: float | None = None  # percent, from the metadata; None when unknown
    # band name -> (gain, bias): physical value = stored value x gain + bias, as the source states
    # it (a catalog's raster:bands scale and offset). Indices, visuals and statistics apply it, and
    # nothing more (core/calibration.py); crops copy the stored values.
    band_transforms: dict[str, tuple[float, float]] = field(default_factory=dict)
    _footprint: list = field(default_factory=list, compare=False, repr=False)  # cache

    @property
    def view_id(self) -> str:
        return self.scene_id.view_id

    @property
    def sensor(self) -> Sensor:
        return self.scene_id.sensor

    @property
    def date(self) -> dt.date | None:
        return self.scene_id.date

    @property
    def bands(self) -> tuple[str, ...] | None:
        """The bands the store has of it (None when it has none: nothing to offer)."""
        return tuple(self.band_files) or None

    def metadata_files(self, kind: str) -> tuple[str, ...]:
        """The files of a metadata kind of the request (api_rules.TILE_METADATA / PRODUCT_METADATA)."""
        return self.tile_metadata if kind == api_rules.TILE_METADATA else self.product_metadata

    def band_path(self, name: str) -> str:
        path = self.band_files.get(name)
        if path is None:
            if self.band_files:
                message = tr("scene {view_id} has no band {band} in the store (it has: {bands})")
            else:
                message = tr("scene {view_id} has no band {band} in the store (it has: none)")
            bands = ", ".join(sorted(self.band_files))
            raise DataError(message.format(view_id=self.view_id, band=name, bands=bands), "params.bands")
        return path

    def footprint(self) -> dict:
        """The extent of the scene's rasters as a GeoJSON Polygon in EPSG:4326."""
        if not self._footprint:
            self._footprint.append(raster_footprint(self._reference_band()))
        return self._footprint[0]

    def _reference_band(self) -> str:
        # The finest band gives the exact extent; any band works for a footprint.
        ranked = sorted(self.band_files.items(), key=lambda item: _band_resolution(self.sensor, item[0]))
        return ranked[0][1]

    def summary(self) -> dict:
        """What the scene picker and `lbe scenes` show."""
        return scene_summary(self, sorted(self.band_files, key=_band_order(self.sensor)), self.layout, self.footprint())


def scene_summary(scene: ListedScene, bands: list[str] | None, layout: str, footprint: dict | None,
                  **more: Any) -> dict:
    """The summary of a listed scene, of the folders or of the API (`ListedScene.summary`): its
    view_id, sensor, level, date, cloud cover, `bands` (None: unknown), `layout`, `footprint`, then `more`."""
    return {
        "view_id": scene.view_id,
        "sensor": scene.sensor.name,
        "product_level": scene.product_level,
        "date": scene.date.isoformat() if scene.date else None,
        "cloud_cover": scene.cloud_cover,
        "bands": bands,
        "layout": layout,
        "footprint": footprint,
        **more,
    }


def _band_resolution(sensor: Sensor, name: str) -> float:
    band = sensor.band(name)
    return band.resolution if band else float("inf")


def _band_order(sensor: Sensor) -> Callable[[str], int]:
    names = sensor.band_names
    return lambda name: names.index(name) if name in names else len(names)


def raster_footprint(path: str, points_per_edge: int = 16) -> dict:
    """A raster's extent, densified and transformed to EPSG:4326, as a GeoJSON Polygon."""
    dataset = open_raster(path)
    try:
        gt = dataset.GetGeoTransform(can_return_null=True)
        wkt = dataset.GetProjection()
        if gt is None or not wkt:
            raise DataError(tr("{path} is not georeferenced").format(path=shown_path(path)))
        polygon = lonlat_footprint(tuple(gt), dataset.RasterXSize, dataset.RasterYSize, wkt, points_per_edge)
    finally:
        dataset = None
        if is_url(path):
            forget(path)
    return json.loads(polygon.ExportToJson())


# --- reading metadata ---------------------------------------------------------------------------

def date_order(scene: Scene | RemoteScene) -> tuple[dt.date, str]:
    """The sort key of scenes (local or the API's) by date, undated ones first, then by view_id."""
    return (scene.date or dt.date.min, scene.view_id)


def read_text(path: str, limit: int = 4_000_000) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as stream:
            return stream.read(limit)
    except OSError:
        return ""


def cloud_cover_from_metadata(paths: Iterable[str]) -> float | None:
    """The scene's cloud cover in percent from its metadata files, or None."""
    patterns = (
        r'CLOUD_COVER\s*=\s*"?(-?[\d.]+)',  # Landsat MTL.txt
        r"<CLOUD_COVER>\s*(-?[\d.]+)",  # Landsat MTL.xml
        r"<Cloud_Coverage_Assessment>\s*([\d.]+)",  # Sentinel-2 product metadata
        r"<CLOUDY_PIXEL_PERCENTAGE>\s*([\d.]+)",  # Sentinel-2 tile metadata
        r'"cloudyPixelPercentage"\s*:\s*([\d.]+)',  # tileInfo.json
    )
    for path in paths:
        text = read_text(path)
        for pattern in patterns:
            match = re.search(pattern, text)
            if match:
                value = float(match.group(1))
                if 0 <= value <= 100:  # Landsat writes -1 when unknown
                    return value
    return None


# --- the store ------------------------------------------------------------------------------------

@dataclass
class _SceneParts:
    """What the walk found for one scene, before it becomes a Scene."""

    scene_id: SceneId | None
    layout: str
    bands: dict[str, list[tuple[float | None, str]]] = field(default_factory=dict)  # name -> (res, path)
    tile_metadata: list[str] = field(default_factory=list)
    product_metadata: list[str] = field(default_factory=list)
    product_level: str | None = None
    sort_key: str = ""  # orders same-day Sentinel-2 acquisitions to number them
    s2_tile: str | None = None  # SAFE and loose Sentinel-2 files: "T33UUU", before numbering
    s2_date: dt.date | None = None
    s2_time: str = ""  # sensing time, "20170216T102101"

    def add_band(self, name: str, path: str, resolution: float | None = None) -> None:
        self.bands.setdefault(name, []).append((resolution, path))

    def metadata_files(self, kind: str) -> list[str]:
        return self.tile_metadata if kind == api_rules.TILE_METADATA else self.product_metadata


class SceneStore:
    """A folder of scenes in any of the layouts of this module's docstring."""

    def __init__(self, root: str) -> None:
        self.root = os.path.abspath(os.path.expanduser(root))
        self._scenes: dict[str, Scene] | None = None
        self._walk_problems: list[str] = []  # paths the scan skipped, with why
        self._checked: dict[str, tuple[Scene | None, tuple[str, ...]]] = {}  # view_id -> readable part, problems
        self._lock = threading.Lock()  # a scene search and a running task may scan at once

    def __repr__(self) -> str:
        return f"SceneStore({self.root!r})"

    def refresh(self) -> None:
        with self._lock:
            self._scenes = None
            self._checked = {}

    def scenes(self) -> list[Scene]:
        return list(self._index().values())

    def readable(self, scene: Scene) -> tuple[Scene | None, tuple[str, ...]]:
        """The scene with only the bands that open as rasters (None when none does, or its
        footprint cannot be read), and what is wrong with the others: one bad file does not hide
        the rest of the store. Headers only; remembered until refresh()."""
        with self._lock:
            known = self._checked.get(scene.view_id)
        if known is not None and (known[0] is None or known[0].scene_id == scene.scene_id):
            return known
        problems = []
        good = {}
        for name, path in scene.band_files.items():
            try:
                open_raster(path)
                if is_url(path):
                    forget(path)
            except DataError as error:
                problems.append(str(error))
                continue
            good[name] = path
        readable: Scene | None = None
        if good:
            readable = scene if len(good) == len(scene.band_files) else dataclasses.replace(
                scene, band_files=good, _footprint=[])
            try:
                readable.footprint()
            except DataError as error:
                problems.append(str(error))
                readable = None
        if readable is None:
            problems.append(tr("scene {view_id} is left out: none of its bands can be read").format(
                view_id=scene.view_id))
        known = (readable, tuple(problems))
        with self._lock:
            self._checked[scene.view_id] = known
        return known

    def find(self, view_id: str) -> Scene:
        """The scene with this view_id; SceneNotFoundError when the store has none."""
        wanted = parse_view_id(view_id)
        scene = self._index().get(wanted.acquisition_view_id)
        # S2L2A/...: the Level-2A product of the acquisition, not its Level-1C one
        if scene is None or wanted.product_level not in (None, scene.product_level):
            raise SceneNotFoundError(view_id, self.root)
        return scene

    def search(
        self,
        aoi: dict | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        max_cloud: float | None = None,
        sensors: Sequence[str] | None = None,
        problems: list[str] | None = None,
        feedback: FeedbackLike | None = None,  # noqa: ARG002 - a folder is searched at once; URLs take it
    ) -> list[Scene]:
        """Scenes intersecting `aoi` (GeoJSON in EPSG:4326), within the dates, clouds and sensors;
        newest first, each with only its readable bands. What could not be read (paths that are
        not UTF-8, band files that do not open as rasters) is added to `problems`, and left out."""
        area = aoi_module.to_ogr(aoi) if aoi else None
        wanted = _sensor_filter(sensors)
        found = []
        scenes = self.scenes()
        if problems is not None:
            problems.extend(self._walk_problems)
        for scene in scenes:
            if wanted is not None and not _sensor_matches(scene, wanted):
                continue
            if (start or end) and (
                scene.date is None or (start and scene.date < start) or (end and scene.date > end)
            ):
                continue
            if max_cloud is not None and scene.cloud_cover is not None and scene.cloud_cover > max_cloud:
                continue
            usable, scene_problems = self.readable(scene)
            if problems is not None:
                problems.extend(scene_problems)
            if usable is None:
                continue
            if area is not None and not aoi_module.to_ogr(usable.footprint()).Intersects(area):
                continue
            found.append(usable)
        found.sort(key=date_order, reverse=True)
        return found

    # --- scanning ------------------------------------------------------------------------------
    def _index(self) -> dict[str, Scene]:
        with self._lock:
            if self._scenes is None:
                if not os.path.isdir(self.root):
                    raise DataError(tr("the scene folder {folder} does not exist").format(folder=self.root))
                self._walk_problems = []
                self._scenes = _build_index(self._walk(self._walk_problems))
            return self._scenes

    def _walk(self, problems: list[str]) -> Iterator[tuple[str, list[str], list[str]]]:
        seen: set[str] = set()
        for folder, dirs, files in os.walk(self.root, followlinks=True):
            real = os.path.realpath(folder)
            if real in seen:  # a link back up the tree
                dirs[:] = []
                continue
            seen.add(real)
            # Names that are not UTF-8 cannot be handed to GDAL (nor shown faithfully): skipped.
            for names in (dirs, files):
                bad = [name for name in names if not _is_utf8(name)]
                for name in bad:
                    names.remove(name)
                    message = tr("{path} is skipped: its name is not UTF-8")
                    problems.append(message.format(path=_printable_path(os.path.join(folder, name))))
            dirs.sort()
            yield folder, dirs, sorted(files)


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # os.walk keeps undecodable bytes as lone surrogates
        return False
    return True


def _printable_path(path: str) -> str:
    """`path` with its undecodable bytes shown as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


class SceneStoreSet:
    """Several scene sources searched as one (the dock's configured folders and URLs; core/sources.py).
    `roots`: folders and URLs, opened here, or sources already opened (each with its own transport)."""

    def __init__(self, roots: Sequence[str | SceneSource], transport: TransportFactory | None = None,
                 reading: RemoteReading | None = None) -> None:
        from .sources import open_scene_source  # folders and URLs (it builds on this module)

        self.stores = [open_scene_source(root, transport, reading) if isinstance(root, str) else root
                       for root in dict.fromkeys(roots)]

    @property
    def root(self) -> str:
        return ", ".join(store.root for store in self.stores) or tr("(no scene folder)")

    def refresh(self) -> None:
        for store in self.stores:
            store.refresh()

    def scenes(self) -> list[Scene]:
        return [scene for store in self.stores for scene in store.scenes()]

    def find(self, view_id: str) -> Scene:
        for store in self.stores:
            try:
                return store.find(view_id)
            except SceneNotFoundError:
                continue
        raise SceneNotFoundError(view_id, self.root)

    def search(self, **criteria: Any) -> tuple[list[Scene], list[str]]:
        """Scenes of every folder matching `criteria` (see SceneStore.search), newest first, and
        the problems of folders that could not be searched (a missing folder does not hide the
        others' scenes)."""
        from .remote.client import RemoteError  # a catalog's failure (imported late: folders need no network)

        found: dict[str, Scene] = {}
        problems: list[str] = []
        failures: list[LoadByExtentError] = []
        for store in reversed(self.stores):  # the first folder wins for a scene found twice
            store_problems: list[str] = []
            try:
                found.update((scene.view_id, scene) for scene in store.search(**criteria, problems=store_problems))
            except (DataError, RemoteError) as error:
                store_problems.append(str(error))
                failures.append(error)
            problems[:0] = store_problems
        if failures and len(failures) == len(self.stores) and any(is_url(store.root) for store in self.stores):
            raise failures[-1]  # no source answered: a catalog's failure is the answer, not an empty list
        scenes = sorted(found.values(), key=date_order, reverse=True)
        return scenes, problems


def _sensor_filter(sensors: Sequence[str] | None) -> list[tuple[str, str | None]] | None:
    if not sensors:
        return None
    return [SENSOR_NAMES[name.lower()] for name in sensors if name.lower() in SENSOR_NAMES]


def _sensor_matches(scene: Scene, wanted: list[tuple[str, str | None]]) -> bool:
    return any(
        scene.sensor.code == code and (level is None or scene.product_level == level) for code, level in wanted
    )


def _split_name(name: str) -> tuple[str, str]:
    stem, extension = os.path.splitext(name)
    return stem, extension.lower()


def _view_id_of_folder(folder: str) -> SceneId | None:
    """The view_id a folder's path ends with, if any (the tile layout and its kin)."""
    parts = os.path.normpath(folder).split(os.sep)
    candidates = []
    if len(parts) >= 7:
        candidates.append("S2/" + "/".join(parts[-7:]))
    if len(parts) >= 5:
        candidates.append("/".join(parts[-5:]))  # MODIS/h/v/yyyyddd/produced
    if len(parts) >= 2:
        candidates.append("/".join(parts[-2:]))  # L8/LC8...
    for candidate in candidates:
        head = candidate.split("/", 1)[0]
        if head not in ("S2", "MODIS", "NAIP") and not re.fullmatch(r"L\d", head):
            continue
        try:
            scene_id = parse_view_id(candidate)
        except RequestError:
            continue
        if scene_id.view_id == candidate:
            return scene_id
    return None


def _safe_root(folder: str) -> str | None:
    path = folder
    while True:
        if path.upper().endswith(".SAFE"):
            return path
        parent = os.path.dirname(path)
        if parent == path:
            return None
        path = parent


def _build_index(walk: Iterable[tuple[str, list[str], list[str]]]) -> dict[str, Scene]:
    parts: dict[tuple, _SceneParts] = {}
    for folder, _dirs, files in walk:
        _collect_view_id_folder(folder, files, parts)
        _collect_sentinel2_files(folder, files, parts)
        _collect_landsat_files(folder, files, parts)
    _number_sentinel2_acquisitions(parts)

    scenes: dict[str, Scene] = {}
    ranked = sorted(parts.values(), key=lambda p: (_LAYOUT_ORDER.index(p.layout), p.sort_key))
    for found in ranked:
        if found.scene_id is None or not found.bands or found.scene_id.view_id in scenes:
            continue
        scene = _make_scene(found, found.scene_id)
        if scene.band_files:
            scenes[scene.view_id] = scene
    return scenes


def _collect_view_id_folder(folder: str, files: list[str], parts: dict) -> None:
    resolution = None
    scene_folder = folder
    match = _RESOLUTION_FOLDER.fullmatch(os.path.basename(folder))
    if match:  # Level-2A tile layout: tiles/.../0/R10m/B02.jp2
        resolution = float(match.group(1))
        scene_folder = os.path.dirname(folder)
    scene_id = _view_id_of_folder(scene_folder)
    if scene_id is None:
        return
    key = ("folder", scene_id.view_id)
    found = parts.get(key) or _SceneParts(scene_id, LAYOUT_VIEW_ID_FOLDER, sort_key=scene_folder)
    for name in files:
        stem, extension = _split_name(name)
        path = os.path.join(folder, name)
        if extension in RASTER_EXTENSIONS and scene_id.sensor.band(stem.upper()):
            found.add_band(stem.upper(), path, resolution)
        elif resolution is None and (kind := api_rules.sentinel2_metadata_kind(name)):
            found.metadata_files(kind).append(path)
    if resolution is not None:
        found.product_level = "L2A"
    if found.bands or found.tile_metadata or found.product_metadata:
        parts[key] = found


def _collect_sentinel2_files(folder: str, files: list[str], parts: dict) -> None:
    safe = _safe_root(folder)
    for name in files:
        stem, extension = _split_name(name)
        match = _S2_FILE.fullmatch(stem)
        if extension not in RASTER_EXTENSIONS or not match:
            continue
        layout = LAYOUT_SAFE if safe else LAYOUT_S2_FILES
        # Level-2A keeps bands in R10m/ R20m/ R60m/ folders: one scene per granule folder.
        granule = os.path.dirname(folder) if _RESOLUTION_FOLDER.fullmatch(os.path.basename(folder)) else folder
        key = ("s2", safe or granule, match["tile"], match["time"])
        found = parts.get(key)
        if found is None:
            found = _SceneParts(
                None,
                layout,
                sort_key=f"{match['time']} {safe or granule}",
                s2_tile=match["tile"],
                s2_date=dt.datetime.strptime(match["date"], "%Y%m%d").date(),
                s2_time=match["time"],
            )
            _attach_sentinel2_metadata(found, folder, safe)
            parts[key] = found
        resolution = float(match["res"]) if match["res"] else None
        if resolution is not None or "MSIL2A" in (safe or "").upper():
            found.product_level = "L2A"
        found.add_band(match["band"], os.path.join(folder, name), resolution)


def _attach_sentinel2_metadata(found: _SceneParts, folder: str, safe: str | None) -> None:
    # Tile metadata sits in the granule folder (the parent of IMG_DATA, or of IMG_DATA/R10m);
    # product metadata at the top of the SAFE product. Loose files: the same folder.
    granule = folder
    for _ in range(2):
        if os.path.basename(granule) in ("IMG_DATA",) or _RESOLUTION_FOLDER.fullmatch(os.path.basename(granule)):
            granule = os.path.dirname(granule)
    for name in api_rules.SENTINEL2_TILE_METADATA_NAMES:
        for place in dict.fromkeys((granule, folder)):
            path = os.path.join(place, name)
            if os.path.isfile(path) and path not in found.tile_metadata:
                found.tile_metadata.append(path)
    for name in api_rules.SENTINEL2_PRODUCT_METADATA_NAMES:
        for place in dict.fromkeys(p for p in (safe, folder) if p):
            path = os.path.join(place, name)
            if os.path.isfile(path) and path not in found.product_metadata:
                found.product_metadata.append(path)


def _number_sentinel2_acquisitions(parts: dict) -> None:
    """Give SAFE and loose Sentinel-2 scenes their view_id: same-day acquisitions of one tile are
    numbered 0, 1, ... in order of sensing time, as the tile buckets do. Copies of one acquisition
    (say a SAFE product and loose files, or its L1C and L2A products) share the view_id; the store
    keeps the first by layout order, and Level-1C before Level-2A."""
    groups: dict[tuple, list[_SceneParts]] = {}
    for found in parts.values():
        if found.scene_id is None and found.s2_tile:
            groups.setdefault((found.s2_tile, found.s2_date), []).append(found)
    for (tile, date), members in groups.items():
        zone, band, square = int(tile[1:3]), tile[3], tile[4:6]
        times = sorted({found.s2_time for found in members})
        for found in members:
            sequence = times.index(found.s2_time)
            found.scene_id = parse_view_id(f"S2/{zone}/{band}/{square}/{date.year}/{date.month}/{date.day}/{sequence}")
            found.sort_key = f"{found.product_level == 'L2A'} {found.sort_key}"


def _landsat_band_name(suffix: str, sensor: Sensor) -> str | None:
    name = suffix.upper()
    for prefix in ("SR_", "ST_"):  # collection 2 Level-2 names: SR_B4, ST_B10
        if name.startswith(prefix) and sensor.band(name[len(prefix):]):
            name = name[len(prefix):]
    return name if sensor.band(name) else None


def _collect_landsat_files(folder: str, files: list[str], parts: dict) -> None:
    for name in files:
        stem, extension = _split_name(name)
        match = _LANDSAT_FILE.fullmatch(stem)
        if not match:
            continue
        try:
            scene_id = parse_view_id(match["id"])
        except RequestError:
            continue
        key = ("landsat", folder, scene_id.view_id)
        found = parts.get(key) or _SceneParts(scene_id, LAYOUT_LANDSAT, sort_key=folder)
        path = os.path.join(folder, name)
        suffix = match["suffix"]
        if suffix.upper() == "MTL" and extension in (".txt", ".xml", ".json"):
            # One metadata file for Landsat: it serves both tile_md and product_md.
            found.tile_metadata.append(path)
            found.product_metadata.append(path)
        elif extension in RASTER_EXTENSIONS:
            band = _landsat_band_name(suffix, scene_id.sensor)
            if band:
                found.add_band(band, path)
        parts[key] = found


def _make_scene(found: _SceneParts, scene_id: SceneId) -> Scene:
    """`scene_id`: found's own, once known (numbered Sentinel-2 files get theirs last)."""
    sensor = scene_id.sensor
    band_files = {}
    for name, candidates in found.bands.items():
        native = _band_resolution(sensor, name)
        # Level-2A products carry bands at several resolutions: take the native one, else the closest.
        _resolution, path = min(
            candidates, key=lambda item: (abs((item[0] if item[0] is not None else native) - native), item[1])
        )
        band_files[name] = path
    ordered = dict(sorted(band_files.items(), key=lambda item: _band_order(sensor)(item[0])))
    metadata = found.tile_metadata + found.product_metadata
    product_level = found.product_level
    if sensor is SENTINEL2 and product_level is None:
        product_level = "L2A" if "SCL" in band_files else "L1C"
    return Scene(
        scene_id=scene_id,
        band_files=ordered,
        tile_metadata=tuple(found.tile_metadata),
        product_metadata=tuple(found.product_metadata),
        product_level=product_level,
        layout=found.layout,
        cloud_cover=cloud_cover_from_metadata(dict.fromkeys(metadata)),
    )
