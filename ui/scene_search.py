"""The scene search of the dock: the scenes that meet the AOI, of the scene folders or of the
Processing API, listed in the scene picker; searched in the background, a short pause after the
last change of the AOI, the filters or the datasets. A catalog's first page is listed at once, its
next pages fetched in the background as the user asks for them (core/scene_pages.py)."""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import QgsApplication, QgsTask
from qgis.gui import QgsCheckableComboBox
from qgis.PyQt.QtCore import QObject, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QWidget

from ..core.errors import LoadByExtentError
from ..core.http_raster import is_url
from ..core.scene_pages import MoreScenes
from ..core.scenes import ListedScene
from ..core.sensors import SEARCH_PRODUCTS
from ..services.settings import PluginSettings
from ..services.task_controller import TaskController
from ..services.tasks import SceneSearchTask, search_api, search_more_scenes, search_scene_folders
from .scene_picker import ScenePicker

SEARCH_DELAY_MS = 400  # wait for the user to stop changing filters before scanning folders
# The API's search datasets offered in the dock (docs/task-api.md#scene-search), with their labels.
REMOTE_DATASETS = tuple((str(product.dataset), product.label) for product in SEARCH_PRODUCTS)


class DatasetChoice(QWidget):
    """The API datasets to search, as ticked (remembered for the next session); emits `changed`."""

    changed = pyqtSignal()

    def __init__(self, settings: PluginSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.combo = QgsCheckableComboBox()
        self.combo.setObjectName("datasets")
        for dataset, label in REMOTE_DATASETS:
            self.combo.addItemWithCheckState(label, Qt.CheckState.Unchecked, dataset)
        chosen = settings.remembered("datasets", "sentinel2").split(",")
        self.combo.setCheckedItems([label for dataset, label in REMOTE_DATASETS if dataset in chosen])
        self.combo.checkedItemsChanged.connect(self._ticked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Datasets")))
        layout.addWidget(self.combo, 1)

    def datasets(self) -> list[str]:
        return [dataset for dataset, label in REMOTE_DATASETS if label in self.combo.checkedItems()]

    def _ticked(self, *_args: object) -> None:
        self.settings.remember("datasets", ",".join(self.datasets()))
        self.changed.emit()


class SceneSearch(QObject):
    """Searches for the picker; emits `scenesFound` with the scenes a search listed."""

    scenesFound = pyqtSignal(list)

    def __init__(self, controller: TaskController, picker: ScenePicker, datasets: DatasetChoice,
                 aoi_geojson: Callable[[], dict | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.picker = picker
        self.dataset_choice = datasets
        self.aoi_geojson = aoi_geojson  # the AOI to search with (a MultiPolygon too), None without one
        self.task: SceneSearchTask | None = None
        self.page_task: SceneSearchTask | None = None  # fetching the next pages of the search listed
        self.more: MoreScenes | None = None  # where the next pages of the search listed are
        picker.moreWanted.connect(self.fetch_more)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.search)

    def schedule(self) -> None:
        """Search again shortly; a search under way is for an AOI or filters that are no more: it
        stops now (a catalog's paging too), not when the next one starts."""
        self._stop_task()
        self.timer.start()

    def cancel(self) -> None:
        self.timer.stop()
        self._stop_task()

    def _stop_task(self) -> None:
        """Stop the search and any page of the search listed: a late page must not land in the next list."""
        for task in (self.task, self.page_task):
            if task is not None:
                task.cancel()
        self.task = self.page_task = None
        self.more = None
        self.picker.paging.set_more(False)

    def search(self) -> None:
        """List the scenes that meet the AOI (of the scene folders, or of the API), in the background."""
        self.cancel()  # a search already scheduled or under way would only repeat this one
        aoi = self.aoi_geojson()
        criteria = self.picker.criteria()
        if self.controller.uses_remote():
            try:
                config = self.controller.remote_config()
            except LoadByExtentError as error:
                self._say(str(error))
                return
            datasets = self.dataset_choice.datasets()
            if not datasets:
                self._say(self.tr("Choose the datasets to search."))
                return
            if aoi is None:
                self._say(self.tr("Draw an area of interest to search the API's scenes."))
                return
            search = search_api(config, datasets, aoi, **criteria)
        else:
            stores = self.controller.scene_stores()
            if not stores.stores:
                self._say(self.tr("Add a scene folder in Settings below to list its scenes."))
                return
            search = search_scene_folders(stores, aoi, **criteria)
        task = SceneSearchTask(search)
        task.scenesFound.connect(
            lambda scenes, problems, more, t=task, aoi=aoi is not None: self._found(t, scenes, problems, more, aoi))
        task.failed.connect(lambda message, t=task: self._failed(t, message))
        self.task = task
        remote = self.controller.uses_remote()
        self.picker.set_searching(remote, not remote and aoi is not None
                                  and any(is_url(store.root) for store in self.controller.scene_stores().stores))
        QgsApplication.taskManager().addTask(task)

    def _say(self, text: str) -> None:
        self.picker.set_scenes([], [])
        self.picker.set_message(text)

    def _found(self, task: QgsTask, scenes: list[ListedScene], problems: list[str], more: MoreScenes | None,
               aoi: bool = True) -> None:
        if task is self.task:
            self.task = None
            self.more = more
            self.picker.set_scenes(scenes, problems, aoi, more is not None)
            self.scenesFound.emit(scenes)

    def fetch_more(self) -> None:
        """Fetch the next page of each catalog of the search listed, in the background (once at a time)."""
        if self.more is None or self.task is not None or self.page_task is not None:
            return
        task = SceneSearchTask(search_more_scenes(self.more))
        task.scenesFound.connect(lambda scenes, problems, more, t=task: self._more_found(t, scenes, problems, more))
        task.failed.connect(lambda message, t=task: self._more_found(t, [], [message], self.more))
        self.page_task = task
        self.picker.set_fetching_more()
        QgsApplication.taskManager().addTask(task)

    def _more_found(self, task: QgsTask, scenes: list[ListedScene], problems: list[str],
                    more: MoreScenes | None) -> None:
        if task is self.page_task:  # else a page of a search no longer listed
            self.page_task = None
            self.more = more
            self.picker.add_scenes(scenes, problems, more is not None)
            self.scenesFound.emit(self.picker.scenes)

    def _failed(self, task: QgsTask, message: str) -> None:
        if task is self.task:
            self.task = None
            self._say(message)
