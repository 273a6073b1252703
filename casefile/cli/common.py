"""What every `casefile` command shares: exit codes, output that cannot spoof the
terminal, progress bars, opening a case, resolving a document id. See
docs/architecture.md (the faces)."""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from casefile.core.errors import CasefileError
from casefile.core.i18n import _, ngettext, pgettext, translate_recorded
from casefile.core.jobs import JobContext, Progress

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_PROBLEMS, EXIT_CANCELLED = 0, 1, 2, 3, 130

Command = Callable[[argparse.Namespace], int]


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE,
            _("{prog}: {message} (see '{prog} --help')").format(prog=self.prog, message=message)
            + "\n",
        )


@contextmanager
def argparse_speaks_our_language() -> Iterator[None]:
    """argparse's own words ("usage:", "options", "the following arguments are
    required: …") come from its module-level `_` and `ngettext`, the stdlib's gettext of
    a domain Casefile does not ship. For one run of the CLI they are looked up in the
    cli catalog instead (cli/argparse_words.py lists them for extraction), so they
    follow the chosen language; the stdlib's functions are put back afterwards."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def add_command(sub: Any, name: str, fn: Command, help: str) -> argparse.ArgumentParser:
    """A subcommand whose first argument is the case folder."""
    sp: argparse.ArgumentParser = sub.add_parser(name, help=help, description=help)
    sp.set_defaults(func=fn)
    sp.add_argument("case", metavar="CASE", help=_("the case folder (…/Name.casefile)"))
    return sp


# Characters a terminal obeys rather than shows: C0 controls but newline and tab, DEL
# and C1 (ESC sequences set the window title or clear the screen; U+009B is a CSI on its
# own), bidirectional overrides and isolates (a name can render as another), line and
# paragraph separators, and lone surrogates (bytes of a name that is not UTF-8). Titles,
# file names and texts come from untrusted files: they are shown escaped, never obeyed.
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
    r"\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every character a terminal would act on shown as an escape (\\x1b,
    \\u202e); newlines and tabs are kept."""
    return _UNSAFE.sub(_escape, text)


def out(text: str = "") -> None:
    print(printable(text), flush=True)


def err(text: str) -> None:
    print(f"casefile: {printable(text)}", file=sys.stderr, flush=True)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def print_json(obj: Any) -> None:
    """JSON with the same characters escaped (as JSON escapes, so a reader gets the
    exact text back while a terminal shows it harmlessly)."""
    text = json.dumps(obj, ensure_ascii=False, indent=2, default=str)
    print(_UNSAFE.sub(_json_escape, text), flush=True)


def _bar_class() -> Any:
    """tqdm with its rate said in the user's language ("12.5 файл/с", not "файл/s"):
    tqdm writes "/s" itself, after the unit it was given."""
    from tqdm import tqdm

    class Bar(tqdm):  # type: ignore[misc]
        @staticmethod
        def format_meter(*args: Any, **kwargs: Any) -> str:
            text: str = tqdm.format_meter(*args, **kwargs)
            unit = kwargs.get("unit", "it")
            rate = pgettext("progress rate", "{unit}/s").format(unit=unit)
            return text.replace(f"{unit}/s", rate) if rate != f"{unit}/s" else text

    return Bar


@contextmanager
def progress_job(label: str, enabled: bool = True, unit: str | None = None) -> Iterator[JobContext]:
    """A JobContext shown as a tqdm bar on stderr; Ctrl-C asks the job to stop cleanly."""
    # disable=None: no bar when stderr is not a terminal (logs, pipes, CI).
    bar = _bar_class()(
        total=0,
        desc=printable(label),
        unit=_("file") if unit is None else unit,
        disable=None if enabled else True,
        file=sys.stderr,
        leave=False,
    )

    def show(p: Progress) -> None:
        if p.total is not None and bar.total != p.total:
            bar.total = p.total
        bar.n = p.done
        if p.label:
            bar.set_postfix_str(printable(Path(p.label).name[:40]), refresh=False)
        bar.refresh()

    ctx = JobContext(on_progress=show if enabled else None)
    previous = signal.getsignal(signal.SIGINT)

    def on_interrupt(_sig: int, _frame: object) -> None:
        if ctx.cancelled:  # a second Ctrl-C: the user really wants out
            raise KeyboardInterrupt
        bar.write(_("Stopping after the current file… (Ctrl-C again to abort)"))
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
        # read-only media: say so before anything else
        err(translate_recorded(case.readonly_reason))
    return case


def resolve_uid(case: Any, prefix: str) -> str:
    from casefile.core import services

    uids = [u for u in services.document_uids(case) if u.startswith(prefix.lower())]
    if len(uids) == 1:
        return uids[0]
    if not uids:
        raise CasefileError(
            _("No document id starts with “{prefix}”; 'casefile docs' lists them.").format(
                prefix=prefix
            )
        )
    raise CasefileError(
        ngettext(
            "“%(prefix)s” matches %(n)d documents; give more of the id.",
            "“%(prefix)s” matches %(n)d documents; give more of the id.",
            len(uids),
        )
        % {"prefix": prefix, "n": len(uids)}
    )
