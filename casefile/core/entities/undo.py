"""What it takes to undo deleting (or merging) an entity: a snapshot of everything the user made
about it (its aliases, manual and rejected mentions, relations with citations), and
putting it back under the same id. Automatic mentions are not kept: matching finds
them again."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, or_, select
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
from casefile.core.entities import mention_edits, store
from casefile.core.entities.forms import fold
from casefile.core.errors import InvalidValueError
from casefile.core.i18n import _


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
        raise InvalidValueError(_("“%(name)s” is already in the case.") % {"name": snap["name"]})
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


def unmerge(s: Session, keep_before: dict[str, Any], other: dict[str, Any]) -> list[str]:
    """Undo a merge: the aliases, manual and rejected mentions and relations that came
    from `other` leave `keep` again, and `other` comes back under its own id. Returns
    the documents to match again (their automatic mentions are found afresh)."""
    keep = s.scalar(select(Entity).where(Entity.uid == keep_before["uid"]))
    if keep is None:
        raise InvalidValueError(
            _("“%(name)s” is no longer in the case.") % {"name": keep_before["name"]}
        )
    doc_uid = dict(s.execute(select(Document.id, Document.uid)).all())
    docs = {
        doc_uid[d]
        for d in s.scalars(select(Mention.document_id).where(Mention.entity_id == keep.id))
    }
    own = {_fold(a["text"]) for a in keep_before["aliases"]}
    theirs = {_fold(a["text"]) for a in other["aliases"]}
    moved = [a for a in keep.aliases if _fold(a.text) in theirs and _fold(a.text) not in own]
    for a in moved:
        s.execute(delete(Mention).where(Mention.alias_id == a.id))
        keep.aliases.remove(a)
    own_spans = {_span(m) for m in keep_before["mentions"]}
    for m in other["mentions"]:
        if _span(m) in own_spans:
            continue
        doc_id = next((i for i, u in doc_uid.items() if u == m["document"]), None)
        s.execute(
            delete(Mention).where(
                Mention.entity_id == keep.id,
                Mention.document_id == doc_id,
                Mention.page == m["page"],
                Mention.start == m["start"],
                Mention.end == m["end"],
            )
        )
    moved_relations = [r["uid"] for r in other["relations"]]
    if moved_relations:
        s.execute(delete(Relation).where(Relation.uid.in_(moved_relations)))
    keep.name, keep.kind, keep.notes = (
        keep_before["name"],
        keep_before["kind"],
        keep_before["notes"],
    )
    s.flush()
    restore(s, other)
    docs.update(m["document"] for m in other["mentions"])
    audit.record(s, "entity.unmerge", keep.uid, after={"restored": other["uid"]})
    return sorted(docs)


def _span(m: dict[str, Any]) -> tuple[Any, ...]:
    return (m["document"], m["page"], m["start"], m["end"])


def _fold(text: str) -> str:
    return fold(" ".join(text.split()))


def remove_mention(s: Session, mention_id: int) -> str:
    """Undo a tag: the manual mention goes; returns its document, to be matched again
    (an automatic mention at the same span comes back that way)."""
    m = s.get(Mention, mention_id)
    if m is None:
        raise InvalidValueError(
            _("There is no mention %(id)s; it was removed already.") % {"id": mention_id}
        )
    note = mention_edits.mention_note(s, m)
    e = s.get(Entity, m.entity_id)
    s.delete(m)
    s.flush()
    audit.record(s, "mention.remove", e.uid if e else None, before=note)
    uid = str(note["document"])
    store.reindex(s, [uid])
    return uid


def unreject_mention(s: Session, mention_id: int) -> Mention:
    """Undo a rejection: the mention counts again."""
    return mention_edits.set_rejected(s, mention_id, False)
