"""Russian query words by dictionary lemma (pymorphy3 + pymorphy3-dicts-ru).

Snowball alone splits a nominative from its own cases when the nominative ends like a
case ending (Газпром/Газпрома, транзит/транзитом, Очумелов/Очумелову) and merges words
that differ (суд/судья/судить). A query word is therefore expanded to every form of its
dictionary lemma(s) (`lexeme`); the index is then asked which of those forms it holds.
For a word the dictionary does not know, pymorphy3 predicts its paradigm from the ending
(Очумелову -> очумелов, очумелова, ...) and the caller adds the Snowball matches too.

Readings far less likely than the best one are dropped (`MIN_SHARE`): "Ростов" is also
the genitive plural of "рост", which would make the city find "рост".

The analyzer loads in ~0.3 s, on the first Cyrillic query (never at import time).
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

MIN_SHARE = 0.5  # a reading is kept if its score is at least this share of the best one
_CYRILLIC_WORD = re.compile(r"^[а-яё-]+$")
_lock = threading.Lock()
_analyzer: Any = None


def _morph() -> Any:
    global _analyzer
    with _lock:
        if _analyzer is None:
            import pymorphy3

            _analyzer = pymorphy3.MorphAnalyzer()
        return _analyzer


def applies(folded: str) -> bool:
    """Whether `folded` is a Russian word the dictionary can expand."""
    return len(folded) > 1 and _CYRILLIC_WORD.match(folded) is not None


@lru_cache(maxsize=20_000)
def lexeme(folded: str) -> tuple[frozenset[str], bool]:
    """Every form (folded: ё -> е) of the likely lemmas of a Russian word, and whether
    the dictionary knows the word (False: the forms are predicted from its ending, and
    the caller should add Snowball's matches)."""
    parses = _morph().parse(folded)
    if not parses:
        return frozenset({folded}), False
    top = max(p.score for p in parses)
    known = any(p.is_known for p in parses)
    forms: set[str] = {folded}
    seen: set[tuple[str, Any]] = set()
    for p in parses:
        if p.score < top * MIN_SHARE or (known and not p.is_known):
            continue
        key = (p.normal_form, p.tag.POS)
        if key in seen:
            continue
        seen.add(key)
        forms.update(f.word.replace("ё", "е") for f in p.lexeme)
    return frozenset(forms), known
