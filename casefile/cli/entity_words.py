"""How the `casefile entity` commands write an entity on the terminal: its kind, its
aliases, how often and where it is mentioned; and an Admiralty grade read as typed.

Shared by cli/entities.py (the entities themselves) and cli/entity_mentions.py (names in
the text), so the two say the same things the same way."""

from __future__ import annotations

from typing import Any

from casefile.cli.labels import entity_kind
from casefile.core.i18n import _, ngettext


def kinds() -> list[str]:
    from casefile.core.services import EntityKind

    return [k.value for k in EntityKind]


def aliases_line(e: Any) -> str:
    parts = []
    for a in e.aliases:
        if a.text == e.name:
            continue
        mark = " " + _("(weak)") if a.weak else " " + _("(former)") if a.former else ""
        parts.append(a.text + mark)
    return ", ".join(parts) or "—"


def found(e: Any) -> str:
    """ "3 mention(s) in 2 document(s)": each count with its own form."""
    in_documents = ngettext("in %(n)d document(s)", "in %(n)d document(s)", e.documents) % {
        "n": e.documents
    }
    return ngettext(
        "%(n)d mention(s) %(in_documents)s", "%(n)d mention(s) %(in_documents)s", e.mentions
    ) % {"n": e.mentions, "in_documents": in_documents}


def mentions(n: int) -> str:
    return ngettext("%(n)d mention(s)", "%(n)d mention(s)", n) % {"n": n}


def kind(kind: str) -> str:
    return entity_kind(kind).replace("_", " ")


def grade(text: str | None) -> tuple[str | None, int | None] | None:
    """An Admiralty grade as typed ("B2", "B", "-"), checked by the services."""
    from casefile.core.errors import InvalidValueError

    if text is None:
        return None
    t = text.strip().upper()
    if t in ("", "-"):
        return (None, None)
    src = t[0] if t[0] in "ABCDEF" else None
    rest = t[1:] if src else t
    if (src is None and not rest) or (rest and rest not in "123456") or len(rest) > 1:
        raise InvalidValueError(
            _(
                "“{text}” is not an Admiralty grade; give a letter A-F and a digit 1-6, e.g. B2."
            ).format(text=text)
        )
    return (src, int(rest) if rest else None)
