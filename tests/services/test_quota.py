"""The quota engine against the published figures (DOMAIN.md and the letters)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.domain import (
    Arrival,
    Case,
    CaseState,
    Channel,
    Departure,
    Person,
    QuotaCategory,
    Relationship,
    Role,
)
from app.errors import HervestError, RuleViolation
from app.services import frameworks_nl, quota
from app.store.unit_of_work import UnitOfWork

HOSTS = ("LBN", "JOR", "KEN", "EGY")
NATIONALITIES = ("SYR", "COD", "SDN", "ERI", "XXA")
NAREIS_PER_YEAR = 6  # "on average fewer than 10 a year"


def _arrivals(uow: UnitOfWork, year: int, persons: int, *, nareis: int = 0,
              category: QuotaCategory = QuotaCategory.NATIONAL, tag: str = "") -> None:
    """`persons` arrivals in `year`: families of four, the last `nareis` following later."""
    made = 0
    number = 0
    while made < persons:
        number += 1
        size = min(4, persons - made)
        case = uow.insert(Case(
            unhcr_case_number=f"DEMO-Q{tag}-{year}-{number:04d}", state=CaseState.ARRIVED,
            quota_category=category, channel=Channel.DOSSIER if number % 5 == 0 else
            Channel.MISSION, host_country=HOSTS[number % len(HOSTS)]))
        for i in range(size):
            later = made >= persons - nareis
            person = uow.insert(Person(
                case_id=case.id, given_name="Demo", relationship=Relationship.PRINCIPAL
                if i == 0 else Relationship.CHILD, nationality=NATIONALITIES[
                    (number + i) % len(NATIONALITIES)], follows_later=later))
            uow.insert(Arrival(case_id=case.id, person_id=person.id, arrived_on=dt.date(
                year, 1 + made % 12, 1 + made % 28), is_nareis=later))
            made += 1


@pytest.fixture
def published(store):
    loaded = frameworks_nl.load(store)
    with store.write() as uow:
        for year, persons in frameworks_nl.PUBLISHED_ARRIVALS_2020_2023.items():
            _arrivals(uow, year, persons, nareis=NAREIS_PER_YEAR)
    return loaded


def test_2020_2023_reproduces_the_letter(store, published):
    rep = quota.report(store, published["2020-2023"].id)
    assert rep.framework.total_target == 2000
    assert rep.deductions[0][0] == 100 and "Greece" in rep.deductions[0][1]
    assert rep.target == 1900
    assert [y.figures.total.arrived for y in rep.years] == [300, 90, 730, 800]
    assert rep.totals.total.arrived == 1920  # national count includes nareis
    assert rep.totals.total.nareis == 4 * NAREIS_PER_YEAR
    assert rep.totals.total.arrived_eu == 1920 - 4 * NAREIS_PER_YEAR  # EU count without
    assert rep.overshoot == 20 and rep.gap == -20

    carried = quota.carry_over(store, published["2020-2023"].id, published["2024"].id)
    assert carried.places == 20
    after = quota.report(store, published["2020-2023"].id)
    assert (after.carried_out, after.counted, after.gap) == (20, 1900, 0)
    next_one = quota.report(store, published["2024"].id)
    assert (next_one.target, next_one.carried_in, next_one.counted, next_one.gap) == (
        500, 20, 20, 480)
    text = quota.render_text(after, "en")
    assert "1,920" in text and "1,900" in text and "Greece" in text
    assert "Aftrek" in quota.render_text(after, "nl")
    data = json.loads(json.dumps(after.to_dict()))
    assert data["target"] == 1900 and data["total"]["arrived"] == 1920
    assert [y["total"]["arrived"] for y in data["years"]] == [300, 90, 730, 800]


def test_published_carry_over_and_frameworks_2024_2025(store, published):
    frameworks_nl.record_published_carry_over(store)
    frameworks_nl.record_published_carry_over(store)  # once only
    assert quota.report(store, published["2024"].id).carried_in == 20
    rep2025 = quota.report(store, published["2025"].id)
    assert rep2025.target == 200 and rep2025.years[0].target == 200
    assert frameworks_nl.load(store) == published  # loading again changes nothing
    old = quota.report(store, published["2012-2015"].id)
    assert old.target == 2000 and [y.target for y in old.years] == [500] * 4
    assert old.earmarks == {"mission": 1600, "dossier": 400}
    assert old.years[0].earmarks == {"mission": 400, "dossier": 100}


def test_eu_turkey_is_counted_apart(store, published):
    with store.write() as uow:
        _arrivals(uow, 2024, 120)
        _arrivals(uow, 2024, 50, category=QuotaCategory.EU_TURKEY, tag="T")
    national = quota.report(store, published["2024"].id)
    turkey = quota.report(store, published["EU-Turkey 2024-2025"].id)
    assert national.totals.total.arrived == 120
    assert turkey.totals.total.arrived == 50 and turkey.target == 1000
    assert turkey.years[0].gap == 450


def test_splits_add_up(store, published):
    rep = quota.report(store, published["2020-2023"].id)
    for split in ("by_channel", "by_host_country", "by_nationality"):
        table = getattr(rep.totals, split)
        assert sum(c.arrived for c in table.values()) == 1920, split
    assert set(rep.totals.by_channel) == {"mission", "dossier"}
    assert set(rep.totals.by_nationality) == set(NATIONALITIES)


def test_pipeline_figures_follow_the_process(flow, store):
    today = dt.date.today()
    fw = quota.create_framework(store, name="Current", start=dt.date(today.year, 1, 1),
                                end=dt.date(today.year, 12, 31), total=100,
                                years={today.year: 100},
                                earmarks=[(Channel.MISSION, today.year, 80)])
    flow.accepted("DEMO-T-0001", on=today, minors=1)  # three persons
    case = flow.interviewed("DEMO-T-0002", minors=0)  # two persons
    with store.system_writer(), store.write() as uow:  # as HQ and COA would have
        uow.update(case, referred_on=today)
        uow.insert(Departure(case_id=case.id, departed_on=today))
    rep = quota.report(store, fw.id)
    year = rep.years[0]
    assert (year.figures.total.interviewed, year.figures.total.accepted) == (5, 3)
    assert year.figures.total.referred == 2 and year.figures.total.departed == 2
    assert year.earmarks == {"mission": 80} and year.gap == 100


def test_framework_rules(store, flow):
    with pytest.raises(RuleViolation):
        quota.create_framework(store, name="x", start=dt.date(2025, 1, 1),
                               end=dt.date(2024, 1, 1), total=1)
    with pytest.raises(RuleViolation, match="outside"):
        quota.create_framework(store, name="x", start=dt.date(2025, 1, 1),
                               end=dt.date(2025, 12, 31), total=1, years={2026: 1})
    fw = quota.create_framework(store, name="x", start=dt.date(2025, 1, 1),
                                end=dt.date(2025, 12, 31), total=10)
    with pytest.raises(RuleViolation, match="already exists"):
        quota.create_framework(store, name="x", start=dt.date(2025, 1, 1),
                               end=dt.date(2025, 12, 31), total=1)
    quota.add_deduction(store, fw.id, 3, "Fictional")
    assert quota.report(store, fw.id).target == 7
    with pytest.raises(RuleViolation, match="no overshoot"):
        quota.carry_over(store, fw.id, fw.id)
    with pytest.raises(HervestError, match="Known: x"):
        quota.find_framework(store, "nope")
    flow.act(Role.COA)
    with pytest.raises(HervestError):
        quota.add_deduction(store, fw.id, 1, "not HQ")


def test_a_family_counts_by_each_persons_year_nationality_and_eu_status(store, published):
    """One case whose persons differ: two nationalities, a member who follows a year later
    (nareis): each person counts in their own year and nationality, nareis only nationally."""
    with store.write() as uow:
        case = uow.insert(Case(unhcr_case_number="DEMO-Q-MIXED", state=CaseState.ARRIVED,
                               host_country="LBN"))
        for nationality, arrived, later in (("SYR", dt.date(2021, 12, 20), False),
                                            ("IRQ", dt.date(2021, 12, 20), False),
                                            ("SYR", dt.date(2022, 1, 10), True)):
            person = uow.insert(Person(case_id=case.id, given_name="Demo",
                                       nationality=nationality, follows_later=later))
            uow.insert(Arrival(case_id=case.id, person_id=person.id, arrived_on=arrived,
                               is_nareis=later))
    rep = quota.report(store, published["2020-2023"].id)
    years = {y.year: y.figures for y in rep.years}
    assert years[2021].by_nationality["IRQ"].arrived == 1
    assert years[2022].by_nationality["IRQ"].arrived == 0
    assert rep.totals.total.arrived == 1920 + 3
    assert rep.totals.total.nareis == 4 * NAREIS_PER_YEAR + 1
    assert years[2022].by_host_country["LBN"].arrived_eu == \
        years[2022].by_host_country["LBN"].arrived - years[2022].by_host_country["LBN"].nareis
