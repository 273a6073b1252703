"""Search use cases: run a query, rebuild the index, saved searches.

The index is attached when a case opens (`services.wiring`) and kept up to date after
every write (`services.sync`); importing this module has no side effects.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, bindparam, select

from casefile.core.case import Case
from casefile.core.db import audit
from casefile.core.db.schema import Document, Page, SavedSearch
from casefile.core.errors import CasefileError, InvalidValueError
from casefile.core.i18n import _
from casefile.core.jobs import JobContext
from casefile.core.search import highlight, indexer, results, snippets
from casefile.core.search.case_index import attach
from casefile.core.search.index import is_damage
from casefile.core.search.query import QueryError
from casefile.core.search.results import Hit, SearchResults, Snippet
from casefile.core.services.dto import Changes
from casefile.core.vocabulary import SearchSort

__all__ = [
    "Hit",
    "QueryError",
    "SavedSearchInfo",
    "SearchResults",
    "SearchUnavailableError",
    "Snippet",
    "delete_saved_search",
    "ensure_index",
    "highlight_spans",
    "list_saved_searches",
    "reindex",
    "rename_saved_search",
    "run_saved_search",
    "save_search",
    "search",
    "utf16_spans",
]


class SearchUnavailableError(CasefileError):
    pass


@dataclass(frozen=True)
class SavedSearchInfo:
    name: str
    query: str
    sort: str
    exact: bool
    created_at: datetime
    translit: bool = False


def ensure_index(case: Case, ctx: JobContext | None = None) -> None:
    """Make the index usable: rebuild it (with progress) if it is missing, damaged or of
    an older format; otherwise finish any pending updates."""
    si = attach(case)
    if case.readonly:
        if not si.usable:  # nothing may be written: search from an index in memory
            indexer.load_in_memory(case)
        return
    if not si.usable:
        indexer.rebuild(case, ctx)
    else:
        indexer.sync(case, ctx)


def reindex(case: Case, ctx: JobContext | None = None) -> int:
    """Rebuild the index from the database. Cancelling keeps the previous index."""
    if case.readonly:
        raise SearchUnavailableError(_("A case opened read-only cannot rebuild its index."))
    done = indexer.rebuild(case, ctx)
    with case.session() as s:
        audit.record(s, "reindex", None, after={"documents": done})
    return done


# -- searching -----------------------------------------------------------------------------
def _entity_names(
    case: Case, facets: dict[str, tuple[tuple[str, int], ...]]
) -> dict[str, tuple[tuple[str, int], ...]]:
    """The entity facet by name (the index counts uids); `entity:"<name>"` filters."""
    counts = facets.get("entity")
    if not counts:
        return facets
    from casefile.core.db.schema import Entity

    with case.read_session() as s:
        names = dict(
            s.execute(
                select(Entity.uid, Entity.name).where(Entity.uid.in_([u for u, _n in counts]))
            ).all()
        )
    return {**facets, "entity": tuple((names.get(u, u), n) for u, n in counts)}


def search(
    case: Case,
    query: str,
    *,
    sort: str = SearchSort.RELEVANCE,
    exact: bool = False,
    limit: int = 20,
    page: int = 1,
    filters: dict[str, str] | None = None,
    with_facets: bool = True,
    complete: bool = False,
    translit: bool = False,
) -> SearchResults:
    """Documents matching `query`, best first (or by date), `limit` per page, with
    the pages holding their hits, snippets for the pages shown, and facet counts.

    A document matches when the document satisfies the query (AND/NOT over all its
    pages). Every page of results can be reached: page 1 of a very broad query may be
    ranked from a sample (`total_is_estimate`), any later page — or `complete=True`,
    for a list the user scrolls to its end — reads every match. With `translit`, Latin
    words also find their Cyrillic spellings and back (Chekhov ↔ Чехов)."""
    if sort not in results.SORTS:
        raise InvalidValueError(
            _("Cannot sort by “%(sort)s”; choose relevance, date or newest.") % {"sort": sort}
        )
    if limit < 1 or page < 1:
        raise InvalidValueError(_("The result page and page size start at 1."))
    offset = (page - 1) * limit
    for attempt in (1, 2):
        si = attach(case)
        if not si.usable:  # normally done on the writer when the case opened
            ensure_index(case)
        try:
            with si.lock:
                ran = results.run(
                    si,
                    query,
                    exact=exact,
                    sort=sort,
                    limit=limit,
                    offset=offset,
                    filters=filters,
                    with_facets=with_facets,
                    complete=complete,
                    translit=translit,
                )
                words, prefixes = snippets.highlight_terms(ran.query, si.searcher().reader())
            break
        except Exception as exc:
            # A damaged index (see `index.is_damage`) is rebuilt and the search run again.
            if attempt == 2 or not is_damage(exc):
                raise
            si.mark_damaged()
    matches = ran.matches
    pages = _with_mention_pages(case, ran)
    hits = _hits(case, ran.shown, pages, matches.scores, words, prefixes)
    return SearchResults(
        query=query,
        total=matches.total_docs,
        total_pages=ran.total_pages,
        hits=tuple(hits),
        offset=offset,
        limit=limit,
        sort=sort,
        exact=exact,
        facets=_entity_names(case, ran.facets),
        total_is_estimate=matches.estimated,
        total_pages_is_estimate=ran.total_pages_estimated,
    )


def _with_mention_pages(case: Case, ran: results.Ran) -> dict[str, Counter[int]]:
    """An `entity:` clause is hit on the pages that mention the entity: the index holds
    the entity per document, the case's mention table knows the pages."""
    from casefile.core.search.asked import asked_for
    from casefile.core.services.entity_index import mention_pages

    asked = asked_for(ran.query).entities
    if not asked:
        return ran.pages
    pages = {uid: Counter(c) for uid, c in ran.pages.items()}
    for uid, counts in mention_pages(case, ran.shown, asked).items():
        pages.setdefault(uid, Counter()).update(counts)
    return pages


