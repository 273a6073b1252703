"""The Whoosh codec for case indexes. Like the analyzer, it is pickled into every
segment: never move or rename this module or the class.

Measured on 2,000 mixed documents, 200-document commits (docs/architecture.md, measured
facts): zlib on every posting block cost ~25% of indexing time (index 39 MB -> 50 MB
without it), and per-posting length statistics (only an optimisation for block-max
scoring) read the length column once per posting. Both are off here.

Most words of a case occur in a handful of documents; each of them used to cost a block
of its own in the postings file (a header, two pickles, a block record), which was most
of a commit's time. Their postings now travel inside the term's entry instead
(`INLINE_LIMIT`), a path Whoosh reads but cannot write: its writer calls
`set_inline`, a method its term info never had (it is `set_inlined`). And the loop
that writes a segment's postings runs once per posting in pure Python: Whoosh's checks
every posting's order and types with assertions (Python runs them) and asks the length
column for each posting's document length, which this codec does not keep
(`length_stats`); `_FieldWriter` and `_InliningPostingsWriter` do only the writing.
The posting pool (`pool.py`) hands postings over in order, as its tests check.

Posting blocks and inlined postings are pickles. Whoosh writes protocol 2, which stores
each posting's bytes as a call to `codecs.encode` on a latin-1 string (about 20 bytes
of overhead a posting, and a slow path both ways); protocol 5 stores bytes as bytes.
Whoosh's readers unpickle whatever protocol they find, so indexes of either kind read.
"""

from __future__ import annotations

import pickle
import struct
from array import array
from collections.abc import Iterator, Sequence
from hashlib import md5
from itertools import chain, groupby
from operator import itemgetter, sub
from typing import Any

from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3PostingsWriter,
    W3TermInfo,
)
from whoosh.matching import ListMatcher
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte

from casefile.core.search import doc_ids
from casefile.core.search.posting_columns import PostingColumns

_FIELD_TERM = itemgetter(0, 1)
INLINE_LIMIT = 8  # postings of a term with fewer documents than this live in its entry


PROTOCOL = 5


class _TermInfo(W3TermInfo):  # type: ignore[misc]
    def to_bytes(self) -> bytes:
        """As Whoosh's, with inlined postings pickled at `PROTOCOL`."""
        minlength = 0 if self._minlength is None else length_to_byte(self._minlength)
        head = self._struct.pack(
            self.is_inlined(),
            self._weight,
            self._df,
            minlength,
            length_to_byte(self._maxlength),
            self._maxweight,
            0xFFFFFFFF if self._minid is None else self._minid,
            0xFFFFFFFF if self._maxid is None else self._maxid,
        )
        if self.is_inlined():
            return bytes(head + pickle.dumps(self._inlined, PROTOCOL))
        return bytes(head + pack_long(self._offset) + pack_int(self._length))


class _InliningPostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    doc_ids: doc_ids.Writer | None = None  # each term's arrays (see doc_ids.py)

    def _write_block(self, last: bool = False) -> None:
        """As Whoosh's (uncompressed: see `CasefileCodec`), pickled at `PROTOCOL`."""
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        if self.doc_ids is not None and not self._byteids:
            self.doc_ids.block(self._ids, self._weights, self._postfile.tell() - self._startoffset)
        terminfo: Any = self._terminfo
        terminfo.add_block(self)
        data = pickle.dumps((self._mini_ids(), self._mini_weights(), self._mini_values()), PROTOCOL)
        ids = self._ids
        info = pickle.dumps(
            (
                len(ids),
                ids[-1],
                self._maxweight,
                0,
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
            ),
            PROTOCOL,
        )
        length = len(info) + len(data)
        self._postfile.write_int(-length if last else length)
        self._postfile.write(info)
        self._postfile.write(data)
        self._blockcount += 1
        self._new_block()

    def _mini_ids(self) -> tuple[int, ...]:
        """Whoosh's (the gaps between document numbers), in C rather than a generator."""
        ids = self._ids
        if self._byteids:  # a term vector's ids are terms, kept as they are
            return tuple(ids)
        return tuple(map(sub, ids, chain((0,), ids)))

    def _mini_weights(self) -> Any:
        """Whoosh's (None when all weights are 1, one number when all are equal), counted
        in C rather than two generators over the block."""
        weights = self._weights
        if weights.count(1.0) == len(weights):
            return None
        if weights.count(weights[0]) == len(weights):
            return weights[0]
        return tuple(weights)

    def add_posting(self, id_: int, weight: float, vbytes: bytes, length: Any = None) -> None:
        if len(self._ids) >= self._blocklimit:
            self._write_block()
        self._ids.append(id_)
        self._weights.append(weight)
        if weight > self._maxweight:  # type: ignore[has-type]
            self._maxweight = weight
        if vbytes:
            self._values.append(vbytes)

    def add_many(
        self, ids: Sequence[int], weights: Sequence[float], values: Sequence[bytes | None]
    ) -> None:
        """`add_posting` for each posting in turn, a block's worth at a time."""
        limit = self._blocklimit
        i, n = 0, len(ids)
        while i < n:
            if len(self._ids) >= limit:
                self._write_block()
            j = min(n, i + limit - len(self._ids))
            some = weights[i:j]
            self._ids.extend(ids[i:j])
            self._weights.extend(some)
            top = max(some)
            if top > self._maxweight:
                self._maxweight = top
            self._values.extend(filter(None, values[i:j]))
            i = j

    def finish_postings(self) -> Any:
        terminfo: Any = self._terminfo  # type: ignore[has-type]
        if not self.written() and len(self) < self._inlinelimit:
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
            self._terminfo = None
            return terminfo
        got = super().finish_postings()
        if self.doc_ids is not None:
            self.doc_ids.term(self._startoffset)
        return got


