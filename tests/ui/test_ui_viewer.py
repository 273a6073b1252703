"""The viewer: text with hits highlighted and hit navigation, Cyrillic text, the PDF
original through QtPdf with page navigation, and the password banner that unlocks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument

from casefile.core import services
from tests.ui.util import wait_idle

CORPUS = Path(
    os.environ.get("CASEFILE_CORPUS", Path(__file__).resolve().parents[3] / "shared" / "corpus")
)


def _row_where(model, pred) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(model.rowCount()) if pred(model.summary(r)))


def test_hits_are_highlighted_and_navigable(case_window, qtbot) -> None:
    view = case_window.case_view
    row = _row_where(view.model, lambda s: s.file_type == "text")
    uid = view.model.uid_at(row)
    view.open_document(uid, 1, "okovision")
    viewer = view.viewer
    wait_idle(qtbot, case_window)
    assert len(viewer.spans) >= 2
    assert len(viewer.layers.get("hits")) == len(viewer.spans)
    start, end = viewer.spans[0]
    assert viewer.text.toPlainText()[start:end].lower().startswith("okovision")
    assert viewer.hit_label.text().strip() == f"Hits on page: 1/{len(viewer.spans)}"
    viewer.next_hit.trigger()
    assert viewer.current_hit == 1
    assert viewer.text.textCursor().position() == viewer.spans[1][0]
    viewer.prev_hit.trigger()
    assert viewer.current_hit == 0


def test_russian_article_is_shown_as_text_with_stemmed_hits(case_window, qtbot) -> None:
    view = case_window.case_view
    row = _row_where(view.model, lambda s: s.original_filename.endswith(".html"))
    view.table.selectRow(row)
    viewer = view.viewer
    wait_idle(qtbot, case_window)
    text = viewer.text.toPlainText()
    assert any("а" <= ch <= "я" for ch in text.lower())  # Cyrillic, as text
    assert "<p" not in text and "<script" not in text  # never rendered HTML
    assert not viewer.original_mode.isEnabled()  # only PDFs have an original view
    view.open_document(view.model.uid_at(row), 1, "санкции")
    wait_idle(qtbot, case_window)
    assert viewer.spans  # "санкциями"/"санкций" match the query word's stem


def test_pdf_original_with_page_navigation(case_window, qtbot) -> None:
    view = case_window.case_view
    row = _row_where(view.model, lambda s: s.file_type == "pdf")
    view.table.selectRow(row)
    viewer = view.viewer
    wait_idle(qtbot, case_window)
    assert viewer.original_mode.isEnabled()
    viewer.original_mode.trigger()
    wait_idle(qtbot, case_window)
    assert viewer.stack.currentWidget() is viewer.pdf
    assert viewer.pdf_doc.status() == QPdfDocument.Status.Ready
    assert viewer.pdf_doc.pageCount() == viewer.total >= 2
    viewer.next_page.trigger()
    assert viewer.page == 2
    qtbot.waitUntil(lambda: viewer.pdf.pageNavigator().currentPage() == 1)
    assert viewer.page_box.value() == 2
    viewer.text_mode.trigger()
    assert viewer.stack.currentWidget() is viewer.text
    wait_idle(qtbot, case_window)
    assert viewer.text.toPlainText().strip()


@pytest.mark.corpus
def test_encrypted_pdf_asks_for_a_password_and_reads_with_it(case_window, tmp_path, qtbot) -> None:
    source = CORPUS / "pdf-hostile" / "password-example.pdf"
    if not source.is_file():
        pytest.skip("shared corpus not available")
    folder = tmp_path / "locked"
    folder.mkdir()
    shutil.copy(source, folder / source.name)
    w = case_window
    job = w.import_paths([str(folder)])
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    outcome = job.result.outcomes[0]
    assert outcome.status == "password_required"
    qtbot.waitUntil(lambda: hasattr(w, "last_import_summary"))  # the report, a moment later
    assert w.last_import_summary.locked == [outcome.document_uid]
    view = w.case_view
    qtbot.waitUntil(lambda: view.model.row_of(outcome.document_uid) is not None)
    view.select_uid(outcome.document_uid)
    banner = view.viewer.banner
    wait_idle(qtbot, w)  # the document is read on the reader pool
    assert banner.isVisible() and banner.password.isVisible()
    assert "password" in banner.text.text()
    banner.password.setText("test")
    banner.unlock.click()
    wait_idle(qtbot, w)
    detail = services.get_document(w.controller.case, outcome.document_uid)
    assert detail.status == "ok"
    qtbot.waitUntil(lambda: not banner.isVisible())
    wait_idle(qtbot, w)
    assert view.viewer.text.toPlainText().strip()


def test_highlight_after_characters_outside_the_bmp(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 11 item 8: Qt counts UTF-16 units, the core code points; an emoji before
    the hit used to shift the highlight by one character per emoji."""
    from tests.search_fixtures import add_document

    with services.create_case(tmp_path / "Emoji") as case:
        uid = add_document(case, "chat", ["😀😀 𝔘 the walrus said 🦭 walrus"])
        path = str(case.path)
    window.open_case(path)
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    wait_idle(qtbot, window)
    view = window.case_view
    view.open_document(uid, 1, "walrus")
    viewer = view.viewer
    qtbot.waitUntil(lambda: len(viewer.spans) == 2, timeout=15000)
    selected = [s.cursor.selectedText() for s in viewer.layers.get("hits")]
    assert selected == ["walrus", "walrus"]
