"""The command line as a user meets it: clear lines, exit codes, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import write_mixed_folder

CLI = [sys.executable, "-m", "casefile.cli"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120, input=stdin)


def assert_clean_error(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def case_path(tmp_path: Path) -> Path:
    path = tmp_path / "Cli.casefile"
    assert run("new", str(path), "--title", "CLI case").returncode == 0
    return path


def test_new_import_docs_show_round_trip(case_path: Path, tmp_path: Path) -> None:
    write_mixed_folder(tmp_path / "in")
    result = run("import", str(case_path), str(tmp_path / "in"))
    assert result.returncode == 0, result.stderr
    assert "5 imported, 0 already in the case, 0 failed, 1 empty" in result.stdout
    assert "empty.txt" in result.stdout  # the one without text is named, with why

    docs = run("docs", str(case_path), "--json")
    listed = json.loads(docs.stdout)
    assert len(listed) == 5
    claim = next(d for d in listed if d["title"] == "Tribunal claim")
    shown = run("show", str(case_path), claim["uid"][:6])
    assert shown.returncode == 0
    assert "Daniel Forrest" in shown.stdout
    assert "SHA-256:" in shown.stdout


def test_import_json_reports_each_file(case_path: Path, tmp_path: Path) -> None:
    files = write_mixed_folder(tmp_path / "in")
    run("import", str(case_path), str(files["docx"]))
    result = run("import", str(case_path), str(tmp_path / "in"), "--json")
    data = json.loads(result.stdout)
    assert data["imported"] == 4 and data["duplicates"] == 1 and data["failed"] == 0
    assert data["empty"] == 1
    dup = next(f for f in data["files"] if f["result"] == "duplicate")
    assert dup["duplicate_of"] == "Tribunal claim"


def test_failed_files_give_exit_3_with_reasons(case_path: Path, tmp_path: Path) -> None:
    result = run("import", str(case_path), str(tmp_path / "nothing-here.txt"))
    line = assert_clean_error(result)
    assert "does not exist" in line


def test_missing_case_is_one_clear_line(tmp_path: Path) -> None:
    line = assert_clean_error(run("docs", str(tmp_path / "nope.casefile")))
    assert "There is no case" in line


def test_locked_case_names_the_holder(case_path: Path) -> None:
    from casefile.core import services

    with services.open_case(case_path):
        line = assert_clean_error(run("import", str(case_path), __file__))
    assert "already open for writing" in line


def test_bad_arguments_are_one_line_with_exit_2(case_path: Path) -> None:
    line = assert_clean_error(run("docs", str(case_path), "--sort", "colour"), code=2)
    assert "invalid choice" in line
    line = assert_clean_error(run("frobnicate"), code=2)
    assert "invalid choice" in line


def test_unknown_document_id_is_explained(case_path: Path) -> None:
    line = assert_clean_error(run("show", str(case_path), "ffff"))
    assert "No document id starts with" in line


def test_audit_lists_imports_and_edits(case_path: Path, tmp_path: Path) -> None:
    files = write_mixed_folder(tmp_path / "in")
    run("import", str(case_path), str(files["docx"]))
    result = run("audit", str(case_path), "--json")
    actions = [e["action"] for e in json.loads(result.stdout)]
    assert actions == ["import_document"]


def test_demo_builds_the_four_documents(tmp_path: Path) -> None:
    result = run("demo", str(tmp_path / "Demo"))
    assert result.returncode == 0, result.stderr
    docs = json.loads(run("docs", str(tmp_path / "Demo.casefile"), "--json").stdout)
    kinds = sorted(d["kind"] for d in docs)
    assert kinds == ["article", "court_filing", "parliamentary_submission", "report"]
    types = sorted(d["file_type"] for d in docs)
    assert types == ["docx", "html", "pdf", "text"]
    assert all(d["status"] == "ok" for d in docs)
    article = next(d for d in docs if d["kind"] == "article")
    assert "ru" in article["languages"] and article["title"].startswith("«Хеликс Клауд»")
    again = run("demo", str(tmp_path / "Demo"))
    assert "--force" in assert_clean_error(again)
