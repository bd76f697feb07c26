"""The case summary for the decision file: one family, every person, the assessments
and their grounds, the decisions. Need-to-know applies: what the reader's role may not
see is left out and the page says so (`app.services.access`)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from app.countries import country_name
from app.domain import AssessmentRecord, Case, Decision, Person
from app.reports import lookup
from app.reports.document import NameCell, Report
from app.services.access import Action, can, get_visible, select_visible
from app.store.database import Store


def render_case(store: Store, case_ref: str, out: Path, lang: str | None = None) -> Report:
    case = get_visible(store, Case, lookup.case(store, case_ref).id)
    report = Report(store, "case-summary", case.id, **({"lang": lang} if lang else {}))
    t = report.t
    role = store.user.role.value if store.user else "-"
    withheld = report.para(t("case.withheld", role=role), "small")
    story = [*report.title(f"{t('case.title')}: {case.unhcr_case_number}",
                           t("fictional") if case.unhcr_case_number.startswith("DEMO-") else ""),
             report.pairs([(t("state"), report.enum(case.state)),
                           (t("channel"), report.enum(case.channel)),
                           (t("priority"), report.enum(case.priority)),
                           (t("case.protection_need"), case.protection_need or "-")])]
    persons = select_visible(store, Person, "case_id = ?", (case.id,), order_by="rowid")
    names = {p.id: f"{p.given_name} {p.family_name}" for p in persons}
    story += [report.heading(t("case.family")), report.table(
        [t("name"), t("name_original"), t("unhcr_individual"), t("birth"), t("sex"),
         t("nationality"), t("relationship")],
        [(NameCell(names[p.id]), NameCell(f"{p.given_name_original} {p.family_name_original}",
                                          9.5), NameCell(p.unhcr_individual_number, 7.5),
          NameCell(p.birth_date, 8.5), p.sex.value, country_name(p.nationality, report.lang),
          report.enum(p.relationship)) for p in persons],
        [29 * mm, 30 * mm, 34 * mm, 18 * mm, 17 * mm, 23 * mm, 23 * mm])]
    story.append(report.heading(t("case.assessments")))
    if can(store.user, Action.READ, AssessmentRecord):
        for a in select_visible(store, AssessmentRecord, "case_id = ?", (case.id,)):
            story.append(report.keep(report.pairs([
                (t("case.person"), NameCell(names.get(a.person_id, "-"), bold=True)),
                (t("case.art29a"), f"{report.enum(a.art29a)} — {a.art29a_grounds or '-'}"),
                (t("case.art1f"), report.enum(a.art1f)),
                (t("case.art29b"), f"{report.enum(a.art29b)} — {a.art29b_grounds or '-'}"),
                (t("case.integration"),
                 f"{report.enum(a.integration)} — {a.integration_grounds or '-'}"),
                (t("mission.status"), report.enum(a.status))])))
    else:
        story.append(withheld)
    decisions = select_visible(store, Decision, "case_id = ?", (case.id,),
                               order_by="decided_on")
    story += [report.heading(t("case.decisions")), report.table(
        [t("case.kind"), t("mission.outcome"), t("case.decided_on"), t("case.grounds")],
        [(report.enum(d.kind), report.enum(d.outcome), d.decided_on.isoformat(),
          d.grounds or t("case.withheld", role=role)) for d in decisions]
        or [(t("none"), "", "", "")], [28 * mm, 28 * mm, 28 * mm, 90 * mm])]
    return report.build(out, story)
