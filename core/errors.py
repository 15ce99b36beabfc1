"""Errors that name what is wrong.

Every error the plugin shows to a user is one of these: a message in plain words and, where one
thing is to blame, the field of the request (``params.bands``) it concerns. Nothing else should
reach a user; anything else is a bug.
"""

from __future__ import annotations

from .i18n import tr


class LbeError(Exception):
    """Base of every error the plugin reports to users."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        if self.field:
            return f"{self.field}: {self.message}"
        return self.message


class RequestError(LbeError):
    """The request itself is invalid: a wrong field, a missing one, a bad geometry.

    Raised before any work starts; the command line exits with status 2.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message, field)


class SceneNotFoundError(LbeError):
    """The request is valid, but the scene store has no scene with that view_id."""

    def __init__(self, view_id: str, store: str) -> None:
        message = tr("{view_id} is not in the scene store {store}").format(view_id=view_id, store=store)
        super().__init__(message, "params.view_id")
        self.view_id = view_id
        self.store = store


class DataError(LbeError):
    """The scene or its rasters cannot serve the request (unreadable file, band missing,
    AOI outside the scene, metadata file missing)."""


class TaskCancelled(LbeError):  # not an error: the user chose to stop
    """The user cancelled the task; not a failure, nothing is written."""

    def __init__(self) -> None:
        super().__init__(tr("cancelled"))
