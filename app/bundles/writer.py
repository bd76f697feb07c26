"""Writing an export bundle: tar stream -> age (pyrage, streamed) -> file, plus the
minisign signature file beside it.

Memory stays flat: changes go out in members of about 1 MiB, attachment bytes straight
from `attachment_chunks` row by row, and the age library pulls 8 KiB at a time. All reads
happen in one read transaction on a second connection, so the bundle is a consistent
snapshot even if the user keeps typing. The .age file appears under its name only when
complete (temp file, fsync, rename); its signature is written just before."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyrage
from pyrage import x25519

from app.atomic import atomic_writer, write_atomic
from app.bundles import manifest as mf
from app.bundles import minisign
from app.bundles.changes import attachment_digest, encode_change, unacked_changes
from app.bundles.tarstream import END, ChunkReader, member_header, padding
from app.domain.records import Mission
from app.errors import HervestError
from app.ids import new_id
from app.store.database import Store

CHANGES_MEMBER_BYTES = 1 << 20
SIGNATURE_SUFFIX = ".minisig"
RECIPIENTS_META = "hq_bundle_recipients"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    signature_path: Path
    manifest: mf.Manifest
    sha256: str
    size: int

    @property
    def record(self) -> minisign.TrustedRecord:
        return minisign.TrustedRecord(self.manifest.bundle_id, self.manifest.device_id,
                                      self.sha256)


def signature_path(bundle: Path) -> Path:
    return Path(f"{bundle}{SIGNATURE_SUFFIX}")


def default_recipients(store: Store) -> list[str]:
    """HQ's bundle key and the escrow key, as set at enrolment (a JSON list)."""
    text = store.meta(RECIPIENTS_META)
    return [str(r) for r in json.loads(text)] if text else []


def parse_recipients(recipients: Sequence[str]) -> list[x25519.Recipient]:
    if not recipients:
        raise HervestError("bundle.no_recipients")
    parsed = []
    for text in recipients:
        try:
            parsed.append(x25519.Recipient.from_str(text.strip()))
        except pyrage.RecipientError:
            raise HervestError("bundle.bad_recipient", recipient=text) from None
    return parsed


def export_bundle(store: Store, out: Path, recipients: Sequence[str],
                  mission_id: str | None = None,
                  check: Callable[[], None] | None = None) -> ExportResult:
    """Write the bundle (and `<out>.minisig`); nothing appears at `out` unless complete.
    `check` is called between chunks; what it raises (a user's Cancel) stops the export
    and comes out unchanged, with no file left behind."""
    out = Path(out)
    age_recipients = parse_recipients(recipients)
    snapshot = store.clone()
    try:
        # Every page is read once: a small cache keeps memory flat for gigabytes.
        snapshot.conn.execute("PRAGMA cache_size = -2048")
        snapshot.conn.execute("BEGIN")  # one read snapshot for changes and attachments
        if next(unacked_changes(snapshot, mission_id), None) is None:
            raise HervestError("bundle.nothing")
        source = _BundleSource(snapshot, mission_id)
        stopped: list[BaseException] = []
        try:
            with atomic_writer(out) as fh:
                sink = _HashingSink(fh)
                chunks = _checked(source.chunks(), check, stopped) if check else source.chunks()
                pyrage.encrypt_io(ChunkReader(chunks), sink, age_recipients)
                result = ExportResult(out, signature_path(out), source.manifest,
                                      sink.sha256.hexdigest(), sink.size)
                write_atomic(result.signature_path, minisign.sign(
                    snapshot.device_signing_key(), sink.blake2b.digest(),
                    result.record).encode())
        except OSError as exc:
            raise HervestError("bundle.write_failed", path=str(out),
                               detail=exc.strerror or exc) from None
        except pyrage.EncryptError:
            if stopped:  # the age library turned the check's exception into its own
                raise stopped[0] from None
            raise
    finally:
        snapshot.close()
    with store.write() as uow:
        uow.audit("bundle-export", {"bundle_id": result.manifest.bundle_id,
                                    "sha256": result.sha256, "changes": result.manifest.changes,
                                    "seq_min": result.manifest.seq_min,
                                    "seq_max": result.manifest.seq_max,
                                    "attachments": result.manifest.attachments})
    return result


def _checked(chunks: Iterator[bytes], check: Callable[[], None],
             stopped: list[BaseException]) -> Iterator[bytes]:
    for chunk in chunks:
        try:
            check()
        except BaseException as exc:
            stopped.append(exc)
            raise
        yield chunk


