"""The query language on small fixtures whose answers are counted by hand."""

from __future__ import annotations

import pytest

from casefile.core import services
from casefile.core.case import Case
from tests.helpers import EN_CLAIM, RU_ARTICLE
from tests.search_fixtures import add_document


@pytest.fixture
def docs(case: Case) -> dict[str, str]:
    return {
        "ru": add_document(
            case,
            "Статья о санкциях",
            [RU_ARTICLE],
            kind="article",
            date="2024-06",
            languages="ru",
            tags=["sanctions"],
            source="Эхо",
        ),
        "claim": add_document(
            case,
            "Claim summary",
            [EN_CLAIM, "Second page: VisionLabs and санкции were discussed."],
            kind="court_filing",
            date="2024-06-07",
            languages="en,ru",
            source="Employment Tribunal",
            tags=["sanctions", "tribunal"],
        ),
        "old": add_document(
            case,
            "Designation notice",
            ["The company was designated for sanctions. Selling services is prohibited."],
            kind="report",
            date="2021",
            languages="en",
        ),
        "note": add_document(
            case,
            "Undated note",
            ["Forrest called about the front office."],
            kind="note",
            languages="en",
        ),
    }


def titles(case: Case, q: str, **kw: object) -> set[str]:
    return {h.title for h in services.search(case, q, **kw).hits}  # type: ignore[arg-type]


def test_inflections_within_a_script(case: Case, docs: dict[str, str]) -> None:
    # "санкциями" in the article, "санкции" on page 2 of the claim
    assert titles(case, "санкция") == {"Статья о санкциях", "Claim summary"}
    # sanctioned (claim) / sanctions (designation)
    assert titles(case, "sanction") == {"Claim summary", "Designation notice"}
    assert titles(case, "sell") == {"Designation notice"}  # "Selling"
    assert titles(case, "продать") == set()  # a different stem: no false friend
    assert titles(case, "продавать сервис") == {"Статья о санкциях"}


def test_mixed_scripts_phrases_and_operators(case: Case, docs: dict[str, str]) -> None:
    r = services.search(case, "VisionLabs санкции")
    assert [h.title for h in r.hits] == ["Claim summary"]
    assert r.hits[0].pages == (2,)
    assert titles(case, '"front company"') == {"Claim summary"}
    assert titles(case, '"front office"') == {"Undated note"}
    assert titles(case, '"company front"') == set()
    assert titles(case, "Forrest") == {"Claim summary", "Undated note"}
    assert titles(case, "Forrest NOT front") == set()
    assert titles(case, "Forrest -office") == {"Claim summary"}
    # -word inside brackets (Whoosh only handled it at the outermost level)
    assert titles(case, "designated OR (Forrest -office)") == {
        "Claim summary",
        "Designation notice",
    }
    assert titles(case, "(Helix OR Forrest) AND cloud") == {"Статья о санкциях", "Claim summary"}
    assert titles(case, "санкц*") == {"Статья о санкциях", "Claim summary"}
    assert titles(case, "design*") == {"Designation notice"}


def test_exact_mode_does_not_stem(case: Case, docs: dict[str, str]) -> None:
    assert titles(case, "санкциями", exact=True) == {"Статья о санкциях"}
    assert titles(case, "санкции", exact=True) == {"Claim summary"}
    assert titles(case, "sanction", exact=True) == set()
    assert titles(case, "SANCTIONS", exact=True) == {"Designation notice"}


def test_field_filters(case: Case, docs: dict[str, str]) -> None:
    assert titles(case, "kind:court_filing") == {"Claim summary"}
    assert titles(case, "kind:court") == {"Claim summary"}  # a unique prefix is enough
    assert titles(case, "tag:sanctions") == {"Статья о санкциях", "Claim summary"}
    assert titles(case, "tag:tribunal Forrest") == {"Claim summary"}
    assert titles(case, "lang:ru") == {"Статья о санкциях", "Claim summary"}
    assert titles(case, "source:tribunal") == {"Claim summary"}
    assert titles(case, "title:notice") == {"Designation notice"}
    assert titles(case, "sanctions -kind:report") == {"Claim summary"}


