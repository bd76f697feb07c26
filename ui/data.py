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
from app.domain.enums import Attendance, DecisionOutcome, DraftStatus, InterviewKind
from app.services import (
    access,
    assessments,
    cases,
    conflicts,
    deadlines,
    interviews,
    placement,
    training,
)
from app.services import quota as quota_service
from app.services.access import Action
from app.store import Store
from app.store.codec import codec_for_entity


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
    at_risk: list[deadlines.DeadlineRow]  # overdue first, then nearing the six months
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
    progress = interviews.progress(store, mission_id, today)  # the reports' figures too
    late = deadlines.report(store, today)
    rows = late.overdue + late.at_risk
    if mission_id:
        ours = {r[0] for r in store.rows("SELECT id FROM cases WHERE mission_id = ?",
                                         (mission_id,))}
        rows = [r for r in rows if r.case_id in ours]
    attendance: Counter[str] = Counter()
    if can_read(store, AttendanceRecord):
        attendance.update(dict(store.rows(
            "SELECT a.status, COUNT(*) FROM attendance a JOIN training_sessions s "
            "ON s.id = a.session_id JOIN trainings t ON t.id = s.training_id "
            f"WHERE {_mission_clause(mission_id, 't.')[0]} GROUP BY a.status",
            _mission_clause(mission_id, "t.")[1])))
    return Dashboard(by_state, progress.ind_done, progress.ind_todo, rows, dict(attendance),
                     sum(by_state.values()))


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


# -- forms: records written from a form (through the process services) ---------------------
def form_record(store: Store, form: str, case_id: str, person_id: str | None) -> Record | None:
    """The record a form continues: the latest one of this case/person and kind."""
    found: list[Record]
    if form == "ind_interview":
        found = [i for i in interviews.for_case(store, case_id)
                 if i.kind is InterviewKind.IND and i.person_id == person_id]
    elif form == "assessment":
        found = [a for a in assessments.for_case(store, case_id) if a.person_id == person_id]
    elif form == "bma_notes":
        found = [m for m in access.select_visible(store, MedicalNote, "case_id = ?",
                                                  (case_id,), order_by="rowid")
                 if m.person_id == person_id]
    elif form == "coa_profile":
        found = [p for p in [interviews.profile(store, case_id)] if p is not None]
    else:
        found = [d for d in assessments.decisions(store, case_id)
                 if d.kind is DecisionKind.PROPOSED]
    return found[-1] if found else None


def save_form(store: Store, form: str, case_id: str, person_id: str | None,
              values: dict[str, Any], final: bool) -> Record:
    """Write a form through its service: save the open draft record (starting one if
    needed) and finalise it when asked. A final record is never edited (services refuse)."""
    current = form_record(store, form, case_id, person_id)
    is_draft = current is not None and getattr(current, "status", None) == DraftStatus.DRAFT
    if form == "ind_interview":
        if not is_draft:
            current = interviews.start(store, case_id, InterviewKind.IND, person_id)
        saved: Record = interviews.save(store, current.id, **values)
        return interviews.finalise(store, saved.id) if final else saved
    if form == "assessment":
        record = current if is_draft else assessments.start(store, case_id, person_id or "")
        saved = assessments.save(store, record.id, **values)
        return assessments.finalise(store, saved.id) if final else saved
    if form == "bma_notes":
        saved = interviews.save_medical_note(store, case_id, person_id or "",
                                             values["findings"],
                                             current.id if is_draft and current else None)
        return interviews.finalise_medical_note(store, saved.id) if final else saved
    if form == "coa_profile":
        interviews.save_profile(store, case_id, **values)
        return interviews.finalise_profile(store, case_id) if final else \
            interviews.profile(store, case_id)  # type: ignore[return-value]
    # A proposal has no draft state: saving it proposes (a new proposal replaces it).
    return assessments.propose(store, case_id, values["outcome"], values.get("grounds", ""))


def correct_form(store: Store, case_id: str, person_id: str | None) -> Record:
    """Open a correction (a new draft version) of the final IND interview a form shows."""
    current = form_record(store, "ind_interview", case_id, person_id)
    if current is None:
        raise ValueError("no interview to correct")
    return interviews.correct(store, current.id)


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


def set_attendance(store: Store, session_id: str, person_id: str,
                   status: Attendance) -> AttendanceRecord:
    return training.record_attendance(store, session_id, person_id, status)


def save_session_notes(store: Store, session: TrainingSession, notes: str) -> TrainingSession:
    return training.update_session(store, session.id, notes=notes)


# -- HQ -----------------------------------------------------------------------------------
def frameworks(store: Store) -> list[Framework]:
    return quota_service.frameworks(store)


def quota(store: Store, framework: Framework) -> quota_service.FrameworkReport:
    """Targets and figures per year, channel, host country and nationality."""
    return quota_service.report(store, framework.id)


def proposed_cases(store: Store) -> list[tuple[Case, Decision | None]]:
    """Cases waiting for HQ's final decision, with the field's proposal."""
    waiting = access.select_visible(store, Case, "state = ?", (CaseState.PROPOSED.value,),
                                    order_by="CASE priority WHEN 'emergency' THEN 0 "
                                    "WHEN 'urgent' THEN 1 ELSE 2 END, referred_on", limit=500)
    proposals = {d.case_id: d for d in access.select_visible(
        store, Decision, "kind = 'proposed' AND case_id IN (SELECT id FROM cases "
        "WHERE state = 'proposed')", order_by="decided_on")}
    return [(c, proposals.get(c.id)) for c in waiting]


def final_decision(store: Store, case_id: str, outcome: str, grounds: str) -> Decision:
    return assessments.decide(store, case_id, DecisionOutcome(outcome), grounds)


def assign_to_mission(store: Store, mission_id: str, case_ids: list[str]) -> list[Case]:
    return cases.assign_to_mission(store, mission_id, case_ids)


def open_conflicts(store: Store) -> list[tuple[Conflict, str]]:
    """Open conflicts this role may see, each with the UNHCR case number its record belongs
    to (empty if the record is gone). Conflicts are few: one lookup each."""
    listed = []
    for conflict in access.select_visible(store, Conflict, "resolved = 0",
                                          order_by="remote_hlc"):
        record = store.find(codec_for_entity(conflict.entity).cls, conflict.row_id)
        case_id = record.id if isinstance(record, Case) else getattr(record, "case_id", None)
        case = store.find(Case, case_id) if case_id else None
        listed.append((conflict, case.unhcr_case_number if case else ""))
    return listed


def resolve_conflict(store: Store, conflict_id: str, keep: conflicts.Keep) -> Conflict:
    return conflicts.resolve(store, conflict_id, keep)


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
    return placement.place(store, case_id, municipality_id)
