"""Filter clauses answered from the rows in memory, not by Whoosh (docs/architecture.md,
measured facts: querying 100,000 documents): a date range, kind, language or tag (and
NOT/AND of them) is a test on a matching document's row, run by `results.scan` as it
walks the matches; the facet filters chosen in the GUI become such clauses
(`filter_query`).
"""

from __future__ import annotations

from collections.abc import Callable

from whoosh import query as wq

from casefile.core.search.index import Row
from casefile.core.search.query import resolve_kind


def filter_query(filters: dict[str, str] | None) -> list[wq.Query]:
    """Facet filters chosen in the GUI (kind, year, lang, tag) as queries."""
    out: list[wq.Query] = []
    for key, value in (filters or {}).items():
        if value in (None, ""):
            continue
        if key == "kind":
            out.append(wq.Term("kind", resolve_kind(value)))
        elif key in ("tag", "lang", "entity"):
            out.append(wq.Term(key, str(value).lower()))
        elif key == "year":
            if value == "undated":
                out.append(wq.Not(wq.NumericRange("date_lo", 1, 99_991_231)))
            else:
                y = int(value)
                out.append(wq.NumericRange("date_lo", y * 10000 + 101, y * 10000 + 1231))
    return out


RowTest = Callable[[Row], bool]


def _row_test(node: wq.Query) -> RowTest | None:
    """A filter clause (date range, kind, lang, tag, or NOT/AND of them) as a test on
    the page's row, or None. Whoosh answers a date range with a union over hundreds of
    trie terms (seconds at 100,000 pages); the rows are already in memory."""
    if (
        isinstance(node, wq.NumericRange)
        and node.fieldname in ("date_lo", "date_hi")
        and not node.startexcl
        and not node.endexcl
    ):
        lo, hi = node.start, node.end
        if node.fieldname == "date_lo":  # (an attribute read, not getattr: per match)
            return lambda r: lo <= r.date_lo <= hi
        return lambda r: lo <= r.date_hi <= hi
    if isinstance(node, wq.Term) and isinstance(node.text, str):
        v = node.text
        if node.fieldname == "kind":
            return lambda r: r.kind == v
        if node.fieldname in ("lang", "tag"):
            attr = "langs" if node.fieldname == "lang" else "tags"
            return lambda r: any(x.strip().lower() == v for x in getattr(r, attr))
    if isinstance(node, wq.Not):
        inner = _row_test(node.query)
        return None if inner is None else (lambda r: not inner(r))
    if isinstance(node, wq.And):
        tests = [_row_test(c) for c in node.subqueries]
        if tests and all(t is not None for t in tests):
            return _all_of(tests)  # type: ignore[arg-type]
    return None


def _all_of(tests: list[RowTest]) -> RowTest:
    """One test passing where all of `tests` pass; two (a date range's two ends, the
    common case) without a generator per row, as it runs once per match examined."""
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda r: first(r) and second(r)
    return lambda r: all(t(r) for t in tests)


def split_filters(q: wq.Query) -> tuple[wq.Query, RowTest | None]:
    """The query's text part (for Whoosh) and its filter clauses (for the rows)."""
    parts: list[wq.Query] = []
    stack = [q]
    while stack:
        node = stack.pop(0)
        if isinstance(node, wq.And) and type(node) is wq.And:
            stack[:0] = list(node.subqueries)
        else:
            parts.append(node)
    text: list[wq.Query] = []
    tests: list[RowTest] = []
    for part in parts:
        t = _row_test(part)
        if t is None:
            text.append(part)
        else:
            tests.append(t)
    if not tests:
        return q, None
    rest = wq.Every() if not text else text[0] if len(text) == 1 else wq.And(text)
    return rest, _all_of(tests)
