"""Finding a citation's quote in a page's text again after the text changed (a better
extractor, OCR, a password): the quote is stored as text, the offsets are only where it
was last seen. See docs/architecture.md (chronology)."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def _folded(text: str) -> tuple[str, list[int]]:
    """The text with runs of white space made one space, case folded and ё as е, plus
    for each folded character the offset of the original character it came from."""
    out: list[str] = []
    where: list[int] = []
    last_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if last_space:
                continue
            last_space = True
            out.append(" ")
        else:
            last_space = False
            out.append(ch.lower().replace("ё", "е"))
        where.append(i)
    return "".join(out), where


def _nearest(haystack: str, needle: str, near: int | None) -> int:
    """The occurrence of `needle` closest to `near` (the first when near is None)."""
    best = -1
    at = haystack.find(needle)
    while at != -1:
        if near is None:
            return at
        if best == -1 or abs(at - near) < abs(best - near):
            best = at
        elif at > near:
            break
        at = haystack.find(needle, at + 1)
    return best


def locate(page_text: str, quote: str, near: int | None = None) -> tuple[int, int] | None:
    """Where `quote` is in `page_text` as (start, end) offsets, preferring the occurrence
    nearest the old offset; exact first, then ignoring case and differences of white
    space (re-extraction reflows lines). None: the quote is gone from the page."""
    quote = quote.strip()
    if not quote:
        return None
    at = _nearest(page_text, quote, near)
    if at != -1:
        return at, at + len(quote)
    folded_page, where = _folded(page_text)
    folded_quote, _ = _folded(quote)
    folded_near = None
    if near is not None:
        folded_near = next((j for j, i in enumerate(where) if i >= near), len(where))
    at = _nearest(folded_page, folded_quote.strip(), folded_near)
    if at == -1:
        return None
    end = at + len(folded_quote.strip()) - 1
    return where[at], where[end] + 1
