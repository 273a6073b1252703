"""The segment writer of case indexes: Whoosh's, with a fast path for the page text.

A document's page text arrives analysed (`analysis.Analyzed`: its words numbered in the
pool's term table, `term_table`, with their positions). Whoosh's `add_document` would
turn that into one posting at a time through three nested generators (the format's
`word_values`, the field's `index`, its own loop) and one `pool.add` call per posting;
on a 3 KB note that was a quarter of indexing time (py-spy, `tests/perf/bench_search.py`
rebuild). Here the postings of an analysed field go to the pool in one call per document
(`GroupedPostingPool.add_analyzed`), with the same bytes, weights and field length
Whoosh would have written. Every other field, and any value that is not analysed in
advance, takes Whoosh's own path unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from whoosh.writing import SegmentWriter

from casefile.core.search.analysis import Analyzed, ScriptPositions


class CaseWriter(SegmentWriter):  # type: ignore[misc]
    # Segments built elsewhere (an extraction worker, `segment_task.py`) to list with
    # this writer's own in the table of contents its commit writes: asked for then, so
    # they are built while this writer writes its segment.
    joining: Callable[[], list[Any]] | None = None

    def _commit_toc(self, segments: list[Any]) -> None:
        if self.joining is not None:
            segments = [*segments, *self.joining()]
        super()._commit_toc(segments)

    def add_document(self, **fields: Any) -> None:
        fast = {
            name: value
            for name, value in fields.items()
            if isinstance(value, Analyzed) and self._fast_field(name)
        }
        if not fast:
            super().add_document(**fields)
            return
        # Whoosh's add_document for the other fields, bracketed by our own start and
        # finish of the document, so the analysed fields' lengths join the same row.
        self._check_state()
        perdoc = self.perdocwriter
        docnum = self.docnum
        finish_doc = perdoc.finish_doc
        lengths: dict[str, int] = {}
        docboost = self._doc_boost(fields)
        for name, value in fast.items():
            field = self.schema[name]
            boost = field.format.field_boost
            fieldboost = self._field_boost(fields, name, docboost)
            lengths[name] = self.pool.add_analyzed(name, docnum, value, boost, fieldboost)
        rest = {k: v for k, v in fields.items() if k not in fast}

        def finish_with_lengths() -> None:
            for name in sorted(fast):
                perdoc.add_field(name, self.schema[name], None, lengths[name])
            finish_doc()

        perdoc.finish_doc = finish_with_lengths  # an instance attribute, removed below
        try:
            super().add_document(**rest)
        finally:
            del perdoc.finish_doc

    def term_table(self, name: str) -> dict[str, int] | None:
        """The table to number the words of field `name` in (see `Analyzed`), when its
        values take the fast path."""
        if not self._fast_field(name):
            return None
        table: dict[str, int] = self.pool.term_table(name)
        return table

    def _fast_field(self, name: str) -> bool:
        if name not in self.schema:
            return False
        field = self.schema[name]
        return bool(
            field.indexed
            and field.scorable
            and isinstance(field.format, ScriptPositions)
            and not field.vector
            and not field.separate_spelling()
            and not field.stored
            and not field.column_type
        )