class _InlinedMatcher(ListMatcher):  # type: ignore[misc]
    """Inlined postings of a field without values (an ID, a keyword) say None, as
    the same postings read from a block do; Whoosh's ListMatcher says "" (a str), which
    its own posting pool refuses when a merge copies them."""

    def value(self) -> Any:
        return super().value() if self._values else None

    def all_items(self) -> Any:
        if self._values:
            return super().all_items()
        return ((i, None) for i in self._ids)


class _FieldWriter(W3FieldWriter):  # type: ignore[misc]
    def __init__(self, codec: Any, storage: Any, segment: Any) -> None:
        super().__init__(codec, storage, segment)
        self._doc_ids = doc_ids.Writer(segment.create_file(storage, doc_ids.EXT))

    def start_field(self, fieldname: str, fieldobj: Any) -> None:
        super().start_field(fieldname, fieldobj)
        self._postwriter.doc_ids = self._doc_ids

    def close(self) -> None:
        if not self.is_closed:
            self._doc_ids.close()
        super().close()

    def add_postings(self, schema: Any, lengths: Any, items: Any) -> None:
        """Whoosh's `FieldWriter.add_postings` (postings in field and term order,
        docnum -1 marking spelling words), without its per-posting checks and lengths.
        Whoosh compared every posting's field and term in a Python loop, most of a
        commit's time on a segment of short notes; our pool hands its postings over
        term by term (`pool.TermGroups`), and any other stream is split by term with
        `groupby`. A term with fewer than `INLINE_LIMIT` documents (most of a case's
        words) has its entry built here in one go (`_inlined_entry`); the others go
        through the postings writer a block at a time (`add_many`). Every entry goes
        to the term table through `_TermTable`, the same bytes as Whoosh's `add`."""
        lastfn: str | None = None
        by_term = getattr(items, "term_groups", None)
        terms: Iterator[tuple[str, bytes, Any]] = (
            by_term()
            if by_term is not None
            else ((f, t, list(g)) for (f, t), g in groupby(items, key=_FIELD_TERM))
        )
        table = _TermTable(self._tindex)
        add_entry = table.add
        prefix = b""
        inline_limit = self._codec._inlinelimit
        try:
            for fieldname, btext, postings in terms:
                if fieldname != lastfn:
                    if lastfn is not None:
                        self.finish_field()
                    self.start_field(fieldname, schema[fieldname])
                    lastfn = fieldname
                    prefix = pack_ushort(self._fieldid)
                if isinstance(postings, PostingColumns):  # the page text (pool.py)
                    cols = postings
                    if len(cols) < inline_limit:
                        entry = _inlined_columns(cols.ids, cols.weights, cols.values)
                        add_entry(prefix + btext, entry)
                        continue
                    post = self._postwriter
                    if len(cols) <= post._blocklimit:
                        entry = _one_block_entry(post._postfile, cols, self._format)
                        add_entry(prefix + btext, entry)
                        continue
                    post.start_postings(self._format, _TermInfo())
                    post.add_many(cols.ids, cols.weights, cols.values)
                    add_entry(prefix + btext, post.finish_postings().to_bytes())
                    continue
                if postings[0][2] == -1:
                    postings = [p for p in postings if p[2] != -1]
                    if not postings:
                        continue
                if len(postings) < inline_limit:
                    add_entry(prefix + btext, _inlined_entry(postings))
                    continue
                _fields, _texts, ids, weights, values = zip(*postings, strict=True)
                post = self._postwriter
                post.start_postings(self._format, _TermInfo())
                post.add_many(ids, weights, values)
                add_entry(prefix + btext, post.finish_postings().to_bytes())
            if lastfn is not None:
                self.finish_field()
        finally:
            table.flush()


_TERMINFO = struct.Struct("!BfIBBfII")  # W3TermInfo._struct: flags, weight, df, lengths...
_NO_LENGTH = length_to_byte(0)
_ENTRY_LENGTHS = struct.Struct("!ii")  # filetables._lengths: key and value sizes
_FLUSH_BYTES = 1 << 20


def _inlined_entry(postings: Sequence[Any]) -> bytes:
    """The term-table value `_InliningPostingsWriter` and `_TermInfo.to_bytes` make for
    a term whose postings are inlined, without their objects: weights as the float32
    array they are stored in, statistics with no field lengths (`length_stats`)."""
    return _inlined_columns(
        [p[2] for p in postings], [p[3] for p in postings], [p[4] for p in postings]
    )


