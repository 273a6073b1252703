"""The workspace of an open case: navigator | document table (or search results) |
viewer over metadata panel. Selection in the table drives the viewer and the panel."""

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
from casefile.core.errors import CasefileError
from casefile.ui import labels
from casefile.ui.controller import CaseController
from casefile.ui.document_model import DocumentTableModel
from casefile.ui.metadata_panel import MetadataPanel
from casefile.ui.navigator import Navigator
from casefile.ui.viewer import Viewer

TITLE_MIN = 220  # px: room for a readable title
VIEWER_MIN = 240  # px: the viewer shows a dozen lines, however short the window


class DocumentTable(QTableView):
    def __init__(self, model: DocumentTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Documents")
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

    selectionChanged = Signal(list)  # uids selected in the table

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.controller = controller
        self.current_uid: str | None = None
        self.navigator = Navigator(controller)
        self.model = DocumentTableModel(controller, self)
        self.table = DocumentTable(self.model)
        self.centre = QStackedWidget()
        self.centre.addWidget(self.table)
        self.search_panel: Any = None
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
        self.selectionChanged.connect(self.metadata.show_selection)  # several = bulk edit
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.navigator.filterChosen.connect(self.show_filter)
        self._keep: list[str] = []
        # No load here: the window restores the saved column order first (which may
        # change the sort), then calls `model.ensure_loaded()`: one query, not two.

    # -- table ----------------------------------------------------------------------------
    def show_filter(self, filters: dict[str, str]) -> None:
        self.centre.setCurrentWidget(self.table)
        self.model.set_filters(**filters)

    def selected_uids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [u for u in (self.model.uid_at(r) for r in rows) if u]

    def _selection(self, *_args: object) -> None:
        uids = self.selected_uids()
        self.selectionChanged.emit(uids)
        current = self.table.currentIndex()
        uid = self.model.uid_at(current.row()) if current.isValid() else None
        if uid is None and uids:
            uid = uids[0]
        if uid and uid != self.current_uid:
            self.open_document(uid)

    def _remember_selection(self) -> None:
        self._keep = self.selected_uids()

    def _restore_selection(self) -> None:
        sm = self.table.selectionModel()
        for uid in self._keep:
            row = self.model.row_of(uid)
            if row is not None:
                sm.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.setCurrentIndex(self.model.index(row, 0))
        if self.current_uid and self.model.row_of(self.current_uid) is None and not self._keep:
            pass  # the open document is filtered out or deleted; the viewer keeps it

    def select_uid(self, uid: str) -> bool:
        row = self.model.row_of(uid)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    # -- viewer and panel -----------------------------------------------------------------
    def open_document(
        self,
        uid: str,
        page: int = 1,
        query: str = "",
        hit_pages: list[int] | None = None,
        exact: bool = False,
    ) -> None:
        self.current_uid = uid
        try:
            detail = services.get_document(self.controller.case, uid)
        except CasefileError:
            self.forget(uid)
            return
        self.metadata.show_document(detail)
        self.viewer.show_document(detail, page, query, hit_pages, exact)

    def forget(self, uid: str) -> None:
        if self.current_uid == uid:
            self.current_uid = None
            self.viewer.clear()
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
