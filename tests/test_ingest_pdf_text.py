"""PDF text as the reader sees it (issue 11 item 4): letters a typesetter placed as runs
of their own stay in their word, table cells drawn right to left come out as separate
words in reading order, and each page stays a page.

The PDFs are built here with reportlab the way the corpus's files are made: dmca.pdf
sets "Assuranc" with character and word spacing and its last "e" as a run of its own;
senate-expenditures.pdf draws a row's amount first and its name last, in one text
object. pypdf's plain extraction read these as "Assuranc e" and "25,499.96STAFF
ASSISTANTENGLERT, PAYTON A".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from sqlalchemy import update

from casefile.core import services
from casefile.core.case import Case
from casefile.core.db.schema import Page
from casefile.core.ingest.extract_pdf import extract_pdf
from tests.corpus import corpus_dir

RUN = "Computer Maintenance Competition Assuranc"


def _justified_run(c: canvas.Canvas, y: float) -> None:
    """A justified line: one run with character and word spacing, then its last letter
    as a run of its own, placed exactly where the first run ends (no gap on paper)."""
    t = c.beginText(72, y)
    t.setFont("Times-Bold", 12)
    t.setCharSpace(0.0145)
    t.setWordSpace(2.2655)
    t.textOut(RUN)
    width = stringWidth(RUN, "Times-Bold", 12) + 0.0145 * len(RUN) + 2.2655 * RUN.count(" ")
    t.setTextOrigin(72 + width, y)
    t.setCharSpace(-0.108)
    t.setWordSpace(0)
    t.textOut("e Act")
    c.drawText(t)


def _table_row_right_to_left(c: canvas.Canvas, y: float) -> None:
    t = c.beginText(500, y)
    t.setFont("Helvetica", 9)
    t.textOut("25,499.96")
    t.setTextOrigin(250, y)
    t.textOut("STAFF ASSISTANT")
    t.setTextOrigin(72, y)
    t.textOut("ENGLERT, PAYTON A")
    c.drawText(t)


def write_typeset_pdf(path: Path) -> Path:
    """Three pages: the justified line, the table row, and a plain page."""
    c = canvas.Canvas(str(path), pagesize=(612, 792))
    _justified_run(c, 700)
    c.showPage()
    _table_row_right_to_left(c, 600)
    c.showPage()
    c.setFont("Helvetica", 11)
    c.drawString(72, 700, "The third page says goodbye.")
    c.showPage()
    c.save()
    return path


def _words(text: str) -> list[str]:
    return re.findall(r"[\w,.$]+", text)


def test_letters_placed_as_their_own_run_stay_in_their_word(tmp_path: Path) -> None:
    ex = extract_pdf(write_typeset_pdf(tmp_path / "justified.pdf"))
    assert "Assuranc e" not in ex.pages[0]
    assert "Competition Assurance Act" in " ".join(ex.pages[0].split())


def test_table_cells_drawn_right_to_left_are_words_in_reading_order(tmp_path: Path) -> None:
    ex = extract_pdf(write_typeset_pdf(tmp_path / "table.pdf"))
    words = _words(ex.pages[1])
    assert "ASSISTANTENGLERT" not in ex.pages[1]
    assert words == ["ENGLERT,", "PAYTON", "A", "STAFF", "ASSISTANT", "25,499.96"]


def test_page_boundaries_are_kept(tmp_path: Path) -> None:
    ex = extract_pdf(write_typeset_pdf(tmp_path / "pages.pdf"))
    assert ex.page_count == 3
    assert "Assurance" in ex.pages[0] and "ENGLERT" not in ex.pages[0]
    assert "ENGLERT" in ex.pages[1] and "goodbye" not in ex.pages[1]
    assert ex.pages[2].strip() == "The third page says goodbye."


def test_the_words_are_found_by_search(case: Case, tmp_path: Path) -> None:
    services.import_paths(case, [write_typeset_pdf(tmp_path / "typeset.pdf")])
    found = services.search(case, '"competition assurance"')
    assert [h.pages for h in found.hits] == [(1,)]
    assert [h.pages for h in services.search(case, "Englert").hits] == [(2,)]


def test_reextraction_gives_an_old_case_the_better_text(case: Case, tmp_path: Path) -> None:
    """An old case holds pypdf's text; reading the stored original again
    (`services.reextract_document`) replaces it, and search finds the words."""
    services.import_paths(case, [write_typeset_pdf(tmp_path / "old.pdf")])
    uid = services.search(case, "goodbye").hits[0].uid
    with case.session() as s:  # what the old extractor stored
        s.execute(update(Page).where(Page.number == 1).values(text=RUN + " e Act"))
    services.reindex(case)
    assert services.search(case, '"competition assurance"').hits == ()

    services.reextract_document(case, uid)

    assert "Assurance Act" in services.get_page(case, uid, 1).text
    assert [h.uid for h in services.search(case, '"competition assurance"').hits] == [uid]


def test_corpus_pdfs_read_as_printed() -> None:
    pdf = corpus_dir() / "pdf"
    dmca = extract_pdf(pdf / "dmca.pdf")
    assert dmca.page_count == 18
    assert "Computer Maintenance Competition Assurance" in " ".join(dmca.pages[0].split())
    assert not any("Assuranc e" in p for p in dmca.pages)
    senate = extract_pdf(pdf / "senate-expenditures.pdf")
    assert senate.page_count == 1
    assert "ASSISTANTENGLERT" not in senate.pages[0]
    assert "ENGLERT, PAYTON A STAFF ASSISTANT 25,499.96" in senate.pages[0]


def test_the_reextract_command_gives_every_old_pdf_the_better_text(tmp_path: Path) -> None:
    """`casefile reextract CASE` with no id reads every PDF of an old case again."""
    from tests.test_cli import run

    with services.create_case(tmp_path / "Old") as case:
        services.import_paths(case, [write_typeset_pdf(tmp_path / "old.pdf")])
        with case.session() as s:  # what the old extractor stored
            s.execute(update(Page).where(Page.number == 2).values(text="25,499.96STAFF X"))
        services.reindex(case)
        path = str(case.path)
    result = run("reextract", path)
    assert result.returncode == 0, result.stderr
    assert "Read the text of 1 document(s) again" in result.stdout
    with services.open_case(Path(path)) as case:
        found = services.search(case, "Englert")
        assert [h.pages for h in found.hits] == [(2,)]


def test_reading_many_documents_again_starts_one_worker_and_names_them(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reextract_documents` over several PDFs starts the extraction workers once (a
    worker start per document made a large case's re-read slow), and its progress names
    each document by its title, as the user knows it, not by an internal id."""
    from casefile.core.ingest import workers
    from casefile.core.jobs import JobContext

    for name in ("first", "second", "third"):
        folder = tmp_path / name
        folder.mkdir()
        c = canvas.Canvas(str(folder / f"{name}.pdf"), pagesize=(612, 792))
        c.drawString(72, 700, f"The {name} filing of the Assurance Act")
        c.save()
        services.import_paths(case, [folder / f"{name}.pdf"])
    titles = {d.title for d in services.list_documents(case)}
    pools: list[object] = []
    real_init = workers.ExtractionPool.__init__

    def counting_init(self: workers.ExtractionPool, *a: object, **k: object) -> None:
        pools.append(self)
        real_init(self, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(workers.ExtractionPool, "__init__", counting_init)
    labels: list[str] = []
    ctx = JobContext(lambda p: labels.append(p.label))

    done = services.reextract_documents(case, None, ctx)

    assert len(done) == 3
    assert len(pools) == 1
    assert titles <= set(labels)
    assert "the second filing" in services.get_page(case, done[1].uid, 1).text.lower()
