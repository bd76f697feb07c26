"""The one write path. Inside `with store.write() as uow:` every insert, update and delete
writes the row, appends exactly one change (device, dense seq, HLC, entity, id, fields, op)
and one hash-chained audit entry, all in one transaction: all of it commits or none does."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from app.domain.records import Case, Person, Record
from app.errors import HervestError, StoreError
from app.store import search, sql
from app.store.codec import SqlValue, canonical_json, codec_for, codec_for_entity
from app.store.hlc import Timestamp
from app.store.migrations import LATEST
from app.store.references import Key, foreign_keys, release

if TYPE_CHECKING:
    from app.store.database import Store

R = TypeVar("R", bound=Record)


@dataclasses.dataclass(frozen=True)
class Change:
    """One entry of the change log, as it travels in sync and in export bundles."""
    device_id: str
    seq: int
    hlc: str
    entity: str
    row_id: str
    op: str  # insert | update | delete
    fields: dict[str, SqlValue]
    user_id: str | None
    schema_version: int = LATEST


class UnitOfWork:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn
        self.changes: list[Change] = []
        self._touched_cases: set[str] = set()
        self._left: set[Key] = set()  # rows a deleted or moved row referred to
        self._unobserved = ""  # the newest remote clock applied, not yet observed
        self._unlogged: list[tuple[SqlValue, ...]] = []  # remote changes to add to the log

    # -- context ------------------------------------------------------------------------
    def __enter__(self) -> UnitOfWork:
        self.store._begin_write()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.store._abort_write()
            return
        try:
            self.flush_log()
            release(self, self._left)
            search.refresh(self.conn, sorted(self._touched_cases))
            self._observe_remote()
            self.store._finish_write()
        except sql.Error as error:
            self.store._abort_write()
            raise translate(error) from error

    # -- writes -------------------------------------------------------------------------
    def insert(self, record: R) -> R:
        codec = codec_for(type(record))
        fields = codec.to_fields(record)
        self._authorize(codec.table, record.id, "insert",
                        {k: v for k, v in fields.items() if k != "id"})
        self._execute(f"INSERT INTO {codec.table} ({', '.join(codec.columns)}) "
                      f"VALUES ({', '.join('?' * len(codec.columns))})", tuple(fields.values()))
        del fields["id"]
        self._log(codec.table, record.id, "insert", fields)
        self._touch(record)
        return record

    def insert_many(self, records: Iterable[Record]) -> None:
        for record in records:
            self.insert(record)

    def update(self, record: R, **values: Any) -> R:
        """Write only the fields that differ; returns the updated record."""
        codec = codec_for(type(record))
        new = dataclasses.replace(record, **values)
        old_fields, new_fields = codec.to_fields(record), codec.to_fields(new)
        changed = {k: v for k, v in new_fields.items() if old_fields[k] != v}
        if not changed:
            return new
        self._authorize(codec.table, record.id, "update", changed)
        self._leaving(codec.table, record.id, changed)
        assignments = ", ".join(f"{c} = ?" for c in changed)
        cursor = self._execute(f"UPDATE {codec.table} SET {assignments} WHERE id = ?",
                               (*changed.values(), record.id))
        if cursor.rowcount != 1:
            raise HervestError("record.missing", entity=codec.table)
        self._log(codec.table, record.id, "update", changed)
        self._touch(new)
        return new

    def delete(self, record: Record) -> None:
        codec = codec_for(type(record))
        self._authorize(codec.table, record.id, "delete", {})
        self._leaving(codec.table, record.id)
        cursor = self._execute(f"DELETE FROM {codec.table} WHERE id = ?", (record.id,))
        if cursor.rowcount != 1:
            raise HervestError("record.missing", entity=codec.table)
        self._log(codec.table, record.id, "delete", {})
        self._touch(record)

    def audit(self, action: str, detail: dict[str, Any] | None = None,
              entity: str | None = None, row_id: str | None = None) -> None:
        """An audit entry for an event that is not a row write (export, unlock, report)."""
        try:
            self.store.audit_log.append(user_id=self.store.user_id,
                                        device_id=self.store.device_id, action=action,
                                        entity=entity, row_id=row_id, detail=detail)
        except sql.Error as error:
            raise translate(error) from error

    # -- remote changes (sync and bundle import) ------------------------------------------
    def apply_change(self, change: Change, fields: dict[str, SqlValue] | None,
                     server_seq: int | None = None) -> None:
        """Record a change made on another device and write its effect on the row.

        `fields` is what the merge decided to write (None: nothing, e.g. an older value lost
        to a newer local one). The change itself is always recorded, exactly once, with its
        origin device and user; the caller adds one audit entry for the whole batch. The
        log entries are written together, by `flush_log`."""
        table = codec_for_entity(change.entity).table
        self._unlogged.append(
            (change.device_id, change.seq, change.hlc, change.entity, change.row_id, change.op,
             canonical_json(change.fields), change.user_id, change.schema_version, server_seq))
        if change.op == "delete" or (change.op == "update" and fields):
            self._leaving(table, change.row_id, fields)
        if change.op == "delete":
            self._execute(f"DELETE FROM {table} WHERE id = ?", (change.row_id,))
        elif fields and change.op == "update":
            # (An edit of a row not kept here, a user whose name was taken, writes nothing.)
            self._execute(_update_sql(table, tuple(fields)), (*fields.values(), change.row_id))
        elif fields:
            # An insert may meet a row made on both sides with the same id (conflict
            # records have deterministic ids): then it is an update of that row.
            self._execute(_upsert_sql(table, tuple(fields)), (change.row_id, *fields.values()))
        # Clocks are observed once, the newest, before the next local change or the commit:
        # the text form sorts as the clock does, so a max of texts spares a decode per change.
        self._unobserved = max(self._unobserved, change.hlc)
        if change.entity == Case.ENTITY:
            self._touched_cases.add(change.row_id)
        elif change.entity == Person.ENTITY:
            self._touched_cases.update(self._case_of_person(change.row_id, fields))

    def flush_log(self) -> None:
        """Write the remote changes applied so far to the log in one statement, which spares
        the driver's overhead of one each (some 10 us a change). Due before anything reads the
        log or a local change takes the next place in it: the unit of work does so before a
        local change and at commit, a caller that reads the log in between calls it first."""
        if self._unlogged:
            try:
                self.conn.executemany(
                    "INSERT INTO changes (device_id, seq, hlc, entity, row_id, op, fields, "
                    "user_id, schema_version, server_seq, acked) VALUES (?,?,?,?,?,?,?,?,?,?,1)",
                    self._unlogged)
            except sql.Error as error:
                raise translate(error) from error
            self._unlogged = []

    def set_row(self, entity: str, row_id: str, fields: dict[str, SqlValue] | None) -> None:
        """Bring back (or with None remove) a deleted row whose visibility changed without a
        change of its own (a delete overruled by a child, or no longer); the change log is
        untouched: the row follows from the changes it already holds."""
        codec = codec_for_entity(entity)
        if entity == Case.ENTITY:
            self._touched_cases.add(row_id)
        elif entity == Person.ENTITY:
            self._touched_cases.update(self._case_of_person(row_id, fields))
        if fields is None:
            self._execute(f"DELETE FROM {codec.table} WHERE id = ?", (row_id,))
        else:
            columns = ["id", *fields]
            self._execute(f"INSERT INTO {codec.table} ({', '.join(columns)}) "
                          f"VALUES ({', '.join('?' * len(columns))})", (row_id, *fields.values()))

    # -- internals ----------------------------------------------------------------------
    def _leaving(self, table: str, row_id: str, fields: dict[str, SqlValue] | None = None
                 ) -> None:
        """Note the rows `row_id` refers to before it is deleted (fields None) or moved to
        other parents, for `release` at commit."""
        keys = foreign_keys(self.conn)
        if fields is None or keys.columns(table) & fields.keys():
            self._left.update(keys.parents_of(self.conn, table, row_id))

    def _execute(self, statement: str, params: tuple[SqlValue, ...]) -> sql.Cursor:
        try:
            return self.conn.execute(statement, params)
        except sql.Error as error:
            raise translate(error) from error

    def _observe_remote(self) -> None:
        """Every local clock from now on sorts after the remote changes applied so far."""
        if self._unobserved:
            self.store.clock.observe(Timestamp.decode(self._unobserved))
            self._unobserved = ""

    def _authorize(self, table: str, row_id: str, op: str, fields: dict[str, SqlValue]) -> None:
        """A local change meets the write rules HQ applies to it (app.services.change_rules),
        before it touches the row: whoever calls the store API, the app, the CLI or a script,
        writes only what the unlocked user's role may. Remote changes (apply_change) were
        authorized by HQ; the store's system writer (its first user, the demo) is exempt."""
        store = self.store
        if store._system:
            return
        # Imported here: the rules live with the services, which build on the store.
        from app.services.change_rules import KINDED, require_local
        known = None
        if table in KINDED and op != "insert":  # the kind the row was made with
            row = self.conn.execute(f"SELECT {KINDED[table]} FROM {table} WHERE id = ?",
                                    (row_id,)).fetchone()
            known = f"{table}:{row[0]}" if row else None
        change = Change(store.device_id, store._next_seq, "", table, row_id, op, fields,
                        store.user_id)
        require_local(store.user, change, known)

    def _log(self, entity: str, row_id: str, op: str, fields: dict[str, SqlValue]) -> None:
        self.flush_log()
        self._observe_remote()
        store = self.store
        seq = store._next_seq
        hlc = store.clock.now().encode()
        change = Change(store.device_id, seq, hlc, entity, row_id, op, fields, store.user_id)
        self._execute(
            "INSERT INTO changes (device_id, seq, hlc, entity, row_id, op, fields, user_id, "
            "schema_version) VALUES (?,?,?,?,?,?,?,?,?)",
            (change.device_id, seq, hlc, entity, row_id, op, canonical_json(fields),
             change.user_id, change.schema_version))
        store._next_seq = seq + 1
        store.audit_log.append(user_id=store.user_id, device_id=store.device_id, action=op,
                               entity=entity, row_id=row_id, change_device=store.device_id,
                               change_seq=seq, detail={"fields": sorted(fields)})
        self.changes.append(change)

    def _touch(self, record: Record) -> None:
        if isinstance(record, Case):
            self._touched_cases.add(record.id)
        elif isinstance(record, Person):
            self._touched_cases.add(record.case_id)

    def _case_of_person(self, person_id: str, fields: dict[str, SqlValue] | None) -> list[str]:
        if fields and fields.get("case_id"):
            return [str(fields["case_id"])]
        row = self.conn.execute("SELECT case_id FROM persons WHERE id = ?",
                                (person_id,)).fetchone()
        return [row[0]] if row else []


# Statement texts of remote writes, by table and columns: built once, not per change.
@functools.lru_cache(maxsize=1024)
def _update_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?"


@functools.lru_cache(maxsize=1024)
def _upsert_sql(table: str, columns: tuple[str, ...]) -> str:
    return (f"INSERT INTO {table} (id, {', '.join(columns)}) "
            f"VALUES (?{', ?' * len(columns)}) "
            f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in columns)}")


def translate(error: sql.Error) -> HervestError:
    """Turn SQLite's words into a message the user can act on."""
    text = str(error)
    if "database or disk is full" in text:
        return StoreError("store.disk_full")
    if "readonly" in text or "read-only" in text:
        return StoreError("store.readonly", detail=text)
    if "outside unit of work" in text:
        return StoreError("write.outside_uow")
    if "database is locked" in text:
        return StoreError("store.locked")
    if isinstance(error, sql.IntegrityError):
        return StoreError("store.integrity", detail=text)
    return StoreError("error.generic")
