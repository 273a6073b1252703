"""EDTF dates as investigators write them: `2024-06-07`, `2023-02`, `2020`, `2024-05~`,
`2020?`, `2020/2022`, `2022-02-24/..`.

A document or event keeps the date exactly as typed, plus strict lower/upper bounds as
ISO days so that sorting and range queries treat "2023-02" as all of February, plus a
sort key (see `sort_key`). Words ("c. May 2024") come from `casefile.core.date_words`,
which imports nothing of ours.
See docs/architecture.md (dates).
"""

from __future__ import annotations

import calendar
import math
import re
import time
from dataclasses import dataclass
from datetime import date

from casefile.core.date_words import MONTHS, in_words
from casefile.core.errors import InvalidValueError
from casefile.core.i18n import N_, _, language, ngettext

# Precision ranks, finest first. They break sort ties between dates that start on the
# same day: "2024-06-01" (day) sorts before "2024-06" (month) before "2024" (year)
# before "2024/2026" (an interval starting then). Finer first, because a precise event
# is a fact about that day while the coarser one only says "some time from then on".
DAY, MONTH, SEASON, YEAR = "day", "month", "season", "year"
DECADE, INTERVAL, OTHER = "decade", "interval", "other"
_RANK = {DAY: 1, MONTH: 2, SEASON: 3, YEAR: 4, DECADE: 5, INTERVAL: 6, OTHER: 7}
OPEN_START = "0000-00-00"  # sorts before every real day: "../2020" is "until 2020"

HINT = N_(
    "Use forms like 2024-06-07, 2023-02, 2020, 2024-05~ (about), 2020? (uncertain) "
    "or 2020/2022 (a range)."
)


@dataclass(frozen=True)
class ParsedDate:
    text: str  # the EDTF as stored
    lower: str | None  # ISO day, inclusive; None when open
    upper: str | None  # ISO day, inclusive; None when open

    @property
    def precision(self) -> str:
        return precision(self.text)

    @property
    def sort_key(self) -> str:
        return _key(self.text, self.lower)


def _iso(value: object) -> str | None:
    if isinstance(value, time.struct_time):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    if isinstance(value, float) and math.isinf(value):
        return None
    return None


_PLAIN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_SINGLE = re.compile(r"(\d{4}|\d{3}X|\d{2}XX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?([~?%]?)")


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


def _impossible(cleaned: str) -> str | None:
    """What is impossible in a day or month written plainly (edtf itself lets 29
    February 2023 through), or None."""
    for part in cleaned.split("/"):
        m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?[~?%]?", part)
        if m is None:
            continue
        year, month = int(m[1]), int(m[2])
        if year == 0:
            return _("There is no year 0000 in Casefile's calendar; years start at 0001.")
        if not 1 <= month <= 12 and not 21 <= month <= 24:
            return _("There is no month %(month)s; months run from 01 to 12.") % {"month": m[2]}
        if m[3] is not None and 1 <= month <= 12:
            days = calendar.monthrange(year, month)[1]
            if not 1 <= int(m[3]) <= days:
                return ngettext(
                    "%(month)s has %(days)d day, so there is no day %(day)s.",
                    "%(month)s has %(days)d days, so there is no day %(day)s.",
                    days,
                ) % {"month": _month_in_words(year, month), "days": days, "day": m[3]}
    return None


def _month_in_words(year: int, month: int) -> str:
    """ "February 2023" in the current language ("февраль 2023 г.")."""
    if language() == "en":
        return f"{MONTHS[month - 1]} {year}"
    return in_words(f"{year:04d}-{month:02d}", language())


def _what_is_wrong(cleaned: str) -> str:
    """The one thing wrong with a date that looks like a date, else the general hint."""
    if not cleaned:
        return _("A date cannot be empty.") + " " + _(HINT)
    if cleaned.count("/") > 1:
        return _("A range has one start and one end, separated by a single “/”.")
    impossible = _impossible(cleaned)
    if impossible:
        return impossible
    if re.fullmatch(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}", cleaned):
        return _("Write the year first, then month and day: 2024-06-07 for 7 June 2024.")
    return _(HINT)


