"""Reading the chronology into frozen values with plain Core queries: four queries
whatever the number of events (events, citations with their documents, tags,
entities), no ORM objects. Loading 5,000 events through the ORM with three selectin
loads took 1.2-1.7 s here, too slow for a view's first paint. See docs/architecture.md
(chronology)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from casefile.core import dates
from casefile.core.chronology.flags import Support, flags_for
from casefile.core.db.schema import Document, Event, EventCitation, EventEntity, Tag, event_tag
from casefile.core.services.chronology_dto import CitationInfo, EntityRef, EventInfo


def event_infos(s: Session, ids: Select[Any], lang: str = "en") -> list[EventInfo]:
    """EventInfo for the events whose ids `ids` selects, in chronological order
    (dates.sort_key, undated last, then as added)."""
    conn = s.connection()
    in_wanted = select(ids.subquery().c[0])
    rows = conn.execute(
        select(
            Event.id,
            Event.uid,
            Event.date,
            Event.date_lower,
            Event.date_upper,
            Event.sort_key,
            Event.title,
            Event.description,
        )
        .where(Event.id.in_(in_wanted))
        .order_by(Event.sort_key.is_(None), Event.sort_key, Event.id)
    ).all()
    cites: dict[int, list[CitationInfo]] = defaultdict(list)
    for c in conn.execute(
        select(
            EventCitation.event_id,
            EventCitation.id,
            EventCitation.document_uid,
            Document.title,
            EventCitation.page,
            EventCitation.quote,
            EventCitation.start,
            EventCitation.end,
            EventCitation.lost,
            EventCitation.grade,
            Document.reliability_source,
            Document.id,
        )
        .outerjoin(Document, Document.id == EventCitation.document_id)
        .where(EventCitation.event_id.in_(in_wanted))
        .order_by(EventCitation.id)
    ):
        cites[c[0]].append(
            CitationInfo(
                id=c[1],
                document_uid=c[2],
                document_title=c[3],
                page=c[4],
                quote=c[5],
                start=c[6],
                end=c[7],
                lost=bool(c[8]) or c[11] is None,
                grade=c[9],
                source_grade=c[10],
            )
        )
    tags: dict[int, list[str]] = defaultdict(list)
    for event_id, name in conn.execute(
        select(event_tag.c.event_id, Tag.name)
        .join(Tag, Tag.id == event_tag.c.tag_id)
        .where(event_tag.c.event_id.in_(in_wanted))
        .order_by(Tag.name)
    ):
        tags[event_id].append(name)
    entities: dict[int, list[EntityRef]] = defaultdict(list)
    for event_id, name, entity_uid, relation_uid in conn.execute(
        select(
            EventEntity.event_id, EventEntity.name, EventEntity.entity_uid, EventEntity.relation_uid
        )
        .where(EventEntity.event_id.in_(in_wanted))
        .order_by(EventEntity.id)
    ):
        entities[event_id].append(EntityRef(name, entity_uid, relation_uid))
    out = []
    for r in rows:
        its = tuple(cites.get(r.id, ()))
        supports = [Support(c.document_uid, c.source_grade, c.grade, c.lost) for c in its]
        out.append(
            EventInfo(
                uid=r.uid,
                date=r.date,
                date_words=dates.describe(r.date, lang),
                precision=dates.precision(r.date) if r.date else None,
                date_lower=r.date_lower,
                date_upper=r.date_upper,
                sort_key=r.sort_key,
                title=r.title,
                description=r.description,
                tags=tuple(tags.get(r.id, ())),
                entities=tuple(entities.get(r.id, ())),
                citations=its,
                flags=flags_for(supports),
            )
        )
    return out
