"""Municipalities, matching accepted families to them, departure and arrival.

Matching reads the COA resettlement profile: a family that needs accessible housing or a
hospital nearby only fits a municipality that offers it, and a municipality has a house
free and room in its yearly capacity for the whole family. Arrival is per person, in the
municipality or first in a COA reception location; family members who follow later
(nareis) arrive on their own date, linked to the original case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from app.domain import (
    Arrival,
    ArrivalPlace,
    Case,
    CaseState,
    Departure,
    Municipality,
    Person,
    Placement,
    ResettlementProfile,
)
from app.services import cases
from app.services.access import Action, require
from app.services.messages import Refused
from app.store.database import Store

ACCEPTED = (CaseState.DECIDED, CaseState.CO_TRAINING)


@dataclass(frozen=True)
class Match:
    municipality: Municipality
    score: float  # higher fits better
    houses_free: int
    capacity_left: int
    reasons: list[str] = field(default_factory=list)  # message keys of what fits well


def add_municipality(store: Store, name: str, *, province: str = "", houses_offered: int = 0,
                     capacity_per_year: int = 0, near_hospital: bool = False,
                     accessible_housing: bool = False) -> Municipality:
    require(store.user, Action.WRITE, Municipality.ENTITY)
    with store.write() as uow:
        return uow.insert(Municipality(
            name=name, province=province, houses_offered=houses_offered,
            capacity_per_year=capacity_per_year, near_hospital=near_hospital,
            accessible_housing=accessible_housing))


def update_municipality(store: Store, municipality_id: str, **values: object) -> Municipality:
    require(store.user, Action.WRITE, Municipality.ENTITY)
    with store.write() as uow:
        return uow.update(store.get(Municipality, municipality_id), **values)


def family_size(store: Store, case_id: str) -> int:
    """Persons who travel with the case (those who follow later come on their own)."""
    return store.count(Person, "case_id = ? AND follows_later = 0", (case_id,))


def matches(store: Store, case_id: str, year: int | None = None) -> list[Match]:
    """Municipalities that fit the case, best first."""
    require(store.user, Action.READ, Placement.ENTITY)
    usage = _usage(store, year or dt.date.today().year)
    return _rank(store, case_id, usage)


def propose_matches(store: Store, case_ids: Sequence[str],
                    year: int | None = None) -> dict[str, Match | None]:
    """A municipality for each case, the hardest to place (largest, most needs) first, each
    taking a house and capacity so that later cases see what is left. Writes nothing."""
    require(store.user, Action.READ, Placement.ENTITY)
    usage = _usage(store, year or dt.date.today().year)

    def difficulty(case_id: str) -> tuple[int, int]:
        needs = _needs(store, case_id)
        return (-(needs[0] + needs[1]), -family_size(store, case_id))

    proposal: dict[str, Match | None] = {}
    for case_id in sorted(case_ids, key=difficulty):
        ranked = _rank(store, case_id, usage)
        best = ranked[0] if ranked else None
        proposal[case_id] = best
        if best:
            houses, persons = usage.get(best.municipality.id, (0, 0))
            usage[best.municipality.id] = (houses + 1, persons + family_size(store, case_id))
    return proposal


def place(store: Store, case_id: str, municipality_id: str, *, confirmed: bool = False,
          note: str = "") -> Placement:
    """Link an accepted case to a municipality (replacing an unconfirmed earlier link)."""
    require(store.user, Action.WRITE, Placement.ENTITY)
    case = store.get(Case, case_id)
    if case.state not in ACCEPTED:
        raise Refused("placement.not_accepted", case=case.unhcr_case_number,
                            state=cases.state_term(case.state))
    store.get(Municipality, municipality_id)
    current = store.select(Placement, "case_id = ?", (case_id,))
    if any(p.confirmed for p in current):
        raise Refused("placement.confirmed")
    with store.write() as uow:
        for old in current:
            uow.delete(old)
        return uow.insert(Placement(case_id=case_id, municipality_id=municipality_id,
                                    confirmed=confirmed, note=note))


def confirm_placement(store: Store, case_id: str) -> Placement:
    require(store.user, Action.WRITE, Placement.ENTITY)
    found = store.select(Placement, "case_id = ?", (case_id,))
    if not found:
        raise Refused("placement.missing")
    with store.write() as uow:
        return uow.update(found[0], confirmed=True)


def record_departure(store: Store, case_id: str, departed_on: dt.date,
                     from_location: str = "") -> Departure:
    """The family left the host country; the case moves to departed with it."""
    require(store.user, Action.WRITE, Departure.ENTITY)
    case = store.get(Case, case_id)
    departure = Departure(case_id=case_id, departed_on=departed_on, from_location=from_location)
    with store.write() as uow:
        uow.insert(departure)
        cases.move(uow, case, CaseState.DEPARTED)
    return departure


def record_arrival(store: Store, case_id: str, arrived_on: dt.date, *,
                   reception_location: str = "",
                   person_ids: Iterable[str] | None = None) -> list[Arrival]:
    """Arrival of the travelling family: in the placed municipality, or, with a
    `reception_location`, first in a COA reception location (no house ready yet)."""
    require(store.user, Action.WRITE, Arrival.ENTITY)
    case = store.get(Case, case_id)
    people = _persons(store, case_id, person_ids, follows_later=False)
    municipality_id = _municipality_of(store, case_id)
    if not reception_location and municipality_id is None:
        raise Refused("arrival.needs_place", case=case.unhcr_case_number)
    nareis = case.follows_case_id is not None  # a case of family following a resettled one
    arrivals = [_arrival(case_id, p.id, arrived_on, municipality_id, reception_location, nareis)
                for p in people]
    with store.write() as uow:
        uow.insert_many(arrivals)
        if case.state is CaseState.DEPARTED:
            cases.move(uow, case, CaseState.ARRIVED)
        elif case.state is not CaseState.ARRIVED:  # refused, naming the missing step
            cases.check_move(store, case, CaseState.ARRIVED)
    return arrivals


def record_nareis_arrival(store: Store, case_id: str, person_ids: Iterable[str],
                          arrived_on: dt.date, *, reception_location: str = "") -> list[Arrival]:
    """Family members of an arrived case who followed later (`Person.follows_later`)."""
    require(store.user, Action.WRITE, Arrival.ENTITY)
    case = store.get(Case, case_id)
    if case.state is not CaseState.ARRIVED:
        raise Refused("arrival.nareis_before_case", case=case.unhcr_case_number)
    people = _persons(store, case_id, person_ids, follows_later=True)
    municipality_id = None if reception_location else _municipality_of(store, case_id)
    arrivals = [_arrival(case_id, p.id, arrived_on, municipality_id, reception_location, True)
                for p in people]
    with store.write() as uow:
        uow.insert_many(arrivals)
    return arrivals


def create_nareis_case(store: Store, original_case_id: str, case: Case,
                       persons: Sequence[Person]) -> Case:
    """A separate case for family who follow a resettled case later, linked to it and
    counted in the same framework and category."""
    original = store.get(Case, original_case_id)
    linked = Case(**{**case.__dict__, "follows_case_id": original.id,
                     "framework_id": case.framework_id or original.framework_id,
                     "quota_category": original.quota_category})
    return cases.create_case(store, linked, persons)


# -- internals ------------------------------------------------------------------------------
def _arrival(case_id: str, person_id: str, on: dt.date, municipality_id: str | None,
             reception: str, nareis: bool) -> Arrival:
    return Arrival(case_id=case_id, person_id=person_id, arrived_on=on,
                   place=ArrivalPlace.RECEPTION if reception else ArrivalPlace.MUNICIPALITY,
                   municipality_id=None if reception else municipality_id,
                   reception_location=reception, is_nareis=nareis)


def _persons(store: Store, case_id: str, person_ids: Iterable[str] | None,
             follows_later: bool) -> list[Person]:
    people = store.select(Person, "case_id = ? AND follows_later = ?",
                          (case_id, int(follows_later)), order_by="id")
    if person_ids is not None:
        wanted = set(person_ids)
        if wanted - {p.id for p in people}:
            raise Refused("interview.person_not_in_case")
        people = [p for p in people if p.id in wanted]
    arrived = {r[0] for r in store.rows("SELECT person_id FROM arrivals WHERE case_id = ?",
                                        (case_id,))}
    return [p for p in people if p.id not in arrived]


def _municipality_of(store: Store, case_id: str) -> str | None:
    return store.scalar("SELECT municipality_id FROM placements WHERE case_id = ? "
                        "ORDER BY confirmed DESC LIMIT 1", (case_id,))


def _needs(store: Store, case_id: str) -> tuple[bool, bool]:
    found = store.select(ResettlementProfile, "case_id = ?", (case_id,))
    if not found:
        return False, False
    return found[0].needs_accessible_housing, found[0].needs_hospital_nearby


def _usage(store: Store, year: int) -> dict[str, tuple[int, int]]:
    """Per municipality: houses taken (cases placed, not yet arrived) and persons placed or
    arrived in `year`."""
    usage: dict[str, tuple[int, int]] = {}
    for municipality_id, houses, persons in store.rows(
        "SELECT pl.municipality_id, "
        " SUM(c.state != 'arrived'), "
        " SUM((SELECT COUNT(*) FROM persons p WHERE p.case_id = c.id AND p.follows_later = 0)) "
        "FROM placements pl JOIN cases c ON c.id = pl.case_id "
        "WHERE c.state NOT IN ('withdrawn', 'refused') AND (c.state != 'arrived' OR EXISTS "
        " (SELECT 1 FROM arrivals a WHERE a.case_id = c.id AND a.arrived_on LIKE ?)) "
        "GROUP BY pl.municipality_id", (f"{year}-%",)):
        usage[municipality_id] = (houses or 0, persons or 0)
    return usage


def _rank(store: Store, case_id: str, usage: dict[str, tuple[int, int]]) -> list[Match]:
    accessible, hospital = _needs(store, case_id)
    size = family_size(store, case_id)
    ranked = []
    for m in store.select(Municipality, order_by="name"):
        if (accessible and not m.accessible_housing) or (hospital and not m.near_hospital):
            continue
        houses, persons = usage.get(m.id, (0, 0))
        houses_free, capacity_left = m.houses_offered - houses, m.capacity_per_year - persons
        if houses_free < 1 or capacity_left < size:
            continue
        reasons = [key for key, ok in (("match.accessible", accessible),
                                       ("match.hospital", hospital)) if ok]
        # Prefer room to spare, so small municipalities are not filled to the last place;
        # a hospital nearby is a small plus even when not needed (health needs can emerge).
        score = (capacity_left - size) / max(m.capacity_per_year, 1) + 0.1 * m.near_hospital
        ranked.append(Match(m, round(score, 4), houses_free, capacity_left, reasons))
    return sorted(ranked, key=lambda x: (-x.score, x.municipality.name))
