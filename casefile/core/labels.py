"""Words for the case's stored values, one table for every face (docs/architecture.md,
"Vocabulary"): what a document kind, a status, an import result, a grade, a date's
source, a document's language, an entity kind or an event flag is called for people.

The values themselves are defined once, in `casefile.core.vocabulary`, and never change;
these tables map them to English words marked with `NP_` (context: which list the word
belongs to, so "Other" the document kind and "Other" the group of entities can be
translated apart) and hand them out through the core's gettext catalog (`core.po`) in
the language spoken at the moment they are read. The widgets (`casefile.ui.labels`,
`casefile.ui.entities.kinds`), the CLI (`casefile.cli.labels`) and the exported reports
all read these tables, so a value is called the same in each of them; tests/test_labels.py
checks it. A face keeps only what is its own: icons, colours, where a word goes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import Enum
from typing import Any, TypeVar

from casefile.core.i18n import NP_, pgettext
from casefile.core.vocabulary import (
    DateSource,
    DocumentKind,
    DocumentStatus,
    EntityKind,
    EventFlag,
    ImportResult,
    InfoGrade,
    SearchSort,
    SourceGrade,
)

Key = TypeVar("Key")


class Words(Mapping[Key, str]):
    """English words for stored values, read in the language the core speaks now:
    `DOCUMENT_KINDS["court_filing"]`, `.get()`, `.items()` and `.values()` all
    translate. A value compares equal to its enum member, so either is a key."""

    def __init__(self, context: str, english: dict[Key, str]) -> None:
        self.context = context  # the `NP_` context every word of the table is marked with
        self.english = english

    def __getitem__(self, key: Key) -> str:
        return pgettext(self.context, self.english[key])

    def __iter__(self) -> Iterator[Key]:
        return iter(self.english)

    def __len__(self) -> int:
        return len(self.english)


K = DocumentKind
DOCUMENT_KINDS: Words[str] = Words(
    "document kind",
    {
        K.COURT_FILING: NP_("document kind", "Court filing"),
        K.ARTICLE: NP_("document kind", "Article"),
        K.PARLIAMENTARY_SUBMISSION: NP_("document kind", "Parliamentary submission"),
        K.CORRESPONDENCE: NP_("document kind", "Correspondence"),
        K.REPORT: NP_("document kind", "Report"),
        K.NOTE: NP_("document kind", "Note"),
        K.OTHER: NP_("document kind", "Other"),
    },
)
# The documents of a kind, as a group (the navigator's branches).
DOCUMENT_KIND_GROUPS: Words[str] = Words(
    "document kinds",
    {
        K.COURT_FILING: NP_("document kinds", "Court filings"),
        K.ARTICLE: NP_("document kinds", "Articles"),
        K.PARLIAMENTARY_SUBMISSION: NP_("document kinds", "Parliamentary submissions"),
        K.CORRESPONDENCE: NP_("document kinds", "Correspondence"),
        K.REPORT: NP_("document kinds", "Reports"),
        K.NOTE: NP_("document kinds", "Notes"),
        K.OTHER: NP_("document kinds", "Other"),
    },
)
# Narrow places (a table column, the navigator) say the same in fewer letters where the
# word is long; every other kind is as short as it gets already.
DOCUMENT_KIND_SHORT: Words[str] = Words(
    "document kind, short",
    {K.PARLIAMENTARY_SUBMISSION: NP_("document kind, short", "Parliamentary")},
)
S = DocumentStatus
DOCUMENT_STATUSES: Words[str] = Words(
    "document status",
    {
        S.OK: NP_("document status", "Text read"),
        S.EMPTY: NP_("document status", "No text"),
        S.NEEDS_OCR: NP_("document status", "Needs OCR"),
        S.PASSWORD_REQUIRED: NP_("document status", "Password required"),
        S.FAILED: NP_("document status", "Failed"),
        S.UNSUPPORTED: NP_("document status", "Unsupported"),
        S.GARBLED: NP_("document status", "Garbled text"),
    },
)
DOCUMENT_STATUS_SHORT: Words[str] = Words(
    "document status, short",
    {S.PASSWORD_REQUIRED: NP_("document status, short", "Password")},
)
IMPORT_RESULTS: Words[str] = Words(
    "import result",
    {
        ImportResult.IMPORTED: NP_("import result", "Imported"),
        ImportResult.DUPLICATE: NP_("import result", "Duplicate"),
        ImportResult.RESTORED: NP_("import result", "Original restored"),
        ImportResult.FAILED: NP_("import result", "Failed"),
        ImportResult.SKIPPED: NP_("import result", "Skipped"),
        ImportResult.EMPTY: NP_("import result", "Empty file"),
        ImportResult.REEXTRACTED: NP_("import result", "Read again"),
    },
)
SEARCH_ORDERS: Words[SearchSort] = Words(
    "search order",
    {
        SearchSort.RELEVANCE: NP_("search order", "Relevance"),
        SearchSort.DATE: NP_("search order", "Date, oldest first"),
        SearchSort.NEWEST: NP_("search order", "Date, newest first"),
    },
)
# The Admiralty code: how reliable a source is (A-F), how credible its information (1-6).
SOURCE_GRADES: Words[str] = Words(
    "source reliability",
    {
        SourceGrade.A: NP_("source reliability", "Completely reliable"),
        SourceGrade.B: NP_("source reliability", "Usually reliable"),
        SourceGrade.C: NP_("source reliability", "Fairly reliable"),
        SourceGrade.D: NP_("source reliability", "Not usually reliable"),
        SourceGrade.E: NP_("source reliability", "Unreliable"),
        SourceGrade.F: NP_("source reliability", "Reliability cannot be judged"),
    },
)
INFO_GRADES: Words[int] = Words(
    "information credibility",
    {
        InfoGrade.CONFIRMED: NP_("information credibility", "Confirmed by other sources"),
        InfoGrade.PROBABLY_TRUE: NP_("information credibility", "Probably true"),
        InfoGrade.POSSIBLY_TRUE: NP_("information credibility", "Possibly true"),
        InfoGrade.DOUBTFUL: NP_("information credibility", "Doubtful"),
        InfoGrade.IMPROBABLE: NP_("information credibility", "Improbable"),
        InfoGrade.CANNOT_BE_JUDGED: NP_("information credibility", "Truth cannot be judged"),
    },
)
# Where a document's date came from, said after the date ("12 May 2023, from the
# document's text"), hence lower case.
DATE_SOURCES: Words[str] = Words(
    "date source",
    {
        DateSource.USER: NP_("date source", "set by a person"),
        DateSource.TEXT: NP_("date source", "from the document's text"),
        DateSource.FILE: NP_("date source", "from the file's properties"),
        DateSource.EMAIL: NP_("date source", "from the e-mail's Date header"),
    },
)
# The languages a document is written in (ISO 639-1, as ingest detects them); not the
# interface's languages, which are named in their own (casefile/ui/i18n.py, CHOICES).
LANGUAGES: Words[str] = Words(
    "document language",
    {
        "en": NP_("document language", "English"),
        "ru": NP_("document language", "Russian"),
        "uk": NP_("document language", "Ukrainian"),
        "de": NP_("document language", "German"),
        "fr": NP_("document language", "French"),
        "es": NP_("document language", "Spanish"),
        "ar": NP_("document language", "Arabic"),
        "zh": NP_("document language", "Chinese"),
        "ja": NP_("document language", "Japanese"),
    },
)
E = EntityKind
ENTITY_KINDS: Words[str] = Words(
    "entity kind",
    {
        E.PERSON: NP_("entity kind", "Person"),
        E.ORGANISATION: NP_("entity kind", "Organisation"),
        E.PUBLIC_BODY: NP_("entity kind", "Public body"),
        E.PLACE: NP_("entity kind", "Place"),
        E.PRODUCT: NP_("entity kind", "Product or service"),
        E.OTHER: NP_("entity kind", "Other"),
    },
)
# Entities of a kind, as a group (the entity list's filter, counts).
ENTITY_KIND_GROUPS: Words[str] = Words(
    "entity kinds",
    {
        E.PERSON: NP_("entity kinds", "People"),
        E.ORGANISATION: NP_("entity kinds", "Organisations"),
        E.PUBLIC_BODY: NP_("entity kinds", "Public bodies"),
        E.PLACE: NP_("entity kinds", "Places"),
        E.PRODUCT: NP_("entity kinds", "Products and services"),
        E.OTHER: NP_("entity kinds", "Other"),
    },
)
F = EventFlag
EVENT_FLAGS: Words[str] = Words(
    "event flag",
    {
        F.NO_SOURCE: NP_("event flag", "No source"),
        F.SINGLE_SOURCE: NP_("event flag", "Single source"),
        F.WEAK_SOURCES: NP_("event flag", "Only weak sources"),
        F.LOST_QUOTE: NP_("event flag", "Lost quote"),
    },
)
# The chronology's narrow Flags column.
EVENT_FLAG_SHORT: Words[str] = Words(
    "event flag, short",
    {
        F.SINGLE_SOURCE: NP_("event flag, short", "Single"),
        F.WEAK_SOURCES: NP_("event flag, short", "Weak"),
    },
)
# What a flag means and what to do about it (a tooltip, a filter's help).
EVENT_FLAG_HELP: Words[str] = Words(
    "event flag, explained",
    {
        F.NO_SOURCE: NP_("event flag, explained", "No source: nothing cites this event yet."),
        F.SINGLE_SOURCE: NP_(
            "event flag, explained",
            "Single source: every citation comes from one document; find a second one.",
        ),
        F.WEAK_SOURCES: NP_(
            "event flag, explained",
            "Only weak sources: every source is graded E/F or its information 5/6.",
        ),
        F.LOST_QUOTE: NP_(
            "event flag, explained",
            "Lost quote: a quoted passage is no longer on its page (the document was "
            "re-extracted or deleted); check the citation.",
        ),
    },
)

# Every table keyed by an enum, with the enum: each of its values has a word
# (tests/test_labels.py).
TABLES: tuple[tuple[Words[Any], type[Enum]], ...] = (
    (DOCUMENT_KINDS, DocumentKind),
    (DOCUMENT_KIND_GROUPS, DocumentKind),
    (DOCUMENT_STATUSES, DocumentStatus),
    (IMPORT_RESULTS, ImportResult),
    (SEARCH_ORDERS, SearchSort),
    (SOURCE_GRADES, SourceGrade),
    (INFO_GRADES, InfoGrade),
    (DATE_SOURCES, DateSource),
    (ENTITY_KINDS, EntityKind),
    (ENTITY_KIND_GROUPS, EntityKind),
    (EVENT_FLAGS, EventFlag),
    (EVENT_FLAG_HELP, EventFlag),
)


def _as_words(value: str) -> str:
    """A value no table holds (a case written by a newer version), as words:
    "court_filing" -> "Court filing"."""
    return value.replace("_", " ").capitalize()


def document_kind(value: str) -> str:
    return DOCUMENT_KINDS.get(value) or _as_words(value)


def document_kind_group(value: str) -> str:
    return DOCUMENT_KIND_GROUPS.get(value) or document_kind(value)


def document_kind_short(value: str) -> str:
    return DOCUMENT_KIND_SHORT.get(value) or document_kind(value)


def document_status(value: str) -> str:
    return DOCUMENT_STATUSES.get(value) or _as_words(value)


def document_status_short(value: str) -> str:
    return DOCUMENT_STATUS_SHORT.get(value) or document_status(value)


def import_result(value: str) -> str:
    return IMPORT_RESULTS.get(value) or _as_words(value)


def language(code: str) -> str:
    """A document language's name ("Russian", "русский"); the code for one not listed."""
    return LANGUAGES.get(code) or code


def entity_kind(value: str) -> str:
    return ENTITY_KINDS.get(value) or _as_words(value)


def entity_kind_group(value: str) -> str:
    return ENTITY_KIND_GROUPS.get(value) or entity_kind(value)


def event_flag(value: str) -> str:
    return EVENT_FLAGS.get(value) or _as_words(value)


def event_flag_short(value: str) -> str:
    return EVENT_FLAG_SHORT.get(value) or event_flag(value)


def event_flag_help(value: str) -> str:
    return EVENT_FLAG_HELP.get(value) or event_flag(value)
