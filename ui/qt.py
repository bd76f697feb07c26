"""The one module that imports PySide6 (as Anki's aqt/qt): the rest of `ui` imports Qt names
from here, so a Qt upgrade or a binding switch touches one file."""

# ruff: noqa: F401, F403
from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import *
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import *
from PySide6.QtWidgets import *


def translate(context: str, text: str, disambiguation: str | None = None,
              n: int = -1) -> str:
    """Translate outside a QObject (lupdate reads these calls);
    `n` fills %n with the plural form."""
    return QCoreApplication.translate(context, text, disambiguation, n)
