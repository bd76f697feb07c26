"""Hypothesis strategies for fuzzing: random bytes, and seeds mutated the way a damaged
file or a hostile peer would (flipped bits, cut tails, spliced junk, JSON edge values)."""

from __future__ import annotations

from hypothesis import strategies as st

SPLICES = (b"0", b"-1", b"1e999", b"99999999999999999999999", b"null", b"true", b'""',
           b"[]", b"{}", b'"\\u0000"', b"\xff\xfe", b"\x00" * 8, b"'", b"|", b"\n",
           b"A" * 300, "محمد".encode(), b"NaN", b"../../etc/passwd")


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, max(0, len(data) - 1))) if data else 0
        kind = draw(st.sampled_from(("flip", "cut", "splice", "delete", "replace")))
        if kind == "flip" and data:
            data[where] ^= 1 << draw(st.integers(0, 7))
        elif kind == "cut":
            del data[where:]
        elif kind == "delete":
            del data[where:where + draw(st.integers(1, 64))]
        elif kind == "splice":
            data[where:where] = draw(st.sampled_from(SPLICES))
        else:
            data[where:where + draw(st.integers(1, 16))] = draw(st.binary(max_size=16))
    return bytes(data)


def inputs(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    return st.one_of(mutated(seeds), st.binary(max_size=512), st.sampled_from(seeds))
