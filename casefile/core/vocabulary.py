"""The words the case is stored in: document kinds, statuses, sort orders, import results,
the Admiralty grades, date sources and event flags, each defined once here
(docs/architecture.md, "Vocabulary").

The values are what the database, the index, the CLI's options and its JSON output hold;
they never change once shipped. What they are called for people is written once, in
`casefile.core.labels`, which every face shows; nothing else retypes them. Each enum's members
compare equal to their stored strings, so a value read from the database can be looked
up in a mapping keyed by members.
"""

from __future__ import annotations

from enum import Enum, IntEnum, StrEnum


class DocumentKind(StrEnum):
    COURT_FILING = "court_filing"
    ARTICLE = "article"
    PARLIAMENTARY_SUBMISSION = "parliamentary_submission"
    CORRESPONDENCE = "correspondence"
    REPORT = "report"
    NOTE = "note"
    OTHER = "other"


class DocumentStatus(StrEnum):
    """What became of a document's text. Every non-OK status carries a reason."""

    OK = "ok"
    EMPTY = "empty"  # opened fine, but there is no text in it
    NEEDS_OCR = "needs_ocr"  # pages are images without a text layer
    PASSWORD_REQUIRED = "password_required"
    FAILED = "failed"  # corrupt, hostile, timed out, out of memory
    UNSUPPORTED = "unsupported"  # a format Casefile does not read
    GARBLED = "garbled"  # text came out, but not the document's words (ingest/garbled.py)


class DocumentSort(StrEnum):
    """Orders of the document list (`services.list_documents`)."""

    TITLE = "title"
    KIND = "kind"
    DATE = "date"
    SOURCE = "source"
    PAGES = "pages"
    STATUS = "status"
    IMPORTED = "imported"
    FILENAME = "filename"


class SearchSort(StrEnum):
    """Orders of search results (`services.search`, saved searches)."""

    RELEVANCE = "relevance"
    DATE = "date"  # oldest first
    NEWEST = "newest"


class ImportResult(StrEnum):
    """What became of one file given to an import (`ImportOutcome.result`)."""

    IMPORTED = "imported"  # a new document (its text may still be unreadable: see status)
    DUPLICATE = "duplicate"  # the same bytes are already in the case
    RESTORED = "restored"  # the same bytes, whose stored original was missing or altered
    FAILED = "failed"  # nothing was imported (unreadable path, disk full…)
    SKIPPED = "skipped"  # not a regular file (a pipe, a device) or a link out of the folder
    EMPTY = "empty"  # a 0-byte file: nothing to keep, never a duplicate of another
    REEXTRACTED = "reextracted"  # already in the case, read again with the password given


class EntityKind(StrEnum):
    """What an entity is (issue 12)."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PUBLIC_BODY = "public_body"  # a regulator, ministry, court, parliamentary committee
    PLACE = "place"
    PRODUCT = "product"  # a product or service
    OTHER = "other"


class SourceGrade(StrEnum):
    """Admiralty code, reliability of the source (A-F)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


class InfoGrade(IntEnum):
    """Admiralty code, credibility of the information (1-6)."""

    CONFIRMED = 1
    PROBABLY_TRUE = 2
    POSSIBLY_TRUE = 3
    DOUBTFUL = 4
    IMPROBABLE = 5
    CANNOT_BE_JUDGED = 6


class DateSource(StrEnum):
    """Where a document's date came from (`document.date_source`, migration 0010)."""

    USER = "user"  # typed or confirmed by a person
    TEXT = "text"  # the dateline at the top of its text
    FILE = "file"  # PDF or DOCX properties: often the day the file was saved
    EMAIL = "email"  # the e-mail's Date header


class EventFlag(StrEnum):
    """What is wrong with the sources of a chronology event (computed, never stored)."""

    NO_SOURCE = "no_source"
    SINGLE_SOURCE = "single_source"  # every citation is from one document
    WEAK_SOURCES = "weak_sources"  # only sources graded E/F or information 5/6
    LOST_QUOTE = "lost_quote"  # a quote is no longer on its page


def is_value(enum: type[Enum], value: object) -> bool:
    """Whether `value` is one of the enum's stored values (`value in enum` raises on
    Python 3.11 for anything that is not a member)."""
    return any(member.value == value for member in enum)
