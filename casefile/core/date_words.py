"""EDTF dates in words, in the interface language: "7 June 2024", "c. May 2024",
"2020–2022"; "7 июня 2024 г.", "февраль 2023 г.", "около мая 2024 г.", "2020–2022 гг.".

The written EDTF is read here by a small pattern (levels 0 and 1: a day, month, season,
year or decade with an optional ~ ? % qualifier, and ranges of those); anything richer
(level 2 sets and per-component qualifiers) is shown as typed, which is never wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
RU_MONTHS_NOM = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]
RU_MONTHS_GEN = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
EN_SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
RU_SEASONS_NOM = {21: "весна", 22: "лето", 23: "осень", 24: "зима"}
RU_SEASONS_GEN = {21: "весны", 22: "лета", 23: "осени", 24: "зимы"}

_PART = re.compile(r"(\d{4}|\d{3}X|\d{2}XX)(?:-(\d{2}))?(?:-(\d{2}))?([~?%]?)")


@dataclass(frozen=True)
class _Part:
    year: str
    month: int | None
    day: int | None
    approximate: bool
    uncertain: bool


def _read(part: str) -> _Part | None:
    m = _PART.fullmatch(part)
    if m is None:
        return None
    month = int(m[2]) if m[2] else None
    if month is not None and not (1 <= month <= 12 or month in EN_SEASONS):
        return None
    day = int(m[3]) if m[3] else None
    return _Part(m[1], month, day, m[4] in ("~", "%"), m[4] in ("?", "%"))


def _en(p: _Part) -> str:
    if p.year.endswith("X"):
        core = f"the {p.year.replace('X', '0')}s"
    elif p.month is None:
        core = str(int(p.year))
    elif p.month > 12:
        core = f"{EN_SEASONS[p.month]} {int(p.year)}"
    elif p.day is None:
        core = f"{MONTHS[p.month - 1]} {int(p.year)}"
    else:
        core = f"{p.day} {MONTHS[p.month - 1]} {int(p.year)}"
    if p.approximate:
        core = "c. " + core
    return core + (" (uncertain)" if p.uncertain else "")


def _ru(p: _Part, genitive: bool = False) -> str:
    """Russian words; `genitive` after "около", "с", "до" ("около мая 2024 г.")."""
    genitive = genitive or p.approximate
    if p.year.endswith("X"):
        core = f"{p.year.replace('X', '0')}-{'х' if genitive else 'е'} гг."
    elif p.month is None:
        core = f"{int(p.year)} г."
    elif p.month > 12:
        seasons = RU_SEASONS_GEN if genitive else RU_SEASONS_NOM
        core = f"{seasons[p.month]} {int(p.year)} г."
    elif p.day is None:
        months = RU_MONTHS_GEN if genitive else RU_MONTHS_NOM
        core = f"{months[p.month - 1]} {int(p.year)} г."
    else:
        core = f"{p.day} {RU_MONTHS_GEN[p.month - 1]} {int(p.year)} г."
    if p.approximate:
        core = "около " + core
    return core + (" (предположительно)" if p.uncertain else "")


def _plain_year(p: _Part | None) -> bool:
    return (
        p is not None
        and p.month is None
        and not p.year.endswith("X")
        and not (p.approximate or p.uncertain)
    )


def in_words(text: str | None, lang: str = "en") -> str:
    """The date in words; `lang` is the interface language ("en" or "ru")."""
    ru = lang.lower().startswith("ru")
    if not text or not text.strip():
        return "без даты" if ru else "no date"
    text = text.strip()
    if "/" not in text:
        p = _read(text)
        return text if p is None else (_ru(p) if ru else _en(p))
    start_s, _, end_s = text.partition("/")
    start, end = _read(start_s), _read(end_s)
    if (start is None and start_s not in ("", "..")) or (end is None and end_s not in ("", "..")):
        return text
    if start is None and end is None:
        return "дата неизвестна" if ru else "date unknown"
    if end is None:
        if end_s == "..":
            return f"с {_ru(start, True)}" if ru else f"from {_en(start)} onwards"  # type: ignore[arg-type]
        return f"{_ru(start)} – ?" if ru else f"{_en(start)} – unknown"  # type: ignore[arg-type]
    if start is None:
        if start_s == "..":
            return f"до {_ru(end, True)}" if ru else f"until {_en(end)}"
        return f"? – {_ru(end)}" if ru else f"unknown – {_en(end)}"
    if _plain_year(start) and _plain_year(end):
        years = f"{int(start.year)}–{int(end.year)}"
        return f"{years} гг." if ru else years
    if ru:
        return f"{_ru(start)} – {_ru(end)}"
    return f"{_en(start)} – {_en(end)}"