def _parse_edtf(cleaned: str) -> ParsedDate:
    import edtf  # with its pyparsing grammar ~0.09 s: only when a date is actually parsed

    try:
        if _impossible(cleaned):
            raise ValueError(cleaned)
        parsed = edtf.parse_edtf(cleaned)
    except Exception as exc:  # EDTFParseException and friends
        raise InvalidValueError(
            _("“%(text)s” is not a date Casefile understands. %(why)s")
            % {"text": cleaned, "why": _what_is_wrong(cleaned)}
        ) from exc
    lower, upper = _bound(parsed, "lower_strict"), _bound(parsed, "upper_strict")
    if cleaned.endswith("/") or cleaned.endswith("/?"):
        upper = None  # an unknown end: edtf guesses ten years on, which is no fact
    for bound in (lower, upper):
        if bound is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", bound):
            raise InvalidValueError(
                _(
                    "“%(text)s” is not a date Casefile understands. Casefile handles years "
                    "from 0001 to 9999."
                )
                % {"text": cleaned}
            )
    if lower is not None and upper is not None and upper < lower:
        raise InvalidValueError(
            _("“%(text)s” is not a date Casefile understands. The range ends before it starts.")
            % {"text": cleaned}
        )
    return ParsedDate(cleaned, lower, upper)


def _bound(parsed: object, name: str) -> str | None:
    try:
        return _iso(getattr(parsed, name)())
    except Exception:  # an open end: edtf hands back infinity, or fails turning it into a date
        return None


def precision(text: str) -> str:
    """How precise the date is, from its written form: day, month, season, year, decade,
    interval or other (sets, level 2 forms)."""
    cleaned = text.strip()
    if "/" in cleaned:
        return INTERVAL
    m = _SINGLE.fullmatch(cleaned)
    if m is None:
        return OTHER
    if m[1].endswith("X"):
        return DECADE if m[2] is None else OTHER
    if m[3] is not None and m[3] != "XX":
        return DAY
    if m[2] is not None and m[2] != "XX":
        return SEASON if int(m[2]) > 12 else MONTH
    return YEAR


def _key(text: str, lower: str | None) -> str:
    return f"{lower or OPEN_START}.{_RANK[precision(text)]}"


def sort_key(text: str | None) -> str | None:
    """The stored, indexed ordering of a date: its first possible day, then precision
    rank (finer first: see _RANK). "2023-02" sorts on 1 February 2023; an open start
    ("../2020") before everything; no date gives None (the caller sorts those last)."""
    if not text:
        return None
    return parse(text).sort_key


def from_datetime(value: date) -> str:
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def describe(text: str | None, lang: str | None = None) -> str:
    """The date in words, for the viewer and reports: "c. May 2024", "2020–2022"; in
    the current language unless `lang` says otherwise."""
    return in_words(text, lang)


def read_date(text: str) -> ParsedDate:
    """A date as a person types it: EDTF, or words in English or Russian ("7 June
    2024", "c. May 2024", "2020–2022", "7 июня 2024 г."). Raises InvalidValueError with
    the sentence saying what is wrong."""
    from casefile.core.date_words import to_edtf

    cleaned = text.strip()
    try:
        return parse(cleaned)
    except InvalidValueError:
        edtf = to_edtf(cleaned)
        if edtf is None:
            raise InvalidValueError(
                _(
                    "“%(text)s” is not a date Casefile understands. %(why)s Words work too: "
                    "7 June 2024, c. May 2024, 2020–2022, 7 июня 2024 г."
                )
                % {"text": cleaned, "why": _what_is_wrong(cleaned)}
            ) from None
        return parse(edtf)
