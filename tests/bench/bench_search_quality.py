"""Case search quality on a generated labelled set: precision and recall at rank 10 and
whether the best match comes first, for the search before (skeleton keys, unranked: the
method up to index version 2, reimplemented here as the baseline) and now.

    python tests/bench/bench_search_quality.py

The set: fictional persons whose names come from the demo pools (app/demo.py: the Latin
spellings of one name with its Arabic original), several cases per identity (given name +
family name) each written with a random spelling, plus look-alike different names with the
same family name (Mahmoud for Muhammad, Hamid for Ahmad, Hussein for Hassan, ...).
Queries: each identity in each Latin spelling and in Arabic; a case is relevant when its
person is that identity. Targets: recall@10 >= 0.95 at precision@10 >= 0.9."""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HERVEST_KDF_TARGET_MS", "1")

from app.demo import FAMILY, FEMALE, MALE  # noqa: E402

RECALL_TARGET, PRECISION_TARGET = 0.95, 0.9
K = 10
# Different names that share a consonant skeleton with a name of the pools.
LOOKALIKES = {"محمد": "محمود", "أحمد": "حامد", "حسن": "حسين", "حامد": "أحمد",
              "محمود": "محمد", "حسين": "حسن"}
Identity = tuple[int, int]  # (given name, family name) as indexes into GIVEN, FAMILY
GIVEN = MALE + FEMALE


@dataclass
class LabelledSet:
    persons: list[tuple[Identity, str, str, str, str]]  # identity, Latin and Arabic names
    queries: list[tuple[str, set[int]]]  # query text, indexes of the relevant persons


def labelled_set(identities: int = 120, per_identity: int = 3, seed: int = 7) -> LabelledSet:
    rng = random.Random(seed)
    by_arabic = {arabic: i for i, (_spellings, arabic) in enumerate(GIVEN)}
    chosen: list[Identity] = []
    for arabic in LOOKALIKES:  # the look-alike names always take part
        chosen.append((by_arabic[arabic], rng.randrange(len(FAMILY))))
    while len(chosen) < identities:
        pair = (rng.randrange(len(GIVEN)), rng.randrange(len(FAMILY)))
        if pair not in chosen:
            chosen.append(pair)
    persons = []
    for identity in chosen:
        given, family = GIVEN[identity[0]], FAMILY[identity[1]]
        for _ in range(per_identity):
            persons.append((identity, rng.choice(given[0]), rng.choice(family[0]),
                            given[1], family[1]))
    queries: list[tuple[str, set[int]]] = []
    for identity in chosen:
        (given, given_ar), (family, family_ar) = GIVEN[identity[0]], FAMILY[identity[1]]
        relevant = {i for i, p in enumerate(persons) if p[0] == identity}
        queries += [(f"{g} {f}", relevant) for g in given for f in family]
        queries.append((f"{given_ar} {family_ar}", relevant))
    for arabic in LOOKALIKES:  # a given name alone: every person of that name
        spellings = GIVEN[by_arabic[arabic]][0]
        relevant = {i for i, p in enumerate(persons) if p[0][0] == by_arabic[arabic]}
        queries += [(s, relevant) for s in (*spellings, arabic)]
    return LabelledSet(persons, queries)


def build_store(labelled: LabelledSet, folder: Path) -> tuple[object, list[str]]:
    """A real store with one case per person of the set; the case id of each person."""
    from app.domain import Case, Person, Role
    from app.store import Store

    store = Store.create(folder / "quality.db", "bench", Role.HQ_COORDINATOR,
                         "bench passphrase 1")
    ids = []
    with store.write() as uow:
        for n, (_identity, given, family, given_ar, family_ar) in enumerate(labelled.persons):
            case = uow.insert(Case(unhcr_case_number=f"DEMO-JOR-{n:07d}"))
            uow.insert(Person(case_id=case.id, given_name=given, family_name=family,
                              given_name_original=given_ar, family_name_original=family_ar))
            ids.append(case.id)
    return store, ids


