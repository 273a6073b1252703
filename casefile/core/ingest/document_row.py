"""What a new document's database row says, from its file and its extraction: title,
kind guess, date and where the date came from, names kept losslessly, and which of
these Casefile filled in itself (shown as suggestions until a person confirms them).
Split from the importer, which decides when rows are written (docs/architecture.md,
ingest)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import casefile
from casefile.core import dates
from casefile.core.db.schema import utcnow
from casefile.core.errors import InvalidValueError
from casefile.core.ingest.guesses import text_guesses
from casefile.core.ingest.intake import Item, Run
from casefile.core.ingest.names import raw_hex, shown
from casefile.core.ingest.types import Extraction, FileType
from casefile.core.vocabulary import DateSource


def _title_for(item: Item, ex: Extraction) -> str:
    title = (ex.title or "").strip()
    if title and len(title) < 500:
        return shown(title)
    return shown(Path(item.name).stem or item.name) or "Untitled"


def _date_of(
    ex: Extraction, dateline: str | None
) -> tuple[str | None, str | None, str | None, str | None]:
    """The document's date, bounds and where it came from: the dateline at the top of
    the text (an article's or filing's own date) before the file's properties, which
    often give the day the file was saved (python-docx's template says 2013-12-23); an
    e-mail's Date header as it is. See docs/architecture.md (chronology)."""
    mail = ex.file_type in (FileType.EMAIL, FileType.MSG)
    candidates: list[tuple[str | None, DateSource]] = []
    if not mail:
        candidates.append((dateline, DateSource.TEXT))
    candidates.append((ex.date, DateSource.EMAIL if mail else DateSource.FILE))
    for value, source in candidates:
        if not value:
            continue
        try:
            parsed = dates.parse(value)
        except InvalidValueError:
            continue
        return parsed.text, parsed.lower, parsed.upper, source
    return None, None, None, None


def document_row(run: Run, item: Item, ex: Extraction, parent_id: int | None) -> dict[str, Any]:
    """The document's columns as plain values: a batch is written with Core
    executemany inserts, which cost a fraction of ORM objects (~0.5 ms a file)."""
    dateline, kind = ex.guesses if ex.guesses is not None else text_guesses(ex)
    date_text, lower, upper, date_source = _date_of(ex, dateline)
    extra = {key: shown(value) for key, value in ex.metadata.items()}
    if date_source == DateSource.TEXT and ex.date and ex.date != date_text:
        extra["file_date"] = ex.date  # what the file's properties said, kept for the record
    if item.path != item.stored:
        extra.setdefault("imported_from", shown(item.path))
        if raw_hex(item.path):  # not UTF-8: keep the exact bytes too (see names.py)
            extra["imported_from_bytes"] = raw_hex(item.path) or ""
    if raw_hex(item.name):
        extra["original_filename_bytes"] = raw_hex(item.name) or ""
    if item.link_target:
        extra["link_target"] = shown(item.link_target)
    return {
        "uid": item.uid,
        "title": _title_for(item, ex),
        "kind": run.options.kind or kind,
        "date": date_text,
        "date_lower": lower,
        "date_upper": upper,
        "date_source": date_source,
        "source": run.options.source,
        "author": shown(ex.author) if ex.author else None,
        "languages": ",".join(ex.languages) or None,
        "sha256": item.sha256,
        "size": item.size,
        "original_filename": shown(item.name),
        "file_type": str(ex.file_type),
        "imported_at": utcnow(),
        "importer_version": casefile.__version__,
        "status": str(ex.status),
        "status_reason": ex.reason,
        "page_count": ex.page_count,
        "encoding": ex.encoding,
        "extra": extra or None,
        "parent_id": parent_id,
        # What Casefile guessed (not given by the user): shown as suggestions to confirm.
        "suggested_fields": ",".join(
            name
            for name, guessed in (
                ("title", True),
                ("kind", not run.options.kind),
                ("date", date_text is not None),
                ("author", bool(ex.author)),
            )
            if guessed
        ),
        "revision": 1,
        "indexed_revision": 0,
    }
