"""The plain values an exporter lays out (docs/architecture.md, "Exports").

`core/export` may not read `core/entities` or `core/chronology` (they are siblings, see
"Layers"): `services/exports.py` gathers a case into these frozen values through the
other services, and each exporter (report, CSV; the bundle and the archive read their
own) only formats them. Nothing here holds an ORM object or a session.

Documents carry a *number* ("Doc 4"): their place in the document index of this export
(by date, undated last, then title), so a citation "Doc 4, p. 2" is found in the index
of the same report.

**Bundle page references.** When a PDF court bundle was made, a citation names the
bundle page instead ("B/123"): the bundle service records where each document landed,
and the report is handed it as a `BundleCitations`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from casefile.core.i18n import _
from casefile.core.labels import event_flag as flag_words


@dataclass(frozen=True)
class Scope:
    """What part of the case an export covers. Empty: the whole case. A tag, a set of
    entities and a chronology filter (dates, a flag) narrow it and may be combined."""

    tag: str | None = None
    entities: tuple[str, ...] = ()  # names, aliases or uids
    date_from: str | None = None  # EDTF; an event overlapping the range is in it
    date_to: str | None = None
    flag: str | None = None  # only events with this flag (vocabulary.EventFlag)

    @property
    def whole_case(self) -> bool:
        return not (self.tag or self.entities or self.date_from or self.date_to or self.flag)

    @property
    def chronology_filtered(self) -> bool:
        return bool(self.date_from or self.date_to or self.flag)

    def describe(self) -> str:
        """The scope in words, for a report's cover: "Tag “OkoVision”; events from 2023"
        (in the language Casefile speaks now)."""
        if self.whole_case:
            return _("The whole case")
        parts = []
        if self.tag:
            parts.append(_("Tag “%(tag)s”") % {"tag": self.tag})
        if self.entities:
            parts.append(_("Entities: %(names)s") % {"names": ", ".join(self.entities)})
        if self.date_from and self.date_to:
            parts.append(
                _("Events from %(start)s to %(end)s")
                % {"start": self.date_from, "end": self.date_to}
            )
        elif self.date_from:
            parts.append(_("Events from %(start)s") % {"start": self.date_from})
        elif self.date_to:
            parts.append(_("Events up to %(end)s") % {"end": self.date_to})
        if self.flag:
            parts.append(_("Events flagged “%(flag)s”") % {"flag": flag_words(self.flag)})
        return "; ".join(parts)


@dataclass(frozen=True)
class ReportOptions:
    """The user's choices for a DOCX report."""

    scope: Scope = Scope()
    author: str | None = None  # None: the user's login name
    summary: str | None = None  # a paragraph or more for after the contents
    saved_searches: tuple[str, ...] = ()  # names: their hits' excerpts are included
    hits_per_search: int = 50
    cast: bool = True  # the cast of characters
    document_index: bool = True
    bundle_pages: bool = True  # cite "B/123" when a bundle of the case was made
    # The report's dates in words: "en" or "ru"; None: the language Casefile speaks now,
    # which its headings follow too.
    lang: str | None = None


CSV_TABLES = ("documents", "entities", "mentions", "chronology")


@dataclass(frozen=True)
class CsvOptions:
    """The user's choices for CSV: one file per table, in the folder given."""

    scope: Scope = Scope()
    tables: tuple[str, ...] = CSV_TABLES
    lang: str | None = None  # dates in words; None: the language Casefile speaks now


@dataclass(frozen=True)
class ExportDocument:
    number: int  # "Doc 4": its row in this export's document index
    uid: str
    title: str
    kind: str  # vocabulary.DocumentKind
    date: str | None  # EDTF
    date_words: str
    source: str | None
    author: str | None
    url: str | None
    languages: tuple[str, ...]
    reliability_source: str | None  # A–F
    reliability_info: int | None  # 1–6
    page_count: int
    status: str
    sha256: str
    size: int
    original_filename: str
    imported_at: datetime
    tags: tuple[str, ...]
    notes: str | None

    @property
    def grade(self) -> str:
        """The Admiralty grade as written: "B2", "B", "2" or ""."""
        return f"{self.reliability_source or ''}{self.reliability_info or ''}"


