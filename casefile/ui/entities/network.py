"""The network view: entities as nodes (coloured by kind, sized by documents), their
relations as edges, and optionally pairs mentioned in the same document. Laid out by
networkx (Fruchterman-Reingold) on the reader pool, drawn in a QGraphicsView: drag to
pan, wheel to zoom, click a node to open its entity. Beyond NODE_LIMIT entities the
most-mentioned are drawn (the layout is quadratic, and a hairball helps nobody)."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.core import services
from casefile.core.case import Case
from casefile.core.services import EntityGraph
from casefile.ui.controller import CaseController
from casefile.ui.entities import kinds
from casefile.ui.i18n import plural, translate
from casefile.ui.plain import plain_label, plain_tip

NODE_LIMIT = 400
NODE_SPACING = 110.0  # scene units: a group of n nodes spans about this * sqrt(n)
GAP = 90.0  # between groups
CHAR_WIDTH = 7.5  # scene units a character of a name takes beside its node
UID_KEY = 0  # QGraphicsItem data key holding a node's entity uid
CROWDED = 80  # more names or labels than this are shown only when zoomed in


def graph_and_layout(
    case: Case, co_mentions: bool
) -> tuple[EntityGraph, dict[str, tuple[float, float]]]:
    """Read the graph and lay it out (on a reader thread: ~1 s for 400 nodes)."""
    import networkx as nx

    graph = services.entity_graph(case, co_mentions=co_mentions, limit=NODE_LIMIT)
    g = nx.Graph()
    g.add_nodes_from(n.uid for n in graph.nodes)
    for e in graph.edges:
        w = 3.0 if e.label else math.log2(1 + e.weight)
        if g.has_edge(e.source, e.target):
            g[e.source][e.target]["weight"] += w
        else:
            g.add_edge(e.source, e.target, weight=w)
    if not len(g):
        return graph, {}
    names = {n.uid: n.name for n in graph.nodes}
    groups = [_component(g.subgraph(c)) for c in nx.connected_components(g)]
    return graph, _pack(groups, names)


def _component(g: Any) -> dict[str, tuple[float, float]]:
    """One connected group laid out by force, in a box that grows with its size."""
    import networkx as nx

    if len(g) == 1:
        return {next(iter(g)): (0.0, 0.0)}
    # The dense force layout needs only numpy (the sparse one, used from 500 nodes up,
    # would need scipy): NODE_LIMIT keeps every group below that.
    steps = 80 if len(g) <= 150 else 50  # each step is quadratic in the group's size
    pos = nx.spring_layout(g, seed=7, weight="weight", iterations=steps, method="force")
    scale = NODE_SPACING * math.sqrt(len(g))
    return {u: (float(x) * scale, float(y) * scale) for u, (x, y) in pos.items()}


def _pack(
    groups: list[dict[str, tuple[float, float]]], names: dict[str, str]
) -> dict[str, tuple[float, float]]:
    """Groups side by side in rows, largest first (a force layout alone throws
    unconnected entities to the far edges and squeezes the rest into the middle)."""
    groups.sort(key=len, reverse=True)
    boxes = []
    for pos in groups:
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        label = CHAR_WIDTH * max(len(names.get(u, "")) for u in pos)  # names are not scaled
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + GAP + label, max(ys) - min(ys) + GAP))
    width = max(boxes[0][2], math.sqrt(sum(b[2] * b[3] for b in boxes)) * 1.3)
    out: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for pos, (x0, y0, w, h) in zip(groups, boxes, strict=True):
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for u, (px, py) in pos.items():
            out[u] = (x + px - x0, y + py - y0)
        x += w
        row_h = max(row_h, h)
    return out


class LinesItem(QGraphicsItem):
    """Many straight lines in one item, drawn with one `drawLines` call: thousands of
    edges cost one item to keep and paint (a QPainterPath would be stroked as one
    shape, seconds for a few thousand crossing lines; an item per line, tens of ms)."""

    def __init__(self, lines: list[QLineF], pen: QPen) -> None:
        super().__init__()
        self.lines = lines
        self.pen = pen
        xs = [v for line in lines for v in (line.x1(), line.x2())] or [0.0]
        ys = [v for line in lines for v in (line.y1(), line.y2())] or [0.0]
        self._rect = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-4, -4, 4, 4)

    def paint(self, painter: QPainter, _option: Any, _widget: Any = None) -> None:
        # Thousands of thin lines: smoothing them costs more than it shows.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, len(self.lines) < 500)
        painter.setPen(self.pen)
        painter.drawLines(self.lines)


class GraphView(QGraphicsView):
    nodeClicked = Signal(str)
    zoomed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self._press: QPointF | None = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.2 if event.angleDelta().y() > 0 else 1 / 1.2
        scale = self.transform().m11() * factor
        if 0.05 <= scale <= 8:
            self.scale(factor, factor)
            self.zoomed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or (event.position() - press).manhattanLength() > 4:
            return  # a drag (pan), not a click
        uid = self.uid_at(event.position().toPoint())
        if uid:
            self.nodeClicked.emit(uid)

    def uid_at(self, pos: Any) -> str | None:
        for item in self.items(pos):
            uid = item.data(UID_KEY)
            if uid:
                return str(uid)
        return None


class NetworkView(QWidget):
    entityChosen = Signal(str)
    drawn = Signal()  # the graph is on screen (tests wait for it)

    def __init__(self, controller: CaseController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.stale = True  # read again when next shown
        self._generation = 0
        self.nodes: dict[str, QGraphicsEllipseItem] = {}
        self.labels: list[tuple[QGraphicsSimpleTextItem, int]] = []  # names, by documents
        self.relation_labels: list[QGraphicsSimpleTextItem] = []
        self.co_mention_pairs = 0
        self.co_mentions = QCheckBox(translate("NetworkView", "Co-mentions"))
        self.co_mentions.setToolTip(
            translate(
                "NetworkView",
                "Also join entities mentioned in the same document (thicker: more documents).",
            )
        )
        self.co_mentions.toggled.connect(lambda _on: self.reload())
        fit = QPushButton(translate("NetworkView", "Fit"))
        fit.setToolTip(translate("NetworkView", "Show the whole network"))
        fit.clicked.connect(lambda _c=False: self.fit())
        self.status = plain_label(wrap=True)
        self.scene = QGraphicsScene(self)
        self.view = GraphView()
        self.view.setScene(self.scene)
        self.view.setAccessibleName(translate("NetworkView", "Network"))
        self.view.nodeClicked.connect(self.entityChosen)
        self.view.zoomed.connect(self._detail)
        top = QHBoxLayout()
        top.addWidget(self.co_mentions)
        top.addWidget(fit)
        top.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self._legend())

    def _legend(self) -> QLabel:
        """The colours in words; it wraps, so a narrow window keeps it whole."""
        dots = "&nbsp;&nbsp; ".join(
            f'<span style="color:{kinds.STRONG[k]}">●</span>&nbsp;{kinds.label(k)}'
            for k in kinds.KINDS
        )
        lines = (
            '<span style="color:#4a5568">━━</span>&nbsp;'
            + translate("NetworkView", "relation").replace(" ", "&nbsp;")
            + '&nbsp;&nbsp; <span style="color:#cbd3dd">━━</span>&nbsp;'
            + translate("NetworkView", "co-mention").replace("-", "\u2011").replace(" ", "&nbsp;")
        )
        legend = QLabel(f"{dots}&nbsp;&nbsp; {lines}")
        legend.setTextFormat(Qt.TextFormat.RichText)  # fixed words only, no case data
        legend.setWordWrap(True)
        return legend

    def reload(self) -> None:
        self.stale = False
        self._generation += 1
        generation = self._generation
        self.status.setText(translate("NetworkView", "Laying out the network…"))

        def show(data: tuple[EntityGraph, dict[str, tuple[float, float]]]) -> None:
            if generation == self._generation:
                self._draw(*data)

        self.controller.read(graph_and_layout, self.co_mentions.isChecked(), on_done=show)

    def _draw(self, graph: EntityGraph, pos: dict[str, tuple[float, float]]) -> None:
        self.scene.clear()
        self.nodes = {}
        self.labels = []
        self.relation_labels = []
        self._edges(graph, pos)
        for n in graph.nodes:
            if n.uid not in pos:
                continue
            x, y = pos[n.uid]
            r = 7 + 3 * math.sqrt(n.documents)
            dot = QGraphicsEllipseItem(QRectF(-r, -r, 2 * r, 2 * r))
            dot.setPos(x, y)
            dot.setBrush(QBrush(kinds.strong(n.kind)))
            pen = QPen(kinds.strong(n.kind).darker(140), 1.2)
            pen.setCosmetic(True)
            dot.setPen(pen)
            dot.setData(UID_KEY, n.uid)
            dot.setZValue(2)
            dot.setCursor(Qt.CursorShape.PointingHandCursor)
            dot.setToolTip(
                plain_tip(
                    translate("NetworkView", "{name}\n{kind} · {documents}").format(
                        name=n.name,
                        kind=kinds.label(n.kind),
                        documents=plural("%n document(s)", "", n.documents),
                    )
                )
            )
            self.scene.addItem(dot)
            name = QGraphicsSimpleTextItem(n.name, dot)
            name.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            name.setPos(r + 2, -8)
            name.setData(UID_KEY, n.uid)
            self.nodes[n.uid] = dot
            self.labels.append((name, n.documents))
        shown = len(graph.nodes)
        rels = sum(1 for e in graph.edges if e.label)
        self.co_mention_pairs = sum(1 for e in graph.edges if not e.label)
        counts = [plural("%n (entity|entities)", "", shown), plural("%n relation(s)", "", rels)]
        if self.co_mentions.isChecked():
            counts.append(plural("%n co-mention pair(s)", "", self.co_mention_pairs))
        what = ", ".join(counts)
        if shown < graph.total_entities:
            what += " " + plural("(the %n mentioned most of {total})", "", shown).format(
                total=graph.total_entities
            )
        self.status.setText(
            translate(
                "NetworkView", "{counts}. Drag to move, wheel to zoom, click to open."
            ).format(counts=what)
            if shown
            else translate(
                "NetworkView",
                "No entities yet: add some on the Entities tab or accept suggestions.",
            )
        )
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-80, -80, 80, 80))
        self.fit()
        self.drawn.emit()

    def _edges(self, graph: EntityGraph, pos: dict[str, tuple[float, float]]) -> None:
        """One path per kind of line, not an item per edge: thousands of co-mentions
        cost one item to paint. A relation's label sits at the middle of its line."""
        labels: dict[frozenset[str], list[str]] = {}
        for e in graph.edges:
            if e.label and e.source in pos and e.target in pos:
                labels.setdefault(frozenset((e.source, e.target)), []).append(e.label)
        relations: list[QLineF] = []
        for pair, words in labels.items():
            a, b = sorted(pair)
            (x1, y1), (x2, y2) = pos[a], pos[b]
            relations.append(QLineF(x1, y1, x2, y2))
            label = self.scene.addSimpleText("; ".join(words))
            label.setBrush(QBrush(QColor("#4a5568")))
            label.setPos((x1 + x2) / 2, (y1 + y2) / 2)
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 0.8)
            font.setItalic(True)
            label.setFont(font)
            label.setZValue(1)
            self.relation_labels.append(label)
        buckets: dict[int, list[QLineF]] = {}  # co-mentions by weight: 1, 2-3, 4+
        for e in graph.edges:
            if not e.label and e.source in pos and e.target in pos:
                (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
                buckets.setdefault(min(3, e.weight.bit_length()), []).append(QLineF(x1, y1, x2, y2))
        for width, lines in buckets.items():
            pen = QPen(QColor("#cbd3dd"), 0.5 + width)  # opaque: no blending per crossing
            pen.setCosmetic(True)
            item = LinesItem(lines, pen)
            item.setZValue(0)
            self.scene.addItem(item)
        pen = QPen(QColor("#4a5568"), 1.6)
        pen.setCosmetic(True)
        item = LinesItem(relations, pen)
        item.setZValue(0.5)
        self.scene.addItem(item)

    def _detail(self) -> None:
        """Names and relation labels when they can be read: all of them in a small
        network or zoomed in; in a big one seen whole, only the most-mentioned names."""
        scale = self.view.transform().m11()
        crowded = len(self.labels) > CROWDED
        ranks = sorted((d for _n, d in self.labels), reverse=True)
        floor = ranks[min(len(ranks), CROWDED) - 1] if ranks else 0
        for name, documents in self.labels:
            name.setVisible(not crowded or scale >= 0.9 or documents >= floor)
        few = len(self.relation_labels) <= CROWDED
        for label in self.relation_labels:
            label.setVisible(few or scale >= 1.2)

    def fit(self) -> None:
        if self.scene.items():
            self.view.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self._detail()
