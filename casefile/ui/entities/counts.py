"""Counted phrases for the entities and chronology views: `plural("%n mention(s)", "", n)`
as in casefile/ui/i18n.py (lupdate reads calls of that name), here also right in
English, the source language, which has no translation file: Qt hands back the source
text, so its "(s)" or "(one|many)" choice is made here ("%n mention(s)" -> "1 mention",
"5 mentions"). Russian takes its three forms from the translation file."""

from __future__ import annotations

import re

from casefile.ui.i18n import plural as _counted

# "(s)", "(es)" or "(one|many)" left in an untranslated (English) counted phrase.
_CHOICE = re.compile(r"\((s|es)\)|\(([^()|]*)\|([^()|]*)\)")


def plural(text: str, disambiguation: str, n: int) -> str:
    """`text` with "%n" replaced by `n`, in the form that fits `n`."""
    out = _counted(text, disambiguation, n)
    return _CHOICE.sub(lambda m: _english(m, n), out)


def _english(m: re.Match[str], n: int) -> str:
    if m.group(1):
        return "" if n == 1 else m.group(1)
    return m.group(2) if n == 1 else m.group(3)
