"""What a document's row guesses from its text — the dateline at the top of the first
page and a kind — made in the extraction worker that already holds the text.

Both are regular expressions over the opening text, ~0.4 ms a note: in the importing
process, the one that writes the database and the index, they were a tenth of its time
on short notes, while a worker computes them alongside the other cores' work. They are
made from the extraction exactly as it reaches the importer (after `paging.spool`), so
`document_row` gets the same answers wherever they were computed.
"""

from __future__ import annotations

from casefile.core import date_rules
from casefile.core.ingest.kind_guess import guess_kind
from casefile.core.ingest.paging import iter_spool
from casefile.core.ingest.types import Extraction, FileType


def first_page(ex: Extraction) -> str:
    """The first page's text, also of a long document whose pages wait in a spool."""
    if ex.pages:
        return ex.pages[0]
    for page in iter_spool(ex.spool) if ex.spool else ():
        return page  # the generator, dropped here, closes its file
    return ""


def text_guesses(ex: Extraction) -> tuple[str | None, str]:
    """(the dateline of the first page, or None for e-mail, whose Date header is its
    date; the guessed kind)."""
    mail = ex.file_type in (FileType.EMAIL, FileType.MSG)
    return (None if mail else date_rules.dateline(first_page(ex))), guess_kind(ex)


def with_guesses(ex: Extraction) -> Extraction:
    ex.guesses = text_guesses(ex)
    return ex
