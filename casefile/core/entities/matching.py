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
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from casefile.core.case import Case
from casefile.core.db import work_queue
from casefile.core.db.schema import Document, EntityAlias, Mention, Page, WorkItem
from casefile.core.entities.matcher import AliasSpec, Matcher
from casefile.core.entities.store import reindex
from casefile.core.i18n import _
from casefile.core.jobs import JobContext

BATCH = 200  # documents per transaction (fewer commits and queries; ~0.6 MB of text)
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
) -> tuple[dict[int, set[tuple[Any, ...]]], dict[int, set[int]]]:
    """Per document: the spans matching must leave alone (manual or rejected), and the
    entities its manual mentions name."""
    spans: dict[int, set[tuple[Any, ...]]] = {d: set() for d in doc_ids}
    manual: dict[int, set[int]] = {d: set() for d in doc_ids}
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
    for d, e, p, st, en, rejected in rows:
        spans[d].add((e, p, st, en))
        if not rejected:
            manual[d].add(e)
    return spans, manual


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


def match_batch(s: Session, m: Matcher, items: Sequence[WorkItem]) -> tuple[int, int]:
    """Match the documents of `items` and retire the items; returns (chars, mentions)."""
    uids = sorted({i.document_uid for i in items})
    docs = {
        u: i for u, i in s.execute(select(Document.uid, Document.id).where(Document.uid.in_(uids)))
    }
    ids = list(docs.values())
    chars = found = 0
    if ids:
        keep, after = _existing(s, ids)
        before = _entity_sets(s, ids)
        s.execute(
            delete(Mention).where(
                Mention.document_id.in_(ids),
                Mention.manual.is_(False),
                Mention.rejected.is_(False),
            ),
            execution_options=_NO_SYNC,
        )
        rows: list[tuple[int, ...]] = []
        # Pages stream in a few at a time (a long document is thousands of pages) and
        # mentions are written every 20,000: memory stays bounded.
        pages = s.execute(
            select(Page.document_id, Page.number, Page.text)
            .where(Page.document_id.in_(ids))
            .execution_options(yield_per=64)
        )
        for doc_id, number, text in pages:
            chars += len(text)
            skip = keep[doc_id]  # also a page's duplicates (two aliases, one form)
            entities = after[doc_id]
            for alias_id, entity_id, start, end in m.find(text):
                span = (entity_id, number, start, end)
                if span in skip:
                    continue
                skip.add(span)
                entities.add(entity_id)
                rows.append((entity_id, doc_id, number, start, end, alias_id))
            if len(rows) >= 20_000:
                s.connection().exec_driver_sql(_INSERT, rows)
                found += len(rows)
                rows = []
        if rows:  # the driver's executemany: ~1 µs a row, the ORM's ~10-20
            s.connection().exec_driver_sql(_INSERT, rows)
        found += len(rows)
        by_id = {v: k for k, v in docs.items()}
        reindex(s, [by_id[d] for d in ids if before[d] != after[d]], holds_documents=False)
    work_queue.done(s, [i.id for i in items])
    return chars, found


def pending_count(case: Case) -> int:
    with case.read_session() as s:
        return work_queue.count(s, work_queue.MATCH)


def drain(
    case: Case,
    ctx: JobContext | None = None,
    only: Sequence[str] | None = None,
    batch: int = BATCH,
) -> dict[str, float]:
    """Match every queued document (or only those of `only`), one batch per commit."""
    stats = {"documents": 0, "chars": 0, "mentions": 0, "seconds": 0.0}
    if case.readonly:
        return stats
    t0 = time.perf_counter()
    total = None
    m: Matcher | None = None  # aliases cannot change during the drain (one writer)
    while True:
        if ctx is not None and ctx.cancelled:
            break
        with case.session() as s:
            items = work_queue.pending(s, work_queue.MATCH, limit=batch, uids=only)
            if not items:
                break
            if total is None:
                total = work_queue.count(s, work_queue.MATCH, uids=only)
            m = m or matcher(case, s)
            if not m.size:  # no aliases: nothing can be found, the queue just empties
                s.execute(delete(WorkItem).where(WorkItem.kind == work_queue.MATCH))
                break
            chars, found = match_batch(s, m, items)
        stats["documents"] += len(items)
        stats["chars"] += chars
        stats["mentions"] += found
        if ctx is not None:
            ctx.report(int(stats["documents"]), total, _("Finding entity mentions"))
    stats["seconds"] = time.perf_counter() - t0
    return stats
