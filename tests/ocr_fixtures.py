"""Scans the OCR tests make themselves: known Russian and English sentences drawn with
a real font (DejaVu Sans, fonts-dejavu-core) into a picture, a PNG, and an image-only
PDF (reportlab, the picture as the page's only content: no text layer). Small pages
keep the tests fast (OCR costs ~2 s for a full A4 page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LINES = (
    "Решение арбитражного суда",
    "о распознавании документов",
    "Sanctions against Helix Cloud",
    "were announced on Monday.",
)
DPI = 300


def font_available() -> bool:
    return FONT.is_file()


def ocr_available() -> bool:
    """The font, the engine and its Russian and English data. CI installs them all, so
    there the tests run (and fail loudly) instead of being skipped."""
    import os

    if os.environ.get("CI") == "true":
        return True
    from casefile.core.errors import CasefileError
    from casefile.core.services.ocr import check_ocr

    try:
        check_ocr()
    except CasefileError:
        return False
    return font_available()


def draw(lines: tuple[str, ...] = LINES, size: int = 40) -> Any:
    """A white picture with `lines` in black, ~12 pt at 300 dpi."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), size)
    image = Image.new("L", (1400, 90 * len(lines) + 60), 255)
    pen = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        pen.text((60, 40 + i * 90), line, font=font, fill=0)
    return image


def write_png(path: Path, lines: tuple[str, ...] = LINES) -> Path:
    draw(lines).save(path, dpi=(DPI, DPI))
    return path


def write_scan_pdf(path: Path, pages: int = 1, lines: tuple[str, ...] = LINES) -> Path:
    """An image-only PDF: each page is the picture and nothing else."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = draw(lines)
    width, height = image.width * 72 / DPI, image.height * 72 / DPI
    pdf = canvas.Canvas(str(path), pagesize=(width, height))
    for n in range(pages):
        page = draw((*lines[:-1], f"{lines[-1]} {n + 1}")) if pages > 1 else image
        pdf.drawImage(ImageReader(page), 0, 0, width, height)
        pdf.showPage()
    pdf.save()
    return path


def write_garbled_scan(path: Path, pages: int = 1) -> Path:
    """Pages whose text layer is Latin look-alikes of Cyrillic (a bad OCR layer from
    somewhere else), each over a picture of the real words."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = draw()
    width, height = image.width * 72 / DPI, image.height * 72 / DPI
    pdf = canvas.Canvas(str(path), pagesize=(width, height))
    for _ in range(pages):
        pdf.drawImage(ImageReader(image), 0, 0, width, height)
        text = pdf.beginText(4, 4)
        text.setFont("Helvetica", 1)
        for _ in range(8):
            text.textLine(
                "HoMep KoppeKn1pOBKH PeWeHNe ApбNTpaxHoro CyDa o PacnO3HaBaHNN DokyMeHTOB"
            )
        pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return path
