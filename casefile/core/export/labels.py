"""The words exports use for the case's stored values, in the language Casefile speaks
now (docs/architecture.md, "Languages"): document and entity kinds, event flags, counts.

The values themselves (`vocabulary`) never change and are what the CSV files hold, so a
spreadsheet's filters work whatever the language; the report shows these words instead.
The faces have their own labels (`casefile.ui.labels`), which the core may not import.
"""

from __future__ import annotations

from casefile.core.i18n import N_, _, language

DOCUMENT_KINDS = {
    "court_filing": N_("Court filing"),
    "article": N_("Article"),
    "parliamentary_submission": N_("Parliamentary submission"),
    "correspondence": N_("Correspondence"),
    "report": N_("Report"),
    "note": N_("Note"),
    "other": N_("Other"),
}
ENTITY_KINDS = {
    "person": N_("Person"),
    "organisation": N_("Organisation"),
    "public_body": N_("Public body"),
    "place": N_("Place"),
    "product": N_("Product or service"),
    "other": N_("Other"),
}
FLAGS = {
    "no_source": N_("No source"),
    "single_source": N_("Single source"),
    "weak_sources": N_("Only weak sources"),
    "lost_quote": N_("Quote no longer found"),
}


def words(code: str) -> str:
    """A vocabulary code one of the tables above does not hold, as words:
    "court_filing" -> "Court filing"."""
    return code.replace("_", " ").capitalize()


def document_kind(code: str) -> str:
    return _(DOCUMENT_KINDS[code]) if code in DOCUMENT_KINDS else words(code)


def entity_kind(code: str) -> str:
    return _(ENTITY_KINDS[code]) if code in ENTITY_KINDS else words(code)


def flag(code: str) -> str:
    return _(FLAGS[code]) if code in FLAGS else words(code)


def number(n: int) -> str:
    """A count as the reader writes it: "12,345" in English, "12 345" in Russian."""
    shown = f"{n:,}"
    return shown.replace(",", " ") if language() == "ru" else shown
