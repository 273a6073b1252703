"""Running a query: matching documents, facets, sorting, pages of results.

The index holds one entry per document (see `index`), so AND, NOT and the score are the
document's. One pass over the matching documents (docnum -> row through the per-segment
tables) gives the total, the facets, the scores and the date order without touching the
database. Which pages hold the hits is worked out only for the documents on the
requested page of results, from the positions of the hits (`hit_pages`); snippets too.
Filter clauses (dates, kind, language, tags) are tests on the rows (`row_filters`).

Why the first pass is bounded: Whoosh spends several microseconds of Python per matching
posting, so a word found in half of 100,000 documents costs seconds however it is
counted. The first page of results therefore visits at most `MATCH_BUDGET` matching
documents, spread over `STRATA` equal slices of the index (so old and new documents are
both represented); when the budget runs out the total and facets are *estimated* from
the share of each slice that was read (`Matches.estimated`), and the order is the best of
the documents read. Estimates are for display only: asking for more than the sample
ranked (a later page, a large `limit`, or `complete=True`) reads the whole match set and
lists the rest after the sample's documents, so paging and `--limit` reach every match
exactly once, and page 1 stays what it was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, pairwise
from typing import Any

from whoosh import query as wq

from casefile.core.search import block_scores, docsets, posting_blocks
from casefile.core.search.asked import asked_for
from casefile.core.search.case_index import SearchIndex
from casefile.core.search.index import Row
from casefile.core.search.pages import hit_pages
from casefile.core.search.query import parse
from casefile.core.search.row_filters import filter_query, split_filters
from casefile.core.vocabulary import SearchSort

SORTS = tuple(s.value for s in SearchSort)
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
    pages: tuple[int, ...]  # every page holding a hit, ascending (empty: a title match)
    snippets: tuple[Snippet, ...]
    # Highlight spans in `title` (offsets in code points, like every span here).
    title_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class SearchResults:
    query: str
    total: int  # matching documents
    total_pages: int  # pages holding hits, over all matching documents
    hits: tuple[Hit, ...]
    offset: int
    limit: int
    sort: str
    exact: bool
    facets: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    # True when the match set was too large to count in time: `total`, `total_pages`
    # and the facet counts are then estimates (show "about N"), and the order is the
    # best of a sample spread over the whole index (see `scan`). Paging past the first
    # page (or `complete=True`) always reads every match.
    total_is_estimate: bool = False
    # `total_pages` alone can be an estimate (many matching documents: their pages are
    # counted for a share of them) while `total` is exact.
    total_pages_is_estimate: bool = False


@dataclass
class Matches:
    """What the pass over the matching documents found."""

    rows: dict[str, Row]  # uid -> the document's row
    docnums: dict[str, int]  # uid -> index docnum (for `hit_pages`)
    scores: dict[str, float] = field(default_factory=dict)
    estimated: bool = False  # the budget ran out: totals below are extrapolated
    total_docs: int = 0  # matching documents (estimated when `estimated`)
    scale: float = 1.0  # estimated total / counted, for facets


MATCH_BUDGET = 1200  # matching documents read for a first page, at most
STRATA = 4
PAGE_COUNT_DOCS = 200  # documents whose hit pages are counted for `total_pages`, at most
EXAMINE_FACTOR = 8  # with row filters: matches examined per match kept, at most


def scan(
    searcher: Any, q: wq.Query, si: SearchIndex, *, scored: bool = True, budget: int | None = None
) -> Matches:
    """The pass over the matching documents (see the module docstring): rows, docnums
    and scores, exact when they number at most `budget` (None: no budget, all)."""
    tables = si.tables.rows_for(searcher.reader())
    leaves = searcher.leaf_searchers()
    total_docs = sum(len(rows) for rows, _off in tables) or 1
    ctx = searcher.context() if scored else searcher.boolean_context()
    q, test = split_filters(q)
    rows_by_uid: dict[str, Row] = {}
    docnums: dict[str, int] = {}
    scores: dict[str, float] = {}
    n = 0
    estimate = 0.0
    estimated = False
    unbounded = budget is None
    per_stratum = 1 << 62 if budget is None else max(1, budget // STRATA)
    per_stratum_cap = per_stratum * EXAMINE_FACTOR if test is not None else per_stratum
    for (sub, off), (rows, _off2) in zip(leaves, tables, strict=True):
        size = len(rows)
        if not size:
            continue
        m = q.matcher(sub, ctx)
        phrases: list[Any] = []
        try:  # by posting blocks where the tree allows (see `docsets`)
            node: Any = docsets.compile_matcher(m, sub.reader(), phrases)
        except docsets.Unsupported:
            node = None
        sampled: list[int] = []
        k = 1 if unbounded else max(1, round(STRATA * size / total_docs))
        bounds = [size * i // k for i in range(k + 1)]
        for lo, hi in pairwise(bounds):
            if lo >= hi:
                continue
            if node is None:
                found = _walk(m, lo, hi)
            else:
                found = docsets.matches(node, lo, hi, node.size / size, per_stratum_cap)
            got = 0
            stop = None  # the first match left unread, when the budget ran out
            for examined, d in enumerate(found):
                if got >= per_stratum or examined >= per_stratum_cap:
                    stop = d
                    break
                r = rows[d]
                if r is not None and (test is None or test(r)) and r.uid not in rows_by_uid:
                    got += 1
                    rows_by_uid[r.uid] = r
                    docnums[r.uid] = off + d
                    if scored and node is None:
                        scores[r.uid] = m.score()
                    sampled.append(d)
            n += got
            if stop is not None:
                # [lo, next match) was read in full; extrapolate to the whole slice
                estimated = True
                estimate += got * (hi - lo) / max(1, stop - lo)
            else:
                estimate += got
        if scored and node is not None and sampled:
            got_scores = block_scores.scores(
                block_scores.rewound(m), sampled, phrases, sub.reader()
            )
            for d, score in zip(sampled, got_scores, strict=True):
                scores[rows[d].uid] = score  # type: ignore[union-attr]
    scale = estimate / n if estimated and n else 1.0
    docs = round(len(rows_by_uid) * scale)
    return Matches(rows_by_uid, docnums, scores, estimated, docs, scale)


def _walk(m: Any, lo: int, hi: int) -> Iterator[int]:
    """Whoosh's own walk over the matches in [lo, hi), one posting at a time; the
    matcher stands on each match while the caller looks at it (and scores it)."""
    if m.is_active() and m.id() < lo:
        m.skip_to(lo)
    while m.is_active():
        d = m.id()
        if d >= hi:
            return
        yield d
        m.next()


def facets(rows: dict[str, Row], scale: float = 1.0) -> dict[str, tuple[tuple[str, int], ...]]:
    # Counted by Counter's C loop over generators, not one update per row.
    got = rows.values()
    kinds = Counter(r.kind for r in got)
    by_year = Counter(r.date_lo // 10000 if r.date_lo else None for r in got)
    years = Counter({"undated" if y is None else str(y): n for y, n in by_year.items()})
    langs = Counter(chain.from_iterable(r.langs for r in got))
    tags = Counter(chain.from_iterable(r.tags for r in got))
    entities = Counter(chain.from_iterable(r.entities for r in got))  # by uid

    if scale != 1.0:  # estimated from a sample (see `scan`)
        for c in (kinds, years, langs, tags, entities):
            for key in c:
                c[key] = max(1, round(c[key] * scale))

    def ordered(c: Counter[str]) -> tuple[tuple[str, int], ...]:
        return tuple(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

    return {
        "kind": ordered(kinds),
        "year": tuple(sorted(years.items(), key=lambda kv: kv[0])),
        "lang": ordered(langs),
        "tag": ordered(tags),
        "entity": ordered(entities),
    }


def _order(matches: Matches, sort: str) -> list[str]:
    if sort == SearchSort.RELEVANCE:
        scores = matches.scores
        # Ties by uid, as the date orders: the same order whatever the index's layout
        # (segments merged, built by an import's workers, or rebuilt as one).
        return sorted(scores, key=lambda u: (-scores[u], u))
    far = 99_999_999 if sort == SearchSort.DATE else -1
    return sorted(
        matches.rows,
        key=lambda u: (matches.rows[u].date_lo or far, u),
        reverse=sort == SearchSort.NEWEST,
    )


@dataclass
class Ran:
    """What `search` needs from the index for one page of results."""

    query: wq.Query
    matches: Matches
    shown: list[str]  # uids on the requested page, in order
    pages: dict[str, Counter[int]]  # uid -> hits per page, for `shown`
    total_pages: int
    total_pages_estimated: bool
    facets: dict[str, tuple[tuple[str, int], ...]]


def run(
    si: SearchIndex,
    qs: str,
    *,
    exact: bool = False,
    sort: str = SearchSort.RELEVANCE,
    limit: int = 20,
    offset: int = 0,
    filters: dict[str, str] | None = None,
    with_facets: bool = True,
    complete: bool = False,
    translit: bool = False,
) -> Ran:
    """Everything `search` needs from the index (call with `si.lock` held)."""
    with posting_blocks.shared_blocks():
        return _run(si, qs, exact, sort, limit, offset, filters, with_facets, complete, translit)


def _run(
    si: SearchIndex,
    qs: str,
    exact: bool,
    sort: str,
    limit: int,
    offset: int,
    filters: dict[str, str] | None,
    with_facets: bool,
    complete: bool,
    translit: bool,
) -> Ran:
    searcher = si.searcher()
    cache = si.expansion_cache(searcher)
    q = parse(
        qs,
        searcher.reader(),
        exact=exact,
        cache=cache,
        allow_empty=bool(filters),
        translit=translit,
    )
    extra = filter_query(filters)
    if extra:
        q = wq.And([q, *extra])
    scored = sort == SearchSort.RELEVANCE
    matches = scan(searcher, q, si, scored=scored, budget=MATCH_BUDGET)
    order = _order(matches, sort)
    want = offset + limit
    if matches.estimated and (complete or want > len(order)):
        # Beyond what the sample ranked: every match, so paging reaches the last one.
        # The sample's order stays in front, so page 1 and the pages after it never
        # repeat or skip a document (see the module docstring).
        full = scan(searcher, q, si, scored=scored, budget=None)
        first = set(order)
        order += [u for u in _order(full, sort) if u not in first]
        matches = full
    shown = order[offset:want]
    counted = order[:PAGE_COUNT_DOCS]
    # Only which pages hold hits matters for the documents counted, and for those shown
    # unless an entity's mention pages join theirs (`services.search`): there the
    # number of hits orders the pages.
    pages_only = {matches.docnums[u] for u in counted}
    if asked_for(q).entities:
        pages_only -= {matches.docnums[u] for u in shown}
    else:
        pages_only |= {matches.docnums[u] for u in shown}
    by_doc = hit_pages(
        searcher,
        q,
        [matches.docnums[u] for u in dict.fromkeys(counted + shown)],
        pages_only=pages_only,
    )
    pages = {u: by_doc[matches.docnums[u]] for u in shown}
    n_pages = sum(len(by_doc[matches.docnums[u]]) for u in counted)
    pages_estimated = len(counted) < matches.total_docs
    if pages_estimated and counted:
        n_pages = round(n_pages * matches.total_docs / len(counted))
    return Ran(
        q,
        matches,
        shown,
        pages,
        n_pages,
        pages_estimated or matches.estimated,
        facets(matches.rows, matches.scale) if with_facets else {},
    )
