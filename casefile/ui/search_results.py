"""The search services as the search panel uses them: run a query with facet filters on
a reader thread, and turn a snippet (plain text + highlight spans) into safe HTML."""

from __future__ import annotations

import html
import re
from typing import Any

from casefile.ui import labels
from casefile.ui.i18n import translate

FACET_ORDER = ("kind", "year", "lang", "tag")
SORTS = tuple(labels.SEARCH_SORT_LABELS)  # the orders offered, named where shown


def search_api() -> Any:
    """The services, if this build has search (it always does once the index lands)."""
    from casefile.core import services

    return services if hasattr(services, "save_search") else None


def snippet_html(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<b style='background:#ffe066;color:black'>{html.escape(text[start:end])}</b>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def hit_html(hit: Any) -> str:
    facts = [labels.kind_label(hit.kind)]
    if hit.date:
        facts.append(hit.date)
    pages = [p for p in hit.pages if p > 0]
    if pages:
        shown = ", ".join(str(p) for p in pages[:10]) + ("…" if len(pages) > 10 else "")
        facts.append(
            (
                translate("SearchResults", "page {pages}")
                if len(pages) == 1
                else translate("SearchResults", "pages {pages}")
            ).format(pages=shown)
        )
    # The title's own hits are marked as the snippets' are (a title-only match has no
    # snippet, so this is the only place the user sees why it was found).
    title = snippet_html(hit.title, tuple(getattr(hit, "title_spans", ())))
    parts = [
        f"<b>{title}</b>",
        f"<span class='meta'>{html.escape(' · '.join(facts))}</span>",
    ]
    for s in hit.snippets[:3]:
        page = (
            "<i>" + translate("SearchResults", "p. {page}").format(page=s.page) + "</i> "
            if s.page
            else ""
        )
        parts.append(f"{page}{snippet_html(s.text, s.spans)}")
    return "<br>".join(parts)


def facet_clause(name: str, value: str) -> str:
    """One clicked facet as the search language writes it, so a saved search (which is
    only a query string) finds what the screen showed. Tags are always quoted: a tag may
    hold spaces or a hyphen, which unquoted would split into a tag and a text word."""
    if name == "year":
        # No clause means "undated"; "not inside any date range" does.
        return "NOT date:[* TO *]" if value == "undated" else f"date:{value}"  # i18n: not shown
    if name == "tag":
        if '"' in value:
            raise ValueError(
                translate(
                    "SearchResults",
                    "The tag “{tag}” has a quote mark and cannot be saved as a filter.",
                ).format(tag=value)
            )
        return f'tag:"{value}"'
    return f"{name}:{value}"  # kind:court_filing, lang:ru: single words


def query_with_facets(query: str, facets: dict[str, str]) -> str:
    """`query` narrowed by the facets, as one query string. A query with OR at its top
    is put in parentheses: "a OR b kind:x" would otherwise mean a OR (b AND kind:x)."""
    clauses = [facet_clause(n, v) for n, v in facets.items() if v]
    query = query.strip()
    if query and clauses and re.search(r"\bOR\b", query):
        query = f"({query})"
    return " ".join([query, *clauses] if query else clauses)


# Results are fetched a page at a time; the next page comes as the user scrolls near the
# end of the list, so every match can be reached (the first page of a very broad query
# is ranked from a sample, later pages read every match: see services.search).
PAGE_SIZE = 100


def run_search(
    case: Any,
    query: str,
    facets: dict[str, str],
    sort: str,
    page: int = 1,
    translit: bool = False,
) -> Any:
    """Called on a reader thread; returns the service's SearchResults."""
    from casefile.core import services

    return services.search(
        case,
        query,
        sort=sort,
        limit=PAGE_SIZE,
        page=page,
        filters=dict(facets) or None,
        translit=translit,
    )
