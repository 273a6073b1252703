"""OCR use cases: recognise the text of scanned pages and pictures (issue 16; see
docs/architecture.md, OCR).

The pages are recognised in the extraction worker processes (ingest's `TaskPool`: the
same time and memory limits, the same network ban) by `core.ocr.engine`, a few pages in
flight at a time; each result is written as it comes (`core.ocr.store`: one
transaction per page), and a finished document goes to the index, the entity matcher
and the chronology like any other change of text. The job checks for Cancel and runs
the user's edits between pages; what is done is kept, and the OCR work queue brings
the rest back after a cancel, a quit or a crash.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass

from sqlalchemy import select

from casefile.core.case import Case
from casefile.core.db.schema import Document, Page
from casefile.core.errors import DocumentNotFoundError
from casefile.core.i18n import N_, _
from casefile.core.ingest.languages import detect_languages
from casefile.core.ingest.tasks import CRASHED, MEMORY, TIMEOUT, TaskFailed, TaskPool
from casefile.core.jobs import JobContext
from casefile.core.ocr import store
from casefile.core.ocr.boxes import Rect, decode, regions
from casefile.core.ocr.engine import PageOcr, recognise_page
from casefile.core.ocr.languages import (
    DEFAULT_LANGS,
    LanguageData,
    OcrUnavailableError,
    language_data,
)
from casefile.core.ocr.layer_boxes import layer_boxes
from casefile.core.services.documents import get_document
from casefile.core.services.dto import Changes, DocumentDetail
from casefile.core.services.ocr_guesses import guess_from_recognised_text
from casefile.core.services.sync import sync_index

__all__ = [
    "DEFAULT_LANGS",
    "OcrOutcome",
    "OcrPage",
    "OcrSummary",
    "OcrUnavailableError",
    "check_ocr",
    "ocr_documents",
    "ocr_pages",
    "ocr_waiting",
    "page_regions",
]

PAGE_TIMEOUT_S = 120.0
MISSING = N_(  # recorded (a page's OCR error): shown through translate_recorded
    "The original of this document is missing from the case, so its pages cannot be "
    "recognised; 'casefile verify' says more."
)
WORKER_MEMORY_MB = 1024
IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class OcrOutcome:
    """What became of one document."""

    uid: str
    title: str
    pages_recognised: int
    pages_failed: int
    confidence: float | None
    status: str
    reason: str | None
    complete: bool  # False: stopped midway (cancelled); the rest waits in the queue


@dataclass(frozen=True)
class OcrSummary:
    outcomes: tuple[OcrOutcome, ...]
    pages: int  # pages this run read (recognised, or refused)
    cancelled: bool
    changes: Changes
    failed: int = 0  # of those, pages refused or not recognised
    skipped: tuple[str, ...] = ()  # sentences about documents named that have no scan


@dataclass(frozen=True)
class OcrPage:
    """A recognised page as the viewer shows it: confidence, a low-confidence mark, and
    the provenance (engine, languages, resolution)."""

    number: int
    confidence: float | None
    low_confidence: bool
    error: str | None
    languages: str
    engine: str
    dpi: int


def check_ocr(langs: str = DEFAULT_LANGS) -> LanguageData:
    """The language data OCR would use; raises OcrUnavailableError with one sentence
    saying what to install when the engine or a language is missing."""
    return language_data(langs)


def ocr_waiting(case: Case) -> list[str]:
    """Documents OCR would read without being asked (queued, or with scanned pages)."""
    with case.read_session() as s:
        return store.waiting(s)


def _failure(number: int, exc: BaseException) -> str:
    """A page's OCR error, recorded in English (shown through translate_recorded)."""
    why = exc.why if isinstance(exc, TaskFailed) else ""
    if why == TIMEOUT:
        return N_(
            "Page %(page)d took longer than %(seconds)g s to recognise and was skipped; the "
            "original is kept."
        ) % {"page": number, "seconds": PAGE_TIMEOUT_S}
    if why == MEMORY:
        return N_("Page %(page)d needed more memory than OCR may use and was skipped.") % {
            "page": number
        }
    if why == CRASHED:
        return N_(
            "The OCR engine stopped unexpectedly on page %(page)d (it may be damaged or "
            "hostile); the page was skipped."
        ) % {"page": number}
    return N_("Page %(page)d could not be recognised; the original is kept.") % {"page": number}