def baseline(store: object) -> Callable[[str], list[str]]:
    """The search as it was: one FTS5 row per case of folded names, their skeletons and
    the original script; every query word by text, folded or skeleton; unranked."""
    from app.domain.names import fold, name_keys, skeleton

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE old USING fts5(case_id UNINDEXED, body, "
                 "tokenize='trigram')")
    rows = store.conn.execute(  # type: ignore[attr-defined]
        "SELECT c.id, c.unhcr_case_number, p.unhcr_individual_number, p.given_name, "
        "p.family_name, p.given_name_original, p.family_name_original FROM cases c "
        "JOIN persons p ON p.case_id = c.id ORDER BY c.rowid").fetchall()
    for case_id, number, individual, given, family, given_ar, family_ar in rows:
        parts = [number, individual, given_ar, family_ar,
                 *name_keys(f"{given} {family}", f"{given_ar} {family_ar}")]
        conn.execute("INSERT INTO old VALUES (?, ?)", (case_id, " | ".join(p for p in parts if p)))

    def old_search(query: str) -> list[str]:
        terms = []
        for word in query.split():
            forms = {word.lower(), fold(word).replace(" ", "")}
            if len(skeleton(word)) >= 3:
                forms.add(skeleton(word))
            forms = {f for f in forms if len(f) >= 3}
            if forms:
                terms.append("(" + " OR ".join('"' + f.replace('"', '""') + '"'
                                               for f in sorted(forms)) + ")")
        if not terms:
            return []
        return [r[0] for r in conn.execute("SELECT case_id FROM old WHERE old MATCH ? "
                                           "LIMIT 500", (" AND ".join(terms),))]
    return old_search


@dataclass
class Quality:
    precision: float  # mean precision@K over the queries
    recall: float  # mean recall@K (found relevant / min(relevant, K))
    first_relevant: float  # share of queries whose first result is relevant
    first_exact: float  # share of queries whose first result is spelt as the query


def measure(labelled: LabelledSet, case_ids: list[str],
            run: Callable[[str], list[str]]) -> Quality:
    person_of = {case_id: i for i, case_id in enumerate(case_ids)}
    precision, recall, first, exact = [], [], [], []
    for query, relevant in labelled.queries:
        top = [person_of[c] for c in run(query)[:K]]
        hits = sum(1 for p in top if p in relevant)
        precision.append(hits / len(top) if top else 0.0)
        recall.append(hits / min(len(relevant), K))
        first.append(bool(top) and top[0] in relevant)
        spelt = [i for i in relevant if query in " ".join(labelled.persons[i][1:])]
        if spelt:  # a case spelt exactly as the query exists: it comes first
            exact.append(bool(top) and top[0] in spelt)
    return Quality(statistics.fmean(precision), statistics.fmean(recall),
                   statistics.fmean(first), statistics.fmean(exact))


def main() -> int:
    from app.store.search import search

    labelled = labelled_set()
    with tempfile.TemporaryDirectory() as folder:
        store, case_ids = build_store(labelled, Path(folder))
        results = {"before (skeleton keys, unranked)": measure(labelled, case_ids,
                                                               baseline(store)),
                   "after (vowel-aware, ranked)": measure(
                       labelled, case_ids, lambda q: search(store.conn, q))}  # type: ignore[attr-defined]
        store.close()  # type: ignore[attr-defined]
    print(f"{len(labelled.persons)} persons, {len(labelled.queries)} queries; "
          f"targets recall@{K} >= {RECALL_TARGET}, precision@{K} >= {PRECISION_TARGET}")
    print(f"{'method':34} | precision@{K} | recall@{K} | first relevant | first exact")
    for name, q in results.items():
        print(f"{name:34} | {q.precision:12.3f} | {q.recall:9.3f} | {q.first_relevant:14.3f} "
              f"| {q.first_exact:11.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
