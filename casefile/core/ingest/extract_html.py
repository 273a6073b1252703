"""Web pages saved to disk: the visible text, in the charset the page really uses.

The charset comes, as a browser would take it, from a byte-order mark, then a
`<meta charset>` or `http-equiv` declaration, then detection (old court and parliament
pages often declare nothing, or declare ISO-8859-1 and use Windows-1252 quotes: the
WHATWG rule maps that label to windows-1252). Script, style and form state
(`__VIEWSTATE` lives in hidden inputs) are not text. lxml parses with network access
off, and nothing here follows a link, so a saved page never phones home.
"""

from __future__ import annotations

import os
import re

import html_text
import lxml.html
from lxml import etree

from casefile.core.i18n import N_
from casefile.core.ingest.charset import bom_encoding, decode_bytes, utf16_without_bom
from casefile.core.ingest.extract_text import normalise_newlines
from casefile.core.ingest.html_flat import flat_html_text
from casefile.core.ingest.types import Extraction, FileType, Status

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)
# WHATWG Encoding Standard: these labels mean windows-1252 in every browser.
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}
_INVISIBLE = ("script", "style", "noscript", "template", "head")


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    label = match.group(1).decode("ascii", "ignore").lower()
    if label in _WINDOWS_1252_LABELS:
        return "windows-1252"
    if label.startswith("utf-16") or label.startswith("utf-32"):
        return None  # a meta tag readable as ASCII cannot be UTF-16: the page lies
    return label


def decode_html(data: bytes) -> tuple[str, str]:
    if bom_encoding(data) or utf16_without_bom(data):
        return decode_bytes(data)
    return decode_bytes(data, declared=declared_charset(data))


DEEP_NOTE = N_(
    "The page nests its elements {depth:,} levels deep (a sign of a generated or hostile "
    "file); all its visible text was read, without its finer layout."
)


DEEP_EMPTY = N_(
    "The page nests its elements {depth} levels deep (a sign of a generated or hostile "
    "file) and holds no visible text at any depth."
)


def depth_of(note: str) -> str:
    return note.split(" levels deep", 1)[0].rsplit(" ", 1)[-1]


def html_to_text(markup: str) -> tuple[str, str | None]:
    """(visible text, <title>) of an HTML string; used for HTML e-mail bodies too."""
    text, title, _note = html_text_and_note(markup)
    return text, title


def html_text_and_note(markup: str) -> tuple[str, str | None, str | None]:
    """(visible text, <title>, a note for the user when the page was too deep for a tree)."""
    markup = markup.replace("\x00", "")
    if not markup.strip():
        return "", None, None
    # Bytes with an explicit encoding: given a str, libxml2 may obey a <meta charset>
    # inside it and decode the text a second time (mojibake).
    parser = lxml.html.HTMLParser(
        recover=True, no_network=True, remove_comments=True, encoding="utf-8"
    )
    try:
        root = lxml.html.document_fromstring(
            markup.encode("utf-8", errors="surrogatepass"), parser=parser
        )
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return markup, None, None
    if any("Excessive depth" in e.message for e in parser.error_log):
        # libxml2 dropped everything below depth 256: read the page without a tree.
        text, title, depth = flat_html_text(markup)
        return normalise_newlines(text), title, DEEP_NOTE.format(depth=depth)
    title_el = root.find(".//title")
    title = " ".join(title_el.text_content().split()) if title_el is not None else None
    for el in list(root.iter(*_INVISIBLE, "input", "select", "textarea", "button")):
        if el.getparent() is not None:  # (dropping while iterating would skip elements)
            el.drop_tree()
    text = html_text.etree_to_text(root)
    return normalise_newlines(text), title or None, None


def extract_html(path: str | os.PathLike[str]) -> Extraction:
    with open(path, "rb") as fh:
        data = fh.read()
    markup, encoding = decode_html(data)
    text, title, note = html_text_and_note(markup)
    ex = Extraction(
        file_type=FileType.HTML,
        status=Status.OK,
        pages=[text],
        title=title,
        encoding=encoding,
    )
    if note:
        ex.metadata["note"] = note
        if not text.strip():
            ex.status, ex.reason = Status.EMPTY, DEEP_EMPTY.format(depth=depth_of(note))
    return ex
