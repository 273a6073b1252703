"""Snippets cut from the database text of a page (the index stores no text), with the
matched words as (start, end) spans. Made only for the hits on screen: a snippet needs
the page tokenized again, which is most of what a query costs (docs/architecture.md,
measured facts)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from whoosh import query as wq

from casefile.core.search.analysis import apostrophe_parts, iter_words
from casefile.core.search.asked import asked_for

WIDTH = 240  # characters of context per snippet
MAX_HITS = 200  # hits read per page to choose the snippet's window


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
    # A match starts with the first letter of one of them: said first as a character
    # class, the engine skips other positions quickly instead of trying every
    # alternative at each (about 40% of a snippet's time, measured).
    starts = [x[:1] for x in (*words, *prefixes)]
    lead = ""
    if all(starts):
        lead = "(?=[" + "".join(sorted({_loose_char(c) for c in starts})) + "])"
    return re.compile(lead + r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", re.IGNORECASE)


def _loose_char(ch: str) -> str:
    """One character of `_loose` as the contents of a character class."""
    if ch in "её":
        return "её"
    if ch in "'’":
        return "'’"
    return re.escape(ch)


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


# Text the regex cannot match as the index folded it: ligatures, ß, soft hyphens,
# zero-width characters, line-end hyphenation, full-width forms. Such pages are matched
# word by word with the index's own folding instead (`analysis.iter_words`).
# Two patterns, not one alternation: a pattern that is one character class (or starts
# with a literal) is searched by the engine's fast scan; the alternation tried both
# branches at every character (a third of a snippet's time, measured). Their matches
# never overlap, so together they are the alternation's.
_ODD_CHAR = re.compile(r"[\ufb00-\ufb06\u00ad\u200b-\u200d\u2060\ufeffß\uff01-\uff5e]")
_ODD_BREAK = re.compile(r"-[ \t]*\r?\n")


def _odd(text: str, end: int) -> list[re.Match[str]]:
    """The odd places of text[:end], in order (see `_ODD_CHAR`)."""
    found = [*_ODD_CHAR.finditer(text, 0, end), *_ODD_BREAK.finditer(text, 0, end)]
    found.sort(key=re.Match.start)
    return found


_SPACE = re.compile(r"\s")  # includes line breaks and no-break spaces


def _hits(
    text: str, words: set[str], prefixes: tuple[str, ...], pattern: re.Pattern[str] | None
) -> list[tuple[int, int, str]]:
    """Matched words of `text`: the regex (in C) for plain text; around each odd
    character (`_odd`) the words containing it are folded one by one, so a long page
    with a few ligatures costs little more than a plain one."""
    found: dict[int, tuple[int, int, str]] = {}
    end = len(text)
    if pattern is not None:
        for m in pattern.finditer(text):
            found[m.start()] = (m.start(), m.end(), m.group(0).lower())
            if len(found) >= MAX_HITS:  # enough to choose a window from (a novel: 90 ms)
                end = m.end()
                break
    done_to = -1
    for odd in _odd(text, end):
        at = odd.start()
        if at < done_to:
            continue
        lo, hi = max(0, at - 64), min(len(text), odd.end() + 64)
        for s, e, w in iter_words(text[lo:hi]):
            s, e = s + lo, e + lo
            if not s <= at < e:
                continue
            done_to = e
            if len(found) >= 2 * MAX_HITS:
                break
            asked = w in words or bool(prefixes and w.startswith(prefixes))
            if asked or ("'" in w and any(p in words for p in apostrophe_parts(w))):
                found[s] = (s, e, w)
    return [found[k] for k in sorted(found)]


def spans_in(
    text: str,
    words: set[str],
    prefixes: tuple[str, ...],
    pattern: re.Pattern[str] | None = None,
) -> tuple[tuple[int, int], ...]:
    """Spans of `text` (a title) that the query's words match."""
    if pattern is None:
        pattern = matcher(words, prefixes)
    return tuple((s, e) for s, e, _w in _hits(text, words, prefixes, pattern))


def make(
    text: str,
    words: set[str],
    prefixes: tuple[str, ...],
    width: int = WIDTH,
    pattern: re.Pattern[str] | None = None,
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The best window of `text` (most distinct matched words) and its spans. The
    window starts and ends at whitespace (line breaks and no-break spaces included),
    never inside a word; spans are offsets in code points into the returned text."""
    if pattern is None:
        pattern = matcher(words, prefixes)
    hits = _hits(text, words, prefixes, pattern)
    if not hits:
        end = _end_at_space(text, 0, width)
        return _clean(text[:end]) + ("…" if end < len(text) else ""), ()
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
        sp = _SPACE.search(text, start, first)
        start = sp.end() if sp else first
    end = _end_at_space(text, first, start + width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    body = _clean(text[start:end])
    spans = tuple(
        (len(prefix) + s - start, len(prefix) + e - start)
        for s, e, _w in hits
        if s >= start and e <= end
    )
    return prefix + body + suffix, spans


def _end_at_space(text: str, lo: int, end: int) -> int:
    """`end`, moved back to the last whitespace after `lo` if it falls inside a word."""
    if end >= len(text):
        return len(text)
    if text[end].isspace():
        return end
    last = -1
    for m in _SPACE.finditer(text, lo, end):
        last = m.start()
    return last if last > lo else end


def _clean(s: str) -> str:
    """Line breaks, tabs and no-break spaces to spaces, one for one (offsets must not
    move)."""
    return s.translate({10: 32, 13: 32, 9: 32, 12: 32, 11: 32, 0xA0: 32, 0x202F: 32})
