"""`casefile …`: the command-line face over `casefile.core.services`.

One module per command group, each with a `register(subparsers)`; this module only
assembles them and turns every failure a user can cause (bad arguments, a missing or
locked case, an unreadable path) into one clear line on stderr and a non-zero exit code,
never a traceback. See docs/architecture.md (the faces).
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence

from casefile import __version__
from casefile.cli import (
    archive,
    cases,
    chronology,
    documents,
    editing,
    entities,
    exports,
    importing,
    integrity,
    ocr,
    relations,
    search,
)
from casefile.cli.common import (
    EXIT_CANCELLED,
    EXIT_FAIL,
    Parser,
    argparse_speaks_our_language,
    err,
)
from casefile.core import i18n
from casefile.core.errors import CasefileError
from casefile.core.i18n import _

COMMAND_GROUPS = (
    cases,
    importing,
    documents,
    editing,
    integrity,
    search,
    entities,
    relations,
    chronology,
    exports,
    ocr,
    archive,
)


def build_parser() -> Parser:
    p = Parser(prog="casefile", description=_("Casefile: offline case files for investigators."))
    p.add_argument(
        "--version",
        action="version",
        version=f"casefile {__version__}",
        help=_("show the version of Casefile and exit"),
    )
    p.add_argument(
        "--lang",
        dest="ui_lang",  # not "lang": `event list --lang` and `ocr --lang` are other options
        choices=i18n.SUPPORTED,
        help=_(
            "the language of messages and help (default: CASEFILE_LANG, else the system's "
            "locale: LANGUAGE, LC_ALL, LC_MESSAGES, LANG)"
        ),
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for group in COMMAND_GROUPS:
        group.register(sub)
    return p


def language_asked(argv: Sequence[str]) -> str | None:
    """The language a global `--lang ru` / `--lang=ru` (before the command) asks for.

    Read before the parser is built, because argparse translates section titles and
    help as the parser is made; the parser then checks the value. Options after the
    command are the command's own (`casefile ocr CASE --lang rus+eng`)."""
    args = list(argv)
    i = 0
    while i < len(args) and args[i].startswith("-"):
        if args[i] == "--lang" and i + 1 < len(args):
            return i18n.normalise(args[i + 1])
        if args[i].startswith("--lang="):
            return i18n.normalise(args[i].partition("=")[2])
        i += 1
    return None


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # extraction workers in a frozen (PyInstaller) build
    argv = sys.argv[1:] if argv is None else list(argv)
    # Before the parser: its help is translated as it is built.
    i18n.set_language(language_asked(argv) or i18n.system_language())
    with argparse_speaks_our_language():
        args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except CasefileError as exc:
        err(str(exc))
        return EXIT_FAIL
    except KeyboardInterrupt:
        err(_("Stopped."))
        return EXIT_CANCELLED
    except OSError as exc:
        what = i18n.os_error(exc)
        err(f"{what}: {exc.filename or ''}".rstrip(": "))
        return EXIT_FAIL


if __name__ == "__main__":
    sys.exit(main())
