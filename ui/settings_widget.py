"""The plugin's settings as a widget: in the dock and in QGIS's Options dialog."""

from __future__ import annotations

from collections.abc import Callable

from qgis.gui import QgsAuthConfigSelect, QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import LoadByExtentError
from ..services.settings import PluginSettings
from .optional_number import OptionalDoubleSpinBox


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
        self.output_folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.output_folder.fileChanged.connect(self._changed)
        self.aoi_limit = QDoubleSpinBox()
        self.aoi_limit.setObjectName("aoiLimit")
        self.aoi_limit.setRange(1, 10_000_000)
        self.aoi_limit.setDecimals(0)
        self.aoi_limit.setSuffix(" km²")
        self.aoi_limit.valueChanged.connect(self._changed)

        # The Processing API: where, and which key (its id only: the key stays in QGIS's auth database).
        self.api_url = QLineEdit()
        self.api_url.setObjectName("apiUrl")
        self.api_url.editingFinished.connect(self._changed)
        self.search_url = QLineEdit()
        self.search_url.setObjectName("searchUrl")
        self.search_url.editingFinished.connect(self._changed)
        self.auth_config = QgsAuthConfigSelect(self)
        self.auth_config.setObjectName("authConfig")
        self.auth_config.selectedConfigIdChanged.connect(self._changed)
        set_key = QPushButton(self.tr("Set key…"))
        set_key.setObjectName("setKey")
        set_key.setToolTip(self.tr("Paste the API key: it is kept in QGIS's authentication database"))
        set_key.clicked.connect(self._ask_key)
        self.max_wait = OptionalDoubleSpinBox(0, 24 * 30, 1, self.tr("the task's own limit"))
        self.max_wait.setObjectName("maxWait")
        self.max_wait.setSuffix(self.tr(" h"))
        self.max_wait.valueChanged.connect(self._changed)
        self.reuse_results = QCheckBox(self.tr("Reuse identical recent results"))
        self.reuse_results.setToolTip(self.tr("Reuse the result of an identical recent request"))
        self.reuse_results.setObjectName("reuseResults")
        self.reuse_results.toggled.connect(self._changed)

        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        folders = QVBoxLayout()
        folders.addWidget(self.folder_list)
        folders.addLayout(buttons)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow dock: labels above, fields whole
        form.addRow(self.tr("Scene folders"), folders)
        form.addRow(self.tr("Output folder"), self.output_folder)
        form.addRow(self.tr("Ask before an AOI larger than"), self.aoi_limit)
        api_title = QLabel(self.tr("<b>Processing API</b>"))
        form.addRow(api_title)
        form.addRow(self.tr("Base URL"), self.api_url)
        form.addRow(self.tr("Search URL"), self.search_url)
        key_row = QVBoxLayout()
        key_row.addWidget(self.auth_config)
        key_row.addWidget(set_key)
        form.addRow(self.tr("API key"), key_row)
        form.addRow(self.tr("Stop waiting after"), self.max_wait)
        form.addRow(self.reuse_results)
        self.load()

    def _widgets(self) -> tuple:
        return (self.output_folder, self.aoi_limit, self.api_url, self.search_url, self.auth_config,
                self.max_wait, self.reuse_results)

    def load(self) -> None:
        for widget in self._widgets():
            widget.blockSignals(True)
        self.folder_list.clear()
        self.folder_list.addItems(self.settings.scene_folders)
        self.output_folder.setFilePath(self.settings.output_folder)
        self.aoi_limit.setValue(self.settings.aoi_limit_km2)
        self.api_url.setText(self.settings.api_url)
        self.search_url.setText(self.settings.search_url)
        self.auth_config.setConfigId(self.settings.auth_config_id)
        self.max_wait.set_number(self.settings.max_wait_hours)
        self.reuse_results.setChecked(self.settings.reuse_results)
        for widget in self._widgets():
            widget.blockSignals(False)

    def save(self) -> None:
        self.settings.scene_folders = [self.folder_list.item(i).text() for i in range(self.folder_list.count())]
        self.settings.output_folder = self.output_folder.filePath()
        self.settings.aoi_limit_km2 = self.aoi_limit.value()
        self.settings.api_url = self.api_url.text()
        self.settings.search_url = self.search_url.text()
        self.settings.auth_config_id = self.auth_config.configId()
        self.settings.max_wait_hours = self.max_wait.number()
        self.settings.reuse_results = self.reuse_results.isChecked()
        self.settingsChanged.emit()

    def set_api_key(self, key: str) -> None:
        """Keep `key` in QGIS's authentication database and select that configuration."""
        from ..services.network import store_api_key

        config_id = store_api_key(key, self.auth_config.configId())
        self.auth_config.setConfigId(config_id)
        self._changed()

    def _ask_key(self) -> None:
        key, ok = QInputDialog.getText(self, self.tr("API key"), self.tr("The Processing API key:"),
                                       QLineEdit.EchoMode.Password)
        if not ok or not key.strip():
            return
        try:
            self.set_api_key(key)
        except LoadByExtentError as error:
            QMessageBox.warning(self, self.tr("API key"), str(error))

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

    def _changed(self, *_args: object) -> None:
        if self.auto_save:
            self.save()


class SettingsPage(QgsOptionsPageWidget):
    """The plugin's page in Settings > Options."""

    def __init__(self, settings: PluginSettings, on_apply: Callable[[], None], parent: QWidget | None = None) -> None:
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
    def __init__(self, settings: PluginSettings, icon: QIcon, on_apply: Callable[[], None]) -> None:
        super().__init__("Load By Extent", icon)
        self.settings = settings
        self.on_apply = on_apply

    def createWidget(self, parent: QWidget | None = None) -> QgsOptionsPageWidget:  # noqa: N802
        return SettingsPage(self.settings, self.on_apply, parent)
