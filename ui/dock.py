"""The Load By Extent dock: what, where, which scene, which bands, go, watch.

Widgets only render and emit; the request is built by core.request and validated by it, so the
dock shows exactly the errors the command line would give, under the field they concern, before
anything runs.
"""

from __future__ import annotations

import contextlib

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProject,
    QgsRectangle,
    QgsReferencedRectangle,
)
from qgis.gui import QgisInterface, QgsCollapsibleGroupBox, QgsDockWidget, QgsScrollArea
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import LoadByExtentError, RequestError
from ..core.local.observations import beyond_scene_note
from ..core.request import (
    LbeParams,
    TaskParams,
    TaskRequest,
    new_reference,
)
from ..core.results import predicted_result
from ..core.scenes import ListedScene
from ..core.sensors import SceneId
from ..services.settings import LOCAL, REMOTE, SCENE_FOLDERS, PluginSettings
from ..services.task_controller import TaskController, TaskRecord
from .aoi_section import AoiSection
from .area_of_interest import AreaOfInterest
from .connection_test import ConnectionTest
from .map_zoom import cannot_show_text, zoom_canvas
from .pixel_history import PixelHistory
from .request_preview import RequestPreview
from .scene_picker import ScenePicker
from .scene_search import DatasetChoice, SceneSearch
from .settings_widget import EDITED as EDITED_SETTINGS
from .settings_widget import SettingsWidget
from .store_check import StoreCheck
from .task_form import TaskForm, make_forms
from .task_list import TaskList
from .theme import ProblemLabel
from .wheel_guard import guard_wheel


def _problem_label() -> ProblemLabel:
    label = ProblemLabel()
    label.hide()
    return label


