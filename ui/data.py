"""Everything the screens read and write, in one place: need-to-know goes through
`app.services.access`, case moves through `app.services.cases`. Screens never run SQL or
open a unit of work themselves, so switching to a new service function is a one-line change
here. Reads that aggregate (dashboard, quota) are plain SQL over the store."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from app.domain import (
    AssessmentRecord,
    Attachment,
    AttendanceRecord,
    Case,
    CaseState,
    CaseTransition,
    Conflict,
    Decision,
    DecisionKind,
    Framework,
    FrameworkYear,
    Interview,
    MedicalNote,
    Mission,
    Municipality,
    Person,
    Placement,
    Record,
    ResettlementProfile,
    Training,
    TrainingSession,
    User,
)
from app.domain.enums import Attendance, DraftStatus
from app.services import access, cases
from app.services.access import Action
from app.store import Store

SIX_MONTHS = dt.timedelta(days=183)
AT_RISK_AFTER = dt.timedelta(days=150)  # a month left of the six months to arrival


# -- permissions --------------------------------------------------------------------------
def can_read(store: Store, item: Record | type[Record] | str) -> bool:
    return access.can(store.user, Action.READ, item)


def can_write(store: Store, item: Record | type[Record] | str) -> bool:
    return access.can(store.user, Action.WRITE, item)


# -- missions and dashboard ---------------------------------------------------------------
def missions(store: Store) -> list[Mission]:
    return access.select_visible(store, Mission, order_by="start_date DESC, name")


@dataclass
class Dashboard:
    by_state: dict[str, int]
    interviews_done: int
    interviews_todo: int
    at_risk: list[tuple[str, dt.date]]  # (case number, selected on) nearing six months
    attendance: dict[str, int]
    total: int


def _mission_clause(mission_id: str | None, alias: str = "") -> tuple[str, tuple[Any, ...]]:
    column = f"{alias}mission_id"
    return (f"{column} = ?", (mission_id,)) if mission_id else ("1", ())


def dashboard(store: Store, mission_id: str | None, today: dt.date | None = None) -> Dashboard:
    today = today or dt.date.today()
    where, params = _mission_clause(mission_id)
    by_state = dict(store.rows(f"SELECT state, COUNT(*) FROM cases WHERE {where} "
                               "GROUP BY state", params))
    cwhere, cparams = _mission_clause(mission_id, "c.")
    done = store.scalar(
        "SELECT COUNT(*) FROM interviews i JOIN cases c ON c.id = i.case_id "
        f"WHERE i.kind = 'IND' AND i.status = 'final' AND {cwhere}", cparams) or 0
    # Adults of cases still waiting for their IND interview: those are the interviews to do.
    todo = store.scalar(
        "SELECT COUNT(*) FROM persons p JOIN cases c ON c.id = p.case_id "
        f"WHERE c.state IN ('referred', 'scheduled') AND {cwhere} "
        "AND CAST(substr(p.birth_date, 1, 4) AS INTEGER) <= ?",
        (*cparams, today.year - 18)) or 0
    cutoff = (today - AT_RISK_AFTER).isoformat()
    at_risk = [(n, dt.date.fromisoformat(d)) for n, d in store.rows(
        f"SELECT unhcr_case_number, selected_on FROM cases WHERE {where} AND selected_on <= ? "
        "AND state IN ('decided', 'co_training') ORDER BY selected_on LIMIT 50",
        (*params, cutoff))]
    attendance: Counter[str] = Counter()
    if can_read(store, AttendanceRecord):
        attendance.update(dict(store.rows(
            "SELECT a.status, COUNT(*) FROM attendance a JOIN training_sessions s "
            "ON s.id = a.session_id JOIN trainings t ON t.id = s.training_id "
            f"WHERE {_mission_clause(mission_id, 't.')[0]} GROUP BY a.status",
            _mission_clause(mission_id, "t.")[1])))
    return Dashboard(by_state, done, todo, at_risk, dict(attendance), sum(by_state.values()))


@dataclass
class SyncStatus:
    pending: int
    last_success: str | None
    last_error: str | None


def sync_status(store: Store) -> SyncStatus:
    pending = store.scalar("SELECT COUNT(*) FROM changes WHERE device_id = ? AND acked = 0",
                           (store.device_id,)) or 0
    return SyncStatus(pending, store.meta("sync_last_success"), store.meta("sync_last_error"))


# -- one case -----------------------------------------------------------------------------
@dataclass
class CaseDetail:
    case: Case
    persons: list[Person]
    interviews: list[Interview]
    assessments: list[AssessmentRecord]
    decisions: list[Decision]
    profiles: list[ResettlementProfile]
    medical: list[MedicalNote]
    attendance: list[tuple[TrainingSession, AttendanceRecord]]
    placements: list[tuple[Placement, str]]
    attachments: list[Attachment]
    history: list[tuple[CaseTransition, str]]
    next_states: list[CaseState] = field(default_factory=list)


def case_detail(store: Store, case_id: str) -> CaseDetail:
    case = access.get_visible(store, Case, case_id)
    by_case = ("case_id = ?", (case_id,))
    persons = access.select_visible(store, Person, *by_case, order_by="relationship != "
                                    "'principal', birth_date")
    sessions = {s.id: s for s in access.select_visible(
        store, TrainingSession, "training_id IN (SELECT training_id FROM training_cases "
        "WHERE case_id = ?)", (case_id,))}
    attendance = [(sessions[a.session_id], a) for a in access.select_visible(
        store, AttendanceRecord, f"session_id IN ({','.join('?' * len(sessions))})",
        tuple(sessions)) if a.person_id in {p.id for p in persons}] if sessions else []
    names = user_names(store)
    places = {m.id: m.name for m in access.select_visible(store, Municipality)}
    return CaseDetail(
        case=case, persons=persons,
        interviews=access.select_visible(store, Interview, *by_case, order_by="held_on"),
        assessments=access.select_visible(store, AssessmentRecord, *by_case),
        decisions=access.select_visible(store, Decision, *by_case, order_by="decided_on"),
        profiles=access.select_visible(store, ResettlementProfile, *by_case),
        medical=access.select_visible(store, MedicalNote, *by_case),
        attendance=attendance,
        placements=[(p, places.get(p.municipality_id, "")) for p in
                    access.select_visible(store, Placement, *by_case)],
        attachments=access.select_visible(store, Attachment, *by_case),
        history=[(t, names.get(t.user_id, "")) for t in
                 access.visible(store.user, cases.history(store, case_id))],
        next_states=cases.next_states(store, case))


def user_names(store: Store) -> dict[str, str]:
    return {u.id: u.display_name or u.name for u in store.select(User)}


def attachment_bytes(store: Store, attachment: Attachment) -> bytes:
    """The document's bytes, decrypted in memory only (never a plaintext temp file)."""
    access.require(store.user, Action.READ, attachment)
    chunks = store.rows("SELECT data FROM attachment_chunks WHERE sha256 = ? ORDER BY idx",
                        (attachment.sha256,))
    return b"".join(bytes(c[0]) for c in chunks)