def test_dates_match_by_containment(case: Case, docs: dict[str, str]) -> None:
    assert titles(case, "date:2024") == {"Статья о санкциях", "Claim summary"}
    assert titles(case, "date:2024-06") == {"Статья о санкциях", "Claim summary"}
    assert titles(case, "date:2024-06-07") == {"Claim summary"}  # a month is not inside a day
    assert titles(case, "date:[2020 TO 2022]") == {"Designation notice"}
    assert titles(case, "date:[2021 TO 2024-06]") == {
        "Статья о санкциях",
        "Claim summary",
        "Designation notice",
    }
    assert titles(case, "date:[2022 TO *]") == {"Статья о санкциях", "Claim summary"}


def test_facets_totals_and_sorting(case: Case, docs: dict[str, str]) -> None:
    r = services.search(case, "sanctions OR санкции OR Forrest")
    assert r.total == 4
    assert dict(r.facets["kind"]) == {"article": 1, "court_filing": 1, "report": 1, "note": 1}
    assert dict(r.facets["year"]) == {"2024": 2, "2021": 1, "undated": 1}
    assert dict(r.facets["lang"]) == {"en": 3, "ru": 2}
    assert dict(r.facets["tag"]) == {"sanctions": 2, "tribunal": 1}
    by_date = services.search(case, "sanctions OR санкции OR Forrest", sort="date")
    assert [h.title for h in by_date.hits] == [
        "Designation notice",
        "Статья о санкциях",
        "Claim summary",
        "Undated note",
    ]
    newest = services.search(case, "sanctions OR санкции OR Forrest", sort="newest")
    assert newest.hits[0].title == "Claim summary"
    page2 = services.search(case, "sanctions OR санкции OR Forrest", sort="date", limit=3, page=2)
    assert [h.title for h in page2.hits] == ["Undated note"]
    filtered = services.search(case, "", filters={"year": "2024", "kind": "article"})
    assert [h.title for h in filtered.hits] == ["Статья о санкциях"]


def test_snippets_are_text_with_spans(case: Case, docs: dict[str, str]) -> None:
    r = services.search(case, "VisionLabs санкции")
    sn = r.hits[0].snippets[0]
    assert sn.page == 2
    assert [sn.text[s:e] for s, e in sn.spans] == ["VisionLabs", "санкции"]
    r = services.search(case, "Forrest NOT office")
    assert all(sn.text[s:e] == "Forrest" for h in r.hits for sn in h.snippets for s, e in sn.spans)


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ('"front company', "never closed"),
        ("(Forrest OR Helix", "never closed"),
        ("Forrest)", "closes nothing"),
        ("AND Forrest", "needs a word on each side"),
        ("Forrest AND", "nothing after it"),
        ("Forrest OR OR Helix", "needs a word on each side"),
        ("kind:", "needs a value"),
        ("kind:newspaper", "not a document kind"),
        ("date:2024-13", "not a date"),
        ("date:[2020 TO 2022", "never closed"),
        ("[2020 TO 2022]", "only for dates"),
        ("   ", "Type something"),
    ],
)
def test_malformed_queries_give_messages(
    case: Case, docs: dict[str, str], query: str, fragment: str
) -> None:
    with pytest.raises(services.QueryError) as info:
        services.search(case, query)
    assert fragment in str(info.value)


def test_saved_searches(case: Case, docs: dict[str, str]) -> None:
    services.save_search(case, "Sanctions by date", "sanctions OR санкции", sort="date")
    services.save_search(case, "Names", "Forrest", exact=True)
    assert [s.name for s in services.list_saved_searches(case)] == ["Names", "Sanctions by date"]
    r = services.run_saved_search(case, "Sanctions by date")
    assert r.sort == "date" and r.hits[0].title == "Designation notice"
    with pytest.raises(services.QueryError):
        services.save_search(case, "Broken", '"oops')
    services.delete_saved_search(case, "Names")
    assert [s.name for s in services.list_saved_searches(case)] == ["Sanctions by date"]


def test_a_hyphen_inside_a_word_joins_it_rather_than_excluding(case: Case) -> None:
    add_document(case, "Vendor memo", ["A face-recognition system was sold to the agency."])
    add_document(case, "Court note", ["Recognition of a face in court is disputed."])
    add_document(case, "Travel", ["Поездка в Ростов-на-Дону и обратно."])
    assert titles(case, "face-recognition") == {"Vendor memo"}  # the words, side by side
    assert titles(case, '"face recognition"') == {"Vendor memo"}
    assert titles(case, "face -recognition") == set()  # a minus after a space still excludes
    assert titles(case, "Ростов-на-Дону") == {"Travel"}
