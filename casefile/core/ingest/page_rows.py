"""Writing a document's pages into the database, for the import and for reading an
original again (`reextract`): one place, so both stream a long (spooled) document a
few hundred pages at a time (docs/architecture.md, ingest)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from casefile.core.db.schema import Page
from casefile.core.ingest.paging import INSERT_CHUNK, page_chunks
from casefile.core.ingest.types import Extraction


def insert_pages(s: Session, docs: list[tuple[int, Extraction]]) -> None:
    """All pages of a batch: short documents in one executemany, long (spooled) ones
    streamed from their spool file a few hundred pages at a time."""
    rows: list[dict[str, Any]] = []
    for doc_id, ex in docs:
        ocr = set(ex.pages_needing_ocr)
        for chunk in page_chunks(ex):
            rows.extend(
                {"document_id": doc_id, "number": n, "text": text, "needs_ocr": n in ocr}
                for n, text in chunk
            )
            if len(rows) >= INSERT_CHUNK:
                s.execute(insert(Page), rows)
                rows = []
    if rows:
        s.execute(insert(Page), rows)
