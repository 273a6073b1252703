"""`casefile event …` as a user meets it, on the demo case: its chronology, adding,
citing, filtering, editing, removing, suggestions; clear one-line errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from casefile.cli import main

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


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_demo_case_has_a_cited_chronology(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "event", "list", str(demo), "--json")
    assert code == 0
    events = json.loads(out)
    assert len(events) >= 8
    assert all(e["citations"] for e in events)
    precisions = {e["precision"] for e in events}
    assert "interval" in precisions
    assert any(e["date"].endswith("~") for e in events)  # an approximate date
    keys = [e["sort_key"] for e in events]
    assert keys == sorted(keys)
    designation = next(e for e in events if "designated" in e["title"])
    assert designation["source_count"] == 3 and "single_source" not in designation["flags"]
    for e in events:
        for c in e["citations"]:
            assert not c["lost"] and c["end"] - c["start"] >= len(c["quote"].split()[0])


def test_add_cite_show_edit_rm(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "docs", str(demo), "--json")
    claim = next(d["uid"] for d in json.loads(out) if d["kind"] == "court_filing")
    code, out, err = cli(
        capsys, "event", "add", str(demo), "--date", "2023-12-04", "--title",
        "Concerns reported to compliance", "--entity", "Daniel Forrest",
        "--cite", f'{claim[:6]}:2:"reported his concerns in writing"', "--grade", "2",
    )  # fmt: skip
    assert code == 0, err
    assert "4 December 2023 — Concerns reported to compliance" in out
    uid = out.split()[2].rstrip(":")
    code, out, _ = cli(capsys, "event", "show", str(demo), uid)
    assert "“reported his concerns in writing”" in out and "single source" in out
    code, out, _ = cli(capsys, "event", "show", str(demo), uid, "--lang", "ru")
    assert "4 декабря 2023 г." in out
    code, out, _ = cli(capsys, "event", "edit", str(demo), uid, "--date", "2023-12~")
    assert code == 0 and "c. December 2023" in out
    code, out, _ = cli(capsys, "event", "list", str(demo), "--entity", "daniel forrest")
    assert "c. December 2023" in out
    code, out, _ = cli(capsys, "event", "list", str(demo), "--from", "2024-03", "--to", "2024-04")
    titles = out.splitlines()
    assert any("dismissed" in t for t in titles) and not any("Concerns" in t for t in titles)
    code, out, _ = cli(capsys, "event", "rm", str(demo), uid)
    assert code == 0 and "Removed event" in out
    code, _, err = cli(capsys, "event", "show", str(demo), uid)
    assert code == 1 and "There is no event" in err


def test_bad_input_gets_one_clear_line(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "event", "add", str(demo), "--date", "2024-13", "--title", "x")
    assert code == 1 and "There is no month 13" in err and "Traceback" not in err
    code, _, err = cli(capsys, "event", "add", str(demo), "--title", "x", "--cite", "nope")
    assert code == 1 and "is not a citation" in err
    assert len(err.strip().splitlines()) == 1


def test_suggest_lists_dates_with_sentences(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "event", "suggest", str(demo), "--json")
    assert code == 0
    found = json.loads(out)
    by_date = {(s["date"], s["phrase"]) for s in found}
    assert ("2023-12-04", "4 December 2023") in by_date  # claim, page 2
    cited = ("2024-03-15", "15 March 2024")  # page 1's citation covers it; page 2 does not
    assert sum(1 for s in found if (s["date"], s["phrase"]) == cited) == 1
    assert all(s["sentence"] and s["precision"] for s in found)


def test_show_says_where_a_documents_date_came_from(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = cli(capsys, "docs", str(demo), "--json")
    article = next(d["uid"] for d in json.loads(out) if d["kind"] == "article")
    _, out, _ = cli(capsys, "show", str(demo), article[:8])
    assert "Date:        2024-06-07 (7 June 2024), set by a person" in out


def test_suggestions_accepted_and_dismissed_from_the_command_line(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = cli(capsys, "event", "suggest", str(demo), "--json")
    found = json.loads(out)
    notice = next(s for s in found if s["phrase"] == "4 December 2023")
    code, out, err = cli(
        capsys, "event", "suggest", str(demo), "--accept", notice["key"][:10],
        "--title", "Concerns reported in writing",
    )  # fmt: skip
    assert code == 0, err
    assert "4 December 2023 — Concerns reported in writing" in out
    due = next(s for s in found if s["phrase"] == "4 July 2024")
    code, out, _ = cli(capsys, "event", "suggest", str(demo), "--dismiss", due["key"][:10])
    assert code == 0 and "will not be suggested again" in out
    _, out, _ = cli(capsys, "event", "suggest", str(demo), "--json")
    left = {s["phrase"] for s in json.loads(out)}
    assert "4 July 2024" not in left and "4 December 2023" not in left
    _, out, _ = cli(capsys, "event", "list", str(demo), "--json")
    accepted = next(e for e in json.loads(out) if e["title"] == "Concerns reported in writing")
    assert "4 December 2023" in accepted["citations"][0]["quote"]


def test_an_event_links_to_a_relation_between_entities(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = cli(capsys, "relation", "list", str(demo), "--json")
    rel = json.loads(out)[0]
    code, out, err = cli(
        capsys, "event", "add", str(demo), "--date", "2023", "--title", "Linked",
        "--relation", rel["uid"][:8],
    )  # fmt: skip
    assert code == 0, err
    uid = out.split()[2].rstrip(":")
    code, out, _ = cli(capsys, "event", "show", str(demo), uid, "--json")
    (ref,) = json.loads(out)["entities"]
    assert ref["relation_uid"] == rel["uid"]
    assert rel["label"] in ref["name"]
    code, out, _ = cli(capsys, "event", "show", str(demo), uid)
    assert "Relations:" in out and rel["label"] in out
    code, _, err = cli(capsys, "event", "edit", str(demo), uid, "--relation", "zzzz")
    assert code == 1 and "names no single relation" in err
