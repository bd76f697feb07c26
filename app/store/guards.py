"""Triggers that make the unit of work the only way to write domain rows.

Every domain table gets BEFORE INSERT/UPDATE/DELETE triggers that abort unless the SQL
function hervest_uow() says a unit of work is open. The function exists only on
connections opened by `Store`, so other code (or a stray tool) cannot write around the
change log and audit. The audit log is append-only; the change log's content is immutable."""

from __future__ import annotations

from app.domain.records import ENTITIES
from app.store import sql

FUNCTION = "hervest_uow"


def _trigger(table: str, event: str) -> str:
    return (f"CREATE TRIGGER IF NOT EXISTS guard_{table}_{event.lower()} BEFORE {event} ON "
            f"{table} WHEN {FUNCTION}() = 0 BEGIN "
            f"SELECT RAISE(ABORT, 'hervest: write outside unit of work'); END")


FIXED = (
    "CREATE TRIGGER IF NOT EXISTS guard_audit_update BEFORE UPDATE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'hervest: the audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS guard_audit_delete BEFORE DELETE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'hervest: the audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS guard_changes_edit BEFORE UPDATE OF device_id, seq, hlc, "
    "entity, row_id, op, fields ON changes BEGIN "
    "SELECT RAISE(ABORT, 'hervest: changes are immutable'); END",
    "CREATE TRIGGER IF NOT EXISTS guard_changes_delete BEFORE DELETE ON changes BEGIN "
    "SELECT RAISE(ABORT, 'hervest: changes are immutable'); END",
)


def install(conn: sql.Connection) -> None:
    """Create any missing guard (cheap: IF NOT EXISTS); run after migrations."""
    existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    statements = [_trigger(t, e) for t in ENTITIES if t in existing
                  for e in ("INSERT", "UPDATE", "DELETE")]
    statements += [_trigger(t, "INSERT") for t in ("changes", "audit_log") if t in existing]
    statements += list(FIXED)
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    missing = [s for s in statements if s.split()[5] not in present]
    if not missing:
        return
    conn.execute("BEGIN IMMEDIATE")
    for statement in missing:
        conn.execute(statement)
    conn.execute("COMMIT")
