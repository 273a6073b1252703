"""`casefile search | reindex | saved …`: the search commands, registered into the main
CLI by `casefile.cli.build_parser`. Errors are CasefileError messages (one line, the
main CLI prints them); a broken query also shows where it went wrong."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from casefile.cli.common import (
    EXIT_CANCELLED,
    EXIT_OK,
    add_command,
    open_case,
    out,
    print_json,
    progress_job,
)
from casefile.core.errors import CasefileError, CaseLockedError
from casefile.core.vocabulary import SearchSort

SORTS = [s.value for s in SearchSort]


def _open_for_search(path: str) -> Any:
    """Open for writing so a stale index can be repaired; if another Casefile holds the
    case, search it read-only as it is."""
    try:
        return open_case(path)
    except CaseLockedError:
        return open_case(path, readonly=True)


def _query_error(exc: Any) -> CasefileError:
    if exc.position is None or not exc.query:
        return CasefileError(str(exc))
    marker = " " * (exc.position + 2) + "^"
    return CasefileError(f"{exc}\n  {exc.query}\n{marker}")


def _print_results(res: Any) -> None:
    if not res.hits:
        out(f"No documents match “{res.query}”.")
        return
    for n, hit in enumerate(res.hits, start=res.offset + 1):
        pages = ", ".join(str(p) for p in hit.pages[:12]) + ("…" if len(hit.pages) > 12 else "")
        score = f"  score {hit.score:.2f}" if res.sort == SearchSort.RELEVANCE else ""
        out(f"{n:>3}. {hit.title}  [{hit.kind}, {hit.date or 'undated'}]{score}")
        out(f"     {hit.uid[:8]}  page{'s' if len(hit.pages) != 1 else ''} {pages}")
        for sn in hit.snippets:
            out(f"     p.{sn.page}: {_marked(sn.text, sn.spans)}")
    shown_to = res.offset + len(res.hits)
    about = "about " if res.total_is_estimate else ""
    about_pages = "about " if res.total_is_estimate or res.total_pages_is_estimate else ""
    out(
        f"{about}{res.total} document(s), {about_pages}{res.total_pages} page(s) match; "
        f"showing {res.offset + 1}–{shown_to}."
    )
    for name, values in res.facets.items():
        if values:
            # Estimated counts (a very broad query) are marked with "~".
            mark = "~" if about else ""
            out(f"  {name}: " + ", ".join(f"{k} ({mark}{v})" for k, v in values[:10]))


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    out, pos = [], 0
    for s, e in spans:
        out += [text[pos:s], "[", text[s:e], "]"]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _results_json(res: Any) -> dict[str, Any]:
    return {
        "query": res.query,
        "total": res.total,
        "total_pages": res.total_pages,
        "total_is_estimate": bool(res.total_is_estimate),
        "total_pages_is_estimate": bool(res.total_pages_is_estimate),
        # Every "spans" / "title_spans" pair is [start, end) in Unicode code points of
        # the text beside it (not bytes, not UTF-16 units).
        "span_unit": "code_point",
        "offset": res.offset,
        "sort": res.sort,
        "exact": res.exact,
        "hits": [asdict(h) for h in res.hits],
        "facets": {k: [list(kv) for kv in v] for k, v in res.facets.items()},
    }


def _ensure(case: Any, quiet: bool) -> None:
    from casefile.core import services

    with progress_job("Indexing", not quiet) as ctx:
        services.ensure_index(case, ctx)


def cmd_search(args: argparse.Namespace) -> int:
    from casefile.core import services

    with _open_for_search(args.case) as case:
        _ensure(case, args.json)
        try:
            res = services.search(
                case,
                args.query,
                sort=args.sort,
                exact=args.exact,
                limit=args.limit,
                page=args.page,
                translit=args.translit,
            )
        except services.QueryError as exc:
            raise _query_error(exc) from None
    if args.json:
        print_json(_results_json(res))
    else:
        _print_results(res)
    return EXIT_OK


def cmd_reindex(args: argparse.Namespace) -> int:
    from casefile.core import services
    from casefile.core.jobs import Cancelled

    with services.open_case(args.case) as case, progress_job("Indexing") as ctx:
        try:
            n = services.reindex(case, ctx)
        except Cancelled:
            out("Stopped; the previous index is still in use.")
            return EXIT_CANCELLED
    out(f"Indexed {n} document(s).")
    return EXIT_OK


def cmd_saved(args: argparse.Namespace) -> int:
    from casefile.core import services

    action = args.action
    if action == "list":
        with services.open_case(args.case, readonly=True) as case:
            saved = services.list_saved_searches(case)
        if args.json:
            print_json([asdict(s) for s in saved])
        else:
            for s in saved:
                flags = f"sort {s.sort}" + (", exact" if s.exact else "")
                out(f"{s.name}: {s.query}  ({flags})")
            out(f"{len(saved)} saved search(es)")
        return EXIT_OK
    if not args.name:
        raise CasefileError(f"'casefile saved {action}' needs the name of a saved search.")
    if action == "add":
        if not args.query:
            raise CasefileError("'casefile saved add' needs a name and a query.")
        with services.open_case(args.case) as case:
            try:
                services.save_search(
                    case,
                    args.name,
                    args.query,
                    sort=args.sort,
                    exact=args.exact,
                    replace=args.replace,
                )
            except services.QueryError as exc:
                raise _query_error(exc) from None
        out(f"Saved “{args.name}”.")
    elif action == "rm":
        with services.open_case(args.case) as case:
            services.delete_saved_search(case, args.name)
        out(f"Deleted “{args.name}”.")
    else:  # run
        with _open_for_search(args.case) as case:
            _ensure(case, args.json)
            res = services.run_saved_search(case, args.name, limit=args.limit, page=args.page)
        if args.json:
            print_json(_results_json(res))
        else:
            _print_results(res)
    return EXIT_OK


def register(sub: Any) -> None:
    """Add the search commands to the main parser's subparsers."""

    sp = add_command(sub, "search", cmd_search, "Search the documents of a case.")
    sp.add_argument(
        "query",
        metavar="QUERY",
        help='words, "phrases", AND/OR/NOT, -word, kind:, tag:, lang:, source:, '
        "title:, date:2023-02, date:[2020 TO 2022], prefix*",
    )
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--limit", type=int, default=20, help="documents per page (default 20)")
    sp.add_argument("--page", type=int, default=1, help="which page of results")
    sp.add_argument(
        "--sort",
        choices=SORTS,
        default=SearchSort.RELEVANCE.value,
        help="relevance, date (oldest first) or newest",
    )
    sp.add_argument("--exact", action="store_true", help="match words exactly, no stemming")
    sp.add_argument(
        "--translit",
        action="store_true",
        help="Latin words also find their Cyrillic spellings and back (Chekhov, Чехов)",
    )

    add_command(sub, "reindex", cmd_reindex, "Rebuild the search index from the case database.")

    sp = add_command(sub, "saved", cmd_saved, "List, add, run or delete saved searches.")
    sp.add_argument("action", choices=("list", "add", "run", "rm"))
    sp.add_argument("name", nargs="?", help="the saved search's name")
    sp.add_argument("query", nargs="?", help="the query (for add)")
    sp.add_argument("--sort", choices=SORTS, default=SearchSort.RELEVANCE.value)
    sp.add_argument("--exact", action="store_true")
    sp.add_argument("--replace", action="store_true", help="overwrite a saved search (add)")
    sp.add_argument("--limit", type=int, default=20)
    sp.add_argument("--page", type=int, default=1)
    sp.add_argument("--json", action="store_true")
