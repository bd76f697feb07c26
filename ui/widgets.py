"""Small building blocks the screens share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ui.qt import (
    QAbstractTableModel,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QModelIndex,
    QObject,
    QPushButton,
    Qt,
    QWidget,
)


def add_rows(form: QFormLayout, rows: Iterable[tuple[str, QWidget]]) -> None:
    """Caption + field rows; the caption's &-letter jumps to its field (Alt+letter)."""
    for caption, widget in rows:
        label = QLabel(caption)
        label.setBuddy(widget)
        form.addRow(label, widget)


def add_labelled(bar: QHBoxLayout, caption: str, widget: QWidget) -> None:
    """A caption and its field in a bar, the field taking the room; Alt+letter jumps."""
    label = QLabel(caption)
    label.setBuddy(widget)
    bar.addWidget(label)
    bar.addWidget(widget, 1)


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


def close_with_action(dialog: QDialog, text: str, name: str,
                      on_click: object) -> tuple[QDialogButtonBox, QPushButton]:
    """Close plus the dialog's one action (the default button), for dialogs that do a job
    and report it in place."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    action = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
    action.setObjectName(name)
    action.setDefault(True)
    action.clicked.connect(on_click)
    buttons.rejected.connect(dialog.reject)
    return buttons, action


class TextTableModel(QAbstractTableModel):
    """Read-only rows of display text under fixed headers, for short listings (conflicts);
    a long listing reads its rows lazily instead (`ui.case_model`)."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[Sequence[str]] = []

    def set_rows(self, rows: Iterable[Sequence[str]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None
