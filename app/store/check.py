"""`hervest check`: encryption integrity, SQLite integrity, references, the audit chain and
the change log, stopping at nothing: every problem is listed, the first one first."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import tr
from app.store import audit
from app.store.database import Store


@dataclass(frozen=True)
class Problem:
    key: str
    params: dict[str, object]

    def message(self, lang: str | None = None) -> str:
        return tr(self.key, lang, **self.params)


def cipher_integrity(store: Store) -> list[Problem]:
    rows = store.rows("PRAGMA cipher_integrity_check")
    problems = [Problem("check.integrity", {"detail": r[0]}) for r in rows]
    quick = store.rows("PRAGMA quick_check")
    problems += [Problem("check.integrity", {"detail": r[0]}) for r in quick if r[0] != "ok"]
    return problems


def foreign_keys(store: Store) -> list[Problem]:
    return [Problem("check.foreign_keys", {"detail": f"{table} row {rowid} -> {parent}"})
            for table, rowid, parent, _ in store.rows("PRAGMA foreign_key_check")]


def audit_chain(store: Store) -> list[Problem]:
    broken = audit.verify(store.conn)
    return [] if broken is None else [Problem("check.audit",
                                              {"seq": broken[0], "detail": broken[1]})]


def change_log(store: Store) -> list[Problem]:
    """This device's changes must be numbered 1..n without a gap."""
    count, top = store.rows("SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM changes "
                            "WHERE device_id = ?", (store.device_id,))[0]
    if count != top:
        return [Problem("check.changes",
                        {"detail": f"{top - count} of {top} sequence numbers missing"})]
    return []


def set_aside(store: Store) -> list[Problem]:
    """Changes from other devices that could not be applied here (`merge.SetAside`)."""
    from app.store.merge import set_aside_changes

    return [Problem("merge.set_aside", {"seq": n.change.seq, "device": n.change.device_id,
                                        "entity": n.change.entity, "row_id": n.change.row_id,
                                        "reason": n.reason}) for n in set_aside_changes(store)]


def run_checks(store: Store) -> list[Problem]:
    return (cipher_integrity(store) + foreign_keys(store) + audit_chain(store)
            + change_log(store) + set_aside(store))
