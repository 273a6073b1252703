"""Each term's document numbers and weights as arrays beside its posting blocks
(core/search/doc_ids.py): the arrays hold exactly the blocks' postings, and searches
answered from them are the blocks' and Whoosh's own answers, on indexes built here to
be awkward (several segments, deleted documents, a word in one document, in exactly
the inlining limit, in every document, gaps of hundreds of documents, Cyrillic and
Greek words, words repeated on a page, documents of one page and of several)."""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import FilterMatcher, binary

from casefile.core import services
from casefile.core.case import Case
from casefile.core.search import codec, doc_ids, docsets, pages, posting_blocks, results
from casefile.core.search import index as ixmod
from casefile.core.search.case_index import attach
from tests.search_fixtures import ProgressRecorder, add_document

WORDS = [
    "court",
    "courts",
    "the",
    "of",
    "appeal",
    "appeals",
    "evidence",
    "veteran",
    "суд",
    "суда",
    "судом",
    "судья",
    "приговор",
    "ёлка",
    "ёлки",
    "Ёжик",
    "δικαστήριο",
    "δικαστηρίου",
    "следователь",
    "судебный",
]
QUERIES = [
    "court",
    "суд",
    "ёлка",
    "δικαστήριο",
    "everywhere",
    "lonely",
    "eightfold",
    "farapart",
    '"the court"',
    '"судебный следователь"',
    "court приговор",
    "court everywhere",
    "appeal -veteran",
    "everywhere -farapart",
    "(суд OR court) AND evidence",
    "court OR (суд -приговор)",
    "суд*",
    "kind:report appeal",
    "date:[2010 TO 2015] суд",
    '"the court" -appeal',
]
VARIANTS: tuple[dict[str, Any], ...] = ({}, {"limit": 3}, {"sort": "date"}, {"page": 2, "limit": 4})


def _build(case: Case) -> Case:
    rng = random.Random(11)
    uids = []
    for i in range(330):
        n_pages = 1 if i % 4 else 3
        pages_ = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 25))) for _ in range(n_pages)
        ]
        pages_[0] += " everywhere" * (1 + i % 3)  # in every document, 1-3 times
        pages_[-1] += " court суд ёлка"  # more than one block in the larger segments
        if i == 17:
            pages_[-1] += " lonely"  # in one document: inlined, no arrays
        if i % 40 == 3:
            pages_[0] += " eightfold"  # in exactly INLINE_LIMIT documents
        if i in (2, 290):
            pages_[0] += " farapart"  # 288 documents apart: two-byte gaps
        if i % 7 == 0:
            pages_[-1] += " the court судебный следователь"
        uids.append(
            add_document(
                case,
                f"Doc {i} {rng.choice(WORDS)}",
                pages_,
                kind=rng.choice(["report", "note"]),
                date=f"{rng.randint(2005, 2020)}-0{rng.randint(1, 9)}",
                # commits of different sizes: several segments, not all merged
                sync=i in (40, 41, 200, 329),
            )
        )
    for uid in uids[::13]:  # deleted entries inside the segments
        services.delete_document(case, uid)
    return case


@pytest.fixture
def awkward(case: Case) -> Case:
    return _build(case)


def _walk(m: Any) -> tuple[list[int], list[float]]:
    ids, weights = [], []
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        m.next()
    return ids, weights


def _blocks(m: Any) -> tuple[list[int], list[int]]:
    """Where each of the term's posting blocks starts, walked header by header, and the
    postings up to the end of each."""
    starts, ends = [], []
    at = m._startoffset + 4  # after the postings' magic number
    while True:
        posting_blocks.goto(m, at)
        starts.append(at)
        ends.append((ends[-1] if ends else 0) + m._blocklength)
        if m._lastblock:
            return starts, ends
        at = m._nextoffset


