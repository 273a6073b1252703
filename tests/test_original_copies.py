"""Copies of originals opened in other programs do not outlive the session (issue 10
item 4): removed when the process exits, and after a crash by the next session."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from casefile.core import services
from casefile.core.jobs import JobContext

SCRIPT = """
import os, sys
from casefile.core import services
with services.open_case(sys.argv[1], readonly=True) as case:
    uid = services.document_uids(case)[0]
    copy = services.original_copy(case, uid)
print(copy, flush=True)
if sys.argv[2] == "crash":
    os._exit(1)  # no clean-up at all, like a kill -9
"""


@pytest.fixture
def case_path(tmp_path: Path) -> Path:
    src = tmp_path / "in" / "exhibit.txt"
    src.parent.mkdir()
    src.write_text("Evidence that must not be left lying around.", encoding="utf-8")
    case = services.create_case(tmp_path / "Copies")
    try:
        services.import_paths(case, [src], JobContext())
        return Path(case.path)
    finally:
        case.close()


def open_in_child(case_path: Path, tmp: Path, mode: str) -> Path:
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(case_path), mode],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert out.stdout.strip(), out.stderr
    return Path(out.stdout.strip())


def test_copies_go_when_the_process_exits(case_path: Path, tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    copy = open_in_child(case_path, tmp, "exit")
    assert copy.name == "exhibit.txt"
    assert copy.parent.parent.name.startswith("casefile-open-originals-")
    assert copy.parent.parent.parent == tmp
    assert not copy.exists() and not copy.parent.exists()


def test_copies_left_by_a_crash_go_at_the_next_start(
    case_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    copy = open_in_child(case_path, tmp, "crash")
    assert copy.read_text(encoding="utf-8").startswith("Evidence")  # left behind
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    assert services.copies_root() == copy.parent.parent

    # What the app does at start (casefile.ui.app): the crashed session's copies go.
    assert services.remove_stale_copies() == 1
    assert not copy.exists() and not copy.parent.exists()

    # This session's own copies stay while it runs, and go when it ends.
    with services.open_case(case_path, readonly=True) as case:
        mine = services.original_copy(case, services.document_uids(case)[0])
    assert services.remove_stale_copies() == 0
    assert mine.exists()
    assert services.remove_session_copies() >= 1
    assert not mine.exists()
