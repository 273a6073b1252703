"""`casefile verify | audit`: is the evidence intact, and what was done to the case."""

from __future__ import annotations

import argparse
from dataclasses import asdict
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


def cmd_verify(args: argparse.Namespace) -> int:
    from casefile.core import services

    with (
        open_case(args.case, readonly=True) as case,
        progress_job("Verifying", not args.json) as ctx,
    ):
        report = services.verify_case(case, ctx)
    if args.json:
        print_json(
            {
                "checked": report.checked,
                "ok": report.ok,
                "cancelled": report.cancelled,
                "problems": [asdict(p) for p in report.problems],
            }
        )
    else:
        for p in report.problems:
            out(f"  ! {p.message}")
        if report.cancelled:
            out(f"Stopped after checking {report.checked} original(s).")
        elif report.ok:
            out(f"All {report.checked} original(s) are intact.")
        else:
            out(f"{len(report.problems)} of {report.checked} original(s) are missing or altered.")
    if report.cancelled:
        return EXIT_CANCELLED
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_audit(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case, readonly=True) as case:
        target = resolve_uid(case, args.document) if args.document else None
        entries = services.audit_log(case, target=target, limit=args.limit)
    if args.json:
        print_json([asdict(e) for e in entries])
        return EXIT_OK
    for e in entries:
        detail = e.after or e.before or ""
        out(
            f"{e.at:%Y-%m-%d %H:%M:%S}  {e.actor:<10} {e.action:<18} "
            f"{e.target or '':<34} {detail[:120]}"
        )
    out(f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}")
    return EXIT_OK


def register(sub: Any) -> None:
    sp = add_command(
        sub, "verify", cmd_verify, "Re-hash every original and report missing or altered files."
    )
    sp.add_argument("--json", action="store_true")

    sp = add_command(sub, "audit", cmd_audit, "Show the audit log of the case.")
    sp.add_argument("--document", metavar="DOC", help="only entries about this document")
    sp.add_argument("--limit", type=int)
    sp.add_argument("--json", action="store_true")
