"""The paper receipt of an export bundle: what is on the stick, and a QR code of it
(hash first) to be compared at HQ."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.bundles.receipt import Receipt, grouped
from app.reports.document import NameCell, Report, qr_code
from app.store.database import Store

QR_SIZE = 70 * mm


def render_receipt(store: Store, receipt: Receipt, out: Path, lang: str | None = None) -> Report:
    report = Report(store, "bundle-receipt", receipt.bundle_id,
                    **({"lang": lang} if lang else {}))
    t = report.t
    facts = [
        (t("receipt.file"), NameCell(receipt.file_name)),
        ("SHA-256", NameCell(grouped(receipt.sha256), bold=True)),
        (t("receipt.size"), t("receipt.bytes", n=f"{receipt.size:,}".replace(",", " "))),
        (t("receipt.bundle"), receipt.bundle_id),
        (t("receipt.device"), receipt.device_id),
        (t("receipt.user"), NameCell(receipt.user_name)),
        (t("receipt.mission"), NameCell(receipt.mission_name or t("receipt.all_missions"))),
        (t("receipt.seq"), f"{receipt.seq_min} – {receipt.seq_max}"),
        (t("receipt.changes"), str(receipt.changes)),
        (t("receipt.attachments"), str(receipt.attachments)),
        (t("receipt.created"), receipt.created_at.replace("T", " ")),
    ]
    story = [*report.title(t("receipt.title")), report.para(t("receipt.intro")),
             Spacer(0, 5 * mm), report.pairs(facts), Spacer(0, 8 * mm),
             qr_code(receipt.qr_text(), QR_SIZE)]
    return report.build(out, story)
