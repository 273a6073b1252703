"""Reading search results whatever their exact shape: the search services return frozen
DTOs whose field names this module maps once, so the panel's code stays plain.

Facet filters are applied as query clauses (`kind:article`, `tag:"OkoVision"`,
`language:ru`, `date:[2023 TO 2023]`) — the query language the search field documents —
unless the service takes them as keyword arguments.
"""

from __future__ import annotations

import html
import inspect
from dataclasses import dataclass, field
from typing import Any

FACET_ORDER = ("kind", "year", "language", "tag")


def search_api() -> Any:
    try:
        from casefile.core.services import search as api
    except ImportError:
        return None
    return api if hasattr(api, "search") else None


@dataclass(frozen=True)
class Snippet:
    page: int | None
    text: str
    spans: tuple[tuple[int, int], ...]

    def html(self) -> str:
        out, pos = [], 0
        for start, end in sorted(self.spans):
            if start < pos:
                continue
            out.append(html.escape(self.text[pos:start]))
            out.append(
                f"<b style='background:#ffe066;color:black'>{html.escape(self.text[start:end])}</b>"
            )
            pos = end
        out.append(html.escape(self.text[pos:]))
        return "".join(out)


@dataclass(frozen=True)
class Hit:
    uid: str
    title: str
    kind: str
    date: str | None
    pages: tuple[int, ...]
    snippets: tuple[Snippet, ...]


@dataclass
class Results:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    terms: list[str] = field(default_factory=list)


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        if isinstance(obj, dict) and name in obj:
            return obj[name]
        if hasattr(obj, name):
            return getattr(obj, name)
    return default


def _snippet(raw: Any) -> Snippet:
    if isinstance(raw, str):
        return Snippet(None, raw, ())
    spans = _get(raw, "highlights", "spans", "highlight", default=()) or ()
    return Snippet(
        _get(raw, "page", "page_number", "number"),
        _get(raw, "text", default=""),
        tuple((int(s[0]), int(s[1])) for s in spans),
    )


def _hit(raw: Any) -> Hit:
    pages = _get(raw, "pages", "matching_pages", "page_numbers", default=()) or ()
    pages = tuple(int(_get(p, "number", "page", default=p)) for p in pages)
    snippets = tuple(_snippet(s) for s in (_get(raw, "snippets", default=()) or ()))
    return Hit(
        uid=_get(raw, "uid", "document_uid"),
        title=_get(raw, "title", default="") or "",
        kind=_get(raw, "kind", default="other") or "other",
        date=_get(raw, "date"),
        pages=pages or tuple(s.page for s in snippets if s.page),
        snippets=snippets,
    )


def _facets(raw: Any) -> dict[str, list[tuple[str, int]]]:
    out: dict[str, list[tuple[str, int]]] = {}
    if raw is None:
        return out
    items = (
        raw.items()
        if isinstance(raw, dict)
        else ((_get(f, "name", "field"), _get(f, "values", "counts")) for f in raw)
    )
    for name, values in items:
        if isinstance(values, dict):
            pairs = list(values.items())
        else:
            pairs = [
                (
                    _get(v, "value", "name", default=v[0] if isinstance(v, tuple) else v),
                    _get(v, "count", default=v[1] if isinstance(v, tuple) else 0),
                )
                for v in values or ()
            ]
        out[str(name)] = [(str(v), int(c)) for v, c in pairs]
    return out


def facet_clause(name: str, value: str) -> str:
    if name == "year":
        return f"date:[{value} TO {value}]"
    quoted = f'"{value}"' if any(c.isspace() for c in value) else value
    return f"{name}:{quoted}"


def run_search(
    case: Any, query: str, facets: dict[str, str], sort: str, limit: int = 100
) -> Results:
    """Called on a reader thread."""
    api = search_api()
    params = inspect.signature(api.search).parameters
    kwargs: dict[str, Any] = {}
    clauses = []
    for name, value in facets.items():
        if name in params:
            kwargs[name] = value
        else:
            clauses.append(facet_clause(name, value))
    full = " ".join([f"({query})" if query.strip() and clauses else query, *clauses]).strip()
    if "sort" in params:
        kwargs["sort"] = sort
    if "limit" in params:
        kwargs["limit"] = limit
    raw = api.search(case, full, **kwargs)
    hits = [_hit(h) for h in (_get(raw, "hits", "results", "documents", default=()) or ())]
    total = _get(raw, "total", "count", "total_documents", default=len(hits))
    terms = list(_get(raw, "terms", "highlight_terms", default=()) or ())
    return Results(full, int(total or 0), hits, _facets(_get(raw, "facets")), terms)
