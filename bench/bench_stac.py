#!/usr/bin/env python3
"""Benchmark: scenes of a STAC catalog read over HTTP (issue 16), against the usual tools in the same
run, on the same loopback servers with a latency injected before every answer.

The data: the generated full-size tile's B04 and B08 (bench/common.py: 10980 x 10980 UInt16, made
once) converted once, with GDAL's COG driver, to cloud-optimized GeoTIFFs laid out as Earth Search's
Sentinel-2 L2A bands are: 1024-pixel blocks, DEFLATE (predictor 2), overviews, the header and tile
index first (bench/output/cog-s2/B04.tif and B08.tif, about 190 MB each). They are served by
tests/cog_server.py's Range server (one range per request, as object storage; each range read alone from
the file), which logs the bytes it sends. The catalog is tests/stac_server.py's
fake STAC API in Earth Search's shape (`earth_search_item`: common-name asset keys `red`, `nir`,
mgrs:*, s2:sequence, raster:bands; here also each asset's proj:shape and proj:transform, as Earth
Search gives them), its items' `red` and `nir` assets pointing at the two COGs. Both servers wait the
same latency before every answer (the catalog too: ours asks it for the scene, the peers of part 2
search it as well). No cloud mask asset: every contender reads the two bands only.

1. lbe crop: a 1.2 km octagon (common.octagon_aoi(1200): about 120 x 120 px, in the middle of the
   tile, inside one 1024-pixel block of each band), B04 and B08, merge, 40 ms per request:
   - ours: `bin/lbe run crop.json --scenes CATALOG_ROOT --out DIR` (finds S2/33/U/UU/2020/6/1/0 in
     the catalog, then reads the two assets' windows);
   - the peer: `gdalbuildvrt -separate` of the two asset URLs over /vsicurl/, then `gdalwarp
     -cutline -crop_to_cutline` of that VRT (all cores, our GeoTIFF creation options), one shell
     command, handed the two URLs (it searches nothing), with GDAL's options for COGs over HTTP
     (peer_stac_common.FAIR_GDAL_OPTIONS: no directory listing, header in one request, multiplexed
     and merged ranges).
   Goals: bytes ours fetches (every body byte the file server sent during its run, the header
   included) at most 1.3 x the bytes of the blocks the AOI's window touches (their sizes read from
   the COGs' BLOCK_OFFSET/BLOCK_SIZE TIFF metadata); wall time at most 0.7 x the peer's.
2. Statistics over a season: 20 items of tile 33UUU on 20 dates (every 8 days from 2021-04-01, the
   same two COGs serving every date: the same pixels and the same figures each date), the same
   octagon, NDVI's ten figures per date, 25 ms per request:
   - ours: `bin/lbe run stats.json --scenes CATALOG_ROOT` (mt_stats: searches the catalog, reads the
     dates in parallel);
   - (a) bench/peer_stac_gdal.py: searches the catalog (one POST), then per date, one after the
     other, opens both assets over /vsicurl/, reads the AOI's window, numpy figures;
   - (b) bench/peer_odc_stac.py (bench/.venv, odc-stac): the same search, pystac Items of its JSON,
     `odc.stac.load` of the red and nir bands over the AOI's bounding box with Dask's threads, numpy
     figures per date.
   Goals: ours at most 0.35 x (a), at most 0.5 x (b). The first date's figures of all three are
   printed side by side, and every date's must agree.
Each contender runs REPEATS times alternately; the best wall time and the median of the pair ratios
are reported as in the other benchmarks (common.report).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import shlex
import sys
import time
from collections.abc import Iterator

import numpy as np
from common import (
    OUTPUT,
    ROOT,
    TILE,
    fresh_folder,
    generate_tile,
    measure,
    octagon_aoi,
    report,
    warm,
    write_cutline,
    write_json,
)
from load_by_extent.core.local.writers import geotiff_options
from osgeo import gdal, ogr, osr
from peer_stac_common import FAIR_GDAL_OPTIONS, FIGURES

sys.path.insert(0, os.path.join(ROOT, "tests"))
import cog_server  # noqa: E402
import stac_server  # noqa: E402

COG = os.path.join(OUTPUT, "cog-s2")
ASSETS = {"red": "B04.tif", "nir": "B08.tif"}  # asset key -> COG file
# Earth Search's Sentinel-2 L2A 10 m bands: COGs with 1024-pixel blocks, DEFLATE, overviews.
COG_OPTIONS = ["BLOCKSIZE=1024", "COMPRESS=DEFLATE", "PREDICTOR=YES", "OVERVIEWS=AUTO", "BIGTIFF=NO",
               "NUM_THREADS=ALL_CPUS"]
CROP_LATENCY, STATS_LATENCY = 0.040, 0.025
CROP_REPEATS, STATS_REPEATS = 9, 5
GOAL_BYTES, GOAL_CROP, GOAL_SEQUENTIAL, GOAL_ODC = 1.3, 0.7, 0.35, 0.5
CROP_DAY = dt.datetime(2020, 6, 1, 10, 20, 31, tzinfo=dt.timezone.utc)
SEASON = [dt.datetime(2021, 4, 1, 10, 20, 31, tzinfo=dt.timezone.utc) + dt.timedelta(days=8 * k) for k in range(20)]
AOI_WIDTH = 1200
PEER_PYTHON = os.path.join(ROOT, "bench", ".venv", "bin", "python")
HERE = os.path.join(ROOT, "bench")
CREATION_OPTIONS = [option for option in geotiff_options(np.dtype("uint16")) if not option.startswith("NUM_THREADS")]


# --- the data ---------------------------------------------------------------------------------------

def make_cogs() -> None:
    """B04 and B08 of the generated tile as COGs (made once; each written whole or not at all)."""
    generate_tile(("B04", "B08"))
    os.makedirs(COG, exist_ok=True)
    for name in ASSETS.values():
        path = os.path.join(COG, name)
        if os.path.exists(path):
            continue
        sys.stderr.write(f"converting {name} to a cloud-optimized GeoTIFF ({path})\n")
        partial = path + ".partial.tif"
        gdal.Translate(partial, os.path.join(TILE, name), format="COG", creationOptions=COG_OPTIONS)
        os.replace(partial, path)


def _to_tile_crs(back: bool = False) -> osr.CoordinateTransformation:
    """lon/lat -> the tile's CRS (EPSG:32633), or back."""
    wgs84, utm = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    utm.ImportFromEPSG(32633)
    for srs in (wgs84, utm):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(utm, wgs84) if back else osr.CoordinateTransformation(wgs84, utm)


