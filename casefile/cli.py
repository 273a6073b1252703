"""`casefile …`: the command-line face over `casefile.core.services`.

Every failure a user can cause (bad arguments, a missing or locked case, an unreadable
path) ends in one clear line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any, NoReturn

from casefile import __version__
from casefile.core.errors import CasefileError
from casefile.core.jobs import JobContext, Progress

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_PROBLEMS, EXIT_CANCELLED = 0, 1, 2, 3, 130


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _out(text: str = "") -> None:
    print(text, flush=True)


def _err(text: str) -> None:
    print(f"casefile: {text}", file=sys.stderr, flush=True)


def _json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


@contextmanager
def progress_job(label: str, enabled: bool = True) -> Iterator[JobContext]:
    """A JobContext shown as a tqdm bar on stderr; Ctrl-C asks the job to stop cleanly."""
    from tqdm import tqdm

    # disable=None: no bar when stderr is not a terminal (logs, pipes, CI).
    bar = tqdm(
        total=0,
        desc=label,
        unit="file",
        disable=None if enabled else True,
        file=sys.stderr,
        leave=False,
    )

    def show(p: Progress) -> None:
        if p.total is not None and bar.total != p.total:
            bar.total = p.total
        bar.n = p.done
        if p.label:
            bar.set_postfix_str(Path(p.label).name[:40], refresh=False)
        bar.refresh()

    ctx = JobContext(on_progress=show if enabled else None)
    previous = signal.getsignal(signal.SIGINT)

    def on_interrupt(_sig: int, _frame: object) -> None:
        if ctx.cancelled:  # a second Ctrl-C: the user really wants out
            raise KeyboardInterrupt
        bar.write("Stopping after the current file… (Ctrl-C again to abort)")
        ctx.cancel()

    signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield ctx
    finally:
        signal.signal(signal.SIGINT, previous)
        bar.close()


def _open(path: str, readonly: bool = False) -> Any:
    from casefile.core import services

    return services.open_case(path, readonly=readonly)


# -- commands ---------------------------------------------------------------------------
def cmd_new(args: argparse.Namespace) -> int:
    from casefile.core import services

    case = services.create_case(args.case, args.title)
    _out(f"Created case “{case.title}” at {case.path}")
    case.close()
    return EXIT_OK


def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return args.password


def cmd_import(args: argparse.Namespace) -> int:
    from casefile.core import services

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing and len(missing) == len(args.paths):
        raise CasefileError(f"Nothing to import: {missing[0]} does not exist.")
    with _open(args.case) as case, progress_job("Importing", not args.json) as ctx:
        summary = services.import_paths(
            case,
            args.paths,
            ctx,
            kind=args.kind,
            source=args.source,
            password=_password(args),
            timeout_s=args.timeout,
        )
    if args.json:
        _json(
            {
                "imported": summary.imported,
                "duplicates": summary.duplicates,
                "failed": summary.failed,
                "cancelled": summary.cancelled,
                "files": [asdict(o) for o in summary.outcomes],
            }
        )
    else:
        _print_import_summary(summary)
    if summary.cancelled:
        return EXIT_CANCELLED
    return EXIT_PROBLEMS if summary.failed else EXIT_OK


def _print_import_summary(summary: Any) -> None:
    for o in summary.outcomes:
        if o.result == "duplicate":
            _out(f"  = {o.path}: already in case as “{o.duplicate_of}”")
        elif o.result == "failed":
            _out(f"  ! {o.path}: {o.reason}")
        elif o.result == "reextracted":
            _out(f"  ↻ {o.path}: read again with the password — {o.status}")
        elif o.status != "ok":
            _out(f"  ~ {o.path}: imported as “{o.title}” — {o.reason}")
    word = "Stopped" if summary.cancelled else "Done"
    _out(
        f"{word}: {summary.imported} imported, {summary.duplicates} already in the case, "
        f"{summary.failed} failed, "
        f"{sum(1 for o in summary.outcomes if o.result == 'imported' and o.status != 'ok')} "
        "imported without readable text."
    )


def cmd_docs(args: argparse.Namespace) -> int:
    from casefile.core import services

    with _open(args.case, readonly=True) as case:
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
        _json([asdict(d) for d in docs])
        return EXIT_OK
    for d in docs:
        flag = "" if d.status == "ok" else f"  [{d.status.replace('_', ' ')}]"
        _out(f"{d.uid[:8]}  {d.date or '—':<10}  {d.kind:<24} {d.page_count:>4}p  {d.title}{flag}")
    _out(f"{len(docs)} document(s)")
    return EXIT_OK


def _resolve_uid(case: Any, prefix: str) -> str:
    from casefile.core import services

    uids = [u for u in services.document_uids(case) if u.startswith(prefix.lower())]
    if len(uids) == 1:
        return uids[0]
    if not uids:
        raise CasefileError(f"No document id starts with “{prefix}”; 'casefile docs' lists them.")
    raise CasefileError(f"“{prefix}” matches {len(uids)} documents; give more of the id.")


def cmd_show(args: argparse.Namespace) -> int:
    from casefile.core import dates, services

    with _open(args.case, readonly=True) as case:
        uid = _resolve_uid(case, args.document)
        d = services.get_document(case, uid)
        page = services.get_page(case, uid, args.page) if d.page_count else None
    if args.json:
        _json({"document": asdict(d), "page": asdict(page) if page else None})
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
        _out(f"{k + ':':<13}{v}")
    if page is not None:
        _out(f"\n— page {page.number} of {page.total} —")
        _out(page.text if page.text.strip() else "(no text on this page)")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from casefile.core import services

    with _open(args.case, readonly=True) as case, progress_job("Verifying", not args.json) as ctx:
        report = services.verify_case(case, ctx)
    if args.json:
        _json(
            {
                "checked": report.checked,
                "ok": report.ok,
                "cancelled": report.cancelled,
                "problems": [asdict(p) for p in report.problems],
            }
        )
    else:
        for p in report.problems:
            _out(f"  ! {p.message}")
        if report.cancelled:
            _out(f"Stopped after checking {report.checked} original(s).")
        elif report.ok:
            _out(f"All {report.checked} original(s) are intact.")
        else:
            _out(f"{len(report.problems)} of {report.checked} original(s) are missing or altered.")
    if report.cancelled:
        return EXIT_CANCELLED
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_audit(args: argparse.Namespace) -> int:
    from casefile.core import services

    with _open(args.case, readonly=True) as case:
        target = _resolve_uid(case, args.document) if args.document else None
        entries = services.audit_log(case, target=target, limit=args.limit)
    if args.json:
        _json([asdict(e) for e in entries])
        return EXIT_OK
    for e in entries:
        detail = e.after or e.before or ""
        _out(
            f"{e.at:%Y-%m-%d %H:%M:%S}  {e.actor:<10} {e.action:<18} "
            f"{e.target or '':<34} {detail[:120]}"
        )
    _out(f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from casefile.demo import build_demo_case

    case_path = build_demo_case(Path(args.case), overwrite=args.force)
    _out(f"Demo case ready at {case_path}")
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    from casefile.core.schema import DOCUMENT_KINDS
    from casefile.core.services.documents import SORT_COLUMNS

    p = _Parser(prog="casefile", description="Casefile: offline case files for investigators.")
    p.add_argument("--version", action="version", version=f"casefile {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def add(
        name: str, fn: Callable[[argparse.Namespace], int], help: str
    ) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help, description=help)
        sp.set_defaults(func=fn)
        sp.add_argument("case", metavar="CASE", help="the case folder (…/Name.casefile)")
        return sp

    sp = add("new", cmd_new, "Create a new, empty case.")
    sp.add_argument("--title", help="the case's title (default: the folder name)")

    sp = add("import", cmd_import, "Import files and folders (recursively) into a case.")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--kind", choices=DOCUMENT_KINDS, help="set this kind on every document")
    sp.add_argument("--source", help="publisher or source to record on every document")
    sp.add_argument("--password", help="password for protected PDFs in this import")
    sp.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    sp.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per file")
    sp.add_argument("--json", action="store_true", help="print the summary as JSON")

    sp = add("docs", cmd_docs, "List the documents in a case.")
    sp.add_argument("--kind", choices=DOCUMENT_KINDS)
    sp.add_argument(
        "--status",
        choices=["ok", "empty", "needs_ocr", "password_required", "failed", "unsupported"],
    )
    sp.add_argument("--tag")
    sp.add_argument("--title", help="only titles containing this text")
    sp.add_argument("--sort", choices=sorted(SORT_COLUMNS), default="date")
    sp.add_argument("--desc", action="store_true", help="newest / largest first")
    sp.add_argument("--limit", type=int)
    sp.add_argument("--json", action="store_true")

    sp = add("show", cmd_show, "Show a document's metadata and the text of one page.")
    sp.add_argument("document", metavar="DOC", help="document id (a unique prefix is enough)")
    sp.add_argument("--page", type=int, default=1)
    sp.add_argument("--json", action="store_true")

    sp = add("verify", cmd_verify, "Re-hash every original and report missing or altered files.")
    sp.add_argument("--json", action="store_true")

    sp = add("audit", cmd_audit, "Show the audit log of the case.")
    sp.add_argument("--document", metavar="DOC", help="only entries about this document")
    sp.add_argument("--limit", type=int)
    sp.add_argument("--json", action="store_true")

    sp = add("demo", cmd_demo, "Build the bundled demo case at CASE.")
    sp.add_argument("--force", action="store_true", help="replace an existing demo case there")

    try:
        from casefile import cli_search
    except ImportError:  # search commands arrive with the search package
        cli_search = None  # type: ignore[assignment]
    if cli_search is not None:
        cli_search.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # extraction workers in a frozen (PyInstaller) build
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except CasefileError as exc:
        _err(str(exc))
        return EXIT_FAIL
    except KeyboardInterrupt:
        _err("Stopped.")
        return EXIT_CANCELLED
    except OSError as exc:
        _err(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        return EXIT_FAIL


if __name__ == "__main__":
    sys.exit(main())
