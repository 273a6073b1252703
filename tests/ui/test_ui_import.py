"""Import from the window: drop a folder, watch the job in the status bar, read the
summary; cancel a large import midway and find the case consistent."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile.core import services
from tests.helpers import write_mixed_folder, write_text_files
from tests.ui.util import drop_paths, wait_idle


def test_drop_a_folder_imports_in_the_background(case_window, tmp_path: Path, qtbot) -> None:
    w = case_window
    folder = tmp_path / "downloads"
    write_mixed_folder(folder)
    assert drop_paths(w, [folder])
    qtbot.waitUntil(
        lambda: w.job_widget.isVisible() or hasattr(w, "last_import_summary"), timeout=10000
    )
    qtbot.waitUntil(lambda: hasattr(w, "last_import_summary"), timeout=60000)
    dialog = w.last_import_summary
    summary = dialog.summary
    assert summary.imported + summary.failed + summary.empty == 6 and not summary.cancelled
    assert summary.imported >= 4  # the text, HTML and DOCX files at least
    assert f"{summary.imported} documents imported" in dialog.heading.text()
    assert dialog.tree.topLevelItemCount() == len(summary.outcomes)
    qtbot.waitUntil(lambda: w.case_view.model.rowCount() == 4 + summary.imported)
    assert not w.job_widget.isVisible()
    # The same folder again: everything is a duplicate, nothing is added.
    del w.last_import_summary
    assert drop_paths(w, [folder])
    qtbot.waitUntil(lambda: hasattr(w, "last_import_summary"), timeout=60000)
    again = w.last_import_summary.summary
    assert again.imported == 0 and again.duplicates == summary.imported
    assert f"{again.duplicates} duplicates skipped" in w.last_import_summary.heading.text()


def test_cancel_an_import_midway_keeps_the_case_consistent(
    case_window, tmp_path: Path, qtbot
) -> None:
    w = case_window
    files = write_text_files(tmp_path / "many", 400, size=2000)
    job = w.import_paths([str(files[0].parent)])
    assert job is not None
    qtbot.waitUntil(lambda: job.snapshot().done >= 5, timeout=60000)
    assert w.job_widget.isVisible() and w.job_widget.cancel.isEnabled()
    w.job_widget.cancel.click()
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    wait_idle(qtbot, w)
    summary = job.result
    assert summary.cancelled
    case = w.controller.case
    imported = [o for o in summary.outcomes if o.result == "imported"]
    assert 0 < len(imported) < 400
    # Consistent: every document the summary names is in the case, with its text,
    # nothing else was added, and every original verifies.
    assert services.count_documents(case) == 4 + len(imported)
    for o in imported:
        assert services.get_page(case, o.document_uid, 1).text.startswith("Document ")
    assert services.verify_case(case).ok
    qtbot.waitUntil(lambda: hasattr(w, "last_import_summary"))  # shown a moment later
    assert w.last_import_summary.windowTitle() == "Import cancelled"
    qtbot.waitUntil(lambda: w.case_view.model.rowCount() == 4 + len(imported))


def test_a_title_edited_during_an_import_is_saved_before_the_import_ends(
    case_window, tmp_path: Path, qtbot
) -> None:
    w = case_window
    uid = w.case_view.model.uid_at(0)
    old = w.case_view.model.summary(0).title
    files = write_text_files(tmp_path / "many", 1200, size=1500)
    job = w.import_paths([str(files[0].parent)])
    assert job is not None
    qtbot.waitUntil(lambda: job.snapshot().done >= 20, timeout=60000)
    saved: list[tuple[str, bool, int]] = []
    w.controller.changed.connect(
        lambda c: saved.extend((d.title, job.running, job.snapshot().done) for d in c.edited)
    )
    w.controller.edit_document(uid, "title", old, "Retitled while importing", "Edit title")
    qtbot.waitUntil(lambda: bool(saved), timeout=60000)
    title, still_importing, done = saved[0]
    assert title == "Retitled while importing"
    assert still_importing and done < len(files)  # not held back until the import ended
    qtbot.waitUntil(lambda: not job.running, timeout=120000)
    wait_idle(qtbot, w)
    assert job.result.imported == len(files)
    assert services.get_document(w.controller.case, uid).title == "Retitled while importing"
    w.undo_group.undo()  # and the edit is undoable like any other
    wait_idle(qtbot, w)
    assert services.get_document(w.controller.case, uid).title == old


@pytest.mark.slow
def test_new_documents_appear_in_the_list_while_the_import_runs(
    case_window, tmp_path: Path, qtbot, monkeypatch
) -> None:
    from casefile.ui import controller

    monkeypatch.setattr(controller, "LIVE_IMPORT_RELOAD_S", 0.2)
    w = case_window
    files = write_text_files(tmp_path / "many", 1000, size=400)
    job = w.import_paths([str(files[0].parent)])
    assert job is not None
    seen_running: list[int] = []

    def grew() -> bool:
        if job.running and w.case_view.model.rowCount() > 4:
            seen_running.append(w.case_view.model.rowCount())
        return bool(seen_running) or not job.running

    qtbot.waitUntil(grew, timeout=120000)
    assert seen_running, "no document appeared in the list before the import ended"
    job.cancel()
    qtbot.waitUntil(lambda: not job.running, timeout=120000)
    wait_idle(qtbot, w)