def footprint() -> dict:
    """The tile's footprint in lon/lat (its four corners)."""
    dataset = gdal.Open(os.path.join(COG, ASSETS["red"]))
    gt = dataset.GetGeoTransform()
    size = dataset.RasterXSize
    back = _to_tile_crs(back=True)
    corners = [(gt[0], gt[3]), (gt[0] + size * gt[1], gt[3]), (gt[0] + size * gt[1], gt[3] + size * gt[5]),
               (gt[0], gt[3] + size * gt[5])]
    ring = [list(back.TransformPoint(x, y)[:2]) for x, y in corners]
    return {"type": "Polygon", "coordinates": [ring + [ring[0]]]}


def date_folder(when: dt.datetime) -> str:
    """The date's own names for the two COGs (cog-s2/{date}/B04.tif and B08.tif, symbolic links):
    every date has URLs of its own, so that no contender's cache of a file (GDAL keeps the blocks
    it fetched of a URL for the life of the process) serves another date. Made once."""
    folder = os.path.join(COG, f"{when:%Y-%m-%d}")
    os.makedirs(folder, exist_ok=True)
    for name in ASSETS.values():
        link = os.path.join(folder, name)
        if not os.path.islink(link):
            os.symlink(os.path.join("..", name), link)
    return os.path.basename(folder)


def item(when: dt.datetime, files_url: str, geometry: dict) -> dict:
    """An Earth Search sentinel-2-l2a item of tile 33UUU whose red and nir assets are the two COGs,
    under names of the date's own. Stored values carry no offset (earthsearch:boa_offset_applied):
    NDVI is the same on stored and physical values, so the peers need not scale them."""
    folder = date_folder(when)
    built = stac_server.earth_search_item("33UUU", when, sequence=0, cloud=5.0, geometry=geometry,
                                          asset_base=files_url, offset_applied=True,
                                          assets={key: f"{folder}/{name}" for key, name in ASSETS.items()})
    ring = geometry["coordinates"][0]
    built["bbox"] = [min(p[0] for p in ring), min(p[1] for p in ring), max(p[0] for p in ring), max(p[1] for p in ring)]
    dataset = gdal.Open(os.path.join(COG, ASSETS["red"]))
    gt = dataset.GetGeoTransform()
    for key in ASSETS:
        built["assets"][key]["proj:shape"] = [dataset.RasterYSize, dataset.RasterXSize]
        built["assets"][key]["proj:transform"] = [gt[1], gt[2], gt[0], gt[4], gt[5], gt[3]]
    return built


