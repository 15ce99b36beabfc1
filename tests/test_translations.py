"""Translations: every source string is in the .ts files, translated, with its placeholders; the
plugin loads the translation of the user's language."""

from __future__ import annotations

import os
import shutil

import i18n_script
import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _i18n_module():
    """scripts/i18n.py, loaded afresh (tests change its folder)."""
    return i18n_script.load()


@pytest.fixture(scope="module")
def compiled(tmp_path_factory) -> str:
    """The .qm files of i18n/, compiled (as `make transcompile` does)."""
    i18n = _i18n_module()
    i18n.compile_all()
    return os.path.join(ROOT, "i18n")


def test_every_source_string_is_translated_with_its_placeholders():
    problems = _i18n_module().problems()
    assert problems == [], "\n".join(problems[:20])


def test_the_checker_catches_a_missing_string_and_a_dropped_placeholder(tmp_path, monkeypatch):
    i18n = _i18n_module()
    for language in i18n.LANGUAGES:
        shutil.copy(i18n.ts_path(language), tmp_path / os.path.basename(i18n.ts_path(language)))
    monkeypatch.setattr(i18n, "I18N", str(tmp_path))
    assert i18n.problems() == []
    path = i18n.ts_path("es")
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    # a translation that drops a placeholder, and a string removed from the file
    message = next(m for m in i18n.extract() if "{" in m.source)
    translated = i18n.read_translations(path)[(message.context, message.source)]
    placeholder = i18n.PLACEHOLDER.search(translated).group(0)
    broken = text.replace(translated.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
                          translated.replace(placeholder, "").replace("&", "&amp;"), 1)
    missing = next(m for m in i18n.extract() if "{" not in m.source and m.context == "LoadByExtentDock")
    broken = broken.replace(f"<source>{missing.source}</source>", "<source>gone</source>", 1)
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(broken)
    problems = i18n.problems()
    assert any("placeholders differ" in line and "load_by_extent_es.ts" in line for line in problems), problems
    assert any("missing" in line and repr(missing.source) in line for line in problems), problems


@pytest.mark.parametrize(("language", "run"), [("uk", "Виконати"), ("es", "Ejecutar")])
def test_the_plugin_loads_the_translation_of_the_user_language(compiled, qgis_app, language, run):
    import load_by_extent.plugin as plugin_module

    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", language)
    try:
        assert plugin_module.user_language() == language
        translator = plugin_module.install_translator()
        assert translator is not None
        try:
            assert QCoreApplication.translate("LoadByExtentDock", "Run") == run
        finally:
            QCoreApplication.removeTranslator(translator)
        assert QCoreApplication.translate("LoadByExtentDock", "Run") == "Run"
    finally:
        for key, value in zip(("locale/overrideFlag", "locale/userLocale"), saved):
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)
