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


# --- killed and concurrent runs -----------------------------------------------------------------

def _staging_folders(out) -> list[str]:
    from load_by_extent.core.runner import STAGING_PREFIX

    return sorted(name for name in os.listdir(str(out)) if name.startswith(STAGING_PREFIX))


def test_a_later_run_removes_the_staging_folder_of_a_run_killed_with_sigkill(
    lbe_command, full_size_store, full_size_aoi, tmp_path
):
    import signal
    import time

    from load_by_extent.core import runner

    out = tmp_path / "out"
    big = _request_file(tmp_path, {"view_id": "S2/33/U/UU/2020/6/1/0", "bands": ["B04"], "geometry": full_size_aoi,
                                       "reference": "killed"},
                        name="big.json")
    process = subprocess.Popen([*lbe_command, "run", big, "--scenes", full_size_store, "--out", str(out)],
                               env=clean_environment(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        # Killed once the crop is under way: its staging folder holds a file being written.
        while not (out.is_dir() and any(os.listdir(out / name) for name in _staging_folders(out))):
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline, "no staging folder appeared"
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    killed = _staging_folders(out)
    assert len(killed) == 1 and str(process.pid) in killed[0]

    # Beside it: a staging folder of a live process (this one), and two of unknown owners (an
    # older name), one untouched for two days, one fresh.
    live = tempfile_in(out, runner._staging_prefix())
    old_unknown = out / ".lbe-partial-abc123xy"
    fresh_unknown = out / ".lbe-partial-def456zw"
    for folder in (old_unknown, fresh_unknown):
        folder.mkdir()
        (folder / "part.tif").write_bytes(b"x")
    two_days_ago = time.time() - 2 * 24 * 3600
    for path in (old_unknown / "part.tif", old_unknown):
        os.utime(path, (two_days_ago, two_days_ago))

    small = _request_file(tmp_path, {"view_id": "S2/33/U/UU/2020/6/1/0", "bands": ["B04"], "geometry": polygon_from_utm(
        [(300500.0, 5899500.0), (301000.0, 5899500.0), (301000.0, 5899000.0), (300500.0, 5899000.0)]), "reference": "after"}, name="small.json")
    completed = _run([*lbe_command, "run", small, "--scenes", full_size_store, "--out", str(out)])
    assert completed.returncode == 0, completed.stderr
    assert _staging_folders(out) == sorted([os.path.basename(live), fresh_unknown.name])
    assert sorted(name for name in os.listdir(out) if not name.startswith(".")) == sorted(
        os.path.basename(path) for path in json.loads(completed.stdout)["files"])


def tempfile_in(folder, prefix: str) -> str:
    import tempfile

    return tempfile.mkdtemp(prefix=prefix, dir=str(folder))


def test_concurrent_runs_into_a_folder_that_does_not_exist_yet_all_succeed(lbe_command, tmp_path):
    _tile_store(tmp_path / "store")
    request = _request_file(tmp_path, _lbe_params())
    out = tmp_path / "new" / "deeper" / "out"
    command = [*lbe_command, "run", request, "--scenes", str(tmp_path / "store"), "--out", str(out)]
    processes = [subprocess.Popen(command, env=clean_environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for _ in range(6)]
    answers = [process.communicate(timeout=120) for process in processes]
    for process, (_stdout, stderr) in zip(processes, answers):
        assert process.returncode == 0, stderr
    files = sorted(path for stdout, _stderr in answers for path in json.loads(stdout)["files"])
    assert len(set(files)) == len(files) == 12  # each: the .jp2 and its .aux.xml, under names of its own
    assert sorted(os.listdir(out)) == sorted(os.path.basename(path) for path in files)


def test_concurrent_runs_in_threads_into_a_new_folder_all_succeed(tmp_path):
    """The same, in threads released together: the folder's creation races for sure."""
    import threading

    from load_by_extent.core.local import LocalBackend
    from load_by_extent.core.request import TaskRequest
    from load_by_extent.core.runner import run

    _tile_store(tmp_path / "store")
    request = TaskRequest.from_json(json.dumps({"type": "lbe", "params": _lbe_params()}))
    for attempt in range(5):
        out = tmp_path / f"out{attempt}" / "results"
        start = threading.Barrier(8)
        outcomes: list = []

        def one_run(start=start, outcomes=outcomes, out=out):
            start.wait()
            try:
                outcomes.append(run(request, LocalBackend(str(tmp_path / "store")), str(out)))
            except Exception as error:  # collected and asserted below
                outcomes.append(error)

        threads = [threading.Thread(target=one_run) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        errors = [outcome for outcome in outcomes if isinstance(outcome, Exception)]
        assert not errors and len(outcomes) == 8
        files = [path for outcome in outcomes for path in outcome.files]
        assert len(set(files)) == len(files) == 16
        assert sorted(os.listdir(out)) == sorted(os.path.basename(path) for path in files)


# --- zip bombs (the plugin's extraction of zip results) -----------------------------------------

def _zip(path, members: list[tuple[str, bytes]]) -> str:
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return str(path)


def test_a_zip_bomb_is_refused_by_its_ratio_leaving_nothing(tmp_path):
    import pytest
    from load_by_extent.core.display import extract_zip_safely
    from load_by_extent.core.errors import DataError

    zip_path = _zip(tmp_path / "bomb.zip", [("B04.tif", b"fine" * 1000), ("bomb.tif", bytes(8 * 1024 * 1024))])
    assert os.path.getsize(zip_path) < 64 * 1024  # 8 MiB of zeros deflate ~1000 times

    with pytest.raises(DataError) as raised:
        extract_zip_safely(zip_path, str(tmp_path / "out" / "bomb"), max_ratio=100, ratio_free_bytes=1024 * 1024)
    assert "bomb.tif" in str(raised.value) and "expands more than 100 times" in str(raised.value)
    assert sorted(os.listdir(tmp_path)) == ["bomb.zip"]  # no target, no temporary folder, no parent


def test_a_zip_over_the_total_is_refused_leaving_nothing(tmp_path):
    import pytest
    from load_by_extent.core.display import extract_zip_safely
    from load_by_extent.core.errors import DataError

    noise = np.random.default_rng(1).integers(0, 256, 600_000, dtype=np.uint8).tobytes()  # does not compress
    zip_path = _zip(tmp_path / "big.zip", [("a.tif", noise), ("b.tif", noise[::-1])])

    with pytest.raises(DataError) as raised:
        extract_zip_safely(zip_path, str(tmp_path / "big"), max_total_bytes=1_000_000)
    assert "more than 1 MB (the limit of extraction)" in str(raised.value)
    assert sorted(os.listdir(tmp_path)) == ["big.zip"]
    # Within the limit it extracts.
    paths = extract_zip_safely(zip_path, str(tmp_path / "big"), max_total_bytes=2_000_000)
    assert [os.path.getsize(path) for path in paths] == [600_000, 600_000]


def test_a_zip_bomb_that_declares_small_sizes_is_refused_leaving_nothing(tmp_path):
    """Its headers say 1000 bytes: what is written is counted, not what is declared; nothing past
    the declared size lands on the disk, and the member is refused."""
    import struct

    import pytest
    from load_by_extent.core.display import extract_zip_safely
    from load_by_extent.core.errors import DataError

    zip_path = tmp_path / "liar.zip"
    _zip(zip_path, [("bomb.tif", bytes(8 * 1024 * 1024))])
    data = bytearray(zip_path.read_bytes())
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, 1000)  # uncompressed size, local header
    struct.pack_into("<I", data, central + 24, 1000)  # and central directory
    zip_path.write_bytes(bytes(data))

    with pytest.raises(DataError, match="bomb.tif"):
        extract_zip_safely(str(zip_path), str(tmp_path / "liar"), max_ratio=100, ratio_free_bytes=0)
    assert sorted(os.listdir(tmp_path)) == ["liar.zip"]


# --- the request file ---------------------------------------------------------------------------

def test_an_endless_request_file_or_stdin_is_refused_past_the_limit(lbe_command, tmp_path):
    for command, stdin in (([*lbe_command, "run", "/dev/zero"], None), ([*lbe_command, "run", "-"], "/dev/zero")):
        with open(stdin or os.devnull, "rb") as stream:
            completed = _run([*command, "--scenes", str(tmp_path)], stdin=stream)
        assert completed.returncode == 2, completed.stderr
        assert "a request is at most 8 MiB" in completed.stderr
        assert ("/dev/zero" if stdin is None else "stdin") in completed.stderr


def test_a_request_just_under_the_limit_is_read(lbe_command, tmp_path):
    path = tmp_path / "padded.json"
    text = json.dumps({"type": "lbe", "params": {"view_id": "S2/33/U/UU/2017/2/16/0"}})
    path.write_text(text + " " * (8 * 1024 * 1024 - len(text) - 1))
    completed = _run([*lbe_command, "run", str(path), "--scenes", str(tmp_path)])
    assert completed.returncode == 2 and "params.bands" in completed.stderr, completed.stderr  # read, then validated
