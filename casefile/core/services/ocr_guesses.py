"""What Casefile guesses about a document again once OCR has given it text: its kind
and its date (docs/architecture.md, OCR).

At import a scan has no text, so its kind was guessed as "other" and its date came, at
best, from the file's properties. The recognised text carries the cues the import would
have used (a court's name, a dateline at the top), so the same rules run on it. Only
Casefile's own guesses are replaced, and the new values are suggestions again, shown
for a person to confirm: a kind or date the user chose is never touched.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.core import date_rules, dates
from casefile.core.db import audit
from casefile.core.db.schema import Document
from casefile.core.ingest.kind_guess import guess_kind
from casefile.core.ingest.types import Extraction, FileType
from casefile.core.services.documents import suggested_of
from casefile.core.vocabulary import DateSource, DocumentKind, DocumentStatus


def guess_from_recognised_text(s: Session, uid: str, text: str) -> bool:
    """Guess the document's kind and date again from its recognised `text`, in the
    caller's transaction (the OCR's own); audited. True if something changed."""
    doc = s.scalar(select(Document).where(Document.uid == uid))
    if doc is None or doc.status != DocumentStatus.OK or not text.strip():
        return False
    suggested = list(suggested_of(doc))
    before = {"kind": doc.kind, "date": doc.date, "date_source": doc.date_source}
    # The kind: only the guess made without any text ("other") is made again.
    if "kind" in suggested and doc.kind == DocumentKind.OTHER:
        try:
            file_type = FileType(doc.file_type)
        except ValueError:
            file_type = FileType.UNKNOWN
        doc.kind = guess_kind(Extraction(file_type, DocumentStatus.OK, pages=[text[:3000]]))
    # The date: a dateline at the top of the text comes before the file's properties,
    # as at import (ingest/document_row.py); a date a person gave stays.
    guessed_date = doc.date is None or ("date" in suggested and doc.date_source == DateSource.FILE)
    found = date_rules.dateline(text) if guessed_date else None
    if found:
        parsed = dates.parse(found)
        if doc.date and doc.date != parsed.text:
            doc.extra = {**(doc.extra or {}), "file_date": doc.date}
        doc.date, doc.date_lower, doc.date_upper = parsed.text, parsed.lower, parsed.upper
        doc.date_source = DateSource.TEXT
        if "date" not in suggested:
            suggested.append("date")
    after = {"kind": doc.kind, "date": doc.date, "date_source": doc.date_source}
    if after == before:
        return False
    doc.suggested_fields = ",".join(suggested) or None
    audit.record(s, "guess_after_ocr", uid, before, after)
    return True
