"""The hash-chained audit log. Each entry's hash covers the previous hash and the entry,
and the head (last seq and hash) is kept in `meta`, so editing, deleting or appending
around the write path breaks the chain and `hervest check` names the first broken link."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from app.store import sql
from app.store.codec import canonical_json

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    user_id: str | None
    device_id: str
    action: str
    entity: str | None
    row_id: str | None
    change_device: str | None
    change_seq: int | None
    detail: str  # canonical JSON

    def digest(self, prev_hash: str) -> str:
        body = canonical_json([self.seq, self.at, self.user_id, self.device_id, self.action,
                               self.entity, self.row_id, self.change_device, self.change_seq,
                               self.detail])
        return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class AuditLog:
    """Appends entries inside the caller's transaction and keeps the head in memory."""

    def __init__(self, conn: sql.Connection) -> None:
        self._conn = conn
        self.reload()

    def reload(self) -> None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
        head = json.loads(row[0]) if row else {"seq": 0, "hash": GENESIS}
        self.seq, self.hash = int(head["seq"]), str(head["hash"])

    def append(self, *, user_id: str | None, device_id: str, action: str,
               entity: str | None = None, row_id: str | None = None,
               change_device: str | None = None, change_seq: int | None = None,
               detail: dict[str, Any] | None = None) -> AuditEntry:
        entry = AuditEntry(self.seq + 1, utc_now(), user_id, device_id, action, entity, row_id,
                           change_device, change_seq, canonical_json(detail or {}))
        digest = entry.digest(self.hash)
        self._conn.execute(
            "INSERT INTO audit_log (seq, at, user_id, device_id, action, entity, row_id, "
            "change_device, change_seq, detail, prev_hash, hash) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (entry.seq, entry.at, user_id, device_id, action, entity, row_id, change_device,
             change_seq, entry.detail, self.hash, digest))
        self.seq, self.hash = entry.seq, digest
        return entry

    def write_head(self) -> None:
        self._conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                           (HEAD_KEY, json.dumps({"seq": self.seq, "hash": self.hash})))


def verify(conn: sql.Connection) -> tuple[int, str] | None:
    """The first broken link as (seq, reason), or None when the chain is whole."""
    prev, expected_seq = GENESIS, 1
    for row in conn.execute(
        "SELECT seq, at, user_id, device_id, action, entity, row_id, change_device, change_seq, "
        "detail, prev_hash, hash FROM audit_log ORDER BY seq"):
        entry = AuditEntry(*row[:10])
        if entry.seq != expected_seq:
            return expected_seq, "entry missing"
        if row[10] != prev:
            return entry.seq, "previous hash does not match"
        if entry.digest(prev) != row[11]:
            return entry.seq, "entry was altered"
        prev, expected_seq = row[11], expected_seq + 1
    head = conn.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    last = {"seq": expected_seq - 1, "hash": prev}
    if head is None:
        return (expected_seq, "head missing") if last["seq"] else None
    if json.loads(head[0]) != last:
        return expected_seq, "entries after the last one were removed"
    return None
