"""PDF: the text layer of each page, never a rendering of it.

pypdf reads text from content streams; it never runs JavaScript (f1040nr.pdf,
issue15590.pdf) and we never rasterise. The one trap is images: to *parse* a content
stream pypdf may decode inline images, and a JBIG2 "bomb" (bomb_giant.pdf declares
~1.16 GB per image) would be handed to the jbig2dec program if it is installed. Image
pixels never carry text, so JBIG2 decoding is replaced by "no data" for the whole
worker. pypdf's logging goes to its own logger and is silenced here: damaged files are
reported once, in `reason`, in words a journalist reads.

The words of a page are read by PDFium (pypdfium2, the engine of Chrome and of Qt's PDF
view), not by pypdf: pypdf joins the text runs in drawing order with a guessed space, so
kerned runs split words ("Assuranc e") and table cells drawn right to left glue theirs
("25,499.96STAFF ASSISTANTENGLERT, PAYTON A"). PDFium places each glyph, orders a line
left to right and inserts spaces and line breaks from the gaps between glyphs; on the
corpus's 27 PDFs (260 pages) it gave the same characters 19 times faster (264 against
14 pages/s), and pypdf's own layout mode lost whole pages of text (docs/architecture.md,
measured facts). pypdf still opens, unlocks and describes the file, and reads a page
whose text PDFium cannot (or finds empty), so nothing that was found before is lost.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import warnings
from typing import Any

import pypdfium2
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError
from pypdf.filters import JBIG2Decode
from pypdf.generic import DictionaryObject, IndirectObject

from casefile.core.i18n import N_
from casefile.core.ingest.types import Extraction, FileType, Status

# Recorded sentences (English in the case, shown through translate_recorded): N_ only.
PASSWORD_REQUIRED = N_("This PDF is password-protected: enter the password to extract its text.")
WRONG_PASSWORD = N_(
    "The password given for this PDF is not correct: enter the right password to extract its text."
)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_MAX_XOBJECT_DEPTH = 4
# Producers often put a working file name in /Title ("Binder1.pdf", "10811.exe"):
# that is no title, and the user's own file name is a better one.
_FILE_NAME_TITLE = re.compile(
    r"^[^\s]*\.(?:pdf|docx?|rtf|txt|exe|indd|qxd|tmp|ps|dvi|tex|xlsx?|pptx?|html?)$", re.I
)


def _no_jbig2(*_args: Any, **_kwargs: Any) -> bytes:
    """Stand-in for JBIG2 decoding: we need text, never pixels (see module docstring)."""
    return b""


JBIG2Decode.decode = staticmethod(_no_jbig2)  # type: ignore[method-assign]
logging.getLogger("pypdf").setLevel(logging.CRITICAL)


def _damaged(detail: str | None = None) -> str:
    if detail:
        return N_("This PDF is damaged and its text could not be read (%(detail)s).") % {
            "detail": detail
        }
    return N_("This PDF is damaged and its text could not be read.")


def explain_pdf_error(exc: BaseException) -> str:
    """A sentence for the user about why pypdf gave up."""
    message = str(exc).lower()
    if isinstance(exc, RecursionError) or "cyclic" in message or "recursion" in message:
        return _damaged(N_("its page structure loops back on itself, a sign of a hostile file"))
    if "xref" in message or "trailer" in message or "startxref" in message:
        return _damaged(N_("the file's cross-reference table is broken"))
    if isinstance(exc, DependencyError):
        return N_("This PDF uses a compression or encryption method Casefile cannot read.")
    if "/pages" in message or "page" in message:
        return _damaged(N_("its list of pages cannot be read"))
    if "stream" in message or "decode" in message or "ascii85" in message:
        return _damaged(N_("a compressed part of the file is corrupt"))
    return _damaged()


def _decrypt(reader: PdfReader, password: str | None) -> Extraction | None:
    """Unlock an encrypted PDF; an Extraction only when it stays locked."""
    tries = [password] if password else []
    tries.append("")  # owner-password-only files open with the empty user password
    for candidate in tries:
        try:
            if reader.decrypt(candidate) != PasswordType.NOT_DECRYPTED:
                return None
        except DependencyError:
            return Extraction(
                FileType.PDF,
                Status.FAILED,
                reason=N_("This PDF uses an encryption method Casefile cannot read."),
            )
        except (PdfReadError, ValueError, KeyError, TypeError, NotImplementedError):
            continue
    return Extraction(
        FileType.PDF,
        Status.PASSWORD_REQUIRED,
        reason=WRONG_PASSWORD if password else PASSWORD_REQUIRED,
    )


def _has_images(resources: Any, depth: int = 0) -> bool:
    """Whether a page (or a form it draws) shows an image: an empty page with one is a
    scan waiting for OCR, an empty page without one is just blank."""
    if depth > _MAX_XOBJECT_DEPTH or not isinstance(resources, DictionaryObject):
        return False
    xobjects = resources.get("/XObject")
    if isinstance(xobjects, IndirectObject):
        xobjects = xobjects.get_object()
    if not isinstance(xobjects, DictionaryObject):
        return False
    for ref in xobjects.values():
        obj = ref.get_object()
        if not isinstance(obj, DictionaryObject):
            continue
        subtype = obj.get("/Subtype")
        if subtype == "/Image":
            return True
        if subtype == "/Form":
            inner = obj.get("/Resources")
            inner = inner.get_object() if inner is not None else None
            if _has_images(inner, depth + 1):
                return True
    return False


def _page_has_images(page: Any) -> bool:
    try:
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else None
        if _has_images(resources):
            return True
        contents = page.get_contents()
        return contents is not None and b"BI" in contents.get_data()
    except Exception:  # a damaged page: we cannot tell, so assume a scan
        return True


def _metadata(reader: PdfReader, ex: Extraction) -> None:
    """Title, author, date and producer, each on its own: undecodable metadata is common
    (unreadablemetadata.pdf) and must not cost the text."""
    try:
        info = reader.metadata
    except Exception:
        return
    if not info:
        return
    for key, attr in (("/Title", "title"), ("/Author", "author")):
        try:
            value = info.get(key)
            text = str(value).strip() if value is not None else ""
        except Exception:
            continue
        if text and "\x00" not in text and not _FILE_NAME_TITLE.match(text):
            setattr(ex, attr, text)
    for key, name in (("/Producer", "producer"), ("/Creator", "creator")):
        try:
            value = info.get(key)
            if value:
                ex.metadata[name] = str(value).strip()
        except Exception:
            continue
    try:
        raw = str(info.get("/CreationDate") or "")
    except Exception:
        raw = ""
    match = _PDF_DATE.match(raw.strip())
    if match:
        year, month, day = match.groups()
        if 1900 <= int(year) <= 2100:
            if month and 1 <= int(month) <= 12:
                ex.date = f"{year}-{month}" + (f"-{day}" if day and 1 <= int(day) <= 31 else "")
            else:
                ex.date = year


# PDFium is not thread-safe; extraction normally runs in worker processes, but a face
# may call it in-process too.
_PDFIUM_LOCK = threading.Lock()
# PDFium's own marks: U+FFFE where it removed a hyphen at a line end ("vis-/itors" ->
# "visitors"), U+0002 for that hyphen in older builds; \r\n between lines.
_PDFIUM_MARKS = str.maketrans({"\ufffe": None, "\x02": None, "\x00": None, "\r": None})


class _PdfiumText:
    """Page texts by PDFium, or none (`usable` False) when PDFium cannot open the file
    or counts its pages differently from pypdf: then pypdf reads every page, as before,
    so page numbers never shift."""

    def __init__(self, path: str, password: str | None, page_count: int) -> None:
        self.doc: Any = None
        for candidate in dict.fromkeys([password or None, None]):
            try:
                doc = pypdfium2.PdfDocument(path, password=candidate)
            except Exception:  # PdfiumError: damaged, or a password it does not take
                continue
            if len(doc) == page_count:
                self.doc = doc
            else:
                doc.close()
            break

    def page(self, number: int) -> str:
        """The page's text ("" when PDFium has none or fails on it)."""
        if self.doc is None:
            return ""
        try:
            page = self.doc[number]
            try:
                textpage = page.get_textpage()
                try:
                    text = str(textpage.get_text_range())
                finally:
                    textpage.close()
            finally:
                page.close()
        except Exception:
            return ""
        return text.replace("\r\n", "\n").translate(_PDFIUM_MARKS)

    def close(self) -> None:
        if self.doc is not None:
            self.doc.close()


