"""The search services as the search panel uses them: run a query with facet filters on
a reader thread, and turn a snippet (plain text + highlight spans) into safe HTML."""

from __future__ import annotations

import html
from typing import Any

FACET_ORDER = ("kind", "year", "lang", "tag")
SORTS = (
    ("Relevance", "relevance"),
    ("Date, oldest first", "date"),
    ("Date, newest first", "newest"),
)


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


def run_search(case: Any, query: str, facets: dict[str, str], sort: str, limit: int = 100) -> Any:
    """Called on a reader thread; returns the service's SearchResults."""
    from casefile.core import services

    return services.search(case, query, sort=sort, limit=limit, filters=dict(facets) or None)