def _inlined_columns(
    ids: Sequence[int], raw: Sequence[float], values: Sequence[bytes | None]
) -> bytes:
    """`_inlined_entry` of postings given as columns (document numbers, weights, values)."""
    weights = array("f", raw)
    top = max(raw)
    head = _TERMINFO.pack(
        1, sum(weights), len(ids), 0, _NO_LENGTH, top if top > 0 else 0, ids[0], ids[-1]
    )
    return head + pickle.dumps((tuple(ids), tuple(weights), tuple(filter(None, values))), PROTOCOL)


def _one_block_entry(postfile: Any, cols: PostingColumns, format_: Any) -> bytes:
    """The postings of a term that fill one block (`INLINE_LIMIT` to the block limit of
    documents, most of the words that are not inlined), written to the postings file
    and their term-table value returned: the bytes `start_postings`, `add_many`,
    `finish_postings` and `_TermInfo.to_bytes` make, without the postings writer's
    per-term objects and calls (~0.3 s per 2,000 notes)."""
    ids, raw, values = cols.ids, cols.weights, cols.values
    weights = array("f", raw)  # what the block holds (float32), as `add_many` keeps it
    top = max(raw)
    maxweight = top if top > 0 else 0  # `add_many` starts from the int 0
    fixed = format_.fixed_value_size()
    kept = [v for v in values if v]
    if fixed is None or fixed < 0:
        mini_values: Any = tuple(kept)
    elif fixed == 0:
        mini_values = None
    else:
        mini_values = b"".join(kept)
    if weights.count(1.0) == len(weights):  # `_InliningPostingsWriter._mini_weights`
        mini_weights: Any = None
    elif weights.count(weights[0]) == len(weights):
        mini_weights = weights[0]
    else:
        mini_weights = tuple(weights)
    data = pickle.dumps(
        (tuple(map(sub, ids, chain((0,), ids))), mini_weights, mini_values), PROTOCOL
    )
    last = ids[-1]
    info = pickle.dumps((len(ids), last, maxweight, 0, length_to_byte(None), _NO_LENGTH), PROTOCOL)
    start = postfile.tell()
    block = WHOOSH3_HEADER_MAGIC + pack_int(-(len(info) + len(data))) + info + data
    postfile.write(block)
    head = _TERMINFO.pack(
        0, 0 + sum(weights), len(ids), 0, _NO_LENGTH, max(0, maxweight), ids[0], last
    )
    entry: bytes = head + pack_long(start) + pack_int(len(block))
    return entry


def _md5_hash(key: bytes) -> int:
    """`filetables.md5_hash` (the low 32 bits of the key's MD5), from the digest's bytes."""
    return int.from_bytes(md5(key, usedforsecurity=False).digest()[12:], "big")


class _TermTable:
    """Whoosh's `OrderedHashWriter.add` for a run of entries: the same bytes, hashes and
    position index, but the entries are gathered into one buffer and written a
    megabyte at a time, their positions counted instead of asked of the file (`tell`
    and three writes per term were a quarter of a commit's term writing)."""

    def __init__(self, tindex: Any) -> None:
        assert tindex.hashtype == 0  # md5, what `_md5_hash` computes
        self._tindex = tindex
        self._buckets = tindex.buckets
        self._pos = tindex.dbfile.tell()
        self._buf = bytearray()
        self._positions: list[int] = []
        self._last: bytes = tindex.lastkey

    def add(self, key: bytes, value: bytes) -> None:
        if key <= self._last:
            raise ValueError(f"Keys must increase: {self._last!r}..{key!r}")
        self._last = key
        pos = self._pos + len(self._buf)
        self._positions.append(pos)
        buf = self._buf
        buf += _ENTRY_LENGTHS.pack(len(key), len(value))
        buf += key
        buf += value
        h = _md5_hash(key)
        self._buckets[h & 255].append((h, pos))
        if len(buf) >= _FLUSH_BYTES:
            self.flush()

    def flush(self) -> None:
        tindex = self._tindex
        if self._buf:
            tindex.dbfile.write(bytes(self._buf))
            self._pos += len(self._buf)
            self._buf = bytearray()
        tindex.index.extend(self._positions)
        self._positions = []
        tindex.lastkey = self._last


class CasefileCodec(W3Codec):  # type: ignore[misc]
    length_stats = False

    def __init__(self) -> None:
        super().__init__(blocklimit=128, compression=0, inlinelimit=INLINE_LIMIT)

    def field_writer(self, storage: Any, segment: Any) -> Any:
        return _FieldWriter(self, storage, segment)

    def postings_reader(
        self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None
    ) -> Any:
        if not terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        ids, weights, values = terminfo.inlined_postings()
        return _InlinedMatcher(
            ids, weights, values, format_, scorer=scorer, term=term, terminfo=terminfo
        )

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        return _InliningPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
