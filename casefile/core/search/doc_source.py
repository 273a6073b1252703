"""What the index is made from: a document's fields and pages, read from the database.

`indexer.py` decides when and in which commits documents reach the index; this module
turns a document row into what one index entry holds (see docs/architecture.md, "How a
change reaches the index") and adds it to a Whoosh writer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from casefile.core.case import Case
from casefile.core.db.schema import Document, Page
from casefile.core.search import index as ixmod
from casefile.core.search.entity_fields import NO_ENTITIES, EntityFields, entities_of
from casefile.core.search.entry import add_entry

# Documents with more pages than this are not loaded whole: their pages stream from the
# database while they are indexed, so one huge input (a 200 MB text becomes ~40,000
# pages) costs the main process its postings, not its text as well (issue 8 item 8).
STREAM_PAGES = 256


@dataclass(frozen=True)
class Doc:
    uid: str
    revision: int
    fields: dict[str, Any]
    title: str
    doc_id: int
    # The pages as (number, text), or None: streamed when indexed (see STREAM_PAGES).
    pages: list[tuple[int, str]] | None


def snapshot(
    doc: Document, pages: list[tuple[int, str]] | None, entities: EntityFields = NO_ENTITIES
) -> Doc:
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
    fields.update(mail_fields(doc.extra))
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
    return Doc(doc.uid, doc.revision, fields, doc.title or "", doc.id, pages)


def snapshots(session: Session, docs: Iterable[Document]) -> list[Doc]:
    """Snapshots of documents, the pages of the ordinary ones read in one query; a
    document of more than STREAM_PAGES pages is left to stream (`pages_of`)."""
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
    return [snapshot(d, pages.get(d.id), ents.get(d.id, NO_ENTITIES)) for d in docs]


def pages_of(case: Case, d: Doc) -> Iterator[tuple[int, str]]:
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


def mail_fields(extra: Mapping[str, object] | None) -> dict[str, str]:
    """from:, to:, cc:, subject: of an e-mail (its headers are kept in `extra`, a JSON
    column: SQLAlchemy hands it over as a dict)."""
    if not isinstance(extra, Mapping):
        return {}
    return {k: v for k in ixmod.MAIL_FIELDS if isinstance(v := extra.get(k), str) and v}


def load(session: Session, uids: Sequence[str]) -> dict[str, Doc]:
    docs = session.scalars(
        select(Document).where(Document.uid.in_(list(uids))).options(selectinload(Document.tags))
    )
    return {d.uid: d for d in snapshots(session, docs)}


def add(case: Case, writer: Any, d: Doc) -> None:
    """Add `d`'s entry (`entry.add_entry`), with the words the import's workers split
    for it, if any (they are taken: each is used once)."""
    split = case.split_pages.pop(d.uid, None)
    add_entry(writer, d.fields, pages_of(case, d), split)


def iter_docs(case: Case, chunk: int = 100) -> Iterator[list[Doc]]:
    with case.read_session() as s:
        ids = list(s.scalars(select(Document.id).order_by(Document.id)))
        for i in range(0, len(ids), chunk):
            part = ids[i : i + chunk]
            docs = s.scalars(
                select(Document).where(Document.id.in_(part)).options(selectinload(Document.tags))
            )
            yield snapshots(s, docs)
            s.expunge_all()
