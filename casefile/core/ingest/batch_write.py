"""One batch of an import written to the case database in one transaction
(docs/architecture.md, "Ingest"): the documents, their pages, attachment links, one
audit entry each and their work items (index, entity matching, OCR). A file whose bytes
an earlier, interrupted run already wrote is skipped, so running an import again writes
each document once.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from casefile.core.db import audit, work_queue
from casefile.core.db.schema import Document
from casefile.core.ingest.attachments import link_attachments
from casefile.core.ingest.document_row import document_row
from casefile.core.ingest.intake import Item, Run
from casefile.core.ingest.names import shown
from casefile.core.ingest.page_rows import insert_pages
from casefile.core.ingest.types import Extraction

Written = list[tuple[Item, Extraction, dict[str, Any]]]


def write_batch(s: Session, run: Run, rows: list[tuple[Item, Extraction]]) -> Written:
    """Write `rows` (finished files) in the caller's transaction; returns those written
    as (item, extraction, document row)."""
    written: Written = []
    present = set(
        s.scalars(select(Document.sha256).where(Document.sha256.in_([i.sha256 for i, _ex in rows])))
    )
    for item, ex in rows:
        if item.sha256 in present:
            continue  # written by an earlier, interrupted run
        present.add(item.sha256)
        written.append((item, ex, document_row(run, item, ex, None)))
    if written:
        s.execute(insert(Document), [row for _item, _ex, row in written])
        ids = dict(
            s.execute(
                select(Document.uid, Document.id).where(
                    Document.uid.in_([row["uid"] for _item, _ex, row in written])
                )
            ).all()
        )
        insert_pages(s, [(ids[row["uid"]], ex) for _item, ex, row in written])
        link_attachments(s, [item for item, _ex, _row in written], ids)
        audit.record_many(
            s,
            "import_document",
            [
                (
                    row["uid"],
                    {
                        "title": row["title"],
                        "original_filename": row["original_filename"],
                        "sha256": row["sha256"],
                        "status": row["status"],
                        "imported_from": shown(item.path),
                    },
                )
                for item, _ex, row in written
            ],
        )
        work_queue.enqueue(s, [row["uid"] for _item, _ex, row in written], kind=work_queue.MATCH)
        work_queue.enqueue(s, [row["uid"] for _item, _ex, row in written])
        # Scans and pictures wait for OCR (core/ocr; services/ocr.py drains this).
        scans = [row["uid"] for _item, ex, row in written if ex.pages_needing_ocr]
        work_queue.enqueue(s, scans, kind=work_queue.OCR)
    return written
