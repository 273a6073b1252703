"""Dates suggested from a document's text, in Russian and English, with precision, the
character span and the sentence around each.

Russian absolute dates come from natasha's `DatesExtractor` (yargy rules shipped in the
package): "в 2020 году", "в феврале 2023 года", "7 июня 2024". It is slow (~13 s of CPU
per MB), so a cheap pattern first finds the places a date can be (a number beside a
month word or "год"/"г."), and natasha reads only a window around each. Relative years
("в мае этого года", "в декабре прошлого года"), English ("on 24 February 2022",
"February 2023", "last May", "earlier this year"), which also occurs inside Russian
prose, and ISO days are our own rules (`casefile.core.date_rules`). Relative phrases are resolved
against the document's own date and dropped when it has none. Noise (page numbers,
money, docket numbers, times, section numbers) has no rule that accepts it.
`dateparser.search_dates` is not used: it reads "в 2020 году" as the year 4.
See docs/architecture.md (chronology).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from casefile.core import date_rules as rules
from casefile.core import dates


@dataclass(frozen=True)
class DateSuggestion:
    """One date found in the text: an event candidate the user accepts or dismisses."""

    date: str  # EDTF
    precision: str  # day, month, year (dates.precision)
    start: int  # character span of the phrase in the text
    end: int
    phrase: str
    sentence: str  # the sentence around it, for the citation and the review queue
    rule: str  # ru, ru-relative, en, en-relative, iso


# Where natasha may find something: a number next to a Russian month word, a year with
# "год"/"г.", or a dotted day (12.03.2021). Only windows around these are parsed.
_RU_MONTH = r"(?:январ|феврал|март|апрел|ма[йяею]\b|июн|июл|август|сентябр|октябр|ноябр|декабр)"
_RU_CANDIDATE = re.compile(
    rf"\b\d{{1,2}}\s+{_RU_MONTH}|{_RU_MONTH}[а-яё]*\s+\d{{4}}|\b\d{{4}}\s*(?:г\.|год|гг)"
    r"|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b",
    re.IGNORECASE,
)
_WINDOW = 48
# Every rule's phrase holds one of these; the rules run only in windows around them, so
# the text between dates (nearly all of it) is scanned once, by this pattern alone.
# Several simple patterns, each scanned on its own: one alternation of them all runs at
# 2 MB/s, each alone at 15-60 MB/s (measured on tests/perf/gen_corpus.py's corpus).
_ANCHORS = [
    re.compile(p)
    for p in (
        r"(?:1[89]|20)\d\d(?!\d)",
        r"\d\.\d{1,2}\.\d\d",
        r"[Oo]n\s+(?:\d|[A-Z])",
        r"[LlTtNn](?:ast|his|ext)\s",
        r"год[ау]|месяце",
        rf"\d\s+{_RU_MONTH}",
    )
]
_MARGIN = 64
# A sentence ends at . ! ? … before a capital (not after an initial or "г."), at a blank
# line, before a table row (a line with a tab), or at a line break after a line that
# does not run on (a heading).
_SENTENCE_END = re.compile(
    r"(?<![\s.][A-ZА-ЯЁа-яёa-z])(?<!\bг)[.!?…]+[\"»”)]*\s+(?=[\"«“(]?[A-ZА-ЯЁ0-9])"
    r"|\n[ \t]*\n\s*|[ \t]*\n\s*(?=[^\n]*\t)"
    r"|(?<=[^\sa-zа-яё,;:\-])[ \t]*\n\s*(?=[A-ZА-ЯЁ0-9«\"(])"
)


@functools.cache
def _extractor() -> Any:
    """natasha's DatesExtractor on pymorphy2's Russian dictionary, loaded once (0.2 s).
    The dictionary path is given directly: pymorphy2 otherwise looks it up through
    pkg_resources, which a clean Python 3.12 venv no longer has."""
    import pymorphy2_dicts_ru
    from natasha import DatesExtractor
    from natasha.morph.vocab import MorphForm, MorphVocab
    from pymorphy2.analyzer import MorphAnalyzer

    class _Vocab(MorphVocab):  # type: ignore[misc]  # natasha ships no type information
        def __init__(self) -> None:
            MorphAnalyzer.__init__(self, path=pymorphy2_dicts_ru.get_path(), result_type=MorphForm)

    return DatesExtractor(_Vocab())


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence holding text[start:end], cut to `limit` characters around it."""
    lo = max(0, start - limit)
    left = 0
    for m in _SENTENCE_END.finditer(text, lo):  # no endpos: lookaheads must see on
        if m.end() > start:
            break
        left = m.end()
    left = max(left, lo)
    after = _SENTENCE_END.search(text, end, min(len(text), end + limit))
    right = after.start() + len(after.group(0).rstrip()) if after else min(len(text), end + limit)
    return " ".join(text[left:right].split())