def highlight_spans(
    query: str, text: str, *, exact: bool = False, translit: bool = False
) -> tuple[tuple[int, int], ...]:
    """Character spans of `text` that `query` matches, by the index's own analyzer
    (tokens, case folding, ё→е, stemming by script; exact mode compares folded forms).
    With `translit` (as `search(translit=True)`), a word's spellings in the other
    script are marked too (Chekhov marks "Чехова").
    Operators, field:value clauses and NOT/-terms mark nothing; phrase words and
    prefix wildcards mark their words. No case needed: the GUI calls it for the page on
    screen. A query that does not parse marks nothing (the search reports the error)."""
    return highlight.spans(highlight.query_terms(query, exact), text, exact, translit)


def utf16_spans(
    text: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Spans of `text` in code points (as the core gives them) as UTF-16 offsets (as Qt
    counts text positions); see `highlight.utf16_spans`."""
    return highlight.utf16_spans(text, spans)


def _hits(
    case: Case,
    shown: list[str],
    pages: dict[str, Counter[int]],
    scores: dict[str, float],
    words: set[str],
    prefixes: tuple[str, ...],
) -> list[Hit]:
    # Snippets for the pages with the most hits (ties: the earlier page).
    wanted = {
        uid: [p for p, _n in sorted(pages[uid].items(), key=lambda kv: (-kv[1], kv[0]))][
            :MAX_SNIPPETS
        ]
        for uid in shown
    }
    keys = {(u, p) for u, ps in wanted.items() for p in ps}
    meta: dict[str, tuple[str, str, str | None]] = {}
    texts: dict[tuple[str, int], str] = {}
    with case.read_session() as s:
        # One statement, built once (its IN lists are expanding parameters, so nothing is
        # coerced per id): each document's row with the wanted page numbers' texts.
        for uid, title, kind, date, number, text in s.execute(
            _HIT_ROWS, {"uids": shown, "numbers": sorted({p for _u, p in keys})}
        ):
            meta[uid] = (title, kind, date)
            if (uid, number) in keys:
                texts[(uid, number)] = text or ""
    pattern = snippets.matcher(words, prefixes)
    hits = []
    for uid in shown:
        if uid not in meta:  # deleted between the index read and now
            continue
        title, kind, date = meta[uid]
        snips = []
        for p in wanted[uid]:
            text, spans = snippets.make(texts.get((uid, p), ""), words, prefixes, pattern=pattern)
            snips.append(Snippet(p, text, spans))
        hits.append(
            Hit(
                uid,
                title,
                kind,
                date,
                round(scores.get(uid, 0.0), 4),
                tuple(sorted(pages[uid])),
                tuple(snips),
                snippets.spans_in(title or "", words, prefixes, pattern),
            )
        )
    return hits


MAX_SNIPPETS = results.MAX_PAGES_WITH_SNIPPETS
# The shown documents' rows and their pages of the wanted numbers (by document and page
# number: a (uid, number) row-value IN made SQLite scan every page, 150 ms at 100,000
# documents); which (document, page) pairs are wanted is checked in `_hits`.
_HIT_ROWS = (
    select(Document.uid, Document.title, Document.kind, Document.date, Page.number, Page.text)
    .outerjoin(
        Page,
        and_(
            Page.document_id == Document.id,
            Page.number.in_(bindparam("numbers", expanding=True)),
        ),
    )
    .where(Document.uid.in_(bindparam("uids", expanding=True)))
)


# -- saved searches ------------------------------------------------------------------------
def _info(s: SavedSearch) -> SavedSearchInfo:
    return SavedSearchInfo(
        s.name, s.query, s.sort, bool(s.exact), s.created_at, translit=bool(s.translit)
    )


def list_saved_searches(case: Case) -> list[SavedSearchInfo]:
    with case.read_session() as s:
        return [_info(x) for x in s.scalars(select(SavedSearch).order_by(SavedSearch.name))]


def save_search(
    case: Case,
    name: str,
    query: str,
    *,
    sort: str = SearchSort.RELEVANCE,
    exact: bool = False,
    replace: bool = False,
    translit: bool = False,
) -> SavedSearchInfo:
    """Store a search under `name` with its options (sort, exact, transliteration);
    the query is checked first, so a saved search always runs."""
    name = name.strip()
    if not name:
        raise InvalidValueError(_("A saved search needs a name."))
    if sort not in results.SORTS:
        raise InvalidValueError(
            _("Cannot sort by “%(sort)s”; choose relevance, date or newest.") % {"sort": sort}
        )
    from casefile.core.search.query import check

    check(query)
    with case.session() as s:
        existing = s.scalar(select(SavedSearch).where(SavedSearch.name == name))
        if existing is not None and not replace:
            raise InvalidValueError(
                _("There is already a saved search called “%(name)s”; choose another name.")
                % {"name": name}
            )
        after = {"query": query, "sort": sort, "exact": exact, "translit": translit}
        if existing is None:
            existing = SavedSearch(
                name=name, query=query, sort=sort, exact=exact, translit=translit
            )
            s.add(existing)
            audit.record(s, "save_search", name, after=after)
        else:
            before = {
                "query": existing.query,
                "sort": existing.sort,
                "exact": existing.exact,
                "translit": existing.translit,
            }
            existing.query, existing.sort, existing.exact = query, sort, exact
            existing.translit = translit
            audit.record(s, "replace_saved_search", name, before, after)
        s.flush()
        return _info(existing)


def _saved(case: Case, name: str) -> SavedSearchInfo:
    with case.read_session() as s:
        found = s.scalar(select(SavedSearch).where(SavedSearch.name == name))
        if found is None:
            raise InvalidValueError(
                _("There is no saved search called “%(name)s”; 'casefile saved list' shows them.")
                % {"name": name}
            )
        return _info(found)


def run_saved_search(case: Case, name: str, *, limit: int = 20, page: int = 1) -> SearchResults:
    saved = _saved(case, name)
    return search(
        case,
        saved.query,
        sort=saved.sort,
        exact=saved.exact,
        translit=saved.translit,
        limit=limit,
        page=page,
    )


def delete_saved_search(case: Case, name: str) -> Changes:
    _saved(case, name)
    with case.session() as s:
        found = s.scalar(select(SavedSearch).where(SavedSearch.name == name))
        if found is not None:
            before = {"query": found.query, "sort": found.sort, "exact": found.exact}
            s.delete(found)
            audit.record(s, "delete_saved_search", name, before=before)
    return Changes(saved_searches=True)


def rename_saved_search(case: Case, name: str, new_name: str) -> Changes:
    """Give a saved search another name (audited); its query and sort stay as they were."""
    new_name = new_name.strip()
    if not new_name:
        raise InvalidValueError(_("A saved search needs a name."))
    _saved(case, name)
    with case.session() as s:
        if new_name != name and s.scalar(
            select(SavedSearch.id).where(SavedSearch.name == new_name)
        ):
            raise InvalidValueError(
                _("There is already a saved search called “%(name)s”; choose another name.")
                % {"name": new_name}
            )
        found = s.scalar(select(SavedSearch).where(SavedSearch.name == name))
        if found is not None and new_name != name:
            found.name = new_name
            audit.record(s, "rename_saved_search", name, {"name": name}, {"name": new_name})
    return Changes(saved_searches=True)
