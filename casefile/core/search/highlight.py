"""Which characters of a text a query marks, without an index (for the GUI's page view).

The query is parsed by the real parser in exact mode (no vocabulary needed), so operators,
field:value clauses and NOT/-terms are understood exactly as a search understands them;
the page is then tokenized by the index's own tokenizer and each word is compared by
*stem* (or by folded form in exact mode). Comparing stems rather than expanding against
a vocabulary means the page's own inflections highlight even when the index has never
seen them, and no index or case is needed.

Cost: one `iter_words` pass plus a cached stem lookup per word (a 20 KB page ≈ 2-3 ms);
the parsed query's terms are cached per (query, exact).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from casefile.core.search import morph, translit
from casefile.core.search.analysis import apostrophe_parts, iter_words, stem


@dataclass(frozen=True)
class Terms:
    """What a query asks for in the page text: folded words, their stems, prefixes and
    wildcard patterns (over folded words)."""

    words: frozenset[str]
    stems: frozenset[str]  # of the words the dictionary does not know (see `morph`)
    lemma_forms: frozenset[str]  # every form of the Russian words' lemmas
    prefixes: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]

    @property
    def empty(self) -> bool:
        return not (self.words or self.prefixes or self.patterns)


def _wildcard_regex(pattern: str) -> re.Pattern[str]:
    out = []
    for ch in pattern:
        out.append(".*" if ch == "*" else "." if ch == "?" else re.escape(ch))
    return re.compile("".join(out), re.S)


@lru_cache(maxsize=256)
def query_terms(qs: str, exact: bool = False) -> Terms:
    """The positive text terms of `qs` (an unparseable query asks for nothing)."""
    from casefile.core.search.asked import asked_for
    from casefile.core.search.query import USE_LEMMAS, QueryError, parse

    try:
        asked = asked_for(parse(qs, None, exact=True))
    except QueryError:
        return Terms(frozenset(), frozenset(), frozenset(), (), ())
    stems: set[str] = set()
    forms: set[str] = set()
    for w in () if exact else asked.words:
        known = False
        if USE_LEMMAS and morph.applies(w):
            lex, known = morph.lexeme(w)
            forms |= lex
        if not known:
            stems.add(stem(w))
    patterns = tuple(_wildcard_regex(w.text) for w in asked.wildcards)
    return Terms(asked.words, frozenset(stems), frozenset(forms), asked.prefixes, patterns)


def with_transliterations(terms: Terms, text: str) -> Terms:
    """`terms` plus the other script's spellings of its words that `text` holds
    (Chekhov -> чехов, and its forms by lemma; Чехов -> chekhov, tchekhov...). The page
    plays the part the index vocabulary plays for a search (`translit.to_cyrillic`
    keeps only readings some word on the page begins with), so no index is needed."""
    vocabulary = sorted({w for _s, _e, w in iter_words(text)})

    def on_page(prefix: str) -> bool:
        i = bisect_left(vocabulary, prefix)
        return i < len(vocabulary) and vocabulary[i].startswith(prefix)

    words, stems, forms = set(terms.words), set(terms.stems), set(terms.lemma_forms)
    for w in terms.words:
        for other in translit.to_latin(w) or translit.to_cyrillic(w, on_page):
            words.add(other)
            known = False
            if morph.applies(other):
                lex, known = morph.lexeme(other)
                forms |= lex
            if not known:
                stems.add(stem(other))
    return Terms(
        frozenset(words), frozenset(stems), frozenset(forms), terms.prefixes, terms.patterns
    )


def spans(
    terms: Terms, text: str, exact: bool = False, translit: bool = False
) -> tuple[tuple[int, int], ...]:
    """(start, end) of every word of `text` that `terms` match, in order; with
    `translit`, their spellings in the other script too (see `with_transliterations`)."""
    if terms.empty or not text:
        return ()
    if translit and terms.words:
        terms = with_transliterations(terms, text)
    words, stems, prefixes, patterns = terms.words, terms.stems, terms.prefixes, terms.patterns
    forms = terms.lemma_forms
    out: list[tuple[int, int]] = []
    for start, end, w in iter_words(text):
        if (
            w in words
            or w in forms
            or (not exact and stem(w) in stems)
            or (prefixes and w.startswith(prefixes))
            or (patterns and any(p.fullmatch(w) for p in patterns))
            or ("'" in w and any(p in words for p in apostrophe_parts(w)))
        ):
            out.append((start, end))
    return tuple(out)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_spans(
    text: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """`spans` (offsets in code points, as every span of the core) as UTF-16 code-unit
    offsets, the unit Qt's text positions count: each character outside the Basic
    Multilingual Plane (emoji, some CJK, historic scripts) is two units there. Call it
    at the boundary, where a span is handed to a widget."""
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return list(spans)
    return [(a + bisect_left(astral, a), b + bisect_left(astral, b)) for a, b in spans]