def move_case(store: Store, case_id: str, to_state: CaseState, note: str = "") -> Case:
    return cases.transition(store, case_id, to_state, note)


# -- forms: records written from a form ---------------------------------------------------
def _form_lookup(fixed: dict[str, Any]) -> dict[str, Any]:
    """A form continues the record of the same case, person and kind (any author)."""
    return {k: v for k, v in fixed.items() if k in ("case_id", "person_id", "kind")}


def existing_form_record(store: Store, cls: type[Record],
                         fixed: dict[str, Any]) -> Record | None:
    """The latest record a form would continue, if this user may read it."""
    where = _form_lookup(fixed)
    clause = " AND ".join(f"{k} IS ?" if v is None else f"{k} = ?" for k, v in where.items())
    found = access.select_visible(store, cls, clause, tuple(where.values()), order_by="rowid")
    return found[-1] if found else None


def save_form_record(store: Store, cls: type[Record], fixed: dict[str, Any],
                     values: dict[str, Any], final: bool) -> Record:
    """Write a form as its record: update the open draft record or insert a new one.
    A final record is never edited here (a correction is a new record)."""
    current = existing_form_record(store, cls, fixed)
    if "status" in cls.__dataclass_fields__:  # type: ignore[attr-defined]
        values = {**values, "status": DraftStatus.FINAL if final else DraftStatus.DRAFT}
    with store.write() as uow:
        if current is not None and getattr(current, "status", None) == DraftStatus.DRAFT:
            access.require(store.user, Action.WRITE, current)
            return uow.update(current, **values)
        record = cls(**fixed, **values)
        access.require(store.user, Action.WRITE, record)
        return uow.insert(record)


# -- CO training --------------------------------------------------------------------------
def trainings(store: Store, mission_id: str | None) -> list[Training]:
    where, params = _mission_clause(mission_id)
    return access.select_visible(store, Training, where, params, order_by="name")


def training_sessions(store: Store, training_id: str) -> list[TrainingSession]:
    return access.select_visible(store, TrainingSession, "training_id = ?", (training_id,),
                                 order_by="held_on, day_part DESC")


def training_persons(store: Store, training_id: str) -> list[tuple[Person, str]]:
    """Persons who take part (family members who follow later do not), with case number."""
    rows = store.rows(
        "SELECT p.id, c.unhcr_case_number FROM persons p JOIN cases c ON c.id = p.case_id "
        "JOIN training_cases tc ON tc.case_id = c.id WHERE tc.training_id = ? "
        "AND p.follows_later = 0 ORDER BY c.unhcr_case_number, p.relationship != 'principal', "
        "p.birth_date", (training_id,))
    numbers = dict(rows)
    persons = {p.id: p for p in access.select_visible(
        store, Person, f"id IN ({','.join('?' * len(numbers))})", tuple(numbers))} \
        if numbers else {}
    return [(persons[pid], number) for pid, number in rows if pid in persons]


