"""Issue 13's authorization matrix, push path: every role x every entity of the records
registry x (insert, update, delete), and every case state a transition moves to, pushed
by a real enrolled laptop of that role with real signed requests to one real HQ server.
The outcome expected is app.services.access's (`can`), never written out by hand: a new
entity, role or rule is in the matrix without a line here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import typing

import pytest
from sync_helpers import LiveServer, enrol_laptop, hq_keys_of
from test_push_authorization import fields_of, hostile_push

from app.domain import CaseState, Role, User
from app.domain.records import ENTITIES, CaseTransition, Record
from app.services.access import Action, can
from sync.server.app import HqKeys
from sync.server.store import open_server_store

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


@pytest.fixture(scope="module")
def matrix_hq(tmp_path_factory):
    folder = tmp_path_factory.mktemp("matrix")
    url = f"sqlite:///{folder / 'hq.sqlite'}"
    store = open_server_store(url, hq_keys_of(url))
    world: dict[str, Record] = {}
    records = samples(world)
    store.write_records(records)  # HQ's own: every row a change could touch exists
    with LiveServer(store, HqKeys([], None)) as server:
        mission = world["missions"].id
        laptops = {role: enrol_laptop(server, folder, f"m-{role.value.lower()}", role,
                                      [mission]) for role in Role}
        yield server, laptops, records
        for laptop in laptops.values():
            laptop.close()
    store.close()


def cases_of(records: list[Record]):
    for record in records:
        fields = fields_of(record)
        last = dataclasses.fields(record)[-1].name
        new = dataclasses.replace(record, id=f"{record.id[:-8]}{'n' * 8}")
        yield record, "insert", (record.ENTITY, new.id, "insert", fields)
        yield record, "update", (record.ENTITY, record.id, "update", {last: fields[last]})
        yield record, "delete", (record.ENTITY, record.id, "delete", {})
    case = next(r for r in records if r.ENTITY == "cases")
    for state in CaseState:
        yield (CaseTransition(case_id=case.id, to_state=state, at="", user_id=""), "insert",
               ("cases", case.id, "update", {"state": state.value}))


def test_every_role_entity_and_operation_gets_what_access_states(matrix_hq, capsys):
    server, laptops, records = matrix_hq
    checked, wrong = 0, []
    for role, laptop in laptops.items():
        allowed = []
        for record, op, spec in cases_of(records):
            if expected(role, record, op):
                allowed.append((record, op, spec))
                continue
            held = server.store.head(laptop.device_id)
            error = hostile_push(server, laptop, spec)
            if error is None or server.store.head(laptop.device_id) != held:
                wrong.append((role.value, spec[0], op, "applied"))
            checked += 1
        for _, op, spec in allowed:  # a refused batch applies nothing: these together
            error = hostile_push(server, laptop, spec)
            if error is not None:
                wrong.append((role.value, spec[0], op, error.message("en")))
            checked += 1
    with capsys.disabled():
        print(f"\nauthorization matrix (push to HQ): {checked} cases checked")
    assert not wrong, wrong
    assert checked >= len(Role) * len(ENTITIES) * 3
