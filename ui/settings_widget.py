"""The plugin's settings as a widget: in the dock and in QGIS's Options dialog."""

from __future__ import annotations

from qgis.gui import QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.settings import PluginSettings


class SettingsWidget(QWidget):
    """Scene folders, output folder, AOI size limit. `auto_save`: save on every change (the dock);
    otherwise on save() (the Options page's apply)."""

    settingsChanged = pyqtSignal()

    def __init__(self, settings: PluginSettings, auto_save: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.auto_save = auto_save
        self.folder_list = QListWidget()
        self.folder_list.setObjectName("sceneFolders")
        self.folder_list.setMaximumHeight(90)
        add = QPushButton(self.tr("Add folder…"))
        add.clicked.connect(self._add_folder)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_folder)
        self.output_folder = QgsFileWidget()
        self.output_folder.setObjectName("outputFolder")
        self.output_folder.setStorageMode(QgsFileWidget.GetDirectory)
        self.output_folder.fileChanged.connect(self._changed)
        self.aoi_limit = QDoubleSpinBox()
        self.aoi_limit.setObjectName("aoiLimit")
        self.aoi_limit.setRange(1, 10_000_000)
        self.aoi_limit.setDecimals(0)
        self.aoi_limit.setSuffix(" km²")
        self.aoi_limit.valueChanged.connect(self._changed)

        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        folders = QVBoxLayout()
        folders.addWidget(self.folder_list)
        folders.addLayout(buttons)
        form = QFormLayout(self)
        form.addRow(self.tr("Scene folders"), folders)
        form.addRow(self.tr("Output folder"), self.output_folder)
        form.addRow(self.tr("Ask before an AOI larger than"), self.aoi_limit)
        self.load()

    def load(self) -> None:
        for widget in (self.output_folder, self.aoi_limit):
            widget.blockSignals(True)
        self.folder_list.clear()
        self.folder_list.addItems(self.settings.scene_folders)
        self.output_folder.setFilePath(self.settings.output_folder)
        self.aoi_limit.setValue(self.settings.aoi_limit_km2)
        for widget in (self.output_folder, self.aoi_limit):
            widget.blockSignals(False)

    def save(self) -> None:
        self.settings.scene_folders = [self.folder_list.item(i).text() for i in range(self.folder_list.count())]
        self.settings.output_folder = self.output_folder.filePath()
        self.settings.aoi_limit_km2 = self.aoi_limit.value()
        self.settingsChanged.emit()

    def add_folder(self, folder: str) -> None:
        existing = [self.folder_list.item(i).text() for i in range(self.folder_list.count())]
        if folder and folder not in existing:
            self.folder_list.addItem(folder)
            self._changed()

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Scene folder"))
        self.add_folder(folder)

    def _remove_folder(self) -> None:
        for item in self.folder_list.selectedItems():
            self.folder_list.takeItem(self.folder_list.row(item))
        self._changed()

    def _changed(self, *_args) -> None:
        if self.auto_save:
            self.save()


class SettingsPage(QgsOptionsPageWidget):
    """The plugin's page in Settings > Options."""

    def __init__(self, settings: PluginSettings, on_apply, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LoadByExtentOptionsPage")
        self.widget = SettingsWidget(settings, auto_save=False)
        self._on_apply = on_apply
        layout = QVBoxLayout(self)
        layout.addWidget(self.widget)
        layout.addStretch(1)

    def apply(self) -> None:
        self.widget.save()
        self._on_apply()


class SettingsPageFactory(QgsOptionsWidgetFactory):
    def __init__(self, settings: PluginSettings, icon: QIcon, on_apply) -> None:
        super().__init__("Load By Extent", icon)
        self.settings = settings
        self.on_apply = on_apply

    def createWidget(self, parent: QWidget | None = None) -> QgsOptionsPageWidget:  # noqa: N802
        return SettingsPage(self.settings, self.on_apply, parent)
