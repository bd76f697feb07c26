"""The HQ store: devices and enrolment, every change exactly once, the per-mission feed
that pulls read, and attachment chunks. Same behaviour on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import secrets
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic_core import from_json

from app.domain import Role
from app.domain.records import DelegationMember, Record, User
from app.errors import HervestError
from app.ids import new_id
from app.services.change_rules import Writer, refusal
from app.store.codec import SqlValue, canonical_json, codec_for
from app.store.hlc import HybridClock, Timestamp
from app.store.merge import upgrade, validate
from app.store.unit_of_work import Change
from sync.protocol import MAX_PAGE_FIELDS
from sync.server import migrations
from sync.server.db import Database
from sync.server.scope import (
    EVERYONE,
    HQ_ROLES,
    PARENT,
    Scope,
    readable_resources,
    redact,
    scope_of,
)
from sync.signing import WINDOW_S

ENROLMENT_TTL = dt.timedelta(days=7)
MAX_REASON = 200  # characters of a refusal's reason kept
MAX_UNVERIFIED = 1 << 30  # bytes one device may hold at HQ in uploads not yet complete
_COLUMNS = "device_id, seq, hlc, entity, row_id, op, fields, user_id, schema_version"


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class BlobRefused(HervestError):
    """An attachment chunk or `complete` HQ does not accept; `status` is the HTTP answer."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__("sync.attachment_refused", reason=reason)
        self.status, self.reason = status, reason


class WriteRefused(HervestError):
    """A pushed or imported change its user may not make: the whole batch is refused."""

    def __init__(self, reason: str) -> None:
        super().__init__("sync.write_refused", reason=reason)
        self.reason = reason


@dataclass(frozen=True)
class Device:
    device_id: str
    public_key: str
    label: str
    user_name: str
    role: Role
    missions: list[str]
    enrolled_at: str
    revoked_at: str | None
    head: int

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


class ServerStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.migrate()
        self.server_id = self._meta("server_id") or self._init_identity()

    # -- schema ------------------------------------------------------------------------
    def migrate(self) -> None:
        with self.db.transaction():
            self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = self.db.one("SELECT version FROM schema_version")
            found = row[0] if row else 0
            if found > migrations.LATEST:
                raise HervestError("hq.newer_store", found=found, known=migrations.LATEST)
            for step in range(found + 1, migrations.LATEST + 1):
                for statement in migrations.statements(step, self.db.dialect):
                    self.db.execute(statement)
            if found < migrations.LATEST:
                self.db.execute("DELETE FROM schema_version")
                self.db.execute("INSERT INTO schema_version VALUES (?)", (migrations.LATEST,))

    def _init_identity(self) -> str:
        with self.db.transaction():
            self.db.execute("INSERT INTO meta (key, value) VALUES ('server_id', ?) "
                            "ON CONFLICT (key) DO NOTHING", (new_id(),))
        return self._meta("server_id") or ""

    def _meta(self, key: str) -> str | None:
        row = self.db.one("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                        "DO UPDATE SET value = excluded.value", (key, value))

    def close(self) -> None:
        self.db.close()

    # -- devices -----------------------------------------------------------------------
    def create_enrolment(self, user_name: str, label: str, missions: Sequence[str] = ()) -> str:
        """A one-time token for one laptop of `user_name`; only its hash is kept."""
        if self._user_named(user_name) is None:
            raise HervestError("hq.unknown_user", name=user_name)
        token = secrets.token_urlsafe(24)
        expires = (dt.datetime.now(dt.UTC) + ENROLMENT_TTL).isoformat(timespec="seconds")
        with self.db.transaction():
            self.db.execute("INSERT INTO enrolments (token_hash, label, user_name, missions, "
                            "expires_at) VALUES (?,?,?,?,?)",
                            (_hash(token), label, user_name, json.dumps(list(missions)),
                             expires))
        return token

    def enrol(self, token: str, device_id: str, public_key: str, head: int = 0) -> Device:
        """Register a laptop's key with a token; None of it happens twice."""
        with self.db.transaction():
            row = self.db.one("SELECT label, user_name, missions, expires_at, used_by FROM "
                              "enrolments WHERE token_hash = ?", (_hash(token),))
            reason = self._enrol_refusal(row, device_id)
            if row is not None and reason is None:
                user = self._user_named(row[1])
                role = user[1] if user else Role.IND.value
                self.db.execute("UPDATE enrolments SET used_by = ? WHERE token_hash = ?",
                                (device_id, _hash(token)))
                self.db.execute("INSERT INTO devices (device_id, public_key, label, "
                                "user_name, role, missions, enrolled_at, head) VALUES "
                                "(?,?,?,?,?,?,?,0)", (device_id, public_key, row[0], row[1],
                                                      role, row[2], utc_now()))
        if reason is not None:  # in a transaction of its own: the refusal outlives it
            self.record_refused(device_id, f"enrolment: {reason}")
            raise PermissionError(reason)
        device = self.get_device(device_id)
        assert device is not None
        return device

    def _enrol_refusal(self, row: Sequence[str] | None, device_id: str) -> str | None:
        if row is None:
            return "unknown enrolment code"
        if row[4] is not None:
            return "enrolment code already used"
        if row[3] < utc_now():
            return "enrolment code expired"
        if self.db.one("SELECT 1 FROM devices WHERE device_id = ?", (device_id,)):
            return "device already enrolled"
        return None

    def get_device(self, device_id: str) -> Device | None:
        row = self.db.one("SELECT device_id, public_key, label, user_name, role, missions, "
                          "enrolled_at, revoked_at, head FROM devices WHERE device_id = ?",
                          (device_id,))
        if row is None:
            return None
        return Device(row[0], row[1], row[2], row[3], Role(row[4]), json.loads(row[5]),
                      row[6], row[7], row[8])

    def list_devices(self) -> list[Device]:
        ids = [r[0] for r in self.db.all("SELECT device_id FROM devices ORDER BY enrolled_at")]
        return [d for d in map(self.get_device, ids) if d is not None]

    def revoke(self, device_id: str) -> None:
        with self.db.transaction():
            if self.db.one("SELECT 1 FROM devices WHERE device_id = ?", (device_id,)) is None:
                raise HervestError("hq.unknown_device", device=device_id)
            self.db.execute("UPDATE devices SET revoked_at = ? WHERE device_id = ? AND "
                            "revoked_at IS NULL", (utc_now(), device_id))

    def record_refused(self, device_id: str | None, reason: str) -> None:
        with self.db.transaction():
            self._refuse(device_id, reason)

    def _refuse(self, device_id: str | None, reason: str) -> None:
        """Count the refusal in its device's, reason's and hour's row. An id HQ does not
        know is kept as None: its sender chose it, and each would be a new row."""
        if device_id is not None and self.get_device(device_id) is None:
            device_id = None
        reason = reason[:MAX_REASON]
        hour = dt.datetime.now(dt.UTC).replace(minute=0, second=0).isoformat(
            timespec="seconds")
        if self.db.one("UPDATE refusals SET count = count + 1 WHERE reason = ? AND at = ? "
                       "AND COALESCE(device_id, '') = ? RETURNING 1",
                       (reason, hour, device_id or "")) is None:
            self.db.execute("INSERT INTO refusals (device_id, reason, at) VALUES (?,?,?)",
                            (device_id, reason, hour))

    def refusals(self, device_id: str | None = None
                 ) -> list[tuple[str | None, str, str, int]]:
        """(device, reason, hour, how many times) of the refusals."""
        sql = "SELECT device_id, reason, at, count FROM refusals"
        params: tuple[str, ...] = ()
        if device_id is not None:
            sql, params = sql + " WHERE device_id = ?", (device_id,)
        return [tuple(r) for r in self.db.all(sql + " ORDER BY id", params)]  # type: ignore[misc]

    def use_nonce(self, device_id: str, nonce: str) -> bool:
        """False if this nonce was seen inside the signing window (a replay)."""
        now = int(time.time())
        with self.db.transaction():
            self.db.execute("DELETE FROM nonces WHERE seen_at < ?", (now - 2 * WINDOW_S,))
            row = self.db.one("INSERT INTO nonces (device_id, nonce, seen_at) VALUES (?,?,?) "
                              "ON CONFLICT DO NOTHING RETURNING 1", (device_id, nonce, now))
        return row is not None

    # -- users known to HQ ---------------------------------------------------------------
    def _user_named(self, name: str) -> tuple[str, str] | None:
        found = self._users_named(name)
        return (found[0][0], found[0][1]) if found else None

    def _users_named(self, name: str) -> list[tuple[str, str, bool]]:
        """(id, role, active) of the users of this name, the one HQ made first: a laptop
        registers its own user under an id of its own (Store.create), a copy of HQ's."""
        return [(r[0], r[1], bool(r[2])) for r in self.db.all(
            "SELECT h.user_id, h.role, h.active FROM hq_users h LEFT JOIN changes c ON "
            "c.entity = 'users' AND c.row_id = h.user_id AND c.op = 'insert' AND "
            "c.device_id = ? WHERE h.name = ? ORDER BY (c.server_seq IS NULL), h.user_id",
            (self.server_id, name))]

    def add_user(self, name: str, role: Role, display_name: str = "",
                 missions: Sequence[str] = ()) -> User:
        """A user made at HQ: reaches every laptop on pull, and the delegations' missions."""
        if self._user_named(name) is not None:
            raise HervestError("user.exists", name=name)
        user = User(name=name, display_name=display_name or name, role=Role(role))
        records: list[Record] = [user]
        records += [DelegationMember(mission_id=m, user_id=user.id, mission_role=user.role)
                    for m in missions]
        self.write_records(records)
        return user

    def set_role(self, name: str, role: Role) -> None:
        """A new role for a user: laptops apply it on pull, like any edit."""
        self._write_own([(User.ENTITY, self._known_user(name), "update",
                          {"role": Role(role).value})])

    def remove_user(self, name: str) -> None:
        """Deactivate a user everywhere. Not a delete: the records they wrote keep naming
        them, and a laptop refuses an inactive user every action (app.services.access)."""
        active = codec_for(User).encode_value("active", False)
        self._write_own([(User.ENTITY, self._known_user(name), "update", {"active": active})])

    def _known_user(self, name: str) -> str:
        found = self._user_named(name)
        if found is None:
            raise HervestError("hq.unknown_user", name=name)
        return found[0]

    def users(self) -> list[tuple[str, str, str, bool]]:
        return [(r[0], r[1], r[2], bool(r[3])) for r in self.db.all(
            "SELECT user_id, name, role, active FROM hq_users ORDER BY name")]

    def write_records(self, records: Iterable[Record]) -> None:
        """Inserts made by HQ itself, as changes of the server's own origin."""
        items = []
        for record in records:
            fields = codec_for(type(record)).to_fields(record)
            del fields["id"]
            items.append((record.ENTITY, record.id, "insert", fields))
        self._write_own(items)

    def _write_own(self, items: Iterable[tuple[str, str, str, dict[str, SqlValue]]]) -> None:
        """(entity, row id, op, fields) as changes of the server's own origin."""
        with self.db.transaction():
            row = self.db.one("SELECT MAX(seq) FROM changes WHERE device_id = ?",
                              (self.server_id,))
            seq = (row[0] or 0) if row else 0
            last = self._meta("hlc_last")
            clock = HybridClock(self.server_id, Timestamp.decode(last) if last else None)
            for entity, row_id, op, fields in items:
                seq += 1
                self._insert(Change(self.server_id, seq, clock.now().encode(), entity, row_id,
                                    op, fields, None))
            self._set_meta("hlc_last", clock.last.encode())

    # -- changes -----------------------------------------------------------------------
    def apply_push(self, device_id: str, changes: list[Change]) -> int:
        """Apply each (device_id, seq) exactly once, the batch all or nothing; returns the
        highest contiguous seq of the device that HQ holds. The one way in of a laptop's
        changes (sync push, bundle import): each new one is checked here as a record
        (HervestError, 422) and as a write its user may make (WriteRefused, 403)."""
        try:
            with self.db.transaction():
                writer = self._writer(device_id)
                for change in changes:
                    if change.device_id != device_id:
                        raise ValueError("a device pushes only its own changes")
                    change = upgrade(change)
                    if not self._held(change):
                        validate(change)
                        writer = self._check_write(writer, change)
                    self._insert(change)
                return self._advance_head(device_id)
        except HervestError as refused:  # after the rollback: the refusal outlives it
            self.record_refused(device_id, refused.reason if isinstance(
                refused, WriteRefused) else refused.message("en"))
            raise

    def _writer(self, device_id: str) -> Writer:
        """The device's user as HQ knows them now: HQ's role, not the one enrolled with."""
        device = self.get_device(device_id)
        users = self._users_named(device.user_name) if device else []
        if device is None or not users:
            raise WriteRefused(f"device {device_id} has no user HQ knows")
        _, role, active = users[0]
        writer = Writer(device.user_name, Role(role), active, frozenset(u[0] for u in users),
                        None)
        missions = None if writer.role in HQ_ROLES else self.missions_of(device)
        return dataclasses.replace(writer, missions=missions)

    def _copies_known_user(self, change: Change) -> bool:
        """A laptop's record of one of its accounts (its admin, a delegate it holds a key
        slot for), inserted by whoever set the laptop up: accepted only as a copy of a user
        HQ registered, with HQ's role and state, so it tells HQ nothing new and raises no
        one. An account HQ does not know is refused: HQ knows who can unlock its laptops."""
        fields = change.fields
        if change.entity != "users" or change.op != "insert":
            return False
        found = self._users_named(str(fields.get("name", "")))
        return bool(found) and found[0][1] == fields.get("role") and \
            found[0][2] == bool(fields.get("active", 1))

    def _held(self, change: Change) -> bool:
        """Already applied (a batch sent again): judged when it came, not again now."""
        return self.db.one("SELECT 1 FROM changes WHERE device_id = ? AND seq = ?",
                           (change.device_id, change.seq)) is not None

    def _check_write(self, writer: Writer, change: Change) -> Writer:
        """Refuse (WriteRefused, 403) a write the user may not make, and (HervestError,
        422) a record no replica could apply: a reference to a row HQ has never seen.
        Returns the writer, with the id of a laptop's own user once it registered it."""
        if self._copies_known_user(change):
            if change.fields.get("name") != writer.name:
                return writer
            return dataclasses.replace(writer, user_ids=writer.user_ids | {change.row_id})
        known = self._scope(change.entity, change.row_id)
        scope = scope_of(change, self._scope)
        missions = {scope.mission_id, *([known.mission_id] if known else [])}
        reason = refusal(writer, change, known.resource if known else None, missions)
        if reason is not None:
            raise WriteRefused(reason)
        if change.entity in PARENT and change.op != "delete":
            parent, field = PARENT[change.entity]
            value = change.fields.get(field)
            if value is not None and self._scope(parent, str(value)) is None:
                raise HervestError("merge.bad_change", device=change.device_id,
                                   seq=change.seq, detail=f"{field}: no such {parent}")
        if change.entity == "users" and change.user_id not in writer.user_ids:
            return dataclasses.replace(writer, user_ids=writer.user_ids | {change.row_id})
        return writer

    def _insert(self, change: Change) -> None:
        row = self.db.one(
            f"INSERT INTO changes ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT (device_id, seq) DO NOTHING RETURNING server_seq",
            (change.device_id, change.seq, change.hlc, change.entity, change.row_id,
             change.op, canonical_json(change.fields), change.user_id, change.schema_version))
        if row is not None:
            self._index(change, row[0])

    def _index(self, change: Change, server_seq: int) -> None:
        known = self._scope(change.entity, change.row_id)
        scope = scope_of(change, self._scope)
        if known != scope:
            self.db.execute(
                "INSERT INTO scopes (entity, row_id, case_id, mission_id, resource, sha256) "
                "VALUES (?,?,?,?,?,?) ON CONFLICT (entity, row_id) DO UPDATE SET "
                "case_id = excluded.case_id, mission_id = excluded.mission_id, "
                "resource = excluded.resource, sha256 = excluded.sha256",
                (change.entity, change.row_id, *scope))
        if (change.entity == "cases" and known is not None
                and known.mission_id != scope.mission_id):
            self._hand_over_case(change.row_id, scope.mission_id)
        self.db.execute("INSERT INTO feed (server_seq, mission_id, resource) VALUES (?,?,?)",
                        (server_seq, scope.mission_id, scope.resource))
        if change.entity == "users" and change.op != "delete":
            self._keep_user(change)
        elif change.entity == "delegation_members" and change.op == "insert":
            self.db.execute("INSERT INTO delegations (member_id, mission_id, user_id) "
                            "VALUES (?,?,?) ON CONFLICT DO NOTHING",
                            (change.row_id, change.fields.get("mission_id"),
                             change.fields.get("user_id")))

    def _hand_over_case(self, case_id: str, mission_id: str) -> None:
        """A case (re)assigned to a mission: its whole history joins that mission's feed."""
        self.db.execute("UPDATE scopes SET mission_id = ? WHERE case_id = ?",
                        (mission_id, case_id))
        self.db.execute(
            "INSERT INTO feed (server_seq, mission_id, resource) SELECT c.server_seq, ?, "
            "s.resource FROM changes c JOIN scopes s ON s.entity = c.entity AND "
            "s.row_id = c.row_id WHERE s.case_id = ? ORDER BY c.server_seq",
            (mission_id, case_id))

    def _keep_user(self, change: Change) -> None:
        old = self.db.one("SELECT name, role, active FROM hq_users WHERE user_id = ?",
                          (change.row_id,))
        name = change.fields.get("name", old[0] if old else "")
        role = change.fields.get("role", old[1] if old else Role.IND.value)
        active = int(bool(change.fields.get("active", old[2] if old else 1)))
        self.db.execute("INSERT INTO hq_users (user_id, name, role, active) VALUES (?,?,?,?) "
                        "ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, "
                        "role = excluded.role, active = excluded.active",
                        (change.row_id, name, role, active))

    def _scope(self, entity: str, row_id: str) -> Scope | None:
        row = self.db.one("SELECT case_id, mission_id, resource, sha256 FROM scopes "
                          "WHERE entity = ? AND row_id = ?", (entity, row_id))
        return Scope(*row) if row else None

    def _advance_head(self, device_id: str) -> int:
        row = self.db.one("SELECT head FROM devices WHERE device_id = ?", (device_id,))
        head = row[0] if row else 0
        for (seq,) in self.db.all("SELECT seq FROM changes WHERE device_id = ? AND seq > ? "
                                  "ORDER BY seq", (device_id, head)):
            if seq != head + 1:
                break
            head = seq
        self.db.execute("UPDATE devices SET head = ? WHERE device_id = ?", (head, device_id))
        return head

    def head(self, device_id: str) -> int:
        row = self.db.one("SELECT MAX(seq) FROM changes WHERE device_id = ?", (device_id,))
        return (row[0] or 0) if row else 0

    def missions_of(self, device: Device) -> list[str] | None:
        """The missions a device sees; None: all of them (HQ roles)."""
        if device.role in HQ_ROLES:
            return None
        user = self._user_named(device.user_name)
        delegated = [r[0] for r in self.db.all(
            "SELECT mission_id FROM delegations WHERE user_id = ?", (user[0] if user else "",))]
        return sorted({EVERYONE, *device.missions, *delegated})

    def pull(self, device: Device, cursor: int, limit: int
             ) -> tuple[list[Change], list[int], int, bool]:
        """Changes after `cursor` that the device's user may see, and the next cursor."""
        top = (self.db.one("SELECT MAX(feed_seq) FROM feed") or (0,))[0] or 0
        resources = readable_resources(device.role)
        missions = self.missions_of(device)
        where = [f"f.resource IN ({', '.join('?' * len(resources))})"]
        params: list[object] = [cursor, top, device.device_id, *resources]
        if missions is not None:
            where.append(f"f.mission_id IN ({', '.join('?' * len(missions))})")
            params += missions
        rows = self.db.all(
            f"SELECT f.feed_seq, c.server_seq, f.resource, {_columns('c')} FROM feed f "
            "JOIN changes c ON c.server_seq = f.server_seq WHERE f.feed_seq > ? AND "
            f"f.feed_seq <= ? AND c.device_id <> ? AND {' AND '.join(where)} "
            f"ORDER BY f.feed_seq LIMIT {int(limit)}", params)
        more = len(rows) == limit
        size = 0
        for n, row in enumerate(rows):  # a page the laptop reads: long notes make it short
            size += len(row[9])
            if size > MAX_PAGE_FIELDS and n > 0:
                rows, more = rows[:n], True
                break
        changes = [redact(_change(r[3:]), r[2], device.role) for r in rows]
        next_cursor = rows[-1][0] if more else max(top, cursor)
        return changes, [r[1] for r in rows], next_cursor, more

    def all_changes(self) -> list[Change]:
        return [_change(r) for r in self.db.all(
            f"SELECT {_COLUMNS} FROM changes ORDER BY server_seq")]

    # -- attachments -------------------------------------------------------------------
    # Chunks are write-once and belong to the blob's uploader, the device that sent its
    # first chunk: no other device can replace or delete them, and a complete blob (one in
    # blob_meta, verified against its hash) is never touched again.
    def may_upload_blob(self, device: Device, sha256: str) -> bool:
        """Need-to-know for uploads: only a blob an attachments row in the device's own
        scope names, so a device cannot use HQ as a file store for anything else."""
        return self.db.one("SELECT 1 FROM scopes WHERE sha256 = ? AND entity = "
                           "'attachments' LIMIT 1", (sha256,)) is not None \
            and self.may_read_blob(device, sha256)

    def put_chunk(self, device_id: str, sha256: str, idx: int, data: bytes) -> bool:
        """Store one chunk; False if the blob is complete already (nothing is stored).
        An identical re-send is a no-op; raises BlobRefused for another device's blob, a
        different chunk where one is stored, or more than MAX_UNVERIFIED bytes held."""
        with self.db.transaction():
            if self.db.one("SELECT 1 FROM blob_meta WHERE sha256 = ?", (sha256,)):
                return False
            owner = self.blob_uploader(sha256)
            stored = self.db.one("SELECT data FROM blobs WHERE sha256 = ? AND idx = ?",
                                 (sha256, idx))
            if owner not in (None, device_id):
                refusal = BlobRefused(403, "another device is uploading this attachment")
            elif stored is not None:
                if bytes(stored[0]) == data:
                    return True
                refusal = BlobRefused(409, "a different chunk is stored here already")
            elif self._unverified(device_id) + len(data) > MAX_UNVERIFIED:
                refusal = BlobRefused(413, f"more than {MAX_UNVERIFIED} bytes unverified")
            else:
                self.db.execute("INSERT INTO blob_uploads (sha256, device_id, started_at) "
                                "VALUES (?,?,?) ON CONFLICT DO NOTHING",
                                (sha256, device_id, utc_now()))
                self.db.execute("INSERT INTO blobs (sha256, idx, data) VALUES (?,?,?)",
                                (sha256, idx, data))
                self.db.execute("UPDATE blob_uploads SET stored = stored + ? WHERE "
                                "sha256 = ?", (len(data), sha256))
                return True
        # Recorded after the transaction: a refusal must outlive what it refused.
        self.record_refused(device_id, f"attachment {sha256[:12]} chunk {idx}: "
                                       f"{refusal.reason}")
        raise refusal

    def _unverified(self, device_id: str) -> int:
        row = self.db.one("SELECT COALESCE(SUM(u.stored), 0) FROM blob_uploads u WHERE "
                          "u.device_id = ? AND NOT EXISTS (SELECT 1 FROM blob_meta m "
                          "WHERE m.sha256 = u.sha256)", (device_id,))
        return int(row[0]) if row else 0

    def blob_status(self, sha256: str) -> tuple[int | None, list[int]]:
        meta = self.db.one("SELECT size FROM blob_meta WHERE sha256 = ?", (sha256,))
        have = [r[0] for r in self.db.all("SELECT idx FROM blobs WHERE sha256 = ? "
                                          "ORDER BY idx", (sha256,))]
        return (meta[0] if meta else None), have

    def blob_uploader(self, sha256: str) -> str | None:
        row = self.db.one("SELECT device_id FROM blob_uploads WHERE sha256 = ?", (sha256,))
        return row[0] if row else None

    def complete_blob(self, device_id: str, sha256: str, size: int) -> bool:
        """Verify the stored chunks against the hash, read again under the writers' lock.
        A match makes the blob complete; a mismatch drops the uploader's unverified chunks
        (a complete blob, or another device's upload, is never touched)."""
        with self.db.transaction():
            if self.db.one("SELECT 1 FROM blob_meta WHERE sha256 = ?", (sha256,)):
                return True
            owner = self.blob_uploader(sha256)
            if owner == device_id:
                if self._stored_digest(sha256) == (sha256, size):
                    self.db.execute("INSERT INTO blob_meta (sha256, size) VALUES (?, ?)",
                                    (sha256, size))
                    return True
                self.db.execute("DELETE FROM blobs WHERE sha256 = ?", (sha256,))
                self.db.execute("DELETE FROM blob_uploads WHERE sha256 = ?", (sha256,))
            if owner in (None, device_id):
                return False
        refusal = BlobRefused(403, "not this device's upload")
        self.record_refused(device_id, f"attachment {sha256[:12]} complete: {refusal.reason}")
        raise refusal

    def _stored_digest(self, sha256: str) -> tuple[str, int]:
        """Hash and size of the chunks 0, 1, 2, ... as stored (a gap matches nothing)."""
        digest, total, expected = hashlib.sha256(), 0, 0
        for idx, data in self.db.all("SELECT idx, data FROM blobs WHERE sha256 = ? "
                                     "ORDER BY idx", (sha256,)):
            if idx != expected:
                return "", -1
            digest.update(data)
            total, expected = total + len(data), expected + 1
        return digest.hexdigest(), total

    def get_chunk(self, sha256: str, idx: int) -> bytes | None:
        row = self.db.one("SELECT b.data FROM blobs b JOIN blob_meta m ON m.sha256 = b.sha256 "
                          "WHERE b.sha256 = ? AND b.idx = ?", (sha256, idx))
        return bytes(row[0]) if row else None

    def may_read_blob(self, device: Device, sha256: str) -> bool:
        missions = self.missions_of(device)
        resources = readable_resources(device.role)
        if "attachments" not in resources:
            return False
        if missions is None:
            return True
        return self.db.one(
            f"SELECT 1 FROM scopes WHERE sha256 = ? AND entity = 'attachments' AND "
            f"mission_id IN ({', '.join('?' * len(missions))}) LIMIT 1",
            (sha256, *missions)) is not None


def _columns(alias: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in _COLUMNS.split(","))


def _change(row: Sequence[object]) -> Change:
    d, s, h, e, r, op, f, u, v = row
    # pydantic's JSON parser: a third of json.loads' time, for every change a pull sends.
    return Change(str(d), int(s), str(h), str(e), str(r), str(op),  # type: ignore[call-overload]
                  from_json(str(f)), u, int(v))  # type: ignore[arg-type, call-overload]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_server_store(url: str, keys: Path | None = None) -> ServerStore:
    """`sqlite:///path/to/hq.db` (encrypted with the key in the HQ keys folder `keys`) or
    `postgresql://user@host/db`."""
    return ServerStore(Database(url, keys))
