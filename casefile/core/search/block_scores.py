"""Whoosh's scores of the sampled documents, computed by posting blocks (for
`results.scan`; docs/architecture.md, measured facts: querying 100,000 documents).

Each term's own scorer is asked at each document where the term occurs, and the
results are added up in the shape of the matcher tree (a + b at a union or an
intersection, x * boost at a wrapper). A term missing at a document adds 0.0, which
leaves a float unchanged, so every score is the one Whoosh's own walk gives, bit for
bit. Whoosh's BM25F scorer (the one the index uses) is evaluated for all of a term's
documents at once: the same formula, the same operations in the same order on the same
float64 values (its weights, and the field lengths from the lengths column), so the
same bits; any other scorer is asked one document at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.columns import NumericColumn
from whoosh.matching import (
    AndNotMatcher,
    FilterMatcher,
    IntersectionMatcher,
    ListMatcher,
    NullMatcherClass,
    UnionMatcher,
    WrappingMatcher,
)
from whoosh.query.spans import SpanNear, SpanNear2
from whoosh.scoring import BM25FScorer
from whoosh.util.numeric import byte_to_length

from casefile.core.search import doc_ids
from casefile.core.search.docsets import (
    Unsupported,
    _leaves,
    _List,
    _phrase_words,
    _reader_copy,
)
from casefile.core.search.phrase_positions import consecutive
from casefile.core.search.posting_blocks import Ids, Leaf, as_ids

# Field length of each length byte (Whoosh stores a document's field length as one
# byte, `length_to_byte`).
_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
_LENGTHS_ATTR = "_casefile_field_lengths"


def rewound(m: Any) -> Any:
    """The matcher tree `m` with every term reader back at its first posting, as a
    fresh `q.matcher()` would have it, for `scores` after `matches` has moved them:
    `_score` reads only the tree's shape and its term readers, so the tree (with its
    term look-ups) need not be built twice."""
    seen: set[int] = set()
    stack = [m]
    while stack:
        x = stack.pop()
        if id(x) in seen:
            continue
        seen.add(id(x))
        t = type(x)
        if t is W3LeafMatcher:
            x.reset()
        elif isinstance(x, ListMatcher):
            x._i = 0
        elif t is NullMatcherClass:
            pass
        else:
            stack += [getattr(x, a) for a in ("a", "b", "child") if hasattr(x, a)]
            stack += list(getattr(x, "ms", ()))
    return m


def scores(
    m: Any, docs: list[int], phrases: list[Any] | None = None, reader: Any = None
) -> list[float]:
    """Whoosh's score of each of `docs` (ascending, every one a match of the fresh
    matcher `m`), computed in the shape of the matcher tree (see the module
    docstring). `phrases`: the compiled tree's phrase nodes (`compile_matcher`), whose
    position checks are reused; `reader`: the segment's reader (its field lengths)."""
    known = iter(phrases) if phrases is not None else None
    token = _READER.set(reader)
    try:
        return _score(m, as_ids(docs), known)[0].tolist()  # type: ignore[no-any-return]
    finally:
        _READER.reset(token)


_READER: ContextVar[Any] = ContextVar("casefile_scored_reader", default=None)


def field_lengths(reader: Any, fieldname: str) -> Any:
    """The length byte of every document of a segment's field (a uint8 array), or
    None where the reader keeps them some other way. Kept with the reader."""
    cache = reader.__dict__.setdefault(_LENGTHS_ATTR, {})
    if fieldname not in cache:
        perdoc = getattr(reader, "_perdoc", None)
        col: Any = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN) if perdoc else None
        got = None
        if type(col) is NumericColumn.Reader and col._typecode == "B":
            # A copy: a view would pin the segment's memory map past its close.
            raw = bytes(col._dbfile.get(col._basepos, col._count))
            got = np.frombuffer(raw, dtype=np.uint8)
        cache[fieldname] = got
    return cache[fieldname]


