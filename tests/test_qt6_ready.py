"""Ready for Qt6 / QGIS 4: the plugin's code reaches every Qt and QGIS enum member through its enum
type (`QgsTask.Flag.CanCancel`, never `QgsTask.CanCancel`, which PyQt6 no longer has), calls `exec()`
(not `exec_()`), and imports Qt only through `qgis.PyQt`.

The scan needs no list of enums: it reads each file's imports from `qgis` (qgis.core, qgis.gui,
qgis.PyQt.*, ...), resolves every `Name.attr` chain rooted at one of them against the running QGIS,
and flags an attribute that is an enum member reached through a class other than its enum type."""

from __future__ import annotations

import ast
import configparser
import enum
import importlib
import os
from collections.abc import Iterator
from dataclasses import dataclass

from qgis.PyQt.QtCore import Qt

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The metaclass of Qt's enums in the running binding: sip's enumtype (PyQt5), Python's EnumMeta (PyQt6).
QT_ENUM_META = type(Qt.AlignmentFlag)
UNRESOLVED = object()


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    found: str
    use: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.found} -> {self.use}"


def is_enum_type(value) -> bool:
    return isinstance(value, (enum.EnumMeta, QT_ENUM_META))


def is_enum_member(value) -> bool:
    return isinstance(value, enum.Enum) or isinstance(type(value), QT_ENUM_META)


def qt_or_qgis_module(module: str) -> bool:
    return module.split(".")[0] in ("qgis", "PyQt5", "PyQt6")


def import_bindings(tree: ast.AST) -> dict[str, tuple[str, str | None]]:
    """Local name -> (module, attribute or None for the module itself), for imports from Qt or QGIS."""
    bindings = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if qt_or_qgis_module(alias.name):
                    if alias.asname:
                        bindings[alias.asname] = (alias.name, None)
                    else:
                        top = alias.name.split(".")[0]
                        bindings[top] = (top, None)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and qt_or_qgis_module(node.module):
            for alias in node.names:
                if alias.name != "*":
                    bindings[alias.asname or alias.name] = (node.module, alias.name)
    return bindings


def resolve_binding(module: str, name: str | None):
    try:
        imported = importlib.import_module(module)
    except ImportError:
        return UNRESOLVED
    if name is None:
        return imported
    value = getattr(imported, name, UNRESOLVED)
    if value is UNRESOLVED:  # a submodule: `from qgis.PyQt import QtCore`
        try:
            value = importlib.import_module(f"{module}.{name}")
        except ImportError:
            return UNRESOLVED
    return value


def dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def scoped_spelling(owner_spelling: str, owner, attr: str, member) -> str:
    """How to write `owner.attr` through the member's enum type, spelled from `owner` where it holds
    the enum type (as `QgsWkbTypes.GeometryType` does in every version), from the type's own name
    otherwise."""
    enum_type = type(member)
    names = [name for name in dir(owner) if getattr(owner, name, None) is enum_type]
    member_name = attr if getattr(enum_type, attr, None) is member else getattr(member, "name", attr)
    if names:
        name = enum_type.__name__ if enum_type.__name__ in names else sorted(names)[0]
        return f"{owner_spelling}.{name}.{member_name}"
    return f"{enum_type.__qualname__}.{member_name}"


def scan_source(source: str, path: str = "<snippet>") -> list[Finding]:
    """Unscoped Qt/QGIS enum members, `exec_()` calls and direct PyQt5/PyQt6 imports in `source`."""
    tree = ast.parse(source, filename=path)
    bindings = import_bindings(tree)
    resolved: dict[str, object] = {}

    def resolve(node: ast.AST):
        """The object an expression of names and attributes stands for, or UNRESOLVED."""
        if isinstance(node, ast.Name):
            if node.id not in bindings:
                return UNRESOLVED
            if node.id not in resolved:
                resolved[node.id] = resolve_binding(*bindings[node.id])
            return resolved[node.id]
        if isinstance(node, ast.Attribute):
            base = resolve(node.value)
            return UNRESOLVED if base is UNRESOLVED else getattr(base, node.attr, UNRESOLVED)
        return UNRESOLVED

    findings = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            if node.attr == "exec_":
                findings.append(Finding(path, node.lineno, f"{dotted(node) or '...exec_'}()", "exec()"))
                continue
            owner_spelling = dotted(node.value)
            if owner_spelling is None:
                continue
            owner = resolve(node.value)
            if owner is UNRESOLVED or not isinstance(owner, type) or is_enum_type(owner):
                continue
            member = getattr(owner, node.attr, UNRESOLVED)
            if is_enum_member(member):
                findings.append(
                    Finding(path, node.lineno, f"{owner_spelling}.{node.attr}",
                            scoped_spelling(owner_spelling, owner, node.attr, member)))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for module in modules:
                top = module.split(".")[0]
                if top in ("PyQt5", "PyQt6"):
                    findings.append(Finding(path, node.lineno, f"import of {module}",
                                            "qgis.PyQt" + module[len(top):]))
    return sorted(findings, key=lambda finding: (finding.path, finding.line, finding.found))


