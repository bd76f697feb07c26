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


# -- search matching: vowel-aware, so Muhammad and Mahmoud stay apart -----------------------
# The skeleton drops vowels, which is right for duplicates but makes Muhammad (m-u-h-a-m-a-d)
# and Mahmoud (m-a-h-m-ou-d) one name. `sound` keeps where the vowels are and roughly
# which: names agree when their consonants agree and their vowel slots differ in at most
# one place (Youssef / Yusuf, Fatima / Fatma), never in two (Hassan / Hussein).
_SOUND_DIGRAPHS = (*_DIGRAPHS, ("g", "j"))  # Gamal / Jamal, Hegazy / Hijazi
_GH = re.compile(r"gh")
_SLOT = re.compile(r"[aeiouy]+")
# e is written for both fatha and kasra (Mohamed, Hamed); a vowel pair with a and i sounds
# is the diphthong of Hussein / Husayn / Hussain, Leila / Layla, Ziad / Ziyad.
_ALIKE = {("a", "e"), ("e", "i"), ("i", "ai"), ("e", "ai")}
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
_ARABIC_NORMAL = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627",
                                "\u0671": "\u0627", "\u0629": "\u0647", "\u0649": "\u064a"})
_ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")  # short vowels, tatweel


def is_article(word: str) -> bool:
    """A folded word that is the Arabic article written apart (the Al of Al-Hassan)."""
    return word in _ARTICLES


def is_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text))


@lru_cache(maxsize=65536)
def arabic_words(text: str) -> tuple[str, ...]:
    """Arabic words without short-vowel marks, one form of alif, ta marbuta and alif
    maqsura: how the same name is written with or without a hamza on its alif."""
    plain = _ARABIC_MARKS.sub("", text).translate(_ARABIC_NORMAL)
    return tuple(w for w in re.split(r"[^\u0600-\u06ff]+", plain) if w)


def strip_arabic_article(word: str) -> str:
    return _ARABIC_ARTICLE.sub("", word)


@lru_cache(maxsize=65536)
def sound(word: str, partial: bool = False) -> tuple[str, tuple[str, ...]]:
    """One folded word as (consonants, vowel slots): a slot before each consonant and after
    the last, '' where no vowel is written. 'muhammad' -> ('mhmd', ('', 'u', 'a', 'a', '')).
    A `partial` word is still being typed: a last h is a consonant ('Mah' of Mahmoud)."""
    word = _JOINED_ARTICLE.sub("", word if partial else _FINAL_H.sub("", word))
    word = _GH.sub("\x00", word)
    for old, new in _SOUND_DIGRAPHS:
        word = word.replace(old, new)
    word = _REPEATS.sub(r"\1", word.replace("\x00", "gh"))
    consonants, slots, position = [], [], 0
    if word.startswith("y"):  # a consonant at the start (Yusuf, Yasmin)
        consonants.append("y")
        slots.append("")
        position = 1
    rest = word[position:]
    for piece in re.split(r"([aeiouy]+)", rest):
        if not piece:
            continue
        if _SLOT.fullmatch(piece):
            slots.append(_vowel_class(piece))
            continue
        if len(slots) == len(consonants):  # no vowel since the last consonant
            slots.append("")
        for i, letter in enumerate(piece):
            consonants.append(letter)
            if i + 1 < len(piece):
                slots.append("")
    if len(slots) == len(consonants):
        slots.append("")
    return "".join(consonants), tuple(slots)


def _vowel_class(vowels: str) -> str:
    has_a, has_i = any(v in "ae" for v in vowels), any(v in "iy" for v in vowels)
    if len(vowels) > 1 and has_a and has_i:
        return "ai"
    return {"o": "u", "y": "i"}.get(vowels[0], vowels[0])


def _slot_cost(one: str, other: str) -> int:
    return 0 if one == other or (one, other) in _ALIKE or (other, one) in _ALIKE else 1


@lru_cache(maxsize=262144)
def sound_distance(query: str, name: str, prefix: bool = False) -> int | None:
    """How many vowel slots two folded words differ in, None if their consonants differ.
    With `prefix`, `query` is the start of a word still being typed: its consonants start
    the name's, and the slot after its last consonant is not compared (not typed yet)."""
    q_cons, q_slots = sound(query, prefix)
    n_cons, n_slots = sound(name)
    if prefix:
        if not n_cons.startswith(q_cons):
            return None
        q_slots, n_slots = q_slots[:len(q_cons)], n_slots[:len(q_cons)]
    elif q_cons != n_cons:
        return None
    return sum(map(_slot_cost, q_slots, n_slots))
