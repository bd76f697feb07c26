"""Records of the domain. Each class is one table; `ENTITY` is the table name and the
entity name in the change log. Plain, frozen dataclasses: change one with `dataclasses.replace`
or `UnitOfWork.update`, never in place.

Dates that may be partial (a birth year only) are text: "1987", "1987-03" or "1987-03-14"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

from app.domain.enums import (
    ArrivalPlace,
    Art1F,
    Attendance,
    CaseState,
    Channel,
    DayPart,
    DecisionKind,
    DecisionOutcome,
    DraftStatus,
    DuplicateStatus,
    InterviewKind,
    MissionStatus,
    Outcome,
    Priority,
    QuotaCategory,
    Relationship,
    Role,
    Sex,
)
from app.ids import new_id

__all__ = [
    "ENTITIES", "Arrival", "AssessmentRecord", "Attachment", "AttendanceRecord", "CarryOver",
    "Case", "CaseTransition", "Conflict", "Decision", "DelegationMember", "Departure",
    "DuplicateFlag", "Framework", "FrameworkDeduction", "FrameworkEarmark", "FrameworkYear",
    "Interview", "MedicalNote", "Mission", "Municipality", "Person", "Placement", "Record",
    "ResettlementProfile", "Training", "TrainingCase", "TrainingSession", "User",
]


@dataclass(frozen=True, kw_only=True)
class Record:
    ENTITY: ClassVar[str] = ""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True, kw_only=True)
class User(Record):
    ENTITY = "users"
    name: str  # login name, unique
    display_name: str = ""
    role: Role
    active: bool = True


@dataclass(frozen=True, kw_only=True)
class Framework(Record):
    """A policy framework (beleidskader): a period with a total and per-year targets."""
    ENTITY = "frameworks"
    name: str
    start_date: dt.date
    end_date: dt.date
    total_target: int
    category: QuotaCategory = QuotaCategory.NATIONAL
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class FrameworkYear(Record):
    ENTITY = "framework_years"
    framework_id: str
    year: int
    target: int


@dataclass(frozen=True, kw_only=True)
class FrameworkEarmark(Record):
    """Places earmarked for a channel (missions vs. dossier referrals), for a year or the whole."""
    ENTITY = "framework_earmarks"
    framework_id: str
    channel: Channel
    year: int | None = None
    places: int


@dataclass(frozen=True, kw_only=True)
class FrameworkDeduction(Record):
    """Places taken off a framework's total, e.g. the 100 relocated from Greece (2020-2023)."""
    ENTITY = "framework_deductions"
    framework_id: str
    places: int
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class CarryOver(Record):
    """An overshoot of one framework counted in the next (e.g. 20 from 2020-2023 into 2024)."""
    ENTITY = "carry_overs"
    from_framework_id: str
    to_framework_id: str
    places: int
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Mission(Record):
    ENTITY = "missions"
    name: str
    framework_id: str | None = None
    host_country: str  # ISO 3166 alpha-3
    location: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    status: MissionStatus = MissionStatus.PLANNED
    target_places: int = 0


@dataclass(frozen=True, kw_only=True)
class DelegationMember(Record):
    ENTITY = "delegation_members"
    mission_id: str
    user_id: str
    mission_role: Role


@dataclass(frozen=True, kw_only=True)
class Case(Record):
    """A family unit referred by UNHCR."""
    ENTITY = "cases"
    unhcr_case_number: str
    channel: Channel = Channel.MISSION
    priority: Priority = Priority.NORMAL
    submission_category: str = ""  # UNHCR submission category, e.g. "LSN", "SGBV", "PSN"
    quota_category: QuotaCategory = QuotaCategory.NATIONAL
    state: CaseState = CaseState.REFERRED
    mission_id: str | None = None
    framework_id: str | None = None
    host_country: str = ""
    referred_on: dt.date | None = None
    selected_on: dt.date | None = None  # date of the final decision: starts the six months
    follows_case_id: str | None = None  # nareis: family members who follow a resettled case
    protection_need: str = ""  # UNHCR's description, weighed not blindly followed
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class CaseTransition(Record):
    ENTITY = "case_transitions"
    case_id: str
    from_state: CaseState | None = None
    to_state: CaseState
    at: str  # ISO timestamp, UTC
    user_id: str
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Person(Record):
    ENTITY = "persons"
    case_id: str
    unhcr_individual_number: str = ""
    given_name: str = ""  # Latin script, as on the UNHCR referral
    family_name: str = ""
    given_name_original: str = ""  # original script (Arabic, Tigrinya, ...)
    family_name_original: str = ""
    birth_date: str = ""  # partial date: "1987", "1987-03" or "1987-03-14"
    sex: Sex = Sex.UNKNOWN
    nationality: str = ""  # ISO 3166 alpha-3; "XXA" = stateless
    relationship: Relationship = Relationship.OTHER
    follows_later: bool = False  # nareis: will follow the family later


@dataclass(frozen=True, kw_only=True)
class Interview(Record):
    ENTITY = "interviews"
    case_id: str
    person_id: str | None = None  # IND and BMA: one person; COA: the whole case
    kind: InterviewKind
    interviewer_id: str
    interpreter_language: str = ""
    held_on: dt.date | None = None
    notes: str = ""
    status: DraftStatus = DraftStatus.DRAFT
    version: int = 1
    supersedes_id: str | None = None  # a correction of a final interview keeps the old one