def plugin_sources() -> Iterator[str]:
    """Every .py file of the checkout, outside hidden folders (.venv, .git, ...)."""
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(folder, name)


def scan_plugin() -> list[Finding]:
    findings = []
    for path in plugin_sources():
        with open(path, encoding="utf-8") as file:
            findings += scan_source(file.read(), os.path.relpath(path, ROOT))
    return findings


def test_the_plugin_spells_every_qt_and_qgis_enum_scoped_and_imports_qt_through_qgis():
    sources = list(plugin_sources())
    relative = {os.path.relpath(path, ROOT) for path in sources}
    # The scan sees the whole plugin (and what the scan reads from itself stays out of hidden folders).
    assert {"plugin.py", "__init__.py", os.path.join("tests", "test_qt6_ready.py")} <= relative
    assert not any(part.startswith(".") for path in relative for part in path.split(os.sep))
    findings = scan_plugin()
    assert not findings, "unscoped enums, exec_() or direct PyQt imports:\n" + "\n".join(map(str, findings))


def test_the_metadata_declares_qt6_support_the_scan_vouches_for():
    metadata = configparser.ConfigParser()
    metadata.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    assert metadata["general"].getboolean("supportsQt6") is True


def test_the_scan_flags_an_enum_member_reached_through_its_class():
    snippet = (
        "from qgis.core import Qgis, QgsTask\n"
        "from qgis.PyQt.QtCore import Qt\n"
        "from qgis.PyQt import QtWidgets\n"
        "flags = QgsTask.CanCancel | QgsTask.Flag.CanReportProgress\n"
        "level = Qgis.Critical\n"
        "align = Qt.AlignLeft\n"
        "policy = QtWidgets.QSizePolicy.Expanding\n"
        "import qgis.core\n"
        "level = qgis.core.Qgis.Info\n"
    )
    found = {(finding.line, finding.found, finding.use) for finding in scan_source(snippet, "snippet.py")}
    assert found == {
        (4, "QgsTask.CanCancel", "QgsTask.Flag.CanCancel"),
        (5, "Qgis.Critical", "Qgis.MessageLevel.Critical"),
        (6, "Qt.AlignLeft", "Qt.AlignmentFlag.AlignLeft"),
        (7, "QtWidgets.QSizePolicy.Expanding", "QtWidgets.QSizePolicy.Policy.Expanding"),
        (9, "qgis.core.Qgis.Info", "qgis.core.Qgis.MessageLevel.Info"),
    }
    assert str(scan_source(snippet, "snippet.py")[0]) == "snippet.py:4: QgsTask.CanCancel -> QgsTask.Flag.CanCancel"


def test_the_scan_accepts_scoped_members_and_names_it_does_not_know():
    snippet = (
        "from qgis.core import Qgis, QgsTask, QgsWkbTypes\n"
        "from qgis.PyQt.QtCore import Qt\n"
        "flags = QgsTask.Flag.CanCancel | QgsTask.Flag.CanReportProgress\n"
        "level = Qgis.MessageLevel.Critical\n"
        "kind = QgsWkbTypes.GeometryType.PolygonGeometry\n"
        "align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop\n"
        "method = QgsTask.addSubTask\n"
        "class Local:\n"
        "    CanCancel = 1\n"
        "other = Local.CanCancel\n"
        "text = 'QgsTask.CanCancel and dialog.exec_() in a string'\n"
    )
    assert scan_source(snippet) == []


def test_the_scan_flags_exec_underscore_and_direct_pyqt_imports():
    snippet = (
        "import PyQt5.QtCore\n"
        "from PyQt6.QtWidgets import QDialog\n"
        "from qgis.PyQt.QtWidgets import QMessageBox\n"
        "QMessageBox().exec_()\n"
        "QMessageBox().exec()\n"
    )
    found = [(finding.line, finding.use) for finding in scan_source(snippet)]
    assert found == [(1, "qgis.PyQt.QtCore"), (2, "qgis.PyQt.QtWidgets"), (4, "exec()")]
