"""Words for stored codes: what a document kind, a status or a grade is called on screen.
Kept in one place so the table, the navigator, facets and the panel say the same thing."""

from __future__ import annotations

KIND_LABELS = {
    "court_filing": "Court filing",
    "article": "Article",
    "parliamentary_submission": "Parliamentary submission",
    "correspondence": "Correspondence",
    "report": "Report",
    "note": "Note",
    "other": "Other",
}
KIND_PLURALS = {
    "court_filing": "Court filings",
    "article": "Articles",
    "parliamentary_submission": "Parliamentary submissions",
    "correspondence": "Correspondence",
    "report": "Reports",
    "note": "Notes",
    "other": "Other",
}
STATUS_LABELS = {
    "ok": "Text read",
    "empty": "No text",
    "needs_ocr": "Needs OCR",
    "password_required": "Password required",
    "failed": "Failed",
    "unsupported": "Unsupported",
}
# Narrow table columns say the same in fewer letters (the cell's tooltip has the rest),
# so no label is cut to "Parliamentary sub…" or "Passwor…".
KIND_SHORT = {"parliamentary_submission": "Parliamentary"}
STATUS_SHORT = {"password_required": "Password"}
STATUS_ICONS = {
    "empty": "needs-ocr",
    "needs_ocr": "needs-ocr",
    "password_required": "lock",
    "failed": "failed",
    "unsupported": "warning",
}
SOURCE_GRADES = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
INFO_GRADES = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
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
