"""Import files into a case: evidence first, then text, then the database, in batches.

For each file, in this order:
1. hash it; if the same bytes are already in the case, report the duplicate and stop;
2. store the original (atomic, read-only): from here on the evidence is safe;
3. extract its text in a worker process (time and memory limits, hostile files fail
   alone) — the original is kept even when extraction fails;
4. write the document, its pages, an audit entry and an index work item in the same
   transaction as the other files of its batch; then bring the index up to date.

A kill -9 at any moment leaves originals without documents at worst; running the import
again finds them in the store, extracts them and writes them once (the SHA-256 is unique).
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from sqlalchemy import select

from casefile.core.case import Case
from casefile.core.db.schema import Document
from casefile.core.errors import InvalidValueError
from casefile.core.i18n import _
from casefile.core.ingest.attachments import MessageGroup, close_group
from casefile.core.ingest.batch_write import write_batch
from casefile.core.ingest.intake import (
    EMPTY_NOT_KEPT,
    ImportOptions,
    Item,
    Run,
    incomplete_messages,
    iter_files,
    prepare,
    too_large,
)
from casefile.core.ingest.names import shown
from casefile.core.ingest.paging import discard_spool
from casefile.core.ingest.reextract import reextract
from casefile.core.ingest.tasks import TaskPool
from casefile.core.ingest.types import Attachment, Extraction, Imported, ImportOutcome
from casefile.core.ingest.workers import Job
from casefile.core.jobs import JobContext
from casefile.core.vocabulary import (
    DocumentKind,
    DocumentStatus,
    ImportResult,
    is_value,
)

BATCH_SIZE = 200
BATCH_CHARS = 8_000_000  # page text held for one batch (longer texts are spooled)
BATCH_SECONDS = 1.0
# The index is brought up to date in larger batches than the database: every Whoosh
# commit pays a cost per distinct word, so 20-document commits made indexing cost twice
# the import itself. Documents are searchable within INDEX_SECONDS during a long import.
INDEX_EVERY = 1000
INDEX_SECONDS = 20.0
# Files hashed, stored and handed to the workers ahead of the one the import waits for.
# Generous, so that the workers keep extracting while this thread writes a batch or
# commits the index (~2 s per 1,000 notes): with 64 ahead they ran dry within a quarter
# of a second and one core idled through every index sync. Bounded by the files' bytes
# too, since finished extractions wait in memory until their turn.
IN_FLIGHT = 2048
IN_FLIGHT_BYTES = 32 * 1024 * 1024
IN_FLIGHT_STARTING = 4096
MAX_EXTRACT_BYTES = 512 * 1024 * 1024  # larger files are stored but not extracted
SMALL_BYTES = 64 * 1024  # files up to this size are extracted in batches…
SMALL_BATCH = 16  # …of this many per worker task

# Brings the index up to date with what the import wrote (the work items were queued with
# the rows). The services pass theirs in: the import may not import them (no upward
# imports, docs/architecture.md); without one the work items wait in the queue.
IndexSync = Callable[[Case], None]
# Hands each batch's documents to the index writer right after their database commit,
# uncommitted (the next IndexSync commits them): adding them while the workers are still
# extracting leaves the import's end only the index commit to wait for. The third
# argument runs a task in the extraction workers (`TaskPool.call`), or is None: the
# index may have them index part of the documents.
IndexStage = Callable[[Case, list[str], "Callable[..., Future[Any]] | None"], None]


def _attached_name(filename: str, message: str) -> str:
    """An attachment as the import's summary names it: "x.pdf (attached to y.eml)"."""
    return shown(_("%(file)s (attached to %(message)s)") % {"file": filename, "message": message})


def _flush(run: Run) -> None:
    """Write the finished files of this batch in one transaction, then index them. A
    message and its attachments are always in the same batch (see `MessageGroup`)."""
    if not run.rows:
        return
    rows, run.rows = run.rows, []
    run.case.store.sync()  # the originals are on disk before any row cites them
    with run.case.session() as s:
        written = write_batch(s, run, rows)
    for _item, ex in rows:
        discard_spool(ex)
    for _item, ex, row in written:
        if ex.page_words is not None:  # the workers' split, for the index (page_words.py)
            pages = zip(ex.pages, ex.page_words, strict=True)
            run.case.split_pages[row["uid"]] = {
                n: (hash(text), words) for n, (text, words) in enumerate(pages, start=1)
            }
            ex.page_words = None
    run.stage_index(run.case, [row["uid"] for _item, _ex, row in written], run.helper)
    for item, _ex, row in written:
        run.outcomes.append(
            ImportOutcome(
                path=item.display,
                result=ImportResult.IMPORTED,
                document_uid=row["uid"],
                title=row["title"],
                status=row["status"],
                reason=row["status_reason"],
            )
        )
    run.unindexed += len(written)
    if run.unindexed >= INDEX_EVERY or time.monotonic() - run.last_index > INDEX_SECONDS:
        _index(run)


