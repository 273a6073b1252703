"""Pages split into words by the extraction workers (core/ingest/page_words.py) index
exactly as their text would, and the importing process then splits none of them; a
page whose text is not the one they were split from is split again."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from casefile.core import services
from casefile.core.case import Case
from casefile.core.search import analysis
from casefile.core.search.analysis import SplitPage, paged_terms
from casefile.core.words import page_words
from tests.search_fixtures import add_document
from tests.test_search_analysis import _hostile

CASES = [
    ["O'Brien met Macy's buyer; the inhabi-\ntants of Kugeloberﬂäche", ""],
    ["Суд присяжных\u00ad заседателей: Нехлю\u200bдов, Ё-мобиль", "second page", " "],
    ["snake_case words_here and ’quoted’ l’homme", "x\u0308 и\u0301 ²³ ٣"],
]


def _same(a: tuple[analysis.Analyzed, list[int]], b: tuple[analysis.Analyzed, list[int]]) -> bool:
    return (
        a[1] == b[1]
        and list(a[0].table.items()) == list(b[0].table.items())
        and np.array_equal(a[0].ids, b[0].ids)
        and np.array_equal(a[0].positions, b[0].positions)
        and a[0].ordered == b[0].ordered
    )


def test_a_page_split_by_a_worker_indexes_as_its_text() -> None:
    rng = random.Random(11)
    documents = CASES + [
        [_hostile(rng, 60) for _ in range(rng.randrange(1, 4))] for _ in range(400)
    ]
    for pages in documents:
        split = [" ".join(page_words(p)) for p in pages]
        assert not any(" " in w for p in pages for w in page_words(p)), pages
        assert _same(paged_terms([SplitPage(s) for s in split]), paged_terms(pages)), pages
        # and in a pool's shared table, as the writer numbers them
        table_a: dict[str, int] = {"preexisting": 0}
        table_b = dict(table_a)
        assert _same(
            paged_terms([SplitPage(s) for s in split], table_a), paged_terms(pages, table_b)
        )


def _notes(folder: Path) -> list[str]:
    folder.mkdir()
    texts = [
        "Memo on O'Brien's inhabi-\ntants and the vendor Quillfeather.",
        "Показания свидетеля Очумелова о сделке с Газпромом.",
        "A plain note about the harbour contract.",
    ]
    for i, text in enumerate(texts):
        (folder / f"note{i}.txt").write_text(text, encoding="utf-8")
    return texts


def test_an_import_indexes_from_the_workers_split(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _notes(tmp_path / "notes")

    def must_not_split(low: str) -> list[str]:
        raise AssertionError("the importing process split a page the workers had split")

    monkeypatch.setattr(analysis, "words_of_folded", must_not_split)
    summary = services.import_paths(case, [tmp_path / "notes"])
    assert summary.imported == 3
    monkeypatch.undo()
    for query in ("inhabitants", "brien", "quillfeather", "Очумелов", "Газпром", "harbour"):
        assert len(services.search(case, query).hits) == 1, query
    assert case.split_pages == {}  # nothing held once indexed


def test_a_page_not_split_from_its_text_is_split_again(case: Case) -> None:
    uid = add_document(case, "Memo", ["The vendor met Quillfeather."], sync=False)
    # Words from another text (an edit or a re-read replaced the page since): ignored.
    case.split_pages[uid] = {1: (hash("Some other text."), "bogus words")}
    services.ensure_index(case)
    assert [h.uid for h in services.search(case, "quillfeather").hits] == [uid]
    assert not services.search(case, "bogus").hits
    assert case.split_pages == {}
