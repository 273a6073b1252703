"""Use cases of the chronology: events with EDTF dates, tags, entities and citations;
filters; re-anchoring quotes after re-extraction. Date suggestions from the text are in
`chronology_suggest`. Every change is one transaction with its audit entry. See
docs/architecture.md (chronology)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from casefile.core import dates
from casefile.core.case import Case
from casefile.core.chronology import anchoring
from casefile.core.chronology.flags import FLAGS
from casefile.core.db import audit
from casefile.core.db.schema import (
    Document,
    Event,
    EventCitation,
    EventEntity,
    Page,
    Tag,
    utcnow,
)
from casefile.core.errors import CasefileError, DocumentNotFoundError, InvalidValueError
from casefile.core.i18n import _
from casefile.core.services.chronology_dto import (
    CitationSpec,
    EntityRef,
    EventInfo,
)
from casefile.core.services.chronology_read import event_infos
from casefile.core.services.dto import Changes

__all__ = [
    "FLAGS",
    "EventNotFoundError",
    "add_citation",
    "add_event",
    "delete_event",
    "get_event",
    "list_events",
    "reanchor_citations",
    "remove_citation",
    "update_event",
]


class EventNotFoundError(CasefileError):
    pass


def _event(s: Session, uid: str) -> Event:
    ev = s.scalar(select(Event).where(Event.uid == uid))
    if ev is None:
        matches = list(s.scalars(select(Event).where(Event.uid.startswith(uid.lower()))))
        if len(matches) == 1 and len(uid) >= 4:
            return matches[0]
        raise EventNotFoundError(
            _("There is no event %(uid)s in this chronology; 'casefile event list' shows them.")
            % {"uid": uid}
        )
    return ev


def _date_columns(value: str | None) -> dict[str, Any]:
    if value is None or not value.strip():
        return {"date": None, "date_lower": None, "date_upper": None, "sort_key": None}
    parsed = dates.parse(value)
    return {
        "date": parsed.text,
        "date_lower": parsed.lower,
        "date_upper": parsed.upper,
        "sort_key": parsed.sort_key,
    }


def _grade(value: int | str | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        grade = int(value)
    except (TypeError, ValueError):
        grade = 0
    if not 1 <= grade <= 6:
        raise InvalidValueError(
            _("Information credibility is a number from 1 (confirmed) to 6 (cannot be judged).")
        )
    return grade


def _entity_uid(s: Session, name: str) -> str | None:
    """The uid of the case's entity called `name` (by name or alias), when the case has
    an entity table (migration 0009); the event keeps the name either way."""
    has_table = s.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='entity'")
    ).first()
    if not has_table:
        return None
    row = s.execute(
        text(
            "SELECT uid FROM entity WHERE name = :n COLLATE NOCASE UNION "
            "SELECT e.uid FROM entity e JOIN entity_alias a ON a.entity_id = e.id "
            "WHERE a.text = :n COLLATE NOCASE LIMIT 1"
        ),
        {"n": name},
    ).first()
    return None if row is None else str(row[0])


def _tags(s: Session, names: Iterable[str]) -> list[Tag]:
    wanted = sorted({n.strip() for n in names if n.strip()})
    existing = {t.name: t for t in s.scalars(select(Tag).where(Tag.name.in_(wanted)))}
    for name in wanted:
        if name not in existing:
            existing[name] = Tag(name=name)
            s.add(existing[name])
    return [existing[n] for n in wanted]


def _entities(
    s: Session, refs: Iterable[str | EntityRef], kept: Sequence[EventEntity] = ()
) -> list[EventEntity]:
    """The event's entity rows for `refs`; rows in `kept` with the same name are reused
    (a new row for the same name would be inserted before the old one is deleted, and
    collide with it)."""
    old = {e.name.casefold(): e for e in kept}
    out: dict[str, EventEntity] = {}
    for ref in refs:
        r = EntityRef(ref) if isinstance(ref, str) else ref
        name = r.name.strip()
        key = name.casefold()
        if not name or key in out:
            continue
        uid = r.entity_uid or _entity_uid(s, name)
        row = old.get(key) or EventEntity(name=name)
        row.entity_uid, row.relation_uid = uid, r.relation_uid
        out[key] = row
    return list(out.values())


def _citation(s: Session, spec: CitationSpec) -> EventCitation:
    doc = s.scalar(select(Document).where(Document.uid == spec.document_uid))
    if doc is None:
        raise DocumentNotFoundError(
            _("There is no document %(uid)s in this case.") % {"uid": spec.document_uid}
        )
    page = s.scalar(select(Page).where(Page.document_id == doc.id, Page.number == spec.page))
    if page is None:
        raise InvalidValueError(
            _("“%(title)s” has no page %(page)s.") % {"title": doc.title, "page": spec.page}
        )
    quote = " ".join(spec.quote.split())
    span = anchoring.locate(page.text, quote, spec.near)
    if span is None:
        raise InvalidValueError(
            _("The quote is not on page %(page)s of “%(title)s”; copy it from the page text.")
            % {"page": spec.page, "title": doc.title}
        )
    grade = _grade(spec.grade) if spec.grade is not None else doc.reliability_info
    return EventCitation(
        document_id=doc.id,
        document_uid=doc.uid,
        page=spec.page,
        quote=page.text[span[0] : span[1]],
        start=span[0],
        end=span[1],
        lost=False,
        grade=grade,
    )


def get_event(case: Case, uid: str, lang: str = "en") -> EventInfo:
    with case.read_session() as s:
        ev = _event(s, uid)
        return event_infos(s, select(Event.id).where(Event.id == ev.id), lang)[0]


def _snapshot(ev: Event) -> dict[str, Any]:
    return {
        "date": ev.date,
        "title": ev.title,
        "description": ev.description,
        "tags": sorted(t.name for t in ev.tags),
        "entities": [e.name for e in ev.entities],
        "citations": [[c.document_uid, c.page, c.quote, c.grade] for c in ev.citations],
    }


def add_event(
    case: Case,
    *,
    title: str,
    date: str | None = None,
    description: str | None = None,
    tags: Sequence[str] = (),
    entities: Sequence[str | EntityRef] = (),
    citations: Sequence[CitationSpec] = (),
) -> EventInfo:
    """A new event; its date is validated (a sentence says what is wrong) and every
    citation's quote must be found on its page."""
    if not title.strip():
        raise InvalidValueError(_("An event needs a title saying what happened."))
    columns = _date_columns(date)
    uid = uuid.uuid4().hex
    with case.session() as s:
        ev = Event(uid=uid, title=title.strip(), description=description or None, **columns)
        ev.tags = _tags(s, tags)
        ev.entities = _entities(s, entities)
        ev.citations = [_citation(s, c) for c in citations]
        s.add(ev)
        s.flush()
        audit.record(s, "add_event", uid, None, _snapshot(ev))
    return get_event(case, uid)


