"""Each term's document numbers and weights in one array beside its posting blocks
(docs/architecture.md, measured facts: querying 100,000 documents, third pass).

Whoosh stores a term's postings as linked blocks of 128, each two pickles (a header,
then ids, weights and positions together), with no skip list. A query that only asks
*which* documents hold a word (AND, OR, NOT, a candidate's membership) or its weight at
a sampled document (the BM25F score) had to find, unpickle and decode every block
holding one of its candidates: "court приговор" checks "court" (five forms, 73,000
postings) at ~1,900 candidates spread over 100,000 documents, ~600 blocks, most of the
query's time. Here every term with postings in blocks also gets its document numbers
and weights written once, at commit, as plain arrays in a file of the segment (`EXT`,
inside the segment's compound file); a query reads a term's arrays with two slices of
the mapped file and answers membership with `numpy.searchsorted`. Positions (phrases,
the pages of the hits shown) are still read from the blocks.

Sizes: document numbers as the gaps between them in one byte each where every gap of
the term is below 256 (a frequent word, where it matters), two bytes below 65,536,
else four; weights not at all when they are all equal, half a byte or one when they
are small whole numbers (a word's count on the page), else float32. Where each posting
block starts (four bytes and two a block of 128) lets a reader of positions go straight
to the block holding a candidate instead of walking the chain of block headers. The
weights read back as the same float64 values Whoosh's blocks give (float32 both ways),
so scores stay bit for bit.

A term whose postings are inlined in its term entry (fewer than `codec.INLINE_LIMIT`
documents) is read from memory anyway, and one of a single block (128 postings) as
cheaply from that block: they have no arrays (most of a case's terms; numpy's dozen
calls to encode a term cost ~45 µs, 9% of a rebuild when every term had arrays). A
segment without the file (never the case for this index format: see
`index.FORMAT_VERSION`) is read from the blocks as before.
"""

from __future__ import annotations

import struct
import sys
from array import array
from typing import Any

import numpy as np

from casefile.core.search.posting_blocks import EMPTY, Ids

EXT = ".dids"
MAGIC = b"CFD2"
_FOOTER = struct.Struct("<QQ4s")  # table offset, entries, magic
_ENTRY = np.dtype(
    [
        ("start", "<u8"),  # the term's offset in the postings file (its term info says it)
        ("data", "<u8"),  # where its arrays start in this file
        ("n", "<u4"),  # postings
        ("first", "<u4"),  # first document number
        ("idw", "u1"),  # bytes per gap (1, 2) or 4: the numbers themselves
        ("ww", "u1"),  # 0: all are `w0`; 2: half a byte each; 1: a byte; 4: float32
        ("pad", "<u2"),
        ("w0", "<f4"),
        ("blocks", "<u4"),  # posting blocks: where each starts, and its postings
    ]
)


class Writer:
    """Collects a term's document numbers and weights as its blocks are written (the
    postings writer calls `block` and `term`, see `codec.py`) and writes each term's
    arrays at once; the table of terms goes at the end of the file."""

    def __init__(self, f: Any) -> None:
        self.f = f
        self.pos = 0
        self.ids = array("I")
        self.weights = array("f")
        self.starts = array("I")
        self.counts = array("H")
        self.entries: list[tuple[Any, ...]] = []

    def block(self, ids: Any, weights: Any, at: int) -> None:
        """A posting block of the term, written `at` bytes after the term's start."""
        self.ids.extend(ids)
        self.weights.extend(weights)
        self.starts.append(at)
        self.counts.append(len(ids))

    def term(self, start: int) -> None:
        n = len(self.ids)
        if len(self.starts) > 1:  # one block is read as cheaply from the postings
            idw, ww, raw = _encode(self.ids, self.weights)
            raw += _little(self.starts) + _little(self.counts)
            w0 = self.weights[0]
            self.entries.append((start, self.pos, n, self.ids[0], idw, ww, 0, w0, len(self.starts)))
            self.f.write(raw)
            self.pos += len(raw)
        self.ids = array("I")
        self.weights = array("f")
        self.starts = array("I")
        self.counts = array("H")

    def close(self) -> None:
        table = np.array(self.entries, dtype=_ENTRY)
        self.f.write(table.tobytes())
        self.f.write(_FOOTER.pack(self.pos, len(table), MAGIC))
        self.f.close()


