"""The plugin object QGIS loads: GUI glue only (actions, dock, options page, console API)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from qgis.core import Qgis, QgsApplication, QgsProject, QgsSettings, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt, QTimer, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QPushButton, QToolBar

from .core.i18n import tr
from .core.request import TaskRequest

if TYPE_CHECKING:
    from qgis.gui import QgisInterface

    from .ui.dock import LoadByExtentDock
    from .ui.stats_dock import StatsDock

PLUGIN_FOLDER = os.path.dirname(os.path.abspath(__file__))
TOOLBAR_NAME = "LoadByExtentToolBar"


def user_language() -> str:
    """The language of QGIS's interface, as QGIS chooses it: the locale set in its options when the
    user overrides the system's, else the system's."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "") or ""
    else:
        locale = QLocale.system().name()
    return str(locale)[:2]


def install_translator(language: str | None = None) -> QTranslator | None:
    """Load the translation for the user's language (i18n/load_by_extent_<lang>.qm), if there is one."""
    language = language or user_language()
    path = os.path.join(PLUGIN_FOLDER, "i18n", f"load_by_extent_{language}.qm")
    if not os.path.exists(path):
        return None
    translator = QTranslator()
    if not translator.load(path):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


class LoadByExtentPlugin:
    """`qgis.utils.plugins["load_by_extent"]`: also the console API (`run_request`, `dock`)."""

    def __init__(self, iface: QgisInterface, project: QgsProject) -> None:
        self.iface = iface
        self.project = project  # where results load; classFactory gives QGIS's current project
        self.translator = install_translator()
        self.action: QAction | None = None
        self.toolbar: QToolBar | None = None
        self.options_factory = None
        self.controller = None
        self.settings = None
        self._dock = None
        self._stats_dock = None
        self.provider = None

    # --- QGIS's entry points --------------------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802 - QGIS's name; qgis_process calls only this
        if self.provider is None:
            from .processing.provider import LoadByExtentProvider

            self.provider = LoadByExtentProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 - QGIS's name
        self.initProcessing()
        from .services.settings import PluginSettings
        from .services.task_controller import TaskController
        from .ui.settings_widget import SettingsPageFactory

        self.settings = PluginSettings()
        self.controller = TaskController(self.settings, self.project, message_bar=self.iface.messageBar())
        self.controller.statisticsReady.connect(self.show_statistics)
        from .services.fields_runs import FIELDS_RUNS

        FIELDS_RUNS.tableReady.connect(self.show_fields_table)
        icon = QIcon(os.path.join(PLUGIN_FOLDER, "icon.svg"))
        self.action = QAction(icon, tr("Load By Extent"), self.iface.mainWindow())
        self.action.setObjectName("LoadByExtentAction")
        self.action.setCheckable(True)
        self.action.setToolTip(tr("Crop satellite scenes to an area of interest"))
        self.action.triggered.connect(self._toggle_dock)
        self.iface.addRasterToolBarIcon(self.action)
        self.iface.rasterMenu().addAction(self.action)
        # QGIS hides its Raster toolbar by default: a toolbar of our own is shown, where a new user looks.
        self.toolbar = self.iface.addToolBar(tr("Load By Extent"))
        self.toolbar.setObjectName(TOOLBAR_NAME)  # QGIS restores its place and visibility by this name
        self.toolbar.addAction(self.action)
        self.options_factory = SettingsPageFactory(self.settings, icon)
        self.options_factory.setObjectName("LoadByExtentOptions")
        self.iface.registerOptionsWidgetFactory(self.options_factory)
        # Remote tasks of an earlier session still running on the server: offered once QGIS is up.
        QTimer.singleShot(0, self.offer_unfinished_tasks)

    def offer_unfinished_tasks(self) -> None:
        if self.controller is None:
            return
        records = self.controller.offer_unfinished()
        if not records:
            return
        bar = self.iface.messageBar()
        item = bar.createMessage(tr("Load By Extent"), tr("{count} remote task(s) of an earlier session have not "
                                                         "finished.").format(count=len(records)))
        show = QPushButton(tr("Show in the task list"))
        show.clicked.connect(lambda: self.dock.setUserVisible(True))
        item.layout().addWidget(show)
        bar.pushWidget(item, Qgis.MessageLevel.Info)

    def unload(self) -> None:
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        self.settings = None
        if self.controller is not None:
            from .services.fields_runs import FIELDS_RUNS

            FIELDS_RUNS.tableReady.disconnect(self.show_fields_table)
            self.controller.statisticsReady.disconnect(self.show_statistics)
            self.controller.shutdown()
        if self._stats_dock is not None:
            self._stats_dock.sceneClicked.disconnect(self._statistics_scene_clicked)
            self._stats_dock.seriesRequested.disconnect(self._statistics_series_requested)
            self._stats_dock.cleanup()
            self.iface.removeDockWidget(self._stats_dock)
            self._stats_dock.deleteLater()
            self._stats_dock = None
        if self._dock is not None:
            self._dock.visibilityChanged.disconnect(self._dock_visibility_changed)
            self._dock.cleanup()
            self.iface.removeDockWidget(self._dock)
            self._dock.deleteLater()
            self._dock = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.action is not None:
            self.action.triggered.disconnect(self._toggle_dock)
            self.iface.removeRasterToolBarIcon(self.action)
            self.iface.rasterMenu().removeAction(self.action)
            self.action.deleteLater()
            self.action = None
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        self.controller = None

    # --- the dock ------------------------------------------------------------------------------
    @property
    def dock(self) -> LoadByExtentDock:
        """The dock widget, created on first use (nothing is built at QGIS start-up)."""
        if self._dock is None:
            from .ui.dock import LoadByExtentDock

            self._dock = LoadByExtentDock(self.iface, self.controller, self.settings, self.project,
                                          self.iface.mainWindow())
            self._dock.visibilityChanged.connect(self._dock_visibility_changed)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._dock)
            self._dock.scene_search.search()
        return self._dock

    @property
    def stats_dock(self) -> StatsDock:
        """The statistics chart dock, created when the first statistics arrive."""
        if self._stats_dock is None:
            from .ui.stats_dock import StatsDock

            self._stats_dock = StatsDock(self.iface.mainWindow())
            self._stats_dock.output_folder = lambda: self.settings.output_folder  # where exports are offered
            self._stats_dock.sceneClicked.connect(self._statistics_scene_clicked)
            self._stats_dock.seriesRequested.connect(self._statistics_series_requested)
            self.iface.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self._stats_dock)
        return self._stats_dock

    def show_statistics(self, answer: dict, request: dict) -> None:
        """An mt_stats answer (local or remote) drawn in the statistics dock."""
        self.stats_dock.show_result(answer, request)
        self.stats_dock.setUserVisible(True)

    def show_fields_table(self, path: str, request: dict, layer_id: str, id_field: str) -> None:
        """A many-polygon table (Processing's fields_stats) in the statistics dock, a polygon at a time,
        following the selection of the run's polygon layer when it is one of the project's."""
        from .core.errors import LoadByExtentError
        from .core.fields_table import read_fields_table

        try:
            table = read_fields_table(path)
        except LoadByExtentError as error:
            self.iface.messageBar().pushWarning(tr("Load By Extent"), str(error))
            return
        layer = self.project.mapLayer(layer_id) if layer_id else None
        self.stats_dock.feature_picker.show_table(table, request, layer, id_field)
        self.stats_dock.setUserVisible(True)

    def _statistics_scene_clicked(self, view_id: str, _date: str, index: str) -> None:
        """A date clicked in the chart: that scene's index over the same AOI, loaded as a layer,
        through the same runner and backend as the statistics."""
        from .core.errors import LoadByExtentError
        from .core.request import bandmath_request
        from .core.series import index_expression

        params = (self._stats_dock.request or {}).get("params", {})
        try:
            # The chart's figures left cloud pixels out or not: the layer does the same.
            self.controller.submit(bandmath_request(view_id, index_expression(index, params), params.get("geometry"),
                                                    exclude_cover_pixels=bool(params.get("exclude_cover_pixels"))))
        except LoadByExtentError as error:
            self.iface.messageBar().pushWarning(tr("Load By Extent"), str(error))

    def _statistics_series_requested(self, plan: object) -> None:
        """"Load the series": the chart's index of every date, as one task and one layer group,
        through the same runner and backend as the statistics."""
        from .core.errors import LoadByExtentError

        try:
            self.controller.submit_series(plan)
        except LoadByExtentError as error:
            self.iface.messageBar().pushWarning(tr("Load By Extent"), str(error))

    def _toggle_dock(self, checked: bool) -> None:
        self.dock.setUserVisible(checked)

    def _dock_visibility_changed(self, visible: bool) -> None:
        if self.action is not None:
            self.action.setChecked(visible)

    # --- console API ---------------------------------------------------------------------------
    def run_request(self, request: dict, scenes: str | None = None) -> QgsTask:
        """Run a request exactly as the Run button does: same validation (RequestError before
        anything starts), same background task, results loaded on the map the same way.

        `scenes`: a scene folder; None = the folders in the plugin's settings.
        """
        return self.controller.submit(TaskRequest(request), scenes)
