"""Reads for the Chronology view, shaped for a lazy table: the ordered outline of every
event the filters keep (uid and date bounds only: the row order and the timeline), then
full rows for the few the screen shows. Sorting and every filter, flags included, run in
SQL, so a re-sort of 5,000 events never builds 5,000 EventInfo values (list_events takes
200-330 ms for that). See docs/architecture.md (chronology).

Documents are cited as "Doc 4, p. 2": a document's number is its place in the case's
document index (by date, undated last, then title), the numbering the exported report
uses, so a citation on screen and in the report read the same."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, exists, func, not_, or_, select
from sqlalchemy.orm import Session

from casefile.core import dates
from casefile.core.case import Case
from casefile.core.chronology.flags import (
    FLAGS,
    LOST_QUOTE,
    NO_SOURCE,
    SINGLE_SOURCE,
    WEAK_INFO_GRADES,
    WEAK_SOURCE_GRADES,
    WEAK_SOURCES,
)
from casefile.core.db.schema import Document, Event, EventCitation, EventEntity, Tag, event_tag
from casefile.core.errors import InvalidValueError
from casefile.core.i18n import _
from casefile.core.services.chronology_dto import EventInfo
from casefile.core.services.chronology_read import event_infos

SORTS = ("date", "title", "entities", "sources", "grade", "flags")


@dataclass(frozen=True)
class EventFilters:
    """What the view's filter bar holds; empty fields filter nothing."""

    entity: str | None = None
    tag: str | None = None
    date_from: str | None = None  # EDTF
    date_to: str | None = None
    flag: str | None = None
    text: str | None = None  # words in the title, description or a quote (any case)


class EventMark(NamedTuple):
    """One event of the outline: enough to order rows and draw it on the timeline (a
    named tuple: 5,000 of them are made per read, and a frozen dataclass costs 3x)."""

    uid: str
    date: str | None
    lower: str | None
    upper: str | None


@dataclass(frozen=True)
class EventRow:
    """A table row: the event, and its citations as the report names them."""

    info: EventInfo
    sources: tuple[str, ...]  # "Doc 4, p. 2", one per citation, in order
    grades: tuple[str, ...]  # "B2" (source A–F, information 1–6), one per citation


def _cites(**where: Any) -> Any:
    return select(EventCitation.id).where(EventCitation.event_id == Event.id, **where)


def _flag_clause(flag: str) -> ColumnElement[bool]:
    """The SQL twin of flags.flags_for (tests/test_chronology_view.py checks they agree)."""
    c = EventCitation
    any_cite = exists(select(c.id).where(c.event_id == Event.id))
    if flag == NO_SOURCE:
        return not_(any_cite)
    if flag == SINGLE_SOURCE:
        n = (
            select(func.count(func.distinct(c.document_uid)))
            .where(c.event_id == Event.id)
            .scalar_subquery()
        )
        return n == 1
    if flag == WEAK_SOURCES:
        weak = or_(
            func.upper(func.coalesce(Document.reliability_source, "")).in_(
                [g.value for g in WEAK_SOURCE_GRADES]
            ),
            func.coalesce(c.grade, 0).in_([int(g) for g in WEAK_INFO_GRADES]),
        )
        strong = exists(
            select(c.id)
            .outerjoin(Document, Document.id == c.document_id)
            .where(c.event_id == Event.id, not_(weak))
        )
        return and_(any_cite, not_(strong))
    if flag == LOST_QUOTE:
        return exists(
            select(c.id).where(c.event_id == Event.id, or_(c.lost, c.document_id.is_(None)))
        )
    raise InvalidValueError(
        _("“%(flag)s” is not a flag; choose one of: %(flags)s.")
        % {"flag": flag, "flags": ", ".join(FLAGS)}
    )


def _text_ids(s: Session, text: str) -> list[int]:
    """Events whose title, description or a quote contain `text`, folding case in
    Python (SQLite's LIKE folds only ASCII, and the case is Russian as much as English)."""
    needle = text.casefold().replace("ё", "е")
    hits: set[int] = set()
    for event_id, title, description in s.execute(select(Event.id, Event.title, Event.description)):
        if needle in f"{title}\n{description or ''}".casefold().replace("ё", "е"):
            hits.add(event_id)
    for event_id, quote in s.execute(select(EventCitation.event_id, EventCitation.quote)):
        if needle in quote.casefold().replace("ё", "е"):
            hits.add(event_id)
    return sorted(hits)


