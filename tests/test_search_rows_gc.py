"""The index's decoded rows (one object per document, alive as long as the case is
open) are kept out of the garbage collector's sight: a full collection walks every
object it tracks while holding the GIL, and at 100,000 documents walking the rows
paused a search for ~110 ms (tests/perf/bench_search.py)."""

from __future__ import annotations

import gc

from casefile.core import services
from casefile.core.case import Case
from casefile.core.search.index import Row
from tests.search_fixtures import add_document


def _tracked_rows() -> int:
    return sum(1 for o in gc.get_objects() if type(o) is Row)


def test_decoded_rows_are_not_walked_by_full_collections(case: Case) -> None:
    for i in range(40):
        add_document(case, f"Note {i}", [f"Forrest met the vendor, visit {i}."], sync=False)
    services.ensure_index(case)
    hits = services.search(case, "Forrest", limit=100)
    assert hits.total == 40
    assert _tracked_rows() == 0
    # and the rows of a segment written later, decoded by the next search
    add_document(case, "Late note", ["Forrest again."])
    assert services.search(case, "Forrest", limit=100).total == 41
    assert _tracked_rows() == 0
