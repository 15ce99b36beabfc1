"""Observations: the same-day scenes of one sensor that an AOI meets, taken as one view of it.

An AOI across a tile border (Sentinel-2 tiles overlap by about 10 km, Landsat scenes of one path by
rows) is served by `mt_stats`, `bandmath` and `jpeg` from every scene of its observation, each
point of the AOI once (docs/task-api.md#aois-across-tile-borders):

- **Observation**: the scenes of one sensor and product level (as their view_ids name them) acquired
  the same UTC day whose footprints meet the AOI. Scenes of other days are never merged. A view_id
  of the tile layout does not name the satellite (Sentinel-2A or 2B): two satellites' passes over one
  place on one UTC day happen only near the poles, where they would be taken as one observation.
- **Order**: the primary scene first, then the others by view_id. The primary is the requested
  view_id (`bandmath`, `jpeg`), or, for `mt_stats`, the scene whose footprint holds the largest part
  of the AOI (the first by view_id on a tie). A scene is a member only if it holds part of the AOI
  that the footprints before it in the order leave out; one that lacks a band (or, with
  `exclude_cover_pixels`, the cloud mask) the request needs is left out.
- **Each point from one scene**: the output grid is the primary's grid (of the coarsest band used),
  extended on its own lattice over the others; each pixel of it comes from the first scene of the
  order whose raster holds the pixel's centre. Within one UTM zone Sentinel-2 tiles share one
  10/20/60 m lattice, so every pixel is a product pixel, read as it is: the result is what one big
  tile would give. A scene of another zone is taken onto the grid as bandmath takes a band of
  another grid (GDAL's average; its cloud mask by nearest neighbour, by the most frequent class
  onto a coarser grid), each output pixel still from one scene.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from osgeo import ogr

from ..aoi import to_ogr
from ..errors import LoadByExtentError
from ..feedback import FeedbackLike
from ..gdal_support import srs_from_wkt, transform_geometry
from ..i18n import tr
from ..scenes import ListedScene, Scene
from ..sensors import SENSOR_NAMES
from .raster import LATTICE_TOLERANCE, AoiMask, Grid, Window


@dataclass(frozen=True)
class Observation:
    """The scenes of one observation, the primary first, then the others in view_id order."""

    scenes: tuple[Scene, ...]

    @property
    def primary(self) -> Scene:
        return self.scenes[0]

    @property
    def date(self) -> dt.date | None:
        return self.primary.date

    @property
    def view_ids(self) -> list[str]:
        return [scene.view_id for scene in self.scenes]


def observation_key(scene: Scene) -> tuple:
    """Scenes with equal keys may form one observation: the sensor, the product level, the UTC day."""
    return (scene.sensor.code, scene.product_level, scene.date)


def _footprint(scene: Scene) -> ogr.Geometry | None:
    try:
        return to_ogr(scene.footprint())
    except LoadByExtentError:
        return None


def _area_in(aoi: ogr.Geometry, footprint: ogr.Geometry | None) -> float:
    """The part of the AOI in the footprint, in lon/lat units (to rank scenes of one place)."""
    if footprint is None:
        return 0.0
    if footprint.Contains(aoi):
        return aoi.GetArea()
    part = footprint.Intersection(aoi)
    return part.GetArea() if part is not None else 0.0


def _covering(ordered: Sequence[Scene], aoi: ogr.Geometry) -> tuple[tuple[Scene, ...], bool]:
    """The primary, then each scene that holds part of the AOI the footprints before it leave out;
    whether they leave none of it out."""
    members = [ordered[0]]
    first = _footprint(ordered[0])
    left = aoi.Difference(first) if first is not None else aoi
    for scene in ordered[1:]:
        if left is None or left.IsEmpty() or left.GetArea() == 0:
            break
        footprint = _footprint(scene)
        if footprint is None or _area_in(left, footprint) <= 0:
            continue
        members.append(scene)
        left = left.Difference(footprint)
    return tuple(members), left is None or left.IsEmpty() or left.GetArea() == 0


def _members(ordered: Sequence[Scene], aoi: ogr.Geometry) -> tuple[Scene, ...]:
    return _covering(ordered, aoi)[0]


def beyond_scene_note(view_id: str, geometry: dict, listed: Sequence[ListedScene]) -> str | None:
    """For a crop (`lbe`, one scene per view_id): when the AOI leaves the scene's footprint, a line
    saying so and naming the listed scenes of its observation (same sensor, level and day) that
    cover the rest; None when the AOI lies within it, or the scene is not among `listed` (the
    scenes a search already found: no search here)."""
    scene = next((candidate for candidate in listed if candidate.view_id == view_id), None)
    if scene is None:
        return None
    area = to_ogr(geometry)
    footprint = _footprint(scene)  # type: ignore[arg-type]
    if footprint is None or footprint.Contains(area) or not footprint.Intersects(area):
        return None
    key = observation_key(scene)  # type: ignore[arg-type]
    others = sorted((other for other in listed if other.view_id != view_id and observation_key(other) == key),  # type: ignore[arg-type]
                    key=lambda other: other.view_id)
    members, covered = _covering([scene, *others], area)  # type: ignore[list-item]
    neighbours = ", ".join(member.view_id for member in members[1:])
    if not neighbours:
        return tr("The area of interest leaves this scene: the crop holds only its part, and no listed "
                  "scene of the same day holds the rest.")
    if covered:
        return tr("The area of interest leaves this scene: the crop holds only its part; the rest is in "
                  "{scenes} (same day).").format(scenes=neighbours)
    return tr("The area of interest leaves this scene: the crop holds only its part; more of it is in "
              "{scenes} (same day), and some in no listed scene.").format(scenes=neighbours)


def group_observations(scenes: Iterable[Scene], aoi: dict,
                       usable: Callable[[Scene], bool] = lambda _scene: True) -> list[Observation]:
    """The search's scenes (all meeting `aoi`) as observations, in date order of their primary.
    `usable`: whether a scene has what the request needs; scenes without it join no one else's
    observation (a group whose scenes all lack it keeps its primary alone, to say what is wrong)."""
    area = to_ogr(aoi)
    groups: dict[tuple, list[Scene]] = {}
    for scene in scenes:
        groups.setdefault(observation_key(scene), []).append(scene)
    observations = []
    for group in groups.values():
        if len(group) == 1:  # the common case: nothing to rank, no footprint to read
            observations.append(Observation((group[0],)))
            continue
        total = area.GetArea() or 1.0
        by_share = sorted(group, key=lambda s: (-round(_area_in(area, _footprint(s)) / total, 9), s.view_id))
        fit = [scene for scene in by_share if usable(scene)]
        if not fit:
            observations.append(Observation((by_share[0],)))
            continue
        primary = fit[0]
        others = sorted((scene for scene in fit[1:]), key=lambda s: s.view_id)
        observations.append(Observation(_members([primary, *others], area)))
    observations.sort(key=lambda o: (o.date or dt.date.min, o.primary.view_id))
    return observations


def observation_of(store: object, scene: Scene, aoi: dict | None, within: bool,
                   usable: Callable[[Scene], bool] = lambda _scene: True,
                   feedback: FeedbackLike | None = None) -> Observation:
    """The observation of a requested scene: the scene alone when there is no AOI or it lies within
    the scene's raster (`within`: no search), else with the same-day scenes of its sensor that the
    store's search finds meeting the AOI and that hold parts of it the scene leaves out."""
    if aoi is None or within or scene.date is None:
        return Observation((scene,))
    code = scene.sensor.code
    sensors = [code] if code.lower() in SENSOR_NAMES else None
    try:
        found = store.search(aoi=aoi, start=scene.date, end=scene.date, sensors=sensors,  # type: ignore[attr-defined]
                             feedback=feedback)
    except LoadByExtentError:  # a store that cannot be searched (HTTP scene store): the scene alone
        return Observation((scene,))
    found = found[0] if isinstance(found, tuple) else found  # a set of stores also says its problems
    key = observation_key(scene)
    others = sorted((other for other in found if observation_key(other) == key and other.view_id != scene.view_id
                     and usable(other)), key=lambda s: s.view_id)
    return Observation(_members([scene, *others], to_ogr(aoi)))


