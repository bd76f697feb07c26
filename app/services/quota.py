"""The quota engine: policy frameworks and the figures against them.

Counting rules (../shared/DOMAIN.md, the letters win):
- the national quota counts **arrivals** in the Netherlands in the year, **including**
  family members who follow later (nareis);
- the EU (AMIF) count is arrived resettled refugees **without** nareis;
- EU-Turkey resettlement is its own category, counted apart from the national quota (a
  framework counts only cases of its own category).
A framework's target is its total minus deductions (2020-2023: 2,000 - 100 = 1,900); an
overshoot carried into the next framework counts there, not twice (1,920 arrived, 20
carried into 2024). The pipeline figures (referred, interviewed, accepted, departed) count
persons by the date of that step, so every figure of a year is about that year.

Each stage is one pass over the framework's cases, aggregated per case (`_Stage.per_case`),
so a report grows linearly with the cases: about 2.5 s at 100,000 cases."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import NamedTuple

from app.domain import (
    CarryOver,
    Channel,
    Framework,
    FrameworkDeduction,
    FrameworkEarmark,
    FrameworkYear,
    QuotaCategory,
)
from app.errors import HervestError
from app.i18n import tr
from app.services.access import Action, require
from app.services.messages import Refused
from app.store import sql
from app.store.database import Store

STAGES = ("referred", "interviewed", "accepted", "departed", "arrived", "arrived_eu")
SPLITS = ("channel", "host_country", "nationality")

# A stage is the date that counts, the joins from a case to the persons counted, and
# whether the EU counts them. Its figures come from one pass over the framework's cases in
# index order, one row per case: SQLite aggregates a case's persons as it passes them, and
# Python adds the case to a hash table. Nothing is sorted, so the report grows linearly
# with the cases; grouping the person rows themselves by year, channel, country and
# nationality sorted all 360,000 of them at 100,000 cases (x13.6 from 10,000 to 100,000,
# beyond n log n). The rare case whose persons differ in nationality (or, for events of
# the case, in year or EU count) is read again person by person.
_NATIONALITY = "coalesce(p.nationality, '')"


class _Stage(NamedTuple):
    date: str
    joins: str
    eu: str = "0"

    def per_case(self) -> str:
        """(id if the persons differ, channel, country, year, nationality, EU, persons)."""
        alike = [f"min({_NATIONALITY}) = max({_NATIONALITY})"]
        if not self.date.startswith("c."):  # a case's events may fall in two years
            alike.append(f"substr(min({self.date}), 1, 4) = substr(max({self.date}), 1, 4)")
        if self.eu != "0":
            alike.append(f"min({self.eu}) = max({self.eu})")
        return self._select(
            f"CASE WHEN {' AND '.join(alike)} THEN NULL ELSE c.id END, c.channel, "
            f"c.host_country, substr(min({self.date}), 1, 4), min({_NATIONALITY}), "
            f"min({self.eu}), COUNT(*)", "c.quota_category = ?") + " GROUP BY c.id"

    def per_person(self) -> str:
        """(channel, country, year, nationality, EU) of each person of some cases."""
        return self._select(f"c.channel, c.host_country, substr({self.date}, 1, 4), "
                            f"{_NATIONALITY}, {self.eu}", f"c.id {sql.IN_IDS}")

    def _select(self, columns: str, where: str) -> str:
        return (f"SELECT {columns} FROM cases c INDEXED BY cases_quota {self.joins} "
                f"WHERE {where} AND substr({self.date}, 1, 10) BETWEEN ? AND ?")


_PERSONS = "JOIN persons p ON p.case_id = c.id"
_STAGES = {
    "referred": _Stage("c.referred_on", _PERSONS),
    "interviewed": _Stage("t.at", "JOIN case_transitions t ON t.case_id = c.id "
                          f"AND t.to_state = 'interviewed' {_PERSONS}"),
    "accepted": _Stage("c.selected_on", _PERSONS),
    "departed": _Stage("d.departed_on", f"JOIN departures d ON d.case_id = c.id {_PERSONS} "
                       "AND p.follows_later = 0"),
    # Arrivals are per person: the arrival's person (none: nationality unknown), and whether
    # the EU counts it (a resettled refugee, not nareis).
    "arrived": _Stage("a.arrived_on", "JOIN arrivals a ON a.case_id = c.id LEFT JOIN persons p "
                      "INDEXED BY persons_nationality ON p.id = a.person_id",
                      eu="(a.is_nareis = 0 AND c.follows_case_id IS NULL)"),
}


def _tally(store: Store, stage: _Stage, category: str, start: str, end: str
           ) -> Counter[tuple]:
    """Persons per (channel, host country, year, nationality, counted by the EU)."""
    tally: Counter[tuple] = Counter()
    mixed = []
    for row in store.conn.execute(stage.per_case(), (category, start, end)):
        if row[0] is None:
            tally[row[1:6]] += row[6]
        else:
            mixed.append(row[0])
    if mixed:
        tally.update(store.conn.execute(stage.per_person(), (sql.ids(mixed), start, end)))
    return tally


@dataclass
class Counts:
    referred: int = 0
    interviewed: int = 0
    accepted: int = 0
    departed: int = 0
    arrived: int = 0  # the national count: all arrivals including nareis
    arrived_eu: int = 0  # the EU count: resettled refugees, without nareis

    @property
    def nareis(self) -> int:
        return self.arrived - self.arrived_eu

    def add(self, stage: str, n: int) -> None:
        setattr(self, stage, getattr(self, stage) + n)

    def to_dict(self) -> dict[str, int]:
        return {**asdict(self), "nareis": self.nareis}


@dataclass
class Breakdown:
    total: Counts = field(default_factory=Counts)
    by_channel: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_host_country: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_nationality: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))

    def add(self, stage: str, channel: str, country: str, nationality: str, n: int) -> None:
        for counts in (self.total, self.by_channel[channel], self.by_host_country[country],
                       self.by_nationality[nationality]):
            counts.add(stage, n)

    def to_dict(self) -> dict[str, object]:
        def split(table: dict[str, Counts]) -> dict[str, dict[str, int]]:
            return {k: table[k].to_dict() for k in sorted(table)}

        return {"total": self.total.to_dict(), "by_channel": split(self.by_channel),
                "by_host_country": split(self.by_host_country),
                "by_nationality": split(self.by_nationality)}


@dataclass
class YearFigures:
    year: int
    target: int | None
    earmarks: dict[str, int]
    figures: Breakdown

    @property
    def gap(self) -> int | None:
        """Places still to fill in the year (negative: overshoot)."""
        return None if self.target is None else self.target - self.figures.total.arrived

    def to_dict(self) -> dict[str, object]:
        return {"year": self.year, "target": self.target, "earmarks": self.earmarks,
                "gap": self.gap, **self.figures.to_dict()}


@dataclass
class FrameworkReport:
    framework: Framework
    deductions: list[tuple[int, str]]
    carried_in: int
    carried_out: int
    earmarks: dict[str, int]
    years: list[YearFigures]
    totals: Breakdown

    @property
    def target(self) -> int:
        """The framework's total after deductions (2020-2023: 1,900)."""
        return self.framework.total_target - sum(p for p, _ in self.deductions)

    @property
    def counted(self) -> int:
        """Arrivals that count for this framework: with carry-in, without carry-out."""
        return self.totals.total.arrived + self.carried_in - self.carried_out

    @property
    def gap(self) -> int:
        return self.target - self.counted

    @property
    def overshoot(self) -> int:
        """Counted beyond the target (to be carried into the next framework)."""
        return max(0, -self.gap)

    def to_dict(self) -> dict[str, object]:
        fw = self.framework
        return {
            "framework": fw.name, "category": fw.category.value,
            "start": fw.start_date.isoformat(), "end": fw.end_date.isoformat(),
            "total_target": fw.total_target,
            "deductions": [{"places": p, "reason": r} for p, r in self.deductions],
            "target": self.target, "carried_in": self.carried_in,
            "carried_out": self.carried_out, "counted": self.counted, "gap": self.gap,
            "overshoot": self.overshoot, "earmarks": self.earmarks,
            "years": [y.to_dict() for y in self.years], **self.totals.to_dict(),
        }


