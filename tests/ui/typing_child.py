"""Run by test_ui_flows: opens the app on a database, types into an IND interview form and
reports what the autosave stored, until the test kills this process with SIGKILL."""

from __future__ import annotations

import sys

from PySide6.QtTest import QTest

from app.store import Store
from tests.conftest import PASSPHRASE
from ui.app import make_application
from ui.forms import FORMS, draft_key
from ui.main_window import MainWindow
from ui.qt import QTimer

TEXT = "Account of the flight, typed word by word in the field. " * 20


def main() -> None:
    path, case_id, person_id = sys.argv[1:4]
    app = make_application()
    store = Store.open(path, "ind", PASSPHRASE)
    window = MainWindow(store)
    window.show()
    form = window.cases.open_form("ind_interview", case_id, person_id)
    editor = form.editors["notes"]
    editor.setFocus()
    key = draft_key(FORMS["ind_interview"], case_id, person_id, store.user_id)
    typed = [0]

    def type_one() -> None:
        if typed[0] < len(TEXT):
            QTest.keyClicks(editor, TEXT[typed[0]])
            typed[0] += 1

    def report() -> None:
        draft = store.load_draft(key)
        if draft:
            print(f"saved {len(draft['notes'])} typed {typed[0]}", flush=True)

    typing, polling = QTimer(), QTimer()
    typing.timeout.connect(type_one)
    polling.timeout.connect(report)
    typing.start(15)
    polling.start(100)
    app.exec()


if __name__ == "__main__":
    main()
