"""The core speaks Russian when the user chose it: errors come out in Russian when they
are raised, while the sentences recorded in a case (an import problem, an OCR note) stay
English in the database and are shown in Russian through `translate_recorded`
(docs/architecture.md, "Languages"). Hostile files are built here."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfWriter

from casefile.core import dates, i18n, services
from casefile.core.case import Case
from casefile.core.errors import (
    CasefileError,
    CaseLockedError,
    CaseNotFoundError,
    InvalidValueError,
)
from casefile.core.i18n import ngettext, translate_recorded
from casefile.core.ingest.extract import _FAILED, _TOO_DEEP
from casefile.core.ingest.tasks import TaskPool
from casefile.core.ingest.types import FileType


@pytest.fixture
def ru() -> None:
    i18n.set_language("ru")  # conftest's autouse fixture puts English back afterwards


def _encrypted_pdf(path: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("secret", algorithm="AES-128")
    writer.write(str(path))
    return path


def _recorded(case: Case, uid: str) -> str:
    """The status reason as the database holds it, read past the core."""
    con = sqlite3.connect(case.path / "case.sqlite")
    try:
        row = con.execute("SELECT status_reason FROM document WHERE uid = ?", (uid,)).fetchone()
    finally:
        con.close()
    return str(row[0])


def test_opening_a_missing_case_says_so_in_russian(tmp_path: Path, ru: None) -> None:
    with pytest.raises(CaseNotFoundError) as err:
        services.open_case(tmp_path / "nowhere")
    assert str(err.value) == f"Дело {tmp_path / 'nowhere'} не найдено."


def test_a_locked_case_names_its_holder_in_russian(tmp_path: Path, ru: None) -> None:
    case = services.create_case(tmp_path / "Locked")
    try:
        with pytest.raises(CaseLockedError) as err:
            services.open_case(case.path)
    finally:
        case.close()
    message = str(err.value)
    assert message.startswith("Это дело уже открыто для записи: ")
    assert " на " in message and "(процесс " in message
    assert message.endswith("Сначала закройте его там или откройте копию дела.")


def test_import_problems_are_recorded_in_english_and_shown_in_russian(
    case: Case, tmp_path: Path, ru: None
) -> None:
    """Through the real extraction workers (a fork server or spawned processes, started
    while the core speaks Russian): what they record is English, what a face shows of it
    through translate_recorded is Russian."""
    folder = tmp_path / "in"
    folder.mkdir()
    _encrypted_pdf(folder / "sealed.pdf")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 this is no zip archive at all")
    summary = services.import_paths(case, [folder])
    by_name = {Path(o.path).name: o for o in summary.outcomes}

    sealed = by_name["sealed.pdf"]
    assert sealed.document_uid is not None
    english = "This PDF is password-protected: enter the password to extract its text."
    assert _recorded(case, sealed.document_uid) == english
    assert sealed.reason == english
    detail = services.get_document(case, sealed.document_uid)
    assert translate_recorded(detail.status_reason) == (
        "Этот PDF защищён паролем: введите пароль, чтобы извлечь текст."
    )

    empty = by_name["empty.txt"]
    assert empty.reason == "The file is empty (0 bytes): there is nothing in it to keep or read."
    assert translate_recorded(empty.reason) == "Файл пуст (0 байт): в нём нечего хранить и читать."

    broken = by_name["broken.docx"]
    assert broken.document_uid is not None
    assert _recorded(case, broken.document_uid).startswith("This Word document is damaged")
    shown = translate_recorded(services.get_document(case, broken.document_uid).status_reason)
    assert shown == (
        "Этот документ Word повреждён (его ZIP-архив не читается), "
        "поэтому извлечь текст не удалось."
    )


def test_workers_speak_the_language_of_the_process_that_starts_their_pool() -> None:
    """The fork server outlives a language switch (it starts once, with the environment
    of that moment), so each pool hands its workers the language it speaks now."""
    with TaskPool(max_workers=1) as pool:
        assert pool.call(i18n._, "Indexing").result(timeout=120) == "Indexing"
    i18n.set_language("ru")
    with TaskPool(max_workers=1) as pool:
        assert pool.call(i18n._, "Indexing").result(timeout=120) == "Индексирование"


def test_a_recorded_sentence_with_values_is_translated_by_its_template(ru: None) -> None:
    assert translate_recorded(
        "The file name ends in “.pdf”, but the file is really a Word document; "
        "it was read by its content."
    ) == (
        "Имя файла оканчивается на «.pdf», но на самом деле это документ Word; "
        "файл прочитан по содержимому."
    )
    # A value that is itself a recorded sentence, its full stop dropped for the detail.
    deep = _TOO_DEEP % {"failure": _FAILED[FileType.PDF].rstrip(".")}
    assert translate_recorded(deep) == (
        "Этот PDF повреждён, его текст прочитать не удалось "
        "(структура файла вложена слишком глубоко — признак вредоносного файла)."
    )
    # An OCR note holding a page's error; a note of two sentences.
    assert (
        translate_recorded(
            "2 page(s) could not be recognised: "
            "Page 4 could not be recognised; the original is kept."
        )
        == "Не удалось распознать страниц: 2. Страницу 4 не удалось распознать; оригинал сохранён."
    )
    assert translate_recorded(
        "The message is malformed; its text was read as well as possible. "
        "1 of 3 pages could not be read (the file is damaged)."
    ) == (
        "Письмо составлено с нарушениями формата; его текст прочитан, насколько это возможно. "
        "Не удалось прочитать страниц: 1 из 3 (файл повреждён)."
    )
    # A count recorded with English grouping is said the Russian way (no-break space).
    from casefile.core.ingest.extract_html import DEEP_NOTE

    assert translate_recorded(DEEP_NOTE.format(depth=12000)) == (
        "Глубина вложенности элементов страницы — 12\u00a0000 (признак сгенерированного или "
        "вредоносного файла); весь видимый текст прочитан, но без тонкостей вёрстки."
    )
    # Words Casefile did not write are shown as recorded; English shows everything as is.
    assert translate_recorded("Seized from the office on 3 May.") == (
        "Seized from the office on 3 May."
    )
    i18n.set_language("en")
    assert translate_recorded("The PDF contains no text.") == "The PDF contains no text."


def test_verify_reports_a_missing_original_in_russian(case: Case, tmp_path: Path) -> None:
    note = tmp_path / "memo.txt"
    note.write_text("The board met on 7 June 2024.", encoding="utf-8")
    summary = services.import_paths(case, [note])
    uid = summary.outcomes[0].document_uid
    assert uid is not None
    sha = services.get_document(case, uid).sha256
    case.store.path_for(sha).unlink()
    i18n.set_language("ru")
    report = services.verify_case(case)
    (problem,) = [p for p in report.problems if p.problem == "missing"]
    assert problem.message.startswith("Оригинала документа «memo» нет в папке дела (")
    assert problem.message.endswith(
        "Восстановите его из резервной копии или импортируйте тот же файл снова: "
        "Casefile его узнает."
    )


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "В документе «Протокол» 1 страница; страницы 40 нет."),
        (3, "В документе «Протокол» 3 страницы; страницы 40 нет."),
        (5, "В документе «Протокол» 5 страниц; страницы 40 нет."),
        (21, "В документе «Протокол» 21 страница; страницы 40 нет."),
    ],
)
def test_counts_take_the_russian_plural_forms(n: int, expected: str, ru: None) -> None:
    text = ngettext(
        "“%(title)s” has %(n)d page; there is no page %(page)s.",
        "“%(title)s” has %(n)d pages; there is no page %(page)s.",
        n,
    ) % {"title": "Протокол", "n": n, "page": 40}
    assert text == expected


def test_asking_for_a_page_a_document_lacks_says_so_in_russian(case: Case, tmp_path: Path) -> None:
    note = tmp_path / "memo.txt"
    note.write_text("One page only.", encoding="utf-8")
    uid = services.import_paths(case, [note]).outcomes[0].document_uid
    assert uid is not None
    i18n.set_language("ru")
    with pytest.raises(InvalidValueError) as err:
        services.get_page(case, uid, 7)
    assert str(err.value) == "В документе «memo» 1 страница; страницы 7 нет."


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "2023-02-30",
            "Casefile не понимает дату «2023-02-30». Дня 30 нет: февраль 2023 г. "
            "насчитывает 28 дней.",
        ),
        (
            "2024-01-32",
            "Casefile не понимает дату «2024-01-32». Дня 32 нет: январь 2024 г. "
            "насчитывает 31 день.",
        ),
        (
            "2024-13",
            "Casefile не понимает дату «2024-13». Месяца 13 нет; месяцы нумеруются от 01 до 12.",
        ),
    ],
)
def test_the_date_parser_explains_in_russian(typed: str, expected: str, ru: None) -> None:
    with pytest.raises(InvalidValueError) as err:
        dates.parse(typed)
    assert str(err.value) == expected


def test_a_date_in_words_it_cannot_read_gets_the_hint_in_russian(ru: None) -> None:
    with pytest.raises(InvalidValueError) as err:
        dates.read_date("на днях")
    assert str(err.value).startswith("Casefile не понимает дату «на днях». Пишите, например,")
    assert str(err.value).endswith(
        "Можно писать и словами: 7 июня 2024 г., около мая 2024 г., 2020–2022, 7 June 2024."
    )


def test_english_stays_english(tmp_path: Path) -> None:
    with pytest.raises(CaseNotFoundError, match="There is no case at"):
        services.open_case(tmp_path / "nowhere")
    with pytest.raises(InvalidValueError, match="February 2023 has 28 days, so there is no day 30"):
        dates.parse("2023-02-30")


def test_what_the_system_says_is_translated_inside_a_russian_sentence(
    tmp_path: Path, ru: None
) -> None:
    """The operating system's own words (`strerror`) come in English whatever the
    locale; inside a Russian sentence they are Russian too."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the case's parent folder should be")
    with pytest.raises(CasefileError) as caught:
        services.create_case(blocker / "Дело")
    assert "Это не папка" in str(caught.value) and "directory" not in str(caught.value)


