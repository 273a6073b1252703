"""Hostile folders (issue 8): odd names, pipes, devices, links and unreadable folders
fail alone and are said, and nothing hangs. Every input is built here."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from casefile.core import services
from casefile.core.case import Case

CLI = [sys.executable, "-m", "casefile.cli"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    # A hang (a FIFO opened for reading) fails the test instead of blocking the suite.
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=90)


def test_a_name_that_is_not_utf8_is_recorded_losslessly_and_the_folder_goes_on(
    case: Case, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"good{i}.txt").write_text(f"good file number {i}", encoding="utf-8")
    raw = os.fsencode(folder) + b"/r\xe9sum\xe9 \xff.txt"  # Latin-1 bytes, not UTF-8
    with open(raw, "wb") as fh:
        fh.write(b"the text of a file with a Latin-1 name")

    summary = services.import_paths(case, [folder])

    assert summary.imported == 6 and summary.failed == 0
    assert services.count_documents(case) == 6
    odd = next(o for o in summary.outcomes if "sum" in o.path)
    doc = services.get_document(case, odd.document_uid or "")
    assert doc.original_filename == "r\\xe9sum\\xe9 \\xff.txt"  # shown escaped
    assert bytes.fromhex(doc.extra["original_filename_bytes"]) == b"r\xe9sum\xe9 \xff.txt"
    assert os.fsencode(doc.extra["imported_from"]) != raw  # escaped text…
    assert bytes.fromhex(doc.extra["imported_from_bytes"]) == raw  # …and the exact bytes
    assert "the text of a file" in services.get_page(case, doc.uid, 1).text
    # The audit log has it too, and a second run is a clean no-op.
    assert any("r\\\\xe9sum" in (e.after or "") for e in services.audit_log(case))
    again = services.import_paths(case, [folder])
    assert again.duplicates == 6 and again.failed == 0


@pytest.mark.slow  # four command-line runs
def test_pipes_sockets_devices_and_outside_links_are_skipped_not_opened(tmp_path: Path) -> None:
    case_path = tmp_path / "C.casefile"
    assert run_cli("new", str(case_path)).returncode == 0
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("an ordinary note", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would block forever
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(folder / "socket.txt"))
    outside = tmp_path / "outside.txt"
    outside.write_text("a file from elsewhere on the disk", encoding="utf-8")
    (folder / "to-outside.txt").symlink_to(outside)
    (folder / "zero.txt").symlink_to("/dev/zero")  # would hash forever
    (folder / "inside-link.txt").symlink_to(folder / "good.txt")
    try:
        result = run_cli("import", str(case_path), str(folder), "--json")
    finally:
        sock.close()

    assert result.returncode == 3, result.stderr  # finished with problems
    data = json.loads(result.stdout)
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    assert by_name["good.txt"]["result"] == "imported"
    assert by_name["inside-link.txt"]["result"] == "duplicate"  # inside: followed
    assert "named pipe" in by_name["pipe.txt"]["reason"]
    assert "socket" in by_name["socket.txt"]["reason"]
    assert "outside the folder" in by_name["to-outside.txt"]["reason"]
    assert "outside the folder" in by_name["zero.txt"]["reason"]
    for name in ("pipe.txt", "socket.txt", "to-outside.txt", "zero.txt"):
        assert by_name[name]["result"] == "skipped"
    assert data["skipped"] == 4 and data["imported"] == 1

    # On request, an outside link is followed and its target recorded; a device never is.
    result = run_cli("import", str(case_path), str(folder), "--follow-links")
    assert result.returncode == 3
    assert "a device, not a regular file" in result.stdout
    docs = json.loads(run_cli("docs", str(case_path), "--json").stdout)
    assert len(docs) == 2
    with services.open_case(case_path, readonly=True) as case:
        linked = [services.get_document(case, d["uid"]) for d in docs]
    followed = next(d for d in linked if d.original_filename == "to-outside.txt")
    assert followed.extra["link_target"] == str(outside)


def test_a_pipe_named_directly_is_skipped(case: Case, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    summary = services.import_paths(case, [tmp_path / "pipe"])
    assert summary.outcomes[0].result == "skipped"
    assert summary.finished_with_problems


def test_an_unreadable_sub_folder_is_reported(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    (folder / "secret").mkdir(parents=True)
    (folder / "secret" / "a.txt").write_text("hidden away", encoding="utf-8")
    (folder / "b.txt").write_text("in plain sight", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # root reads anything: refuse like chmod 000 would
        if os.fspath(path).endswith("secret"):  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", os.fspath(path))  # type: ignore[call-overload]
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    summary = services.import_paths(case, [folder])

    assert summary.imported == 1
    failed = [o for o in summary.outcomes if o.result == "failed"]
    assert len(failed) == 1 and failed[0].path.endswith("secret")
    assert "could not be read (permission denied)" in (failed[0].reason or "")
    assert summary.finished_with_problems


@pytest.mark.slow  # four command-line runs
def test_cli_output_cannot_drive_the_terminal(tmp_path: Path) -> None:
    case_path = tmp_path / "C.casefile"
    assert run_cli("new", str(case_path)).returncode == 0
    mail = tmp_path / "spoof.eml"
    mail.write_bytes(
        b"From: a@example.org\r\nTo: b@example.org\r\nDate: Mon, 3 Jun 2024 10:00:00 +0000\r\n"
        b"Subject: =?utf-8?q?Hi=1B]0;owned=07=1B[2J?=\r\n\r\nbody\r\n"
    )
    rtl = tmp_path / "invoice\u202efdp.exe.txt"  # shows as "invoiceexe.pdf"
    rtl.write_text("", encoding="utf-8")  # empty: listed in the summary
    result = run_cli("import", str(case_path), str(mail), str(rtl))
    assert "\x1b" not in result.stdout + result.stderr
    assert "\u202e" not in result.stdout
    assert "invoice\\u202efdp.exe.txt" in result.stdout
    listing = run_cli("docs", str(case_path))
    assert "\x1b" not in listing.stdout and "\x07" not in listing.stdout
    assert "Hi\\x1b]0;owned\\x07\\x1b[2J" in listing.stdout
    as_json = run_cli("docs", str(case_path), "--json")
    assert "\x1b" not in as_json.stdout and "\u202e" not in as_json.stdout
    titles = {d["title"] for d in json.loads(as_json.stdout)}
    assert "Hi\x1b]0;owned\x07\x1b[2J" in titles  # JSON escapes: a reader gets it exact


def test_a_cancelled_mail_import_never_leaves_a_message_without_its_attachments(
    case: Case, tmp_path: Path
) -> None:
    from casefile.core.jobs import JobContext
    from tests.mail_fixtures import write_mails

    write_mails(tmp_path / "mail", 1, attachments=2, inner=True)
    ctx = JobContext()

    def cancel_after_the_message(p: object) -> None:
        if str(getattr(p, "label", "")).endswith("mail0000.eml"):
            ctx.cancel()  # its attachments are stored but not yet read

    ctx._on_progress = cancel_after_the_message  # type: ignore[assignment]
    first = services.import_paths(case, [tmp_path / "mail"], ctx)
    assert first.cancelled
    assert services.count_documents(case) in (0, 5)  # all of it or nothing

    services.import_paths(case, [tmp_path / "mail"])
    docs = {d.title: d for d in services.list_documents(case)}
    assert len(docs) == 5  # message, 2 files, the attached message and its file
    message = services.get_document(case, docs["Evidence bundle 0"].uid)
    children = {services.get_document(case, u).title for u in message.child_uids}
    assert children == {"invoice-0-0", "invoice-0-1", "Forwarded 0"}
    forwarded = services.get_document(case, docs["Forwarded 0"].uid)
    assert [services.get_document(case, u).title for u in forwarded.child_uids] == ["deep-0"]
    assert services.verify_case(case).ok


def test_empty_files_are_said_to_be_empty_never_duplicates_of_each_other(
    case: Case, tmp_path: Path
) -> None:
    (tmp_path / "page.html").write_text("<html><body>SRR000001;NCG;CV</body></html>")
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "empty.txt").write_bytes(b"")
    services.import_paths(case, [tmp_path / "page.html"])
    summary = services.import_paths(case, [tmp_path / "empty.pdf", tmp_path / "empty.txt"])
    for o in summary.outcomes:
        assert o.result == "empty" and o.duplicate_of is None
        assert "empty (0 bytes)" in (o.reason or "")
    assert summary.duplicates == 0 and not summary.finished_with_problems
    assert services.count_documents(case) == 1


def test_a_message_left_without_its_attachments_is_completed_by_a_reimport(
    case: Case, tmp_path: Path
) -> None:
    from sqlalchemy import delete

    from casefile.core.db.schema import Document
    from tests.mail_fixtures import write_mails

    write_mails(tmp_path / "mail", 2, attachments=2)
    services.import_paths(case, [tmp_path / "mail"])
    assert services.count_documents(case) == 6
    # What an interrupted import of an older version left: messages without attachments.
    with case.session() as s:
        s.execute(delete(Document).where(Document.parent_id.is_not(None)))
    assert services.count_documents(case) == 2

    again = services.import_paths(case, [tmp_path / "mail"])
    assert again.imported == 4 and again.duplicates == 2
    assert services.count_documents(case) == 6
    for d in services.list_documents(case):
        if d.file_type == "email":
            assert len(services.get_document(case, d.uid).child_uids) == 2
    assert services.import_paths(case, [tmp_path / "mail"]).imported == 0  # complete now
