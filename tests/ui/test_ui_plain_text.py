"""Document data is shown as text, never as markup (issue 8 item 15): a file name that
looks like HTML cannot draw a fake import date or hash on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from casefile.core import services
from casefile.core.jobs import JobContext
from casefile.core.services import ImportOutcome, ImportSummary
from tests.ui.util import wait_idle

EVIL = "evil<b>x<br>Imported 1999-01-01 00:00 · SHA-256 0000<img src=x>"


def shown(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a label, message box or tooltip actually draws for `text`."""
    rich = fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def label_shows(label: QLabel | QMessageBox) -> str:
    return shown(label.text(), label.textFormat())


def test_a_file_name_with_markup_is_shown_literally(
    window, demo_path: Path, tmp_path: Path, qtbot
) -> None:
    hostile = tmp_path / "in" / f"{EVIL}.txt"
    hostile.parent.mkdir()
    hostile.write_text("Plain words about a tribunal claim.", encoding="utf-8")
    with services.open_case(demo_path) as case:
        summary = services.import_paths(case, [hostile], JobContext())
    uid = summary.outcomes[0].document_uid
    assert uid is not None

    window.open_case(str(demo_path))
    qtbot.waitUntil(lambda: window.case_view is not None, timeout=15000)
    view = window.case_view
    qtbot.waitUntil(lambda: view.model.row_of(uid) is not None, timeout=15000)
    view.select_uid(uid)
    qtbot.waitUntil(lambda: view.metadata.detail is not None and view.metadata.detail.uid == uid)
    qtbot.waitUntil(lambda: view.viewer.detail is not None and view.viewer.detail.uid == uid)

    facts = label_shows(view.metadata.facts)
    assert f"{EVIL}.txt" in facts  # the name as it is, markup and all
    assert facts.count("Imported ") == 2  # the literal fake one and the real one, apart
    assert facts.splitlines()[0] == f"{EVIL}.txt"
    title = services.get_document(window.controller.case, uid).title
    assert "<b>" in title
    assert label_shows(view.viewer.title) == title

    # Deleting it asks about the title as it is.
    from casefile.ui.document_actions import confirm_delete

    boxes: list[QMessageBox] = []
    confirm_delete(window.controller, [uid], view.title_of, window, boxes.append)
    qtbot.waitUntil(lambda: bool(boxes))
    box = boxes[0]
    assert title in label_shows(box)
    box.reject()
    wait_idle(qtbot, window)


def test_import_report_tooltips_and_job_label_show_paths_literally(window, qtbot) -> None:
    from casefile.ui.dialogs.reports import ImportSummaryDialog

    path = f"/tmp/in/{EVIL}.pdf"
    summary = ImportSummary(
        (ImportOutcome(path, "failed", reason=f"Could not read {EVIL}.pdf"),), cancelled=False
    )
    dialog = ImportSummaryDialog(summary, window)
    qtbot.addWidget(dialog)
    item = dialog.tree.topLevelItem(0)
    assert shown(item.toolTip(0)) == path
    assert shown(item.toolTip(2)) == f"Could not read {EVIL}.pdf"
    assert item.text(0) == f"{EVIL}.pdf"


def test_verify_report_lists_problem_titles_literally(window, qtbot) -> None:
    from casefile.core.services import VerifyProblem, VerifyReport
    from casefile.ui.dialogs.reports import VerifyReportDialog

    message = f"The original of “{EVIL}” was altered; restore it from a backup."
    problem = VerifyProblem("ab" * 32, "u1", EVIL, "altered", message)
    report = VerifyReport(checked=1, problems=(problem,))
    dialog = VerifyReportDialog(report, window)
    qtbot.addWidget(dialog)
    bodies = [label_shows(lbl) for lbl in dialog.findChildren(QLabel)]
    assert any(message in b for b in bodies), bodies
