"""`casefile entity …`: the case's people, organisations and places, their aliases and
mentions, and suggestions of names the case does not know yet. The commands on names in
the text (reject, tag, suggest) are cli/entity_mentions.py; how an entity is written,
cli/entity_words.py."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from casefile.cli import entity_mentions
from casefile.cli import entity_words as words
from casefile.cli.common import EXIT_OK, Parser, add_command, open_case, out, print_json
from casefile.cli.labels import entity_kind
from casefile.core.i18n import _, ngettext, pgettext


# -- entity ---------------------------------------------------------------------------
def cmd_add(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        e = services.create_entity(
            case,
            args.name,
            args.kind,
            aliases=args.alias,
            weak_aliases=args.weak_alias,
            former_names=args.former,
            notes=args.notes,
        )
    if args.json:
        print_json(asdict(e))
    else:
        out(
            _("Added {kind} “{name}” ({uid}): {found}.").format(
                kind=words.kind(e.kind), name=e.name, uid=e.uid[:8], found=words.found(e)
            )
        )
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case, readonly=True) as case:
        rows = services.list_entities(case, kind=args.kind)
    if args.json:
        print_json([asdict(e) for e in rows])
        return EXIT_OK
    for e in rows:
        counts = _("{documents:>5} docs {mentions:>6} mentions").format(
            documents=e.documents, mentions=e.mentions
        )
        out(f"{e.uid[:8]}  {entity_kind(e.kind):<13} {counts}  {e.name}  [{words.aliases_line(e)}]")
    out(ngettext("%(n)d entity", "%(n)d entities", len(rows)) % {"n": len(rows)})
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case, readonly=True) as case:
        e = services.get_entity(case, args.entity)
        ms = services.mentions(case, entity=e.uid, include_rejected=True)
        rels = services.list_relations(case, e.uid)
    if args.json:
        print_json(
            {
                "entity": asdict(e),
                "mentions": [asdict(m) for m in ms],
                "relations": [asdict(r) for r in rels],
            }
        )
        return EXIT_OK
    grade = f"{e.reliability_source or '-'}{e.reliability_info or '-'}"
    rows = (
        (_("Name"), e.name),
        (pgettext("entity", "Kind"), words.kind(e.kind)),
        (_("Aliases"), words.aliases_line(e)),
        (_("Grade"), grade),
        (_("Notes"), e.notes or "—"),
        (_("Found"), words.found(e)),
        (_("Id"), e.uid),
    )
    width = max([9, *(len(k) + 2 for k, _v in rows)])
    for k, v in rows:
        out(f"{k + ':':<{width}}{v}")
    if rels:
        out("\n" + _("Relations:"))
        for r in rels:
            when = f" ({r.date})" if r.date else ""
            out(f"  {r.uid[:8]}  {r.source_name} — {r.label} → {r.target_name}{when}")
    if ms:
        out("\n" + _("Mentions (id  document  page:chars  text):"))
        for m in ms[: args.limit]:
            flag = " " + _("[manual]") if m.manual else " " + _("[rejected]") if m.rejected else ""
            out(
                f"  {m.id:>6}  {m.document_uid[:8]}  p{m.page}:{m.start}-{m.end}  "
                f"{m.text}{flag}  — {m.document_title}"
            )
        if len(ms) > args.limit:
            out("  " + _("… and {n} more (--limit)").format(n=len(ms) - args.limit))
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        e = services.edit_entity(
            case,
            args.entity,
            name=args.name,
            kind=args.kind,
            notes=args.notes,
            grade=words.grade(args.grade),
        )
    out(_("Saved “{name}” ({kind}).").format(name=e.name, kind=words.kind(e.kind)))
    return EXIT_OK


def cmd_alias(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        e = services.get_entity(case, args.entity)
        if args.add:
            e = services.add_alias(case, e.uid, args.add, weak=args.weak, former=args.former)
        for text in args.remove:
            e = services.remove_alias(case, e.uid, text)
    out(f"{e.name}: {words.aliases_line(e)}; {words.found(e)}.")
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        e = services.merge_entities(case, args.keep, args.other)
    out(_("Merged into “{name}”: {found}.").format(name=e.name, found=words.found(e)))
    return EXIT_OK


def cmd_split(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        e = services.split_alias(case, args.entity, args.alias, kind=args.kind)
    out(
        _("“{name}” is now an entity of its own ({uid}): {mentions}.").format(
            name=e.name, uid=e.uid[:8], mentions=words.mentions(e.mentions)
        )
    )
    return EXIT_OK


def cmd_rm(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        e = services.get_entity(case, args.entity)
        services.delete_entity(case, e.uid)
    out(
        ngettext(
            "Deleted “%(name)s” and its %(n)d mention(s).",
            "Deleted “%(name)s” and its %(n)d mention(s).",
            e.mentions,
        )
        % {"name": e.name, "n": e.mentions}
    )
    return EXIT_OK


def register(sub: Any) -> None:
    kinds = words.kinds()
    help_text = _("People, organisations and places in a case: add, list, merge…")
    group = sub.add_parser("entity", help=help_text, description=help_text)
    esub = group.add_subparsers(dest="entity_command", metavar="ACTION", parser_class=Parser)
    esub.required = True
    kind_help = _("what the entity is")
    json_help = _("print the result as JSON")
    entity_help = _("the entity's name, alias or id")

    sp = add_command(esub, "add", cmd_add, _("Add an entity with its aliases."))
    sp.add_argument("name", metavar="NAME", help=_("the entity's name"))
    sp.add_argument("--kind", choices=kinds, default="other", help=kind_help)
    sp.add_argument("--alias", action="append", default=[], help=_("another name (any script)"))
    sp.add_argument(
        "--weak-alias",
        action="append",
        default=[],
        help=_("an acronym or short form, found only exactly as written (AWS, MTS)"),
    )
    sp.add_argument("--former", action="append", default=[], help=_("a former name"))
    sp.add_argument("--notes", help=_("notes on the entity"))
    sp.add_argument("--json", action="store_true", help=json_help)

    sp = add_command(esub, "list", cmd_list, _("List the entities with their counts."))
    sp.add_argument("--kind", choices=kinds, help=_("only entities of this kind"))
    sp.add_argument("--json", action="store_true", help=json_help)

    sp = add_command(esub, "show", cmd_show, _("Show an entity, its mentions and relations."))
    sp.add_argument("entity", metavar="ENTITY", help=entity_help)
    sp.add_argument("--limit", type=int, default=50, help=_("mentions to print"))
    sp.add_argument("--json", action="store_true", help=json_help)

    sp = add_command(
        esub, "edit", cmd_edit, _("Rename an entity or change its kind, notes, grade.")
    )
    sp.add_argument("entity", metavar="ENTITY", help=entity_help)
    sp.add_argument("--name", help=_("new name (the old one stays an alias)"))
    sp.add_argument("--kind", choices=kinds, help=kind_help)
    sp.add_argument("--notes", help=_("notes on the entity"))
    sp.add_argument("--grade", help=_("Admiralty grade, e.g. B2 ('-' clears it)"))

    sp = add_command(esub, "alias", cmd_alias, _("Add or remove aliases."))
    sp.add_argument("entity", metavar="ENTITY", help=entity_help)
    sp.add_argument(
        "--add", action="append", default=[], metavar="ALIAS", help=_("an alias to add")
    )
    sp.add_argument(
        "--remove", action="append", default=[], metavar="ALIAS", help=_("an alias to remove")
    )
    sp.add_argument("--weak", action="store_true", help=_("the added aliases are weak"))
    sp.add_argument("--former", action="store_true", help=_("the added aliases are former names"))

    sp = add_command(
        esub, "merge", cmd_merge, _("Merge OTHER into KEEP (aliases and mentions move).")
    )
    sp.add_argument("keep", metavar="KEEP", help=_("the entity that stays"))
    sp.add_argument("other", metavar="OTHER", help=_("the entity merged into it"))

    sp = add_command(esub, "split", cmd_split, _("Split an alias off into a new entity."))
    sp.add_argument("entity", metavar="ENTITY", help=entity_help)
    sp.add_argument("alias", metavar="ALIAS", help=_("the alias that becomes an entity"))
    sp.add_argument("--kind", choices=kinds, help=kind_help)

    sp = add_command(esub, "rm", cmd_rm, _("Delete an entity and its mentions."))
    sp.add_argument("entity", metavar="ENTITY", help=entity_help)

    entity_mentions.register_commands(esub, entity_help, json_help)