def test_an_attachment_is_named_in_russian_in_the_import_summary(
    case: Case, tmp_path: Path, ru: None
) -> None:
    """Two letters carry the same invoice: the second copy is reported as a duplicate
    under the attachment's name, said in Russian."""
    from email.message import EmailMessage

    folder = tmp_path / "mail"
    folder.mkdir()
    for n in (1, 2):
        msg = EmailMessage()
        msg["From"] = "forrest@example.org"
        msg["Subject"] = f"Письмо {n}"
        msg.set_content(f"Письмо номер {n}: счёт во вложении.")
        msg.add_attachment(
            b"The same invoice in both letters.\n",
            maintype="text",
            subtype="plain",
            filename="invoice.txt",
        )
        (folder / f"letter{n}.eml").write_bytes(msg.as_bytes())
    summary = services.import_paths(case, [folder])
    (dup,) = [o for o in summary.outcomes if o.result == "duplicate"]
    assert re.fullmatch(r"invoice\.txt \(вложение в letter\d\.eml\)", dup.path), dup.path


def test_the_cli_progress_bar_says_its_rate_in_russian(ru: None) -> None:
    """tqdm appends an English "/s" to the unit it is given: the bar replaces it."""
    from casefile.cli.common import _bar_class

    line = _bar_class().format_meter(
        n=5, total=10, elapsed=2.0, unit=i18n._("file"), prefix="Импорт"
    )
    assert "файл/с" in line and "/s" not in line
