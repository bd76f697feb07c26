"""Forms for interviews, profiles, medical notes, assessments and proposed decisions.

Never lose a typed word: every form autosaves to the store's draft table (encrypted, never
synced) a few seconds after a change, whenever focus leaves a field, when it is closed
and before the app locks. After a crash or a kill the draft is back when the same form is
opened again (and the main window lists open drafts at start)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.domain import (
    AssessmentRecord,
    Decision,
    Interview,
    MedicalNote,
    Person,
    Record,
    ResettlementProfile,
)
from app.domain.enums import Art1F, DecisionOutcome, DraftStatus, Outcome
from app.errors import HervestError
from app.store import Store
from ui import data
from ui.i18n import core_text
from ui.labels import label
from ui.ops import error_text
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QApplication,
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QShortcut,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)

AUTOSAVE_MS = int(os.environ.get("HERVEST_AUTOSAVE_MS", "3000"))


@dataclass(frozen=True)
class FieldSpec:
    name: str
    caption: str  # translated at display time (context "Forms")
    kind: type | str  # "line", "text", "date", bool, or a StrEnum class


@dataclass(frozen=True)
class FormSpec:
    key: str  # draft key prefix and form kind
    title: str
    record: type[Record]
    resource: str  # what app.services.access calls it (who may read / write this form)
    fields: tuple[FieldSpec, ...]
    draft_record: bool = True  # False: the record has no draft state (a proposal)


# Captions are marked for lupdate here and translated when a form is shown.
NOOP = QT_TRANSLATE_NOOP
FORMS: dict[str, FormSpec] = {spec.key: spec for spec in (
    FormSpec("ind_interview", NOOP("Forms", "IND interview"),
             Interview, "interviews:IND", (
        FieldSpec("held_on", NOOP("Forms", "Held on"), "date"),
        FieldSpec("interpreter_language", NOOP("Forms", "Interpreter language"), "line"),
        FieldSpec("notes", NOOP("Forms", "Interview notes"), "text"))),
    FormSpec("coa_profile", NOOP("Forms", "COA resettlement profile"),
             ResettlementProfile,
        "resettlement_profiles", (
        FieldSpec("housing_needs", NOOP("Forms", "Housing needs"), "text"),
        FieldSpec("needs_accessible_housing", NOOP("Forms", "Needs accessible housing"), bool),
        FieldSpec("needs_hospital_nearby", NOOP("Forms", "Needs a hospital nearby"), bool),
        FieldSpec("health_summary", NOOP("Forms", "Health (what COA may know)"), "text"),
        FieldSpec("education", NOOP("Forms", "Education"), "text"),
        FieldSpec("work_experience", NOOP("Forms", "Work experience"), "text"),
        FieldSpec("expectations", NOOP("Forms", "Expectations"), "text"),
        FieldSpec("notes_for_municipality", NOOP("Forms", "Notes for the municipality"), "text"))),
    FormSpec("bma_notes", NOOP("Forms", "BMA medical notes"),
             MedicalNote, "medical_notes", (
        FieldSpec("findings", NOOP("Forms", "Medical findings"), "text"),)),
    FormSpec("assessment", NOOP("Forms", "IND assessment"),
             AssessmentRecord, "assessments", (
        FieldSpec("art29a", NOOP("Forms", "Art. 29(1)(a) Vw (refugee)"), Outcome),
        FieldSpec("art1f", NOOP("Forms", "Art. 1F exclusion"), Art1F),
        FieldSpec("art29a_grounds", NOOP("Forms", "Grounds 29(1)(a) / 1F"), "text"),
        FieldSpec("art29b", NOOP("Forms", "Art. 29(1)(b) Vw (subsidiary protection)"), Outcome),
        FieldSpec("art29b_grounds", NOOP("Forms", "Grounds 29(1)(b)"), "text"),
        FieldSpec("integration", NOOP("Forms", "Integration check"), Outcome),
        FieldSpec("integration_grounds", NOOP("Forms", "Grounds of the integration check"),
                  "text"))),
    FormSpec("proposed_decision", NOOP("Forms", "Proposed decision"),
             Decision, "decisions:proposed", (
        FieldSpec("outcome", NOOP("Forms", "Proposal"), DecisionOutcome),
        FieldSpec("grounds", NOOP("Forms", "Grounds"), "text")), draft_record=False),
)}


def field_caption(entity: str, name: str) -> str:
    """The form caption of a record's field, translated; the column name if no form has it."""
    caption = next((f.caption for spec in FORMS.values() if entity == spec.record.ENTITY
                    for f in spec.fields if f.name == name), None)
    return translate("Forms", caption) if caption else name


