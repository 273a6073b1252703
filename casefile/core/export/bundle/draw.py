"""The pages Casefile draws itself (reportlab): section dividers, placeholders, documents
typeset from their text, and the invisible OCR text laid over a scanned page.

Everything is set in DejaVu Sans, shipped in `resources/fonts/` with its licence and
embedded (subset) in the bundle, so Cyrillic and Latin text print on any machine.
The bottom 40 points of every page stay empty: the page number is stamped there.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from casefile.core.i18n import _
from casefile.resources import resources_dir

FONT = "CasefileSans"
FONT_BOLD = "CasefileSans-Bold"
PAGE_W, PAGE_H = A4
MARGIN = 56.0  # ~2 cm
BOTTOM = 64.0  # the stamp lives below this line
TEXT_SIZE = 10.0
LEADING = 13.5
# C0 controls (but tab and newline), DEL and C1: never drawn (they have no glyph).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@cache
def register_fonts() -> None:
    """Register the shipped fonts with reportlab once per process."""
    folder = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))


def canvas(buffer: io.BytesIO, title: str) -> Canvas:
    register_fonts()
    c = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=FONT)
    c.setTitle(title)
    c.setCreator("Casefile")
    return c


def clean(text: str) -> str:
    return _CONTROLS.sub("", text.replace("\t", "    ").replace("\r\n", "\n").replace("\r", "\n"))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of `text` no wider than `width`; a word longer than a line (a URL, a hash)
    is broken between characters rather than running off the page."""
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        for line in simpleSplit(paragraph, font, size, width):
            if pdfmetrics.stringWidth(line, font, size) <= width:
                lines.append(line)
                continue
            current = ""
            for ch in line:
                if pdfmetrics.stringWidth(current + ch, font, size) > width and current:
                    lines.append(current)
                    current = ch
                else:
                    current += ch
            lines.append(current)
    return lines


def _block(c: Canvas, lines: Iterable[str], x: float, y: float, font: str, size: float) -> float:
    c.setFont(font, size)
    for line in lines:
        c.drawString(x, y, line)
        y -= size * 1.35
    return y


def draw_divider(c: Canvas, letter: str, title: str, continued: bool = False) -> None:
    """A section divider: the section's letter and name, large, centred."""
    c.setFont(FONT_BOLD, 72)
    c.drawCentredString(PAGE_W / 2, PAGE_H * 0.58, letter)
    heading = _("%(section)s (continued)") % {"section": title} if continued else title
    y = PAGE_H * 0.58 - 48
    for line in wrap(heading, FONT_BOLD, 20, PAGE_W - 2 * MARGIN):
        c.setFont(FONT_BOLD, 20)
        c.drawCentredString(PAGE_W / 2, y, line)
        y -= 27
    c.showPage()


def draw_placeholder(c: Canvas, title: str, reason: str, facts: Sequence[str]) -> None:
    """One page standing for a document that cannot be reproduced, saying why."""
    width = PAGE_W - 2 * MARGIN
    y = PAGE_H - MARGIN - 14
    y = _block(c, wrap(title, FONT_BOLD, 14, width), MARGIN, y, FONT_BOLD, 14) - 16
    y = _block(c, wrap(reason, FONT, 11, width), MARGIN, y, FONT, 11) - 12
    for fact in facts:
        y = _block(c, wrap(fact, FONT, 9, width), MARGIN, y, FONT, 9)
    c.showPage()


@dataclass(frozen=True)
class Typeset:
    pdf: bytes
    pages: int
    page_starts: tuple[int, ...]  # 0-based PDF page where each text page begins


