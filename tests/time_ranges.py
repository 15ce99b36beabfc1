"""Checks of a layer's temporal range (services/layer_time.py) as QGIS's Temporal Controller reads it."""

from __future__ import annotations

import datetime as dt

from qgis.core import QgsDateTimeRange, QgsMapLayer
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime


def utc(day: dt.date, hours: int = 0, minutes: int = 0, seconds: int = 0) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hours, minutes, seconds), Qt.TimeSpec.UTC)


def day_frame(day: dt.date) -> QgsDateTimeRange:
    """The frame of a Temporal Controller stepping one day at a time: [day, next day)."""
    return QgsDateTimeRange(utc(day), utc(day + dt.timedelta(days=1)), True, False)


def assert_shown_on_its_day_only(layer: QgsMapLayer, day: dt.date) -> None:
    """`layer` is active in time with the range (day 00:00 UTC, next day 00:00 UTC), and QGIS shows
    it in the frames that meet that day only."""
    properties = layer.temporalProperties()
    assert properties.isActive()
    time_range = properties.fixedTemporalRange()
    assert time_range.begin() == utc(day) and time_range.end() == utc(day + dt.timedelta(days=1))
    assert not time_range.includeBeginning() and not time_range.includeEnd()
    one_day = dt.timedelta(days=1)
    shown = properties.isVisibleInTemporalRange
    assert shown(day_frame(day))
    assert not shown(day_frame(day - one_day)) and not shown(day_frame(day + one_day))
    assert shown(QgsDateTimeRange(utc(day, 23, 59, 59), utc(day + one_day, 6)))  # its last second
    assert shown(QgsDateTimeRange(utc(day - one_day, 12), utc(day, 0, 0, 1)))  # its first second
    assert not shown(QgsDateTimeRange(utc(day - one_day, 12), utc(day)))  # up to its (excluded) midnight
    assert not shown(QgsDateTimeRange(utc(day - one_day * 3), utc(day - one_day, 23, 59, 59)))
    assert not shown(QgsDateTimeRange(utc(day + one_day), utc(day + one_day * 3)))  # from its excluded end on


def assert_shown_at_every_time(layer: QgsMapLayer) -> None:
    """`layer` has no temporal range: QGIS draws it in every frame."""
    properties = layer.temporalProperties()
    assert not properties.isActive()
    for year in (1990, 2017, 2040):
        assert properties.isVisibleInTemporalRange(day_frame(dt.date(year, 6, 1)))
