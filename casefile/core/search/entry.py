"""One document's index entry added to a writer, from its fields and pages: the part of
`doc_source.add` that needs no database, so an extraction worker can build a segment of
an import's documents too (`segment_task.py`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from casefile.core.search import index as ixmod
from casefile.core.search.analysis import SplitPage, paged_terms

# A page's words as an extraction worker split them: page number -> (hash of the page
# text, the words joined by spaces), see `casefile.core.ingest.page_words`.
Split = Mapping[int, tuple[int, str]]


def add_entry(
    writer: Any,
    fields: Mapping[str, Any],
    pages: Iterable[tuple[int, str]],
    split: Split | None = None,
) -> None:
    """One index entry per document (see `index`'s docstring): every page in one
    position space, the page starts in the `pagemap` column. Pages are consumed one at
    a time, so a streamed document never has all its text in memory."""
    numbers: list[int] = []

    def texts() -> Iterator[str]:
        for number, text in pages:
            numbers.append(number)
            known = split.get(number) if split else None
            yield SplitPage(known[1]) if known and known[0] == hash(text) else text

    term_table = getattr(writer, "term_table", None)  # CaseWriter's (see `Analyzed`)
    analyzed, starts = paged_terms(texts(), term_table("text") if term_table else None)
    entry = dict(fields)
    entry["text"] = analyzed
    entry["pagemap"] = ixmod.encode_pagemap(numbers, starts)
    writer.add_document(**entry)
