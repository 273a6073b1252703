"""A case, or the part of it in scope, as the plain values of `core/export/model.py`.

`core/export` may not read the entities or the chronology itself (docs/architecture.md,
"Layers"), so this service reads them through the other services and a few Core
queries of its own (one per table, whatever the size of the case), and hands the
exporters frozen values.

What a scope takes in (`Scope`):
- the whole case: every document, entity and event;
- a chronology filter (dates, a flag): the events that pass it, the documents they cite
  and the entities they name;
- a tag: the events and documents with the tag, the documents the events cite, the
  entities the events name or the documents mention;
- a set of entities: those entities, the events naming them, the documents that
  mention them or that the events cite.
Filters combine (a tag and a date range: the tagged events in the range).
"""

from __future__ import annotations

import getpass
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import select

from casefile.core import dates
from casefile.core.case import Case
from casefile.core.db.schema import Document, Entity, Mention, Tag, document_tag
from casefile.core.export.model import (
    BundleCitations,
    CaseExport,
    ExportCitation,
    ExportDocument,
    ExportEntity,
    ExportEvent,
    ExportExcerpt,
    ExportHit,
    ExportMention,
    ExportSearch,
    Scope,
)
from casefile.core.i18n import _, language
from casefile.core.jobs import JobContext
from casefile.core.services import entities as entity_services
from casefile.core.services.chronology import list_events
from casefile.core.services.chronology_dto import EventInfo
from casefile.core.services.search import list_saved_searches, run_saved_search


def _documents(case: Case, uids: set[str] | None, lang: str) -> list[ExportDocument]:
    """Every document (or those of `uids`), numbered in index order: by date, undated
    last, then title. The set is applied here, not as an SQL IN list: a scope may hold
    more documents than SQLite takes parameters in one statement."""
    with case.read_session() as s:
        conn = s.connection()
        stmt = select(Document).order_by(
            Document.date_lower.is_(None), Document.date_lower, Document.title, Document.id
        )
        tag_rows = select(document_tag.c.document_id, Tag.name).join(
            Tag, Tag.id == document_tag.c.tag_id
        )
        tags: dict[int, list[str]] = defaultdict(list)
        for doc_id, name in conn.execute(tag_rows.order_by(Tag.name)):
            tags[doc_id].append(name)
        rows = [r for r in conn.execute(stmt).mappings() if uids is None or r["uid"] in uids]
    return [
        ExportDocument(
            number=n,
            uid=r["uid"],
            title=r["title"],
            kind=r["kind"],
            date=r["date"],
            date_words=dates.describe(r["date"], lang) if r["date"] else "",
            source=r["source"],
            author=r["author"],
            url=r["url"],
            languages=tuple(x for x in (r["languages"] or "").split(",") if x),
            reliability_source=r["reliability_source"],
            reliability_info=r["reliability_info"],
            page_count=r["page_count"],
            status=r["status"],
            sha256=r["sha256"],
            size=r["size"],
            original_filename=r["original_filename"],
            imported_at=r["imported_at"],
            tags=tuple(tags.get(r["id"], ())),
            notes=r["notes"],
        )
        for n, r in enumerate(rows, start=1)
    ]


def _mentioned_in(case: Case) -> dict[str, set[str]]:
    """Entity uid -> uids of the documents that mention it (rejected mentions aside)."""
    out: dict[str, set[str]] = defaultdict(set)
    with case.read_session() as s:
        rows = s.connection().execute(
            select(Entity.uid, Document.uid)
            .join(Mention, Mention.entity_id == Entity.id)
            .join(Document, Document.id == Mention.document_id)
            .where(Mention.rejected.is_(False))
            .distinct()
        )
        for entity_uid, doc_uid in rows:
            out[entity_uid].add(doc_uid)
    return out


def _tagged(case: Case, tag: str) -> set[str]:
    with case.read_session() as s:
        return set(
            s.connection().scalars(
                select(Document.uid)
                .join(document_tag, document_tag.c.document_id == Document.id)
                .join(Tag, Tag.id == document_tag.c.tag_id)
                .where(Tag.name == tag)
            )
        )


def _events(
    case: Case, scope: Scope, chosen: list[entity_services.EntityInfo], lang: str
) -> list[EventInfo]:
    filters = {
        "tag": scope.tag,
        "date_from": scope.date_from,
        "date_to": scope.date_to,
        "flag": scope.flag,
        "lang": lang,
    }
    if not chosen:
        return list_events(case, **filters)  # type: ignore[arg-type]
    found: dict[str, EventInfo] = {}
    # An event names an entity by uid, or only by the words it was given (an event
    # written before the entity existed): by its name or any of its aliases.
    refs = {r for e in chosen for r in (e.uid, e.name, *(a.text for a in e.aliases))}
    for ref in sorted(refs):
        for ev in list_events(case, entity=ref, **filters):  # type: ignore[arg-type]
            found[ev.uid] = ev
    return sorted(found.values(), key=lambda e: (e.sort_key is None, e.sort_key or "", e.uid))


