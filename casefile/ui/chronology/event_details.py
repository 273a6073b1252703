"""The Chronology view's Event tab (ui/chronology/view.py): the chosen event's date and
title, its description, entities and tags, and its citations, each of which opens the
viewer at its passage (`passageRequested`).

Kept apart from the view, which lays out the table, the timeline and the edits: this is
only what one event shows of itself and where its sources lead."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from casefile.core.services import chronology_view as cv
from casefile.core.services.chronology_dto import CitationInfo
from casefile.ui.i18n import translate
from casefile.ui.plain import plain_label

CITE_ROLE = Qt.ItemDataRole.UserRole + 1


class EventDetails(QWidget):
    passageRequested = Signal(str, int, int, int)  # document uid, page, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label(bold=True, wrap=True, selectable=True)
        self.text = plain_label(wrap=True, selectable=True)
        self.citations = QListWidget()
        self.citations.setAccessibleName(translate("ChronologyView", "Citations"))
        self.citations.setWordWrap(True)
        self.citations.itemActivated.connect(self._cite_chosen)
        self.citations.itemClicked.connect(self._cite_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.citations, 1)

    def show_row(self, row: cv.EventRow | None, date_words: str, any_events: bool) -> None:
        """Show `row`'s event (its date already in words), or, with none chosen, what
        would show one (nothing when the chronology is empty)."""
        self.citations.clear()
        if row is None:
            self.title.setText("")
            self.text.setText(
                translate("ChronologyView", "Choose an event to see its sources.")
                if any_events
                else ""
            )
            self.text.setVisible(bool(self.text.text()))
            return
        info = row.info
        self.title.setText(f"{date_words} — {info.title}")
        parts = [info.description or ""]
        if info.entities:
            names = ", ".join(e.name for e in info.entities)
            parts.append(translate("ChronologyView", "Entities: {names}").format(names=names))
        if info.tags:
            tags = ", ".join(info.tags)
            parts.append(translate("ChronologyView", "Tags: {tags}").format(tags=tags))
        self.text.setText("\n".join(p for p in parts if p))
        self.text.setVisible(bool(self.text.text()))
        if not info.citations:
            item = QListWidgetItem(
                translate(
                    "ChronologyView",
                    "No source yet: select words in the viewer and choose “Add to chronology…”.",
                )
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.citations.addItem(item)
        for label, grade, c in zip(row.sources, row.grades, info.citations, strict=True):
            lost = "  " + translate("ChronologyView", "⚠ quote lost") if c.lost else ""
            title = c.document_title or translate("ChronologyView", "a document deleted since")
            quote = " ".join(c.quote.split())
            text = translate("ChronologyView", "{source} · {grade} · {title}{lost}\n“{quote}”")
            item = QListWidgetItem(
                text.format(source=label, grade=grade, title=title, lost=lost, quote=quote)
            )
            item.setData(CITE_ROLE, c)
            item.setToolTip(translate("ChronologyView", "Click to read the passage in the viewer"))
            self.citations.addItem(item)

    def _cite_chosen(self, item: QListWidgetItem) -> None:
        c = item.data(CITE_ROLE)
        if isinstance(c, CitationInfo) and c.document_title is not None:
            start = c.start if c.start is not None and not c.lost else -1
            end = c.end if c.end is not None and not c.lost else -1
            self.passageRequested.emit(c.document_uid, c.page, start, end)
