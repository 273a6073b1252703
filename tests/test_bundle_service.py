"""A bundle made from a real case: every document placed once, in sections by kind, its
pages where the case records them (so a report can cite "B/123"), audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from casefile.core import services
from casefile.core.case import Case
from casefile.core.errors import InvalidValueError
from casefile.core.services.bundles import (
    BundleChoices,
    SectionIn,
    bundle_places,
    default_sections,
    export_bundle,
    make_bundle,
)
from tests.helpers import RU_ARTICLE, write_mixed_folder
from tests.test_export_bundle import stamps, write_pdf

pytestmark = pytest.mark.slow  # each test imports documents into a new case


@pytest.fixture
def filled(case: Case, tmp_path: Path) -> Case:
    folder = tmp_path / "in"
    write_mixed_folder(folder)
    write_pdf(folder / "claim.pdf", 3, "Claim form")
    write_pdf(folder / "exhibit.pdf", 2, "Exhibit", rotate=90)
    services.import_paths(case, [folder])
    claim = next(d for d in services.list_documents(case) if d.original_filename == "claim.pdf")
    services.update_document(case, claim.uid, kind="court_filing", date="2024-03-12")
    return case


def test_default_bundle_of_a_case(filled: Case, tmp_path: Path) -> None:
    docs = {d.original_filename: d for d in services.list_documents(filled)}
    out = tmp_path / "out" / "Bundle.pdf"
    result = make_bundle(filled, out, title="Trial bundle")
    reader = PdfReader(out)
    assert len(reader.pages) == result.pages
    assert stamps(reader) == [str(n) for n in range(1, result.pages + 1)]
    # Every document exactly once; court documents in section A.
    assert sorted(p.uid for p in result.placed) == sorted(d.uid for d in docs.values())
    claim = docs["claim.pdf"]
    placed = {p.uid: p for p in result.placed}
    assert placed[claim.uid].section == "A"
    first = placed[claim.uid].first_page
    # What a report cites: where the documents landed, recorded in the case.
    recorded = bundle_places(filled)
    assert recorded is not None and recorded.path == str(out)
    assert recorded.title == "Trial bundle"
    assert recorded.cite(claim.uid, 2) == f"A/{first + 1}"
    assert recorded.cite(claim.uid, 9) == f"A/{first + 2}"  # past its end: its last page
    assert recorded.cite("not-in-it") is None
    assert "Claim form page 2" in reader.pages[first].extract_text()  # page first + 1
    # A text document is typeset from its text, Cyrillic intact.
    ru = docs["статья.txt"]
    page = placed[ru.uid].first_page
    assert recorded.cite(ru.uid, 1) == f"{placed[ru.uid].section}/{page}"
    assert RU_ARTICLE[:40] in reader.pages[page - 1].extract_text().replace("\n", " ")
    assert any(e.action == "bundle.make" for e in services.audit_log(filled))


def test_sections_are_checked(filled: Case, tmp_path: Path) -> None:
    uid = services.document_uids(filled)[0]
    with pytest.raises(InvalidValueError, match="same letter"):
        export_bundle(
            filled,
            BundleChoices(sections=(SectionIn("A", "x", (uid,)), SectionIn("A", "y", ()))),
            tmp_path / "b.pdf",
        )
    with pytest.raises(InvalidValueError, match="twice"):
        export_bundle(
            filled,
            BundleChoices(sections=(SectionIn("A", "x", (uid,)), SectionIn("B", "y", (uid,)))),
            tmp_path / "b.pdf",
        )
    assert not (tmp_path / "b.pdf").exists()


def test_chosen_sections_and_read_only_case(filled: Case, tmp_path: Path) -> None:
    sections = default_sections(filled)
    assert [s.letter for s in sections] == [chr(ord("A") + i) for i in range(len(sections))]
    path = filled.path
    filled.close()
    with services.open_case(path, readonly=True) as ro:
        first = services.document_uids(ro)[0]
        result = export_bundle(
            ro, BundleChoices(sections=(SectionIn("C", "Core", (first,)),)), tmp_path / "c.pdf"
        )
        assert [p.section for p in result.placed] == ["C"]
        assert bundle_places(ro) is None  # nothing recorded in a read-only case


def test_a_report_made_after_the_bundle_cites_its_pages(tmp_path: Path) -> None:
    import docx

    from casefile.core.services import exports
    from casefile.demo import build_demo_case

    with services.open_case(build_demo_case(tmp_path / "Demo")) as demo:
        bundle = exports.run_export(demo, "bundle", BundleChoices(), tmp_path / "bundle.pdf")
        claim = next(d for d in services.list_documents(demo) if d.title.startswith("Forrest v"))
        place = next(p for p in bundle.placed if p.uid == claim.uid)  # type: ignore[attr-defined]
        out = tmp_path / "report.docx"
        exports.run_export(demo, "report", exports.ReportOptions(), out)
    rows = [
        [c.text for c in r.cells]
        for t in docx.Document(str(out)).tables
        for r in t.rows
        if r.cells[1].text.startswith("Forrest dismissed")
    ]
    assert rows and f"{place.section}/{place.first_page}" in rows[0][3]
