"""Checking a query string before Whoosh sees it, in the user's words.

Whoosh quietly "repairs" broken queries (drops a lone AND, treats an unknown field as a
word), and the user then gets hits for a query they did not write. A small lexer here
finds the first problem and names it and its position in one sentence (`QueryError`);
it also turns colons that name no field (a pasted URL, a time of day) into text, and
resolves what a date or kind clause means. `query.py` parses what passes.
"""

from __future__ import annotations

import re

from casefile.core import dates
from casefile.core.errors import CasefileError
from casefile.core.i18n import _
from casefile.core.search.index import day_number
from casefile.core.vocabulary import DocumentKind, is_value

FIELDS = {
    "kind": "kind",
    "tag": "tag",
    "lang": "lang",
    "language": "lang",
    "source": "source",
    "title": "title",
    "date": "date",
    "entity": "entity",
    "notes": "notes",
    "from": "from",
    "to": "to",
    "cc": "cc",
    "subject": "subject",
}
_OPS = {"AND", "OR", "NOT"}


class QueryError(CasefileError):
    """A query the user typed that cannot be run; `position` is a 0-based offset."""

    def __init__(self, message: str, query: str = "", position: int | None = None) -> None:
        super().__init__(message)
        self.query = query
        self.position = position


_TOKEN = re.compile(r'[-+]?\w+:\[[^\]]*\]?|[-+]?\w+:"[^"]*"|"[^"]*"|\(|\)|\[[^\]]*\]?|[^\s()"\[]+')
_FIELD = re.compile(r"^([^\W\d_]\w*):(.*)$", re.S)
_DATE_RANGE = re.compile(r"^\[\s*(\S*)\s+TO\s+(\S*)\s*\]$", re.I)


def _at(pos: int) -> str:
    return _("at character %(n)d") % {"n": pos + 1}


def date_bounds(text: str, qs: str = "", pos: int = 0) -> tuple[int | None, int | None]:
    """date:VALUE -> (lowest day, highest day) as yyyymmdd; None means open."""
    text = text.strip()
    m = _DATE_RANGE.match(text)
    if text.startswith("[") and not m:
        raise QueryError(
            _("The date range %(at)s should look like date:[2020 TO 2022].") % {"at": _at(pos)},
            qs,
            pos,
        )
    parts = [m.group(1), m.group(2)] if m else [text]
    bounds: list[int | None] = []
    for i, part in enumerate(parts):
        if m and part in ("", "*"):
            bounds.append(None)
            continue
        try:
            parsed = dates.parse(part)
        except Exception as exc:
            raise QueryError(
                _("“%(text)s” %(at)s is not a date (write 2023, 2023-02 or 2023-02-07).")
                % {"text": part, "at": _at(pos)},
                qs,
                pos,
            ) from exc
        lo, hi = day_number(parsed.lower) or None, day_number(parsed.upper) or None
        if not m:
            return lo, hi
        bounds.append(lo if i == 0 else hi)
    return bounds[0], bounds[1]


def resolve_kind(value: str, qs: str = "", pos: int = 0) -> str:
    v = value.strip().lower().replace(" ", "_").replace("-", "_")
    if is_value(DocumentKind, v):
        return v
    matches = [k.value for k in DocumentKind if k.startswith(v)]
    if len(matches) == 1:
        return matches[0]
    raise QueryError(
        _("“%(kind)s” %(at)s is not a document kind; use one of: %(kinds)s.")
        % {"kind": value, "at": _at(pos), "kinds": ", ".join(DocumentKind)},
        qs,
        pos,
    )


def check(qs: str) -> None:
    """Raise QueryError naming the first problem in `qs`, if any."""
    if not qs.strip():
        raise QueryError(_("Type something to search for."), qs, 0)
    if qs.count('"') % 2:
        pos = qs.rfind('"')
        raise QueryError(_("The quote %(at)s is never closed.") % {"at": _at(pos)}, qs, pos)
    depth: list[int] = []
    prev: str | None = None  # kind of the previous token: word, op, open
    prev_pos = 0
    for m in _TOKEN.finditer(qs):
        tok, pos = m.group(0), m.start()
        if tok == "(":
            depth.append(pos)
            kind = "open"
        elif tok == ")":
            if not depth:
                raise QueryError(
                    _("The bracket %(at)s closes nothing.") % {"at": _at(pos)}, qs, pos
                )
            if prev == "op":
                raise QueryError(
                    _("The operator %(at)s has nothing after it.") % {"at": _at(prev_pos)},
                    qs,
                    prev_pos,
                )
            if prev == "open":
                raise QueryError(
                    _("The brackets %(at)s are empty.") % {"at": _at(depth[-1])}, qs, depth[-1]
                )
            depth.pop()
            kind = "word"
        elif tok.startswith("["):
            raise QueryError(
                _("Square brackets %(at)s are only for dates, as in date:[2020 TO 2022].")
                % {"at": _at(pos)},
                qs,
                pos,
            )
        elif tok in _OPS:
            if tok != "NOT" and prev in (None, "op", "open"):
                raise QueryError(
                    _(
                        "“%(op)s” %(at)s needs a word on each side (to search for the word "
                        "itself, write it in lower case or in quotes)."
                    )
                    % {"op": tok, "at": _at(pos)},
                    qs,
                    pos,
                )
            kind = "op"
        else:
            kind = "word"
            _check_word(qs, tok, pos)
        prev, prev_pos = kind, pos
    if depth:
        raise QueryError(
            _("The bracket %(at)s is never closed.") % {"at": _at(depth[-1])}, qs, depth[-1]
        )
    if prev == "op":
        raise QueryError(
            _("The operator %(at)s has nothing after it.") % {"at": _at(prev_pos)}, qs, prev_pos
        )


def _check_word(qs: str, tok: str, pos: int) -> None:
    fm = _FIELD.match(tok.lstrip("+-"))
    if not fm:
        return
    name, value = fm.group(1).lower(), fm.group(2)
    if name not in FIELDS:
        return  # a pasted URL (https:, mailto:) or a time: text, see `colons_as_text`
    if name == "date" and value.startswith("[") and not value.endswith("]"):
        raise QueryError(
            _("The date range %(at)s is never closed with ].") % {"at": _at(pos)}, qs, pos
        )
    if not value:
        raise QueryError(
            _("“%(field)s:” %(at)s needs a value after the colon.")
            % {"field": fm.group(1), "at": _at(pos)},
            qs,
            pos,
        )
    if name == "date":
        date_bounds(value, qs, pos)
    elif name == "kind" and not value.startswith('"'):
        resolve_kind(value, qs, pos)


def colons_as_text(qs: str) -> str:
    """Words with a colon that names no field ("https://…", "mailto:a@b", "10:30")
    searched as the text they are: their words as a phrase."""

    def fix(m: re.Match[str]) -> str:
        tok = m.group(0)
        fm = _FIELD.match(tok.lstrip("+-"))
        if not fm or fm.group(1).lower() in FIELDS:
            return tok
        sign = tok[: len(tok) - len(tok.lstrip("+-"))]
        return sign + '"' + tok[len(sign) :].replace('"', " ") + '"'

    return _TOKEN.sub(fix, qs)
