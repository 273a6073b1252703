"""End-of-job reports: what an import did (imported, duplicates, failures with reasons,
PDFs that need a password, with a field to give it), and what verification found.
They are modeless so the user can keep working while reading them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.core.i18n import translate_recorded
from casefile.core.vocabulary import ImportResult
from casefile.ui import labels
from casefile.ui.dialogs.passwords import PasswordRows
from casefile.ui.i18n import plural, translate
from casefile.ui.icons import icon
from casefile.ui.plain import plain_label, plain_tip

if TYPE_CHECKING:
    from casefile.core.services import ImportSummary, VerifyReport


class ImportSummaryDialog(QDialog):
    unlockRequested = Signal(str, str)  # document uid, password

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle(
            translate("ImportSummaryDialog", "Import finished")
            if not summary.cancelled
            else translate("ImportSummaryDialog", "Import cancelled")
        )
        self.resize(720, 420)
        self.heading = QLabel(import_heading(summary))
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                translate("ImportSummaryDialog", "File"),
                translate("ImportSummaryDialog", "Result"),
                translate("ImportSummaryDialog", "Details"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)  # thousands of rows after a big import
        items = []
        ordered = sorted(
            summary.outcomes, key=lambda o: (o.result == ImportResult.IMPORTED, o.path)
        )
        for o in ordered:
            result = labels.import_result(o.result)
            details = translate_recorded(o.reason)
            if o.result == "duplicate" and o.duplicate_of:
                details = translate(
                    "ImportSummaryDialog", "Already in the case as “{title}”"
                ).format(title=o.duplicate_of)
            elif o.result in ("imported", "reextracted") and o.status and o.status != "ok":
                # The original is kept as evidence even when its text cannot be read.
                result = (
                    translate("ImportSummaryDialog", "Kept, text not read")
                    if o.status == "failed"
                    else f"{result} · {labels.status_label(o.status)}"
                )
            item = QTreeWidgetItem([Path(o.path).name, result, details])
            item.setToolTip(0, plain_tip(o.path))
            item.setToolTip(2, plain_tip(details))
            if o.result == "failed":
                item.setIcon(1, icon("failed"))
            elif o.status in labels.STATUS_ICONS:
                item.setIcon(1, icon(labels.STATUS_ICONS[o.status]))
            items.append(item)
        self.tree.addTopLevelItems(items)  # one insertion, not one per file
        # The Result column fits its longest text (a handful of distinct strings).
        fm = self.tree.fontMetrics()
        results = {it.text(1) for it in items}
        result_w = max([170, *(fm.horizontalAdvance(r) + 44 for r in results)])
        for col, width in ((0, 240), (1, result_w)):
            self.tree.setColumnWidth(col, width)

        self.locked = [
            o.document_uid
            for o in summary.outcomes
            if o.status == "password_required" and o.document_uid
        ]
        self.items = {o.document_uid: it for o, it in zip(ordered, items, strict=True)}
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        self.passwords: PasswordRows | None = None
        if self.locked:
            paths = {o.document_uid: o.path for o in summary.outcomes}
            self.passwords = PasswordRows([(u, paths[u]) for u in self.locked], self)
            self.passwords.unlockRequested.connect(self.unlockRequested)
            layout.addWidget(self.passwords)
        note = QLabel(
            translate(
                "ImportSummaryDialog",
                "An import cannot be undone; delete documents you did not want.",
            )
        )
        note.setEnabled(False)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def show_unlock_result(self, uid: str, status: str | None, error: str | None = None) -> None:
        """A locked PDF was read again: say how on its row, and in the list above."""
        if self.passwords is not None:
            self.passwords.show_result(uid, status, error)
        item = self.items.get(uid)
        if item is not None and error is None and status and status != "password_required":
            shown = "" if status == "ok" else f" · {labels.status_short(status)}"
            item.setText(1, translate("ImportSummaryDialog", "Read with password") + shown)
            name = labels.STATUS_ICONS.get(status)
            item.setIcon(1, icon(name) if name else QIcon())


def import_heading(summary: ImportSummary) -> str:
    """What an import did, in counts: imported, duplicates, failures, what was kept
    without text, and whether it was cancelled (rich text: the first count is bold)."""
    head = translate("ImportSummaryDialog", "{imported}, {duplicates}, {failed}.").format(
        imported=plural("<b>%n document(s) imported</b>", "", summary.imported),
        duplicates=plural("%n duplicate(s) skipped", "", summary.duplicates),
        failed=plural("%n file(s) failed", "", summary.failed),
    )
    if summary.skipped or summary.empty:
        head += " " + translate("ImportSummaryDialog", "{skipped}, {empty}.").format(
            skipped=plural(
                "%n item(s) skipped (not a regular file, or a link out of the folder)",
                "",
                summary.skipped,
            ),
            empty=plural("%n empty file(s)", "", summary.empty),
        )
    unread = sum(1 for o in summary.problems if o.result != "failed")
    if unread:
        head += " " + plural("%n document(s) kept without readable text (see below).", "", unread)
    if summary.cancelled:
        head += " <br>" + translate(
            "ImportSummaryDialog",
            "The import was cancelled: the files above were kept; the rest were not "
            "imported. Import them again to finish.",
        )
    return head


def _verify_facts(report: VerifyReport) -> list[str]:
    """One line per fact a verification established besides the originals' hashes."""
    if report.cancelled:
        return []
    kinds = {p.problem for p in report.problems}
    if kinds & {"audit_altered", "audit_removed"}:
        facts = [
            translate("VerifyReportDialog", "Audit log: changed outside Casefile (see below).")
        ]
    else:
        facts = [
            plural(
                "Audit log: %n record(s) sealed and linked, none changed or removed.",
                "",
                report.audit_entries,
            )
        ]
    if report.head_found is True:
        facts.append(translate("VerifyReportDialog", "The head you lodged is in the log."))
    elif report.head_found is False:
        facts.append(translate("VerifyReportDialog", "The head you lodged is NOT in the log."))
    if report.orphans:
        facts.append(
            plural(
                "%n original(s) in the case folder belong to no document: an import stopped "
                "before recording them; importing the same files again adds them.",
                "",
                report.orphans,
            )
        )
    if report.kept:
        facts.append(
            plural(
                "%n original(s) of removed documents are kept in the case folder, as every "
                "original is.",
                "",
                report.kept,
            )
        )
    if not report.recorded and report.not_recorded:
        facts.append(
            translate(
                "VerifyReportDialog", "This run was not recorded in the audit log: {reason}."
            ).format(reason=translate_recorded(report.not_recorded))
        )
    elif report.recorded:
        facts.append(translate("VerifyReportDialog", "This run is recorded in the audit log."))
    return facts


