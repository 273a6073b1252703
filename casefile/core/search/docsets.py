"""Which documents match, a posting block at a time (for `results.scan`).

Whoosh walks a query's matcher tree one posting at a time in Python: a word with its
dictionary forms in three fields is an OR of ~15 terms, and every step of the union
(`next`, `id`, `is_active`) recurses through all of them; an AND leapfrogs by skipping
one posting at a time inside a block. At 100,000 documents that was most of a query's
time (docs/architecture.md, measured facts: querying 100,000 documents).

Here the same matcher tree is compiled into nodes that answer for a *window* of
document numbers at once: a term's ids come from its posting blocks as they are stored
(a block skipped by its last id, never decoded), unions and exclusions are numpy set
operations, and an AND enumerates its rarest side and only *checks* the others at
those documents. The matches are exactly Whoosh's, in the same order, so the sample
`scan` draws, its estimates and its totals do not change.

Scores are then asked of Whoosh for the sampled documents only (`scores`): each term's
own scorer at each document where it occurs, added up in the shape of the matcher tree
(a + b at a union or an intersection, x * boost at a wrapper). A term missing at a
document adds 0.0, which leaves a float unchanged, so every score is the one Whoosh's
own walk gives, bit for bit.

A tree holding anything else (phrases and their spans, DisjunctionMax, Whoosh's array
unions on small indexes) is `Unsupported`: `scan` then walks it the Whoosh way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
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

from casefile.core.search import doc_ids
from casefile.core.search.phrase_positions import (
    KEY_SHIFT,
    POS_MASK,
    consecutive,
    members,
    sorted_unique,
    starts,
)
from casefile.core.search.posting_blocks import EMPTY, Ids, Leaf, as_ids

# Documents in the first window of a slice, at least: a window costs a few numpy calls
# per term, and a phrase checks the positions of every candidate in it.
FIRST_WINDOW = 256


class Unsupported(Exception):
    """A matcher this module does not model; the caller walks it the Whoosh way."""


class _List:
    """Postings held in memory (a rare word's, inlined in its term entry; `Every`)."""

    def __init__(self, m: Any) -> None:
        self.m = m
        self.base = m._i
        self.all = as_ids(m._ids[m._i :]) if m.is_active() else EMPTY
        self.size = len(self.all)

    def ids(self, lo: int, hi: int) -> Ids:
        a = self.all
        return a[np.searchsorted(a, lo) : np.searchsorted(a, hi)]

    def member(self, cands: Ids) -> Ids:
        return cands[members(cands, self.all)]

    def values_at(self, cands: Ids) -> tuple[Ids, list[Any]]:
        """The indexes k of the candidates held, and the posting value at each."""
        m, base = self.m, self.base
        ks = list(self.at(cands)) if self.size else []
        if not ks:
            return EMPTY, []
        if not m._values:  # no values (a keyword field): as Whoosh's value() says
            return as_ids(ks), [m.value() for _ in ks]
        pos = np.searchsorted(self.all, cands[ks]) + base
        values = m._values
        return as_ids(ks), [values[i] for i in pos.tolist()]

    def at(self, cands: Ids) -> Iterator[int]:
        m, base, a = self.m, self.base, self.all
        pos = np.minimum(np.searchsorted(a, cands), max(0, len(a) - 1))
        found = np.flatnonzero(a[pos] == cands) if len(a) else EMPTY
        for k, i in zip(found.tolist(), pos[found].tolist(), strict=True):
            m._i = base + i
            yield k


class _Null:
    size = 0

    def ids(self, lo: int, hi: int) -> Ids:
        return EMPTY

    def member(self, cands: Ids) -> Ids:
        return EMPTY


class _Exclude:
    """Whoosh's FilterMatcher: a segment's deleted documents taken out."""

    def __init__(self, child: Any, ids: Any, exclude: bool) -> None:
        self.child = child
        self.set = as_ids(sorted(ids))
        self.exclude = exclude
        self.size = child.size

    def _keep(self, got: Ids) -> Ids:
        return got[np.isin(got, self.set, assume_unique=True, invert=self.exclude)]

    def ids(self, lo: int, hi: int) -> Ids:
        return self._keep(self.child.ids(lo, hi))

    def member(self, cands: Ids) -> Ids:
        return self._keep(self.child.member(cands))


class _Union:
    """Any of several nodes (Whoosh's binary tree of unions, flattened: a word's forms
    in every field are one union of a dozen terms): ids merged once, and membership
    asked of each child only for the candidates no earlier child holds."""

    def __init__(self, a: Any, b: Any) -> None:
        self.parts: list[Any] = [
            x for node in (a, b) for x in (node.parts if type(node) is _Union else [node])
        ]
        self.size = sum(x.size for x in self.parts)

    def ids(self, lo: int, hi: int) -> Ids:
        got = [x for x in (p.ids(lo, hi) for p in self.parts) if len(x)]
        if len(got) < 2:
            return got[0] if got else EMPTY
        return sorted_unique(np.concatenate(got))

    def member(self, cands: Ids) -> Ids:
        held = np.zeros(len(cands), dtype=bool)
        todo = np.arange(len(cands))
        for part in self.parts:
            got = part.member(cands[todo])
            if len(got):
                ok = members(cands[todo], got)
                held[todo[ok]] = True
                todo = todo[~ok]
                if not len(todo):
                    break
        return cands[held]


class _And:
    def __init__(self, a: Any, b: Any) -> None:
        # The rarer side is enumerated, the other only checked at its documents.
        self.a, self.b = (a, b) if a.size <= b.size else (b, a)
        self.size = min(a.size, b.size)

    def ids(self, lo: int, hi: int) -> Ids:
        got = self.a.ids(lo, hi)
        return self.b.member(got) if len(got) else EMPTY

    def member(self, cands: Ids) -> Ids:
        got = self.a.member(cands)
        return self.b.member(got) if len(got) else EMPTY


class _AndNot:
    def __init__(self, a: Any, b: Any) -> None:
        self.a, self.b = a, b
        self.size = a.size

    def _minus(self, got: Ids) -> Ids:
        if not len(got):
            return EMPTY
        return np.setdiff1d(got, self.b.member(got), assume_unique=True)

    def ids(self, lo: int, hi: int) -> Ids:
        return self._minus(self.a.ids(lo, hi))

    def member(self, cands: Ids) -> Ids:
        return self._minus(self.a.member(cands))


class _Phrase:
    """Words at consecutive positions (a phrase, or a sequence of word alternatives,
    with Whoosh's default slop of 1): the AND of the words first, from the posting
    blocks, then the positions of the candidates only, read by copies of the words'
    term matchers (the AND has moved the originals past them)."""

    def __init__(self, words: list[Any], reader: Any) -> None:
        self.nodes = sorted((compile_matcher(w, reader) for w in words), key=lambda n: n.size)
        self.words = [[_reader_copy(x, reader) for x in _leaves(w)] for w in words]
        self.size = self.nodes[0].size
        self.checked: dict[int, bool] = {}  # docnum -> holds the phrase (for `scores`)

    def _at_positions(self, cands: Ids) -> Ids:
        if not len(cands):
            return EMPTY
        keep = consecutive(self.words, cands)
        self.checked.update(zip(cands.tolist(), keep.tolist(), strict=True))
        return cands[keep]

    def ids(self, lo: int, hi: int) -> Ids:
        got = self.nodes[0].ids(lo, hi)
        for node in self.nodes[1:]:
            if len(got):
                got = node.member(got)
        return self._at_positions(got)

    def member(self, cands: Ids) -> Ids:
        for node in self.nodes:
            if len(cands):
                cands = node.member(cands)
        return self._at_positions(cands)


def positions(
    reader: Any, field: str, words: Sequence[str | Sequence[str]], docs: list[int]
) -> dict[int, Ids]:
    """Docnum -> the positions where `words` occur one after another in `field` (one
    word: its positions), for those of `docs` (global docnums, ascending) holding them:
    what Whoosh's phrase spans give, read as in `_Phrase`. A word may be given as its
    alternatives (a word's forms: "судебный следователь" with every form of each), all
    checked in one pass. Unsupported for postings of another kind."""
    out: dict[int, Ids] = {}
    for leaf, off in reader.leaf_readers():
        size = leaf.doc_count_all()
        local = as_ids([d - off for d in docs if off <= d < off + size])
        if not len(local):
            continue
        readers: list[list[Any]] = []
        for w in words:
            forms = [_form_reader(leaf, field, f) for f in ([w] if isinstance(w, str) else w)]
            present = [r for r in forms if r is not None]
            if not present:
                break
            readers.append(present)
        else:
            keys = starts(readers, local)
            which = keys >> KEY_SHIFT
            cuts = [0, *(np.flatnonzero(np.diff(which)) + 1).tolist(), len(keys)]
            for lo, hi in pairwise(cuts if len(keys) else ()):
                out[int(local[which[lo]]) + off] = keys[lo:hi] & POS_MASK
    return out


def holders(reader: Any, field: str, words: Sequence[str], docs: list[int]) -> set[int]:
    """Those of `docs` (global docnums, ascending) holding any of `words` in `field`:
    document numbers only (`doc_ids.py` where the segment has them), no positions."""
    out: set[int] = set()
    for leaf, off in reader.leaf_readers():
        size = leaf.doc_count_all()
        local = as_ids([d - off for d in docs if off <= d < off + size])
        for word in words:
            if not len(local):
                break
            node = _form_reader(leaf, field, word)
            if node is None:
                continue
            if type(node) is Leaf and node.dense is not None:
                node = node.dense
            got = node.member(local)
            if len(got):
                out.update((got + off).tolist())
                local = local[~members(local, got)]
    return out


def _form_reader(leaf: Any, field: str, word: str) -> Any:
    """A block reader of one word's postings in a segment (None: not there)."""
    if (field, word) not in leaf:
        return None
    m = leaf.postings(field, word)
    while type(m) is FilterMatcher:  # deleted documents are never among `docs`
        m = m.child
    if type(m) is W3LeafMatcher:
        return Leaf(m, 0, doc_ids.lookup(leaf, m))
    if isinstance(m, ListMatcher):
        return _List(m)
    raise Unsupported(type(m).__name__)


def _phrase_words(m: Any) -> list[Any]:
    """The word matchers of a phrase matcher, when it asks for consecutive positions."""
    if m.slop != 1 or not m.ordered or m.mindist != 1:
        raise Unsupported("phrase with slop")
    if type(m) is SpanNear2.SpanNear2Matcher:
        return list(m.ms)
    return [
        w
        for part in (m.a, m.b)
        for w in (_phrase_words(part) if type(part) is SpanNear.SpanNearMatcher else [part])
    ]


def _leaves(m: Any) -> list[Any]:
    """The term matchers under a phrase word (its forms, in its fields)."""
    t = type(m)
    if t is W3LeafMatcher or isinstance(m, ListMatcher):
        return [m]
    if t is UnionMatcher:
        return _leaves(m.a) + _leaves(m.b)
    if t is WrappingMatcher or t is FilterMatcher:
        return _leaves(m.child)
    if t is NullMatcherClass:
        return []
    raise Unsupported(t.__name__)


def _reader_copy(m: Any, reader: Any = None) -> Any:
    """A second, independent reader of the same postings (of `reader`'s segment)."""
    if type(m) is W3LeafMatcher:
        fresh = W3LeafMatcher(
            m._postfile,
            m._startoffset,
            m._length,
            m.format,
            term=m._term,
            byteids=m._byteids,
            scorer=m.scorer,
        )
        return Leaf(fresh, 0, doc_ids.lookup(reader, m))
    return _List(m.copy())


def _doc_frequency(m: Any, reader: Any) -> int:
    try:
        return int(reader.doc_frequency(*m.term()))
    except Exception:
        return 1 << 40


def compile_matcher(m: Any, reader: Any, phrases: list[Any] | None = None) -> Any:
    """The node answering for matcher `m` (of `reader`'s segment), or Unsupported.
    `phrases` collects the phrase nodes in the order `scores` meets them."""
    t = type(m)
    if t is W3LeafMatcher:
        return doc_ids.lookup(reader, m) or Leaf(m, _doc_frequency(m, reader))
    if isinstance(m, ListMatcher):
        return _List(m)
    if t is NullMatcherClass:
        return _Null()
    if t is FilterMatcher:
        return _Exclude(compile_matcher(m.child, reader, phrases), m._ids, m._exclude)
    if t is WrappingMatcher:
        return compile_matcher(m.child, reader, phrases)
    if t is UnionMatcher:
        return _Union(compile_matcher(m.a, reader, phrases), compile_matcher(m.b, reader, phrases))
    if t is IntersectionMatcher:
        return _And(compile_matcher(m.a, reader, phrases), compile_matcher(m.b, reader, phrases))
    if t is AndNotMatcher:
        return _AndNot(compile_matcher(m.a, reader, phrases), compile_matcher(m.b, reader, phrases))
    if t is SpanNear.SpanNearMatcher or t is SpanNear2.SpanNear2Matcher:
        phrase = _Phrase(_phrase_words(m), reader)
        if phrases is not None:
            phrases.append(phrase)
        return phrase
    raise Unsupported(t.__name__)


def matches(node: Any, lo: int, hi: int, density: float, need: int) -> Iterator[int]:
    """Matching documents in [lo, hi), ascending, read in windows sized to find the
    `need` still wanted at the density seen so far (matches per document; at first the
    expected `density`), so little is read past where the caller stops: a phrase
    checks positions at every candidate of a window."""
    got = 0
    start = lo
    window = max(FIRST_WINDOW, int(need / max(density, 1e-9) * 1.25))  # see FIRST_WINDOW
    while lo < hi:
        top = min(hi, lo + window)
        found = node.ids(lo, top)
        got += len(found)
        yield from found.tolist()
        lo = top
        if got:
            seen = got / (lo - start)
            window = max(FIRST_WINDOW, int(max(need - got, 1) / seen * 1.1))
        else:
            window *= 2
