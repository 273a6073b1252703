"""The command line in Russian (issue 15, item 5): chosen by `--lang ru`, by
CASEFILE_LANG or by the system locale; results, counts with the right plural forms,
errors, argparse's own words and `--help` all in Russian, and English when asked."""

from __future__ import annotations

import argparse
import gettext
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casefile.cli import language_asked, main
from casefile.cli.argparse_words import expected_arguments
from casefile.core import i18n, services

ROOT = Path(__file__).resolve().parent.parent


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse: --help, a usage error
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write_files(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "claim.txt").write_text(
        "Daniel Forrest was employed by Helix Cloud as a senior billing analyst.\n",
        encoding="utf-8",
    )
    (folder / "article.txt").write_text(
        "Компания OkoVision попала под санкции в феврале 2023 года.\n", encoding="utf-8"
    )
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_a_session_in_russian(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = str(tmp_path / "Дело.casefile")
    code, out, _err = cli(capsys, "--lang", "ru", "new", case, "--title", "Хеликс")
    assert code == 0 and out.startswith("Создано дело «Хеликс» в ")

    code, out, _err = cli(capsys, "--lang", "ru", "import", case, str(write_files(tmp_path / "in")))
    assert code == 0
    assert (
        "Готово: импортировано 2 файла, 0 файлов уже в деле, 0 файлов не импортировано, "
        "1 пустой файл, 0 документов без читаемого текста." in out
    )

    code, out, _err = cli(capsys, "--lang", "ru", "docs", case)
    assert code == 0 and out.splitlines()[-1] == "2 документа"
    # The kind in the words the window and the report use, pages abbreviated.
    assert "  Другое  " in out and " 1 с.  claim" in out

    with services.open_case(case, readonly=True) as opened:
        uid = next(d.uid for d in services.list_documents(opened) if d.title == "claim")
    code, out, _err = cli(capsys, "--lang", "ru", "show", case, uid[:6])
    assert code == 0
    lines = out.splitlines()
    # The labels are Russian and the values line up after the longest ("Импортирован:").
    assert "Название:     claim" in lines and "Вид:          Другое" in lines
    assert "Состояние:    Текст прочитан" in lines
    assert "— страница 1 из 1 —" in lines

    code, out, _err = cli(capsys, "--lang", "ru", "search", case, "санкции")
    assert code == 0
    assert "Найдено: 1 документ, 1 страница; показаны 1–1." in out
    assert "страница 1" in out and "с. 1: " in out

    code, out, _err = cli(capsys, "--lang", "ru", "verify", case)
    assert code == 0
    assert out.startswith("Целы все 2 оригинала документов дела")

    # The same commands without --lang speak English (tests/conftest.py: LANGUAGE=en).
    code, out, _err = cli(capsys, "docs", case)
    assert out.splitlines()[-1] == "2 document(s)"


@pytest.mark.parametrize(
    ("n", "line"),
    [(1, "1 событие"), (3, "3 события"), (5, "5 событий"), (21, "21 событие")],
)
def test_counts_take_the_russian_plural_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], n: int, line: str
) -> None:
    from casefile.core.services import chronology

    path = tmp_path / "Events.casefile"
    with services.create_case(path) as case:
        for i in range(n):
            chronology.add_event(case, title=f"Event {i}", date=f"2024-01-{i % 28 + 1:02d}")
    code, out, _err = cli(capsys, "--lang", "ru", "event", "list", str(path))
    assert code == 0
    assert out.splitlines()[-1] == line
    # Dates in words follow the CLI's language unless the command's --lang says otherwise.
    assert "января 2024" in out


def test_plural_forms_of_the_catalog_itself() -> None:
    i18n.set_language("ru")
    forms = [
        i18n.ngettext("%(n)d document(s)", "%(n)d document(s)", n) % {"n": n}
        for n in (1, 3, 5, 21, 11, 0)
    ]
    assert forms == [
        "1 документ",
        "3 документа",
        "5 документов",
        "21 документ",
        "11 документов",
        "0 документов",
    ]
    assert [expected_arguments(n) for n in (1, 3, 5)] == [
        "ожидается 1 значение",
        "ожидается 3 значения",
        "ожидается 5 значений",
    ]


