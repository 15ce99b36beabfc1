"""ui/wrapped_label.py: a wrapped label in a form inside a scroll area is as tall as its text."""

from __future__ import annotations

from load_by_extent.ui.wrapped_label import WrappedLabel
from qgis.PyQt.QtWidgets import QFormLayout, QLineEdit, QScrollArea, QWidget

LONG_TEXT = "✗ Unsupported band or operation: empty expression at position 1, and more words to wrap"


def test_a_longer_text_makes_the_label_taller_in_a_narrow_form(qtbot):
    content = QWidget()
    form = QFormLayout(content)
    label = WrappedLabel("✓ NDVI")
    form.addRow("Bands", QLineEdit())
    form.addRow(label)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.resize(220, 400)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    one_line = label.fontMetrics().lineSpacing()

    label.setText(LONG_TEXT)
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))

    assert label.heightForWidth(label.width()) >= 3 * one_line  # it wraps onto several lines
    assert label.minimumHeight() == label.heightForWidth(label.width())


def test_a_shorter_text_makes_the_label_shorter_again(qtbot):
    content = QWidget()
    form = QFormLayout(content)
    label = WrappedLabel(LONG_TEXT)
    form.addRow("Bands", QLineEdit())
    form.addRow(label)
    form.addRow("Colormap", QLineEdit())
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.resize(220, 400)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    one_line = label.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: label.height() >= 3 * one_line)

    label.setText("✓ NDVI")
    qtbot.waitUntil(lambda: label.height() < 2 * one_line + 2 * label.margin() + 2)
    assert label.minimumHeight() < 2 * one_line + 2
