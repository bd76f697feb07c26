"""Typing into the case list's search box: look-alike names stay out, a word being typed
never empties the list, the best match comes first and the list says who matched."""

from __future__ import annotations

from app.domain import Case, Person
from app.store import Store
from ui.case_model import Col
from ui.main_window import MainWindow
from ui.qt import QApplication, QEvent, QKeyEvent, Qt


def _case(store: Store, mission_id: str, number: str, *names: tuple[str, str, str, str]
          ) -> str:
    with store.write() as uow:
        with store.system_writer():  # the case comes from HQ; the delegate adds its persons
            case = uow.insert(Case(unhcr_case_number=number, mission_id=mission_id))
        for given, family, given_ar, family_ar in names:
            uow.insert(Person(case_id=case.id, given_name=given, family_name=family,
                              given_name_original=given_ar, family_name_original=family_ar))
    return case.id


def _type(qtbot, window: MainWindow, text: str) -> list[str]:
    """Type `text` into the emptied search box; the case ids listed once it settled."""
    page = window.cases.list
    page.search.clear()
    for char in text:  # QTest types ASCII only: an Arabic letter is sent as its key event
        if char.isascii():
            qtbot.keyClicks(page.search, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(page.search, QKeyEvent(
                    kind, 0, Qt.KeyboardModifier.NoModifier, char))
    qtbot.waitUntil(lambda: page.model.query.text == text.strip()
                    and page.count.text() != "Searching…")
    return [page.proxy.case_id(r) for r in range(page.proxy.rowCount())]


def _matched(window: MainWindow, row: int) -> str:
    proxy = window.cases.list.proxy
    return proxy.data(proxy.index(row, Col.MATCH))


def test_search_box_ranks_keeps_look_alikes_out_and_says_who_matched(
        qtbot, ind_store: Store) -> None:
    mission_id = ind_store.scalar("SELECT mission_id FROM cases WHERE mission_id IS NOT NULL "
                                  "LIMIT 1")
    mahmud = _case(ind_store, mission_id, "DEMO-JOR-9000001",
                   ("Suha Mahmud", "Awad", "سهى محمود", "عوض"))
    exact = _case(ind_store, mission_id, "DEMO-JOR-9000002",
                  ("Layla", "Qabbani", "ليلى", "قباني"),
                  ("Muhammad", "Qabbani", "محمد", "قباني"))
    variant = _case(ind_store, mission_id, "DEMO-JOR-9000003",
                    ("Mohamed", "Qabbani", "محمد", "قباني"))
    hassan = _case(ind_store, mission_id, "DEMO-JOR-9000004",
                   ("Mohammed", "Al-Hassan", "محمد", "الحسن"))
    window = MainWindow(ind_store)
    qtbot.addWidget(window)
    window.show()
    window.mission.setCurrentIndex(window.mission.findData(mission_id))

    for query in ("mohammed", "mohamad", "محمد"):
        found = _type(qtbot, window, query)
        assert exact in found and variant in found, query
        assert mahmud not in found, query  # Mahmoud is another name than Muhammad
    assert mahmud in _type(qtbot, window, "Mahmoud")

    found = _type(qtbot, window, "Muhammad Qabbani")
    assert found[:2] == [exact, variant]  # the exact spelling first
    assert _matched(window, 0) == "\u2068Muhammad Qabbani\u2069 (name)"  # not Layla
    assert _type(qtbot, window, "محمد قباني")[:2] in ([exact, variant], [variant, exact])
    assert _matched(window, 0) == "\u2068محمد قباني\u2069 (original script)"

    # A hyphen just typed does not empty the list mid-word.
    with_article = _type(qtbot, window, "Muhammad Al")
    assert hassan in with_article
    assert _type(qtbot, window, "Muhammad Al-") == with_article
    assert hassan in _type(qtbot, window, "Muhammad Al-H")
    assert _type(qtbot, window, "Muhammad Al-Hassan")[0] == hassan
