"""Qt translations (.qm compiled from resources/translations/*.ts) and Dutch/English
formatting of dates. Core messages (`HervestError`) use `app.i18n` with the same language."""

from __future__ import annotations

import datetime as dt
import os

from app import i18n as core
from app.resources import resource_path
from ui import settings
from ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = resource_path("translations")
_installed: list[QTranslator] = []
_current = ["en"]


def language() -> str:
    """The language of the running UI (set by `install`)."""
    return _current[0]


def core_text(key: str, **params: object) -> str:
    """A message of the core catalogue (`app.i18n`) in the UI's language; named apart from
    `tr` so lupdate does not take the key for an English source text."""
    return core.tr(key, language(), **params)


def install(code: str | None = None) -> str:
    """Load the translation for `code` (default: the setting) into the running app."""
    code = code or settings.language()
    _current[0] = code
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    os.environ["HERVEST_LANG"] = code  # core messages follow the UI language
    QLocale.setDefault(QLocale(QLocale.Language.Dutch if code == "nl"
                               else QLocale.Language.English, QLocale.Country.Netherlands
                               if code == "nl" else QLocale.Country.UnitedKingdom))
    # Qt's own strings (Cancel, OK, context menus) from the translations shipped with Qt.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for folder, name in ((qt_dir, f"qtbase_{code}.qm"), (str(TRANSLATIONS), f"hervest_{code}.qm")):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return code


def format_date(value: dt.date | str | None) -> str:
    """Dutch UI: 14-03-1987; English UI: 14 Mar 1987. Partial dates ("1987-03") keep
    only what is known."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        parts = value.split("-")
        if len(parts) == 1:
            return parts[0]
        if len(parts) == 2:
            return f"{parts[1]}-{parts[0]}" if language() == "nl" else \
                dt.date(int(parts[0]), int(parts[1]), 1).strftime("%b %Y")
        value = dt.date.fromisoformat(value[:10])
    if language() == "nl":
        return value.strftime("%d-%m-%Y")
    return f"{value.day} {value.strftime('%b %Y')}"
