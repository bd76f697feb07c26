"""What a paper receipt says about a bundle, and the text of its QR code (hash first), so
HQ can check a stick against paper that travelled separately."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.bundles.writer import ExportResult
from app.errors import HervestError

PREFIX = "HERVEST-BUNDLE"
HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Receipt:
    sha256: str
    file_name: str
    size: int
    bundle_id: str
    device_id: str
    user_name: str
    mission_name: str
    seq_min: int
    seq_max: int
    changes: int
    attachments: int
    created_at: str

    @classmethod
    def of(cls, result: ExportResult) -> Receipt:
        m = result.manifest
        return cls(result.sha256, result.path.name, result.size, m.bundle_id, m.device_id,
                   m.user_name, m.mission_name, m.seq_min, m.seq_max, m.changes,
                   m.attachments, m.created_at)

    def qr_text(self) -> str:
        """`<sha256>|HERVEST-BUNDLE|bundle=..|device=..|...`: the hash comes first so a
        scanner that shows only the start still shows what matters."""
        return "|".join((self.sha256, PREFIX, f"bundle={self.bundle_id}",
                         f"device={self.device_id}", f"file={self.file_name}",
                         f"size={self.size}", f"seq={self.seq_min}-{self.seq_max}",
                         f"changes={self.changes}", f"attachments={self.attachments}"))


def hash_of_receipt_text(text: str) -> str | None:
    """The SHA-256 in a receipt's QR text or in a typed hash (spaces, case ignored)."""
    first = text.strip().split("|", 1)[0]
    cleaned = re.sub(r"[\s:-]", "", first).lower()
    return cleaned if HEX64.fullmatch(cleaned) else None


def check_receipt(receipt_text: str, bundle_sha256: str) -> str:
    """The message for a match; HervestError for a mismatch or no hash at all."""
    found = hash_of_receipt_text(receipt_text)
    if found is None:
        raise HervestError("receipt.mismatch", receipt=receipt_text.strip()[:80],
                           bundle=bundle_sha256)
    if found != bundle_sha256:
        raise HervestError("receipt.mismatch", receipt=found, bundle=bundle_sha256)
    return found


def grouped(sha256: str) -> str:
    """The hash in blocks of eight, easier to read aloud and type."""
    return " ".join(sha256[i:i + 8] for i in range(0, len(sha256), 8))
