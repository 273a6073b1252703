"""The PDF court bundle as a use case: choose sections, make the bundle, remember it.

The service reads the case (documents, their originals, their text) and hands the
exporter (`core/export/bundle`) plain values; the exporter knows nothing of the
database (docs/architecture.md, "Layers"). What the bundle became (each document's
section, volume and pages) is recorded in the case (tables `bundle`, `bundle_document`,
migration 0012) with an audit entry, so a report made later can cite a document's
bundle page ("B/123") through `bundle_places`.

The bundle speaks the language Casefile speaks when it is made: the default title and
section names, the index, the placeholders and the dates in words (docs/architecture.md,
"Languages"); names the user gave are kept as given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.core.case import Case
from casefile.core.date_words import in_words
from casefile.core.db.schema import Document, Page
from casefile.core.errors import CasefileError, InvalidValueError
from casefile.core.export.bundle import (
    DEFAULT_VOLUME_PAGES,
    BundleContent,
    BundleDocument,
    BundleExporter,
    BundleOptions,
    BundleResult,
    BundleSection,
    DocumentOrder,
    PageStyle,
    PlacedDocument,
)
from casefile.core.i18n import N_, _, ngettext, translate_recorded
from casefile.core.jobs import JobContext, silent
from casefile.core.services.bundle_places import BundlePlaces, bundle_places, record_bundle
from casefile.core.vocabulary import DocumentKind, DocumentStatus

__all__ = [
    "DEFAULT_VOLUME_PAGES",
    "BundleChoices",
    "BundlePlaces",
    "BundleResult",
    "DocumentOrder",
    "DraftDocument",
    "DraftSection",
    "PageStyle",
    "PlacedDocument",
    "SectionIn",
    "bundle_places",
    "default_sections",
    "draft_arrangement",
    "export_bundle",
    "make_bundle",
    "section_letter",
    "sections_by_tags",
]


@dataclass(frozen=True)
class SectionIn:
    """A section as the user chose it: a letter, a name and its documents (uids)."""

    letter: str
    title: str
    documents: tuple[str, ...]


# The default arrangement: court documents first, then correspondence, then the
# evidence and material gathered, then the investigator's own notes.
_DEFAULT_GROUPS: tuple[tuple[str, tuple[DocumentKind, ...]], ...] = (
    (N_("Statements of case and court documents"), (DocumentKind.COURT_FILING,)),
    (N_("Correspondence"), (DocumentKind.CORRESPONDENCE,)),
    (
        N_("Evidence, reports and published material"),
        (DocumentKind.REPORT, DocumentKind.PARLIAMENTARY_SUBMISSION, DocumentKind.ARTICLE),
    ),
    (N_("Notes and other documents"), (DocumentKind.NOTE, DocumentKind.OTHER)),
)
DEFAULT_TITLE = N_("Court bundle")
_LETTER = re.compile(r"[A-Z]{1,2}")


def default_sections(case: Case) -> list[SectionIn]:
    """Every document of the case, in sections by kind (empty sections left out), named
    in the current language."""
    with case.read_session() as s:
        rows = s.execute(
            select(Document.uid, Document.kind).order_by(Document.date_lower, Document.id)
        ).all()
    sections: list[SectionIn] = []
    known = {k for _t, kinds in _DEFAULT_GROUPS for k in kinds}
    for title, kinds in _DEFAULT_GROUPS:
        values = {k.value for k in kinds}
        if DocumentKind.OTHER in kinds:
            uids = [u for u, k in rows if k in values or k not in {x.value for x in known}]
        else:
            uids = [u for u, k in rows if k in values]
        if uids:
            sections.append(SectionIn(_letter(len(sections)), _(title), tuple(uids)))
    return sections


def sections_by_tags(case: Case, tags: Sequence[str]) -> list[SectionIn]:
    """One section per tag, in the order given, named after it; a document with several
    of the tags goes in the first. Documents with none of them are left out."""
    from casefile.core.db.schema import Tag, document_tag

    with case.read_session() as s:
        rows = s.execute(
            select(Tag.name, Document.uid)
            .join(document_tag, document_tag.c.tag_id == Tag.id)
            .join(Document, Document.id == document_tag.c.document_id)
            .where(Tag.name.in_(list(tags)))
            .order_by(Document.date_lower, Document.id)
        ).all()
    by_tag: dict[str, list[str]] = {t: [] for t in tags}
    for name, uid in rows:
        by_tag[name].append(uid)
    placed: set[str] = set()
    out: list[SectionIn] = []
    for tag in tags:
        uids = [u for u in by_tag.get(tag, []) if u not in placed]
        placed.update(uids)
        if uids:
            out.append(SectionIn(_letter(len(out)), tag, tuple(uids)))
    if not out:
        raise InvalidValueError(_("No document carries those tags; choose other tags."))
    return out


@dataclass(frozen=True)
class DraftDocument:
    """A document as the faces offer it for arranging: its id, title and date (EDTF)."""

    uid: str
    title: str
    date: str | None


@dataclass(frozen=True)
class DraftSection:
    """A section of the default arrangement, with what a person needs to rearrange it."""

    title: str
    documents: tuple[DraftDocument, ...]


def draft_arrangement(case: Case) -> tuple[DraftSection, ...]:
    """The default sections (`default_sections`: by kind, date order) with each
    document's title and date: where a user starts when arranging a bundle by hand. The
    arrangement comes back as `BundleChoices(sections=…, order="given")`."""
    with case.read_session() as s:
        rows = {
            uid: DraftDocument(uid, title, date)
            for uid, title, date in s.execute(select(Document.uid, Document.title, Document.date))
        }
    return tuple(
        DraftSection(sec.title, tuple(rows[u] for u in sec.documents if u in rows))
        for sec in default_sections(case)
    )


def section_letter(n: int) -> str:
    """The letter of the `n`-th section (from 0): A, B, … Z, then AA, AB …"""
    return _letter(n)


def _letter(n: int) -> str:
    """A, B, … Z, then AA, AB …"""
    return chr(ord("A") + n) if n < 26 else chr(ord("A") + n // 26 - 1) + chr(ord("A") + n % 26)


def _resolve(case: Case, sections: Sequence[SectionIn]) -> list[SectionIn]:
    """Sections whose document ids may be unique first characters of an id (as the CLI
    and the document list show them), with every id made whole."""
    with case.read_session() as s:
        uids = list(s.scalars(select(Document.uid)))
    known = set(uids)
    out = []
    for sec in sections:
        whole = []
        for given in sec.documents:
            if given in known:
                whole.append(given)
                continue
            found = [u for u in uids if u.startswith(given.lower())] if given else []
            if len(found) != 1:
                raise InvalidValueError(
                    _("No document id starts with “%(id)s”; 'casefile docs' lists them.")
                    % {"id": given}
                    if not found
                    else ngettext(
                        "“%(id)s” matches %(n)d document; give more of the id.",
                        "“%(id)s” matches %(n)d documents; give more of the id.",
                        len(found),
                    )
                    % {"id": given, "n": len(found)}
                )
            whole.append(found[0])
        out.append(SectionIn(sec.letter, sec.title, tuple(whole)))
    return out


def _check_sections(sections: Sequence[SectionIn]) -> None:
    letters = [s.letter for s in sections]
    for letter in letters:
        if not _LETTER.fullmatch(letter):
            raise InvalidValueError(
                _("“%(letter)s” cannot name a section; use a capital letter (A, B, C…).")
                % {"letter": letter}
            )
    if len(set(letters)) != len(letters):
        raise InvalidValueError(_("Two sections have the same letter; give each its own."))
    seen: set[str] = set()
    for s in sections:
        for uid in s.documents:
            if uid in seen:
                raise InvalidValueError(
                    _("A document is in the bundle twice; put each document in one section.")
                )
            seen.add(uid)


def _document(
    case: Case,
    doc: Document,
    texts: Sequence[str],
    password: str | None,
    ocr: Mapping[int, str],
) -> BundleDocument:
    common: dict[str, Any] = {
        "uid": doc.uid,
        "title": doc.title,
        "date_words": in_words(doc.date) if doc.date else None,
        "sort_key": doc.date_lower,
        "original_name": doc.original_filename,
        "file_type": doc.file_type,
        "sha256": doc.sha256,
    }
    status = next((st for st in DocumentStatus if st.value == doc.status), None)
    if doc.file_type == "pdf" and status is not DocumentStatus.FAILED:
        if status is DocumentStatus.PASSWORD_REQUIRED and not password:
            return BundleDocument(
                **common,
                unavailable=_(
                    "The original PDF is protected by a password, so it is not reproduced; "
                    "open it in Casefile with its password and make the bundle again."
                ),
            )
        # Pages OCR recognised (issue 16) carry that text, laid on them invisibly.
        return BundleDocument(
            **common, pdf=case.store.path_for(doc.sha256), password=password, ocr_pages=ocr
        )
    if doc.file_type == "image" and status is not DocumentStatus.FAILED:
        # A picture is shown as it is; its recognised text (OCR) lies on it, invisible.
        read = {n: t for n, t in enumerate(texts, start=1) if t.strip()}
        return BundleDocument(**common, image=case.store.path_for(doc.sha256), ocr_pages=read)
    if any(t.strip() for t in texts):
        return BundleDocument(**common, text_pages=tuple(texts))
    # The reason is recorded in English (docs/architecture.md, "Languages").
    reason = translate_recorded(doc.status_reason) or _("Casefile found no text in it.")
    return BundleDocument(
        **common,
        unavailable=_("This document is not reproduced: %(reason)s.")
        % {"reason": reason.rstrip(".")},
    )


def _recognised(s: Session, pdf_ids: Sequence[int]) -> dict[int, dict[int, str]]:
    """Document id -> {page: text} of the PDF pages OCR recognised (core/ocr keeps them
    in `page_ocr`, migration 0011; a page it could not read has an `error` and none).
    A build without OCR has no such table: no text to lay."""
    from casefile.core.db import schema

    page_ocr: Any = getattr(schema, "PageOcr", None)
    if page_ocr is None or not pdf_ids:
        return {}
    out: dict[int, dict[int, str]] = {}
    for doc_id, page, text in s.execute(
        select(page_ocr.document_id, page_ocr.page, page_ocr.text).where(
            page_ocr.document_id.in_(pdf_ids), page_ocr.error.is_(None)
        )
    ):
        if text and text.strip():
            out.setdefault(doc_id, {})[page] = text
    return out


def _content(
    case: Case, title: str, sections: Sequence[SectionIn], passwords: Mapping[str, str]
) -> BundleContent:
    uids = [u for s in sections for u in s.documents]
    with case.read_session() as s:
        docs = {d.uid: d for d in s.scalars(select(Document).where(Document.uid.in_(uids)))}
        missing = [u for u in uids if u not in docs]
        if missing:
            raise CasefileError(
                ngettext(
                    "%(n)d document chosen for the bundle is no longer in the case; choose "
                    "the documents again.",
                    "%(n)d documents chosen for the bundle are no longer in the case; choose "
                    "the documents again.",
                    len(missing),
                )
                % {"n": len(missing)}
            )
        typeset = [d.id for d in docs.values() if d.file_type != "pdf"]
        texts: dict[int, list[str]] = {}
        for doc_id, text in s.execute(
            select(Page.document_id, Page.text)
            .where(Page.document_id.in_(typeset))
            .order_by(Page.document_id, Page.number)
        ):
            texts.setdefault(doc_id, []).append(text)
        ocr = _recognised(s, [d.id for d in docs.values() if d.file_type == "pdf"])
        built = tuple(
            BundleSection(
                sec.letter,
                sec.title,
                tuple(
                    _document(
                        case,
                        docs[u],
                        texts.get(docs[u].id, []),
                        passwords.get(u),
                        ocr.get(docs[u].id, {}),
                    )
                    for u in sec.documents
                ),
            )
            for sec in sections
        )
    return BundleContent(title=title, case_title=case.title, sections=built)


@dataclass(frozen=True)
class BundleChoices:
    """What the user chose for a bundle (the options value of `export_bundle`)."""

    sections: tuple[SectionIn, ...] | None = None  # None: every document, by kind
    by_tags: tuple[str, ...] = ()  # instead: one section per tag, in this order
    all_in_one: bool = False  # instead: one section with every document
    title: str = DEFAULT_TITLE  # the English default is shown in the current language
    order: str = DocumentOrder.DATE.value  # "date" or "given"
    page_style: str = PageStyle.CONTINUOUS.value  # "continuous" or "section"
    volume_pages: int | None = None  # split into volumes of about N pages
    passwords: Mapping[str, str] = field(default_factory=dict)  # uid -> password


def export_bundle(
    case: Case, choices: BundleChoices, out: str | Path, job: JobContext | None = None
) -> BundleResult:
    """Make a PDF court bundle at `out` and record where each document landed (unless
    the case is read-only). The signature of every export service (services/exports)."""
    if choices.sections is not None:
        sections = _resolve(case, choices.sections)
    elif choices.by_tags:
        sections = sections_by_tags(case, choices.by_tags)
    elif choices.all_in_one:
        every = tuple(u for sec in default_sections(case) for u in sec.documents)
        sections = [SectionIn("A", _("Documents"), every)]
    else:
        sections = default_sections(case)
    _check_sections(sections)
    try:
        options = BundleOptions(
            order=DocumentOrder(choices.order),
            page_style=PageStyle(choices.page_style),
            volume_pages=choices.volume_pages,
        )
    except ValueError as exc:
        raise InvalidValueError(
            _("That bundle option cannot be used: %(why)s.") % {"why": exc}
        ) from exc
    # The faces offer the default title in English: a Russian bundle gets its own.
    title = _(DEFAULT_TITLE) if choices.title == DEFAULT_TITLE else choices.title
    content = _content(case, title, sections, choices.passwords)
    result = BundleExporter().export(content, options, Path(out), job or silent())
    record_bundle(case, result, title, options)
    return result


def make_bundle(
    case: Case, out: str | Path, job: JobContext | None = None, **choices: Any
) -> BundleResult:
    """`export_bundle` with the choices as keywords (scripts, tests, the demo)."""
    return export_bundle(case, BundleChoices(**choices), out, job)
