"""Polish a user notices (issue 10 item 17): each test drives the real widgets."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QListView, QTreeView

from casefile import __version__
from casefile.core import services
from casefile.core.services import ImportOutcome, ImportSummary, VerifyReport
from casefile.ui.dialogs import folders


def test_a_hover_tip_in_the_status_bar_leaves_the_job_text_alone(case_window, qtbot) -> None:
    w = case_window
    status, job = w.statusBar(), w.job_widget
    tip = "Copy files into the case (a bulk job: not undoable)"
    status.showMessage(tip)
    job.show()
    job.label.setText("Importing 3 of 40 · claim.pdf")
    qtbot.waitUntil(lambda: job.isVisible())
    # The temporary message is drawn from the left edge up to the permanent widgets.
    assert job.geometry().left() >= status.fontMetrics().horizontalAdvance(tip)


def test_a_long_status_message_wraps_instead_of_widening_the_viewer(case_window) -> None:
    viewer = case_window.case_view.viewer
    case = case_window.controller.case
    detail = services.get_document(case, services.document_uids(case)[0])
    locked = dataclasses.replace(
        detail,
        status="failed",
        status_reason="Could not read " + "Very_long_file_name_without_spaces_" * 8 + ".pdf",
        file_type="pdf",
    )
    viewer.banner.show_for(locked, has_original_view=True)
    assert viewer.banner.isVisible() and "Very_long_file_name" in viewer.banner.text.text()
    assert viewer.banner.minimumSizeHint().width() < 520
    assert viewer.minimumSizeHint().width() < 520


def test_about_names_the_version_and_licence(window) -> None:
    window.about()
    box = window.about_box
    text = box.text() + box.informativeText()
    assert __version__ in text and "Apache-2.0" in text
    box.close()


def test_a_new_empty_case_invites_an_import(window, tmp_path: Path, qtbot) -> None:
    window.create_case(str(tmp_path / "Empty.casefile"), "Empty")
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    qtbot.waitUntil(
        lambda: "no documents yet" in window.statusBar().currentMessage(), timeout=15000
    )
    assert "Import" in window.statusBar().currentMessage()
    assert "rebuilt" not in window.statusBar().currentMessage()


def test_read_only_fields_can_be_selected_and_copied(window, demo_path: Path, qtbot) -> None:
    window.open_case(str(demo_path), readonly=True)
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    view = window.case_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=15000)
    view.table.selectRow(0)
    panel = view.metadata
    qtbot.waitUntil(lambda: panel.detail is not None)
    for field in (panel.title, panel.source, panel.tags):
        assert field.isEnabled() and field.isReadOnly()
    panel.title.selectAll()
    assert panel.title.selectedText() == panel.detail.title
    assert panel.notes.isEnabled() and panel.notes.isReadOnly()
    assert not panel.kind.isEnabled()


def test_reports_replace_each_other_instead_of_piling_up(window, qtbot) -> None:
    one = ImportSummary((ImportOutcome("/in/a.txt", "imported", "u1", "A", "ok"),))
    two = ImportSummary((ImportOutcome("/in/b.txt", "imported", "u2", "B", "ok"),))
    window.commands._show_import_summary(one)
    first = window.last_import_summary
    window.commands._show_import_summary(two)
    assert not first.isVisible() and window.last_import_summary.isVisible()
    shown = [d for d in window.dialogs if d.isVisible()]
    assert shown == [window.last_import_summary]


def test_import_dialogs_start_where_the_last_import_came_from_and_take_several_folders(
    window, settings, tmp_path: Path, monkeypatch
) -> None:
    a, b = tmp_path / "filings" / "a", tmp_path / "filings" / "b"
    a.mkdir(parents=True)
    b.mkdir()
    imported: list[list[str]] = []
    monkeypatch.setattr(window.commands, "import_paths", lambda paths: imported.append(paths))
    dialog = folders.folders_dialog(window, str(tmp_path))
    views = dialog.findChildren(QListView) + dialog.findChildren(QTreeView)
    assert views and all(
        v.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection for v in views
    )
    assert dialog.fileMode() == QFileDialog.FileMode.Directory

    # Two folders chosen at once are imported together, and remembered.
    monkeypatch.setattr(QFileDialog, "exec", lambda self: 1)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda self: [str(a), str(b)])
    window.commands.choose_import_folder()
    assert imported == [[str(a), str(b)]]
    seen: list[str] = []

    def fake_open(parent, caption, start, *args):  # type: ignore[no-untyped-def]
        seen.append(start)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_open))
    window.commands.choose_import_files()
    assert seen == [str(tmp_path / "filings")]


def test_a_clean_verification_is_a_short_note(window, qtbot) -> None:
    from casefile.ui.dialogs.reports import VerifyReportDialog

    dialog = VerifyReportDialog(VerifyReport(checked=12, problems=()), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "All 12 originals are intact" in dialog.heading.text()
    assert dialog.height() < 200


def test_at_1024_px_the_title_stays_readable_after_a_relaunch(
    qtbot, settings, demo_path: Path
) -> None:
    from casefile.ui.case_view import TITLE_MIN, VIEWER_MIN
    from casefile.ui.main_window import MainWindow

    for _launch in range(2):  # the second launch restores what the first saved
        w = MainWindow(settings)
        qtbot.addWidget(w)
        w.resize(1024, 700)
        w.show()
        w.open_case(str(demo_path))
        qtbot.waitUntil(lambda w=w: w.case_view is not None, timeout=15000)
        view = w.case_view
        qtbot.waitUntil(lambda v=view: v.model.rowCount() == 4, timeout=15000)
        qtbot.wait(50)  # the restored splitter state is applied once more after layout
        assert view.table.columnWidth(0) >= TITLE_MIN
        assert view.viewer.height() >= VIEWER_MIN
        bar = view.viewer.toolbar  # the view toggle is never behind the overflow arrow
        for mode in (view.viewer.text_mode, view.viewer.original_mode):
            assert bar.widgetForAction(mode).isVisible()
        w.close()


def test_kind_and_status_labels_fit_their_columns(case_window) -> None:
    from casefile.ui import labels

    table = case_window.case_view.table
    fm = table.fontMetrics()
    icon_and_margins = 16 + 16
    for kind in labels.KIND_LABELS:
        assert fm.horizontalAdvance(labels.kind_short(kind)) + 12 <= table.columnWidth(1), kind
    for status in labels.STATUS_LABELS:
        needed = fm.horizontalAdvance(labels.status_short(status)) + icon_and_margins
        assert needed <= table.columnWidth(5), status


def test_navigator_entries_are_not_cut_at_the_default_width(case_window, qtbot) -> None:
    """At the default window size every navigator entry is drawn in full (it used to
    read "Parliamentary sub…"); the short kind word has the whole name as its tooltip."""
    nav = case_window.case_view.navigator
    qtbot.waitUntil(lambda: nav.find_item("Parliamentary") is not None, timeout=15000)
    metrics = nav.fontMetrics()
    for item in nav._entries():
        rect = nav.visualItemRect(item)
        needed = metrics.horizontalAdvance(item.text(0)) + nav.iconSize().width() + 8
        assert rect.width() >= needed, f"“{item.text(0)}” is cut ({rect.width()} < {needed})"
    parliamentary = nav.find_item("Parliamentary")
    assert parliamentary.toolTip(0) == "Parliamentary submissions"


def test_every_status_and_import_result_has_words(window) -> None:
    """A status or result added to the vocabulary gets words on screen, not its code."""
    from casefile.core.vocabulary import DocumentStatus, ImportResult
    from casefile.ui import labels

    assert set(DocumentStatus) <= set(labels.STATUS_LABELS)
    assert set(ImportResult) <= set(labels.IMPORT_RESULT_LABELS)
    skipped = ImportOutcome("/in/pipe", "skipped", reason="This is a named pipe, not a file.")
    empty = ImportOutcome("/in/empty.pdf", "empty", reason="The file is empty (0 bytes).")
    window.commands._show_import_summary(ImportSummary((skipped, empty)))
    dialog = window.last_import_summary
    rows = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert {r.text(1) for r in rows} == {"Skipped", "Empty file"}
    assert "1 item skipped" in dialog.heading.text()
    assert "1 empty file" in dialog.heading.text()
