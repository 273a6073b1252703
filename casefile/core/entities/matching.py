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

import gc
import os
import pickle
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Future, wait
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from casefile.core.case import Case
from casefile.core.db import work_queue
from casefile.core.db.schema import EntityAlias, WorkItem
from casefile.core.entities import writes
from casefile.core.entities.match_worker import PAGES, Found, MatcherProcess, Result
from casefile.core.entities.matcher import AliasSpec, Matcher
from casefile.core.i18n import _
from casefile.core.jobs import JobContext

# Documents per transaction (~1.5 MB of text): fewer commits and queries, and each
# commit writes again the index pages it touched (500 instead of 200: -12% CPU).
BATCH = 500
# From this many queued documents a matcher process already running shares the drain
# (below this the drain is over before it helps).
WORKER_MIN = 1000
# From this many a drain starts one. It takes 0.15-0.25 s to start (and ~0.1 s of CPU)
# while one process matches and writes ~7,000 documents a second (2,000 in ~0.3 s):
# below this a drain in one process ends first.
START_MIN = 5000
# Documents per unit of a shared drain (`_drain_shared`): ~0.02 s of the process's
# matching, so that the last units end nearly together on both sides.
SHARED_UNIT = 100
FEED = 3  # units queued for the process (it never waits for this one to send more)
AHEAD = 2  # units the process must have left for this one to match a unit itself
_KEY = "entities.matcher"


@dataclass
class _Cached:
    """The automaton kept with the case (`case.extensions`) while it is open."""

    signature: tuple[Any, ...]
    matcher: Matcher
    pickled: bytes | None = None  # for the matcher process (`_pickled`)

    def close(self) -> None:
        """Nothing to release: memory only."""


class Item(Protocol):
    """A queued match: a `WorkItem` or an (id, document_uid) row."""

    @property
    def id(self) -> int: ...

    @property
    def document_uid(self) -> str: ...


# Whether the aliases changed, in one aggregate row (~1 ms for 3,000 aliases): the count,
# sums of the ids, entities and weak flags, sums weighted by id (an alias moved between
# entities or made weak), and the texts in id order. The texts are needed: SQLite hands
# a freed top id to the next alias, so removing the newest alias and adding a corrected
# spelling to the same entity leaves every sum unchanged.
_SIGNATURE = (
    "SELECT count(*), max(id), total(id), total(entity_id), total(weak),"
    " total(id * entity_id), total(id * weak), group_concat(text, char(31))"
    " FROM (SELECT id, entity_id, weak, text FROM entity_alias WHERE former = 0 ORDER BY id)"
)


def matcher(case: Case, s: Session) -> Matcher:
    """The case's automaton, rebuilt only when its aliases changed (`_SIGNATURE`: one
    aggregate row, not the 3,000 aliases' objects, checked at every drain)."""
    signature = tuple(writes.run(s, _SIGNATURE).one())
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


def match_batch(s: Session, m: Matcher, items: Sequence[Item]) -> tuple[int, int]:
    """Match the documents of `items` and retire the items; returns (chars, mentions)."""
    writes.derived(s)
    ids = list(writes.documents(s, (i.document_uid for i in items)))
    found = 0
    with _no_gc():
        batch = Found(*writes.existing(s, ids))
        standing = writes.Standing(s, ids)
        # Pages stream in a few at a time (a long document is thousands of pages) and
        # mentions are written every 20,000: memory stays bounded. The driver's own
        # cursor: SQLAlchemy's result rows cost ~0.03 s of a 2,000-document drain.
        pages = s.connection().connection.cursor()
        pages.execute(PAGES.format(marks=writes.marks(len(ids))), ids)
        while chunk := pages.fetchmany(50):
            for doc_id, number, text in chunk:
                batch.page(m, doc_id, number, text)
            if len(batch.rows) >= 20_000:
                standing.write(s, batch.rows)
                found += len(batch.rows)
                batch.rows = []
        pages.close()
        standing.write(s, batch.rows)
        standing.retire(s)
        writes.finish(s, [i.id for i in items], ids, standing.before, batch.after)
    return batch.chars, found + len(batch.rows)


def write_found(s: Session, items: Sequence[Item], docs: dict[int, str], result: Result) -> int:
    """Write what the matcher process found for `items` and retire them; returns the
    number of mentions."""
    _chars, rows, after = result
    writes.derived(s)
    with _no_gc():
        standing = writes.Standing(s, list(docs))
        standing.write(s, rows)
        standing.retire(s)
        writes.finish(s, [i.id for i in items], list(docs), standing.before, after)
    return len(rows)


