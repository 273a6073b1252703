"""Crash and fault acceptance (issue 8): an import of plain files and of e-mails with
attachments is killed with SIGKILL at random moments, then run again to the end. After
that the case must be exact: one document per distinct file, one original per document
and none without one, one audit entry per import, a sound database, and a search that
finds every document. The inputs are built here (the e-mails with the `email` package).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casefile.core import services
from tests.helpers import write_text_files
from tests.mail_fixtures import write_mails

CLI = [sys.executable, "-m", "casefile.cli"]
PLAIN, MAILS, ATTACHED = 120, 30, 2
KILLS = 3


def _import(case: Path, folder: Path) -> subprocess.Popen[bytes]:
    # A session of its own: the kill takes the extraction workers with it, as a power
    # cut or `kill -9` of the terminal's process group would.
    return subprocess.Popen(
        [*CLI, "import", str(case), str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _kill_at(proc: subprocess.Popen[bytes], delay: float) -> bool:
    """SIGKILL the import after `delay` seconds; False if it had already finished."""
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return True


@pytest.mark.slow
def test_killed_imports_of_files_and_mail_end_exact(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_text_files(folder / "notes", PLAIN, size=1500)
    write_mails(folder / "mail", MAILS, attachments=ATTACHED)
    case = tmp_path / "Crash.casefile"
    assert subprocess.run([*CLI, "new", str(case)], capture_output=True).returncode == 0

    rng = random.Random(8)
    for _ in range(KILLS):
        _kill_at(_import(case, folder), rng.uniform(1.0, 3.0))
    final = _import(case, folder)
    assert final.wait(timeout=180) == 0

    expected = PLAIN + MAILS * (1 + ATTACHED)
    db = sqlite3.connect(case / "case.sqlite")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        docs = db.execute("SELECT count(*) FROM document").fetchone()[0]
        hashes = {h for (h,) in db.execute("SELECT sha256 FROM document")}
        audited = db.execute(
            "SELECT count(*) FROM audit WHERE action = 'import_document'"
        ).fetchone()[0]
        messages_without_files = db.execute(
            "SELECT count(*) FROM document m WHERE m.file_type = 'email' AND "
            "(SELECT count(*) FROM document a WHERE a.parent_id = m.id) != ?",
            (ATTACHED,),
        ).fetchone()[0]
    finally:
        db.close()
    stored = {p.name for p in (case / "originals").glob("*/*")}
    leftovers = list((case / "originals").glob(".*"))

    assert docs == expected
    assert len(hashes) == docs  # one document per distinct file
    assert stored == hashes  # every original has its document, and no orphans
    assert audited == docs  # one audit entry per import
    assert messages_without_files == 0
    assert leftovers == []  # no half-copied originals or spool files

    with services.open_case(case) as opened:
        assert services.verify_case(opened).ok
        found = services.search(opened, "Helix", limit=expected + 10)
        assert found.total == docs and len(found.hits) == docs
