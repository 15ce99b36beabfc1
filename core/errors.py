"""Errors that name what is wrong.

Every error the plugin shows to a user is one of these: a message in plain words and, where one
thing is to blame, the field of the request (``params.bands``) it concerns. Nothing else should
reach a user; anything else is a bug.
"""

from __future__ import annotations

import re

from .i18n import tr

# Messages quote what users and servers gave (a view_id, a value, a server's answer): a run of
# non-space characters is cut past MAX_SHOWN_WORD (long enough for the deepest real file paths)
# and a message past MAX_SHOWN_MESSAGE, and
# control characters (ANSI escape sequences that would drive the terminal, line breaks that would
# forge a second line) are shown escaped, as Python's repr() does.
MAX_SHOWN_WORD = 500
MAX_SHOWN_MESSAGE = 4000
ELLIPSIS = "\u2026"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LONG_WORD = re.compile(rf"\S{{{MAX_SHOWN_WORD + 1},}}")


def shown(text: str) -> str:
    """`text` made safe to show on one line: control characters escaped, long runs cut."""
    text = _CONTROL.sub(lambda match: repr(match.group())[1:-1] if match.group() not in "\t" else " ", str(text))
    text = _LONG_WORD.sub(lambda match: match.group()[:MAX_SHOWN_WORD] + ELLIPSIS, text)
    if len(text) > MAX_SHOWN_MESSAGE:
        text = text[:MAX_SHOWN_MESSAGE] + ELLIPSIS
    return text


class LoadByExtentError(Exception):
    """Base of every error the plugin reports to users; its message is shown() safe. Every one
    takes the message first, then the field it concerns."""

    def __init__(self, message: str, field: str | None = None) -> None:
        message = shown(message)
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        if self.field:
            return f"{self.field}: {self.message}"
        return self.message


class RequestError(LoadByExtentError):
    """The request itself is invalid: a wrong field, a missing one, a bad geometry.

    Raised before any work starts; the command line exits with status 2.
    """

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message, field)


class SceneNotFoundError(LoadByExtentError):
    """The request is valid, but the scene store has no scene with that view_id."""

    def __init__(self, view_id: str, store: str) -> None:
        message = tr("{view_id} is not in the scene store {store}").format(view_id=view_id, store=store)
        super().__init__(message, "params.view_id")
        self.view_id = view_id
        self.store = store


class DataError(LoadByExtentError):
    """The scene or its rasters cannot serve the request (unreadable file, band missing,
    AOI outside the scene, metadata file missing)."""


class TaskCancelled(LoadByExtentError):  # not an error: the user chose to stop
    """The user cancelled the task; not a failure, nothing is written."""

    def __init__(self) -> None:
        super().__init__(tr("cancelled"))
