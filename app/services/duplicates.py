"""Likely duplicate persons across cases and missions, for a person to confirm or dismiss.

Two rules:
1. the same UNHCR individual number on two person records;
2. similar names across transliterations and scripts (Mohammed / Muhammad / محمد) with a
   compatible birth date (a year-only date fits every full date of that year).

Rule 2 never compares all pairs: each person gets blocking keys (the transliteration
skeletons of their name, as a set, plus the birth year), and only persons sharing a key and
a compatible date are scored, with rapidfuzz on the folded names. The work grows with the
number of persons times the (small) size of a block: linearly, as long as whole names are
as varied as real ones (given, father's and family name)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz

from app.domain import DuplicateFlag, DuplicateStatus, Person
from app.domain.names import fold, frame
from app.services.access import Action, require
from app.services.messages import Refused
from app.store.database import Store

SAME_NUMBER = "same_unhcr_number"
SIMILAR_NAME = "similar_name_birth_date"
THRESHOLD = 0.8  # lowest score flagged
# How much a birth date says: a full date that agrees, or only the year or month known.
DATE_WEIGHT = {10: 1.0, 7: 0.95, 4: 0.9}
# When more persons than this share a name and the part of a birth date that one of them
# has (only a year, say), that agreement no longer singles anyone out: it is not flagged.
# This also keeps the work per person bounded however common a name is.
CROWD = 12
COLUMNS = ("id, case_id, unhcr_individual_number, given_name, family_name, "
            "given_name_original, family_name_original, birth_date, sex")


@dataclass(frozen=True)
class Candidate:
    person_a_id: str
    person_b_id: str
    reason: str
    score: float


class _Entry(NamedTuple):  # a tuple: hundreds of thousands are made per scan
    id: str
    case_id: str
    birth: str
    sex: str
    latin: str  # folded Latin name
    original: str  # folded original-script name ("" when none)
    original_words: frozenset[str]  # the original-script name as written (folded words)
    frames: tuple[frozenset[str], ...]  # skeleton words of each rendering of the name


def _entry(row: tuple) -> tuple[_Entry, set[str], set[str]]:
    """The entry and its blocking keys: the skeleton set of each rendering of the name, and
    (short keys) of its first given name with the family name, so that a record that leaves
    the father's name out still meets the whole name."""
    pid, case_id, _, given, family, given_o, family_o, birth, sex = row
    latin, original = f"{given} {family}", f"{given_o} {family_o}".strip()
    folded_original = fold(original)
    frames = tuple(frozenset(f) for f in (frame(latin), frame(original)) if f)
    entry = _Entry(pid, case_id, birth or "", sex, fold(latin), folded_original,
                   frozenset(folded_original.split()), frames)
    keys = {" ".join(sorted(f)) for f in frames}
    short = set()
    for first, last in ((given, family), (given_o, family_o)):
        words = frame(f"{first.split(' ')[0]} {last}")
        if words:
            short.add(" ".join(words))
    return entry, keys, short - keys


def _compatible(a: str, b: str) -> int:
    """Length of the agreeing date prefix (10, 7 or 4), or 0 when the dates disagree."""
    if not a or not b:
        return 0
    shorter = min(len(a), len(b))
    return shorter if a[:shorter] == b[:shorter] and shorter in DATE_WEIGHT else 0


def _score(a: _Entry, b: _Entry) -> float:
    if a.sex != b.sex and "U" not in (a.sex, b.sex):
        return 0.0
    agree = _compatible(a.birth, b.birth)
    if not agree:
        return 0.0
    forms_a = [f for f in (a.latin, a.original) if f]
    forms_b = [f for f in (b.latin, b.original) if f]
    name = max(fuzz.token_sort_ratio(x, y) for x in forms_a for y in forms_b) / 100
    pairs = [(x, y) for x in a.frames for y in b.frames]
    if any(x == y for x, y in pairs):
        name = 1.0  # every part sounds the same, only the spelling differs
    elif any(x <= y or y <= x for x, y in pairs):
        name = max(name, 0.9)  # one record leaves a part out (the father's name)
    # Same skeleton, different names (Hassan / Hussein: حسن / حسين): the original script,
    # which writes long vowels, tells them apart.
    wa, wb = a.original_words, b.original_words
    if wa and wb and not (wa <= wb or wb <= wa):
        name *= 0.7
    return round(name * DATE_WEIGHT[agree], 4)


