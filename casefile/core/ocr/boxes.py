"""Word boxes: where each word of a page's text sits on the page image.

Stored compactly, one JSON array per page (`page_ocr.boxes`): the image size, then
seven integers per word: its start and end offset in the page text (code points), its
box in image pixels (x0, y0, x1, y1) and the engine's confidence. ~12 KB for a full
page of 400 words. `regions` turns spans of the page text (search hits, entity
mentions, a citation's quote) into rectangles in page fractions (0..1), so a face can
draw them over the page at whatever size it shows it.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

STRIDE = 7
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 as fractions of the page


@dataclass(frozen=True)
class WordBoxes:
    width: int
    height: int
    words: tuple[int, ...]  # STRIDE integers per word, in text order

    def __len__(self) -> int:
        return len(self.words) // STRIDE


def encode(width: int, height: int, words: Sequence[int]) -> str:
    return json.dumps([width, height, *words], separators=(",", ":"))


def decode(data: str | None) -> WordBoxes | None:
    if not data:
        return None
    try:
        values = json.loads(data)
        width, height, *words = (int(v) for v in values)
    except (ValueError, TypeError):
        return None
    if width <= 0 or height <= 0 or len(words) % STRIDE:
        return None
    return WordBoxes(width, height, tuple(words))


def regions(boxes: WordBoxes, spans: Iterable[tuple[int, int]]) -> list[list[Rect]]:
    """For each span of the page text, the boxes of the words it touches (one rectangle
    per word, in page fractions); a span between words gets none."""
    w = boxes.words
    starts = [w[i] for i in range(0, len(w), STRIDE)]
    found: list[list[Rect]] = []
    for start, end in spans:
        rects: list[Rect] = []
        i = max(bisect_right(starts, start) - 1, 0)
        while i < len(starts) and starts[i] < end:
            k = i * STRIDE
            if w[k + 1] > start:
                rects.append(
                    (
                        w[k + 2] / boxes.width,
                        w[k + 3] / boxes.height,
                        w[k + 4] / boxes.width,
                        w[k + 5] / boxes.height,
                    )
                )
            i += 1
        found.append(rects)
    return found
