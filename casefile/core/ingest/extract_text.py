"""Plain text, CSV and Markdown: decode the bytes and keep every character.

There is nothing to parse; the text is cut into pages of a sensible size (paging.py), a
long file a megabyte at a time. The work is the charset (see
`charset.decode_bytes`, re-exported here for the other extractors): a wrongly decoded
Russian file looks fine to a program and is unsearchable to the user.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator

from casefile.core.ingest.charset import bom_encoding, decode_bytes
from casefile.core.ingest.paging import split_pages
from casefile.core.ingest.types import Extraction, FileType, Status

__all__ = ["decode_bytes", "extract_text", "normalise_newlines", "text_extraction"]


def normalise_newlines(text: str) -> str:
    """One newline convention, and no NULs (SQLite and Whoosh both dislike them)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


STREAM_BYTES = 8 * 1024 * 1024  # larger files are decoded a chunk at a time
CHUNK_BYTES = 1024 * 1024


def extract_text(path: str | os.PathLike[str]) -> Extraction:
    if os.path.getsize(path) > STREAM_BYTES:
        return _extract_long_text(path)
    with open(path, "rb") as fh:
        data = fh.read()
    return text_extraction(*decode_bytes(data))


def text_extraction(text: str, encoding: str) -> Extraction:
    """The extraction of a short text file, once its bytes are decoded."""
    return Extraction(
        file_type=FileType.TEXT,
        status=Status.OK,
        pages=[normalise_newlines(text)],
        encoding=encoding,
    )


def _extract_long_text(path: str | os.PathLike[str]) -> Extraction:
    """A long text, decoded and cut into pages a megabyte at a time: the file is never
    one string (a 200 MB single line would be several copies of it). The charset is
    judged on the first megabyte; bytes it cannot explain later become U+FFFD."""
    with open(path, "rb") as fh:
        head = fh.read(CHUNK_BYTES)
        _text, encoding = decode_bytes(head)
        bom = bom_encoding(head)
        codec = bom[0] if bom else encoding
        try:
            decoder = codecs.getincrementaldecoder(codecs.lookup(codec).name)(errors="replace")
        except LookupError:
            decoder = codecs.getincrementaldecoder("cp1252")(errors="replace")

        def pieces() -> Iterator[str]:
            data = head[bom[1] :] if bom else head
            carry = ""
            while data:
                text = carry + decoder.decode(data)
                carry = "\r" if text.endswith("\r") else ""  # a CRLF cut in two
                yield normalise_newlines(text[:-1] if carry else text)
                data = fh.read(CHUNK_BYTES)
            yield normalise_newlines(carry + decoder.decode(b"", final=True))

        pages = [p for p in split_pages(pieces()) if p] or [""]
    return Extraction(file_type=FileType.TEXT, status=Status.OK, pages=pages, encoding=encoding)
