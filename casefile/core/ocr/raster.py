"""Page images for OCR, made in the worker process, never beyond a pixel budget.

A PDF page is rendered with pdfium (pypdfium2) at the resolution OCR wants (300 dpi),
lowered per page so that the image stays within `PIXEL_BUDGET` (an A4 page at 300 dpi
is 8.7 megapixels; an A0 poster is rendered at ~90 dpi, where its large type is still
readable). Before anything is decoded, the pictures a page *declares* are added up:
a hostile file can declare a 100,000 × 100,000 bitmap in a few bytes
(`pdf-hostile/bomb_giant.pdf` declares 1.16 GB per picture), and a decoder that
believes it allocates the lot. Such a page is refused with a sentence instead.
Pictures (PNG, JPEG, TIFF) get the same two limits.
"""

from __future__ import annotations

import math
import os
import struct
from dataclasses import dataclass
from typing import Any

from casefile.core.i18n import N_

TARGET_DPI = 300
PIXEL_BUDGET = 12_000_000  # pixels of one page image handed to the engine
DECLARED_BUDGET = 250_000_000  # pixels a page's pictures may declare (1200 dpi A4: 140 M)
_MAX_DEPTH = 4


class Refused(Exception):
    """A page that will not be rasterised; the message is the sentence for the user."""


@dataclass
class PageImage:
    image: Any  # a PIL image in mode "L"
    dpi: int


def choose_dpi(width_pt: float, height_pt: float, budget: int = PIXEL_BUDGET) -> int:
    """The resolution for a page of this size (PDF points): TARGET_DPI, or less so that
    the image stays within `budget` pixels."""
    area = max(width_pt, 1.0) / 72 * max(height_pt, 1.0) / 72  # square inches
    return max(1, min(TARGET_DPI, int(math.sqrt(budget / area))))


def _too_big(number: int, pixels: int) -> Refused:
    # Refusals are recorded (a page's OCR error, a document's status reason): English,
    # shown through translate_recorded (docs/architecture.md, "Languages").
    return Refused(
        N_(
            "Page %(page)d declares pictures of %(megapixels)s megapixels, far more than any "
            "scan; it was not rasterised, so that a hostile file cannot exhaust the memory. "
            "The original is kept."
        )
        % {"page": number, "megapixels": f"{pixels / 1e6:,.0f}"}
    )


# -- what a PDF page declares ------------------------------------------------------------
def _jbig2_pixels(data: bytes) -> int:
    """Pixels declared by the page-information segment of an embedded JBIG2 stream
    (segment type 48: width and height are the first 8 bytes of its data)."""
    at = 0
    for _ in range(64):  # the page information comes first; never walk far
        if len(data) < at + 11:
            return 0
        flags = data[at + 4]
        refs = data[at + 5] >> 5
        if refs > 4:
            return 0  # the long form: not a page header we need to read
        seg_number = struct.unpack(">I", data[at : at + 4])[0]
        ref_size = 1 if seg_number <= 256 else 2 if seg_number <= 65536 else 4
        head = at + 6 + refs * ref_size
        page_size = 4 if flags & 0x40 else 1
        length_at = head + page_size
        if len(data) < length_at + 4:
            return 0
        length = struct.unpack(">I", data[length_at : length_at + 4])[0]
        body = length_at + 4
        if flags & 0x3F == 48 and len(data) >= body + 8:
            width, height = struct.unpack(">II", data[body : body + 8])
            return int(width) * (int(height) if height != 0xFFFFFFFF else int(width))
        if length == 0xFFFFFFFF:
            return 0
        at = body + length
    return 0


def _stream_pixels(obj: Any) -> int:
    from pypdf.generic import ArrayObject, DictionaryObject

    if not isinstance(obj, DictionaryObject):
        return 0
    pixels = 0
    if obj.get("/Subtype") == "/Image":
        try:
            pixels = int(obj.get("/Width", 0)) * int(obj.get("/Height", 0))
        except (TypeError, ValueError):
            pixels = 0
    filters = obj.get("/Filter")
    names = list(filters) if isinstance(filters, ArrayObject) else [filters]
    if "/JBIG2Decode" in names:
        raw = getattr(obj, "_data", b"")
        if isinstance(raw, bytes):
            pixels = max(pixels, _jbig2_pixels(raw[:4096]))
    return pixels


