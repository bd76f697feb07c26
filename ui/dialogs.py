"""Settings (language, idle lock) and the help dialog with every shortcut."""

from __future__ import annotations

from ui import settings
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
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
        ("Ctrl+L", _t("Lock now")), ("Ctrl+,", _t("Settings")), ("F1", _t("This help")),
        ("P / A / E / U", _t("Attendance grid: present, absent, excused, not recorded")),
        ("Alt + underlined letter", _t("Jump to a field or button")),
        ("Ctrl+Q", _t("Quit")),
    ]


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Help", "Keyboard shortcuts"))
        self.resize(560, 460)
        view = QTextBrowser()
        rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in shortcuts())
        view.setHtml(f"<h3>{translate('Help', 'Keyboard shortcuts')}</h3>"
                     f"<table cellpadding='4'>{rows}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
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
