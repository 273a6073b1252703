"""Evidence integrity: verify catches a flipped byte; a kill -9 mid-import loses nothing."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from casefile.core import services
from casefile.core.case import Case
from tests.helpers import write_mixed_folder, write_text_files

CLI = [sys.executable, "-m", "casefile.cli"]

# An import that, once 300 files are done, says so and holds on its own thread (inside
# its progress report) until it is killed.
_IMPORT_THEN_HOLD = """
import sys, threading
from casefile.core import services
from casefile.core.jobs import JobContext

def hold(p):
    if p.done >= 300:
        print("holding", flush=True)
        threading.Event().wait()

case = services.open_case(sys.argv[1])
services.import_paths(case, [sys.argv[2]], JobContext(on_progress=hold))
"""


def test_verify_catches_one_flipped_byte_and_a_missing_original(case: Case, tmp_path: Path) -> None:
    write_mixed_folder(tmp_path / "in")
    services.import_paths(case, [tmp_path / "in"])
    assert services.verify_case(case).ok
    docs = services.list_documents(case, sort="title")
    victim = services.get_document(case, docs[0].uid)
    path = case.store.path_for(victim.sha256)
    path.chmod(0o600)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    gone = services.get_document(case, docs[1].uid)
    case.store.path_for(gone.sha256).unlink()

    report = services.verify_case(case)
    assert not report.ok
    problems = {p.document_uid: p for p in report.problems}
    assert problems[victim.uid].problem == "altered"
    assert victim.title in problems[victim.uid].message
    assert problems[gone.uid].problem == "missing"
    assert report.checked == len(docs)

    # And the command line says so with a non-zero exit.
    case.close()
    result = subprocess.run([*CLI, "verify", str(case.path)], capture_output=True, text=True)
    assert result.returncode == 3
    assert "has changed since it was imported" in result.stdout
    assert "is missing" in result.stdout


def test_kill_9_during_import_then_rerun_gives_a_verified_case_with_each_file_once(
    tmp_path: Path,
) -> None:
    src = tmp_path / "src"
    write_text_files(src, 600, size=3000)
    case_path = tmp_path / "K.casefile"
    services.create_case(case_path).close()
    # The import runs in its own process and stops itself when 300 of 600 files are done
    # (the first batch of 200 written, more extracted and stored): the kill comes at that
    # point whatever the machine's speed, with its workers alive and files in flight.
    proc = subprocess.Popen(
        [sys.executable, "-c", _IMPORT_THEN_HOLD, str(case_path), str(src)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout is not None
    stuck = threading.Timer(120, lambda: proc.kill())  # a child that never holds fails
    stuck.start()
    line = proc.stdout.readline()  # blocks until the import holds (or the child dies)
    stuck.cancel()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # the importer and its workers, mid-flight
    _, err = proc.communicate()
    assert line.strip() == "holding", err
    db = case_path / "case.sqlite"
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    written = con.execute("SELECT count(*) FROM document").fetchone()[0]
    con.close()
    assert 0 < written < 600, "the import should have been killed midway"

    result = subprocess.run(
        [*CLI, "import", str(case_path), str(src), "--json"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    with services.open_case(case_path) as case:
        assert services.count_documents(case) == 600
        con = sqlite3.connect(db)
        assert con.execute("SELECT count(DISTINCT sha256) FROM document").fetchone()[0] == 600
        report = services.verify_case(case)
        assert report.ok and report.checked == 600
        stored = set(case.store.iter_stored())
        assert len(stored) == 600


def test_verify_names_originals_of_removed_documents_as_kept_not_interrupted(
    case: Case, tmp_path: Path
) -> None:
    """`rm` keeps the original (it is evidence); verify used to blame an interrupted
    import for it. A true leftover (stored, never recorded) is still named as one."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "memo.txt").write_text("first memo", encoding="utf-8")
    (src / "note.txt").write_text("second note", encoding="utf-8")
    services.import_paths(case, [src])
    uid = next(d.uid for d in services.list_documents(case) if d.title == "memo")
    services.delete_document(case, uid)
    leftover = case.store.put_bytes(b"an import stopped before recording me").sha256

    report = services.verify_case(case)
    assert report.ok
    assert (report.kept, report.orphans, report.stored) == (1, 1, 3)
    by_kind = {p.problem: p for p in report.orphan_originals}
    assert "“memo”, removed from the case on " in by_kind["kept"].message
    assert "import stopped" not in by_kind["kept"].message
    assert by_kind["orphan"].sha256 == leftover
    assert "import stopped before recording" in by_kind["orphan"].message
