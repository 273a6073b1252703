"""OCR results into the case database, page by page (docs/architecture.md, OCR).

Each recognised page is one transaction: its `page_ocr` row (provenance, confidence,
word boxes, and the page's own text before OCR, kept) and the new `page.text`. So a
kill -9 mid-document loses at most the page being recognised, and a page is never
recognised twice (a page with a `page_ocr` row is done, unless OCR is forced). When
the last page of a document is in, `finish` sets its status, bumps its revision and
queues it for the index and the entity matcher, in one transaction with its audit entry
and the removal of its OCR work item: the index, mentions and date suggestions then
follow the new text like any other change.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from casefile.core.db import audit, work_queue
from casefile.core.db.schema import Document, Page, PageOcr, WorkItem
from casefile.core.i18n import N_
from casefile.core.ocr.boxes import encode
from casefile.core.ocr.engine import ENGINE
from casefile.core.ocr.engine import PageOcr as Recognised
from casefile.core.ocr.languages import LanguageData
from casefile.core.vocabulary import DocumentStatus

OCR_KINDS = {"pdf": "pdf", "image": "image"}  # document.file_type -> what to rasterise
LOW_CONFIDENCE = 60.0  # a page below this mean word confidence is marked for a person
# Written as the partial index `ix_page_needs_ocr` says it, so SQLite uses the index.
NEEDS_OCR = text("page.needs_ocr = 1")


@dataclass(frozen=True)
class Target:
    """A document with pages to recognise."""

    uid: str
    doc_id: int
    title: str
    kind: str  # "pdf" or "image"
    sha256: str
    pages: tuple[int, ...]


# A page is done when it holds its recognised text, or when it was refused (not retried
# unless forced). A page read again from the original (re-extraction replaces the
# pages) holds the file's own text again, so it is recognised again.
_DONE = PageOcr.error.is_not(None) | (PageOcr.text == Page.text)


def queue(s: Session, uids: Sequence[str]) -> None:
    """Put documents on the OCR queue (once each), so a crash or quit resumes them."""
    queued = set(
        s.scalars(
            select(WorkItem.document_uid).where(
                WorkItem.kind == work_queue.OCR, WorkItem.document_uid.in_(list(uids))
            )
        )
    )
    work_queue.enqueue(s, [u for u in dict.fromkeys(uids) if u not in queued], work_queue.OCR)


def forget(s: Session, uids: Collection[str]) -> None:
    """Take documents off the OCR queue (deleted, or with nothing left to read)."""
    if uids:
        s.execute(
            delete(WorkItem).where(
                WorkItem.kind == work_queue.OCR, WorkItem.document_uid.in_(list(uids))
            )
        )


def queued(s: Session) -> list[str]:
    return list(dict.fromkeys(i.document_uid for i in work_queue.pending(s, work_queue.OCR)))


def waiting(s: Session) -> list[str]:
    """Documents OCR would read without being asked: queued ones first, then any with
    pages marked as needing OCR and not done (cases imported before OCR; a document
    read again from its original, which put the file's own text back)."""
    done = select(PageOcr.id).where(
        PageOcr.document_id == Page.document_id, PageOcr.page == Page.number, _DONE
    )
    marked = s.scalars(
        select(Document.uid)
        .join(Page, Page.document_id == Document.id)
        .where(NEEDS_OCR, ~done.exists())
        .group_by(Document.id)
        .order_by(Document.id)
    )
    return list(dict.fromkeys([*queued(s), *marked]))


def targets(s: Session, uids: Sequence[str], force: bool = False) -> list[Target]:
    """What to recognise of each document: the pages marked as needing OCR (every page
    of a garbled one; every page when forced), less those already recognised."""
    found: list[Target] = []
    docs = {d.uid: d for d in s.scalars(select(Document).where(Document.uid.in_(list(uids))))}
    for uid in uids:
        doc = docs.get(uid)
        if doc is None or doc.file_type not in OCR_KINDS:
            continue
        numbers = range(1, (doc.page_count or 0) + 1)
        if force or doc.status == DocumentStatus.GARBLED:
            wanted = set(numbers)
        else:
            wanted = set(
                s.scalars(select(Page.number).where(Page.document_id == doc.id, NEEDS_OCR))
            )
        if not force:
            wanted -= set(
                s.scalars(
                    select(PageOcr.page)
                    .join(
                        Page,
                        (Page.document_id == PageOcr.document_id) & (Page.number == PageOcr.page),
                    )
                    .where(PageOcr.document_id == doc.id, _DONE)
                )
            )
        found.append(
            Target(
                uid, doc.id, doc.title, OCR_KINDS[doc.file_type], doc.sha256, tuple(sorted(wanted))
            )
        )
    return found


def save_page(s: Session, doc_id: int, result: Recognised, data: LanguageData) -> None:
    """One recognised page, in the caller's transaction (see the module docstring)."""
    old = s.scalar(
        select(PageOcr).where(PageOcr.document_id == doc_id, PageOcr.page == result.number)
    )
    page = s.scalar(select(Page).where(Page.document_id == doc_id, Page.number == result.number))
    layer = old.layer_text if old is not None else (page.text if page is not None else None)
    if old is not None:
        s.delete(old)
        s.flush()
    s.add(
        PageOcr(
            document_id=doc_id,
            page=result.number,
            text=result.text,
            layer_text=layer,
            confidence=result.confidence,
            engine=ENGINE,
            engine_version=result.engine_version[:32],
            languages=data.langs,
            language_data=json.dumps(
                {"folder": data.folder, **data.files}, ensure_ascii=False, sort_keys=True
            ),
            dpi=result.dpi,
            boxes=encode(result.width, result.height, result.words) if result.words else None,
            error=result.error,
        )
    )
    if page is not None and result.error is None:
        page.text = result.text
        page.needs_ocr = False


@dataclass(frozen=True)
class Finished:
    uid: str
    recognised: int  # pages with recognised text
    failed: int  # pages refused or not recognised
    confidence: float | None  # mean over the recognised pages
    status: str
    reason: str | None


def finish(s: Session, uid: str, languages: Sequence[str] = ()) -> Finished | None:
    """The document's OCR is complete: status, revision, index and matcher work, audit
    entry and the end of its OCR work item, all in the caller's transaction."""
    doc = s.scalar(select(Document).where(Document.uid == uid))
    s.execute(delete(WorkItem).where(WorkItem.kind == work_queue.OCR, WorkItem.document_uid == uid))
    if doc is None:
        return None
    rows = list(s.scalars(select(PageOcr).where(PageOcr.document_id == doc.id)))
    good = [r for r in rows if r.error is None]
    errors = [r.error for r in rows if r.error]
    texts = [r for r in good if r.text.strip()]
    confs = [r.confidence for r in good if r.confidence is not None]
    mean = round(sum(confs) / len(confs), 1) if confs else None
    before = {"status": doc.status, "status_reason": doc.status_reason}
    if texts:
        doc.status = DocumentStatus.OK
        doc.status_reason = (  # recorded in English: shown through translate_recorded
            N_("%(n)d page(s) could not be recognised: %(error)s")
            % {"n": len(errors), "error": errors[0]}
            if errors
            else None
        )
    elif errors and doc.status != DocumentStatus.OK:
        doc.status_reason = errors[0]  # a readable text layer keeps its status
    elif good:
        doc.status = DocumentStatus.EMPTY
        doc.status_reason = N_("OCR found no text on its pages.")
    if languages and texts:
        doc.languages = ",".join(languages)
    doc.revision += 1
    work_queue.enqueue(s, [uid])
    work_queue.enqueue(s, [uid], kind=work_queue.MATCH)
    after = {
        "status": doc.status,
        "status_reason": doc.status_reason,
        "pages_recognised": len(good),
        "pages_failed": len(errors),
        "confidence": mean,
        "engine": f"{ENGINE} {good[0].engine_version}" if good else ENGINE,
        "languages": rows[0].languages if rows else "",
    }
    audit.record(s, "ocr_document", uid, before, after)
    return Finished(uid, len(good), len(errors), mean, doc.status, doc.status_reason)


@dataclass(frozen=True)
class PageInfo:
    """What the viewer shows of a recognised page."""

    number: int
    confidence: float | None
    low: bool
    error: str | None
    languages: str
    engine: str
    dpi: int
    boxes: str | None


def page_infos(s: Session, uid: str, numbers: Collection[int] | None = None) -> list[PageInfo]:
    stmt = (
        select(PageOcr)
        .join(Document, Document.id == PageOcr.document_id)
        .where(Document.uid == uid)
        .order_by(PageOcr.page)
    )
    if numbers is not None:
        stmt = stmt.where(PageOcr.page.in_(list(numbers)))
    return [
        PageInfo(
            r.page,
            r.confidence,
            r.error is None and r.confidence is not None and r.confidence < LOW_CONFIDENCE,
            r.error,
            r.languages,
            f"{r.engine} {r.engine_version}".strip(),
            r.dpi,
            r.boxes,
        )
        for r in s.scalars(stmt)
    ]


def recognised_text(s: Session, doc_id: int, limit: int = 400_000) -> str:
    """The recognised text of a document (its first `limit` characters), to tell its
    languages by."""
    rows = s.scalars(
        select(PageOcr.text)
        .where(PageOcr.document_id == doc_id, PageOcr.error.is_(None))
        .order_by(PageOcr.page)
    )
    return "\n\n".join(rows)[:limit]


def recognised_count(s: Session) -> int:
    return s.scalar(select(func.count(PageOcr.id)).where(PageOcr.error.is_(None))) or 0
