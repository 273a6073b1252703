"""Keep automatic mentions in step with documents and aliases (docs/architecture.md,
"Entities").

Work arrives in the persistent queue (`work_queue.MATCH`: a new document, a re-read
one, a document that may hold a new alias). `drain` takes a batch, matches its pages in
one pass each and, in one transaction, replaces the batch's automatic mentions and
removes the batch's queue items: a crash (even kill -9) leaves each batch either done or
still queued, so the next `drain` finishes the job and the result equals a fresh match.
Manual mentions and rejected ones are never replaced; a hit at a rejected span stays
rejected. A document whose set of entities changed is queued for the search index.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import DateTime, delete, func, insert, literal, select, update
from sqlalchemy.orm import Session

from casefile.core.case import Case
from casefile.core.db import work_queue
from casefile.core.db.schema import Document, EntityAlias, Mention, Page, WorkItem, utcnow
from casefile.core.entities.match_worker import (
    Found,
    MatcherProcess,
    Result,
    Row,
    Span,
    kept_spans,
)
from casefile.core.entities.matcher import AliasSpec, Matcher
from casefile.core.jobs import JobContext

BATCH = 200  # documents per transaction (fewer commits and queries; ~0.6 MB of text)
# From this many queued documents a matcher process shares the drain (it takes ~0.2 s
# to start: below this the drain is over before it helps).
WORKER_MIN = 1000
_INSERT = (
    'INSERT INTO mention (entity_id, document_id, page, start, "end", alias_id, manual, rejected)'
    " VALUES (?, ?, ?, ?, ?, ?, 0, 0)"
)
_KEY = "entities.matcher"
# Bulk statements need not keep the session's objects in step (it holds none of these
# rows): skipping SQLAlchemy's evaluation of each row took a tenth of a drain.
_NO_SYNC = {"synchronize_session": False}


@dataclass
class _Cached:
    """The automaton kept with the case (`case.extensions`) while it is open."""

    signature: tuple[Any, ...]
    matcher: Matcher

    def close(self) -> None:
        """Nothing to release: memory only."""


class Item(Protocol):
    """A queued match: a `WorkItem` or an (id, document_uid) row."""

    @property
    def id(self) -> int: ...

    @property
    def document_uid(self) -> str: ...


def matcher(case: Case, s: Session) -> Matcher:
    """The case's automaton, rebuilt only when its aliases changed. The check is one
    aggregate row, not the 3,000 aliases: ids only grow, so adding, removing or moving
    an alias (merge, split) changes the count, the id sums or the entity sums."""
    signature = tuple(
        s.execute(
            select(
                func.count(),
                func.max(EntityAlias.id),
                func.total(EntityAlias.id),
                func.total(EntityAlias.entity_id),
                func.total(EntityAlias.weak),
            ).where(EntityAlias.former.is_(False))
        ).one()
    )
    cached = case.extensions.get(_KEY)
    if isinstance(cached, _Cached) and cached.signature == signature:
        return cached.matcher
    rows = s.execute(
        select(EntityAlias.id, EntityAlias.entity_id, EntityAlias.text, EntityAlias.weak)
        .where(EntityAlias.former.is_(False))
        .order_by(EntityAlias.id)
    )
    m = Matcher(AliasSpec(i, e, t, w) for i, e, t, w in rows)
    case.extensions[_KEY] = _Cached(signature, m)
    return m


def _existing(
    s: Session, doc_ids: Sequence[int]
) -> tuple[dict[int, set[Span]], dict[int, set[int]]]:
    """Per document: the spans matching must leave alone (manual or rejected), and the
    entities its manual mentions name."""
    rows = s.execute(
        select(
            Mention.document_id,
            Mention.entity_id,
            Mention.page,
            Mention.start,
            Mention.end,
            Mention.rejected,
        )
        .where(Mention.document_id.in_(doc_ids))
        .where((Mention.manual.is_(True)) | (Mention.rejected.is_(True)))
    )
    return kept_spans(rows, doc_ids)


def _entity_sets(s: Session, doc_ids: Sequence[int]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {d: set() for d in doc_ids}
    rows = s.execute(
        select(Mention.document_id, Mention.entity_id)
        .where(Mention.document_id.in_(doc_ids), Mention.rejected.is_(False))
        .distinct()
    )
    for d, e in rows:
        out[d].add(e)
    return out


def _doc_ids(s: Session, items: Sequence[Item]) -> dict[int, str]:
    """Document id -> uid of the items' documents (each once; gone ones left out)."""
    uids = sorted({i.document_uid for i in items})
    return {
        i: u for u, i in s.execute(select(Document.uid, Document.id).where(Document.uid.in_(uids)))
    }


