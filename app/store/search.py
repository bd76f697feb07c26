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


def case_body(conn: sql.Connection, case_id: str) -> str | None:
    case = conn.execute(
        "SELECT unhcr_case_number, host_country FROM cases WHERE id = ?", (case_id,)).fetchone()
    if case is None:
        return None
    parts = [case[0], case[1]]
    for row in conn.execute(
        "SELECT unhcr_individual_number, given_name, family_name, given_name_original, "
        "family_name_original, nationality FROM persons WHERE case_id = ?", (case_id,)):
        number, given, family, given_orig, family_orig, nationality = row
        parts += [number, nationality, given_orig, family_orig]
        parts += name_keys(f"{given} {family}", f"{given_orig} {family_orig}")
    return " | ".join(p for p in parts if p)


def refresh(conn: sql.Connection, case_ids: Iterable[str]) -> None:
    for case_id in case_ids:
        conn.execute(f"DELETE FROM {TABLE} WHERE case_id = ?", (case_id,))
        body = case_body(conn, case_id)
        if body is not None:
            conn.execute(f"INSERT INTO {TABLE}(case_id, body) VALUES (?, ?)", (case_id, body))


def rebuild(conn: sql.Connection) -> None:
    conn.execute(f"DELETE FROM {TABLE}")
    ids = [r[0] for r in conn.execute("SELECT id FROM cases")]
    refresh(conn, ids)


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


def search(conn: sql.Connection, query: str, limit: int = 1000) -> list[str]:
    """Case ids that match `query`, best first. Short queries (< 3 chars) scan with LIKE."""
    query = query.strip()
    if not query:
        return []
    expression = match_expression(query)
    if expression is None:
        like = f"%{fold(query) or query}%"
        rows = conn.execute(f"SELECT case_id FROM {TABLE} WHERE body LIKE ? LIMIT ?",
                            (like, limit))
    else:
        rows = conn.execute(
            f"SELECT case_id FROM {TABLE} WHERE {TABLE} MATCH ? ORDER BY rank LIMIT ?",
            (expression, limit))
    return [r[0] for r in rows]
