"""Property: N laptops making random offline edits, syncing in random order through a
proxy that cuts at random, converge to the state of a reference model: per field the
last writer by (HLC, device, seq) wins, and a deleted row stays deleted."""

from __future__ import annotations

import tempfile
from pathlib import Path

from faults import CuttingProxy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import LiveServer, enrol_laptop, sync

from app.domain import Role
from app.domain.records import Case
from app.store.codec import codec_for
from sync.client.transport import SyncError
from sync.server.store import open_server_store

N_LAPTOPS = 3
edit = st.tuples(st.integers(0, N_LAPTOPS - 1), st.sampled_from(["insert", "update", "delete"]),
                 st.integers(0, 50), st.text("abc xyz", max_size=6))
step = st.one_of(st.tuples(st.just("edit"), edit),
                 st.tuples(st.just("sync"), st.integers(0, N_LAPTOPS - 1)))


def reference(changes) -> dict[str, dict]:
    """The expected cases table from every change HQ holds, in no particular order."""
    best: dict[str, dict[str, tuple]] = {}
    deleted = set()
    for c in changes:
        if c.entity != "cases":
            continue
        if c.op == "delete":
            deleted.add(c.row_id)
        for name, value in c.fields.items():
            current = best.setdefault(c.row_id, {}).get(name)
            if current is None or (c.hlc, c.device_id, c.seq) > current[0]:
                best[c.row_id][name] = ((c.hlc, c.device_id, c.seq), value)
    return {row: {k: v[1] for k, v in fields.items()} for row, fields in best.items()
            if row not in deleted}


def table(store) -> dict[str, dict]:
    codec = codec_for(Case)
    return {c.id: {k: v for k, v in codec.to_fields(c).items() if k != "id"}
            for c in store.select(Case)}


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=st.lists(step, min_size=5, max_size=30), seed=st.integers(0, 1000))
def test_random_offline_edits_converge(steps, seed):
    with tempfile.TemporaryDirectory() as folder:
        hq_store = open_server_store(f"sqlite:///{Path(folder) / 'hq.sqlite'}")
        with LiveServer(hq_store) as hq:
            laptops = [enrol_laptop(hq, Path(folder), f"l{i}", Role.HQ_COORDINATOR)
                       for i in range(N_LAPTOPS)]
            proxy = CuttingProxy(hq.port, cut_rate=0.3, seed=seed)
            try:
                for store in laptops:
                    store.set_meta("sync_server_url", proxy.url)
                for kind, arg in steps:
                    if kind == "edit":
                        _edit(laptops[arg[0]], *arg[1:])
                    else:
                        try:
                            sync(laptops[arg])
                        except SyncError as error:
                            assert error.retry
                for store in laptops:
                    store.set_meta("sync_server_url", hq.url)
                for store in laptops + laptops:
                    sync(store)
                expected = reference(hq_store.all_changes())
                for store in laptops:
                    assert table(store) == expected
            finally:
                proxy.close()
                for store in laptops:
                    store.close()
        hq_store.close()


def _edit(store, op: str, pick: int, text: str) -> None:
    cases = store.select(Case, order_by="id")
    with store.write() as uow:
        if op == "insert" or not cases:
            uow.insert(Case(unhcr_case_number=f"TST-{pick}", notes=text))
        elif op == "update":
            uow.update(cases[pick % len(cases)], notes=text, submission_category=text[:2])
        else:
            uow.delete(cases[pick % len(cases)])
