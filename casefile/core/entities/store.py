"""Entities in the case database: create, edit, merge, split, aliases, mentions
(docs/architecture.md, "Entities").

Every function works inside the caller's session (one user action = one transaction),
records its audit entry there and queues the documents whose mentions it may change
(`work_queue.MATCH`), so a crash before matching has run loses nothing. Which documents
to queue for a new alias is the caller's question to the search index (the services
know it; this package does not import the search package).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from casefile.core.db import audit, work_queue
from casefile.core.db.schema import Document, Entity, EntityAlias, Mention, Relation, WorkItem
from casefile.core.entities.forms import fold
from casefile.core.errors import CasefileError, InvalidValueError
from casefile.core.i18n import _, ngettext
from casefile.core.vocabulary import EntityKind, InfoGrade, SourceGrade, is_value


class EntityNotFoundError(CasefileError):
    pass


def check_kind(kind: str) -> EntityKind:
    try:
        return EntityKind(kind.strip().lower().replace(" ", "_"))
    except ValueError:
        raise InvalidValueError(
            _("“%(kind)s” is not a kind of entity; choose one of: %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(k.value for k in EntityKind)}
        ) from None


def check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidValueError(_("An entity needs a name; type the name it is best known by."))
    return name


def snapshot(e: Entity) -> dict[str, object]:
    """What the audit log keeps of an entity, before and after a change."""
    return {
        "uid": e.uid,
        "kind": e.kind,
        "name": e.name,
        "notes": e.notes,
        "grade": [e.reliability_source, e.reliability_info],
        "aliases": [{"text": a.text, "weak": a.weak, "former": a.former} for a in e.aliases],
    }


def find(s: Session, ref: str) -> Entity:
    """An entity by uid (or a unique uid prefix), canonical name or alias, any case."""
    ref = ref.strip()
    e = s.scalar(select(Entity).where(Entity.uid == ref.lower()))
    if e is not None:
        return e
    key = fold(" ".join(ref.split()))
    named = {
        x.id: x for x in s.scalars(select(Entity)) if fold(x.name) == key
    }  # small tables: names are folded in Python (SQLite's lower() is ASCII-only)
    if not named:
        for a in s.scalars(select(EntityAlias)):
            if fold(a.text) == key:
                named[a.entity.id] = a.entity
    if not named and len(ref) >= 4:
        named = {
            x.id: x for x in s.scalars(select(Entity).where(Entity.uid.startswith(ref.lower())))
        }
    if len(named) == 1:
        return next(iter(named.values()))
    if not named:
        raise EntityNotFoundError(
            _("There is no entity “%(ref)s” in this case; 'casefile entity list' shows them.")
            % {"ref": ref}
        )
    raise EntityNotFoundError(
        ngettext(
            "“%(ref)s” names %(n)d entity; give the entity's id instead "
            "('casefile entity list' shows them).",
            "“%(ref)s” names %(n)d entities; give the entity's id instead "
            "('casefile entity list' shows them).",
            len(named),
        )
        % {"ref": ref, "n": len(named)}
    )


def documents_with_alias(s: Session, alias_ids: Iterable[int]) -> list[str]:
    ids = list(alias_ids)
    if not ids:
        return []
    return list(
        s.scalars(
            select(Document.uid)
            .join(Mention, Mention.document_id == Document.id)
            .where(Mention.alias_id.in_(ids))
            .distinct()
        )
    )


def documents_of(s: Session, entity_id: int) -> list[str]:
    return list(
        s.scalars(
            select(Document.uid)
            .join(Mention, Mention.document_id == Document.id)
            .where(Mention.entity_id == entity_id)
            .distinct()
        )
    )


def queue(s: Session, uids: Iterable[str]) -> None:
    """Queue documents for matching (once each among the pending items)."""
    waiting = set(s.scalars(select(WorkItem.document_uid).where(WorkItem.kind == work_queue.MATCH)))
    work_queue.enqueue(s, sorted(set(uids) - waiting), kind=work_queue.MATCH)


def reindex(s: Session, uids: Iterable[str], *, holds_documents: bool = True) -> None:
    """The documents' entity field changed: bump their revision and queue the index.
    A caller whose session holds no `Document` objects (matching) says so, and the
    update skips keeping them in step."""
    uids = sorted(set(uids))
    if uids:
        s.execute(
            update(Document).where(Document.uid.in_(uids)).values(revision=Document.revision + 1),
            execution_options={"synchronize_session": "auto" if holds_documents else False},
        )
        work_queue.enqueue(s, uids)


def _add_aliases(
    s: Session, e: Entity, aliases: Sequence[str], *, weak: bool = False, former: bool = False
) -> list[EntityAlias]:
    have = {fold(a.text) for a in e.aliases}
    added = []
    for text in aliases:
        text = " ".join(text.split())
        if not text or fold(text) in have:
            continue
        a = EntityAlias(text=text, weak=weak, former=former)
        e.aliases.append(a)
        have.add(fold(text))
        added.append(a)
    s.flush()
    return added


def create(
    s: Session,
    name: str,
    kind: str = "other",
    *,
    aliases: Sequence[str] = (),
    weak_aliases: Sequence[str] = (),
    former_names: Sequence[str] = (),
    notes: str | None = None,
) -> Entity:
    """A new entity; its canonical name is always one of its aliases."""
    e = Entity(uid=uuid.uuid4().hex, kind=check_kind(kind).value, name=check_name(name))
    e.notes = notes or None
    s.add(e)
    s.flush()
    # Weak first: a name given as a weak alias too ("MTS") stays weak, found only as
    # written, instead of also becoming a plain alias found in any case.
    _add_aliases(s, e, weak_aliases, weak=True)
    _add_aliases(s, e, [e.name, *aliases])
    _add_aliases(s, e, former_names, former=True)
    audit.record(s, "entity.create", e.uid, after=snapshot(e))
    return e


def add_aliases(
    s: Session, e: Entity, texts: Sequence[str], *, weak: bool = False, former: bool = False
) -> list[EntityAlias]:
    before = snapshot(e)
    added = _add_aliases(s, e, texts, weak=weak, former=former)
    if added:
        audit.record(s, "entity.alias.add", e.uid, before=before, after=snapshot(e))
        reindex(s, documents_of(s, e.id))  # the index's entity field lists every alias
    return added


def remove_alias(s: Session, e: Entity, text: str) -> list[str]:
    """Drop an alias; returns the documents that must be matched again (those where it
    was found: a shorter alias it covered may now count there)."""
    a = _alias(e, text)
    if fold(a.text) == fold(e.name):
        raise InvalidValueError(
            _("“%(alias)s” is the entity's name; rename the entity before removing it.")
            % {"alias": a.text}
        )
    before = snapshot(e)
    docs = documents_with_alias(s, [a.id])
    s.execute(delete(Mention).where(Mention.alias_id == a.id, Mention.manual.is_(False)))
    e.aliases.remove(a)
    s.flush()
    audit.record(s, "entity.alias.remove", e.uid, before=before, after=snapshot(e))
    reindex(s, docs + documents_of(s, e.id))
    return docs


def _alias(e: Entity, text: str) -> EntityAlias:
    key = fold(" ".join(text.split()))
    for a in e.aliases:
        if fold(a.text) == key:
            return a
    raise InvalidValueError(
        _("“%(alias)s” is not an alias of %(name)s.") % {"alias": text, "name": e.name}
    )


def edit(
    s: Session,
    e: Entity,
    *,
    name: str | None = None,
    kind: str | None = None,
    notes: str | None = None,
    grade: tuple[str | None, int | None] | None = None,
) -> list[EntityAlias]:
    """Rename (the new name becomes an alias; the old one stays one) or edit; returns
    the aliases added, whose documents the caller queues for matching."""
    before = snapshot(e)
    added: list[EntityAlias] = []
    if name is not None:
        e.name = check_name(name)
        added = _add_aliases(s, e, [e.name])
    if kind is not None:
        e.kind = check_kind(kind).value
    if notes is not None:
        e.notes = notes or None
    if grade is not None:
        src, info = grade
        if (src is not None and not is_value(SourceGrade, src)) or (
            info is not None and not is_value(InfoGrade, info)
        ):
            raise InvalidValueError(
                _(
                    "An Admiralty grade is a letter A-F (the source) and a digit 1-6 (the "
                    "information), e.g. B2."
                )
            )
        e.reliability_source, e.reliability_info = src, info
    s.flush()
    audit.record(s, "entity.edit", e.uid, before=before, after=snapshot(e))
    if name is not None or kind is not None:
        reindex(s, documents_of(s, e.id))
    return added


def remove(s: Session, e: Entity) -> None:
    """Delete an entity with its aliases, mentions and relations."""
    docs = documents_of(s, e.id)
    audit.record(s, "entity.delete", e.uid, before=snapshot(e))
    s.delete(e)
    s.flush()
    reindex(s, docs)


def merge(s: Session, keep: Entity, other: Entity) -> None:
    """Fold `other` into `keep`: its aliases, mentions and relations move over; a span
    both were found at stays one mention."""
    if keep.id == other.id:
        raise InvalidValueError(_("An entity cannot be merged into itself."))
    before = {"keep": snapshot(keep), "other": snapshot(other)}
    have = {fold(a.text): a for a in keep.aliases}
    for a in list(other.aliases):
        twin = have.get(fold(a.text))
        if twin is None:
            a.entity_id = keep.id
        else:
            s.execute(update(Mention).where(Mention.alias_id == a.id).values(alias_id=twin.id))
    s.flush()
    spans = set(
        tuple(r)
        for r in s.execute(
            select(Mention.document_id, Mention.page, Mention.start, Mention.end).where(
                Mention.entity_id == keep.id
            )
        )
    )
    for m in s.scalars(select(Mention).where(Mention.entity_id == other.id)):
        if (m.document_id, m.page, m.start, m.end) in spans:
            s.delete(m)
        else:
            m.entity_id = keep.id
    s.execute(update(Relation).where(Relation.source_id == other.id).values(source_id=keep.id))
    s.execute(update(Relation).where(Relation.target_id == other.id).values(target_id=keep.id))
    docs = documents_of(s, keep.id)
    s.flush()
    s.expire(other)
    s.delete(s.get(Entity, other.id))
    s.flush()
    s.expire(keep)
    audit.record(s, "entity.merge", keep.uid, before=before, after=snapshot(keep))
    reindex(s, docs)


def split(s: Session, e: Entity, text: str, kind: str | None = None) -> Entity:
    """Move one alias (and the mentions found under it) off into a new entity."""
    a = _alias(e, text)
    if len(e.aliases) < 2:
        raise InvalidValueError(
            _("“%(alias)s” is %(name)s's only name; there is nothing to split.")
            % {"alias": a.text, "name": e.name}
        )
    before = snapshot(e)
    new = Entity(uid=uuid.uuid4().hex, kind=check_kind(kind or e.kind).value, name=a.text)
    s.add(new)
    s.flush()
    a.entity_id = new.id
    s.execute(update(Mention).where(Mention.alias_id == a.id).values(entity_id=new.id))
    if fold(e.name) == fold(a.text):
        e.name = next(x.text for x in e.aliases if x.id != a.id)
    s.flush()
    s.expire(e)
    s.expire(new)
    audit.record(
        s, "entity.split", e.uid, before=before, after={"kept": snapshot(e), "new": snapshot(new)}
    )
    reindex(s, documents_of(s, new.id) + documents_of(s, e.id))
    return new


def counts(s: Session) -> dict[int, tuple[int, int]]:
    """Per entity id: (documents, mentions), rejected mentions left out."""
    rows = s.execute(
        select(Mention.entity_id, func.count(func.distinct(Mention.document_id)), func.count())
        .where(Mention.rejected.is_(False))
        .group_by(Mention.entity_id)
    )
    return {eid: (d, n) for eid, d, n in rows}
