"""Plain values passed between extraction workers and the importer.

Extraction runs in worker processes that never touch the database, so everything a
worker returns must be picklable and self-contained: these dataclasses are the whole
contract between `extract_file` (worker side) and the importer (writer side).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class FileType(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    TEXT = "text"
    HTML = "html"
    EMAIL = "email"
    MSG = "msg"
    UNKNOWN = "unknown"


class Status(StrEnum):
    """What became of a document's text. Every non-OK status carries a reason."""

    OK = "ok"
    EMPTY = "empty"  # opened fine, but there is no text in it
    NEEDS_OCR = "needs_ocr"  # pages are images without a text layer
    PASSWORD_REQUIRED = "password_required"
    FAILED = "failed"  # corrupt, hostile, timed out, out of memory
    UNSUPPORTED = "unsupported"  # a format Casefile does not read
    GARBLED = "garbled"  # text came out, but not the document's words (garbled.py)


@dataclass(frozen=True)
class Attachment:
    """A file found inside another (an e-mail attachment); imported as its own document."""

    filename: str
    data: bytes
    content_type: str | None = None
    spool: str | None = None  # a large one travels as a file instead of `data`


@dataclass
class Extraction:
    """Everything a worker learned from one file. `pages` is never None: non-paged
    formats have exactly one page; a failed extraction has none."""

    file_type: FileType
    status: Status
    reason: str | None = None  # a sentence for the investigator, never an exception name
    pages: list[str] = field(default_factory=list)
    pages_needing_ocr: list[int] = field(default_factory=list)  # 1-based page numbers
    title: str | None = None
    date: str | None = None  # EDTF, e.g. "2024-06-07" or "2023-02"
    author: str | None = None
    languages: list[str] = field(default_factory=list)  # ISO 639-1, most frequent first
    encoding: str | None = None  # for text and HTML: the charset that was used
    metadata: dict[str, str] = field(default_factory=dict)  # e-mail headers, PDF producer…
    attachments: list[Attachment] = field(default_factory=list)
    kind_hint: str | None = None  # e.g. "correspondence" for e-mail
    # A long text's pages travel in a spool file instead of `pages` (see paging.py).
    spool: str | None = None
    spool_count: int = 0

    @property
    def page_count(self) -> int:
        return self.spool_count if self.spool else len(self.pages)
