"""Issue 13's authorization matrix cases, generated from the records registry and
app.services.access: one valid record per entity (and kind), and the expected outcome of
every role x record x operation. Shared by the push, bundle and local-path matrix tests,
so a new entity, role or rule is in every matrix without a line there."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import typing

from app.domain import CaseState, Role, User
from app.domain.records import ENTITIES, CaseTransition, Record
from app.services.access import Action, can
from app.store.codec import codec_for


def fields_of(record) -> dict:
    fields = codec_for(type(record)).to_fields(record)
    del fields["id"]
    return fields


# Which world row a reference field names, by its name (a new *_id field needs a line).
REFERS = {"case_id": "cases", "follows_case_id": "cases", "person_id": "persons",
          "person_a_id": "persons", "person_b_id": "persons", "training_id": "trainings",
          "session_id": "training_sessions", "framework_id": "frameworks",
          "from_framework_id": "frameworks", "to_framework_id": "frameworks",
          "mission_id": "missions", "municipality_id": "municipalities",
          "supersedes_id": "interviews"}


def _value(name: str, hint, world: dict[str, Record]):
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    hint = args[0] if typing.get_args(hint) and type(None) in typing.get_args(hint) else hint
    if name in REFERS:
        return world[REFERS[name]].id if REFERS[name] in world else None
    if name == "sha256":
        return "0" * 64
    if name in ("entity", "row_id"):  # a conflict about the world's case
        return "cases" if name == "entity" else world["cases"].id
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return next(iter(hint))
    return {int: 1, float: 0.0, bool: False, dt.date: dt.date(2024, 1, 1)}.get(
        hint, [] if typing.get_origin(hint) is list else "x")


def samples(world: dict[str, Record]) -> list[Record]:
    """One valid record per entity (per kind where the kind refines the resource), its
    references to the world's rows, in the registry's order (parents first)."""
    made = []
    for entity, cls in ENTITIES.items():
        hints = typing.get_type_hints(cls)
        base = {f.name: _value(f.name, hints[f.name], world)
                for f in dataclasses.fields(cls) if f.name != "id"}
        if cls is User:
            base["name"] = "matrix-user"
        kinds = list(hints["kind"]) if "kind" in hints else [None]
        for kind in kinds:
            record = cls(**{**base, **({"kind": kind} if kind else {})})
            made.append(record)
            world.setdefault(entity, record)
    return made


def expected(role: Role, record: Record, op: str) -> bool:
    """access.py's answer: a transition is the case state's rule, the rest the record's."""
    item = CaseState(record.to_state) if isinstance(record, CaseTransition) and \
        op == "insert" else record
    return can(User(name="m", role=role), Action.WRITE, item)


def cases_of(records: list[Record]):
    for record in records:
        fields = fields_of(record)
        last = dataclasses.fields(record)[-1].name
        new = dataclasses.replace(record, id=f"{record.id[:-8]}{'n' * 8}")
        # A new user, not a laptop's copy of one HQ knows (that copy is no user creation:
        # test_push_authorization::test_a_laptops_copy_of_a_user_hq_knows_is_accepted).
        made = {**fields, "name": "matrix-new"} if record.ENTITY == "users" else fields
        yield record, "insert", (record.ENTITY, new.id, "insert", made)
        yield record, "update", (record.ENTITY, record.id, "update", {last: fields[last]})
        yield record, "delete", (record.ENTITY, record.id, "delete", {})
    case = next(r for r in records if r.ENTITY == "cases")
    for state in CaseState:
        yield (CaseTransition(case_id=case.id, to_state=state, at="", user_id=""), "insert",
               ("cases", case.id, "update", {"state": state.value}))