def _index(run: Run) -> None:
    """Index what the import wrote so far (the work items were queued with the rows)."""
    if run.unindexed:
        run.ctx.report(run.ctx.snapshot().done, label=_("Updating the search index"))
        run.sync_index(run.case)
    run.unindexed = 0
    run.last_index = time.monotonic()


def import_paths(
    case: Case,
    paths: Iterable[str | os.PathLike[str]],
    ctx: JobContext | None = None,
    options: ImportOptions | None = None,
    sync_index: IndexSync | None = None,
    stage_index: IndexStage | None = None,
) -> Imported:
    # The import indexes its own documents in large commits (`_index`); an edit made
    # meanwhile (at a safe point) indexes only its own document (services.sync).
    was_bulk, case.indexing_in_bulk = case.indexing_in_bulk, True
    try:
        return _import(case, paths, ctx, options, sync_index, stage_index)
    finally:
        case.indexing_in_bulk = was_bulk
        case.split_pages.clear()  # what its syncs did not take (an import that failed)


def _import(
    case: Case,
    paths: Iterable[str | os.PathLike[str]],
    ctx: JobContext | None,
    options: ImportOptions | None,
    sync_index: IndexSync | None,
    stage_index: IndexStage | None = None,
) -> Imported:
    ctx = ctx or JobContext()
    options = options or ImportOptions()
    if options.kind is not None and not is_value(DocumentKind, options.kind):
        raise InvalidValueError(
            _("“%(kind)s” is not a document kind; choose one of: %(kinds)s.")
            % {"kind": options.kind, "kinds": ", ".join(DocumentKind)}
        )
    run = Run(case, ctx, options, sync_index=sync_index or (lambda _case: None))
    if stage_index is not None:
        run.stage_index = stage_index
    with case.read_session() as s:
        run.known = dict(s.execute(select(Document.sha256, Document.title)).all())
        run.locked = dict(
            s.execute(
                select(Document.sha256, Document.uid).where(
                    Document.status == DocumentStatus.PASSWORD_REQUIRED
                )
            ).all()
        )
        run.incomplete = incomplete_messages(s)

    files = list(iter_files(paths, options.follow_links))
    total = len(files)
    ctx.report(0, total, _("Starting import"))
    in_flight: deque[Item] = deque()
    in_flight_bytes = 0  # the sizes of the files in `in_flight`
    pending_files = deque(files)
    done = 0
    last_flush = time.monotonic()
    counted = chars = 0  # rows of run.rows whose text is in `chars`
    cancelled = False

    # Every file is extracted in a worker process, small notes included; those travel in
    # batches (one process round trip per SMALL_BATCH files) so that isolation costs
    # nothing and language detection runs on both cores.
    small: list[Item] = []
    waiting: list[Item] = []  # stored while the workers start (~1 s): intake runs ahead
    case.store.root.mkdir(parents=True, exist_ok=True)
    with TaskPool(
        timeout_s=options.timeout_s,
        memory_mb=options.memory_mb,
        inline=options.inline,
        inline_text_bytes=0,
        spool_dir=str(case.store.root),
    ) as pool:
        pool.start_in_background()
        if not options.inline:  # the index may have the workers build part of it
            run.helper = pool.call

        def dispatch_small() -> None:
            jobs: list[Job] = [(str(i.stored), options.password, i.name) for i in small]
            for item, future in zip(small, pool.submit_batch(jobs), strict=True):
                item.future = future
            small.clear()

        def dispatch(item: Item) -> None:
            if item.size <= SMALL_BYTES:
                small.append(item)
                if len(small) >= SMALL_BATCH:
                    dispatch_small()
            else:
                item.future = pool.submit(str(item.stored), options.password, name=item.name)

        def submit(item: Item) -> None:
            nonlocal in_flight_bytes
            in_flight.append(item)
            in_flight_bytes += item.size
            if item.size > MAX_EXTRACT_BYTES:
                fut: Future[Extraction] = Future()
                fut.set_result(too_large(item))
                item.future = fut
            elif pool.ready.is_set():
                dispatch(item)
            else:
                waiting.append(item)  # the workers are still starting

        def submit_attachment(att: Attachment, group: MessageGroup, parent: Item) -> bool:
            """Store one attachment and queue it for extraction; False when it needs no
            more work (its bytes are already in the case or in this import)."""
            nonlocal total
            if not att.spool and not att.data:
                display = _attached_name(att.filename, parent.name)
                run.outcomes.append(
                    ImportOutcome(display, ImportResult.EMPTY, reason=EMPTY_NOT_KEPT)
                )
                return False
            if att.spool:
                stored = case.store.put_file(Path(att.spool), durable=False)
                Path(att.spool).unlink(missing_ok=True)
            else:
                stored = case.store.put_bytes(att.data, durable=False)
            display = _attached_name(att.filename, parent.name)
            if stored.sha256 in run.known:
                run.outcomes.append(
                    ImportOutcome(
                        display, ImportResult.DUPLICATE, duplicate_of=run.known[stored.sha256]
                    )
                )
                return False
            run.known[stored.sha256] = shown(att.filename)
            total += 1
            ctx.report(done, total)
            item = Item(stored.path, display, att.filename, stored.sha256, stored.size, stored.path)
            item.parent_uid = parent.uid
            item.group = group
            submit(item)
            return True

        def finished(item: Item, ex: Extraction) -> None:
            """A file's extraction is back: into the batch, or held with its message."""
            group: MessageGroup | None = item.group
            if item.completing:  # in the case already: `_flush` skips it, not its files
                run.outcomes.append(
                    ImportOutcome(
                        item.display, ImportResult.DUPLICATE, duplicate_of=run.known[item.sha256]
                    )
                )
            if ex.attachments:
                own = MessageGroup([(item, ex)], parent=group)
                for att in ex.attachments:
                    own.pending += submit_attachment(att, own, item)
                ex.attachments = []  # stored: the bytes need not stay in memory
                if own.pending:
                    return
                item_rows: MessageGroup | None = own
            else:
                item_rows = None
            if group is None:
                run.rows.extend(item_rows.rows if item_rows else [(item, ex)])
                return
            group.rows.extend(item_rows.rows if item_rows else [(item, ex)])
            group.pending -= 1
            if group.pending == 0:
                close_group(run, group)

        while True:
            ctx.safe_point()  # no transaction is open here: a user's edit may run
            if ctx.cancelled:
                cancelled = True
                pool.cancel_pending()
                break
            # Keep the workers busy: hash, dedupe and store ahead of extraction (and,
            # while the workers start, as far ahead as the intake can get).
            ready = pool.ready.is_set()
            ahead = IN_FLIGHT if ready else IN_FLIGHT_STARTING
            while (
                pending_files
                and len(in_flight) < ahead
                and (not ready or in_flight_bytes < IN_FLIGHT_BYTES)
            ):
                found = pending_files.popleft()
                item = prepare(run, found)
                if item is None:
                    done += 1
                    ctx.report(done, total, shown(found.path.name))
                    continue
                submit(item)
                if waiting and pool.ready.is_set():
                    break
            if waiting and (pool.ready.is_set() or not pending_files or len(in_flight) >= ahead):
                pool.ready.wait()
                for item in waiting:
                    dispatch(item)
                waiting.clear()
            if small:
                dispatch_small()
            if in_flight:
                item = in_flight.popleft()
                in_flight_bytes -= item.size
                assert item.future is not None
                ctx.report(done, total, item.display)  # what is being read now, not what was
                finished(item, item.future.result())
                done += 1
                ctx.report(done, total, item.display)
                now = time.monotonic()
                # The batch's text, counted for the rows added since the last look (a
                # sum over the whole batch after every file was quadratic in its size).
                if len(run.rows) < counted:
                    counted = chars = 0
                chars += sum(len(p) for _item, ex in run.rows[counted:] for p in ex.pages)
                counted = len(run.rows)
                if (
                    len(run.rows) >= BATCH_SIZE
                    or now - last_flush > BATCH_SECONDS
                    or chars > BATCH_CHARS
                ):
                    _flush(run)
                    last_flush = now
                    counted = chars = 0
            if not in_flight and not pending_files:
                _flush(run)
                if not in_flight:
                    break
        if cancelled:
            # Whole files only: what finished extracting is written (a message only with
            # all its attachments), the rest not begun.
            _flush(run)
        _index(run)  # with the workers still there, for the segments they are building
    ctx.safe_point()
    for uid, display in run.retry_with_password:
        if cancelled:
            break
        detail = reextract(case, uid, options.password)
        run.sync_index(case)
        run.outcomes.append(
            ImportOutcome(
                display,
                ImportResult.REEXTRACTED,
                document_uid=uid,
                title=detail.title,
                status=detail.status,
                reason=detail.reason,
            )
        )
    return Imported(tuple(run.outcomes), cancelled=cancelled)
