"""Merge rules against real encrypted stores: exactly once, last writer wins per field,
conflicts for assessments and decisions, tombstones, schema versions, all or nothing."""

from __future__ import annotations

import dataclasses

import pytest
from sync_helpers import new_laptop, own_changes, rows, seed_case

from app.domain import Outcome
from app.domain.records import AssessmentRecord, Case, Conflict, Person
from app.errors import HervestError
from app.store.merge import apply_remote, with_bases
from app.store.migrations import LATEST


@pytest.fixture
def pair(tmp_path):
    a, b = new_laptop(tmp_path, "anna"), new_laptop(tmp_path, "bram")
    yield a, b
    a.close()
    b.close()


def exchange(a, b) -> None:
    """Both directions, as sync would: each side's own changes with bases."""
    for src, dst in ((a, b), (b, a)):
        apply_remote(dst, with_bases(src.conn, own_changes(src)))


def test_exactly_once_and_idempotent(pair):
    a, b = pair
    seed_case(a)
    first = apply_remote(b, own_changes(a))
    again = apply_remote(b, own_changes(a))
    assert first.applied == 4 and again.applied == 0 and again.skipped == 4
    assert rows(b, "cases") == rows(a, "cases")
    assert b.scalar("SELECT COUNT(*) FROM changes WHERE device_id = ?", (a.device_id,)) == 4


def test_last_writer_wins_per_field_in_any_order(pair):
    a, b = pair
    _, person, _ = seed_case(a)  # IND laptops: a person's fields (cases are HQ's)
    apply_remote(b, own_changes(a))
    with a.write() as uow:
        uow.update(person, given_name="from anna", family_name="Urgent")
    with b.write() as uow:
        uow.update(b.get(Person, person.id), given_name="from bram later")
    exchange(a, b)
    for store in (a, b):
        got = store.get(Person, person.id)
        assert got.given_name == "from bram later" and got.family_name == "Urgent"
    assert rows(a, "persons") == rows(b, "persons")


def test_update_arriving_before_insert(pair):
    a, b = pair
    _, person, _ = seed_case(a)
    with a.write() as uow:
        uow.update(person, given_name="edited")
    changes = own_changes(a)
    apply_remote(b, changes[4:])  # the edit first: recorded, nothing to write yet
    assert b.find(Person, person.id) is None
    apply_remote(b, changes[:4])
    assert b.get(Person, person.id).given_name == "edited"


def test_concurrent_assessment_edits_become_one_conflict_on_both_sides(pair):
    a, b = pair
    _, _, assessment = seed_case(a)
    apply_remote(b, own_changes(a))
    with a.write() as uow:
        uow.update(assessment, art29a=Outcome.MET, art29a_grounds="credible")
    with b.write() as uow:
        uow.update(b.get(AssessmentRecord, assessment.id), art29a=Outcome.NOT_MET)
    exchange(a, b)
    conflicts_a, conflicts_b = a.select(Conflict), b.select(Conflict)
    assert len(conflicts_a) == 1 and conflicts_a == conflicts_b
    conflict = conflicts_a[0]
    assert conflict.field_name == "art29a" and not conflict.resolved
    assert {conflict.local_value, conflict.remote_value} == {'"met"', '"not_met"'}
    assert rows(a, "assessments") == rows(b, "assessments")
    exchange(a, b)  # a second round adds nothing
    assert len(a.select(Conflict)) == 1


def test_sequential_edits_are_not_conflicts(pair):
    a, b = pair
    _, _, assessment = seed_case(a)
    apply_remote(b, own_changes(a))
    with a.write() as uow:
        uow.update(assessment, art29a=Outcome.MET)
    exchange(a, b)
    with b.write() as uow:  # bram saw anna's value and changes it
        uow.update(b.get(AssessmentRecord, assessment.id), art29a=Outcome.NOT_MET)
    exchange(a, b)
    assert a.select(Conflict) == [] and b.select(Conflict) == []
    assert a.get(AssessmentRecord, assessment.id).art29a == Outcome.NOT_MET


def test_delete_is_a_tombstone(pair):
    a, b = pair
    case, _, _ = seed_case(a)
    extra = Person(case_id=case.id, given_name="Later")
    with a.write() as uow:
        uow.insert(extra)
    apply_remote(b, own_changes(a))
    with b.write() as uow:
        uow.update(b.get(Person, extra.id), given_name="Edited later")
    with a.write() as uow:
        uow.delete(extra)
    exchange(a, b)
    assert a.find(Person, extra.id) is None and b.find(Person, extra.id) is None


def test_newer_schema_refused_and_nothing_applied(pair):
    a, b = pair
    seed_case(a)
    changes = own_changes(a)
    changes[-1] = dataclasses.replace(changes[-1], schema_version=LATEST + 1)
    with pytest.raises(HervestError) as refused:
        apply_remote(b, changes)
    assert refused.value.key == "merge.newer_schema"
    assert "newer Hervest" in str(refused.value)
    assert b.count(Case) == 0


def test_older_schema_upgraded(pair):
    a, b = pair
    seed_case(a)
    apply_remote(b, [dataclasses.replace(c, schema_version=1) for c in own_changes(a)])
    assert b.count(Case) == 1


def test_unknown_field_set_aside_with_what_refers_to_it(pair):
    """The case insert is refused; its person and assessment, which refer to it, cannot go
    in either: all set aside, nothing of them applied, the merge does not fail."""
    a, b = pair
    seed_case(a)
    changes = own_changes(a)
    at = next(i for i, c in enumerate(changes) if c.entity == "cases")
    changes[at] = dataclasses.replace(changes[at], fields={**changes[at].fields, "evil": 1})
    result = apply_remote(b, changes)
    assert b.count(Case) == 0 and b.count(Person) == 0
    assert "unknown fields ['evil']" in result.set_aside[0].reason
    assert {n.change.entity for n in result.set_aside} == {c.entity for c in changes[at:]}