def attendance_map(store: Store, training_id: str) -> dict[tuple[str, str], AttendanceRecord]:
    records = access.select_visible(
        store, AttendanceRecord, "session_id IN (SELECT id FROM training_sessions "
        "WHERE training_id = ?)", (training_id,))
    return {(a.person_id, a.session_id): a for a in records}


def set_attendance(store: Store, current: AttendanceRecord | None, session_id: str,
                   person_id: str, status: Attendance) -> AttendanceRecord:
    access.require(store.user, Action.WRITE, AttendanceRecord.ENTITY)
    with store.write() as uow:
        if current is None:
            return uow.insert(AttendanceRecord(session_id=session_id, person_id=person_id,
                                               status=status))
        return uow.update(current, status=status)


def save_session_notes(store: Store, session: TrainingSession, notes: str) -> TrainingSession:
    access.require(store.user, Action.WRITE, session)
    with store.write() as uow:
        return uow.update(session, notes=notes)


# -- HQ -----------------------------------------------------------------------------------
def frameworks(store: Store) -> list[Framework]:
    return access.select_visible(store, Framework, order_by="start_date")


@dataclass
class QuotaYear:
    year: int
    target: int
    arrived: int
    nareis: int
    by_channel: dict[str, int]


def quota(store: Store, framework: Framework) -> list[QuotaYear]:
    """Per year of the framework: target, arrivals (with nareis, which counts) per channel."""
    targets = {y.year: y.target for y in store.select(
        FrameworkYear, "framework_id = ?", (framework.id,))}
    rows = store.rows(
        "SELECT CAST(substr(a.arrived_on, 1, 4) AS INTEGER), c.channel, a.is_nareis, COUNT(*) "
        "FROM arrivals a JOIN cases c ON c.id = a.case_id WHERE c.framework_id = ? "
        "AND c.quota_category = ? GROUP BY 1, 2, 3", (framework.id, framework.category.value))
    years = sorted(set(targets) | {r[0] for r in rows}
                   | set(range(framework.start_date.year, framework.end_date.year + 1)))
    result = {y: QuotaYear(y, targets.get(y, 0), 0, 0, {}) for y in years}
    for year, channel, nareis, count in rows:
        entry = result[year]
        entry.arrived += count
        entry.nareis += count if nareis else 0
        entry.by_channel[channel] = entry.by_channel.get(channel, 0) + count
    return list(result.values())


def proposed_cases(store: Store) -> list[tuple[Case, Decision | None]]:
    """Cases waiting for HQ's final decision, with the field's proposal."""
    waiting = access.select_visible(store, Case, "state = ?", (CaseState.PROPOSED.value,),
                                    order_by="priority = 'normal', referred_on", limit=500)
    proposals = {d.case_id: d for d in access.select_visible(
        store, Decision, "kind = 'proposed' AND case_id IN (SELECT id FROM cases "
        "WHERE state = 'proposed')", order_by="decided_on")}
    return [(c, proposals.get(c.id)) for c in waiting]


def final_decision(store: Store, case_id: str, outcome: str, grounds: str) -> Case:
    """HQ decides: the final decision and the move to decided/refused in one transaction."""
    from app.domain import DecisionOutcome

    decision = Decision(case_id=case_id, kind=DecisionKind.FINAL,
                        outcome=DecisionOutcome(outcome), grounds=grounds,
                        decided_by=store.user_id or "", decided_on=dt.date.today())
    access.require(store.user, Action.WRITE, decision)
    target = CaseState.REFUSED if outcome == "refuse" else CaseState.DECIDED
    with store.write() as uow:
        uow.insert(decision)
        case = store.get(Case, case_id)
        changes = {"selected_on": dt.date.today()} if target is CaseState.DECIDED else {}
        return cases.move(uow, case, target, grounds, **changes)


def assign_to_mission(store: Store, mission_id: str, case_ids: list[str]) -> list[Case]:
    return cases.assign_to_mission(store, mission_id, case_ids)


def open_conflicts(store: Store) -> list[Conflict]:
    return access.select_visible(store, Conflict, "resolved = 0", order_by="remote_hlc")


def municipalities(store: Store) -> list[tuple[Municipality, int]]:
    """Municipalities with how many cases are placed there already."""
    placed = dict(store.rows("SELECT municipality_id, COUNT(*) FROM placements "
                             "GROUP BY municipality_id"))
    return [(m, placed.get(m.id, 0)) for m in
            access.select_visible(store, Municipality, order_by="name")]


def unplaced_cases(store: Store) -> list[Case]:
    return access.select_visible(
        store, Case, "state IN ('decided', 'co_training') AND id NOT IN "
        "(SELECT case_id FROM placements)", order_by="selected_on", limit=500)


def place_case(store: Store, case_id: str, municipality_id: str) -> Placement:
    placement = Placement(case_id=case_id, municipality_id=municipality_id)
    access.require(store.user, Action.WRITE, placement)
    with store.write() as uow:
        return uow.insert(placement)
