"""Opening, creating and reading the encrypted mission database.

The database is one SQLCipher 4 file keyed with a random 256-bit raw key (no per-open
KDF: the passphrase work happens once, in the key slot). Pragmas follow SQLCipher's advice
for data at rest: temp data in memory, memory wiped, deleted content overwritten; WAL is
checkpointed (TRUNCATE) on close so old pages do not linger."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from app.atomic import write_atomic
from app.domain.enums import Role
from app.domain.records import Record, User
from app.errors import HervestError, StoreError
from app.ids import new_id
from app.store import guards, search, sql
from app.store.audit import AuditLog
from app.store.codec import SqlValue, codec_for
from app.store.hlc import HybridClock, Timestamp
from app.store.keyslots import KdfParams, KeyFile
from app.store.migrations import migrate, refuse_newer, schema_version
from app.store.throttle import Throttle
from app.store.unit_of_work import UnitOfWork, translate

R = TypeVar("R", bound=Record)
MIN_PASSPHRASE = 10
# Who manages users and key slots: app/services/access.py RULES["users"] (write), kept
# here because the store cannot import the services; tests/security/test_user_admin.py
# keeps the two equal.
USER_MANAGERS = frozenset({Role.ADMIN})


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise HervestError("passphrase.too_short", n=MIN_PASSPHRASE)


class Store:
    """An open, unlocked mission database and the user who unlocked it."""

    def __init__(self, path: Path, opened: tuple[sql.Connection, WriteGate], db_key: bytes,
                 keyfile: KeyFile, user: User | None) -> None:
        self.path = Path(path)
        self.conn, self._gate = opened
        self.keyfile = keyfile
        self._db_key = db_key
        self.user = user
        self._system = False  # see system_writer
        self._lock = threading.RLock()
        self.device_id = self.meta("device_id") or ""
        self.clock = HybridClock(self.device_id, self._last_hlc())
        self.audit_log = AuditLog(self.conn)
        self._next_seq = self._load_next_seq()

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, user_name: str, role: Role, passphrase: str, *,
               display_name: str = "", kdf: KdfParams | None = None,
               recovery_public: X25519PublicKey | None = None) -> Store:
        path = Path(path)
        if path.exists() or KeyFile.path_for(path).exists():
            raise StoreError("store.exists", path=str(path))
        check_passphrase(passphrase)
        path.parent.mkdir(parents=True, exist_ok=True)
        db_key = os.urandom(32)
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))  # private from birth
        keyfile = KeyFile.new(path)
        user = User(name=user_name, display_name=display_name or user_name, role=Role(role))
        keyfile.set_user(user.id, user_name, passphrase, db_key, kdf)
        if recovery_public is not None:
            keyfile.set_recovery(recovery_public, db_key)
        opened = _connect(path, db_key)
        conn = opened[0]
        try:
            migrate(conn, None)
            search.ensure_current(conn)
            guards.install(conn)
            conn.execute("BEGIN IMMEDIATE")
            device_key = Ed25519PrivateKey.generate().private_bytes_raw().hex()
            for key, value in (("device_id", new_id()), ("device_signing_key", device_key),
                               ("db_id", keyfile.db_id)):
                conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))
            conn.execute("COMMIT")
        except BaseException:
            conn.close()
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
            raise
        keyfile.save()  # only once the database exists: never a key file without data
        store = cls(path, opened, db_key, keyfile, None)
        with store.system_writer(), store.write() as uow:
            uow.insert(user)  # the first user, before there is a user to write it
        store.user = user
        return store

    @classmethod
    def open(cls, path: Path, user_name: str, passphrase: str) -> Store:
        path = Path(path)
        if not path.exists():
            raise StoreError("store.missing", path=str(path))
        keyfile = KeyFile.load(path)
        (db_key, user_id), failures = Throttle(path).attempt(
            lambda: keyfile.unwrap_user(user_name, passphrase))
        keyfile, db_key = _finish_rekey(path, keyfile, db_key, user_name, passphrase)
        store = cls.open_with_key(path, db_key, keyfile=keyfile)
        store.user = store.find(User, user_id)
        if store.user is None or store.user.name.casefold() != user_name.casefold():
            # The slot's user id is outside its MAC: a slot edited to name another user
            # (another role, another name in the audit log) must not open as them.
            store.close()
            raise StoreError("store.keyfile_damaged", path=str(path), detail="user id")
        with contextlib.suppress(StoreError), store.write() as uow:
            uow.audit("unlock", {"failed_attempts_before": failures})
        return store

    @classmethod
    def open_recovery(cls, path: Path, hq_private: X25519PrivateKey) -> Store:
        """HQ opens a returned laptop's database with the recovery key."""
        keyfile = KeyFile.load(path)
        return cls.open_with_key(path, keyfile.unwrap_recovery(hq_private), keyfile=keyfile)

    @classmethod
    def open_with_key(cls, path: Path, db_key: bytes, *, keyfile: KeyFile | None = None,
                      upgrade: bool = True) -> Store:
        path = Path(path)
        keyfile = keyfile or KeyFile.load(path)
        opened = _connect(path, db_key)
        conn = opened[0]
        try:
            if upgrade:
                migrate(conn, path)
                search.ensure_current(conn)
            else:
                refuse_newer(conn)
            guards.install(conn)
        except sql.DatabaseError as error:
            conn.close()
            if "malformed" in str(error):  # a page failed its MAC or its structure check
                raise StoreError("store.not_hervest", path=str(path)) from None
            raise
        except BaseException:
            conn.close()
            raise
        return cls(path, opened, db_key, keyfile, None)

    def clone(self) -> Store:
        """Another connection to the same database for a worker thread (same user)."""
        other = Store.open_with_key(self.path, self._db_key, keyfile=self.keyfile, upgrade=False)
        other.user = self.user
        return other

    def close(self) -> None:
        with contextlib.suppress(sql.Error):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()
        self._db_key = b""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- identity -----------------------------------------------------------------------
    @property
    def user_id(self) -> str | None:
        return self.user.id if self.user else None

    @property
    def schema_version(self) -> int:
        return schema_version(self.conn)

    def device_signing_key(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(self.meta("device_signing_key")))

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Local, unsynced settings of this database (sync cursor, enrolment, ...)."""
        with self._lock:
            self._execute_write("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                                (key, value))

    # -- writing ------------------------------------------------------------------------
    def write(self) -> UnitOfWork:
        return UnitOfWork(self)

    @contextlib.contextmanager
    def system_writer(self) -> Iterator[None]:
        """Local writes made by the program, not by the unlocked user's role: the store's
        own first user row and the demo generator's fictional data of every role. No
        setting or option reaches it; every other local change meets the write rules."""
        self._system = True
        try:
            yield
        finally:
            self._system = False

    def _begin_write(self) -> None:
        self._lock.acquire()
        if self._gate.active:
            self._lock.release()
            raise RuntimeError("units of work do not nest")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sql.Error as error:
            self._lock.release()
            raise translate(error) from error
        self._gate.active = 1

    def _finish_write(self) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('hlc_last', ?)",
                          (self.clock.last.encode(),))
        self.audit_log.write_head()
        self.conn.execute("COMMIT")
        self._gate.active = 0
        self._lock.release()

    def _abort_write(self) -> None:
        with contextlib.suppress(sql.Error):
            self.conn.execute("ROLLBACK")
        self._gate.active = 0
        # What the failed transaction advanced in memory goes back to what is on disk.
        self.audit_log.reload()
        self._next_seq = self._load_next_seq()
        self._lock.release()

    def _execute_write(self, statement: str, params: Sequence[SqlValue]) -> None:
        try:
            self.conn.execute(statement, params)
        except sql.Error as error:
            raise translate(error) from error

    def _load_next_seq(self) -> int:
        row = self.conn.execute("SELECT MAX(seq) FROM changes WHERE device_id = ?",
                                (self.device_id,)).fetchone()
        return (row[0] or 0) + 1

    def _last_hlc(self) -> Timestamp | None:
        text = self.meta("hlc_last")
        return Timestamp.decode(text) if text else None

    # -- reading ------------------------------------------------------------------------
    def get(self, cls: type[R], record_id: str) -> R:
        found = self.find(cls, record_id)
        if found is None:
            raise HervestError("record.missing", entity=cls.ENTITY)
        return found

    def find(self, cls: type[R], record_id: str) -> R | None:
        rows = self.select(cls, "id = ?", (record_id,))
        return rows[0] if rows else None

    def select(self, cls: type[R], where: str = "", params: Sequence[SqlValue] = (),
               order_by: str = "", limit: int | None = None) -> list[R]:
        codec = codec_for(cls)
        sql = f"SELECT {', '.join(codec.columns)} FROM {codec.table}"
        if where:
            sql += f" WHERE {where}"
        if order_by:
            sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [codec.from_row(r) for r in self.conn.execute(sql, tuple(params))]  # type: ignore[misc]

    def count(self, cls: type[Record], where: str = "", params: Sequence[SqlValue] = ()) -> int:
        sql = f"SELECT COUNT(*) FROM {cls.ENTITY}" + (f" WHERE {where}" if where else "")
        return self.conn.execute(sql, tuple(params)).fetchone()[0]

    def rows(self, sql: str, params: Sequence[SqlValue] = ()) -> list[tuple[Any, ...]]:
        """Read-only SQL for reports; writes are refused by the guards."""
        return self.conn.execute(sql, tuple(params)).fetchall()

    def scalar(self, sql: str, params: Sequence[SqlValue] = ()) -> Any:
        row = self.conn.execute(sql, tuple(params)).fetchone()
        return row[0] if row else None

    # -- drafts (local autosave scratch, never synced) -----------------------------------
    def save_draft(self, key: str, payload: dict[str, Any]) -> None:
        from app.store.audit import utc_now

        with self._lock:
            self._execute_write("INSERT OR REPLACE INTO drafts (key, payload, saved_at) "
                                "VALUES (?, ?, ?)", (key, json.dumps(payload), utc_now()))

    def load_draft(self, key: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT payload FROM drafts WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def drop_draft(self, key: str) -> None:
        with self._lock:
            self._execute_write("DELETE FROM drafts WHERE key = ?", (key,))

    def draft_keys(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT key FROM drafts ORDER BY saved_at")]

    # -- users and key slots ---------------------------------------------------------------
    def add_user(self, name: str, role: Role, passphrase: str, display_name: str = "",
                 kdf: KdfParams | None = None) -> User:
        self.require_user_manager()
        check_passphrase(passphrase)
        if self.keyfile.has_user(name) or self.select(User, "name = ?", (name,)):
            raise HervestError("user.exists", name=name)
        user = User(name=name, display_name=display_name or name, role=Role(role))
        with self.write() as uow:
            uow.insert(user)
            self.keyfile.set_user(user.id, name, passphrase, self._db_key, kdf)
            self.keyfile.save()  # if this fails the user row rolls back too
        return user

    def change_passphrase(self, name: str, new_passphrase: str,
                          kdf: KdfParams | None = None) -> None:
        """Rewrite one slot; the database itself is not touched. Your own, or as ADMIN
        anyone's (a user whose slot a re-key dropped)."""
        if self.user is None or self.user.name.casefold() != name.casefold():
            self.require_user_manager()
        check_passphrase(new_passphrase)
        user = self._user_named(name)
        self.keyfile.set_user(user.id, name, new_passphrase, self._db_key, kdf)
        self.keyfile.save()
        with self.write() as uow:
            uow.audit("passphrase-changed", entity=User.ENTITY, row_id=user.id)

    def remove_user(self, name: str) -> None:
        """Remove the user's slot and deactivate them; their records stay readable."""
        self.require_user_manager()
        user = self._user_named(name)
        if self.keyfile.user_count() <= 1:
            raise HervestError("user.last_admin", name=name)
        with self.write() as uow:
            uow.update(user, active=False)
            self.keyfile.remove_user(user.id)
            self.keyfile.save()

    def set_recovery(self, hq_public: X25519PublicKey) -> None:
        self.keyfile.set_recovery(hq_public, self._db_key)
        self.keyfile.save()
        with self.write() as uow:
            uow.audit("recovery-slot-set")

    def rekey(self, passphrase: str, kdf: KdfParams | None = None) -> int:
        """A new random database key and device signing key, when the old ones may be known.

        The current user re-enters their passphrase; their slot and every recovery slot are
        re-wrapped, other users' slots are dropped (so only ADMIN may while there are
        others; an admin gives them new ones with `change_passphrase`). The new slots are
        written to `<db>.keys.next` before the database is re-encrypted, so a crash in
        between loses nothing (see `_finish_rekey`). The device must enrol with HQ again:
        its signing key changed. Returns the number of slots dropped."""
        if self.user is None:
            raise HervestError("user.unknown", name="")
        if self.keyfile.user_count() > 1:  # dropping the others' slots is removing users
            self.require_user_manager()
        self.keyfile.unwrap_user(self.user.name, passphrase)  # the person at the keyboard
        new_key = os.urandom(32)
        fresh = KeyFile(self.keyfile.path, self.keyfile.db_id, [])
        fresh.set_user(self.user.id, self.user.name, passphrase, new_key, kdf)
        for slot in self.keyfile.slots:
            if slot.get("kind") == "recovery":
                fresh.set_recovery(X25519PublicKey.from_public_bytes(
                    base64.b64decode(slot["hq_public"])), new_key)
        dropped = self.keyfile.user_count() - 1
        pending = _next_keyfile(self.path)
        write_atomic(pending, json.dumps(fresh.document()).encode("utf-8"))
        with self._lock:
            self.conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
            # Pages written under the old key must not linger in the WAL.
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            os.replace(pending, self.keyfile.path)
        self.keyfile, self._db_key = fresh, new_key
        device_key = Ed25519PrivateKey.generate().private_bytes_raw().hex()
        with self.write() as uow:
            self.conn.execute("UPDATE meta SET value = ? WHERE key = 'device_signing_key'",
                              (device_key,))
            uow.audit("rekey", {"slots_dropped": dropped, "device_key_rotated": True})
        return dropped

    def require_user_manager(self) -> None:
        """The one check for every change of who can unlock this database and as what role:
        the unlocked user, as the database knows them (not a name typed on the command
        line), must be a user manager. A database opened without a user (HQ's recovery
        key) manages no users either."""
        user = self.find(User, self.user.id) if self.user else None
        if user is None or not user.active or user.role not in USER_MANAGERS:
            raise HervestError("user.admin_only", role=user.role.value if user else "-")

    def _user_named(self, name: str) -> User:
        found = self.select(User, "name = ?", (name,))
        if not found:
            raise HervestError("user.unknown", name=name)
        return found[0]


