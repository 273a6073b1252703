"""One term's postings read a block at a time, for `docsets.py` (docs/architecture.md,
measured facts: querying 100,000 documents).

A `Leaf` wraps Whoosh's own leaf matcher: it hands out the ids of a window of document
numbers from the posting blocks as they are stored, skips a block by its last id
without decoding it, and checks candidate documents with a binary search. What any
reader learned of a term's block boundaries is kept with the open postings file
(`known_blocks`), since Whoosh's format links blocks one to the next with no skip list.
"""

from __future__ import annotations

import io
import pickle
import struct
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import numpy as np
from whoosh.util.numeric import byte_to_length

Ids = np.ndarray[Any, np.dtype[np.int64]]
EMPTY: Ids = np.empty(0, dtype=np.int64)


def as_ids(seq: Any) -> Ids:
    return np.asarray(seq, dtype=np.int64)


class Leaf:
    """A term's postings in a segment, read a block at a time. Calls come with
    ascending documents (windows and candidates never go back), like a matcher's."""

    def __init__(self, m: Any, size: int, dense: Any = None) -> None:
        self.m = m
        self.size = size
        # The term's document numbers as an array (`doc_ids.Dense`), when the segment
        # has them: positions are then read only from the blocks holding a candidate.
        self.dense = dense
        self._block: tuple[int, Ids] = (-1, EMPTY)
        self._known = known_blocks(m)

    def _next_block(self) -> None:
        m = self.m
        start = m._nextoffset
        if m._lastblock:  # as Whoosh's `_next_block`
            m._atend = True
            return
        goto(m, start)
        if m.is_active():
            self._known[start] = (m._maxid, m._nextoffset, m._lastblock)

    def _jump(self, target: int) -> None:
        """Past the blocks already known to end before `target` without reading their
        headers again (each is a pickle Whoosh reads to move one block on): straight
        to the block holding the first posting >= target where the term's arrays say
        where its blocks start (`doc_ids.py`)."""
        m, known = self.m, self._known
        if m._lastblock:
            return
        got = self.dense.block_map() if self.dense is not None else None
        if got is not None:
            starts, ends = got
            i = int(np.searchsorted(self.dense.all, target))
            b = min(int(np.searchsorted(ends, i, side="right")), len(starts) - 1)
            if starts[b] >= m._nextoffset:
                goto(m, starts[b])
            return
        nxt = m._nextoffset
        far = nxt
        while True:
            info = known.get(far)
            if info is None or info[0] >= target or info[2]:
                break
            far = info[1]
        if far != nxt:
            goto(m, far)
            known[far] = (m._maxid, m._nextoffset, m._lastblock)

    def _ids(self) -> Any:
        self._blockas_ids()
        return self.m._ids

    def _blockas_ids(self) -> Ids:
        """The current block's ids as an array (and as the matcher's own list, decoded
        by one cumulative sum instead of Whoosh's generator over the deltas)."""
        m = self.m
        if self._block[0] != m._dataoffset:
            entry = _entry(m)
            if entry is not None and entry[2] is not None:  # decoded by another reader
                arr = entry[2]
                m._data, m._ids = entry[1], entry[3]
            elif m._ids is None and not m._byteids:
                if m._data is None:
                    m._read_data()
                arr = np.cumsum(as_ids(m._data[0]))
                m._ids = arr.tolist()
                if entry is not None:
                    entry[1:] = [m._data, arr, m._ids]
            else:
                if m._ids is None:
                    m._read_ids()
                arr = as_ids(m._ids)
            self._block = (m._dataoffset, arr)
        return self._block[1]

    def _skip(self, target: int) -> bool:
        """Move to the first posting >= target: blocks skipped by their last id, then
        a binary search inside the block. False when the postings are used up."""
        m = self.m
        if not m.is_active():
            return False
        while m._maxid < target:
            self._jump(target)
            if m._maxid >= target:
                break
            self._next_block()
            if not m.is_active():
                return False
        m._i = bisect_left(self._ids(), target, m._i)
        return True

    def ids(self, lo: int, hi: int) -> Ids:
        if not self._skip(lo):
            return EMPTY
        m = self.m
        out = []
        while True:
            ids = self._ids()
            j = bisect_left(ids, hi, m._i)
            if j > m._i:
                out.append(self._blockas_ids()[m._i : j])
            if j < m._blocklength:
                m._i = j
                break
            self._next_block()
            if not m.is_active():
                break
        if not out:
            return EMPTY
        return out[0] if len(out) == 1 else np.concatenate(out)

    def _blocks_holding(self, cands: Ids) -> Iterator[tuple[int, Ids, Ids]]:
        """Block by block, the candidates (ascending) the term holds: (k, found, at),
        `found` the indexes of the held ones among cands[k:] and `at` their places in
        the block the matcher stands on. One reading of each block for `at`,
        `values_at`, `weights_at` and `member`."""
        k, n = 0, len(cands)
        while k < n:
            if not self._skip(int(cands[k])):
                return
            blk = self._blockas_ids()
            k2 = int(np.searchsorted(cands, blk[-1], side="right"))
            pos = np.searchsorted(blk, cands[k:k2])
            found = np.flatnonzero(blk[pos] == cands[k:k2])
            if len(found):
                yield k, found, pos[found]
            k = k2

    def at(self, cands: Ids) -> Iterator[int]:
        """The indexes k of the candidates the term holds, ascending, with the matcher
        standing on cands[k] while the caller looks (and scores)."""
        m = self.m
        for k, found, at in self._blocks_holding(cands):
            for kk, i in zip(found.tolist(), at.tolist(), strict=True):
                m._i = i
                yield k + kk

    def values_at(self, cands: Ids) -> tuple[Ids, list[Any]]:
        """`at` a block at a time: the indexes k of the candidates the term holds, and
        the posting value (positions) at each; the matcher ends on the last."""
        dense = self.dense
        if dense is not None:
            bmap = dense.block_map()
            if bmap is not None and self.m.is_active():
                found, at = dense.found_at(cands)
                if not len(found):
                    return EMPTY, []
                return found, self._values_by_map(bmap, at)
            held = dense.member_at(cands)
            if not len(held):
                return EMPTY, []
            if len(held) < len(cands):
                ks, values = self._per_block(cands[held], _block_values)
                return held[ks], values
        return self._per_block(cands, _block_values)

    def _values_by_map(self, bmap: tuple[list[int], Ids], at: Ids) -> list[Any]:
        """The posting values at places `at` (ascending) among the term's postings,
        each block holding one found by the term's arrays (`doc_ids.Dense.block_map`)
        and read once: no decoding and searching of each block's ids to find the
        candidates (docs/architecture.md, measured facts). The matcher ends on the
        last, as with `_per_block`."""
        starts, ends = bmap
        m = self.m
        blk = np.searchsorted(ends, at, side="right")
        before = np.concatenate(([0], ends[:-1]))[blk]
        places = (at - before).tolist()
        cuts = [0, *(np.flatnonzero(np.diff(blk)) + 1).tolist(), len(places)]
        blocks = blk[cuts[:-1]].tolist()
        values: list[Any] = []
        for b, lo, hi in zip(blocks, cuts, cuts[1:], strict=False):
            goto(m, starts[b])
            entry = _entry(m)
            if entry is not None and entry[1] is not None:
                m._data = entry[1]
            block_values = _block_values(m)
            if entry is not None and entry[1] is None:
                entry[1] = m._data
            values += [block_values[i] for i in places[lo:hi]]
        m._i = places[-1]
        self._block = (-1, EMPTY)  # the matcher's ids are read again when next asked
        return values

    def weights_at(self, cands: Ids) -> tuple[Ids, list[float]]:
        """As `values_at`, with the posting weight (what `m.weight()` says) at each."""
        return self._per_block(cands, _block_weights)

    def _per_block(self, cands: Ids, read: Any) -> tuple[Ids, list[Any]]:
        ks: list[Ids] = []
        values: list[Any] = []
        m = self.m
        for k, found, at in self._blocks_holding(cands):
            block_values = read(m)
            places = at.tolist()
            values += [block_values[i] for i in places]
            ks.append(found + k)
            m._i = places[-1]
        if not ks:
            return EMPTY, []
        return (ks[0] if len(ks) == 1 else np.concatenate(ks)), values

    def member(self, cands: Ids) -> Ids:
        """The candidates the term holds (`at` without stopping at each)."""
        got: list[Ids] = []
        m = self.m
        for k, found, at in self._blocks_holding(cands):
            got.append(cands[found + k])
            m._i = int(at[-1])
        if not got:
            return EMPTY
        return got[0] if len(got) == 1 else np.concatenate(got)


