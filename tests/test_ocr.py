"""OCR (issue 16): scans and pictures become searchable text with provenance and word
boxes; hostile pages are refused within the pixel budget; a cancel or a kill -9 midway
resumes without duplicates; missing language data gives one sentence."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from casefile.cli import main as cli_main
from casefile.core import services
from casefile.core.case import Case
from casefile.core.jobs import JobContext, Progress
from casefile.core.ocr import raster
from casefile.core.ocr.boxes import decode, encode, regions
from tests import ocr_fixtures as fx
from tests.corpus import corpus_dir

pytestmark = pytest.mark.skipif(
    not fx.ocr_available(), reason="needs fonts-dejavu-core, tesseract-ocr-rus and -eng"
)


def _db(case_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{case_path / 'case.sqlite'}?mode=ro", uri=True, timeout=5)


def _uid(case: Case, title: str) -> str:
    return next(d.uid for d in services.list_documents(case) if d.title == title)


@pytest.mark.slow
def test_a_scanned_pdf_and_a_png_become_searchable_in_russian_and_english(
    case: Case, tmp_path: Path
) -> None:
    pdf = fx.write_scan_pdf(tmp_path / "scan.pdf")
    png = fx.write_png(tmp_path / "photo.png")
    before = {p: p.read_bytes() for p in (pdf, png)}
    services.import_paths(case, [pdf, png])
    waiting = services.list_documents(case, status="needs_ocr")
    assert {d.status for d in waiting} == {"needs_ocr"} and len(waiting) == 2
    assert not services.search(case, "распознавание").hits

    summary = services.ocr_documents(case)

    assert summary.pages == 2 and not summary.cancelled
    assert services.list_documents(case, status="needs_ocr") == []
    # Inflected Russian forms find the recognised words, English by stem, both scripts.
    for query in ("распознавание", "арбитражный суд", "документ", "sanction", "Helix Cloud"):
        found = {h.uid for h in services.search(case, query).hits}
        assert found == {o.uid for o in summary.outcomes}, query
    for outcome in summary.outcomes:
        assert outcome.status == "ok" and outcome.confidence and outcome.confidence > 80
        page = services.get_page(case, outcome.uid, 1)
        assert "Решение арбитражного суда" in page.text and "Helix Cloud" in page.text
        assert not page.needs_ocr
        (info,) = services.ocr_pages(case, outcome.uid)
        assert info.languages == "rus+eng" and info.engine.startswith("tesseract 5")
        assert info.dpi >= 150 and not info.low_confidence
        assert set(services.get_document(case, outcome.uid).languages) == {"ru", "en"}
    con = _db(case.path)
    (data,) = {r[0] for r in con.execute("SELECT language_data FROM page_ocr")}
    assert '"rus": "sha256:' in data and '"eng": "sha256:' in data
    actions = [r[0] for r in con.execute("SELECT action FROM audit WHERE action='ocr_document'")]
    assert len(actions) == 2
    assert {p: p.read_bytes() for p in (pdf, png)} == before
    assert services.verify_case(case).ok  # the stored originals were never changed


@pytest.mark.slow
def test_word_boxes_put_a_search_hit_on_the_page_image(case: Case, tmp_path: Path) -> None:
    services.import_paths(case, [fx.write_png(tmp_path / "photo.png")])
    (outcome,) = services.ocr_documents(case).outcomes
    text = services.get_page(case, outcome.uid, 1).text
    spans = services.highlight_spans("Helix", text)
    ((rect,),) = services.page_regions(case, outcome.uid, 1, spans)
    x0, y0, x1, y1 = rect
    # "Helix" is drawn at x ≈ 430-530 px of 1400, on the third line (y ≈ 225-260 of 420).
    assert 0.28 < x0 < x1 < 0.40 and 0.5 < y0 < y1 < 0.65


def test_regions_map_spans_to_the_boxes_of_the_words_they_touch() -> None:
    # "Решение суда" with its two words' boxes in a 1000 × 500 image.
    boxes = decode(encode(1000, 500, [0, 7, 100, 50, 300, 100, 95, 8, 12, 350, 50, 450, 100, 90]))
    assert boxes is not None and len(boxes) == 2
    assert regions(boxes, [(8, 12), (0, 12), (7, 8)]) == [
        [(0.35, 0.1, 0.45, 0.2)],
        [(0.1, 0.1, 0.3, 0.2), (0.35, 0.1, 0.45, 0.2)],
        [],
    ]
    assert decode("not json") is None and decode(None) is None


@pytest.mark.slow
def test_a_garbled_text_layer_is_offered_ocr_and_both_texts_are_kept(
    case: Case, tmp_path: Path
) -> None:
    services.import_paths(case, [fx.write_garbled_scan(tmp_path / "garbled.pdf")])
    (doc,) = services.list_documents(case)
    assert doc.status == "garbled"
    assert services.ocr_waiting(case) == []  # offered, not done behind the user's back

    summary = services.ocr_documents(case, [doc.uid])

    (outcome,) = summary.outcomes
    assert outcome.status == "ok" and outcome.pages_recognised == 1
    assert "распознавании" in services.get_page(case, doc.uid, 1).text
    assert [h.uid for h in services.search(case, "распознавание").hits] == [doc.uid]
    (layer,) = _db(case.path).execute("SELECT layer_text FROM page_ocr").fetchone()
    assert "KoppeKn1pOBKH" in layer  # the file's own text layer, kept
    revision = services.get_document(case, doc.uid).revision

    again = services.ocr_documents(case, [doc.uid])  # read already: nothing to do

    assert again.pages == 0 and again.outcomes == ()
    assert again.skipped == (
        f"{doc.title}: every page is already recognised; --force reads them again.",
    )
    assert services.get_document(case, doc.uid).revision == revision


def _bomb_pdf(path: Path) -> Path:
    """A page that draws one picture declaring 100,000 × 100,000 pixels in a few bytes."""
    import zlib

    from pypdf import PdfWriter
    from pypdf.generic import (
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        StreamObject,
    )

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    image = StreamObject()
    image.set_data(zlib.compress(b"\x00" * 1000))
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(100_000),
            NameObject("/Height"): NumberObject(100_000),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/ColorSpace"): NameObject("/DeviceGray"),
            NameObject("/Filter"): NameObject("/FlateDecode"),
        }
    )
    ref = writer._add_object(image)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im0"): ref})}
    )
    content = DecodedStreamObject()
    content.set_data(b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    page[NameObject("/Contents")] = writer._add_object(content)
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def test_a_page_declaring_a_giant_picture_is_refused_with_a_sentence(tmp_path: Path) -> None:
    bomb = _bomb_pdf(tmp_path / "bomb.pdf")
    with pytest.raises(raster.Refused, match=r"Page 1 declares pictures of 10,000 megapixels"):
        raster.render_pdf_page(str(bomb), 1)


def test_the_resolution_is_chosen_per_page_within_the_pixel_budget(tmp_path: Path) -> None:
    assert raster.choose_dpi(595, 842) == 300  # A4 at full resolution
    poster = raster.choose_dpi(2384, 3370)  # A0
    assert 60 < poster < 300
    from reportlab.pdfgen import canvas

    path = tmp_path / "poster.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(2384, 3370))
    pdf.setFont("Helvetica", 200)
    pdf.drawString(100, 1700, "POSTER")
    pdf.save()
    image = raster.render_pdf_page(str(path), 1)
    assert image.dpi == poster
    assert image.image.width * image.image.height <= raster.PIXEL_BUDGET


@pytest.mark.slow
def test_the_hostile_pages_are_refused_and_everything_else_is_read(
    case: Case, tmp_path: Path
) -> None:
    bomb = _bomb_pdf(tmp_path / "bomb.pdf")
    services.import_paths(case, [bomb, fx.write_png(tmp_path / "photo.png")])
    summary = services.ocr_documents(case)
    by_title = {o.title: o for o in summary.outcomes}
    refused = by_title["bomb"]
    assert refused.pages_failed == 1 and refused.pages_recognised == 0
    detail = services.get_document(case, refused.uid)
    assert detail.status == "needs_ocr"
    assert detail.status_reason is not None and "10,000 megapixels" in detail.status_reason
    assert by_title["photo"].status == "ok"
    # Refused once is refused: running again does not retry it (nothing waits).
    assert services.ocr_waiting(case) == []


@pytest.mark.corpus
def test_the_corpus_bomb_is_refused_within_the_budget() -> None:
    bomb = corpus_dir() / "pdf-hostile" / "bomb_giant.pdf"
    with pytest.raises(raster.Refused, match="megapixels"):
        raster.render_pdf_page(str(bomb), 1)


@pytest.mark.slow
def test_cancel_midway_keeps_the_pages_done_and_a_second_run_finishes_without_duplicates(
    case: Case, tmp_path: Path
) -> None:
    services.import_paths(case, [fx.write_scan_pdf(tmp_path / "four.pdf", pages=4)])
    (doc,) = services.list_documents(case)

    def stop_after_first(p: Progress) -> None:
        if p.done >= 1:
            ctx.cancel()

    ctx = JobContext(on_progress=stop_after_first)
    first = services.ocr_documents(case, ctx=ctx)
    assert first.cancelled and first.pages == 1
    assert services.get_document(case, doc.uid).status == "needs_ocr"
    assert services.ocr_waiting(case) == [doc.uid]  # the rest waits in the queue
    con = _db(case.path)
    assert con.execute("SELECT count(*) FROM page_ocr").fetchone()[0] == 1

    second = services.ocr_documents(case)

    assert second.pages == 3 and not second.cancelled
    rows = con.execute("SELECT page FROM page_ocr ORDER BY page").fetchall()
    assert rows == [(1,), (2,), (3,), (4,)]
    for n in range(1, 5):
        assert services.get_page(case, doc.uid, n).text.count("Helix Cloud") == 1
    assert services.get_document(case, doc.uid).status == "ok"
    assert con.execute("SELECT count(*) FROM work_queue WHERE kind='ocr'").fetchone()[0] == 0


# OCR in its own process that, once one page is written, holds in its progress report
# until it is killed (the kill comes with the workers alive and pages in flight).
_OCR_THEN_HOLD = """
import sys, threading
from casefile.core import services
from casefile.core.jobs import JobContext

