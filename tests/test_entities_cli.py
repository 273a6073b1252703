"""`casefile entity …` and `casefile relation …` as a user meets them (issue 12), on the
demo case: its entities in both scripts, relations, and the same errors and exit codes
as the rest of the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import assert_clean_error, run

pytestmark = pytest.mark.slow  # each command is a process (~1-2 s); the demo imports


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "Demo"
    assert run("demo", str(path)).returncode == 0
    return path.with_name("Demo.casefile")


def test_demo_cast_in_both_scripts_with_relations(demo: Path) -> None:
    rows = json.loads(run("entity", "list", str(demo), "--json").stdout)
    by_name = {r["name"]: r for r in rows}
    forrest = by_name["Daniel Forrest"]
    assert forrest["kind"] == "person" and forrest["documents"] >= 3
    assert {"Дэниел Форрест", "Daniel Forrest"} <= {a["text"] for a in forrest["aliases"]}
    assert by_name["Foreign Affairs Committee"]["kind"] == "public_body"
    shown = json.loads(run("entity", "show", str(demo), "Хеликс Клауд", "--json").stdout)
    texts = {m["text"] for m in shown["mentions"]}
    assert {"Хеликс Клауд", "Helix Cloud Services"} <= texts
    rels = json.loads(run("relation", "list", str(demo), "OkoVision", "--json").stdout)
    assert {(r["source_name"], r["label"]) for r in rels} >= {
        ("Tarn Data Solutions Ltd", "supplied (alleged)")
    }
    cited = next(r for r in rels if r["label"] == "supplied (alleged)")
    assert "OkoVision" in cited["citations"][0]["quote"]


def test_entity_commands_round_trip_and_errors(demo: Path) -> None:
    case = str(demo)
    added = run(
        "entity",
        "add",
        case,
        "Echo North",
        "--kind",
        "organisation",
        "--alias",
        "Эхо Севера Daily",
        "--weak-alias",
        "EN",
    )
    assert added.returncode == 0, added.stderr
    assert "Added organisation “Echo North”" in added.stdout
    assert run("entity", "merge", case, "Эхо Севера", "Echo North").returncode == 0
    merged = json.loads(run("entity", "show", case, "Echo North", "--json").stdout)
    assert merged["entity"]["name"] == "Эхо Севера"
    assert merged["entity"]["mentions"] == 3
    split = run("entity", "split", case, "Эхо Севера", "Echo North")
    assert split.returncode == 0 and "“Echo North” is now an entity of its own" in split.stdout
    assert run("entity", "alias", case, "Cyprus", "--add", "Republic of Cyprus").returncode == 0
    rel = run("relation", "add", case, "OkoVision", "customer of", "Helix Cloud", "--date", "2023")
    assert rel.returncode == 0 and "OkoVision LLC — customer of → Helix Cloud" in rel.stdout
    assert run("entity", "rm", case, "Echo North").returncode == 0

    assert "no entity “Nobody”" in assert_clean_error(run("entity", "show", case, "Nobody"))
    bad_date = run("relation", "add", case, "Cyprus", "owns", "Novosibirsk", "--date", "soon")
    assert "“soon” is not a date" in assert_clean_error(bad_date)
    bad_kind = run("entity", "add", case, "X", "--kind", "animal")
    assert bad_kind.returncode == 2 and "Traceback" not in bad_kind.stderr
    assert_clean_error(run("entity", "list", str(demo.with_name("Missing.casefile"))))
