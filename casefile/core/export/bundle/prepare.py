"""Each document of a bundle made ready to lay out: its original PDF opened (checked
against its SHA-256 first), a picture drawn on pages of its own, a text typeset, or a
placeholder page saying in plain words why it is not reproduced. Nothing here raises
for a bad document: every failure becomes a placeholder. What the pages say is in the
language Casefile speaks when the bundle is made.
"""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from casefile.core.export.bundle import draw
from casefile.core.export.bundle.layout import Prepared
from casefile.core.export.bundle.model import BundleDocument, Reproduction
from casefile.core.i18n import N_, _
from casefile.core.originals import hash_stored

CHANGED = N_(
    "The original has changed since it was imported (its SHA-256 differs), so it is not "
    "reproduced; run Verify and restore it from a backup."
)


def prepare(doc: BundleDocument, readers: dict[str, PdfReader], max_dpi: int) -> Prepared:
    """Open, typeset or replace one document; every failure becomes a placeholder."""
    if doc.unavailable:
        return Prepared(doc, 1, Reproduction.PLACEHOLDER, note=doc.unavailable)
    if doc.pdf is not None:
        return _prepare_pdf(doc, doc.pdf, readers)
    if doc.image is not None:
        return _prepare_picture(doc, doc.image, readers, max_dpi)
    if any(t.strip() for t in doc.text_pages):
        kind = doc.file_type.upper() or _("non-PDF")
        if doc.original_name:
            origin = _(
                "Typeset by Casefile from the text it extracted; the original is a %(kind)s "
                "file (%(name)s)."
            ) % {"kind": kind, "name": doc.original_name}
        else:
            origin = _(
                "Typeset by Casefile from the text it extracted; the original is a %(kind)s file."
            ) % {"kind": kind}
        heading = [
            *(x for x in [doc.date_words] if x),
            origin,
            *([_("SHA-256 of the original: %(sha)s") % {"sha": doc.sha256}] if doc.sha256 else []),
        ]
        result = draw.typeset(doc.title, heading, doc.text_pages)
        readers[doc.uid] = PdfReader(io.BytesIO(result.pdf))
        return Prepared(doc, result.pages, Reproduction.TYPESET, result.page_starts)
    return Prepared(
        doc,
        1,
        Reproduction.PLACEHOLDER,
        note=_("This document has no text Casefile could read, and its original is not a PDF."),
    )


def _prepare_pdf(doc: BundleDocument, path: Path, readers: dict[str, PdfReader]) -> Prepared:
    def placeholder(note: str) -> Prepared:
        return Prepared(doc, 1, Reproduction.PLACEHOLDER, note=note)

    try:
        if doc.sha256 and hash_stored(path) != doc.sha256:
            return placeholder(_(CHANGED))
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(doc.password or ""):
            return placeholder(
                _(
                    "The original PDF is protected by a password, so it is not reproduced; "
                    "unlock it in Casefile (or ask the sender for an unprotected copy) and make "
                    "the bundle again."
                )
            )
        count = len(reader.pages)
    except FileNotFoundError:
        return placeholder(
            _(
                "The original is missing from the case folder, so it is not reproduced; "
                "run Verify and restore it."
            )
        )
    except Exception as exc:  # pypdf raises many kinds for damaged files
        return Prepared(
            doc,
            1,
            Reproduction.PLACEHOLDER,
            note=_(
                "The original PDF is damaged (or not really a PDF), so Casefile cannot "
                "reproduce its pages here."
            ),
            detail=str(exc)[:300],
        )
    if count == 0:
        return placeholder(_("The original PDF has no pages."))
    readers[doc.uid] = reader
    return Prepared(doc, count, Reproduction.ORIGINAL)


def _prepare_picture(
    doc: BundleDocument, path: Path, readers: dict[str, PdfReader], max_dpi: int
) -> Prepared:
    try:
        if doc.sha256 and hash_stored(path) != doc.sha256:
            return Prepared(doc, 1, Reproduction.PLACEHOLDER, note=_(CHANGED))
        pdf, pages = draw.picture_pages(path, doc.title, max_dpi)
    except draw.UnshowablePicture as exc:
        return Prepared(doc, 1, Reproduction.PLACEHOLDER, note=str(exc))
    except Exception as exc:  # Pillow raises many kinds for damaged pictures
        return Prepared(
            doc,
            1,
            Reproduction.PLACEHOLDER,
            note=_("The original picture is damaged, so Casefile cannot show it here."),
            detail=str(exc)[:300],
        )
    readers[doc.uid] = PdfReader(io.BytesIO(pdf))
    return Prepared(doc, pages, Reproduction.ORIGINAL)