@pytest.mark.slow
def test_arrays_hold_every_term_s_block_postings(awkward: Case) -> None:
    reader = attach(awkward).searcher().reader()
    segments = with_arrays = 0
    for leaf, _off in reader.leaf_readers():
        segments += 1
        for fieldname, text in leaf.all_terms():
            m = leaf.postings(fieldname, text)
            while type(m) is FilterMatcher:  # the arrays keep deleted documents too
                m = m.child
                m.reset()  # the filter moved it past a deleted first document
            dense = doc_ids.lookup(leaf, m) if type(m) is W3LeafMatcher else None
            if type(m) is not W3LeafMatcher:
                assert leaf.doc_frequency(fieldname, text) < codec.INLINE_LIMIT
                continue
            if leaf.doc_frequency(fieldname, text) <= 128:  # one block: no arrays
                assert dense is None, (fieldname, text)
                continue
            assert dense is not None, (fieldname, text)
            ids, weights = _walk(m)
            assert dense.all.tolist() == ids, (fieldname, text)
            at, got = dense.weights_at(dense.all)
            assert at.tolist() == list(range(len(ids)))
            assert got.tolist() == weights, (fieldname, text)  # the same float64 values
            block_map = dense.block_map()
            assert block_map is not None
            assert (block_map[0], block_map[1].tolist()) == _blocks(m), (fieldname, text)
            with_arrays += 1
    assert segments >= 2
    assert with_arrays >= 8


class _Bytes(io.BytesIO):
    def close(self) -> None:  # the writer closes its file; the test reads it after
        pass


