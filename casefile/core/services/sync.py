"""The one place where services bring derived data (the search index) up to date after a
write. The search package registers its worker here; until it does, the queue simply
waits in the database and nothing is lost."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from casefile.core.case import Case
from casefile.core.entities import matching
from casefile.core.jobs import JobContext

# A syncer takes the case, an optional job context, and the documents to index (None:
# everything the queue holds).
Syncer = Callable[[Case, JobContext | None, Sequence[str] | None], None]
_index_syncers: list[Syncer] = []


def register_index_syncer(fn: Syncer) -> None:
    if fn not in _index_syncers:
        _index_syncers.append(fn)


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
    for fn in _index_syncers:
        fn(case, ctx, only)