class LoadByExtentDock(QgsDockWidget):
    def __init__(self, iface: QgisInterface, controller: TaskController, settings: PluginSettings, project: QgsProject,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LoadByExtentDock")
        self.setWindowTitle(self.tr("Load By Extent"))
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.controller = controller
        self.settings = settings
        self.project = project  # where results load and AOIs are transformed: the plugin's project
        self.aoi = AreaOfInterest(self.canvas, project)
        self.forms = make_forms()  # one per task type, in the order of the task combo
        self.reference = new_reference(next(iter(self.forms)))  # renewed when the task type changes and after each run
        self.request: TaskRequest | None = None  # the valid request of the form, or None
        self.params: TaskParams | None = None  # its validated params, handed to the run
        self._scene_source = self._scenes_come_from()
        self.store_check = StoreCheck(controller, settings, self)  # the request against the scene folders
        self.store_check.answered.connect(self.refresh)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)  # the group boxes have margins of their own: room in a narrow dock
        layout.addLayout(self._build_task_row())
        self.aoi_section = AoiSection(iface, self.aoi)
        layout.addWidget(self.aoi_section)
        layout.addWidget(self._build_scene_group())
        self.form_groups: dict[str, QgsCollapsibleGroupBox] = {}
        self.problem_labels = {"aoi": self.aoi_section.problem, "scene": self.scene_problem}
        for form in self.forms.values():
            layout.addWidget(self._build_form_group(form))
        stats_form = next(form for form in self.forms.values() if hasattr(form, "pixelHistoryRequested"))
        self.pixel_history = PixelHistory(iface, controller, project, stats_form.parameters, self)
        stats_form.pixelHistoryRequested.connect(self.pixel_history.start)
        layout.addWidget(self._build_options_group())
        layout.addWidget(self._build_task_group())
        layout.addWidget(self._build_settings_group())
        layout.addStretch(1)
        self.scroll_area = QgsScrollArea()
        self.scroll_area.setObjectName("dockScrollArea")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)
        # Run stays put at the bottom of the dock, outside what scrolls: messages appearing above
        # it in the form, or its own above it, never move it from under the pointer.
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setObjectName("runButton")
        self.run_button.clicked.connect(self.run)
        self.run_problem = _problem_label()
        self.run_problem.setObjectName("runProblem")
        self.problem_labels.update(options=self.options_problem, run=self.run_problem)
        run_bar = QVBoxLayout()
        run_bar.setContentsMargins(6, 2, 6, 6)
        run_bar.addWidget(self.run_problem)
        run_bar.addWidget(self.run_button)
        frame = QWidget()
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(0, 0, 0, 0)
        frame_layout.setSpacing(0)
        frame_layout.addWidget(self.scroll_area, 1)
        frame_layout.addLayout(run_bar)
        self.setWidget(frame)
        self._wheel_guard = guard_wheel(frame)

        self.aoi.changed.connect(self._aoi_changed)
        self.scene_picker.filtersChanged.connect(self.scene_search.schedule)
        self.scene_picker.viewIdChanged.connect(self._view_id_changed)
        controller.recordAdded.connect(self.task_list.add)
        controller.recordChanged.connect(self.task_list.update_record)
        for record in reversed(controller.records):
            self.task_list.add(record)
        self.task_list.cancelRequested.connect(controller.cancel)
        self.task_list.runAgainRequested.connect(self._run_again)
        self.task_list.zoomRequested.connect(self._zoom_to_record)
        self.task_list.resumeRequested.connect(self._resume)
        self.task_list.clearFinishedRequested.connect(controller.clear_finished)
        controller.recordsRemoved.connect(self.task_list.remove)
        settings.changed.connect(self._settings_changed)  # from its own editor or the Options page

        self.visibilityChanged.connect(self._visibility_changed)
        for form in self.forms.values():
            form.recall(settings)
        self._backend_changed()
        self._task_type_changed()
        self._aoi_changed()
        self.refresh()

    # --- building the form ---------------------------------------------------------------------
    def _build_task_row(self) -> QHBoxLayout:
        self.task_combo = QComboBox()
        self.task_combo.setObjectName("taskType")
        for task_type, form in self.forms.items():
            self.task_combo.addItem(form.label(), task_type)
        remembered = self.task_combo.findData(self.settings.remembered("task_type", next(iter(self.forms))))
        self.task_combo.setCurrentIndex(max(remembered, 0))
        self.task_combo.currentIndexChanged.connect(self._task_type_changed)
        self.task_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.task_combo.setMinimumContentsLength(16)  # a narrow dock may cut "Statistics over time (mt_stats)"
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Task")))
        row.addWidget(self.task_combo, 1)
        return row

    def _build_scene_group(self) -> QgsCollapsibleGroupBox:
        group = QgsCollapsibleGroupBox(self.tr("Scene"))
        self.run_local = QRadioButton(self.tr("local processor"))
        self.run_local.setObjectName("runLocal")
        self.run_remote = QRadioButton(self.tr("Processing API"))
        self.run_remote.setObjectName("runRemote")
        (self.run_remote if self.settings.backend == REMOTE else self.run_local).setChecked(True)
        self.run_remote.toggled.connect(self._backend_changed)
        self.connection_test = ConnectionTest(self.controller.remote_config)
        self.connection_test.failed.connect(
            lambda text: self.iface.messageBar().pushMessage(self.tr("Load By Extent"), text, Qgis.MessageLevel.Warning))
        self.dataset_choice = DatasetChoice(self.settings)
        # The choices one under the other: whole in a narrow dock.
        backend_row = QGridLayout()
        backend_row.addWidget(QLabel(self.tr("Run on")), 0, 0)
        backend_row.addWidget(self.run_local, 0, 1)
        backend_row.addWidget(self.run_remote, 1, 1)
        backend_row.setColumnStretch(2, 1)
        self.scene_picker = ScenePicker(self.canvas)
        self.scene_picker.zoomFailed.connect(self._say_cannot_zoom)
        self.scene_search = SceneSearch(self.controller, self.scene_picker, self.dataset_choice, self._search_aoi, self)
        self.scene_search.scenesFound.connect(self._scenes_found)
        self.dataset_choice.changed.connect(self.scene_search.schedule)
        self.scene_problem = _problem_label()
        box = QVBoxLayout(group)
        box.addLayout(backend_row)
        box.addWidget(self.connection_test)
        box.addWidget(self.dataset_choice)
        box.addWidget(self.scene_picker)
        box.addWidget(self.scene_problem)
        return group

    def _build_form_group(self, form: TaskForm) -> QgsCollapsibleGroupBox:
        group = QgsCollapsibleGroupBox(form.title())
        self.form_groups[form.task_type] = group
        form.changed.connect(self.refresh)
        problem = self.problem_labels[form.section] = _problem_label()
        box = QVBoxLayout(group)
        box.addWidget(form)
        box.addWidget(problem)
        return group

    def task_type(self) -> str:
        return self.task_combo.currentData()

    def form(self) -> TaskForm:
        """The form of the chosen task type."""
        return self.forms[self.task_type()]

    def _task_type_changed(self) -> None:
        task_type = self.task_type()
        self.settings.remember("task_type", task_type)
        for each_type, group in self.form_groups.items():
            group.setVisible(each_type == task_type)
        for form in self.forms.values():
            if form.options is not None:
                form.options.setVisible(form.task_type == task_type)
        self.scene_picker.set_view_id_shown(self.form().takes_view_id)
        self.reference = new_reference(task_type)
        self.refresh()

    def _build_options_group(self) -> QgsCollapsibleGroupBox:
        group = QgsCollapsibleGroupBox(self.tr("Options"))
        self.options_group = group
        self.prediction_label = QLabel()
        self.prediction_label.setObjectName("predictionLabel")
        self.prediction_label.setWordWrap(True)
        self.options_problem = _problem_label()
        self.request_preview = RequestPreview(self.settings)
        box = QVBoxLayout(group)
        for form in self.forms.values():  # the options of a task type (the crop's merge and metadata)
            if form.options is not None:
                box.addWidget(form.options)
        box.addWidget(self.prediction_label)
        box.addWidget(self.options_problem)
        box.addWidget(self.request_preview)
        return group

    def _build_task_group(self) -> QgsCollapsibleGroupBox:
        group = QgsCollapsibleGroupBox(self.tr("Tasks"))
        self.task_list = TaskList()
        box = QVBoxLayout(group)
        box.addWidget(self.task_list)
        return group

    def _build_settings_group(self) -> QgsCollapsibleGroupBox:
        group = QgsCollapsibleGroupBox(self.tr("Settings"))
        group.setObjectName("settingsGroup")
        group.setSaveCollapsedState(False)  # open exactly when there is no scene folder yet
        group.setCollapsed(bool(self.settings.scene_folders))
        self.settings_widget = SettingsWidget(self.settings, auto_save=True)
        box = QVBoxLayout(group)
        box.addWidget(self.settings_widget)
        return group

    # --- area of interest ------------------------------------------------------------------------
    def _aoi_changed(self) -> None:
        self.scene_search.schedule()
        self.refresh()

    # --- scenes ------------------------------------------------------------------------------------
    def _search_aoi(self) -> dict | None:
        """The AOI the scene search looks with: any valid one (a MultiPolygon too), else none."""
        if not self.aoi.is_set:
            return None
        try:
            return self.aoi.geojson(allow_multipolygon=True)
        except RequestError:
            return None

    def _scenes_found(self, scenes: list[ListedScene]) -> None:
        for form in self.forms.values():
            form.follow_scenes([scene.date for scene in scenes])

    def _backend_changed(self) -> None:
        remote = self.run_remote.isChecked()
        self.settings.backend = REMOTE if remote else LOCAL
        self.dataset_choice.setVisible(remote)
        self.connection_test.set_shown(remote)
        self.scene_picker.set_scenes([], [])
        self.scene_search.schedule()
        self.refresh()

    def _view_id_changed(self, _text: str, scene_id: SceneId | None) -> None:
        scene = self.scene_picker.scene(scene_id.view_id) if scene_id else None
        available = scene.bands if scene is not None else None
        sensor = scene_id.sensor if scene_id else None
        for form in self.forms.values():
            form.set_sensor(sensor, available)
        self.refresh()

    # --- the request -------------------------------------------------------------------------------
    def build_request(self) -> TaskRequest:
        """The request the form describes (possibly invalid: validate it)."""
        form = self.form()
        try:
            geometry = self.aoi.geojson(allow_multipolygon=form.allows_multipolygon)
        except RequestError:
            geometry = None
        return form.request(self.scene_picker.view_id(), geometry, self.reference)

    def _section(self, field: str | None) -> str:
        """The section of the form whose field an error names ("run" when it names none)."""
        sections = {"params.geometry": "aoi", "params.bbox": "aoi", "params.view_id": "scene", **self.form().fields}
        return sections.get(field or "", "run")

    def check_form(self) -> tuple[dict[str, str], TaskRequest, TaskParams | None]:
        """What stops the form from running, by section ("aoi", "scene", "bands", "options", "run");
        the request the form makes, and its params when it is valid. What the scene folders say
        of a valid request comes later, from the background check (`store_check`)."""
        found: dict[str, str] = {}
        form = self.form()
        if not self.aoi.is_set:
            found["aoi"] = self.tr("Draw an area of interest or take it from a source above.")
        else:
            try:
                self.aoi.geojson(allow_multipolygon=form.allows_multipolygon)
            except RequestError as error:
                found["aoi"] = error.message
        problem = form.problem()
        if problem:
            found[form.section] = problem
        request = self.build_request()
        try:
            params = request.validate()
        except RequestError as error:
            section = self._section(error.field)
            found.setdefault(section, error.message if section != "run" else str(error))
            return found, request, None
        if self.controller.uses_remote():
            if not self.settings.auth_config_id:
                found["run"] = self.tr("Set the API key in Settings below (Processing API).")
        elif not self.settings.scene_folders:
            found["run"] = self.tr("Add a scene folder in Settings below.")
        elif not found:
            verdict = self.store_check.verdict(request)
            if verdict is not None and verdict[1]:
                field, message = verdict
                found[self._section(field)] = message
        return found, request, params

    # --- the request against the scene folders (in the background) ------------------------------
    def refresh(self, *_args: object) -> None:
        """Validate the form, show problems under their sections, the predicted result and the JSON."""
        problems, request, params = self.check_form()
        shown_by_form = {"scene": self.scene_picker.view_id_status}
        shown_by_form.update((form.section, form.explanation) for form in self.forms.values() if form.explanation)
        for key, label in self.problem_labels.items():
            text = problems.get(key, "")
            form_line = shown_by_form.get(key)
            # Once, where the field is: the form's own ✗ line says it already, or this label replaces it.
            said = form_line is not None and bool(text) and text in form_line.text()
            label.setText(text)
            label.setVisible(bool(text) and not said)
            if key == "scene":
                self.scene_picker.view_id_status.setVisible(
                    self.form().takes_view_id and (not text or said))
        self.request_preview.show_request(request)
        pending = not problems and self.store_check.pending
        self.request = None if problems or pending else request
        self.params = params if self.request is not None else None
        self.run_button.setEnabled(self.request is not None)
        if pending:
            tip = self.tr("Checking the request against the scene folders…")
        else:
            tip = next(iter(problems.values()), self.tr("Run the task in the background"))
        self.run_button.setToolTip(tip)
        self.prediction_label.setText(self._prediction(params))

    def _prediction(self, params: TaskParams | None) -> str:
        if params is None:
            return self.tr("→ the result type shows here once the request is valid")
        text = self.form().prediction(params, predicted_result(params))
        beyond = beyond_scene_note(params.scene.view_id, params.geometry, self.scene_picker.scenes) \
            if isinstance(params, LbeParams) else None
        return f"{text}\n{beyond}" if beyond else text

    # --- running -------------------------------------------------------------------------------------
    def run(self) -> None:
        self.refresh()
        if self.request is None:
            return
        limit = self.settings.aoi_limit_km2
        area = self.aoi.area_km2()
        if area > limit:
            answer = QMessageBox.question(
                self, self.tr("Large area of interest"),
                self.tr("The area of interest covers {area} km², more than the {limit} km² set in Settings. Run anyway?")
                .format(area=f"{area:,.0f}", limit=f"{limit:,.0f}"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.controller.submit(self.request, params=self.params)
        except LoadByExtentError as error:
            self.run_problem.setText(str(error))
            self.run_problem.show()
            return
        for form in self.forms.values():
            form.remember(self.settings)
        self.reference = new_reference(self.task_type())  # the next run is another request
        self.refresh()

    def _run_again(self, record: TaskRecord) -> None:
        try:
            self.controller.run_again(record)
        except LoadByExtentError as error:
            self.iface.messageBar().pushWarning(self.tr("Load By Extent"), str(error))

    def _resume(self, record: TaskRecord) -> None:
        try:
            self.controller.resume(record)
        except LoadByExtentError as error:
            self.iface.messageBar().pushWarning(self.tr("Load By Extent"), str(error))

    def _zoom_to_record(self, record: TaskRecord) -> None:
        layers = [self.project.mapLayer(layer_id) for layer_id in record.layer_ids]
        layers = [layer for layer in layers if layer is not None]
        if not layers:
            return
        # A result's files are cut on one scene's grid: their extents combine in the first one's CRS
        # (a layer in another CRS, which the plugin does not make, is brought into it).
        crs = layers[0].crs()
        extent = QgsRectangle(layers[0].extent())
        for layer in layers[1:]:
            try:
                extent.combineExtentWith(QgsCoordinateTransform(layer.crs(), crs, self.project)
                                         .transformBoundingBox(layer.extent()))
            except QgsCsException:
                continue
        if not zoom_canvas(self.canvas, QgsReferencedRectangle(extent, crs)):
            self._say_cannot_zoom(cannot_show_text(
                self.canvas, self.tr("the result of {task}").format(task=record.description)))

    def _say_cannot_zoom(self, text: str) -> None:
        self.iface.messageBar().pushMessage(self.tr("Load By Extent"), text, Qgis.MessageLevel.Warning)

    def _scenes_come_from(self) -> tuple:
        settings = self.settings
        return (tuple(settings.scene_folders), settings.backend, settings.api_url, settings.search_url,
                settings.auth_config_id)

    def _settings_changed(self, changed: list[str]) -> None:
        if any(name in changed for name in EDITED_SETTINGS):
            # A change of the scene folders, or OK in the Options dialog, has them read again.
            self.apply_settings(rescan=SCENE_FOLDERS in changed)

    def apply_settings(self, rescan: bool = False) -> None:
        """The settings changed. The scene folders are indexed and the scenes listed again only when
        `rescan` or where the scenes come from changed: the dock's settings are saved at every
        keystroke, and a new AOI size limit must not walk every scene folder again."""
        scene_source = self._scenes_come_from()
        if rescan or scene_source != self._scene_source:
            self._scene_source = scene_source
            self.controller.refresh_stores()
            self.store_check.forget()
            self.scene_search.schedule()
        self.refresh()

    def _visibility_changed(self, visible: bool) -> None:
        """The AOI and footprints are on the map while the dock is open; drawing stops when it closes."""
        self.aoi.set_shown(visible)
        self.scene_picker.set_shown(visible)
        if not visible:
            self.aoi_section.restore_map_tool()

    # --- leaving ------------------------------------------------------------------------------------
    def cleanup(self) -> None:
        """Remove what the dock put on the canvas and stop its timers and searches (unload)."""
        self.scene_search.cancel()
        self.store_check.stop()
        self.visibilityChanged.disconnect(self._visibility_changed)
        self.aoi_section.remove_tools()
        self.pixel_history.cleanup()
        self.aoi.remove()
        self.scene_picker.remove_from_canvas()
        for signal, slot in ((self.controller.recordAdded, self.task_list.add),
                             (self.controller.recordChanged, self.task_list.update_record),
                             (self.controller.recordsRemoved, self.task_list.remove),
                             (self.settings.changed, self._settings_changed)):
            with contextlib.suppress(TypeError):
                signal.disconnect(slot)