def _little(a: array[Any]) -> bytes:
    """An array's bytes in the file's byte order (little-endian)."""
    if sys.byteorder == "big":
        a = array(a.typecode, a)
        a.byteswap()
    return a.tobytes()


def _encode(ids_: array[int], weights: array[float]) -> tuple[int, int, bytes]:
    """A term's numbers and weights as stored (see the module docstring and `_ENTRY`):
    bytes per number, the weights' kind, and their bytes."""
    ids = np.frombuffer(ids_, dtype=np.uint32)
    w = np.frombuffer(weights, dtype=np.float32)
    gaps = np.diff(ids)
    top = int(gaps.max()) if len(gaps) else 0
    if top < 256:
        idw, raw = 1, gaps.astype(np.uint8).tobytes()
    elif top < 65536:
        idw, raw = 2, gaps.astype("<u2").tobytes()
    else:
        idw, raw = 4, ids.astype("<u4").tobytes()
    if (w == w[0]).all():
        return idw, 0, raw
    if w.min() >= 0 and w.max() <= 15 and (w == np.floor(w)).all():
        return idw, 2, raw + _nibbles(w.astype(np.uint8)).tobytes()
    if w.min() >= 0 and w.max() <= 255 and (w == np.floor(w)).all():
        return idw, 1, raw + w.astype(np.uint8).tobytes()
    return idw, 4, raw + w.astype("<f4").tobytes()


def _nibbles(small: Any) -> Any:
    """Whole numbers below 16, two to a byte (the first in the low half)."""
    pairs = np.zeros(len(small) + len(small) % 2, dtype=np.uint8)
    pairs[: len(small)] = small
    return pairs[0::2] | (pairs[1::2] << 4)


def _from_nibbles(raw: bytes, n: int) -> Any:
    packed = np.frombuffer(raw, dtype=np.uint8)
    out = np.empty(2 * len(packed), dtype=np.uint8)
    out[0::2] = packed & 15
    out[1::2] = packed >> 4
    return out[:n]


def _weight_bytes(ww: int, n: int) -> int:
    """Bytes of a term's weights stored as `ww` says (see `_ENTRY`)."""
    return 0 if ww == 0 else (n + 1) // 2 if ww == 2 else ww * n


class Dense:
    """A term's postings in a segment as arrays: the docsets node (`ids`, `member`) and
    the weights `block_scores` asks for."""

    __slots__ = ("_blocks", "_map", "_raw", "_w", "all", "size")

    def __init__(self, ids: Ids, weights: Any, blocks: Any = None) -> None:
        self.all = ids
        self._raw = weights  # a callable giving the float64 weights, until asked
        self._w: Any = None
        self._blocks = blocks  # a callable giving `block_map`, until asked
        self._map: Any = None
        self.size = len(ids)

    def block_map(self) -> tuple[list[int], Ids] | None:
        """Where each posting block starts in the postings file, and the number of
        postings up to the end of each (cumulative); None if not recorded."""
        if self._map is None and self._blocks is not None:
            self._map = self._blocks()
        return self._map  # type: ignore[no-any-return]

    def ids(self, lo: int, hi: int) -> Ids:
        a = self.all
        return a[np.searchsorted(a, lo) : np.searchsorted(a, hi)]

    def _found(self, cands: Ids) -> tuple[Ids, Ids]:
        a = self.all
        if not len(cands) or not len(a):
            return EMPTY, EMPTY
        pos = np.searchsorted(a, cands)
        np.minimum(pos, len(a) - 1, out=pos)
        found = np.flatnonzero(a[pos] == cands)
        return found, pos[found]

    def member(self, cands: Ids) -> Ids:
        return cands[self._found(cands)[0]]

    def member_at(self, cands: Ids) -> Ids:
        """The indexes of the candidates held."""
        return self._found(cands)[0]

    def found_at(self, cands: Ids) -> tuple[Ids, Ids]:
        """The indexes k of the candidates held, and each one's place among the term's
        postings (for `posting_blocks.Leaf.values_at`)."""
        return self._found(cands)

    def weights_at(self, cands: Ids) -> tuple[Ids, Any]:
        """The indexes k of the candidates held, and the posting weight at each."""
        found, at = self._found(cands)
        if self._w is None:
            self._w = self._raw()
        return found, self._w[at]