@contextmanager
def _no_gc() -> Iterator[None]:
    """No cycle collection during one batch: it makes and drops tens of thousands of
    tuples and sets (no cycles), and each collection walks the process's whole heap
    (~15% of a drain). Reference counting still frees everything."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _pending(s: Session, limit: int | None, only: Sequence[str] | None) -> list[Item]:
    """Queued items as (id, document_uid) rows, in plain SQL: ORM objects cost ~40 µs
    each here, and compiling the ORM statement ~0.5 ms (a tenth of matching one
    imported document). `only` is at most a batch's uids, or chunked."""
    sql = "SELECT id, document_uid FROM work_queue WHERE kind = ?"
    tail = " ORDER BY id" + ("" if limit is None else f" LIMIT {int(limit)}")
    if only is None:
        return list(writes.run(s, sql + tail, (work_queue.MATCH,)))
    uids = list(dict.fromkeys(only))
    if len(uids) <= 500:
        where = f" AND document_uid IN ({writes.marks(len(uids))})"
        return list(writes.run(s, sql + where + tail, (work_queue.MATCH, *uids)))
    rows: list[Item] = []
    for i in range(0, len(uids), 500):
        chunk = uids[i : i + 500]
        where = f" AND document_uid IN ({writes.marks(len(chunk))})"
        rows += writes.run(s, sql + where, (work_queue.MATCH, *chunk))
    rows.sort(key=lambda r: r.id)
    return rows if limit is None else rows[:limit]


def _pending_documents(s: Session, only: Sequence[str] | None) -> tuple[list[Item], dict[str, int]]:
    """The queued items and their documents' ids (documents gone since are left out):
    for the whole queue one joined query, not the items and then their uids again."""
    if only is not None:
        items = _pending(s, None, only)
        ids = writes.documents(s, (i.document_uid for i in items))
        return items, {u: d for d, u in ids.items()}
    sql = (
        "SELECT w.id, w.document_uid, d.id FROM work_queue w"
        " LEFT JOIN document d ON d.uid = w.document_uid WHERE w.kind = ? ORDER BY w.id"
    )
    rows = writes.run(s, sql, (work_queue.MATCH,)).all()
    uid_id = {u: d for _i, u, d in rows if d is not None}
    return [_Row(i, u) for i, u, _d in rows], uid_id