def _next_keyfile(db_path: Path) -> Path:
    return Path(f"{KeyFile.path_for(db_path)}.next")


def _finish_rekey(path: Path, keyfile: KeyFile, db_key: bytes, user_name: str,
                  passphrase: str) -> tuple[KeyFile, bytes]:
    """Settle a re-key that a crash interrupted: `<db>.keys.next` holds the new slots.

    If the database already opens with the new key, the new slots become the slot file;
    if it still opens with the old key, the re-key never happened and the leftover goes."""
    pending = _next_keyfile(path)
    if not pending.exists():
        return keyfile, db_key
    try:
        _connect(path, db_key)[0].close()
    except StoreError:
        fresh = KeyFile.load_file(pending)
        new_key, _ = fresh.unwrap_user(user_name, passphrase)
        _connect(path, new_key)[0].close()  # StoreError if neither key opens it
        os.replace(pending, keyfile.path)
        fresh.path = keyfile.path
        return fresh, new_key
    pending.unlink()
    return keyfile, db_key


class WriteGate:
    """Whether a unit of work is open on one connection; read by the guard triggers."""

    active = 0


def _connect(path: Path, db_key: bytes) -> tuple[sql.Connection, WriteGate]:
    """Open and key the file; StoreError if it is not a Hervest database for this key."""
    # A roomy statement cache: once the driver's cache is full, two statements that
    # alternate (a row and its change-log entry) evict each other and are prepared again
    # on every write; measured, that doubled the time of a pull. (Statement texts that
    # vary, such as id lists, use `sql.IN_IDS` so they do not fill it.)
    conn = sql.connect(str(path), isolation_level=None, check_same_thread=False, timeout=10,
                       cached_statements=1024)
    try:
        # Silence SQLCipher's own logging before a key is tried: a wrong key must not
        # print "ERROR CORE" lines on the user's terminal.
        conn.execute("PRAGMA cipher_log_level = NONE")
        # SQLCipher's memory security locks and wipes every allocation: measured 5x slower
        # writes here. Off by default (the key is in process memory either way while the
        # app is unlocked); HERVEST_MEMORY_SECURITY=1 turns it on. See docs/security.md.
        memory_security = "ON" if os.environ.get("HERVEST_MEMORY_SECURITY") == "1" else "OFF"
        conn.execute(f"PRAGMA cipher_memory_security = {memory_security}")
        conn.execute(f"PRAGMA key = \"x'{db_key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sql.DatabaseError as error:
        conn.close()
        if "not a database" in str(error):  # wrong key or not SQLCipher: indistinguishable
            raise StoreError("store.not_hervest", path=str(path)) from None
        raise StoreError("store.cannot_open", path=str(path), detail=str(error)) from None
    # A page read from the file is a decryption: the cache keeps up to 128 MiB decrypted,
    # what the quota report walks at 100,000 cases (cases, persons and transition indexes);
    # with 64 MiB it re-read them and grew faster than n log n. A mission's database is a
    # fraction of that, so a laptop never fills it.
    for pragma in ("temp_store = MEMORY", "secure_delete = ON", "foreign_keys = ON",
                   "journal_mode = WAL", "synchronous = FULL", "trusted_schema = ON",
                   "cache_size = -131072"):
        conn.execute(f"PRAGMA {pragma}")
    gate = WriteGate()
    conn.create_function(guards.FUNCTION, 0, lambda: gate.active)
    return conn, gate
