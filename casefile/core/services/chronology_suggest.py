"""Dates suggested from the documents' text, for the chronology's review queue: each
is an event candidate the user accepts (the event made with its citation filled in) or
dismisses (remembered, never suggested again). Relative phrases resolve against the
document's own date. Many documents go to a worker process (suggest_pool), so natasha
never runs in the process that paints the window. See docs/architecture.md
(chronology)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select

from casefile.core import dates
from casefile.core.case import Case
from casefile.core.chronology.suggest_dates import DateSuggestion
from casefile.core.db import audit
from casefile.core.db.schema import DateDismissal, Document, EventCitation, Page
from casefile.core.errors import DocumentNotFoundError
from casefile.core.i18n import _
from casefile.core.jobs import JobContext
from casefile.core.services.chronology import add_event
from casefile.core.services.chronology_dto import CitationSpec, DateSuggestionInfo, EventInfo


def suggestion_key(date: str, phrase: str, sentence: str) -> str:
    return hashlib.sha1(f"{date}|{phrase}|{' '.join(sentence.split())}".encode()).hexdigest()


def _inputs(
    case: Case, document_uid: str | None
) -> tuple[
    dict[int, Any], list[Any], set[tuple[str, str]], dict[tuple[int, int], list[tuple[int, int]]]
]:
    """What suggesting needs from the case: documents, pages, dismissals, cited spans."""
    with case.read_session() as s:
        stmt = select(Document.id, Document.uid, Document.title, Document.date)
        if document_uid:
            stmt = stmt.where(Document.uid == document_uid)
        docs = {row.id: row for row in s.execute(stmt)}
        if document_uid and not docs:
            raise DocumentNotFoundError(
                _("There is no document %(uid)s in this case.") % {"uid": document_uid}
            )
        pages = list(
            s.execute(
                select(Page.document_id, Page.number, Page.text)
                .where(Page.document_id.in_(docs))
                .order_by(Page.document_id, Page.number)
            )
        )
        dismissed = {
            (d.document_uid, d.key)
            for d in s.scalars(
                select(DateDismissal).where(
                    DateDismissal.document_uid.in_([d.uid for d in docs.values()])
                )
            )
        }
        cited: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for c in s.scalars(select(EventCitation).where(EventCitation.document_id.in_(docs))):
            if c.start is not None and c.end is not None and c.document_id is not None:
                cited.setdefault((c.document_id, c.page), []).append((c.start, c.end))
    return docs, pages, dismissed, cited


def _infos(
    page: Any,
    doc: Any,
    suggestions: list[DateSuggestion],
    dismissed: set[tuple[str, str]],
    spans: list[tuple[int, int]],
    lang: str,
) -> list[DateSuggestionInfo]:
    out: list[DateSuggestionInfo] = []
    for sg in suggestions:
        key = suggestion_key(sg.date, sg.phrase, sg.sentence)
        if (doc.uid, key) in dismissed:
            continue
        if any(a <= sg.start and sg.end <= b for a, b in spans):
            continue  # already the citation of an event
        out.append(
            DateSuggestionInfo(
                document_uid=doc.uid,
                document_title=doc.title,
                page=page.number,
                date=sg.date,
                date_words=dates.describe(sg.date, lang),
                precision=sg.precision,
                start=sg.start,
                end=sg.end,
                phrase=sg.phrase,
                sentence=sg.sentence,
                rule=sg.rule,
                key=key,
            )
        )
    return out


def suggest_event_dates(
    case: Case, document_uid: str | None = None, lang: str = "en"
) -> list[DateSuggestionInfo]:
    """Date suggestions from one document (or all), minus the dismissed ones and the
    ones an event already cites."""
    docs, pages, dismissed, cited = _inputs(case, document_uid)
    items = [(p.text, docs[p.document_id].date) for p in pages]
    # Always in a worker process: natasha never loads in a face's process.
    from casefile.core.chronology.suggest_pool import suggest_many

    found: list[list[DateSuggestion]] = suggest_many(items)
    out: list[DateSuggestionInfo] = []
    for p, suggestions in zip(pages, found, strict=True):
        spans = cited.get((p.document_id, p.number), [])
        out += _infos(p, docs[p.document_id], suggestions, dismissed, spans, lang)
    return out


# Pages per batch of a suggestion job: small enough that Cancel and the progress bar
# answer within a second or two, large enough that the worker's round trips stay cheap.
JOB_BATCH_CHARS = 60_000


def suggest_event_dates_job(
    case: Case,
    ctx: JobContext,
    document_uid: str | None = None,
    lang: str = "en",
    on_found: Callable[[list[DateSuggestionInfo]], None] | None = None,
) -> list[DateSuggestionInfo]:
    """`suggest_event_dates` as a cancellable job: progress in pages, each batch's
    suggestions handed to `on_found` as they come (the queue fills while it runs), and
    Cancel stops the worker process at once (Cancelled is raised)."""
    docs, pages, dismissed, cited = _inputs(case, document_uid)
    from casefile.core.chronology.suggest_pool import SuggestPool

    ctx.report(0, len(pages), _("Starting the date reader…"))
    out: list[DateSuggestionInfo] = []
    pool = SuggestPool()
    try:
        i = 0
        while i < len(pages):
            ctx.raise_if_cancelled()
            batch: list[Any] = []
            size = 0
            while i < len(pages) and (not batch or size < JOB_BATCH_CHARS):
                batch.append(pages[i])
                size += len(pages[i].text)
                i += 1
            found = pool.suggest([(p.text, docs[p.document_id].date) for p in batch])
            ctx.raise_if_cancelled()
            new: list[DateSuggestionInfo] = []
            for p, suggestions in zip(batch, found, strict=True):
                spans = cited.get((p.document_id, p.number), [])
                new += _infos(p, docs[p.document_id], suggestions, dismissed, spans, lang)
            out += new
            if new and on_found is not None:
                on_found(new)
            ctx.report(i, len(pages), docs[batch[-1].document_id].title)
    finally:
        pool.close()
    return out


def dismiss_suggestion(case: Case, suggestion: DateSuggestionInfo) -> None:
    """Never suggest this date from this passage of this document again."""
    with case.session() as s:
        exists = s.get(DateDismissal, (suggestion.document_uid, suggestion.key))
        if exists is None:
            s.add(DateDismissal(document_uid=suggestion.document_uid, key=suggestion.key))
            audit.record(
                s,
                "dismiss_date_suggestion",
                suggestion.document_uid,
                None,
                {"date": suggestion.date, "phrase": suggestion.phrase, "page": suggestion.page},
            )


def accept_suggestion(
    case: Case,
    suggestion: DateSuggestionInfo,
    title: str | None = None,
    *,
    tags: Sequence[str] = (),
    entities: Sequence[str] = (),
) -> EventInfo:
    """An event from a suggestion: its date, and the sentence cited on its page."""
    sentence = suggestion.sentence
    return add_event(
        case,
        title=title or (sentence if len(sentence) <= 120 else sentence[:117] + "…"),
        date=suggestion.date,
        tags=tags,
        entities=entities,
        citations=[
            CitationSpec(suggestion.document_uid, suggestion.page, sentence, near=suggestion.start)
        ],
    )
