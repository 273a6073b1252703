"""What the widgets show for stored values: the words of `casefile.core.labels` (one
table for every face, docs/architecture.md "Vocabulary"), the icons beside a status,
and file sizes. The tables here are the core's own, read in the language installed at
that moment (`ui/i18n.install` sets the core's language too), so the table, the
navigator, facets and the panel say what the CLI and the reports say."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QLocale

from casefile.core import labels as words
from casefile.core.vocabulary import DocumentStatus
from casefile.ui.i18n import translate

KIND_LABELS = words.DOCUMENT_KINDS
KIND_PLURALS = words.DOCUMENT_KIND_GROUPS
KIND_SHORT = words.DOCUMENT_KIND_SHORT
STATUS_LABELS = words.DOCUMENT_STATUSES
STATUS_SHORT = words.DOCUMENT_STATUS_SHORT
SOURCE_GRADES = words.SOURCE_GRADES
IMPORT_RESULT_LABELS = words.IMPORT_RESULTS
SEARCH_SORT_LABELS = words.SEARCH_ORDERS
DATE_SOURCE_LABELS = words.DATE_SOURCES
LANGUAGE_LABELS = words.LANGUAGES
# Plain ints as keys: Qt keeps an IntEnum as an opaque object (a combo box's findData(2)
# would not find it), while a StrEnum becomes a plain string.
INFO_GRADES: Mapping[int, str] = words.Words(
    words.INFO_GRADES.context, {int(k): v for k, v in words.INFO_GRADES.english.items()}
)

S = DocumentStatus
STATUS_ICONS: dict[str, str] = {
    S.EMPTY: "needs-ocr",
    S.NEEDS_OCR: "needs-ocr",
    S.PASSWORD_REQUIRED: "lock",
    S.FAILED: "failed",
    S.UNSUPPORTED: "warning",
    S.GARBLED: "warning",
}

kind_label = words.document_kind
kind_short = words.document_kind_short
status_label = words.document_status
status_short = words.document_status_short
language_label = words.language
import_result = words.import_result


def kind_plural_short(kind: str) -> str:
    """The navigator's word for a kind's documents: as short as the table's, so the
    default-width pane never cuts it ("Parliamentary sub…")."""
    return KIND_SHORT.get(kind) or words.document_kind_group(kind)


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
