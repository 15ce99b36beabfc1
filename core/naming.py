"""The names results take on the map: a result's layer group, its layers (sensor, date, bands), and
a name numbered when it is taken. Pure text: the layers themselves are made in services/."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .display import file_stem
from .errors import LoadByExtentError
from .expressions import split_expressions
from .i18n import tr
from .results import TaskResult
from .sensors import parse_view_id

# No dots: a file's name up to its first dot is what its sidecars share (X.jpg, X.wld, X.jpg.aux.xml).
_UNSAFE_IN_FILE_NAMES = re.compile(r"[^A-Za-z0-9_+-]+")


def file_name_part(text: str, fallback: str, max_length: int = 80) -> str:
    """`text` made safe as part of a file name (letters, digits, `_ + -`; runs of anything else
    become one `_`), at most `max_length` characters; `fallback` when nothing is left."""
    return _UNSAFE_IN_FILE_NAMES.sub("_", text).strip("_")[:max_length] or fallback


def result_group_name(result: TaskResult) -> str:
    """The layer group of a result: `S2/33/U/UU/2017/2/16/0 · lbe B04 B03 B02` (a visual: `· jpeg
    B08 B04 B03`)."""
    scene = result.details.get("view_id") or file_stem(result.files[0] if result.files else "")
    request = " ".join([result.task_type, *requested_bands(result)])
    return tr("{scene} · {request}").format(scene=scene, request=request)


def requested_bands(result: TaskResult) -> list[str]:
    """The bands (or expressions) the request asked for: a visual's are those of its `bm_type`."""
    bands = result.details.get("bands")
    if bands:
        return list(bands)
    bm_type = result.details.get("bm_type") if result.task_type == "jpeg" else None
    if isinstance(bm_type, str):
        try:
            return [part for part in split_expressions(bm_type) if part]
        except LoadByExtentError:
            return [bm_type]
    return list(bm_type or [])


def numbered_name(name: str, taken: Callable[[str], bool]) -> str:
    """`name`, or `name (2)`, `(3)` ... the first that `taken` does not hold."""
    candidate, number = name, 1
    while taken(candidate):
        number += 1
        candidate = f"{name} ({number})"
    return candidate


def layer_name(view_id: str | None, bands: Sequence[str], fallback: str = "") -> str:
    """A layer's name: sensor, date and bands, `S2 2017-02-16 B04 B03 B02` or `L8 2015-08-04 B8`.

    `fallback` (a file name, say) stands in for sensor and date when `view_id` is missing or unknown.
    """
    band_text = " ".join(bands)
    try:
        scene = parse_view_id(view_id) if view_id else None
    except LoadByExtentError:
        scene = None
    if scene is None:
        return " ".join(part for part in (fallback or view_id or "", band_text) if part)
    if scene.date is None:
        return " ".join(part for part in (scene.sensor.code, scene.scene_name, band_text) if part)
    return tr("{sensor} {date} {bands}").format(
        sensor=scene.sensor.code, date=scene.date.isoformat(), bands=band_text
    ).strip()
