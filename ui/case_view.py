"""One case: family, referral, attachments, interviews and assessments per person,
decisions, CO attendance, placement and history. What the user's role may not read never
reaches this widget (`ui.data` reads through `app.services.access`)."""

from __future__ import annotations

import html

from app.countries import country_label
from app.domain import Attachment, CaseState, Person
from app.errors import HervestError
from app.store import Store
from ui import data
from ui.case_model import FSI, PDI
from ui.forms import FORMS
from ui.i18n import format_date, language
from ui.labels import label
from ui.ops import error_text
from ui.qt import (
    QDialog,
    QHBoxLayout,
    QImage,
    QLabel,
    QMessageBox,
    QPixmap,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    Qt,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)

PER_PERSON_FORMS = ("ind_interview", "assessment", "bma_notes")
PER_CASE_FORMS = ("coa_profile", "proposed_decision")


def _t(text: str) -> str:
    return translate("CaseView", text)


def person_name(person: Person) -> str:
    """Latin name, then the original script isolated so it renders right-to-left."""
    latin = html.escape(f"{person.given_name} {person.family_name}".strip())
    original = f"{person.given_name_original} {person.family_name_original}".strip()
    return f"{latin} {FSI}{html.escape(original)}{PDI}" if original else latin


def _text(text: str) -> str:
    """Free text as rich text: escaped once, here, and its line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def _rich(text: str) -> QLabel:
    """A label that always reads its text as HTML (Qt guesses from the first line only, so
    notes with a line break showed their `<br>` as text)."""
    shown = QLabel(text)
    shown.setTextFormat(Qt.TextFormat.RichText)
    return shown


def _table(headers: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return f"<p><i>{_t('None recorded.')}</i></p>"
    head = "".join(f"<th align='left'>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='4' border='1'><tr>{head}</tr>{body}</table>"


class CaseView(QWidget):
    open_form = Signal(str, str, str)  # form key, case id, person id ("" for the case)
    changed = Signal()

    def __init__(self, store: Store, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.case_id = store, case_id
        self.layout_ = QVBoxLayout(self)
        self.title = _rich("")
        self.title.setObjectName("caseTitle")
        self.layout_.addWidget(self.title)
        self.actions = QHBoxLayout()
        self.layout_.addLayout(self.actions)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.layout_.addWidget(self.tabs, 1)
        self.reload()

    def reload(self) -> None:
        detail = data.case_detail(self.store, self.case_id)
        self.detail = detail
        case = detail.case
        self.title.setText(f"<h2>{html.escape(case.unhcr_case_number)} · {label(case.state)}"
                           f" · {label(case.priority)}</h2>")
        while self.tabs.count():
            self.tabs.widget(0).deleteLater()
            self.tabs.removeTab(0)
        self._actions(detail.next_states)
        self._add_html(_t("&Family and referral"), self._overview_html())
        self.tabs.addTab(self._person_page(), _t("&Interviews and assessments"))
        self._add_html(_t("&Decisions"), self._decisions_html())
        self._add_html(_t("&CO and placement"), self._co_html())
        self._add_html(_t("&History"), self._history_html())

    def _actions(self, next_states: list[CaseState]) -> None:
        while self.actions.count():
            item = self.actions.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for key in PER_CASE_FORMS:
            if data.can_write(self.store, FORMS[key].resource):
                button = QPushButton(translate("Forms", FORMS[key].title))
                button.setObjectName(f"form_{key}")
                button.clicked.connect(lambda _=False, k=key: self.open_form.emit(
                    k, self.case_id, ""))
                self.actions.addWidget(button)
        for state in next_states:
            button = QPushButton(_t("Move to: %1").replace("%1", label(state)))
            button.clicked.connect(lambda _=False, s=state: self._move(s))
            self.actions.addWidget(button)
        self.actions.addStretch(1)

    def _move(self, state: CaseState) -> None:
        try:
            data.move_case(self.store, self.case_id, state)
        except HervestError as error:
            QMessageBox.warning(self, _t("Not possible"), error_text(error))
            return
        self.reload()
        self.changed.emit()

    def _add_html(self, title: str, body: str) -> None:
        view = QTextBrowser()
        view.setOpenLinks(False)
        view.setHtml(body)
        view.anchorClicked.connect(lambda url: self._view_attachment(url.path()))
        self.tabs.addTab(view, title)

    # -- sections -------------------------------------------------------------------------
    def _overview_html(self) -> str:
        d, case = self.detail, self.detail.case
        referral = [
            (_t("Channel"), label(case.channel)),
            (_t("Submission category"), html.escape(case.submission_category)),
            (_t("Host country"), html.escape(country_label(case.host_country, language()))),
            (_t("Referred on"), format_date(case.referred_on)),
            (_t("Selected on"), format_date(case.selected_on)),
            (_t("Protection need (UNHCR)"), html.escape(case.protection_need)),
        ]
        rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in referral)
        family = _table([_t("Name"), _t("Relationship"), _t("Born"), _t("Sex"),
                         _t("Nationality"), _t("UNHCR number")],
                        [[person_name(p) + (f" ({_t('follows later')})" if p.follows_later
                                            else ""),
                          label(p.relationship), format_date(p.birth_date), label(p.sex),
                          html.escape(country_label(p.nationality, language())),
                          html.escape(p.unhcr_individual_number)]
                         for p in d.persons])
        attachments = _table([_t("Document"), _t("Type"), _t("Size")],
                             [[f"<a href='att:{a.id}'>{html.escape(a.filename)}</a>",
                               html.escape(a.media_type), f"{a.size // 1024} KB"]
                              for a in d.attachments])
        return (f"<h3>{_t('Referral')}</h3><table cellpadding='3'>{rows}</table>"
                f"<h3>{_t('Family')}</h3>{family}<h3>{_t('Attachments')}</h3>{attachments}")

    def _person_page(self) -> QWidget:
        d = self.detail
        page = QWidget()
        layout = QVBoxLayout(page)
        for person in d.persons:
            row = QHBoxLayout()
            row.addWidget(_rich(f"<b>{person_name(person)}</b> — {label(person.relationship)}"),
                          1)
            for key in PER_PERSON_FORMS:
                if data.can_write(self.store, FORMS[key].resource):
                    button = QPushButton(translate("Forms", FORMS[key].title))
                    button.setObjectName(f"form_{key}_{person.id}")
                    button.clicked.connect(lambda _=False, k=key, p=person.id: self.open_form.emit(
                        k, self.case_id, p))
                    row.addWidget(button)
            layout.addLayout(row)
            lines = [f"{label(i.kind)} {_t('interview')} {format_date(i.held_on)} "
                     f"({label(i.status)}): {_text(i.notes[:300])}"
                     for i in d.interviews if i.person_id == person.id]
            lines += [f"{_t('Assessment')} ({label(a.status)}): 29(1)(a) {label(a.art29a)}, "
                      f"1F {label(a.art1f)}, 29(1)(b) {label(a.art29b)}, "
                      f"{_t('integration')} {label(a.integration)}"
                      for a in d.assessments if a.person_id == person.id]
            lines += [f"{_t('Medical')} ({label(m.status)}): {_text(m.findings[:300])}"
                      for m in d.medical if m.person_id == person.id]
            text = _rich("<br>".join(lines) or f"<i>{_t('Nothing recorded yet.')}</i>")
            text.setWordWrap(True)
            text.setObjectName(f"records_{person.id}")
            layout.addWidget(text)
        case_lines = [f"{label(i.kind)} {_t('interview')} ({label(i.status)}): "
                      f"{_text(i.notes[:300])}" for i in d.interviews if not i.person_id]
        case_lines += [f"{_t('Resettlement profile')} ({label(p.status)}): "
                       f"{_text(p.housing_needs[:200])}" for p in d.profiles]
        if case_lines:
            layout.addWidget(_rich(f"<h3>{_t('Whole case')}</h3>" + "<br>".join(case_lines)))
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    def _decisions_html(self) -> str:
        names = data.user_names(self.store)
        return _table([_t("Kind"), _t("Outcome"), _t("On"), _t("By"), _t("Grounds")],
                      [[label(d.kind), label(d.outcome), format_date(d.decided_on),
                        html.escape(names.get(d.decided_by, "")), _text(d.grounds)]
                       for d in self.detail.decisions])

    def _co_html(self) -> str:
        d = self.detail
        names = {p.id: person_name(p) for p in d.persons}
        attendance = _table([_t("Session"), _t("Person"), _t("Attendance")],
                            [[f"{format_date(s.held_on)} {label(s.day_part)}",
                              names.get(a.person_id, ""), label(a.status)]
                             for s, a in sorted(d.attendance, key=lambda x: (
                                 x[0].held_on, x[0].day_part != "morning"))])
        placements = _table([_t("Municipality"), _t("Confirmed")],
                            [[html.escape(name), _t("yes") if p.confirmed else _t("no")]
                             for p, name in d.placements])
        return (f"<h3>{_t('CO attendance')}</h3>{attendance}"
                f"<h3>{_t('Placement')}</h3>{placements}")

    def _history_html(self) -> str:
        return _table([_t("When"), _t("From"), _t("To"), _t("By"), _t("Note")],
                      [[format_date(t.at[:10]) + " " + t.at[11:16],
                        label(t.from_state), label(t.to_state), html.escape(name),
                        _text(t.note)] for t, name in self.detail.history])

    # -- attachments ----------------------------------------------------------------------
    def _view_attachment(self, path: str) -> None:
        attachment = next((a for a in self.detail.attachments if f"{a.id}" == path), None)
        if attachment is not None:
            AttachmentViewer(self.store, attachment, self).exec()


class AttachmentViewer(QDialog):
    """Shows a document from memory: images and text inside the app, nothing written to
    disk (no plaintext temp copy to leave behind)."""

    def __init__(self, store: Store, attachment: Attachment, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(attachment.filename)
        self.resize(900, 650)
        layout = QVBoxLayout(self)
        content = data.attachment_bytes(store, attachment)
        if attachment.media_type.startswith("image/"):
            image = QImage.fromData(content)
            view = QLabel()
            view.setPixmap(QPixmap.fromImage(image))
            scroll = QScrollArea()
            scroll.setWidget(view)
            layout.addWidget(scroll)
        elif attachment.media_type.startswith("text/"):
            text = QPlainTextEdit(content.decode("utf-8", "replace"))
            text.setReadOnly(True)
            layout.addWidget(text)
        else:
            layout.addWidget(QLabel(_t("This document type cannot be shown inside Hervest. "
                                       "It stays in the encrypted database.")))
        del content
