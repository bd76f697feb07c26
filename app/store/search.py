"""Case search over an FTS5 trigram index of folded names, name skeletons and numbers.

One row per case holds every searchable form of its persons' names in Latin and original
script, so "Muhammad" finds "Mohammed" and "محمد", and a substring of a UNHCR number
finds its case. The index is derived data: the unit of work refreshes a case's row in
the same transaction as the write that changed it."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from app.domain.names import (
    arabic_words,
    fold,
    is_arabic,
    is_article,
    sound,
    sound_distance,
    strip_arabic_article,
)
from app.store import sql

TABLE = "case_search"


KEYS = "case_search_keys"
# Bump when name folding (app/domain/names.py) or the indexed text changes: databases
# indexed by an older version are re-indexed once when they are opened.
INDEX_VERSION = 3
_VERSION_KEY = "search_index_version"
_CHUNK = 500  # cases re-indexed per round (bounded memory)
CANDIDATES = 5000  # index hits scored per search
_PUNCTUATION = string.punctuation + "\u060c\u061b\u061f"  # and Arabic comma, semicolon, ?


def _person_line(number: str, nationality: str, latin: str, original: str) -> str:
    """A person's searchable line: number, nationality, the names as written, then the
    keys in lower case: each Latin word folded and its consonants between # (so a
    two-letter frame such as Ali's "#l#" is long enough for the trigram index), the Arabic
    words in one normal form, number and nationality."""
    folded = [w for w in fold(latin).split(" ") if w]
    keys = [*folded, *(f"#{sound(w)[0]}#" for w in folded), *arabic_words(original),
            (number or "").lower(), (nationality or "").lower()]
    return "\t".join((number or "", nationality or "", latin, original, " ".join(keys)))


def case_bodies(conn: sql.Connection, case_ids: list[str]) -> dict[str, str]:
    """The searchable text of each existing case among `case_ids`: a line for the case
    (number, host country), then one line per person (`_person_line`)."""
    parts: dict[str, list[str]] = {}
    wanted = (sql.ids(case_ids),)
    for case_id, number, country in conn.execute(
            f"SELECT id, unhcr_case_number, host_country FROM cases WHERE id {sql.IN_IDS}",
            wanted):
        parts[case_id] = [f"{number or ''}\t{country or ''}"]
    for row in conn.execute(
            "SELECT case_id, unhcr_individual_number, given_name, family_name, "
            "given_name_original, family_name_original, nationality FROM persons "
            f"WHERE case_id {sql.IN_IDS} ORDER BY relationship != 'principal', id", wanted):
        case_id, number, given, family, given_orig, family_orig, nationality = row
        if case_id in parts:
            latin = " ".join(p for p in (given, family) if p)
            original = " ".join(p for p in (given_orig, family_orig) if p)
            parts[case_id].append(_person_line(number, nationality, latin, original))
    return {case_id: "\n".join(found) for case_id, found in parts.items()}


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


@dataclass(frozen=True)
class Word:
    """One word of a query, in the forms it is compared in."""

    raw: str  # lower case, as typed, without punctuation around it (numbers)
    folded: str  # Latin, folded ('' for an Arabic word)
    arabic: str  # normal Arabic form ('' for a Latin word)
    partial: bool  # the last word, still being typed


def words(query: str) -> list[Word]:
    """The words of `query` that must match. A trailing hyphen or other punctuation of the
    word being typed is not a word ("Muhammad Al-" is "Muhammad Al"); the Arabic article
    on its own is optional (names are written with and without it)."""
    found: list[Word] = []
    pieces = query.split()
    for i, piece in enumerate(pieces):
        partial = i + 1 == len(pieces) and not query[-1:].isspace()
        raw = piece.lower().strip(_PUNCTUATION)
        if not raw:
            continue
        if is_arabic(piece):
            forms = arabic_words(piece)
            found += [Word(raw, "", a, partial and j + 1 == len(forms))
                      for j, a in enumerate(forms)]
            continue
        parts = [p for p in fold(piece).split(" ") if p]
        if any(c.isdigit() for c in raw):  # a number: matched as typed, hyphens and all
            found.append(Word(raw, "", "", partial))
            continue
        found += [Word(raw if len(parts) == 1 else p, p, "", partial and j + 1 == len(parts))
                  for j, p in enumerate(parts) if not is_article(p)]
    return found


def _terms(word: Word) -> list[str]:
    """What the index must hold for `word` (any of them); [] when no form is long enough
    for the trigram index and the word is left to the scoring."""
    if word.arabic:
        forms = {word.arabic, strip_arabic_article(word.arabic)}
    elif word.folded:
        forms = {word.folded, f"#{sound(word.folded)[0]}#"}
        if word.partial:  # a word being typed may end anywhere ("Mah" of Mahmoud)
            start = f"#{sound(word.folded, True)[0]}"
            if len(start) < 3:  # too short for the index: any name may go on like that
                return []
            forms.add(start)
    else:
        forms = {word.raw}
    return sorted(f for f in forms if len(f) >= 3)


def match_expression(query: str) -> str | None:
    """An FTS5 query for what the user typed: every word must be in the index in one of
    its forms. None when no word has a form long enough for the trigram index."""
    terms = []
    for word in words(query):
        forms = _terms(word)
        if forms:
            terms.append("(" + " OR ".join(_phrase(f) for f in forms) + ")")
    return " AND ".join(terms) if terms else None


@dataclass(frozen=True)
class Match:
    """A case found, its score (100: every word exactly) and who or what matched."""

    case_id: str
    score: float
    who: str  # the person's name as written (or the case number)
    fields: tuple[str, ...]  # FIELDS that matched


FIELDS = ("name", "original", "number", "nationality", "case")


def _latin_score(word: str, partial: bool, name: str) -> float:
    if word == name:
        return 100.0
    if partial and name.startswith(word):
        return 90.0
    distance = sound_distance(word, name)
    if distance == 0:
        return 95.0
    if distance == 1 and len(sound(name)[0]) >= 3:  # one vowel apart: Youssef / Yusuf
        return 80.0
    if partial and sound_distance(word, name, True) == 0:
        return 85.0
    return 0.0


def _arabic_score(word: str, partial: bool, name: str) -> float:
    if word == name:
        return 100.0
    if strip_arabic_article(word) == strip_arabic_article(name):
        return 95.0
    return 90.0 if partial and name.startswith(word) else 0.0


# Cached per word and person's names: the words before the one being typed come back on
# every keystroke, and names repeat across persons.
@lru_cache(maxsize=262144)
def _best_latin(word: str, partial: bool, names: tuple[str, ...]) -> float:
    return max((_latin_score(word, partial, n) for n in names), default=0.0)


@lru_cache(maxsize=262144)
def _best_arabic(word: str, partial: bool, names: tuple[str, ...]) -> float:
    return max((_arabic_score(word, partial, n) for n in names), default=0.0)


class _Person(NamedTuple):
    number: str  # lower case
    nationality: str  # folded
    latin: str
    original: str
    latin_words: tuple[str, ...]
    original_words: tuple[str, ...]
    keys: str


def _person(line: str) -> _Person:
    number, nationality, latin, original, keys = line.split("\t")
    return _Person(number.lower(), fold(nationality), latin, original,
                   tuple(fold(latin).split(" ")), arabic_words(original), keys)


@lru_cache(maxsize=65536)
def _case(body: str) -> tuple[str, str, tuple[_Person, ...]]:
    """(case line in lower case, case number, persons): parsed once, the same candidates
    come back on every keystroke."""
    case_line, *lines = body.split("\n")
    return (case_line.lower(), case_line.split("\t")[0],
            tuple(map(_person, lines)) if lines else (_NOBODY,))


_NOBODY = _Person("", "", "", "", (), (), "")


class _Query(NamedTuple):
    words: list[Word]
    needs: list[re.Pattern[str]]  # per word with index forms: any of them


def _prepare(query: str) -> _Query:
    found = words(query)
    return _Query(found, [re.compile("|".join(map(re.escape, terms)))
                          for terms in map(_terms, found) if terms])


def _score_person(query: _Query, case_line: str, person: _Person
                  ) -> tuple[float, tuple[str, ...]] | None:
    total, fields = 0.0, set()
    for word in query.words:
        best, field = 0.0, ""
        if word.arabic:
            best = _best_arabic(word.arabic, word.partial, person.original_words)
            field = "original"
        elif word.folded:
            best = _best_latin(word.folded, word.partial, person.latin_words)
            field = "name"
            if best < 100 and word.folded == person.nationality:
                best, field = 100.0, "nationality"
        if best < 100 and len(word.raw) >= 3:
            if word.raw in person.number:
                best, field = 100.0, "number"
            elif word.raw in case_line:
                best, field = 100.0, "case"
        if not best:
            return None
        total += best
        fields.add(field)
    return total / len(query.words), tuple(f for f in FIELDS if f in fields)


def _score_case(query: _Query, case_id: str, body: str) -> Match | None:
    """The case's best person (ties: the first, the principal applicant)."""
    case_lower, number, persons = _case(body)
    needs = [need for need in query.needs if not need.search(case_lower)]
    best: Match | None = None
    # First the index's test per person, not per case: most persons fail it at once.
    for person in [p for p in persons if all(need.search(p.keys) for need in needs)]:
        scored = _score_person(query, case_lower, person)
        if scored and (best is None or scored[0] > best.score):
            who = person.original if scored[1] == ("original",) else person.latin
            if scored[1] == ("case",) or not who:
                who = number
            best = Match(case_id, scored[0], who, scored[1])
    return best


