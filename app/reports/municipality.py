"""The municipality profile: what a municipality needs to prepare housing and guidance
for the families placed with it, and nothing more. No protection account, assessments,
decision grounds or medical detail; names and ages of the family, the COA resettlement
profile's practical parts (housing, accessibility, hospital, education, work,
expectations, notes meant for the municipality) and the arrival date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm

from app.domain import Person, ResettlementProfile
from app.reports import lookup
from app.reports.document import NameCell, Report
from app.store.database import Store


def render_municipality(store: Store, ref: str, out: Path, lang: str | None = None,
                        today: dt.date | None = None) -> Report:
    municipality = lookup.municipality(store, ref)
    report = Report(store, "municipality-profile", municipality.id,
                    **({"lang": lang} if lang else {}))
    t = report.t
    year = (today or dt.date.today()).year
    story = [*report.title(f"{t('municipality.title')}: {municipality.name}",
                           t("municipality.intro")),
             report.pairs([(t("municipality.capacity"),
                            f"{municipality.houses_offered} / {municipality.capacity_per_year}")])]
    placements = store.rows(
        "SELECT pl.case_id, (SELECT MIN(arrived_on) FROM arrivals a WHERE a.case_id = "
        "pl.case_id) FROM placements pl JOIN cases c ON c.id = pl.case_id WHERE "
        "pl.municipality_id = ? ORDER BY c.unhcr_case_number", (municipality.id,))
    yes_no = {True: t("yes"), False: t("no")}
    for number, (case_id, arrived) in enumerate(placements, 1):
        persons = store.select(Person, "case_id = ?", (case_id,), order_by="rowid")
        profile = next(iter(store.select(ResettlementProfile, "case_id = ?", (case_id,),
                                         limit=1)), None)
        story += [report.heading(t("municipality.family", n=number)), report.table(
            [t("name"), t("name_original"), t("municipality.age"), t("sex"),
             t("relationship")],
            [(NameCell(f"{p.given_name} {p.family_name}"),
              NameCell(f"{p.given_name_original} {p.family_name_original}", 9.5),
              _age(p.birth_date, year), p.sex.value, report.enum(p.relationship))
             for p in persons if not p.follows_later],
            [46 * mm, 46 * mm, 18 * mm, 18 * mm, 46 * mm])]
        facts = [(t("municipality.size"), str(len(persons))),
                 (t("municipality.arrival"), arrived or "-")]
        if profile:
            facts += [(t("municipality.housing"), profile.housing_needs or "-"),
                      (t("municipality.accessible"), yes_no[profile.needs_accessible_housing]),
                      (t("municipality.hospital"), yes_no[profile.needs_hospital_nearby]),
                      (t("municipality.education"), profile.education or "-"),
                      (t("municipality.work"), profile.work_experience or "-"),
                      (t("municipality.expectations"), profile.expectations or "-"),
                      (t("municipality.notes"), profile.notes_for_municipality or "-")]
        story.append(report.pairs(facts))
    return report.build(out, story)


def _age(birth_date: str, year: int) -> str:
    """An age in years is all a municipality needs; not the birth date."""
    return str(year - int(birth_date[:4])) if birth_date[:4].isdigit() else "-"
