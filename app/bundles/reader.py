"""Reading a bundle at HQ: everything is checked before anything is applied.

1. The outer minisign signature over the .age file, with the key HQ registered for the
   device it names (unknown and revoked devices are refused here).
2. A first decryption pass that parses the whole tar stream, checks each change line,
   each attachment's content address, and the inner manifest: its signature, digest of
   every member and counts. Nothing is kept.
3. Only then a second pass hands changes and attachment bytes to the caller, which applies
   them in one transaction; the file's hash is checked again at the end of this pass, so a
   stick swapped between the passes makes the caller roll back.

Memory stays flat: age decrypts in 8 KiB pieces and attachment bytes go straight through."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

import pyrage
from pyrage import x25519

from app import limits
from app.bundles import manifest as mf
from app.bundles import minisign
from app.bundles.changes import decode_change
from app.bundles.receipt import check_receipt
from app.bundles.tarstream import TarPushParser
from app.bundles.writer import signature_path
from app.errors import HervestError
from app.store.migrations import LATEST
from app.store.unit_of_work import Change

READ_SIZE = 1 << 16


@dataclass(frozen=True)
class DeviceKey:
    """What HQ knows about a device from enrolment."""
    public_key: bytes
    revoked: bool = False


DeviceLookup = Callable[[str], DeviceKey | None]


class BundleVisitor(Protocol):
    def change(self, change: Change) -> None: ...
    def attachment_start(self, sha256: str, size: int) -> None: ...
    def attachment_data(self, data: bytes) -> None: ...
    def attachment_end(self) -> None: ...


class _Discard:
    def change(self, change: Change) -> None:
        pass

    def attachment_start(self, sha256: str, size: int) -> None:
        pass

    def attachment_data(self, data: bytes) -> None:
        pass

    def attachment_end(self) -> None:
        pass


def load_identities(path: Path) -> list[x25519.Identity]:
    """An age identity file: AGE-SECRET-KEY-1... lines, comments allowed."""
    identities = []
    text = limits.read_bounded(path, limits.SMALL_FILE).decode(errors="replace")
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("AGE-SECRET-KEY-1"):
            try:
                identities.append(x25519.Identity.from_str(line))
            except pyrage.IdentityError:
                raise HervestError("bundle.identity_bad", path=str(path)) from None
    if not identities:
        raise HervestError("bundle.identity_bad", path=str(path))
    return identities


def file_digests(path: Path, on_read: Callable[[int], None] | None = None
                 ) -> tuple[str, bytes]:
    """SHA-256 (hex) and BLAKE2b-512 of a file, read once."""
    sha, blake = hashlib.sha256(), hashlib.blake2b()
    with open(path, "rb") as fh:
        while block := fh.read(READ_SIZE):
            sha.update(block)
            blake.update(block)
            if on_read:
                on_read(len(block))
    return sha.hexdigest(), blake.digest()


# progress(bytes read, bytes to read): the file is read three times (hash, check, apply);
# what it raises (a user's Cancel) stops the import and comes out unchanged.
Progress = Callable[[int, int], None]


class BundleReader:
    def __init__(self, path: Path, identities: list[x25519.Identity],
                 devices: DeviceLookup, progress: Progress | None = None,
                 receipt: str = "") -> None:
        self.path = Path(path)
        self.identities = identities
        self.devices = devices
        self.sha256 = ""
        self.record: minisign.TrustedRecord | None = None
        self._device: DeviceKey | None = None
        self._progress = progress
        self.receipt = receipt  # a paper receipt's QR text or typed hash, checked if given
        self._read = self._total = 0
        self._stopped: BaseException | None = None

    def verify(self) -> mf.Manifest:
        """Steps 1 and 2: the origin, then the whole content. Raises HervestError."""
        if not self.path.is_file():
            raise HervestError("bundle.missing", path=str(self.path))
        sig_path = signature_path(self.path)
        if not sig_path.is_file():
            raise HervestError("bundle.signature_missing", path=str(sig_path))
        parsed = minisign.parse(limits.read_bounded(sig_path, limits.MINISIG).decode(
            errors="replace"))
        device = self.devices(parsed.record.device_id)
        if device is None:
            raise HervestError("bundle.unknown_device", device=parsed.record.device_id)
        if device.revoked:
            raise HervestError("bundle.revoked_device", device=parsed.record.device_id)
        self._total = 3 * self.path.stat().st_size
        sha256, blake = file_digests(self.path, self._tick)
        if self.receipt.strip():  # the stick against the paper, on the hash just read
            check_receipt(self.receipt, sha256)
        minisign.verify(parsed, device.public_key, blake)
        if parsed.record.sha256 != sha256:
            raise HervestError("bundle.signature_bad")
        self.sha256, self.record, self._device = sha256, parsed.record, device
        return self._pass(_Discard())

    def replay(self, visitor: BundleVisitor) -> mf.Manifest:
        """Step 3, after `verify`: hand over the content. If this raises, roll back."""
        if self.record is None:
            raise RuntimeError("verify() the bundle before replaying it")
        return self._pass(visitor)

    def _pass(self, visitor: BundleVisitor) -> mf.Manifest:
        assert self.record is not None and self._device is not None
        checker = _ContentChecker(self.record, self._device.public_key, visitor)
        parser = TarPushParser(checker.start, checker.data, checker.end)
        with open(self.path, "rb") as fh:
            source = _HashingSource(fh, self._tick)
            try:
                pyrage.decrypt_io(source, parser, self.identities)
                parser.close()
            # age: DecryptError or "decryption error" (OSError); tar: framing (ValueError)
            except (pyrage.DecryptError, OSError, ValueError) as exc:
                if self._stopped is not None:  # age wrapped the Cancel into its own error
                    raise self._stopped from None
                if "no matching keys" in str(exc).lower():
                    raise HervestError("bundle.wrong_recipient") from None
                raise HervestError("bundle.corrupt", detail=str(exc)) from None
        if source.sha256.hexdigest() != self.sha256:
            raise HervestError("bundle.signature_bad")  # the file changed under us
        return checker.finish()

    def _tick(self, n: int) -> None:
        self._read += n
        if self._progress is not None:
            try:
                self._progress(self._read, self._total)
            except BaseException as exc:
                self._stopped = exc
                raise


class _HashingSource:
    def __init__(self, fh: BinaryIO, on_read: Callable[[int], None]) -> None:
        self.fh, self.sha256, self.on_read = fh, hashlib.sha256(), on_read

    def read(self, n: int = -1) -> bytes:
        data = self.fh.read(n)
        self.sha256.update(data)
        self.on_read(len(data))
        return data


class _ContentChecker:
    """Checks members as they stream by; `finish` checks the manifest against them."""

    def __init__(self, record: minisign.TrustedRecord, public_key: bytes,
                 visitor: BundleVisitor) -> None:
        self.record, self.public_key, self.visitor = record, public_key, visitor
        self.digest = mf.PayloadDigest()
        self.stage = 0  # 0 changes, 1 attachments, 2 manifest, 3 signature, 4 done
        self.name = ""
        self.line = bytearray()
        self.blob = bytearray()  # the manifest and its signature (small)
        self.attachment: hashlib._Hash | None = None
        self.seqs: list[int] = []
        self.entities: dict[str, int] = {}
        self.attachments = 0
        self.attachment_bytes = 0
        self.change_bytes = 0
        self.manifest_bytes = b""
        self.signature = b""

    def start(self, name: str, size: int) -> None:
        self.name = name
        stage = self._stage_of(name)
        if stage < self.stage or (stage == self.stage and stage >= 2):
            raise ValueError(f"member {name} out of order")
        self.stage = stage
        if stage <= 1:
            self.digest.start(name, size)
        if stage == 0:  # refused on the sizes the headers declare, before reading them
            self.change_bytes += size
            limits.BUNDLE_CHANGE_BYTES.check(self.change_bytes)
        elif stage == 1:
            self.attachment = hashlib.sha256()
            self.visitor.attachment_start(name[len(mf.ATTACHMENTS_PREFIX):], size)
            self.attachment_bytes += size
        else:
            limits.BUNDLE_SMALL_MEMBER.check(size, name=name)

    def data(self, data: bytes) -> None:
        if self.stage <= 1:
            self.digest.update(data)
        if self.stage == 0:
            self._lines(data)
        elif self.stage == 1:
            assert self.attachment is not None
            self.attachment.update(data)
            self.visitor.attachment_data(data)
        else:
            self.blob += data

    def end(self) -> None:
        if self.stage == 0 and self.line:
            raise ValueError(f"{self.name} does not end with a newline")
        if self.stage == 1:
            assert self.attachment is not None
            if self.attachment.hexdigest() != self.name[len(mf.ATTACHMENTS_PREFIX):]:
                raise ValueError(f"{self.name} does not match its content address")
            self.attachments += 1
            self.visitor.attachment_end()
        elif self.stage == 2:
            self.manifest_bytes = bytes(self.blob)
        elif self.stage == 3:
            self.signature = bytes(self.blob)
            self.stage = 4
        self.blob.clear()

    def _stage_of(self, name: str) -> int:
        if name.startswith(mf.CHANGES_PREFIX) and name.endswith(".jsonl"):
            return 0
        if name.startswith(mf.ATTACHMENTS_PREFIX) and len(name) == len(
                mf.ATTACHMENTS_PREFIX) + 64:
            return 1
        if name in (mf.MANIFEST, mf.SIGNATURE):
            return 2 if name == mf.MANIFEST else 3
        raise ValueError(f"unexpected member {name!r}")

    def _lines(self, data: bytes) -> None:
        """Split as the bytes arrive: only new bytes are searched for a newline and a line
        is refused once it outgrows its bound (re-splitting the whole pending line on each
        piece took 289 s for a 32 MB line without one)."""
        start = 0
        while (end := data.find(b"\n", start)) >= 0:
            self._grow(data[start:end])
            self._change(bytes(self.line))
            self.line.clear()
            start = end + 1
        self._grow(data[start:])

    def _grow(self, piece: bytes) -> None:
        limits.CHANGE_LINE.check(len(self.line) + len(piece))
        self.line += piece

    def _change(self, line: bytes) -> None:
        try:
            change = decode_change(line)
        except ValueError as exc:
            raise ValueError(f"bad change line: {exc}") from None
        if change.device_id != self.record.device_id:
            raise ValueError("a change from another device")
        if self.seqs and change.seq <= self.seqs[-1]:
            raise ValueError("changes out of order")
        self.seqs.append(change.seq)
        limits.BUNDLE_CHANGES.check(len(self.seqs))
        self.entities[change.entity] = self.entities.get(change.entity, 0) + 1
        self.visitor.change(change)

    def finish(self) -> mf.Manifest:
        if self.stage != 4:
            raise HervestError("bundle.corrupt", detail="no signed manifest")
        manifest = mf.verify_manifest(self.manifest_bytes, self.signature, self.public_key)
        if manifest.schema_version > LATEST:
            raise HervestError("bundle.too_new", found=manifest.schema_version, known=LATEST)
        expected = {
            "bundle": (manifest.bundle_id, self.record.bundle_id),
            "device": (manifest.device_id, self.record.device_id),
            "payload": (manifest.payload_sha256, self.digest.hexdigest()),
            "members": (manifest.members, self.digest.members),
            "changes": (manifest.changes, len(self.seqs)),
            "seq range": ((manifest.seq_min, manifest.seq_max),
                          (self.seqs[0], self.seqs[-1]) if self.seqs else (0, 0)),
            "entities": (manifest.entities, self.entities),
            "attachments": ((manifest.attachments, manifest.attachment_bytes),
                            (self.attachments, self.attachment_bytes)),
        }
        for what, (said, found) in expected.items():
            if said != found:
                raise HervestError("bundle.corrupt", detail=f"manifest {what} does not match")
        return manifest
