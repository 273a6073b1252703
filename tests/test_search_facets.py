"""Facet counts (core/search/results.py `facets`) are the per-row counts, however they
are computed: checked against a plain count of hand-built rows, estimated or not."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from casefile.core.search.index import Row
from casefile.core.search.results import facets


def _reference(rows: dict[str, Row], scale: float) -> dict[str, dict[str, int]]:
    counts: dict[str, Counter[str]] = {k: Counter() for k in ("kind", "year", "lang", "tag")}
    counts["entity"] = Counter()
    for r in rows.values():
        counts["kind"][r.kind] += 1
        counts["year"][str(r.date_lo // 10000) if r.date_lo else "undated"] += 1
        counts["lang"].update(r.langs)
        counts["tag"].update(r.tags)
        counts["entity"].update(r.entities)
    return {
        name: {k: max(1, round(n * scale)) if scale != 1.0 else n for k, n in c.items()}
        for name, c in counts.items()
    }


@pytest.mark.parametrize("scale", [1.0, 3.7])
def test_facets_count_every_row(scale: float) -> None:
    rng = random.Random(3)
    rows = {}
    for i in range(300):
        date = rng.choice([0, 315, 20100507, 20151231, 19991231, 20100101])  # 315: year "0"
        rows[f"u{i}"] = Row(
            f"u{i}",
            1,
            date,
            date,
            rng.choice(["report", "note", "court_filing"]),
            tuple(rng.sample(["ru", "en", "de"], rng.randint(0, 2))),
            tuple(rng.sample(["a", "b", "c", "d"], rng.randint(0, 3))),
            tuple(rng.sample(["e1", "e2", "e3"], rng.randint(0, 3))),
        )
    got = facets(rows, scale)
    want = _reference(rows, scale)
    assert {name: dict(pairs) for name, pairs in got.items()} == want
    assert [k for k, _ in got["year"]] == sorted(want["year"])
    for name in ("kind", "lang", "tag", "entity"):  # most first, then by name
        assert list(got[name]) == sorted(got[name], key=lambda kv: (-kv[1], kv[0]))
    assert "undated" in want["year"] and "0" in want["year"]
