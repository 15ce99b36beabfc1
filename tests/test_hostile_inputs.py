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
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(command, stderr=subprocess.PIPE, text=True, timeout=120, **kwargs)


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

def _secret_vrt(path, secret, size: int = 64) -> str:
    with open(path, "w") as stream:
        stream.write(f"""<VRTDataset rasterXSize="{size}" rasterYSize="{size}">
  <SRS>EPSG:32633</SRS><GeoTransform>500000,10,0,5800000,0,-10</GeoTransform>
  <VRTRasterBand dataType="Byte" band="1" subClass="VRTRawRasterBand">
    <SourceFilename relativeToVRT="0">{secret}</SourceFilename>
    <ImageOffset>0</ImageOffset><PixelOffset>1</PixelOffset><LineOffset>{size}</LineOffset>
  </VRTRasterBand>
</VRTDataset>""")
    return str(path)


def test_a_band_that_is_a_vrt_over_another_file_is_refused(lbe_command, tmp_path):
    secret = tmp_path / "secret.bin"
    secret.write_bytes(SECRET * 256)  # 4096 bytes: a 64 x 64 Byte raster's worth
    folder = _tile_store(tmp_path / "store")
    vrt = _secret_vrt(os.path.join(folder, "B04.jp2"), secret)
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



def test_an_overview_file_that_is_a_vrt_is_refused_and_a_real_one_accepted(lbe_command, tmp_path):
    """GDAL reads `B02.tif.ovr` beside `B02.tif` for downsampled reads (a bandmath onto a coarser
    grid, a visual): it must be a GeoTIFF of its own too."""
    from osgeo import gdal

    secret = tmp_path / "secret.bin"
    secret.write_bytes(SECRET * 256)
    folder = _tile_store(tmp_path / "store")
    band = os.path.join(folder, "B02.tif")
    overview = band + ".ovr"
    with open(overview, "w") as stream:
        stream.write(f"""<VRTDataset rasterXSize="30" rasterYSize="24">
  <VRTRasterBand dataType="UInt16" band="1" subClass="VRTRawRasterBand">
    <SourceFilename relativeToVRT="0">{secret}</SourceFilename>
    <ImageOffset>0</ImageOffset><PixelOffset>2</PixelOffset><LineOffset>60</LineOffset>
  </VRTRasterBand>
</VRTDataset>""")
    out = tmp_path / "out"
    request = _request_file(tmp_path, _lbe_params(bands=["B02"]))
    completed = _run([*lbe_command, "run", request, "--scenes", str(tmp_path / "store"), "--out", str(out)])
    _assert_clean_failure(completed, 1, f"cannot read {band}: it makes GDAL read {overview}")
    assert SECRET not in _all_bytes(out)

    os.remove(overview)
    dataset = gdal.Open(band)  # read-only: gdaladdo -ro writes B02.tif.ovr, a GeoTIFF
    assert dataset.BuildOverviews("AVERAGE", [2]) == 0
    dataset = None
    assert os.path.isfile(overview)
    completed = _run([*lbe_command, "run", request, "--scenes", str(tmp_path / "store"), "--out", str(out)])
    assert completed.returncode == 0, completed.stderr

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


def test_a_closed_stdin_is_an_unreadable_request(lbe_command, tmp_path):
    completed = _run(["sh", "-c", 'exec "$@" <&-', "sh", *lbe_command, "run", "-", "--scenes", str(tmp_path)])
    _assert_clean_failure(completed, 2, "request: cannot read stdin: closed")


def test_a_request_just_under_the_limit_is_read(lbe_command, tmp_path):
    path = tmp_path / "padded.json"
    text = json.dumps({"type": "lbe", "params": {"view_id": "S2/33/U/UU/2017/2/16/0"}})
    path.write_text(text + " " * (8 * 1024 * 1024 - len(text) - 1))
    completed = _run([*lbe_command, "run", str(path), "--scenes", str(tmp_path)])
    assert completed.returncode == 2 and "params.bands" in completed.stderr, completed.stderr  # read, then validated


# --- exit codes and messages --------------------------------------------------------------------

def _assert_clean_failure(completed: subprocess.CompletedProcess, status: int, *words: str) -> None:
    assert completed.returncode == status, completed.stderr
    for word in words:
        assert word in completed.stderr, completed.stderr
    assert "internal error" not in completed.stderr and "Traceback" not in completed.stderr, completed.stderr


