"""Final records, the case view's texts, the unsaved marker and switching language, on the
real widgets over a real encrypted database (issue 14, findings 2, 6, 7 and 8)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument

from app.domain import Interview
from app.domain.enums import DraftStatus, InterviewKind
from app.errors import RuleViolation
from app.services import assessments, interviews
from app.store import Store
from tests.services.conftest import Flow
from tests.ui.test_ui_flows import _adult_mohammed, _open_mission_of, _window
from ui import data, settings
from ui.case_view import CaseView
from ui.dashboard import DashboardPage
from ui.forms import RecordForm
from ui.main_window import MainWindow
from ui.ops import Reader
from ui.qt import QLabel, QPushButton, Qt


def _open_ind_form(qtbot, window: MainWindow, case_id: str, person_id: str) -> RecordForm:
    view = window.cases.open_case(case_id)
    button = view.findChild(QPushButton, f"form_ind_interview_{person_id}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    form = window.cases.currentWidget()
    assert isinstance(form, RecordForm)
    return form


def test_finalise_twice_makes_one_final_interview(qtbot, ind_store: Store) -> None:
    case_id, person_id, _ = _adult_mohammed(ind_store)
    window = _window(qtbot, ind_store)
    _open_mission_of(window, ind_store, case_id)
    form = _open_ind_form(qtbot, window, case_id, person_id)
    qtbot.keyClicks(form.editors["notes"], "Fled in 2019; fictional account.")
    qtbot.mouseClick(form.final_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.final_button, Qt.MouseButton.LeftButton)  # pressed again
    finals = ind_store.select(Interview, "person_id = ? AND kind = 'IND'", (person_id,))
    assert [i.status for i in finals] == [DraftStatus.FINAL]
    assert not form.final_button.isEnabled() and not form.save_button.isEnabled()
    assert form.editors["notes"].isReadOnly()
    # The service refuses too, for a direct call by the same logged-in delegate.
    for attempt in (lambda: interviews.finalise(ind_store, finals[0].id),
                    lambda: data.save_form(ind_store, "ind_interview", case_id, person_id,
                                           {"notes": "Second."}, final=True)):
        try:
            attempt()
        except RuleViolation:
            pass
        else:
            raise AssertionError("a final interview was changed or duplicated")
    assert ind_store.count(Interview, "person_id = ? AND kind = 'IND'", (person_id,)) == 1

    # Opened again: read-only, and the correction is the explicit way to change it.
    window.cases.close_tab(window.cases.indexOf(form))
    again = _open_ind_form(qtbot, window, case_id, person_id)
    assert not again.final_button.isEnabled() and again.editors["notes"].isReadOnly()
    assert "read-only" in again.status.text()
    qtbot.mouseClick(again.correct_button, Qt.MouseButton.LeftButton)
    assert again.final_button.isEnabled() and not again.editors["notes"].isReadOnly()
    qtbot.keyClick(again.editors["notes"], Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(again.editors["notes"], " Corrected.")
    qtbot.mouseClick(again.final_button, Qt.MouseButton.LeftButton)
    chain = interviews.versions(ind_store, finals[0].id)
    assert [(i.version, i.status, i.notes) for i in chain] == [
        (1, DraftStatus.FINAL, "Fled in 2019; fictional account."),
        (2, DraftStatus.FINAL, "Fled in 2019; fictional account. Corrected.")]
    window.close()


def test_dashboard_counts_as_by_hand(qtbot, store: Store) -> None:
    """The hand-counted fixture of tests/services/test_interview_progress.py, on the page."""
    from tests.services.test_interview_progress import hand_counted

    flow = Flow(store)
    hand_counted(flow)
    reader = Reader(store)
    page = DashboardPage(store, reader)
    qtbot.addWidget(page)
    page.show_mission(flow.mission.id, "Demo Cairo")
    text = page.view.toPlainText()
    assert "Done (final IND interviews): 3" in text
    assert "To do (adults in referred or scheduled cases): 3" in text
    reader.close()


def _shown(label: QLabel) -> str:
    """What the label shows: its text as HTML if Qt reads it as rich text, else as is."""
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text()))
    if not rich:
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def test_case_view_keeps_line_breaks_and_shows_no_tags(qtbot, ind_store: Store) -> None:
    case_id, person_id, _ = _adult_mohammed(ind_store)
    draft = interviews.start(ind_store, case_id, InterviewKind.IND, person_id,
                             held_on=dt.date(2026, 11, 2))
    interviews.save(ind_store, draft.id, notes="Fled in 2019.\nReached Cairo <alone> in 2020.")
    assessments.start(ind_store, case_id, person_id)  # a second entry for the same person
    view = CaseView(ind_store, case_id)
    qtbot.addWidget(view)
    shown = _shown(view.findChild(QLabel, f"records_{person_id}"))
    assert "<br>" not in shown and "&lt;" not in shown  # escaped once, read as HTML
    assert "Fled in 2019.\nReached Cairo <alone> in 2020." in shown.replace("\u2028", "\n")
    assert "Assessment" in shown


def test_opening_an_existing_interview_shows_no_unsaved_marker(qtbot,
                                                                ind_store: Store) -> None:
    case_id, person_id, _ = _adult_mohammed(ind_store)
    draft = interviews.start(ind_store, case_id, InterviewKind.IND, person_id, "Arabic",
                             held_on=dt.date(2026, 11, 2))
    interviews.save(ind_store, draft.id, notes="Saved earlier (fictional).")
    window = _window(qtbot, ind_store)
    form = _open_ind_form(qtbot, window, case_id, person_id)
    assert form.editors["notes"].toPlainText() == "Saved earlier (fictional)."
    assert "Unsaved" not in form.status.text()
    qtbot.wait(50)
    assert ind_store.load_draft(form.key) is None  # nothing to autosave either
    window.close()


def _tabs(window: MainWindow) -> list[tuple[str, str, str]]:
    found = []
    for i in range(1, window.cases.count()):
        widget = window.cases.widget(i)
        if isinstance(widget, RecordForm):
            found.append((widget.spec.key, widget.case_id, widget.person.id))
        else:
            found.append(("case", widget.case_id, ""))
    return found


def test_switching_language_keeps_tabs_typing_and_search(qtbot, ind_store: Store) -> None:
    case_id, person_id, _ = _adult_mohammed(ind_store)
    other = ind_store.scalar("SELECT id FROM cases WHERE id != ? ORDER BY id LIMIT 1",
                             (case_id,))
    window = _window(qtbot, ind_store)
    _open_mission_of(window, ind_store, case_id)
    window.cases.open_case(other)
    form = _open_ind_form(qtbot, window, case_id, person_id)
    qtbot.keyClicks(form.editors["notes"], "Half a sent")
    qtbot.keyClicks(window.cases.list.search, "Muhammad Al")
    before, mission = _tabs(window), window.mission.currentIndex()
    assert before == [("case", other, ""), ("case", case_id, ""),
                      ("ind_interview", case_id, person_id)]

    settings.set_language("nl")
    dutch = window.relaunch()
    qtbot.addWidget(dutch)
    assert dutch.nav_model.stringList()[1].startswith("Zaken")
    assert _tabs(dutch) == before
    reopened = dutch.cases.currentWidget()
    assert isinstance(reopened, RecordForm)
    assert reopened.editors["notes"].toPlainText() == "Half a sent"
    assert dutch.cases.list.search.text() == "Muhammad Al"
    assert dutch.mission.currentIndex() == mission
    settings.set_language("en")
    dutch.relaunch().close()
