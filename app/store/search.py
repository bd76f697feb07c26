"""Case search over an FTS5 trigram index of folded names, name skeletons and numbers.

One row per case holds every searchable form of its persons' names in Latin and original
script, so "Muhammad" finds "Mohammed" and "محمد", and a substring of a UNHCR number
finds its case. The index is derived data: the unit of work refreshes a case's row in
the same transaction as the write that changed it."""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.names import fold, name_keys, skeleton
from app.store import sql

TABLE = "case_search"


KEYS = "case_search_keys"
# Bump when name folding (app/domain/names.py) or the indexed text changes: databases
# indexed by an older version are re-indexed once when they are opened.
INDEX_VERSION = 2
_VERSION_KEY = "search_index_version"
_CHUNK = 500  # cases re-indexed per round (bounded memory)


def case_bodies(conn: sql.Connection, case_ids: list[str]) -> dict[str, str]:
    """The searchable text of each existing case among `case_ids`."""
    parts: dict[str, list[str]] = {}
    wanted = (sql.ids(case_ids),)
    for case_id, number, country in conn.execute(
            f"SELECT id, unhcr_case_number, host_country FROM cases WHERE id {sql.IN_IDS}",
            wanted):
        parts[case_id] = [number, country]
    for row in conn.execute(
            "SELECT case_id, unhcr_individual_number, given_name, family_name, "
            "given_name_original, family_name_original, nationality FROM persons "
            f"WHERE case_id {sql.IN_IDS}", wanted):
        case_id, number, given, family, given_orig, family_orig, nationality = row
        if case_id in parts:
            parts[case_id] += [number, nationality, given_orig, family_orig,
                               *name_keys(f"{given} {family}", f"{given_orig} {family_orig}")]
    return {case_id: " | ".join(p for p in found if p) for case_id, found in parts.items()}


def refresh(conn: sql.Connection, case_ids: Iterable[str]) -> None:
    """Re-index these cases (and drop deleted ones), a few hundred per statement."""
    ids = list(dict.fromkeys(case_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        conn.execute(f"DELETE FROM {TABLE} WHERE rowid IN "
                     f"(SELECT n FROM {KEYS} WHERE case_id {sql.IN_IDS})", (sql.ids(chunk),))
        bodies = case_bodies(conn, chunk)
        gone = [c for c in chunk if c not in bodies]
        if gone:
            conn.execute(f"DELETE FROM {KEYS} WHERE case_id {sql.IN_IDS}", (sql.ids(gone),))
        conn.executemany(f"INSERT OR IGNORE INTO {KEYS} (case_id) VALUES (?)",
                         [(c,) for c in bodies])
        # The keys first, then plain VALUES: an INSERT ... SELECT into the FTS5 table cost
        # eight times as much per case (52 against 7 us).
        keys = conn.execute(f"SELECT case_id, n FROM {KEYS} WHERE case_id {sql.IN_IDS}",
                            (sql.ids(bodies),))
        conn.executemany(f"INSERT INTO {TABLE} (rowid, body) VALUES (?, ?)",
                         [(n, bodies[case_id]) for case_id, n in keys])


def rebuild(conn: sql.Connection) -> None:
    conn.execute(f"DELETE FROM {TABLE}")
    conn.execute(f"DELETE FROM {KEYS}")
    refresh(conn, [r[0] for r in conn.execute("SELECT id FROM cases")])


def ensure_current(conn: sql.Connection) -> bool:
    """Re-index if the index was built by other folding rules; True if it did."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_VERSION_KEY,)).fetchone()
    if row and row[0] == str(INDEX_VERSION):
        return False
    conn.execute("BEGIN IMMEDIATE")
    try:
        rebuild(conn)
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                     (_VERSION_KEY, str(INDEX_VERSION)))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return True


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def match_expression(query: str) -> str | None:
    """An FTS5 query for what the user typed: every word must match, as typed, folded,
    or by skeleton. None when no word is long enough for the trigram index (< 3 chars)."""
    terms = []
    for word in query.split():
        forms = {word.lower(), fold(word).replace(" ", "")}
        sk = skeleton(word)
        if len(sk) >= 3:
            forms.add(sk)
        forms = {f for f in forms if len(f) >= 3}
        if not forms:
            continue
        terms.append("(" + " OR ".join(_phrase(f) for f in sorted(forms)) + ")")
    return " AND ".join(terms) if terms else None


def search(conn: sql.Connection, query: str, limit: int = 1000,
           ranked: bool = True) -> list[str]:
    """Case ids that match `query`, best first. Short queries (< 3 chars) scan with LIKE.
    `ranked=False` skips bm25 ranking of every match (the cost at 100,000 cases) and stops
    after `limit` matches in index order: what a search-as-you-type list needs."""
    query = query.strip()
    if not query:
        return []
    expression = match_expression(query)
    if expression is None:
        like = f"%{fold(query) or query}%"
        rows = conn.execute(f"SELECT k.case_id FROM {TABLE} JOIN {KEYS} k ON k.n = "
                            f"{TABLE}.rowid WHERE body LIKE ? LIMIT ?", (like, limit))
    else:
        rows = conn.execute(
            f"SELECT k.case_id FROM {TABLE} JOIN {KEYS} k ON k.n = {TABLE}.rowid "
            f"WHERE {TABLE} MATCH ?{' ORDER BY rank' if ranked else ''} LIMIT ?",
            (expression, limit))
    return [r[0] for r in rows]