# -- defining frameworks --------------------------------------------------------------------
def create_framework(store: Store, *, name: str, start: dt.date, end: dt.date, total: int,
                     category: QuotaCategory = QuotaCategory.NATIONAL,
                     years: dict[int, int] | None = None,
                     earmarks: Iterable[tuple[Channel, int | None, int]] = (),
                     deductions: Iterable[tuple[int, str]] = (), notes: str = "") -> Framework:
    """A framework with its per-year targets, earmarks (channel, year or None for the whole
    period, places) and deductions (places, reason), in one unit of work."""
    require(store.user, Action.WRITE, Framework.ENTITY)
    if end < start or total < 0:
        raise Refused("quota.bad_framework")
    if store.select(Framework, "name = ?", (name,)):
        raise Refused("quota.framework_exists", name=name)
    for year in years or {}:
        if not start.year <= year <= end.year:
            raise Refused("quota.year_outside", year=year, name=name)
    fw = Framework(name=name, start_date=start, end_date=end, total_target=total,
                   category=QuotaCategory(category), notes=notes)
    with store.write() as uow:
        uow.insert(fw)
        for year, target in sorted((years or {}).items()):
            uow.insert(FrameworkYear(framework_id=fw.id, year=year, target=target))
        for channel, year, places in earmarks:
            uow.insert(FrameworkEarmark(framework_id=fw.id, channel=Channel(channel),
                                        year=year, places=places))
        for places, reason in deductions:
            uow.insert(FrameworkDeduction(framework_id=fw.id, places=places, reason=reason))
    return fw


def add_deduction(store: Store, framework_id: str, places: int,
                  reason: str) -> FrameworkDeduction:
    require(store.user, Action.WRITE, FrameworkDeduction.ENTITY)
    store.get(Framework, framework_id)
    with store.write() as uow:
        return uow.insert(FrameworkDeduction(framework_id=framework_id, places=places,
                                             reason=reason))


