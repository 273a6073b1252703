"""The left-hand navigator: Documents (by kind, and the ones with problems), Saved
searches and Tags, each with its count. Choosing an entry filters the table or runs the
saved search; the counts are refreshed whenever documents or tags change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from casefile.core import services
from casefile.core.vocabulary import DocumentKind, DocumentStatus
from casefile.ui import labels
from casefile.ui.controller import CaseController
from casefile.ui.icons import icon, kind_icon

FILTER_ROLE = Qt.ItemDataRole.UserRole + 1
S = DocumentStatus
PROBLEM_STATUSES = tuple(
    s.value for s in (S.PASSWORD_REQUIRED, S.NEEDS_OCR, S.FAILED, S.UNSUPPORTED, S.EMPTY)
)


class Navigator(QTreeWidget):
    filterChosen = Signal(dict)  # {"kind": …} / {"tag": …} / {"status": …} / {}
    savedSearchChosen = Signal(object)  # the saved search DTO

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setAccessibleName("Navigator")
        self.setUniformRowHeights(True)
        self.documents = self._root("Documents", "documents", {})
        self.searches = self._root("Saved searches", "saved-search", None)
        self.tags = self._root("Tags", "tag", None)
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)
        controller.documentsChanged.connect(self.refresh)
        controller.documentChanged.connect(lambda _d: self.refresh())
        controller.tagsChanged.connect(self.refresh)
        controller.savedSearchesChanged.connect(self.refresh)
        self.refresh()

    def _root(self, text: str, icon_name: str, filters: dict[str, str] | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [text])
        item.setIcon(0, icon(icon_name))
        item.setData(0, FILTER_ROLE, filters)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setExpanded(True)
        return item

    def refresh(self) -> None:
        """Counts come from one background read, so a big case never stalls the UI."""

        def gather(case: Any) -> dict[str, Any]:
            status = services.status_counts(case)
            kinds = services.kind_counts(case)
            return {
                "total": sum(status.values()),
                "kinds": {k.value: kinds.get(k, 0) for k in DocumentKind},
                "status": status,
                "tags": services.list_tags(case),
                "saved": services.list_saved_searches(case),
            }

        self.controller.read(gather, on_done=self._fill)

    def _fill(self, data: dict[str, Any]) -> None:
        current = self.currentItem()
        keep = current.data(0, FILTER_ROLE) if current is not None else None
        self.documents.setText(0, f"Documents  {data['total']}")
        for root in (self.documents, self.searches, self.tags):
            root.takeChildren()
        for kind in (k.value for k in DocumentKind):
            n = data["kinds"][kind]
            if n:
                self._child(
                    self.documents,
                    f"{labels.KIND_PLURALS[kind]}  {n}",
                    kind_icon(kind),
                    {"kind": kind},
                )
        for status in PROBLEM_STATUSES:
            n = data["status"].get(status, 0)
            if n:
                self._child(
                    self.documents,
                    f"{labels.status_label(status)}  {n}",
                    icon(labels.STATUS_ICONS.get(status, "warning")),
                    {"status": status},
                )
        for saved in data["saved"]:
            item = self._child(self.searches, saved.name, icon("saved-search"), None)
            item.setData(0, Qt.ItemDataRole.UserRole + 2, saved)
            item.setToolTip(0, getattr(saved, "query", ""))
        if not data["saved"]:
            self._placeholder(self.searches, "None yet: search, then Save search")
        for name, n in data["tags"]:
            self._child(self.tags, f"{name}  {n}", icon("tag"), {"tag": name})
        if not data["tags"]:
            self._placeholder(self.tags, "No tags yet")
        if keep:
            for i in range(self.topLevelItemCount()):
                root = self.topLevelItem(i)
                for j in range(root.childCount()):
                    if root.child(j).data(0, FILTER_ROLE) == keep:
                        self.setCurrentItem(root.child(j))

    def _child(
        self, parent: QTreeWidgetItem, text: str, ic: Any, filters: dict[str, str] | None
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setIcon(0, ic)
        item.setData(0, FILTER_ROLE, filters)
        return item

    def _placeholder(self, parent: QTreeWidgetItem, text: str) -> None:
        item = QTreeWidgetItem(parent, [text])
        item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        saved = item.data(0, Qt.ItemDataRole.UserRole + 2)
        if saved is not None:
            self.savedSearchChosen.emit(saved)
            return
        filters = item.data(0, FILTER_ROLE)
        if filters is not None:
            self.filterChosen.emit(dict(filters))

    def find_item(self, text_prefix: str) -> QTreeWidgetItem | None:
        """For tests and keyboard users: the first entry whose text starts so."""
        for i in range(self.topLevelItemCount()):
            root = self.topLevelItem(i)
            if root.text(0).startswith(text_prefix):
                return root
            for j in range(root.childCount()):
                if root.child(j).text(0).startswith(text_prefix):
                    return root.child(j)
        return None
