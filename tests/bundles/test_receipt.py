"""The paper receipt: its QR code, read back from a rendered page, carries the bundle's
SHA-256 first; a typed hash works too; a different bundle is refused."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.bundles.reader import file_digests
from app.bundles.receipt import Receipt, check_receipt, grouped, hash_of_receipt_text
from app.bundles.writer import export_bundle
from app.errors import HervestError
from app.reports.receipt import render_receipt
from app.store import Store
from tests.bundles.conftest import HqKeys

needs_tools = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="needs pdftoppm (poppler-utils) and zbarimg (zbar-tools); CI installs them")


def decode_qr_codes(pdf: Path) -> list[str]:
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(prefix)], check=True)
    found = subprocess.run(["zbarimg", "-q", "--raw", *map(str, sorted(
        pdf.parent.glob(f"{prefix.name}-*.png")))], capture_output=True, text=True)
    return [line for line in found.stdout.splitlines() if line]


@needs_tools
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_receipt_qr_matches_bundle(laptop: Store, hq_keys: HqKeys, tmp_path: Path,
                                   lang: str) -> None:
    result = export_bundle(laptop, tmp_path / "bundle.age", hq_keys.recipients)
    pdf = tmp_path / "receipt.pdf"
    render_receipt(laptop, Receipt.of(result), pdf, lang=lang)
    codes = decode_qr_codes(pdf)
    bundle_codes = [c for c in codes if "|HERVEST-BUNDLE|" in c]
    assert len(bundle_codes) == 1
    sha256, _ = file_digests(tmp_path / "bundle.age")
    assert bundle_codes[0].startswith(sha256 + "|")
    assert check_receipt(bundle_codes[0], sha256) == sha256
    assert f"changes={result.manifest.changes}" in bundle_codes[0]
    # The footer's QR names the document, and the audit log knows it.
    footer = [c for c in codes if c.startswith("HERVEST-DOC|")]
    assert footer and footer[0].split("|")[2] == "bundle-receipt"
    doc_id = footer[0].split("|")[1]
    assert laptop.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'report' AND "
                         "detail LIKE ?", (f"%{doc_id}%",)) == 1


def test_typed_hash_and_mismatch(laptop: Store, hq_keys: HqKeys, tmp_path: Path) -> None:
    result = export_bundle(laptop, tmp_path / "bundle.age", hq_keys.recipients)
    typed = grouped(result.sha256).upper()
    assert hash_of_receipt_text(typed) == result.sha256
    assert check_receipt(typed, result.sha256) == result.sha256
    other = "0" * 64
    with pytest.raises(HervestError) as caught:
        check_receipt(other, result.sha256)
    assert caught.value.key == "receipt.mismatch"
    with pytest.raises(HervestError):
        check_receipt("not a hash", result.sha256)
