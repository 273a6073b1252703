"""Words for stored codes: what a document kind, a status or a grade is called on screen.
Kept in one place so the table, the navigator, facets and the panel say the same thing.
The codes themselves are defined once, in `casefile.core.vocabulary`.

The tables are built at import time, before the interface language is chosen: each
holds the English words (marked with QT_TRANSLATE_NOOP, context "labels") and hands
them out translated whenever it is read, so `STATUS_LABELS[code]`, `.get()`, `.items()`
and `.values()` speak the language installed at that moment (docs/architecture.md,
"Languages")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar

from PySide6.QtCore import QLocale

from casefile.core.vocabulary import (
    DateSource,
    DocumentKind,
    DocumentStatus,
    ImportResult,
    InfoGrade,
    SearchSort,
    SourceGrade,
)
from casefile.ui.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "labels"
Key = TypeVar("Key")


class Words(Mapping[Key, str]):
    """A table of English words, read in the current interface language."""

    def __init__(self, words: dict[Key, str]) -> None:
        self.english = words

    def __getitem__(self, key: Key) -> str:
        return translate(CONTEXT, self.english[key])

    def __iter__(self) -> Iterator[Key]:
        return iter(self.english)

    def __len__(self) -> int:
        return len(self.english)


K = DocumentKind
KIND_LABELS: Words[str] = Words(
    {
        K.COURT_FILING: QT_TRANSLATE_NOOP("labels", "Court filing"),
        K.ARTICLE: QT_TRANSLATE_NOOP("labels", "Article"),
        K.PARLIAMENTARY_SUBMISSION: QT_TRANSLATE_NOOP("labels", "Parliamentary submission"),
        K.CORRESPONDENCE: QT_TRANSLATE_NOOP("labels", "Correspondence"),
        K.REPORT: QT_TRANSLATE_NOOP("labels", "Report"),
        K.NOTE: QT_TRANSLATE_NOOP("labels", "Note"),
        K.OTHER: QT_TRANSLATE_NOOP("labels", "Other"),
    }
)
KIND_PLURALS: Words[str] = Words(
    {
        K.COURT_FILING: QT_TRANSLATE_NOOP("labels", "Court filings"),
        K.ARTICLE: QT_TRANSLATE_NOOP("labels", "Articles"),
        K.PARLIAMENTARY_SUBMISSION: QT_TRANSLATE_NOOP("labels", "Parliamentary submissions"),
        K.CORRESPONDENCE: QT_TRANSLATE_NOOP("labels", "Correspondence"),
        K.REPORT: QT_TRANSLATE_NOOP("labels", "Reports"),
        K.NOTE: QT_TRANSLATE_NOOP("labels", "Notes"),
        K.OTHER: QT_TRANSLATE_NOOP("labels", "Other"),
    }
)
S = DocumentStatus
STATUS_LABELS: Words[str] = Words(
    {
        S.OK: QT_TRANSLATE_NOOP("labels", "Text read"),
        S.EMPTY: QT_TRANSLATE_NOOP("labels", "No text"),
        S.NEEDS_OCR: QT_TRANSLATE_NOOP("labels", "Needs OCR"),
        S.PASSWORD_REQUIRED: QT_TRANSLATE_NOOP("labels", "Password required"),
        S.FAILED: QT_TRANSLATE_NOOP("labels", "Failed"),
        S.UNSUPPORTED: QT_TRANSLATE_NOOP("labels", "Unsupported"),
        S.GARBLED: QT_TRANSLATE_NOOP("labels", "Garbled text"),
    }
)
STATUS_ICONS: dict[str, str] = {
    S.EMPTY: "needs-ocr",
    S.NEEDS_OCR: "needs-ocr",
    S.PASSWORD_REQUIRED: "lock",
    S.FAILED: "failed",
    S.UNSUPPORTED: "warning",
    S.GARBLED: "warning",
}
SOURCE_GRADES: Words[str] = Words(
    {
        SourceGrade.A: QT_TRANSLATE_NOOP("labels", "Completely reliable"),
        SourceGrade.B: QT_TRANSLATE_NOOP("labels", "Usually reliable"),
        SourceGrade.C: QT_TRANSLATE_NOOP("labels", "Fairly reliable"),
        SourceGrade.D: QT_TRANSLATE_NOOP("labels", "Not usually reliable"),
        SourceGrade.E: QT_TRANSLATE_NOOP("labels", "Unreliable"),
        SourceGrade.F: QT_TRANSLATE_NOOP("labels", "Reliability cannot be judged"),
    }
)
# Narrow table columns say the same in fewer letters (the cell's tooltip has the rest),
# so no label is cut to "Parliamentary sub…" or "Passwor…".
KIND_SHORT: Words[str] = Words(
    {K.PARLIAMENTARY_SUBMISSION: QT_TRANSLATE_NOOP("labels", "Parliamentary")}
)
STATUS_SHORT: Words[str] = Words({S.PASSWORD_REQUIRED: QT_TRANSLATE_NOOP("labels", "Password")})
# Plain ints as keys: Qt keeps an IntEnum as an opaque object (a combo box's findData(2)
# would not find it), while a StrEnum becomes a plain string.
INFO_GRADES: Words[int] = Words(
    {
        InfoGrade.CONFIRMED.value: QT_TRANSLATE_NOOP("labels", "Confirmed by other sources"),
        InfoGrade.PROBABLY_TRUE.value: QT_TRANSLATE_NOOP("labels", "Probably true"),
        InfoGrade.POSSIBLY_TRUE.value: QT_TRANSLATE_NOOP("labels", "Possibly true"),
        InfoGrade.DOUBTFUL.value: QT_TRANSLATE_NOOP("labels", "Doubtful"),
        InfoGrade.IMPROBABLE.value: QT_TRANSLATE_NOOP("labels", "Improbable"),
        InfoGrade.CANNOT_BE_JUDGED.value: QT_TRANSLATE_NOOP("labels", "Truth cannot be judged"),
    }
)
IMPORT_RESULT_LABELS: Words[str] = Words(
    {
        ImportResult.IMPORTED: QT_TRANSLATE_NOOP("labels", "Imported"),
        ImportResult.DUPLICATE: QT_TRANSLATE_NOOP("labels", "Duplicate"),
        ImportResult.FAILED: QT_TRANSLATE_NOOP("labels", "Failed"),
        ImportResult.REEXTRACTED: QT_TRANSLATE_NOOP("labels", "Read again"),
        ImportResult.RESTORED: QT_TRANSLATE_NOOP("labels", "Original restored"),
        ImportResult.SKIPPED: QT_TRANSLATE_NOOP("labels", "Skipped"),
        ImportResult.EMPTY: QT_TRANSLATE_NOOP("labels", "Empty file"),
    }
)
SEARCH_SORT_LABELS: Words[SearchSort] = Words(
    {
        SearchSort.RELEVANCE: QT_TRANSLATE_NOOP("labels", "Relevance"),
        SearchSort.DATE: QT_TRANSLATE_NOOP("labels", "Date, oldest first"),
        SearchSort.NEWEST: QT_TRANSLATE_NOOP("labels", "Date, newest first"),
    }
)
# Where a document's date came from (DocumentDetail.date_source).
DATE_SOURCE_LABELS: Words[str] = Words(
    {
        DateSource.USER: QT_TRANSLATE_NOOP("labels", "set by a person"),
        DateSource.TEXT: QT_TRANSLATE_NOOP("labels", "from the document's text"),
        DateSource.FILE: QT_TRANSLATE_NOOP("labels", "from the file's properties"),
        DateSource.EMAIL: QT_TRANSLATE_NOOP("labels", "from the e-mail's Date header"),
    }
)
# The languages of documents (not of the interface: see ui/i18n.py CHOICES).
LANGUAGE_LABELS: Words[str] = Words(
    {
        "en": QT_TRANSLATE_NOOP("labels", "English"),
        "ru": QT_TRANSLATE_NOOP("labels", "Russian"),
        "uk": QT_TRANSLATE_NOOP("labels", "Ukrainian"),
        "de": QT_TRANSLATE_NOOP("labels", "German"),
        "fr": QT_TRANSLATE_NOOP("labels", "French"),
        "es": QT_TRANSLATE_NOOP("labels", "Spanish"),
        "ar": QT_TRANSLATE_NOOP("labels", "Arabic"),
        "zh": QT_TRANSLATE_NOOP("labels", "Chinese"),
        "ja": QT_TRANSLATE_NOOP("labels", "Japanese"),
    }
)


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def kind_plural_short(kind: str) -> str:
    """The navigator's word for a kind's documents: as short as the table's, so the
    default-width pane never cuts it ("Parliamentary sub…")."""
    return KIND_SHORT.get(kind) or KIND_PLURALS.get(kind) or kind_label(kind)


def kind_short(kind: str) -> str:
    return KIND_SHORT.get(kind) or kind_label(kind)


def status_short(status: str) -> str:
    return STATUS_SHORT.get(status) or status_label(status)


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status.replace("_", " ").capitalize())


def language_label(code: str) -> str:
    return LANGUAGE_LABELS.get(code, code)


def human_size(n: int) -> str:
    """A file size in the units and the decimal mark of the interface language."""
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            break
        size /= 1024
    if unit == "bytes":
        return translate("labels", "{size} bytes").format(size=n)
    number = QLocale().toString(size, "f", 1)
    if unit == "KB":
        return translate("labels", "{size} KB").format(size=number)
    if unit == "MB":
        return translate("labels", "{size} MB").format(size=number)
    return translate("labels", "{size} GB").format(size=number)


# Entity kinds (issue 12): (one, many), by the code in core/vocabulary.py.
ENTITY_KIND_WORDS = {
    "person": (
        QT_TRANSLATE_NOOP("labels", "Person"),
        QT_TRANSLATE_NOOP("labels", "People"),
    ),
    "organisation": (
        QT_TRANSLATE_NOOP("labels", "Organisation"),
        QT_TRANSLATE_NOOP("labels", "Organisations"),
    ),
    "public_body": (
        QT_TRANSLATE_NOOP("labels", "Public body"),
        QT_TRANSLATE_NOOP("labels", "Public bodies"),
    ),
    "place": (
        QT_TRANSLATE_NOOP("labels", "Place"),
        QT_TRANSLATE_NOOP("labels", "Places"),
    ),
    "product": (
        QT_TRANSLATE_NOOP("labels", "Product or service"),
        QT_TRANSLATE_NOOP("labels", "Products and services"),
    ),
    "other": (
        QT_TRANSLATE_NOOP("labels", "Other"),
        QT_TRANSLATE_NOOP("labels", "Other"),
    ),
}


def entity_kind_label(kind: str) -> str:
    words = ENTITY_KIND_WORDS.get(kind)
    return translate(CONTEXT, words[0]) if words else kind


def entity_kind_plural(kind: str) -> str:
    words = ENTITY_KIND_WORDS.get(kind)
    return translate(CONTEXT, words[1]) if words else kind
