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
from casefile.cli.common import EXIT_CANCELLED, EXIT_FAIL, Parser, err
from casefile.core import i18n
from casefile.core.errors import CasefileError

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
    p = Parser(prog="casefile", description="Casefile: offline case files for investigators.")
    p.add_argument("--version", action="version", version=f"casefile {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for group in COMMAND_GROUPS:
        group.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # extraction workers in a frozen (PyInstaller) build
    i18n.set_language(i18n.system_language())  # before the parser: its help is translated
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except CasefileError as exc:
        err(str(exc))
        return EXIT_FAIL
    except KeyboardInterrupt:
        err("Stopped.")
        return EXIT_CANCELLED
    except OSError as exc:
        err(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        return EXIT_FAIL


if __name__ == "__main__":
    sys.exit(main())
