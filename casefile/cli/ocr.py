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
from casefile.core.i18n import _, ngettext, translate_recorded


def cmd_ocr(args: argparse.Namespace) -> int:
    from casefile.core import services

    services.check_ocr(args.lang)  # what to install, before the case is even opened
    with open_case(args.case) as case:
        uids = [resolve_uid(case, u) for u in args.uids] or None
        with progress_job(_("Recognising text"), not args.json, unit=_("page")) as ctx:
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
        out(f"  - {translate_recorded(line)}")
    for o in summary.outcomes:
        n = o.pages_recognised
        if not o.complete:
            out(
                "  … "
                + ngettext(
                    "%(title)s: %(n)d page(s) done, the rest waits",
                    "%(title)s: %(n)d page(s) done, the rest waits",
                    n,
                )
                % {"title": o.title, "n": n}
            )
            continue
        mark = "!" if o.pages_failed else "✓"
        if o.confidence is not None:
            line = ngettext(
                "%(title)s: %(n)d page(s) recognised, confidence %(conf)s%%",
                "%(title)s: %(n)d page(s) recognised, confidence %(conf)s%%",
                n,
            ) % {"title": o.title, "n": n, "conf": f"{o.confidence:.0f}"}
        else:
            line = ngettext(
                "%(title)s: %(n)d page(s) recognised", "%(title)s: %(n)d page(s) recognised", n
            ) % {"title": o.title, "n": n}
        line = f"  {mark} {line}"
        out(f"{line} — {translate_recorded(o.reason)}" if o.reason else line)
    word = _("Stopped") if summary.cancelled else _("Done")
    docs = sum(1 for o in summary.outcomes if o.complete and o.pages_recognised)
    pages = summary.pages - summary.failed
    # "{pages} page(s) of {docs} document(s)": the pages' form follows the pages' count,
    # the documents' the documents'.
    of_docs = ngettext("of %(n)d document(s)", "of %(n)d document(s)", docs) % {"n": docs}
    sentences = [
        ngettext(
            "%(outcome)s: %(n)d page(s) %(of_docs)s recognised.",
            "%(outcome)s: %(n)d page(s) %(of_docs)s recognised.",
            pages,
        )
        % {"outcome": word, "n": pages, "of_docs": of_docs}
    ]
    if summary.failed:
        sentences.append(
            ngettext(
                "%(n)d page(s) could not be recognised.",
                "%(n)d page(s) could not be recognised.",
                summary.failed,
            )
            % {"n": summary.failed}
        )
    if waiting:
        sentences.append(
            ngettext(
                "%(n)d document(s) still wait; run 'casefile ocr' again to continue.",
                "%(n)d document(s) still wait; run 'casefile ocr' again to continue.",
                waiting,
            )
            % {"n": waiting}
        )
    out(" ".join(sentences))


def register(sub: Any) -> None:
    sp = add_command(
        sub,
        "ocr",
        cmd_ocr,
        _(
            "Recognise the text of scanned pages and pictures (all waiting, or the documents "
            "named)."
        ),
    )
    sp.add_argument(
        "uids", nargs="*", metavar="UID", help=_("documents to recognise (id prefixes)")
    )
    sp.add_argument(
        "--lang", default="rus+eng", help=_("OCR languages, joined by + (default: rus+eng)")
    )
    sp.add_argument(
        "--force",
        action="store_true",
        help=_("recognise every page again, even pages with a text layer or read before"),
    )
    sp.add_argument("--timeout", type=float, default=120.0, help=_("seconds allowed per page"))
    sp.add_argument("--json", action="store_true", help=_("print the result as JSON"))
