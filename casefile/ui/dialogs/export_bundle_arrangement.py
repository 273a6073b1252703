"""Arranging a court bundle by hand: sections and the order of documents in them.

The bundle page of the export dialog (`export_bundle_options.py`) shows this editor when
the user chooses "Arranged by hand". It starts from the default arrangement the core
proposes (`services.bundles.draft_arrangement`: sections by kind, documents in date
order) and lets the user rename sections, add and remove them, move documents within
and between sections (buttons, Ctrl+Up / Ctrl+Down, or drag and drop) and leave
documents out (untick). What is shown is what the bundle gets: `sections()` reads the
tree top to bottom, and the page hands it to the core as
`BundleChoices(sections=…, order="given")`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDropEvent, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.ui.i18n import translate

UID_ROLE = Qt.ItemDataRole.UserRole
_Pos = QAbstractItemView.DropIndicatorPosition


def top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The sections, top to bottom."""
    root = tree.invisibleRootItem()
    return [item for i in range(root.childCount()) if (item := root.child(i)) is not None]


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """A section's documents, top to bottom."""
    return [c for i in range(item.childCount()) if (c := item.child(i)) is not None]


def drop_allowed(moving_section: bool, target_section: bool | None, position: _Pos) -> bool:
    """Whether a drag may land where it is: a document goes into a section or beside
    another document, never to the top level; a section goes beside another section (or
    after the last), never inside one. `target_section` is None over empty space."""
    if moving_section:
        if target_section is None:
            return position == _Pos.OnViewport
        return target_section and position in (_Pos.AboveItem, _Pos.BelowItem)
    if target_section is None:
        return False
    if target_section:
        return position == _Pos.OnItem
    return position in (_Pos.AboveItem, _Pos.BelowItem)


class _ArrangementTree(QTreeWidget):
    """A tree that refuses the drops `drop_allowed` refuses (a document dropped between
    sections would otherwise become a section of its own) and moves the current row
    with Ctrl+Up / Ctrl+Down (`moveRequested`: -1 or 1)."""

    moveRequested = Signal(int)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        """While a row is dragged, only the places it may go accept it, so Qt draws its
        drop line only there: a document, into sections (not the top level); a section,
        at the top level (not into another section)."""
        moving = self.currentItem()
        if moving is not None:
            self._accept_drops(section_moving=moving.parent() is None)
        try:
            super().startDrag(supportedActions)
        finally:
            self._accept_drops(section_moving=None)

    def _accept_drops(self, section_moving: bool | None) -> None:
        root = self.invisibleRootItem()
        self._set_drop_enabled(root, section_moving is not False)
        for section in top_items(self):
            self._set_drop_enabled(section, section_moving is not True)

    def span_sections(self) -> None:
        """A section's name spans both columns (it has no date); Qt forgets the span
        when a row is taken out and put back, so this runs after every move."""
        for section in top_items(self):
            section.setFirstColumnSpanned(True)

    @staticmethod
    def _set_drop_enabled(item: QTreeWidgetItem, enabled: bool) -> None:
        flag = Qt.ItemFlag.ItemIsDropEnabled
        item.setFlags(item.flags() | flag if enabled else item.flags() & ~flag)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moveRequested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        moving = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        position = self.dropIndicatorPosition()
        target_section = None if target is None else target.parent() is None
        if moving is None or not drop_allowed(moving.parent() is None, target_section, position):
            event.ignore()
            self.setState(QAbstractItemView.State.NoState)
            self.viewport().update()
            return
        expanded = moving.isExpanded()
        super().dropEvent(event)
        moving.setExpanded(expanded)  # Qt folds a moved section
        self.span_sections()
        self.setCurrentItem(moving)  # the row the user moved stays the one selected


