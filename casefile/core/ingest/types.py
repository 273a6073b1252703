"""Plain values passed between extraction workers and the importer, and what an import
reports back (`ImportOutcome` per file, handed to the faces by the services).

Extraction runs in worker processes that never touch the database, so everything a
worker returns must be picklable and self-contained: these dataclasses are the whole
contract between `extract_file` (worker side) and the importer (writer side).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from casefile.core.vocabulary import DocumentStatus, ImportResult


class FileType(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    TEXT = "text"
    HTML = "html"
    EMAIL = "email"
    MSG = "msg"
    IMAGE = "image"  # PNG, JPEG, TIFF: text only through OCR (core/ocr)
    UNKNOWN = "unknown"


# What became of a document's text: the vocabulary's DocumentStatus, under the name the
# extractors have always used.
Status = DocumentStatus


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
    # (dateline, kind) as `guesses.text_guesses` finds them, when a worker made them.
    guesses: tuple[str | None, str] | None = None
    # Each page's words as the index reads them, joined by spaces, when a worker split
    # them (`page_words.with_words`).
    page_words: list[str] | None = None

    @property
    def page_count(self) -> int:
        return self.spool_count if self.spool else len(self.pages)


@dataclass(frozen=True)
class ImportOutcome:
    """What became of one file the user gave."""

    path: str
    result: ImportResult  # what became of the file: see ImportResult
    document_uid: str | None = None
    title: str | None = None
    status: str | None = None  # the document's DocumentStatus when it was imported
    reason: str | None = None
    duplicate_of: str | None = None  # title of the document already in the case


@dataclass(frozen=True)
class Imported:
    """What an import did, file by file (the services hand it on as an ImportSummary)."""

    outcomes: tuple[ImportOutcome, ...]
    cancelled: bool = False
