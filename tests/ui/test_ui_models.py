"""The case list and attendance models, tested without any widget."""

from __future__ import annotations

from app.domain import CaseState, Person
from app.domain.enums import Attendance
from app.store import Store
from ui import data
from ui.case_model import FSI, ID_ROLE, PAGE, CaseProxyModel, CaseQuery, CaseTableModel, Col
from ui.qt import Qt
from ui.training import AttendanceModel


def _ids(model: CaseTableModel) -> list[str]:
    return [model.case_id(r) for r in range(model.rowCount())]


def test_full_listing_has_every_case_and_reads_pages_lazily(ind_store: Store) -> None:
    model = CaseTableModel(ind_store)
    model.run_query(CaseQuery())
    assert model.rowCount() == ind_store.scalar("SELECT COUNT(*) FROM cases") == 80
    assert model.columnCount() == len(Col)
    assert not model._pages  # nothing read before a view asks
    number = model.data(model.index(3, Col.NUMBER))
    assert number.startswith("DEMO-")
    assert list(model._pages) == [0]


def test_row_values_match_the_principal_applicant(ind_store: Store) -> None:
    model = CaseTableModel(ind_store)
    model.run_query(CaseQuery(sort=Col.NUMBER))
    case_id = model.data(model.index(0, 0), ID_ROLE)
    principal = ind_store.select(Person, "case_id = ? AND relationship = 'principal'",
                                 (case_id,))[0]
    assert model.data(model.index(0, Col.NAME)) == \
        f"{principal.given_name} {principal.family_name}"
    if principal.given_name_original:  # right-to-left name isolated for display
        assert model.data(model.index(0, Col.ORIGINAL)).startswith(FSI)
    persons = ind_store.count(Person, "case_id = ?", (case_id,))
    assert model.data(model.index(0, Col.PERSONS)) == persons


def test_search_finds_transliteration_variants(ind_store: Store) -> None:
    model = CaseTableModel(ind_store)
    wanted = {r[0] for r in ind_store.rows(
        "SELECT case_id FROM persons WHERE substr(given_name, 1, instr(given_name, ' ') - 1) "
        "IN ('Mohammed', 'Muhammad', 'Mohamed', 'Mohamad')")}
    assert wanted, "demo data should hold a Mohammed"
    for spelling in ("Muhammad", "mohammed", "محمد"):
        model.run_query(CaseQuery(text=spelling))
        assert wanted <= set(_ids(model)), spelling


def test_search_by_unhcr_number_and_state_filter(ind_store: Store) -> None:
    model = CaseTableModel(ind_store)
    number, case_id, state = ind_store.rows(
        "SELECT unhcr_case_number, id, state FROM cases LIMIT 1")[0]
    model.run_query(CaseQuery(text=number[-7:]))
    assert case_id in _ids(model)
    model.run_query(CaseQuery(state=CaseState(state)))
    assert model.rowCount() == ind_store.scalar("SELECT COUNT(*) FROM cases WHERE state = ?",
                                                (state,))
    other = next(s for s in CaseState if s.value != state)
    model.run_query(CaseQuery(text=number[-7:], state=other))
    assert case_id not in _ids(model)


def test_sorting_happens_in_sql(ind_store: Store) -> None:
    model = CaseTableModel(ind_store)
    numbers = sorted(r[0] for r in ind_store.rows("SELECT unhcr_case_number FROM cases"))
    model.run_query(CaseQuery(sort=Col.NUMBER))
    rows = range(len(numbers))
    assert [model.data(model.index(r, Col.NUMBER)) for r in rows] == numbers
    model.run_query(CaseQuery(sort=Col.NUMBER, descending=True))
    assert [model.data(model.index(r, Col.NUMBER)) for r in rows] == numbers[::-1]


def test_a_stale_worker_result_is_dropped(ind_store: Store) -> None:
    model = CaseTableModel(ind_store)
    pending: list[tuple[CaseQuery, int]] = []
    model.run_query(CaseQuery(), lambda q, g: pending.append((q, g)))
    model.run_query(CaseQuery(text="DEMO-"))  # the user typed before the listing came back
    found = model.rowCount()
    query, generation = pending[0]
    model.deliver(query.ids(ind_store), generation)
    assert model.rowCount() == found


def test_pages_beyond_the_first_load_on_demand(store: Store) -> None:
    from app.demo import DemoGenerator

    DemoGenerator(store, 5).run(PAGE + 30)
    model = CaseTableModel(store)
    model.run_query(CaseQuery(sort=Col.NUMBER))
    last = model.data(model.index(PAGE + 29, Col.NUMBER))
    assert last == max(r[0] for r in store.rows("SELECT unhcr_case_number FROM cases"))
    assert set(model._pages) == {1}


def test_proxy_forwards_sorting_to_the_source(ind_store: Store) -> None:
    model = CaseTableModel(ind_store)
    proxy = CaseProxyModel()
    proxy.setSourceModel(model)
    asked: list[tuple[int, bool]] = []
    proxy.sort_requested.connect(lambda c, d: asked.append((c, d)))
    model.run_query(CaseQuery())
    proxy.sort(Col.STATE, Qt.SortOrder.DescendingOrder)
    assert asked == [(Col.STATE, True)]
    assert proxy.rowCount() == model.rowCount()
    assert proxy.case_id(5) == model.case_id(5)  # no reordering of its own


def test_attendance_model_reads_and_writes_through_the_service(ind_store: Store) -> None:
    ind_store.user = ind_store.select(type(ind_store.user), "name = 'coa'")[0]
    training = data.trainings(ind_store, None)[0]
    model = AttendanceModel(ind_store)
    model.show(AttendanceModel.read(ind_store, training.id))
    assert model.rowCount() > 0 and model.columnCount() == 6
    model.set_status(0, 0, Attendance.ABSENT)
    person, session = model.persons[0][0], model.sessions[0]
    stored = data.attendance_map(ind_store, training.id)[(person.id, session.id)]
    assert stored.status is Attendance.ABSENT
    assert model.data(model.index(0, 0)) == "A"
    assert any(p.id == person.id for p, _n, _s in model.missed())