# Blocks read during one query (`shared_blocks`): (postings file, block start) -> [the
# block's header fields, its data, its ids as an array, as a list]. The scan, the
# scores and the pages read the same blocks of the same terms, each with its own reader.
_SHARED: ContextVar[dict[tuple[int, int], list[Any]] | None] = ContextVar(
    "casefile_shared_blocks", default=None
)
SHARED_BLOCKS_MAX = 4096  # blocks kept for one query, at most (the rest are read again)


@contextmanager
def shared_blocks() -> Iterator[None]:
    """Within this block, readers of the same posting block decode it once."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


_HEADER = (
    "_blocklength",
    "_maxid",
    "_maxweight",
    "_compression",
    "_minlength",
    "_maxlength",
    "_lastblock",
    "_nextoffset",
    "_dataoffset",
)


def goto(m: Any, position: int) -> None:
    """Whoosh's `W3LeafMatcher._goto` (to the block at `position`), its header taken
    from the query's shared blocks when another reader has read it."""
    shared = _SHARED.get()
    if shared is None:
        _read_header(m, position)
        return
    key = (id(m._postfile), position)
    entry = shared.get(key)
    if entry is None:
        _read_header(m, position)
        if len(shared) < SHARED_BLOCKS_MAX:
            entry = [tuple(getattr(m, a) for a in _HEADER), None, None, None]
            shared[key] = shared[(key[0], ~m._dataoffset)] = entry
        return
    for a, v in zip(_HEADER, entry[0], strict=True):
        setattr(m, a, v)
    m._data, m._ids, m._weights, m._values = entry[1], None, None, None
    m._i = 0


