"""Word boxes from a PDF's own text layer, for pages OCR never had to read, so that
search hits and mentions are drawn on the original page of any PDF, not only of scans.

pdfium (pypdfium2) gives the box of every character of the layer, in its own reading
of the text; the page text Casefile stores was extracted by pypdf, whose spacing and
line breaks differ. The two are aligned word by word (difflib on case-folded words), so
each stored word gets the box pdfium drew it in; a word pdfium reads differently gets
none. Nothing is stored: a page costs 5-30 ms, and only a page shown in the Original
view with something to highlight is asked for. The PDF is the one the viewer's QtPdf
(also pdfium) already opened and drew in this process, and its text was extracted
without incident; pdfium is not thread-safe, so calls are serialised.
"""

from __future__ import annotations

import re
import threading
from difflib import SequenceMatcher

from casefile.core.ocr.boxes import WordBoxes

SCALE = 10  # boxes in tenths of a PDF point
_WORD = re.compile(r"\w+")
_LOCK = threading.Lock()
_MAX_CHARS = 200_000  # a page with more characters than this is not worth aligning


def _layer_words(
    path: str, number: int
) -> tuple[float, float, list[tuple[str, tuple[float, ...]]]] | None:
    import pypdfium2 as pdfium

    with _LOCK:
        try:
            pdf = pdfium.PdfDocument(path)
        except pdfium.PdfiumError:
            return None  # locked or unreadable: no boxes, nothing else changes
        try:
            if not 1 <= number <= len(pdf):
                return None
            page = pdf[number - 1]
            if page.get_rotation() % 360:
                return None  # the boxes would need turning with the page: not drawn
            width, height = page.get_size()
            textpage = page.get_textpage()
            count = min(textpage.count_chars(), _MAX_CHARS)
            text = textpage.get_text_range(0, count)
            words: list[tuple[str, tuple[float, ...]]] = []
            for match in _WORD.finditer(text[:count]):
                x0 = y0 = float("inf")
                x1 = y1 = float("-inf")
                for i in range(match.start(), match.end()):
                    left, bottom, right, top = textpage.get_charbox(i)
                    if right > left and top > bottom:
                        x0, y0, x1, y1 = (
                            min(x0, left),
                            min(y0, bottom),
                            max(x1, right),
                            max(y1, top),
                        )
                if x1 > x0:
                    words.append((match.group().casefold(), (x0, y0, x1, y1)))
            return width, height, words
        finally:
            pdf.close()


def layer_boxes(path: str, number: int, page_text: str) -> WordBoxes | None:
    """Boxes of the words of `page_text` (page `number` as Casefile stored it) where
    the PDF's text layer draws them, in the layout of `boxes.WordBoxes`."""
    found = _layer_words(path, number)
    if found is None:
        return None
    width, height, theirs = found
    mine = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(page_text)]
    matcher = SequenceMatcher(None, [w for _, _, w in mine], [w for w, _ in theirs], autojunk=False)
    flat: list[int] = []
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            start, end, _ = mine[a + k]
            x0, bottom, x1, top = theirs[b + k][1]
            flat += [
                start,
                end,
                round(x0 * SCALE),
                round((height - top) * SCALE),  # PDF y runs up, image y down
                round(x1 * SCALE),
                round((height - bottom) * SCALE),
                100,
            ]
    if not flat:
        return None
    return WordBoxes(max(1, round(width * SCALE)), max(1, round(height * SCALE)), tuple(flat))