class VerifyReportDialog(QDialog):
    def __init__(self, report: VerifyReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("VerifyReportDialog", "Verification report"))
        if report.cancelled:
            text = plural(
                "Verification was stopped after %n original(s); run it again to check them all.",
                "",
                report.checked,
            )
        elif report.ok:
            text = plural(
                "<b>All %n original(s) are intact.</b> Each file still has the SHA-256 it had "
                "when it was imported.",
                "",
                report.checked,
            )
        else:
            text = translate("VerifyReportDialog", "{problems} {among}").format(
                problems=plural("<b>%n problem(s)</b>", "", len(report.problems)),
                among=plural("among %n original(s) checked:", "", report.checked),
            )
        self.heading = QLabel(text)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        # What else the run established: the audit log, originals no document claims,
        # and whether this run itself is on the record.
        self.facts = plain_label("\n".join(_verify_facts(report)), wrap=True, selectable=True)
        layout.addWidget(self.facts)
        notes = list(report.problems) + list(report.orphan_originals)
        if notes:
            # Problems scroll; a clean report is a short note, not a big empty window.
            body = plain_label("\n\n".join(p.message for p in notes), wrap=True, selectable=True)
            body.setContentsMargins(4, 4, 4, 4)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(body)
            self.details = body
            layout.addWidget(scroll, 1)
            self.resize(640, 360)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        if not notes:
            self.setMinimumWidth(420)
            self.heading.setMinimumWidth(400)
            layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetFixedSize)
