"""ui/ stays a set of small widgets: no file over MAX_LINES, and the dock is layout and wiring that
knows no task type by name (each type's form, in ui/task_form.make_forms, does)."""

from __future__ import annotations

import ast
import os

from load_by_extent.core import api_rules

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UI = os.path.join(ROOT, "ui")
MAX_LINES = 500


def long_files(folder: str, limit: int = MAX_LINES) -> list[str]:
    """`name: lines` of each Python file in `folder` longer than `limit` lines."""
    found = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            with open(os.path.join(folder, name), encoding="utf-8") as stream:
                lines = sum(1 for _line in stream)
            if lines > limit:
                found.append(f"{name}: {lines}")
    return found


def task_type_literals(path: str) -> list[str]:
    """`line: "type"` for each string literal in the file that is a task type."""
    with open(path, encoding="utf-8") as stream:
        tree = ast.parse(stream.read())
    return [f"{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and node.value in api_rules.TASK_TYPES]


def test_no_ui_file_is_longer_than_the_limit():
    assert long_files(UI) == []


def test_a_long_file_is_found(tmp_path):
    (tmp_path / "short.py").write_text("x = 1\n" * MAX_LINES)
    (tmp_path / "long.py").write_text("x = 1\n" * (MAX_LINES + 1))
    assert long_files(str(tmp_path)) == [f"long.py: {MAX_LINES + 1}"]


def test_the_dock_names_no_task_type():
    assert task_type_literals(os.path.join(UI, "dock.py")) == []
    named = task_type_literals(os.path.join(UI, "crop_form.py"))  # where a type is named: its form
    assert [text.split(": ", 1)[1] for text in named] == ["'lbe'"]
