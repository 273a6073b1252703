"""The DOCX report as a reader opens it (python-docx), checked against the case: the
chronology's rows and pinpoint citations, Cyrillic text, the document index, the cast,
landscape sections, scopes, bundle page citations, hostile text, and a cancelled
export that leaves nothing behind."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT

from casefile.core import services
from casefile.core.case import Case
from casefile.core.jobs import Cancelled, JobContext
from casefile.core.services import chronology, exports

pytestmark = pytest.mark.slow  # builds the demo case (an import) once, ~10 s


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from casefile.demo import build_demo_case

    return build_demo_case(tmp_path_factory.mktemp("demo") / "Demo")


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path) -> Iterator[Case]:
    copy = tmp_path / "Demo.casefile"
    shutil.copytree(demo_master, copy, ignore=shutil.ignore_patterns(".lock"))
    with services.open_case(copy) as case:
        yield case


def tables_by_header(path: Path) -> dict[str, list[list[str]]]:
    """Each table of the report by its first header cell, as rows of cell texts."""
    d = docx.Document(str(path))
    out = {}
    for t in d.tables:
        rows = [[c.text for c in r.cells] for r in t.rows]
        out[rows[0][0]] = rows
    return out


def report(case: Case, tmp_path: Path, **options: object) -> Path:
    out = tmp_path / "out" / "report.docx"
    result = exports.run_export(case, "report", exports.ReportOptions(**options), out)  # type: ignore[arg-type]
    assert result.path == out and out.is_file()
    return out


def test_report_chronology_rows_and_citations_match_the_case(demo: Case, tmp_path: Path) -> None:
    out = report(demo, tmp_path)
    tables = tables_by_header(out)
    index = tables["No."]
    assert index[0] == ["No.", "Title", "Kind", "Date", "Source", "Pages", "Grade", "SHA-256"]
    number = {row[1]: int(row[0]) for row in index[1:]}
    docs = {d.uid: services.get_document(demo, d.uid) for d in services.list_documents(demo)}
    # The document index: every document once, with its kind, pages and hash prefix.
    assert sorted(number) == sorted(d.title for d in docs.values())
    for row in index[1:]:
        d = next(x for x in docs.values() if x.title == row[1])
        assert row[5] == str(d.page_count)
        assert row[7] == d.sha256[:12]
        assert row[6] == f"{d.reliability_source}{d.reliability_info}"
    # By date, undated last: Doc 1 is the oldest (the 2023 designation summary).
    assert index[1][1] == "Summary of designation — OkoVision LLC"

    chrono = tables["Date"]
    events = chronology.list_events(demo)
    assert len(chrono) - 1 == len(events) == 9
    for row, ev in zip(chrono[1:], events, strict=True):
        assert row[0] == ev.date_words
        assert row[1].startswith(ev.title)
        for c in ev.citations:
            title = docs[c.document_uid].title
            cite = f"Doc {number[title]}, p. {c.page}"
            assert cite in row[3], (cite, row[3])
            assert " ".join(c.quote.split())[:40] in row[3]
        for e in ev.entities:
            assert e.name in row[2]
    # Cyrillic intact, in a title and in a quote.
    assert any(r[1].startswith("Эхо Севера publishes its investigation") for r in chrono)
    assert any("который в феврале 2023 года попал под санкции" in r[3] for r in chrono)
    # Grades: the source's letter and the citation's number.
    designation = next(r for r in chrono if r[1].startswith("OkoVision LLC designated"))
    assert f"Doc {number['Summary of designation — OkoVision LLC']}, p. 1 (A1)" in designation[3]
    single = next(r for r in chrono if r[1].startswith("Forrest dismissed"))
    assert single[4] == "Single source"


def test_report_cover_contents_cast_and_landscape_sections(demo: Case, tmp_path: Path) -> None:
    out = report(demo, tmp_path, author="Анна Ковалёва", summary="Краткое изложение.\n\nSecond.")
    d = docx.Document(str(out))
    styles = [(p.style.name, p.text) for p in d.paragraphs]
    assert ("Title", "Cloud face recognition (demo)") in styles
    assert any(t == "Prepared by: Анна Ковалёва" for _s, t in styles)
    assert any(t == "Scope: The whole case" for _s, t in styles)
    headings = [t for s, t in styles if s == "Heading 1"]
    assert headings == ["Summary", "Chronology", "Cast of characters", "Document index"]
    assert ("Normal", "Краткое изложение.") in styles
    body = d.element.body.xml
    assert "TOC \\o" in body  # the table-of-contents field, updated by Word on opening
    assert "w:updateFields" in d.settings.element.xml
    orient = [s.orientation for s in d.sections]
    assert orient[1] == WD_ORIENT.LANDSCAPE  # the chronology
    assert orient[2] == WD_ORIENT.PORTRAIT  # the cast
    assert orient[3] == WD_ORIENT.LANDSCAPE  # the document index
    assert all(s.page_width > s.page_height for s in d.sections if s.orientation)

    cast = tables_by_header(out)["Entity"]
    by_name = {row[0].split("\n")[0]: row for row in cast[1:]}
    assert len(by_name) == len(services.list_entities(demo))
    forrest = by_name["Daniel Forrest"]
    assert "Person" in forrest[0]
    assert "Дэниел Форрест" in forrest[1] and "Daniel Forrest" not in forrest[1]
    assert forrest[3].startswith("Doc ")


def test_report_scoped_to_a_tag_an_entity_or_dates(demo: Case, tmp_path: Path) -> None:
    out = report(demo, tmp_path, scope=exports.Scope(tag="whistleblower"))
    tables = tables_by_header(out)
    titles = [r[1].split("\n")[0] for r in tables["Date"][1:]]
    want = [e.title for e in chronology.list_events(demo, tag="whistleblower")]
    assert titles == want and len(want) == 3
    index_titles = {r[1] for r in tables["No."][1:]}
    assert "Forrest v Helix Cloud Services Ltd - claim summary" in index_titles
    assert "Summary of designation — OkoVision LLC" not in index_titles
    d = docx.Document(str(out))
    assert any(p.text == "Scope: Tag “whistleblower”" for p in d.paragraphs)

    out = report(demo, tmp_path, scope=exports.Scope(entities=("Tarn Data",)))
    tables = tables_by_header(out)
    assert [r[0].split("\n")[0] for r in tables["Entity"][1:]] == ["Tarn Data Solutions Ltd"]
    assert all("Tarn Data" in r[2] for r in tables["Date"][1:])
    assert len(tables["Date"]) - 1 == 4

    out = report(demo, tmp_path, scope=exports.Scope(date_from="2024", date_to="2024-05"))
    rows = tables_by_header(out)["Date"][1:]
    assert [r[0] for r in rows] == [
        "March 2019 – 15 March 2024",
        "15 March 2024",
        "c. April 2024",
        "May 2024",
    ]


@dataclass(frozen=True)
class FakeBundle:
    """What the bundle service says of the newest bundle: the claim is at B/12."""

    claim: str
    title: str = "Trial bundle"
    path: str = "/cases/bundle.pdf"

    def cite(self, uid: str, page: int = 1) -> str | None:
        return f"B/{11 + page}" if uid == self.claim else None


def test_report_cites_bundle_pages_once_a_bundle_was_made(
    demo: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = next(d for d in services.list_documents(demo) if d.title.startswith("Forrest v"))
    assert exports.bundle_citations(demo) is None  # no bundle made: documents are cited
    monkeypatch.setattr(exports, "bundle_citations", lambda _case: FakeBundle(claim.uid))
    out = report(demo, tmp_path)
    rows = tables_by_header(out)["Date"][1:]
    dismissed = next(r for r in rows if r[1].startswith("Forrest dismissed"))
    assert "B/12 (A2)" in dismissed[3]
    article = next(r for r in rows if r[1].startswith("Эхо Севера"))
    assert "Doc 4, p. 1" in article[3]  # not in the bundle: cited by document
    cover = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any("“Trial bundle” (bundle.pdf)" in t for t in cover)
    rows = tables_by_header(report(demo, tmp_path, bundle_pages=False))["Date"][1:]
    assert "B/12" not in " ".join(r[3] for r in rows)


def test_hostile_text_is_kept_readable(demo: Case, tmp_path: Path) -> None:
    chronology.add_event(
        demo,
        title="<w:p> & \x01bell\x07 ]]> =cmd|' /C calc'!A0",
        date="2025-01-02",
        description="line one\nline\ttwo",
    )
    out = report(demo, tmp_path)
    rows = tables_by_header(out)["Date"][1:]
    row = next(r for r in rows if r[0] == "2 January 2025")
    assert row[1].startswith("<w:p> & bell ]]> =cmd|' /C calc'!A0")
    assert "line one\nline\ttwo" in row[1]


def test_saved_search_excerpts_cite_their_pages(demo: Case, tmp_path: Path) -> None:
    services.save_search(demo, "Санкции", "OkoVision санкции")
    out = report(demo, tmp_path, saved_searches=("Санкции",))
    d = docx.Document(str(out))
    texts = [(p.style.name, p.text) for p in d.paragraphs]
    assert ("Heading 2", "Санкции") in texts
    quotes = [t for s, t in texts if s == "Quote"]
    assert quotes and all(t.endswith(", p. 1)") for t in quotes)
    bold = [r.text for p in d.paragraphs if p.style.name == "Quote" for r in p.runs if r.bold]
    assert any(w.lower().startswith("санкци") for w in bold)


def test_a_cancelled_report_leaves_nothing(demo: Case, tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.docx"
    out.parent.mkdir()
    out.write_bytes(b"an earlier report")
    job = JobContext(on_progress=lambda p: job.cancel() if p.label == "Chronology" else None)
    with pytest.raises(Cancelled):
        exports.run_export(demo, "report", exports.ReportOptions(), out, job)
    assert out.read_bytes() == b"an earlier report"  # untouched
    assert sorted(p.name for p in out.parent.iterdir()) == ["report.docx"]


def test_unknown_scope_values_say_what_is_wrong(demo: Case, tmp_path: Path) -> None:
    from casefile.core.errors import CasefileError

    with pytest.raises(CasefileError, match="Nobody"):
        report(demo, tmp_path, scope=exports.Scope(entities=("Nobody at all",)))
    with pytest.raises(CasefileError, match="cannot export"):
        exports.run_export(demo, "fax", None, tmp_path / "x")
    assert not (tmp_path / "out").exists()


def test_a_report_with_no_events_or_entities_says_so(demo: Case, tmp_path: Path) -> None:
    out = report(demo, tmp_path, scope=exports.Scope(date_from="1990", date_to="1991"))
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "No events of the chronology are in the scope of this report." in texts
    assert "No entities are in the scope of this report." in texts
    assert "No documents are in the scope of this report." in texts
    assert tables_by_header(out) == {}  # no empty tables


def test_an_edit_made_during_an_export_lands_before_it_ends(demo: Case, tmp_path: Path) -> None:
    """The GUI hands a small edit to the job holding the writer (`run_between`): the
    export runs it at its next safe point, once the case is read, not after the file."""
    job = JobContext()
    seen: list[str] = []
    job.run_between(lambda: seen.append("edited"))
    exports.run_export(demo, "report", exports.ReportOptions(), tmp_path / "r.docx", job)
    assert seen == ["edited"]


def test_a_scope_larger_than_sqlites_parameter_limit(demo_master: Path, tmp_path: Path) -> None:
    """A tag on more documents than SQLite takes parameters in one statement (32,766 by
    default; lowered to 2 here) still exports: the set is not sent as an IN list."""
    import sqlite3

    from sqlalchemy import event

    def low_limit(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 2)

    copy = tmp_path / "Demo.casefile"
    shutil.copytree(demo_master, copy, ignore=shutil.ignore_patterns(".lock"))
    with services.open_case(copy, readonly=True) as case:  # read-only: nothing is written
        case.engine.dispose()
        event.listen(case.engine, "connect", low_limit)
        out = report(case, tmp_path, scope=exports.Scope(tag="OkoVision"))
    index = tables_by_header(out)["No."]
    assert len(index) - 1 == 3  # the three documents tagged OkoVision
