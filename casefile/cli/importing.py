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
from casefile.cli.labels import document_status
from casefile.core.errors import CasefileError
from casefile.core.i18n import _, ngettext, translate_recorded
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
        raise CasefileError(_("Nothing to import: {path} does not exist.").format(path=missing[0]))
    with open_case(args.case) as case, progress_job(_("Importing"), not args.json) as ctx:
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
                ngettext(
                    "%(n)d scan(s) or picture(s) wait for OCR: "
                    "'casefile ocr %(case)s' reads their text.",
                    "%(n)d scan(s) or picture(s) wait for OCR: "
                    "'casefile ocr %(case)s' reads their text.",
                    scans,
                )
                % {"n": scans, "case": args.case}
            )
    if summary.cancelled:
        return EXIT_CANCELLED
    return EXIT_PROBLEMS if summary.finished_with_problems else EXIT_OK


def print_import_summary(summary: Any) -> None:
    for o in summary.outcomes:
        reason = translate_recorded(o.reason)
        if o.result == ImportResult.DUPLICATE:
            out(
                "  = "
                + _("{path}: already in case as “{title}”").format(
                    path=o.path, title=o.duplicate_of
                )
            )
        elif o.result == ImportResult.FAILED:
            out(f"  ! {o.path}: {reason}")
        elif o.result in ("skipped", "empty"):
            out(f"  - {o.path}: {reason}")
        elif o.result == "restored":
            out(f"  + {o.path}: {reason}")
        elif o.result == ImportResult.REEXTRACTED:
            out(
                "  ↻ "
                + _("{path}: read again with the password — {status}").format(
                    path=o.path, status=document_status(o.status)
                )
            )
        elif o.status != DocumentStatus.OK:
            out(
                "  ~ "
                + _("{path}: imported as “{title}” — {reason}").format(
                    path=o.path, title=o.title, reason=reason
                )
            )
    word = _("Stopped") if summary.cancelled else _("Done")
    restored = summary.count("restored")
    if restored:
        word += " " + ngettext(
            "(%(n)d original(s) restored)", "(%(n)d original(s) restored)", restored
        ) % {"n": restored}
    unread = sum(1 for o in summary.outcomes if o.result == "imported" and o.status != "ok")
    n = summary.imported
    counts = [
        ngettext("%(n)d imported", "%(n)d imported", n) % {"n": n},
        ngettext("%(n)d already in the case", "%(n)d already in the case", summary.duplicates)
        % {"n": summary.duplicates},
        ngettext("%(n)d failed", "%(n)d failed", summary.failed) % {"n": summary.failed},
    ]
    if summary.skipped:
        counts.append(
            ngettext("%(n)d skipped", "%(n)d skipped", summary.skipped) % {"n": summary.skipped}
        )
    if summary.empty:
        counts.append(ngettext("%(n)d empty", "%(n)d empty", summary.empty) % {"n": summary.empty})
    counts.append(
        ngettext(
            "%(n)d imported without readable text", "%(n)d imported without readable text", unread
        )
        % {"n": unread}
    )
    out(_("{outcome}: {counts}.").format(outcome=word, counts=", ".join(counts)))


def cmd_reextract(args: argparse.Namespace) -> int:
    from casefile.core import services
    from casefile.core.jobs import Cancelled

    with open_case(args.case) as case, progress_job(_("Extracting again"), not args.json) as ctx:
        uids = [resolve_uid(case, i) for i in args.ids] or None
        try:
            done = services.reextract_documents(case, uids, ctx)
        except Cancelled:
            out(_("Stopped; the documents already read again keep their new text."))
            return EXIT_CANCELLED
    if args.json:
        print_json([{"uid": d.uid, "title": d.title, "status": d.status} for d in done])
    else:
        for d in done:
            out(f"  {d.uid[:8]}  {d.title}: {document_status(DocumentStatus(d.status).value)}")
        out(
            ngettext(
                "Read the text of %(n)d document(s) again from their stored originals.",
                "Read the text of %(n)d document(s) again from their stored originals.",
                len(done),
            )
            % {"n": len(done)}
        )
    return EXIT_OK


def register(sub: Any) -> None:
    from casefile.core.vocabulary import DocumentKind

    sp = add_command(
        sub, "import", cmd_import, _("Import files and folders (recursively) into a case.")
    )
    sp.add_argument("paths", nargs="+", metavar="PATH", help=_("files and folders to import"))
    sp.add_argument(
        "--kind",
        choices=[k.value for k in DocumentKind],
        help=_("set this kind on every document"),
    )
    sp.add_argument("--source", help=_("publisher or source to record on every document"))
    sp.add_argument("--password", help=_("password for protected PDFs in this import"))
    sp.add_argument("--password-stdin", action="store_true", help=_("read the password from stdin"))
    sp.add_argument(
        "--follow-links",
        action="store_true",
        help=_("follow links that lead outside an imported folder (the target is recorded)"),
    )
    sp.add_argument("--timeout", type=float, default=60.0, help=_("seconds allowed per file"))
    sp.add_argument("--json", action="store_true", help=_("print the summary as JSON"))
    sp = add_command(
        sub,
        "reextract",
        cmd_reextract,
        _(
            "Read documents' text again from their stored originals (all PDFs if no id is "
            "given), e.g. after an upgrade that reads PDFs better."
        ),
    )
    sp.add_argument("ids", nargs="*", metavar="ID", help=_("document ids (or unique prefixes)"))
    sp.add_argument("--json", action="store_true", help=_("print the documents as JSON"))
