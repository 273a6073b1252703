"""Use cases on documents: list, read, edit, tag, delete.

Each writing function is one transaction that also records the audit entry and queues
the index update, then brings the index up to date before returning, so a search run
right after an edit sees it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from casefile.core import dates
from casefile.core.case import Case
from casefile.core.db import audit, work_queue
from casefile.core.db.schema import Document, Page, Tag, document_tag
from casefile.core.errors import DocumentNotFoundError, InvalidValueError
from casefile.core.i18n import _, ngettext
from casefile.core.services.dto import Changes, DocumentDetail, DocumentSummary, PageText
from casefile.core.services.sync import sync_index
from casefile.core.vocabulary import DateSource, DocumentKind, DocumentSort, SourceGrade, is_value

T = TypeVar("T")

SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    DocumentSort.TITLE: Document.title,
    DocumentSort.KIND: Document.kind,
    DocumentSort.DATE: Document.date_lower,
    DocumentSort.SOURCE: Document.source,
    DocumentSort.PAGES: Document.page_count,
    DocumentSort.STATUS: Document.status,
    DocumentSort.IMPORTED: Document.imported_at,
    DocumentSort.FILENAME: Document.original_filename,
}
EDITABLE = (
    "title",
    "kind",
    "date",
    "source",
    "author",
    "url",
    "reliability_source",
    "reliability_info",
    "notes",
)


def suggested_of(doc: Document) -> tuple[str, ...]:
    return tuple(x for x in (doc.suggested_fields or "").split(",") if x)


def confirm(doc: Document, fields: Iterable[str]) -> list[str]:
    """Take `fields` off the document's suggestions (a person edited or confirmed
    them); returns the ones that were suggestions."""
    had = suggested_of(doc)
    gone = [f for f in had if f in set(fields)]
    if gone:
        doc.suggested_fields = ",".join(f for f in had if f not in gone) or None
    return gone


def _langs(doc: Document) -> tuple[str, ...]:
    return tuple(x for x in (doc.languages or "").split(",") if x)


def _from_row(cls: type[T], doc: Document, **computed: Any) -> T:
    """Fill a DTO from the document's same-named columns, plus the computed fields."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    values = {n: getattr(doc, n) for n in names if n not in computed}
    return cls(**values, **computed)


def summary(doc: Document) -> DocumentSummary:
    return _from_row(
        DocumentSummary,
        doc,
        languages=_langs(doc),
        tags=tuple(sorted(t.name for t in doc.tags)),
    )


def _get(s: Session, uid: str) -> Document:
    doc = s.scalar(select(Document).where(Document.uid == uid))
    if doc is None:
        raise DocumentNotFoundError(
            _("There is no document %(uid)s in this case (it may have been deleted).")
            % {"uid": uid}
        )
    return doc


def _filtered(
    stmt: Select[Any],
    *,
    kind: str | None = None,
    status: str | None = None,
    tag: str | None = None,
    title_contains: str | None = None,
    file_type: str | None = None,
) -> Select[Any]:
    if kind:
        stmt = stmt.where(Document.kind == kind)
    if status:
        stmt = stmt.where(Document.status == status)
    if file_type:
        stmt = stmt.where(Document.file_type == file_type)
    if title_contains:
        stmt = stmt.where(Document.title.icontains(title_contains))
    if tag:
        stmt = stmt.where(
            Document.id.in_(
                select(document_tag.c.document_id)
                .join(Tag, Tag.id == document_tag.c.tag_id)
                .where(Tag.name == tag)
            )
        )
    return stmt


def _order(stmt: Select[Any], sort: str, descending: bool) -> Select[Any]:
    col = SORT_COLUMNS.get(sort)
    if col is None:
        raise InvalidValueError(
            _("Cannot sort by “%(sort)s”; choose one of: %(choices)s.")
            % {"sort": sort, "choices": ", ".join(SORT_COLUMNS)}
        )
    primary = col.desc().nulls_last() if descending else col.asc().nulls_last()
    return stmt.order_by(primary, Document.id)


def list_documents(
    case: Case,
    *,
    sort: str = "date",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    **filters: Any,
) -> list[DocumentSummary]:
    with case.read_session() as s:
        stmt = _order(_filtered(select(Document), **filters), sort, descending)
        stmt = stmt.options(selectinload(Document.tags)).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        return [summary(d) for d in s.scalars(stmt)]


