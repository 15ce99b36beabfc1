"""The plugin's modules use one another through public names only: a name with a leading underscore
belongs to its module, and what two modules share is made public in the module that owns it."""

from __future__ import annotations

import ast
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN_FOLDERS = ("core", "ui", "processing")
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
            if not node.level and not (node.module or "").split(".")[0] == "load_by_extent":
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
