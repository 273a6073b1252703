"""A field's postings held as numpy arrays between two drains of the posting pool.

Whoosh builds a posting per (document, word) as a Python tuple, groups them by term
and hands them to the codec one by one; on 3 KB notes that Python work per posting —
grouping a document's words, one tuple, one `bytes` and a list append per posting, then
taking them apart again to write them — was most of indexing time (docs/architecture.md,
measured facts). Here a document's analysed text (`analysis.Analyzed`: term ids and
positions) is kept as three arrays: the case-wide id of each of its terms, each term's
count and all its positions grouped by term. At drain the postings of all documents are
put in term order with one sort and their bytes built in C a few thousand at a time, and
each term reaches the codec as three lists (`PostingColumns`: document numbers, weights,
position bytes) that are written as they are, not rebuilt per posting.

The bytes, weights and order are exactly Whoosh's (`ScriptPositions.word_values` then
`SegmentWriter.add_document`; `tests/test_search_codec.py` compares whole indexes).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from casefile.core.search.analysis import Analyzed

Posting = tuple[str, bytes, int, float, bytes | None]

SORT_SLICE = 32_768  # terms per sort call (~10 ms each; see pool.SLICE)
CHUNK_POSTINGS = 16_384  # postings whose bytes are built per numpy pass at drain
# Bytes counted against the pool's limit (`limitmb`), by what drain holds at its peak:
# per posting the stored id and count and, while draining, its document, start, sort key
# and place in the order (40); per position 4 stored and 4 drained; per document the
# arrays' headers; per new term its string, dictionary slot, bytes and rank.
POSTING_BYTES = 40
POSITION_BYTES = 8
DOC_BYTES = 400
TERM_BYTES = 160
TERM_CHARS = 12  # a term's length, on average, where the analysis added it (not seen)


class PostingColumns:
    """One term's postings: document numbers, weights and position bytes, side by side.
    Iterates (and indexes) as Whoosh's posting tuples, for the consumers that want them
    (a spilled run, a merge with postings from elsewhere)."""

    __slots__ = ("fieldname", "ids", "tbytes", "values", "weights")

    def __init__(
        self,
        fieldname: str,
        tbytes: bytes,
        ids: list[int],
        weights: list[float],
        values: list[bytes],
    ) -> None:
        self.fieldname = fieldname
        self.tbytes = tbytes
        self.ids = ids
        self.weights = weights
        self.values = values

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[Posting]:
        f, t = self.fieldname, self.tbytes
        for docnum, weight, vbytes in zip(self.ids, self.weights, self.values, strict=True):
            yield f, t, docnum, weight, vbytes

    def __getitem__(self, i: int) -> Posting:
        return self.fieldname, self.tbytes, self.ids[i], self.weights[i], self.values[i]


class FieldColumns:
    """The analysed postings of one field added since the pool's last drain."""

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.vocab: dict[str, int] = {}  # term -> id, for these postings only
        self.counted = 0  # terms of `vocab` already counted against the limit
        self.docnums: list[int] = []
        self.terms: list[npt.NDArray[np.int32]] = []  # per document: its terms' ids
        self.counts: list[npt.NDArray[np.int32]] = []  # per document: each term's count
        self.positions: list[npt.NDArray[np.uint32]] = []  # per document, by term
        self.scales: list[tuple[float, float]] = []  # per document: (boost, fieldboost)

    def __bool__(self) -> bool:
        return bool(self.docnums)

    def add(self, docnum: int, value: Analyzed, boost: float, fieldboost: float) -> int:
        """Hold one document's postings; returns the bytes to count against the limit."""
        local = value.ids
        if not len(local):
            return 0
        known = self.vocab
        if value.table is known:  # numbered in this store's table already
            size = (len(known) - self.counted) * (TERM_BYTES + 2 * TERM_CHARS)
            self.counted = len(known)
            if value.ordered:  # positions ascend: a stable sort keeps them so within a term
                order = np.argsort(local, kind="stable")
            else:
                order = np.lexsort((value.positions, local))
            by_term = local[order]
            firsts = np.flatnonzero(np.r_[True, by_term[1:] != by_term[:-1]])
            ids = by_term[firsts].astype(np.int32)
            counts = np.diff(np.r_[firsts, len(by_term)]).astype(np.int32)
        else:  # the document's own table: its terms numbered here
            vocab = list(value.table)
            new = [w for w in vocab if w not in known]
            size = sum(TERM_BYTES + 2 * len(w) for w in new)
            if new:
                known.update(zip(new, range(len(known), len(known) + len(new)), strict=True))
            self.counted = len(known)
            ids = np.fromiter(map(known.__getitem__, vocab), dtype=np.int32, count=len(vocab))
            if value.ordered:
                order = np.argsort(local, kind="stable")
            else:
                order = np.lexsort((value.positions, local))
            counts = np.bincount(local, minlength=len(vocab)).astype(np.int32)
            if len(vocab) > len(ids) or not counts.all():  # a table wider than the document
                ids, counts = ids[counts > 0], counts[counts > 0]
        self.docnums.append(docnum)
        self.terms.append(ids)
        self.counts.append(counts)
        self.positions.append(value.positions[order])
        self.scales.append((boost, fieldboost))
        return size + DOC_BYTES + POSTING_BYTES * len(ids) + POSITION_BYTES * len(local)

    def drain(self, fieldname: str) -> Iterator[tuple[bytes, PostingColumns]]:
        """Every term's postings in term order (UTF-8 bytes), documents ascending; the
        held arrays are let go of first, so the pool can take new postings meanwhile."""
        vocab, docnums, scales = self.vocab, self.docnums, self.scales
        terms, counts, positions = self.terms, self.counts, self.positions
        self._reset()
        if not docnums:
            return
        tbytes = [w.encode("utf-8") for w in vocab]
        del vocab
        by_bytes = _sorted_ids(tbytes)
        rank = np.empty(len(tbytes), dtype=np.int32)
        rank[by_bytes] = np.arange(len(tbytes), dtype=np.int32)
        per_doc = np.fromiter(map(len, terms), dtype=np.int64, count=len(terms))
        term_ids = np.concatenate(terms)
        del terms
        n_all = np.concatenate(counts)
        del counts
        pos_all = np.concatenate(positions)
        del positions
        doc_all = np.repeat(np.asarray(docnums, dtype=np.int64), per_doc)
        if any(d <= prev for prev, d in pairwise(docnums)):
            order = np.lexsort((doc_all, rank[term_ids]))  # never by the writer's numbering
        else:
            order = np.argsort(rank[term_ids], kind="stable")
        starts = np.cumsum(n_all) - n_all
        boost, fieldboost = _scales(scales, per_doc)
        sorted_terms = term_ids[order]
        del term_ids
        # Where each term's postings begin in `order`, and chunks cut at those places.
        firsts = np.flatnonzero(np.r_[True, sorted_terms[1:] != sorted_terms[:-1]])
        ends = np.r_[firsts[1:], len(order)]
        term_of = sorted_terms[firsts].tolist()
        del sorted_terms
        firsts_l, ends_l = firsts.tolist(), ends.tolist()
        t = 0
        while t < len(firsts_l):
            a = firsts_l[t]
            # whole terms, up to about CHUNK_POSTINGS postings (one term may exceed it)
            u = int(np.searchsorted(ends, a + CHUNK_POSTINGS, side="right"))
            u = max(u, t + 1)
            b = ends_l[u - 1]
            ids, weights, values = _chunk(
                order[a:b], doc_all, n_all, starts, pos_all, boost, fieldboost
            )
            for k in range(t, u):
                i, j = firsts_l[k] - a, ends_l[k] - a
                tb = tbytes[term_of[k]]
                yield tb, PostingColumns(fieldname, tb, ids[i:j], weights[i:j], values[i:j])
            t = u


