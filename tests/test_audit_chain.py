"""The audit log is tamper-evident: entries form a hash chain that `verify` checks, a
head lodged elsewhere proves the log was not rewritten, verification runs, reindexes and
saved-search changes are logged, and a missing or altered original can be restored."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from casefile.cli import main
from casefile.core import services
from casefile.core.db import audit, migrate
from tests.helpers import write_text_files


@pytest.fixture
def case_path(tmp_path: Path) -> Path:
    write_text_files(tmp_path / "in", 4, size=600)
    with services.create_case(tmp_path / "Chain") as case:
        services.import_paths(case, [tmp_path / "in"])
        return case.path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def _db(case_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(case_path / "case.sqlite", isolation_level=None)


def test_an_untouched_case_verifies_and_the_run_is_logged(
    case_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _run(capsys, "verify", str(case_path))
    assert code == 0, out
    assert "All 4 original(s) of the case's documents are intact" in out
    assert "the audit log's 4 entries are sealed and linked" in out
    with services.open_case(case_path, readonly=True) as case:
        entries = services.audit_log(case)
    assert entries[-1].action == "verify"
    assert json.loads(entries[-1].after or "{}")["ok"] is True
    # …and that entry is sealed too: the next run checks five.
    code, out = _run(capsys, "verify", str(case_path))
    assert "the audit log's 5 entries are sealed and linked" in out


@pytest.mark.parametrize(
    ("tamper", "said"),
    [
        ("UPDATE audit SET actor = 'someone else' WHERE id = 2", "entry 2 ("),
        ("UPDATE audit SET at = '2020-01-01 00:00:00.000000' WHERE id = 3", "entry 3 ("),
        ("DELETE FROM audit WHERE id = 2", "just before entry 3"),
    ],
)
def test_a_rewritten_or_deleted_entry_is_found_and_named(
    case_path: Path, capsys: pytest.CaptureFixture[str], tamper: str, said: str
) -> None:
    _db(case_path).execute(tamper)
    code, out = _run(capsys, "verify", str(case_path))
    assert code == 3
    assert "The audit log was changed outside Casefile" in out
    assert said in out


def test_a_document_whose_hash_and_original_were_swapped_is_caught(
    case_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The forger replaces an original and makes the database agree: the old verify,
    # which only compared the two, said "All intact".
    db = _db(case_path)
    uid, sha = db.execute("SELECT uid, sha256 FROM document ORDER BY id LIMIT 1").fetchone()
    forged = b"a different letter altogether"
    new_sha = hashlib.sha256(forged).hexdigest()
    target = case_path / "originals" / new_sha[:2] / new_sha
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(forged)
    db.execute("UPDATE document SET sha256 = ?, size = ? WHERE uid = ?", (new_sha, 29, uid))
    old = case_path / "originals" / sha[:2] / sha
    old.chmod(0o600)
    old.unlink()
    code, out = _run(capsys, "verify", str(case_path))
    assert code == 3
    assert "is not the one the audit log sealed when it was imported" in out


def test_a_lodged_head_proves_the_log_was_not_rewritten(
    case_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _run(capsys, "audit", str(case_path), "--export")
    assert code == 0
    head = out.split("Audit log head: ")[1].split()[0]
    assert len(head) == 64
    assert "Entries: 4" in out

    code, out = _run(capsys, "verify", str(case_path), "--head", head)
    assert code == 0
    assert "the head you lodged is in the log" in out

    # A forger who rewrites an entry and re-seals the whole chain passes the chain
    # check, but the head lodged elsewhere is gone from it.
    db = _db(case_path)
    db.execute("UPDATE audit SET actor = 'forger' WHERE id = 1")
    prev = None
    for row in db.execute(
        "SELECT id, at, actor, action, target, before, after FROM audit ORDER BY id"
    ).fetchall():
        from datetime import datetime

        at = datetime.fromisoformat(row[1])
        h = audit.entry_hash(row[0], prev, at, *row[2:])
        db.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", (prev, h, row[0]))
        prev = h
    code, out = _run(capsys, "verify", str(case_path), "--head", head)
    assert code == 3
    assert "no longer contains the head you lodged" in out
    assert "The audit log was changed" not in out  # the chain itself is consistent


def test_reindex_and_saved_search_changes_are_logged(case_path: Path) -> None:
    with services.open_case(case_path) as case:
        services.reindex(case)
        services.save_search(case, "letters", "Document")
        services.save_search(case, "letters", "Document OR claim", replace=True)
        services.delete_saved_search(case, "letters")
        actions = [e.action for e in services.audit_log(case)]
    assert actions[-4:] == [
        "reindex",
        "save_search",
        "replace_saved_search",
        "delete_saved_search",
    ]


def test_an_old_case_is_sealed_on_upgrade(case_path: Path, tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{case_path / 'case.sqlite'}")
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    engine.dispose()
    cols = {r[1] for r in _db(case_path).execute("PRAGMA table_info(audit)")}
    assert "hash" not in cols  # as a case from the previous version

    with services.open_case(case_path) as case:
        assert case.migration_backup is not None
        report = services.verify_case(case)
    assert report.ok, report.problems
    assert report.audit_entries == 4


@pytest.mark.parametrize("damage", ["missing", "altered"])
def test_importing_the_pristine_file_restores_a_damaged_original(
    case_path: Path, tmp_path: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pristine = tmp_path / "in" / "doc00001.txt"
    sha = hashlib.sha256(pristine.read_bytes()).hexdigest()
    stored = case_path / "originals" / sha[:2] / sha
    stored.chmod(0o600)
    if damage == "missing":
        stored.unlink()
    else:
        stored.write_bytes(b"X" + stored.read_bytes()[1:])
    code, out = _run(capsys, "verify", str(case_path))
    assert code == 3

    code, out = _run(capsys, "import", str(case_path), str(pristine))
    assert code == 0, out
    assert "was missing or altered; it was restored from this file" in out
    assert "Done (1 original(s) restored)" in out
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == sha

    code, out = _run(capsys, "verify", str(case_path))
    assert code == 0, out
    with services.open_case(case_path, readonly=True) as case:
        entries = services.audit_log(case)
    restored = [e for e in entries if e.action == "restore_original"]
    assert len(restored) == 1 and sha in (restored[0].after or "")


def test_verify_reports_originals_no_document_refers_to(
    case_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with services.open_case(case_path) as case:
        case.store.put_bytes(b"stored by an import that was killed before recording it")
    code, out = _run(capsys, "verify", str(case_path))
    assert code == 0  # reported, but no recorded evidence is in doubt
    assert "belongs to no document" in out
    assert "1 of the 5 original(s) in the case folder belong to no document" in out


def test_an_old_case_can_be_listed_read_only_at_once(
    case_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `docs`, `show` and `audit` open read-only; a case from the previous version is
    # upgraded (with its backup) first instead of being refused.
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{case_path / 'case.sqlite'}")
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    engine.dispose()
    code, out = _run(capsys, "docs", str(case_path))
    assert code == 0
    assert "4 document(s)" in out
    assert list(case_path.glob("case.sqlite.bak-0002-*"))
