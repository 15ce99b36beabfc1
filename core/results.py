"""What a task leaves behind: files on disk and, for statistics, plain data."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class TaskResult:
    task_type: str
    result_type: str  # tif / jp2 / zip, and later jpeg / png / tiff / json
    files: tuple[str, ...]  # absolute paths; the first is the main result, sidecars follow it
    details: dict = field(default_factory=dict)  # view_id, bands, reference ...

    def with_files(self, files: tuple[str, ...]) -> TaskResult:
        return replace(self, files=files)

    def to_json_dict(self) -> dict:
        """The object the command line prints."""
        return {"type": self.task_type, "result_type": self.result_type, "files": list(self.files), **self.details}


def no_scene_text(answer: object, params: dict) -> str | None:
    """For an mt_stats answer without a figure and without a scene in `errors` (no scene met the
    AOI within the dates): a sentence saying so plainly; None for any other answer."""
    from .i18n import tr

    if not isinstance(answer, dict) or answer.get("result") or answer.get("errors"):
        return None
    return tr("No scene meets the AOI between {start} and {end}").format(
        start=params.get("date_start", "?"), end=params.get("date_end", "?"))
