"""The workspace of an open case: navigator | document table (or search results) |
viewer over metadata panel.

The viewer and the panel show the document the user is looking at: the current search
result while results are shown, the table's current row otherwise; `target_uids` is
what document actions (Delete, Open Original, Reveal) act on, by the same rule, so an
action never hits a row hidden behind the search results. Documents are read on the
reader pool: nothing here waits for the database on the UI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casefile.core import services
from casefile.core.services import Changes, DocumentDetail
from casefile.ui import labels
from casefile.ui.chronology.install import install_chronology
from casefile.ui.controller import CaseController
from casefile.ui.document_model import DocumentTableModel
from casefile.ui.i18n import translate
from casefile.ui.metadata_panel import MetadataPanel
from casefile.ui.navigator import Navigator
from casefile.ui.search_panel import SearchPanel
from casefile.ui.viewer import Viewer

TITLE_MIN = 220  # px: room for a readable title
VIEWER_MIN = 240  # px: the viewer shows a dozen lines, however short the window


class DocumentTable(QTableView):
    def __init__(self, model: DocumentTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(translate("CaseView", "Documents"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(True)
        self.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        # Fixed row height: the view never measures 100,000 rows to lay them out.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        # Kind and Status as wide as their longest (short) label with its icon.
        fm = self.fontMetrics()
        kind_w = max(fm.horizontalAdvance(labels.kind_short(k)) for k in labels.KIND_LABELS)
        status_w = max(fm.horizontalAdvance(labels.status_short(s)) for s in labels.STATUS_LABELS)
        for col, width in ((1, kind_w + 20), (2, 82), (3, 120), (4, 46), (5, status_w + 40)):
            self.setColumnWidth(col, width)
        header.sectionResized.connect(self._other_column_resized)
        self.fit_title()

    def fit_title(self) -> None:
        """The Title column takes the room the other columns leave, but never less than
        TITLE_MIN (a stretched section would shrink to a sliver in a narrow window, e.g.
        1024 px after a relaunch); below that the table scrolls sideways instead."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        others = sum(
            self.columnWidth(c) for c in range(1, header.count()) if not self.isColumnHidden(c)
        )
        width = max(TITLE_MIN, self.viewport().width() - others)
        if width != self.columnWidth(0):
            self.setColumnWidth(0, width)

    def _other_column_resized(self, index: int, _old: int, _new: int) -> None:
        if index != 0:
            self.fit_title()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_title()


