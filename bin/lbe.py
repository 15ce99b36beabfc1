"""Import the checkout as the package `load_by_extent`, whatever its folder is called, and run
the command line. Used by bin/lbe; tests/conftest.py does the same."""

import contextlib
import importlib.util
import os
import shutil
import sys
from types import ModuleType

NO_GDAL = "lbe: error: no Python with GDAL found (install python3-gdal, or set LBE_PYTHON)\n"


def import_checkout_as_package(root: str) -> ModuleType:
    """Register the checkout folder as the package `load_by_extent` and return it."""
    if "load_by_extent" in sys.modules:
        return sys.modules["load_by_extent"]
    spec = importlib.util.spec_from_file_location(
        "load_by_extent", os.path.join(root, "__init__.py"), submodule_search_locations=[root]
    )
    package = importlib.util.module_from_spec(spec)
    sys.modules["load_by_extent"] = package
    spec.loader.exec_module(package)
    return package


def hand_over_without_gdal(argv: list[str]) -> None:
    """Return when this Python has GDAL; else run the command with the next Python of LBE_PYTHONS
    (the other candidates bin/lbe found, in order), or exit with a clear error."""
    if importlib.util.find_spec("osgeo") is not None:  # finds the package without loading GDAL
        return
    candidates = [name for name in os.environ.get("LBE_PYTHONS", "").split(os.pathsep) if name]
    for index, name in enumerate(candidates):
        path = shutil.which(name)
        if path is not None:
            os.environ["LBE_PYTHONS"] = os.pathsep.join(candidates[index + 1:])
            os.execv(path, [path, os.path.abspath(__file__), *argv])
    sys.stderr.write(NO_GDAL)
    sys.exit(1)


if __name__ == "__main__":
    hand_over_without_gdal(sys.argv[1:])
    # Nothing here uses multi-threaded linear algebra: spare starting a BLAS thread per core when
    # numpy is imported (a tenth of a CPU second for every run; the cores are busy decoding).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import_checkout_as_package(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from load_by_extent.core.cli import main

    status = main()
    # Every file is closed and committed by now: skip the interpreter's teardown (unloading GDAL's
    # drivers and numpy takes a tenth of a second, which a short command would otherwise pay).
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):  # closed or full (`>&-`, >/dev/full): main() said so
            stream.flush()
    os._exit(status)
