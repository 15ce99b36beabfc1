"""Hostile files and paths on the command line (bin/lbe in real subprocesses): stores that try to
make the plugin read files outside them, partly broken stores, huge inputs, killed and concurrent
runs. Each must end with a clear message, bounded work, and nothing half-written."""

from __future__ import annotations

import json
import os
import subprocess

import numpy as np
from command_line import clean_environment
from rasters import polygon_from_utm, write_raster

S2_FOLDER = ("tiles", "33", "U", "UU", "2017", "2", "16", "0")
S2_VIEW = "S2/33/U/UU/2017/2/16/0"
S2_GT = (500000.0, 10.0, 0.0, 5800000.0, 0.0, -10.0)
S2_AOI_UTM = [(500043.0, 5799967.0), (500523.0, 5799927.0), (500403.0, 5799547.0), (500083.0, 5799587.0)]
SECRET = b"TOP-SECRET-BYTES"


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("env", clean_environment())
    return subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)


def _tile_store(root) -> str:
    """A Sentinel-2 tile-layout store with bands B02 and B03 (60 x 48 UInt16 GeoTIFFs)."""
    folder = os.path.join(str(root), *S2_FOLDER)
    for band in ("B02", "B03"):
        data = (np.arange(48 * 60).reshape(48, 60) + 1).astype(np.uint16)
        write_raster(os.path.join(folder, f"{band}.tif"), data, S2_GT, 32633)
    return folder


def _request_file(tmp_path, params: dict, task_type: str = "lbe", name: str = "request.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps({"type": task_type, "params": params}))
    return str(path)


def _lbe_params(**changes) -> dict:
    params = {"view_id": S2_VIEW, "bands": ["B02"], "geometry": polygon_from_utm(S2_AOI_UTM), "reference": "hostile"}
    params.update(changes)
    return params


def _all_bytes(folder) -> bytes:
    found = b""
    for base, _dirs, files in os.walk(str(folder)):
        for name in files:
            with open(os.path.join(base, name), "rb") as stream:
                found += stream.read()
    return found


# --- a store cannot make the plugin read files outside it ---------------------------------------

def test_a_band_that_is_a_vrt_over_another_file_is_refused(lbe_command, tmp_path):
    secret = tmp_path / "secret.bin"
    secret.write_bytes(SECRET * 256)  # 4096 bytes: a 64 x 64 Byte raster's worth
    folder = _tile_store(tmp_path / "store")
    vrt = os.path.join(folder, "B04.jp2")
    with open(vrt, "w") as stream:
        stream.write(f"""<VRTDataset rasterXSize="64" rasterYSize="64">
  <SRS>EPSG:32633</SRS><GeoTransform>500000,10,0,5800000,0,-10</GeoTransform>
  <VRTRasterBand dataType="Byte" band="1" subClass="VRTRawRasterBand">
    <SourceFilename relativeToVRT="0">{secret}</SourceFilename>
    <ImageOffset>0</ImageOffset><PixelOffset>1</PixelOffset><LineOffset>64</LineOffset>
  </VRTRasterBand>
</VRTDataset>""")
    out = tmp_path / "out"
    for task_type, params in (("lbe", _lbe_params(bands=["B04"])),
                              ("bandmath", _lbe_params(bands=None, bm_type="B04+B02"))):
        params = {key: value for key, value in params.items() if value is not None}
        request = _request_file(tmp_path, params, task_type)
        completed = _run([*lbe_command, "run", request, "--scenes", str(tmp_path / "store"), "--out", str(out)])
        assert completed.returncode == 1, completed.stderr
        assert vrt in completed.stderr and "VRT" in completed.stderr, completed.stderr
        assert "GeoTIFF or JPEG 2000" in completed.stderr
        assert "Traceback" not in completed.stderr
        assert SECRET not in completed.stdout.encode() + completed.stderr.encode()
        assert SECRET not in _all_bytes(out)
    # The scene's good bands still serve.
    request = _request_file(tmp_path, _lbe_params(bands=["B02"]))
    completed = _run([*lbe_command, "run", request, "--scenes", str(tmp_path / "store"), "--out", str(out)])
    assert completed.returncode == 0, completed.stderr
    assert SECRET not in _all_bytes(out)
