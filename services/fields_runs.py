"""Many-polygon runs announced to the plugin: Processing's fields_stats, once its table is written,
says so here (on the main thread, from postProcessAlgorithm), and the plugin shows the table in the
statistics dock, following the selection of the run's polygon layer. Without the plugin's GUI
(qgis_process, a script without QGIS's window) nobody listens and nothing happens."""

from __future__ import annotations

from qgis.PyQt.QtCore import QObject, pyqtSignal


class FieldsRuns(QObject):
    # The CSV's path, the mt_stats request run (its geometry the polygons' envelope), the id of the
    # project's polygon layer ("" when the polygons came from elsewhere) and its id field.
    tableReady = pyqtSignal(str, dict, str, str)  # noqa: N815 - Qt signal name


FIELDS_RUNS = FieldsRuns()
