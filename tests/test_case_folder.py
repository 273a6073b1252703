"""The case folder: creation, the lock against a second writer, migrations and refusals."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from casefile.core import services
from casefile.core.case import Case
from casefile.core.db import migrate
from casefile.core.errors import (
    CaseExistsError,
    CaseLockedError,
    CaseNotFoundError,
    CaseTooNewError,
)


def test_new_case_has_the_documented_layout(tmp_path: Path) -> None:
    with services.create_case(tmp_path / "Sanctions", "Cloud face recognition") as case:
        assert case.path.name == "Sanctions.casefile"
        assert (case.path / "case.sqlite").is_file()
        assert (case.path / "originals").is_dir()
        assert (case.path / ".lock").is_file()
        assert case.title == "Cloud face recognition"
    db = sqlite3.connect(case.path / "case.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"document", "page", "tag", "audit", "work_queue", "saved_search"} <= tables


def test_foreign_keys_are_enforced(case: Case) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), case.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO page (document_id, number, text, needs_ocr) VALUES (999, 1, 'x', 0)"
        )


def test_creating_over_an_existing_case_is_refused(tmp_path: Path) -> None:
    services.create_case(tmp_path / "A").close()
    with pytest.raises(CaseExistsError, match="already a case"):
        services.create_case(tmp_path / "A.casefile")


def test_opening_a_folder_that_is_not_a_case_says_so(tmp_path: Path) -> None:
    with pytest.raises(CaseNotFoundError, match="not a Casefile case"):
        services.open_case(tmp_path)
    with pytest.raises(CaseNotFoundError, match="no case"):
        services.open_case(tmp_path / "nowhere")


def test_second_writer_in_another_process_is_refused_with_the_holder(tmp_path: Path) -> None:
    case = services.create_case(tmp_path / "Locked")
    try:
        script = textwrap.dedent(
            f"""
            from casefile.core import services
            from casefile.core.errors import CaseLockedError
            try:
                services.open_case({str(case.path)!r})
            except CaseLockedError as exc:
                print("REFUSED", exc, exc.holder.get("pid"))
            else:
                print("OPENED")
            """
        )
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
        ).stdout
        assert out.startswith("REFUSED"), out
        assert "already open for writing" in out
        import os

        assert str(os.getpid()) in out  # names the holder's process
    finally:
        case.close()
    # Released on close: now it opens.
    services.open_case(case.path).close()


def test_lock_of_a_killed_process_does_not_linger(tmp_path: Path) -> None:
    path = tmp_path / "Killed.casefile"
    services.create_case(path).close()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from casefile.core import services; c = services.open_case({str(path)!r}); "
            "print('open', flush=True); import time; time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    with pytest.raises(CaseLockedError):
        services.open_case(path)
    proc.kill()
    proc.wait()
    services.open_case(path).close()


def test_read_only_open_works_while_another_writer_holds_the_case(case: Case) -> None:
    with services.open_case(case.path, readonly=True) as ro:
        assert ro.title == case.title


def test_case_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "Future.casefile"
    services.create_case(path).close()
    db = sqlite3.connect(path / "case.sqlite")
    db.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    db.commit()
    db.close()
    before = (path / "case.sqlite").read_bytes()
    with pytest.raises(CaseTooNewError, match="newer version of Casefile"):
        services.open_case(path)
    assert (path / "case.sqlite").read_bytes() == before


def test_upgrade_copies_the_database_aside_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "Old.casefile"
    with services.create_case(path) as c:
        c.engine.dispose()
    # A newer Casefile ships one more migration; opening the old case runs it.
    migrations = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, migrations)
    head = migrate.head_revision()
    (migrations / "versions" / "9999_test.py").write_text(
        textwrap.dedent(
            f"""
            import sqlalchemy as sa
            from alembic import op

            revision = "9999_test"
            down_revision = "{head}"

            def upgrade():
                with op.batch_alter_table("document") as b:
                    b.add_column(sa.Column("extra_test", sa.Text(), nullable=True))
            """
        )
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(migrate, "HEAD_REVISION", "9999_test")
    with Case.open(path) as c:
        backup = c.migration_backup
    assert backup is not None and backup.is_file()
    old = sqlite3.connect(backup)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
    new = sqlite3.connect(path / "case.sqlite")
    cols = {r[1] for r in new.execute("PRAGMA table_info(document)")}
    assert "extra_test" in cols
    assert new.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999_test"


def test_the_fast_open_path_knows_the_newest_shipped_migration() -> None:
    # A current case opens without alembic by comparing against HEAD_REVISION; a new
    # migration that forgot to bump it would silently never run.
    assert migrate.head_revision() == migrate.HEAD_REVISION


def test_every_commit_is_synced_before_it_is_reported(case: Case) -> None:
    # WAL with synchronous=NORMAL may lose the last commits on power loss after "Done"
    # was printed; FULL (2) syncs the log at each commit.
    with case.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
