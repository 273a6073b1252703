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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session, selectinload

from casefile.core.case import Case
from casefile.core.db import work_queue
from casefile.core.db.schema import Document, Page, WorkItem
from casefile.core.i18n import _
from casefile.core.jobs import Cancelled, JobContext
from casefile.core.runtime.gcpause import gc_paused
from casefile.core.search import index as ixmod
from casefile.core.search.analysis import Analyzed, paged_positions
from casefile.core.search.case_index import SearchIndex, attach, swap_in
from casefile.core.search.entity_fields import NO_ENTITIES, EntityFields, entities_of

log = logging.getLogger(__name__)

BATCH = 500  # documents per writer commit when draining the queue
WRITER_MB = 96  # Whoosh pool: above ~128 MB gives nothing (docs/architecture.md)
# Documents with more pages than this are not loaded whole: their pages stream from the
# database while they are indexed, so one huge input (a 200 MB text becomes ~40,000
# pages) costs the main process its postings, not its text as well (issue 8 item 8).
STREAM_PAGES = 256


@dataclass(frozen=True)
class _Doc:
    uid: str
    revision: int
    fields: dict[str, Any]
    title: str
    doc_id: int
    # The pages as (number, text), or None: streamed when indexed (see STREAM_PAGES).
    pages: list[tuple[int, str]] | None


def _snapshot(
    doc: Document, pages: list[tuple[int, str]] | None, entities: EntityFields = NO_ENTITIES
) -> _Doc:
    tags = sorted(t.name for t in doc.tags)
    langs = [x for x in (doc.languages or "").split(",") if x]
    lo, hi = ixmod.day_number(doc.date_lower), ixmod.day_number(doc.date_upper)
    fields: dict[str, Any] = {
        "uid": doc.uid,
        "title": doc.title or "",
        "head": doc.title or "",
        "kind": doc.kind or "other",
    }
    if doc.source:
        fields["source"] = doc.source
    if doc.notes:
        fields["notes"] = doc.notes
    fields.update(_mail_fields(doc.extra))
    if tags:
        fields["tag"] = ",".join(t.lower() for t in tags)
    if langs:
        fields["lang"] = ",".join(langs)
    if lo:
        fields["date_lo"] = lo
        fields["date_hi"] = hi or lo
    uids, names = entities
    if uids:
        fields["entity"] = ",".join(uids + names)
    fields["row"] = ixmod.Row(
        doc.uid, doc.revision, lo, hi or lo, doc.kind or "other", tuple(langs), tuple(tags), uids
    ).encode()
    if pages is not None and not pages:
        pages = [(0, "")]
    return _Doc(doc.uid, doc.revision, fields, doc.title or "", doc.id, pages)


def _snapshots(session: Session, docs: Iterable[Document]) -> list[_Doc]:
    """Snapshots of documents, the pages of the ordinary ones read in one query; a
    document of more than STREAM_PAGES pages is left to stream (`_pages_of`)."""
    docs = list(docs)
    small = [d.id for d in docs if (d.page_count or 0) <= STREAM_PAGES]
    pages: dict[int, list[tuple[int, str]]] = {i: [] for i in small}
    if small:
        rows = session.execute(
            select(Page.document_id, Page.number, Page.text)
            .where(Page.document_id.in_(small))
            .order_by(Page.document_id, Page.number)
        )
        for doc_id, number, text in rows:
            pages[doc_id].append((number, text or ""))
    ents = entities_of(session, [d.id for d in docs])
    return [_snapshot(d, pages.get(d.id), ents.get(d.id, NO_ENTITIES)) for d in docs]


def _pages_of(case: Case, d: _Doc) -> Iterator[tuple[int, str]]:
    if d.pages is not None:
        yield from d.pages
        return
    with case.read_session() as s:
        rows = s.execute(
            select(Page.number, Page.text)
            .where(Page.document_id == d.doc_id)
            .order_by(Page.number)
            .execution_options(yield_per=64)
        )
        seen = False
        for number, text in rows:
            seen = True
            yield number, text or ""
        if not seen:
            yield 0, ""


