"""`casefile entity …`: the case's people, organisations and places, their aliases and
mentions, and suggestions of names the case does not know yet."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from casefile.cli.common import EXIT_OK, Parser, add_command, open_case, out, print_json


def _kinds() -> list[str]:
    from casefile.core.services import EntityKind

    return [k.value for k in EntityKind]


def _aliases_line(e: Any) -> str:
    parts = []
    for a in e.aliases:
        if a.text == e.name:
            continue
        mark = " (weak)" if a.weak else " (former)" if a.former else ""
        parts.append(a.text + mark)
    return ", ".join(parts) or "—"


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
            f"“{text}” is not an Admiralty grade; give a letter A-F and a digit 1-6, e.g. B2."
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
            f"Added {e.kind.replace('_', ' ')} “{e.name}” ({e.uid[:8]}): "
            f"{e.mentions} mention(s) in {e.documents} document(s)."
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
        out(
            f"{e.uid[:8]}  {e.kind:<13} {e.documents:>5} docs {e.mentions:>6} mentions  "
            f"{e.name}  [{_aliases_line(e)}]"
        )
    out(f"{len(rows)} entit{'y' if len(rows) == 1 else 'ies'}")
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
    for k, v in (
        ("Name", e.name),
        ("Kind", e.kind.replace("_", " ")),
        ("Aliases", _aliases_line(e)),
        ("Grade", grade),
        ("Notes", e.notes or "—"),
        ("Found", f"{e.mentions} mention(s) in {e.documents} document(s)"),
        ("Id", e.uid),
    ):
        out(f"{k + ':':<9}{v}")
    if rels:
        out("\nRelations:")
        for r in rels:
            when = f" ({r.date})" if r.date else ""
            out(f"  {r.uid[:8]}  {r.source_name} — {r.label} → {r.target_name}{when}")
    if ms:
        out("\nMentions (id  document  page:chars  text):")
        for m in ms[: args.limit]:
            flag = " [manual]" if m.manual else " [rejected]" if m.rejected else ""
            out(
                f"  {m.id:>6}  {m.document_uid[:8]}  p{m.page}:{m.start}-{m.end}  "
                f"{m.text}{flag}  — {m.document_title}"
            )
        if len(ms) > args.limit:
            out(f"  … and {len(ms) - args.limit} more (--limit)")
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
    out(f"Saved “{e.name}” ({e.kind.replace('_', ' ')}).")
    return EXIT_OK


def cmd_alias(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        e = services.get_entity(case, args.entity)
        if args.add:
            e = services.add_alias(case, e.uid, args.add, weak=args.weak, former=args.former)
        for text in args.remove:
            e = services.remove_alias(case, e.uid, text)
    out(f"{e.name}: {_aliases_line(e)}; {e.mentions} mention(s) in {e.documents} document(s).")
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        e = services.merge_entities(case, args.keep, args.other)
    out(f"Merged into “{e.name}”: {e.mentions} mention(s) in {e.documents} document(s).")
    return EXIT_OK


def cmd_split(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        e = services.split_alias(case, args.entity, args.alias, kind=args.kind)
    out(f"“{e.name}” is now an entity of its own ({e.uid[:8]}): {e.mentions} mention(s).")
    return EXIT_OK


def cmd_rm(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        e = services.get_entity(case, args.entity)
        services.delete_entity(case, e.uid)
    out(f"Deleted “{e.name}” and its {e.mentions} mention(s).")
    return EXIT_OK


def cmd_reject(args: argparse.Namespace) -> int:
    from casefile.core import services

    with open_case(args.case) as case:
        for mid in args.mention:
            services.reject_mention(case, mid)
    out(f"Rejected {len(args.mention)} mention(s); matching again will not bring them back.")
    return EXIT_OK


def cmd_tag(args: argparse.Namespace) -> int:
    from casefile.cli.common import resolve_uid
    from casefile.core import services

    with open_case(args.case) as case:
        uid = resolve_uid(case, args.document)
        m = services.add_mention(
            case, args.entity, uid, args.page, args.start, args.end, as_alias=args.as_alias
        )
    out(f"Tagged “{m.text}” on page {m.page} ({m.id}).")
    return EXIT_OK


def cmd_suggest(args: argparse.Namespace) -> int:
    from casefile.cli.common import progress_job
    from casefile.core import services

    with open_case(args.case) as case:
        with progress_job("Reading names", enabled=not args.json) as ctx:
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
        out(f"Added “{e.name}” ({e.kind.replace('_', ' ')}): {e.mentions} mention(s).")
    for x in result.suggestions[: args.limit]:
        forms = ", ".join(f for f in x.forms if f != x.name)
        out(f"{x.documents:>5} docs  {x.kind:<13} {x.name}" + (f"  [{forms}]" if forms else ""))
    kept = result.documents_cached
    again = f" ({kept} document(s) unchanged since the last run not read again)" if kept else ""
    out(f"{len(result.suggestions)} suggestion(s){again}")
    return EXIT_OK


def register(sub: Any) -> None:
    kinds = _kinds()
    group = sub.add_parser(
        "entity", help="People, organisations and places in a case: add, list, merge…"
    )
    esub = group.add_subparsers(dest="entity_command", metavar="ACTION", parser_class=Parser)
    esub.required = True

    sp = add_command(esub, "add", cmd_add, "Add an entity with its aliases.")
    sp.add_argument("name", metavar="NAME")
    sp.add_argument("--kind", choices=kinds, default="other")
    sp.add_argument("--alias", action="append", default=[], help="another name (any script)")
    sp.add_argument(
        "--weak-alias",
        action="append",
        default=[],
        help="an acronym or short form, found only exactly as written (AWS, MTS)",
    )
    sp.add_argument("--former", action="append", default=[], help="a former name")
    sp.add_argument("--notes")
    sp.add_argument("--json", action="store_true")

    sp = add_command(esub, "list", cmd_list, "List the entities with their counts.")
    sp.add_argument("--kind", choices=kinds)
    sp.add_argument("--json", action="store_true")

    sp = add_command(esub, "show", cmd_show, "Show an entity, its mentions and relations.")
    sp.add_argument("entity", metavar="ENTITY", help="name, alias or id")
    sp.add_argument("--limit", type=int, default=50, help="mentions to print")
    sp.add_argument("--json", action="store_true")

    sp = add_command(esub, "edit", cmd_edit, "Rename an entity or change its kind, notes, grade.")
    sp.add_argument("entity", metavar="ENTITY")
    sp.add_argument("--name", help="new name (the old one stays an alias)")
    sp.add_argument("--kind", choices=kinds)
    sp.add_argument("--notes")
    sp.add_argument("--grade", help="Admiralty grade, e.g. B2 ('-' clears it)")

    sp = add_command(esub, "alias", cmd_alias, "Add or remove aliases.")
    sp.add_argument("entity", metavar="ENTITY")
    sp.add_argument("--add", action="append", default=[], metavar="ALIAS")
    sp.add_argument("--remove", action="append", default=[], metavar="ALIAS")
    sp.add_argument("--weak", action="store_true", help="the added aliases are weak")
    sp.add_argument("--former", action="store_true", help="the added aliases are former names")

    sp = add_command(esub, "merge", cmd_merge, "Merge OTHER into KEEP (aliases and mentions move).")
    sp.add_argument("keep", metavar="KEEP")
    sp.add_argument("other", metavar="OTHER")

    sp = add_command(esub, "split", cmd_split, "Split an alias off into a new entity.")
    sp.add_argument("entity", metavar="ENTITY")
    sp.add_argument("alias", metavar="ALIAS")
    sp.add_argument("--kind", choices=kinds)

    sp = add_command(esub, "rm", cmd_rm, "Delete an entity and its mentions.")
    sp.add_argument("entity", metavar="ENTITY")

    sp = add_command(esub, "reject", cmd_reject, "Reject wrongly found mentions (by id).")
    sp.add_argument("mention", metavar="MENTION", type=int, nargs="+")

    sp = add_command(esub, "tag", cmd_tag, "Tag characters of a page as a mention.")
    sp.add_argument("entity", metavar="ENTITY")
    sp.add_argument("document", metavar="DOC")
    sp.add_argument("--page", type=int, default=1)
    sp.add_argument("--start", type=int, required=True)
    sp.add_argument("--end", type=int, required=True)
    sp.add_argument("--as-alias", action="store_true", help="the words become an alias too")

    sp = add_command(
        esub, "suggest", cmd_suggest, "Suggest names the case does not know yet, by documents."
    )
    sp.add_argument("--accept", action="append", default=[], metavar="NAME")
    sp.add_argument("--dismiss", action="append", default=[], metavar="NAME")
    sp.add_argument("--limit", type=int, default=50)
    sp.add_argument(
        "--fresh",
        action="store_true",
        help="read every document again (by default a document read before and unchanged "
        "since is not, and a stopped run carries on where it stopped)",
    )
    sp.add_argument("--json", action="store_true")
