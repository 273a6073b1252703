"""Frozen values the services hand to the faces. No ORM object ever leaves the core, so
no SQLAlchemy session crosses a thread and a widget can keep a DTO as long as it likes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# One file's outcome is made by the import (casefile.core.ingest), which may not import
# the services (docs/architecture.md); the faces meet it here.
from casefile.core.ingest.types import ImportOutcome
from casefile.core.vocabulary import ImportResult

__all__ = [
    "AuditRecord",
    "CaseOverview",
    "DocumentDetail",
    "DocumentSummary",
    "ImportOutcome",
    "ImportSummary",
    "PageText",
    "VerifyProblem",
    "VerifyReport",
]


@dataclass(frozen=True)
class DocumentSummary:
    uid: str
    title: str
    kind: str
    date: str | None
    source: str | None
    page_count: int
    status: str
    status_reason: str | None
    file_type: str
    languages: tuple[str, ...]
    original_filename: str
    imported_at: datetime
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentDetail:
    uid: str
    title: str
    kind: str
    date: str | None
    date_lower: str | None
    date_upper: str | None
    date_source: str | None  # user, text, file, email: where the date came from
    source: str | None
    author: str | None
    url: str | None
    languages: tuple[str, ...]
    reliability_source: str | None
    reliability_info: int | None
    notes: str | None
    sha256: str
    size: int
    original_filename: str
    file_type: str
    imported_at: datetime
    importer_version: str
    status: str
    status_reason: str | None
    page_count: int
    pages_needing_ocr: tuple[int, ...]
    encoding: str | None
    extra: dict[str, str]
    tags: tuple[str, ...]
    parent_uid: str | None
    child_uids: tuple[str, ...]
    revision: int
    # Fields Casefile filled in itself and no person has confirmed yet (suggestions).
    suggested: tuple[str, ...] = ()
    # Titles of the message this was attached to, and of its attachments (as
    # child_uids), so a face can name them as links without another read.
    parent_title: str | None = None
    child_titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageText:
    document_uid: str
    number: int
    total: int
    text: str
    needs_ocr: bool


@dataclass(frozen=True)
class ImportSummary:
    outcomes: tuple[ImportOutcome, ...]
    cancelled: bool = False

    def count(self, result: ImportResult) -> int:
        return sum(1 for o in self.outcomes if o.result == result)

    @property
    def imported(self) -> int:
        return self.count(ImportResult.IMPORTED)

    @property
    def duplicates(self) -> int:
        return self.count(ImportResult.DUPLICATE)

    @property
    def failed(self) -> int:
        return self.count(ImportResult.FAILED)

    @property
    def empty(self) -> int:
        """Zero-byte files: nothing to keep, and never "duplicates" of one another."""
        return self.count(ImportResult.EMPTY)

    @property
    def skipped(self) -> int:
        """Entries that are not regular files (pipes, devices…) or links not followed."""
        return self.count(ImportResult.SKIPPED)

    @property
    def finished_with_problems(self) -> bool:
        """Something given was not read: a file or folder failed (a zip bomb refused, a
        folder without permission), or was skipped (the exit code 3 of the CLI)."""
        return any(
            o.result in ("failed", "skipped") or (o.result == "imported" and o.status == "failed")
            for o in self.outcomes
        )

    @property
    def changes(self) -> Changes:
        """The documents this import added, for the faces to show (see `Changes`)."""
        added = (o.document_uid for o in self.outcomes if o.result == ImportResult.IMPORTED)
        return Changes(added=frozenset(u for u in added if u))

    @property
    def problems(self) -> tuple[ImportOutcome, ...]:
        """Imported files whose text could not be read, and files that failed outright."""
        return tuple(
            o
            for o in self.outcomes
            if o.result in ("failed", "skipped")
            or (o.result == "imported" and o.status not in ("ok",))
        )


@dataclass(frozen=True)
class VerifyProblem:
    sha256: str
    document_uid: str | None
    title: str | None
    # missing | altered | orphan, kept (notes) | audit_altered | audit_removed |
    # unsealed_hash | head_unknown
    problem: str
    message: str


@dataclass(frozen=True)
class AuditHead:
    """The newest entry of the audit chain: lodge `hash` elsewhere to prove later
    (`verify_case(head=…)`) that the log up to it was not rewritten."""

    hash: str
    count: int
    at: datetime


@dataclass(frozen=True)
class VerifyReport:
    checked: int  # documents whose original was re-hashed
    problems: tuple[VerifyProblem, ...]
    cancelled: bool = False
    stored: int = 0  # originals found in the case folder (with or without a document)
    orphans: int = 0  # …of which no document refers to (an import stopped early)
    kept: int = 0  # …of which belonged to documents the user removed (kept by design)
    # One per such original: reported, but not a problem of the evidence (nothing
    # recorded is in doubt; importing the same file again adds it).
    orphan_originals: tuple[VerifyProblem, ...] = ()
    audit_entries: int = 0  # audit entries whose seal and link were checked
    head_found: bool | None = None  # the lodged head is in the chain (None: none given)
    recorded: bool = False  # this run was written to the audit log
    not_recorded: str | None = None  # …and if not, why

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled


@dataclass(frozen=True)
class AuditRecord:
    at: datetime
    actor: str
    action: str
    target: str | None
    before: str | None
    after: str | None


@dataclass(frozen=True)
class CaseOverview:
    path: str
    title: str
    document_count: int
    status_counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Changes:
    """What one write changed, as a value: the services that write return it (or a DTO
    that exposes it), and a face updates exactly what it shows from it instead of
    listening for one kind of news per kind of thing (docs/architecture.md). Combine
    two with `|`."""

    edited: tuple[DocumentDetail, ...] = ()  # the new state of each edited document
    added: frozenset[str] = frozenset()  # document uids
    removed: frozenset[str] = frozenset()
    tags: bool = False  # the set of tags or their counts changed
    saved_searches: bool = False
    more_documents: bool = False  # a running import added some (which: known at its end)
    events: frozenset[str] = frozenset()  # chronology events added, edited or removed
    entities: bool = False  # entities, aliases, mentions or relations changed (issue 12)

    @classmethod
    def edit(cls, detail: DocumentDetail, *, tags: bool = False) -> Changes:
        return cls(edited=(detail,), tags=tags)

    def __or__(self, other: Changes) -> Changes:
        latest = {d.uid: d for d in (*self.edited, *other.edited)}
        return Changes(
            edited=tuple(latest.values()),
            added=self.added | other.added,
            removed=self.removed | other.removed,
            tags=self.tags or other.tags,
            saved_searches=self.saved_searches or other.saved_searches,
            more_documents=self.more_documents or other.more_documents,
            events=self.events | other.events,
            entities=self.entities or other.entities,
        )

    @property
    def membership(self) -> bool:
        """Documents came or went: lists of documents must be read again."""
        return bool(self.added or self.removed or self.more_documents)

    def detail(self, uid: str) -> DocumentDetail | None:
        """The new state of `uid` if this change edited it."""
        return next((d for d in self.edited if d.uid == uid), None)
