"""Pages of a sensible size, and page text that never has to sit in memory at once.

Two problems share one answer. A text, web page, e-mail or Word document has no pages
of its own, so a 1.6 MB novel used to be one page: the viewer and a citation could not
point inside it. And a 200 MB single-line text file used to travel as one string from
the worker into the importer and the index writer, which peaked at 3.7 GB.

So such documents are cut into pages of about `TARGET_CHARS` characters at a paragraph
break, else a line break, else a space (a hard cut only inside a run of 5,000
characters with no space at all). And when the pages of one file add up to more than
`SPOOL_CHARS`, the worker writes them to a spool file in the case folder and returns
only its name: the importer then streams them into the database a few hundred at a
time, and the index writer reads them back from there in chunks as well (see
docs/architecture.md, ingest). A spool file is named `.incoming-*` inside
`originals/`, so one left behind by a crash is removed like any interrupted copy.
"""

from __future__ import annotations

import os
import struct
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from casefile.core.ingest.types import Extraction, FileType

TARGET_CHARS = 4000  # a page is cut at the last good break before this…
MAX_CHARS = 5000  # …and never runs past this
MIN_CHARS = 3000  # a paragraph break earlier than this is too early to cut at
SPOOL_CHARS = 1_000_000  # pages beyond this many characters travel through a file
INSERT_CHUNK = 256  # pages per database insert / index read when streaming
UNPAGED = {FileType.TEXT, FileType.HTML, FileType.EMAIL, FileType.MSG, FileType.DOCX}
_LENGTH = struct.Struct("<Q")


def _cut(text: str) -> int:
    """Where to end a page taken from the start of `text` (len(text) > MAX_CHARS)."""
    for sep in ("\n\n", "\n", " "):
        at = text.rfind(sep, MIN_CHARS, TARGET_CHARS + len(sep))
        if at < 0 and sep != " ":
            at = text.rfind(sep, MIN_CHARS, MAX_CHARS)
        if at >= 0:
            return at + len(sep)
    at = text.rfind(" ", 0, MAX_CHARS)
    return at + 1 if at > 0 else TARGET_CHARS


def split_pages(chunks: Iterable[str]) -> Iterator[str]:
    """Pages of about TARGET_CHARS from text that arrives in pieces of any size."""
    rest = ""
    given = False
    for chunk in chunks:
        rest += chunk
        start = 0
        while len(rest) - start > MAX_CHARS:
            view = rest[start : start + MAX_CHARS + 1]
            end = _cut(view)
            yield view[:end]
            given = True
            start += end
        rest = rest[start:]
    if rest or not given:
        yield rest


def repage(ex: Extraction) -> Extraction:
    """Cut a document without pages of its own into pages of a sensible size."""
    if ex.file_type in UNPAGED and any(len(p) > MAX_CHARS for p in ex.pages):
        ex.pages = [p for p in split_pages(ex.pages) if p] or [""]
    return ex


# -- the spool -------------------------------------------------------------------------
def spool_pages(ex: Extraction, folder: str) -> Extraction:
    """Move the pages of a long extraction into a spool file in `folder` (worker side)."""
    if sum(len(p) for p in ex.pages) <= SPOOL_CHARS:
        return ex
    path = os.path.join(folder, f".incoming-pages-{uuid.uuid4().hex}")
    with open(path, "wb") as fh:
        for page in ex.pages:
            data = page.encode("utf-8", errors="surrogatepass")
            fh.write(_LENGTH.pack(len(data)))
            fh.write(data)
    ex.spool_count = len(ex.pages)
    ex.spool = path
    ex.pages = []
    return ex


ATTACHMENT_SPOOL_BYTES = 1024 * 1024


def spool_attachments(ex: Extraction, folder: str) -> Extraction:
    """Large attachments travel as files too (a 256 MB attachment was pickled whole)."""
    from dataclasses import replace

    moved = []
    for att in ex.attachments:
        if len(att.data) > ATTACHMENT_SPOOL_BYTES:
            path = os.path.join(folder, f".incoming-attachment-{uuid.uuid4().hex}")
            with open(path, "wb") as fh:
                fh.write(att.data)
            att = replace(att, data=b"", spool=path)
        moved.append(att)
    ex.attachments = moved
    return ex


def spool(ex: Extraction, folder: str | None) -> Extraction:
    """Worker side: what is large leaves through files in `folder` (when given)."""
    if folder:
        spool_pages(ex, folder)
        spool_attachments(ex, folder)
    return ex


def iter_spool(path: str | os.PathLike[str]) -> Iterator[str]:
    with open(path, "rb") as fh:
        while header := fh.read(_LENGTH.size):
            (size,) = _LENGTH.unpack(header)
            yield fh.read(size).decode("utf-8", errors="replace")


def page_chunks(ex: Extraction, size: int = INSERT_CHUNK) -> Iterator[list[tuple[int, str]]]:
    """(number, text) of every page, a bounded list at a time (memory stays flat)."""
    pages: Iterable[str] = iter_spool(ex.spool) if ex.spool else ex.pages
    chunk: list[tuple[int, str]] = []
    for number, text in enumerate(pages, start=1):
        chunk.append((number, text))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def discard_spool(ex: Extraction) -> None:
    """Remove the spool files of an extraction once its pages are written."""
    if ex.spool:
        Path(ex.spool).unlink(missing_ok=True)
    for att in ex.attachments:
        if att.spool:
            Path(att.spool).unlink(missing_ok=True)
