"""Page numbers stamped on every page, where the reader sees them: bottom right.

A page is shown turned by its /Rotate and cut to its crop box, so "bottom right" is a
different corner of the page's own coordinates for each rotation; `display_matrix`
maps what the reader sees into those coordinates, and the stamp is drawn through it
(upright, never upside down). The stamp is a few PDF operators appended to the page's
content, wrapped so the document's own graphics state cannot leak into it, with a
standard font (digits and letters only): no content stream is parsed or rewritten, which
keeps a 1,000-page bundle at a second or so.

Images finer than the bundle's limit (300 dpi, the guidance's) are resampled here too,
and the invisible OCR text of a scanned page is laid over it.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
)
from reportlab.pdfbase.pdfmetrics import stringWidth

log = logging.getLogger(__name__)

STAMP_FONT = "/CasefileStamp"
STAMP_SIZE = 10.0
RIGHT, BOTTOM_GAP = 14.0, 10.0
# Images declaring more pixels than this are never decoded (a hostile file can declare
# gigapixels); 60 Mpx is a 600 dpi A3 scan.
MAX_DECODE_PIXELS = 60_000_000

Matrix = tuple[float, float, float, float, float, float]


def display_size(page: PageObject) -> tuple[float, float]:
    box = page.cropbox
    w, h = float(box.width), float(box.height)
    return (h, w) if rotation(page) in (90, 270) else (w, h)


def rotation(page: PageObject) -> int:
    try:
        return int(page.get("/Rotate", 0) or 0) % 360
    except (TypeError, ValueError):
        return 0


def display_matrix(page: PageObject) -> Matrix:
    """(a b c d e f) taking a point of the page as displayed (origin bottom left of what
    the reader sees) to the page's own coordinates."""
    box = page.cropbox
    x0, y0 = float(box.left), float(box.bottom)
    w, h = float(box.width), float(box.height)
    r = rotation(page)
    if r == 90:
        return (0, 1, -1, 0, x0 + w, y0)
    if r == 180:
        return (-1, 0, 0, -1, x0 + w, y0 + h)
    if r == 270:
        return (0, -1, 1, 0, x0, y0 + h)
    return (1, 0, 0, 1, x0, y0)


def to_page(m: Matrix, u: float, v: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return (a * u + c * v + e, b * u + d * v + f)


def top_left(page: PageObject) -> tuple[float, float]:
    """The page's top-left corner as displayed, in its own coordinates (for XYZ links)."""
    _w, h = display_size(page)
    return to_page(display_matrix(page), 0, h)


def _pdf_string(text: str) -> bytes:
    raw = text.encode("latin-1", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


class Stamper:
    """Stamps the pages of one writer; shares one font and one opening `q` among them."""

    def __init__(self, writer: PdfWriter) -> None:
        self.writer = writer
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica-Bold"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
        self.font = writer._add_object(font)
        opening = StreamObject()
        opening.set_data(b"q\n")
        self.opening = writer._add_object(opening)

    def stamp(self, page: PageObject, label: str) -> None:
        w, _h = display_size(page)
        m = display_matrix(page)
        tw = stringWidth(label, "Helvetica-Bold", STAMP_SIZE)
        x1 = w - RIGHT
        x0 = x1 - tw - 8
        y0 = BOTTOM_GAP
        ops = (
            (
                "\nQ\nq {:.4f} {:.4f} {:.4f} {:.4f} {:.4f} {:.4f} cm\n".format(*m)
                + f"1 g 0 G 0.5 w {x0:.2f} {y0:.2f} {tw + 8:.2f} {STAMP_SIZE + 6:.2f} re B\n"
                + f"0 g BT {STAMP_FONT} {STAMP_SIZE} Tf {x0 + 4:.2f} {y0 + 4.5:.2f} Td "
            ).encode()
            + _pdf_string(label)
            + b" Tj ET\nQ\n"
        )
        stream = StreamObject()
        stream.set_data(ops)
        self._add_font(page)
        contents: Any = page.get("/Contents")
        parts: list[Any] = [self.opening]
        resolved = contents.get_object() if isinstance(contents, IndirectObject) else contents
        if isinstance(resolved, ArrayObject):
            parts.extend(resolved)
        elif contents is not None:
            parts.append(contents)
        parts.append(self.writer._add_object(stream))
        page[NameObject("/Contents")] = ArrayObject(parts)

    def _add_font(self, page: PageObject) -> None:
        found: Any = page.get("/Resources")
        if found is None:
            found = DictionaryObject()
            page[NameObject("/Resources")] = found
        resources: Any = found.get_object()
        fonts: Any = resources.get("/Font")
        if fonts is None:
            fonts = DictionaryObject()
            resources[NameObject("/Font")] = fonts
        fonts.get_object()[NameObject(STAMP_FONT)] = self.font


def lay_ocr_text(page: PageObject, overlay_pdf: bytes) -> None:
    """Lay an invisible-text page (drawn the size the page is displayed) over `page`."""
    overlay = PdfReader(io.BytesIO(overlay_pdf)).pages[0]
    page.merge_transformed_page(overlay, Transformation(display_matrix(page)))


def cap_images(page: PageObject, max_dpi: int) -> int:
    """Resample images with more pixels than a `max_dpi` scan of the whole page would
    have (so they are finer than `max_dpi` wherever they sit on it). Masked, non-8-bit
    and implausibly large images are left as they are. Answers how many were resampled."""
    w, h = display_size(page)
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is None:
        return 0
    changed = 0
    for name, ref in list(xobjects.get_object().items()):
        try:
            x = ref.get_object()
            if x.get("/Subtype") != "/Image" or any(
                k in x for k in ("/SMask", "/Mask", "/ImageMask", "/Decode")
            ):
                continue
            pw, ph = int(x.get("/Width", 0)), int(x.get("/Height", 0))
            if pw <= 0 or ph <= 0 or pw * ph > MAX_DECODE_PIXELS:
                continue
            # Points per pixel were the image as large as the page allows (either way
            # round): its resolution can be no coarser than this anywhere on the page.
            fit = max(min(w / pw, h / ph), min(h / pw, w / ph))
            dpi = 72.0 / fit
            if dpi <= max_dpi * 1.02:
                continue
            if int(x.get("/BitsPerComponent", 8)) != 8:
                continue
            image = page.images[name]
            pil = image.image
            if pil is None:
                continue
            scale = max_dpi / dpi
            size = (max(1, round(pw * scale)), max(1, round(ph * scale)))
            image.replace(pil.resize(size), quality=85)
            changed += 1
        except Exception as exc:  # a damaged image stays as the document has it
            log.info("image %s left as it is: %s", name, exc)
    return changed
