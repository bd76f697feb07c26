"""Display names of the domain's closed vocabularies, translated. Written out literally so
that lupdate finds every string."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

from ui import i18n
from ui.qt import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


@lru_cache(maxsize=4)
def _table(language: str) -> dict[str, str]:  # cached per language: called for every cell
    return {
        # case states
        "referred": _t("Referred"), "scheduled": _t("Scheduled"),
        "interviewed": _t("Interviewed"), "proposed": _t("Proposed"),
        "decided": _t("Accepted (HQ)"), "co_training": _t("CO training"),
        "departed": _t("Departed"), "arrived": _t("Arrived"), "refused": _t("Refused"),
        "withdrawn": _t("Withdrawn"),
        # priorities and channels
        "emergency": _t("Emergency"), "urgent": _t("Urgent"), "normal": _t("Normal"),
        "mission": _t("Mission"), "dossier": _t("Dossier"),
        # relationships
        "principal": _t("Principal applicant"), "spouse": _t("Spouse"), "child": _t("Child"),
        "parent": _t("Parent"), "sibling": _t("Sibling"), "grandchild": _t("Grandchild"),
        "grandparent": _t("Grandparent"), "other_relative": _t("Other relative"),
        "other": _t("Other"),
        # sex
        "F": _t("Female"), "M": _t("Male"), "X": _t("Other"), "U": _t("Unknown"),
        # outcomes
        "open": _t("Open"), "met": _t("Met"), "not_met": _t("Not met"),
        "no_objection": _t("No objection"), "objection": _t("Objection"),
        "no_indication": _t("No indication"), "indication": _t("Indication"),
        "excluded": _t("Excluded"), "accept": _t("Accept"), "refuse": _t("Refuse"),
        "pending": _t("Pending"), "proposed_decision": _t("Proposed decision"),
        "final": _t("Final"), "draft": _t("Draft"),
        # attendance and day parts
        "present": _t("Present"), "absent": _t("Absent"), "excused": _t("Excused"),
        "unknown": _t("Not recorded"), "morning": _t("Morning"), "afternoon": _t("Afternoon"),
        # mission status
        "planned": _t("Planned"), "in_progress": _t("In progress"),
        "completed": _t("Completed"), "cancelled": _t("Cancelled"),
        # CO training topics
        "housing": _t("housing"), "health_care": _t("health care"), "education": _t("education"),
        "work": _t("work"), "law_and_norms": _t("law and norms"), "money": _t("money"),
        "dutch_language": _t("Dutch language"), "daily_life": _t("daily life"),
        # roles
        "IND": _t("IND"), "COA": _t("COA"), "BMA": _t("BMA"), "BUZA": _t("Foreign Affairs"),
        "HQ_COORDINATOR": _t("HQ coordinator"), "HQ_MEDICAL": _t("HQ medical adviser"),
        "ADMIN": _t("Administrator"),
    }


def label(value: StrEnum | str | None) -> str:
    if value is None:
        return ""
    text = str(value.value if isinstance(value, StrEnum) else value)
    return _table(i18n.language()).get(text, text)
