"""File types come from the bytes; the name only breaks ties, and a lying name is noted."""

from __future__ import annotations

import zipfile
from pathlib import Path

from casefile.core.ingest.extract import extract_file
from casefile.core.ingest.sniff import sniff
from casefile.core.ingest.types import FileType, Status
from tests.corpus import corpus_dir


def test_corpus_types_by_content() -> None:
    corpus = corpus_dir()
    expected = {
        "pdf/minimal-document.pdf": FileType.PDF,
        "pdf-hostile/notapdf.pdf": FileType.TEXT,
        "docx/notadocx.docx": FileType.TEXT,
        "docx/renamed_document_xml.docx": FileType.DOCX,
        "docx/strict.docx": FileType.DOCX,
        "eml/mail_outlook_1.msg": FileType.MSG,
        "eml/nef_manafort_almd_3_plain.eml": FileType.EMAIL,  # starts with an mbox line
        "txt/jpml_1.txt": FileType.EMAIL,
        "txt/mpsexpenses200809.txt": FileType.TEXT,
        "html/plane1-utf-16le.html": FileType.HTML,
        "html/09-8612.htm": FileType.HTML,
        "ru/chromium_KOI8-R_no_charset.html": FileType.HTML,
        "ru/ude_1_IBM866.txt": FileType.TEXT,
    }
    for rel, file_type in expected.items():
        assert sniff(corpus / rel) == file_type, rel


def test_stored_original_without_extension_is_still_recognised(tmp_path: Path) -> None:
    corpus = corpus_dir()
    for rel, file_type in (
        ("pdf/minimal-document.pdf", FileType.PDF),
        ("docx/footnotes.docx", FileType.DOCX),
        ("eml/mail_test_16.eml", FileType.EMAIL),
        ("html/dcd_1.html", FileType.HTML),
    ):
        blob = tmp_path / rel.replace("/", "_").split(".")[0]
        blob.write_bytes((corpus / rel).read_bytes())
        assert sniff(blob) == file_type, rel


def test_lying_extension_is_read_by_content_and_noted() -> None:
    corpus = corpus_dir()
    fake_pdf = extract_file(str(corpus / "pdf-hostile" / "notapdf.pdf"))
    assert (fake_pdf.file_type, fake_pdf.status) == (FileType.TEXT, Status.OK)
    assert "not a pdf" in fake_pdf.pages[0]
    assert "“.pdf”" in fake_pdf.metadata["note"]
    fake_docx = extract_file(str(corpus / "docx" / "notadocx.docx"))
    assert fake_docx.file_type == FileType.TEXT and "“.docx”" in fake_docx.metadata["note"]
    # The importer passes the user's name when the stored original has none.
    stored = extract_file(str(corpus / "pdf-hostile" / "notapdf.pdf"), name="report.pdf")
    assert "note" in stored.metadata


def test_binary_and_foreign_zip_are_unsupported_with_a_reason(tmp_path: Path) -> None:
    blob = tmp_path / "sound.wav"
    blob.write_bytes(b"RIFF\x24\x08\x00\x00WAVEfmt " + bytes(range(256)) * 20)
    ex = extract_file(str(blob))
    assert ex.status == Status.UNSUPPORTED and ex.reason
    # A JPEG is a picture OCR can read (issue 16); a damaged one says so.
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 20)
    ex = extract_file(str(photo))
    assert ex.file_type == "image" and ex.status == Status.FAILED
    assert ex.reason == "This picture is damaged and cannot be read."
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.txt", "hello")
    ex = extract_file(str(archive))
    assert ex.status == Status.UNSUPPORTED and ex.reason


def test_broken_zip_named_docx_gets_a_clear_reason(tmp_path: Path) -> None:
    broken = tmp_path / "claim.docx"
    data = (corpus_dir() / "docx" / "footnotes.docx").read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    ex = extract_file(str(broken))
    assert ex.file_type == FileType.DOCX and ex.status == Status.FAILED
    assert "damaged" in (ex.reason or "") and "Error" not in (ex.reason or "")


def test_extension_type_reads_the_suffix_as_pathlib_does() -> None:
    from pathlib import Path

    from casefile.core.ingest.sniff import _EXTENSIONS, extension_type

    names = ["a.TXT", "dir.pdf/note", ".pdf", "x.", "x.tar.PDF", "a b.Docx", "/p/q.eml", "e"]
    for name in names:
        assert extension_type(name) == _EXTENSIONS.get(Path(name).suffix.lower()), name
    assert extension_type(Path("/p/r.html")) == _EXTENSIONS.get(".html")