def test_errors_are_one_russian_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "Empty.casefile"
    services.create_case(path).close()
    code, out, err = cli(capsys, "--lang", "ru", "show", str(path), "ffff")
    assert code == 1 and not out
    assert err == (
        "casefile: Нет документа, идентификатор которого начинается с «ffff»; "
        "список показывает «casefile docs».\n"
    )
    # argparse's own words: a missing argument, a wrong choice.
    code, _out, err = cli(capsys, "--lang", "ru", "docs")
    assert code == 2
    assert err.strip().endswith(
        "casefile docs: не указаны обязательные аргументы: CASE (см. «casefile docs --help»)"
    )
    code, _out, err = cli(capsys, "--lang", "ru", "docs", str(path), "--sort", "colour")
    assert code == 2
    assert "аргумент --sort: недопустимое значение: 'colour' (допустимы: 'date'," in err
    # What the operating system says of a file, in Russian too.
    missing = tmp_path / "нет-такого.txt"
    out_file = str(tmp_path / "report.docx")
    args = ("export", "report", str(path), out_file, "--summary-file", str(missing))
    code, _out, err = cli(capsys, "--lang", "ru", *args)
    assert (code, err) == (1, f"casefile: Нет такого файла или папки: {missing}\n")
    code, _out, err = cli(capsys, *args)
    assert (code, err) == (1, f"casefile: No such file or directory: {missing}\n")
    # A case that is not there: one line, no traceback, exit 1.
    code, _out, err = cli(capsys, "--lang", "ru", "docs", str(tmp_path / "Нет.casefile"))
    assert code == 1 and len(err.splitlines()) == 1 and "Traceback" not in err


def test_help_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = cli(capsys, "--lang", "ru", "--help")
    assert code == 0
    assert out.startswith("использование: casefile [-h] [--version] [--lang {en,ru}]")
    assert "позиционные аргументы:" in out and "параметры:" in out
    assert "показать эту справку и выйти" in out
    assert "Показать документы дела." in out
    code, out, _err = cli(capsys, "--lang", "ru", "import", "--help")
    assert "Импортировать файлы и папки (со всем содержимым) в дело." in out
    assert "папка дела (…/Имя.casefile)" in out
    assert "пароль к защищённым PDF в этом импорте" in out
    # English help is untouched, and argparse has its own gettext back after a run.
    code, out, _err = cli(capsys, "--help")
    assert out.startswith("usage: casefile") and "show this help message and exit" in out
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]


def test_the_global_lang_is_read_before_the_command_only() -> None:
    assert language_asked(["--lang", "ru", "docs", "X"]) == "ru"
    assert language_asked(["--version", "--lang=ru"]) == "ru"
    assert language_asked(["--lang", "de", "docs"]) is None  # the parser then says why
    # After the command, --lang is the command's own (OCR languages, dates in words).
    assert language_asked(["ocr", "X", "--lang", "rus+eng"]) is None
    assert language_asked(["event", "list", "X", "--lang", "ru"]) is None


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in i18n_vars()}
    clean["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "casefile.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**clean, **env},
    )


def i18n_vars() -> set[str]:
    return {"CASEFILE_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}


@pytest.mark.slow  # three CLI processes, a few seconds each on a busy machine
def test_the_language_comes_from_the_environment_and_lang_overrides_it(tmp_path: Path) -> None:
    path = tmp_path / "Env.casefile"
    services.create_case(path).close()
    listed = run({"LANG": "ru_RU.UTF-8"}, "docs", str(path))
    assert listed.stdout.strip() == "0 документов", listed.stderr
    usage = run({"CASEFILE_LANG": "ru", "LANG": "en_GB.UTF-8"}, "docs")
    assert usage.returncode == 2 and "не указаны обязательные аргументы: CASE" in usage.stderr
    english = run({"CASEFILE_LANG": "ru"}, "--lang", "en", "docs", str(path))
    assert english.stdout.strip() == "0 document(s)", english.stderr
