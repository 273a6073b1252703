"""What every `casefile` command shares: exit codes, output that cannot spoof the
terminal, progress bars, opening a case, resolving a document id. See
docs/architecture.md (the faces)."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from casefile.core.errors import CasefileError
from casefile.core.jobs import JobContext, Progress

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_PROBLEMS, EXIT_CANCELLED = 0, 1, 2, 3, 130

Command = Callable[[argparse.Namespace], int]


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def add_command(sub: Any, name: str, fn: Command, help: str) -> argparse.ArgumentParser:
    """A subcommand whose first argument is the case folder."""
    sp: argparse.ArgumentParser = sub.add_parser(name, help=help, description=help)
    sp.set_defaults(func=fn)
    sp.add_argument("case", metavar="CASE", help="the case folder (…/Name.casefile)")
    return sp


def out(text: str = "") -> None:
    print(text, flush=True)


def err(text: str) -> None:
    print(f"casefile: {text}", file=sys.stderr, flush=True)


def print_json(obj: Any) -> None:
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


def open_case(path: str, readonly: bool = False) -> Any:
    from casefile.core import services

    case = services.open_case(path, readonly=readonly)
    if case.readonly_reason:
        err(case.readonly_reason)  # read-only media: say so before anything else
    return case


def resolve_uid(case: Any, prefix: str) -> str:
    from casefile.core import services

    uids = [u for u in services.document_uids(case) if u.startswith(prefix.lower())]
    if len(uids) == 1:
        return uids[0]
    if not uids:
        raise CasefileError(f"No document id starts with “{prefix}”; 'casefile docs' lists them.")
    raise CasefileError(f"“{prefix}” matches {len(uids)} documents; give more of the id.")
