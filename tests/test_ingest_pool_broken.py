"""A pool whose workers cannot start at all (memory refused, a damaged installation, the
system killing them as they start) breaks outside any file: pebble then never settles
the tasks it had accepted. Every waiting task, and the import, must end with a sentence
instead of waiting for ever (`core/ingest/pool_watch.py`)."""

from __future__ import annotations

import os
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from casefile.core import services
from casefile.core.errors import CasefileError, ExtractionUnavailableError
from casefile.core.ingest import workers
from casefile.core.ingest.workers import ExtractionPool

SENTENCE = "could not start the helper processes that read files"


def _die_at_start(*_args: Any) -> None:
    """In place of the workers' initializer: each worker dies before taking a task."""
    os._exit(3)


@pytest.fixture
def dying_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    # "fork": the workers are copies of this process, so they run the patched
    # initializer (the fork server would import the real one).
    monkeypatch.setattr(workers, "_init_worker", _die_at_start)
    monkeypatch.setattr(workers, "_default_method", lambda: "fork")


def _notes(folder: Path, n: int) -> list[str]:
    folder.mkdir()
    paths = []
    for i in range(n):
        p = folder / f"note{i}.txt"
        p.write_text(f"Note {i}: the witness met the director on {i + 1} March. " * 40)
        paths.append(str(p))
    return paths


def _outcome(f: Future[Any]) -> BaseException | None:
    return f.exception(timeout=60)  # no hang: the broken pool is noticed within a second


def test_tasks_of_a_pool_that_cannot_start_fail_with_a_sentence(
    tmp_path: Path, dying_workers: None
) -> None:
    paths = _notes(tmp_path / "in", 5)
    with ExtractionPool(max_workers=2, inline_text_bytes=0) as pool:
        single = pool.submit(paths[0], None, None)
        batch = pool.submit_batch([(p, None, None) for p in paths[1:4]])
        for f in [single, *batch]:
            exc = _outcome(f)
            assert isinstance(exc, ExtractionUnavailableError)
            assert SENTENCE in str(exc)
        with pytest.raises(ExtractionUnavailableError):  # refused at once from now on
            pool.submit(paths[4], None, None)


def test_an_import_whose_workers_cannot_start_stops_with_a_sentence_and_resumes(
    tmp_path: Path, dying_workers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = services.create_case(tmp_path / "case")
    _notes(tmp_path / "in", 6)
    with pytest.raises(CasefileError) as caught:
        services.import_paths(case, [tmp_path / "in"])
    assert SENTENCE in str(caught.value)
    # As the sentence says: with working helpers, importing again brings in every file
    # once (those stored before the stop included).
    monkeypatch.undo()
    services.import_paths(case, [tmp_path / "in"])
    assert services.count_documents(case) == 6
    again = services.import_paths(case, [tmp_path / "in"])
    assert services.count_documents(case) == 6
    assert again.imported == 0 and again.duplicates == 6
    case.close()
