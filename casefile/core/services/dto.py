"""Frozen values the services hand to the faces. No ORM object ever leaves the core, so
no SQLAlchemy session crosses a thread and a widget can keep a DTO as long as it likes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# The import's own values are defined by the import (casefile.core.ingest), which may not
# import the services; the faces meet them here.
from casefile.core.ingest.types import ImportOutcome, ImportSummary

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


@dataclass(frozen=True)
class PageText:
    document_uid: str
    number: int
    total: int
    text: str
    needs_ocr: bool


@dataclass(frozen=True)
class VerifyProblem:
    sha256: str
    document_uid: str | None
    title: str | None
    problem: str  # missing | altered
    message: str


@dataclass(frozen=True)
class VerifyReport:
    checked: int
    problems: tuple[VerifyProblem, ...]
    cancelled: bool = False

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
