"""Settings (language, idle lock), the help dialog with every shortcut, and About
(version, database schema, device id: what a help desk asks for first)."""

from __future__ import annotations

import html

import app
from app.store import Store
from ui import settings
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    translate,
)
from ui.widgets import add_rows, ok_cancel


def _t(text: str) -> str:
    return translate("Help", text)


def shortcuts() -> list[tuple[str, str]]:
    return [
        ("Ctrl+F", _t("Search cases")), ("Ctrl+1 … Ctrl+8", _t("Go to a page (left list)")),
        ("Ctrl+M", _t("Choose the mission")), ("Enter", _t("Open the selected case")),
        ("Ctrl+W", _t("Close the open case or form tab")),
        ("Ctrl+Tab", _t("Next open tab")), ("Ctrl+S", _t("Save the form (as draft)")),
        ("F5", _t("Sync with HQ now")), ("Ctrl+E", _t("Export a bundle for USB")),
        ("Ctrl+P", _t("Print a report (PDF)")),
        ("Ctrl+L", _t("Lock now")), ("Ctrl+,", _t("Settings")), ("F1", _t("This help")),
        ("Shift+F1", _t("About Hervest (version, device)")),
        ("P / A / E / U", _t("Attendance grid: present, absent, excused, not recorded")),
        ("Alt + underlined letter", _t("Jump to a field or button")),
        ("Ctrl+Q", _t("Quit")),
    ]


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, store: Store | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Help", "Keyboard shortcuts"))
        self.resize(560, 460)
        view = QTextBrowser()
        rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in shortcuts())
        view.setHtml(f"<h3>{translate('Help', 'Keyboard shortcuts')}</h3>"
                     f"<table cellpadding='4'>{rows}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if store is not None:
            about = QPushButton(translate("Help", "&About Hervest…"))
            about.setObjectName("about")
            about.clicked.connect(lambda: AboutDialog(store, self).exec())
            buttons.addButton(about, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)


class AboutDialog(QDialog):
    """The one version number (pyproject.toml), the schema of the open database and this
    laptop's device id, selectable so they can be read out or pasted to the help desk."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("About", "About Hervest"))
        rows = ((translate("About", "Version"), app.__version__),
                (translate("About", "Database schema"), str(store.schema_version)),
                (translate("About", "Device id"), store.device_id),
                (translate("About", "Enrolled with"), store.meta("sync_server_url")
                 or translate("About", "not enrolled")))
        summary = translate("About", "Resettlement selection missions, offline first; all "
                                     "data encrypted on this laptop.")
        self.text = QLabel(
            f"<h3>Hervest</h3><p>{html.escape(summary)}</p><table cellpadding='3'>" + "".join(
                f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
                for k, v in rows) + "</table>")
        self.text.setObjectName("aboutText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Settings", "Settings"))
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language())))
        self.idle = QDoubleSpinBox()
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(1, 240)
        self.idle.setDecimals(0)
        self.idle.setValue(settings.idle_minutes())
        self.idle.setSuffix(translate("Settings", " min"))
        add_rows(form, ((translate("Settings", "&Language"), self.language),
                        (translate("Settings", "&Lock after idle"), self.idle)))
        buttons = ok_cancel(self, self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        settings.set_language(self.language.currentData())
        settings.set_idle_minutes(self.idle.value())
        super().accept()
