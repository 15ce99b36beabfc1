"""The plugin's settings as a widget: in the dock and in QGIS's Options dialog."""

from __future__ import annotations

from qgis.gui import QgsAuthConfigSelect, QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import LoadByExtentError
from ..core.gdal_support import shown_url
from ..core.http_raster import is_url
from ..core.stac.sources import PRESETS
from ..services import settings as names
from ..services.settings import PluginSettings
from .catalog_dialog import CatalogDialog, is_http_url
from .optional_number import OptionalDoubleSpinBox

AUTH_ROLE = Qt.ItemDataRole.UserRole + 1  # a source's authentication configuration id

# The settings this editor shows.
EDITED = (names.SCENE_FOLDERS, names.SOURCE_AUTH, names.OUTPUT_FOLDER, names.AOI_LIMIT_KM2, names.API_URL, names.SEARCH_URL,
          names.AUTH_CONFIG_ID, names.MAX_WAIT_HOURS, names.REUSE_RESULTS)


def source_label(root: str) -> str:
    """How the scene sources list shows `root`: a ready-made catalog by its name, another URL
    without its query string, a folder as its path."""
    if not is_url(root):
        return root
    for preset in PRESETS:
        if root.strip().rstrip("/") == preset.root:
            return preset.name
    return shown_url(root)


