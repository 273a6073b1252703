"""Which languages a document is written in, most used first.

Investigators' documents are often bilingual (a Russian article quoting an English
filing), and one `classify(whole_text)` call names only the majority language. So the
words are split by script, each script's share is classified on its own, and every
language that covers a real share of the text is kept. The py3langid model (~2 MB
pickle) loads once per process, on first use, so workers that never see text never pay
for it.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Mapping
from typing import Any

import numpy as np

MIN_SHARE = 0.15  # a language must cover this share of the classified letters
MIN_CONFIDENCE = 0.5  # chunk-level probability below which the chunk is not counted
_SAMPLE_CHARS = 500  # per script: enough for a confident guess, cheap to classify
_MIN_LETTERS_SHORT = 12
_MAX_SAMPLE = 200_000

_lock = threading.Lock()
_identifier: Any = None
# Letters are counted as what is left once everything else is removed: one new string,
# where `findall` of each letter built a list of a million one-letter strings per MB.
_NOT_LETTER = re.compile(r"[\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")  # one character: what _NOT_LETTER leaves
_NOT_CYRILLIC = re.compile(r"[^\u0400-\u04ff]+")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
_SPACES = re.compile(r"\s+")
# Each distinct character's verdict by `_LETTER`, remembered: the same few hundred
# characters recur in every document (a dict of bools; a race writes the same value).
_is_letter: dict[str, bool] = {}
_MAX_KNOWN = 20_000


def _model() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import LanguageIdentifier

            from casefile.core.ingest import langid_model
            from casefile.core.ingest.langid_walk import FastIdentifier

            # Unpacked once into the user's cache (langid_model.py): ~0.9 s less at each
            # start of the fork server.
            ptc, pc, classes, nextmove, row, output = langid_model.load()
            model = LanguageIdentifier(
                np.asarray(ptc),
                np.asarray(pc),
                classes,
                nextmove,
                output,
                norm_probs=True,
                tk_row=row,
            )
            _identifier = FastIdentifier(model)  # py3langid's answers, its walk in numpy
        return _identifier


def _samples_by_script(
    text: str, counts: Mapping[str, int] | None = None
) -> dict[str, tuple[str, int]]:
    """Each script's letter count (Cyrillic or other) and a sample of its words. A
    Russian article quoting English names yields two groups, each classified once: one
    call per script keeps detection near a millisecond per document, where a call per
    paragraph cost ~15 ms on a 3 KB text. `counts` (the text's characters, counted once
    for the garbled-text check too) gives the letter counts from its distinct characters
    instead of two regex passes over the whole text; either way it is regex work, not a
    Python loop per character."""
    if counts is None:
        letters = len(_NOT_LETTER.sub("", text))
        cyrillic = len(_NOT_CYRILLIC.sub("", text))
    else:
        letters = cyrillic = 0
        known = _is_letter
        for ch, n in counts.items():
            is_letter = known.get(ch)
            if is_letter is None:
                is_letter = _LETTER.match(ch) is not None
                if len(known) < _MAX_KNOWN:  # a hostile text of every character: bounded
                    known[ch] = is_letter
            if is_letter:
                letters += n
            if "\u0400" <= ch <= "\u04ff":  # letter or not, as _NOT_CYRILLIC counts
                cyrillic += n
    head = text[: _SAMPLE_CHARS * 8]
    groups: dict[str, tuple[str, int]] = {}
    if cyrillic:
        groups["cyrillic"] = (" ".join(_CYRILLIC_WORD.findall(head))[:_SAMPLE_CHARS], cyrillic)
    if letters - cyrillic > 0:
        other = _SPACES.sub(" ", _CYRILLIC_WORD.sub(" ", head)).strip()
        groups["other"] = (other[:_SAMPLE_CHARS], letters - cyrillic)
    return groups


def detect_languages(text: str, counts: Mapping[str, int] | None = None) -> list[str]:
    """ISO 639-1 codes covering at least MIN_SHARE of the text, most frequent first.
    `counts`, when given, is `garbled.character_counts(text)` (see
    `_samples_by_script`).

    Two languages in the same script (English and German in one letter) are reported
    as the majority one: rare in the cases Casefile serves, and the price of speed."""
    if len(text) > _MAX_SAMPLE:  # a long book: even slices of it are enough
        step = len(text) // 20
        text = "\n\n".join(text[i * step : i * step + _MAX_SAMPLE // 20] for i in range(20))
        counts = None  # counted over the whole text, not these slices
    groups = _samples_by_script(text, counts)
    total_letters = sum(n for _, n in groups.values())
    if total_letters < _MIN_LETTERS_SHORT:
        return []
    model = _model()
    weights: Counter[str] = Counter()
    for sample, n in groups.values():
        if n < _MIN_LETTERS_SHORT or n / total_letters < MIN_SHARE:
            continue
        lang, prob = model.classify(sample)
        if prob >= MIN_CONFIDENCE and len(lang) == 2:  # not "zxx" (no linguistic content)
            weights[lang] += n
    total = sum(weights.values())
    if not total:
        return []
    return [lang for lang, w in weights.most_common() if w / total >= MIN_SHARE]
