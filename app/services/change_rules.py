"""The write rules of app.services.access, for one change as it travels (an HQ push, a
bundle imported at HQ). The laptop's services check the rules before they write; a change
that arrives from elsewhere was written by a client HQ cannot trust, so HQ asks the same
question of the change itself: may this user, as HQ knows them, make it?"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from app.domain import Role, User
from app.services.access import RULES, Action, require
from app.services.messages import Denied, Term
from app.store.unit_of_work import Change

KINDED = {"interviews": "kind", "decisions": "kind"}  # resource refined by a field
# What a transition writes on the case itself (app.services.cases.move): the state, and
# with a final decision the date it was taken. Nothing else rides on the state's rule.
MOVE_FIELDS = frozenset({"state", "selected_on", "~base"})


@dataclass(frozen=True)
class Writer:
    """The user behind a change, as the receiver knows them (not as the change claims)."""
    name: str
    role: Role
    active: bool
    user_ids: frozenset[str]  # the ids the receiver knows this user by
    missions: Collection[str] | None  # missions whose rows they may write; None: all


def resources_written(change: Change, known: str | None) -> list[str]:
    """The resources (app.services.access) a change writes; `known` is the resource of the
    row as the receiver knew it before (an update keeps the kind it was made with)."""
    entity, fields = change.entity, change.fields
    if entity in KINDED:
        found = {known} if known and known != entity else set()
        if KINDED[entity] in fields:
            found.add(f"{entity}:{fields[KINDED[entity]]}")
        return sorted(found) or [entity]  # a bare kinded entity has no rule: refused
    if entity == "case_transitions" and change.op == "insert":
        if fields.get("from_state") is None:  # a new case's first state: made with the case
            return ["cases"]
        return [f"case_state:{fields.get('to_state')}"]
    if entity == "cases" and change.op == "update" and "state" in fields:
        moved = [f"case_state:{fields['state']}"]
        return moved + (["cases"] if set(fields) - MOVE_FIELDS else [])
    return [entity]


def refusal(writer: Writer, change: Change, known: str | None,
            missions: Iterable[str]) -> str | None:
    """None if `writer` may make `change`, else the rule it breaks (English, for HQ's log
    and the answer). `missions`: the row's mission before and after the change."""
    role = writer.role.value
    if not writer.active:
        return f"user {writer.name} is not active"
    if change.user_id not in writer.user_ids and not _registers_self(writer, change):
        return f"change {change.seq} claims user {change.user_id}, not {writer.name}"
    if writer.missions is not None:
        outside = sorted(set(missions) - set(writer.missions))
        if outside:
            return (f"{role} may not write {change.entity} of mission {outside[0]}: "
                    "not delegated to it")
    if _registers_self(writer, change):
        return None
    for resource in resources_written(change, known):
        allowed = RULES.get(resource, {}).get(Action.WRITE, frozenset())
        if writer.role not in allowed:
            names = ", ".join(sorted(r.value for r in allowed)) or "nobody"
            return f"{role} may not {change.op} {resource} (written by: {names})"
    return None


def require_local(user: User | None, change: Change, known: str | None) -> None:
    """The laptop's check of a change about to be logged (app.store.unit_of_work): the same
    rule as HQ's, raising the services' Denied so the app and the CLI say what was refused."""
    if user is not None:
        writer = Writer(user.name, user.role, user.active, frozenset({user.id}), None)
        # No mission scope here: a laptop holds only its own missions' data.
        if refusal(writer, change, known, ()) is None:
            return
    for resource in resources_written(change, known):
        require(user, Action.WRITE, resource)
    # A bare kinded entity (an interview without a kind) has no rule of its own.
    raise Denied("access.denied", role=Term(f"role.{user.role.value}") if user else "-",
                 action=Term("access.write"), what=Term(f"resource.{change.entity}"))


def _registers_self(writer: Writer, change: Change) -> bool:
    """A new laptop's first change: its own user, as the receiver knows them (Store.create
    writes it, before there is a user to write it: no user id). Any other role, name or
    state would be a user made by a non-admin."""
    fields = change.fields
    return (change.entity == "users" and change.op == "insert"
            and change.user_id in (None, change.row_id) and fields.get("name") == writer.name
            and fields.get("role") == writer.role.value and fields.get("active", 1) == 1)


__all__ = ["Writer", "refusal", "require_local", "resources_written"]
