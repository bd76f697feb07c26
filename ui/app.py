"""`hervest` with no arguments: the desktop app on the default database in the user's
data folder. First start makes a database (or a demo mission); later starts unlock it."""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli.common import default_db_path
from app.resources import resource_path
from app.store import Store
from app.store.keyslots import KeyFile
from ui import i18n, settings
from ui.qt import QApplication, QGuiApplication, QIcon, Qt, QWidget

ICON = resource_path("icons", "hervest.svg")


def make_application() -> QApplication:
    """The QApplication with high-DPI scaling, icon and the chosen language."""
    app = QApplication.instance()
    if app is None:
        # Fractional scaling (125 %, 150 %) as the screen asks, not rounded to whole steps.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Hervest")
    app.setOrganizationName("Hervest")
    settings.harden()
    app.setWindowIcon(QIcon(str(ICON)))
    i18n.install()
    return app  # type: ignore[return-value]


def has_database(path: Path) -> bool:
    return path.exists() and KeyFile.path_for(path).exists()


def start_dialog(path: Path, parent: QWidget | None = None) -> Store | None:
    """The first-start or unlock dialog; the unlocked store, or None if cancelled."""
    from ui.start import FirstStartDialog, UnlockDialog

    dialog = UnlockDialog(path, parent) if has_database(path) else FirstStartDialog(path, parent)
    return dialog.store if dialog.exec() else None


def run() -> int:
    app = make_application()
    store = start_dialog(default_db_path())
    if store is None:
        return 0
    from ui.main_window import MainWindow

    window = MainWindow(store)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
