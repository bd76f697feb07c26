"""`hervest import referrals` and the process reports `hervest report quota|deadlines|
duplicates` (text or JSON; the PDF branch of the quota report lives with the PDF reports)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.common import add_actor_argument, open_store
from app.i18n import tr
from app.services import deadlines, duplicates, frameworks_nl, quota, referral_import

QUOTA_FORMATS = ["text", "json", "pdf"]


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    print()


def cmd_import_referrals(args: argparse.Namespace) -> int:
    mapping = referral_import.load_mapping(args.mapping) if args.mapping else None
    with open_store(args) as store:
        report = referral_import.check(store, args.file, mapping)
        if args.save_mapping:
            referral_import.save_mapping(args.save_mapping, report.mapping)
        print(tr("import.summary", rows=report.rows, cases=len(report.valid),
                 persons=report.valid_persons, skipped=report.skipped_rows,
                 problems=len(report.problems)))
        for problem in report.problems:
            print(tr("import.row", row=problem.row, message=problem.message()))
        if args.dry_run:
            print(tr("import.dry_run"))
            return 1 if report.problems else 0
        made = referral_import.apply(store, report, args.all_or_nothing)
    print(tr("import.done", cases=len(made), persons=report.valid_persons))
    return 1 if report.problems else 0


def cmd_frameworks_load(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        loaded = frameworks_nl.load(store)
        if args.carry_over:
            frameworks_nl.record_published_carry_over(store)
    print(tr("frameworks.loaded", names=", ".join(loaded)))
    return 0


def cmd_report_quota(args: argparse.Namespace) -> int:
    if args.format == "pdf":
        from app.reports.quota import render_quota

        with open_store(args) as store:
            report = render_quota(store, args.framework, args.out, args.lang)
        print(tr("report.written", path=args.out, pages=report.pages))
        return 0
    with open_store(args) as store:
        framework = quota.find_framework(store, args.framework)
        rep = quota.report(store, framework.id)
    if args.format == "json":
        _print_json(rep.to_dict())
    else:
        print(quota.render_text(rep))
    return 0


def cmd_report_deadlines(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rep = deadlines.report(store, window=args.window)
    if args.format == "json":
        _print_json(rep.to_dict())
        return 0
    for title, rows in (("deadlines.overdue", rep.overdue), ("deadlines.at_risk", rep.at_risk)):
        print(tr(title, n=len(rows), window=rep.window))
        for row in rows:
            print(f"  {row.unhcr_case_number:24} {row.host_country:4} {row.state.value:12} "
                  f"{row.selected_on.isoformat()}  {row.deadline.isoformat()}  "
                  f"{row.days_left:>5}")
    return 0


def cmd_report_duplicates(args: argparse.Namespace) -> int:
    """Candidates by case and individual number (never names: the terminal may be shared)."""
    with open_store(args) as store:
        found = duplicates.scan(store)
        stored = duplicates.flag(store, found) if args.store else []
        numbers = {pid: (case_no, number) for pid, case_no, number in store.rows(
            "SELECT p.id, c.unhcr_case_number, p.unhcr_individual_number FROM persons p "
            "JOIN cases c ON c.id = p.case_id")} if found else {}
    rows = [{"a_case": numbers[c.person_a_id][0], "a_person": numbers[c.person_a_id][1],
             "b_case": numbers[c.person_b_id][0], "b_person": numbers[c.person_b_id][1],
             "reason": c.reason, "score": c.score} for c in found]
    if args.format == "json":
        _print_json({"candidates": rows, "new_flags": len(stored)})
        return 0
    print(tr("duplicates.summary", n=len(rows), new=len(stored)))
    for r in rows:
        print(f"  {r['score']:.2f}  {r['a_person']:28} {r['b_person']:28} {r['reason']}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    imports = sub.add_parser("import", help="import data from other systems").add_subparsers(
        dest="import_command", required=True)
    p = imports.add_parser("referrals", help="UNHCR referral case list (CSV or XLSX)")
    p.add_argument("file", type=Path)
    add_actor_argument(p)
    p.add_argument("--dry-run", action="store_true", help="list problems, write nothing")
    p.add_argument("--mapping", type=Path, help="saved column mapping (JSON)")
    p.add_argument("--save-mapping", type=Path, help="save the mapping used to this file")
    p.add_argument("--all-or-nothing", action="store_true",
                   help="import nothing if any row has a problem")
    p.set_defaults(func=cmd_import_referrals)
    frameworks = sub.add_parser("frameworks", help="policy frameworks").add_subparsers(
        dest="frameworks_command", required=True)
    p = frameworks.add_parser("load-published",
                              help="add the published Dutch frameworks 2012-2015 to 2025")
    add_actor_argument(p)
    p.add_argument("--carry-over", action="store_true",
                   help="also record the published 20 carried from 2020-2023 into 2024")
    p.set_defaults(func=cmd_frameworks_load)


def register_reports(reports: argparse._SubParsersAction) -> None:
    p = reports.add_parser("quota", help="quota per framework and year")
    add_actor_argument(p)
    p.add_argument("--framework", required=True, help="framework name, e.g. 2020-2023")
    p.add_argument("--format", choices=QUOTA_FORMATS, default="text")
    p.add_argument("--out", type=Path, help="the PDF file (--format pdf)")
    p.set_defaults(func=cmd_report_quota)
    p = reports.add_parser("deadlines", help="six-month rule: at risk and overdue")
    add_actor_argument(p)
    p.add_argument("--window", type=int, default=deadlines.AT_RISK_DAYS,
                   help="days before the limit that count as at risk")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_report_deadlines)
    p = reports.add_parser("duplicates", help="likely duplicate persons")
    add_actor_argument(p)
    p.add_argument("--store", action="store_true", help="store new flags for review")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_report_duplicates)
