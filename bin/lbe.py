"""Import the checkout as the package `load_by_extent`, whatever its folder is called, and run
the command line. Used by bin/lbe; tests/conftest.py does the same."""

import importlib.util
import os
import sys


def import_checkout_as_package(root: str):
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


if __name__ == "__main__":
    # Nothing here uses multi-threaded linear algebra: spare starting a BLAS thread per core when
    # numpy is imported (a tenth of a CPU second for every run; the cores are busy decoding).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import_checkout_as_package(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from load_by_extent.core.cli import main

    status = main()
    # Every file is closed and committed by now: skip the interpreter's teardown (unloading GDAL's
    # drivers and numpy takes a tenth of a second, which a short command would otherwise pay).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