def _event(ev: EventInfo) -> ExportEvent:
    return ExportEvent(
        uid=ev.uid,
        date=ev.date,
        date_words=ev.date_words,
        date_lower=ev.date_lower,
        date_upper=ev.date_upper,
        title=ev.title,
        description=ev.description,
        entities=tuple(e.name for e in ev.entities),
        tags=ev.tags,
        citations=tuple(
            ExportCitation(
                document_uid=c.document_uid,
                document_title=c.document_title,
                page=c.page,
                quote=c.quote,
                grade=c.grade,
                source_grade=c.source_grade,
                lost=c.lost,
            )
            for c in ev.citations
        ),
        flags=tuple(str(f) for f in ev.flags),
    )


def _search(case: Case, name: str, limit: int) -> ExportSearch:
    res = run_saved_search(case, name, limit=limit)  # a clear error when unknown
    saved = next(s for s in list_saved_searches(case) if s.name == name)
    return ExportSearch(
        name=name,
        query=saved.query,
        total=res.total,
        hits=tuple(
            ExportHit(
                document_uid=h.uid,
                title=h.title,
                pages=h.pages,
                excerpts=tuple(
                    ExportExcerpt(sn.page, sn.text, tuple((a, b) for a, b in sn.spans))
                    for sn in h.snippets
                ),
            )
            for h in res.hits
        ),
    )


def gather(
    case: Case,
    scope: Scope,
    job: JobContext,
    *,
    author: str | None = None,
    summary: str | None = None,
    saved_searches: Iterable[str] = (),
    hits_per_search: int = 50,
    with_mentions: bool = False,
    bundle: BundleCitations | None = None,
    lang: str | None = None,
) -> CaseExport:
    """Read the case into a `CaseExport` for `scope` (see the module docstring); dates
    in words in `lang` (None: the language Casefile speaks now)."""
    lang = lang or language()
    job.report(0, None, _("Reading the case"))
    all_entities = entity_services.list_entities(case)
    by_ref: dict[str, entity_services.EntityInfo] = {}
    for ref in scope.entities:
        info = entity_services.get_entity(case, ref)  # a clear error when unknown
        by_ref[info.uid] = info
    mentioned = _mentioned_in(case)
    job.raise_if_cancelled()
    events = _events(case, scope, list(by_ref.values()), lang)
    job.raise_if_cancelled()
    searches = [_search(case, n, hits_per_search) for n in saved_searches]
    job.raise_if_cancelled()

    cited = {c.document_uid for ev in events for c in ev.citations}
    doc_uids: set[str] | None
    if scope.whole_case:
        doc_uids = None
    else:
        doc_uids = set(cited)
        if scope.tag:
            doc_uids |= _tagged(case, scope.tag)
        for uid in by_ref:
            doc_uids |= mentioned.get(uid, set())
        doc_uids |= {h.document_uid for s in searches for h in s.hits}
    documents = _documents(case, doc_uids, lang)
    in_index = {d.uid: d.number for d in documents}
    job.raise_if_cancelled()

    if scope.whole_case:
        wanted = list(all_entities)
    elif by_ref:
        wanted = [e for e in all_entities if e.uid in by_ref]
    else:
        named = {e.entity_uid for ev in events for e in ev.entities if e.entity_uid}
        if scope.tag:
            named |= {u for u, docs in mentioned.items() if docs & set(in_index)}
        wanted = [e for e in all_entities if e.uid in named]
    entities = tuple(
        ExportEntity(
            uid=e.uid,
            name=e.name,
            kind=e.kind,
            aliases=tuple(
                a.text for a in e.aliases if not a.weak and not a.former and a.text != e.name
            ),
            weak_aliases=tuple(a.text for a in e.aliases if a.weak and not a.former),
            former_names=tuple(a.text for a in e.aliases if a.former),
            notes=e.notes,
            reliability_source=e.reliability_source,
            reliability_info=e.reliability_info,
            documents=tuple(
                sorted(
                    (u for u in mentioned.get(e.uid, ()) if u in in_index),
                    key=in_index.__getitem__,
                )
            ),
            mentions=e.mentions,
        )
        for e in wanted
    )
    mentions: tuple[ExportMention, ...] = ()
    if with_mentions:
        keep = {e.uid: e.name for e in entities}
        mentions = tuple(
            ExportMention(
                m.id,
                m.entity_uid,
                keep[m.entity_uid],
                m.document_uid,
                m.document_title,
                m.page,
                m.start,
                m.end,
                m.text,
                m.manual,
            )
            for m in entity_services.mentions(case)
            if m.entity_uid in keep and m.document_uid in in_index
        )
    return CaseExport(
        title=case.title,
        author=author or getpass.getuser(),
        made_at=datetime.now(UTC),
        scope=scope,
        documents=tuple(documents),
        entities=entities,
        events=tuple(_event(ev) for ev in events),
        mentions=mentions,
        searches=tuple(searches),
        summary=summary,
        bundle=bundle,
    )
