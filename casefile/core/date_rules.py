"""Our own date rules: English (a small grammar), ISO days, Russian relative phrases
and a document's dateline, each returning (start, end, EDTF, rule) for the chronology's
`suggest_dates` to merge with natasha's Russian absolute dates. A base module (plain
regular expressions, no natasha): the importer reads a document's dateline with it.
A reference day is (year, month, day) with 0 for an unknown month or day (a document
dated only "2024"). See docs/architecture.md (chronology)."""

from __future__ import annotations

import re

from casefile.core import dates
from casefile.core.date_words import MONTHS

Found = list[tuple[int, int, str, str]]
Ref = tuple[int, int, int] | None

_EN_MONTHS = {
    name.lower(): i + 1 for i, name in enumerate(MONTHS)
} | {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
     "sept": 9, "oct": 10, "nov": 11, "dec": 12}  # fmt: skip
# Capitalised only: "may" the verb is not a month; "May" opening a sentence is caught
# only where a day or a year stands beside it.
_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # noqa: E501
_D = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?P<year>1[89]\d\d|20\d\d)"
_NOT_AFTER_YEAR = r"(?![\d:/.,]\d|\s*(?:%|per\b|percent|million|billion|thousand|dollars?|euros?|pounds?|roubles?|rubles?|people|persons|cases|pages|words|hours|minutes|times|km|miles))"  # noqa: E501
_EN = [
    ("dmy", re.compile(rf"\b{_D}\s+(?:of\s+)?{_M},?\s+{_Y}\b(?!:)")),
    ("mdy", re.compile(rf"\b{_M}\s+{_D},?\s+{_Y}\b(?!:)")),
    ("my", re.compile(rf"\b{_M},?\s+(?:of\s+)?{_Y}\b{_NOT_AFTER_YEAR}")),
    ("on-dm", re.compile(rf"\b[Oo]n\s+{_D}\s+(?:of\s+)?{_M}(?!\w|,?\s+\d)")),
    ("on-dm", re.compile(rf"\b[Oo]n\s+{_M}\s+{_D}\b(?![\d:]|,?\s+\d)")),
    (
        "y",
        re.compile(
            r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Tt]hrough|"
            r"[Tt]hroughout|[Bb]efore|[Aa]fter|[Ee]arly|[Ll]ate|[Mm]id-?|[Bb]etween|and|"
            rf"[Yy]ear)\s+{_Y}\b{_NOT_AFTER_YEAR}"
        ),
    ),
]
_EN_RELATIVE = [
    ("last-month-name", re.compile(rf"\b[Ll]ast\s+{_M}\b(?!\s+\d)")),
    ("this-month-name", re.compile(rf"\b[Tt]his\s+{_M}\b(?!\s+\d)")),
    ("month-of-year", re.compile(rf"\b{_M}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b")),
    (
        "rel-year",
        re.compile(r"\b(?:(?:[Ee]arlier|[Ll]ater)\s+)?(?P<rel>[Tt]his|[Ll]ast|[Nn]ext)\s+year\b"),
    ),
    ("rel-month", re.compile(r"\b(?P<rel>[Ll]ast|[Nn]ext)\s+month\b")),
]
_ANY_MONTH = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_SHIFT = {"this": 0, "last": -1, "next": 1}

_ISO = re.compile(r"(?<![\d/.\-])(\d{4})-(\d{2})-(\d{2})(?![\d/\-])")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")

_RU_MONTH_STEMS = [("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("июн", 6),
                   ("июл", 7), ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11),
                   ("декабр", 12), ("ма", 5)]  # fmt: skip
