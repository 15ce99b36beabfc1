"""Zooming the map canvas to a place given in any CRS."""

from __future__ import annotations

from qgis.core import QgsCsException, QgsReferencedRectangle
from qgis.gui import QgsMapCanvas

from ..core.i18n import tr


def zoom_canvas(canvas: QgsMapCanvas, extent: QgsReferencedRectangle) -> bool:
    """Show `extent` on `canvas`. The canvas transforms it itself (setReferencedExtent: its own
    transform context, ballpark transforms where they suffice). False, and the map left exactly as
    it was, when the canvas's CRS cannot show that place (an orthographic view of the other
    hemisphere, a local CRS far away)."""
    try:
        zoomed = canvas.setReferencedExtent(extent)
    except QgsCsException:
        return False
    if zoomed:
        canvas.refresh()
    return zoomed


def cannot_show_text(canvas: QgsMapCanvas, what: str) -> str:
    """What the user reads when `zoom_canvas` could not show `what`."""
    crs = canvas.mapSettings().destinationCrs()
    return tr("The map's CRS ({crs}) cannot show {what}; the map stays where it was.").format(
        crs=crs.userFriendlyIdentifier() or crs.authid(), what=what)