def test_closed_stdout_fails_before_anything_is_written(lbe_command, tmp_path):
    _tile_store(tmp_path / "store")
    request = _request_file(tmp_path, _lbe_params())
    out = tmp_path / "out"
    command = [*lbe_command, "run", request, "--scenes", str(tmp_path / "store"), "--out", str(out)]
    completed = _run(["sh", "-c", 'exec "$@" >&-', "sh", *command])
    _assert_clean_failure(completed, 1, "standard output cannot be written", "nothing was run")
    assert not out.exists()


def test_full_stdout_reports_the_committed_result_on_stderr(lbe_command, tmp_path):
    _tile_store(tmp_path / "store")
    request = _request_file(tmp_path, _lbe_params())
    out = tmp_path / "out"
    with open("/dev/full", "w") as full:
        completed = _run([*lbe_command, "run", request, "--scenes", str(tmp_path / "store"), "--out", str(out)],
                         stdout=full)
    _assert_clean_failure(completed, 1, "standard output cannot be written (No space left on device)")
    written = sorted(os.listdir(out))
    assert written and all(str(out / name) in completed.stderr for name in written)
    with open("/dev/full", "w") as full:
        completed = _run([*lbe_command, "scenes", "--scenes", str(tmp_path / "store")], stdout=full)
    _assert_clean_failure(completed, 1, "standard output cannot be written")


def test_an_output_folder_that_cannot_be_written_is_an_error_of_its_own(lbe_command, tmp_path):
    _tile_store(tmp_path / "store")
    request = _request_file(tmp_path, _lbe_params())
    (tmp_path / "a-file").write_text("not a folder")
    store = str(tmp_path / "store")
    completed = _run([*lbe_command, "run", request, "--scenes", store, "--out", str(tmp_path / "a-file")])
    _assert_clean_failure(completed, 1, f"the output folder {tmp_path / 'a-file'} is a file, not a folder")
    assert (tmp_path / "a-file").read_text() == "not a folder"
    completed = _run([*lbe_command, "run", request, "--scenes", store, "--out", str(tmp_path / "a-file" / "below")])
    _assert_clean_failure(completed, 1, f"cannot write in the output folder {tmp_path / 'a-file' / 'below'}",
                          "Not a directory")


def test_a_full_disk_is_an_error_of_its_own(lbe_command, tmp_path):
    """The output folder is a 1000 KB tmpfs."""
    _tile_store(tmp_path / "store")
    big = np.random.default_rng(2).integers(1, 65535, (600, 600), dtype=np.uint16)  # does not compress
    write_raster(os.path.join(str(tmp_path / "store"), *S2_FOLDER, "B04.tif"), big, S2_GT, 32633)
    request = _request_file(tmp_path, _lbe_params(bands=["B04"], geometry=polygon_from_utm(
        [(500000.0, 5800000.0), (505990.0, 5800000.0), (505990.0, 5794010.0), (500000.0, 5794010.0)])))
    out = tmp_path / "small-disk"
    out.mkdir()
    command = [*lbe_command, "run", request, "--scenes", str(tmp_path / "store"), "--out", str(out)]
    completed, left = _run_on_a_small_disk(out, command)
    _assert_clean_failure(completed, 1, "No space left on device")
    assert completed.stderr.count("lbe: error:") == 1
    assert left == []  # nothing left in the folder
    # A zip result: the disk fills while Python writes the archive.
    _request_file(tmp_path, _lbe_params(bands=["B04", "B02"], merge=False, geometry=polygon_from_utm(
        [(500000.0, 5800000.0), (505990.0, 5800000.0), (505990.0, 5794010.0), (500000.0, 5794010.0)])))
    completed, left = _run_on_a_small_disk(out, command)
    _assert_clean_failure(completed, 1, f"the disk of {out} is full (No space left on device); nothing was written")
    assert left == []


