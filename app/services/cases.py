"""Missions and the life of a case: referred -> scheduled -> interviewed -> proposed ->
decided -> CO training -> departed -> arrived, with refused and withdrawn as end states.

Only the transitions in `ALLOWED` exist; each also needs its step done (an interview per
adult, a proposal, HQ's decision, a training, a departure, an arrival). A refused move
says which step is missing. Every move writes a `CaseTransition` (who, when) in the same
unit of work as the case itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from app.domain import (
    Arrival,
    Case,
    CaseState,
    CaseTransition,
    Channel,
    DecisionKind,
    DecisionOutcome,
    DelegationMember,
    Departure,
    DraftStatus,
    InterviewKind,
    Mission,
    MissionStatus,
    Person,
    Role,
    TrainingCase,
)
from app.services.access import Action, can, require
from app.services.messages import Refused, Term
from app.store.audit import utc_now
from app.store.database import Store
from app.store.unit_of_work import UnitOfWork

S = CaseState
PATH = (S.REFERRED, S.SCHEDULED, S.INTERVIEWED, S.PROPOSED, S.DECIDED, S.CO_TRAINING,
        S.DEPARTED, S.ARRIVED)
END_STATES = frozenset({S.ARRIVED, S.REFUSED, S.WITHDRAWN})
ALLOWED: dict[CaseState, frozenset[CaseState]] = {
    S.REFERRED: frozenset({S.SCHEDULED, S.WITHDRAWN}),
    S.SCHEDULED: frozenset({S.INTERVIEWED, S.WITHDRAWN}),
    S.INTERVIEWED: frozenset({S.PROPOSED, S.WITHDRAWN}),
    S.PROPOSED: frozenset({S.DECIDED, S.REFUSED, S.WITHDRAWN}),
    S.DECIDED: frozenset({S.CO_TRAINING, S.WITHDRAWN}),
    S.CO_TRAINING: frozenset({S.DEPARTED, S.WITHDRAWN}),
    S.DEPARTED: frozenset({S.ARRIVED}),
    S.ARRIVED: frozenset(),
    S.REFUSED: frozenset(),
    S.WITHDRAWN: frozenset(),
}
ADULT_AGE = 18


def state_term(*states: CaseState) -> Term:
    """State names for a message, rendered in the language the message is shown in."""
    return Term(*(f"state.{s.value}" for s in states))


# -- persons --------------------------------------------------------------------------------
def is_adult(person: Person, on: dt.date | None = None) -> bool:
    """Adult on `on` (default today). A partial birth date counts from its earliest day, so
    a person who may be an adult is treated as one (and gets an interview of their own)."""
    on = on or dt.date.today()
    parts = [int(p) for p in person.birth_date.split("-") if p.isdigit()] if \
        person.birth_date else []
    if not parts:
        return person.relationship.value in ("principal", "spouse", "parent", "grandparent")
    year, month, day = (*parts, 1, 1)[:3]
    return (on.year - year) - ((on.month, on.day) < (month, day)) >= ADULT_AGE


def adults(store: Store, case_id: str, on: dt.date | None = None) -> list[Person]:
    """The adults of a case who are present (family who follow later are not interviewed)."""
    return [p for p in store.select(Person, "case_id = ? AND follows_later = 0", (case_id,),
                                    order_by="id") if is_adult(p, on)]


# -- creating -------------------------------------------------------------------------------
def create_case(store: Store, case: Case, persons: Sequence[Person]) -> Case:
    """A newly referred case with its persons, in one unit of work."""
    with store.write() as uow:
        return insert_case(uow, case, persons)


def insert_case(uow: UnitOfWork, case: Case, persons: Iterable[Person]) -> Case:
    """The writes of `create_case`, for callers that hold a unit of work (referral import)."""
    require(uow.store.user, Action.WRITE, Case.ENTITY)
    case = uow.insert(case)
    for person in persons:
        uow.insert(person)
    _record(uow, case, None, case.state, "")
    return case


def create_mission(store: Store, *, name: str, host_country: str, location: str = "",
                   start_date: dt.date | None = None, end_date: dt.date | None = None,
                   framework_id: str | None = None, target_places: int = 0,
                   delegation: Sequence[tuple[str, Role]] = ()) -> Mission:
    """HQ plans a mission and its delegation (user id, role on the mission)."""
    require(store.user, Action.WRITE, Mission.ENTITY)
    if start_date and end_date and end_date < start_date:
        raise Refused("mission.dates")
    mission = Mission(name=name, framework_id=framework_id, host_country=host_country.upper(),
                      location=location, start_date=start_date, end_date=end_date,
                      target_places=target_places)
    with store.write() as uow:
        uow.insert(mission)
        for user_id, role in delegation:
            uow.insert(DelegationMember(mission_id=mission.id, user_id=user_id,
                                        mission_role=role))
    return mission


def add_delegation_member(store: Store, mission_id: str, user_id: str,
                          role: Role) -> DelegationMember:
    require(store.user, Action.WRITE, DelegationMember.ENTITY)
    store.get(Mission, mission_id)
    with store.write() as uow:
        return uow.insert(DelegationMember(mission_id=mission_id, user_id=user_id,
                                           mission_role=role))


def set_mission_status(store: Store, mission_id: str, status: MissionStatus) -> Mission:
    require(store.user, Action.WRITE, Mission.ENTITY)
    with store.write() as uow:
        return uow.update(store.get(Mission, mission_id), status=status)


def assign_to_mission(store: Store, mission_id: str, case_ids: Iterable[str]) -> list[Case]:
    """Put referred cases in a mission's package; they take its framework and host country.
    A case already past scheduling stays where it is (its interviews belong to a mission)."""
    require(store.user, Action.WRITE, Case.ENTITY)
    mission = store.get(Mission, mission_id)
    assigned = []
    with store.write() as uow:
        for case_id in case_ids:
            case = store.get(Case, case_id)
            if case.state not in (S.REFERRED, S.SCHEDULED):
                raise Refused("mission.assign_state", case=case.unhcr_case_number,
                                    state=state_term(case.state))
            assigned.append(uow.update(
                case, mission_id=mission.id, channel=Channel.MISSION,
                framework_id=mission.framework_id or case.framework_id,
                host_country=mission.host_country))
    return assigned


def mission_cases(store: Store, mission_id: str) -> list[Case]:
    require(store.user, Action.READ, Case.ENTITY)
    return store.select(Case, "mission_id = ?", (mission_id,), order_by="unhcr_case_number")


# -- moving ---------------------------------------------------------------------------------
def transition(store: Store, case_id: str, to_state: CaseState, note: str = "") -> Case:
    """Move a case one step, if that step is allowed, permitted for the role and done."""
    with store.write() as uow:
        return move(uow, store.get(Case, case_id), to_state, note)


def move(uow: UnitOfWork, case: Case, to_state: CaseState, note: str = "",
         **changes: object) -> Case:
    """The writes of `transition`, inside the caller's unit of work (with its other writes,
    e.g. a departure and the move to departed commit together)."""
    to_state = CaseState(to_state)
    check_move(uow.store, case, to_state, note)
    moved = uow.update(case, state=to_state, **changes)
    _record(uow, moved, case.state, to_state, note)
    return moved


def check_move(store: Store, case: Case, to_state: CaseState, note: str = "") -> None:
    """Raise RuleViolation naming the missing step unless `case` may go to `to_state`, or
    PermissionDenied if this user's role may not make that move."""
    if to_state not in ALLOWED[case.state]:
        _refuse_edge(case, to_state)
    require(store.user, Action.WRITE, to_state)
    problem = _missing_step(store, case, to_state, note)
    if problem:
        key, params = problem
        raise Refused(key, case=case.unhcr_case_number, **params)


