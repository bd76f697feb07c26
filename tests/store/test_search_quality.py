"""Search ranking over the labelled set of tests/bench/bench_search_quality.py: the same
name in other spellings and scripts is found, look-alike other names are not, the best
match comes first; a word being typed never empties the result."""

from __future__ import annotations

from pathlib import Path

from app.store.search import find, search
from tests.bench.bench_search_quality import (
    PRECISION_TARGET,
    RECALL_TARGET,
    build_store,
    labelled_set,
    measure,
)


def test_precision_and_recall_at_ten_on_the_labelled_set(tmp_path: Path) -> None:
    labelled = labelled_set(identities=60)
    store, case_ids = build_store(labelled, tmp_path)
    with store:
        quality = measure(labelled, case_ids, lambda q: search(store.conn, q))
        assert quality.recall >= RECALL_TARGET
        assert quality.precision >= PRECISION_TARGET
        assert quality.first_exact >= 0.95  # spelt as typed: first
        by_name = {labelled.persons[i][1]: case_ids[i] for i in range(len(case_ids))}
        for query in ("Muhammad", "mohamad", "محمد"):
            found = {m.case_id: m for m in find(store.conn, query)}
            assert by_name["Mahmoud"] not in found and by_name["Mahmud"] not in found
            assert all(m.who.split()[0] in ("Mohammed", "Muhammad", "Mohamed", "Mohamad",
                                            "محمد") for m in found.values())
        for query, other in (("Ahmad", "Ham"), ("Hamed", "Ahm"), ("Hamid", "Ahm")):
            found = [m.who for m in find(store.conn, query)]  # Ahmad is not Hamid
            assert found and not [w for w in found if other in w], (query, found)
        assert search(store.conn, "Muhammad Al-") == search(store.conn, "Muhammad Al")
        assert search(store.conn, "Muhammad Al-")
