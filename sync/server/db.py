"""One small adapter over SQLite (stdlib) and PostgreSQL (psycopg 3), so the HQ store
runs the same SQL on both: `?` placeholders, explicit transactions, a connection per
thread. Writers take one lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so
feed numbers commit in order and a reader's cursor never skips a late commit.

The embedded store is SQLCipher, as the laptop's: keyed with the raw key in the HQ keys
folder (keys.STORE_KEY), its files 0600. A plain store of an older HQ is encrypted in
place when first opened with a key (sqlcipher_export into a new file, renamed over it)."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from app.errors import HervestError
from app.store import sql as cipher
from sync.server.keys import store_key

WRITER_LOCK = 7_242_001  # PostgreSQL advisory lock id of the HQ store's writers
PLAIN_HEADER = b"SQLite format 3\x00"  # how every unencrypted SQLite file begins


class Database:
    def __init__(self, url: str, keys: Path | None = None) -> None:
        """`keys`: the HQ keys folder, which holds the key of a sqlite:/// store."""
        scheme = urlparse(url).scheme
        if scheme == "sqlite":
            self.dialect, self._target = "sqlite", url.removeprefix("sqlite://")
            if self._target.startswith("/") and not self._target.startswith("//"):
                self._target = self._target[1:] or ":memory:"
            self._key = _prepare_file(Path(self._target), keys)
        elif scheme in ("postgresql", "postgres"):
            self.dialect, self._target = "postgresql", url
        else:
            raise HervestError("hq.bad_store_url", url=url)
        self._local = threading.local()
        self._all: list[Any] = []
        self._guard = threading.Lock()

    # -- connections -------------------------------------------------------------------
    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._guard:
                self._all.append(conn)
        return conn

    def _connect(self) -> Any:
        if self.dialect == "sqlite":
            conn = cipher.connect(self._target, isolation_level=None,
                                  check_same_thread=False, timeout=60)
            try:
                conn.execute("PRAGMA cipher_log_level = NONE")  # the refusal says it
                conn.execute(f"PRAGMA key = \"x'{self._key.hex()}'\"")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except cipher.DatabaseError:
                conn.close()  # wrong key, or not an HQ store: SQLCipher cannot tell which
                raise HervestError("hq.store_key_wrong", path=self._target) from None
            for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON",
                           "temp_store = MEMORY", "secure_delete = ON"):
                conn.execute(f"PRAGMA {pragma}")
            return conn
        import psycopg

        return psycopg.connect(self._target, autocommit=True)

    def close(self) -> None:
        with self._guard:
            for conn in self._all:
                with contextlib.suppress(Exception):
                    conn.close()
            self._all.clear()
        self._local = threading.local()

    # -- statements --------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn().execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        conn = self._conn()
        if self.dialect == "sqlite":
            conn.executemany(sql, rows)
        else:
            with conn.cursor() as cursor:
                cursor.executemany(self._sql(sql), rows)

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        return self.execute(sql, params).fetchone()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """All statements inside commit together, under the writers' lock."""
        conn = self._conn()
        if self.dialect == "sqlite":
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        else:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
                yield self


def _prepare_file(path: Path, keys: Path | None) -> bytes:
    """The store file's key. A new file is made 0600 before SQLite writes to it (its WAL
    and -shm take the file's mode); an older store's files are made 0600, and a plain
    one is encrypted."""
    if str(path) == ":memory:":
        return store_key(keys, create=True)
    size, plain = path.stat().st_size if path.is_file() else 0, False
    if size:
        with path.open("rb") as file:
            plain = file.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    key = store_key(keys, create=plain or size == 0)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if file.exists():
            os.chmod(file, 0o600)
    if plain:
        _encrypt(path, key)
    return key


def _encrypt(path: Path, key: bytes) -> None:
    """A plain store, WAL included, exported into an encrypted copy that replaces it."""
    copy = Path(f"{path}.encrypting")
    copy.unlink(missing_ok=True)
    os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    conn = cipher.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(copy), f"x'{key.hex()}'"))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    os.replace(copy, path)
    for stale in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
