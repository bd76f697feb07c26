"""Need-to-know on the wire: which mission and resource each row belongs to, and which
of those a device's user may read. The role rules themselves live in app.services.access;
this module only maps rows onto them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import NamedTuple

from app.domain import Role, User
from app.services.access import HIDDEN_FIELDS, RULES, Action, can
from app.services.change_rules import KINDED
from app.store.unit_of_work import Change

EVERYONE = "*"  # mission id of rows every device sees (users, missions, frameworks, ...)
HQ_ONLY = ""  # mission id of case data not (yet) assigned to a mission
HQ_ROLES = frozenset({Role.HQ_COORDINATOR, Role.HQ_MEDICAL, Role.ADMIN})
GLOBAL = frozenset({"users", "frameworks", "framework_years", "framework_earmarks",
                    "framework_deductions", "carry_overs", "missions", "delegation_members",
                    "municipalities"})
# Rows that take their mission from a parent row: entity -> (parent entity, field).
PARENT = {
    **{e: ("cases", "case_id") for e in (
        "case_transitions", "persons", "interviews", "assessments", "decisions",
        "resettlement_profiles", "medical_notes", "placements", "departures", "arrivals",
        "attachments")},
    "training_sessions": ("trainings", "training_id"),
    "training_cases": ("trainings", "training_id"),
    "attendance": ("training_sessions", "session_id"),
    "duplicate_flags": ("persons", "person_a_id"),
}


class Scope(NamedTuple):
    case_id: str | None
    mission_id: str
    resource: str
    sha256: str | None = None


Lookup = Callable[[str, str], Scope | None]


def scope_of(change: Change, lookup: Lookup) -> Scope:
    """The scope of the row a change touches, from its fields or what HQ knew before."""
    fields, known = change.fields, lookup(change.entity, change.row_id)
    resource = _resource(change, known)
    sha = fields.get("sha256") if change.entity == "attachments" else None
    sha = sha or (known.sha256 if known else None)
    if change.entity in GLOBAL:
        return Scope(None, EVERYONE, resource)
    if change.entity in ("cases", "trainings"):
        case_id = change.row_id if change.entity == "cases" else None
        if "mission_id" in fields:
            return Scope(case_id, str(fields["mission_id"] or HQ_ONLY), resource)
        return Scope(case_id, known.mission_id if known else HQ_ONLY, resource)
    if change.entity == "conflicts":
        target = fields.get("entity"), fields.get("row_id")
        # An update (a resolution) names no target: the row keeps the scope it had.
        parent = lookup(*target) if all(target) else known  # type: ignore[arg-type]
    elif change.entity in PARENT and PARENT[change.entity][1] in fields:
        parent_entity, field = PARENT[change.entity]
        parent = lookup(parent_entity, str(fields[field]))
    else:
        parent = known
    if parent is None:
        return Scope(None, HQ_ONLY, resource, sha)
    return Scope(parent.case_id, parent.mission_id, resource, sha)


def _resource(change: Change, known: Scope | None) -> str:
    field = KINDED.get(change.entity)
    if field and field in change.fields:
        return f"{change.entity}:{change.fields[field]}"
    return known.resource if known else change.entity


def readable_resources(role: Role) -> list[str]:
    user = User(name="device", role=role)
    return sorted(r for r in RULES if can(user, Action.READ, r))


def redact(change: Change, resource: str, role: Role) -> Change:
    """Blank (insert) or drop (update) the fields this role may not see."""
    hidden = [f for (res, f), roles in HIDDEN_FIELDS.items()
              if res == resource and role not in roles and f in change.fields]
    if not hidden:
        return change
    fields = dict(change.fields)
    for name in hidden:
        if change.op == "insert":
            fields[name] = ""
        else:
            del fields[name]
    return dataclasses.replace(change, fields=fields)
