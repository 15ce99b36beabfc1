"""Statistics of many polygons on the Processing API: `lbe stats --api-url` and Processing's
`fields_stats` with API_URL.

The API takes one polygon per mt_stats task, so each polygon is one task: the request with the
polygon as its geometry and `<reference>-<id>` as its reference, run through RemoteBackend as any
remote request (the ledger, reuse of an identical earlier task, waits, retries, cancel), one after
the other. The answers are gathered into exactly the table the local processor writes
(core/local/field_stats.py). A polygon whose own task fails (refused, failed on the server, not
done within --max-wait) is one row with its id and the reason, and the next polygon runs; a failure
of the API or the network as a whole (the key refused, no answer after the retries) ends the run.

Each polygon's answer is kept as a JSON file, as `lbe run` keeps an mt_stats answer, so that the
ledger can hand it back when the same polygon is asked again: with a ledger, in the folder
`polygon-answers` next to it; without one, only while the run lasts.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence

from ..errors import LoadByExtentError, RequestError, TaskCancelled
from ..feedback import FeedbackLike, ProgressRange, check_cancelled, report
from ..i18n import tr
from ..local.field_stats import CSV_COLUMNS, Field, table_rows
from ..local.mt_stats import reference_file_stem
from ..request import MtStatsParams, TaskParams, TaskRequest
from ..results import TaskResult
from ..runner import run
from ..statistics import FIGURES, parse_statistics
from .backend import RemoteBackend
from .client import InvalidApiKey, RemoteTaskFailed, RemoteTimeout, RequestRejected

ANSWERS_FOLDER = "polygon-answers"  # next to the ledger: the polygons' answers the ledger points to


def polygon_request(request: TaskRequest, field: Field) -> TaskRequest:
    """The mt_stats request of one polygon: `field` as its geometry, `<reference>-<id>` as its reference."""
    data = request.to_dict()
    params = data["params"]
    params.pop("bbox", None)
    params["geometry"] = field.geometry
    params["reference"] = f"{params.get('reference')}-{'' if field.id is None else field.id}"
    return TaskRequest(data)


def _polygon_failed(error: LoadByExtentError) -> bool:
    """Whether `error` is about one polygon's task (its row says it, the others run) rather than
    about the API or the network as a whole (the run ends)."""
    if isinstance(error, InvalidApiKey):
        return False
    return isinstance(error, (RequestError, RequestRejected, RemoteTaskFailed, RemoteTimeout))


class _PolygonFeedback:
    """One polygon's share of the run's feedback: its progress within its slice, the run's cancel."""

    def __init__(self, feedback: FeedbackLike | None, progress: ProgressRange) -> None:
        self.feedback = feedback
        self.progress = progress

    def isCanceled(self) -> bool:  # noqa: N802 - QgsFeedback's name
        return self.feedback is not None and self.feedback.isCanceled()

    def setProgress(self, progress: float) -> None:  # noqa: N802
        self.progress.set(progress / 100)

    def pushInfo(self, text: str) -> None:  # noqa: N802
        report(self.feedback, text)


def answer_table(answer: object, bm_type: Sequence[str]) -> dict:
    """An API's mt_stats answer (flat or nested, figures as numbers or text, some missing) in the
    shape the table is written from: each scene's figures nested per index, every figure present
    (None when missing), as the local processor gives them. A flat answer's figures are those of
    the request's first index, as the table takes them."""
    data = parse_statistics(answer, list(bm_type)[:1])
    items: dict[tuple, dict] = {}
    for name in data.indices:
        for row in data.series(name).rows:
            key = (row.date, row.scene_id, row.view_id)
            item = items.setdefault(key, {"date": row.date.isoformat(), "scene_id": row.scene_id,
                                          "view_id": row.view_id, "cloud": row.cloud, "indexes": {}})
            item["indexes"][name] = {figure: row.figure(figure) for figure in FIGURES}
    errors = [{"date": error.date.isoformat() if error.date else "", "scene_id": error.scene_id,
               "view_id": error.view_id, "error": error.reason} for error in data.errors]
    return {"result": list(items.values()), "errors": errors}


def failure_row(field: Field, reason: str) -> list[str]:
    """The row of a polygon whose task failed: its id and the reason."""
    values = {"id": "" if field.id is None else str(field.id), "error": reason}
    return [values.get(column, "") for column in CSV_COLUMNS]


class RemoteFieldsBackend:
    """The table of `fields` for an mt_stats request, one task per polygon on the API of `remote`
    (its configuration, ledger and `force`), for the runner (which stages the table and moves it
    into place only once whole)."""

    name = "remote"

    def __init__(self, remote: RemoteBackend, fields: Sequence[Field]) -> None:
        self.remote = remote
        self.fields = list(fields)
        self.task_ids: list[str] = []

    def execute(self, request: TaskRequest, params: TaskParams, workspace: str,
                feedback: FeedbackLike | None) -> TaskResult:
        if not isinstance(params, MtStatsParams):
            raise RequestError(tr("statistics of many polygons take an mt_stats request"), "type")
        ledger = self.remote.ledger
        answers_folder = (os.path.join(os.path.dirname(ledger.path), ANSWERS_FOLDER) if ledger is not None
                          else os.path.join(workspace, ANSWERS_FOLDER))  # removed with the staging folder
        progress = ProgressRange(feedback, 0, 100)
        rows: list[list[str]] = []
        failed = 0
        for number, field in enumerate(self.fields):
            check_cancelled(feedback)
            message = tr("polygon {number} of {count} ({id})")
            report(feedback, message.format(number=number + 1, count=len(self.fields), id=field.id))
            backend = RemoteBackend(self.remote.config, ledger, force=self.remote.force)
            try:
                result = run(polygon_request(request, field), backend, answers_folder,
                             _PolygonFeedback(feedback, progress.sub(number, len(self.fields))))
            except TaskCancelled:
                raise
            except LoadByExtentError as error:
                if not _polygon_failed(error) or (feedback is not None and feedback.isCanceled()):
                    raise
                report(feedback, tr("polygon {id}: {reason}").format(id=field.id, reason=error))
                rows.append(failure_row(field, str(error)))
                failed += 1
                continue
            if result.details.get("task_id"):
                self.task_ids.append(result.details["task_id"])
            # the answer, new or reused (an unreadable reused one runs anew): RemoteBackend reads it
            rows.extend(table_rows([field], [answer_table(result.details.get("result"), params.bm_type)], params))
            progress.sub(number, len(self.fields)).set(1)
        check_cancelled(feedback)
        path = os.path.join(workspace, f"{reference_file_stem(params.reference)}.csv")
        with open(path, "w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(CSV_COLUMNS)
            writer.writerows(rows)
        details = {"reference": params.reference, "bm_type": list(params.bm_type),
                   "date_start": params.date_start.isoformat(), "date_end": params.date_end.isoformat(),
                   "fields": len(self.fields), "rows": len(rows), "failed_polygons": failed,
                   "task_ids": list(self.task_ids)}
        return TaskResult("mt_stats", "csv", (path,), details)

    def after_commit(self, result: TaskResult) -> None:
        """Nothing to note: each polygon's task was noted in the ledger as it ended."""
