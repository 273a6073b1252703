"""The Whoosh index of a case: its schema, its format version and the open handle.

One Whoosh document per *document* (format 2; format 1 had one per page). AND, NOT and
ranking are then about the document, as the user means them ("clinton comptroller"
finds a report with the two words on different pages); all pages share one position
space with `analysis.PAGE_GAP` empty positions between pages, so a phrase stays within a
page, and the first position of each page (`pagemap` column) tells which pages hold the
hits of a result. Why not one entry per page: AND/NOT per document would need the whole
match set grouped in Python for every query, and the per-page copies of title, source,
kind, tags and dates made the index ~1.5x larger and the rebuild slower.

Texts are not stored (snippets are cut from the database text); what a result needs
besides the match — uid, revision, dates, kind, languages, tags — sits in one column
(`row`), read per segment once and kept in memory, so facets, date sorting and reconcile
never touch stored fields or the database.
"""

from __future__ import annotations

import errno
import json
import shutil
import threading
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import columns, fields, index
from whoosh.filedb.filestore import FileStorage

from casefile.core.errors import CasefileError, DiskFullError
from casefile.core.i18n import _
from casefile.core.jobs import Cancelled
from casefile.core.runtime.gcpause import keep_out_of_collections
from casefile.core.search.analysis import ScriptPositions, ScriptTokenizer
from casefile.core.search.codec import CasefileCodec
from casefile.core.search.mapped_files import install as read_segments_in_place
from casefile.core.search.pool import install as install_pool
from casefile.core.search.writer import CaseWriter

# Bump when the analyzer's behaviour or the schema changes: an index with another
# version is rebuilt (with progress) on open instead of failing or giving wrong hits.
# 2: one entry per document, normalised text, notes; 3: entities; 4: each term's document
# numbers and weights as arrays (`doc_ids.py`)
FORMAT_VERSION = 4
VERSION_FILE = "casefile-index.json"
INDEX_NAME = "pages"
MAIL_FIELDS = ("from", "to", "cc", "subject")  # e-mail headers, from Document.extra
TEXT_FIELDS = ("text", "head", "title", "source", "notes", *MAIL_FIELDS)

read_segments_in_place()  # no private copy of each segment's postings (mapped_files.py)


def _text_field(boost: float = 1.0) -> fields.TEXT:
    f = fields.TEXT(analyzer=ScriptTokenizer(), phrase=True, field_boost=boost)
    f.format = ScriptPositions(field_boost=boost)
    return f


def build_schema() -> fields.Schema:
    return fields.Schema(
        uid=fields.ID(unique=True),  # the unit of update
        text=_text_field(),  # every page, one position space (see the module docstring)
        head=_text_field(boost=2.0),  # the title, searched by plain words: a title hit
        title=_text_field(),  # the title again, unboosted: for title:… filters
        source=_text_field(),
        notes=_text_field(),  # the investigator's notes (metadata panel)
        **{name: _text_field() for name in MAIL_FIELDS},  # display names and addresses
        kind=fields.ID(),
        tag=fields.KEYWORD(lowercase=True, commas=True),
        lang=fields.KEYWORD(lowercase=True, commas=True),
        # Entities mentioned: uids and every name and alias, so entity:"Amazon" finds a
        # document whichever alias it was found under (entity_fields.entities_of).
        entity=fields.KEYWORD(lowercase=True, commas=True),
        date_lo=fields.NUMERIC(int, bits=32),
        date_hi=fields.NUMERIC(int, bits=32),
        row=fields.COLUMN(columns.VarBytesColumn()),
        pagemap=fields.COLUMN(columns.VarBytesColumn()),  # see `encode_pagemap`
    )


def encode_pagemap(numbers: list[int], starts: list[int]) -> bytes:
    """Page numbers and the first position of each (uint32 pairs)."""
    a = array("I")
    for n, st in zip(numbers, starts, strict=True):
        a.append(n)
        a.append(st)
    return a.tobytes()


def decode_pagemap(raw: bytes) -> tuple[list[int], list[int]]:
    a = array("I")
    a.frombytes(raw or b"")
    return list(a[0::2]), list(a[1::2])


@dataclass(frozen=True, slots=True)
class Row:
    """What the index knows about one document besides its words."""

    uid: str
    rev: int
    date_lo: int  # yyyymmdd, 0 when undated
    date_hi: int
    kind: str
    langs: tuple[str, ...]
    tags: tuple[str, ...]
    entities: tuple[str, ...] = ()  # uids of the entities mentioned (core/entities)

    def encode(self) -> bytes:
        return json.dumps(
            [
                self.uid,
                self.rev,
                self.date_lo,
                self.date_hi,
                self.kind,
                list(self.langs),
                list(self.tags),
                list(self.entities),
            ],
            ensure_ascii=False,
        ).encode()

    @classmethod
    def decode(cls, raw: bytes) -> Row | None:
        if not raw:
            return None
        u, r, lo, hi, k, langs, tags, *ents = json.loads(raw)
        return cls(u, r, lo, hi, k, tuple(langs), tuple(tags), tuple(ents[0]) if ents else ())


