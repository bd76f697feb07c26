"""Need-to-know, per role: the expectations are written out here independently of
`access.RULES`, and checked both on the rule and through the services that enforce it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.domain import (
    AssessmentRecord,
    Case,
    CaseState,
    Decision,
    DecisionKind,
    DecisionOutcome,
    Interview,
    InterviewKind,
    MedicalNote,
    Role,
    User,
)
from app.errors import PermissionDenied
from app.services import access, assessments, cases, interviews
from app.services.access import Action

R = Role
EVERY = set(Role)
# resource -> (roles that may read, roles that may write)
EXPECTED = {
    "medical_notes": ({R.BMA, R.HQ_MEDICAL}, {R.BMA}),
    "interviews:BMA": ({R.BMA, R.HQ_MEDICAL}, {R.BMA}),
    "assessments": ({R.IND, R.HQ_COORDINATOR}, {R.IND}),
    "interviews:IND": ({R.IND, R.HQ_COORDINATOR}, {R.IND}),
    "interviews:COA": ({R.COA, R.IND, R.HQ_COORDINATOR, R.BMA}, {R.COA}),
    "resettlement_profiles": ({R.COA, R.IND, R.HQ_COORDINATOR, R.BMA, R.HQ_MEDICAL}, {R.COA}),
    "decisions:proposed": ({R.IND, R.HQ_COORDINATOR, R.COA}, {R.IND}),
    "decisions:final": ({R.IND, R.HQ_COORDINATOR, R.COA}, {R.HQ_COORDINATOR}),
    "cases": (EVERY - {R.ADMIN}, {R.HQ_COORDINATOR}),
    "persons": (EVERY - {R.ADMIN}, {R.HQ_COORDINATOR, R.IND, R.COA}),
    "attendance": (EVERY - {R.ADMIN}, {R.COA}),
    "trainings": (EVERY - {R.ADMIN}, {R.COA, R.HQ_COORDINATOR}),
    "frameworks": (EVERY, {R.HQ_COORDINATOR}),
    "missions": (EVERY, {R.HQ_COORDINATOR}),
    "users": (EVERY, {R.ADMIN}),
    "duplicate_flags": ({R.IND, R.HQ_COORDINATOR}, {R.IND, R.HQ_COORDINATOR}),
    "placements": (EVERY - {R.ADMIN}, {R.COA, R.HQ_COORDINATOR}),
    "arrivals": (EVERY - {R.ADMIN}, {R.COA, R.HQ_COORDINATOR}),
}
MOVES = {
    CaseState.SCHEDULED: {R.HQ_COORDINATOR, R.IND}, CaseState.INTERVIEWED: {R.IND},
    CaseState.PROPOSED: {R.IND}, CaseState.DECIDED: {R.HQ_COORDINATOR},
    CaseState.REFUSED: {R.HQ_COORDINATOR}, CaseState.CO_TRAINING: {R.COA, R.HQ_COORDINATOR},
    CaseState.DEPARTED: {R.COA, R.HQ_COORDINATOR},
    CaseState.ARRIVED: {R.COA, R.HQ_COORDINATOR}, CaseState.WITHDRAWN: {R.HQ_COORDINATOR},
}
CASES = [(res, role) for res in EXPECTED for role in Role]


def _user(role: Role) -> User:
    return User(name=f"u.{role.value}", role=role)


@pytest.mark.parametrize(("resource", "role"), CASES, ids=[f"{r}-{o.value}" for r, o in CASES])
def test_rule_per_role(resource, role):
    readers, writers = EXPECTED[resource]
    user = _user(role)
    assert access.can(user, Action.READ, resource) == (role in readers)
    assert access.can(user, Action.WRITE, resource) == (role in writers)


@pytest.mark.parametrize("state", list(MOVES))
def test_moves_per_role(state):
    for role in Role:
        assert access.can(_user(role), Action.WRITE, state) == (role in MOVES[state]), role


def test_unknown_resources_inactive_users_and_no_user_are_refused():
    assert not access.can(_user(R.HQ_COORDINATOR), Action.READ, "nonexistent")
    inactive = dataclasses.replace(_user(R.BMA), active=False)
    assert not access.can(inactive, Action.READ, "medical_notes")
    assert not access.can(None, Action.READ, "cases")
    with pytest.raises(PermissionDenied) as denied:
        access.require(None, Action.READ, "cases")
    assert "cases" in denied.value.message("en") and "zaken" in denied.value.message("nl")


def test_a_refusal_names_the_role_in_words():
    with pytest.raises(PermissionDenied) as denied:
        access.require(_user(R.HQ_COORDINATOR), Action.WRITE, "medical_notes")
    assert denied.value.message("en").startswith("Your role (HQ coordinator) may not change")
    assert denied.value.message("nl").startswith("Uw rol (HQ-coördinator) mag")


def test_records_are_judged_by_their_kind():
    ind = Interview(case_id="c", kind=InterviewKind.IND, interviewer_id="u")
    bma = Interview(case_id="c", kind=InterviewKind.BMA, interviewer_id="u")
    coa_user, bma_user = _user(R.COA), _user(R.BMA)
    assert access.visible(coa_user, [ind, bma]) == []
    assert access.visible(bma_user, [ind, bma]) == [bma]
    assert access.can(coa_user, Action.READ, Interview)  # some interviews (COA's own)


def test_decision_grounds_are_hidden_from_coa():
    decision = Decision(case_id="c", kind=DecisionKind.FINAL, outcome=DecisionOutcome.REFUSE,
                        grounds="Fictional 1F grounds.", decided_by="u",
                        decided_on=dt.date(2025, 1, 1))
    [seen] = access.visible(_user(R.COA), [decision])
    assert seen.outcome is DecisionOutcome.REFUSE and seen.grounds == ""
    assert access.visible(_user(R.IND), [decision])[0].grounds.startswith("Fictional")


def test_services_enforce_need_to_know(flow, store):
    """Through the real services and store: what the role may not see, it does not get."""
    case = flow.interviewed()
    flow.assess_all(case)
    principal = cases.adults(store, case.id)[0]
    flow.act(R.BMA)
    note = interviews.save_medical_note(store, case.id, principal.id, "Fictional finding.")
    bma_interview = interviews.start(store, case.id, InterviewKind.BMA, principal.id)
    for role in (R.COA, R.IND, R.BUZA, R.HQ_COORDINATOR, R.ADMIN):
        flow.act(role)
        with pytest.raises(PermissionDenied):
            interviews.medical_notes(store, case.id)
        with pytest.raises(PermissionDenied):
            interviews.save_medical_note(store, case.id, principal.id, "x", note.id)
        assert bma_interview.id not in {i.id for i in interviews.for_case(store, case.id)}
    flow.act(R.HQ_MEDICAL)
    assert [n.id for n in interviews.medical_notes(store, case.id)] == [note.id]
    flow.act(R.COA)
    assert assessments.for_case(store, case.id) == []  # IND assessments: not for COA
    assert all(i.kind is InterviewKind.COA for i in interviews.for_case(store, case.id))
    with pytest.raises(PermissionDenied):
        access.get_visible(store, AssessmentRecord,
                           store.select(AssessmentRecord, limit=1)[0].id)
    flow.act(R.IND)
    assert len(assessments.for_case(store, case.id)) == 2
    flow.act(R.ADMIN)
    assert access.select_visible(store, Case) == []
    assert store.count(MedicalNote) == 1  # the refusals wrote nothing