def draft_key(spec: FormSpec, case_id: str, person_id: str | None, user_id: str | None) -> str:
    """Drafts are per user: another user of the same laptop never opens them."""
    return f"form:{user_id}:{spec.key}:{case_id}:{person_id or '-'}"


class RecordForm(QWidget):
    """One form bound to (case, person). Loads its draft, autosaves, writes the record."""

    saved = Signal()  # the record was written (draft or final)
    closed = Signal()

    def __init__(self, store: Store, spec: FormSpec, case_id: str, person: Person | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.spec, self.case_id, self.person = store, spec, case_id, person
        self.key = draft_key(spec, case_id, person.id if person else None, store.user_id)
        self._dirty = False
        self._loading = False
        self.editors: dict[str, QWidget] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_draft)
        self._build()
        self._load()
        QApplication.instance().focusChanged.connect(self._focus_changed)
        save = QShortcut(QKeySequence("Ctrl+S"), self, lambda: self.write(final=False))
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        who = f" — {self.person.given_name} {self.person.family_name}" if self.person else ""
        heading = QLabel(f"<h3>{translate('Forms', self.spec.title)}{who}</h3>")
        outer.addWidget(heading)
        self.status = QLabel()
        self.status.setObjectName("draftStatus")
        outer.addWidget(self.status)
        body = QWidget()
        layout = QFormLayout(body)
        for spec in self.spec.fields:
            editor = self._editor(spec)
            self.editors[spec.name] = editor
            caption = QLabel(translate("Forms", spec.caption))
            caption.setBuddy(editor)
            layout.addRow(caption, editor)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(translate("Forms", "&Save (draft)"))
        self.final_button = QPushButton(translate("Forms", "&Finalise"))
        self.correct_button = QPushButton(core_text("interview.correct"))
        self.correct_button.setObjectName("correct")
        self.correct_button.hide()
        self.save_button.clicked.connect(lambda: self.write(final=False))
        self.final_button.clicked.connect(lambda: self.write(final=True))
        self.correct_button.clicked.connect(self.correct)
        buttons.addStretch(1)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.final_button)
        outer.addLayout(buttons)

    def _editor(self, spec: FieldSpec) -> QWidget:
        editor: QWidget
        if spec.kind == "text":
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)  # keyboard users leave the field with Tab
            editor.textChanged.connect(self._changed)
        elif spec.kind == "line":
            editor = QLineEdit()
            editor.textChanged.connect(self._changed)
        elif spec.kind == "date":
            editor = QDateEdit(QDate.currentDate())
            editor.setCalendarPopup(True)
            editor.dateChanged.connect(self._changed)
        elif spec.kind is bool:
            editor = QCheckBox()
            editor.toggled.connect(self._changed)
        else:
            editor = QComboBox()
            for member in spec.kind:  # type: ignore[union-attr]
                editor.addItem(label(member), member.value)
            editor.currentIndexChanged.connect(self._changed)
        editor.setObjectName(spec.name)
        return editor

    # -- values ---------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for spec in self.spec.fields:
            editor = self.editors[spec.name]
            if isinstance(editor, QPlainTextEdit):
                result[spec.name] = editor.toPlainText()
            elif isinstance(editor, QLineEdit):
                result[spec.name] = editor.text()
            elif isinstance(editor, QDateEdit):
                result[spec.name] = editor.date().toString("yyyy-MM-dd")
            elif isinstance(editor, QCheckBox):
                result[spec.name] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                result[spec.name] = editor.currentData()
        return result

    def set_values(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            editor = self.editors.get(name)
            if editor is None or value is None:
                continue
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(str(value))
            elif isinstance(editor, QLineEdit):
                editor.setText(str(value))
            elif isinstance(editor, QDateEdit):
                editor.setDate(QDate.fromString(str(value)[:10], "yyyy-MM-dd"))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(str(value))))

    def _person_id(self) -> str | None:
        return self.person.id if self.person else None

    def _load(self) -> None:
        """Fill the editors from the draft or the record; loading is not typing, so the
        editors' change signals neither mark the form unsaved nor start the autosave."""
        self._loading = True
        try:
            record = data.form_record(self.store, self.spec.key, self.case_id,
                                      self._person_id())
            draft = self.store.load_draft(self.key)
            if draft is not None:
                self.set_values(draft)
                self._show_status(translate("Forms", "Draft restored from %1.").replace(
                    "%1", str(draft.get("_saved_at", ""))))
            elif record is not None:
                self.set_values({f.name: _plain(getattr(record, f.name, None))
                                 for f in self.spec.fields})
        finally:
            self._loading = False
        self._show_final(self.spec.draft_record and record is not None
                         and getattr(record, "status", None) is DraftStatus.FINAL)

    def _show_final(self, final: bool) -> None:
        """A final record is read-only (the services refuse to change it too): no editing,
        no second Finalise; an IND interview offers its correction (a new version)."""
        for editor in self.editors.values():
            if isinstance(editor, (QPlainTextEdit, QLineEdit, QDateEdit)):
                editor.setReadOnly(final)
            else:
                editor.setEnabled(not final)
        self.save_button.setEnabled(not final)
        self.final_button.setEnabled(not final)
        self.correct_button.setVisible(final and self.spec.key == "ind_interview")
        if final:
            self._show_status(core_text("interview.final"))

    def correct(self) -> None:
        try:
            data.correct_form(self.store, self.case_id, self._person_id())
        except HervestError as error:
            self._show_status(error_text(error))
            return
        self._load()
        self.saved.emit()

    # -- saving ---------------------------------------------------------------------------
    def _changed(self, *_: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self._show_status(translate("Forms", "Unsaved changes…"))
        self._timer.start()

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self._dirty and old is not None and self.isAncestorOf(old):
            self.save_draft()

    def save_draft(self) -> None:
        """Put what is typed into the encrypted draft table (cheap: one small row)."""
        if not self._dirty:
            return
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        try:
            self.store.save_draft(self.key, {**self.values(), "_saved_at": stamp})
        except HervestError as error:
            self._show_status(error_text(error))
            return
        self._dirty = False
        self._show_status(translate("Forms", "Draft saved at %1.").replace("%1", stamp))

    def write(self, final: bool) -> bool:
        values = self.values()
        if "held_on" in values:
            values["held_on"] = dt.date.fromisoformat(values["held_on"])
        if not final and not self.spec.draft_record:  # only kept as the form's draft
            self._dirty = True
            self.save_draft()
            return True
        enums = {f.name: f.kind for f in self.spec.fields if isinstance(f.kind, type)
                 and issubclass(f.kind, StrEnum)}
        values = {k: enums[k](v) if k in enums else v for k, v in values.items()}
        try:
            data.save_form(self.store, self.spec.key, self.case_id, self._person_id(), values,
                           final)
        except HervestError as error:
            self.save_draft()
            self._show_status(error_text(error))
            return False
        self.store.drop_draft(self.key)
        self._dirty = False
        self._show_status(translate("Forms", "Finalised.") if final
                          else translate("Forms", "Saved."))
        if final and self.spec.draft_record:
            self._show_final(True)
        self.saved.emit()
        return True

    def _show_status(self, text: str) -> None:
        self.status.setText(text)

    def closeEvent(self, event: Any) -> None:
        self.save_draft()
        self.closed.emit()
        super().closeEvent(event)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    return value
