"""Plain text, CSV and Markdown: decode the bytes and keep every character.

There is nothing to parse: the whole file is one page. The work is the charset (see
`charset.decode_bytes`, re-exported here for the other extractors): a wrongly decoded
Russian file looks fine to a program and is unsearchable to the user.
"""

from __future__ import annotations

import os

from casefile.core.ingest.charset import decode_bytes
from casefile.core.ingest.types import Extraction, FileType, Status

__all__ = ["decode_bytes", "extract_text", "normalise_newlines"]


def normalise_newlines(text: str) -> str:
    """One newline convention, and no NULs (SQLite and Whoosh both dislike them)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def extract_text(path: str | os.PathLike[str]) -> Extraction:
    with open(path, "rb") as fh:
        data = fh.read()
    text, encoding = decode_bytes(data)
    return Extraction(
        file_type=FileType.TEXT,
        status=Status.OK,
        pages=[normalise_newlines(text)],
        encoding=encoding,
    )
