"""The event editor: date (EDTF or words, in English or Russian, read as it is typed,
with the reason shown at once when it is not a date), title, description, entities,
tags and the citations, each with its information grade and a way to the passage.

The dialog only builds the new state of the event (`result`); the caller turns it into
an undoable command (ui/chronology/commands.py), so OK never writes anything itself.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.core import dates
from casefile.core import i18n as core_i18n
from casefile.core.date_words import in_words
from casefile.core.errors import InvalidValueError
from casefile.core.services.chronology_dto import CitationInfo, EntityRef, EventInfo
from casefile.ui.i18n import QT_TRANSLATE_NOOP, translate
from casefile.ui.plain import plain_label

GRADES = [
    (None, QT_TRANSLATE_NOOP("EventEditor", "The document's")),
    (1, QT_TRANSLATE_NOOP("EventEditor", "1 Confirmed")),
    (2, QT_TRANSLATE_NOOP("EventEditor", "2 Probably true")),
    (3, QT_TRANSLATE_NOOP("EventEditor", "3 Possibly true")),
    (4, QT_TRANSLATE_NOOP("EventEditor", "4 Doubtful")),
    (5, QT_TRANSLATE_NOOP("EventEditor", "5 Improbable")),
    (6, QT_TRANSLATE_NOOP("EventEditor", "6 Cannot be judged")),
]
OK_STYLE = "color: palette(text);"  # i18n: not shown
BAD_STYLE = "color: #b3261e;"  # i18n: not shown


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]


class EventEditor(QDialog):
    """Add or edit one event. `passageRequested(document_uid, page, start, end)` asks
    the window to show a citation's passage in the viewer."""

    passageRequested = Signal(str, int, int, int)

    def __init__(
        self,
        event: EventInfo | None = None,
        *,
        lang: str | None = None,
        entity_names: Sequence[str] = (),
        tag_names: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.original = event
        self.lang = lang or core_i18n.language()  # dates in words: the interface's
        self.setWindowTitle(
            translate("EventEditor", "Edit Event")
            if event
            else translate("EventEditor", "Add Event")
        )
        self.setMinimumWidth(640)
        self.citations: list[CitationInfo] = list(event.citations) if event else []

        self.date = QLineEdit(event.date or "" if event else "")
        self.date.setAccessibleName(translate("EventEditor", "Date"))
        self.date.setPlaceholderText(
            translate("EventEditor", "7 June 2024, c. May 2024, 2020–2022, 7 июня 2024 г., 2024-06")
        )
        self.date_words = plain_label(wrap=True)
        self.date_words.setObjectName("dateWords")
        self.title_edit = QLineEdit(event.title if event else "")
        self.title_edit.setAccessibleName(translate("EventEditor", "Title"))
        self.title_edit.setPlaceholderText(translate("EventEditor", "What happened, in one line"))
        self.description = QPlainTextEdit(event.description or "" if event else "")
        self.description.setAccessibleName(translate("EventEditor", "Description"))
        self.description.setFixedHeight(70)
        self.entities = QLineEdit(", ".join(e.name for e in event.entities) if event else "")
        self.entities.setAccessibleName(translate("EventEditor", "Entities"))
        self.entities.setPlaceholderText(translate("EventEditor", "Names, separated by commas"))
        self._complete(self.entities, entity_names)
        self.tags = QLineEdit(", ".join(event.tags) if event else "")
        self.tags.setAccessibleName(translate("EventEditor", "Tags"))
        self.tags.setPlaceholderText(translate("EventEditor", "Tags, separated by commas"))
        self._complete(self.tags, tag_names)

        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(translate("EventEditor", "Citations"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("EventEditor", "Source"),
                translate("EventEditor", "Page"),
                translate("EventEditor", "Quote"),
                translate("EventEditor", "Information"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(1, 44)
        self.table.setColumnWidth(3, 150)
        self.table.doubleClicked.connect(lambda _i: self.show_passage())
        self.show_button = QPushButton(translate("EventEditor", "Show Passage"))
        self.show_button.clicked.connect(self.show_passage)
        self.remove_button = QPushButton(translate("EventEditor", "Remove Citation"))
        self.remove_button.clicked.connect(self.remove_citation)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        form = QFormLayout()
        form.addRow(translate("EventEditor", "&Date:"), self.date)
        form.addRow("", self.date_words)
        form.addRow(translate("EventEditor", "&Title:"), self.title_edit)
        form.addRow(translate("EventEditor", "De&scription:"), self.description)
        form.addRow(translate("EventEditor", "&Entities:"), self.entities)
        form.addRow(translate("EventEditor", "T&ags:"), self.tags)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        cite_buttons = QHBoxLayout()
        cite_buttons.addWidget(self.show_button)
        cite_buttons.addWidget(self.remove_button)
        cite_buttons.addStretch(1)
        hint = plain_label(wrap=True)
        hint.setText(
            translate(
                "EventEditor",
                "Add a citation by selecting words in the viewer and choosing "
                "“Add to chronology…” from its context menu.",
            )
        )
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate("EventEditor", "Citations:")))
        layout.addWidget(self.table, 1)
        layout.addLayout(cite_buttons)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

        self.date.textChanged.connect(self._check)
        self.title_edit.textChanged.connect(self._check)
        self._fill_citations()
        self._check()
        self.date.setFocus()

    @staticmethod
    def _complete(edit: QLineEdit, names: Sequence[str]) -> None:
        if names:
            completer = QCompleter(list(names), edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            edit.setCompleter(completer)

    # -- citations ------------------------------------------------------------------------
    def add_citation(self, citation: CitationInfo, label: str = "") -> None:
        self.citations.append(citation)
        self._fill_citations(labels={len(self.citations) - 1: label} if label else None)

    def _fill_citations(self, labels: dict[int, str] | None = None) -> None:
        old = {r: _cell(self.table, r) for r in range(self.table.rowCount())}  # shown so far
        self.table.setRowCount(len(self.citations))
        for r, c in enumerate(self.citations):
            label = (labels or {}).get(r) or old.get(r) or (c.document_title or c.document_uid[:8])
            source = QTableWidgetItem(label)
            source.setToolTip(
                c.document_title or translate("EventEditor", "A document deleted since")
            )
            quote = " ".join(c.quote.split())
            if c.lost:
                shown = translate("EventEditor", "⚠ quote lost: {quote}").format(quote=quote)
            else:
                shown = quote
            quote_item = QTableWidgetItem(shown)
            quote_item.setToolTip(quote)
            self.table.setItem(r, 0, source)
            self.table.setItem(r, 1, QTableWidgetItem(str(c.page)))
            self.table.setItem(r, 2, quote_item)
            combo = QComboBox()
            combo.setAccessibleName(translate("EventEditor", "Information grade"))
            for value, text in GRADES:
                combo.addItem(translate("EventEditor", text), value)
            combo.setCurrentIndex(next((i for i, g in enumerate(GRADES) if g[0] == c.grade), 0))
            self.table.setCellWidget(r, 3, combo)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.table.currentRow() >= 0 and bool(self.table.selectedItems())
        self.show_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def _grades(self) -> list[int | None]:
        out: list[int | None] = []
        for r in range(self.table.rowCount()):
            combo = self.table.cellWidget(r, 3)
            out.append(combo.currentData() if isinstance(combo, QComboBox) else None)
        return out

    def remove_citation(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.citations):
            grades = self._grades()
            del self.citations[row], grades[row]
            self.citations = [
                _with_grade(c, g) for c, g in zip(self.citations, grades, strict=True)
            ]
            labels = {
                r: _cell(self.table, r if r < row else r + 1) for r in range(len(self.citations))
            }
            self.table.setRowCount(0)
            self._fill_citations(labels)

    def show_passage(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.citations):
            c = self.citations[row]
            self.passageRequested.emit(
                c.document_uid, c.page, c.start if c.start is not None else -1, c.end or -1
            )

    # -- the date, read as typed --------------------------------------------------------
    def parsed_date(self) -> str | None:
        """The EDTF of what is typed (None: no date); raises InvalidValueError."""
        text = self.date.text().strip()
        return dates.read_date(text).text if text else None

    def _check(self) -> None:
        ok = True
        try:
            edtf = self.parsed_date()
            words = (
                in_words(edtf, self.lang)
                if edtf
                else translate("EventEditor", "No date: the event sorts last.")
            )
            if edtf and edtf != self.date.text().strip():
                words += f"  ({edtf})"
            self.date_words.setText(words)
            self.date_words.setStyleSheet(OK_STYLE)
        except InvalidValueError as exc:
            ok = False
            self.date_words.setText(str(exc))
            self.date_words.setStyleSheet(BAD_STYLE)
        ok = ok and bool(self.title_edit.text().strip())
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(ok)
        if not self.title_edit.text().strip():
            button.setToolTip(
                translate("EventEditor", "An event needs a title saying what happened.")
            )
        else:
            button.setToolTip("")

    # -- the result -----------------------------------------------------------------------
    def result_event(self) -> EventInfo:
        """The event as the dialog now says (a new uid for a new event)."""
        edtf = self.parsed_date()
        original = self.original
        cites = tuple(
            _with_grade(c, g) for c, g in zip(self.citations, self._grades(), strict=True)
        )
        old_refs = {e.name.casefold(): e for e in (original.entities if original else ())}
        entities = tuple(
            old_refs.get(n.casefold(), EntityRef(n)) for n in _split(self.entities.text())
        )
        return EventInfo(
            uid=original.uid if original else uuid.uuid4().hex,
            date=edtf,
            date_words=in_words(edtf, self.lang),
            precision=dates.precision(edtf) if edtf else None,
            date_lower=None,
            date_upper=None,
            sort_key=None,
            title=self.title_edit.text().strip(),
            description=self.description.toPlainText().strip() or None,
            tags=tuple(dict.fromkeys(_split(self.tags.text()))),
            entities=entities,
            citations=cites,
            flags=(),
        )

    def _accept(self) -> None:
        try:
            self.result_event()
        except InvalidValueError:
            return  # the date line already says why
        self.accept()


def _cell(table: QTableWidget, row: int) -> str:
    item = table.item(row, 0)
    return item.text() if item is not None else ""


def set_source_label(table: QTableWidget, row: int, label: str) -> None:
    item = table.item(row, 0)
    if item is not None:
        item.setText(label)


def _with_grade(c: CitationInfo, grade: int | None) -> CitationInfo:
    if c.grade == grade:
        return c
    from dataclasses import replace

    return replace(c, grade=grade)


def unchanged(before: EventInfo, after: EventInfo) -> bool:
    """Whether the editor changed nothing a person can see."""
    fields = ("date", "title", "description", "tags")
    return all(getattr(before, f) == getattr(after, f) for f in fields) and (
        [e.name for e in before.entities] == [e.name for e in after.entities]
        and [(c.id, c.grade) for c in before.citations]
        == [(c.id, c.grade) for c in after.citations]
    )
