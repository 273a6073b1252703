"""The snippet regex's leading character class (core/search/snippets.py `matcher`) only
skips positions where no match can start: it finds exactly what the pattern without it
finds, on text built with case, ё/е, apostrophes and look-alike letters."""

from __future__ import annotations

import random
import re

from casefile.core.search import snippets


def _plain(words: set[str], prefixes: tuple[str, ...]) -> re.Pattern[str]:
    alts = [snippets._loose(w) for w in sorted(words, key=len, reverse=True)]
    alts += [snippets._loose(p) + r"\w*" for p in prefixes]
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", re.IGNORECASE)


def test_lead_class_changes_no_match() -> None:
    rng = random.Random(11)
    cases = [
        ({"court", "ёлка", "o'brien", "kelvin", "straße"}, ("прис", "'tis")),
        ({"суд", "елка", "-x", "]y", "^z"}, ()),
        ({"ёж"}, ("ев",)),
    ]
    pieces = [
        "Court", "COURTS", "ёлка", "Елка", "ЁЛКА", "O'Brien", "O’BRIEN", "\u212aelvin",
        "STRASSE", "straße", "Присяжные", "присяжн", "'Tis", "’tis", "суд", "Суда", "-x",
        "]y", "^z", "ЕЖ", "ёж", "евро", "xcourt", "court9", "\u00a0", "\n", " ", ",", "—",
    ]  # fmt: skip
    for words, prefixes in cases:
        got = snippets.matcher(words, prefixes)
        want = _plain(words, prefixes)
        assert got is not None and got.pattern != want.pattern  # the lead is there
        for _ in range(200):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
            assert [m.span() for m in got.finditer(text)] == [
                m.span() for m in want.finditer(text)
            ], text


def test_an_empty_word_keeps_the_plain_pattern() -> None:
    got = snippets.matcher({"", "court"}, ())
    assert got is not None and got.pattern == _plain({"", "court"}, ()).pattern
