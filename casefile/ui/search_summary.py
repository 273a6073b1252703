"""The line above the results: how many documents were found, and on how many pages.

Kept apart from the search panel, which only shows it, so the wording (plurals, "about"
for a sampled count, the interface language's digits) is one function to read and test.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale

from casefile.ui.i18n import plural


def summary_text(n: int, results: Any = None) -> str:
    """“<b>5</b> documents found · hits on 12 pages”, with "about" where the core
    counted a sample; numbers in the interface language's digits ("12 345")."""
    estimate = bool(getattr(results, "total_is_estimate", False))
    if estimate:
        text = plural("about %n document(s) found", "", n)
    else:
        text = plural("%n document(s) found", "", n)
    text = text.replace(str(n), f"<b>{QLocale().toString(n)}</b>", 1)
    pages = int(getattr(results, "total_pages", 0) or 0)
    if pages:
        if estimate or getattr(results, "total_pages_is_estimate", False):
            where = plural("hits on about %n page(s)", "", pages)
        else:
            where = plural("hits on %n page(s)", "", pages)
        where = where.replace(str(pages), QLocale().toString(pages), 1)
        # One unit when the label wraps: "… документа ·" / "совпадения на 4 страницах".
        text += " · " + where.replace(" ", "\u00a0")
    return text
