"""The stored values of `casefile.core.vocabulary` (court_filing, needs_ocr, public_body,
single_source) as the CLI shows them: in English the values themselves, which are also
what `--kind`, `--status` and `--flag` take; in another
language the words of `casefile.core.labels`, the one table every face shows
(docs/architecture.md, "Vocabulary" and "Languages")."""

from __future__ import annotations

from collections.abc import Callable

from casefile.core import labels as words
from casefile.core.i18n import language


def _shown(value: str, word: Callable[[str], str]) -> str:
    return value if language() == "en" else word(value)


def document_kind(value: str) -> str:
    return _shown(value, words.document_kind)


def document_status(value: str) -> str:
    return _shown(value, words.document_status)


def entity_kind(value: str) -> str:
    return _shown(value, words.entity_kind)


def event_flag(value: str) -> str:
    return _shown(value, words.event_flag)
