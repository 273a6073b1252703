"""The documents of a case: each imported file's row, its pages of text, its tags, and
the saved searches over them. The core of the case database, which everything else
(entities, chronology, OCR, bundles) points at.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
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
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from casefile.core.db.schema.base import Base, utcnow
from casefile.core.vocabulary import DocumentKind, SearchSort

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
    # Latin words also find their Cyrillic spellings and back (search/translit.py).
    translit: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
