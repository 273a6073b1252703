"""The case codec (issue 11 item 10): a smaller, cheaper index that reads exactly like
Whoosh's own. Rare words' postings are inlined into their term entry and blocks are
pickled at protocol 5, not 2 (see core/search/codec.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh.codec.whoosh3 import W3Codec, W3PostingsWriter

from casefile.core import services
from casefile.core.case import Case
from casefile.core.search import codec, indexer
from casefile.core.search.case_index import attach
from tests.helpers import write_text_files


def _whoosh_codec(self: Any) -> None:
    """What the case codec was before: Whoosh's writer as it is."""
    W3Codec.__init__(self, blocklimit=128, compression=0, inlinelimit=1)


def _as_whoosh_wrote(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(codec.CasefileCodec, "__init__", _whoosh_codec)
    monkeypatch.setattr(codec.CasefileCodec, "field_writer", W3Codec.field_writer)
    monkeypatch.setattr(codec.CasefileCodec, "postings_writer", W3Codec.postings_writer)


def _postings(case: Case) -> dict[tuple[str, bytes], list[tuple[int, float, bytes]]]:
    si = attach(case)
    with si.lock:
        reader = si.searcher().reader()
        out = {}
        for field, term in reader.all_terms():
            m = reader.postings(field, term)
            got = []
            while m.is_active():
                got.append((m.id(), m.weight(), m.value()))
                m.next()
            out[(field, term)] = got
        return out


def _size(case: Case) -> int:
    return sum(f.stat().st_size for f in (case.path / "index").rglob("*") if f.is_file())


@pytest.fixture
def varied(case: Case, tmp_path: Path) -> Case:
    """Words in many numbers of documents from 1 to 150 (inlined, one posting block
    to its limit of 128, two blocks), a varying number of times per document."""
    folder = tmp_path / "varied"
    folder.mkdir()
    for i in range(1, 151):
        words = [f"w{j}x " * (1 + (i + j) % 4) for j in range(1, 40) if i % j == 0]
        words += [f"r{i}q {i} " for _ in range(i % 3)]
        words += ["edge128 " if i <= 128 else "", "edge129 " * (i % 2 + 1) if i <= 129 else ""]
        (folder / f"n{i:03d}.txt").write_text(f"Note {i}: " + "".join(words), encoding="utf-8")
    services.import_paths(case, [folder])
    return case


@pytest.fixture
def texts(case: Case, tmp_path: Path) -> Case:
    folder = tmp_path / "in"
    write_text_files(folder, 40, size=1500)
    (folder / "rare.txt").write_text("Quixotic zebras наперекосяк once.", encoding="utf-8")
    services.import_paths(case, [folder])
    return case


def test_the_index_is_smaller_and_reads_the_same(
    texts: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    indexer.rebuild(texts)
    ours, our_size = _postings(texts), _size(texts)
    with monkeypatch.context() as m:
        _as_whoosh_wrote(m)
        indexer.rebuild(texts)
        theirs, their_size = _postings(texts), _size(texts)
    assert ours == theirs  # every term, document, weight and position list
    assert our_size < their_size * 0.8


def test_segments_of_both_kinds_search_and_merge(
    texts: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index written before this codec (protocol 2, nothing inlined) keeps working:
    new documents add segments of the new kind, and a merge reads both."""
    with monkeypatch.context() as m:
        _as_whoosh_wrote(m)
        indexer.rebuild(texts)
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "late.txt").write_text("Quixotic late arrival, Daniel Forrest.", encoding="utf-8")
    services.import_paths(texts, [extra])
    assert len(services.search(texts, "quixotic").hits) == 2
    assert services.search(texts, '"daniel forrest"').total == 41
    before = _postings(texts)
    si = attach(texts)
    with si.lock:
        assert si.ix is not None
        si.ix.optimize()  # one segment, written by the case codec
    si.replace(si.ix)
    assert _postings(texts) == before
    assert [h.pages for h in services.search(texts, "наперекосяк").hits] == [(1,)]


def _lengths(case: Case) -> dict[str, list[int]]:
    si = attach(case)
    with si.lock:
        reader = si.searcher().reader()
        return {
            f: [reader.doc_field_length(d, f) for d in range(reader.doc_count_all())]
            for f in ("text", "head", "title")
        }


def test_the_page_text_fast_path_writes_what_whoosh_would(
    texts: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The analysed page text goes to the pool a document at a time and to the postings
    file a term at a time (core/search/writer.py, pool.py, codec.py; issue 11 item 10):
    the same postings, weights and field lengths (what ranking reads) as Whoosh's own
    `add_document` and its per-posting stream, spilled to disk or not."""
    from whoosh.writing import SegmentWriter

    from casefile.core.search.writer import CaseWriter

    ranked = [h.uid for h in services.search(texts, "cloud company", limit=50).hits]
    assert len(ranked) == 40
    for writer_mb in (96, 1):  # 1 MB: the pool spills runs, merged back per posting
        monkeypatch.setattr(indexer, "WRITER_MB", writer_mb)
        indexer.rebuild(texts)
        ours = (_postings(texts), _lengths(texts))
        assert [h.uid for h in services.search(texts, "cloud company", limit=50).hits] == ranked
        with monkeypatch.context() as m:
            m.setattr(CaseWriter, "add_document", SegmentWriter.add_document)
            m.setattr(codec._FieldWriter, "add_postings", codec.W3FieldWriter.add_postings)
            indexer.rebuild(texts)
            theirs = (_postings(texts), _lengths(texts))
        assert ours == theirs
        assert sum(ours[1]["text"]) > 40 * 100  # the texts' lengths are there at all


def _term_at_a_time(self: Any, schema: Any, lengths: Any, items: Any) -> None:
    """The codec's term writing before its term-table fast path: every term through the
    postings writer and Whoosh's own `finish_term` (`tell`, three writes, `md5_hash`)."""
    lastfn = None
    for fieldname, btext, postings in items.term_groups():
        if fieldname != lastfn:
            if lastfn is not None:
                self.finish_field()
            self.start_field(fieldname, schema[fieldname])
            lastfn = fieldname
        postings = [p for p in postings if p[2] != -1]
        if not postings:
            continue
        _f, _t, ids, weights, values = zip(*postings, strict=True)
        self._btext = btext
        self._postwriter.start_postings(self._format, codec._TermInfo())
        self._postwriter.add_many(ids, weights, values)
        self.finish_term()
    if lastfn is not None:
        self.finish_field()


def _term_tables(case: Case) -> list[tuple[list[tuple[bytes, bytes]], bytes]]:
    """Every segment's term table as stored: (key, value) bytes in file order, each key
    found again through the table's hash (what a search does); and its postings file."""
    si = attach(case)
    with si.lock:
        reader = si.searcher().reader()
        tables = []
        for leaf, _offset in reader.leaf_readers():
            tindex = leaf._terms._tindex
            entries = list(tindex.items())
            assert all(tindex[k] == v for k, v in entries)
            postfile = leaf._terms._postfile
            postfile.seek(0)
            tables.append((entries, postfile.read()))
        return tables


def test_the_term_table_is_written_byte_for_byte_as_before(
    texts: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rare words' entries are built in one go, the term table is written a buffer at a
    time and posting blocks are minified in C (codec._inlined_entry, _TermTable,
    _mini_ids, _mini_weights; issue 11 item 10), and the words that fill one posting
    block are written without the postings writer (codec._one_block_entry): the same
    bytes as the term-at-a-time writer with Whoosh's own minifiers, found through the
    same hashes."""
    one_block = _rebuild_counting_one_block(monkeypatch, texts)
    ours = _term_tables(texts)
    assert one_block
    with monkeypatch.context() as m:
        m.setattr(codec._FieldWriter, "add_postings", _term_at_a_time)
        for name in ("_mini_ids", "_mini_weights"):
            m.setattr(codec._InliningPostingsWriter, name, getattr(W3PostingsWriter, name))
        indexer.rebuild(texts)
        theirs = _term_tables(texts)
    assert ours == theirs
    assert all(len(postings) > 1000 for _entries, postings in ours)
    entries = [e for table, _postings in ours for e in table]
    assert len(entries) > 150
    inlined = [v for _k, v in entries if v[0] == 1]
    assert 0 < len(inlined) < len(entries)  # both kinds of entry are covered


def test_one_block_words_of_every_frequency_are_written_byte_for_byte(
    varied: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`codec._one_block_entry` for words found in 8 to 128 documents, any weights: the
    same postings file and term table as the postings writer makes."""
    one_block = _rebuild_counting_one_block(monkeypatch, varied)
    ours = _term_tables(varied)
    assert min(one_block) == codec.INLINE_LIMIT and max(one_block) == 128
    with monkeypatch.context() as m:
        m.setattr(codec._FieldWriter, "add_postings", _term_at_a_time)
        indexer.rebuild(varied)
        theirs = _term_tables(varied)
    assert ours == theirs
    assert [h.uid for h in services.search(varied, "w9x", limit=200).hits]


def _rebuild_counting_one_block(monkeypatch: pytest.MonkeyPatch, case: Case) -> list[int]:
    """Rebuild the case's index; the sizes of the words written by
    `codec._one_block_entry`, in the order written."""
    one_block: list[int] = []
    one_block_entry = codec._one_block_entry

    def counted(postfile: Any, cols: Any, format_: Any) -> bytes:
        one_block.append(len(cols))
        return one_block_entry(postfile, cols, format_)

    with monkeypatch.context() as m:
        m.setattr(codec, "_one_block_entry", counted)
        indexer.rebuild(case)
    return one_block
