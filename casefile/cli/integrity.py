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
from casefile.core.errors import CaseLockedError
from casefile.core.i18n import _, ngettext


def _open_to_record(path: str) -> Any:
    """Open for writing, so the run is recorded in the audit log; if another Casefile
    holds the case, verify it read-only (the report says the run was not recorded)."""
    try:
        return open_case(path)
    except CaseLockedError:
        return open_case(path, readonly=True)


ORPHANS_SHOWN = 20


def _summary(report: Any) -> str:
    kinds: dict[str, int] = {}
    for p in report.problems:
        kinds[p.problem] = kinds.get(p.problem, 0) + 1
    bad = kinds.get("missing", 0) + kinds.get("altered", 0)
    checked = {"n": report.checked, "bad": bad}
    parts = [
        ngettext(
            "%(bad)d of %(n)d original(s) are missing or altered",
            "%(bad)d of %(n)d original(s) are missing or altered",
            report.checked,
        )
        % checked
        if bad
        else ngettext(
            "All %(n)d original(s) of the case's documents are intact",
            "All %(n)d original(s) of the case's documents are intact",
            report.checked,
        )
        % checked
    ]
    if report.orphans:
        parts.append(
            ngettext(
                "%(orphans)d of the %(n)d original(s) in the case folder belong to no document "
                "(an import stopped before recording them; importing the same files again "
                "adds them)",
                "%(orphans)d of the %(n)d original(s) in the case folder belong to no document "
                "(an import stopped before recording them; importing the same files again "
                "adds them)",
                report.stored,
            )
            % {"orphans": report.orphans, "n": report.stored}
        )
    if report.kept:
        parts.append(
            ngettext(
                "%(n)d original(s) of removed documents are kept in the case folder, "
                "as every original is",
                "%(n)d original(s) of removed documents are kept in the case folder, "
                "as every original is",
                report.kept,
            )
            % {"n": report.kept}
        )
    chain = kinds.get("audit_altered", 0) + kinds.get("audit_removed", 0)
    if chain:
        parts.append(_("the audit log was changed outside Casefile"))
    else:
        parts.append(
            ngettext(
                "the audit log's %(n)d entry is sealed and linked",
                "the audit log's %(n)d entries are sealed and linked",
                report.audit_entries,
            )
            % {"n": report.audit_entries}
        )
    if kinds.get("unsealed_hash"):
        parts.append(
            ngettext(
                "%(n)d document(s) disagree with the hashes sealed in the log",
                "%(n)d document(s) disagree with the hashes sealed in the log",
                kinds["unsealed_hash"],
            )
            % {"n": kinds["unsealed_hash"]}
        )
    if report.head_found is True:
        parts.append(_("the head you lodged is in the log"))
    elif report.head_found is False:
        parts.append(_("the head you lodged is NOT in the log"))
    return _("{parts}.").format(parts="; ".join(parts))


def cmd_verify(args: argparse.Namespace) -> int:
    from casefile.core import services
    from casefile.core.services.integrity import check_head_text

    head = check_head_text(args.head) if args.head else None
    with (
        _open_to_record(args.case) as case,
        progress_job(_("Verifying"), not args.json) as ctx,
    ):
        report = services.verify_case(case, ctx, head=head)
    if args.json:
        print_json(
            {
                "checked": report.checked,
                "stored": report.stored,
                "orphans": report.orphans,
                "kept": report.kept,
                "audit_entries": report.audit_entries,
                "head_found": report.head_found,
                "recorded": report.recorded,
                "not_recorded": report.not_recorded,
                "ok": report.ok,
                "cancelled": report.cancelled,
                "problems": [asdict(p) for p in report.problems],
                "orphan_originals": [
                    p.sha256 for p in report.orphan_originals if p.problem == "orphan"
                ],
                "kept_originals": [
                    p.sha256 for p in report.orphan_originals if p.problem == "kept"
                ],
            }
        )
    else:
        orphans = report.orphan_originals
        for p in report.problems:
            out(f"  ! {p.message}")
        for p in orphans[:ORPHANS_SHOWN]:
            out(f"  {'·' if p.problem == 'kept' else '?'} {p.message}")
        if len(orphans) > ORPHANS_SHOWN:
            more = len(orphans) - ORPHANS_SHOWN
            out(
                "  ? "
                + ngettext(
                    "… and %(n)d more original(s) without a document.",
                    "… and %(n)d more original(s) without a document.",
                    more,
                )
                % {"n": more}
            )
        if report.cancelled:
            out(
                ngettext(
                    "Stopped after checking %(n)d original(s).",
                    "Stopped after checking %(n)d original(s).",
                    report.checked,
                )
                % {"n": report.checked}
            )
        else:
            out(_summary(report))
            if not report.recorded:
                out(
                    _("This run was not recorded in the audit log: {why}.").format(
                        why=report.not_recorded
                    )
                )
    if report.cancelled:
        return EXIT_CANCELLED
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_audit(args: argparse.Namespace) -> int:
    from casefile.core import services

    if args.export:
        with open_case(args.case, readonly=True) as case:
            head = services.audit_head(case)
        if head is None:
            out(_("The audit log is empty."))
            return EXIT_OK
        if args.json:
            print_json({"head": head.hash, "entries": head.count, "at": head.at.isoformat()})
            return EXIT_OK
        out(_("Audit log head: {hash}").format(hash=head.hash))
        out(
            _("Entries: {n}, the newest written {at} UTC").format(
                n=head.count, at=f"{head.at:%Y-%m-%d %H:%M:%S}"
            )
        )
        out(
            _(
                "Keep this head somewhere outside the case (a note, an e-mail); "
                "'casefile verify CASE --head {hash}…' (the full hash) later proves "
                "the log up to it was not rewritten."
            ).format(hash=head.hash[:8])
        )
        return EXIT_OK
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
    out(ngettext("%(n)d entry", "%(n)d entries", len(entries)) % {"n": len(entries)})
    return EXIT_OK


def register(sub: Any) -> None:
    sp = add_command(
        sub,
        "verify",
        cmd_verify,
        _("Re-hash every original, check the audit log's hash chain, report problems."),
    )
    sp.add_argument(
        "--head",
        metavar="HASH",
        help=_(
            "an audit log head lodged earlier ('casefile audit --export'): prove it is "
            "still in the log"
        ),
    )
    sp.add_argument("--json", action="store_true", help=_("print the report as JSON"))

    sp = add_command(sub, "audit", cmd_audit, _("Show the audit log of the case."))
    sp.add_argument(
        "--export",
        action="store_true",
        help=_("print the head of the audit log's hash chain, to keep outside the case"),
    )
    sp.add_argument("--document", metavar="DOC", help=_("only entries about this document"))
    sp.add_argument("--limit", type=int, help=_("show at most this many entries"))
    sp.add_argument("--json", action="store_true", help=_("print the entries as JSON"))
