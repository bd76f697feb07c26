"""Issue 13's authorization matrix, push path: every role x every entity of the records
registry x (insert, update, delete), and every case state a transition moves to, pushed
by a real enrolled laptop of that role with real signed requests to one real HQ server.
The outcome expected is app.services.access's (`can`), never written out by hand: a new
entity, role or rule is in the matrix without a line here."""

from __future__ import annotations

import pytest
from sync_helpers import LiveServer, enrol_laptop, hq_keys_of
from test_push_authorization import hostile_push

from app.domain import Role
from app.domain.records import ENTITIES, Record
from sync.server.app import HqKeys
from sync.server.store import open_server_store
from tests.authorization_cases import cases_of, expected, samples


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