@dataclass(frozen=True)
class ExportEntity:
    uid: str
    name: str
    kind: str  # vocabulary.EntityKind
    aliases: tuple[str, ...]
    weak_aliases: tuple[str, ...]
    former_names: tuple[str, ...]
    notes: str | None
    reliability_source: str | None
    reliability_info: int | None
    documents: tuple[str, ...]  # uids of the documents that mention it, in index order
    mentions: int


@dataclass(frozen=True)
class ExportMention:
    id: int
    entity_uid: str
    entity_name: str
    document_uid: str
    document_title: str
    page: int
    start: int  # code points on the page
    end: int
    text: str
    manual: bool


@dataclass(frozen=True)
class ExportCitation:
    document_uid: str
    document_title: str | None  # None: the document was deleted from the case
    page: int
    quote: str
    grade: int | None  # information 1–6
    source_grade: str | None  # the document's source reliability A–F
    lost: bool


@dataclass(frozen=True)
class ExportEvent:
    uid: str
    date: str | None  # EDTF
    date_words: str
    date_lower: str | None
    date_upper: str | None
    title: str
    description: str | None
    entities: tuple[str, ...]  # names as shown
    tags: tuple[str, ...]
    citations: tuple[ExportCitation, ...]
    flags: tuple[str, ...]  # vocabulary.EventFlag values


@dataclass(frozen=True)
class ExportExcerpt:
    page: int
    text: str
    spans: tuple[tuple[int, int], ...]  # the words that matched, in code points of `text`


@dataclass(frozen=True)
class ExportHit:
    document_uid: str
    title: str
    pages: tuple[int, ...]
    excerpts: tuple[ExportExcerpt, ...]


@dataclass(frozen=True)
class ExportSearch:
    """A saved search as run for the export: its hits with excerpts."""

    name: str
    query: str
    total: int
    hits: tuple[ExportHit, ...]


class BundleCitations(Protocol):
    """Where the newest PDF bundle of the case put each document (the bundle service's
    `BundlePlaces`): a citation names the bundle page instead of the document."""

    @property
    def title(self) -> str: ...

    @property
    def path(self) -> str: ...

    def cite(self, uid: str, page: int = 1) -> str | None:
        """ "B/123" for the document's own page `page`; None if it is not in the bundle."""
        ...


@dataclass(frozen=True)
class CaseExport:
    """A case (or the part of it in scope) as plain values, ready to lay out."""

    title: str  # the case's name
    author: str
    made_at: datetime
    scope: Scope
    documents: tuple[ExportDocument, ...]  # numbered, in index order
    entities: tuple[ExportEntity, ...] = ()
    events: tuple[ExportEvent, ...] = ()
    mentions: tuple[ExportMention, ...] = ()
    searches: tuple[ExportSearch, ...] = ()
    summary: str | None = None
    bundle: BundleCitations | None = None
    by_uid: Mapping[str, ExportDocument] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not self.by_uid:
            object.__setattr__(self, "by_uid", {d.uid: d for d in self.documents})

    def cite_document(self, document_uid: str) -> str:
        """ "Doc 4" (a document not in this export's index: by its id)."""
        doc = self.by_uid.get(document_uid)
        return _("Doc %(number)s") % {"number": doc.number if doc else document_uid[:8]}

    def cite(self, document_uid: str, page: int) -> str:
        """A pinpoint citation: "B/123" when the page is in the bundle, else "Doc 4, p. 2"
        (a document not in this export's index is named by its id)."""
        if self.bundle is not None:
            found = self.bundle.cite(document_uid, page)
            if found:
                return found
        return _("%(document)s, p. %(page)d") % {
            "document": self.cite_document(document_uid),
            "page": page,
        }