def document_uids(
    case: Case, *, sort: str = "date", descending: bool = False, **filters: Any
) -> list[str]:
    """Only the ids, in display order: what a lazy table keeps in memory."""
    with case.read_session() as s:
        if sort == "date":
            # Dated first, then undated, each from the covering index: a single
            # "NULLS LAST" query would sort every row in a temporary B-tree instead.
            dated = _filtered(select(Document.uid), **filters).where(
                Document.date_lower.is_not(None)
            )
            undated = _filtered(select(Document.uid), **filters).where(
                Document.date_lower.is_(None)
            )
            if descending:
                dated = dated.order_by(Document.date_lower.desc(), Document.id.desc())
                undated = undated.order_by(Document.id.desc())
            else:
                dated = dated.order_by(Document.date_lower, Document.id)
                undated = undated.order_by(Document.id)
            conn = s.connection()  # Core rows: no ORM bookkeeping for 100,000 strings
            return list(conn.scalars(dated)) + list(conn.scalars(undated))
        stmt = _order(_filtered(select(Document.uid), **filters), sort, descending)
        return list(s.connection().scalars(stmt))


def summaries_for(case: Case, uids: Sequence[str]) -> dict[str, DocumentSummary]:
    """Rows for the uids a view is about to show (fetch on demand)."""
    with case.read_session() as s:
        docs = s.scalars(
            select(Document)
            .where(Document.uid.in_(list(uids)))
            .options(selectinload(Document.tags))
        )
        return {d.uid: summary(d) for d in docs}


def count_documents(case: Case, **filters: Any) -> int:
    with case.read_session() as s:
        return s.scalar(_filtered(select(func.count(Document.id)), **filters)) or 0


def kind_counts(case: Case) -> dict[str, int]:
    """How many documents of each kind (kinds with none are absent): one grouped query,
    where a count per kind took ten passes over a 100,000-document table."""
    with case.read_session() as s:
        rows = s.execute(select(Document.kind, func.count()).group_by(Document.kind))
        return {kind: n for kind, n in rows}


def status_counts(case: Case) -> dict[str, int]:
    with case.read_session() as s:
        rows = s.execute(select(Document.status, func.count()).group_by(Document.status))
        return {status: n for status, n in rows}


def get_document(case: Case, uid: str) -> DocumentDetail:
    with case.read_session() as s:
        doc = _get(s, uid)
        ocr = s.scalars(
            select(Page.number).where(Page.document_id == doc.id, Page.needs_ocr.is_(True))
        )
        parent_uid = parent_title = None
        if doc.parent_id is not None:
            row = s.execute(
                select(Document.uid, Document.title).where(Document.id == doc.parent_id)
            ).first()
            parent_uid, parent_title = row if row is not None else (None, None)
        children = s.execute(
            select(Document.uid, Document.title)
            .where(Document.parent_id == doc.id)
            .order_by(Document.id)
        ).all()
        return _from_row(
            DocumentDetail,
            doc,
            languages=_langs(doc),
            pages_needing_ocr=tuple(ocr),
            extra=doc.extra or {},
            tags=tuple(sorted(t.name for t in doc.tags)),
            parent_uid=parent_uid,
            child_uids=tuple(u for u, _t in children),
            suggested=suggested_of(doc),
            parent_title=parent_title,
            child_titles=tuple(t for _u, t in children),
        )


def get_page(case: Case, uid: str, number: int = 1) -> PageText:
    with case.read_session() as s:
        doc = _get(s, uid)
        if doc.page_count == 0:
            return PageText(uid, 1, 0, "", False)
        if not 1 <= number <= doc.page_count:
            raise InvalidValueError(
                ngettext(
                    "“%(title)s” has %(n)d page; there is no page %(page)s.",
                    "“%(title)s” has %(n)d pages; there is no page %(page)s.",
                    doc.page_count,
                )
                % {"title": doc.title, "n": doc.page_count, "page": number}
            )
        page = s.scalar(select(Page).where(Page.document_id == doc.id, Page.number == number))
        text = page.text if page else ""
        return PageText(uid, number, doc.page_count, text, bool(page and page.needs_ocr))


