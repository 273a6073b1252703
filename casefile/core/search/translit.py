"""Transliteration for search (off by default; `--translit`, `search(translit=True)`):
a Latin query word also finds its Cyrillic spellings and a Cyrillic word its Latin ones
(Chekhov ↔ Чехов, Gazprom ↔ Газпром, Nekhludov ↔ Нехлюдов).

Latin -> Cyrillic is ambiguous (e: е/э, y: ы/й/и, h: х/г, a soft sign the Latin never
writes), so the word is read left to right with every romanisation in common use —
BGN/PCGN, ISO 9 (with and without diacritics), the passport/ICAO scheme and the informal
ones (Tch-, -ia, -iu, u for ю) — and a reading is kept only while some indexed word
begins with it (`has_prefix`, one sorted lexicon lookup). What survives to the end and
is an indexed word, or a word the dictionary knows (its other forms are then found by
lemma, see `morph`), is searched. Cyrillic -> Latin is unambiguous per scheme: the word
is romanised with each one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from casefile.core.search import morph

# Latin chunk -> Cyrillic letters it can stand for (any scheme), longest chunks first.
_TO_CYR: dict[str, tuple[str, ...]] = {
    "shch": ("щ",), "sch": ("щ", "ш"), "tch": ("ч",), "zh": ("ж",), "kh": ("х",),
    "ch": ("ч",), "sh": ("ш",), "ts": ("ц",), "tz": ("ц",), "ya": ("я",), "ja": ("я",),
    "ia": ("я", "иа"), "yu": ("ю",), "ju": ("ю",), "iu": ("ю",), "ye": ("е", "ье"),
    "je": ("е",), "yo": ("е",), "jo": ("е",), "ie": ("ье", "ие"), "iy": ("ий",),
    "yi": ("ый", "ьи"), "ey": ("ей",), "ay": ("ай",), "oy": ("ой",), "uy": ("уй",),
    "a": ("а", "я"), "b": ("б",), "v": ("в",), "w": ("в",), "g": ("г",), "d": ("д",),
    "e": ("е", "э"), "z": ("з",), "i": ("и", "й", "ы"), "j": ("й",), "k": ("к",),
    "l": ("л",), "m": ("м",), "n": ("н",), "o": ("о",), "p": ("п",), "r": ("р",),
    "s": ("с",), "t": ("т",), "u": ("у", "ю"), "f": ("ф",), "h": ("х", "г"),
    "c": ("ц", "к"), "x": ("кс",), "q": ("к",), "y": ("ы", "й", "и"), "'": ("ь", "ъ"),
    "č": ("ч",), "š": ("ш",), "ž": ("ж",), "ŝ": ("щ",), "û": ("ю",), "â": ("я",),
    "è": ("э",), "ë": ("е",), "ʹ": ("ь",), "ʺ": ("ъ",), "ǎ": ("я",), "ŭ": ("ю",),
}  # fmt: skip
_CHUNKS = sorted(_TO_CYR, key=len, reverse=True)
_SOFTENABLE = set("бвгдзклмнпрстфхцчшщ")  # a soft sign the Latin spelling left out
MAX_STATES = 300  # readings kept per position

# Cyrillic letter -> Latin, per scheme (ё is folded to е before this).
# fmt: off
_BGN_LATIN = [
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "'", "y", "'", "e", "yu", "ya",
]
# fmt: on
_SCHEMES: dict[str, dict[str, str]] = {
    "bgn": dict(zip("абвгдежзийклмнопрстуфхцчшщъыьэюя", _BGN_LATIN, strict=True)),
}
_SCHEMES["icao"] = {
    **_SCHEMES["bgn"], "й": "i", "ц": "ts", "ъ": "ie", "ь": "", "ю": "iu", "я": "ia",
}  # fmt: skip
_SCHEMES["informal"] = {
    **_SCHEMES["bgn"], "ь": "", "ъ": "", "й": "i", "х": "h", "щ": "sch", "ю": "u", "я": "ya",
}  # fmt: skip
_SCHEMES["iso9"] = {
    **_SCHEMES["bgn"], "ж": "zh", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "shh",
    "й": "j", "ю": "yu", "я": "ya", "ъ": "", "ь": "",
}  # fmt: skip
_LATIN_WORD = re.compile(r"^[a-z'čšžŝûâèëʹʺǎŭ]+$")
_CYR_WORD = re.compile(r"^[а-я]+$")


def to_latin(folded: str) -> list[str]:
    """A Cyrillic word's romanisations (one per scheme, duplicates removed)."""
    if not _CYR_WORD.match(folded):
        return []
    out: list[str] = []
    for table in _SCHEMES.values():
        latin = "".join(table.get(ch, ch) for ch in folded).replace("'", "")
        if latin and latin not in out:
            out.append(latin)
    return out


def to_cyrillic(folded: str, has_prefix: Callable[[str], bool]) -> list[str]:
    """Cyrillic readings of a Latin word that the index can hold: every reading is
    pruned as soon as no indexed word begins with it."""
    if not _LATIN_WORD.match(folded) or len(folded) < 2:
        return []
    # states[i]: Cyrillic readings of folded[:i]
    states: list[set[str]] = [set() for _ in range(len(folded) + 1)]
    states[0].add("")
    for i in range(len(folded)):
        if not states[i]:
            continue
        for chunk in _CHUNKS:
            if not folded.startswith(chunk, i):
                continue
            j = i + len(chunk)
            for prefix in states[i]:
                for cyr in _TO_CYR[chunk]:
                    for cand in _with_soft_sign(prefix + cyr):
                        full = len(states[j]) >= MAX_STATES
                        if not full and cand not in states[j] and has_prefix(cand):
                            states[j].add(cand)
    return sorted(states[-1])


def _with_soft_sign(cand: str) -> tuple[str, ...]:
    if cand and cand[-1] in _SOFTENABLE:
        return (cand, cand + "ь")
    return (cand,)


def known_word(cyr: str) -> bool:
    """Whether the dictionary knows a Cyrillic reading (it is then searched even when
    only its other forms are indexed: "газпром" for an index holding "газпрома")."""
    return morph.applies(cyr) and morph.lexeme(cyr)[1]