def _run_on_a_small_disk(folder, command: list[str]) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Run `command` with a 1000 KB tmpfs on `folder`; its outcome and what it left there. Root mounts
    it for the run (a chroot, such as the version matrix's roots, allows no namespace tricks); anyone
    else in a mount namespace of the command's own, as root of a user namespace."""
    if os.geteuid() != 0:
        script = 'mount -t tmpfs -o size=1000k tmpfs "$1" || exit 99; out="$1"; shift; "$@"; status=$?; ' \
                 'ls -A "$out"; exit $status'
        completed = _run(["unshare", "--mount", "--map-root-user", "sh", "-c", script, "sh", str(folder), *command])
        assert completed.returncode != 99, "could not mount a small tmpfs: " + completed.stderr
        return completed, completed.stdout.split()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1000k", "tmpfs", str(folder)], check=True, timeout=30)
    try:
        return _run(command), sorted(os.listdir(folder))
    finally:
        subprocess.run(["umount", str(folder)], check=True, timeout=30)


def test_ordinary_mistakes_in_requests_and_arguments_exit_2_with_their_own_message(lbe_command, tmp_path):
    _tile_store(tmp_path / "store")
    store = str(tmp_path / "store")
    cases = [
        ({"type": "bandmath", "params": {"view_id": S2_VIEW, "bm_type": "1", "reference": "r"}},
         "params.bm_type: '1' uses no band"),
        ({"type": "jpeg", "params": {"view_id": S2_VIEW, "bm_type": "2*3"}}, "params.bm_type: '2*3' uses no band"),
        ('{"type": "lbe", "params": {"px": ' + "9" * 400 + "}}", "a number of 400 digits (at most 40)"),
        ("[" * 100_000 + "]" * 100_000, "nested more than 32 levels deep"),
        ('{"type": "lbe", "params": ' * 40 + "{}" + "}" * 40, "nested more than 32 levels deep"),
    ]
    for request, words in cases:
        path = tmp_path / "request.json"
        path.write_text(request if isinstance(request, str) else json.dumps(request))
        completed = _run([*lbe_command, "run", str(path), "--scenes", store, "--out", str(tmp_path / "out")])
        _assert_clean_failure(completed, 2, words)
    request = _request_file(tmp_path, _lbe_params())
    for value in ("0", "-1", "nan"):
        completed = _run([*lbe_command, "run", request, "--api-url", "http://127.0.0.1:9", "--timeout", value])
        _assert_clean_failure(completed, 2, "argument --timeout", repr(value))


def test_huge_and_escaped_view_ids_are_cut_and_escaped(lbe_command, tmp_path):
    _tile_store(tmp_path / "store")
    view_id = "S2/33/U/UU/2017/2/16/0\x1b[2J\x1b[31m" + "x" * 100_000 + "\nlbe: forged line"
    request = _request_file(tmp_path, _lbe_params(view_id=view_id))
    completed = _run([*lbe_command, "run", request, "--scenes", str(tmp_path / "store")])
    _assert_clean_failure(completed, 2, "params.view_id", "\\x1b[2J\\x1b[31m", "x\u2026")
    assert "\x1b" not in completed.stderr and "\nlbe: forged" not in completed.stderr
    assert len(completed.stderr) < 1000  # of 100 KB
    assert completed.stderr.count("\n") == 1


# --- stores that are partly broken --------------------------------------------------------------

L8_GT = (600000.0, 30.0, 0.0, 4500000.0, 0.0, -30.0)


def _landsat_scene(folder, scene_id: str, bands=("B4", "B5")) -> None:
    for band in bands:
        data = (np.arange(30 * 40).reshape(30, 40) + 1).astype(np.uint16)
        write_raster(os.path.join(str(folder), f"{scene_id}_{band}.TIF"), data, L8_GT, 32613)


def test_scenes_lists_the_readable_scenes_and_reports_the_bad_files_apart(lbe_command, tmp_path):
    store = tmp_path / "store"
    _landsat_scene(store / "good", "LC80290332017076LGN00")
    _landsat_scene(store / "half", "LC80290332017092LGN00")  # B5 good, B4 empty
    empty = store / "half" / "LC80290332017092LGN00_B4.TIF"
    empty.write_bytes(b"")
    garbage = store / "garbage" / "LC80290332017108LGN00_B4.TIF"
    garbage.parent.mkdir()
    garbage.write_bytes(b"II*\0 this is not really a TIFF" * 10)
    odd = os.path.join(os.fsencode(str(store)), b"caf\xe9")  # a folder name that is not UTF-8
    _landsat_scene(tmp_path / "odd", "LC80290332017124LGN00")
    os.rename(os.fsencode(str(tmp_path / "odd")), odd)

    completed = _run([*lbe_command, "scenes", "--scenes", str(store)])
    assert completed.returncode == 0, completed.stderr
    answer = json.loads(completed.stdout)
    listed = {scene["view_id"]: scene["bands"] for scene in answer["scenes"]}
    assert listed == {"L8/LC80290332017076LGN00": ["B4", "B5"], "L8/LC80290332017092LGN00": ["B5"]}
    problems = answer["problems"]
    assert f"cannot read {empty}: the file is empty" in problems
    assert any(str(garbage) in problem for problem in problems), problems
    assert "scene L8/LC80290332017108LGN00 is left out: none of its bands can be read" in problems
    assert f"{store}/caf\\xe9 is skipped: its name is not UTF-8" in problems

    completed = _run([*lbe_command, "scenes", "--scenes", str(store), "--table"])
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.count("\n") == 2
    assert f"lbe: warning: cannot read {empty}: the file is empty" in completed.stderr


def _without_root_privilege() -> list[str]:
    """A command prefix under which file permissions hold: root reads any file, so as root the
    command runs without the capabilities that override them (it stays root, so it can still reach
    the checkout wherever it lies, even under a private /root)."""
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []


def test_a_band_the_user_may_not_read_says_permission_denied(lbe_command, tmp_path):
    store = str(tmp_path / "store")
    _landsat_scene(os.path.join(store, "scene"), "LC80290332017076LGN00")
    _landsat_scene(os.path.join(store, "other"), "LC80290332017092LGN00")
    locked = os.path.join(store, "scene", "LC80290332017076LGN00_B4.TIF")
    os.chmod(locked, 0)
    out = str(tmp_path / "out")
    request = str(tmp_path / "request.json")
    with open(request, "w") as stream:
        json.dump({"type": "lbe", "params": {"view_id": "L8/LC80290332017076LGN00", "bands": ["B4"],
                                             "geometry": polygon_from_utm([(600099.0, 4499931.0), (600921.0, 4499871.0),
                                                                           (600669.0, 4499559.0)], 32613),
                                             "reference": "locked"}}, stream)
    unprivileged = _without_root_privilege()
    completed = _run([*unprivileged, *lbe_command, "run", request, "--scenes", store, "--out", out])
    _assert_clean_failure(completed, 1, f"cannot read {locked}: Permission denied")
    completed = _run([*unprivileged, *lbe_command, "scenes", "--scenes", store])
    assert completed.returncode == 0, completed.stderr
    answer = json.loads(completed.stdout)
    assert f"cannot read {locked}: Permission denied" in answer["problems"]
    assert {scene["view_id"]: scene["bands"] for scene in answer["scenes"]} == {
        "L8/LC80290332017076LGN00": ["B5"], "L8/LC80290332017092LGN00": ["B4", "B5"]}
    aoi = str(tmp_path / "field.geojson")
    with open(aoi, "w") as stream:
        json.dump(polygon_from_utm([(600099.0, 4499931.0), (600921.0, 4499871.0), (600669.0, 4499559.0)], 32613),
                  stream)
    os.chmod(aoi, 0)
    completed = _run([*unprivileged, *lbe_command, "scenes", "--scenes", store, "--aoi", aoi])
    _assert_clean_failure(completed, 2, f"--aoi: cannot read {aoi}: Permission denied")


# --- limits of a request's work -----------------------------------------------------------------

def test_bandmath_expressions_and_jpeg_colour_classes_are_bounded():
    import pytest
    from load_by_extent.core.errors import RequestError
    from load_by_extent.core.request import TaskRequest

    def validate(task_type: str, **params):
        base = {"view_id": S2_VIEW, "reference": "limits"}
        return TaskRequest({"type": task_type, "params": {**base, **params}}).validate()

    assert len(validate("bandmath", bm_type=",".join(["B04"] * 16)).bm_type.split(",")) == 16
    with pytest.raises(RequestError) as raised:
        validate("bandmath", bm_type=",".join(["B04+B03"] * 500))
    assert str(raised.value) == "params.bm_type: at most 16 expressions, not 500"
    assert validate("jpeg", bm_type="NDVI", colormap="viridis", colors_limit=256).colors_limit == 256
    with pytest.raises(RequestError) as raised:
        validate("jpeg", bm_type="NDVI", colormap="viridis", colors_limit=100_000_000)
    assert str(raised.value) == "params.colors_limit: must be at most 256, not 100000000"


def test_an_invalid_polygon_of_100000_vertices_is_explained_quickly():
    """GEOS's own reason and place: the explanation does not compare every segment with every other
    (which took an hour for this polygon)."""
    import math

    import pytest
    from load_by_extent.core.aoi import validate_geometry
    from load_by_extent.core.errors import RequestError

    count = 100_000
    ring = [[10 + 0.5 * math.cos(2 * math.pi * k / count), 50 + 0.5 * math.sin(2 * math.pi * k / count)]
            for k in range(count)]
    ring[5000], ring[5001] = ring[5001], ring[5000]  # a tiny bow tie in the outline
    ring.append(ring[0])
    with pytest.raises(RequestError) as raised:
        validate_geometry({"type": "Polygon", "coordinates": [ring]})
    message = str(raised.value)
    assert message.startswith("params.geometry: self-intersecting: ring 0 crosses itself near ("), message
    lon, lat = (float(value) for value in message.split("(")[1].rstrip(")").split(", "))
    assert abs(lon - ring[5000][0]) < 1e-4 and abs(lat - ring[5000][1]) < 1e-4

    hole = [[10 + 0.1 * math.cos(2 * math.pi * k / count) + 2, 50 + 0.1 * math.sin(2 * math.pi * k / count)]
            for k in range(count)]
    hole.append(hole[0])
    outline = ring[:5000] + ring[5002:]
    with pytest.raises(RequestError) as raised:
        validate_geometry({"type": "Polygon", "coordinates": [outline, hole]})
    assert "invalid polygon: a hole lies outside its shell near (" in str(raised.value)


# --- huge AOIs ----------------------------------------------------------------------------------

def test_a_whole_world_aoi_crops_like_the_scene_footprint(lbe_command, sample_store, tmp_path):
    """The AOI is clipped to the scene in lon/lat before it is projected to the scene's UTM zone,
    where the world's vertices (beyond 90 degrees from the meridian, the poles) have no place."""
    from osgeo import gdal

    view_id = "S2/33/U/UU/2017/2/16/0"
    listed = _run([*lbe_command, "scenes", "--scenes", sample_store, "--sensor", "S2"])
    footprint = next(scene["footprint"] for scene in json.loads(listed.stdout)["scenes"] if scene["view_id"] == view_id)

    def crop(name: str, task_type: str, geometry: dict) -> tuple:
        params = {"view_id": view_id, "geometry": geometry, "reference": name}
        params.update({"bands": ["B01"]} if task_type == "lbe" else {"bm_type": "B01 / 2"})
        request = _request_file(tmp_path, params, task_type, name=f"{name}.json")
        completed = _run([*lbe_command, "run", request, "--scenes", sample_store, "--out", str(tmp_path / name)])
        assert completed.returncode == 0, completed.stderr
        dataset = gdal.Open(json.loads(completed.stdout)["files"][0])
        return dataset.GetGeoTransform(), dataset.GetRasterBand(1).ReadAsArray()

    def box(west, south, east, north) -> dict:
        return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north],
                                                    [west, south]]]}

    for task_type in ("lbe", "bandmath"):
        expected_gt, expected = crop(f"footprint-{task_type}", task_type, footprint)
        assert expected.shape == (128, 256)  # the whole sample band
        for name, geometry in (("world", box(-180, -90, 180, 90)), ("sixty", box(-60, -90, 60, 90)),
                               ("north", box(-60, 0, 60, 90))):
            gt, pixels = crop(f"{name}-{task_type}", task_type, geometry)
            assert gt == expected_gt, name
            np.testing.assert_array_equal(pixels, expected, err_msg=name)


