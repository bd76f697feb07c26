"""IND assessment per adult and the decisions on a case.

An assessment answers, each with written grounds: art. 29(1)(a) Vw (refugee) with the
explicit art. 1F exclusion question, art. 29(1)(b) Vw (subsidiary protection) and the
integration check that since 2012 follows the art. 29 test in every case. The delegation
proposes (accept / refuse / pending); HQ takes the final decision. A proposed acceptance
needs a finalised assessment for every adult of the case."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain import (
    Art1F,
    AssessmentRecord,
    Case,
    CaseState,
    Decision,
    DecisionKind,
    DecisionOutcome,
    DraftStatus,
    Outcome,
    Person,
)
from app.services import cases
from app.services.access import Action, require, require_kind, select_visible
from app.services.messages import Refused
from app.store.database import Store

EDITABLE = ("art29a", "art1f", "art29a_grounds", "art29b", "art29b_grounds", "integration",
            "integration_grounds")
ART29 = (Outcome.OPEN, Outcome.MET, Outcome.NOT_MET)
INTEGRATION = (Outcome.OPEN, Outcome.NO_OBJECTION, Outcome.OBJECTION)


def start(store: Store, case_id: str, person_id: str) -> AssessmentRecord:
    """A draft assessment of one adult by this (IND) user; the existing one if any."""
    require(store.user, Action.WRITE, AssessmentRecord.ENTITY)
    person = store.get(Person, person_id)
    if person.case_id != case_id:
        raise Refused("interview.person_not_in_case")
    if not cases.is_adult(person):
        raise Refused("interview.not_adult")
    existing = store.select(AssessmentRecord, "person_id = ?", (person_id,))
    if existing:
        return existing[0]
    with store.write() as uow:
        return uow.insert(AssessmentRecord(case_id=case_id, person_id=person_id,
                                           assessor_id=store.user_id or ""))


def save(store: Store, assessment_id: str, **values: Any) -> AssessmentRecord:
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    require(store.user, Action.WRITE, AssessmentRecord.ENTITY)
    record = store.get(AssessmentRecord, assessment_id)
    if record.status is DraftStatus.FINAL:
        raise Refused("assessment.final")
    values = _typed(values)
    with store.write() as uow:
        return uow.update(record, **values)


def finalise(store: Store, assessment_id: str) -> AssessmentRecord:
    """Final once every question has an answer and grounds, and 1F is consistent."""
    require(store.user, Action.WRITE, AssessmentRecord.ENTITY)
    record = store.get(AssessmentRecord, assessment_id)
    problem = incomplete(record)
    if problem:
        raise Refused(problem)
    with store.write() as uow:
        return uow.update(record, status=DraftStatus.FINAL)


def incomplete(record: AssessmentRecord) -> str | None:
    """The message key of what is missing before the assessment can be final, or None."""
    if record.art1f is Art1F.OPEN:
        return "assessment.needs_1f"
    if record.art29a is Outcome.OPEN or not record.art29a_grounds.strip():
        return "assessment.needs_29a"
    if record.art29b is Outcome.OPEN or not record.art29b_grounds.strip():
        return "assessment.needs_29b"
    if record.integration is Outcome.OPEN or not record.integration_grounds.strip():
        return "assessment.needs_integration"
    # 1F excludes from protection: an excluded person cannot meet art. 29(1)(a).
    if record.art1f in (Art1F.INDICATION, Art1F.EXCLUDED) and record.art29a is Outcome.MET:
        return "assessment.1f_contradiction"
    return None


def recommends_acceptance(record: AssessmentRecord) -> bool:
    """Protection (29(1)(a) without 1F, or 29(1)(b)) and no integration objection."""
    excluded = record.art1f in (Art1F.INDICATION, Art1F.EXCLUDED)
    protected = record.art29a is Outcome.MET or record.art29b is Outcome.MET
    return protected and not excluded and record.integration is Outcome.NO_OBJECTION


def for_case(store: Store, case_id: str) -> list[AssessmentRecord]:
    return select_visible(store, AssessmentRecord, "case_id = ?", (case_id,), order_by="id")


def missing_assessments(store: Store, case_id: str) -> list[Person]:
    """Adults of the case without a finalised assessment."""
    done = {r[0] for r in store.rows(
        "SELECT person_id FROM assessments WHERE case_id = ? AND status = ?",
        (case_id, DraftStatus.FINAL.value))}
    return [p for p in cases.adults(store, case_id) if p.id not in done]


# -- decisions ------------------------------------------------------------------------------
def propose(store: Store, case_id: str, outcome: DecisionOutcome, grounds: str = "",
            on: dt.date | None = None) -> Decision:
    """The delegation's proposal. Moves an interviewed case to proposed; a proposed case
    (e.g. pending) may get a new proposal until HQ decides."""
    outcome = DecisionOutcome(outcome)
    require_kind(store.user, Action.WRITE, Decision.ENTITY, DecisionKind.PROPOSED.value)
    case = store.get(Case, case_id)
    if case.state not in (CaseState.INTERVIEWED, CaseState.PROPOSED):
        cases.check_move(store, case, CaseState.PROPOSED)  # raises naming the missing step
    if outcome is DecisionOutcome.ACCEPT:
        missing = missing_assessments(store, case_id)
        if missing:
            raise Refused("decision.needs_assessments", case=case.unhcr_case_number,
                                n=len(missing))
    elif not grounds.strip():
        raise Refused("decision.needs_grounds")
    decision = Decision(case_id=case_id, kind=DecisionKind.PROPOSED, outcome=outcome,
                        grounds=grounds, decided_by=store.user_id or "",
                        decided_on=on or dt.date.today())
    with store.write() as uow:
        uow.insert(decision)
        if case.state is CaseState.INTERVIEWED:
            cases.move(uow, case, CaseState.PROPOSED)
    return decision


def decide(store: Store, case_id: str, outcome: DecisionOutcome, grounds: str = "",
           on: dt.date | None = None) -> Decision:
    """HQ's final decision: accept (the six months start on `on`) or refuse."""
    outcome = DecisionOutcome(outcome)
    require_kind(store.user, Action.WRITE, Decision.ENTITY, DecisionKind.FINAL.value)
    if outcome is DecisionOutcome.PENDING:
        raise Refused("decision.final_pending")
    if outcome is DecisionOutcome.REFUSE and not grounds.strip():
        raise Refused("decision.needs_grounds")
    case = store.get(Case, case_id)
    target = CaseState.DECIDED if outcome is DecisionOutcome.ACCEPT else CaseState.REFUSED
    if case.state is not CaseState.PROPOSED:
        cases.check_move(store, case, target)  # raises naming the missing step
    on = on or dt.date.today()
    decision = Decision(case_id=case_id, kind=DecisionKind.FINAL, outcome=outcome,
                        grounds=grounds, decided_by=store.user_id or "", decided_on=on)
    with store.write() as uow:
        uow.insert(decision)
        extra = {"selected_on": on} if target is CaseState.DECIDED else {}
        cases.move(uow, case, target, **extra)
    return decision


def decisions(store: Store, case_id: str) -> list[Decision]:
    return select_visible(store, Decision, "case_id = ?", (case_id,),
                          order_by="decided_on, id")


def _typed(values: dict[str, Any]) -> dict[str, Any]:
    """Enums from their text, refusing answers that do not belong to the question."""
    typed = dict(values)
    for name, allowed in (("art29a", ART29), ("art29b", ART29),
                          ("integration", INTEGRATION)):
        if name in typed:
            typed[name] = Outcome(typed[name])
            if typed[name] not in allowed:
                raise Refused("assessment.bad_answer", question=name)
    if "art1f" in typed:
        typed["art1f"] = Art1F(typed["art1f"])
    return typed
