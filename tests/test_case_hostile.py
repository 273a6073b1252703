"""Case folders are untrusted input: a symlinked `.lock`, database or folder, a damaged
database and a full disk each get one sentence, never a traceback or a write elsewhere."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from casefile.cli import main
from casefile.core import services
from casefile.core.errors import CaseDamagedError, DiskFullError, UnsafeCaseError
from tests.helpers import write_text_files


@pytest.fixture
def closed_case(tmp_path: Path) -> Path:
    """A closed case with three documents, as someone might send it."""
    write_text_files(tmp_path / "in", 3, size=500)
    with services.create_case(tmp_path / "Received") as case:
        services.import_paths(case, [tmp_path / "in"])
        return case.path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- item 2: the lock and the folder -------------------------------------------------
def test_a_symlinked_lock_never_touches_the_file_it_points_at(
    closed_case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    precious = tmp_path / "thesis.txt"
    precious.write_text("three years of work", encoding="utf-8")
    lock = closed_case / ".lock"
    lock.unlink()
    lock.symlink_to(precious)

    code, _, err = _run(capsys, "search", str(closed_case), "Document")
    assert code == 1
    assert "not safe to open" in err and ".lock is a link to" in err
    assert "delete .lock" in err
    assert "Traceback" not in err
    assert precious.read_text(encoding="utf-8") == "three years of work"
    with pytest.raises(UnsafeCaseError):
        services.open_case(closed_case)
    assert precious.read_text(encoding="utf-8") == "three years of work"


def test_a_hard_linked_or_special_lock_is_refused(closed_case: Path, tmp_path: Path) -> None:
    precious = tmp_path / "notes.txt"
    precious.write_text("keep me", encoding="utf-8")
    lock = closed_case / ".lock"
    lock.unlink()
    os.link(precious, lock)
    with pytest.raises(UnsafeCaseError, match="hard link"):
        services.open_case(closed_case)
    assert precious.read_text(encoding="utf-8") == "keep me"

    lock.unlink()
    os.mkfifo(lock)  # a FIFO would block the open forever without O_NONBLOCK
    with pytest.raises(UnsafeCaseError, match="not a plain file"):
        services.open_case(closed_case)


@pytest.mark.parametrize("entry", ["case.sqlite", "originals", "index"])
def test_a_database_or_folder_linked_outside_the_case_is_refused(
    closed_case: Path, tmp_path: Path, entry: str, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    real = closed_case / entry
    moved = outside / entry
    real.rename(moved)
    real.symlink_to(moved)

    code, _, err = _run(capsys, "docs", str(closed_case))
    assert code == 1
    assert f"its {entry} is a link to {moved}, outside the case" in err
    assert "Traceback" not in err
    with pytest.raises(UnsafeCaseError):
        services.open_case(closed_case)


def test_a_segment_folder_linked_outside_the_case_is_refused(
    closed_case: Path, tmp_path: Path
) -> None:
    """`index.parts/`, where an import's workers build index segments, does not exist
    between imports; a case that brings one as a link would have them written, and
    cleared, elsewhere."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "keep.txt").write_text("someone else's file")
    (closed_case / "index.parts").symlink_to(outside)
    with pytest.raises(UnsafeCaseError):
        services.open_case(closed_case)
    assert (outside / "keep.txt").read_text() == "someone else's file"


