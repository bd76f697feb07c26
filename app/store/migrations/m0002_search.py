"""Schema 2: the first FTS5 trigram index for case search.

Filled by schema 3, which re-keys it; kept so that the numbered history stays true."""

from app.store import sql


def upgrade(conn: sql.Connection) -> None:
    conn.execute("CREATE VIRTUAL TABLE case_search USING fts5(case_id UNINDEXED, body, "
                 "tokenize='trigram remove_diacritics 1')")
