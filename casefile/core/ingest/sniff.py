"""What a file really is, judged from its bytes.

Extensions lie: corpus files include a ".pdf" that is nine bytes of text, a ".docx"
that is plain text, e-mails saved as ".txt" and HTML in UTF-16 without a BOM. And the
importer hands us stored originals whose names have no extension at all. So the bytes
decide; the extension (when there is a name) only breaks ties, and `extension_note`
tells the user when the name and the content disagree.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

from casefile.core.i18n import N_
from casefile.core.ingest.charset import decode_bytes, looks_binary
from casefile.core.ingest.types import FileType

HEAD_BYTES = 64 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
OFFICE_DOCUMENT_REL = re.compile(rb"relationships/officeDocument\b")

_EXTENSIONS: dict[str, FileType] = {
    ".pdf": FileType.PDF,
    ".docx": FileType.DOCX,
    ".docm": FileType.DOCX,
    ".txt": FileType.TEXT,
    ".csv": FileType.TEXT,
    ".tsv": FileType.TEXT,
    ".md": FileType.TEXT,
    ".markdown": FileType.TEXT,
    ".text": FileType.TEXT,
    ".log": FileType.TEXT,
    ".html": FileType.HTML,
    ".htm": FileType.HTML,
    ".xhtml": FileType.HTML,
    ".eml": FileType.EMAIL,
    ".mht": FileType.EMAIL,
    ".msg": FileType.MSG,
    ".png": FileType.IMAGE,
    ".jpg": FileType.IMAGE,
    ".jpeg": FileType.IMAGE,
    ".tif": FileType.IMAGE,
    ".tiff": FileType.IMAGE,
}
# Pictures whose text OCR can read (core/ocr): PNG, JPEG, TIFF (both byte orders).
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
# Tags that open an HTML document (after whitespace and comments), per the WHATWG
# MIME-sniffing standard, plus a few that old court/parliament pages start with.
_HTML_START = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|script|iframe|h1|"
    r"div|font|table|a|style|title|b|br|p|center|meta|link|form)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(r"<html[\s>]|<body[\s>]|<head[\s>]|</html>", re.IGNORECASE)
_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,60}:")
_KNOWN_HEADERS = {
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "received",
    "return-path",
    "mime-version",
    "message-id",
    "delivered-to",
    "content-type",
    "reply-to",
    "sender",
    "x-mailer",
    "authentication-results",
    "dkim-signature",
    "in-reply-to",
    "references",
}


def extension_type(name: str | os.PathLike[str] | None) -> FileType | None:
    if not name:
        return None
    # os.path.splitext gives Path.suffix's answer without building a Path (three a file).
    suffix = os.path.splitext(os.path.basename(os.fspath(name)))[1]
    return _EXTENSIONS.get(suffix.lower())


def sniff(path: str | os.PathLike[str], name: str | None = None) -> FileType:
    """The file's type from its content; `name` (the user's file name, when `path` is a
    stored original without one) only breaks ties."""
    return sniff_whole(path, name)[0]


def sniff_whole(
    path: str | os.PathLike[str], name: str | None = None
) -> tuple[FileType, tuple[str, str] | None]:
    """`sniff`, and the decoded text with its encoding when the bytes read to judge it
    were the whole file (a note shorter than HEAD_BYTES): decoding that text again to
    extract it was a tenth of a short note's extraction."""
    with open(path, "rb") as fh:
        head = fh.read(HEAD_BYTES)
    hint = extension_type(name or path)
    if not head:
        return hint or FileType.UNKNOWN, None
    if b"%PDF-" in head[:1024]:
        return FileType.PDF, None
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(path, hint), None
    if head.startswith(IMAGE_MAGIC):
        return FileType.IMAGE, None
    if head.startswith(OLE_MAGIC):
        return (FileType.MSG if _is_outlook_message(path) else FileType.UNKNOWN), None
    decoded = decode_bytes(head)
    if looks_binary(decoded[0][:8192]):
        return FileType.UNKNOWN, None
    return sniff_text(decoded[0], hint), (decoded if len(head) < HEAD_BYTES else None)


