"""Render the sample PDFs in this folder from the demo database (fictional data):
`python docs/samples/make_samples.py [--png DIR]`."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("HERVEST_KDF_TARGET_MS", "1")

from pyrage import x25519  # noqa: E402

from app.bundles.receipt import Receipt  # noqa: E402
from app.bundles.writer import export_bundle  # noqa: E402
from app.demo import DemoGenerator  # noqa: E402
from app.domain import Case, Mission, Municipality, Role, Training  # noqa: E402
from app.reports.attendance import render_attendance  # noqa: E402
from app.reports.case_summary import render_case  # noqa: E402
from app.reports.mission import render_mission  # noqa: E402
from app.reports.municipality import render_municipality  # noqa: E402
from app.reports.quota import render_quota  # noqa: E402
from app.reports.receipt import render_receipt  # noqa: E402
from app.store import Store  # noqa: E402

TODAY = dt.date(2025, 9, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--png", type=Path, help="also render every page to PNG here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.create(Path(tmp) / "demo.db", "demo.coordinator", Role.HQ_COORDINATOR,
                             "demo passphrase", display_name="Demo HQ coordinator")
        DemoGenerator(store, 7).run(60)
        mission = store.select(Mission, order_by="start_date")[1]
        case = store.select(Case, "mission_id = ? AND state = 'arrived'", (mission.id,),
                            order_by="unhcr_case_number")[0]
        training = store.select(Training, "mission_id = ?", (mission.id,))[0]
        town = store.select(Municipality, order_by="name")[0]
        made = [
            render_mission(store, mission.id, HERE / "mission-report-en.pdf", "en", TODAY),
            render_mission(store, mission.id, HERE / "mission-report-nl.pdf", "nl", TODAY),
            render_case(store, case.id, HERE / "case-summary-en.pdf", "en"),
            render_attendance(store, training.id, HERE / "co-attendance-nl.pdf", "nl"),
            render_municipality(store, town.id, HERE / "municipality-profile-nl.pdf", "nl",
                                TODAY),
            render_quota(store, mission.framework_id or "", HERE / "quota-report-en.pdf", "en"),
        ]
        result = export_bundle(store, Path(tmp) / "mission.age",
                               [str(x25519.Identity.generate().to_public())], mission.id)
        made.append(render_receipt(store, Receipt.of(result), HERE / "bundle-receipt-en.pdf",
                                   "en"))
        store.close()
    for report in made:
        print(f"{report.kind}: {report.pages} pages")
    if args.png:
        args.png.mkdir(parents=True, exist_ok=True)
        for pdf in sorted(HERE.glob("*.pdf")):
            subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf),
                            str(args.png / pdf.stem)], check=True)


if __name__ == "__main__":
    main()
