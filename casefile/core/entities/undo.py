"""What it takes to undo deleting an entity: a snapshot of everything the user made
about it (its aliases, manual and rejected mentions, relations with citations), and
putting it back under the same id. Automatic mentions are not kept: matching finds
them again."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from casefile.core.db import audit
from casefile.core.db.schema import (
    Document,
    Entity,
    EntityAlias,
    Mention,
    Relation,
    RelationCitation,
)
from casefile.core.errors import InvalidValueError


def capture(s: Session, e: Entity) -> dict[str, Any]:
    doc_uid = dict(s.execute(select(Document.id, Document.uid)).all())
    alias_text = {a.id: a.text for a in e.aliases}
    mentions = [
        {
            "document": doc_uid[m.document_id],
            "page": m.page,
            "start": m.start,
            "end": m.end,
            "alias": alias_text.get(m.alias_id) if m.alias_id else None,
            "manual": m.manual,
            "rejected": m.rejected,
        }
        for m in s.scalars(
            select(Mention).where(
                Mention.entity_id == e.id, (Mention.manual.is_(True)) | (Mention.rejected.is_(True))
            )
        )
    ]
    ent_uid = dict(s.execute(select(Entity.id, Entity.uid)).all())
    relations = [
        {
            "uid": r.uid,
            "source": ent_uid[r.source_id],
            "target": ent_uid[r.target_id],
            "label": r.label,
            "date": r.date,
            "notes": r.notes,
            "citations": [
                {
                    "document": doc_uid[c.document_id],
                    "page": c.page,
                    "start": c.start,
                    "end": c.end,
                    "quote": c.quote,
                }
                for c in r.citations
            ],
        }
        for r in s.scalars(
            select(Relation).where(or_(Relation.source_id == e.id, Relation.target_id == e.id))
        )
    ]
    return {
        "uid": e.uid,
        "kind": e.kind,
        "name": e.name,
        "notes": e.notes,
        "grade": [e.reliability_source, e.reliability_info],
        "aliases": [{"text": a.text, "weak": a.weak, "former": a.former} for a in e.aliases],
        "mentions": mentions,
        "relations": relations,
    }


def restore(s: Session, snap: dict[str, Any]) -> Entity:
    """Put a deleted entity back; mentions and citations of documents deleted since are
    left out, and relations to entities deleted since."""
    if s.scalar(select(Entity.id).where(Entity.uid == snap["uid"])) is not None:
        raise InvalidValueError(f"“{snap['name']}” is already in the case.")
    e = Entity(uid=snap["uid"], kind=snap["kind"], name=snap["name"], notes=snap["notes"])
    e.reliability_source, e.reliability_info = snap["grade"]
    e.aliases = [EntityAlias(**a) for a in snap["aliases"]]
    s.add(e)
    s.flush()
    doc_id = dict(s.execute(select(Document.uid, Document.id)).all())
    alias_id = {a.text: a.id for a in e.aliases}
    for m in snap["mentions"]:
        if m["document"] in doc_id:
            s.add(
                Mention(
                    entity_id=e.id,
                    document_id=doc_id[m["document"]],
                    page=m["page"],
                    start=m["start"],
                    end=m["end"],
                    alias_id=alias_id.get(m["alias"]) if m["alias"] else None,
                    manual=m["manual"],
                    rejected=m["rejected"],
                )
            )
    ent_id = dict(s.execute(select(Entity.uid, Entity.id)).all())
    for r in snap["relations"]:
        if r["source"] not in ent_id or r["target"] not in ent_id:
            continue
        rel = Relation(
            uid=r["uid"],
            source_id=ent_id[r["source"]],
            target_id=ent_id[r["target"]],
            label=r["label"],
            date=r["date"],
            notes=r["notes"],
        )
        rel.citations = [
            RelationCitation(
                document_id=doc_id[c["document"]],
                page=c["page"],
                start=c["start"],
                end=c["end"],
                quote=c["quote"],
            )
            for c in r["citations"]
            if c["document"] in doc_id
        ]
        s.add(rel)
    s.flush()
    audit.record(s, "entity.restore", e.uid, after={"name": e.name, "kind": e.kind})
    return e
