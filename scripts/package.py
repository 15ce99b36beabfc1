#!/usr/bin/env python3
"""Build dist/load_by_extent-<version>.zip for QGIS's "Install from ZIP" and the plugin repository.

The zip holds one top folder, load_by_extent/, with the plugin's own files only: the Python
packages core/, services/, ui/, processing/, the entry points, metadata, icon, licence, README, and the
compiled translations i18n/*.qm (run `make transcompile` first; `make package` does). No tests,
benchmarks, scripts, CI or development files.
Usage: package.py [OUT_DIR]   (default dist/)
"""

from __future__ import annotations

import configparser
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOP_FOLDER = "load_by_extent"
FILES = ("__init__.py", "__main__.py", "plugin.py", "metadata.txt", "icon.svg", "LICENSE", "README.md")
PACKAGES = ("core", "services", "ui", "processing")


def plugin_files() -> list[str]:
    """Paths relative to the checkout, in a stable order."""
    found = [name for name in FILES if os.path.isfile(os.path.join(ROOT, name))]
    for package in PACKAGES:
        for folder, dirs, files in os.walk(os.path.join(ROOT, package)):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            found += sorted(os.path.relpath(os.path.join(folder, name), ROOT) for name in files
                            if name.endswith((".py", ".ui", ".svg", ".png", ".qml")))
    i18n = os.path.join(ROOT, "i18n")
    found += sorted(os.path.join("i18n", name) for name in os.listdir(i18n) if name.endswith(".qm"))
    return found


def version() -> str:
    metadata = configparser.ConfigParser()
    metadata.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    return metadata["general"]["version"]


def main() -> int:
    out_dir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "dist"))
    files = plugin_files()
    if not any(name.endswith(".qm") for name in files):
        raise SystemExit("package: no compiled translations in i18n/: run make transcompile first")
    os.makedirs(out_dir, exist_ok=True)
    target = os.path.join(out_dir, f"{TOP_FOLDER}-{version()}.zip")
    partial = target + ".partial"
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in files:
            archive.write(os.path.join(ROOT, name), f"{TOP_FOLDER}/{name}")
    os.replace(partial, target)
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
