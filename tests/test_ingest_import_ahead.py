"""While an import brings the index up to date, the extraction workers keep working:
the files after the batch being indexed are already stored and handed to them (issue 11
item 10). With 64 files ahead they ran dry within a quarter of a second of a ~2 s index
commit, and one core idled through every sync."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casefile.core.case import Case
from casefile.core.ingest import importer
from casefile.core.ingest.intake import ImportOptions
from tests.helpers import write_text_files


def test_the_workers_have_the_next_files_while_the_index_is_written(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "BATCH_SIZE", 50)
    monkeypatch.setattr(importer, "INDEX_EVERY", 50)
    monkeypatch.setattr(importer, "BATCH_SECONDS", 3600.0)  # batches by count alone
    monkeypatch.setattr(importer, "INDEX_SECONDS", 3600.0)
    write_text_files(tmp_path / "in", 300, size=400)
    at_sync: list[tuple[int, int]] = []

    def sync(c: Case) -> None:  # what the workers hold when the index is written
        with c.read_session() as s:
            from sqlalchemy import func, select

            from casefile.core.db.schema import Document

            written = s.scalar(select(func.count(Document.id))) or 0
        at_sync.append((written, len(list(c.store.iter_stored()))))

    # In-process extraction: the workers are "ready" at once, as a warmed-up pool is.
    done = importer.import_paths(
        case, [tmp_path / "in"], options=ImportOptions(inline=True), sync_index=sync
    )
    assert len(done.outcomes) == 300
    assert at_sync[0][0] == 50
    assert at_sync[0][1] == 300  # every file stored and handed out, not 50 + 64


def test_the_files_ahead_are_bounded_by_their_size(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finished extractions wait in memory for their turn: what runs ahead is bounded by
    the files' bytes as well as their number."""
    monkeypatch.setattr(importer, "BATCH_SIZE", 10)
    monkeypatch.setattr(importer, "INDEX_EVERY", 10)
    monkeypatch.setattr(importer, "BATCH_SECONDS", 3600.0)
    monkeypatch.setattr(importer, "INDEX_SECONDS", 3600.0)
    paths = write_text_files(tmp_path / "in", 60, size=1000)
    size = max(p.stat().st_size for p in paths)
    monkeypatch.setattr(importer, "IN_FLIGHT_BYTES", 10 * size)
    stored: list[int] = []
    importer.import_paths(
        case,
        [tmp_path / "in"],
        options=ImportOptions(inline=True),
        sync_index=lambda c: stored.append(len(list(c.store.iter_stored()))),
    )
    # The first 10 written, and about 10 files' bytes ahead of the one awaited.
    assert 10 + 5 <= stored[0] <= 10 + 12
    assert stored[-1] == 60


def test_short_notes_are_read_here_while_the_workers_start(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the extraction workers start (slowly: they run below other work), the
    import reads short plain-text notes itself, exactly as a worker would, instead of
    waiting; a file that is not plain text still waits for the workers."""
    import threading

    from casefile.core.ingest import workers
    from casefile.core.ingest.extract import extract_file
    from casefile.core.ingest.guesses import with_guesses

    released = threading.Event()

    def start_when_released(self: workers.ExtractionPool) -> None:
        def start() -> None:
            released.wait(timeout=30)  # the workers "start" once the notes are in
            self._ensure_pool().schedule(workers._noop).result()
            self.ready.set()

        threading.Thread(target=start, daemon=True).start()

    sent: set[str] = set()  # the names of the files handed to the workers
    submit_batch = workers.ExtractionPool.submit_batch
    submit = workers.ExtractionPool.submit
    monkeypatch.setattr(workers.ExtractionPool, "start_in_background", start_when_released)
    monkeypatch.setattr(
        workers.ExtractionPool,
        "submit_batch",
        lambda self, jobs: sent.update(j[2] for j in jobs) or submit_batch(self, jobs),
    )
    monkeypatch.setattr(
        workers.ExtractionPool,
        "submit",
        lambda self, path, password=None, name=None: (
            sent.add(str(name)) or submit(self, path, password, name)
        ),
    )
    paths = write_text_files(tmp_path / "in", 40, size=800)
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Суд признал иск</p></body></html>", encoding="utf-8")
    read_here = importer.extract_here

    def release_at_the_page(*args: Any) -> Any:
        ex = read_here(*args)
        if ex is None:  # the page is not for this process: let the workers start
            released.set()
        return ex

    monkeypatch.setattr(importer, "extract_here", release_at_the_page)
    done = importer.import_paths(case, [*paths, page], sync_index=lambda c: None)
    released.set()
    assert len(done.outcomes) == 41
    assert {o.result for o in done.outcomes} == {"imported"}
    assert sent == {"page.html"}  # only the web page went to a worker

    # What was read here is what a worker makes of the same file.
    with case.read_session() as s:
        from sqlalchemy import select

        from casefile.core.db.schema import Document, Page

        rows = dict(
            s.execute(
                select(Document.original_filename, Page.text).join(
                    Page, Page.document_id == Document.id
                )
            ).all()
        )
    for p in paths:
        ex = with_guesses(extract_file(str(p), None, p.name))
        assert rows[p.name] == ex.pages[0]
