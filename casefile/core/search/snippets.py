"""Snippets cut from the database text of a page (the index stores no text), with the
matched words as (start, end) spans. Made only for the hits on screen: a snippet needs
the page tokenized again, which is most of what a query costs (docs/architecture.md,
measured facts)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from whoosh import query as wq

from casefile.core.search.query import asked_for

WIDTH = 240  # characters of context per snippet


def highlight_terms(q: wq.Query, reader: Any) -> tuple[set[str], tuple[str, ...]]:
    """Folded forms and prefixes the user asked *for* (not those after NOT); wildcards
    become the indexed words they match."""
    asked = asked_for(q)
    words = set(asked.words)
    for node in asked.wildcards:
        words.update(t for _f, t in _expand(node, reader))
    return words, asked.prefixes


def _expand(node: wq.Query, reader: Any) -> Iterable[tuple[str, str]]:
    try:
        return [
            (f, t.decode() if isinstance(t, bytes) else t)
            for f, t in node.existing_terms(reader, expand=True)
        ]
    except Exception:
        return []


def matcher(words: set[str], prefixes: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for the highlight words: the page is scanned in C instead of being
    tokenized word by word in Python (3x faster per snippet, measured)."""
    alts = [_loose(w) for w in sorted(words, key=len, reverse=True)]
    alts += [_loose(p) + r"\w*" for p in prefixes]
    if not alts:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", re.IGNORECASE)


def _loose(word: str) -> str:
    """The folded word as a pattern that also matches its unfolded spellings."""
    out = []
    for ch in word:
        if ch in "её":
            out.append("[её]")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def make(
    text: str,
    words: set[str],
    prefixes: tuple[str, ...],
    width: int = WIDTH,
    pattern: re.Pattern[str] | None = None,
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The best window of `text` (most distinct matched words) and its spans."""
    if pattern is None:
        pattern = matcher(words, prefixes)
    hits: list[tuple[int, int, str]] = []
    if pattern is not None:
        hits = [(m.start(), m.end(), m.group(0).lower()) for m in pattern.finditer(text)]
    if not hits:
        cut = _clean(text[:width])
        return cut + ("…" if len(text) > width else ""), ()
    best_i, best_score = 0, -1
    j = 0
    for i, (s, _e, _w) in enumerate(hits):
        while j < len(hits) and hits[j][1] <= s + width - 40:
            j += 1
        score = len({w for _s, _e, w in hits[i:j]}) * 1000 + (j - i)
        if score > best_score:
            best_i, best_score = i, score
    first = hits[best_i][0]
    start = max(0, first - 60)
    if start:
        sp = text.find(" ", start, first)
        start = sp + 1 if sp >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        sp = text.rfind(" ", first, end)
        end = sp if sp > first else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    body = _clean(text[start:end])
    spans = tuple(
        (len(prefix) + s - start, len(prefix) + e - start)
        for s, e, _w in hits
        if s >= start and e <= end
    )
    return prefix + body + suffix, spans


def _clean(s: str) -> str:
    """Line breaks and tabs to spaces, one for one (offsets must not move)."""
    return s.translate({10: 32, 13: 32, 9: 32, 12: 32, 11: 32})
