"""Bounded counting: exact below the budget, an honest estimate above it."""

from __future__ import annotations

import pytest

from casefile.core import services
from casefile.core.case import Case
from casefile.core.search import results
from tests.search_fixtures import add_document


@pytest.fixture
def many(case: Case) -> Case:
    for i in range(40):
        add_document(
            case,
            f"Doc {i}",
            [f"The court heard appeal number {i}.", "Nothing here."],
            kind="report" if i % 2 else "note",
            sync=i == 39,
        )
    return case


def test_small_match_sets_are_exact(many: Case) -> None:
    r = services.search(many, "court")
    assert (r.total, r.total_pages, r.total_is_estimate) == (40, 40, False)
    assert dict(r.facets["kind"]) == {"note": 20, "report": 20}


def test_beyond_the_budget_totals_are_estimated(
    many: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(results, "MATCH_BUDGET", 8)
    r = services.search(many, "court", limit=5)
    assert r.total_is_estimate
    assert 30 <= r.total <= 50  # every document matches, so the extrapolation is close
    assert len(r.hits) == 5  # the best of the documents read
    assert sum(v for _k, v in r.facets["kind"]) == pytest.approx(r.total, abs=2)
    exact = services.search(many, "appeal number 7")
    assert not exact.total_is_estimate and exact.total == 1


def test_cli_says_about(
    many: Case, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from casefile.cli import search as cli_search

    monkeypatch.setattr(results, "MATCH_BUDGET", 8)
    cli_search._print_results(services.search(many, "court", limit=5))
    out = capsys.readouterr().out
    assert "about " in out and "(~" in out
    cli_search._print_results(services.search(many, "appeal number 7"))
    assert "about" not in capsys.readouterr().out


def test_paging_and_limit_reach_every_match(many: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 8 item 12: estimates are for display; the list itself is complete."""
    monkeypatch.setattr(results, "MATCH_BUDGET", 8)
    everything = services.search(many, "court", limit=5000)
    assert len(everything.hits) == 40 and not everything.total_is_estimate
    seen = []
    for page in range(1, 9):
        r = services.search(many, "court", limit=5, page=page)
        seen += [h.uid for h in r.hits]
    assert len(seen) == 40 == len(set(seen))
    assert services.search(many, "court", limit=5, page=8).hits  # the last page is there
    assert not services.search(many, "court", limit=5, page=9).hits
    full = services.search(many, "court", limit=5, complete=True)
    assert full.total == 40 and not full.total_is_estimate


def test_cli_limit_and_page_reach_every_match(
    many: Case, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from casefile import cli

    monkeypatch.setattr(results, "MATCH_BUDGET", 8)
    path = str(many.path)
    many.close()
    assert cli.main(["search", path, "court", "--limit", "5000", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["hits"]) == 40 and out["span_unit"] == "code_point"
    assert cli.main(["search", path, "court", "--limit", "5", "--page", "8"]) == 0
    text = capsys.readouterr().out
    assert "No documents match" not in text and "showing 36–40" in text