def update_event(case: Case, uid: str, **changes: Any) -> EventInfo:
    """Edit date, title, description, tags or entities; unchanged values are not
    written and reach no audit entry."""
    allowed = {"date", "title", "description", "tags", "entities"}
    unknown = set(changes) - allowed
    if unknown:
        raise InvalidValueError(
            _("“%(field)s” is not a field of an event.") % {"field": sorted(unknown)[0]}
        )
    with case.session() as s:
        ev = _event(s, uid)
        before = _snapshot(ev)
        if "date" in changes:
            for k, v in _date_columns(changes["date"]).items():
                setattr(ev, k, v)
        if "title" in changes:
            if not str(changes["title"] or "").strip():
                raise InvalidValueError(_("An event needs a title saying what happened."))
            ev.title = str(changes["title"]).strip()
        if "description" in changes:
            ev.description = changes["description"] or None
        if "tags" in changes:
            ev.tags = _tags(s, changes["tags"])
        if "entities" in changes:
            ev.entities = _entities(s, changes["entities"], ev.entities)
        s.flush()
        after = _snapshot(ev)
        if after != before:
            ev.updated_at = utcnow()
            changed = [k for k in after if after[k] != before[k]]
            audit.record(
                s,
                "edit_event",
                ev.uid,
                {k: before[k] for k in changed},
                {k: after[k] for k in changed},
            )
        uid = ev.uid
    return get_event(case, uid)


