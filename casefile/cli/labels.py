"""The stored words of `casefile.core.vocabulary` (court_filing, needs_ocr, public_body,
single_source) as the CLI shows them: in English the values themselves, which are also
what `--kind`, `--status` and `--flag` take; in another language the words for people,
from the cli catalog (docs/architecture.md, "Languages" and "Vocabulary").

Each word is a `pgettext(context, value)` call written out, so that Babel extracts it
and a translator sees which list it belongs to."""

from __future__ import annotations

from casefile.core.i18n import pgettext


def document_kind(value: str) -> str:
    words = {
        "court_filing": pgettext("document kind", "court_filing"),
        "article": pgettext("document kind", "article"),
        "parliamentary_submission": pgettext("document kind", "parliamentary_submission"),
        "correspondence": pgettext("document kind", "correspondence"),
        "report": pgettext("document kind", "report"),
        "note": pgettext("document kind", "note"),
        "other": pgettext("document kind", "other"),
    }
    return words.get(value, value)


def document_status(value: str) -> str:
    words = {
        "ok": pgettext("document status", "ok"),
        "empty": pgettext("document status", "empty"),
        "needs_ocr": pgettext("document status", "needs_ocr"),
        "password_required": pgettext("document status", "password_required"),
        "failed": pgettext("document status", "failed"),
        "unsupported": pgettext("document status", "unsupported"),
        "garbled": pgettext("document status", "garbled"),
    }
    return words.get(value, value)


def entity_kind(value: str) -> str:
    words = {
        "person": pgettext("entity kind", "person"),
        "organisation": pgettext("entity kind", "organisation"),
        "public_body": pgettext("entity kind", "public_body"),
        "place": pgettext("entity kind", "place"),
        "product": pgettext("entity kind", "product"),
        "other": pgettext("entity kind", "other"),
    }
    return words.get(value, value)


def event_flag(value: str) -> str:
    words = {
        "no_source": pgettext("event flag", "no_source"),
        "single_source": pgettext("event flag", "single_source"),
        "weak_sources": pgettext("event flag", "weak_sources"),
        "lost_quote": pgettext("event flag", "lost_quote"),
    }
    return words.get(value, value)
