"""Use cases on entities, aliases, mentions and relations (issue 12).

Each writing function is one transaction: the change, its audit entry and the matching
work it causes (documents queued in `work_queue.MATCH`). It then matches what was
queued and brings the search index up to date before returning, so a search or a list
right after an edit sees it. Which documents a new alias may occur in is asked of the
search index (`candidates`), so adding an alias to a 100,000-document case re-reads only
the few documents that hold its words.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.core.case import Case
from casefile.core.db.schema import Document, Entity, EntityAlias, Mention, Page
from casefile.core.entities import matching, mention_edits, store, undo
from casefile.core.entities.store import EntityNotFoundError
from casefile.core.errors import DocumentNotFoundError
from casefile.core.i18n import _
from casefile.core.jobs import JobContext
from casefile.core.services.entity_index import candidate_documents
from casefile.core.services.sync import sync_index
from casefile.core.vocabulary import EntityKind

T = TypeVar("T")

__all__ = [
    "AliasInfo",
    "DeletedEntity",
    "EntityInfo",
    "EntityKind",
    "EntityNotFoundError",
    "MentionInfo",
]


@dataclass(frozen=True)
class AliasInfo:
    text: str
    weak: bool = False
    former: bool = False


@dataclass(frozen=True)
class EntityInfo:
    uid: str
    kind: str
    name: str
    aliases: tuple[AliasInfo, ...]
    notes: str | None
    reliability_source: str | None
    reliability_info: int | None
    documents: int
    mentions: int


@dataclass(frozen=True)
class MentionInfo:
    id: int
    entity_uid: str
    document_uid: str
    document_title: str
    page: int
    start: int  # code points on the page
    end: int
    text: str
    alias: str | None
    manual: bool
    rejected: bool
    before: str = ""  # up to CONTEXT characters of the page before the span
    after: str = ""


CONTEXT = 60


def candidates(case: Case, texts: Sequence[str]) -> set[str] | None:
    """The documents that may hold one of `texts` (None: cannot tell, match them all)."""
    return candidate_documents(case, texts)


def _all_uids(s: Session) -> list[str]:
    return list(s.scalars(select(Document.uid)))


def _info(e: Entity, counts: dict[int, tuple[int, int]]) -> EntityInfo:
    docs, n = counts.get(e.id, (0, 0))
    return EntityInfo(
        uid=e.uid,
        kind=e.kind,
        name=e.name,
        aliases=tuple(AliasInfo(a.text, a.weak, a.former) for a in e.aliases),
        notes=e.notes,
        reliability_source=e.reliability_source,
        reliability_info=e.reliability_info,
        documents=docs,
        mentions=n,
    )


def _write(case: Case, fn: Callable[[Session], T], new_aliases: Sequence[str] = ()) -> T:
    """Run one entity change and the matching and indexing it causes."""
    found = candidates(case, new_aliases) if new_aliases else set()
    with case.session() as s:
        result = fn(s)
        if new_aliases:
            store.queue(s, _all_uids(s) if found is None else found)
    match_pending(case)
    return result


def match_pending(case: Case, ctx: JobContext | None = None) -> dict[str, float]:
    """Match the queued documents, then index those whose entities changed."""
    stats = matching.drain(case, ctx)
    sync_index(case, ctx)
    return stats


def pending_matches(case: Case) -> int:
    return matching.pending_count(case)


# -- entities ---------------------------------------------------------------------------
def create_entity(
    case: Case,
    name: str,
    kind: str = "other",
    *,
    aliases: Sequence[str] = (),
    weak_aliases: Sequence[str] = (),
    former_names: Sequence[str] = (),
    notes: str | None = None,
) -> EntityInfo:
    def do(s: Session) -> str:
        e = store.create(
            s,
            name,
            kind,
            aliases=aliases,
            weak_aliases=weak_aliases,
            former_names=former_names,
            notes=notes,
        )
        return e.uid

    uid = _write(case, do, [name, *aliases, *weak_aliases])
    return get_entity(case, uid)


def get_entity(case: Case, ref: str) -> EntityInfo:
    """An entity by id, id prefix, name or alias."""
    with case.read_session() as s:
        e = store.find(s, ref)
        return _info(e, store.counts(s))


def list_entities(case: Case, *, kind: str | None = None) -> list[EntityInfo]:
    with case.read_session() as s:
        stmt = select(Entity).order_by(Entity.name)
        if kind:
            stmt = stmt.where(Entity.kind == store.check_kind(kind).value)
        counts = store.counts(s)
        return [_info(e, counts) for e in s.scalars(stmt)]


def edit_entity(
    case: Case,
    ref: str,
    *,
    name: str | None = None,
    kind: str | None = None,
    notes: str | None = None,
    grade: tuple[str | None, int | None] | None = None,
) -> EntityInfo:
    """Rename (the old name stays an alias) or change kind, notes or grade."""

    def do(s: Session) -> str:
        e = store.find(s, ref)
        store.edit(s, e, name=name, kind=kind, notes=notes, grade=grade)
        return e.uid

    uid = _write(case, do, [name] if name else [])
    return get_entity(case, uid)


def rename_entity(case: Case, ref: str, name: str) -> EntityInfo:
    return edit_entity(case, ref, name=name)


@dataclass(frozen=True)
class DeletedEntity:
    """What `restore_entity` needs to undo a deletion (the GUI's undo stack keeps it)."""

    uid: str
    name: str
    snapshot: str  # JSON: aliases, manual and rejected mentions, relations


def delete_entity(case: Case, ref: str) -> DeletedEntity:
    """Delete an entity with its mentions and relations; returns what undo needs."""

    def do(s: Session) -> DeletedEntity:
        e = store.find(s, ref)
        snap = undo.capture(s, e)
        store.remove(s, e)
        return DeletedEntity(e.uid, e.name, json.dumps(snap, ensure_ascii=False))

    return _write(case, do)


def restore_entity(case: Case, deleted: DeletedEntity) -> EntityInfo:
    """Undo a deletion: the entity, its aliases, manual and rejected mentions and
    relations come back under the same id; automatic mentions are found again."""
    snap = json.loads(deleted.snapshot)
    texts = [a["text"] for a in snap["aliases"] if not a["former"]]
    _write(case, lambda s: undo.restore(s, snap), texts)
    return get_entity(case, deleted.uid)


def add_alias(
    case: Case, ref: str, texts: Sequence[str], *, weak: bool = False, former: bool = False
) -> EntityInfo:
    def do(s: Session) -> str:
        e = store.find(s, ref)
        store.add_aliases(s, e, texts, weak=weak, former=former)
        return e.uid

    uid = _write(case, do, [] if former else list(texts))
    return get_entity(case, uid)


def remove_alias(case: Case, ref: str, text: str) -> EntityInfo:
    def do(s: Session) -> str:
        e = store.find(s, ref)
        store.queue(s, store.remove_alias(s, e, text))
        return e.uid

    return get_entity(case, _write(case, do))


def merge_entities(case: Case, keep: str, other: str) -> EntityInfo:
    """Fold `other` into `keep` (aliases, mentions and relations move over)."""

    def do(s: Session) -> str:
        k = store.find(s, keep)
        store.merge(s, k, store.find(s, other))
        return k.uid

    return get_entity(case, _write(case, do))


def split_alias(case: Case, ref: str, alias: str, *, kind: str | None = None) -> EntityInfo:
    """Move one alias and its mentions off into a new entity; returns the new one."""

    def do(s: Session) -> str:
        return store.split(s, store.find(s, ref), alias, kind).uid

    return get_entity(case, _write(case, do))


# -- mentions --------------------------------------------------------------------------
def mentions(
    case: Case,
    *,
    entity: str | None = None,
    document_uid: str | None = None,
    page: int | None = None,
    include_rejected: bool = False,
    limit: int | None = None,
) -> list[MentionInfo]:
    """Mentions in document and page order, with the words as they stand on the page."""
    with case.read_session() as s:
        stmt = (
            select(Mention, Entity.uid, Document.uid, Document.title, Page.text, EntityAlias.text)
            .join(Entity, Entity.id == Mention.entity_id)
            .join(Document, Document.id == Mention.document_id)
            .join(Page, (Page.document_id == Mention.document_id) & (Page.number == Mention.page))
            .outerjoin(EntityAlias, EntityAlias.id == Mention.alias_id)
            .order_by(Document.title, Document.id, Mention.page, Mention.start)
        )
        if entity is not None:
            stmt = stmt.where(Mention.entity_id == store.find(s, entity).id)
        if document_uid is not None:
            stmt = stmt.where(Document.uid == document_uid)
        if page is not None:
            stmt = stmt.where(Mention.page == page)
        if not include_rejected:
            stmt = stmt.where(Mention.rejected.is_(False))
        if limit is not None:
            stmt = stmt.limit(limit)
        return [
            MentionInfo(
                m.id,
                euid,
                duid,
                title,
                m.page,
                m.start,
                m.end,
                text[m.start : m.end],
                alias,
                m.manual,
                m.rejected,
                text[max(0, m.start - CONTEXT) : m.start],
                text[m.end : m.end + CONTEXT],
            )
            for m, euid, duid, title, text, alias in s.execute(stmt)
        ]


def reject_mention(case: Case, mention_id: int) -> None:
    """A wrong automatic hit: kept as rejected, so matching again never brings it back."""
    _write(case, lambda s: mention_edits.reject_mention(s, mention_id))


def add_mention(
    case: Case,
    ref: str,
    document_uid: str,
    page: int,
    start: int,
    end: int,
    *,
    as_alias: bool = False,
) -> MentionInfo:
    """Tag a selection as a mention of an entity (and, if asked, its words as an alias)."""

    alias_text = None
    if as_alias:
        with case.read_session() as s:
            page_text = s.scalar(
                select(Page.text)
                .join(Document, Document.id == Page.document_id)
                .where(Document.uid == document_uid, Page.number == page)
            )
        alias_text = (page_text or "")[start:end] or None

    def do(s: Session) -> int:
        e = store.find(s, ref)
        doc = s.scalar(select(Document).where(Document.uid == document_uid))
        if doc is None:
            raise DocumentNotFoundError(
                _("There is no document %(uid)s in this case.") % {"uid": document_uid}
            )
        m = mention_edits.add_mention(s, e, doc, page, start, end)
        if alias_text:
            store.add_aliases(s, e, [alias_text])
        return m.id

    mid = _write(case, do, [alias_text] if alias_text else [])
    return next(x for x in mentions(case, document_uid=document_uid) if x.id == mid)
