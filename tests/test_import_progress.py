"""What an import says while it runs (issue 10 item 12): the progress label names the
file being read now, not the last one finished, so a 117-page PDF that takes seconds is
named while it is read."""

from __future__ import annotations

from pathlib import Path

from casefile.core import services
from casefile.core.case import Case
from casefile.core.jobs import JobContext, Progress


def test_progress_names_the_file_being_read_before_it_is_done(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    names = [f"note-{i}.txt" for i in range(3)]
    for i, name in enumerate(names):
        (folder / name).write_text(f"Note number {i} about the Helix Cloud contract.\n")
    reports: list[Progress] = []
    ctx = JobContext(on_progress=reports.append)
    services.import_paths(case, [folder], ctx)
    for done, name in enumerate(sorted(names)):
        # While file number `done` + 1 is read, `done` files are finished and the label
        # already names the one being read.
        assert any(r.done == done and r.label.endswith(name) for r in reports), (name, reports)
