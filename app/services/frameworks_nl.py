"""The published Dutch resettlement frameworks (letters to parliament in ../shared/seeds),
as data, and the published arrival figures of 2020-2023 to check the engine against.

- 2012-2015: 2,000 (500 a year), about 400 a year via missions, 100 via dossiers.
- 2020-2023: 2,000 minus 100 relocated from Greece after the Moria fire = 1,900; arrivals
  300 / 90 / 730 / 800 = 1,920 (IND, rounded to tens, including nareis); the overshoot of
  about 20 counts in the 2024 framework.
- 2024: one year, 500.  2025: lowered to 200 a year until further notice; one mission
  (Egypt), the rest unearmarked for urgent individual cases.
- EU-Turkey Statement 2024-2025: 500 a year, counted apart from the national quota."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.domain import CarryOver, Channel, Framework, QuotaCategory
from app.services import quota
from app.store.database import Store

M, D = Channel.MISSION, Channel.DOSSIER


@dataclass(frozen=True)
class FrameworkSpec:
    name: str
    start: dt.date
    end: dt.date
    total: int
    years: dict[int, int] = field(default_factory=dict)
    earmarks: tuple[tuple[Channel, int | None, int], ...] = ()
    deductions: tuple[tuple[int, str], ...] = ()
    category: QuotaCategory = QuotaCategory.NATIONAL
    notes: str = ""


def _years(first: int, last: int, each: int) -> dict[int, int]:
    return dict.fromkeys(range(first, last + 1), each)


PUBLISHED: tuple[FrameworkSpec, ...] = (
    FrameworkSpec(
        "2012-2015", dt.date(2012, 1, 1), dt.date(2015, 12, 31), 2000,
        years=_years(2012, 2015, 500),
        earmarks=tuple((c, y, n) for y in range(2012, 2016) for c, n in ((M, 400), (D, 100))),
        notes="Beleidskader hervestiging 2012-2015: 500 per year on average."),
    FrameworkSpec(
        "2020-2023", dt.date(2020, 1, 1), dt.date(2023, 12, 31), 2000,
        deductions=((100, "One-off relocation of 100 vulnerable people from Greece after "
                          "the Moria fire (letter of 9 September 2020)"),),
        notes="Counts arrivals including nareis."),
    FrameworkSpec("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31), 500,
                  years={2024: 500}, notes="One-year framework."),
    FrameworkSpec("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31), 200,
                  years={2025: 200},
                  notes="Lowered from 500 to 200 a year until further notice; one mission "
                        "(Egypt), the rest unearmarked for urgent individual cases."),
    FrameworkSpec("EU-Turkey 2024-2025", dt.date(2024, 1, 1), dt.date(2025, 12, 31), 1000,
                  years=_years(2024, 2025, 500), category=QuotaCategory.EU_TURKEY,
                  notes="EU-Turkey Statement: counted apart from the national quota."),
)
PUBLISHED_ARRIVALS_2020_2023 = {2020: 300, 2021: 90, 2022: 730, 2023: 800}  # total 1,920
CARRIED_INTO_2024 = 20


def load(store: Store, specs: tuple[FrameworkSpec, ...] = PUBLISHED) -> dict[str, Framework]:
    """Create the frameworks not present yet (by name); returns all of them by name."""
    existing = {f.name: f for f in quota.frameworks(store)}
    for spec in specs:
        if spec.name not in existing:
            existing[spec.name] = quota.create_framework(
                store, name=spec.name, start=spec.start, end=spec.end, total=spec.total,
                category=spec.category, years=spec.years, earmarks=spec.earmarks,
                deductions=spec.deductions, notes=spec.notes)
    return {s.name: existing[s.name] for s in specs}


def record_published_carry_over(store: Store) -> None:
    """The published carry-over: about 20 of 2020-2023 counted in the 2024 framework."""
    loaded = load(store)
    source, target = loaded["2020-2023"].id, loaded["2024"].id
    if not store.count(CarryOver, "from_framework_id = ?", (source,)):
        quota.carry_over(store, source, target, CARRIED_INTO_2024,
                         "Overshoot of 2020-2023 counted in the 2024 framework.")
