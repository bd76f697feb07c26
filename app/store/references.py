"""Rows that other rows refer to, and the rule that keeps them: a deleted row stays while
a visible row refers to it (see `app.store.merge` for why). Here: the foreign-key graph,
read once from the schema, and `release`, which lets a kept row's delete take effect when
its last child goes, on whichever path the child went (a local edit or a merged change)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.domain.records import ENTITIES
from app.store.migrations import LATEST

if TYPE_CHECKING:
    from app.store.unit_of_work import UnitOfWork

Edge = tuple[str, str]  # (table, column)
Key = tuple[str, str]  # (table, row id)


@dataclasses.dataclass(frozen=True)
class ForeignKeys:
    parents: dict[str, list[Edge]]  # child table -> [(parent table, column)]
    children: dict[str, list[Edge]]  # parent table -> [(child table, column)]

    def columns(self, table: str) -> set[str]:
        return {column for _, column in self.parents.get(table, ())}

    def parents_in(self, table: str, fields: dict) -> list[Key]:
        """The rows that `fields` of a `table` row refer to (no query)."""
        return [(parent, str(fields[column])) for parent, column in self.parents.get(table, ())
                if fields.get(column)]

    def parents_of(self, conn, table: str, row_id: str) -> list[Key]:
        """The rows that a stored row refers to now (one query)."""
        edges = self.parents.get(table, [])
        if not edges:
            return []
        row = conn.execute(f"SELECT {', '.join(c for _, c in edges)} FROM {table} WHERE id = ?",
                           (row_id,)).fetchone()
        return self.parents_in(table, dict(zip((c for _, c in edges), row, strict=True))) \
            if row else []

    def has_children(self, conn, table: str, row_id: str) -> bool:
        return any(conn.execute(f"SELECT 1 FROM {child} WHERE {column} = ? LIMIT 1",
                                (row_id,)).fetchone()
                   for child, column in self.children.get(table, ()))


_CACHE: dict[int, ForeignKeys] = {}


def foreign_keys(conn) -> ForeignKeys:
    """The graph of this schema version, the same for every store: read once."""
    if LATEST not in _CACHE:
        parents: dict[str, list[Edge]] = {}
        children: dict[str, list[Edge]] = {}
        for table in ENTITIES:
            for row in conn.execute(f"PRAGMA foreign_key_list({table})"):
                parent, column = row[2], row[3]
                parents.setdefault(table, []).append((parent, column))
                children.setdefault(parent, []).append((table, column))
        _CACHE[LATEST] = ForeignKeys(parents, children)
    return _CACHE[LATEST]


def exists(conn, table: str, row_id: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None


def release(uow: UnitOfWork, rows: Iterable[Key]) -> None:
    """`rows` lost a child in this unit of work: each one that stays only because a delete
    was overruled (it exists, the log holds its delete, nothing refers to it any more)
    goes now, and so on up to its own parents."""
    keys, conn = foreign_keys(uow.conn), uow.conn
    todo = sorted(set(rows))
    while todo:
        table, row_id = todo.pop()
        if (not exists(conn, table, row_id) or keys.has_children(conn, table, row_id)
                or conn.execute("SELECT 1 FROM changes WHERE entity = ? AND row_id = ? "
                                "AND op = 'delete'", (table, row_id)).fetchone() is None):
            continue
        todo.extend(keys.parents_of(conn, table, row_id))
        uow.set_row(table, row_id, None)
