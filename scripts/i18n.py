#!/usr/bin/env python3
"""The plugin's translations: extract the translatable strings into i18n/*.ts, compile to .qm.

  i18n.py update    every translatable string of the plugin into i18n/load_by_extent_<lang>.ts,
                    keeping the translations already there (strings gone from the code are marked
                    obsolete, new ones unfinished)
  i18n.py compile   i18n/*.ts -> i18n/*.qm with Qt's lrelease
  i18n.py check     exit 1 when a source string is missing from a .ts file, or a translation drops
                    or invents a {placeholder}

Translatable strings are found in the Python syntax tree (never by running the code):
`self.tr("...")` (context: the enclosing class, as PyQt's tr() uses it), `tr("...")` (the module-level
helpers, context "LoadByExtent") and `QCoreApplication.translate("Context", "...")`.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
I18N = os.path.join(ROOT, "i18n")
LANGUAGES = ("uk", "es")
SOURCE_FOLDERS = ("core", "services", "ui", "processing")
SOURCE_FILES = ("plugin.py",)
DEFAULT_CONTEXT = "LoadByExtent"
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z_0-9]*)\}")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    filename: str  # relative to i18n/
    line: int


def _sources() -> list[str]:
    paths = [os.path.join(ROOT, name) for name in SOURCE_FILES]
    for folder in SOURCE_FOLDERS:
        for directory, dirs, files in os.walk(os.path.join(ROOT, folder)):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            paths += [os.path.join(directory, name) for name in sorted(files) if name.endswith(".py")]
    return paths


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


class _Finder(ast.NodeVisitor):
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.classes: list[str] = []
        self.found: list[Message] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802 - ast's name
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        function = node.func
        if isinstance(function, ast.Attribute) and function.attr == "tr" and node.args:
            text = _literal(node.args[0])
            if text is not None and isinstance(function.value, ast.Name) and function.value.id == "self":
                self._add(self.classes[-1] if self.classes else DEFAULT_CONTEXT, text, node)
        elif isinstance(function, ast.Name) and function.id == "tr" and node.args:
            text = _literal(node.args[0])
            if text is not None:
                self._add(DEFAULT_CONTEXT, text, node)
        elif isinstance(function, ast.Attribute) and function.attr == "translate" and len(node.args) >= 2:
            context, text = _literal(node.args[0]), _literal(node.args[1])
            if context is not None and text is not None:
                self._add(context, text, node)
        self.generic_visit(node)

    def _add(self, context: str, text: str, node: ast.AST) -> None:
        self.found.append(Message(context, text, os.path.relpath(self.filename, I18N), node.lineno))


def extract() -> list[Message]:
    """Every translatable string of the plugin, in source order, each (context, text) once."""
    messages: dict[tuple[str, str], Message] = {}
    for path in _sources():
        with open(path, encoding="utf-8") as stream:
            tree = ast.parse(stream.read(), path)
        finder = _Finder(path)
        finder.visit(tree)
        for message in finder.found:
            messages.setdefault((message.context, message.source), message)
    return list(messages.values())


def ts_path(language: str) -> str:
    return os.path.join(I18N, f"load_by_extent_{language}.ts")


def read_translations(path: str) -> dict[tuple[str, str], str]:
    """(context, source) -> translation of a .ts file (finished or not; empty when none)."""
    if not os.path.exists(path):
        return {}
    translations = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = translation.text if translation is not None and translation.text else ""
            translations[(name, message.findtext("source", ""))] = text
    return translations


def write_ts(path: str, language: str, messages: list[Message], translations: dict[tuple[str, str], str]) -> None:
    root = ET.Element("TS", version="2.1", language=language)
    by_context: dict[str, list[Message]] = {}
    for message in messages:
        by_context.setdefault(message.context, []).append(message)
    current = {(m.context, m.source) for m in messages}
    for context in sorted(by_context):
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context
        for message in by_context[context]:
            item = ET.SubElement(element, "message")
            ET.SubElement(item, "location", filename=message.filename, line=str(message.line))
            ET.SubElement(item, "source").text = message.source
            translated = translations.get((context, message.source), "")
            translation = ET.SubElement(item, "translation")
            if translated:
                translation.text = translated
            else:
                translation.set("type", "unfinished")
    for (context, source), translated in sorted(translations.items()):
        if (context, source) in current or not translated:
            continue
        element = next((c for c in root.iter("context") if c.findtext("name") == context), None)
        if element is None:
            element = ET.SubElement(root, "context")
            ET.SubElement(element, "name").text = context
        item = ET.SubElement(element, "message")
        ET.SubElement(item, "source").text = source
        translation = ET.SubElement(item, "translation", type="vanished")
        translation.text = translated
    ET.indent(root, space="    ")
    with open(path, "w", encoding="utf-8") as stream:
        stream.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        stream.write(ET.tostring(root, encoding="unicode"))
        stream.write("\n")


def update() -> int:
    messages = extract()
    for language in LANGUAGES:
        path = ts_path(language)
        write_ts(path, language, messages, read_translations(path))
        print(f"{path}: {len(messages)} strings")
    return 0


def lrelease() -> str:
    for name in ("lrelease", "lrelease-qt5", "/usr/lib/qt5/bin/lrelease"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("i18n: Qt's lrelease is not installed (Debian: qttools5-dev-tools)")


def compile_all() -> int:
    tool = lrelease()
    for language in LANGUAGES:
        source = ts_path(language)
        target = source[:-3] + ".qm"
        subprocess.run([tool, "-silent", source, "-qm", target], check=True)
        print(target)
    return 0


def problems() -> list[str]:
    """What is wrong with the .ts files: strings missing, placeholders lost or invented."""
    found = []
    messages = extract()
    for language in LANGUAGES:
        path = ts_path(language)
        translations = read_translations(path)
        for message in messages:
            key = (message.context, message.source)
            if key not in translations:
                found.append(f"{os.path.basename(path)}: missing [{message.context}] {message.source!r}")
                continue
            translated = translations[key]
            if not translated:
                found.append(f"{os.path.basename(path)}: untranslated [{message.context}] {message.source!r}")
            elif sorted(PLACEHOLDER.findall(translated)) != sorted(PLACEHOLDER.findall(message.source)):
                found.append(f"{os.path.basename(path)}: placeholders differ in [{message.context}] "
                             f"{message.source!r} -> {translated!r}")
    return found


def check() -> int:
    found = problems()
    for line in found:
        print(line)
    return 1 if found else 0


def main() -> int:
    commands = {"update": update, "compile": compile_all, "check": check}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]]()


if __name__ == "__main__":
    sys.exit(main())
