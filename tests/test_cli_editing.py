"""`casefile edit` and `casefile rm`: every edit the app makes, a script can make,
through the same services, audited, with clear errors and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile.cli import main
from casefile.core import services
from casefile.core.jobs import JobContext
from tests.helpers import write_text_files


@pytest.fixture
def case_with_docs(tmp_path: Path) -> tuple[Path, list[str]]:
    case = services.create_case(tmp_path / "Edit case")
    try:
        services.import_paths(case, write_text_files(tmp_path / "in", 3, 400), JobContext())
        uids = [d.uid for d in services.list_documents(case, sort="title")]
        path = Path(case.path)
    finally:
        case.close()
    return path, uids


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_edit_changes_every_field_and_is_audited(
    case_with_docs: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, uids = case_with_docs
    uid = uids[0]
    code, out, _ = cli(
        capsys, "edit", path, uid[:8],
        "--title", "Claim summary", "--kind", "court_filing", "--date", "2024-06",
        "--source", "Tribunal", "--author", "D. Forrest", "--url", "https://example.org/c",
        "--reliability", "b2", "--notes", "Check page 3", "--tag", "Helix", "--tag", "OkoVision",
    )  # fmt: skip
    assert code == 0
    assert "Claim summary" in out
    with services.open_case(path, readonly=True) as case:
        d = services.get_document(case, uid)
        assert (d.title, d.kind, d.date, d.source, d.author, d.url) == (
            "Claim summary", "court_filing", "2024-06", "Tribunal", "D. Forrest",
            "https://example.org/c",
        )  # fmt: skip
        assert (d.reliability_source, d.reliability_info, d.notes) == ("B", 2, "Check page 3")
        assert d.tags == ("Helix", "OkoVision")
        actions = [r.action for r in services.audit_log(case, target=uid)]
        assert "edit_document" in actions and "set_tags" in actions
        # A script's edit is searchable at once, like one made in the window.
        assert services.search(case, 'title:"Claim summary"').total == 1

    code, out, _ = cli(capsys, "edit", path, uid[:8], "--untag", "Helix", "--notes", "")
    assert code == 0
    with services.open_case(path, readonly=True) as case:
        d = services.get_document(case, uid)
        assert d.tags == ("OkoVision",) and d.notes is None


def test_edit_errors_are_one_line_and_change_nothing(
    case_with_docs: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, uids = case_with_docs
    uid = uids[0]
    code, _, err = cli(capsys, "edit", path, uid, "--date", "2024-13-40", "--title", "New")
    assert code == 1 and "is not a date" in err and "Traceback" not in err
    code, _, err = cli(capsys, "edit", path, uid, "--reliability", "Z9")
    assert code == 1 and "Admiralty grade" in err
    code, _, err = cli(capsys, "edit", path, uid, "--title", "")
    assert code == 1 and "needs a title" in err
    code, _, err = cli(capsys, "edit", path, "zzzz", "--title", "x")
    assert code == 1 and "No document id starts with" in err
    code, _, err = cli(capsys, "edit", path, uid)
    assert code == 2 and "Nothing to change" in err
    with pytest.raises(SystemExit) as exc:
        main(["edit", str(path), uid, "--kind", "novel"])
    assert exc.value.code == 2
    with services.open_case(path, readonly=True) as case:
        assert services.get_document(case, uid).title != "New"
        assert [r.action for r in services.audit_log(case, target=uid)
                if r.action == "edit_document"] == []  # fmt: skip


def test_rm_removes_several_and_an_unknown_id_removes_none(
    case_with_docs: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, uids = case_with_docs
    code, _, err = cli(capsys, "rm", path, uids[0], "ffffffffff")
    assert code == 1 and "No document id starts with" in err
    with services.open_case(path, readonly=True) as case:
        assert services.count_documents(case) == 3

    code, out, _ = cli(capsys, "rm", path, uids[0][:8], uids[1])
    assert code == 0 and "2 document(s) removed" in out
    with services.open_case(path, readonly=True) as case:
        assert services.document_uids(case) == [uids[2]]
        deleted = [r.target for r in services.audit_log(case) if r.action == "delete_document"]
        assert sorted(deleted) == sorted(uids[:2])
        assert services.search(case, "Document").total == 1


def test_edit_on_a_locked_case_names_the_holder(
    case_with_docs: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, uids = case_with_docs
    with services.open_case(path):
        code, _, err = cli(capsys, "rm", path, uids[0])
    assert code == 1 and "already open for writing" in err
