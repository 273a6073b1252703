"""The chronology's use cases: events with EDTF dates, citations whose quotes survive
re-extraction, source flags, filters, date suggestions accepted or dismissed, audit."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update

from casefile.core import services
from casefile.core.case import Case
from casefile.core.db.schema import Document, Page
from casefile.core.errors import InvalidValueError
from casefile.core.services import chronology as chrono
from casefile.core.services import chronology_suggest as suggest
from casefile.core.services.chronology_dto import CitationSpec

ARTICLE = (
    "Эхо Севера\n7 июня 2024 года\n\n"
    "Компания Helix Cloud открыла офис в Лимасоле в 2020 году. "
    "В феврале 2023 года OkoVision попала под санкции. "
    "В мае этого года Helix Cloud продлила контракт с OkoVision."
)
CLAIM = (
    "The Claimant was dismissed on 3 April 2024. He had raised concerns "
    "with the board in February 2023 and again last May."
)


def _import(case: Case, tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "claim.txt").write_text(CLAIM, encoding="utf-8")
    summary = services.import_paths(case, [folder / "article.txt", folder / "claim.txt"])
    uids = {Path(o.path).stem: o.document_uid for o in summary.outcomes}
    services.update_document(case, uids["article"], date="2024-06-07", reliability_source="C")
    services.update_document(case, uids["claim"], date="2024-06-06", reliability_source="A")
    return {k: v for k, v in uids.items() if v}


@pytest.fixture
def docs(case: Case, tmp_path: Path) -> dict[str, str]:
    return _import(case, tmp_path)


def test_event_with_a_citation_points_at_the_quoted_span(case: Case, docs: dict[str, str]) -> None:
    quote = "В феврале 2023 года OkoVision попала под санкции."
    ev = chrono.add_event(
        case,
        title="OkoVision designated",
        date="2023-02",
        tags=["sanctions"],
        entities=["OkoVision"],
        citations=[CitationSpec(docs["article"], 1, quote, grade=2)],
    )
    (cite,) = ev.citations
    page = services.get_page(case, docs["article"], 1).text
    assert page[cite.start : cite.end] == quote == cite.quote
    assert (ev.date_words, cite.grade, cite.source_grade) == ("February 2023", 2, "C")
    assert chrono.get_event(case, ev.uid, lang="ru").date_words == "февраль 2023 г."
    actions = [a.action for a in services.audit_log(case)]
    assert "add_event" in actions


def test_a_quote_not_on_the_page_is_refused(case: Case, docs: dict[str, str]) -> None:
    with pytest.raises(InvalidValueError, match="The quote is not on page 1"):
        chrono.add_event(
            case, title="x", date="2023", citations=[CitationSpec(docs["claim"], 1, "not there")]
        )
    with pytest.raises(InvalidValueError, match="is not a date Casefile understands"):
        chrono.add_event(case, title="x", date="2023-02-30")
    assert chrono.list_events(case) == []


def test_quote_survives_re_extraction_and_is_re_anchored_or_flagged_lost(
    case: Case, docs: dict[str, str]
) -> None:
    quote = "He had raised concerns with the board in February 2023"
    ev = chrono.add_event(
        case,
        title="Concerns raised",
        date="2023-02",
        citations=[CitationSpec(docs["claim"], 1, quote)],
    )
    # A better extractor reflows the text: a heading in front, the quote over two lines.
    new_text = "CLAIM FORM\n\n" + CLAIM.replace("concerns with", "concerns\nwith")
    with case.session() as s:
        doc_id = s.scalar(select(Document.id).where(Document.uid == docs["claim"]))
        s.execute(update(Page).where(Page.document_id == doc_id).values(text=new_text))
    assert chrono.reanchor_citations(case, docs["claim"]) == (1, 0)
    (cite,) = chrono.get_event(case, ev.uid).citations
    assert not cite.lost
    assert " ".join(new_text[cite.start : cite.end].split()) == quote
    assert cite.quote == quote  # the stored words do not change
    # The passage is gone from the page: the citation stays, flagged lost.
    with case.session() as s:
        s.execute(update(Page).where(Page.document_id == doc_id).values(text="Nothing here."))
    assert chrono.reanchor_citations(case, docs["claim"]) == (0, 1)
    again = chrono.get_event(case, ev.uid)
    assert again.citations[0].lost and "lost_quote" in again.flags


def test_single_source_and_weak_source_flags(case: Case, docs: dict[str, str]) -> None:
    one = chrono.add_event(
        case,
        title="Dismissed",
        date="2024-04-03",
        citations=[CitationSpec(docs["claim"], 1, "dismissed on 3 April 2024")],
    )
    assert "single_source" in one.flags and "weak_sources" not in one.flags
    two = chrono.add_event(
        case,
        title="Designation",
        date="2023-02",
        citations=[
            CitationSpec(docs["claim"], 1, "in February 2023", grade=5),
            CitationSpec(docs["article"], 1, "В феврале 2023 года", grade=6),
        ],
    )
    assert "single_source" not in two.flags and "weak_sources" in two.flags
    services.update_document(case, docs["claim"], reliability_source="E")
    chrono.remove_citation(case, two.uid, two.citations[1].id)
    assert set(chrono.get_event(case, two.uid).flags) >= {"single_source", "weak_sources"}
    none = chrono.add_event(case, title="Rumour", date="2022")
    assert none.flags == ("no_source",)
    flagged = [e.uid for e in chrono.list_events(case, flag="single_source")]
    assert flagged == [two.uid, one.uid]


def test_order_and_filters(case: Case, docs: dict[str, str]) -> None:
    made = {}
    for title, date, tags, ents in [
        ("Office opened", "2020", ["cyprus"], ["Helix Cloud"]),
        ("Designation", "2023-02-14", ["sanctions"], ["OkoVision"]),
        ("Contract talks", "2023-02", [], ["Helix Cloud", "OkoVision"]),
        ("Contract renewed", "2024-05~", ["contract"], ["Helix Cloud"]),
        ("War", "2022-02-24/..", [], []),
        ("Undated note", None, [], []),
        ("Audit period", "2020/2022", [], []),
    ]:
        made[title] = chrono.add_event(case, title=title, date=date, tags=tags, entities=ents)
    assert [e.title for e in chrono.list_events(case)] == [
        "Office opened",
        "Audit period",
        "War",
        "Contract talks",  # a month sorts at its start: 1 February before the 14th
        "Designation",
        "Contract renewed",
        "Undated note",
    ]
    assert [e.title for e in chrono.list_events(case, entity="okovision")] == [
        "Contract talks",
        "Designation",
    ]
    assert [e.title for e in chrono.list_events(case, tag="sanctions")] == ["Designation"]
    in_2023 = [e.title for e in chrono.list_events(case, date_from="2023", date_to="2023")]
    assert in_2023 == ["War", "Contract talks", "Designation"]  # the open war overlaps 2023
    assert [e.title for e in chrono.list_events(case, date_to="2020-06")] == [
        "Office opened",
        "Audit period",
    ]
    with pytest.raises(InvalidValueError):
        chrono.list_events(case, flag="nonsense")


def test_edit_and_delete_are_audited(case: Case, docs: dict[str, str]) -> None:
    ev = chrono.add_event(case, title="Draft", date="2024", entities=["OkoVision", "Helix"])
    chrono.update_event(case, ev.uid, date="2024-05~", title="Contract renewed")
    kept = chrono.update_event(case, ev.uid, entities=["OkoVision", "Tarn Data"], tags=["a"])
    assert [e.name for e in kept.entities] == ["OkoVision", "Tarn Data"] and kept.tags == ("a",)
    shown = chrono.get_event(case, ev.uid)
    assert (shown.title, shown.date_words) == ("Contract renewed", "c. May 2024")
    chrono.update_event(case, ev.uid, title="Contract renewed")  # no change, no entry
    assert chrono.delete_event(case, ev.uid).events == {ev.uid}
    actions = [a.action for a in services.audit_log(case) if a.target == ev.uid]
    assert sorted(actions) == ["add_event", "delete_event", "edit_event", "edit_event"]
    with pytest.raises(chrono.EventNotFoundError):
        chrono.get_event(case, ev.uid)


def test_suggestions_accepted_with_citation_and_dismissed_for_good(
    case: Case, docs: dict[str, str]
) -> None:
    found = suggest.suggest_event_dates(case, docs["article"])
    assert [(s.date, s.phrase) for s in found] == [
        ("2024-06-07", "7 июня 2024 года"),
        ("2020", "2020 году"),
        ("2023-02", "феврале 2023 года"),
        ("2024-05", "В мае этого года"),  # against the document's own date
    ]
    claim = suggest.suggest_event_dates(case, docs["claim"])
    assert [s.date for s in claim] == ["2024-04-03", "2023-02", "2024-05"]
    ev = suggest.accept_suggestion(case, found[2], title="OkoVision designated")
    assert ev.date == "2023-02" and ev.citations[0].quote.startswith("В феврале 2023 года")
    suggest.dismiss_suggestion(case, found[0])
    left = [s.date for s in suggest.suggest_event_dates(case, docs["article"])]
    assert left == ["2020", "2024-05"]  # dismissed and already-cited ones are gone
    assert "dismiss_date_suggestion" in [a.action for a in services.audit_log(case)]


def test_a_case_from_before_the_chronology_opens_and_upgrades(tmp_path: Path) -> None:
    from alembic import command

    from casefile.core.db import migrate

    path = tmp_path / "Old.casefile"
    services.create_case(path).close()
    old = services.open_case(path)
    cfg = migrate._config()
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")  # as a case written before migration 0010
    old.close()
    with services.open_case(path) as case:
        assert migrate.stamped_revision(case.engine) == migrate.HEAD_REVISION
        assert case.migration_backup is not None
        ev = chrono.add_event(case, title="After upgrade", date="2020/2022")
        assert chrono.list_events(case)[0].date_words == "2020–2022" == ev.date_words


def test_document_date_comes_from_the_dateline_before_file_properties(
    case: Case, tmp_path: Path
) -> None:
    from docx import Document as Docx

    folder = tmp_path / "dated"
    folder.mkdir()
    article = Docx()  # python-docx's template says it was created on 2013-12-23
    article.add_paragraph("Эхо Севера · 7 июня 2024 года")
    article.add_paragraph("В феврале 2023 года OkoVision попала под санкции.")
    article.save(str(folder / "article.docx"))
    undated = Docx()
    undated.add_paragraph("В 2020 году компания открыла офис.")  # what it is about, not when
    undated.save(str(folder / "undated.docx"))
    summary = services.import_paths(case, [folder / "article.docx", folder / "undated.docx"])
    uids = {Path(o.path).stem: o.document_uid for o in summary.outcomes}
    doc = services.get_document(case, str(uids["article"]))
    assert (doc.date, doc.date_source) == ("2024-06-07", "text")
    assert doc.extra.get("file_date", "").startswith("2013-12-23")
    other = services.get_document(case, str(uids["undated"]))
    assert (other.date, other.date_source) == ("2013-12-23", "file")
    edited = services.update_document(case, str(uids["undated"]), date="2020")
    assert (edited.date, edited.date_source) == ("2020", "user")


def test_a_long_documents_dateline_is_read_from_its_spooled_first_page(
    case: Case, tmp_path: Path
) -> None:
    long = tmp_path / "long.txt"  # over paging.SPOOL_CHARS: its pages travel in a file
    long.write_text("Эхо Севера\n7 июня 2024 года\n\n" + "Слово за словом. " * 70_000)
    (outcome,) = services.import_paths(case, [long]).outcomes
    doc = services.get_document(case, str(outcome.document_uid))
    assert doc.page_count > 100
    assert (doc.date, doc.date_source) == ("2024-06-07", "text")
