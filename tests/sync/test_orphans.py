"""A delete on one laptop meets a child added to the same row on another (issue 5, the sync
that got stuck on a foreign key): over the real server every laptop keeps the row and the
child, a conflict tells a person the delete was overruled, and sync goes on."""

from __future__ import annotations

import pytest
from sync_helpers import rows, seed_case, sync

from app.domain import Role
from app.domain.records import Case, Conflict, Person


@pytest.fixture
def two_laptops(delegation, laptop):
    """HQ's laptop deletes a case (only HQ coordinators may; the IND delegate took its
    assessment back first), while bram, in the field, has the case too."""
    mission, field, bram = delegation
    case, person, assessment = seed_case(field, mission_id=mission.id)
    with field.write() as uow:
        uow.delete(assessment)
    sync(field)
    sync(bram)
    anna = laptop("hilde", Role.HQ_COORDINATOR)
    with anna.write() as uow:  # children first, as the foreign keys demand
        for record in (person, case):
            uow.delete(record)
    return anna, bram, case


def _same_rows(*stores) -> None:
    for table in ("cases", "persons", "assessments", "conflicts"):
        assert all(rows(s, table) == rows(stores[0], table) for s in stores), table


@pytest.mark.parametrize("first", ["delete", "child"])
def test_child_added_to_a_deleted_row_keeps_both_and_raises_a_conflict(two_laptops, first):
    anna, bram, case = two_laptops
    sibling = Person(case_id=case.id, given_name="Nieuwe", family_name="Voorbeeld")
    with bram.write() as uow:
        uow.insert(sibling)
    order = (anna, bram, anna) if first == "delete" else (bram, anna, bram)
    for store in order:
        sync(store)  # the laptop that pulls the other side's change must not get stuck
    _same_rows(anna, bram)
    assert anna.find(Person, sibling.id) is not None
    assert [c.id for c in anna.select(Case)] == [case.id]  # kept, with its fields
    assert anna.get(Case, case.id).unhcr_case_number == case.unhcr_case_number
    assert [p.id for p in anna.select(Person)] == [sibling.id]  # the old child stays deleted
    (conflict,) = anna.select(Conflict)
    assert (conflict.entity, conflict.row_id, conflict.remote_device) == (
        "cases", case.id, anna.device_id)
    assert conflict.remote_value == "null"  # "deleted"
    with anna.write() as uow:  # sync goes on afterwards
        uow.update(anna.get(Person, sibling.id), given_name="Later")
    for store in (anna, bram):
        sync(store)
    assert bram.get(Person, sibling.id).given_name == "Later"


def test_child_added_and_removed_again_lets_the_delete_take_effect(two_laptops):
    anna, bram, case = two_laptops
    sibling = Person(case_id=case.id, given_name="Nieuwe", family_name="Voorbeeld")
    with bram.write() as uow:
        uow.insert(sibling)
    sync(anna)  # the delete reaches HQ first
    with bram.write() as uow:
        uow.delete(sibling)
    for store in (bram, anna, bram):
        sync(store)
    _same_rows(anna, bram)
    assert anna.select(Case) == [] and anna.select(Person) == []


def test_delete_overruled_on_a_laptop_that_already_held_the_child(two_laptops):
    """bram pulls anna's delete while holding a child of the row in the same sync batch
    as his own later edits under the kept row: those edits merge as usual. (The case's
    own fields are HQ's to edit, not the IND delegate's.)"""
    anna, bram, case = two_laptops
    sibling = Person(case_id=case.id, given_name="Nieuwe", family_name="Voorbeeld")
    with bram.write() as uow:
        uow.insert(sibling)
    sync(anna)
    sync(bram)
    with bram.write() as uow:
        uow.update(bram.get(Person, sibling.id), given_name="Later")
    for store in (bram, anna):
        sync(store)
    _same_rows(anna, bram)
    assert [c.id for c in anna.select(Case)] == [case.id]
    assert anna.get(Person, sibling.id).given_name == "Later"


def test_child_removed_locally_from_a_kept_row_lets_the_delete_take_effect(two_laptops):
    """Once both laptops keep the row, bram removes the child in the app: the delete takes
    effect on his laptop at once (the same rule as when the removal arrives by sync)."""
    anna, bram, case = two_laptops
    sibling = Person(case_id=case.id, given_name="Nieuwe", family_name="Voorbeeld")
    with bram.write() as uow:
        uow.insert(sibling)
    for store in (anna, bram, anna):
        sync(store)
    assert [c.id for c in bram.select(Case)] == [case.id]
    with bram.write() as uow:
        uow.delete(bram.get(Person, sibling.id))
    assert bram.select(Case) == []
    for store in (bram, anna):
        sync(store)
    _same_rows(anna, bram)
    assert anna.select(Case) == []