def test_arrays_round_trip_every_encoding() -> None:
    """One-, two- and four-byte document numbers; equal, whole and fractional weights."""
    terms = {
        100: (list(range(0, 600, 3)), [1.0] * 200),
        600: (list(range(0, 90_000, 300)), [2.0] * 300),
        900: ([5, 300, 70_000, 70_001], [1.5, 2.25, 0.1, 7.0]),
        2000: ([9], [3.0]),
        3000: (list(range(40, 1040, 5)), [float(1 + i % 4) for i in range(200)]),
        4000: (list(range(7, 5000, 50)), [float(1 + i % 40) for i in range(100)]),
        5000: (list(range(3, 10)), [1.0, 2.0, 0.0, 15.0, 3.0, 1.0, 4.0]),
    }
    f = _Bytes()
    w = doc_ids.Writer(f)
    for start, (ids, weights) in terms.items():
        half = len(ids) // 2
        w.block(ids[:half], weights[:half], 4)
        w.block(ids[half:], weights[half:], 40 + start)
        w.term(start)
    w.close()
    table = doc_ids._Table(io.BytesIO(f.getvalue()))
    assert sorted(int(x) for x in table.entries["idw"]) == [1, 1, 1, 1, 1, 2, 4]
    assert sorted(int(x) for x in table.entries["ww"]) == [0, 0, 0, 1, 2, 2, 4]
    for start, (ids, weights) in terms.items():
        dense = table.get(start)
        assert dense is not None
        assert dense.all.tolist() == ids
        probe = np.array([ids[0] - 1, *ids, ids[-1] + 1], dtype=np.int64)
        at, got = dense.weights_at(probe)
        assert at.tolist() == list(range(1, len(ids) + 1))
        assert got.tolist() == [float(np.float32(x)) for x in weights]
        assert dense.member(probe).tolist() == ids
        assert dense.ids(ids[0] + 1, ids[-1]).tolist() == ids[1:-1]
        block_map = dense.block_map()
        assert block_map is not None
        assert block_map[0] == [start + 4, 2 * start + 40]
        assert block_map[1].tolist() == [len(ids) // 2, len(ids)]
    assert table.get(101) is None


def _find_first_fixed(self: binary.AndNotMatcher) -> None:
    """As in test_search_docsets: Whoosh's AndNotMatcher misses an excluded first
    document; the reference walk is fixed."""
    if self.a.is_active() and self.b.is_active():
        if self.b.id() < self.a.id():
            self.b.skip_to(self.a.id())
        if self.b.is_active() and self.a.id() == self.b.id():
            self._find_next()


def _unsupported(*args: object, **kwargs: object) -> object:
    raise docsets.Unsupported("the reference way")


@pytest.mark.slow
@pytest.mark.parametrize("budget", [6, 1200])
def test_searches_from_arrays_answer_as_blocks_and_whoosh(
    awkward: Case, monkeypatch: pytest.MonkeyPatch, budget: int
) -> None:
    """Documents, order, scores, totals, estimates, facets, pages and snippets: the
    arrays (with one-page documents placed without positions) against the posting
    blocks, and against Whoosh's own walk and spans."""
    monkeypatch.setattr(wq.Or, "matcher_type", wq.Or.DEFAULT_MATCHER)
    monkeypatch.setattr(results, "MATCH_BUDGET", budget)
    monkeypatch.setattr(binary.AndNotMatcher, "_find_first", _find_first_fixed)
    real_lookup, real_compile = doc_ids.lookup, docsets.compile_matcher
    real_positions, real_single = docsets.positions, pages._single_pages
    used = []

    def counting(reader: Any, m: Any) -> Any:
        got = real_lookup(reader, m)
        used.append(got is not None)
        return got

    def keep_order(reader: Any, units: Any, order: list[int], *rest: Any) -> list[int]:
        return order

    estimated = 0
    for q in QUERIES:
        for kw in VARIANTS:
            monkeypatch.setattr(docsets, "compile_matcher", _unsupported)
            monkeypatch.setattr(docsets, "positions", _unsupported)
            monkeypatch.setattr(pages, "_single_pages", keep_order)
            walked = services.search(awkward, q, **kw)
            monkeypatch.setattr(docsets, "compile_matcher", real_compile)
            monkeypatch.setattr(docsets, "positions", real_positions)
            monkeypatch.setattr(doc_ids, "lookup", lambda reader, m: None)
            blocks = services.search(awkward, q, **kw)
            monkeypatch.setattr(doc_ids, "lookup", counting)
            monkeypatch.setattr(pages, "_single_pages", real_single)
            arrays = services.search(awkward, q, **kw)
            assert arrays == blocks == walked, (q, kw)
            assert walked.total > 0 or kw or "-" in q, q
            estimated += walked.total_is_estimate
    assert any(used)
    assert estimated if budget == 6 else not estimated


def test_an_index_without_arrays_is_rebuilt_with_progress_and_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index of format 3 (no arrays) is rebuilt as format 4 when the case is used,
    with progress, and answers the same searches from its arrays."""
    path = tmp_path / "Old.casefile"
    with services.create_case(path) as case, monkeypatch.context() as old:
        old.setattr(doc_ids, "EXT", ".notread")  # the arrays under a name never read
        for n in range(12):
            add_document(case, f"Memo {n}", [f"walrus number {n} " * (1 + n % 3)], sync=n > 9)
        before = services.search(case, "walrus number")
    index_dir = path / "index"
    (index_dir / ixmod.VERSION_FILE).write_text('{"format": 3}')

    with services.open_case(path) as case:
        ctx = ProgressRecorder()
        services.ensure_index(case, ctx)
        assert 12 in ctx.totals
        reader = attach(case).searcher().reader()
        assert all(doc_ids._table(leaf) is not None for leaf, _o in reader.leaf_readers())
        assert services.search(case, "walrus number") == before
    assert ixmod.read_version(index_dir) == ixmod.FORMAT_VERSION == 4


def _raw(m: Any) -> Any:
    """The block reader under Whoosh's filter of deleted documents (the arrays and
    the blocks keep them)."""
    while type(m) is FilterMatcher:
        m = m.child
        m.reset()
    return m


@pytest.mark.slow
def test_positions_read_by_the_block_map_are_whoosh_s_own(awkward: Case) -> None:
    """A phrase's positions at candidates are read straight from the blocks the arrays
    place them in (`Leaf.values_at`): the same values as Whoosh's walk gives, for
    candidates spread over the blocks, asked in ascending windows as a query does,
    with reads of other terms' blocks shared in between."""
    reader = attach(awkward).searcher().reader()
    rng = random.Random(5)
    checked = 0
    for leaf, _off in reader.leaf_readers():
        size = leaf.doc_count_all()
        for fieldname, text in leaf.all_terms():
            if leaf.doc_frequency(fieldname, text) <= 128:
                continue
            m = _raw(leaf.postings(fieldname, text))
            if type(m) is not W3LeafMatcher or doc_ids.lookup(leaf, m) is None:
                continue
            truth = {}
            while m.is_active():
                truth[m.id()] = m.value()
                m.next()
            for share in (0.05, 0.5, 1.0):
                fresh = _raw(leaf.postings(fieldname, text))
                node = posting_blocks.Leaf(fresh, 0, doc_ids.lookup(leaf, fresh))
                cands = np.array(
                    sorted(d for d in range(size) if rng.random() < share), dtype=np.int64
                )
                got: dict[int, Any] = {}
                with posting_blocks.shared_blocks():
                    for window in np.array_split(cands, 3):  # ascending, as a query asks
                        ks, values = node.values_at(window)
                        got.update(zip(window[ks].tolist(), values, strict=True))
                want = {d: truth[d] for d in cands.tolist() if d in truth}
                assert got == want, (fieldname, text, share)
                checked += 1
    assert checked >= 8