def _clear(s: Session, ids: Sequence[int]) -> dict[int, set[int]]:
    """Drop the documents' automatic mentions; returns the entities they named before."""
    before = _entity_sets(s, ids)
    s.execute(
        delete(Mention).where(
            Mention.document_id.in_(ids),
            Mention.manual.is_(False),
            Mention.rejected.is_(False),
        ),
        execution_options=_NO_SYNC,
    )
    return before


def _finish(
    s: Session,
    items: Sequence[Item],
    docs: dict[int, str],
    before: dict[int, set[int]],
    after: dict[int, set[int]],
) -> None:
    """Queue the index for documents whose entities changed (a new revision: what
    `store.reindex` does, in two statements instead of an object per document) and
    retire the items."""
    changed = [d for d in docs if before[d] != after[d]]
    if changed:
        s.execute(
            update(Document).where(Document.id.in_(changed)).values(revision=Document.revision + 1),
            execution_options=_NO_SYNC,
        )
        s.execute(
            insert(WorkItem).from_select(
                ["kind", "document_uid", "created_at"],
                select(
                    literal(work_queue.INDEX), Document.uid, literal(utcnow(), DateTime())
                ).where(Document.id.in_(changed)),
            )
        )
    work_queue.done(s, [i.id for i in items])


def match_batch(s: Session, m: Matcher, items: Sequence[Item]) -> tuple[int, int]:
    """Match the documents of `items` and retire the items; returns (chars, mentions)."""
    docs = _doc_ids(s, items)
    ids = list(docs)
    chars = found = 0
    if ids:
        keep, manual = _existing(s, ids)
        before = _clear(s, ids)
        batch = Found(keep, manual)
        # Pages stream in a few at a time (a long document is thousands of pages) and
        # mentions are written every 20,000: memory stays bounded.
        pages = s.execute(
            select(Page.document_id, Page.number, Page.text)
            .where(Page.document_id.in_(ids))
            .execution_options(yield_per=64)
        )
        for doc_id, number, text in pages:
            batch.page(m, doc_id, number, text)
            if len(batch.rows) >= 20_000:
                _insert(s, batch.rows)
                found += len(batch.rows)
                batch.rows = []
        _insert(s, batch.rows)
        found += len(batch.rows)
        chars = batch.chars
        _finish(s, items, docs, before, batch.after)
    else:
        work_queue.done(s, [i.id for i in items])
    return chars, found


def write_found(s: Session, items: Sequence[Item], docs: dict[int, str], result: Result) -> int:
    """Write what the matcher process found for `items` and retire them; returns the
    number of mentions."""
    _chars, rows, after = result
    before = _clear(s, list(docs))
    _insert(s, rows)
    _finish(s, items, docs, before, after)
    return len(rows)


def _insert(s: Session, rows: list[Row]) -> None:
    if rows:  # the driver's executemany: ~1 µs a row, the ORM's ~10-20
        s.connection().exec_driver_sql(_INSERT, rows)