def extract_pdf(path: str | os.PathLike[str], password: str | None = None) -> Extraction:
    with warnings.catch_warnings(), _PDFIUM_LOCK:
        warnings.simplefilter("ignore")
        return _extract(path, password)


def _extract(path: str | os.PathLike[str], password: str | None) -> Extraction:
    try:
        reader = PdfReader(os.fspath(path), strict=False)
        if reader.is_encrypted:
            locked = _decrypt(reader, password)
            if locked is not None:
                return locked
        page_count = len(reader.pages)
    except FileNotDecryptedError:
        return Extraction(FileType.PDF, Status.PASSWORD_REQUIRED, reason=PASSWORD_REQUIRED)
    except Exception as exc:  # pypdf raises many kinds on hostile input
        return Extraction(FileType.PDF, Status.FAILED, reason=explain_pdf_error(exc))
    ex = Extraction(FileType.PDF, Status.OK)
    if reader.is_encrypted:
        ex.metadata["encrypted"] = "yes"
    _metadata(reader, ex)
    failures: list[BaseException] = []
    by_pdfium = _PdfiumText(os.fspath(path), password, page_count)
    try:
        _read_pages(reader, page_count, by_pdfium, ex, failures)
    finally:
        by_pdfium.close()
    if page_count and len(failures) == page_count:
        return Extraction(FileType.PDF, Status.FAILED, reason=explain_pdf_error(failures[0]))
    if failures:
        ex.metadata["note"] = N_(
            "%(failed)d of %(total)d pages could not be read (the file is damaged)."
        ) % {"failed": len(failures), "total": page_count}
    if not any(p.strip() for p in ex.pages):
        if ex.pages_needing_ocr:
            ex.status = Status.NEEDS_OCR
            ex.reason = N_(
                "This PDF holds only scanned images, without a text layer: "
                "its text needs OCR before it can be searched."
            )
        else:
            ex.status = Status.EMPTY
            ex.reason = N_("The PDF contains no text.")
    return ex


def _read_pages(
    reader: PdfReader,
    page_count: int,
    by_pdfium: _PdfiumText,
    ex: Extraction,
    failures: list[BaseException],
) -> None:
    """Each page's text, by PDFium where it reads any, else by pypdf (see the module
    docstring); one entry per page, so page boundaries stay the file's own."""
    for number in range(page_count):
        text = by_pdfium.page(number)
        page = None
        if not text.strip():
            try:
                page = reader.pages[number]
                text = page.extract_text() or ""
            except Exception as exc:
                failures.append(exc)
        text = text.replace("\x00", "")
        ex.pages.append(text)
        if not text.strip():
            try:
                page = page if page is not None else reader.pages[number]
            except Exception:
                page = None
            if page is None or _page_has_images(page):
                ex.pages_needing_ocr.append(number + 1)
