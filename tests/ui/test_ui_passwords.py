"""Locked PDFs (issue 10 items 7 and 8): one password field per file in the import
report, a result per row and another try allowed; the password that read a PDF opens
its original too (kept for the session, never written to the case)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtGui import QPageSize, QPainter, QPdfWriter
from PySide6.QtPdf import QPdfDocument

from casefile.core import services
from tests.ui.util import wait_idle


def locked_pdf(path: Path, password: str, words: str) -> Path:
    """A two-page PDF with a text layer, encrypted with `password` (AES)."""
    from pypdf import PdfReader, PdfWriter

    plain = path.with_suffix(".plain")
    writer = QPdfWriter(str(plain))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(200, 400, words)
    writer.newPage()
    painter.drawText(200, 400, "Second page")
    painter.end()
    out = PdfWriter(clone_from=PdfReader(str(plain)))
    out.encrypt(password, algorithm="AES-128")
    out.write(str(path))
    plain.unlink()
    return path


def import_locked(w, tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    folder = tmp_path / "locked"
    folder.mkdir()
    locked_pdf(folder / "alpha.pdf", "alpha-pw", "Sealed exhibit Alpha")
    locked_pdf(folder / "beta.pdf", "beta-pw", "Sealed exhibit Beta")
    job = w.import_paths([str(folder)])
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    qtbot.waitUntil(lambda: hasattr(w, "last_import_summary"))
    uids = {Path(o.path).stem: o.document_uid for o in job.result.outcomes}
    return w.last_import_summary, uids


def test_each_locked_pdf_gets_its_own_field_result_and_retry(case_window, tmp_path, qtbot) -> None:
    w = case_window
    dialog, uids = import_locked(w, tmp_path, qtbot)
    rows = dialog.passwords.rows
    assert set(rows) == set(uids.values())  # one field per file
    alpha, beta = rows[uids["alpha"]], rows[uids["beta"]]
    assert alpha.name.text() == "alpha.pdf" and beta.name.text() == "beta.pdf"

    # One password tried on all: right for one, wrong for the other; each row says so.
    dialog.passwords.all_password.setText("alpha-pw")
    dialog.passwords.all_button.click()
    assert alpha.result.text() == beta.result.text() == "Reading…"
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: beta.read.isEnabled(), timeout=30000)
    assert alpha.result.text() == "Read with the password."
    assert beta.result.text() == "Wrong password; try again."
    assert services.get_document(w.controller.case, uids["alpha"]).status == "ok"

    # Another try on the row that failed.
    beta.password.setText("beta-pw")
    beta.read.click()
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: beta.done, timeout=30000)
    assert beta.result.text() == "Read with the password."
    assert dialog.items[uids["beta"]].text(1).startswith("Read with password")
    assert services.get_document(w.controller.case, uids["beta"]).status == "ok"
    assert dialog.passwords.pending == []


def test_the_password_opens_the_original_and_is_never_stored(case_window, tmp_path, qtbot) -> None:
    w = case_window
    _dialog, uids = import_locked(w, tmp_path, qtbot)
    view = w.case_view
    uid = uids["alpha"]
    qtbot.waitUntil(lambda: view.model.row_of(uid) is not None)
    view.select_uid(uid)
    viewer = view.viewer
    qtbot.waitUntil(lambda: viewer.detail is not None and viewer.detail.uid == uid)

    # Locked: the original cannot be shown and no toggle claims it is.
    viewer.original_mode.trigger()
    wait_idle(qtbot, w)  # the original's place is read on the reader pool
    qtbot.waitUntil(lambda: not viewer.original_mode.isChecked())
    assert viewer.stack.currentWidget() is not viewer.pdf
    assert "password" in viewer.placeholder.text()

    viewer.banner.password.setText("alpha-pw")
    viewer.banner.unlock.click()
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: viewer.detail.status == "ok", timeout=30000)
    viewer.original_mode.trigger()
    qtbot.waitUntil(lambda: viewer.stack.currentWidget() is viewer.pdf)
    assert viewer.pdf_doc.status() == QPdfDocument.Status.Ready
    assert viewer.stack.currentWidget() is viewer.pdf
    assert viewer.original_mode.isChecked() and not viewer.text_mode.isChecked()
    viewer.text_mode.trigger()
    assert viewer.stack.currentWidget() is viewer.text and viewer.text_mode.isChecked()
    qtbot.waitUntil(lambda: viewer.text.toPlainText().strip() != "")
    assert viewer.text.toPlainText().split() == ["Sealed", "exhibit", "Alpha"]

    db = Path(w.controller.case.path) / "case.sqlite"
    w.close_case()
    con = sqlite3.connect(db)
    try:
        dump = "\n".join(con.iterdump())
    finally:
        con.close()
    assert "alpha-pw" not in dump