# --- the output grid and who serves each pixel ----------------------------------------------------------

def _extent_in(grid: Grid, crs_wkt: str) -> ogr.Geometry:
    """`grid`'s raster extent in another CRS (densified: its edges curve there)."""
    extent = grid.extent_polygon()
    if grid.crs_wkt == crs_wkt:
        return extent
    extent.Segmentize(abs(grid.geotransform[1]) * 64)
    return transform_geometry(extent, srs_from_wkt(grid.crs_wkt), srs_from_wkt(crs_wkt))


def extended_grid(primary: Grid, others: Sequence[Grid]) -> Grid:
    """`primary` extended on its own pixel lattice to cover the rasters of `others` too (itself
    when there are none)."""
    if not others:
        return primary
    gt = primary.geotransform
    x0, x1 = gt[0], gt[0] + primary.width * gt[1]
    y0, y1 = gt[3] + primary.height * gt[5], gt[3]
    for grid in others:
        minx, maxx, miny, maxy = _extent_in(grid, primary.crs_wkt).GetEnvelope()
        x0, x1, y0, y1 = min(x0, minx), max(x1, maxx), min(y0, miny), max(y1, maxy)
    left = int(np.floor((x0 - gt[0]) / gt[1] + LATTICE_TOLERANCE))
    top = int(np.floor((y1 - gt[3]) / gt[5] + LATTICE_TOLERANCE))
    right = int(np.ceil((x1 - gt[0]) / gt[1] - LATTICE_TOLERANCE))
    bottom = int(np.ceil((y0 - gt[3]) / gt[5] - LATTICE_TOLERANCE))
    left, top = min(left, 0), min(top, 0)
    right, bottom = max(right, primary.width), max(bottom, primary.height)
    geotransform = (gt[0] + left * gt[1], gt[1], 0.0, gt[3] + top * gt[5], 0.0, gt[5])
    return Grid(right - left, bottom - top, geotransform, primary.crs_wkt)


class Ownership:
    """Which scene of an observation serves each pixel of a grid's window: the first, in the
    observation's order, whose raster (`grids`, one per scene) holds the pixel's centre; -1 where
    none does. Rasterised strip by strip, as the AOI is."""

    def __init__(self, grids: Sequence[Grid], grid: Grid, window: Window) -> None:
        self._masks = [AoiMask(_extent_in(own, grid.crs_wkt), grid, window) for own in grids]
        self.window = window

    def rows(self, row: int, rows: int) -> np.ndarray:
        owner = np.full((rows, self.window.xsize), -1, dtype=np.int8)
        for number in reversed(range(len(self._masks))):  # the first in the order wins
            owner[self._masks[number].rows(row, rows)] = number
        return owner
