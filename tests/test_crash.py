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
PLAIN, MAILS, ATTACHED = 60, 40, 2
KILLS = 4


def _import(case: Path, folder: Path) -> subprocess.Popen[bytes]:
    # A session of its own: the kill takes the extraction workers with it, as a power
    # cut or `kill -9` of the terminal's process group would.
    return subprocess.Popen(
        [*CLI, "import", str(case), str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _count(case: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{case / 'case.sqlite'}?mode=ro", uri=True, timeout=1)
        try:
            return int(db.execute("SELECT count(*) FROM document").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def _kill_when(proc: subprocess.Popen[bytes], case: Path, documents: int) -> None:
    """SIGKILL the import as soon as the case holds `documents` documents: right after
    a batch commit, where an e-mail written before its attachments would be caught."""
    while proc.poll() is None:
        if _count(case) >= documents:
            os.killpg(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    proc.wait()


@pytest.mark.slow
def test_killed_imports_of_files_and_mail_end_exact(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_text_files(folder / "notes", PLAIN, size=1500)
    write_mails(folder / "mail", MAILS, attachments=ATTACHED)
    case = tmp_path / "Crash.casefile"
    assert subprocess.run([*CLI, "new", str(case)], capture_output=True).returncode == 0

    expected = PLAIN + MAILS * (1 + ATTACHED)
    rng = random.Random(int(os.environ.get("CASEFILE_CRASH_SEED", "8")))  # vary to explore
    for at in sorted(rng.sample(range(1, expected), KILLS)):
        _kill_when(_import(case, folder), case, at)
    final = _import(case, folder)
    assert final.wait(timeout=180) == 0

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