def next_states(store: Store, case: Case) -> list[CaseState]:
    """The states this user could move the case to now (for the UI's buttons)."""
    return [s for s in (*PATH, S.REFUSED, S.WITHDRAWN) if s in ALLOWED[case.state]
            and can(store.user, Action.WRITE, s)
            and _missing_step(store, case, s, "-") is None]


def history(store: Store, case_id: str) -> list[CaseTransition]:
    require(store.user, Action.READ, CaseTransition.ENTITY)
    return store.select(CaseTransition, "case_id = ?", (case_id,), order_by="at, id")


def withdraw(store: Store, case_id: str, note: str) -> Case:
    return transition(store, case_id, S.WITHDRAWN, note)


def _record(uow: UnitOfWork, case: Case, from_state: CaseState | None, to_state: CaseState,
            note: str) -> None:
    uow.insert(CaseTransition(case_id=case.id, from_state=from_state, to_state=to_state,
                              at=utc_now(), user_id=uow.store.user_id or "", note=note))


def _refuse_edge(case: Case, to_state: CaseState) -> None:
    current = case.state
    if current in END_STATES:
        raise Refused("case.ended", case=case.unhcr_case_number,
                            state=state_term(current))
    if current in PATH and to_state in PATH and PATH.index(to_state) > PATH.index(current):
        skipped = PATH[PATH.index(current) + 1: PATH.index(to_state)]
        raise Refused("case.skips", case=case.unhcr_case_number,
                            state=state_term(current), target=state_term(to_state),
                            missing=state_term(*skipped))
    if to_state is S.REFUSED:
        raise Refused("case.refuse_needs_proposal", case=case.unhcr_case_number,
                            state=state_term(current))
    raise Refused("case.backwards", case=case.unhcr_case_number,
                        state=state_term(current), target=state_term(to_state))


