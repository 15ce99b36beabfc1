"""The statistics dock: the figures of an mt_stats answer over time, as a chart and as a table.

The data live in core/statistics.py, the drawing in ui/stats_chart.py (no Qt); this dock only renders and emits:
- an index at a time (or all overlaid), the chart in a matplotlib Qt canvas built on first use;
- hover a date: all its figures under the chart; hover a grey marker: why that scene has none;
- click a date: `sceneClicked(view_id, date, index)`, for the plugin to load that scene's index
  over the area of interest of the request (a many-polygon run's: the polygon picked);
- "Load the series": `seriesRequested(plan)`, a core.series.SeriesPlan of the chart's index on every
  date, for the plugin to load as one group for QGIS's Temporal Controller;
- a table of the figures, CSV and PNG export;
- a many-polygon run (core/fields_table.py), a polygon at a time: ui/feature_picker.py.
QGIS does not always ship matplotlib: without it the dock says so, and the table and the CSV
export still work.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from qgis.core import Qgis, QgsMessageLog
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QEvent, Qt, pyqtBoundSignal, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.naming import file_name_part
from ..core.series import SeriesPlan, plan_series
from ..core.statistics import FIGURES, StatsData, error_text, figures_text, format_figure, parse_statistics, to_csv
from ..services.aoi import geojson_area_km2
from ..services.tasks import LOG_TAG
from .feature_picker import FeaturePicker, OpenTableButton
from .series_button import SeriesButton
from .stats_chart import PRINT_COLOURS, ChartArtists, ChartColours, draw_series, save_png
from .theme import ProblemLabel, chart_colours
from .wheel_guard import guard_wheel

if TYPE_CHECKING:  # matplotlib is imported when the chart is first drawn
    from matplotlib.backend_bases import LocationEvent, MouseEvent

PNG_DPI = 150
HOVER_LINES = 5  # the height of the hover text, in lines
CHART_PAGE, TABLE_PAGE = 0, 1
TABLE_COLUMNS = ("date", "view_id", "scene_id", "cloud", *FIGURES)


def load_canvas_classes() -> tuple[type, type]:
    """matplotlib's Figure and its Qt canvas, imported only now (ImportError when QGIS has no matplotlib)."""
    from matplotlib.figure import Figure

    try:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    except ImportError:  # matplotlib < 3.5
        from matplotlib.backends.backend_qt5agg import FigureCanvasQTAgg
    return Figure, FigureCanvasQTAgg


