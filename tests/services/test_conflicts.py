"""Resolving sync conflicts made the real way: two laptops edit the same assessment
offline and exchange their changes through `apply_remote`, as sync and bundles do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain import Conflict, Outcome, Role
from app.domain.records import AssessmentRecord, Case, Person
from app.errors import HervestError
from app.services.conflicts import Keep, resolve
from app.store import Store
from app.store.merge import apply_remote, logged_changes, with_bases
from tests.conftest import FAST_KDF, PASSPHRASE, as_admin


def exchange(a: Store, b: Store) -> None:
    """Both directions, as sync would: each side's own changes with their bases."""
    for src, dst in ((a, b), (b, a)):
        own = logged_changes(src.conn, "device_id = ?", (src.device_id,))
        apply_remote(dst, with_bases(src.conn, own))


def conflicted_pair(folder: Path) -> tuple[Store, Store, Conflict]:
    """Two IND laptops whose concurrent edits of one assessment's art. 29(1)(a) outcome
    became one conflict on both; laptop `b` wrote last, so its value is the current one."""
    a, b = (Store.create(folder / f"{name}.db", name, Role.IND, PASSPHRASE, kdf=FAST_KDF)
            for name in ("anna", "bram"))
    case = Case(unhcr_case_number="DEMO-C-0001", host_country="EGY")
    person = Person(case_id=case.id, given_name="Testa", family_name="Voorbeeld-Demo")
    assessment = AssessmentRecord(case_id=case.id, person_id=person.id, assessor_id="x")
    with a.write() as uow:
        with a.system_writer():  # the case itself comes from HQ
            uow.insert(case)
        uow.insert_many([person, assessment])
    exchange(a, b)
    with a.write() as uow:
        uow.update(assessment, art29a=Outcome.MET)
    with b.write() as uow:
        uow.update(b.get(AssessmentRecord, assessment.id), art29a=Outcome.NOT_MET)
    exchange(a, b)
    [conflict] = a.select(Conflict)
    return a, b, conflict


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Store, Store, Conflict]]:
    a, b, conflict = conflicted_pair(tmp_path)
    yield a, b, conflict
    a.close()
    b.close()


def _art29a(store: Store, conflict: Conflict) -> Outcome:
    return store.get(AssessmentRecord, conflict.row_id).art29a


def test_the_conflict_holds_both_values(pair) -> None:
    a, b, conflict = pair
    assert conflict.field_name == "art29a" and not conflict.resolved
    assert (conflict.local_value, conflict.remote_value) == ('"not_met"', '"met"')
    assert _art29a(a, conflict) == _art29a(b, conflict) == Outcome.NOT_MET


def test_keep_local_marks_resolved_and_writes_no_edit(pair) -> None:
    a, b, conflict = pair
    before = a.scalar("SELECT COUNT(*) FROM changes WHERE entity = 'assessments'")
    done = resolve(a, conflict.id, Keep.LOCAL)
    assert done.resolved and done.resolved_by == a.user_id
    assert a.scalar("SELECT COUNT(*) FROM changes WHERE entity = 'assessments'") == before
    exchange(a, b)
    assert b.get(Conflict, conflict.id).resolved
    assert _art29a(b, conflict) == Outcome.NOT_MET


def test_keep_remote_writes_the_value_and_syncs_as_an_edit(pair) -> None:
    a, b, conflict = pair
    resolve(a, conflict.id, Keep.REMOTE)
    assert _art29a(a, conflict) == Outcome.MET
    exchange(a, b)
    assert _art29a(b, conflict) == Outcome.MET  # the other laptop follows
    assert b.get(Conflict, conflict.id).resolved
    # The edit saw both values: no new conflict on either side.
    assert len(a.select(Conflict)) == len(b.select(Conflict)) == 1


def test_already_resolved_says_by_whom(pair) -> None:
    a, _b, conflict = pair
    resolve(a, conflict.id, Keep.REMOTE)
    with pytest.raises(HervestError) as caught:
        resolve(a, conflict.id, Keep.LOCAL)
    assert caught.value.key == "conflict.already_resolved"
    assert "anna" in caught.value.message("en")
    assert _art29a(a, conflict) == Outcome.MET  # unchanged by the refused second try


def test_record_gone_changes_nothing(pair) -> None:
    a, _b, conflict = pair
    with a.write() as uow:
        uow.delete(a.get(AssessmentRecord, conflict.row_id))
    with pytest.raises(HervestError) as caught:
        resolve(a, conflict.id, Keep.REMOTE)
    assert caught.value.key == "conflict.record_gone"
    assert not a.get(Conflict, conflict.id).resolved


@pytest.mark.parametrize("role", [Role.COA, Role.HQ_COORDINATOR, Role.BMA])
def test_need_to_know_only_ind_resolves_an_assessment(pair, role: Role) -> None:
    """COA and BMA may not even see an assessment conflict; HQ sees it but may not write
    an IND assessment."""
    a, _b, conflict = pair
    with as_admin(a):
        added = a.add_user(f"user.{role.value.lower()}", role, PASSPHRASE, kdf=FAST_KDF)
    a.user = added
    with pytest.raises(HervestError) as caught:
        resolve(a, conflict.id, Keep.REMOTE)
    assert caught.value.key.startswith("access.")
    assert _art29a(a, conflict) == Outcome.NOT_MET
    assert not a.get(Conflict, conflict.id).resolved


def _overruled_delete(store: Store, row_id: str) -> Conflict:
    """What merge records when a delete was overruled because another device still added
    to the record (field `id`, other value null); inserted as merge would."""
    conflict = Conflict(entity="assessments", row_id=row_id, field_name="id",
                        local_value=f'"{row_id}"', remote_value="null",
                        local_hlc="0000000000002-0000", remote_hlc="0000000000001-0000",
                        remote_device="other-device")
    with store.write() as uow:
        return uow.insert(conflict)


@pytest.mark.parametrize("keep", [Keep.LOCAL, Keep.REMOTE])
def test_an_overruled_delete_keeps_or_deletes_the_record(pair, keep: Keep) -> None:
    a, _b, conflict = pair
    kept = _overruled_delete(a, conflict.row_id)
    resolve(a, kept.id, keep)
    assert a.get(Conflict, kept.id).resolved
    exists = a.find(AssessmentRecord, conflict.row_id) is not None
    assert exists is (keep is Keep.LOCAL)
