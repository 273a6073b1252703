"""What a court bundle is made of and what it became: plain values only.

The service (`services/bundles.py`) reads the case and hands the exporter a
`BundleContent`: sections of documents, each document either an original PDF (used as
it is), text to typeset, or a reason why it cannot be reproduced (a placeholder page).
The exporter answers with where every document landed (`PlacedDocument`), which the
service records so a report can cite "B/123" (docs/architecture.md, "Layers": the
exporter knows nothing of the database).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType

from casefile.core.export.base import ExportResult
from casefile.core.i18n import _

DEFAULT_VOLUME_PAGES = 300  # the Commercial Court Guide's usual volume size


class DocumentOrder(StrEnum):
    """How documents are ordered within a section."""

    DATE = "date"  # oldest first, undated last (the guidance's default)
    GIVEN = "given"  # as the user arranged them


class PageStyle(StrEnum):
    """How pages are numbered. CONTINUOUS (1 … N, the index included) makes the stamped
    number the PDF page number, as the guidance asks; SECTION ("A1", "B12") is an option,
    with PDF page labels to match."""

    CONTINUOUS = "continuous"
    SECTION = "section"


class Reproduction(StrEnum):
    """How a document appears in the bundle."""

    ORIGINAL = "original"  # the original PDF's own pages
    TYPESET = "typeset"  # typeset from the text Casefile extracted
    PLACEHOLDER = "placeholder"  # one page saying why it is not reproduced


@dataclass(frozen=True)
class BundleDocument:
    """One document to place. Exactly one of `pdf`, `image`, `text_pages` or
    `unavailable` decides how it appears; an original that turns out unreadable becomes
    a placeholder."""

    uid: str
    title: str
    date_words: str | None = None  # as the index shows it ("7 June 2024")
    sort_key: str | None = None  # orders by date within a section (None: undated, last)
    pdf: Path | None = None  # the original PDF, used as it is
    image: Path | None = None  # an original picture (PNG, JPEG, TIFF): one page a frame
    password: str | None = None  # for a protected PDF the user has unlocked
    text_pages: tuple[str, ...] = ()  # typeset, each text page from a new bundle page
    unavailable: str | None = None  # why the document cannot be reproduced
    original_name: str = ""
    file_type: str = ""
    sha256: str = ""
    # OCR hook: recognised text by page number (1-based) of a scanned original PDF or a
    # picture. Laid on that page as invisible text, so the bundle can be searched and
    # copied from.
    # Filled by the service once OCR stores recognised text (issue 16).
    ocr_pages: Mapping[int, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class BundleSection:
    letter: str  # "A", "B", …
    title: str  # "Statements of case"
    documents: tuple[BundleDocument, ...]


@dataclass(frozen=True)
class BundleContent:
    title: str  # "Trial bundle"
    case_title: str
    sections: tuple[BundleSection, ...]


@dataclass(frozen=True)
class BundleOptions:
    order: DocumentOrder = DocumentOrder.DATE
    page_style: PageStyle = PageStyle.CONTINUOUS
    volume_pages: int | None = None  # split into volumes of about N pages; None: one file
    max_dpi: int = 300  # images finer than this are resampled (the guidance's limit)


@dataclass(frozen=True)
class PlacedDocument:
    """Where a document landed: its volume, section and pages (numbers within its volume,
    which are its PDF page numbers), and for a typeset document the bundle page on which
    each of its text pages begins."""

    uid: str
    title: str
    section: str
    volume: int
    first_page: int
    last_page: int
    first_label: str
    last_label: str
    reproduction: Reproduction
    page_starts: tuple[int, ...] | None = None  # typeset: bundle page of text page 1, 2…
    volumes: int = 1

    def page_for(self, page: int = 1) -> int:
        """The bundle page showing the document's own page `page` (1-based)."""
        if self.reproduction is Reproduction.PLACEHOLDER:
            return self.first_page
        if self.page_starts is not None:
            starts = self.page_starts
            return starts[min(max(page, 1), len(starts)) - 1] if starts else self.first_page
        return min(self.first_page + max(page, 1) - 1, self.last_page)

    def cite(self, page: int = 1) -> str:
        """A pinpoint citation: "B/123" (section, bundle page), "B12" when pages are
        numbered by section, "Vol 2, B/123" when the bundle has volumes."""
        at = self.page_for(page)
        where = f"{self.section}/{at}"
        own = self.first_label[len(self.section) :]
        if self.first_label.startswith(self.section) and own.isdigit():  # "B12" style
            where = f"{self.section}{int(own) + at - self.first_page}"
        if self.volumes == 1:
            return where
        return _("Vol %(volume)d, %(where)s") % {"volume": self.volume, "where": where}


@dataclass(frozen=True)
class BundleResult(ExportResult):
    placed: tuple[PlacedDocument, ...] = ()
    pages: int = 0  # in all volumes
    volumes: int = 1
