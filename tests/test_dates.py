"""The plain-date fast path gives exactly what the EDTF grammar gives, and leaves every
other form (and every invalid one) to it."""

from __future__ import annotations

import pytest

from casefile.core import dates
from casefile.core.errors import InvalidValueError

PLAIN = [
    "2024-06-07",
    "2024-02-29",
    "2023-02",
    "2024-02",
    "2020",
    "1999-12",
    "0999",
    "2000-01-01",
    "1900-02",
    "9999-12-31",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_dates_match_the_edtf_grammar(text: str) -> None:
    fast = dates._parse_plain(text)
    assert fast is not None
    assert fast == dates._parse_edtf(text)


@pytest.mark.parametrize("text", ["2024-05~", "2020?", "2020/2022", "2022-02-24/..", "0000"])
def test_other_forms_go_to_the_grammar(text: str) -> None:
    assert dates._parse_plain(text) is None
    assert dates.parse(text) == dates._parse_edtf(text)


@pytest.mark.parametrize("text", ["2024-02-30", "2023-13", "2023-00", "20-01-01", "June"])
def test_invalid_dates_are_refused_with_a_sentence(text: str) -> None:
    with pytest.raises(InvalidValueError, match="is not a date Casefile understands"):
        dates.parse(text)