def _validated(field: str, value: Any) -> dict[str, Any]:
    """Check one edited field; returns the columns to set (a date sets its bounds too)."""
    if field not in EDITABLE:
        raise InvalidValueError(_("“%(field)s” is not a field you can edit.") % {"field": field})
    if isinstance(value, str):
        value = value.strip()
        if value == "" and field != "title":
            value = None
    if field == "title":
        if not value:
            raise InvalidValueError(_("A document needs a title."))
        return {"title": value}
    if field == "kind":
        if not is_value(DocumentKind, value):
            raise InvalidValueError(
                _("“%(kind)s” is not a document kind; choose one of: %(kinds)s.")
                % {"kind": value, "kinds": ", ".join(DocumentKind)}
            )
        return {"kind": value}
    if field == "date":
        if value is None:
            return {"date": None, "date_lower": None, "date_upper": None, "date_source": None}
        parsed = dates.parse(value)
        return {
            "date": parsed.text,
            "date_lower": parsed.lower,
            "date_upper": parsed.upper,
            "date_source": DateSource.USER,  # whatever the text or the file said before
        }
    if field == "reliability_source":
        if value is not None:
            value = str(value).upper()
            if not is_value(SourceGrade, value):
                raise InvalidValueError(
                    _(
                        "Source reliability is a letter from A (completely reliable) "
                        "to F (cannot be judged)."
                    )
                )
        return {field: value}
    if field == "reliability_info":
        if value is not None:
            try:
                value = int(value)
            except (TypeError, ValueError):
                value = 0
            if not 1 <= value <= 6:
                raise InvalidValueError(
                    _(
                        "Information credibility is a number from 1 (confirmed) "
                        "to 6 (cannot be judged)."
                    )
                )
        return {field: value}
    return {field: value}


def update_document(case: Case, uid: str, **changes: Any) -> DocumentDetail:
    """Edit metadata. Unchanged values are not written and do not reach the audit log."""
    columns: dict[str, Any] = {}
    for field, value in changes.items():
        columns.update(_validated(field, value))
    with case.session() as s:
        doc = _get(s, uid)
        before = {k: getattr(doc, k) for k, v in columns.items() if getattr(doc, k) != v}
        after = {k: v for k, v in columns.items() if getattr(doc, k) != v}
        if after:
            for k, v in after.items():
                setattr(doc, k, v)
            doc.revision += 1
            audit.record(s, "edit_document", doc.uid, before, after)
            work_queue.enqueue(s, [doc.uid])
        gone = confirm(doc, changes)  # a value a person set is no longer a suggestion
        if gone and not after:  # typed again as it was: confirmed, and the log says so
            audit.record(s, "confirm_metadata", doc.uid, None, {f: getattr(doc, f) for f in gone})
    sync_index(case, touched=[uid])
    return get_document(case, uid)


def set_tags(case: Case, uid: str, tags: Sequence[str]) -> DocumentDetail:
    wanted = sorted({t.strip() for t in tags if t.strip()})
    with case.session() as s:
        doc = _get(s, uid)
        before = sorted(t.name for t in doc.tags)
        if before != wanted:
            existing = {t.name: t for t in s.scalars(select(Tag).where(Tag.name.in_(wanted)))}
            for name in wanted:
                if name not in existing:
                    existing[name] = Tag(name=name)
                    s.add(existing[name])
            doc.tags = [existing[n] for n in wanted]
            doc.revision += 1
            audit.record(s, "set_tags", doc.uid, before, wanted)
            work_queue.enqueue(s, [doc.uid])
    sync_index(case, touched=[uid])
    return get_document(case, uid)


def add_tag(case: Case, uid: str, tag: str) -> DocumentDetail:
    return set_tags(case, uid, [*get_document(case, uid).tags, tag])


def remove_tag(case: Case, uid: str, tag: str) -> DocumentDetail:
    return set_tags(case, uid, [t for t in get_document(case, uid).tags if t != tag])


def list_tags(case: Case) -> list[tuple[str, int]]:
    """Every tag some document carries, with how many, by name. A tag left on no
    document (its last one untagged or deleted, or used only by chronology events) is
    not a way to find documents, so it is not listed ("parliament 0")."""
    with case.read_session() as s:
        rows = s.execute(
            select(Tag.name, func.count(document_tag.c.document_id))
            .join(document_tag, Tag.id == document_tag.c.tag_id)
            .group_by(Tag.id)
            .order_by(Tag.name)
        )
        return [(name, n) for name, n in rows]


def delete_document(case: Case, uid: str) -> Changes:
    """Remove a document from the case. Its original stays in the store (evidence is
    never destroyed by a click); the audit log keeps what was deleted."""
    with case.session() as s:
        doc = _get(s, uid)
        audit.record(
            s,
            "delete_document",
            doc.uid,
            {
                "title": doc.title,
                "sha256": doc.sha256,
                "original_filename": doc.original_filename,
            },
            None,
        )
        work_queue.enqueue(s, [doc.uid])
        s.delete(doc)
    sync_index(case, touched=[uid])
    return Changes(removed=frozenset([uid]), tags=True)
