"""Interviews (IND per adult, COA resettlement profile per case, BMA per person), the COA
resettlement profile and BMA medical notes.

Typing is never lost: `autosave` keeps what is being typed in the local draft scratch (one
small write, no change-log entry) and `save` writes it to the interview. A finalised
interview is read-only; a correction is a new version that `supersedes_id` the old one,
which stays as it was."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from app.domain import (
    Case,
    DraftStatus,
    Interview,
    InterviewKind,
    MedicalNote,
    Person,
    ResettlementProfile,
)
from app.ids import new_id
from app.services.access import Action, get_visible, require, require_kind, select_visible
from app.services.cases import ADULT_AGE, is_adult
from app.services.messages import Refused
from app.store.database import Store

EDITABLE = ("notes", "interpreter_language", "held_on")


def _draft_key(interview_id: str) -> str:
    return f"interview:{interview_id}"


def start(store: Store, case_id: str, kind: InterviewKind, person_id: str | None = None,
          interpreter_language: str = "", held_on: dt.date | None = None) -> Interview:
    """Open a draft interview by this user. IND: an adult of the case; BMA: a person of the
    case; COA: the case as a whole."""
    kind = InterviewKind(kind)
    require_kind(store.user, Action.WRITE, Interview.ENTITY, kind.value)
    store.get(Case, case_id)
    if kind is InterviewKind.COA:
        person_id = None
    else:
        person = _person_of(store, case_id, person_id)
        if kind is InterviewKind.IND and not is_adult(person, held_on):
            raise Refused("interview.not_adult")
        if kind is InterviewKind.IND and store.count(
                Interview, "person_id = ? AND kind = ?", (person.id, kind.value)):
            # One IND interview per adult: a second one would count twice as done; a
            # final one changes only through `correct` (a new version of the same one).
            raise Refused("interview.exists")
    interview = Interview(case_id=case_id, person_id=person_id, kind=kind,
                          interviewer_id=store.user_id or "",
                          interpreter_language=interpreter_language,
                          held_on=held_on or dt.date.today())
    with store.write() as uow:
        return uow.insert(interview)


def autosave(store: Store, interview_id: str, notes: str) -> None:
    """Keep what is being typed (called on every pause in typing); survives a crash."""
    interview = store.get(Interview, interview_id)
    require(store.user, Action.WRITE, interview)
    _refuse_final(interview)
    store.save_draft(_draft_key(interview_id), {"notes": notes})


def unsaved_notes(store: Store, interview_id: str) -> str | None:
    """Typed text that `autosave` kept but `save` did not write yet (after a crash)."""
    draft = store.load_draft(_draft_key(interview_id))
    return draft["notes"] if draft else None


def save(store: Store, interview_id: str, **values: Any) -> Interview:
    """Write notes, interpreter language or date to a draft interview."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    interview = store.get(Interview, interview_id)
    require(store.user, Action.WRITE, interview)
    _refuse_final(interview)
    with store.write() as uow:
        saved = uow.update(interview, **values)
    store.drop_draft(_draft_key(interview_id))
    return saved


def finalise(store: Store, interview_id: str) -> Interview:
    interview = store.get(Interview, interview_id)
    require(store.user, Action.WRITE, interview)
    _refuse_final(interview)
    pending = unsaved_notes(store, interview_id)
    notes = interview.notes if pending is None else pending
    if not notes.strip():
        raise Refused("interview.empty")
    with store.write() as uow:
        final = uow.update(interview, notes=notes, status=DraftStatus.FINAL)
    store.drop_draft(_draft_key(interview_id))
    return final


def correct(store: Store, interview_id: str) -> Interview:
    """A new draft version of a final interview; the final one is kept unchanged. If a
    correction is already open, that one is returned."""
    old = store.get(Interview, interview_id)
    require(store.user, Action.WRITE, old)
    if old.status is not DraftStatus.FINAL:
        raise Refused("interview.not_final")
    open_ = store.select(Interview, "supersedes_id = ? AND status = ?",
                         (old.id, DraftStatus.DRAFT.value))
    if open_:
        return open_[0]
    new = dataclasses.replace(old, id=new_id(), version=old.version + 1,
                              supersedes_id=old.id, status=DraftStatus.DRAFT,
                              interviewer_id=store.user_id or "")
    with store.write() as uow:
        return uow.insert(new)


def versions(store: Store, interview_id: str) -> list[Interview]:
    """All versions of one interview, oldest first."""
    chain = [get_visible(store, Interview, interview_id)]
    while chain[0].supersedes_id:
        chain.insert(0, get_visible(store, Interview, chain[0].supersedes_id))
    while True:
        newer = select_visible(store, Interview, "supersedes_id = ?", (chain[-1].id,))
        if not newer:
            return chain
        chain.append(newer[0])


def for_case(store: Store, case_id: str) -> list[Interview]:
    """The interviews of a case this user may read, newest version of each only."""
    found = select_visible(store, Interview, "case_id = ?", (case_id,), order_by="id")
    superseded = {i.supersedes_id for i in found if i.supersedes_id}
    return [i for i in found if i.id not in superseded]


