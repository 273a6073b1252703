"""`casefile docs | show`: list documents, show one."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from casefile.cli.common import (
    EXIT_OK,
    add_command,
    open_case,
    out,
    print_json,
    resolve_uid,
)
from casefile.cli.labels import document_kind, document_status
from casefile.core import i18n
from casefile.core.i18n import _, ngettext, translate_recorded
from casefile.core.labels import DATE_SOURCES


def cmd_docs(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case, readonly=True) as case:
        docs = services.list_documents(
            case,
            sort=args.sort,
            descending=args.desc,
            kind=args.kind,
            status=args.status,
            tag=args.tag,
            title_contains=args.title,
            limit=args.limit,
        )
    if args.json:
        print_json([asdict(d) for d in docs])
        return EXIT_OK
    pages = [_("{n}p").format(n=d.page_count) for d in docs]
    width = max([5, *(len(p) for p in pages)])
    for d, p in zip(docs, pages, strict=True):
        flag = "" if d.status == "ok" else f"  [{document_status(d.status).replace('_', ' ')}]"
        kind = document_kind(d.kind)
        out(f"{d.uid[:8]}  {d.date or '—':<10}  {kind:<24} {p:>{width}}  {d.title}{flag}")
    out(ngettext("%(n)d document(s)", "%(n)d document(s)", len(docs)) % {"n": len(docs)})
    return EXIT_OK


def _size(n: int) -> str:
    """12,345 in English, 12 345 in Russian."""
    return i18n.grouped(n)


def _date_line(date: str | None, source: str | None) -> str:
    from casefile.core import dates

    if not date:
        return "—"
    origin = f", {DATE_SOURCES[source]}" if source and source in DATE_SOURCES else ""
    return f"{date} ({dates.describe(date)}){origin}"


def cmd_show(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case, readonly=True) as case:
        uid = resolve_uid(case, args.document)
        d = services.get_document(case, uid)
        page = services.get_page(case, uid, args.page) if d.page_count else None
    if args.json:
        print_json({"document": asdict(d), "page": asdict(page) if page else None})
        return EXIT_OK
    rel = f"{d.reliability_source or '-'}{d.reliability_info or '-'}"
    reason = translate_recorded(d.status_reason)
    rows = [
        (_("Title"), d.title),
        (_("Kind"), document_kind(d.kind)),
        (_("Date"), _date_line(d.date, d.date_source)),
        (_("Source"), d.source or "—"),
        (_("Author"), d.author or "—"),
        (_("Languages"), ", ".join(d.languages) or "—"),
        (_("Reliability"), rel),
        (_("Tags"), ", ".join(d.tags) or "—"),
        (_("Status"), document_status(d.status) + (f": {reason}" if reason else "")),
        (
            _("Original"),
            ngettext(
                "%(name)s (%(size)s bytes, %(type)s)",
                "%(name)s (%(size)s bytes, %(type)s)",
                d.size,
            )
            % {"name": d.original_filename, "size": _size(d.size), "type": d.file_type},
        ),
        ("SHA-256", d.sha256),
        (
            _("Imported"),
            _("{at} UTC by Casefile {version}").format(
                at=f"{d.imported_at:%Y-%m-%d %H:%M}", version=d.importer_version
            ),
        ),
        (_("Pages"), str(d.page_count)),
    ]
    width = max([13, *(len(k) + 2 for k, _v in rows)])
    rows += [(k.capitalize(), v) for k, v in d.extra.items() if isinstance(v, str) and len(v) < 200]
    for k, v in rows:
        out(f"{k + ':':<{width}}{v}")
    if page is not None:
        out("\n" + _("— page {number} of {total} —").format(number=page.number, total=page.total))
        out(page.text if page.text.strip() else _("(no text on this page)"))
    return EXIT_OK


def register(sub: Any) -> None:
    from casefile.core.vocabulary import DocumentKind, DocumentSort, DocumentStatus

    sp = add_command(sub, "docs", cmd_docs, _("List the documents in a case."))
    sp.add_argument(
        "--kind", choices=[k.value for k in DocumentKind], help=_("only documents of this kind")
    )
    sp.add_argument(
        "--status",
        choices=[s.value for s in DocumentStatus],
        help=_("only documents with this status"),
    )
    sp.add_argument("--tag", help=_("only documents with this tag"))
    sp.add_argument("--title", help=_("only titles containing this text"))
    sp.add_argument(
        "--sort",
        choices=sorted(s.value for s in DocumentSort),
        default="date",
        help=_("the order of the list (default: date)"),
    )
    sp.add_argument("--desc", action="store_true", help=_("newest / largest first"))
    sp.add_argument("--limit", type=int, help=_("list at most this many documents"))
    sp.add_argument("--json", action="store_true", help=_("print the documents as JSON"))

    sp = add_command(
        sub, "show", cmd_show, _("Show a document's metadata and the text of one page.")
    )
    sp.add_argument("document", metavar="DOC", help=_("document id (a unique prefix is enough)"))
    sp.add_argument("--page", type=int, default=1, help=_("which page's text (default: 1)"))
    sp.add_argument("--json", action="store_true", help=_("print the document as JSON"))
