"""Closed vocabularies of the domain (see ../shared/DOMAIN.md). Values are stored as text."""

from enum import StrEnum

__all__ = [
    "ArrivalPlace", "Art1F", "Attendance", "CaseState", "Channel", "DayPart", "DecisionKind",
    "DraftStatus", "DuplicateStatus", "InterviewKind", "MissionStatus", "Outcome", "Priority",
    "QuotaCategory", "Relationship", "Role", "Sex", "TrainingTopic",
]


class Role(StrEnum):
    IND = "IND"  # interviews and assesses against asylum policy
    COA = "COA"  # resettlement profile, cultural orientation, housing
    BMA = "BMA"  # medical advisers (need-to-know for medical data)
    BUZA = "BUZA"  # Foreign Affairs: security, country information
    HQ_COORDINATOR = "HQ_COORDINATOR"  # plans missions and quota, final decisions
    HQ_MEDICAL = "HQ_MEDICAL"  # BMA at headquarters
    ADMIN = "ADMIN"  # users and devices, no case content by default


class Channel(StrEnum):
    MISSION = "mission"  # selection mission
    DOSSIER = "dossier"  # individual UNHCR dossier referral (unearmarked)


class Priority(StrEnum):
    EMERGENCY = "emergency"
    URGENT = "urgent"
    NORMAL = "normal"


class QuotaCategory(StrEnum):
    NATIONAL = "national"  # the national resettlement quota
    EU_TURKEY = "eu_turkey"  # EU migration cooperation (EU-Turkey Statement), counted apart


class CaseState(StrEnum):
    REFERRED = "referred"
    SCHEDULED = "scheduled"
    INTERVIEWED = "interviewed"
    PROPOSED = "proposed"  # the field proposed accept / refuse / pending
    DECIDED = "decided"  # HQ took the final decision (accepted)
    CO_TRAINING = "co_training"
    DEPARTED = "departed"
    ARRIVED = "arrived"
    REFUSED = "refused"  # end state
    WITHDRAWN = "withdrawn"  # end state


class MissionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Sex(StrEnum):
    FEMALE = "F"
    MALE = "M"
    OTHER = "X"
    UNKNOWN = "U"


class Relationship(StrEnum):
    PRINCIPAL = "principal"
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    GRANDCHILD = "grandchild"
    GRANDPARENT = "grandparent"
    OTHER_RELATIVE = "other_relative"
    OTHER = "other"


class InterviewKind(StrEnum):
    IND = "IND"  # asylum interview, per adult
    COA = "COA"  # resettlement-profile interview, per case
    BMA = "BMA"  # medical, per person


class DraftStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class Outcome(StrEnum):
    OPEN = "open"
    MET = "met"  # the criterion is met (e.g. refugee under art. 29(1)(a))
    NOT_MET = "not_met"
    NO_OBJECTION = "no_objection"  # integration check: no reason to refuse
    OBJECTION = "objection"  # integration check: reason to refuse


class Art1F(StrEnum):
    OPEN = "open"
    NO_INDICATION = "no_indication"
    INDICATION = "indication"  # serious reasons to consider exclusion: refuses protection
    EXCLUDED = "excluded"


class DecisionKind(StrEnum):
    PROPOSED = "proposed"  # by the delegation in the field
    FINAL = "final"  # by HQ


class DecisionOutcome(StrEnum):
    ACCEPT = "accept"
    REFUSE = "refuse"
    PENDING = "pending"


class DayPart(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"


class TrainingTopic(StrEnum):
    HOUSING = "housing"
    HEALTH_CARE = "health_care"
    EDUCATION = "education"
    WORK = "work"
    LAW_AND_NORMS = "law_and_norms"
    MONEY = "money"
    DUTCH_LANGUAGE = "dutch_language"
    DAILY_LIFE = "daily_life"


class Attendance(StrEnum):
    UNKNOWN = "unknown"
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class ArrivalPlace(StrEnum):
    MUNICIPALITY = "municipality"  # housed directly in the municipality
    RECEPTION = "reception"  # first in a COA reception location


class DuplicateStatus(StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


__all__.append("DecisionOutcome")