def _order(stmt: Any, sort: str, descending: bool) -> Any:
    """`stmt` ordered by a column of the view; ties by date. Aggregates come from one
    grouped subquery joined once (a correlated subquery per row cost 2-3x as much)."""
    c = EventCitation
    if sort == "date":
        keys: list[Any] = [Event.sort_key.desc() if descending else Event.sort_key]
        return stmt.order_by(
            Event.sort_key.is_(None), *keys, Event.id.desc() if descending else Event.id
        )
    if sort == "title":
        key: Any = func.lower(Event.title)
    elif sort == "entities":
        names = (
            select(EventEntity.event_id, func.min(func.lower(EventEntity.name)).label("k"))
            .group_by(EventEntity.event_id)
            .subquery()
        )
        stmt = stmt.outerjoin(names, names.c.event_id == Event.id)
        key = names.c.k
    elif sort in ("sources", "flags", "grade"):
        agg = (
            select(
                c.event_id,
                func.count(func.distinct(c.document_uid)).label("n"),
                func.min(c.grade).label("g"),
            )
            .group_by(c.event_id)
            .subquery()
        )
        stmt = stmt.outerjoin(agg, agg.c.event_id == Event.id)
        key = agg.c.g if sort == "grade" else func.coalesce(agg.c.n, 0)
    else:
        raise InvalidValueError(
            _("The chronology cannot be sorted by “%(sort)s”.") % {"sort": sort}
        )
    return stmt.order_by(
        key.is_(None),
        key.desc() if descending else key,
        Event.sort_key.is_(None),
        Event.sort_key,
        Event.id,
    )


def event_outline(
    case: Case,
    filters: EventFilters = EventFilters(),  # frozen: a safe default
    *,
    sort: str = "date",
    descending: bool = False,
    limit: int | None = None,
) -> list[EventMark]:
    """The events the filters keep, in the asked order (one query; by date it walks
    the sort key's index), the first `limit` only if given."""
    stmt = select(Event.uid, Event.date, Event.date_lower, Event.date_upper)
    if filters.entity:
        stmt = stmt.where(
            Event.id.in_(
                select(EventEntity.event_id).where(
                    (EventEntity.entity_uid == filters.entity)
                    | (func.lower(EventEntity.name) == filters.entity.lower())
                    | (EventEntity.name == filters.entity)
                )
            )
        )
    if filters.tag:
        stmt = stmt.where(
            Event.id.in_(
                select(event_tag.c.event_id)
                .join(Tag, Tag.id == event_tag.c.tag_id)
                .where(Tag.name == filters.tag)
            )
        )
    if filters.date_from:
        lower = dates.parse(filters.date_from).lower
        if lower:
            stmt = stmt.where(Event.date.is_not(None))
            stmt = stmt.where(Event.date_upper.is_(None) | (Event.date_upper >= lower))
    if filters.date_to:
        upper = dates.parse(filters.date_to).upper
        if upper:
            stmt = stmt.where(Event.date.is_not(None))
            stmt = stmt.where(Event.date_lower.is_(None) | (Event.date_lower <= upper))
    if filters.flag:
        stmt = stmt.where(_flag_clause(filters.flag))
    with case.read_session() as s:
        if filters.text and filters.text.strip():
            stmt = stmt.where(Event.id.in_(_text_ids(s, filters.text.strip())))
        stmt = _order(stmt, sort, descending)
        if limit is not None:
            stmt = stmt.limit(limit)
        rows = s.execute(stmt).all()
    return [EventMark._make(r) for r in rows]


def document_numbers(s: Session) -> dict[str, int]:
    """Each document's number in the case's document index (see the module docstring)."""
    rows = s.execute(
        select(Document.uid).order_by(
            Document.date_lower.is_(None), Document.date_lower, Document.title, Document.id
        )  # as services/export_gather.py numbers them
    ).scalars()
    return {uid: i for i, uid in enumerate(rows, start=1)}


def event_rows(case: Case, uids: Sequence[str], lang: str = "en") -> dict[str, EventRow]:
    """Full rows for these events (the screen's few dozen), by uid."""
    with case.read_session() as s:
        infos = event_infos(s, select(Event.id).where(Event.uid.in_(list(uids))), lang)
        numbers = document_numbers(s) if infos else {}
    return {i.uid: _row(i, numbers) for i in infos}


def _row(info: EventInfo, numbers: dict[str, int]) -> EventRow:
    sources, grades = [], []
    for c in info.citations:
        n = numbers.get(c.document_uid)
        which = n if n else c.document_uid[:8]
        sources.append(_("Doc %(n)s, p. %(page)s") % {"n": which, "page": c.page})
        grades.append(f"{c.source_grade or '–'}{c.grade or '–'}")
    return EventRow(info, tuple(sources), tuple(grades))


def chronology_facets(case: Case) -> tuple[list[str], list[str]]:
    """The entity names and tags the case's events use, for the filter bar."""
    with case.read_session() as s:
        names = s.execute(select(EventEntity.name).distinct()).scalars().all()
        tags = (
            s.execute(select(Tag.name).join(event_tag, event_tag.c.tag_id == Tag.id).distinct())
            .scalars()
            .all()
        )
    return sorted(set(names), key=str.casefold), sorted(set(tags), key=str.casefold)


def count_events(case: Case) -> int:
    with case.read_session() as s:
        return int(s.scalar(select(func.count(Event.id))) or 0)
