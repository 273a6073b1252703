"""A posting pool that never holds the interpreter for long.

Whoosh's `PostingPool` appends every posting of a commit to one list and, at commit,
sorts it with a single `sorted()` call: on a 1,000-document commit of the corpus that is
one C call of 90-130 ms, during which no other Python thread runs. The GUI's event loop
stalled for exactly that long in the middle of every background import.

The postings of one term arrive with rising document numbers: a writer numbers documents
as they are added, and segments merged in at commit are appended after them in their own
sorted order. So the pool only needs to group postings by term as they arrive and sort
the *terms* at commit, which is a far shorter list, and sort it in slices that each
return to the interpreter, so other threads get their turn between slices. The few
groups that do arrive out of order (flagged as they come in) are sorted on their own.
An analysed field (the page text, `add_analyzed`) is not held as postings at all but as
arrays per document (`posting_columns.py`), joined with the single postings at drain.
"""

from __future__ import annotations

import heapq
import marshal
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import Any

from whoosh.writing import PostingPool

from casefile.core.search.analysis import Analyzed
from casefile.core.search.posting_columns import FieldColumns, Posting, PostingColumns

Group = list[Posting] | PostingColumns

SLICE = 8192  # terms per sort call: ~2 ms each on this machine
RUN_CHUNK = 4096  # postings per marshal call when a pool spills to disk


def sorted_in_slices(keys: Iterable[bytes], size: int = SLICE) -> Iterator[bytes]:
    """`sorted(keys)`, as a merge of slices sorted one call at a time."""
    items = list(keys)
    if len(items) <= size:
        return iter(sorted(items))
    runs = [sorted(items[i : i + size]) for i in range(0, len(items), size)]
    return heapq.merge(*runs)


class TermGroups:
    """A pool's postings as they are held, term by term, for the codec to write a term
    at a time (`codec._FieldWriter.add_postings`); iterating gives them one by one, in
    the same order, as Whoosh's other consumers expect."""

    def __init__(self, groups: Iterator[tuple[str, bytes, Group]]) -> None:
        self._groups = groups

    def __iter__(self) -> Iterator[Posting]:
        for _fieldname, _tbytes, group in self._groups:
            yield from group

    def term_groups(self) -> Iterator[tuple[str, bytes, Group]]:
        return self._groups


