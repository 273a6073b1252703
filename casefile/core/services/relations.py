"""Use cases on relations between entities (issue 12): entity -> entity with a label,
an optional EDTF date or period, and citations (document, page, quoted words)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.core.case import Case
from casefile.core.db.schema import Document, Entity, Relation
from casefile.core.entities import relations, store
from casefile.core.entities.relations import COMMON_LABELS, CitationIn

__all__ = ["COMMON_LABELS", "CitationIn", "CitationInfo", "RelationInfo"]


@dataclass(frozen=True)
class CitationInfo:
    document_uid: str
    page: int
    start: int | None
    end: int | None
    quote: str | None


@dataclass(frozen=True)
class RelationInfo:
    uid: str
    source_uid: str
    source_name: str
    target_uid: str
    target_name: str
    label: str
    date: str | None
    notes: str | None
    citations: tuple[CitationInfo, ...]


def _relation_info(s: Session, r: Relation) -> RelationInfo:
    src, dst = s.get(Entity, r.source_id), s.get(Entity, r.target_id)
    assert src is not None and dst is not None
    uids = {
        i: u
        for i, u in s.execute(
            select(Document.id, Document.uid).where(
                Document.id.in_([c.document_id for c in r.citations])
            )
        )
    }
    return RelationInfo(
        r.uid,
        src.uid,
        src.name,
        dst.uid,
        dst.name,
        r.label,
        r.date,
        r.notes,
        tuple(
            CitationInfo(uids[c.document_id], c.page, c.start, c.end, c.quote) for c in r.citations
        ),
    )


def add_relation(
    case: Case,
    source: str,
    target: str,
    label: str,
    *,
    date: str | None = None,
    notes: str | None = None,
    citations: Sequence[CitationIn] = (),
) -> RelationInfo:
    with case.session() as s:
        r = relations.add(
            s,
            store.find(s, source),
            store.find(s, target),
            label,
            date=date,
            notes=notes,
            citations=citations,
        )
        return _relation_info(s, r)


def list_relations(case: Case, entity: str | None = None) -> list[RelationInfo]:
    with case.read_session() as s:
        e = store.find(s, entity) if entity else None
        return [_relation_info(s, r) for r in relations.of(s, e)]


def delete_relation(case: Case, uid: str) -> None:
    with case.session() as s:
        relations.remove(s, relations.find(s, uid))
