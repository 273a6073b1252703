"""The index at the front of a bundle (or of each volume): section, tab, title, date and
page range of every document, each row a link to its first page.

The index is measured before it is drawn: how many pages it takes depends only on the
rows' titles (page ranges have a column of fixed width), so the layout can number every
page before any is drawn, and the drawing says where each row's link goes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from casefile.core.export.bundle.draw import BOTTOM as BOTTOM
from casefile.core.export.bundle.draw import FONT, FONT_BOLD, register_fonts, wrap
from casefile.core.export.bundle.draw import MARGIN as MARGIN
from casefile.core.export.bundle.draw import PAGE_H as PAGE_H
from casefile.core.export.bundle.draw import PAGE_W as PAGE_W
from casefile.core.i18n import _, pgettext

SIZE = 9.0
LEAD = 11.5
PAD = 5.0
HEAD_FIRST = 92.0  # the title block on the first index page
HEAD_COLUMNS = 22.0
# Columns: tab, document, date, pages.
COL_TAB = MARGIN
COL_TITLE = MARGIN + 34
COL_DATE = PAGE_W - MARGIN - 185
COL_PAGES = PAGE_W - MARGIN - 80
TITLE_WIDTH = COL_DATE - COL_TITLE - 10
DATE_WIDTH = COL_PAGES - COL_DATE - 8


@dataclass(frozen=True)
class IndexRow:
    section: bool  # a section heading rather than a document
    tab: str  # "A", "A3"
    title: str
    date: str
    target: int  # the page (1-based in its volume) the row links to
    pages: str = ""  # "12–15", "B2–B5"


@dataclass(frozen=True)
class LinkSpot:
    index_page: int  # 0-based page of the index
    rect: tuple[float, float, float, float]
    target: int  # 1-based page in the volume


def _lines(row: IndexRow) -> tuple[list[str], list[str]]:
    register_fonts()
    font = FONT_BOLD if row.section else FONT
    title = wrap(row.title, font, SIZE, TITLE_WIDTH) or [""]
    date = wrap(row.date, FONT, SIZE, DATE_WIDTH) if row.date else []
    return title, date


def height(row: IndexRow) -> float:
    title, date = _lines(row)
    return max(len(title), len(date), 1) * LEAD + PAD + (6 if row.section else 0)


def paginate(rows: Sequence[IndexRow]) -> list[list[tuple[IndexRow, float]]]:
    """Rows per index page with the y of each row's top; at least one page."""
    pages: list[list[tuple[IndexRow, float]]] = [[]]
    y = PAGE_H - MARGIN - HEAD_FIRST - HEAD_COLUMNS
    for row in rows:
        h = height(row)
        if y - h < BOTTOM and pages[-1]:
            pages.append([])
            y = PAGE_H - MARGIN - HEAD_COLUMNS
        pages[-1].append((row, y))
        y -= h
    return pages


def page_count(rows: Sequence[IndexRow]) -> int:
    return len(paginate(rows))


def draw_index(c: Canvas, rows: Sequence[IndexRow], heading: Sequence[str]) -> list[LinkSpot]:
    """Draw the index pages on `c` (its next pages); answers where each link goes."""
    spots: list[LinkSpot] = []
    for number, page in enumerate(paginate(rows)):
        top = PAGE_H - MARGIN
        if number == 0:
            y = top - 16
            for i, line in enumerate(heading):
                size = 16 if i == 0 else 11
                c.setFont(FONT_BOLD if i == 0 else FONT, size)
                c.drawString(MARGIN, y, line[:120])
                y -= size * 1.5
            top -= HEAD_FIRST
        c.setFont(FONT_BOLD, SIZE)
        y = top - 12
        c.drawString(COL_TAB, y, pgettext("bundle index", "Tab"))
        c.drawString(COL_TITLE, y, _("Document"))
        c.drawString(COL_DATE, y, _("Date"))
        c.drawRightString(PAGE_W - MARGIN, y, _("Pages"))
        c.setLineWidth(0.5)
        c.line(MARGIN, y - 4, PAGE_W - MARGIN, y - 4)
        for row, row_top in page:
            title, date = _lines(row)
            font = FONT_BOLD if row.section else FONT
            y = row_top - SIZE - (6 if row.section else 0)
            c.setFont(font, SIZE)
            c.drawString(COL_TAB, y, row.tab)
            for i, line in enumerate(title):
                c.drawString(COL_TITLE, y - i * LEAD, line)
            c.setFont(FONT, SIZE)
            for i, line in enumerate(date):
                c.drawString(COL_DATE, y - i * LEAD, line)
            c.setFont(font, SIZE)
            c.drawRightString(PAGE_W - MARGIN, y, row.pages)
            bottom = row_top - height(row)
            spots.append(LinkSpot(number, (MARGIN, bottom, PAGE_W - MARGIN, row_top), row.target))
        c.showPage()
    return spots