class StatsDock(QgsDockWidget):
    """`show_result(answer, request)` shows an mt_stats answer; `sceneClicked` asks for a scene."""

    sceneClicked = pyqtSignal(str, str, str)  # view_id, date (YYYY-MM-DD), index
    seriesRequested = pyqtSignal(object)  # core.series.SeriesPlan

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LoadByExtentStatsDock")
        self.setWindowTitle(self.tr("Load By Extent — statistics"))
        self.data: StatsData | None = None
        self.request: dict | None = None  # the last request, kept for the click
        self.figure = None
        self.canvas = None
        self.artists: ChartArtists | None = None
        self.chart_available: bool | None = None  # None: matplotlib not tried yet
        self._guide = None
        self._mpl_connections: list[int] = []
        self._qt_connections: list[tuple[pyqtBoundSignal, Callable[..., None]]] = []
        # Where the export dialogs open: the output folder of the settings (set by the plugin), or
        # the folder last saved to from this dock.
        self.output_folder: Callable[[], str] = lambda: os.path.expanduser("~")
        self._folder: str | None = None

        content = QWidget()
        layout = QVBoxLayout(content)
        self.feature_picker = FeaturePicker()  # a many-polygon run's polygon: `feature_picker.show_table(...)`
        self._connect(self.feature_picker.picked, self._show)
        layout.addLayout(self._build_top_row())
        layout.addWidget(self.feature_picker)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("statsSummary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.missing_label = ProblemLabel(self.tr("The chart needs matplotlib, which this QGIS does not have; the "
                                                  "table and CSV export still work."))
        self.missing_label.setObjectName("statsMatplotlibMissing")
        self.missing_label.hide()
        layout.addWidget(self.missing_label)

        self.stack = QStackedWidget()
        self.chart_page = QWidget()
        self.chart_layout = QVBoxLayout(self.chart_page)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(TABLE_COLUMNS))
        self.table.setObjectName("statsTable")
        self.table.setHorizontalHeaderLabels([self.tr("date"), self.tr("view_id"), self.tr("scene"),
                                              self.tr("cloud %"), *FIGURES])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.stack.addWidget(self.chart_page)
        self.stack.addWidget(self.table)
        self.stack.setMinimumHeight(260)
        layout.addWidget(self.stack, 1)

        self.hover_label = QLabel()
        self.hover_label.setObjectName("statsHover")
        self.hover_label.setWordWrap(True)
        self.hover_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # As tall as HOVER_LINES lines whatever it says: a label following its text would resize the
        # chart under the pointer at every date hovered. The whole text is also its tooltip.
        self.hover_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.hover_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.hover_label.setFixedHeight(self.hover_label.fontMetrics().lineSpacing() * HOVER_LINES
                                        + 2 * self.hover_label.margin())
        layout.addWidget(self.hover_label)
        self.message_label = ProblemLabel(problem=False)
        self.message_label.setObjectName("statsMessage")
        layout.addWidget(self.message_label)
        self.setWidget(content)
        self._wheel_guard = guard_wheel(content)
        self._show_hint()
        self._update_buttons()

    def _build_top_row(self) -> QHBoxLayout:
        self.index_combo = QComboBox()
        self.index_combo.setObjectName("statsIndex")
        self.index_combo.setToolTip(self.tr("The index the chart and the table show"))
        self.overlay_check = QCheckBox(self.tr("Overlay all"))
        self.overlay_check.setObjectName("statsOverlay")
        self.overlay_check.setToolTip(self.tr("Draw the median of every index on one chart"))
        self.table_button = self._tool_button("statsTableButton", self.tr("Table"),
                                              self.tr("Show the figures as a table, one row per date"))
        self.table_button.setCheckable(True)
        self.csv_button = self._tool_button("statsCsvButton", self.tr("CSV"),
                                            self.tr("Save every figure of every index as CSV"))
        self.png_button = self._tool_button("statsPngButton", self.tr("PNG"), self.tr("Save the chart as PNG"))
        self.series_button = SeriesButton()
        self.open_button = OpenTableButton(lambda: self._folder or self.output_folder())
        self._connect(self.open_button.tableOpened, self.feature_picker.show_table)
        self._connect(self.open_button.problem, lambda text: self._say(text, problem=True))
        self._connect(self.index_combo.currentIndexChanged, self._index_changed)
        self._connect(self.overlay_check.toggled, self._overlay_toggled)
        self._connect(self.table_button.toggled, self._table_toggled)
        self._connect(self.csv_button.clicked, self.export_csv)
        self._connect(self.png_button.clicked, self.export_png)
        self._connect(self.series_button.seriesRequested, self._series_requested)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Index")))
        row.addWidget(self.index_combo, 1)
        for widget in (self.overlay_check, self.table_button, self.csv_button, self.png_button, self.series_button,
                       self.open_button):
            row.addWidget(widget)
        return row

    @staticmethod
    def _tool_button(name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        return button

    def _connect(self, signal: pyqtBoundSignal, slot: Callable[..., None]) -> None:
        signal.connect(slot)
        self._qt_connections.append((signal, slot))

    # --- showing an answer ------------------------------------------------------------------------
    def show_result(self, answer: dict, request: dict | None = None) -> None:
        """Show an mt_stats answer. `request` (the task request, or its params) names the indices of a
        flat answer and gives the title its dates and area; it is kept for `sceneClicked`."""
        self.feature_picker.clear()
        self.request = request
        self._show(parse_statistics(answer, self._params().get("bm_type")), request)

    def _show(self, data: StatsData, request: dict | None) -> None:
        self.request, self.data = request, data
        previous = self.current_index()
        self.index_combo.blockSignals(True)
        self.index_combo.clear()
        self.index_combo.addItems(list(self.data.indices))
        if previous in self.data.indices:
            self.index_combo.setCurrentIndex(self.data.indices.index(previous))
        self.index_combo.blockSignals(False)
        several = len(self.data.indices) > 1
        self.overlay_check.setEnabled(several)
        self.overlay_check.setToolTip(self.tr("Draw the median of every index on one chart") if several
                                      else self.tr("The answer has one index only"))
        self.summary_label.setText(self._summary())
        self.message_label.clear()
        self._ensure_chart()
        self.redraw()
        self.fill_table()
        self._update_buttons()

    def current_index(self) -> str | None:
        return self.index_combo.currentText() or None

    @property
    def overlay(self) -> bool:
        return self.overlay_check.isChecked() and self.overlay_check.isEnabled()

    def _params(self) -> dict:
        request = self.request if isinstance(self.request, dict) else {}
        params = request.get("params")
        return params if isinstance(params, dict) else request

    def _title(self, indices: list[str] | None = None) -> str:
        """The indices (those drawn, or all), the dates and the area of the request."""
        params = self._params()
        if indices is None:
            indices = list(self.data.indices) if self.data is not None else []
        names = ", ".join(indices)
        start, end = params.get("date_start"), params.get("date_end")
        if not (start and end) and self.data is not None and self.data.dates:
            start, end = self.data.dates[0].isoformat(), self.data.dates[-1].isoformat()
        parts = [self.tr("polygon {id}").format(id=params["feature"])] if params.get("feature") is not None else []
        parts += [names] if names else []
        if start and end:
            parts.append(self.tr("{start} to {end}").format(start=start, end=end))
        pixel, area = params.get("pixel"), geojson_area_km2(params.get("geometry"))
        if isinstance(pixel, dict):  # a pixel's history (ui/pixel_history.py): its point, not the square around it
            parts.append(self.tr("the pixel at {lat}, {lon}").format(lat=f"{pixel['lat']:.5f}", lon=f"{pixel['lon']:.5f}"))
        elif area is not None:
            parts.append(self.tr("{area} km²").format(area=f"{area:,.2f}"))
        return " · ".join(parts)

    def _summary(self) -> str:
        data = self.data
        text = self.tr("{title} · {dates} date(s) with figures").format(title=self._title(), dates=len(data.dates))
        if data.errors:
            text = self.tr("{text} · {errors} scene(s) without figures").format(text=text, errors=len(data.errors))
            self.summary_label.setToolTip("\n".join(error_text(error) for error in data.errors))
        else:
            self.summary_label.setToolTip("")
        return text

    # --- the chart --------------------------------------------------------------------------------
    def _ensure_chart(self) -> bool:
        """Build the matplotlib canvas on first use; say so once if matplotlib is missing."""
        if self.chart_available is None:
            try:
                figure_class, canvas_class = load_canvas_classes()
            except Exception as error:  # ImportError, or a matplotlib built for another Qt
                QgsMessageLog.logMessage(self.tr("No statistics chart: {error}").format(error=error), LOG_TAG,
                                         Qgis.MessageLevel.Info)
                self.chart_available = False
            else:
                self.figure = figure_class(figsize=(6.0, 4.0))
                self.canvas = canvas_class(self.figure)
                self.canvas.setObjectName("statsCanvas")
                self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                self.canvas.setMinimumHeight(240)
                self.chart_layout.addWidget(self.canvas)
                self._mpl_connections = [
                    self.canvas.mpl_connect("motion_notify_event", self._hovered),
                    self.canvas.mpl_connect("button_press_event", self._pressed),
                    self.canvas.mpl_connect("figure_leave_event", self._left),
                ]
                self.chart_available = True
        if not self.chart_available:
            self.missing_label.show()
            self.table_button.setChecked(True)
            self.stack.setCurrentIndex(TABLE_PAGE)
        return bool(self.chart_available)

    def redraw(self, colours: ChartColours | None = None) -> None:
        """Draw the chosen index (or all of them overlaid) again, in `colours` (default: the
        dock's palette, that of the QGIS theme)."""
        if self.canvas is None or self.data is None:
            return
        colours = colours or chart_colours(self.palette())
        if self.overlay:
            indices = list(self.data.indices)
        else:
            current = self.current_index()
            indices = [current] if current else []
        self.artists = draw_series(self.figure, self.data, indices, self.overlay,
                                   title=self._title(indices), colours=colours)
        from matplotlib.lines import Line2D
        from matplotlib.transforms import blended_transform_factory

        axes = self.artists.axes
        self._guide = Line2D([0.0, 0.0], [0.0, 1.0], color=colours.text, linewidth=0.8, linestyle="--", visible=False,
                             transform=blended_transform_factory(axes.transData, axes.transAxes))
        axes.add_artist(self._guide)  # not add_line: the guide must not stretch the x range
        self.canvas.draw()  # now: the hover reads positions of this very layout
        self._show_hint()

    def _show_hint(self) -> None:
        self.hover_label.setToolTip("")
        if self.data is None:
            self.hover_label.setText(self.tr("Statistics appear here when a statistics task ends."))
        elif self.chart_available:
            self.hover_label.setText(self.tr("Hover a date to read its figures; click it to load that scene over the "
                                             "chart's area."))
        else:
            self.hover_label.setText("")

    def _set_guide(self, x: float | None) -> None:
        if self._guide is None:
            return
        visible = x is not None
        if visible:
            self._guide.set_xdata([x, x])
        if visible or self._guide.get_visible():
            self._guide.set_visible(visible)
            self.canvas.draw_idle()

    def _hovered(self, event: MouseEvent) -> None:
        if self.artists is None or self.data is None or event.x is None or event.y is None:
            return
        pick = self.artists.pick(event.x, event.y)
        if pick is None:
            self._set_guide(None)
            self._show_hint()
        elif pick.error is not None:
            self._set_guide(self.artists.error_x[self.artists.errors.index(pick.error)])
            self._show_hover(error_text(pick.error))
        else:
            self._set_guide(next(point.x for point in self.artists.points if point.row is pick.row))
            self._show_hover(figures_text(self.data, pick.index, pick.row.date))

    def _show_hover(self, text: str) -> None:
        self.hover_label.setText(text)
        self.hover_label.setToolTip(text)  # all of it, should the fixed height cut it

    def _left(self, _event: LocationEvent) -> None:
        self._set_guide(None)
        self._show_hint()

    def _pressed(self, event: MouseEvent) -> None:
        if self.artists is None or event.x is None or event.y is None or getattr(event, "dblclick", False):
            return
        if event.button != 1:  # MouseButton.LEFT
            return
        pick = self.artists.pick(event.x, event.y)
        if pick is None or pick.row is None:  # nothing, or a scene in error: nothing to load
            return
        note = self.feature_picker.loading_note()  # a many-polygon run's polygon without its shape, or old table
        if note or not pick.row.view_id:
            self.hover_label.setText(note or self.tr("The answer gives no view_id for the scene of {date}: it cannot "
                                                     "be loaded.").format(date=pick.row.date.isoformat()))
            return
        self.sceneClicked.emit(pick.row.view_id, pick.row.date.isoformat(), pick.index)

    # --- the table --------------------------------------------------------------------------------
    def fill_table(self) -> None:
        """One row per date of the chosen index: date, view_id, scene, cloud and the ten figures."""
        self.table.setRowCount(0)
        index = self.current_index()
        if self.data is None or index is None:
            return
        rows = self.data.series(index).rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            cells = [(row.date.isoformat(), row.date.isoformat()), (row.view_id or "", row.view_id),
                     (row.scene_id, row.scene_id), (format_figure(row.cloud), row.cloud)]
            cells.extend((format_figure(row.figure(name)), row.figure(name)) for name in FIGURES)
            for column, (text, value) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, value)
                if column >= 3:
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()

    # --- reacting -----------------------------------------------------------------------------------
    def _index_changed(self, _position: int) -> None:
        self.redraw()
        self.fill_table()
        self._update_buttons()

    def _overlay_toggled(self, _checked: bool) -> None:
        self.redraw()

    def _table_toggled(self, checked: bool) -> None:
        if not self.chart_available:
            checked = True
        self.stack.setCurrentIndex(TABLE_PAGE if checked else CHART_PAGE)
        if self.table_button.isChecked() != checked:
            self.table_button.setChecked(checked)

    def _update_buttons(self) -> None:
        has_data = self.data is not None
        self.csv_button.setEnabled(has_data)
        self.table_button.setEnabled(has_data and self.chart_available is not False)
        self.png_button.setEnabled(has_data and bool(self.chart_available))
        if self.chart_available is False:
            self.png_button.setToolTip(self.tr("The chart needs matplotlib, which this QGIS does not have"))
        self.series_button.show_plan(self.series_plan(), has_data, self.feature_picker.loading_note())

    def series_plan(self) -> SeriesPlan | None:
        """The chart's index on every date with a view_id, over the request's AOI (core.series)."""
        return plan_series(self.data, self.current_index(), self._params())

    def _series_requested(self, plan: SeriesPlan) -> None:
        self._say(self.tr("Loading of {title} started: its progress and end are in the task list").format(title=plan.title()))
        self.seriesRequested.emit(plan)

    # --- export ---------------------------------------------------------------------------------------
    def _default_name(self, extension: str) -> str:
        params = self._params()
        stem = "_".join(str(part) for part in ("statistics", params.get("reference") or "",
                                                 "-".join(self.data.indices) if self.data else "") if part)
        return os.path.join(self._folder or self.output_folder(), file_name_part(stem, "statistics") + extension)

    def _ask_path(self, title: str, extension: str, file_filter: str) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(self, title, self._default_name(extension), file_filter)
        if not path:
            return None
        if not path.lower().endswith(extension):
            path += extension
        if os.path.dirname(path) != self.output_folder():
            self._folder = os.path.dirname(path) or self._folder
        return path

    def export_csv(self) -> str | None:
        """Ask for a file and write every figure of every index to it as CSV; the path, or None."""
        if self.data is None:
            return None
        path = self._ask_path(self.tr("Save the statistics as CSV"), ".csv", self.tr("CSV files (*.csv)"))
        if path is None:
            return None
        try:
            count = to_csv(self.data, path)
        except OSError as error:
            self._say(self.tr("The CSV could not be saved: {error}").format(error=error), problem=True)
            return None
        self._say(self.tr("{count} row(s) saved in {path}").format(count=count, path=path))
        return path

    def export_png(self) -> str | None:
        """Ask for a file and save the chart in it as PNG; the path, or None."""
        if self.data is None or self.figure is None:
            return None
        path = self._ask_path(self.tr("Save the chart as PNG"), ".png", self.tr("PNG images (*.png)"))
        if path is None:
            return None
        self._set_guide(None)
        self.redraw(PRINT_COLOURS)  # a file is black on white, whatever the theme of the screen
        try:
            save_png(self.figure, path, PNG_DPI)
        except (OSError, ValueError) as error:
            self._say(self.tr("The PNG could not be saved: {error}").format(error=error), problem=True)
            return None
        finally:
            self.redraw()
        self._say(self.tr("Chart saved in {path}").format(path=path))
        return path

    def _say(self, text: str, problem: bool = False) -> None:
        self.message_label.set_problem(problem)
        self.message_label.setText(text)
        if problem:
            QgsMessageLog.logMessage(text, LOG_TAG, Qgis.MessageLevel.Warning)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """The QGIS theme changed: the chart takes its new colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "canvas", None) is not None:
            self.redraw()

    # --- leaving ----------------------------------------------------------------------------------------
    def cleanup(self) -> None:
        """Disconnect what the dock connected (plugin unload); the dock can then be deleted."""
        if self.canvas is not None:
            for connection in self._mpl_connections:
                self.canvas.mpl_disconnect(connection)
        self._mpl_connections = []
        for signal, slot in self._qt_connections:
            with contextlib.suppress(TypeError, RuntimeError):  # already gone
                signal.disconnect(slot)
        self._qt_connections = []
        self.artists = None
        self._guide = None
        self.feature_picker.clear()  # stops following the run's layer