class _Table:
    """A segment's `EXT` file: the terms' entries, and the file to read arrays from."""

    def __init__(self, f: Any) -> None:
        self.f = f
        buf = getattr(f, "_buf", None)
        if buf is None:  # a file Whoosh reads some other way (not mapped): in memory
            f.seek(0)
            buf = f.read()
        self.buf = buf
        end = len(buf)
        table_at, n, magic = _FOOTER.unpack(bytes(buf[end - _FOOTER.size : end]))
        if magic != MAGIC:
            raise ValueError("not a document-number file")  # i18n: not shown
        size = n * _ENTRY.itemsize
        self.entries = np.frombuffer(bytes(buf[table_at : table_at + size]), dtype=_ENTRY)
        # Columns as plain arrays: a field of the structured array is a strided view,
        # which `searchsorted` copied whole on every look-up (~50 µs at 50,000 terms).
        self.starts = np.ascontiguousarray(self.entries["start"]).astype(np.int64)
        self.columns = {
            name: np.ascontiguousarray(self.entries[name]).tolist()
            for name in ("data", "n", "first", "idw", "ww", "w0", "blocks")
        }
        self.cache: dict[int, Dense] = {}
        self.cached = 0

    def get(self, start: int) -> Dense | None:
        i = int(self.starts.searchsorted(start))
        if i >= len(self.starts) or int(self.starts[i]) != start:
            return None
        cache = self.cache
        got = cache.pop(i, None)
        if got is None:
            got = self._read(i)
            self.cached += got.size
            while self.cached > CACHE_POSTINGS and cache:  # the least recently used go
                self.cached -= cache.pop(next(iter(cache))).size
        cache[i] = got  # (last: most recently used)
        return got

    def _read(self, i: int) -> Dense:
        col = self.columns
        n, at, idw, ww = col["n"][i], col["data"][i], col["idw"][i], col["ww"][i]
        buf = self.buf
        if idw == 4:
            ids = np.frombuffer(bytes(buf[at : at + 4 * n]), dtype="<u4").astype(np.int64)
            at += 4 * n
        else:
            gaps = np.frombuffer(
                bytes(buf[at : at + idw * (n - 1)]), dtype=np.uint8 if idw == 1 else "<u2"
            )
            at += idw * (n - 1)
            ids = np.empty(n, dtype=np.int64)
            ids[0] = col["first"][i]
            np.cumsum(gaps, out=ids[1:])
            ids[1:] += ids[0]
        w0 = float(col["w0"][i])
        nb, start = col["blocks"][i], int(self.starts[i])
        bat = at + _weight_bytes(ww, n)

        def weights() -> Any:
            if ww == 0:
                return np.full(n, w0, dtype=np.float64)
            raw = bytes(buf[at:bat])
            if ww == 2:
                return _from_nibbles(raw, n).astype(np.float64)
            return np.frombuffer(raw, dtype=np.uint8 if ww == 1 else "<f4").astype(np.float64)

        def blocks() -> tuple[list[int], Ids]:
            starts = np.frombuffer(bytes(buf[bat : bat + 4 * nb]), dtype="<u4")
            counts = np.frombuffer(bytes(buf[bat + 4 * nb : bat + 6 * nb]), dtype="<u2")
            return (starts.astype(np.int64) + start).tolist(), np.cumsum(counts, dtype=np.int64)

        return Dense(ids, weights, blocks if nb else None)


CACHE_POSTINGS = 1_000_000  # decoded postings kept per segment reader, at most (~16 MB)
_ATTR = "_casefile_doc_ids"


def _table(reader: Any) -> _Table | None:
    """The segment reader's table (opened once, kept with the reader), or None."""
    got: _Table | bool | None = reader.__dict__.get(_ATTR, False)
    if got is False:
        got = None
        storage = getattr(reader, "_storage", None)
        segment = getattr(reader, "_segment", None)
        if storage is not None and segment is not None:
            name = segment.make_filename(EXT)
            try:
                if storage.file_exists(name):
                    got = _Table(storage.open_file(name))
            except (OSError, ValueError, struct.error):
                got = None  # read from the blocks instead
        reader.__dict__[_ATTR] = got
    return got if isinstance(got, _Table) else None


def lookup(reader: Any, m: Any) -> Dense | None:
    """The arrays of the term whose block reader (a `W3LeafMatcher`) is `m`, in the
    segment `reader` reads, or None (no file, or a term without arrays)."""
    if reader is None:
        return None
    t = _table(reader)
    if t is None or getattr(m, "_byteids", False):
        return None
    return t.get(int(m._startoffset))