def sniff_text(text: str, hint: FileType | None = None) -> FileType:
    """EMAIL, HTML or TEXT for content that decoded as text."""
    text = text.lstrip("\ufeff")
    if looks_like_email(text):
        return FileType.EMAIL
    if _HTML_START.match(text) or (hint == FileType.HTML and "<" in text):
        return FileType.HTML
    if _HTML_ANYWHERE.search(text[:4096]) and text.lstrip().startswith("<"):
        return FileType.HTML
    return FileType.TEXT


def looks_like_email(text: str) -> bool:
    """RFC 822 headers at the very start: at least three header lines (two of them
    ones every mail has), before the first blank line. An mbox "From " line may lead."""
    lines = text[:16384].splitlines()
    if lines and lines[0].startswith("From "):
        lines = lines[1:]
    headers = 0
    known: set[str] = set()
    for line in lines[:200]:
        if not line.strip():
            break
        if line[0] in " \t":  # folded continuation of the previous header
            if not headers:
                return False
            continue
        if not _HEADER_LINE.match(line):
            return False
        headers += 1
        known.add(line.split(":", 1)[0].lower())
    return headers >= 3 and len(known & _KNOWN_HEADERS) >= 2


def _sniff_zip(path: str | os.PathLike[str], hint: FileType | None) -> FileType:
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            if any(n.startswith("word/") for n in names):
                return FileType.DOCX
            if "_rels/.rels" in names:
                info = zf.getinfo("_rels/.rels")
                if info.file_size < 1_000_000 and OFFICE_DOCUMENT_REL.search(
                    zf.read("_rels/.rels")
                ):
                    ctypes = (
                        zf.read("[Content_Types].xml")
                        if "[Content_Types].xml" in names
                        and zf.getinfo("[Content_Types].xml").file_size < 1_000_000
                        else b""
                    )
                    if b"wordprocessingml" in ctypes or hint == FileType.DOCX:
                        return FileType.DOCX
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        # A damaged package: if the name says Word, let the DOCX reader explain.
        return FileType.DOCX if hint == FileType.DOCX else FileType.UNKNOWN
    return FileType.UNKNOWN


def _is_outlook_message(path: str | os.PathLike[str]) -> bool:
    """An OLE compound file is an Outlook message when it has the MAPI property streams."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            return any(
                entry[0].startswith("__substg1.0_") or entry[0] == "__properties_version1.0"
                for entry in ole.listdir(streams=True, storages=False)
            )
    except Exception:  # any parse failure of a hostile OLE file: not a message we can read
        return False


def extension_note(actual: FileType, name: str | os.PathLike[str] | None) -> str | None:
    """A sentence for the user when the file name promises another format."""
    claimed = extension_type(name)
    if claimed is None or claimed == actual:
        return None
    suffix = Path(name or "").suffix
    # Recorded in English (a note in the case); translate_recorded translates the
    # sentence and, inside it, the kind of file.
    described = {
        FileType.PDF: N_("a PDF"),
        FileType.DOCX: N_("a Word document"),
        FileType.TEXT: N_("plain text"),
        FileType.HTML: N_("a web page (HTML)"),
        FileType.EMAIL: N_("an e-mail"),
        FileType.MSG: N_("an Outlook message"),
        FileType.IMAGE: N_("a picture"),
        FileType.UNKNOWN: N_("a format Casefile does not recognise"),
    }
    values = {"suffix": suffix, "kind": described[actual]}
    if claimed == FileType.TEXT and actual in (FileType.EMAIL, FileType.HTML):
        return N_("The file is named “%(suffix)s” but contains %(kind)s; read as such.") % values
    return (
        N_(
            "The file name ends in “%(suffix)s”, but the file is really %(kind)s; it was "
            "read by its content."
        )
        % values
    )