def _pending(s: Session, limit: int | None, only: Sequence[str] | None) -> list[Item]:
    """Queued items as (id, document_uid) rows: ORM objects cost ~40 µs each here."""
    stmt = (
        select(WorkItem.id, WorkItem.document_uid)
        .where(WorkItem.kind == work_queue.MATCH)
        .order_by(WorkItem.id)
    )
    if only is not None:
        stmt = stmt.where(WorkItem.document_uid.in_(list(only)))
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(s.execute(stmt))


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
    A queue of `WORKER_MIN` documents or more (or `worker=True`) is shared with a
    matcher process (`match_worker.py`); whatever it leaves is matched here."""
    stats = {"documents": 0, "chars": 0, "mentions": 0, "seconds": 0.0}
    if case.readonly:
        return stats
    t0 = time.perf_counter()
    with case.session() as s:
        total = work_queue.count(s, work_queue.MATCH, uids=only)
        if not total:
            return stats
        m = matcher(case, s)  # aliases cannot change during the drain (one writer)
        if not m.size:  # no aliases: nothing can be found, the queue just empties
            s.execute(delete(WorkItem).where(WorkItem.kind == work_queue.MATCH))
            return stats
    progress = _Progress(ctx, stats, total)
    if worker or (worker is None and total >= WORKER_MIN):
        _drain_shared(case, m, only, batch, progress)
    while not progress.cancelled():
        with case.session() as s:
            items = _pending(s, batch, only)
            if not items:
                break
            chars, found = match_batch(s, m, items)
        progress.add(len(items), chars, found)
    stats["seconds"] = time.perf_counter() - t0
    return stats


class _Progress:
    def __init__(self, ctx: JobContext | None, stats: dict[str, float], total: int) -> None:
        self.ctx, self.stats, self.total = ctx, stats, total

    def cancelled(self) -> bool:
        return self.ctx is not None and self.ctx.cancelled

    def add(self, documents: int, chars: int, mentions: int) -> None:
        self.stats["documents"] += documents
        self.stats["chars"] += chars
        self.stats["mentions"] += mentions
        if self.ctx is not None:
            self.ctx.report(int(self.stats["documents"]), self.total, "Finding entity mentions")


def _drain_shared(
    case: Case, m: Matcher, only: Sequence[str] | None, batch: int, progress: _Progress
) -> None:
    """The queue as it stands, split into batches: the matcher process takes them from
    the back (two in flight), this process matches from the front while it waits, and
    writes every batch found, each in its own transaction. The process starts in
    ~0.2 s; meanwhile the front batches are done here, so a drain never waits for it.
    A failed process leaves its batches queued for the caller's loop."""
    with case.read_session() as s:
        items = _pending(s, None, only)
        uid_id = {u: d for d, u in _doc_ids(s, items).items()}
    plan = [items[i : i + batch] for i in range(0, len(items), batch)]
    docs = [
        {uid_id[i.document_uid]: i.document_uid for i in p if i.document_uid in uid_id}
        for p in plan
    ]
    proc = MatcherProcess(case.reader_uri(), m)
    sent: dict[int, Future[Result]] = {}
    front, back = 0, len(plan)
    try:
        while (front < back or sent) and not progress.cancelled():
            while sum(not f.done() for f in sent.values()) < 2 and back - 1 > front:
                back -= 1
                sent[back] = proc.submit(sorted(docs[back]))
            # What the process found is written first; once nothing is left to do
            # here, this waits for it.
            for k in [k for k, f in sent.items() if f.done() or front >= back]:
                try:
                    result = sent.pop(k).result()
                except Exception:  # the process failed: its batches stay queued
                    return
                with case.session() as s:
                    found = write_found(s, plan[k], docs[k], result)
                progress.add(len(plan[k]), result[0], found)
                if progress.cancelled():
                    return
            if front < back:
                with case.session() as s:
                    chars, found = match_batch(s, m, plan[front])
                progress.add(len(plan[front]), chars, found)
                front += 1
    finally:
        proc.close()
