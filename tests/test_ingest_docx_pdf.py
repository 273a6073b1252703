"""Word and PDF extraction on real files: all the text, once, and honest statuses."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from casefile.core.ingest.extract import extract_file
from casefile.core.ingest.types import FileType, Status
from tests.corpus import corpus_dir, nonspace

PASSWORDS = {  # from corpus/SOURCES.md
    "libreoffice-writer-password.pdf": "openpassword",
    "password-example.pdf": "test",
    "r4-aes-user-password.pdf": "asdfzxcv",
    "aes-256-r6.pdf": "usersecret",
    "saslprep-r6.pdf": "SªSL\u00adprep",
    "issue6010_2.pdf": "æøå",
}


def _docx(name: str) -> str:
    ex = extract_file(str(corpus_dir() / "docx" / name))
    assert (ex.file_type, ex.status) == (FileType.DOCX, Status.OK), ex.reason
    return "".join(ex.pages)  # a long document comes in pages of ~4,000 characters


def test_merged_cells_are_not_duplicated() -> None:
    text = _docx("240-DOP-1013A Lay Down Tubulars.docx")
    assert 6800 <= nonspace(text) <= 7100  # 6,964 real characters; row.cells gives 14,035
    assert 2600 <= nonspace(_docx("Weekly Schedule.docx")) <= 2800  # 2,732 real


def test_notes_comments_text_boxes_headers_and_equations() -> None:
    footnotes = _docx("footnotes.docx")
    assert "A tachyon walks into a bar." in footnotes and "Ouch." in footnotes
    comments = _docx("comments-rich-para.docx")
    assert "Some text worthy of note." in comments and "Other text worthy of note." in comments
    box = _docx("text-box.docx")
    assert box.count("Datum plane") == 1  # the VML fallback copy is not read again
    headers = _docx("hdr-header-footer.docx")
    assert headers.count("Header for section-1") == 1 and "Footer for section 1" in headers
    assert "\\int_{0}^{1}x" in _docx("equations.docx")
    example = _docx("example.docx")
    for words in ("First footnote", "Second endnote", "Header text", "Nested\tTable"):
        assert words in example


def test_strict_ooxml_renamed_main_part_and_core_properties() -> None:
    strict = extract_file(str(corpus_dir() / "docx" / "strict.docx"))
    assert strict.status == Status.OK and "Cellaa\tCellab" in strict.pages[0]
    assert strict.metadata["format"] == "Strict Office Open XML"
    assert "Test" in _docx("strict-format.docx")
    assert "This is a link to my website." in _docx("renamed_document_xml.docx")
    huge = extract_file(str(corpus_dir() / "docx" / "huge.docx"))
    assert (huge.title, huge.author, huge.date) == ("DOCX Demo", "Kovid Goyal", "2013-06-05")
    ru = extract_file(str(corpus_dir() / "ru" / "cyrillic.docx"))
    assert ru.languages == ["ru"] and ru.author == "Александр"


def test_docx_without_text_is_empty_with_a_reason() -> None:
    for name in ("having-images.docx", "empty.docx", "tbl-having-tables.docx"):
        ex = extract_file(str(corpus_dir() / "docx" / name))
        assert ex.status == Status.EMPTY
        assert ex.reason == "The document contains no text (it may hold only images)."


def test_docx_zip_bomb_is_refused_before_reading(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (80 * 1024 * 1024))
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(buffer.getvalue())
    assert bomb.stat().st_size < 1024 * 1024
    ex = extract_file(str(bomb))
    assert ex.status == Status.FAILED and "zip bomb" in (ex.reason or "")


@pytest.mark.parametrize("name", sorted(PASSWORDS))
def test_encrypted_pdfs_need_their_password(name: str) -> None:
    path = str(corpus_dir() / "pdf-hostile" / name)
    locked = extract_file(path)
    assert locked.status == Status.PASSWORD_REQUIRED
    assert locked.reason == (
        "This PDF is password-protected: enter the password to extract its text."
    )
    wrong = extract_file(path, password="not-the-password")
    assert wrong.status == Status.PASSWORD_REQUIRED and "not correct" in (wrong.reason or "")
    opened = extract_file(path, password=PASSWORDS[name])
    assert opened.status == Status.OK, opened.reason
    assert nonspace("".join(opened.pages)) > 5


def test_empty_user_password_pdfs_open_without_asking() -> None:
    for name in ("r6-empty-password.pdf", "r2-owner-password.pdf"):
        ex = extract_file(str(corpus_dir() / "pdf-hostile" / name))
        assert ex.status == Status.OK and nonspace(ex.pages[0]) > 10, name


def test_scans_need_ocr_page_by_page() -> None:
    hostile = corpus_dir() / "pdf-hostile"
    jbig2 = extract_file(str(hostile / "pdf-with-jbig2.pdf"))
    assert jbig2.status == Status.NEEDS_OCR and jbig2.pages_needing_ocr == [1]
    images = extract_file(str(hostile / "issue-203-decimalize.pdf"))
    assert images.status == Status.NEEDS_OCR and images.pages_needing_ocr == [1, 2, 3]
    assert "OCR" in (images.reason or "")
    no_id = extract_file(str(hostile / "encrypted_doc_no_id.pdf"))
    assert no_id.status == Status.NEEDS_OCR and 2 in no_id.pages_needing_ocr


def test_pdf_text_metadata_and_languages() -> None:
    pdf = corpus_dir() / "pdf"
    fr = extract_file(str(pdf / "2023-06-20-PV.pdf"))
    assert fr.status == Status.OK and fr.languages[0] == "fr"
    assert fr.date == "2023-06-21" and fr.title and fr.title.startswith("Comité de démolition")
    assert len(extract_file(str(pdf / "pdflatex-outline.pdf")).pages) == 4
    junk_title = extract_file(str(pdf / "Seige_of_Vicksburg_Sample_OCR.pdf"))
    assert junk_title.title is None  # "Binder1.pdf" is a working file name, not a title


@pytest.mark.parametrize(
    "name",
    [
        "PDFBOX-3148-2-fuzzed.pdf",
        "Pages-tree-refs.pdf",
        "REDHAT-1531897-0.pdf",
        "issue-1113-evil-xobjects.pdf",
        "issue15590.pdf",
        "simple1.pdf",
        "unreadablemetadata.pdf",
    ],
)
def test_hostile_pdfs_fail_alone_with_a_readable_reason(name: str) -> None:
    ex = extract_file(str(corpus_dir() / "pdf-hostile" / name))
    assert ex.status == Status.FAILED
    assert ex.reason and ex.reason.startswith("This PDF is damaged")
    assert "Error" not in ex.reason and "Exception" not in ex.reason


def test_jbig2_bomb_is_read_without_decoding_images() -> None:
    ex = extract_file(str(corpus_dir() / "pdf-hostile" / "bomb_giant.pdf"))
    assert ex.status == Status.OK and nonspace(ex.pages[0]) > 0