def aoi_window(aoi: dict) -> tuple[int, int, int, int]:
    """The AOI's bounding window on the tile's grid: col0, row0, col1, row1 (end excluded)."""
    geometry = ogr.CreateGeometryFromJson(json.dumps(aoi))
    geometry.Transform(_to_tile_crs())
    xmin, xmax, ymin, ymax = geometry.GetEnvelope()
    gt = gdal.Open(os.path.join(COG, ASSETS["red"])).GetGeoTransform()
    return (math.floor((xmin - gt[0]) / gt[1]), math.floor((gt[3] - ymax) / -gt[5]),
            math.ceil((xmax - gt[0]) / gt[1]), math.ceil((gt[3] - ymin) / -gt[5]))


def touched_blocks(aoi: dict) -> tuple[int, int]:
    """How many full-resolution blocks of the two COGs the AOI's window touches, and their bytes
    (the COGs' own tile index: BLOCK_SIZE_x_y of GDAL's TIFF metadata domain)."""
    col0, row0, col1, row1 = aoi_window(aoi)
    count = size = 0
    for name in ASSETS.values():
        dataset = gdal.Open(os.path.join(COG, name))
        band = dataset.GetRasterBand(1)
        width, height = band.GetBlockSize()
        for by in range(row0 // height, (row1 - 1) // height + 1):
            for bx in range(col0 // width, (col1 - 1) // width + 1):
                count += 1
                size += int(band.GetMetadataItem(f"BLOCK_SIZE_{bx}_{by}", "TIFF"))
    return count, size


# --- the servers ------------------------------------------------------------------------------------

class _SlowCatalogHandler(stac_server._Handler):
    """The fake STAC API, waiting `latency` seconds before every answer as the file server does."""

    latency = 0.0

    def _handle(self, body: object) -> None:
        time.sleep(self.latency)
        super()._handle(body)


@contextlib.contextmanager
def servers(latency: float) -> Iterator[tuple[cog_server.CogServer, stac_server.StacServer]]:
    files = cog_server.CogServer(COG, latency=latency)
    catalog = stac_server.StacServer(page_size=100)  # Earth Search answers up to 100 items a page
    catalog._server.RequestHandlerClass = type("Handler", (_SlowCatalogHandler,), {"latency": latency})
    with files, catalog:
        yield files, catalog


def _fetched(files: cog_server.CogServer) -> tuple[int, int]:
    """Bytes sent and requests answered by the file server since its log was last cleared."""
    return files.bytes_served(), files.requests()


# --- 1. crop ------------------------------------------------------------------------------------------

def crop(aoi: dict, geometry: dict) -> None:
    work = fresh_folder("run-stac-crop")
    blocks, block_bytes = touched_blocks(aoi)
    cutline = write_cutline(work, aoi)
    with servers(CROP_LATENCY) as (files, catalog):
        catalog.add_item("es", item(CROP_DAY, files.base_url, geometry))
        request = write_json(os.path.join(work, "crop.json"), {"type": "lbe", "params": {
            "view_id": "S2/33/U/UU/2020/6/1/0", "bands": ["B04", "B08"], "geometry": aoi, "merge": True,
            "reference": "bench-stac"}})
        config = [word for key, value in FAIR_GDAL_OPTIONS.items() for word in ("--config", key, value)]
        vrt = os.path.join(work, "bands.vrt")
        urls = ["/vsicurl/" + files.url(f"{date_folder(CROP_DAY)}/{name}") for name in ASSETS.values()]
        ours, peer, our_traffic, peer_traffic = [], [], [], []
        for attempt in range(CROP_REPEATS):
            files.clear_log()
            ours.append(measure([os.path.join(ROOT, "bin", "lbe"), "run", request, "--scenes", catalog.root("es"),
                                 "--out", os.path.join(work, f"ours-{attempt}")]))
            our_traffic.append(_fetched(files))
            files.clear_log()
            warp = ["gdalwarp", "-q", "-overwrite", *config, "-cutline", cutline, "-crop_to_cutline", "-dstnodata", "0",
                    "-multi", "-wo", "NUM_THREADS=ALL_CPUS", "-co", "NUM_THREADS=ALL_CPUS"]
            for option in CREATION_OPTIONS:
                warp += ["-co", option]
            warp += [vrt, os.path.join(work, f"gdalwarp-{attempt}.tif")]
            build = ["gdalbuildvrt", "-q", "-overwrite", "-separate", *config, vrt, *urls]
            peer.append(measure(["sh", "-c", shlex.join(build) + " && " + shlex.join(warp)]))
            peer_traffic.append(_fetched(files))

    our_bytes, our_requests = max(our_traffic)
    peer_bytes, peer_requests = max(peer_traffic)
    report(f"lbe crop over HTTP: a full-size Sentinel-2 COG pair (B04, B08: 10980 x 10980, 1024-pixel blocks, "
           f"DEFLATE) from a STAC item, {AOI_WIDTH / 1000:g} km octagon AOI, {1000 * CROP_LATENCY:.0f} ms per request",
           "ours: bin/lbe run --scenes CATALOG (merge); peer: gdalbuildvrt -separate + gdalwarp -cutline "
           "-crop_to_cutline over /vsicurl/", ours, peer, "gdalbuildvrt+gdalwarp", GOAL_CROP, None)
    ratio = our_bytes / block_bytes
    print(f"  bytes fetched: ours {our_bytes / 1e6:.2f} MB in {our_requests} requests, the {blocks} blocks the "
          f"AOI touches {block_bytes / 1e6:.2f} MB, ratio {ratio:.2f} (goal <= {GOAL_BYTES}) "
          f"{'met' if ratio <= GOAL_BYTES else 'MISSED'}; the peer {peer_bytes / 1e6:.2f} MB in {peer_requests} requests")
    _compare_crops(os.path.join(work, "ours-0"), os.path.join(work, "gdalwarp-0.tif"))


def _compare_crops(ours_folder: str, peer_path: str) -> None:
    """Both crops cover the AOI with the same stored values: compared where they overlap."""
    ours = gdal.Open(os.path.join(ours_folder, os.listdir(ours_folder)[0]))
    peer = gdal.Open(peer_path)
    og, pg = ours.GetGeoTransform(), peer.GetGeoTransform()
    dx, dy = round((og[0] - pg[0]) / og[1]), round((og[3] - pg[3]) / og[5])
    width = min(ours.RasterXSize, peer.RasterXSize - dx) if dx >= 0 else min(ours.RasterXSize + dx, peer.RasterXSize)
    height = min(ours.RasterYSize, peer.RasterYSize - dy) if dy >= 0 else min(ours.RasterYSize + dy, peer.RasterYSize)
    differing = 0
    for number in (1, 2):
        mine = ours.GetRasterBand(number).ReadAsArray(max(-dx, 0), max(-dy, 0), width, height)
        theirs = peer.GetRasterBand(number).ReadAsArray(max(dx, 0), max(dy, 0), width, height)
        both = (mine != 0) & (theirs != 0)
        differing += int((mine[both] != theirs[both]).sum())
    print(f"  outputs: ours {ours.RasterXSize} x {ours.RasterYSize} x {ours.RasterCount}, the peer's "
          f"{peer.RasterXSize} x {peer.RasterYSize} x {peer.RasterCount}; pixels both hold that differ: {differing}")
    if differing:
        raise SystemExit("bench_stac: the two crops differ")


# --- 2. statistics over a season ----------------------------------------------------------------------

def season(aoi: dict, geometry: dict) -> None:
    work = fresh_folder("run-stac-stats")
    first, last = SEASON[0].date(), SEASON[-1].date()
    aoi_path = write_json(os.path.join(work, "aoi.geojson"), aoi)
    with servers(STATS_LATENCY) as (files, catalog):
        for when in SEASON:
            catalog.add_item("es", item(when, files.base_url, geometry))
        request = write_json(os.path.join(work, "stats.json"), {"type": "mt_stats", "params": {
            "bm_type": ["NDVI"], "date_start": first.isoformat(), "date_end": last.isoformat(), "geometry": aoi,
            "reference": "bench-stac-stats"}})
        body = write_json(os.path.join(work, "search.json"), {
            "collections": ["sentinel-2-l2a"], "intersects": aoi, "limit": 100,
            "datetime": f"{first.isoformat()}T00:00:00Z/{last.isoformat()}T23:59:59.999Z"})
        search_url = catalog.root("es") + "/search"
        ours, sequential, odc, traffic = [], [], [], {"ours": [], "gdal": [], "odc": []}
        for attempt in range(STATS_REPEATS):
            files.clear_log()
            ours.append(measure([os.path.join(ROOT, "bin", "lbe"), "run", request, "--scenes", catalog.root("es"),
                                 "--out", os.path.join(work, f"ours-{attempt}")]))
            traffic["ours"].append(_fetched(files))
            files.clear_log()
            sequential.append(measure([sys.executable, os.path.join(HERE, "peer_stac_gdal.py"), search_url, body,
                                       aoi_path, os.path.join(work, f"gdal-{attempt}.json")]))
            traffic["gdal"].append(_fetched(files))
            files.clear_log()
            odc.append(measure([PEER_PYTHON, os.path.join(HERE, "peer_odc_stac.py"), search_url, body, aoi_path,
                                os.path.join(work, f"odc-{attempt}.json")]))
            traffic["odc"].append(_fetched(files))

    title = (f"mt_stats NDVI over HTTP: {len(SEASON)} dates of a STAC catalog (one COG pair behind every date), "
             f"{AOI_WIDTH / 1000:g} km octagon AOI, {1000 * STATS_LATENCY:.0f} ms per request")
    report(title, "ours: bin/lbe run --scenes CATALOG; peer (a): per date, open both bands over /vsicurl/, read "
           "the window, numpy (one date after another)", ours, sequential, "sequential GDAL", GOAL_SEQUENTIAL, None)
    report(title, "ours: as above; peer (b): odc.stac.load of the items (pystac), bbox, Dask threads, numpy",
           ours, odc, "odc-stac", GOAL_ODC, None)
    print("  bytes fetched: " + ", ".join(
        f"{name} {max(t)[0] / 1e6:.2f} MB in {max(t)[1]} requests" for name, t in traffic.items()))
    _compare_figures(work)


def _compare_figures(work: str) -> None:
    with open(os.path.join(work, "ours-0", "bench-stac-stats.json")) as stream:
        answer = json.load(stream)
    ours = {entry["date"]: entry for entry in answer["result"]}
    peers = {}
    for name in ("gdal", "odc"):
        with open(os.path.join(work, f"{name}-0.json")) as stream:
            peers[name] = json.load(stream)
    dates = [when.date().isoformat() for when in SEASON]
    if answer["errors"] or sorted(ours) != dates or any(sorted(figures) != dates for figures in peers.values()):
        raise SystemExit(f"bench_stac: expected the {len(dates)} dates from every contender, got ours "
                         f"{sorted(ours)} (errors {answer['errors']}), the peers' {[sorted(f) for f in peers.values()]}")
    print(f"  figures of the first date ({dates[0]}):")
    print(f"    {'':9}{'ours':>12}{'GDAL+numpy':>12}{'odc-stac':>12}")
    for name in FIGURES:
        print(f"    {name:9}{ours[dates[0]][name]:12.6f}{peers['gdal'][dates[0]][name]:12.6f}"
              f"{peers['odc'][dates[0]][name]:12.6f}")
    gap = max(abs(ours[date][name] - figures[date][name])
              for date in dates for figures in peers.values() for name in FIGURES)
    print(f"    largest difference from ours over every date and figure: {gap:.1e}")
    if gap > 1e-6:
        raise SystemExit("bench_stac: the figures disagree")


def main() -> int:
    if not os.path.exists(PEER_PYTHON):
        raise SystemExit("bench_stac: no bench/.venv with odc-stac: run `make bench` (it makes it)")
    make_cogs()
    warm(os.path.join(COG, name) for name in ASSETS.values())
    # Other work on the machine slows every contender, and those that wait on many round trips in
    # a row most: say how busy it was.
    print("load average before the runs (1, 5, 15 min): {:.2f} {:.2f} {:.2f} on {} cores".format(
        *os.getloadavg(), os.cpu_count()))
    aoi, geometry = octagon_aoi(AOI_WIDTH), footprint()
    crop(aoi, geometry)
    season(aoi, geometry)
    return 0


if __name__ == "__main__":
    sys.exit(main())
