"""`casefile search / reindex / saved` as a user types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefile import cli
from casefile.core import services
from tests.search_fixtures import add_document


@pytest.fixture
def case_path(tmp_path: Path) -> str:
    path = tmp_path / "c.casefile"
    with services.create_case(path) as case:
        add_document(
            case,
            "Claim summary",
            ["Daniel Forrest sold services to VisionLabs.", "Санкции против VisionLabs."],
            kind="court_filing",
            date="2024-06",
        )
        add_document(case, "Note", ["Nothing here."], kind="note")
    return str(path)


def test_search_json_and_text(case_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["search", case_path, "VisionLabs санкция", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    # The document matches as a whole; the pages listed are those holding a hit
    # (VisionLabs on both, the Russian word on page 2).
    assert out["total"] == 1 and out["hits"][0]["pages"] == [1, 2]
    assert cli.main(["search", case_path, "forrest", "--sort", "date", "--limit", "5"]) == 0
    text = capsys.readouterr().out
    assert "Claim summary" in text and "[Forrest]" in text


def test_malformed_query_is_one_message(case_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["search", case_path, '"unclosed']) == cli.EXIT_FAIL
    err = capsys.readouterr().err
    assert "never closed" in err and "Traceback" not in err


def test_reindex_and_saved(case_path: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["reindex", case_path]) == 0
    assert "Indexed 2 document(s)" in capsys.readouterr().out
    assert cli.main(["saved", case_path, "add", "Forrest", "forrest", "--sort", "date"]) == 0
    assert cli.main(["saved", case_path, "list"]) == 0
    assert "Forrest: forrest" in capsys.readouterr().out
    assert cli.main(["saved", case_path, "run", "Forrest", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1
    assert cli.main(["saved", case_path, "rm", "Forrest"]) == 0
    assert cli.main(["saved", case_path, "run", "Forrest"]) == cli.EXIT_FAIL


def test_a_saved_search_keeps_its_transliteration(
    case_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Saved with --translit, "Forrest" keeps finding the Russian "Форрест" when run
    again, and the list says so; saved without it, it does not."""
    with services.open_case(Path(case_path)) as case:
        add_document(case, "Заметка", ["Дэниел Форрест продал услуги."], languages="ru")
    assert cli.main(["saved", case_path, "add", "Both", "Forrest", "--translit"]) == 0
    assert cli.main(["saved", case_path, "add", "Latin", "Forrest"]) == 0
    capsys.readouterr()
    assert cli.main(["saved", case_path, "list"]) == 0
    listed = capsys.readouterr().out
    assert "Both: Forrest  (sort relevance, transliteration)" in listed
    assert "Latin: Forrest  (sort relevance)" in listed
    assert cli.main(["saved", case_path, "run", "Both", "--json"]) == 0
    assert {h["title"] for h in json.loads(capsys.readouterr().out)["hits"]} == {
        "Claim summary",
        "Заметка",
    }
    assert cli.main(["saved", case_path, "run", "Latin", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1
