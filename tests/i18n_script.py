"""scripts/i18n.py (the translations' update and compile script), loaded as a module for tests."""

from __future__ import annotations

import importlib.util
import os
import sys
from types import ModuleType

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load() -> ModuleType:
    """scripts/i18n.py, loaded afresh (tests change its folder)."""
    spec = importlib.util.spec_from_file_location("lbe_i18n_script", os.path.join(ROOT, "scripts", "i18n.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module
