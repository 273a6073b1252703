"""A case on read-only media (a DVD, a write-protected stick, a read-only share) can be
read: docs, verify, audit and search work, nothing is written, and the user is told.

The faithful test mounts the case folder read-only in a private mount namespace
(`unshare -m`, needs root: the kernel then answers EROFS exactly as for a DVD). Where
that is not possible it is skipped; the second test always runs and proves only the
fallback logic (the media probe is replaced, the disk itself stays writable).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casefile.core import case as case_module
from casefile.core import services
from tests.helpers import write_text_files

CLI = f"{shlex.quote(sys.executable)} -m casefile.cli"
RO_NOTE = "This case is on read-only media"


def _can_mount_read_only(tmp_path: Path) -> bool:
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = tmp_path / "probe"
    probe.mkdir()
    script = (
        f"mount --bind {probe} {probe} && mount -o remount,ro,bind {probe} && ! touch {probe}/x"
    )
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True)
    return done.returncode == 0


def _on_read_only_media(
    folder: Path, commands: list[str]
) -> list[subprocess.CompletedProcess[str]]:
    """Run each CLI command with `folder` mounted read-only (one namespace per command)."""
    results = []
    for command in commands:
        q = shlex.quote(str(folder))
        script = (
            f"mount --bind {q} {q} && mount -o remount,ro,bind {q} && "
            f"{CLI} {command.replace('CASE', q)}"
        )
        results.append(
            subprocess.run(
                ["unshare", "-m", "sh", "-c", script],
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
            )
        )
    return results


@pytest.fixture
def case_path(tmp_path: Path) -> Path:
    write_text_files(tmp_path / "in", 5, size=800)
    with services.create_case(tmp_path / "Disc") as case:
        services.import_paths(case, [tmp_path / "in"])
        path = case.path
    (path / ".lock").unlink()  # as burnt to a disc: nothing but the case
    return path


def test_a_case_on_read_only_media_can_be_read_and_says_so(case_path: Path, tmp_path: Path) -> None:
    if not _can_mount_read_only(tmp_path):
        pytest.skip("needs root and unshare to mount a folder read-only")
    docs, verify, audit, search = _on_read_only_media(
        case_path, ["docs CASE", "verify CASE", "audit CASE", "search CASE Document"]
    )
    for result in (docs, verify, audit, search):
        assert result.returncode == 0, result.stderr
        assert RO_NOTE in result.stderr
        assert "Traceback" not in result.stderr
    assert "5 document(s)" in docs.stdout
    assert "All 5 original(s) of the case's documents are intact" in verify.stdout
    assert "This run was not recorded in the audit log: the case is open read-only" in (
        verify.stdout
    )
    assert "import_document" in audit.stdout
    assert "doc0000" in search.stdout
    assert not (case_path / ".lock").exists()  # no lock file was written

    # A missing index cannot be rebuilt on the media: search from one built in memory.
    shutil.rmtree(case_path / "index")
    (search,) = _on_read_only_media(case_path, ["search CASE Document"])
    assert search.returncode == 0, search.stderr
    assert "doc0000" in search.stdout
    assert not (case_path / "index").exists()

    # A change is refused with a sentence.
    (more := tmp_path / "more").mkdir()
    (more / "new.txt").write_text("a new note", encoding="utf-8")
    (imp,) = _on_read_only_media(case_path, [f"import CASE {more}"])
    assert imp.returncode == 1
    assert "cannot be changed: it is on read-only media" in imp.stderr
    assert "Traceback" not in imp.stderr


def test_an_unwritable_case_opens_read_only_without_a_lock(
    case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the probe is replaced: this proves what Casefile does with its answer.
    monkeypatch.setattr(case_module, "_media_writable", lambda _folder: False)
    with services.open_case(case_path) as case:
        assert case.readonly
        assert case.readonly_reason and RO_NOTE in case.readonly_reason
        assert services.count_documents(case) == 5
        assert services.search(case, "Document").total == 5
    assert not (case_path / ".lock").exists()


def test_a_stale_index_on_read_only_media_is_not_trusted(
    case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with services.open_case(case_path) as case:
        uid = services.document_uids(case)[0]
        case.indexing_in_bulk = True  # the edit reaches the database, not the index
        services.update_document(case, uid, title="Zanzibar memo")
        from sqlalchemy import update

        from casefile.core.db.schema import Document, WorkItem

        with case.session() as s:  # as if the writer died before indexing it
            s.execute(update(Document).values(indexed_revision=0).where(Document.uid == uid))
            s.query(WorkItem).delete()
    (case_path / ".lock").unlink()
    monkeypatch.setattr(case_module, "_media_writable", lambda _folder: False)
    with services.open_case(case_path) as case:
        assert services.search(case, "Zanzibar").total == 1
