"""Dates suggested from Russian and English text: the issue's cases, ten more of our
own in each language (relative dates and noise among them), precision, span, sentence."""

from __future__ import annotations

import pytest

from casefile.core.chronology.suggest_dates import (
    DateSuggestion,
    document_date_from_text,
    suggest_dates,
)

DOC_DATE = "2024-06-07"  # the document's own date, for relative phrases


def found(text: str, reference: str | None = DOC_DATE) -> list[tuple[str, str]]:
    return [(s.date, s.phrase) for s in suggest_dates(text, reference)]


ISSUE = [
    ("Компания открыла офис в 2020 году.", [("2020", "2020 году")]),
    ("В феврале 2023 года суд вынес решение.", [("2023-02", "феврале 2023 года")]),
    ("Статья вышла 7 июня 2024 в Лондоне.", [("2024-06-07", "7 июня 2024")]),
    ("Договор продлили в мае этого года.", [("2024-05", "в мае этого года")]),
    ("Его уволили в декабре прошлого года.", [("2023-12", "в декабре прошлого года")]),
    ("He resigned last May, the tribunal heard.", [("2024-05", "last May")]),
    ("Earlier this year the firm moved to Leeds.", [("2024", "Earlier this year")]),
    ("The invasion began on 24 February 2022.", [("2022-02-24", "24 February 2022")]),
    ("Вторжение началось on 24 February 2022, пишет газета.", [("2022-02-24", "24 February 2022")]),
]

RUSSIAN = [
    ("Приговор оглашён 12.03.2021 в районном суде.", [("2021-03-12", "12.03.2021")]),
    ("Заседание от 3 апреля 2019 г. отложено.", [("2019-04-03", "3 апреля 2019 г.")]),
    ("Контракт подписан в марте 2018 года.", [("2018-03", "марте 2018 года")]),
    ("В прошлом году выручка выросла.", [("2023", "В прошлом году")]),
    ("В этом году проверок не было.", [("2024", "В этом году")]),
    ("Летом прошлого года склад закрыли.", [("2023-22", "Летом прошлого года")]),
    ("Письмо пришло в прошлом месяце.", [("2024-05", "в прошлом месяце")]),
    ("Встреча прошла 1 января.", [("2024-01-01", "1 января")]),  # the document's year
    ("Сделку закрыли в январе позапрошлого года.", [("2022-01", "в январе позапрошлого года")]),
    ("С 2014 года фирма работает в Лимасоле.", [("2014", "2014 года")]),
    ("В конце прошлого года фирму продали.", [("2023", "В конце прошлого года")]),
]

ENGLISH = [
    ("The claim was filed on February 24, 2022 in London.", [("2022-02-24", "February 24, 2022")]),
    ("Judgment of the 3rd of March 2021 was upheld.", [("2021-03-03", "3rd of March 2021")]),
    ("The designation was published in February 2023.", [("2023-02", "February 2023")]),
    ("He has been director since 2014.", [("2014", "2014")]),
    ("The hearing took place on 12 June.", [("2024-06-12", "12 June")]),
    ("Revenue fell in March of last year.", [("2023-03", "March of last year")]),
    ("The audit is due next month.", [("2024-07", "next month")]),
    ("Last year the company moved its servers.", [("2023", "Last year")]),
    ("Logs dated 2023-11-05 were produced.", [("2023-11-05", "2023-11-05")]),
    ("Between 2019 and 2021 the firm had no auditor.", [("2019", "2019"), ("2021", "2021")]),
]

NOISE = [
    "See page 12 and p. 2020 of the bundle.",
    "The company paid $5 million in 2,020 instalments.",
    "Case No. 2201234/2024 was listed.",
    "The hearing resumed at 14:30.",
    "Under section 2020 of the Act and § 1998.",
    "He may appeal; they may not.",
    "Дело № 2201234/2024 рассмотрено.",
    "Смотри стр. 12 и с. 2019.",
    "Сумма составила 5 млн долларов, заседание в 14:30.",
    "Согласно статье 2020 кодекса и пункту 3.1.",
    "Тираж 2020 экземпляров, в 2021 шт.",
]


@pytest.mark.parametrize(("text", "expected"), ISSUE + RUSSIAN + ENGLISH)
def test_dates_are_suggested(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", NOISE)
def test_noise_is_never_suggested(text: str) -> None:
    assert found(text) == []


def test_relative_phrases_need_the_documents_own_date() -> None:
    assert found("Договор продлили в мае этого года.", None) == []
    assert found("He resigned last May.", None) == []
    assert found("He resigned last May.", "2024") == []  # which May is "last" is unknown
    assert found("В прошлом году выручка выросла.", "2021-05") == [("2020", "В прошлом году")]
    assert found("He resigned last May.", "2024-03-01") == [("2023-05", "last May")]


def test_a_suggestion_carries_precision_span_and_sentence() -> None:
    text = "Первое предложение. Вторжение началось 24 февраля 2022 года, пишет газета. Конец."
    (s,) = suggest_dates(text, DOC_DATE)
    assert isinstance(s, DateSuggestion)
    assert (s.date, s.precision, s.rule) == ("2022-02-24", "day", "ru")
    assert text[s.start : s.end] == s.phrase == "24 февраля 2022 года"
    assert s.sentence == "Вторжение началось 24 февраля 2022 года, пишет газета."


def test_precision_follows_the_phrase() -> None:
    text = "Офис открыт в 2020 году, закрыт в феврале 2023 года, продан 7 июня 2024 года."
    assert [s.precision for s in suggest_dates(text)] == ["year", "month", "day"]


def test_two_digit_years_are_this_century_when_that_is_not_the_future() -> None:
    assert found("Постановление от 12.03.21 отменено.") == [("2021-03-12", "12.03.21")]
    assert found("Постановление от 12.03.98 отменено.") == [("1998-03-12", "12.03.98")]


def test_impossible_dates_are_not_suggested() -> None:
    assert found("Письмо от 31 февраля 2023 года.") == []
    assert found("Dated 30 February 2023.") == []


def test_document_date_from_its_dateline() -> None:
    text = "ЭХО СЕВЕРА\n7 июня 2024 года\n\nВ 2020 году компания получила контракт."
    s = document_date_from_text(text)
    assert s is not None and s.date == "2024-06-07"
    assert document_date_from_text("Нет дат в заголовке. " * 40 + "в 2020 году") is None


@pytest.mark.slow
def test_bulk_suggestion_runs_in_a_worker_process_with_the_same_results() -> None:
    from casefile.core.chronology.suggest_pool import suggest_many

    items = [(text, DOC_DATE) for text, _ in ISSUE[:4] + ENGLISH[:3]]
    assert suggest_many(items) == [suggest_dates(t, r) for t, r in items]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Клиентом он значился с весны 2023 года.", [("2023-21", "весны 2023 года")]),
        ("Spring 2023: the account was opened.", [("2023-21", "Spring 2023")]),
        ("They met in the summer of 2022.", [("2022-22", "summer of 2022")]),
        ("Офис открыт около 2015 года.", [("2015~", "около 2015 года")]),
        ("It happened around May 2024.", [("2024-05~", "around May 2024")]),
        ("Примерно в марте 2019 года фирму продали.", [("2019-03~", "Примерно в марте 2019 года")]),
    ],
)
def test_seasons_and_approximate_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