def _mail_fields(extra: Mapping[str, object] | None) -> dict[str, str]:
    """from:, to:, cc:, subject: of an e-mail (its headers are kept in `extra`, a JSON
    column: SQLAlchemy hands it over as a dict)."""
    if not isinstance(extra, Mapping):
        return {}
    return {k: v for k in ixmod.MAIL_FIELDS if isinstance(v := extra.get(k), str) and v}


def _load(session: Session, uids: Sequence[str]) -> dict[str, _Doc]:
    docs = session.scalars(
        select(Document).where(Document.uid.in_(list(uids))).options(selectinload(Document.tags))
    )
    return {d.uid: d for d in _snapshots(session, docs)}


def _add(case: Case, writer: Any, d: _Doc) -> None:
    """One index entry per document (see `index`'s docstring): every page in one
    position space, the page starts in the `pagemap` column. Pages are consumed one at
    a time, so a streamed document never has all its text in memory."""
    numbers: list[int] = []

    def texts() -> Iterator[str]:
        for number, text in _pages_of(case, d):
            numbers.append(number)
            yield text

    terms, starts = paged_positions(texts())
    fields = dict(d.fields)
    fields["text"] = Analyzed.of(terms)
    fields["pagemap"] = ixmod.encode_pagemap(numbers, starts)
    writer.add_document(**fields)


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
            docs = _load(s, uids)
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
                for uid in uids:
                    d = docs.get(uid)
                    if d is not None:
                        _add(case, w, d)
                w.commit()
            except BaseException:
                w.cancel()
                raise
        _mark_done(case, ids, {u: d.revision for u, d in docs.items()})
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


def _set_indexed(s: Session, revisions: Mapping[str, int], only_if_changed: bool = False) -> None:
    """Record what the index holds: `indexed_revision` = revision, per uid."""
    if not revisions:
        return
    stmt = _SET_INDEXED
    if only_if_changed:
        stmt = stmt.where(_DOCUMENTS.c.indexed_revision != bindparam("b_rev"))
    s.execute(stmt, [{"b_uid": u, "b_rev": r} for u, r in revisions.items()])


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
        truth = {u: r for u, r in s.execute(select(Document.uid, Document.revision))}
        pending = set(
            s.scalars(select(WorkItem.document_uid).where(WorkItem.kind == work_queue.INDEX))
        )
        stale = [u for u, rev in truth.items() if held.get(u) != rev and u not in pending]
        gone = [u for u in held if u not in truth and u not in pending]
        work_queue.enqueue(s, stale + gone)
        # The database's record of what the index holds, made true again.
        _set_indexed(
            s, {u: rev for u, rev in truth.items() if held.get(u) == rev}, only_if_changed=True
        )


def reconcile(case: Case, ctx: JobContext | None = None) -> None:
    """Repair any drift between database and index (called when a case opens): the
    next sync compares the two before draining the queue."""
    if case.readonly:
        return
    attach(case).reconciled = False
    sync(case, ctx)


def _iter_docs(case: Case, chunk: int = 100) -> Iterator[list[_Doc]]:
    with case.read_session() as s:
        ids = list(s.scalars(select(Document.id).order_by(Document.id)))
        for i in range(0, len(ids), chunk):
            part = ids[i : i + chunk]
            docs = s.scalars(
                select(Document).where(Document.id.in_(part)).options(selectinload(Document.tags))
            )
            yield _snapshots(s, docs)
            s.expunge_all()


@gc_paused
def rebuild(case: Case, ctx: JobContext | None = None) -> int:
    """Build the index from scratch into `index.new/`, then swap it in. Cancelling
    (ctx) or crashing leaves the previous index in place. Returns documents indexed."""
    if case.readonly:
        raise PermissionError("a read-only case cannot rebuild its index")
    si = attach(case)
    new_path: Path = si.path.with_name(si.path.name + ".new")
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
        for docs in _iter_docs(case):
            if ctx is not None:
                ctx.raise_if_cancelled()
            for d in docs:
                _add(case, writer, d)
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
        for docs in _iter_docs(case):
            for d in docs:
                _add(case, w, d)
        w.commit()
    except BaseException:
        w.cancel()
        raise
    si.replace(ix)
    return si


__all__ = ["Cancelled", "load_in_memory", "rebuild", "reconcile", "sync"]