def find(conn: sql.Connection, query: str, limit: int = 1000) -> list[Match]:
    """The cases that match `query`, best first, each with who matched. Candidates come
    from the index; each is scored per person against every query word (`_score_person`:
    exact words first, then other spellings of the same name, then the start of the word
    being typed), so a look-alike name with other vowels (Mahmoud for Muhammad) is no
    match. At most CANDIDATES index hits are scored (a word as common as Muhammad)."""
    prepared = _prepare(query)
    if not prepared.words:
        return []
    expression = match_expression(query)
    select = f"SELECT k.case_id, body FROM {TABLE} JOIN {KEYS} k ON k.n = {TABLE}.rowid"
    if expression is None:
        rows = conn.execute(f"{select} LIMIT ?", (CANDIDATES,))
    else:
        rows = conn.execute(f"{select} WHERE {TABLE} MATCH ? LIMIT ?",
                            (expression, CANDIDATES))
    found = [m for case_id, body in rows if (m := _score_case(prepared, case_id, body))]
    found.sort(key=lambda m: -m.score)  # stable: equal scores keep the index's order
    return found[:limit]


def search(conn: sql.Connection, query: str, limit: int = 1000) -> list[str]:
    """Case ids that match `query`, best first."""
    return [m.case_id for m in find(conn, query, limit)]