def _windows(
    text: str,
    patterns: list[re.Pattern[str]],
    margin: int,
    lo: int = 0,
    hi: int | None = None,
) -> list[tuple[int, int]]:
    """Merged spans of `margin` characters around each match of the `patterns`."""
    hi = len(text) if hi is None else hi
    spans = sorted(m.span() for p in patterns for m in p.finditer(text, lo, hi))
    windows: list[tuple[int, int]] = []
    for m_start, m_end in spans:
        start, end = max(lo, m_start - margin), min(hi, m_end + margin)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _russian(
    text: str, reference: tuple[int, int, int] | None, lo: int, hi: int
) -> list[tuple[int, int, str, str]]:
    """(start, end, EDTF, rule) for natasha's dates in the windows the pattern found."""
    found: list[tuple[int, int, str, str]] = []
    windows = _windows(text, [_RU_CANDIDATE], _WINDOW, lo, hi)
    if not windows:
        return found
    extractor = _extractor()
    for w_lo, w_hi in windows:
        for match in extractor(text[w_lo:w_hi]):
            start, end = w_lo + match.start, w_lo + match.stop
            if (start > w_lo and text[start - 1].isalnum()) or (end < w_hi and text[end].isalnum()):
                continue  # cut through a word by the window's edge
            edtf = _edtf(match.fact, text[start:end], reference)
            if edtf:
                found.append((start, end, edtf, "ru"))
    return found


def _edtf(fact: Any, phrase: str, reference: tuple[int, int, int] | None) -> str | None:
    year, month, day = fact.year, fact.month, fact.day
    if year is not None and re.search(r"\.\d{2}$", phrase.rstrip(" г.")):
        year = rules.two_digit_year(year % 100, reference)  # natasha makes "21" 1921
    if year is None:
        if reference is None:
            return None  # "7 июня" alone: no year to give it
        year = reference[0]
    return rules.edtf_of(year, month, day)


def suggest_dates(text: str, reference: str | None = None) -> list[DateSuggestion]:
    """Every date phrase in `text`, in order of position. `reference` is the document's
    own date (EDTF) that relative phrases ("в прошлом году", "last May") resolve from."""
    ref = rules.reference_day(reference)
    found: list[tuple[int, int, str, str]] = []
    for lo, hi in _windows(text, _ANCHORS, _MARGIN):
        found += rules.english(text, ref, lo, hi) + rules.iso_days(text, lo, hi)
        found += rules.seasons(text, lo, hi)
        if rules.has_cyrillic(text[lo:hi]):
            found += _russian(text, ref, lo, hi) + rules.russian_relative(text, ref, lo, hi)
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    result: list[DateSuggestion] = []
    last_end = -1
    for start, end, edtf, rule in found:
        if start < last_end:
            continue  # inside a longer phrase already taken
        previous_end, last_end = last_end, end
        try:
            dates.parse(edtf)
        except Exception:  # "30 February 2023": not a date, nor is the "February 2023" in it
            continue
        qualifier = rules.approximate(text, start)
        if qualifier is not None and qualifier >= previous_end:
            start, edtf = qualifier, edtf + "~"  # "около 2015 года", "around May 2024"
        result.append(
            DateSuggestion(
                date=edtf,
                precision=dates.precision(edtf),
                start=start,
                end=end,
                phrase=text[start:end],
                sentence=sentence_around(text, start, end),
                rule=rule,
            )
        )
    return result


def document_date_from_text(text: str, head: int = 600) -> DateSuggestion | None:
    """The dateline or heading date of an article or filing (`date_rules.dateline`), as
    a suggestion with its span and sentence. None when the head has no full day."""
    edtf = rules.dateline(text, head)
    if edtf is None:
        return None
    return next((s for s in suggest_dates(text[:head]) if s.date == edtf), None)
