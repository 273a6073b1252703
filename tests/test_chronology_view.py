"""What the Chronology view reads and writes: the outline sorted and filtered in SQL
(flags included, which must agree with the flags computed on read), full rows with
citations as "Doc N, p. P", whole-event writes for undo, dates typed in words, a date
found in a selected passage, and date suggestions as a cancellable job."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import delete, update

from casefile.core import dates
from casefile.core.case import Case
from casefile.core.date_rules import date_in_passage
from casefile.core.date_words import in_words
from casefile.core.db.schema import Document, EventCitation
from casefile.core.errors import InvalidValueError
from casefile.core.jobs import Cancelled, JobContext
from casefile.core.services import chronology as chrono
from casefile.core.services import chronology_suggest as suggest
from casefile.core.services import chronology_undo as undo
from casefile.core.services import chronology_view as cv
from casefile.core.services.chronology_dto import CitationSpec
from tests.search_fixtures import add_document

PAGE = "Встреча в Москве прошла 7 июня 2024 г. The board met on 3 April 2024. Ёлка и OkoVision."


@pytest.fixture
def chron(case: Case) -> dict[str, str]:
    """Three documents of different grades and six events over them."""
    a = add_document(case, "Alpha", [PAGE], date="2024-06-07")
    b = add_document(case, "Beta", [PAGE], date="2023-01-01")
    c = add_document(case, "Gamma", [PAGE])
    with case.session() as s:
        for uid, grade in ((a, "A"), (b, "E"), (c, "F")):
            s.execute(update(Document).where(Document.uid == uid).values(reliability_source=grade))

    def cite(doc: str, quote: str = "The board met", grade: int | None = 2) -> CitationSpec:
        return CitationSpec(doc, 1, quote, grade=grade)

    ev = {
        "two": chrono.add_event(
            case, title="Zeta two sources", date="2024-04-03", citations=[cite(a), cite(b)]
        ),
        "single": chrono.add_event(
            case, title="alpha single", date="2024-06", entities=["OkoVision"], citations=[cite(a)]
        ),
        "weak": chrono.add_event(
            case, title="Weak ёлка", date="2020/2022", tags=["x"], citations=[cite(b), cite(c)]
        ),
        "weak_info": chrono.add_event(
            case, title="info 6", date="2024-05~", citations=[cite(a, grade=6), cite(b, grade=5)]
        ),
        "none": chrono.add_event(case, title="Nothing cited", date="2019"),
        "undated": chrono.add_event(case, title="Undated", citations=[cite(c, "OkoVision")]),
    }
    uids = {k: v.uid for k, v in ev.items()}
    # A lost quote: re-extraction took its words off the page.
    lost = chrono.add_event(case, title="Lost", date="2021-03-04", citations=[cite(c, "Ёлка")])
    with case.session() as s:
        s.execute(
            update(EventCitation)
            .where(EventCitation.quote == "Ёлка")
            .values(lost=True, quote="ёлка, gone since")
        )
    uids["lost"] = lost.uid
    return uids


def test_sql_flags_agree_with_the_flags_computed_on_read(case: Case, chron: dict[str, str]) -> None:
    infos = {i.uid: set(i.flags) for i in chrono.list_events(case)}
    for flag in chrono.FLAGS:
        in_sql = {m.uid for m in cv.event_outline(case, cv.EventFilters(flag=flag))}
        assert in_sql == {u for u, f in infos.items() if flag in f}, flag
    assert "weak_sources" in infos[chron["weak"]] and "weak_sources" in infos[chron["weak_info"]]
    assert infos[chron["none"]] == {"no_source"}
    assert "lost_quote" in infos[chron["lost"]]


def test_outline_orders_like_the_chronology_and_sorts_by_any_column(
    case: Case, chron: dict[str, str]
) -> None:
    by_date = [m.uid for m in cv.event_outline(case)]
    assert by_date == [i.uid for i in chrono.list_events(case)]
    assert by_date[-1] == chron["undated"]  # undated last
    assert by_date[0] == chron["none"]  # 2019
    backwards = [m.uid for m in cv.event_outline(case, sort="date", descending=True)]
    assert backwards[:-1] == list(reversed(by_date[:-1])) and backwards[-1] == chron["undated"]
    titles = [m.uid for m in cv.event_outline(case, sort="title")]
    assert titles[0] == chron["single"] and titles[-1] == chron["two"]  # alpha … Zeta
    sources = [m.uid for m in cv.event_outline(case, sort="sources", descending=True)]
    assert set(sources[:3]) == {chron["two"], chron["weak"], chron["weak_info"]}


def test_filters_entity_tag_range_and_words(case: Case, chron: dict[str, str]) -> None:
    def uids(**kw: str) -> set[str]:
        return {m.uid for m in cv.event_outline(case, cv.EventFilters(**kw))}

    assert uids(entity="okovision") == {chron["single"]}
    assert uids(tag="x") == {chron["weak"]}
    assert uids(date_from="2024-05", date_to="2024-06-30") == {chron["single"], chron["weak_info"]}
    assert uids(text="ЁЛКА") == {chron["weak"], chron["lost"]}  # title or quote, any case
    assert uids(text="okovision") == {chron["undated"]}  # a quote; entities are not words


def test_rows_cite_documents_by_their_number_in_the_index(
    case: Case, chron: dict[str, str]
) -> None:
    rows = cv.event_rows(case, [chron["two"]])
    row = rows[chron["two"]]
    # Beta (2023) is Doc 1, Alpha (2024) Doc 2, Gamma (undated) Doc 3.
    assert row.sources == ("Doc 2, p. 1", "Doc 1, p. 1")
    assert row.grades == ("A2", "E2")


def test_put_event_brings_a_deleted_event_back_whole(case: Case, chron: dict[str, str]) -> None:
    before = chrono.get_event(case, chron["weak"])
    chrono.delete_event(case, before.uid)
    changes = undo.put_event(case, before)
    assert changes.events == {before.uid}
    again = chrono.get_event(case, before.uid)
    assert (
        again.title,
        again.date,
        again.tags,
        [e.name for e in again.entities],
    ) == (before.title, before.date, before.tags, [e.name for e in before.entities])
    assert [(c.document_uid, c.quote, c.start, c.end, c.grade) for c in again.citations] == [
        (c.document_uid, c.quote, c.start, c.end, c.grade) for c in before.citations
    ]


def test_put_event_undoes_an_edit_and_keeps_a_lost_quote(case: Case, chron: dict[str, str]) -> None:
    before = chrono.get_event(case, chron["lost"])
    edited = replace(before, title="Renamed", date="2021", citations=())
    undo.put_event(case, edited)
    assert chrono.get_event(case, before.uid).title == "Renamed"
    undo.put_event(case, before)
    back = chrono.get_event(case, before.uid)
    assert (back.title, back.date) == ("Lost", "2021-03-04")
    assert [c.lost for c in back.citations] == [True]  # kept, still flagged


def test_put_event_refuses_a_new_citation_whose_quote_is_not_on_the_page(
    case: Case, chron: dict[str, str]
) -> None:
    ev = chrono.get_event(case, chron["none"])
    c = chrono.get_event(case, chron["two"]).citations[0]
    bad = replace(c, id=0, quote="words that are nowhere", start=None, end=None)
    with pytest.raises(InvalidValueError, match="not on page 1"):
        undo.put_event(case, replace(ev, citations=(bad,)))
    with pytest.raises(InvalidValueError, match="title"):
        undo.put_event(case, replace(ev, title=" "))


def test_undo_of_an_addition_deleted_since_says_nothing(case: Case) -> None:
    assert undo.delete_event_quietly(case, "0" * 32).events == {"0" * 32}


@pytest.mark.parametrize(
    ("typed", "edtf"),
    [
        ("7 June 2024", "2024-06-07"),
        ("June 7, 2024", "2024-06-07"),
        ("c. May 2024", "2024-05~"),
        ("about May 2024", "2024-05~"),
        ("May 2024 (uncertain)", "2024-05?"),
        ("2020–2022", "2020/2022"),
        ("2020-2022", "2020/2022"),
        ("between 2020 and 2022", "2020/2022"),
        ("March 2019 – 15 March 2024", "2019-03/2024-03-15"),
        ("from 2022 onwards", "2022/.."),
        ("until 2020", "../2020"),
        ("spring 2023", "2023-21"),
        ("the 2020s", "202X"),
        ("7 июня 2024 г.", "2024-06-07"),
        ("февраль 2023 г.", "2023-02"),
        ("в феврале 2023 года", "2023-02"),
        ("около мая 2024 г.", "2024-05~"),
        ("2020–2022 гг.", "2020/2022"),
        ("с 2022 г.", "2022/.."),
        ("весна 2023 г.", "2023-21"),
        ("07.06.2024", "2024-06-07"),
        ("2024-05~", "2024-05~"),
    ],
)
def test_dates_typed_in_words(typed: str, edtf: str) -> None:
    assert dates.read_date(typed).text == edtf


@pytest.mark.parametrize(
    "edtf",
    ["2024-06-07", "2023-02", "2024-05~", "2020/2022", "2022/..", "2023-21", "2019-03/2024-03-15"],
)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_words_shown_read_back_as_the_same_date(edtf: str, lang: str) -> None:
    assert dates.read_date(in_words(edtf, lang)).text == edtf


def test_a_date_typed_wrong_gets_a_sentence() -> None:
    with pytest.raises(InvalidValueError, match="February 2023 has 28 days"):
        dates.read_date("30 February 2023")
    with pytest.raises(InvalidValueError, match="Words work too"):
        dates.read_date("last Tuesday-ish")


@pytest.mark.parametrize(
    ("passage", "edtf"),
    [
        ("Встреча состоялась 7 июня 2024 г. в Москве", "2024-06-07"),
        ("в феврале 2023 года OkoVision", "2023-02"),
        ("dismissed on 3 April 2024 after", "2024-04-03"),
        ("In March 2024, Helix", "2024-03"),
        ("офис открыт в 2020 году", "2020"),
        ("в мае этого года контракт", "2024-05"),  # the document's own year
        ("около мая 2024 года", "2024-05~"),
        ("at 14:30 on page 12, case 2201234/2024", None),
    ],
)
def test_a_date_is_suggested_from_a_selected_passage(passage: str, edtf: str | None) -> None:
    assert date_in_passage(passage, "2024-06-07") == edtf


@pytest.mark.slow
def test_suggestion_job_reports_progress_and_stops_when_cancelled(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(3):
        add_document(case, f"Doc {i}", [f"The board met on {i + 1} April 2024."], date="2024-06-07")
    monkeypatch.setattr(suggest, "JOB_BATCH_CHARS", 1)  # one page a batch
    seen: list[int] = []
    found: list[object] = []
    everything = suggest.suggest_event_dates_job(
        case, JobContext(on_progress=lambda p: seen.append(p.done)), on_found=found.extend
    )
    assert sorted(s.date for s in everything) == ["2024-04-01", "2024-04-02", "2024-04-03"]
    assert found == everything and seen[-1] == 3 and 1 in seen

    ctx = JobContext()
    ctx._on_progress = lambda p: ctx.cancel() if p.done >= 1 else None
    got: list[object] = []
    with pytest.raises(Cancelled):
        suggest.suggest_event_dates_job(case, ctx, on_found=got.extend)
    assert len(got) == 1  # stopped after the first batch


def test_counting_events(case: Case, chron: dict[str, str]) -> None:
    assert cv.count_events(case) == len(chron)
    with case.session() as s:
        s.execute(delete(EventCitation))
    assert {m.uid for m in cv.event_outline(case, cv.EventFilters(flag="no_source"))} == set(
        chron.values()
    )
