"""CO training plan and attendance, placement matching, departure and arrival (incl. nareis)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain import (
    ArrivalPlace,
    Attendance,
    Case,
    CaseState,
    DayPart,
    Person,
    Relationship,
    Role,
    TrainingTopic,
)
from app.errors import RuleViolation
from app.services import cases, interviews, placement, training


def test_default_plan_is_three_trainings_of_six_day_parts(flow, store):
    flow.act(Role.COA)
    plan = training.plan_default(store, start=dt.date(2025, 4, 7), name="CO Cairo",
                                 interpreter_language="Arabic", trainer_ids=[store.user_id])
    assert len(plan) == 3
    for number, item in enumerate(plan):
        sessions = training.sessions(store, item.id)
        assert len(sessions) == 6
        assert [s.day_part for s in sessions] == [DayPart.MORNING, DayPart.AFTERNOON] * 3
        first = dt.date(2025, 4, 7) + dt.timedelta(days=7 * number)
        assert [s.held_on for s in sessions] == [first + dt.timedelta(days=i // 2)
                                                 for i in range(6)]
        topics = {t for s in sessions for t in s.topics}
        assert topics == {t.value for t in TrainingTopic}  # every topic of the design


def test_the_plan_is_editable(flow, store):
    flow.act(Role.COA)
    first = training.plan_default(store, start=dt.date(2025, 4, 7))[0]
    sessions = training.sessions(store, first.id)
    with pytest.raises(RuleViolation, match="already has a session"):
        training.update_session(store, sessions[0].id, day_part=DayPart.AFTERNOON)
    moved = training.update_session(store, sessions[0].id, held_on=dt.date(2025, 4, 14),
                                    topics=["money"])
    assert moved.topics == ["money"]
    with pytest.raises(RuleViolation, match="Unknown training topic"):
        training.add_session(store, first.id, dt.date(2025, 4, 15), DayPart.MORNING, ["golf"])
    extra = training.add_session(store, first.id, dt.date(2025, 4, 15), DayPart.MORNING,
                                 ["dutch_language"])
    training.remove_session(store, extra.id)
    assert len(training.sessions(store, first.id)) == 6


def test_attendance_and_missed_sessions_per_case(flow, store):
    case = flow.accepted()
    flow.act(Role.COA)
    item = training.plan_default(store, start=dt.date(2025, 4, 7))[0]
    outsider = flow.family("DEMO-T-0002")
    flow.act(Role.COA)
    with pytest.raises(RuleViolation, match="only accepted"):
        training.enrol(store, item.id, [outsider.id])
    training.enrol(store, item.id, [case.id])
    assert store.get(Case, case.id).state is CaseState.CO_TRAINING  # moved with enrolment
    training.enrol(store, item.id, [case.id])  # twice is once
    sessions = training.sessions(store, item.id)
    people = store.select(Person, "case_id = ?", (case.id,), order_by="id")
    for person in people:
        for session in sessions:
            training.record_attendance(store, session.id, person.id, Attendance.PRESENT)
    training.record_attendance(store, sessions[1].id, people[0].id, Attendance.ABSENT)
    training.record_attendance(store, sessions[4].id, people[1].id, Attendance.EXCUSED,
                               "Hospital visit (fictional).")
    with pytest.raises(RuleViolation, match="has attendance"):
        training.remove_session(store, sessions[1].id)
    with pytest.raises(RuleViolation, match="not in this training"):
        training.record_attendance(store, sessions[0].id,
                                   store.select(Person, "case_id = ?", (outsider.id,))[0].id,
                                   Attendance.PRESENT)
    missed = training.missed_sessions(store, case.id)
    assert {(m.person_id, m.session.id, m.status) for m in missed} == {
        (people[0].id, sessions[1].id, Attendance.ABSENT),
        (people[1].id, sessions[4].id, Attendance.EXCUSED)}
    profile = training.note_for_municipality(store, case.id, "Prefers a ground floor.")
    assert profile.notes_for_municipality == "Prefers a ground floor."


def _municipalities(flow, store):
    flow.act(Role.HQ_COORDINATOR)
    return {
        "small": placement.add_municipality(store, "Demodam", houses_offered=2,
                                            capacity_per_year=4),
        "hospital": placement.add_municipality(store, "Proefwijk", houses_offered=3,
                                               capacity_per_year=30, near_hospital=True),
        "accessible": placement.add_municipality(store, "Oefenburg", houses_offered=1,
                                                 capacity_per_year=30, near_hospital=True,
                                                 accessible_housing=True),
        "full": placement.add_municipality(store, "Testerhout", houses_offered=0,
                                           capacity_per_year=50),
    }


def test_matching_follows_the_resettlement_profile(flow, store):
    places = _municipalities(flow, store)
    plain = flow.accepted("DEMO-T-0001", minors=1)  # three persons
    big = flow.accepted("DEMO-T-0002", minors=4)  # six persons
    wheelchair = flow.accepted("DEMO-T-0003", minors=0)
    flow.act(Role.COA)
    interviews.save_profile(store, wheelchair.id, needs_accessible_housing=True,
                            needs_hospital_nearby=True)
    names = lambda ms: [m.municipality.name for m in ms]  # noqa: E731
    assert names(placement.matches(store, plain.id, 2025)) == ["Oefenburg", "Proefwijk",
                                                                 "Demodam"]
    assert "Demodam" not in names(placement.matches(store, big.id, 2025))  # too big for 4
    assert names(placement.matches(store, wheelchair.id, 2025)) == ["Oefenburg"]
    proposal = placement.propose_matches(store, [plain.id, big.id, wheelchair.id], 2025)
    # the hardest case first takes the one accessible house; the others share the rest
    assert proposal[wheelchair.id].municipality.id == places["accessible"].id
    assert {proposal[plain.id].municipality.name, proposal[big.id].municipality.name} <= {
        "Proefwijk", "Demodam"}
    assert proposal[big.id].municipality.name == "Proefwijk"
    placement.place(store, wheelchair.id, places["accessible"].id)
    assert placement.matches(store, plain.id, 2025)[0].municipality.name != "Oefenburg"


def test_departure_arrival_reception_and_nareis(flow, store):
    places = _municipalities(flow, store)
    case = flow.accepted(minors=1)
    flow.act(Role.HQ_COORDINATOR)
    person_ids = [p.id for p in store.select(Person, "case_id = ?", (case.id,))]
    follower = Person(case_id=case.id, given_name="Bilal", family_name="Haddad-Demo",
                      birth_date="2001", relationship=Relationship.CHILD, follows_later=True)
    with store.write() as uow:
        uow.insert(follower)
    flow.act(Role.COA)
    item = training.create_training(store, "CO Demo")
    training.enrol(store, item.id, [case.id])
    with pytest.raises(RuleViolation, match="first it must be departed"):
        placement.record_arrival(store, case.id, dt.date(2025, 6, 2),
                                 reception_location="COA Demo-azc")
    placement.record_departure(store, case.id, dt.date(2025, 6, 1), "Cairo")
    with pytest.raises(RuleViolation, match="reception location"):
        placement.record_arrival(store, case.id, dt.date(2025, 6, 2))  # no house yet
    with pytest.raises(RuleViolation, match="arrived"):
        placement.record_nareis_arrival(store, case.id, [follower.id], dt.date(2025, 9, 1))
    arrivals = placement.record_arrival(store, case.id, dt.date(2025, 6, 2),
                                        reception_location="COA Demo-azc")
    assert {a.person_id for a in arrivals} == set(person_ids)  # not the follower
    assert all(a.place is ArrivalPlace.RECEPTION and not a.is_nareis for a in arrivals)
    assert store.get(Case, case.id).state is CaseState.ARRIVED
    later = placement.record_nareis_arrival(store, case.id, [follower.id], dt.date(2025, 9, 1))
    assert [(a.person_id, a.is_nareis) for a in later] == [(follower.id, True)]
    # a separate nareis case follows the original and all its arrivals are nareis
    flow.act(Role.HQ_COORDINATOR)
    # (created as accepted: a short cut past the workflow tested elsewhere)
    nareis = Case(unhcr_case_number="DEMO-T-0001-N", state=CaseState.DECIDED)
    nareis = placement.create_nareis_case(store, case.id, nareis, [Person(
        case_id=nareis.id, given_name="Salma", family_name="Haddad-Demo", birth_date="1950")])
    assert nareis.follows_case_id == case.id
    placement.place(store, nareis.id, places["hospital"].id, confirmed=True)
    with pytest.raises(RuleViolation, match="confirmed"):
        placement.place(store, nareis.id, places["small"].id)
    with store.write() as uow:
        uow.update(store.get(Case, nareis.id), state=CaseState.DEPARTED)
    [arrival] = placement.record_arrival(store, nareis.id, dt.date(2025, 10, 1))
    assert arrival.is_nareis and arrival.municipality_id == places["hospital"].id
    assert cases.history(store, nareis.id)[-1].to_state is CaseState.ARRIVED
