"""`casefile relation …`: relations between entities, with dates and citations."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from casefile.cli.common import EXIT_OK, Parser, add_command, open_case, out, print_json
from casefile.core.i18n import _, ngettext


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
            _("“{text}” is not a citation; write DOC, DOC:PAGE or DOC:PAGE:START-END.").format(
                text=text
            )
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
        cited = ngettext("%(n)d citation(s)", "%(n)d citation(s)", len(r.citations)) % {
            "n": len(r.citations)
        }
        out(f"{r.uid[:8]}  {r.source_name} — {r.label} → {r.target_name}{when}  [{cited}]")
    out(ngettext("%(n)d relation(s)", "%(n)d relation(s)", len(rels)) % {"n": len(rels)})
    return EXIT_OK


def cmd_relation_rm(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        services.delete_relation(case, args.relation)
    out(_("Deleted the relation."))
    return EXIT_OK


def register(sub: Any) -> None:
    help_text = _("Relations between entities: add, list, rm.")
    group = sub.add_parser("relation", help=help_text, description=help_text)
    rsub = group.add_subparsers(dest="relation_command", metavar="ACTION", parser_class=Parser)
    rsub.required = True
    sp = add_command(rsub, "add", cmd_relation_add, _("Add a relation: SOURCE LABEL TARGET."))
    sp.add_argument("source", metavar="SOURCE", help=_("the entity the relation starts from"))
    sp.add_argument("label", metavar="LABEL", help=_("owns, controls, employs… or free text"))
    sp.add_argument("target", metavar="TARGET", help=_("the entity the relation leads to"))
    sp.add_argument("--date", help=_("EDTF date or period (2024-06, 2019/2021)"))
    sp.add_argument("--notes", help=_("notes on the relation"))
    sp.add_argument(
        "--cite",
        action="append",
        default=[],
        metavar="DOC[:PAGE[:START-END]]",
        help=_("a document (and page and characters) the relation rests on"),
    )
    sp.add_argument("--quote", help=_("the quoted words, for the citations"))
    sp = add_command(rsub, "list", cmd_relation_list, _("List relations (of one entity)."))
    sp.add_argument("entity", metavar="ENTITY", nargs="?", help=_("only this entity's relations"))
    sp.add_argument("--json", action="store_true", help=_("print the relations as JSON"))
    sp = add_command(rsub, "rm", cmd_relation_rm, _("Delete a relation."))
    sp.add_argument("relation", metavar="RELATION", help=_("relation id (a prefix is enough)"))
