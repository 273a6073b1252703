"""Keep automatic mentions in step with documents and aliases (docs/architecture.md,
"Entities").

Work arrives in the persistent queue (`work_queue.MATCH`: a new document, a re-read
one, a document that may hold a new alias). `drain` takes a batch, matches its pages in
one pass each and, in one transaction, replaces the batch's automatic mentions (those
found again stay as they are) and removes the batch's queue items: a crash (even
kill -9) leaves each batch either done or still queued, so the next `drain` finishes
the job and the result equals a fresh match.
Manual mentions and rejected ones are never replaced; a hit at a rejected span stays
rejected. A document whose set of entities changed is queued for the search index.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from sqlalchemy import delete

from casefile.core.case import Case
from casefile.core.db import work_queue
from casefile.core.db.schema import WorkItem
from casefile.core.entities import batch_match, shared_drain
from casefile.core.entities.batch_match import Progress, matcher, no_gc, pending
from casefile.core.jobs import JobContext

# Documents per transaction (~1.5 MB of text): fewer commits and queries, and each
# commit writes again the index pages it touched (500 instead of 200: -12% CPU).
BATCH = 500


def pending_count(case: Case) -> int:
    with case.read_session() as s:
        return work_queue.count(s, work_queue.MATCH)


def drain(
    case: Case,
    ctx: JobContext | None = None,
    only: Sequence[str] | None = None,
    batch: int = BATCH,
    worker: bool | None = None,
) -> dict[str, float]:
    """Match every queued document (or only those of `only`), one batch per commit.
    A large queue (`worker_min`) is shared with a matcher process (`match_worker.py`)
    when a core is free for it (`core_free`), or always with `worker=True`; whatever
    it leaves is matched here."""
    stats = {"documents": 0, "chars": 0, "mentions": 0, "seconds": 0.0}
    if case.readonly:
        return stats
    t0 = time.perf_counter()
    with no_gc(), case.session() as s:
        # The first batch is read, and when it is the whole queue (a document just
        # imported) matched, in the same transaction as the checks: one commit, the
        # fewest statements (matching then adds ~3% to an import of one document).
        first = pending(s, batch, only)
        if not first:
            return stats
        if len(first) < batch:
            total = len(first)
        else:
            total = work_queue.count(s, work_queue.MATCH, uids=only)
        m = matcher(case, s)  # aliases cannot change during the drain (one writer)
        if not m.size:  # no aliases: nothing can be found, the queue just empties
            s.execute(delete(WorkItem).where(WorkItem.kind == work_queue.MATCH))
            return stats
        shared = worker or (
            worker is None and total >= shared_drain.worker_min(case) and shared_drain.core_free()
        )
        if not shared:
            chars, found = batch_match.match_batch(s, m, first)
    progress = Progress(ctx, stats, total)
    more = True
    if not shared:
        progress.add(len(first), chars, found)
        more = len(first) == batch  # fewer: that was the rest (nothing else writes)
    # No cycle collection for the whole drain, not per batch: re-enabled between
    # batches, the collector walked the rows still held (and those from the process,
    # unpickled between batches, reached the oldest generation: one full collection
    # cost ~0.05 s, a tenth of a drain).
    with no_gc():
        if shared:
            shared_drain.drain_shared(case, m, only, batch, progress)
        while more and not progress.cancelled():
            with case.session() as s:
                items = pending(s, batch, only)
                if not items:
                    break
                chars, found = batch_match.match_batch(s, m, items)
            progress.add(len(items), chars, found)
            more = len(items) == batch  # fewer: that was the rest (nothing else writes)
    stats["seconds"] = time.perf_counter() - t0
    return stats
