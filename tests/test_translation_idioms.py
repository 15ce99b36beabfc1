"""One way to translate per layer (docs/developer-guide.md#translations): core/, services/ and plugin.py call
core.i18n's `tr`; ui/ calls `self.tr` in its classes (core's `tr` only in its few functions outside a class);
processing/ calls its algorithms' `self.tr`. Every text translated is a string literal, so that scripts/i18n.py
finds it. A source scan, as tests/test_imports.py."""

from __future__ import annotations

import ast
import os

from test_imports import ROOT, plugin_modules

SELF_TR, TR, TRANSLATE = "self.tr", "tr", "translate"
# What each place may use: (in a class, outside any class).
IDIOMS = {
    "core": ({TR}, {TR}),
    "services": ({TR}, {TR}),
    "plugin.py": ({TR}, {TR}),
    "ui": ({SELF_TR}, {TR}),
    "processing": ({SELF_TR}, set()),
}
# Where the idioms themselves are made: core's tr asks Qt's translate; Processing's tr looks in each class's context.
IMPLEMENTATIONS = {("core/i18n.py", "tr"), ("processing/algorithms.py", "tr")}


def _layer(module: str) -> str:
    return module.split("/")[0] if "/" in module else module


class _Calls(ast.NodeVisitor):
    """Each translation call of a module: (line, idiom, inside a class, its text is a literal)."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.classes = 0
        self.functions: list[str] = []
        self.found: list[tuple[int, str, bool, bool]] = []
        self.imports_core_tr = False
        self.tr_parameters: list[int] = []  # a `tr` handed in: a second idiom, and strings the extraction misses

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802 - ast's name
        self.classes += 1
        self.generic_visit(node)
        self.classes -= 1

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:  # noqa: N802
        arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
        self.tr_parameters += [node.lineno for argument in arguments if argument.arg == "tr"]
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:  # noqa: N802
        if (node.module or "").split(".")[-1] == "i18n" and any(alias.name == "tr" for alias in node.names):
            self.imports_core_tr = True

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        function = node.func
        idiom, text = None, None
        if isinstance(function, ast.Attribute) and function.attr == "tr":
            is_self = isinstance(function.value, ast.Name) and function.value.id == "self"
            idiom, text = (SELF_TR if is_self else f"{ast.unparse(function.value)}.tr"), node.args[:1]
        elif isinstance(function, ast.Name) and function.id == "tr":
            idiom, text = TR, node.args[:1]
        elif isinstance(function, ast.Attribute) and function.attr == "translate" and len(node.args) >= 2:
            idiom, text = TRANSLATE, node.args[:2]
        in_implementation = (self.module, self.functions[-1] if self.functions else "") in IMPLEMENTATIONS
        if idiom is not None and not in_implementation:
            literal = bool(text) and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in text)
            self.found.append((node.lineno, idiom, self.classes > 0, literal))
        self.generic_visit(node)


def idiom_breaches(root: str, modules: list[str]) -> list[str]:
    """`file:line: what` for each translation made otherwise than its layer's idiom."""
    found = []
    for module in modules:
        rules = IDIOMS.get(_layer(module))
        if rules is None:
            continue
        with open(os.path.join(root, module), encoding="utf-8") as stream:
            calls = _Calls(module)
            calls.visit(ast.parse(stream.read(), module))
        for line, idiom, in_class, literal in calls.found:
            allowed = rules[0] if in_class else rules[1]
            where = "in a class" if in_class else "outside a class"
            if idiom not in allowed:
                found.append(f"{module}:{line}: {idiom} {where}")
            elif not literal:
                found.append(f"{module}:{line}: {idiom} of a text that is not a string literal")
            elif idiom == TR and not calls.imports_core_tr:
                found.append(f"{module}:{line}: tr not imported from core.i18n")
        found += [f"{module}:{line}: a tr parameter" for line in calls.tr_parameters]
    return found


def test_each_layer_translates_with_its_own_idiom():
    modules = plugin_modules(ROOT)
    assert "services/task_controller.py" in modules and "processing/algorithms.py" in modules
    assert idiom_breaches(ROOT, modules) == []


def test_the_idiom_check_finds_another_layers_idiom(tmp_path):
    sources = {
        "core/texts.py": "from .i18n import tr\n\n\ndef text(tr=tr):\n    return tr('a')\n",
        "services/controller.py": "class Controller:\n    def say(self):\n        return self.tr('b')\n",
        "ui/form.py": ("from qgis.PyQt.QtCore import QCoreApplication\n\n\nclass Form:\n    def title(self):\n"
                       "        return QCoreApplication.translate('Form', 'c') + self.tr(f'{self}')\n"),
        "ui/helper.py": "def helper(form):\n    return form.tr('d')\n",
        "processing/algorithm.py": "from ..core.i18n import tr\n\n\nclass Algorithm:\n    def name(self):\n"
                                   "        return tr('e')\n",
        "core/fine.py": "from .i18n import tr\n\n\ndef text():\n    return tr('f')\n",
        "ui/fine.py": "from ..core.i18n import tr\n\n\nclass Form:\n    def title(self):\n        return self.tr('g')\n"
                      "\n\ndef helper():\n    return tr('h')\n",
    }
    for name, text in sources.items():
        (tmp_path / os.path.dirname(name)).mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert idiom_breaches(str(tmp_path), plugin_modules(str(tmp_path))) == [
        "core/texts.py:4: a tr parameter",
        "processing/algorithm.py:6: tr in a class",
        "services/controller.py:3: self.tr in a class",
        "ui/form.py:6: translate in a class",
        "ui/form.py:6: self.tr of a text that is not a string literal",
        "ui/helper.py:2: form.tr outside a class",
    ]
