"""Hundreds of syncs through a proxy that cuts connections at random byte offsets:
afterwards every laptop and HQ hold the same data, nothing lost, nothing applied twice."""

from __future__ import annotations

import random

import pytest
from faults import CuttingProxy
from sync_helpers import rows, sync

from app.domain import Priority, Role
from app.domain.records import Case
from sync.client.transport import SyncError

ROUNDS = 70  # x 3 laptops = 210 syncs through the proxy


@pytest.mark.slow
def test_syncs_through_a_cutting_proxy_converge_exactly_once(laptop, hq):
    laptops = [laptop(name, Role.HQ_COORDINATOR) for name in ("anna", "bram", "cato")]
    proxy = CuttingProxy(hq.port, cut_rate=0.35, seed=11)
    for store in laptops:
        store.set_meta("sync_server_url", proxy.url)
    rng = random.Random(5)
    failures = 0
    try:
        for _ in range(ROUNDS):
            for store in laptops:
                _random_edit(store, rng)
                try:
                    sync(store)
                except SyncError as error:
                    assert error.retry, error
                    failures += 1
    finally:
        proxy.close()
    assert proxy.cuts > 50 and failures > 20
    for store in laptops:  # a clean network again
        store.set_meta("sync_server_url", hq.url)
    for _ in range(2):
        for store in laptops:
            sync(store)
    first = laptops[0]
    for other in laptops[1:]:
        assert rows(other, "cases") == rows(first, "cases")
    held = hq.store.all_changes()
    keys = [(c.device_id, c.seq) for c in held]
    assert len(keys) == len(set(keys))  # nothing twice at HQ
    for store in laptops:
        own = store.scalar("SELECT COUNT(*) FROM changes WHERE device_id = ?",
                           (store.device_id,))
        assert sum(1 for c in held if c.device_id == store.device_id) == own  # nothing lost
        assert store.scalar("SELECT COUNT(*) FROM changes WHERE acked = 0") == 0
        total = store.scalar("SELECT COUNT(*) FROM changes")
        assert total == store.scalar("SELECT COUNT(DISTINCT device_id || ':' || seq) "
                                     "FROM changes")


def _random_edit(store, rng: random.Random) -> None:
    cases = store.select(Case)
    with store.write() as uow:
        for _ in range(rng.randint(0, 4)):
            roll = rng.random()
            if roll < 0.4 or not cases:
                cases.append(uow.insert(Case(unhcr_case_number=f"TST-{rng.randint(1, 10**6)}")))
            elif roll < 0.9:
                i = rng.randrange(len(cases))
                cases[i] = uow.update(cases[i], notes=f"note {rng.random():.6f}",
                                      priority=rng.choice(list(Priority)))
            else:
                uow.delete(cases.pop(rng.randrange(len(cases))))
