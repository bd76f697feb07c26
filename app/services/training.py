"""Cultural orientation (CO): trainings for groups of accepted cases, their sessions
(date, morning or afternoon, topics, trainer) and attendance per person.

The default plan follows the 2012 design: three trainings of six day-parts (dagdelen)
each; every part of it stays editable (sessions can be moved, added and removed)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain import (
    Attendance,
    AttendanceRecord,
    Case,
    CaseState,
    DayPart,
    Person,
    ResettlementProfile,
    Training,
    TrainingCase,
    TrainingSession,
    TrainingTopic,
)
from app.services import cases, interviews
from app.services.access import Action, require
from app.services.messages import Refused
from app.store.database import Store

T = TrainingTopic
TRAININGS_PER_PLAN = 3
# Six day-parts of one training: the topics the 2012 design names, in a workable order.
DEFAULT_DAY_PARTS: tuple[tuple[TrainingTopic, ...], ...] = (
    (T.HOUSING, T.DAILY_LIFE), (T.HEALTH_CARE,), (T.EDUCATION,), (T.WORK, T.MONEY),
    (T.LAW_AND_NORMS,), (T.DUTCH_LANGUAGE,),
)
MISSED = (Attendance.ABSENT, Attendance.EXCUSED)


@dataclass(frozen=True)
class MissedSession:
    person_id: str
    person_name: str
    session: TrainingSession
    status: Attendance  # absent, excused, or unknown (not recorded)


def create_training(store: Store, name: str, *, mission_id: str | None = None,
                    location: str = "", interpreter_language: str = "",
                    trainer_ids: Sequence[str] = (), notes: str = "") -> Training:
    require(store.user, Action.WRITE, Training.ENTITY)
    with store.write() as uow:
        return uow.insert(Training(mission_id=mission_id, name=name, location=location,
                                   interpreter_language=interpreter_language,
                                   trainer_ids=list(trainer_ids), notes=notes))


def plan_default(store: Store, *, start: dt.date, mission_id: str | None = None,
                 name: str = "CO", location: str = "", interpreter_language: str = "",
                 trainer_ids: Sequence[str] = (), gap_days: int = 7) -> list[Training]:
    """Three trainings of six day-parts: each over three days (morning and afternoon), a
    new training every `gap_days`. All in one unit of work: the plan exists whole or not."""
    require(store.user, Action.WRITE, Training.ENTITY)
    trainer = trainer_ids[0] if trainer_ids else None
    made = []
    with store.write() as uow:
        for number in range(TRAININGS_PER_PLAN):
            first_day = start + dt.timedelta(days=number * gap_days)
            training = uow.insert(Training(
                mission_id=mission_id, name=f"{name} {number + 1}", location=location,
                interpreter_language=interpreter_language, trainer_ids=list(trainer_ids)))
            for part, topics in enumerate(DEFAULT_DAY_PARTS):
                uow.insert(TrainingSession(
                    training_id=training.id, held_on=first_day + dt.timedelta(days=part // 2),
                    day_part=DayPart.MORNING if part % 2 == 0 else DayPart.AFTERNOON,
                    topics=[t.value for t in topics], trainer_id=trainer))
            made.append(training)
    return made


def add_session(store: Store, training_id: str, held_on: dt.date, day_part: DayPart,
                topics: Iterable[str], trainer_id: str | None = None,
                notes: str = "") -> TrainingSession:
    require(store.user, Action.WRITE, TrainingSession.ENTITY)
    store.get(Training, training_id)
    session = TrainingSession(training_id=training_id, held_on=held_on,
                              day_part=DayPart(day_part), topics=_topics(topics),
                              trainer_id=trainer_id, notes=notes)
    _refuse_double_booking(store, session)
    with store.write() as uow:
        return uow.insert(session)


def update_session(store: Store, session_id: str, **values: object) -> TrainingSession:
    """Move or change a session (date, day_part, topics, trainer_id, notes)."""
    require(store.user, Action.WRITE, TrainingSession.ENTITY)
    session = store.get(TrainingSession, session_id)
    if "topics" in values:
        values["topics"] = _topics(values["topics"])  # type: ignore[arg-type]
    if "day_part" in values:
        values["day_part"] = DayPart(values["day_part"])
    changed = dataclasses.replace(session, **values)
    _refuse_double_booking(store, changed)
    with store.write() as uow:
        return uow.update(session, **values)


def remove_session(store: Store, session_id: str) -> None:
    """Remove a planned session; one with attendance recorded is kept (it happened)."""
    require(store.user, Action.WRITE, TrainingSession.ENTITY)
    session = store.get(TrainingSession, session_id)
    if store.count(AttendanceRecord, "session_id = ?", (session_id,)):
        raise Refused("training.session_has_attendance")
    with store.write() as uow:
        uow.delete(session)


def sessions(store: Store, training_id: str) -> list[TrainingSession]:
    require(store.user, Action.READ, TrainingSession.ENTITY)
    return store.select(TrainingSession, "training_id = ?", (training_id,),
                        order_by="held_on, day_part DESC, id")  # 'morning' > 'afternoon'


def enrol(store: Store, training_id: str, case_ids: Iterable[str]) -> list[TrainingCase]:
    """Add accepted cases to a training; a decided case moves to CO training with it."""
    require(store.user, Action.WRITE, TrainingCase.ENTITY)
    store.get(Training, training_id)
    added = []
    with store.write() as uow:
        for case_id in case_ids:
            case = store.get(Case, case_id)
            if case.state not in (CaseState.DECIDED, CaseState.CO_TRAINING):
                raise Refused("training.not_accepted", case=case.unhcr_case_number,
                                    state=cases.state_term(case.state))
            if store.count(TrainingCase, "training_id = ? AND case_id = ?",
                           (training_id, case_id)):
                continue
            added.append(uow.insert(TrainingCase(training_id=training_id, case_id=case_id)))
            if case.state is CaseState.DECIDED:
                cases.move(uow, case, CaseState.CO_TRAINING)
    return added


def record_attendance(store: Store, session_id: str, person_id: str, status: Attendance,
                      note: str = "") -> AttendanceRecord:
    """Present, absent or excused for one person at one session (set again to correct)."""
    require(store.user, Action.WRITE, AttendanceRecord.ENTITY)
    session = store.get(TrainingSession, session_id)
    person = store.get(Person, person_id)
    if not store.count(TrainingCase, "training_id = ? AND case_id = ?",
                       (session.training_id, person.case_id)):
        raise Refused("training.person_not_enrolled")
    existing = store.select(AttendanceRecord, "session_id = ? AND person_id = ?",
                            (session_id, person_id))
    with store.write() as uow:
        if existing:
            return uow.update(existing[0], status=Attendance(status), note=note)
        return uow.insert(AttendanceRecord(session_id=session_id, person_id=person_id,
                                           status=Attendance(status), note=note))


def missed_sessions(store: Store, case_id: str) -> list[MissedSession]:
    """Per person of the case (present in the host country), each session of the case's
    trainings not attended: absent, excused or not recorded."""
    require(store.user, Action.READ, AttendanceRecord.ENTITY)
    people = store.select(Person, "case_id = ? AND follows_later = 0", (case_id,),
                          order_by="id")
    training_ids = [r[0] for r in store.rows(
        "SELECT training_id FROM training_cases WHERE case_id = ?", (case_id,))]
    planned = [s for t in training_ids for s in sessions(store, t)]
    status = {(r[0], r[1]): Attendance(r[2]) for r in store.rows(
        "SELECT a.session_id, a.person_id, a.status FROM attendance a "
        "JOIN persons p ON p.id = a.person_id WHERE p.case_id = ?", (case_id,))}
    missed = []
    for person in people:
        for session in planned:
            got = status.get((session.id, person.id), Attendance.UNKNOWN)
            if got is not Attendance.PRESENT:
                missed.append(MissedSession(person.id, f"{person.given_name} "
                                            f"{person.family_name}".strip(), session, got))
    return missed


def note_for_municipality(store: Store, case_id: str, text: str) -> ResettlementProfile:
    """What COA learned in the training for the receiving municipality (on the profile)."""
    return interviews.save_profile(store, case_id, notes_for_municipality=text)


def _topics(topics: Iterable[str]) -> list[str]:
    try:
        return [TrainingTopic(t).value for t in topics]
    except ValueError as error:
        raise Refused("training.unknown_topic", topic=str(error)) from None


def _refuse_double_booking(store: Store, session: TrainingSession) -> None:
    clash = store.count(TrainingSession, "training_id = ? AND held_on = ? AND day_part = ? "
                        "AND id != ?", (session.training_id, session.held_on.isoformat(),
                                        session.day_part.value, session.id))
    if clash:
        raise Refused("training.double_booked", day=session.held_on.isoformat())
