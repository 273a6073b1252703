"""The index is derived data: an empty index is a valid one, and a damaged one is rebuilt
(with progress), never reported as an error (issue 8, items 1 and 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile import cli
from casefile.core import services
from tests.search_fixtures import ProgressRecorder, add_document


def test_new_case_survives_its_first_search_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "X.casefile")
    assert cli.main(["new", path]) == 0
    for _ in range(2):  # the second search used to crash as well
        assert cli.main(["search", path, "anything"]) == 0
        assert "No documents match" in capsys.readouterr().out
    note = tmp_path / "note.txt"
    note.write_text("anything at all")
    assert cli.main(["import", path, str(note)]) == 0
    assert cli.main(["reindex", path]) == 0
    assert cli.main(["search", path, "anything", "--json"]) == 0
    assert '"total": 1' in capsys.readouterr().out


def test_new_case_survives_its_first_search_services(tmp_path: Path) -> None:
    path = tmp_path / "X.casefile"
    services.create_case(path).close()
    with services.open_case(path) as case:
        services.ensure_index(case)
        assert services.search(case, "anything").total == 0
        assert services.search(case, "anything", page=3).hits == ()
    with services.open_case(path) as case:  # and again after reopening
        assert services.search(case, "anything").total == 0
        add_document(case, "Memo", ["anything"])
        assert services.search(case, "anything").total == 1


def _case_with_segments(tmp_path: Path) -> Path:
    path = tmp_path / "D.casefile"
    with services.create_case(path) as case:
        for n in range(3):  # one commit each: three segments
            add_document(case, f"Memo {n}", [f"walrus number {n}"])
    return path


def _damage(path: Path, how: str) -> None:
    segs = sorted((path / "index").glob("*.seg"))
    assert segs, "the test needs segment files to damage"
    if how == "truncate":
        with segs[0].open("r+b") as f:
            f.truncate(100)
    else:
        segs[0].unlink()


@pytest.mark.parametrize("how", ["truncate", "delete"])
def test_damaged_index_is_rebuilt_with_progress(tmp_path: Path, how: str) -> None:
    path = _case_with_segments(tmp_path)
    _damage(path, how)
    with services.open_case(path) as case:  # opening must not fail
        ctx = ProgressRecorder()
        services.ensure_index(case, ctx)
        assert 3 in ctx.totals, "the rebuild reports progress out of 3 documents"
        assert services.search(case, "walrus").total == 3
        add_document(case, "Memo 4", ["walrus again"])  # writes work again
        assert services.search(case, "walrus").total == 4


@pytest.mark.parametrize("how", ["truncate", "delete"])
def test_damaged_index_cli(tmp_path: Path, how: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = _case_with_segments(tmp_path)
    _damage(path, how)
    assert cli.main(["search", str(path), "walrus", "--json"]) == 0
    assert '"total": 3' in capsys.readouterr().out
    _damage(path, how)
    assert cli.main(["reindex", str(path)]) == 0
    assert "Indexed 3 document(s)" in capsys.readouterr().out
    _damage(path, how)
    note = tmp_path / "walrus.txt"
    note.write_text("a walrus in a file")
    assert cli.main(["import", str(path), str(note)]) == 0
    assert cli.main(["search", str(path), "walrus", "--json"]) == 0
    assert '"total": 4' in capsys.readouterr().out


def test_damage_found_during_a_search_is_rebuilt(tmp_path: Path) -> None:
    path = _case_with_segments(tmp_path)
    with services.open_case(path) as case:
        assert services.search(case, "walrus").total == 3
        from casefile.core.search.case_index import attach

        si = attach(case)
        si.close_searcher()
        _damage(path, "delete")  # after the case opened: found by the search itself
        assert services.search(case, "walrus").total == 3


def test_an_index_of_the_previous_format_is_rebuilt_with_progress(tmp_path: Path) -> None:
    """Format 1 (one entry per page) is rebuilt as the current format on first use,
    with progress."""
    from casefile.core.search import index as ixmod

    path = _case_with_segments(tmp_path)
    (path / "index" / ixmod.VERSION_FILE).write_text('{"format": 1}')
    with services.open_case(path) as case:
        ctx = ProgressRecorder()
        services.ensure_index(case, ctx)
        assert 3 in ctx.totals
        assert services.search(case, "walrus").total == 3
    assert ixmod.read_version(path / "index") == ixmod.FORMAT_VERSION == 4  # 4: doc_ids.py


def test_a_full_disk_while_indexing_is_a_sentence_not_a_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC from Whoosh used to count as a damaged index: the index was thrown away
    and rebuilt (failing the same way) and the user saw an OSError."""
    import errno

    from whoosh.writing import SegmentWriter

    from casefile.core.errors import DiskFullError
    from tests.search_fixtures import add_document

    with services.create_case(tmp_path / "Full") as case:
        add_document(case, "indexed", ["the walrus"])
        add_document(case, "waiting", ["the carpenter"], sync=False)

        def no_space(self: object, *args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(SegmentWriter, "commit", no_space)
        with pytest.raises(DiskFullError) as caught:
            services.ensure_index(case)
        assert "is full, so the search index could not be brought up to date" in str(caught.value)
        monkeypatch.undo()
        assert services.search(case, "walrus").total == 1  # the index was kept
        services.ensure_index(case)  # space again: the waiting document is indexed
        assert services.search(case, "carpenter").total == 1


def test_in_memory_indexes_built_at_once_keep_their_own_spill_folders() -> None:
    """Whoosh names a RamStorage's spill folder after the index (`<tmp>/pages.tmp`) and
    deletes it when done: a second read-only case building its in-memory index at the
    same time lost its files (FileNotFoundError)."""
    from casefile.core.search.indexer import _private_ram_storage

    first = _private_ram_storage().temp_storage("pages.tmp")
    second = _private_ram_storage().temp_storage("pages.tmp")
    try:
        assert first.folder != second.folder
        second.destroy()
        assert Path(first.folder).is_dir()
    finally:
        first.destroy()
