"""Name folding for search and duplicate detection across scripts and transliterations.

`fold` makes a name comparable regardless of case, diacritics and script (Arabic is
transliterated to Latin with anyascii). `skeleton` reduces a folded name to the consonant
frame that different transliterations of one Arabic name share:
Mohammed / Muhammad / Mohamed / محمد -> "mhmd"; Hussein / Husayn -> "hsn"."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_NON_ALNUM = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
# Spellings of one sound in English, French and German transliterations of Arabic.
_DIGRAPHS = (("ch", "sh"), ("sch", "sh"), ("dj", "j"), ("ph", "f"), ("q", "k"), ("ck", "k"),
             ("ou", "u"), ("oo", "u"), ("ee", "i"), ("z", "z"), ("x", "ks"))
_VOWELS = re.compile(r"[aeiouyw]")
_REPEATS = re.compile(r"(.)\1+")
_ARABIC_FINALS = str.maketrans({"\u0629": "a", "\u0649": "a"})
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")  # Fatimah -> Fatima, Aishah -> Aisha


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII words, no diacritics, one space between words."""
    if not text:
        return ""
    # ta marbuta and alif maqsura are written -a / -ah / -e in Latin: make them a vowel
    text = text.translate(_ARABIC_FINALS)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    latin = anyascii(stripped).lower().replace("'", "").replace("`", "")
    return _SPACES.sub(" ", _NON_ALNUM.sub(" ", latin)).strip()


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Consonant frame of a whole name (spaces removed: 'Abd al' and 'Abdel' agree)."""
    word = _FINAL_H.sub("", fold(text)).replace(" ", "")
    for old, new in _DIGRAPHS:
        word = word.replace(old, new)
    if not word:
        return ""
    head, tail = word[0], word[1:]
    frame = ("" if head in "aeiou" else head) + _VOWELS.sub("", tail)
    return _REPEATS.sub(r"\1", frame)


def name_keys(*names: str) -> list[str]:
    """Every searchable form of some names: folded words and skeletons, without repeats."""
    keys: list[str] = []
    for name in names:
        folded = fold(name)
        if not folded:
            continue
        keys.append(folded)
        for word in folded.split(" "):
            sk = skeleton(word)
            if len(sk) >= 2 and sk not in keys:
                keys.append(sk)
    return keys