@dataclasses.dataclass(frozen=True)
class Progress:
    """Interview figures of a mission (or all), one definition for dashboard and reports."""
    ind_done: int  # adults with a final IND interview (a correction does not count twice)
    ind_todo: int  # adults of referred or scheduled cases without one
    by_kind_status: dict[tuple[str, str], int]  # current versions only, per (kind, status)


def progress(store: Store, mission_id: str | None = None,
             today: dt.date | None = None) -> Progress:
    """Grouped SQL (one scan each), so it stays fast over 100,000 cases. "Adult" is
    `cases.adults`: present family, a partial birth date counting from its earliest day
    (an ISO date prefix compares as a string exactly like that), no date by relationship."""
    today = today or dt.date.today()
    cutoff = f"{today.year - ADULT_AGE:04d}-{today.month:02d}-{today.day:02d}"
    mission, params = ("c.mission_id = ?", (mission_id,)) if mission_id else ("1", ())
    adult = ("p.follows_later = 0 AND (CASE WHEN p.birth_date = '' OR p.birth_date IS NULL "
             "THEN p.relationship IN ('principal', 'spouse', 'parent', 'grandparent') "
             "ELSE p.birth_date <= ? END)")
    final = ("EXISTS (SELECT 1 FROM interviews i WHERE i.person_id = p.id "
             "AND i.kind = 'IND' AND i.status = 'final')")
    done, todo = store.rows(
        f"SELECT COUNT(*) FILTER (WHERE {final}), COUNT(*) FILTER (WHERE NOT {final} "
        "AND c.state IN ('referred', 'scheduled')) "
        f"FROM persons p JOIN cases c ON c.id = p.case_id WHERE {mission} AND {adult}",
        (*params, cutoff))[0]
    by_kind_status = {(k, s): n for k, s, n in store.rows(
        "SELECT i.kind, i.status, COUNT(*) FROM interviews i JOIN cases c ON c.id = i.case_id "
        f"WHERE {mission} AND NOT EXISTS (SELECT 1 FROM interviews n "
        "WHERE n.supersedes_id = i.id) GROUP BY i.kind, i.status", params)}
    return Progress(done or 0, todo or 0, by_kind_status)


# -- COA resettlement profile ---------------------------------------------------------------
def save_profile(store: Store, case_id: str, **values: Any) -> ResettlementProfile:
    """Create or update the case's draft resettlement profile."""
    require(store.user, Action.WRITE, ResettlementProfile.ENTITY)
    store.get(Case, case_id)
    existing = store.select(ResettlementProfile, "case_id = ?", (case_id,))
    with store.write() as uow:
        if not existing:
            return uow.insert(ResettlementProfile(case_id=case_id,
                                                  author_id=store.user_id or "", **values))
        _refuse_final(existing[0])
        return uow.update(existing[0], **values)


def finalise_profile(store: Store, case_id: str) -> ResettlementProfile:
    require(store.user, Action.WRITE, ResettlementProfile.ENTITY)
    found = store.select(ResettlementProfile, "case_id = ?", (case_id,))
    if not found:
        raise Refused("profile.missing")
    with store.write() as uow:
        return uow.update(found[0], status=DraftStatus.FINAL)


def profile(store: Store, case_id: str) -> ResettlementProfile | None:
    found = select_visible(store, ResettlementProfile, "case_id = ?", (case_id,))
    return found[0] if found else None


# -- BMA medical notes ----------------------------------------------------------------------
def save_medical_note(store: Store, case_id: str, person_id: str, findings: str,
                      note_id: str | None = None) -> MedicalNote:
    require(store.user, Action.WRITE, MedicalNote.ENTITY)
    _person_of(store, case_id, person_id)
    with store.write() as uow:
        if note_id is None:
            return uow.insert(MedicalNote(case_id=case_id, person_id=person_id,
                                          author_id=store.user_id or "", findings=findings))
        note = store.get(MedicalNote, note_id)
        _refuse_final(note)
        return uow.update(note, findings=findings)


def finalise_medical_note(store: Store, note_id: str) -> MedicalNote:
    require(store.user, Action.WRITE, MedicalNote.ENTITY)
    note = store.get(MedicalNote, note_id)
    with store.write() as uow:
        return uow.update(note, status=DraftStatus.FINAL)


def medical_notes(store: Store, case_id: str) -> list[MedicalNote]:
    """Medical notes of a case; PermissionDenied for roles without medical need-to-know."""
    require(store.user, Action.READ, MedicalNote.ENTITY)
    return store.select(MedicalNote, "case_id = ?", (case_id,), order_by="id")


def _person_of(store: Store, case_id: str, person_id: str | None) -> Person:
    person = store.find(Person, person_id) if person_id else None
    if person is None or person.case_id != case_id:
        raise Refused("interview.person_not_in_case")
    return person


def _refuse_final(record: Interview | ResettlementProfile | MedicalNote) -> None:
    if record.status is DraftStatus.FINAL:
        raise Refused("interview.final")

