"""Numbered, forward-only schema migrations. Each runs in its own transaction and sets
`PRAGMA user_version`; a database newer than this program is refused before anything is
written. Before upgrading an existing database its file is copied to a backup."""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from app.errors import SchemaError
from app.store import sql


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str | None = None  # file name of a frozen SQL script in this package
    upgrade: Callable[[sql.Connection], None] | None = None

    def apply(self, conn: sql.Connection) -> None:
        if self.sql:
            script = resources.files(__package__).joinpath(self.sql).read_text("utf-8")
            for statement in _statements(script):
                conn.execute(statement)
        if self.upgrade:
            self.upgrade(conn)


def _statements(script: str) -> list[str]:
    """Split a script into statements (no triggers with inner ';' in migration SQL files)."""
    lines = [ln for ln in script.splitlines() if not ln.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _python(module: str) -> Callable[[sql.Connection], None]:
    """A migration written in Python, imported only when it runs."""
    return lambda conn: importlib.import_module(f"{__package__}.{module}").upgrade(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", sql="0001_initial.sql"),
    Migration(2, "name search index", upgrade=_python("m0002_search")),
    Migration(3, "search index keyed by integer", upgrade=_python("m0003_search_keys")),
    Migration(4, "index for the principal applicant", sql="0004_list_indexes.sql"),
    Migration(5, "covering indexes for the quota report", sql="0005_report_indexes.sql"),
)
LATEST = MIGRATIONS[-1].version


def schema_version(conn: sql.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def refuse_newer(conn: sql.Connection) -> int:
    found = schema_version(conn)
    if found > LATEST:
        raise SchemaError("store.newer_schema", found=found, known=LATEST)
    return found


def migrate(conn: sql.Connection, db_path: Path | None, target: int = LATEST) -> int:
    """Bring the schema to `target`; returns the version it started from."""
    start = refuse_newer(conn)
    if start >= target:
        return start
    backup = None
    if start > 0 and db_path is not None:
        backup = _backup(conn, db_path, start)
    for migration in MIGRATIONS:
        if start < migration.version <= target:
            conn.execute("BEGIN IMMEDIATE")
            try:
                migration.apply(conn)
                conn.execute(f"PRAGMA user_version = {migration.version}")
                conn.execute("COMMIT")
            except sql.Error as exc:
                conn.execute("ROLLBACK")
                raise SchemaError("store.migration_failed", version=migration.version,
                                  detail=str(exc), backup=str(backup)) from exc
    return start


def _backup(conn: sql.Connection, db_path: Path, version: int) -> Path:
    """Copy the (still encrypted) file aside before the first upgrade step."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target = Path(f"{db_path}.schema{version}.bak")
    shutil.copy2(db_path, target)
    target.chmod(0o600)
    return target
