"""The CO training screen: sessions of a training, an attendance grid (persons x sessions)
filled by keyboard (P, A, E, U; the cursor moves on), session notes and who missed what."""

from __future__ import annotations

import html
from typing import Any

from app.domain import AttendanceRecord, Person, TrainingSession
from app.domain.enums import Attendance
from app.errors import HervestError
from app.store import Store
from ui import data
from ui.i18n import format_date
from ui.labels import label
from ui.ops import Reader, error_text
from ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QBrush,
    QColor,
    QComboBox,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QModelIndex,
    QPersistentModelIndex,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    translate,
)
from ui.widgets import add_labelled

KEYS = {Qt.Key.Key_P: Attendance.PRESENT, Qt.Key.Key_A: Attendance.ABSENT,
        Qt.Key.Key_E: Attendance.EXCUSED, Qt.Key.Key_U: Attendance.UNKNOWN}
COLOURS = {Attendance.PRESENT: "#d4edda", Attendance.ABSENT: "#f8d7da",
           Attendance.EXCUSED: "#fff3cd", Attendance.UNKNOWN: "#ffffff"}
SHORT = {Attendance.PRESENT: "P", Attendance.ABSENT: "A", Attendance.EXCUSED: "E",
         Attendance.UNKNOWN: "·"}
ModelIndex = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return translate("Training", text)