_RU_SEASONS = {"весн": 21, "лет": 22, "осен": 23, "зим": 24}
_RU_REL = {
    "этого": 0, "текущего": 0, "нынешнего": 0, "сего": 0, "прошлого": -1,
    "прошедшего": -1, "минувшего": -1, "позапрошлого": -2, "следующего": 1,
    "будущего": 1,
}  # fmt: skip
_RU_REL_LOC = {
    "этом": 0, "текущем": 0, "нынешнем": 0, "прошлом": -1, "прошедшем": -1,
    "минувшем": -1, "позапрошлом": -2, "следующем": 1, "будущем": 1,
}  # fmt: skip
_RU_MONTH_WORD = r"(?P<month>январ[ьяею]|феврал[ьяею]|март[ае]?|апрел[ьяею]|ма[йяею]|июн[ьяею]|июл[ьяею]|август[ае]?|сентябр[ьяею]|октябр[ьяею]|ноябр[ьяею]|декабр[ьяею]|весн(?:ой|ы|а)|летом|лета|осенью|осени|зимой|зимы)"  # noqa: E501
_RU_RELATIVE = [
    (
        "month",
        re.compile(
            rf"(?<![а-яё])(?:(?:в|во|с|до|к|по|на|конце|начале|середине)\s+)?{_RU_MONTH_WORD}\s+(?P<rel>{'|'.join(_RU_REL)})\s+года(?![а-яё])",
            re.IGNORECASE,
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?<![а-яё])(?:в|во)\s+(?P<rel>{'|'.join(_RU_REL_LOC)})\s+году(?![а-яё])",
            re.IGNORECASE,
        ),
    ),
    (
        "part-year",
        re.compile(
            r"(?<![а-яё])(?:в\s+)?(?:начале|конце|середине|первой\s+половине|второй\s+половине)"
            rf"\s+(?P<rel>{'|'.join(_RU_REL)})\s+года(?![а-яё])",
            re.IGNORECASE,
        ),
    ),
    (
        "month-rel",
        re.compile(
            rf"(?<![а-яё])(?:в|во)\s+(?P<rel>{'|'.join(_RU_REL_LOC)})\s+месяце(?![а-яё])",
            re.IGNORECASE,
        ),
    ),
]


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def edtf_of(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def reference_day(reference: str | None) -> Ref:
    """The document's own date as (year, month, day), 0 for what it does not say."""
    if not reference:
        return None
    try:
        parsed = dates.parse(reference)
    except Exception:  # a date that does not parse gives nothing to resolve against
        return None
    if parsed.lower is None:
        return None
    y, m, d = (int(x) for x in parsed.lower.split("-"))
    precision = parsed.precision
    if precision in (dates.DAY,):
        return (y, m, d)
    if precision == dates.MONTH:
        return (y, m, 0)
    return (y, 0, 0)


def two_digit_year(yy: int, ref: Ref) -> int:
    """ "12.03.21": this century unless that is after the reference year (or 2030)."""
    pivot = (ref[0] if ref else 2030) % 100
    return 2000 + yy if yy <= pivot + 1 else 1900 + yy


def _month(name: str) -> int:
    return _EN_MONTHS[name.rstrip(".").lower()]


def english(text: str, ref: Ref, lo: int = 0, hi: int | None = None) -> Found:
    hi = len(text) if hi is None else hi
    found: Found = []
    window = text[lo:hi]
    # Cheap gates on the window first: every rule but the year-after-a-preposition one
    # needs a month name, and every relative one "year"/"month"/a month name.
    has_month = _ANY_MONTH.search(window) is not None
    for rule, pattern in _EN:
        if rule != "y" and not has_month:
            continue
        for m in pattern.finditer(text, lo, hi):
            g = m.groupdict()
            if rule == "on-dm":
                if ref is None:
                    continue
                start = min(m.start("day"), m.start("month"))
                end = max(m.end("day"), m.end("month"))
                edtf = edtf_of(ref[0], _month(g["month"]), int(g["day"]))
                found.append((start, end, edtf, "en"))
                continue
            month = _month(g["month"]) if g.get("month") else None
            day = int(g["day"]) if g.get("day") else None
            start = m.start("year") if rule == "y" else m.start()
            found.append((start, m.end(), edtf_of(int(g["year"]), month, day), "en"))
    if ref is not None and (has_month or "year" in window or "month" in window):
        found += _english_relative(text, ref, lo, hi)
    return found


def _english_relative(text: str, ref: tuple[int, int, int], lo: int, hi: int) -> Found:
    found: Found = []
    year, ref_month, _ = ref
    for rule, pattern in _EN_RELATIVE:
        for m in pattern.finditer(text, lo, hi):
            g = m.groupdict()
            if rule == "last-month-name":
                if not ref_month:
                    continue  # "last May" in a document dated only by its year
                month = _month(g["month"])
                edtf = edtf_of(year if month < ref_month else year - 1, month)
            elif rule == "this-month-name":
                edtf = edtf_of(year, _month(g["month"]))
            elif rule == "month-of-year":
                edtf = edtf_of(year + _SHIFT[g["rel"].lower()], _month(g["month"]))
            elif rule == "rel-year":
                edtf = edtf_of(year + _SHIFT[g["rel"].lower()])
            else:
                if not ref_month:
                    continue
                index = year * 12 + ref_month - 1 + _SHIFT[g["rel"].lower()]
                edtf = edtf_of(index // 12, index % 12 + 1)
            found.append((m.start(), m.end(), edtf, "en-relative"))
    return found


def iso_days(text: str, lo: int = 0, hi: int | None = None) -> Found:
    hi = len(text) if hi is None else hi
    return [(m.start(), m.end(), m.group(0), "iso") for m in _ISO.finditer(text, lo, hi)]


def _ru_month(word: str) -> int:
    word = word.lower()
    for stem, season in _RU_SEASONS.items():
        if word.startswith(stem):
            return season
    return next(n for stem, n in _RU_MONTH_STEMS if word.startswith(stem))


def russian_relative(text: str, ref: Ref, lo: int = 0, hi: int | None = None) -> Found:
    """ "в мае этого года", "в декабре прошлого года", "в прошлом году", "летом
    прошлого года", "в прошлом месяце", resolved against the document's date."""
    hi = len(text) if hi is None else hi
    window = text[lo:hi]
    if ref is None or ("год" not in window and "месяце" not in window):
        return []
    found: Found = []
    year, ref_month, _ = ref
    for rule, pattern in _RU_RELATIVE:
        for m in pattern.finditer(text, lo, hi):
            rel = m.group("rel").lower()
            if rule == "month":
                edtf = edtf_of(year + _RU_REL[rel], _ru_month(m.group("month")))
            elif rule == "year":
                edtf = edtf_of(year + _RU_REL_LOC[rel])
            elif rule == "part-year":
                edtf = edtf_of(year + _RU_REL[rel])
            else:
                if not ref_month:
                    continue
                index = year * 12 + ref_month - 1 + _RU_REL_LOC[rel]
                edtf = edtf_of(index // 12, index % 12 + 1)
            found.append((m.start(), m.end(), edtf, "ru-relative"))
    return found


_RU_GEN = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_RU_DAY_MONTH_YEAR = re.compile(
    rf"(?<![\d.])(?P<day>[12]\d|3[01]|0?[1-9])\s+(?P<month>{_RU_GEN})\s+{_Y}"
    r"(?:\s*(?:года|г\.|г\b))?",
    re.IGNORECASE,
)
_DOTTED = re.compile(rf"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.{_Y}(?![\d.]\d)")
_RU_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(_RU_GEN.split("|"))}


def russian_days(text: str, lo: int = 0, hi: int | None = None) -> Found:
    """ "7 июня 2024 года", "07.06.2024": the full dates a dateline is written in."""
    hi = len(text) if hi is None else hi
    found: Found = []
    for m in _RU_DAY_MONTH_YEAR.finditer(text, lo, hi):
        month = _RU_MONTH_NUMBER[m["month"].lower()]
        found.append((m.start(), m.end(), edtf_of(int(m["year"]), month, int(m["day"])), "ru"))
    for m in _DOTTED.finditer(text, lo, hi):
        found.append(
            (m.start(), m.end(), edtf_of(int(m["year"]), int(m["month"]), int(m["day"])), "ru")
        )
    return found


def dateline(text: str, head: int = 600) -> str | None:
    """The date an article or filing gives itself at its top ("7 июня 2024 года",
    "Date received: 6 June 2024", "2024-06-07"): the first full day in the first
    `head` characters, or None. Months or years alone are not datelines: "в 2020 году"
    at the top is what the story is about, not when it was written."""
    top = text[:head]
    found = sorted(
        (f for f in english(top, None) + iso_days(top) + russian_days(top) if f[2].count("-") == 2),
        key=lambda f: f[0],
    )
    for _start, _end, edtf, _rule in found:
        try:
            dates.parse(edtf)
        except Exception:  # 31.02.2024: not a day
            continue
        return edtf
    return None


_SEASON_WORDS = {
    "весной": 21, "весны": 21, "весна": 21, "летом": 22, "лета": 22, "лето": 22,
    "осенью": 23, "осени": 23, "осень": 23, "зимой": 24, "зимы": 24, "зима": 24,
    "spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24,
}  # fmt: skip
_SEASON = re.compile(
    rf"(?<![\w])(?P<season>{'|'.join(_SEASON_WORDS)})\s+(?:of\s+)?{_Y}(?!\d)"
    r"(?:\s+(?:года|году|г\.))?",
    re.IGNORECASE,
)
_APPROX = re.compile(
    r"(?:около|примерно|приблизительно|ориентировочно|around|about|approximately|circa|"
    r"c\.|ca\.)\s+(?:(?:в|во|с|in|on|the)\s+)?$",
    re.IGNORECASE,
)


def seasons(text: str, lo: int = 0, hi: int | None = None) -> Found:
    """ "весной 2023 года", "летом 2022", "Spring 2023", "the summer of 2022": EDTF
    seasons (2023-21 is spring 2023)."""
    hi = len(text) if hi is None else hi
    return [
        (m.start(), m.end(), f"{int(m['year']):04d}-{_SEASON_WORDS[m['season'].lower()]}", "season")
        for m in _SEASON.finditer(text, lo, hi)
    ]


def approximate(text: str, start: int) -> int | None:
    """Where an "около", "around", "c." before text[start:] begins, or None: the date
    after it is approximate (EDTF ~)."""
    m = _APPROX.search(text, max(0, start - 24), start)
    return m.start() if m else None


_RU_MONTH_YEAR = re.compile(
    r"(?<![\w])(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    rf"[а-я]*\s+{_Y}(?!\d)",
    re.IGNORECASE,
)
_EN_MONTH_YEAR = re.compile(rf"\b{_M}\s+(?:of\s+)?{_Y}\b")
_YEAR_WORDS = re.compile(rf"(?:\bin\s+|\bв\s+){_Y}(?:\s+(?:году|года|г\.))?(?!\d)", re.IGNORECASE)


def date_in_passage(text: str, reference: str | None = None) -> str | None:
    """The first date in a short passage a person selected, as EDTF (the most precise
    one where two start at the same place), or None. Plain rules only (no natasha, so
    it runs in the window's process): days in English and Russian, ISO days, seasons,
    "в феврале 2023 года", "March 2024", "в 2020 году", and relative phrases resolved
    against the document's own date."""
    from casefile.core.date_words import to_edtf

    ref = reference_day(reference)
    found = english(text, ref) + iso_days(text) + russian_days(text) + seasons(text)
    found += russian_relative(text, ref)
    for m in [*_RU_MONTH_YEAR.finditer(text), *_EN_MONTH_YEAR.finditer(text)]:
        edtf = to_edtf(m[0])
        if edtf:
            found.append((m.start(), m.end(), edtf, "month"))
    found += [(m.start(), m.end(), m["year"], "year") for m in _YEAR_WORDS.finditer(text)]
    for start, _end, edtf, _rule in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        try:
            dates.parse(edtf)
        except Exception:  # 31.02.2024: not a day
            continue
        before = approximate(text, start)
        return edtf + "~" if before is not None and edtf[-1] not in "~?%" else edtf
    return None
