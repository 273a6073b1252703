"""Where every page of a bundle goes, decided before anything is drawn.

Each volume is: its index, then for each section (or the part of it that falls in the
volume) a divider and the section's documents. Pages are numbered from 1 on the first
index page, so the stamped number is the PDF page number; with the per-section style
the index is numbered i, ii… and each section A1, A2… (continuing across volumes), and
the PDF's page labels say the same. A split into volumes never cuts a document: a
volume closes before the document that would take it past the size asked for (a single
document longer than that makes a volume of its own).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from casefile.core.export.bundle import index_page
from casefile.core.export.bundle.index_page import IndexRow
from casefile.core.export.bundle.model import (
    BundleDocument,
    BundleSection,
    PageStyle,
    Reproduction,
)
from casefile.core.i18n import _


@dataclass(frozen=True)
class Prepared:
    """A document whose pages are known (opened, typeset or replaced by a placeholder)."""

    doc: BundleDocument
    pages: int
    reproduction: Reproduction
    page_starts: tuple[int, ...] | None = None  # typeset: 0-based page of each text page
    note: str = ""  # why a placeholder stands in, for the reader of the bundle
    detail: str = ""  # the technical reason, in small print below it


@dataclass
class Part:
    kind: str  # "index", "divider", "document"
    first: int  # 1-based page in the volume
    count: int
    section: BundleSection | None = None
    prepared: Prepared | None = None
    continued: bool = False
    tab: str = ""  # "B3" for a document


@dataclass
class Volume:
    number: int
    parts: list[Part] = field(default_factory=list)
    rows: list[IndexRow] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # the stamp of each page
    # PDF page label ranges: (first page index, last page index, style, prefix, start)
    label_ranges: list[tuple[int, int, str, str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.labels)


class _Meter:
    """Index pages so far, row by row, by the same rule as `index_page.paginate`."""

    def __init__(self) -> None:
        self.pages = 1
        self.y = index_page.PAGE_H - index_page.MARGIN - index_page.HEAD_FIRST
        self.y -= index_page.HEAD_COLUMNS
        self.rows = 0

    def add(self, row: IndexRow) -> _Meter:
        h = index_page.height(row)
        new = _Meter.__new__(_Meter)
        new.pages, new.y, new.rows = self.pages, self.y, self.rows
        if new.y - h < index_page.BOTTOM and new.rows:
            new.pages += 1
            new.y = index_page.PAGE_H - index_page.MARGIN - index_page.HEAD_COLUMNS
            new.rows = 0
        new.y -= h
        new.rows += 1
        return new


def _row(section: BundleSection, prepared: Prepared | None) -> IndexRow:
    if prepared is None:
        return IndexRow(True, section.letter, section.title, "", 0)
    return IndexRow(False, "", prepared.doc.title, prepared.doc.date_words or "", 0)


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += digits
            n -= value
    return out


Chunk = tuple[BundleSection, list[Prepared], bool]  # section, its documents, continued


def split(
    sections: Sequence[tuple[BundleSection, Sequence[Prepared]]], limit: int | None
) -> list[list[Chunk]]:
    """Documents into volumes of at most `limit` pages each (None: one volume)."""
    volumes: list[list[Chunk]] = [[]]
    meter, content, docs_in_volume = _Meter(), 0, 0
    for section, prepared in sections:
        started = False
        todo: list[Prepared | None] = [*prepared] or [None]
        for doc in todo:
            opening = not volumes[-1] or volumes[-1][-1][0] is not section
            trial = meter.add(_row(section, None)) if opening else meter
            if doc is not None:
                trial = trial.add(_row(section, doc))
            pages = (doc.pages if doc else 0) + (1 if opening else 0)
            if limit and docs_in_volume and trial.pages + content + pages > limit:
                volumes.append([])
                meter, content, docs_in_volume = _Meter(), 0, 0
                trial = meter.add(_row(section, None))
                if doc is not None:
                    trial = trial.add(_row(section, doc))
                pages = (doc.pages if doc else 0) + 1
                opening = True
            if opening:
                volumes[-1].append((section, [], started))
            if doc is not None:
                volumes[-1][-1][1].append(doc)
                docs_in_volume += 1
            started = True
            meter, content = trial, content + pages
    return volumes


def number(chunks_by_volume: list[list[Chunk]], style: PageStyle) -> list[Volume]:
    """Number the pages of each volume and build its index rows and labels."""
    out: list[Volume] = []
    section_counter: dict[str, int] = {}
    for v, chunks in enumerate(chunks_by_volume, start=1):
        meter = _Meter()
        for section, docs, _continued in chunks:
            meter = meter.add(_row(section, None))
            for doc in docs:
                meter = meter.add(_row(section, doc))
        vol = Volume(v)
        index_pages = meter.pages
        vol.parts.append(Part("index", 1, index_pages))
        if style is PageStyle.SECTION:
            vol.labels = [_roman(i) for i in range(1, index_pages + 1)]
            vol.label_ranges.append((0, index_pages - 1, "/r", "", 1))
        else:
            vol.labels = [str(i) for i in range(1, index_pages + 1)]
        for section, docs, continued in chunks:
            start_index = len(vol.labels)
            k0 = section_counter.get(section.letter, 0)
            k = k0

            def label(page: int, letter: str = section.letter) -> str:
                return f"{letter}{page}" if style is PageStyle.SECTION else ""

            divider = Part("divider", len(vol.labels) + 1, 1, section, continued=continued)
            vol.parts.append(divider)
            k += 1
            vol.labels.append(label(k) or str(len(vol.labels) + 1))
            first_label = vol.labels[-1]
            first_page = divider.first
            section_docs: list[tuple[Part, str, str]] = []
            tab_base = sum(len(d) for c_section, d, _c in _prior(chunks_by_volume, v, section))
            for n, doc in enumerate(docs, start=tab_base + 1):
                part = Part("document", len(vol.labels) + 1, doc.pages, section, doc)
                part.tab = f"{section.letter}{n}"
                vol.parts.append(part)
                labels = []
                for _page in range(doc.pages):
                    k += 1
                    labels.append(label(k) or str(len(vol.labels) + 1))
                    vol.labels.append(labels[-1])
                section_docs.append((part, labels[0], labels[-1]))
            section_counter[section.letter] = k
            last_label = vol.labels[-1]
            if style is PageStyle.SECTION:
                vol.label_ranges.append(
                    (start_index, len(vol.labels) - 1, "/D", section.letter, k0 + 1)
                )
            title = section.title
            if continued:
                title = _("%(section)s (continued)") % {"section": section.title}
            vol.rows.append(
                IndexRow(
                    True, section.letter, title, "", first_page, _span(first_label, last_label)
                )
            )
            for part, a, b in section_docs:
                assert part.prepared is not None
                d = part.prepared.doc
                vol.rows.append(
                    IndexRow(False, part.tab, d.title, d.date_words or "", part.first, _span(a, b))
                )
        if style is PageStyle.CONTINUOUS:
            vol.label_ranges.append((0, len(vol.labels) - 1, "/D", "", 1))
        out.append(vol)
    return out


def _prior(chunks_by_volume: list[list[Chunk]], volume: int, section: BundleSection) -> list[Chunk]:
    """The chunks of `section` in volumes before `volume` (tabs continue across them)."""
    return [c for chunks in chunks_by_volume[: volume - 1] for c in chunks if c[0] is section]


def _span(a: str, b: str) -> str:
    return a if a == b else f"{a}–{b}"
