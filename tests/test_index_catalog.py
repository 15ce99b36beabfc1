"""The index catalog combo of the index and statistics forms: one builder, every index of the
catalog in both, and choosing one does what each form does with it."""

from __future__ import annotations

from load_by_extent.core.indices import INDICES
from load_by_extent.ui.index_form import CUSTOM, IndexForm
from load_by_extent.ui.stats_form import StatsForm
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest


def entries(combo) -> list[tuple[str, str]]:
    return [(combo.itemText(row), combo.itemData(row)) for row in range(combo.count())]


def test_both_forms_offer_the_whole_catalog_after_their_own_first_entry(qgis_app):
    index_form, stats_form = IndexForm(), StatsForm()
    catalog = [(f"{index.name} · {index.long_name}", index.name) for index in INDICES.values()]
    assert entries(index_form.catalog)[1:] == catalog == entries(stats_form.catalog)[1:]
    assert entries(index_form.catalog)[0][1] == CUSTOM
    assert entries(stats_form.catalog)[0][1] == ""
    assert index_form.catalog.objectName() == "indexCatalog"
    assert stats_form.catalog.objectName() == "statsCatalog"


def test_choosing_from_the_catalog_sets_the_index_form_and_adds_to_the_statistics_form(qgis_app):
    first = next(iter(INDICES))
    index_form, stats_form = IndexForm(), StatsForm()
    index_form.expression.setText("B04")  # the catalog shows "Custom expression"
    stats_form.indices.setText("")
    for form in (index_form, stats_form):
        form.show()
        form.catalog.setFocus()
        QTest.keyClick(form.catalog, Qt.Key.Key_Down)  # the first index, as a user picks it
    assert index_form.expression.text() == first
    assert stats_form.indices.text() == first
