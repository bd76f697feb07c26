"""`hervest-hq import FILE --store URL --identity FILE`, `hervest-hq verify-receipt` and
`hervest-hq device-key`: export bundles at HQ.

Import checks the bundle's origin against the device registry (unknown and revoked
devices refused), then its whole content, before anything is applied; the changes then go
into the store as one push (exactly once per (device, seq), all or nothing), so a bundle
imported twice, or after the same changes came by sync, changes nothing. Attachment bytes
are stored content-addressed and kept only when their hash matches."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from app import limits
from app.bundles import minisign
from app.bundles.reader import BundleReader, DeviceKey, file_digests, load_identities
from app.bundles.receipt import check_receipt
from app.errors import HervestError
from app.i18n import tr
from app.store.unit_of_work import Change
from sync.server.store import ServerStore, open_server_store

CHUNK = 1 << 20


@dataclass
class ServerImport:
    bundle_id: str
    device_id: str
    sha256: str
    changes: int
    applied: int
    attachments: int


@dataclass
class _ServerVisitor:
    """Changes collected for one push; attachment bytes stored chunk by chunk."""
    store: ServerStore
    device_id: str  # the bundle's device: the uploader of the attachments it carries
    changes: list[Change] = field(default_factory=list)
    stored: int = 0
    _sha: str = ""
    _size: int = 0
    _idx: int = 0
    _skip: bool = False
    _buffer: bytearray = field(default_factory=bytearray)

    def change(self, change: Change) -> None:
        self.changes.append(change)

    def attachment_start(self, sha256: str, size: int) -> None:
        self._sha, self._size, self._idx = sha256, size, 0
        self._skip = self.store.blob_status(sha256)[0] is not None  # already complete

    def attachment_data(self, data: bytes) -> None:
        if self._skip:
            return
        self._buffer += data
        while len(self._buffer) >= CHUNK:
            self._put(bytes(self._buffer[:CHUNK]))
            del self._buffer[:CHUNK]

    def attachment_end(self) -> None:
        if self._skip:
            return
        if self._buffer:
            self._put(bytes(self._buffer))
            self._buffer.clear()
        if not self.store.complete_blob(self.device_id, self._sha, self._size):
            raise HervestError("bundle.corrupt", detail=f"attachment {self._sha[:12]}")
        self.stored += 1

    def _put(self, data: bytes) -> None:
        self.store.put_chunk(self.device_id, self._sha, self._idx, data)
        self._idx += 1


def device_lookup(store: ServerStore):
    def lookup(device_id: str) -> DeviceKey | None:
        device = store.get_device(device_id)
        if device is None:
            return None
        return DeviceKey(bytes.fromhex(device.public_key), device.revoked)
    return lookup


def import_into_server(store: ServerStore, path: Path, identities) -> ServerImport:
    """Verify everything, then apply. Changes that HQ already holds (by sync or an earlier
    import) are skipped by the store; attachments already complete are not rewritten."""
    reader = BundleReader(path, identities, device_lookup(store))
    visitor = _ServerVisitor(store, reader.verify().device_id)
    manifest = reader.replay(visitor)  # rechecks everything; raises before any change
    held = _held(store, manifest.device_id, [c.seq for c in visitor.changes])
    store.apply_push(manifest.device_id, visitor.changes)
    return ServerImport(manifest.bundle_id, manifest.device_id, reader.sha256,
                        manifest.changes, manifest.changes - held, visitor.stored)


def _held(store: ServerStore, device_id: str, seqs: list[int]) -> int:
    """How many of these changes HQ already has (for the message only)."""
    if not seqs:
        return 0
    row = store.db.one("SELECT COUNT(*) FROM changes WHERE device_id = ? AND seq BETWEEN ? "
                       "AND ?", (device_id, min(seqs), max(seqs)))
    return int(row[0]) if row else 0


def receipt_text(pdf: Path) -> str:
    """The bundle QR code's text from a receipt PDF (pdftoppm + zbarimg)."""
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        raise HervestError("receipt.unreadable", path=str(pdf))
    limits.RECEIPT_PDF.check(pdf.stat().st_size, path=str(pdf))
    seconds = limits.RECEIPT_SECONDS.value
    with tempfile.TemporaryDirectory() as tmp:
        try:  # the PDF comes with the stick: a few pages at most, and in bounded time
            subprocess.run(["pdftoppm", "-r", "150", "-l", str(limits.RECEIPT_PAGES), "-png",
                            str(pdf), f"{tmp}/page"], check=True, capture_output=True,
                           timeout=seconds)
            found = subprocess.run(["zbarimg", "-q", "--raw", *sorted(map(str, Path(
                tmp).glob("page*.png")))], capture_output=True, text=True,
                timeout=seconds).stdout.splitlines()
        except subprocess.TimeoutExpired:
            raise limits.RECEIPT_SECONDS.refusal(path=str(pdf)) from None
        except subprocess.CalledProcessError:  # not a PDF pdftoppm can read
            raise HervestError("receipt.unreadable", path=str(pdf)) from None
    codes = [line for line in found if "|HERVEST-BUNDLE|" in line]
    if not codes:
        raise HervestError("receipt.unreadable", path=str(pdf))
    return codes[0]


def cmd_import(args: argparse.Namespace) -> int:
    store = open_server_store(args.store, args.keys)
    try:
        result = import_into_server(store, args.bundle, load_identities(args.identity))
    finally:
        store.close()
    print(tr("bundle.imported", bundle_id=result.bundle_id, device=result.device_id,
             applied=result.applied, changes=result.changes,
             skipped=result.changes - result.applied, attachments=result.attachments))
    return 0


def cmd_verify_receipt(args: argparse.Namespace) -> int:
    if not args.bundle.is_file():
        raise HervestError("bundle.missing", path=str(args.bundle))
    text = args.hash if args.hash else receipt_text(args.receipt)
    sha256, _ = file_digests(args.bundle)
    print(tr("receipt.match", sha256=check_receipt(text, sha256)))
    return 0


def cmd_device_key(args: argparse.Namespace) -> int:
    store = open_server_store(args.store, args.keys)
    try:
        device = store.get_device(args.device_id)
    finally:
        store.close()
    if device is None:
        raise HervestError("bundle.unknown_device", device=args.device_id)
    print(minisign.public_key_file(bytes.fromhex(device.public_key)), end="")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import an export bundle from a USB stick")
    p.add_argument("bundle", type=Path)
    p.add_argument("--store", required=True, help="sqlite:///path or postgresql://...")
    p.add_argument("--keys", type=Path, help="folder written by keygen (holds the key of "
                   "a sqlite:/// store)")
    p.add_argument("--identity", type=Path, required=True,
                   help="bundle-identity.txt or escrow-identity.txt from keygen")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("verify-receipt", help="compare a paper receipt with a bundle")
    p.add_argument("bundle", type=Path)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--receipt", type=Path, help="the receipt PDF (its QR code is read)")
    which.add_argument("--hash", help="the SHA-256 printed on the receipt, typed in")
    p.set_defaults(func=cmd_verify_receipt)

    p = sub.add_parser("device-key", help="a device's minisign public key (minisign -V -p)")
    p.add_argument("device_id")
    p.add_argument("--store", required=True, help="sqlite:///path or postgresql://...")
    p.add_argument("--keys", type=Path, help="folder written by keygen (holds the key of "
                   "a sqlite:/// store)")
    p.set_defaults(func=cmd_device_key)
