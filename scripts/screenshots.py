"""Screenshots of each main screen at 1366x768, in Dutch and English, into docs/screenshots/.

    python scripts/screenshots.py          (starts itself under xvfb-run when there is no
                                            display; needs Debian's xvfb)

Everything shown is the demo generator's fictional data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)
PASSPHRASE = "screenshot passphrase 1"


def _under_xvfb() -> int:
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        sys.exit("No display and no xvfb-run: apt-get install xvfb")
    return subprocess.call([xvfb, "-a", "-s", f"-screen 0 {SIZE[0]}x{SIZE[1]}x24",
                            sys.executable, *sys.argv], env={**os.environ, "HERVEST_XVFB": "1"})


def main() -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("HERVEST_XVFB"):
        return _under_xvfb()
    os.environ.setdefault("HERVEST_KDF_TARGET_MS", "1")  # throwaway database: fast key slots
    sys.path.insert(0, str(ROOT))
    from app.demo import DemoGenerator
    from app.domain import Person, Role
    from app.store import Store
    from ui import i18n
    from ui.app import make_application
    from ui.dialogs import AboutDialog, HelpDialog
    from ui.main_window import MainWindow
    from ui.qt import QApplication, QSettings, QWidget
    from ui.report_dialog import ReportDialog
    from ui.start import UnlockDialog

    scratch = Path(tempfile.mkdtemp(prefix="hervest-shots-"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(scratch / "settings"))
    make_application()
    path = scratch / "demo.db"
    with Store.create(path, "admin", Role.ADMIN, PASSPHRASE,
                      display_name="Demo admin") as store:  # only ADMIN adds users
        DemoGenerator(store, 11).run(400)
        store.add_user("hq", Role.HQ_COORDINATOR, PASSPHRASE, display_name="Demo HQ")
        store.add_user("ind", Role.IND, PASSPHRASE, display_name="Demo IND delegate")
        store.add_user("coa", Role.COA, PASSPHRASE, display_name="Demo COA trainer")
    OUT.mkdir(parents=True, exist_ok=True)

    def settle(window: MainWindow | None = None) -> None:
        for _ in range(5):
            if window is not None:
                window.reader.pool.waitForDone()
            QApplication.processEvents()

    def shot(widget: QWidget, lang: str, name: str) -> None:
        settle(widget if isinstance(widget, MainWindow) else None)
        widget.grab().save(str(OUT / f"{lang}_{name}.png"))

    def window_for(user: str) -> tuple[Store, MainWindow]:
        store = Store.open(path, user, PASSPHRASE)
        window = MainWindow(store)
        window.resize(*SIZE)
        window.show()
        settle(window)
        return store, window

    def page(window: MainWindow, widget: QWidget) -> None:
        index = next(i for i, (_, p) in enumerate(window._page_list) if p is widget)
        window.nav.setCurrentIndex(window.nav_model.index(index))
        settle(window)

    for lang in ("en", "nl"):
        i18n.install(lang)
        unlock = UnlockDialog(path)
        unlock.user.setText("ind")  # as typed: the name is not remembered outside the store
        unlock.show()
        shot(unlock, lang, "01_unlock")
        unlock.close()

        store, window = window_for("hq")
        page(window, window.dashboard)
        shot(window, lang, "02_dashboard")
        page(window, window.cases)
        window.cases.list.search.setText("Muhammad")
        window.cases.list.refresh()
        shot(window, lang, "03_case_list_search")
        arabic = store.rows("SELECT c.id FROM cases c JOIN persons p ON p.case_id = c.id "
                            "WHERE p.given_name_original != '' AND c.state = 'arrived' "
                            "GROUP BY c.id HAVING COUNT(*) >= 4 LIMIT 1")[0][0]
        window.cases.open_case(arabic)
        shot(window, lang, "04_case_view")
        for target, name in ((window.quota, "06_quota"), (window.decisions, "07_final_decisions"),
                             (window.placement, "08_placement")):
            page(window, target)
            if target is window.decisions:
                window.decisions.list.setCurrentIndex(window.decisions.list_model.index(0))
            shot(window, lang, name)
        help_dialog = HelpDialog(window)
        help_dialog.show()
        shot(help_dialog, lang, "10_help")
        help_dialog.close()
        for dialog, name in ((AboutDialog(store, window), "12_about"),
                             (ReportDialog(store, window.mission_id(), None, window),
                              "13_print_report")):
            dialog.show()
            shot(dialog, lang, name)
            dialog.close()
        window.lock()
        shot(window, lang, "11_locked")
        window.close()
        store.close()

        store, window = window_for("ind")
        case_id, person_id = store.rows(
            "SELECT case_id, id FROM persons WHERE relationship = 'principal' AND "
            "given_name_original != '' AND case_id IN (SELECT id FROM cases WHERE state = "
            "'scheduled') LIMIT 1")[0]
        page(window, window.cases)
        form = window.cases.open_form("ind_interview", case_id, person_id)
        person = store.get(Person, person_id)
        form.editors["interpreter_language"].setText("Arabic")
        form.editors["notes"].setPlainText(
            f"Fictional demo notes. {person.given_name} describes the flight in 2019 ...")
        form.save_draft()
        shot(window, lang, "05_ind_interview_form")
        window.close()
        store.drop_draft(form.key)
        store.close()

        store, window = window_for("coa")
        window.mission.setCurrentIndex(window.mission.count() - 1)
        page(window, window.training)
        shot(window, lang, "09_co_attendance")
        window.close()
        store.close()
    shutil.rmtree(scratch)
    print(f"screenshots in {OUT}", flush=True)
    # PySide6 6.12 can crash while tearing down widgets at interpreter exit; all is saved,
    # so leave without that teardown.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
