"""Frozen values of the chronology for the faces (CLI now, the GUI's Chronology view
next): no ORM object leaves the core. See docs/architecture.md (chronology)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CitationSpec:
    """A citation to add: the quote must be on that page of that document."""

    document_uid: str
    page: int
    quote: str
    grade: int | None = None  # Admiralty information grade 1–6; None: the document's
    near: int | None = None  # where the quote is expected (an offset on the page)


@dataclass(frozen=True)
class CitationInfo:
    id: int
    document_uid: str
    document_title: str | None  # None when the document was deleted from the case
    page: int
    quote: str
    start: int | None
    end: int | None
    lost: bool  # the quote is no longer on the page (re-extraction changed it)
    grade: int | None  # information, 1–6
    source_grade: str | None  # the document's source reliability, A–F


@dataclass(frozen=True)
class EntityRef:
    name: str
    entity_uid: str | None = None
    relation_uid: str | None = None


@dataclass(frozen=True)
class EventInfo:
    uid: str
    date: str | None
    date_words: str
    precision: str | None
    date_lower: str | None
    date_upper: str | None
    sort_key: str | None
    title: str
    description: str | None
    tags: tuple[str, ...]
    entities: tuple[EntityRef, ...]
    citations: tuple[CitationInfo, ...]
    flags: tuple[str, ...]

    @property
    def source_count(self) -> int:
        return len({c.document_uid for c in self.citations})


@dataclass(frozen=True)
class DateSuggestionInfo:
    """A date found in a document's text: an event candidate, with its citation."""

    document_uid: str
    document_title: str
    page: int
    date: str
    date_words: str
    precision: str
    start: int
    end: int
    phrase: str
    sentence: str
    rule: str
    key: str  # what a dismissal remembers
