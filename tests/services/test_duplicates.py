"""Duplicate detection: precision and recall on a generated set with known duplicates
written in varying transliterations and scripts, and the confirm / dismiss cycle."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from app.demo import EAST_AFRICAN_FAMILY, EAST_AFRICAN_GIVEN, FAMILY, FEMALE, MALE
from app.domain import Case, DuplicateStatus, Person, Relationship, Role, Sex
from app.errors import PermissionDenied, RuleViolation
from app.services import duplicates

IDENTITIES = 1500
DUPLICATE_SHARE = 0.3


def _spell(rng: random.Random, group: tuple[tuple[str, ...], str]) -> str:
    return rng.choice(group[0])


def _identity(rng: random.Random) -> dict:
    sex = rng.choice([Sex.MALE, Sex.FEMALE])
    born = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(45 * 365))
    if rng.random() < 0.75:  # Arabic names: given, father's name, family name
        parts = [rng.choice(MALE if sex is Sex.MALE else FEMALE), rng.choice(MALE),
                 rng.choice(FAMILY)]
    else:
        parts = [((rng.choice(EAST_AFRICAN_GIVEN),), ""), ((rng.choice(EAST_AFRICAN_GIVEN),), ""),
                 ((rng.choice(EAST_AFRICAN_FAMILY),), "")]
    return {"sex": sex, "born": born, "parts": parts}


def _record(rng: random.Random, ident: dict, case: Case, number: str, *, variant: bool) -> Person:
    parts = ident["parts"]
    if variant and rng.random() < 0.15:
        parts = [parts[0], parts[2]]  # the father's name left out
    latin = [_spell(rng, p) for p in parts]
    original = [p[1] for p in parts] if all(p[1] for p in parts) and rng.random() < 0.7 else []
    if variant and original and rng.random() < 0.2:
        latin = []  # only the original script was written down
    born = ident["born"].isoformat()
    if variant:
        roll = rng.random()
        born = born[:4] if roll < 0.2 else born[:7] if roll < 0.3 else born
    return Person(case_id=case.id, unhcr_individual_number=number,
                  given_name=" ".join(latin[:-1]), family_name=latin[-1] if latin else "",
                  given_name_original=" ".join(original[:-1]),
                  family_name_original=original[-1] if original else "",
                  birth_date=born, sex=ident["sex"], relationship=Relationship.PRINCIPAL)


def _generated(store, seed: int = 11) -> set[frozenset[str]]:
    """Persons of IDENTITIES people, a share of them twice in another case; returns the
    true duplicate pairs (by person id)."""
    rng = random.Random(seed)
    truth = set()
    with store.write() as uow:
        for i in range(IDENTITIES):
            ident = _identity(rng)
            case = uow.insert(Case(unhcr_case_number=f"DEMO-DUP-{i:05d}"))
            first = uow.insert(_record(rng, ident, case, f"DEMO-DUP-{i:05d}-01", variant=False))
            if rng.random() < DUPLICATE_SHARE:
                again = uow.insert(Case(unhcr_case_number=f"DEMO-DUP-{i:05d}-B"))
                number = first.unhcr_individual_number if rng.random() < 0.1 else \
                    f"DEMO-DUP-{i:05d}-B-01"
                second = uow.insert(_record(rng, ident, again, number, variant=True))
                truth.add(frozenset((first.id, second.id)))
    return truth


def test_precision_and_recall_on_transliteration_variants(store):
    truth = _generated(store)
    found = {frozenset((c.person_a_id, c.person_b_id)) for c in duplicates.scan(store)}
    hits = len(found & truth)
    precision, recall = hits / len(found), hits / len(truth)
    print(f"\nduplicates: {len(truth)} true pairs, {len(found)} flagged, "
          f"precision {precision:.3f}, recall {recall:.3f}")
    assert recall >= 0.95
    assert precision >= 0.9


def _person(case: Case, given: str, family: str, born: str, *, original: str = "",
            number: str = "", sex: Sex = Sex.MALE) -> Person:
    given_o, _, family_o = original.partition(" ")
    return Person(case_id=case.id, given_name=given, family_name=family, birth_date=born,
                  given_name_original=given_o, family_name_original=family_o,
                  unhcr_individual_number=number, sex=sex)


def test_variants_match_and_different_people_do_not(store):
    with store.write() as uow:
        c1, c2 = uow.insert(Case(unhcr_case_number="DEMO-1")), uow.insert(
            Case(unhcr_case_number="DEMO-2"))
        people = [
            _person(c1, "Mohammed", "Al-Hassan", "1987-03-14", original="محمد الحسن"),
            _person(c2, "Muhammad", "Alhassan", "1987", number="DEMO-2-01"),  # same, year only
            _person(c2, "", "", "1987-03-14", original="محمد الحسن"),  # Arabic only
            _person(c2, "Mohamed", "El-Hassan", "1988-03-14"),  # another year: other person
            _person(c1, "Hassan", "Darwish", "1990-01-01", original="حسن درويش"),
            _person(c2, "Hussein", "Darwish", "1990-01-01", original="حسين درويش"),
            _person(c1, "Fatima", "Saleh", "1990-01-01", sex=Sex.FEMALE, number="DEMO-X"),
            _person(c2, "Amira", "Nasser", "1975", sex=Sex.FEMALE, number="DEMO-X"),
        ]
        uow.insert_many(people)
    pairs = {frozenset((c.person_a_id, c.person_b_id)): c for c in duplicates.scan(store)}
    ids = [p.id for p in people]
    assert set(pairs) == {frozenset((ids[0], ids[1])), frozenset((ids[0], ids[2])),
                          frozenset((ids[1], ids[2])), frozenset((ids[6], ids[7]))}
    assert pairs[frozenset((ids[6], ids[7]))].reason == duplicates.SAME_NUMBER
    assert pairs[frozenset((ids[0], ids[2]))].score == 1.0


def test_flags_are_stored_once_and_decisions_stick(store, flow):
    _generated(store, seed=3)
    flags = duplicates.run(store)
    assert flags and duplicates.run(store) == []  # nothing raised twice
    first, second = duplicates.open_flags(store)[:2]
    assert duplicates.decide(store, first.id, confirmed=True).status is \
        DuplicateStatus.CONFIRMED
    dismissed = duplicates.decide(store, second.id, confirmed=False)
    assert dismissed.decided_by == store.user_id
    with pytest.raises(RuleViolation):
        duplicates.decide(store, second.id, confirmed=True)
    assert duplicates.run(store) == []  # a dismissed pair stays dismissed
    assert len(duplicates.open_flags(store)) == len(flags) - 2
    a, b = duplicates.persons_of(store, first)
    assert a.id == first.person_a_id and b.id == first.person_b_id
    flow.act(Role.COA)
    with pytest.raises(PermissionDenied):
        duplicates.scan(store)
