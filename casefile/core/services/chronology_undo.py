"""An event written whole, to a state given as an EventInfo: what the GUI's undo needs.

Undoing an edit puts the event back as it was; undoing a deletion puts it back with its
uid, entities, tags and citations (offsets, grades and lost marks as they were); undoing
an addition deletes it. So every chronology edit of the GUI is one `put_event` or one
`delete_event`, each one transaction with its audit entry, like any other edit. See
docs/architecture.md (chronology; how a change reaches the views)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.core.case import Case
from casefile.core.chronology import anchoring
from casefile.core.db import audit
from casefile.core.db.schema import Document, Event, EventCitation, Page, utcnow
from casefile.core.errors import InvalidValueError
from casefile.core.i18n import _
from casefile.core.services.chronology import (
    _date_columns,
    _entities,
    _grade,
    _snapshot,
    _tags,
)
from casefile.core.services.chronology_dto import CitationInfo, EventInfo
from casefile.core.services.dto import Changes


def _citation(s: Session, c: CitationInfo, pages: dict[tuple[int, int], str]) -> EventCitation:
    """The citation row for `c`: its quote is found again on its page (exactly at its
    offsets, or else nearest them); a quote no longer there is kept, marked lost."""
    doc = s.scalar(select(Document).where(Document.uid == c.document_uid))
    row = EventCitation(
        document_id=doc.id if doc is not None else None,
        document_uid=c.document_uid,
        page=c.page,
        quote=c.quote,
        start=c.start,
        end=c.end,
        lost=True,
        grade=_grade(c.grade),
    )
    if doc is None:
        return row
    if c.id == 0 and c.grade is None:
        row.grade = doc.reliability_info  # a new citation starts at its document's grade
    key = (doc.id, c.page)
    if key not in pages:
        pages[key] = (
            s.scalar(select(Page.text).where(Page.document_id == doc.id, Page.number == c.page))
            or ""
        )
    text = pages[key]
    if c.start is not None and c.end is not None and text[c.start : c.end] == c.quote:
        span: tuple[int, int] | None = (c.start, c.end)
    else:
        span = anchoring.locate(text, c.quote, c.start)
    if span is not None:
        row.start, row.end, row.lost = span[0], span[1], False
        row.quote = text[span[0] : span[1]]
    elif not c.lost and c.id == 0:
        raise InvalidValueError(
            _("The quote is not on page %(page)s of “%(title)s”; copy it from the page text.")
            % {"page": c.page, "title": doc.title}
        )
    return row


def put_event(case: Case, info: EventInfo) -> Changes:
    """Create the event `info.uid` or make it exactly `info` (date, title, description,
    tags, entities, citations). A citation with id 0 is new: its quote must be on its
    page; an older one whose quote is gone is kept and marked lost."""
    if not info.title.strip():
        raise InvalidValueError(_("An event needs a title saying what happened."))
    columns = _date_columns(info.date)
    with case.session() as s:
        ev = s.scalar(select(Event).where(Event.uid == info.uid))
        created = ev is None
        if ev is None:
            ev = Event(uid=info.uid)
            s.add(ev)
            before = None
        else:
            before = _snapshot(ev)
        for k, v in columns.items():
            setattr(ev, k, v)
        ev.title = info.title.strip()
        ev.description = info.description or None
        ev.tags = _tags(s, info.tags)
        ev.entities = _entities(s, info.entities, () if created else ev.entities)
        pages: dict[tuple[int, int], str] = {}
        ev.citations = [_citation(s, c, pages) for c in info.citations]
        s.flush()
        after = _snapshot(ev)
        if created:
            audit.record(s, "add_event", ev.uid, None, after)
        elif after != before:
            ev.updated_at = utcnow()
            assert before is not None
            changed = [k for k in after if after[k] != before[k]]
            audit.record(
                s,
                "edit_event",
                ev.uid,
                {k: before[k] for k in changed},
                {k: after[k] for k in changed},
            )
    return Changes(events=frozenset([info.uid]))


def delete_event_quietly(case: Case, uid: str) -> Changes:
    """Delete `uid` if it is there (an undo of an addition the user has since deleted
    some other way finds nothing, and says nothing)."""
    from casefile.core.services.chronology import delete_event

    with case.read_session() as s:
        found = s.scalar(select(Event.id).where(Event.uid == uid))
    if found is None:
        return Changes(events=frozenset([uid]))
    return delete_event(case, uid)