def _resource_pixels(resources: Any, depth: int = 0) -> int:
    from pypdf.generic import DictionaryObject

    if depth > _MAX_DEPTH or not isinstance(resources, DictionaryObject):
        return 0
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else None
    if not isinstance(xobjects, DictionaryObject):
        return 0
    total = 0
    for ref in xobjects.values():
        obj = ref.get_object()
        total += _stream_pixels(obj)
        if isinstance(obj, DictionaryObject) and obj.get("/Subtype") == "/Form":
            inner = obj.get("/Resources")
            total += _resource_pixels(inner.get_object() if inner is not None else None, depth + 1)
    return total


def declared_pixels(path: str, number: int, password: str | None = None) -> int:
    """The pixels the pictures of page `number` (1-based) declare, read from the PDF's
    dictionaries and stream headers without decoding any picture."""
    import warnings

    from pypdf import PdfReader

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            reader.decrypt(password or "")
        page = reader.pages[number - 1]
        resources = page.get("/Resources")
        total = _resource_pixels(resources.get_object() if resources is not None else None)
        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        streams = list(contents) if isinstance(contents, list) else [contents]
        for ref in streams:
            if ref is not None:
                total += _stream_pixels(ref.get_object())
    return total


# -- rendering ---------------------------------------------------------------------------
def render_pdf_page(path: str, number: int, password: str | None = None) -> PageImage:
    """Page `number` (1-based) as a grey image within the budgets, or Refused."""
    import pypdfium2 as pdfium

    try:
        declared = declared_pixels(path, number, password)
    except Exception:
        declared = 0  # pypdf cannot read the structure; pdfium may: its budget still holds
    if declared > DECLARED_BUDGET:
        raise _too_big(number, declared)
    try:
        pdf = pdfium.PdfDocument(path, password=password)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise Refused(
                N_(
                    "This PDF is protected by a password, so its pages cannot be recognised; "
                    "unlock it first."
                )
            ) from exc
        raise Refused(N_("This PDF is damaged: its pages could not be rendered for OCR.")) from exc
    try:
        if not 1 <= number <= len(pdf):
            raise Refused(N_("This PDF has no page %(page)d.") % {"page": number})
        page = pdf[number - 1]
        width, height = page.get_size()
        dpi = choose_dpi(width, height)
        bitmap = page.render(scale=dpi / 72, grayscale=True, draw_annots=True)
        image = bitmap.to_pil().convert("L")
        page.close()
        return PageImage(image, dpi)
    finally:
        pdf.close()


def _flatten(image: Any) -> Any:
    """Grey, with transparency over white (a transparent PNG is not black text)."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        white.alpha_composite(rgba)
        return white.convert("L")
    return image.convert("L")


def render_picture(path: str, number: int) -> PageImage:
    """Frame `number` (1-based: TIFF files have several) of a picture file."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = DECLARED_BUDGET  # Pillow's own bomb check, at our budget
    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > DECLARED_BUDGET:
                raise _too_big(number, width * height)
            if number > 1:
                image.seek(number - 1)
            dpi_info = image.info.get("dpi") or (0, 0)
            dpi = round(float(dpi_info[0])) if dpi_info and dpi_info[0] else TARGET_DPI
            scale = min(1.0, math.sqrt(PIXEL_BUDGET / max(width * height, 1)))
            if scale < 1.0 and image.format == "JPEG":
                image.draft("L", (int(width * scale), int(height * scale)))
            grey = _flatten(image)
    except Refused:
        raise
    except (OSError, ValueError, EOFError, Image.DecompressionBombError) as exc:
        raise Refused(
            N_("This picture is damaged or in a form that cannot be read for OCR.")
        ) from exc
    if grey.width * grey.height > PIXEL_BUDGET:
        scale = math.sqrt(PIXEL_BUDGET / (grey.width * grey.height))
        dpi = max(1, int(dpi * scale))
        grey = grey.resize((max(1, int(grey.width * scale)), max(1, int(grey.height * scale))))
    return PageImage(grey, max(dpi, 70))


def page_image(path: str, kind: str, number: int, password: str | None = None) -> PageImage:
    if kind == "pdf":
        return render_pdf_page(os.fspath(path), number, password)
    return render_picture(os.fspath(path), number)
