"""Extract a stored original again: with a password, or after a better extractor ships.

The original is read from the store (never from where the user once had it), the pages
are replaced in one transaction, and the audit log records the status before and after.
Indexing the result and reporting it to a face is the service's part
(`services.importing.reextract_document`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from casefile.core.case import Case
from casefile.core.db import audit, work_queue
from casefile.core.db.schema import Document, Page
from casefile.core.errors import DocumentNotFoundError
from casefile.core.i18n import _
from casefile.core.ingest.page_rows import insert_pages
from casefile.core.ingest.paging import discard_spool
from casefile.core.ingest.types import Extraction
from casefile.core.ingest.workers import ExtractionPool


@dataclass(frozen=True)
class Reextracted:
    """The document as it stands after its text was read again."""

    uid: str
    title: str
    status: str
    reason: str | None


def reextraction_pool(case: Case) -> ExtractionPool:
    """The workers for reading originals again: one pool for a whole batch of
    documents (starting one costs a process start), spooling into the case's store."""
    return ExtractionPool(max_workers=1, spool_dir=str(case.store.root))


def reextract(
    case: Case, uid: str, password: str | None = None, pool: ExtractionPool | None = None
) -> Reextracted:
    """Replace the document's pages with a fresh extraction of its original. The change is
    queued for the index in the same transaction; the caller brings the index up to date.
    `pool`: workers the caller keeps for several documents (else one is started here)."""
    with case.read_session() as s:
        sha = s.scalar(select(Document.sha256).where(Document.uid == uid))
    if sha is None:
        raise DocumentNotFoundError(_("There is no document %(uid)s in this case.") % {"uid": uid})
    original = str(case.store.path_for(sha))
    if pool is None:
        with reextraction_pool(case) as own:
            ex = own.submit(original, password).result()
    else:
        ex = pool.submit(original, password).result()
    try:
        return _replace(case, uid, ex)
    finally:
        discard_spool(ex)


def _replace(case: Case, uid: str, ex: Extraction) -> Reextracted:
    with case.session() as s:
        doc = s.scalar(select(Document).where(Document.uid == uid))
        if doc is None:
            raise DocumentNotFoundError(
                _("There is no document %(uid)s in this case.") % {"uid": uid}
            )
        before = {"status": doc.status, "page_count": doc.page_count}
        s.execute(delete(Page).where(Page.document_id == doc.id))
        s.flush()
        insert_pages(s, [(doc.id, ex)])
        doc.status = str(ex.status)
        doc.status_reason = ex.reason
        doc.page_count = ex.page_count
        if ex.languages:
            doc.languages = ",".join(ex.languages)
        if ex.title and doc.title == doc.original_filename.rsplit(".", 1)[0]:
            doc.title = ex.title  # the file's own title, now readable
        if ex.author and not doc.author:
            doc.author = ex.author
        doc.revision += 1
        audit.record(
            s,
            "reextract_document",
            uid,
            before,
            {"status": doc.status, "page_count": doc.page_count},
        )
        work_queue.enqueue(s, [uid])
        work_queue.enqueue(s, [uid], kind=work_queue.MATCH)
        return Reextracted(uid, doc.title, doc.status, doc.status_reason)
