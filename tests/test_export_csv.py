"""CSV tables read back as a spreadsheet would (UTF-8 with BOM), row for row against the
case, with formulas neutralised; and `casefile export report|csv` as a user runs it."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import docx
import pytest

from casefile.cli import main
from casefile.core import services
from casefile.core.export.csv_tables import COLUMNS, neutralise
from casefile.core.services import chronology, exports

pytestmark = pytest.mark.slow  # builds the demo case (an import) once, ~10 s


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from casefile.demo import build_demo_case

    return build_demo_case(tmp_path_factory.mktemp("demo") / "Demo")


@pytest.fixture
def demo(demo_master: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "Demo.casefile"
    shutil.copytree(demo_master, copy, ignore=shutil.ignore_patterns(".lock"))
    return copy


def read(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads Cyrillic as UTF-8
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_tables_read_back_with_the_same_rows(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    with services.open_case(demo) as case:
        result = exports.run_export(case, "csv", exports.CsvOptions(), out)
        docs = {d.uid: services.get_document(case, d.uid) for d in services.list_documents(case)}
        entities = services.list_entities(case)
        mentions = services.mentions(case)
        events = chronology.list_events(case)
    assert sorted(p.name for p in out.iterdir()) == [
        "chronology.csv",
        "documents.csv",
        "entities.csv",
        "mentions.csv",
    ]
    assert set(result.files) == set(out.iterdir())
    for table, columns in COLUMNS.items():
        with open(out / f"{table}.csv", encoding="utf-8-sig", newline="") as f:
            assert tuple(next(csv.reader(f))) == columns  # stable names, in order

    rows = read(out / "documents.csv")
    assert len(rows) == len(docs) == 4
    for row in rows:
        d = docs[row["uid"]]
        assert (row["title"], row["kind"], row["sha256"]) == (d.title, d.kind, d.sha256)
        assert int(row["pages"]) == d.page_count and row["tags"] == " | ".join(d.tags)
    assert any(r["source"] == "Эхо Севера" for r in rows)

    rows = read(out / "entities.csv")
    assert [r["uid"] for r in rows] == [e.uid for e in entities]
    forrest = next(r for r in rows if r["name"] == "Daniel Forrest")
    assert "Дэниел Форрест" in forrest["aliases"].split(" | ")

    rows = read(out / "mentions.csv")
    assert sorted(int(r["id"]) for r in rows) == sorted(m.id for m in mentions)
    by_id = {m.id: m for m in mentions}
    for r in rows:
        m = by_id[int(r["id"])]
        assert (r["document_uid"], int(r["page"]), r["text"]) == (m.document_uid, m.page, m.text)

    rows = read(out / "chronology.csv")
    assert [r["uid"] for r in rows] == [e.uid for e in events]
    designation = next(r for r in rows if r["title"] == "OkoVision LLC designated under sanctions")
    assert designation["date_words"] == "14 February 2023"
    assert len(designation["citations"].split(" | ")) == 3


def test_formulas_are_neutralised_and_numbers_kept(demo: Path, tmp_path: Path) -> None:
    hostile = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
    with services.open_case(demo) as case:
        for i, text in enumerate(hostile):
            chronology.add_event(
                case, title=f"Hostile {i}", description=text, date=f"2030-01-0{i + 1}"
            )
        exports.run_export(case, "csv", exports.CsvOptions(tables=("chronology",)), tmp_path / "t")
    assert [p.name for p in (tmp_path / "t").iterdir()] == ["chronology.csv"]
    cells = [r["description"] for r in read(tmp_path / "t" / "chronology.csv")]
    for text in hostile:
        assert "'" + text in cells
    assert neutralise(-5) == -5 and neutralise("Эхо") == "Эхо" and neutralise(None) == ""


def test_a_cancelled_csv_export_writes_no_table(demo: Path, tmp_path: Path) -> None:
    from casefile.core.jobs import Cancelled, JobContext

    job = JobContext(on_progress=lambda p: job.cancel() if p.label == "entities.csv" else None)
    with services.open_case(demo) as case, pytest.raises(Cancelled):
        exports.run_export(case, "csv", exports.CsvOptions(), tmp_path / "t", job)
    assert list((tmp_path / "t").iterdir()) == []


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_exports_a_report_and_csv(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.docx"
    code, stdout, _ = cli(
        capsys, "export", "report", str(demo), str(out), "--tag", "press", "--author", "Эхо"
    )
    assert code == 0 and out.is_file()
    assert "Wrote the report" in stdout
    d = docx.Document(str(out))
    assert any(p.text == "Prepared by: Эхо" for p in d.paragraphs)
    chrono = next(t for t in d.tables if t.rows[0].cells[0].text == "Date")
    assert [r.cells[1].text.split("\n")[0] for r in chrono.rows[1:]] == [
        "Эхо Севера publishes its investigation"
    ]

    code, stdout, _ = cli(
        capsys, "export", "csv", str(demo), str(tmp_path / "csv"), "--table", "documents", "--json"
    )
    assert code == 0
    info = json.loads(stdout)
    assert info["kind"] == "csv" and [Path(p).name for p in info["files"]] == ["documents.csv"]
    assert len(read(tmp_path / "csv" / "documents.csv")) == 4

    with services.open_case(demo, readonly=True) as case:
        exported = [e for e in services.audit_log(case) if e.action == "export"]
    assert len(exported) == 2  # who exported what, and where, is in the audit log


def test_cli_export_errors_are_one_line(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(
        capsys, "export", "report", str(demo), str(tmp_path / "r.docx"), "--entity", "Nobody"
    )
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "r.docx").exists()
    code, _out, _ = cli(capsys, "export", "report", str(demo), str(tmp_path / "plain"))
    assert code == 0 and (tmp_path / "plain.docx").is_file()  # the suffix is added
    with pytest.raises(SystemExit) as exc:
        main(["export", "fax", str(demo), str(tmp_path / "x")])
    assert exc.value.code == 2
    code, _, err = cli(
        capsys, "export", "csv", str(tmp_path / "missing.casefile"), str(tmp_path / "c")
    )
    assert code == 1 and "Traceback" not in err


def test_cli_csv_dates_in_russian(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = cli(
        capsys,
        "export",
        "csv",
        str(demo),
        str(tmp_path / "c"),
        "--table",
        "chronology",
        "--lang",
        "ru",
    )
    assert code == 0
    rows = read(tmp_path / "c" / "chronology.csv")
    assert any(r["date_words"] == "14 февраля 2023 г." for r in rows)


def test_a_case_open_read_only_exports_and_records_nothing(demo: Path, tmp_path: Path) -> None:
    with services.open_case(demo, readonly=True) as case:
        before = len(services.audit_log(case))
        exports.run_export(case, "report", exports.ReportOptions(), tmp_path / "r.docx")
        exports.run_export(case, "csv", exports.CsvOptions(), tmp_path / "t")
        assert len(services.audit_log(case)) == before
    assert (tmp_path / "r.docx").is_file() and len(list((tmp_path / "t").iterdir())) == 4


def test_csv_files_are_named_in_the_language_of_their_columns(demo: Path, tmp_path: Path) -> None:
    """A Russian user gets «документы.csv» with Russian column names, not documents.csv."""
    from casefile.core import i18n

    i18n.set_language("ru")
    try:
        with services.open_case(demo, readonly=True) as case:
            result = exports.run_export(case, "csv", exports.CsvOptions(), tmp_path / "t")
    finally:
        i18n.set_language("en")
    names = sorted(p.name for p in (tmp_path / "t").iterdir())
    assert names == ["документы.csv", "сущности.csv", "упоминания.csv", "хронология.csv"]
    assert "документы.csv" in result.summary
    assert "название" in read(tmp_path / "t" / "документы.csv")[0]