def _missing_step(store: Store, case: Case, to_state: CaseState,
                  note: str) -> tuple[str, dict[str, str]] | None:
    """The step that must be done before `to_state` (message key and params), or None."""
    if to_state is S.SCHEDULED and case.channel is Channel.MISSION and not case.mission_id:
        return "case.needs_mission", {}
    if to_state is S.INTERVIEWED:
        done = {r[0] for r in store.rows(
            "SELECT person_id FROM interviews WHERE case_id = ? AND kind = ? AND status = ?",
            (case.id, InterviewKind.IND.value, DraftStatus.FINAL.value))}
        missing = [p for p in adults(store, case.id) if p.id not in done]
        if missing:
            return "case.needs_interviews", {"n": str(len(missing))}
    if to_state is S.PROPOSED and _latest_decision(store, case.id, DecisionKind.PROPOSED) is None:
        return "case.needs_proposal", {}
    if to_state in (S.DECIDED, S.REFUSED):
        wanted = DecisionOutcome.ACCEPT if to_state is S.DECIDED else DecisionOutcome.REFUSE
        if _latest_decision(store, case.id, DecisionKind.FINAL) is not wanted:
            return "case.needs_final_decision", {"outcome": Term(f"outcome.{wanted.value}")}
    if to_state is S.CO_TRAINING and not store.count(TrainingCase, "case_id = ?", (case.id,)):
        return "case.needs_training", {}
    if to_state is S.DEPARTED and not store.count(Departure, "case_id = ?", (case.id,)):
        return "case.needs_departure", {}
    if to_state is S.ARRIVED and not store.count(Arrival, "case_id = ?", (case.id,)):
        return "case.needs_arrival", {}
    if to_state is S.WITHDRAWN and not note.strip():
        return "case.needs_note", {}
    return None


def _latest_decision(store: Store, case_id: str, kind: DecisionKind) -> DecisionOutcome | None:
    outcome = store.scalar(
        "SELECT outcome FROM decisions WHERE case_id = ? AND kind = ? "
        "ORDER BY decided_on DESC, id DESC LIMIT 1", (case_id, kind.value))
    return DecisionOutcome(outcome) if outcome else None

