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
    for d in docs:
        flag = "" if d.status == "ok" else f"  [{d.status.replace('_', ' ')}]"
        out(f"{d.uid[:8]}  {d.date or '—':<10}  {d.kind:<24} {d.page_count:>4}p  {d.title}{flag}")
    out(f"{len(docs)} document(s)")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from casefile.core import dates, services

    with open_case(args.case, readonly=True) as case:
        uid = resolve_uid(case, args.document)
        d = services.get_document(case, uid)
        page = services.get_page(case, uid, args.page) if d.page_count else None
    if args.json:
        print_json({"document": asdict(d), "page": asdict(page) if page else None})
        return EXIT_OK
    rel = f"{d.reliability_source or '-'}{d.reliability_info or '-'}"
    rows = [
        ("Title", d.title),
        ("Kind", d.kind),
        ("Date", f"{d.date} ({dates.describe(d.date)})" if d.date else "—"),
        ("Source", d.source or "—"),
        ("Author", d.author or "—"),
        ("Languages", ", ".join(d.languages) or "—"),
        ("Reliability", rel),
        ("Tags", ", ".join(d.tags) or "—"),
        ("Status", d.status + (f": {d.status_reason}" if d.status_reason else "")),
        ("Original", f"{d.original_filename} ({d.size:,} bytes, {d.file_type})"),
        ("SHA-256", d.sha256),
        ("Imported", f"{d.imported_at:%Y-%m-%d %H:%M} UTC by Casefile {d.importer_version}"),
        ("Pages", str(d.page_count)),
    ]
    rows += [(k.capitalize(), v) for k, v in d.extra.items() if isinstance(v, str) and len(v) < 200]
    for k, v in rows:
        out(f"{k + ':':<13}{v}")
    if page is not None:
        out(f"\n— page {page.number} of {page.total} —")
        out(page.text if page.text.strip() else "(no text on this page)")
    return EXIT_OK


def register(sub: Any) -> None:
    from casefile.core.vocabulary import DocumentKind, DocumentSort, DocumentStatus

    sp = add_command(sub, "docs", cmd_docs, "List the documents in a case.")
    sp.add_argument("--kind", choices=[k.value for k in DocumentKind])
    sp.add_argument(
        "--status",
        choices=[s.value for s in DocumentStatus],
    )
    sp.add_argument("--tag")
    sp.add_argument("--title", help="only titles containing this text")
    sp.add_argument("--sort", choices=sorted(s.value for s in DocumentSort), default="date")
    sp.add_argument("--desc", action="store_true", help="newest / largest first")
    sp.add_argument("--limit", type=int)
    sp.add_argument("--json", action="store_true")

    sp = add_command(sub, "show", cmd_show, "Show a document's metadata and the text of one page.")
    sp.add_argument("document", metavar="DOC", help="document id (a unique prefix is enough)")
    sp.add_argument("--page", type=int, default=1)
    sp.add_argument("--json", action="store_true")
