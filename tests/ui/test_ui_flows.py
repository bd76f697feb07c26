"""The main flows in a real (offscreen) window over a real encrypted database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.domain import AttendanceRecord, Interview, InterviewKind, Role
from app.domain.enums import Attendance, DraftStatus
from app.store import Store
from tests.conftest import PASSPHRASE
from ui.forms import FORMS, RecordForm, draft_key
from ui.main_window import MainWindow
from ui.qt import QDialog, QLabel, QPushButton, Qt, QTextBrowser
from ui.start import FirstStartDialog, UnlockDialog

ROOT = Path(__file__).resolve().parents[2]


def _adult_mohammed(store: Store) -> tuple[str, str, str]:
    """(case id, person id, given names) of an adult called Mohammed or a spelling of it
    other than Muhammad (as given name or father's name)."""
    row = store.rows("SELECT case_id, id, given_name FROM persons WHERE given_name GLOB "
                     "'*Moham*d*' AND substr(birth_date, 1, 4) <= '2000' "
                     "AND id NOT IN (SELECT person_id FROM interviews WHERE kind = 'IND') "
                     "ORDER BY id LIMIT 1")
    assert row, "the demo data should hold an adult Mohammed"
    return row[0]


def _window(qtbot, store: Store) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    return window


def _open_mission_of(window: MainWindow, store: Store, case_id: str) -> None:
    mission_id = store.scalar("SELECT mission_id FROM cases WHERE id = ?", (case_id,))
    window.mission.setCurrentIndex(window.mission.findData(mission_id))


def test_first_start_unlock_find_record_interview(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "field.db"
    first = FirstStartDialog(path)
    qtbot.addWidget(first)
    first.user.setText("ind")
    first.role.setCurrentIndex(first.role.findData(Role.IND.value))
    first.passphrase.setText("short")
    assert "short" in first.hint.text().lower()
    first.passphrase.setText(PASSPHRASE)
    first.again.setText(PASSPHRASE)
    first.demo.setChecked(True)
    first.cases.setValue(40)
    first.create()
    assert first.result() == QDialog.DialogCode.Accepted
    first.store.close()

    unlock = UnlockDialog(path)
    qtbot.addWidget(unlock)
    assert unlock.user.text() == ""  # not remembered outside the encrypted store
    unlock.user.setText("ind")
    unlock.passphrase.setText("not the passphrase")
    unlock.unlock()
    assert "not correct" in unlock.message.text()
    assert unlock.result() != QDialog.DialogCode.Accepted
    unlock.passphrase.setText(PASSPHRASE)
    unlock.unlock()
    assert unlock.result() == QDialog.DialogCode.Accepted
    store = unlock.store

    case_id, person_id, spelling = _adult_mohammed(store)
    window = _window(qtbot, store)
    _open_mission_of(window, store, case_id)
    window.focus_search()
    assert "Muhammad" not in spelling
    qtbot.keyClicks(window.cases.list.search, "Muhammad")
    page = window.cases.list
    qtbot.waitUntil(lambda: case_id in [page.proxy.case_id(r)
                                        for r in range(page.proxy.rowCount())])
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.case_id(r) == case_id)
    page.table.setCurrentIndex(page.proxy.index(row, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    view = window.cases.currentWidget()
    assert view.case_id == case_id

    start = view.findChild(QPushButton, f"form_ind_interview_{person_id}")
    assert start is not None
    start.click()
    form = window.cases.currentWidget()
    assert isinstance(form, RecordForm)
    qtbot.keyClicks(form.editors["interpreter_language"], "Arabic")
    qtbot.keyClicks(form.editors["notes"], "Fled in 2019; fictional account.")
    form.final_button.click()
    interviews = store.select(Interview, "person_id = ? AND kind = 'IND'", (person_id,))
    assert interviews[-1].status is DraftStatus.FINAL
    assert interviews[-1].notes == "Fled in 2019; fictional account."
    assert store.load_draft(form.key) is None  # written: the draft is gone
    window.close()
    store.close()


def test_kill_mid_typing_keeps_the_draft(qtbot, ind_store: Store, tmp_path: Path) -> None:
    case_id, person_id, _ = _adult_mohammed(ind_store)
    path = ind_store.path
    ind_store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HERVEST_AUTOSAVE_MS": "150",
           "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    child = subprocess.Popen([sys.executable, str(Path(__file__).with_name("typing_child.py")),
                              str(path), case_id, person_id], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    saved = 0
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            saved = int(line.split()[1])
            if saved >= 40:
                break
        child.send_signal(signal.SIGKILL)  # no chance to save anything more
    finally:
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    assert saved >= 40, child.stderr.read()

    from tests.ui.typing_child import TEXT

    store = Store.open(path, "ind", PASSPHRASE)
    key = draft_key(FORMS["ind_interview"], case_id, person_id, store.user_id)
    notes = store.load_draft(key)["notes"]
    assert len(notes) >= saved and TEXT.startswith(notes)
    window = _window(qtbot, store)  # the restarted app reopens the form with the draft
    form = next(f for f in window.cases.forms() if f.key == key)
    assert form.editors["notes"].toPlainText() == notes
    window.close()
    store.close()


def test_autosave_on_focus_change(qtbot, ind_store: Store) -> None:
    case_id, person_id, _ = _adult_mohammed(ind_store)
    window = _window(qtbot, ind_store)
    form = window.cases.open_form("ind_interview", case_id, person_id)
    notes = form.editors["notes"]
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    qtbot.keyClicks(notes, "typed before leaving the field")
    assert ind_store.load_draft(form.key) is None  # the timer has not fired yet
    form.editors["interpreter_language"].setFocus()
    qtbot.waitUntil(lambda: ind_store.load_draft(form.key) is not None)
    assert ind_store.load_draft(form.key)["notes"] == "typed before leaving the field"


def test_lock_on_idle_keeps_open_forms(qtbot, ind_store: Store) -> None:
    case_id, person_id, _ = _adult_mohammed(ind_store)
    window = _window(qtbot, ind_store)
    form = window.cases.open_form("ind_interview", case_id, person_id)
    form.editors["notes"].setPlainText("half a sentence")
    window.idle.set_seconds(0.3)
    qtbot.waitUntil(window.is_locked, timeout=5000)
    assert ind_store.load_draft(form.key)["notes"] == "half a sentence"  # saved on lock
    window.lock_page.passphrase.setText("wrong passphrase")
    window.lock_page.try_unlock()
    assert window.is_locked()
    assert "not correct" in window.lock_page.message.text()
    window.idle.set_seconds(600)
    window.lock_page.passphrase.setText(PASSPHRASE)
    window.lock_page.try_unlock()
    assert not window.is_locked()
    assert form in window.cases.forms()
    assert form.editors["notes"].toPlainText() == "half a sentence"


def test_ctrl_l_locks(qtbot, ind_store: Store) -> None:
    window = _window(qtbot, ind_store)
    window.activateWindow()
    qtbot.waitActive(window)
    # Sent to the window as the platform would: through Qt's shortcut map.
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked()
    assert not window.toolbar.isVisible()  # no export, sync or mission switch while locked
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.transfers.running is None


def _as(store: Store, name: str) -> Store:
    path = store.path
    store.close()
    return Store.open(path, name, PASSPHRASE)


def test_coa_trainer_records_attendance_by_keyboard(qtbot, ind_store: Store) -> None:
    store = _as(ind_store, "coa")
    window = _window(qtbot, store)
    window.mission.setCurrentIndex(0)  # all missions
    page_index = next(i for i, (_, p) in enumerate(window._page_list) if p is window.training)
    window.nav.setCurrentIndex(window.nav_model.index(page_index))
    page = window.training
    assert page.model.rowCount() > 0
    grid = page.grid
    grid.setCurrentIndex(page.model.index(0, 1))
    qtbot.keyClick(grid, Qt.Key.Key_A)
    qtbot.keyClick(grid, Qt.Key.Key_E)
    assert grid.currentIndex().row() == 2  # the cursor moved down after each key
    first, second = page.model.persons[0][0], page.model.persons[1][0]
    session = page.model.sessions[1]
    records = {(a.person_id, a.session_id): a.status for a in store.select(AttendanceRecord)}
    assert records[(first.id, session.id)] is Attendance.ABSENT
    assert records[(second.id, session.id)] is Attendance.EXCUSED
    assert first.given_name in page.missed.toPlainText()
    store.close()


def test_coa_trainer_never_sees_ind_assessments(qtbot, ind_store: Store) -> None:
    assessed = ind_store.scalar("SELECT case_id FROM assessments WHERE art29a_grounds != '' "
                                "LIMIT 1")
    grounds = ind_store.scalar("SELECT art29a_grounds FROM assessments WHERE case_id = ?",
                               (assessed,))
    notes = ind_store.scalar("SELECT notes FROM interviews WHERE case_id = ? AND kind = 'IND'",
                             (assessed,))
    store = _as(ind_store, "coa")
    window = _window(qtbot, store)
    view = window.cases.open_case(assessed)
    assert view.detail.assessments == []
    assert all(i.kind is not InterviewKind.IND for i in view.detail.interviews)
    shown = " ".join([w.text() for w in view.findChildren(QLabel)]
                     + [w.toPlainText() for w in view.findChildren(QTextBrowser)])
    assert "Assessment" not in shown and notes not in shown
    assert grounds not in shown
    names = {b.objectName() for b in view.findChildren(QPushButton)}
    assert not any(n.startswith(("form_assessment", "form_ind_interview", "form_bma"))
                   for n in names)
    assert "form_coa_profile" in names
    titles = [t for t, _ in window._page_list]
    assert "CO training" in titles and "Quota" not in titles  # no HQ screens for COA
    store.close()


@pytest.mark.parametrize("role", [Role.HQ_COORDINATOR])
def test_hq_screens_open(qtbot, store: Store, role: Role) -> None:
    from app.demo import DemoGenerator

    DemoGenerator(store, 2).run(30)
    assert store.user.role is role
    window = _window(qtbot, store)
    for index in range(window.nav_model.rowCount()):
        window.nav.setCurrentIndex(window.nav_model.index(index))
    assert window.quota.chart.years
    assert window.decisions.list_model.rowCount() > 0
    assert "DEMO-" in window.dashboard.view.toPlainText()
    assert window.sync_status.label.text().startswith("Not sent:")


def test_sync_without_enrolment_says_so_and_keeps_the_bar_usable(qtbot, ind_store: Store) -> None:
    window = _window(qtbot, ind_store)
    messages: list[str] = []
    window.transfers.finished.connect(messages.append)
    window.transfers.sync_now()  # the real runner, in the (inline) worker
    assert messages and "enrol" in messages[0].lower()
    assert window.transfers.running is None
    assert not window.sync_status.progress.isVisible()
    assert ind_store.meta("sync_last_error")
    window.sync_status.refresh()
    assert "Last error" in window.sync_status.label.text()


def test_switching_language_keeps_open_forms(qtbot, ind_store: Store) -> None:
    case_id, person_id, _ = _adult_mohammed(ind_store)
    window = _window(qtbot, ind_store)
    form = window.cases.open_form("ind_interview", case_id, person_id)
    form.editors["notes"].setPlainText("half a sentence")
    from ui import settings

    settings.set_language("nl")
    dutch = window.relaunch()
    qtbot.addWidget(dutch)
    assert dutch.windowTitle().startswith("Hervest")
    assert dutch.nav_model.stringList()[1].startswith("Zaken")
    reopened = next(f for f in dutch.cases.forms() if f.key == form.key)
    assert reopened.editors["notes"].toPlainText() == "half a sentence"
    settings.set_language("en")
    dutch.relaunch().close()


def test_repeated_wrong_passphrases_show_the_growing_wait(qtbot, ind_store: Store) -> None:
    path = ind_store.path
    ind_store.close()
    unlock = UnlockDialog(path)
    qtbot.addWidget(unlock)
    unlock.user.setText("ind")
    for _ in range(3):
        unlock.passphrase.setText("wrong passphrase")
        unlock.unlock()
    assert "not correct" in unlock.message.text()
    assert "wait 2 seconds" in unlock.wait.text()
    ok = unlock.buttons.button(unlock.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing to click until the wait is over
    qtbot.waitUntil(ok.isEnabled, timeout=5000)
    unlock.passphrase.setText(PASSPHRASE)
    unlock.unlock()
    assert unlock.result() == QDialog.DialogCode.Accepted
    unlock.store.close()


def test_attachment_is_shown_from_memory_only(qtbot, ind_store: Store, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib
    import tempfile

    from app.domain import Attachment
    from ui.case_view import AttachmentViewer
    from ui.qt import QPlainTextEdit

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    secret = b"Fictional referral letter DEMO-LEAK-CHECK"
    sha = hashlib.sha256(secret).hexdigest()
    case_id = ind_store.scalar("SELECT id FROM cases LIMIT 1")
    ind_store.conn.execute("BEGIN IMMEDIATE")  # chunks are content, not a domain row
    ind_store.conn.execute("INSERT INTO attachment_chunks (sha256, idx, data) VALUES (?, 0, ?)",
                           (sha, secret))
    ind_store.conn.execute("COMMIT")
    with ind_store.write() as uow:
        attachment = uow.insert(Attachment(case_id=case_id, sha256=sha, filename="letter.txt",
                                           media_type="text/plain", size=len(secret)))
    window = _window(qtbot, ind_store)
    view = window.cases.open_case(case_id)
    assert "letter.txt" in view.tabs.widget(0).toPlainText()
    viewer = AttachmentViewer(ind_store, attachment, view)
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.findChild(QPlainTextEdit).toPlainText() == secret.decode()
    written = [p for p in scratch.rglob("*") if p.is_file() and secret in p.read_bytes()]
    assert written == []