def ocr_documents(
    case: Case,
    uids: Sequence[str] | None = None,
    ctx: JobContext | None = None,
    *,
    langs: str = DEFAULT_LANGS,
    force: bool = False,
    workers: int | None = None,
    timeout_s: float = PAGE_TIMEOUT_S,
) -> OcrSummary:
    """Recognise the pages of `uids` (the pages needing OCR; every page of a garbled
    PDF; every page with `force`), or, with no uids, of every document waiting for OCR.
    Named documents are queued first, so a crash resumes them."""
    case.require_writable()
    ctx = ctx or JobContext()
    data = language_data(langs)  # one sentence on what to install, before any work
    skipped: list[str] = []
    with case.session() as s:
        interrupted = set(store.queued(s))  # a run stopped midway left these
        if uids:
            known = dict(
                s.execute(
                    select(Document.uid, Document.file_type).where(Document.uid.in_(list(uids)))
                ).all()
            )
            for uid in uids:
                if uid not in known:
                    raise DocumentNotFoundError(
                        _("There is no document %(uid)s in this case.") % {"uid": uid}
                    )
            wanted = [u for u in uids if known[u] in store.OCR_KINDS]
            skipped = [
                _("%(uid)s: not a PDF or a picture, so there is nothing to recognise.") % {"uid": u}
                for u in uids
                if known[u] not in store.OCR_KINDS
            ]
        else:
            wanted = store.waiting(s)
        targets = store.targets(s, wanted, force)
        # Named documents already read: nothing to do (not even a new revision).
        idle = {t.uid for t in targets if not t.pages and t.uid not in interrupted}
        skipped += [
            _("%(title)s: every page is already recognised; --force reads them again.")
            % {"title": t.title}
            for t in targets
            if t.uid in idle
        ]
        targets = [t for t in targets if t.uid not in idle]
        store.queue(s, [t.uid for t in targets])
        # Queued documents deleted since (or no longer scans) leave the queue.
        store.forget(s, set(wanted) - {t.uid for t in targets} - idle)
    total = sum(len(t.pages) for t in targets)
    ctx.report(0, total, _("Recognising text"))
    outcomes: list[OcrOutcome] = []
    edited: list[DocumentDetail] = []
    pages_done = failed = 0
    cancelled = False
    remaining = {t.uid: len(t.pages) for t in targets}
    by_uid = {t.uid: t for t in targets}

    def finish(uid: str) -> None:
        t = by_uid[uid]
        with case.session() as s:
            text = store.recognised_text(s, t.doc_id)
            done = store.finish(s, uid, detect_languages(text) if text.strip() else [])
            if done is not None:
                guess_from_recognised_text(s, uid, text)
        sync_index(case, touched=[uid])
        from casefile.core.services.chronology import reanchor_citations

        reanchor_citations(case, uid)
        if done is not None:
            outcomes.append(
                OcrOutcome(
                    uid,
                    t.title,
                    done.recognised,
                    done.failed,
                    done.confidence,
                    done.status,
                    done.reason,
                    True,
                )
            )
            edited.append(get_document(case, uid))

    for t in targets:
        if not t.pages:
            finish(t.uid)  # recognised before a crash, not yet finished
    jobs = deque((t, n) for t in targets for n in t.pages)
    if jobs:
        pool = TaskPool(max_workers=workers, timeout_s=timeout_s, memory_mb=WORKER_MEMORY_MB)
        in_flight: deque[tuple[str, int, Future[PageOcr]]] = deque()
        try:
            limit = pool.max_workers * IN_FLIGHT_PER_WORKER
            while jobs or in_flight:
                while jobs and len(in_flight) < limit:
                    t, number = jobs.popleft()
                    path = case.store.path_for(t.sha256)
                    future: Future[PageOcr]
                    if path.is_file():
                        future = pool.call(
                            recognise_page, str(path), t.kind, number, data.folder, data.langs
                        )
                    else:
                        future = Future()
                        future.set_result(PageOcr(number, error=MISSING))
                    in_flight.append((t.uid, number, future))
                uid, number, future = in_flight.popleft()
                ctx.report(
                    pages_done,
                    total,
                    _("%(title)s, page %(page)d") % {"title": by_uid[uid].title, "page": number},
                )
                while True:  # wait in short steps, so Cancel is felt at once
                    ctx.safe_point()
                    if ctx.cancelled:
                        raise _Stop
                    try:
                        result = future.result(timeout=0.2)
                        break
                    except TimeoutError:
                        continue
                    except TaskFailed as exc:
                        result = PageOcr(number, error=_failure(number, exc))
                        break
                with case.session() as s:
                    store.save_page(s, by_uid[uid].doc_id, result, data)
                pages_done += 1
                failed += result.error is not None
                ctx.report(pages_done, total)
                remaining[uid] -= 1
                if remaining[uid] == 0:
                    finish(uid)
        except _Stop:
            cancelled = True
            pool.cancel_pending()
        finally:
            pool.close()
    for uid, left in remaining.items():
        if left > 0:
            t = by_uid[uid]
            outcomes.append(OcrOutcome(uid, t.title, len(t.pages) - left, 0, None, "", None, False))
    return OcrSummary(
        tuple(outcomes),
        pages_done,
        cancelled,
        Changes(edited=tuple(edited)),
        skipped=tuple(skipped),
        failed=failed,
    )


class _Stop(Exception):
    pass


def ocr_pages(case: Case, uid: str) -> list[OcrPage]:
    """Confidence and provenance of each recognised page of a document."""
    with case.read_session() as s:
        return [
            OcrPage(i.number, i.confidence, i.low, i.error, i.languages, i.engine, i.dpi)
            for i in store.page_infos(s, uid)
        ]


def page_regions(
    case: Case, uid: str, number: int, spans: Sequence[tuple[int, int]]
) -> list[list[Rect]]:
    """Where spans of a page's text (search hits, entity mentions, a quote) sit on the
    page image: per span, the boxes of its words as page fractions (x0, y0, x1, y1).
    The boxes come from OCR, or for a PDF page OCR never read, from the PDF's own text
    layer (`core/ocr/layer_boxes.py`); empty lists when there are none."""
    if not spans:
        return []
    with case.read_session() as s:
        infos = store.page_infos(s, uid, [number])
        boxes = decode(infos[0].boxes) if infos and infos[0].error is None else None
        if boxes is None and not infos:
            row = s.execute(
                select(Document.sha256, Document.file_type, Document.status, Page.text)
                .join(Page, Page.document_id == Document.id)
                .where(Document.uid == uid, Page.number == number)
            ).first()
            if row is not None and row.file_type == "pdf" and row.status == "ok" and row.text:
                path = str(case.store.path_for(row.sha256))
                boxes = layer_boxes(path, number, row.text)
    if boxes is None:
        return [[] for _span in spans]
    return regions(boxes, spans)
