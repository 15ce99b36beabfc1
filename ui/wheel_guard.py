"""Combo boxes and spin boxes that ignore the mouse wheel unless they have focus.

In a scrolling dock the wheel is for scrolling: a combo box passing under the pointer must not
change its value on the way (a band preset switched from True colour to All bands unseen). A
guarded widget takes focus only by click or Tab, and a wheel event it gets without focus scrolls
the scroll area around it instead.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QEvent, QObject, QPointF, Qt
from qgis.PyQt.QtGui import QWheelEvent
from qgis.PyQt.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED_TYPES = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """The event filter: a wheel event on a guarded widget without focus scrolls the scroll area
    around it (or, outside one, goes on to its parents)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:
            event.ignore()  # ignored and filtered: Qt hands it to the parent widget
            return True
        # Handed to the scroll area here: Qt passes an ignored wheel event on to the parents only
        # when it comes from the window system, not when a program sends it.
        viewport = area.viewport()
        forwarded = QWheelEvent(QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint())), event.globalPosition(),
                                event.pixelDelta(), event.angleDelta(), event.buttons(), event.modifiers(),
                                event.phase(), event.inverted())
        QApplication.sendEvent(viewport, forwarded)
        return True


def guard_wheel(root: QWidget) -> WheelGuard:
    """Guard every combo box and spin box under `root` (one filter, parented to `root`)."""
    guard = WheelGuard(root)
    for widget in root.findChildren(QWidget):
        if isinstance(widget, GUARDED_TYPES):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(guard)
    return guard
