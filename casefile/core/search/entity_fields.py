"""What the index holds of a document's entities (core/entities): the uid, names and
aliases of each entity its mentions name, for the `entity` field and the row's facet."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.core.db.schema import Entity, EntityAlias, Mention

# An entity as the index sees it: its uid, and its names and aliases (folded) for the
# `entity` field (see `index.build_schema`).
EntityFields = tuple[tuple[str, ...], tuple[str, ...]]
NO_ENTITIES: EntityFields = ((), ())


def entities_of(session: Session, doc_ids: Sequence[int]) -> dict[int, EntityFields]:
    """Per document: the entities its (not rejected) mentions name (core/entities)."""
    pairs = session.execute(
        select(Mention.document_id, Mention.entity_id)
        .where(Mention.document_id.in_(list(doc_ids)), Mention.rejected.is_(False))
        .distinct()
    ).all()
    if not pairs:
        return {}
    ent_ids = {e for _d, e in pairs}
    uid = dict(session.execute(select(Entity.id, Entity.uid).where(Entity.id.in_(ent_ids))).all())
    names: dict[int, set[str]] = {e: set() for e in ent_ids}
    for e, text in session.execute(
        select(EntityAlias.entity_id, EntityAlias.text).where(EntityAlias.entity_id.in_(ent_ids))
    ):
        low = " ".join(text.replace(",", " ").lower().split())
        names[e].update((low, low.replace("ё", "е")))
    by_doc: dict[int, list[int]] = {}
    for d, e in pairs:
        by_doc.setdefault(d, []).append(e)
    return {
        d: (
            tuple(sorted(uid[e] for e in es)),
            tuple(sorted({n for e in es for n in names[e]})),
        )
        for d, es in by_doc.items()
    }
