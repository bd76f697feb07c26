"""Small building blocks the screens share."""

from __future__ import annotations

from collections.abc import Iterable

from ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget


def add_rows(form: QFormLayout, rows: Iterable[tuple[str, QWidget]]) -> None:
    """Caption + field rows; the caption's &-letter jumps to its field (Alt+letter)."""
    for caption, widget in rows:
        label = QLabel(caption)
        label.setBuddy(widget)
        form.addRow(label, widget)


def message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def ok_cancel(dialog: QDialog, on_ok: object) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons
