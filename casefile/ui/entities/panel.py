"""The Entities workspace in the centre of the window: the list and an entity's page
side by side, the suggestion queue and the network view, as tabs. It reads the case's
entities on the reader pool whenever a change concerns them and hands them to its
parts (completion, counts); "Tag as entity…" starts here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casefile.core import services
from casefile.core.services import Changes, EntityInfo
from casefile.ui.controller import CaseController
from casefile.ui.entities import commands
from casefile.ui.entities.dialogs import NewEntityDialog, TagDialog
from casefile.ui.entities.entity_list import EntityList
from casefile.ui.entities.entity_page import EntityPage
from casefile.ui.entities.network import NetworkView
from casefile.ui.entities.suggestion_queue import SuggestionQueue
from casefile.ui.i18n import translate
from casefile.ui.icons import icon
from casefile.ui.viewer_selection import TextSelection

TABS = ("entities", "suggestions", "network")


class EntitiesPanel(QWidget):
    loaded = Signal()  # the entities were read again
    viewChanged = Signal(str)  # what is shown, as a navigator key ("entities:network")

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.entities: list[EntityInfo] = []
        self.tag_dialog: TagDialog | None = None
        self.new_dialog: NewEntityDialog | None = None
        self.list = EntityList()
        self.new_button = QPushButton(icon("entities"), translate("EntitiesPanel", "&New…"))
        self.new_button.setToolTip(
            translate("EntitiesPanel", "Add a person, organisation, place… by hand")
        )
        self.new_button.setEnabled(not controller.readonly)
        self.new_button.clicked.connect(lambda _c=False: self.new_entity())
        self.list.top.addWidget(self.new_button)
        self.page = EntityPage(controller, lambda: self.entities)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        # In a scroll area: a narrow window scrolls the page instead of widening itself.
        scroller = QScrollArea()
        scroller.setWidget(self.page)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setMinimumWidth(120)
        self.list.setMinimumWidth(150)  # its filter and buttons shrink; the names elide
        split.addWidget(scroller)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 450])  # the names readable; the page takes the rest
        split.setChildrenCollapsible(False)
        self.suggestions = SuggestionQueue(controller, lambda: self.entities)
        self.network = NetworkView(controller)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(split, icon("entities"), translate("EntitiesPanel", "Entities"))
        self.tabs.addTab(
            self.suggestions, icon("suggest"), translate("EntitiesPanel", "Suggestions")
        )
        self.tabs.addTab(self.network, icon("network"), translate("EntitiesPanel", "Network"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.list.kind.currentIndexChanged.connect(lambda _i: self.viewChanged.emit(self.key()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.list.entityChosen.connect(self.page.show_entity)
        self.list.tree.installEventFilter(self)  # F2 edits, Del deletes: see eventFilter
        self.page.entityChosen.connect(self.open_entity)
        self.network.entityChosen.connect(self.open_entity)
        controller.changed.connect(self._on_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """F2 edits the chosen entity and Del deletes it (Edit → Undo brings it back),
        as in a file manager; the window's own Delete (documents) is not asked."""
        keys = {Qt.Key.Key_F2: self.page.edit, Qt.Key.Key_Delete: self.page.delete}
        if (
            watched is self.list.tree
            and isinstance(event, QKeyEvent)
            and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and Qt.Key(event.key()) in keys
            and self.list.current_uid() is not None
            and self.page.info is not None
        ):
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                keys[Qt.Key(event.key())]()
            return True
        return super().eventFilter(watched, event)

    def _on_changed(self, changes: Changes) -> None:
        if changes.entities or changes.membership:
            self.reload()

    def reload(self) -> None:
        self.controller.read(services.list_entities, on_done=self._loaded)

    def _loaded(self, entities: list[EntityInfo]) -> None:
        self.entities = entities
        self.list.set_entities(entities)
        self.page.refresh()
        if self.tabs.currentWidget() is self.network:
            self.network.reload()
        else:
            self.network.stale = True
        self.loaded.emit()

    def show_tab(self, name: str, kind: str | None = None) -> None:
        """One of TABS; the Entities tab filtered to a kind (None: all)."""
        self.tabs.setCurrentIndex(TABS.index(name))
        if name == "entities":
            self.list.set_kind(kind)

    def key(self) -> str:
        """The navigator entry naming what is shown (see `install.EntitiesSection`)."""
        tab = TABS[self.tabs.currentIndex()]
        kind = self.list.kind.currentData()
        if tab != "entities":
            return f"entities:{tab}"
        return f"entities:{kind}" if kind else "entities"

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.network and self.network.stale:
            self.network.reload()
        self.viewChanged.emit(self.key())

    def open_entity(self, uid: str) -> None:
        self.show_tab("entities")
        if not self.list.select(uid):
            self.page.show_entity(uid)  # not listed yet: the list follows on reload

    def new_entity(self) -> None:
        dialog = NewEntityDialog(self.window(), self.list.kind.currentData())
        self.new_dialog = dialog

        def create() -> None:
            name, kind, aliases = dialog.values()
            if name:
                commands.push(
                    self.controller,
                    commands.CreateEntity(
                        self.controller,
                        name,
                        kind,
                        aliases,
                        on_done=lambda e: self.open_entity(e.uid),
                    ),
                )

        dialog.accepted.connect(create)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # -- tagging a selection ----------------------------------------------------------
    def tag_selection(self, selection: TextSelection) -> None:
        if self.controller.readonly:
            self.controller.message.emit(
                translate("EntitiesPanel", "This case is open read-only; nothing can be tagged.")
            )
            return
        dialog = TagDialog(selection, self.entities, self.window())
        self.tag_dialog = dialog

        def tag() -> None:
            values: dict[str, Any] = dialog.result_values()
            commands.push(
                self.controller,
                commands.TagSelection(
                    self.controller,
                    selection,
                    **values,
                    on_done=lambda _r: self.controller.message.emit(
                        translate(
                            "EntitiesPanel", "Tagged “{quote}”; Edit → Undo takes it back."
                        ).format(quote=selection.quote[:60])
                    ),
                ),
            )

        dialog.accepted.connect(tag)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
