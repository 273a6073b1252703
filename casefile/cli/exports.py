"""`casefile export KIND CASE OUT [options]`: what leaves the application.

One sub-command per kind of export, from the table `EXPORT_COMMANDS`: each entry names
the kind, adds its options to its parser and turns the parsed arguments into the
options value its service takes (`services.exports.run_export`). To add a kind, write
an `ExportCommand` in a module of its own (e.g. `cli/export_bundle.py`) and list it in
`EXPORT_COMMANDS`. Progress is a bar on stderr; Ctrl-C stops the export and leaves no
file behind. Exit codes as everywhere (`cli/common.py`): 0 written, 1 error, 2 bad
arguments, 130 stopped.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casefile.cli import export_bundle
from casefile.cli.common import (
    EXIT_CANCELLED,
    EXIT_OK,
    Parser,
    err,
    open_case,
    out,
    print_json,
    progress_job,
)
from casefile.core import i18n
from casefile.core.errors import CaseLockedError
from casefile.core.i18n import N_, _
from casefile.core.jobs import Cancelled


@dataclass(frozen=True)
class ExportCommand:
    kind: str  # the sub-command and the key of services.exports.EXPORTS
    help: str  # marked with N_, translated when the parser is built
    out_help: str  # what OUT is: "the .docx file to write", "a folder for the CSV files"
    add_arguments: Callable[[argparse.ArgumentParser], None]
    options: Callable[[argparse.Namespace], Any]  # parsed arguments -> the options value
    suffix: str = ""  # added to an OUT given without one ("report" -> "report.docx")


def add_scope_arguments(sp: argparse.ArgumentParser) -> None:
    """--tag, --entity (repeatable), --from, --to, --flag: what part of the case."""
    g = sp.add_argument_group(_("scope (default: the whole case)"))
    g.add_argument("--tag", help=_("only documents and events with this tag"))
    g.add_argument(
        "--entity",
        action="append",
        default=[],
        metavar="NAME",
        help=_("only these entities, their events and documents (repeatable)"),
    )
    g.add_argument("--from", dest="date_from", metavar="DATE", help=_("events from (EDTF)"))
    g.add_argument("--to", dest="date_to", metavar="DATE", help=_("events up to (EDTF)"))
    g.add_argument(
        "--flag",
        choices=["no_source", "single_source", "weak_sources", "lost_quote"],
        help=_("only events with this flag"),
    )


def add_lang_argument(sp: argparse.ArgumentParser) -> None:
    """--lang: the export's dates in words; the language chosen for the CLI by default."""
    sp.add_argument(
        "--lang",
        choices=["en", "ru"],
        default=i18n.language(),
        help=_("the language of dates in words (default: the CLI's)"),
    )


def scope_of(args: argparse.Namespace) -> Any:
    from casefile.core.services.exports import Scope

    return Scope(
        tag=args.tag or None,
        entities=tuple(args.entity),
        date_from=args.date_from,
        date_to=args.date_to,
        flag=args.flag,
    )


# -- report ------------------------------------------------------------------------------
def _report_arguments(sp: argparse.ArgumentParser) -> None:
    add_scope_arguments(sp)
    sp.add_argument("--author", help=_("the name on the cover (default: your login name)"))
    sp.add_argument("--summary", help=_("a summary paragraph after the contents"))
    sp.add_argument("--summary-file", metavar="FILE", help=_("the summary from a UTF-8 text file"))
    sp.add_argument(
        "--search",
        action="append",
        default=[],
        metavar="SAVED",
        help=_("include excerpts of this saved search's hits (repeatable)"),
    )
    sp.add_argument("--no-cast", action="store_true", help=_("leave out the cast of characters"))
    sp.add_argument("--no-index", action="store_true", help=_("leave out the document index"))
    sp.add_argument(
        "--no-bundle-pages",
        action="store_true",
        help=_("cite 'Doc 4, p. 2' even when a bundle of the case was made"),
    )
    add_lang_argument(sp)


