"""Name folding for search and duplicate detection across scripts and transliterations.

`fold` makes a name comparable regardless of case, diacritics and script (Arabic is
transliterated to Latin with anyascii). `skeleton` reduces a folded name to the consonant
frame that different transliterations of one Arabic name share:
Mohammed / Muhammad / Mohamed / محمد -> "mhmd"; Hussein / Husayn -> "hsn";
Uthman / Osman -> "smn"; Al-Hassan / Alhassan -> "hsn"."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_NON_ALNUM = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")
# Spellings of one sound in English, French and German transliterations of Arabic.
# "th" and "dh" render Arabic letters that Turkish and Persian spellings write s and z
# (Uthman / Osman, Dhikra / Zikra).
_DIGRAPHS = (("sch", "sh"), ("ch", "sh"), ("dj", "j"), ("ph", "f"), ("q", "k"), ("ck", "k"),
             ("th", "s"), ("dh", "z"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("x", "ks"))
# The Arabic article, written apart (Al-Hassan, El Masry) or joined (Alhassan).
_ARTICLES = frozenset({"al", "el", "ul"})
_JOINED_ARTICLE = re.compile(r"^[ae]l(?=[b-df-hj-np-tv-z][a-z]{2,})")
_VOWELS = re.compile(r"[aeiouyw]")
_REPEATS = re.compile(r"(.)\1+")
# ta marbuta and alif maqsura are written -a / -ah / -e in Latin; a hamza on ya or waw is a
# vowel in Latin spellings (عائشة: Aisha, not "Aysha" with a consonant y).
_ARABIC_VOWELISH = str.maketrans({"\u0629": "a", "\u0649": "a", "\u0626": "i",
                                  "\u0624": "u"})
_ARABIC_ARTICLE = re.compile(r"(?<!\S)\u0627\u0644(?=\S{2,})")  # ال at the start of a word
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")  # Fatimah -> Fatima, Aishah -> Aisha


def fold(text: str) -> str:
    """Lower-case ASCII words, no diacritics, one space between words."""
    # Word by word: names are few words from a small vocabulary, so the cache of words hits
    # where one of whole names (every person a new combination) would not.
    return " ".join(filter(None, map(_fold_word, text.split(" "))))


@lru_cache(maxsize=65536)
def _fold_word(text: str) -> str:
    text = text.translate(_ARABIC_VOWELISH)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    latin = anyascii(stripped).lower().replace("'", "").replace("`", "")
    return _SPACES.sub(" ", _NON_ALNUM.sub(" ", latin)).strip()


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Consonant frame of a whole name (spaces removed: 'Abd al' and 'Abdel' agree; the
    article dropped: 'Al-Hassan', 'El Hassan', 'Alhassan' and 'Hassan' agree)."""
    words = _FINAL_H.sub("", fold(_ARABIC_ARTICLE.sub("", text))).split(" ")
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    word = _JOINED_ARTICLE.sub("", "".join(words))
    for old, new in _DIGRAPHS:
        word = word.replace(old, new)
    if not word:
        return ""
    head, tail = word[0], word[1:]
    frame = _REPEATS.sub(r"\1", ("" if head in "aeiou" else head) + _VOWELS.sub("", tail))
    # A final h is often not written in Latin (صالح: Saleh, Salih; Fatimah: Fatima).
    return frame[:-1] if len(frame) > 2 and frame.endswith("h") else frame


@lru_cache(maxsize=65536)
def frame(name: str) -> tuple[str, ...]:
    """The skeletons of a name's words, sorted, without the article: the parts of a name
    whatever their order, spelling or script ('Al-Hassan Mohammed' and 'محمد الحسن')."""
    words = fold(_ARABIC_ARTICLE.sub("", name)).split(" ")
    words = [w for i, w in enumerate(words) if w not in _ARTICLES or i + 1 == len(words)]
    return tuple(sorted({sk for sk in map(skeleton, words) if sk}))


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
