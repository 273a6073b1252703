"""Running a query: hits grouped by document, facets, sorting, pages of results.

One unscored pass collects every matching page (docnum -> row through the per-segment
tables): that gives the total, the facets, each document's matching pages and the date
order without touching the database. Relevance order comes from Whoosh's scored top-K,
widened until it covers the requested page of documents. Snippets are made only for
the documents on the requested page (they are the expensive part).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq

from casefile.core.search.index import Row
from casefile.core.search.query import parse, resolve_kind
from casefile.core.search.store import SearchIndex

SORTS = ("relevance", "date", "newest")
MAX_PAGES_WITH_SNIPPETS = 3


@dataclass(frozen=True)
class Snippet:
    """Plain text around the hits of one page; `spans` are (start, end) offsets into
    `text` to highlight (the GUI renders them; no HTML here)."""

    page: int
    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Hit:
    uid: str
    title: str
    kind: str
    date: str | None
    score: float
    pages: tuple[int, ...]  # every matching page, ascending (0: a document without text)
    snippets: tuple[Snippet, ...]


@dataclass(frozen=True)
class SearchResults:
    query: str
    total: int  # matching documents
    total_pages: int  # matching pages
    hits: tuple[Hit, ...]
    offset: int
    limit: int
    sort: str
    exact: bool
    facets: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)


@dataclass
class Matches:
    """What the unscored pass found."""

    rows: dict[str, Row]  # uid -> a row of the document
    pages: dict[str, list[int]]
    total_pages: int


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


def collect(searcher: Any, q: wq.Query, si: SearchIndex) -> Matches:
    reader = searcher.reader()
    tables = si.tables.rows_for(reader)
    bounds = [(off, off + len(rows), rows) for rows, off in tables]
    rows_by_uid: dict[str, Row] = {}
    pages: dict[str, list[int]] = {}
    seg = 0
    n = 0
    for docnum in q.docs(searcher):
        while seg < len(bounds) - 1 and docnum >= bounds[seg][1]:
            seg += 1
        start, _end, rows = bounds[seg]
        r = rows[docnum - start]
        if r is None:
            continue
        n += 1
        got = pages.get(r.uid)
        if got is None:
            pages[r.uid] = [r.page]
            rows_by_uid[r.uid] = r
        else:
            got.append(r.page)
    return Matches(rows_by_uid, pages, n)


def facets(rows: dict[str, Row]) -> dict[str, tuple[tuple[str, int], ...]]:
    kinds: Counter[str] = Counter()
    years: Counter[str] = Counter()
    langs: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    for r in rows.values():
        kinds[r.kind] += 1
        years[str(r.date_lo // 10000) if r.date_lo else "undated"] += 1
        langs.update(r.langs)
        tags.update(r.tags)

    def ordered(c: Counter[str]) -> tuple[tuple[str, int], ...]:
        return tuple(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

    return {
        "kind": ordered(kinds),
        "year": tuple(sorted(years.items(), key=lambda kv: kv[0])),
        "lang": ordered(langs),
        "tag": ordered(tags),
    }


def ranked(searcher: Any, q: wq.Query, matches: Matches, want: int
           ) -> tuple[list[str], dict[str, float], dict[str, list[int]]]:
    """Top `want` documents by their best page's score, with the best-scoring pages."""
    total = matches.total_pages
    k = max(want * 3, 30)
    while True:
        res = searcher.search(q, limit=min(k, total) or 1)
        order: list[str] = []
        scores: dict[str, float] = {}
        best_pages: dict[str, list[int]] = {}
        tables = None
        for hit in res:
            if tables is None:
                tables = _row_lookup(searcher)
            r = tables(hit.docnum)
            if r is None:
                continue
            if r.uid not in scores:
                order.append(r.uid)
                scores[r.uid] = float(hit.score or 0.0)
                best_pages[r.uid] = []
            best_pages[r.uid].append(r.page)
        if len(order) >= want or k >= total:
            return order, scores, best_pages
        k *= 4


def _row_lookup(searcher: Any) -> Any:
    reader = searcher.reader()
    leaves = [(off, leaf) for leaf, off in reader.leaf_readers()]
    cols = [(off, leaf.column_reader("row")) for off, leaf in leaves]

    def get(docnum: int) -> Row | None:
        for off, col in reversed(cols):
            if docnum >= off:
                return Row.decode(col[docnum - off])
        return None

    return get


def run(si: SearchIndex, qs: str, *, exact: bool = False, sort: str = "relevance",
        limit: int = 20, offset: int = 0, filters: dict[str, str] | None = None,
        with_facets: bool = True) -> tuple[Any, Matches, list[str], dict[str, float],
                                           dict[str, list[int]], Any]:
    """Everything `search` needs from the index (call with `si.lock` held)."""
    searcher = si.searcher()
    cache = si.expansion_cache(searcher)
    q = parse(qs, searcher.reader(), exact=exact, cache=cache, allow_empty=bool(filters))
    extra = filter_query(filters)
    if extra:
        q = wq.And([q, *extra])
    matches = collect(searcher, q, si)
    want = offset + limit
    if sort == "relevance":
        order, scores, best = ranked(searcher, q, matches, want)
    else:
        far = 99_999_999 if sort == "date" else -1
        order = sorted(matches.rows, key=lambda u: (matches.rows[u].date_lo or far, u),
                       reverse=sort == "newest")
        scores, best = {}, {}
    return q, matches, order[offset:want], scores, best, facets(matches.rows) if with_facets else {}