def day_number(iso: str | None) -> int:
    """'2023-02-01' -> 20230201; None -> 0."""
    if not iso:
        return 0
    y, m, d = iso.split("-")
    return int(y) * 10000 + int(m) * 100 + int(d)


class IndexFormatError(Exception):
    """The index on disk is missing, unreadable or of another format version."""


def read_version(path: Path) -> int | None:
    try:
        return int(json.loads((path / VERSION_FILE).read_text())["format"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def create(path: Path) -> index.Index:
    """A new empty index at `path` (replacing whatever was there)."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    ix = FileStorage(str(path)).create_index(build_schema(), indexname=INDEX_NAME)
    write_version(path)
    return ix


def writer(ix: index.Index, limitmb: int = 96) -> Any:
    """Every writer uses the case codec (see `codec.py` for why), the grouped posting
    pool (see `pool.py`: Whoosh's own stalls every other thread at commit) and the
    page text's fast path (`writer.py`). What `ix.writer(procs=1)` makes, otherwise."""
    return install_pool(CaseWriter(ix, limitmb=limitmb, codec=CasefileCodec()))


def write_version(path: Path) -> None:
    tmp = path / (VERSION_FILE + ".tmp")
    tmp.write_text(json.dumps({"format": FORMAT_VERSION}))
    tmp.replace(path / VERSION_FILE)


def open_existing(path: Path) -> index.Index:
    if read_version(path) != FORMAT_VERSION:
        raise IndexFormatError(f"index at {path} is not format {FORMAT_VERSION}")
    try:
        ix = FileStorage(str(path)).open_index(indexname=INDEX_NAME)
        _validate(ix)
        return ix
    except Exception as exc:  # a half-written, damaged or foreign index: rebuild, never crash
        raise IndexFormatError(str(exc)) from exc


def _validate(ix: index.Index) -> None:
    """Open every segment and read the last entry of its row column: a deleted segment
    file or a truncated one (its compound directory sits at the end) fails here, when
    the case opens, rather than in the middle of a search or a write."""
    reader = ix.reader()
    try:
        for leaf, _offset in reader.leaf_readers():
            if leaf.segment() is None:
                continue
            n = leaf.doc_count_all()
            if n:
                leaf.column_reader("row")[n - 1]
    finally:
        reader.close()


def is_disk_full(exc: BaseException) -> bool:
    """A write that failed for lack of space (or quota): a fact about the disk, not a
    damaged index, so rebuilding would only fail the same way."""
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


def disk_full(path: Path) -> DiskFullError:
    return DiskFullError(
        _(
            "The disk holding the case %(folder)s is full, so the search index could not be "
            "brought up to date; the case itself is safe and nothing was lost. Free some "
            "space: the documents not yet searchable are indexed the next time the case is "
            "opened or searched."
        )
        % {"folder": path.parent}
    )


def is_damage(exc: BaseException) -> bool:
    """Whether an exception raised while reading or writing the index means the index
    is damaged (and must be rebuilt) rather than a user's mistake, a cancel or a full
    disk: Whoosh reports damage as whatever the broken bytes provoke (EOFError,
    OSError, struct and pickle errors, KeyError...), so everything else counts."""
    return (
        isinstance(exc, Exception)
        and not isinstance(exc, (CasefileError, Cancelled))
        and not is_disk_full(exc)
    )


class SegmentTables:
    """Per-segment `Row` lists, keyed by segment id: segments never change once
    written (deletions only hide documents), so each is decoded once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_segment: dict[str, list[Row | None]] = {}

    def rows_for(self, reader: Any) -> list[tuple[list[Row | None], int]]:
        out: list[tuple[list[Row | None], int]] = []
        live = set()
        decoded = False
        for leaf, offset in reader.leaf_readers():
            segment = leaf.segment()
            if segment is None:  # an empty index (a new case): a valid index, no rows
                out.append(([], offset))
                continue
            segid = segment.segment_id()
            live.add(segid)
            with self._lock:
                rows = self._by_segment.get(segid)
            if rows is None:
                col = leaf.column_reader("row")
                cache: dict[bytes, Row | None] = {}
                rows = []
                for raw in col:
                    r = cache.get(raw)
                    if r is None:
                        r = cache[raw] = Row.decode(raw)
                    rows.append(r)
                with self._lock:
                    self._by_segment[segid] = rows
                decoded = True
            out.append((rows, offset))
        with self._lock:
            for dead in set(self._by_segment) - live:
                del self._by_segment[dead]
        if decoded:  # they live as long as their segment: no collection need walk them
            keep_out_of_collections()
        return out
