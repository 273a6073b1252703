"""Text that extracted, but is not the document's words.

A PDF's text layer can lie: a font without a usable ToUnicode map gives unrelated
characters from half a dozen scripts, a scrambled glyph map gives "Agaaaaa AAAA", a bad
OCR layer reads Russian as Latin look-alikes ("HoMep KoppeKn1pOBKH" for "Номер
корректировки"), and a non-Unicode CMap gives control characters and mojibake. Such a
document looks indexed, yet no search will ever find it. We keep the text (it is what
the file says) but flag the document, so the investigator knows to OCR it or read the
original. Each test is a cheap count on a sample; each threshold sits far from what
real text in the corpus does (see docs/architecture.md, ingest).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping

import numpy as np

from casefile.core.i18n import N_

MIN_LETTERS = 20  # too little text to judge
_WORD = re.compile(r"[^\W_]{4,}")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]{4,}")
_ODD_CASE = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]|[A-Za-z][0-9][A-Za-z]")
_BAD = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffd\ue000-\uf8ff\u25a1\u25af]")  # □ ▯: boxes


_FAMILIES = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "FULLWIDTH": "LATIN"}


def character_counts(text: str) -> dict[str, int]:
    """How often each distinct character occurs: `Counter(text)`'s contents (in code
    point order rather than first-seen order, which no count here depends on). numpy
    sorts the code points in C: ~0.1 ms for a 3 KB note where `Counter`, one dict update
    per character, took ~0.3 ms. Lone surrogates (a damaged text layer) count as
    themselves, as in `Counter`."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    distinct, counts = np.unique(points, return_counts=True)
    return dict(zip(map(chr, distinct.tolist()), counts.tolist(), strict=True))


@functools.lru_cache(maxsize=8192)
def _script(ch: str) -> str:
    """The script of a letter, by its Unicode name; Japanese and Korean writing mixes
    several scripts in every sentence, so those count as one family. Remembered per
    letter: a worker asks for the same few dozen letters in every document."""
    name = unicodedata.name(ch, "")
    script = name.split(" ", 1)[0] if name else "?"
    return _FAMILIES.get(script, script)


# Recorded in English (a document's status reason) and shown through translate_recorded:
# whole sentences, one for a PDF's text layer (where OCR may help) and one for the text
# of any other file, so that each translates as a whole.
_CONTROL = (
    N_(
        "The text layer of this PDF looks garbled (control characters, boxes or unknown "
        "symbols instead of letters). OCR may help; the original is kept."
    ),
    N_(
        "The text of this file looks garbled (control characters, boxes or unknown symbols "
        "instead of letters)."
    ),
)
_SCRIPTS = (
    N_(
        "The text layer of this PDF looks garbled (letters of %(n)d unrelated scripts mixed "
        "together: its font has no usable character map). OCR may help; the original is kept."
    ),
    N_(
        "The text of this file looks garbled (letters of %(n)d unrelated scripts mixed "
        "together: its font has no usable character map)."
    ),
)
_REPEATED = N_(
    "The text layer of this PDF looks garbled (one letter repeated in place of all others). "
    "OCR may help; the original is kept."
)
_LOOK_ALIKES = N_(
    "The text layer of this PDF looks garbled (its words mix capitals, small letters and "
    "digits like Latin look-alikes of Cyrillic letters). OCR may help; the original is kept."
)


def garbled_reason(
    text: str, file_type: str = "pdf", counts: Mapping[str, int] | None = None
) -> str | None:
    """A sentence saying why `text` looks like garbage, or None when it looks like text.

    Every count is taken over the text's distinct characters (`Counter` counts them in
    C), not character by character in Python: a per-letter loop asking each letter's
    Unicode name was most of an extraction worker's time on a 3 KB note. `counts` is
    `character_counts(text)` when the caller has it (language detection uses it too)."""
    if counts is None:
        counts = character_counts(text)
    letters = {ch: n for ch, n in counts.items() if ch.isalpha()}
    n_letters = sum(letters.values())
    which = 0 if file_type == "pdf" else 1
    visible = len(text) - sum(n for ch, n in counts.items() if ch.isspace())
    if visible >= MIN_LETTERS and len(_BAD.findall(text)) > 0.05 * visible:
        return _CONTROL[which]
    if n_letters < MIN_LETTERS:
        return None
    scripts: Counter[str] = Counter()
    for ch, n in letters.items():
        scripts[_script(ch)] += n
    main_two = sum(n for _script_name, n in scripts.most_common(2))
    if len(scripts) >= 5 and main_two < 0.7 * n_letters:
        return _SCRIPTS[which] % {"n": len(scripts)}
    if file_type != "pdf":
        return None  # the two tests below catch broken text layers, not real prose
    latin: Counter[str] = Counter()
    for ch, n in letters.items():
        low = ch.lower()
        if "a" <= low <= "z":
            latin[low] += n
    n_latin = sum(latin.values())
    if n_latin >= 200:
        top = latin.most_common(1)[0][1]
        if top > 0.3 * n_latin:  # English's commonest letter is ~13 %
            return _REPEATED
    words = _LATIN_WORD.findall(text)
    if len(words) >= 30 and n_latin >= 0.8 * n_letters:
        odd = sum(1 for w in words if _ODD_CASE.search(w))
        if odd > 0.35 * len(words):  # real text: under 0.12 in the whole corpus
            return _LOOK_ALIKES
    return None