def scan(store: Store) -> list[Candidate]:
    """Every likely duplicate pair, best first (reads only)."""
    require(store.user, Action.READ, DuplicateFlag.ENTITY)
    found: dict[tuple[str, str], Candidate] = {}
    for (ids,) in store.rows(
            "SELECT group_concat(id, ' ') FROM persons "
            "WHERE unhcr_individual_number != '' GROUP BY unhcr_individual_number "
            "HAVING COUNT(*) > 1"):
        members = sorted(ids.split(" "))
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                found[(a, b)] = Candidate(a, b, SAME_NUMBER, 1.0)
    for a, b, score in similar_pairs(store.conn.execute(f"SELECT {COLUMNS} FROM persons")):
        if (a, b) not in found and score >= THRESHOLD:
            found[(a, b)] = Candidate(a, b, SIMILAR_NAME, score)
    return sorted(found.values(), key=lambda c: (-c.score, c.person_a_id, c.person_b_id))


def similar_pairs(rows: Iterable[tuple]) -> Iterator[tuple[str, str, float]]:
    """Scored pairs (a, b, score) from person rows in the order of `COLUMNS`."""
    # Each block holds (entry, whether only its short key brought it there). Two whole names
    # that share only the short key differ in the father's name: they are not compared, so
    # the work stays linear however many namesakes a large case list holds.
    blocks: dict[tuple[str, str], list[tuple[_Entry, bool]]] = defaultdict(list)
    for row in rows:
        entry, keys, short = _entry(row)
        if not entry.birth:
            continue  # without any birth date a name alone is too weak to flag
        year = entry.birth[:4]
        for key in keys:
            blocks[(key, year)].append((entry, False))
        for key in short:
            blocks[(key, year)].append((entry, True))
    seen: set[tuple[str, str]] = set()
    for members in blocks.values():
        if len(members) < 2 or all(short for _, short in members):
            continue
        by_prefix: dict[str, list[tuple[_Entry, bool]]] = defaultdict(list)
        for member in members:
            birth = member[0].birth
            for length in DATE_WEIGHT:
                if len(birth) >= length:
                    by_prefix[birth[:length]].append(member)
        for entry, short in members:
            if len(entry.birth) == 10:  # a full date meets the same date
                others = [o for o in by_prefix[entry.birth] if len(o[0].birth) == 10]
            else:  # a partial date meets every date it could be, unless that is a crowd
                others = by_prefix[entry.birth]
                if len(others) > CROWD:
                    continue
            for other, other_short in others:
                pair = (entry.id, other.id) if entry.id < other.id else (other.id, entry.id)
                if other.id == entry.id or (short and other_short) or pair in seen:
                    continue
                seen.add(pair)
                yield (*pair, _score(entry, other))


def flag(store: Store, candidates: Iterable[Candidate]) -> list[DuplicateFlag]:
    """Store new flags; a pair flagged before (open, confirmed or dismissed) is not raised
    again, so a dismissal sticks."""
    require(store.user, Action.WRITE, DuplicateFlag.ENTITY)
    known = {(a, b) for a, b in store.rows("SELECT person_a_id, person_b_id FROM "
                                           "duplicate_flags")}
    new = [DuplicateFlag(person_a_id=c.person_a_id, person_b_id=c.person_b_id,
                         reason=c.reason, score=c.score)
           for c in candidates if (c.person_a_id, c.person_b_id) not in known]
    with store.write() as uow:
        uow.insert_many(new)
    return new


def run(store: Store) -> list[DuplicateFlag]:
    """Scan and store the new flags."""
    return flag(store, scan(store))


def decide(store: Store, flag_id: str, confirmed: bool) -> DuplicateFlag:
    """A person confirms (the same person) or dismisses (different people) a flag."""
    require(store.user, Action.WRITE, DuplicateFlag.ENTITY)
    item = store.get(DuplicateFlag, flag_id)
    if item.status is not DuplicateStatus.OPEN:
        raise Refused("duplicates.decided")
    status = DuplicateStatus.CONFIRMED if confirmed else DuplicateStatus.DISMISSED
    with store.write() as uow:
        return uow.update(item, status=status, decided_by=store.user_id)


def open_flags(store: Store) -> list[DuplicateFlag]:
    require(store.user, Action.READ, DuplicateFlag.ENTITY)
    return store.select(DuplicateFlag, "status = ?", (DuplicateStatus.OPEN.value,),
                        order_by="score DESC, id")


def persons_of(store: Store, item: DuplicateFlag) -> tuple[Person, Person]:
    return store.get(Person, item.person_a_id), store.get(Person, item.person_b_id)
