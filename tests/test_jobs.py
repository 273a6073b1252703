"""Small writes handed to a long job run between its batches, in order, on its thread,
and never after it has ended; an import offers such a point for every file."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from casefile.core import services
from casefile.core.case import Case
from casefile.core.db import work_queue
from casefile.core.ingest import importer
from casefile.core.jobs import JobContext, Progress
from tests.helpers import write_text_files
from tests.search_fixtures import add_document


def test_handed_over_work_runs_in_order_at_safe_points_and_never_after_the_end() -> None:
    ctx = JobContext()
    ran: list[int] = []
    assert ctx.run_between(lambda: ran.append(1))
    assert ctx.run_between(lambda: ran.append(2))
    assert ran == []  # nothing runs outside the job's own safe points
    ctx.safe_point()
    assert ran == [1, 2]
    assert ctx.run_between(lambda: ran.append(3))
    ctx.end_between()  # the job's end runs what is left...
    assert ran == [1, 2, 3]
    assert not ctx.run_between(lambda: ran.append(4))  # ...and takes nothing more
    ctx.safe_point()
    assert ran == [1, 2, 3]


def _hand_over_at(ctx_done: int, edit: Callable[[], None], seen: dict[str, object]) -> JobContext:
    """A job context that hands `edit` to its job when the job first reports `ctx_done`
    items done. The hand-over happens on the job's own thread, inside its report, so the
    job is certainly still running (a test thread polling the progress could find it
    already finished on a fast machine, or time out on a slow one)."""

    def on_progress(p: Progress) -> None:
        if p.done >= ctx_done and "handed" not in seen:
            seen["handed"] = ctx.run_between(edit)

    ctx = JobContext(on_progress=on_progress)
    return ctx


def test_an_edit_handed_to_a_running_import_lands_before_the_import_ends(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The import indexes its backlog every INDEX_EVERY documents or INDEX_SECONDS; keep
    # the clock out of it, so what the edit finds does not depend on the machine's speed.
    monkeypatch.setattr(importer, "INDEX_SECONDS", float("inf"))
    uid = add_document(case, "Memo", ["An existing note."], kind="note")
    files = write_text_files(tmp_path / "in", 400)
    seen: dict[str, object] = {}

    def edit() -> None:
        services.update_document(case, uid, title="Memo, retitled during the import")
        seen["thread"] = threading.current_thread()
        seen["done_then"] = ctx.snapshot().done
        seen["search"] = {h.uid for h in services.search(case, "retitled").hits}
        with case.read_session() as s:
            seen["backlog"] = len(work_queue.pending(s))  # the import's, left to the import
        seen["written"] = services.count_documents(case) - 1  # the import's so far

    ctx = _hand_over_at(250, edit, seen)  # past the first written batch (200 files)
    importer_thread = threading.Thread(
        target=lambda: seen.setdefault("summary", services.import_paths(case, files, ctx))
    )
    importer_thread.start()
    importer_thread.join(120)
    assert seen.get("handed") is True
    assert seen["thread"] is importer_thread  # the one writer: the import's own thread
    assert 250 <= int(seen["done_then"]) < len(files)  # long before the end
    assert seen["search"] == {uid}  # and it was indexed at once, as any edit is,
    # ...without indexing the import's documents written so far on the import's behalf
    assert int(seen["backlog"]) == int(seen["written"]) > 0
    assert seen["summary"].imported == len(files)  # type: ignore[union-attr]
    assert services.get_document(case, uid).title == "Memo, retitled during the import"


def test_an_edit_during_an_index_rebuild_is_saved_at_once_and_indexed_by_it(
    case: Case,
) -> None:
    uids = [
        add_document(case, f"Note {i}", [f"Ordinary note number {i}."], sync=False)
        for i in range(600)
    ]
    seen: dict[str, object] = {}

    def edit() -> None:
        services.update_document(case, uids[5], title="Renamed mid-rebuild")
        seen["done_then"] = ctx.snapshot().done

    ctx = _hand_over_at(100, edit, seen)
    seen["indexed"] = services.reindex(case, ctx)  # on this thread: nothing to race
    assert seen.get("handed") is True
    assert 100 <= int(seen["done_then"]) < 600  # saved while the rebuild ran
    assert {h.uid for h in services.search(case, "renamed").hits} == {uids[5]}
    assert len(services.search(case, "ordinary", limit=1000).hits) == 600
    with case.read_session() as s:
        assert work_queue.pending(s) == []


def test_verification_lets_handed_over_edits_run(case: Case, tmp_path: Path) -> None:
    services.import_paths(case, write_text_files(tmp_path / "in", 3))
    ctx = JobContext()
    ran: list[int] = []
    assert ctx.run_between(lambda: ran.append(ctx.snapshot().done))
    report = services.verify_case(case, ctx)
    assert report.ok and ran == [0]  # at its first safe point, not after the end