def carry_over(store: Store, from_id: str, to_id: str, places: int | None = None,
               note: str = "") -> CarryOver:
    """Count an overshoot of one framework in the next; by default the current overshoot."""
    require(store.user, Action.WRITE, CarryOver.ENTITY)
    if places is None:
        places = report(store, from_id).overshoot
    if places <= 0:
        raise Refused("quota.nothing_to_carry")
    store.get(Framework, to_id)
    with store.write() as uow:
        return uow.insert(CarryOver(from_framework_id=from_id, to_framework_id=to_id,
                                    places=places, note=note))


def find_framework(store: Store, name: str) -> Framework:
    found = store.select(Framework, "name = ?", (name,))
    if not found:
        names = ", ".join(f.name for f in store.select(Framework, order_by="start_date"))
        raise HervestError("quota.no_framework", name=name, names=names or "-")
    return found[0]


def frameworks(store: Store) -> list[Framework]:
    return store.select(Framework, order_by="start_date, name")


# -- the report -----------------------------------------------------------------------------
def report(store: Store, framework_id: str) -> FrameworkReport:
    require(store.user, Action.READ, Framework.ENTITY)
    fw = store.get(Framework, framework_id)
    years = {y: YearFigures(y, None, {}, Breakdown())
             for y in range(fw.start_date.year, fw.end_date.year + 1)}
    for year_target in store.select(FrameworkYear, "framework_id = ?", (fw.id,)):
        years[year_target.year].target = year_target.target
    earmarks: dict[str, int] = defaultdict(int)
    for mark in store.select(FrameworkEarmark, "framework_id = ?", (fw.id,)):
        if mark.year is None:
            earmarks[mark.channel.value] += mark.places
        elif mark.year in years:
            years[mark.year].earmarks[mark.channel.value] = mark.places
    totals = Breakdown()
    params = (fw.category.value, fw.start_date.isoformat(), fw.end_date.isoformat())
    for name, stage in _STAGES.items():
        for (channel, country, year, nationality, eu), n in _tally(store, stage, *params).items():
            for breakdown in (totals, years[int(year)].figures):
                breakdown.add(name, channel, country, nationality, n)
                if eu:
                    breakdown.add("arrived_eu", channel, country, nationality, n)
    deductions = [(d.places, d.reason) for d in
                  store.select(FrameworkDeduction, "framework_id = ?", (fw.id,))]
    carried_in = store.scalar("SELECT coalesce(SUM(places), 0) FROM carry_overs "
                              "WHERE to_framework_id = ?", (fw.id,))
    carried_out = store.scalar("SELECT coalesce(SUM(places), 0) FROM carry_overs "
                               "WHERE from_framework_id = ?", (fw.id,))
    if not earmarks:  # per-year earmarks only: the framework's are their sum
        for figures in years.values():
            for channel, places in figures.earmarks.items():
                earmarks[channel] += places
    return FrameworkReport(fw, deductions, carried_in, carried_out, dict(earmarks),
                           [years[y] for y in sorted(years)], totals)


def render_text(rep: FrameworkReport, lang: str | None = None) -> str:
    """The report as aligned text for a terminal or a plain-text mail."""
    t = lambda key, **kw: tr(f"quota.{key}", lang, **kw)  # noqa: E731
    fw = rep.framework
    lines = [
        t("title", name=fw.name, start=fw.start_date.isoformat(), end=fw.end_date.isoformat(),
          category=t(f"category.{fw.category.value}")),
        f"  {t('total_target'):32}{fw.total_target:>8,}",
        *(f"  {t('deduction', reason=r):32}{-p:>8,}" for p, r in rep.deductions),
        f"  {t('target'):32}{rep.target:>8,}",
        f"  {t('carried_in'):32}{rep.carried_in:>8,}",
        f"  {t('carried_out'):32}{rep.carried_out:>8,}",
        f"  {t('counted'):32}{rep.counted:>8,}",
        f"  {t('gap'):32}{rep.gap:>8,}",
        "",
    ]
    header = [t("year"), t("target_short"), *(t(f"stage.{s}") for s in STAGES), t("gap")]
    rows = [[str(y.year), _num(y.target), *(_num(getattr(y.figures.total, s)) for s in STAGES),
             _num(y.gap)] for y in rep.years]
    rows.append([t("total"), _num(rep.target),
                 *(_num(getattr(rep.totals.total, s)) for s in STAGES), _num(rep.gap)])
    lines += _table(header, rows)
    for split in SPLITS:
        table = getattr(rep.totals, f"by_{split}")
        if not table:
            continue
        lines += ["", t(f"split.{split}")]
        lines += _table([t(f"split.{split}"), *(t(f"stage.{s}") for s in STAGES)],
                        [[k or "-", *(_num(getattr(table[k], s)) for s in STAGES)]
                         for k in sorted(table)])
    return "\n".join(lines)


def _num(value: int | None) -> str:
    return "-" if value is None else f"{value:,}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def fmt(row: Sequence[str]) -> str:
        cells = zip(row, widths, strict=True)
        return "  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                for i, (c, w) in enumerate(cells))

    return [fmt(header), *(fmt(r) for r in rows)]
