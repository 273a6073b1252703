"""The Chronology view (navigator → Chronology): filters, the timeline strip, the event
table, and below it the chosen event's citations and the date suggestion queue.

Every edit is an undoable command on the case's one undo stack (commands.py); every
read goes to the reader pool (model.py). A citation opens the viewer at its passage,
highlighted (`passageRequested`, handled by the case view, which owns the viewer); the
chosen event's own tab is event_details.py.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from casefile.core.date_rules import date_in_passage
from casefile.core.date_words import in_words
from casefile.core.services import chronology_view as cv
from casefile.core.services.chronology_dto import CitationInfo, EventInfo
from casefile.ui.chronology.commands import PutEventCommand
from casefile.ui.chronology.editor import EventEditor, set_source_label, unchanged
from casefile.ui.chronology.event_details import EventDetails
from casefile.ui.chronology.filters import FilterBar
from casefile.ui.chronology.model import COLUMNS, FLAG_WORDS, EventTableModel, flag_words
from casefile.ui.chronology.suggestions import SuggestionQueue
from casefile.ui.chronology.timeline import Timeline
from casefile.ui.controller import CaseController
from casefile.ui.i18n import CHOICES, translate
from casefile.ui.icons import icon
from casefile.ui.viewer_selection import TextSelection


class ChronologyView(QWidget):
    passageRequested = Signal(str, int, int, int)  # document uid, page, start, end

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dialogs: list[QWidget] = []
        self.editor: EventEditor | None = None  # the last editor opened (tests look at it)
        self._select_after: str | None = None
        self._facets: tuple[list[str], list[str]] = ([], [])
        self.model = EventTableModel(controller, self)
        self._build()
        self.model.outlineChanged.connect(self.timeline.set_items)
        self.model.loaded.connect(self._loaded)
        self.model.dataChanged.connect(lambda *_a: self._show_details())
        controller.changed.connect(self._on_changed)

    def minimumSizeHint(self) -> QSize:
        """Small, like the document table's: the view shares the centre pane's stack,
        whose minimum is its largest page's, and the filter bar's natural width would
        otherwise stop the user narrowing that pane (it is clipped instead)."""
        return QSize(200, 200)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        bar = QToolBar(translate("ChronologyView", "Chronology"))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_action = self._act(
            bar,
            translate("ChronologyView", "Add Event…"),
            self.add_event,
            "Ctrl+Shift+E",
            "chronology",
        )
        self.edit_action = self._act(
            bar, translate("ChronologyView", "Edit…"), self.edit_current, None, None
        )
        self.delete_action = self._act(
            bar, translate("ChronologyView", "Delete Event"), self.delete_current, None, "delete"
        )
        bar.addSeparator()
        self.fit_action = self._act(
            bar, translate("ChronologyView", "Show All"), self._fit, None, None
        )
        self.fit_action.setToolTip(
            translate("ChronologyView", "Zoom the timeline out to every event")
        )
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        bar.addWidget(spacer)
        # Dates in words follow the interface language (the model's default) until
        # switched here: an English report about a Russian case, or the other way round.
        bar.addWidget(QLabel(translate("ChronologyView", "Dates in ")))
        self.language = QComboBox()
        self.language.setAccessibleName(translate("ChronologyView", "Date language"))
        for code, name in CHOICES:  # each language named in itself
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.model.lang)))
        self.language.currentIndexChanged.connect(self._language_changed)
        bar.addWidget(self.language)
        self.toolbar = bar

        self.timeline: Timeline = Timeline()
        self.timeline.set_language(self.model.lang)
        self.filters = FilterBar()
        self.filters.changed.connect(self.model.set_filters)
        self.timeline.eventClicked.connect(self.select_uid)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("ChronologyView", "Chronology"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The event's title takes what is left: a long interval's date is elided (its
        # tooltip says it whole), as are many entities or sources.
        widest = max((in_words("2024-09-15", code) for code, _name in CHOICES), key=len)
        date_w = self.fontMetrics().horizontalAdvance(widest) + 24
        # A flag's word whole beside its icon, in any language ("Один источник").
        flag_w = max(self.fontMetrics().horizontalAdvance(flag_words(f)[0]) for f in FLAG_WORDS)
        flag_w = max(100, flag_w + 40)
        for col, width in ((0, date_w), (2, 120), (3, 100), (4, 50), (5, flag_w)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._current_changed())

        self.details = EventDetails()
        self.details.passageRequested.connect(self.passageRequested)
        self.queue = SuggestionQueue(self.controller)
        self.queue.lang = lambda: self.model.lang
        self.queue.passageRequested.connect(self.passageRequested)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, translate("ChronologyView", "Event"))
        self.tabs.addTab(self.queue, translate("ChronologyView", "Date Suggestions"))

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 240])
        split.setChildrenCollapsible(False)
        self.split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(bar)
        row = QHBoxLayout()
        row.setContentsMargins(4, 0, 4, 0)
        row.addWidget(self.filters)
        layout.addLayout(row)
        layout.addWidget(self.timeline)
        layout.addWidget(split, 1)
        self._update_actions()

    def _act(
        self, bar: QToolBar, text: str, slot: Any, keys: str | None, icon_name: str | None
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        bar.addAction(action)
        return action

    def _fit(self) -> None:
        self.timeline.fit()

    # -- showing --------------------------------------------------------------------------
    def activate(self) -> None:
        """Shown: read the events the first time (the view costs nothing until then)."""
        if not self.model.started:
            self.model.reload()
        self._read_facets()

    def _read_facets(self) -> None:
        def got(facets: tuple[list[str], list[str]]) -> None:
            self._facets = facets
            self.filters.set_choices(*facets)

        self.controller.read(cv.chronology_facets, on_done=got)

    def _language_changed(self) -> None:
        self.model.set_language(self.language.currentData())
        self.timeline.set_language(self.model.lang)
        self._show_details()

    def _on_changed(self, changes: Any) -> None:
        if self.model.started and changes.events:
            self._read_facets()

    def _loaded(self, _n: int) -> None:
        uid = self._select_after or self.timeline.selected
        self._select_after = None
        if uid is None or not self.select_uid(uid):
            self._show_details()
        self._update_actions()

    # -- selection ------------------------------------------------------------------------
    def current_uid(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.uid_at(index.row()) if index.isValid() else None

    def current_row(self) -> cv.EventRow | None:
        index = self.table.currentIndex()
        return self.model.cached_row(index.row()) if index.isValid() else None

    def select_uid(self, uid: str) -> bool:
        row = self.model.row_of(uid)
        if row is None:
            return False
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.table.scrollTo(index)
        return True

    def _current_changed(self) -> None:
        self.timeline.select(self.current_uid())
        self._show_details()
        self._update_actions()

    def _show_details(self) -> None:
        row = self.current_row()
        words = self.model_words(row.info) if row is not None else ""
        self.details.show_row(row, words, bool(self.model.rowCount()))

    def model_words(self, info: EventInfo) -> str:
        return in_words(info.date, self.model.lang)

    def _update_actions(self) -> None:
        writable = not self.controller.readonly
        has = self.current_row() is not None
        self.add_action.setEnabled(writable)
        self.edit_action.setEnabled(writable and has)
        self.delete_action.setEnabled(writable and has)

    # -- edits ----------------------------------------------------------------------------
    def _editor(self, event: EventInfo | None, labels: tuple[str, ...] = ()) -> EventEditor:
        entities, tags = self._facets
        editor = EventEditor(
            event, lang=self.model.lang, entity_names=entities, tag_names=tags, parent=self
        )
        for r, label in enumerate(labels):
            if r < editor.table.rowCount():
                set_source_label(editor.table, r, label)
        editor.passageRequested.connect(self.passageRequested)
        editor.accepted.connect(lambda: self._edited(editor))
        editor.finished.connect(lambda _r: self._forget(editor))
        self.dialogs.append(editor)
        self.editor = editor
        return editor

    def _forget(self, editor: EventEditor) -> None:
        if editor in self.dialogs:
            self.dialogs.remove(editor)
        editor.deleteLater()

    def _edited(self, editor: EventEditor) -> None:
        after = editor.result_event()
        before = editor.original
        if before is not None and unchanged(before, after):
            return
        self._select_after = after.uid
        self.controller.undo_stack.push(PutEventCommand(self.controller, before, after))

    def add_event(self) -> EventEditor | None:
        if self.controller.readonly:
            return None
        editor = self._editor(None)
        editor.open()
        return editor

    def add_from_selection(self, sel: TextSelection, reference: str | None) -> EventEditor | None:
        """The editor with the selection cited (document, page, span, quote) and the
        first date of the selected words suggested (core date rules; the document's own
        date resolves "в мае этого года")."""
        if self.controller.readonly:
            self.controller.message.emit(
                translate("ChronologyView", "This case is open read-only; nothing can be added.")
            )
            return None
        editor = self._editor(None)
        editor.add_citation(
            CitationInfo(
                id=0,
                document_uid=sel.document_uid,
                document_title=sel.document_title,
                page=sel.page,
                quote=sel.quote,
                start=sel.start,
                end=sel.end,
                lost=False,
                grade=None,
                source_grade=None,
            ),
            translate("ChronologyView", "{title}, p. {page}").format(
                title=sel.document_title, page=sel.page
            ),
        )
        found = date_in_passage(sel.quote, reference)
        if found:
            editor.date.setText(found)
        quote = " ".join(sel.quote.split())
        editor.title_edit.setText(quote if len(quote) <= 120 else quote[:117] + "…")
        editor.title_edit.selectAll()
        editor.title_edit.setFocus()
        editor.open()
        return editor

    def edit_current(self) -> EventEditor | None:
        row = self.current_row()
        if row is None or self.controller.readonly:
            return None
        editor = self._editor(row.info, row.sources)
        editor.open()
        return editor

    def delete_current(self) -> None:
        row = self.current_row()
        if row is None or self.controller.readonly:
            return
        index = self.table.currentIndex().row()
        after = self.model.uid_at(index + 1) or self.model.uid_at(index - 1)
        self._select_after = after
        self.controller.undo_stack.push(PutEventCommand(self.controller, row.info, None))
        self.controller.message.emit(
            translate(
                "ChronologyView", "Deleted the event “{title}”; Edit → Undo brings it back."
            ).format(title=row.info.title[:60])
        )


__all__ = ["COLUMNS", "ChronologyView"]  # i18n: not shown
