"""Progress and cancellation, shared by every executor.

Inside QGIS the executors receive a ``QgsFeedback`` (or ``QgsProcessingFeedback``); on the
command line and in tests they receive :class:`Feedback`, a plain object with the same method
names. Executors only ever call ``isCanceled()``, ``setProgress()`` and, through
:func:`report`, ``pushInfo()`` where the object has it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Protocol, TextIO

from .errors import TaskCancelled


class FeedbackLike(Protocol):
    def isCanceled(self) -> bool: ...  # noqa: N802 - QgsFeedback's name

    def setProgress(self, progress: float) -> None: ...  # noqa: N802


class Feedback:
    """A QgsFeedback look-alike for code that runs without QGIS."""

    def __init__(self) -> None:
        self._canceled = False
        self.progress = 0.0
        self.messages: list[str] = []

    def isCanceled(self) -> bool:  # noqa: N802
        return self._canceled

    def cancel(self) -> None:
        self._canceled = True

    def setProgress(self, progress: float) -> None:  # noqa: N802
        self.progress = progress

    def pushInfo(self, text: str) -> None:  # noqa: N802
        self.messages.append(text)


class ConsoleFeedback(Feedback):
    """Writes progress and messages to stderr, for the command line."""

    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__()
        self._stream = stream or sys.stderr
        self._shown = -1

    def setProgress(self, progress: float) -> None:  # noqa: N802
        super().setProgress(progress)
        step = int(progress // 10) * 10
        if step > self._shown:
            self._shown = step
            self._say(f"progress {step}%")

    def pushInfo(self, text: str) -> None:  # noqa: N802
        super().pushInfo(text)
        self._say(text)

    def _say(self, text: str) -> None:
        try:
            self._stream.write(text + "\n")
            self._stream.flush()
        except (AttributeError, OSError, ValueError):  # stderr closed or full: progress is not the result
            pass


def report(feedback: FeedbackLike | None, text: str) -> None:
    """Pass a message to the feedback object if it takes messages."""
    push = getattr(feedback, "pushInfo", None)
    if push is not None:
        push(text)


def check_cancelled(feedback: FeedbackLike | None) -> None:
    if feedback is not None and feedback.isCanceled():
        raise TaskCancelled()


def cancel_check(feedback: FeedbackLike | None) -> Callable[[], bool]:
    """A callable saying whether the task was cancelled, for GDAL callbacks and worker threads."""
    return feedback.isCanceled if feedback is not None else (lambda: False)


class ProgressRange:
    """Maps the progress of one step (0..100) into a slice of the whole task's progress."""

    def __init__(self, feedback: FeedbackLike | None, start: float, end: float) -> None:
        self.feedback = feedback
        self.start = start
        self.end = end

    def set(self, fraction: float) -> None:
        if self.feedback is not None:
            fraction = min(max(fraction, 0.0), 1.0)
            self.feedback.setProgress(self.start + (self.end - self.start) * fraction)

    def sub(self, index: int, count: int) -> ProgressRange:
        width = (self.end - self.start) / max(count, 1)
        return ProgressRange(self.feedback, self.start + width * index, self.start + width * (index + 1))
