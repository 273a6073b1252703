"""One colour per entity kind: a strong one (network nodes, the legend's swatches) and
a pale one behind a mention in the viewer's text, light enough that black text and a
search hit's yellow stay readable on top of it. The kinds' names are the core's
(`casefile.core.labels`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from casefile.core import labels as words
from casefile.core.vocabulary import EntityKind

KINDS = tuple(k.value for k in EntityKind)

# What each kind is called (one, and a group of them) comes from the one table of words
# for stored values, shared with the CLI and the reports (docs/architecture.md,
# "Vocabulary"); this module keeps the colours.
label = words.entity_kind  # one entity's kind: "Person", "Лицо"
group_label = words.entity_kind_group  # a group of entities of a kind: "People", "Лица"

STRONG = {
    "person": "#2b6cb0",
    "organisation": "#2f855a",
    "public_body": "#805ad5",
    "place": "#c05621",
    "product": "#0f8b8d",
    "other": "#718096",
}
PALE = {
    "person": "#d4e5f7",
    "organisation": "#d3efdc",
    "public_body": "#e6dcf7",
    "place": "#f8dcc6",
    "product": "#ccefee",
    "other": "#e3e6ea",
}


def strong(kind: str) -> QColor:
    return QColor(STRONG.get(kind, STRONG["other"]))


def pale(kind: str) -> QColor:
    return QColor(PALE.get(kind, PALE["other"]))


def swatch(kind: str, size: int = 12) -> QIcon:
    """A round dot in the kind's colour: the legend beside every kind's name."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(strong(kind).darker(120))
    p.setBrush(strong(kind))
    p.drawEllipse(1, 1, size - 2, size - 2)
    p.end()
    return QIcon(pix)


def legend_tip() -> str:
    """The colours in words, for a tooltip."""
    return "\n".join(f"● {label(k)}" for k in KINDS)
