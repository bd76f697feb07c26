"""The mission report: cases by state, interviews, proposed decisions, CO attendance,
six-month deadlines and the list of the mission's cases.

Figures are grouped SQL (one scan each); only the case list walks the cases, with the
principal applicants fetched in one query, so the report grows linearly with the cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm

from app.countries import country_name
from app.domain import CaseState, Mission
from app.reports import lookup
from app.reports.document import NameCell, Report
from app.services import interviews
from app.services.deadlines import OPEN_AFTER_SELECTION, deadline
from app.store.database import Store

STATES = list(CaseState)


def render_mission(store: Store, mission_ref: str, out: Path, lang: str | None = None,
                   today: dt.date | None = None) -> Report:
    mission = lookup.mission(store, mission_ref)
    report = Report(store, "mission-report", mission.id, **({"lang": lang} if lang else {}))
    t = report.t
    story = [*report.title(f"{t('mission.title')}: {mission.name}", t("fictional")
                           if mission.name.startswith("Demo ") else ""),
             report.pairs(_details(report, mission))]
    story += _by_state(report, store, mission)
    story += _interviews(report, store, mission, today or dt.date.today())
    story += _proposed(report, store, mission)
    story += _attendance(report, store, mission)
    story += _deadlines(report, store, mission, today or dt.date.today())
    story += _cases(report, store, mission)
    return report.build(out, story)


def _details(report: Report, mission: Mission) -> list[tuple[str, str]]:
    t = report.t
    dates = " – ".join(d.isoformat() for d in (mission.start_date, mission.end_date) if d)
    return [(t("mission.host"),
             f"{country_name(mission.host_country, report.lang)} / {mission.location}"),
            (t("mission.dates"), dates or "-"),
            (t("mission.status"), report.enum(mission.status)),
            (t("mission.target"), str(mission.target_places))]


def _by_state(report: Report, store: Store, mission: Mission) -> list:
    rows = dict(((s, (c, p)) for s, c, p in store.rows(
        "SELECT c.state, COUNT(DISTINCT c.id), COUNT(p.id) FROM cases c LEFT JOIN persons p "
        "ON p.case_id = c.id WHERE c.mission_id = ? GROUP BY c.state", (mission.id,))))
    t = report.t
    body = [(report.enum(s), str(rows.get(s.value, (0, 0))[0]), str(rows.get(s.value, (0, 0))[1]))
            for s in STATES if s.value in rows]
    totals = [sum(c for c, _ in rows.values()), sum(p for _, p in rows.values())]
    body.append((t("total"), str(totals[0]), str(totals[1])))
    return [report.heading(t("mission.by_state")),
            report.table([t("state"), t("cases"), t("persons")], body,
                         [94 * mm, 40 * mm, 40 * mm], numeric=(1, 2))]


def _interviews(report: Report, store: Store, mission: Mission, today: dt.date) -> list:
    progress = interviews.progress(store, mission.id, today)  # the dashboard's figures too
    counts = progress.by_kind_status
    t = report.t
    kinds = sorted({k for k, _ in counts})
    body = [(k, str(counts.get((k, "draft"), 0)), str(counts.get((k, "final"), 0))) for k in kinds]
    return [report.heading(t("mission.interviews")),
            report.pairs([(t("mission.ind_done"), str(progress.ind_done)),
                          (t("mission.ind_todo"), str(progress.ind_todo))]),
            report.table([t("mission.kind"), t("mission.draft"), t("mission.final")], body,
                         [94 * mm, 40 * mm, 40 * mm], numeric=(1, 2))]


def _proposed(report: Report, store: Store, mission: Mission) -> list:
    body = [(report.enum(o), str(n)) for o, n in store.rows(
        "SELECT d.outcome, COUNT(*) FROM decisions d JOIN cases c ON c.id = d.case_id "
        "WHERE c.mission_id = ? AND d.kind = 'proposed' GROUP BY d.outcome ORDER BY d.outcome",
        (mission.id,))]
    t = report.t
    return [report.heading(t("mission.proposed")),
            report.table([t("mission.outcome"), t("cases")], body or [(t("none"), "0")],
                         [134 * mm, 40 * mm], numeric=(1,))]


def _attendance(report: Report, store: Store, mission: Mission) -> list:
    rows = store.rows(
        "SELECT s.held_on, s.day_part, "
        "SUM(a.status = 'present'), SUM(a.status = 'absent'), SUM(a.status = 'excused') "
        "FROM training_sessions s JOIN trainings tr ON tr.id = s.training_id "
        "LEFT JOIN attendance a ON a.session_id = s.id WHERE tr.mission_id = ? "
        "GROUP BY s.id ORDER BY s.held_on, s.day_part DESC", (mission.id,))
    t = report.t
    body = [(f"{d} {report.enum(p)}", str(a or 0), str(b or 0), str(c or 0))
            for d, p, a, b, c in rows]
    return [report.heading(t("mission.attendance")),
            report.table([t("date"), t("mission.present"), t("mission.absent"),
                          t("mission.excused")], body or [(t("none"), "", "", "")],
                         [75 * mm, 33 * mm, 33 * mm, 33 * mm], numeric=(1, 2, 3))]


def _deadlines(report: Report, store: Store, mission: Mission, today: dt.date) -> list:
    states = [s.value for s in OPEN_AFTER_SELECTION]
    rows = store.rows(
        "SELECT unhcr_case_number, state, selected_on FROM cases WHERE mission_id = ? AND "
        f"selected_on IS NOT NULL AND state IN ({', '.join('?' * len(states))}) "
        "ORDER BY selected_on", (mission.id, *states))
    t = report.t
    body = []
    for number, state, selected in rows:
        due = deadline(dt.date.fromisoformat(selected))
        body.append((number, report.enum(state), selected, due.isoformat(),
                     str((due - today).days)))
    return [report.heading(t("mission.deadlines")),
            report.long_table([t("unhcr_case"), t("state"), t("mission.selected"),
                                t("mission.due"), t("mission.days_left")],
                               body or [(t("none"), "", "", "", "")],
                               [45 * mm, 32 * mm, 32 * mm, 32 * mm, 33 * mm], numeric=(4,))]


def _cases(report: Report, store: Store, mission: Mission) -> list:
    rows = store.rows(
        "SELECT c.unhcr_case_number, c.state, c.priority, "
        "p.given_name || ' ' || p.family_name, "
        "trim(p.given_name_original || ' ' || p.family_name_original), "
        "(SELECT COUNT(*) FROM persons q WHERE q.case_id = c.id) "
        "FROM cases c LEFT JOIN persons p ON p.case_id = c.id AND p.relationship = 'principal' "
        "WHERE c.mission_id = ? ORDER BY c.unhcr_case_number", (mission.id,))
    t = report.t
    body = [(NameCell(n, 8), report.enum(s), report.enum(pr), NameCell(latin or "", 8.5),
             NameCell(original or "", 9), str(size)) for n, s, pr, latin, original, size in rows]
    return [report.heading(t("mission.cases")),
            report.long_table([t("unhcr_case"), t("state"), t("priority"), t("mission.principal"),
                          t("name_original"), t("persons")], body,
                         [34 * mm, 24 * mm, 18 * mm, 40 * mm, 39 * mm, 19 * mm], numeric=(5,))]