def _report_options(args: argparse.Namespace) -> Any:
    from casefile.core.services.exports import ReportOptions

    summary = args.summary
    if args.summary_file:
        summary = Path(args.summary_file).read_text(encoding="utf-8")
    return ReportOptions(
        scope=scope_of(args),
        author=args.author,
        summary=summary,
        saved_searches=tuple(args.search),
        cast=not args.no_cast,
        document_index=not args.no_index,
        bundle_pages=not args.no_bundle_pages,
        lang=args.lang,
    )


REPORT = ExportCommand(
    "report",
    N_("A DOCX report: cover, contents, chronology with citations, cast, document index."),
    N_("the .docx file to write"),
    _report_arguments,
    _report_options,
    suffix=".docx",
)


# -- csv ---------------------------------------------------------------------------------
def _csv_arguments(sp: argparse.ArgumentParser) -> None:
    add_scope_arguments(sp)
    sp.add_argument(
        "--table",
        action="append",
        default=[],
        choices=["documents", "entities", "mentions", "chronology"],
        help=_("only these tables (repeatable; default: all four)"),
    )
    add_lang_argument(sp)


def _csv_options(args: argparse.Namespace) -> Any:
    from casefile.core.services.exports import CsvOptions

    if args.table:
        return CsvOptions(
            scope=scope_of(args), tables=tuple(dict.fromkeys(args.table)), lang=args.lang
        )
    return CsvOptions(scope=scope_of(args), lang=args.lang)


CSV = ExportCommand(
    "csv",
    N_("CSV files (UTF-8, for spreadsheets) of documents, entities, mentions and chronology."),
    N_("a folder for the CSV files (made if missing)"),
    _csv_arguments,
    _csv_options,
)

BUNDLE = ExportCommand(
    kind="bundle",
    help=N_("A paginated PDF court bundle: linked index, sections, bookmarks, every page stamped."),
    out_help=N_("the .pdf file to write (volumes get ' - Volume N' added)"),
    add_arguments=export_bundle.add_bundle_arguments,
    options=export_bundle.bundle_options,
)
ARCHIVE = ExportCommand(
    kind="archive",
    help=N_("The whole case in one .casezip (database, originals, manifest; not the index)."),
    out_help=N_("the .casezip file to write"),
    add_arguments=export_bundle.add_archive_arguments,
    options=export_bundle.archive_options,
)

# The kinds of `casefile export`, in the order --help lists them.
EXPORT_COMMANDS: tuple[ExportCommand, ...] = (REPORT, CSV, BUNDLE, ARCHIVE)


def _open(path: str) -> Any:
    """Exports only read; a case another Casefile holds is exported read-only."""
    try:
        return open_case(path)
    except CaseLockedError:
        return open_case(path, readonly=True)


def run(command: ExportCommand, args: argparse.Namespace) -> int:
    from casefile.core.services.exports import run_export

    options = command.options(args)
    out_path = Path(args.out)
    if command.suffix and not out_path.suffix:
        out_path = out_path.with_name(out_path.name + command.suffix)
    with (
        _open(args.case) as case,
        progress_job(_("Exporting {kind}").format(kind=command.kind), not args.json) as job,
    ):
        try:
            result = run_export(case, command.kind, options, out_path, job)
        except Cancelled:
            err(_("Stopped; nothing was written."))
            return EXIT_CANCELLED
    if args.json:
        print_json(
            {
                "kind": command.kind,
                "path": str(result.path),
                "files": [str(p) for p in result.files],
                "summary": result.summary,
            }
        )
    else:
        out(result.summary)
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help=_("Export a report, CSV files (and more) from a case."),
        description=_("Export what the case holds, for people without Casefile."),
    )
    kinds = p.add_subparsers(dest="kind", metavar="KIND", parser_class=Parser)
    kinds.required = True
    for command in EXPORT_COMMANDS:
        sp = kinds.add_parser(command.kind, help=_(command.help), description=_(command.help))
        sp.add_argument("case", metavar="CASE", help=_("the case folder (…/Name.casefile)"))
        sp.add_argument("out", metavar="OUT", help=_(command.out_help))
        command.add_arguments(sp)
        sp.add_argument("--json", action="store_true", help=_("print what was written as JSON"))
        sp.set_defaults(func=lambda args, c=command: run(c, args))
