"""One small adapter over SQLite (stdlib) and PostgreSQL (psycopg 3), so the HQ store
runs the same SQL on both: `?` placeholders, explicit transactions, a connection per
thread. Writers take one lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so
feed numbers commit in order and a reader's cursor never skips a late commit."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlparse

from app.errors import HervestError

WRITER_LOCK = 7_242_001  # PostgreSQL advisory lock id of the HQ store's writers


class Database:
    def __init__(self, url: str) -> None:
        scheme = urlparse(url).scheme
        if scheme == "sqlite":
            self.dialect, self._target = "sqlite", url.removeprefix("sqlite://")
            if self._target.startswith("/") and not self._target.startswith("//"):
                self._target = self._target[1:] or ":memory:"
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
            conn = sqlite3.connect(self._target, isolation_level=None,
                                   check_same_thread=False, timeout=60)
            for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
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