class GroupedPostingPool(PostingPool):  # type: ignore[misc]
    """Drop-in for Whoosh's pool (see module docstring); spills sorted runs to disk
    past `limitmb` exactly as the original does."""

    def __init__(self, tempstore: Any, segment: Any, limitmb: int = 128) -> None:
        super().__init__(tempstore, segment, limitmb=limitmb)
        self._groups: dict[str, dict[bytes, list[Posting]]] = {}
        self._unordered: set[tuple[str, bytes]] = set()
        self._columns: dict[str, FieldColumns] = {}  # analysed fields (add_analyzed)

    def add(self, item: Posting) -> None:
        fieldname, tbytes, docnum, _weight, vbytes = item
        field = self._groups.get(fieldname)
        if field is None:
            field = self._groups[fieldname] = {}
            self.fieldnames.add(fieldname)
        group = field.get(tbytes)
        if group is None:
            field[tbytes] = [item]
            self.currentsize += 160 + 2 * len(tbytes)
        else:
            if docnum <= group[-1][2]:
                self._unordered.add((fieldname, tbytes))
            group.append(item)
        self.currentsize += 100 + (len(vbytes) if vbytes else 0)
        if self.currentsize > self.limit:
            self.save()

    def term_table(self, fieldname: str) -> dict[str, int]:
        """The numbering of the terms held for an analysed field: `analysis.paged_terms`
        numbers a document's words in it, so they are looked up once, not twice."""
        columns = self._columns.get(fieldname)
        if columns is None:
            columns = self._columns[fieldname] = FieldColumns()
        return columns.vocab

    def add_analyzed(
        self,
        fieldname: str,
        docnum: int,
        value: Analyzed,
        boost: float,
        fieldboost: float = 1.0,
    ) -> int:
        """The postings of one document's analysed field, as Whoosh would add them one by
        one (`ScriptPositions.word_values`, then its writer's `add_document`), held as
        arrays (`posting_columns.py`); returns the field's length (its positions)."""
        columns = self._columns.get(fieldname)
        if columns is None:
            columns = self._columns[fieldname] = FieldColumns()
            self.fieldnames.add(fieldname)
        self.currentsize += columns.add(docnum, value, boost, fieldboost)
        if self.currentsize > self.limit:
            self.save()
        return len(value.ids)

    def _drain_groups(self) -> Iterator[tuple[str, bytes, Group]]:
        groups, unordered, columns = self._groups, self._unordered, self._columns
        self._groups, self._unordered, self._columns = {}, set(), {}
        self.currentsize = 0
        for fieldname in sorted(groups.keys() | columns.keys()):
            field = groups.get(fieldname, {})
            held = columns.get(fieldname)
            listed: Iterator[tuple[bytes, Group]] = ((t, field[t]) for t in sorted_in_slices(field))
            if held:
                listed = _merged(held.drain(fieldname), listed)
            for tbytes, group in listed:
                if isinstance(group, list) and (fieldname, tbytes) in unordered:
                    group.sort()
                yield fieldname, tbytes, group

    def _drain(self) -> Iterator[Posting]:
        for _fieldname, _tbytes, group in self._drain_groups():
            yield from group

    def save(self) -> None:
        if self._groups or any(self._columns.values()):
            path, f = self._new_run()
            self._write_run(f, self._drain())
            self._add_run(path)
        self.currentsize = 0

    def _write_run(self, f: Any, items: Iterable[Posting]) -> None:
        """marshal, not Whoosh's pickle protocol 2: protocol 2 pickles every bytes value
        through `codecs.encode`, a module lookup per posting that PySide's import hook
        turns into a Python call. Spilling a 100,000-document rebuild in the GUI took
        seconds that way, and froze the window for one of them. Postings go in chunks
        (one short C call each) to keep reading them back cheap."""
        chunk: list[Posting] = []
        for item in items:
            chunk.append(item)
            if len(chunk) == RUN_CHUNK:
                marshal.dump(chunk, f)
                chunk = []
        if chunk:
            marshal.dump(chunk, f)
        f.close()

    def _read_run(self, path: str) -> Iterator[Posting]:
        f = self._open_run(path)
        try:
            while True:
                yield from marshal.load(f)
        except EOFError:
            return
        finally:
            f.close()
            self._remove_run(path)

    def items(self, maxfiles: int = 128) -> Iterable[Posting]:
        if not self.runs:
            return TermGroups(self._drain_groups())
        merged: Iterator[Posting] = super().items(maxfiles)  # our save() first, then merge
        return merged


def install(writer: Any) -> Any:
    """Give a fresh Whoosh `SegmentWriter` the grouped pool (before anything is added)."""
    old = writer.pool
    writer.pool = GroupedPostingPool(old.tempstore, old.segment, limitmb=old.limit // (1 << 20))
    return writer


def _merged(
    held: Iterator[tuple[bytes, PostingColumns]], listed: Iterator[tuple[bytes, Group]]
) -> Iterator[tuple[bytes, Group]]:
    """Two term-ordered streams of one field as one: the analysed postings and the ones
    added singly (a merged segment's, which come after them). A term in both becomes
    one list, in document order."""
    a, b = next(held, None), next(listed, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a[0] < b[0]):
            assert a is not None
            yield a
            a = next(held, None)
        elif a is None or b[0] < a[0]:
            yield b
            b = next(listed, None)
        else:
            both = [*a[1], *b[1]]
            if any(q[2] <= p[2] for p, q in pairwise(both)):
                both.sort()
            yield a[0], both
            a, b = next(held, None), next(listed, None)