class SettingsWidget(QWidget):
    """Scene sources (folders and catalogs), output folder, AOI size limit, the Processing API. `auto_save`: save on every
    change (the dock); otherwise on save() (the Options page's apply). It shows what another editor
    saves (settings.changed), and keeps its own unsaved edits of the other settings."""

    def __init__(self, settings: PluginSettings, auto_save: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.auto_save = auto_save
        self._saving = False
        self.folder_list = QListWidget()
        self.folder_list.setObjectName("sceneFolders")
        self.folder_list.setMaximumHeight(90)
        self.folder_list.setToolTip(self.tr("Double-click a URL to change it or its authentication"))
        self.folder_list.itemDoubleClicked.connect(self._edit_source)
        add = QPushButton(self.tr("Add folder…"))
        add.clicked.connect(self._add_folder)
        # Public catalogs ready-made, or any STAC API (or web server of scene folders) by its URL
        self.add_catalog_button = QPushButton(self.tr("Add catalog…"))
        self.add_catalog_button.setObjectName("addCatalog")
        catalogs = QMenu(self.add_catalog_button)
        for preset in PRESETS:
            action = catalogs.addAction(preset.name)
            action.setToolTip(preset.root)
            action.triggered.connect(lambda _checked=False, root=preset.root: self.add_folder(root))
        catalogs.addSeparator()
        catalogs.addAction(self.tr("Other STAC API URL…")).triggered.connect(self._ask_catalog_url)
        self.add_catalog_button.setMenu(catalogs)
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("removeSource")
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

        buttons = QHBoxLayout()  # two buttons a row: three are wider than a narrow dock
        buttons.addWidget(add)
        buttons.addWidget(self.add_catalog_button)
        buttons.addStretch(1)
        removing = QHBoxLayout()
        removing.addWidget(remove)
        removing.addStretch(1)
        folders = QVBoxLayout()
        folders.addWidget(self.folder_list)
        folders.addLayout(buttons)
        folders.addLayout(removing)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow dock: labels above, fields whole
        form.addRow(self.tr("Scene sources"), folders)
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
        settings.changed.connect(self._settings_changed)

    def _widgets(self) -> tuple:
        return (self.output_folder, self.aoi_limit, self.api_url, self.search_url, self.auth_config,
                self.max_wait, self.reuse_results)

    def load(self, which: tuple[str, ...] = EDITED) -> None:
        """Show the saved value of the settings `which` (all by default)."""
        settings = self.settings
        loaders = {
            names.SCENE_FOLDERS: self._show_scene_folders,
            names.SOURCE_AUTH: self._show_scene_folders,
            names.OUTPUT_FOLDER: lambda: self.output_folder.setFilePath(settings.output_folder),
            names.AOI_LIMIT_KM2: lambda: self.aoi_limit.setValue(settings.aoi_limit_km2),
            names.API_URL: lambda: self.api_url.setText(settings.api_url),
            names.SEARCH_URL: lambda: self.search_url.setText(settings.search_url),
            names.AUTH_CONFIG_ID: lambda: self.auth_config.setConfigId(settings.auth_config_id),
            names.MAX_WAIT_HOURS: lambda: self.max_wait.set_number(settings.max_wait_hours),
            names.REUSE_RESULTS: lambda: self.reuse_results.setChecked(settings.reuse_results),
        }
        for widget in self._widgets():
            widget.blockSignals(True)
        for name in which:
            loaders[name]()
        for widget in self._widgets():
            widget.blockSignals(False)

    def _show_scene_folders(self) -> None:
        self.folder_list.clear()
        auth = self.settings.source_auth
        for root in self.settings.scene_folders:
            self._add_source_item(root, auth.get(root, ""))

    def _add_source_item(self, root: str, auth_config_id: str = "") -> None:
        """A folder shows as its path; a catalog as its name when it is a ready-made one, else as its
        URL (without a query string: a signature stays out of sight); the source itself and its
        authentication configuration's id are the item's data."""
        item = QListWidgetItem()
        self.folder_list.addItem(item)
        self._show_source(item, root, auth_config_id)

    def _show_source(self, item: QListWidgetItem, root: str, auth_config_id: str) -> None:
        item.setData(Qt.ItemDataRole.UserRole, root)
        item.setData(AUTH_ROLE, auth_config_id)
        tip = shown_url(root) if is_url(root) else root
        if auth_config_id:
            label = self.tr("{source} (authentication {config})")
            item.setText(label.format(source=source_label(root), config=auth_config_id))
            tip += "\n" + self.tr("Authentication configuration: {config}").format(config=auth_config_id)
        else:
            item.setText(source_label(root))
        item.setToolTip(tip)

    def scene_sources(self) -> list[str]:
        """The scene sources listed (folders and URLs), in order."""
        return [self.folder_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.folder_list.count())]

    def source_auth(self) -> dict[str, str]:
        """The authentication configuration of each source listed that has one."""
        items = (self.folder_list.item(i) for i in range(self.folder_list.count()))
        return {item.data(Qt.ItemDataRole.UserRole): item.data(AUTH_ROLE) for item in items if item.data(AUTH_ROLE)}

    def save(self) -> None:
        """Write every setting shown; the settings then tell their listeners which changed."""
        self._saving = True
        try:
            with self.settings.changes() as settings:
                settings.scene_folders = self.scene_sources()
                settings.source_auth = self.source_auth()
                settings.output_folder = self.output_folder.filePath()
                settings.aoi_limit_km2 = self.aoi_limit.value()
                settings.api_url = self.api_url.text()
                settings.search_url = self.search_url.text()
                settings.auth_config_id = self.auth_config.configId()
                settings.max_wait_hours = self.max_wait.number()
                settings.reuse_results = self.reuse_results.isChecked()
        finally:
            self._saving = False

    def _settings_changed(self, changed: list[str]) -> None:
        """Another editor saved: show what it changed."""
        which = tuple(name for name in EDITED if name in changed)
        if which and not self._saving:
            self.load(which)

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

    def add_folder(self, folder: str, auth_config_id: str = "") -> None:
        """Add a scene source: a folder, or the URL of a catalog or of a web server of scene folders
        (with the id of its authentication configuration, if any)."""
        if folder and folder not in self.scene_sources():
            self._add_source_item(folder, auth_config_id)
            self._changed()

    def add_catalog_url(self, text: str, auth_config_id: str = "") -> str:
        """Add the STAC API at the URL `text`; what is wrong with it ("" when added)."""
        url = text.strip()
        if not is_http_url(url):
            return self.tr("{url} is not an http(s) URL").format(url=url.split("?", 1)[0])
        self.add_folder(url, auth_config_id)
        return ""

    def _ask_catalog_url(self) -> None:
        dialog = CatalogDialog(parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_catalog_url(*dialog.source())

    def _edit_source(self, item: QListWidgetItem) -> None:
        """A URL's dialog again: another URL, another authentication configuration, or none."""
        root = item.data(Qt.ItemDataRole.UserRole)
        if not is_url(root):
            return
        dialog = CatalogDialog(root, item.data(AUTH_ROLE) or "", self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        url, auth_config_id = dialog.source()
        if url != root and url in self.scene_sources():  # already listed: this entry goes
            self.folder_list.takeItem(self.folder_list.row(item))
        else:
            self._show_source(item, url, auth_config_id)
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

    def __init__(self, settings: PluginSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LoadByExtentOptionsPage")
        self.settings = settings
        self.widget = SettingsWidget(settings, auto_save=False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.widget)
        layout.addStretch(1)

    def apply(self) -> None:
        with self.settings.changes():
            self.widget.save()
            self.settings.touch(names.SCENE_FOLDERS)  # OK also has the scene folders read again (new files)


class SettingsPageFactory(QgsOptionsWidgetFactory):
    def __init__(self, settings: PluginSettings, icon: QIcon) -> None:
        super().__init__("Load By Extent", icon)
        self.settings = settings

    def createWidget(self, parent: QWidget | None = None) -> QgsOptionsPageWidget:  # noqa: N802
        return SettingsPage(self.settings, parent)
