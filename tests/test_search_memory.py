"""An open case does not copy its index into memory (docs/architecture.md, "Search").

Whoosh hands each file of a compound segment out through `io.BytesIO(view)`, which
copies it: opening a searcher copied the whole postings file into the process (0.7 GB at
100,000 documents, and a rebuild, which reconciles the old index first, peaked at
1.8 GB). `search/mapped_files.py` reads the mapped segment in place."""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

from casefile.core import services
from casefile.core.case import Case
from casefile.core.search.indexer import attach
from tests.search_fixtures import add_document


def _words(n: int) -> list[str]:
    rng = random.Random(5)
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randrange(4, 10))) for _ in range(n)]


def test_opening_the_index_does_not_copy_its_postings(case: Case) -> None:
    vocabulary = _words(4000)
    rng = random.Random(9)
    for i in range(300):
        text = " ".join(rng.choice(vocabulary) for _ in range(1500))
        add_document(case, f"Note {i}", [text], sync=False)
    add_document(case, "Marker", ["a quixotic zeppelin"], sync=False)
    services.reindex(case)  # one optimised segment, in one compound file
    postings = sum(f.stat().st_size for f in Path(case.path, "index").glob("*.seg"))
    assert postings > 2_000_000
    si = attach(case)
    with si.lock:
        si.close_searcher()

    tracemalloc.start()
    try:
        found = services.search(case, "zeppelin")
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert [h.title for h in found.hits] == ["Marker"]
    # What the search keeps allocated is a small fraction of the segment (the copy
    # alone was the segment's whole postings file).
    assert held < postings / 4, (held, postings)
