"""EDTF dates in words, in the interface language: "7 June 2024", "c. May 2024",
"2020–2022"; "7 июня 2024 г.", "февраль 2023 г.", "около мая 2024 г.", "2020–2022 гг.".

The language is the one Casefile speaks now (`casefile.core.i18n.language()`, so
reports and the CLI follow the user's choice) unless a caller names one. The Russian
words are written here rather than in a translation catalog: Russian dates need the
genitive after a day and after "около", "с", "до", which a catalog of fixed sentences
cannot give (docs/architecture.md, "Languages").

The written EDTF is read here by a small pattern (levels 0 and 1: a day, month, season,
year or decade with an optional ~ ? % qualifier, and ranges of those); anything richer
(level 2 sets and per-component qualifiers) is shown as typed, which is never wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile.core.i18n import language

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


def in_words(text: str | None, lang: str | None = None) -> str:
    """The date in words in `lang` ("en" or "ru"; None: the language Casefile speaks now)."""
    ru = (lang or language()).lower().startswith("ru")
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


# -- words back to EDTF: what a person types in the event editor -------------------------

_EN_MONTH_WORDS = (
    {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
    | {m.lower()[:3]: i + 1 for i, m in enumerate(MONTHS)}
    | {"sept": 9}
)
_RU_MONTH_WORD = re.compile(
    r"(январ|феврал|март|апрел|ма[йяею]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*"
)
_RU_MONTH_STEMS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август",
                   "сентябр", "октябр", "ноябр", "декабр"]  # fmt: skip
_SEASON_WORDS = {
    "spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24,
    "весна": 21, "весной": 21, "весны": 21, "весне": 21,
    "лето": 22, "летом": 22, "лета": 22, "лете": 22,
    "осень": 23, "осенью": 23, "осени": 23,
    "зима": 24, "зимой": 24, "зимы": 24, "зиме": 24,
}  # fmt: skip
_APPROX_WORDS = ("c.", "ca.", "c", "ca", "circa", "about", "around", "approx.", "approximately",
                 "около", "ок.", "примерно", "приблизительно")  # fmt: skip
_UNCERTAIN_WORDS = ("(uncertain)", "(предположительно)", "uncertain", "предположительно",
                    "possibly", "perhaps", "возможно")  # fmt: skip
_NOISE = re.compile(r"\b(?:гг?\.?|года?|году|годах|годы|of)(?=\s|$)|\bthe\b|\bin\b|\bв\b|,")
_DASH = re.compile(r"\s*[–—]\s*|\s+-\s+|\s+(?:to|по|till|until)\s+")


def _month_number(word: str) -> int | None:
    word = word.rstrip(".")
    if word in _EN_MONTH_WORDS:
        return _EN_MONTH_WORDS[word]
    m = _RU_MONTH_WORD.fullmatch(word)
    if m is None:
        return None
    stem = m[1]
    return next(i + 1 for i, s in enumerate(_RU_MONTH_STEMS) if stem.startswith(s))


def _qualified(text: str) -> tuple[str, str]:
    """(the date words, the EDTF qualifier they carry: "", "~", "?" or "%")."""
    approx = uncertain = False
    words = text.split()
    while words and words[0] in _APPROX_WORDS:
        approx, words = True, words[1:]
    while words and words[0] in _UNCERTAIN_WORDS:
        uncertain, words = True, words[1:]
    while words and words[-1] in _UNCERTAIN_WORDS:
        uncertain, words = True, words[:-1]
    rest = " ".join(words)
    if rest.endswith("?"):
        uncertain, rest = True, rest[:-1].strip()
    return rest, "%" if approx and uncertain else "~" if approx else "?" if uncertain else ""


def _part(text: str) -> str | None:
    """One date in words ("7 June 2024", "c. May 2024", "весна 2023", "2020s") as EDTF."""
    rest, qualifier = _qualified(text)
    rest = " ".join(_NOISE.sub(" ", rest).split())
    if re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", rest):
        return rest + qualifier
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", rest)
    if m:  # 07.06.2024: day first, as Russian documents write it
        return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}{qualifier}"
    m = re.fullmatch(r"(\d{3})0(?:'?s|-?[ехx])", rest)
    if m:
        return f"{m[1]}X{qualifier}"
    words = rest.split()
    if len(words) == 2 and words[0] in _SEASON_WORDS and re.fullmatch(r"\d{4}", words[1]):
        return f"{words[1]}-{_SEASON_WORDS[words[0]]}{qualifier}"
    day: int | None = None
    if len(words) == 3 and words[0].isdigit():  # 7 June 2024, 7 июня 2024
        day, words = int(words[0]), words[1:]
    elif len(words) == 3 and words[1].rstrip("stndrh").isdigit():  # June 7 2024
        day, words = int(words[1].rstrip("stndrh")), [words[0], words[2]]
    elif len(words) == 3 and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", words[0]):
        day, words = int(words[0][:-2]), words[1:]
    if len(words) == 2 and re.fullmatch(r"\d{4}", words[1]):
        month = _month_number(words[0])
        if month is not None:
            if day is None:
                return f"{words[1]}-{month:02d}{qualifier}"
            return f"{words[1]}-{month:02d}-{day:02d}{qualifier}"
    return None


def to_edtf(text: str) -> str | None:
    """What a person typed in words, as EDTF, or None when it does not read as a date.
    The inverse of `in_words` ("c. May 2024" -> "2024-05~", "2020–2022 гг." ->
    "2020/2022", "from 2022 onwards" -> "2022/.."), plus the usual ways of writing a
    date in English and Russian ("June 7, 2024", "в феврале 2023 года", "07.06.2024").
    Not validated: `dates.read_date` does that and says what is wrong."""
    s = " ".join(text.strip().lower().replace("ё", "е").split())
    if not s:
        return None
    m = re.fullmatch(r"(?:from|since|с|начиная с)\s+(.+?)(?:\s+(?:onwards|on|onward))?", s)
    if m and not _DASH.search(m[1]):
        start = _part(m[1])
        return f"{start}/.." if start else None
    m = re.fullmatch(r"(?:until|till|up to|до|по)\s+(.+)", s)
    if m and not _DASH.search(m[1]):
        end = _part(m[1])
        return f"../{end}" if end else None
    m = re.fullmatch(r"(?:between|from|с|между)\s+(.+?)\s+(?:and|to|по|и)\s+(.+)", s)
    pieces = [m[1], m[2]] if m else _DASH.split(s, maxsplit=1)
    if len(pieces) == 1:
        years = re.fullmatch(r"(\d{4})-(\d{4})(.*)", s)  # 2020-2022
        if years is None:
            return _part(s)
        pieces = [years[1], years[2] + years[3]]
    first, second = (p.strip() for p in pieces)
    unknown = ("?", "unknown", "неизвестно")
    start = "" if first in unknown else _part(first)
    end = "" if second in unknown else _part(second)
    if start is None or end is None:
        return None
    return f"{start}/{end}"
