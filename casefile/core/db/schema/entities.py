"""The entities of a case (migration 0009 and later; docs/architecture.md, "Entities"):
people, organisations, places… with their aliases, where they are mentioned, the
relations between them, and what the suggestion reader found or was told to ignore.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from casefile.core.db.schema.base import Base, utcnow


class Entity(Base):
    """A real-world party the case is about: a person, an organisation, a place…
    (migration 0009). Its names live in `EntityAlias`; where it is named, in `Mention`."""

    __tablename__ = "entity"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(32), default="other")  # vocabulary.EntityKind
    name: Mapped[str] = mapped_column(Text)  # the canonical name
    notes: Mapped[str | None] = mapped_column(Text)
    reliability_source: Mapped[str | None] = mapped_column(String(1))  # Admiralty A–F
    reliability_info: Mapped[int | None] = mapped_column(Integer)  # Admiralty 1–6
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    aliases: Mapped[list[EntityAlias]] = relationship(
        back_populates="entity",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EntityAlias.id",
    )


class EntityAlias(Base):
    """A name an entity is found under, in any script. A weak alias (an acronym, a short
    form) counts only where written exactly; a former name is kept for the record."""

    __tablename__ = "entity_alias"
    __table_args__ = (UniqueConstraint("entity_id", "text"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    weak: Mapped[bool] = mapped_column(Boolean, default=False)
    former: Mapped[bool] = mapped_column(Boolean, default=False)

    entity: Mapped[Entity] = relationship(back_populates="aliases")


class Mention(Base):
    """An entity named at a span of a page (code points). Automatic mentions are
    replaced whenever the document is matched again; manual ones and rejected ones (a
    wrong automatic hit the user turned down) survive that. Two indexes only: matching
    writes ~100 mentions per document, and each index costs every insert."""

    __tablename__ = "mention"
    __table_args__ = (Index("ix_mention_document", "document_id", "page"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    page: Mapped[int] = mapped_column(Integer)  # page number, 1-based
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    alias_id: Mapped[int | None] = mapped_column(ForeignKey("entity_alias.id", ondelete="SET NULL"))
    manual: Mapped[bool] = mapped_column(Boolean, default=False)
    rejected: Mapped[bool] = mapped_column(Boolean, default=False)


class Relation(Base):
    """Entity -> entity with a label (owns, employs, sanctioned by… or free text), an
    optional EDTF date or period, and the citations it rests on."""

    __tablename__ = "relation"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    citations: Mapped[list[RelationCitation]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="RelationCitation.id"
    )


class RelationCitation(Base):
    """Where a relation is shown: a document, a page and the quoted words."""

    __tablename__ = "relation_citation"

    id: Mapped[int] = mapped_column(primary_key=True)
    relation_id: Mapped[int] = mapped_column(
        ForeignKey("relation.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    page: Mapped[int] = mapped_column(Integer, default=1)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(Text)


class SuggestionDismissal(Base):
    """A suggested name the user said is not an entity; never suggested again."""

    __tablename__ = "suggestion_dismissal"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)  # the folded lemma
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SuggestionRead(Base):
    """What the suggestion reader found in one document (migration 0014), so that a
    run stopped midway resumes where it stopped and a later run reads only documents
    that are new or whose text changed (`digest` covers the text and the rules)."""

    __tablename__ = "suggestion_read"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True
    )
    digest: Mapped[str] = mapped_column(String(64))
    finds: Mapped[str] = mapped_column(Text)  # JSON: [[text, kind, rule, initial], …]
