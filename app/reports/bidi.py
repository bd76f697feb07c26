"""Right-to-left names on a single line.

reportlab shapes Arabic letters within a word (uharfbuzz) but places words left to right.
For one line that is fixed by reordering runs: words of an Arabic run go right to left,
and when the line starts with Arabic the runs themselves do too. This is correct only for
a single line, so names are drawn in single-line cells (shrunk to fit), never wrapped."""

from __future__ import annotations

import unicodedata

RTL_CLASSES = frozenset({"R", "AL"})
STRONG_LTR = "L"


def _direction(word: str) -> str | None:
    """'rtl', 'ltr' or None (digits, punctuation: they join the run around them)."""
    for char in word:
        kind = unicodedata.bidirectional(char)
        if kind in RTL_CLASSES:
            return "rtl"
        if kind == STRONG_LTR:
            return "ltr"
    return None


def is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in RTL_CLASSES for c in text)


def visual_order(text: str) -> str:
    """The words of `text` in the order they appear on a line, left to right."""
    words = text.split()
    if not words or not is_rtl(text):
        return " ".join(words)
    runs: list[tuple[str, list[str]]] = []
    for word in words:
        direction = _direction(word) or (runs[-1][0] if runs else None)
        if runs and direction in (None, runs[-1][0]):
            runs[-1][1].append(word)
        else:
            runs.append((direction or "ltr", [word]))
    ordered = [list(reversed(ws)) if d == "rtl" else ws for d, ws in runs]
    if runs[0][0] == "rtl":  # the base direction of the line is right to left
        ordered.reverse()
    return " ".join(w for ws in ordered for w in ws)