class AttendanceModel(QAbstractTableModel):
    """Rows are persons, columns are sessions; a cell is that person's attendance."""

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.persons: list[tuple[Person, str]] = []
        self.sessions: list[TrainingSession] = []
        self.cells: dict[tuple[str, str], AttendanceRecord] = {}

    @staticmethod
    def read(store: Store, training_id: str | None) -> tuple[Any, Any, Any]:
        """Everything the grid shows (run by the background reader for big trainings)."""
        if not training_id:
            return [], [], {}
        return (data.training_persons(store, training_id),
                data.training_sessions(store, training_id),
                data.attendance_map(store, training_id))

    def show(self, content: tuple[Any, Any, Any]) -> None:
        self.beginResetModel()
        self.persons, self.sessions, self.cells = content
        self.endResetModel()

    def status(self, row: int, col: int) -> Attendance:
        record = self.cells.get((self.persons[row][0].id, self.sessions[col].id))
        return record.status if record else Attendance.UNKNOWN

    def set_status(self, row: int, col: int, status: Attendance) -> None:
        person, session = self.persons[row][0], self.sessions[col]
        current = self.cells.get((person.id, session.id))
        if current is not None and current.status == status:
            return
        self.cells[(person.id, session.id)] = data.set_attendance(
            self.store, session.id, person.id, status)
        index = self.index(row, col)
        self.dataChanged.emit(index, index)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.persons)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.sessions)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            s = self.sessions[section]
            return f"{format_date(s.held_on)}\n{label(s.day_part)}"
        person, number = self.persons[section]
        return f"{person.given_name} {person.family_name}  ({number[-7:]})"

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        status = self.status(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return SHORT[status]
        if role == Qt.ItemDataRole.ToolTipRole:
            return label(status)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS[status]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def missed(self) -> list[tuple[Person, str, list[TrainingSession]]]:
        """Persons who missed sessions (absent or excused), with the sessions to make up."""
        result = []
        for row, (person, number) in enumerate(self.persons):
            gone = [s for col, s in enumerate(self.sessions)
                    if self.status(row, col) in (Attendance.ABSENT, Attendance.EXCUSED)]
            if gone:
                result.append((person, number, gone))
        return result


class AttendanceGrid(QTableView):
    """P/A/E/U set the cell and move down (then to the next session), Space cycles."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model: AttendanceModel = self.model()  # type: ignore[assignment]
        index = self.currentIndex()
        status = KEYS.get(Qt.Key(event.key()))
        if event.key() == Qt.Key.Key_Space and index.isValid():
            order = list(Attendance)
            status = order[(order.index(model.status(index.row(), index.column())) + 1)
                           % len(order)]
        if status is None or not index.isValid() or event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            super().keyPressEvent(event)
            return
        try:
            model.set_status(index.row(), index.column(), status)
        except HervestError as error:
            self.window().statusBar().showMessage(error_text(error), 5000)
            return
        if event.key() != Qt.Key.Key_Space:
            row, col = index.row() + 1, index.column()
            if row >= model.rowCount():
                row, col = 0, min(col + 1, model.columnCount() - 1)
            self.setCurrentIndex(model.index(row, col))


class TrainingPage(QWidget):
    def __init__(self, store: Store, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.reader = store, reader
        self.mission_id: str | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.training = QComboBox()
        self.training.setObjectName("trainingChoice")
        add_labelled(bar, _t("&Training:"), self.training)
        bar.addWidget(QLabel(_t("Keys: P present, A absent, E excused, U not recorded")))
        layout.addLayout(bar)
        self.model = AttendanceModel(store, self)
        self.grid = AttendanceGrid()
        self.grid.setObjectName("attendanceGrid")
        self.grid.setModel(self.model)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.horizontalHeader().setDefaultSectionSize(90)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.grid)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        self.session_label = QLabel()
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("sessionNotes")
        self.notes.setTabChangesFocus(True)
        self.save_notes = QPushButton(_t("Save &notes"))
        self.save_notes.clicked.connect(self._save_notes)
        self.missed = QTextBrowser()
        self.missed.setObjectName("missed")
        for widget in (self.session_label, self.notes, self.save_notes,
                       QLabel(_t("<b>Missed sessions</b>")), self.missed):
            side_layout.addWidget(widget)
        splitter.addWidget(side)
        splitter.setSizes([800, 350])
        layout.addWidget(splitter, 1)
        self.training.currentIndexChanged.connect(lambda _: self._load())
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._show_session())
        self.model.dataChanged.connect(lambda *_: self._show_missed())

    def set_mission(self, mission_id: str | None) -> None:
        self.mission_id = mission_id
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Called when the page is shown: trainings of the chosen mission."""
        mission_id = self.mission_id
        current = self.training.currentData()
        self.training.blockSignals(True)
        self.training.clear()
        for training in data.trainings(self.store, mission_id):
            self.training.addItem(training.name, training.id)
        self.training.setCurrentIndex(max(0, self.training.findData(current)))
        self.training.blockSignals(False)
        self._load()

    def _load(self) -> None:
        training_id = self.training.currentData()
        self.reader.submit(lambda store: AttendanceModel.read(store, training_id), self._show)

    def _show(self, content: tuple[Any, Any, Any]) -> None:
        self.model.show(content)
        if self.model.rowCount() and self.model.columnCount():
            self.grid.setCurrentIndex(self.model.index(0, 0))
        self._show_session()
        self._show_missed()

    def _session(self) -> TrainingSession | None:
        index = self.grid.currentIndex()
        return self.model.sessions[index.column()] if index.isValid() else None

    def _show_session(self) -> None:
        session = self._session()
        if session is None:
            self.session_label.setText(_t("No session chosen."))
            self.notes.clear()
            return
        topics = ", ".join(label(t) for t in session.topics)
        self.session_label.setText(f"<b>{format_date(session.held_on)} "
                                   f"{label(session.day_part)}</b><br>{html.escape(topics)}")
        self.notes.setPlainText(session.notes)

    def _save_notes(self) -> None:
        session = self._session()
        if session is None:
            return
        try:
            saved = data.save_session_notes(self.store, session, self.notes.toPlainText())
        except HervestError as error:
            self.session_label.setText(error_text(error))
            return
        self.model.sessions[self.model.sessions.index(session)] = saved

    def _show_missed(self) -> None:
        rows = "".join(
            f"<li>{html.escape(p.given_name)} {html.escape(p.family_name)} "
            f"({html.escape(n)}): " + ", ".join(f"{format_date(s.held_on)} {label(s.day_part)}"
                                                for s in gone) + "</li>"
            for p, n, gone in self.model.missed())
        nobody = f"<i>{_t('Nobody missed a session.')}</i>"
        self.missed.setHtml(f"<ul>{rows}</ul>" if rows else nobody)
