"""Which pages of a matching document hold its hits.

The index has one entry per document (see `index`); the pages are worked out for the
documents on screen only, from the positions of the hits of the query's text parts and
the first position of each page (the `pagemap` column).
"""

from __future__ import annotations

from collections import Counter
from itertools import product
from typing import Any

import numpy as np
from whoosh import query as wq

from casefile.core.search import docsets


def _text_leaves(q: wq.Query) -> list[wq.Query]:
    """The parts of `q` that the user asked *for* in the page text (terms, phrases,
    prefixes, wildcards; not what follows NOT or -): their hits name the pages."""
    out: list[wq.Query] = []

    def walk(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.AndNot):
            walk(node.a)
            return
        if isinstance(node, (wq.Term, wq.Prefix, wq.Wildcard, wq.Phrase)):
            if getattr(node, "fieldname", None) == "text":
                out.append(node)
            return
        if isinstance(node, wq.Sequence):
            if all(getattr(x, "fieldname", None) == "text" for x in node.leaves()):
                out.append(node)
            return
        for child in node.children():
            walk(child)

    walk(q)
    return out


MAX_UNITS = 64  # prefix terms, or phrase combinations, placed on pages per query part


def _span_units(leaves: list[wq.Query], reader: Any) -> list[wq.Query]:
    """The leaves as queries whose matchers give positions: terms and phrases of terms.
    A prefix or wildcard becomes the indexed words it matches. A sequence of word
    alternatives ("судебный следователь" with its forms) stays one unit, its forms read
    in one pass (`_unit_hits`)."""
    units: list[wq.Query] = []
    for leaf in leaves:
        if isinstance(leaf, (wq.Term, wq.Phrase)):
            units.append(leaf)
        elif isinstance(leaf, (wq.Prefix, wq.Wildcard)):
            terms = [
                t.decode() if isinstance(t, bytes) else t
                for _f, t in leaf.existing_terms(reader, expand=True)
            ]
            units += [wq.Term("text", t) for t in terms[:MAX_UNITS]]
        elif isinstance(leaf, wq.Sequence):
            units.append(leaf)
    return units


def _sequence_groups(seq: wq.Sequence) -> list[list[str]]:
    """Each word of a sequence as its alternatives (the forms the query expanded it to)."""
    return [
        [t.text for t in sub.leaves() if isinstance(t, wq.Term) and isinstance(t.text, str)]
        for sub in seq.subqueries
    ]


def _sequence_units(seq: wq.Sequence) -> list[wq.Query]:
    """A sequence as Whoosh's matchers can place it: the phrases it stands for or, when
    they are too many, its words one by one (its pages are then those holding any of
    its words). Used only where the one-pass reading is not possible."""
    groups = _sequence_groups(seq)
    combos = 1
    for g in groups:
        combos *= max(1, len(g))
    if all(groups) and combos <= MAX_UNITS:
        return [wq.Phrase("text", list(c), slop=seq.slop) for c in product(*groups)]
    return [wq.Term("text", t) for g in groups for t in g]


def hit_pages(
    searcher: Any, q: wq.Query, docnums: list[int], pages_only: set[int] | None = None
) -> dict[int, Counter[int]]:
    """Docnum -> {page number: hits on it} for the given documents: the positions of
    the hits of `q`'s text parts, placed on pages by the document's page starts.
    For the documents in `pages_only` only *which* pages matter (the number of hits
    orders a document's pages, and one page needs no order): one of a single page
    holds a hit there when it holds one of the words, which its document numbers say
    without reading positions (counted as 1)."""
    leaves = _text_leaves(q)
    out: dict[int, Counter[int]] = {d: Counter() for d in docnums}
    if not leaves or not docnums:
        return out
    pagemap = _pagemap(searcher.reader())
    maps: dict[int, Any] = {}
    order = sorted(docnums)
    reader = searcher.reader()
    units = _span_units(leaves, reader)
    if pages_only:
        order = _single_pages(reader, units, order, pages_only, pagemap, out)
    for unit in units:
        for d, hits in _unit_hits(searcher, unit, order).items():
            if not len(hits):
                continue
            got = maps.get(d)
            if got is None:  # (page number, first position) pairs: see `encode_pagemap`
                got = maps[d] = np.frombuffer(pagemap[d] or b"", dtype=np.uint32).reshape(-1, 2)
            if not len(got):
                continue
            c = out[d]
            if len(got) == 1:
                c[int(got[0, 0])] += len(hits)
                continue
            i = np.searchsorted(got[:, 1], np.asarray(hits, dtype=np.int64), side="right") - 1
            numbers, counts = np.unique(got[np.maximum(i, 0), 0], return_counts=True)
            for n, k in zip(numbers.tolist(), counts.tolist(), strict=True):
                c[n] += k
    return out


