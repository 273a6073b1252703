"""The left-hand navigator: Documents (by kind, and the ones with problems), Saved
searches and Tags, each with its count. Choosing an entry filters the table or runs the
saved search; the counts are refreshed whenever anything changes. The highlighted entry
is the one that names what the centre shows (`mark_filter`, `mark_saved`), or none.
Saved searches are renamed and deleted here (context menu, F2, Del), undoably."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from casefile.core import services
from casefile.core.vocabulary import DocumentKind, DocumentStatus
from casefile.ui import labels
from casefile.ui.controller import CaseController
from casefile.ui.i18n import translate
from casefile.ui.icons import icon, kind_icon

FILTER_ROLE = Qt.ItemDataRole.UserRole + 1
SAVED_ROLE = Qt.ItemDataRole.UserRole + 2
VIEW_ROLE = Qt.ItemDataRole.UserRole + 3  # a feature's own view ("entities:person")
S = DocumentStatus
PROBLEM_STATUSES = tuple(
    s.value for s in (S.PASSWORD_REQUIRED, S.NEEDS_OCR, S.GARBLED, S.FAILED, S.UNSUPPORTED, S.EMPTY)
)


class Navigator(QTreeWidget):
    filterChosen = Signal(dict)  # {"kind": …} / {"tag": …} / {"status": …} / {}
    savedSearchChosen = Signal(object)  # the saved search DTO
    viewChosen = Signal(str)  # an entry a feature added (`add_view_root`): its key

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setAccessibleName(translate("Navigator", "Navigator"))
        self.setUniformRowHeights(True)
        self.documents = self._root(translate("Navigator", "Documents"), "documents", {})
        self.searches = self._root(translate("Navigator", "Saved searches"), "saved-search", None)
        self.tags = self._root(translate("Navigator", "Tags"), "tag", None)
        self.view_roots: list[QTreeWidgetItem] = []  # features' own sections, filled by them
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)
        self._shown: tuple[str, Any] | None = ("filter", {})  # what the centre shows
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        controller.changed.connect(lambda _c: self.refresh())
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
        # A heading and its count: "Documents  12" ("Документы  12"; no plural needed).
        documents = translate("Navigator", "Documents  {n}")
        self.documents.setText(0, documents.format(n=data["total"]))
        for root in (self.documents, self.searches, self.tags):
            root.takeChildren()
        for kind in (k.value for k in DocumentKind):
            n = data["kinds"][kind]
            if n:
                self._child(
                    self.documents,
                    f"{labels.kind_plural_short(kind)}  {n}",
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
            item.setData(0, SAVED_ROLE, saved)
            item.setToolTip(0, getattr(saved, "query", ""))
        if not data["saved"]:
            self._placeholder(
                self.searches,
                translate("Navigator", "None yet"),
                translate(
                    "Navigator", "Search, then Edit → Save Search… (Ctrl+Shift+S) keeps it here."
                ),
            )
        for name, n in data["tags"]:
            self._child(self.tags, f"{name}  {n}", icon("tag"), {"tag": name})
        if not data["tags"]:
            self._placeholder(
                self.tags,
                translate("Navigator", "None yet"),
                translate("Navigator", "Tags added in the metadata panel appear here."),
            )
        self._show_mark()

    # -- the entry that names what is shown ---------------------------------------------
    def mark_filter(self, filters: dict[str, str] | None) -> None:
        """The table shows these filters (None: something no entry names)."""
        self._shown = None if filters is None else ("filter", dict(filters))
        self._show_mark()

    def mark_saved(self, name: str | None) -> None:
        self._shown = None if name is None else ("saved", name)
        self._show_mark()

    def add_view_root(self, text: str, icon_name: str, key: str) -> QTreeWidgetItem:
        """A section a feature fills and refreshes itself (entities, chronology); its
        entries carry VIEW_ROLE keys, announced by `viewChosen` and marked by
        `mark_view`."""
        root = self._root(text, icon_name, None)
        root.setData(0, VIEW_ROLE, key)
        self.view_roots.append(root)
        return root

    def mark_view(self, key: str) -> None:
        self._shown = ("view", key)
        self._show_mark()

    def _entries(self) -> list[QTreeWidgetItem]:
        """Every entry, roots first, in the order shown."""
        items: list[QTreeWidgetItem] = []
        for root in (self.documents, self.searches, self.tags, *self.view_roots):
            items.append(root)
            items.extend(c for j in range(root.childCount()) if (c := root.child(j)) is not None)
        return items

    def _names(self, item: QTreeWidgetItem) -> tuple[str, Any] | None:
        if item.data(0, VIEW_ROLE) is not None:
            return ("view", item.data(0, VIEW_ROLE))
        saved = item.data(0, SAVED_ROLE)
        if saved is not None:
            return ("saved", saved.name)
        filters = item.data(0, FILTER_ROLE)
        return None if filters is None else ("filter", dict(filters))

    def _show_mark(self) -> None:
        shown = self._shown
        match = next((i for i in self._entries() if shown and self._names(i) == shown), None)
        if match is not None:
            self.setCurrentItem(match)
        else:
            self.clearSelection()
            self.selectionModel().clearCurrentIndex()

    def marked(self) -> QTreeWidgetItem | None:
        """The highlighted entry, if any (for tests: what a user sees as chosen)."""
        selected = self.selectedItems()
        return selected[0] if selected else None

    # -- saved searches -----------------------------------------------------------------
    def _saved_key(self, event: QKeyEvent) -> bool:
        """Del or F2 on a saved search: ours, not the window's Delete (documents)."""
        return self._saved_at(self.currentItem()) is not None and (
            event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_F2
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._saved_key(event):  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._saved_key(event):
            if event.key() == Qt.Key.Key_F2:
                self.rename_saved()
            else:
                self.delete_saved()
            return
        super().keyPressEvent(event)

    def _saved_at(self, item: QTreeWidgetItem | None) -> Any:
        return item.data(0, SAVED_ROLE) if item is not None else None

    def _context_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        saved = self._saved_at(item)
        if item is None or saved is None or self.controller.readonly:
            return
        self.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(translate("Navigator", "Rename…"), lambda: self.rename_saved(item))
        menu.addAction(translate("Navigator", "Delete"), lambda: self.delete_saved(item))
        menu.exec(self.viewport().mapToGlobal(pos))

    def rename_saved(self, item: QTreeWidgetItem | None = None) -> None:
        saved = self._saved_at(item or self.currentItem())
        if saved is None or self.controller.readonly:
            return
        name, ok = QInputDialog.getText(
            self,
            translate("Navigator", "Rename saved search"),
            translate("Navigator", "Name:"),
            text=saved.name,
        )
        if ok and name.strip() and name.strip() != saved.name:
            if self._shown == ("saved", saved.name):
                self._shown = ("saved", name.strip())
            self.controller.rename_saved_search(saved.name, name.strip())

    def delete_saved(self, item: QTreeWidgetItem | None = None) -> None:
        """Delete at once (Edit → Undo brings it back), as a file manager would."""
        saved = self._saved_at(item or self.currentItem())
        if saved is not None and not self.controller.readonly:
            self.controller.delete_saved_search(saved)
            text = translate(
                "Navigator", "Deleted the saved search “{name}”; Edit → Undo brings it back."
            )
            self.controller.message.emit(text.format(name=saved.name))

    def _child(
        self, parent: QTreeWidgetItem, text: str, ic: Any, filters: dict[str, str] | None
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setIcon(0, ic)
        item.setData(0, FILTER_ROLE, filters)
        if filters and "kind" in filters:  # the short word on screen, the whole name on hover
            item.setToolTip(0, labels.KIND_PLURALS[filters["kind"]])
        return item

    def _placeholder(self, parent: QTreeWidgetItem, text: str, hint: str) -> None:
        item = QTreeWidgetItem(parent, [text])
        item.setToolTip(0, hint)
        item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        if item.data(0, VIEW_ROLE) is not None:
            self.viewChosen.emit(item.data(0, VIEW_ROLE))
            return
        saved = item.data(0, SAVED_ROLE)
        if saved is not None:
            self.savedSearchChosen.emit(saved)
            return
        filters = item.data(0, FILTER_ROLE)
        if filters is not None:
            self.filterChosen.emit(dict(filters))

    def find_item(self, text_prefix: str) -> QTreeWidgetItem | None:
        """For tests and keyboard users: the first entry whose text starts so."""
        return next((i for i in self._entries() if i.text(0).startswith(text_prefix)), None)
