"""`casefile entity …`: the case's people, organisations and places, their aliases and
mentions, and suggestions of names the case does not know yet."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from casefile.cli.common import EXIT_OK, Parser, add_command, open_case, out, print_json
from casefile.cli.labels import entity_kind
from casefile.core.i18n import _, ngettext, pgettext


def _kinds() -> list[str]:
    from casefile.core.services import EntityKind

    return [k.value for k in EntityKind]


def _aliases_line(e: Any) -> str:
    parts = []
    for a in e.aliases:
        if a.text == e.name:
            continue
        mark = " " + _("(weak)") if a.weak else " " + _("(former)") if a.former else ""
        parts.append(a.text + mark)
    return ", ".join(parts) or "—"


def _found(e: Any) -> str:
    """ "3 mention(s) in 2 document(s)": each count with its own form."""
    in_documents = ngettext("in %(n)d document(s)", "in %(n)d document(s)", e.documents) % {
        "n": e.documents
    }
    return ngettext(
        "%(n)d mention(s) %(in_documents)s", "%(n)d mention(s) %(in_documents)s", e.mentions
    ) % {"n": e.mentions, "in_documents": in_documents}


def _mentions(n: int) -> str:
    return ngettext("%(n)d mention(s)", "%(n)d mention(s)", n) % {"n": n}


def _kind(kind: str) -> str:
    return entity_kind(kind).replace("_", " ")


def _grade(text: str | None) -> tuple[str | None, int | None] | None:
    """An Admiralty grade as typed ("B2", "B", "-"), checked by the services."""
    from casefile.core.errors import InvalidValueError

    if text is None:
        return None
    t = text.strip().upper()
    if t in ("", "-"):
        return (None, None)
    src = t[0] if t[0] in "ABCDEF" else None
    rest = t[1:] if src else t
    if (src is None and not rest) or (rest and rest not in "123456") or len(rest) > 1:
        raise InvalidValueError(
            _(
                "“{text}” is not an Admiralty grade; give a letter A-F and a digit 1-6, e.g. B2."
            ).format(text=text)
        )
    return (src, int(rest) if rest else None)


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
                kind=_kind(e.kind), name=e.name, uid=e.uid[:8], found=_found(e)
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
        out(f"{e.uid[:8]}  {entity_kind(e.kind):<13} {counts}  {e.name}  [{_aliases_line(e)}]")
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
        (pgettext("entity", "Kind"), _kind(e.kind)),
        (_("Aliases"), _aliases_line(e)),
        (_("Grade"), grade),
        (_("Notes"), e.notes or "—"),
        (_("Found"), _found(e)),
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
            grade=_grade(args.grade),
        )
    out(_("Saved “{name}” ({kind}).").format(name=e.name, kind=_kind(e.kind)))
    return EXIT_OK


def cmd_alias(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        e = services.get_entity(case, args.entity)
        if args.add:
            e = services.add_alias(case, e.uid, args.add, weak=args.weak, former=args.former)
        for text in args.remove:
            e = services.remove_alias(case, e.uid, text)
    out(f"{e.name}: {_aliases_line(e)}; {_found(e)}.")
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        e = services.merge_entities(case, args.keep, args.other)
    out(_("Merged into “{name}”: {found}.").format(name=e.name, found=_found(e)))
    return EXIT_OK


def cmd_split(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        e = services.split_alias(case, args.entity, args.alias, kind=args.kind)
    out(
        _("“{name}” is now an entity of its own ({uid}): {mentions}.").format(
            name=e.name, uid=e.uid[:8], mentions=_mentions(e.mentions)
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


def cmd_reject(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        for mid in args.mention:
            services.reject_mention(case, mid)
    n = len(args.mention)
    out(
        ngettext(
            "Rejected %(n)d mention(s); matching again will not bring them back.",
            "Rejected %(n)d mention(s); matching again will not bring them back.",
            n,
        )
        % {"n": n}
    )
    return EXIT_OK


def cmd_tag(args: argparse.Namespace) -> int:
    from casefile.cli.common import resolve_uid
    from casefile.core import services

    with open_case(args.case) as case:
        uid = resolve_uid(case, args.document)
        m = services.add_mention(
            case, args.entity, uid, args.page, args.start, args.end, as_alias=args.as_alias
        )
    out(_("Tagged “{text}” on page {page} ({id}).").format(text=m.text, page=m.page, id=m.id))
    return EXIT_OK


def cmd_suggest(args: argparse.Namespace) -> int:
    from casefile.cli.common import progress_job
    from casefile.core import services

    with open_case(args.case) as case:
        with progress_job(_("Reading names"), enabled=not args.json) as ctx:
            result = services.suggest_entities(case, ctx, fresh=args.fresh)
        accepted = [services.accept_suggestion(case, result, name) for name in args.accept]
        for name in args.dismiss:
            services.dismiss_suggestion(case, result, name)
    if args.json:
        print_json(
            {
                "suggestions": [asdict(x) for x in result.suggestions],
                "accepted": [asdict(e) for e in accepted],
                "dismissed": args.dismiss,
            }
        )
        return EXIT_OK
    for e in accepted:
        out(
            _("Added “{name}” ({kind}): {mentions}.").format(
                name=e.name, kind=_kind(e.kind), mentions=_mentions(e.mentions)
            )
        )
    for x in result.suggestions[: args.limit]:
        forms = ", ".join(f for f in x.forms if f != x.name)
        docs = _("{documents:>5} docs").format(documents=x.documents)
        out(f"{docs}  {entity_kind(x.kind):<13} {x.name}" + (f"  [{forms}]" if forms else ""))
    kept = result.documents_cached
    found = ngettext("%(n)d suggestion(s)", "%(n)d suggestion(s)", len(result.suggestions)) % {
        "n": len(result.suggestions)
    }
    if kept:
        found += " " + ngettext(
            "(%(n)d document(s) unchanged since the last run not read again)",
            "(%(n)d document(s) unchanged since the last run not read again)",
            kept,
        ) % {"n": kept}
    out(found)
    return EXIT_OK


def register(sub: Any) -> None:
    kinds = _kinds()
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

    sp = add_command(esub, "reject", cmd_reject, _("Reject wrongly found mentions (by id)."))
    sp.add_argument(
        "mention", metavar="MENTION", type=int, nargs="+", help=_("mention ids ('entity show')")
    )

    sp = add_command(esub, "tag", cmd_tag, _("Tag characters of a page as a mention."))
    sp.add_argument("entity", metavar="ENTITY", help=entity_help)
    sp.add_argument("document", metavar="DOC", help=_("document id (a unique prefix is enough)"))
    sp.add_argument("--page", type=int, default=1, help=_("the page (default: 1)"))
    sp.add_argument("--start", type=int, required=True, help=_("offset of the first character"))
    sp.add_argument(
        "--end", type=int, required=True, help=_("offset just after the last character")
    )
    sp.add_argument("--as-alias", action="store_true", help=_("the words become an alias too"))

    sp = add_command(
        esub, "suggest", cmd_suggest, _("Suggest names the case does not know yet, by documents.")
    )
    sp.add_argument(
        "--accept",
        action="append",
        default=[],
        metavar="NAME",
        help=_("make this suggestion an entity (repeatable)"),
    )
    sp.add_argument(
        "--dismiss",
        action="append",
        default=[],
        metavar="NAME",
        help=_("never suggest this name again (repeatable)"),
    )
    sp.add_argument("--limit", type=int, default=50, help=_("suggestions to print"))
    sp.add_argument(
        "--fresh",
        action="store_true",
        help=_(
            "read every document again (by default a document read before and unchanged "
            "since is not, and a stopped run carries on where it stopped)"
        ),
    )
    sp.add_argument("--json", action="store_true", help=json_help)
