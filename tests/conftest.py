"""Shared test set-up: import the checkout as `load_by_extent`, and find the real sample imagery."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The checkout may be called anything; the plugin's modules import each other relatively, as
# members of the package `load_by_extent`. bin/lbe.py registers the folder under that name.
_spec = importlib.util.spec_from_file_location("lbe_launcher", os.path.join(ROOT, "bin", "lbe.py"))
_launcher = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_launcher)
_launcher.import_checkout_as_package(ROOT)


@pytest.fixture(scope="session")
def sample_data() -> str:
    """The folder of arranged real imagery (scripts/sample_data.py; `make data` fetches it)."""
    folder = os.environ.get("LBE_SAMPLE_DATA")
    if not folder:
        script = os.path.join(ROOT, "scripts", "sample_data.py")
        folder = subprocess.run([sys.executable, script], check=True, capture_output=True, text=True).stdout.strip()
    assert os.path.isfile(os.path.join(folder, ".complete")), f"sample data incomplete in {folder}; run make data"
    return folder


@pytest.fixture(scope="session")
def sample_store(sample_data) -> str:
    return os.path.join(sample_data, "store")


@pytest.fixture(scope="session")
def lbe_command() -> list[str]:
    """The command line launcher, as users run it."""
    return [os.path.join(ROOT, "bin", "lbe")]
