"""Exports speak the language Casefile speaks (issue 15 item 5, docs/architecture.md,
"Languages"): a Russian user's DOCX report, CSV files, PDF court bundle and archive
messages are in Russian, dates in words included; English stays English.

Each test builds its own small case and reads the export back as its reader would:
python-docx for the report, a CSV reader for the tables, pypdf's text extraction for
the bundle (which also shows the shipped font draws Cyrillic).
"""

from __future__ import annotations

import csv
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from casefile.core import i18n, services
from casefile.core.case import Case
from casefile.core.date_words import in_words, to_edtf
from casefile.core.services import archive, bundles, chronology, exports
from casefile.core.services.chronology_dto import CitationSpec
from tests.test_export_bundle import stamps, write_pdf

MINUTES = "The board of OkoVision met on 7 June 2024 and approved the contract.\n"


pytestmark = pytest.mark.slow  # builds a small case (an import) once, ~8 s


@pytest.fixture(scope="module")
def small_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A case with a text note, a PDF filing (dated), a person and one cited event."""
    folder = tmp_path_factory.mktemp("in")
    (folder / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    write_pdf(folder / "claim.pdf", 2, "Claim form")
    with services.create_case(tmp_path_factory.mktemp("master") / "Test case") as case:
        services.import_paths(case, [folder])
        docs = {d.original_filename: d for d in services.list_documents(case)}
        services.update_document(case, docs["minutes.txt"].uid, kind="note")
        services.update_document(
            case, docs["claim.pdf"].uid, kind="court_filing", date="2024-03-12"
        )
        services.create_entity(case, "Ivan Petrov", "person")
        chronology.add_event(
            case,
            title="Board approves the contract",
            date="2024-06-07",
            entities=["Ivan Petrov"],
            citations=[CitationSpec(docs["minutes.txt"].uid, 1, "approved the contract")],
        )
        return case.path


@pytest.fixture
def small(small_master: Path, tmp_path: Path) -> Iterator[Case]:
    copy = tmp_path / small_master.name
    shutil.copytree(small_master, copy, ignore=shutil.ignore_patterns(".lock"))
    with services.open_case(copy) as case:
        yield case


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def tables(path: Path) -> list[list[list[str]]]:
    return [[[c.text for c in r.cells] for r in t.rows] for t in docx.Document(str(path)).tables]


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_a_russian_report_has_russian_headings_and_dates(small: Case, tmp_path: Path) -> None:
    i18n.set_language("ru")
    out = tmp_path / "report.docx"
    result = exports.run_export(small, "report", exports.ReportOptions(), out)
    text = paragraphs(out)
    assert "Отчёт по делу" in text
    for heading in ("Хронология", "Действующие лица и организации", "Перечень документов"):
        assert heading in text
    assert "Охват: Всё дело" in text
    assert "Содержание: 1 событие, 1 сущность, 2 документа" in text
    assert any(t.startswith("1 событие в хронологическом порядке.") for t in text)
    chrono, cast, index = tables(out)
    assert chrono[0] == ["Дата", "Событие", "Сущности", "Источники", "Пометки"]
    assert chrono[1][0] == "7 июня 2024 г."  # the event's date in Russian words
    assert chrono[1][3].startswith("Док. 2, с. 1")  # the dated filing is Doc 1
    assert chrono[1][4] == "Один источник"
    assert cast[0] == ["Сущность", "Другие имена", "Заметки", "Упоминается в"]
    assert cast[1][0] == "Ivan Petrov\nЛицо"
    assert index[0] == ["№", "Название", "Вид", "Дата", "Источник", "Страницы", "Оценка", "SHA-256"]
    claim = next(r for r in index[1:] if r[2] == "Судебный документ")
    assert claim[3] == "12 марта 2024 г."
    assert {r[2] for r in index[1:]} == {"Судебный документ", "Заметка"}
    footer = docx.Document(str(out)).sections[0].footer.paragraphs[0].text
    assert footer.startswith("Test case — страница ")
    assert result.summary == (f"Отчёт записан в {out}: 1 событие, 1 сущность, 2 документа.")


def test_the_same_report_in_english_stays_english(small: Case, tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    exports.run_export(small, "report", exports.ReportOptions(), out)
    text = paragraphs(out)
    assert "Case report" in text and "Chronology" in text
    assert "Contents: 1 event, 1 entity, 2 documents" in text
    chrono = tables(out)[0]
    assert chrono[0] == ["Date", "Event", "Entities", "Sources", "Flags"]
    assert chrono[1][0] == "7 June 2024"
    assert chrono[1][3].startswith("Doc 2, p. 1")


def test_a_chosen_date_language_still_holds(small: Case, tmp_path: Path) -> None:
    """The report's `lang` option (the dialog's "Dates in") still decides its dates."""
    i18n.set_language("ru")
    out = tmp_path / "report.docx"
    exports.run_export(small, "report", exports.ReportOptions(lang="en"), out)
    assert tables(out)[0][1][0] == "7 June 2024"


@pytest.mark.parametrize(
    ("n", "counted", "rows"),
    [
        (1, "1 событие", "1 строка"),
        (3, "3 события", "3 строки"),
        (5, "5 событий", "5 строк"),
        (21, "21 событие", "21 строка"),
    ],
)
def test_counts_take_the_russian_plural(
    case: Case, tmp_path: Path, n: int, counted: str, rows: str
) -> None:
    for i in range(n):
        chronology.add_event(case, title=f"Meeting {i + 1}", date=f"2024-01-{i + 1:02d}")
    i18n.set_language("ru")
    report = exports.run_export(case, "report", exports.ReportOptions(), tmp_path / "r.docx")
    assert report.summary.endswith(f": {counted}, 0 сущностей, 0 документов.")
    assert f"{counted} в хронологическом порядке." in " ".join(paragraphs(tmp_path / "r.docx"))
    table = exports.CsvOptions(tables=("chronology",))
    written = exports.run_export(case, "csv", table, tmp_path / "csv")
    assert written.summary == f"В папку {tmp_path / 'csv'} записаны: хронология.csv ({rows})."


def test_russian_csv_headers_and_dates(small: Case, tmp_path: Path) -> None:
    i18n.set_language("ru")
    exports.run_export(small, "csv", exports.CsvOptions(), tmp_path / "csv")
    documents = read_csv(tmp_path / "csv" / "документы.csv")
    assert documents[0][:6] == ["номер", "идентификатор", "название", "вид", "дата", "дата словами"]
    assert ["2024-03-12", "12 марта 2024 г."] in [r[4:6] for r in documents[1:]]
    events = read_csv(tmp_path / "csv" / "хронология.csv")
    assert events[0][2] == "дата словами" and events[1][2] == "7 июня 2024 г."
    assert events[1][9] == "Док. 2, с. 1"
    mentions = read_csv(tmp_path / "csv" / "упоминания.csv")
    assert mentions[0][-1] == "вручную"
    # The stored values stay as stored: a spreadsheet's filters work in both languages.
    assert {r[3] for r in documents[1:]} == {"court_filing", "note"}


def test_english_csv_headers_are_unchanged(small: Case, tmp_path: Path) -> None:
    from casefile.core.export.csv_tables import COLUMNS

    exports.run_export(small, "csv", exports.CsvOptions(), tmp_path / "csv")
    for table, columns in COLUMNS.items():
        assert read_csv(tmp_path / "csv" / f"{table}.csv")[0] == list(columns)


def _page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_a_russian_bundle_index_placeholder_and_stamps(small: Case, tmp_path: Path) -> None:
    i18n.set_language("ru")
    claim = next(d for d in services.list_documents(small) if d.original_filename == "claim.pdf")
    minutes = next(d for d in services.list_documents(small) if d.uid != claim.uid)
    # A lost original: the bundle shows a page saying why in place of its pages.
    stored = small.store.path_for(services.get_document(small, claim.uid).sha256)
    stored.unlink()
    out = tmp_path / "bundle.pdf"
    result = bundles.make_bundle(small, out)
    pages = _page_texts(out)
    index = pages[0]
    for words in ("Пакет документов для суда", "Опись документов", "№", "Документ", "Дата"):
        assert words in index
    assert "Страницы" in index
    assert "Процессуальные и судебные документы" in index  # the default sections' names
    assert "Заметки и другие документы" in index
    assert "12 марта 2024 г." in index  # the filing's date in Russian words
    placeholder = next(p for p in pages if "Оригинала нет в папке дела" in p)
    assert "Исходный файл: claim.pdf" in placeholder
    typeset = next(p for p in pages if MINUTES.split()[1] in p)
    assert "Набрано Casefile по извлечённому тексту; оригинал — файл TEXT (minutes.txt)." in (
        " ".join(typeset.split())
    )
    # Every page is stamped with its number (the stamp holds no words to translate).
    reader = PdfReader(out)
    assert stamps(reader) == [str(i) for i in range(1, len(reader.pages) + 1)]
    bookmarks = [item.title for item in reader.outline if not isinstance(item, list)]
    assert bookmarks[0] == "Опись документов — с. 1"
    assert result.summary == f"В пакете {result.pages} страниц и 2 документа: bundle.pdf."
    assert minutes.uid in {p.uid for p in result.placed}


def test_an_english_bundle_stays_english(small: Case, tmp_path: Path) -> None:
    out = tmp_path / "bundle.pdf"
    bundles.make_bundle(small, out)
    index = _page_texts(out)[0]
    assert "Court bundle" in index and "Index" in index and "12 March 2024" in index
    assert "Statements of case and court documents" in index


def test_archive_messages_in_russian(small: Case, tmp_path: Path) -> None:
    i18n.set_language("ru")
    result = archive.export_archive(small, None, tmp_path / "case")
    assert result.summary == "Дело записано в архив case.casezip: 2 оригинала."
    hostile = tmp_path / "evil.casezip"
    with zipfile.ZipFile(hostile, "w") as zf:
        zf.writestr("../outside.txt", "x")
    with pytest.raises(archive.ArchiveError) as refused:
        archive.import_archive(hostile, tmp_path / "Imported")
    assert str(refused.value) == (
        "Архив evil.casezip нельзя импортировать: элемент «../outside.txt» указывает за "
        "пределы папки дела."
    )


def test_dates_in_words_follow_the_language_unless_one_is_named() -> None:
    assert in_words("2024-05~") == "c. May 2024"
    assert in_words(None) == "no date"
    i18n.set_language("ru")
    assert in_words("2024-05~") == "около мая 2024 г."
    assert in_words("2020/2022") == "2020–2022 гг."
    assert in_words(None) == "без даты"
    assert in_words("2024-06-07", "en") == "7 June 2024"  # a caller's choice still holds
    # Words typed in either language read back whatever the interface speaks.
    assert to_edtf("7 June 2024") == to_edtf("7 июня 2024 г.") == "2024-06-07"
    assert to_edtf("около мая 2024 г.") == to_edtf("c. May 2024") == "2024-05~"
