"""The index path's analysis (issue 11 item 10): the word pattern written as runs of
letters, and a document's words numbered in arrays (`analysis.paged_terms`), give the
same words, terms and positions as the per-character pattern and the word-by-word
dictionary they replaced."""

from __future__ import annotations

import random
import re
from array import array
from collections import defaultdict

import pytest

from casefile.core import words as splitting
from casefile.core.search import analysis
from casefile.core.search.analysis import PAGE_GAP, apostrophe_parts, paged_terms
from casefile.core.words import fold

# The pattern as it was: one alternation per character.
_OLD_WORD_RE = re.compile(
    r"[^\W_](?:[^\W_]|[\u0300-\u036f]|[" + splitting._INVISIBLE + r"]+(?=[^\W_])|"
    r"-[ \t]*\r?\n[ \t]*(?=[^\W\d_]))*(?:['’][^\W_]+)*"
)
# Letters, digits, underscores, stress marks, joiners, hyphens, line ends, apostrophes.
_ALPHABET = [
    *"ab9_я-\n\r\t '’",
    *splitting._INVISIBLE,
    "\u0301",
    "\u0300",
    "Ж",
    "ß",
    "ﬁ",
    "²",
    "٣",
    "א",
    "ё",
    "Ё",
    "x\u0308",
]


def _hostile(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(1, length)))


def test_the_word_pattern_finds_the_same_words() -> None:
    rng = random.Random(11)
    for _ in range(20_000):
        text = _hostile(rng, 30)
        old = _OLD_WORD_RE.findall(text)
        assert splitting.WORD_RE.findall(text) == old, repr(text)
        assert splitting._findall_words(text) == old, repr(text)
        assert [text[s:e] for s, e, _w in analysis.iter_words(text)] == old, repr(text)


def _old_paged_positions(pages: list[str]) -> dict[str, list[int]]:
    """What the index held per document before: word by word, folded, with the parts
    of words with apostrophes at their word's position."""
    poses: defaultdict[str, list[int]] = defaultdict(list)
    base = 0
    for text in pages:
        low = splitting.fold_page(text)  # the page folded in C, as ever
        words = [
            fold(w) if splitting._NEEDS_FOLD.search(w) else w for w in _OLD_WORD_RE.findall(low)
        ]
        for pos, w in enumerate(words, start=base):
            poses[w].append(pos)
            for part in apostrophe_parts(w) if "'" in w else ():
                poses[part].append(pos)
        base += len(words) + PAGE_GAP
    return dict(poses)


def _as_lists(terms: dict[str, array[int]]) -> dict[str, list[int]]:
    return {w: list(p) for w, p in terms.items()}


@pytest.mark.parametrize("shared", [False, True])
def test_paged_terms_are_the_word_by_word_terms(shared: bool) -> None:
    rng = random.Random(5)
    table: dict[str, int] = {"прежнее": 0, "macy": 1}  # a pool's table, already in use
    vocabulary = ["Macy's", "O’Brien", "суд", "Суда", "ﬁnal", "inhabi-\ntants", "e\u0301te"]
    for _ in range(300):
        pages = [
            " ".join(
                rng.choice(vocabulary) if rng.random() < 0.5 else _hostile(rng, 12)
                for _ in range(rng.randrange(0, 40))
            )
            for _ in range(rng.randrange(1, 4))
        ]
        analyzed, starts = paged_terms(pages, table if shared else None)
        assert _as_lists(analyzed.terms) == _old_paged_positions(pages)
        assert len(starts) == len(pages)
        assert (analyzed.table is table) == shared
    assert table["прежнее"] == 0 and table["macy"] == 1  # numbers never change
    assert sorted(table.values()) == list(range(len(table)))
