"""Schema 2: the FTS5 trigram index for case search, filled from existing cases."""

from app.store import search, sql


def upgrade(conn: sql.Connection) -> None:
    conn.execute("CREATE VIRTUAL TABLE case_search USING fts5(case_id UNINDEXED, body, "
                 "tokenize='trigram remove_diacritics 1')")
    search.rebuild(conn)