def hold(p):
    if p.done >= 1:
        print("holding", flush=True)
        threading.Event().wait()

case = services.open_case(sys.argv[1])
services.ocr_documents(case, ctx=JobContext(on_progress=hold))
"""


@pytest.mark.slow
def test_kill_9_mid_ocr_then_rerun_recognises_each_page_once(tmp_path: Path) -> None:
    case_path = tmp_path / "K.casefile"
    with services.create_case(case_path) as case:
        services.import_paths(case, [fx.write_scan_pdf(tmp_path / "four.pdf", pages=4)])
    proc = subprocess.Popen(
        [sys.executable, "-c", _OCR_THEN_HOLD, str(case_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout is not None
    stuck = threading.Timer(120, lambda: proc.kill())
    stuck.start()
    line = proc.stdout.readline()
    stuck.cancel()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    _, err = proc.communicate()
    assert line.strip() == "holding", err
    con = _db(case_path)
    assert con.execute("SELECT count(*) FROM page_ocr").fetchone()[0] == 1
    con.close()

    result = subprocess.run(
        [sys.executable, "-m", "casefile.cli", "ocr", str(case_path)],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert "3 page(s) of 1 document(s) recognised" in result.stdout
    con = _db(case_path)
    assert con.execute("SELECT page FROM page_ocr ORDER BY page").fetchall() == [
        (1,),
        (2,),
        (3,),
        (4,),
    ]
    assert con.execute("SELECT count(*) FROM audit WHERE action='ocr_document'").fetchone() == (1,)
    with services.open_case(case_path) as case:
        (hit,) = services.search(case, "распознавание").hits
        assert hit.pages == (1, 2, 3, 4)


def test_missing_russian_data_gives_one_sentence_and_the_rest_keeps_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    only_english = tmp_path / "tessdata"
    only_english.mkdir()
    os.symlink(
        Path(services.check_ocr().folder) / "eng.traineddata", only_english / "eng.traineddata"
    )
    monkeypatch.setenv("TESSDATA_PREFIX", str(only_english))
    case_path = tmp_path / "M.casefile"
    services.create_case(case_path).close()
    png = fx.write_png(tmp_path / "photo.png")

    assert cli_main(["import", str(case_path), str(png)]) == 0
    assert "1 scan(s) or picture(s) wait for OCR: 'casefile ocr" in capsys.readouterr().out
    code = cli_main(["ocr", str(case_path)])

    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == (
        "casefile: The Russian language data for OCR is not installed: install it with "
        "“sudo apt install tesseract-ocr-rus” (Debian, Ubuntu), or put rus.traineddata "
        f"into {only_english}."
    )
    assert cli_main(["ocr", str(case_path), "--lang", "eng"]) == 0  # English alone works
    with services.open_case(case_path) as case:
        assert services.search(case, "sanctions").hits


def test_a_missing_engine_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tesserocr", None)  # as if it were not installed
    with pytest.raises(services.OcrUnavailableError, match=r"pip install tesserocr"):
        services.check_ocr()


def test_pictures_are_recognised_by_their_bytes_as_pages_waiting_for_ocr(
    case: Case, tmp_path: Path
) -> None:
    image = fx.draw(("one",))
    image.save(tmp_path / "scan.jpg", quality=80)
    image.save(
        tmp_path / "fax.tif", save_all=True, append_images=[fx.draw(("two",)), fx.draw(("3",))]
    )
    fx.draw(("misnamed",)).save(tmp_path / "misnamed.txt", format="PNG")
    services.import_paths(case, [tmp_path])
    docs = {d.title: d for d in services.list_documents(case)}
    assert {d.status for d in docs.values()} == {"needs_ocr"}
    assert docs["fax"].page_count == 3 and docs["scan"].page_count == 1
    assert services.get_document(case, docs["misnamed"].uid).file_type == "image"
    assert set(services.ocr_waiting(case)) == {d.uid for d in docs.values()}


def test_a_pdf_text_layer_gives_word_boxes_for_hits_on_the_original_page(
    case: Case, tmp_path: Path
) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "layer.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(600, 800))
    pdf.setFont("Helvetica", 20)
    pdf.drawString(60, 700, "The tribunal heard the case of")
    pdf.drawString(300, 400, "Helix Cloud Limited")
    pdf.showPage()
    pdf.save()
    services.import_paths(case, [path])
    (doc,) = services.list_documents(case)
    text = services.get_page(case, doc.uid, 1).text
    spans = services.highlight_spans("Helix tribunal", text)
    regions_ = services.page_regions(case, doc.uid, 1, spans)
    by_word = {text[s:e]: r for (s, e), r in zip(spans, regions_, strict=True)}
    ((hx0, hy0, hx1, hy1),) = by_word["Helix"]
    ((tx0, _ty0, _tx1, ty1),) = by_word["tribunal"]
    # Drawn at x = 300 of 600 points, 400 of 800 points from the bottom (y runs down here).
    assert 0.49 < hx0 < 0.52 < hx1 < 0.65 and 0.46 < hy0 < 0.5 < hy1 < 0.52
    assert tx0 > 0.1 and ty1 < 0.15
    assert services.ocr_pages(case, doc.uid) == []  # nothing was recognised or stored


@pytest.mark.slow
def test_recognised_text_reaches_the_entity_matcher_and_the_date_suggester(
    case: Case, tmp_path: Path
) -> None:
    from casefile.core.services.chronology_suggest import suggest_event_dates

    lines = ("Компания Хеликс Клауд получила иск", "7 июня 2024 года в Москве.")
    services.import_paths(case, [fx.write_png(tmp_path / "claim.png", lines)])
    entity = services.create_entity(case, "Helix Cloud", "organisation", aliases=["Хеликс Клауд"])
    (doc,) = services.list_documents(case)
    assert services.mentions(case, document_uid=doc.uid) == []

    services.ocr_documents(case)

    (mention,) = services.mentions(case, document_uid=doc.uid)
    assert mention.entity_uid == entity.uid and mention.text == "Хеликс Клауд"
    dates = {s.date for s in suggest_event_dates(case, doc.uid, lang="ru")}
    assert "2024-06-07" in dates


def test_a_missing_original_is_said_and_the_page_is_not_retried(case: Case, tmp_path: Path) -> None:
    services.import_paths(case, [fx.write_png(tmp_path / "photo.png")])
    (doc,) = services.list_documents(case)
    stored = case.store.path_for(services.get_document(case, doc.uid).sha256)
    stored.parent.chmod(0o700)
    stored.unlink()

    (outcome,) = services.ocr_documents(case).outcomes

    assert outcome.pages_failed == 1
    detail = services.get_document(case, doc.uid)
    assert detail.status == "needs_ocr"
    assert detail.status_reason is not None and "original of this document is missing" in (
        detail.status_reason
    )
    assert services.ocr_waiting(case) == []


def test_a_case_from_before_ocr_opens_and_upgrades(tmp_path: Path) -> None:
    from alembic import command

    from casefile.core.db import migrate

    path = tmp_path / "Old.casefile"
    services.create_case(path).close()
    old = services.open_case(path)
    cfg = migrate._config()
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0014")  # as a case written before migration 0011
    old.close()
    assert "page_ocr" not in {r[0] for r in _db(path).execute("SELECT name FROM sqlite_master")}
    with services.open_case(path) as case:
        assert migrate.stamped_revision(case.engine) == migrate.HEAD_REVISION
        assert case.migration_backup is not None
        assert services.ocr_waiting(case) == []
    assert "page_ocr" in {r[0] for r in _db(path).execute("SELECT name FROM sqlite_master")}


@pytest.mark.slow
def test_a_document_read_again_from_its_original_is_recognised_again(
    case: Case, tmp_path: Path
) -> None:
    services.import_paths(case, [fx.write_scan_pdf(tmp_path / "scan.pdf")])
    (doc,) = services.list_documents(case)
    services.ocr_documents(case)
    assert "Helix Cloud" in services.get_page(case, doc.uid, 1).text

    services.reextract_document(case, doc.uid)  # the file's own (empty) text comes back

    assert services.get_document(case, doc.uid).status == "needs_ocr"
    assert services.ocr_waiting(case) == [doc.uid]
    assert services.ocr_documents(case).pages == 1
    assert "Helix Cloud" in services.get_page(case, doc.uid, 1).text
    assert _db(case.path).execute("SELECT count(*) FROM page_ocr").fetchone() == (1,)


@pytest.mark.slow
def test_recognised_text_gives_the_scan_its_kind_and_date_as_suggestions(
    case: Case, tmp_path: Path
) -> None:
    """A scan had no text at import, so its kind was "other" and it had no date; after
    OCR the same rules read the recognised text: a court's decision dated at its top
    becomes a court filing of that day, both shown as suggestions to confirm. A kind the
    user chose before the OCR is kept."""
    lines = ("7 июня 2024 года", "Решение арбитражного суда города Москвы")
    folder = tmp_path / "scans"
    folder.mkdir()
    fx.write_scan_pdf(folder / "decision.pdf", lines=lines)
    fx.write_scan_pdf(folder / "chosen.pdf", lines=lines)
    services.import_paths(case, [folder])
    by_file = {d.original_filename: d.uid for d in services.list_documents(case)}
    decision, chosen = by_file["decision.pdf"], by_file["chosen.pdf"]
    before = services.get_document(case, decision)
    # Before: no text, so no cue for the kind, and the date is the day the file was saved.
    assert (before.kind, before.date_source) == ("other", "file")
    services.update_document(case, chosen, kind="report")  # the user's own choice

    services.ocr_documents(case)

    after = services.get_document(case, decision)
    assert (after.kind, after.date, after.date_source) == ("court_filing", "2024-06-07", "text")
    assert {"kind", "date"} <= set(after.suggested)
    kept = services.get_document(case, chosen)
    assert kept.kind == "report" and "kind" not in kept.suggested
    assert kept.date == "2024-06-07"  # the date was never given by the user: guessed
    found = services.search(case, "суд", filters={"kind": "court_filing"})
    assert [h.uid for h in found.hits] == [decision]  # the index knows the new kind
    actions = [r[0] for r in _db(case.path).execute("SELECT action FROM audit")]
    assert actions.count("guess_after_ocr") == 2