def _bm25(m: Any, leaf: Any, docs: Ids, zeros: Any, mask: Any) -> bool:
    """`m`'s BM25F scores at the documents it holds, all at once (see the module
    docstring); False (nothing done) when they cannot be computed that way."""
    scorer: Any = getattr(m, "scorer", None) or getattr(m, "_scorer", None)
    reader = _READER.get()
    term = m.term() if reader is not None and type(scorer) is BM25FScorer else None
    lengths = field_lengths(reader, term[0]) if term else None
    if lengths is None:
        return False
    dense = doc_ids.lookup(reader, m) if type(leaf) is Leaf else None
    if dense is not None:
        at, tfs = dense.weights_at(docs)
    elif type(leaf) is Leaf:
        at, tfs = leaf.weights_at(docs)
    else:
        ks: list[int] = []
        tfs = []
        for k in leaf.at(docs):
            ks.append(k)
            tfs.append(m.weight())
        at = as_ids(ks)
    if not len(at):
        return True
    d = docs[at]
    s = scorer
    raw = lengths[d] if int(d[-1]) < len(lengths) else None
    if raw is None or not raw.all():  # a length Whoosh reads otherwise: as it does
        zeros[at] = [s._score(w, s.dfl(doc)) for w, doc in zip(tfs, d.tolist(), strict=True)]
    else:
        fl = _LENGTHS[raw]
        tf = np.array(tfs, dtype=np.float64)
        zeros[at] = s.idf * ((tf * (s.K1 + 1)) / (tf + s.K1 * ((1 - s.B) + s.B * fl / s.avgfl)))
    mask[at] = True
    return True


_INNER: Iterator[Any] = iter(())  # `_score` inside a phrase (see there)
Scored = tuple[np.ndarray[Any, np.dtype[np.float64]], np.ndarray[Any, np.dtype[np.bool_]]]


def _score(m: Any, docs: Ids, known: Iterator[Any] | None = None) -> Scored:
    """Scores of `docs` under matcher `m`, and which of them `m` matches (0.0 where it
    does not, as Whoosh's unions add nothing for a matcher standing elsewhere)."""
    t = type(m)
    zeros = np.zeros(len(docs), dtype=np.float64)
    if t is W3LeafMatcher or isinstance(m, ListMatcher):
        mask = np.zeros(len(docs), dtype=bool)
        leaf = Leaf(m, 0) if t is W3LeafMatcher else _List(m)
        if _bm25(m, leaf, docs, zeros, mask):
            return zeros, mask
        for k in leaf.at(docs):
            zeros[k] = m.score()
            mask[k] = True
        return zeros, mask
    if t is NullMatcherClass:
        return zeros, np.zeros(len(docs), dtype=bool)
    if t is FilterMatcher or t is WrappingMatcher:
        got, mask = _score(m.child, docs, known)
        return got * m.boost, mask
    if t is SpanNear.SpanNearMatcher or t is SpanNear2.SpanNear2Matcher:
        if known is _INNER:  # part of a longer phrase: it holds wherever that one does
            got, mask = _score(m.child, docs, known)
            return got * m.boost, mask
        checked = next(known).checked if known is not None else {}
        got, mask = _score(m.child, docs, _INNER)
        idx = np.flatnonzero(mask)
        ok = np.array([checked.get(d) for d in docs[idx].tolist()], dtype=object)
        todo = np.flatnonzero(ok == None)  # noqa: E711 (elementwise)
        if len(todo):
            reader = _READER.get()
            words = [[_reader_copy(x, reader) for x in _leaves(w)] for w in _phrase_words(m)]
            ok[todo] = consecutive(words, docs[idx[todo]])
        mask = np.zeros(len(docs), dtype=bool)
        mask[idx[ok.astype(bool)]] = True
        return np.where(mask, got * m.boost, zeros), mask
    if t is UnionMatcher:
        sa, ma = _score(m.a, docs, known)
        sb, mb = _score(m.b, docs, known)
        return sa + sb, ma | mb
    if t is IntersectionMatcher:
        sa, ma = _score(m.a, docs, known)
        sb, mb = _score(m.b, docs, known)
        mask = ma & mb
        return np.where(mask, sa + sb, zeros), mask
    if t is AndNotMatcher:
        sa, ma = _score(m.a, docs, known)
        _sb, mb = _score(m.b, docs, known)
        mask = ma & ~mb
        return np.where(mask, sa, zeros), mask
    raise Unsupported(t.__name__)
