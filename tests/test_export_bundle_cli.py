"""`casefile export bundle|archive` and `casefile import-archive` as a user meets them:
files written, one clear line, exit codes, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from casefile.cli import main
from casefile.core import services
from tests.helpers import write_mixed_folder
from tests.test_export_bundle import write_pdf

pytestmark = pytest.mark.slow  # each test imports documents into a new case

BUNDLE = ["export", "bundle"]
ARCHIVE = ["export", "archive"]


@pytest.fixture
def case_path(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    write_mixed_folder(folder)
    write_pdf(folder / "claim.pdf", 4, "Claim form")
    with services.create_case(tmp_path / "Cli", title="CLI case") as case:
        services.import_paths(case, [folder])
        return case.path


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_bundle_with_sections_and_volumes(
    case_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with services.open_case(case_path, readonly=True) as case:
        docs = {d.original_filename: d.uid for d in services.list_documents(case)}
    out = tmp_path / "out" / "Bundle.pdf"
    code = main(
        [
            *BUNDLE,
            str(case_path),
            str(out),
            "--title",
            "Trial bundle",
            "--section",
            f"A:Statements of case:{docs['claim.pdf'][:6]}",
            "--section",
            f"B:Other:{docs['статья.txt'][:6]},{docs['page.html'][:6]}",
            "--numbering",
            "section",
            "--json",
        ]
    )
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["files"] == [str(out)]
    reader = PdfReader(out)
    assert reader.page_labels[:3] == ["i", "A1", "A2"]
    assert "Trial bundle" in reader.pages[0].extract_text()

    code = main([*BUNDLE, str(case_path), str(tmp_path / "v.pdf"), "--volumes", "10"])
    assert code == 0
    assert "volumes" in capsys.readouterr().out
    assert (tmp_path / "v - Volume 1.pdf").is_file()


def test_bundle_refuses_an_unknown_id(
    case_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([*BUNDLE, str(case_path), str(tmp_path / "b.pdf"), "--section", "A:X:zzzz"])
    assert code == 1
    assert "No document id starts with “zzzz”" in _one_line_error(capsys)
    assert not (tmp_path / "b.pdf").exists()


def test_archive_export_and_import(
    case_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "Cli.casezip"
    assert main([*ARCHIVE, str(case_path), str(archive)]) == 0
    assert archive.is_file()
    capsys.readouterr()
    assert main(["import-archive", str(archive), str(tmp_path / "Copy"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 6 and result["indexed"]
    with services.open_case(tmp_path / "Copy.casefile") as copy:
        assert services.search(copy, "санкции").total >= 1

    # A second import onto the same case is refused; junk is refused; nothing is made.
    assert main(["import-archive", str(archive), str(tmp_path / "Copy")]) == 1
    assert "choose a new folder" in _one_line_error(capsys)
    junk = tmp_path / "junk.casezip"
    junk.write_bytes(b"not a zip")
    assert main(["import-archive", str(junk), str(tmp_path / "Other")]) == 1
    assert "is not a Casefile case archive" in _one_line_error(capsys)
    assert not (tmp_path / "Other.casefile").exists()
