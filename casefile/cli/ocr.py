"""`casefile ocr`: recognise the text of scanned pages and pictures, with a progress
bar. Without document ids it reads every document waiting for OCR; `casefile docs
--status needs_ocr` shrinks as it works. Ctrl-C stops after the current page and keeps
what is done; running it again continues."""

from __future__ import annotations

import argparse
from typing import Any

from casefile.cli.common import (
    EXIT_CANCELLED,
    EXIT_OK,
    EXIT_PROBLEMS,
    add_command,
    open_case,
    out,
    print_json,
    progress_job,
    resolve_uid,
)


def cmd_ocr(args: argparse.Namespace) -> int:
    from casefile.core import services

    services.check_ocr(args.lang)  # what to install, before the case is even opened
    with open_case(args.case) as case:
        uids = [resolve_uid(case, u) for u in args.uids] or None
        with progress_job("Recognising text", not args.json, unit="page") as ctx:
            summary = services.ocr_documents(
                case, uids, ctx, langs=args.lang, force=args.force, timeout_s=args.timeout
            )
        waiting = len(services.ocr_waiting(case))
    if args.json:
        print_json(
            {
                "pages": summary.pages,
                "cancelled": summary.cancelled,
                "waiting": waiting,
                "documents": [vars(o) for o in summary.outcomes],
                "skipped": list(summary.skipped),
            }
        )
    else:
        _print(summary, waiting)
    if summary.cancelled:
        return EXIT_CANCELLED
    failed = any(o.pages_failed for o in summary.outcomes) or summary.skipped
    return EXIT_PROBLEMS if failed else EXIT_OK


def _print(summary: Any, waiting: int) -> None:
    for line in summary.skipped:
        out(f"  - {line}")
    for o in summary.outcomes:
        if not o.complete:
            out(f"  … {o.title}: {o.pages_recognised} page(s) done, the rest waits")
            continue
        conf = f", confidence {o.confidence:.0f}%" if o.confidence is not None else ""
        mark = "!" if o.pages_failed else "✓"
        line = f"  {mark} {o.title}: {o.pages_recognised} page(s) recognised{conf}"
        out(f"{line} — {o.reason}" if o.reason else line)
    word = "Stopped" if summary.cancelled else "Done"
    docs = sum(1 for o in summary.outcomes if o.complete and o.pages_recognised)
    pages = summary.pages - summary.failed
    refused = f" {summary.failed} page(s) could not be recognised." if summary.failed else ""
    tail = (
        f" {waiting} document(s) still wait; run 'casefile ocr' again to continue."
        if waiting
        else ""
    )
    out(f"{word}: {pages} page(s) of {docs} document(s) recognised.{refused}{tail}")


def register(sub: Any) -> None:
    sp = add_command(
        sub,
        "ocr",
        cmd_ocr,
        "Recognise the text of scanned pages and pictures (all waiting, or the documents named).",
    )
    sp.add_argument("uids", nargs="*", metavar="UID", help="documents to recognise (id prefixes)")
    sp.add_argument(
        "--lang", default="rus+eng", help="OCR languages, joined by + (default: rus+eng)"
    )
    sp.add_argument(
        "--force",
        action="store_true",
        help="recognise every page again, even pages with a text layer or read before",
    )
    sp.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per page")
    sp.add_argument("--json", action="store_true", help="print the result as JSON")
