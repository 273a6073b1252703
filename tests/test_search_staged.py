"""An import adds each written batch to an open index writer and commits it at its next
sync (`casefile.core.search.staged_writes`). What that must not change: a crash before
the commit loses nothing, a case whose index is missing is still rebuilt whole, and a
failure while adding is repaired by the next sync."""

from __future__ import annotations

import shutil
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from casefile.core import services
from casefile.core.case import Case
from casefile.core.db import work_queue
from casefile.core.db.schema import Document
from casefile.core.ingest import importer
from casefile.core.ingest.intake import ImportOptions
from casefile.core.search import doc_source, indexer, staged_writes
from casefile.core.services.sync import stage_index, sync_index
from tests.helpers import write_text_files
from tests.search_fixtures import add_document


def _found(case: Case, query: str) -> set[str]:
    return {h.uid for h in services.search(case, query, limit=1000).hits}


def _titles(case: Case) -> dict[str, str]:
    with case.read_session() as s:
        return {uid: title for uid, title in s.execute(select(Document.uid, Document.title))}


def _all_recorded_as_indexed(case: Case) -> bool:
    with case.read_session() as s:
        states = s.execute(select(Document.revision, Document.indexed_revision)).all()
        return all(r == i for r, i in states) and not work_queue.pending(s)


def test_an_import_stopped_before_its_index_commit_is_indexed_on_reopen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The documents were added to the writer but never committed (the process ended
    first): their work items are still queued, and reopening the case indexes them."""
    monkeypatch.setattr(importer, "BATCH_SIZE", 10)
    write_text_files(tmp_path / "in", 30, size=400)
    path = tmp_path / "c.casefile"
    case = services.create_case(path)
    importer.import_paths(
        case,
        [tmp_path / "in"],
        options=ImportOptions(inline=True),
        sync_index=lambda _c: None,  # the commit that never came
        stage_index=stage_index,
    )
    with case.read_session() as s:
        assert len(work_queue.pending(s)) == 30
    case.close()
    with services.open_case(path) as case:
        titles = _titles(case)
        assert len(titles) == 30
        assert _found(case, "Document") == set(titles)
        assert _all_recorded_as_indexed(case)


def test_a_new_case_indexes_its_first_import_without_a_rebuild(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new case has no index yet; every document it holds is queued, so an empty index
    is the right start and the import's batches go straight into it."""
    monkeypatch.setattr(importer, "BATCH_SIZE", 10)

    def no_rebuild(*_args: object) -> int:
        raise AssertionError("a new case's import rebuilt the index")

    monkeypatch.setattr(indexer, "rebuild", no_rebuild)
    files = write_text_files(tmp_path / "in", 25, size=400)
    summary = services.import_paths(case, files)
    assert summary.imported == 25
    assert _found(case, "Document") == set(_titles(case))
    assert _all_recorded_as_indexed(case)


def test_a_missing_index_with_older_documents_is_rebuilt_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only when every document is queued may the index start empty: here the older
    documents are not, so the import's sync rebuilds and finds them too."""
    monkeypatch.setattr(importer, "BATCH_SIZE", 10)
    path = tmp_path / "c.casefile"
    with services.create_case(path) as case:
        old = add_document(case, "Memo", ["Document of record from before."])
    shutil.rmtree(path / "index")
    files = write_text_files(tmp_path / "in", 15, size=400)
    with services.open_case(path) as case:
        assert services.import_paths(case, files).imported == 15
        found = _found(case, "Document")
        assert old in found
        assert found == set(_titles(case))
        assert len(found) == 16
        assert _all_recorded_as_indexed(case)


def test_a_failure_while_adding_leaves_the_batch_to_the_next_sync(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "BATCH_SIZE", 10)
    add = doc_source.add
    calls: list[int] = []

    def add_failing_once(*args: object) -> None:
        calls.append(1)
        if len(calls) == 3:  # inside the first batch's staging
            raise OSError("simulated read error")
        add(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(doc_source, "add", add_failing_once)
    write_text_files(tmp_path / "in", 30, size=400)
    summary = importer.import_paths(  # every document added here (no workers)
        case,
        [tmp_path / "in"],
        options=ImportOptions(inline=True),
        sync_index=sync_index,
        stage_index=lambda c, uids, _helper: stage_index(c, uids, None),
    )
    assert len(summary.outcomes) == 30
    assert len(calls) > 30  # the failed batch was added again by the sync
    assert _found(case, "Document") == set(_titles(case))
    assert _all_recorded_as_indexed(case)


class _Helper:
    """Stands in for the import's workers (`TaskPool.call`): runs the task here at once,
    fails it, or leaves it waiting as a task no worker has taken yet."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.futures: list[Future[Any]] = []

    def __call__(self, fn: Any, *args: Any) -> Future[Any]:
        f: Future[Any] = Future()
        self.futures.append(f)
        if self.mode == "run":
            f.set_running_or_notify_cancel()
            f.set_result(fn(*args))
        elif self.mode == "fail":
            f.set_running_or_notify_cancel()
            f.set_exception(RuntimeError("worker killed"))
        return f


def _import_staged(case: Case, folder: Path, helper: _Helper) -> None:
    importer.import_paths(
        case,
        [folder],
        options=ImportOptions(inline=True),
        sync_index=sync_index,
        stage_index=lambda c, uids, _h: stage_index(c, uids, helper),
    )


@pytest.mark.parametrize("mode", ["run", "fail", "unstarted"])
def test_documents_given_to_the_workers_are_all_indexed_whatever_the_workers_do(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """Every other document goes to a worker: its segment joins the commit ("run"); a
    worker that fails leaves its documents to the sync's drain ("fail"); a task no
    worker has begun is taken back and indexed here ("unstarted")."""
    monkeypatch.setattr(importer, "BATCH_SIZE", 10)
    monkeypatch.setattr(staged_writes, "OFFLOAD_BATCH", 7)
    write_text_files(tmp_path / "in", 40, size=400)
    helper = _Helper(mode)
    _import_staged(case, tmp_path / "in", helper)
    assert len(helper.futures) >= 2  # documents were handed out
    titles = _titles(case)
    assert len(titles) == 40
    assert _found(case, "Document") == set(titles)
    assert len(services.search(case, '"Document 17"').hits) == 1  # positions intact
    assert _all_recorded_as_indexed(case)
    assert not (case.index_dir.parent / "index.parts").exists()
    if mode == "unstarted":
        assert all(f.cancelled() for f in helper.futures)
    if mode == "run":  # the workers' segments are in the index, beside the writer's
        from whoosh import index as wi

        ix = wi.open_dir(str(case.index_dir), indexname="pages")
        assert len(ix._segments()) >= 2
        ix.close()
