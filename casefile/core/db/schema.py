"""The case database: SQLAlchemy 2 typed models.

The database is the truth (docs/architecture.md, the case folder): every thing the user
made lives here, and the search index is derived from it. Schema changes are Alembic
migrations in `casefile/core/db/migrations/versions`; never change a table here without
adding one.
Entities, events, relations and citations arrive in later migrations.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from casefile.core.vocabulary import DocumentKind, SearchSort


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


document_tag = Table(
    "document_tag",
    Base.metadata,
    Column("document_id", ForeignKey("document.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
)


class Document(Base):
    __tablename__ = "document"
    # The default listing order, served from the index alone (migration 0002).
    __table_args__ = (Index("ix_document_date_order", "date_lower", "id", "uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32), default=DocumentKind.OTHER.value)  # DocumentKind
    # EDTF as typed, plus its strict bounds (ISO dates) for sorting and range queries.
    date: Mapped[str | None] = mapped_column(String(64))
    date_lower: Mapped[str | None] = mapped_column(String(10), index=True)
    date_upper: Mapped[str | None] = mapped_column(String(10))
    # Where the date came from (migration 0010): user, text (the dateline), file (PDF
    # or DOCX properties, often the day a file was saved), email (its Date header).
    date_source: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    languages: Mapped[str | None] = mapped_column(String(64))  # "ru,en"
    reliability_source: Mapped[str | None] = mapped_column(String(1))  # SourceGrade
    reliability_info: Mapped[int | None] = mapped_column(Integer)  # InfoGrade
    notes: Mapped[str | None] = mapped_column(Text)
    # Fields Casefile filled in itself, not yet confirmed by a person: "title,kind,date"
    # (migration 0005). Editing or confirming a field takes it off.
    suggested_fields: Mapped[str | None] = mapped_column(Text)

    # The original, as evidence.
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    original_filename: Mapped[str] = mapped_column(Text)
    file_type: Mapped[str] = mapped_column(String(16))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    importer_version: Mapped[str] = mapped_column(String(32))

    # What became of the text: a `vocabulary.DocumentStatus`.
    status: Mapped[str] = mapped_column(String(24), index=True)
    status_reason: Mapped[str | None] = mapped_column(Text)
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    encoding: Mapped[str | None] = mapped_column(String(32))
    # E-mail headers, PDF producer… Stored as JSON text (Case's engine writes it unescaped,
    # as hand-made json.dumps(…, ensure_ascii=False) did: old rows read the same).
    extra: Mapped[dict[str, str] | None] = mapped_column(JSON(none_as_null=True))

    # An e-mail attachment points at its message.
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), index=True
    )

    # Bumped by every change the index must see; the index records what it holds.
    revision: Mapped[int] = mapped_column(Integer, default=1)
    indexed_revision: Mapped[int] = mapped_column(Integer, default=0)

    pages: Mapped[list[Page]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        order_by="Page.number",
        passive_deletes=True,
    )
    tags: Mapped[list[Tag]] = relationship(secondary=document_tag, back_populates="documents")


class Page(Base):
    __tablename__ = "page"
    # The pages waiting for OCR, found without reading every page (migration 0011);
    # a query uses it only when it says `needs_ocr = 1` literally (core/ocr/store.py).
    __table_args__ = (
        UniqueConstraint("document_id", "number"),
        Index("ix_page_needs_ocr", "document_id", sqlite_where=text("needs_ocr = 1")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)  # 1-based
    text: Mapped[str] = mapped_column(Text, default="")
    needs_ocr: Mapped[bool] = mapped_column(Boolean, default=False)

    document: Mapped[Document] = relationship(back_populates="pages")


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)

    documents: Mapped[list[Document]] = relationship(secondary=document_tag, back_populates="tags")


class SavedSearch(Base):
    __tablename__ = "saved_search"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    query: Mapped[str] = mapped_column(Text)
    sort: Mapped[str] = mapped_column(String(16), default=SearchSort.RELEVANCE.value)
    exact: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditEntry(Base):
    """Append-only record of every user action: who, when, what, before/after (JSON),
    sealed into a hash chain."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str | None] = mapped_column(String(200))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    # The hash chain (migration 0003, see `audit.py`): this entry's seal and the one
    # before it.
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class WorkItem(Base):
    """Work recorded in the same transaction as the change that needs it (index
    updates, later mention matching), so a crash before it is done is resumed on open."""

    __tablename__ = "work_queue"
    __table_args__ = (Index("ix_work_queue_kind", "kind", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # "index"
    document_uid: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CaseInfo(Base):
    """Key/value facts about the case itself: its title, creation time, creator."""

    __tablename__ = "case_info"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


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


# -- the chronology (migration 0010) ---------------------------------------------------

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


# -- OCR (migration 0011) --------------------------------------------------------------


class PageOcr(Base):
    """What OCR made of one page (core/ocr): the recognised text (also written to
    `page.text`, which the index, the matcher and the date suggester read), the page's
    own text before it (a PDF's garbled text layer is kept, never lost), and provenance:
    engine and version, languages and the exact language data, resolution. Word boxes
    are one compact JSON array (core/ocr/boxes.py). `error` says why a page was not
    recognised (refused, timed out); such a page keeps its old text."""

    __tablename__ = "page_ocr"
    __table_args__ = (UniqueConstraint("document_id", "page"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    page: Mapped[int] = mapped_column(Integer)  # 1-based
    text: Mapped[str] = mapped_column(Text, default="")
    layer_text: Mapped[str | None] = mapped_column(Text)  # the page's text before OCR
    confidence: Mapped[float | None] = mapped_column(Float)  # mean word confidence, 0-100
    engine: Mapped[str] = mapped_column(String(32), default="tesseract")
    engine_version: Mapped[str] = mapped_column(String(32), default="")
    languages: Mapped[str] = mapped_column(String(64), default="")  # "rus+eng"
    language_data: Mapped[str | None] = mapped_column(Text)  # JSON: lang -> sha256, package
    dpi: Mapped[int] = mapped_column(Integer, default=0)
    boxes: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# -- court bundles (migration 0012) ----------------------------------------------------


class Bundle(Base):
    """A PDF court bundle made from the case: where it was written and how it was
    numbered. Its documents' places are `BundleDocument` rows."""

    __tablename__ = "bundle"

    id: Mapped[int] = mapped_column(primary_key=True)
    made_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    title: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(Text)  # the file (or first volume) as written
    page_style: Mapped[str] = mapped_column(String(16))  # export.bundle.PageStyle
    volumes: Mapped[int] = mapped_column(Integer, default=1)
    pages: Mapped[int] = mapped_column(Integer)


class BundleDocument(Base):
    """Where a document landed in a bundle: pages are numbers within its volume (its PDF
    page numbers); `page_starts` (JSON list) gives, for a typeset document, the bundle
    page on which each of its text pages begins."""

    __tablename__ = "bundle_document"

    bundle_id: Mapped[int] = mapped_column(
        ForeignKey("bundle.id", ondelete="CASCADE"), primary_key=True
    )
    document_uid: Mapped[str] = mapped_column(String(32), primary_key=True)
    section: Mapped[str] = mapped_column(String(8))
    volume: Mapped[int] = mapped_column(Integer, default=1)
    first_page: Mapped[int] = mapped_column(Integer)
    last_page: Mapped[int] = mapped_column(Integer)
    first_label: Mapped[str] = mapped_column(String(16))
    last_label: Mapped[str] = mapped_column(String(16))
    reproduction: Mapped[str] = mapped_column(String(16))  # export.bundle.Reproduction
    page_starts: Mapped[str | None] = mapped_column(Text)