def _single_pages(
    reader: Any,
    units: list[wq.Query],
    order: list[int],
    pages_only: set[int],
    pagemap: Any,
    out: dict[int, Counter[int]],
) -> list[int]:
    """`hit_pages` for the documents of `pages_only` that have one page and hold one of
    the query's words there (see `hit_pages`); the documents left to place by positions."""
    words = [u.text for u in units if isinstance(u, wq.Term) and isinstance(u.text, str)]
    single: dict[int, int] = {}
    for d in order:
        if d in pages_only:
            raw = pagemap[d] or b""
            if len(raw) == 8:  # one (page number, first position) pair
                single[d] = int(np.frombuffer(raw, dtype=np.uint32)[0])
    if not words or not single:
        return order
    try:
        held = docsets.holders(reader, "text", words, sorted(single))
    except docsets.Unsupported:
        return order
    for d in held:
        out[d][single[d]] = 1
    return [d for d in order if d not in held]


def _pagemap(reader: Any) -> Any:
    """The `pagemap` column's reader, kept with the index reader: opening it reads the
    offsets of every document's entry (a few milliseconds per query at 100,000)."""
    got = reader.__dict__.get(_PAGEMAP_ATTR)
    if got is None:
        got = reader.__dict__[_PAGEMAP_ATTR] = reader.column_reader("pagemap")
    return got


_PAGEMAP_ATTR = "_casefile_pagemap"


def _unit_hits(searcher: Any, unit: wq.Query, order: list[int]) -> dict[int, Any]:
    """Docnum -> positions of the hits of one span unit (a term or a phrase), for those
    of the documents (ascending) that hold it: from the posting blocks where
    `docsets` reads them (a term's positions; a phrase's first positions, as its spans
    start), else from Whoosh's matcher."""
    if isinstance(unit, wq.Sequence):
        groups = _sequence_groups(unit)
        if unit.slop == 1 and all(groups):
            try:
                return docsets.positions(searcher.reader(), "text", groups, order)
            except docsets.Unsupported:
                pass
        merged: dict[int, Any] = {}
        for part in _sequence_units(unit):
            for d, hits in _unit_hits(searcher, part, order).items():
                merged[d] = np.union1d(merged[d], hits) if d in merged else hits
        return merged
    words: list[str] | None = None
    if isinstance(unit, wq.Term) and isinstance(unit.text, str):
        words = [unit.text]
    elif isinstance(unit, wq.Phrase) and unit.slop == 1:
        words = list(unit.words)
    if words:
        try:
            return docsets.positions(searcher.reader(), unit.fieldname, words, order)
        except docsets.Unsupported:
            pass
    m = unit.matcher(searcher, searcher.boolean_context())  # one each: unions give no spans
    # A word's hits are its positions: read them as the array they are stored as,
    # not as one Span object each. Phrases need their spans.
    plain = isinstance(unit, wq.Term) and m.is_active() and m.supports("positions")
    found: dict[int, Any] = {}
    for d in order:
        if not m.is_active():
            break
        if m.id() < d:
            m.skip_to(d)
        if m.is_active() and m.id() == d:
            found[d] = m.value_as("positions") if plain else [span.start for span in m.spans()]
    return found
