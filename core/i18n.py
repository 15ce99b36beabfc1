"""Translation of the core's user-visible messages, without making the core depend on Qt.

The core runs in two worlds. Inside QGIS its errors, notes and progress messages reach the user
through the dock, and must speak the user's language: the plugin installs a QTranslator, and
``QCoreApplication.translate("LoadByExtent", text)`` finds the translation. On the command line
(``bin/lbe``) and in the pure tests there is no Qt at all, and the core must not pull it in (a
PyQt import costs time, and a machine may have GDAL without Qt): the messages stay in English.

So :func:`tr` never imports Qt. It looks in ``sys.modules`` for a Qt that something else (QGIS,
the plugin, a test) has already loaded, and asks that Qt's ``QCoreApplication.translate``; without
one it returns the text unchanged.

Write ``tr("literal text with {named} placeholders").format(named=value)``: the first argument a
string literal, so that ``scripts/i18n.py`` finds it in the syntax tree (context "LoadByExtent"; services/
and ui/'s functions outside a class use this ``tr`` too: docs/developer-guide.md#translations), and formatted
after translation, so that a translation may move the placeholders. Never an f-string or a concatenation
inside ``tr``: the translated text would be looked up under a source that exists in no .ts file. Call ``tr``
when the message is built, never at import time (a constant translated at import misses the translator
installed later).
"""

from __future__ import annotations

import sys

CONTEXT = "LoadByExtent"

# Where a Qt already loaded by someone else is found, in order; qgis.PyQt.QtCore re-exports the
# binding's module, which is loaded as well, but looking it up first costs nothing.
QT_CORE_MODULES = ("qgis.PyQt.QtCore", "PyQt5.QtCore", "PyQt6.QtCore")


def tr(text: str) -> str:
    """`text` translated by the QTranslators of the running Qt application, if Qt is loaded;
    `text` unchanged otherwise (the command line speaks English)."""
    for name in QT_CORE_MODULES:
        module = sys.modules.get(name)
        application = getattr(module, "QCoreApplication", None) if module is not None else None
        if application is not None:
            return application.translate(CONTEXT, text)
    return text
