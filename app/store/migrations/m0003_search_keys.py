"""Schema 3: the case search index keyed by an integer.

In schema 2 the case id was an UNINDEXED FTS5 column, so refreshing one case scanned the
whole index: quadratic in the number of cases. Now each case has a small integer key
(`case_search_keys.n`) that is the FTS5 rowid, and a refresh is a point delete + insert."""

from app.store import search, sql


def upgrade(conn: sql.Connection) -> None:
    conn.execute("DROP TABLE case_search")
    conn.execute("CREATE TABLE case_search_keys (n INTEGER PRIMARY KEY, "
                 "case_id TEXT NOT NULL UNIQUE)")
    conn.execute("CREATE VIRTUAL TABLE case_search USING fts5(body, "
                 "tokenize='trigram remove_diacritics 1')")
    search.rebuild(conn)
