"""Time on the map: a result layer carries its scene's acquisition day, for QGIS's Temporal Controller.

Used wherever results are loaded (services/result_layers.py for the dock and the statistics dock's
series, processing/algorithms.py's post-processor for Processing). Main thread only (a layer's
properties belong to it).

The range is the scene's UTC day, from its midnight to the next one, both instants excluded:
(D 00:00 UTC, D+1 00:00 UTC). Consecutive days then tile time without overlapping, and a Temporal
Controller stepping one day at a time (frames [D 00:00, D+1 00:00), start included) shows each
date's layer in its own frame only, on every QGIS the plugin supports: QGIS 3.22 tests a layer's
range against a frame ignoring the frame's excluded end, so a range that included its midnight
would show each date in the frame of the day before too. A result whose scene has no date (a NAIP
id without one) gets no range and stays visible at every time.
"""

from __future__ import annotations

import datetime as dt

from qgis.core import Qgis, QgsDateTimeRange, QgsRasterLayer, QgsRasterLayerTemporalProperties
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

from ..core.sensors import scene_date

# QGIS 3.22 has the mode on the properties' class; later versions moved it to Qgis.RasterTemporalMode.
_FIXED_RANGE = (Qgis.RasterTemporalMode.FixedTemporalRange if hasattr(Qgis, "RasterTemporalMode")
                else QgsRasterLayerTemporalProperties.TemporalMode.FixedTemporalRange)


def day_range(day: dt.date) -> QgsDateTimeRange:
    """`day` in UTC, between its midnight and the next one (both excluded: see the module's text)."""
    start = QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0), Qt.TimeSpec.UTC)
    return QgsDateTimeRange(start, start.addDays(1), False, False)


def set_acquisition_time(layer: QgsRasterLayer, view_id: str | None) -> QgsDateTimeRange | None:
    """Give `layer` the acquisition day of the scene `view_id` as its fixed, active temporal range;
    the range set, or None (and the layer left as it is) when the scene has no known date."""
    day = scene_date(view_id)
    if day is None:
        return None
    time_range = day_range(day)
    properties = layer.temporalProperties()
    properties.setMode(_FIXED_RANGE)
    properties.setFixedTemporalRange(time_range)
    properties.setIsActive(True)
    return time_range
