"""The one place where services bring derived data (the search index) up to date after a
write. The search package registers its worker here; until it does, the queue simply
waits in the database and nothing is lost."""

from __future__ import annotations

from collections.abc import Callable

from casefile.core.case import Case
from casefile.core.jobs import JobContext

_index_syncers: list[Callable[[Case, JobContext | None], None]] = []


def register_index_syncer(fn: Callable[[Case, JobContext | None], None]) -> None:
    if fn not in _index_syncers:
        _index_syncers.append(fn)


def sync_index(case: Case, ctx: JobContext | None = None) -> None:
    if case.readonly:
        return
    for fn in _index_syncers:
        fn(case, ctx)