class _BundleSource:
    """Produces the tar stream; the manifest is known once everything before it went out."""

    def __init__(self, store: Store, mission_id: str | None) -> None:
        self.store, self.mission_id = store, mission_id
        self.seqs: list[int] = []
        self.digest = mf.PayloadDigest()
        self.manifest: mf.Manifest
        self._entities: dict[str, int] = {}
        self._attachments: dict[str, None] = {}  # ordered set of content addresses

    def chunks(self) -> Iterator[bytes]:
        yield from self._change_members()
        stored = self._stored_sizes()
        attachment_bytes = 0
        for sha in self._attachments:
            if sha in stored:
                attachment_bytes += stored[sha]
                yield from self._member(f"{mf.ATTACHMENTS_PREFIX}{sha}", stored[sha],
                                        self._attachment_bytes(sha))
        self.manifest = self._make_manifest(stored, attachment_bytes)
        data = self.manifest.to_bytes()
        yield from self._member(mf.MANIFEST, len(data), [data], digest=False)
        signature = self.manifest.sign(self.store.device_signing_key())
        yield from self._member(mf.SIGNATURE, len(signature), [signature], digest=False)
        yield END

    def _change_members(self) -> Iterator[bytes]:
        buffer, number = bytearray(), 0
        for change in unacked_changes(self.store, self.mission_id):
            self.seqs.append(change.seq)
            self._entities[change.entity] = self._entities.get(change.entity, 0) + 1
            sha = attachment_digest(change)
            if sha:
                self._attachments[sha] = None
            buffer += encode_change(change)
            if len(buffer) >= CHANGES_MEMBER_BYTES:
                number += 1
                yield from self._member(f"{mf.CHANGES_PREFIX}{number:06d}.jsonl", len(buffer),
                                        [bytes(buffer)])
                buffer.clear()
        if buffer:
            number += 1
            yield from self._member(f"{mf.CHANGES_PREFIX}{number:06d}.jsonl", len(buffer),
                                    [bytes(buffer)])

    def _member(self, name: str, size: int, body: Iterator[bytes] | list[bytes],
                digest: bool = True) -> Iterator[bytes]:
        yield member_header(name, size)
        if digest:
            self.digest.start(name, size)
        written = 0
        for data in body:
            if digest:
                self.digest.update(data)
            written += len(data)
            yield data
        if written != size:  # the snapshot makes this impossible; refuse rather than lie
            raise HervestError("bundle.corrupt", detail=f"{name} changed while exporting")
        yield padding(size)

    def _stored_sizes(self) -> dict[str, int]:
        sizes = {}
        for sha in self._attachments:
            size = self.store.scalar("SELECT SUM(length(data)) FROM attachment_chunks "
                                     "WHERE sha256 = ?", (sha,))
            if size is not None:
                sizes[sha] = int(size)
        return sizes

    def _attachment_bytes(self, sha: str) -> Iterator[bytes]:
        cursor = self.store.conn.execute(
            "SELECT data FROM attachment_chunks WHERE sha256 = ? ORDER BY idx", (sha,))
        for (data,) in cursor:
            yield data

    def _make_manifest(self, stored: dict[str, int], attachment_bytes: int) -> mf.Manifest:
        store, seqs = self.store, self.seqs
        mission = store.find(Mission, self.mission_id) if self.mission_id else None
        user = store.user
        return mf.Manifest(
            bundle_id=new_id(), created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            device_id=store.device_id, user_id=user.id if user else None,
            user_name=user.display_name if user else "", mission_id=self.mission_id,
            mission_name=mission.name if mission else "", seq_min=seqs[0], seq_max=seqs[-1],
            changes=len(seqs), attachments=len(stored), attachment_bytes=attachment_bytes,
            entities=dict(sorted(self._entities.items())), schema_version=store.schema_version,
            payload_sha256=self.digest.hexdigest(), members=self.digest.members,
            missing_attachments=[s for s in self._attachments if s not in stored])


class _HashingSink:
    """The file the age library writes to, hashed on the way: SHA-256 for the receipt,
    BLAKE2b-512 for the minisign signature."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh, self.size = fh, 0
        self.sha256, self.blake2b = hashlib.sha256(), hashlib.blake2b()

    def write(self, data: bytes) -> int:
        self.fh.write(data)
        self.sha256.update(data)
        self.blake2b.update(data)
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        self.fh.flush()
