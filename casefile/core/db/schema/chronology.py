"""The chronology (migration 0010; docs/architecture.md, "Chronology"): dated events,
their tags, the entities involved, the citations they rest on, and the date
suggestions the user turned down.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from casefile.core.db.schema.base import Base, utcnow
from casefile.core.db.schema.documents import Tag

event_tag = Table(
    "event_tag",
    Base.metadata,
    Column("event_id", ForeignKey("event.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
)


class Event(Base):
    """A dated event of the chronology. `date` is EDTF as typed; its bounds serve range
    filters and `sort_key` (dates.sort_key: first day, then precision) the order."""

    __tablename__ = "event"
    __table_args__ = (Index("ix_event_order", "sort_key", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    date: Mapped[str | None] = mapped_column(String(64))
    date_lower: Mapped[str | None] = mapped_column(String(10))
    date_upper: Mapped[str | None] = mapped_column(String(10))
    sort_key: Mapped[str | None] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    tags: Mapped[list[Tag]] = relationship(secondary=event_tag)
    citations: Mapped[list[EventCitation]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="EventCitation.id"
    )
    entities: Mapped[list[EventEntity]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="EventEntity.id"
    )


class EventEntity(Base):
    """An entity involved in an event, by the entity's uid (the entity table's own key,
    joined when needed) and the name as shown, which survives the entity's deletion."""

    __tablename__ = "event_entity"
    __table_args__ = (UniqueConstraint("event_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    entity_uid: Mapped[str | None] = mapped_column(String(32), index=True)
    relation_uid: Mapped[str | None] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(Text)


class EventCitation(Base):
    """Where an event is shown: a document, a page, the quoted words (kept as text, so
    they survive re-extraction and can be found again) and their offsets in the page."""

    __tablename__ = "event_citation"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), index=True
    )
    document_uid: Mapped[str] = mapped_column(String(32))  # kept when the document goes
    page: Mapped[int] = mapped_column(Integer, default=1)
    quote: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    lost: Mapped[bool] = mapped_column(Boolean, default=False)  # quote not on the page now
    grade: Mapped[int | None] = mapped_column(Integer)  # Admiralty information 1–6


class DateDismissal(Base):
    """A date suggestion the user turned down, by document and a hash of (date, phrase,
    sentence), so it stays down after re-extraction moves it."""

    __tablename__ = "date_dismissal"

    document_uid: Mapped[str] = mapped_column(String(32), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
