"""Relations between entities: who owns, controls, employs, supplied or sanctioned whom,
when (EDTF), and on what evidence (citations: document, page, quoted words)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from casefile.core import dates
from casefile.core.db import audit
from casefile.core.db.schema import Document, Entity, Page, Relation, RelationCitation
from casefile.core.errors import InvalidValueError
from casefile.core.i18n import _

# Offered first by the faces; any other label is free text.
COMMON_LABELS = (
    "owns",
    "controls",
    "employs",
    "contracted with",
    "supplied",
    "sanctioned by",
    "regulated by",
    "director of",
    "subsidiary of",
)


@dataclass(frozen=True)
class CitationIn:
    """A citation as the user gives it: a document, a page and, optionally, a span or
    the quoted words."""

    document_uid: str
    page: int = 1
    start: int | None = None
    end: int | None = None
    quote: str | None = None


def _snapshot(r: Relation, s: Session) -> dict[str, object]:
    src, dst = s.get(Entity, r.source_id), s.get(Entity, r.target_id)
    return {
        "uid": r.uid,
        "from": src.uid if src else None,
        "to": dst.uid if dst else None,
        "label": r.label,
        "date": r.date,
        "citations": [
            {"document_id": c.document_id, "page": c.page, "quote": c.quote} for c in r.citations
        ],
    }


def add(
    s: Session,
    source: Entity,
    target: Entity,
    label: str,
    *,
    date: str | None = None,
    notes: str | None = None,
    citations: Sequence[CitationIn] = (),
) -> Relation:
    label = " ".join(label.split())
    if not label:
        raise InvalidValueError(_("A relation needs a label, such as “owns” or “employs”."))
    if source.id == target.id:
        raise InvalidValueError(_("A relation links two different entities."))
    if date:
        dates.parse(date)  # a readable message for a date EDTF cannot read
    r = Relation(
        uid=uuid.uuid4().hex,
        source_id=source.id,
        target_id=target.id,
        label=label,
        date=date or None,
        notes=notes or None,
    )
    for c in citations:
        r.citations.append(_citation(s, c))
    s.add(r)
    s.flush()
    audit.record(s, "relation.add", r.uid, after=_snapshot(r, s))
    return r


def _citation(s: Session, c: CitationIn) -> RelationCitation:
    doc = s.scalar(select(Document).where(Document.uid == c.document_uid))
    if doc is None:
        raise InvalidValueError(
            _("There is no document %(uid)s in this case.") % {"uid": c.document_uid}
        )
    text = s.scalar(select(Page.text).where(Page.document_id == doc.id, Page.number == c.page))
    if text is None:
        raise InvalidValueError(
            _("“%(title)s” has no page %(page)s.") % {"title": doc.title, "page": c.page}
        )
    quote = c.quote
    if c.start is not None and c.end is not None:
        if not (0 <= c.start < c.end <= len(text)):
            raise InvalidValueError(
                _("Characters %(start)s-%(end)s are not on page %(page)s.")
                % {"start": c.start, "end": c.end, "page": c.page}
            )
        quote = quote or text[c.start : c.end]
    return RelationCitation(document_id=doc.id, page=c.page, start=c.start, end=c.end, quote=quote)


def remove(s: Session, r: Relation) -> None:
    audit.record(s, "relation.delete", r.uid, before=_snapshot(r, s))
    s.delete(r)
    s.flush()


def find(s: Session, uid: str) -> Relation:
    rows = list(s.scalars(select(Relation).where(Relation.uid.startswith(uid.lower()))))
    if len(rows) != 1:
        raise InvalidValueError(
            _("No single relation has the id “%(uid)s”; 'casefile relation list' shows them.")
            % {"uid": uid}
        )
    return rows[0]


def of(s: Session, entity: Entity | None = None) -> list[Relation]:
    stmt = select(Relation).order_by(Relation.id)
    if entity is not None:
        stmt = stmt.where(or_(Relation.source_id == entity.id, Relation.target_id == entity.id))
    return list(s.scalars(stmt))
