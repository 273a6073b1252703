"""The entity page's mentions (ui/entities/entity_page.py): one group per document,
one line per mention with a little of the text around it, hand-tagged ones marked; a
click asks to open the viewer at the span (`mentionOpened`).

Kept apart from the page, which shows the entity and edits it: this is only how its
mentions are laid out and what a click on one means."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from casefile.core.services import EntityInfo, MentionInfo
from casefile.ui.i18n import plural, translate

MENTION_ROLE = Qt.ItemDataRole.UserRole + 1


class MentionTree(QTreeWidget):
    mentionOpened = Signal(object)  # MentionInfo: open the viewer at it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("EntityPage", "Mentions"))
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.itemActivated.connect(self.open_item)
        self.itemClicked.connect(self.open_item)

    def fill(self, info: EntityInfo, found: list[MentionInfo]) -> str:
        """Show `found` (perhaps fewer than the entity has); returns the heading that
        says how many there are."""
        self.clear()
        heading = translate("EntityPage", "Mentions: {mentions} {in_documents}").format(
            mentions=info.mentions,
            in_documents=plural("in %n document(s)", "", info.documents),
        )
        if len(found) < info.mentions:
            heading += " " + plural("(%n shown)", "", len(found))
        groups: dict[str, QTreeWidgetItem] = {}
        counts: dict[str, int] = {}
        for m in found:
            group = groups.get(m.document_uid)
            if group is None:
                group = QTreeWidgetItem(self, [m.document_title])
                group.setData(0, MENTION_ROLE, m)  # a document opens at its first mention
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[m.document_uid] = group
            counts[m.document_uid] = counts.get(m.document_uid, 0) + 1
            # Short context before, so the words themselves stay in sight in a narrow pane.
            before = " ".join(m.before.split())[-28:]
            after = " ".join(m.after.split())
            hand = "  ✎" if m.manual else ""
            line = translate("EntityPage", "p. {page}   …{before} «{text}» {after}…").format(
                page=m.page, before=before, text=m.text, after=after
            )
            line += hand
            item = QTreeWidgetItem(group, [line])
            item.setData(0, MENTION_ROLE, m)
            item.setToolTip(
                0,
                translate("EntityPage", "Click to open the page at this mention. Tagged by hand.")
                if m.manual
                else translate("EntityPage", "Click to open the page at this mention."),
            )
        for uid, group in groups.items():
            n = counts[uid]
            group.setText(
                0,
                translate("EntityPage", "{title}  ({count})").format(title=group.text(0), count=n),
            )
        if len(groups) <= 8:
            self.expandAll()
        return heading

    def open_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        """A mention (or a document's group: its first mention) asks for the viewer."""
        m = item.data(0, MENTION_ROLE)
        if m is not None:
            self.mentionOpened.emit(m)