class CaseView(QSplitter):
    """The three panes of an open case. `current_uid` is the document in the viewer."""

    targetChanged = Signal()  # what document actions act on may have changed
    queryShown = Signal(str)  # a saved search put this query on screen

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.controller = controller
        self.current_uid: str | None = None
        self._open_generation = 0
        self._keep: list[str] = []
        self._after_removal: str | None = None  # the row to select once a deletion lands
        self._scroll: tuple[object, int] | None = None  # where the table was, for a reload
        self.navigator = Navigator(controller)
        self.model = DocumentTableModel(controller, self)
        self.table = DocumentTable(self.model)
        self.centre = QStackedWidget()
        self.centre.addWidget(self.table)
        self.search_panel = SearchPanel(controller, self)
        self.centre.addWidget(self.search_panel)
        self.viewer = Viewer(controller)
        self.metadata = MetadataPanel(controller)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.viewer)
        self.right.addWidget(self.metadata)
        self.right.setStretchFactor(0, 1)
        self.right.setStretchFactor(1, 0)
        # The panel's rows need ~400 px; below that its Notes box is clipped (1360x820).
        self.right.setSizes([300, 430])
        self.right.setChildrenCollapsible(False)
        self.viewer.setMinimumHeight(VIEWER_MIN)
        centre_box = QWidget()
        box = QVBoxLayout(centre_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.centre)
        self.addWidget(self.navigator)
        self.addWidget(centre_box)
        self.addWidget(self.right)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 3)
        self.setStretchFactor(2, 4)
        self.setSizes([200, 680, 480])
        self.setChildrenCollapsible(False)

        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.table.selectionModel().currentRowChanged.connect(self._selection)
        # Several target documents make the metadata panel a bulk editor.
        self.targetChanged.connect(lambda: self.metadata.show_selection(self.target_uids()))
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.loaded.connect(lambda _n: self._loaded())
        self.navigator.filterChosen.connect(self.show_filter)
        self.navigator.savedSearchChosen.connect(self.run_saved)
        self.search_panel.currentChanged.connect(self._hit_changed)
        self.metadata.linked.openRequested.connect(self.open_linked)
        self.chronology_gui = install_chronology(self)  # issue 13: see ui/chronology
        self.chronology = self.chronology_gui.view
        # Connected after the model's own slot: the rows it still holds say which one
        # follows a deleted document (see `_on_changed`).
        controller.changed.connect(self._on_changed)
        # No load here: the window restores the saved column order first (which may
        # change the sort), then calls `model.ensure_loaded()`: one query, not two.

    # -- which documents the user is looking at ------------------------------------------
    @property
    def in_search(self) -> bool:
        return self.centre.currentWidget() is self.search_panel

    def target_uids(self) -> list[str]:
        """The documents a document action acts on: the current search result while
        results are shown, the table's selection while it is, else the document in the
        viewer (beside a feature's view: the chronology)."""
        if self.in_search:
            return self.search_panel.current_uids()
        if self.centre.currentWidget() is self.table:
            return self.selected_uids()
        return [self.current_uid] if self.current_uid else []

    def viewed_uid(self) -> str | None:
        """The one document an action on a single document (Open Original) acts on."""
        targets = self.target_uids()
        if self.current_uid in targets:
            return self.current_uid
        return targets[0] if targets else None

    def title_of(self, uid: str) -> str | None:
        """The title as it is on screen, if it is at hand (no database read)."""
        if self.viewer.detail is not None and self.viewer.detail.uid == uid:
            return self.viewer.detail.title
        hit = self.search_panel.hit_for(uid)
        if hit is not None:
            return str(hit.title)
        row = self.model.row_of(uid)
        summary = self.model.cached_summary(row) if row is not None else None
        return summary.title if summary is not None else None

    # -- table ----------------------------------------------------------------------------
    def show_filter(self, filters: dict[str, str]) -> None:
        """List mode: the table, filtered; the viewer follows the table's selection."""
        self.centre.setCurrentWidget(self.table)
        self.navigator.mark_filter(filters)
        self.model.set_filters(**filters)
        self._selection()

    def run_search(self, text: str) -> None:
        if not text.strip():
            self.show_filter({})
            return
        self.navigator.mark_filter(None)
        self.search_panel.run(text)

    def run_saved(self, saved: Any) -> None:
        self.queryShown.emit(getattr(saved, "query", ""))
        self.search_panel.run_saved(saved)
        self.navigator.mark_saved(getattr(saved, "name", None))

    def show_search(self) -> None:
        """Search mode (called by the panel): the viewer follows the current result."""
        if not self.in_search:
            self.centre.setCurrentWidget(self.search_panel)
        self._hit_changed()

    def selected_uids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [u for u in (self.model.uid_at(r) for r in rows) if u]

    def _selection(self, *_args: object) -> None:
        if self.in_search:
            return  # the table is hidden: its selection drives nothing on screen
        uids = self.selected_uids()
        current = self.table.currentIndex()
        uid = self.model.uid_at(current.row()) if current.isValid() else None
        if uid not in uids:
            uid = uids[0] if uids else None
        if uid is None:
            self.forget(self.current_uid)
        elif uid != self.current_uid:
            self.open_document(uid)
        self.targetChanged.emit()

    def _hit_changed(self) -> None:
        if not self.in_search:
            return
        hit = self.search_panel.current_hit()
        if hit is None and self.search_panel.searching:
            pass  # the viewer keeps its document, without the old query's highlights
        elif hit is None:
            self.forget(self.current_uid)
        else:
            self.search_panel.open_hit(self.search_panel.results.currentItem())
        self.targetChanged.emit()

    def _remember_selection(self) -> None:
        # With a restore still waiting for its rows (`_loaded`), both are kept.
        self._keep = list(dict.fromkeys([*self._keep, *self.selected_uids()]))
        if self._scroll is None:  # the same list read again (an import's batch landed)
            self._scroll = (self.model.view_key(), self.table.verticalScrollBar().value())

    def _restore_selection(self) -> None:
        """After a reload, select the rows that were selected. A row beyond the first
        screen arrives with the full list of ids: until then the viewer keeps it."""
        if self._reselect() < len(self._keep) and self.model.loading:
            return  # see `_loaded`
        self._settle()

    def _loaded(self) -> None:
        if self._keep:
            self._reselect()
        scroll, self._scroll = self._scroll, None
        if scroll is not None and scroll[0] == self.model.view_key():
            self.table.verticalScrollBar().setValue(scroll[1])  # keep the user's place
        self._settle()

    def _settle(self) -> None:
        self._keep = []
        self._select_after_removal()
        self._selection()

    def _reselect(self) -> int:
        sm = self.table.selectionModel()
        found = 0
        sm.blockSignals(True)  # one announcement (`_settle`), not one per row
        try:
            for uid in self._keep:
                row = self.model.row_of(uid)
                if row is None:
                    continue
                found += 1
                index = self.model.index(row, 0)
                flags = QItemSelectionModel.SelectionFlag
                sm.select(index, flags.Select | flags.Rows)
                sm.setCurrentIndex(index, flags.NoUpdate)
        finally:
            sm.blockSignals(False)
        self.table.viewport().update()
        return found

    def _select_after_removal(self) -> None:
        uid = self._after_removal
        if uid is not None and not self.selected_uids() and self.select_uid(uid):
            self._after_removal = None

    def select_uid(self, uid: str) -> bool:
        row = self.model.row_of(uid)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    # -- changes --------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        removed = changes.removed
        if not removed:
            return
        if not self.in_search and set(self.selected_uids()) & removed:
            self._after_removal = self._row_after(removed)
        self.search_panel.remove_uids(removed)  # moves to the next result, if any
        if self.current_uid in removed:
            self.forget(self.current_uid)
        self.targetChanged.emit()

    def _row_after(self, removed: frozenset[str]) -> str | None:
        """The document that takes the place of deleted rows: the next row that stays,
        or else the one before them."""
        rows = sorted(r for r in (self.model.row_of(u) for u in removed) if r is not None)
        if not rows:
            return None
        uids = self.model.uids
        after = (u for u in uids[rows[-1] + 1 :] if u not in removed)
        before = (u for u in reversed(uids[: rows[0]]) if u not in removed)
        return next(after, None) or next(before, None)

    # -- viewer and panel -----------------------------------------------------------------
    def open_document(
        self,
        uid: str,
        page: int = 1,
        query: str = "",
        hit_pages: list[int] | None = None,
        exact: bool = False,
        translit: bool = False,
    ) -> None:
        """Read the document on the reader pool and show it; a reply for a document
        the user has already left is dropped."""
        self.current_uid = uid
        self._open_generation += 1
        generation = self._open_generation

        def show(detail: DocumentDetail) -> None:
            if generation == self._open_generation:
                self.metadata.show_document(detail)
                self.viewer.show_document(detail, page, query, hit_pages, exact, translit)

        def gone(_exc: BaseException) -> None:
            if generation == self._open_generation:
                self.forget(uid)

        self.controller.runner.read(
            services.get_document, self.controller.case, uid, on_done=show, on_error=gone
        )

    def open_linked(self, uid: str) -> None:
        """Show a message's attachment or an attachment's message: its row when the list
        holds it, else (search results, a filtered list) in the viewer and panel."""
        if self.in_search or not self.select_uid(uid):
            self.open_document(uid)

    def forget(self, uid: str | None) -> None:
        """Clear the viewer and the panel if they show `uid` (deleted, or left)."""
        if uid is not None and self.current_uid == uid:
            self.current_uid = None
            self._open_generation += 1  # a read still on its way is not shown
            self.viewer.clear(
                translate("CaseView", "Choose a result to read it here.")
                if self.in_search
                else translate("CaseView", "Select a document to read it here.")
            )
            self.metadata.show_document(None)

    # -- state ----------------------------------------------------------------------------
    def save_state_bytes(self) -> dict[str, QByteArray]:
        return {
            "main": self.saveState(),
            "right": self.right.saveState(),
            "table": self.table.horizontalHeader().saveState(),
        }

    def restore_state_bytes(self, state: dict[str, Any]) -> None:
        if state.get("main"):
            self.restoreState(state["main"])
        if state.get("right"):
            self.right.restoreState(state["right"])
        if state.get("table"):
            self.table.horizontalHeader().restoreState(state["table"])
            self.table.fit_title()  # a saved state may carry a sliver of a title
