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
from casefile.cli.labels import document_kind
from casefile.core.errors import CasefileError, CaseLockedError
from casefile.core.i18n import _, ngettext
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
        out(_("No documents match “{query}”.").format(query=res.query))
        return
    for n, hit in enumerate(res.hits, start=res.offset + 1):
        pages = ", ".join(str(p) for p in hit.pages[:12]) + ("…" if len(hit.pages) > 12 else "")
        score = (
            "  " + _("score {score}").format(score=f"{hit.score:.2f}")
            if res.sort == SearchSort.RELEVANCE
            else ""
        )
        out(f"{n:>3}. {hit.title}  [{document_kind(hit.kind)}, {hit.date or _('undated')}]{score}")
        pages_word = ngettext("page %(pages)s", "pages %(pages)s", len(hit.pages))
        out(f"     {hit.uid[:8]}  " + pages_word % {"pages": pages})
        for sn in hit.snippets:
            page = _("p.{page}:").format(page=sn.page)
            out(f"     {page} {_marked(sn.text, sn.spans)}")
    shown_to = res.offset + len(res.hits)
    estimated = bool(res.total_is_estimate)
    documents = (
        ngettext("about %(n)d document(s)", "about %(n)d document(s)", res.total)
        if estimated
        else ngettext("%(n)d document(s)", "%(n)d document(s)", res.total)
    ) % {"n": res.total}
    n_pages = res.total_pages
    pages_found = (
        ngettext("about %(n)d page(s)", "about %(n)d page(s)", n_pages)
        if estimated or res.total_pages_is_estimate
        else ngettext("%(n)d page(s)", "%(n)d page(s)", n_pages)
    ) % {"n": n_pages}
    out(
        _("{documents}, {pages} match; showing {first}–{last}.").format(
            documents=documents, pages=pages_found, first=res.offset + 1, last=shown_to
        )
    )
    for name, values in res.facets.items():
        if values:
            # Estimated counts (a very broad query) are marked with "~".
            mark = "~" if estimated else ""
            shown = [(_("undated") if k == "undated" else k, v) for k, v in values[:10]]
            out(f"  {name}: " + ", ".join(f"{k} ({mark}{v})" for k, v in shown))


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

    with progress_job(_("Indexing"), not quiet) as ctx:
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

    with services.open_case(args.case) as case, progress_job(_("Indexing")) as ctx:
        try:
            n = services.reindex(case, ctx)
        except Cancelled:
            out(_("Stopped; the previous index is still in use."))
            return EXIT_CANCELLED
    out(ngettext("Indexed %(n)d document(s).", "Indexed %(n)d document(s).", n) % {"n": n})
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
                flags = _("sort {sort}").format(sort=s.sort) + (_(", exact") if s.exact else "")
                flags += _(", transliteration") if s.translit else ""
                out(f"{s.name}: {s.query}  ({flags})")
            out(
                ngettext("%(n)d saved search(es)", "%(n)d saved search(es)", len(saved))
                % {"n": len(saved)}
            )
        return EXIT_OK
    if not args.name:
        raise CasefileError(
            _("'casefile saved {action}' needs the name of a saved search.").format(action=action)
        )
    if action == "add":
        if not args.query:
            raise CasefileError(_("'casefile saved add' needs a name and a query."))
        with services.open_case(args.case) as case:
            try:
                services.save_search(
                    case,
                    args.name,
                    args.query,
                    sort=args.sort,
                    exact=args.exact,
                    replace=args.replace,
                    translit=args.translit,
                )
            except services.QueryError as exc:
                raise _query_error(exc) from None
        out(_("Saved “{name}”.").format(name=args.name))
    elif action == "rm":
        with services.open_case(args.case) as case:
            services.delete_saved_search(case, args.name)
        out(_("Deleted “{name}”.").format(name=args.name))
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

    sp = add_command(sub, "search", cmd_search, _("Search the documents of a case."))
    sp.add_argument(
        "query",
        metavar="QUERY",
        help=_(
            'words, "phrases", AND/OR/NOT, -word, kind:, tag:, lang:, source:, '
            "title:, date:2023-02, date:[2020 TO 2022], prefix*"
        ),
    )
    sp.add_argument("--json", action="store_true", help=_("print the results as JSON"))
    sp.add_argument("--limit", type=int, default=20, help=_("documents per page (default 20)"))
    sp.add_argument("--page", type=int, default=1, help=_("which page of results"))
    sp.add_argument(
        "--sort",
        choices=SORTS,
        default=SearchSort.RELEVANCE.value,
        help=_("relevance, date (oldest first) or newest"),
    )
    sp.add_argument("--exact", action="store_true", help=_("match words exactly, no stemming"))
    sp.add_argument(
        "--translit",
        action="store_true",
        help=_("Latin words also find their Cyrillic spellings and back (Chekhov, Чехов)"),
    )

    add_command(sub, "reindex", cmd_reindex, _("Rebuild the search index from the case database."))

    sp = add_command(sub, "saved", cmd_saved, _("List, add, run or delete saved searches."))
    sp.add_argument(
        "action", choices=("list", "add", "run", "rm"), help=_("what to do with saved searches")
    )
    sp.add_argument("name", nargs="?", help=_("the saved search's name"))
    sp.add_argument("query", nargs="?", help=_("the query (for add)"))
    sp.add_argument(
        "--sort",
        choices=SORTS,
        default=SearchSort.RELEVANCE.value,
        help=_("relevance, date (oldest first) or newest"),
    )
    sp.add_argument("--exact", action="store_true", help=_("match words exactly, no stemming"))
    sp.add_argument(
        "--translit",
        action="store_true",
        help=_("Latin words also find their Cyrillic spellings and back (Chekhov, Чехов)"),
    )
    sp.add_argument("--replace", action="store_true", help=_("overwrite a saved search (add)"))
    sp.add_argument("--limit", type=int, default=20, help=_("documents per page (default 20)"))
    sp.add_argument("--page", type=int, default=1, help=_("which page of results"))
    sp.add_argument("--json", action="store_true", help=_("print the results as JSON"))
