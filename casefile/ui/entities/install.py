"""Attach the entities GUI to an open case's workspace: the navigator's Entities
section (entities by kind with counts, Suggestions, Network), the Entities panel in the
centre, mentions coloured in the viewer, and "Tag as Entity…" (Ctrl+T) on a selection
of its text. Everything is added through the hooks the workspace offers
(`Navigator.add_view_root`, `SelectionActions.add`, the viewer's highlight layers), so
the shared modules know nothing of entities."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStackedWidget, QTreeWidgetItem

from casefile.core.services import MentionInfo
from casefile.ui.controller import CaseController
from casefile.ui.entities import kinds
from casefile.ui.entities.mention_layer import MentionLayer
from casefile.ui.entities.panel import EntitiesPanel
from casefile.ui.i18n import translate
from casefile.ui.navigator import VIEW_ROLE, Navigator
from casefile.ui.viewer import Viewer

KEY = "entities"


class EntitiesSection(QObject):
    """The navigator's Entities section, filled from the panel's last read."""

    def __init__(self, navigator: Navigator, panel: EntitiesPanel, centre: QStackedWidget) -> None:
        super().__init__(navigator)
        self.navigator = navigator
        self.panel = panel
        self.centre = centre
        self.shown = KEY  # the entry naming what the panel shows
        self.root = navigator.add_view_root(
            translate("EntitiesSection", "Entities"), "entities", KEY
        )
        self.root.setToolTip(
            0,
            translate(
                "EntitiesSection", "People, organisations, places… and where they are mentioned"
            ),
        )
        panel.loaded.connect(self.fill)

    def fill(self) -> None:
        entities = self.panel.entities
        self.root.setText(
            0, translate("EntitiesSection", "Entities  {count}").format(count=len(entities))
        )
        self.root.takeChildren()
        for k in kinds.KINDS:
            n = sum(1 for e in entities if e.kind == k)
            if n:
                text = translate("EntitiesSection", "{kind}  {count}").format(
                    kind=kinds.group_label(k), count=n
                )
                self._child(text, f"{KEY}:{k}").setIcon(0, kinds.swatch(k))
        self._child(translate("EntitiesSection", "Suggestions"), f"{KEY}:suggestions").setToolTip(
            0, translate("EntitiesSection", "Names the case does not know yet")
        )
        self._child(translate("EntitiesSection", "Network"), f"{KEY}:network").setToolTip(
            0, translate("EntitiesSection", "Entities and their relations")
        )
        if self.centre.currentWidget() is self.panel:
            self.navigator.mark_view(self.shown)

    def _child(self, text: str, key: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.root, [text])
        item.setData(0, VIEW_ROLE, key)
        return item


@dataclass
class EntitiesGui:
    panel: EntitiesPanel
    section: EntitiesSection
    mentions: MentionLayer
    tag_action: QAction
    show: Callable[[str], None]


def install_entities(
    controller: CaseController,
    navigator: Navigator,
    centre: QStackedWidget,
    viewer: Viewer,
    open_document: Callable[[str, int], None],
) -> EntitiesGui:
    panel = EntitiesPanel(controller)
    centre.addWidget(panel)
    section = EntitiesSection(navigator, panel, centre)
    layer = MentionLayer(viewer, controller)

    def show(key: str) -> None:
        """A navigator key: "entities", "entities:<kind>", ":suggestions", ":network"."""
        if key != KEY and not key.startswith(KEY + ":"):
            return
        what = key.partition(":")[2]
        centre.setCurrentWidget(panel)
        section.shown = key
        navigator.mark_view(key)
        if what in ("suggestions", "network"):
            panel.show_tab(what)
        else:
            panel.show_tab("entities", what or None)

    def open_mention(m: MentionInfo) -> None:
        layer.focus(m.document_uid, m.page, m.start, m.end)
        open_document(m.document_uid, m.page)

    def open_entity(uid: str) -> None:
        show(KEY)
        panel.open_entity(uid)

    def follow(key: str) -> None:
        """A tab or kind chosen in the panel itself: the navigator marks it too."""
        if centre.currentWidget() is panel:
            section.shown = key
            navigator.mark_view(key)

    navigator.viewChosen.connect(show)
    panel.viewChanged.connect(follow)
    panel.page.mentionOpened.connect(open_mention)
    layer.entityChosen.connect(open_entity)
    tag = viewer.selection_actions.add(
        translate("EntitiesGui", "&Tag as Entity…"), panel.tag_selection
    )
    tag.setShortcut(QKeySequence("Ctrl+T"))
    tag.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    viewer.text.addAction(tag)
    panel.reload()
    return EntitiesGui(panel, section, layer, tag, show)