def _sorted_ids(keys: list[bytes]) -> list[int]:
    """Indexes of `keys` in sorted order, sorted a slice per call and merged, so no
    single call holds the interpreter long (see pool.py: the GUI's event loop)."""
    if len(keys) <= SORT_SLICE:
        return sorted(range(len(keys)), key=keys.__getitem__)
    runs = [
        sorted(range(i, min(i + SORT_SLICE, len(keys))), key=keys.__getitem__)
        for i in range(0, len(keys), SORT_SLICE)
    ]
    return list(heapq.merge(*runs, key=keys.__getitem__))


def _scales(
    scales: Sequence[tuple[float, float]], per_doc: npt.NDArray[np.int64]
) -> tuple[Any, Any]:
    """Boosts as scalars when every document has the same (the usual case), else one
    per posting."""
    if all(s == scales[0] for s in scales):
        return scales[0]
    b = np.repeat(np.array([s[0] for s in scales], dtype=np.float64), per_doc)
    f = np.repeat(np.array([s[1] for s in scales], dtype=np.float64), per_doc)
    return b, f


def _chunk(
    sel: npt.NDArray[np.intp],
    doc_all: npt.NDArray[np.int64],
    n_all: npt.NDArray[np.int32],
    starts: npt.NDArray[np.int64],
    pos_all: npt.NDArray[np.uint32],
    boost: Any,
    fieldboost: Any,
) -> tuple[list[int], list[float], list[bytes]]:
    """The postings `sel` (indexes into the held arrays) as Whoosh writes them: document
    numbers, weights (count x boost x field boost, in that order, as floats) and values
    (`ScriptPositions`: the count as a big-endian uint32, then the positions as native
    uint32s)."""
    n = n_all[sel].astype(np.int64)
    total = int(n.sum())
    # In uint32 units: each posting's header at `head`, its positions right after it.
    head = np.cumsum(n + 1) - (n + 1)
    buf = np.empty(len(sel) + total, dtype=np.uint32)
    buf[head] = n.astype(">u4").view(np.uint32)
    within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(n) - n, n)
    buf[np.repeat(head + 1, n) + within] = pos_all[np.repeat(starts[sel], n) + within]
    raw = buf.tobytes()
    lo = (head * 4).tolist()
    hi = ((head + 1 + n) * 4).tolist()
    values = [raw[x:y] for x, y in zip(lo, hi, strict=True)]
    if not isinstance(boost, np.ndarray):
        weights = (n.astype(np.float64) * boost * fieldboost).tolist()
    else:
        weights = (n.astype(np.float64) * boost[sel] * fieldboost[sel]).tolist()
    return doc_all[sel].tolist(), weights, values
