"""The core's messages are translatable without the core depending on Qt (core/i18n.py).

Without Qt (the command line) `tr` returns the English text and importing the core loads no Qt;
inside a Qt application with a translator installed, the core's errors come out translated, the
placeholders filled after translation. Every `tr` call of the core names a string literal with
plain `{name}` placeholders, so that scripts/i18n.py finds it and translations keep the names.
"""

from __future__ import annotations

import ast
import json
import os
import string
import subprocess
import sys
from xml.sax.saxutils import escape

import i18n_script
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORE = os.path.join(ROOT, "core")
# The command line's Python (bin/lbe prefers the system one, which has GDAL).
CLI_PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable

BAD_ZONE_VIEW_ID = "S2/61/U/UU/2017/2/16/0"
ZONE_SOURCE = "{view_id}: UTM zone {zone} is not between 1 and 60"
ZONE_TRANSLATION = "зона UTM {zone} поза межами 1–60 ({view_id})"  # the placeholders move
CANCELLED_TRANSLATION = "скасовано"


def _bad_zone_request(task_request_class):
    return task_request_class({"type": "lbe", "params": {"view_id": BAD_ZONE_VIEW_ID, "bands": ["B04"]}})


def test_without_qt_the_core_speaks_english_and_loads_no_qt():
    script = f"""
import importlib, importlib.util, json, pkgutil, sys
spec = importlib.util.spec_from_file_location("lbe_launcher", {os.path.join(ROOT, "bin", "lbe.py")!r})
launcher = importlib.util.module_from_spec(spec)
spec.loader.exec_module(launcher)
launcher.import_checkout_as_package({ROOT!r})
import load_by_extent.core as core
for info in pkgutil.walk_packages(core.__path__, "load_by_extent.core."):  # every module of the core
    importlib.import_module(info.name)
from load_by_extent.core.errors import RequestError, TaskCancelled
from load_by_extent.core.i18n import tr
from load_by_extent.core.request import TaskRequest
try:
    TaskRequest({{"type": "lbe", "params": {{"view_id": {BAD_ZONE_VIEW_ID!r}, "bands": ["B04"]}}}}).validate()
except RequestError as error:
    message = error.message
qt = sorted(name for name in sys.modules if name.split(".")[0] in ("PyQt5", "PyQt6", "PySide2", "PySide6", "qgis", "sip"))
print(json.dumps({{"qt": qt, "tr": tr({ZONE_SOURCE!r}), "message": message, "cancelled": str(TaskCancelled())}}))
"""
    done = subprocess.run([CLI_PYTHON, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["qt"] == []
    assert answer["tr"] == ZONE_SOURCE
    assert answer["message"] == f"{BAD_ZONE_VIEW_ID}: UTM zone 61 is not between 1 and 60"
    assert answer["cancelled"] == "cancelled"


def _lrelease() -> str:
    """Qt's lrelease, found as scripts/i18n.py finds it; missing, the test fails (make test installs it)."""
    try:
        return i18n_script.load().lrelease()
    except SystemExit as missing:
        pytest.fail(str(missing))


@pytest.fixture
def core_translator(qgis_app, tmp_path):
    """A QTranslator with two core messages in Ukrainian, installed while the test runs."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    tool = _lrelease()
    messages = "".join(
        f"<message><source>{escape(source)}</source><translation>{escape(translation)}</translation></message>"
        for source, translation in ((ZONE_SOURCE, ZONE_TRANSLATION), ("cancelled", CANCELLED_TRANSLATION))
    )
    ts = tmp_path / "core_uk.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="uk">'
        f"<context><name>LoadByExtent</name>{messages}</context></TS>\n",
        encoding="utf-8",
    )
    qm = tmp_path / "core_uk.qm"
    subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)


def test_with_a_translator_the_core_errors_come_out_translated(core_translator):
    from load_by_extent.core.errors import RequestError, TaskCancelled
    from load_by_extent.core.i18n import tr
    from load_by_extent.core.request import TaskRequest

    assert tr(ZONE_SOURCE) == ZONE_TRANSLATION
    with pytest.raises(RequestError) as caught:
        _bad_zone_request(TaskRequest).validate()
    assert caught.value.field == "params.view_id"  # API names stay as they are
    assert caught.value.message == f"зона UTM 61 поза межами 1–60 ({BAD_ZONE_VIEW_ID})"
    assert str(caught.value) == f"params.view_id: зона UTM 61 поза межами 1–60 ({BAD_ZONE_VIEW_ID})"
    assert str(TaskCancelled()) == CANCELLED_TRANSLATION
    assert tr("a message nobody translated") == "a message nobody translated"


def test_without_a_translator_qt_gives_the_english_text(qgis_app):
    from load_by_extent.core.errors import RequestError
    from load_by_extent.core.request import TaskRequest

    with pytest.raises(RequestError) as caught:
        _bad_zone_request(TaskRequest).validate()
    assert caught.value.message == f"{BAD_ZONE_VIEW_ID}: UTM zone 61 is not between 1 and 60"


def _core_sources() -> list[str]:
    paths = []
    for directory, dirs, files in os.walk(CORE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        paths += [os.path.join(directory, name) for name in sorted(files) if name.endswith(".py")]
    return paths


def _tr_calls(path: str) -> list[ast.Call]:
    with open(path, encoding="utf-8") as stream:
        tree = ast.parse(stream.read(), path)
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            function = node.func
            name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", None)
            if name == "tr":
                calls.append(node)
    return calls


def test_every_tr_of_the_core_takes_a_literal_with_named_placeholders():
    problems = []
    count = 0
    for path in _core_sources():
        where = os.path.relpath(path, ROOT)
        for call in _tr_calls(path):
            first = call.args[0] if call.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)) or len(call.args) != 1 \
                    or call.keywords:
                kind = type(first).__name__ if first is not None else "nothing"
                problems.append(f"{where}:{call.lineno}: tr() of {kind}, not of one string literal")
                continue
            count += 1
            for _literal, field, spec, conversion in string.Formatter().parse(first.value):
                if field is None:
                    continue
                if not field.isidentifier() or spec or conversion:
                    problems.append(f"{where}:{call.lineno}: placeholder {{{field}}} of {first.value!r} is not a "
                                    "plain {name} (format the value before, not in the translated text)")
    assert not problems, "\n".join(problems)
    assert count > 200  # the core's messages are there to be found


def test_the_translation_files_list_every_core_message():
    script = i18n_script.load()
    core_messages = [m for m in script.extract() if m.filename.startswith(os.path.join("..", "core") + os.sep)]
    assert core_messages
    for language in script.LANGUAGES:
        listed = script.read_translations(script.ts_path(language))
        missing = [m.source for m in core_messages if (m.context, m.source) not in listed]
        assert not missing, f"run scripts/i18n.py update: {language} lacks {missing[:5]}"