@dataclass(frozen=True, kw_only=True)
class AssessmentRecord(Record):
    """IND assessment of one adult: art. 29(1)(a) incl. 1F, 29(1)(b), integration check."""
    ENTITY = "assessments"
    case_id: str
    person_id: str
    assessor_id: str
    art29a: Outcome = Outcome.OPEN
    art1f: Art1F = Art1F.OPEN
    art29a_grounds: str = ""
    art29b: Outcome = Outcome.OPEN
    art29b_grounds: str = ""
    integration: Outcome = Outcome.OPEN
    integration_grounds: str = ""
    status: DraftStatus = DraftStatus.DRAFT


@dataclass(frozen=True, kw_only=True)
class Decision(Record):
    ENTITY = "decisions"
    case_id: str
    kind: DecisionKind
    outcome: DecisionOutcome
    grounds: str = ""
    decided_by: str
    decided_on: dt.date


@dataclass(frozen=True, kw_only=True)
class ResettlementProfile(Record):
    """COA's resettlement profile of a family, used to match and prepare a municipality."""
    ENTITY = "resettlement_profiles"
    case_id: str
    author_id: str
    housing_needs: str = ""
    needs_accessible_housing: bool = False
    needs_hospital_nearby: bool = False
    health_summary: str = ""  # what COA may know; medical detail stays in BMA notes
    education: str = ""
    work_experience: str = ""
    expectations: str = ""
    notes_for_municipality: str = ""
    status: DraftStatus = DraftStatus.DRAFT


@dataclass(frozen=True, kw_only=True)
class MedicalNote(Record):
    ENTITY = "medical_notes"
    case_id: str
    person_id: str
    author_id: str
    findings: str = ""
    status: DraftStatus = DraftStatus.DRAFT


@dataclass(frozen=True, kw_only=True)
class Training(Record):
    """A cultural orientation (CO) training for a group of accepted cases."""
    ENTITY = "trainings"
    mission_id: str | None = None
    name: str
    location: str = ""
    interpreter_language: str = ""
    trainer_ids: list[str] = field(default_factory=list)
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class TrainingCase(Record):
    ENTITY = "training_cases"
    training_id: str
    case_id: str


@dataclass(frozen=True, kw_only=True)
class TrainingSession(Record):
    ENTITY = "training_sessions"
    training_id: str
    held_on: dt.date
    day_part: DayPart
    topics: list[str] = field(default_factory=list)
    trainer_id: str | None = None
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class AttendanceRecord(Record):
    ENTITY = "attendance"
    session_id: str
    person_id: str
    status: Attendance = Attendance.UNKNOWN
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Municipality(Record):
    ENTITY = "municipalities"
    name: str
    province: str = ""
    houses_offered: int = 0
    capacity_per_year: int = 0
    near_hospital: bool = False
    accessible_housing: bool = False


@dataclass(frozen=True, kw_only=True)
class Placement(Record):
    ENTITY = "placements"
    case_id: str
    municipality_id: str
    confirmed: bool = False
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Departure(Record):
    ENTITY = "departures"
    case_id: str
    departed_on: dt.date
    from_location: str = ""


@dataclass(frozen=True, kw_only=True)
class Arrival(Record):
    """One person arriving in the Netherlands: what the national quota counts."""
    ENTITY = "arrivals"
    case_id: str
    person_id: str | None = None
    arrived_on: dt.date
    place: ArrivalPlace = ArrivalPlace.MUNICIPALITY
    municipality_id: str | None = None
    reception_location: str = ""
    is_nareis: bool = False


@dataclass(frozen=True, kw_only=True)
class Attachment(Record):
    """Metadata of a document; the bytes live content-addressed in `attachment_chunks`."""
    ENTITY = "attachments"
    case_id: str
    person_id: str | None = None
    sha256: str
    filename: str
    media_type: str = "application/octet-stream"
    size: int = 0
    description: str = ""


@dataclass(frozen=True, kw_only=True)
class DuplicateFlag(Record):
    ENTITY = "duplicate_flags"
    person_a_id: str
    person_b_id: str
    reason: str
    score: float = 0.0
    status: DuplicateStatus = DuplicateStatus.OPEN
    decided_by: str | None = None


@dataclass(frozen=True, kw_only=True)
class Conflict(Record):
    """A concurrent edit of an assessment or decision, for a person to resolve."""
    ENTITY = "conflicts"
    entity: str
    row_id: str
    field_name: str
    local_value: str  # JSON
    remote_value: str  # JSON
    local_hlc: str
    remote_hlc: str
    remote_device: str
    resolved: bool = False
    resolved_by: str | None = None


ENTITIES: dict[str, type[Record]] = {
    cls.ENTITY: cls
    for cls in (
        User, Framework, FrameworkYear, FrameworkEarmark, FrameworkDeduction, CarryOver, Mission,
        DelegationMember, Case, CaseTransition, Person, Interview, AssessmentRecord, Decision,
        ResettlementProfile, MedicalNote, Training, TrainingCase, TrainingSession,
        AttendanceRecord, Municipality, Placement, Departure, Arrival, Attachment,
        DuplicateFlag, Conflict,
    )
}
