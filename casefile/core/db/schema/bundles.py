"""The court bundles made from a case (migration 0012): where each was written, how it
was numbered, and where each document landed in it, so a later bundle or a reader can
cite the same pages.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from casefile.core.db.schema.base import Base, utcnow


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
