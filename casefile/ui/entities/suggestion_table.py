"""The suggestion queue's list (ui/entities/suggestion_queue.py): one row per suggested
name with its kind, how many documents mention it and the forms found, the suggestion
itself kept on the row; and the rules that found a name, in words.

Kept apart from the queue, which runs the job and accepts or dismisses: this is only
what a row shows and how rows are found, taken off and put back."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from casefile.core.services import Suggestion
from casefile.ui.entities import kinds
from casefile.ui.i18n import QT_TRANSLATE_NOOP, translate

RULES = {
    "ner": QT_TRANSLATE_NOOP("SuggestionQueue", "language model"),
    "caps": QT_TRANSLATE_NOOP("SuggestionQueue", "capitalised words"),
    "latin": QT_TRANSLATE_NOOP("SuggestionQueue", "Latin name in Russian text"),
    "acronym": QT_TRANSLATE_NOOP("SuggestionQueue", "acronym"),
    "email": QT_TRANSLATE_NOOP("SuggestionQueue", "e-mail header"),
}


def found_by(rules: Sequence[str]) -> str:
    """The rules that found a suggestion, in words."""
    return ", ".join(translate("SuggestionQueue", RULES[r]) if r in RULES else r for r in rules)


class SuggestionTable(QTableWidget):
    """Name, Kind, Docs, Forms found; one row selected at a time, never edited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setAccessibleName(translate("SuggestionQueue", "Suggestions"))
        self.setHorizontalHeaderLabels(
            [
                translate("SuggestionQueue", "Name"),
                translate("SuggestionQueue", "Kind"),
                translate("SuggestionQueue", "Docs"),
                translate("SuggestionQueue", "Forms found"),
            ]
        )
        docs_header = self.horizontalHeaderItem(2)
        if docs_header is not None:
            docs_header.setToolTip(translate("SuggestionQueue", "Documents that mention it"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        rows = self.verticalHeader()
        rows.setSectionResizeMode(rows.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.Interactive)
        header.setSectionResizeMode(3, header.ResizeMode.Stretch)
        self.setColumnWidth(0, 200)
        self.setColumnWidth(1, 120)
        self.setColumnWidth(2, 44)

    def fill(self, suggestions: Sequence[Suggestion]) -> None:
        self.setRowCount(0)
        for x in suggestions:
            self.insert(self.rowCount(), x)
        if self.rowCount():
            self.selectRow(0)

    def insert(self, row: int, x: Suggestion) -> None:
        self.insertRow(row)
        name = QTableWidgetItem(x.name)
        name.setData(Qt.ItemDataRole.UserRole, x)
        name.setToolTip(
            translate("SuggestionQueue", "Found by: {rules}").format(rules=found_by(x.rules))
        )
        kind = QTableWidgetItem(kinds.swatch(x.kind), kinds.label(x.kind))
        docs = QTableWidgetItem(str(x.documents))
        docs.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        forms = QTableWidgetItem(", ".join(x.forms))
        for col, item in enumerate((name, kind, docs, forms)):
            self.setItem(row, col, item)

    def current(self) -> Suggestion | None:
        row = self.currentRow()
        item = self.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select_name(self, name: str) -> bool:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.text() == name:
                self.selectRow(row)
                return True
        return False

    def take(self, x: Suggestion) -> int:
        """Take `x`'s row off the list, selecting the next; returns where it was, or -1."""
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == x:
                self.removeRow(row)
                self.selectRow(min(row, self.rowCount() - 1))
                return row
        return -1
