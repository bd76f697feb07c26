"""The one write path: row + change + audit entry in one transaction, nothing around it."""

import json
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import Case, CaseState, Person
from app.errors import StoreError
from app.store import Store, audit
from app.store.check import run_checks
from app.store.database import _connect
from app.store.keyslots import KeyFile
from tests.conftest import FAST_KDF, PASSPHRASE


def _local_changes(store):
    return store.rows("SELECT seq, entity, row_id, op, fields FROM changes WHERE device_id = ? "
                      "ORDER BY seq", (store.device_id,))


def test_every_write_makes_exactly_one_change_and_one_audit_entry(store):
    before = len(_local_changes(store))
    audit_before = store.scalar("SELECT COUNT(*) FROM audit_log")
    with store.write() as uow:
        case = uow.insert(Case(unhcr_case_number="DEMO-10"))
        person = uow.insert(Person(case_id=case.id, given_name="Amira"))
        case = uow.update(case, state=CaseState.SCHEDULED, notes="x")
        uow.update(case, notes="x")  # no difference: no change
        uow.delete(person)
    changes = _local_changes(store)[before:]
    assert [(c[1], c[3]) for c in changes] == [
        ("cases", "insert"), ("persons", "insert"), ("cases", "update"), ("persons", "delete")]
    assert json.loads(changes[2][4]) == {"state": "scheduled", "notes": "x"}
    assert store.scalar("SELECT COUNT(*) FROM audit_log") == audit_before + 4
    seqs = [c[0] for c in _local_changes(store)]
    assert seqs == list(range(1, len(seqs) + 1))


def test_a_failed_unit_of_work_leaves_nothing_and_keeps_seq_dense(store):
    with pytest.raises(RuntimeError), store.write() as uow:
        uow.insert(Case(unhcr_case_number="DEMO-11"))
        raise RuntimeError("the user's laptop fell over")
    assert store.count(Case) == 0
    with store.write() as uow:
        uow.insert(Case(unhcr_case_number="DEMO-12"))
    seqs = [c[0] for c in _local_changes(store)]
    assert seqs == list(range(1, len(seqs) + 1))
    assert run_checks(store) == []


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["insert", "update", "delete", "fail"]), max_size=15))
def test_seq_stays_dense_whatever_the_order_of_writes(tmp_path_factory, ops):
    path = tmp_path_factory.mktemp("dense") / "m.db"
    with Store.create(path, "u", "HQ_COORDINATOR", PASSPHRASE, kdf=FAST_KDF) as store:
        cases: list[Case] = []
        for op in ops:
            after = list(cases)
            try:
                with store.write() as uow:
                    if op in ("insert", "fail") or not after:
                        after.append(uow.insert(Case(unhcr_case_number="DEMO-X")))
                    elif op == "update":
                        after[-1] = uow.update(after[-1], notes=f"n{len(after)}")
                    else:
                        uow.delete(after.pop())
                    if op == "fail":
                        raise ValueError
                cases = after
            except ValueError:
                pass
        seqs = [c[0] for c in _local_changes(store)]
        assert seqs == list(range(1, len(seqs) + 1))
        assert store.count(Case) == len(cases)
        assert run_checks(store) == []


def test_writes_around_the_unit_of_work_are_refused(store):
    with store.write() as uow:
        case = uow.insert(Case(unhcr_case_number="DEMO-13"))
    for statement in ("UPDATE cases SET notes = 'sneaky'", "DELETE FROM cases",
                      "INSERT INTO cases (id, unhcr_case_number, channel, priority, "
                      "submission_category, quota_category, state, host_country, "
                      "protection_need, notes) VALUES ('x','y','mission','normal','','national',"
                      "'referred','','','')"):
        with pytest.raises(Exception, match="outside unit of work"):
            store.conn.execute(statement)
    with pytest.raises(Exception, match="append-only"):
        store.conn.execute("DELETE FROM audit_log")
    with pytest.raises(Exception, match="immutable"):
        store.conn.execute("UPDATE changes SET fields = '{}'")
    assert store.get(Case, case.id).notes == ""


def _raw(db_path):
    """A connection as an attacker with the key would have it: no guard function."""
    key, _ = KeyFile.load(db_path).unwrap_user("coordinator", PASSPHRASE)
    conn, gate = _connect(db_path, key)
    gate.active = 1
    for trigger in ("guard_audit_update", "guard_audit_delete"):
        conn.execute(f"DROP TRIGGER {trigger}")
    return conn


@pytest.mark.parametrize("tamper", ["edit", "delete_middle", "delete_last", "insert_forged"])
def test_check_detects_any_audit_tampering(demo_store, db_path, tamper):
    assert audit.verify(demo_store.conn) is None
    n = demo_store.scalar("SELECT MAX(seq) FROM audit_log")
    demo_store.close()
    conn = _raw(db_path)
    if tamper == "edit":
        conn.execute("UPDATE audit_log SET user_id = 'someone else' WHERE seq = ?", (n // 2,))
    elif tamper == "delete_middle":
        conn.execute("DELETE FROM audit_log WHERE seq = ?", (n // 3,))
    elif tamper == "delete_last":
        conn.execute("DELETE FROM audit_log WHERE seq = ?", (n,))
    else:
        row = conn.execute("SELECT * FROM audit_log WHERE seq = ?", (n,)).fetchone()
        conn.execute("INSERT INTO audit_log VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     (n + 1, *row[1:10], row[11], "0" * 64))
    conn.close()
    with Store.open(db_path, "coordinator", PASSPHRASE) as store:
        problems = run_checks(store)
    assert problems and problems[0].key == "check.audit"


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs: a real full (or read-only) disk without filling the machine's."""
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full_is_reported_and_loses_nothing_saved(small_disk):
    path = small_disk / "m.db"
    store = Store.create(path, "u", "HQ_COORDINATOR", PASSPHRASE, kdf=FAST_KDF)
    saved = 0
    with pytest.raises(StoreError) as full:
        while True:
            with store.write() as uow:
                for _ in range(20):
                    uow.insert(Case(unhcr_case_number="DEMO-FULL", notes="x" * 4000))
            saved += 20
    assert full.value.key == "store.disk_full"
    assert "schijf is vol" in full.value.message("nl")
    store.close()
    with Store.open(path, "u", PASSPHRASE) as again:
        assert again.count(Case) == saved
        assert run_checks(again) == []


def test_read_only_disk_is_named_not_called_damaged(small_disk):
    path = small_disk / "m.db"
    with Store.create(path, "u", "HQ_COORDINATOR", PASSPHRASE, kdf=FAST_KDF) as store, \
            store.write() as uow:
        uow.insert(Case(unhcr_case_number="DEMO-RO"))
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(StoreError) as refused:
        Store.open(path, "u", PASSPHRASE)
    assert refused.value.key in ("store.cannot_open", "store.readonly")
    assert "read-only" in refused.value.message("en")
