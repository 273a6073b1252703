"""EDTF dates from the spec (levels 0 and 1): parsing, validation, ordering, words.

The table is written from the EDTF specification's own examples (Library of Congress,
2019): a complete date, reduced precision month and year, intervals, qualifiers ~ ? %,
unspecified digits, seasons, open and unknown interval ends."""

from __future__ import annotations

import pytest

from casefile.core import dates
from casefile.core.errors import InvalidValueError

# text, lower, upper, precision, English words, Russian words
SPEC = [
    ("1985-04-12", "1985-04-12", "1985-04-12", "day", "12 April 1985", "12 апреля 1985 г."),
    ("1985-04", "1985-04-01", "1985-04-30", "month", "April 1985", "апрель 1985 г."),
    ("1985", "1985-01-01", "1985-12-31", "year", "1985", "1985 г."),
    ("2024-06-07", "2024-06-07", "2024-06-07", "day", "7 June 2024", "7 июня 2024 г."),
    ("2023-02", "2023-02-01", "2023-02-28", "month", "February 2023", "февраль 2023 г."),
    ("2024-02", "2024-02-01", "2024-02-29", "month", "February 2024", "февраль 2024 г."),
    ("2024-05~", "2024-05-01", "2024-05-31", "month", "c. May 2024", "около мая 2024 г."),
    ("1984?", "1984-01-01", "1984-12-31", "year", "1984 (uncertain)", "1984 г. (предположительно)"),
    (
        "2004-06-11%",
        "2004-06-11",
        "2004-06-11",
        "day",
        "c. 11 June 2004 (uncertain)",
        "около 11 июня 2004 г. (предположительно)",
    ),
    ("1964/2008", "1964-01-01", "2008-12-31", "interval", "1964–2008", "1964–2008 гг."),
    ("2020/2022", "2020-01-01", "2022-12-31", "interval", "2020–2022", "2020–2022 гг."),
    (
        "2004-06/2006-08",
        "2004-06-01",
        "2006-08-31",
        "interval",
        "June 2004 – August 2006",
        "июнь 2004 г. – август 2006 г.",
    ),
    (
        "2022-02-24/..",
        "2022-02-24",
        None,
        "interval",
        "from 24 February 2022 onwards",
        "с 24 февраля 2022 г.",
    ),
    (
        "../1985-04-12",
        None,
        "1985-04-12",
        "interval",
        "until 12 April 1985",
        "до 12 апреля 1985 г.",
    ),
    (
        "1985-04-12/",
        "1985-04-12",
        None,
        "interval",
        "12 April 1985 – unknown",
        "12 апреля 1985 г. – ?",
    ),
    ("201X", "2010-01-01", "2019-12-31", "decade", "the 2010s", "2010-е гг."),
    ("2001-21", "2001-03-01", "2001-05-31", "season", "spring 2001", "весна 2001 г."),
]


@pytest.mark.parametrize(("text", "lower", "upper", "precision", "en", "ru"), SPEC)
def test_spec_examples_parse_bound_and_render(
    text: str, lower: str | None, upper: str | None, precision: str, en: str, ru: str
) -> None:
    parsed = dates.parse(text)
    assert (parsed.text, parsed.lower, parsed.upper) == (text, lower, upper)
    assert parsed.precision == precision
    assert dates.describe(text) == en
    assert dates.describe(text, "ru") == ru


INVALID = [
    ("2024-13-40", "There is no month 13"),
    ("2023-13", "There is no month 13"),
    ("2023-02-29", "February 2023 has 28 days, so there is no day 29"),
    ("2024-02-30", "February 2024 has 29 days"),
    ("2022/2020", "The range ends before it starts"),
    ("07.06.2024", "Write the year first"),
    ("June 2024", "Use forms like 2024-06-07"),
    ("", "A date cannot be empty"),
    ("2020/2021/2022", "one start and one end"),
    ("-0100", "years from 0001 to 9999"),
]


@pytest.mark.parametrize(("text", "reason"), INVALID)
def test_invalid_dates_get_a_sentence_saying_what_is_wrong(text: str, reason: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        dates.parse(text)
    message = str(info.value)
    assert "is not a date Casefile understands." in message
    assert reason in message
    assert "Exception" not in message and "Traceback" not in message


def test_sort_key_orders_by_first_day_then_finer_precision_first() -> None:
    typed = ["2024", "2024-06", "2023-12-31", "2024-06-01", "../2020", "2024/2026",
             "2024-05~", "2024-01-01", "2023-21"]  # fmt: skip
    ordered = sorted(typed, key=lambda t: dates.sort_key(t) or "")
    assert ordered == [
        "../2020",  # an open start: before everything
        "2023-21",  # spring 2023
        "2023-12-31",
        "2024-01-01",  # day before the year that starts on it...
        "2024",  # ...before the interval that starts on it
        "2024/2026",
        "2024-05~",  # a month sorts at its start
        "2024-06-01",
        "2024-06",
    ]


def test_sort_key_is_plain_text_so_the_database_index_orders_it() -> None:
    keys = [dates.sort_key(t) for t in ("2024-06-07", "2024-06", "2024", "2022-02-24/..")]
    assert all(isinstance(k, str) for k in keys)
    assert keys == ["2024-06-07.1", "2024-06-01.2", "2024-01-01.4", "2022-02-24.6"]
    assert dates.sort_key(None) is None and dates.sort_key("") is None


def test_open_interval_does_not_crash_on_the_infinite_end() -> None:
    # edtf's upper_strict() fails on "..": the bound is simply open
    assert dates.parse("2022-02-24/..").upper is None
    assert dates.parse("../2020").lower is None


def test_a_date_is_described_in_the_language_casefile_speaks() -> None:
    """The metadata panel and the CLI's `show` ask without a language: a Russian
    session reads the date in Russian ("7 June 2024" was shown beside Russian labels)."""
    from casefile.core import i18n

    i18n.set_language("ru")
    assert dates.describe("2024-06-07") == "7 июня 2024 г."
    i18n.set_language("en")
    assert dates.describe("2024-06-07") == "7 June 2024"
