"""Reads the GUI's entity views need (issue 12): the mentions on one page with their
entity's kind and name (the viewer colours them), and the graph of entities with
relations and co-mentions (the network view). Plain values out, as everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from casefile.core.case import Case
from casefile.core.db.schema import Document, Entity, Mention, Relation
from casefile.core.entities import store


@dataclass(frozen=True)
class PageMention:
    id: int
    entity_uid: str
    kind: str
    name: str
    start: int  # code points on the page
    end: int
    manual: bool


def page_mentions(case: Case, document_uid: str, page: int) -> list[PageMention]:
    """The mentions on one page (rejected ones left out), in page order."""
    with case.read_session() as s:
        rows = s.execute(
            select(Mention, Entity.uid, Entity.kind, Entity.name)
            .join(Entity, Entity.id == Mention.entity_id)
            .join(Document, Document.id == Mention.document_id)
            .where(
                Document.uid == document_uid,
                Mention.page == page,
                Mention.rejected.is_(False),
            )
            .order_by(Mention.start)
        )
        return [PageMention(m.id, u, k, n, m.start, m.end, m.manual) for m, u, k, n in rows]


@dataclass(frozen=True)
class GraphNode:
    uid: str
    name: str
    kind: str
    documents: int


@dataclass(frozen=True)
class GraphEdge:
    source: str
    target: str
    label: str  # a relation's label, or "" for a co-mention
    weight: int  # documents both are mentioned in (co-mentions), 1 for a relation


@dataclass(frozen=True)
class EntityGraph:
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    total_entities: int  # before the cut to `limit`


def entity_graph(case: Case, *, co_mentions: bool = False, limit: int = 400) -> EntityGraph:
    """The `limit` entities mentioned in most documents, their relations and (if asked)
    pairs mentioned in the same document, weighted by how many documents."""
    with case.read_session() as s:
        counts = store.counts(s)
        entities = list(s.execute(select(Entity.id, Entity.uid, Entity.name, Entity.kind)))
        entities.sort(key=lambda r: (-counts.get(r[0], (0, 0))[0], r[2].casefold()))
        kept = entities[:limit]
        uid = {r[0]: r[1] for r in kept}
        nodes = tuple(GraphNode(r[1], r[2], r[3], counts.get(r[0], (0, 0))[0]) for r in kept)
        edges = [
            GraphEdge(uid[a], uid[b], label, 1)
            for a, b, label in s.execute(
                select(Relation.source_id, Relation.target_id, Relation.label)
            )
            if a in uid and b in uid and a != b
        ]
        if co_mentions:
            pairs = (
                select(Mention.entity_id, Mention.document_id)
                .where(Mention.rejected.is_(False))
                .distinct()
                .subquery()
            )
            x, y = aliased(pairs), aliased(pairs)
            rows = s.execute(
                select(x.c.entity_id, y.c.entity_id, func.count())
                .join(y, (x.c.document_id == y.c.document_id) & (x.c.entity_id < y.c.entity_id))
                .group_by(x.c.entity_id, y.c.entity_id)
            )
            edges += [GraphEdge(uid[a], uid[b], "", n) for a, b, n in rows if a in uid and b in uid]
        return EntityGraph(nodes, tuple(edges), len(entities))
