"""While an import brings the index up to date, the extraction workers keep working:
the files after the batch being indexed are already stored and handed to them (issue 11
item 10). With 64 files ahead they ran dry within a quarter of a second of a ~2 s index
commit, and one core idled through every sync."""

from __future__ import annotations

from pathlib import Path

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
