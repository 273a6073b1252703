"""`casefile import`: files and folders into a case, with a progress bar and a summary."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
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
from casefile.core.errors import CasefileError
from casefile.core.vocabulary import DocumentStatus, ImportResult


def password_from(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    password: str | None = args.password
    return password


def cmd_import(args: argparse.Namespace) -> int:
    from casefile.core import services

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing and len(missing) == len(args.paths):
        raise CasefileError(f"Nothing to import: {missing[0]} does not exist.")
    with open_case(args.case) as case, progress_job("Importing", not args.json) as ctx:
        summary = services.import_paths(
            case,
            args.paths,
            ctx,
            kind=args.kind,
            source=args.source,
            password=password_from(args),
            timeout_s=args.timeout,
            follow_links=args.follow_links,
        )
    if args.json:
        print_json(
            {
                "imported": summary.imported,
                "duplicates": summary.duplicates,
                "failed": summary.failed,
                "skipped": summary.skipped,
                "empty": summary.empty,
                "cancelled": summary.cancelled,
                "files": [asdict(o) for o in summary.outcomes],
            }
        )
    else:
        print_import_summary(summary)
        scans = sum(1 for o in summary.outcomes if o.status == DocumentStatus.NEEDS_OCR)
        if scans:  # OCR is its own command (issue 16): say how to read their text
            out(
                f"{scans} scan(s) or picture(s) wait for OCR: "
                f"'casefile ocr {args.case}' reads their text."
            )
    if summary.cancelled:
        return EXIT_CANCELLED
    return EXIT_PROBLEMS if summary.finished_with_problems else EXIT_OK


def print_import_summary(summary: Any) -> None:
    for o in summary.outcomes:
        if o.result == ImportResult.DUPLICATE:
            out(f"  = {o.path}: already in case as “{o.duplicate_of}”")
        elif o.result == ImportResult.FAILED:
            out(f"  ! {o.path}: {o.reason}")
        elif o.result in ("skipped", "empty"):
            out(f"  - {o.path}: {o.reason}")
        elif o.result == "restored":
            out(f"  + {o.path}: {o.reason}")
        elif o.result == ImportResult.REEXTRACTED:
            out(f"  ↻ {o.path}: read again with the password — {o.status}")
        elif o.status != DocumentStatus.OK:
            out(f"  ~ {o.path}: imported as “{o.title}” — {o.reason}")
    word = "Stopped" if summary.cancelled else "Done"
    skipped = f"{summary.skipped} skipped, " if summary.skipped else ""
    skipped += f"{summary.empty} empty, " if summary.empty else ""
    unread = sum(1 for o in summary.outcomes if o.result == "imported" and o.status != "ok")
    restored = summary.count("restored")
    if restored:
        word += f" ({restored} original(s) restored)"
    out(
        f"{word}: {summary.imported} imported, {summary.duplicates} already in the case, "
        f"{summary.failed} failed, {skipped}{unread} imported without readable text."
    )


def cmd_reextract(args: argparse.Namespace) -> int:
    from casefile.core import services
    from casefile.core.jobs import Cancelled

    with open_case(args.case) as case, progress_job("Extracting again", not args.json) as ctx:
        uids = [resolve_uid(case, i) for i in args.ids] or None
        try:
            done = services.reextract_documents(case, uids, ctx)
        except Cancelled:
            out("Stopped; the documents already read again keep their new text.")
            return EXIT_CANCELLED
    if args.json:
        print_json([{"uid": d.uid, "title": d.title, "status": d.status} for d in done])
    else:
        for d in done:
            out(f"  {d.uid[:8]}  {d.title}: {DocumentStatus(d.status).value}")
        out(f"Read the text of {len(done)} document(s) again from their stored originals.")
    return EXIT_OK


def register(sub: Any) -> None:
    from casefile.core.vocabulary import DocumentKind

    sp = add_command(
        sub, "import", cmd_import, "Import files and folders (recursively) into a case."
    )
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument(
        "--kind", choices=[k.value for k in DocumentKind], help="set this kind on every document"
    )
    sp.add_argument("--source", help="publisher or source to record on every document")
    sp.add_argument("--password", help="password for protected PDFs in this import")
    sp.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    sp.add_argument(
        "--follow-links",
        action="store_true",
        help="follow links that lead outside an imported folder (the target is recorded)",
    )
    sp.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per file")
    sp.add_argument("--json", action="store_true", help="print the summary as JSON")
    sp = add_command(
        sub,
        "reextract",
        cmd_reextract,
        "Read documents' text again from their stored originals (all PDFs if no id is "
        "given), e.g. after an upgrade that reads PDFs better.",
    )
    sp.add_argument("ids", nargs="*", metavar="ID", help="document ids (or unique prefixes)")
    sp.add_argument("--json", action="store_true", help="print the documents as JSON")
