"""The facets of a search as the user sees them: the tree of counts to click (a ✓ on the
active filters) and the chips above the results that remove a filter. Filling them
only; which filters are active is the search panel's state."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTreeWidget, QTreeWidgetItem

from casefile.ui import labels
from casefile.ui.i18n import QT_TRANSLATE_NOOP, translate
from casefile.ui.icons import icon
from casefile.ui.search_results import FACET_ORDER

FACET_ROLE = Qt.ItemDataRole.UserRole + 2
FACET_TITLES = {
    "kind": QT_TRANSLATE_NOOP("SearchFacets", "Kind"),
    "year": QT_TRANSLATE_NOOP("SearchFacets", "Year"),
    "lang": QT_TRANSLATE_NOOP("SearchFacets", "Language"),
    "tag": QT_TRANSLATE_NOOP("SearchFacets", "Tag"),
    "entity": QT_TRANSLATE_NOOP("SearchFacets", "Entity"),
}


def facet_title(name: str) -> str:
    """What a facet is called on screen, in the interface language."""
    title = FACET_TITLES.get(name)
    return translate("SearchFacets", title) if title else name.title()


def facet_value(name: str, value: str) -> str:
    """A facet's value as the user reads it (the code of a kind or language is not)."""
    if name == "kind":
        return labels.kind_short(value)
    if name == "lang":
        return labels.language_label(value)
    if name == "year" and value == "undated":
        return translate("SearchFacets", "Undated")
    return value


def fill_facet_tree(
    tree: QTreeWidget,
    facets: Mapping[str, Sequence[tuple[str, int]]],
    active: Mapping[str, str],
) -> None:
    tree.clear()
    for name in [*FACET_ORDER, *(k for k in facets if k not in FACET_ORDER)]:
        values = facets.get(name)
        if not values:
            continue
        root = QTreeWidgetItem(tree, [facet_title(name)])
        root.setFlags(Qt.ItemFlag.ItemIsEnabled)
        root.setExpanded(True)
        for value, count in values:
            shown = facet_value(name, value)
            on = active.get(name) == value
            item = QTreeWidgetItem(root, [f"{'✓ ' if on else ''}{shown}  {count}"])
            item.setData(0, FACET_ROLE, (name, value))
            # The whole name first: a long entity or source is cut in the narrow pane.
            full = labels.kind_label(value) if name == "kind" else shown
            action = (
                translate("SearchFacets", "Click to remove this filter")
                if on
                else translate("SearchFacets", "Click to show only these results")
            )
            item.setToolTip(0, f"{full} ({count})\n{action}")


def fill_chips(
    chips: QHBoxLayout, active: Mapping[str, str], remove: Callable[[str], None]
) -> None:
    while chips.count():
        taken = chips.takeAt(0)
        if taken is not None and (w := taken.widget()) is not None:
            w.deleteLater()
    for name, value in active.items():
        chip = QPushButton(icon("cancel"), f"{facet_title(name)}: {facet_value(name, value)}")
        chip.setFlat(True)
        chip.setToolTip(translate("SearchFacets", "Remove this filter"))
        chip.clicked.connect(lambda _c=False, n=name: remove(n))
        chips.addWidget(chip)
    chips.addStretch(1)


def find_facet_item(tree: QTreeWidget, name: str, value: str) -> QTreeWidgetItem | None:
    roots = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    for root in roots:
        for child in (root.child(j) for j in range(root.childCount())) if root else ():
            if child is not None and child.data(0, FACET_ROLE) == (name, value):
                return child
    return None
