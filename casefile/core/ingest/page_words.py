"""Each page's words as the search index reads them (`casefile.core.words`), split in
the extraction worker that already holds the page: the importing process, which writes
the database and the index one document after another, then need not (it was a tenth of
its time on short notes; docs/architecture.md, "Ingest").

The words travel joined by spaces (a word never holds one), one string per page. The
index uses them only for a page whose text is still the text they were split from
(`Case.split_pages`); anything else it splits again itself.
"""

from __future__ import annotations

from casefile.core.ingest.types import Extraction
from casefile.core.words import page_words

# Texts longer than this are split by the indexer (a long text's pages are spooled, and
# their words would double what travels back from the worker).
MAX_CHARS = 2_000_000


def with_words(ex: Extraction) -> Extraction:
    if ex.pages and not ex.spool and sum(map(len, ex.pages)) <= MAX_CHARS:
        ex.page_words = [" ".join(page_words(page)) for page in ex.pages]
    return ex
