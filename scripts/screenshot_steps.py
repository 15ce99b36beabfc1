"""What the screenshot scripts (scripts/screenshot_*.py, run inside QGIS by `make screenshot`) share:
a step that ends QGIS on any error, waits that end, the window laid out, the window saved.

A script reaches this module through the plugin's folder (`qgis --code` runs it without a path of
its own): `sys.path.insert(0, os.path.join(os.path.dirname(load_by_extent.__file__), "scripts"))`.
"""

import functools
import os
import traceback
from collections.abc import Callable

from qgis.core import QgsCoordinateReferenceSystem, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins

TICK_MS = 250
MAX_TICKS = 480  # two minutes: then the script goes on and the picture shows what is there


def step(function: Callable[[], None]) -> Callable[[], None]:
    """A step of the script: any error ends QGIS with the traceback on stderr (no modal dialog)."""

    @functools.wraps(function)
    def wrapper() -> None:
        try:
            function()
        except Exception:
            traceback.print_exc()
            os._exit(1)

    return wrapper


def wait_then(done: Callable[[], bool], then: Callable[[], None], ticks: int = 0) -> None:
    """Call `then` once `done()` is true, or after MAX_TICKS ticks, without blocking QGIS."""
    if not done() and ticks < MAX_TICKS:
        QTimer.singleShot(TICK_MS, lambda: wait_then(done, then, ticks + 1))
        return
    then()


def tasks_done() -> bool:
    return not any(record.is_active for record in plugins["load_by_extent"].controller.records)


def lay_out_window(crs: str, width: int = 1500, height: int = 1000) -> None:
    """The window at the pictures' size, the Browser panels hidden (more room for the map and the
    docks), the project in `crs`."""
    iface.mainWindow().resize(width, height)
    for name in ("Browser", "Browser2"):
        panel = iface.mainWindow().findChild(QDockWidget, name)
        if panel is not None:
            panel.hide()
    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem(crs))


def save_window() -> str:
    """The whole QGIS window saved where LBE_SCREENSHOT says; its path."""
    path = os.environ["LBE_SCREENSHOT"]
    iface.mainWindow().grab().save(path)
    return path
