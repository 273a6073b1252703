"""EDTF dates as investigators write them: `2024-06-07`, `2023-02`, `2020`, `2024-05~`,
`2020/2022`, `2022-02-24/..`.

A document or event keeps the date exactly as typed, plus strict lower/upper bounds as
ISO days so that sorting and range queries treat "2023-02" as all of February.
"""

from __future__ import annotations

import calendar
import math
import re
import time
from dataclasses import dataclass
from datetime import date

from casefile.core.errors import InvalidValueError

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class ParsedDate:
    text: str  # the EDTF as stored
    lower: str | None  # ISO day, inclusive; None when open
    upper: str | None  # ISO day, inclusive; None when open


def _iso(value: object) -> str | None:
    if isinstance(value, time.struct_time):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    if isinstance(value, float) and math.isinf(value):
        return None
    return None


_PLAIN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _parse_plain(cleaned: str) -> ParsedDate | None:
    """A plain day, month or year ("2024-06-07", "2023-02", "2020"), the form nearly
    every extracted date takes, without the EDTF grammar (4-10 ms a call, which an
    import of thousands of dated files felt). None: leave it to the full parser."""
    m = _PLAIN.fullmatch(cleaned)
    if m is None:
        return None
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day is not None:
            first = last = date(year, int(month), int(day))
        elif month is not None:
            first = date(year, int(month), 1)
            last = date(year, int(month), calendar.monthrange(year, int(month))[1])
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None  # year 0, month 13, 30 February...: the full parser decides and says
    return ParsedDate(cleaned, first.isoformat(), last.isoformat())


def parse(text: str) -> ParsedDate:
    """Validate an EDTF string; raise InvalidValueError with a readable hint otherwise."""
    cleaned = text.strip()
    plain = _parse_plain(cleaned)
    return plain if plain is not None else _parse_edtf(cleaned)


def _parse_edtf(cleaned: str) -> ParsedDate:
    import edtf  # with its pyparsing grammar ~0.09 s: only when a date is actually parsed

    try:
        parsed = edtf.parse_edtf(cleaned)
    except Exception as exc:  # EDTFParseException and friends
        raise InvalidValueError(
            f"“{cleaned}” is not a date Casefile understands. Use forms like 2024-06-07, "
            "2023-02, 2020, 2024-05~ (about), 2020? (uncertain) or 2020/2022 (a range)."
        ) from exc
    try:
        lower = _iso(parsed.lower_strict())
    except Exception:
        lower = None
    try:
        upper = _iso(parsed.upper_strict())
    except Exception:
        upper = None
    return ParsedDate(cleaned, lower, upper)


def from_datetime(value: date) -> str:
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def _words_simple(part: str) -> str:
    qualifier = ""
    core = part
    while core and core[-1] in "~?%":
        qualifier = {"~": "about ", "?": "possibly ", "%": "about, possibly "}[core[-1]]
        core = core[:-1]
    bits = core.split("-")
    try:
        if len(bits) == 3:
            words = f"{int(bits[2])} {MONTHS[int(bits[1]) - 1]} {int(bits[0])}"
        elif len(bits) == 2:
            words = f"{MONTHS[int(bits[1]) - 1]} {int(bits[0])}"
        else:
            words = str(int(bits[0]))
    except (ValueError, IndexError):
        return part
    return qualifier + words


def describe(text: str | None) -> str:
    """The date in words, for the viewer and reports: "about May 2024", "2020 to 2022"."""
    if not text:
        return "no date"
    if "/" in text:
        start, _, end = text.partition("/")
        if end in ("..", ""):
            return f"from {_words_simple(start)} onwards"
        if start in ("..", ""):
            return f"until {_words_simple(end)}"
        return f"{_words_simple(start)} to {_words_simple(end)}"
    return _words_simple(text)