def typeset(title: str, heading: Sequence[str], text_pages: Sequence[str]) -> Typeset:
    """Typeset a document from its text: a heading naming the document and where its text
    came from, then each text page from a new PDF page (so a citation of "p. 3" of the
    document has a bundle page of its own)."""
    buffer = io.BytesIO()
    c = canvas(buffer, title)
    width = PAGE_W - 2 * MARGIN
    top = PAGE_H - MARGIN
    starts: list[int] = []
    page = 0
    y = top
    y = _block(c, wrap(title, FONT_BOLD, 13, width), MARGIN, y - 13, FONT_BOLD, 13) - 4
    for line in heading:
        y = _block(c, wrap(line, FONT, 8.5, width), MARGIN, y, FONT, 8.5)
    c.setLineWidth(0.5)
    c.line(MARGIN, y + 4, PAGE_W - MARGIN, y + 4)
    y -= 14
    for index, text in enumerate(text_pages or ("",)):
        if index:
            c.showPage()
            page += 1
            y = top - TEXT_SIZE
        starts.append(page)
        text_obj = c.beginText(MARGIN, y)
        text_obj.setFont(FONT, TEXT_SIZE, LEADING)
        for line in wrap(text, FONT, TEXT_SIZE, width):
            if y < BOTTOM:
                c.drawText(text_obj)
                c.showPage()
                page += 1
                y = top - TEXT_SIZE
                text_obj = c.beginText(MARGIN, y)
                text_obj.setFont(FONT, TEXT_SIZE, LEADING)
            text_obj.textLine(line)
            y -= LEADING
        c.drawText(text_obj)
    c.showPage()
    c.save()
    return Typeset(buffer.getvalue(), page + 1, tuple(starts))


MAX_PICTURE_PIXELS = 60_000_000  # a 600 dpi A3 scan; more is not a picture of a page
MAX_FRAMES = 500


class UnshowablePicture(Exception):
    """A picture that cannot be placed on a page; the message says why, for the user."""


def picture_pages(path: Path, title: str, max_dpi: int) -> tuple[bytes, int]:
    """An original picture on pages of its own: each frame (a TIFF may hold many) on
    an A4 page turned its way, as large as the margins allow, no finer than `max_dpi`.
    Raises UnshowablePicture with a sentence when the picture is too large to show."""
    import warnings

    from PIL import Image, ImageSequence

    buffer = io.BytesIO()
    c = canvas(buffer, title)
    pages = 0
    too_large = UnshowablePicture(
        _("The picture is too large (in pixels) to place on a page, so it is not reproduced.")
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            picture = Image.open(path)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise too_large from exc
    with picture:
        if picture.width * picture.height > MAX_PICTURE_PIXELS:
            raise too_large
        for frame in ImageSequence.Iterator(picture):
            if pages >= MAX_FRAMES:
                break
            image = frame.convert("RGB") if frame.mode not in ("RGB", "L") else frame.copy()
            size = A4 if image.height >= image.width else (PAGE_H, PAGE_W)
            c.setPageSize(size)
            room_w, room_h = size[0] - 2 * 36, size[1] - 36 - BOTTOM
            scale = min(room_w / image.width, room_h / image.height)
            w, h = image.width * scale, image.height * scale
            most = (round(w / 72 * max_dpi), round(h / 72 * max_dpi))
            if image.width > most[0] * 1.02:
                image = image.resize(most)
            x, y = (size[0] - w) / 2, BOTTOM + (room_h - h) / 2
            c.drawImage(ImageReader(image), x, y, w, h)
            c.showPage()
            pages += 1
    c.save()
    return buffer.getvalue(), pages


def ocr_overlay(text: str, width: float, height: float) -> bytes:
    """One page of the given size holding `text` as invisible text (render mode 3), to
    lay over a scanned page: the page looks the same, and its words can be found and
    copied in any PDF reader."""
    buffer = io.BytesIO()
    register_fonts()
    c = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    size = 9.0
    t = c.beginText(18, height - 18 - size)
    t.setTextRenderMode(3)
    t.setFont(FONT, size, size * 1.2)
    for line in wrap(text, FONT, size, max(width - 36, 72)):
        t.textLine(line)
    c.drawText(t)
    c.showPage()
    c.save()
    return buffer.getvalue()
