"""The one place where services bring derived data (the search index) up to date after a
write (docs/architecture.md, "How a change reaches the index"). Writes queue work items
in the same transaction as the change; this drains them."""

from __future__ import annotations

from collections.abc import Sequence

from casefile.core.case import Case
from casefile.core.entities import matching
from casefile.core.jobs import JobContext
from casefile.core.search import indexer
from casefile.core.search.staged_writes import Helper


def sync_index(
    case: Case, ctx: JobContext | None = None, *, touched: Sequence[str] | None = None
) -> None:
    """Index what the queue holds. A small write names the documents it `touched`: while
    an import owns the backlog (`case.indexing_in_bulk`), only those are indexed, so an
    edit made during an import costs one small commit instead of the import's backlog
    (1.3-2.8 s per edit, measured); the import indexes the rest in its own commits."""
    if case.readonly:
        return
    only = list(touched) if touched is not None and case.indexing_in_bulk else None
    # Entity matching first: the index holds each document's entities, so a new
    # document is matched and then indexed once (no progress of its own: the caller's
    # job, an import, reports its files).
    matching.drain(case, None, only)
    indexer.sync(case, ctx, only)


def stage_index(case: Case, uids: Sequence[str], helper: Helper | None = None) -> None:
    """Hand documents just written by an import to the index writer, uncommitted: the
    import's next `sync_index` commits them (see `casefile.core.search.staged_writes`);
    `helper` runs a task in the import's extraction workers (see there). Their
    entities are matched first, as `sync_index` does, since the index holds them."""
    if case.readonly or not uids:
        return
    matching.drain(case, None, uids)
    indexer.stage(case, uids, helper)
