"""E-mail: who, to whom, when, what, and the files that came with it."""

from __future__ import annotations

from casefile.core.ingest.extract import extract_file
from casefile.core.ingest.types import FileType, Status
from tests.corpus import corpus_dir


def _mail(rel: str):  # type: ignore[no-untyped-def]
    ex = extract_file(str(corpus_dir() / rel))
    assert ex.status == Status.OK, ex.reason
    assert ex.kind_hint == "correspondence"
    return ex


def test_headers_become_metadata_title_and_edtf_date() -> None:
    ex = _mail("eml/mail_test_18.eml")
    assert ex.file_type == FileType.EMAIL
    assert ex.title == "Test for Comma and Name Bugs"
    assert ex.date == "2025-11-03"
    assert "LastßlName, FirstName" in ex.metadata["from"]  # ISO-8859-1 encoded-word
    assert ex.pages[0].startswith("From: ")
    ru = _mail("ru/mail_test_6.eml")
    assert ru.title == "Быстрее вкладывайте в золото!"
    assert "Профессионалы.ru" in ru.pages[0] and ru.languages == ["ru"]
    gb = _mail("eml/mail_test_9.eml")
    assert "\ufffd" not in (gb.title or "")  # GB2312 label, GBK characters


def test_attachments_are_returned_as_files() -> None:
    weather = _mail("eml/mail_test_2.eml")
    names = {a.filename: a for a in weather.attachments}
    assert "Bollettino.pdf" in names
    assert names["Bollettino.pdf"].data.startswith(b"%PDF")
    assert names["Bollettino.pdf"].content_type  # as the sender declared it
    ibm = _mail("eml/mail_test_10.eml")
    assert any(a.filename.endswith(".pdf") for a in ibm.attachments)
    assert "Business Partner" in ibm.pages[0]


def test_html_only_and_malformed_mime_still_give_the_body() -> None:
    scotus = _mail("eml/scotus_25-112.eml")
    assert "docket entry" in scotus.pages[0] and "<" not in scotus.pages[0].split("\n\n", 1)[1]
    lost_start = _mail("eml/mail_malformed_3.eml")  # start boundary never found
    assert "Recibo de Luz" in (lost_start.title or "")
    assert "Content-Transfer-Encoding" not in lost_start.pages[0]
    assert nonspace_body(lost_start.pages[0]) > 500
    no_close = _mail("eml/mail_test_17.eml")  # empty text/plain, closing boundary missing
    assert "Test" in no_close.pages[0].split("\n\n", 1)[1]
    bounce = _mail("eml/mail_malformed_2.eml")
    assert "delivery problems" in bounce.pages[0]


def test_email_saved_as_txt_is_read_as_email() -> None:
    ex = _mail("txt/jpml_1.txt")
    assert ex.file_type == FileType.EMAIL and ex.date == "2022-10-09"
    assert "CM/ECF" in ex.pages[0]


def test_outlook_msg() -> None:
    ex = _mail("eml/mail_outlook_1.msg")
    assert ex.file_type == FileType.MSG
    assert ex.title == "Newsletter Prüfung Personalwesen / Prüfung Eröffnungsbilanz"
    assert ex.date == "2017-09-18"
    assert "Newsletter" in ex.pages[0]
    assert "newsletter.png" in {a.filename for a in ex.attachments}


def nonspace_body(page: str) -> int:
    return len("".join(page.split("\n\n", 1)[-1].split()))
