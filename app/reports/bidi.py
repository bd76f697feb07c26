"""Right-to-left names on a single line.

reportlab 5.1 shapes Arabic with uharfbuzz, but draws the shaped glyphs of a
right-to-left run in reverse (letters come out mirrored: checked against HarfBuzz and
libraqm by rendering to PNG). So Hervest shapes right-to-left runs itself: HarfBuzz gives
the glyphs in visual order, each glyph is mapped back to the character the font draws it
for (Arabic presentation forms), and the line is drawn left to right without further
shaping. Runs are reordered for the line (a line starting with Arabic runs right to
left). This is right for one line only, so names sit in single-line cells, never wrapped."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

import uharfbuzz as hb

from app.reports.fonts import FONT_DIR

RTL_CLASSES = frozenset({"R", "AL", "NSM"})
NEUTRAL_CLASSES = frozenset({"WS", "ON", "CS", "ES", "ET", "BN", "S"})
FONT_FILE = FONT_DIR / "DejaVuSans.ttf"
# Characters a shaped Arabic run can map back to: Arabic, its supplement, presentation forms.
REVERSE_RANGES = ((0x0600, 0x0780), (0x08A0, 0x0900), (0xFB50, 0xFE00), (0xFE70, 0xFF00),
                  (0x20, 0x7F))


def is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


@cache
def _font() -> tuple[hb.Font, dict[int, str]]:
    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(FONT_FILE))))
    reverse: dict[int, str] = {}
    for start, end in REVERSE_RANGES:
        for code in range(start, end):
            gid = font.get_nominal_glyph(code)
            if gid:
                reverse.setdefault(gid, chr(code))
    return font, reverse


@lru_cache(maxsize=8192)
def shape_rtl(run: str) -> str:
    """A right-to-left run as the characters to draw, left to right, already joined.
    Cached: a list of thousands of names repeats the same given and family names."""
    font, reverse = _font()
    buf = hb.Buffer()
    buf.add_str(run)
    buf.direction, buf.script, buf.language = "rtl", "Arab", "ar"
    hb.shape(font, buf, {"kern": True, "liga": True})
    return "".join(reverse.get(info.codepoint) or run[info.cluster]
                   for info in buf.glyph_infos)


def _runs(text: str) -> list[tuple[bool, str]]:
    """Split into (rtl, text) runs; spaces and punctuation stay with the run they are in."""
    runs: list[tuple[bool, str]] = []
    for char in text:
        kind = unicodedata.bidirectional(char)
        rtl = kind in RTL_CLASSES if kind not in NEUTRAL_CLASSES else (
            runs[-1][0] if runs else False)
        if runs and runs[-1][0] == rtl:
            runs[-1] = (rtl, runs[-1][1] + char)
        else:
            runs.append((rtl, char))
    return runs


@lru_cache(maxsize=8192)
def visual_line(text: str) -> str:
    """`text` as drawn on one line, left to right (unchanged if it has no RTL script)."""
    text = " ".join(text.split())
    if not is_rtl(text):
        return text
    runs = _runs(text)
    parts = [shape_rtl(run.strip()) if rtl else run.strip() for rtl, run in runs]
    if runs[0][0]:  # the line's base direction is right to left
        parts.reverse()
    return " ".join(p for p in parts if p)
