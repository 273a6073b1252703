"""The open index of a case (kept in `case.extensions`), and how it gets there.

The index is derived data (docs/architecture.md, how a change reaches the index):
whenever it is missing, unreadable or of another format version it is rebuilt, never
reported as an error. A rebuild writes into `index.new/` and swaps it in only when
complete, so a cancelled or crashed rebuild leaves the previous index usable.
"""

from __future__ import annotations

import logging
import shutil
import threading
from pathlib import Path
from typing import Any

from whoosh.index import Index

from casefile.core.case import Case
from casefile.core.search import index as ixmod
from casefile.core.search.staged_writes import StagedWrites

EXTENSION_KEY = "search"
log = logging.getLogger(__name__)


class SearchIndex:
    """One case's index: the Whoosh handle, a shared searcher kept fresh after each
    commit, and the decoded per-segment rows. One writer at a time (the case's writer
    thread); searches from any thread are serialised by `lock` (they take milliseconds,
    and Whoosh readers share file handles)."""

    def __init__(self, path: Path, ix: Index | None) -> None:
        self.path = path
        self.ix = ix
        self.lock = threading.RLock()
        self.tables = ixmod.SegmentTables()
        self._searcher: Any = None
        self._expansions: tuple[Any, dict[Any, Any]] = (None, {})
        self.reconciled = False
        self.rebuilding = False  # a rebuild is writing index.new/ (see indexer.rebuild)
        self.staged: StagedWrites | None = None  # an import's uncommitted documents

    def expansion_cache(self, searcher: Any) -> dict[Any, Any]:
        """Word -> indexed forms, valid while this searcher (index generation) lives."""
        if self._expansions[0] is not searcher:
            self._expansions = (searcher, {})
        return self._expansions[1]

    @property
    def usable(self) -> bool:
        return self.ix is not None

    def searcher(self) -> Any:
        """The current searcher (call with `lock` held)."""
        assert self.ix is not None
        # Not Searcher.refresh(): it reuses the readers of unchanged segments, and
        # those keep their old deletions (an edited page would be found twice).
        if self._searcher is not None and (
            self._searcher.reader().generation() != self.ix.latest_generation()
        ):
            self.close_searcher()
        if self._searcher is None:
            self._searcher = self.ix.searcher()
        return self._searcher

    def replace(self, ix: Index | None) -> None:
        with self.lock:
            self.drop_staged()
            self.close_searcher()
            self.ix = ix
            self.tables = ixmod.SegmentTables()

    def close_searcher(self) -> None:
        if self._searcher is not None:
            searcher, self._searcher = self._searcher, None
            try:
                searcher.close()
            except Exception as exc:  # a damaged index may fail even to close
                if not ixmod.is_damage(exc):
                    raise

    def mark_damaged(self) -> None:
        """Forget the open index: it failed to read or write (see `index.is_damage`),
        so the next `ensure_index` or sync rebuilds it."""
        self.replace(None)

    def drop_staged(self) -> None:
        """Cancel the writer of uncommitted documents, if any: their work items are
        still queued, so the next sync indexes them (see `staged_writes.py`). Never
        raises: it runs on the way out of an error, or of the case."""
        with self.lock:
            staged, self.staged = self.staged, None
            if staged is None:
                return
            try:
                staged.cancel()
            except Exception as exc:  # a damaged index may fail even to cancel
                log.warning("index writer not cancelled cleanly: %s", exc)

    def close(self) -> None:
        with self.lock:
            self.drop_staged()
            self.close_searcher()
            self.ix = None


def _clean_leftovers(path: Path) -> None:
    for name in (path.name + ".new", path.name + ".old", path.name + ".parts"):
        leftover = path.with_name(name)
        if leftover.exists():
            shutil.rmtree(leftover, ignore_errors=True)


def attach(case: Case) -> SearchIndex:
    """The case's SearchIndex, opening the index on first use. `usable` is False when
    the index must be rebuilt (missing, damaged or another format version)."""
    si = case.extensions.get(EXTENSION_KEY)
    if isinstance(si, SearchIndex):
        return si
    path = case.index_dir
    if not case.readonly:
        _clean_leftovers(path)
    try:
        ix: Index | None = ixmod.open_existing(path)
    except ixmod.IndexFormatError:
        ix = None
    if ix is not None and case.readonly_reason and _behind(case):
        ix = None  # read-only media: nothing can repair it, so search from memory
    si = SearchIndex(path, ix)
    case.extensions[EXTENSION_KEY] = si
    return si


def _behind(case: Case) -> bool:
    """The database holds changes the index on disk does not (crash, older copy)."""
    from sqlalchemy import func, select

    from casefile.core.db.schema import Document, WorkItem

    with case.read_session() as s:
        stale = s.scalar(select(func.count()).where(Document.indexed_revision != Document.revision))
        return bool(stale) or s.scalar(select(func.count(WorkItem.id))) != 0


def detach(case: Case) -> None:
    si = case.extensions.pop(EXTENSION_KEY, None)
    if isinstance(si, SearchIndex):
        si.close()


def swap_in(si: SearchIndex, new_path: Path) -> None:
    """Replace the live index with the complete one at `new_path` (two renames; a crash
    between them leaves no `index/`, which the next open rebuilds)."""
    old = si.path.with_name(si.path.name + ".old")
    with si.lock:
        si.replace(None)
        if si.path.exists():
            si.path.replace(old)
        new_path.replace(si.path)
        shutil.rmtree(old, ignore_errors=True)
        si.replace(ixmod.open_existing(si.path))
