"""Keeping the index in step with the database.

The order of commits is what makes a crash harmless: a change and its work item are
committed together in the database; the index is committed next; only then are the
work items deleted and `indexed_revision` set. A crash anywhere leaves work items behind
(or an index that is ahead, which re-indexing makes equal), and `reconcile` on open
finishes the job. Re-indexing a document is idempotent: all its pages are deleted by
uid and added again.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from casefile.core.case import Case
from casefile.core.db import work_queue
from casefile.core.db.schema import Document, WorkItem
from casefile.core.i18n import _
from casefile.core.jobs import Cancelled, JobContext
from casefile.core.runtime.gcpause import gc_paused
from casefile.core.search import doc_source
from casefile.core.search import index as ixmod
from casefile.core.search.case_index import SearchIndex, attach, swap_in
from casefile.core.search.staged_writes import Helper, StagedWrites

log = logging.getLogger(__name__)

# Documents per writer commit when draining the queue: each commit writes a segment,
# whose cost grows with its distinct words, so an import's 1,000-document syncs commit
# once rather than twice (a tenth less indexing time on 2,000 notes, fewer segments to
# search). They are read from the database LOAD at a time while added.
BATCH = 1000
LOAD = 100
WRITER_MB = 96  # Whoosh pool: above ~128 MB gives nothing (docs/architecture.md)


def _writer(si: SearchIndex) -> Any:
    assert si.ix is not None
    return ixmod.writer(si.ix, WRITER_MB)


@gc_paused
def sync(case: Case, ctx: JobContext | None = None, only: Sequence[str] | None = None) -> None:
    """Drain the "index" work queue in batches (the registered index syncer); with
    `only`, just the items of those documents."""
    if case.readonly:
        return
    si = attach(case)
    if only is not None and (si.rebuilding or not si.usable):
        # A small write never starts or joins a rebuild: its item waits in the queue,
        # and the rebuild (running, or the next one) indexes it.
        return
    if not si.usable:
        rebuild(case, ctx)
        return
    try:
        if only is None:
            _commit_staged(case, si)
        else:
            # A user's edit during an import: its one document is committed at once
            # and alone, as before staging. The import's documents added so far are
            # let go (the index has one writer); its next sync adds them again.
            si.drop_staged()
        _drain(case, si, ctx, only)
    except Exception as exc:
        if ixmod.is_disk_full(exc):
            raise ixmod.disk_full(si.path) from exc
        if not ixmod.is_damage(exc):
            raise
        # The index is derived (docs/architecture.md): a damaged one is rebuilt, never
        # reported. A small write during a rebuild-worthy import leaves its item queued.
        log.warning("search index damaged (%s: %s); rebuilding", type(exc).__name__, exc)
        si.mark_damaged()
        if only is None:
            rebuild(case, ctx)


@gc_paused
def stage(case: Case, uids: Sequence[str], helper: Helper | None = None) -> None:
    """Add documents just written (an import's batch) to the index writer that the next
    `sync` commits (see `staged_writes.py`); with `helper` (a task in the import's
    extraction workers), every other one is indexed by them. Never raises: whatever goes wrong,
    the documents' work items are still queued, and that sync indexes them."""
    if case.readonly or not uids:
        return
    si = attach(case)
    if si.rebuilding or (not si.usable and not _start_empty(case, si)):
        return  # the next sync rebuilds, from the database
    try:
        with si.lock:
            staged = si.staged
            if staged is None:
                staged = si.staged = StagedWrites(_writer(si), si.path)
            with case.read_session() as s:
                items = work_queue.pending(s, work_queue.INDEX, uids=uids)
            wanted = list(dict.fromkeys(i.document_uid for i in items))
            staged.delete_uids(wanted)
            for i in range(0, len(wanted), LOAD):
                part = wanted[i : i + LOAD]
                with case.read_session() as s:
                    docs = doc_source.load(s, part)
                for uid in part:
                    d = docs.get(uid)
                    if d is None:
                        continue
                    if helper is not None and d.pages is not None and staged.wants_helper():
                        split = case.split_pages.pop(uid, None)
                        staged.give(helper, uid, d.revision, (d.fields, d.pages, split))
                    else:
                        doc_source.add(case, staged.writer, d)
                        staged.revisions[uid] = d.revision
            for item in items:
                staged.items.setdefault(item.document_uid, []).append(item.id)
    except Exception as exc:
        log.warning("documents left for the next index sync (%s: %s)", type(exc).__name__, exc)
        si.drop_staged()


def _start_empty(case: Case, si: SearchIndex) -> bool:
    """A case without an index whose every document is queued for it (a new case, or
    one whose documents all arrived since): an empty index, then the queue, is the
    whole index, so an import's first batch need not wait for a rebuild."""
    with case.read_session() as s:
        queued = select(WorkItem.document_uid).where(WorkItem.kind == work_queue.INDEX)
        unqueued = s.scalar(select(func.count(Document.id)).where(Document.uid.not_in(queued)))
    if unqueued:
        return False
    si.replace(ixmod.create(si.path))
    si.reconciled = True  # nothing can have drifted: the queue holds every document
    return True


def _commit_staged(case: Case, si: SearchIndex) -> None:
    """Commit what `stage` added, then record it as indexed (the same order as `_drain`)."""
    staged, si.staged = si.staged, None
    if staged is None:
        return
    with si.lock:
        revisions, items = staged.commit()
    _mark_done(case, items, revisions)


def _drain(case: Case, si: SearchIndex, ctx: JobContext | None, only: Sequence[str] | None) -> None:
    if not si.reconciled:
        si.reconciled = True
        _enqueue_drift(case, si)
    while True:
        with case.read_session() as s:
            items = work_queue.pending(s, work_queue.INDEX, limit=BATCH * 4, uids=only)
            if not items:
                return
            ids = [i.id for i in items]
            uids = list(dict.fromkeys(i.document_uid for i in items))[:BATCH]
            keep = set(uids)
            ids = [i.id for i in items if i.document_uid in keep]
        revisions: dict[str, int] = {}
        with si.lock:
            w = _writer(si)
            try:
                # One searcher for all deletions: without it Whoosh opens every segment
                # again for each deleted term (that was most of a small batch's time).
                ws = w.searcher()
                try:
                    for uid in uids:
                        w.delete_by_term("uid", uid, searcher=ws)
                finally:
                    ws.close()
                for i in range(0, len(uids), LOAD):  # read a few at a time (memory)
                    part = uids[i : i + LOAD]
                    with case.read_session() as s:
                        docs = doc_source.load(s, part)
                    for uid in part:
                        d = docs.get(uid)
                        if d is not None:
                            doc_source.add(case, w, d)
                            revisions[uid] = d.revision
                w.commit()
            except BaseException:
                w.cancel()
                raise
        _mark_done(case, ids, revisions)
        if ctx is not None:
            ctx.advance(step=len(uids))
            if only is None:
                ctx.safe_point()  # between batches: a user's edit may run (see jobs)


# One UPDATE statement run for many documents (executemany): a statement per document
# was a tenth of a rebuild's time, most of it SQLAlchemy compiling the same statement.
_DOCUMENTS = cast(Table, Document.__table__)
_SET_INDEXED = (
    update(_DOCUMENTS)
    .where(_DOCUMENTS.c.uid == bindparam("b_uid"))
    .values(indexed_revision=bindparam("b_rev"))
)


def _set_indexed(s: Session, revisions: Mapping[str, int]) -> None:
    """Record what the index holds: `indexed_revision` = revision, per uid."""
    if not revisions:
        return
    s.execute(_SET_INDEXED, [{"b_uid": u, "b_rev": r} for u, r in revisions.items()])


def _mark_done(case: Case, item_ids: Iterable[int], revisions: dict[str, int]) -> None:
    with case.session() as s:
        _set_indexed(s, revisions)
        work_queue.done(s, item_ids)


def _enqueue_drift(case: Case, si: SearchIndex) -> None:
    """Queue every document whose indexed state differs from the database: what the
    index holds (uid -> revision, from its rows) against what the database says."""
    with si.lock:
        held: dict[str, int] = {}
        reader = si.searcher().reader()
        dels = reader.has_deletions()  # rows of deleted pages stay in the columns
        for rows, offset in si.tables.rows_for(reader):
            for n, r in enumerate(rows):
                if r is not None and not (dels and reader.is_deleted(offset + n)):
                    held[r.uid] = r.rev
    with case.session() as s:
        recorded: dict[str, int] = {}  # indexed_revision, where it is not the revision
        truth: dict[str, int] = {}
        states = s.execute(select(Document.uid, Document.revision, Document.indexed_revision))
        for uid, revision, indexed in states:
            truth[uid] = revision
            if indexed != revision:
                recorded[uid] = indexed
        pending = set(
            s.scalars(select(WorkItem.document_uid).where(WorkItem.kind == work_queue.INDEX))
        )
        stale = [u for u, rev in truth.items() if held.get(u) != rev and u not in pending]
        gone = [u for u in held if u not in truth and u not in pending]
        work_queue.enqueue(s, stale + gone)
        # The database's record of what the index holds, made true again: only where it
        # says otherwise (an UPDATE per document was a second of each opening of a
        # 100,000-document case that had nothing to repair).
        _set_indexed(s, {u: truth[u] for u in recorded if held.get(u) == truth[u]})


def reconcile(case: Case, ctx: JobContext | None = None) -> None:
    """Repair any drift between database and index (called when a case opens): the
    next sync compares the two before draining the queue."""
    if case.readonly:
        return
    attach(case).reconciled = False
    sync(case, ctx)


@gc_paused
def rebuild(case: Case, ctx: JobContext | None = None) -> int:
    """Build the index from scratch into `index.new/`, then swap it in. Cancelling
    (ctx) or crashing leaves the previous index in place. Returns documents indexed."""
    if case.readonly:
        raise PermissionError("a read-only case cannot rebuild its index")
    si = attach(case)
    si.drop_staged()  # the rebuild reads every document from the database
    new_path: Path = si.path.with_name(si.path.name + ".new")
    if si.usable:  # the old index's searcher and decoded rows wait idle meanwhile (66 MB
        with si.lock:  # at 100,000 documents); a search during the rebuild reopens them
            si.close_searcher()
            si.tables = ixmod.SegmentTables()
    with case.read_session() as s:
        total = s.scalar(select(func.count(Document.id))) or 0
        last_item = s.scalar(select(func.max(WorkItem.id)).where(WorkItem.kind == work_queue.INDEX))
    if ctx is not None:
        ctx.report(0, total, _("Indexing"))
    new_ix = ixmod.create(new_path)
    writer = ixmod.writer(new_ix, WRITER_MB)
    revisions: dict[str, int] = {}
    done = 0
    si.rebuilding, was_bulk, case.indexing_in_bulk = True, case.indexing_in_bulk, True
    try:
        for docs in doc_source.iter_docs(case):
            if ctx is not None:
                ctx.raise_if_cancelled()
            for d in docs:
                doc_source.add(case, writer, d)
                revisions[d.uid] = d.revision
            done += len(docs)
            if ctx is not None:
                ctx.report(done, total, docs[-1].title if docs else _("Indexing"))
                # An edit may run here: it changes the database only (see `sync`), and
                # the revision check below queues its document for the final sync.
                ctx.safe_point()
        if ctx is not None:
            ctx.raise_if_cancelled()
            ctx.report(done, total, _("Writing the index"))
        writer.commit(optimize=True)
        new_ix.close()
    except BaseException as exc:
        writer.cancel()
        new_ix.close()
        shutil.rmtree(new_path, ignore_errors=True)
        if ixmod.is_disk_full(exc):
            raise ixmod.disk_full(si.path) from exc
        raise
    finally:
        si.rebuilding, case.indexing_in_bulk = False, was_bulk
    swap_in(si, new_path)
    si.reconciled = True
    with case.session() as s:
        _set_indexed(s, revisions)
        if last_item is not None:
            s.execute(
                delete(WorkItem).where(WorkItem.kind == work_queue.INDEX, WorkItem.id <= last_item)
            )
        # Documents changed since we read them still differ in revision: queue them.
        changed = s.scalars(
            select(Document.uid).where(Document.indexed_revision != Document.revision)
        )
        work_queue.enqueue(s, list(changed))
    sync(case, ctx)
    return done


def _private_ram_storage() -> Any:
    """A RamStorage whose spill folder is its own. Whoosh spills an in-memory index's
    postings to `<tmp>/<index name>.tmp` and deletes that folder when done, so two
    processes building in-memory indexes at once (two read-only cases) would delete
    each other's files."""
    from whoosh.filedb.filestore import RamStorage

    class PrivateRamStorage(RamStorage):  # type: ignore[misc]
        def temp_storage(self, name: str | None = None) -> Any:
            return super().temp_storage(name=f"casefile-{uuid.uuid4().hex}.tmp")

    return PrivateRamStorage()


def load_in_memory(case: Case) -> SearchIndex:
    """A read-only case whose index is missing or behind: build one in memory (Whoosh
    RamStorage) from the database, since nothing may be written to the case folder."""
    si = attach(case)
    ix = _private_ram_storage().create_index(ixmod.build_schema(), indexname=ixmod.INDEX_NAME)
    w = ixmod.writer(ix, WRITER_MB)
    try:
        for docs in doc_source.iter_docs(case):
            for d in docs:
                doc_source.add(case, w, d)
        w.commit()
    except BaseException:
        w.cancel()
        raise
    si.replace(ix)
    return si


__all__ = ["Cancelled", "load_in_memory", "rebuild", "reconcile", "stage", "sync"]
