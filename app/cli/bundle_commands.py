"""`hervest export`, `hervest import-bundle` (HQ desktop) and the PDF reports
(`hervest report mission|case|attendance|municipality --format pdf`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from app.bundles.importer import import_bundle
from app.bundles.minisign import parse_public_key_file
from app.bundles.reader import DeviceKey, DeviceLookup, load_identities
from app.bundles.receipt import Receipt
from app.bundles.writer import default_recipients, export_bundle
from app.cli.common import add_actor_argument, open_store
from app.i18n import tr
from app.limits import SMALL_FILE, read_bounded
from app.reports import lookup
from app.reports.attendance import render_attendance
from app.reports.case_summary import render_case
from app.reports.document import Report
from app.reports.mission import render_mission
from app.reports.municipality import render_municipality
from app.reports.receipt import render_receipt
from app.store.database import Store


def cmd_export(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        mission = lookup.mission(store, args.mission).id if args.mission else None
        recipients = args.recipient or default_recipients(store)
        result = export_bundle(store, args.out, recipients, mission)
        print(tr("bundle.exported", path=result.path, sha256=result.sha256,
                 changes=result.manifest.changes, attachments=result.manifest.attachments,
                 size=result.size, signature=result.signature_path))
        if args.receipt:
            report = render_receipt(store, Receipt.of(result), args.receipt)
            print(tr("report.written", path=args.receipt, pages=report.pages))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    key = parse_public_key_file(read_bounded(args.device_key, SMALL_FILE).decode(
        errors="replace"))
    devices: DeviceLookup = lambda _device_id: DeviceKey(key)  # noqa: E731  (signature decides)
    identities = load_identities(args.identity)
    with open_store(args) as store:
        result = import_bundle(store, args.bundle, identities, devices)
    print(tr("bundle.imported", bundle_id=result.manifest.bundle_id,
             device=result.manifest.device_id, applied=result.applied,
             changes=result.manifest.changes, skipped=result.skipped,
             attachments=result.attachments_added))
    if result.set_aside:
        print(tr("merge.set_aside_count", count=result.set_aside))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write an encrypted, signed bundle for HQ (USB)")
    add_actor_argument(p)
    p.add_argument("--out", type=Path, required=True, help="bundle file, e.g. E:/mission.age")
    p.add_argument("--mission", help="only this mission (id or name)")
    p.add_argument("--recipient", action="append", default=[],
                   help="age recipient (repeat; default: HQ and escrow keys from enrolment)")
    p.add_argument("--receipt", type=Path, help="also write the paper receipt (PDF) here")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import-bundle", help="HQ desktop: import a bundle from a stick")
    add_actor_argument(p)
    p.add_argument("bundle", type=Path)
    p.add_argument("--identity", type=Path, required=True, help="HQ age identity file")
    p.add_argument("--device-key", type=Path, required=True,
                   help="the laptop's minisign public key (hervest-hq devices key ID)")
    p.set_defaults(func=cmd_import)


def _report(render: Callable[[Store, str, Path, str | None], Report]
            ) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        with open_store(args) as store:
            report = render(store, args.subject, args.out, args.lang)
        print(tr("report.written", path=args.out, pages=report.pages))
        return 0
    return run


def register_reports(reports: argparse._SubParsersAction) -> None:
    for name, subject, render in (
            ("mission", "mission id or name", render_mission),
            ("case", "case id or UNHCR case number", render_case),
            ("attendance", "CO training id or name", render_attendance),
            ("municipality", "municipality id or name", render_municipality)):
        p = reports.add_parser(name, help=f"{name} report (PDF)")
        add_actor_argument(p)
        p.add_argument("subject", help=subject)
        p.add_argument("--format", choices=("pdf",), default="pdf")
        p.add_argument("--out", type=Path, required=True)
        p.set_defaults(func=_report(render))

