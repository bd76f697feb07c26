"""Importing a verified bundle into an HQ desktop database.

The changes go through the merge rules (`apply_remote`: exactly once per (device, seq),
one unit of work), so a bundle imported twice, or after the same changes came by sync,
changes nothing. Attachment bytes are content-addressed: those not yet present are
written first and removed again if the changes are not applied, so a refused or failed
import leaves the database as it was."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from pyrage import x25519

from app.bundles import manifest as mf
from app.bundles.reader import BundleReader, DeviceLookup, Progress
from app.store import sql
from app.store.database import Store
from app.store.merge import apply_remote
from app.store.unit_of_work import Change, translate

CHUNK = 1 << 20


@dataclass
class ImportResult:
    manifest: mf.Manifest
    sha256: str
    applied: int
    skipped: int
    attachments_added: int
    conflicts: int = 0
    set_aside: int = 0  # changes that could not be applied (`merge.SetAside`)


@dataclass
class _StoreVisitor:
    """Collects changes (small) and writes attachment bytes not already present."""
    store: Store
    changes: list[Change] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    _sha: str = ""
    _skip: bool = False
    _idx: int = 0
    _buffer: bytearray = field(default_factory=bytearray)

    def change(self, change: Change) -> None:
        self.changes.append(change)

    def attachment_start(self, sha256: str, size: int) -> None:
        self._sha, self._idx = sha256, 0
        self._skip = self.store.scalar(
            "SELECT 1 FROM attachment_chunks WHERE sha256 = ? LIMIT 1", (sha256,)) is not None
        if not self._skip:
            self.store.conn.execute("BEGIN IMMEDIATE")

    def attachment_data(self, data: bytes) -> None:
        if self._skip:
            return
        self._buffer += data
        while len(self._buffer) >= CHUNK:
            self._write(bytes(self._buffer[:CHUNK]))
            del self._buffer[:CHUNK]

    def attachment_end(self) -> None:
        if self._skip:
            return
        if self._buffer:
            self._write(bytes(self._buffer))
            self._buffer.clear()
        self.store.conn.execute("COMMIT")
        self.added.append(self._sha)

    def _write(self, data: bytes) -> None:
        self.store.conn.execute("INSERT INTO attachment_chunks (sha256, idx, data) "
                                "VALUES (?, ?, ?)", (self._sha, self._idx, data))
        self._idx += 1

    def undo(self) -> None:
        """Remove what this import added (and an attachment left half-written)."""
        conn = self.store.conn
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("DELETE FROM attachment_chunks WHERE sha256 = ?",
                         [(sha,) for sha in self.added])
        conn.execute("COMMIT")


def import_bundle(store: Store, path: Path, identities: list[x25519.Identity],
                  devices: DeviceLookup, progress: Progress | None = None,
                  receipt: str = "") -> ImportResult:
    """Check, then apply all or nothing. `progress` may raise to stop (a user's Cancel):
    the exception comes out unchanged and the database is as it was. `receipt`: the paper
    receipt's QR text or typed SHA-256; a bundle that does not match it is refused."""
    reader = BundleReader(path, identities, devices, progress, receipt)
    reader.verify()
    visitor = _StoreVisitor(store)
    try:
        manifest = reader.replay(visitor)
        merged = apply_remote(store, visitor.changes)
    except BaseException as exc:
        with contextlib.suppress(sql.Error):
            visitor.undo()
        if isinstance(exc, sql.Error):
            raise translate(exc) from exc
        raise
    with store.write() as uow:
        uow.audit("bundle-import", {"bundle_id": manifest.bundle_id, "sha256": reader.sha256,
                                    "device_id": manifest.device_id,
                                    "applied": merged.applied, "skipped": merged.skipped,
                                    "set_aside": len(merged.set_aside)})
    return ImportResult(manifest, reader.sha256, merged.applied, merged.skipped,
                        len(visitor.added), len(merged.conflicts), len(merged.set_aside))

