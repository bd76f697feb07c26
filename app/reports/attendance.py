"""CO attendance sheets to be signed (one page per session, every participant with a
signature box) and a certificate of participation per person."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from app.domain import Person, Training, TrainingSession
from app.reports import lookup
from app.reports.document import NameCell, Report
from app.store.database import Store

SIGN_ROW = 11 * mm


def participants(store: Store, training: Training) -> list[Person]:
    return store.select(Person, "case_id IN (SELECT case_id FROM training_cases WHERE "
                        "training_id = ?) AND follows_later = 0", (training.id,),
                        order_by="case_id, rowid")


def render_attendance(store: Store, training_ref: str, out: Path,
                      lang: str | None = None) -> Report:
    training = lookup.training(store, training_ref)
    report = Report(store, "co-attendance", training.id, **({"lang": lang} if lang else {}))
    t = report.t
    people = participants(store, training)
    sessions = store.select(TrainingSession, "training_id = ?", (training.id,),
                            order_by="held_on, day_part DESC")
    story: list = []
    for session in sessions:
        story += report.title(f"{t('attendance.title')}: {training.name}", t(
            "attendance.session", date=session.held_on.isoformat(),
            part=report.enum(session.day_part)))
        story += [report.para(f"{t('attendance.topics')}: "
                              + ", ".join(report.enum(x) for x in session.topics)),
                  Spacer(0, 3 * mm)]
        rows = [(str(i), NameCell(f"{p.given_name} {p.family_name}"),
                 NameCell(f"{p.given_name_original} {p.family_name_original}", 10),
                 NameCell(p.unhcr_individual_number, 7.5), "")
                for i, p in enumerate(people, 1)]
        table = report.table(["#", t("name"), t("name_original"), t("unhcr_individual"),
                              t("signature")], rows,
                             [8 * mm, 42 * mm, 42 * mm, 36 * mm, 46 * mm], zebra=False)
        table._argH = [None] + [SIGN_ROW] * len(rows)  # room to sign
        story += [table, Spacer(0, 8 * mm), report.para(f"{t('attendance.trainer')}: "
                                                         "______________________"),
                  PageBreak()]
    story += _certificates(report, store, training, people, len(sessions))
    return report.build(out, story)


def _certificates(report: Report, store: Store, training: Training, people: list[Person],
                  total: int) -> list:
    t = report.t
    present = dict(store.rows(
        "SELECT a.person_id, COUNT(*) FROM attendance a JOIN training_sessions s ON "
        "s.id = a.session_id WHERE s.training_id = ? AND a.status = 'present' "
        "GROUP BY a.person_id", (training.id,)))
    story: list = []
    for person in people:
        story += [Spacer(0, 30 * mm), report.para(t("certificate.title"), "title"),
                  Spacer(0, 10 * mm),
                  NameCell(f"{person.given_name} {person.family_name}", 18, bold=True),
                  NameCell(f"{person.given_name_original} {person.family_name_original}", 18),
                  Spacer(0, 2 * mm), NameCell(person.unhcr_individual_number, 9),
                  Spacer(0, 8 * mm),
                  report.para(t("certificate.body", training=training.name,
                                location=training.location or "-",
                                sessions=present.get(person.id, 0), total=total)),
                  Spacer(0, 25 * mm), report.para(f"{t('attendance.trainer')}: "
                                                   "______________________"), PageBreak()]
    return story[:-1] if story else story
