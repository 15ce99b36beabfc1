"""The scene list's paging: a catalog's next page is wanted when the list is scrolled near its end,
or when "More scenes" is clicked (for a list too short to scroll); shown only while there is more."""

from __future__ import annotations

from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QAbstractItemView, QPushButton


class ScenePaging(QObject):
    """Emits `wanted` when the user asks for more scenes: a scroll to the last screenful of `table`,
    or a click on `button`, while `set_more(True)` says there are more."""

    wanted = pyqtSignal()

    def __init__(self, table: QAbstractItemView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.button = QPushButton(self.tr("More scenes"))
        self.button.setObjectName("moreScenes")
        self.button.setToolTip(self.tr("Fetch the catalog's next page of scenes (scrolling to the end of the "
                                       "list fetches it too)"))
        self.button.hide()
        self.button.clicked.connect(self.wanted)
        self._more = False
        table.verticalScrollBar().valueChanged.connect(self._scrolled)

    def set_more(self, more: bool, fetching: bool = False) -> None:
        """Whether the list has more scenes to fetch, and whether they are being fetched."""
        self._more = more
        self.button.setVisible(more)
        self.button.setEnabled(not fetching)

    def _scrolled(self, value: int) -> None:
        bar = self.table.verticalScrollBar()
        # within half a screenful of the end: the next page comes before the user reaches it
        if self._more and self.button.isEnabled() and value >= bar.maximum() - bar.pageStep() // 2:
            self.wanted.emit()