def delete_event(case: Case, uid: str) -> Changes:
    """Remove an event; the audit log keeps what it was."""
    with case.session() as s:
        ev = _event(s, uid)
        audit.record(s, "delete_event", ev.uid, _snapshot(ev), None)
        s.delete(ev)
        return Changes(events=frozenset([ev.uid]))


def add_citation(case: Case, uid: str, spec: CitationSpec) -> EventInfo:
    with case.session() as s:
        ev = _event(s, uid)
        cite = _citation(s, spec)
        ev.citations.append(cite)
        s.flush()
        audit.record(
            s, "cite_event", ev.uid, None, [cite.document_uid, cite.page, cite.quote, cite.grade]
        )
        uid = ev.uid
    return get_event(case, uid)


def remove_citation(case: Case, uid: str, citation_id: int) -> EventInfo:
    with case.session() as s:
        ev = _event(s, uid)
        cite = next((c for c in ev.citations if c.id == citation_id), None)
        if cite is None:
            raise InvalidValueError(
                _("Event “%(title)s” has no citation %(id)s.")
                % {"title": ev.title, "id": citation_id}
            )
        audit.record(
            s, "uncite_event", ev.uid, [cite.document_uid, cite.page, cite.quote, cite.grade], None
        )
        ev.citations.remove(cite)
        uid = ev.uid
    return get_event(case, uid)


def list_events(
    case: Case,
    *,
    entity: str | None = None,
    tag: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    flag: str | None = None,
    lang: str = "en",
) -> list[EventInfo]:
    """Events in chronological order (dates.sort_key; undated last), filtered by an
    entity (name or uid), a tag, a date range (EDTF; an event overlapping the range is
    in it) and a flag (flags.FLAGS)."""
    if flag is not None and flag not in FLAGS:
        raise InvalidValueError(
            _("“%(flag)s” is not a flag; choose one of: %(flags)s.")
            % {"flag": flag, "flags": ", ".join(FLAGS)}
        )
    stmt = select(Event.id)
    if entity:
        stmt = stmt.where(
            Event.id.in_(
                select(EventEntity.event_id).where(
                    (EventEntity.entity_uid == entity) | (EventEntity.name.ilike(entity))
                )
            )
        )
    if tag:
        stmt = stmt.where(Event.tags.any(Tag.name == tag))
    if date_from:
        lower = dates.parse(date_from).lower
        if lower:
            stmt = stmt.where((Event.date_upper.is_(None)) | (Event.date_upper >= lower))
            stmt = stmt.where(Event.date.is_not(None))
    if date_to:
        upper = dates.parse(date_to).upper
        if upper:
            stmt = stmt.where((Event.date_lower.is_(None)) | (Event.date_lower <= upper))
            stmt = stmt.where(Event.date.is_not(None))
    with case.read_session() as s:
        infos = event_infos(s, stmt, lang)
    if flag:
        infos = [i for i in infos if flag in i.flags]
    return infos


def reanchor_citations(case: Case, document_uid: str) -> tuple[int, int]:
    """Find every citation's quote on its page again after the document's text changed;
    a quote no longer there is flagged lost (never dropped). Returns (moved, lost)."""
    moved = lost = 0
    with case.session() as s:
        cites = list(
            s.scalars(select(EventCitation).where(EventCitation.document_uid == document_uid))
        )
        if not cites:
            return 0, 0
        doc_id = cites[0].document_id
        pages = {
            p.number: p.text for p in s.scalars(select(Page).where(Page.document_id == doc_id))
        }
        changes = []
        for c in cites:
            span = anchoring.locate(pages.get(c.page, ""), c.quote, c.start)
            if span is None:
                if not c.lost:
                    c.lost, lost = True, lost + 1
                    changes.append([c.id, "lost"])
            elif (c.start, c.end) != span or c.lost:
                c.start, c.end, c.lost = span[0], span[1], False
                moved += 1
                changes.append([c.id, list(span)])
        if changes:
            audit.record(s, "reanchor_citations", document_uid, None, changes)
    return moved, lost
