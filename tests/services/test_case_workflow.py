"""The case state machine: every allowed transition, every refused one, with the reason."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from app.domain import (
    Case,
    CaseState,
    DecisionOutcome,
    Departure,
    InterviewKind,
    Role,
    Training,
    TrainingCase,
)
from app.errors import PermissionDenied, RuleViolation
from app.i18n import tr
from app.services import assessments, cases, interviews

S = CaseState
ALL = list(CaseState)
REFUSED_EDGES = [(a, b) for a, b in itertools.product(ALL, ALL) if b not in cases.ALLOWED[a]]


def _case_in(store, state: CaseState, number: str = "DEMO-X-1") -> Case:
    return cases.create_case(store, Case(unhcr_case_number=number, state=state), [])


@pytest.mark.parametrize(("current", "target"), REFUSED_EDGES,
                         ids=[f"{a.value}->{b.value}" for a, b in REFUSED_EDGES])
def test_every_transition_outside_the_table_is_refused(store, current, target):
    case = _case_in(store, current)
    with pytest.raises(RuleViolation) as refused:
        cases.transition(store, case.id, target, note="because")
    assert refused.value.key in {"case.ended", "case.skips", "case.backwards",
                                 "case.refuse_needs_proposal"}
    assert store.get(Case, case.id).state is current  # nothing written
    assert len(cases.history(store, case.id)) == 1


def test_a_skipped_step_is_named(store):
    case = _case_in(store, S.REFERRED)
    with pytest.raises(RuleViolation) as refused:
        cases.transition(store, case.id, S.PROPOSED)
    text = refused.value.message("en")
    assert "scheduled, interviewed" in text and "DEMO-X-1" in text
    assert "ingepland, gehoord" in refused.value.message("nl")


def test_the_full_path_is_recorded_with_who_and_when(flow, store):
    case = flow.accepted()
    flow.act(Role.COA)
    training = _training(store, case)
    cases.transition(store, case.id, S.CO_TRAINING)
    with store.write() as uow:
        uow.insert(Departure(case_id=case.id, departed_on=dt.date(2025, 5, 1)))
    cases.transition(store, case.id, S.DEPARTED)
    from app.services import placement

    placement.record_arrival(store, case.id, dt.date(2025, 5, 2),
                             reception_location="COA Demo-azc")
    steps = cases.history(store, case.id)
    assert [t.to_state for t in steps] == list(cases.PATH)
    assert [t.from_state for t in steps] == [None, *cases.PATH[:-1]]
    assert all(t.user_id and t.at.endswith("+00:00") for t in steps)
    by_role = {t.to_state: t.user_id for t in steps}
    assert by_role[S.PROPOSED] == flow.users[Role.IND].id
    assert by_role[S.DECIDED] == flow.users[Role.HQ_COORDINATOR].id
    assert by_role[S.CO_TRAINING] == flow.users[Role.COA].id
    assert store.get(Case, case.id).selected_on == dt.date(2025, 3, 1)
    assert training.id


def _training(store, case: Case) -> Training:
    with store.write() as uow:
        training = uow.insert(Training(name="CO Demo"))
        uow.insert(TrainingCase(training_id=training.id, case_id=case.id))
    return training


def test_scheduling_a_mission_case_needs_a_mission(store):
    case = _case_in(store, S.REFERRED)
    with pytest.raises(RuleViolation, match="assign it to a mission"):
        cases.transition(store, case.id, S.SCHEDULED)


def test_interviewed_needs_a_final_ind_interview_per_adult(flow, store):
    case = flow.scheduled(minors=2)
    flow.act(Role.IND)
    adults = cases.adults(store, case.id)
    assert len(adults) == 2  # the children are not interviewed
    draft = interviews.start(store, case.id, InterviewKind.IND, adults[0].id)
    interviews.save(store, draft.id, notes="Fictional.")
    interviews.finalise(store, draft.id)
    with pytest.raises(RuleViolation) as refused:
        cases.transition(store, case.id, S.INTERVIEWED)
    assert refused.value.key == "case.needs_interviews" and refused.value.params["n"] == "1"


def test_proposed_needs_a_proposal_and_acceptance_needs_assessments(flow, store):
    case = flow.interviewed()
    with pytest.raises(RuleViolation, match="proposes first"):
        cases.transition(store, case.id, S.PROPOSED)
    with pytest.raises(RuleViolation) as refused:
        assessments.propose(store, case.id, DecisionOutcome.ACCEPT)
    assert refused.value.key == "decision.needs_assessments"
    with pytest.raises(RuleViolation, match="grounds"):
        assessments.propose(store, case.id, DecisionOutcome.PENDING)
    assessments.propose(store, case.id, DecisionOutcome.PENDING, "Need documents.")
    assert store.get(Case, case.id).state is S.PROPOSED
    flow.assess_all(case)
    assessments.propose(store, case.id, DecisionOutcome.ACCEPT)  # a new proposal
    assert store.get(Case, case.id).state is S.PROPOSED


def test_hq_decides_accept_or_refuse_only_after_a_proposal(flow, store):
    case = flow.interviewed()
    flow.act(Role.HQ_COORDINATOR)
    with pytest.raises(RuleViolation) as refused:
        assessments.decide(store, case.id, DecisionOutcome.ACCEPT)
    assert refused.value.key == "case.skips"
    with pytest.raises(RuleViolation, match="proposal"):
        cases.transition(store, case.id, S.REFUSED)
    flow.assess_all(case)
    assessments.propose(store, case.id, DecisionOutcome.ACCEPT)
    flow.act(Role.HQ_COORDINATOR)
    with pytest.raises(RuleViolation):
        cases.transition(store, case.id, S.DECIDED)  # no final decision yet
    with pytest.raises(RuleViolation, match="accept or refuse"):
        assessments.decide(store, case.id, DecisionOutcome.PENDING)
    assessments.decide(store, case.id, DecisionOutcome.REFUSE, "Fictional refusal grounds.")
    assert store.get(Case, case.id).state is S.REFUSED
    with pytest.raises(RuleViolation) as ended:
        cases.transition(store, case.id, S.WITHDRAWN, "late")
    assert ended.value.key == "case.ended"


@pytest.mark.parametrize(("target", "key"), [
    (S.CO_TRAINING, "case.needs_training"),
])
def test_co_training_needs_a_training(flow, store, target, key):
    case = flow.accepted()
    flow.act(Role.COA)
    with pytest.raises(RuleViolation) as refused:
        cases.transition(store, case.id, target)
    assert refused.value.key == key


def test_departed_and_arrived_need_their_records(store):
    departing = _case_in(store, S.CO_TRAINING, "DEMO-X-2")
    arriving = _case_in(store, S.DEPARTED, "DEMO-X-3")
    with pytest.raises(RuleViolation, match="no departure"):
        cases.transition(store, departing.id, S.DEPARTED)
    with pytest.raises(RuleViolation, match="no arrival"):
        cases.transition(store, arriving.id, S.ARRIVED)


@pytest.mark.parametrize("state", [s for s in ALL if S.WITHDRAWN in cases.ALLOWED[s]])
def test_withdrawal_from_every_open_state_needs_a_note(store, state):
    case = _case_in(store, state)
    with pytest.raises(RuleViolation, match="note"):
        cases.transition(store, case.id, S.WITHDRAWN)
    moved = cases.withdraw(store, case.id, "Family withdrew (fictional).")
    assert moved.state is S.WITHDRAWN
    assert cases.history(store, case.id)[-1].note.startswith("Family withdrew")


def test_roles_that_may_not_make_a_move_are_refused(flow, store):
    case = flow.proposed()
    for role in (Role.IND, Role.COA, Role.BMA, Role.BUZA, Role.ADMIN):
        flow.act(role)
        with pytest.raises(PermissionDenied) as denied:
            cases.transition(store, case.id, S.DECIDED)
        assert f"({tr(f'role.{role.value}', 'en')})" in denied.value.message("en")
    assert store.get(Case, case.id).state is S.PROPOSED


def test_next_states_offers_only_what_would_succeed(flow, store):
    case = flow.scheduled()
    flow.act(Role.IND)
    assert cases.next_states(store, case) == []  # interviews are missing
    flow.act(Role.HQ_COORDINATOR)
    assert cases.next_states(store, case) == [S.WITHDRAWN]  # offered; asks for a note
    case = flow.interviewed("DEMO-T-0002")
    flow.act(Role.IND)
    assert cases.next_states(store, case) == []  # a proposal is made by propose()


def test_assigning_to_a_mission_takes_its_framework_and_country(store):
    from app.services import quota

    fw = quota.create_framework(store, name="Demo", start=dt.date(2025, 1, 1),
                                end=dt.date(2025, 12, 31), total=100)
    mission = cases.create_mission(store, name="Demo Beirut", host_country="lbn",
                                   framework_id=fw.id, start_date=dt.date(2025, 2, 1),
                                   end_date=dt.date(2025, 2, 14),
                                   delegation=[(store.user_id, Role.HQ_COORDINATOR)])
    case = _case_in(store, S.REFERRED)
    [assigned] = cases.assign_to_mission(store, mission.id, [case.id])
    assert (assigned.mission_id, assigned.framework_id, assigned.host_country) == (
        mission.id, fw.id, "LBN")
    assert cases.mission_cases(store, mission.id) == [assigned]
    late = _case_in(store, S.DECIDED, "DEMO-X-9")
    with pytest.raises(RuleViolation, match="only referred or scheduled"):
        cases.assign_to_mission(store, mission.id, [late.id])
    with pytest.raises(RuleViolation):
        cases.create_mission(store, name="x", host_country="EGY",
                             start_date=dt.date(2025, 2, 2), end_date=dt.date(2025, 2, 1))


def test_messages_exist_in_both_languages():
    for key in ("case.skips", "case.needs_interviews", "access.denied"):
        assert tr(key, "nl") != tr(key, "en") != key