class ArrangementEditor(QWidget):
    """Sections (top-level rows, their names editable) and their documents (ticked: in
    the bundle), in the order the bundle will have them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = _ArrangementTree()
        self.tree.setAccessibleName(translate("BundleArrangement", "Sections and documents"))
        self.tree.setHeaderLabels(
            [
                translate("BundleArrangement", "Section / document"),
                translate("BundleArrangement", "Date"),
            ]
        )
        self.tree.setColumnWidth(0, 360)
        self.tree.setMinimumHeight(220)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.new_section = QPushButton(translate("BundleArrangement", "New &section"))
        self.remove_section = QPushButton(translate("BundleArrangement", "&Remove section"))
        self.remove_section.setToolTip(
            translate(
                "BundleArrangement",
                "Its documents move to the section before it (or after it, for the first).",
            )
        )
        self.up = QPushButton(translate("BundleArrangement", "Move &up"))
        self.down = QPushButton(translate("BundleArrangement", "Move &down"))
        self.up.setToolTip(QKeySequence("Ctrl+Up").toString(QKeySequence.SequenceFormat.NativeText))
        self.down.setToolTip(
            QKeySequence("Ctrl+Down").toString(QKeySequence.SequenceFormat.NativeText)
        )
        self.new_section.clicked.connect(self.add_section)
        self.remove_section.clicked.connect(self.remove_current_section)
        self.up.clicked.connect(lambda: self.move_current(-1))
        self.down.clicked.connect(lambda: self.move_current(1))
        self.tree.moveRequested.connect(self.move_current)
        buttons = QHBoxLayout()
        for button in (self.up, self.down, self.new_section, self.remove_section):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- filling and reading --------------------------------------------------------------
    def set_draft(self, draft: Sequence[Any]) -> None:
        """Start from the core's proposal (`DraftSection`s of `DraftDocument`s)."""
        self.tree.clear()
        for section in draft:
            item = self._section_item(section.title)
            for doc in section.documents:
                item.addChild(self._document_item(doc.uid, doc.title, doc.date))
        self.tree.expandAll()
        self.tree.span_sections()
        self._update_buttons()

    def sections(self) -> list[tuple[str, tuple[str, ...]]]:
        """(name, ticked document uids) of every section that keeps a document, in the
        order shown."""
        out = []
        for section in top_items(self.tree):
            uids = tuple(
                str(doc.data(0, UID_ROLE))
                for doc in children(section)
                if doc.checkState(0) == Qt.CheckState.Checked
            )
            if uids:
                out.append((section.text(0).strip(), uids))
        return out

    def _section_item(self, title: str, at: int | None = None) -> QTreeWidgetItem:
        """A section row named `title`, placed at `at` (None: last)."""
        item = QTreeWidgetItem([title, ""])
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        self.tree.insertTopLevelItem(self.tree.topLevelItemCount() if at is None else at, item)
        return item

    @staticmethod
    def _document_item(uid: str, title: str, date: str | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([title, date or ""])
        item.setData(0, UID_ROLE, uid)
        item.setToolTip(0, title)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsDragEnabled
        )
        item.setCheckState(0, Qt.CheckState.Checked)
        return item

    # -- editing --------------------------------------------------------------------------
    def add_section(self) -> None:
        """A new, empty section after the current one, its name ready to type."""
        n = self.tree.topLevelItemCount() + 1
        current = self._current_section()
        at = None if current is None else self.tree.indexOfTopLevelItem(current) + 1
        name = translate("BundleArrangement", "Section %1").replace("%1", str(n))
        item = self._section_item(name, at)
        self.tree.span_sections()
        self.tree.setCurrentItem(item)
        self.tree.editItem(item, 0)

    def remove_current_section(self) -> None:
        section = self._current_section()
        if section is None:
            return
        index = self.tree.indexOfTopLevelItem(section)
        others = self.tree.topLevelItemCount() - 1
        if others == 0 and section.childCount():
            return  # the last section holding documents: nowhere to put them
        self.tree.takeTopLevelItem(index)
        moved = section.takeChildren()
        if moved:
            into = top_items(self.tree)[index - 1 if index > 0 else 0]
            if index > 0:
                into.addChildren(moved)
            else:
                into.insertChildren(0, moved)
            into.setExpanded(True)
        self._update_buttons()

    def move_current(self, step: int) -> None:
        """Move the selected row one place up (-1) or down (1). A document at the edge
        of its section crosses into the next section; a section swaps with its
        neighbour."""
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            index = self.tree.indexOfTopLevelItem(item)
            to = index + step
            if not 0 <= to < self.tree.topLevelItemCount():
                return
            expanded = item.isExpanded()
            self.tree.takeTopLevelItem(index)
            self.tree.insertTopLevelItem(to, item)
            item.setExpanded(expanded)
            self.tree.span_sections()
        else:
            index = parent.indexOfChild(item)
            to = index + step
            if 0 <= to < parent.childCount():
                parent.takeChild(index)
                parent.insertChild(to, item)
            else:
                section = self.tree.indexOfTopLevelItem(parent) + step
                if not 0 <= section < self.tree.topLevelItemCount():
                    return
                into = top_items(self.tree)[section]
                parent.takeChild(index)
                if step < 0:
                    into.addChild(item)
                else:
                    into.insertChild(0, item)
                into.setExpanded(True)
        self.tree.setCurrentItem(item)

    def _current_section(self) -> QTreeWidgetItem | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return item if item.parent() is None else item.parent()

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        self.up.setEnabled(item is not None)
        self.down.setEnabled(item is not None)
        self.remove_section.setEnabled(
            item is not None and item.parent() is None and self.tree.topLevelItemCount() > 1
        )