_HEADER_READ = 128  # bytes holding a block's pickled header (about 30), at most
_LENGTH = struct.Struct("!i")  # Whoosh's `read_int`


def _read_header(m: Any, position: int) -> None:
    """Whoosh's `_goto`, read from the segment's mapped buffer in place: its way (a
    seek, then `pickle.load` calling the file's Python `read` several times) cost more
    than the block's data, as several of those reads per block."""
    buf = getattr(m._postfile, "_buf", None)
    if buf is None:
        m._lastblock = False
        m._goto(position)
        return
    length = _LENGTH.unpack_from(buf, position)[0]
    start = position + _LENGTH.size
    head = io.BytesIO(bytes(buf[start : start + min(abs(length), _HEADER_READ)]))
    try:
        info = pickle.Unpickler(head).load()
    except (pickle.UnpicklingError, EOFError, ValueError):  # longer than expected
        m._lastblock = False
        m._goto(position)
        return
    m._data = m._ids = m._weights = m._values = None
    m._i = 0
    m._lastblock = length < 0
    m._nextoffset = start + abs(length)
    m._dataoffset = start + head.tell()
    blocklength, maxid, maxweight, compression, mnlen, mxlen = info
    m._blocklength, m._maxid, m._maxweight, m._compression = (
        blocklength,
        maxid,
        maxweight,
        compression,
    )
    m._minlength = byte_to_length(mnlen)
    m._maxlength = byte_to_length(mxlen)


def _entry(m: Any) -> list[Any] | None:
    """The shared entry of the block `m` stands on (see `goto`; also kept under the
    complement of its data offset), made if the query shares blocks and has room."""
    shared = _SHARED.get()
    if shared is None:
        return None
    key = (id(m._postfile), ~m._dataoffset)
    entry = shared.get(key)
    if entry is None and len(shared) < SHARED_BLOCKS_MAX:
        entry = shared[key] = [None, None, None, None]
    return entry


def _block_values(m: Any) -> Any:
    if m._values is None:
        m._read_values()
    return m._values


def _block_weights(m: Any) -> Any:
    if m._weights is None:
        m._read_weights()
    return m._weights


_KNOWN_ATTR = "_casefile_blocks"


def known_blocks(m: Any) -> dict[int, tuple[int, int, bool]]:
    """Block start -> (last id, next block's start, last block?) of a term's postings,
    as far as any reader has walked them: kept with the open postings file, so every
    reader of the same searcher (the scan, the scores, the pages, later queries) skips
    by it. Whoosh's format links blocks one to the next with no skip list."""
    per_file = getattr(m._postfile, _KNOWN_ATTR, None)
    if per_file is None:
        per_file = {}
        try:
            setattr(m._postfile, _KNOWN_ATTR, per_file)
        except AttributeError:
            return {}
    got: dict[int, tuple[int, int, bool]] = per_file.setdefault(m._startoffset, {})
    return got
