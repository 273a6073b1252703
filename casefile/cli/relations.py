"""`casefile relation …`: relations between entities, with dates and citations."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from casefile.cli.common import EXIT_OK, Parser, add_command, open_case, out, print_json


def _citation(text: str) -> Any:
    """DOC[:PAGE[:START-END]] as typed."""
    from casefile.core.errors import InvalidValueError
    from casefile.core.services import CitationIn

    parts = text.split(":")
    try:
        page = int(parts[1]) if len(parts) > 1 else 1
        start = end = None
        if len(parts) > 2:
            a, b = parts[2].split("-")
            start, end = int(a), int(b)
    except ValueError:
        raise InvalidValueError(
            f"“{text}” is not a citation; write DOC, DOC:PAGE or DOC:PAGE:START-END."
        ) from None
    return CitationIn(parts[0], page, start, end)


def cmd_relation_add(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from casefile.cli.common import resolve_uid
    from casefile.core import services

    with open_case(args.case) as case:
        cites = []
        for c in args.cite:
            ci = _citation(c)
            cites.append(
                replace(ci, document_uid=resolve_uid(case, ci.document_uid), quote=args.quote)
            )
        r = services.add_relation(
            case,
            args.source,
            args.target,
            args.label,
            date=args.date,
            notes=args.notes,
            citations=cites,
        )
    out(f"{r.source_name} — {r.label} → {r.target_name} ({r.uid[:8]}).")
    return EXIT_OK


def cmd_relation_list(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case, readonly=True) as case:
        rels = services.list_relations(case, args.entity)
    if args.json:
        print_json([asdict(r) for r in rels])
        return EXIT_OK
    for r in rels:
        when = f" ({r.date})" if r.date else ""
        out(
            f"{r.uid[:8]}  {r.source_name} — {r.label} → {r.target_name}{when}"
            f"  [{len(r.citations)} citation(s)]"
        )
    out(f"{len(rels)} relation(s)")
    return EXIT_OK


def cmd_relation_rm(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        services.delete_relation(case, args.relation)
    out("Deleted the relation.")
    return EXIT_OK


def register(sub: Any) -> None:
    group = sub.add_parser("relation", help="Relations between entities: add, list, rm.")
    rsub = group.add_subparsers(dest="relation_command", metavar="ACTION", parser_class=Parser)
    rsub.required = True
    sp = add_command(rsub, "add", cmd_relation_add, "Add a relation: SOURCE LABEL TARGET.")
    sp.add_argument("source", metavar="SOURCE")
    sp.add_argument("label", metavar="LABEL", help="owns, controls, employs… or free text")
    sp.add_argument("target", metavar="TARGET")
    sp.add_argument("--date", help="EDTF date or period (2024-06, 2019/2021)")
    sp.add_argument("--notes")
    sp.add_argument(
        "--cite",
        action="append",
        default=[],
        metavar="DOC[:PAGE[:START-END]]",
        help="a document (and page and characters) the relation rests on",
    )
    sp.add_argument("--quote", help="the quoted words, for the citations")
    sp = add_command(rsub, "list", cmd_relation_list, "List relations (of one entity).")
    sp.add_argument("entity", metavar="ENTITY", nargs="?")
    sp.add_argument("--json", action="store_true")
    sp = add_command(rsub, "rm", cmd_relation_rm, "Delete a relation.")
    sp.add_argument("relation", metavar="RELATION", help="relation id (a prefix is enough)")
