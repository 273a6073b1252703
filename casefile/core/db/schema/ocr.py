"""What OCR made of each page (migration 0011; docs/architecture.md, "OCR"): kept apart
from the page itself so that the page's own text before OCR and the provenance of the
recognised text are never lost.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from casefile.core.db.schema.base import Base, utcnow


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
