"""One sync pass of a laptop: push the outbox, upload attachments, pull, download
attachments. Every step resumes from what HQ or the local log already holds, so a pass
cut at any byte is simply run again."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from app.store.database import Store
from app.store.merge import SetAside, apply_remote, logged_changes, with_bases
from app.store.unit_of_work import Change
from sync.client.transport import HqClient, SyncError
from sync.protocol import (
    CHUNK_SIZE,
    MAX_PUSH_BODY,
    ChangeModel,
    Handshake,
    PullResponse,
    PushBatch,
)

Progress = Callable[[str, int, int | None], None]  # stage, done, total (None: unknown)
PUSH_BATCH = 2000
PULL_BATCH = 2000
UPLOADED, DOWNLOADING = "sync_blob_up:", "sync_blob_partial:"


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    set_aside: int = 0  # changes no laptop could apply: kept apart, listed by `hervest check`
    uploaded: int = 0
    downloaded: int = 0


def client_for(store: Store, proxy: str | None = None) -> HqClient:
    url = store.meta("sync_server_url")
    if not url:
        raise SyncError("sync.not_enrolled", retry=False)
    return HqClient(url, store.device_id, store.device_signing_key(),
                    store.meta("sync_cert_pem"), proxy)


def pending_count(store: Store) -> int:
    return store.scalar("SELECT COUNT(*) FROM changes WHERE device_id = ? AND acked = 0",
                        (store.device_id,))


class SyncSession:
    def __init__(self, store: Store, client: HqClient, progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> None:
        self.store, self.client = store, client
        self._progress = progress or (lambda stage, done, total: None)
        self._cancel = cancel or threading.Event()
        self.report = SyncReport()

    def run(self) -> SyncReport:
        self.hello()
        self.push()
        self.upload_attachments()
        self.pull()
        self.download_attachments()
        self.store.set_meta("sync_last_success", dt.datetime.now(dt.UTC).isoformat(
            timespec="seconds"))
        self.store.set_meta("sync_last_error", "")
        return self.report

    def _check(self) -> None:
        if self._cancel.is_set():
            raise SyncError("sync.cancelled", retry=False)

    def hello(self) -> None:
        """Versions first: a laptop HQ cannot serve is told so before anything is sent."""
        self.client.json("POST", "/v1/hello", payload=Handshake().model_dump(mode="json"))

    # -- changes -----------------------------------------------------------------------
    def push(self) -> None:
        store, total = self.store, pending_count(self.store)
        while True:
            self._check()
            # By seq, not id: the index of unacked changes then stops at the batch, where
            # sorting all unacked ones by id made a push quadratic in their number.
            batch = logged_changes(store.conn, "device_id = ? AND acked = 0",
                                   (store.device_id,), limit=PUSH_BATCH, order_by="seq")
            if not batch:
                return
            batch, body = _fitting(with_bases(store.conn, batch))
            head = self.client.json("POST", "/v1/push", content=body, is_json=True)["head"]
            with store.write() as uow:
                uow.conn.execute("UPDATE changes SET acked = 1 WHERE device_id = ? AND "
                                 "seq <= ? AND acked = 0", (store.device_id, head))
                # HQ lost what we thought it had (restored from backup): send it again.
                # Acked changes are always the ones up to HQ's head of an earlier round, so
                # they lie before this batch: the bound spares a scan of all unsent ones.
                uow.conn.execute("UPDATE changes SET acked = 0 WHERE device_id = ? AND "
                                 "seq > ? AND seq < ? AND acked = 1",
                                 (store.device_id, head, batch[0].seq))
            if head < batch[-1].seq and head < batch[0].seq - 1:
                raise SyncError("sync.server_error", status=f"HQ holds up to {head}")
            self.report.pushed += sum(1 for c in batch if c.seq <= head)
            self._progress("push", self.report.pushed, total)

    def pull(self) -> None:
        store = self.store
        cursor = int(store.meta("sync_server_cursor") or 0)
        while True:
            self._check()
            params = {"cursor": cursor, "limit": PULL_BATCH}
            unreadable: list[SetAside] = []
            try:
                page = self.client.parsed(PullResponse, "GET", "/v1/pull", params=params)
            except ValidationError:  # a change HQ took before it checked as it does now
                page, unreadable = self._page_in_parts(params)
            if page.changes or unreadable:
                result = apply_remote(store, [c.to_change() for c in page.changes],
                                      page.server_seqs, unreadable)
                self.report.pulled += result.applied
                self.report.conflicts += len(result.conflicts)
                self.report.set_aside += len(result.set_aside)
            cursor = page.cursor
            store.set_meta("sync_server_cursor", str(cursor))
            self._progress("pull", self.report.pulled, None)
            if not page.more:
                return

    def _page_in_parts(self, params: dict[str, int]) -> tuple[PullResponse, list[SetAside]]:
        """The page again, read change by change: the ones that do not fit the protocol are
        set aside rather than failing the page, and with it every later pull."""
        raw = self.client.json("GET", "/v1/pull", params=params)
        try:
            page = PullResponse.model_validate({**raw, "changes": []})
        except (ValidationError, TypeError):
            raise SyncError("sync.server_error", status="not a pull page") from None
        changes, seqs = raw.get("changes"), page.server_seqs
        if not isinstance(changes, list) or len(changes) != len(seqs):
            raise SyncError("sync.server_error", status="not a pull page")
        page.server_seqs, unreadable = [], []
        for item, server_seq in zip(changes, seqs, strict=True):
            try:
                page.changes.append(ChangeModel.model_validate(item))
                page.server_seqs.append(server_seq)
            except ValidationError as error:
                unreadable.append(SetAside(_unreadable(item), server_seq, _why(error)))
        return page, unreadable

    # -- attachments -------------------------------------------------------------------
    def upload_attachments(self) -> None:
        for sha256, size in self.store.rows(
                "SELECT DISTINCT a.sha256, a.size FROM attachments a WHERE EXISTS (SELECT 1 "
                "FROM attachment_chunks c WHERE c.sha256 = a.sha256)"):
            if self.store.meta(UPLOADED + sha256) or self.store.meta(DOWNLOADING + sha256):
                continue
            self._check()
            status = self.client.json("GET", f"/v1/attachments/{sha256}")
            if status.get("busy"):
                continue  # another laptop with the same file is uploading it: next pass
            if not status["complete"]:
                have = set(status["have"])
                for idx, piece in enumerate(_pieces(self.store, sha256)):
                    if idx not in have:
                        self._check()
                        self.client.call("PUT", f"/v1/attachments/{sha256}/{idx}",
                                         content=piece)
                self.client.json("POST", f"/v1/attachments/{sha256}/complete",
                                 params={"size": size})
            self.store.set_meta(UPLOADED + sha256, "1")
            self.report.uploaded += 1
            self._progress("upload", self.report.uploaded, None)

    def download_attachments(self) -> None:
        store = self.store
        wanted = [(sha, size) for sha, size in store.rows(
            "SELECT DISTINCT sha256, size FROM attachments a WHERE NOT EXISTS (SELECT 1 FROM "
            "attachment_chunks c WHERE c.sha256 = a.sha256)")]
        wanted += [(key.removeprefix(DOWNLOADING), int(size)) for key, size in store.rows(
            "SELECT key, value FROM meta WHERE key LIKE ?", (DOWNLOADING + "%",))]
        for sha256, size in dict(wanted).items():
            self._check()
            status = self.client.json("GET", f"/v1/attachments/{sha256}")
            if not status["complete"]:
                continue  # not uploaded yet by the laptop that has it
            store.set_meta(DOWNLOADING + sha256, str(size))
            have = {r[0] for r in store.rows("SELECT idx FROM attachment_chunks WHERE "
                                             "sha256 = ?", (sha256,))}
            for idx in range(max(1, -(-size // CHUNK_SIZE))):
                if idx in have:
                    continue
                self._check()
                data = self.client.call("GET", f"/v1/attachments/{sha256}/{idx}").content
                with store.write() as uow:
                    uow.conn.execute("INSERT OR REPLACE INTO attachment_chunks (sha256, idx, "
                                     "data) VALUES (?,?,?)", (sha256, idx, data))
            self._verify(sha256, size)
            self.report.downloaded += 1
            self._progress("download", self.report.downloaded, None)

    def _verify(self, sha256: str, size: int) -> None:
        """Keep the bytes only if they are exactly the attachment named by its hash."""
        digest, total = hashlib.sha256(), 0
        for piece in _pieces(self.store, sha256):
            digest.update(piece)
            total += len(piece)
        with self.store.write() as uow:
            if digest.hexdigest() != sha256 or total != size:
                uow.conn.execute("DELETE FROM attachment_chunks WHERE sha256 = ?", (sha256,))
            uow.conn.execute("DELETE FROM meta WHERE key = ?", (DOWNLOADING + sha256,))
            uow.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')",
                             (UPLOADED + sha256,))
        if digest.hexdigest() != sha256 or total != size:
            raise SyncError("sync.attachment_corrupt", sha256=sha256[:12])


def _unreadable(item: Any) -> Change:
    """What can be told of a change that does not fit the protocol, to name it (its
    fields are not kept: they may be what is too large)."""
    item = item if isinstance(item, dict) else {}
    seq = item.get("seq")

    def text(name: str) -> str:
        return str(item.get(name, ""))[:100]

    return Change(text("device_id"), seq if isinstance(seq, int) else 0, text("hlc"),
                  text("entity"), text("row_id"), text("op"), {}, None)


def _why(error: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                     for e in error.errors()[:3])[:500]


def _pieces(store: Store, sha256: str) -> Iterator[bytes]:
    """The attachment's bytes in CHUNK_SIZE pieces, whatever chunking it is stored in."""
    buffer = b""
    for (data,) in store.conn.execute("SELECT data FROM attachment_chunks WHERE sha256 = ? "
                                      "ORDER BY idx", (sha256,)):
        buffer += bytes(data)
        while len(buffer) >= CHUNK_SIZE:
            yield buffer[:CHUNK_SIZE]
            buffer = buffer[CHUNK_SIZE:]
    if buffer:
        yield buffer


def _fitting(batch: list[Change]) -> tuple[list[Change], bytes]:
    """The longest head of the batch whose body HQ reads, and that body: 2,000 long
    interview notes may pass HQ's bound, and a batch refused for its size would be sent
    again, and refused again, at every sync."""
    while True:
        body = PushBatch(changes=batch).model_dump_json().encode()
        if len(body) <= MAX_PUSH_BODY or len(batch) == 1:
            return batch, body
        batch = batch[:len(batch) // 2]
