"""The plugin's modules use one another through public names only (a name with a leading underscore
belongs to its module, and what two modules share is made public in the module that owns it), and
the three layers import downwards only: core/ imports neither Qt nor QGIS; services/ (QGIS without
widgets) never imports ui/ nor a widget module; processing/ never imports ui/."""

from __future__ import annotations

import ast
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN_FOLDERS = ("core", "services", "ui", "processing")
PLUGIN_FILES = ("__init__.py", "__main__.py", "plugin.py")


def plugin_modules(root: str) -> list[str]:
    """The plugin's Python files, relative to `root`."""
    found = [name for name in PLUGIN_FILES if os.path.isfile(os.path.join(root, name))]
    for folder in PLUGIN_FOLDERS:
        for directory, folders, files in os.walk(os.path.join(root, folder)):
            folders[:] = [name for name in folders if name != "__pycache__"]
            found += [os.path.relpath(os.path.join(directory, name), root) for name in files if name.endswith(".py")]
    return sorted(found)


def private_imports(root: str, modules: list[str]) -> list[str]:
    """`file:line: module.name` for each private name a module imports from another of the plugin's
    (relative imports, or imports from load_by_extent), at the top or inside a function."""
    found = []
    for name in modules:
        with open(os.path.join(root, name), encoding="utf-8") as stream:
            tree = ast.parse(stream.read(), name)
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom):
                continue
            if not node.level and (node.module or "").split(".")[0] != "load_by_extent":
                continue
            source = "." * node.level + (node.module or "")
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.append(f"{name}:{node.lineno}: {source}.{alias.name}")
    return found


def test_no_module_imports_a_private_name_of_another():
    modules = plugin_modules(ROOT)
    assert "core/remote/search.py" in modules and "plugin.py" in modules
    assert private_imports(ROOT, modules) == []


def test_the_check_finds_a_private_name_imported(tmp_path):
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "owner.py").write_text("def _shared():\n    return 1\n", encoding="utf-8")
    (tmp_path / "core" / "user.py").write_text(
        "from __future__ import annotations\n\nimport os\n\nfrom .owner import _shared\n\n\n"
        "def later():\n    from load_by_extent.core.owner import _shared as again\n\n    return again\n",
        encoding="utf-8")
    assert private_imports(str(tmp_path), plugin_modules(str(tmp_path))) == [
        "core/user.py:5: .owner._shared",
        "core/user.py:9: load_by_extent.core.owner._shared",
    ]


# What each layer may not import: plugin folders (by their first package name) and outside packages.
FORBIDDEN = {
    "core": {"services", "ui", "processing", "qgis", "PyQt5", "PyQt6", "sip"},
    "services": {"ui", "processing", "qgis.gui", "qgis.PyQt.QtWidgets"},
    "processing": {"ui"},
}


def _imported(node: ast.AST, module: str) -> list[str]:
    """Absolute dotted names an import node brings in, plugin ones from the plugin's root
    (`services.tasks`), others as written (`qgis.core`)."""
    package = module.split("/")[:-1]
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        base = ".".join([*package[:len(package) - node.level + 1], *(node.module.split(".") if node.module else [])])
    else:
        name = node.module or ""
        base = name.split(".", 1)[1] if name.startswith("load_by_extent.") else name
    return [f"{base}.{alias.name}" if base else alias.name for alias in node.names]


def layer_breaches(root: str, modules: list[str]) -> list[str]:
    """`file:line: imported` for each import a layer may not make (at the top or inside a function)."""
    found = []
    for name in modules:
        forbidden = FORBIDDEN.get(name.split("/")[0])
        if not forbidden:
            continue
        with open(os.path.join(root, name), encoding="utf-8") as stream:
            tree = ast.parse(stream.read(), name)
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for imported in _imported(node, name):
                    if any(imported == bad or imported.startswith(bad + ".") for bad in forbidden):
                        found.append(f"{name}:{node.lineno}: {imported}")
    return found


def test_each_layer_imports_only_the_layers_below_it():
    modules = plugin_modules(ROOT)
    assert "services/tasks.py" in modules and "processing/algorithms.py" in modules
    assert layer_breaches(ROOT, modules) == []


def test_the_layer_check_finds_an_import_upwards(tmp_path):
    for folder, text in (("core", "from qgis.core import QgsGeometry\n"),
                         ("services", "def later():\n    from ..ui.dock import LoadByExtentDock\n"),
                         ("processing", "from load_by_extent.ui import stats_chart\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "module.py").write_text(text, encoding="utf-8")
    assert layer_breaches(str(tmp_path), plugin_modules(str(tmp_path))) == [
        "core/module.py:1: qgis.core.QgsGeometry",
        "processing/module.py:1: ui.stats_chart",
        "services/module.py:2: ui.dock.LoadByExtentDock",
    ]
