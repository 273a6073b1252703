"""Where a search's words are in a page of text, for highlighting in the viewer.

The index stems Russian and English, so "распознавание" finds "распознавания"; a plain
substring match would miss that hit on screen. We approximate the stemmer the cheap way:
a query word matches any word starting with its stem (the word minus a short ending).
Field names, operators and wildcards are query syntax, not words to highlight.
"""

from __future__ import annotations

import re

_OPERATORS = {"and", "or", "not", "to"}
_TOKEN = re.compile(r"(?:\w+:)?(\"[^\"]*\"|\S+)")
_WORD = re.compile(r"\w+", re.UNICODE)
_SKIP_FIELDS = ("kind:", "tag:", "date:", "language:", "source:", "entity:", "year:")


def query_terms(query: str) -> list[str]:
    """The words of a query worth highlighting (no operators, no structured fields)."""
    terms: list[str] = []
    for m in _TOKEN.finditer(query or ""):
        whole = m.group(0)
        if whole.lower().startswith(_SKIP_FIELDS) or whole.startswith("-"):
            continue
        for word in _WORD.findall(m.group(1)):
            if (
                word.lower() not in _OPERATORS
                and word.lower() not in terms
                and (len(word) > 1 or word.isdigit())
            ):
                terms.append(word.lower())
    return terms


def _stem(term: str) -> str:
    if len(term) <= 4:
        return term
    cut = 3 if len(term) >= 8 else 2 if len(term) >= 6 else 1
    return term[: len(term) - cut]


def find_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans of words matching any term."""
    if not terms or not text:
        return []
    stems = sorted({_stem(t) for t in terms}, key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE
    )
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
