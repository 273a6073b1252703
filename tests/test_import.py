"""Import from a user's point of view: what ends up in the case, and what is said."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from casefile.core import services
from casefile.core.case import Case
from tests.helpers import write_mixed_folder


def _by_name(summary: services.ImportSummary) -> dict[str, services.ImportOutcome]:
    return {Path(o.path).name: o for o in summary.outcomes}


def test_folder_import_reads_every_file_and_explains_the_rest(case: Case, tmp_path: Path) -> None:
    files = write_mixed_folder(tmp_path / "downloads")
    summary = services.import_paths(case, [tmp_path / "downloads"])
    outcomes = _by_name(summary)
    assert summary.imported == len(files) - 1  # the nested folder was walked too
    assert summary.failed == 0

    ru = services.get_page(case, outcomes["статья.txt"].document_uid or "", 1)
    assert "распознавания лиц" in ru.text  # cp1251 decoded to real Cyrillic
    koi8 = services.get_page(case, outcomes["koi8.txt"].document_uid or "", 1)
    assert koi8.text.startswith("Санкции.")

    html = services.get_document(case, outcomes["page.html"].document_uid or "")
    assert html.title == "Claim page"
    assert "never indexed" not in services.get_page(case, html.uid, 1).text

    docx = services.get_document(case, outcomes["claim.docx"].document_uid or "")
    assert docx.title == "Tribunal claim"
    assert docx.file_type == "docx"
    assert "Daniel Forrest" in services.get_page(case, docx.uid, 1).text

    fake = services.get_document(case, outcomes["not really.pdf"].document_uid or "")
    assert fake.file_type == "text"  # sniffed from the bytes, not the extension

    empty = outcomes["empty.txt"]  # nothing to keep: said, not made a document
    assert empty.result == "empty" and "0 bytes" in (empty.reason or "")


def test_originals_are_stored_byte_for_byte_and_read_only(case: Case, tmp_path: Path) -> None:
    files = write_mixed_folder(tmp_path / "in")
    summary = services.import_paths(case, [files["docx"]])
    doc = services.get_document(case, summary.outcomes[0].document_uid or "")
    stored = case.store.path_for(doc.sha256)
    assert stored.read_bytes() == files["docx"].read_bytes()
    assert doc.size == files["docx"].stat().st_size
    assert not stored.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert doc.original_filename == "claim.docx"
    assert doc.importer_version


def test_reimport_is_a_no_op_that_names_the_existing_document(case: Case, tmp_path: Path) -> None:
    write_mixed_folder(tmp_path / "in")
    first = services.import_paths(case, [tmp_path / "in"])
    count = services.count_documents(case)
    audit_before = len(services.audit_log(case))
    second = services.import_paths(case, [tmp_path / "in"])
    assert second.imported == 0
    assert second.duplicates == first.imported
    assert services.count_documents(case) == count
    assert len(services.audit_log(case)) == audit_before
    dup = _by_name(second)["claim.docx"]
    assert dup.duplicate_of == "Tribunal claim"


def test_same_bytes_under_two_names_make_one_document(case: Case, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "copy of a.txt"
    a.write_text("the same words", encoding="utf-8")
    b.write_bytes(a.read_bytes())
    summary = services.import_paths(case, [a, b])
    assert (summary.imported, summary.duplicates) == (1, 1)


def test_missing_and_unreadable_paths_fail_alone(case: Case, tmp_path: Path) -> None:
    ok = tmp_path / "ok.txt"
    ok.write_text("readable", encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    try:
        summary = services.import_paths(case, [ok, tmp_path / "gone.txt", locked])
    finally:
        locked.chmod(0o600)
    outcomes = _by_name(summary)
    assert outcomes["ok.txt"].result == "imported"
    assert outcomes["gone.txt"].result == "failed"
    assert "no file" in (outcomes["gone.txt"].reason or "")
    if os.geteuid() != 0:  # root reads anything
        assert outcomes["locked.txt"].result == "failed"
        assert "permission" in (outcomes["locked.txt"].reason or "")


def test_kind_and_source_given_at_import_are_recorded(case: Case, tmp_path: Path) -> None:
    p = tmp_path / "memo.txt"
    p.write_text("memo", encoding="utf-8")
    summary = services.import_paths(case, [p], kind="note", source="Field notes")
    doc = services.get_document(case, summary.outcomes[0].document_uid or "")
    assert (doc.kind, doc.source) == ("note", "Field notes")


def test_every_import_is_in_the_audit_log(case: Case, tmp_path: Path) -> None:
    files = write_mixed_folder(tmp_path / "in")
    services.import_paths(case, [files["docx"]])
    entries = [e for e in services.audit_log(case) if e.action == "import_document"]
    assert len(entries) == 1
    assert "claim.docx" in (entries[0].after or "")


def test_cancelled_import_keeps_whole_files_only(case: Case, tmp_path: Path) -> None:
    from casefile.core.jobs import JobContext
    from tests.helpers import write_text_files

    write_text_files(tmp_path / "many", 200)
    ctx = JobContext()
    seen = {"n": 0}

    def cancel_midway(p: object) -> None:
        seen["n"] += 1
        if seen["n"] == 40:
            ctx.cancel()

    ctx._on_progress = cancel_midway  # type: ignore[assignment]
    summary = services.import_paths(case, [tmp_path / "many"], ctx)
    assert summary.cancelled
    n = services.count_documents(case)
    assert 0 < n < 200
    for d in services.list_documents(case):
        assert services.get_page(case, d.uid, 1).text.startswith("Document ")
    # Running it again finishes the job without duplicates.
    again = services.import_paths(case, [tmp_path / "many"])
    assert services.count_documents(case) == 200
    assert again.imported == 200 - n
    assert services.verify_case(case).ok


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_cyrillic_utf16_without_bom_imports_as_text(case: Case, tmp_path: Path, codec: str) -> None:
    """Cyrillic in UTF-16 has few NUL bytes (its high bytes are 0x04), so it must not be
    taken for a binary file; the same text in Latin script always imported."""
    russian = (
        "Суд признал договор о поставке системы распознавания лиц недействительным.\n"
        "Компания обжаловала решение; заседание назначено на 7 июня 2024 года.\n"
    ) * 20
    english = "The court found the supply contract void; the company appealed.\n" * 20
    files = []
    for name, text in (("показания.txt", russian), ("statement.txt", english)):
        path = tmp_path / name
        path.write_bytes(text.encode(codec))  # no byte-order mark
        files.append(path)
    summary = services.import_paths(case, files)
    outcomes = _by_name(summary)
    for name, text in (("показания.txt", russian), ("statement.txt", english)):
        outcome = outcomes[name]
        assert (outcome.result, outcome.status, outcome.reason) == ("imported", "ok", None)
        doc = services.get_document(case, outcome.document_uid or "")
        assert doc.file_type == "text" and doc.encoding == codec
        assert services.get_page(case, doc.uid, 1).text == text
