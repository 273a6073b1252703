"""Recognition of one page, in an extraction worker process (docs/architecture.md, OCR).

The task is a plain function of plain values (`recognise_page`), run by the services
in the same worker processes as extraction, with their time and memory limits: a page
that hangs the engine or blows its memory costs that page. The engine (tesserocr,
libtesseract with its LSTM models) is loaded once per worker and per language set and
reused for every page the worker gets.

The page text is laid out from the engine's own word iterator, so the offset of every
word in the text is known exactly and its box can be found from a search hit: words
joined by spaces, lines by a line break, paragraphs and blocks by a blank line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from casefile.core.ocr.raster import PageImage, Refused, page_image

ENGINE = "tesseract"
_api: Any = None
_api_key: tuple[str, str] | None = None


@dataclass(frozen=True)
class PageOcr:
    """What the engine made of one page: its text and, for each word, (start, end,
    x0, y0, x1, y1, confidence) flattened into `words` (pixels of a `width` × `height`
    image rendered at `dpi`). `error` is a sentence when the page was not recognised."""

    number: int
    text: str = ""
    confidence: float | None = None
    words: tuple[int, ...] = field(default=())
    width: int = 0
    height: int = 0
    dpi: int = 0
    engine_version: str = ""
    error: str | None = None


def _engine(tessdata: str, langs: str) -> Any:
    global _api, _api_key
    if _api is not None and _api_key == (tessdata, langs):
        return _api
    # One thread per worker: the workers are the parallelism (two on a 2-core laptop),
    # and OpenMP threads on top only fight them for the cores.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    from tesserocr import PSM, PyTessBaseAPI

    if _api is not None:
        _api.End()
    _api = PyTessBaseAPI(path=tessdata, lang=langs, psm=PSM.AUTO)
    _api_key = (tessdata, langs)
    return _api


def _layout(api: Any) -> tuple[str, list[int], float | None]:
    from tesserocr import RIL, iterate_level

    parts: list[str] = []
    words: list[int] = []
    at = 0
    weighted = 0.0
    letters = 0
    iterator = api.GetIterator()
    if iterator is None:
        return "", [], None
    for word in iterate_level(iterator, RIL.WORD):
        text = (word.GetUTF8Text(RIL.WORD) or "").strip()
        if not text:
            continue
        box = word.BoundingBox(RIL.WORD)
        if box is None:
            continue
        if parts:
            if word.IsAtBeginningOf(RIL.BLOCK) or word.IsAtBeginningOf(RIL.PARA):
                sep = "\n\n"
            elif word.IsAtBeginningOf(RIL.TEXTLINE):
                sep = "\n"
            else:
                sep = " "
            parts.append(sep)
            at += len(sep)
        conf = float(word.Confidence(RIL.WORD))
        parts.append(text)
        words += [at, at + len(text), *box, round(conf)]
        at += len(text)
        weighted += conf * len(text)
        letters += len(text)
    return "".join(parts), words, (weighted / letters if letters else None)


def recognise(image: PageImage, number: int, tessdata: str, langs: str) -> PageOcr:
    api = _engine(tessdata, langs)
    api.SetImage(image.image)
    api.SetSourceResolution(image.dpi)
    api.Recognize()
    text, words, confidence = _layout(api)
    api.Clear()
    return PageOcr(
        number,
        text,
        None if confidence is None else round(confidence, 1),
        tuple(words),
        image.image.width,
        image.image.height,
        image.dpi,
        str(api.Version()),
    )


def recognise_page(
    path: str, kind: str, number: int, tessdata: str, langs: str, password: str | None = None
) -> PageOcr:
    """Worker task: page `number` of the original at `path` (kind "pdf" or "image")."""
    try:
        image = page_image(path, kind, number, password)
    except Refused as refused:
        return PageOcr(number, error=str(refused))
    return recognise(image, number, tessdata, langs)
