"""Need-to-know: which role may read and write what. The one place this rule lives.

A *resource* is an entity name (`medical_notes`), refined where one table holds data of
different sensitivity: interviews by kind (`interviews:BMA` is medical, `interviews:IND` is
asylum content), decisions by kind (`decisions:final` is HQ's), and the target state of a
case transition (`case_state:decided`). Services call `require` before every read of
sensitive data and every write; the UI may call `can` to hide what would be refused anyway.
Reading helpers (`visible`, `select_visible`, `get_visible`) drop records a role may not
read and blank the fields it may not see."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import TypeVar

from app.domain import CaseState, Decision, Interview, Record, Role, User
from app.services.messages import Denied, Term
from app.store.codec import SqlValue
from app.store.database import Store

R = TypeVar("R", bound=Record)


class Action(StrEnum):
    READ = "read"
    WRITE = "write"


IND, COA, BMA, BUZA = Role.IND, Role.COA, Role.BMA, Role.BUZA
HQ, HQ_MED, ADMIN = Role.HQ_COORDINATOR, Role.HQ_MEDICAL, Role.ADMIN
CASE_ROLES = frozenset({IND, COA, BMA, BUZA, HQ, HQ_MED})  # ADMIN sees no case content
MEDICAL = frozenset({BMA, HQ_MED})
ASYLUM = frozenset({IND, HQ})  # IND interviews, assessments, decision grounds (incl. 1F)
EVERYONE = frozenset(Role)


def _rule(read: Iterable[Role], write: Iterable[Role]) -> dict[Action, frozenset[Role]]:
    return {Action.READ: frozenset(read), Action.WRITE: frozenset(write)}


# resource -> action -> roles allowed. Anything not listed is refused.
RULES: dict[str, dict[Action, frozenset[Role]]] = {
    "users": _rule(EVERYONE, {ADMIN}),
    "frameworks": _rule(EVERYONE, {HQ}),
    "framework_years": _rule(EVERYONE, {HQ}),
    "framework_earmarks": _rule(EVERYONE, {HQ}),
    "framework_deductions": _rule(EVERYONE, {HQ}),
    "carry_overs": _rule(EVERYONE, {HQ}),
    "missions": _rule(EVERYONE, {HQ}),
    "delegation_members": _rule(EVERYONE, {HQ}),
    "cases": _rule(CASE_ROLES, {HQ}),
    "case_transitions": _rule(CASE_ROLES, set()),  # written only through a transition
    "persons": _rule(CASE_ROLES, {HQ, IND, COA}),
    "interviews:IND": _rule(ASYLUM, {IND}),
    "interviews:COA": _rule({COA, IND, HQ, BMA}, {COA}),
    "interviews:BMA": _rule(MEDICAL, {BMA}),
    "assessments": _rule(ASYLUM, {IND}),
    # COA needs the outcome (it trains and houses accepted families), never the grounds.
    "decisions:proposed": _rule({IND, HQ, COA}, {IND}),
    "decisions:final": _rule({IND, HQ, COA}, {HQ}),
    "resettlement_profiles": _rule({COA, IND, HQ, BMA, HQ_MED}, {COA}),
    "medical_notes": _rule(MEDICAL, {BMA}),
    "trainings": _rule(CASE_ROLES, {COA, HQ}),
    "training_cases": _rule(CASE_ROLES, {COA, HQ}),
    "training_sessions": _rule(CASE_ROLES, {COA, HQ}),
    "attendance": _rule(CASE_ROLES, {COA}),
    "municipalities": _rule(EVERYONE, {COA, HQ}),
    "placements": _rule(CASE_ROLES, {COA, HQ}),
    "departures": _rule(CASE_ROLES, {COA, HQ}),
    "arrivals": _rule(CASE_ROLES, {COA, HQ}),
    "attachments": _rule(CASE_ROLES, {HQ, IND, COA}),
    "duplicate_flags": _rule({HQ, IND}, {HQ, IND}),
    "conflicts": _rule({HQ, IND}, {HQ, IND}),
    # Who moves a case into a state (the field proposes, HQ decides, COA trains and moves).
    "case_state:referred": _rule((), {HQ}),  # a new case's first state: who makes cases
    "case_state:scheduled": _rule((), {HQ, IND}),
    "case_state:interviewed": _rule((), {IND}),
    "case_state:proposed": _rule((), {IND}),
    "case_state:decided": _rule((), {HQ}),
    "case_state:refused": _rule((), {HQ}),
    "case_state:co_training": _rule((), {COA, HQ}),
    "case_state:departed": _rule((), {COA, HQ}),
    "case_state:arrived": _rule((), {COA, HQ}),
    "case_state:withdrawn": _rule((), {HQ}),
}

# Fields within a readable record that only some roles may see: (resource, field) -> roles.
HIDDEN_FIELDS: dict[tuple[str, str], frozenset[Role]] = {
    ("decisions:proposed", "grounds"): ASYLUM,
    ("decisions:final", "grounds"): ASYLUM,
    # BuZa and HQ medical do not need the UNHCR account of the protection need.
    ("cases", "protection_need"): frozenset({IND, COA, BMA, HQ}),
    ("resettlement_profiles", "health_summary"): frozenset({COA, BMA, HQ, HQ_MED}),
}


def resource_of(item: Record | type[Record] | str | CaseState) -> str:
    """The resource a record (or entity, or case state) falls under."""
    if isinstance(item, CaseState):
        return f"case_state:{item.value}"
    if isinstance(item, str):
        return item
    if isinstance(item, Interview):
        return f"interviews:{item.kind.value}"
    if isinstance(item, Decision):
        return f"decisions:{item.kind.value}"
    return item.ENTITY


def _roles(action: Action, resource: str) -> frozenset[Role]:
    rule = RULES.get(resource)
    if rule is None:  # a bare entity with refined resources: the union of its refinements
        parts = [r for key, r in RULES.items() if key.startswith(f"{resource}:")]
        return frozenset().union(*(r[action] for r in parts)) if parts else frozenset()
    return rule[action]


def can(user: User | None, action: Action | str,
        item: Record | type[Record] | str | CaseState) -> bool:
    if user is None or not user.active:
        return False
    return user.role in _roles(Action(action), resource_of(item))


def require(user: User | None, action: Action | str,
            item: Record | type[Record] | str | CaseState) -> None:
    """Raise PermissionDenied, naming the role and what it tried, unless allowed."""
    if can(user, action, item):
        return
    resource = resource_of(item)
    role = Term(f"role.{user.role.value}") if user else "-"
    if resource.startswith("case_state:"):
        raise Denied("access.denied_state", role=role,
                     state=Term(f"state.{resource.split(':')[1]}"))
    raise Denied("access.denied", role=role, action=Term(f"access.{Action(action).value}"),
                 what=Term(f"resource.{resource.split(':')[0]}"))


def require_kind(user: User | None, action: Action | str, entity: str, kind: str) -> None:
    """`require` for a record about to be made, known by entity and kind only."""
    require(user, action, f"{entity}:{kind}")


def redact(user: User | None, record: R) -> R:
    """The record with the fields this user may not see blanked."""
    resource = resource_of(record)
    role = user.role if user else None
    blank = {name: "" for (res, name), roles in HIDDEN_FIELDS.items()
             if res == resource and role not in roles}
    return dataclasses.replace(record, **blank) if blank else record


def visible(user: User | None, records: Iterable[R]) -> list[R]:
    """The records this user may read, each with hidden fields blanked."""
    return [redact(user, r) for r in records if can(user, Action.READ, r)]


def select_visible(store: Store, cls: type[R], where: str = "",
                   params: Sequence[SqlValue] = (), order_by: str = "",
                   limit: int | None = None) -> list[R]:
    """`store.select` through need-to-know: nothing is read for a role that may see none."""
    if not can(store.user, Action.READ, cls.ENTITY):
        return []
    return visible(store.user, store.select(cls, where, params, order_by, limit))


def get_visible(store: Store, cls: type[R], record_id: str) -> R:
    record = store.get(cls, record_id)
    require(store.user, Action.READ, record)
    return redact(store.user, record)


__all__ = [
    "RULES", "Action", "can", "get_visible", "redact", "require",
    "require_kind", "resource_of", "select_visible", "visible",
]
