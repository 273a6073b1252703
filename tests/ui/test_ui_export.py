"""File → Export… as a user meets it: the demo case's report in two clicks, options
per kind with the case's own tags and entities, progress, Cancel that leaves nothing,
and Open / Show in Folder asking the desktop for the right file (nothing launched)."""

from __future__ import annotations

import threading

import docx
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from casefile.ui.dialogs.export_options import OptionsPage
from tests.ui.util import wait_idle


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What Open / Show in Folder asked the desktop to open, instead of opening it."""
    urls: list[QUrl] = []

    def fake(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake))
    return urls


def export_dialog(window, qtbot):  # type: ignore[no-untyped-def]
    action = window.action_set.file.export
    assert action.isEnabled() and action.text() == "&Export…"
    button = window.toolbar.widgetForAction(action)  # the toolbar's Export button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.commands.last_export
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.page.scope_box.tag.count() > 1)  # choices read
    return dialog


def test_demo_report_in_two_clicks(case_window, qtbot, settings, tmp_path, opened) -> None:  # type: ignore[no-untyped-def]
    settings.set("export/folder", str(tmp_path))
    dialog = export_dialog(case_window, qtbot)  # click 1: the toolbar's Export
    assert dialog.kind.currentText() == "Report (DOCX)"
    expected = tmp_path / "Cloud face recognition (demo) — report.docx"
    assert dialog.path.text() == str(expected)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)  # click 2: Export
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    assert expected.is_file()
    d = docx.Document(str(expected))
    assert d.paragraphs[0].text == "Cloud face recognition (demo)"
    assert "9 events" in dialog.status.text()
    assert dialog.open_button.isVisible() and dialog.folder_button.isVisible()

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert [u.toLocalFile() for u in opened] == [str(expected), str(tmp_path)]
    # The next export is offered a new name: this report is never overwritten by it.
    assert dialog.path.text() == str(tmp_path / "Cloud face recognition (demo) — report (2).docx")
    wait_idle(qtbot, case_window)


def test_csv_with_a_scope_chosen_in_the_dialog(
    case_window, qtbot, settings, tmp_path, opened
) -> None:  # type: ignore[no-untyped-def]
    settings.set("export/folder", str(tmp_path))
    file_menu = case_window.menuBar().actions()[0].menu()
    export_menu = next(a.menu() for a in file_menu.actions() if a.text() == "&Export")
    kinds = [a.text() for a in export_menu.actions()]
    assert kinds[:2] == ["&Report (DOCX)…", "&Spreadsheet tables (CSV)…"]
    letters = [k[k.index("&") + 1].lower() for k in kinds]
    assert len(set(letters)) == len(letters)  # each kind its own mnemonic
    export_menu.actions()[1].trigger()  # File → Export ▸ Spreadsheet tables (CSV)…
    dialog = case_window.commands.last_export
    page = dialog.page
    assert page.kind == "csv"
    qtbot.waitUntil(lambda: page.scope_box.tag.count() > 1)
    page.scope_box.tag.setCurrentIndex(page.scope_box.tag.findData("sanctions"))
    page.tables["mentions"].setChecked(False)
    dialog.path.setText(str(tmp_path / "tables"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    names = sorted(p.name for p in (tmp_path / "tables").iterdir())
    assert names == ["chronology.csv", "documents.csv", "entities.csv"]
    rows = (tmp_path / "tables" / "chronology.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 2 and "OkoVision LLC designated under sanctions" in rows[1]
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened[-1].toLocalFile() == str(tmp_path / "tables")
    # The toolbar's Export now opens at the kind used last.
    dialog.close()
    assert export_dialog(case_window, qtbot).page.kind == "csv"
    wait_idle(qtbot, case_window)


def test_cancel_stops_the_export_and_leaves_nothing(case_window, qtbot, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "exports"
    out.mkdir()
    settings.set("export/folder", str(out))
    dialog = export_dialog(case_window, qtbot)
    # Hold the writer thread so the export is still waiting when Cancel is pressed:
    # no race with a report this small.
    gate = threading.Event()
    case_window.runner.write(gate.wait)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    job = dialog.job
    assert job is not None and dialog.cancel_button.isVisible()
    assert case_window.job_widget.job is job  # the status bar shows it too
    assert not dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: not job.running, timeout=30000)
    assert dialog.result is None
    assert dialog.status.text() == "The export was cancelled; nothing was written."
    assert list(out.iterdir()) == []  # no report, no temporary file
    assert dialog.export_button.isEnabled() and not dialog.open_button.isVisible()
    wait_idle(qtbot, case_window)


def test_an_error_is_one_sentence_in_the_dialog(case_window, qtbot, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "exports"
    out.mkdir()
    settings.set("export/folder", str(out))
    dialog = export_dialog(case_window, qtbot)
    dialog.page.scope_box.date_from.setText("2024-13-40")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is not None and not dialog.job.running, timeout=30000)
    text = dialog.status.text()
    assert "Traceback" not in text and "Error" not in text and text.endswith(".")
    assert list(out.iterdir()) == []
    wait_idle(qtbot, case_window)


class PdfPage(OptionsPage):
    """A kind plugged in as the bundle plugs in: an options page and a service."""

    kind = "testpdf"
    label = "Test PDF"
    suffix = ".pdf"

    def options(self) -> object:
        return None


def write_pdf(case, options, out, job):  # type: ignore[no-untyped-def]
    from reportlab.pdfgen import canvas

    from casefile.core.export.base import ExportResult, atomic_output

    with atomic_output(out) as tmp:
        c = canvas.Canvas(str(tmp))
        for n in (1, 2, 3):
            c.drawString(72, 720, f"Page {n}")
            c.bookmarkPage(f"p{n}")
            c.addOutlineEntry(f"Tab {n}", f"p{n}", level=0)
            c.showPage()
        c.save()
    return ExportResult(out, f"Wrote {out}.", (out,))


def test_a_plugged_in_pdf_export_opens_in_the_apps_own_view(  # type: ignore[no-untyped-def]
    case_window, qtbot, settings, tmp_path, monkeypatch, opened
) -> None:
    from casefile.core.services import exports
    from casefile.ui.dialogs import export

    monkeypatch.setattr(export, "PAGES", [*export.PAGES, PdfPage])
    monkeypatch.setitem(exports.EXPORTS, "testpdf", write_pdf)
    settings.set("export/folder", str(tmp_path))
    dialog = case_window.commands.export("testpdf")
    assert dialog.page.kind == "testpdf" and dialog.path.text().endswith(".pdf")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    assert dialog.view_button.isVisible()
    qtbot.mouseClick(dialog.view_button, Qt.MouseButton.LeftButton)
    pdf = dialog.pdf_window
    assert pdf is not None and pdf.isVisible() and pdf.page_count == 3
    assert opened == []  # no other program asked for
    model = pdf.outline.model()
    assert [model.index(i, 0).data() for i in range(model.rowCount())] == [
        "Tab 1",
        "Tab 2",
        "Tab 3",
    ]
    pdf.outline.clicked.emit(model.index(2, 0))
    assert pdf.view.pageNavigator().currentPage() == 2
    wait_idle(qtbot, case_window)