# --- results from a server ------------------------------------------------------------------------

def test_a_result_that_makes_gdal_read_other_files_is_not_loaded(tmp_path):
    """A result comes from a server: a VRT dressed as `.tif`, or an overview beside a result raster
    that is a VRT, would show the bytes of local files on the map."""
    import pytest
    from load_by_extent.core.display import prepare_display
    from load_by_extent.core.errors import DataError
    from load_by_extent.core.results import TaskResult

    secret = tmp_path / "secret.bin"
    secret.write_bytes(SECRET * 256)
    good = write_raster(str(tmp_path / "good" / "S2_B04.tif"), np.arange(64 * 64, dtype=np.uint16).reshape(64, 64))

    def load(result_type: str, path: str):
        return prepare_display(TaskResult("lbe", result_type, (path,), {}))

    assert [display.path for display in load("tif", good)] == [good]  # a real result loads

    disguised = _secret_vrt(tmp_path / "disguised.tif", secret)
    with pytest.raises(DataError) as raised:
        load("tif", disguised)
    assert disguised in str(raised.value) and "GeoTIFF, JPEG 2000, PNG or JPEG" in str(raised.value)

    overview = _secret_vrt(tmp_path / "member.tif.ovr", secret, size=32)
    with open(good, "rb") as stream:
        member = stream.read()
    with open(overview, "rb") as stream:
        zip_path = _zip(tmp_path / "result.zip", [("member.tif", member), ("member.tif.ovr", stream.read())])
    with pytest.raises(DataError) as raised:
        load("zip", zip_path)
    assert "member.tif.ovr" in str(raised.value) and "its own file only" in str(raised.value)
