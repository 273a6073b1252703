"""One entry point for a worker: a path in, an `Extraction` out, whatever the file holds.

`extract_file` never raises. Every failure becomes a status and a sentence the
investigator can act on ("This PDF is password-protected…"), never an exception name:
the import of a folder must go on past a hostile file, and the user must learn what to
do about it. Type-specific extractors live in their own modules; this one sniffs,
dispatches, and applies the rules common to all (empty text, languages, lying names).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from casefile.core.i18n import N_
from casefile.core.ingest.paging import repage
from casefile.core.ingest.sniff import (
    OLE_MAGIC,
    ZIP_MAGIC,
    extension_note,
    extension_type,
    sniff_text,
    sniff_whole,
)
from casefile.core.ingest.types import Extraction, FileType, Status

# The sentences an extraction records stay English in the case and are shown through
# `translate_recorded` (docs/architecture.md, "Languages"): marked with N_, never _().
EMPTY_FILE = N_("The file is empty (0 bytes).")
NO_TEXT = N_("The document contains no text (it may hold only images).")
OUT_OF_MEMORY = N_(
    "Extraction ran out of memory: the file may be hostile or damaged. The original is kept."
)
UNSUPPORTED = N_(
    "Casefile cannot read the text of this kind of file (it is not a PDF, Word document, "
    "e-mail, web page or text file). The original is kept in the case."
)
_FAILED = {
    FileType.PDF: N_("This PDF is damaged and its text could not be read."),
    FileType.DOCX: N_("This Word document is damaged and its text could not be read."),
    FileType.EMAIL: N_("This e-mail is damaged and its text could not be read."),
    FileType.MSG: N_("This Outlook message is damaged or in a form Casefile cannot read."),
    FileType.HTML: N_("This web page could not be read."),
    FileType.TEXT: N_("This text file could not be read."),
    FileType.IMAGE: N_("This picture could not be read."),
    FileType.UNKNOWN: N_("This file could not be read."),
}
_NO_TEXT = {
    FileType.HTML: N_("The web page contains no visible text."),
    FileType.TEXT: N_("The file contains only blank space, no text."),
    FileType.EMAIL: N_("The message contains no text."),
    FileType.MSG: N_("The message contains no text."),
}
# Recorded after a "(…)" detail is added to one of _FAILED's sentences.
_TOO_DEEP = N_("%(failure)s (its structure nests too deeply, a sign of a hostile file).")


def _extractor(file_type: FileType) -> Callable[[str, str | None], Extraction] | None:
    """The extractor for a type, imported on first use (workers pay only for what they meet)."""
    if file_type == FileType.PDF:
        from casefile.core.ingest.extract_pdf import extract_pdf

        return extract_pdf
    if file_type == FileType.DOCX:
        from casefile.core.ingest.extract_docx import extract_docx

        return lambda path, _pw: extract_docx(path)
    if file_type == FileType.HTML:
        from casefile.core.ingest.extract_html import extract_html

        return lambda path, _pw: extract_html(path)
    if file_type == FileType.EMAIL:
        from casefile.core.ingest.extract_email import extract_email

        return lambda path, _pw: extract_email(path)
    if file_type == FileType.MSG:
        from casefile.core.ingest.extract_email import extract_msg_file

        return lambda path, _pw: extract_msg_file(path)
    if file_type == FileType.IMAGE:
        from casefile.core.ingest.extract_image import extract_image

        return lambda path, _pw: extract_image(path)
    if file_type == FileType.TEXT:
        from casefile.core.ingest.extract_text import extract_text

        return lambda path, _pw: extract_text(path)
    return None


def extract_file(path: str, password: str | None = None, name: str | None = None) -> Extraction:
    """Extract `path`. `name` is the user's file name when `path` (a stored original)
    has none: it breaks ties in sniffing and lets us say when an extension lied."""
    file_type = extension_type(name or path) or FileType.UNKNOWN
    try:
        if os.path.getsize(path) == 0:
            return Extraction(file_type, Status.EMPTY, reason=EMPTY_FILE)
        file_type, decoded = sniff_whole(path, name)
        if file_type == FileType.TEXT and decoded is not None:
            # A short note, all of it decoded by the sniffing: not read and decoded again.
            from casefile.core.ingest.extract_text import text_extraction

            return finish(text_extraction(*decoded), name or path)
        run = _extractor(file_type)
        if run is None:
            return _unsupported(path)
        return finish(run(path, password), name or path)
    except MemoryError:
        return Extraction(file_type, Status.FAILED, reason=OUT_OF_MEMORY)
    except RecursionError:
        return Extraction(
            file_type,
            Status.FAILED,
            reason=_TOO_DEEP % {"failure": _FAILED[file_type].rstrip(".")},
        )
    except PermissionError:
        return Extraction(
            file_type, Status.FAILED, reason=N_("Casefile is not allowed to read this file.")
        )
    except OSError as exc:
        return Extraction(
            file_type,
            Status.FAILED,
            reason=N_("The file could not be read (%(error)s).")
            % {"error": exc.strerror or N_("input/output error")},
        )
    except Exception as exc:  # the promise: never raise, always explain
        reason = _FAILED[file_type]
        if file_type == FileType.PDF:
            from casefile.core.ingest.extract_pdf import explain_pdf_error

            reason = explain_pdf_error(exc)
        return Extraction(file_type, Status.FAILED, reason=reason)


def finish(ex: Extraction, name: str | os.PathLike[str] | None) -> Extraction:
    """Rules shared by every type: a lying extension is noted, an OK extraction without
    text becomes EMPTY, and the languages are detected."""
    note = extension_note(ex.file_type, name)
    if note:
        ex.metadata["note"] = f"{ex.metadata['note']} {note}" if "note" in ex.metadata else note
    repage(ex)
    if ex.status == Status.OK:
        body = _sample(ex.pages)
        if ex.file_type in (FileType.EMAIL, FileType.MSG):
            body = body.split("\n\n", 1)[-1]  # headers alone are not content
        mail_with_files = ex.file_type in (FileType.EMAIL, FileType.MSG) and ex.attachments
        if not body.strip() and not mail_with_files:
            ex.status = Status.EMPTY
            ex.reason = _NO_TEXT.get(ex.file_type, NO_TEXT)
        if body.strip():
            from casefile.core.ingest.garbled import character_counts, garbled_reason
            from casefile.core.ingest.languages import detect_languages

            counts = character_counts(body)  # one count of the characters for both checks
            garbage = garbled_reason(body, str(ex.file_type), counts)
            if garbage:  # the text is kept (it is what the file says), but flagged
                ex.status, ex.reason = Status.GARBLED, garbage
            else:
                ex.languages = detect_languages(body, counts)
    if ex.status != Status.OK and not ex.reason:
        ex.reason = _FAILED[ex.file_type]
    return ex


def _sample(pages: list[str], limit: int = 400_000) -> str:
    """The text to judge a document by (empty or not, languages): all of it when short,
    else slices spread through it, so a 200 MB text is never joined into one string."""
    if sum(len(p) for p in pages) <= limit:
        return "\n\n".join(pages)
    if len(pages) >= 20:
        return "\n\n".join(pages[i * len(pages) // 20] for i in range(20))
    return "\n\n".join(p[: limit // 20] for p in pages)


def extract_small_text(path: str, max_bytes: int, name: str | None = None) -> Extraction | None:
    """Extract a small plain-text file here and now, or None if it is not one.

    For the caller that wants to skip a worker round trip: plain text has no parser to
    exploit, and decoding at most `max_bytes` is bounded work, so isolation buys nothing
    while IPC would dominate the cost of thousands of small notes.
    """
    try:
        if os.path.getsize(path) > max_bytes:
            return None
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError:
        return None
    if not data or len(data) > max_bytes:
        return None
    if b"%PDF-" in data[:1024] or data.startswith((ZIP_MAGIC, OLE_MAGIC, b"PK\x05\x06")):
        return None
    from casefile.core.ingest.charset import decode_bytes, looks_binary
    from casefile.core.ingest.extract_text import normalise_newlines

    text, encoding = decode_bytes(data)
    if looks_binary(text[:8192]) or sniff_text(text[:65536], extension_type(name)) != FileType.TEXT:
        return None
    ex = Extraction(FileType.TEXT, Status.OK, pages=[normalise_newlines(text)], encoding=encoding)
    return finish(ex, name or path)


def _unsupported(path: str) -> Extraction:
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(OLE_MAGIC):
        try:
            import olefile

            with olefile.OleFileIO(path) as ole:
                if ole.exists("EncryptedPackage"):
                    return Extraction(
                        FileType.UNKNOWN,
                        Status.FAILED,
                        reason=N_(
                            "This Office document is encrypted with a password; Casefile "
                            "cannot open encrypted Office files yet. The original is kept."
                        ),
                    )
                if ole.exists("WordDocument"):
                    return Extraction(
                        FileType.UNKNOWN,
                        Status.UNSUPPORTED,
                        reason=N_(
                            "This is an old-format Word document (.doc, Word 97–2003); "
                            "save it as .docx to import its text. The original is kept."
                        ),
                    )
        except Exception:
            pass
    return Extraction(FileType.UNKNOWN, Status.UNSUPPORTED, reason=UNSUPPORTED)
