"""The metadata panel: title, kind, date, source, author, address, reliability, tags and
notes of the selected document. Each committed change becomes an undoable command that
goes through a service; the date is checked as you type and said back in words, the way
a colleague would read it ("about May 2024": ui/metadata_date.py).

With several rows selected the panel edits them together: kind, source, reliability and
tags go to every selected document as one undoable step (`bulk_edit`); the fields that
belong to one document (title, date, author, address, notes) are disabled and say so.
A date the user typed that is not valid stays in the field, marked, until they fix it
or revert it (Escape): saving another field never silently replaces it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from casefile.core.services import Changes, DocumentDetail
from casefile.core.services.bulk import SharedMetadata
from casefile.core.vocabulary import DocumentKind
from casefile.ui import labels
from casefile.ui.bulk_edit import BulkEditCommand
from casefile.ui.controller import CaseController
from casefile.ui.i18n import plural, translate
from casefile.ui.linked_documents import LinkedDocuments
from casefile.ui.metadata_bulk import BulkSelection
from casefile.ui.metadata_date import DateRow
from casefile.ui.metadata_undo_keys import leave_to_case
from casefile.ui.plain import plain_label
from casefile.ui.suggestions import SuggestionBar, mark


class MetadataPanel(BulkSelection, QScrollArea):
    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.detail: DocumentDetail | None = None
        self.uids: list[str] = []  # the table's selection; several = a bulk edit
        self.shared: SharedMetadata | None = None
        self._shared_generation = 0
        self._loading = False
        self._bulk_refresh_pending = False
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

        self.title = QLineEdit()
        self.kind = QComboBox()
        for k in (kind.value for kind in DocumentKind):
            self.kind.addItem(labels.kind_label(k), k)
        self.date_row = DateRow()  # checked as typed: see ui/metadata_date.py
        self.date, self.date_words = self.date_row.edit, self.date_row.words
        self.source = QLineEdit()
        self.author = QLineEdit()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.rel_source = QComboBox()
        self.rel_source.addItem("—", None)
        for k, v in labels.SOURCE_GRADES.items():
            self.rel_source.addItem(f"{k} · {v}", k)
        self.rel_info = QComboBox()
        self.rel_info.addItem("—", None)
        for n, v in labels.INFO_GRADES.items():
            self.rel_info.addItem(f"{n} · {v}", n)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(
            translate("MetadataPanel", "Comma-separated, e.g. sanctions, OkoVision")
        )
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        # Notes is the last row and takes the height that is left (at least three
        # lines), so a short pane at 1360x820 shows all of it instead of a clipped box.
        self.notes.setMinimumHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        self.notes.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.notes.installEventFilter(self)
        self.date.installEventFilter(self)  # Escape reverts an invalid date
        # File facts are document data (the original's name can hold markup): plain text.
        self.facts = plain_label(wrap=True, selectable=True)
        self.facts.setObjectName("facts")
        self.linked = LinkedDocuments()  # a message's attachments, an attachment's message

        for combo in (self.kind, self.rel_source, self.rel_info):
            # Long grade names must not widen the panel past its pane; they elide.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        reliability = QHBoxLayout()
        reliability.addWidget(self.rel_source, 1)
        reliability.addWidget(self.rel_info, 1)
        self.selection_note = plain_label(wrap=True)
        self.selection_note.setObjectName("selectionNote")
        self.selection_note.hide()
        form.addRow(self.selection_note)
        self.suggestion_bar = SuggestionBar()
        self.suggestion_bar.confirmRequested.connect(self._confirm_suggestions)
        form.addRow(self.suggestion_bar)
        form.addRow(translate("MetadataPanel", "&Title"), self.title)
        form.addRow(translate("MetadataPanel", "&Kind"), self.kind)
        form.addRow(translate("MetadataPanel", "&Date"), self.date)
        form.addRow("", self.date_words)
        form.addRow(translate("MetadataPanel", "&Source"), self.source)
        form.addRow(translate("MetadataPanel", "&Author"), self.author)
        form.addRow(translate("MetadataPanel", "Add&ress"), self.url)
        rel_label = QLabel(translate("MetadataPanel", "&Reliability"))
        rel_label.setBuddy(self.rel_source)
        form.addRow(rel_label, reliability)
        form.addRow(translate("MetadataPanel", "Ta&gs"), self.tags)
        form.addRow(translate("MetadataPanel", "File"), self.facts)
        form.addRow("", self.linked)
        form.addRow(translate("MetadataPanel", "&Notes"), self.notes)
        self.rel_source.setToolTip(
            translate("MetadataPanel", "Admiralty code: how reliable is the source (A–F)?")
        )
        self.rel_info.setToolTip(
            translate("MetadataPanel", "Admiralty code: how credible is this information (1–6)?")
        )
        self.setWidget(body)
        self._placeholders = {
            w: w.placeholderText()
            for w in (self.title, self.date, self.source, self.author, self.url, self.tags)
        }
        self._suggestable = {
            "title": self.title,
            "kind": self.kind,
            "date": self.date,
            "author": self.author,
        }
        self._per_document = (self.title, self.date, self.author, self.url, self.notes)

        for edit, field in (
            (self.title, "title"),
            (self.source, "source"),
            (self.author, "author"),
            (self.url, "url"),
        ):
            edit.editingFinished.connect(lambda e=edit, f=field: self._commit(f, e.text()))
        self.date.textEdited.connect(self._check_date)
        self.date.editingFinished.connect(self._commit_date)
        self.kind.activated.connect(lambda _i: self._commit("kind", self.kind.currentData()))
        self.rel_source.activated.connect(
            lambda _i: self._commit("reliability_source", self.rel_source.currentData())
        )
        self.rel_info.activated.connect(
            lambda _i: self._commit("reliability_info", self.rel_info.currentData())
        )
        self.tags.editingFinished.connect(self._commit_tags)
        for edit in (self.title, self.date, self.source, self.author, self.url, self.tags):
            edit.installEventFilter(self)
        controller.changed.connect(self._on_changed)
        self.show_document(None)

    # -- showing --------------------------------------------------------------------------
    def show_document(self, detail: DocumentDetail | None) -> None:
        previous = self.detail
        if previous is not None and (detail is None or detail.uid != previous.uid):
            self._warn_unsaved_date(previous)
        self.detail = detail
        if self.bulk and detail is not None and detail.uid in self.uids:
            return  # the panel shows the selection; the viewer shows this one
        if detail is None or detail.uid not in self.uids:
            self.uids = [detail.uid] if detail is not None else []
        # Refreshing the same document keeps a date the user typed and has not yet
        # fixed (another field's save must not replace it with the stored one).
        kept_date = (
            self.date.text()
            if detail is not None
            and previous is not None
            and previous.uid == detail.uid
            and self.date.property("invalid")
            else None
        )
        self._set_bulk_look(False)
        self._loading = True
        try:
            readonly = self.controller.readonly
            # Read-only text stays selectable, so a value can be copied from a case
            # opened read-only; the choices that cannot be read-only are disabled.
            for w in (self.title, self.date, self.source, self.author, self.url, self.tags):
                w.setEnabled(detail is not None)
                w.setReadOnly(readonly)
            self.notes.setEnabled(detail is not None)
            self.notes.setReadOnly(readonly)
            for combo in (self.kind, self.rel_source, self.rel_info):
                combo.setEnabled(detail is not None and not readonly)
            self.linked.show_links(detail)
            if detail is None:
                mark(self._suggestable, ())
                self.suggestion_bar.hide()
                for e in (self.title, self.date, self.source, self.author, self.url, self.tags):
                    e.clear()
                self.notes.clear()
                self.date_words.clear()
                self.facts.clear()
                self.kind.setCurrentIndex(-1)  # no document, no kind (not "Court filing")
                self.rel_source.setCurrentIndex(0)  # "—", not the last document's grade
                self.rel_info.setCurrentIndex(0)
                return
            self.title.setText(detail.title)
            self.kind.setCurrentIndex(max(0, self.kind.findData(detail.kind)))
            self.date.setText(detail.date or "" if kept_date is None else kept_date)
            origin = labels.DATE_SOURCE_LABELS.get(detail.date_source or "")
            if self._check_date(self.date.text()) and kept_date is None and detail.date and origin:
                self.date_words.setText(f"{self.date_words.text()} · {origin}")
            self.source.setText(detail.source or "")
            self.author.setText(detail.author or "")
            self.url.setText(detail.url or "")
            self.rel_source.setCurrentIndex(
                max(0, self.rel_source.findData(detail.reliability_source))
            )
            self.rel_info.setCurrentIndex(max(0, self.rel_info.findData(detail.reliability_info)))
            self.tags.setText(", ".join(detail.tags))
            for edit in (self.title, self.source, self.author, self.url, self.tags):
                edit.setCursorPosition(0)  # show the beginning of long values
            self.notes.setPlainText(detail.notes or "")
            self.facts.setText(file_facts(detail))
            self.facts.setToolTip(f"SHA-256 {detail.sha256}")
            mark(self._suggestable, detail.suggested)
            self.suggestion_bar.show_fields(detail.suggested, not self.controller.readonly)
        finally:
            self._loading = False

    def _confirm_suggestions(self) -> None:
        """Accept what Casefile suggested for this document, as it stands."""
        if self.detail is None or self.controller.readonly:
            return
        from casefile.ui.undo_commands import ConfirmSuggestionsCommand

        detail = self.detail
        if detail.suggested:  # one undoable step (Edit → Undo Confirm …)
            self.controller.undo_stack.push(
                ConfirmSuggestionsCommand(
                    self.controller, detail.uid, detail.suggested, detail.title
                )
            )

    def _on_changed(self, changes: Changes) -> None:
        if self.bulk and any(d.uid in self.uids for d in changes.edited):
            if self.detail is not None:  # the viewer's document, kept for after
                self.detail = changes.detail(self.detail.uid) or self.detail
            self._show_bulk_soon()
            return
        detail = changes.detail(self.detail.uid) if self.detail is not None else None
        if detail is not None:
            self.show_document(detail)

    def _warn_unsaved_date(self, detail: DocumentDetail) -> None:
        if self.date.property("invalid") and self.date.text().strip():
            self.controller.message.emit(
                translate(
                    "MetadataPanel",
                    "The date “{date}” was not saved for “{title}”: "
                    "it is not a date Casefile understands.",
                ).format(date=self.date.text().strip(), title=detail.title)
            )

    # -- committing -----------------------------------------------------------------------
    def _current(self, field: str) -> Any:
        assert self.detail is not None
        value = getattr(self.detail, field)
        return value if value not in ("",) else None

    def _commit(self, field: str, value: Any) -> None:
        if self._loading:
            return
        if isinstance(value, str):
            value = value.strip() or None
        if self.bulk:
            self._commit_bulk(field, value)
            return
        if self.detail is None:
            return
        old = self._current(field)
        if value == old:
            return
        if field == "title" and not value:
            self.title.setText(self.detail.title)  # a document keeps a title
            return
        self.controller.edit_document(self.detail.uid, field, old, value, self.detail.title)
        # Until the writer answers, the panel's idea of "current" is what was just typed,
        # so Enter followed by a focus change does not push the same edit twice.
        self.detail = replace(self.detail, **{field: value})

    def _check_date(self, text: str) -> bool:
        """The date in words under the field, or what is wrong (ui/metadata_date.py)."""
        return self.date_row.check(text)

    def _commit_date(self) -> None:
        if self._loading or self.detail is None:
            return
        if self._check_date(self.date.text()):
            self._commit("date", self.date.text())

    def _revert_date(self) -> None:
        if self.detail is None or self.bulk:
            return
        self.date.setText(self.detail.date or "")
        self._check_date(self.date.text())

    def _commit_tags(self) -> None:
        if self._loading:
            return
        new = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        if self.bulk:
            if self.shared is None or self.controller.readonly:
                return
            common = set(self.shared.common_tags)
            added = [t for t in dict.fromkeys(new) if t not in common]
            removed = sorted(common - set(new))
            if added or removed:
                self.controller.undo_stack.push(
                    BulkEditCommand(self.controller, self.uids, None, added, removed)
                )
            return
        if self.detail is None:
            return
        self.controller.set_tags(self.detail.uid, self.detail.tags, new)
        self.detail = replace(self.detail, tags=tuple(sorted(set(new))))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self._commit("notes", self.notes.toPlainText())
        if (
            watched is self.date
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.date.property("invalid")
        ):
            self._revert_date()
            return True
        if event.type() == QEvent.Type.ShortcutOverride and leave_to_case(watched, event):
            return True  # not taken by the field: Edit → Undo / Redo gets the key
        return super().eventFilter(watched, event)


def file_facts(detail: DocumentDetail) -> str:
    """The original's name, type, size, pages and languages, when it was imported and
    its hash: numbers and the date in the interface language's way of writing them."""
    langs = ", ".join(labels.language_label(x) for x in detail.languages) or translate(
        "MetadataPanel", "unknown"
    )
    at = detail.imported_at
    imported = QLocale().toString(
        QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute)),
        translate("MetadataPanel", "d MMMM yyyy, HH:mm"),
    )
    pages = plural("%n page(s)", "", detail.page_count)
    return translate(
        "MetadataPanel",
        "{file}\n{type} · {size} · {pages} · {languages}\nImported {when} · SHA-256 {hash}…",
    ).format(
        file=detail.original_filename,
        type=detail.file_type.upper(),
        size=labels.human_size(detail.size),
        pages=pages,
        languages=langs,
        when=imported,
        hash=detail.sha256[:16],
    )
