"""Words for stored codes: what a document kind, a status or a grade is called on screen.
Kept in one place so the table, the navigator, facets and the panel say the same thing.
The codes themselves are defined once, in `casefile.core.vocabulary`."""

from __future__ import annotations

from casefile.core.vocabulary import (
    DateSource,
    DocumentKind,
    DocumentStatus,
    ImportResult,
    InfoGrade,
    SearchSort,
    SourceGrade,
)

K = DocumentKind
_KIND_WORDS: dict[str, tuple[str, str]] = {  # one, many
    K.COURT_FILING: ("Court filing", "Court filings"),
    K.ARTICLE: ("Article", "Articles"),
    K.PARLIAMENTARY_SUBMISSION: ("Parliamentary submission", "Parliamentary submissions"),
    K.CORRESPONDENCE: ("Correspondence", "Correspondence"),
    K.REPORT: ("Report", "Reports"),
    K.NOTE: ("Note", "Notes"),
    K.OTHER: ("Other", "Other"),
}
KIND_LABELS = {kind: one for kind, (one, _many) in _KIND_WORDS.items()}
KIND_PLURALS = {kind: many for kind, (_one, many) in _KIND_WORDS.items()}
S = DocumentStatus
STATUS_LABELS: dict[str, str] = {
    S.OK: "Text read",
    S.EMPTY: "No text",
    S.NEEDS_OCR: "Needs OCR",
    S.PASSWORD_REQUIRED: "Password required",
    S.FAILED: "Failed",
    S.UNSUPPORTED: "Unsupported",
    S.GARBLED: "Garbled text",
}
STATUS_ICONS: dict[str, str] = {
    S.EMPTY: "needs-ocr",
    S.NEEDS_OCR: "needs-ocr",
    S.PASSWORD_REQUIRED: "lock",
    S.FAILED: "failed",
    S.UNSUPPORTED: "warning",
    S.GARBLED: "warning",
}
SOURCE_GRADES: dict[str, str] = {
    SourceGrade.A: "Completely reliable",
    SourceGrade.B: "Usually reliable",
    SourceGrade.C: "Fairly reliable",
    SourceGrade.D: "Not usually reliable",
    SourceGrade.E: "Unreliable",
    SourceGrade.F: "Reliability cannot be judged",
}
# Narrow table columns say the same in fewer letters (the cell's tooltip has the rest),
# so no label is cut to "Parliamentary sub…" or "Passwor…".
KIND_SHORT: dict[str, str] = {K.PARLIAMENTARY_SUBMISSION: "Parliamentary"}
STATUS_SHORT: dict[str, str] = {S.PASSWORD_REQUIRED: "Password"}
# Plain ints as keys: Qt keeps an IntEnum as an opaque object (a combo box's findData(2)
# would not find it), while a StrEnum becomes a plain string.
INFO_GRADES: dict[int, str] = {
    InfoGrade.CONFIRMED.value: "Confirmed by other sources",
    InfoGrade.PROBABLY_TRUE.value: "Probably true",
    InfoGrade.POSSIBLY_TRUE.value: "Possibly true",
    InfoGrade.DOUBTFUL.value: "Doubtful",
    InfoGrade.IMPROBABLE.value: "Improbable",
    InfoGrade.CANNOT_BE_JUDGED.value: "Truth cannot be judged",
}
IMPORT_RESULT_LABELS: dict[str, str] = {
    ImportResult.IMPORTED: "Imported",
    ImportResult.DUPLICATE: "Duplicate",
    ImportResult.FAILED: "Failed",
    ImportResult.REEXTRACTED: "Read again",
    ImportResult.RESTORED: "Original restored",
    ImportResult.SKIPPED: "Skipped",
    ImportResult.EMPTY: "Empty file",
}
SEARCH_SORT_LABELS: dict[SearchSort, str] = {
    SearchSort.RELEVANCE: "Relevance",
    SearchSort.DATE: "Date, oldest first",
    SearchSort.NEWEST: "Date, newest first",
}
# Where a document's date came from (DocumentDetail.date_source).
DATE_SOURCE_LABELS: dict[str, str] = {
    DateSource.USER: "set by a person",
    DateSource.TEXT: "from the document's text",
    DateSource.FILE: "from the file's properties",
    DateSource.EMAIL: "from the e-mail's Date header",
}
LANGUAGE_LABELS = {
    "en": "English",
    "ru": "Russian",
    "uk": "Ukrainian",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "ar": "Arabic",
    "zh": "Chinese",
    "ja": "Japanese",
}


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
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} bytes"


# Entity kinds (issue 12): (one, many), by the code in core/vocabulary.py.
ENTITY_KIND_WORDS = {
    "person": ("Person", "People"),
    "organisation": ("Organisation", "Organisations"),
    "public_body": ("Public body", "Public bodies"),
    "place": ("Place", "Places"),
    "product": ("Product or service", "Products and services"),
    "other": ("Other", "Other"),
}


def entity_kind_label(kind: str) -> str:
    return ENTITY_KIND_WORDS.get(kind, (kind, kind))[0]


def entity_kind_plural(kind: str) -> str:
    return ENTITY_KIND_WORDS.get(kind, (kind, kind))[1]
