"""Issue 13's authorization matrix, local path: every role x every entity of the records
registry x (insert, update, delete), and every case state a transition moves to, written
through the store API (`store.write()` as the unlocked user) on a real SQLCipher store,
and the CLI commands that write, run as real processes as each role.
The cases and outcomes are tests.authorization_cases' (app.services.access's `can`), the
same as the push matrix's: a new entity, role or rule is here without a line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum

import pytest

from app.domain import CaseState, Role, User
from app.domain.records import ENTITIES, Case, CaseTransition, Framework, Record
from app.errors import StoreError
from app.services.access import Action, can
from app.services.messages import Denied
from app.store import Store
from tests.authorization_cases import cases_of, expected, samples
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.services.test_process_cli import DEMO, hervest
from tests.services.test_process_cli import PASS as CLI_PASS


class _Undo(Exception):
    """Ends a case's unit of work without committing: every case meets the same world."""


def _other(value):
    """A value of the same type that differs (an update that writes nothing checks nothing)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, enum.Enum):
        return next(m for m in type(value) if m is not value)
    if isinstance(value, int):
        return value + 1
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    return f"{value or ''}y"


def _write(store: Store, record: Record, op: str, moved_to: CaseState | None) -> str | None:
    """Write one case as the store's user; None if it was allowed, else Denied's message."""
    try:
        with store.write() as uow:
            if moved_to is not None:
                case = store.get(Case, record.case_id)
                if case.state is moved_to:  # set up elsewhere, so the move writes something
                    with store.system_writer():
                        case = uow.update(case, state=_other(moved_to))
                uow.update(case, state=moved_to)
            elif op == "insert":
                uow.insert(dataclasses.replace(record, id=f"{record.id[:-8]}{'n' * 8}"))
            elif op == "update":
                name = dataclasses.fields(record)[-1].name
                uow.update(record, **{name: _other(getattr(record, name))})
            else:
                uow.delete(record)
            raise _Undo
    except (_Undo, StoreError):  # a store error comes after the rule let the write through
        return None
    except Denied as denied:
        return denied.message("en")


@pytest.fixture(scope="module")
def local_world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("matrix-local")
    store = Store.create(folder / "mission.db", "matrix", Role.ADMIN, PASSPHRASE, kdf=FAST_KDF)
    world: dict[str, Record] = {}
    records = samples(world)
    with store.system_writer(), store.write() as uow:  # the world, as HQ's data arrives
        uow.insert_many(records)
    yield store, records
    store.close()


def test_every_role_entity_and_operation_gets_what_access_states_locally(local_world, capsys):
    store, records = local_world
    checked, wrong = 0, []
    unlocked = store.user
    try:
        for role in Role:
            store.user = User(name=f"m-{role.value.lower()}", role=role)
            for record, op, _ in cases_of(records):
                moved = CaseState(record.to_state) if isinstance(record, CaseTransition) \
                    and op == "insert" else None
                refused = _write(store, record, op, moved)
                if (refused is None) != expected(role, record, op):
                    wrong.append((role.value, record.ENTITY, op, refused or "applied"))
                checked += 1
    finally:
        store.user = unlocked
    with capsys.disabled():
        print(f"\nauthorization matrix (local): {checked} cases checked")
    assert not wrong, "\n".join(map(str, wrong))
    assert checked >= len(Role) * len(ENTITIES) * 3


# The CLI commands that write, each with the record its write is ruled by (a new writing
# command needs a line here; its expected outcome still comes from access.py).
CLI_WRITES = {
    ("users", "add", "--user", "matrix.new", "--role", "COA"): User,
    ("frameworks", "load-published"): Framework,
    ("import", "referrals", str(DEMO / "referrals-demo.csv")): Case,
}


def test_every_role_gets_what_access_states_from_the_cli(tmp_path, capsys, monkeypatch):
    """One database per role, every writing command run on it as a real process; a refusal
    is exit 2 with a one-line message."""
    monkeypatch.setenv("HERVEST_NEW_PASSPHRASE", "new user passphrase 1")
    checked, wrong = 0, []
    for role in Role:
        db = tmp_path / f"{role.value.lower()}.db"
        Store.create(db, "hq", role, CLI_PASS, kdf=FAST_KDF).close()  # test_process_cli's user
        for args, ruled in CLI_WRITES.items():
            done = hervest(*args, "--db", str(db))
            allowed = can(User(name="m", role=role), Action.WRITE, ruled)
            lines = done.stderr.strip().splitlines()
            if allowed != (done.returncode == 0) or (not allowed and (
                    done.returncode != 2 or len(lines) != 1)):
                wrong.append((role.value, args[:2], done.returncode, done.stderr[-300:]))
            checked += 1
    with capsys.disabled():
        print(f"\nauthorization matrix (CLI): {checked} cases checked")
    assert not wrong, "\n".join(map(str, wrong))
