"""The grouped posting pool hands Whoosh exactly what its own pool would: the same
postings in the same order, whether they stay in memory or spill to disk, and an index
written through it reads back identical to one written with Whoosh's pool."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import PostingPool

from casefile.core.search import index as ixmod
from casefile.core.search import pool as pool_module
from casefile.core.search.pool import GroupedPostingPool, sorted_in_slices


def _postings(n: int, seed: int) -> list[tuple[str, bytes, int, float, bytes | None]]:
    rng = random.Random(seed)
    words = [f"w{rng.randrange(5000):04d}".encode() for _ in range(3000)]
    out = []
    for docnum in range(n):
        for word in rng.sample(words, 20):
            field = rng.choice(["text", "title", "kind"])
            out.append((field, word, docnum, float(rng.randrange(1, 4)), b"v" * rng.randrange(3)))
    # A merged segment's postings, and a few stragglers out of order.
    out += [("text", w, n + i, 1.0, None) for i, w in enumerate(words[:50])]
    out += [("text", words[7], 3, 2.0, b""), ("title", words[9], 0, 1.0, None)]
    return out


def _pool(tmp: Path, limit_bytes: int | None = None) -> GroupedPostingPool:
    pool = GroupedPostingPool(FileStorage(str(tmp)), segment=None, limitmb=96)
    if limit_bytes is not None:
        pool.limit = limit_bytes
    return pool


def test_sorted_in_slices_equals_sorted() -> None:
    keys = [random.Random(1).randbytes(5) for _ in range(30_000)]
    assert list(sorted_in_slices(keys, size=1000)) == sorted(keys)
    assert list(sorted_in_slices(keys[:10], size=1000)) == sorted(keys[:10])


def test_in_memory_order_equals_a_full_sort(tmp_path: Path) -> None:
    items = _postings(400, seed=2)
    pool = _pool(tmp_path)
    for item in items:
        pool.add(item)
    assert not pool.runs
    assert list(pool.iter_postings()) == sorted(items)


@pytest.mark.parametrize("chunk", [7, 4096])  # several marshal chunks per run, or one
def test_spilled_runs_merge_to_a_full_sort(
    tmp_path: Path, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pool_module, "RUN_CHUNK", chunk)
    items = _postings(400, seed=3)
    pool = _pool(tmp_path, limit_bytes=200_000)
    for item in items:
        pool.add(item)
    assert len(pool.runs) > 3  # it really spilled
    assert list(pool.iter_postings()) == sorted(items)
    assert list(tmp_path.iterdir()) == []  # the runs are removed once read


def _index_contents(path: Path) -> list[tuple[str, bytes, list[tuple[int, float]]]]:
    ix = ixmod.open_existing(path)
    with ix.searcher() as s:
        r = s.reader()
        out = []
        for field, term in r.all_terms():
            ids = list(r.postings(field, term).all_ids())
            out.append((field, term, list(zip(ids, _weights(r, field, term), strict=True))))
    ix.close()
    return out


def _weights(reader, field: str, term: bytes) -> list[float]:  # type: ignore[no-untyped-def]
    m = reader.postings(field, term)
    ws = []
    while m.is_active():
        ws.append(m.weight())
        m.next()
    return ws


def test_an_index_written_through_it_matches_whooshs_own(tmp_path: Path) -> None:
    rng = random.Random(4)
    vocab = ["договор", "санкции", "Forrest", "tribunal", "vessel", "компания", "2023"]
    docs = [
        {
            "uid": f"u{i}",
            "title": f"Doc {i}",
            "kind": rng.choice(["note", "report"]),
            "text": " ".join(rng.choice(vocab) + str(rng.randrange(40)) for _ in range(60)),
        }
        for i in range(300)
    ]
    results = []
    for name, grouped in (("grouped", True), ("whoosh", False)):
        path = tmp_path / name
        ix = ixmod.create(path)
        for start in range(0, len(docs), 60):  # several commits, so segments get merged
            w = ixmod.writer(ix, 16)
            if not grouped:
                w.pool = PostingPool(w._tempstorage, w.newsegment, limitmb=16)
            else:
                assert isinstance(w.pool, GroupedPostingPool)
            if start:
                w.delete_by_term("uid", f"u{start - 1}")
            for d in docs[start : start + 60]:
                w.add_document(**d)
            w.commit()
        ix.close()
        results.append(_index_contents(path))
    assert results[0] == results[1]
    assert len(results[0]) > 200


def test_analysed_postings_join_the_single_ones_in_order(tmp_path: Path) -> None:
    """A document's analysed text is held as arrays (posting_columns.py); what the pool
    hands over is what Whoosh's own path would have added posting by posting, also where
    a merged segment's postings of the same terms follow, where documents come out of
    order and where boosts differ, spilled or not."""
    from casefile.core.search.analysis import ScriptPositions, ScriptTokenizer, paged_terms

    rng = random.Random(9)
    vocab = ["суд", "Macy's", "court", "приговор", "o'brien", "a", "b", "c"]
    fmt = ScriptPositions()
    for limit in (None, 20_000):
        pool = _pool(tmp_path, limit_bytes=limit)
        expected = []
        table = pool.term_table("text")
        for docnum in [*range(60), 75, 70]:  # the last two out of order
            pages = [" ".join(rng.choice(vocab) for _ in range(rng.randrange(0, 30)))]
            shared = table if docnum % 2 else None  # the pool's numbering or the document's
            analyzed, _starts = paged_terms(pages, shared)
            boost, fieldboost = (1.0, 2.0) if docnum == 7 else (1.0, 1.0)
            pool.add_analyzed("text", docnum, analyzed, boost, fieldboost)
            table = pool.term_table("text")  # a spill starts a new one
            for w, _n, weight, vbytes in fmt.word_values(analyzed, ScriptTokenizer()):
                expected.append(("text", w.encode(), docnum, weight * fieldboost, vbytes))
        for docnum in (80, 81):  # a merged segment's postings, one by one
            for w in ("court", "zebra"):
                item = ("text", w.encode(), docnum, 1.0, b"\x00\x00\x00\x01\x05\x00\x00\x00")
                pool.add(item)
                expected.append(item)
        assert bool(pool.runs) == (limit is not None)
        assert list(pool.iter_postings()) == sorted(expected)
