"""Counts as exports write them, in the language Casefile speaks now
(docs/architecture.md, "Languages"). The words for the case's stored values (document
and entity kinds, event flags) are the one table every face shows,
`casefile.core.labels`; the values themselves are what the CSV files hold, so a
spreadsheet's filters work whatever the language.
"""

from __future__ import annotations

from casefile.core.i18n import grouped


def number(n: int) -> str:
    """A count as the reader writes it: "12,345" in English, "12 345" in Russian (with
    a no-break space, so a count never breaks across lines in a report)."""
    return grouped(n)
