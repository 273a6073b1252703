"""Finding a batch's mentions, here or in a matcher process that overlaps the writing
(docs/architecture.md, "Entities").

A large drain spends about as long matching pages as writing the mentions, and both
are CPU work in one process. So for a large queue `matching.drain` starts one spawned
process that reads pages (its own read-only connection: pages are committed text the
drain never changes) and matches them, and hands back the rows to insert, while the
case's one writer writes the batches already found. The process never writes: the
database stays the truth, each batch is still written in one transaction by the
writer, and a crash or a cancel leaves the unwritten batches queued.

This module imports neither SQLAlchemy nor the case, so the process starts small; the
automaton reaches it pickled (as its keys: `Matcher.__getstate__`).
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.connection
import pickle
import sqlite3
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from casefile.core.entities.matcher import Matcher
from casefile.core.runtime.parent_watch import exit_with_parent

# entity_id, document_id, page, start, end, alias_id: a mention's insert parameters
Row = tuple[int, int, int, int, int, int]
Span = tuple[int, int, int, int]  # entity_id, page, start, end

KEEP = (
    'SELECT document_id, entity_id, page, start, "end", rejected FROM mention'
    " WHERE document_id IN ({marks}) AND (manual = 1 OR rejected = 1)"
)
PAGES = "SELECT document_id, number, text FROM page WHERE document_id IN ({marks})"


class Found:
    """What matching a batch found: the rows to insert, and per document the entities
    it names (its manual mentions' and the new rows'). A span the user tagged or
    rejected is left alone; so is a second hit at the same span (two aliases, one
    form)."""

    __slots__ = ("after", "chars", "keep", "rows")

    def __init__(self, keep: dict[int, set[Span]], manual: dict[int, set[int]]) -> None:
        self.keep = keep
        self.after = manual
        self.rows: list[Row] = []
        self.chars = 0

    def page(self, m: Matcher, doc_id: int, number: int, text: str) -> None:
        self.chars += len(text)
        rows = m.rows(text, doc_id, number, self.keep[doc_id])
        if rows:
            self.rows += rows
            self.after[doc_id].update(r[0] for r in rows)


def kept_spans(
    rows: Iterable[tuple[int, int, int, int, int, Any]], doc_ids: Sequence[int]
) -> tuple[dict[int, set[Span]], dict[int, set[int]]]:
    """From (document, entity, page, start, end, rejected) of the manual and rejected
    mentions: per document the spans to leave alone, and the entities named by hand."""
    spans: dict[int, set[Span]] = {d: set() for d in doc_ids}
    manual: dict[int, set[int]] = {d: set() for d in doc_ids}
    for d, e, p, st, en, rejected in rows:
        spans[d].add((e, p, st, en))
        if not rejected:
            manual[d].add(e)
    return spans, manual


# -- in the matcher process ------------------------------------------------------------
_state: dict[str, Any] = {}


def _start(uri: str) -> None:
    gc.disable()  # this process only makes and drops tuples (see batch_match.no_gc)
    _state["db"] = sqlite3.connect(uri, uri=True, timeout=30)
    exit_with_parent()  # a writer killed midway must not leave this process behind


def _load(automaton: bytes) -> None:
    _state["matcher"] = pickle.loads(automaton)


def match_documents(doc_ids: Sequence[int]) -> tuple[int, list[Row], dict[int, set[int]]]:
    """Runs in the matcher process: (characters read, rows, entities per document)."""
    db: sqlite3.Connection = _state["db"]
    marks = ",".join("?" * len(doc_ids))
    keep, manual = kept_spans(db.execute(KEEP.format(marks=marks), doc_ids), doc_ids)
    found = Found(keep, manual)
    m: Matcher = _state["matcher"]
    for doc_id, number, text in db.execute(PAGES.format(marks=marks), doc_ids):
        found.page(m, doc_id, number, text)
    return found.chars, found.rows, found.after


# -- in the writer's process -----------------------------------------------------------
Result = tuple[int, list[Row], dict[int, set[int]]]


class MatcherProcess:
    """One spawned process (no copy of the caller's memory or Qt state) that reads and
    matches batches of documents. It is kept with the open case and serves every large
    drain (`shared_drain._process`): started by the first, closed with the case, so only
    the first drain waits for it to start (~0.15 s) and an automaton reaches it once."""

    def __init__(self, uri: str) -> None:
        self._pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(uri,),
        )
        self._loaded: object = None
        self.broken = False

    def load(self, matcher: object, automaton: bytes) -> None:
        """Hand the process `matcher` (pickled as `automaton`) unless it has it already.
        It goes as a task, not with the start: a process that dies while starting would
        leave a large start blocked on a full pipe, while a task just fails."""
        if self._loaded is not matcher:
            self._pool.submit(_load, automaton)
            self._loaded = matcher

    def submit(self, doc_ids: Sequence[int]) -> Future[Result]:
        return self._pool.submit(match_documents, list(doc_ids))

    def close(self) -> None:
        """Stop the process, dropping what was not started."""
        self._pool.shutdown(wait=True, cancel_futures=True)