class _Row(NamedTuple):
    id: int
    document_uid: str


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
    A large queue (`_worker_min`) is shared with a matcher process (`match_worker.py`)
    when a core is free for it (`_core_free`), or always with `worker=True`; whatever
    it leaves is matched here."""
    stats = {"documents": 0, "chars": 0, "mentions": 0, "seconds": 0.0}
    if case.readonly:
        return stats
    t0 = time.perf_counter()
    with _no_gc(), case.session() as s:
        # The first batch is read, and when it is the whole queue (a document just
        # imported) matched, in the same transaction as the checks: one commit, the
        # fewest statements (matching then adds ~3% to an import of one document).
        first = _pending(s, batch, only)
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
        shared = worker or (worker is None and total >= _worker_min(case) and _core_free())
        if not shared:
            chars, found = match_batch(s, m, first)
    progress = _Progress(ctx, stats, total)
    more = True
    if not shared:
        progress.add(len(first), chars, found)
        more = len(first) == batch  # fewer: that was the rest (nothing else writes)
    # No cycle collection for the whole drain, not per batch: re-enabled between
    # batches, the collector walked the rows still held (and those from the process,
    # unpickled between batches, reached the oldest generation: one full collection
    # cost ~0.05 s, a tenth of a drain).
    with _no_gc():
        if shared:
            _drain_shared(case, m, only, batch, progress)
        while more and not progress.cancelled():
            with case.session() as s:
                items = _pending(s, batch, only)
                if not items:
                    break
                chars, found = match_batch(s, m, items)
            progress.add(len(items), chars, found)
            more = len(items) == batch  # fewer: that was the rest (nothing else writes)
    stats["seconds"] = time.perf_counter() - t0
    return stats


def _worker_min(case: Case) -> int:
    """The queue from which a drain is shared: `WORKER_MIN` with the case's matcher
    process up, `START_MIN` when the drain would have to start it."""
    proc = case.extensions.get(_PROCESS)
    up = isinstance(proc, MatcherProcess) and not proc.broken
    return WORKER_MIN if up else START_MIN


def _core_free() -> bool:
    """Whether a matcher process would have a core of its own: the last minute's load
    average (this process's work included) leaves at least half a core idle. On a busy
    machine two processes cost ~0.25 s more CPU in all than one (start-up, results
    pickled) and finished later (measured at load 3-4 on 2 cores); with a core free
    they finish first. Where the system has no load average, a core is assumed free."""
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return True
    return load < (os.cpu_count() or 1) - 0.5


class _Progress:
    def __init__(self, ctx: JobContext | None, stats: dict[str, float], total: int) -> None:
        self.ctx, self.stats, self.total = ctx, stats, total

    def cancelled(self) -> bool:
        return self.ctx is not None and self.ctx.cancelled

    def add(self, documents: int, chars: int, mentions: int, by_process: bool = False) -> None:
        self.stats["documents"] += documents
        if by_process:
            self.stats["documents_by_process"] = (
                self.stats.get("documents_by_process", 0) + documents
            )
        self.stats["chars"] += chars
        self.stats["mentions"] += mentions
        if self.ctx is not None:
            self.ctx.report(int(self.stats["documents"]), self.total, _("Finding entity mentions"))


def _drain_shared(
    case: Case, m: Matcher, only: Sequence[str] | None, batch: int, progress: _Progress
) -> None:
    """The queue as it stands, split into units of `SHARED_UNIT` documents: the matcher
    process takes them from the back (two in flight), this process matches from the
    front while it waits and writes what the process found as it comes (whole units per
    transaction: a crash leaves each unit done or queued). The process is kept with the
    case (`_process`); the first drain starts it before listing the queue, and until it
    is up the front units are done here, so a drain never waits for it. Units are
    smaller than a batch so that at the end neither side waits long for the other. A
    failed process leaves its units queued for the caller's loop, and the next drain
    starts another."""
    proc = _process(case)
    try:
        proc.load(m, _pickled(case, m))
        with case.read_session() as s:
            items, uid_id = _pending_documents(s, only)
        unit = max(1, min(batch, SHARED_UNIT))
        plan = [items[i : i + unit] for i in range(0, len(items), unit)]
        docs = [
            {uid_id[i.document_uid]: i.document_uid for i in p if i.document_uid in uid_id}
            for p in plan
        ]
        _share(case, m, proc, plan, docs, progress)
    except BrokenExecutor:  # the process died (even between drains): its units stay queued
        proc.broken = True
    except BaseException:
        proc.broken = True
        raise
    finally:
        if proc.broken:  # a failed process is not reused: the next drain starts another
            case.extensions.pop(_PROCESS, None)
            proc.close()


_PROCESS = "entities.matcher_process"


def _process(case: Case) -> MatcherProcess:
    """The case's matcher process, started by the first drain that shares its work and
    kept (closed with the case) for the next ones. It is a separate process: the GUI
    process's memory does not grow with it."""
    proc = case.extensions.get(_PROCESS)
    if not isinstance(proc, MatcherProcess):
        proc = MatcherProcess(case.reader_uri())
        case.extensions[_PROCESS] = proc
    return proc


def _share(
    case: Case,
    m: Matcher,
    proc: MatcherProcess,
    plan: list[list[Item]],
    docs: list[dict[int, str]],
    progress: _Progress,
) -> None:
    """Feed the process `FEED` units from the back and write what it found as it comes
    (all that is ready, in one transaction); meanwhile match front units here, but only
    while the process has work enough (`AHEAD` units) to stay busy for as long as this
    takes: the last units go to the process, which matches one faster than this process
    matches and writes it, so the drain ends with the process's last unit written."""
    sent: dict[int, Future[Result]] = {}
    front, back = 0, len(plan)

    def busy() -> int:
        return sum(not f.done() for f in sent.values())

    while (front < back or sent) and not progress.cancelled():
        while busy() < FEED and back > front:
            back -= 1
            sent[back] = proc.submit(sorted(docs[back]))
        ready = [k for k, f in sent.items() if f.done()]
        mine = front < back and back - front - 1 + busy() >= AHEAD
        if not ready and not mine:
            wait(sent.values(), return_when=FIRST_COMPLETED)
            ready = [k for k, f in sent.items() if f.done()]
        results: dict[int, Result] = {}
        if ready:
            try:
                results = {k: sent.pop(k).result() for k in ready}
            except Exception:  # the process failed: its units stay queued
                proc.broken = True
                return
        # What the process found and this process's own unit share one transaction:
        # each commit writes again the index pages it touched (~90 of the entity index).
        with case.session() as s:
            written = {k: write_found(s, plan[k], docs[k], r) for k, r in results.items()}
            if mine:
                chars, found = match_batch(s, m, plan[front])
        for k, r in results.items():
            progress.add(len(plan[k]), r[0], written[k], by_process=True)
        if mine:
            progress.add(len(plan[front]), chars, found)
            front += 1
    for f in sent.values():  # cancelled: units not started are dropped (they stay queued)
        f.cancel()


def _pickled(case: Case, m: Matcher) -> bytes:
    """The automaton as the matcher process receives it, pickled once per automaton
    (~0.33 MB for 3,000 aliases: its keys; ~5 ms to pickle) and kept with it."""
    cached = case.extensions.get(_KEY)
    if isinstance(cached, _Cached) and cached.matcher is m:
        if cached.pickled is None:
            cached.pickled = pickle.dumps(m, protocol=pickle.HIGHEST_PROTOCOL)
        return cached.pickled
    return pickle.dumps(m, protocol=pickle.HIGHEST_PROTOCOL)
