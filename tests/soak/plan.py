"""The soak's writes, numbered and reproducible: operation n is the same in the writer and
in the checker, so the checker can say exactly what the database must hold after n."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Op:
    n: int
    persons: int
    notes_len: int
    update: int | None  # the case whose notes become f"v{n}"
    drop_first_person_of: int | None


def plan(seed: int, n: int) -> Op:
    rng = random.Random(seed * 1_000_003 + n)

    def earlier(chance: float) -> int | None:
        return rng.randrange(n) if n and rng.random() < chance else None

    persons, notes_len = rng.randint(1, 4), rng.choice((0, 10, 300, 3000))
    return Op(n, persons, notes_len, earlier(0.35), earlier(0.15))


def number(n: int) -> str:
    return f"SOAK-{n}"


def person(n: int, i: int) -> str:
    return f"P{n}-{i}"


def expected(seed: int, upto: int) -> dict[str, tuple[str, frozenset[str]]]:
    """Case number -> (notes, person names) after operations 0..upto."""
    state: dict[str, tuple[str, set[str]]] = {}
    for n in range(upto + 1):
        op = plan(seed, n)
        state[number(n)] = ("x" * op.notes_len, {person(n, i) for i in range(op.persons)})
        if op.update is not None:
            state[number(op.update)] = (f"v{n}", state[number(op.update)][1])
        if op.drop_first_person_of is not None:
            state[number(op.drop_first_person_of)][1].discard(person(op.drop_first_person_of, 0))
    return {k: (notes, frozenset(names)) for k, (notes, names) in state.items()}
