"""The metadata panel with several rows selected: kind, source, reliability and tags go
to every selected document as one undoable step (`bulk_edit`); the fields that belong to
one document (title, date, author, address, notes) are disabled and say so. A mixin of
`MetadataPanel`, kept apart so each file reads in one sitting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit, QWidget

from casefile.core import services
from casefile.core.services.bulk import BULK_FIELDS, SharedMetadata
from casefile.ui.bulk_edit import BulkEditCommand
from casefile.ui.i18n import QT_TRANSLATE_NOOP, plural, translate
from casefile.ui.suggestions import SuggestionBar, mark

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit

    from casefile.core.services import DocumentDetail
    from casefile.ui.controller import CaseController
    from casefile.ui.linked_documents import LinkedDocuments
    from casefile.ui.metadata_date import DateRow

ONE_DOCUMENT = QT_TRANSLATE_NOOP("BulkSelection", "Select one document to edit this")


class BulkSelection:
    controller: CaseController
    detail: DocumentDetail | None
    uids: list[str]
    shared: SharedMetadata | None
    _shared_generation: int
    _bulk_refresh_pending: bool
    _loading: bool
    _placeholders: dict[QLineEdit, str]
    _per_document: tuple[Any, ...]
    title: QLineEdit
    kind: QComboBox
    date_row: DateRow
    date: QLineEdit
    date_words: QLabel
    source: QLineEdit
    author: QLineEdit
    url: QLineEdit
    rel_source: QComboBox
    rel_info: QComboBox
    tags: QLineEdit
    notes: QPlainTextEdit
    facts: QLabel
    selection_note: QLabel
    suggestion_bar: SuggestionBar
    linked: LinkedDocuments
    _suggestable: dict[str, QWidget]

    @property
    def bulk(self) -> bool:
        return len(self.uids) > 1

    if TYPE_CHECKING:  # provided by MetadataPanel

        def show_document(self, detail: DocumentDetail | None) -> None: ...
        def _warn_unsaved_date(self, detail: DocumentDetail) -> None: ...

    def show_selection(self, uids: list[str]) -> None:
        """The table's selection changed: several rows make the panel a bulk editor."""
        if not uids:
            # Nothing selected: the panel edits the document the viewer shows, never a
            # selection that is gone.
            if self.bulk:
                self.uids = [self.detail.uid] if self.detail is not None else []
                self.show_document(self.detail)
            return
        self.uids = list(uids)
        if self.bulk:
            self._show_bulk()
        elif self.detail is not None and self.detail.uid == uids[0]:
            self.show_document(self.detail)  # back to one document (already read)

    def _show_bulk(self) -> None:
        if self.detail is not None:
            self._warn_unsaved_date(self.detail)
        self.shared = None
        self._set_bulk_look(True)
        self._loading = True
        try:
            for w in (self.source, self.tags, self.date, self.title, self.author, self.url):
                w.clear()
            self.notes.clear()
            self.date_row.mark(True)
            self.date_words.setText("")
            for combo in (self.kind, self.rel_source, self.rel_info):
                combo.setCurrentIndex(-1)
            n = len(self.uids)
            self.facts.setText(plural("%n document(s) selected", "", n))
            self.facts.setToolTip("")
            mark(self._suggestable, ())
            self.suggestion_bar.hide()
            self.linked.hide()  # attachments belong to one document
            self.selection_note.setText(
                plural(
                    "%n document(s) selected: kind, source, reliability and tags change all "
                    "of them (one undo step). Title, date, author, address and notes belong "
                    "to one document: select one to edit them.",
                    "",
                    n,
                )
            )
        finally:
            self._loading = False
        self._shared_generation += 1
        generation = self._shared_generation
        uids = list(self.uids)

        def show(shared: SharedMetadata) -> None:
            if generation == self._shared_generation and self.uids == uids:
                self._show_shared(shared)

        self.controller.read(services.shared_metadata, uids, on_done=show)

    def _show_shared(self, shared: SharedMetadata) -> None:
        self.shared = shared
        self._loading = True
        try:
            for field, combo in (
                ("kind", self.kind),
                ("reliability_source", self.rel_source),
                ("reliability_info", self.rel_info),
            ):
                mixed = field in shared.mixed
                combo.setPlaceholderText(translate("BulkSelection", "Mixed") if mixed else "")
                combo.setCurrentIndex(
                    -1 if mixed else max(0, combo.findData(shared.values.get(field)))
                )
            self.source.setText(
                "" if "source" in shared.mixed else shared.values.get("source") or ""
            )
            self.source.setPlaceholderText(
                translate("BulkSelection", "Mixed: type to give all the same source")
                if "source" in shared.mixed
                else ""
            )
            self.source.setCursorPosition(0)
            self.tags.setText(", ".join(shared.common_tags))
            self.tags.setCursorPosition(0)
            some = ", ".join(shared.some_tags)
            tip = translate(
                "BulkSelection",
                "Tags on every selected document. Add a tag to add it to all of them; "
                "remove one to remove it from all.",
            )
            if some:
                tip += " " + translate("BulkSelection", "On some of them only: {tags}.").format(
                    tags=some
                )
            self.tags.setToolTip(tip)
        finally:
            self._loading = False

    def _set_bulk_look(self, bulk: bool) -> None:
        writable = not self.controller.readonly and (bulk or self.detail is not None)
        self.selection_note.setVisible(bulk)
        one_document = translate("BulkSelection", ONE_DOCUMENT)
        for w in self._per_document:
            w.setEnabled(writable and not bulk)
            if isinstance(w, QLineEdit):
                w.setPlaceholderText(one_document if bulk else self._placeholders[w])
            else:
                w.setPlaceholderText(one_document if bulk else "")
        for w in (self.kind, self.source, self.rel_source, self.rel_info, self.tags):
            w.setEnabled(writable)
        if not bulk:
            self.source.setPlaceholderText(self._placeholders[self.source])
            self.tags.setToolTip("")
            for combo in (self.kind, self.rel_source, self.rel_info):
                combo.setPlaceholderText("")

    def _show_bulk_soon(self) -> None:
        """A bulk edit announces every document it changed: read what they share once."""
        if not self._bulk_refresh_pending:
            self._bulk_refresh_pending = True

            def refresh() -> None:
                self._bulk_refresh_pending = False
                if self.bulk:
                    self._show_bulk()

            QTimer.singleShot(0, refresh)

    def _commit_bulk(self, field: str, value: Any) -> None:
        shared = self.shared
        if field not in BULK_FIELDS or shared is None or self.controller.readonly:
            return
        if field in shared.mixed:
            if value is None:
                return  # leaving a mixed field empty keeps each document's own value
        elif value == shared.values.get(field):
            return
        self.controller.undo_stack.push(BulkEditCommand(self.controller, self.uids, {field: value}))