# -- item 10: damaged database, full disk --------------------------------------------
@pytest.mark.parametrize("damage", ["garbage", "truncated", "malformed"])
def test_a_damaged_database_gets_one_sentence_naming_the_backup(
    closed_case: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = closed_case / "case.sqlite"
    backup = closed_case / "case.sqlite.bak-0001-20260101T000000"
    backup.write_bytes(db.read_bytes())  # what an upgrade leaves behind
    data = bytearray(db.read_bytes())
    if damage == "garbage":
        data = bytearray(os.urandom(len(data)))
    elif damage == "truncated":
        data = data[: len(data) // 3]
    else:  # every page after the first overwritten: the schema's tables are unreadable
        page = 4096
        data[page:] = b"\xa5" * (len(data) - page)
    db.write_bytes(bytes(data))

    for command in ("docs", "verify", "audit", "search"):
        argv = [command, str(closed_case)] + (["Document"] if command == "search" else [])
        code, out, err = _run(capsys, *argv)
        assert code == 1, (command, out, err)
        assert "is damaged and cannot be read" in err, (command, err)
        assert str(backup) in err
        assert "Traceback" not in err and "DatabaseError" not in err
        assert len(err.strip().splitlines()) == 1
    with pytest.raises(CaseDamagedError, match="restore it from the copy made at the last"):
        services.open_case(closed_case)


@pytest.fixture
def full_disk() -> Iterator[None]:
    """Every new database connection may not grow its file: SQLite then fails a commit
    with SQLITE_FULL ("database or disk is full"), exactly as on a full disk."""

    def cap(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {max(pages, 1)}")

    event.listen(Engine, "connect", cap)
    try:
        yield
    finally:
        event.remove(Engine, "connect", cap)


def test_a_full_disk_during_import_says_so_and_loses_nothing(
    closed_case: Path, tmp_path: Path, full_disk: None, capsys: pytest.CaptureFixture[str]
) -> None:
    write_text_files(tmp_path / "more", 300, size=4000)
    code, _, err = _run(capsys, "import", str(closed_case), str(tmp_path / "more"))
    assert code == 1
    assert "is full, so the last change was not saved" in err
    assert "nothing already in the case was lost" in err
    assert "free some space" in err
    assert "Traceback" not in err and "OperationalError" not in err

    # Verify still counts what is there: the three documents, and the originals the
    # failed import stored but could not record (it said "All 0 original(s) are intact").
    with services.open_case(closed_case, readonly=True) as case:
        assert services.count_documents(case) == 3
        stored = sum(1 for _ in case.store.iter_stored())
    assert stored > 3
    code, out, _ = _run(capsys, "verify", str(closed_case))
    assert code == 0  # a note, not a problem: no recorded evidence is in doubt
    assert "All 3 original(s) of the case's documents are intact" in out
    orphans = stored - 3
    assert f"{orphans} of the {stored} original(s) in the case folder belong to no document" in out


def test_disk_full_is_a_casefile_error_the_gui_can_show(closed_case: Path, full_disk: None) -> None:
    with services.open_case(closed_case) as case:
        uid = services.document_uids(case)[0]
        with pytest.raises(DiskFullError, match="free some space"):
            services.update_document(case, uid, notes="x" * 200_000)


def test_an_originals_subfolder_linked_elsewhere_is_refused(
    closed_case: Path, tmp_path: Path
) -> None:
    sub = next(p for p in (closed_case / "originals").iterdir() if p.is_dir())
    outside = tmp_path / "loot"
    sub.rename(outside)
    sub.symlink_to(outside)
    with pytest.raises(UnsafeCaseError, match=f"originals/{sub.name} is a link"):
        services.open_case(closed_case)


def test_text_that_is_not_unicode_gets_a_sentence_and_saves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command-line argument in another encoding arrives as a lone surrogate (PEP 383);
    SQLite refuses it. It used to end in a traceback; now one sentence, nothing saved."""
    case_dir = tmp_path / "Hostile text"
    assert main(["new", str(case_dir)]) == 0
    capsys.readouterr()
    title = os.fsdecode(b"Meeting \xff in Kyiv")  # what Python makes of a Latin-1 byte
    case = str(case_dir) + ".casefile"
    assert main(["event", "add", case, "--date", "2024", "--title", title]) != 0
    said = capsys.readouterr().err
    assert "not valid text (U+DCFF" in said and "Traceback" not in said
    from casefile.core.services import chronology

    opened = services.open_case(case)
    try:
        assert chronology.list_events(opened) == []
    finally:
        opened.close()
